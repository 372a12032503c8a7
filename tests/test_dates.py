"""Absolute temporal expressions: spans and EDTF values, one table per construction.

Every sentence here is composed for the test (none is taken from a corpus). Each case
lists the mentions expected in order as (span text, value).
"""
from __future__ import annotations

import pytest

from kankei.recognize.dates import find_times
from kankei.resolve.anchor import resolve_times


def extract(text: str, dct: str | None = None) -> list[tuple[str, str | None]]:
    times = find_times(text)
    resolve_times(times, text, dct)
    return [(t.text, t.value) for t in times]


def types(text: str) -> list[str]:
    return [t.type for t in find_times(text)]


def check(sentence: str, expected: list[tuple[str, str | None]]) -> None:
    assert extract(sentence) == expected, sentence


FULL_DATES = [
    ("The treaty was signed on 19 January 1956 in Tokyo.", [("19 January 1956", "1956-01-19")]),
    ("On January 19, 1956, the envoys met.", [("January 19, 1956", "1956-01-19")]),
    ("The cable went out on Jan. 19 1956 at noon.", [("Jan. 19 1956", "1956-01-19"), ("noon", "1956-01-19T12:00:00")]),
    ("It was decided on the 19th of January 1956.", [("the 19th of January 1956", "1956-01-19")]),
    ("The earthquake struck on Monday, 3 March 2011.", [("Monday, 3 March 2011", "2011-03-03")]),
    ("The memo is dated 2011-03-03.", [("2011-03-03", "2011-03-03")]),
    ("Talks opened on Sept. 5, 1957 in Geneva.", [("Sept. 5, 1957", "1957-09-05")]),
    ("He wrote on 1st October 1957 to the committee.", [("1st October 1957", "1957-10-01")]),
    ("The vessel left port on December 14th, 1959.", [("December 14th, 1959", "1959-12-14")]),
    ("Fighting began on Sunday, June 25, 1950.", [("Sunday, June 25, 1950", "1950-06-25")]),
    ("The order of 29 February 1956 stood.", [("29 February 1956", "1956-02-29")]),
    ("The 3rd of March, 2004 was cold.", [("The 3rd of March, 2004", "2004-03-03")]),
    ("The envoy met her on Monday, March 3 2004.", [("Monday, March 3 2004", "2004-03-03")]),
]

MONTHS = [
    ("They met in January 1956.", [("January 1956", "1956-01")]),
    ("They met again in February of 1959.", [("February of 1959", "1959-02")]),
    ("The envoys met in June, 2012 to talk.", [("June, 2012", "2012-06")]),
    ("Sept. 1957 was a busy month.", [("Sept. 1957", "1957-09")]),
    ("Dec 1960 marked a change.", [("Dec 1960", "1960-12")]),
    ("MONTHLY REPORT, JANUARY 1956", [("JANUARY 1956", "1956-01")]),
    ("Rapport de mars 1959 sur les navires.", [("mars 1959", "1959-03")]),
    ("In May 2004 the two leaders met.", [("May 2004", "2004-05")]),
]

YEARS = [
    ("He was born in 1934 in Osaka.", [("1934", "1934")]),
    ("The 2002 declaration was signed in Pyongyang.", [("2002", "2002")]),
    ("In 2000, 1000 people left the city.", [("2000", "2000")]),
    ("The year 1959 was pivotal.", [("1959", "1959")]),
    # a footnote number glued to the full stop after a year
    ("The war ended in 1945.12 Then came the occupation.", [("1945", "1945")]),
    ("Elections were held (1958) and lost.", [("1958", "1958")]),
    ("Japan's colonial rule (1910-45) left scars.", [("1910-45", "1910/1945")]),
    ("The file is dated 1945-08.", [("1945-08", "1945-08")]),
    ("Asahi Shimbun, 1959/2/13, morning edition.", [("1959/2/13", "1959-02-13")]),
    ("A note of 18/3/1956 survives.", [("18/3/1956", "1956-03-18")]),
    ("A note of 8/3/1956 survives.", [("8/3/1956", "1956")]),     # day and month order unknown
]

