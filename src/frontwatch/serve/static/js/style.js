// Colours for PLOVER event types and factuality, shared by the map, timeline and lists.

export const TYPE_COLOURS = {
  ASSAULT: "#d62728", COERCE: "#ff7f0e", MOBILIZE: "#8c564b", THREATEN: "#e377c2",
  SANCTION: "#9467bd", PROTEST: "#bcbd22", REJECT: "#7f7f7f", ACCUSE: "#c49c94",
  REQUEST: "#17becf", RETREAT: "#98df8a", AID: "#2ca02c", COOPERATE: "#1f77b4",
  CONCEDE: "#aec7e8", SUPPORT: "#9edae5", CONSULT: "#c5b0d5", AGREE: "#006d2c",
};

export function typeColour(type) {
  return TYPE_COLOURS[type] || "#555";
}

export const FACTUALITY_LABELS = {
  asserted: "reported as fact", claimed: "claimed", denied: "denied",
  possible: "possible / forecast", future: "announced",
};

// "Armenia (ARM)": the name a reader knows, the code analysts filter by.
export function entityLabel(e) {
  const name = e.name || e.text;
  if (name && e.code && name !== e.code) return `${name} (${e.code})`;
  return name || e.code || "";
}

export function entityLabels(list) {
  return (list || []).map(entityLabel).filter(Boolean).join(", ");
}

// A code with the name the API gave for it ("names" maps code -> "Armenia (ARM)").
export function codeLabel(code, names) {
  return (names && names[code]) || code;
}

// What each kind of page part is, for readers (search results, other parts).
export const PART_NAMES = {
  title: "Headline", body: "Article text", category: "Category", reference: "Source cited",
  credit: "Credits", notice: "Notice", related: "Related article", nav_prev: "Link to the previous article",
  nav_next: "Link to the next article", related_block: "Related articles", trackback: "Trackback",
  chrome: "Page furniture", comment: "Reader comment",
};

export function partName(kind) {
  return PART_NAMES[kind] || kind;
}

// Short names of alliance engagement statuses; what each means comes from the API
// (analysis.alliances.STATUS_LEGEND), shown once in a legend beside the table.
export const STATUS_NAMES = {
  engaged: "Engaged", "member-vs-member": "Between members",
  "outside-territory": "Outside the territory", "place-unknown": "Place unknown",
};

export function statusName(status) {
  return STATUS_NAMES[status] || status;
}

export function entityCodes(list) {
  return (list || []).map((e) => e.code || e.name || e.text).filter(Boolean).join(", ");
}

export function entityNames(list) {
  return (list || []).map((e) => e.name || e.text).filter(Boolean).join(", ");
}

export function placeNames(list) {
  return (list || []).map((p) => p.name || p.text).filter(Boolean).join(", ");
}
