"""Relative temporal expressions, resolved against the document date or the narrative.

Every sentence here is composed for the test (none is taken from a corpus).
"""
from __future__ import annotations

import pytest

from kankei import edtf
from kankei.recognize.dates import find_times
from kankei.resolve.anchor import in_quotation, resolve_times


def extract(text: str, dct: str | None = None, body_end: int | None = None) -> list[tuple[str, str | None]]:
    times = find_times(text)
    resolve_times(times, text, dct, body_end=body_end)
    return [(t.text, t.value) for t in times]


# 2015-06-10 is a Wednesday.
DCT_DAY = [
    ("Today the talks resume.", [("Today", "2015-06-10")]),
    ("Talks are now stalled.", [("now", "2015-06-10")]),
    ("He is currently in Pyongyang.", [("currently", "2015-06-10")]),
    ("At present the port is closed.", [("At present", "2015-06-10")]),
    ("Yesterday the ship left.", [("Yesterday", "2015-06-09")]),
    ("Tomorrow the ship leaves.", [("Tomorrow", "2015-06-11")]),
    ("Last October the ship left.", [("Last October", "2014-10")]),
    ("Last May the ship left.", [("Last May", "2015-05")]),
    ("This year the ship left.", [("This year", "2015")]),
    ("Last year the ship left.", [("Last year", "2014")]),
    ("Next month the ship leaves.", [("Next month", "2015-07")]),
    ("This month the ship leaves.", [("This month", "2015-06")]),
    ("On Monday the ship left.", [("Monday", "2015-06-08")]),
    ("Next Friday the ship leaves.", [("Next Friday", "2015-06-12")]),
    ("Last summer the ship left.", [("Last summer", "2014-22")]),
    ("Two years ago the ship left.", [("Two years ago", "2013")]),
    ("Three weeks ago the ship left.", [("Three weeks ago", "2015-05-20")]),
    ("Six months ago the ship left.", [("Six months ago", "2014-12")]),
]


@pytest.mark.parametrize(("sentence", "expected"), DCT_DAY)
def test_against_a_day_dct(sentence, expected):
    assert extract(sentence, "2015-06-10") == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Today the talks resume.", [("Today", "2015-06")]),
    ("Yesterday the ship left.", [("Yesterday", "2015-06")]),     # the day is unknown: keep the month
    ("On Monday the ship left.", [("Monday", None)]),
    ("Last October the ship left.", [("Last October", "2014-10")]),
    ("Two months ago the ship left.", [("Two months ago", "2015-04")]),
])
def test_against_a_month_dct(sentence, expected):
    assert extract(sentence, "2015-06") == expected


def test_against_an_interval_dct():
    assert extract("Last October, as today, the port was shut.", "2017-11/2018-10") == [
        ("Last October", "2017-10"), ("today", "2017-11/2018-10")]


@pytest.mark.parametrize("sentence", [s for s, _ in DCT_DAY] + ["That year the ship left.",
                                                                  "Three days later he left."])
def test_without_an_anchor_the_value_is_null(sentence):
    values = [v for _, v in extract(sentence, None)]
    assert values and values == [None] * len(values)


NARRATIVE = [
    ("He arrived on 4 March 1956. Three days later he left.",
     [("4 March 1956", "1956-03-04"), ("Three days later", "1956-03-07")]),
    ("He arrived in March 1956. Three days later he left.",
     [("March 1956", "1956-03"), ("Three days later", "1956-03")]),
    ("He arrived in February 2013. The following month he left.",
     [("February 2013", "2013-02"), ("The following month", "2013-03")]),
    ("He arrived in March 2014. Two months later he left.",
     [("March 2014", "2014-03"), ("Two months later", "2014-05")]),
    ("He arrived in 1948. The next year he left.", [("1948", "1948"), ("The next year", "1949")]),
    ("She arrived in 1956. The previous year she had married.",
     [("1956", "1956"), ("The previous year", "1955")]),
    ("He arrived in 1948. Later that year he left.", [("1948", "1948"), ("that year", "1948")]),
    ("He arrived in May 1956. The same month he left.", [("May 1956", "1956-05"), ("The same month", "1956-05")]),
    ("He arrived on 19 May 1956. At that time he was ill.",
     [("19 May 1956", "1956-05-19"), ("that time", "1956-05")]),
    ("He arrived in 1945. Three years later he left.", [("1945", "1945"), ("Three years later", "1948")]),
    ("Talks began in August 2003. About two years later they collapsed.",
     [("August 2003", "2003-08"), ("About two years later", "2005~")]),
    ("The law passed on 28 April 1952. The day after, riots began.",
     [("28 April 1952", "1952-04-28"), ("The day after", "1952-04-29")]),
    ("Between 1959 and 1961 the ships sailed. The following year they stopped.",
     [("1959 and 1961", "1959/1961"), ("The following year", "1962")]),
    # bare months and days take the narrative's year
    ("He arrived in March 2014. In May he left.", [("March 2014", "2014-03"), ("May", "2014-05")]),
    ("In November 1959 talks resumed. In January the first ship sailed.",
     [("November 1959", "1959-11"), ("January", "1960-01")]),
    ("He arrived in March 2015. On July 4 he left.", [("March 2015", "2015-03"), ("July 4", "2015-07-04")]),
    ("He arrived on 3 March 1956. On 5 April he left.",
     [("3 March 1956", "1956-03-03"), ("5 April", "1956-04-05")]),
    ("They met in 2012. In early June they signed.",
     [("2012", "2012"), ("early June", "2012-06-01/2012-06-10")]),
    ("In May and October 2013 ships sailed.", [("May", "2013-05"), ("October 2013", "2013-10")]),
    ("In May, June and July 2013 ships sailed.",
     [("May", "2013-05"), ("June", "2013-06"), ("July 2013", "2013-07")]),
    # an apposition names the date outright
    ("He arrived in January 1956. Three days later, on 19 January 1956, he left.",
     [("January 1956", "1956-01"), ("Three days later", "1956-01-19"), ("19 January 1956", "1956-01-19")]),
]


