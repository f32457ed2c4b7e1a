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

export function entityCodes(list) {
  return (list || []).map((e) => e.code || e.name || e.text).filter(Boolean).join(", ");
}

export function entityNames(list) {
  return (list || []).map((e) => e.name || e.text).filter(Boolean).join(", ");
}

export function placeNames(list) {
  return (list || []).map((p) => p.name || p.text).filter(Boolean).join(", ");
}
