"""Dates in magazine interviews: the issue named in the masthead is the document's date, a day
told in the past before it is of that year, and the interviewee's 'today' and 'this month' are
of the day the interview was held.

Every text here was written for these tests.
"""
from __future__ import annotations

from kankei.pipeline import extract

INTERVIEW = """HARBOUR QUARTERLY | Summer 2024 edition | Voices

"We still write to the ministry every month"

Ko Yong-ja, 71, has led the Sakata reading circle since its founding in 1987. We spoke to her at the circle's
room by the station on March 3. Interview by Ken Arai.

- When did the circle begin?
We began with five members. Today we have forty, and earlier this month we held our first exhibition.
"""


def _values(text: str) -> dict[str, str | None]:
    ex = extract(text, doc="i")
    return {t.text: t.value for t in ex.times}


def test_an_issue_named_in_the_masthead_dates_the_document():
    assert extract(INTERVIEW, doc="i").published == "2024-22"      # (the summer of 2024)
    assert extract(INTERVIEW.replace("Summer 2024 edition", "June 2024 issue"), doc="i").published == "2024-06"


def test_a_day_told_in_the_past_before_a_month_precision_date_is_of_that_year():
    text = "MONTHLY VIEWS | April 2025 issue | People\n\nTitle\n\nWe met the mayor at City Hall on February 26.\n"
    got = _values(text)
    assert extract(text, doc="i").published == "2025-04" and got["February 26"] == "2025-02-26"


def test_what_the_interviewee_calls_today_is_the_day_of_the_interview_not_of_the_issue():
    text = INTERVIEW.replace("Summer 2024 edition", "June 2024 issue")
    got = _values(text)
    assert got["March 3"] == "2024-03-03"
    assert got["Today"] == "2024-03-03" and got["this month"] == "2024-03"
    # a 'since' phrase's year is where a state began, not where the story is: the day is this year's
    assert got["1987"] == "1987"
