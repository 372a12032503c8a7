"""Whether and as what a reading states an event, as the sentence reader checks it: the type
the lexicon gave, refined by who takes part and how the verb is used; the verbs that state
their event only with an object, a subject or a weapon of a kind; asides of saying."""
from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from kankei.analyze.groups import lists as grammar_lists
from kankei.assemble._event_joins import NOT_TO
from kankei.assemble.event_parts import ACTOR_TYPES, state_of
from kankei.assemble.event_reading import NOUN_TAGS, passive_clause, prep_of
from kankei.assemble.triggers import (
    lexicon,
    needs_object,
    needs_subject,
    no_event_objects,
    not_alone_by,
    phrasal_particles,
    retype_by_object,
    word_sets,
)

if TYPE_CHECKING:
    from kankei.assemble.event_reading import Reading

_WILL = frozenset({"would", "will", "'ll", "wo"})
_WEAPONS_TEST_VERBS = ("launch", "fire", "shoot", "test", "explode")
# verbs that a particle makes another verb: 'left ... out', 'gave up', 'sent off'
_COURT = re.compile(r"\bCourt\b|\bTribunal\b")
_WORD = re.compile(r"[A-Za-z]+")


_SHARES = frozenset({"some", "all", "many", "most", "several", "both"})




# a quotation right after an object: what it is called ('called his death "deeply painful"')
_QUOTED_AFTER = re.compile(r"\s*[\"“‘']([^\"”’\n]{1,120})[\"”’]")