@pytest.mark.parametrize(("text", "expected"), NARRATIVE)
def test_against_the_narrative(text, expected):
    assert extract(text, "2015-06-10" if "2015" not in text else None) == expected


def test_deictic_words_in_a_quotation_follow_the_narrative():
    text = 'In May 1956 he wrote that Japan wished to cut the sums "currently being paid" to the poor.'
    assert extract(text, None) == [("May 1956", "1956-05"), ("currently", "1956-05")]
    text = "In May 1956 he wrote of the sums “currently being paid” to the poor. Today few remember."
    assert extract(text, "2015-06") == [("May 1956", "1956-05"), ("currently", "1956-05"), ("Today", "2015-06")]


def test_now_in_a_past_clause_follows_the_narrative():
    assert extract("By 1959 the government was now ready to act.", "2015-06") == [
        ("1959", "1959"), ("now", "1959")]
    assert extract("By 1959 the port had closed. It is now a park.", "2015-06") == [
        ("1959", "1959"), ("now", "2015-06")]


def test_notes_do_not_move_the_narrative():
    body = "He left in 1956. The next year he returned.\n\n"
    notes = "Notes\n1. Letter of 1999.\n2. The next year, a reply."
    text = body + notes
    assert extract(text, None, body_end=len(body)) == [
        ("1956", "1956"), ("The next year", "1957"), ("1999", "1999"), ("The next year", "1958")]


def test_last_and_next_after_a_determiner_are_not_deictic():
    assert extract("It was the last year of the war.", "2015-06") == []


def test_in_quotation():
    text = 'He said "it is over now" and left. Now'
    assert in_quotation(text, text.index("now"))
    assert not in_quotation(text, text.rindex("Now"))


@pytest.mark.parametrize(("value", "unit", "n", "expected"), [
    ("2015-01-31", "month", 1, "2015-02-28"),
    ("2015-12", "month", 2, "2016-02"),
    ("2016-02-29", "year", 1, "2017-02"),
    ("2015-06-10", "week", -3, "2015-05-20"),
    ("2015-06", "day", 1, "2015-06"),
    ("2015", "month", 1, None),
])
def test_shift(value, unit, n, expected):
    assert edtf.shift(value, unit, n) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("195X", ("1950-01-01", "1959-12-31")),
    ("1959-22", ("1959-06-01", "1959-08-31")),
    ("1958-08/..", ("1958-08-01", "9999-12-31")),
    ("1956~", ("1956-01-01", "1956-12-31")),
    ("2012-02", ("2012-02-01", "2012-02-29")),
    ("nonsense", None),
])
def test_bounds(value, expected):
    assert edtf.bounds(value) == expected


def test_an_offset_from_a_season_keeps_the_season():
    assert extract("In the spring of 2003 she crossed into China. A week later she was arrested.") == [
        ("the spring of 2003", "2003-21"), ("A week later", "2003-21")]
    assert extract("In the autumn of 1960 they sailed. A year later they wrote home.") == [
        ("the autumn of 1960", "1960-23"), ("A year later", "1961-23")]
    assert edtf.shift("2003-21", "day", 3) == "2003-21" and edtf.shift("2003-21", "month", 1) is None


