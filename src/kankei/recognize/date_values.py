"""What the absolute alternatives of the date grammar mean: one TimeMention (or None) per
match, with its EDTF value; plus the tables and helpers the relative rules
(`date_relative`) share.
"""
from __future__ import annotations

import re
from functools import cache

from kankei import edtf
from kankei.recognize.date_grammar import DECADE_WORDS, calendar_words
from kankei.spans import TimeMention

_POSSESSIVE = re.compile(r"\b(?:their|his|her|its|my|our|your|whose)\s+(?:(?:early|mid|late)[- ]?\s*)?$", re.I)
_DECADE_VALUE = re.compile(r"^(\d\d)\dX$|^(\d\d)\d\d/\d{4}$")
_COORD = re.compile(r"\s*(?:,\s*)?(?:and|or|to|through|until|till|[-–—/])\s*(?:the\s+)?$")


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
        "holidays": {" ".join(k.lower().split()): tuple(v) for k, v in cal["holidays"].items()},
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
        "eras": {k.lower(): v for k, v in cal["japanese_eras"].items()},
        "fiscal_start": int(cal.get("fiscal_year_start") or 1),
    }


def month_number(word: str) -> int:
    return tables()["months"][word.rstrip(".").lower()]


_DAY = re.compile(r"\d+")
_INTEGER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_DECIMAL = re.compile(r"\d+\.\d+")
_WORD_PARTS = re.compile(r"[- ]")


def day_number(word: str) -> int:
    return int(_DAY.match(word).group())


def number(word: str) -> float | None:
    """'25', '1,000', '2.5', 'two', 'twenty-one', 'a' -> the number; None for 'several'."""
    word = word.strip().lower()
    if _INTEGER.fullmatch(word):
        return int(word.replace(",", ""))
    if _DECIMAL.fullmatch(word):
        return float(word)
    small = tables()["small"]
    total = 0
    for part in _WORD_PARTS.split(word):
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


def _point(y: int, m: int | None = None, d: int | None = None) -> str:
    """`edtf.point` (not approximate), in half the time: the rules write thousands. (printf
    style on purpose: it formats padded numbers several times faster than format specs)"""
    if m:
        return "%04d-%02d-%02d" % (y, m, d) if d else "%04d-%02d" % (y, m)  # noqa: UP031
    return "%04d" % y  # noqa: UP031


def valid_day(y: int, m: int, d: int) -> bool:
    # every month has 28 days: the calendar is asked only about the days past them
    return 1 <= m <= 12 and 1 <= d and (d <= 28 or d <= edtf.last_day(y, m))


_RANGE_HEAD = re.compile(r"\d[\d.,]*\s*[-–]\s*$")
_DIGIT_SPACE = re.compile(r"\d\s+$")
_SPACE_DIGIT = re.compile(r"\s+\d")


def _range_head(text: str, start: int) -> int:
    """Start of the numeric range a number ends ('pp. 1955-1960': the 1955)."""
    window = text[max(0, start - 14):start]
    if window.rstrip()[-1:] not in ("-", "–"):     # what the pattern ends with but for spaces
        return start
    m = _RANGE_HEAD.search(window)
    return start - len(window) + m.start() if m else start


def year_ok(text: str, start: int, end: int) -> bool:
    """A bare four-digit number is a year unless its neighbours make it a count or a code."""
    t = tables()
    head = _range_head(text, start)
    before = text[max(0, head - 20):head].rsplit(None, 2)       # (the last two words are enough)
    if before:
        last = before[-1]
        if last in t["not_before"] or last.lower() in t["count_qualifiers"]:
            return False
        if len(before) >= 2 and f"{before[-2]} {last}".lower() in t["count_qualifiers"]:
            return False
    after = text[end:end + 20].split(None, 1)
    if after and after[0].strip(".,;:)") in t["not_after"]:
        return False
    # "B AG 232 105-002": runs of numbers are call numbers, not years
    if _DIGIT_SPACE.search(text, max(0, head - 6), head) or _SPACE_DIGIT.match(text, end, end + 3):
        return False
    return True


