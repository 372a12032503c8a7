"""Quantities: numbers that state a fact, with what they count and how exactly (spec: `quantity`).

One compiled pattern finds every candidate (qualifier, currency, number, multiplier, percent,
range); cheap checks on the text around each match then reject references, codes, years,
footnote markers, ordinals and determiner-like words, and find the unit.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate

from kankei import regex_cache
from kankei.recognize._quantity_units import (
    _HYPHEN_UNIT,
    _TOKEN,
    SentenceScan,
    _currency_rate,
    _head,
    _Lex,
    _lex,
    _look_back,
    _measure_after,
    _tokens,
    _unit_of,
    _unit_of_the,
)
from kankei.recognize._regex_prefix import NOT_ASCII_WORD, fast_optionals, lowered_trie, scan_lower, trie
from kankei.recognize.numbers import (
    DENOMINATORS,
    DIGITS_RE,
    FRACTION_RE,
    HALF_SCALE_RE,
    MIXED_NUMBER_RE,
    NUMBER_WORD_RE,
    SCALES,
    SMALL_WORDS,
    SUFFIX_SCALES,
    parse_number,
    small_number,
)
from kankei.spans import QuantityMention

_SCALE_WORDS = ("thousand", "million", "billion", "trillion")
_SCALE_SUFFIXES = ("mn", "mln", "bn", "tn", "m", "k", "b")
_SCALE_P = rf"(?i:(?:\s+|\s?-\s?)(?:{'|'.join(_SCALE_WORDS)})\b|(?<=\d)(?:{'|'.join(_SCALE_SUFFIXES)})\b)"
_PCT_WORDS = ("per", "pct")
_PCT_P = r"(?i:\s?%|\s+per\s?cent(?:age\s+points?)?\b|\s+pct\b)"
_CONN_WORDS = ("to", "and")
_FRACTION_PARTS = re.compile(rf"(?:([^\W\d_]+)([-\s]))?({'|'.join(DENOMINATORS)})", re.I)
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")
_GLUED_BEFORE = set(".,;:!?)]”’\"'#-–/")   # a number glued to these is a footnote, code or date part
_AGE_BEFORE = re.compile(r"(?i)\b(?:age|aged|ages)(?:\s+of)?\s*$")
_AGE_WORDS = frozenset({"age", "aged", "ages", "of"})
_TIME_AFTER = re.compile(r"(?i)\s?(?:a\.m\.|p\.m\.|am\b|pm\b|o['’]clock|hrs\b|h\b|GMT|UTC|JST|KST)")
_CODE_AFTER = re.compile(r"[-/.:,]\d|-[^\W\d_]|\d|[^\W\d_]")
_HALF_TIME = re.compile(r"\s+an?\s+([^\W\d_]+)")
_OR_NEXT = re.compile(r"\s+or\s+")
_YEAR = re.compile(r"(1\d{3}|20\d{2})(?:\.\d+)?")
_DIGITS = re.compile(DIGITS_RE)
_FRACTION = re.compile(FRACTION_RE)
_AGE_COMMA = re.compile(r"[A-Z][\w’'-]*,\s$")
_CITED_PAGE = re.compile(r"(?:\b\d{4}\)?|\.),\s$|\b\d{4}\):\s$")
_NOTE_AFTER = re.compile(r"[ \t]+[A-Z“\"(]|\s*\n")
_BACK_TO_WORD = re.compile(r"\s*\.?([^\W\d_]*)")     # (on reversed text: see _prev_word)
_OF_NEXT = re.compile(r"\s+of\b|\s*[,.;:)]|\s*$")
_FRACTION_WORDS = re.compile(r"[^\W\d_]+|[^\s\w]")
_OR_SO = re.compile(r"\s+or\s+so\b")
# "eight of the victims", "five of these schools": the unit is the noun after "of the"
# "140 to the dollar": an exchange rate, counted in the currency named before it
# "a 9,700-ton ship", "a 200-km range": a measure before a noun
_GROUPS = {i: (f"c{i}", f"n{i}", f"m{i}", f"p{i}", f"w{i}") for i in (1, 2)}


def _alt(words: Sequence[str]) -> str:
    """The words, spaces matching any whitespace, as a trie: what an alternation longest first
    matches, tried in the same order, but each branch fails at its first character (a plain
    alternation under (?i) tries every word in turn)."""
    return trie(words, char=lambda ch: r"\s+" if ch == " " else re.escape(ch))


def _gate_words() -> tuple[set[str], list[str]]:
    """The words a match can begin with, and the qualifiers of several words it can begin with."""
    lex = _lex()
    several = [q for q in lex.qualifiers if " " in q]
    firsts = {"between", "from", "a", "an", "half", *(q for q in lex.qualifiers if " " not in q),
              *SMALL_WORDS, *lex.codes}
    return firsts, several


_GATE_SIGNS = r"\d|[$¥￥₩€£₹₽]|[A-Z]{1,2}\$|U\.S\."
_DIGITS_P = r"\d+(?:[.,\u00a0\u202f]\d+(?:[.,\u00a0\u202f]\d+)*)?"     # a number in digits, in `_pattern`


@cache
def _pattern() -> re.Pattern[str]:
    return regex_cache.compile(fast_optionals(_pattern_source()))     # (16 KB: compiled once per machine)


def _pattern_source(fast: bool = True) -> str:
    """The quantity pattern; without `fast`, without the parts that only make it faster
    (what the tests compare it with)."""
    lex = _lex()
    # Only positions that can start a match go on to the full pattern (a 5x speed-up). A qualifier
    # of several words is tested whole, so that "in", "on" and "at" alone pass no further.
    firsts, several = _gate_words()
    gate = rf"(?={_GATE_SIGNS}|(?i:{trie(firsts)}|{_alt(several)})(?!\w))"
    cur = rf"(?:{_alt(list(lex.symbols))}|(?:{_alt([c.upper() for c in lex.codes])})\s?)\s?"
    # Speed: "(?!\d)": at a digit, where most matches begin, skip at once what only a word can
    # begin; `_more()`: skip at once what may follow a number when nothing can; and the
    # digits' "(?:,ddd)*" written so that `re` does not enter the loop when there is none.
    word = "(?!\\d)" if fast else ""
    digits = _DIGITS_P if fast else r"\d+(?:[.,\u00a0\u202f]\d+)*"
    num = rf"(?:{digits}|{word}(?:{HALF_SCALE_RE}|{MIXED_NUMBER_RE}|{FRACTION_RE}|{NUMBER_WORD_RE}))"
    words = rf"(?i:{_alt(list(lex.cur_words))})\b|(?:{_alt([c.upper() for c in lex.codes])})\b"
    more = f"(?={_more()})" if fast else ""

    def amount(i: int, then: str = "") -> str:
        return (rf"(?:{word}(?P<c{i}>{cur}))?(?P<n{i}>{num})"
                rf"(?:{more}(?P<m{i}>{_SCALE_P})?(?P<p{i}>{_PCT_P})?(?P<w{i}>\s+(?:{words}))?{then})?")
    conn = r"(?P<conn>\s?[-–—]\s?|\s+(?i:to)\s+|(?(rp)\s+(?i:and)\s+|(?!)))"
    return (rf"(?<![\w$¥￥₩€£₹₽]){gate}"
            rf"(?:{word}(?:(?P<rp>(?i:between|from))\s+)?(?:(?P<q>(?i:{_alt(list(lex.qualifiers))}))\s+)?)?"
            + amount(1, rf"(?:{conn}{amount(2)})?"))


def _more() -> str:
    """A regex for how what may follow a number in `_pattern` (multiplier, percent, currency
    word, range connector) can begin: where it does not match, as after most numbers, the
    pattern skips those parts at once. Keep it in step with them."""
    lex = _lex()
    blind = {w[0].lower() for w in (*_SCALE_WORDS, *_PCT_WORDS, *lex.cur_words, *_CONN_WORDS)}   # (?i) words
    codes = {c[0].upper() for c in lex.codes}
    glued = {w[0] for w in _SCALE_SUFFIXES}
    return (rf"\s?[-–—%]|\s+(?:(?i:[{''.join(sorted(blind))}])|[{''.join(sorted(codes))}])"
            rf"|(?i:[{''.join(sorted(glued))}])")


@cache
def _bare() -> re.Pattern[str]:
    """Where this matches, `_pattern` matches the same: digits alone (its lookbehind, no
    currency, nothing that may follow a number). Cheaper to try where what `_pattern` would
    match is dropped anyway (inside a date), and only its end is needed."""
    return re.compile(rf"(?<![\w$¥￥₩€£₹₽])(?>{_DIGITS_P})(?!{_more()})")     # (atomic: all the digits, as there)


@cache
def _starts() -> re.Pattern[str]:
    """Finds, one character early and in `scan_lower` text, every position where `_pattern`
    can match, and few others.

    `_pattern`'s own search tries its lookbehind and case-blind gate at every position. This
    one consumes the character before (what the lookbehind forbids there cannot be), so the
    search skips word characters in C. Past a digit, it reads the start of `_pattern`
    loosely (each part a trie of lower-case words, see `lowered_trie`): an optional
    "between"/"from", an optional qualifier, an optional currency, then a digit or a word a
    number can begin with ("a" only before "hundred", "dozen", a scale or a fraction). The
    first of those parts, whichever it is, is checked first in one trie, which rejects most
    word starts at once. A position it skips cannot match, and most it finds do."""
    lex = _lex()
    between = {"between", "from"}
    quals, symbols, codes = set(lex.qualifiers), set(lex.symbols), {c.upper() for c in lex.codes}
    numbers = {*SMALL_WORDS, *DENOMINATORS}
    after_a = rf"[-\s]+{lowered_trie({'hundred', 'dozen', *SCALES, *DENOMINATORS})}"
    whole = r"(?!\w)"
    number = rf"(?:\d|{lowered_trie(numbers, dict.fromkeys(numbers, whole))}|(?:a|an){after_a})"
    loose = (rf"(?:{lowered_trie(between)}\s+)?(?:{lowered_trie(quals)}\s+)?"
             rf"(?:(?:{lowered_trie(symbols, ignore=False)}|{lowered_trie(codes, ignore=False)}\s?)\s?)?{number}")
    # each word that can come first, with what must follow it
    tails: dict[str, set[str]] = {}
    for words, tail in ((between | quals, r"\s"), (symbols | codes, ""), (numbers, whole), ({"a", "an"}, after_a)):
        for w in words:
            tails.setdefault(w.lower(), set()).add(tail)
    first = lowered_trie(tails, {w: "(?:" + "|".join(sorted(t)) + ")" for w, t in tails.items()})
    return regex_cache.compile(rf"{NOT_ASCII_WORD}(?=\d|(?={first}){loose})")


def _matches(text: str):
    """`_pattern().finditer(text)`, tried only where `_starts` says a match can begin."""
    pattern = _pattern()
    end = 0
    for c in _starts().finditer(" " + scan_lower(text)):      # the space lets a match begin at 0
        pos = c.end() - 1
        if pos < end:
            continue
        m = pattern.match(text, pos)
        if m is not None:
            end = m.end()
            yield m


@dataclass(slots=True)
class _Amount:
    num: str            # the number as written
    value: float
    raw: float          # before the multiplier
    kind: str           # digits | word | fraction
    scaled: bool
    currency: str | None
    percent: bool


def _amount(m: re.Match[str], i: int) -> _Amount | None:
    got = _amount_of(*m.group(*_GROUPS[i]))
    return None if got is None else _Amount(*got)


@lru_cache(maxsize=8192)
def _amount_of(c: str | None, num: str, mul: str | None, pct: str | None, w: str | None) -> tuple | None:
    """The _Amount fields of a match's currency, number, multiplier, percent and currency word."""
    lex = _lex()
    scaled = bool(mul)
    if num[0].isdigit():
        if not _DIGITS.fullmatch(num) or (len(num) > 1 and num[0] == "0" and num[1] != "."):
            return None                           # "17.2.1953", "105-002", "01602": dates and codes
        kind = "digits"
    else:
        kind = "fraction" if _FRACTION.fullmatch(num) and not scaled else "word"
    raw = parse_number(num)
    if raw is None:
        return None
    scale = (mul or "").strip(" -").lower()
    cur = None
    if c:
        c = c.strip()
        cur = lex.symbols.get(c) or c.lower()
    elif w:
        w = " ".join(w.lower().split())
        cur = lex.cur_words.get(w) or w
    mult = SCALES.get(scale) or SUFFIX_SCALES.get(scale) or 1.0
    if scale in SUFFIX_SCALES and cur is None:
        return None                               # "5m" without a currency is a length or a code
    last = num.lower().rsplit(None, 1)[-1]
    if kind == "word" and last in SCALES:         # "three million": raw 3, so "two and three million"
        return num, raw, raw / SCALES[last], kind, True, cur, bool(pct)
    return num, raw * mult, raw, kind, bool(scale), cur, bool(pct)


