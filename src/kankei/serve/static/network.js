// The actor network: who takes part in events with whom, in a period, laid out by d3-force
// (vendored from the npm registry as /static/d3-force.min.js, which sets window.d3).
import {
  $, api, clear, documentHref, el, entityLink, errorBox, eventBadges, fill, fmtDate, isRejected, participantsLine, plural, quoteWithTrigger, setTitle, topbar, TYPE_COLORS, typeChip, typeColor,
} from "/static/common.js";

topbar("/network");
setTitle("Network");
const main = $("#main");
const params = new URLSearchParams(location.search);
const fromIn = el("input", { id: "n-from", class: "w-s", placeholder: "e.g. 1950", value: params.get("from") || "" });
const toIn = el("input", { id: "n-to", class: "w-s", placeholder: "e.g. 1970", value: params.get("to") || "" });
const sizeSel = el("select", { id: "n-size" }, [20, 40, 60, 100, 150].map((n) => el("option", { value: n, selected: n === +(params.get("limit") || 40) }, `${n} actors`)));
const minIn = el("input", { id: "n-min", class: "w-s", type: "number", min: 1, value: params.get("min_weight") || 1 });
const allIn = el("input", { id: "n-uncertain", type: "checkbox", checked: params.get("uncertain") === "true" });
const form = el("form", { class: "toolbar" },
  el("div", { class: "field" }, el("label", { for: "n-from" }, "From"), fromIn),
  el("div", { class: "field" }, el("label", { for: "n-to" }, "To"), toIn),
  el("div", { class: "field" }, el("label", { for: "n-size" }, "Show"), sizeSel),
  el("div", { class: "field" }, el("label", { for: "n-min" }, "Ties of at least"), minIn),
  el("label", { class: "small", for: "n-uncertain", title: "Also count hypothetical, planned, negated and reported events, and those a person rejected" },
    allIn, " count events not asserted"),
  el("button", { type: "submit", class: "primary" }, "Draw"),
  el("span", { class: "muted small", id: "net-caption" }, "People, bodies, countries and groups (not places, documents or wars) taking part in the most events of the period; a line joins two that take part in the same events its source asserts."));
const svg = el("svg", { id: "network", role: "img", "aria-label": "Network of actors" });
const side = el("aside", { class: "panel sticky", id: "net-side" }, el("p", { class: "muted" }, "Click an actor or a line to list the events behind it."));
const DRAWN_TYPES = ["person", "organization", "country", "group", "vessel"];
const legend = el("div", { class: "legend", style: { margin: ".4rem 0" } }, DRAWN_TYPES.map((t) =>
  el("span", {}, el("span", { class: "sw", style: { background: TYPE_COLORS[t], borderRadius: "50%" } }), t)));
main.append(el("div", { class: "page-head" }, el("h1", {}, "Network of actors"), el("span", { class: "sub", id: "net-sub" })), form, legend,
  el("div", { class: "cols" }, el("div", { class: "network-wrap" }, svg), side));

form.addEventListener("submit", (e) => { e.preventDefault(); load(); });

let nodes = [], edges = [], view = { x: 0, y: 0, k: 1 };
const W = () => svg.clientWidth || 900, H = () => svg.clientHeight || 640;

async function load() {
  const q = { from: fromIn.value.trim(), to: toIn.value.trim(), limit: sizeSel.value, min_weight: minIn.value,
    uncertain: allIn.checked ? "true" : "" };
  const p = new URLSearchParams(Object.entries(q).filter(([, v]) => v));
  history.replaceState(null, "", `/network?${p}`);
  try {
    const net = await api("/api/network", q);
    $("#net-sub").textContent = `${plural(net.nodes.length, "actor")}, ${plural(net.edges.length, "tie")}` +
      (net.from || net.to ? ` · ${net.from ? net.from.slice(0, 4) : "…"}–${net.to ? net.to.slice(0, 4) : "…"}` : " · all years") +
      (net.uncertain ? " · every event counted" : " · asserted events");
    const was = selected && selected.kind === "node" ? selected.id : null;
    layout(net);
    // the side panel follows the drawing: the same actor again, or the hint
    const again = was && nodes.find((n) => n.id === was);
    if (again) selectNode(again);
    else fill(side, el("p", { class: "muted" }, "Click an actor or a line to list the events behind it."));
  } catch (err) {
    fill(side, errorBox(err));
  }
}

