"""Events: each date the text gives to an occurrence, with its type, trigger and participants.

A sentence's dated times anchor events; each takes the trigger nearest to it (strong
triggers before weak ones); a dated sentence with no trigger still yields an `other`
event. In the notes section only correspondence and dispatches (`Inoue to Boissier,
18 January 1956`) are events: publication years are not.
"""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache

from kankei import edtf
from kankei.assemble.triggers import Trigger, find_triggers, modality_words, word_sets
from kankei.knowledge import load
from kankei.spans import EntityMention, TimeMention

_ACTOR_TYPES = {"person", "organization", "country", "group", "vessel"}
# [;:—–()] or ",\s+(?:and|...)\b", written to start with a character class so that a search skips in C
_CLAUSE_BREAK = re.compile(r"[;:—–(),](?:(?<=,)\s+(?:and|but|while|whereas|although|though|which|who|as|after|before|when|leading)\b|(?<!,))")
_PREP_BEFORE = re.compile(r"\b(?:of|to|with|in|at|from|into|for|on|by|between|against|toward|towards|over|about|among)\s+(?:the\s+)?$")
_PHRASE_END = re.compile(r"[;:]|(?:,\s+(?:and\s+|but\s+)?|\s+(?:and|but)\s+)"
                         r"(?=(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*\s+[a-z]+(?:ed|s)\b)")
_LOCATION_PREP = re.compile(r"\b(?:in|at|to|from|into|near)\s+(?:the\s+)?$")
_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$")
_CORRESPONDENCE = re.compile(r"(?P<a>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2})\s+to\s+(?P<b>[A-Z][\w'’./-]+(?:\s+[A-Z][\w'’.-]+){0,3}),\s*$")
_DISPATCH = re.compile(r"\b(?:letter|memorandum|memo|telegram|cable|note verbale|minutes|report|bulletin|diary|aide-m[ée]moire)\b", re.I)


@dataclass
class Event:
    id: str
    type: str
    date: str | None
    start: int
    end: int
    text: str
    participants: list[dict] = field(default_factory=list)
    modality: str = "asserted"          # asserted | hypothetical | negated
    hedged: bool = False
    time: tuple[int, int] | None = None
    sentence: tuple[int, int] | None = None

    def record(self, doc: str) -> dict:
        rec = {"doc": doc, "kind": "event", "start": self.start, "end": self.end, "text": self.text,
               "type": self.type, "date": self.date, "participants": self.participants, "id": self.id}
        if self.modality != "asserted":
            rec["modality"] = self.modality
        if self.hedged:
            rec["hedged"] = True
        if self.time:
            rec["time_start"], rec["time_end"] = self.time
        if self.sentence:
            rec["sentence_start"], rec["sentence_end"] = self.sentence
        return rec


def event_id(doc: str, etype: str, trigger: str, sentence: str) -> str:
    return _event_id(doc, etype, trigger, " ".join(sentence.split()))


def _event_id(doc: str, etype: str, trigger: str, sentence_key: str) -> str:
    """event_id of a sentence already reduced to its words, one space apart."""
    key = "\x1f".join((doc, etype, trigger.lower(), sentence_key))
    return "event:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def find_events(text: str, doc: str, sentences: list[tuple[int, int]], times: list[TimeMention],
                entities: list[EntityMention], notes_start: int | None = None,
                exclude: set[int] = frozenset()) -> list[Event]:
    """Events of a document. `exclude`: start offsets of times that date the document, not an occurrence."""
    lowered = text.lower()
    if len(lowered) != len(text):          # a few Unicode letters change length when lowered
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    lowered = _Lowered(lowered)
    periods = _period_re()
    dated = [t for t in times if t.value and t.type in ("date", "interval") and t.start not in exclude
             and not (t.anchor == "dct" and (t.relative or {}).get("same"))
             and not periods.search(t.text.lower())]
    events: list[Event] = []
    ti = ei = 0
    ents = sorted(entities, key=lambda m: m.start)
    narrative: TimeMention | None = None
    previous_dated = False
    for s, e in sentences:
        while ti < len(dated) and dated[ti].end <= s:
            narrative = dated[ti] if _is_narrative(dated[ti]) else narrative
            ti += 1
        here = []
        j = ti
        while j < len(dated) and dated[j].start < e:
            here.append(dated[j])
            j += 1
        while ei < len(ents) and ents[ei].end <= s:
            ei += 1
        sent_ents = []
        k = ei
        while k < len(ents) and ents[k].start < e:
            sent_ents.append(ents[k])
            k += 1
        in_notes = notes_start is not None and s >= notes_start
        if in_notes:
            if here:
                events.extend(_note_events(text, doc, s, e, here, sent_ents))
        elif here:
            events.extend(_sentence_events(text, lowered, doc, s, e, here, sent_ents))
        elif previous_dated and narrative is not None and sent_ents and "\n\n" not in text[narrative.end:s]:
            events.extend(_narrative_events(text, lowered, doc, s, e, narrative, sent_ents))
        previous_dated = bool(here)
    return events