class ReaderChecks:
    """The type-checking part of SentenceReader (a mixin: it reads the reader's analysis)."""

    def _refine_type(self, r: Reading) -> None:
        """The type the lexicon gave, refined by who takes part and how the verb is used."""
        table = retype_by_object()
        # (by the phrase's lemma first: 'handed over' -> 'hand over')
        by_object = table.get(r.head.lemma + self.text[r.head.end:r.end].lower()) or table.get(r.head.lemma) \
            if r.verb and r.clause is not None else None
        if by_object:
            phrases = [r.clause.subject] + r.clause.objects if passive_clause(r.clause) and r.clause.subject \
                else r.clause.objects     # ('was granted residence': the object a passive keeps)
            if not phrases:     # ('handed over a request': the particle read as a preposition; 'would
                # appeal to the High Court': the phrase right after the verb)
                phrases = [pp.np for pp in r.clause.pps if pp.np is not None and r.head.end < pp.start
                           and (pp.start < r.end or pp.start - r.end <= 1)]
            if not phrases:     # ('promised to conduct a new inquiry': what the promise is to do)
                phrases = [ob for c in self.an.clauses if c.parent is r.clause and c.relation == "infinitive"
                           for ob in c.objects[:1]]
            for ph in phrases[:2]:
                # (its head, else a noun before the head: 'the extension period approved last year')
                word = next((w for w in [ph.head.text.lower()] + [t.text.lower() for t in self.tokens
                             if ph.start <= t.start < ph.head.start and t.tag in ("NN", "NNS")] if w in by_object), None)
                if word is not None:
                    r.type = by_object[word]    # 'released a photo': a statement
                    break
            else:
                nxt = self.tokens[r.head.i + 1].text.lower() if r.head.i + 1 < len(self.tokens) else ""
                if passive_clause(r.clause) and nxt in by_object:
                    r.type = by_object[nxt]     # ('was refused landing': the word after a passive is its object)
        if r.type == "resolution" and r.verb and r.head.lemma in word_sets()["deciding"] \
                and NOT_TO.match(self.text, r.end):
            r.type = "reject"       # 'decided not to send them back': a refusal decided
        if r.type == "migrate" and r.verb and r.clause is not None and r.clause.subject is not None \
                and r.clause.subject.head.text.lower() in grammar_lists()["message_nouns"]:
            r.type = "statement"    # 'his last letter arrived in 1994': a letter sent, no one moved
        if r.type == "dissolve" and r.verb and r.clause is not None and r.clause.subject is not None \
                and r.clause.subject.head.text.lower() in word_sets()["failing"]:
            r.type = "reject"       # 'talks collapsed': talks broken off, no body closed
        subject = r.clause.subject if r.verb and r.clause is not None and not passive_clause(r.clause) else None
        if r.type == "reject" and subject is not None and self.text[r.start:r.end].lower().endswith(" down") \
                and subject.head.tag in NOUN_TAGS and subject.head.text.lower() not in word_sets()["failing"] \
                and not self.ents.within(subject.start, subject.end):
            r.type = "other"        # ('the engine broke down': a mishap, not talks broken off)
        if r.type == "war" and subject is not None and not r.clause.objects \
                and subject.head.text.lower() in word_sets()["craft_nouns"]:
            r.type = "other"        # ('the boat sank after a collision': a wreck, no act of war)
        if r.type == "demand" and r.verb and r.clause is not None and any(
                prep_of(pp) == "against" and 0 <= pp.start - r.end <= 2 for pp in r.clause.pps):
            r.type = "accuse"       # 'campaigned against the repatriation': opposition, not a call for it
        if r.type == "statement" and r.verb and r.head.lemma in word_sets()["characterizing"] and r.end == r.head.end \
                and (span := self._complement_of_object(r)) is not None \
                and not word_sets()["accusing_words"].isdisjoint(re.findall(r"[a-z]+", self.text[span[0]:span[1]].lower())):
            r.type = "accuse"       # 'called the launch a clear provocation'
        if r.type == "statement" and r.verb and self._threat(r):
            r.type = "threaten"     # 'said it would start enriching uranium'
        elif r.type == "statement" and r.verb and self._refusal(r):
            r.type = "reject"       # 'promised that he would not hold dialogue', 'said it would not attend'
        if r.type == "statement" and r.verb and r.head.lemma in ("proclaim", "declare") \
                and any(p["role"] == "patient" and p["entity"].startswith(("country:", "org:")) for p in r.parts.items) \
                and r.clause is not None and passive_clause(r.clause):
            r.type = "found"        # 'the Republic of Korea was proclaimed': a state founded
        if r.type == "leader" and r.head.lemma in ("die", "death") \
                and not any(holds_office(p["entity"]) for p in r.parts.items):
            r.type = "other"        # a death changes a leadership only for one who held office
        if (r.type in ("reject", "agree", "accuse", "demand") or r.head.lemma == "find") and r.verb and self._by_a_court(r):
            r.type = "legal"        # 'the District Court rejected the claim': a ruling
        if r.type == "migrate" and r.verb and r.head.lemma in word_sets()["visit_words"] \
                and any(p["role"] == "agent" and (holds_office(p["entity"]) or r.head.lemma in _TRIPS
                                                  and p["entity"].startswith(("person:", "org:", "gov:")))
                        for p in r.parts.items) and not self._going_home(r):
            r.type = "meet"         # 'Prime Minister Koizumi returned to North Korea', 'Kanemaru travelled to Pyongyang': a visit
        if r.type == "demand" and r.verb and r.head.lemma == "insist" and r.clause is not None and any(
                c.parent is r.clause and c.relation == "complement" for c in self.an.clauses):
            r.type = "statement"    # 'insisted that eight had died': a claim ('insisted on talks' is a demand)
        if r.type == "demand" and r.noun_event is not None and r.noun_event.head.lemma == "call" \
                and r.clause is not None and r.clause.subject is not None and self._craft(r.clause.subject):
            r.type = "other"        # 'the ferry made its first call at Niigata': a port call, no demand
        if r.type == "reject" and r.verb and r.head.lemma == "fail" and r.clause is not None \
                and r.clause.subject is not None and self._launch_phrase(r.clause.subject):
            r.type = "weapons_test"     # ('the launch failed': a launch that failed, not a refusal)
        if r.type == "threaten" and self._an_alert(r):
            r.type = "other"        # 'issued a J-Alert warning': people warned to take shelter, no one threatened
        if r.type in ("aid", "statement") and r.verb and r.head.lemma in ("offer", "propose") and r.clause is not None \
                and not r.clause.objects and any(c.parent is r.clause and c.relation == "infinitive" for c in self.an.clauses):
            r.type = "demand"       # 'offers to meet Kim without preconditions': a proposal
        if r.type == "release" and r.verb and r.head.lemma == "send" \
                and any(p["role"] == "location" and p["entity"] == "country:north_korea" for p in r.parts.items):
            r.type = "migrate"      # 'sent back to North Korea': deported, not freed
        if r.type == "demand" and self._in_a_case(r) and not (r.clause is not None and any(
                prep_of(pp) in ("for", "to") for pp in r.clause.pps)):
            r.type = "legal"        # 'will appeal before the end of the month' (not 'appealed to Japan for aid')
        if r.type == "migrate" and r.verb and r.clause is not None and r.clause.subject is not None \
                and self._held(r.clause.subject):
            r.type = "release"      # 'five of the victims came home': freed, not moved of their own will
        if r.type == "migrate" and r.verb and r.head.lemma == "return" and r.clause is not None \
                and r.clause.objects and r.clause.predicate is not None and not passive_clause(r.clause):
            r.type = "release"      # 'Pyongyang returned the remains to Japan': handed back, not moved

    def _launch_phrase(self, phrase) -> bool:
        """Whether a phrase names a launch or a test ('the launch', 'the satellite launch')."""
        entry = lexicon().get(phrase.head.text.lower())
        return entry is not None and entry[1] and entry[0] == "weapons_test"

    def _craft(self, phrase) -> bool:
        """Whether a phrase names a ship or a plane: a vessel named, or a word for one."""
        return any(m.type == "vessel" for m in self.ents.within(phrase.start, phrase.end)) \
            or phrase.head.lemma.lower() in word_sets()["craft_nouns"]

    def _going_home(self, r: Reading) -> bool:
        """'Koizumi returned to Tokyo', 'flew home': a journey home, or to a place of the traveller's
        own state, is no visit."""
        if self.text[r.start:r.end].lower().endswith(" home"):
            return True     # ('flew home from Pyongyang': whoever goes home visits no one)
        homes = {state_of(p["entity"]) for p in r.parts.items if p["role"] == "agent"} - {None}
        return bool(homes) and any(p["role"] == "location" and state_of(p["entity"]) in homes for p in r.parts.items)

    def _an_alert(self, r: Reading) -> bool:
        """Whether a warning is an alert to the public: an alert word in its sentence next to it."""
        words = word_sets()["alert_words"]
        lo, hi = max(self.s, r.start - 40), min(self.e, r.end + 40)
        return any(t.text.lower() in words for t in self.tokens if lo <= t.start < hi)

    def _failure_ok(self, r: Reading) -> bool:
        """'the talks failed' is a breakdown, 'the engine failed' none: a bare 'fail' states a
        rejection only of talks, efforts or plans ('failed to reach' is read with its complement)."""
        if r.head.lemma != "fail" or r.noun_event is not None or r.clause is None or " " in self.text[r.start:r.end] \
                or r.type == "weapons_test":
            return True
        subject = r.clause.subject
        if subject is None:
            return False
        # (the words from the subject to the verb: 'efforts to normalize relations failed')
        return any(t.text.lower() in word_sets()["failing"] for t in self.tokens if subject.start <= t.start < r.head.start)

    def _in_a_case(self, r: Reading) -> bool:
        """Whether an appeal is told near a court or a ruling ('the government appealed the
        following month'): a step in a case, not a call for something."""
        if r.head.lemma != "appeal":
            return False
        words = word_sets()["case_words"]
        return any(w.lower() in words for w in _WORD.findall(self.text, max(0, self.s - 300), self.e))

    def _held(self, subject) -> bool:
        """Whether a subject names people held against their will ('the abductees', 'five of the
        victims'; not 'the husband of an abductee')."""
        held = word_sets()["held_people"]
        if subject.head.text.lower() in held:
            return True
        i = subject.head.i
        # ('five of the victims': a number or a share of them)
        return (subject.head.tag == "CD" or subject.head.text.lower() in _SHARES) and i + 3 < len(self.tokens) \
            and self.tokens[i + 1].text.lower() == "of" \
            and any(t.text.lower() in held for t in self.tokens[i + 2:i + 5] if t.tag in ("NNS", "NN"))

    def _aside(self, r: Reading) -> bool:
        """'..., noting that', 'citing': a participle of saying goes with the statement it is part of."""
        vg = getattr(r.clause, "predicate", None)
        if vg is None or vg.form not in ("gerund", "participle") or r.clause.relation != "adverbial" \
                or r.noun_event is not None:
            return False
        # ('dropped the word, acknowledging that its members had settled': a bare participle of
        # saying glosses the main clause, but 'by admitting that' states how it was done)
        return r.type == "statement" or r.head.lemma in word_sets()["reporting"] and r.clause.marker is None

    def _said_will(self, r: Reading) -> list:
        """The complement clauses of a verb of saying that tell what will or would be done."""
        if r.clause is None:
            return []
        return [c for c in self.an.clauses if c.parent is r.clause and c.relation == "complement"
                and c.predicate is not None and (c.predicate.tense == "future" or c.predicate.modal in _WILL)]

    def _threat(self, r: Reading) -> bool:
        """Whether what the speaker says will or would be done is force ('said he would not
        hesitate to use all his military might'): a future complement with a word of threat, or
        one on a condition ('would re-impose the sanctions if ...')."""
        if r.head.lemma not in word_sets()["reporting"]:
            return False
        if r.clause is not None and r.clause.predicate is not None and r.clause.predicate.negated:
            return False        # ('did not say whether Tokyo would ease them if ...': no threat made)
        words = word_sets()["threat_words"]
        for c in self._said_will(r):
            if c.marker is not None and c.marker.text.lower() in ("whether", "if"):
                continue        # (a question, not what the speaker says will be done)
            end = max([d.end for d in self.an.clauses if descends(d, c)] + [c.end])
            if any(t.text.lower() in words for t in self.tokens if c.start <= t.start < end):
                return True
            # 'said it would re-impose the sanctions if no progress was made': a condition set
            if any(descends(d, c) and d.relation == "adverbial" and d.marker is not None
                   and d.marker.text.lower() in ("if", "unless") for d in self.an.clauses):
                return True
        return False

    def _complement_of_object(self, r: Reading) -> tuple[int, int] | None:
        """'called the launch a clear provocation', 'called his death "deeply painful"': the span of
        what the object is called (a second noun phrase, or a quotation right after the object)."""
        c = r.clause
        if c is None or passive_clause(c) or not c.objects or c.objects[0].start < r.head.end:
            first = None
        else:
            first = c.objects[0]
        if first is None:
            return None
        m = _QUOTED_AFTER.match(self.text, first.end)
        if m:       # (a quotation first: the chunker may cut it at its first noun, 'an act | of ...')
            return m.start(1), m.end(1)
        if len(c.objects) > 1 and c.objects[1].first <= first.last + 2:
            return c.objects[1].start, c.objects[1].end
        return None

    def _refusal(self, r: Reading) -> bool:
        """What a speaker pledges or says in person will not be done: a negated future complement
        of an event ('promised he would not hold dialogue', 'I told him I will not go'; not 'will not
        go back to the harbour'). What one says another will not do is a statement with its negated
        content ('said Japan would not ease its sanctions')."""
        if r.head.lemma not in word_sets()["committing"] and not any(
                c.subject is not None and c.subject.head.text.lower() in ("i", "we") for c in self._said_will(r)):
            return False
        # (not 'efforts won't stop': what will not stop goes on)
        return any(c.predicate.negated and c.predicate.head.lemma not in ("be", "have")
                   and c.predicate.head.lemma not in word_sets()["stopping"]
                   and any(c.start <= t.start < c.end for t in self.triggers) for c in self._said_will(r))

    def _refused_whom(self, r: Reading) -> None:
        """'promised that he would not negotiate with South Korea': whom the refusal is aimed at
        is whom the refused act would have been done with or to."""
        if r.parts.has("patient"):
            return
        for c in self._said_will(r):
            if not c.predicate.negated:
                continue
            # (the act and those coordinated with it: 'would not hold dialogue or negotiate with X')
            for d in (d for d in self.an.clauses if descends(d, c) and (d is c or d.relation == "coordinate")):
                for ph in [*d.objects, *(pp for pp in d.pps if prep_of(pp) in ("with", "to", "against"))]:
                    for m in self.ents.within(ph.start, ph.end):
                        if m.type in ACTOR_TYPES:
                            r.parts.add("patient", m, r.type)

    def _after_what_it_reports(self, r: Reading) -> bool:
        """A statement verb after the complement it reports ('..., the sources said'), with no time of its own."""
        if r.type != "statement" or not r.verb or r.clause is None or r.times or r.clause.predicate is None:
            return False
        at = r.clause.predicate.start
        return any(c.parent is r.clause and c.relation == "complement" and c.start < at for c in self.an.clauses)

    def _anonymous_attribution(self, r: Reading) -> bool:
        """'..., the sources said.', '..., they said.', '..., it said.': an attribution after what it
        reports, by no one named, only tells where the news came from ('sources said Tuesday' is
        news of its own)."""
        if not self._after_what_it_reports(r):
            return False
        subject = r.clause.subject if r.clause is not None else None
        # ('..., it said.': 'it' or 'they' only point back at the source of what came before; a
        # quote's '..., he said' is the speaker's statement)
        if subject is not None and not r.parts.has("agent") and _a_named_speaker(subject.head):
            return False    # ('"...," Sato told reporters', 'the fisherman, 64, said': someone, if no actor)
        return not r.parts.has("agent") or subject is not None and subject.first == subject.last \
            and subject.head.text.lower() in ("it", "they")

    def _withheld_name(self, r: Reading) -> bool:
        """'..., an official said, declining to be named': how a source is quoted, no refusal of
        anything the story tells."""
        return r.verb and r.head.lemma in word_sets()["withholding"] \
            and _withheld_name().match(self.text, r.head.end) is not None

    def _feature_attribution(self, r: Reading) -> bool:
        """'"...," she says.': a feature's present-tense attribution by a pronoun, after what is said."""
        if not self._after_what_it_reports(r):
            return False
        vg, subject = r.clause.predicate, r.clause.subject
        return vg.tense == "present" and vg.aspect is None and subject is not None and subject.head.tag == "PRP"

    def _says_of_a_statement(self, r: Reading, nouns: list[Reading]) -> bool:
        """'issued a statement expressing ...', 'a statement published on KCNA': a participle
        of saying that describes a statement noun is part of that statement's telling."""
        i = r.head.i
        if r.type != "statement" or self.tokens[i].tag not in ("VBG", "VBN") or i == 0:
            return False
        if any(n.type == "statement" and n.head.i == i - 1 for n in nouns):
            return True
        entry = lexicon().get(self.tokens[i - 1].text.lower())     # (the noun of a phrase: 'issued a statement')
        return entry is not None and entry[1] and entry[0] == "statement" and self.tokens[i - 1].tag in NOUN_TAGS

    def _conjecture(self, r: Reading) -> bool:
        """'People must be celebrating', 'he must have known': what the writer infers happens or
        happened is no occurrence the text tells ('Japan must lift the ban' is a demand)."""
        vg = getattr(r.clause, "predicate", None) if r.verb else None
        # ('may have launched a missile' is a hedged report: kept)
        return vg is not None and (vg.modal == "must" and vg.aspect in ("progressive", "perfect")
                                   or vg.modal in ("might", "may", "could") and vg.aspect == "progressive")

    def _hearsay(self, r: Reading) -> bool:
        """'a son said to be the heir', 'he is reported to have left': a passive verb of saying
        with an infinitive hedges what follows; nobody's statement is told."""
        if r.type != "statement" or not r.verb or r.head.lemma not in word_sets()["raising"]:
            return False
        i = r.head.i
        if i + 1 >= len(self.tokens) or self.tokens[i + 1].tag != "TO":
            return False
        # (a participle after a comma may be tagged a past: then it has no subject of its own)
        return self.tokens[i].tag == "VBN" or r.clause is not None and r.clause.subject is None

    def _attributing(self, r: Reading) -> bool:
        """'abuses they said they suffered', 'over what they said was illegal': a verb of saying
        in a relative clause on what it describes attributes that description, and states no
        statement of its own ('a lawyer who said ...' does: its subject is the one described)."""
        c = r.clause
        if r.type != "statement" or not r.verb or c is None or r.head.lemma not in word_sets()["reporting"]:
            return False
        subject = c.subject
        if c.relation == "complement" and c.marker is not None and c.marker.text.lower() == "what":
            return True
        if c.relation == "adverbial" and c.marker is not None and c.marker.text.lower() == "as":
            return True     # 'As the diary of Ashida indicates, ...': where the story is read, no act
        return c.relation == "relative" and subject is not None and subject.start >= c.start \
            and (c.marker is None or c.marker.text.lower() in ("that", "which", "what"))

    def _by_a_court(self, r: Reading) -> bool:
        """Whether a court or a judge acts: a named court, or a subject headed 'court' or 'judge'."""
        if any(p["role"] == "agent" and _COURT.search(self.ents.name_of(p["entity"])) for p in r.parts.items):
            return True
        subject = r.clause.subject if r.clause is not None else None
        agent = r.clause.agent if r.clause is not None and passive_clause(r.clause) else None
        # ('the court dismissed the suit', 'the bid was rejected by the court')
        doer = agent if agent is not None else subject if r.clause is not None and not passive_clause(r.clause) else None
        return doer is not None and doer.head.lemma in ("court", "judge", "tribunal")

    def _subject_ok(self, r: Reading) -> bool:
        """'the community is disappearing' is no abduction: some verbs need a subject of a kind."""
        alone = not_alone_by().get(r.head.lemma) if r.verb else None
        actors = [p["entity"].split(":", 1)[0] for p in r.parts.items if p["role"] in ("agent", "patient")]
        if alone and actors and all(a in alone for a in actors):
            return False        # 'she would keep fighting': one person's fight is no war
        if r.verb and r.head.lemma in word_sets()["active_only"] and r.clause is not None \
                and passive_clause(r.clause) and r.clause.agent is None:
            return False        # ('it was reported that ...', 'must be reported': hearsay or a duty, no report)
        table = needs_subject()
        # by lemma, or by the phrase it heads ('closed down' -> 'close down'; 'born')
        kinds = table.get(r.head.lemma + self.text[r.head.end:r.end].lower()) or table.get(r.head.lemma) \
            or table.get(r.head.text.lower()) if r.verb else None
        if kinds is None:
            return True
        subject = r.clause.subject if r.clause is not None else None
        # (the subject's head must be the name: 'the Nikkei share average closed down' is no body)
        sets = word_sets()
        head_in = subject is None or subject.head.tag[:2] != "NN" or subject.head.tag in ("NNP", "NNPS") \
            or subject.head.lemma in sets["definite_bodies"] | sets["pair_nouns"] or _one_person(subject.head, sets)
        if "crowd" in kinds and subject is not None and subject.head.text.lower() in sets["crowd_nouns"]:
            return True     # ('some 2,000 members rallied in the park')
        # (or a person named by what she is: 'a 22-year-old nurse vanished')
        return head_in and (any(p["role"] in ("agent", "patient") and p["entity"].split(":", 1)[0] in kinds
                                for p in r.parts.items)
                            or "person" in kinds and subject is not None and _one_person(subject.head, sets))

    def _phrasal(self, r: Reading) -> bool:
        """'left the schools out of the program', 'left it behind': a particle makes another verb."""
        if not r.verb or r.clause is None:
            return False
        particles = phrasal_particles().get(r.head.lemma)
        if not particles:
            return False
        for t in self.tokens[r.head.i + 1:r.head.i + 10]:
            if t.tag in (",", ".", ":") or t.tag in ("VBD", "VBZ", "VBP", "MD"):
                return False    # (the particle comes before the clause goes on: 'left the schools run by X out')
            if t.text.lower() in particles and t.tag in ("RP", "IN", "RB"):
                return True
        return False

    def _object_ok(self, r: Reading) -> bool:
        """'adopted a name' is no resolution: some verbs state their event only with certain objects."""
        if r.head.lemma in word_sets()["characterizing"] and r.end == r.head.end:
            return self._complement_of_object(r) is not None       # (not 'called for', 'called on')
        barred = no_event_objects().get(r.head.lemma)
        if barred and r.clause is not None and any(
                t.text.lower() in barred for ob in r.clause.objects for t in self.tokens if ob.start <= t.start < ob.end):
            return False        # ('paid any attention', 'pay Osaka consumption tax')
        wanted = needs_object().get(r.head.lemma)
        said = self.text[r.start:r.end]
        if wanted is None or r.noun_event is not None or " " in said and said.lower() in lexicon():
            return True     # (a phrase says what it is: 'established diplomatic relations'; not 'agreed to extend')
        # (an object that makes it another event will do too: 'sent a rocket over Japan')
        wanted = wanted | frozenset(retype_by_object().get(r.head.lemma, ()))
        i = r.head.i
        if r.head.tag == "VBN" and i > 1 and self.tokens[i - 1].text == ",":
            j = i - 2       # ('resolution 76/262, adopted last month': the noun it describes)
            while j >= 0 and i - j <= 6 and self.tokens[j].tag in ("NN", "NNS", "NNP", "NNPS", "CD", "JJ", "HYPH"):
                if self.tokens[j].text.lower() in wanted:
                    return True
                j -= 1
        c = r.clause
        if c is None:
            return False
        if passive_clause(c):
            phrases = [c.subject] if c.subject is not None else []
        else:
            phrases = list(c.objects)
            if c.subject is not None and r.head.tag in ("VBD", "VBN") \
                    and self.token_index(c.subject.end - 1) == r.head.i - 1 \
                    and not any(ob.first == r.head.i + 1 for ob in c.objects):
                phrases.append(c.subject)   # 'the documents adopted on December 16 ...': a participle read as a past
            if not c.objects and c.subject is not None and r.head.lemma in word_sets()["ergative"]:
                phrases.append(c.subject)   # ('the school opened in 1956')
        if r.head.lemma in word_sets()["ergative"]:     # (its object's head: not 'opened bank accounts')
            if any(ph is not None and ph.head.text.lower() in wanted for ph in phrases):
                return True
        elif any(t.text.lower() in wanted for ph in phrases if ph is not None
                 for t in self.tokens if ph.start <= t.start < ph.end):        # ('Resolution No. 1718')
            return True
        if any(ph is not None and ph.head.tag == "PRP" and ph.head.text.lower() in ("it", "them") for ph in phrases) \
                and any(t.text.lower() in wanted for t in self.tokens if t.start < r.start):
            return True     # ('kept its sanctions in place, most recently extending them'): what it stands for
        # a body named ('established Chongryon', 'Minsen was formed') is founded whatever its name
        # ... and so is an actor where the list allows one ('received Kim at the Kantei')
        if r.head.lemma in word_sets()["ergative"]:
            return False        # ('ICRC archives opened in 2004': a body named opens nothing by its name)
        kinds = ("organization", "group") if r.type == "found" else ("person", "organization", "country", "group") \
            if "@actor" in wanted else ()
        return any(m.type in kinds for ph in phrases if ph is not None for m in self.ents.starting_in(ph.start, ph.end))

    def _test_noun_ok(self, n: Reading) -> bool:
        """'DNA tests carried out in Japan': a test noun is a weapons test only with a weapon in its
        phrase or sentence ('a nuclear test', 'the test of a missile')."""
        if n.type != "weapons_test" or n.head.lemma != "test":
            return True
        weapons = word_sets()["weapon_words"]
        return any(t.text.lower() in weapons for t in self.tokens) and not any(
            t.text.lower() in word_sets()["not_weapon_tests"] for t in self.tokens[max(0, n.head.i - 3):n.head.i])

    def _weapon_ok(self, r: Reading) -> bool:
        """'launched a campaign': a launch or a firing is a weapons test only with a weapon in its
        sentence; 'launched a committee' founds it."""
        if r.type != "weapons_test" or r.noun_event is not None or not r.head.lemma.startswith(_WEAPONS_TEST_VERBS):
            return True
        weapons = word_sets()["weapon_words"]
        if any(t.text.lower() in weapons or t.text.lower().split("-", 1)[0] in weapons for t in self.tokens):
            return True     # ('fired what it called a Hwasong-17')
        objects = r.clause.objects if r.clause is not None else []
        if r.head.lemma == "launch" and any(m.type == "organization" for ob in objects
                                            for m in self.ents.within(ob.start, ob.end)):
            r.type = "found"
            return True
        by_object = retype_by_object().get(r.head.lemma, {})
        if objects and objects[0].head.text.lower() in by_object:
            r.type = by_object[objects[0].head.text.lower()]     # ('launched an investigation committee')
            return True
        return False


