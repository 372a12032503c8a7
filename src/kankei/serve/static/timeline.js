// The timeline: counts per period when zoomed out, every event drawn as what its date is when zoomed in.
import {
  $, actorInput, api, append, clear, dayNum, debounce, documentHref, el, entityLink, errorBox, eventBadges, fill, fmtDate, fmtNum, isoDay, isRejected, meta, participantsLine, plural, precisionOf, QUAD_NAMES, quadColor, quoteWithTrigger, setTitle, toast, topbar, typeChip, UNCERTAIN_WORDS, verdictButtons,
} from "/static/common.js";
import { layoutEvents } from "/static/timeline-layout.js";

topbar("/");
setTitle("Timeline");

const SPAN_DAYS = [0, 31, 366, 3653, 36525, Infinity];
const SPAN_NAMES = ["day", "month", "year", "decade", "century", "any"];
const MIN_DAYS = 10;
const MAX_DAYS = 366 * 1200;
const EVENTS_AT_ONCE = 500;
const AXIS_H = 30;
const HIST_H = 96;
const LANE_H = 19;
const LANE_TOP = AXIS_H + HIST_H + 26;
const params = new URLSearchParams(location.search);
const state = {
  actor: params.get("actor") || "", type: params.get("type") || "", q: params.get("q") || "",
  lo: null, hi: null, buckets: null, events: [], eventsNote: "", selected: params.get("event") || null,
  types: {}, seq: 0, listCursor: null, listEvents: [], mode: "buckets",
};

// ---- page skeleton ----
const main = $("#main");
const actorIn = el("input", { id: "f-actor", class: "w-m", placeholder: "any actor", value: state.actor, autocomplete: "off" });
const typeSel = el("select", { id: "f-type" }, el("option", { value: "" }, "any type"));
const textIn = el("input", { id: "f-q", class: "w-m", type: "search", placeholder: "words in the sentence", value: state.q });
const fromIn = el("input", { id: "f-from", class: "w-s", placeholder: "e.g. 1950", value: params.get("from") || "" });
const toIn = el("input", { id: "f-to", class: "w-s", placeholder: "e.g. 1970", value: params.get("to") || "" });
const form = el("form", { class: "toolbar", id: "filters" },
  el("div", { class: "field" }, el("label", { for: "f-actor" }, "Actor"), actorIn),
  el("div", { class: "field" }, el("label", { for: "f-type" }, "Event type"), typeSel),
  el("div", { class: "field" }, el("label", { for: "f-q" }, "Text"), textIn),
  el("div", { class: "field" }, el("label", { for: "f-from" }, "From"), fromIn),
  el("div", { class: "field" }, el("label", { for: "f-to" }, "To"), toIn),
  el("button", { type: "submit", class: "primary" }, "Show"),
  el("button", { type: "button", id: "reset", onclick: reset }, "Clear filters"),
  el("div", { class: "zoom-controls" },
    el("button", { type: "button", title: "Zoom out", "aria-label": "Zoom out", onclick: () => zoomBy(2) }, "−"),
    el("button", { type: "button", title: "Zoom in", "aria-label": "Zoom in", onclick: () => zoomBy(0.5) }, "+"),
    el("button", { type: "button", title: "Fit the events", onclick: () => fit() }, "Fit")));
const legend = el("div", { class: "legend", id: "legend" });
const svg = el("svg", { id: "timeline", role: "img", "aria-label": "Timeline of events" });
const statusLeft = el("span", { id: "status" });
const statusRight = el("span", { class: "muted" }, "Scroll to zoom · drag to move · click a bar to zoom in · click an event to read it");
const chartWrap = el("div", { class: "chart-wrap", id: "chart" }, svg, el("div", { class: "chart-status" }, statusLeft, statusRight));
const listBox = el("div", { class: "event-list", id: "event-list" });
const detail = el("aside", { class: "panel sticky event-detail", id: "detail" },
  el("p", { class: "muted" }, "Click an event on the timeline or in the list to see its source."));
append(main, el("div", { class: "page-head" }, el("h1", {}, "Timeline"), el("span", { class: "sub", id: "subtitle" })),
  form, legend, chartWrap,
  el("div", { class: "cols", style: { marginTop: "1rem" } },
    el("section", { class: "panel" }, el("h3", {}, "Events in view"), listBox), detail));

