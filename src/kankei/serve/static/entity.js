// One actor: aliases, type, events per year, the actors it deals with, its documents and events.
import {
  $, actorInput, api, append, documentHref, editable, el, entityLink, errorBox, eventBadges, fmtDate, fmtNum, isRejected, meta, plural, post,
  QUAD_NAMES, quadColor, quoteWithTrigger, setTitle, toast, topbar, typeChip, typeColor, participantsLine,
} from "/static/common.js";

topbar("/entities");
const main = $("#main");
const entityId = decodeURIComponent(location.pathname.split("/").filter(Boolean).pop());


function render(e) {
  setTitle(e.name);
  const span = e.first ? `${fmtDate(e.first.slice(0, 4))} – ${fmtDate((e.last || e.first).slice(0, 4))}` : "—";
  append(main,
    el("div", { class: "entity-head" },
      el("div", { class: "muted small" }, el("a", { href: "/entities" }, "Actors"), " / ", el("code", {}, e.id)),
      el("h1", {}, el("span", { class: "dot", style: { background: typeColor(e.type), width: ".8rem", height: ".8rem" } }), e.name),
      el("div", { class: "meta-line" }, el("span", { class: "type" }, e.type || "unknown type"),
        el("span", {}, e.origin === "knowledge" ? "from the knowledge files" : e.origin === "judgement" ? "split off by a person" : "found in the documents"))),
    el("div", { class: "stat-row" },
      stat(fmtNum(e.events), e.events === 1 ? "event" : "events"), stat(fmtNum(e.mentions), e.mentions === 1 ? "mention" : "mentions"),
      stat(fmtNum(e.documents), e.documents === 1 ? "document" : "documents"),
      stat(span, "active")),
    el("div", { class: "cols" },
      el("div", {},
        el("section", { class: "panel" }, el("h3", {}, "Events per year"), yearChart(e),
          el("div", { class: "legend", style: { marginTop: ".4rem" } }, [1, 2, 3, 4, 0].map((q) =>
            el("span", {}, el("span", { class: "sw", style: { background: quadColor(q) } }), QUAD_NAMES[q])))),
        el("section", { class: "panel" }, el("h3", {}, "Events"), eventsBox(e))),
      el("aside", {},
        el("section", { class: "panel" }, el("h3", {}, "Also written as"), aliases(e)),
        el("section", { class: "panel" }, el("h3", {}, "Deals most with"), partners(e)),
        el("section", { class: "panel" }, el("h3", {}, "Documents"), documents(e)),
        editPanel(e))));
}

const stat = (v, k) => el("div", { class: "stat" }, el("div", { class: "v" }, v), el("div", { class: "k" }, k));

function yearChart(e) {
  const years = Object.keys(e.events_per_year).map(Number).filter((y) => !Number.isNaN(y));
  const spread = e.events_spread ? el("p", { class: "small muted" }, `${plural(e.events_spread, "event")} dated only to a `
    + "decade or a longer period (no one year's) are not in this chart.") : null;
  if (!years.length) return el("div", {}, el("p", { class: "empty" }, "No events dated within a year."), spread);
  let y0 = Math.min(...years), y1 = Math.max(...years);
  if (y1 - y0 < 10) { y0 -= 5; y1 += 5; }
  const n = y1 - y0 + 1;
  const W = 760, H = 170, padL = 34, padB = 22, padT = 8;
  const max = Math.max(...Object.values(e.events_per_year).map((v) => v.n));
  const bw = (W - padL) / n;
  const svg = el("svg", { class: "yearchart", viewBox: `0 0 ${W} ${H}`, width: "100%", role: "img",
    "aria-label": `Events per year, ${y0} to ${y1}` });
  // whole numbers on the axis, none twice
  const ticks = [...new Set([0, Math.round(max / 2), max])].filter((v) => v === 0 || v === max || (v > 0 && v < max));
  for (const v of ticks) {
    const y = padT + (H - padT - padB) * (1 - v / max);
    svg.append(el("line", { x1: padL, x2: W, y1: y, y2: y, stroke: "#eceef2" }),
      el("text", { x: padL - 5, y: y + 3, "text-anchor": "end" }, fmtNum(v)));
  }
  const step = Math.ceil(n / 12 / 5) * 5 || 1;
  for (let y = y0; y <= y1; y++) {
    const v = e.events_per_year[String(y).padStart(4, "0")];
    const x = padL + (y - y0) * bw;
    if (y % step === 0) svg.append(el("text", { x: x + bw / 2, y: H - 6, "text-anchor": "middle" }, String(y)));
    if (!v) continue;
    const g = el("svg:a", { href: `/?actor=${encodeURIComponent(e.id)}&from=${y}-01-01&to=${y}-12-31`, class: "bar" },
      el("title", {}, `${y}: ${plural(v.n, "event")}\n` + Object.entries(v.quads).map(([q, c]) => `${QUAD_NAMES[q]}: ${c}`).join("\n")));
    let top = H - padB;
    for (const q of ["2", "1", "0", "3", "4"]) {
      const c = v.quads[q];
      if (!c) continue;
      const h = (c / max) * (H - padT - padB);
      top -= h;
      g.append(el("rect", { x: x + Math.min(1, bw * 0.1), y: top, width: Math.max(1, bw - Math.min(2, bw * 0.2)), height: h, fill: quadColor(+q) }));
    }
    svg.append(g);
  }
  return spread ? el("div", {}, svg, spread) : svg;
}

