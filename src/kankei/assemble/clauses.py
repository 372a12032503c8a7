"""Clauses, participants and modality of an event: who acts on whom, where, and whether the
text asserts it. Split from events.py, which chooses triggers and dates."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from kankei.assemble.triggers import Cue, Trigger, lexicon, modality_words, scan
from kankei.spans import EntityMention

_ACTOR_TYPES = {"person", "organization", "country", "group", "vessel"}
# [;:—–()] or ",\s+(?:and|...)\b", written to start with a character class so that a search skips in C
_CLAUSE_BREAK = re.compile(r"[;:—–(),](?:(?<=,)\s+(?:and|but|while|whereas|although|though|which|who|as|after|before|when|leading)\b|(?<!,))")
_PREP_BEFORE = re.compile(r"\b(?:of|to|with|in|at|from|into|for|on|by|between|against|toward|towards|over|about|among)\s+(?:the\s+)?$")
# An object phrase ends at [;:], or at ", (and|but)" or " and|but " before a new clause
# ("Japan banned"): the last two searched apart, each only where a comma or the word occurs
_NEW_CLAUSE = r"(?=(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*\s+[a-z]+(?:ed|s)\b)"
_PHRASE_END_COMMA = re.compile(r",\s+(?:and\s+|but\s+)?" + _NEW_CLAUSE)
_PHRASE_END_CONJ = re.compile(r"\s\s*(?:and|but)\s+" + _NEW_CLAUSE)     # (\s\s*: a search skips in C to a space)
_LOCATION_PREP = re.compile(r"\b(?:in|at|to|from|into|near)\s+(?:the\s+)?$")
_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$")


class _Document:
    """A text and its lower-cased copy (same offsets), with the triggers and cue words found
    in it by one pass when first asked for, so that each sentence needn't rescan."""
    __slots__ = ("text", "lowered", "_scan")

    def __init__(self, text: str) -> None:
        lowered = text.lower()
        if len(lowered) != len(text):          # a few Unicode letters change length when lowered
            lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        self.text, self.lowered = text, lowered
        self._scan: tuple[list[Trigger], list[int], list[Cue], list[int]] | None = None

    def scanned(self) -> tuple[list[Trigger], list[int], list[Cue], list[int]]:
        """Triggers and their starts, cue words and their starts."""
        if self._scan is None:
            triggers, cues = scan(self.lowered)
            self._scan = triggers, [t.start for t in triggers], cues, [c[0] for c in cues]
        return self._scan


def _clause(sent: _Sentence, pos: int) -> tuple[int, int]:
    text, s, e = sent.text, sent.s, sent.e
    if s < pos < e and ((c := text[pos - 1]).isalnum() or c == "_") and ((c := text[pos]).isalnum() or c == "_") \
            or not s <= pos <= e:
        # pos inside a word or outside the sentence: a break found before pos may end inside
        # a word ("who|ever"), so scan the text as it is cut at pos
        left = s
        for m in _CLAUSE_BREAK.finditer(text, s, pos):
            left = m.end()
        m = _CLAUSE_BREAK.search(text, pos, e)
        return left, (m.start() if m else e)
    starts, ends = sent.breaks()
    i, j = bisect_right(ends, pos), bisect_left(starts, pos)
    return ends[i - 1] if i else s, starts[j] if j < len(starts) else e


class _Sentence:
    """What all the events of one sentence share, computed once for them."""
    __slots__ = ("text", "lowered", "s", "e", "triggers", "cues", "kinds", "parens", "_breaks", "_hedged", "_key",
                 "_before")

    def __init__(self, doc: _Document, s: int, e: int) -> None:
        self.text, self.lowered, self.s, self.e = doc.text, doc.lowered, s, e
        triggers, trigger_starts, cues, cue_starts = doc.scanned()
        self.triggers = triggers[bisect_left(trigger_starts, s):bisect_left(trigger_starts, e)]
        if self.triggers and self.triggers[-1].end > e:     # (they don't overlap: only the last can cross e)
            self.triggers.pop()
        self.cues = cues[bisect_left(cue_starts, s):bisect_left(cue_starts, e)]
        self.kinds = {k for _, _, k in self.cues}
        self.parens = doc.text.find("(", s, e) >= 0
        self._breaks: tuple[list[int], list[int]] | None = None
        self._hedged: bool | None = None
        self._key: str | None = None
        self._before: dict[tuple[str, int], bool] = {}

    def key(self) -> str:
        """The sentence as event ids read it: its words, one space apart."""
        if self._key is None:
            self._key = " ".join(self.text[self.s:self.e].split())
        return self._key

    def may_occur(self, kind: str, start: int, end: int) -> bool:
        """False only if no cue word of `kind` lies wholly inside [start, end)."""
        if kind in self.kinds:
            for a, b, k in self.cues:
                if k == kind and start <= a < end and b <= end:
                    return True
        return False

    def breaks(self) -> tuple[list[int], list[int]]:
        """Starts and ends of the clause breaks, in order."""
        if self._breaks is None:
            starts, ends = [], []
            for m in _CLAUSE_BREAK.finditer(self.text, self.s, self.e):
                a, b = m.span()
                starts.append(a)
                ends.append(b)
            self._breaks = starts, ends
        return self._breaks

    def hedged(self) -> bool:
        if self._hedged is None:
            self._hedged = self.may_occur("hedged", self.s, self.e) \
                and bool(modality_words()["hedged"].search(self.text, self.s, self.e))
        return self._hedged

    def before(self, pattern: re.Pattern, pos: int, width: int) -> bool:
        """Whether pattern, which ends in a space (`\\s+$`), is found in the (at most) `width`
        characters of the sentence before pos; remembered, since the events of a sentence ask
        about the same entities."""
        if pos <= self.s or not self.text[pos - 1].isspace():
            return False
        key = (pattern.pattern, pos)      # (a compiled pattern hashes its whole program, every time)
        got = self._before.get(key)
        if got is None:
            got = self._before[key] = bool(pattern.search(self.text[max(self.s, pos - width):pos]))
        return got


