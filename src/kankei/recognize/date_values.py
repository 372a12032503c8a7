"""What each alternative of the date grammar means: one TimeMention (or None) per match.

Absolute expressions get their EDTF value here. Relative ones ("the following month",
"today", "July 4") come back with `anchor` set ("narrative" or "dct") and a `relative`
description that `resolve.anchor` turns into a value.
"""
from __future__ import annotations

import re
from functools import cache

from kankei import edtf
from kankei.recognize.date_grammar import DECADE_WORDS, calendar_words
from kankei.spans import TimeMention

_AGE_AFTER = re.compile(r"[- ]olds?\b|\s+of\s+age\b")
_AGE_BEFORE = re.compile(r"(?:\bage[sd]?|\bage\s+of|\baged)\s+$", re.I)
_POSSESSIVE = re.compile(r"\b(?:their|his|her|its|my|our|your|whose)\s+(?:(?:early|mid|late)[- ]?\s*)?$", re.I)
_DECADE_VALUE = re.compile(r"^(\d\d)\dX$|^(\d\d)\d\d/\d{4}$")
_COORD = re.compile(r"\s*(?:,\s*)?(?:and|or|to|through|until|till|[-–—/])\s*(?:the\s+)?$")
_DETERMINER = re.compile(r"\b(?:the|a|an|his|her|its|their|our|my|your|whose|that)\s+$", re.I)
# "for a year", "within a month": "a"/"an" as a number needs a preposition before it
_A_DURATION = re.compile(r"\b(?:for|over|within|after|in|than|about|nearly|almost|just|some|only|barely"
                         r"|spen[dt]s?|t[ao]oke?s?|lasts?|lasted|waited|served|remained|stayed|lived|worked)\s+$", re.I)
# "$5 a month", "twice a year", "three times a week": a rate, i.e. a set
_RATE = re.compile(
    r"(?:[$¥₩£€]\s?[\d.,]+(?:\s*(?:million|billion|thousand))?|\d[\d.,]*\s*(?:yen|won|dollars|euros|pounds)"
    r"|\b(?:once|twice|thrice|times))\s+$", re.I)
_UNIT_OF = {"D": "day", "W": "week", "M": "month", "Y": "year"}


@cache
def tables() -> dict:
    cal = calendar_words()
    months = {k.lower(): v for k, v in cal["months"].items()}
    months.update({k.lower(): v for k, v in cal["month_abbreviations"].items()})
    months.update({k.lower(): v for k, v in cal["months_fr"].items()})
    return {
        "months": months,
        "weekdays": {k.lower(): v for k, v in cal["weekdays"].items()},
        "seasons": cal["seasons"],
        "small": {k: v for k, v in cal["small_numbers"].items()},
        "units": cal["duration_units"],
        "decade_parts": cal["decade_parts"],
        "year_parts": cal["year_parts"],
        "month_parts": cal["month_parts"],
        "part_aliases": cal["part_aliases"],
        "ordc": cal["ordinal_centuries"],
        "periods": {k.lower(): v for k, v in cal["named_periods"].items()},
        "edges": cal["period_edges"],
        "not_before": set(cal["not_year_before"]),
        "not_after": set(cal["not_year_after"]),
        "count_qualifiers": set(cal["count_qualifiers"]),
    }


def month_number(word: str) -> int:
    return tables()["months"][word.rstrip(".").lower()]


def _day(word: str) -> int:
    return int(re.match(r"\d+", word).group())


def number(word: str) -> float | None:
    """'25', '1,000', '2.5', 'two', 'twenty-one', 'a' -> the number; None for 'several'."""
    word = word.strip().lower()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", word):
        return int(word.replace(",", ""))
    if re.fullmatch(r"\d+\.\d+", word):
        return float(word)
    small = tables()["small"]
    total = 0
    for part in re.split(r"[- ]", word):
        if small.get(part) is None:
            return None
        total += small[part]
    return total


def part_range(part: str, table: dict) -> tuple[int, int] | None:
    """'the late' -> (7, 9) in decade_parts; 'mid-to-late' -> (4, 9); None if the table lacks it."""
    aliases = tables()["part_aliases"]
    keys = []
    for piece in re.split(r"\s*-?\s*\bto\b\s*-?\s*|(?<=[a-z])-(?=[a-z])", part.strip().lower()):
        key = " ".join(re.sub(r"^the\s+", "", piece).split())
        keys.append(aliases.get(key, key))
    if not all(k in table for k in keys):
        return None
    lo, hi = table[keys[0]][0], table[keys[-1]][1]
    return (lo, hi) if lo <= hi else None


