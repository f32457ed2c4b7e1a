// Incidents: the list, and one incident with each side's version in its own column.

import { get } from "../api.js";
import { h, hashHref, put } from "../dom.js";
import { placeNames } from "../style.js";
import { eventCard, typeBadge, docHref, unavailable } from "./common.js";

function dates(inc) {
  if (!inc.date_from) return "undated";
  return inc.date_to && inc.date_to !== inc.date_from ? `${inc.date_from} – ${inc.date_to}` : inc.date_from;
}

const FILTER_KEYS = ["country", "place_country", "event", "factuality", "date_from", "date_to", "q"];

export async function incidentsView(root, _arg, params) {
  const filters = Object.fromEntries(FILTER_KEYS.filter((k) => params.get(k)).map((k) => [k, params.get(k)]));
  const data = await get("incidents", filters);
  const filtered = Object.entries(filters).map(([k, v]) => `${k}=${v}`).join(", ");
  put(root, h("h2", {}, "Incidents"), filtered ? h("p", { class: "muted small" }, `Filters: ${filtered} `, h("a", { href: "#/incidents" }, "(clear)")) : null);
  if (!data.available) return put(root, unavailable(data, "Incidents"));
  if (data.truncated) put(root, h("p", { class: "muted small" }, `Built from the newest ${data.scanned} matching events; filter on the map and follow its “Incidents” link to look further back.`));
  if (!data.incidents.length) return put(root, h("p", { class: "muted" }, "No incidents."));
  put(root, h("table", { class: "incidents" },
    h("thead", {}, h("tr", {}, ["Dates", "What", "Where", "Versions", "Dead", ""].map((c) => h("th", {}, c)))),
    h("tbody", {}, data.incidents.map((inc) => h("tr", { "data-incident-id": inc.id },
      h("td", {}, dates(inc)),
      h("td", {}, inc.event_types.map(typeBadge)),
      h("td", {}, placeNames(inc.places) || "—"),
      h("td", {}, inc.claimants.join(" · "), inc.contested ? h("span", { class: "contested" }, " contested") : null),
      h("td", { class: "num" }, inc.dead ?? ""),
      h("td", {}, h("a", { href: hashHref("/incident/" + encodeURIComponent(inc.id)) }, "Compare versions →")))))));
}

function versionSummary(v) {
  const parts = [];
  if (v.actors && v.actors.length) parts.push(`${v.actors.join(", ")} → ${(v.recipients || []).join(", ") || "?"}`);
  if (v.places && v.places.length) parts.push(`at ${v.places.join(", ")}`);
  if (v.dead !== null && v.dead !== undefined) parts.push(`${v.dead} dead`);
  if (v.disputes && v.disputes.length) parts.push(`disputes ${v.disputes.join(", ")}`);
  return parts.join(" · ");
}

export async function incidentView(root, id) {
  const inc = await get("incidents/" + encodeURIComponent(id));
  put(root, 
    h("p", {}, h("a", { href: "#/incidents" }, "← Incidents")),
    h("h2", {}, `Incident ${dates(inc)}`, inc.contested ? h("span", { class: "contested" }, " contested") : null),
    h("p", { class: "muted" }, placeNames(inc.places)),
    inc.reasons.length ? h("ul", { class: "reasons small" }, inc.reasons.map((r) => h("li", {}, r))) : null,
    h("div", { class: "versions" }, inc.versions.map((v) => h("section", { class: "version", "data-claimant": v.claimant },
      h("h3", {}, v.claimant === "reported" ? "Reported as fact" : `According to ${v.claimant}`),
      h("p", { class: "version-summary small" }, versionSummary(v)),
      v.events.map((ev) => eventCard(ev))))),
    h("h3", {}, "Documents"),
    h("ul", {}, inc.documents.map((d) => h("li", {}, h("a", { href: docHref(d) }, d)))));
}
