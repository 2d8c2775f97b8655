// newsgraph explorer: one small page over the read-only REST API (/api/...). No framework, no CDN.
// Every piece of stored text goes into the page through text nodes (never innerHTML), and only http(s)
// URLs become links, so an article carrying markup or script shows it as text.
"use strict";

const QUADS = {
  AGREE: "verbal_cooperation", CONSULT: "verbal_cooperation", SUPPORT: "verbal_cooperation",
  CONCEDE: "verbal_cooperation", COOPERATE: "material_cooperation", AID: "material_cooperation",
  RETREAT: "material_cooperation", REQUEST: "verbal_conflict", ACCUSE: "verbal_conflict",
  REJECT: "verbal_conflict", THREATEN: "verbal_conflict", PROTEST: "material_conflict",
  SANCTION: "material_conflict", MOBILIZE: "material_conflict", COERCE: "material_conflict",
  ASSAULT: "material_conflict",
};
const QUAD_COLOURS = {
  verbal_cooperation: "#8ce99a", material_cooperation: "#2b8a3e",
  verbal_conflict: "#ffa8a8", material_conflict: "#c92a2a",
};
const SVG_NS = "http://www.w3.org/2000/svg";

// ------------------------------------------------------------------ DOM helpers

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "href") node.setAttribute("href", safeHref(value));
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Internal paths and http(s) URLs only: a "javascript:" or "data:" URL never becomes a link target.
function safeHref(value) {
  const text = String(value);
  if (text.startsWith("/") && !text.startsWith("//")) return text;
  try {
    const url = new URL(text);
    if (url.protocol === "http:" || url.protocol === "https:") return url.href;
  } catch (e) { /* not a URL */ }
  return "#";
}

function externalLink(url) {
  const href = safeHref(url || "");
  return href === "#" ? el("span", {}, url || "") : el("a", { href, rel: "noopener noreferrer" }, url);
}

function actorLink(actor) {
  if (!actor) return el("span", { class: "muted" }, "—");
  return el("a", { href: `/actors/${encodeURIComponent(actor.id)}` }, actor.name || actor.id);
}

function actorLinks(actors) {
  const out = [];
  (actors || []).forEach((a, i) => { if (i) out.push(", "); out.push(actorLink(a)); });
  return out.length ? out : [el("span", { class: "muted" }, "—")];
}

function typeTag(type) {
  return el("span", { class: `tag q-${QUADS[type] || ""}`, title: QUADS[type] || "" }, type);
}

async function api(path, options) {
  const response = await fetch(path, options);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.message || `${response.status} ${response.statusText}`);
  return body;
}

function show(...nodes) {
  const main = document.getElementById("main");
  main.replaceChildren(...nodes);
}

function failure(error) {
  show(el("h1", {}, "Something went wrong"), el("p", { class: "error", role: "alert" }, error.message));
}

// ------------------------------------------------------------------ pages

async function homePage() {
  const [stats, actors, events] = await Promise.all([
    api("/api/stats"), api("/api/actors?limit=15"), api("/api/events?limit=15"),
  ]);
  show(
    el("h1", {}, "The corpus"),
    el("p", { class: "muted" },
      `${stats.documents} documents, ${stats.actors} actors, ${stats.events} events, ${stats.quotes} quotes`),
    el("div", { class: "grid" },
      el("section", {}, el("h2", {}, "Latest events"), eventTable(events.items)),
      el("section", {}, el("h2", {}, "Most documented actors"), actorTable(actors.items))),
  );
}

function actorTable(items) {
  return el("table", {},
    el("thead", {}, el("tr", {}, ["Actor", "Type", "Country", "Docs"].map((h) => el("th", {}, h)))),
    el("tbody", {}, items.map((a) => el("tr", {},
      el("td", {}, actorLink(a)), el("td", {}, a.type), el("td", {}, a.country || ""),
      el("td", {}, a.documents)))));
}

function eventTable(items) {
  return el("table", { class: "events" },
    el("thead", {}, el("tr", {}, ["Date", "Type", "Source", "Target", "Reports", "Evidence"].map((h) => el("th", {}, h)))),
    el("tbody", {}, items.map((v) => el("tr", { "data-event": v.id },
      el("td", {}, v.date || ""), el("td", {}, typeTag(v.type)),
      el("td", {}, actorLinks(v.source)), el("td", {}, actorLinks(v.target)),
      el("td", {}, String(v.num_sources)),
      el("td", {}, (v.reports || []).slice(0, 3).map((r) => el("div", {},
        el("a", { href: `/documents/${encodeURIComponent(r.document)}#event=${encodeURIComponent(r.event)}` },
          r.evidence || r.document))))))));
}

