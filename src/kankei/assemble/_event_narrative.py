"""The time a story is on, sentence by sentence (for assemble/events.py): set by a past event
dated in its own clause or a time its main clause names, kept within its paragraph (a
transcript's turn), not moved by what a speaker reports of an earlier past."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kankei import edtf
from kankei.assemble.event_dates import long_before, next_step_time
from kankei.assemble.event_reading import Reading, top_level
from kankei.assemble.event_time import is_narrative
from kankei.assemble.triggers import word_sets
from kankei.resolve.anchor import in_quotation
from kankei.spans import TimeMention

if TYPE_CHECKING:
    from kankei.assemble.event_reader import SentenceReader


# ('HOST: ...', 'Q: ...', 'MR. SATO: ...': a line that opens a speaker's turn in a transcript)
SPEAKER_TURN = re.compile(r"(?m)^(?:[A-Z][A-Z.' -]{0,30}|Q|A):[ \t]")


class Narrative:
    """The time the story is on: set by a past event dated in its own clause, kept within its paragraph."""
    __slots__ = ("time", "at", "sentences", "turns")

    def __init__(self, turns: bool = False) -> None:
        self.time: TimeMention | None = None
        self.at = 0
        self.sentences = 0
        self.turns = turns      # a transcript: a speaker's turn tells one story of long ago through

    def current(self, text: str, s: int, dct: str | None = None) -> TimeMention | None:
        """The narrative's time for the sentence right after the one that named it, in its paragraph;
        a story of long ago goes on one sentence more ('He was stationed in the South. He
        disappeared during a patrol.'), and further when told as the story's next step ('Soon
        after, ...', of other days than the page's)."""
        if self.time is None:
            return None
        if text.find("\n\n", self.at, s) >= 0:
            # (a news story's day before the page's goes on into its next paragraph, which goes on
            # with the same occasion: 'adopted a resolution on Wednesday. || The committee approved ...')
            brk = text.find("\n\n", self.at, s)
            if self.sentences == 1 and dct is not None and _day_before(self.time.value, dct) \
                    and text.count("\n\n", self.at, s) == 1 and text[self.at:brk].rstrip().endswith((".", '"', "”")):
                return self.time    # (a sentence's, not a photo caption's: 'A rally in Pyongyang, 1 March')
            return None
        if self.sentences > 1:
            if (self.sentences <= 2 or self.turns) and dct is not None and long_before(self.time.value, dct) \
                    and text.find("\n", self.at, s) < 0:
                return self.time
            return next_step_time(self.time, text, s, dct)
        return self.time


def main_times(readings: list[Reading]) -> list[TimeMention]:
    """The times of the sentence's main clauses' events (not of a relative clause's aside)."""
    main = sorted((t for r in readings if top_level(r.clause) and (r.verb or not r.told_by) for t in r.times),
                  key=lambda t: t.start)
    # ('Last November, Pyongyang returned ..., and allegedly committed suicide in 1994': a coordinate
    # that goes back before the main clause's own time is an aside, not where the story goes on)
    root = next((t for r in readings if r.clause is not None and r.clause.relation is None for t in r.times), None)
    if root is not None and len(main) > 1:
        first = edtf.bounds(root.value)
        main = [t for t in main if not (first and (b := edtf.bounds(t.value)) and b[1] < first[0])]
    return main


def reported_backstory(reader: SentenceReader, sent_times: list[TimeMention], current: TimeMention | None,
                        page_day: str | None = None) -> set[int]:
    """Times in what a verb of saying or knowing reports that lie before the story's time (with no
    story's time in the news, the page's day, and then only a past perfect's: 'said she had taken
    them there last month' tells the speaker's past, not where the story goes on)."""
    if not sent_times or current is None and page_day is None:
        return set()
    now = edtf.bounds(current.value if current is not None else page_day)
    if now is None:
        return set()
    saying = word_sets()["reporting"] | word_sets()["raising"]
    out = set()
    for t in sent_times:
        c = reader.clause_holding(t.start)
        while c is not None and c.relation in ("complement", "coordinate", "relative", "adverbial") \
                and not (c.relation == "complement" and c.parent is not None and c.parent.predicate is not None
                         and c.parent.predicate.lemma in saying):
            c = c.parent
        if c is None or c.relation != "complement":
            continue
        if current is None and not _in_past_perfect(reader.clause_holding(t.start)):
            continue
        span = edtf.bounds(t.value)
        if span is not None and span[1] < now[0]:
            out.add(id(t))
    return out


def _in_past_perfect(clause) -> bool:
    vg = getattr(clause, "predicate", None)
    return vg is not None and vg.tense == "past" and vg.aspect == "perfect"


def advance(narrative: Narrative, sent_times: list[TimeMention], s: int, text: str = "", news: bool = False,
            page_day: str | None = None) -> None:
    """The story is now on the last point or closed period the sentence names (in the news, not one
    a quotation names: '"My mother went there the following year," she said' tells her story, not the page's;
    nor a stretch that holds the page's day: 'the first rescue this winter' leaves the story on its day)."""
    last = next((t for t in reversed(sent_times) if is_narrative(t) and not (news and in_quotation(text, t.start))
                 and not (news and _holds_the_day(t.value, page_day))), None)
    if last is not None:
        narrative.time, narrative.at, narrative.sentences = last, s, 0


def _holds_the_day(value: str | None, day: str | None) -> bool:
    """Whether a time coarser than a day holds the given day ('this winter', 'this year')."""
    if not value or not day or edtf.precision(value) == "day":
        return False
    span, d = edtf.bounds(value), edtf.bounds(day)
    return span is not None and d is not None and span[0] <= d[0] and d[1] <= span[1]


def _day_before(value: str | None, dct: str) -> bool:
    """Whether a day is the page's day before, or the one before that (the news's 'Wednesday')."""
    if not value or edtf.precision(value) != "day" or edtf.precision(dct) != "day":
        return False
    return edtf.shift(dct, "day", -2) <= value < dct
