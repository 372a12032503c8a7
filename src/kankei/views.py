"""Terminal renderings of query results (the JSON forms are the query results themselves)."""
from __future__ import annotations

import shutil
import textwrap

import click


def _width() -> int:
    return max(60, min(120, shutil.get_terminal_size((100, 20)).columns))


def _actors(participants: list[dict]) -> str:
    roles = {"agent": "", "patient": "→ ", "location": "@ "}
    return ", ".join(f"{roles.get(p['role'], '')}{p['name']}" for p in participants)


def _short(text: str, n: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def render_timeline(events: list[dict]) -> str:
    if not events:
        return "no events"
    width = _width()
    lines = []
    for ev in events:
        marks = "" if ev["modality"] == "asserted" else f" [{ev['modality']}]"
        marks += " [reported]" if ev["hedged"] else ""
        head = f"{click.style(ev['date'] or '?', bold=True):<24} {ev['type']:<12} {_actors(ev['participants'])}{marks}"
        lines.append(head)
        lines.append(textwrap.indent(textwrap.fill(f"“{_short(ev['quote'], 220)}”", width - 6), "      "))
        lines.append(click.style(f"      — {ev['doc']}  {ev['id']}", dim=True))
    return "\n".join(lines)


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
        value = data.get("value") if data.get("value") is not None else data.get("entity_id")
        lines.append(click.style(f"{data['kind']}: {data.get('exact')}", bold=True) + f"  → {value}  {data['id']}")
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
