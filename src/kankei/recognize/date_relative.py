"""What the relative alternatives of the date grammar mean: durations, sets, and expressions
whose value depends on the document date or the narrative ("three days later", "last
October", "July 4", "In May"). These come back with `anchor` and `relative` set, for
`resolve.anchor` to fill in; durations and sets get their ISO 8601 value here.
"""
from __future__ import annotations

import re

from kankei.recognize.date_grammar import calendar_words
from kankei.recognize.date_values import (
    day_number,
    mention,
    month_number,
    number,
    part_range,
    tables,
    valid_day,
)
from kankei.spans import TimeMention

_AGE_AFTER = re.compile(r"[- ]olds?\b|\s+of\s+age\b")
_AGE_BEFORE = re.compile(r"(?:\bage[sd]?|\bage\s+of|\baged)\s+$", re.I)
_DETERMINER = re.compile(r"\b(?:the|a|an|his|her|its|their|our|my|your|whose|that)\s+$", re.I)
# "for a year", "within a month": "a"/"an" as a number needs a preposition before it
_A_DURATION = re.compile(r"\b(?:for|over|within|after|in|than|about|nearly|almost|just|some|only|barely"
                         r"|(?:space|course|period|span)\s+of"
                         r"|spen[dt]s?|t[ao]oke?s?|lasts?|lasted|waited|served|remained|stayed|lived|worked)\s+$", re.I)
# "$5 a month", "twice a year", "three times a week": a rate, i.e. a set
_RATE = re.compile(
    r"(?:[$¥₩£€]\s?[\d.,]+(?:\s*(?:million|billion|thousand))?|\d[\d.,]*\s*(?:yen|won|dollars|euros|pounds)"
    r"|\b(?:once|twice|thrice|times))\s+$", re.I)
# what follows "N years after" when it says how long between two events, not when: a clause ('13
# years after he was given asylum', 'a day after North Korea fired', 'after her brother vanished'),
# an indefinite or a pronoun's noun phrase ('after a string of disappearances', 'after its defeat'),
# a name alone ('Twenty years after Pyongyang,'); not an event told before ('after the summit',
# 'after Koizumi's visit', 'after leaving Niigata': that date)
_EVENT_AFTER = re.compile(
    r"\s+(?:(?:he|she|they|it|we|I)\b|(?:her|his|their|its|our|my|an?)\s"
    r"|(?:[A-Z][\w-]*\s+|the\s+(?:[\w-]+\s+){1,3}?){1,3}(?:[a-z]+ed|had|has|was|were|is|met|went|left|took|made|gave"
    r"|sent|came|began|won|lost|fell|saw|held|told|said|fired|flew)\b"
    r"|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s*(?:[,.;:]|$))")
_UNIT_OF = {"D": "day", "W": "week", "M": "month", "Y": "year"}


def _span(text: str, start: int, end: int, value, type_="date", **kw) -> TimeMention:
    return TimeMention(start, end, text[start:end], value, type_, **kw)


def _amount(m: re.Match, n_group: str, half_groups: tuple[str, ...]) -> float | None:
    n = number(m.group(n_group))
    if n is None:
        return None
    if any(m.group(g) for g in half_groups):
        n += 0.5
    return n


def _fmt(amount: float) -> str:
    return str(int(amount)) if amount == int(amount) else f"{amount:.6f}".rstrip("0").rstrip(".")


def _iso(amount: float, designator: str) -> str:
    """An ISO 8601 duration: P2Y, P10Y; times of day after a T (PT69M, PT1.5H)."""
    if designator[0] == "T":
        return f"PT{_fmt(amount)}{designator[1:]}"
    if designator == "Y" and amount != int(amount) and (amount * 12) == int(amount * 12):
        # "a year and a half" -> P1Y6M: whole months, as the gold writes them
        years, months = divmod(int(amount * 12), 12)
        return f"P{years}Y{months}M" if years else f"P{months}M"
    return f"P{_fmt(amount)}{designator}"


