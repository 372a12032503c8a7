// Full-text search of the documents, with highlighted snippets and facets.
import {
  $, api, clear, documentHref, el, entityLink, errorBox, fill, fmtNum, plural, setTitle, topbar,
} from "/static/common.js";

topbar("/search");
const main = $("#main");
const params = new URLSearchParams(location.search);
const state = {
  q: params.get("q") || "", mode: params.get("mode") || "fts", year: params.get("year") || "",
  type: params.get("type") || "", actor: params.get("actor") || "", offset: +(params.get("offset") || 0),
};

const qIn = el("input", { type: "search", id: "s-q", name: "q", value: state.q, placeholder: "words, \"a phrase\", repatri*, Chongryon OR Soren",
  "aria-label": "Search" });
const plain = el("input", { type: "checkbox", id: "s-plain", checked: state.mode === "plain" });
const form = el("form", { class: "search-box", role: "search" }, qIn, el("button", { type: "submit", class: "primary" }, "Search"),
  el("label", { class: "small muted", for: "s-plain", title: "Treat the text as plain words: no operators, quotes or *" }, plain, " plain words"));
const results = el("section", { id: "results" });
const facets = el("aside", { class: "panel sticky facet", id: "facets" });
main.append(el("div", { class: "page-head" }, el("h1", {}, "Search")), form,
  el("div", { class: "cols" }, results, facets));
form.addEventListener("submit", (e) => {
  e.preventDefault();
  Object.assign(state, { q: qIn.value.trim(), mode: plain.checked ? "plain" : "fts", year: "", type: "", actor: "", offset: 0 });
  go();
});

function go() {
  const p = new URLSearchParams();
  for (const k of ["q", "year", "type", "actor"]) if (state[k]) p.set(k, state[k]);
  if (state.mode !== "fts") p.set("mode", state.mode);
  if (state.offset) p.set("offset", state.offset);
  history.pushState(null, "", `/search?${p}`);
  run();
}
window.addEventListener("popstate", () => location.reload());

// the words the search matched first in a document's text, for the reader to open at them
function firstHit(r) {
  const hit = (r.snippet || []).find((p) => p.hit);
  return hit ? hit.text : null;
}

function parts(list) {
  return list.map((p) => (p.hit ? el("mark", {}, p.text) : p.text));
}

async function run() {
  setTitle(state.q ? `“${state.q}”` : "Search");
  clear(facets);
  if (!state.q) {
    fill(results, el("div", { class: "notice" },
      el("p", {}, "Search the text of every document. Words must all appear; use ", el("code", {}, "\"double quotes\""), " for a phrase, ",
        el("code", {}, "OR"), " and ", el("code", {}, "NOT"), " to combine, ", el("code", {}, "repatri*"), " for any ending, ",
        el("code", {}, "NEAR(Niigata ship)"), " for words close together, ", el("code", {}, "title:summit"), " to search titles only."),
      el("p", {}, "Tick ", el("i", {}, "plain words"), " to search for the words as they are.")));
    return;
  }
  fill(results, el("p", { class: "loading" }, "Searching…"));
  try {
    const res = await api("/api/search", { q: state.q, mode: state.mode, year: state.year, type: state.type, actor: state.actor,
      offset: state.offset, limit: 20 });
    clear(results);
    const active = [["year", state.year], ["type", state.type], ["actor", state.actor]].filter(([, v]) => v);
    if (active.length) {
      results.append(el("div", { class: "active-facets" }, active.map(([k, v]) => el("button", { type: "button",
        title: "Remove this filter", onclick: () => { state[k] = ""; state.offset = 0; go(); } }, `${k}: ${label(k, v, res)} ✕`))));
    }
    if (res.entities.length) {
      results.append(el("div", { class: "panel", style: { marginBottom: ".8rem" } }, el("h3", {}, "Actors"),
        el("div", { class: "chips" }, res.entities.map((e) => el("span", { class: "chip" }, entityLink(e.id, e.name, e.type),
          el("span", { class: "n" }, plural(e.events, "event")))))));
    }
    results.append(el("p", { class: "muted", id: "result-count" },
      res.total ? plural(res.total, "document") : "No document matches."));
    for (const r of res.results) {
      results.append(el("article", { class: "result" },
        el("h2", {}, el("a", { href: documentHref(r.id, null, { find: firstHit(r) }) }, r.title_parts.length ? parts(r.title_parts) : (r.title || r.doc))),
        el("div", { class: "muted small mono" }, r.doc, r.published ? ` · ${r.published}` : ""),
        el("p", { class: "snippet" }, parts(r.snippet))));
    }
    if (res.total > res.limit) {
      results.append(el("div", { class: "pager" },
        el("button", { type: "button", disabled: state.offset === 0, onclick: () => { state.offset = Math.max(0, state.offset - 20); go(); } }, "← Previous"),
        el("span", {}, `${state.offset + 1}–${Math.min(res.total, state.offset + 20)} of ${fmtNum(res.total)}`),
        el("button", { type: "button", disabled: state.offset + 20 >= res.total, onclick: () => { state.offset += 20; go(); } }, "Next →")));
    }
    renderFacets(res);
  } catch (err) {
    fill(results, errorBox(err));
    if (err.status === 400 && state.mode === "fts") {
      results.append(el("button", { type: "button", id: "as-plain", onclick: () => { plain.checked = true; state.mode = "plain"; go(); } },
        "Search for these words as they are"));
    }
  }
}

