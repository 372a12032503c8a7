"""Events: each date the text gives to an occurrence, with its type, trigger and participants.

A sentence's dated times anchor events; each takes the trigger nearest to it (strong
triggers before weak ones); a dated sentence with no trigger still yields an `other`
event. In the notes section only correspondence and dispatches (`Inoue to Boissier,
18 January 1956`) are events: publication years are not.
"""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache
from operator import attrgetter

from kankei import edtf
from kankei.assemble.clauses import (
    _CLAUSE_BREAK,
    _clause,
    _clause_around,
    _Document,
    _modality,
    _participants,
    _Sentence,
)
from kankei.assemble.triggers import Trigger, word_sets
from kankei.knowledge import load
from kankei.spans import EntityMention, TimeMention

_CORRESPONDENCE = re.compile(r"(?P<a>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2})\s+to\s+(?P<b>[A-Z][\w'’./-]+(?:\s+[A-Z][\w'’.-]+){0,3}),\s*$")
_DISPATCH = re.compile(r"\b(?:letter|memorandum|memo|telegram|cable|note verbale|minutes|report|bulletin|diary|aide-m[ée]moire)\b", re.I)


@dataclass(slots=True)
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
    document = _Document(text)
    periods = _period_re()
    dated = [t for t in times if t.value and t.type in ("date", "interval") and t.start not in exclude
             and not (t.anchor == "dct" and (t.relative or {}).get("same"))
             and not periods.search(t.text.lower())]
    events: list[Event] = []
    ti = ei = 0
    ents = sorted(entities, key=lambda m: m.start)
    ent_starts = [m.start for m in ents]
    narrative: TimeMention | None = None
    previous_dated = False
    for s, e in sentences:
        while ti < len(dated) and dated[ti].end <= s:
            narrative = dated[ti] if _is_narrative(dated[ti]) else narrative
            ti += 1
        j = ti
        while j < len(dated) and dated[j].start < e:
            j += 1
        here = dated[ti:j]
        if not here and not previous_dated:
            continue        # (previous_dated stays False)
        while ei < len(ents) and ents[ei].end <= s:
            ei += 1
        sent_ents = ents[ei:bisect_left(ent_starts, e, ei)]
        in_notes = notes_start is not None and s >= notes_start
        if in_notes:
            if here:
                events.extend(_note_events(text, doc, s, e, here, sent_ents))
        elif here:
            events.extend(_sentence_events(_Sentence(document, s, e), doc, here, sent_ents))
        elif previous_dated and narrative is not None and sent_ents and text.find("\n\n", narrative.end, s) < 0:
            events.extend(_narrative_events(_Sentence(document, s, e), doc, narrative, sent_ents))
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


def _is_narrative(tm: TimeMention) -> bool:
    return tm.type == "date" or (tm.type == "interval" and not tm.value.endswith(".."))


def _narrative_events(sent: _Sentence, doc: str, narrative: TimeMention, ents) -> list[Event]:
    """A sentence without a date of its own: its strong, past-tense triggers happen on the narrative's date."""
    lowered = sent.lowered
    out = []
    for t in _compounds(lowered, sent.triggers):
        if t.weak or t.noun or not _past(t.text) or _inside(t.start, t.end, ents) \
                or _PASSIVE_PRESENT.search(lowered, max(sent.s, t.start - 20), t.start):
            continue
        ev = _make(sent, doc, t.type, narrative, t.start, t.end, ents, anchored=False)
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


