"""Events: the occurrences a text states, found from the words that state them.

Each sentence with a trigger is read by its clause analysis (event_reader); each event
takes the time of its own clause, else the narrative's time when it continues the story,
else the document's date for what a news story reports; then repeated mentions of one
occurrence in the document become one event with several mentions (event_coref). In the
notes section only correspondence and dispatches ('Inoue to Boissier, 18 January 1956')
are events.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from kankei import edtf
from kankei.analyze.groups import lists as grammar_lists
from kankei.assemble._event_narrative import SPEAKER_TURN, Narrative, advance, main_times, reported_backstory
from kankei.assemble._event_times import appositive_times, first_since_bounds
from kankei.assemble._genders import genders_shown
from kankei.assemble.analyses import Analyses
from kankei.assemble.event_anaphora import anaphoric, decisions_pointed_at
from kankei.assemble.event_coref import _body_start, merge_mentions
from kankei.assemble.event_dates import (
    day_of,
    fallback_date,
    later_than,
    meeting_days,
    near,
    soon_after,
    speakers_days,
)
from kankei.assemble.event_document import (
    OFFICIAL,
    addressee_of,
    author_body_of,
    conditional_future,
    content_of_statements,
    entry_time,
    home_government,
    issuer_of,
    measures_of_the_issuer,
    narrator_of,
    note_events,
    yes_no_question,
)
from kankei.assemble.event_parts import Entities
from kankei.assemble.event_reader import SentenceReader
from kankei.assemble.event_reading import Reading, top_level
from kankei.assemble.event_record import Event, _event_id
from kankei.assemble.event_scan import DocumentScan, SentenceScan
from kankei.assemble.event_story import (
    according_to_told,
    doers_of_the_story,
    enforcers_of_the_story,
    parties_of_accords,
    recent_doers,
    recent_speakers,
    unique_ids,
)
from kankei.assemble.event_time import distinct, stretch_from
from kankei.assemble.triggers import Trigger, lexicon, motion_in, weapon_flight_in, word_sets
from kankei.knowledge import load
from kankei.recognize.gazetteer import gazetteer
from kankei.resolve.tense import future
from kankei.spans import EntityMention, TimeMention

# the focus of a sentence about a person it does not name ('The man was detained'): 'he' is no one named
_UNNAMED = EntityMention(0, 0, "", "", "", "person", how="unnamed")
_WAR = re.compile(r"\bWar\b")
_ACCORD = re.compile(r"\b(?:[Aa]greement|[Aa]ccord|[Dd]eclaration|[Tt]reaty)\b")


def find_events(text: str, doc: str, sentences: list[tuple[int, int]], times: list[TimeMention],
                entities: list[EntityMention], notes_start: int | None = None,
                exclude: set[int] = frozenset(), dct: str | None = None,
                analyses: Analyses | None = None, sections: list[tuple[int, str]] = ()) -> list[Event]:
    """Events of a document. `exclude`: start offsets of times that date the document, not an
    occurrence; `dct`: the document's date (EDTF), for what a news story reports; `analyses`:
    where the sentences' clause analyses are kept for others to share; `sections`: (offset, date) of
    the datelines that open the briefs of a digest, each brief's own day."""
    document = DocumentScan(text)
    # (nor the year of a work cited in brackets: '(Morris-Suzuki 2007: 13)' dates no occurrence)
    citations = [m.span() for m in _CITATION.finditer(text)]
    usable = [t for t in times if t.value and t.type in ("date", "interval") and t.start not in exclude
              and not any(a <= t.start < b for a, b in citations)]
    # (the place and agency of a dateline, 'Pyongyang, August 30 (KCNA) --', file the story: they
    # take part in nothing told in it)
    datelines = [m.span() for m in _DATELINE_HEAD.finditer(text, 0, 3000)]
    ents = sorted((m for m in entities if not any(a <= m.start < b for a, b in datelines)
                   and not any(a <= m.start < b for a, b in citations)), key=lambda m: m.start)
    ent_starts = [m.start for m in ents]
    time_starts = [t.start for t in usable]
    narrative = Narrative(turns=len(SPEAKER_TURN.findall(text, 0, 20000)) >= 3)
    focus: list[EntityMention] = []         # the subjects of the last sentence with events, for pronouns
    issuer = issuer_of(ents, text)
    home = home_government(entities, text)     # ('TOKYO -- The government decided': Japan's)
    narrator = narrator_of(text, ents)      # ('From the notebooks of Yang Chang-sik': his 'I')
    author = author_body_of(text, ents) if narrator is None else None    # (a group's statement: its 'we')
    addressee = addressee_of(text, ents) if author is not None or narrator is not None else None    # (a letter's 'you')
    genders = genders_shown(text, ents)
    # (the pattern's literal part looked for first: a search of the whole text tries its first
    # character class at nearly every position)
    official = issuer if issuer is not None and (issuer.how == "issuer" or " the Government" in text
                                                 and OFFICIAL.search(text)) else None
    body_start = _body_start(text)      # (a headline's present tense is the news of the page's day)
    last_of_type: dict[str, Event] = {}     # the latest dated event of each type, for 'following the resolution'
    last_gathering: str | None = None       # the type of the gathering the last sentence told ('It was held ...')
    news = dct is not None and edtf.precision(dct) == "day"
    events: list[Event] = []
    page_day = dct
    section_starts = [a for a, _ in sections]
    for s, e in sentences:
        if sections:
            k = bisect_left(section_starts, s + 1) - 1
            dct = sections[k][1] if k >= 0 else page_day
        sent_times = usable[bisect_left(time_starts, s):bisect_left(time_starts, e)]
        sent_ents = ents[bisect_left(ent_starts, s):bisect_left(ent_starts, e)]
        if notes_start is not None and s >= notes_start:
            if sent_times:
                events.extend(note_events(text, doc, s, e, sent_times, sent_ents))
            continue
        if yes_no_question(text, s, e):
            continue        # 'Has North Korea responded to the protests?' asks; it tells nothing
        sent = SentenceScan(document, s, e)
        # ('Published Monday, March 9, 2026': the word that labels the page's date tells no event)
        triggers = [t for t in sent.triggers if not _inside(t, sent_times) and not _inside(t, sent_ents)
                    and not any(0 <= x - t.end <= 2 for x in exclude)]
        # a named war is an event where it is told, not where it only names a period ('after World War II')
        triggers += [Trigger(m.start, m.end, m.text, "war", False, True) for m in sent_ents
                     if m.type == "other" and _WAR.search(m.text) and not _inside(m, sent_times)]
        # and a named accord where a time of its own dates it ('the Stockholm agreement of May 2014')
        triggers += [Trigger(m.start, m.end, m.text, "agree", False, True) for m in sent_ents
                     if m.type == "document" and _ACCORD.search(m.text) and not _inside(m, sent_times)]
        # and a named occurrence the knowledge gives a type ('the Allied occupation of Japan from 1945')
        triggers += [Trigger(m.start, m.end, m.text, kind, False, True) for m in sent_ents
                     if m.type == "other" and not _WAR.search(m.text) and (kind := _named_event(m.entity, m.text))
                     and not _inside(m, sent_times)]
        narrative.sentences += 1
        # (a time ahead, 'plans to double spending by 2027', moves no story)
        ahead = {id(t) for t in sent_times if future(text, t)} if sent_times else set()
        said_again = last_gathering is not None and _IT_HELD.match(text, s, e) is not None
        gathering, last_gathering = last_gathering, None
        if not triggers and not motion_in(text, s, e) and not conditional_future(text, s, e) \
                and not _TAKEN.search(text, s, e) and not weapon_flight_in(text, s, e) and not said_again:
            aside = ahead | first_since_bounds(text, s, sent_times) | appositive_times(text, s, sent_times, sent_ents) \
                if sent_times else ahead
            advance(narrative, [t for t in sent_times if id(t) not in aside], s, text, news, dct)
            continue
        triggers.sort(key=lambda t: t.start)
        history = ents[max(0, bisect_left(ent_starts, s) - 30):bisect_left(ent_starts, s)]
        sent_entities = Entities(text, sent_ents, history, focus, issuer, official is not None)
        sent_entities.doers = recent_doers(events, text)
        sent_entities.speakers = recent_speakers(events, text)
        sent_entities.home = home
        sent_entities.genders = genders
        after = bisect_left(ent_starts, e)
        sent_entities.ahead = ents[after:after + 30]
        sent_entities.earlier = (ents, bisect_left(ent_starts, s))
        sent_entities.narrator = narrator
        sent_entities.author = author
        sent_entities.addressee = addressee
        sent_entities.year = _year_told(sent_times, dct)
        reader = SentenceReader(text, s, e, triggers, sent_times, sent_entities, analyses, sent.titles)
        reader.entry = entry = entry_time(text, s, usable, time_starts)
        reader.last_gathering = gathering if said_again else None
        readings = reader.events()
        for r in readings:      # ('the Stockholm agreement of May 2014': the accord is what was agreed)
            named = next((m for m in sent_ents if m.start == r.start and m.end == r.end and m.type == "document"), None)
            if named is not None and r.parts is not None:
                r.parts.add("patient", named, r.type)
        if entry is not None:
            for r in readings:      # ('2002 Sept. 17: Koizumi visits Pyongyang. Kim admits ...': that day)
                if not r.times and r.inherited is None and r.modality in ("asserted", "negated") \
                        and (r.clause is None or r.clause.relation in (None, "coordinate", "parataxis")):
                    r.inherited = entry
        said_of = _subjects(readings, sent_ents)
        if not said_of:
            main = reader.main_subjects()
            said_of = [_UNNAMED] if main is None else [m for m in main if m.how not in ("demonym", "issuer")]
        focus = said_of or focus
        current = narrative.current(text, s, dct)
        # (a story told of other days, in this paragraph: what its sentences do is not today's news)
        elsewhere = current is not None and not near(current.value, dct)
        told = _sentence_events(readings, sent, doc, current, dct, news, elsewhere, last_of_type, e <= body_start)
        gatherings = word_sets()["gathering_nouns"]
        last_gathering = next((t.type for t in reversed(triggers) if t.noun and not t.text[:1].isupper() and (
            (w := t.text.lower().split()[-1]) in gatherings or w[:-1] in gatherings)), None)
        # ('an act that threatens peace': a relative's finite verb is its noun's doing, not the speaker's)
        relatives = [r for r in readings if r.verb and r.clause is not None and r.clause.relation == "relative"
                     and r.clause.predicate is not None]
        # ('as the families pressed him': a finite verb with a subject of its own is that subject's)
        content_of_statements(told, {r.start for r in readings if r.verb and r.clause is not None
                                     and r.clause.predicate is not None and r.clause.predicate.tense is not None
                                     and (r.clause.relation == "relative" and r.clause.marker is not None
                                          or r.clause.subject is not None and not r.clause.shared_subject)},
                              {r.start for r in relatives if r.clause.marker is None and r.clause.subject is not None
                               and r.clause.subject.head.text.lower() in grammar_lists()["message_nouns"]})
        according_to_told(told, text, s, e, last_of_type)
        meeting_days(told, events[-12:], current)
        if official is not None:
            measures_of_the_issuer(told, official)
        events.extend(told)
        if any(ev.dated_by == "narrative" for ev in told):
            narrative.sentences = 0     # the story goes on at that time: so may the next sentence
        # (a time that dates only a subordinate event, 'the moratorium that began in 1999', moves no story)
        aside = {id(t) for r in readings for c in (r.told_by, r.clause if getattr(r.clause, "relation", None) == "relative"
                                                   else None)
                 if c is not None and not top_level(c.parent) for t in r.times}
        # ('the first launch since September, when ...': the time before is no step of the story)
        aside |= getattr(reader, "since_bounds", set()) | ahead | appositive_times(text, s, sent_times, sent_ents)
        # (nor one in a relative clause on a noun of no event: 'the moratorium that began in 1999')
        aside |= {id(t) for t in sent_times if (c := reader.clause_holding(t.start)) is not None
                  and c.relation == "relative" and not top_level(c.parent)}
        # (nor what a report says happened before the story's time: 'The North said she had died in
        # 1986. Two years later it ...' goes on from the story's 2002, not from 1986)
        aside |= reported_backstory(reader, sent_times, current, dct if news else None)
        # (nor the day an anniversary counts from: 'a rally on Friday to mark the 115th anniversary
        # of the treaty of August 29, 1910' is a story of Friday)
        aside |= {id(t) for t in sent_times if _ANNIVERSARY_OF.search(text, max(s, t.start - 160), t.start)}
        rest = [t for t in sent_times if id(t) not in aside]
        # (without a main clause's event, the main clause's own time: 'Last November, ...', not the
        # 1994 of 'a woman who was taken in 1977 and died in 1994')
        own = [t for t in rest if top_level(reader.clause_holding(t.start))]
        advance(narrative, [t for t in main_times(readings) if id(t) not in ahead] or own or rest, s, text, news, dct)
    speakers_days(events, page_day, text, usable)
    doers_of_the_story(events)
    parties_of_accords(events)
    enforcers_of_the_story(events, ents)
    _births_from_life_spans(events, ents, usable, text)
    unique_ids(events)
    merged = merge_mentions(events, text)
    # (once its tellings are one: 'North Korea's fourth nuclear test and a rocket launch', the launch's)
    doers_of_the_story(merged, frozenset({"weapons_test"}))
    return [ev for ev in merged if ev.date is not None or _relation(ev)]


