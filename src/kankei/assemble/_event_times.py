"""When the events of a sentence happened, as the sentence reader finds it: each time
expression goes to the event noun it modifies ('the 2002 summit') or to the verb of the clause
that holds it; a verb without one takes the time of what it depends on or reacts to."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kankei.assemble.event_reading import NOUN_TAGS, prep_of, untensed
from kankei.assemble.event_time import follows, is_narrative, modifies_before
from kankei.assemble.triggers import lexicon
from kankei.spans import TimeMention

if TYPE_CHECKING:
    from kankei.assemble.event_reading import Reading

# the phrases whose dated event a verb reacts to or happens at ('condemned the launch', 'at the summit')
_NOT_MODIFIERS = frozenset({"IN", "TO", "DT", "PRP$", "PRP", "CC", "RB", "WDT", "WP", ",", ":"})
_ABOUT_OR_AT = frozenset({"for", "over", "of", "against", "to", "at", "during", "in", "after", "following", "since"})
# subordinate clauses whose time is the main clause's time too ('after', not 'before')
_CAUSING = frozenset({"order", "force", "compel", "require"})
_FIRST_SINCE = re.compile(r"\bfirst\b[^.;]{0,70}\bsince\s+(?:the\s+)?$")
_TEMPORAL_MARKERS = frozenset({"after", "when", "as", "once", "following", "upon", "while", "whereupon"})


def _since_then(clause) -> bool:
    """'... moved to the North in 1960 and have since fled': a perfect of now after a past is later."""
    vg, parent = clause.predicate, clause.parent.predicate if clause.parent is not None else None
    return clause.relation == "coordinate" and vg is not None and parent is not None \
        and vg.aspect == "perfect" and vg.tense == "present" and (parent.tense, parent.aspect) != (vg.tense, vg.aspect)


class ReaderTimes:
    """The time-finding part of SentenceReader (a mixin: it reads the reader's analysis)."""

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
        opening = self._opening_of(start)
        if opening is not None:
            return opening
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

    def _opening_of(self, start: int):
        """'..., and in February 1959 the cabinet approved the plan': a time that opens a clause
        after a conjunction belongs to that clause, not to the one before the conjunction."""
        i = self.token_index(start)
        if i is None:
            return None
        j = i - 1
        while j >= 0 and self.tokens[j].tag in ("IN", "DT") and self.tokens[j].text.lower() not in ("that",):
            j -= 1
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

    def _give_times(self, verbs: list[Reading], nouns: list[Reading]) -> None:
        text = self.text
        verb_offsets = {t.start for t in self.tokens if t.tag.startswith("VB") or t.tag == "MD"}
        blockers = verb_offsets | {t.start for t in self.tokens if t.tag in _NOT_MODIFIERS}
        by_clause: dict[int, list[Reading]] = {}
        for v in verbs:
            by_clause.setdefault(id(v.clause), []).append(v)
        self.clause_times: dict[int, list[TimeMention]] = {}
        self.since_bounds = {id(t) for t in self.times if text.find("since", max(0, t.start - 80), t.start) >= 0
                             and _FIRST_SINCE.search(text, max(0, t.start - 80), t.start)}   # (no "since": no search)
        for t in self.times:
            holder = self.clause_holding(t.start)
            if holder is not None:
                self.clause_times.setdefault(id(holder), []).append(t)
            noun = next((n for n in nouns if modifies_before(text, t, n.head.start, blockers)
                         or n.start <= t.start and t.end <= n.end or t.start <= n.start and n.end <= t.end), None)
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
                if owners or not (clause.relation == "infinitive"
                                  or clause.relation in ("complement", "adverbial") and untensed(clause)):
                    break
                clause = clause.parent      # ('went missing in 1977': the time of 'missing' is the phrase's)
            if not owners and clause is not None:
                # 'plans to publish a book on Thursday': the time of the plan's clause is the complement's
                owners = next((by_clause[id(c)] for c in self.an.clauses if c.parent is clause
                               and c.relation == "infinitive" and id(c) in by_clause), None)
            if owners:
                nearest = min(owners, key=lambda v: abs(v.head.start - t.start))
                i = nearest.head.i
                if nearest.head.tag == "VBN" and i > 0 and self.tokens[i - 1].tag in NOUN_TAGS:
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
                    noun.told_by = clause       # 'a campaign that Chongryon launched in 1958': who acted
            else:
                # a state ('the ban, in place since 2006'): the event noun that is its subject
                subject = getattr(clause, "subject", None) if clause is not None else None
                if subject is not None:
                    noun = self._event_noun_in(subject, {n.head.start: n for n in nouns})
                    if noun is not None:
                        noun.times.append(t)

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
            if c.marker is not None and c.marker.text.lower() == "of" and c.predicate is not None \
                    and c.predicate.form == "gerund":
                continue    # 'on suspicion of embezzling': what is suspected, not done at that time
            while c.parent is not None and not _since_then(c) and (c.relation in ("adverbial", "infinitive", "coordinate") or c.relation == "relative"
                                            and c.marker is not None and c.marker.text.lower() in ("where", "when")
                                            or c.relation == "complement" and untensed(c)):
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
            own_tense = v.clause.predicate
            for child in self.an.clauses if own_tense is not None and own_tense.tense == "past" \
                    and own_tense.aspect is None else ():      # ('has banned ... after the tests last month': now)
                if child.parent is v.clause and child.relation == "adverbial" and child.marker is not None \
                        and child.marker.text.lower() in _TEMPORAL_MARKERS and id(child) in timed:
                    v.inherited = timed[id(child)].times[0]
                    break
                if child.parent is v.clause and child.relation == "complement" and untensed(child) \
                        and v.head.lemma in _CAUSING and id(child) in timed:
                    v.inherited = timed[id(child)].times[0]     # 'was ordered dissolved ... in 1949': one time
                    break
            vg = v.clause.predicate
            if v.inherited is not None or vg is not None and vg.tense == "present" and vg.aspect is None:
                continue        # (a verb of now is dated by the document, not by what it speaks of)
            # 'Following the resolution, the North said ...': after an event told before
            heads = [pp.head for pp in v.clause.pps if prep_of(pp) in ("following", "after") and pp.head is not None]
            heads += [ob.head for c in self.an.clauses if c.parent is v.clause and c.predicate is not None
                      and c.predicate.head.lemma == "follow" and c.predicate.form in ("gerund", "participle")
                      for ob in c.objects[:1]]
            for head in heads:
                entry = lexicon().get(head.text.lower())
                if entry is not None and entry[1]:
                    v.anchor = entry[0]
            phrases = list(v.clause.objects) + [pp for pp in v.clause.pps if prep_of(pp) in _ABOUT_OR_AT]
            for n in nouns:
                if n.times and any(ph.start <= n.head.start < ph.end for ph in phrases):
                    v.inherited = n.times[0]
                    break

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
                if prep in ("at", "during"):
                    return v
                if prep in ("after", "following") and not self._definite(noun):
                    # ('After three days of talks, the two sides announced ...': just before, in its month;
                    # 'after the meeting' is the meeting told before, not dated by what came after it)
                    noun.occasion_before = True
                    return v
        return None

    def _definite(self, noun: Reading) -> bool:
        """Whether a determiner that points back ('the', 'this', a possessive) opens the noun's phrase."""
        chunk = self.an.np_at(noun.head.start)
        first = self.tokens[chunk.first] if chunk is not None else None
        return first is not None and (first.text.lower() in ("the", "this", "that", "these", "those")
                                      or first.tag in ("PRP$", "POS") or chunk.possessor is not None)

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
