// The event page (the record and every source with its evidence highlighted), the actor page
// (as source and target, counterparts, timeline, dated roles) and the transfers table.

import { api, append, el, link, highlighted, go } from "./dom.js";
import { drawTimeline } from "./charts.js";

const dash = (v) => (v === null || v === undefined || v === "" ? "—" : v);

function actorLink(actor) {
  if (!actor || !actor.code) return "—";
  return el("span", {}, link(`/actor/${encodeURIComponent(actor.code)}`, actor.code),
    actor.sector ? ` ${actor.sector}` : "", actor.entity_text ? el("span", { class: "muted" }, ` “${actor.entity_text}”`) : "");
}

function placeLink(loc) {
  if (!loc) return "—";
  const name = loc.resolved_place || loc.extracted_place;
  const q = new URLSearchParams({ place: name || "" });
  if (loc.country_code) q.set("country", loc.country_code);
  return el("span", {}, link(`/?${q}`, name || "?"), loc.country_code ? ` (${loc.country_code})` : "",
    loc.lat !== null && loc.lat !== undefined ? el("span", { class: "muted" }, ` ${loc.lat}, ${loc.lon}`) : "");
}

function record(e) {
  const rows = [
    ["Date", `${dash(e.date)}${e.date_precision ? ` (${e.date_precision})` : ""}`],
    ["Actor", actorLink(e.actor)], ["Event", `${e.event}${e.mode ? ` / ${e.mode}` : ""}`],
    ["Recipient", actorLink(e.recipient)], ["CAMEO", dash(e.cameo)], ["Quad class", dash(e.quad_code)],
    ["Context", (e.context || []).join(", ") || "—"], ["Place", placeLink(e.event_loc)],
    ["Modality", dash(e.modality)], ["Speaker", dash(e.speaker)], ["Confidence", dash(e.confidence)],
    ["Coder", dash(e.coder)], ["Id", e.id],
  ];
  return el("table", { class: "record" }, el("tbody", {}, rows.map(([k, v]) => el("tr", {}, el("th", {}, k), el("td", {}, v)))));
}

function source(item, event) {
  const a = item.article;
  const spans = [];
  if (item.evidence) spans.push({ ...item.evidence, cls: "evidence", title: "evidence" });
  const own = item.event_id === event.id ? event : null;
  for (const who of own ? [own.actor, own.recipient] : []) {
    if (who && who.start !== null && who.start !== undefined) spans.push({ start: who.start, end: who.end, cls: "actor" });
  }
  return el("article", { class: "source", "data-article": a.id },
    el("h3", {}, a.title || a.source || a.id),
    el("p", { class: "muted small" }, [a.published, a.language, a.source, a.url].filter(Boolean).join(" · ")),
    item.evidence ? null : el("p", { class: "muted" }, "The evidence sentence was not found in this source's text."),
    highlighted(a.text, spans));
}

export async function renderEvent(view, id) {
  const data = await api(`/api/events/${encodeURIComponent(id)}`);
  const e = data.event;
  const evidence = data.sources.find((s) => s.evidence);
  append(view, [el("h1", {}, `${e.actor?.code || "?"} ${e.event} ${e.recipient?.code || ""}`),
    el("blockquote", { class: "evidence-quote" }, e.event_text),
    record(e),
    data.reports.length ? el("p", {}, `Merged with ${data.reports.length} other report(s) of the same event.`) : null,
    el("h2", {}, `Sources (${data.sources.length})`),
    data.sources.map((s) => source(s, e))]);
  if (evidence) view.dataset.evidence = "true";
}

function countTable(title, rows, head) {
  return el("div", { class: "panel" }, el("h2", {}, title),
    el("table", { class: "small-table" }, el("thead", {}, el("tr", {}, head.map((h) => el("th", {}, h)))),
      el("tbody", {}, rows)));
}

