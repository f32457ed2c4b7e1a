// The world map: Natural Earth countries and event points in one SVG,
// equirectangular projection (x = lon + 180, y = 90 - lat, in degrees),
// zoomed and panned by moving the viewBox. No tiles, no network.

import { s, clear } from "./dom.js";
import { typeColour } from "./style.js";

const WORLD = { x: 0, y: 4, w: 360, h: 150 }; // 86N to 64S: the inhabited world
const MIN_W = 1.5;
const MAX_W = 360;
const FIT_PADDING_DEG = 1.5;
const FIT_PADDING_SHARE = 0.12; // and this share of the points' extent on each side

export const project = (lon, lat) => [lon + 180, 90 - lat];

// A ring that jumps across the antimeridian (Russia, Fiji) is drawn as separate
// pieces rather than with a line across the whole map.
function ringPath(ring) {
  let prev = null;
  return ring
    .map(([lon, lat]) => {
      const [x, y] = project(lon, lat);
      const op = prev === null || Math.abs(lon - prev) > 180 ? "M" : "L";
      prev = lon;
      return op + x.toFixed(2) + " " + y.toFixed(2);
    })
    .join("") + "Z";
}

const HIDDEN_COUNTRIES = new Set(["ATA"]); // Antarctica: no events, and it fills the bottom of the map

function geometryPath(g) {
  const polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
  return polys.map((poly) => poly.map(ringPath).join("")).join("");
}

export function pointRadiusPx(dead) {
  const n = Number.isFinite(dead) && dead > 0 ? dead : 0;
  return Math.min(4 + 2.2 * Math.sqrt(n), 22);
}

// Points closer than this on screen are drawn as one cluster with a count; zooming in
// spreads them apart, so clusters split. Cluster centres end up at least this far apart,
// so circles of at most CLUSTER_MAX_R never overlap one another.
const CLUSTER_PX = 40;
const CLUSTER_MAX_R = 19;
// Place names are drawn when the view is at most this wide (degrees): about one region;
// wider, the labels of a continent would cover the points.
const LABEL_MAX_W = 40;
const LABEL_PX = 11;

// Greedy grid clustering in screen space: each point joins the first cluster whose
// centre lies within CLUSTER_PX, looking only in its own and the eight cells around.
export function clusterPoints(items, k) {
  const cell = CLUSTER_PX / k;
  const grid = new Map();
  const clusters = [];
  for (const it of items) {
    const [x, y] = project(it.lon, it.lat);
    const gx = Math.floor(x / cell);
    const gy = Math.floor(y / cell);
    let home = null;
    for (let dx = -1; dx <= 1 && !home; dx++) {
      for (let dy = -1; dy <= 1 && !home; dy++) {
        for (const c of grid.get(`${gx + dx},${gy + dy}`) || []) {
          if (Math.hypot(c.x - x, c.y - y) <= cell) { home = c; break; }
        }
      }
    }
    if (!home) {
      home = { x, y, members: [] };
      clusters.push(home);
      const key = `${gx},${gy}`;
      grid.set(key, [...(grid.get(key) || []), home]);
    }
    home.members.push(it);
  }
  return clusters;
}

// "Russia (RUS) → Ukraine (UKR) · " from a feature's export columns (names and codes
// joined with ";" in the same order).
function sides(p) {
  const label = (names, codes) => {
    const n = (names || "").split(";");
    return (codes || "").split(";").filter(Boolean).map((c, i) => (n[i] && n[i] !== c ? `${n[i]} (${c})` : c)).join(", ");
  };
  const a = label(p.actor_name, p.actor_code);
  const r = label(p.recipient_name, p.recipient_code);
  return a || r ? `${a || "?"}${r ? " → " + r : ""} · ` : "";
}

