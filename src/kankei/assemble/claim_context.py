"""Where a number stands, for claims: the apparatus it may belong to, and its own clause.

A page number in `(Author 2020: 376)`, a note marker, a page range or the year of a cited
article is no fact and dates no fact. A number's clause is the part of its sentence that
says what the number measures: `five were alive and eight had died` are two clauses.

`clause_of` cuts the clause by punctuation and conjunctions: the bounds the clause analysis
(`kankei.assemble.claim_clause`) is kept within, and the clause used where it finds no verb.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from kankei.text import note_markers, notes_section

Span = tuple[int, int]

# Parentheses or brackets that hold a reference: a year with pages, "p. 12", "ibid.", "et al."
_PAREN = re.compile(r"[(\[][^()\[\]\n]{1,200}[)\]]")
_REFLIKE = re.compile(
    r"\b(?:1[5-9]\d\d|20\d\d)[a-z]?\s*[:,]\s*(?:pp?\.\s*)?\d|\bpp?\.\s*\d|\bibid\b|\bop\.\s*cit\b|\bet al\b"
    r"|\bvol\.\s*\d|\bno\.\s*\d|\bchap(?:ter|\.)\s*\d|\bfig(?:ure|\.)\s*\d|\btable\s+\d|\bsee\b"
    r"|^[(\[]\s*\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\s*[)\]]$"
    r"|^[(\[][A-Z][\w'’-]+(?:\s+(?:and|&)\s+[A-Z][\w'’-]+)?(?:\s+et al\.?)?,?\s+(?:1[5-9]\d\d|20\d\d)[a-z]?[)\]]$",
    re.I)
# Page ranges and numbered parts outside parentheses: "pp. 12-15", "page 376", "Article 9".
_PARTS = re.compile(
    r"\b(?:pp?\.|pages?|vol(?:ume|\.)?|no\.|chap(?:ter|\.)?|art(?:icle|\.)|section|§|para(?:graph|\.)?|fig(?:ure|\.)?"
    r"|table|footnote|note|resolution|flight|route|platform|room)\s*\d[\d,.–-]*", re.I)
# The year of a cited work: "as one 2016 article did". It names the work, not the time of a fact
# (a "2016 survey" or "2016 report" is left alone: its year is usually the time of its figures).
_REF_YEAR = re.compile(
    r"\b(?:1[5-9]\d\d|20\d\d)\s+(?:article|book|paper|essay|editorial|edition|film|documentary"
    r"|novel|memoir|piece|op-ed|column|biography|monograph|thesis|dissertation)s?\b", re.I)
# Photo captions and credits: their years date the picture, not the text beside it.
_CAPTION = re.compile(r"\b(?:via|credit|photo(?:graph)?(?: by)?|courtesy of|source|image)\b[^.\n]{0,80}$", re.I)


def apparatus(text: str) -> list[Span]:
    """Spans that belong to the scholarly apparatus: notes section, markers, citations, page ranges."""
    out: list[Span] = []
    start = notes_section(text)
    if start is not None:
        out.append((start, len(text)))
    limit = len(text) if start is None else start
    for mk in note_markers(text):
        out.append((mk.start, mk.end))
    for m in _PAREN.finditer(text, 0, limit):
        if _REFLIKE.search(m.group()):
            out.append(m.span())
    for rx in (_PARTS, _REF_YEAR):
        for m in rx.finditer(text, 0, limit):
            out.append(m.span())
    out.sort()
    return out


def inside(spans: list[Span], starts: list[int], a: int, b: int) -> bool:
    """Whether [a, b) overlaps one of the (sorted) spans."""
    k = bisect_right(starts, b - 1) - 1
    while k >= 0:
        s, e = spans[k]
        if e > a:
            return True
        if s < a - 2000:
            break
        k -= 1
    return False


# Where one clause ends and another begins, by strength.
_STRONG = re.compile(r";|:(?!\d)|\s[—–]\s|—|\s-{1,2}\s|[()\[\]]|,\s+(?:while|whereas|but|although|though|claiming|saying"
                     r"|stating|adding|even though)\b", re.I)
_WEAK = re.compile(r",\s+(?:and\s+)?|\s+and\s+|\s+or\s+|\s+to\s+|\s+while\s+|\s+but\s+|\s+from\s+", re.I)
_DASH_PAIR = re.compile(r"\s[—–]\s[^—–\n]{1,200}\s[—–]\s|—[^—\n]{1,200}—|\([^()\n]{1,200}\)")


@dataclass(slots=True)
class Clause:
    start: int
    end: int
    lead: int           # where the clause's own sentence part begins (a fronted "In 1960," scopes over it)
    inner: bool         # the number stands in a parenthesis or between dashes
    outer: Span | None  # for an inner clause, the clause around the parenthesis
    holes: tuple[Span, ...] = ()   # parentheses and dash pairs inside the clause, which it skips

    def text(self, text: str) -> str:
        """The clause's words, without the insertions it skips."""
        parts, at = [], self.start
        for a, b in self.holes:
            if self.start <= a and b <= self.end:
                parts.append(text[at:a])
                at = b
        parts.append(text[at:self.end])
        return " ".join(parts)


