"""One sentence read for its events: triggers checked against the clause analysis, light
and aspectual verbs joined to the event nouns they govern, each event given its own
clause's time, its participants and its modality.

An event is found from the words that state it (a verb, an event noun, a phrase of the
lexicon), never from a date. A verb states an event wherever it is a predicate; an event
noun only when something makes it an occurrence: a time of its own ('the 2002 summit'), a
light verb ('held talks'), an aspectual verb ('the return began').
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache

from kankei.analyze import analyze
from kankei.assemble.event_parts import ACTOR_TYPES, Entities, Parts, phrase_actors, role_of
from kankei.assemble.event_time import follows, is_narrative, modifies_before
from kankei.assemble.triggers import Trigger, adjective_types, lexicon, verb_types, word_sets
from kankei.spans import TimeMention

_ADJECTIVE_SLOT_BEFORE = frozenset({"DT", "PRP$", "POS", "JJ", "JJR", "JJS", "CD", "RB", "WP$"})
_NOUN_TAGS = ("NN", "NNS", "NNP", "NNPS")
_SUBORDINATORS_IF = frozenset({"if", "unless", "whether"})
_NEGATING_CONTROL = frozenset({"refuse", "fail", "decline", "bar", "ban", "prevent", "prohibit", "stop", "forbid"})
_WEAPONS_TEST_VERBS = ("launch", "fire", "shoot", "test")
_TERRITORY_TYPES = frozenset({"annex", "war"})
# the phrases whose dated event a verb reacts to or happens at ('condemned the launch', 'at the summit')
_ABOUT_OR_AT = frozenset({"for", "over", "of", "against", "to", "at", "during", "in"})
_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")
_LIST_SEP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?:the\s+)?")
# subordinate clauses whose time is the main clause's time too ('after', not 'before')
_TEMPORAL_MARKERS = frozenset({"after", "when", "as", "once", "following", "upon", "while", "whereupon"})


@dataclass(slots=True)
class Reading:
    """A candidate event: its trigger span, type, the head token, and what is known of its clause."""
    start: int
    end: int
    type: str
    head: object                    # the analysis token the trigger stands on
    verb: bool
    clause: object | None = None
    times: list[TimeMention] = field(default_factory=list)
    modality: str = "asserted"
    weak: bool = False
    noun_event: object | None = None    # the event noun a light or aspectual verb took over
    parts: Parts | None = None
    inherited: TimeMention | None = None    # the time of the clause it depends on ('..., rejecting the suit')
    hedged: bool = False                    # reported, not witnessed ('is believed to have been born')
    occasion: Reading | None = None         # the event whose setting it is ('At a meeting ..., Abe said')


@cache
def _light_forms() -> tuple[frozenset[str], frozenset[str]]:
    sets = word_sets()
    return sets["light_verbs"], sets["aspectual"]


class SentenceReader:
    """Reads one sentence of a document."""

    def __init__(self, text: str, s: int, e: int, triggers: list[Trigger], times: list[TimeMention],
                 ents: Entities) -> None:
        self.text, self.s, self.e = text, s, e
        self.triggers, self.times, self.ents = triggers, times, ents
        self.an = analyze(text, s, e)
        self.tokens = self.an.tokens
        self.starts = [t.start for t in self.tokens]
        self.by_head = {c.predicate.head.start: c for c in self.an.clauses if c.predicate is not None}

    def clause_of_verb(self, tok) -> object | None:
        """The clause a verb heads (clause spans can overlap; its head is certain)."""
        return self.by_head.get(tok.start) or self.an.clause_of(tok.start)

    def clause_holding(self, start: int) -> object | None:
        """The clause one of whose phrases holds the offset, else the innermost clause around it."""
        for c in self.an.clauses:
            for ph in (*c.pps, *c.objects):
                if ph.start <= start < ph.end:
                    return c
        around = self.an.clause_of(start)
        if around is not None:
            return around
        # a fronted adverbial ('Last November, Pyongyang returned ...') belongs to the clause after it
        after = [c for c in self.an.clauses if c.start > start and c.predicate is not None]
        return min(after, key=lambda c: (c.relation is not None, c.start), default=None)

    # --- tokens ---------------------------------------------------------------------------
    def token_index(self, pos: int) -> int | None:
        i = bisect_right(self.starts, pos) - 1
        if i >= 0 and self.tokens[i].start <= pos < self.tokens[i].end:
            return i
        return None

    def _tag(self, i: int) -> str:
        return self.tokens[i].tag if 0 <= i < len(self.tokens) else ""

    # --- candidates -----------------------------------------------------------------------
    def readings(self) -> list[Reading]:
        """Every trigger that the analysis reads as a predicate or an event noun."""
        out: list[Reading] = []
        forms = lexicon()
        vtypes = verb_types()
        for t in self.triggers:
            i = self.token_index(t.start)
            if i is None:
                continue
            tok = self.tokens[i]
            multi = " " in t.text or "-" in t.text and t.end > tok.end
            if multi and not t.noun and not tok.tag.startswith("VB"):
                # 'court ordered', 'Dialogue resumed': the phrase stands on its verb
                j = i
                while j + 1 < len(self.tokens) and self.tokens[j + 1].start < t.end and not self.tokens[j].tag.startswith("VB"):
                    j += 1
                if self.tokens[j].tag.startswith("VB"):
                    i, tok = j, self.tokens[j]
            tag = tok.tag
            if tag.startswith("VB"):
                if self._adjectival(i):
                    continue
                etype = t.type if multi or not t.noun else vtypes.get(tok.lemma)
                if etype is None:
                    continue
                out.append(Reading(t.start, t.end, etype, tok, True, weak=t.weak))
            elif tag == "JJ" and not multi and tok.text.lower() in adjective_types():
                be = self._copula_before(i)
                if be is not None:      # 'the launch is totally unacceptable'
                    out.append(Reading(t.start, t.end, adjective_types()[tok.text.lower()], be, True))
            elif tag in _NOUN_TAGS or tag == "JJ" and multi:
                entry = forms.get(t.text, (t.type, True) if t.noun else None)
                if entry is None or not entry[1] and not multi:
                    continue        # a verb form read as a noun ('rules', 'files')
                j = i       # a compound's head is its last noun ('nuclear test', 'missile tests')
                while j + 1 < len(self.tokens) and self.tokens[j + 1].end <= t.end:
                    j += 1
                out.append(Reading(t.start, t.end, t.type, self.tokens[j], False, weak=t.weak))
        return out

    def _copula_before(self, i: int):
        """The form of 'be' a predicate adjective stands after ('is totally unacceptable')."""
        j = i - 1
        while j >= 0 and self.tokens[j].tag in ("RB", "RBR", "RBS"):
            j -= 1
        return self.tokens[j] if j >= 0 and self.tokens[j].lemma == "be" else None

    def _adjectival(self, i: int) -> bool:
        """'the returned abductees', 'an acknowledged fact': a participle that describes a noun."""
        tok = self.tokens[i]
        if tok.tag not in ("VBN", "VBG"):
            return False
        nxt = self._tag(i + 1)
        return nxt in _NOUN_TAGS and (i == 0 or self._tag(i - 1) in _ADJECTIVE_SLOT_BEFORE)

    # --- the sentence's events ------------------------------------------------------------
    def _motions(self, cands: list[Reading]) -> list[Reading]:
        """'went to North Korea in 1960': a verb of motion with where it went is a migration."""
        motion = word_sets()["motion"]
        taken = {r.head.start for r in cands}
        out = []
        for tok in self.tokens:
            if not tok.tag.startswith("VB") or tok.lemma not in motion or tok.start in taken:
                continue
            clause = self.by_head.get(tok.start)
            if clause is None:
                continue
            for pp in clause.pps:
                if _prep(pp) in ("to", "for", "into") and pp.start > tok.start and \
                        any(m.type in ("place", "country") for m in self.ents.within(pp.start, pp.end)):
                    out.append(Reading(tok.start, tok.end, "migrate", tok, True, clause=clause))
                    break
        return out

    def events(self) -> list[Reading]:
        cands = _heads_only(self.readings(), self.text)
        cands += self._motions(cands)
        verbs = [r for r in cands if r.verb]
        nouns = [r for r in cands if not r.verb]
        for r in verbs:
            r.clause = self.clause_of_verb(r.head)
        verbs = self._join_light_and_aspectual(verbs, nouns)
        verbs = self._join_control(verbs)
        verbs = [r for r in verbs if self._weapon_ok(r) and not self._aside(r)]
        self._give_times(verbs, nouns)
        self._inherit_times(verbs, nouns)
        for n in nouns:
            if not n.times:
                n.occasion = self._occasion(n, verbs)
        kept_nouns = [n for n in nouns if n.times or n.occasion is not None]
        for n in kept_nouns:
            n.clause = self.an.clause_of(n.head.start)
        out = _one_per_time(verbs + kept_nouns)
        by_head = {r.head.start: r for r in verbs}
        for r in out:
            r.modality = self._modality(r)
            r.parts = self._participants(r)
            if not r.verb and not r.parts.has("agent"):
                self._noun_subject(r, r.parts, by_head)
            if r.type == "migrate" and r.verb and r.head.lemma == "return" and r.clause is not None \
                    and r.clause.objects and r.clause.predicate is not None and not _passive(r.clause):
                r.type = "release"      # 'Pyongyang returned the remains to Japan': handed back, not moved
        # weak triggers ('give', 'send', 'issue') state an event only with an actor in it
        out = [r for r in out if not r.weak or r.parts.has("agent") or r.parts.has("patient")]
        out.sort(key=lambda r: r.start)
        return out

    def _aside(self, r: Reading) -> bool:
        """'..., noting that', 'citing': a participle of saying goes with the statement it is part of."""
        vg = getattr(r.clause, "predicate", None)
        return r.type == "statement" and vg is not None and vg.form in ("gerund", "participle") \
            and r.clause.relation == "adverbial" and r.noun_event is None

    def _inherit_times(self, verbs: list[Reading], nouns: list[Reading]) -> None:
        """A verb without a time of its own takes one from what it depends on or reacts to: the
        clause it depends on ('..., rejecting the suit', 'and then met', 'to meet'); a temporal
        clause of its own ('After X tested a device on October 9, Japan imposed sanctions'); the
        dated event it is about ('Tokyo condemned the April 2012 launch')."""
        timed = {id(v.clause): v for v in verbs if v.times and v.clause is not None}
        for v in verbs:
            c = v.clause
            if v.times or c is None:
                continue
            while c.parent is not None and c.relation in ("adverbial", "infinitive", "coordinate"):
                c = c.parent
                owner = timed.get(id(c))
                if owner is not None:
                    v.inherited = owner.times[0]
                    break
                own = [t for t in self.clause_times.get(id(c), ()) if is_narrative(t)]
                if own:     # 'In 2002, Kim deep-sixed relations by admitting ...': the clause's time
                    v.inherited = own[0]
                    break
            if v.inherited is not None:
                continue
            for child in self.an.clauses:
                if child.parent is v.clause and child.relation == "adverbial" and child.marker is not None \
                        and child.marker.text.lower() in _TEMPORAL_MARKERS and id(child) in timed:
                    v.inherited = timed[id(child)].times[0]
                    break
            vg = v.clause.predicate
            if v.inherited is not None or vg is not None and vg.tense == "present" and vg.aspect is None:
                continue        # (a verb of now is dated by the document, not by what it speaks of)
            phrases = list(v.clause.objects) + [pp for pp in v.clause.pps if _prep(pp) in _ABOUT_OR_AT]
            for n in nouns:
                if n.times and any(ph.start <= n.head.start < ph.end for ph in phrases):
                    v.inherited = n.times[0]
                    break

    def _occasion(self, noun: Reading, verbs: list[Reading]) -> Reading | None:
        """'At a meeting with the families, Abe said ...': an event noun that sets the scene of a
        verb's event happened when it did."""
        for v in verbs:
            c = v.clause
            if c is not None and v.modality == "asserted" and any(
                    _prep(pp) in ("at", "during") and pp.start <= noun.head.start < pp.end for pp in c.pps):
                return v
        return None

    def _weapon_ok(self, r: Reading) -> bool:
        """'launched a campaign': a launch or a firing is a weapons test only with a weapon in its sentence."""
        if r.type != "weapons_test" or r.noun_event is not None or not r.head.lemma.startswith(_WEAPONS_TEST_VERBS):
            return True
        weapons = word_sets()["weapon_words"]
        return any(t.text.lower() in weapons for t in self.tokens)

    def _join_light_and_aspectual(self, verbs: list[Reading], nouns: list[Reading]) -> list[Reading]:
        """'held talks', 'imposed sanctions', 'the repatriation began': one event of the noun's type."""
        light, aspectual = _light_forms()
        taken: set[int] = set()
        out = [v for v in verbs]
        by_start = {n.head.start: n for n in nouns}
        for clause in self.an.clauses:
            vg = clause.predicate
            if vg is None:
                continue
            head = vg.head
            word = head.text.lower()
            phrases = list(clause.objects)
            passive = _passive(clause)
            is_light = word in light or head.lemma in light
            is_aspectual = word in aspectual or head.lemma in aspectual or \
                self.text[head.start:head.start + 12].lower().startswith(("took place", "take place", "takes place"))
            if not (is_light or is_aspectual):
                continue
            if passive or is_aspectual:
                if clause.subject is not None:
                    phrases.append(clause.subject)
            if is_light and not passive:
                phrases += [pp for pp in clause.pps if _prep(pp) in ("in", "into")][:1]   # "engaged in talks"
            noun = None
            for ph in phrases:
                noun = self._event_noun_in(ph, by_start)
                if noun is not None:
                    break
            if noun is None:
                continue
            taken.add(noun.head.start)
            near = 0 <= noun.start - head.end <= 25 and noun.start > head.start
            start, end = head.start, (noun.end if near else head.end)
            existing = next((v for v in out if v.head.start == head.start), None)
            if existing is not None:
                out.remove(existing)
            out.append(Reading(start, end, noun.type, head, True, clause=clause, noun_event=noun))
        # 'lifted some travel bans', 'eased its sanctions': an easing takes the sanction it eases
        for v in out:
            if v.type == "ease" and v.noun_event is None and v.clause is not None and v.clause.objects:
                noun = self._event_noun_in(v.clause.objects[0], by_start)
                if noun is not None and noun.type == "sanction" and noun.head.start not in taken \
                        and 0 <= noun.start - v.end <= 25:
                    taken.add(noun.head.start)
                    v.end, v.noun_event = noun.end, noun
        nouns[:] = [n for n in nouns if n.head.start not in taken]
        return out

    def _event_noun_in(self, phrase, by_start: dict[int, Reading]) -> Reading | None:
        """The event noun heading a phrase, or the first one in it before any preposition."""
        head = getattr(phrase, "head", None)
        if head is not None and head.start in by_start:
            return by_start[head.start]
        return None

    def _join_control(self, verbs: list[Reading]) -> list[Reading]:
        """'agreed to remove the ban': the control verb and its complement are one event of the
        complement's type; 'plans to visit' is a visit not yet made."""
        sets = word_sets()
        control, planning = sets["control"], sets["planning"]
        by_clause = {id(v.clause): v for v in verbs if v.clause is not None}
        drop: set[int] = set()
        for v in verbs:
            parent = getattr(v.clause, "parent", None)
            if parent is not None and parent.predicate is not None and v.clause.relation == "adverbial" \
                    and v.clause.marker is not None and v.clause.marker.text.lower() == "from" \
                    and parent.predicate.head.lemma in _NEGATING_CONTROL:
                v.modality = "negated"      # 'barred from returning', 'prevented from leaving'
                continue
            if parent is None or v.clause.relation != "infinitive":
                continue
            pvg = parent.predicate
            if pvg is None:
                continue
            lemma = pvg.head.lemma
            if lemma in _NEGATING_CONTROL:
                v.modality = "negated"
                owner = by_clause.get(id(parent))
                if owner is not None and lemma == "fail":
                    drop.add(id(owner))     # 'failed to reach': a failure is the complement not done
            elif lemma in planning:
                if by_clause.get(id(parent)) is not None:
                    drop.add(id(v))     # 'urged Japan to lift', 'threatened to launch': the demand or threat says it
                v.modality = "hypothetical"
            elif lemma in control or pvg.head.text.lower() in control:
                owner = by_clause.get(id(parent))
                if owner is not None and owner.type not in ("agree",):
                    drop.add(id(owner))
                v.start = min(v.start, pvg.head.start)
        return [v for v in verbs if id(v) not in drop and not self._purpose(v)]

    def _purpose(self, v: Reading) -> bool:
        """'efforts to resolve', 'went there to discuss': an infinitive that no verb of planning,
        deciding or asking governs states no occurrence of its own."""
        c = v.clause
        vg = getattr(c, "predicate", None)
        if vg is None or vg.form != "infinitive" or c.relation != "infinitive" or v.modality != "asserted":
            return False
        parent = c.parent.predicate if c.parent is not None else None
        if parent is not None and parent.head.lemma in word_sets()["raising"]:
            v.hedged = True         # 'is believed to have been born in 1971'
            return False
        return v.start >= vg.head.start     # (a control verb joined to it starts the event earlier)

    # --- times ----------------------------------------------------------------------------
    def _give_times(self, verbs: list[Reading], nouns: list[Reading]) -> None:
        text = self.text
        verb_offsets = {t.start for t in self.tokens if t.tag.startswith("VB") or t.tag == "MD"}
        by_clause: dict[int, list[Reading]] = {}
        for v in verbs:
            by_clause.setdefault(id(v.clause), []).append(v)
        self.clause_times: dict[int, list[TimeMention]] = {}
        for t in self.times:
            holder = self.clause_holding(t.start)
            if holder is not None:
                self.clause_times.setdefault(id(holder), []).append(t)
            noun = next((n for n in nouns if modifies_before(text, t, n.head.start, verb_offsets)
                         or n.start <= t.start and t.end <= n.end), None)
            if noun is None:
                noun = next((n for n in nouns if follows(text, n.end, t)), None)
                if noun is not None and self._verb_takes_it(noun, t, by_clause):
                    if self._temporal_anchor(noun):
                        noun.times.append(t)    # 'banned imports after the test in 2006': both in 2006
                    noun = None
            if noun is not None:
                noun.times.append(t)
                continue
            clause = self.clause_holding(t.start)
            owners = None
            while clause is not None:
                owners = by_clause.get(id(clause))
                if owners or clause.relation != "infinitive":
                    break
                clause = clause.parent
            if not owners and clause is not None:
                # 'plans to publish a book on Thursday': the time of the plan's clause is the complement's
                owners = next((by_clause[id(c)] for c in self.an.clauses if c.parent is clause
                               and c.relation == "infinitive" and id(c) in by_clause), None)
            if owners:
                nearest = min(owners, key=lambda v: abs(v.head.start - t.start))
                i = nearest.head.i
                if nearest.head.tag == "VBN" and i > 0 and self.tokens[i - 1].tag in _NOUN_TAGS:
                    # 'the nuclear test proclaimed by North Korea on October 9': the test's date too
                    noun = next((n for n in nouns if n.head.i == i - 1), None)
                    if noun is not None:
                        noun.times.append(t)
                vg = clause.predicate
                noun = None
                if vg is not None and vg.tense == "present" and vg.aspect is None:
                    # 'Japan welcomes the adoption of the resolution on October 14': a verb of now
                    # does not take a past date; the event noun before the date does
                    noun = max((n for n in nouns if clause.start <= n.start < t.start and n.start > nearest.start),
                               key=lambda n: n.start, default=None)
                (noun or nearest).times.append(t)
            elif clause is not None and clause.relation == "relative":
                # 'the ban on imports, which has been in place since 2006': the event noun it describes
                noun = max((n for n in nouns if n.end <= clause.start and not any(
                    n.end <= v < clause.start for v in verb_offsets)), key=lambda n: n.start, default=None)
                if noun is not None:
                    noun.times.append(t)
            else:
                # a state ('the ban, in place since 2006'): the event noun that is its subject
                subject = getattr(clause, "subject", None) if clause is not None else None
                if subject is not None:
                    noun = self._event_noun_in(subject, {n.head.start: n for n in nouns})
                    if noun is not None:
                        noun.times.append(t)

    def _temporal_anchor(self, noun: Reading) -> bool:
        """An event noun that a temporal preposition governs ('after the test') is an occurrence."""
        i = noun.head.i
        while i > 0 and self.tokens[i - 1].tag not in ("IN", "TO", "VBD", "VBZ", "VBP", "VB", "VBN", ","):
            i -= 1
        return i > 0 and self.tokens[i - 1].text.lower() in ("after", "before", "following", "since", "until", "during")

    def _verb_takes_it(self, noun: Reading, t: TimeMention, by_clause: dict[int, list[Reading]]) -> bool:
        """'apologized for the abductions in 2002': a time after the object of a past event verb is the verb's."""
        clause = self.an.clause_of(noun.head.start)
        owners = by_clause.get(id(clause)) if clause is not None else None
        if not owners:
            return False
        v = owners[0]
        vg = clause.predicate
        return v.head.start < noun.start and vg is not None and vg.tense == "past" \
            and not self.text[noun.end:t.start].strip(" ,").lower().startswith(("on", "of"))

    # --- modality -------------------------------------------------------------------------
    def _modality(self, r: Reading) -> str:
        if r.modality != "asserted":
            return r.modality
        if not r.verb and self._demanded(r):
            return "hypothetical"       # 'called for the release of the abductees': asked for, not done
        clause = r.clause
        vg = getattr(clause, "predicate", None) if clause is not None else None
        if vg is None:
            return "asserted"
        if r.verb or r.noun_event is not None or clause is not None:
            first = vg.first if vg.first else self.token_index(vg.start)
            if vg.negated or first and self.tokens[first - 1].text.lower() in ("never", "not", "n't"):
                return "negated"
            if vg.modal or vg.tense == "future":
                return "hypothetical"
        c = clause
        while c is not None:
            if c.marker is not None and c.marker.text.lower() in _SUBORDINATORS_IF:
                return "hypothetical"
            if c.relation not in ("infinitive", "coordinate"):
                break
            c = c.parent
        return "asserted"

    def _demanded(self, noun: Reading) -> bool:
        clause = self.an.clause_of(noun.head.start)
        vg = getattr(clause, "predicate", None)
        if vg is None or vg.head.start > noun.start:
            return False
        lemma = vg.head.lemma
        word = self.text[vg.head.start:noun.start].lower()
        return lemma in ("demand", "urge", "request", "seek", "ask", "press", "want") or \
            lemma == "call" and word.startswith(("call for", "called for", "calls for", "calling for"))

    # --- participants ---------------------------------------------------------------------
    def _participants(self, r: Reading) -> Parts:
        parts = Parts()
        clause = r.clause
        if r.verb and clause is not None:
            self._clause_parts(r, clause, parts)
        else:
            self._noun_parts(r, parts)
        return parts

    def _clause_parts(self, r: Reading, clause, parts: Parts) -> None:
        ents, etype = self.ents, r.type
        passive = _passive(clause)
        subject_actors = self._subject_actors(clause, ACTOR_TYPES | {"place"} if passive and etype in _TERRITORY_TYPES
                                              else ACTOR_TYPES)
        by_agents = []
        if clause.agent is not None:
            by_agents += phrase_actors(ents, clause.agent.start, clause.agent.end)
        for pp in clause.pps:
            if _prep(pp) == "by" and (clause.agent is None or pp.start >= clause.agent.end or pp.end <= clause.agent.start):
                by_agents += phrase_actors(ents, pp.start, pp.end)
        if passive:
            for m in by_agents:
                parts.add("agent", m)
            for m in subject_actors:
                parts.add("patient", m, etype)
        else:
            for m in subject_actors:
                parts.add("agent", m)
        for ob in clause.objects:
            role = role_of(etype, "object")
            if role:
                for m in phrase_actors(ents, ob.start, ob.end, ACTOR_TYPES | {"document", "place"}):
                    # a territory annexed or invaded is what the event is done to; elsewhere a place locates it
                    parts.add(role if m.type != "place" or etype in _TERRITORY_TYPES else "location", m, etype)
        for pp in clause.pps:
            prep = _prep(pp)
            if prep == "by":
                continue
            role = role_of(etype, prep)
            if role is None:
                continue
            for m in ents.within(pp.start, pp.end):
                if role == "patient" and m.type == "country" and role_of(etype, "in") == "location" \
                        and prep in ("to", "from") and etype in ("migrate", "release", "abduct"):
                    parts.add("location", m)
                else:
                    parts.add(role, m)
        if r.noun_event is not None:
            self._noun_parts(r.noun_event, parts)

    def _subject_actors(self, clause, types=ACTOR_TYPES) -> list:
        found = self._subject_head_actors(clause, types)
        if len(found) == 1:
            found = self._coordinated(found[0]) or found
        return found

    def _coordinated(self, m) -> list:
        """'Japan, China and Russia signed': every actor of a coordinated subject."""
        items = [x for x in self.ents.items if x.type in ACTOR_TYPES]
        k = next((i for i, x in enumerate(items) if x is m), None)
        if k is None:
            return []
        lo = hi = k
        while lo > 0 and _LIST_SEP.fullmatch(self.text, items[lo - 1].end, items[lo].start):
            lo -= 1
        while hi + 1 < len(items) and _LIST_SEP.fullmatch(self.text, items[hi].end, items[hi + 1].start):
            hi += 1
        return items[lo:hi + 1]

    def _subject_head_actors(self, clause, types=ACTOR_TYPES) -> list:
        subject = clause.subject
        vg = clause.predicate
        if subject is not None and vg is not None and subject.start > vg.start and clause.relation != "relative":
            subject = None      # (a subject after its verb is an analysis slip: look before the verb)
        if subject is not None:
            found = phrase_actors(self.ents, subject.start, subject.end, types)
            if found:
                return found
            head = subject.head
            if head.tag in ("PRP", "PRP$", "WP", "WDT"):
                m = self.ents.antecedent(head.text, subject.start)
                return [m] if m is not None else []
            if not (subject.end <= vg.start and subject.start >= clause.start) if vg is not None else True:
                return []
        if vg is None or clause.relation not in (None, "complement", "coordinate", "parataxis"):
            return []
        # the chunker may cut the subject short ('TOKYO- Prime Minister Shinzo Abe stressed'):
        # the actors just before the verb group, not inside a prepositional phrase
        start = subject.start if subject is not None else self._left_edge(vg)
        found = [m for m in phrase_actors(self.ents, start, vg.start) if not self._in_pp(m.start)]
        return found[-1:] if found else []

    def _left_edge(self, vg) -> int:
        """Where a clause that the analysis left without a subject begins: after the last
        punctuation, conjunction or verb before its verb group ('...debts; Chongryon lost')."""
        i = vg.first if vg.first else (self.token_index(vg.start) or 0)
        while i > 0 and self.tokens[i - 1].tag not in (",", ":", ".", "CC", "IN", "TO") \
                and not self.tokens[i - 1].tag.startswith("VB"):
            i -= 1
        return self.tokens[i].start if i < len(self.tokens) else vg.start

    def _in_pp(self, pos: int) -> bool:
        i = self.token_index(pos)
        while i is not None and i > 0 and self.tokens[i - 1].tag in ("NNP", "NNPS", "DT", "JJ", "NN", "NNS", "HYPH", "CD") \
                and not _YEAR.fullmatch(self.tokens[i - 1].text):     # 'In 1960 Koreans emigrated': the PP ends at the year
            i -= 1
        return i is not None and i > 0 and self.tokens[i - 1].tag in ("IN", "TO")

    def _noun_subject(self, r: Reading, parts: Parts, readings: dict[int, Reading]) -> None:
        """'North Korea went ahead with a nuclear test': an event noun in a clause whose verb
        states no event of its own is done by the clause's subject."""
        clause = self.an.clause_of(r.head.start)
        vg = getattr(clause, "predicate", None)
        if vg is None or vg.head.start >= r.start or vg.head.start in readings or _passive(clause):
            return
        for m in self._subject_actors(clause):
            parts.add("agent", m)

    def _noun_parts(self, r: Reading, parts: Parts) -> None:
        """An event noun's actors: its modifiers ('North Korea's test', 'the Japan–US summit') act;
        its phrases ('of X', 'against X', 'in X') take the roles of the table."""
        ents = self.ents
        chunk = self.an.np_at(r.head.start)
        start = chunk.start if chunk is not None else max(self.s, r.start - 40)
        for m in ents.within(start, r.start):
            parts.add("agent", m)
        # the phrases after the noun, up to a verb or a clause break
        j = self.token_index(r.end - 1)
        if j is None:
            return
        j += 1
        while j < len(self.tokens) and self.tokens[j].tag in ("IN", "TO") and j - 1 < len(self.tokens):
            prep = self.tokens[j].text.lower()
            k = j + 1
            while k < len(self.tokens) and (self.tokens[k].tag in _NOUN_TAGS or self.tokens[k].tag in
                                           ("DT", "JJ", "CD", "POS", "CC", "HYPH", "PRP$", ",")):
                if self.tokens[k].tag == "," and not (k + 1 < len(self.tokens) and self.tokens[k + 1].tag == "CC"):
                    break
                k += 1
            end = self.tokens[k - 1].end if k > j + 1 else self.tokens[j].end
            role = "agent" if prep == "by" else role_of(r.type, prep)
            if prep == "between":
                role = "agent"
            if role:
                for m in ents.within(self.tokens[j].end, end):
                    parts.add(role, m)
            j = k


