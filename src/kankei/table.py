"""A human view of extraction records for the terminal."""
from __future__ import annotations

import shutil
import sys


def _num(x) -> str:
    return "?" if x is None else f"{x:g}"


def _detail(rec: dict) -> str:
    kind = rec["kind"]
    if kind == "time":
        return f"{rec.get('value') or '?'}  ({rec.get('type')})"
    if kind == "quantity":
        if rec.get("value") is None:
            num = f"{_num(rec.get('low'))}–{_num(rec.get('high'))}"
        else:
            num = _num(rec["value"])
        qual = "" if rec.get("qualifier") == "exact" else f"{rec.get('qualifier')} "
        return f"{qual}{num} {rec.get('unit')}"
    if kind == "entity":
        return f"{rec.get('entity')}  [{rec.get('type')}]"
    if kind == "event":
        who = ", ".join(f"{p.get('role')}={p.get('entity')}" for p in rec.get("participants") or [])
        mark = f" {rec['modality']}" if rec.get("modality") else ""
        return f"{rec.get('type')}{mark} @ {rec.get('date') or '?'}" + (f"  ({who})" if who else "")
    return ""


def render_table(records: list[dict], width: int | None = None) -> str:
    """One line per record. Lines are cut to `width` (default: the terminal's, when stdout is one);
    piped into a file or another program, nothing is cut (participants included)."""
    if width is None and sys.stdout.isatty():
        width = shutil.get_terminal_size((110, 20)).columns
    lines = []
    for rec in records:
        if rec["kind"] == "document":
            lines.append(f"\n== {rec['doc']}  {rec.get('title') or ''}  (published: {rec.get('published') or 'unknown'})")
            continue
        text = " ".join(rec["text"].split())
        line = f"{rec['start']:>7}  {rec['kind']:<8} {text[:40]:<40}  {_detail(rec)}"
        lines.append(line[:width] if width else line)
    return "\n".join(lines) + "\n"
