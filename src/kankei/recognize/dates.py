"""Temporal expressions -> TimeMention, with EDTF values where the text alone says when.

Relative expressions ("the following month", "today", "July 4") come back with
`anchor` set ("narrative" or "dct") and a `relative` description; `resolve.anchor`
fills their values once the document's date and the narrative are known.
"""
from __future__ import annotations

import re
from functools import cache

from kankei import edtf
from kankei.recognize.date_grammar import calendar_words, master
from kankei.spans import TimeMention

_ONWARDS = re.compile(r"\s+onwards?\b")
_GAP_JOIN = re.compile(r"\s*(?:[-–—]|to|until|till|through|and)\s*$")
_OPENER = re.compile(r"(?:[Bb]etween|[Ff]rom)\s+$")
_AGE_AFTER = re.compile(r"[- ]old\b|\s+of\s+age\b")
_AGE_BEFORE = re.compile(r"(?:\bage[sd]?|\bage\s+of)\s+$")
_TWO_DIGIT_CONTEXT = re.compile(r"(?:\bthe|\d0s\s+(?:and|or|to|through)|[-–]\s*)\s*$")


@cache
def _tables() -> dict:
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
        "ordc": cal["ordinal_centuries"],
        "periods": {k.lower(): v for k, v in cal["named_periods"].items()},
        "edges": cal["period_edges"],
        "not_before": set(cal["not_year_before"]),
        "not_after": set(cal["not_year_after"]),
    }


def _month(word: str) -> int:
    return _tables()["months"][word.rstrip(".").lower()]


def _day(word: str) -> int:
    return int(re.match(r"\d+", word).group())


def _number(word: str) -> int | None:
    word = word.strip().lower()
    if word.isdigit():
        return int(word)
    small = _tables()["small"]
    total = 0
    for part in re.split(r"[- ]", word):
        if part not in small or small[part] is None:
            return None
        total += small[part]
    return total


def _part_key(part: str) -> str:
    part = re.sub(r"^the\s+", "", part.strip().lower())
    part = re.sub(r"\s+", " ", part)
    return {"last half": "second half", "later half": "second half", "latter part": "latter part",
            "early part": "early", "first part": "early", "turn": "end", "first years": "early",
            "early years": "early", "last years": "late", "later years": "late",
            "first third": "early", "last third": "late"}.get(part, part)