_OF_YEAR = {"that": 0, "the same": 0, "the following": 1, "the next": 1, "the previous": -1,
            "the preceding": -1, "the prior": -1}


def _year_offset(m: re.Match, group: str, rel: dict) -> dict:
    """'November of that year': the month of the narrative's own year (or the one after, before)."""
    det = m.group(group)
    if det:
        rel["year_offset"] = _OF_YEAR[" ".join(det.lower().split())]
    elif this := m.group(group + "_ty"):
        rel["this_year"] = {"this": 0, "last": -1, "next": 1}[this]
    return rel


_THE_PERIOD = re.compile(r"\b(?:the|those|these)\s+$", re.I)
_ON_ENDS = re.compile(r"\s*(?:[,.;:)!?]|$|\s*(?:from|after|since)\b)")


def _relative_n(text, m, prev):
    n = _amount(m, "rn_n", ("rn_half", "rn_half2"))
    if not n:
        return None
    designator, mult = tables()["units"][m.group("rn_u").lower()]
    amount = n * mult
    direction = m.group("rn_dir").lower()
    qual = " ".join((m.group("rn_q") or "").lower().split())
    raw = m.group("rn_n").lower()
    if raw in ("a", "an") and _RATE.search(text[max(0, m.start() - 24):m.start()]):
        # "¥1.2 billion a year on publicity": a rate, not "a year on"
        return _span(text, m.start(), m.end("rn_u"), _iso(1, designator), "set") if mult == 1 else None
    if direction == "on" and not _ON_ENDS.match(text, m.end()):
        # 'stayed three days on the ship': how long, not 'three days on'
        return _span(text, m.start(), m.end("rn_half2") if m.group("rn_half2") else m.end("rn_u"), _iso(amount, designator), "duration")
    if designator[0] == "T":
        if direction in ("later", "earlier", "afterwards") and not (m.group("rn_half") or m.group("rn_half2")):
            # "about two hours later": on the day told (a clock time would cross midnight: rare)
            return mention(m, None, anchor="narrative", relative={"unit": "day", "offset": 0})
        # "three hours after the launch": how long between two events
        return _span(text, m.start(), m.end("rn_half2") if m.group("rn_half2") else m.end("rn_u"), _iso(amount, designator), "duration")
    if qual and direction == "ago" and amount == int(amount):
        # "more than a decade ago": some time before the date that far back
        return mention(m, None, anchor="dct", approximate=True,
                       relative={"unit": _UNIT_OF[designator], "offset": -int(amount)})
    if qual and qual not in ("about", "around", "some", "roughly", "approximately"):
        # "more than two years before X" says how long, not when
        return _span(text, m.start(), m.end("rn_half2") if m.group("rn_half2") else m.end("rn_u"), _iso(amount, designator), "duration")
    if direction in ("after", "before") and (_EVENT_AFTER.match(text, m.end()) or _THE_PERIOD.search(text, max(0, m.start() - 8), m.start())):
        # (and 'the forty-five years after 1945': a period named, how long)
        # "13 years after he was given asylum": how long between two events (the gold's convention)
        return _span(text, m.start(), m.end("rn_half2") if m.group("rn_half2") else m.end("rn_u"), _iso(amount, designator), "duration")
    if amount != int(amount):
        return None
    sign = -1 if direction in ("earlier", "before", "ago", "previously") else 1
    anchor = "dct" if direction == "ago" else "narrative"
    if m.group("rn_today") and direction == "ago" and designator in ("Y", "M"):
        # "sixty years ago today": that day, so many years back
        return mention(m, None, anchor="dct", relative={"unit": "day_of_" + _UNIT_OF[designator], "offset": -int(amount)})
    return mention(m, None, anchor=anchor, approximate=bool(qual),
                   relative={"unit": _UNIT_OF[designator], "offset": sign * int(amount)})


