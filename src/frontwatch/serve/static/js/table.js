// Tables whose columns sort on a click of their heading (again to reverse).
// columns: [{ label, sort: (row) => value, cell: (row) => node or text, num: bool }]
// A column without `sort` does not sort. Values sort as numbers when both are numbers,
// else as text in the reader's locale; empty values go last either way.

import { h, clear, put } from "./dom.js";

function compare(a, b) {
  const ea = a === null || a === undefined || a === "";
  const eb = b === null || b === undefined || b === "";
  if (ea || eb) return ea && eb ? 0 : ea ? 1 : -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

export function sortableTable(className, columns, rows, { row } = {}) {
  const tbody = h("tbody", {});
  let order = { col: -1, dir: 1 };
  const heads = columns.map((c, i) => {
    const th = h("th", { class: c.num ? "num" : null, scope: "col" });
    if (c.sort) {
      th.classList.add("sortable");
      th.setAttribute("aria-sort", "none");
      put(th, h("button", { type: "button", class: "sort", title: "Sort by " + c.label,
        on: { click: () => sortBy(i) } }, c.label));
    } else {
      put(th, c.label);
    }
    return th;
  });

  function render(list) {
    clear(tbody);
    for (const r of list) {
      const tr = row ? row(r) : h("tr", {});
      for (const c of columns) put(tr, h("td", { class: c.num ? "num" : c.className || null }, c.cell(r)));
      tbody.append(tr);
    }
  }

  function sortBy(i) {
    order = { col: i, dir: order.col === i ? -order.dir : 1 };
    heads.forEach((th, j) => {
      if (columns[j].sort) th.setAttribute("aria-sort", j !== i ? "none" : order.dir > 0 ? "ascending" : "descending");
    });
    const key = columns[i].sort;
    render([...rows].sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      const empty = (v) => v === null || v === undefined || v === "";
      if (empty(ka) || empty(kb)) return compare(ka, kb); // empty values stay last
      return order.dir * compare(ka, kb);
    }));
  }

  render(rows);
  return h("table", { class: className + " sortable-table" }, h("thead", {}, h("tr", {}, heads)), tbody);
}
