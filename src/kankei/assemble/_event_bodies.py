"""Who a subject names when it names a body by its kind: 'the court' (the one named before), 'the
prime minister' (by title), 'police' (the state's), 'its agents', 'his government', state media,
an office of a state, the body of the scene, the pair of a meeting (a mixin under SubjectReading)."""
from __future__ import annotations

import re

from kankei.analyze.groups import lists
from kankei.assemble._described_before import DescribedBefore
from kankei.assemble.event_parts import government_at
from kankei.assemble.event_reading import prep_of
from kankei.assemble.triggers import word_sets
from kankei.recognize.gazetteer import fold, gazetteer
from kankei.spans import EntityMention

_PLACE_AFTER = re.compile(r"\s+(?:in|of|from|at)\s+(?:the\s+)?[A-Z]")

_NOUN_TAGS_PLAIN = frozenset({"NN", "NNS"})       # a common noun head: 'agents', 'police', 'officials'
_IN_STATE = re.compile(r"\s*In\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}\s*,")


class BodyReading(DescribedBefore):
    """The bodies a subject names by their kind (a mixin of SentenceReader)."""

    def _definite_body(self, phrase, documents: bool = False) -> object | None:
        """'the court', 'the association' (a lowercase word, whatever the tagger calls it): the
        body named before whose name that noun heads."""
        head = phrase.head
        words = word_sets()
        # ('the Association' in the association's own report: a defined term for a body named
        # anywhere before, however long ago)
        bare = phrase.last == phrase.first + 1      # ('the court': the article and its noun alone)
        defined = head.text[:1].isupper() and bare
        if head.tag in ("NN", "NNP") and (head.text.islower() or defined) \
                and (head.lemma.lower() in words["definite_bodies"] or head.lemma.lower() in words["definite_documents"] and documents) \
                and phrase.last > phrase.first and self.tokens[phrase.first].text.lower() == "the":
            named = self.ents.definite(head.text, phrase.start, whole=defined)
            home = self.ents.issuer if self.ents.official else self.ents.home
            if head.text.lower() == "state" and bare and home is not None:
                # ('the state would appeal', 'the State' of a court story: the government sued)
                return EntityMention(phrase.start, phrase.end, self.text[phrase.start:phrase.end], home.entity,
                                     home.name, home.type, how="issuer")
            if head.text == "government" and bare \
                    and (there := self._state_set_before(phrase.start)) is not None:
                home = there        # ('In Japan, the government issued ...': Japan's, wherever the story is filed)
                named = None
            if named is None and head.text == "government" and bare and home is None:
                # ('Tokyo ran DNA tests ... the government blocked rice shipments': the state the story is about)
                home = self.ents.default_government(phrase.start)
            if named is None and head.text == "government" and bare and home is not None:
                # ('TOKYO -- The government decided ...': the government of the story's own state)
                return EntityMention(phrase.start, phrase.end, self.text[phrase.start:phrase.end], home.entity,
                                     home.name, home.type, how="issuer")
            return named
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

    def _unnamed_body(self, phrase) -> EntityMention | None:
        """A body the subject names by its kind alone: 'a district court' (the one the next
        sentences name: 'The Niigata District Court ruled'); 'police', 'prosecutors', 'the
        authorities' in a story of a state (that state's: countries.yaml `enforcers`)."""
        head = phrase.head
        words = [t.text.lower() for t in self.tokens[phrase.first:phrase.last + 1]]
        noun = head.text.lower()
        if head.tag not in _NOUN_TAGS_PLAIN or not head.text.islower() and head.i != phrase.first:
            return None
        if words[0] in ("a", "an") and head.lemma.lower() in word_sets()["definite_bodies"]:
            modifiers = [w for w in words[1:-1] if w.isalpha()]
            m = self.ents.named_later(head.lemma.lower(), modifiers, phrase.end)
            return None if m is None else EntityMention(phrase.start, phrase.end, self.text[phrase.start:phrase.end],
                                                        m.entity, m.name, m.type, how="context")
        if noun not in word_sets()["law_enforcers"]:
            return None
        home = None
        rest = [w for w in words[:-1] if w not in ("the", "prefectural", "local")]
        # ('Hokkaido police', 'Niigata prefectural police': a place of the state before them, inside
        # the phrase or just before it)
        place = next((m for m in self.ents.within(max(self.s, phrase.start - 30), head.start) if m.type == "place"
                      and (m.start >= phrase.start or not self.text[m.end:phrase.start].strip())), None)
        if rest:
            if place is None or place.start < phrase.start or len(rest) != len(place.text.split()):
                return None
        if place is not None:
            home = government_at(place, "context")
        elif not _PLACE_AFTER.match(self.text, phrase.end) \
                and (named := self.ents.named_before(noun, phrase.start)) is not None:
            # (not 'police in Shimane Prefecture': another place's)
            return EntityMention(phrase.start, phrase.end, self.text[phrase.start:phrase.end], named.entity,
                                 named.name, named.type, how="context")
        home = home or self.ents.home or self.ents.default_government(phrase.start)
        body = gazetteer().enforcers.get(home.entity, {}).get(noun) if home is not None else None
        entry = gazetteer().entries.get(body) if body else None
        if entry is None:
            return None
        return EntityMention(phrase.start, phrase.end, self.text[phrase.start:phrase.end], body, entry.name, entry.type,
                             how="context")

    def _state_media(self, phrase) -> EntityMention | None:
        """'state media', 'North Korean state television': the media of the state the phrase names,
        else of the state the sentence names before it (countries.yaml `state_media`, else its
        government)."""
        words = [t.text.lower() for t in self.tokens[phrase.first:phrase.last]]     # (the words before its head)
        if not {"state", "state-run"} & set(words) or phrase.head.text.lower() not in lists()["state_media"]:
            return None
        named = [m for m in self.ents.within(phrase.start, phrase.end) if m.type == "country" or m.entity.startswith("gov:")]
        state = named[0] if named else next((m for m in reversed(self.ents.within(self.s, phrase.start))
                                             if m.type == "country" or m.entity.startswith("gov:")), None)
        gov = government_at(state, "context") if state is not None else None
        if gov is None:
            return None
        body = gazetteer().state_media.get(gov.entity)
        entry = gazetteer().entries.get(body) if body else None
        if entry is None:
            return EntityMention(phrase.start, phrase.end, self.text[phrase.start:phrase.end], gov.entity, gov.name,
                                 gov.type, how="context")
        return EntityMention(phrase.start, phrase.end, self.text[phrase.start:phrase.end], body, entry.name, entry.type,
                             how="context")

    def _owner_of_its_body(self, phrase) -> EntityMention | None:
        """'its agents', 'their security forces': the state or body the possessive stands for acts;
        'his government': the government of the state of the person 'his' stands for."""
        first = self.tokens[phrase.first].text.lower()
        if first in ("his", "her") and phrase.head.text.lower() == "government" and phrase.last == phrase.first + 1:
            person = self.ents.antecedent(first, phrase.start, subject=False)
            gov = government_at(person, "context")
            return None if gov is None else EntityMention(phrase.start, phrase.end, self.text[phrase.start:phrase.end],
                                                          gov.entity, gov.name, gov.type, how="context")
        if first not in ("its", "their") or phrase.head.text.lower() not in word_sets()["acting_bodies"]:
            return None
        # (the one who says it first: 'North Korea admitted that its agents ...'; else a state named before)
        parent = self._reported_by(self.an.clause_of(phrase.start)) if self.an.clause_of(phrase.start) else None
        said_by = [m for m in (self._subject_head_actors(parent) if parent is not None else [])
                   if m.type == "country" or m.entity.startswith("gov:")]
        if said_by:
            return said_by[0]
        m = self.ents.antecedent("it" if first == "its" else "they", phrase.start, subject=False)
        return m if m is not None and (m.type == "country" or m.entity.startswith("gov:")) else None

    def _office_of_state(self, phrase, found: list) -> list:
        """'Japan's top government spokesman said': an office of a state speaks for its
        government, not for the country."""
        if len(found) != 1 or not found[0].entity.startswith("country:") or self.text[found[0].end:found[0].end + 2] != "'s":
            return []
        words = [t.text.lower() for t in self.tokens[phrase.first:phrase.last + 1] if t.start >= found[0].end + 2]
        while len(words) > 1 and words[0] in ("top", "senior", "new", "chief"):
            del words[0]        # ('Japan's top government spokesman')
        if " ".join(words) not in word_sets()["office_nouns"] and words != ["government"]:
            return []
        gov = government_at(found[0], "context")
        return [gov] if gov is not None else []

    def _office_of_home(self, phrase) -> EntityMention | None:
        """'the prime minister', 'the foreign minister' with no holder named before, in a story filed
        from a state (or issued by its government): that state's government."""
        words = [t.text.lower() for t in self.tokens[phrase.first:phrase.last + 1]]
        if len(words) < 2 or words[0] != "the":
            return None
        while len(words) > 2 and words[1] in ("top", "senior", "new"):
            del words[1]        # ('the top government spokesman')
        # ('The Prime Minister said', a formal text's capitals: the office itself, nothing more)
        if not phrase.head.text.islower() and self.ents.within(phrase.start, phrase.end):
            return None
        if " ".join(words[1:]) not in word_sets()["office_nouns"] or " ".join(words[1:]) in ("leader", "president"):
            return None     # (a leader or a president could be any state's)
        home = self.ents.issuer if self.ents.official else self.ents.home
        if home is None:
            home = self.ents.default_government(phrase.start)     # (a story of the state the knowledge is about)
        if home is None:
            return None
        return EntityMention(phrase.start, phrase.end, self.text[phrase.start:phrase.end], home.entity, home.name,
                             home.type, how="issuer")

    def _state_set_before(self, start: int) -> EntityMention | None:
        """The state an opening 'In Japan, ...' sets the sentence in (its government, for 'the
        government' after it)."""
        m = _IN_STATE.match(self.text, self.s)
        if m is None or m.end() > start:
            return None
        place = next((x for x in self.ents.within(self.s, m.end()) if x.type in ("country", "place")), None)
        return government_at(place, "context")

    def _body_of_the_scene(self, clause, subject) -> object | None:
        """'At the G7 Hiroshima Summit, the leaders condemned ...': plural heads or members, in a
        clause set at a body's meeting, are that body."""
        if subject.head.lemma.lower() not in word_sets()["heads_of"] or not subject.head.text.lower().endswith("s"):
            return None
        while clause.shared_subject and clause.parent is not None and clause.parent.subject is subject:
            clause = clause.parent
        for pp in clause.pps:
            if pp.end <= subject.start and prep_of(pp) in ("at", "during"):
                body = next((m for m in self.ents.within(pp.start, pp.end) if m.type == "organization"), None)
                if body is None:
                    body = _named_body_in(self.text, pp.start, pp.end)     # ('the G7 Hiroshima Summit': the G7)
                if body is not None:
                    return body
        return None

    def _pair_named(self, phrase) -> list:
        """'the two sides', 'both governments', 'the two leaders', 'the leaders' (plural, after a
        meeting of two): the last two named before."""
        head = phrase.head
        words = [t.text.lower() for t in self.tokens[phrase.first:phrase.last + 1]]
        # ('the leaders' after a meeting of two; not 'the leaders of the three countries')
        of_after = phrase.last + 1 < len(self.tokens) and self.tokens[phrase.last + 1].text.lower() == "of"
        plural_leaders = head.text.lower() == "leaders" and words[:1] == ["the"] and len(words) == 2 and not of_after
        count = 3 if "three" in words else 4 if "four" in words else 2
        if head.lemma not in word_sets()["pair_nouns"] or not ("two" in words or "both" in words or count > 2
                                                              or plural_leaders) or len(words) > 4:
            return []
        pair = self.ents.pair(phrase.start, persons=head.lemma == "leader", count=count)
        if head.lemma == "government":      # ('the two governments': the states' governments)
            pair = [government_at(m, m.how) or m if m.entity.startswith("country:") else m for m in pair]
        return pair


def _named_body_in(text: str, start: int, end: int) -> EntityMention | None:
    """An organization the knowledge names inside a phrase that is itself a longer name."""
    gaz = gazetteer()
    piece = text[start:end]
    for s, e, ids in gaz.find(piece, fold(piece)):
        entity = ids[0] if isinstance(ids, tuple) and len(ids) == 1 else ids
        entry = gaz.entries.get(entity) if isinstance(entity, str) else None
        if entry is not None and entry.type == "organization":
            return EntityMention(start + s, start + e, piece[s:e], entity, entry.name, "organization", how="context")
    return None
