// The list of stored documents, newest first, a page at a time (#/documents?offset=N).

import { get } from "../api.js";
import { h, hashHref, put } from "../dom.js";
import { docHref } from "./common.js";

const PAGE = 200;

export async function documentsView(root, _arg, params) {
  const offset = Math.max(parseInt(params.get("offset") || "0", 10) || 0, 0);
  const data = await get("documents", { limit: PAGE, offset });
  const pager = data.total > PAGE ? h("p", { class: "pager" },
    h("span", { class: "muted small" }, `Documents ${offset + 1}–${offset + data.documents.length} of ${data.total}. `),
    offset > 0 ? h("a", { href: hashHref("/documents", { offset: Math.max(offset - PAGE, 0) }) }, "← Newer") : null, " ",
    offset + PAGE < data.total ? h("a", { href: hashHref("/documents", { offset: offset + PAGE }) }, "Older →") : null) : null;
  put(root, h("h2", {}, `Documents (${data.total})`), pager,
    h("table", { class: "docs" },
      h("thead", {}, h("tr", {}, ["Published", "Title", "Language", "Events", "Comments", "Versions"].map((c) => h("th", {}, c)))),
      h("tbody", {}, data.documents.map((d) => h("tr", {},
        h("td", {}, d.published || "—"),
        h("td", { lang: d.language }, h("a", { href: docHref(d.doc_id) }, d.title || d.doc_id)),
        h("td", {}, d.language || ""), h("td", { class: "num" }, d.events),
        h("td", { class: "num" }, d.comments), h("td", { class: "num" }, d.versions))))),
    pager ? pager.cloneNode(true) : null);
}
