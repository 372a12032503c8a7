// Shared by every page: the top bar, API calls, DOM building (text only, never HTML), dates, colours.

export const QUAD_NAMES = {
  0: "not in CAMEO", 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict",
};
export const QUAD_COLORS = { 0: "#8a9099", 1: "#4f8fd6", 2: "#2f9461", 3: "#e0912b", 4: "#c8423b" };
export const TYPE_COLORS = {
  country: "#35598f", organization: "#8a5aa8", person: "#cf7a26", place: "#4f9a6c", group: "#a29a2e",
  vessel: "#2f8fa0", document: "#7d6b5d", other: "#8a9099",
};
export const quadColor = (q) => QUAD_COLORS[q] || QUAD_COLORS[0];
export const typeColor = (t) => TYPE_COLORS[t] || TYPE_COLORS.other;

// ---------------------------------------------------------------------------------------------
// DOM: every piece of text goes in as a text node

const SVG_TAGS = new Set(["svg", "g", "rect", "circle", "line", "path", "text", "title", "polyline", "polygon", "defs",
  "pattern", "marker", "linearGradient", "stop", "clipPath", "tspan"]);

// el("svg:a", ...) makes an SVG element whose name HTML also has
export function el(tag, attrs, ...children) {
  const svgOnly = tag.startsWith("svg:");
  const name = svgOnly ? tag.slice(4) : tag;
  const node = svgOnly || SVG_TAGS.has(name) ? document.createElementNS("http://www.w3.org/2000/svg", name)
    : document.createElement(name);
  return build(node, attrs, children);
}

function build(node, attrs, children) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
    else if (k === "class") node.setAttribute("class", v);
    else if (k === "dataset") Object.assign(node.dataset, v);
    else if (k === "text") node.textContent = v;
    else if (k === "style" && typeof v === "object") {
      for (const [prop, val] of Object.entries(v)) {
        if (prop.startsWith("--")) node.style.setProperty(prop, val);
        else node.style[prop] = val;
      }
    }
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  append(node, children);
  return node;
}

export function append(node, ...children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// replace a node's children (null and false children are left out, as with el)
export function fill(node, ...children) {
  return append(clear(node), ...children);
}

export const $ = (sel, root = document) => root.querySelector(sel);

// ---------------------------------------------------------------------------------------------
// the API

export class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

export async function api(path, params) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params || {})) {
    if (v === null || v === undefined || v === "") continue;
    if (Array.isArray(v)) v.forEach((x) => url.searchParams.append(k, x));
    else url.searchParams.set(k, v);
  }
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await res.json().catch(() => ({ error: `${res.status} ${res.statusText}` }));
  if (!res.ok) throw new ApiError(res.status, body.error || `${res.status} ${res.statusText}`);
  return body;
}

export async function post(path, body) {
  const headers = { "Content-Type": "application/json", Accept: "application/json" };
  const token = getToken();
  if (token) headers["X-Kankei-Token"] = token;
  const res = await fetch(path, { method: "POST", headers, body: JSON.stringify(body || {}) });
  const data = await res.json().catch(() => ({ error: `${res.status} ${res.statusText}` }));
  if (!res.ok) throw new ApiError(res.status, data.error || `${res.status} ${res.statusText}`);
  return data;
}

let metaPromise = null;
export function meta() {
  if (!metaPromise) metaPromise = api("/api/meta");
  return metaPromise;
}

export async function typeInfo() {
  const m = await meta();
  return Object.fromEntries(m.event_types.map((t) => [t.type, t]));
}

// ---------------------------------------------------------------------------------------------
// the edit token: given once (typed, or in the address as #token=...), kept for this tab only

const TOKEN_KEY = "kankei-token";
(function takeTokenFromAddress() {
  const m = location.hash.match(/token=([A-Za-z0-9_-]+)/);
  if (m) {
    sessionStorage.setItem(TOKEN_KEY, m[1]);
    history.replaceState(null, "", location.pathname + location.search);
  }
})();
export const getToken = () => sessionStorage.getItem(TOKEN_KEY) || "";
export const setToken = (t) => (t ? sessionStorage.setItem(TOKEN_KEY, t) : sessionStorage.removeItem(TOKEN_KEY));

export async function editable() {
  const m = await meta();
  return m.allow_edits && !!getToken();
}

// ---------------------------------------------------------------------------------------------
// the top bar

const NAV = [
  ["/", "Timeline"], ["/network", "Network"], ["/documents", "Documents"], ["/entities", "Actors"],
  ["/claims", "Claims"], ["/search", "Search"], ["/judgements", "Corrections"], ["/docs", "API"],
];