async function searchPage(params) {
  const q = params.get("q") || "";
  document.getElementById("search-box").value = q;
  if (!q.trim()) { show(el("h1", {}, "Search"), el("p", {}, "Type words in the search box.")); return; }
  const [actors, sentences, quotes] = await Promise.all([
    api(`/api/actors?name=${encodeURIComponent(q)}&limit=20`),
    api(`/api/search?q=${encodeURIComponent(q)}&limit=30`),
    api(`/api/quotes?search=${encodeURIComponent(q)}&limit=15`),
  ]);
  show(
    el("h1", {}, "Search: ", q),
    el("h2", {}, `Actors (${actors.total})`),
    actors.items.length ? actorTable(actors.items) : el("p", { class: "muted" }, "No actor by that name."),
    el("h2", {}, `Sentences (${sentences.total})`),
    el("ul", { class: "plain" }, sentences.items.map((s) => el("li", {},
      el("a", { href: `/documents/${encodeURIComponent(s.document)}#chars=${s.start}-${s.end}` }, s.text)))),
    el("h2", {}, `Quotes (${quotes.total})`),
    quoteList(quotes.items),
  );
}

function quoteList(items) {
  return el("ul", { class: "plain" }, items.map((q) => el("li", {},
    el("strong", {}, q.speaker_name || q.speaker_text || "unknown source"), ": ",
    el("a", { href: `/documents/${encodeURIComponent(q.document)}#quote=${encodeURIComponent(q.id)}` }, q.text))));
}

async function actorPage(id) {
  const [actor, graph, timeline] = await Promise.all([
    api(`/api/actors/${encodeURIComponent(id)}`),
    api(`/api/graph?actor=${encodeURIComponent(id)}`),
    api(`/api/timeline?actor=${encodeURIComponent(id)}&interval=month`),
  ]);
  const events = await api(`/api/events?actor=${encodeURIComponent(id)}&limit=50`);
  const counts = Object.entries(actor.event_counts || {}).map(([t, n]) => el("span", {}, typeTag(t), ` ${n} `));
  show(
    el("h1", {}, actor.name),
    el("p", {},
      el("span", { class: "tag" }, actor.type), actor.country ? el("span", { class: "tag" }, actor.country) : null,
      actor.sector ? el("span", { class: "tag" }, actor.sector) : null,
      ` ${actor.documents} documents, ${actor.mentions} mentions`),
    el("div", { class: "grid" },
      el("section", {},
        el("h2", {}, "Network"),
        el("p", { class: "muted" }, "Actors linked by events (coloured by cooperation and conflict) and relations (grey). ",
          el("a", { href: `/api/graph?actor=${encodeURIComponent(id)}&format=graphml` }, "GraphML"), " · ",
          el("a", { href: `/api/graph?actor=${encodeURIComponent(id)}&format=gexf` }, "GEXF")),
        networkGraph(graph, id),
        el("h2", {}, "Timeline"),
        timelineChart(timeline)),
      el("section", { class: "card" },
        el("h2", {}, "Profile"),
        el("p", {}, el("strong", {}, "Names: "), (actor.aliases || []).join("; ")),
        el("p", {}, el("strong", {}, "Titles: "), (actor.titles || []).join("; ") || "—"),
        el("p", {}, el("strong", {}, "Events: "), counts.length ? counts : "—"),
        el("h2", {}, "Relations"),
        el("ul", { class: "plain" }, (actor.relations || []).map((r) => el("li", {},
          r.direction === "out" ? "→ " : "← ", r.predicate, " ", actorLink({ id: r.other, name: r.other_name })))),
        el("h2", {}, "Documents"),
        el("ul", { class: "plain" }, (actor.document_list || []).map((d) => el("li", {},
          el("a", { href: `/documents/${encodeURIComponent(d.id)}` }, d.title || d.id)))))),
    el("h2", {}, "Events"),
    eventTable(events.items),
    el("h2", {}, "Quotes"),
    quoteList(actor.quotes || []),
  );
}

