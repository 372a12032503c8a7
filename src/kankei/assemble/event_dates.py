"""When an event that its own clause does not date happened: the narrative's time for the next
step of a past story, the document's date for what the news reports, says, plans or has done,
no date for a habit, a generic truth or a birth (spec: the event section)."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from kankei import edtf
from kankei.assemble.event_reading import in_relative
from kankei.assemble.triggers import word_sets
from kankei.resolve.tense import next_step

if TYPE_CHECKING:
    from kankei.assemble.event_reading import Reading
    from kankei.assemble.events import Event
    from kankei.spans import TimeMention

# what a present tense performs on the page's day ('Japan strongly urges', 'condemns', 'welcomes')
# Acts of speech: what a speaker does by saying (shared by the dating, merging and speaker rules).
SPEECH_ACTS = frozenset({"statement", "demand", "accuse", "threaten", "reject", "apologize"})


def fallback_date(r: Reading, narrative: TimeMention | None, dct: str | None,
                   news: bool, elsewhere: bool = False, headline: bool = False) -> tuple[str | None, str | None]:
    """A reading without a time of its own: the narrative's time for the next step of a past
    story; the document's date for what the news reports, says, plans or has done."""
    if r.obligation and (r.clause.relation is None or news):
        return (dct, "document") if dct is not None else (None, None)    # ('X should provide ...': said now)
    vg = getattr(r.clause, "predicate", None) if r.clause is not None else None
    tense = getattr(vg, "tense", None)
    aspect = getattr(vg, "aspect", None)
    if aspect == "perfect-progressive":
        aspect = "perfect"      # ('had been warning the boat': a past before the story's, as 'had warned')
    if tense is None and r.modality == "negated" and r.clause is not None and r.clause.relation in ("complement", "infinitive") \
            and getattr(getattr(r.clause.parent, "predicate", None), "negated", False):
        # ('are not considering easing the measures', 'said it was not considering filing a protest':
        # the act ruled out when the clause above it says so; in the news, on the day it is reported)
        up = r.clause.parent
        tense = getattr(getattr(up, "predicate", None), "tense", None) if up is not None else None
        if tense == "past" and news and dct is not None and not r.times:
            return dct, "document"
    reporting = r.type == "statement" or (vg is not None and vg.head.lemma in word_sets()["reporting"])
    main = r.clause is not None and r.clause.relation in (None, "coordinate", "parataxis")
    if r.habitual or r.period and r.modality != "negated":
        # 'extended annually', 'usually meet', 'has since said': on no one day ('has never
        # apologized' is a denial the page makes on its day)
        return None, None
    if tense == "present" and aspect is None and r.modality == "asserted" and not (headline and news) and (
            not reporting and r.type not in SPEECH_ACTS or not _actor_acts(r) or r.habitual):
        # 'the ferry sails twice a year', 'numbers tell part of the story', 'it rarely says':
        # a state, a habit or a generic truth, on no one day
        return None, None
    if tense is None and aspect == "perfect" and r.modality == "asserted" and getattr(vg, "form", None) == "infinitive":
        return None, None       # 'was reported to have defected': done before what its clause speaks of
    if r.modality == "hypothetical" or tense in ("present", "future") or aspect == "perfect" and tense != "past":
        # now, or planned now: never the narrative's; outside the news, only what the text itself says now
        # (and not 'the plaintiffs, who have since fled': a relative clause's perfect is no news of the day)
        told_now = r.clause is None or not in_relative(r.clause)
        return (dct, "document") if dct is not None and told_now and (news or main) else (None, None)
    if tense == "past" and aspect == "perfect":
        if _reported(r) and not r.report_dated and narrative is not None and elsewhere and _reported_main(r) \
                and not _admitted(r):
            return narrative.value, "narrative"     # ('Soon after, X announced that it had given him asylum')
        if news and _reported(r) and not r.report_dated and not _admitted(r):
            return dct, "document"      # 'told reporters the group had condemned the launch': today's news
        return None, None       # 'had abducted': before the story's time, not on it
    # a story told of another time than the document's: its sentences are on the narrative's time
    historical = narrative is not None and (dct is None or long_before(narrative.value, dct))
    # (a temporal clause, 'shortly after they announced the accord', goes on with the story too,
    # and so does how the main clause's act was done: 'responded by extending its sanctions')
    told = main or _temporal_clause(r.clause) or _means(r.clause)
    if narrative is not None and told and r.modality == "asserted" and (historical or not reporting or elsewhere
                                                                        or edtf.precision(narrative.value) == "day"):
        if elsewhere and edtf.precision(narrative.value) == "day" and not (reporting or r.type in SPEECH_ACTS) \
                and not r.same_scene:
            # the next act of a story of other days came after the day told, how long after the text
            # does not say: its year ('..., and talks stalled'); what was said is of that day
            return narrative.value[:4], "narrative"
        if not main and r.clause.marker.text.lower() in _BEFORE_OR_AFTER:
            # 'That was immediately after X said ...': not on the day told, before (or after) it
            return later_than(narrative.value), "narrative"
        return narrative.value, "narrative"     # (what was said the day the last sentence told)
    # ('Tokyo lodged a protest, the spokesman told reporters': what today's report tells was done, today)
    reported_now = r.clause is not None and tense == "past" and _reported(r) and _reported_main(r) and not _admitted(r)
    if dct is not None and news and (reporting or (main or reported_now) and not elsewhere) and _tells_news(r) \
            and r.head.text.lower() not in word_sets()["not_news"] and not _describes(r):
        return dct, "document"      # what the news reports, and what its lede tells, happened on its day
    return None, None