def _heads_only(readings: list[Reading], text: str) -> list[Reading]:
    """'the adoption of the resolution': an event noun after 'of' that names the same kind of
    event as the noun before it is that event, not another."""
    out: list[Reading] = []
    for r in readings:
        prev = out[-1] if out else None
        if prev is not None and not r.verb and not prev.verb and prev.type == r.type \
                and _OF_LINK.fullmatch(text, prev.end, r.start):
            continue
        out.append(r)
    return out


_OF_LINK = re.compile(r"\s+of\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}")


def _one_per_time(readings: list[Reading]) -> list[Reading]:
    """'a meeting held in Pyongyang in December': one occurrence where a sentence gives two
    words of one type the same time (or none)."""
    out: list[Reading] = []
    seen: dict[tuple, Reading] = {}
    for r in sorted(readings, key=lambda r: r.start):
        key = (r.type, tuple(t.start for t in r.times), r.modality)
        if key in seen and (r.times or r.noun_event is not None or not r.verb):
            continue
        seen[key] = r
        out.append(r)
    return out


def _passive(clause) -> bool:
    """A passive verb group: a participle with 'be' or 'get' (a bare participle that heads a main
    clause is a past tense the tagger took for one: 'In 1960 Koreans emigrated to ...')."""
    vg = clause.predicate
    if vg is None or vg.voice != "passive":
        return False
    return not (vg.first == vg.last and clause.relation is None and clause.agent is None)


def _prep(pp) -> str:
    prep = getattr(pp, "prep", None)
    if prep is None:
        return ""
    return (prep if isinstance(prep, str) else prep.text).lower()