_PARENS = re.compile(r"[()]")


def _asides(sent: _Sentence, pos: int) -> list[tuple[int, int]]:
    """Parenthetical asides of the sentence that do not hold pos: '50 billion yen (about $400 million)'."""
    out, depth, open_at = [], 0, None
    if not sent.parens:
        return out
    for m in _PARENS.finditer(sent.text, sent.s, sent.e):
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


def _clause_around(sent: _Sentence, pos: int) -> tuple[int, int, list[tuple[int, int]]]:
    """The clause holding pos, reading through the asides in it; with those asides."""
    asides = _asides(sent, pos)
    if not asides:
        return (*_clause(sent, pos), asides)     # nothing to read through: the same scan

    def aside(i: int) -> tuple[int, int] | None:
        return next((a for a in asides if a[0] <= i < a[1]), None)

    text, s, e = sent.text, sent.s, sent.e
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


def _participants(sent: _Sentence, ts: int, te: int, ents: list[EntityMention], etype: str | None = None,
                  governor: int | None = None, around: tuple[int, int, list[tuple[int, int]]] | None = None) -> list[dict]:
    if not ents:
        return []
    text = sent.text
    cl, cr, asides = around or _clause_around(sent, ts)
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
        return not sent.before(_PREP_BEFORE, m.start, 14)

    # the entities before the trigger, and whether any ends after it in the clause
    before, later = [], False
    for m in ents:
        if cl <= m.start and m.end <= ts:
            before.append(m)
        elif te < m.end <= cr:
            later = True
    # the object phrase ends at a comma or where a new clause starts ("..., Japan banned")
    pr, after, by_agent = cr, [], None
    if later:
        pr = _phrase_end(text, te, cr)
        after = [m for m in ents if te <= m.start and m.end <= pr]
        for m in after:
            if m.type in _ACTOR_TYPES and sent.before(_BY_BEFORE, m.start, 8):
                by_agent = m
                break
    passive = _passive(sent, ts, te)
    agent = subject = None
    subjects = None         # the subject and the actors coordinated with it
    for m in reversed(before):
        if (m.type in _ACTOR_TYPES or passive and m.type in _THING_TYPES) and bare(m):
            # "between Japan and North Korea": a coordination after a preposition is no subject
            coordinated = _coordinated(text, m, before)
            if coordinated[0] is m or bare(coordinated[0]):
                subject, subjects = m, coordinated
                break
    if subject is None and not governed and (not passive or by_agent is None):
        # the sentence's subject before the clause ("Chongryon, which ..., was founded")
        for m in ents:
            if m.start < cl and m.type in _ACTOR_TYPES and bare(m):
                subject = m
                break
    if passive:
        # "Korea was annexed by Japan": the subject is acted on, "by X" acts
        agent = by_agent
        if subject is not None:
            add("patient", subject)
    else:
        agent = subject or by_agent
    if agent:
        for m in subjects if agent is subject and subjects else [agent]:
            add("agent", m)
    elif not passive:
        # "talks between Japan and North Korea began": the two sides act together
        clause = [m for m in ents if cl <= m.start and m.end <= pr]
        for k, m in enumerate(clause):
            pair = _coordinated(text, m, clause[:k + 1])
            if len(pair) > 1 and sent.before(_BETWEEN_BEFORE, pair[0].start, 12):
                for x in pair:
                    add("agent", x)
                agent = pair[-1]
                break
    if after:
        _objects(sent, after, parts, add, agent, subject, etype)
    if later:
        for m in ents:
            # places named later in the clause ("..., in Stockholm, Sweden") still locate it
            if pr <= m.start and m.end <= cr and m.type in ("place", "country") and te <= m.start \
                    and _is_location(sent, m, etype):
                add("location", m)
    for m in before:
        if m.type == "place" and m is not agent and m is not subject and _is_location(sent, m, etype):
            add("location", m)
    return parts


