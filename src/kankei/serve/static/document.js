// The document reader: the source as text, with what was extracted from it highlighted in place.
import {
  $, api, append, cutWords, documentHref, el, errorBox, eventBadges, fill, fmtDate, fmtNum, fmtQuantity, isRejected, participantsLine, plural, QUAD_NAMES, quadColor, quoteWithTrigger, setTitle, topbar, typeChip, UNCERTAIN_WORDS, verdictButtons,
} from "/static/common.js";

topbar("/documents");
const main = $("#main");
const documentId = decodeURIComponent(location.pathname.split("/").filter(Boolean).pop());
const params = new URLSearchParams(location.search);

const KINDS = [
  ["time", "Dates", "var(--time-line)"], ["quantity", "Numbers", "var(--qty-line)"],
  ["mention", "Actors", "var(--ent-line)"], ["event", "Events", "#1f2430"],
];

let doc = null;
const byId = new Map();       // event id -> event
const sentenceNodes = new Map(); // "start-end" -> element
const noteOf = new Map();        // "start-end" of a sentence inside a note -> the note's number


function render() {
  setTitle(doc.title || doc.doc);
  for (const ev of doc.events) byId.set(ev.id, ev);
  const reader = el("article", { class: "reader", id: "reader", lang: "en" });
  buildText(reader);
  const side = el("aside", { class: "panel sticky", id: "side" });
  const head = el("div", { class: "reader-head" },
    el("div", { class: "muted small" }, el("a", { href: "/documents" }, "Documents"), " / ", doc.doc),
    el("h1", {}, doc.title || doc.doc),
    el("div", { class: "meta-line" },
      el("span", {}, doc.published ? `Published ${fmtDate(doc.published)}` : "Date of publication unknown"),
      el("span", {}, `${fmtNum(doc.chars)} characters`),
      el("span", {}, [[doc.events.length, "event"], [doc.mentions.length, "actor mention"], [doc.times.length, "date"],
        [doc.quantities.length, "number"], [doc.notes.length, "note"]].map(([n, w]) => plural(n, w)).join(" · ")),
      doc.format && doc.format !== "text" ? el("span", {}, `from ${doc.format.toUpperCase()} (offsets into the extracted text)`) : null));
  append(main, el("div", { class: "cols reader-cols" }, el("div", {}, head, reader), side));
  renderSide(side);
  const focus = params.get("event");
  const at = /^(\d+)-(\d+)$/.exec(params.get("at") || "");
  if (focus && byId.has(focus)) selectEvent(focus, true);
  else if (at) showRange(+at[1], +at[2]);
  else if (params.get("find")) findWords(params.get("find"));
  else if (location.hash.startsWith("#note-")) showNote(location.hash.slice(6), true);
}

// ---- arriving at a place in the text: a claim's figure (?at=start-end), a search hit (?find=words) ----
function textPosition(reader, offset) {
  // the reader's text nodes, in order, are the document's text: find the node holding an offset
  const walker = document.createTreeWalker(reader, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const n = node.textContent.length;
    if (offset < seen + n) return { node, at: offset - seen };
    seen += n;
  }
  return null;
}

function showRange(start, end) {
  const reader = $("#reader");
  if (!(start >= 0 && end > start && end <= doc.text.length)) return;
  const a = textPosition(reader, start);
  if (!a) return;
  // mark what lies in the first text node (a span crossing highlights is shown from its start)
  const stop = Math.min(a.at + (end - start), a.node.textContent.length);
  const range = document.createRange();
  range.setStart(a.node, a.at);
  range.setEnd(a.node, stop);
  const mark = el("mark", { class: "found", id: "found" });
  range.surroundContents(mark);
  const sentence = mark.closest(".sentence");
  if (sentence) sentence.classList.add("focus");
  mark.scrollIntoView({ block: "center", behavior: "instant" });
}