export function topbar(active) {
  const header = document.getElementById("top");
  if (!header) return;
  clear(header);
  const links = NAV.map(([href, label]) =>
    el("a", { href, class: href === active ? "active" : null, "aria-current": href === active ? "page" : null }, label));
  const form = el("form", { class: "nav-search", role: "search", action: "/search" },
    el("input", { type: "search", name: "q", placeholder: "Search documents…", "aria-label": "Search documents" }));
  const status = el("span", { class: "edit-status", id: "edit-status" });
  header.append(el("div", { class: "bar" },
    el("a", { class: "brand", href: "/", title: "kankei (関係): relations" }, "kankei"),
    el("nav", { "aria-label": "Main" }, links), form, status));
  meta().then((m) => {
    clear(status);
    const db = el("span", { class: "db-name", title: `${plural(m.counts.documents, "document")}, ${plural(m.counts.events, "event")}` }, m.db);
    if (!m.allow_edits) {
      status.append(db, el("span", { class: "badge", title: "Start kankei serve with --allow-edits to record corrections" },
        "read-only"));
      return;
    }
    const btn = el("button", { type: "button", class: "badge badge-edit" }, getToken() ? "edits on" : "enter edit token");
    btn.addEventListener("click", () => {
      const t = prompt("Edit token (printed by kankei serve --allow-edits):", getToken());
      if (t !== null) { setToken(t.trim()); location.reload(); }
    });
    status.append(db, btn);
  }).catch(() => {});
}

// ---------------------------------------------------------------------------------------------
// messages

export function toast(message, kind = "info") {
  let box = document.getElementById("toasts");
  if (!box) { box = el("div", { id: "toasts", role: "status", "aria-live": "polite" }); document.body.append(box); }
  const t = el("div", { class: `toast toast-${kind}` }, message);
  box.append(t);
  setTimeout(() => t.remove(), kind === "error" ? 7000 : 3500);
}

export function errorBox(err) {
  return el("div", { class: "error-box", role: "alert" }, err && err.message ? err.message : String(err));
}

export function loading(text = "Loading…") {
  return el("div", { class: "loading" }, text);
}

// ---------------------------------------------------------------------------------------------
// dates: EDTF to words, and days for drawing

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const SEASONS = { 21: "Spring", 22: "Summer", 23: "Autumn", 24: "Winter" };

function pointWords(v) {
  if (!v || v === "..") return "";
  let mark = "";
  const last = v.slice(-1);
  if ("~?%".includes(last)) { mark = last; v = v.slice(0, -1); }
  let out;
  const m = v.match(/^(-?[\dX]{4})(?:-([\dX]{2}))?(?:-([\dX]{2}))?$/);
  if (!m) return v;
  const [, y, mo, d] = m;
  let year = y;
  if (/^\d{3}X$/.test(y)) year = `${y.slice(0, 3)}0s`;
  else if (/^\d{2}XX$/.test(y)) year = `${y.slice(0, 2)}00s`;
  if (mo && SEASONS[+mo]) out = `${SEASONS[+mo]} ${year}`;
  else if (mo && !mo.includes("X") && d && !d.includes("X")) out = `${+d} ${MONTHS[+mo - 1]} ${year}`;
  else if (mo && !mo.includes("X")) out = `${MONTHS[+mo - 1]} ${year}`;
  else out = year;
  if (mark === "~") out = `c. ${out}`;
  else if (mark === "?") out = `${out}?`;
  else if (mark === "%") out = `c. ${out}?`;
  return out;
}

export function fmtDate(v) {
  if (!v) return "undated";
  if (v.includes("/")) {
    const [a, b] = v.split("/");
    if (!a || a === "..") return `until ${pointWords(b)}`;
    if (!b || b === "..") return `${pointWords(a)} onward`;
    return `${pointWords(a)} – ${pointWords(b)}`;
  }
  return pointWords(v);
}

export function precisionOf(v) {
  if (!v) return null;
  if (v.includes("/")) return "interval";
  const p = v.replace(/[~?%]$/, "");
  if (/^\d{2}XX/.test(p)) return "century";
  if (/^\d{3}X/.test(p)) return "decade";
  if (/^-?\d{4}-\d{2}-\d{2}$/.test(p)) return "day";
  if (/^-?\d{4}-\d{2}$/.test(p)) return "month";
  return "year";
}

// days since 0000-03-01 style epoch are not needed: use UTC days from 1970, valid for years 0..9999
export function dayNum(iso) {
  const m = /^(-?\d{1,4})-(\d{2})-(\d{2})/.exec(iso || "");
  if (!m) return NaN;
  const d = new Date(Date.UTC(2000, +m[2] - 1, +m[3]));
  d.setUTCFullYear(+m[1]);
  return Math.round(d.getTime() / 86400000);
}

