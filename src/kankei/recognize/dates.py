"""Temporal expressions -> TimeMention, with EDTF values where the text alone says when.

`find_times` scans the text once for the master pattern of `date_grammar`, lets
`date_values` and `date_relative` interpret each match (a match they reject gives way to
matches that start later), then joins what the text joins: approximations
(`around 1956`), open ends (`August 1958 onwards`), coordinated months (`May and
October 2013`) and ranges (`between 1959 and 1984`, `Feb. 1950-Mar 1952`).

Relative expressions ("the following month", "today", "July 4") come back with
`anchor` set ("narrative" or "dct") and a `relative` description; `resolve.anchor`
fills their values once the document's date and the narrative are known.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from kankei import edtf
from kankei.recognize.date_clock import CLOCK_RULES
from kankei.recognize.date_grammar import calendar_words, master, patterns_for, scanner
from kankei.recognize.date_relative import RELATIVE_RULES
from kankei.recognize.date_values import ABSOLUTE_RULES
from kankei.spans import TimeMention

_RULES = {**ABSOLUTE_RULES, **RELATIVE_RULES, **CLOCK_RULES}
_ONWARDS = re.compile(r"\s*\b(?:onwards?)\b")
_DECADE_OR_POINT = re.compile(r"^\d{3}X$|^\d{2}XX$")


@cache
def _joins() -> dict:
    cal = calendar_words()
    approx = "|".join(re.escape(a) for a in sorted(cal["approximators"], key=len, reverse=True))
    after_prep = "|".join(re.escape(a) for a in cal["approximators_after_preposition"])
    openers = "|".join(cal["range_openers"])
    joiners = "|".join(re.escape(j) for j in sorted(cal["range_joiners"], key=len, reverse=True))
    return {
        # "around 1956", "c.1956", "(about 1956)"; "about" only after a preposition or a clause start
        "approx": re.compile(rf"(?i:(?<![\w.])(?:{approx}))\s*$"),
        "approx_last": re.compile(rf"(?i:[{re.escape(''.join(sorted({a[-1] for a in cal['approximators']})))}])"),
        "after_prep": re.compile(
            rf"(?i:(?:^|[.,;:(\[\n—–-]|\b(?:in|by|from|since|until|till|to|at|of|on|before|after|around|and|or))\s*"
            rf"(?:{after_prep}))\s*$"),
        "after_prep_words": {a.lower() for a in cal["approximators_after_preposition"]},
        # "ArchivesBetween 1959 and 1984": text extraction may glue a capitalized opener on
        "opener": re.compile(rf"(?:\b|(?<=[a-z])(?=[A-Z]))(?i:{openers})\s+(?:the\s+)?$"),
        "joiner": re.compile(rf"\s*(?:{joiners})\s*"),
        "coord": re.compile(r"\s*(?:,\s*)?(?:and|or|to|until|till|through|[-–—])\s*|\s*,\s*"),
    }


def find_times(text: str) -> list[TimeMention]:
    """Every temporal expression in text, in order, non-overlapping."""
    out = _scan(text)
    _approximate(text, out)
    _open_ended(text, out)
    _coordinate_bare_months(text, out)
    _month_headings(text, out)
    return _merge_ranges(text, _compound_durations(text, out))


@cache
def _heading_pattern() -> re.Pattern:
    names = "|".join(sorted(calendar_words()["months"], key=len, reverse=True))
    return re.compile(rf"(?m)^[ \t]*({names})[ \t]*:?[ \t]*$")


def _month_headings(text: str, items: list[TimeMention]) -> None:
    """A line that is a month's name alone heads the part of a report told in that month
    ('March' over the month's activities): a month of the year the report covers."""
    months = calendar_words()["months"]
    found = [TimeMention(m.start(1), m.end(1), m.group(1), None, "date", "narrative", {"month": months[m.group(1)]})
             for m in _heading_pattern().finditer(text)]
    if found:
        # (not inside a mention found already: "03\nMay" is a day and its month; a sweep, not a search
        # of every mention per heading)
        starts = [x.start for x in items]
        ends = [x.end for x in items]
        keep = []
        for t in found:
            k = bisect_left(starts, t.end)          # mentions starting before the heading ends
            if k == 0 or ends[k - 1] <= t.start:      # (mentions do not overlap: the last one decides)
                keep.append(t)
        items.extend(keep)
        items.sort(key=lambda t: t.start)


def _scan(text: str) -> list[TimeMention]:
    """Matches of the master pattern that mean a time; a match that does not gives way to later ones.

    The same as searching with `master()` from the end of each mention (see `_scan_master`),
    but only where a match can begin, with only the alternatives that can begin there."""
    out: list[TimeMention] = []
    pos = 0
    rules = _RULES
    for c in scanner(len(text)).finditer(" " + text):
        start = c.end() - 1
        if start < pos:
            continue
        for pattern in patterns_for(c[1]):
            m = pattern.match(text, start)
            if m is not None:
                tm = rules[m.lastgroup](text, m, out[-1] if out else None)
                if tm is not None:
                    out.append(tm)
                    # (a mention may reach past its match: 'one year | and three months')
                    pos = tm_end if (tm_end := max(m.end(), tm.end)) > start else start + 1
                break
    return out


def _scan_master(text: str) -> list[TimeMention]:
    """`_scan` done the plain way, with the master pattern: what the tests compare it with."""
    pattern = master()
    out: list[TimeMention] = []
    pos = 0
    while True:
        m = pattern.search(text, pos)
        if m is None:
            return out
        tm = _RULES[m.lastgroup](text, m, out[-1] if out else None)
        if tm is None:
            pos = m.start() + 1
            continue
        out.append(tm)
        pos = max(m.end(), tm.end, m.start() + 1)


def _approximable(value: str | None) -> bool:
    if not value or "~" in value or ".." in value:
        return False
    return all(edtf.parse_point(v) or _DECADE_OR_POINT.match(v) for v in value.split("/"))


_approx_last: dict[str, bool] = {}


def _ends_approximator(ch: str) -> bool:
    """Can an approximator end with ch? (Most dates follow something else: a look at one
    character spares the search of the window before them.)"""
    got = _approx_last.get(ch)
    if got is None:
        got = _approx_last[ch] = bool(_joins()["approx_last"].match(ch))
    return got


def _approximate(text: str, items: list[TimeMention]) -> None:
    """'around 1956' -> 1956~, 'c. 1950-1955' -> 1950~/1955~: the approximator joins the span."""
    j = _joins()
    for i, tm in enumerate(items):
        if tm.anchor != "absolute" or tm.type not in ("date", "interval"):
            continue
        floor = items[i - 1].end if i else 0
        lo = max(floor, tm.start - 24)
        k = tm.start - 1            # the last character before the date but for spaces
        while k >= lo and text[k].isspace():
            k -= 1
        if k < lo or not _ends_approximator(text[k]) or not _approximable(tm.value):
            continue
        window = text[lo:tm.start]
        m = j["approx"].search(window)
        if not m:
            continue
        word = m.group().strip().lower()
        if word in j["after_prep_words"] and not j["after_prep"].search(text[max(floor, tm.start - 40):tm.start]):
            continue
        start = tm.start - (len(window) - m.start())
        tm.start, tm.text = start, text[start:tm.end]
        tm.value = "/".join(v + "~" for v in tm.value.split("/"))
        tm.approximate = True


def _open_ended(text: str, items: list[TimeMention]) -> None:
    """'August 1958 onwards' -> 1958-08/..: the date opens an interval."""
    if "onward" not in text:        # what _ONWARDS needs
        return
    for i, tm in enumerate(items):
        if tm.anchor != "absolute" or tm.type not in ("date", "interval") or not tm.value or ".." in tm.value:
            continue
        m = _ONWARDS.match(text, tm.end)
        if not m or (i + 1 < len(items) and items[i + 1].start < m.end()):
            continue
        tm.end, tm.text = m.end(), text[tm.start:m.end()]
        tm.value, tm.type = f"{tm.value.split('/')[0]}/..", "interval"


def _coordinate_bare_months(text: str, items: list[TimeMention]) -> None:
    """'May and October 2013', 'May, June and July 2013': a bare month takes the year of the next."""
    coord = _joins()["coord"]
    for i in range(len(items) - 2, -1, -1):      # from the end: a month may take the year another just took
        a, b = items[i], items[i + 1]
        if not (a.relative and set(a.relative) == {"month"}) or not b.value or b.anchor != "absolute":
            continue
        p = edtf.parse_point(b.value.split("/")[0].rstrip("~"))
        if p and p[1] and coord.fullmatch(text[a.end:b.start]):
            a.value = edtf.point(p[0], a.relative["month"])
            a.anchor, a.relative = "absolute", None


_DESIGNATORS = "YMWD"
_AND = re.compile(r"\s+and\s+")


def _compound_durations(text: str, items: list[TimeMention]) -> list[TimeMention]:
    """'a year and nine months' -> P1Y9M: two durations of falling units joined by 'and'."""
    out: list[TimeMention] = []
    for tm in items:
        a = out[-1] if out else None
        if (a and a.type == tm.type == "duration" and a.value and tm.value and "T" not in a.value + tm.value
                and a.value[-1] in _DESIGNATORS and tm.value[-1] in _DESIGNATORS
                and _DESIGNATORS.index(a.value[-1]) < _DESIGNATORS.index(_first_unit(tm.value))
                and _AND.fullmatch(text, a.end, tm.start)):
            out[-1] = TimeMention(a.start, tm.end, text[a.start:tm.end], a.value + tm.value[1:], "duration")
        else:
            out.append(tm)
    return out


def _first_unit(value: str) -> str:
    """The largest unit of a duration ('P1Y6M' -> 'Y'): 'a decade and 1.5 years' joins no units."""
    return next((c for c in value[1:] if c in _DESIGNATORS), value[-1])


def _merge_ranges(text: str, items: list[TimeMention]) -> list[TimeMention]:
    """'1959 and 1984' after 'between', 'December 1959 to July 1984', 'Feb. 1950-Mar 1952' -> one interval."""
    return merge_pairs(text, items, _range)


def merge_pairs(text: str, items: list[TimeMention], join) -> list[TimeMention]:
    """Neighbours that `join(text, a, b, joins)` makes one mention, merged, left to right."""
    j = _joins()
    out: list[TimeMention] = []
    i = 0
    n = len(items)
    while i < n:
        a = items[i]
        # the joiner between two dates is short (see _range): most neighbours are further apart
        merged = join(text, a, items[i + 1], j) if i + 1 < n and items[i + 1].start - a.end <= 12 else None
        if merged:
            out.append(merged)
            i += 2
        else:
            out.append(a)
            i += 1
    return out


def _range(text: str, a: TimeMention, b: TimeMention, j: dict) -> TimeMention | None:
    if not (a.value and b.value and a.anchor == b.anchor == "absolute"):
        return None
    if a.type not in ("date", "interval") or b.type not in ("date", "interval") or ".." in a.value + b.value:
        return None
    gap = text[a.end:b.start]
    if len(gap) > 12 or not j["joiner"].fullmatch(gap):
        return None
    if gap.strip().lower() in ("and", "though") and not j["opener"].search(text[max(0, a.start - 12):a.start]):
        return None             # "the 1970s and 1980s" are two; "between 1959 and 1984" is one
    lo, hi = a.value.split("/")[0], b.value.split("/")[-1]
    lo_b, hi_b = edtf.bounds(lo), edtf.bounds(hi)
    if not lo_b or not hi_b or lo_b[0] > hi_b[1] or lo == hi:
        return None
    if "X" in lo + hi and "~" in lo + hi:
        return None             # "195X/1956~" mixes what EDTF intervals keep apart

    return TimeMention(a.start, b.end, text[a.start:b.end], edtf.interval(lo, hi), "interval",
                       approximate=a.approximate or b.approximate)
