"""TimelineJS 3 JSON: one slide per dated event, grouped by type."""
from __future__ import annotations

import html
import sqlite3
from typing import TextIO

import orjson

from kankei import edtf
from kankei.export.tables import certainty
from kankei.store.queries import timeline


def _tl_date(iso: str) -> dict:
    y, m, d = iso.split("-")
    return {"year": int(y), "month": int(m), "day": int(d)}


def _date_parts(value: str) -> tuple[dict, dict | None, str]:
    start_part, _, end_part = value.partition("/")
    if "/" in value and start_part in ("", ".."):     # open start ('../1959'): place it at its known end
        value_for_start, end = end_part, None
    elif "/" in value and end_part in ("", ".."):     # open end ('1959/..'): from its known start on
        value_for_start, end = start_part, None
    else:
        value_for_start, end = value, ""
    lo, hi = edtf.bounds(value_for_start)
    prec = edtf.precision(value_for_start)
    start = _tl_date(lo)
    if prec == "year":
        start = {"year": start["year"]}
    elif prec == "month":
        start = {"year": start["year"], "month": start["month"]}
    if end == "":
        end = None if prec in ("day", "month", "year") else _tl_date(hi)
    return start, end, value


def write(conn: sqlite3.Connection, out: TextIO) -> int:
    events = []
    for ev in timeline(conn):
        start, end, display = _date_parts(ev["date"])
        actors = ", ".join(p["name"] for p in ev["participants"])
        how = certainty(ev)
        mark = "" if how == "asserted" else f"[{how}] "
        note = "" if how == "asserted" else (f"<p><em>Not asserted: the source gives this event as {how}.</em></p>")
        slide = {
            "unique_id": ev["id"].replace(":", "-"),
            "start_date": {**start, "display_date": display},
            "text": {"headline": html.escape(f"{mark}{ev['type']}: {ev['trigger']}" + (f" ({actors})" if actors else "")),
                     "text": f"<blockquote>{html.escape(ev['quote'] or '')}</blockquote>{note}"
                             f"<p>{html.escape(ev['doc'])}</p>"},
            "group": ev["type"] if how == "asserted" else f"{ev['type']} (not asserted)",
        }
        if end:
            slide["end_date"] = end
        events.append(slide)
    out.write(orjson.dumps({"title": {"text": {"headline": "kankei timeline",
                                               "text": f"{len(events)} dated events"}},
                            "events": events}, option=orjson.OPT_INDENT_2).decode())
    return len(events)