export function isoDay(n) {
  const d = new Date(Math.round(n) * 86400000);
  const y = d.getUTCFullYear();
  const ys = y < 0 ? `-${String(-y).padStart(4, "0")}` : String(y).padStart(4, "0");
  return `${ys}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}`;
}

export const fmtNum = (n) => (n === null || n === undefined ? "" : Number(n).toLocaleString("en-US"));

export function fmtQuantity(q) {
  const unit = q.unit ? ` ${q.unit}` : "";
  const words = { about: "about ", more_than: "more than ", at_least: "at least ", less_than: "less than ",
    at_most: "at most ", nearly: "nearly " };
  if (q.value === null && q.low !== null) return `${fmtNum(q.low)}–${fmtNum(q.high)}${unit}`;
  return `${words[q.qualifier] || ""}${fmtNum(q.value)}${unit}`;
}

// ---------------------------------------------------------------------------------------------
// small pieces

export function entityLink(id, name, type) {
  return el("a", { href: `/entities/${encodeURIComponent(id)}`, class: "entity-link", title: id },
    type ? el("span", { class: "dot", style: { background: typeColor(type) } }) : null, name || id);
}

// the reader's address: at an event, or with `extra` parameters (at: "start-end" to show a span, find:
// words to find, tl: the timeline view to go back to)
export function documentHref(documentId, eventId, extra) {
  const p = new URLSearchParams();
  if (eventId) p.set("event", eventId);
  for (const [k, v] of Object.entries(extra || {})) if (v !== null && v !== undefined && v !== "") p.set(k, v);
  const q = p.toString();
  return `/documents/${encodeURIComponent(documentId)}` + (q ? `?${q}` : "");
}

export const plural = (n, word, many) => `${fmtNum(n)} ${n === 1 ? word : many || `${word}s`}`;

// at most about n characters of text, cut between words (marked …), around text.slice(start, end) if given
export function cutWords(text, n, start, end) {
  text = text || "";
  if (text.length <= n) return text;
  let a = 0, b = n;
  if (start !== undefined && start !== null && start >= 0 && end <= text.length) {
    const room = Math.max(0, n - (end - start));
    a = Math.max(0, Math.min(start - Math.floor(room / 3), text.length - n));
    b = Math.min(text.length, Math.max(a + n, end));
    if (a > 0 && !/\s/.test(text[a - 1])) { const cut = text.indexOf(" ", a); if (cut >= 0 && cut <= start) a = cut + 1; }
  }
  if (b < text.length && !/\s/.test(text[b])) {
    const cut = text.lastIndexOf(" ", b);
    if (cut > a + n / 3 && (end === undefined || cut >= end)) b = cut;
  }
  return (a > 0 ? "…" : "") + text.slice(a, b).trim() + (b < text.length ? "…" : "");
}

// ---------------------------------------------------------------------------------------------
// what is known of an event: asserted or not by its source, confirmed or rejected by a person

export const UNCERTAIN_WORDS = {
  hypothetical: "the source only supposes it", planned: "the source says it is planned, not done",
  negated: "the source says it did not happen", reported: "the source only reports it (reportedly, allegedly)",
};

// one mark for an event its source does not assert, the same everywhere (lists, panels, the timeline's title)
export function uncertainBadge(ev) {
  if (!ev.uncertain) return null;
  return el("span", { class: `uncertain-badge u-${ev.uncertain}`, title: `Not asserted: ${UNCERTAIN_WORDS[ev.uncertain] || ev.uncertain}` },
    ev.uncertain);
}

export function verdictBadge(ev) {
  if (!ev.verdict) return null;
  return ev.verdict.kind === "reject"
    ? el("span", { class: "rejected-badge", title: "A person judged this extraction wrong" }, "rejected")
    : el("span", { class: "confirmed-badge", title: "A person judged this extraction right" }, "✓ confirmed");
}

export const eventBadges = (ev) => [uncertainBadge(ev), verdictBadge(ev)];

export const isRejected = (ev) => !!(ev.verdict && ev.verdict.kind === "reject");

export async function undoJudgement(id) {
  return post(`/api/judgements/${encodeURIComponent(id)}/undo`, {});
}

