"""Who takes part in the events of a sentence, as the sentence reader finds it: the subject
acts (or is acted on, in the passive), objects and prepositional phrases take the roles of
knowledge/event_triggers.yaml; an event noun's modifiers act."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kankei.analyze.groups import lists
from kankei.assemble.event_parts import ACTOR_TYPES, Parts, fits, fits_pronoun, kin_of, phrase_actors, role_of
from kankei.assemble.event_reading import NOUN_TAGS, in_relative, passive_clause, prep_of
from kankei.assemble.triggers import word_sets

if TYPE_CHECKING:
    from kankei.assemble.event_reading import Reading

_TERRITORY_TYPES = frozenset({"annex", "war"})
_TARGETED = frozenset({"sanction", "ease"})          # measures taken against a state
_FINITE = frozenset({"VBZ", "VBP", "VBD", "MD"})
_ISSUED = frozenset({"resolution"})                  # a body's name opens the name of what it adopts
_APPOSED = re.compile(r",\s+(?:\d{1,3},\s+)?$")     # 'X, a student who', 'X, 79, an ethnic Korean who'
_GLUE = re.compile(r"\s*(?:\(\s*|\)\s*|'s\s+|’s\s+)?\s*")
_MOTION_TYPES = frozenset({"migrate", "meet", "release"})
_MEET_WITH = frozenset({"meet", "negotiate", "consult", "confer"})
# a capitalized body with no name of its own is the one that issues the document
_ISSUER_WORDS = frozenset({"Government", "Cabinet"})
_NOUN_TAGS_PLAIN = frozenset({"NN", "NNS"})       # a common noun head: 'agents', 'police', 'officials'
_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")
# between coordinated actors: ', ', ' and ', with the titles of the next ('and President')
_AND = re.compile(r"\band\b|&")
# words tagged IN that open no prepositional phrase: 'of' names whose the head is ('agents of
# the North'), the others open clauses ('although Russia and China objected')
_NOT_PREPOSITIONS = frozenset({"of", "although", "though", "because", "while", "whereas", "if", "unless",
                               "that", "whether", "as", "since", "after", "before", "until", "once"})
_BETWEEN_OF = re.compile(r"\s*(?:,\s*)?(?:and\s+)?")
_LIST_SEP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?:the\s+)?(?:[A-Z][a-z]+\.?\s+){0,3}")


class ReaderRoles:
    """The participant-finding part of SentenceReader (a mixin: it reads the reader's analysis)."""

    def _participants(self, r: Reading) -> Parts:
        parts = Parts(self.text)
        clause = r.clause
        if r.verb and clause is not None:
            self._clause_parts(r, clause, parts)
        else:
            self._noun_parts(r, parts)
        return parts

    def _clause_parts(self, r: Reading, clause, parts: Parts) -> None:
        ents, etype = self.ents, r.type
        passive = passive_clause(clause)
        subject_actors = self._subject_actors(clause, ACTOR_TYPES | {"place"} if passive and etype in _TERRITORY_TYPES
                                              else ACTOR_TYPES)
        by_agents = []
        if clause.agent is not None:
            by_agents += phrase_actors(ents, clause.agent.start, clause.agent.end)
            if not by_agents and clause.agent.head.text in _ISSUER_WORDS and ents.issuer is not None:
                by_agents.append(ents.issuer_at(clause.agent.start, clause.agent.end))    # 'announced by the Government'
            if not by_agents and (m := ents.demonym_actor(clause.agent.start, clause.agent.end, body=True)) is not None:
                by_agents.append(m)         # 'abducted by North Korean agents'
        for pp in clause.pps:
            if prep_of(pp) == "by" and (clause.agent is None or pp.start >= clause.agent.end or pp.end <= clause.agent.start):
                by_agents += phrase_actors(ents, pp.start, pp.end)
        undergoes = word_sets()["subject_undergoes"]
        if not passive and r.verb and r.noun_event is None and (
                r.head.lemma in undergoes or r.head.lemma + self.text[r.head.end:r.end].lower() in undergoes
                or r.head.lemma in word_sets()["subject_undergoes_alone"] and not clause.objects):
            passive = True      # 'Megumi Yokota disappeared', 'the committee dissolved': it underwent it
        if passive and not by_agents and etype in _ISSUED and clause.subject is not None:
            by_agents = self._issuing_body(clause.subject.start)     # 'UNSC Resolution 2094, which was adopted'
        if passive:
            for m in by_agents:
                parts.add("agent", m, etype)
            noun_at = r.noun_event.head.start if r.noun_event is not None else r.start
            subject = clause.subject
            if subject is not None and subject.start <= noun_at < subject.end:
                # 'the Koizumi-Kim summit was held': the names on the event noun hold it
                for m in subject_actors:
                    if m.end <= noun_at:
                        parts.add("agent", m, etype)
            else:
                for m in subject_actors:
                    parts.add("patient", m, etype)
        else:
            for m in subject_actors:
                parts.add("agent", m, etype)
        for ob in clause.objects:
            role = role_of(etype, "object")
            if role and ob.head.tag == "PRP" and ob.head.text.lower() in ("it", "them", "him", "her"):
                m = ents.antecedent(ob.head.text, ob.start, subject=False)     # 'a court ordered it to pay'
                if m is not None:
                    parts.add(role, m, etype)
            elif role:
                named = phrase_actors(ents, ob.start, ob.end, ACTOR_TYPES | {"document", "place", "vessel"})
                if not named and role == "patient" and r.noun_event is None:
                    named = self._possessor(ob)     # 'disputed Japan's DNA test': done to Japan
                    if not named and (m := self._definite_body(ob)) is not None:
                        named = [m]     # 'urged the court for a speedy trial': the court named before
                    if not named and ob.head.text.lower() in word_sets()["acting_bodies"] \
                            and (m := ents.demonym_actor(ob.start, ob.end)) is not None:
                        parts.add(role, m, etype)   # 'summoned a North Korean diplomat': North Korea
                        continue
                for m in named:
                    # a territory annexed or invaded is what the event is done to; a place left or
                    # visited locates the event ('left Japan', 'visited Pyongyang')
                    place = m.type == "place" or m.type == "country" and etype in _MOTION_TYPES \
                        and r.head.lemma not in _MEET_WITH      # ('met North Korea': the other party)
                    parts.add(role if not place or etype in _TERRITORY_TYPES else "location", m, etype)
        # the role each phrase took, by where it ends: an 'of' phrase right after one goes with it
        took = {ob.end: role_of(etype, "object") for ob in clause.objects
                if r.noun_event is None or not ob.start <= r.noun_event.head.start < ob.end}
        skipped_between = None
        for pp in clause.pps:
            prep = prep_of(pp)
            if prep == "by" or self._fronted_chain(pp, clause):
                continue
            if prep == "between" and pp.np is not None and (pair := self._pair_named(pp.np)):
                for m in pair:
                    parts.add("agent", m, etype)      # 'agreed between the two countries'
                continue
            if prep == "between" and (self._after_other_noun(pp.start, r) or skipped_between is not None
                                      and _BETWEEN_OF.fullmatch(self.text, skipped_between, pp.start)):
                skipped_between = pp.end
                continue        # ('met ... for the first summit between Japan and North Korea': the summit's)
            role = role_of(etype, prep)
            if prep == "of" and self._of_a_place(pp.start) and role_of(etype, "in") == "location" \
                    and etype not in _TERRITORY_TYPES:
                role = "location"       # 'in her hometown of Niigata', 'off the coast of Sai'
            elif prep == "of" and (head := self._phrase_before(pp.start, took)) is not None:
                role = took[head]       # 'met with the leaders of South Korea and Canada': the other party
            took[pp.end] = role
            if role is None:
                continue
            for m in ents.within(pp.start, pp.end):
                if kin_of(self.text, m.start, self.s, m.end):
                    continue        # 'the son of Kim Jong-il was arrested': the son, not Kim
                if role == "location" and (self._modifies_noun(m, pp.end) or self._owns_place(m)):
                    continue        # 'in last week's Japan-U.S. summit', 'at Tokyo's Narita airport'
                if role == "patient" and m.type == "country" and role_of(etype, "in") == "location" \
                        and prep in ("to", "from") and etype in ("migrate", "release", "abduct"):
                    parts.add("location", m)
                else:
                    parts.add(role, m, etype)
        if r.noun_event is not None:
            self._noun_parts(r.noun_event, parts)

    def main_subjects(self) -> list | None:
        """The actors the sentence's main clause is about: whom its next sentence's 'he' means,
        even when the main verb states no event ('On February 8, Kim Jong-un promised ...');
        None when it is about a person it does not name ('The man was detained'): then 'he' is
        that person, not one named before."""
        main = next((c for c in self.an.clauses if c.relation is None and c.predicate is not None), None)
        if main is None:
            return []
        found = self._subject_actors(main)
        if not found and main.subject is not None and main.subject.head.lemma in word_sets()["person_nouns"]:
            return None
        return found

    def _subject_actors(self, clause, types=ACTOR_TYPES) -> list:
        found = self._subject_head_actors(clause, types)
        if len(found) == 1:
            found = self._coordinated(found[0]) or found
        return found

    def _speaker(self, clause, pronoun: str) -> list:
        """Who 'it', 'he' or 'she' is in what a verb of saying reports: the one who says it, when
        that one can be meant by the pronoun."""
        parent = clause.parent
        if clause.relation != "complement" or parent is None or parent.predicate is None \
                or parent.predicate.lemma not in word_sets()["reporting"] or passive_clause(parent):
            return []
        found = self._subject_head_actors(parent)
        want = {"it": ("organization", "country"), "he": ("person",), "she": ("person",)}.get(pronoun)
        return found if want and found and all(m.type in want for m in found) else []

    def _coordinated(self, m) -> list:
        """'Japan, China and Russia signed': every actor of a coordinated subject, none that a
        preposition governs ('aid to North Korea and Pyongyang engaged in talks': Pyongyang alone)."""
        items = [x for x in self.ents.items if x.type in ACTOR_TYPES]
        k = next((i for i, x in enumerate(items) if x is m), None)
        if k is None:
            return []
        lo = hi = k
        while lo > 0 and _LIST_SEP.fullmatch(self.text, items[lo - 1].end, items[lo].start) \
                and not (lo == k and self._in_pp(items[lo - 1].start) and not self._in_pp(m.start)):
            lo -= 1
        while hi + 1 < len(items) and _LIST_SEP.fullmatch(self.text, items[hi].end, items[hi + 1].start):
            hi += 1
        seps = [self.text[a.end:b.start] for a, b in zip(items[lo:hi], items[lo + 1:hi + 1], strict=True)]
        if not any(_AND.search(x) for x in seps):
            return []       # 'at the summit with Koizumi, Kim said': a comma alone makes no list
        return items[lo:hi + 1]

    def _subject_head_actors(self, clause, types=ACTOR_TYPES) -> list:
        subject = clause.subject
        vg = clause.predicate
        if subject is not None and vg is not None and subject.start > vg.start and clause.relation != "relative" \
                and not getattr(clause, "inverted", False) and not clause.shared_subject:
            subject = None      # (a subject after its verb, unless inverted by design ('..., said Abe'), is a slip)
        if subject is not None:
            found = [m for ph in (getattr(clause, "subjects", None) or [subject])     # every conjunct
                     for m in phrase_actors(self.ents, ph.start, ph.end, types)]
            if subject.head.tag in _NOUN_TAGS_PLAIN and all(m.end <= subject.head.start for m in found) \
                    and (named := self._apposed_after(subject.end)) is not None:
                return [named]      # 'a top LDP official, Shin Kanemaru, traveled': the official is Kanemaru
            if found:
                return found
            if (spoken_for := self._spoken_for(clause, subject, types)):
                return spoken_for       # 'a spokesperson for the Foreign Ministry said': the ministry
            if in_relative(clause) and (m := self._apposed_name(subject.start, types)) is not None:
                return [m]      # 'Megumi Yokota, a Japanese girl who had disappeared': the girl is Yokota
            head = subject.head
            if head.tag in _NOUN_TAGS_PLAIN and (m := self.ents.demonym_actor(
                    subject.start, subject.end, body=True, people=passive_clause(clause))) is not None:
                # 'North Korean agents abducted ...', 'North Korean nationals will be banned'; not
                # 'a South Korean group released ...'
                return [m]
            if head.text in _ISSUER_WORDS and self.ents.issuer is not None:
                # 'the Government today decided', 'We strongly urge': who issues the document
                return [self.ents.issuer_at(subject.start, subject.end)]
            if head.tag in ("PRP", "PRP$", "WP", "WDT"):
                if head.text.lower() == "they" and len(self.ents.focus) >= 2 and all(f.entity for f in self.ents.focus) \
                        and not any(fits(m, "any") for m in self.ents.within(self.s, subject.start)):
                    return list(self.ents.focus)    # 'Koizumi and Kim met ... they signed': both
                speaker = self._speaker(clause, head.text.lower())
                if speaker:
                    return speaker      # 'The association said it would appeal': the association
                if (went_on := self._went_on_from(clause, head.text, subject.start)) is not None:
                    return [went_on]
                m = self.ents.antecedent(head.text, subject.start)
                return [m] if m is not None else []
            if pair := self._pair_named(subject):
                return pair     # 'the two sides agreed', 'both delegations said'
            if (m := self._definite_body(subject)) is not None:
                return [m]      # 'the court dismissed the case': the court named before
            if (m := self._titled(subject)) is not None:
                return [m]      # 'the prime minister said': the prime minister named before
            if not (subject.end <= vg.start and subject.start >= clause.start) if vg is not None else True:
                return []
        if vg is None or clause.relation not in (None, "complement", "coordinate", "parataxis"):
            return []
        # the chunker may cut the subject short ('TOKYO- Prime Minister Shinzo Abe stressed'):
        # the actors just before the verb group, not inside a prepositional phrase
        start = subject.start if subject is not None else self._left_edge(vg)
        found = [m for m in phrase_actors(self.ents, start, vg.start) if not self._in_pp(m.start)]
        return found[-1:] if found else []

    def _spoken_for(self, clause, subject, types) -> list:
        """The body a spokesperson or an official speaks for, named in the phrase right after
        ('a spokesperson for the DPRK Foreign Ministry', 'officials at the Defense Ministry')."""
        words = word_sets()
        if subject.head.lemma.lower() not in words["non_leading_offices"] | words["acting_bodies"]:
            return []
        pp = next((pp for pp in clause.pps if 0 <= pp.start - subject.end <= 1
                   and prep_of(pp) in ("for", "of", "at", "from")), None)
        return phrase_actors(self.ents, pp.start, pp.end, types)[:1] if pp is not None else []

    def _went_on_from(self, clause, pronoun: str, before: int):
        """'Kim Yo Jong says Kishida has proposed a summit; hours later she declares': a pronoun
        opening a clause that goes on from the main one is that clause's subject, not a name
        inside what it reported."""
        if clause.relation not in ("coordinate", "parataxis") or clause.shared_subject:
            return None
        main = clause.parent
        while main is not None and main.relation in ("coordinate", "parataxis") and main.parent is not None:
            main = main.parent
        if main is None or main.relation is not None or main.subject is None or main.subject.end > before:
            return None
        found = [m for m in phrase_actors(self.ents, main.subject.start, main.subject.end) if fits_pronoun(m, pronoun)]
        return found[0] if len(found) == 1 else None

    def _definite_body(self, phrase) -> object | None:
        """'the court', 'the association' (a lowercase word, whatever the tagger calls it): the
        body named before whose name that noun heads."""
        head = phrase.head
        if head.tag in ("NN", "NNP") and head.text.islower() and head.lemma in word_sets()["definite_bodies"] \
                and phrase.last > phrase.first and self.tokens[phrase.first].text.lower() == "the":
            return self.ents.definite(head.text, phrase.start)
        return None

    def _titled(self, phrase) -> object | None:
        """'the prime minister', 'the North Korean leader': the person named before with that title."""
        words = [t.text.lower() for t in self.tokens[phrase.first:phrase.last + 1]]
        if len(words) < 2 or words[0] != "the" or not phrase.head.text.islower():
            return None
        offices = word_sets()["office_nouns"]
        for k in range(1, len(words)):
            office = " ".join(words[k:])
            if office in offices:
                return self.ents.titled(office, phrase.start)
        return None

    def _pair_named(self, phrase) -> list:
        """'the two sides', 'both governments', 'the two leaders', 'the leaders' (plural, after a
        meeting of two): the last two named before."""
        head = phrase.head
        words = [t.text.lower() for t in self.tokens[phrase.first:phrase.last + 1]]
        plural_leaders = head.text.lower() == "leaders" and words[:1] == ["the"] and len(words) == 2
        if head.lemma not in word_sets()["pair_nouns"] or not ("two" in words or "both" in words or plural_leaders) \
                or len(words) > 4:
            return []
        return self.ents.pair(phrase.start, persons=head.lemma == "leader")

    def _apposed_after(self, end: int) -> object | None:
        """The person named in apposition right after a common noun phrase ('an official, NAME,')."""
        m = next((x for x in self.ents.items if x.start > end), None)
        if m is None or m.type != "person" or not re.fullmatch(r"\s*,\s*", self.text[end:m.start]):
            return None
        return m if re.match(r"\s*,", self.text[m.end:m.end + 3]) else None

    def _apposed_name(self, start: int, types) -> object | None:
        """The name a common noun phrase stands in apposition to: 'X, a girl who ...'."""
        m = _APPOSED.search(self.text, max(self.s, start - 10), start)
        if m is None:
            return None
        at = m.start()
        return next((x for x in self.ents.items if x.end == at and x.type in types), None)

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
        # ('agents of the North' are the North's: an 'of' phrase names who the head belongs to)
        return i is not None and i > 0 and self.tokens[i - 1].tag in ("IN", "TO") \
            and self.tokens[i - 1].text.lower() not in _NOT_PREPOSITIONS

    def _noun_subject(self, r: Reading, parts: Parts, readings: dict[int, Reading]) -> None:
        """'North Korea went ahead with a nuclear test': an event noun in a clause whose verb
        states no event of its own is done by the clause's subject."""
        clause = self.an.clause_of(r.head.start)
        vg = getattr(clause, "predicate", None)
        if vg is not None and vg.head.start > r.end and not passive_clause(clause) and self._fronted(r, clause):
            for m in self._subject_actors(clause):
                parts.add("agent", m)       # 'In its ruling, the court found ...': the court ruled
            return
        if vg is None or vg.head.start >= r.start or vg.head.start in readings or passive_clause(clause):
            return
        for m in self._subject_actors(clause):
            parts.add("agent", m)

    def _possessor(self, phrase) -> list:
        """The actor a phrase's head belongs to ('Japan's proposal', 'Abe's remarks')."""
        return [m for m in self.ents.within(phrase.start, phrase.end) if m.type in ACTOR_TYPES
                and self.text.startswith(("'s", "’s"), m.end)][:1]

    def _phrase_before(self, start: int, took: dict[int, str | None]) -> int | None:
        """The end of the phrase an 'of' phrase at `start` follows, if it follows one right away
        (or after a comma of a list: 'of South Korea, Australia and Canada')."""
        return next((end for end in took if end <= start and _BETWEEN_OF.fullmatch(self.text, end, start)), None)

    def _modifies_noun(self, m, end: int) -> bool:
        """A name before a common noun of its phrase ('Japan-U.S. summit', 'Tokyo court') only
        qualifies that noun, unless the noun is one of places ('the Tokyo area')."""
        i = self.token_index(m.end - 1)
        if i is None:
            return False
        toks = self.tokens
        j = i + 1
        # (past the rest of a name or of a glued pair: 'Japan-U.S.', which the chunker may cut)
        while j < len(toks) and (toks[j].tag in ("NNP", "NNPS") or toks[j].start == toks[j - 1].end
                                 and toks[j].tag in ("HYPH", ".", "NNP")):
            j += 1
        nxt = toks[j] if j < len(toks) and toks[j].start < max(end, m.end + 40) else None
        return nxt is not None and nxt.tag in ("NN", "NNS") and nxt.text.lower() not in word_sets()["place_nouns"] \
            and nxt.text.lower() not in lists()["day_adverbs"]     # ('held in Singapore tomorrow')

    def _owns_place(self, m) -> bool:
        """'Tokyo's Narita International Airport': a place whose place follows is only where that one is."""
        if not self.text.startswith(("'s ", "’s "), m.end):
            return False
        nxt = next((x for x in self.ents.items if x.start >= m.end), None)
        return nxt is not None and nxt.start == m.end + 3 and nxt.type in ("place", "country")

    def _after_other_noun(self, start: int, r: Reading) -> bool:
        """Whether a phrase at `start` follows a common noun other than the event's own noun."""
        i = self.token_index(start)
        if i is None or i == 0 or self.tokens[i - 1].tag not in ("NN", "NNS"):
            return False
        own = r.noun_event.head if r.noun_event is not None else None
        return own is None or self.tokens[i - 1].start != own.start

    def _of_a_place(self, start: int) -> bool:
        """Whether an 'of' phrase at `start` follows a noun of places ('the coast | of Sai')."""
        i = self.token_index(start)
        return i is not None and i > 0 and self.tokens[i - 1].text.lower() in word_sets()["place_nouns"]

    def _fronted_chain(self, pp, clause) -> bool:
        """'At the summit with Koizumi, Kim said': before the subject, a phrase right after a
        noun belongs to that noun, not to the verb."""
        subject = clause.subject
        if subject is None or pp.end > subject.start:
            return False
        i = self.token_index(pp.start)
        return i is not None and i > 0 and self.tokens[i - 1].tag in NOUN_TAGS

    def _issuing_body(self, start: int) -> list:
        """The organization whose name a document's name begins with ('United Nations Security
        Council (UNSC) Resolution 2094'): the names glued before `start`."""
        found = []
        for m in reversed(self.ents.within(max(self.s, start - 80), start)):
            if not _GLUE.fullmatch(self.text, m.end, start):
                break
            if m.type == "organization":
                found.append(m)
            start = m.start
        return found

    def _fronted(self, r: Reading, clause) -> bool:
        """An event noun in an 'in' phrase before its clause's subject ('In Monday's ruling, ...'),
        or a meeting in an 'at' or 'during' one ('At a meeting with Iizuka, Abe said': Abe met him)."""
        subject = clause.subject
        preps = ("in", "at", "during") if r.type == "meet" else ("in",)
        return subject is not None and subject.start > r.end and any(
            prep_of(pp) in preps and pp.start <= r.head.start < pp.end <= subject.start for pp in clause.pps)

    def _noun_parts(self, r: Reading, parts: Parts) -> None:
        """An event noun's actors: its modifiers ('North Korea's test', 'the Japan–US summit') act;
        its phrases ('of X', 'against X', 'in X') take the roles of the table."""
        ents = self.ents
        chunk = self.an.np_at(r.head.start)
        start = chunk.start if chunk is not None else max(self.s, r.start - 40)
        # names glued to the phrase that the tokens cut off it ('the Japan-U.S. summit')
        glued = [m for m in ents.within(max(self.s, start - 40), start) if m.end >= start - 2]
        while glued:
            start = glued[0].start
            glued = [m for m in ents.within(max(self.s, start - 40), start) if m.end >= start - 1
                     and self.text[m.end:start] in ("", "-", "–", ".-", ".")]
        for m in ents.within(start, r.start):
            parts.add("agent", m)
        if not parts.has("agent") and r.start > start and (m := ents.demonym_actor(start, r.start)) is not None:
            parts.add("agent", m)       # 'a second North Korean satellite launch', 'the Japanese occupation'
        c = r.told_by
        if c is not None and c.predicate is not None and not passive_clause(c) and c.subject is not None \
                and c.subject.start > r.end and (c.marker is None or c.subject.start > c.marker.start):
            for m in phrase_actors(ents, c.subject.start, c.subject.end):
                parts.add("agent", m)   # 'a campaign that Chongryon launched': Chongryon ran it
        # the phrases after the noun, up to a verb or a clause break
        j = self.token_index(r.end - 1)
        if j is None:
            return
        j += 1
        if j < len(self.tokens) and self.tokens[j].tag == "VBN":
            # 'the summit held in Washington', 'talks hosted by China': the participle's phrases place it
            clause = self.by_head.get(self.tokens[j].start)
            for pp in clause.pps if clause is not None else ():
                role = "agent" if prep_of(pp) == "by" else role_of(r.type, prep_of(pp))
                if role in ("location", "agent"):
                    for m in ents.within(pp.start, pp.end):
                        parts.add(role, m, r.type)
            return
        # (up to the next clause: 'aid to North Korea and Pyongyang engaged in talks')
        limit = min([c.start for c in self.an.clauses if c.start > r.head.start and c.predicate is not None
                     and c.subject is not None and c.subject.start >= c.start] + [self.e])
        while j < len(self.tokens) and self.tokens[j].tag in ("IN", "TO") and j - 1 < len(self.tokens):
            prep = self.tokens[j].text.lower()
            k = j + 1
            while k < len(self.tokens) and self.tokens[k].start < limit and (self.tokens[k].tag in NOUN_TAGS or self.tokens[k].tag in
                                           ("DT", "JJ", "CD", "POS", "CC", "HYPH", "PRP$", ",")):
                if self.tokens[k].tag == "," and not (k + 1 < len(self.tokens) and self.tokens[k + 1].tag == "CC"):
                    break
                k += 1
            end = self.tokens[k - 1].end if k > j + 1 else self.tokens[j].end
            role = "agent" if prep == "by" else role_of(r.type, prep)
            if prep == "between":
                role = "agent"
            if role:
                for m in ents.starting_in(self.tokens[j].end, end):
                    parts.add(role, m, r.type)
            j = k
        if r.type in _TARGETED and not parts.has("patient"):
            self._target_in_phrase(r, parts)

    def _target_in_phrase(self, r: Reading, parts: Parts) -> None:
        """'the ban on port calls by vessels registered in North Korea': the state a measure's
        phrase names, however deep, is what the measure targets."""
        i = self.token_index(r.end - 1)
        if i is None:
            return
        end = r.end
        clause = self.an.clause_of(r.head.start)
        # (up to the next clause, but through a participle's: 'ships registered in North Korea')
        limit = min([c.start for c in self.an.clauses if c is not clause and c.start > r.head.start
                     and not (c.relation == "relative" and c.marker is None)]
                    + [clause.end if clause is not None else self.e])
        for k in range(i + 1, len(self.tokens)):
            if self.tokens[k].start >= limit:
                break       # ('lifted some bans and North Korea reopened ...': another clause)
            t = self.tokens[k]
            if t.tag in _FINITE or t.tag == "," or t.tag == "CC" and k + 1 < len(self.tokens) \
                    and self.tokens[k + 1].tag in ("DT", "PRP$"):
                break
            end = t.end
        for m in self.ents.within(r.end, end):
            if m.type in ("country", "government") or m.entity.startswith(("country:", "gov:")):
                parts.add("patient", m)
