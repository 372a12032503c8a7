"""Property-based tests of the date recognizer and resolver (hypothesis).

For arbitrary text, and for text stitched together from date phrases, numbers that are
not dates, and filler: find_times never raises, its mentions index the text, come sorted
and non-overlapping, and carry well-formed values (EDTF, checked with the `edtf` package,
for dates and intervals; ISO 8601 durations for durations and sets).
"""
from __future__ import annotations

import itertools
import re

import pytest
from edtf import parse_edtf
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kankei import edtf
from kankei.recognize._regex_prefix import fast_optionals
from kankei.recognize.date_grammar import master, unguarded
from kankei.recognize.dates import _scan, _scan_master, find_times
from kankei.resolve.anchor import resolve_times

# ISO 8601 durations: P2Y, P1Y6M (compound), PT69M (times of day)
DURATION = re.compile(r"^P(?=\d|T\d)(?:\d+(?:\.\d+)?Y)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?W)?(?:\d+(?:\.\d+)?D)?"
                      r"(?:T(?=\d)(?:\d+(?:\.\d+)?H)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?S)?)?$")
TYPES = {"date", "interval", "duration", "set"}

PHRASES = [
    # absolute
    "19 January 1956", "January 19, 1956", "Jan. 19 1956", "the 19th of January 1956",
    "Monday, 3 March 2011", "2011-03-03", "January 1956", "February of 1959", "June, 2012",
    "1956", "2004", "the 1950s", "1950s", "the '90s", "the 1930s and 40s", "the 1970s and 1980s",
    "the late 1950s", "the mid-1990s", "the early 1960s", "the second half of the 1950s",
    "the latter part of the 1950s", "early 2007", "mid-2007", "late 2007", "the end of 1961",
    "early June 2012", "the 20th century", "the late nineteenth century", "the summer of 1959",
    "1910-1945", "1995-96", "between 1959 and 1984", "from December 1959 to July 1984",
    "Feb. 1950-Mar 1952", "juillet-août 1959", "3-5 May 2004", "August 1958 onwards",
    "17.2.1953-11.10.1957", "18.5.1956", "année 1958", "around 1956", "circa 1956", "c. 1956",
    "the fifties", "the mid-to-late 1990s", "1956/57", "the winter of 1959-60", "May 3-5, 2004",
    "19 January to 3 February 1956", "29 February 1956", "31 February 1956", "30.2.1956",
    # durations and sets
    "two years", "25 years", "nearly two millennia", "a two-year hiatus", "more than two years before",
    "six months", "three days", "half a century", "two and a half years", "every year", "annually",
    "$5 a month", "every two years", "1.5 years", "a year and a half",
    # relative
    "today", "now", "currently", "yesterday", "last October", "this year", "last year", "next month",
    "on Monday", "two years ago", "three days later", "the following month", "two months later",
    "the next year", "that year", "the same month", "at that time", "In May", "July 4", "on 3 March",
    "May and October 2013", "the day after", "early June", "the end of World War II",
    "the outbreak of the Korean War", "during the Korean War", '"currently"', "was now",
    "999,999 days later", "9999 years ago", "9000 years later", "31 December 2099", "1 January 1000",
    "the past decade", "1910-45", "1945-08", "8/3/1956", "1959/2/13",
    # not times
    "1,955 people", "2000 members", "1500 tons", "p. 1956", "pp. 114-143", "Vol. 6", "box no. 2189",
    "B AG 232 105-002", "Resolution 1718", "Mangyongbong-92", "Taepodong-1", "Hwasong-15",
    "at the age of 13", "a 13-year-old girl", "13 years old", "62nd birthday", "Koreans May Be Deported",
    "it may rain", "$1956", "1956.5", "in their 40s", "40s", "mid-40s", "12.5%", "1956%",
]
FILLER = ["the", "ship", "and", "in", "of", "to", "from", "between", "May", "may", "March", "about",
          "some", "their", "1,000", "p.", "No.", "(", ")", "—", "-", "–", "'", "’", '"', "“", "”", "$",
          "c.", "mid-", "early", "late", "the end of", "later", "ago", "s", "0", "19", "2015", ".5"]
SEPARATORS = [" ", "", ", ", " - ", "-", " to ", " and ", "\n", "\n\n", ". ", "/", "."]
DCTS = [None, "2015", "2015-06", "2015-06-10", "2017-11/2018-10"]

phrase_text = st.lists(
    st.tuples(st.sampled_from(PHRASES + FILLER), st.sampled_from(SEPARATORS)), max_size=16,
).map(lambda parts: "".join(a + b for a, b in parts))
date_alphabet = st.sampled_from(list("0123456789 .-–/,'’:()$%ths\nMayJunerDcSpb"))
number_text = st.lists(date_alphabet, max_size=40).map("".join)