async function eventsPage(params) {
  const query = new URLSearchParams();
  for (const key of ["actor", "type", "since", "until", "country", "modality"]) {
    if (params.get(key)) query.set(key, params.get(key));
  }
  query.set("limit", "100");
  const events = await api(`/api/events?${query}`);
  const field = (name, label, attrs) => el("label", {}, label, el("input", { name, value: params.get(name) || "", ...attrs }));
  const types = ["", ...Object.keys(QUADS)];
  show(
    el("h1", {}, "Events"),
    el("form", { class: "filters", method: "get", action: "/events" },
      field("actor", "Actor id"),
      el("label", {}, "Type", el("select", { name: "type" },
        types.map((t) => el("option", { value: t, selected: params.get("type") === t }, t || "any")))),
      field("since", "Since", { placeholder: "YYYY-MM-DD" }), field("until", "Until", { placeholder: "YYYY-MM-DD" }),
      field("country", "Country", { placeholder: "ISO3" }),
      el("label", {}, "Modality", el("select", { name: "modality" },
        ["", "asserted", "future", "hypothetical", "historical"].map((m) =>
          el("option", { value: m, selected: params.get("modality") === m }, m || "any")))),
      el("button", { type: "submit" }, "Filter")),
    el("p", { class: "muted" }, `${events.total} events`),
    eventTable(events.items),
  );
}

async function documentPage(id, hash) {
  const doc = await api(`/api/documents/${encodeURIComponent(id)}`);
  const text = doc.text;
  // Spans to draw: entity mentions, time expressions, quotes and event triggers, each an element with an id.
  const spans = [];
  for (const e of doc.entities) for (const m of e.mentions) spans.push({ start: m.start, end: m.end, cls: `ent-${e.type}`, title: `${e.name} (${e.type})` });
  for (const t of doc.timexes) spans.push({ start: t.start, end: t.end, cls: "timex", title: `${t.type} ${t.value || ""}` });
  for (const q of doc.quotes) spans.push({ start: q.start, end: q.end, cls: "quote", id: `quote-${q.id}`, title: `quote ${q.id}` });
  for (const v of doc.events) spans.push({ start: v.trigger.start, end: v.trigger.end, cls: "trigger", id: `event-${v.id}`, title: `${v.type} ${v.id}` });
  const body = el("div", { class: "doc-text", id: "doc-text" }, renderSpans(text, spans));
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  const names = (ids) => (ids || []).map((i) => (entities.get(i) || { name: i }).name).join(", ") || "—";
  show(
    el("h1", {}, doc.title || doc.id),
    el("p", { class: "muted" }, doc.published || "", " ", doc.source || "", " ", doc.url ? externalLink(doc.url) : ""),
    el("p", { class: "legend" }, el("span", { class: "tag" }, "people, organisations, places: underlined"),
      el("span", { class: "tag" }, "time expressions: blue"), el("span", { class: "tag" }, "quotes: orange"),
      el("span", { class: "tag" }, "event triggers: bold")),
    el("div", { class: "grid" },
      body,
      el("section", {},
        el("h2", {}, `Events (${doc.events.length})`),
        el("ul", { class: "plain", id: "event-list" }, doc.events.map((v) => el("li", {},
          el("button", { class: "link", type: "button", "data-event": v.id, onclick: () => mark(`event-${v.id}`, sentenceOf(doc, v.sentence)) },
            `${v.type}: ${names(v.source)} → ${names(v.target)}`), v.date ? ` (${v.date})` : ""))),
        el("h2", {}, `Quotes (${doc.quotes.length})`),
        el("ul", { class: "plain", id: "quote-list" }, doc.quotes.map((q) => el("li", {},
          el("button", { class: "link", type: "button", "data-quote": q.id, onclick: () => mark(`quote-${q.id}`) },
            `${q.speaker_text || "unknown"}: ${q.text.slice(0, 80)}${q.text.length > 80 ? "…" : ""}`)))))),
  );
  const wanted = new URLSearchParams(hash.replace(/^#/, ""));
  if (wanted.get("event")) mark(`event-${wanted.get("event")}`);
  else if (wanted.get("quote")) mark(`quote-${wanted.get("quote")}`);
  else if (wanted.get("chars")) {
    const [s, e] = wanted.get("chars").split("-").map(Number);
    const node = [...body.querySelectorAll("[data-start]")].find((n) => Number(n.dataset.start) >= s && Number(n.dataset.start) < e);
    if (node) { node.classList.add("marked"); node.scrollIntoView({ block: "center" }); }
  }
}

function sentenceOf(doc, index) { return doc.sentences[index]; }

// Text split at every span edge; each piece is a text node inside the spans that cover it.
function renderSpans(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i], end = points[i + 1];
    let node = document.createTextNode(text.slice(start, end));
    for (const s of spans) {
      if (s.start <= start && end <= s.end && s.start < s.end) {
        const wrap = el("span", { class: s.cls, title: s.title, "data-start": start });
        if (s.id && s.start === start) wrap.id = s.id;
        wrap.append(node);
        node = wrap;
      }
    }
    out.push(node);
  }
  return out;
}

