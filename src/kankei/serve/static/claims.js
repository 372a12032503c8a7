// Claims: what the documents say the numbers measure, as series over time, and where they disagree.
import {
  $, api, clear, cutWords, documentHref, plural, el, errorBox, fill, fmtDate, fmtNum, setTitle, topbar,
} from "/static/common.js";

topbar("/claims");
setTitle("Claims");
const main = $("#main");
main.append(el("div", { class: "page-head" }, el("h1", {}, "Claims"),
  el("span", { class: "sub" }, "figures the documents give — members, people repatriated, money — over time, and where sources disagree")));
const body = el("div");
main.append(body);

const QUAL = { about: "about ", more_than: "more than ", at_least: "at least ", less_than: "less than ", at_most: "at most ", nearly: "nearly " };
const CURRENCY = { usd: "US$", jpy: "¥", krw: "₩", eur: "€", gbp: "£", cny: "CN¥" };
function unitWords(unit, n) {
  if (!unit) return "";
  if (unit === "percent") return "%";
  if (unit === "fraction") return "";
  if (CURRENCY[unit] || /^[a-z]{3}$/.test(unit) && !["ton", "day"].includes(unit)) return ` ${unit.toUpperCase()}`;
  if (n === 1) return ` ${unit}`;
  if (unit === "person") return " people";
  return ` ${unit.endsWith("s") ? `${unit}es` : unit.endsWith("y") ? `${unit.slice(0, -1)}ies` : `${unit}s`}`;
}
function valueText(v, unit) {
  if (!v) return "—";
  const u = unitWords(unit, v.value ?? v.high ?? v.low);
  if (v.value !== null && v.value !== undefined) return `${QUAL[v.qualifier] || ""}${fmtNum(v.value)}${u}`;
  if (v.low !== null && v.high !== null && v.low !== undefined) return `${fmtNum(Math.round(v.low))}–${fmtNum(Math.round(v.high))}${u}`;
  if (v.low !== null && v.low !== undefined) return `at least ${fmtNum(Math.round(v.low))}${u}`;
  if (v.high !== null && v.high !== undefined) return `at most ${fmtNum(Math.round(v.high))}${u}`;
  return "—";
}
const srcValue = (s) => valueText({ value: s.value, low: s.low, high: s.high, qualifier: s.qualifier }, s.unit);

// the sentence, cut between words around the figure if it is long, the figure marked
function quote(s) {
  let q = s.quote || "";
  let i = s.text ? q.indexOf(s.text) : -1;
  if (q.length > 320) {
    q = cutWords(q, 320, i >= 0 ? i : undefined, i >= 0 ? i + s.text.length : undefined);
    i = s.text ? q.indexOf(s.text) : -1;
  }
  if (i < 0) return el("q", {}, q);
  return el("q", {}, q.slice(0, i), el("mark", {}, s.text), q.slice(i + s.text.length));
}

// the reader, opened at the figure the claim is read from
function sourceLink(s) {
  const at = s.start !== undefined && s.start !== null && s.end ? `${s.start}-${s.end}` : null;
  return s.document_id ? el("a", { class: "source-link", href: documentHref(s.document_id, null, { at }) }, s.title || s.doc)
    : el("span", {}, s.title || s.doc);
}

// a page of each at a time, from the server: a large base has thousands of disagreements
const PAGE = { conflicts: 20, series: 30 };
const state = { subject: decodeURIComponent(location.hash.slice(1)), conflicts: 0, series: 0 };
const back = { conflicts: [], series: [] };     // the offsets of the pages gone through
const toolbar = el("div", { class: "toolbar" });
const content = el("div");