function layout(net) {
  const w = W(), h = H();
  const maxEv = Math.max(1, ...net.nodes.map((n) => n.events));
  const byId = new Map();
  nodes = net.nodes.map((n, i) => {
    const a = (i / Math.max(1, net.nodes.length)) * Math.PI * 2 * 3.1;
    const r = 40 + 6 * i;
    const node = { ...n, x: w / 2 + Math.cos(a) * r, y: h / 2 + Math.sin(a) * r, vx: 0, vy: 0,
      r: 5 + 22 * Math.sqrt(n.events / maxEv) };
    byId.set(n.id, node);
    return node;
  });
  const maxW = Math.max(1, ...net.edges.map((e) => e.weight));
  edges = net.edges.map((e) => ({ ...e, s: byId.get(e.source), t: byId.get(e.target), w: e.weight / maxW })).filter((e) => e.s && e.t);
  // d3-force: repulsion, springs along ties, no two circles (with room for a label) overlapping, a
  // pull to the centre; run to rest at once, then drawn and fitted to the view
  // names go under the circles of the 25 most active actors: a circle with its name keeps others
  // at half the name's width
  const measure = document.createElement("canvas").getContext("2d");
  measure.font = `11.5px ${getComputedStyle(document.body).fontFamily}`;
  const named = new Set([...nodes].sort((a, b) => b.events - a.events).slice(0, 25).map((n) => n.id));
  for (const n of nodes) n.room = named.has(n.id) ? Math.max(n.r + 10, measure.measureText(n.name).width / 2 + 6) : n.r + 10;
  const d3 = window.d3;
  const sim = d3.forceSimulation(nodes)
    .force("charge", d3.forceManyBody().strength((n) => -60 - 6 * n.r))
    .force("link", d3.forceLink(edges.map((e) => ({ source: e.s, target: e.t, w: e.w })))
      .distance((l) => 70 + l.source.r + l.target.r).strength((l) => 0.05 + 0.4 * l.w))
    .force("collide", d3.forceCollide((n) => n.room).strength(1).iterations(3))
    .force("x", d3.forceX(w / 2).strength(0.04))
    .force("y", d3.forceY(h / 2).strength(0.07))
    .stop();
  const steps = Math.ceil(Math.log(sim.alphaMin()) / Math.log(1 - sim.alphaDecay()));
  for (let i = 0; i < steps; i++) sim.tick();
  selected = null;
  fitView();
}

function fitView() {
  if (!nodes.length) return;
  const xs = nodes.map((n) => n.x), ys = nodes.map((n) => n.y);
  const x0 = Math.min(...xs) - 60, x1 = Math.max(...xs) + 60, y0 = Math.min(...ys) - 40, y1 = Math.max(...ys) + 40;
  const k = Math.min(1.4, W() / (x1 - x0), H() / (y1 - y0));
  view = { k, x: (W() - (x0 + x1) * k) / 2, y: (H() - (y0 + y1) * k) / 2 };
  draw();
}

let selected = null;
function draw() {
  clear(svg);
  const g = el("g", { transform: `translate(${view.x},${view.y}) scale(${view.k})` });
  const near = new Set();
  if (selected && selected.kind === "node") {
    near.add(selected.id);
    for (const e of edges) if (e.source === selected.id || e.target === selected.id) { near.add(e.source); near.add(e.target); }
  }
  svg.classList.toggle("dim", near.size > 0);
  for (const e of edges) {
    const line = el("line", { class: `edge${selected && selected.kind === "edge" && selected.e === e ? " selected" : ""}${near.has(e.source) && near.has(e.target) && (e.source === selected?.id || e.target === selected?.id) ? " near" : ""}`,
      x1: e.s.x, y1: e.s.y, x2: e.t.x, y2: e.t.y, "stroke-width": (1 + 7 * e.w) / Math.sqrt(view.k) },
    el("title", {}, `${e.s.name} – ${e.t.name}: ${plural(e.weight, "shared event")}`));
    line.addEventListener("click", (ev) => { ev.stopPropagation(); selectEdge(e); });
    g.append(line);
  }
  const labelled = new Set([...nodes].sort((a, b) => b.events - a.events).slice(0, 25).map((n) => n.id));  // as laid out
  const fontSize = 11.5 / view.k;
  for (const n of nodes) {
    const node = el("g", { class: `node${selected && selected.id === n.id ? " selected" : ""}${near.has(n.id) ? " near" : ""}`,
      transform: `translate(${n.x},${n.y})`, tabindex: 0, role: "button", "aria-label": n.name, dataset: { id: n.id } },
    el("title", {}, `${n.name} (${n.type || "?"}): ${plural(n.events, "event")}`),
    el("circle", { r: n.r, fill: typeColor(n.type) }),
    labelled.has(n.id) || near.has(n.id) ? el("text", { x: 0, y: n.r + fontSize, "text-anchor": "middle", "font-size": fontSize,
      "stroke-width": 3 / view.k }, n.name) : null);
    node.addEventListener("pointerdown", (ev) => startDrag(ev, n));
    node.addEventListener("click", (ev) => { ev.stopPropagation(); if (!moved) selectNode(n); });
    node.addEventListener("keydown", (ev) => { if (ev.key === "Enter") selectNode(n); });
    g.append(node);
  }
  svg.append(g);
}