def clause_of(text: str, sentence: Span, q: Span, others: list[Span]) -> Clause:
    """The clause of a number at q in its sentence; `others` are the other numbers of the sentence."""
    s, e = sentence
    paren = next((m.span() for m in _DASH_PAIR.finditer(text, s, e) if m.start() < q[0] and q[1] <= m.end()), None)
    if paren:
        outer = clause_of(text, sentence, (paren[0], paren[0]), [])
        a, b = paren[0] + 1, paren[1] - 1
        mine = [o for o in others if a <= o[0] and o[1] <= b]
        return Clause(*narrow(text, a, b, q, mine), lead=a, inner=True, outer=(outer.start, outer.end))
    # the strong boundaries around the number, skipping parentheses and dash pairs it is not in
    holes = [m.span() for m in _DASH_PAIR.finditer(text, s, e)]
    others = [o for o in others if not any(h0 <= o[0] < h1 for h0, h1 in holes)]
    a, b = s, e
    for m in _STRONG.finditer(text, s, e):
        if any(h0 <= m.start() < h1 for h0, h1 in holes):
            continue        # inside a parenthesis the number is not in: an insertion, not a boundary
        if m.end() <= q[0]:
            a = max(a, m.end())
        elif m.start() >= q[1]:
            b = min(b, m.start())
            break
    lead = a
    a, b = narrow(text, a, b, q, others)
    return Clause(a, b, lead=lead, inner=False, outer=None, holes=tuple(holes))


def narrow(text: str, a: int, b: int, q: Span, others: list[Span]) -> Span:
    """Within a clause holding several numbers, each number's part: cut between neighbours at a
    conjunction or comma ('five were alive and eight had died'; '60 in 2016, down from 150 in 1970')."""
    before = [o for o in others if a <= o[0] and o[1] <= q[0]]
    after = [o for o in others if q[1] <= o[0] and o[1] <= b]
    if before:
        prev_end = max(o[1] for o in before)
        cut = _last_cut(text, prev_end, q[0])
        if cut is not None:
            a = cut
    if after:
        next_start = min(o[0] for o in after)
        cut = _first_cut(text, q[1], next_start)
        if cut is not None:
            b = cut
    return a, b


def _last_cut(text: str, a: int, b: int) -> int | None:
    found = [m for m in _WEAK.finditer(text, a, b)]
    return found[-1].start() if found else None


def _first_cut(text: str, a: int, b: int) -> int | None:
    m = _WEAK.search(text, a, b)
    return m.start() if m else None


def between_holes(start: int, end: int, holes) -> list[Span]:
    """The parts of [start, end) outside the sorted spans `holes` (those within it)."""
    out, at = [], start
    for a, b in holes:
        if start <= a and b <= end:
            if a > at:
                out.append((at, a))
            at = max(at, b)
    if at < end:
        out.append((at, end))
    return out


def sentence_spans(text: str, spans: list[Span]) -> list[Span]:
    """Sentences over wrapped lines, cut again where a short line ends: a headline, a byline or a
    dateline set above the text is no part of its first sentence."""
    lengths = sorted(len(line) for line in text.split("\n") if line.strip())
    if not lengths:
        return spans
    short = min(40, int(0.6 * lengths[len(lengths) // 2]))
    out: list[Span] = []
    for a, b in spans:
        start = a
        for m in re.finditer(r"\n", text[a:b]):
            nl = a + m.start()
            line_start = text.rfind("\n", 0, nl) + 1
            if nl - line_start < short and nl > start:
                out.append((start, nl))
                start = nl + 1
        out.append((start, b))
    return out


def caption_before(text: str, pos: int, lo: int) -> bool:
    """Whether the text just before pos (back to lo) reads as a photo caption or credit."""
    return bool(_CAPTION.search(text, max(lo, pos - 120), pos))
