"""One sentence read for its events: triggers checked against the clause analysis, light
and aspectual verbs joined to the event nouns they govern, each event given its own
clause's time, its participants and its modality.

An event is found from the words that state it (a verb, an event noun, a phrase of the
lexicon), never from a date. A verb states an event wherever it is a predicate; an event
noun only when something makes it an occurrence: a time of its own ('the 2002 summit'), a
light verb ('held talks'), an aspectual verb ('the return began').
"""
from __future__ import annotations

from bisect import bisect_right
from functools import cache

from kankei.analyze import analyze
from kankei.assemble._event_checks import ReaderChecks, descends
from kankei.assemble._event_joins import ReaderJoins
from kankei.assemble._event_merges import (
    accompanying,
    coordinated_verbs,
    heads_only,
    one_per_time,
    one_utterance,
)
from kankei.assemble._event_modality import SUBORDINATORS_IF, ReaderModality
from kankei.assemble._event_roles import ReaderRoles
from kankei.assemble._event_times import ReaderTimes
from kankei.assemble.analyses import Analyses
from kankei.assemble.event_parts import Entities, phrase_actors, state_of
from kankei.assemble.event_reading import ENDING_TYPES, NOUN_TAGS, Reading, passive_clause, prep_of, untensed
from kankei.assemble.event_scan import title_spans
from kankei.assemble.triggers import (
    Trigger,
    adjective_types,
    lexicon,
    modality_words,
    verb_types,
    word_sets,
)
from kankei.resolve.anchor import in_quotation
from kankei.spans import TimeMention

_ADJECTIVE_SLOT_BEFORE = frozenset({"DT", "PRP$", "POS", "JJ", "JJR", "JJS", "CD", "RB", "WP$"})
_LINKING = frozenset({"feel", "seem", "appear", "look", "become", "remain", "sound", "grow"})
_FREQUENCY = frozenset({"rarely", "seldom", "usually", "often", "always", "sometimes", "typically", "generally",
                        "frequently", "occasionally", "regularly", "anytime", "normally", "routinely", "annually",
                        "yearly", "repeatedly"})


_DEFINITE_WORDS = frozenset({"the", "this", "that", "these", "those", "its", "their"})
_LEADING = {"lead": "to", "result": "in"}     # 'led to X', 'resulted in X': X came of it


