"""Where a time or an event noun sits in a sentence: the clause that holds an offset, and the
occasion an event noun with no time of its own is (a mixin of SentenceReader, beside
ReaderTimes)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kankei.analyze.groups import lists
from kankei.assemble.event_reading import prep_of, untensed
from kankei.assemble.event_time import DEICTIC_OPENERS
from kankei.assemble.triggers import word_sets
from kankei.spans import TimeMention

if TYPE_CHECKING:
    from kankei.assemble.event_reading import Reading

_AFTER = frozenset({"after", "following", "once", "whereupon"})



# verbs that give a thing a name: "what it called a satellite"
_NAMING = frozenset({"call", "describe", "term", "dub", "name", "label", "brand"})

class TimeHolders:
    """Which clause holds a time, and what occasion an event noun is."""

    def clause_holding(self, start: int) -> object | None:
        """The clause one of whose phrases holds the offset, else the innermost clause around it;
        never a clause inside a quoted title that the offset is outside of ('a book, “Who Moved
        to Korea,” on Thursday': the publishing is on Thursday)."""
        if start in self._holding:          # (asked for each time several times; the analysis does not change)
            return self._holding[start]
        c = self._holding[start] = self._holding_uncached(start)
        return c

    def _holding_uncached(self, start: int) -> object | None:
        c = self._clause_holding(start)
        titles = self.titles if c is not None and c.relation is not None else ()
        for a, b in titles:
            while c is not None and c.predicate is not None and a <= c.predicate.start < b and not a <= start < b:
                c = c.parent
        return c

    def _clause_holding(self, start: int) -> object | None:
        opening = self._opening_of(start) or self._right_before_verb(start)
        if opening is not None:
            return opening
        for c in self.an.clauses:
            for ph in (*c.pps, *c.objects):
                if ph.start <= start < ph.end:
                    return self._past_a_name_given(c, start)
        around = self.an.clause_of(start)
        if around is not None:
            return self._past_a_name_given(around, start)
        # a fronted adverbial ('Last November, Pyongyang returned ...') belongs to the clause after it
        after = [c for c in self.an.clauses if c.start > start and c.predicate is not None]
        return min(after, key=lambda c: (c.relation is not None, c.start), default=None)

    def _past_a_name_given(self, c, start: int):
        """'launched what it called a satellite in May': a phrase after the name a 'what' clause
        gives is the verb's before it, not the naming's."""
        vg = c.predicate
        if c.relation == "complement" and c.marker is not None and c.marker.text.lower() == "what" \
                and vg is not None and vg.lemma in _NAMING and c.objects and start >= c.objects[-1].end \
                and c.parent is not None:
            return c.parent
        return c

    # --- tokens ---------------------------------------------------------------------------

    def _opening_of(self, start: int):
        """'..., and in February 1959 the cabinet approved the plan': a time that opens a clause
        after a conjunction belongs to that clause, not to the one before the conjunction."""
        i = self.token_index(start)
        if i is None:
            return None
        j = i - 1
        while j >= 0 and self.tokens[j].tag in ("IN", "DT") and self.tokens[j].text.lower() not in ("that",):
            j -= 1
        if j >= 0 and self.tokens[j].text == ",":
            return self._opens_after_comma(start)
        if j < 0 or self.tokens[j].text.lower() not in ("and", "but", ";", "then", "while", "whereas"):
            return None
        if j > 0 and any(t.end == self.tokens[j - 1].end for t in self.times):
            return None     # 'in April and December 2012': two times of one clause, no new clause
        for c in self.an.clauses:
            head = c.predicate.head if c.predicate is not None else None
            if head is not None and head.start > start and (c.start > start or c.subject is not None and c.subject.start > start):
                between = [t for t in self.tokens if start < t.start < (c.subject.start if c.subject is not None else head.start)]
                if len(between) <= 6:
                    return c
        return None

    def _right_before_verb(self, start: int):
        """'..., and the Government today decided': a time between a subject and its verb is
        that verb's, whatever phrase the analysis put it in."""
        tm = next((t for t in self.times if t.start == start), None)
        if tm is None:
            return None
        return next((c for c in self.an.clauses if c.predicate is not None and c.subject is not None
                     and c.subject.end <= start and self.text[tm.end:c.predicate.start].strip() == ""
                     and self.text[c.subject.end:start].strip() == ""), None)

    def _opens_after_comma(self, start: int):
        """'..., which was adopted following the test, today the Cabinet approved ...': a time after
        a comma with the subject of a clause right after it opens that clause."""
        tm = next((t for t in self.times if t.start == start), None)
        if tm is None:
            return None
        for c in self.an.clauses:
            subj = c.subject
            if subj is not None and c.predicate is not None and subj.start > start \
                    and self.text[tm.end:subj.start].strip() == "" and c.predicate.start > subj.start:
                return c
        return None

    def _occasion(self, noun: Reading, verbs: list[Reading]) -> Reading | None:
        """'At a meeting with the families, Abe said ...': an event noun that sets the scene of a
        verb's event happened when it did."""
        for v in verbs:
            c = v.clause
            if c is None or v.modality != "asserted":
                continue
            for k, pp in enumerate(c.pps):
                if not pp.start <= noun.head.start < pp.end:
                    continue
                prep = prep_of(pp)
                if prep == "of" and k > 0 and prep_of(c.pps[k - 1]) in ("after", "following", "during") \
                        and pp.start - c.pps[k - 1].end <= 1:
                    prep = prep_of(c.pps[k - 1])     # 'after three days of talks'
                if prep in ("at", "during", "amid", "amidst"):
                    return v        # ('suspended amid protests in Niigata': the protests then too)
                if prep in ("after", "following") and (not self._definite(noun) or self._named_by_of(noun)):
                    # ('After three days of talks, the two sides announced ...': just before, in its month;
                    # 'after the meeting' is the meeting told before, not dated by what came after it)
                    noun.occasion_before = True
                    return v
            # ('Opening the rally, Kim said ...', 'Addressing the meeting, she warned ...': the object
            # of a participle set before the clause is where it was said)
            for d in self.an.clauses:
                if d.parent is c and d.relation == "adverbial" and d.marker is None and d.predicate is not None \
                        and d.predicate.form in ("gerund", "participle") and d.start < v.start \
                        and d.predicate.lemma in word_sets()["scene_participles"] \
                        and any(ob.start <= noun.head.start < ob.end for ob in d.objects[:1]):
                    return v
        return None

    def _named_by_of(self, noun: Reading) -> bool:
        """'the outbreak of the Korean War': a definite event noun its own 'of' phrase names, told
        for the first time, not one told before."""
        i = noun.head.i
        return i + 1 < len(self.tokens) and self.tokens[i + 1].text.lower() == "of" and noun.end == noun.head.end

    def _definite(self, noun: Reading) -> bool:
        """Whether a determiner that points back ('the', 'this', a possessive) opens the noun's phrase."""
        chunk = self.an.np_at(noun.head.start)
        first = self.tokens[chunk.first] if chunk is not None else None
        return first is not None and (first.text.lower() in ("the", "this", "that", "these", "those")
                                      or first.tag in ("PRP$", "POS") or chunk.possessor is not None)

    def _follows_it(self, noun: Reading) -> bool:
        """Whether 'after' or 'following' governs the event noun ('after the test')."""
        i = noun.head.i
        while i > 0 and self.tokens[i - 1].tag not in ("IN", "TO", "VBD", "VBZ", "VBP", "VB", "VBN", "VBG", ","):
            i -= 1
        return i > 0 and self.tokens[i - 1].text.lower() in _AFTER

    def _temporal_anchor(self, noun: Reading) -> bool:
        """An event noun that a temporal preposition governs ('after the test') is an occurrence."""
        i = noun.head.i
        while i > 0 and self.tokens[i - 1].tag not in ("IN", "TO", "VBD", "VBZ", "VBP", "VB", "VBN", ","):
            i -= 1
        return i > 0 and self.tokens[i - 1].text.lower() in ("after", "before", "following", "since", "until", "during")

    def _verb_takes_it(self, noun: Reading, t: TimeMention, by_clause: dict[int, list[Reading]]) -> bool:
        """'apologized for the abductions in 2002': a time after the object of a past event verb is the verb's."""
        clause = self.an.clause_of(noun.head.start)
        while clause is not None and id(clause) not in by_clause and clause.parent is not None and (
                clause.relation == "infinitive" or clause.relation in ("complement", "adverbial") and untensed(clause)):
            clause = clause.parent      # ('suspended planned talks after the launch in 2012': the suspending's)
        owners = by_clause.get(id(clause)) if clause is not None else None
        if not owners:
            return False
        v = owners[0]
        if v.times and v.times[-1].end <= noun.start and (not self.text[noun.end:t.start].strip()
                                                           or t.text.lower().startswith(DEICTIC_OPENERS)):
            # ('decided in February 2016, following the test that January'; 'on Thursday denied a
            # report in a magazine last week': one time each)
            return False
        vg = clause.predicate
        # (not 'continued ... until the last voyage in July 1984': the end it went on to is the noun's)
        if v.head.start < noun.start and vg is not None and vg.tense == "past" \
                and noun.head.text.lower() in lists()["message_nouns"] \
                and _VEHICLE_BEFORE.search(self.text, max(self.s, noun.start - 12), noun.start):
            return True     # ('condemned the ruling in a statement on Tuesday': the condemning's day)
        return v.head.start < noun.start and vg is not None and vg.tense == "past" \
            and not self.text[noun.end:t.start].strip(" ,").lower().startswith(("on", "of")) \
            and not _UNTIL_BEFORE.search(self.text, max(self.s, noun.start - 30), noun.start)

    # --- modality -------------------------------------------------------------------------


_VEHICLE_BEFORE = re.compile(r"\b(?:in|through|via)\s+(?:a|an|its|their|his|her)\s+(?:[\w-]+\s+)?$", re.I)
_UNTIL_BEFORE = re.compile(r"\b(?:until|till)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}$", re.I)