const actorId = actorInput(actorIn);

function drawLegend() {
  clear(legend);
  for (const q of [1, 2, 3, 4, 0]) {
    legend.append(el("span", {}, el("span", { class: "sw", style: { background: quadColor(q) } }), QUAD_NAMES[q]));
  }
  const s = (shape) => el("svg", { width: 26, height: 12, style: { verticalAlign: "-1px" } }, shape);
  legend.append(
    el("span", { class: "shape" }, s(el("circle", { cx: 13, cy: 6, r: 4.5, fill: "#6b7385" })), "a day"),
    el("span", { class: "shape" }, s(el("rect", { x: 2, y: 1, width: 22, height: 10, rx: 3, fill: "#6b7385" })), "a month or year"),
    el("span", { class: "shape" }, s([el("rect", { x: 2, y: 1, width: 22, height: 10, rx: 1, fill: "#6b7385" }),
      el("rect", { x: 2, y: 0, width: 2.5, height: 12, fill: "#2b3240" }), el("rect", { x: 21.5, y: 0, width: 2.5, height: 12, fill: "#2b3240" })]), "an interval"),
    el("span", { class: "shape" }, s(el("rect", { x: 2, y: 1, width: 22, height: 10, rx: 3, fill: "url(#legend-hatch)", stroke: "#6b7385" })), "a decade or century"),
    el("span", { class: "shape" }, s(el("rect", { x: 2, y: 1, width: 22, height: 10, rx: 3, fill: "#6b7385", "fill-opacity": .35, stroke: "#6b7385", "stroke-dasharray": "3 2" })), "approximate"),
    el("span", { class: "shape", title: Object.entries(UNCERTAIN_WORDS).map(([k, v]) => `${k}: ${v}`).join("\n") },
      s([el("circle", { cx: 8, cy: 6, r: 4.5, fill: "#fff", stroke: "#6b7385", "stroke-width": 2 }),
        el("text", { x: 15, y: 10, "font-size": 10, "font-weight": 700, fill: "#6b4f00" }, "?")]), "not asserted (hypothetical, planned, negated, reported)"),
    el("span", { class: "shape" }, s([el("circle", { cx: 8, cy: 6, r: 4.5, fill: "#b9bec7" }),
      el("line", { x1: 2, y1: 6, x2: 24, y2: 6, stroke: "#6b7385", "stroke-width": 1.5 })]), "rejected by a person"),
  );
  legend.append(el("svg", { width: 0, height: 0, style: { position: "absolute" } }, el("defs", {}, hatch("legend-hatch", "#6b7385"))));
}