try {
  const m = await api("/api/meta");
  if (!m.claims_available) {
    body.append(el("div", { class: "notice" }, "This kankei cannot reconcile claims (it has no kankei.reconcile.claims module)."));
  } else {
    const every = await api("/api/claims", { limit: 1 });
    const filter = el("select", { id: "c-subject" }, el("option", { value: "" }, "every subject"),
      [...every.subjects].sort((a, b) => String(a.name).localeCompare(String(b.name)))
        .map((s) => el("option", { value: s.subject }, `${s.name} (${plural(s.series, "series", "series")})`)));
    if (every.subjects.some((s) => s.subject === state.subject)) filter.value = state.subject;
    else state.subject = "";
    filter.addEventListener("change", () => {
      Object.assign(state, { subject: filter.value, conflicts: 0, series: 0 });
      back.conflicts.length = back.series.length = 0;
      history.replaceState(null, "", state.subject ? `#${encodeURIComponent(state.subject)}` : location.pathname);
      draw().catch((err) => content.append(errorBox(err)));
    });
    toolbar.append(el("div", { class: "field" }, el("label", { for: "c-subject" }, "Subject"), filter));
    body.append(toolbar, content);
    await draw();
  }
} catch (err) {
  body.append(errorBox(err));
}

async function draw() {
  const subject = state.subject || undefined;
  const [cs, ss] = await Promise.all([
    api("/api/conflicts", { subject, limit: PAGE.conflicts, offset: state.conflicts }),
    api("/api/claims", { subject, limit: PAGE.series, offset: state.series })]);
  clear(content);
  content.append(el("h2", {}, `Disagreements (${fmtNum(cs.total)})`));
  if (!cs.total) content.append(el("p", { class: "empty" }, "No two documents give incompatible figures for the same thing and time."));
  for (const c of cs.conflicts) content.append(conflictCard(c));
  content.append(pager("conflicts", cs));
  content.append(el("h2", {}, `Series (${fmtNum(ss.total)})`));
  content.append(el("div", { class: "cols-3" }, ss.series.map(seriesCard)));
  content.append(pager("series", ss));
}

// "1–20 of 431" with the pages before and after (a page of large series may hold fewer than asked:
// the server says where the next one begins, and the offsets gone through lead back)
function pager(what, page) {
  const n = (page[what] || []).length;
  if (page.total <= n && !page.offset) return el("span");
  const go = (offset) => { state[what] = offset; draw().catch((err) => content.append(errorBox(err))); };
  const prev = el("button", { type: "button", class: "pager-prev" }, "← previous");
  const next = el("button", { type: "button", class: "pager-next" }, "next →");
  prev.disabled = page.offset <= 0;
  next.disabled = page.next === null || page.next === undefined;
  prev.addEventListener("click", () => go(back[what].pop() ?? Math.max(0, page.offset - PAGE[what])));
  next.addEventListener("click", () => { back[what].push(page.offset); go(page.next); });
  return el("div", { class: "pager" }, prev,
    el("span", { class: "muted" }, ` ${fmtNum(page.offset + 1)}–${fmtNum(page.offset + n)} of ${fmtNum(page.total)} `), next);
}

function conflictCard(c) {
  return el("section", { class: "panel conflict-card" },
    el("div", {}, el("b", {}, c.subject_name), ` — ${c.property}`, c.time ? el("span", { class: "muted" }, ` · ${fmtDate(c.time)}`) : null),
    el("div", { class: "conflict" }, c.sides.map((side) => el("div", { class: "side" },
      el("div", { class: "value" }, valueText(side.value, side.unit)),
      el("div", { class: "small muted" }, plural(side.documents, "document")),
      side.sources.map((s) => el("div", {},
        el("div", { class: "small muted" }, sourceLink(s), s.time ? ` · for ${fmtDate(s.time)}` : "", ` · ${srcValue(s)}`),
        el("p", { class: "small" }, quote(s))))))));
}

function seriesCard(s) {
  const detail = el("div", { class: "small" });
  const card = el("section", { class: "panel series-card" },
    el("h3", {}, s.subject_name, el("span", { class: "muted", style: { fontWeight: 400 } }, ` · ${s.property}`)),
    spark(s, detail), detail);
  showPoint(s.points[s.points.length - 1], detail);
  return card;
}

function pointRange(p) {
  const v = p.value || {};
  const lo = v.value ?? v.low ?? v.high, hi = v.value ?? v.high ?? v.low;
  return [lo, hi];
}

