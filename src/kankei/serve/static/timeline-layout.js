// The timeline's events in lanes, each named where the window shows it (see layoutEvents).
import { dayNum, precisionOf } from "/static/common.js";

export const MAX_LANES = 34;     // the chart stays one screen high: past this, events are drawn without their names

// the width labels take, measured in the font they are drawn in (svg .ev text: 11px)
const measure = document.createElement("canvas").getContext("2d");
const widths = new Map();
function textWidth(text, italic) {
  const key = (italic ? "i" : "n") + text;
  if (!widths.has(key)) {
    measure.font = `${italic ? "italic " : ""}11px ${getComputedStyle(document.body).fontFamily}`;
    widths.set(key, measure.measureText(text).width);
  }
  return widths.get(key);
}

function eventLabel(ev) {
  const names = ev.participants.filter((p) => p.role !== "location").map((p) => p.name);
  return `${ev.uncertain ? `(${ev.uncertain}) ` : ""}${ev.label}${names.length ? ": " + names.slice(0, 2).join(", ") : ""}`;
}

// a label cut between words to fit `px` pixels (null when not even a word fits)
function fitLabel(text, px, italic) {
  if (textWidth(text, italic) <= px) return text;
  const words = text.split(" ");
  let out = null;
  for (let n = 1; n < words.length; n++) {
    const candidate = words.slice(0, n).join(" ").replace(/[\s,:;(]+$/, "") + "…";
    if (textWidth(candidate, italic) > px) break;
    out = candidate;
  }
  return out;
}

// Lay events out in lanes, each with its name where the window shows it: after its mark, inside a
// long bar (also one whose start is off to the left), or before a mark at the right edge. Past
// MAX_LANES, an event goes where its mark overlaps no other mark, and the names before it there
// are shortened (or left out) to make room: marks never hide each other's names.
export function layoutEvents(events, x, w) {
  const items = events.map((ev) => {
    const lo = ev.date_lo <= "0000-01-01" ? -Infinity : dayNum(ev.date_lo);
    const hi = ev.date_hi >= "9999-12-31" ? Infinity : dayNum(ev.date_hi) + 1;
    const prec = precisionOf(ev.date);
    let x0 = lo === -Infinity ? -30 : x(lo), x1 = hi === Infinity ? w + 30 : x(hi);
    const point = prec === "day" || x1 - x0 < 7;
    if (point) { const c = (x0 + x1) / 2; x0 = c - 5; x1 = c + 5; }
    return { ev, x0, x1, point, prec, text: eventLabel(ev), italic: !!ev.uncertain, vis0: Math.max(0, x0), vis1: Math.min(w, x1) };
  }).sort((a, b) => a.vis0 - b.vis0 || a.x1 - b.x1);
  const lanes = [];          // {end: right of the last mark or name, markEnd: right of the last mark, items}
  const extent = (it, l) => {
    if (!l) return [it.x0, it.x1];
    const tw = textWidth(l.text, it.italic);
    return l.anchor === "end" ? [l.x - tw, it.x1] : [it.x0, Math.max(it.x1, l.x + tw)];
  };
  let crowded = 0;
  for (const it of items) {
    const want = textWidth(it.text, it.italic) + 8;
    const inside = it.vis1 - it.vis0;
    let label;
    if (!it.point && inside >= Math.min(want, 90)) label = { x: it.vis0 + 4, text: fitLabel(it.text, inside - 8, it.italic), halo: true };
    else if (it.x1 + 5 + want <= w) label = { x: it.x1 + 5, text: it.text };
    else if (it.x0 - 5 - want >= 0 && it.x0 <= w) label = { x: it.x0 - 5, text: it.text, anchor: "end" };
    else label = { x: it.x1 + 5, text: fitLabel(it.text, w - it.x1 - 8, it.italic) };
    if (!label.text) label = null;
    let [from, to] = extent(it, label);
    let lane = lanes.find((l) => l.end <= from);
    if (!lane && lanes.length < MAX_LANES) { lane = { end: -Infinity, markEnd: -Infinity, items: [] }; lanes.push(lane); }
    if (!lane) {
      // the lanes are full: the mark alone (with its name if that lies inside it), where it overlaps
      // no mark, making room among the names
      if (!(label && label.halo)) label = null;
      [from, to] = extent(it, label);
      const free = lanes.filter((l) => l.markEnd <= from - 2);
      lane = (free.length ? free : lanes).reduce((a, b) => (b.markEnd < a.markEnd ? b : a));
      if (!free.length) crowded++;
      for (const other of lane.items) {
        const l = other.label;
        if (!l || l.anchor === "end" || extent(other, l)[1] <= from - 3) continue;
        // a name inside a bar keeps the part of the bar before the new mark
        const text = fitLabel(other.text, from - 3 - l.x, other.italic);
        other.label = text ? { ...l, text } : null;
      }
    }
    it.label = label;
    it.lane = lanes.indexOf(lane);
    lane.items.push(it);
    lane.end = Math.max(lane.end, to + 4);
    lane.markEnd = Math.max(lane.markEnd, it.x1);
  }
  return { items, lanes: lanes.length, unnamed: items.filter((it) => !it.label).length, crowded };
}

