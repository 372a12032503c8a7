"""Give relative temporal expressions their values.

`today`, `now`, `last October` are read against the document's own date (DCT);
`the following month`, `three days later`, `that year`, `July 4` against the date the
narrative is on: the latest absolute date before them in the body text.

Two readings move a DCT-relative word onto the narrative: inside a quotation ("the sums
currently being dispensed", quoted from a 1956 letter) and in a past-tense clause ("Japan
was now ready"), `now`/`currently`/`this year` mean the time being narrated.
"""
from __future__ import annotations

import re
from datetime import date
from functools import cache

from kankei import edtf
from kankei.recognize.date_clock import date_time
from kankei.resolve._anchor_values import apply_relative as _apply
from kankei.resolve._anchor_values import point as _point
from kankei.resolve.tense import clause_before, cues, future, past, recent
from kankei.spans import TimeMention

_APPOSITION = re.compile(r"\s*,?\s*(?:on|in)\s+$")
# what a speaker says or said would happen, the day of the report: ahead of it
_REPORTED_WOULD = re.compile(r"\b(?:said|says|added|adds|announced|told\s+\w+)\s+(?:that\s+)?[^.;]{0,80}?\bwould\s+"
                             r"(?!have\b)[^.;]*$", re.I)
_PAST_NOW = re.compile(r"\b(?:was|were|had|did|would|could)\s+(?:\w+ly\s+)?$")
_NOW_PAST = re.compile(r"\s+(?:was|were|had|became|began|seemed|found)\b")
_CLAUSE_END = re.compile(r"[.;!?\n]\s|[.;!?\n]$")
# "In February 2016, after a nuclear test in January": the month is before the date narrated
# (not 'after four months': a stretch of time after it goes forward)
_BACKWARD = re.compile(r"\b(?:after(?!\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                       r"several|a\s+few|\d+)\s+(?:more\s+)?(?:hours?|days?|weeks?|months?|years?|decades?)\b)"
                       r"|following|since|earlier|previously|preceded\s+by)\b", re.I)
_ATTRIBUTIVE = re.compile(r"\b(?:a|an|the|its|their|his|her)\s+$", re.I)
_WEEKDAY_APPOSITION = re.compile(r"\s*,\s*(?:a|the|on\s+a)?\s*")
# ('to mark the 115th anniversary of the treaty of August 29, 1910': the day counted from, not the story's)
_ANNIVERSARY_OF = re.compile(r"\banniversary\s+of\b[^.;:!?\n]*$", re.I)
_SINCE = re.compile(r"\bsince\s+(?:early\s+|late\s+|mid-?)?$", re.I)
# ('the first since he took office in October': the time of a 'since' clause is a bound too)
# ('has chaired it since its founding in 1998': so is that of a 'since' noun phrase)
_SINCE_CLAUSE = re.compile(r"\bsince\s+(?:he|she|it|they|we|the\s+\w+|[A-Z]\w+|its|his|her|their|our)\s+(?:\w+\s+){1,4}(?:in|on)\s+$")