class SentenceReader(ReaderJoins, ReaderTimes, ReaderRoles, ReaderChecks, ReaderModality):
    """Reads one sentence of a document."""

    def __init__(self, text: str, s: int, e: int, triggers: list[Trigger], times: list[TimeMention],
                 ents: Entities, analyses: Analyses | None = None,
                 titles: list[tuple[int, int]] | None = None) -> None:
        self.text, self.s, self.e = text, s, e
        self.titles = titles if titles is not None else title_spans(text, s, e)     # quoted titles of works
        self.triggers, self.times, self.ents = triggers, times, ents
        self.an = analyses.of(s, e) if analyses is not None else analyze(text, s, e)
        self.tokens = self.an.tokens
        self.starts = [t.start for t in self.tokens]
        self.by_head = {c.predicate.head.start: c for c in self.an.clauses if c.predicate is not None}
        self._frequency: list[int] | None = None
        self._holding: dict[int, object | None] = {}     # clause_holding's answers, by offset
        self.entry: TimeMention | None = None    # the date a chronology's line opens with, if any
        self._hedges: list | None = None

    def clause_of_verb(self, tok) -> object | None:
        """The clause a verb heads (clause spans can overlap; its head is certain)."""
        return self.by_head.get(tok.start) or self.an.clause_of(tok.start)

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
            elif multi and t.noun and tok.tag == "DT":
                # ('no immediate reaction': a noun phrase that opens with its determiner stands on its noun)
                j = i
                while j + 1 < len(self.tokens) and self.tokens[j + 1].end <= t.end:
                    j += 1
                i, tok = j, self.tokens[j]
            tag = tok.tag
            if tag.startswith("VB"):
                if self._adjectival(i):
                    continue
                etype = t.type if multi or not t.noun else vtypes.get(tok.lemma)
                if not multi and tok.lemma == tok.text.lower() and tok.lemma in vtypes:
                    etype = vtypes[tok.lemma]   # ('helped found the association': to found, not 'found' = find)
                if etype is None:
                    continue
                out.append(Reading(t.start, t.end, etype, tok, True, weak=t.weak))
            elif tag == "JJ" and not multi and tok.text.lower() in adjective_types():
                be = self._copula_before(i)
                if be is not None:      # 'the launch is totally unacceptable'
                    out.append(Reading(t.start, t.end, adjective_types()[tok.text.lower()], be, True))
            elif tag in NOUN_TAGS or tag == "JJ" and multi:
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
        if tok.tag == "VBN" and i > 0 and self.tokens[i - 1].lemma in _LINKING:
            return True     # 'if he felt threatened', 'seemed surprised': a state, not an event
        clause = self.by_head.get(tok.start)
        if clause is not None and clause.relation == "coordinate" and clause.shared_subject and clause.predicate.finite:
            return False    # ('..., and also donated rice': the analysis read a past with its subject)
        nxt = self._tag(i + 1)
        if nxt in ("JJ", "VBN", "VBG") and self._tag(i + 2) in NOUN_TAGS:
            nxt = self._tag(i + 2)      # 'the five acknowledged living victims'
        before = self._tag(i - 1) if i > 0 else ""
        j = i - 1
        while j >= 0 and self.tokens[j].tag in ("RB", "RBR", "RBS"):
            j -= 1
        if j >= 0 and j < i - 1 and self.tokens[j].lemma in ("have", "be"):
            return False    # 'has never threatened Japan': a verb group, its adverb inside
        # ('the husband of returned abductee Soga': after a preposition only a participle, not a
        # gerund: 'since taking power' is an event)
        return nxt in NOUN_TAGS and (i == 0 or before in _ADJECTIVE_SLOT_BEFORE or before == "IN" and tok.tag == "VBN")

    # --- the sentence's events ------------------------------------------------------------
    def _motions(self, cands: list[Reading]) -> list[Reading]:
        """'went to North Korea in 1960': a verb of motion with where it went is a migration."""
        motion = _motion_lemmas()
        taken = {r.head.start for r in cands}
        titles = self.titles
        out = []
        for tok in self.tokens:
            if not tok.tag.startswith("VB") or tok.lemma not in motion or tok.start in taken \
                    or any(a <= tok.start < b for a, b in titles):
                continue
            clause = self.by_head.get(tok.start)
            if clause is None:
                continue
            subject = clause.subject
            if subject is not None and self._weapon_phrase(subject):
                # (not 'if the missile falls there': a fear, no flight)
                if tok.lemma in word_sets()["weapon_motion"] and not clause.predicate.modal \
                        and clause.predicate.tense is not None and not (
                            clause.marker is not None and clause.marker.text.lower() in SUBORDINATORS_IF):
                    out.append(Reading(tok.start, tok.end, "weapons_test", tok, True, clause=clause))   # 'a missile flew over Japan'
                continue        # ('a missile that could reach Japan': no one moves)
            if tok.lemma not in word_sets()["motion"]:
                continue
            # ('reached Japan': only with someone who reaches it, not 'that could reach Japan's territory')
            reaching = tok.lemma in word_sets()["motion_reaching"] and subject is not None
            goals = list(clause.pps) + (list(clause.objects) if reaching else [])
            for ph in goals:
                prep = prep_of(ph) if ph in clause.pps else "object"
                arriving = tok.lemma in word_sets()["motion_arriving"] and prep in ("at", "in")
                if (prep in ("to", "for", "into", "object") or arriving) and ph.start > tok.start and \
                        any(m.type in ("place", "country") for m in self.ents.within(ph.start, ph.end)):
                    out.append(Reading(tok.start, tok.end, "migrate", tok, True, clause=clause))
                    break       # ('went to North Korea', 'reached Japan')
        return out

    def events(self) -> list[Reading]:
        cands = heads_only(self.readings(), self.text)
        cands += self._motions(cands)
        cands += self._taken_away(cands)
        cands = self._obligations(cands)
        cands = self._occasion_by_pronoun(cands)
        verbs = [r for r in cands if r.verb]
        nouns = [r for r in cands if not r.verb and self._test_noun_ok(r)]
        nouns = [n for n in nouns if not self._done_to_by_noun(n, nouns)]
        for r in verbs:
            r.clause = self.clause_of_verb(r.head)
        verbs = self._join_light_and_aspectual(verbs, nouns)
        # ('a J-Alert was issued' is an alert; 'the J-Alert system' none)
        only_light = word_sets()["light_verb_nouns"]
        nouns = [n for n in nouns if n.head.text.lower() not in only_light]
        verbs = self._join_control(verbs)
        verbs = self._by_means(verbs)
        verbs = [r for r in verbs if not self._so_that_purpose(r)]
        verbs = [r for r in verbs if r.obligation or self._weapon_ok(r) and not self._aside(r) and self._object_ok(r)
                 and not self._says_of_a_statement(r, nouns) and not self._attributing(r) and not self._hearsay(r)
                 and not self._conjecture(r)]
        verbs += self._conditional_threats(verbs + nouns)
        # ('signed the Calcutta Agreement on 13 August 1959': the accord signed is the signing's)
        nouns = [n for n in nouns if not any(v.type == n.type and v.clause is not None and any(
            ob.start <= n.head.start < ob.end for ob in v.clause.objects) for v in verbs)]
        self._give_times(verbs, nouns)
        self._keep_restatements_together(verbs + nouns)
        for r in verbs + nouns:     # ('the first time ... since 2017': now, and once before, in 2017)
            r.before = [t for t in r.times if id(t) in self.since_bounds]
            r.times = [t for t in r.times if id(t) not in self.since_bounds and (r.verb or id(t) not in self.count_frames)]
        self._inherit_times(verbs, nouns)
        verbs = self._asked_then(verbs, nouns)
        # ('Talks break off', 'the agreement expired': what ends, with no time of its own, is no
        # occurrence of its own there; 'the ban in place since 2009 will be lifted' is one)
        nouns = [n for n in nouns if n.times or not any(
            v.type in ENDING_TYPES and v.clause is not None and v.clause.subject is not None
            and v.clause.subject.head is n.head for v in verbs)]
        for n in nouns:
            if not n.times:
                n.times = self._caused_times(n)
            if not n.times:
                n.occasion = self._occasion(n, verbs)
            if not n.times and n.occasion is None and not verbs and self.entry is not None:
                n.times = [self.entry]      # ('2006 (Oct. 9) – First nuclear test.': an entry without a verb)
            if not n.times and n.occasion is None and not verbs and n is nouns[0] and n.head.text.islower() \
                    and (caption := self._caption_time()) is not None:
                n.times = [caption]         # ('A rally against sanctions in Pyongyang, 15 June 2009': a caption's head)
        # (a noun a verb of causing brings about is an occurrence, dated by its clause's story: 'the
        # voyage drew protests')
        # (and so is a phrase that says none came: 'there was no immediate reaction', of its clause's time)
        kept_nouns = [n for n in nouns if n.times or n.occasion is not None or n.caused or self._none_came(n)]
        settings = {id(v.occasion) for v in verbs if v.occasion is not None}
        for n in nouns:     # ('after the North's fourth nuclear test, Japan announced new measures': a test, before)
            if n not in kept_nouns and id(n) not in settings and (v := self._act_after(n, verbs)) is not None:
                n.followed_by = v
                kept_nouns.append(n)
        for n in kept_nouns:
            n.clause = self.an.clause_of(n.head.start)
        out = one_per_time(verbs + kept_nouns, self.an.clauses, self.text)
        by_head = {r.head.start: r for r in verbs}
        for r in out:
            r.modality = "asserted" if r.conditional else "negated" if self._none_came(r) \
                or r.obligation and r.clause.predicate.negated else "asserted" if r.obligation else self._modality(r)
            r.habitual = self._habitual(r)
            self._read_parts(r, by_head)
            typed = r.type
            if not r.obligation:
                self._refine_type(r)
            if r.type != typed:
                self._read_parts(r, by_head)    # roles go by type ('returned the remains': a release, by its subject)
                if r.type == "reject" and typed == "statement":
                    self._refused_whom(r)       # ('promised he would not negotiate with X': X)
                    r.refusal = True
            self._aim(r)
            r.hedge_here = self._hedged_here(r)
        for r in out:
            if r.obligation:
                self._obliged_parts(r, out)
        # ('promised he would not hold dialogue': the refusal is the event; the act refused is its content)
        refused = [c for y in out if y.refusal for c in self._said_will(y) if c.predicate is not None and c.predicate.negated]
        out = [x for x in out if x.refusal or x.modality != "negated" or x.clause is None
               or not any(descends(x.clause, c) for c in refused)]
        # weak triggers ('give', 'send', 'leave') state an event only with someone or somewhere in it
        out = [r for r in out if (not r.weak or r.parts.items or self._people_or_craft(r)) and self._subject_ok(r)
               and self._failure_ok(r) and not self._phrasal(r)
               and not self._anonymous_attribution(r) and not self._feature_attribution(r) and not self._withheld_name(r)
               # (what a speaker says will not or would be done, inside the quote: the remark's, no event of its own)
               and not (r.modality in ("negated", "hypothetical") and in_quotation(self.text, r.start))]
        out.sort(key=lambda r: r.start)
        out = self._found_in_a_state(out)
        # ('flew to Pyongyang and met Kim': a visit and its meeting, typed alike once checked, are one;
        # the meeting stands for both, with the place the journey went to)
        out = self._journey_into_meeting(out)
        return [r for r in out if not any(x is not r and x.type == r.type and x.modality == r.modality
                                          and (coordinated_verbs(x, r, self.an.clauses) or accompanying(x, r)
                                               or one_utterance(x, r))
                                          for x in out)]

    def _asked_then(self, verbs: list[Reading], nouns: list[Reading]) -> list[Reading]:
        """'Asked about the ruling on Monday, the minister said ...': being asked is no demand of
        its own, and the time of the question is the answer's, not the ruling's."""
        for c in self.an.clauses:
            vg, parent = c.predicate, c.parent
            if vg is None or vg.head.lemma != "ask" or vg.voice != "passive" or c.relation != "adverbial" \
                    or c.marker is not None or parent is None or parent.predicate is None or c.start > parent.predicate.start:
                continue
            answer = next((v for v in verbs if v.clause is parent and v.type == "statement"), None)
            if answer is None:
                continue
            asked = [t for t in self.times if c.start <= t.start < c.end]
            if asked and not answer.times:
                answer.times = [asked[-1]]
                answer.inherited = None
                for n in nouns:
                    n.times = [t for t in n.times if t not in asked]
            verbs = [v for v in verbs if v.head is not vg.head]
        return verbs

    def _act_after(self, n: Reading, verbs: list[Reading]) -> Reading | None:
        """The asserted act whose 'after' or 'following' phrase an event noun heads, if any."""
        for v in verbs:
            if v.clause is None or v.modality != "asserted" or v.type == n.type:
                continue
            for pp in v.clause.pps:
                if not (pp.start <= n.head.start < pp.end and prep_of(pp) in ("after", "following")):
                    continue
                said = self.text[pp.start:n.head.start].lower().split()[1:]
                if said and said[0] in _DEFINITE_WORDS and all(w.isalpha() for w in said):
                    return None     # ('after the meeting': the one told before, not another)
                return v        # (the phrase's head or a noun joined to it: 'after a test and a launch')
        return None

    def _none_came(self, r: Reading) -> bool:
        """Whether a trigger phrase says that none came ('no immediate reaction', 'made no mention')."""
        return "no" in self.text[r.start:r.end].lower().split()

    def _journey_into_meeting(self, readings: list[Reading]) -> list[Reading]:
        """'flew to Pyongyang and met Kim Jong-il': one meeting, at the place flown to."""
        motion = _motion_lemmas()
        dropped: set[int] = set()
        for a in readings:
            if not a.verb or a.type != "meet" or a.head.lemma not in motion or a.clause is None:
                continue
            b = next((y for y in readings if y.verb and y.type == "meet" and y is not a and y.clause is not None
                      and y.clause.parent is a.clause and y.clause.relation == "coordinate" and y.clause.shared_subject
                      and y.modality == a.modality), None)
            if b is None:
                continue
            for p in a.parts.items:
                if p["role"] == "location" and not b.parts.has("location"):
                    b.parts.items.append(p)
            b.times = b.times or a.times
            dropped.add(id(a))
        return [r for r in readings if id(r) not in dropped]

    def _hedged_here(self, r: Reading) -> bool:
        """Whether a word of hearsay in the sentence qualifies this event: 'according to' the whole
        sentence; 'allegedly', 'believed to' only their own clause and what it reports ('was
        kidnapped in 1977 and allegedly committed suicide': the suicide alone)."""
        if self._hedges is None:        # (the sentence's words of hearsay, found once for all its readings)
            self._hedges = list(modality_words()["hedged"].finditer(self.text, self.s, self.e))
        if not self._hedges:
            return True
        target = r.clause if r.clause is not None else self.an.clause_of(r.head.start)
        for m in self._hedges:
            if m.group().lower().startswith("according"):
                return True
            if r.verb and r.head.start == m.start():
                continue        # ('it claims she died': the claim is made; what it claims is hearsay)
            cue = self.an.clause_of(m.start())
            x = target
            while x is not None:
                if x is cue:
                    return True
                if x.relation not in ("complement", "infinitive") and not (
                        x.marker is not None and x.marker.text.lower() == "of"):    # ('suspected of exporting')
                    break
                x = x.parent
        return False

    def _weapon_phrase(self, phrase) -> bool:
        """'a missile', 'Two Hwasong-12 missiles', 'A Taepodong-1': a phrase whose head names a weapon."""
        weapons = word_sets()["weapon_words"]
        head = phrase.head.text.lower()
        return head in weapons or any(head.startswith(w + "-") for w in weapons)

    def _taken_away(self, cands: list[Reading]) -> list[Reading]:
        """'Kazumi was taken by North Korean agents from a beach', 'were taken to North Korea': a
        person taken (passive) by someone, from somewhere or to another country is abducted."""
        taken = {r.head.start for r in cands}
        out = []
        for tok in self.tokens:
            if tok.lemma != "take" or tok.tag != "VBN" or tok.start in taken:
                continue
            persons = _persons()
            clause = self.by_head.get(tok.start)
            if clause is None or clause.subject is None or not passive_clause(clause):
                continue
            subj = clause.subject
            if not (any(m.type == "person" for m in self.ents.within(subj.start, subj.end))
                    or subj.head.lemma.lower() in persons or any(
                        t.text.lower() in persons for t in self.tokens if subj.start <= t.start < subj.end)):
                continue
            if any(pp.start > tok.start and (prep_of(pp) in ("by", "from") or prep_of(pp) == "to" and any(
                    m.type in ("country", "place") for m in self.ents.within(pp.start, pp.end))) for pp in clause.pps) \
                    or clause.agent is not None:
                by = clause.agent or next((pp for pp in clause.pps if prep_of(pp) == "by"), None)
                # ('taken away by security officials': held by the authorities, a legal act)
                held = by is not None and by.head.lemma.lower() in word_sets()["law_enforcers"]
                out.append(Reading(tok.start, tok.end, "legal" if held else "abduct", tok, True, clause=clause))
        return out

    def _caused_times(self, noun: Reading) -> list:
        """'had approached the boat two months earlier, prompting a protest from Tokyo': the event
        a verb of causing brings about happened when its clause (or the clause it hangs on) did."""
        causing = word_sets()["causing"]
        for c in self.an.clauses:
            vg = c.predicate
            if vg is None:
                continue
            # ('leading three years later to the establishment of the DPRK', 'resulted in a ban')
            led_to = vg.lemma in _LEADING and any(
                prep_of(pp) == _LEADING[vg.lemma] and pp.start <= noun.head.start < pp.end for pp in c.pps)
            if not led_to and (vg.lemma not in causing or not any(ob.start <= noun.head.start < ob.end
                                                                    for ob in c.objects)):
                continue
            noun.caused = not led_to        # (what a course of events led to is an occurrence only with its time)
            for holder in (c, c.parent if c.relation == "adverbial" and untensed(c) else None):
                times = self.clause_times.get(id(holder)) if holder is not None else None
                if times:
                    return list(times)
        return []

    def _people_or_craft(self, r: Reading) -> bool:
        """'2,942 people left in 1959', 'the last ship left in December': a weak verb of going
        whose subject is people or a ship, named by no name (or a message sent by a body)."""
        subject = getattr(r.clause, "subject", None)
        if subject is None:
            return False
        word = subject.head.text.lower()
        sets = word_sets()
        if r.type == "statement" and not passive_clause(r.clause) and subject.head.tag in ("NN", "NNP") \
                and subject.head.lemma.lower() in sets["definite_bodies"] and self.tokens[subject.first].text.lower() == "the":
            return True     # ('The association sent a letter to the prime minister': a body acts, named before or not)
        if r.type != "migrate":
            return False
        return word in sets["national_nouns"] or word in sets["person_nouns"] or word.rstrip("s") in sets["person_nouns"]

    def _conditional_threats(self, readings: list[Reading]) -> list[Reading]:
        """'The DPRK will not remain a passive onlooker if Japan persists', 'when Japan infringes
        on our sovereignty, it will become a target': what a speaker's side will do on another's
        condition, told with no event word of its own, negated or in words of force, is a threat."""
        out = []
        words = word_sets()["threat_words"]
        for c in self.an.clauses:
            vg = c.predicate
            if vg is None or c.relation not in (None, "complement") or c.subject is None \
                    or not (vg.tense == "future" or vg.modal in ("would", "shall")):
                continue
            if any(c.start <= r.head.start < c.end and self.an.clause_of(r.head.start) is c for r in readings):
                continue
            cond = next((d for d in self.an.clauses if d.parent is c and d.relation == "adverbial" and d.marker is not None
                         and d.marker.text.lower() in ("if", "unless", "when") and d.subject is not None), None)
            if cond is None:
                continue
            own = [t for t in self.tokens if c.start <= t.start < c.end and not cond.start <= t.start < cond.end]
            if not (vg.negated or any(t.text.lower() in words for t in own)):
                continue
            # (a side that acts on another's condition: not 'if it rains, the ceremony will not be held')
            if not phrase_actors(self.ents, cond.subject.start, cond.subject.end) or not (
                    phrase_actors(self.ents, c.subject.start, c.subject.end) or c.subject.head.text.lower() == "we"):
                continue
            start = self.tokens[vg.first].start if vg.first else vg.start
            out.append(Reading(start, vg.head.end, "threaten", vg.head, True, clause=c, conditional=True))
        return out

    def _done_to_by_noun(self, n: Reading, nouns: list[Reading]) -> bool:
        """'the suspension of talks', 'the lifting of sanctions': an event noun in the 'of' phrase
        of an event noun of another kind is what that one acts on, no occurrence of its own."""
        chunk = self.an.np_at(n.head.start)
        first = chunk.first if chunk is not None else n.head.i
        if first < 2 or self.tokens[first - 1].text.lower() != "of":
            return False
        before = self.tokens[first - 2]
        return any(m is not n and m.head.start == before.start and m.type != n.type for m in nouns)

    def _found_in_a_state(self, readings: list[Reading]) -> list[Reading]:
        """'a boat was found washed up on Nov. 27': coming upon something in a state that is itself
        an event tells one occurrence, spanning both words, dated by either."""
        by_index = {r.head.i: r for r in readings if r.verb}
        dropped = set()
        for r in readings:
            if not r.verb or r.head.lemma not in word_sets()["finding"] or r.head.tag != "VBN":
                continue
            state = by_index.get(r.head.i + 1)
            if state is None or state.head.tag not in ("VBN", "VBG") or id(state) in dropped:
                continue
            state.start = r.start
            state.times = state.times or r.times
            for p in r.parts.items:
                if not any(q["entity"] == p["entity"] for q in state.parts.items):
                    state.parts.items.append(p)
            dropped.add(id(r))
        return [r for r in readings if id(r) not in dropped]

    def _aim(self, r: Reading) -> None:
        """A measure, a protest or an apology that names no one it is aimed at is aimed at another
        state than the actor's (`Entities.other_party`), or, when it answers a definite act ('condemned
        the launch'), at whoever did that act (`reacts_to`, settled once the act told before is known)."""
        if any(p["role"] == "patient" and not p["entity"].startswith("document:") for p in r.parts.items):
            return      # (a resolution or treaty named is what is adopted, not whom it is aimed at)
        if r.type in word_sets()["aimed_types"] and r.verb and r.clause is not None and r.clause.objects:
            head = r.clause.objects[0].head     # 'condemned the launch': who launched, if told before
            entry = lexicon().get(head.text.lower())
            if entry is not None and entry[1] and head.i > 0 and self.tokens[head.i - 1].text.lower() in _DEFINITE_WORDS:
                r.reacts_to = (head, entry[0])
        states = {state_of(p["entity"]) for p in r.parts.items if p["role"] == "agent"}
        if states == {None} and r.type == "resolution" and self.ents.official:
            # a body of states (the Security Council) resolving, in a government's statement: on
            # the state the statement is about, not the issuer
            states = {state_of(self.ents.issuer.entity)}
        elif r.type not in word_sets()["aimed_types"]:
            return
        if states and None not in states and (m := self.ents.other_party(states, r.start)) is not None:
            r.parts.add("patient", m, r.type)

    def _read_parts(self, r: Reading, by_head: dict[int, Reading]) -> None:
        r.parts = self._participants(r)
        if not r.verb and not r.parts.has("agent"):
            self._noun_subject(r, r.parts, by_head)
        elif not r.verb and r.type == "meet":
            self._summit_attendees(r)

    def _habitual(self, r: Reading) -> bool:
        """'The organization rarely says', 'the envoys usually meet': how often, not when."""
        c = r.clause
        if c is None:
            return False
        if self._frequency is None:     # (the sentence's adverbs of frequency, found once)
            self._frequency = [t.start for t in self.tokens if t.tag.startswith("RB") and t.text.lower() in _FREQUENCY]
        # (the adverb goes with the verb right after it: not 'the route Japan normally uses' inside another's span)
        return any((c.start <= at < c.end or at >= c.end and self._last_clause_before(at) is c)
                   and not self._other_verb_after(at, c) for at in self._frequency)

    def _other_verb_after(self, at: int, c) -> bool:
        """Whether the word after the adverb at the offset is a verb outside the clause's verb group."""
        i = self.token_index(at)
        nxt = self.tokens[i + 1] if i is not None and i + 1 < len(self.tokens) else None
        vg = c.predicate
        return nxt is not None and nxt.tag.startswith("VB") and vg is not None and not vg.start <= nxt.start < vg.end

    def _last_clause_before(self, at: int):
        """The clause an adverb after every clause's span goes with: the latest one begun before it."""
        return max((c for c in self.an.clauses if c.start <= at and c.predicate is not None),
                   key=lambda c: c.predicate.start, default=None)

    def _caption_time(self):
        """The one date of a line with no verb at all (a photo caption, a heading): it dates what
        the line names."""
        if any(t.tag in ("VBD", "VBZ", "VBP", "MD", "VBN", "VBG", "VB") for t in self.tokens) \
                or any(c.predicate is not None for c in self.an.clauses) or not self.tokens \
                or self.tokens[0].tag == "CD":
            return None     # (a line opening with a number is a note or a list entry)
        dates = [t for t in self.times if t.type in ("date", "interval") and t.value]
        return dates[0] if len(dates) == 1 else None

@cache
def _persons() -> frozenset[str]:
    """The nouns of people that a person taken away may be called by."""
    return word_sets()["person_nouns"] | word_sets()["kin_nouns"] | word_sets()["people_nouns"]


@cache
def _motion_lemmas() -> frozenset[str]:
    """The verbs of motion, of people and of weapons (made once, not per sentence)."""
    return word_sets()["motion"] | word_sets()["weapon_motion"]
