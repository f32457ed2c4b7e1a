// The list of stored documents, newest first, a page at a time (#/documents?offset=N).

import { get } from "../api.js";
import { h, hashHref, put } from "../dom.js";
import { docHref } from "./common.js";
import { sortableTable } from "../table.js";

const PAGE = 200;

export async function documentsView(root, _arg, params) {
  const offset = Math.max(parseInt(params.get("offset") || "0", 10) || 0, 0);
  const data = await get("documents", { limit: PAGE, offset });
  const pager = data.total > PAGE ? h("p", { class: "pager" },
    h("span", { class: "muted small" }, `Documents ${offset + 1}–${offset + data.documents.length} of ${data.total}. `),
    offset > 0 ? h("a", { href: hashHref("/documents", { offset: Math.max(offset - PAGE, 0) }) }, "← Newer") : null, " ",
    offset + PAGE < data.total ? h("a", { href: hashHref("/documents", { offset: offset + PAGE }) }, "Older →") : null) : null;
  put(root, h("h2", {}, `Documents (${data.total})`), pager,
    sortableTable("docs", [
      { label: "Published", sort: (d) => d.published, cell: (d) => d.published || "—" },
      { label: "Title", sort: (d) => d.title || d.doc_id, cell: (d) => h("a", { href: docHref(d.doc_id), lang: d.language }, d.title || d.doc_id) },
      { label: "Language", sort: (d) => d.language, cell: (d) => d.language || "" },
      { label: "Events", num: true, sort: (d) => d.events, cell: (d) => d.events },
      { label: "Comments", num: true, sort: (d) => d.comments, cell: (d) => d.comments },
      { label: "Versions", num: true, sort: (d) => d.versions, cell: (d) => d.versions },
    ], data.documents),
    pager ? pager.cloneNode(true) : null);
}