def resolve_times(times: list[TimeMention], text: str, dct: str | None, body_end: int | None = None,
                  covered: int | None = None) -> None:
    """Fill `value` of relative mentions in place. Mentions past body_end (notes) don't move the
    narrative; `covered`: the year a report covers, the year of a month it names without one."""
    narrative: str | None = None
    narrative_end = 0           # where the mention that set the narrative ends
    dct_point = _point(dct) if dct else None
    # the dates the narrative has been on: "two months later" needs a month to count from,
    # even when a year mentioned in passing came in between (see `_Latest`)
    latest = _Latest()
    clocks: list[tuple[TimeMention, str | None]] = []
    look_back: tuple[str, int] | None = None     # a past told in the pluperfect, and where its sentence ends
    born = _narrator_born(times, text) if any(tm.anchor == "birth" for tm in times) else None
    # (in the news, what a quotation dates is the speaker's story, not where the report goes on)
    news = dct_point is not None and dct_point[2] is not None
    for i, tm in enumerate(times):
        in_body = body_end is None or tm.start < body_end
        if tm.anchor == "birth":
            # ('The spring I turned twelve': the narrator's birth year and twelve; the story is then)
            rel = tm.relative or {}
            year = born + rel["age"] if born is not None else None
            tm.value = None if year is None else f"{year:04d}-{rel['season']}" if "season" in rel else f"{year:04d}"
            if tm.value and in_body:
                narrative, narrative_end = tm.value, tm.end
                latest.values.append(tm.value)
            continue
        if tm.relative and "clock" in tm.relative:
            if news and _STAMP.search(text, max(0, tm.start - 24), tm.start):
                # ('Update 4:10 p.m.' opening a live blog's entry: the page's day again, whatever
                # day the entry before it told of)
                narrative, narrative_end = _day(dct), tm.end
            clocks.append((tm, narrative))     # its day is known once its neighbours have theirs
            continue
        if tm.anchor == "absolute":
            if _ASIDE_RELATIVE.search(text, max(0, tm.start - 80), tm.start):
                # (a time in an aside on someone is neither where the story goes nor what it
                # counts from: 'The mayor, who was elected in April 2022, met them in December'
                # is last December)
                continue
            # ('the first since January 27': a bound the story counts from, not a day it goes on to)
            if tm.type in ("date", "interval") and tm.value and in_body and _reported_before(text, tm, narrative):
                # (a look back: what its own sentence counts from it is of its time: 'had drawn it
                # up on August 22, 1910 and proclaimed it one week later')
                look_back = (tm.value, _sentence_end(text, tm.end))
            elif tm.type in ("date", "interval") and tm.value and in_body and not (news and in_quotation(text, tm.start)) \
                    and not _SINCE.search(text, max(0, tm.start - 16), tm.start) \
                    and not _SINCE_CLAUSE.search(text, max(0, tm.start - 70), tm.start) \
                    and not _ANNIVERSARY_OF.search(text, max(0, tm.start - 160), tm.start):
                narrative = tm.value
                narrative_end = tm.end
                latest.values.append(tm.value)
            continue
        # "Three days later, on 19 January 1956": the apposition says the date
        nxt = times[i + 1] if i + 1 < len(times) else None
        if (nxt and nxt.anchor == "absolute" and nxt.value and nxt.type in ("date", "interval")
                and nxt.start - tm.end <= 6 and _APPOSITION.fullmatch(" " + text[tm.end:nxt.start])):
            tm.value = nxt.value
            continue
        prv = times[i - 1] if i > 0 else None
        if (tm.relative or {}).get("weekday") is not None and prv is not None and prv.anchor == "absolute" \
                and _day(prv.value) and _WEEKDAY_APPOSITION.fullmatch(text, prv.end, tm.start):
            tm.value = _day(prv.value)      # 'on June 17, 2023, a Saturday': that day again
            continue
        anchor = tm.anchor
        if anchor == "dct" and narrative and _narrated(text, tm, _same_year(narrative, dct)):
            anchor = "narrative"
        rel = tm.relative or {}
        if "this_year" in rel:         # "February this year": the document's year
            anchor, rel = "dct", {k: v for k, v in rel.items() if k != "this_year"} | {"year_offset": rel["this_year"]}
        from_look_back = anchor != "dct" and look_back is not None and tm.start < look_back[1]
        base = dct if anchor == "dct" else look_back[0] if from_look_back else narrative
        if anchor == "narrative" and rel.get("unit") == "day" and not rel.get("offset") and not _day(narrative) \
                and _day(dct):
            base = dct                  # "earlier in the day" with no day narrated: the story's day
        if base is None and "month" in rel and "year_offset" not in rel and dct:
            base = dct                  # a bare month or day with nothing narrated yet: the story's own
        if base is None and "weekday" in rel:
            # no document date: "on Wednesday" beside the last day narrated
            base = next((v for v in reversed(latest.values) if _day(v)), None)
        if anchor == "narrative" and rel.get("unit") in ("week", "day", "year") and rel.get("offset") and narrative \
                and not from_look_back and edtf.is_season(narrative):
            # "A week later", after "the spring of 2003": that spring; "a year later": the next spring
            base, rel = edtf.shift(narrative, rel["unit"], rel["offset"]), {"season_kept": True}
        elif anchor == "narrative" and rel.get("unit") in ("month", "week", "day") and rel.get("offset") \
                and not from_look_back and edtf.precision(narrative) not in ("month", "day"):
            # "two months later" after a year mentioned in passing counts from the last month named
            base = latest.month() or base
        if "weekday" in rel and not rel.get("direction") and anchor == "dct" and (
                future(text, tm) or _REPORTED_WOULD.search(clause_before(text, tm))):
            # "is expected to meet on Monday", "added that they would hold a call on Thursday": the next one
            rel = {**rel, "direction": 1}
        value = base if rel.get("season_kept") else _apply(base, rel, anchor)
        if value and "month" in rel and "direction" not in rel and "year_offset" not in rel:
            value = _calendar_year(value, rel, text, tm, narrative_end, base, dct_point)
            if covered and edtf.parse_point(value.split("/")[0]):
                value = f"{covered:04d}{value[4:]}" if "/" not in value else value
                # ('In March, North Korea launched ...' in a report on 2023: March 2023)
        tm.value = value if edtf.in_range(value) else None
        if tm.value and tm.approximate and "/" not in tm.value and edtf.parse_point(tm.value):
            tm.value += "~"
        if tm.value and tm.type == "date" and "/" in tm.value:
            tm.type = "interval"                    # "last week": the calendar week
        pluperfect = anchor == "narrative" and tm.value and _in_pluperfect(text[_sentence_start(text, tm.start):tm.start])
        if pluperfect and in_body and not rel.get("same") and tm.type in ("date", "interval") and not from_look_back:
            # ('said they had left in late October and that the engine broke down two weeks later': a
            # look back, from which its own sentence counts)
            look_back = (tm.value, _sentence_end(text, tm.end))
        if tm.value and in_body and not rel.get("same") and not tm.approximate and tm.type in ("date", "interval") \
                and not from_look_back and not (news and in_quotation(text, tm.start)) \
                and not _SINCE.search(text, max(0, tm.start - 16), tm.start) and not pluperfect \
                and not _SINCE_CLAUSE.search(text, max(0, tm.start - 70), tm.start):
            # "Earlier this year, in March": a date said against the DCT is narrated too
            narrative = tm.value
            narrative_end = tm.end
            latest.values.append(tm.value)
    if clocks:
        _clock_days(times, text, clocks, dct)