function label(k, v, res) {
  const list = res.facets[k] || [];
  const f = list.find((x) => x.value === v);
  return (f && (f.name || f.label)) || v;
}

function renderFacets(res) {
  clear(facets);
  const f = res.facets;
  if (!res.total) { facets.append(el("p", { class: "muted small" }, "Nothing to narrow down.")); return; }
  facets.append(el("p", { class: "muted small" }, res.facets_over < res.total
    ? `Counted over the ${res.facets_over} best matches.` : `Counted over all ${res.total} matches.`));
  // years as a small histogram
  if (f.year.length) {
    const W = 320, H = 70;
    const ys = f.year.map((x) => +x.value);
    const y0 = Math.min(...ys), y1 = Math.max(...ys);
    const max = Math.max(...f.year.map((x) => x.documents));
    const bw = W / (y1 - y0 + 1);
    const svg = el("svg", { viewBox: `0 0 ${W} ${H + 14}`, width: "100%", class: "yearchart", role: "img", "aria-label": "Documents per year of their events" });
    for (const x of f.year) {
      const h = Math.max(1, (x.documents / max) * H);
      const a = el("svg:a", { href: "#", onclick: (e) => { e.preventDefault(); state.year = x.value; state.offset = 0; go(); } },
        el("title", {}, `${x.value}: ${plural(x.documents, "document")}, ${plural(x.events, "event")}`),
        el("rect", { class: "bar", x: (+x.value - y0) * bw, y: H - h, width: Math.max(1, bw - 1), height: h, fill: "#7f9fc4" }));
      svg.append(a);
    }
    svg.append(el("text", { x: 0, y: H + 12 }, String(y0)), el("text", { x: W, y: H + 12, "text-anchor": "end" }, String(y1)));
    facets.append(el("h3", {}, "Years the documents talk about"), svg);
  }
  const list = (title, key, items, show) => {
    if (!items.length) return;
    facets.append(el("h3", {}, title), el("ul", {}, items.slice(0, 12).map((x) => el("li", {},
      el("button", { type: "button", onclick: () => { state[key] = x.value; state.offset = 0; go(); } }, show(x)),
      el("span", { class: "n" }, fmtNum(x.documents))))));
  };
  list("Event types", "type", f.type, (x) => x.label);
  list("Actors", "actor", f.actor, (x) => x.name);
}

run();