def _relative_the(text, m, prev):
    t = tables()
    det = " ".join(m.group("rt_det").lower().split())
    unit = m.group("rt_u").lower()
    if det in ("last", "next", "this") and _DETERMINER.search(text[max(0, m.start() - 8):m.start()]):
        return None          # "the last year of the war" is not last year
    if det == "the coming" and unit not in ("year", "month", "week"):
        return None
    offset = {"the following": 1, "the next": 1, "the coming": 1, "next": 1, "the previous": -1, "the preceding": -1,
              "the prior": -1, "last": -1}.get(det, 0)
    # "last October", "this spring", "the coming year": against the document's date; "the following
    # month": the narrative
    anchor = "dct" if det in ("last", "next", "this", "the coming") else "narrative"
    if unit in t["months"] and det in ("that", "the same"):
        # 'the test that January', told of February 2016: the January of that year, not the next one
        return mention(m, None, anchor=anchor, relative={"month": t["months"][unit], "year_offset": 0})
    if unit in t["months"]:
        return mention(m, None, anchor=anchor, relative={"month": t["months"][unit], "direction": offset})
    if unit in t["weekdays"]:
        return mention(m, None, anchor="dct", relative={"weekday": t["weekdays"][unit], "direction": offset})
    if unit in t["seasons"]:
        return mention(m, None, anchor=anchor, relative={"season": t["seasons"][unit], "direction": offset})
    if m.group("rt_season") and unit == "year":
        # 'the spring of that year', 'the autumn of the following year': that season of the year told
        season = m.group("rt_season").lower().split()[-1]
        return mention(m, None, anchor=anchor, relative={"season": t["seasons"][season], "direction": offset})
    rel = {"unit": unit, "offset": offset}
    if unit == "week" and anchor == "dct":
        rel["calendar"] = True      # "last week": the calendar week, Monday to Sunday
    return mention(m, None, anchor=anchor, relative=rel)


def _unit_after(text, m, prev):
    offset = 1 if m.group("ua_dir").lower() == "after" else -1
    return mention(m, None, anchor="narrative", relative={"unit": m.group("ua_u").lower(), "offset": offset})


_TIME_AS_SUBJECT = re.compile(r"\s+(?:is|was|has|had|will|would|may|might|could|ran|runs|remains|remained|"
                              r"seemed|seems)\b")
_AT_THE_SAME_TIME = re.compile(r"(?:^|[.;:!?]\s+|\n)[Aa]t\s+$")


def _that_time(text, m, prev):
    if m.group().lower().startswith("the same") and text.startswith(",", m.end()) \
            and _AT_THE_SAME_TIME.search(text, max(0, m.start() - 6), m.start()):
        return None         # "At the same time, ...": a connective, no time
    if _TIME_AS_SUBJECT.match(text, m.end()):
        return None         # "warned that time was running out": 'time' is the subject of a clause
    return mention(m, None, anchor="narrative", relative={"same": True, "vague": True})


def _day_part(text, m, prev):
    word = m.group("dp_d").lower()
    if word == "last" and not m.group().lower().endswith("night"):
        return None         # "last morning" is no day before
    offset = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(word, 0)
    return mention(m, None, anchor="dct", relative={"unit": "day", "offset": offset})


def _deictic(text, m, prev):
    word = m.group().lower()
    offset = {"yesterday": -1, "tomorrow": 1}.get(word)
    if offset:
        return mention(m, None, anchor="dct", relative={"unit": "day", "offset": offset})
    return mention(m, None, anchor="dct", relative={"same": True})


def _two_days(text, m, prev):
    offset = 2 if m.group("td_dir").lower().startswith("after") else -2
    return mention(m, None, anchor="dct", relative={"unit": "day", "offset": offset})


def _same_day(text, m, prev):
    return mention(m, None, anchor="narrative", relative={"unit": "day", "offset": 0})


def _vague_recent(text, m, prev):
    # relative to the document's date, but to no point of it: it stays without a value
    return mention(m, None, anchor="dct", relative={"vague": True})


