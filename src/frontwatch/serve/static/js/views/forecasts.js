// The forecast ledger: warnings with their outcomes, and each source's Brier score.

import { get } from "../api.js";
import { h, hashHref, put } from "../dom.js";
import { entityLabels, codeLabel } from "../style.js";
import { sortableTable } from "../table.js";
import { exportLinks } from "../exports.js";
import { typeBadge, docHref, unavailable } from "./common.js";

const OUTCOMES = {
  happened: "a matching event was reported by the due date",
  not_by_deadline: "no matching event was reported by the due date",
  open: "the due date has not passed",
};

// Every source a warning counts for: a warning by two sources counts for each in the table above.
function sourcesOf(f) {
  return f.sources && f.sources.length ? f.sources : f.source ? [f.source] : [];
}

function ledgerColumns(names) {
  return [
    { label: "Issued", sort: (f) => f.issued, cell: (f) => f.issued || "—" },
    { label: "Source", sort: (f) => sourcesOf(f).join(" "), cell: (f) => sourcesOf(f).map((c) => codeLabel(c, names)).join(", ") || "—" },
    { label: "Warned of", sort: (f) => f.event.event, cell: (f) => [typeBadge(f.event.event), " ", entityLabels(f.event.actor), " ",
      h("a", { href: docHref(f.event.doc_id, f.event.id), lang: f.event.language }, f.event.text)] },
    { label: "Horizon", sort: (f) => f.event.horizon_days, cell: (f) => f.event.horizon || "—" },
    { label: "Due", sort: (f) => f.due, cell: (f) => f.due || "—", className: "date" },
    { label: "p", num: true, sort: (f) => f.probability, cell: (f) => f.probability.toFixed(2) },
    { label: "Outcome", sort: (f) => f.outcome, cell: (f) => [
      h("span", { class: "outcome outcome-" + f.outcome, title: OUTCOMES[f.outcome] || "" }, f.outcome.replaceAll("_", " ")),
      f.evidence.length ? h("ul", { class: "evidence small" }, f.evidence.map((id) =>
        h("li", {}, h("a", { href: hashHref("/event/" + encodeURIComponent(id)), "data-evidence": id }, "evidence: " + id)))) : null] },
  ];
}

// Warnings a page (the API's default); the newest first, #/forecasts?offset=N for older ones.
const PAGE = 200;

function pager(data, offset) {
  if (data.total <= PAGE) return null;
  return h("p", { class: "pager" },
    h("span", { class: "muted small" }, `Warnings ${Math.min(offset + 1, data.total)}–${offset + data.forecasts.length} of ${data.total}. `),
    offset > 0 ? h("a", { href: hashHref("/forecasts", { offset: Math.max(offset - PAGE, 0) }) }, "← Newer") : null, " ",
    offset + PAGE < data.total ? h("a", { href: hashHref("/forecasts", { offset: offset + PAGE }) }, "Older →") : null);
}

export async function forecastsView(root, _arg, params) {
  const offset = Math.max(parseInt((params && params.get("offset")) || "0", 10) || 0, 0);
  const data = await get("forecasts", { limit: PAGE, offset });
  put(root, h("h2", {}, "Forecast ledger"));
  if (!data.available) return put(root, unavailable(data, "Forecasts"));
  const asOf = data.as_of || data.judged_as_of;
  put(root,
    h("p", { class: "as-of", id: "as-of" }, asOf
      ? `Outcomes judged as of ${asOf}` + (data.as_of ? "." : " (the newest date in the store).")
      : "No dated records: every warning is open."),
    h("h3", {}, "Sources"),
    h("p", { class: "muted small" }, "Brier score: mean of (stated probability − outcome)² over resolved forecasts; 0 is perfect, 0.25 is a coin toss. A warning made by several sources counts for each of them." +
      (data.total > data.forecasts.length ? ` Scored over the ${data.forecasts.length} warnings on this page; \`frontwatch forecasts\` scores all ${data.total}.` : "")),
    sortableTable("sources", [
      { label: "Source", sort: (s) => codeLabel(s.source, data.names), cell: (s) => codeLabel(s.source, data.names) },
      { label: "Forecasts", num: true, sort: (s) => s.forecasts, cell: (s) => s.forecasts },
      { label: "Resolved", num: true, sort: (s) => s.resolved, cell: (s) => s.resolved },
      { label: "Happened", num: true, sort: (s) => s.happened, cell: (s) => s.happened },
      { label: "Open", num: true, sort: (s) => s.forecasts - s.resolved, cell: (s) => s.forecasts - s.resolved },
      { label: "Brier", num: true, sort: (s) => s.brier, cell: (s) => (s.brier === null ? "—" : s.brier.toFixed(3)) },
    ], data.sources, { row: (s) => h("tr", { "data-source": s.source }) }),
    h("h3", {}, "Warnings"),
    pager(data, offset),
    data.forecasts.length
      ? [exportLinks("forecasts", { ...(data.as_of ? { as_of: data.as_of } : {}), limit: PAGE, offset }, "these warnings"),
        sortableTable("ledger", ledgerColumns(data.names), data.forecasts, { row: (f) => h("tr", { "data-forecast-id": f.id }) }),
        h("ul", { class: "legend-list small muted" }, Object.entries(OUTCOMES).map(([k, v]) =>
          h("li", {}, h("span", { class: "outcome outcome-" + k }, k.replaceAll("_", " ")), " ", v)))]
      : h("p", { class: "muted" }, "No forecasts."));
}