function mark(id) {
  document.querySelectorAll(".marked").forEach((n) => n.classList.remove("marked"));
  const node = document.getElementById(id);
  if (!node) return;
  node.classList.add("marked");
  node.scrollIntoView({ block: "center" });
}

async function mapPage() {
  const [places, land] = await Promise.all([api("/api/places?limit=200"), fetch("/static/vendor/land-110m.json").then((r) => r.json())]);
  const width = 960, height = 480;
  const x = (lon) => ((lon + 180) / 360) * width, y = (lat) => ((90 - lat) / 180) * height;
  const drawing = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "map of places", class: "map" });
  for (const ring of topojsonRings(land)) {
    drawing.append(svg("path", { d: ring.map(([lon, lat], i) => `${i ? "L" : "M"}${x(lon).toFixed(1)},${y(lat).toFixed(1)}`).join("") + "Z",
      fill: "#e9ecef", stroke: "#ced4da", "stroke-width": 0.5 }));
  }
  const max = Math.max(...places.items.map((p) => p.documents), 1);
  for (const p of places.items) {
    drawing.append(svg("a", { href: `/actors/${encodeURIComponent(p.id)}`, class: "marker" },
      svg("circle", { cx: x(p.lon), cy: y(p.lat), r: 3 + 7 * Math.sqrt(p.documents / max), fill: "#1f5fbf", "fill-opacity": 0.6 },
        svg("title", {}, `${p.name} (${p.documents} documents)`))));
  }
  show(el("h1", {}, "Places"), el("p", { class: "muted" }, `${places.total} places with coordinates; the size is the number of documents.`), drawing);
}

function checkPage() {
  const result = el("div", { id: "check-result" });
  const form = el("form", { id: "check-form" },
    el("p", {}, el("label", {}, "Claim", el("br"), el("textarea", { name: "claim", rows: 3, cols: 80, required: true }))),
    el("p", {}, el("label", {}, "Document ids (one per line; empty: the best matches of a search for the claim)", el("br"),
      el("textarea", { name: "documents", rows: 3, cols: 80 }))),
    el("button", { type: "submit" }, "Check"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const documents = String(data.get("documents") || "").split(/\s+/).filter(Boolean);
    result.replaceChildren(el("p", { class: "muted" }, "Checking…"));
    try {
      const answer = await api("/api/check", { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ claim: data.get("claim"), documents }) });
      result.replaceChildren(el("p", {}, "Verdict: ", el("span", { class: `verdict-${answer.verdict}` }, answer.verdict)),
        el("ul", { class: "plain" }, answer.claims.map((c) => el("li", {},
          el("span", { class: `verdict-${c.verdict}` }, c.verdict), ` ${c.text}: ${c.reason || ""} `,
          (c.evidence || []).map((e) => el("a", { href: `/documents/${encodeURIComponent(e.doc)}#chars=${e.start}-${e.end}` }, e.text))))));
    } catch (error) {
      result.replaceChildren(el("p", { class: "error", role: "alert" }, error.message));
    }
  });
  show(el("h1", {}, "Check a claim"), el("p", { class: "muted" }, "Against the stored documents, with the sentences each verdict rests on."), form, result);
}

// ------------------------------------------------------------------ routing

async function route() {
  const path = window.location.pathname;
  const params = new URLSearchParams(window.location.search);
  try {
    if (path === "/" || path === "") await homePage();
    else if (path === "/search") await searchPage(params);
    else if (path === "/events") await eventsPage(params);
    else if (path === "/map") await mapPage();
    else if (path === "/check") checkPage();
    else if (path.startsWith("/actors/")) await actorPage(decodeURIComponent(path.slice(8)));
    else if (path.startsWith("/documents/")) await documentPage(decodeURIComponent(path.slice(11)), window.location.hash);
    else show(el("h1", {}, "Not found"), el("p", {}, "No page at this address."));
  } catch (error) {
    failure(error);
  }
  document.body.dataset.ready = "true";
}

document.addEventListener("DOMContentLoaded", route);
