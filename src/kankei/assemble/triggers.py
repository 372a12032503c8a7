"""Event triggers: the words of event_triggers.yaml, inflected, in one pattern."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import ahocorasick

from kankei.knowledge import load

_VOWELS = "aeiou"
# Triggers too common to carry an event on their own: used only when nothing better is near.
WEAK = {"say", "said", "says", "note", "call", "act", "form", "open", "move", "order", "support", "return",
        "leave", "left", "press", "free", "round", "test", "state", "give", "provide", "issue", "report",
        "trip", "claim", "charge", "allow", "session", "framework", "package", "operation", "deal",
        "decide", "join", "tell", "told", "send", "sent", "law", "remove", "close", "inform"}


@dataclass(slots=True)
class Trigger:
    start: int
    end: int
    text: str
    type: str
    weak: bool
    noun: bool


def _inflect(lemma: str) -> set[str]:
    """-s, -ed and -ing forms of a regular English verb (first word of a phrase)."""
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    forms = {head}
    if head.endswith("e"):
        forms |= {head + "s", head + "d", head[:-1] + "ing"}
    elif head.endswith("y") and len(head) > 2 and head[-2] not in _VOWELS:
        forms |= {head[:-1] + "ies", head[:-1] + "ied", head + "ing"}
    elif head.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {head + "es", head + "ed", head + "ing"}
    else:
        forms |= {head + "s", head + "ed", head + "ing"}
        # short consonant-vowel-consonant verbs double their last letter: ban -> banned
        if len(head) <= 4 and head[-1] not in _VOWELS + "wxy" and head[-2] in _VOWELS and head[-3:-2] not in _VOWELS:
            forms |= {head + head[-1] + "ed", head + head[-1] + "ing"}
    return {f + tail for f in forms}


@cache
def lexicon() -> tuple[re.Pattern, dict[str, tuple[str, bool]]]:
    data = load("event_triggers")
    irregular = data.get("irregular", {})
    forms: dict[str, tuple[str, bool]] = {}
    groups_by_type = {k: v for k, v in data.items() if isinstance(v, dict) and k not in ("irregular", "modality")}
    # most specific first: phrases, then nouns (so "meeting" and "visit" count as nouns), then verb forms
    for etype, groups in groups_by_type.items():
        for phrase in groups.get("phrases") or []:
            forms.setdefault(phrase.lower(), (etype, False))
    for etype, groups in groups_by_type.items():
        for noun in groups.get("nouns") or []:
            for f in (noun, noun + "s" if not noun.endswith("s") else noun):
                forms.setdefault(f.lower(), (etype, True))
    for etype, groups in groups_by_type.items():
        for verb in groups.get("verbs") or []:
            for f in _inflect(verb) | set(irregular.get(verb, [])):
                forms.setdefault(f.lower(), (etype, False))
    automaton = ahocorasick.Automaton()
    for f, (etype, noun) in forms.items():
        automaton.add_word(f, (len(f), f, etype, noun))
    automaton.make_automaton()
    return automaton, forms


def _boundary(ch: str) -> bool:
    return not (ch.isalnum() or ch in "-_")


def all_triggers(lowered: str) -> list[Trigger]:
    """Every trigger of a lower-cased text, leftmost-longest, on word boundaries."""
    automaton, _ = lexicon()
    n = len(lowered)
    hits = []
    for end_idx, (length, word, etype, noun) in automaton.iter(lowered):
        start, end = end_idx - length + 1, end_idx + 1
        # on word boundaries (`_boundary`, inlined: most hits are inside longer words)
        if start and ((ch := lowered[start - 1]).isalnum() or ch in "-_"):
            continue
        if end < n and ((ch := lowered[end]).isalnum() or ch in "-_"):
            continue
        hits.append((start, -length, end, word, etype, noun))
    hits.sort()
    out, last_end = [], -1
    for start, _neg, end, word, etype, noun in hits:
        if start >= last_end:
            out.append(Trigger(start, end, word, etype, word in WEAK, noun))
            last_end = end
    return out


def find_triggers(lowered: str, start: int, end: int, cache_: dict | None = None) -> list[Trigger]:
    """Triggers in lowered[start:end] (a lower-cased copy of the text, same offsets)."""
    if cache_ is not None:
        if "all" not in cache_:
            cache_["all"] = all_triggers(lowered)
            cache_["starts"] = [t.start for t in cache_["all"]]
        import bisect
        i = bisect.bisect_left(cache_["starts"], start)
        out = []
        for t in cache_["all"][i:]:
            if t.start >= end:
                break
            if t.end <= end:
                out.append(t)
        return out
    return [t for t in all_triggers(lowered[:end]) if t.start >= start]


@cache
def modality_words() -> dict[str, re.Pattern]:
    """Case-sensitive patterns: 'may' and 'will' lower case only, since 'May' is a month and 'Will' a name."""
    data = load("event_triggers")["modality"]
    out = {}
    for k, words in data.items():
        forms = set()
        for w in words:
            w = str(w)
            forms.add(w)
            if w not in ("may", "will"):
                forms.add(w[:1].upper() + w[1:])
        out[k] = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(forms, key=len, reverse=True)) + r")(?!\w)")
    return out


@cache
def word_sets() -> dict[str, frozenset[str]]:
    data = load("event_triggers")
    return {k: frozenset(w.lower() for w in data.get(k, [])) for k in ("aspectual", "control", "visit_words", "light_verbs", "weapon_words")}