function hatch(id, color) {
  return el("pattern", { id, width: 5, height: 5, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
    el("rect", { width: 5, height: 5, fill: color, "fill-opacity": .25 }),
    el("line", { x1: 0, y1: 0, x2: 0, y2: 5, stroke: color, "stroke-width": 2.2 }));
}

// ---- the view ----
const width = () => Math.max(300, svg.clientWidth || chartWrap.clientWidth || 900);
const x = (day) => ((day - state.lo) / (state.hi - state.lo)) * width();
const dayAt = (px) => state.lo + (px / width()) * (state.hi - state.lo);

function setView(lo, hi, { fetchData = true } = {}) {
  let span = Math.min(MAX_DAYS, Math.max(MIN_DAYS, hi - lo));
  const mid = (lo + hi) / 2;
  lo = mid - span / 2;
  hi = mid + span / 2;
  const minDay = dayNum("0001-01-01");
  const maxDay = dayNum("9998-12-31");
  if (lo < minDay) { hi += minDay - lo; lo = minDay; }
  if (hi > maxDay) { lo -= hi - maxDay; hi = maxDay; }
  span = hi - lo;
  state.lo = lo; state.hi = hi;
  const cut = span > 3 * 366 ? 4 : span > 90 ? 7 : 10;
  fromIn.value = state.shownFrom = isoDay(lo).slice(0, cut);
  toIn.value = state.shownTo = isoDay(hi - 1).slice(0, cut);      // the last day shown, not the day after
  render();
  if (fetchData) refetch();
  writeUrl();
}

function zoomBy(factor, centerPx) {
  const c = centerPx === undefined ? (state.lo + state.hi) / 2 : dayAt(centerPx);
  const lo = c - (c - state.lo) * factor;
  const hi = c + (state.hi - c) * factor;
  setView(lo, hi);
}

// the timeline's view as an address query, given to the reader so that "On the timeline" comes back to it
function viewQuery() {
  const p = new URLSearchParams();
  if (state.actor) p.set("actor", state.actor);
  if (state.type) p.set("type", state.type);
  if (state.q) p.set("q", state.q);
  p.set("from", isoDay(state.lo));
  p.set("to", isoDay(state.hi - 1));
  return p.toString();
}

const readHref = (ev) => documentHref(ev.document_id, ev.id, { tl: viewQuery() });

function writeUrl() {
  const p = new URLSearchParams();
  if (state.actor) p.set("actor", state.actor);
  if (state.type) p.set("type", state.type);
  if (state.q) p.set("q", state.q);
  p.set("from", isoDay(state.lo));
  p.set("to", isoDay(state.hi - 1));
  if (state.selected) p.set("event", state.selected);
  history.replaceState(null, "", `${location.pathname}?${p}`);
}

function filters() {
  return { actor: state.actor || null, type: state.type || null, q: state.q || null };
}

// ---- data ----
const refetch = debounce(load, 140);

async function load() {
  const seq = ++state.seq;
  const from = isoDay(state.lo), to = isoDay(state.hi);
  statusLeft.textContent = "Loading…";
  try {
    const b = await api("/api/timeline/buckets", { ...filters(), from, to });
    if (seq !== state.seq) return;
    state.buckets = b;
    const viewDays = state.hi - state.lo;
    let events = [], note = "", mode = "buckets";
    if (b.total <= EVENTS_AT_ONCE * 1.4 || viewDays <= 3660) {
      let span = 5;
      if (b.total > EVENTS_AT_ONCE * 1.4) {
        span = 0;
        while (span < 4 && SPAN_DAYS[span + 1] <= viewDays / 3) span++;
      }
      const page = await api("/api/events", { ...filters(), from, to, span: SPAN_NAMES[span], limit: EVENTS_AT_ONCE });
      if (seq !== state.seq) return;
      events = page.events;
      mode = "events";
      if (span < 5) note = `events dated to the ${SPAN_NAMES[span]} or more precisely`;
      if (page.next) note = `the first ${EVENTS_AT_ONCE} ${note || "events"} in view — zoom in to see the rest`;
      state.listCursor = null;
    }
    state.events = events;
    state.eventsNote = note;
    state.mode = mode;
    render();
    await renderList(seq);
  } catch (err) {
    if (seq !== state.seq) return;
    statusLeft.textContent = "";
    fill(listBox, errorBox(err));
  }
}

async function fit() {
  try {
    const b = await api("/api/timeline/buckets", { ...filters(), unit: "year" }).catch(async (err) => {
      if (err.status === 400) return api("/api/timeline/buckets", { ...filters(), unit: "decade" });
      throw err;
    });
    const full = b.buckets.filter((x) => x.n > 0);
    if (!full.length) {
      toast("No events match these filters", "info");
      setView(dayNum(b.from), dayNum(b.to) + 1);
      return;
    }
    const lo = dayNum(full[0].start), hi = dayNum(full[full.length - 1].end) + 1;
    const pad = Math.max(30, (hi - lo) * 0.04);
    setView(lo - pad, hi + pad);
  } catch (err) {
    toast(err.message, "error");
    fill(listBox, errorBox(err));       // a filter the server refuses: said where the events would be
  }
}

function reset() {
  actorIn.value = ""; typeSel.value = ""; textIn.value = ""; fromIn.value = ""; toIn.value = "";
  state.actor = state.actorName = state.type = state.q = "";
  fit();
}

form.addEventListener("submit", (ev) => {
  ev.preventDefault();
  state.actor = actorId();
  state.actorName = actorIn.value.trim();
  state.type = typeSel.value;
  state.q = textIn.value.trim();
  const f = fromIn.value.trim(), t = toIn.value.trim();
  if ((f || t) && (f !== state.shownFrom || t !== state.shownTo)) {
    Promise.all([f ? bounds(f) : null, t ? bounds(t) : null]).then(([a, b]) => {
      const lo = a ? a[0] : state.lo, hi = b ? b[1] + 1 : state.hi;
      setView(lo, Math.max(hi, lo + MIN_DAYS));
    });
  } else {
    fit();
  }
});

// the days an EDTF filter value covers, asked of the server's parser through a cheap count
async function bounds(value) {
  if (/^-?\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) {
    const parts = value.split("-");
    const y = parts[0], m = parts[1], d = parts[2];
    if (d) return [dayNum(value), dayNum(value)];
    if (m) { const lo = dayNum(`${y}-${m}-01`); const next = new Date(Date.UTC(+y, +m, 1)); return [lo, Math.round(next / 864e5) - 1]; }
    return [dayNum(`${y}-01-01`), dayNum(`${y}-12-31`)];
  }
  try {
    const b = await api("/api/timeline/buckets", { from: value, to: value, unit: "century" });
    return [dayNum(b.from), dayNum(b.to)];
  } catch (err) {
    toast(err.message, "error");
    return null;
  }
}

// ---- drawing ----
const TICKS = [
  [1, "day"], [7, "day"], [1, "month"], [3, "month"], [1, "year"], [2, "year"], [5, "year"], [10, "year"],
  [20, "year"], [50, "year"], [100, "year"], [200, "year"], [500, "year"],
];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function ticks() {
  const w = width();
  const daysPerPx = (state.hi - state.lo) / w;
  const approx = { day: 1, month: 30.4, year: 365.25 };
  const [step, unit] = TICKS.find(([s, u]) => (s * approx[u]) / daysPerPx >= 70) || TICKS[TICKS.length - 1];
  const out = [];
  const start = new Date(Math.floor(state.lo) * 864e5);
  let y = start.getUTCFullYear(), m = start.getUTCMonth(), d = start.getUTCDate();
  if (unit === "year") { y = Math.floor(y / step) * step; m = 0; d = 1; }
  if (unit === "month") { m = Math.floor(m / step) * step; d = 1; }
  if (unit === "day" && step === 7) { d = 1 + Math.floor((d - 1) / 7) * 7; }
  for (let i = 0; i < 400; i++) {
    const dt = new Date(Date.UTC(2000, m, d));
    dt.setUTCFullYear(y);
    const day = Math.round(dt.getTime() / 864e5);
    if (day > state.hi) break;
    let label, major = false;
    if (unit === "year") { label = String(dt.getUTCFullYear()); major = dt.getUTCFullYear() % (step * 5) === 0; }
    else if (unit === "month") { label = dt.getUTCMonth() === 0 ? String(dt.getUTCFullYear()) : MONTHS[dt.getUTCMonth()]; major = dt.getUTCMonth() === 0; }
    else { label = dt.getUTCDate() === 1 ? `${MONTHS[dt.getUTCMonth()]} ${dt.getUTCFullYear()}` : String(dt.getUTCDate()); major = dt.getUTCDate() === 1; }
    if (day >= state.lo) out.push({ day, label, major });
    if (unit === "year") y += step;
    else if (unit === "month") { m += step; if (m >= 12) { y += Math.floor(m / 12); m %= 12; } }
    else { const nd = new Date(dt.getTime() + step * 864e5); y = nd.getUTCFullYear(); m = nd.getUTCMonth(); d = nd.getUTCDate(); if (step === 7 && d > 28) { y = nd.getUTCFullYear(); } }
  }
  return out;
}

function render() {
  if (state.lo === null) return;
  const w = width();
  clear(svg);
  const defs = el("defs", {}, [0, 1, 2, 3, 4].map((q) => hatch(`hatch-${q}`, quadColor(q))),
    el("clipPath", { id: "clip" }, el("rect", { x: 0, y: 0, width: w, height: 4000 })));
  svg.append(defs);
  const root = el("g", { "clip-path": "url(#clip)" });
  svg.append(root);
  // axis
  const axis = el("g", { class: "axis" });
  for (const t of ticks()) {
    const tx = x(t.day);
    axis.append(el("g", { class: t.major ? "major" : null },
      el("line", { x1: tx, x2: tx, y1: AXIS_H - 6, y2: 4000 }),
      el("text", { x: tx + 4, y: AXIS_H - 11 }, t.label)));
  }
  root.append(axis);
  // histogram
  const hist = el("g", { class: "hist" });
  const b = state.buckets;
  let lanesHeight = 70;
  if (b && b.buckets.length) {
    const max = Math.max(...b.buckets.map((k) => k.n));
    for (const k of b.buckets) {
      const x0 = x(dayNum(k.start)), x1 = x(dayNum(k.end) + 1);
      const bw = Math.max(1, x1 - x0 - (x1 - x0 > 4 ? 1 : 0));
      const g = el("g", { class: "bucket", dataset: { start: k.start, end: k.end } },
        el("title", {}, `${bucketLabel(b.unit, k)}: ${fmtNum(k.n)} event${k.n === 1 ? "" : "s"}\n` +
          Object.entries(k.quads).map(([q, n]) => `${QUAD_NAMES[q]}: ${fmtNum(n)}`).join("\n")));
      let y = AXIS_H + HIST_H;
      for (const q of ["2", "1", "0", "3", "4"]) {
        const n = k.quads[q];
        if (!n) continue;
        const h = (n / max) * (HIST_H - 8);
        y -= h;
        g.append(el("rect", { x: x0, y, width: bw, height: h, fill: quadColor(+q) }));
      }
      g.append(el("rect", { x: x0, y: AXIS_H, width: bw, height: HIST_H, fill: "transparent" }));
      g.addEventListener("click", () => {
        if (dragMoved) return;
        const lo = dayNum(k.start), hi = dayNum(k.end) + 1;
        const pad = (hi - lo) * 0.1;
        setView(lo - pad, hi + pad);
      });
      hist.append(g);
    }
  }
  hist.append(el("line", { x1: 0, x2: w, y1: AXIS_H + HIST_H + .5, y2: AXIS_H + HIST_H + .5, stroke: "#cdd2da" }));
  root.append(hist);
  // events
  const evG = el("g", { class: "events" });
  if (state.mode === "events" && state.events.length) {
    lanesHeight = drawEvents(evG, w);
  } else if (b) {
    const msg = b.total
      ? `${fmtNum(b.total)} events in view, counted per ${b.unit}. Zoom in (scroll, or click a bar) to see them one by one.`
      : "No events in view with these filters.";
    evG.append(el("text", { class: "hint", x: w / 2, y: LANE_TOP + 28, "text-anchor": "middle" }, msg));
  }
  root.append(evG);
  const h = LANE_TOP + lanesHeight + 10;
  svg.setAttribute("height", h);
  svg.setAttribute("viewBox", `0 0 ${w} ${h}`);
  // status
  if (b) {
    const parts = [`${plural(b.total, "event")} ${b.total === 1 ? "begins" : "begin"} in this window`];
    if (state.mode === "events") {
      const drawn = state.events.length;
      const earlier = state.events.filter((ev) => ev.date_lo <= "0000-01-01" || dayNum(ev.date_lo) < state.lo).length;
      parts.push(`${plural(drawn, "event")} drawn` + (earlier ? ` (${fmtNum(earlier)} of them began earlier and last into it)` : ""));
      if (state.unnamed) parts.push(`${fmtNum(drawn - state.unnamed)} named — zoom in to name the rest`);
    } else {
      parts.push(`counted per ${b.unit}`);
    }
    fill(statusLeft, el("b", {}, `${fmtDate(isoDay(state.lo))} – ${fmtDate(isoDay(state.hi - 1))}`),
      ` · ${parts.join(" · ")}`, state.eventsNote ? ` (${state.eventsNote})` : "");
  }
  $("#subtitle").textContent = [state.actor && `actor: ${state.actorName || state.actor}`, state.type && `type: ${state.type}`,
    state.q && `text: “${state.q}”`].filter(Boolean).join(" · ");
}

function bucketLabel(unit, k) {
  if (unit === "century") return `${k.key}00s`;
  if (unit === "decade") return `${k.key}0s`;
  if (unit === "month") return fmtDate(k.key);
  return fmtDate(k.key);
}

function drawEvents(g, w) {
  const { items, lanes, unnamed } = layoutEvents(state.events, x, w);
  state.unnamed = unnamed;
  for (const it of items) {
    const { ev } = it;
    const y = LANE_TOP + it.lane * LANE_H;
    const color = quadColor(ev.quad);
    const approx = /[~?%]$/.test(ev.date) || /[~?%]\//.test(ev.date);
    const unspecified = /X/.test(ev.date);
    const rejected = isRejected(ev);
    const cls = ["ev", ev.id === state.selected ? "selected" : null, ev.uncertain ? "uncertain" : null,
      rejected ? "rejected" : null].filter(Boolean).join(" ");
    const notes = [ev.uncertain ? `not asserted: ${UNCERTAIN_WORDS[ev.uncertain] || ev.uncertain}` : null,
      rejected ? "rejected by a person" : null].filter(Boolean);
    const node = el("g", { class: cls, tabindex: 0, role: "button",
      dataset: { id: ev.id, uncertain: ev.uncertain || null }, "aria-label": `${fmtDate(ev.date)}: ${ev.label}${notes.length ? ` (${notes.join("; ")})` : ""}` },
    el("title", {}, `${fmtDate(ev.date)} — ${ev.label}${notes.length ? ` [${notes.join("; ")}]` : ""}\n${ev.quote || ""}`));
    // an event the source does not assert is drawn hollow, with a "?" (an "✗" when it says it did not happen)
    const hollow = !!ev.uncertain;
    if (it.point) {
      node.append(el("circle", { class: "mark", cx: (it.x0 + it.x1) / 2, cy: y + 6, r: 5, fill: hollow ? "#fff" : color,
        "fill-opacity": approx && !hollow ? .4 : 1, stroke: hollow || approx ? color : "#fff", "stroke-width": hollow ? 2 : 1,
        "stroke-dasharray": approx ? "2 1.5" : null }));
    } else {
      node.append(el("rect", { class: "mark", x: it.x0, y: y + 1, width: Math.max(3, it.x1 - it.x0), height: 10, rx: 3,
        fill: hollow ? "#fff" : unspecified ? `url(#hatch-${ev.quad || 0})` : color,
        "fill-opacity": hollow ? 1 : approx ? .35 : (unspecified ? 1 : .85),
        stroke: hollow || approx || unspecified ? color : "none", "stroke-width": hollow ? 2 : 1,
        "stroke-dasharray": approx ? "3 2" : null }));
      if (it.prec === "interval") {
        if (ev.date_lo > "0000-01-01") node.append(el("rect", { x: it.x0, y, width: 2.5, height: 12, fill: "#2b3240" }));
        if (ev.date_hi < "9999-12-31") node.append(el("rect", { x: it.x1 - 2.5, y, width: 2.5, height: 12, fill: "#2b3240" }));
        else node.append(el("path", { d: `M${w - 10},${y} l8,6 l-8,6 z`, fill: "#2b3240" }));
      }
    }
    if (hollow) {
      const cx = it.point ? (it.x0 + it.x1) / 2 : Math.max(it.x0, 0) + 6;
      node.append(el("text", { class: "uncertain-mark", x: cx, y: y + 10, "text-anchor": "middle", "font-size": 10,
        "font-weight": 700, fill: ev.uncertain === "negated" ? "#8a2d2d" : "#6b4f00" }, ev.uncertain === "negated" ? "✗" : "?"));
    }
    if (rejected) node.append(el("line", { x1: it.x0 - 2, x2: it.x1 + 2, y1: y + 6, y2: y + 6, stroke: "#4a5263", "stroke-width": 1.5 }));
    if (it.label) {
      node.append(el("text", { class: `label${it.label.halo ? " halo" : ""}`, x: it.label.x, y: y + 10,
        "text-anchor": it.label.anchor || null }, it.label.text));
    }
    node.addEventListener("click", () => { if (!dragMoved) select(ev.id); });
    node.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); select(ev.id); } });
    g.append(node);
  }
  return Math.max(60, lanes * LANE_H + 10);
}

