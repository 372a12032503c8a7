"""The document's own date and title, when the text says them near its top."""
from __future__ import annotations

import re
from dataclasses import dataclass

from kankei import edtf
from kankei.spans import TimeMention

# "Last Updated June 2015", "Published: 3 March 2011", "Published online: 9 June 2016", "Posted on : ...", "Date: ..."
_CUE = re.compile(
    r"(?i:\b(?:(?:last\s+|first\s+)?(?:updated|published|posted|released|edited|modified|revised|issued)(?:\s+online)?"
    r"|dated?|sent))(?:\s*(?:on|at|:|-|–)\s*)*$")
_HEADER_CUE = re.compile(r"(?i:\b(?:dated?|sent)\s*:?\s*$)")
# "This page was last edited on 3 January 2021": a wiki's footer dates the version read
_FOOTER_CUE = re.compile(r"(?i:\blast\s+(?:edited|modified|updated))\s*(?:on|:)?\s*$")
# "TOKYO, March 3 (Reuters) -" / "SEOUL, May. 23, 2004 --" / "Pyongyang, January 26 (KCNA) --":
# a place at a paragraph start, then the date; a place written in capitals needs nothing after
# the date, one in title case an agency in brackets or a dash
_DATELINE_CAPS = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Z .'’-]{2,30},[ \t]*$")
_DATELINE_TITLE = re.compile(r"(?:^|\n)[ \t]*[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2},[ \t]*$")
_DATELINE_TAIL = re.compile(r"[ \t]*(?:\([^()\n]{1,30}\)|[A-Z][A-Za-z]+)?[ \t]*(?:--|—|–|-|:|$|\n)")
# what a date line may hold besides its dates and times: "Page last updated at", "BBC", "(PM)"
_LINE_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_LINE_FILLER = {"posted", "on", "at", "updated", "last", "page", "published", "modified", "first", "online",
                "date", "dated", "by", "released", "edited", "revised", "issued", "time", "local", "am", "pm"}
_WEEKDAY = re.compile(r"(?i:\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?\b\.?)")
_COPYRIGHT = re.compile(r"(?i:(?:\bcopyright|©)\s*(?:\(c\)\s*|©\s*)?)((?:19|20)\d\d)(?![\d–-])")
_FILE_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?!\d)")
_HEAD_CHARS = 1500


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
                year = _year_elsewhere(text, times)
                if year:
                    tm.value, tm.anchor, tm.relative = f"{year:04d}-{rel['month']:02d}-{rel['day']:02d}", "absolute", None
                    return DocDate(tm.value, tm, "dateline")
            continue
        if not tm.value or " > " in text[line_start:tm.start]:
            continue            # a breadcrumb ("Home > News > June 2018 > ...") is no date line
        if _dateline(text, tm, before):
            return DocDate(tm.value, tm, "dateline")
        if _CUE.search(_without_clock(text, times, line_start, tm.start)[-40:]):
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


def _date_line(text: str, times: list[TimeMention], tm: TimeMention, line_start: int) -> bool:
    """A line that is its date but for a few words: "BBC Thursday, 3 May, 2001, 16:46 GMT",
    "October 4, 2022 at 18:49 JST", "June 11, 2018 (PM)"."""
    line_end = text.find("\n", tm.end)
    line_end = len(text) if line_end < 0 else line_end
    if line_end - line_start > 120:
        return False
    rest, pos = [], line_start
    for t in times:
        if t.end <= line_start or t.start < pos:
            continue
        if t.start >= line_end:
            break
        rest.append(text[pos:t.start])
        pos = t.end
    rest.append(text[pos:line_end])
    words = [w for w in _LINE_WORD.findall(_WEEKDAY.sub(" ", " ".join(rest))) if w.lower().strip(".") not in _LINE_FILLER]
    return len(words) <= 2 and edtf.precision(tm.value) in ("day", "month")


def _copyright_year(text: str) -> int | None:
    m = _COPYRIGHT.search(text)
    return int(m.group(1)) if m else None


def _year_elsewhere(text: str, times: list[TimeMention]) -> int | None:
    """The year of a dateline that gives none: the copyright's, else a header date's
    ("Date: Dec 3, 2001"), else the latest year the text dates anything in."""
    if year := _copyright_year(text):
        return year
    years = []
    for tm in times:
        if tm.anchor == "absolute" and tm.type == "date" and tm.value and (p := edtf.parse_point(tm.value.rstrip("~"))):
            if _HEADER_CUE.search(text[max(0, tm.start - 12):tm.start]):
                return p[0]
            years.append(p[0])
    return max(years) if years else None


_NOT_TITLE = re.compile(r"^(?:by|credit|photo|image|authors?|posted|published|updated|last updated|with support|"
                        r"from wikipedia|this article is about)\b", re.I)


_WIKI_TAGLINE = re.compile(r"From Wikipedia\b", re.I)


def _label(line: str, words: list[str]) -> bool:
    """A section label or masthead above the headline: "ISSUE BRIEF | Asia Program", "TRADE REVIEW"."""
    return " | " in line or (line.isupper() and len(words) <= 4)


_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_SMALL = {"a", "an", "the", "of", "in", "on", "and", "or", "to", "for", "at", "by", "with", "from", "as"}


def document_title(text: str) -> str | None:
    """The headline: the first title-cased line near the top, else the first line that reads
    like one (not a byline, credit or date line), else the first non-empty line."""
    lines = [ln for ln in map(str.strip, text[:3000].splitlines()) if ln]
    for i, line in enumerate(lines[1:4], 1):
        if _WIKI_TAGLINE.match(line):
            return lines[i - 1]          # a wiki page: its title sits right above the tagline
    # (the cheap tests first: the lines of a body paragraph are long)
    for line in lines[:12]:
        if len(line) > 200 or line.endswith(".") or _NOT_TITLE.match(line):
            continue
        words = _WORD.findall(line)
        if len(words) < 3 or _label(line, words):
            continue
        capitalized = sum(1 for w in words if w[0].isupper() or w.lower() in _SMALL)
        if capitalized == len(words) and any(w[0].isupper() for w in words[1:]):
            return line
    for line in lines[:6]:
        words = _WORD.findall(line)
        if len(line) <= 200 and not line.endswith(".") and not _NOT_TITLE.match(line) \
                and 4 <= len(words) and not _label(line, words):
            return line
    return lines[0] if lines else None
