"""Sentence spans over the source text. Regex candidates, a few cheap checks per candidate."""
from __future__ import annotations

import re

# Every line is at least its own unit: headings, bylines and list items are lines.
_BREAK_CHARS = "\n\r\f\v\x1c-\x1e\x85\u2028\u2029"
_LINE_BREAK = re.compile(rf"[{_BREAK_CHARS}][{_BREAK_CHARS}]*")     # (see "Speed" below)
_BLANK_LINE = re.compile(r"(?:\r\n|\n|\r)(?:[ \t\f\v]*(?:\r\n|\n|\r))+|[\f\u2029]+")

# A sentence end: terminal punctuation, closing quotes/brackets, then an optional footnote
# marker glued on ("population.3", "country.”58") or bracketed ("issue. [1]"), which
# belongs to the sentence it closes.
_TERMS = ".!?…。！？"
# (an optional group written "(?:(...)|)", not "(...)?": the same, but faster in `re`)
_END_TAIL = (
    r"(?P<close>[”\"’'»)\]]*)"
    r"(?:(?P<digits>[1-9]\d{0,2}(?!\d))|)"
    r"(?P<brackets>(?:[ \t]*\[[1-9]\d{0,2}\])*)"
    # A marker set off by a space: at the end of the line it can only be a marker ("abductees. 31");
    # before a capital ("talks. 19 By 1992") the note numbering decides.
    r"(?:(?P<tail>[ \t]+[1-9]\d{0,2}[ \t]*$)|(?P<detached>[ \t]+(?P<dn>[1-9]\d{0,2})(?=[ \t]+[(“\"]?[A-Z]))|)"
)
_END = re.compile(rf"(?P<term>[{_TERMS}][{_TERMS}]*)" + _END_TAIL)   # one class, not an alternation: 4x faster
# Speed: a search skips in C to where a pattern can begin when the pattern opens with a
# character or a class (not a group or a repeat of one: hence "[x][x]*" for "[x]+"), and
# skips to a character far faster than to a class. So text with no other line breaks or
# sentence ends (most text) is scanned for these, which find the same.
_NEWLINES = re.compile(r"\n\n*")
_END_DOTS = re.compile(r"(?P<term>\.\.*)" + _END_TAIL)
_QUOTES = re.compile(r"[“”\"]")
_YEARISH = re.compile(r"(?:1[5-9]\d\d|20\d\d)(?:[-–/]\d{2,4})?")
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")     # U.S  U.N  a.m  J.F  (final period excluded)
_ROMAN = re.compile(r"[IVXLC]+\b")

# Abbreviations after which a period never ends a sentence.
ALWAYS = frozenset("""mr mrs ms messrs dr prof rev hon sen rep gov gen col lt capt cmdr adm maj sgt
    st mt ft op cf vs viz approx ca ed eds trans esp dept univ pres amb i.e e.g
    jan feb mar apr jun jul aug sep sept oct nov dec""".split())
# ...unless no number follows ("No. 5", "pp. 114", "Vol. II").
NUMBERED = frozenset("no nos vol vols pp p fig figs ch chap sec art arts para paras n nn".split())
# These end a sentence only when a typical sentence opener follows ("the U.S. The next day").
MAYBE = frozenset("etc inc ltd co corp jr sr bros al llc plc govt".split())
_STARTERS = frozenset("""the a an in on at it its this that these those he she they we i but however
    and as after before since when while during by for from with there his her their our although
    though yet so then meanwhile following according despite instead moreover thus""".split())
_OPENERS = frozenset("“\"‘'([¿¡«")
_STRIP = frozenset("\ufeff\u200b")
_MAX_QUOTE = 600   # a "quote" longer than this is more likely a stray mark than a quotation


def sentences(text: str, *, join_lines: bool = False) -> list[tuple[int, int]]:
    """Sentence spans (start, end) in order, without surrounding whitespace.

    Each line is its own unit unless join_lines (then only blank lines separate units,
    for wrapped text such as PDF output).
    """
    spans: list[tuple[int, int]] = []
    if join_lines:
        breaks = _BLANK_LINE
    else:
        breaks = _LINE_BREAK if any(c in text for c in "\r\f\v\x1c\x1d\x1e\x85\u2028\u2029") else _NEWLINES
    ends = _END if any(c in text for c in _TERMS[1:]) else _END_DOTS
    markers = _Markers(text)
    pos = line = 0
    for m in breaks.finditer(text):
        if not join_lines and m.end() - m.start() == 1 and _wrapped(text, line, m.start(), m.end()):
            line = m.end()      # a hard-wrapped line goes on in the next one
            continue
        _unit(text, pos, m.start(), spans, markers, ends)
        pos = line = m.end()
    _unit(text, pos, len(text), spans, markers, ends)
    return spans