function findWords(words) {
  const terms = words.split(/\s+/).filter((w) => w.length > 1);
  const lower = doc.text.toLowerCase();
  for (const w of [words, ...terms]) {
    const i = lower.indexOf(w.toLowerCase());
    if (i >= 0) { showRange(i, i + w.length); return; }
  }
}

// ---- the text ----
function buildText(reader) {
  const text = doc.text;
  // outer wrappers: notes, and the sentences that state events or cite notes (no two may cross; a
  // sentence inside a note is shown by its note)
  const notes = [...doc.notes].sort((a, b) => a.start - b.start);
  const kept = [];
  let lastEnd = -1;
  for (const n of notes) {
    if (n.start >= lastEnd) { kept.push({ start: n.start, end: n.end, kind: "note", note: n }); lastEnd = n.end; }
  }
  const inNote = (s) => kept.find((o) => o.start < s.end && s.start < o.end);
  const sentences = [];
  for (const ev of doc.events) {
    if (ev.sentence_start !== null && ev.sentence_end !== null) sentences.push({ start: ev.sentence_start, end: ev.sentence_end });
  }
  for (const c of doc.citations) sentences.push({ start: c.sentence_start, end: c.sentence_end });
  const seen = new Set();
  const candidates = [];
  for (const s of sentences) {
    const key = `${s.start}-${s.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const note = inNote(s);
    if (note) noteOf.set(key, note.note.number);
    else candidates.push({ ...s, kind: "sentence", key });
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  lastEnd = -1;
  for (const c of candidates) {
    if (c.start >= lastEnd) { kept.push(c); lastEnd = c.end; }
  }
  kept.sort((a, b) => a.start - b.start);
  // inner highlights
  const inner = [];
  for (const t of doc.times) inner.push({ ...t, kind: "time" });
  for (const q of doc.quantities) inner.push({ ...q, kind: "quantity" });
  for (const m of doc.mentions) inner.push({ ...m, kind: "mention" });
  for (const ev of doc.events) inner.push({ start: ev.start, end: ev.end, kind: "event", ev });
  doc.citations.forEach((c, i) => inner.push({ start: c.start, end: c.end, kind: "cite", cite: c, index: i }));
  const claimsAt = new Map(doc.claims.map((c) => [`${c.start}-${c.end}`, c]));
  const cuts = new Set([0, text.length]);
  for (const s of [...kept, ...inner]) {
    if (s.start >= 0 && s.end <= text.length && s.start < s.end) { cuts.add(s.start); cuts.add(s.end); }
  }
  const points = [...cuts].sort((a, b) => a - b);
  // covering spans per segment, via a sweep
  const starts = new Map();
  for (const s of inner) {
    if (!(s.start >= 0 && s.end <= text.length && s.start < s.end)) continue;
    if (!starts.has(s.start)) starts.set(s.start, []);
    starts.get(s.start).push(s);
  }
  let open = [];
  let outerIdx = 0;
  let container = reader;
  let currentOuter = null;
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i], b = points[i + 1];
    if (currentOuter && a >= currentOuter.end) { container = reader; currentOuter = null; }
    while (outerIdx < kept.length && kept[outerIdx].end <= a) outerIdx++;
    if (!currentOuter && outerIdx < kept.length && kept[outerIdx].start === a) {
      currentOuter = kept[outerIdx];
      container = outerElement(currentOuter);
      reader.append(container);
    }
    open = open.filter((s) => s.end > a);
    if (starts.has(a)) open.push(...starts.get(a));
    const piece = text.slice(a, b);
    if (!open.length) { container.append(document.createTextNode(piece)); continue; }
    container.append(segment(piece, open, claimsAt));
  }
}

function outerElement(o) {
  if (o.kind === "note") {
    const node = el("span", { class: "note", id: `note-${o.note.number}`, dataset: { note: o.note.number } });
    node.addEventListener("click", (e) => { if (!e.target.closest("a")) showNote(o.note.number); });
    return node;
  }
  const node = el("span", { class: "sentence", id: `s-${o.start}`, dataset: { start: o.start, end: o.end } });
  sentenceNodes.set(o.key, node);
  return node;
}

const PRIORITY = { event: 0, cite: 1, mention: 2, quantity: 3, time: 4 };

function segment(piece, spans, claimsAt) {
  const kinds = [...new Set(spans.map((s) => s.kind))];
  const primary = [...spans].sort((x, y) => PRIORITY[x.kind] - PRIORITY[y.kind] || (x.end - x.start) - (y.end - y.start))[0];
  const classes = ["hl", ...kinds].join(" ");
  const title = spans.map((s) => describe(s, claimsAt)).join("\n");
  let node;
  if (primary.kind === "mention") {
    node = el("a", { class: classes, href: `/entities/${encodeURIComponent(primary.entity)}`, title });
  } else if (primary.kind === "event") {
    const ev = primary.ev;
    node = el("a", { class: classes, href: documentHref(doc.id, ev.id), title, dataset: { event: ev.id },
      style: { "--qc": quadColor(ev.quad) } });
    node.addEventListener("click", (e) => { e.preventDefault(); selectEvent(ev.id); });
    node.addEventListener("mouseenter", () => hoverSentence(ev, true));
    node.addEventListener("mouseleave", () => hoverSentence(ev, false));
  } else if (primary.kind === "cite") {
    node = el("a", { class: classes, href: `#note-${primary.cite.note}`, title, id: `cite-${primary.index}` });
    node.addEventListener("click", (e) => { e.preventDefault(); showNote(primary.cite.note, true, primary.cite); });
  } else {
    node = el("span", { class: classes, title, tabindex: 0 });
    node.addEventListener("click", () => showSpan(primary, claimsAt));
  }
  node.textContent = piece;     // the source, always as text
  return node;
}

