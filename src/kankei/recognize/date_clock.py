"""Clock times ("14:15 GMT", "11 p.m.", "0600GMT", "noon") and mail-header dates.

A clock time says the hour, not the day: it comes back relative (`{"clock": "14:15:00",
"zone": ...}`) and `resolve.anchor` gives it the day the text puts next to it, or the day
narrated, or the document's; its value is then an EDTF date-time (`2009-06-16T14:15:00Z`).
How a zone's offset is written is data (`time_zones` in calendar.yaml).
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from kankei.recognize.date_grammar import calendar_words
from kankei.recognize.date_values import _point, day_number, mention, month_number, valid_day


def _hour(h: int, ampm: str | None) -> int | None:
    """24-hour clock from 12-hour: '12 a.m.' is midnight, '12 p.m.' noon."""
    if not ampm:
        return h
    if not 1 <= h <= 12:
        return None
    pm = ampm[0] in "pP"
    return (h % 12) + (12 if pm else 0)


def _zone(word: str | None) -> str:
    return calendar_words()["time_zones"].get(word, "local") if word else "local"


def _clock_mention(m: re.Match, h: int | None, minute: int, second: int, zone: str):
    if h is None:
        return None
    return mention(m, None, anchor="narrative", relative={"clock": f"{h:02d}:{minute:02d}:{second:02d}", "zone": zone})


def _clock(text, m, prev):
    h = _hour(int(m.group("ck_h")), m.group("ck_ap"))
    return _clock_mention(m, h, int(m.group("ck_m")), int(m.group("ck_s") or 0), _zone(m.group("ck_z")))


def _clock_ampm(text, m, prev):
    return _clock_mention(m, _hour(int(m.group("ca_h")), m.group("ca_ap")), 0, 0, _zone(m.group("ca_z")))


def _clock_mil(text, m, prev):
    return _clock_mention(m, int(m.group("cm_h")), int(m.group("cm_m")), 0, _zone(m.group("cm_z")))


def _clock_word(text, m, prev):
    h, minute = map(int, calendar_words()["clock_words"][m.group("cw_w").lower()].split(":"))
    return _clock_mention(m, h, minute, 0, "local")


def _ctime(text, m, prev):
    y, mo, d = int(m.group("cd_y")), month_number(m.group("cd_m")), day_number(m.group("cd_d"))
    return mention(m, _point(y, mo, d)) if valid_day(y, mo, d) else None


CLOCK_RULES = {
    "clock": _clock,
    "clock_ampm": _clock_ampm,
    "clock_mil": _clock_mil,
    "clock_word": _clock_word,
    "ctime": _ctime,
}


def _last_sunday(y: int, month: int) -> date:
    d = date(y, month + 1, 1) - timedelta(days=1)
    return d - timedelta(days=(d.weekday() + 1) % 7)


def offset(zone: str, y: int, m: int, d: int) -> str:
    """How the zone's offset is written after a time on that day ('' for local time)."""
    if zone == "local":
        return ""
    if zone == "uk":        # British Summer Time, by the rule in force since 1996
        return "+01:00" if _last_sunday(y, 3) <= date(y, m, d) < _last_sunday(y, 10) else "Z"
    return zone


def date_time(day: str, rel: dict) -> str | None:
    """'2009-06-16' and {"clock": "14:15:00", "zone": "Z"} -> '2009-06-16T14:15:00Z'."""
    parts = day.split("-")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    y, m, d = map(int, parts)
    return f"{day}T{rel['clock']}{offset(rel['zone'], y, m, d)}"