# Words a line of running prose does not end on: "... bone fragments of / the abductee"
_GOES_ON = frozenset("""the a an of in on at to by for with and or but from as that its their his her our
    into than this these those who which whose whom""".split())
_WRAP_MIN = 40      # shorter lines are headings, bylines, list items
_WRAP_SLACK = 15
_SENTENCE_INSIDE = re.compile(r"[.!?][\"”’)]? [A-Z]")    # characters by which the lines of a paragraph wrapped at a fixed width differ


def _wrapped(text: str, line: int, nl: int, nxt: int) -> bool:
    """Whether the line ending at nl is prose wrapped onto the next one, not a line of its own:
    it is long, does not end a sentence, and the next line goes on (in lower case) or it
    breaks off after a comma or a word that needs what follows."""
    if nl - line < _WRAP_MIN or nxt >= len(text):
        return False
    last = text[nl - 1]
    if last in _TERMS or last in ":;”\"»)]" or last.isspace():
        return False
    first = text[nxt]
    if first.islower():
        return True
    if not (first.isupper() or first.isdigit()):
        return False
    if last == ",":
        return True
    word = text[text.rfind(" ", line, nl) + 1:nl]
    if word.lower() in _GOES_ON:
        return True
    # (a paragraph wrapped at a fixed width: the line before is as long, and it too broke off
    # mid-sentence: '... his results. A Foreign / Ministry spokesman says')
    if line >= 2 and text[line - 2] not in "\n" and text[line - 2] not in _TERMS and text[line - 2] not in ":;”\"»)]":
        other = line - 1 - (text.rfind("\n", 0, line - 1) + 1)     # the line above, broken off too
    elif _SENTENCE_INSIDE.search(text, line, nl):
        # (a line of running prose, a sentence ended inside it, the first of its paragraph to break
        # off: the next one; not a caption over its picture's text)
        end = text.find("\n", nxt)
        other = (len(text) if end < 0 else end) - nxt
    else:
        return False
    return other >= _WRAP_MIN and abs(other - (nl - line)) <= _WRAP_SLACK