def test_the_sentence_around_a_date_is_sought_within_a_bounded_reach():
    """A date's sentence is found within _SENTENCE_REACH characters either side (a longer one is a
    list or a text without punctuation: an unbounded search per date made such a text quadratic,
    bench/pathological.py 'prose no punctuation')."""
    from kankei.resolve.anchor import _SENTENCE_REACH, _sentence_end, _sentence_start
    text = "The North said she had died in 1986. Two years later it handed over the remains.\nNext"
    at = text.index("1986")
    assert text[_sentence_start(text, at):_sentence_end(text, at)] == "The North said she had died in 1986"
    at = text.index("Two")
    assert text[_sentence_start(text, at):_sentence_end(text, at)] == " Two years later it handed over the remains."
    endless = "talks went on and on " * 50_000
    mid = len(endless) // 2
    assert _sentence_end(endless, mid) == mid + _SENTENCE_REACH
    assert _sentence_start(endless, mid) == mid - _SENTENCE_REACH
    assert _sentence_start(endless, 10) == 0 and _sentence_end(endless, len(endless) - 10) == len(endless)


def test_that_month_is_the_month_of_the_year_told_even_before_it():
    text = "The measures were decided in February 2016, after the test that January and a launch that March."
    values = time_values(text, "2025-05-27")
    assert values["that January"] == "2016-01" and values["that March"] == "2016-03"


def test_a_live_blogs_entry_stamp_is_the_pages_day_whatever_the_entry_before_told():
    text = ("Live blog | Tuesday, September 16, 2025\n\n"
            "Update 4:55 p.m.\nWhen the North last fired, on May 8, state media described it a day later.\n\n"
            "4:10 p.m.\nPolice said boats were back in port by noon.\n")
    values = time_values(text)
    assert values["4:10 p.m."] == "2025-09-16T16:10:00" and values["noon"] == "2025-09-16T12:00:00"
    assert values["a day later"] == "2025-05-09"


def test_after_a_stretch_of_time_a_month_goes_forward_not_back():
    text = ("The cabinet approved the plan on 13 February 1959. The two societies negotiated from April, and after "
            "four months they signed an agreement on 13 August.")
    values = time_values(text, "2024-10-01")
    assert values["13 August"] == "1959-08-13"


@pytest.mark.parametrize("text, dct, words, value", [
    # a bare month in a sentence of now is in the story's year, not the one narrated before
    ("In October 2022, a missile flew over northern Japan. Japan has banned all trade with the North since 2009, "
     "and in April it extended its own sanctions for two years.", "2025-09-16", "April", "2025-04"),
    # ... a past story told on keeps its own year
    ("Koizumi visited Pyongyang in September 2002. In October, five abductees returned to Japan.", "2025-09-16",
     "October", "2002-10"),
    # days after the end of a month may reach into the next
    ("The plenum met on Dec. 26-30, 2023. A few days later, Kim sent a message.", "2024-01-08", "days later",
     "2023-12-31/2024-01-06"),
    ("The plenum ended on Dec. 10, 2023. Days later, Kim sent a message.", "2024-01-08", "Days later", "2023-12"),
])
def test_a_month_told_without_its_year_in_the_news(text, dct, words, value):
    assert time_values(text, dct)[words] == value


def test_a_day_of_the_month_told_by_its_ordinal_after_on_is_that_days_of_the_month_told():
    from kankei.pipeline import extract
    text = "The abductees landed on 15 October 2002, and on the 24th the government decided they would stay."
    values = time_values(text, "2020-01-01")
    assert values["24th"] == "2002-10-24"
    # an ordinal that names the second of two, a century or an anniversary is no day
    text = "In 2024 she said the first would become a target of the 2nd. The 21st century began."
    assert not [r for r in extract(text, doc="t").records() if r["kind"] == "time" and r["text"] in ("2nd", "21st")]


def time_values(text: str, dct: str | None = None) -> dict[str, str | None]:
    """The value of each time mention of a text, by its words."""
    from kankei.pipeline import extract
    recs = extract(text, doc="t", **({"dct": dct} if dct else {})).records()
    return {r["text"]: r["value"] for r in recs if r["kind"] == "time"}


def test_a_day_naming_a_recent_occasion_is_not_moved_ahead_by_a_future_clause():
    text = "Seoul will not seek an apology for the treatment of its fans during the October 3 match."
    assert time_values(text, "2019-10-10")["October 3"] == "2019-10-03"
    # a plain day of a future clause, or a day a month past, is still the next one
    assert time_values("The two sides will meet again on October 3.", "2019-10-10")["October 3"] == "2020-10-03"
    assert time_values("Japan will act before the April 13 deadline.", "2019-10-10")["April 13"] == "2020-04-13"
