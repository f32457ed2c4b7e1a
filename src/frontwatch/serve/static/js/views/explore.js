// The main view: filters, the world map with event points, the timeline, the event list.
// Filter state lives in the URL (#/?country=ARM&event=ASSAULT&event=ACCUSE...), so views
// can be linked; a key may repeat (several types, several countries).

import { get, eventPath } from "../api.js";
import { h, clear, hashHref, put } from "../dom.js";
import { createMap } from "../map.js";
import { renderTimeline, focusedRange, bucketFor } from "../timeline.js";
import { FACTUALITY_LABELS, placeNames } from "../style.js";
import { sortableTable } from "../table.js";
import { exportLinks } from "../exports.js";
import { eventCard, typeBadge, factualityBadge, who, errorBox, filtersFrom } from "./common.js";

const LANGUAGES = { en: "English", ja: "Japanese" };
const MAP_LIMIT = 5000;
const LIST_LIMIT = 200;
const EXPORT_LIMIT = 10000; // the API's largest page

let worldCache = null;

// A menu of checkboxes folded under a summary that says what is chosen.
function multiSelect(name, label, options, chosen) {
  const picked = new Set(chosen || []);
  const summary = h("summary", {});
  const box = h("details", { class: "multi", "data-filter": name }, summary,
    h("div", { class: "multi-options" }, options.length ? options.map((o) => h("label", {},
      h("input", { type: "checkbox", name, value: o.code, checked: picked.has(o.code) }), " ", o.label))
      : h("span", { class: "muted small" }, "none stored")));
  const say = () => {
    const n = box.querySelectorAll("input:checked").length;
    summary.textContent = `${label}: ${n ? n + " chosen" : "any"}`;
  };
  box.addEventListener("change", say);
  say();
  return box;
}

function filterBar(facets, f, onChange) {
  const named = (list) => list.map((c) => ({ code: c.code, label: `${c.name} (${c.code}) · ${c.count}` }));
  const form = h("form", { class: "filters", id: "filters" },
    multiSelect("event", "Type", facets.event_types.map((t) => ({ code: t.code, label: `${t.code} · ${t.count}` })), f.event),
    multiSelect("country", "Either side", named(facets.countries), f.country),
    multiSelect("actor", "Actor", named(facets.countries), f.actor),
    multiSelect("recipient", "Recipient", named(facets.countries), f.recipient),
    multiSelect("claimed_by", "Claimed by", named(facets.claimants || []), f.claimed_by),
    multiSelect("place_country", "Place in", named(facets.place_countries), f.place_country),
    multiSelect("factuality", "Factuality", facets.factualities.map((x) => ({ code: x, label: `${x} (${FACTUALITY_LABELS[x] || x})` })), f.factuality),
    multiSelect("language", "Language", (facets.languages || []).map((x) => ({ code: x.code, label: `${LANGUAGES[x.code] || x.code} (${x.code}) · ${x.count}` })), f.language),
    multiSelect("source", "Source", (facets.sources || []).map((x) => ({ code: x.code, label: `${x.code} · ${x.count}` })), f.source),
    h("label", {}, "Deaths", h("select", { name: "dead_min" }, h("option", { value: "" }, "any"),
      (facets.dead_min || []).map((x) => h("option", { value: String(x.code), selected: String(x.code) === f.dead_min }, `at least ${x.code} dead · ${x.count} events`)))),
    h("label", {}, "From", h("input", { type: "date", name: "date_from", value: f.date_from || "" })),
    h("label", {}, "To", h("input", { type: "date", name: "date_to", value: f.date_to || "" })),
    h("label", {}, "Text", h("input", { type: "search", name: "q", value: f.q || "", maxlength: 200, placeholder: "in the sentence" })),
    h("button", { type: "submit" }, "Apply"),
    h("button", { type: "reset", class: "secondary" }, "Reset"));
  // checkboxes apply when their menu closes, so several can be ticked in one go
  form.addEventListener("change", (ev) => { if (ev.target.type !== "checkbox") onChange(formValues(form)); });
  form.addEventListener("toggle", (ev) => { if (!ev.target.open) onChange(formValues(form)); }, true);
  form.addEventListener("submit", (ev) => { ev.preventDefault(); onChange(formValues(form)); });
  form.addEventListener("reset", (ev) => { ev.preventDefault(); onChange({}); });
  return form;
}

