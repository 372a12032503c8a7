"""Event nouns pointed at: 'this summit', 'these talks' (an occurrence told before), and 'that
decision' (the act decided just before, whatever its type)."""
from __future__ import annotations

import re

from kankei.assemble.event_reading import Reading
from kankei.assemble.event_record import Event
from kankei.assemble.event_scan import SentenceScan
from kankei.assemble.triggers import word_sets

_DEMONSTRATIVE = re.compile(r"\b(?:[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose)\s+(?:[a-z]+\s+)?$")
_DECIDED = frozenset({"legal", "resolution", "sanction", "ease", "reject", "agree"})   # what a 'decision' can be


def anaphoric(r: Reading, sent: SentenceScan) -> bool:
    """An event noun pointed at ('this summit', 'these talks'): an occurrence told before."""
    return not r.verb and r.noun_event is None \
        and _DEMONSTRATIVE.search(sent.text, max(sent.s, r.start - 24), r.start) is not None


def decisions_pointed_at(readings: list[Reading], made: dict[int, list[Event]], sent: SentenceScan,
                          last_of_type: dict[str, Event]) -> None:
    """'... was dismissed by the court last year, and that decision is being challenged': a
    decision pointed at is the act decided last (earlier in its sentence, else before), of its
    type and day, one occurrence told twice."""
    decisions = word_sets()["decision_nouns"]
    for r in readings:
        if r.head.lemma.lower() not in decisions or r.inherited is not None or not anaphoric(r, sent) \
                or any(t.text.lower() not in ("now", "today", "currently") for t in r.times):
            continue    # (a decision with a day of its own is its own: 'that decision of May 3')
        evs = made.get(id(r)) or []
        if not evs or any(ev.antecedent is not None for ev in evs):
            continue
        earlier = [ev for x in readings if x is not r for ev in made.get(id(x)) or []
                   if ev.start < r.start and ev.type in _DECIDED and ev.date and ev.modality == "asserted"]
        before = max(earlier, key=lambda ev: ev.start, default=None) or max(
            (ev for ev in last_of_type.values() if ev.type in _DECIDED and ev.start < r.start),
            key=lambda ev: ev.start, default=None)
        if before is None:
            continue
        for ev in evs:
            ev.type, ev.date, ev.dated_by, ev.antecedent = before.type, before.date, before.dated_by, before
