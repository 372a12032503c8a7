"""The document's own date and title, when the text says them near its top."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from kankei import edtf
from kankei.knowledge import load
from kankei.recognize.dates import find_times
from kankei.spans import TimeMention

# "Last Updated June 2015", "Published: 3 March 2011", "Published online: 9 June 2016", "Posted on : ...", "Date: ..."
_CUE = re.compile(
    r"(?i:\b(?:(?:last\s+|first\s+)?(?:updated|published|posted|released|edited|modified|revised|issued)(?:\s+online)?"
    r"|dated?|sent))(?:\s*(?:on|at|in|:|-|–)\s*)*$")
_THING_DATED = re.compile(r"(?i)\b(?:a|an|the|its|his|her|their|this|that)\s+[a-z][\w-]*\s+(?:dated|sent|issued|published)\s+(?:on\s+)?$")
_HEADER_CUE = re.compile(r"(?i:\b(?:dated?|sent)\s*:?\s*$)")
# "This page was last edited on 3 January 2021": a wiki's footer dates the version read
_FOOTER_CUE = re.compile(r"(?i:\blast\s+(?:edited|modified|updated))\s*(?:on|:)?\s*$")
# "TOKYO, March 3 (Reuters) -" / "SEOUL, May. 23, 2004 --" / "Pyongyang, January 26 (KCNA) --":
# a place at a paragraph start, then the date; a place written in capitals needs nothing after
# the date, one in title case an agency in brackets or a dash
# (a state may follow the place: "KANAZAWA, Japan, May 12, 2026 (Japan Press Wire) --")
_DATELINE_CAPS = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Z .'’-]{2,30},(?:[ \t]*[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?,)?[ \t]*$")
_DATELINE_TITLE = re.compile(r"(?:^|\n)[ \t]*[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2},[ \t]*$")
_DATELINE_TAIL = re.compile(r"[ \t]*(?:\([^()\n]{1,30}\)|[A-Z][A-Za-z]+)?[ \t]*(?:--|—|–|-|:|$|\n)")
# what a date line may hold besides its dates and times: "Page last updated at", "BBC", "(PM)"
_LINE_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_LINE_FILLER = {"posted", "on", "at", "updated", "last", "page", "published", "modified", "first", "online",
                "date", "dated", "by", "released", "edited", "revised", "issued", "time", "local", "am", "pm",
                "jst", "kst", "gmt", "utc", "bst", "cet", "est", "edt", "pst", "pdt"}
_WEEKDAY = re.compile(r"(?i:\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?\b\.?)")
_COPYRIGHT = re.compile(r"(?i:(?:\bcopyright|©)\s*(?:\(c\)\s*|©\s*)?)((?:19|20)\d\d)(?![\d–-])")
_FILE_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?!\d)")
_HEAD_CHARS = 1500
_CLOCK_INSIDE = re.compile(r"\d:\d\d")


@dataclass
class DocDate:
    """The document's own date, the mention that states it, and where it was found."""
    value: str | None = None
    mention: TimeMention | None = None
    source: str | None = None      # dateline | byline | header | footer | html | copyright | filename


def document_date(text: str, times: list[TimeMention], hint: str | None = None) -> tuple[str | None, TimeMention | None]:
    """(EDTF date, the mention that states it): see `infer_document_date`."""
    got = infer_document_date(text, times, hint)
    return got.value, got.mention


