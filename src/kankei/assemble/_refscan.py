"""Scanning reference text: quoted and bracketed stretches, top-level splits, comma fields.

Every function works on spans (start, end) into the whole text, so the parts parsed out of
a reference keep their offsets.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from kankei.text.segment import ALWAYS, NUMBERED

Span = tuple[int, int]

_MAX_QUOTE = 400        # a "title" longer than this is a stray mark, not a quotation
_CLOSERS = {")": "(", "]": "["}
# A period that ends a field: "105-002. Problème", "Ideology. Boulder" (not "p. 3", "J. Smith", "op. cit.").
_PERIOD = re.compile(r"\.[ \t]+(?=[A-ZÀ-Þ])")
# A field's trailing period is kept after these ("et al.", "eds.", "op. cit.").
_KEEP_PERIOD = frozenset({"al", "ed", "eds", "cit", "ibid", "co", "inc", "ltd", "jr", "sr", "st", "etc"})


def quote_spans(text: str, a: int, b: int, brackets: bool = True) -> list[Span]:
    """(open, close) of balanced quotations (and brackets) in text[a:b]; close is the closing mark's index.

    An unbalanced mark protects nothing: one stray “ must not swallow the rest of a note.
    """
    out: list[Span] = []
    opened: list[tuple[str, int]] = []
    curly: int | None = None
    straight: int | None = None
    single: int | None = None
    for i in range(a, b):
        c = text[i]
        if c in "([":
            opened.append((c, i))
        elif c in ")]":
            if opened and opened[-1][0] == _CLOSERS[c]:
                o = opened.pop()[1]
                if brackets:
                    out.append((o, i))
        elif c == "“":
            curly = i
        elif c == "”" and curly is not None:
            if i - curly <= _MAX_QUOTE:
                out.append((curly, i))
            curly = None
        elif c == '"':
            if straight is None:
                straight = i
            else:
                if i - straight <= _MAX_QUOTE:
                    out.append((straight, i))
                straight = None
        elif c == "‘" and (i == a or not text[i - 1].isalnum()):
            single = i
        elif c == "’" and single is not None and (i + 1 >= b or not text[i + 1].isalnum()):
            if i - single <= _MAX_QUOTE:
                out.append((single, i))
            single = None
    return _outermost(out)


def _outermost(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def inside(spans: list[Span], i: int) -> bool:
    """Is position i within one of the sorted, disjoint spans (marks included)?"""
    k = bisect_right(spans, (i, 1 << 62)) - 1
    return k >= 0 and spans[k][0] <= i <= spans[k][1]


def split_top(text: str, a: int, b: int, sep: re.Pattern[str], protected: list[Span]) -> list[Span]:
    """text[a:b] cut at the matches of sep outside the protected spans (separators dropped)."""
    out: list[Span] = []
    pos = a
    for m in sep.finditer(text, a, b):
        if m.end() <= pos or inside(protected, m.start()):
            continue
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, b))
    return out


def trim(text: str, a: int, b: int, lead: str = " \t\r\n,;:.", tail: str = " \t\r\n,;:") -> Span:
    while a < b and text[a] in lead:
        a += 1
    while b > a and text[b - 1] in tail:
        b -= 1
    return a, b


def fields(text: str, a: int, b: int, protected: list[Span]) -> list[Span]:
    """The comma (or sentence-period) separated fields of a reference, trimmed."""
    out: list[Span] = []
    for s, e in split_top(text, a, b, re.compile(","), protected):
        pos = s
        for m in _PERIOD.finditer(text, s, e):
            if inside(protected, m.start()) or not _period_ends(text, s, m.start()):
                continue
            out.append((pos, m.start()))
            pos = m.start() + 1
        out.append((pos, e))
    cleaned = []
    for s, e in out:
        s, e = trim(text, s, e)
        e = _drop_period(text, s, e)
        if s < e:
            cleaned.append((s, e))
    return cleaned


def _period_ends(text: str, a: int, dot: int) -> bool:
    j = dot
    while j > a and not text[j - 1].isspace() and dot - j < 40:
        j -= 1
    token = text[j:dot].lstrip("(“\"‘'[")
    low = token.lower()
    if not token or low in ALWAYS or low in NUMBERED or low in _KEEP_PERIOD:
        return False
    if len(token) == 1 and token.isalpha():
        return False    # an initial
    return "." not in token or token[-1].isdigit()     # "U.S." no, "17.2.1953." yes


def _drop_period(text: str, a: int, b: int) -> int:
    while b > a and text[b - 1] == ".":
        j = b - 1
        while j > a and (text[j - 1].isalnum()):
            j -= 1
        token = text[j:b - 1]
        if token.lower() in _KEEP_PERIOD or (len(token) == 1 and token.isalpha() and token.isupper()):
            break
        b -= 1
        while b > a and text[b - 1] in " \t,;:":
            b -= 1
    return b
