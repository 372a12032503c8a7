// Every actor and named thing, searchable and sortable.
import {
  $, api, debounce, el, entityLink, errorBox, fill, fmtNum, pager, setTitle, topbar,
} from "/static/common.js";

topbar("/entities");
setTitle("Actors");
const main = $("#main");
const params = new URLSearchParams(location.search);
const state = { q: params.get("q") || "", type: params.get("type") || "", sort: params.get("sort") || "events", offset: 0 };

const qIn = el("input", { type: "search", id: "e-q", class: "w-l", placeholder: "a name, alias or id", value: state.q });
const typeSel = el("select", { id: "e-type" }, ["", "country", "organization", "person", "place", "group", "vessel", "document", "other"]
  .map((t) => el("option", { value: t, selected: t === state.type }, t || "any type")));
const sortSel = el("select", { id: "e-sort" }, [["events", "most events"], ["mentions", "most mentions"], ["name", "name"]]
  .map(([v, l]) => el("option", { value: v, selected: v === state.sort }, l)));
const box = el("div");
main.append(el("div", { class: "page-head" }, el("h1", {}, "Actors"), el("span", { class: "sub" }, "people, organizations, countries and places named in the documents")),
  el("div", { class: "toolbar" },
    el("div", { class: "field" }, el("label", { for: "e-q" }, "Find"), qIn),
    el("div", { class: "field" }, el("label", { for: "e-type" }, "Type"), typeSel),
    el("div", { class: "field" }, el("label", { for: "e-sort" }, "Order"), sortSel)), box);

const reload = debounce(() => { state.offset = 0; load(); }, 200);
qIn.addEventListener("input", () => { state.q = qIn.value.trim(); reload(); });
typeSel.addEventListener("change", () => { state.type = typeSel.value; reload(); });
sortSel.addEventListener("change", () => { state.sort = sortSel.value; reload(); });

async function load() {
  const p = new URLSearchParams();
  for (const k of ["q", "type", "sort"]) if (state[k]) p.set(k, state[k]);
  history.replaceState(null, "", `${location.pathname}${p.toString() ? "?" + p : ""}`);
  try {
    const res = await api("/api/entities", { q: state.q, type: state.type, sort: state.sort, limit: 50, offset: state.offset });
    fill(box, el("p", { class: "muted small" }, `${fmtNum(res.total)} found`),
      el("table", { class: "list" },
        el("thead", {}, el("tr", {}, el("th", {}, "Name"), el("th", {}, "Type"), el("th", { class: "num" }, "Events"),
          el("th", { class: "num" }, "Mentions"), el("th", { class: "num" }, "Documents"), el("th", {}, "Active"))),
        el("tbody", {}, res.entities.map((e) => el("tr", {},
          el("td", {}, entityLink(e.id, e.name, e.type), el("div", { class: "muted small mono" }, e.id)),
          el("td", {}, e.type), el("td", { class: "num" }, fmtNum(e.events)), el("td", { class: "num" }, fmtNum(e.mentions)),
          el("td", { class: "num" }, fmtNum(e.documents)),
          el("td", { class: "muted" }, e.first ? `${e.first.slice(0, 4)}–${(e.last || e.first).slice(0, 4)}` : ""))))),
      pager(res.total, state.offset, 50, (o) => { state.offset = o; load(); }));
  } catch (err) {
    fill(box, errorBox(err));
  }
}
load();
