"""When an event happened: the time of its own clause, then of the narrative it continues,
then the document's own date for what the news reports (spec: the event section).

A time expression belongs to one predicate: to an event noun it modifies ('the 2002
summit', 'the summit in 2002'), else to the verb of the innermost clause that holds it.
"""
from __future__ import annotations

import re
from dataclasses import replace

from kankei import edtf
from kankei.spans import TimeMention

# between a time and the event noun it modifies: "2002 summit", "Thursday's meeting", "June 12 Singapore summit"
_TIME_BEFORE_NOUN = re.compile(r"(?:['’]s)?(?:\s+|-)(?:[A-Za-z][\w-]*\s+){0,3}")
# between an event noun and the time that follows it: "summit in 2002", "test of October 9"
_BY_WHOM_WHERE = (r"(?:\s+(?:by|of)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}[A-Z][\w.’'-]*(?:\s+(?:[A-Z][\w.’'-]*|of|the)){0,6}"
                  # ('the launch of two short-range ballistic missiles into the East Sea on Jan. 8')
                  r"|\s+of\s+(?:two|three|four|five|six|several|a|an|its|their)\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*s?)?"
                  r"(?:\s+(?:in|at|to|into|over|off)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})?")   # "meeting in Pyongyang in 2002"
_NOUN_THEN_TIME = re.compile(_BY_WHOM_WHERE +
                             r"(?:,?\s+(?:in|on|of|at|from|since|during|held\s+(?:in|on))\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?"
                             r"|\s*\(\s*)")     # "the Korean War (1950-1953)"
# ('a visit to Niigata later this month': a time that needs no preposition, after the place)
# (or after where it appeared: 'a report in a weekly magazine last week')
_NOUN_THEN_DEICTIC = re.compile(r"(?:" + _BY_WHOM_WHERE + r"|\s+(?:in|on)\s+(?:a|an|the)\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)"
                                r"\s+(?:(?:later|earlier)\s+)?")


def modifies_before(text: str, t: TimeMention, noun_start: int, blockers: set[int]) -> bool:
    """Whether time t, ending before an event noun, modifies it ('the 2002 summit'): only
    modifiers between them, no verb, preposition or determiner ('1955 until his death' is not)."""
    if not 0 <= noun_start - t.end <= 30:
        return False
    m = _TIME_BEFORE_NOUN.fullmatch(text, t.end, noun_start)
    if m is None:
        return False
    return not any(t.end <= v < noun_start for v in blockers)


def follows(text: str, noun_end: int, t: TimeMention) -> bool:
    """Whether time t follows an event noun through one preposition ('the summit in 2002')."""
    if 0 < t.start - noun_end <= 60 and t.text.lower().startswith(DEICTIC_OPENERS) \
            and _NOUN_THEN_DEICTIC.fullmatch(text, noun_end, t.start) is not None:
        return True     # ('the indictment last month of two suspects', 'a visit to Niigata later this month')
    return 0 < t.start - noun_end <= 60 and _NOUN_THEN_TIME.fullmatch(text, noun_end, t.start) is not None


DEICTIC_OPENERS = ("last ", "this ", "next ", "earlier this ", "later this ", "yesterday", "today",
                    "the following ", "the next ", "the previous ", "the same ", "that ")


def stretch_from(value: str | None, unit: str, n: int) -> str | None:
    """The time n units (days, weeks, months, years) from a time as precise as the unit: 'a day
    after' a day, 'two months after' a month; none from a coarser time or a period."""
    if not value or "/" in value or edtf.precision(value) != ("day" if unit in ("day", "week") else unit):
        return None
    return edtf.shift(value.rstrip("~"), unit, n)


def is_narrative(t: TimeMention) -> bool:
    """A time that puts the story on a point or a closed period (not 'since 1959', not a duration)."""
    v = t.value or ""
    return t.type in ("date", "interval") and not v.endswith("..") and not v.startswith("..")