_DATELINE_HEAD = re.compile(r"(?m)^[^\S\n]*[A-Z][^\n()]{0,60}\([A-Z][^()\n]{0,30}\)[^\S\n]*(?:--|[—–-])\s")


def _sentence_events(readings: list[Reading], sent: SentenceScan, doc: str, narrative: TimeMention | None,
                     dct: str | None, news: bool, elsewhere: bool, last_of_type: dict[str, Event],
                     headline: bool = False) -> list[Event]:
    """The events of a sentence's readings, dated; a scene takes the date of the event it sets
    ('At a meeting ..., Abe said'), a clause 'following the resolution' the resolution's."""
    made: dict[int, list[Event]] = {}
    out: list[Event] = []
    told_before: dict[int, Event] = {}      # 'during this summit, Kim apologized': both on that summit's day
    for r in readings:
        if not r.times and r.inherited is None and (anaphoric(r, sent) or _scene_told_just_before(r, sent, last_of_type)):
            before = _last_told(r.head, r.type, last_of_type)
            if before is not None:
                told_before[id(r)] = before
                if r.occasion is not None and not r.occasion.times and r.occasion.inherited is None:
                    told_before[id(r.occasion)] = before
    for r in sorted(readings, key=lambda r: (r.occasion is not None, r.followed_by is not None)):
        if r.occasion is not None and made.get(id(r.occasion)):
            setting = made[id(r.occasion)][0]
            evs = _dated(r, sent, doc, None, None, False)
            for ev in evs:
                ev.date, ev.dated_by = setting.date, setting.dated_by
                if r.occasion_before and ev.date and edtf.precision(ev.date) == "day":
                    ev.date = ev.date[:7]       # (before that day: its month is what the text tells)
                if id(r) in told_before:
                    ev.antecedent = told_before[id(r)]
        elif r.followed_by is not None and made.get(id(r.followed_by)) and made[id(r.followed_by)][0].date:
            evs = _dated(r, sent, doc, None, None, False)
            for ev in evs:      # (before the act it came before, in its year: 'after a test, in February 2016')
                ev.date, ev.dated_by = _year_before(made[id(r.followed_by)][0].date), "anchor"
        else:
            evs = _dated(r, sent, doc, narrative, dct, news, elsewhere, headline)
            told = told_before.get(id(r))
            anchor = told or (last_of_type.get(r.anchor) if r.anchor else None)
            if anchor is not None and not r.times and r.inherited is None:
                for ev in _now_tellings(r, evs):
                    # ('Following the resolution, ...': after its day, in its month)
                    ev.date, ev.dated_by = anchor.date if told else later_than(anchor.date, dct), "anchor"
                    if anaphoric(r, sent):
                        ev.antecedent = anchor
        before = _definite_antecedent(r, sent, last_of_type)
        if before is not None:
            for ev in evs:
                _missing_roles_from(ev, before)     # 'approved the trade ban': the ban told before, on North Korea
        if r.reacts_to is not None and r.reacts_to[1] != r.type:
            # ('extended these sanctions': the same measure goes on, aimed where it was)
            _aimed_at_doers(evs, _last_told(*r.reacts_to, last_of_type))
        made[id(r)] = evs
        said = _reported_in(r, readings, made)
        if said is not None:
            for ev in _now_tellings(r, evs):    # ('announced that it was dissolving the committee': then, as it said so)
                ev.date, ev.dated_by = said.date, said.dated_by
        out.extend(evs)
        for ev in _now_tellings(r, evs):
            if ev.date and ev.modality == "asserted":
                last_of_type[ev.type] = ev
                noun = r.noun_event.head if r.noun_event is not None else None if r.verb else r.head
                if noun is not None:
                    last_of_type[noun.lemma.lower()] = ev     # ('this summit' is the last summit told)
                else:
                    last_of_type["~" + _stem(r.head.lemma)] = ev     # ('ruled ... the ruling': what was ruled)
    decisions_pointed_at(readings, made, sent, last_of_type)
    return out


