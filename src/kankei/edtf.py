"""Small EDTF helpers: build values, shift them, and turn them into sortable bounds."""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

_POINT = re.compile(r"^(-?[\dX]{4})(?:-([\dX]{2}))?(?:-([\dX]{2}))?([~?%]?)$")


MIN_YEAR, MAX_YEAR = 0, 9999      # years EDTF writes with four digits


def point(year: int, month: int | None = None, day: int | None = None, approx: bool = False) -> str:
    """EDTF for a day, month or year; '~' marks an approximation."""
    out = f"{year:04d}"
    if month:
        out += f"-{month:02d}"
        if day:
            out += f"-{day:02d}"
    return out + ("~" if approx else "")


def interval(a: str, b: str) -> str:
    return f"{a}/{b}"


def parse_point(value: str) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) of a plain EDTF point without X digits or seasons, else None."""
    m = _POINT.match(value or "")
    if not m or "X" in value:
        return None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    month = int(mo) if mo else None
    if month and month > 12:
        return None
    return y, month, int(d) if d else None


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


_SEASON = re.compile(r"(\d{4})-(2[1-4])")


def is_season(value: str) -> bool:
    """'2003-21': the spring of 2003 (EDTF seasons are 21-24)."""
    return _SEASON.fullmatch(value) is not None


# (the pure functions below are asked the same few values again and again, sentence after sentence)
@lru_cache(maxsize=8192)
def shift(value: str, unit: str, n: int) -> str | None:
    """Move a point by n units (day, week, month, year), keeping the coarser of the two precisions;
    None when the result leaves the years EDTF writes with four digits."""
    season = _SEASON.fullmatch(value or "")
    if season is not None:
        # ('A week later', after 'the spring of 2003': still that spring; 'a year later': the next)
        year = int(season.group(1))
        if unit in ("day", "week"):
            return value
        return f"{year + n:04d}-{season.group(2)}" if unit == "year" and MIN_YEAR <= year + n <= MAX_YEAR else None
    p = parse_point(value)
    if not p:
        return None
    y, m, d = p
    if unit == "year":
        out = point(y + n, m, d) if m and d and not (m == 2 and d == 29) else point(y + n, m)
    elif unit == "month":
        if m is None:
            return None
        total = y * 12 + (m - 1) + n
        ny, nm = divmod(total, 12)
        if not MIN_YEAR <= ny <= MAX_YEAR:
            return None
        out = point(ny, nm + 1, min(d, last_day(ny, nm + 1)) if d else None)
    elif unit in ("day", "week"):
        if m is None:
            return None
        if d is None:
            return point(y, m)      # a month anchor cannot say which day: keep the month
        try:
            dd = date(y, m, d) + timedelta(days=n * (7 if unit == "week" else 1))
        except (OverflowError, ValueError):
            return None
        out = point(dd.year, dd.month, dd.day)
    else:
        return None
    return out if in_range(out) else None


def in_range(value: str | None) -> bool:
    """Whether every year in value has four digits (0000-9999), as plain EDTF writes it."""
    if not value:
        return False
    return all(re.match(r"^[\dX]{4}(?![\dX])", part) or part == ".." for part in value.split("/"))


@lru_cache(maxsize=8192)
def bounds(value: str | None) -> tuple[str, str] | None:
    """Earliest and latest day a value can denote, as ISO strings (for sorting and filters)."""
    if not value:
        return None
    v = value.strip()
    if "/" in v:
        a, b = v.split("/", 1)
        lo = bounds(a) if a not in ("", "..") else ("0000-01-01", "0000-01-01")
        hi = bounds(b) if b not in ("", "..") else ("9999-12-31", "9999-12-31")
        if not lo or not hi:
            return None
        return lo[0], hi[1]
    v = v.rstrip("~?%")
    m = _POINT.match(v)
    if not m:
        return None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    ylo, yhi = y.replace("X", "0"), y.replace("X", "9")
    if mo and mo.isdigit() and int(mo) > 12:
        season = int(mo)
        first = {21: 3, 22: 6, 23: 9, 24: 12}.get(season, 1)
        last = {21: 5, 22: 8, 23: 11, 24: 12}.get(season, 12)
        return f"{ylo}-{first:02d}-01", f"{yhi}-{last:02d}-{last_day(int(yhi), last):02d}"
    if not mo or "X" in mo:
        return f"{ylo}-01-01", f"{yhi}-12-31"
    if not d or "X" in d:
        return f"{ylo}-{mo}-01", f"{yhi}-{mo}-{last_day(int(yhi), int(mo)):02d}"
    return f"{ylo}-{mo}-{d}", f"{yhi}-{mo}-{d}"


@lru_cache(maxsize=8192)
def precision(value: str | None) -> str | None:
    """'day', 'month', 'year', 'decade', 'century', 'interval', or None."""
    if not value:
        return None
    if "/" in value:
        return "interval"
    p = parse_point(value.rstrip("~?%"))
    if p:
        return "day" if p[2] else "month" if p[1] else "year"
    if re.match(r"^\d{3}X", value):
        return "decade"
    if re.match(r"^\d{2}XX", value):
        return "century"
    return None