DECADES = [
    ("The 1950s were hard years.", [("The 1950s", "195X")]),
    ("1950s Japan was poor.", [("1950s", "195X")]),
    ("Music of the '90s was loud.", [("the '90s", "199X")]),
    ("Films of the ’60s were bold.", [("the ’60s", "196X")]),
    ("In the 1930s and 40s the empire grew.", [("the 1930s", "193X"), ("40s", "194X")]),
    ("Trade grew in the 1970s and 1980s.", [("the 1970s", "197X"), ("1980s", "198X")]),
    ("In the 2000s Japan changed.", [("the 2000s", "200X")]),
    ("The 1950's were hard.", [("The 1950's", "195X")]),
    ("In the fifties many left.", [("the fifties", "195X")]),
    ("The 1950s-60s were hard.", [("The 1950s-60s", "195X/196X")]),
    ("Between the 1960s and the 1980s trade grew.", [("the 1960s and the 1980s", "196X/198X")]),
]

PARTS = [
    ("In the late 1950s they left.", [("the late 1950s", "1957/1959")]),
    ("In the mid-1990s famine struck.", [("the mid-1990s", "1994/1996")]),
    ("In the early 1960s they came.", [("the early 1960s", "1960/1963")]),
    ("In the second half of the 1950s they came.", [("the second half of the 1950s", "1955/1959")]),
    ("During the latter part of the 1950s they came.", [("the latter part of the 1950s", "1957/1959")]),
    ("At the end of the 1950s they came.", [("the end of the 1950s", "1957/1959")]),
    ("In the mid-to-late 1990s famine struck.", [("the mid-to-late 1990s", "1994/1999")]),
    ("In the early 2000s Japan changed.", [("the early 2000s", "2000/2003")]),
    ("In the late sixties many left.", [("the late sixties", "1967/1969")]),
    ("In early 2007 talks resumed.", [("early 2007", "2007-01/2007-04")]),
    ("By mid-2007 talks resumed.", [("mid-2007", "2007-05/2007-08")]),
    ("In late 2007 talks resumed.", [("late 2007", "2007-09/2007-12")]),
    ("At the end of 1961 they sailed.", [("the end of 1961", "1961-12")]),
    ("At the beginning of 1962 he left.", [("the beginning of 1962", "1962-01")]),
    ("In the first half of 2004 talks stalled.", [("the first half of 2004", "2004-01/2004-06")]),
    ("In early June 2012 they met.", [("early June 2012", "2012-06-01/2012-06-10")]),
    ("In late February 2012 they met.", [("late February 2012", "2012-02-21/2012-02-29")]),
    ("By the end of June 2012 they met.", [("the end of June 2012", "2012-06-21/2012-06-30")]),
    ("In mid-May 2003 the ship returned.", [("mid-May 2003", "2003-05-11/2003-05-20")]),
]

CENTURIES = [
    ("In the 20th century many wars happened.", [("the 20th century", "19XX")]),
    ("In the late nineteenth century Japan modernised.", [("the late nineteenth century", "1870/1899")]),
    ("The 21st-century economy differs.", [("The 21st-century", "20XX")]),
    ("In the early twentieth century the port grew.", [("the early twentieth century", "1900/1939")]),
    ("In the 1st century the kingdom rose.", [("the 1st century", "00XX")]),
    ("In the first half of the 20th century Japan expanded.",
     [("the first half of the 20th century", "1900/1949")]),
]

SEASONS = [
    ("In the summer of 1959 the ships sailed.", [("the summer of 1959", "1959-22")]),
    ("Spring 1960 brought rain.", [("Spring 1960", "1960-21")]),
    ("In autumn 1958 the talks began.", [("autumn 1958", "1958-23")]),
    ("In the winter of 1959-60 it snowed.", [("the winter of 1959-60", "1959-24")]),
]