def valid_day(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= edtf.last_day(y, m)


def _range_head(text: str, start: int) -> int:
    """Start of the numeric range a number ends ('pp. 1955-1960': the 1955)."""
    while True:
        m = re.search(r"\d[\d.,]*\s*[-–]\s*$", text[max(0, start - 14):start])
        if not m:
            return start
        start = start - (len(text[max(0, start - 14):start]) - m.start())


def year_ok(text: str, start: int, end: int) -> bool:
    """A bare four-digit number is a year unless its neighbours make it a count or a code."""
    t = tables()
    head = _range_head(text, start)
    before = text[max(0, head - 20):head].split()
    if before and (before[-1] in t["not_before"] or before[-1].lower() in t["count_qualifiers"]):
        return False
    if len(before) >= 2 and f"{before[-2]} {before[-1]}".lower() in t["count_qualifiers"]:
        return False
    after = text[end:end + 20].split()
    if after and after[0].strip(".,;:)") in t["not_after"]:
        return False
    # "B AG 232 105-002": runs of numbers are call numbers, not years
    if re.search(r"\d\s+$", text[max(0, head - 6):head]) or re.match(r"\s+\d", text[end:end + 3]):
        return False
    return True


def mention(m: re.Match, value, type_="date", **kw) -> TimeMention:
    return TimeMention(m.start(), m.end(), m.group(), value, type_, **kw)


def _span(text: str, start: int, end: int, value, type_="date", **kw) -> TimeMention:
    return TimeMention(start, end, text[start:end], value, type_, **kw)


def _interval(m: re.Match, a: str, b: str) -> TimeMention:
    return mention(m, edtf.interval(a, b), "interval")


def interpret(text: str, m: re.Match, prev: TimeMention | None) -> TimeMention | None:
    """The mention one match of the master pattern stands for (None: not temporal after all)."""
    return _RULES[m.lastgroup](text, m, prev)


def _dmy_range(text, m, prev):
    y1, m1, d1, y2, m2, d2 = (int(m.group(x)) for x in ("r_y1", "r_m1", "r_d1", "r_y2", "r_m2", "r_d2"))
    if not (valid_day(y1, m1, d1) and valid_day(y2, m2, d2)):
        return None
    return _interval(m, edtf.point(y1, m1, d1), edtf.point(y2, m2, d2))


def _numeric_date(prefix):
    def rule(text, m, prev):
        y, mo, d = (int(m.group(f"{prefix}_{x}")) for x in "ymd")
        return mention(m, edtf.point(y, mo, d)) if valid_day(y, mo, d) else None
    return rule


def _day_range(p):
    """3-5 May 2004, May 3-5, 2004: two days of one month."""
    def rule(text, m, prev):
        y, mo = int(m.group(f"{p}_y")), month_number(m.group(f"{p}_m"))
        d1, d2 = _day(m.group(f"{p}_d1")), _day(m.group(f"{p}_d2"))
        if not (valid_day(y, mo, d1) and valid_day(y, mo, d2)) or d2 <= d1:
            return None
        return _interval(m, edtf.point(y, mo, d1), edtf.point(y, mo, d2))
    return rule


def _day_month_range(p):
    """19 January - 3 February 1956, January 19 - February 3, 1956."""
    def rule(text, m, prev):
        y = int(m.group(f"{p}_y"))
        m1, m2 = month_number(m.group(f"{p}_m1")), month_number(m.group(f"{p}_m2"))
        d1, d2 = _day(m.group(f"{p}_d1")), _day(m.group(f"{p}_d2"))
        if not (valid_day(y, m1, d1) and valid_day(y, m2, d2)) or (m2, d2) <= (m1, d1):
            return None
        return _interval(m, edtf.point(y, m1, d1), edtf.point(y, m2, d2))
    return rule


def _text_date(p):
    def rule(text, m, prev):
        y, mo, d = int(m.group(f"{p}_y")), month_number(m.group(f"{p}_m")), _day(m.group(f"{p}_d"))
        return mention(m, edtf.point(y, mo, d)) if valid_day(y, mo, d) else None
    return rule


def _part_month(text, m, prev):
    y, mo = int(m.group("pm_y")), month_number(m.group("pm_m"))
    rng = part_range(m.group("pm_part"), tables()["month_parts"])
    if rng is None:
        return None
    lo, hi = rng[0], min(rng[1], edtf.last_day(y, mo))
    return _interval(m, edtf.point(y, mo, lo), edtf.point(y, mo, hi))


def _month_range(text, m, prev):
    y, m1, m2 = int(m.group("mr_y")), month_number(m.group("mr_m1")), month_number(m.group("mr_m2"))
    if m2 <= m1:
        return None
    return _interval(m, edtf.point(y, m1), edtf.point(y, m2))


def _month_year(text, m, prev):
    return mention(m, edtf.point(int(m.group("my_y")), month_number(m.group("my_m"))))


def _year_word(text, m, prev):
    return mention(m, edtf.point(int(m.group("yw_y"))))


def _season_year(text, m, prev):
    return mention(m, f"{int(m.group('sy_y')):04d}-{tables()['seasons'][m.group('sy_s').lower()]}")


def _decade_value(m: re.Match, decade: int, part: str | None) -> TimeMention | None:
    if part:
        rng = part_range(part, tables()["decade_parts"])
        if rng is None:
            return None
        return _interval(m, f"{decade + rng[0]:04d}", f"{decade + rng[1]:04d}")
    return mention(m, f"{decade // 10:03d}X")


def _decade(text, m, prev):
    raw = m.group("dc_y").lstrip("'’")
    before = text[max(0, m.start() - 24):m.start()]
    if len(raw) == 2:
        # "the 40s", "the '90s", "the 1930s and 40s"; but "in their 40s" is an age
        century = _coordinated_century(text, m, prev)
        if century is None:
            # alone, a two-digit decade needs "the" or an apostrophe ("in their 40s" is an age)
            if not (m.group()[:4].lower() == "the " or m.group("dc_y")[0] in "'’") or _POSSESSIVE.search(before):
                return None
            century = 19
        raw = f"{century}{raw}"
    return _decade_value(m, int(raw), m.group("dc_part"))


def _coordinated_century(text: str, m: re.Match, prev: TimeMention | None) -> int | None:
    """'the 1930s and 40s', 'the 1950s-60s': the century of the decade just before."""
    if prev is None or prev.end > m.start() or not prev.value:
        return None
    dv = _DECADE_VALUE.match(prev.value)
    if not dv or not _COORD.fullmatch(text[prev.end:m.start()]):
        return None
    return int(dv.group(1) or dv.group(2))


def _decade_word(text, m, prev):
    decade = 1900 + 10 * DECADE_WORDS[m.group("dw_w").lower()]
    return _decade_value(m, decade, m.group("dw_part"))


def _century(text, m, prev):
    t = tables()
    raw = m.group("ct_n").lower()
    n = int(raw) if raw.isdigit() else t["ordc"][raw]
    base = (n - 1) * 100
    if m.group("ct_part"):
        rng = part_range(m.group("ct_part"), t["decade_parts"])
        if rng is None:
            return None
        return _interval(m, f"{base + rng[0] * 10:04d}", f"{base + rng[1] * 10 + 9:04d}")
    return mention(m, f"{n - 1:02d}XX")


def _part_year(text, m, prev):
    y = int(m.group("py_y"))
    rng = part_range(m.group("py_part"), tables()["year_parts"])
    if rng is None or not year_ok(text, m.start("py_y"), m.end()):
        return None
    lo, hi = rng
    if lo == hi:
        return mention(m, edtf.point(y, lo))
    return _interval(m, edtf.point(y, lo), edtf.point(y, hi))


def _period_edge(text, m, prev):
    t = tables()
    a, b = t["periods"][m.group("pe_p").lower()].split("/")
    edge = t["edges"][m.group("pe_edge").lower()]
    return mention(m, (a if edge == "first" else b)[:4])


def _period_during(text, m, prev):
    a, b = tables()["periods"][m.group("pd_p").lower()].split("/")
    return _interval(m, a[:4], b[:4])


def _year_short_range(text, m, prev):
    y1 = int(m.group("ys_y1"))
    tail = m.group("ys_y2") or m.group("ys_y3")
    y2 = int(tail) if len(tail) == 4 else y1 // 100 * 100 + int(tail)
    if len(tail) == 2 and y2 <= y1:
        y2 += 100
    if not 0 < y2 - y1 <= 20 or not year_ok(text, m.start(), m.end()):
        return None
    return _interval(m, f"{y1:04d}", f"{y2:04d}")


def _amount(m: re.Match, n_group: str, half_groups: tuple[str, ...]) -> float | None:
    n = number(m.group(n_group))
    if n is None:
        return None
    if any(m.group(g) for g in half_groups):
        n += 0.5
    return n


def _fmt(amount: float) -> str:
    return f"{amount:g}" if amount != int(amount) else str(int(amount))


def _relative_n(text, m, prev):
    n = _amount(m, "rn_n", ("rn_half", "rn_half2"))
    if not n:
        return None
    designator, mult = tables()["units"][m.group("rn_u").lower()]
    amount = n * mult
    direction = m.group("rn_dir").lower()
    qual = " ".join((m.group("rn_q") or "").lower().split())
    if qual and qual not in ("about", "around", "some", "roughly", "approximately"):
        # "more than two years before X" says how long, not when
        return _span(text, m.start(), m.end("rn_half2") if m.group("rn_half2") else m.end("rn_u"), f"P{_fmt(amount)}{designator}", "duration")
    if amount != int(amount):
        return None
    sign = -1 if direction in ("earlier", "before", "ago", "previously") else 1
    anchor = "dct" if direction == "ago" else "narrative"
    return mention(m, None, anchor=anchor, approximate=bool(qual),
                   relative={"unit": _UNIT_OF[designator], "offset": sign * int(amount)})


def _relative_the(text, m, prev):
    t = tables()
    det = " ".join(m.group("rt_det").lower().split())
    unit = m.group("rt_u").lower()
    if det in ("last", "next", "this") and _DETERMINER.search(text[max(0, m.start() - 8):m.start()]):
        return None          # "the last year of the war" is not last year
    offset = {"the following": 1, "the next": 1, "next": 1, "the previous": -1, "the preceding": -1,
              "the prior": -1, "last": -1}.get(det, 0)
    # "last October", "this spring": against the document's date; "the following month": the narrative
    anchor = "dct" if det in ("last", "next", "this") else "narrative"
    if unit in t["months"]:
        return mention(m, None, anchor=anchor, relative={"month": t["months"][unit], "direction": offset})
    if unit in t["weekdays"]:
        return mention(m, None, anchor="dct", relative={"weekday": t["weekdays"][unit], "direction": offset})
    if unit in t["seasons"]:
        return mention(m, None, anchor=anchor, relative={"season": t["seasons"][unit], "direction": offset})
    return mention(m, None, anchor=anchor, relative={"unit": unit, "offset": offset})


def _unit_after(text, m, prev):
    offset = 1 if m.group("ua_dir").lower() == "after" else -1
    return mention(m, None, anchor="narrative", relative={"unit": m.group("ua_u").lower(), "offset": offset})


def _that_time(text, m, prev):
    return mention(m, None, anchor="narrative", relative={"same": True, "vague": True})


def _deictic(text, m, prev):
    word = m.group().lower()
    offset = {"yesterday": -1, "tomorrow": 1}.get(word)
    if offset:
        return mention(m, None, anchor="dct", relative={"unit": "day", "offset": offset})
    return mention(m, None, anchor="dct", relative={"same": True})


def _weekday_on(text, m, prev):
    before = text[max(0, m.start() - 6):m.start()].split()
    word = before[-1].lower() if before else ""
    direction = {"next": 1, "this": 0}.get(word, -1)
    return mention(m, None, anchor="dct",
                   relative={"weekday": tables()["weekdays"][m.group("wd").lower()], "direction": direction})


def _duration(text, m, prev):
    before = text[max(0, m.start() - 24):m.start()]
    if _AGE_AFTER.match(text, m.end()) or _AGE_BEFORE.search(before):
        return None
    designator, mult = tables()["units"][m.group("du_u").lower()]
    raw = (m.group("du_n") or "").lower()
    if m.group("du_halfa"):
        n = 0.5
    elif raw in ("a", "an"):
        if _RATE.search(before) and mult == 1 and designator in "DWMY":
            return mention(m, f"P1{designator}", "set")
        if not (_A_DURATION.search(before) or m.group("du_q") or m.group("du_first") or m.group("du_half2")):
            return None
        n = 1.5 if m.group("du_half2") else 1
    else:
        n = _amount(m, "du_n", ("du_half", "du_half2"))
    if not n or n <= 0:
        return None
    return mention(m, f"P{_fmt(n * mult)}{designator}", "duration")


def _set(text, m, prev):
    unit = (m.group("st_u") or "year").lower().rstrip("s")
    n = number(m.group("st_n")) if m.group("st_n") else 1
    if not n or n != int(n):
        return None
    return mention(m, f"P{int(n)}{unit[0].upper()}", "set")


def _per_unit(text, m, prev):
    return mention(m, f"P1{m.group('pu_u')[0].upper()}", "set")


def _month_day(text, m, prev):
    mo, d = month_number(m.group("mdn_m")), _day(m.group("mdn_d"))
    if not valid_day(2000, mo, d):
        return None
    return mention(m, None, anchor="narrative", relative={"month": mo, "day": d})


def _day_month(text, m, prev):
    mo, d = month_number(m.group("dmn_m")), _day(m.group("dmn_d"))
    if not valid_day(2000, mo, d) or _AGE_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
        return None
    return mention(m, None, anchor="narrative", relative={"month": mo, "day": d})


def _part_month_bare(text, m, prev):
    mo = month_number(m.group("pmb_m"))
    rng = part_range(m.group("pmb_part"), tables()["month_parts"])
    if rng is None:
        return None
    return mention(m, None, anchor="narrative", relative={"month": mo, "days": list(rng)})


_MONTH_PRE = re.compile(r"\b(?:in|since|by|until|till|from|through|of|during|before|after)\s+$", re.I)
_MONTH_COORD = re.compile(r"\s*(?:,|and|or|-|–|to|until|through)\s+")


def _month_bare(text, m, prev):
    """A month name without day or year: a month only after a preposition or in a coordination."""
    if not (_MONTH_PRE.search(text[max(0, m.start() - 10):m.start()]) or _MONTH_COORD.match(text, m.end())):
        return None
    if _MONTH_COORD.match(text, m.end()) and not _MONTH_PRE.search(text[max(0, m.start() - 10):m.start()]):
        # "May and October 2013" yes; "March and Rally" no: a month must follow the coordination
        nxt = _MONTH_COORD.match(text, m.end())
        word = re.match(r"[A-Za-z]+", text[nxt.end():nxt.end() + 12])
        if not word or word.group().lower() not in tables()["months"]:
            return None
    return mention(m, None, anchor="narrative", relative={"month": month_number(m.group("mb_m"))})


def _year(text, m, prev):
    if not year_ok(text, m.start(), m.end()):
        return None
    return mention(m, edtf.point(int(m.group("y_y"))))


_RULES = {
    "dmy_range": _dmy_range,
    "dmy": _numeric_date("s"),
    "iso": _numeric_date("i"),
    "dd_month": _day_range("dd"),
    "month_dd": _day_range("md"),
    "dm_range": _day_month_range("dr"),
    "md_range": _day_month_range("mr2"),
    "dmy_text": _text_date("t"),
    "mdy_text": _text_date("u"),
    "part_month": _part_month,
    "month_range": _month_range,
    "month_year": _month_year,
    "year_word": _year_word,
    "season_year": _season_year,
    "decade": _decade,
    "decade_word": _decade_word,
    "century": _century,
    "part_year": _part_year,
    "period_edge": _period_edge,
    "period_during": _period_during,
    "year_short_range": _year_short_range,
    "relative_n": _relative_n,
    "relative_the": _relative_the,
    "unit_after": _unit_after,
    "that_time": _that_time,
    "deictic": _deictic,
    "month_day": _month_day,
    "day_month": _day_month,
    "weekday_on": _weekday_on,
    "set": _set,
    "per_unit": _per_unit,
    "duration": _duration,
    "part_month_bare": _part_month_bare,
    "month_bare": _month_bare,
    "year": _year,
}