@lru_cache(maxsize=256)
def near(value: str | None, dct: str | None) -> bool:
    """Whether a narrated time is the story's own days (within a week of its date)."""
    bv, bd = edtf.bounds(value), edtf.bounds(dct)
    if bv is None or bd is None:
        return False
    return edtf.shift(bd[0], "day", -7) <= bv[1] and bv[0] <= bd[1] and edtf.precision(value) == "day"


def _tells_news(r: Reading) -> bool:
    """A finite clause of its own: 'abuses they said they suffered' (a contact clause) or
    'noting ...', 'without stating ...' (no tense) tell no news of the page's day."""
    c = r.clause
    vg = getattr(c, "predicate", None)
    if c is None or vg is None or r.noun_event is not None or not r.verb:
        return True
    return vg.form == "finite" and not (c.relation == "relative" and c.marker is None)


_BEFORE_OR_AFTER = frozenset({"after", "before", "once", "until", "since"})
_TEMPORAL = frozenset({"after", "when", "as", "once", "while", "before", "until", "whereupon"})


def _means(c) -> bool:
    """'responded by extending its sanctions': the means of a main clause's act, done with it."""
    vg = getattr(c, "predicate", None)
    return c is not None and c.relation == "adverbial" and c.marker is not None and c.marker.text.lower() == "by" \
        and vg is not None and vg.form == "gerund" and c.parent is not None and c.parent.relation is None


def _temporal_clause(c) -> bool:
    """A finite clause of time ('after they announced the accord'), not a participle's aside."""
    vg = getattr(c, "predicate", None)
    return c is not None and c.relation == "adverbial" and c.marker is not None \
        and c.marker.text.lower() in _TEMPORAL and vg is not None and vg.form == "finite"


def _admitted(r: Reading) -> bool:
    """'Kim admitted that agents had abducted 13 people': what is admitted or denied lies in
    the past of the admission, how far the sentence does not say."""
    parent = r.clause.parent
    vg = getattr(parent, "predicate", None)
    return vg is not None and vg.head.lemma in word_sets()["admitting"]


