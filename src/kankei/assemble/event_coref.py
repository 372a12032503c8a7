"""One occurrence told several times in a document (the headline, the lede, 'the summit'
later) is one event with several mentions.

Two mentions are one occurrence when they have the same type, their dates can be the same
(equal, one inside the other, or one of them undated) and they share an actor without
naming different agents. The mention kept is the most informative: dated by its own
clause, then with the most participants, then the first in the body.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from kankei import edtf
from kankei.analyze.lemmatize import rule_lemma
from kankei.assemble.event_dates import SPEECH_ACTS
from kankei.assemble.event_parts import state_of
from kankei.assemble.triggers import word_sets
from kankei.resolve.datelines import opens_with_dateline

if TYPE_CHECKING:
    from kankei.assemble.events import Event


_RECENT = 40
_PARAGRAPH = re.compile(r"\n\s*\n")


def _compatible_dates(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    if a == b:
        return True
    ba, bb = edtf.bounds(a), edtf.bounds(b)
    if ba is None or bb is None:
        return False
    return ba[0] <= bb[0] and bb[1] <= ba[1] or bb[0] <= ba[0] and ba[1] <= bb[1]


_ONCE_FOR_A_PERSON = frozenset({"abduct"})
_ONCE_A_DAY = frozenset({"weapons_test", "meet", "legal"})


def _flight(ev: Event) -> bool:
    """Whether a weapons test is told by the weapon's flight ('flew', 'fell', 'landed')."""
    word = ev.text.split()[0].lower()
    return rule_lemma(word, "VBG" if word.endswith("ing") else "VBD") in word_sets()["weapon_motion"]


def _persons(ev: Event, role: str) -> set[str]:
    return {p["entity"] for p in ev.participants if p["role"] == role and p["entity"].startswith("person:")}


def _actors(ev: Event, role: str | None = None) -> set[str]:
    return {p["entity"] for p in ev.participants if p["role"] != "location" and (role is None or p["role"] == role)}


def same_occurrence(a: Event, b: Event, paragraphs: list[int] | None = None, body_start: int = 0) -> bool:
    if a.type != b.type or a.modality != b.modality or a.apart or b.apart:
        return False        # ('a day after the North fired ...': another launch than the day's)
    if a.sentence is not None and a.sentence == b.sentence:
        # 'will lift the ban, ease the rules': two measures, not one told twice; but 'was fired ...
        # and flew 450 km' tells one launch and its flight
        return a.type == "weapons_test" and a.date == b.date and (_flight(a) or _flight(b))
    if a.type in _ONCE_FOR_A_PERSON and _persons(a, "patient") & _persons(b, "patient") \
            and (a.dated_by != "clause" or b.dated_by != "clause" or a.date == b.date):
        # 'she was abducted from her country' and, paragraphs on, 'in 1978 someone smuggled her
        # to North Korea': a person is abducted once; the dated telling dates it
        return True
    headline = min(a, b, key=lambda ev: ev.start)
    # a headline dated only by the page tells what the body dates ('Pyongyang returned the ashes')
    by_page = headline.start < body_start and headline.dated_by in ("document", None)
    if not by_page and not _compatible_dates(a.date, b.date):
        return False
    if (a.date is None) != (b.date is None) and paragraphs is not None:
        # an undated telling is a repetition only in the dated one's paragraph, or in the headline
        first, second = (a, b) if a.start < b.start else (b, a)
        if first.start >= body_start and bisect_left(paragraphs, first.end) != bisect_left(paragraphs, second.start):
            return False
    if a.date is None and b.date is None and a.dated_by is None and b.dated_by is None:
        return False        # two undated mentions: nothing says they are one
    agents_a, agents_b = _actors(a, "agent"), _actors(b, "agent")
    if agents_a and agents_b and not agents_a & agents_b and not (
            headline.start < body_start and _states(agents_a) == _states(agents_b) != {None}):
        # (a headline names the doer loosely: 'Police may search ...' over the Tokyo police's search)
        return False
    if headline.start < body_start and not _actors(headline) and a.date and b.date and a.type != "statement":
        return True     # ('the pushes fell through in 1990-91' over the story: its 'failed' later, the same)
    if a.date != b.date and a.time is not None and b.time is not None \
            and not (a.type == "meet" and "/" in (a.date or "") and "/" in (b.date or "")):
        # each dated in its own clause, differently (but a gathering of some days told within
        # a stretch that holds them is the one gathering: 'the plenum (Dec. 26-30)' and 'a meeting
        # held in late December')
        return False
    shared = _actors(a) & _actors(b)
    if a.type == "statement":
        return bool(agents_a & agents_b)    # what one speaker said is not what another said
    patients_a, patients_b = _actors(a, "patient"), _actors(b, "patient")
    one_day = bool(a.date and a.date == b.date and edtf.precision(a.date) == "day") and a.type in _ONCE_A_DAY \
        and a.modality == "asserted" and "clause" in (a.dated_by, b.dated_by) \
        and not (patients_a and patients_b and not patients_a & patients_b)
    # ('launched a missile early on Wednesday ... The missile was fired from near the coast':
    # one launch, one arrest, one meeting of a day, told again in other words)
    return bool(shared) or _same_word(a.text, b.text) and bool(a.date and a.date == b.date) or one_day


