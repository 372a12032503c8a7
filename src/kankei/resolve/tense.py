"""Local cues of tense for resolving dates: the verb group of the clause a date is in.

A small function on purpose: the clause analysis may later say the tense instead, and
only `future` would change. The cues are data (knowledge/tense_cues.yaml).
"""
from __future__ import annotations

import re
from functools import cache

from kankei.knowledge import load
from kankei.spans import TimeMention

_CLAUSE_END = re.compile(r"[.;!?\n]\s|[.;!?\n]$")


@cache
def cues() -> dict:
    return load("tense_cues")


@cache
def _future_re() -> re.Pattern:
    return re.compile(r"(?i:\b(?:" + "|".join(f"(?:{c})" for c in cues()["future"]) + r")(?:(?<=\s)|\b))")


def clause_before(text: str, tm: TimeMention) -> str:
    """The words of the date's clause before it (at most 160 characters, from its last break)."""
    window = text[max(0, tm.start - 160):tm.start]
    cuts = list(_CLAUSE_END.finditer(window))
    return window[cuts[-1].end():] if cuts else window


@cache
def _past_re() -> re.Pattern:
    return re.compile(r"(?i:\b(?:" + "|".join(cues()["past"]) + r")\b)")


def future(text: str, tm: TimeMention) -> bool:
    """Whether the clause the mention is in speaks of what is still to come: a future cue,
    and no past verb after it that would start another clause."""
    clause = clause_before(text, tm)
    ends = [m.end() for m in _future_re().finditer(clause)]
    return bool(ends) and not _past_re().search(clause, ends[-1])


_ED_AFTER_DOER = re.compile(r"\b(?:[A-Z][a-z]+|it|they|he|she|we|[a-z]+[^s]s)\s+(?:\w+ly\s+)?([a-z]{3,}ed)\b")
_PURPOSE = re.compile(r"\bfor\b")


def past(text: str, tm: TimeMention) -> bool:
    """Whether the mention's clause tells what was done: an -ed verb right after its doer
    ('North Korea launched satellites in May'), no future cue, and no 'for' between (not 'was
    dissolved for an election in October')."""
    clause = clause_before(text, tm)
    if _future_re().search(clause):
        return False
    undone = cues()["past_not_done"]
    return any(m.group(1) not in undone and not _PURPOSE.search(clause, m.end())
               for m in _ED_AFTER_DOER.finditer(clause)) \
        or any(m.group(1) in _irregular_pasts() and m.group(1) not in undone for m in _WORD_AFTER_DOER.finditer(clause))


# ('We spoke to her on February 26'): an irregular past after its doer
_WORD_AFTER_DOER = re.compile(r"\b(?:[A-Z][a-z]+|it|they|he|she|we|I|[a-z]+[^s]s)\s+(?:\w+ly\s+)?([a-z]{3,})\b")


@cache
def _irregular_pasts() -> frozenset[str]:
    from kankei.analyze.lemmatize import simple_past_forms
    return simple_past_forms()


@cache
def _recent_re() -> re.Pattern:
    return re.compile(r"(?i:\b(?:" + "|".join(cues()["recent"]) + r")\b)")


def recent(text: str, tm: TimeMention) -> bool:
    """Whether the clause before the mention says it is recent ("a recent plenum")."""
    return bool(_recent_re().search(clause_before(text, tm)))


@cache
def _sequence_re() -> re.Pattern:
    return re.compile(r"(?i:\b(?:" + "|".join(f"(?:{c})" for c in cues()["sequence"]) + r")\b)")


def next_step(text: str, start: int, end: int, words: int = 6) -> bool:
    """Whether a sentence tells the next step of the story before it ('Soon after, ...', 'He
    later said'): a cue of sequence among its first words."""
    head = " ".join(text[start:min(end, start + 120)].split()[:words])
    return _sequence_re().search(head) is not None


@cache
def period_words() -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    """The words and the phrases that make a perfect one of a period up to now."""
    cues_ = cues()["period_perfect"]
    return frozenset(c for c in cues_ if " " not in c), tuple(tuple(c.split()) for c in cues_ if " " in c)


@cache
def scene_words() -> frozenset[str]:
    """The words that add an act to the scene just told ('also')."""
    return frozenset(cues()["same_scene"])