def _year_before(value: str) -> str | None:
    """The stretch an occurrence told as coming before a dated one lies in: that one's year (the
    year before too, when that one is in January)."""
    p = edtf.parse_point(value.split("/")[0].lstrip(".").rstrip("~?%"))
    if p is None:
        return None
    year, month = p[0], p[1]
    return f"{year - 1:04d}/{year:04d}" if month == 1 else f"{year:04d}"


def _year_told(times: list[TimeMention], dct: str | None) -> int | None:
    """The year a sentence tells of: its first dated time's, else the page's."""
    for v in [t.value for t in times] + [dct]:
        if v and v[:4].isdigit() and (len(v) == 4 or v[4] in "-/"):
            return int(v[:4])
    return None


def _now_tellings(r: Reading, evs: list[Event]) -> list[Event]:
    """The events of a reading but the time before of a 'first ... since September 2017': that
    one is dated by its own words, and is not the occurrence the story goes on from."""
    before = {(t.start, t.end) for t in r.before}
    return [ev for ev in evs if ev.time not in before] if before else evs


_UNTIL = re.compile(r"\b(?:until|till|up\s+to)\b[^,;.]{0,50}$", re.I)
# an author's name (and 'et al.', a second author) then a year in brackets, maybe a page: a citation
# ('(Morris-Suzuki 2007: 13)', '(Ozawa 1973, 201-9)'): its year dates no occurrence, its author does nothing
_CITATION = re.compile(r"\((?:see\s+|cf\.\s+)?[A-Z][\w’'-]+(?:[-\s][A-Z][\w’'-]+)?(?:\s+(?:and|&)\s+[A-Z][\w’'-]+|\s+et\s+al\.)?"
                       r",?\s*\d{4}[a-z]?(?:\s*[:,;]\s*(?:p+\.\s*)?[\dxivlc]+(?:\s*[-–]\s*[\dxivlc]+)?)?\s*\)")
