// One event record on its own page.

import { get, eventPath } from "../api.js";
import { h, put } from "../dom.js";
import { eventCard } from "./common.js";

export async function eventView(root, id) {
  const ev = await get(eventPath(id));
  put(root, h("p", {}, h("a", { href: "#/" }, "← Map")), eventCard(ev));
  if (ev.explanation) {
    put(root, h("section", { class: "why" }, h("h3", {}, "Why this record"),
      h("p", {}, `Rule ${ev.explanation.rule}, trigger “${ev.explanation.trigger}”.`),
      h("ul", {}, [...(ev.explanation.lexicon || []), ...(ev.explanation.notes || [])].map((x) => h("li", {}, x)))));
  }
}