// ---- the list and the detail ----
async function renderList(seq) {
  clear(listBox);
  let events = state.events;
  let more = null;
  if (state.mode !== "events") {
    const page = await api("/api/events", { ...filters(), from: isoDay(state.lo), to: isoDay(state.hi), limit: 50 });
    if (seq !== undefined && seq !== state.seq) return;
    events = page.events;
    more = page.next;
  }
  state.listEvents = events;
  if (!events.length) { listBox.append(el("p", { class: "empty" }, "No events in view.")); return; }
  const shown = events.slice(0, 150);
  for (const ev of shown) listBox.append(listRow(ev));
  if (events.length > shown.length) {
    listBox.append(el("p", { class: "muted small" }, `${fmtNum(events.length - shown.length)} more drawn on the timeline; zoom in to list them.`));
  }
  if (more) {
    let cursor = more;
    const btn = el("button", { type: "button" }, "More events");
    btn.addEventListener("click", async () => {
      const page = await api("/api/events", { ...filters(), from: isoDay(state.lo), to: isoDay(state.hi), limit: 50, cursor });
      page.events.forEach((ev) => btn.before(listRow(ev)));
      state.listEvents.push(...page.events);
      cursor = page.next;
      if (!cursor) btn.remove();
    });
    listBox.append(el("div", { class: "pager" }, btn));
  }
}