@cache
def _period_names() -> tuple[str, ...]:
    """Named periods ('the Cold War') date a context, not an occurrence of their own."""
    names = load("calendar").get("named_periods", {})
    return tuple(re.sub(r"^the ", "", k.lower()) for k in names)


@cache
def _period_re() -> re.Pattern:
    """Finds any of the named periods in a text (one search instead of a test per name)."""
    names = _period_names()
    return re.compile("|".join(map(re.escape, names)) if names else "(?!)")


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


def _triggers(lowered: str, s: int, e: int) -> list[Trigger]:
    return find_triggers(lowered, s, e, getattr(lowered, "index", None))


def _is_narrative(tm: TimeMention) -> bool:
    return tm.type == "date" or (tm.type == "interval" and not tm.value.endswith(".."))


def _narrative_events(text, lowered, doc, s, e, narrative: TimeMention, ents) -> list[Event]:
    """A sentence without a date of its own: its strong, past-tense triggers happen on the narrative's date."""
    if not EXTRA_NARRATIVE:
        return []
    _sentence(text, s, e, lowered)
    out = []
    for t in _compounds(lowered, _triggers(lowered, s, e)):
        if t.weak or t.noun or not _past(t.text) or _inside_entity(t, ents) or _PASSIVE_PRESENT.search(lowered, max(s, t.start - 20), t.start):
            continue
        ev = _make(text, doc, t.type, narrative, t.start, t.end, s, e, ents, anchored=False)
        if ev.modality == "asserted" and any(p["role"] == "agent" for p in ev.participants):
            out.append(ev)
            break       # the sentence's main event only
    return out


# "are revealed", "has repeatedly urged": states and habits, not the narrative's next step
_PASSIVE_PRESENT = re.compile(r"\b(?:is|are|be|been|being|am|has|have)\s+(?:\w+ly\s+)?$")


def _past(word: str) -> bool:
    head = word.split()[0]
    return head.endswith("ed") or head in _IRREGULAR_PAST


_IRREGULAR_PAST = {"met", "fought", "fled", "left", "gave", "said", "wrote", "sent", "told", "froze", "sank",
                   "broke", "held", "drew", "went", "took", "withdrew", "came", "began", "shut", "set"}
EXTRA_NARRATIVE = True
EXTRA_CLAUSE = True


