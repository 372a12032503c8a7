"""What a document's form and its speaker tell its events: the date a chronology's line opens
with, a threat with no event word, what a statement does, the government an official text
speaks for, questions that tell nothing, and letters and dispatches in the notes."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from kankei.assemble.event_parts import government_at, state_of
from kankei.assemble.event_record import Event, event_id
from kankei.knowledge import load
from kankei.recognize.gazetteer import gazetteer
from kankei.spans import EntityMention, TimeMention

_CORRESPONDENCE = re.compile(r"(?P<a>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2})\s+to\s+(?P<b>[A-Z][\w'’./-]+(?:\s+[A-Z][\w'’.-]+){0,3}),\s*$")
_DISPATCH = re.compile(r"\b(?:letter|memorandum|memo|telegram|cable|note verbale|minutes|report|bulletin|diary|aide-m[ée]moire)\b", re.I)


_CONDITION = re.compile(r"\b(?:[Ii]f|[Uu]nless|[Ww]hen)\b")
_FUTURE = re.compile(r"\b(?:will|would|shall)\b|'ll\b")


def conditional_future(text: str, s: int, e: int) -> bool:
    """Whether a sentence may hold a threat with no event word ('will not remain a passive
    onlooker if ...'): a condition and a future (the reader decides)."""
    return _CONDITION.search(text, s, e) is not None and _FUTURE.search(text, s, e) is not None


_SPEECH_CONTENT = frozenset({"accuse", "threaten", "demand", "reject"})


def content_of_statements(told: list[Event], own_subjects: set[int] = frozenset(),
                          carried: set[int] = frozenset()) -> None:
    """'released a statement on Friday denouncing Japan', 'a letter urging talks': an undated act
    of speech with no one doing it, after a statement in its sentence, is what that statement
    does: its day and its speaker (not an act whose clause has its own subject, at own_subjects).
    An act a message carries ('issued a statement rejecting talks on Tuesday', at carried) gives
    its own time to the message if the message has none of its own."""
    for ev in told:
        if ev.start in own_subjects or ev.type not in _SPEECH_CONTENT or any(p["role"] == "agent" for p in ev.participants):
            continue
        said = next((x for x in reversed(told) if x.start < ev.start and x.type == "statement" and x.date), None)
        if said is None:
            continue
        if ev.date is None:
            ev.date, ev.dated_by = said.date, said.dated_by
        elif ev.start not in carried:
            continue
        elif ev.dated_by == "clause" and said.dated_by != "clause":
            said.date, said.dated_by, said.time = ev.date, ev.dated_by, ev.time
        ev.participants = [p for p in said.participants if p["role"] == "agent"] + list(ev.participants)


_ENTRY_MARK = re.compile(r"\)?\s*(?:[:–—]|-(?!\w))")


def entry_time(text: str, s: int, times: list[TimeMention], starts: list[int]) -> TimeMention | None:
    """The date a chronology's line opens with ('1959 Dec. 14:', '2006 (Oct. 9) –'): the time of
    every event told on that line that has none of its own, whatever the tense."""
    line = text.rfind("\n", 0, s) + 1
    while line < s and text[line] in " \t":
        line += 1
    k = bisect_left(starts, line)
    if k == len(times) or times[k].start != line or text.find("\n", line, s) >= 0:
        return None
    return times[k] if _ENTRY_MARK.match(text, times[k].end) else None


_QUESTION = re.compile(r"\s*(?:Q\s*[:.]\s*)?(?:has|have|had|did|does|do|is|are|was|were|will|would|can|could|should)\b",
                       re.IGNORECASE)


def yes_no_question(text: str, s: int, e: int) -> bool:
    return text[s:e].rstrip().endswith("?") and _QUESTION.match(text, s) is not None


def issuer_of(ents: list[EntityMention], text: str) -> EntityMention | None:
    """The government an official document speaks for: the one it names most, else the one
    whose office it names ('Announcement by the Chief Cabinet Secretary')."""
    if (header := _organ_in_header(ents)) is not None:
        return header       # ('Press Conference by the Press Secretary, Ministry of Foreign Affairs')
    counts: dict[str, int] = {}
    for m in ents:
        if m.entity.startswith("gov:"):
            counts[m.entity] = counts.get(m.entity, 0) + 1
    if not counts:
        # (a statement that names no government but its state: 'the Government' is that state's)
        return _office_issuer(text) or (_default_state_named(ents) if OFFICIAL.search(text) else None)
    best = max(counts, key=counts.__getitem__)
    if counts[best] == 1 and (default := _default_state_named(ents)) is not None and default.entity != best:
        return default     # (one passing mention of another state's government is no issuer)
    return next(m for m in ents if m.entity == best)


def _organ_in_header(ents: list[EntityMention]) -> EntityMention | None:
    """The government of a state organ named in a document's first lines, which issued it."""
    entries = gazetteer().entries
    for m in ents:
        if m.start > _HEADER:
            break
        gov = getattr(entries.get(m.entity), "organ_of", None)
        if gov is not None:
            entry = entries.get(gov)
            return EntityMention(m.start, m.end, m.text, gov, entry.name if entry else gov, "organization", how="issuer")
    return None


_HEADER = 300       # characters: a title, a byline, a date line


def _default_state_named(ents: list[EntityMention]) -> EntityMention | None:
    """The knowledge's default government (doc_cues.yaml), where the document names its state."""
    gov = load("doc_cues").get("default_government")
    state = gov.partition(":")[2] if gov else None
    named = next((m for m in ents if state and state_of(m.entity) == state and m.entity.startswith(("gov:", "country:"))),
                 None)
    return government_at(named, "context") if named is not None else None


# an official document's register: "the Government" capitalized inside a sentence
OFFICIAL = re.compile(r"[a-z,;] the Government\b")
_MEASURES = frozenset({"sanction", "ease"})


def measures_of_the_issuer(events: list[Event], issuer: EntityMention) -> None:
    """In an official statement, a measure no one is said to take is the issuing government's
    ('the ban on imports ... will be extended')."""
    for ev in events:
        if ev.type in _MEASURES and not any(p["role"] == "agent" for p in ev.participants):
            ev.participants = [{"role": "agent", "entity": issuer.entity, "start": issuer.start, "end": issuer.end,
                                "via": "issuer"}, *ev.participants]


def narrator_of(text: str, ents: list[EntityMention]) -> EntityMention | None:
    """The person who writes in the first person, named in the document's first lines after a
    word of `narrator_cues` ('From the notebooks of Yang Chang-sik') or as the author of the
    work an excerpt is cited from ('From Chapter 3, ..., in Song Mi-ok, Letters from ...')."""
    head_end = text.find("\n\n", 0, _NARRATOR_HEAD)
    head_end = _NARRATOR_HEAD if head_end < 0 else head_end
    for m in ents:
        if m.start >= head_end:
            break
        if m.type != "person":
            continue
        before = text[max(0, m.start - 30):m.start].lower()
        if _narrator_cue().search(before) or _CITED_FROM.search(text, 0, m.start) and text.startswith(",", m.end):
            return m
    return None


_NARRATOR_HEAD = 400


def author_body_of(text: str, ents: list[EntityMention]) -> EntityMention | None:
    """The organization a statement speaks for in its 'we': one named on a line of its own in
    the document's first lines ('Lawyers' Network for ... (Fukuoka)' between title and date)."""
    head_end = min(len(text), _NARRATOR_HEAD)
    for m in ents:
        if m.start >= head_end:
            break
        if m.type != "organization" or m.entity.startswith("gov:"):
            continue
        line_start = text.rfind("\n", 0, m.start) + 1
        line_end = text.find("\n", m.end)
        line = _BRACKETED.sub("", text[line_start:len(text) if line_end < 0 else line_end])
        # (the whole line, or most of it from its start: 'Tsubaki Association of Families of
        # Returnees | to North Korea', a known name cutting the body's name short)
        if len(m.text) >= 0.6 * len(line.strip()) and (line.strip().endswith(m.text[-4:]) or m.start == line_start):
            return m
    return None


def addressee_of(text: str, ents: list[EntityMention]) -> EntityMention | None:
    """Whom a letter is written to: the person or body named on its 'To ...' or 'Dear ...' line
    near the top ('To the Honourable Sanae Takaichi'), the 'you' of the letter."""
    for m in _ADDRESS.finditer(text, 0, _NARRATOR_HEAD * 2):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        named = next((x for x in ents if m.end() <= x.start < line_end and x.type in ("person", "organization")), None)
        if named is not None:
            return named
    return None


_ADDRESS = re.compile(r"(?m)^[ \t]*(?:To:?|Dear)\s+(?=\S)")
_BRACKETED = re.compile(r"\s*\([^)\n]*\)\s*$")
# ('From Chapter 3, "The Night Train," in Song Mi-ok, ...': the author of the book cited)
_CITED_FROM = re.compile(r"^From\b[^\n]{0,120}\bin\s+$")


@lru_cache(maxsize=1)
def _narrator_cue() -> re.Pattern:
    cues = load("doc_cues").get("narrator_cues") or []
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\s+(?:the\s+late\s+)?$")


def home_government(ents: list[EntityMention], text: str = "") -> EntityMention | None:
    """The government of the state a news story is filed from ('TOKYO, Nov. 12 (Kyodo) --'), or of
    the outlet its header names ('The Yomiuri Shimbun, November 16, 2023' over a story from New
    York): whom 'the government' means when the story names none."""
    dateline = next((m for m in ents if m.how == "dateline"), None)
    if text and (state := _outlet_state(text, dateline.start if dateline is not None else _HEADER)) is not None:
        gov = f"gov:{state}"
        entry = gazetteer().entries.get(gov)
        if entry is not None:
            return EntityMention(0, 0, "", gov, entry.name, "organization", how="dateline")
    return government_at(dateline, "dateline")


def _outlet_state(text: str, before: int) -> str | None:
    """The state of an outlet named in a header line before the story (not in a dateline's brackets)."""
    any_outlet, outlets = _outlet_patterns()
    for line in text[:min(before, _HEADER)].splitlines():
        if "(" in line or any_outlet.search(line) is None:
            continue
        for pattern, state in outlets:       # (the first outlet in the file's order, as before)
            if pattern.search(line):
                return state
    return None


@lru_cache(maxsize=1)
def _outlet_patterns() -> tuple[re.Pattern, list[tuple[re.Pattern, str]]]:
    """One pattern per outlet, compiled once, and their alternation: a line none of them matches
    is passed in one search, not one per outlet."""
    outlets = load("doc_cues").get("outlet_states") or {}
    names = [re.escape(name) for name in outlets]
    # (an alternation matches where one of its branches does, \b and all: the same lines pass)
    return (re.compile(rf"\b(?:{'|'.join(names)})\b" if names else r"(?!)"),
            [(re.compile(rf"\b{n}\b"), state) for n, state in zip(names, outlets.values(), strict=True)])


def _office_issuer(text: str) -> EntityMention | None:
    gaz = gazetteer()
    offices = gaz.issuing_offices
    if not offices:
        return None
    m = _office_pattern(tuple(sorted(offices))).search(text)
    if m is None:
        return None
    gov = offices[m.group()]
    entry = gaz.entries.get(gov)
    return EntityMention(m.start(), m.end(), m.group(), gov, entry.name if entry else gov,
                         entry.type if entry else "organization", how="issuer")


@lru_cache(maxsize=4)
def _office_pattern(titles: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True)) + r")\b")