_TRIPS = frozenset({"travel", "fly"})     # a person or a body travelling somewhere visits it


def descends(c, ancestor) -> bool:
    while c is not None:
        if c is ancestor:
            return True
        c = c.parent
    return False




def holds_office(entity_id: str) -> bool:
    """Whether the knowledge lists an office that leads ('Prime Minister', 'Chairman'), not one that
    speaks for or sits on a body ('Representative', 'Member', 'Spokesman')."""
    from kankei.recognize.gazetteer import gazetteer
    entry = gazetteer().entries.get(entity_id)
    minor = word_sets()["non_leading_offices"]
    return bool(entry and any(not minor & set(str(o.get("title", "")).lower().split()) for o in entry.offices))


_ONE_PERSON_PRONOUNS = frozenset({"i", "he", "she"})


def _a_named_speaker(head) -> bool:
    """A speaker one can point at: a name, or one person called by what she is ('the fisherman')."""
    word = head.text.lower()
    return head.tag == "NNP" or head.tag == "NN" and (
        word in word_sets()["person_nouns"] or word in word_sets()["kin_nouns"] or word.endswith(("man", "woman")))


def _one_person(head, sets: dict) -> bool:
    """A person by what she is ('a 22-year-old nurse vanished'), by kin ('their son was born') or
    by a pronoun of one ('I was born there'): 'nearly all were born in Japan' names no one."""
    word = head.text.lower()
    lemma = head.lemma.lower()
    return word in _ONE_PERSON_PRONOUNS or lemma in sets["person_nouns"] or lemma in sets["people_nouns"] \
        or head.tag == "NN" and word in sets["kin_nouns"]


@cache
def _withheld_name() -> re.Pattern:
    """The phrases of `anonymity_phrases` after a verb of `withholding`, at any spacing."""
    phrases = sorted(word_sets()["anonymity_phrases"], key=len, reverse=True)
    return re.compile(r"\s+(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases) + r")\b", re.I)