def _sentence_events(text, lowered, doc, s, e, times, ents) -> list[Event]:
    _sentence(text, s, e, lowered)
    found = [t for t in _triggers(lowered, s, e) if not _inside_any(t, times) and not _adjectival(lowered, t)]
    triggers = [_light(lowered, t) for t in found if not _inside_entity(t, ents)]
    triggers += _aspectual(lowered, s, e, found, times)
    triggers += [Trigger(m.start, m.end, m.text, "war", False, True) for m in ents
                 if m.type == "other" and _WAR.search(m.text)]
    triggers = _compounds(lowered, _outermost(triggers))
    weapons = word_sets()["weapon_words"]
    if any(map(_launch, triggers)) and not any(w in weapons for w in _WORD.findall(lowered, s, e)):
        # "launched a campaign": without a weapon in the sentence a launch is no test
        triggers = [t for t in triggers if not _launch(t)]
    triggers.sort(key=lambda t: t.start)
    chosen: dict[int, tuple[Trigger, list[TimeMention]]] = {}
    out = []
    for tm in times:
        picks = _picks(text, tm, triggers, s, e)
        for t in picks:
            chosen.setdefault(t.start, (t, []))[1].append(tm)
        if not picks:
            out.append(_make(text, doc, "other", tm, tm.start, tm.end, s, e, ents))
    for trig, group in chosen.values():
        if len(group) > 1 and all(edtf.precision(t.value) in ("year", "decade", "century", "interval") for t in group):
            group = [_span_times(group)]       # "the 1930s and 40s": one period
        seen_values: set[str] = set()
        for tm in group:
            if tm.value not in seen_values:     # "three days later, on 19 January 1956": one date
                seen_values.add(tm.value)
                out.append(_typed(text, doc, trig, tm, s, e, ents, triggers))
    if EXTRA_CLAUSE:
        # strong past-tense verbs no date chose share the sentence's nearest date
        for t in triggers:
            if t.start in chosen or t.weak or t.noun or not _past(t.text):
                continue
            tm = min(times, key=lambda x: abs(x.start - t.start))
            if any(c.type == t.type for c, g in chosen.values() if tm in g):
                continue
            ev = _typed(text, doc, t, tm, s, e, ents, triggers)
            if ev.modality == "asserted" and any(p["role"] == "agent" for p in ev.participants):
                chosen[t.start] = (t, [tm])
                out.append(ev)
    out.sort(key=lambda ev: ev.start)
    return out


_WORD = re.compile(r"[a-z]+")
_WAR = re.compile(r"\bWar\b")


def _launch(t: Trigger) -> bool:
    return t.type == "weapons_test" and t.text.split()[0].startswith(("launch", "fire"))


_OBJECT_GAP = re.compile(r"\s+(?:[\w'’-]+\s+){0,3}")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|some|all|any|its|their|his|her|our|these|those|new|further|more)\s+$")
_REACTION_TYPES = frozenset({"accuse", "demand"})
_VP_ADJUNCT = re.compile(r",?\s+(?:in|on)\s+(?:the\s+)?")


def _compounds(lowered: str, triggers: list[Trigger]) -> list[Trigger]:
    """'travel bans': a bare trigger word right before an event noun modifies it, and is no event of
    its own. 'lifted some travel bans': an easing verb takes the sanctions it lifts as its object."""
    ts = sorted(triggers, key=lambda t: t.start)
    kept: list[Trigger] = []
    for i, t in enumerate(ts):
        nxt = ts[i + 1] if i + 1 < len(ts) else None
        if nxt is not None and nxt.noun and re.fullmatch(r"[ -]", lowered[t.end:nxt.start]) and " " not in t.text \
                and (t.noun or _DETERMINER_BEFORE.search(lowered, max(0, t.start - 12), t.start)):
            continue
        kept.append(t)
    out: list[Trigger] = []
    skip: set[int] = set()
    for i, t in enumerate(kept):
        if i in skip:
            continue
        if t.type == "ease" and not t.noun:
            obj = next((j for j in range(i + 1, len(kept)) if kept[j].start >= t.end), None)
            if obj is not None and kept[obj].type == "sanction" and kept[obj].noun \
                    and _OBJECT_GAP.fullmatch(lowered, t.end, kept[obj].start):
                t = Trigger(t.start, kept[obj].end, lowered[t.start:kept[obj].end], "ease", False, False)
                skip.add(obj)
        out.append(t)
    return out


def _outermost(triggers: list[Trigger]) -> list[Trigger]:
    """Drop triggers inside a longer one ('launched' inside 'launched a campaign')."""
    keep = []
    for t in sorted(triggers, key=lambda t: (t.start, -(t.end - t.start))):
        if keep and t.start >= keep[-1].start and t.end <= keep[-1].end:
            continue
        keep.append(t)
    return keep


