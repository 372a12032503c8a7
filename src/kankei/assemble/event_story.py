"""What a story as a whole tells its events, over and above their own sentences: the doer it
implied (an abduction by the side it said abducts, an arrest by the police it named), the day
of the statement a report goes by, the speakers a later sentence can name, and one id per event."""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from functools import lru_cache

from kankei.assemble.event_dates import SPEECH_ACTS
from kankei.assemble.event_record import Event
from kankei.assemble.triggers import word_sets
from kankei.spans import EntityMention


def unique_ids(events: list[Event]) -> None:
    """Two events of one type on the same words in one sentence ('X told a, and Y told b'): the
    second and later keep content-derived ids, told apart by where the words stand in the
    sentence (the first keeps its own, so that judgements made on it stay with it)."""
    seen: set[str] = set()
    for ev in events:
        if ev.id in seen:
            at = ev.start - (ev.sentence[0] if ev.sentence else 0)
            ev.id = "event:" + hashlib.sha1(f"{ev.id}#{at}".encode()).hexdigest()[:16]
        seen.add(ev.id)


# Kinds of act a story tells as one thread, done by one side: an abduction told with no doer
# named is done by whoever the story last said did that kind of act.
_THREAD_REACH = 2500     # characters: a few paragraphs


def doers_of_the_story(events: list[Event], threaded: frozenset[str] = frozenset({"abduct"})) -> None:
    """'North Korea abducted 13 Japanese in the 1970s ... Megumi Yokota was kidnapped in 1977':
    the kidnapping with no doer named is the North's, as the story told (from the same kind of
    act told shortly before, with its doer named); so is 'a rocket launch' after its nuclear test."""
    last: dict[str, Event] = {}
    for ev in events:
        if ev.type not in threaded or ev.modality != "asserted":
            continue
        agents = [p for p in ev.participants if p["role"] == "agent"]
        if agents and all("via" not in p and p["entity"].startswith(("country:", "gov:")) for p in agents):
            last[ev.type] = ev
        elif not agents and (before := last.get(ev.type)) is not None and ev.start - before.end < _THREAD_REACH \
                and (ev.type != "abduct" or any(p["role"] == "patient" and p["entity"].startswith("person:")
                                                for p in ev.participants)):
            known = {p["entity"] for p in ev.participants}
            ev.participants = ev.participants + [dict(p, via="context") for p in before.participants
                                                 if p["role"] == "agent" and p["entity"] not in known]


def parties_of_accords(events: list[Event]) -> None:
    """'The Stockholm agreement was announced', 'the declaration was signed': an accord told by its
    name, with no one named who made it, was made by the parties the knowledge lists for it."""
    from kankei.recognize.gazetteer import gazetteer
    entries = gazetteer().entries
    for ev in events:
        if ev.type != "agree" or any(p["role"] == "agent" for p in ev.participants):
            continue
        known = {p["entity"] for p in ev.participants}
        for p in ev.participants:
            entry = entries.get(p["entity"]) if p["entity"].startswith("document:") else None
            if entry is not None and entry.parties:
                ev.participants = ev.participants + [{"role": "agent", "entity": x, "via": "parties"}
                                                     for x in entry.parties if x not in known]
                break


_GENERIC_ENFORCERS = frozenset({"official", "officials", "authorities", "security", "officer", "officers"})


def _enforces(name: str) -> bool:
    """Whether a body's name says it holds people by law ('Metropolitan Police Department',
    'Japan Coast Guard'), by a word of `law_enforcers` that is not a generic one."""
    holders = _named_enforcers()
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", name)}
    return bool(words & holders) or " ".join(name.lower().split()[-2:]) in holders


@lru_cache(maxsize=1)
def _named_enforcers() -> frozenset[str]:
    return word_sets()["law_enforcers"] - _GENERIC_ENFORCERS


def enforcers_of_the_story(events: list[Event], ents: list[EntityMention]) -> None:
    """'Osaka police searched the firm on Monday ... Its president was arrested': an arrest or a
    detention told with no doer is by the police the story named last (a few paragraphs back)."""
    enforcers = [m for m in ents if m.type == "organization" and _enforces(m.name or m.text)]
    if not enforcers:
        return
    starts = [m.start for m in enforcers]
    for ev in events:
        if ev.type != "legal" or ev.modality != "asserted" or any(p["role"] == "agent" for p in ev.participants) \
                or not any(p["role"] == "patient" and p["entity"].startswith("person:") for p in ev.participants):
            continue
        k = bisect_left(starts, ev.start) - 1
        if k >= 0 and ev.start - enforcers[k].end < _THREAD_REACH:
            m = enforcers[k]
            ev.participants = ev.participants + [{"role": "agent", "entity": m.entity, "start": m.start,
                                                  "end": m.end, "via": "context"}]



_ACCORDING_TO = re.compile(r"\baccording\s+to\s+(?:the|that|this|its|their)\s+(?:[\w-]+\s+){0,2}?(\w+)\b", re.I)


def according_to_told(told: list[Event], text: str, s: int, e: int, last_of_type: dict[str, Event]) -> None:
    """'..., according to the statement': what a document told before says was done has that
    document's day when its own clause gives it none (not the day of the report)."""
    m = _ACCORDING_TO.search(text, s, e)
    if m is None:
        return
    source = last_of_type.get(m.group(1).lower())
    if source is None or source.start >= s or source.type != "statement" or not source.date:
        return
    for ev in told:
        if ev.dated_by == "document" and ev.start < m.start():
            ev.date, ev.dated_by = source.date, "narrative"



def recent_speakers(events: list[Event], text: str) -> list[tuple[int, str, EntityMention]]:
    """The last acts of speech told that name one speaker, each with its sentence up to its verb
    (lower case), latest last: who made 'the commentary' is the first whose sentence told of a
    commentary before its verb ('In a commentary, KCNA said ...')."""
    out = []
    for ev in events[-8:]:
        if ev.type in SPEECH_ACTS and ev.sentence is not None:
            agents = [p for p in ev.participants if p["role"] == "agent" and p.get("start") is not None
                      and "via" not in p]
            if len(agents) == 1:
                out.append((ev.sentence[0], text[ev.sentence[0]:ev.start].lower(), _as_mention(agents[0], text, "speaker")))
    return out


def _as_mention(p: dict, text: str, how: str) -> EntityMention:
    """A participant of an event told before, as a mention of its actor a later sentence can name."""
    kind = p["entity"].split(":", 1)[0]
    return EntityMention(p["start"], p["end"], text[p["start"]:p["end"]], p["entity"], "",
                         {"person": "person", "country": "country"}.get(kind, "organization"), how)


def recent_doers(events: list[Event], text: str) -> list[EntityMention]:
    """The agents of the last events told, latest last: whom a protest or a measure that names
    no one answers ('North Korea fired ... Tokyo lodged a protest')."""
    out = []
    for ev in events[-6:]:
        for p in ev.participants:
            kind = p["entity"].split(":", 1)[0]
            if p["role"] == "agent" and p.get("start") is not None and kind in ("country", "gov"):
                out.append(_as_mention(p, text, "doer"))
    return out
