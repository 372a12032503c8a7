"""Source citations: the references in a document's endnotes, and the body sentences that cite them.

`parse_notes` cuts each endnote into its references (at top-level semicolons and at a
"See also" that opens a new sentence) and parses each into author, title, archive, call
number, pages and so on; "op. cit." and "ibid." point back to the note they abbreviate.
`link_markers` ties every note marker in the body ("population.3", "[7]") and every
author–date reference ("(Morris-Suzuki 2007: 45)") to the sentence it closes or sits in,
so a caller can go from a sentence, and the events and claims in it, to its sources.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

from kankei.recognize.dates import find_times
from kankei.text import note_markers, notes, notes_section, sentences

from ._refcues import cues
from ._refparse import Reference, parse_reference
from ._refscan import Span, quote_spans, split_top, trim

__all__ = ["Citation", "Reference", "link_markers", "parse_notes"]


@dataclass(slots=True)
class Citation:
    note: str               # the note number; for an unmatched author–date reference, its text
    marker_start: int       # the marker with its brackets ("[7]"), or the author–date reference
    marker_end: int
    sentence_start: int     # the sentence the marker closes or sits in
    sentence_end: int
    kind: str = "marker"    # marker | author-date
    ref_start: int | None = None    # the note body or bibliography entry cited, when found
    ref_end: int | None = None


_SEMI = re.compile(";")
# A new sentence that opens a further reference inside one note: "... GS(B)-01602. See also ...".
_SEE_ALSO = re.compile(r"(?<=[.!?”\"])\s+(?=(?:See|Cf\.|Compare|Also see|For example|For instance)(?!\w))")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def parse_notes(text: str) -> list[Reference]:
    """Every reference in the notes section, in order, with op. cit./ibid. resolved."""
    refs: list[Reference] = []
    for note in notes(text):
        for a, b in _pieces(text, note.start, note.end):
            refs.append(parse_reference(text, a, b, note.number))
    _resolve(refs)
    return refs


def _pieces(text: str, a: int, b: int) -> list[Span]:
    quotes = quote_spans(text, a, b)
    out: list[Span] = []
    lead_in = cues().lead_in
    for s, e in split_top(text, a, b, _SEMI, quotes):
        for s2, e2 in split_top(text, s, e, _SEE_ALSO, quotes):
            s2, e2 = trim(text, s2, e2, lead=" \t\r\n,;:")
            m = lead_in.match(text, s2, e2)
            if m and m.end() < e2:      # "See also X" -> X; a note that is only "See" stays
                s2, e2 = trim(text, m.end(), e2, lead=" \t\r\n,;:")
            if s2 < e2:
                out.append((s2, e2))
    return out


# --- op. cit. and ibid. ---------------------------------------------------------------

def _fold(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch)).casefold()


def _tokens(s: str | None) -> set[str]:
    if not s:
        return set()
    particles = cues().particles
    return {_fold(w) for w in _WORD.findall(s) if len(w) > 1 and w not in particles}


def _resolve(refs: list[Reference]) -> None:
    ibid = cues().ibid
    for i, r in enumerate(refs):
        if not r.op_cit:
            if r.kind == "other" and r.author and r.title and not r.date:   # short form "Kato, Title, 52."
                r.refers_to = _look_back(r, refs[:i], loose=False)
            continue
        if ibid.match(r.text):
            if i:
                prev = refs[i - 1]
                r.refers_to = prev.refers_to or prev.note     # through a back reference to the work
        else:
            r.refers_to = _look_back(r, refs[:i])


def _look_back(r: Reference, earlier: list[Reference], loose: bool = True) -> str | None:
    """The nearest earlier reference by the same author (and recipient) or with the same short title."""
    author, recipient, title = _tokens(r.author), _tokens(r.recipient), _tokens(r.title)
    if not (author or recipient or title):
        return None
    for p in reversed(earlier):
        if p.op_cit:
            continue
        if author and not author <= _tokens(p.author):
            continue
        if recipient and not recipient <= _tokens(p.recipient):
            continue
        if title and not title <= _tokens(p.title):
            continue
        return p.note
    if not loose:
        return None
    # The earlier reference may be prose the parser could not cut up: look for the words.
    words = author or title
    for p in reversed(earlier):
        if not p.op_cit and words <= _tokens(p.text):
            return p.note
    return None


# --- markers and author–date references -----------------------------------------------

def link_markers(text: str, *, join_lines: bool = False) -> list[Citation]:
    """Every citation in the body, tied to its sentence (join_lines: for wrapped text, as `sentences`)."""
    spans = sentences(text, join_lines=join_lines)
    starts = [s for s, _ in spans]
    bodies: dict[str, Span] = {}
    for n in notes(text):
        bodies.setdefault(n.number, (n.start, n.end))
    out: list[Citation] = []
    for mk in note_markers(text):
        s, e = mk.start, mk.end
        if s > 0 and text[s - 1] == "[" and text[e:e + 1] == "]":
            s, e = s - 1, e + 1
        ss, se = _sentence(spans, starts, s, e)
        rs, re_ = bodies.get(mk.number, (None, None))
        out.append(Citation(mk.number, s, e, ss, se, "marker", rs, re_))
    out.extend(_author_date(text, spans, starts))
    out.sort(key=lambda c: (c.marker_start, c.marker_end))
    return out


def _sentence(spans: list[Span], starts: list[int], s: int, e: int) -> Span:
    k = bisect_right(starts, s) - 1
    if k >= 0 and s < spans[k][1]:
        if s == spans[k][0] and k > 0:
            return spans[k - 1]     # a marker opening a unit closes the sentence before it
        return spans[k]
    if k >= 0:
        return spans[k]
    return spans[0] if spans else (s, e)


_SURNAME = r"(?:(?:de|van|von|der|di|da|le|la)\s+)?[A-ZÀ-ÞĀ-Ž][\w'’-]+"
_YEAR = r"(?P<year>(?:1[5-9]|20)\d\d)[a-z]?"
_PAGES = r"(?:\s*[:,]\s*(?:pp?\.\s*)?\d+(?:\s*[-–]\s*\d+)?)?"
_AUTHOR_DATE = re.compile(rf"(?P<who>{_SURNAME}(?:\s+(?:and|&)\s+{_SURNAME})?(?:\s+et\s+al\.?)?),?\s+{_YEAR}{_PAGES}")
# "as Cumings (1997: 45) argues": counted only when the bibliography confirms it.
_NARRATIVE = re.compile(rf"(?<![\w'’-])(?P<who>{_SURNAME})\s+\({_YEAR}{_PAGES}\)")
_PAREN = re.compile(r"\(([^()\n]{4,300})\)")
_CITE_LEAD = re.compile(r"(?i:see also|see|cf\.|e\.g\.,?|compare)\s+")


def _author_date(text: str, spans: list[Span], starts: list[int]) -> list[Citation]:
    limit = notes_section(text)
    limit = len(text) if limit is None else limit
    finder = _Bibliography(text, limit)
    out: list[Citation] = []
    taken: list[Span] = []
    for m in _PAREN.finditer(text, 0, limit):
        quotes = quote_spans(text, m.start(1), m.end(1))
        for s, e in split_top(text, m.start(1), m.end(1), _SEMI, quotes):
            s, e = trim(text, s, e, lead=" \t,;:")
            lead = _CITE_LEAD.match(text, s, e)
            if lead:
                s = lead.end()
            ad = _AUTHOR_DATE.fullmatch(text, s, e)
            if not ad or not _is_author(text[s:e], ad.group("who")):
                continue
            found = finder.find(ad.group("who"), ad.group("year"))
            note, rs, re_ = found if found else (text[s:e], None, None)
            ss, se = _sentence(spans, starts, s, e)
            out.append(Citation(note or text[s:e], s, e, ss, se, "author-date", rs, re_))
            taken.append((m.start(), m.end()))
    for m in _NARRATIVE.finditer(text, 0, limit):
        if any(a <= m.start("year") < b for a, b in taken) or not _is_author(m.group(), m.group("who")):
            continue
        found = finder.find(m.group("who"), m.group("year"))
        if found:
            ss, se = _sentence(spans, starts, m.start(), m.end())
            out.append(Citation(found[0] or m.group(), m.start(), m.end(), ss, se, "author-date", found[1], found[2]))
    return out


def _is_author(part: str, who: str) -> bool:
    first = who.split()[0]
    if first in cues().not_authors or first.capitalize() in cues().not_authors:
        return False    # "(Resolution 1718)", "(Since 1959)"
    times = find_times(part)
    return not (times and times[0].start == 0 and times[0].value)     # "(August 1959)" is a date


class _Bibliography:
    """Finds the note or bibliography entry by an author in a year (parsed on first use)."""

    def __init__(self, text: str, limit: int) -> None:
        self.text, self.limit = text, limit
        self.refs: list[Reference] | None = None

    def find(self, who: str, year: str) -> tuple[str | None, int, int] | None:
        if self.refs is None:
            self.refs = [r for r in parse_notes(self.text) if not r.op_cit]
        names = [w for w in _WORD.findall(who) if w[0].isupper()]
        if not names:
            return None
        surname = _fold(names[0])
        for r in self.refs:
            head = r.author or r.text[:80]
            if surname in _tokens(head) and ((r.date or "").startswith(year) or year in r.text):
                return r.note, r.start, r.end
        # Unnumbered bibliography entries: a line that starts with the surname and holds the year.
        pos = self.limit
        while pos < len(self.text):
            end = self.text.find("\n", pos)
            end = len(self.text) if end < 0 else end
            s, e = trim(self.text, pos, end, lead=" \t\r", tail=" \t\r")
            if s < e and surname in _tokens(self.text[s:s + 60]) and year in self.text[s:e]:
                return None, s, e
            pos = end + 1
        return None
