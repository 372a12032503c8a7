"""Give relative temporal expressions their values.

`today`, `now`, `last October` are read against the document's own date (DCT);
`the following month`, `three days later`, `that year`, `July 4` against the date the
narrative is on: the latest absolute date before them in the body text.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from kankei import edtf
from kankei.spans import TimeMention

_APPOSITION = re.compile(r"\s*,?\s*(?:on|in)\s+$")


def resolve_times(times: list[TimeMention], text: str, dct: str | None, body_end: int | None = None) -> None:
    """Fill `value` of relative mentions in place. Mentions past body_end (notes) don't move the narrative."""
    narrative: str | None = None
    # the latest anchor of each precision: "two months later" needs a month to count from,
    # even when a year mentioned in passing came in between
    latest: dict[str, str] = {}
    for i, tm in enumerate(times):
        if tm.anchor == "absolute":
            if tm.type in ("date", "interval") and tm.value and (body_end is None or tm.start < body_end):
                narrative = tm.value
                _remember(latest, tm.value)
            continue
        # "Three days later, on 19 January 1956": the apposition says the date
        nxt = times[i + 1] if i + 1 < len(times) else None
        if (nxt and nxt.anchor == "absolute" and nxt.value and nxt.start - tm.end <= 6
                and _APPOSITION.fullmatch(" " + text[tm.end:nxt.start])):
            tm.value = nxt.value
            continue
        base = dct if tm.anchor == "dct" else narrative
        rel = tm.relative or {}
        if tm.anchor == "narrative" and rel.get("unit") in ("month", "week", "day") and rel.get("offset"):
            base = latest.get(rel["unit"] if rel["unit"] != "week" else "day") or latest.get("month") or base
        tm.value = _apply(base, rel, tm.anchor)
        if tm.anchor == "narrative" and tm.value and (body_end is None or tm.start < body_end):
            narrative = tm.value
            _remember(latest, tm.value)


def _remember(latest: dict[str, str], value: str) -> None:
    p = _start_point(value)
    if not p:
        return
    latest["year"] = value
    if p[1]:
        latest["month"] = value
    if p[2]:
        latest["day"] = value


def _start_point(value: str | None) -> tuple[int, int | None, int | None] | None:
    if not value:
        return None
    first = value.split("/")[0].rstrip("~?%")
    return edtf.parse_point(first)


def _apply(base: str | None, rel: dict, anchor: str) -> str | None:
    p = _start_point(base)
    if p is None:
        return None
    y, m, d = p
    if rel.get("same"):
        # "today"/"now": the DCT as precise as it is known; "that time": the narrative's date
        return base.rstrip("~") if anchor == "dct" else base
    if "weekday" in rel:
        if not (m and d):
            return None
        today = date(y, m, d)
        delta = (today.weekday() - rel["weekday"]) % 7
        if rel["direction"] > 0:
            ahead = (rel["weekday"] - today.weekday()) % 7 or 7
            day = today + timedelta(days=ahead)
        else:
            day = today - timedelta(days=delta or (7 if rel["direction"] < 0 else 0))
        return edtf.point(day.year, day.month, day.day)
    if "month" in rel:
        month = rel["month"]
        if "day" in rel:
            if month == m and d is None:
                return edtf.point(y, month, rel["day"])
            return edtf.point(y if month >= (m or 1) else y + 1, month, rel["day"])
        direction = rel.get("direction")
        if anchor == "dct" and direction is not None:
            if direction < 0:          # last October: the most recent October before the DCT
                return edtf.point(y if m and month < m else y - 1, month)
            if direction > 0:
                return edtf.point(y if m and month > m else y + 1, month)
            return edtf.point(y, month)
        # a bare month in a narrative: same year, or the next one if the month has passed
        return edtf.point(y if m is None or month >= m else y + 1, month)
    if "season" in rel:
        return f"{y + rel.get('direction', 0):04d}-{rel['season']}"
    unit, offset = rel.get("unit"), rel.get("offset", 0)
    if unit == "year":
        return edtf.point(y + offset)
    if unit == "month":
        if m is None:
            return None
        return edtf.shift(edtf.point(y, m), "month", offset)
    if unit in ("day", "week"):
        if m is None:
            return None
        return edtf.shift(edtf.point(y, m, d), unit, offset) if offset else edtf.point(y, m, d)
    return None