# ('It was held instead on 24 February', 'It took place on Sunday': a gathering named again by 'it')
_IT_HELD = re.compile(r"\s*(?:It|They)\s+(?:(?:was|were)\s+(?:\w+\s+)?held|took\s+place)\b")
_ANNIVERSARY_OF = re.compile(r"\banniversary\s+of\b[^.;:!?]*$", re.I)
# ('was taken away by security officials': a person taken, which no trigger names)
_TAKEN = re.compile(r"\b(?:was|were|been|being)\s+(?:\w+ly\s+)?taken\b")
_SPAN_DASH = re.compile(r"\s*[–—-]{1,2}\s*")


def _births_from_life_spans(events: list[Event], ents: list[EntityMention], times: list[TimeMention],
                            text: str) -> None:
    """'Ko Chang-ho (14 March 1934 – 2 November 2017) was a writer. Born in Osaka, he ...': an
    undated birth of a person whose first mention carries a life span is on its first date."""
    for ev in events:
        if ev.date is not None or ev.text.lower() not in word_sets()["not_news"]:
            continue
        person = next((p["entity"] for p in ev.participants if p["entity"].startswith("person:")), None)
        first = next((m for m in ents if m.entity == person and text.startswith(" (", m.end)), None)
        if first is None:
            continue
        close = text.find(")", first.end, first.end + 240)
        inside = [t for t in times if first.end < t.start and t.end <= close and t.value]
        span = next((t for t in inside if t.type == "interval" and "/" in t.value), None)
        if span is not None:        # ('14 March 1934 – 2 November 2017': one interval)
            ev.date, ev.dated_by = span.value.split("/")[0], "clause"
            continue
        for a, b in zip(inside, inside[1:], strict=False):
            if _SPAN_DASH.fullmatch(text, a.end, b.start):
                ev.date, ev.dated_by = a.value, "clause"
                break


