"""Terminal renderings of query results (the JSON forms are the query results themselves)."""
from __future__ import annotations

import shutil
import textwrap

import click

from kankei import edtf


def _width() -> int:
    return max(60, min(120, shutil.get_terminal_size((100, 20)).columns))


def _actors(participants: list[dict]) -> str:
    roles = {"agent": "", "patient": "→ ", "location": "@ "}
    return ", ".join(f"{roles.get(p['role'], '')}{p['name']}" for p in participants)


def excerpt(text: str, n: int, focus: str | None = None, start: int | None = None, end: int | None = None) -> str:
    """At most about n characters of text, cut at word boundaries (marked …), around what matters in
    it: the span start..end, or the first place `focus` (a trigger, a figure) is written."""
    text = text or ""
    if start is None and focus:
        start = text.find(focus)
        end = start + len(focus) if start >= 0 else None
    if start is None or start < 0 or end is None or end > len(text):
        start = end = 0
    if len(" ".join(text.split())) <= n:
        return " ".join(text.split())
    room = max(0, n - (end - start))
    a = max(0, min(start - room // 3, len(text) - n))      # a third of the room before, the rest after
    b = min(len(text), max(a + n, end))
    if a > 0 and not text[a - 1].isspace():                 # not in the middle of a word
        cut = text.find(" ", a, start + 1)
        a = cut + 1 if cut >= 0 else a
    if b < len(text) and not text[b].isspace():
        cut = text.rfind(" ", end, b)
        b = cut if cut >= 0 else b
    body = " ".join(text[a:b].split())
    return ("…" if a > 0 else "") + body + ("…" if b < len(text) else "")


def _short(text: str, n: int) -> str:
    return excerpt(text, n)


def uncertain_mark(ev: dict) -> str:
    """The mark of an event the text does not assert ([hypothetical], [negated], [reported], ...),
    the same word the explorer and the exports use; empty for an asserted one."""
    modality = ev.get("modality")
    word = modality if modality and modality != "asserted" else ("reported" if ev.get("hedged") else None)
    return f" [{word}]" if word else ""


def render_timeline(events: list[dict]) -> str:
    if not events:
        return "no events"
    width = _width()
    lines = []
    # (one occurrence told by several documents is one entry: its most precise telling, then the others' sources)
    tellings: dict[str, list[dict]] = {}
    for ev in events:
        if ev.get("group"):
            tellings.setdefault(ev["group"], []).append(ev)
    shown: set[str] = set()
    entries = []
    for ev in events:
        group = tellings.get(ev.get("group") or "", [ev])
        if len(group) > 1:
            if ev["group"] in shown:
                continue
            shown.add(ev["group"])
            ev = min(group, key=_date_width)
        entries.append((ev, group))
    # (in the order of the tellings shown: a group's most precise date may sort after another's)
    entries.sort(key=lambda entry: _date_order(entry[0]))
    for ev, group in entries:
        marks = uncertain_mark(ev)
        if marks and ev.get("hedged") and ev.get("modality") not in (None, "asserted"):
            marks += " [reported]"
        date = ev["date"] or "?"
        # Pad before styling: the escape codes would count towards the width and vanish off a terminal.
        head = f"{click.style(date, bold=True)}{' ' * (16 - len(date))} {ev['type']:<12} {_actors(ev['participants'])}{marks}"
        lines.append(head)
        quote = excerpt(ev["quote"], 220, focus=ev.get("trigger"))
        lines.append(textwrap.indent(textwrap.fill(f"“{quote}”", width - 6), "      "))
        lines.append(click.style(f"      — {ev['doc']}  {ev['id']}", dim=True))
        others = [x for x in group if x is not ev]
        if others:
            lines.append(click.style("      also told in: " + ", ".join(f"{x['doc']} ({x['date'] or '?'})" for x in others),
                                     dim=True))
    return "\n".join(lines)


def _date_order(ev: dict) -> tuple:
    """The timeline's order: by the earliest day a date can denote, then the latest; undated last."""
    b = edtf.bounds(ev["date"]) if ev.get("date") else None
    return (0, b[0], b[1]) if b else (1, "", "")


def _date_width(ev: dict) -> int:
    """How many days an event's date may stand for (the narrower, the more precise the telling)."""
    from datetime import date as day

    b = edtf.bounds(ev["date"]) if ev.get("date") else None
    if not b or b[0].startswith("0000") or b[1].startswith("9999"):
        return 10**9
    return (day.fromisoformat(b[1]) - day.fromisoformat(b[0])).days


def render_entity(data: dict) -> str:
    lines = [click.style(f"{data['name']}", bold=True) + f"  ({data['type']}, {data['id']}, {data['origin']})",
             f"{data['mentions']} mentions in {data['documents']} documents"]
    if data["aliases"]:
        lines.append("aliases: " + ", ".join(f"{a['text']} ×{a['count']}" for a in data["aliases"][:15]))
    if data["events_per_year"]:
        peak = max(data["events_per_year"].values())
        lines.append("events per year:")
        for year, n in data["events_per_year"].items():
            lines.append(f"  {year} {'█' * max(1, round(20 * n / peak))} {n}")
    if data["partners"]:
        lines.append("interacts most with: " + ", ".join(f"{p['name']} ({p['events']})" for p in data["partners"]))
    if data["events"]:
        lines.append("")
        lines.append(render_timeline(data["events"][:50]))
    return "\n".join(lines)


def _number(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,}"


def _statement_value(data: dict) -> str:
    """The value of a statement: an entity id, an EDTF value, or a number with its qualifier and unit."""
    if data["kind"] == "entity":
        return data.get("entity_id") or "?"
    if data["kind"] != "quantity":
        return data.get("value") or "?"
    if data.get("value") is not None:
        number = _number(data["value"])
    elif data.get("low") is not None or data.get("high") is not None:
        number = "–".join(_number(x) if x is not None else "?" for x in (data.get("low"), data.get("high")))
    else:
        number = "?"
    qualifier = data.get("qualifier")
    out = f"{qualifier.replace('_', ' ')} {number}" if qualifier and qualifier != "exact" else number
    return f"{out} {data['unit']}" if data.get("unit") else out


def render_show(data: dict) -> str:
    lines = []
    if data["kind"] == "event":
        lines.append(click.style(f"{data['type']} on {data['date'] or '?'}", bold=True) + f"  {data['id']}")
        lines.append(f"trigger: {data['trigger']}    modality: {data['modality']}"
                     + ("    reported" if data["hedged"] else ""))
        for p in data["participants"]:
            lines.append(f"  {p['role']:<9} {p['name']}  ({p['entity']})")
        if data.get("cameo"):
            lines.append(f"CAMEO {data['cameo']} (Goldstein {data['goldstein']}), PLOVER {data['plover'] or '—'}")
    else:
        lines.append(click.style(f"{data['kind']}: {data.get('exact')}", bold=True) + f"  → {_statement_value(data)}  {data['id']}")
    for src in data["sources"]:
        lines.append("")
        lines.append(click.style(f"{src['doc']} — {src['title'] or ''}", dim=True))
        rel_s, rel_e = src["start"] - src["sentence_start"], src["end"] - src["sentence_start"]
        sent = src["sentence"]
        if 0 <= rel_s <= rel_e <= len(sent):
            sent = sent[:rel_s] + click.style(sent[rel_s:rel_e], underline=True, bold=True) + sent[rel_e:]
        lines.append(textwrap.fill(" ".join(sent.split()), _width()))
        for note in src["notes"]:
            lines.append(f"  [{note['note']}] {_short(note['text'] or '', 200)}")
    return "\n".join(lines)


def _num(v) -> str:
    if v is None:
        return "?"
    return f"{v:,.0f}" if abs(v) >= 100 or float(v).is_integer() else f"{v:.4g}"


def _value(c: dict) -> str:
    if c.get("value") is not None:
        qual = {"exact": "", "about": "about ", "more_than": "over ", "at_least": "at least ", "less_than": "under ",
                "at_most": "at most ", "nearly": "nearly "}.get(c.get("qualifier") or "exact", "")
        return f"{qual}{_num(c['value'])}"
    if c.get("low") is not None or c.get("high") is not None:
        return f"{_num(c.get('low'))}–{_num(c.get('high'))}"
    return "?"


def render_claims(series: list[dict]) -> str:
    if not series:
        return "no claims"
    lines = []
    for s in series:
        lines.append(click.style(f"{s['subject_name']} — {s['property']}", bold=True) + click.style(f"  {s['id']}", dim=True))
        for p in s["points"]:
            when = p["time"] or p["time_label"] or "undated"
            docs = f"{p['documents']} source{'s' if p['documents'] != 1 else ''}"
            lines.append(f"  {when:<18} {_value(p['value']):>16} {p['unit'] or ''}  ({docs})")
            for src in p["sources"]:
                lines.append(click.style(f"      “{excerpt(src['quote'], 150, focus=src.get('text'))}” — {src['doc']}",
                                         dim=True))
    return "\n".join(lines)


def render_conflicts(items: list[dict]) -> str:
    if not items:
        return "no disagreements"
    lines = []
    for c in items:
        lines.append(click.style(f"{c['subject_name']} — {c['property']} ({c['time']})", bold=True)
                     + click.style(f"  {c['id']}", dim=True))
        for n, side in enumerate(c.get("sides") or [{"sources": [src]} for src in c["claims"]]):
            if n:
                lines.append(click.style("  versus", dim=True))
            for src in side["sources"]:
                lines.append(f"  {_value(src):>16} {src['unit'] or ''}  {src['doc']}: "
                             f"“{excerpt(src['quote'], 160, focus=src.get('text'))}”")
    return "\n".join(lines)


def render_claim_item(data: dict) -> str:
    if data["kind"] == "series":
        return render_claims([data])
    if data["kind"] == "conflict":
        return render_conflicts([data])
    lines = [click.style(f"{data['subject_name']} — {data['property']}", bold=True),
             f"  {_value(data)} {data['unit'] or ''} at {data['time'] or data['time_label'] or 'an unknown time'}",
             f"  {data['doc']}: “{excerpt(data['quote'], 300, focus=data.get('text') or data.get('exact'))}”"]
    if data.get("series"):
        lines += ["", render_claims([data["series"]])]
    if data.get("conflicts"):
        lines += ["", render_conflicts(data["conflicts"])]
    return "\n".join(lines)