function commonest(values) {
  const counts = new Map();
  for (const v of values) if (v) counts.set(v, (counts.get(v) || 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] || "";
}

export function createMap(container, { onSelect, onSelectMany } = {}) {
  const svg = s("svg", {
    class: "map", role: "img", "aria-label": "Map of events",
    preserveAspectRatio: "xMidYMid meet",
  });
  const countries = s("g", { class: "countries" });
  const points = s("g", { class: "points" });
  svg.append(s("rect", { class: "sea", x: -360, y: -180, width: 1080, height: 540 }), countries, points);
  const controls = document.createElement("div");
  controls.className = "map-controls";
  container.append(svg, controls);

  const labels = s("g", { class: "labels" });
  svg.append(labels);
  let view = { ...WORLD };
  let items = [];
  let drawnAt = null; // the scale the clusters were computed for
  let selected = null;

  const scalePx = () => {
    const ctm = svg.getScreenCTM();
    return ctm && ctm.a > 0 ? ctm.a : svg.clientWidth / view.w || 1;
  };

  function pointNode(it, k) {
    const p = it.f.properties;
    const [x, y] = project(it.lon, it.lat);
    const node = s("circle", {
      class: "point" + (p.factuality === "asserted" ? "" : " point-" + p.factuality),
      fill: typeColour(p.event), cx: x.toFixed(4), cy: y.toFixed(4), r: (pointRadiusPx(p.dead) / k).toFixed(4),
      "vector-effect": "non-scaling-stroke", "data-event-id": p.event_id, "data-type": p.event, tabindex: "0",
    }, s("title", {}, `${p.event} · ${sides(p)}${p.place || ""} · ${p.date || "undated"}` +
      (p.dead ? ` · ${p.dead} dead` : "") + ` · ${p.factuality}`));
    node.style.color = typeColour(p.event); // hollow points draw their ring in this colour
    node.classList.toggle("selected", p.event_id === selected);
    const go = () => onSelect && onSelect(p.event_id);
    node.addEventListener("click", go);
    node.addEventListener("keydown", (ev) => { if (ev.key === "Enter") go(); });
    return node;
  }

  // A cluster: a circle sized by its count, the count in it. A click zooms to its
  // members so it splits; when they all sit on one spot (or the map is fully zoomed)
  // the caller gets their ids instead, to list them.
  function clusterNode(c, k) {
    const n = c.members.length;
    const types = [...new Set(c.members.map((m) => m.f.properties.event))];
    const rpx = Math.min(9 + 2 * Math.log2(n), CLUSTER_MAX_R);
    const ids = c.members.map((m) => m.f.properties.event_id);
    const place = commonest(c.members.map((m) => m.f.properties.place));
    const g = s("g", { class: "cluster", tabindex: "0", "data-count": n, "data-event-ids": ids.join(" "),
      "data-place": place },
      s("title", {}, `${n} events${place ? " around " + place : ""}: ${types.join(", ")} — click to zoom in`),
      s("circle", { cx: c.x.toFixed(4), cy: c.y.toFixed(4), r: (rpx / k).toFixed(4), "vector-effect": "non-scaling-stroke",
        fill: types.length === 1 ? typeColour(types[0]) : "#34495e" }),
      s("text", { x: c.x.toFixed(4), y: c.y.toFixed(4), "font-size": (LABEL_PX / k).toFixed(4), dy: "0.35em",
        "text-anchor": "middle" }, String(n)));
    const open = () => {
      const xs = c.members.map((m) => project(m.lon, m.lat));
      const w = Math.max(...xs.map((p) => p[0])) - Math.min(...xs.map((p) => p[0]));
      const h = Math.max(...xs.map((p) => p[1])) - Math.min(...xs.map((p) => p[1]));
      if ((w < 1e-6 && h < 1e-6) || view.w <= MIN_W) {
        if (onSelectMany) onSelectMany(ids, place);
        return;
      }
      fitTo(xs, 0.25);
    };
    g.addEventListener("click", open);
    g.addEventListener("keydown", (ev) => { if (ev.key === "Enter") open(); });
    return g;
  }

  // Labels go beside points and clusters, largest first, skipping any that would
  // overlap one already placed.
  function drawLabels(clusters, k) {
    clear(labels);
    if (view.w > LABEL_MAX_W) return;
    const boxes = [];
    const order = [...clusters].sort((a, b) => b.members.length - a.members.length);
    for (const c of order) {
      const name = commonest(c.members.map((m) => m.f.properties.place));
      if (!name) continue;
      const x = c.x * k + 14;
      const y = c.y * k;
      const box = { x0: x, x1: x + name.length * LABEL_PX * 0.62, y0: y - LABEL_PX, y1: y + 4 };
      if (boxes.some((b) => b.x0 < box.x1 && box.x0 < b.x1 && b.y0 < box.y1 && box.y0 < b.y1)) continue;
      boxes.push(box);
      labels.append(s("text", { class: "place-label", x: (x / k).toFixed(4), y: (c.y + 4 / k).toFixed(4),
        "font-size": (LABEL_PX / k).toFixed(4), "stroke-width": (3 / k).toFixed(4) }, name));
    }
  }

  function layout() {
    const k = scalePx();
    if (drawnAt !== null && Math.abs(drawnAt - k) / k < 1e-3) return;
    drawnAt = k;
    clear(points);
    const clusters = clusterPoints(items, k);
    for (const c of clusters) points.append(c.members.length === 1 ? pointNode(c.members[0], k) : clusterNode(c, k));
    drawLabels(clusters, k);
  }

  function setView(v) {
    const w = Math.min(Math.max(v.w, MIN_W), MAX_W);
    const h = (v.h * w) / v.w;
    view = { x: v.x + (v.w - w) / 2, y: v.y + (v.h - h) / 2, w, h };
    svg.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`);
    layout();
  }

  function toMap(clientX, clientY) {
    const pt = svg.createSVGPoint();
    pt.x = clientX;
    pt.y = clientY;
    const ctm = svg.getScreenCTM();
    return ctm ? pt.matrixTransform(ctm.inverse()) : { x: view.x, y: view.y };
  }

  function zoomAt(factor, cx, cy) {
    const w = Math.min(Math.max(view.w * factor, MIN_W), MAX_W);
    const f = w / view.w;
    svg.setAttribute("viewBox", `${cx - (cx - view.x) * f} ${cy - (cy - view.y) * f} ${w} ${view.h * f}`);
    view = { x: cx - (cx - view.x) * f, y: cy - (cy - view.y) * f, w, h: view.h * f };
    layout();
  }

  svg.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    const p = toMap(ev.clientX, ev.clientY);
    zoomAt(Math.exp(ev.deltaY * 0.0015), p.x, p.y);
  }, { passive: false });

  let drag = null;
  svg.addEventListener("pointerdown", (ev) => {
    if (ev.target.closest && ev.target.closest("circle.point, g.cluster")) return;
    drag = { x: ev.clientX, y: ev.clientY, view: { ...view }, k: scalePx(), moved: false };
    svg.setPointerCapture(ev.pointerId);
  });
  svg.addEventListener("pointermove", (ev) => {
    if (!drag) return;
    const dx = (ev.clientX - drag.x) / drag.k;
    const dy = (ev.clientY - drag.y) / drag.k;
    if (Math.abs(dx) + Math.abs(dy) > 0) drag.moved = true;
    view = { ...drag.view, x: drag.view.x - dx, y: drag.view.y - dy };
    svg.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`);
  });
  const endDrag = () => { drag = null; };
  svg.addEventListener("pointerup", endDrag);
  svg.addEventListener("pointercancel", endDrag);

  const button = (label, title, fn) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.title = title;
    b.addEventListener("click", fn);
    controls.append(b);
  };
  button("+", "Zoom in", () => zoomAt(0.5, view.x + view.w / 2, view.y + view.h / 2));
  button("−", "Zoom out", () => zoomAt(2, view.x + view.w / 2, view.y + view.h / 2));
  button("Fit", "Zoom to the events", () => fit());
  button("World", "Show the whole world", () => setView(WORLD));

  function setWorld(geojson) {
    clear(countries);
    for (const f of geojson.features || []) {
      if (HIDDEN_COUNTRIES.has(f.properties.iso_a3)) continue;
      const p = s("path", {
        d: geometryPath(f.geometry),
        class: "country",
        "vector-effect": "non-scaling-stroke",
        "data-iso": f.properties.iso_a3 || "",
      }, s("title", {}, f.properties.name || ""));
      countries.append(p);
    }
    setView(view);
  }

  function setPoints(features) {
    items = [...features]
      .sort((a, b) => (b.properties.dead || 0) - (a.properties.dead || 0))
      .map((f) => ({ f, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] }));
    drawnAt = null;
    layout();
  }

  function fitTo(xs, share) {
    const minX0 = Math.min(...xs.map((p) => p[0]));
    const maxX0 = Math.max(...xs.map((p) => p[0]));
    const minY0 = Math.min(...xs.map((p) => p[1]));
    const maxY0 = Math.max(...xs.map((p) => p[1]));
    const padX = (share === undefined ? FIT_PADDING_DEG : 0) + (share ?? FIT_PADDING_SHARE) * (maxX0 - minX0);
    const padY = (share === undefined ? FIT_PADDING_DEG : 0) + (share ?? FIT_PADDING_SHARE) * (maxY0 - minY0);
    const minX = minX0 - padX;
    const maxX = maxX0 + padX;
    const minY = minY0 - padY;
    const maxY = maxY0 + padY;
    const rect = svg.getBoundingClientRect();
    const aspect = rect.width > 0 && rect.height > 0 ? rect.width / rect.height : 2.4;
    const least = share === undefined ? 6 : MIN_W;
    let w = Math.max(maxX - minX, least);
    let h = Math.max(maxY - minY, least / aspect);
    if (w / h < aspect) w = h * aspect;
    else h = w / aspect;
    const cx = (minX + maxX) / 2;
    const cy = (minY + maxY) / 2;
    setView({ x: cx - w / 2, y: cy - h / 2, w, h });
  }

  function fit() {
    if (!items.length) return setView(WORLD);
    fitTo(items.map((c) => project(c.lon, c.lat)));
  }

  function markSelected(id) {
    selected = id;
    for (const c of points.querySelectorAll("circle.point")) c.classList.toggle("selected", c.dataset.eventId === id);
  }

  function highlightCountries(codes) {
    const set = new Set(codes);
    for (const p of countries.children) p.classList.toggle("highlight", set.has(p.dataset.iso));
  }

  window.addEventListener("resize", layout);
  return { setWorld, setPoints, fit, select: markSelected, highlightCountries, get view() { return view; } };
}
