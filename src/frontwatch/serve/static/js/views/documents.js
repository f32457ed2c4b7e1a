// The list of stored documents.

import { get } from "../api.js";
import { h, put } from "../dom.js";
import { docHref } from "./common.js";

export async function documentsView(root) {
  const data = await get("documents", { limit: 500 });
  put(root, h("h2", {}, `Documents (${data.total})`),
    h("table", { class: "docs" },
      h("thead", {}, h("tr", {}, ["Published", "Title", "Language", "Events", "Comments", "Versions"].map((c) => h("th", {}, c)))),
      h("tbody", {}, data.documents.map((d) => h("tr", {},
        h("td", {}, d.published || "—"),
        h("td", { lang: d.language }, h("a", { href: docHref(d.doc_id) }, d.title || d.doc_id)),
        h("td", {}, d.language || ""), h("td", { class: "num" }, d.events),
        h("td", { class: "num" }, d.comments), h("td", { class: "num" }, d.versions))))));
}
