// People's corrections: every judgement recorded, newest first.
import {
  $, api, el, errorBox, fill, fmtNum, meta, pager, setTitle, topbar,
} from "/static/common.js";

topbar("/judgements");
setTitle("Corrections");
const main = $("#main");
const box = el("div");
main.append(el("div", { class: "page-head" }, el("h1", {}, "Corrections"),
  el("span", { class: "sub" }, "confirmations, rejections, merges and splits, kept apart from what the machine extracted")), box);

const SUBJECT = (id) => (id && id.startsWith("event:") ? el("a", { href: `/events/${encodeURIComponent(id)}` }, id)
  : id && id.includes(":") ? el("a", { href: `/entities/${encodeURIComponent(id)}` }, id) : el("code", {}, id || ""));

async function load(offset = 0) {
  try {
    const [m, res] = await Promise.all([meta(), api("/api/judgements", { limit: 100, offset })]);
    fill(box, el("p", { class: "notice" }, m.allow_edits
      ? "Editing is on: use the buttons on events, document highlights and actor pages (with the token shown by kankei serve)."
      : "This server is read-only. Start it with kankei serve --allow-edits to record corrections."),
    el("p", { class: "muted small" }, `${fmtNum(res.total)} in force`),
    res.judgements.length ? el("table", { class: "list" },
      el("thead", {}, el("tr", {}, el("th", {}, "When"), el("th", {}, "Kind"), el("th", {}, "Subject"), el("th", {}, "Object"),
        el("th", {}, "Note"), el("th", {}, "By"))),
      el("tbody", {}, res.judgements.map((j) => el("tr", {},
        el("td", { class: "muted small" }, (j.created_at || "").replace("T", " ").slice(0, 16)),
        el("td", {}, j.kind, j.machine ? el("span", { class: "muted small" }, " (machine)") : null),
        el("td", {}, SUBJECT(j.subject)), el("td", {}, j.object ? SUBJECT(j.object) : ""),
        el("td", {}, j.note || ""), el("td", { class: "muted" }, j.author || ""))))) : el("p", { class: "empty" }, "None yet."),
    pager(res.total, offset, 100, load));
  } catch (err) {
    fill(box, errorBox(err));
  }
}
load();