def _named_event(entity: str, name: str = "") -> str | None:
    """The event type of a named occurrence: the knowledge's, else its name's last word's
    (event_triggers.yaml `named_occasions`: 'the G7 Hiroshima Summit')."""
    entry = gazetteer().entries.get(entity)
    if entry is not None:
        return getattr(entry, "event", None)
    words = name.split()
    return load("event_triggers")["named_occasions"].get(words[-1]) if len(words) > 1 else None


def _reported_in(r: Reading, readings: list[Reading], made: dict[int, list[Event]]) -> Event | None:
    """The dated statement whose complement tells, in the past (not the past perfect), an act
    with no time of its own, or rules one out or plans it ('would not ease'): that act is of the
    statement's time."""
    c = r.clause
    if r.times or r.inherited is not None or c is None or c.relation != "complement" or c.parent is None or not r.verb:
        return None
    vg, top = c.predicate, c.parent.predicate
    if vg is None or top is None or top.lemma not in word_sets()["reporting"] or top.tense != "past":
        return None
    # ('told the committee on Wednesday that Japan would not ease its sanctions': ruled out, or
    # planned, that day)
    ruled_out = r.modality in ("negated", "hypothetical") and (vg.modal in ("would", "will") or vg.tense == "future")
    if not ruled_out and (r.modality != "asserted" or vg.tense != "past" or vg.aspect == "perfect" or vg.modal):
        return None
    said = next((x for x in readings if x.clause is c.parent and x.verb and x.head is top.head and made.get(id(x))), None)
    ev = made[id(said)][0] if said is not None else None
    return ev if ev is not None and ev.date and ev.dated_by in ("clause", "narrative") else None