function describe(s, claimsAt) {
  if (s.kind === "time") return `Date: ${fmtDate(s.value)} (EDTF ${s.value || "unresolved"})`;
  if (s.kind === "quantity") {
    const c = claimsAt.get(`${s.start}-${s.end}`);
    return `Number: ${fmtQuantity(s)}` + (c ? ` — ${c.property} of ${c.subject_name}${c.time ? `, ${fmtDate(c.time)}` : ""}` : "");
  }
  if (s.kind === "mention") return `Actor: ${s.name} (${s.type || "?"}, ${s.entity})`;
  if (s.kind === "event") return `Event: ${s.ev.label}, ${fmtDate(s.ev.date)}`;
  if (s.kind === "cite") {
    const n = doc.notes.find((x) => x.number === s.cite.note);
    return `Note ${s.cite.note}${n ? `: ${n.text}` : ""}`;
  }
  return "";
}

function sentenceNode(start, end) {
  const key = `${start}-${end}`;
  if (sentenceNodes.has(key)) return sentenceNodes.get(key);
  return noteOf.has(key) ? document.getElementById(`note-${noteOf.get(key)}`) : null;
}

function hoverSentence(ev, on) {
  const node = sentenceNode(ev.sentence_start, ev.sentence_end);
  if (node) node.classList.toggle("hover", on);
}

// ---- the side panel ----
let detailBox, eventsList;