_ASIDE_RELATIVE = re.compile(r",\s+(?:who|whose)\s[^,.;:!?\"“”]*$")
_SAME_LINE_GAP = re.compile(r"[^\n.;!?]{0,40}")
# what may stand before a clock time that opens a line, an entry's stamp
_STAMP = re.compile(r"(?:^|\n)[ \t]*(?:(?:UPDATE|Update|Updated|CORRECTION|Correction|Posted|BREAKING)[,:]?[ \t]+)?$")


_NARRATOR_BORN = re.compile(r"\bI\s+was\s+born\b")
_WHO_CLAUSE = re.compile(r"\b(?:who|which)\s+(?:[a-z]+\s+){1,6}(?:in|on)\s+$")
_BORN = re.compile(r"\b(?:was|were)\s+born\b[^.;,]{0,60}$")


def _narrator_born(times: list[TimeMention], text: str) -> int | None:
    """The year the text's 'I' was born ('I was born there in April 1949'): the first time with a
    year in that sentence, after the words."""
    m = _NARRATOR_BORN.search(text)
    if m is None:
        return None
    end = _sentence_end(text, m.end())
    for tm in times:
        if m.end() <= tm.start < end and tm.anchor == "absolute" and tm.value:
            p = edtf.parse_point(tm.value.split("/")[0].rstrip("~?%"))
            if p:
                return p[0]
    return None