def _picks(text: str, tm: TimeMention, triggers: list[Trigger], s: int, e: int) -> list[Trigger]:
    """The clause's verb for this date, and the event noun the date modifies ('the 2002 summit')."""
    cl, cr = _clause(text, tm.start, s, e)
    in_clause = [t for t in triggers if cl <= t.start < cr]
    verb = _nearest(tm, [t for t in in_clause if not t.noun], 200)
    adjacent = [t for t in in_clause if t.noun and (
        0 <= t.start - tm.end <= 15 and not _CLAUSE_BREAK.search(text, tm.end, t.start)
        or 0 <= tm.start - t.end <= 8)]
    noun = min(adjacent, key=lambda t: min(abs(t.start - tm.end), abs(tm.start - t.end)), default=None)
    picks = [verb] if verb else []
    if noun and verb is not None and verb.end <= noun.start < tm.start and _VP_ADJUNCT.fullmatch(text, noun.end, tm.start) \
            and _OBJECT_GAP.fullmatch(text, verb.end, noun.start):
        noun = None     # "apologized for the abductions in September 2002": the date is the apology's
    if noun and (verb is None or noun.type != verb.type):
        picks.append(noun)
    if not picks:
        best = _nearest(tm, in_clause, 200) or _nearest(tm, triggers, 40)
        picks = [best] if best else []
    return picks


_LIGHT_RE: re.Pattern | None = None


def _light(lowered: str, t: Trigger) -> Trigger:
    """'engaged in negotiations': an event noun governed by a light verb narrates, like a verb."""
    global _LIGHT_RE
    if not t.noun:
        return t
    if _LIGHT_RE is None:
        words = sorted(word_sets()["light_verbs"], key=len, reverse=True)
        _LIGHT_RE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\s+(?:\w+\s+){0,2}$")
    m = _LIGHT_RE.search(lowered, max(0, t.start - 40), t.start)
    if not m:
        return t
    return Trigger(m.start(), t.end, lowered[m.start():t.end], t.type, False, False)


_ADJECTIVAL_BEFORE = re.compile(r"(?:\bthe|\ba|\ban|\bnewly|\brecently|\bpreviously|\blong|\bonce|\bso-called)\s+$")


def _adjectival(lowered: str, t: Trigger) -> bool:
    """'the newly released documents': a participle before a noun describes, it doesn't narrate."""
    return not t.noun and t.text.endswith("ed") and bool(_ADJECTIVAL_BEFORE.search(lowered, max(0, t.start - 12), t.start))


def _nearest(tm: TimeMention, triggers: list[Trigger], limit: int) -> Trigger | None:
    best, best_score = None, None
    for t in triggers:
        distance = tm.start - t.end if t.end <= tm.start else max(0, t.start - tm.end)
        if t.weak and distance > 30:
            continue
        score = distance + (60 if t.weak else 0) - (10 if t.end <= tm.start else 0)
        if score <= limit and (best_score is None or score < best_score):
            best, best_score = t, score
    return best


_ASPECTUAL_RE: re.Pattern | None = None


def _aspectual(lowered: str, s: int, e: int, found: list[Trigger], times) -> list[Trigger]:
    """'the return began in 1959': an aspectual verb takes the type of the event noun before it."""
    global _ASPECTUAL_RE
    if _ASPECTUAL_RE is None:
        words = sorted(word_sets()["aspectual"], key=len, reverse=True)
        _ASPECTUAL_RE = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])")
    out = []
    if not _may_occur(lowered, "aspectual", s, e):
        return out
    for m in _ASPECTUAL_RE.finditer(lowered, s, e):
        if any(t.start <= m.start() < t.end for t in found) or any(t.start <= m.start() < t.end for t in times):
            continue
        if lowered.startswith(" to ", m.end()):
            continue        # "began to gain momentum": the complement is the event, if any
        before = [t for t in found if s <= t.start and t.end <= m.start() and m.start() - t.start <= 150]
        after = [t for t in found if t.noun and 0 <= t.start - m.end() <= 20]
        if after:
            src = after[0]          # transitive: "Japan resumed food aid"
        elif before:
            # the head of the subject: the first event word before the verb, or the nearest
            # one when a relative pronoun introduces the verb ("protests that began")
            src = before[-1] if _RELATIVE_BEFORE.search(lowered, max(s, m.start() - 8), m.start()) else before[0]
        else:
            continue
        out.append(Trigger(m.start(), m.end(), m.group(), src.type, False, False))
    return out


_RELATIVE_BEFORE = re.compile(r"\b(?:that|which|who)\s+$")