def infer_document_date(text: str, times: list[TimeMention], hint: str | None = None,
                        name: str | None = None) -> DocDate:
    """The document's date: a dateline, a publication or header line near the top (before
    any date of the body), a wiki footer, the HTML metadata, a copyright year, and last a
    date in the file name. A dateline without a year ("TOKYO, Nov. 27 (Kyodo) --") takes
    the copyright year or that of a header date; its mention then holds the full date."""
    for tm in times:
        if tm.start > _HEAD_CHARS:
            break
        if tm.type != "date" or (tm.relative and "clock" in tm.relative):
            continue
        before = text[max(0, tm.start - 40):tm.start]
        line_start = text.rfind("\n", 0, tm.start) + 1
        if tm.anchor != "absolute":
            rel = tm.relative or {}
            if set(rel) == {"month", "day"} and _dateline(text, tm, before):
                year = _year_elsewhere(text, times, rel["month"], rel["day"])
                if year:
                    tm.value, tm.anchor, tm.relative = f"{year:04d}-{rel['month']:02d}-{rel['day']:02d}", "absolute", None
                    return DocDate(tm.value, tm, "dateline")
            continue
        if not tm.value or " > " in text[line_start:tm.start]:
            continue            # a breadcrumb ("Home > News > June 2018 > ...") is no date line
        if _dateline(text, tm, before):
            return DocDate(tm.value, tm, "dateline")
        if tm.start < 600 and _CLOCK_INSIDE.search(tm.text):
            return DocDate(tm.value, tm, "header")       # "From a@b.org Wed Jul 5 10:22:01 2006"
        if _CUE.search(_without_clock(text, times, line_start, tm.start)[-40:]) \
                and not _THING_DATED.search(before):     # ('In a letter dated 24 March 2021, ...': a letter's date)
            return DocDate(tm.value, tm, "header" if _HEADER_CUE.search(before) else "byline")
        if tm.start < 600 and _date_line(text, times, tm, line_start):
            return DocDate(tm.value, tm, "byline")        # a date alone on a line under the title
    for tm in reversed(times):
        if tm.value and tm.anchor == "absolute" and tm.type == "date" \
                and _FOOTER_CUE.search(text[max(0, tm.start - 40):tm.start]):
            return DocDate(tm.value, tm, "footer")
    if hint:
        m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", hint.strip())
        if m:
            return DocDate("-".join(x for x in m.groups() if x), None, "html")
    if year := _copyright_year(text):
        return DocDate(f"{year:04d}", None, "copyright")
    if name and (m := _FILE_DATE.search(name)):
        y, mo, d = map(int, m.groups())
        if d <= edtf.last_day(y, mo):
            return DocDate(edtf.point(y, mo, d), None, "filename")
    return DocDate()


_WEEKDAY_FIRST = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]*)?"     # ('Monday, 12 December 1959')
_SECTION_DATELINE = re.compile(r"[ \t]*[A-Z][A-Z .'’-]{2,30},[ \t]*" + _WEEKDAY_FIRST)


_COVERS = re.compile(r"\b(?:covers|covering|covered|reviews|reviewing)\b[^.\n]{0,40}$", re.I)


# a title line naming the year a report is of: 'Activity Report for 2024', '2023 Annual Report'
_REPORT_TITLE_BEFORE = re.compile(r"(?im)^[^\n.]{0,60}\b(?:report|review|yearbook|chronicle|activities|white paper)"
                                  r"(?:\s+(?:for|of|on))?(?:\s+the\s+year)?\s*$")
_REPORT_TITLE_AFTER = re.compile(r"(?i)\s*(?:annual\s+|activity\s+|activities\s+)*(?:report|review|in review)\b[^\n.]{0,40}$",
                                 re.M)


def covered_year(text: str, times: list[TimeMention]) -> int | None:
    """The year a report covers, as its header says ('Covers developments from January to December
    2023', 'Activity Report for 2024'): the year of the months it names without one ('In March,
    North Korea launched ...')."""
    for tm in times:
        if tm.start > 800:
            break
        if not tm.value or tm.anchor != "absolute":
            continue
        line_start = text.rfind("\n", 0, tm.start) + 1
        title = tm.start < 400 and len(tm.value) == 4 and (
            _REPORT_TITLE_BEFORE.fullmatch(text, line_start, tm.start) is not None
            or line_start == tm.start and _REPORT_TITLE_AFTER.match(text, tm.end) is not None)
        if title or _COVERS.search(text, max(0, tm.start - 60), tm.start):
            span = edtf.bounds(tm.value)
            if span is not None and span[0][:4] == span[1][:4]:
                return int(span[0][:4])
    return None


def dateline_mentions(text: str, times: list[TimeMention]) -> set[int]:
    """The starts of the dates in the story's opening dateline ('TOKYO, June 9 (Kyodo) --'): they
    date the page, not an occurrence, even where the page's date is given from outside."""
    out = set()
    for tm in times:
        if tm.start > _HEAD_CHARS:
            break
        if tm.type == "date" and _dateline(text, tm, text[max(0, tm.start - 40):tm.start]):
            out.add(tm.start)
            break
    return out