def well_formed(text, times) -> None:
    last_end = 0
    for t in times:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        assert t.start >= last_end, "mentions overlap or are out of order"
        last_end = t.end
        assert t.type in TYPES
        if t.anchor == "absolute" and t.type != "duration":
            assert t.value is not None      # (a duration may leave its amount unsaid: "months-long", "6-25 years")
        if t.value is None:
            continue
        if t.type in ("duration", "set"):
            assert DURATION.match(t.value), t.value
        else:
            parse_edtf(t.value)       # raises on anything that is not EDTF


def check(text: str, dct: str | None) -> None:
    times = find_times(text)
    well_formed(text, times)
    resolve_times(times, text, dct)
    well_formed(text, times)
    resolve_times(find_times(text), text, dct, body_end=len(text) // 2)


PROPERTY = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# No test here may depend on the machine's speed: Hypothesis's default deadline (200 ms an example)
# fails on a busy machine, so every property runs without one.
UNTIMED = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(st.text(max_size=200), st.sampled_from(DCTS))
def test_arbitrary_text(text, dct):
    check(text, dct)


@PROPERTY
@given(number_text, st.sampled_from(DCTS))
def test_digit_heavy_text(text, dct):
    check(text, dct)


@PROPERTY
@given(phrase_text, st.sampled_from(DCTS))
def test_text_of_date_phrases(text, dct):
    check(text, dct)


@PROPERTY
@given(st.one_of(phrase_text, number_text))
def test_guard_keeps_every_match(text):
    """The speed guard of the master pattern may skip positions, never a match."""
    assert [m.span() for m in master().finditer(text)] == [m.span() for m in unguarded().finditer(text)]


@PROPERTY
@given(st.one_of(phrase_text, number_text, st.text(max_size=120)))
def test_scanner_matches_master(text):
    """Scanning only where a match can begin, with only the alternatives that can begin
    there, finds what searching with the whole master pattern finds."""
    assert _scan(text) == _scan_master(text)


@UNTIMED
@given(st.sampled_from(PHRASES), st.sampled_from(DCTS))
def test_each_phrase_alone(phrase, dct):
    for text in (phrase, f"In {phrase} the ship left.", f"{phrase}.", f"({phrase})"):
        check(text, dct)


@UNTIMED
@given(st.integers(0, 9999), st.integers(1, 12), st.integers(1, 28),
       st.sampled_from(["day", "week", "month", "year"]), st.integers(-10**7, 10**7))
def test_shift_stays_in_edtf(year, month, day, unit, n):
    for value in (edtf.point(year, month, day), edtf.point(year, month), edtf.point(year)):
        out = edtf.shift(value, unit, n)
        if out is not None:
            parse_edtf(out)
            assert edtf.in_range(out)


@pytest.mark.parametrize("pattern", [
    r"(?P<a>x)?y", r"a(?:b(?P<c>d)?)?", r"[)?](x)?", r"\)?(y)?", r"(?=a)?b", r"(a)??b", r"(a)?+b",
    r"[\]?](b)?", r"[^]x](c)?", r"(?:(a)|b)?(?(1)c|d)", r"(x(y)?)?z", r"(a*)?b", r"((a)|b)?\2?x",
])
def test_fast_optionals_keep_every_match(pattern):
    """Optional groups rewritten for speed match what they matched, group for group."""
    plain, fast = re.compile(pattern), re.compile(fast_optionals(pattern))
    for n in range(4):
        for chars in itertools.product("abcdxyz)?]", repeat=n):
            text = "".join(chars)
            for pos in range(n + 1):
                a, b = plain.match(text, pos), fast.match(text, pos)
                assert (a and (a.regs, a.lastindex)) == (b and (b.regs, b.lastindex)), (pattern, text)


def test_the_small_and_the_fast_guard_find_the_same_starts():
    """The scanner switches guards after a while: both must let through exactly the same places."""
    import re

    from kankei.recognize import date_grammar as G

    small, fast = (re.compile(G.NOT_ASCII_WORD + G._guard(small=s)[len(G.START):] + G.START) for s in (True, False))
    text = ("In fiscal 2011 the two sides met three times; the late 1950s, FY 2012, the first half of May, "
            "about 3 weeks later, 17.2.1953-11.10.1957, Showa 34, a decade-long wait, some 40 or so years, "
            "THE NEXT MONTH, That year, the following week, ninety-three thousand and twelve people.")
    for t in (text, text.lower(), text.upper()):
        assert [m.end() for m in small.finditer(" " + t)] == [m.end() for m in fast.finditer(" " + t)]