def mention(m: re.Match, value, type_="date", anchor="absolute", relative=None, approximate=False) -> TimeMention:
    start, end = m.span()
    return TimeMention(start, end, m.group(), value, type_, anchor, relative, approximate)


def _interval(m: re.Match, a: str, b: str) -> TimeMention:
    return mention(m, edtf.interval(a, b), "interval")


def _dmy_range(text, m, prev):
    y1, m1, d1, y2, m2, d2 = (int(m.group(x)) for x in ("r_y1", "r_m1", "r_d1", "r_y2", "r_m2", "r_d2"))
    if not (valid_day(y1, m1, d1) and valid_day(y2, m2, d2)):
        return None
    return _interval(m, _point(y1, m1, d1), _point(y2, m2, d2))


def _numeric_date(prefix):
    names = tuple(f"{prefix}_{x}" for x in "ymd")

    def rule(text, m, prev):
        y, mo, d = map(int, m.group(*names))
        return mention(m, _point(y, mo, d)) if valid_day(y, mo, d) else None
    return rule


def _slash_dmy(text, m, prev):
    """8/3/1956: day/month in European notes, month/day in American ones; say only what is sure."""
    y, a, b = int(m.group("sl_y")), int(m.group("sl_a")), int(m.group("sl_b"))
    readings = {(mo, d) for mo, d in ((b, a), (a, b)) if valid_day(y, mo, d)}
    if not readings:
        return None
    if len(readings) == 1:
        mo, d = readings.pop()
        return mention(m, _point(y, mo, d))
    return mention(m, _point(y))


def _ymd(text, m, prev):
    y, mo, d = int(m.group("ym_y")), int(m.group("ym_m")), int(m.group("ym_d"))
    return mention(m, _point(y, mo, d)) if valid_day(y, mo, d) else None


def _day_range(p):
    """3-5 May 2004, May 3-5, 2004: two days of one month."""
    names = tuple(f"{p}_{x}" for x in ("y", "m", "d1", "d2"))

    def rule(text, m, prev):
        y, mo, d1, d2 = m.group(*names)
        y, mo, d1, d2 = int(y), month_number(mo), day_number(d1), day_number(d2)
        if not (valid_day(y, mo, d1) and valid_day(y, mo, d2)) or d2 <= d1:
            return None
        return _interval(m, _point(y, mo, d1), _point(y, mo, d2))
    return rule


def _day_month_range(p):
    """19 January - 3 February 1956, January 19 - February 3, 1956."""
    names = tuple(f"{p}_{x}" for x in ("y", "m1", "m2", "d1", "d2"))

    def rule(text, m, prev):
        y, m1, m2, d1, d2 = m.group(*names)
        y, m1, m2, d1, d2 = int(y), month_number(m1), month_number(m2), day_number(d1), day_number(d2)
        if not (valid_day(y, m1, d1) and valid_day(y, m2, d2)) or (m2, d2) <= (m1, d1):
            return None
        return _interval(m, _point(y, m1, d1), _point(y, m2, d2))
    return rule


def _text_date(p):
    names = tuple(f"{p}_{x}" for x in "ymd")

    def rule(text, m, prev):
        y, mo, d = m.group(*names)
        y, mo, d = int(y), month_number(mo), day_number(d)
        return mention(m, _point(y, mo, d)) if valid_day(y, mo, d) else None
    return rule


def _part_month(text, m, prev):
    y, mo = int(m.group("pm_y")), month_number(m.group("pm_m"))
    rng = part_range(m.group("pm_part"), tables()["month_parts"])
    if rng is None:
        return None
    lo, hi = rng[0], min(rng[1], edtf.last_day(y, mo))
    return _interval(m, _point(y, mo, lo), _point(y, mo, hi))


def _month_range(text, m, prev):
    y, m1, m2 = int(m.group("mr_y")), month_number(m.group("mr_m1")), month_number(m.group("mr_m2"))
    if m2 <= m1:
        return None
    return _interval(m, _point(y, m1), _point(y, m2))


