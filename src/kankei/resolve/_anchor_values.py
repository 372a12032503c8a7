"""The arithmetic of relative dates (for resolve/anchor.py): a base date and a relative reading
("the previous March", "three days later", "last Tuesday", "the week before") give an EDTF value."""
from __future__ import annotations

import re
from datetime import date, timedelta

from kankei import edtf

_FISCAL = re.compile(r"(\d{4})-(\d\d)/(\d{4})-(\d\d)")


def point(value: str | None, direction: int = -1) -> tuple[int, int | None, int | None] | None:
    """The point an offset counts from: an interval's end going forward, its start otherwise."""
    if not value:
        return None
    parts = value.split("/")
    first = (parts[-1] if direction > 0 and parts[-1] != ".." else parts[0]).rstrip("~?%")
    if edtf.is_season(first):
        return int(first[:4]), None, None     # ('in the summer of 1978 ... on August 12': that year)
    return edtf.parse_point(first)


def apply_relative(base: str | None, rel: dict, anchor: str) -> str | None:  # noqa: C901 - one branch per kind
    offset = rel.get("offset", 0)
    p = point(base, offset)
    if p is None:
        return None
    y, m, d = p
    if rel.get("same"):
        if rel.get("days_after") and d:
            # ('the plenum of Dec. 26-30 ... days later': a week at most after its last day, in its month
            # or, near the month's end, reaching into the next)
            end = point(base, 1) or p
            first = date(*end) + timedelta(days=1)
            last = date(*end) + timedelta(days=rel["days_after"])
            if (first.year, first.month) == (last.year, last.month) == (end[0], end[1]):
                return edtf.point(end[0], end[1])
            return edtf.interval(edtf.point(first.year, first.month, first.day), edtf.point(last.year, last.month, last.day))
        if rel.get("vague") and d:
            return edtf.point(y, m)        # "at that time": the period, not the day
        # "today"/"now": the DCT as precise as it is known; "that time": the narrative's date
        return base.rstrip("~") if anchor == "dct" else base
    if "day_of_month" in rel:
        # ('on the 21st', in a story on 12 December 1959: that month's day)
        day = rel["day_of_month"]
        return edtf.point(y, m, day) if m and day <= edtf.last_day(y, m) else None
    if "weekday" in rel:
        return _weekday(y, m, d, rel)
    if "month" in rel:
        if m is None and rel.get("direction") and base and edtf.is_season(base.split("/")[0]):
            m = _SEASON_START.get(base.split("/")[0][5:7].rstrip("~?%"))   # ('the previous March' told in the summer)
        return _month(y, m, d, rel, anchor)
    if "season" in rel:
        return f"{y + rel.get('direction', 0):04d}-{rel['season']}"
    unit = rel.get("unit")
    if unit == "year" and base and (f := _FISCAL.fullmatch(base.rstrip("~"))) \
            and int(f[3]) == int(f[1]) + 1 and int(f[4]) % 12 + 1 == int(f[2]):
        # "fiscal 2011 ... the year before": the fiscal year before
        a, b = int(f[1]) + offset, int(f[3]) + offset
        return f"{a:04d}-{f[2]}/{b:04d}-{f[4]}" if edtf.MIN_YEAR <= a and b <= edtf.MAX_YEAR else None
    if unit == "week" and anchor == "dct" and d and rel.get("calendar"):
        monday = date(y, m, d) - timedelta(days=date(y, m, d).weekday()) + timedelta(weeks=offset)
        sunday = monday + timedelta(days=6)
        return edtf.interval(edtf.point(monday.year, monday.month, monday.day),
                             edtf.point(sunday.year, sunday.month, sunday.day))
    if unit in ("day_of_year", "day_of_month"):
        return edtf.shift(edtf.point(y, m, d), unit[7:], offset) if d else None
    if unit == "year":
        return edtf.point(y + offset) if edtf.MIN_YEAR <= y + offset <= edtf.MAX_YEAR else None
    if unit == "month":
        if not m:
            return None
        month = edtf.shift(edtf.point(y, m), "month", offset)
        if "days" in rel and month:     # ('late last month': its last third)
            my, mm = int(month[:4]), int(month[5:7])
            lo, hi = rel["days"][0], min(rel["days"][1], edtf.last_day(my, mm))
            return edtf.interval(edtf.point(my, mm, lo), edtf.point(my, mm, hi))
        return month
    if unit in ("day", "week"):
        if m is None:
            return None
        return edtf.shift(edtf.point(y, m, d), unit, offset) if offset else edtf.point(y, m, d)
    return None


_SEASON_START = {"21": 3, "22": 6, "23": 9, "24": 12}


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
        # a month in a narrative: the same year, or the next one if the month has passed;
        # "November of that year": the narrative's year
        if "year_offset" in rel:
            year = y + rel["year_offset"]
        elif direction is not None and direction < 0:
            year = y if m and month < m else y - 1     # 'the previous March': before the time told
        elif direction is not None and direction > 0:
            year = y if m and month > m else y + 1     # 'the following March': after it
        else:
            year = y if m is None or month >= m else y + 1
    if "day" in rel:
        if not 1 <= rel["day"] <= edtf.last_day(year, month):
            return None
        return edtf.point(year, month, rel["day"])
    if "days" in rel:
        lo, hi = rel["days"]
        return edtf.interval(edtf.point(year, month, lo), edtf.point(year, month, min(hi, edtf.last_day(year, month))))
    return edtf.point(year, month)