function formValues(form) {
  const out = {};
  for (const el of form.elements) {
    if (!el.name || !el.value) continue;
    if (el.type === "checkbox") {
      if (el.checked) out[el.name] = [...(out[el.name] || []), el.value];
    } else {
      out[el.name] = el.value;
    }
  }
  return out;
}

function setFormValues(form, f) {
  for (const el of form.elements) {
    if (!el.name) continue;
    if (el.type === "checkbox") el.checked = (f[el.name] || []).includes(el.value);
    else el.value = f[el.name] || "";
  }
  form.querySelectorAll("details.multi").forEach((d) => d.dispatchEvent(new Event("change")));
}

function sameFilters(a, b) {
  const canon = (f) => JSON.stringify(Object.keys(f).sort().map((k) => [k, f[k]]));
  return canon(a) === canon(b);
}

// The legend lists only the types on the map, with how many points each has.
function legend(features) {
  const counts = new Map();
  for (const f of features) counts.set(f.properties.event, (counts.get(f.properties.event) || 0) + 1);
  return h("div", { class: "legend", id: "legend" },
    [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([t, n]) => h("span", { "data-type": t }, typeBadge(t), ` ${n}`)),
    h("span", { class: "muted small" }, "Circle size: deaths. Hollow: claimed, denied or possible. Numbered circles: several events close together (dark when of several types); click to zoom in."));
}

const EVENT_COLUMNS = [
  { label: "Date", sort: (ev) => ev.date, cell: (ev) => ev.date || "—" },
  { label: "Type", sort: (ev) => ev.event, cell: (ev) => typeBadge(ev.event) },
  { label: "Who", sort: (ev) => who(ev), cell: (ev) => who(ev), className: "who" },
  { label: "Where", sort: (ev) => placeNames(ev.event_loc), cell: (ev) => placeNames(ev.event_loc) || "—" },
  { label: "Factuality", sort: (ev) => ev.factuality, cell: (ev) => factualityBadge(ev.factuality) },
  { label: "Dead", num: true, sort: (ev) => ev.dead, cell: (ev) => ev.dead ?? "" },
  { label: "Sentence", cell: (ev) => h("span", { lang: ev.language }, ev.text), className: "sentence" },
];

// "10,000" for an exact count, "10,000+" when the API stopped counting (total_exact false)
function countText(total, exact) {
  return total.toLocaleString("en-US") + (exact === false ? "+" : "");
}

function eventTable(events, total, exact, offset, onPick, onPage) {
  if (!events.length) return h("p", { class: "muted" }, "No events match these filters.");
  const shown = countText(total, exact);
  const more = offset + events.length < total || (exact === false && events.length === LIST_LIMIT);
  const pager = total > events.length
    ? h("p", { class: "pager" },
        h("span", { class: "muted small" }, `Events ${(offset + 1).toLocaleString("en-US")}–${(offset + events.length).toLocaleString("en-US")} of ${shown}. `),
        offset > 0 ? h("button", { type: "button", on: { click: () => onPage(offset - LIST_LIMIT) } }, "← Previous") : null, " ",
        more ? h("button", { type: "button", on: { click: () => onPage(offset + LIST_LIMIT) } }, "Next →") : null)
    : h("p", { class: "muted small" }, `${shown} event${total === 1 && exact !== false ? "" : "s"}. Click a column heading to sort.`);
  const row = (ev) => {
    const tr = h("tr", { "data-event-id": ev.id, tabindex: "0" });
    tr.addEventListener("click", () => onPick(ev.id));
    tr.addEventListener("keydown", (e) => { if (e.key === "Enter") onPick(ev.id); });
    return tr;
  };
  return h("div", {}, pager, sortableTable("events", EVENT_COLUMNS, events, { row }));
}

// Several events on one spot: a list of them in the side panel, each opening its record.
function manyList(features, ids, place, onPick) {
  const byId = new Map(features.map((f) => [f.properties.event_id, f.properties]));
  const rows = ids.map((id) => byId.get(id)).filter(Boolean);
  return h("div", { class: "many" }, h("h3", {}, `${rows.length} events${place ? " at " + place : ""}`),
    h("ul", { class: "many-list" }, rows.map((p) => h("li", {},
      h("a", { href: hashHref("/event/" + encodeURIComponent(p.event_id)), "data-event-id": p.event_id,
        on: { click: (ev) => { ev.preventDefault(); onPick(p.event_id); } } },
      typeBadge(p.event), " ", p.date || "undated", p.dead ? ` · ${p.dead} dead` : ""),
      h("div", { class: "small muted" }, p.text)))));
}

