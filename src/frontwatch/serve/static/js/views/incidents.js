// Incidents: the list, and one incident with each side's version in its own column.

import { get } from "../api.js";
import { h, hashHref, put } from "../dom.js";
import { placeNames, codeLabel } from "../style.js";
import { sortableTable } from "../table.js";
import { exportLinks } from "../exports.js";
import { eventCard, typeBadge, docHref, unavailable, filtersFrom } from "./common.js";

function dates(inc) {
  if (!inc.date_from) return "undated";
  return inc.date_to && inc.date_to !== inc.date_from ? `${inc.date_from} – ${inc.date_to}` : inc.date_from;
}

// "Reported as fact" or "According to Armenia (ARM)".
export function versionHeading(claimant, names) {
  return claimant === "reported" ? "Reported as fact" : `According to ${codeLabel(claimant, names)}`;
}

const COLUMNS = [
  { label: "Dates", sort: (inc) => inc.date_from, cell: dates, className: "date" },
  { label: "What", sort: (inc) => inc.event_types.join(" "), cell: (inc) => inc.event_types.map(typeBadge) },
  { label: "Where", sort: (inc) => placeNames(inc.places), cell: (inc) => placeNames(inc.places) || "—" },
  { label: "Versions", sort: (inc) => (inc.contested ? "0" : "1") + inc.claimants.join(" "), cell: (inc) => [
    inc.claimants.map((c) => versionHeading(c, inc.names)).join(" · "),
    inc.contested ? h("span", { class: "contested" }, " contested") : null] },
  { label: "Records", num: true, sort: (inc) => inc.events, cell: (inc) => inc.events },
  { label: "Dead", num: true, sort: (inc) => inc.dead, cell: (inc) => inc.dead ?? "" },
  { label: "", cell: (inc) => h("a", { href: hashHref("/incident/" + encodeURIComponent(inc.id)) }, "Compare versions →") },
];

export async function incidentsView(root, _arg, params) {
  const filters = filtersFrom(params);
  const data = await get("incidents", filters);
  const filtered = Object.entries(filters).map(([k, v]) => `${k}=${[].concat(v).join("|")}`).join(", ");
  put(root, h("h2", {}, "Incidents"), filtered ? h("p", { class: "muted small" }, `Filters: ${filtered} `, h("a", { href: "#/incidents" }, "(clear)")) : null);
  if (!data.available) return put(root, unavailable(data, "Incidents"));
  if (data.truncated) put(root, h("p", { class: "muted small" }, `Built from the newest ${data.scanned.toLocaleString("en-US")} matching events; filter on the map and follow its “Incidents” link to look further back.`));
  if (!data.incidents.length) return put(root, h("p", { class: "muted" }, "No incidents."));
  put(root, exportLinks("incidents", filters, "the records of these incidents"),
    sortableTable("incidents", COLUMNS, data.incidents, { row: (inc) => h("tr", { "data-incident-id": inc.id }) }));
}

function versionSummary(v, names) {
  const label = (codes) => codes.map((c) => codeLabel(c, names)).join(", ");
  const parts = [];
  if (v.actors && v.actors.length) parts.push(`${label(v.actors)} → ${label(v.recipients || []) || "?"}`);
  if (v.places && v.places.length) parts.push(`at ${v.places.join(", ")}`);
  if (v.dead !== null && v.dead !== undefined) parts.push(`${v.dead} dead`);
  if (v.disputes && v.disputes.length) parts.push(`disputes ${label(v.disputes)}`);
  return parts.join(" · ");
}

export async function incidentView(root, id) {
  const inc = await get("incidents/" + encodeURIComponent(id));
  const plain = inc.explanations || [];
  put(root,
    h("p", {}, h("a", { href: "#/incidents" }, "← Incidents")),
    h("h2", {}, `Incident ${dates(inc)}`, inc.contested ? h("span", { class: "contested" }, " contested") : null),
    h("p", { class: "muted" }, placeNames(inc.places)),
    plain.length ? h("ul", { class: "explanations" }, plain.map((r) => h("li", {}, r))) : null,
    inc.reasons.length ? h("details", { class: "reasons" }, h("summary", { class: "small" }, "How the records were matched (detail)"),
      h("ul", { class: "small" }, inc.reasons.map((r) => h("li", {}, h("code", {}, r))))) : null,
    h("div", { class: "versions" }, inc.versions.map((v) => h("section", { class: "version", "data-claimant": v.claimant },
      h("h3", {}, versionHeading(v.claimant, inc.names)),
      h("p", { class: "version-summary small" }, versionSummary(v, inc.names)),
      v.events.map((ev) => eventCard(ev))))),
    h("h3", {}, "Documents"),
    h("ul", { class: "incident-docs" }, inc.documents.map((d) => h("li", {},
      h("a", { href: docHref(d) }, (inc.document_titles || {})[d] || d), " ", h("code", { class: "small muted" }, d)))));
}