def _states(entities: set[str]) -> set[str | None]:
    """The states of actors, an organ of a government counting as its state's."""
    from kankei.recognize.gazetteer import gazetteer
    entries = gazetteer().entries
    organs = {e: getattr(entries.get(e), "organ_of", None) for e in entities}
    return {state_of(e) or (state_of(organ) if organ else None) for e, organ in organs.items()}


def _same_word(a: str, b: str) -> bool:
    """One word told twice, as a verb and as its noun ('rescued ... Sunday's rescue', 'met ... the meeting'
    are not: a stem of five letters at least)."""
    a, b = a.lower().split()[0], b.lower().split()[0]
    if a == b:
        return True
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    return k >= 5 and k >= min(len(a), len(b)) - 2


def _rank(ev: Event, body_start: int) -> tuple:
    """The first telling in the body stands for the occurrence (the lede, not the headline)."""
    return (ev.start >= body_start, -ev.start)


def merge_mentions(events: list[Event], text: str) -> list[Event]:
    """The events with repeated mentions merged, each kept event listing the others' spans."""
    if len(events) < 2:
        return events
    body_start = _body_start(text)
    paragraphs = [m.start() for m in _PARAGRAPH.finditer(text)]     # where paragraphs break
    groups: list[list[Event]] = []
    by_type: dict[str, list[list[Event]]] = {}      # (only events of one type can be one occurrence)
    for ev in events:
        candidates = by_type.setdefault(ev.type, [])
        # the headline's tellings and the latest few of the type: a repetition is told near its
        # first telling or in the headline, and the comparison stays linear in a long document
        recent = candidates if len(candidates) <= _RECENT else \
            [g for g in candidates[:_RECENT] if g[0].start < body_start] + candidates[-_RECENT:]
        if ev.antecedent is not None:
            told = next((g for g in reversed(candidates) if any(x is ev.antecedent for x in g)), None)
            if told is not None:
                told.append(ev)         # 'during this summit': the summit told before
                continue
        for g in recent:
            # (its first and its latest telling stand for a group: a long one is not compared whole)
            if all(same_occurrence(ev, other, paragraphs, body_start) for other in (g[0], g[-1])):
                g.append(ev)
                break
        else:
            groups.append([ev])
            candidates.append(groups[-1])
    groups = _headline_speech_into_body(groups, body_start)
    out = []
    for g in groups:
        best = max(g, key=lambda ev: _rank(ev, body_start))
        if len(g) > 1:
            best.repeats = [ev for ev in g if ev is not best]
            if not best.participants:       # a telling that names no one takes who another names
                best.participants = list(next((ev.participants for ev in best.repeats if ev.participants), []))
            # the date its own clause gives, the most precise of the tellings
            dated = [ev for ev in g if ev.date and ev.dated_by == "clause"] or [ev for ev in g if ev.date]
            if dated:
                finest = min(dated, key=lambda ev: _width(ev.date))
                best.date, best.dated_by, best.time = finest.date, finest.dated_by, finest.time
            for ev in best.repeats:     # one occurrence, one date, the same people
                ev.date = best.date
                if not ev.participants:
                    ev.participants = list(best.participants)
                elif ev.antecedent is None:
                    # ('The missile was fired from near Pyongyang': who fired it, as first told)
                    roles = {p["role"] for p in ev.participants}
                    held = {p["entity"] for p in ev.participants}
                    ev.participants = ev.participants + [p for p in best.participants if p["role"] in ("agent", "patient")
                                                         and p["role"] not in roles and p["entity"] not in held]
                elif ev.antecedent is not None:
                    # ('During this summit, Kim apologized': the summit is Koizumi's with Kim, as told)
                    known = {p["entity"] for p in best.participants}
                    ev.participants = list(best.participants) + [p for p in ev.participants if p["entity"] not in known]
        out.append(best)
    out.sort(key=lambda ev: (ev.start, ev.end))
    return out


