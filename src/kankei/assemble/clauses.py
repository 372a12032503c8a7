"""Clauses, participants and modality of an event: who acts on whom, where, and whether the
text asserts it. Split from events.py, which chooses triggers and dates."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache

from kankei.assemble.triggers import modality_words, word_sets
from kankei.knowledge import load
from kankei.spans import EntityMention

_ACTOR_TYPES = {"person", "organization", "country", "group", "vessel"}
# [;:—–()] or ",\s+(?:and|...)\b", written to start with a character class so that a search skips in C
_CLAUSE_BREAK = re.compile(r"[;:—–(),](?:(?<=,)\s+(?:and|but|while|whereas|although|though|which|who|as|after|before|when|leading)\b|(?<!,))")
_PREP_BEFORE = re.compile(r"\b(?:of|to|with|in|at|from|into|for|on|by|between|against|toward|towards|over|about|among)\s+(?:the\s+)?$")
_PHRASE_END = re.compile(r"[;:]|(?:,\s+(?:and\s+|but\s+)?|\s+(?:and|but)\s+)"
                         r"(?=(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*\s+[a-z]+(?:ed|s)\b)")
_LOCATION_PREP = re.compile(r"\b(?:in|at|to|from|into|near)\s+(?:the\s+)?$")
_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$")

class _Lowered(str):
    """The lower-cased text, carrying its trigger index so each sentence needn't rescan,
    and where the cue words of modality and aspect occur (see `_cues`)."""
    __slots__ = ("index", "cues")

    def __new__(cls, value: str):
        obj = super().__new__(cls, value)
        obj.index = {}
        obj.cues = None
        return obj


# Most sentences have no hedge, negation or aspectual verb, yet finding that out with the
# patterns is a search per sentence or per event. One pass of an Aho-Corasick automaton over
# the document finds every place one of their words occurs (lower-cased, so in any case);
# where none does, no pattern can match and the search is skipped. Only a skip: where a
# word does occur, the pattern decides as before.

@cache
def _cue_automaton():
    import ahocorasick
    kinds: dict[str, set[str]] = {}
    for kind, words in load("event_triggers")["modality"].items():
        for w in words:
            kinds.setdefault(str(w).lower(), set()).add(kind)
    for w in word_sets()["aspectual"]:
        kinds.setdefault(w.lower(), set()).add("aspectual")
    automaton = ahocorasick.Automaton()
    for w, ks in kinds.items():
        automaton.add_word(w, (len(w), tuple(ks)))
    automaton.make_automaton()
    return automaton


_Cues = dict[str, tuple[list[int], list[int]]]


def _cues(lowered: str) -> _Cues | None:
    """Kind of cue -> the starts and ends of its words' occurrences, by start; None if unknown."""
    if not isinstance(lowered, _Lowered):
        return None
    if lowered.cues is None:
        found: dict[str, list[tuple[int, int]]] = {}
        for end_idx, (length, ks) in _cue_automaton().iter(lowered):
            for k in ks:
                found.setdefault(k, []).append((end_idx + 1 - length, end_idx + 1))
        lowered.cues = {k: ([a for a, _ in v], [b for _, b in v]) for k, v in ((k, sorted(v)) for k, v in found.items())}
    return lowered.cues


def _may_occur(lowered: str, kind: str, start: int, end: int) -> bool:
    return _occurs(_cues(lowered), kind, start, end)


def _occurs(cues: _Cues | None, kind: str, start: int, end: int) -> bool:
    """False only if no word of `kind` lies wholly inside [start, end)."""
    if cues is None:
        return True
    got = cues.get(kind)
    if got is None:
        return False
    starts, ends = got
    i = bisect_left(starts, start)
    while i < len(starts) and starts[i] < end:
        if ends[i] <= end:
            return True
        i += 1
    return False



def _clause(text: str, pos: int, s: int, e: int) -> tuple[int, int]:
    if s < pos < e and _word_char(text[pos - 1]) and _word_char(text[pos]) or not s <= pos <= e:
        # pos inside a word or outside the sentence: a break found before pos may end inside
        # a word ("who|ever"), so scan the text as it is cut at pos
        left = s
        for m in _CLAUSE_BREAK.finditer(text, s, pos):
            left = m.end()
        m = _CLAUSE_BREAK.search(text, pos, e)
        return left, (m.start() if m else e)
    starts, ends = _sentence(text, s, e).breaks()
    i, j = bisect_right(ends, pos), bisect_left(starts, pos)
    return ends[i - 1] if i else s, starts[j] if j < len(starts) else e


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class _Sentence:
    """What all the events of one sentence share, computed once for them."""
    __slots__ = ("text", "cues", "s", "e", "_breaks", "_hedged", "_key")

    def __init__(self, text: str, s: int, e: int, lowered: str | None = None) -> None:
        self.text, self.s, self.e = text, s, e
        self.cues = _cues(lowered) if lowered is not None else None
        self._breaks: tuple[list[int], list[int]] | None = None
        self._hedged: bool | None = None
        self._key: str | None = None

    def key(self) -> str:
        """The sentence as event ids read it: its words, one space apart."""
        if self._key is None:
            self._key = " ".join(self.text[self.s:self.e].split())
        return self._key

    def may_occur(self, kind: str, start: int, end: int) -> bool:
        return _occurs(self.cues, kind, start, end)

    def breaks(self) -> tuple[list[int], list[int]]:
        """Starts and ends of the clause breaks, in order."""
        if self._breaks is None:
            found = [m.span() for m in _CLAUSE_BREAK.finditer(self.text, self.s, self.e)]
            self._breaks = [a for a, _ in found], [b for _, b in found]
        return self._breaks

    def hedged(self) -> bool:
        if self._hedged is None:
            self._hedged = self.may_occur("hedged", self.s, self.e) \
                and bool(modality_words()["hedged"].search(self.text, self.s, self.e))
        return self._hedged