class _Markers:
    """Note marker positions, computed only if a detached number needs judging."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: set[int] | None = None

    def __contains__(self, pos: int) -> bool:
        if self.starts is None:
            from .notes import note_markers  # late: notes builds on this module
            self.starts = {mk.start for mk in note_markers(self.text)}
        return pos in self.starts


def _unit(text: str, a: int, b: int, out: list[tuple[int, int]], markers: _Markers, ends: re.Pattern[str]) -> None:
    a, b = _strip(text, a, b)
    if a >= b:
        return
    # (three plain searches cost less than one for the class)
    quoted = text.find('"', a, b) >= 0 or text.find("“", a, b) >= 0 or text.find("”", a, b) >= 0
    quotes = _quote_ranges(text, a, b) if quoted else []
    qi = 0
    start = seg = a         # seg: where the current sentence starts, past spaces
    for m in ends.finditer(text, a, b):
        detached = m.group("detached")
        end = m.start("detached") if detached else m.end()
        if end >= b:
            break
        nxt = _next_char(text, end, b)
        if nxt < 0:
            break
        if not _is_boundary(text, m, end, nxt, seg):
            continue
        if detached and m.start("dn") in markers:
            end = m.end()
        while qi < len(quotes) and quotes[qi][1] < end:
            qi += 1
        # Still inside a quotation that goes on: "… Stop. Go home,” he said.
        if quotes and _inside(quotes, qi, m.start(), end):
            continue
        e = _rstrip(text, seg, end)
        if seg < e:
            out.append((seg, e))
        start = end
        seg = _lstrip(text, start, b)
    e = _rstrip(text, seg, b)
    if seg < e:
        out.append((seg, e))


def _inside(quotes: list[tuple[int, int]], qi: int, t: int, end: int) -> bool:
    # Ranges are sorted by close and at most _MAX_QUOTE long, so only a short stretch can contain t.
    for j in range(qi, len(quotes)):
        q_open, q_close = quotes[j]
        if q_close > end + _MAX_QUOTE:
            break
        if q_open < t and end <= q_close:
            return True
    return False


def _next_char(text: str, end: int, b: int) -> int:
    """Index of the first character after whitespace, or -1 if the unit ends first."""
    i = end
    while i < b and text[i].isspace():
        i += 1
    return i if i < b else -1


def _is_boundary(text: str, m: re.Match[str], end: int, nxt: int, seg: int) -> bool:
    """Does the candidate m end a sentence? seg is where the current sentence starts."""
    term = m.group("term")
    if term[-1] in "。！？":
        return True
    if nxt == end:  # western punctuation needs a space after it
        return False
    ch = text[nxt]
    if not (ch.isdigit() or ch in _OPENERS or (ch.isalpha() and not ch.islower())):
        return False
    if term != ".":
        return True
    token = _token_before(text, m.start(), seg)
    low = token.lower()
    if m.group("digits"):
        return _glued_marker_ok(text, m, token)
    if m.group("close"):
        return True  # "… the end.” Next" — quotes close sentences, not abbreviations
    if low in ALWAYS:
        return False
    if low in NUMBERED:
        if ch.isdigit() or _ROMAN.match(text, nxt) or any(c.isdigit() for c in _next_token(text, nxt)):
            return False    # "No. 5", "Vol. II", "microfiche no. GS(B)-01603"
        return len(low) > 1
    if m.start() - len(token) == seg and (token.isdigit() and len(token) <= 3 or _ROMAN.fullmatch(token)):
        return False        # a list item number: "1. The Society ..."
    if len(token) == 1 and token.isalpha() and token != "I":
        return False  # an initial: "J. Smith"
    if low in MAYBE or _DOTTED.fullmatch(token):
        return _next_word(text, nxt).lower() in _STARTERS
    return True


def _glued_marker_ok(text: str, m: re.Match[str], token: str) -> bool:
    """Digits glued after the period: a footnote marker, or part of a number ("3.5")?"""
    if m.group("close"):
        return True  # "country.”58", "Mindan.)10"
    if not token:
        return False
    last = token[-1]
    if last.isdigit():
        return _YEARISH.fullmatch(token) is not None  # "in August 2003.38 Japan"
    low = token.lower()
    return last.isalpha() and low not in NUMBERED and low not in ALWAYS


def _token_before(text: str, t: int, a: int) -> str:
    """The characters before t back to a space (at most 40, not before a), opening marks stripped."""
    window = text[max(a, t - 40):t]
    if not window or window[-1].isspace():
        return ""
    return window.rsplit(None, 1)[-1].lstrip("(“\"‘'[«")


def _next_token(text: str, i: int) -> str:
    j = text.find(" ", i, i + 40)
    return text[i:j if j > 0 else i + 40]


def _next_word(text: str, i: int) -> str:
    j = i
    while j < len(text) and j - i < 40 and (text[j].isalnum() or text[j] in "'’"):
        j += 1
    return text[i:j] if j > i else text[i:i + 1]


def _quote_ranges(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """(open, close) positions of balanced quotation marks within one unit, sorted by close."""
    ranges: list[tuple[int, int]] = []
    curly: list[int] = []
    straight: int | None = None
    for m in _QUOTES.finditer(text, a, b):
        q, i = m.group(), m.start()
        if q == "“":
            curly.append(i)
        elif q == "”":
            if curly:
                ranges.append((curly.pop(), i))
        elif straight is None:
            straight = i
        else:
            ranges.append((straight, i))
            straight = None
    return sorted((r for r in ranges if r[1] - r[0] <= _MAX_QUOTE), key=lambda r: r[1])


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    a = _lstrip(text, a, b)
    return a, _rstrip(text, a, b)


def _lstrip(text: str, a: int, b: int) -> int:
    while a < b and (text[a].isspace() or text[a] in _STRIP):
        a += 1
    return a


def _rstrip(text: str, a: int, b: int) -> int:
    while b > a and (text[b - 1].isspace() or text[b - 1] in _STRIP):
        b -= 1
    return b