def _clock_days(times: list[TimeMention], text: str, clocks: list, dct: str | None) -> None:
    """A clock time's day: the date written beside it ("14:15 GMT, Tuesday, 16 June 2009",
    "October 4, 2022 at 18:49 JST"), else the day being narrated, else the document's."""
    index = {id(tm): i for i, tm in enumerate(times)}
    for tm, narrative in clocks:
        beside = []         # (gap, day) of the dates either side on its line, the nearer first
        i = index[id(tm)]
        for step in (-1, 1):
            j, edge = i + step, tm
            while 0 <= j < len(times) and times[j].relative and "clock" in times[j].relative:
                edge, j = times[j], j + step        # "16:46 GMT 17:46 UK": past the other clock
            if not 0 <= j < len(times) or not _day(times[j].value):
                continue
            a, b = (times[j].end, edge.start) if step < 0 else (edge.end, times[j].start)
            if _SAME_LINE_GAP.fullmatch(text, a, b):
                beside.append((b - a, _day(times[j].value)))
        told = _day(narrative)
        if told and _day(dct) and told > dct:
            told = None     # (a deadline told before, 'due to expire on April 13', is no day the clock was read on)
        day = min(beside)[1] if beside else told or _day(dct)
        tm.value = date_time(day, tm.relative) if day else None


def _day(value: str | None) -> str | None:
    """The value if it names one day."""
    if value and len(value) == 10 and edtf.precision(value) == "day":
        return value
    return None




def _calendar_year(value: str, rel: dict, text: str, tm: TimeMention, narrative_end: int,
                   base: str | None, dct: tuple | None) -> str:
    """The year of a month (and day) named without one: the narrative's reading, moved when
    the clause says otherwise. Before a later month of the same sentence with "after" or
    "earlier" it is the same year or the one before; with future words it is on or after the
    document's date; a past fact in a dated document is not after that date."""
    p = edtf.parse_point(value.split("/")[0])
    if p is None:
        return value
    month, day = rel["month"], rel.get("day") or (rel.get("days") or [None])[0]
    year = p[0]
    b = _point(base)
    gap = text[narrative_end:tm.start]
    # (the word must lead to this date: not 'adopted on March 7 following the test ..., on 5 April')
    lead = _BACKWARD.search(gap)
    backward = bool(b and b[1] and 0 <= len(gap) < 120 and not _CLAUSE_END.search(gap) and lead
                    and "," not in gap[lead.end():])
    if backward:
        year = b[0] if (month, day or 1) <= (b[1], b[2] or 31) else b[0] - 1
    if dct and dct[1]:
        key = (month, day or 0)
        dkey = (dct[1], dct[2] or 0) if day else (dct[1], 0)
        if future(text, tm) and day and dct[2] and _ATTRIBUTIVE.search(text, max(0, tm.start - 8), tm.start) \
                and 0 < (date(dct[0], dct[1], dct[2]) - date(dct[0], month, min(day, 28))).days <= 31:
            # 'will protest ... during the October 3 match' a week after it: the occasion just past
            year = dct[0]
        elif future(text, tm):
            if (year, key) < (dct[0], dkey):
                year = dct[0] if key >= dkey else dct[0] + 1
        elif dct[2] and not backward and (not narrative_end or recent(text, tm) or (
                (len(gap) > cues()["narrative_reach"] or "\n\n" in gap) and edtf.precision(base) not in ("month", "day"))
                # (nor is a bare month told paragraphs after a dated one, far on: 'February 2016' ... a
                # new paragraph of the news ... 'renewed in April' is this past April; a day, 'On
                # October 15', goes on with the story)
                or not day and len(gap) > cues()["narrative_reach"] and "\n\n" in gap and b and b[0] < dct[0] - 1
                or b and b[0] < dct[0] - 1 and _present_frame(text, tm, narrative_end)):
            # no narrated moment close before (a year in passing is none): the story's own
            # months ("In February" in a March story)
            year = _near_year(month, dct, past(text, tm))
        elif (year, key) > (dct[0], dkey) and (dct[2] or day and past(text, tm)) \
                and not _ATTRIBUTIVE.search(text, max(0, tm.start - 8), tm.start):
            # a past fact in a dated news story is not long after its date ("a July 4 deadline"
            # may well lie ahead)
            year = _near_year(month, dct, past(text, tm))
    if year == p[0]:
        return value
    return _apply(edtf.point(year), {k: v for k, v in rel.items() if k != "direction"}, "narrative")


