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

// The bucket that keeps bars readable: days up to four months, weeks up to two years,
// months beyond (about 17-120 bars across the width).
const DAY_MAX_SPAN_DAYS = 120;
const WEEK_MAX_SPAN_DAYS = 730;

export function bucketFor(firstIso, lastIso) {
  const days = (parse(lastIso) - parse(firstIso)) / DAY_MS;
  return days <= DAY_MAX_SPAN_DAYS ? "day" : days <= WEEK_MAX_SPAN_DAYS ? "week" : "month";
}

// The range of day buckets the timeline will draw (outliers left out), to choose a bucket.
export function focusedRange(dayData) {
  const rows = focus(dayData.buckets || []).rows;
  return rows.length ? [rows[0].date, rows[rows.length - 1].date] : null;
}

// "Nice" axis steps: 1, 2 or 5 times a power of ten.
function niceStep(max, ticks) {
  const raw = Math.max(max / ticks, 1);
  const pow = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw);
}

const LEFT = 40; // room for the y-axis labels
const RIGHT = 10;
const BRUSH_MIN_PX = 5; // a drag shorter than this is a click

// data: the API's timeline; selected: {from, to} dates already chosen, drawn shaded.
// onPick(from, to): a bar was clicked or a range dragged (dates of whole buckets).
export function renderTimeline(container, data, { onPick, selected } = {}) {
  clear(container);
  const focused = focus(data.buckets || []);
  const rows = focused.rows;
  if (!rows.length) {
    container.append(h("p", { class: "muted" }, "No dated events match these filters."));
    return;
  }
  const width = Math.max(container.clientWidth - 12 || 800, 300);
  const step = data.bucket === "month" ? 31 * DAY_MS : data.bucket === "week" ? 7 * DAY_MS : DAY_MS;
  const first = parse(rows[0].date);
  const last = parse(rows[rows.length - 1].date) + step;
  const span = Math.max(last - first, MIN_SPAN_BUCKETS * step);
  const t0 = first - (span - (last - first)) / 2; // a short range sits in the middle
  const x = (t) => ((t - t0) / span) * (width - LEFT - RIGHT) + LEFT;
  const tAt = (px) => t0 + ((px - LEFT) / (width - LEFT - RIGHT)) * span;
  const max = Math.max(...rows.map((r) => r.total));
  const yStep = niceStep(max, 3);
  const top = Math.ceil(max / yStep) * yStep;
  const plotH = HEIGHT - AXIS - 16; // room above for the unit
  const y = (n) => (n / top) * plotH;
  const svg = s("svg", { class: "timeline", viewBox: `0 0 ${width} ${HEIGHT}`, width, height: HEIGHT,
    role: "img", "aria-label": `Events per ${data.bucket}`, "data-bucket": data.bucket });
  for (let v = 0; v <= top; v += yStep) {
    const yy = HEIGHT - AXIS - y(v);
    svg.append(s("line", { x1: LEFT, x2: width - RIGHT, y1: yy, y2: yy, class: v ? "grid" : "axis" }),
      s("text", { x: LEFT - 4, y: yy + 3, class: "tick y-tick", "text-anchor": "end" }, String(v)));
  }
  svg.append(s("text", { x: LEFT, y: 9, class: "tick" }, `events per ${data.bucket}`));
  if (selected && (selected.from || selected.to)) {
    const a = Math.max(x(selected.from ? parse(selected.from) : t0), LEFT);
    const b = Math.min(x(selected.to ? parse(selected.to) + DAY_MS : t0 + span), width - RIGHT);
    if (b > a) svg.append(s("rect", { class: "selection", x: a, y: 0, width: b - a, height: HEIGHT - AXIS }));
  }
  for (const r of rows) {
    const start = parse(r.date);
    const bx = x(start);
    const bw = Math.min(Math.max(x(start + step) - bx - 1, 2), MAX_BAR_PX);
    let base = HEIGHT - AXIS;
    const bar = s("g", { class: "bar", "data-date": r.date, "data-total": r.total, tabindex: "0" },
      s("title", {}, `${r.date}${data.bucket === "day" ? "" : " (" + data.bucket + ")"}: ${r.total} events`));
    for (const [type, n] of Object.entries(r.by_type)) {
      const bh = y(n);
      bar.append(s("rect", { x: bx, y: base - bh, width: bw, height: bh, fill: typeColour(type) }));
      base -= bh;
    }
    bar.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" && onPick) onPick(r.date, bucketEnd(r.date, data.bucket));
    });
    svg.append(bar);
  }
  const ticks = 6;
  for (let i = 0; i <= ticks; i++) {
    const t = t0 + (span * i) / ticks;
    svg.append(s("text", { x: x(t), y: HEIGHT - 4, class: "tick", "text-anchor": i === 0 ? "start" : i === ticks ? "end" : "middle" },
      fmt(t)));
  }
  brush(svg, { width, x, tAt, rows, bucket: data.bucket, onPick });
  container.append(svg);
  const notes = [];
  if (focused.hidden) notes.push(`${plural(focused.hidden, "dated event")} far outside this range not drawn; set the dates to see them.`);
  if (data.undated) notes.push(`${plural(data.undated, "undated event")} not shown.`);
  if (data.truncated) notes.push(`Counts cover the newest ${data.scanned.toLocaleString("en-US")} matching events only.`);
  notes.push("Drag across the bars to choose a range; click a bar for its " + data.bucket + ".");
  container.append(h("p", { class: "muted small" }, notes.join(" ")));
}

// Dragging across the chart draws a band; on release the dates of the whole buckets it
// touches go to onPick. A press without a drag picks the bar under it.
function brush(svg, { width, tAt, rows, bucket, onPick }) {
  const band = s("rect", { class: "brush", x: 0, y: 0, width: 0, height: HEIGHT - AXIS, visibility: "hidden" });
  svg.append(band);
  let start = null;
  let downBar = null;
  const localX = (ev) => {
    const r = svg.getBoundingClientRect();
    return Math.min(Math.max(((ev.clientX - r.left) / r.width) * width, LEFT), width - RIGHT);
  };
  svg.addEventListener("pointerdown", (ev) => {
    start = localX(ev);
    downBar = ev.target.closest ? ev.target.closest("g.bar") : null;
    svg.setPointerCapture(ev.pointerId);
    band.setAttribute("visibility", "visible");
    band.setAttribute("x", start);
    band.setAttribute("width", 0);
  });
  svg.addEventListener("pointermove", (ev) => {
    if (start === null) return;
    const now = localX(ev);
    band.setAttribute("x", Math.min(start, now));
    band.setAttribute("width", Math.abs(now - start));
  });
  svg.addEventListener("pointerup", (ev) => {
    if (start === null) return;
    const end = localX(ev);
    const a = Math.min(start, end);
    const b = Math.max(start, end);
    start = null;
    band.setAttribute("visibility", "hidden");
    if (!onPick) return;
    if (b - a < BRUSH_MIN_PX) {
      if (downBar) onPick(downBar.dataset.date, bucketEnd(downBar.dataset.date, bucket));
      return;
    }
    const inside = rows.filter((r) => {
      return parse(bucketEnd(r.date, bucket)) + DAY_MS > tAt(a) && parse(r.date) <= tAt(b);
    });
    const from = inside.length ? inside[0].date : fmt(tAt(a));
    const to = inside.length ? bucketEnd(inside[inside.length - 1].date, bucket) : fmt(tAt(b));
    onPick(from, to);
  });
}