function spark(s, detail) {
  const W = 320, H = 120, padL = 46, padB = 18, padT = 8;
  const dated = s.points.filter((p) => p.time_lo);
  const vals = s.points.flatMap(pointRange).filter((v) => v !== null && v !== undefined);
  const svg = el("svg", { class: "spark", viewBox: `0 0 ${W} ${H}`, width: "100%", role: "img", "aria-label": `${s.subject_name}, ${s.property}` });
  if (!vals.length) return svg;
  const vmax = Math.max(...vals) * 1.1 || 1;
  const yOf = (v) => padT + (H - padT - padB) * (1 - v / vmax);
  // undated points stand in a column of their own at the left, apart from the years
  const undated = s.points.filter((p) => !p.time_lo);
  const left = undated.length ? padL + 14 + 10 * undated.length : padL;
  let t0 = Infinity, t1 = -Infinity;
  for (const p of dated) { t0 = Math.min(t0, +p.time_lo.slice(0, 4)); t1 = Math.max(t1, +p.time_hi.slice(0, 4) + 1); }
  if (dated.length && t1 - t0 < 4) { t0 -= 2; t1 += 2; }
  const xOf = (y) => left + (W - left - 8) * ((y - t0) / (t1 - t0));
  svg.append(el("line", { x1: padL, x2: W, y1: H - padB, y2: H - padB, stroke: "#cdd2da" }),
    el("text", { x: padL - 4, y: yOf(vmax / 1.1) + 3, "text-anchor": "end" }, compact(vmax / 1.1)),
    el("text", { x: padL - 4, y: H - padB, "text-anchor": "end" }, "0"));
  if (dated.length) {
    svg.append(el("text", { x: left, y: H - 4 }, String(t0)), el("text", { x: W - 8, y: H - 4, "text-anchor": "end" }, String(t1)));
  }
  if (undated.length) {
    svg.append(el("text", { x: padL + 2, y: H - 4, class: "muted" }, "undated"));
    if (dated.length) svg.append(el("line", { x1: left - 5, x2: left - 5, y1: padT, y2: H - padB, stroke: "#eceef2" }));
  }
  s.points.forEach((p) => {
    const [lo, hi] = pointRange(p);
    if (lo === null || lo === undefined) return;
    const x = p.time_lo ? (xOf(+p.time_lo.slice(0, 4)) + xOf(+p.time_hi.slice(0, 4) + 1)) / 2 : padL + 10 + 10 * undated.indexOf(p);
    const g = el("g", { class: "pt", tabindex: 0 }, el("title", {}, `${p.time ? fmtDate(p.time) : p.time_label || "undated"}: ${valueText(p.value, p.unit)} (${p.documents} document${p.documents === 1 ? "" : "s"})`));
    const several = p.sources.length > 1;
    if (hi !== lo) g.append(el("line", { x1: x, x2: x, y1: yOf(lo), y2: yOf(hi), stroke: "#4f8fd6", "stroke-width": 3, "stroke-linecap": "round" }));
    g.append(el("circle", { cx: x, cy: yOf(hi), r: several ? 6 : 4, fill: p.time_lo ? "#4f8fd6" : "#fff", stroke: "#2d5b8a", "stroke-width": 1.5 }));
    g.addEventListener("click", () => showPoint(p, detail));
    svg.append(g);
  });
  return svg;
}

function compact(v) {
  if (v >= 1e9) return `${(v / 1e9).toFixed(1)}B`;
  if (v >= 1e6) return `${(v / 1e6).toFixed(1)}M`;
  if (v >= 1e3) return `${(v / 1e3).toFixed(0)}k`;
  return String(Math.round(v));
}

function showPoint(p, detail) {
  if (!p) return;
  fill(detail, el("div", {}, el("b", {}, valueText(p.value, p.unit)), " ",
    el("span", { class: "muted" }, p.time ? fmtDate(p.time) : p.time_label || "undated"),
    el("span", { class: "muted" }, ` · ${p.documents} document${p.documents === 1 ? "" : "s"}`)),
  p.sources.map((s) => el("p", { style: { margin: ".3rem 0" } }, quote(s), el("br"), el("span", { class: "muted" }, "— ", sourceLink(s)))));
}