def _reported_main(r: Reading) -> bool:
    """Whether the verb of saying that reports the reading's clause heads a main clause (and so
    goes on with the story the paragraph tells)."""
    parent = r.clause.parent
    if parent is not None and parent.relation == "adverbial" and parent.predicate is not None \
            and parent.predicate.form in ("gerund", "participle") and parent.parent is not None:
        parent = parent.parent      # ('Tokyo refused, saying the vessel had been warning it': the refusal's)
    return parent is not None and parent.relation in (None, "coordinate", "parataxis")


def _describes(r: Reading) -> bool:
    """'Trump, who mentioned it to Kim at their meetings', 'the agent, who said she had been
    taught ...': a past act in a relative clause describes whom the story is about; it is not
    what the story reports (a time of its own would date it)."""
    c = r.clause
    return c is not None and in_relative(c) and getattr(c.predicate, "tense", None) == "past"


def _actor_acts(r: Reading) -> bool:
    return r.parts is not None and any(p["role"] == "agent" for p in r.parts.items)


def _reported(r: Reading) -> bool:
    """Whether the reading's clause is what a verb of saying reports."""
    c = r.clause
    parent = c.parent.predicate if c is not None and c.parent is not None else None
    return c.relation == "complement" and parent is not None and parent.head.lemma in word_sets()["reporting"]


def soon_after(value: str | None, dct: str) -> bool:
    """Whether a date begins after the document's date, within the year that follows it (years
    later is no plan a story tells but a sign its own date is not what it seems)."""
    bv, bd = edtf.bounds(value), edtf.bounds(dct)
    if bv is None or bd is None or bv[0] <= bd[1]:
        return False
    return bv[0] <= f"{int(bd[1][:4]) + 1}{bd[1][4:]}"


def long_before(a: str | None, dct: str) -> bool:
    """Whether the narrated time ends more than a year before the document's year: a story of
    another time (what was said then), not the news of the day."""
    ba, bb = edtf.bounds(a), edtf.bounds(dct)
    return ba is not None and bb is not None and int(ba[1][:4]) < int(bb[0][:4]) - 1


def day_of(value: str | None) -> str | None:
    """An event is dated to its day: '2022-10-04T07:22' -> '2022-10-04' (the clock time stays in its time record)."""
    return value.split("T", 1)[0] if value and "T" in value and "/" not in value else value


def later_than(value: str | None, dct: str | None = None) -> str | None:
    """What came after a day, how long after unsaid: that day's month (a month or a year stays:
    what answers an act mostly falls in its month); after a day of the news's own week, still
    that day (the story tells its days one by one)."""
    if edtf.precision(value) == "day" and value[4] == "-" and "/" not in value and not near(value, dct):
        return value[:7]
    return value


_SCENE_REACH = 1500     # characters: how far back the day of a gathering a speaker addresses is told
_AUDIENCE = re.compile(r"\s+(the|a|an)\s+((?:[\w-]+\s+){0,3}?)([a-z]+)\b(?=\s*(?:[,.:;]|on\b|in\b|that\b|at\b|$))")


def _told_in_a_sentence(ev: Event, text: str) -> bool:
    """A sentence, not a photo's caption ('A rally in Pyongyang, 15 June 2009' has no full stop)."""
    return ev.sentence is not None and text[ev.sentence[0]:ev.sentence[1]].rstrip().endswith((".", '"', "”"))


