// The timeline (stacked bars; drag or click to filter a date range) and the map (country
// outlines from the app's own copy of Natural Earth; zoom, pan, click a place to filter).

import { el, svg, colour, go } from "./dom.js";
import { eventsUrl } from "./url.js";

const DAY = 86400000;

function bucketEnd(start, bucket) {
  const d = new Date(`${start}T00:00:00Z`);
  if (bucket === "month") return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
  if (bucket === "week") return new Date(d.getTime() + 6 * DAY);
  return d;
}

const iso = (d) => d.toISOString().slice(0, 10);

function controls(data, params) {
  const choice = (name, options, current) => el("select", {
    "aria-label": name,
    onchange: (event) => go(eventsUrl(params, { [name]: event.target.value })),
  }, options.map((o) => el("option", { value: o, selected: o === current }, o)));
  return el("div", { class: "chart-controls" }, "per ", choice("bucket", ["day", "week", "month"], data.bucket),
    " by ", choice("by", ["type", "quad"], data.by),
    params.get("since") || params.get("until")
      ? el("button", { type: "button", onclick: () => go(eventsUrl(params, { since: null, until: null })) },
        "whole range") : null);
}

export function drawTimeline(data, params) {
  const W = 640, H = 170, pad = 22;
  const buckets = data.buckets;
  if (!buckets.length) return el("div", {}, controls(data, params), el("p", { class: "muted" }, "No dated events."));
  const totals = buckets.map((b) => Object.values(b.counts).reduce((a, n) => a + n, 0));
  const top = Math.max(...totals, 1);
  const step = (W - 2 * pad) / buckets.length;
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H + 20}`, class: "timeline", role: "img",
    "aria-label": `Events per ${data.bucket}` });
  const bars = svg("g");
  buckets.forEach((b, i) => {
    let y = H;
    data.keys.forEach((key, k) => {
      const n = b.counts[key] || 0;
      if (!n) return;
      const h = (n / top) * (H - pad);
      y -= h;
      bars.append(svg("rect", { x: pad + i * step + 0.5, y, width: Math.max(step - 1, 0.8), height: h,
        fill: colour(key, k), "data-bucket": b.start }, svg("title", {}, `${b.start} ${key}: ${n}`)));
    });
  });
  const label = (i, anchor) => svg("text", { x: pad + i * step + (anchor === "end" ? step : 0), y: H + 14,
    "text-anchor": anchor, class: "axis" }, buckets[i].start);
  chart.append(svg("line", { x1: pad, x2: W - pad, y1: H, y2: H, class: "axis-line" }), bars, label(0, "start"),
    buckets.length > 1 ? label(buckets.length - 1, "end") : null,
    svg("text", { x: pad - 4, y: pad, "text-anchor": "end", class: "axis" }, String(top)));
  selectRange(chart, buckets, step, pad, H, data.bucket, params);
  const legend = el("div", { class: "legend" }, data.keys.map((key, k) =>
    el("span", {}, el("i", { style: null, class: "swatch", "data-colour": colour(key, k) }), key)));
  legend.querySelectorAll(".swatch").forEach((s) => { s.style.background = s.dataset.colour; });
  return el("div", {}, controls(data, params), chart, legend);
}

// Drag across the bars (or click one) to filter the table to that range.
function selectRange(chart, buckets, step, pad, H, bucket, params) {
  const band = svg("rect", { y: 0, height: H, class: "brush", width: 0 });
  chart.append(band);
  const index = (event) => {
    const box = chart.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * chart.viewBox.baseVal.width;
    return Math.min(buckets.length - 1, Math.max(0, Math.floor((x - pad) / step)));
  };
  let from = null;
  chart.addEventListener("pointerdown", (event) => { from = index(event); event.preventDefault(); });
  chart.addEventListener("pointermove", (event) => {
    if (from === null) return;
    const to = index(event), lo = Math.min(from, to), hi = Math.max(from, to);
    band.setAttribute("x", pad + lo * step);
    band.setAttribute("width", (hi - lo + 1) * step);
  });
  chart.addEventListener("pointerup", (event) => {
    if (from === null) return;
    const to = index(event), lo = Math.min(from, to), hi = Math.max(from, to);
    from = null;
    go(eventsUrl(params, { since: buckets[lo].start, until: iso(bucketEnd(buckets[hi].start, bucket)), cursor: null }));
  });
}

let outlines = null;
// The map's outlines: the events view asks for them with its data, not after it.
export function countries() {
  if (!outlines) {
    outlines = fetch("/vendor/countries-110m.json").then((r) => (r.ok ? r.json() : null)).catch(() => null);
  }
  return outlines;
}

const W = 720, H = 360;
const project = ([lon, lat]) => [((lon + 180) / 360) * W, ((90 - lat) / 180) * H];

function pathOf(geometry) {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((rings) => rings.map((ring) => "M" + ring.map((p) => project(p).map((v) => v.toFixed(1))
    .join(",")).join("L") + "Z").join("")).join("");
}

export async function drawMap(places, params) {
  const topo = await countries();
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "map", role: "img", "aria-label": "Events per place" });
  const layer = svg("g");
  chart.append(svg("rect", { x: 0, y: 0, width: W, height: H, class: "sea" }), layer);
  if (topo && window.topojson) {
    const shapes = window.topojson.feature(topo, topo.objects.countries).features;
    layer.append(...shapes.filter((f) => f.geometry).map((f) =>
      svg("path", { d: pathOf(f.geometry), class: "country" }, svg("title", {}, f.properties?.name || ""))));
  }
  const located = places.filter((p) => p.lat !== null && p.lon !== null);
  const top = Math.max(1, ...located.map((p) => p.count));
  const dots = located.map((p) => {
    const [x, y] = project([p.lon, p.lat]);
    const r = 2 + 10 * Math.sqrt(p.count / top);
    const dot = svg("circle", { cx: x, cy: y, r, class: "place", "data-place": p.place, "data-r": r },
      svg("title", {}, `${p.place}${p.country ? ` (${p.country})` : ""}: ${p.count} event(s)`));
    dot.addEventListener("click", () => go(eventsUrl(params, { place: p.place, country: p.country, cursor: null })));
    return dot;
  });
  layer.append(...dots);
  zoomable(chart, layer, dots);
  const note = topo ? null : el("p", { class: "muted" }, "Country outlines are not installed (run scripts/setup).");
  const missing = places.length - located.length;
  return el("div", {}, chart, note,
    el("p", { class: "muted small" }, `${located.length} place(s) on the map`,
      missing ? `, ${missing} without coordinates` : "", " · wheel or +/− to zoom, drag to pan, click a place to filter"),
    el("div", { class: "zoom" },
      el("button", { type: "button", "aria-label": "zoom in", onclick: () => chart.zoomBy(1.6) }, "+"),
      el("button", { type: "button", "aria-label": "zoom out", onclick: () => chart.zoomBy(1 / 1.6) }, "−")));
}

function zoomable(chart, layer, dots) {
  let k = 1, tx = 0, ty = 0;
  const apply = () => {
    layer.setAttribute("transform", `translate(${tx},${ty}) scale(${k})`);
    dots.forEach((d) => d.setAttribute("r", Number(d.dataset.r) / Math.sqrt(k)));
  };
  chart.zoomBy = (f, cx = W / 2, cy = H / 2) => {
    const next = Math.min(40, Math.max(1, k * f));
    tx = cx - ((cx - tx) * next) / k;
    ty = cy - ((cy - ty) * next) / k;
    k = next;
    if (k === 1) { tx = 0; ty = 0; }
    apply();
  };
  const point = (event) => {
    const box = chart.getBoundingClientRect();
    return [((event.clientX - box.left) / box.width) * W, ((event.clientY - box.top) / box.height) * H];
  };
  chart.addEventListener("wheel", (event) => {
    event.preventDefault();
    chart.zoomBy(event.deltaY < 0 ? 1.25 : 0.8, ...point(event));
  }, { passive: false });
  let drag = null;
  chart.addEventListener("pointerdown", (event) => { drag = point(event); });
  chart.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const [x, y] = point(event);
    tx += x - drag[0];
    ty += y - drag[1];
    drag = [x, y];
    apply();
  });
  chart.addEventListener("pointerup", () => { drag = null; });
  chart.addEventListener("pointerleave", () => { drag = null; });
}
