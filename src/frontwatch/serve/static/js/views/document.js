// A document: title, body with each coded sentence lit up and linked to its records,
// source headlines, other parts, and reader comments folded below the article.
// Offsets from the API count Unicode code points, so text is sliced as code points.

import { get, documentPath } from "../api.js";
import { h, clear, externalLink, put } from "../dom.js";
import { typeColour, partName } from "../style.js";
import { eventCard } from "./common.js";

const ARTICLE_KINDS = new Set(["title", "body"]);
const HIDDEN_KINDS = new Set(["chrome", "nav_prev", "nav_next", "trackback"]);

function markFor(span, onPick) {
  const mark = h("mark", {
    class: "coded", id: `span-${span.start}`, tabindex: "0",
    "data-event-ids": span.event_ids.join(" "), "data-types": span.events.join(" "),
    title: span.events.join(", ") + " — click to see the records",
  });
  mark.style.borderBottomColor = typeColour(span.events[0]);
  mark.addEventListener("click", () => onPick(span));
  mark.addEventListener("keydown", (ev) => { if (ev.key === "Enter") onPick(span); });
  return mark;
}

// The section's text as nodes: plain text, with <mark> around coded spans.
export function highlighted(chars, section, spans, onPick) {
  const out = [];
  let pos = section.start;
  const inside = spans.filter((sp) => sp.end > section.start && sp.start < section.end);
  for (const sp of inside) {
    const start = Math.max(sp.start, pos);
    const end = Math.min(sp.end, section.end);
    if (end <= start) continue;
    if (start > pos) out.push(chars.slice(pos, start).join(""));
    const mark = markFor(sp, onPick);
    mark.append(document.createTextNode(chars.slice(start, end).join("")));
    out.push(mark);
    pos = end;
  }
  if (pos < section.end) out.push(chars.slice(pos, section.end).join(""));
  return out;
}

function comment(c) {
  const meta = [c.author || "anonymous", c.date, c.likes !== null && c.likes !== undefined ? `♥ ${c.likes}` : null]
    .filter(Boolean).join(" · ");
  return h("li", { class: "comment depth-" + Math.min(c.depth || 0, 4) },
    h("div", { class: "comment-meta" }, meta),
    h("div", { class: "comment-text" }, c.text));
}

function sectionBlock(doc, chars, sec, spans, pick) {
  const lang = sec.language || doc.language || null;
  const text = highlighted(chars, sec, spans, pick);
  if (sec.kind === "title") return h("h1", { class: "doc-title", lang }, text);
  return h("p", { class: "para", lang }, text);
}

export async function documentView(root, docId, params) {
  const version = params.get("version");
  const doc = await get(documentPath(docId), version ? { version } : {});
  const chars = Array.from(doc.text);
  const byId = new Map(doc.events.map((e) => [e.id, e]));
  const records = h("aside", { class: "detail doc-records", id: "records" },
    h("h3", {}, `${doc.events.length} coded records`),
    h("p", { class: "muted small" }, "Click a highlighted sentence to see what was coded from it."));

  function pick(span, scroll = false) {
    document.querySelectorAll("mark.coded.active").forEach((m) => m.classList.remove("active"));
    const mark = document.getElementById(`span-${span.start}`);
    if (mark) {
      mark.classList.add("active");
      if (scroll) mark.scrollIntoView({ block: "center" });
    }
    put(clear(records), h("h3", {}, span.events.join(", ")),
      span.event_ids.map((id) => byId.get(id)).filter(Boolean).map((ev) => eventCard(ev, { showDoc: false })));
  }

  const article = doc.sections.filter((s) => ARTICLE_KINDS.has(s.kind));
  const refs = doc.sections.filter((s) => s.kind === "reference");
  const others = doc.sections.filter((s) => !ARTICLE_KINDS.has(s.kind) && s.kind !== "reference" && !HIDDEN_KINDS.has(s.kind));
  const hasTitleSection = article.some((s) => s.kind === "title");
  const meta = [doc.published && `published ${doc.published}`, doc.category, doc.language && `language ${doc.language}`]
    .filter(Boolean).join(" · ");

  put(root, 
    h("p", {}, h("a", { href: "#/documents" }, "← Documents")),
    h("div", { class: "doc-layout" },
      h("article", { class: "document", lang: doc.language || null },
        hasTitleSection ? null : h("h1", { class: "doc-title" }, doc.title || doc.doc_id),
        h("p", { class: "muted small" }, meta, " ", doc.url ? externalLink(doc.url, "original") : null),
        article.map((sec) => sectionBlock(doc, chars, sec, doc.spans, pick)),
        refs.length ? h("section", { class: "refs" }, h("h3", {}, "Sources"),
          h("ul", {}, refs.map((r) => h("li", { lang: r.language || null }, r.url ? externalLink(r.url, r.text) : r.text)))) : null,
        others.length ? h("details", { class: "other-parts" }, h("summary", {}, `Other parts of the page (${others.length})`),
          h("ul", {}, others.map((r) => h("li", {}, h("span", { class: "kind", "data-kind": r.kind }, partName(r.kind)), " ", r.url ? externalLink(r.url, r.text) : r.text)))) : null,
        h("details", { class: "comments", id: "comments" },
          h("summary", {}, `Reader comments (${doc.comments.length})`),
          doc.comments.length ? h("ol", {}, doc.comments.map(comment)) : h("p", { class: "muted" }, "No comments."))),
      records));

  const wanted = params.get("event");
  const target = wanted && doc.spans.find((sp) => sp.event_ids.includes(wanted));
  if (target) pick(target, true);
}
