// The main view: filters, the world map with event points, the timeline, the event list.
// Filter state lives in the URL (#/?country=ARM&event=ASSAULT...), so views can be linked.

import { get, eventPath } from "../api.js";
import { h, clear, hashHref, put } from "../dom.js";
import { createMap } from "../map.js";
import { renderTimeline } from "../timeline.js";
import { TYPE_COLOURS, placeNames } from "../style.js";
import { eventCard, typeBadge, factualityBadge, who, errorBox } from "./common.js";

const FILTER_KEYS = ["country", "place_country", "event", "factuality", "date_from", "date_to", "q"];
const MAP_LIMIT = 5000;
const LIST_LIMIT = 200;

let worldCache = null;

function filtersFrom(params) {
  const f = {};
  for (const k of FILTER_KEYS) if (params.get(k)) f[k] = params.get(k);
  return f;
}

function select(name, label, options, value) {
  return h("label", {}, label,
    h("select", { name, "data-filter": name },
      h("option", { value: "" }, "any"),
      options.map((o) => h("option", { value: o.code, selected: o.code === value }, o.label))));
}

function filterBar(facets, f, onChange) {
  const named = (list) => list.map((c) => ({ code: c.code, label: `${c.name} (${c.code}) · ${c.count}` }));
  const form = h("form", { class: "filters", id: "filters" },
    select("country", "Country (party)", named(facets.countries), f.country),
    select("place_country", "Place in", named(facets.place_countries), f.place_country),
    select("event", "Type", facets.event_types.map((t) => ({ code: t.code, label: `${t.code} · ${t.count}` })), f.event),
    select("factuality", "Factuality", facets.factualities.map((x) => ({ code: x, label: x })), f.factuality),
    h("label", {}, "From", h("input", { type: "date", name: "date_from", value: f.date_from || "" })),
    h("label", {}, "To", h("input", { type: "date", name: "date_to", value: f.date_to || "" })),
    h("label", {}, "Text", h("input", { type: "search", name: "q", value: f.q || "", maxlength: 200, placeholder: "in the sentence" })),
    h("button", { type: "reset", class: "secondary" }, "Reset"));
  form.addEventListener("change", () => onChange(formValues(form)));
  form.addEventListener("submit", (ev) => { ev.preventDefault(); onChange(formValues(form)); });
  form.addEventListener("reset", (ev) => { ev.preventDefault(); onChange({}); });
  return form;
}

function formValues(form) {
  const out = {};
  for (const el of form.elements) if (el.name && el.value) out[el.name] = el.value;
  return out;
}

function setFormValues(form, f) {
  for (const el of form.elements) if (el.name) el.value = f[el.name] || "";
}

function legend() {
  return h("div", { class: "legend" }, Object.keys(TYPE_COLOURS).map((t) => typeBadge(t)),
    h("span", { class: "muted small" }, "Circle size: deaths. Hollow: claimed, denied or possible."));
}

function eventTable(events, total, offset, onPick, onPage) {
  if (!events.length) return h("p", { class: "muted" }, "No events match these filters.");
  const rows = events.map((ev) => {
    const tr = h("tr", { "data-event-id": ev.id, tabindex: "0" },
      h("td", {}, ev.date || "—"), h("td", {}, typeBadge(ev.event)), h("td", {}, who(ev)),
      h("td", {}, placeNames(ev.event_loc) || "—"), h("td", {}, factualityBadge(ev.factuality)),
      h("td", { class: "num" }, ev.dead ?? ""), h("td", { class: "sentence", lang: ev.language }, ev.text));
    tr.addEventListener("click", () => onPick(ev.id));
    tr.addEventListener("keydown", (e) => { if (e.key === "Enter") onPick(ev.id); });
    return tr;
  });
  const pager = total > events.length
    ? h("p", { class: "pager" },
        h("span", { class: "muted small" }, `Events ${offset + 1}–${offset + events.length} of ${total}. `),
        offset > 0 ? h("button", { type: "button", on: { click: () => onPage(offset - LIST_LIMIT) } }, "← Previous") : null, " ",
        offset + events.length < total ? h("button", { type: "button", on: { click: () => onPage(offset + LIST_LIMIT) } }, "Next →") : null)
    : h("p", { class: "muted small" }, `${total} event${total === 1 ? "" : "s"}.`);
  return h("div", {},
    pager,
    h("table", { class: "events" },
      h("thead", {}, h("tr", {}, ["Date", "Type", "Who", "Where", "Factuality", "Dead", "Sentence"].map((c) => h("th", {}, c)))),
      h("tbody", {}, rows)));
}

export async function exploreView(root, _arg, params) {
  const [facets, world] = await Promise.all([get("facets"), worldCache || get("world")]);
  worldCache = world;
  let filters = filtersFrom(params);
  const navigate = (f) => { window.location.hash = hashHref("/", f); };
  const form = filterBar(facets, filters, navigate);
  const detail = h("aside", { class: "detail", id: "detail" },
    h("p", { class: "muted" }, "Click a point or a row to see its record."));
  const mapBox = h("div", { class: "map-box", id: "map" });
  const timelineBox = h("section", { class: "timeline-box", id: "timeline" });
  const listBox = h("section", { class: "list-box", id: "event-list" });
  const counter = h("span", { class: "muted small", id: "map-count" });
  const incidentsLink = h("a", { href: hashHref("/incidents", filters), id: "incidents-link", class: "small" }, "Incidents with these filters →");
  put(root, form, h("div", { class: "explore" }, h("div", {}, mapBox, h("div", { class: "map-foot" }, legend(), h("span", {}, counter, " ", incidentsLink))), detail),
    h("h2", {}, "Timeline"), timelineBox, h("h2", {}, "Events"), listBox);

  async function pick(id) {
    map.select(id);
    put(clear(detail), h("p", { class: "muted" }, "Loading…"));
    try {
      const ev = await get(eventPath(id));
      put(clear(detail), eventCard(ev));
    } catch (err) {
      put(clear(detail), errorBox(err));
    }
  }

  const map = createMap(mapBox, { onSelect: pick });
  map.setWorld(world);

  async function showList(offset) {
    const list = await get("events", { ...filters, limit: LIST_LIMIT, offset });
    put(clear(listBox), eventTable(list.events, list.total, offset, pick, (o) => showList(Math.max(o, 0))));
  }

  async function load() {
    const p = { ...filters };
    try {
      const [geo, tl] = await Promise.all([
        get("events", { ...p, format: "geojson", limit: MAP_LIMIT }),
        get("timeline", p),
        showList(0),
      ]);
      map.setPoints(geo.features);
      map.fit();
      map.highlightCountries([filters.country, filters.place_country].filter(Boolean));
      counter.textContent = `${geo.features.length} points on the map` +
        (geo.unlocated ? `, ${geo.unlocated} event${geo.unlocated === 1 ? "" : "s"} without a place` : "") +
        (geo.more ? ` (the newest ${MAP_LIMIT} events: narrow the filters to see older ones)` : "");
      renderTimeline(timelineBox, tl, { onPick: (from, to) => navigate({ ...filters, date_from: from, date_to: to }) });
      root.dataset.loaded = "true";
    } catch (err) {
      put(clear(listBox), errorBox(err));
    }
  }

  await load();
  return {
    update(newParams) {
      filters = filtersFrom(newParams);
      incidentsLink.setAttribute("href", hashHref("/incidents", filters));
      setFormValues(form, filters);
      root.dataset.loaded = "false";
      load();
    },
  };
}
