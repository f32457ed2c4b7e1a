// Building DOM nodes from data without ever parsing data as HTML.
// Every string child becomes a text node; attributes go through setAttribute;
// event handlers through addEventListener. No HTML parsing anywhere.

const SVG_NS = "http://www.w3.org/2000/svg";

function build(node, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "on") {
      for (const [type, fn] of Object.entries(value)) node.addEventListener(type, fn);
    } else if (key === "dataset") {
      Object.assign(node.dataset, value);
    } else if (key.startsWith("on")) {
      throw new Error("use the 'on' attribute for handlers");
    } else {
      node.setAttribute(key, value === true ? "" : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

export function s(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// Only http(s) links from data become clickable; anything else (javascript:, data:) is shown as text.
export function safeUrl(url) {
  if (typeof url !== "string") return null;
  try {
    const u = new URL(url, window.location.origin);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

export function externalLink(url, label) {
  const href = safeUrl(url);
  if (!href) return h("span", { class: "muted" }, label || url || "");
  return h("a", { href, rel: "noopener noreferrer nofollow", target: "_blank" }, label || url);
}

export function hashLink(path, params, ...children) {
  return h("a", { href: hashHref(path, params) }, ...children);
}

export function hashHref(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (Array.isArray(v)) v.forEach((x) => qs.append(k, x));
    else if (v !== null && v !== undefined && v !== "") qs.set(k, v);
  }
  const tail = qs.toString();
  return "#" + path + (tail ? "?" + tail : "");
}

// Append children to an existing node with the same rules as h(): arrays flattened,
// null/false skipped, strings as text nodes.
export function put(node, ...children) {
  return build(node, {}, children);
}