def speakers_days(events: list[Event], dct: str | None, text: str = "", times: list | tuple = ()) -> None:
    """A news story quotes each speaker from one occasion: 'X told a committee on Monday ...',
    then 'X said' further down: Monday, not the page's day (events in the text's order); not
    'X later told reporters' (another occasion). So does one audience: 'Y told the committee'
    is at that sitting too."""
    if dct is None:
        return
    spoke: dict[str, str] = {}      # speaker -> the day told
    heard: dict[str, str] = {}      # the noun of an audience -> the day told
    scene: str | None = None        # the day of a gathering the story tells, whose speakers come next
    gatherings = word_sets()["gathering_nouns"]
    # (the story's own past days, by where they are told: 'packed the hall on Sunday ... told the audience')
    days = [(t.start, t.value) for t in times if t.value and t.value != dct and near(t.value, dct) and t.value < dct]
    listeners = word_sets()["audience_nouns"]
    for ev in events:
        if ev.type in ("meet", "accuse") and ev.dated_by in ("clause", "anchor") and ev.date != dct and near(ev.date, dct) \
                and not gatherings.isdisjoint(ev.text.lower().split()) and _told_in_a_sentence(ev, text):
            scene = ev.date     # ('A mass rally took place on Friday ...': its speeches follow)
            continue
        if ev.modality == "asserted" and (scene is not None and ev.dated_by == "clause" and near(ev.date, dct)
                                          and ev.date != scene
                                          or ev.dated_by == "document" and ev.type not in SPEECH_ACTS):
            # (the story has moved on to another day's doings; not what is said not done: 'his
            # remains have not been returned to this day')
            scene = None
        if ev.type not in SPEECH_ACTS or ev.modality != "asserted":
            continue
        if scene is not None and ev.dated_by == "document" and ev.participants \
                and all(p["entity"].startswith("person:") for p in ev.participants if p["role"] == "agent") \
                and any(p["role"] == "agent" for p in ev.participants):
            ev.date, ev.dated_by = scene, "narrative"      # (a speaker at the gathering)
            continue
        agents = [p["entity"] for p in ev.participants if p["role"] == "agent"]
        audience = _AUDIENCE.match(text, ev.end)
        if ev.dated_by == "document" and audience is not None and audience.group(3) in listeners \
                and (day := next((v for at, v in reversed(days) if 0 < ev.start - at < _SCENE_REACH), None)):
            ev.date, ev.dated_by = day, "narrative"     # ('told the audience': at the gathering told of just before)
            scene = day
            continue
        if ev.dated_by == "clause" and edtf.precision(ev.date) == "day":
            if near(ev.date, dct):
                spoke.update(dict.fromkeys(agents, ev.date))
            if audience is not None:
                heard[audience.group(3)] = ev.date
        elif ev.dated_by == "document" and len(agents) == 1 and spoke.get(agents[0], ev.date) != ev.date \
                and not (ev.sentence and next_step(text, *ev.sentence)):
            ev.date, ev.dated_by = spoke[agents[0]], "narrative"
        elif ev.dated_by == "document" and audience is not None and audience.group(1) == "the" \
                and heard.get(audience.group(3), ev.date) != ev.date:
            ev.date, ev.dated_by = heard[audience.group(3)], "narrative"


def next_step_time(time: TimeMention, text: str, s: int, dct: str | None) -> TimeMention | None:
    """The story's time for a sentence told as its next step ('Soon after, ...', 'He later said'),
    however many sentences on: after a day, its month; none in the news's own week (where 'later'
    may well be the page's day)."""
    if not next_step(text, s, s + 120) or near(time.value, dct):
        return None
    return replace(time, value=later_than(time.value))


def meeting_days(told: list[Event], before: list[Event], narrative: TimeMention | None) -> None:
    """'On 17 September 2002, Koizumi met Kim in Pyongyang. The two leaders signed a declaration':
    what the parties of a meeting do next is done at that meeting, on its day (not only in its
    year, as another act told after a day is)."""
    if narrative is None or edtf.precision(narrative.value) != "day" or any(
            ev.time is not None and (edtf.bounds(ev.date) or ("", ""))[1] > narrative.value for ev in told):
        return      # (a sentence with a later time of its own has moved the story on)
    parties = {p["entity"] for ev in before if ev.type == "meet" and ev.date == narrative.value
               for p in ev.participants if p["role"] in ("agent", "patient")}
    for ev in told:
        agents = {p["entity"] for p in ev.participants if p["role"] == "agent"}
        if ev.dated_by == "narrative" and ev.date == narrative.value[:4] and agents and agents <= parties:
            ev.date = narrative.value