def section_dates(text: str, times: list[TimeMention], published_at: TimeMention | None) -> list[tuple[int, str]]:
    """(line start, date) of each dateline that opens a brief inside the document ('KOBE, Monday,
    Feb. 16 --' in a weekly digest, a roundup's second story): what its brief tells as today,
    this week or on Tuesday is counted from it, not from the page's date."""
    out = []
    first_entry = None      # (the page's date read off a diary's first entry heading, kept apart below)
    for tm in times:
        if tm.type != "date" or not tm.value or edtf.precision(tm.value) != "day":
            continue
        line_start = text.rfind("\n", 0, tm.start) + 1
        if line_start > 0 and _entry_heading(text, tm, line_start):
            if tm is published_at:
                first_entry = (line_start, tm.value)
            else:
                out.append((line_start, tm.value))      # ('14 December 1959' over a diary's entry, a letter's date)
            continue
        if tm is published_at:
            continue
        if line_start == 0 or tm.start - line_start > 48 or not _SECTION_DATELINE.fullmatch(text, line_start, tm.start) \
                or not _DATELINE_TAIL.match(text, tm.end):
            continue
        out.append((line_start, tm.value))
    if first_entry is not None and any(day != first_entry[1] for _, day in out):
        # (a diary's entries, the first of which also dated the page: it opens an entry too)
        out = sorted([first_entry, *out])
    return out


_ENTRY_HEAD = re.compile(r"[ \t]*" + _WEEKDAY_FIRST)
_ENTRY_TAIL = re.compile(r"[ \t]*[.:]?[ \t]*(?:\n|$)")


def _entry_heading(text: str, tm: TimeMention, line_start: int) -> bool:
    """A line that is a day's date alone, over a diary's entry or a letter: what the entry tells as
    this morning or yesterday counts from it."""
    return _ENTRY_HEAD.fullmatch(text, line_start, tm.start) is not None and _ENTRY_TAIL.match(text, tm.end) is not None


def _dateline(text: str, tm: TimeMention, before: str) -> bool:
    if _DATELINE_CAPS.search(before):
        return True
    return bool(_DATELINE_TITLE.search(before) and _DATELINE_TAIL.match(text, tm.end))


def _without_clock(text: str, times: list[TimeMention], a: int, b: int) -> str:
    """text[a:b] without the clock times and weekdays in it ("updated at 14:15 GMT, Tuesday, ")."""
    out, pos = [], a
    for t in times:
        if t.start >= b:
            break
        if t.end > pos and t.start >= a and t.relative and "clock" in t.relative:
            out.append(text[pos:t.start])
            pos = t.end
    out.append(text[pos:b])
    return _WEEKDAY.sub(" ", "".join(out)).rstrip(" ,")


_FIELD_BAR = re.compile(r"\s[|•·]\s|\S\s[-–—]\s")
_ISSUE = re.compile(r"(?i:issue|edition)\b")


def _whole_field(text: str, tm: TimeMention, line_start: int, line_end: int) -> bool:
    """Whether the date fills one field of a line of fields set apart by bars, or by dashes
    after a field of their own ('KYODO NEWS - Feb 14, 2023 - 18:42 | Japan'; not a chronology's
    'May 29, 2014 - Agreement reached')."""
    left = text[line_start:tm.start].rstrip()
    right = text[tm.end:line_end].lstrip()
    if (m := _ISSUE.match(right)) is not None:
        right = right[m.end():].lstrip()        # ('| April 2025 issue |': the issue's date)
    if left and left[-1] in "-–—" and left[:-1].strip():
        return not right or right[0] in "|•·-–—"
    return (not left or left[-1] in "|•·") and (not right or right[0] in "|•·")


def _date_line(text: str, times: list[TimeMention], tm: TimeMention, line_start: int) -> bool:
    """A line that is its date but for a few words: "BBC Thursday, 3 May, 2001, 16:46 GMT",
    "October 4, 2022 at 18:49 JST", "June 11, 2018 (PM)"."""
    line_end = text.find("\n", tm.end)
    line_end = len(text) if line_end < 0 else line_end
    if line_end - line_start > 120:
        return False
    if _FIELD_BAR.search(text, line_start, line_end) and _whole_field(text, tm, line_start, line_end):
        # "BOOKS | The Weekly | November 15, 2025"; a quarterly's "| Summer 2024 edition |"
        return edtf.precision(tm.value) in ("day", "month") \
            or bool(_ISSUE.match(text[tm.end:line_end].lstrip())) and edtf.is_season(tm.value)
    rest, pos = [], line_start
    for t in times:
        if t.end <= line_start or t.start < pos:
            continue
        if t.start >= line_end:
            break
        rest.append(text[pos:t.start])
        pos = t.end
    rest.append(text[pos:line_end])
    # ('Broadcast script: Tuesday, June 9, 2026, 12:00 (JST)': a short label before a colon names the date)
    label, colon, after = rest[0].rpartition(":")
    if colon and len(_LINE_WORD.findall(label)) <= 3 and not after.strip(" ,"):
        rest[0] = ""
    words = [w for w in _LINE_WORD.findall(_WEEKDAY.sub(" ", " ".join(rest))) if w.lower().strip(".") not in _LINE_FILLER]
    return len(words) <= 2 and edtf.precision(tm.value) in ("day", "month")


