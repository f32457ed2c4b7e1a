// The timeline: stacked bars of dated events per bucket, coloured by event type.
// Clicking a bar asks the caller to narrow the date filter to that bucket.

import { s, h, clear } from "./dom.js";
import { typeColour } from "./style.js";

const HEIGHT = 110;
const AXIS = 18;
const MIN_SPAN_BUCKETS = 14; // the axis shows at least this many buckets
const MAX_BAR_PX = 40;

const DAY_MS = 86400000;
const parse = (iso) => Date.parse(iso + "T00:00:00Z");
const fmt = (ms) => new Date(ms).toISOString().slice(0, 10);

export function bucketEnd(startIso, bucket) {
  const d = new Date(parse(startIso));
  if (bucket === "week") return fmt(d.getTime() + 6 * DAY_MS);
  if (bucket === "month") return fmt(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
  return startIso;
}

// A few events far from the rest (a misdated record, an old background item) would
// squeeze everything else into one corner: the axis then covers the middle 96% of the
// events, and the note says how many lie outside.
const FOCUS_TAIL = 0.02;
const FOCUS_WHEN_SHARE_BELOW = 0.35;

function focus(rows) {
  const total = rows.reduce((n, r) => n + r.total, 0);
  if (rows.length < 3 || total < 20) return { rows, hidden: 0 };
  let seen = 0;
  let lo = 0;
  let hi = rows.length - 1;
  for (let i = 0; i < rows.length; i++) {
    seen += rows[i].total;
    if (seen <= total * FOCUS_TAIL) lo = i + 1;
    if (seen < total * (1 - FOCUS_TAIL)) hi = i + 1;
  }
  hi = Math.min(hi, rows.length - 1);
  const full = parse(rows[rows.length - 1].date) - parse(rows[0].date);
  const kept = parse(rows[hi].date) - parse(rows[lo].date);
  if (full <= 0 || kept / full >= FOCUS_WHEN_SHARE_BELOW) return { rows, hidden: 0 };
  const shown = rows.slice(lo, hi + 1);
  return { rows: shown, hidden: total - shown.reduce((n, r) => n + r.total, 0) };
}

export function renderTimeline(container, data, { onPick } = {}) {
  clear(container);
  const focused = focus(data.buckets || []);
  const rows = focused.rows;
  if (!rows.length) {
    container.append(h("p", { class: "muted" }, "No dated events match these filters."));
    return;
  }
  const width = Math.max(container.clientWidth || 800, 300);
  const step = data.bucket === "month" ? 31 * DAY_MS : data.bucket === "week" ? 7 * DAY_MS : DAY_MS;
  const first = parse(rows[0].date);
  const last = parse(rows[rows.length - 1].date) + step;
  const span = Math.max(last - first, MIN_SPAN_BUCKETS * step);
  const t0 = first - (span - (last - first)) / 2; // a short range sits in the middle
  const x = (t) => ((t - t0) / span) * (width - 20) + 10;
  const max = Math.max(...rows.map((r) => r.total));
  const y = (n) => (n / max) * (HEIGHT - AXIS - 8);
  const svg = s("svg", { class: "timeline", viewBox: `0 0 ${width} ${HEIGHT}`, width, height: HEIGHT,
    role: "img", "aria-label": "Events over time" });
  for (const r of rows) {
    const start = parse(r.date);
    const bx = x(start);
    const bw = Math.min(Math.max(x(start + step) - bx - 1, 2), MAX_BAR_PX);
    let base = HEIGHT - AXIS;
    const bar = s("g", { class: "bar", "data-date": r.date, tabindex: "0" },
      s("title", {}, `${r.date}${data.bucket === "day" ? "" : " (" + data.bucket + ")"}: ${r.total} events`));
    for (const [type, n] of Object.entries(r.by_type)) {
      const bh = y(n);
      bar.append(s("rect", { x: bx, y: base - bh, width: bw, height: bh, fill: typeColour(type) }));
      base -= bh;
    }
    bar.addEventListener("click", () => onPick && onPick(r.date, bucketEnd(r.date, data.bucket)));
    svg.append(bar);
  }
  const ticks = 6;
  for (let i = 0; i <= ticks; i++) {
    const t = t0 + (span * i) / ticks;
    svg.append(s("text", { x: x(t), y: HEIGHT - 4, class: "tick", "text-anchor": i === 0 ? "start" : i === ticks ? "end" : "middle" },
      fmt(t)));
  }
  svg.append(s("line", { x1: 10, x2: width - 10, y1: HEIGHT - AXIS, y2: HEIGHT - AXIS, class: "axis" }));
  container.append(svg);
  const notes = [];
  if (focused.hidden) notes.push(`${focused.hidden} dated events far outside this range are not drawn; set the dates to see them.`);
  if (data.undated) notes.push(`${data.undated} undated events are not shown on the timeline.`);
  if (notes.length) container.append(h("p", { class: "muted small" }, notes.join(" ")));
}