// dragging nodes, panning and zooming the view
let dragging = null, panning = null, moved = false;
function startDrag(ev, n) { ev.stopPropagation(); dragging = { n, x: ev.clientX, y: ev.clientY }; moved = false; }
svg.addEventListener("pointerdown", (ev) => { panning = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y }; moved = false; });
window.addEventListener("pointermove", (ev) => {
  if (dragging) {
    const dx = (ev.clientX - dragging.x) / view.k, dy = (ev.clientY - dragging.y) / view.k;
    if (Math.abs(dx) + Math.abs(dy) > 2) moved = true;
    dragging.n.x += dx; dragging.n.y += dy; dragging.n.fixed = true;
    dragging.x = ev.clientX; dragging.y = ev.clientY;
    draw();
  } else if (panning) {
    const dx = ev.clientX - panning.x, dy = ev.clientY - panning.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) moved = true;
    view.x = panning.vx + dx; view.y = panning.vy + dy;
    if (moved) draw();
  }
});
window.addEventListener("pointerup", () => { dragging = null; panning = null; setTimeout(() => { moved = false; }, 0); });
svg.addEventListener("click", () => { if (!moved && selected) { selected = null; draw(); } });
svg.addEventListener("wheel", (ev) => {
  ev.preventDefault();
  const r = svg.getBoundingClientRect();
  const px = ev.clientX - r.left, py = ev.clientY - r.top;
  const f = Math.exp(-ev.deltaY * 0.0015);
  const k = Math.max(0.2, Math.min(5, view.k * f));
  view.x = px - ((px - view.x) * k) / view.k;
  view.y = py - ((py - view.y) * k) / view.k;
  view.k = k;
  draw();
}, { passive: false });

function period() { return { from: fromIn.value.trim() || null, to: toIn.value.trim() || null }; }

async function selectNode(n) {
  selected = { kind: "node", id: n.id };
  draw();
  const ties = edges.filter((e) => e.source === n.id || e.target === n.id).sort((a, b) => b.weight - a.weight);
  fill(side, el("h2", { style: { marginTop: 0 } }, entityLink(n.id, n.name, n.type)),
    el("p", { class: "muted small" }, `${plural(n.events, "event")} in the period · ${plural(ties.length, "tie")} shown`),
    ties.length ? el("div", { class: "small" }, "Most with: ", ties.slice(0, 6).map((e, i) => {
      const o = e.source === n.id ? e.t : e.s;
      return [i ? ", " : "", el("a", { href: "#", onclick: (ev) => { ev.preventDefault(); selectEdge(e); } }, o.name), ` (${e.weight})`];
    })) : null,
    el("h3", { style: { marginTop: "1rem" } }, "Events"));
  listEvents([n.id]);
}

function selectEdge(e) {
  selected = { kind: "edge", e };
  draw();
  fill(side, el("h2", { style: { marginTop: 0 } }, entityLink(e.s.id, e.s.name, e.s.type), " – ", entityLink(e.t.id, e.t.name, e.t.type)),
    el("p", { class: "muted small" }, `${plural(e.weight, "shared event")} in the period`), el("h3", {}, "Events"));
  listEvents([e.s.id, e.t.id]);
}

async function listEvents(actors, cursor = null, box = null) {
  if (!box) { box = el("div", { class: "event-list", id: "net-events" }); side.append(box); }
  try {
    const page = await api("/api/events", { actor: actors, ...period(), limit: 30, cursor });
    if (!page.events.length && !cursor) box.append(el("p", { class: "empty" }, "No dated events."));
    for (const ev of page.events) {
      const cls = ["row", ev.uncertain ? "uncertain" : null, isRejected(ev) ? "rejected" : null].filter(Boolean).join(" ");
      box.append(el("div", { class: cls, style: { gridTemplateColumns: "1fr" } },
        el("div", {}, el("div", { class: "head" }, el("span", { class: "date" }, fmtDate(ev.date)), typeChip(ev.type, ev.label, ev.quad), eventBadges(ev)),
          el("div", { class: "small" }, participantsLine(ev)),
          el("div", { class: "quote small" }, quoteWithTrigger(ev)),
          el("a", { class: "small", href: documentHref(ev.document_id, ev.id) }, "Read in the document →"))));
    }
    if (page.next) {
      const more = el("button", { type: "button" }, "More");
      more.addEventListener("click", () => { more.remove(); listEvents(actors, page.next, box); });
      box.append(more);
    }
  } catch (err) { box.append(errorBox(err)); }
}

load();
