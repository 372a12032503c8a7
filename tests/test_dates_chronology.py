"""Dates as chronologies and reference appendices write them: year first, the day in brackets,
a range of days, and the narrative's year said without 'of'.

Every line here was written for these tests.
"""
from __future__ import annotations

import pytest

from kankei.pipeline import extract


def times(text: str) -> list[tuple[str, str | None]]:
    return [(r["text"], r.get("value")) for r in extract(text, doc="t").records() if r["kind"] == "time"]


@pytest.mark.parametrize("text,expected", [
    ("1959 Dec. 14: the first ship leaves the port.", [("1959 Dec. 14", "1959-12-14")]),
    ("1945 (Aug. 15) – the war ends.", [("1945 (Aug. 15)", "1945-08-15")]),
    ("2021 (Oct.) – a new cabinet takes office.", [("2021 (Oct.)", "2021-10")]),
    ("Intro line.\n2009 June – all exports are banned.", [("2009 June", "2009-06")]),
    ("1990 Sept. 24–28: a party mission visits the capital.", [("1990 Sept. 24–28", "1990-09-24/1990-09-28")]),
    ("1948 Aug. 15 and Sept. 9: two states are proclaimed.", [("1948 Aug. 15", "1948-08-15"), ("Sept. 9", "1948-09-09")]),
])
def test_year_first_dates(text, expected):
    assert times(text) == expected


def test_a_year_then_a_month_in_running_prose_is_only_a_year():
    assert times("In 2004 May visited the city.") == [("2004", "2004")]


def test_days_later_is_soon_after_in_the_same_month():
    assert times("2006 (Oct. 9) – a test is held. Days later the ports are closed.") == [
        ("2006 (Oct. 9)", "2006-10-09"), ("Days later", "2006-10")]


def test_a_day_that_year_is_in_the_narratives_year():
    assert times("In 2002 five of them came back. They landed on Oct. 15 that year.") == [
        ("2002", "2002"), ("Oct. 15 that year", "2002-10-15")]


def test_a_un_sanctions_body_named_by_its_resolution_is_no_year():
    assert times("In 2021 Japan reported the case to the 1718 Committee.") == [("2021", "2021")]
    assert times("The 1965 Treaty on Basic Relations still stands.") == [("1965", "1965")]


def test_a_report_of_what_had_happened_before_does_not_move_the_story():
    text = ("In September 2002 the North said she had married a local man and died in 1986. Two years later it "
            "handed over a death certificate.")
    assert ("Two years later", "2004") in times(text)
    text = ("The first hint came in 1997, when a former agent testified that women had been seized along the coast "
            "in the late 1970s. The following year her father founded a support group.")
    assert ("The following year", "1998") in times(text)


def test_a_date_after_since_is_no_day_the_story_goes_on_to():
    text = ("TOKYO, Feb. 19, 2026 -- North Korea fired a missile on Thursday, the first since January 27.\n\n"
            "Officials of the three countries held a call at around 9:40 a.m.")
    assert ("9:40 a.m.", "2026-02-19T09:40:00") in times(text)


def test_a_season_of_the_year_told():
    assert ("the spring of that year", "1992-21") in times("The ship was built in 1992. In the spring of that year "
                                                           "it sailed.")
    assert ("the autumn of the following year", "1993-23") in times("It was built in 1992. In the autumn of the "
                                                                   "following year it sailed.")


def test_a_weekday_set_beside_a_full_date_is_that_day():
    text = ("KOBE, March 13, 2026 -- The court ruled on Friday. The first rally was held on June 17, 2023, a Saturday "
            "morning. The school asked for protection the following month.")
    got = times(text)
    assert ("Saturday", "2023-06-17") in got and ("the following month", "2023-07") in got


def test_time_as_the_subject_of_a_clause_is_no_time():
    assert times("In 2025 she warned that time was running out for the parents.") == [("2025", "2025")]
    assert ("that time", None) in times("At that time, Japan had no ties with the North.")


def test_a_part_of_the_day_told_and_a_season_as_the_story_s_time():
    got = times("On July 2, 1979, he went out after dinner. That night he did not come back. The next morning, a "
                "fisherman found his shoes.")
    assert ("That night", "1979-07-02") in got and ("The next morning", "1979-07-03") in got
    got = times("In the summer of 1978, three couples vanished. A nurse went out on August 12 and never returned. "
                "In June of the same year, another woman vanished.")
    assert ("August 12", "1978-08-12") in got and ("June of the same year", "1978-06") in got


def test_a_holiday_is_its_day_of_the_year_told():
    assert ("New Year's Day", "2024-01-01") in times("In 2024 an earthquake struck the Noto Peninsula on New Year's Day.")
    assert ("2020", "2020") in times("A New York court ruled in 2020.")
    assert ("New Year's Day 2024", "2024-01-01") in times("An earthquake struck on New Year's Day 2024.")