async function timelineData(filters) {
  // the timeline shows the whole range of the other filters; the chosen dates are shaded on it
  const rest = { ...filters };
  delete rest.date_from;
  delete rest.date_to;
  const days = await get("timeline", { ...rest, bucket: "day" });
  const range = focusedRange(days);
  const bucket = range ? bucketFor(range[0], range[1]) : "day";
  return bucket === "day" ? days : get("timeline", { ...rest, bucket });
}

export async function exploreView(root, _arg, params) {
  const [facets, world] = await Promise.all([get("facets"), worldCache || get("world")]);
  worldCache = world;
  let filters = filtersFrom(params);
  let features = [];
  const navigate = (f) => {
    if (sameFilters(f, filters)) return;
    window.location.hash = hashHref("/", f);
  };
  const form = filterBar(facets, filters, navigate);
  const detail = h("aside", { class: "detail", id: "detail" },
    h("p", { class: "muted" }, "Click a point or a row to see its record."));
  const mapBox = h("div", { class: "map-box", id: "map" });
  const timelineBox = h("section", { class: "timeline-box", id: "timeline" });
  const listBox = h("section", { class: "list-box", id: "event-list" });
  const exportBox = h("div", { id: "event-exports" });
  const legendBox = h("div", {});
  const counter = h("span", { class: "muted small", id: "map-count" });
  const rangeBox = h("span", { id: "range", class: "small" });
  const incidentsLink = h("a", { href: hashHref("/incidents", filters), id: "incidents-link", class: "small" }, "Incidents with these filters →");
  put(root, form, h("div", { class: "explore" }, h("div", {}, mapBox, h("div", { class: "map-foot" }, legendBox, h("span", {}, counter, " ", incidentsLink))), detail),
    h("h2", {}, "Timeline ", rangeBox), timelineBox, h("h2", {}, "Events"), exportBox, listBox);

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

  const map = createMap(mapBox, {
    onSelect: pick,
    onSelectMany: (ids, place) => put(clear(detail), manyList(features, ids, place, pick)),
  });
  map.setWorld(world);

  async function showList(offset) {
    const list = await get("events", { ...filters, limit: LIST_LIMIT, offset });
    put(clear(listBox), eventTable(list.events, list.total, list.total_exact, offset, pick, (o) => showList(Math.max(o, 0))));
  }

  function showRange() {
    clear(rangeBox);
    if (!filters.date_from && !filters.date_to) return;
    const rest = { ...filters };
    delete rest.date_from;
    delete rest.date_to;
    put(rangeBox, h("span", { class: "muted" }, `${filters.date_from || "…"} – ${filters.date_to || "…"} `),
      h("button", { type: "button", class: "secondary", id: "clear-range", on: { click: () => navigate(rest) } }, "Clear range"));
  }

  async function load() {
    const p = { ...filters };
    try {
      const [geo, tl] = await Promise.all([
        get("events", { ...p, format: "geojson", limit: MAP_LIMIT }),
        timelineData(p),
        showList(0),
      ]);
      features = geo.features;
      map.setPoints(features);
      map.fit();
      map.highlightCountries([...(filters.country || []), ...(filters.place_country || [])]);
      put(clear(legendBox), legend(features));
      counter.textContent = `${geo.features.length} points on the map` +
        (geo.unlocated ? `, ${geo.unlocated} event${geo.unlocated === 1 ? "" : "s"} without a place` : "") +
        (geo.more ? ` (the newest ${MAP_LIMIT} events: narrow the filters to see older ones)` : "");
      renderTimeline(timelineBox, tl, {
        selected: { from: filters.date_from, to: filters.date_to },
        onPick: (from, to) => navigate({ ...filters, date_from: from, date_to: to }),
      });
      showRange();
      put(clear(exportBox), exportLinks("events", { ...filters, limit: EXPORT_LIMIT }, "these events"));
      root.dataset.loaded = "true";
    } catch (err) {
      put(clear(listBox), errorBox(err));
      root.dataset.loaded = "true";
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
