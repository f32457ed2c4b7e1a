// Alliance checks: events that engage a treaty clause, and who is bound to act.

import { get } from "../api.js";
import { h, put } from "../dom.js";
import { placeNames, codeLabel, statusName } from "../style.js";
import { typeBadge, factualityBadge, docHref, unavailable, who } from "./common.js";

function statusLegend(statuses, meanings) {
  return h("dl", { class: "status-legend small", id: "status-legend" }, statuses.map((st) =>
    [h("dt", {}, h("span", { class: "status status-" + st }, statusName(st))), h("dd", {}, meanings[st] || "")]));
}

export async function alliancesView(root) {
  const data = await get("alliances");
  put(root, h("h2", {}, "Alliance obligations engaged"));
  if (!data.available) return put(root, unavailable(data, "Alliance checks"));
  if (!data.checks.length) return put(root, h("p", { class: "muted" }, "No stored event engages a treaty clause."));
  const names = data.names || {};
  const label = (codes) => codes.map((c) => codeLabel(c, names)).join(", ");
  const statuses = [...new Set(data.checks.flatMap((c) => c.obligations.map((o) => o.status)))];
  const meanings = data.statuses || {};
  put(root, statusLegend(statuses, meanings), h("table", { class: "alliances" },
    h("thead", {}, h("tr", {}, ["Date", "Event", "Where", "Treaty", "Clause", "Attacked", "Bound to act", "Status"].map((c) => h("th", {}, c)))),
    h("tbody", {}, data.checks.flatMap((c) => c.obligations.map((o, i) => h("tr", { "data-event-id": c.event.id },
      h("td", {}, i === 0 ? c.event.date || "—" : ""),
      h("td", {}, i === 0 ? [typeBadge(c.event.event), " ", factualityBadge(c.event.factuality), " ",
        who(c.event), " ", h("a", { href: docHref(c.event.doc_id, c.event.id) }, "document")] : ""),
      h("td", {}, i === 0 ? placeNames(c.event.event_loc) : ""),
      h("td", { title: o.treaty }, o.treaty_name || o.treaty),
      h("td", { title: o.note }, [o.article, o.kind].filter(Boolean).join(" · ")),
      h("td", {}, o.attacked ? codeLabel(o.attacked, names) : "—"), h("td", {}, label(o.bound || [])),
      h("td", {}, h("span", { class: "status status-" + o.status, title: meanings[o.status] || "" },
        statusName(o.status)))))))));
}