function aliases(e) {
  if (!e.aliases.length) return el("p", { class: "empty" }, "Never named directly (only a participant).");
  return el("div", { class: "chips" }, e.aliases.map((a) => el("span", { class: "chip", dataset: { alias: a.text } }, a.text,
    el("span", { class: "n" }, fmtNum(a.count)))));
}

function partners(e) {
  if (!e.partners.length) return el("p", { class: "empty" }, "No shared events.");
  const max = e.partners[0].events;
  return el("div", { class: "bars" }, e.partners.map((p) => el("div", { class: "bar-row" },
    entityLink(p.entity, p.name, p.type),
    el("div", { class: "track" }, el("div", { class: "fill", style: { width: `${(100 * p.events) / max}%`, background: typeColor(p.type) } })),
    el("a", { class: "n", href: `/?actor=${encodeURIComponent(e.id)}`, title: "Shared events" }, fmtNum(p.events)))));
}

function documents(e) {
  if (!e.top_documents.length) return el("p", { class: "empty" }, "—");
  return el("ul", { class: "side-list" }, e.top_documents.map((d) => el("li", {},
    el("a", { href: documentHref(d.id) }, d.title || d.doc),
    d.events ? el("span", { class: "muted small" }, ` · ${plural(d.events, "event")}`) : null)));
}

function eventsBox(e) {
  const box = el("div", { class: "event-list" });
  const page = e.events_page;
  const add = (events) => {
    for (const ev of events) {
      const cls = ["row", ev.uncertain ? "uncertain" : null, isRejected(ev) ? "rejected" : null].filter(Boolean).join(" ");
      box.append(el("div", { class: cls, dataset: { id: ev.id } },
        el("div", { class: "date" }, fmtDate(ev.date)),
        el("div", {}, el("div", { class: "head" }, typeChip(ev.type, ev.label, ev.quad), eventBadges(ev), participantsLine(ev, e.id)),
          el("div", { class: "quote" }, quoteWithTrigger(ev)),
          el("div", { class: "small" }, el("a", { href: documentHref(ev.document_id, ev.id) }, `Read in ${ev.title || ev.doc} →`)))));
    }
  };
  if (!page || !page.events.length) return el("p", { class: "empty" }, "No dated events.");
  add(page.events);
  let cursor = page.next;
  const wrap = el("div", {}, box);
  if (cursor) {
    const more = el("button", { type: "button" }, "More events");
    more.addEventListener("click", async () => {
      const p = await api("/api/events", { actor: e.id, limit: 50, cursor });
      add(p.events);
      cursor = p.next;
      if (!cursor) more.remove();
    });
    wrap.append(el("div", { class: "pager" }, more, el("a", { class: "button", href: `/?actor=${encodeURIComponent(e.id)}` }, "On the timeline")));
  }
  return wrap;
}

function editPanel(e) {
  const panel = el("section", { class: "panel", id: "edit-panel", hidden: true });
  meta().then(async (m) => {
    if (!m.allow_edits) return;
    panel.hidden = false;
    const other = el("input", { id: "merge-other", class: "w-m", placeholder: "another actor's name" });
    panel.append(el("h3", {}, "Corrections"),
      el("p", { class: "small muted" }, "Recorded as judgements; they are applied on top of every rebuild."),
      el("div", { class: "field" }, el("label", { for: "merge-other" }, "The same as this actor"), other));
    const pick = actorInput(other);
    panel.append(el("div", { class: "actions", style: { display: "flex", gap: ".4rem", margin: ".4rem 0 .8rem" } },
      el("button", { type: "button", onclick: async () => {
        const id = pick();
        if (!id) return;
        if (!confirm(`Merge ${id} into ${e.name}?`)) return;
        try {
          const res = await post(`/api/entities/${encodeURIComponent(e.id)}/merge`, { other: id });
          toast(`Merged ${res.judgement.object} into ${e.name}`, "ok");
          setTimeout(() => location.reload(), 600);
        } catch (err) { toast(err.message, "error"); }
      } }, "Merge into this one")));
    if (e.aliases.length > 1) {
      const sel = el("select", { id: "split-alias" }, e.aliases.map((a) => el("option", { value: a.text }, a.text)));
      panel.append(el("div", { class: "field" }, el("label", { for: "split-alias" }, "A name that is someone else"), sel),
        el("div", { style: { marginTop: ".4rem" } }, el("button", { type: "button", class: "danger", onclick: async () => {
          try {
            await post(`/api/entities/${encodeURIComponent(e.id)}/split`, { alias: sel.value });
            toast(`Split “${sel.value}” off`, "ok");
            setTimeout(() => location.reload(), 600);
          } catch (err) { toast(err.message, "error"); }
        } }, "Split this name off")));
    }
    if (!(await editable())) panel.append(el("p", { class: "small muted" }, "Enter the edit token (top right) to record corrections."));
  });
  return panel;
}

try {
  const e = await api(`/api/entities/${encodeURIComponent(entityId)}`, { events_limit: 20 });
  render(e);
} catch (err) {
  main.append(errorBox(err));
}