function listRow(ev) {
  const cls = ["row", ev.id === state.selected ? "selected" : null, ev.uncertain ? "uncertain" : null,
    isRejected(ev) ? "rejected" : null].filter(Boolean).join(" ");
  const row = el("div", { class: cls, dataset: { id: ev.id }, tabindex: 0 },
    el("div", { class: "date" }, fmtDate(ev.date), el("span", { class: "prec" }, precisionWord(ev.date))),
    el("div", {}, el("div", { class: "head" }, typeChip(ev.type, ev.label, ev.quad), eventBadges(ev), participantsLine(ev)),
      el("div", { class: "quote" }, quoteWithTrigger(ev)),
      el("div", { class: "small muted" }, el("a", { href: readHref(ev) }, ev.title || ev.doc))));
  row.addEventListener("click", (e) => { if (!e.target.closest("a")) select(ev.id); });
  row.addEventListener("keydown", (e) => { if (e.key === "Enter") select(ev.id); });
  return row;
}

function precisionWord(date) {
  const p = precisionOf(date);
  const approx = /[~?%]/.test(date || "");
  const w = { day: "the day", month: "the month", year: "the year", decade: "the decade", century: "the century",
    interval: "a period" }[p] || "";
  return (w ? `dated to ${w}` : "") + (approx ? ", approximate" : "");
}

