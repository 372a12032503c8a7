// People's corrections: every judgement recorded, newest first, with what it judged, and undo.
import {
  $, api, cutWords, documentHref, editable, el, entityLink, errorBox, fill, fmtDate, fmtNum, meta, pager, plural, setTitle,
  toast, topbar, undoJudgement,
} from "/static/common.js";

topbar("/judgements");
setTitle("Corrections");
const main = $("#main");
const box = el("div");
const params = new URLSearchParams(location.search);
const showUndone = el("input", { type: "checkbox", id: "j-undone", checked: params.get("undone") === "1" });
main.append(el("div", { class: "page-head" }, el("h1", {}, "Corrections"),
  el("span", { class: "sub" }, "confirmations, rejections, merges and splits, kept apart from what the machine extracted")),
el("div", { class: "toolbar" }, el("label", { for: "j-undone", class: "small" }, showUndone, " show undone ones too")), box);
showUndone.addEventListener("change", () => {
  history.replaceState(null, "", showUndone.checked ? "?undone=1" : location.pathname);
  load();
});

const VERB = {
  confirm: "Confirmed", reject: "Rejected", merge: "Merged", split: "Split",
};

// what a judgement names, in words: an event with its date and sentence, a statement, an actor
function judged(info, id) {
  if (!info) return null;
  if (info.missing) return el("span", { class: "muted" }, `${id} (no longer in the base)`);
  if (info.kind === "event") {
    return el("div", { class: "judged" },
      el("a", { href: documentHref(info.document_id, id) }, el("b", {}, info.label), ` · ${fmtDate(info.date)}`),
      el("div", {}, el("q", {}, cutWords(info.quote || info.text || "", 220))),
      el("div", { class: "muted small" }, info.title || info.doc));
  }
  if (info.kind === "actor") return entityLink(id, info.name, info.type);
  if (info.kind === "alias") return el("span", {}, "the name ", el("q", {}, info.text));
  return el("div", { class: "judged" }, `${info.kind} `, el("a", { href: documentHref(info.document_id) }, el("q", {}, info.text)),
    el("span", { class: "muted small" }, ` in ${info.title || info.doc}`));
}

function sentence(j) {
  const s = j.subject_info, o = j.object_info;
  if (j.kind === "merge") {
    return el("div", {}, judged(o, j.object), el("span", { class: "muted" }, " is the same as "), judged(s, j.subject));
  }
  if (j.kind === "split") {
    return o ? el("div", {}, judged(o, j.object), el("span", { class: "muted" }, " is someone else than "), judged(s, j.subject))
      : el("div", {}, el("span", { class: "muted" }, "every merge into "), judged(s, j.subject), el("span", { class: "muted" }, " undone"));
  }
  return el("div", {}, judged(s, j.subject));
}

async function load(offset = 0) {
  try {
    const [m, res, canEdit] = await Promise.all([meta(), api("/api/judgements", { limit: 100, offset,
      include_undone: showUndone.checked ? "true" : null }), editable()]);
    fill(box, el("p", { class: "notice" }, m.allow_edits
      ? "Editing is on: use the buttons on events, document highlights and actor pages (with the token shown by kankei serve). Undo takes a judgement back; it stays on record."
      : "This server is read-only. Start it with kankei serve --allow-edits to record corrections."),
    el("p", { class: "muted small" }, `${plural(res.total, "judgement")} ${showUndone.checked ? "in all" : "in force"}`),
    res.judgements.length ? el("table", { class: "list", id: "judgements" },
      el("thead", {}, el("tr", {}, el("th", {}, "When"), el("th", {}, "What"), el("th", {}, "Judged"),
        el("th", {}, "Note"), el("th", {}, "By"), el("th", {}, ""))),
      el("tbody", {}, res.judgements.map((j) => el("tr", { dataset: { id: j.id, kind: j.kind } },
        el("td", { class: "muted small" }, (j.created_at || "").replace("T", " ").slice(0, 16)),
        el("td", {}, el("b", {}, VERB[j.kind] || j.kind), j.machine ? el("div", { class: "muted small" }, "by the machine") : null,
          j.undone_at ? el("div", { class: "undone small" }, `undone ${j.undone_at.replace("T", " ").slice(0, 16)}`) : null),
        el("td", {}, sentence(j)),
        el("td", {}, j.note || ""), el("td", { class: "muted" }, j.author || ""),
        el("td", {}, !j.undone_at && m.allow_edits ? el("button", { type: "button", class: "undo", disabled: !canEdit,
          title: canEdit ? "Take this judgement back" : "Enter the edit token (top right) first", onclick: async () => {
            try {
              await undoJudgement(j.id);
              toast(`${VERB[j.kind] || j.kind} undone`, "ok");
              load(offset);
            } catch (err) { toast(err.message, "error"); }
          } }, "Undo") : null))))) : el("p", { class: "empty" }, "None yet."),
    pager(res.total, offset, 100, load), el("p", { class: "muted small" }, `${fmtNum(res.judgements.length)} shown`));
  } catch (err) {
    fill(box, errorBox(err));
  }
}
load();