def _weekday_on(text, m, prev):
    before = text[max(0, m.start() - 6):m.start()].split()
    word = before[-1].lower() if before else ""
    # "last Tuesday" is a week back; "on Tuesday" in a Tuesday's news is that day
    direction = {"next": 1, "last": -1}.get(word, 0)
    if m.group("wd"):
        wd = tables()["weekdays"][m.group("wd").lower()]
    else:           # "Wed."
        wd = {k.lower(): v for k, v in calendar_words()["weekday_abbreviations"].items()}[m.group("wd_a").lower()]
    return mention(m, None, anchor="dct", relative={"weekday": wd, "direction": direction})


def _duration(text, m, prev):
    before = text[max(0, m.start() - 24):m.start()]
    if _AGE_AFTER.match(text, m.end()) or _AGE_BEFORE.search(before):
        return None
    if (both := _compound_duration(text, m)) is not None:
        return both
    designator, mult = tables()["units"][m.group("du_u").lower()]
    raw = (m.group("du_n") or "").lower()
    if m.group("du_halfa"):
        n = 0.5
    elif raw in ("a", "an", "one"):
        if raw != "one" and _RATE.search(before) and mult == 1:
            return mention(m, _iso(1, designator), "set")
        # "for a year", "took one day"; but "One day, he left" is no duration
        if not (_A_DURATION.search(before) or m.group("du_q") or m.group("du_first") or m.group("du_half2")
                or m.group("du_sep") == "-"):
            return None
        n = 1.5 if m.group("du_half2") else 1
    else:
        n = _amount(m, "du_n", ("du_half", "du_half2"))
    if not n or n <= 0:
        return None
    return mention(m, _iso(n * mult, designator), "duration")


_AND_MORE = re.compile(r"\s+and\s+(one|two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+(months?|weeks?|days?)\b",
                       re.I)


_OFFSET_AFTER = re.compile(r"\s+(?:later|earlier|before|after|ago|afterwards|previously)\b", re.I)


def _compound_duration(text, m) -> TimeMention | None:
    """'one year and three months': one duration of both parts (P1Y3M), not its last part alone."""
    unit = m.group("du_u").lower()
    if m.group("du_half2") or m.group("du_halfa") or unit not in ("year", "years", "month", "months", "week", "weeks"):
        return None
    more = _AND_MORE.match(text, m.end())
    if more is None or _OFFSET_AFTER.match(text, more.end()):
        return None     # (not 'two weeks and three days later': a time counted from another)
    first = 1 if (m.group("du_n") or "").lower() in ("a", "an", "one") else number(m.group("du_n") or "")
    second = number(more.group(1))
    if not first or not second:
        return None
    units = tables()["units"]
    (d1, k1), (d2, k2) = units[unit], units[more.group(2).lower()]
    if d1 == d2 or "T" in d1 + d2 or {d1, d2} - {"Y", "M", "W", "D"} or "YMWD".index(d1) > "YMWD".index(d2):
        return None
    value = f"P{_fmt(first * k1)}{d1}{_fmt(second * k2)}{d2}"
    return TimeMention(m.start(), more.end(), text[m.start():more.end()], value, "duration", "absolute", None, False)


def _dur_range(text, m, prev):
    """'one to two weeks': a duration between two, which ISO 8601 cannot say in one value."""
    before = text[max(0, m.start() - 24):m.start()]
    if _AGE_AFTER.match(text, m.end()) or _AGE_BEFORE.search(before):
        return None
    lo, hi = number(m.group("dx_n1")), number(m.group("dx_n2"))
    if not lo or not hi or hi <= lo:
        return None
    return mention(m, None, "duration")


def _long_dur(text, m, prev):
    """'decade-long', 'year-long' (one unit); 'months-long' (how many, unsaid)."""
    word = m.group("ld_u").lower()
    designator, mult = tables()["units"][word]
    if word.endswith("s") and not word.endswith("ss"):
        return mention(m, None, "duration")
    return mention(m, _iso(mult, designator), "duration")


def _past_unit(text, m, prev):
    designator, mult = tables()["units"][m.group("pst_u") or m.group("pst_u2")]
    return mention(m, f"P{mult}{designator}", "duration")


def _set(text, m, prev):
    unit = (m.group("st_u") or "year").lower().rstrip("s")
    n = number(m.group("st_n")) if m.group("st_n") else 1
    if not n or n != int(n):
        return None
    return mention(m, f"P{int(n)}{unit[0].upper()}", "set")


