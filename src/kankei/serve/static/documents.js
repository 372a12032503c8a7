// The documents in the base.
import {
  $, api, debounce, documentHref, el, errorBox, fill, fmtDate, fmtNum, pager, setTitle, topbar,
} from "/static/common.js";

topbar("/documents");
setTitle("Documents");
const main = $("#main");
const state = { q: new URLSearchParams(location.search).get("q") || "", offset: 0 };
const qIn = el("input", { type: "search", id: "d-q", class: "w-l", placeholder: "part of a title or file name", value: state.q });
const box = el("div");
main.append(el("div", { class: "page-head" }, el("h1", {}, "Documents"),
  el("span", { class: "sub" }, "open one to read it with its dates, numbers, actors and events highlighted")),
el("div", { class: "toolbar" }, el("div", { class: "field" }, el("label", { for: "d-q" }, "Filter"), qIn),
  el("a", { class: "button", href: "/search" }, "Search the full text →")), box);
qIn.addEventListener("input", debounce(() => { state.q = qIn.value.trim(); state.offset = 0; load(); }, 200));

async function load() {
  try {
    const res = await api("/api/documents", { q: state.q, limit: 50, offset: state.offset });
    fill(box, el("p", { class: "muted small" }, `${fmtNum(res.total)} documents`),
      el("table", { class: "list" },
        el("thead", {}, el("tr", {}, el("th", {}, "Title"), el("th", {}, "Published"), el("th", { class: "num" }, "Length"),
          el("th", { class: "num" }, "Events"), el("th", { class: "num" }, "Notes"))),
        el("tbody", {}, res.documents.map((d) => el("tr", {},
          el("td", {}, el("a", { href: documentHref(d.id) }, d.title || d.doc), el("div", { class: "muted small mono" }, d.doc)),
          el("td", {}, d.published ? fmtDate(d.published) : el("span", { class: "muted" }, "—")),
          el("td", { class: "num" }, `${fmtNum(Math.round(d.chars / 1000))}k`),
          el("td", { class: "num" }, fmtNum(d.events)), el("td", { class: "num" }, fmtNum(d.notes)))))),
      pager(res.total, state.offset, 50, (o) => { state.offset = o; load(); }));
  } catch (err) {
    fill(box, errorBox(err));
  }
}
load();