RANGES = [
    ("Japan ruled Korea 1910-1945.", [("1910-1945", "1910/1945")]),
    ("It ran 1945–1952 without a break.", [("1945–1952", "1945/1952")]),
    ("The famine of 1995-96 was severe.", [("1995-96", "1995/1996")]),
    ("He worked there in 1956/57.", [("1956/57", "1956/1957")]),
    ("Between 1959 and 1985 the ships sailed.", [("1959 and 1985", "1959/1985")]),
    ("From December 1959 to July 1984, the ships sailed.",
     [("December 1959 to July 1984", "1959-12/1984-07")]),
    ("Letters, Feb. 1950-Mar 1952.", [("Feb. 1950-Mar 1952", "1950-02/1952-03")]),
    ("Dossier : rapatriement, juillet-août 1959.", [("juillet-août 1959", "1959-07/1959-08")]),
    ("The summit took place 3-5 May 2004.", [("3-5 May 2004", "2004-05-03/2004-05-05")]),
    ("The summit took place May 3-5, 2004.", [("May 3-5, 2004", "2004-05-03/2004-05-05")]),
    ("From August 1958 onwards the policy changed.", [("August 1958 onwards", "1958-08/..")]),
    ("The ban lasted from 1945 to 1952.", [("1945 to 1952", "1945/1952")]),
    ("From 1992 until 2006 talks stalled.", [("1992 until 2006", "1992/2006")]),
    ("From 1992 until the collapse in 2006 talks stalled.", [("1992", "1992"), ("2006", "2006")]),
    ("Between May and October 2013 ships sailed.", [("May and October 2013", "2013-05/2013-10")]),
    ("The meeting ran from 19 January to 3 February 1956.",
     [("19 January to 3 February 1956", "1956-01-19/1956-02-03")]),
    ("The meeting ran January 19-February 3, 1956.",
     [("January 19-February 3, 1956", "1956-01-19/1956-02-03")]),
    ("The ship sailed 14 December 1959 – 3 January 1960.",
     [("14 December 1959 – 3 January 1960", "1959-12-14/1960-01-03")]),
    ("Between the late 1950s and the early 1960s many left.",
     [("the late 1950s and the early 1960s", "1957/1963")]),
    ("The talks ran May-June 2004.", [("May-June 2004", "2004-05/2004-06")]),
]

ARCHIVAL = [
    ("Correspondence 17.2.1953-11.10.1957.", [("17.2.1953-11.10.1957", "1953-02-17/1957-10-11")]),
    ("Note verbale du 18.5.1956.", [("18.5.1956", "1956-05-18")]),
    ("Rapports, année 1958.", [("année 1958", "1958")]),
    ("Telegrams 01.08.1956 – 29.12.1957", [("01.08.1956 – 29.12.1957", "1956-08-01/1957-12-29")]),
]

APPROXIMATIONS = [
    ("Around 1956 they moved.", [("Around 1956", "1956~")]),
    ("He was born circa 1956 in Osaka.", [("circa 1956", "1956~")]),
    ("A photograph, c. 1956.", [("c. 1956", "1956~")]),
    ("A photograph, ca.1960.", [("ca.1960", "1960~")]),
    ("In about 1956 he moved.", [("about 1956", "1956~")]),
    ("He left (about 1956) for Niigata.", [("about 1956", "1956~")]),
    ("A book about 1956 appeared.", [("1956", "1956")]),
    ("Around the 1950s things changed.", [("Around the 1950s", "195X~")]),
    ("They arrived around May 1960.", [("around May 1960", "1960-05~")]),
]

NAMED_PERIODS = [
    ("After the end of World War II many returned.", [("the end of World War II", "1945")]),
    ("Soon after the outbreak of the Korean War he fled.", [("the outbreak of the Korean War", "1950")]),
    ("By the end of the Second World War the mines closed.", [("the end of the Second World War", "1945")]),
    ("During the Korean War the port was busy.", [("During the Korean War", "1950/1953")]),
]

CASES = {
    "full_dates": FULL_DATES, "months": MONTHS, "years": YEARS, "decades": DECADES, "parts": PARTS,
    "centuries": CENTURIES, "seasons": SEASONS, "ranges": RANGES, "archival": ARCHIVAL,
    "approximations": APPROXIMATIONS, "named_periods": NAMED_PERIODS,
}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [pytest.param(s, e, id=f"{group}-{i}") for group, cases in CASES.items() for i, (s, e) in enumerate(cases)])
def test_absolute(sentence, expected):
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("He was held for two years.", [("two years", "P2Y")]),
    ("He was held for 25 years.", [("25 years", "P25Y")]),
    ("The feud spans nearly two millennia.", [("nearly two millennia", "P2000Y")]),
    ("After a two-year hiatus, talks resumed.", [("two-year", "P2Y")]),
    ("He left more than two years before the talks began.", [("more than two years", "P2Y")]),
    ("He waited six months.", [("six months", "P6M")]),
    ("The trip took three days.", [("three days", "P3D")]),
    ("He spent two and a half years in prison.", [("two and a half years", "P2Y6M")]),
    ("He spent a year and a half in prison.", [("a year and a half", "P1Y6M")]),
    ("He spent half a century in exile.", [("half a century", "P50Y")]),
    ("It took 18 months to agree.", [("18 months", "P18M")]),
    ("It took 1.5 years to agree.", [("1.5 years", "P1Y6M")]),
    ("It took the past decade and 1.5 years.", [("the past decade", "P10Y"), ("1.5 years", "P1Y6M")]),
    ("For a decade nothing happened.", [("a decade", "P10Y")]),
    ("Over four decades the community shrank.", [("Over four decades", "P40Y")]),
    ("The first two years were hard.", [("The first two years", "P2Y")]),
    ("He stayed for a week.", [("a week", "P1W")]),
    ("It took one day to unload.", [("one day", "P1D")]),
    ("Over the past decade the number fell.", [("the past decade", "P10Y")]),
    ("A 10-year plan began.", [("10-year", "P10Y")]),
    ("Some twenty-five years passed.", [("Some twenty-five years", "P25Y")]),
])
def test_durations(sentence, expected):
    check(sentence, expected)
    assert set(types(sentence)) == {"duration"}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The ship came every year.", [("every year", "P1Y")]),
    ("Elections are held every two years.", [("every two years", "P2Y")]),
    ("Reports were filed annually.", [("annually", "P1Y")]),
    ("Membership cost $5 a month.", [("a month", "P1M")]),
    ("He visited twice a year.", [("a year", "P1Y")]),
    ("The committee met each month.", [("each month", "P1M")]),
    ("Fees rose 3% per year.", [("per year", "P1Y")]),
])
def test_sets(sentence, expected):
    check(sentence, expected)
    assert set(types(sentence)) == {"set"}


