// The forecast ledger: warnings with their outcomes, and each source's Brier score.

import { get } from "../api.js";
import { h, put } from "../dom.js";
import { entityCodes } from "../style.js";
import { typeBadge, docHref, unavailable } from "./common.js";

export async function forecastsView(root) {
  const data = await get("forecasts");
  put(root, h("h2", {}, "Forecast ledger"));
  if (!data.available) return put(root, unavailable(data, "Forecasts"));
  put(root, 
    h("h3", {}, "Sources"),
    h("p", { class: "muted small" }, "Brier score: mean of (stated probability − outcome)² over resolved forecasts; 0 is perfect, 0.25 is a coin toss."),
    h("table", { class: "sources" },
      h("thead", {}, h("tr", {}, ["Source", "Forecasts", "Resolved", "Happened", "Open", "Brier"].map((c) => h("th", {}, c)))),
      h("tbody", {}, data.sources.map((s) => h("tr", { "data-source": s.source },
        h("td", {}, s.source), h("td", { class: "num" }, s.forecasts), h("td", { class: "num" }, s.resolved),
        h("td", { class: "num" }, s.happened), h("td", { class: "num" }, s.forecasts - s.resolved),
        h("td", { class: "num" }, s.brier === null ? "—" : s.brier.toFixed(3)))))),
    h("h3", {}, "Warnings"),
    data.forecasts.length ? h("table", { class: "ledger" },
      h("thead", {}, h("tr", {}, ["Issued", "Source", "Warned of", "Horizon", "Due", "p", "Outcome"].map((c) => h("th", {}, c)))),
      h("tbody", {}, data.forecasts.map((f) => h("tr", { "data-forecast-id": f.id },
        h("td", {}, f.issued || "—"), h("td", {}, f.source || "—"),
        h("td", {}, typeBadge(f.event.event), " ", entityCodes(f.event.actor), " ",
          h("a", { href: docHref(f.event.doc_id, f.event.id), lang: f.event.language }, f.event.text)),
        h("td", {}, f.event.horizon || "—"), h("td", {}, f.due || "—"),
        h("td", { class: "num" }, f.probability.toFixed(2)),
        h("td", {}, h("span", { class: "outcome outcome-" + f.outcome }, f.outcome.replaceAll("_", " ")),
          f.evidence.length ? [" ", f.evidence.map((id) => h("code", { class: "small" }, id))] : null)))))
      : h("p", { class: "muted" }, "No forecasts."));
}