export async function renderActor(view, code, params) {
  const [actor, timeline, asActor, asRecipient] = await Promise.all([
    api(`/api/actors/${encodeURIComponent(code)}`),
    api("/api/timeline", { actor: code, bucket: params.get("bucket") || "month", by: params.get("by") || "type" }),
    api("/api/events", { actor: code, limit: 15 }), api("/api/events", { recipient: code, limit: 15 }),
  ]);
  const partners = actor.counterparts.map((c) => el("tr", {},
    el("td", {}, link(`/actor/${encodeURIComponent(c.code)}`, c.code)),
    el("td", { class: "num" }, link(`/?actor=${encodeURIComponent(actor.code)}&recipient=${encodeURIComponent(c.code)}`, c.towards)),
    el("td", { class: "num" }, link(`/?actor=${encodeURIComponent(c.code)}&recipient=${encodeURIComponent(actor.code)}`, c.from))));
  const types = (list) => list.map((t) => el("tr", {}, el("td", {}, t.key), el("td", { class: "num" }, t.count)));
  const roles = actor.roles.slice(0, 30).map((r) => el("tr", {}, el("td", {}, r.name), el("td", {}, r.role),
    el("td", {}, `${dash(r.start)} – ${r.end || "now"}`)));
  const brief = (list) => el("ul", { class: "brief" }, list.events.map((e) => el("li", {},
    link(`/event/${encodeURIComponent(e.id)}`, e.date || "undated"), ` ${e.actor?.code || "?"} ${e.event} ${e.recipient?.code || ""} — `,
    (e.event_text || "").slice(0, 120))));
  append(view, [el("h1", {}, actor.code),
    el("p", {}, `${actor.as_actor} event(s) as source, ${actor.as_recipient} as target · `,
      link(`/?actor=${encodeURIComponent(actor.code)}`, "its events in the table")),
    el("section", { class: "charts" },
      el("div", { class: "panel" }, el("h2", {}, "Timeline (as source)"), drawTimeline(timeline, params)),
      countTable("Counterparts", partners, ["code", "towards", "from"])),
    el("section", { class: "charts" }, countTable("As source", types(actor.types_as_actor), ["type", "n"]),
      countTable("As target", types(actor.types_as_recipient), ["type", "n"]),
      roles.length ? countTable("Dated roles (knowledge base)", roles, ["person", "role", "term"]) : null),
    el("h2", {}, "Latest as source"), brief(asActor), el("h2", {}, "Latest as target"), brief(asRecipient)]);
}

export async function renderTransfers(view, params) {
  const wanted = {};
  for (const k of ["supplier", "recipient", "status", "weapon"]) if (params.get(k)) wanted[k] = params.get(k);
  const data = await api("/api/transfers", { ...wanted, limit: 200 });
  const form = el("form", { class: "filters" }, ["supplier", "recipient", "status", "weapon"].map((k) =>
    el("label", {}, k, el("input", { name: k, value: params.get(k) || "", size: 10 }))),
  el("button", { type: "submit" }, "Filter"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const q = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (String(v).trim()) q.set(k, String(v).trim());
    go(q.toString() ? `/transfers?${q}` : "/transfers");
  });
  const rows = data.transfers.map((t) => el("tr", {},
    el("td", {}, link(`/actor/${encodeURIComponent(t.supplier || "")}`, dash(t.supplier))),
    el("td", {}, link(`/actor/${encodeURIComponent(t.recipient || "")}`, dash(t.recipient))),
    el("td", {}, dash(t.weapon), t.quantity ? ` ×${t.quantity}` : ""), el("td", {}, dash(t.category)),
    el("td", {}, dash(t.status)), el("td", { class: "nowrap" }, dash(t.date)),
    el("td", { class: "excerpt" }, t.event_id ? link(`/event/${encodeURIComponent(t.event_id)}`, dash(t.evidence_text))
      : dash(t.evidence_text))));
  append(view, [el("h1", {}, "Arms transfers"), form,
    el("table", { class: "events" }, el("thead", {}, el("tr", {}, ["Supplier", "Recipient", "Weapon", "Category",
      "Status", "Date", "Evidence"].map((h) => el("th", {}, h)))), el("tbody", {}, rows)),
    rows.length ? null : el("p", { class: "muted" }, "No transfers match.")]);
}