def _valid_day(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= edtf.last_day(y, m)


def _year_ok(text: str, start: int, end: int) -> bool:
    """A bare four-digit number is a year unless its neighbours make it a count or a code."""
    t = _tables()
    before = text[max(0, start - 14):start].split()
    if before and before[-1] in t["not_before"]:
        return False
    after = text[end:end + 20].split()
    if after and after[0].strip(".,;:") in t["not_after"]:
        return False
    # "B AG 232 105-002": runs of numbers are call numbers, not years
    if re.search(r"\d\s+$", text[max(0, start - 6):start]) or re.match(r"\s+\d", text[end:end + 3]):
        return False
    return True


def find_times(text: str) -> list[TimeMention]:
    """Every temporal expression in text, in order, non-overlapping."""
    out: list[TimeMention] = []
    for m in master().finditer(text):
        tm = _interpret(text, m)
        if tm is not None:
            out.append(tm)
    out = _merge_ranges(text, out)
    _coordinate_bare_months(text, out)
    return out


def _mention(m: re.Match, value, type_="date", **kw) -> TimeMention:
    return TimeMention(m.start(), m.end(), m.group(), value, type_, **kw)


def _interpret(text: str, m: re.Match) -> TimeMention | None:  # noqa: C901 - one branch per rule
    kind = m.lastgroup
    g = m.group
    t = _tables()
    if kind == "dmy_range":
        y1, m1, d1, y2, m2, d2 = (int(g(x)) for x in ("r_y1", "r_m1", "r_d1", "r_y2", "r_m2", "r_d2"))
        if not (_valid_day(y1, m1, d1) and _valid_day(y2, m2, d2)):
            return None
        return _mention(m, edtf.interval(edtf.point(y1, m1, d1), edtf.point(y2, m2, d2)), "interval")
    if kind == "dmy":
        y, mo, d = int(g("s_y")), int(g("s_m")), int(g("s_d"))
        return _mention(m, edtf.point(y, mo, d)) if _valid_day(y, mo, d) else None
    if kind == "iso":
        y, mo, d = int(g("i_y")), int(g("i_m")), int(g("i_d"))
        return _mention(m, edtf.point(y, mo, d)) if _valid_day(y, mo, d) else None
    if kind == "dd_month":
        y, mo = int(g("dd_y")), _month(g("dd_m"))
        d1, d2 = _day(g("dd_d1")), _day(g("dd_d2"))
        if not (_valid_day(y, mo, d1) and _valid_day(y, mo, d2)) or d2 <= d1:
            return None
        return _mention(m, edtf.interval(edtf.point(y, mo, d1), edtf.point(y, mo, d2)), "interval")
    if kind == "month_dd":
        y, mo = int(g("md_y")), _month(g("md_m"))
        d1, d2 = _day(g("md_d1")), _day(g("md_d2"))
        if not (_valid_day(y, mo, d1) and _valid_day(y, mo, d2)) or d2 <= d1:
            return None
        return _mention(m, edtf.interval(edtf.point(y, mo, d1), edtf.point(y, mo, d2)), "interval")
    if kind in ("dmy_text", "mdy_text"):
        p = "t" if kind == "dmy_text" else "u"
        y, mo, d = int(g(f"{p}_y")), _month(g(f"{p}_m")), _day(g(f"{p}_d"))
        return _mention(m, edtf.point(y, mo, d)) if _valid_day(y, mo, d) else None
    if kind == "part_month":
        y, mo = int(g("pm_y")), _month(g("pm_m"))
        lo, hi = t["month_parts"][_part_key(g("pm_part"))]
        hi = min(hi, edtf.last_day(y, mo))
        return _mention(m, edtf.interval(edtf.point(y, mo, lo), edtf.point(y, mo, hi)), "interval")
    if kind == "month_range":
        y, m1, m2 = int(g("mr_y")), _month(g("mr_m1")), _month(g("mr_m2"))
        if m2 <= m1:
            return None
        return _mention(m, edtf.interval(edtf.point(y, m1), edtf.point(y, m2)), "interval")
    if kind == "month_year":
        return _onwards(text, m, edtf.point(int(g("my_y")), _month(g("my_m"))))
    if kind == "year_word":
        return _mention(m, edtf.point(int(g("yw_y"))))
    if kind == "season_year":
        return _mention(m, f"{int(g('sy_y')):04d}-{t['seasons'][g('sy_s').lower()]}")
    if kind == "decade":
        return _decade(text, m)
    if kind == "century":
        raw = g("ct_n").lower()
        n = int(raw) if raw.isdigit() else t["ordc"][raw]
        base = (n - 1) * 100
        part = g("ct_part")
        if part:
            lo, hi = t["decade_parts"][_part_key(part)]
            return _mention(m, edtf.interval(f"{base + lo * 10:04d}", f"{base + hi * 10 + 9:04d}"), "interval")
        return _mention(m, f"{n - 1:02d}XX")
    if kind == "part_year":
        y = int(g("py_y"))
        key = _part_key(g("py_part"))
        if key not in t["year_parts"]:
            return None
        lo, hi = t["year_parts"][key]
        if lo == hi:
            return _mention(m, edtf.point(y, lo))
        return _mention(m, edtf.interval(edtf.point(y, lo), edtf.point(y, hi)), "interval")
    if kind == "period_edge":
        value = t["periods"].get(g("pe_p").lower())
        a, b = value.split("/")
        edge = t["edges"][g("pe_edge").lower()]
        return _mention(m, _year_of(a if edge == "first" else b))
    if kind == "period_during":
        value = t["periods"].get(g("pd_p").lower())
        a, b = value.split("/")
        return _mention(m, edtf.interval(_year_of(a), _year_of(b)), "interval")
    if kind == "approx_year":
        return _mention(m, edtf.point(int(g("ay_y")), approx=True))
    if kind == "year_short_range":
        y1 = int(g("ys_y1"))
        y2 = y1 // 100 * 100 + int(g("ys_y2"))
        if y2 <= y1:
            y2 += 100
        if y2 - y1 > 20 or not _year_ok(text, m.start(), m.end()):
            return None
        return _mention(m, edtf.interval(f"{y1:04d}", f"{y2:04d}"), "interval")
    if kind == "relative_n":
        return _relative_n(m)
    if kind == "relative_the":
        return _relative_the(m)
    if kind == "that_time":
        return _mention(m, None, anchor="narrative", relative={"same": True})
    if kind == "deictic":
        return _mention(m, None, anchor="dct", relative={"same": True})
    if kind == "weekday_on":
        before = text[max(0, m.start() - 6):m.start()].split()
        word = before[-1].lower() if before else ""
        direction = {"next": 1, "this": 0}.get(word, -1)
        return _mention(m, None, anchor="dct",
                        relative={"weekday": t["weekdays"][g("wd").lower()], "direction": direction})
    if kind == "duration":
        return _duration(text, m)
    if kind == "set":
        unit = (g("st_u") or "year").lower()
        return _mention(m, f"P1{ {'day': 'D', 'week': 'W', 'month': 'M'}.get(unit, 'Y') }".replace(" ", ""), "set")
    if kind == "month_day":
        mo, d = _month(g("mdn_m")), _day(g("mdn_d"))
        if not 1 <= d <= 31:
            return None
        return _mention(m, None, anchor="narrative", relative={"month": mo, "day": d})
    if kind == "month_bare":
        return _bare_month(text, m)
    if kind == "year":
        if not _year_ok(text, m.start(), m.end()):
            return None
        return _onwards(text, m, edtf.point(int(g("y_y"))))
    return None


def _year_of(value: str) -> str:
    return value[:4]


def _onwards(text: str, m: re.Match, value: str) -> TimeMention:
    tail = _ONWARDS.match(text, m.end())
    if tail:
        return TimeMention(m.start(), tail.end(), text[m.start():tail.end()], f"{value}/..", "interval")
    return _mention(m, value)


def _decade(text: str, m: re.Match) -> TimeMention | None:
    raw = m.group("dc_y").lstrip("'")
    if len(raw) == 2:
        # "the 40s" or "the 1930s and 40s": a two-digit decade needs a decade context
        if not (m.group().startswith("the") or "'" in m.group("dc_y") or m.group("dc_part")
                or _TWO_DIGIT_CONTEXT.search(text[max(0, m.start() - 16):m.start()])):
            return None
        prev = re.search(r"(\d\d)\d0s\s+(?:and|or|to|through)\s*$|[-–]\s*$", text[max(0, m.start() - 16):m.start()])
        century = int(prev.group(1)) if prev and prev.group(1) else 19
        raw = f"{century}{raw}"
    decade = int(raw)
    part = m.group("dc_part")
    if part:
        key = _part_key(part)
        parts = _tables()["decade_parts"]
        if key not in parts:
            return None
        lo, hi = parts[key]
        return _mention(m, edtf.interval(f"{decade + lo:04d}", f"{decade + hi:04d}"), "interval")
    return _mention(m, f"{decade // 10:03d}X")


def _relative_n(m: re.Match) -> TimeMention | None:
    n = _number(m.group("rn_n"))
    if n is None:
        return None
    unit_word = m.group("rn_u").lower()
    designator, mult = _tables()["units"][unit_word]
    unit = {"D": "day", "W": "week", "M": "month", "Y": "year"}[designator]
    n *= mult
    direction = m.group("rn_dir").lower()
    if m.group("rn_q"):
        # "more than two years before X" says how long, not when
        return _mention(m, f"P{n}{designator}", "duration")
    sign = -1 if direction in ("earlier", "before", "ago", "previously") else 1
    anchor = "dct" if direction == "ago" else "narrative"
    return _mention(m, None, anchor=anchor, relative={"unit": unit, "offset": sign * n})


def _relative_the(m: re.Match) -> TimeMention | None:
    t = _tables()
    det = " ".join(m.group("rt_det").lower().split())
    unit = m.group("rt_u").lower()
    offset = {"the following": 1, "the next": 1, "next": 1, "the previous": -1, "the preceding": -1,
              "the prior": -1, "last": -1}.get(det, 0)
    # "last October", "this spring": against the document's date; "the following month": the narrative
    anchor = "dct" if det in ("last", "next", "this") else "narrative"
    if unit in t["months"]:
        return _mention(m, None, anchor=anchor, relative={"month": t["months"][unit], "direction": offset})
    if unit in t["weekdays"]:
        return _mention(m, None, anchor="dct", relative={"weekday": t["weekdays"][unit], "direction": offset})
    if unit in t["seasons"]:
        return _mention(m, None, anchor=anchor, relative={"season": t["seasons"][unit], "direction": offset})
    return _mention(m, None, anchor=anchor, relative={"unit": unit, "offset": offset})


def _duration(text: str, m: re.Match) -> TimeMention | None:
    if _AGE_AFTER.match(text, m.end()) or _AGE_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
        return None
    raw = m.group("du_n")
    n = float(raw) if re.fullmatch(r"\d+\.\d+", raw) else _number(raw)
    if n is None or n <= 0:
        return None
    if raw.lower() in ("a", "an") and not re.search(r"\b(?:for|over|within|after|in)\s+$", text[max(0, m.start() - 8):m.start()]):
        return None
    designator, mult = _tables()["units"][m.group("du_u").lower()]
    amount = n * mult
    amount_s = f"{amount:g}"
    start = m.start()
    if m.group("du_q") and not m.group("du_first"):
        start = m.start()
    return TimeMention(start, m.end(), text[start:m.end()], f"P{amount_s}{designator}", "duration")


_MONTH_PRE = re.compile(
    r"(?:\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|[Tt]hrough|of|[Ee]arly|[Ll]ate|mid|[Dd]uring)[\s-]+|mid-)$")


def _bare_month(text: str, m: re.Match) -> TimeMention | None:
    month_word = m.group("mb_m")
    pre = _MONTH_PRE.search(text[max(0, m.start() - 8):m.start()])
    follow = text[m.end():m.end() + 40]
    coordinated = re.match(r"\s*(?:and|or|-|–|to|until)\s+", follow)
    if not pre and not coordinated:
        return None
    if month_word in ("May", "March") and not pre and not coordinated:
        return None
    s = m.start("mb_m")
    return TimeMention(s, m.end(), month_word, None, "date", anchor="narrative",
                       relative={"month": _month(month_word)})


def _merge_ranges(text: str, items: list[TimeMention]) -> list[TimeMention]:
    """'1959 and 1984' after 'between', 'December 1959 to July 1984', 'Feb. 1950-Mar 1952' -> one interval."""
    out: list[TimeMention] = []
    i = 0
    while i < len(items):
        a = items[i]
        if i + 1 < len(items):
            b = items[i + 1]
            gap = text[a.end:b.start]
            if (a.value and b.value and a.type == "date" and b.type == "date" and a.anchor == b.anchor == "absolute"
                    and len(gap) <= 12 and _GAP_JOIN.fullmatch(" " + gap.strip() if gap.strip() else gap)):
                joiner = gap.strip()
                opened = bool(_OPENER.search(text[max(0, a.start - 10):a.start]))
                if joiner in ("-", "–", "—", "to", "until", "till", "through") or (joiner == "and" and opened):
                    lo, hi = edtf.bounds(a.value), edtf.bounds(b.value)
                    if lo and hi and lo[0] <= hi[1]:
                        value = edtf.interval(a.value.rstrip("~"), b.value.rstrip("~"))
                        out.append(TimeMention(a.start, b.end, text[a.start:b.end], value, "interval"))
                        i += 2
                        continue
        out.append(a)
        i += 1
    return out


def _coordinate_bare_months(text: str, items: list[TimeMention]) -> None:
    """'May and October 2013': the bare month takes the year of the dated one after it."""
    for a, b in zip(items, items[1:], strict=False):
        if a.relative and set(a.relative) == {"month"} and b.value and b.type == "date":
            gap = text[a.end:b.start]
            p = edtf.parse_point(b.value)
            if p and p[1] and re.fullmatch(r"\s*(?:and|or|,)\s*", gap):
                a.value = edtf.point(p[0], a.relative["month"])
                a.anchor = "absolute"
                a.relative = None
