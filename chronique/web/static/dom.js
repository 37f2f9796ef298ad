// Small helpers shared by the views. Every string from the API goes into the page as a text
// node (never innerHTML), so article text holding markup or <script> shows as text.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const SVG = "http://www.w3.org/2000/svg";

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// The API's error shape {code, message, where} becomes an Error with those fields.
export async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") query.set(key, value);
  }
  const url = query.toString() ? `${path}?${query}` : path;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(body.message || `HTTP ${response.status}`);
    Object.assign(error, { code: body.code, where: body.where, status: response.status });
    throw error;
  }
  return body;
}

export function errorBox(error) {
  return el("div", { class: "error", role: "alert" },
    el("strong", {}, error.code || "ERROR"), " ", error.message || String(error),
    error.where ? el("span", { class: "muted" }, ` (${error.where})`) : null);
}

// The text of an article with spans highlighted: [{start, end, cls, title}]. Spans may nest
// (an actor inside the evidence sentence): the text is cut at every span boundary and each piece
// is wrapped in a <mark> per span covering it, the first-listed span outermost.
export function highlighted(text, spans) {
  const valid = spans.filter((s) => s && s.end > s.start && s.start >= 0 && s.end <= text.length);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const out = el("div", { class: "article-text" });
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    let piece = document.createTextNode(text.slice(from, to));
    for (const span of [...valid].reverse()) {
      if (span.start <= from && to <= span.end) piece = el("mark", { class: span.cls, title: span.title || null }, piece);
    }
    out.append(piece);
  }
  return out;
}

export function link(href, text, attrs = {}) {
  return el("a", { href, "data-link": "", ...attrs }, text);
}

// A stable colour per key (event type or quad class).
const FIXED = {
  "verbal cooperation": "#6baed6", "material cooperation": "#2171b5",
  "verbal conflict": "#fd8d3c", "material conflict": "#cb181d",
};
export function colour(key, index) {
  if (FIXED[key]) return FIXED[key];
  return `hsl(${(index * 137.5) % 360} 55% 52%)`;
}

// Change the view (the router in app.js listens); kept here so views need not import the router.
export function go(url) {
  window.chronique.navigate(url);
}