def _sentence_events(sent: _Sentence, doc: str, times: list[TimeMention], ents: list[EntityMention]) -> list[Event]:
    lowered = sent.lowered
    found = [t for t in sent.triggers if not _inside(t.start, t.end, times) and not _adjectival(lowered, t)]
    triggers = [_light(sent, t) for t in found if not _inside(t.start, t.end, ents)]
    triggers += _aspectual(sent, found, times)
    triggers += [Trigger(m.start, m.end, m.text, "war", False, True) for m in ents
                 if m.type == "other" and _WAR.search(m.text)]
    triggers = _compounds(lowered, _outermost(triggers))        # (by start)
    weapons = word_sets()["weapon_words"]
    if any(map(_launch, triggers)) and not any(w in weapons for w in _WORD.findall(lowered, sent.s, sent.e)):
        # "launched a campaign": without a weapon in the sentence a launch is no test
        triggers = [t for t in triggers if not _launch(t)]
    chosen: dict[int, tuple[Trigger, list[TimeMention]]] = {}
    out = []
    for tm in times:
        picks = _picks(sent, tm, triggers) if triggers else []
        for t in picks:
            chosen.setdefault(t.start, (t, []))[1].append(tm)
        if not picks:
            out.append(_make(sent, doc, "other", tm, tm.start, tm.end, ents))
    for trig, group in chosen.values():
        if len(group) > 1 and all(edtf.precision(t.value) in ("year", "decade", "century", "interval") for t in group):
            group = [_span_times(group)]       # "the 1930s and 40s": one period
        seen_values: set[str] = set()
        for tm in group:
            if tm.value not in seen_values:     # "three days later, on 19 January 1956": one date
                seen_values.add(tm.value)
                out.append(_typed(sent, doc, trig, tm, ents, triggers))
    # strong past-tense verbs no date chose share the sentence's nearest date
    for t in triggers:
        if t.start in chosen or t.weak or t.noun or not _past(t.text):
            continue
        tm = min(times, key=lambda x: abs(x.start - t.start)) if len(times) > 1 else times[0]
        if any(c.type == t.type for c, g in chosen.values() if tm in g):
            continue
        ev = _typed(sent, doc, t, tm, ents, triggers)
        if ev.modality == "asserted" and any(p["role"] == "agent" for p in ev.participants):
            chosen[t.start] = (t, [tm])
            out.append(ev)
    out.sort(key=attrgetter("start"))
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
    its own. 'lifted some travel bans': an easing verb takes the sanctions it lifts as its object.
    `triggers` are by start."""
    if len(triggers) < 2:
        return list(triggers)
    kept: list[Trigger] = []
    for i, t in enumerate(triggers):
        nxt = triggers[i + 1] if i + 1 < len(triggers) else None
        if nxt is not None and nxt.noun and lowered[t.end:nxt.start] in (" ", "-") and " " not in t.text \
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
    if len(triggers) < 2:
        return list(triggers)
    keep = []
    for t in sorted(triggers, key=lambda t: (t.start, -(t.end - t.start))):
        if keep and t.start >= keep[-1].start and t.end <= keep[-1].end:
            continue
        keep.append(t)
    return keep


def _picks(sent: _Sentence, tm: TimeMention, triggers: list[Trigger]) -> list[Trigger]:
    """The clause's verb for this date, and the event noun the date modifies ('the 2002 summit')."""
    text = sent.text
    cl, cr = _clause(sent, tm.start)
    in_clause = [t for t in triggers if cl <= t.start < cr]
    if not in_clause:
        best = _nearest(tm, triggers, 40)
        return [best] if best else []
    verb = _nearest(tm, [t for t in in_clause if not t.noun], 200)
    adjacent = [t for t in in_clause if t.noun and (
        0 <= t.start - tm.end <= 15 and not _CLAUSE_BREAK.search(text, tm.end, t.start)
        or 0 <= tm.start - t.end <= 8)]
    noun = min(adjacent, key=lambda t: min(abs(t.start - tm.end), abs(tm.start - t.end))) if adjacent else None
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