_last_sentence: _Sentence | None = None


def _sentence(text: str, s: int, e: int, lowered: str | None = None) -> _Sentence:
    """The facts of sentence text[s:e]; those of the last sentence asked about are kept.
    `lowered` (the lower-cased text) lets them skip searches for cue words it lacks."""
    global _last_sentence
    got = _last_sentence
    if got is None or got.text is not text or got.s != s or got.e != e:
        got = _last_sentence = _Sentence(text, s, e, lowered)
    elif lowered is not None and got.cues is None:
        got.cues = _cues(lowered)
    return got


_PARENS = re.compile(r"[()]")


def _asides(text: str, pos: int, s: int, e: int) -> list[tuple[int, int]]:
    """Parenthetical asides of the sentence that do not hold pos: '50 billion yen (about $400 million)'."""
    out, depth, open_at = [], 0, None
    if text.find("(", s, e) < 0:
        return out
    for m in _PARENS.finditer(text, s, e):
        i, c = m.start(), m.group()
        if c == "(":
            if depth == 0:
                open_at = i
            depth += 1
        elif c == ")" and depth:
            depth -= 1
            if depth == 0 and not open_at <= pos <= i:
                out.append((open_at, i + 1))
    return out


def _clause_around(text: str, pos: int, s: int, e: int) -> tuple[int, int, list[tuple[int, int]]]:
    """The clause holding pos, reading through the asides in it; with those asides."""
    asides = _asides(text, pos, s, e)
    if not asides:
        return (*_clause(text, pos, s, e), asides)     # nothing to read through: the same scan

    def aside(i: int) -> tuple[int, int] | None:
        return next((a for a in asides if a[0] <= i < a[1]), None)

    left = s
    for m in _CLAUSE_BREAK.finditer(text, s, pos):
        if not aside(m.start()):
            left = m.end()
    right, i = e, pos
    while (m := _CLAUSE_BREAK.search(text, i, e)) is not None:
        a = aside(m.start())
        if a is None:
            right = m.start()
            break
        i = a[1]
    inside = [a for a in asides if left <= a[0] and a[1] <= right]
    return left, right, inside


