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

const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function bucketEnd(startIso, bucket) {
  const d = new Date(parse(startIso));
  if (bucket === "week") return fmt(d.getTime() + 6 * DAY_MS);
  if (bucket === "month") return fmt(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
  return startIso;
}

// A few events far from the rest (a misdated record, an old background item) would
// squeeze everything else into one corner. An end bucket is left out of the axis when
// its gap to the next is more than OUTLIER_GAP times the span of the rest, as long as
// the events left out stay within OUTLIER_SHARE of all; the note says how many.
const OUTLIER_GAP = 2;
const OUTLIER_SHARE = 0.1;
const MIN_REST_MS = 7 * DAY_MS;

function focus(all) {
  const total = all.reduce((n, r) => n + r.total, 0);
  const t = all.map((r) => parse(r.date));
  let lo = 0;
  let hi = all.length - 1;
  let hidden = 0;
  for (let changed = true; changed && hi - lo >= 2; ) {
    changed = false;
    const rest = (a, b) => Math.max(t[b] - t[a], MIN_REST_MS);
    if (t[lo + 1] - t[lo] > OUTLIER_GAP * rest(lo + 1, hi) && hidden + all[lo].total <= total * OUTLIER_SHARE) {
      hidden += all[lo++].total;
      changed = true;
    } else if (t[hi] - t[hi - 1] > OUTLIER_GAP * rest(lo, hi - 1) && hidden + all[hi].total <= total * OUTLIER_SHARE) {
      hidden += all[hi--].total;
      changed = true;
    }
  }
  return { rows: all.slice(lo, hi + 1), hidden };
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
  if (focused.hidden) notes.push(`${plural(focused.hidden, "dated event")} far outside this range not drawn; set the dates to see them.`);
  if (data.undated) notes.push(`${plural(data.undated, "undated event")} not shown.`);
  if (data.truncated) notes.push(`Counts cover the newest ${data.scanned} matching events only.`);
  if (notes.length) container.append(h("p", { class: "muted small" }, notes.join(" ")));
}
