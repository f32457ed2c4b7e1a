// Full-text search results: snippets shown as text, linked to their documents.

import { get } from "../api.js";
import { h, put } from "../dom.js";
import { partName } from "../style.js";
import { docHref } from "./common.js";

export async function searchView(root, _arg, params) {
  const q = params.get("q") || "";
  document.getElementById("search-input").value = q;
  const data = await get("search", { q, limit: 100 });
  put(root, h("h2", {}, `Search: “${q}”`),
    data.hits.length
      ? h("ol", { class: "hits" }, data.hits.map((hit) => h("li", {},
          h("a", { href: docHref(hit.doc_id) }, hit.title || hit.doc_id), " ",
          h("span", { class: "kind", "data-kind": hit.kind }, partName(hit.kind)), h("div", { class: "snippet" }, hit.snippet))))
      : h("p", { class: "muted" }, "Nothing found."));
}
