"""Who a clause's subject is: names in it, a spokesperson's body, a pronoun's antecedent, a
definite body or office named before, the pair of a meeting, a name in apposition (a mixin of
SentenceReader, beside ReaderRoles)."""
from __future__ import annotations

import re

from kankei.assemble._event_bodies import BodyReading
from kankei.assemble.event_parts import (
    ACTOR_TYPES,
    fits,
    fits_pronoun,
    phrase_actors,
)
from kankei.assemble.event_reading import in_relative, passive_clause, past_coordinates, prep_of
from kankei.assemble.triggers import word_sets
from kankei.resolve.anchor import in_quotation
from kankei.spans import EntityMention

_APPOSED = re.compile(r",\s+(?:\d{1,3},\s+)?$")     # 'X, a student who', 'X, 79, an ethnic Korean who'
_NOUN_TAGS_PLAIN = frozenset({"NN", "NNS"})       # a common noun head: 'agents', 'police', 'officials'
_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")
_AND = re.compile(r"\band\b|&")
_NOT_PREPOSITIONS = frozenset({"of", "although", "though", "because", "while", "whereas", "if", "unless",
                               "that", "whether", "as", "since", "after", "before", "until", "once"})
_LIST_SEP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?:the\s+)?(?:[A-Z][a-z]+\.?\s+){0,3}")
_ISSUER_WORDS = frozenset({"Government", "Cabinet"})


_AGED = re.compile(r"[Tt]he (\d{1,3})-year-old(?: [a-z]+)?")