def _sentence_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\u00a0(“\"‘'":  # opening quotes and brackets do not end a sentence
        i -= 1
    if i < 0 or text[i] == "\n":
        return True
    return text[i] in ".!?" or (text[i] in "”\"’)" and i > 0 and text[i - 1] in ".!?")


def _unit_after_or(text: str, end: int, lex: _Lex) -> str | None:
    """The unit of the next number in "five or six boats"."""
    o = _OR_NEXT.match(text, end)
    n = o and _pattern().match(text, o.end())
    head = n and _head(_tokens(text, n.end(), lex), lex)
    return head[0] if head else None


def _prev_word(text: str, lo: int, s: int) -> tuple[str, int]:
    """The word (or "§") that text[lo:s] ends with, but for a full stop and spaces, in lower
    case, and where it starts; ("", s) when there is none."""
    back = _BACK_TO_WORD.match(text[lo:s][::-1])       # read backwards: spaces, a full stop, letters
    k = s - back.end()
    if back.group(1):
        return text[k:k + len(back.group(1))].lower(), k
    if k > lo and text[k - 1] == "§":
        return "§", k - 1
    return "", s


def _blank_before(text: str, s: int) -> bool:
    """Nothing but spaces between the start of the line and s."""
    i = s - 1
    while i >= 0 and text[i] != "\n" and text[i].isspace():
        i -= 1
    return i < 0 or text[i] == "\n"


def _rejected_context(text: str, s: int, e: int, a: _Amount, lex: _Lex, bare: bool) -> bool:
    """References, codes, dates, ages, times, footnote markers around the span [s, e)."""
    before = text[s - 1] if s else " "
    if before in _GLUED_BEFORE and (before not in "\"'’–" or s > 1 and not text[s - 2].isspace()):
        return True                               # "Japan.7", "Taepodong-1", "GS(B)-01603", "24/7"
    if _CODE_AFTER.match(text, e) and not _measure_after(text, e, lex):
        return True                               # "1950s", "62nd", "13-year-old", "17.2.1953", "10:30"
    if before + text[e:e + 1] in ("[]", "()") and a.value < 100 and a.kind == "digits":
        return True                               # "[7]", "(2)": references and enumerations
    lo = max(0, s - 30)
    prev_word, pw_start = _prev_word(text, lo, s)
    if prev_word in lex.references or _TIME_AFTER.match(text, e):
        return True
    # the search only where it can match: its last word is one of these ("ſ" is an "s" to (?i))
    if (prev_word in _AGE_WORDS or "ſ" in prev_word) and _AGE_BEFORE.search(text[lo:s]):
        return True
    if bare and a.kind == "digits" and not a.scaled and a.currency is None:
        if "," not in a.num and (s >= 2 and text[s - 2].isdecimal() and text[s - 1] in " \u00a0"
                                 or text[e:e + 1] in (" ", "\u00a0") and text[e + 1:e + 2].isdecimal()):
            return True                           # "B AG 232 105-002": runs of numbers are call numbers
        if prev_word and text[pw_start].isupper() and a.num.isdecimal() and prev_word not in lex.codes \
                and prev_word not in lex.stop and not _sentence_start(text, pw_start):
            return True                           # "Resolution 1718", "Room 39", "AG 232": names and codes
        if text[e:e + 1] == "," and len(a.num) <= 3 and _AGE_COMMA.search(text[lo:s]):
            return True                           # "Yokota, 13, was": an age
        if len(a.num) <= 2 and (prev_word in lex.months or (t := _TOKEN.match(text, e)) and
                                t.group(1).lower() in lex.months):
            return True                           # "July 4", "24 June": dates
        if text[e:e + 1] in ".)" and text[e + 1:e + 2].isspace() and _blank_before(text, s):
            return True                           # "1. The ..." list numbering
    return False


def _fraction_ok(text: str, m_start: int, e: int, a: _Amount, has_q: bool, lex: _Lex) -> bool:
    f = _FRACTION_PARTS.fullmatch(a.num)
    if not f:
        return False
    numer, sep, denom = f.group(1), f.group(2), f.group(3).lower()
    n = small_number(numer) if numer else None
    after = text[e:e + 4]
    of_next = bool(_OF_NEXT.match(after))
    if denom.endswith("s") and denom != "halves" or denom == "halves" and numer:
        # "two-thirds", "three quarters of"; bare "quarters" or "two quarters" may be time
        # ("two quarters" is half a year: only "three quarters" is read as a fraction without a hyphen)
        return n is not None and n >= 2 and (sep == "-" or denom != "quarters" or n == 3 and of_next)
    if numer is None:
        if denom != "half":
            return False                          # "third", "quarter" alone: ordinals or time
        t = _HALF_TIME.match(text, e)
        if t and t.group(1).lower() in lex.time_units:
            return False                          # "half an hour"
        if not has_q:
            words = _FRACTION_WORDS.findall(text[max(0, m_start - 40):m_start].lower())
            if words and (words[-1] in lex.half_words or
                          len(words) > 1 and words[-2] in lex.half_dets and words[-1].isalpha()):
                return False                      # "the northern half", "the second half"
        return True
    return n == 1 and (sep == "-" or of_next)     # "one-sixth", "a quarter of"; not "a third test"


def _mentions(text: str, m: re.Match[str], lex: _Lex, prev: list[QuantityMention],
              scan: SentenceScan | None = None) -> list[QuantityMention]:
    has_q, c1, n2 = m.group("q", "c1", "n2")
    a1 = _amount(m, 1)
    a2 = _amount(m, 2) if n2 else None
    if a1 is None or (n2 and a2 is None):
        return []
    core = m.start("c1") if c1 else m.start("n1")
    start = m.start("q") if has_q else core
    end = m.end()
    if _rejected_context(text, start, end, a1, lex, start == core):
        return []
    amounts = [a1, a2] if a2 else [a1]
    years = [a for a in amounts if a.kind == "digits" and not a.scaled and a.currency is None and not a.percent
             and "," not in a.num and _YEAR.fullmatch(a.num)]
    if a2 and years:
        return []                                 # "1910-1945", "between 1959 and 1984", "1995-96"
    measure = None if a2 else _measure_after(text, end, lex)
    if measure:
        end = _HYPHEN_UNIT.match(text, end).end()   # "a 9,700-ton ship"
    or_so = not a2 and not has_q and _OR_SO.match(text, end)
    if or_so:
        end = or_so.end()                         # "40 or so schools": about 40
    toks = _tokens(text, end, lex)
    head = (measure, end, 0) if measure else _head(toks, lex)
    first = toks[0][0] if toks else ""
    cur = a1.currency or (a2.currency if a2 else None)
    pct = a1.percent or (a2.percent if a2 else False)
    if first in lex.time_units and not cur and not pct:
        return []                                 # durations and ages are the date recognizer's
    if years:
        before = _prev_word(text, max(0, start - 20), start)[0]
        if not (head and head[2] == 0 and "." not in years[0].num and _unit_of(first, lex)
                and before not in lex.year_preceders and before not in lex.months):
            return []                             # "in 1956", "the 2018 summits" -- but "2000 troops"
    word = a1.num[0].isalpha()
    at_start = _sentence_start(text, start)
    next_cap = bool(toks) and toks[0][2][0].isupper() and _unit_of(first, lex) is None
    if word and a1.num[0].isupper() and (not at_start or next_cap):
        return []                                 # "Six Party Talks", "Group of Seven"
    if word and a1.kind == "word" and not a2 and a1.num.lower() in ("one", "a", "an"):
        return []                                 # "one" is a determiner, not a count
    if a1.value == 2 and not a2 and first in lex.determiner_nouns:
        return []                                 # "the two countries", "the two Koreas"
    for a in amounts:
        if a.kind == "fraction" and not _fraction_ok(text, start, end, a, bool(m.group("q")), lex):
            return []
    if (a1.kind == "digits" and not m.group("q") and not a2 and len(a1.num) <= 3 and a1.num.isdecimal()
            and not cur and not pct and at_start and start > 0):
        rest = text[end:end + 40].lstrip(" \t\u00a0")
        t = _TOKEN.match(" " + rest)
        if not rest or rest[0] == "\n" or rest[0].isupper() and not (t and _unit_of(t.group(1).lower(), lex)):
            return []                             # "talks. 19 By 1992": a footnote marker
    if start == core and not head and not cur and not pct and _CITED_PAGE.search(text[max(0, start - 8):start]):
        return []                                 # "(Tokyo, 1992), 45-67", "op. cit., 12": citation pages
    if (not a2 and not head and not cur and not pct and not a1.scaled and "." in a1.num
            and _NOTE_AFTER.match(text[end:end + 3])):
        end = m.start("n1") + a1.num.index(".")   # "rose to 12.3 Then": a footnote after the full stop
        a1.value = parse_number(text[m.start("n1"):end]) or 0.0
    qualifier = lex.qualifiers.get(" ".join(m.group("q").lower().split()), "exact") if m.group("q") else "exact"
    if or_so:
        qualifier = "about"
    elif not has_q and not head and not a2 and lex.bound_verbs:
        verb, v_start = _prev_word(text, max(0, start - 20), start)
        if verb in lex.bound_verbs and v_start + len(verb) < start:
            qualifier, start = lex.bound_verbs[verb], v_start    # "had passed 74,000"
    if cur:
        unit = cur
    elif pct:
        unit = "percent"
    elif all(a.kind == "fraction" for a in amounts):
        unit = "fraction"
    elif head:
        unit = head[0]
        if head[2] == 0 and toks[0][2].islower() and "\n" not in text[end:head[1]]:
            end = head[1]                         # "eight rounds" (but not "Koreans": it may be an entity)
        if qualifier == "more_than" and m.group("q").lower() == "over" and at_start and unit in lex.episode:
            qualifier, start = "exact", core      # "Over three rounds of talks, ...": during
    else:
        unit = _unit_after_or(text, end, lex) or _unit_of_the(text, end, lex) or _currency_rate(text, start, end, lex) \
            or _look_back(text, start, lex, prev, scan)
    if a2:
        if not a1.scaled and a2.scaled and a1.raw < a2.raw:
            a1.value = a1.raw * (a2.value / a2.raw)   # "$5 and $10 billion": the multiplier distributes
        if a1.value < a2.value:
            return [QuantityMention(start, end, text[start:end], None, unit, "range", a1.value, a2.value)]
        if m.group("conn").strip() in "-–—":
            return []                             # "a 5-4 ruling", "50-50": scores and odds
        e1 = m.end("w1") if m.group("w1") else m.end("p1") if m.group("p1") else m.end("n1")
        return [QuantityMention(start, e1, text[start:e1], a1.value, unit, qualifier),
                QuantityMention(m.start("n2"), end, text[m.start("n2"):end], a2.value, unit)]
    value = round(a1.value, 4) if a1.kind == "fraction" else a1.value
    return [QuantityMention(start, end, text[start:end], value, unit, qualifier)]


def find_quantities(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[QuantityMention]:
    """Quantities in text, in order, never overlapping each other, URLs or the `skip` spans."""
    lex = _lex()
    urls = _URL.finditer(text) if "@" in text or "http" in text or "www." in text else ()  # cheap test first
    taken = sorted([*skip, *((u.start(), u.end()) for u in urls)])
    starts = [s for s, _ in taken]
    max_end = list(accumulate((e for _, e in taken), max))
    out: list[QuantityMention] = []
    pattern, bare = _pattern(), _bare()
    end = 0             # as in _matches: where the last match ended
    scan = SentenceScan(text)
    for c in _starts().finditer(" " + scan_lower(text)):
        pos = c.end() - 1
        if pos < end:
            continue
        j = bisect_right(starts, pos) if taken else 0
        if j and max_end[j - 1] > pos and (b := bare.match(text, pos)) and max_end[j - 1] >= b.end():
            end = b.end()   # digits inside a date: all that `pattern` would match, and drop
            continue
        m = pattern.match(text, pos)
        if m is None:
            continue
        end = m.end()
        if j and max_end[j - 1] >= end:
            continue        # inside a date or URL: whatever it yields would overlap it
        for q in _mentions(text, m, lex, out, scan):
            i = bisect_left(starts, q.end)
            if (out and q.start < out[-1].end) or (i and max_end[i - 1] > q.start):
                continue
            out.append(q)
    return out
