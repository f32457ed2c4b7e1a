// One event record on its own page, with why it was coded: in words first, the rule
// and lexicon rows folded below for whoever maintains the coder.

import { get, eventPath } from "../api.js";
import { h, put } from "../dom.js";
import { eventCard } from "./common.js";

export async function eventView(root, id) {
  const ev = await get(eventPath(id));
  put(root, h("p", {}, h("a", { href: "#/" }, "← Map")), eventCard(ev));
  const why = ev.explanation;
  if (why) {
    put(root, h("section", { class: "why" }, h("h3", {}, "Why this record"),
      h("p", { class: "plain-why" }, `Coded as ${ev.event} because the sentence uses “${why.trigger}”` +
        (ev.factuality !== "asserted" ? `; ${ev.factuality}, not reported as fact.` : ".")),
      h("details", {}, h("summary", { class: "small" }, "Coder detail (rule and lexicon rows)"),
        h("p", { class: "small" }, h("code", {}, why.rule)),
        h("ul", { class: "small" }, [...(why.lexicon || []), ...(why.notes || [])].map((x) => h("li", {}, h("code", {}, x)))))));
  }
}