def _present_frame(text: str, tm: TimeMention, narrative_end: int) -> bool:
    """A sentence of now ('has banned ... since 2009, and in April it extended', 'In April the
    Cabinet extended ..., and we are not considering easing them'), after the one that narrated."""
    start, end = _sentence_start(text, tm.start), _sentence_end(text, tm.end)
    return narrative_end <= start and any(p.search(text, start, end) for p in _present_frame_res())


@cache
def _present_frame_res() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in cues()["present_frame"])


def _near_year(month: int, dct: tuple, done: bool = False) -> int:
    """The year of the month nearest the document's date, a little after it or else before (only
    before or in its month when the clause tells what was done)."""
    window = cues()["bare_month_window"]
    ahead = (month - dct[1]) % 12
    if done:
        return dct[0] - (month > dct[1])
    return dct[0] + (month < dct[1]) if ahead <= window["months_after"] else dct[0] - (month > dct[1])


def _same_year(narrative: str | None, dct: str | None) -> bool:
    a, b = _point(narrative), _point(dct)
    return bool(a and b and a[0] == b[0])


def _narrated(text: str, tm: TimeMention, recent: bool = False) -> bool:
    """A DCT word that speaks of the narrative's time: inside a quotation (unless the
    narrative is in the document's own year: then the quotation is today's), or `now` in a
    past clause."""
    if tm.relative and ("weekday" in tm.relative or "month" in tm.relative):
        return False
    if in_quotation(text, tm.start):
        return not recent
    if tm.text.lower() == "now":
        return bool(_PAST_NOW.search(text[max(0, tm.start - 30):tm.start]) or _NOW_PAST.match(text, tm.end))
    return False


# a past perfect after a verb of saying: what the report says had happened before ('said she had
# married ... and died in 1986', 'suggested that women had been seized in the late 1970s')
_PLUPERFECT = re.compile(r"\bhad\s+(?:not\s+|never\s+|already\s+|\w+ly\s+)?(?:been\s+)?"
                         r"(?!to\b|the\b|a\b|an\b|no\b|its\b|his\b|her\b|their\b|some\b|more\b|little\b)[a-z]{3,}\b")


@cache
def _saying() -> re.Pattern:
    """The forms of verbs of saying (grammar.txt [saying_forms]) as one pattern."""
    from kankei.analyze.groups import lists
    return re.compile(r"\b(?:" + "|".join(sorted(lists()["saying_forms"], key=len, reverse=True)) + r")\b")


# How far the sentence around a date is sought (as pipeline._MAX_SENTENCE): a longer "sentence" is a
# list or a text without punctuation, and an unbounded search per date would make such a text quadratic.
_SENTENCE_REACH = 2000


def _sentence_start(text: str, at: int) -> int:
    lo = max(0, at - _SENTENCE_REACH)
    cut = max(text.rfind(". ", lo, at), text.rfind("\n", lo, at))
    return cut + 1 if cut >= 0 else lo


def _sentence_end(text: str, at: int) -> int:
    stop = min(len(text), at + _SENTENCE_REACH)
    ends = [x for x in (text.find(". ", at, stop), text.find("\n", at, stop)) if x >= 0]
    return min(ends) if ends else stop