def _copyright_year(text: str) -> int | None:
    m = _COPYRIGHT.search(text)
    return int(m.group(1)) if m else None


def _year_elsewhere(text: str, times: list[TimeMention], month: int = 0, day: int = 0) -> int | None:
    """The year of a dateline that gives none: the copyright's, else a header date's ("Date: Dec
    3, 2001"). Not the latest year the text names: a story of 2024 that recalls the 2006 ban is
    no story of 2006, and a wrong year misdates every "on Tuesday" of it; without one the page's
    day is unknown."""
    if year := _copyright_year(text):
        return year
    for tm in times:
        if tm.anchor == "absolute" and tm.type == "date" and tm.value and (p := edtf.parse_point(tm.value.rstrip("~"))):
            if _HEADER_CUE.search(text[max(0, tm.start - 12):tm.start]):
                return p[0]
    # a full date in the text a few days before the dateline's day ('the documents adopted on
    # December 16, 2022', under 'Pyongyang, December 20'): the story is of that year
    if (year := _anniversary_year(text, times)) is not None:
        return year
    near = [y for y in _days_before(times, month, day)]
    return max(near) if near else None


_ANNIVERSARY = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th) anniversary of\b[^.]{0,200}?\b((?:1[89]|20)\d\d)\b")


def _anniversary_year(text: str, times: list[TimeMention]) -> int | None:
    """'to mark the 115th anniversary of ... on August 22, 1910': the year the text is of (a KCNA
    dateline gives none), when the first anniversary it marks names its year."""
    m = _ANNIVERSARY.search(text, 0, min(len(text), _HEAD_CHARS))
    return int(m.group(2)) + int(m.group(1)) if m else None


_RECENT_DAYS = 30


def _days_before(times: list[TimeMention], month: int, day: int):
    """The years of the text's full dates that fall within a month before the given day of that year."""
    for tm in times:
        p = edtf.parse_point((tm.value or "").rstrip("~")) if tm.anchor == "absolute" and tm.type == "date" else None
        if not p or p[1] is None or p[2] is None or not month or not day:
            continue
        try:
            gap = (date(p[0], month, day) - date(*p)).days
        except ValueError:
            continue
        if 0 <= gap <= _RECENT_DAYS:
            yield p[0]





_NOT_TITLE = re.compile(r"^(?:by|credit|photo|image|authors?|posted|published|updated|last updated|with support|"
                        r"from wikipedia|this article is about)\b", re.I)


_WIKI_TAGLINE = re.compile(r"From Wikipedia\b", re.I)


def _label(line: str, words: list[str]) -> bool:
    """A section label or masthead above the headline: "ISSUE BRIEF | Asia Program", "TRADE REVIEW"."""
    return " | " in line or (line.isupper() and len(words) <= 4)


_WORD = re.compile(r"[A-Za-z][\w'’-]*")


_WIKI_HEADING = re.compile(r"^=+\s*(.+?)\s*=+$")
_BREADCRUMB = re.compile(r"\s(?:>|»|›)\s")
_FIELDS = re.compile(r"\s:\s.*\s:\s")        # "site.com : FORUM : Current News : One Thread"
_ABBREVIATED_END = re.compile(r"\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?"
                              r"|Oct|Nov|Dec|U\.S|U\.N|Inc|Co|Jr|Sr|St|No)\.$")
_LETTERS = re.compile(r"[^\W\d_]{2}")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_CITATION = re.compile(r"\b(?:Vol|No|pp|ISSN|doi)\.?\s*\d|;.*;")      # a journal line, a caption's fields
_LEADING_DATE_CUE = re.compile(r"^\W*(?:(?:date|dated|posted|published|updated)\W*)?$", re.I)
_LEADING_DATE = re.compile(r"^\W*(?:(?:date|dated|posted|published|updated)\W*)?\d", re.I)


@cache
def _doc_cues() -> dict:
    data = load("doc_cues")
    return {"masthead": {w.lower() for w in data["masthead_words"]}, "chrome": {w.lower() for w in data["chrome_words"]}}


