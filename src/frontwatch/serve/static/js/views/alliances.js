// Alliance checks: events that engage a treaty clause, and who is bound to act.

import { get } from "../api.js";
import { h, put } from "../dom.js";
import { entityCodes, placeNames } from "../style.js";
import { typeBadge, factualityBadge, docHref, unavailable } from "./common.js";

export async function alliancesView(root) {
  const data = await get("alliances");
  put(root, h("h2", {}, "Alliance obligations engaged"));
  if (!data.available) return put(root, unavailable(data, "Alliance checks"));
  if (!data.checks.length) return put(root, h("p", { class: "muted" }, "No stored event engages a treaty clause."));
  put(root, h("table", { class: "alliances" },
    h("thead", {}, h("tr", {}, ["Date", "Event", "Where", "Treaty", "Clause", "Attacked", "Bound to act", "Status"].map((c) => h("th", {}, c)))),
    h("tbody", {}, data.checks.flatMap((c) => c.obligations.map((o, i) => h("tr", { "data-event-id": c.event.id },
      h("td", {}, i === 0 ? c.event.date || "—" : ""),
      h("td", {}, i === 0 ? [typeBadge(c.event.event), " ", factualityBadge(c.event.factuality), " ",
        entityCodes(c.event.actor), " ", h("a", { href: docHref(c.event.doc_id, c.event.id) }, "document")] : ""),
      h("td", {}, i === 0 ? placeNames(c.event.event_loc) : ""),
      h("td", {}, o.treaty), h("td", { title: o.note }, [o.article, o.kind].filter(Boolean).join(" · ")),
      h("td", {}, o.attacked || "—"), h("td", {}, (o.bound || []).join(", ")),
      h("td", {}, h("span", { class: "status status-" + o.status }, o.status))))))));
}
