"""The document's own date and title, when the text says them near its top."""
from __future__ import annotations

import re

from kankei.spans import TimeMention

# "Last Updated June 2015", "Published: 3 March 2011", "Posted on ...", "Date: ..."
_CUE = re.compile(
    r"(?:\b(?:[Ll]ast\s+)?[Uu]pdated|\b[Pp]ublished|\b[Pp]osted|\b[Dd]ate[d]?|\b[Ff]irst\s+published|\b[Rr]eleased|"
    r"\bLAST UPDATED|\bPUBLISHED|\bUPDATED)\s*(?:on|:|-|–)?\s*$")
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
    if hint:
        m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", hint.strip())
        if m:
            return "-".join(x for x in m.groups() if x), None
    return None, None


_NOT_TITLE = re.compile(r"^(?:by|credit|photo|image|authors?|posted|published|updated|last updated|with support)\b", re.I)


_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_SMALL = {"a", "an", "the", "of", "in", "on", "and", "or", "to", "for", "at", "by", "with", "from", "as"}


def document_title(text: str) -> str | None:
    """The headline: the first title-cased line near the top, else the first line that reads
    like one (not a byline, credit or date line), else the first non-empty line."""
    lines = [ln for ln in map(str.strip, text[:3000].splitlines()) if ln]
    # (the cheap tests first: the lines of a body paragraph are long)
    for line in lines[:12]:
        if len(line) > 200 or line.endswith(".") or _NOT_TITLE.match(line):
            continue
        words = _WORD.findall(line)
        if len(words) < 3:
            continue
        capitalized = sum(1 for w in words if w[0].isupper() or w.lower() in _SMALL)
        if capitalized == len(words) and any(w[0].isupper() for w in words[1:]):
            return line
    for line in lines[:6]:
        if len(line) <= 200 and not line.endswith(".") and not _NOT_TITLE.match(line) \
                and 4 <= len(_WORD.findall(line)):
            return line
    return lines[0] if lines else None
