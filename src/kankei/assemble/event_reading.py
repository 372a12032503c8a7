"""A candidate event of one sentence, as the reader builds it, and small readings of the
clause analysis shared by the reader's parts."""
from __future__ import annotations

from dataclasses import dataclass, field

from kankei.analyze.groups import lists
from kankei.assemble.event_parts import Parts
from kankei.spans import TimeMention

NOUN_TAGS = ("NN", "NNS", "NNP", "NNPS")
ENDING_TYPES = frozenset({"reject", "dissolve", "ease"})     # what ends, breaks off or lifts another event


@dataclass(slots=True)
class Reading:
    """A candidate event: its trigger span, type, the head token, and what is known of its clause."""
    start: int
    end: int
    type: str
    head: object                    # the analysis token the trigger stands on
    verb: bool
    clause: object | None = None
    times: list[TimeMention] = field(default_factory=list)
    modality: str = "asserted"
    weak: bool = False
    noun_event: object | None = None    # the event noun a light or aspectual verb took over
    parts: Parts | None = None
    inherited: TimeMention | None = None    # the time of the clause it depends on ('..., rejecting the suit')
    hedged: bool = False                    # reported, not witnessed ('is believed to have been born')
    occasion: Reading | None = None         # the event whose setting it is ('At a meeting ..., Abe said')
    occasion_before: bool = False           # ... or which it came just before ('After the talks, ... announced')
    hedge_here: bool = True                 # a word of hearsay in the sentence qualifies this event's clause
    refusal: bool = False                   # a statement read as refusing what it says will not be done
    caused: bool = False                    # an event noun a verb of causing brings about ('drew protests')
    anchor: str | None = None               # the type of an earlier event it follows ('Following the resolution, ...')
    habitual: bool = False                  # its clause says how often, not when ('rarely says')
    told_by: object | None = None           # a relative clause that dates an event noun ('that X launched in 1958')
    before: list[TimeMention] = field(default_factory=list)     # 'the first time ... since 2017': the last time
    report_dated: bool = False      # what a report with a time of its own tells ('admitted in 2002 that ...')
    period: bool = False            # a perfect of a period up to now ('has since said', 'has already met')
    same_scene: bool = False        # an act added to the scene just told ('also signed')
    reacts_to: tuple | None = None  # (head, type) of a definite event noun it answers ('condemned the launch')
    conditional: bool = False       # a threat read from a future on another's condition: made now, as said
    obligation: bool = False        # 'X should provide ...': a demand on X by whoever says it
    apart: tuple | None = None      # 'a day after X fired': (unit, signed count) from what it depends on
    followed_by: Reading | None = None  # 'after a nuclear test in January, Japan widened ...': the act it came before


def passive_clause(clause) -> bool:
    """A passive verb group: a participle with 'be' or 'get' (a bare participle that heads a main
    clause is a past tense the tagger took for one: 'In 1960 Koreans emigrated to ...')."""
    vg = clause.predicate
    if vg is None or vg.voice != "passive":
        return False
    if vg.first == vg.last and clause.subject is not None and not clause.shared_subject \
            and clause.subject.end <= vg.start and clause.agent is None:
        return False        # 'the nationals it abducted': a bare participle after its own subject is a past
    return not (vg.first == vg.last and clause.relation is None and clause.agent is None)


def prep_of(pp) -> str:
    prep = getattr(pp, "prep", None)
    if prep is None:
        return ""
    return (prep if isinstance(prep, str) else prep.text).lower()



def time_phrase_of(an, head) -> object | None:
    """The phrase of a preposition of time a noun heads ('during the November 15 match'), if any."""
    times = lists()["time_prepositions"]
    return next((pp for c in an.clauses for pp in c.pps
                 if pp.head is not None and pp.head.start == head.start and prep_of(pp) in times), None)


def past_coordinates(c):
    """The clause a chain of coordinated clauses hangs on ('who was born in Japan and went ...':
    the relative clause; 'X happened and then Y': the main one)."""
    while c is not None and c.relation == "coordinate":
        c = c.parent
    return c


def top_level(c) -> bool:
    """A main clause, or one coordinated with it (not a relative clause's coordinate)."""
    c = past_coordinates(c)
    return c is not None and c.relation is None


def in_relative(c) -> bool:
    """A relative clause, or a clause coordinated with one."""
    c = past_coordinates(c)
    return c is not None and c.relation == "relative"


def untensed(clause) -> bool:
    """'went shopping', 'began building': a clause without a tense of its own happens when its verb does."""
    vg = clause.predicate
    return vg is not None and vg.tense is None and vg.form in ("gerund", "participle", "infinitive")
