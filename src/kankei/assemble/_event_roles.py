"""Who takes part in the events of a sentence, as the sentence reader finds it: the subject
acts (or is acted on, in the passive), objects and prepositional phrases take the roles of
knowledge/event_triggers.yaml; an event noun's modifiers act."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kankei.analyze.clause_rules import list_goes_on
from kankei.analyze.groups import lists
from kankei.assemble._event_subjects import _ISSUER_WORDS, SubjectReading
from kankei.assemble.event_parts import ACTOR_TYPES, Parts, kin_of, phrase_actors, role_of, state_of
from kankei.assemble.event_reading import NOUN_TAGS, passive_clause, prep_of, time_phrase_of
from kankei.assemble.triggers import lexicon, word_sets
from kankei.resolve.anchor import in_quotation

if TYPE_CHECKING:
    from kankei.assemble.event_reading import Reading

_TERRITORY_TYPES = frozenset({"annex", "war"})
_TARGETED = frozenset({"sanction", "ease"})          # measures taken against a state
_FINITE = frozenset({"VBZ", "VBP", "VBD", "MD"})
_ISSUED = frozenset({"resolution"})                  # a body's name opens the name of what it adopts
_GLUE = re.compile(r"\s*(?:\(\s*|\)\s*|'s\s+|’s\s+)?\s*")
_MOTION_TYPES = frozenset({"migrate", "meet", "release"})
_MEET_WITH = frozenset({"meet", "negotiate", "consult", "confer"})
_APPOSITION_BEFORE = re.compile(r",\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}$")
_WHERE_SENT = frozenset({"to", "for"})
_SAID_FROM = frozenset({"accuse", "demand", "statement", "apologize", "threaten", "reject", "aid", "agree"})
_BETWEEN_OF = re.compile(r"\s*(?:,\s*)?(?:and\s+)?")     # between a phrase and its 'of' ('of X, Y and Z')
_VESSEL_MOVES = frozenset({"migrate", "other"})     # a ship sails, returns, sinks, collides: it does it


def _measure_noun(word: str) -> bool:
    """Whether a noun names a measure a state imposes ('sanctions', 'ban', 'restrictions')."""
    entry = lexicon().get(word.lower())
    return entry is not None and entry[1] and entry[0] in ("sanction", "ease")


class ReaderRoles(SubjectReading):
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
        undergoes = word_sets()["subject_undergoes"]
        undergone = not passive and r.verb and r.noun_event is None and (
            r.head.lemma in undergoes or r.head.lemma + self.text[r.head.end:r.end].lower() in undergoes
            or r.head.lemma in word_sets()["subject_undergoes_alone"] and not clause.objects)
        # (what is done to a treaty or a ship is done to it: 'the agreement was extended', 'the
        # agreement expired')
        subject_actors = self._subject_actors(clause, ACTOR_TYPES | {"place"} if passive and etype in _TERRITORY_TYPES
                                              else ACTOR_TYPES | {"document", "vessel"} if passive or undergone
                                              else ACTOR_TYPES | {"vessel"} if etype in _VESSEL_MOVES else ACTOR_TYPES)
        if not subject_actors and not passive and clause.subject is not None:
            # ('Osaka Prefecture stopped paying its subsidy': a prefecture acting; Parts decides)
            subject_actors = [m for m in phrase_actors(ents, clause.subject.start, clause.subject.end, {"place"})][:1]
        by_agents = []
        if clause.agent is not None:
            by_agents += phrase_actors(ents, clause.agent.start, clause.agent.end)
            if not by_agents and clause.agent.head.text in _ISSUER_WORDS and ents.issuer is not None:
                by_agents.append(ents.issuer_at(clause.agent.start, clause.agent.end))    # 'announced by the Government'
            if not by_agents and (m := ents.demonym_actor(clause.agent.start, clause.agent.end, body=True)) is not None:
                by_agents.append(m)         # 'abducted by North Korean agents'
        for pp in clause.pps:
            if prep_of(pp) == "by" and (clause.agent is None or pp.start >= clause.agent.end or pp.end <= clause.agent.start):
                found = phrase_actors(ents, pp.start, pp.end)
                if not found and (m := ents.demonym_actor(pp.start, pp.end, body=True)) is not None:
                    found = [m]     # 'adopted ... by the Japanese cabinet'
                by_agents += found
        if undergone:
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
                        # ('the agreement was extended': the accord named before is what it is done to)
                        parts.add("patient" if m.type == "document" else "agent", m, etype)
                    elif m.type == "document" and m.start <= noun_at < m.end:
                        parts.add("patient", m, etype)      # ('the Calcutta Agreement was extended': the accord itself)
            else:
                for m in subject_actors:
                    parts.add("patient", m, etype)
        else:
            for m in subject_actors:
                parts.add("agent", m, etype)
        for ob in clause.objects:
            role = role_of(etype, "object")
            if role and ob.head.tag == "PRP" and ob.head.text.lower() == "you" and ents.addressee is not None \
                    and not in_quotation(self.text, ob.start):
                parts.add(role, ents.addressee, etype)      # ('we ask you to meet us': the letter's addressee)
            elif role and ob.head.tag == "PRP" and ob.head.text.lower() in ("it", "them", "him", "her"):
                m = ents.antecedent(ob.head.text, ob.start, subject=False)     # 'a court ordered it to pay'
                if m is not None and not (ob.head.text.lower() == "it" and m.start < self.s and any(
                        t.noun for t in self.triggers if self.s <= t.start < ob.start)):
                    # (not '"This ruling is oppression, and we will fight it"': the ruling, no actor)
                    parts.add(role, m, etype)
            elif role:
                named = phrase_actors(ents, ob.start, ob.end, ACTOR_TYPES | {"document", "place", "vessel"})
                if not named and role == "patient" and r.noun_event is None:
                    named = self._possessor(ob)     # 'disputed Japan's DNA test': done to Japan
                    if named and _measure_noun(ob.head.text):
                        # ('extend Japan's sanctions', 'lifted part of Japan's sanctions': Japan imposes them)
                        if not parts.has("agent"):
                            parts.add("agent", named[0], etype)
                        continue
                    if not named and (m := self._definite_body(ob)) is not None:
                        named = [m]     # 'urged the court for a speedy trial': the court named before
                    if not named and ob.head.text.lower() in word_sets()["acting_bodies"] | word_sets()["national_nouns"] \
                            and (m := ents.demonym_actor(ob.start, ob.end)) is not None:
                        # 'summoned a North Korean diplomat', 'kidnapped 13 Japanese citizens': that state
                        parts.add(role, m, etype)
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
            if prep == "to" and ents.addressee is not None and pp.np is not None and pp.np.first == pp.np.last \
                    and pp.np.head.text.lower() == "you" and not in_quotation(self.text, pp.start):
                if role_of(etype, "to"):
                    parts.add(role_of(etype, "to"), ents.addressee, etype)     # ('We write to you': the addressee)
                continue
            if prep == "between" and pp.np is not None and (pair := self._pair_named(pp.np)):
                for m in pair:
                    parts.add("agent", m, etype)      # 'agreed between the two countries'
                continue
            if prep == "between" and (self._after_other_noun(pp.start, r) or skipped_between is not None
                                      and _BETWEEN_OF.fullmatch(self.text, skipped_between, pp.start)):
                skipped_between = pp.end
                continue        # ('met ... for the first summit between Japan and North Korea': the summit's)
            if self._describes_a_name(pp.start):
                continue        # ('Chongryon, a group of Korean residents in Japan': who Chongryon is)
            if prep in ("of", "at", "for", "from") and not passive and self._in_subject_phrase(pp, clause):
                continue        # ('an official of the North's Foreign Ministry said': whom the subject speaks for)
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

    @staticmethod
    def _in_subject_phrase(pp, clause) -> bool:
        """Whether a phrase sits between the subject and its verb, in a chain of phrases that
        goes on the subject ('a spokesman | for the ministry | of Japan | said')."""
        subject, vg = clause.subject, clause.predicate
        if subject is None or vg is None or not subject.end <= pp.start < vg.start:
            return False
        end = subject.end
        for x in clause.pps:
            if x.start >= vg.start:
                break
            if x.start < end:
                continue
            if x.start - end > 2:
                return False
            if x is pp:
                return True
            end = x.end
        return False

    def _noun_subject(self, r: Reading, parts: Parts, readings: dict[int, Reading]) -> None:
        """'North Korea went ahead with a nuclear test': an event noun in a clause whose verb
        states no event of its own is done by the clause's subject."""
        if self._in_time_phrase(r):
            return      # 'filing a protest about ... during the match': the match is no one's deed here
        clause = self.an.clause_of(r.head.start)
        vg = getattr(clause, "predicate", None)
        if vg is not None and vg.head.start > r.end and not passive_clause(clause) and self._fronted(r, clause):
            for m in self._subject_actors(clause):
                parts.add("agent", m)       # 'In its ruling, the court found ...': the court ruled
            return
        if vg is None or vg.head.start >= r.start or vg.head.start in readings or passive_clause(clause) \
                or vg.head.lemma in word_sets()["observing"]:
            return      # (not 'the JCS detected the launch': who sees it does not do it)
        if vg.head.lemma in word_sets()["sending"] and any(pp.start <= r.head.start < pp.end and prep_of(pp) in _WHERE_SENT
                                                          for pp in clause.pps):
            return      # (not 'will send a minister to a rally': who sends someone to it does not hold it)
        for m in self._subject_actors(clause):
            parts.add("agent", m)

    def _summit_attendees(self, r: Reading) -> None:
        """'At the first Japan-China summit, Koizumi told Hu ...': the leaders the clause names
        met, in place of the states of the noun's modifiers they lead."""
        clause = self.an.clause_of(r.head.start)
        if clause is None or clause.predicate is None or not self._fronted(r, clause):
            return
        states = [p for p in r.parts.items if p["role"] == "agent"]
        if any(p["entity"].split(":", 1)[0] not in ("country", "gov") for p in states):
            return
        people = [m for m in self._subject_actors(clause) if m.type == "person"]
        for ph in [*clause.objects, *(pp for pp in clause.pps if prep_of(pp) in ("to", "with") and pp.start > clause.predicate.start)]:
            people += [m for m in self.ents.within(ph.start, ph.end) if m.type == "person"]
        led = {state_of(m.entity) for m in people}
        if not people or any(state_of(p["entity"]) not in led for p in states):
            return      # (only when the people named are those states' own)
        r.parts.items = [p for p in r.parts.items if p not in states]
        for m in people:
            r.parts.add("agent", m)

    def _in_time_phrase(self, r: Reading) -> bool:
        """Whether an event noun heads the phrase of a preposition of time ('before and during
        the November 15 match'), unless the phrase makes it the subject's ('during their
        meeting', 'until his own death'), or it is talks the subject was at ('During talks with
        Pyongyang, Japan indicated ...')."""
        pp = time_phrase_of(self.an, r.head)
        return pp is not None and not (prep_of(pp) == "during" and r.type == "meet") \
            and not any(t.tag == "PRP$" for t in self.tokens if pp.start <= t.start < r.head.start)

    def _describes_a_name(self, start: int) -> bool:
        """Whether a phrase at `start` belongs to a description set after a name ('Chongryon, a
        group of Korean residents in Japan', 'Mindan, the pro-Seoul body of ...')."""
        m = _APPOSITION_BEFORE.search(self.text, max(self.s, start - 48), start)
        if m is None:
            return False
        return any(x.end == m.start() for x in self.ents.within(self.s, m.start() + 1))

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
            # ('the Noto Peninsula earthquake', 'the Osaka rally': a place named on the noun is where)
            parts.add("location" if m.type == "place" else "agent", m)
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
        if j + 1 < len(self.tokens) and self.tokens[j].text == "," and self.tokens[j + 1].tag == "VBN" \
                and self.tokens[j + 1].lemma in lists()["occasion_participles"]:
            j += 1      # ('the first summit, held in Pyongyang,': set off, it places it all the same)
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
                if self.tokens[k].tag == "," and not (k + 1 < len(self.tokens) and self.tokens[k + 1].tag == "CC") \
                        and not list_goes_on(k, self.tokens):
                    break
                if self.tokens[k].tag == "CC" and k + 1 < len(self.tokens) and self.tokens[k + 1].tag in ("DT", "PRP$") \
                        and any(t.tag == "CC" for t in self.tokens[j + 1:k]):
                    break       # ('from Japan, Seoul and Washington and a call for restraint from China')
                k += 1
            end = self.tokens[k - 1].end if k > j + 1 else self.tokens[j].end
            role = "agent" if prep == "by" else role_of(r.type, prep)
            if prep == "between" or prep == "from" and r.type in _SAID_FROM:
                role = "agent"      # ('a protest from Tokyo', 'a letter from Pyongyang': who made it)
            if role:
                for m in ents.starting_in(self.tokens[j].end, end):
                    parts.add(role, m, r.type)
            if k < len(self.tokens) and self.tokens[k - 1].tag == "CC" and self.tokens[k].tag == "IN":
                break       # ('the launches by North Korea in July and in spite of the Statement by ...': another phrase's)
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