def _participants(text, ts, te, s, e, ents, etype: str | None = None, governor: int | None = None,
                  around: tuple[int, int, list[tuple[int, int]]] | None = None) -> list[dict]:
    cl, cr, asides = around or _clause_around(text, ts, s, e)
    governed = governor is not None and governor > cl
    if governed:
        cl = governor
    # an aside neither acts nor is acted on ("50 billion yen (about $400 million) to North Korea")
    if asides:
        ents = [m for m in ents if not any(a <= m.start < b for a, b in asides)]
    parts: list[dict] = []
    seen: set[tuple[str, str]] = set()

    def add(role: str, m: EntityMention) -> None:
        if (role, m.entity) not in seen:
            seen.add((role, m.entity))
            parts.append({"role": role, "entity": m.entity, "start": m.start, "end": m.end})

    def bare(m: EntityMention) -> bool:        # not the object of a preposition
        return not _PREP_BEFORE.search(text[max(s, m.start - 14):m.start])

    before = [m for m in ents if cl <= m.start and m.end <= ts]
    # the object phrase ends at a comma or where a new clause starts ("..., Japan banned")
    stop = _PHRASE_END.search(text, te, cr)
    pr = stop.start() if stop else cr
    after = [m for m in ents if te <= m.start and m.end <= pr]
    by_agent = next((m for m in after if m.type in _ACTOR_TYPES and _BY_BEFORE.search(text[max(s, m.start - 8):m.start])), None)
    passive = bool(_PASSIVE_AUX.search(text, max(s, ts - 30), ts)) and not _is_noun(text, ts, te)
    agent = subject = None
    for m in reversed(before):
        # "between Japan and North Korea": a coordination after a preposition is no subject
        if (m.type in _ACTOR_TYPES or passive and m.type in _THING_TYPES) and bare(m) \
                and bare(_coordinated(text, m, before)[0]):
            subject = m
            break
    if subject is None and not governed:
        # the sentence's subject before the clause ("Chongryon, which ..., was founded")
        subject = next((m for m in ents if m.start < cl and m.type in _ACTOR_TYPES and bare(m)), None) \
            if not passive or by_agent is None else None
    if passive:
        # "Korea was annexed by Japan": the subject is acted on, "by X" acts
        agent = by_agent
        if subject is not None:
            add("patient", subject)
    else:
        agent = subject or by_agent
    if agent:
        for m in _coordinated(text, agent, before if any(m is agent for m in before) else []):
            add("agent", m)
    elif not passive:
        # "talks between Japan and North Korea began": the two sides act together
        clause = [m for m in ents if cl <= m.start and m.end <= pr]
        for k, m in enumerate(clause):
            pair = _coordinated(text, m, clause[:k + 1])
            if len(pair) > 1 and re.search(r"\bbetween\s+(?:the\s+)?$", text[max(s, pair[0].start - 12):pair[0].start]):
                for x in pair:
                    add("agent", x)
                agent = pair[-1]
                break
    agents = {p["entity"] for p in parts if p["role"] == "agent"}
    last = None
    for m in after:
        if m is agent or m is subject or m.entity in agents:
            continue
        if last is not None and _LIST_SEP.fullmatch(text, last[1].end, m.start) \
                and (last[0] == "patient" or m.type in ("place", "country")):
            add(last[0], m)     # "from China and North Korea": every conjunct
            last = (last[0], m)
        elif m.type in ("place", "country") and _is_location(text, m, s, etype):
            add("location", m)
            last = ("location", m)
        elif not any(p["role"] == "patient" for p in parts):
            add("patient", m)
            last = ("patient", m)
        else:
            last = None
    for m in ents:
        # places named later in the clause ("..., in Stockholm, Sweden") still locate it
        if te <= m.start and pr <= m.start and m.end <= cr and m.type in ("place", "country") \
                and _is_location(text, m, s, etype):
            add("location", m)
    for m in before:
        if m is not agent and m is not subject and m.type in ("place",) \
                and _is_location(text, m, s, etype):
            add("location", m)
    return parts


_PASSIVE_AUX = re.compile(r"\b(?:was|were|is|are|be|been|being)\s+(?:\w+ly\s+)?$", re.I)
_THING_TYPES = _ACTOR_TYPES | {"place", "document", "other"}
_AT_PREP = re.compile(r"\b(?:in|at|near|inside|outside)\s+(?:the\s+)?$")
# a country after "to" or "from" is where people went for these; for others it is the other party
_MOTION_TYPES = frozenset({"migrate", "meet", "release", "abduct", "war", "weapons_test", "annex"})


def _is_location(text: str, m: EntityMention, s: int, etype: str | None) -> bool:
    """'in Pyongyang', 'at Niigata' locate an event; 'to North Korea' does when people or forces moved."""
    window = text[max(s, m.start - 10):m.start]
    if _AT_PREP.search(window):
        return True
    return bool(_LOCATION_PREP.search(window)) and (etype is None or etype in _MOTION_TYPES or m.type == "place")


def _is_noun(text: str, ts: int, te: int) -> bool:
    from kankei.assemble.triggers import lexicon
    forms = lexicon()[1]
    return forms.get(text[ts:te].lower(), ("", False))[1]


_LIST_SEP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?:the\s+)?")


def _coordinated(text: str, head: EntityMention, before: list[EntityMention]) -> list[EntityMention]:
    """'Japan and South Korea signed': every actor of a coordinated subject."""
    out = [head]
    i = 0
    for k, m in enumerate(before):
        if m is head:
            i = k
            break
    while i > 0 and before[i - 1].type in _ACTOR_TYPES and _LIST_SEP.fullmatch(text, before[i - 1].end, out[0].start):
        i -= 1
        out.insert(0, before[i])
    return out


def _modality(text, ts, te, s, e, clause: tuple[int, int] | None = None) -> tuple[str, bool]:
    words = modality_words()
    cl, cr = clause or _clause(text, ts, s, e)
    a = max(cl, ts - 40)
    near = text[a:ts]
    sent = _sentence(text, s, e)
    hedged = sent.hedged()
    cues = sent.cues
    # (the patterns' words, if they match, lie inside the window: skip a search where none does)
    if "not_negating" in words and _occurs(cues, "not_negating", a, ts):
        near = words["not_negating"].sub(lambda m: " " * len(m.group()), near)
    if _occurs(cues, "negated", max(a, ts - 25), ts) and words["negated"].search(near[-25:]):
        return "negated", hedged
    if _occurs(cues, "hypothetical", a, ts) and words["hypothetical"].search(near):
        return "hypothetical", hedged
    return "asserted", hedged

