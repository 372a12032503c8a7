"""Endnotes: where the notes section begins, the notes in it, and the markers that cite them."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from .segment import _YEARISH, ALWAYS, NUMBERED


@dataclass(slots=True)
class Note:
    number: str
    start: int      # the note body, after its marker
    end: int
    text: str


@dataclass(slots=True)
class Marker:
    number: str
    start: int      # the marker's digits (without brackets or the punctuation before them)
    end: int


_HEADING_BODY = (
    r"[ \t]*(?P<h>(?:#+[ \t]*)?(?:[1-9]\d?\.?[ \t]+)?"
    r"(?:notes|end[ -]?notes|foot[ -]?notes|references|sources|bibliography|works[ \t]+cited"
    r"|notes[ \t]+and[ \t]+references|references[ \t]+and[ \t]+notes|sources[ \t]+and[ \t]+notes))"
    r"[ \t]*:?[ \t\r]*$")
_HEADING = re.compile("^" + _HEADING_BODY, re.IGNORECASE | re.MULTILINE)
# A numbered line: "[5] ...", "5. ...", "5) ...", "5 Word ...".
_ITEM_BODY = (
    r"[ \t]*(?:\[(?P<b>[1-9]\d{0,2})\]|(?P<d>[1-9]\d{0,2})[.)](?=[ \t])|(?P<s>[1-9]\d{0,2})(?=[ \t]+[^\s\d]))")
_ITEM = re.compile("^" + _ITEM_BODY, re.MULTILINE)
# The same after a newline: a scan for "^" tries every offset, one for "\n" jumps to the next.
_AFTER_NEWLINE = {_HEADING: re.compile("\n" + _HEADING_BODY, re.IGNORECASE | re.MULTILINE),
                  _ITEM: re.compile("\n" + _ITEM_BODY, re.MULTILINE)}
# Lines that read like citations, used to tell endnotes from an ordinary numbered list.
_CUE = re.compile(
    r"\b(?:1[5-9]\d\d|20\d\d)\b|\bpp?\.\s*\d|\bibid\b|\bop\. ?cit\b|https?://|\bvol\.|\bno\.\s*\d"
    r"|\b(?:archives?|press|journal|university|shimbun|times|review|ed|eds|trans)\b",
    re.IGNORECASE,
)
_BLANK = re.compile(r"\n[ \t\r]*\n")
_PROSE_LINE = 300       # characters: a numbered line longer than this is a paragraph, unless it cites early
_BRACKET = re.compile(r"\[([1-9]\d{0,2})\]")
# Digits glued after punctuation (".3", ".”58", ".)10") or after a closing quote ("violent”6").
_GLUED = re.compile(r"[.!?,;:”\")\]][”\"’)\]]*(?P<n>[1-9]\d{0,2})(?!\d)(?=[\s,;]|$)")
_DETACHED = re.compile(r"[.!?][”\")]*[ \t]+(?P<n>[1-9]\d{0,2})(?=[ \t]+[(“\"]?[A-Z]|[ \t]*(?:\r?\n|$))")
_SUPER = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]*")   # (no lookbehind: it slows the scan 5x)
_SUPER_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


@dataclass(slots=True)
class _Item:
    start: int      # the marker, after indentation
    body: int       # just after the marker
    number: int
    style: str      # "b" bracketed, "d" dotted, "s" bare number


def _line_matches(pattern: re.Pattern[str], text: str, pos: int = 0) -> Iterator[tuple[int, re.Match[str]]]:
    """`pattern.finditer(text, pos)` for a pattern that opens with a multiline "^", as
    (line start, match). No match spans a newline, so the scan can look for those."""
    m = pattern.match(text, pos)
    if m:
        yield pos, m
    for m in _AFTER_NEWLINE[pattern].finditer(text, pos):
        yield m.start() + 1, m


def _items(text: str, pos: int = 0) -> list[_Item]:
    out = []
    for _, m in _line_matches(_ITEM, text, pos):
        style = m.lastgroup or "s"
        out.append(_Item(m.start(style) - (style == "b"), m.end(), int(m.group(style)), style))
    return out


def notes_section(text: str) -> int | None:
    """Offset where the notes/references section begins (its heading or first note), else None."""
    heading = _heading(text)
    run = _notes_run(text, heading)
    found = [p for p in (heading, run) if p is not None]
    return min(found) if found else None


def _heading(text: str) -> int | None:
    for start, m in reversed(list(_line_matches(_HEADING, text))):
        after = text[m.end():m.end() + 400]
        # In the first half ("References" in a contents list, a "Sources" section of the body) a
        # heading counts only if numbered notes follow it.
        if start >= 0.5 * len(text) or _ITEM.search(after):
            return m.start("h")
    return None


def _notes_run(text: str, heading: int | None) -> int | None:
    """Start of the last run of numbered lines 1, 2, ... that ends the document (or its body)."""
    items = _items(text)
    index: dict[tuple[str, int], list[int]] = {}
    for it in items:
        index.setdefault((it.style, it.number), []).append(it.start)
    by_start = {it.start: it for it in items}
    for first in reversed([it for it in items if it.number == 1]):
        run = [first]
        while True:
            starts = index.get((first.style, run[-1].number + 1), [])
            k = bisect_right(starts, run[-1].start)
            if k == len(starts):
                break
            run.append(by_start[starts[k]])
        if len(run) >= 2 and _looks_like_notes(text, run, heading):
            return first.start
    return None


def _looks_like_notes(text: str, run: list[_Item], heading: int | None) -> bool:
    if run[0].style != "b":
        cues = sum(1 for it in run if _CUE.search(text, it.body, _line_end(text, it.body)))
        if cues * 2 < len(run):
            return False
        # (numbered paragraphs of prose, as in a UN summary record, tell years too; a note that is
        # a long paragraph shows its citation early: an author, a year, a title)
        long = [it for it in run if _line_end(text, it.body) - it.body > _PROSE_LINE]
        if len(long) * 2 > len(run) and sum(
                1 for it in long if _CUE.search(text, it.body, min(it.body + 120, _line_end(text, it.body)))) * 2 < len(long):
            return False
    if heading is not None and run[0].start < heading:
        stop, allowance = heading, 200      # notes that run up to a bibliography heading
    else:
        stop, allowance = len(text), max(600, len(text) // 10)
    tail_start = _paragraph_end(text, run[-1].body, stop)
    if stop - tail_start > 3 * allowance:   # cheap reject: keeps long documents linear
        return False
    return len(text[tail_start:stop].strip()) <= allowance


def _line_end(text: str, i: int) -> int:
    j = text.find("\n", i)
    return len(text) if j < 0 else j


def _paragraph_end(text: str, i: int, stop: int) -> int:
    m = _BLANK.search(text, i, stop)
    return m.start() if m else stop


def notes(text: str) -> list[Note]:
    """The notes of the notes section, each with the span of its body (after the marker)."""
    section = notes_section(text)
    if section is None:
        return []
    items = _items(text, section)
    if not items:
        return []
    style = items[0].style
    kept: list[_Item] = []
    for it in items:
        # Bare and dotted numbers must count up by one: otherwise "1995 ..." wrapped lines would count.
        if it.style == style and (style == "b" or not kept or it.number == kept[-1].number + 1):
            kept.append(it)
    out = []
    for i, it in enumerate(kept):
        stop = kept[i + 1].start if i + 1 < len(kept) else len(text)
        start = it.body
        while start < stop and text[start] in " \t":
            start += 1
        end = _paragraph_end(text, start, stop)
        while end > start and text[end - 1].isspace():
            end -= 1
        out.append(Note(str(it.number), start, end, text[start:end]))
    return out


def note_markers(text: str) -> list[Marker]:
    """Note reference markers in the body (before the notes section)."""
    limit = notes_section(text)
    limit = len(text) if limit is None else limit
    found: list[Marker] = []
    for m in _BRACKET.finditer(text, 0, limit):
        j = m.start()
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        if j > 0 and text[j - 1] not in "\n\r":  # at a line start it is a note, not a citation
            found.append(Marker(m.group(1), m.start(1), m.end(1)))
    for m in _GLUED.finditer(text, 0, limit):
        if _glued_ok(text, m):
            found.append(Marker(m.group("n"), m.start("n"), m.end("n")))
    for m in _SUPER.finditer(text, 0, limit):
        if m.start() > 0 and not text[m.start() - 1].isspace():
            found.append(Marker(m.group().translate(_SUPER_DIGITS), m.start(), m.end()))
    found.sort(key=lambda mk: mk.start)
    return _with_detached(text, limit, found)


def _with_detached(text: str, limit: int, found: list[Marker]) -> list[Marker]:
    """Add markers set off by a space ("talks. 19 By 1992") when they fit the numbering around them.

    Alone, "talks. 19 By" could open a sentence with a number; the sequence decides.
    """
    if not found:
        return found
    starts = [mk.start for mk in found]
    extra = []
    for m in _DETACHED.finditer(text, 0, limit):
        before = text[m.start() - 1] if m.start() > 0 else " "
        if not (before.isalpha() or before in ")”\"’"):
            continue
        k = bisect_right(starts, m.start("n"))
        n = int(m.group("n"))
        prev = int(found[k - 1].number) if k > 0 else 0
        nxt = int(found[k].number) if k < len(found) else None
        if prev < n and (n < nxt if nxt is not None else n == prev + 1):
            extra.append(Marker(m.group("n"), m.start("n"), m.end("n")))
    return sorted(found + extra, key=lambda mk: mk.start) if extra else found


def _glued_ok(text: str, m: re.Match[str]) -> bool:
    before = text[m.start() - 1] if m.start() > 0 else " "
    punct = text[m.start()] in ".!?,;:"
    if before.isalpha():
        if not punct:
            return True     # "very violent”6"
        token = _token_before(text, m.start()).lower()
        return token not in NUMBERED and token not in ALWAYS    # not "p.3", "No.5", "Vol.2"
    if before in ")”\"’]" and punct:
        return True         # "(Kim 2004).3", "“no.”" closing before the period
    if before.isdigit() and text[m.start()] in ".!?":
        return _YEARISH.fullmatch(_token_before(text, m.start())) is not None  # "in 2003.38 Japan"
    return False


def _token_before(text: str, i: int) -> str:
    j = i
    while j > 0 and i - j < 40 and not text[j - 1].isspace():
        j -= 1
    return text[j:i].lstrip("(“\"‘'[«")
