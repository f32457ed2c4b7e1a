// Pieces shared by the views: event summaries, badges, errors.

import { h, hashHref } from "../dom.js";
import { typeColour, entityLabels, placeNames, FACTUALITY_LABELS } from "../style.js";

export function typeBadge(type) {
  const chip = h("span", { class: "chip", "data-type": type });
  chip.style.backgroundColor = typeColour(type);
  return h("span", { class: "type" }, chip, type);
}

export function factualityBadge(f) {
  return h("span", { class: "fact fact-" + f, title: FACTUALITY_LABELS[f] || f }, f);
}

// "Azerbaijan (AZE) → Armenia (ARM)": names first, codes after them.
export function who(ev) {
  const a = entityLabels(ev.actor) || "?";
  const r = entityLabels(ev.recipient);
  return r ? `${a} → ${r}` : a;
}

const SECTORS = { GOV: "government", MIL: "military", REB: "rebels", IGO: "international organisation",
  NGO: "non-governmental organisation", CVL: "civilians", MED: "media", BUS: "business", OPP: "opposition",
  PTY: "party", JUD: "judiciary", LEG: "legislature", COP: "police", SPY: "intelligence", INS: "insurgents",
  PRE: "breakaway authority", REF: "refugees", LAB: "labour", EDU: "education" };

function entityLine(e) {
  const name = e.name || e.text;
  const code = e.code || "?";
  const sector = e.sector ? ", " + (SECTORS[e.sector] || e.sector) : "";
  return `${name} (${code}${sector})`;
}

export function docHref(docId, eventId) {
  return hashHref("/doc/" + encodeURIComponent(docId), eventId ? { event: eventId } : {});
}

export function eventCard(ev, { showDoc = true } = {}) {
  const facts = [
    ["Date", (ev.date || "undated") + (ev.date && ev.date_precision !== "day" ? ` (${ev.date_precision})` : "")],
    ["Actor", (ev.actor || []).map(entityLine).join(", ")],
    ["Recipient", (ev.recipient || []).map(entityLine).join(", ")],
    ["Where", placeNames(ev.event_loc)],
    ["Dead", ev.dead], ["Injured", ev.injured],
    ["Weapons", (ev.weapons || []).join(", ")],
    ["Mode", (ev.mode || []).join(", ")],
    ["Claimed by", entityLabels(ev.claimed_by)],
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

// The filters of the map and lists, from the URL: a key may repeat (several types).
const MULTI_KEYS = ["event", "country", "actor", "recipient", "place_country", "claimed_by", "factuality",
  "language", "source"];
const SINGLE_KEYS = ["date_from", "date_to", "q", "dead_min"];

export function filtersFrom(params) {
  const f = {};
  for (const k of MULTI_KEYS) {
    const all = params.getAll(k).filter(Boolean);
    if (all.length) f[k] = all;
  }
  for (const k of SINGLE_KEYS) if (params.get(k)) f[k] = params.get(k);
  return f;
}