def _light(sent: _Sentence, t: Trigger) -> Trigger:
    """'engaged in negotiations': an event noun governed by a light verb narrates, like a verb."""
    global _LIGHT_RE
    if not t.noun:
        return t
    lowered, a = sent.lowered, max(0, t.start - 40)
    if a >= sent.s and not sent.may_occur("light_verbs", a, t.start):
        return t
    if _LIGHT_RE is None:
        words = sorted(word_sets()["light_verbs"], key=len, reverse=True)
        _LIGHT_RE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\s+(?:\w+\s+){0,2}$")
    m = _LIGHT_RE.search(lowered, a, t.start)
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


def _aspectual(sent: _Sentence, found: list[Trigger], times) -> list[Trigger]:
    """'the return began in 1959': an aspectual verb takes the type of the event noun before it."""
    global _ASPECTUAL_RE
    out: list[Trigger] = []
    lowered, s, e = sent.lowered, sent.s, sent.e
    if not sent.may_occur("aspectual", s, e):
        return out
    if _ASPECTUAL_RE is None:
        words = sorted(word_sets()["aspectual"], key=len, reverse=True)
        _ASPECTUAL_RE = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])")
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


def _typed(sent: _Sentence, doc: str, trig: Trigger, tm, ents, triggers: list[Trigger]) -> Event:
    """The event of a trigger, with the type refined by its complement or its agent."""
    etype, start, end = trig.type, trig.start, trig.end
    sets = word_sets()
    head = trig.text.split()[0]
    if head in sets["control"]:
        comp = next((t for t in triggers if t.start > trig.end and t.start - trig.end <= 12
                     and _TO_COMPLEMENT.fullmatch(sent.text, trig.end, t.start)), None)
        if comp is not None and not comp.noun:
            etype, end = comp.type, comp.end
    # an event noun that is the object of a verb of reaction ("Tokyo condemned the launch", "called for
    # the release") has not that verb's subject for its agent
    governing: Trigger | None = None
    if trig.noun:
        for t in triggers:      # the last verb before the noun
            if not t.noun and t.end <= start:
                governing = t
    reaction = governing if governing is not None and governing.type in _REACTION_TYPES else None
    ev = _make(sent, doc, etype, tm, start, end, ents, governor=reaction.end if reaction is not None else None)
    if reaction is not None and reaction.type == "demand" and ev.modality == "asserted":
        ev.modality = "hypothetical"    # "demanded the release of the abductees": asked for, not done
    if etype == "migrate" and head in sets["visit_words"] and _officeholder_agent(ev):
        ev.type = "meet"        # a leader who travels somewhere visits
    if etype == "leader" and head in ("died", "dies", "death") and not _officeholder_agent(ev):
        ev.type = "other"       # a death is a change of leadership only for one who held office
    return ev


_TO_COMPLEMENT = re.compile(r"\s+to\s+(?:\w+\s+)?")


def _officeholder_agent(ev: Event) -> bool:
    agent = next((p for p in ev.participants if p["role"] == "agent"), None)
    return agent is not None and _is_officeholder(agent["entity"])


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


def _inside(start: int, end: int, spans) -> bool:
    for m in spans:         # a loop, not any(): called for every trigger of every dated sentence
        if m.start <= start and end <= m.end:
            return True
    return False


def _make(sent: _Sentence, doc: str, etype: str, tm: TimeMention, ts: int, te: int, ents: list[EntityMention],
          anchored: bool = True, governor: int | None = None) -> Event:
    trigger_text = sent.text[ts:te]
    ev = Event(id=_event_id(doc, etype, trigger_text, sent.key()), type=etype, date=tm.value, start=ts, end=te,
               text=trigger_text, time=(tm.start, tm.end) if anchored else None, sentence=(sent.s, sent.e))
    around = _clause_around(sent, ts) if sent.parens else (*_clause(sent, ts), [])
    ev.participants = _participants(sent, ts, te, ents, etype, governor, around)
    # the clause read through asides is the plain clause when there are none
    ev.modality, ev.hedged = _modality(sent, ts, te, None if around[2] else around[:2])
    return ev


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
