"""Give relative temporal expressions their values.

`today`, `now`, `last October` are read against the document's own date (DCT);
`the following month`, `three days later`, `that year`, `July 4` against the date the
narrative is on: the latest absolute date before them in the body text.

Two readings move a DCT-relative word onto the narrative: inside a quotation ("the sums
currently being dispensed", quoted from a 1956 letter) and in a past-tense clause ("Japan
was now ready"), `now`/`currently`/`this year` mean the time being narrated.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from kankei import edtf
from kankei.spans import TimeMention

_APPOSITION = re.compile(r"\s*,?\s*(?:on|in)\s+$")
_PAST_NOW = re.compile(r"\b(?:was|were|had|did|would|could)\s+(?:\w+ly\s+)?$")
_NOW_PAST = re.compile(r"\s+(?:was|were|had|became|began|seemed|found)\b")


def resolve_times(times: list[TimeMention], text: str, dct: str | None, body_end: int | None = None) -> None:
    """Fill `value` of relative mentions in place. Mentions past body_end (notes) don't move the narrative."""
    narrative: str | None = None
    # the dates the narrative has been on: "two months later" needs a month to count from,
    # even when a year mentioned in passing came in between (see `_Latest`)
    latest = _Latest()
    for i, tm in enumerate(times):
        in_body = body_end is None or tm.start < body_end
        if tm.anchor == "absolute":
            if tm.type in ("date", "interval") and tm.value and in_body:
                narrative = tm.value
                latest.values.append(tm.value)
            continue
        # "Three days later, on 19 January 1956": the apposition says the date
        nxt = times[i + 1] if i + 1 < len(times) else None
        if (nxt and nxt.anchor == "absolute" and nxt.value and nxt.type in ("date", "interval")
                and nxt.start - tm.end <= 6 and _APPOSITION.fullmatch(" " + text[tm.end:nxt.start])):
            tm.value = nxt.value
            continue
        anchor = tm.anchor
        if anchor == "dct" and narrative and _narrated(text, tm):
            anchor = "narrative"
        rel = tm.relative or {}
        base = dct if anchor == "dct" else narrative
        if anchor == "narrative" and rel.get("unit") in ("month", "week", "day") and rel.get("offset") \
                and edtf.precision(narrative) not in ("month", "day"):
            # "two months later" after a year mentioned in passing counts from the last month named
            base = latest.month() or base
        value = _apply(base, rel, anchor)
        tm.value = value if edtf.in_range(value) else None
        if tm.value and tm.approximate and "/" not in tm.value and edtf.parse_point(tm.value):
            tm.value += "~"
        if anchor == "narrative" and tm.value and in_body and not rel.get("same"):
            narrative = tm.value
            latest.values.append(tm.value)


def _narrated(text: str, tm: TimeMention) -> bool:
    """A DCT word that speaks of the narrative's time: inside a quotation, or `now` in a past clause."""
    if tm.relative and ("weekday" in tm.relative or "month" in tm.relative):
        return False
    if in_quotation(text, tm.start):
        return True
    if tm.text.lower() == "now":
        return bool(_PAST_NOW.search(text[max(0, tm.start - 30):tm.start]) or _NOW_PAST.match(text, tm.end))
    return False


def in_quotation(text: str, pos: int) -> bool:
    """Whether pos lies inside a double-quoted passage of its paragraph."""
    start = text.rfind("\n", 0, pos) + 1
    before = text[start:pos]
    if before.count("“") > before.count("”"):
        return True
    return before.count('"') % 2 == 1


class _Latest:
    """The values the narrative has been on, in order; the latest with a month read only when
    asked (rarely), and each value at most once."""

    def __init__(self) -> None:
        self.values: list[str] = []
        self._read = 0
        self._month: str | None = None

    def month(self) -> str | None:
        for value in self.values[self._read:]:
            p = _point(value, 1)
            if p and p[1]:
                self._month = value
        self._read = len(self.values)
        return self._month


def _point(value: str | None, direction: int = -1) -> tuple[int, int | None, int | None] | None:
    """The point an offset counts from: an interval's end going forward, its start otherwise."""
    if not value:
        return None
    parts = value.split("/")
    first = (parts[-1] if direction > 0 and parts[-1] != ".." else parts[0]).rstrip("~?%")
    return edtf.parse_point(first)


def _apply(base: str | None, rel: dict, anchor: str) -> str | None:  # noqa: C901 - one branch per kind
    offset = rel.get("offset", 0)
    p = _point(base, offset)
    if p is None:
        return None
    y, m, d = p
    if rel.get("same"):
        if rel.get("vague") and d:
            return edtf.point(y, m)        # "at that time": the period, not the day
        # "today"/"now": the DCT as precise as it is known; "that time": the narrative's date
        return base.rstrip("~") if anchor == "dct" else base
    if "weekday" in rel:
        return _weekday(y, m, d, rel)
    if "month" in rel:
        return _month(y, m, d, rel, anchor)
    if "season" in rel:
        return f"{y + rel.get('direction', 0):04d}-{rel['season']}"
    unit = rel.get("unit")
    if unit == "year":
        return edtf.point(y + offset) if edtf.MIN_YEAR <= y + offset <= edtf.MAX_YEAR else None
    if unit == "month":
        return edtf.shift(edtf.point(y, m), "month", offset) if m else None
    if unit in ("day", "week"):
        if m is None:
            return None
        return edtf.shift(edtf.point(y, m, d), unit, offset) if offset else edtf.point(y, m, d)
    return None


def _weekday(y: int, m: int | None, d: int | None, rel: dict) -> str | None:
    if not (m and d):
        return None
    today = date(y, m, d)
    if rel["direction"] > 0:
        day = today + timedelta(days=(rel["weekday"] - today.weekday()) % 7 or 7)
    else:
        delta = (today.weekday() - rel["weekday"]) % 7
        day = today - timedelta(days=delta or (7 if rel["direction"] < 0 else 0))
    return edtf.point(day.year, day.month, day.day)


def _month(y: int, m: int | None, d: int | None, rel: dict, anchor: str) -> str | None:
    month = rel["month"]
    direction = rel.get("direction")
    if anchor == "dct" and direction is not None:
        if direction < 0:          # last October: the most recent October before the DCT
            year = y if m and month < m else y - 1
        elif direction > 0:
            year = y if m and month > m else y + 1
        else:
            year = y
    else:
        # a month in a narrative: the same year, or the next one if the month has passed
        year = y if m is None or month >= m else y + 1
    if "day" in rel:
        if not 1 <= rel["day"] <= edtf.last_day(year, month):
            return None
        return edtf.point(year, month, rel["day"])
    if "days" in rel:
        lo, hi = rel["days"]
        return edtf.interval(edtf.point(year, month, lo), edtf.point(year, month, min(hi, edtf.last_day(year, month))))
    return edtf.point(year, month)