@pytest.mark.parametrize(("sentence", "kinds"), [
    ("Japan ruled Korea 1910-1945.", ["interval"]),
    ("In the late 1950s they left.", ["interval"]),
    ("They met in January 1956.", ["date"]),
    ("The 1950s were hard years.", ["date"]),
    ("From August 1958 onwards the policy changed.", ["interval"]),
])
def test_types(sentence, kinds):
    assert types(sentence) == kinds


NOT_TIMES = [
    # counts
    "The camp held 1,955 people.",
    "The party had 2000 members.",
    "The ship carried 1500 tons of rice.",
    "Some 1800 returnees boarded the ship.",
    "Over 1500 left on the first ship.",
    # pages, volumes, boxes, call numbers, resolutions
    "See p. 1956 of the report.",
    "See pp. 114-143.",
    "See pp. 1955-1960 of the report.",
    "See Vol. 6, p. 12.",
    "ICRC archives, box no. 2189.",
    "ICRC archives, B AG 232 105-002.",
    "Resolution 1718 was adopted.",
    # numbers inside names
    "The Mangyongbong-92 docked at Niigata.",
    "The Taepodong-1 flew over Japan.",
    "The Hwasong-15 flew higher.",
    # ages and ordinals
    "She was taken at the age of 13.",
    "A 13-year-old girl was taken.",
    "She was 13 years old.",
    "He celebrated his 62nd birthday.",
    "Most were in their 40s.",
    "Men in their 20s and 30s left.",
    "He was in his mid-40s.",
    "It lies on the 38th parallel.",
    # "May" the verb
    "Koreans May Be Deported, the headline said.",
    "It may rain.",
    # money, decimals, percentages
    "The deal was worth $1956.",
    "The ratio was 1956.5 to one.",
    "Support fell to 1956% of the target.",
    # indefinite "one day"
    "One day, he left the camp.",
    # months that are not dates
    "The March was long.",
    "He said: May God help us.",
]


@pytest.mark.parametrize("sentence", NOT_TIMES)
def test_not_temporal(sentence):
    assert extract(sentence) == [], sentence


def test_several_mentions_in_one_sentence():
    text = "He arrived on 19 January 1956, left in the late 1950s and returned around 1975."
    assert extract(text) == [("19 January 1956", "1956-01-19"), ("the late 1950s", "1957/1959"),
                             ("around 1975", "1975~")]


def test_offsets_index_the_text():
    text = "Intro.\n\nIn the summer of 1959 — and again in 1960 — ships sailed."
    for t in find_times(text):
        assert text[t.start:t.end] == t.text


@pytest.mark.parametrize("text", [
    "1956-" * 5000, "1956-57-58-" * 2000, "In" + " " * 20000 + "1956", "the late the early mid-to-late " * 2000,
    "1." * 10000, "more than " * 5000 + "two years", "May and " * 5000,
])
def test_pathological_input_gives_spans_that_quote_it(text):
    """(How long these take is measured by bench/pathological.py, not here: no test depends on speed.)"""
    for t in find_times(text):
        assert text[t.start:t.end] == t.text
