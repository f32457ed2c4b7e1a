// Pieces shared by the views: event summaries, badges, errors.

import { h, hashHref } from "../dom.js";
import { typeColour, entityCodes, placeNames, FACTUALITY_LABELS } from "../style.js";

export function typeBadge(type) {
  const chip = h("span", { class: "chip", "data-type": type });
  chip.style.backgroundColor = typeColour(type);
  return h("span", { class: "type" }, chip, type);
}

export function factualityBadge(f) {
  return h("span", { class: "fact fact-" + f, title: FACTUALITY_LABELS[f] || f }, f);
}

export function who(ev) {
  const a = entityCodes(ev.actor) || "?";
  const r = entityCodes(ev.recipient);
  return r ? `${a} → ${r}` : a;
}

export function docHref(docId, eventId) {
  return hashHref("/doc/" + encodeURIComponent(docId), eventId ? { event: eventId } : {});
}

export function eventCard(ev, { showDoc = true } = {}) {
  const facts = [
    ["Date", (ev.date || "undated") + (ev.date && ev.date_precision !== "day" ? ` (${ev.date_precision})` : "")],
    ["Actor", (ev.actor || []).map((e) => `${e.name || e.text} [${e.code || "?"}${e.sector ? "/" + e.sector : ""}]`).join(", ")],
    ["Recipient", (ev.recipient || []).map((e) => `${e.name || e.text} [${e.code || "?"}]`).join(", ")],
    ["Where", placeNames(ev.event_loc)],
    ["Dead", ev.dead], ["Injured", ev.injured],
    ["Weapons", (ev.weapons || []).join(", ")],
    ["Mode", (ev.mode || []).join(", ")],
    ["Claimed by", entityCodes(ev.claimed_by)],
    ["Horizon", ev.horizon],
  ].filter(([, v]) => v !== null && v !== undefined && v !== "");
  return h("article", { class: "event-card", "data-event-id": ev.id },
    h("header", {}, typeBadge(ev.event), " ", factualityBadge(ev.factuality), " ", h("a", { href: hashHref("/event/" + encodeURIComponent(ev.id)), class: "event-id", title: "Why this record" }, h("code", {}, ev.id))),
    h("dl", {}, facts.map(([k, v]) => [h("dt", {}, k), h("dd", {}, String(v))])),
    h("blockquote", { lang: ev.language || null }, ev.text),
    showDoc ? h("p", {}, h("a", { href: docHref(ev.doc_id, ev.id), class: "open-doc" }, "Open in document →")) : null,
  );
}

export function errorBox(err) {
  return h("div", { class: "error" }, String(err.message || err));
}

export function unavailable(data, what) {
  return h("p", { class: "muted" }, data.note || `${what} are not available.`);
}