// Confirm / Reject buttons for an extraction, or Restore for one a person rejected; `done` runs after a change
export async function verdictButtons(id, ev, done, words = { confirm: "✓ Confirm", reject: "✗ Reject" }) {
  const m = await meta();
  if (!m.allow_edits || !id) return null;
  const box = el("div", { class: "actions verdict-actions" });
  const act = (fn, ok) => async () => {
    try { await fn(); toast(ok, "ok"); if (done) await done(); } catch (err) { toast(err.message, "error"); }
  };
  if (ev && ev.verdict && ev.verdict.kind === "reject") {
    box.append(el("button", { type: "button", class: "restore", onclick: act(() => undoJudgement(ev.verdict.judgement),
      "Restored: the rejection is undone") }, "↺ Restore"));
  } else {
    for (const kind of ["confirm", "reject"]) {
      box.append(el("button", { type: "button", class: kind === "reject" ? "danger" : null, onclick: act(
        () => post(`/api/extractions/${encodeURIComponent(id)}/${kind}`, {}),
        kind === "confirm" ? "Confirmed: recorded as a judgement" : "Rejected: recorded as a judgement (Restore undoes it)") },
      words[kind]));
    }
  }
  if (!(await editable())) box.append(el("span", { class: "muted small" }, "Enter the edit token (top right) first."));
  return box;
}

export function typeChip(type, label, quad) {
  return el("span", { class: "type-chip", style: { "--c": quadColor(quad) }, title: QUAD_NAMES[quad || 0] },
    label || type);
}

// the sentence of an event with its trigger picked out
// (a long sentence is cut between words around its trigger, so that the event stays in view)
export function quoteWithTrigger(ev, n = 260) {
  const q = ev.quote || "";
  const s = ev.sentence_start;
  if (s === null || s === undefined || ev.start < s || ev.end > s + q.length) return el("q", {}, cutWords(q, n));
  let ts = ev.start - s, te = ev.end - s, a = 0, b = q.length;
  if (q.length > n) {
    const room = Math.max(0, n - (te - ts));
    a = Math.max(0, Math.min(ts - Math.floor(room / 3), q.length - n));
    b = Math.min(q.length, Math.max(a + n, te));
    if (a > 0) { const cut = q.indexOf(" ", a); if (cut >= 0 && cut < ts) a = cut + 1; }
    if (b < q.length) { const cut = q.lastIndexOf(" ", b); if (cut >= te) b = cut; }
  }
  return el("q", {}, a > 0 ? "…" : "", q.slice(a, ts), el("mark", { class: "trigger" }, q.slice(ts, te)), q.slice(te, b),
    b < q.length ? "…" : "");
}

export function participantsLine(ev, skip) {
  const parts = (ev.participants || []).filter((p) => p.entity !== skip);
  if (!parts.length) return el("span", { class: "muted" }, (ev.participants || []).length ? "" : "no actors recognized");
  const roleWord = { agent: "", patient: "with ", location: "in " };
  return el("span", { class: "participants" }, parts.map((p, i) => [
    i ? el("span", { class: "sep" }, " · ") : null,
    roleWord[p.role] ? el("span", { class: "role" }, roleWord[p.role]) : null,
    entityLink(p.entity, p.name, p.entity_type),
  ]));
}

export function debounce(fn, ms) {
  let t = null;
  return (...args) => { clearTimeout(t); t = setTimeout(() => fn(...args), ms); };
}

// an <input> that suggests actors as you type; returns a function giving the chosen id (or the text)
export function actorInput(input) {
  const list = el("datalist", { id: `${input.id || "actor"}-options` });
  input.setAttribute("list", list.id);
  input.after(list);
  const ids = new Map();
  const update = debounce(async () => {
    const text = input.value.trim();
    if (text.length < 2 || ids.has(text)) return;
    try {
      const res = await api("/api/entities", { q: text, limit: 12 });
      clear(list);
      for (const e of res.entities) {
        ids.set(e.name, e.id);
        list.append(el("option", { value: e.name }, `${e.type} · ${plural(e.events, "event")}`));
      }
    } catch { /* suggestions are optional */ }
  }, 180);
  input.addEventListener("input", update);
  return () => {
    const t = input.value.trim();
    return ids.get(t) || t;
  };
}

export function setTitle(text) {
  document.title = text ? `${text} · kankei` : "kankei";
}

export function pager(total, offset, limit, go) {
  if (total <= limit) return el("div");
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.ceil(total / limit);
  return el("div", { class: "pager" },
    el("button", { type: "button", disabled: offset === 0, onclick: () => go(Math.max(0, offset - limit)) }, "← Previous"),
    el("span", {}, `Page ${page} of ${fmtNum(pages)}`),
    el("button", { type: "button", disabled: offset + limit >= total, onclick: () => go(offset + limit) }, "Next →"));
}