def _year_first(text, m, prev):
    """'1959 Dec. 14', '1945 (Aug. 15)'."""
    y, mo, d = int(m.group("v_y")), month_number(m.group("v_m")), day_number(m.group("v_d"))
    if not valid_day(y, mo, d):
        return None
    if m.group("v_d2"):         # '1990 Sept. 24–28'
        d2 = day_number(m.group("v_d2"))
        return _interval(m, _point(y, mo, d), _point(y, mo, d2)) if valid_day(y, mo, d2) and d2 > d else None
    return mention(m, _point(y, mo, d))


def _year_first_month(text, m, prev):
    """'2009 June', '2021 (Oct.)'."""
    y = m.group("w_y") or m.group("w_y2")
    return mention(m, _point(int(y), month_number(m.group("w_m") or m.group("w_m2"))))


def _month_year(text, m, prev):
    return mention(m, _point(int(m.group("my_y")), month_number(m.group("my_m"))))


def _year_word(text, m, prev):
    return mention(m, _point(int(m.group("yw_y"))))


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
    if len(raw) == 2:
        before = text[max(0, m.start() - 24):m.start()]
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
    n = int(raw[:-2]) if raw[0].isdigit() else t["ordc"][raw]
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
        return mention(m, _point(y, lo))
    return _interval(m, _point(y, lo), _point(y, hi))


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
    # "1910-45" and "1995-96" read as ranges; a tail that wraps the century must stay close
    # ("1998-01"), which keeps ISO year-months such as "1945-08" out
    wrapped = len(tail) == 2 and y2 <= y1
    if wrapped:
        y2 += 100
    if not year_ok(text, m.start(), m.end()):
        return None
    if wrapped and y2 - y1 > 20 and m.group("ys_y2") and 1 <= int(tail) <= 12:
        return mention(m, _point(y1, int(tail)))         # an ISO year-month: 1945-08
    if not 0 < y2 - y1 < 100 or (wrapped and y2 - y1 > 20):
        return None
    return _interval(m, f"{y1:04d}", f"{y2:04d}")


def fiscal_year(y: int, y2: int | None = None) -> str:
    """The fiscal year (Japan's: April to March) that begins in y, or fiscal years y to y2."""
    start = tables()["fiscal_start"]
    y2 = y if y2 is None else y2
    if start == 1:
        return _point(y) if y2 == y else edtf.interval(_point(y), _point(y2))
    return edtf.interval(_point(y, start), _point(y2 + 1, start - 1))


def _fiscal(text, m, prev):
    y = int(m.group("fy_y"))
    tail = m.group("fy_y2")
    if not tail:
        return mention(m, fiscal_year(y), "interval")
    y2 = int(tail) if len(tail) == 4 else y // 100 * 100 + int(tail)
    if y2 < y:
        y2 += 100
    if y2 == y + 1:             # "fiscal 2011-12": the one fiscal year that spans both
        return mention(m, fiscal_year(y), "interval")
    if not 0 < y2 - y < 50:
        return None
    return mention(m, fiscal_year(y, y2), "interval")


def _era_year(era: str, n: str) -> int | None:
    first, last = tables()["eras"][era.lower()]
    k = 1 if n.lower().startswith("gan") else int(n)
    if k < 1 or (last is not None and k > last):
        return None
    return first + k - 1


def _era(text, m, prev):
    y = _era_year(m.group("er_e"), m.group("er_n"))
    return None if y is None else mention(m, _point(y))


def _era_ord(text, m, prev):
    y = _era_year(m.group("eo_e"), m.group("eo_n"))
    return None if y is None else mention(m, _point(y))


def _year(text, m, prev):
    if not year_ok(text, m.start(), m.end()):
        return None
    return mention(m, _point(int(m.group("y_y"))))


ABSOLUTE_RULES = {
    "era": _era,
    "era_ord": _era_ord,
    "fiscal": _fiscal,
    "dmy_range": _dmy_range,
    "dmy": _numeric_date("s"),
    "iso": _numeric_date("i"),
    "slash_dmy": _slash_dmy,
    "ymd": _ymd,
    "dd_month": _day_range("dd"),
    "month_dd": _day_range("md"),
    "dm_range": _day_month_range("dr"),
    "md_range": _day_month_range("mr2"),
    "dmy_text": _text_date("t"),
    "mdy_text": _text_date("u"),
    "ymd_text": _year_first,
    "ym_text": _year_first_month,
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
    "year": _year,
}