function renderSide(side) {
  const toggles = el("div", { class: "toggles" }, KINDS.map(([kind, label, color]) => {
    const input = el("input", { type: "checkbox", checked: true });
    input.addEventListener("change", () => $("#reader").classList.toggle(`hide-${kind}`, !input.checked));
    return el("label", { class: "toggle" }, input, el("span", { class: "sw", style: { background: color } }), label);
  }));
  detailBox = el("div", { id: "detail" }, el("p", { class: "muted small" },
    "Click a highlighted word: an event shows its sentence and actors, a note marker its reference, a date or number its value. Actors link to their page."));
  eventsList = el("ul", { class: "side-list", id: "doc-events" });
  const sorted = [...doc.events].sort((a, b) => a.start - b.start);
  for (const ev of sorted) {
    const li = el("li", { dataset: { id: ev.id }, class: isRejected(ev) ? "rejected" : null }, el("span", { class: "date" }, fmtDate(ev.date)),
      typeChip(ev.type, ev.label, ev.quad), " ", eventBadges(ev),
      el("div", { class: "small muted" }, ev.participants.map((p) => p.name).join(", ")));
    li.addEventListener("click", () => selectEvent(ev.id, true));
    eventsList.append(li);
  }
  append(side, el("h3", {}, "Show"), toggles, el("h3", { style: { marginTop: "1rem" } }, "Selected"), detailBox,
    el("h3", { style: { marginTop: "1rem" } }, `Events (${doc.events.length})`),
    doc.events.length ? eventsList : el("p", { class: "empty" }, "No events were found in this document."),
    doc.notes.length ? el("h3", { style: { marginTop: "1rem" } }, `Notes (${doc.notes.length})`) : null,
    doc.notes.length ? el("ul", { class: "side-list" }, doc.notes.map((n) => {
      const li = el("li", {}, el("b", {}, `[${n.number}] `), cutWords(n.text, 90));
      li.addEventListener("click", () => showNote(n.number, true));
      return li;
    })) : null);
}

async function selectEvent(id, scroll = false) {
  const ev = byId.get(id);
  if (!ev) return;
  for (const n of document.querySelectorAll(".sentence.focus, .note.focus")) n.classList.remove("focus");
  const node = sentenceNode(ev.sentence_start, ev.sentence_end);
  if (node) {
    node.classList.add("focus");
    if (scroll) node.scrollIntoView({ block: "center", behavior: "instant" });
  }
  for (const li of eventsList.querySelectorAll("li")) li.classList.toggle("selected", li.dataset.id === id);
  const url = new URL(location.href);
  url.searchParams.set("event", id);
  url.hash = "";
  history.replaceState(null, "", url);
  const cited = doc.citations.filter((c) => c.sentence_start < ev.sentence_end && c.sentence_end > ev.sentence_start);
  fill(detailBox, el("div", { class: "detail-card", style: { borderColor: quadColor(ev.quad) } },
    el("div", { class: "kind" }, "Event"),
    el("div", {}, el("b", {}, fmtDate(ev.date)), " ", typeChip(ev.type, ev.label, ev.quad), " ", eventBadges(ev)),
    quoteWithTrigger(ev, 100000),
    el("div", { class: "small" }, participantsLine(ev)),
    ev.uncertain ? el("div", { class: "small" }, `Not asserted: ${UNCERTAIN_WORDS[ev.uncertain] || ev.uncertain}.`) : null,
    el("div", { class: "small muted" }, `EDTF ${ev.date || "—"}`, ev.cameo ? ` · CAMEO ${ev.cameo} (${QUAD_NAMES[ev.quad]})` : ""),
    cited.length ? el("div", { class: "small" }, "Cites ", cited.map((c, i) => [i ? ", " : "",
      el("a", { href: `#note-${c.note}`, onclick: (e) => { e.preventDefault(); showNote(c.note, true, c); } }, `note ${c.note}`)])) : null,
    el("div", { class: "small", style: { marginTop: ".4rem" } },
      el("a", { id: "to-timeline", href: timelineHref(ev) }, "On the timeline →")),
    await verdictButtons(ev.id, ev, () => reload(ev.id), { confirm: "✓ Right", reject: "✗ Wrong" })));
}

// back to the timeline: the view it came from (its filters and period) if that shows the event,
// else the event's own years with the same filters
function timelineHref(ev) {
  const back = new URLSearchParams(params.get("tl") || "");
  const lo = ev.date_lo && ev.date_lo > "0000-01-01" ? ev.date_lo : ev.date_hi;
  const hi = ev.date_hi && ev.date_hi < "9999-12-31" ? ev.date_hi : ev.date_lo;
  const from = back.get("from"), to = back.get("to");
  const shows = from && to && lo && hi && !(hi < from) && !(lo > to);
  if (!shows && lo) {
    back.set("from", lo.slice(0, 4));
    back.set("to", hi.slice(0, 4));
  }
  back.set("event", ev.id);
  return `/?${back}`;
}

