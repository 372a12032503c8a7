"""Numbers written in digits or words -> float, plus regex sources other recognizers embed.

The regex sources carry their own case-insensitive flag (`(?i:...)`) and no capturing
groups, so they can be dropped into any larger pattern, compiled with or without flags.
"""
from __future__ import annotations

import re

from kankei.recognize._regex_prefix import trie

_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
          "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
          "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
SMALL_WORDS = (*_UNITS, *_TENS)   # every word a spelled-out cardinal can start with, but "a"/"an"
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Abbreviated multipliers glued to digits ("€5m", "£3bn", "$40k").
SUFFIX_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12, "trn": 1e12}
DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
                "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
                "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
                "tenth": 10, "tenths": 10}

_UNIT_P = "one|two|three|four|five|six|seven|eight|nine"
_TEEN_P = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|zero"
_TENS_P = "|".join(_TENS)
_SCALE_P = r"(?:thousand|million|billion|trillion)\b"
_ANY_SCALE = r"(?:hundred|thousand|million|billion|trillion)\b"

# "seventy-four", "twenty five", "thirteen", "six". A trie: the larger patterns below try it
# several times at each word, and a plain alternation of words under (?i) is slow to fail
# (each word is tried in turn). Only one word can match at a place (each must end the word).
SMALL_NUMBER_RE = rf"(?i:(?:{trie(_TENS)}(?:[-\s](?:{_UNIT_P})\b)?|{trie(_UNITS)})\b)"
_S = SMALL_NUMBER_RE
# "a hundred", "one hundred and twenty" (the tail may not itself take "hundred":
# "five hundred and six hundred" is a range, not 506 hundred)
_HUNDREDS = rf"(?:{_S}|an?)\s+hundred\b(?:(?:\s+and)?\s+{_S}(?!\s+hundred\b))?"
_BELOW_K = rf"(?:{_HUNDREDS}|{_S})"
_GROUP = rf"(?:{_BELOW_K}|an?)\s+{_SCALE_P}"
MIXED_NUMBER_RE = rf"(?i:{_S}\s+and\s+an?\s+half\b(?:\s+{_SCALE_P})?)"       # "two and a half (million)"
HALF_SCALE_RE = rf"(?i:half\s+an?\s+{_SCALE_P})"                            # "half a million"
_DOZEN = rf"(?:{_S}|an?)\s+dozen\b"
# Spelled-out cardinals. "and" joins a last group only when no scale word follows it, so
# "between two million and three million" stays two numbers.
NUMBER_WORD_RE = (
    rf"(?i:{MIXED_NUMBER_RE}|{HALF_SCALE_RE}|{_DOZEN}"
    rf"|{_GROUP}(?:,?\s+{_GROUP})*(?:,?\s+(?:and\s+{_BELOW_K}|{_HUNDREDS})(?!\s+{_ANY_SCALE}))?"
    rf"|{_BELOW_K})"
)
_DENOM_P = trie(DENOMINATORS)
# "two-thirds", "one sixth", "a quarter", "half" (callers decide whether a bare ordinal
# such as "a third" is a fraction or an ordinal)
FRACTION_RE = rf"(?i:(?:(?:{_S}|an?)[-\s])?(?:{_DENOM_P})\b)"
# Digits with thousands separators (comma, no-break or thin space) and decimals.
DIGITS_RE = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u00a0\u202f]\d{3})+|\d+(?:\.\d+)?)"
MULTIPLIER_RE = rf"(?i:(?:\s+|\s?-\s?){_SCALE_P})"
# Any cardinal: "93,000", "1.2 billion", "two million", "seventy-four thousand", "three".
CARDINAL_RE = rf"(?:{DIGITS_RE}(?:{MULTIPLIER_RE})?(?!\d)|{NUMBER_WORD_RE})"