def _reported_before(text: str, tm: TimeMention, narrative: str | None) -> bool:
    """A date a report gives for what had happened before the story's time: it tells the
    background, and the story stays where it was ('The North said she had died in 1986. Two
    years later it handed over ...': two years after the story's 2002)."""
    if narrative is None:
        return False
    now, then = edtf.bounds(narrative), edtf.bounds(tm.value)
    if now is None or then is None or then[1] >= now[0]:
        return False
    before = text[_sentence_start(text, tm.start):tm.start]
    # ('the graves of Japanese who died there in 1945': a relative clause's past is an aside)
    if _WHO_CLAUSE.search(before) is not None:
        return True
    said = _saying().search(before)
    if said is not None:
        # (in the news, what someone says of years before the page's day is their story too: 'said
        # her aunt was last heard from in 1994')
        return _PLUPERFECT.search(before, said.end()) is not None
    # ('In 1961 he decided to go. The first ships had left in December 1959. That December we
    # took the train': a past before the story's, told in the pluperfect, is a look back)
    # (not a pluperfect of a clause closed before the date: 'his wife, who had helped him, died in 2011')
    if _in_pluperfect(before):
        return True
    # ('The spring I turned twelve ... I was born in April 1949': a birth told after the story's
    # time is its background)
    return _BORN.search(before) is not None


def _in_pluperfect(before: str) -> bool:
    """Whether the words of a sentence before a date end in a pluperfect clause ('He had finished
    school'), not one closed before it ('his wife, who had helped him, died in 2011')."""
    found = list(_PLUPERFECT.finditer(before))
    return bool(found) and "," not in before[found[-1].end():]


def in_quotation(text: str, pos: int) -> bool:
    """Whether pos lies inside a double-quoted passage of its paragraph (sought a bounded way back:
    asked once per date, an unbounded search would make a text of one long line quadratic)."""
    lo = max(0, pos - 2 * _SENTENCE_REACH)
    start = text.rfind("\n", lo, pos) + 1 or lo
    before = text[start:pos]
    if before.count("“") > before.count("”"):
        return True
    return before.count('"') % 2 == 1


class _Latest:
    """The values the narrative has been on, in order; the latest with a month read only when
    asked (rarely), and each value at most once."""

    def __init__(self) -> None:
        self.values: list[str] = []
        self._read = 0
        self._month: str | None = None

    def month(self) -> str | None:
        for value in self.values[self._read:]:
            p = _point(value, 1)
            if p and p[1]:
                self._month = value
        self._read = len(self.values)
        return self._month


def story_day(times: list[TimeMention]) -> str | None:
    """The day a news story without a date of its own tells of: its first weekday ('a court
    ruled on Wednesday') that a dated neighbour resolved. What its people say is said that day."""
    for tm in times:
        if tm.relative and "weekday" in tm.relative and tm.value and len(tm.value) == 10:
            return tm.value
    return None


def merge_relative_ranges(times: list[TimeMention], text: str) -> list[TimeMention]:
    """'from Monday to Wednesday', 'between May 26 and May 28': two dates the text reads
    without a year, joined as a range, are one interval once resolved; the second is on or
    after the first (never a year on because the first took the year)."""
    from kankei.recognize.dates import merge_pairs  # (the recognizer's joiners and openers)
    return merge_pairs(text, times, _relative_range)


def _relative_range(text: str, a: TimeMention, b: TimeMention, j: dict) -> TimeMention | None:
    if a.anchor == "absolute" or b.anchor == "absolute" or not (_day(a.value) and _day(b.value)):
        return None
    gap = text[a.end:b.start]
    if len(gap) > 12 or not j["joiner"].fullmatch(gap):
        return None
    if not j["opener"].search(text[max(0, a.start - 12):a.start]):
        return None             # ('on Monday and Wednesday': two days, no range)
    lo, hi = a.value, b.value
    pa, pb = edtf.parse_point(lo), edtf.parse_point(hi)
    if pa is None or pb is None:
        return None
    # the second in the first's year, or the next one when its month and day come earlier
    year = pa[0] if (pb[1], pb[2]) >= (pa[1], pa[2]) else pa[0] + 1
    hi = f"{year:04d}{hi[4:]}"
    if hi <= lo:
        return None
    return TimeMention(a.start, b.end, text[a.start:b.end], edtf.interval(lo, hi), "interval", anchor=a.anchor,
                       relative=a.relative)