def _per_unit(text, m, prev):
    return mention(m, f"P1{m.group('pu_u')[0].upper()}", "set")


def _month_dd_bare(text, m, prev):
    mo, d1, d2 = month_number(m.group("mdb_m")), day_number(m.group("mdb_d1")), day_number(m.group("mdb_d2"))
    if not (valid_day(2000, mo, d1) and valid_day(2000, mo, d2)) or d2 <= d1:
        return None
    return mention(m, None, "interval", anchor="narrative", relative={"month": mo, "days": [d1, d2]})


def _year_edge(text, m, prev):
    """'the end of the year': the year's last month (its first for the beginning), of the year told
    or, after this/last/next, of the document's."""
    month = 12 if m.group("ye_part").lower() in ("end", "close", "turn") else 1
    det = " ".join(m.group("ye_det").lower().split())
    if det in ("this", "last", "next"):
        return mention(m, None, anchor="narrative", relative={"month": month, "this_year": {"this": 0, "last": -1, "next": 1}[det]})
    return mention(m, None, anchor="narrative", relative={"month": month, "year_offset": 0})


def _age_told(text, m, prev):
    """'The spring I turned twelve': that season (or year) of the narrator's life, counted from the
    birth the text tells (resolve.anchor)."""
    n = _amount(m, "ag_n", ())
    if not n or n != int(n) or n > 120:
        return None
    word = m.group("ag_s").lower()
    rel = {"age": int(n)} | ({"season": tables()["seasons"][word]} if word != "year" else {})
    return mention(m, None, anchor="birth", relative=rel)


def _month_edge(text, m, prev):
    """'late last month', 'the end of the month': that part of the month told or, after this/last/
    next, of the document's month."""
    rng = part_range(m.group("me_edge") or m.group("me_part"), tables()["month_parts"])
    if rng is None:
        return None
    det = " ".join(m.group("me_det").lower().split())
    offset = {"last": -1, "next": 1}.get(det, 0)
    anchor = "dct" if det in ("this", "last", "next") else "narrative"
    return mention(m, None, "interval", anchor=anchor, relative={"unit": "month", "offset": offset, "days": list(rng)})


def _dd_month_bare(text, m, prev):
    mo, d1, d2 = month_number(m.group("ddb_m")), day_number(m.group("ddb_d1")), day_number(m.group("ddb_d2"))
    if not (valid_day(2000, mo, d1) and valid_day(2000, mo, d2)) or d2 <= d1 \
            or _AGE_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
        return None
    return mention(m, None, "interval", anchor="narrative", relative={"month": mo, "days": [d1, d2]})


def _day_ordinal(text, m, prev):
    """'on the 21st': that day of the month the story is on."""
    d = day_number(m.group("do_d"))
    if not d or not 1 <= d <= 31:
        return None
    return mention(m, None, anchor="narrative", relative={"day_of_month": d})


def _month_day(text, m, prev):
    mo, d = month_number(m.group("mdn_m")), day_number(m.group("mdn_d"))
    if not valid_day(2000, mo, d):
        return None
    return mention(m, None, anchor="narrative", relative=_year_offset(m, "mdn_of", {"month": mo, "day": d}))


def _day_month(text, m, prev):
    mo, d = month_number(m.group("dmn_m")), day_number(m.group("dmn_d"))
    if not valid_day(2000, mo, d) or _AGE_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
        return None
    return mention(m, None, anchor="narrative", relative=_year_offset(m, "dmn_of", {"month": mo, "day": d}))


def _part_month_bare(text, m, prev):
    mo = month_number(m.group("pmb_m"))
    rng = part_range(m.group("pmb_part") or m.group("pmb_in"), tables()["month_parts"])
    if rng is None:
        return None
    return mention(m, None, anchor="narrative", relative={"month": mo, "days": list(rng)})