def _phrase_end(text: str, te: int, cr: int) -> int:
    """Where the object phrase after te ends in a clause ending at cr: the first end of any kind.
    (No end of one kind holds a character that marks another, so each kind is looked for only
    before the first found so far.)"""
    end = cr
    for c in ";:":
        if (i := text.find(c, te, end)) >= 0:
            end = i
    if text.find(",", te, end) >= 0 and (m := _PHRASE_END_COMMA.search(text, te, end)):
        end = m.start()
    if (text.find("and", te, end) >= 0 or text.find("but", te, end) >= 0) \
            and (m := _PHRASE_END_CONJ.search(text, te, end)):
        end = m.start()
    return end


def _passive(sent: _Sentence, ts: int, te: int) -> bool:
    """'was annexed': a passive verb (a trigger that is a noun is none)."""
    a = max(sent.s, ts - 30)
    window = sent.lowered[a:ts]
    # the pattern ignores case: in ASCII text it can match only where the lower-cased text
    # holds an auxiliary; elsewhere it decides
    if window.isascii() and "is" not in window and "be" not in window and "are" not in window \
            and "was" not in window and "were" not in window:
        return False
    return bool(_PASSIVE_AUX.search(sent.text, a, ts)) and not _is_noun(sent.text, ts, te)


def _objects(sent: _Sentence, after: list[EntityMention], parts: list[dict], add, agent, subject,
             etype: str | None) -> None:
    """The roles of the entities after the trigger: its patient, its locations."""
    agents = {p["entity"] for p in parts if p["role"] == "agent"}
    last = None
    for m in after:
        if m is agent or m is subject or m.entity in agents:
            continue
        if last is not None and _LIST_SEP.fullmatch(sent.text, last[1].end, m.start) \
                and (last[0] == "patient" or m.type in ("place", "country")):
            add(last[0], m)     # "from China and North Korea": every conjunct
            last = (last[0], m)
        elif m.type in ("place", "country") and _is_location(sent, m, etype):
            add("location", m)
            last = ("location", m)
        elif not any(p["role"] == "patient" for p in parts):
            add("patient", m)
            last = ("patient", m)
        else:
            last = None


_PASSIVE_AUX = re.compile(r"\b(?:was|were|is|are|be|been|being)\s+(?:\w+ly\s+)?$", re.I)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?$")
_THING_TYPES = _ACTOR_TYPES | {"place", "document", "other"}
_AT_PREP = re.compile(r"\b(?:in|at|near|inside|outside)\s+(?:the\s+)?$")
# a country after "to" or "from" is where people went for these; for others it is the other party
_MOTION_TYPES = frozenset({"migrate", "meet", "release", "abduct", "war", "weapons_test", "annex"})


def _is_location(sent: _Sentence, m: EntityMention, etype: str | None) -> bool:
    """'in Pyongyang', 'at Niigata' locate an event; 'to North Korea' does when people or forces moved."""
    if sent.before(_AT_PREP, m.start, 10):
        return True
    return (etype is None or etype in _MOTION_TYPES or m.type == "place") and sent.before(_LOCATION_PREP, m.start, 10)


def _is_noun(text: str, ts: int, te: int) -> bool:
    return lexicon().get(text[ts:te].lower(), ("", False))[1]


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


def _modality(sent: _Sentence, ts: int, te: int, clause: tuple[int, int] | None = None) -> tuple[str, bool]:
    hedged = sent.hedged()
    if "negated" not in sent.kinds and "hypothetical" not in sent.kinds:
        return "asserted", hedged       # no cue word in the sentence: no pattern below can match
    words = modality_words()
    text = sent.text
    cl, cr = clause or _clause(sent, ts)
    a = max(cl, ts - 40)
    near = text[a:ts]
    # (the patterns' words, if they match, lie inside the window: skip a search where none does)
    if "not_negating" in words and sent.may_occur("not_negating", a, ts):
        near = words["not_negating"].sub(lambda m: " " * len(m.group()), near)
    if sent.may_occur("negated", max(a, ts - 25), ts) and words["negated"].search(near[-25:]):
        return "negated", hedged
    if sent.may_occur("hypothetical", a, ts) and words["hypothetical"].search(near):
        return "hypothetical", hedged
    return "asserted", hedged