// after a correction: the document again, at the same event
async function reload(eventId) {
  doc = await api(`/api/documents/${encodeURIComponent(documentId)}`);
  byId.clear();
  sentenceNodes.clear();
  noteOf.clear();
  main.textContent = "";
  render();
  if (eventId) selectEvent(eventId, false);
}

function showNote(number, scroll = false, fromCite = null) {
  const n = doc.notes.find((x) => x.number === String(number));
  for (const x of document.querySelectorAll(".note.focus")) x.classList.remove("focus");
  const node = document.getElementById(`note-${number}`);
  if (node) { node.classList.add("focus"); if (scroll) node.scrollIntoView({ block: "center", behavior: "instant" }); }
  const cites = doc.citations.map((c, i) => ({ ...c, i })).filter((c) => c.note === String(number));
  const parts = n && n.parts ? Object.entries(n.parts).filter(([k]) => k !== "kind") : [];
  fill(detailBox, el("div", { class: "detail-card" },
    el("div", { class: "kind" }, `Note ${number}${n && n.parts && n.parts.kind ? ` · ${n.parts.kind}` : ""}`),
    n ? el("p", { class: "small" }, n.text) : el("p", { class: "muted" }, "This note's text was not found."),
    parts.length ? el("dl", { class: "small", style: { display: "grid", gridTemplateColumns: "6rem 1fr", gap: ".1rem .5rem" } },
      parts.map(([k, v]) => [el("dt", { class: "muted" }, k.replace(/_/g, " ")), el("dd", { style: { margin: 0 } }, String(v))])) : null,
    cites.length ? el("div", { class: "small" }, el("b", {}, "Cited by"), el("ul", { class: "side-list" }, cites.map((c) => {
      const sentence = doc.text.slice(c.sentence_start, c.sentence_end).trim();
      const li = el("li", {}, cutWords(sentence, 160));
      li.addEventListener("click", () => focusSentence(c));
      return li;
    }))) : el("p", { class: "small muted" }, "No sentence was found citing this note.")));
  if (fromCite) focusSentence(fromCite, false);
}

function focusSentence(c, scroll = true) {
  for (const x of document.querySelectorAll(".sentence.focus")) x.classList.remove("focus");
  const node = sentenceNode(c.sentence_start, c.sentence_end);
  if (node) { node.classList.add("focus"); if (scroll) node.scrollIntoView({ block: "center", behavior: "instant" }); }
}

function showSpan(s, claimsAt) {
  const c = s.kind === "quantity" ? claimsAt.get(`${s.start}-${s.end}`) : null;
  fill(detailBox, el("div", { class: "detail-card" },
    el("div", { class: "kind" }, s.kind === "time" ? "Date" : "Number"),
    el("div", { style: { fontSize: "1.15rem", fontWeight: 650 } }, s.kind === "time" ? fmtDate(s.value) : fmtQuantity(s)),
    el("div", { class: "small muted" }, `“${s.text}”`, s.kind === "time" ? ` · EDTF ${s.value || "unresolved"} · ${s.type}` :
      ` · ${s.qualifier || "exact"}${s.unit ? ` · unit ${s.unit}` : ""}`),
    c ? el("p", { class: "small" }, `Measures the ${c.property} of `, el("b", {}, c.subject_name),
      c.time ? ` (${fmtDate(c.time)})` : "", ". ", el("a", { href: `/claims#${encodeURIComponent(c.subject)}` }, "All figures →")) : null));
  const what = { time: "date", quantity: "number" }[s.kind] || s.kind;
  verdictButtons(s.id, null, null, { confirm: `✓ Right ${what}`, reject: `✗ Wrong ${what}` })
    .then((b) => { if (b) detailBox.firstChild.append(b); });
}

try {
  doc = await api(`/api/documents/${encodeURIComponent(documentId)}`);
  render();
} catch (err) {
  main.append(errorBox(err));
}
