// The dashboard's router: hash routes (#/path?query) to views in views/.

import { get } from "./api.js";
import { h, clear } from "./dom.js";
import { exploreView } from "./views/explore.js";
import { documentView } from "./views/document.js";
import { documentsView } from "./views/documents.js";
import { incidentsView, incidentView } from "./views/incidents.js";
import { forecastsView } from "./views/forecasts.js";
import { searchView } from "./views/search.js";
import { eventView } from "./views/event.js";
import { alliancesView } from "./views/alliances.js";

const ROUTES = [
  [/^\/?$/, "map", exploreView],
  [/^\/doc\/(.+)$/, "documents", documentView],
  [/^\/documents$/, "documents", documentsView],
  [/^\/event\/(.+)$/, "map", eventView],
  [/^\/incidents$/, "incidents", incidentsView],
  [/^\/incident\/(.+)$/, "incidents", incidentView],
  [/^\/forecasts$/, "forecasts", forecastsView],
  [/^\/alliances$/, "alliances", alliancesView],
  [/^\/search$/, "search", searchView],
];

let current = null; // { view, key }

function parseHash() {
  const raw = window.location.hash.replace(/^#/, "") || "/";
  const [path, qs] = raw.split("?");
  return { path, params: new URLSearchParams(qs || "") };
}

async function route() {
  const { path, params } = parseHash();
  const root = document.getElementById("view");
  for (const [re, nav, view] of ROUTES) {
    const m = path.match(re);
    if (!m) continue;
    document.querySelectorAll("[data-nav]").forEach((a) => a.classList.toggle("active", a.dataset.nav === nav));
    const arg = m[1] !== undefined ? decodeURIComponent(m[1]) : null;
    if (current && current.view === view && current.arg === arg && current.instance && current.instance.update) {
      current.instance.update(params);
      return;
    }
    clear(root);
    root.dataset.view = nav;
    try {
      const instance = await view(root, arg, params);
      current = { view, arg, instance };
    } catch (err) {
      current = null;
      clear(root);
      root.append(h("div", { class: "error" }, h("h2", {}, "Could not show this page"), h("p", {}, String(err.message || err))));
    }
    window.scrollTo(0, 0);
    return;
  }
  clear(root);
  root.append(h("p", { class: "error" }, "No such page. ", h("a", { href: "#/" }, "Back to the map")));
}

async function showStats() {
  try {
    const st = await get("stats");
    const el = document.getElementById("stats");
    el.textContent = `${st.documents} documents · ${st.events} events` +
      (st.date_from ? ` · ${st.date_from} – ${st.date_to}` : "");
  } catch {
    /* the stats line is decoration */
  }
}

document.getElementById("search-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const q = document.getElementById("search-input").value.trim();
  if (q) window.location.hash = "#/search?q=" + encodeURIComponent(q);
});

window.addEventListener("hashchange", route);
route();
showStats();
