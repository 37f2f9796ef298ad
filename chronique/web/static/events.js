// The events view: filters (in the URL), the timeline and the map of the filter, and the table
// of matching events, one page at a time (the API's cursor).

import { api, el, link, errorBox, go } from "./dom.js";
import { countries, drawTimeline, drawMap } from "./charts.js";
import { FILTERS, filtersOf, eventsUrl } from "./url.js";

const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
  "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const PAGE = 50;

function filterForm(params) {
  const field = (name, label, attrs = {}) => el("label", {}, label,
    el("input", { name, value: params.get(name) || "", ...attrs }));
  const type = el("select", { name: "type" }, el("option", { value: "" }, "any"),
    TYPES.map((t) => el("option", { value: t, selected: params.get("type") === t }, t)));
  const form = el("form", { class: "filters", role: "search" },
    el("label", { class: "wide" }, "Search",
      el("input", { name: "text", type: "search", value: params.get("text") || "",
        placeholder: 'words, "a phrase", OR…' })),
    field("actor", "Actor", { placeholder: "RUS", size: 6 }),
    field("recipient", "Recipient", { placeholder: "UKR", size: 6 }),
    el("label", {}, "Type", type),
    field("cameo", "CAMEO", { size: 5 }),
    field("country", "Country", { size: 5 }),
    field("place", "Place", { size: 10 }),
    field("since", "Since", { type: "date" }),
    field("until", "Until", { type: "date" }),
    el("label", { class: "check" }, el("input", { type: "checkbox", name: "merge", checked: params.get("merge") === "true" }),
      "merge reports"),
    el("button", { type: "submit" }, "Filter"),
    el("a", { href: "/", "data-link": "", class: "button-link" }, "Clear"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const changes = { cursor: null, merge: data.get("merge") ? "true" : null };
    for (const name of FILTERS) changes[name] = (data.get(name) || "").trim();
    go(eventsUrl(params, changes));
  });
  return form;
}

function exportLinks(params) {
  const query = new URLSearchParams(filtersOf(params));
  query.set("merge", params.get("merge") === "true" ? "true" : "false"); // as the table shows them
  return el("span", { class: "exports" }, "Download: ",
    ["csv", "jsonl", "parquet", "plover"].map((fmt) => {
      const q = new URLSearchParams(query);
      q.set("format", fmt);
      return el("a", { href: `/api/export?${q}`, download: "" }, fmt);
    }));
}

const COLUMNS = [
  { key: "date", label: "Date", value: (e) => e.date || "" },
  { key: "dyad", label: "Actor → recipient", value: (e) => `${e.actor?.code || ""}→${e.recipient?.code || ""}` },
  { key: "type", label: "Type / mode", value: (e) => `${e.event} ${e.mode || ""}` },
  { key: "cameo", label: "CAMEO", value: (e) => e.cameo || "" },
  { key: "place", label: "Place", value: (e) => e.event_loc?.resolved_place || e.event_loc?.extracted_place || "" },
  { key: "modality", label: "Modality", value: (e) => e.modality || "" },
  { key: "sources", label: "Sources", value: (e) => (e.sources || []).length },
];

function actorCell(actor) {
  if (!actor || !actor.code) return el("span", { class: "muted" }, "—");
  return link(`/actor/${encodeURIComponent(actor.code)}`, actor.code, { title: actor.entity_text || "" });
}

function row(e) {
  const place = COLUMNS[4].value(e);
  const sources = (e.sources || []).length;
  return el("tr", { "data-event": e.id },
    el("td", { class: "nowrap" }, link(`/event/${encodeURIComponent(e.id)}`, e.date || "undated")),
    el("td", { class: "nowrap" }, actorCell(e.actor), " → ", actorCell(e.recipient)),
    el("td", {}, el("span", { class: `type t-${e.event}` }, e.event), e.mode ? ` ${e.mode}` : ""),
    el("td", {}, e.cameo || ""),
    el("td", {}, place),
    el("td", {}, e.modality || ""),
    el("td", { class: "num" }, e.independent_sources !== undefined ? `${sources} (${e.independent_sources})` : sources),
    el("td", { class: "excerpt" }, (e.event_text || "").slice(0, 160)));
}

function table(params, first) {
  const body = el("tbody", {}, first.events.map(row));
  const rows = [...first.events];
  let order = { key: null, dir: 1 };
  const sort = params.get("sort") || "-date";
  const head = el("tr", {}, COLUMNS.map((col) => {
    const th = el("th", { scope: "col", class: "sortable", "data-key": col.key }, col.label);
    if (col.key === "date") th.append(sort === "date" ? " ▲" : " ▼");
    th.addEventListener("click", () => {
      if (col.key === "date") return go(eventsUrl(params, { sort: sort === "date" ? null : "date", cursor: null }));
      order = { key: col.key, dir: order.key === col.key ? -order.dir : 1 };  // sorts the loaded rows
      rows.sort((a, b) => (col.value(a) > col.value(b) ? 1 : col.value(a) < col.value(b) ? -1 : 0) * order.dir);
      body.replaceChildren(...rows.map(row));
    });
    return th;
  }), el("th", { scope: "col" }, "Evidence"));
  const more = el("button", { type: "button", class: "more" }, "More");
  let cursor = first.next_cursor;
  more.hidden = !cursor;
  more.addEventListener("click", async () => {
    more.disabled = true;
    const page = await api("/api/events", { ...filtersOf(params), merge: params.get("merge"), sort, limit: PAGE, cursor });
    rows.push(...page.events);
    body.append(...page.events.map(row));
    cursor = page.next_cursor;
    more.hidden = !cursor;
    more.disabled = false;
  });
  return el("section", { class: "table-wrap" }, el("table", { class: "events" }, el("thead", {}, head), body), more);
}

export async function renderEvents(view, params) {
  const filters = filtersOf(params);
  countries();
  const [page, timeline, places] = await Promise.all([
    api("/api/events", { ...filters, merge: params.get("merge"), sort: params.get("sort"), limit: PAGE }),
    api("/api/timeline", { ...filters, bucket: params.get("bucket") || "month", by: params.get("by") || "type" })
      .catch((error) => error),
    api("/api/places", filters).catch((error) => error),
  ]);
  const charts = el("section", { class: "charts" },
    el("div", { class: "panel" }, el("h2", {}, "Timeline"),
      timeline instanceof Error ? errorBox(timeline) : drawTimeline(timeline, params)),
    el("div", { class: "panel" }, el("h2", {}, "Map"),
      places instanceof Error ? errorBox(places) : await drawMap(places.places, params)));
  const count = page.events.length + (page.next_cursor ? "+" : "");
  view.append(filterForm(params), charts,
    el("div", { class: "summary" }, el("span", { id: "count" }, `${count} event(s)`), exportLinks(params)),
    table(params, page));
}
