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
const SPREAD_PX = 7; // events at one place are spread on a small ring this wide

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

export function createMap(container, { onSelect } = {}) {
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

  let view = { ...WORLD };
  let circles = [];
  let selected = null;

  const scalePx = () => {
    const ctm = svg.getScreenCTM();
    return ctm && ctm.a > 0 ? ctm.a : svg.clientWidth / view.w || 1;
  };

  function layout() {
    const k = scalePx();
    for (const c of circles) {
      const [x, y] = project(c.lon, c.lat);
      const angle = (2 * Math.PI * c.slot) / Math.max(c.slots, 1);
      const spread = c.slots > 1 ? SPREAD_PX / k : 0;
      c.node.setAttribute("cx", (x + spread * Math.cos(angle)).toFixed(4));
      c.node.setAttribute("cy", (y + spread * Math.sin(angle)).toFixed(4));
      c.node.setAttribute("r", (c.rpx / k).toFixed(4));
    }
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
    if (ev.target.closest && ev.target.closest("circle")) return;
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
    clear(points);
    circles = [];
    const groups = new Map();
    const sorted = [...features].sort((a, b) => (b.properties.dead || 0) - (a.properties.dead || 0));
    for (const f of sorted) {
      const [lon, lat] = f.geometry.coordinates;
      const key = lon.toFixed(3) + "," + lat.toFixed(3);
      const group = groups.get(key) || [];
      group.push(f);
      groups.set(key, group);
    }
    for (const group of groups.values()) {
      group.forEach((f, slot) => {
        const p = f.properties;
        const node = s("circle", {
          class: "point" + (p.factuality === "asserted" ? "" : " point-" + p.factuality),
          fill: typeColour(p.event),
          "vector-effect": "non-scaling-stroke",
          "data-event-id": p.event_id,
          "data-type": p.event,
          tabindex: "0",
        }, s("title", {}, `${p.event} · ${p.place || ""} · ${p.date || "undated"}` +
          (p.dead ? ` · ${p.dead} dead` : "") + ` · ${p.factuality}`));
        node.style.color = typeColour(p.event); // hollow points draw their ring in this colour
        node.addEventListener("click", () => onSelect && onSelect(p.event_id));
        node.addEventListener("keydown", (ev) => {
          if (ev.key === "Enter" && onSelect) onSelect(p.event_id);
        });
        points.append(node);
        const [lon, lat] = f.geometry.coordinates;
        circles.push({ node, lon, lat, slot, slots: group.length, rpx: pointRadiusPx(p.dead), id: p.event_id });
      });
    }
    markSelected(selected);
    layout();
  }

  function fit() {
    if (!circles.length) return setView(WORLD);
    const xs = circles.map((c) => project(c.lon, c.lat));
    const padX = FIT_PADDING_DEG + FIT_PADDING_SHARE * (Math.max(...xs.map((p) => p[0])) - Math.min(...xs.map((p) => p[0])));
    const padY = FIT_PADDING_DEG + FIT_PADDING_SHARE * (Math.max(...xs.map((p) => p[1])) - Math.min(...xs.map((p) => p[1])));
    const minX = Math.min(...xs.map((p) => p[0])) - padX;
    const maxX = Math.max(...xs.map((p) => p[0])) + padX;
    const minY = Math.min(...xs.map((p) => p[1])) - padY;
    const maxY = Math.max(...xs.map((p) => p[1])) + padY;
    const rect = svg.getBoundingClientRect();
    const aspect = rect.width > 0 && rect.height > 0 ? rect.width / rect.height : 2.4;
    let w = Math.max(maxX - minX, 6);
    let h = Math.max(maxY - minY, 6 / aspect);
    if (w / h < aspect) w = h * aspect;
    else h = w / aspect;
    const cx = (minX + maxX) / 2;
    const cy = (minY + maxY) / 2;
    setView({ x: cx - w / 2, y: cy - h / 2, w, h });
  }

  function markSelected(id) {
    selected = id;
    for (const c of circles) c.node.classList.toggle("selected", c.id === id);
  }

  function highlightCountries(codes) {
    const set = new Set(codes);
    for (const p of countries.children) p.classList.toggle("highlight", set.has(p.dataset.iso));
  }

  window.addEventListener("resize", layout);
  return { setWorld, setPoints, fit, select: markSelected, highlightCountries, get view() { return view; } };
}
