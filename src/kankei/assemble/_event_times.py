"""When the events of a sentence happened, as the sentence reader finds it: each time
expression goes to the event noun it modifies ('the 2002 summit') or to the verb of the clause
that holds it; a verb without one takes the time of what it depends on or reacts to."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from kankei import edtf
from kankei.analyze.groups import lists
from kankei.assemble._event_holders import TimeHolders
from kankei.assemble.event_dates import later_than
from kankei.assemble.event_reading import (
    ENDING_TYPES,
    NOUN_TAGS,
    passive_clause,
    past_coordinates,
    prep_of,
    top_level,
    untensed,
)
from kankei.assemble.event_time import distinct, follows, is_narrative, modifies_before, stretch_from
from kankei.assemble.triggers import lexicon, word_sets
from kankei.recognize.date_values import number
from kankei.resolve.tense import period_words, scene_words
from kankei.spans import TimeMention

if TYPE_CHECKING:
    from kankei.assemble.event_reading import Reading

# the phrases whose dated event a verb reacts to or happens at ('condemned the launch', 'at the summit')
_NOT_MODIFIERS = frozenset({"IN", "TO", "DT", "PRP$", "PRP", "CC", "RB", "WDT", "WP", ",", ":"})
_ABOUT_OR_AT = frozenset({"for", "over", "of", "against", "to", "at", "during", "in", "after", "following", "since"})
# subordinate clauses whose time is the main clause's time too ('after', not 'before')
_CAUSING = frozenset({"order", "force", "compel", "require"})
_FIRST_SINCE = re.compile(r"\bfirst\b[^.;]{0,160}\bsince\s+(?:the\s+)?$")
_GOING_ON = frozenset({"continue", "remain", "last", "persist", "stay", "resume"})
# a time written as a date ('2002', 'the 1990s', 'July 2014'), not an occurrence ('the outbreak of the war')
_DATE_WORDS = re.compile(r"(?:the\s+)?(?:early\s+|mid-?|late\s+)?\d|[A-Z][a-z]+\.?\s+\d")
_NUMBERED_NAME = re.compile(r"\b(?:Act|Law|Order|Ordinance|Decree|Resolution|Notice|Case)\s+No\.\s*[\w()-]+\s+(?:of\s+)?$")
_EFFECTIVE = re.compile(r"\b(?:effective|with\s+effect\s+from|taking\s+effect|to\s+take\s+effect)\s+(?:on\s+|from\s+)?$", re.I)
_DETERMINED = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that|our|whose)\s+$", re.I)
_SINCE = re.compile(r"\b(after)\s+(?:the\s+)?$", re.I)
_UNTIL = re.compile(r"\b(until|till|up\s+to)\s+(?:the\s+end\s+of\s+)?$", re.I)
_AFTER = frozenset({"after", "following", "once", "whereupon"})
_SPANS = frozenset({"year", "decade", "month", "week", "day", "century", "generation"})
_TEMPORAL_MARKERS = frozenset({"after", "when", "as", "once", "following", "upon", "while", "whereupon"})


_STRETCH_BEFORE = re.compile(r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(day|week|month|year)s?\s+$",
                             re.I)
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|on|of|at|during)\s+(?:the\s+)?$")
_RESTATED = re.compile(r",\s*(?:a|an)\s+(?:[a-z]+\s+)?$")
# (a time of no date the grammar reads: 'abducted decades ago')
_LONG_AGO = re.compile(r"\b(?:decades|years|centuries|generations|long)\s+ago\b")
_COORDINATED_TIME = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:in\s+|on\s+)?")
# ('49,036 departures in 1960 and 22,801 in 1961, then just 3,497 in 1962': a count, then its time)
_ELLIPTICAL_COUNT = re.compile(r"\s*(?:,\s*)?(?:and|then|but|while)?\s*(?:then\s+)?(?:just|only|about|some|nearly|over|almost)?\s*"
                               r"\d[\d,.]*(?:\s+(?:million|thousand|billion))?\s+(?:in|on|by)\s+(?:the\s+)?")
_COORDINATED = re.compile(r"\s*(?:,\s*)?(?:and|or|to|through|until|-|–)?\s*(?:the\s+|in\s+)?")


def first_since_bounds(text: str, s: int, times: list[TimeMention]) -> set[int]:
    """The ids of the times that bound a 'first ... since' ('the first missile to land in the zone,
    which ..., since February last year'): an earlier occurrence, no step of the story."""
    return {id(t) for t in times if text.find("since", max(0, t.start - 12), t.start) >= 0   # (no "since": no search)
            and _FIRST_SINCE.search(text, max(s, t.start - 180), t.start)}


# ('the fourth by North Korea this year'): an ordinal counts occurrences within the time after it
@cache
def _ordinal_before() -> re.Pattern:
    ordinals = "|".join(sorted(lists()["ordinals"]))
    return re.compile(rf"\b(?:the|its|their|a)\s+(?:{ordinals}|\d+(?:st|nd|rd|th))\b"
                      r"(?!\s+(?:half|quarter|part|week|month|day|days)\b)[^.;,]{0,60}$", re.I)


def count_frames(text: str, s: int, times: list[TimeMention]) -> set[int]:
    """The ids of the times an ordinal counts within ('the launch is the fourth this year'): the
    stretch counted over, not when the occurrence was (not 'its first nuclear test in 2006')."""
    frames = [t for t in times if t.text.lower().endswith(("this year", "this month", "this week"))]
    return {id(t) for t in frames if _ordinal_before().search(text, max(s, t.start - 80), t.start)}


_RELATIVE_OPENERS = frozenset({"who", "whose", "which"})
_ARTICLES = frozenset({"a", "an", "the"})
_AGE = re.compile(r"\s*,\s*\d{1,3}\s*$")


def appositive_times(text: str, s: int, times: list[TimeMention], ents: list, relatives: bool = True) -> set[int]:
    """The ids of the times inside a comma-closed aside that describes what precedes it: a
    relative clause ('Kim, who was born in 1965, said ...'; with `relatives`) or a description of
    a person ('Pak, 51, a graduate of the class of 1980, thanked ...'). They date the
    description, no step of the story."""
    out = set()
    for t in times:
        opening = text.rfind(",", s, t.start)
        closing = text.find(",", t.end, t.end + 200)
        if opening < 0 or closing < 0 or text.find(".", t.end, closing) >= 0 or text.find(";", opening, closing) >= 0:
            continue
        first = text[opening + 1:t.start].split(None, 1)
        word = first[0].lower() if first else ""
        if relatives and word in _RELATIVE_OPENERS and text[s:opening].strip() \
                or word in _ARTICLES and _after_a_person(text, opening, ents):
            out.add(id(t))
    return out


def _own_verb_before(clause, t: TimeMention, text: str) -> bool:
    """Whether the clause holding a time has its verb in the aside, before the time ('Yokota, a
    girl who had disappeared in 1977, ...': the relative's own time, not a description's)."""
    vg = getattr(clause, "predicate", None)
    return vg is not None and text.rfind(",", 0, t.start) < vg.head.start < t.start


def _after_a_person(text: str, comma: int, ents: list) -> bool:
    """Whether a person's name (and perhaps the age after it) ends right before a comma."""
    for m in ents:
        if m.type == "person" and m.end <= comma and (m.end == comma or _AGE.fullmatch(text, m.end, comma)):
            return True
    return False


def _admitted_in(clause) -> bool:
    """Whether a clause is what a verb of admitting or denying says."""
    parent = clause.parent if clause is not None else None
    vg = getattr(parent, "predicate", None)
    return clause.relation == "complement" and vg is not None and vg.head.lemma in word_sets()["admitting"]


_YEARS_BEFORE_SINCE = re.compile(r"\b(\d{1,4}|[a-z]+(?:-[a-z]+)?)\s+(years|decades)\s+$", re.I)


def _since_then(clause) -> bool:
    """'... moved to the North in 1960 and have since fled': a perfect of now after a past is later."""
    vg, parent = clause.predicate, clause.parent.predicate if clause.parent is not None else None
    return clause.relation == "coordinate" and vg is not None and parent is not None \
        and vg.aspect == "perfect" and vg.tense == "present" and (parent.tense, parent.aspect) != (vg.tense, vg.aspect)


class ReaderTimes(TimeHolders):
    """The time-finding part of SentenceReader (a mixin: it reads the reader's analysis)."""

    def _second_time_of_a_reduced_relative(self, clause, t: TimeMention) -> bool:
        """A reduced relative that already has a time ('abducted decades ago') takes no second one
        after it: that one is the clause's above ('told ... on Saturday')."""
        return clause is not None and clause.relation == "relative" and clause.marker is None \
            and clause.parent is not None and clause.parent.predicate is not None \
            and clause.parent.predicate.start < clause.start \
            and (any(clause.start <= x.start and x.end <= t.start and x.type in ("date", "interval", "duration")
                     and x is not t and not _COORDINATED.fullmatch(self.text, x.end, t.start) for x in self.times)
                 or _LONG_AGO.search(self.text, clause.start, t.start) is not None)

    @staticmethod
    def _fronted_message(clause) -> bool:
        """'In a statement carried by KCNA on Sunday, the ministry said': a participle on a message
        set before the clause dates the clause's saying."""
        parent = clause.parent
        return clause.relation == "relative" and clause.marker is None and parent is not None \
            and parent.predicate is not None and clause.end <= parent.predicate.start \
            and clause.antecedent is not None and clause.antecedent.head.text.lower() in lists()["message_nouns"]

    def _give_times(self, verbs: list[Reading], nouns: list[Reading]) -> None:
        text = self.text
        if self.times:      # (most sentences have no time: nothing below reads these then)
            verb_offsets = {t.start for t in self.tokens if t.tag.startswith("VB") or t.tag == "MD"}
            blockers = verb_offsets | {t.start for t in self.tokens if t.tag in _NOT_MODIFIERS}
        by_clause: dict[int, list[Reading]] = {}
        for v in verbs:
            by_clause.setdefault(id(v.clause), []).append(v)
        self.clause_times: dict[int, list[TimeMention]] = {}
        self.noun_phrase_times: set[int] = set()     # times inside or right after an event noun
        self.since_bounds = first_since_bounds(text, self.s, self.times)
        self.count_frames = count_frames(text, self.s, self.times)
        described: set[int] | None = None
        last_noun_time = None       # (the event noun the last time went to, that time)
        self.described_times: set[int] = set()
        for t in self.times:
            if self._measured_from(t, verbs) or _NUMBERED_NAME.search(text, max(self.s, t.start - 40), t.start):
                continue    # (nor a year in a law's number: '(Act No. 228 of 1949)')
            given = t       # (what the verb takes: 'after the test in 2006' tells only a later time)
            if _EFFECTIVE.search(text, max(0, t.start - 30), t.start):
                # 'banned imports, effective October 14': in force from that day, decided before it
                given = replace(t, value=later_than(t.value))
            if described is None:
                described = self.described_times = appositive_times(text, self.s, self.times,
                                                                    self.ents.within(self.s, self.e), False)
            holder = self.clause_holding(t.start)
            if holder is not None and (id(t) not in described or _own_verb_before(holder, t, text)):
                self.clause_times.setdefault(id(holder), []).append(t)
            if holder is not None and self._fronted_message(holder) and by_clause.get(id(holder.parent)):
                # ('In a letter dated 24 March, Japan informed ...': the informing's, not the letter's)
                by_clause[id(holder.parent)][0].times.append(t)
                continue
            noun = next((n for n in nouns if modifies_before(text, t, n.head.start, blockers)
                         or n.start <= t.start and t.end <= n.end or t.start <= n.start and n.end <= t.end
                         or holder is not None and n.told_by is holder), None)
            if noun is None and last_noun_time is not None and (
                    _COORDINATED_TIME.fullmatch(text, last_noun_time[1].end, t.start)
                    or _ELLIPTICAL_COUNT.fullmatch(text, last_noun_time[1].end, t.start)):
                # ('visits in 1997, 1998 and 2000'; '49,036 departures in 1960 and 22,801 in 1961'):
                # the noun's other occurrences
                noun = last_noun_time[0]
            if noun is None:
                noun = next((n for n in nouns if follows(text, n.end, t)), None)
                if noun is not None and self._verb_takes_it(noun, t, by_clause):
                    if self._temporal_anchor(noun):
                        noun.times.append(t)    # 'banned imports after the test in 2006': both in 2006
                        if self._follows_it(noun):
                            given = replace(t, value=later_than(t.value))
                    noun = None
            if noun is not None:
                noun.times.append(t)
                self.noun_phrase_times.add(id(t))
                last_noun_time = (noun, t)
                continue
            if id(t) in described and not _own_verb_before(holder, t, text):
                continue    # ('Pak, a graduate of the class of 1980, praised ...': the description's time)
            if self._time_of_a_purpose(t):
                continue
            clause = self.clause_holding(t.start)
            if self._second_time_of_a_reduced_relative(clause, t):
                clause = clause.parent      # ('told relatives of people abducted decades ago on Saturday')
            owners = None
            while clause is not None:
                owners = by_clause.get(id(clause))
                if owners or not (clause.relation == "infinitive"
                                  or clause.relation in ("complement", "adverbial") and untensed(clause)
                                  or self._fronted_message(clause)):
                    break
                if clause.relation == "adverbial" and (t.relative or {}).get("offset", 0) > 0:
                    break   # ('divided the land in 1945, leading three years later to ...': not the division's)
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
                    # (not 'banned the rallies, a decision upheld by the court': the decision is
                    # the ban, told again, no occurrence of its own)
                    if noun is not None and not _RESTATED.search(self.text, max(0, noun.start - 12), noun.start):
                        noun.times.append(t)
                vg = clause.predicate
                noun = None
                if vg is not None and vg.tense == "present" and vg.aspect is None \
                        or nearest.times and nearest.head.start < t.start and "offset" not in (t.relative or {}) \
                        and _PREPOSITION_BEFORE.search(self.text, max(0, t.start - 12), t.start):
                    # 'Japan welcomes the adoption of the resolution on October 14': a verb of now
                    # does not take a past date; the event noun before the date does (and so does
                    # one after a verb with a time of its own: 'blamed in December 2024 for the
                    # theft of 48 billion yen from DMM Bitcoin in May of that year')
                    noun = max((n for n in nouns if clause.start <= n.start < t.start and n.start > nearest.start
                                and not any(n.end <= v < t.start for v in verb_offsets)
                                and "(" not in self.text[n.end:t.start]),
                               key=lambda n: n.start, default=None)
                if noun is None and given is t:
                    given = self._up_to(t, vg)
                (noun or nearest).times.append(t if noun is not None else given)
            elif clause is not None and clause.relation == "relative" \
                    and not (clause.marker is not None and clause.marker.text.lower() in ("who", "whom", "whose")):
                # (a 'who' clause tells of people, not of an event noun before them)
                # 'the ban on imports, which has been in place since 2006': the event noun it describes
                noun = max((n for n in nouns if n.end <= clause.start and not any(
                    n.end <= v < clause.start for v in verb_offsets)), key=lambda n: n.start, default=None)
                if noun is not None and self._heads_its_phrase(noun):
                    noun.times.append(t)
                    noun.told_by = clause       # 'a campaign that Chongryon launched in 1958': who acted
            else:
                # a state ('the ban, in place since 2006'): the event noun that is its subject
                subject = getattr(clause, "subject", None) if clause is not None else None
                if subject is not None:
                    noun = self._event_noun_in(subject, {n.head.start: n for n in nouns})
                    if noun is not None:
                        noun.times.append(t)

    def _time_of_a_purpose(self, t: TimeMention) -> bool:
        """'dissolved the house for an election in October': a time after the noun of a 'for a'
        phrase of purpose is that noun's (a place is not: 'left for Pyongyang on Monday')."""
        i = self.token_index(t.start)
        if i is None or i < 3:
            return False
        j = i - 1
        if self.tokens[j].text.lower() in ("in", "on", "at", "during", "next", "this"):
            j -= 1
        if self.tokens[j].tag not in ("NN", "NNS") or any(x.start <= self.tokens[j].start < x.end for x in self.times):
            return False
        while j > 0 and self.tokens[j - 1].tag in ("NN", "NNS", "JJ"):
            j -= 1
        # (an indefinite one, a purpose ahead: 'apologized for the abductions in 2002' is the apology's;
        # nor a 'for' that the verb governs: 'pressed for a programme in 1956')
        return j > 2 and self.tokens[j - 1].text.lower() in ("a", "an") and self.tokens[j - 2].text.lower() == "for" \
            and not self.tokens[j - 3].tag.startswith("VB")

    def _heads_its_phrase(self, noun: Reading) -> bool:
        """Whether an event noun heads its noun phrase, or only a container of it ('the repatriation
        programme'): not 'the missile test moratorium that began in 1999' (the moratorium began)."""
        chunk = self.an.np_at(noun.head.start)
        head = chunk.head if chunk is not None else noun.head
        return head.start <= noun.head.start or head.lemma.lower() in word_sets()["container_nouns"]

    def _measured_from(self, t: TimeMention, verbs: list[Reading]) -> bool:
        """'returned in October 2002, a month after Koizumi met Kim': 'a month after' restates the
        date before it and measures the clause after it from there (the meeting: September 2002).
        Gives that clause's verb its time; True when the time was read so."""
        rel = t.relative or {}
        words = t.text.lower().split()
        if not rel.get("offset") or not words or words[-1] not in ("after", "before"):
            return False
        before = [x for x in self.times if x.end <= t.start and x.value and self.text[x.end:t.start].strip() in (",", "")]
        nxt = self.text[t.end:t.end + 2].strip()
        if not before or not nxt or not nxt[0].isalnum() or before[-1].anchor != "absolute":
            return False
        base = before[-1].value
        value = edtf.shift(base, rel["unit"], -rel["offset"] if words[-1] == "after" else rel["offset"])
        target = min((v for v in verbs if v.head.start > t.end), key=lambda v: v.head.start, default=None)
        if value is not None and target is not None:
            target.times.append(replace(t, value=value))
        return True

    def _up_to(self, t: TimeMention, vg) -> TimeMention:
        """'Until 2002, X denied any role': what lasted up to a time (../2002); not 'did not join
        until 1956' (joined then) or 'continued until 1984' (what went on ends then). ('By 2009, X
        had closed ...' is left at 2009: a 'by' is read as the time of the act as often as not.)"""
        v = t.value or ""
        after = _SINCE.search(self.text, max(0, t.start - 12), t.start)
        if after is not None and v and "/" not in v and _DATE_WORDS.match(t.text) \
                and edtf.precision(v) in ("year", "decade", "century"):
            # 'were tightened after 2002': from then on ('since the 1990s' keeps its time, as the gold does)
            return replace(t, value=f"{v}/..", type="interval")
        m = _UNTIL.search(self.text, max(0, t.start - 20), t.start)
        if m is None or "/" in v or not v or vg is None or vg.negated or vg.head.lemma in _GOING_ON:
            return t
        return replace(t, value=f"../{v}", type="interval")

    def _keep_restatements_together(self, readings: list[Reading]) -> None:
        """'voted on the sanctions on March 3 (Geneva time: March 2)': the time in brackets restates
        the one before it and goes where that one went."""
        ordered = sorted(self.times, key=lambda t: t.start)
        pairs = {id(b): a for a, b in zip(ordered, ordered[1:], strict=False)
                 if 0 <= b.start - a.end <= 25 and "(" in self.text[a.end:b.start]}
        if not pairs:
            return
        restated_by = {id(a): b for a, b in zip(ordered, ordered[1:], strict=False) if id(b) in pairs}
        for r in readings:
            held = {id(t) for t in r.times}
            kept = [t for t in r.times if id(t) not in pairs or id(pairs[id(t)]) in held]
            kept += [restated_by[id(t)] for t in kept if id(t) in restated_by and id(restated_by[id(t)]) not in held]
            r.times = sorted(kept, key=lambda t: t.start)

    def _when_clause_of(self, child, clause) -> bool:
        """'admitted to abducting 13 of them when Koizumi visited Pyongyang in September 2002': a
        'when' clause the analysis hung on an untensed clause below (or read as a relative on a
        word that names no time) sets the time of the finite clause above it."""
        if child.marker is None or child.marker.text.lower() != "when" or child.relation not in ("relative", "adverbial"):
            return False
        i = child.marker.i
        if i > 0 and self.tokens[i - 1].text.lower() in lists()["span_nouns"]:
            return False        # ('the day when ...': a relative on a time)
        c = child.parent
        while c is not None and c is not clause and untensed(c) and c.relation in ("adverbial", "infinitive", "complement"):
            c = c.parent
        return c is clause and child.parent is not clause

    def _inherit_times(self, verbs: list[Reading], nouns: list[Reading]) -> None:
        """A verb without a time of its own takes one from what it depends on or reacts to: the
        clause it depends on ('..., rejecting the suit', 'and then met', 'to meet'); a temporal
        clause of its own ('After X tested a device on October 9, Japan imposed sanctions'); the
        dated event it is about ('Tokyo condemned the April 2012 launch')."""
        timed = {id(v.clause): v for v in verbs if v.times and v.clause is not None}
        # (a time in an event noun's phrase dates that noun, not its clause: 'a visit later this month
        # was in doubt on Wednesday after the ministry said ...')
        of_nouns = self.noun_phrase_times
        for v in verbs:
            c = v.clause
            if v.times or c is None:
                continue
            if (since := self._years_since(c)) is not None:
                v.inherited = since     # ('to mark 65 years since the first ships left': 65 years before)
                continue
            if c.marker is not None and c.marker.text.lower() == "of" and c.predicate is not None \
                    and c.predicate.form == "gerund":
                continue    # 'on suspicion of embezzling': what is suspected, not done at that time
            v.apart = self._stretch_apart(c)
            if v.apart is not None and (apart := self._apart_from_parent(c, timed, *v.apart)) is not None:
                v.inherited = apart     # ('fired a missile on Wednesday, a day after Kishida told ...': Tuesday)
                continue
            while c.parent is not None and not _since_then(c) and (c.relation in ("adverbial", "infinitive", "coordinate") or c.relation == "relative"
                                            and c.marker is not None and c.marker.text.lower() in ("where", "when")
                                            or c.relation == "complement" and (untensed(c) or v.obligation)):
                c = c.parent
                owner = timed.get(id(c))
                if owner is not None:
                    v.inherited = self._time_when_stands_for(v.clause, owner.times)
                    break
                # (but 'the first meeting since August, when they met in Seoul': the time 'when' stands for)
                own = [t for t in self.clause_times.get(id(c), ()) if is_narrative(t) and not self._attributive(t)
                       and (id(t) not in of_nouns or v.clause.relation == "relative")]
                if own:     # 'In 2002, Kim deep-sixed relations by admitting ...': the clause's time
                    v.inherited = self._time_when_stands_for(v.clause, own)
                    break
            if v.inherited is None and v.clause.predicate is not None and v.clause.predicate.tense == "past":
                # ('declined to comment on Monday': the time at the end of the infinitive is the declining's)
                # (a day only: 'agreed to hold the next meeting in the first half of the year' is a plan's time)
                v.inherited = next((timed[id(d)].times[0] for d in self.an.clauses
                                    if d.parent is v.clause and d.relation == "infinitive" and id(d) in timed
                                    and timed[id(d)].times[0].value
                                    and edtf.precision(timed[id(d)].times[0].value) == "day"), None)
            if v.inherited is None and not _admitted_in(v.clause):
                v.inherited = self._report_time(v, timed)
            if v.inherited is not None:
                continue
            v.period = self._period_perfect(v.clause)
            v.same_scene = any(t.text.lower() in scene_words() for t in self.tokens
                               if v.clause.start <= t.start < v.clause.end)
            own_tense = v.clause.predicate
            for child in self.an.clauses if own_tense is not None and own_tense.tense == "past" \
                    and own_tense.aspect is None else ():      # ('has banned ... after the tests last month': now)
                if ((child.parent is v.clause or self._time_clause_opens(child, v.clause)) and child.relation == "adverbial"
                        or self._when_clause_of(child, v.clause)) \
                        and child.marker is not None \
                        and child.marker.text.lower() in _TEMPORAL_MARKERS and id(child) in timed:
                    v.inherited = timed[id(child)].times[0]
                    if child.marker.text.lower() in _AFTER:
                        # 'After X tested a device on October 9, Japan imposed sanctions': after that
                        # day, in its month (how long after, the text does not say)
                        v.inherited = replace(v.inherited, value=later_than(v.inherited.value))
                    break
                if child.parent is v.clause and child.relation == "complement" and untensed(child) \
                        and v.head.lemma in _CAUSING and id(child) in timed:
                    v.inherited = timed[id(child)].times[0]     # 'was ordered dissolved ... in 1949': one time
                    break
            vg = v.clause.predicate
            if v.inherited is not None or vg is not None and vg.tense == "present" and vg.aspect in (None, "perfect"):
                # (a verb of now is dated by the document, not by what it speaks of: 'we have received no
                # reply to our letter of 3 March')
                continue
            # 'Following the resolution, the North said ...': after an event told before
            heads = [pp.head for pp in v.clause.pps if prep_of(pp) in ("following", "after") and pp.head is not None]
            heads += [ob.head for c in self.an.clauses if c.parent is v.clause and c.predicate is not None
                      and c.predicate.head.lemma == "follow" and c.predicate.form in ("gerund", "participle")
                      for ob in c.objects[:1]]
            for head in heads:
                entry = lexicon().get(head.text.lower())
                if entry is not None and entry[1]:
                    v.anchor = entry[0]
            phrases = list(v.clause.objects) + [pp for pp in v.clause.pps if prep_of(pp) in _ABOUT_OR_AT
                                                or prep_of(pp) == "by" and passive_clause(v.clause)]
            # ('were adopted by the Cabinet decision of October 13, 2006': the decision's day)
            documents = word_sets()["definite_documents"]
            for n in nouns:
                holder = next((ph for ph in phrases if ph.start <= n.head.start < ph.end), None)
                # (an accord lasts: 'declared the 1994 agreement nullified' is not of 1994)
                if n.times and holder is not None and n.head.text.lower() not in documents:
                    v.inherited = n.times[0]
                    if holder in v.clause.pps and prep_of(holder) in _AFTER:
                        v.inherited = replace(v.inherited, value=later_than(v.inherited.value))
                    break
            if v.inherited is None and not _admitted_in(v.clause):
                # (what is admitted lies before the admission: 'admits that X abducted 13 people')
                v.inherited = self._told_in_relative(v, phrases, timed) or self._by_report(v) \
                    or self._sentence_story(v)
        # ('Following the test in October, Tokyo banned its ships and stopped all imports': a verb
        # joined to one that took a time takes it too)
        by_clause = {id(v.clause): v for v in verbs if v.clause is not None}
        for v in verbs:
            c = v.clause
            if v.times or v.inherited is not None or c is None or c.relation != "coordinate" or not c.shared_subject:
                continue
            first = by_clause.get(id(c.parent))
            if first is not None and first.inherited is not None and not first.times:
                v.inherited = first.inherited
            elif first is not None and first.anchor is not None and v.anchor is None and not first.times:
                v.anchor = first.anchor     # (after the event told before, both)

    def _apart_from_parent(self, clause, timed: dict, unit: str, n: int) -> TimeMention | None:
        """'..., a day after Kishida told the families ...': an 'after' ('before') clause that a
        stretch of time opens is that far before (after) the time of the clause it depends on,
        else of the time told before it in the sentence."""
        parent = clause.parent
        owner = timed.get(id(parent))
        told = owner.times[0] if owner is not None else next(
            (t for t in self.clause_times.get(id(parent), ()) if is_narrative(t)), None)
        if told is None:    # ('fired ... on Wednesday, the ministry said, a day after ...': the time before)
            told = next((t for t in reversed(self.times) if t.end <= clause.marker.start and is_narrative(t)), None)
        value = stretch_from(told.value, unit, n) if told is not None else None
        return replace(told, value=value) if value else None

    def _stretch_apart(self, clause) -> tuple[str, int] | None:
        """(unit, signed count) of the stretch ('a day', 'two months') an 'after' or 'before'
        clause is opened by, if any: minus for 'after' (it came that much earlier)."""
        marker = clause.marker
        if clause.relation != "adverbial" or marker is None or clause.parent is None \
                or marker.text.lower() not in ("after", "before"):
            return None
        m = _STRETCH_BEFORE.search(self.text, max(self.s, marker.start - 30), marker.start)
        n = number(m.group(1)) if m is not None else None
        if not n or n != int(n):
            return None
        return m.group(2).lower(), -int(n) if marker.text.lower() == "after" else int(n)

    def _time_when_stands_for(self, clause, times: list[TimeMention]) -> TimeMention:
        """The time a ', when' clause follows ('a pause from November 2017 until 24 March, when it
        fired ...': 24 March), else the first of the times it depends on."""
        marker = clause.marker
        if marker is not None and marker.text.lower() == "when":
            for t in times:
                if t.end <= marker.start and not self.text[t.end:marker.start].strip(" ,"):
                    return t
        return times[0]

    def _years_since(self, clause) -> TimeMention | None:
        """'65 years since the first ships left', in a sentence on 2024: the leaving, 65 years before
        the time its sentence is on (a year only: the text says no more)."""
        if clause.relation != "adverbial" or clause.marker is None or clause.marker.text.lower() != "since":
            return None
        at = clause.marker.start
        m = _YEARS_BEFORE_SINCE.search(self.text, max(0, at - 30), at)
        n = number(m.group(1)) if m is not None else None
        if not n or n != int(n):
            return None
        if m.group(2).lower() == "decades":
            n *= 10     # ('marked two decades since ...')
        up = clause.parent
        while up is not None:
            own = [t for t in self.clause_times.get(id(up), ()) if is_narrative(t) and t.value]
            if own and (p := edtf.parse_point(own[0].value.split("/")[0].rstrip("~?%"))):
                year = p[0] - int(n)
                span = own[0]
                return replace(span, start=m.start(), end=m.end(), text=self.text[m.start():m.end()],
                               value=f"{year:04d}", type="date", relative=None) if year > 0 else None
            up = up.parent
        return None

    def _sentence_story(self, v: Reading) -> TimeMention | None:
        """'In November of that year X handed over remains it said were Y's': a past act without a
        time of its own is on the time its sentence's main clauses told before it, not on the last
        sentence's."""
        vg = v.clause.predicate
        if vg is None or vg.tense != "past" or vg.aspect is not None or v.modality != "asserted" \
                or getattr(past_coordinates(v.clause), "relation", "") not in (None, "parataxis"):
            return None     # (not 'abuses they said they suffered': a contact clause tells no news of then)
        told = [t for t in self.times if t.end <= v.head.start and is_narrative(t) and t.value
                and id(t) not in self.since_bounds and id(t) not in self.described_times and not self._attributive(t)
                and top_level(self.clause_holding(t.start))]
        return told[-1] if told else None

    def _attributive(self, t: TimeMention) -> bool:
        """'the 1994 agreement', 'Thursday's meeting': a time that names a thing, not when the story is."""
        i = self.token_index(t.end - 1)
        nxt = self.tokens[i + 1] if i is not None and i + 1 < len(self.tokens) else None
        if nxt is None or self.text[t.end:nxt.start].strip():
            return False
        if nxt.tag == "POS":
            return True
        return nxt.tag in NOUN_TAGS + ("JJ", "VBG", "VBN") and _DETERMINED.search(self.text, max(0, t.start - 12), t.start) is not None

    def _by_report(self, v: Reading) -> TimeMention | None:
        """'Kim sent a message, according to a Saturday report by state media': done by the day
        of the report that tells it (../that day), not on the page's day."""
        if v.clause.relation is not None:
            return None     # ('according to' qualifies what the sentence asserts: its main clause)
        for c in self.an.clauses:
            if c.predicate is None or c.predicate.head.lemma != "accord" or c.relation != "adverbial":
                continue
            up = c.parent
            while up is not None and up is not v.clause:
                up = up.parent
            if up is None:
                continue
            t = next((t for t in self.clause_times.get(id(c), ()) if is_narrative(t)), None)
            if t is not None and t.value and "/" not in t.value and t.start > v.head.start:
                return replace(t, value=f"../{t.value}", type="interval")
        return None

    def _told_in_relative(self, v: Reading, phrases: list, timed: dict) -> TimeMention | None:
        """'At the summit, which was held last week, the leaders agreed ...': an event noun that
        the verb is at or reacts to is dated by the relative clause that tells it."""
        for c in self.an.clauses:
            ante = c.antecedent
            if c.relation != "relative" or ante is None or id(c) not in timed or c is v.clause:
                continue
            entry = lexicon().get(ante.head.text.lower())
            holder = next((ph for ph in phrases if ph.start <= ante.head.start < ph.end), None)
            if holder is None or entry is None or not entry[1]:
                continue
            vg = c.predicate
            if v.type in ENDING_TYPES or vg is not None and vg.tense == "past" and vg.aspect == "perfect":
                continue    # ('relaxed the sanctions it had imposed in 2006': the imposing is before)
            t = distinct(timed[id(c)].times, self.text)[-1]
            if "T" in (t.value or "T"):
                continue    # ('a meeting that began at 8:30 a.m.': a clock says no day of its own)
            if holder in v.clause.pps and prep_of(holder) in _AFTER:
                t = replace(t, value=later_than(t.value))
            return t
        return None

    def _time_clause_opens(self, child, clause) -> bool:
        """'...: after X tested missiles on 5 July, the union withdrew': a clause of time that ends
        right before a clause (a comma between) opens it, whatever clause the analysis hung it on."""
        return child.start < clause.start and child.end <= clause.start \
            and self.text[child.end:clause.start].strip() in (",", "")

    def _period_perfect(self, clause) -> bool:
        """'has since said', 'have repeatedly denied', 'has protested on each occasion': a present
        perfect of a period up to now, on no one day."""
        vg = clause.predicate
        if vg is None or vg.aspect != "perfect" or vg.tense != "present":
            return False
        if any(prep_of(pp) in ("for", "than", "over") and pp.np is not None and pp.np.head.lemma.lower() in _SPANS
               for pp in clause.pps):
            return True     # 'has campaigned for more than four decades', 'over the past two years'
        words, phrases = period_words()
        inside = [t for t in self.tokens if clause.start <= t.start < clause.end]
        # ('since' with an object, 'the first time ... since 2017', is the time before, not a period)
        toks = [t.text.lower() for k, t in enumerate(inside) if t.text.lower() != "since"
                or k + 1 < len(inside) and inside[k + 1].tag.startswith(("VB", "RB"))]
        return any(w in words for w in toks) or any(
            tuple(toks[i:i + len(p)]) == p for p in phrases for i in range(len(toks) - len(p) + 1))

    def _report_time(self, v: Reading, timed: dict) -> TimeMention | None:
        """'North Korea said on Tuesday it had launched a satellite': a past act that a report of
        a day or a month tells happened then, not on the page's day (a report of a year, 'admitted
        in 2002 that it had abducted 13 people', may tell of an act long before it: no date)."""
        clause = v.clause
        vg, parent = clause.predicate, clause.parent
        if clause.relation != "complement" or vg is None or vg.tense != "past" or parent is None \
                or parent.predicate is None or parent.predicate.head.lemma not in word_sets()["reporting"]:
            return None
        owner = timed.get(id(parent))
        t = distinct(owner.times, self.text)[-1] if owner is not None else next(
            (t for t in self.clause_times.get(id(parent), ()) if is_narrative(t) and not self._attributive(t)), None)
        v.report_dated = t is not None
        if t is not None and vg.aspect == "perfect" and not t.relative:
            return None     # ('At the 2002 summit Kim admitted that agents had abducted ...': before it, long before)
        return t if t is not None and edtf.precision(t.value) in ("day", "month") else None