class SubjectReading(BodyReading):
    """Who does what a clause says."""

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
        if found and all(m.type != "person" for m in found) and (who := self._relative_person_before(clause)):
            return who     # ('Pyongyang returned the ashes of Yokota, who was kidnapped ..., and committed suicide')
        if len(found) == 1:
            found = self._coordinated(found[0]) or found
        return found

    def _is_the_sayers_own(self, clause, m) -> bool:
        """Whether one body is the subject of the clause above a complement: it would be 'it' there."""
        parent = clause.parent
        if clause.relation != "complement" or parent is None or parent.subject is None or passive_clause(parent):
            return False        # ('the wives had been told they could visit': the ones told)
        return [x.entity for x in phrase_actors(self.ents, parent.subject.start, parent.subject.end)] == [m.entity]

    def _relative_person_before(self, clause) -> list:
        """A verb only a person does ('died', 'committed suicide'), coordinated after a relative
        clause on a person, goes on about that person, not about the main clause's subject."""
        vg = clause.predicate
        if clause.relation != "coordinate" or not clause.shared_subject or vg is None:
            return []
        words = word_sets()["person_only_verbs"]
        after = self.text[vg.end:vg.end + 16].split()
        if vg.lemma not in words and not (after and f"{vg.lemma} {after[0].lower()}" in words):
            return []
        rel = max((c for c in self.an.clauses if c.relation == "relative" and c.parent is clause.parent
                   and c.marker is not None and c.marker.text.lower() == "who" and c.end <= vg.start),
                  key=lambda c: c.start, default=None)
        if rel is None or rel.subject is None:
            return []
        return [m for m in phrase_actors(self.ents, rel.subject.start, rel.subject.end) if m.type == "person"][:1]

    def _speaker(self, clause, pronoun: str) -> list:
        """Who 'it', 'he' or 'she' is in what a verb of saying reports: the one who says it, when
        that one can be meant by the pronoun."""
        parent = self._reported_by(clause)
        if parent is None:
            return []
        found = self._subject_head_actors(parent)
        want = {"it": ("organization", "country"), "he": ("person",), "she": ("person",)}.get(pronoun)
        return found if want and found and all(m.type in want for m in found) else []

    def _reported_by(self, clause):
        """The clause of the verb of saying whose complement holds this clause (through an
        infinitive that shares its subject: 'said it plans to hold the auction')."""
        while clause.relation == "infinitive" and clause.shared_subject and clause.parent is not None:
            clause = clause.parent
        parent = clause.parent
        if clause.relation != "complement" or parent is None or parent.predicate is None \
                or parent.predicate.lemma not in word_sets()["reporting"] or passive_clause(parent):
            return None
        return parent

    def _said_by_a_body_unnamed(self, clause, pronoun: str) -> bool:
        """'The collection agency said it plans ...', 'the men told investigators that they had
        left ...': 'it' is the agency, 'they' the men, whom no name says; no other actor named before."""
        parent = self._reported_by(clause)
        subject = parent.subject if parent is not None else None
        words = word_sets()
        return pronoun in ("it", "they") and subject is not None and subject.head.tag in _NOUN_TAGS_PLAIN \
            and subject.head.text.islower() and (subject.head.lemma.lower() in words["definite_bodies"]
                                                 or subject.head.text.lower() in words["acting_bodies"]
                                                 or pronoun == "they" and subject.head.text.lower() in words["people_nouns"]) \
            and not self._subject_head_actors(parent)

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
            if found and subject.head.tag in _NOUN_TAGS_PLAIN and all(m.start > subject.head.start for m in found) \
                    and subject.head.text.lower() in word_sets()["person_nouns"]:
                found = []      # ('a man identifying himself as the son of Kim Jong-il': the man, no one named)
            if found:
                return self._office_of_state(subject, found) or found
            if (spoken_for := self._spoken_for(clause, subject, types)):
                return spoken_for       # 'a spokesperson for the Foreign Ministry said': the ministry
            if in_relative(clause) and (m := self._apposed_name(subject.start, types)) is not None:
                return [m]      # 'Megumi Yokota, a Japanese girl who had disappeared': the girl is Yokota
            if in_relative(clause) and (said := self._predicated_of(clause, subject, types)):
                return said     # 'Japan is a state which annexed Korea': the state is Japan
            head = subject.head
            if head.tag in _NOUN_TAGS_PLAIN and head.text.lower() in word_sets()["office_nouns"] \
                    and (m := self._titled(subject)) is not None:
                return [m]      # 'the North Korean leader wrote': the leader named before, not his state
            if head.tag in _NOUN_TAGS_PLAIN and (m := self.ents.demonym_actor(
                    subject.start, subject.end, body=True, people=passive_clause(clause))) is not None:
                # 'North Korean agents abducted ...', 'North Korean nationals will be banned'; not
                # 'a South Korean group released ...'
                return [m]
            if (head.text in _ISSUER_WORDS or head.text.lower() == "we" and self.ents.official
                    and self.ents.narrator is None and self.ents.author is None
                    and not in_quotation(self.text, subject.start)) \
                    and self.ents.issuer is not None:
                # 'the Government today decided', 'We strongly urge' (a government's statement, its
                # spokesman's briefing): who issues the document
                return [self.ents.issuer_at(subject.start, subject.end)]
            # ('I did not register', in the notebooks of Yang Chang-sik: he; 'We welcome the
            # judgment', in the statement of a lawyers' group: it)
            writer = self.ents.narrator if head.text.lower() in ("i", "we") else None
            writer = writer or (self.ents.author if head.text.lower() == "we" else None)
            if head.tag == "PRP" and writer is not None and not in_quotation(self.text, subject.start):
                how = "narrator" if writer is self.ents.narrator else "author"
                return [EntityMention(subject.start, subject.end, self.text[subject.start:subject.end], writer.entity,
                                      writer.name, writer.type, how=how)]
            if head.tag in ("PRP", "PRP$", "WP", "WDT"):
                if head.text.lower() == "they" and len(self.ents.focus) >= 2 and all(f.entity for f in self.ents.focus) \
                        and not any(fits(m, "any") for m in self.ents.within(self.s, subject.start)):
                    return list(self.ents.focus)    # 'Koizumi and Kim met ... they signed': both
                speaker = self._speaker(clause, head.text.lower())
                if speaker:
                    return speaker      # 'The association said it would appeal': the association
                if self._said_by_a_body_unnamed(clause, head.text.lower()):
                    return []
                if (went_on := self._went_on_from(clause, head.text, subject.start)) is not None:
                    return [went_on]
                if (went_on := self._pronoun_goes_on(clause, head)) is not None:
                    return went_on      # ('The court rejected the claim, and it did not order ...': the court)
                if head.text.lower() == "they" and (plural := self._plural_subject_before(subject.start)) is not None:
                    # ('Japanese officials said they would protest': Japan; 'The fishermen told police
                    # ..., and they were flown to Seoul': no one named)
                    return plural
                m = self.ents.antecedent(head.text, subject.start)
                if m is not None and head.text.lower() == "they" and self._is_the_sayers_own(clause, m):
                    return []       # ('Tokyo decided they would not be sent back': they are not Tokyo)
                return [m] if m is not None else []
            if (body := self._body_of_the_scene(clause, subject)) is not None:
                return [body]   # 'At the G7 summit, the leaders condemned ...': the G7
            if pair := self._pair_named(subject):
                return pair     # 'the two sides agreed', 'both delegations said'
            if (m := self._definite_body(subject, "document" in types)) is not None:
                return [m]      # 'the court dismissed the case': the court named before
            if (m := self._message_author(subject)) is not None:
                return [m]      # ('In a commentary, KCNA said ... the commentary said': KCNA)
            if (m := self._spouse_before(subject)) is not None:
                return [m]      # ('he married Kim Sun-ja ... His wife died in 2014': she)
            if (m := self._spokesperson_before(subject)) is not None:
                return [m]      # ('a spokesperson for the ministry said ... The spokesperson warned': the ministry)
            if (m := self._titled(subject)) is not None:
                return [m]      # 'the prime minister said': the prime minister named before
            if (m := self._aged(subject)) is not None:
                return [m]      # ('Principal Kang told the audience. The 58-year-old said ...': Kang)
            if (m := self._office_of_home(subject)) is not None:
                return [m]      # 'TOKYO -- The prime minister instructed ...', no one named: Japan's government
            if (m := self._unnamed_body(subject)) is not None:
                return [m]      # 'A district court ordered ...' (named next), 'police searched ...' (the state's)
            if (m := self._state_media(subject)) is not None:
                return [m]      # ('North Korea's launch failed, state media said': its state media)
            if (m := self._owner_of_its_body(subject)) is not None:
                return [m]      # ('its agents had kidnapped Japanese citizens': the state 'its' stands for)
            if not (subject.end <= vg.start and subject.start >= clause.start) if vg is not None else True:
                return []
        if vg is None or clause.relation not in (None, "complement", "coordinate", "parataxis"):
            return []
        # the chunker may cut the subject short ('TOKYO- Prime Minister Shinzo Abe stressed'):
        # the actors just before the verb group, not inside a prepositional phrase
        start = subject.start if subject is not None else self._left_edge(vg)
        found = [m for m in phrase_actors(self.ents, start, vg.start) if not self._in_pp(m.start)]
        return found[-1:] if found else []

    def _aged(self, phrase) -> object | None:
        """'the 58-year-old (principal)': the person given that age before ('Kang, 58,'), else the
        person the last sentence was about."""
        m = _AGED.fullmatch(self.text, phrase.start, phrase.end)
        if m is None:
            return None
        age = m.group(1)
        pool = self.ents.history + [x for x in self.ents.items if x.end <= phrase.start]
        for x in reversed(pool):
            if x.type == "person" and (self.text.startswith(f", {age},", x.end)
                                       or self.text[max(0, x.start - 14):x.start].rstrip().endswith(f"{age}-year-old")):
                return x
        return next((f for f in reversed(self.ents.focus) if f.entity and f.type == "person"), None) \
            or next((x for x in reversed(pool) if x.type == "person"), None)     # (else the last one named)

    def _pronoun_goes_on(self, clause, head) -> list | None:
        """'X rejected the claim, and it did not order ...': a pronoun opening a clause coordinated
        with one whose subject is a phrase that agrees with it stands for that subject's actors."""
        parent = clause.parent
        if clause.relation != "coordinate" or parent is None or parent.subject is None \
                or parent.subject.head.tag in ("PRP", "WP", "WDT", "EX"):
            return None
        word, tag = head.text.lower(), parent.subject.head.tag
        if not (word == "it" and tag in ("NN", "NNP") or word == "they" and tag in ("NNS", "NNPS")):
            return None
        found = self._subject_head_actors(parent)
        return found or None

    def _plural_subject_before(self, before: int) -> list | None:
        """The actors of the sentence's first subject before this 'they' when it is a plural of
        people ('Japanese officials': Japan; 'The fishermen': none named), else None."""
        first = next((c for c in self.an.clauses if c.subject is not None and c.subject.end <= before
                      and c.relation is None), None)
        if first is None or first.subject.head.tag != "NNS":
            return None
        words = word_sets()
        head = first.subject.head.text.lower()
        if head in words["people_nouns"] or head in words["national_nouns"]:
            return self._subject_head_actors(first)     # (none named: [])
        return (self._subject_head_actors(first) or None) if head in words["acting_bodies"] else None

    def _predicated_of(self, clause, subject, types) -> list:
        """The actors a relative clause's antecedent is said to be, when that antecedent is what
        'be' says of its subject ('X is a state which ...', 'it was the ministry that ...')."""
        parent = past_coordinates(clause).parent
        if parent is None or parent.predicate is None or parent.predicate.head.lemma != "be" \
                or parent.subject is None or not any(ob.start == subject.start for ob in parent.objects):
            return []
        return list(phrase_actors(self.ents, parent.subject.start, parent.subject.end, types))

    def _spoken_for(self, clause, subject, types) -> list:
        """The body a spokesperson or an official speaks for, named in the phrase right after
        ('a spokesperson for the DPRK Foreign Ministry', 'officials at the Defense Ministry')."""
        words = word_sets()
        head = subject.head.lemma.lower()
        while clause.shared_subject and clause.parent is not None and clause.parent.subject is subject:
            clause = clause.parent      # ('the leaders of X and Y met and agreed': the phrases are the first verb's)
        if head in words["heads_of"] and clause.predicate is not None:
            # 'the leaders of the US, Japan and South Korea met': every state whose heads they are
            pps, end = [], subject.end
            for pp in clause.pps:
                if 0 <= pp.start - end <= 2 and pp.end <= clause.predicate.start and (prep_of(pp) == "of" or pps):
                    pps.append(pp)
                    end = pp.end
            if pps and prep_of(pps[0]) == "of":
                named = phrase_actors(self.ents, pps[0].start, end, types)
                if not named and pps[0].np is not None:
                    named = self._pair_named(pps[0].np)     # ('the leaders of the three countries')
                return named
        if head not in words["non_leading_offices"] | words["acting_bodies"]:
            return []
        pp = next((pp for pp in clause.pps if 0 <= pp.start - subject.end <= 1
                   and prep_of(pp) in ("for", "of", "at", "from")), None)
        if pp is None:
            return []
        np = pp.np
        if np is not None and self.tokens[np.first].text.lower() in ("its", "their") \
                and np.head.text.lower() in words["branch_nouns"]:
            # ('a spokesman at its Tokyo headquarters': the body 'its' stands for, not Tokyo)
            m = self.ents.antecedent("it", np.start, subject=False)
            return [m] if m is not None else []
        return phrase_actors(self.ents, pp.start, pp.end, types)[:1]

    def _went_on_from(self, clause, pronoun: str, before: int):
        """'Kim Yo Jong says Kishida has proposed a summit; hours later she declares': a pronoun
        opening a clause that goes on from the main one is that clause's subject, not a name
        inside what it reported."""
        if clause.relation not in ("coordinate", "parataxis") or clause.shared_subject:
            return None
        main = clause.parent
        while main is not None and main.relation in ("coordinate", "parataxis", "complement") and main.parent is not None:
            main = main.parent      # ('Kim admitted that his country had abducted them, and he apologized')
        if main is None or main.relation is not None or main.subject is None or main.subject.end > before:
            return None
        found = [m for m in phrase_actors(self.ents, main.subject.start, main.subject.end) if fits_pronoun(m, pronoun)]
        return found[0] if len(found) == 1 else None

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