def note_events(text, doc, s, e, times, ents) -> list[Event]:
    """Letters and dispatches in the notes: 'A to B, <date>' and 'Memorandum for X, <date>'."""
    out = []
    for tm in times:
        if tm.type == "interval":
            continue        # a dossier's or a box's range of dates is no letter sent
        seg_start = max(text.rfind(";", s, tm.start) + 1, text.rfind("]", s, tm.start) + 1, s)
        before = text[seg_start:tm.start]
        m = _CORRESPONDENCE.search(before)
        if m:
            ts, te = seg_start + m.start(), seg_start + m.end("b")
        else:
            d = _DISPATCH.search(before)
            if not d:
                continue
            ts, te = seg_start + d.start(), seg_start + d.end()
        ev = Event(id=event_id(doc, "statement", text[ts:te], text[seg_start:tm.end]), type="statement",
                   date=tm.value, start=ts, end=te, text=text[ts:te], time=(tm.start, tm.end), sentence=(s, e),
                   dated_by="clause")
        local = [x for x in ents if seg_start <= x.start and x.end <= tm.start]
        if m:
            a_end = seg_start + m.end("a")
            for x in local:
                role = "agent" if x.end <= a_end else "patient"
                ev.participants.append({"role": role, "entity": x.entity, "start": x.start, "end": x.end})
        else:
            for x in local:
                ev.participants.append({"role": "patient", "entity": x.entity, "start": x.start, "end": x.end})
        out.append(ev)
    return out