_DEFINITE = re.compile(r"\bthe\s+(?:[\w-]+\s+){0,2}$")


def _definite_antecedent(r: Reading, sent: SentenceScan, last_of_type: dict[str, Event]) -> Event | None:
    """The event a definite event noun ('the trade ban', 'the summit') names again, if told before."""
    noun = r.noun_event if r.noun_event is not None else None if r.verb else r
    if noun is None or not _DEFINITE.search(sent.text, max(sent.s, noun.start - 30), noun.start):
        return None
    return _last_told(noun.head, r.type, last_of_type)


def _last_told(head, etype: str, last_of_type: dict[str, Event]) -> Event | None:
    """The last event told with this noun ('the summit') or its verb ('ruled', for 'the ruling'),
    else of this type."""
    lemma = head.lemma.lower()
    return last_of_type.get(lemma) or last_of_type.get("~" + _stem(_NOMINAL.sub("", lemma))) or last_of_type.get(etype)


def _stem(word: str) -> str:
    """A verb's lemma less a final e, as its nouns begin ('rule' -> 'rul': 'ruling')."""
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


_NOMINAL = re.compile(r"(?:ment|ing|ion|al)$")


def _aimed_at_doers(evs: list[Event], told: Event | None) -> None:
    """'Japan condemned the launch': the protest is aimed at whoever launched, as told before
    (not at the state the story names most)."""
    doers = [p for p in (told.participants if told is not None else []) if p["role"] == "agent"]
    if not doers:
        return
    for ev in evs:
        own = {p["entity"] for p in ev.participants if p["role"] == "agent"}
        aimed = [dict(p, role="patient", via="antecedent") for p in doers if p["entity"] not in own]
        if aimed:
            ev.participants = [p for p in ev.participants if p.get("via") != "context"] + aimed


def _missing_roles_from(ev: Event, before: Event) -> None:
    have = {p["role"] for p in ev.participants}
    for role in ("agent", "patient"):
        if role not in have:
            ev.participants = ev.participants + [p for p in before.participants if p["role"] == role
                                                 and not any(q["entity"] == p["entity"] for q in ev.participants)]


def _scene_told_just_before(r: Reading, sent: SentenceScan, last_of_type: dict[str, Event]) -> bool:
    """'Koizumi flew to Pyongyang ... At the one-day summit Kim admitted': a definite event noun
    that sets the scene of its clause is the occurrence of its type told just before it."""
    if r.verb or r.noun_event is not None or r.occasion is None \
            or not _DEFINITE.search(sent.text, max(sent.s, r.start - 30), r.start):
        return False
    same_noun = last_of_type.get(r.head.lemma.lower())
    if same_noun is not None and 0 < r.start - same_noun.end < _SAME_NOUN_BEFORE:
        return True     # ('A rally took place ... Opening the rally, Kim said': paragraphs later)
    before = _last_told(r.head, r.type, last_of_type)
    return before is not None and 0 < r.start - before.end < _JUST_BEFORE


_JUST_BEFORE = 300      # characters: the sentence before, or the one before that
_SAME_NOUN_BEFORE = 1200    # characters: the same noun, a few paragraphs on