async function select(id) {
  state.selected = id;
  for (const n of svg.querySelectorAll(".ev")) n.classList.toggle("selected", n.dataset.id === id);
  for (const n of listBox.querySelectorAll(".row")) n.classList.toggle("selected", n.dataset.id === id);
  writeUrl();
  fill(detail, el("p", { class: "loading" }, "Loading…"));
  try {
    const ev = await api(`/api/events/${encodeURIComponent(id)}`);
    const src = (ev.sources || [])[0] || {};
    fill(detail, 
      el("div", { class: "date-big" }, fmtDate(ev.date)),
      el("div", { class: "muted small" }, `${precisionWord(ev.date)} · EDTF `, el("code", {}, ev.date || "—")),
      el("div", { style: { margin: ".5rem 0", display: "flex", gap: ".4rem", flexWrap: "wrap" } }, typeChip(ev.type, ev.label, ev.quad), eventBadges(ev)),
      quoteWithTrigger(ev, 100000),
      el("dl", {},
        (ev.participants || []).map((p) => [el("dt", {}, p.role), el("dd", {}, entityLink(p.entity, p.name, p.entity_type))]),
        el("dt", {}, "CAMEO"), el("dd", {}, ev.cameo ? `${ev.cameo} · ${QUAD_NAMES[ev.quad]}` : "—"),
        el("dt", {}, "Source"), el("dd", {}, ev.title || ev.doc, el("div", { class: "muted small" }, ev.doc)),
        ev.uncertain ? [el("dt", {}, "Not asserted"), el("dd", {}, `${ev.uncertain}: ${UNCERTAIN_WORDS[ev.uncertain] || ""}`)] : null,
        isRejected(ev) ? [el("dt", {}, "Rejected"), el("dd", {}, "a person judged this extraction wrong")] : null),
      (src.notes || []).length ? el("div", { class: "small" }, el("h3", {}, "Notes cited"),
        src.notes.map((n) => el("p", {}, el("b", {}, `[${n.note}] `), n.text || ""))) : null,
      ev.group && ev.group.sources && ev.group.sources.length > 1
        ? el("p", { class: "small muted" }, `Told by ${ev.group.sources.length} documents` + (ev.group.dates_agree ? "." : ", which disagree on the date.")) : null,
      el("div", { class: "actions" },
        el("a", { class: "button primary", id: "read-source", href: readHref(ev) }, "Read in the document →"),
        ev.participants[0] ? el("a", { class: "button", href: `/entities/${encodeURIComponent(ev.participants[0].entity)}` },
          `About ${ev.participants[0].name}`) : null),
      await verdictButtons(ev.id, ev, async () => { await load(); await select(id); }));
  } catch (err) {
    fill(detail, errorBox(err));
  }
}