def _typed(text, doc, trig: Trigger, tm, s, e, ents, triggers: list[Trigger]) -> Event:
    """The event of a trigger, with the type refined by its complement or its agent."""
    etype, start, end = trig.type, trig.start, trig.end
    sets = word_sets()
    head = trig.text.split()[0]
    if head in sets["control"]:
        comp = next((t for t in triggers if t.start > trig.end and t.start - trig.end <= 12
                     and re.fullmatch(r"\s+to\s+(?:\w+\s+)?", text[trig.end:t.start])), None)
        if comp is not None and not comp.noun:
            etype, end = comp.type, comp.end
    # an event noun that is the object of a verb of reaction ("Tokyo condemned the launch", "called for
    # the release") has not that verb's subject for its agent
    governing = [t for t in triggers if not t.noun and t.end <= start]
    governor = governing[-1].end if trig.noun and governing and governing[-1].type in _REACTION_TYPES else None
    ev = _make(text, doc, etype, tm, start, end, s, e, ents, governor=governor)
    if governor is not None and governing[-1].type == "demand" and ev.modality == "asserted":
        ev.modality = "hypothetical"    # "demanded the release of the abductees": asked for, not done
    agent = next((p for p in ev.participants if p["role"] == "agent"), None)
    if etype == "migrate" and head in sets["visit_words"] and agent and _is_officeholder(agent["entity"]):
        ev.type = "meet"        # a leader who travels somewhere visits
    if etype == "leader" and not (agent and _is_officeholder(agent["entity"])) and head in ("died", "dies", "death"):
        ev.type = "other"       # a death is a change of leadership only for one who held office
    return ev


def _is_officeholder(entity_id: str) -> bool:
    from kankei.recognize.gazetteer import gazetteer
    entry = gazetteer().entries.get(entity_id)
    return bool(entry and entry.offices)


def _span_times(group: list[TimeMention]) -> TimeMention:
    """Coordinated dates of one occurrence ('the 1930s and 40s') -> one interval from first to last."""
    first, last = group[0], group[-1]
    a = first.value.split("/")[0]
    b = last.value.split("/")[-1]
    return TimeMention(first.start, last.end, "", f"{a}/{b}" if a != b else a, "interval")


def _inside_any(trig: Trigger, times: list[TimeMention]) -> bool:
    return _inside(trig.start, trig.end, times)


def _inside_entity(trig: Trigger, ents: list[EntityMention]) -> bool:
    return _inside(trig.start, trig.end, ents)


def _inside(start: int, end: int, spans) -> bool:
    for m in spans:         # a loop, not any(): called for every trigger of every dated sentence
        if m.start <= start and end <= m.end:
            return True
    return False


def _best_trigger(text: str, tm: TimeMention, triggers: list[Trigger]) -> Trigger | None:
    best, best_score = None, None
    for t in triggers:
        if t.end <= tm.start:
            gap = text[t.end:tm.start]
            distance = tm.start - t.end
        else:
            gap = text[tm.end:t.start]
            distance = max(0, t.start - tm.end)
        if t.weak and distance > 30:
            continue
        score = distance + (60 if t.weak else 0) + (20 if t.noun else 0) + (40 * len(_CLAUSE_BREAK.findall(gap)))
        if best_score is None or score < best_score:
            best, best_score = t, score
    return best


def _make(text, doc, etype, tm, ts, te, s, e, ents, anchored: bool = True, governor: int | None = None) -> Event:
    trigger_text = text[ts:te]
    ev = Event(id=_event_id(doc, etype, trigger_text, _sentence(text, s, e).key()), type=etype, date=tm.value,
               start=ts, end=te, text=trigger_text, time=(tm.start, tm.end) if anchored else None, sentence=(s, e))
    around = _clause_around(text, ts, s, e)
    ev.participants = _participants(text, ts, te, s, e, ents, etype, governor, around)
    # the clause read through asides is the plain clause when there are none
    ev.modality, ev.hedged = _modality(text, ts, te, s, e, None if around[2] else around[:2])
    return ev


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


def _note_events(text, doc, s, e, times, ents) -> list[Event]:
    """Letters and dispatches in the notes: 'A to B, <date>' and 'Memorandum for X, <date>'."""
    out = []
    for tm in times:
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
                   date=tm.value, start=ts, end=te, text=text[ts:te], time=(tm.start, tm.end), sentence=(s, e))
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