def occasion_date(text: str, times: list[TimeMention]) -> str | None:
    """The day of the meeting a record or minutes tell, from a header line that opens with a word
    of `occasion_cues` ('Held at Headquarters, New York, on Wednesday, 29 October 2025')."""
    cues = _occasion_cue()
    return None if cues is None else _head_day(times, lambda t: cues.match(text, text.rfind("\n", 0, t.start) + 1))


_OCCASION_HEAD = 1500       # characters: a record's header


def interview_date(text: str, times: list[TimeMention]) -> str | None:
    """The day an interview was held, told near the top ('We spoke to her at the group's office
    on February 26'): what the interviewee calls 'today' or 'this month' is of that day."""
    cue = _interview_cue()
    # (the cue in the day's own sentence)
    return None if cue is None else _head_day(times, lambda t: cue.search(
        text, max(text.rfind(". ", 0, t.start), text.rfind("\n\n", 0, t.start)) + 1, t.start))


def _head_day(times: list[TimeMention], told) -> str | None:
    """The first full day near the top of a document for which `told(time)` holds."""
    for t in times:
        if t.start > _OCCASION_HEAD:
            break
        if t.type == "date" and t.value and len(t.value) == 10 and told(t):
            return t.value
    return None


@cache
def _interview_cue() -> re.Pattern | None:
    words = load("doc_cues").get("interview_cues") or []
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I) if words else None


@cache
def _occasion_cue() -> re.Pattern | None:
    words = load("doc_cues").get("occasion_cues") or []
    if not words:
        return None
    return re.compile(r"\W*(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


def document_title(text: str) -> str | None:
    """The headline: a wiki's title, else the first line near the top that reads like one:
    not a date line, byline, credit, breadcrumb, section label (also one a breadcrumb above
    named), masthead or page furniture, nor a sentence of the body; else None."""
    lines = [ln for ln in map(str.strip, text[:3000].splitlines()) if ln]
    for i, line in enumerate(lines[1:4], 1):
        if _WIKI_TAGLINE.match(line):
            return lines[i - 1]          # a wiki page: its title sits right above the tagline
    if lines and (m := _WIKI_HEADING.match(lines[0])):
        return m.group(1)
    cues = _doc_cues()
    crumbs: set[str] = set()
    dated = False
    for line in lines[:12]:
        if _BREADCRUMB.search(line):
            # the last step of a breadcrumb is the page's title; the others are sections
            steps = [p.strip().lower() for p in _BREADCRUMB.split(line) if not _is_date_line(p)]
            crumbs.update(steps[:-1])
            continue
        line = _without_leading_date(line)
        words = _WORD.findall(line)
        if dated and len(line) > 200:
            break               # past the date line, a paragraph: the body has begun
        if len(line) <= 200 and _is_date_line(line):
            dated = True
            continue
        if not _ASCII_LETTER.search(line) and _LETTERS.search(line) and not _is_date_line(line):
            return line         # a headline in another script
        if len(line) > 200 or len(words) < 3 or _NOT_TITLE.match(line) or _label(line, words) \
                or _FIELDS.search(line) or _CITATION.search(line) or line.lower() in crumbs:
            continue
        if line.endswith(".") and not _ABBREVIATED_END.search(line):
            continue
        lowered = [w.lower().strip("'’") for w in words]
        if all(w in cues["chrome"] for w in lowered):
            continue
        if len(words) <= 5 and any(w.lower() in cues["masthead"] or w in cues["masthead"] for w in words):
            continue
        return line
    return None


def _without_leading_date(line: str) -> str:
    """" date 2024-03-25 Kim Yo-jong says ..." -> "Kim Yo-jong says ..."."""
    if not _LEADING_DATE.match(line):
        return line
    times = find_times(line[:60])
    if times and times[0].value and _LEADING_DATE_CUE.match(line[:times[0].start]):
        return line[times[0].end:].lstrip(" ,:;-–—")
    return line


def _is_date_line(line: str) -> bool:
    """Dates, clock times and a few words: "BBC Thursday, 3 May, 2001, 16:46 GMT"."""
    times = [t for t in find_times(line) if t.type in ("date", "interval")]
    if not times:
        return False
    rest, pos = [], 0
    for t in times:
        rest.append(line[pos:t.start])
        pos = t.end
    rest.append(line[pos:])
    words = [w for w in _LINE_WORD.findall(_WEEKDAY.sub(" ", " ".join(rest))) if w.lower().strip(".") not in _LINE_FILLER]
    return len(words) <= 2