def _headline_speech_into_body(groups: list[list[Event]], body_start: int) -> list[list[Event]]:
    """'Kim Yo-jong says Japan will become a target' over 'Kim Yo-jong said this Monday ...': a
    headline's act of speech is the first the body tells of the same speaker on a day it can be,
    whatever kind of speech each is read as."""
    out = []
    for k, g in enumerate(groups):
        if body_start and all(ev.start < body_start for ev in g) and g[0].type in SPEECH_ACTS:
            agents = _actors(g[0], "agent")
            into = next((h for h in groups[k + 1:] if h[0].start >= body_start and h[0].type in SPEECH_ACTS
                         and agents & _actors(h[0], "agent") and h[0].modality == g[0].modality
                         and (g[0].dated_by in ("document", None) or _compatible_dates(g[0].date, h[0].date))),
                        None) if agents else None
            if into is not None:
                into.extend(g)
                continue
        out.append(g)
    return out


def _width(value: str) -> int:
    b = edtf.bounds(value)
    if b is None:
        return 1 << 30
    return (int(b[1][:4]) - int(b[0][:4])) * 400 + (int(b[1][5:7]) - int(b[0][5:7])) * 31 \
        + int(b[1][8:10]) - int(b[0][8:10])


_DATE_LINE = re.compile(r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}"
                        r"|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|\d{4}-\d{2}-\d{2})")
_STAMP = re.compile(r"\s*(?:page\s+)?(?:last\s+)?(?:updated|published|posted)\b", re.I)


def _ends_sentence(line: str) -> bool:
    """Whether a line ends as a sentence does, not as a title ('... if it "infringes on its
    sovereignty"' is a title that ends in a quotation)."""
    if line.endswith(("\"", "”", "’", "'")):
        line = line[:-1].rstrip()
    return line.endswith((".", "!", "?", ","))


def _body_start(text: str) -> int:
    """Where the body begins: after the headline, a line of its own at the top without a final period
    (after a 'Page last updated ...' stamp line, if the page opens with one)."""
    at = 0
    first = text.find("\n")
    if first >= 0 and _STAMP.match(text, 0, first):
        at = first + 1
        while text.startswith("\n", at):
            at += 1
        first = text.find("\n", at)
    if first < 0:
        return 0
    line = text[at:first].strip()
    # (a headline may ask: 'Why has X blocked Y twice?' over a blank line)
    start = first if line and len(line) < 200 and (not _ends_sentence(line) or line.endswith("?")
                                                   and text.startswith("\n\n", first)) else 0
    # what stands over a dateline is a headline ('Police may search ... Wed.' over 'TOKYO, Nov. 27
    # Kyodo'): the body begins at the dateline
    pos = at
    for _ in range(8):
        end = text.find("\n", pos)
        if end < 0 or len(text) - pos < 1:
            break
        if pos > at and opens_with_dateline(text, pos, end):
            return pos
        pos = end + 1
    # a title, a deck and then a line that is only the date: the body begins after the date
    pos = at
    for _ in range(8):
        end = text.find("\n", pos)
        if end < 0:
            break
        line = text[pos:end].strip()
        if _DATE_LINE.fullmatch(line):
            return end
        if line.endswith((".", "!", "?")) or len(line) > 200:
            break
        pos = end + 1
    # (and a deck under it, a line of its own with no final period: 'Ever since the two pushes fell
    # through in 1990-91, relations have remained bogged down')
    if start:
        nxt = start
        while text.startswith("\n", nxt):
            nxt += 1
        for _ in range(3):
            end = text.find("\n", nxt)
            line = text[nxt:end if end >= 0 else len(text)].strip()
            if end < 0 or not line or _ends_sentence(line) or len(line) > 250 or _DATE_LINE.fullmatch(line):
                break
            start = end
            nxt = end + 1
            while text.startswith("\n", nxt):
                nxt += 1
    return start