# between two times of which the second narrows the first: 'this year, in March', '2006, on October 9'
_NARROWING = re.compile(r"\s*,?\s*(?:(?:in|on|at|of)\s+)?(?:the\s+)?")


def distinct(times: list[TimeMention], text: str = "") -> list[TimeMention]:
    """One time per value: 'on Thursday, May 3' gives one date, not two; nor does a time that
    restates the one before it in brackets ('on October 15 (New York time: October 14)'), nor
    one that the next narrows ('earlier this year, in March': March)."""
    out: list[TimeMention] = []
    seen: set[str] = set()
    for t in sorted(times, key=lambda t: t.start):
        day = (t.value or "").split("T")[0]
        if t.value in seen or day and day in seen:
            continue        # ('at 10 a.m. on April 11': one day, one occurrence)
        between = text[out[-1].end:t.start] if out and text else ""
        if out and text and 0 <= t.start - out[-1].end <= 25 and "(" in between \
                and ")" not in between[between.rindex("("):]:     # (inside the brackets, not after them)
            out[-1] = _either_day(out[-1], t)
            continue
        if out and text and _narrows(out[-1], t, text):
            out.pop()
        if out and text and _next_decade(out[-1], t, text):
            # ('abducted in the 1970s and 1980s': one long run of acts, not two occurrences)
            out[-1] = replace(out[-1], value=f"{out[-1].value}/{t.value}", end=t.end, type="interval")
            seen.add(t.value)
            continue
        seen.add(t.value)
        if day and day != t.value:
            seen.add(day)
        out.append(t)
    if len(out) > 1:
        # ('Three years later, ... Japan expanded the measures the following month': one month of
        # that year, one occurrence; the wider time only says where the narrower lies)
        out = [a for a in out if not any(b is not a and _inside(b, a) for b in out)]
    return out


def _inside(b: TimeMention, a: TimeMention) -> bool:
    """Whether b's time lies strictly inside a's."""
    ba, bb = edtf.bounds(a.value) if a.value else None, edtf.bounds(b.value) if b.value else None
    return ba is not None and bb is not None and ba != bb and ba[0] <= bb[0] and bb[1] <= ba[1] \
        and "/" not in (a.value or "")


_DECADE = re.compile(r"\d{3}X")
_AND_ONLY = re.compile(r"\s*(?:,\s*)?and\s+(?:the\s+)?")


def _next_decade(a: TimeMention, b: TimeMention, text: str) -> bool:
    """'the 1970s and 1980s': two decades, one right after the other, joined by 'and'."""
    va, vb = a.value or "", b.value or ""
    return bool(_DECADE.fullmatch(va) and _DECADE.fullmatch(vb)) and int(vb[:3]) == int(va[:3]) + 1 \
        and _AND_ONLY.fullmatch(text, a.end, b.start) is not None


def _either_day(a: TimeMention, b: TimeMention) -> TimeMention:
    """'on October 15 (New York time: October 14)': the day it was where it happened is one of
    the two the text gives, the next to each other: both."""
    va, vb = a.value or "", b.value or ""
    if edtf.precision(va) != "day" or edtf.precision(vb) != "day" or va == vb:
        return a
    lo, hi = min(va, vb), max(va, vb)
    if edtf.shift(lo, "day", 1) != hi:
        return a
    return replace(a, value=f"{lo}/{hi}", type="interval")


def _narrows(a: TimeMention, b: TimeMention, text: str) -> bool:
    """Whether time b, right after a, names a part of a ('this year, in March')."""
    if not 0 <= b.start - a.end <= 8 or _NARROWING.fullmatch(text, a.end, b.start) is None:
        return False
    ba, bb = edtf.bounds(a.value), edtf.bounds(b.value)
    return ba is not None and bb is not None and ba[0] <= bb[0] and bb[1] <= ba[1] and ba != bb
