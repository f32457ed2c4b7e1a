// Download links for a list: the same filters as the page, in the three export formats.

import { h } from "./dom.js";

export const EXPORT_FORMATS = [
  ["csv", "CSV", "one row per record, for spreadsheets, R and pandas"],
  ["geojson", "GeoJSON", "one point per located place, for GIS"],
  ["jsonl", "PLOVER JSON Lines", "one PLOVER record per line"],
];

function apiHref(path, params, format) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (Array.isArray(v)) v.forEach((x) => qs.append(k, x));
    else if (v !== null && v !== undefined && v !== "") qs.set(k, v);
  }
  qs.set("format", format);
  return "/api/" + path + "?" + qs;
}

export function exportLinks(path, params, what) {
  return h("p", { class: "exports small", "data-export": path }, `Download ${what}: `,
    EXPORT_FORMATS.map(([fmt, label, title], i) => [i ? " · " : "",
      h("a", { href: apiHref(path, params, fmt), download: "", "data-format": fmt, title }, label)]));
}
