"""The document's own date and title, when the text says them near its top."""
from __future__ import annotations

import re

from kankei.spans import TimeMention

# "Last Updated June 2015", "Published: 3 March 2011", "Published online: 9 June 2016", "Posted on ...", "Date: ..."
_CUE = re.compile(
    r"(?i:\b(?:(?:last\s+|first\s+)?(?:updated|published|posted|released|edited|modified|revised)(?:\s+online)?"
    r"|dated?))\s*(?:on|:|-|–)?\s*$")
# "This page was last edited on 3 January 2021": a wiki's footer dates the version read
_FOOTER_CUE = re.compile(r"(?i:\blast\s+(?:edited|modified|updated))\s*(?:on|:)?\s*$")
# "TOKYO, March 3 (Reuters) -" / "SEOUL, March 3, 2011 --": a dateline at a paragraph start
_DATELINE = re.compile(r"(?:^|\n)[A-Z][A-Z .'-]{2,30},\s*$")
_HEAD_CHARS = 1500


def document_date(text: str, times: list[TimeMention], hint: str | None = None) -> tuple[str | None, TimeMention | None]:
    """(EDTF date, the mention that states it) from cues near the top; else the HTML hint."""
    for tm in times:
        if tm.start > _HEAD_CHARS:
            break
        if not tm.value or tm.anchor != "absolute" or tm.type != "date":
            continue
        before = text[max(0, tm.start - 40):tm.start]
        if _CUE.search(before) or _DATELINE.search(before):
            return tm.value, tm
        line_start = text.rfind("\n", 0, tm.start) + 1
        line_end = text.find("\n", tm.end)
        line = text[line_start:line_end if line_end >= 0 else len(text)].strip()
        if line == tm.text.strip() and tm.start < 600:
            return tm.value, tm        # a date alone on a line under the title
    for tm in reversed(times):
        if tm.value and tm.anchor == "absolute" and tm.type == "date" \
                and _FOOTER_CUE.search(text[max(0, tm.start - 40):tm.start]):
            return tm.value, tm
    if hint:
        m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", hint.strip())
        if m:
            return "-".join(x for x in m.groups() if x), None
    return None, None


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
