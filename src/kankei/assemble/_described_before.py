"""A subject that describes someone the text named before: 'the commentary' (its author), 'the
spokesperson' (the body told with one), 'his wife' (the one told married). A mixin of
SentenceReader, under SubjectReading."""
from __future__ import annotations

import re

from kankei.analyze.groups import lists as grammar_lists
from kankei.assemble.event_parts import ACTOR_TYPES
from kankei.assemble.triggers import word_sets
from kankei.spans import EntityMention

_MARRIED = re.compile(r"\bmarried\s+")


class DescribedBefore:
    """Who a definite description as subject stands for (it reads the reader's tokens and entities)."""

    def _message_author(self, phrase):
        """'the commentary', 'the statement' as a subject: whoever made the last act of speech told."""
        words = [t.text.lower() for t in self.tokens[phrase.first:phrase.last + 1]]
        noun = phrase.head.text.lower()
        if len(words) < 2 or words[0] not in ("the", "this", "that") or noun not in grammar_lists()["message_nouns"]:
            return None
        said = [(at, m) for at, words, m in self.ents.speakers if re.search(rf"\b{re.escape(noun)}\b", words)]
        # (of the acts told in the latest such sentence, the first: the saying, not what was said)
        m = next((m for at, m in said if at == said[-1][0]), None) if said else None
        return None if m is None else self._standing_for(phrase, m)

    def _spouse_before(self, phrase):
        """'His wife', 'her husband': one of the two the text last told married ('X married Y'):
        the one whose known sex fits, else the one married."""
        sets = word_sets()
        words = [t.text.lower() for t in self.tokens[phrase.first:phrase.last + 1]]
        if len(words) != 2 or words[0] not in ("his", "her") or words[1] not in sets["spouse_nouns"]:
            return None
        told = list(_MARRIED.finditer(self.text, max(0, phrase.start - 6000), phrase.start))
        if not told:
            return None
        last = told[-1]
        people = [m for m in self.ents.named_between(max(0, last.start() - 60), last.end() + 1) if m.type == "person"]
        married = next((m for m in people if m.start == last.end()), None)
        marrier = next((m for m in reversed(people) if last.start() - 3 <= m.end <= last.start()), None)
        sex = "female" if words[1] in sets["female_kin"] else "male"
        genders = self.ents.genders
        if married is not None and genders.get(married.entity) in (sex, None) and genders.get(getattr(marrier, "entity", "")) != sex:
            m = married
        elif marrier is not None and genders.get(marrier.entity) == sex:
            m = marrier
        else:
            return None
        genders.setdefault(m.entity, sex)     # (a husband is no later 'she')
        return self._standing_for(phrase, m)

    def _spokesperson_before(self, phrase):
        """'The spokesperson', told before as 'a spokesperson for the Foreign Ministry': the body
        named there, an organization before any state in its phrase."""
        words = [t.text.lower() for t in self.tokens[phrase.first:phrase.last + 1]]
        noun = phrase.head.text.lower()
        if len(words) != 2 or words[0] not in ("the", "this", "that") \
                or noun not in word_sets()["non_leading_offices"]:
            return None
        tellings = list(re.compile(rf"\b{re.escape(noun)}\s+(?:for|of|at)\s+[^,.;]{{0,60}}", re.I).finditer(
            self.text, max(0, phrase.start - 4000), phrase.start))
        if not tellings:
            return None
        told = tellings[-1]     # (the latest)
        named = [m for m in self.ents.named_between(told.start() + 1, told.end()) if m.type in ACTOR_TYPES]
        body = next((m for m in reversed(named) if m.type == "organization"), named[0] if named else None)
        return None if body is None else self._standing_for(phrase, body)

    def _standing_for(self, phrase, m) -> EntityMention:
        """The phrase's words as a mention of the actor told before."""
        return EntityMention(phrase.start, phrase.end, self.text[phrase.start:phrase.end], m.entity, m.name, m.type,
                             how="context")