def _relation(ev: Event) -> bool:
    """An undated event is kept when it says who acted on whom (the network shows it); the
    rest of what is undated has no place on a timeline."""
    roles = {p["role"] for p in ev.participants if "via" not in p}
    return ev.modality == "asserted" and "agent" in roles and "patient" in roles


def _subjects(readings: list[Reading], ents: list[EntityMention]) -> list[EntityMention]:
    """The actors that were the main clause's subject: what the next sentence's 'he' or 'it' goes on about."""
    by_span = {(m.start, m.end): m for m in ents}
    for r in readings:
        if r.clause is not None and r.clause.relation is None and r.parts is not None:
            passive = r.clause.predicate is not None and r.clause.predicate.voice == "passive"
            role = "patient" if passive else "agent"
            found = [by_span[(p["start"], p["end"])] for p in r.parts.items
                     if p["role"] == role and (p["start"], p["end"]) in by_span]
            if found:
                return found
    return []


def _dated(r: Reading, sent: SentenceScan, doc: str, narrative: TimeMention | None, dct: str | None,
           news: bool, elsewhere: bool = False, headline: bool = False) -> list[Event]:
    """The events of one reading: one per distinct time of its own clause, else one dated by the
    narrative or the document (or undated)."""
    hedged = sent.hedged() and r.hedge_here
    trigger = sent.text[r.start:r.end]
    key = sent.key()

    def make(date: str | None, tm: TimeMention | None, how: str | None) -> Event:
        modality = r.modality
        if modality == "asserted" and tm is not None and news and soon_after(date, dct):
            if _told_as_past(r) and _bare_month(tm) and not _after_event_noun(sent.text, tm):
                # 'returned the remains in May', in an April story: last May (the time is read again)
                tm.value = edtf.shift(tm.value, "year", -1) or tm.value
                date = day_of(tm.value)
            else:
                modality = "hypothetical"       # its own time is just after the story's: planned, not done
        return Event(id=_event_id(doc, r.type, trigger + ("" if tm is None else f"@{tm.start - sent.s}"), key),
                     type=r.type, date=date, start=r.start, end=r.end, text=trigger,
                     participants=r.parts.items if r.parts else [], modality=modality, hedged=hedged or r.hedged,
                     time=(tm.start, tm.end) if tm is not None else None, sentence=(sent.s, sent.e), dated_by=how,
                     apart=r.apart is not None)

    own = distinct(r.times or ([r.inherited] if r.inherited is not None else []), sent.text)
    if len(own) > 1:
        # ('continued through the 1970s, until the last voyage in July 1984': the end it went on to is
        # no occurrence of its own)
        own = [t for t in own if not _UNTIL.search(sent.text, max(sent.s, t.start - 60), t.start)] or own
    # ('for the first time since September 2017': the time before is an occurrence of its own)
    earlier = [make(day_of(t.value.split("/")[0]), t, "clause") for t in r.before]
    if own:
        return [make(day_of(t.value), t, "clause") for t in own] + earlier
    date, how = fallback_date(r, narrative, dct, news, elsewhere, headline)
    if r.apart is not None:
        # ('The launch came a day after the North fired ...': a day before the story's day)
        date = stretch_from(narrative.value if narrative is not None else dct if news else None, *r.apart)
        how = "narrative" if date else None
    return [make(day_of(date), None, how), *earlier]


def _told_as_past(r: Reading) -> bool:
    vg = getattr(r.clause, "predicate", None) if r.verb else None
    return vg is not None and vg.tense == "past" and not vg.modal and vg.form == "finite"


def _after_event_noun(text: str, tm: TimeMention) -> bool:
    """'dissolved for an election in October': the month is the election's, which may lie ahead."""
    words = re.findall(r"[A-Za-z-]+", text[max(0, tm.start - 40):tm.start])
    if len(words) < 2 or words[-1].lower() not in ("in", "on", "of"):
        return False
    entry = lexicon().get(words[-2].lower())
    return entry is not None and entry[1]


def _bare_month(tm: TimeMention) -> bool:
    """A month (or a day of one) named without its year ('in May', 'on May 3')."""
    rel = tm.relative or {}
    return "month" in rel and "year_offset" not in rel and "direction" not in rel


def _inside(t: Trigger, spans) -> bool:
    for m in spans:         # a loop, not any(): called for every trigger
        if m.start <= t.start and t.end <= m.end:
            return True
    return False