_MONTH_PRE = re.compile(r"\b(?:in|since|by|until|till|from|through|of|during|before|after)\s+$", re.I)
_MONTH_COORD = re.compile(r"\s*(?:,|and|or|-|–|to|until|through)\s+")


def _after_a_listed_month(text, m, prev) -> bool:
    """'in May, August and November': the last month of a list, after a month just found."""
    return prev is not None and prev.end <= m.start() and prev.relative is not None and "month" in prev.relative \
        and _MONTH_COORD.fullmatch(text, prev.end, m.start()) is not None


def _month_bare(text, m, prev):
    """A month name without day or year: a month only after a preposition or in a coordination."""
    if m.group("mb_of") or m.group("mb_of_ty"):        # "November of that year", "February this year"
        return mention(m, None, anchor="narrative",
                       relative=_year_offset(m, "mb_of", {"month": month_number(m.group("mb_m"))}))
    if not (_MONTH_PRE.search(text[max(0, m.start() - 10):m.start()]) or _MONTH_COORD.match(text, m.end())
            or _after_a_listed_month(text, m, prev)):
        return None
    if _MONTH_COORD.match(text, m.end()) and not _MONTH_PRE.search(text[max(0, m.start() - 10):m.start()]):
        # "May and October 2013" yes; "March and Rally" no: a month must follow the coordination
        nxt = _MONTH_COORD.match(text, m.end())
        word = re.match(r"[A-Za-z]+", text[nxt.end():nxt.end() + 12])
        if not word or word.group().lower() not in tables()["months"]:
            return None
    return mention(m, None, anchor="narrative", relative={"month": month_number(m.group("mb_m"))})


def _holiday(text, m, prev):
    """'on New Year's Day': January 1 of the year told (calendar.yaml `holidays`)."""
    name = m.group()[:m.start("hol_y") - m.start()] if m.group("hol_y") else m.group()
    mo, d = tables()["holidays"][" ".join(name.lower().replace("’", "'").rstrip(", ").split())]
    if m.group("hol_y"):        # 'New Year's Day 2024'
        return mention(m, f"{int(m.group('hol_y')):04d}-{mo:02d}-{d:02d}")
    return mention(m, None, anchor="narrative", relative={"month": mo, "day": d})


def _day_part_told(text, m, prev):
    """'That night', 'the next morning': the day the story is on (or the one after, before)."""
    word = " ".join(m.group("dpt_d").lower().split())
    offset = {"the following": 1, "the next": 1, "the previous": -1}.get(word, 0)
    return mention(m, None, anchor="narrative", relative={"unit": "day", "offset": offset})


def _relative_bare(text, m, prev):
    """'Days later': soon after the day told; the text says only its month. 'Hours later': that day."""
    if m.group("rb_u").lower() in ("hours", "minutes"):
        return mention(m, None, anchor="narrative", relative={"unit": "day", "offset": 0})
    days = m.group("rb_u").lower() == "days"     # (a week at most after the day told: its month, or the next)
    return mention(m, None, anchor="narrative", relative={"same": True, "vague": True, **({"days_after": 7} if days else {})})


RELATIVE_RULES = {
    "relative_n": _relative_n,
    "relative_bare": _relative_bare,
    "relative_the": _relative_the,
    "unit_after": _unit_after,
    "that_time": _that_time,
    "day_part": _day_part,
    "day_part_told": _day_part_told,
    "holiday": _holiday,
    "deictic": _deictic,
    "two_days": _two_days,
    "month_dd_bare": _month_dd_bare,
    "dd_month_bare": _dd_month_bare,
    "year_edge": _year_edge,
    "month_edge": _month_edge,
    "age_told": _age_told,
    "month_day": _month_day,
    "day_ordinal": _day_ordinal,
    "day_month": _day_month,
    "same_day": _same_day,
    "vague_recent": _vague_recent,
    "weekday_on": _weekday_on,
    "set": _set,
    "per_unit": _per_unit,
    "past_unit": _past_unit,
    "dur_range": _dur_range,
    "long_dur": _long_dur,
    "duration": _duration,
    "part_month_bare": _part_month_bare,
    "month_bare": _month_bare,
}