_DIGITS_FULL = re.compile(
    r"(\d{1,3}(?:[, \u00a0\u202f]\d{3})+|\d+)(\.\d+)?\s*(?:-\s*)?([a-z]+)?", re.I)
_MIXED_FULL = re.compile(rf"({_S})\s+and\s+an?\s+half(?:\s+({_SCALE_P}))?", re.I)
_HALF_SCALE_FULL = re.compile(rf"half\s+an?\s+({_SCALE_P})", re.I)
_FRACTION_FULL = re.compile(rf"(?:({_S}|an?)[-\s])?({_DENOM_P})", re.I)
_VAGUE = {"dozens", "hundreds", "thousands", "millions", "billions", "several", "few", "many", "tens"}


def small_number(word: str) -> int | None:
    """Spelled cardinal "one".."ninety-nine" (hyphen or space), or "a"/"an" -> 1; else None."""
    w = " ".join(word.lower().replace("-", " ").split())
    if w in ("a", "an"):
        return 1
    if w in _UNITS:
        return _UNITS[w]
    if w in _TENS:
        return _TENS[w]
    parts = w.split(" ")
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _UNITS and 0 < _UNITS[parts[1]] < 10:
        return _TENS[parts[0]] + _UNITS[parts[1]]
    return None


def _words_value(s: str) -> float | None:
    """Spelled-out cardinal -> value, by the usual running-total rule."""
    total, current, seen = 0.0, 0.0, False
    tokens = [t for t in re.split(r"[\s,-]+", s.lower()) if t and t != "and"]
    for i, tok in enumerate(tokens):
        if tok in _UNITS:
            current += _UNITS[tok]
        elif tok in _TENS:
            current += _TENS[tok]
        elif tok in ("a", "an"):
            # only a determiner before a scale word ("a hundred", "a million")
            if i + 1 >= len(tokens) or tokens[i + 1] not in ("hundred", "dozen", *SCALES):
                return None
            current += 1
            continue
        elif tok == "hundred":
            current = (current or 1) * 100
        elif tok == "dozen":
            current = (current or 1) * 12
        elif tok in SCALES:
            if not seen and not current:
                return None          # "thousand" alone is not a number
            total += (current or 1) * SCALES[tok]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_number(s: str) -> float | None:
    """Value of a number written in digits, words, or a mix; None if vague or not a number.

    "93,000" -> 93000, "1.2 billion" -> 1.2e9, "€5m"-style "5m" -> 5e6, "two million" -> 2e6,
    "seventy-four thousand" -> 74000, "two-thirds" -> 0.6667, "half" -> 0.5,
    "half a million" -> 5e5, "two and a half" -> 2.5, "a dozen" -> 12, "dozens" -> None.
    """
    s = " ".join(s.strip().split())
    if not s:
        return None
    low = s.lower()
    if low in _VAGUE:
        return None
    if s[0].isdigit():
        m = _DIGITS_FULL.fullmatch(s)
        if not m:
            return None
        whole, frac, scale = m.groups()
        value = float(re.sub(r"[, \u00a0\u202f]", "", whole) + (frac or ""))
        if scale is None:
            return value
        scale = scale.lower()
        mult = SCALES.get(scale) or SUFFIX_SCALES.get(scale) or (100 if scale == "hundred" else None)
        return value * mult if mult else None
    m = _MIXED_FULL.fullmatch(s)
    if m:
        base = _words_value(m.group(1))
        return None if base is None else (base + 0.5) * (SCALES[m.group(2).lower()] if m.group(2) else 1)
    m = _HALF_SCALE_FULL.fullmatch(s)
    if m:
        return 0.5 * SCALES[m.group(1).lower()]
    m = _FRACTION_FULL.fullmatch(s)
    if m:
        num_word, denom = m.group(1), m.group(2).lower()
        num = 1 if num_word is None else small_number(num_word)
        if num is None:
            return None
        return num / DENOMINATORS[denom]
    return _words_value(s)