// ---- zoom and pan ----
let drag = null, dragMoved = false;
svg.addEventListener("wheel", (e) => {
  e.preventDefault();
  const r = svg.getBoundingClientRect();
  const factor = Math.exp((e.deltaMode === 1 ? e.deltaY * 30 : e.deltaY) * 0.0018);
  zoomBy(factor, e.clientX - r.left);
}, { passive: false });
svg.addEventListener("pointerdown", (e) => {
  drag = { x: e.clientX, lo: state.lo, hi: state.hi, id: e.pointerId };
  dragMoved = false;
});
window.addEventListener("pointermove", (e) => {
  if (!drag) return;
  const dx = e.clientX - drag.x;
  if (Math.abs(dx) > 3) {
    if (!dragMoved) { chartWrap.classList.add("grabbing"); }
    dragMoved = true;
  }
  if (!dragMoved) return;
  const shift = (dx / width()) * (drag.hi - drag.lo);
  state.lo = drag.lo - shift; state.hi = drag.hi - shift;
  render();
});
window.addEventListener("pointerup", () => {
  if (!drag) return;
  chartWrap.classList.remove("grabbing");
  if (dragMoved) { setView(state.lo, state.hi); setTimeout(() => { dragMoved = false; }, 0); }
  drag = null;
});
svg.addEventListener("dblclick", (e) => { const r = svg.getBoundingClientRect(); zoomBy(0.5, e.clientX - r.left); });
window.addEventListener("resize", debounce(() => render(), 100));

// ---- start ----
drawLegend();
try {
  const m = await meta();
  for (const t of m.event_types) typeSel.append(el("option", { value: t.type, selected: t.type === state.type }, t.label));
  if (state.actor) {
    try {
      const e = await api(`/api/entities/${encodeURIComponent(state.actor)}`, { events_limit: 0 });
      actorIn.value = e.name;
      state.actorName = e.name;
    } catch { /* the filter will report it */ }
  }
  // from/to as any EDTF the filters take (1959, 1959-12, 1959-12-14, 195X): the view keeps them
  const f = params.get("from"), t = params.get("to");
  const [a, b] = await Promise.all([f ? bounds(f) : null, t ? bounds(t) : null]);
  if (a || b) {
    const lo = a ? a[0] : (m.extent.from ? dayNum(m.extent.from) : b[0] - 3650);
    const hi = b ? b[1] + 1 : (m.extent.to ? dayNum(m.extent.to) + 1 : a[1] + 3650);
    setView(lo, Math.max(hi, lo + MIN_DAYS));
  } else if (m.extent.from) await fit();
  else {
    setView(dayNum("1900-01-01"), dayNum("2030-01-01"));
  }
  if (state.selected) select(state.selected);
} catch (err) {
  main.append(errorBox(err));
}
