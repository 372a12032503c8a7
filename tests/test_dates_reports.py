"""Dates in reports laid out by month: the year a title says the report is of, month headings,
day ranges of a month named without its year, the edges of a year.

Every text here was written for these tests.
"""
from __future__ import annotations

from kankei.pipeline import extract
from kankei.recognize.dates import find_times

REPORT = """Friendship Society of Kobe
Activity Report for 2023
(Adopted by the members, 20 February 2024)

The society, founded in 1998, kept up its work.

March
On 4 March the society held a concert in Kobe. The following day it wrote to the mayor.

October
Members visited Seoul from 12 to 15 October. Membership stood at 80 at the end of the year.
"""


def _times(text: str, dct: str | None = None) -> dict[str, str | None]:
    recs = extract(text, doc="t", **({"dct": dct} if dct else {})).records()
    return {r["text"]: r["value"] for r in recs if r["kind"] == "time"}


def test_a_report_titled_with_its_year_dates_its_bare_days_in_that_year():
    times = _times(REPORT)
    assert times["4 March"] == "2023-03-04"
    assert times["The following day"] == "2023-03-05"
    assert times["12 to 15 October"] == "2023-10-12/2023-10-15"
    assert times["the end of the year"] == "2023-12"


def test_a_line_that_is_a_months_name_alone_is_a_heading_of_that_month():
    times = _times(REPORT)
    assert times["March"] == "2023-03" and times["October"] == "2023-10"
    # a month's name inside a sentence still needs a word that makes it a month
    assert [t.text for t in find_times("May said the talks would go on.")] == []
    # a month that ends a day's mention on the next line is no heading of its own
    assert [t.text for t in find_times("Filed 03\nMay ")] == ["03\nMay"]


def test_a_magazine_header_of_fields_dates_the_page_and_its_last_month():
    text = ("ARTS AND LETTERS | The Harbour Weekly | November 15, 2025\n\nA history of the ships\n\n"
            "Last March the district court ordered the defendant to pay damages.")
    doc = extract(text, doc="t")
    assert doc.published == "2025-11-15"
    assert _times(text)["Last March"] == "2025-03"


def test_days_of_a_month_named_without_a_year_are_one_interval():
    times = _times("The envoys met in Geneva from 3 to 5 June.", "2022-07-01")
    assert times == {"3 to 5 June": "2022-06-03/2022-06-05"}
    assert _times("The talks ran 10-12 May.", "2022-07-01") == {"10-12 May": "2022-05-10/2022-05-12"}


def test_a_number_after_a_day_and_month_is_no_year():
    times = _times("As of 26 November, 2,840 people had applied.", "1959-11-27")
    assert times["26 November"] == "1959-11-26"


def test_the_edges_of_a_year_are_its_last_and_first_months():
    assert _times("Prices rose in 2019. By the end of the year they had doubled.")["the end of the year"] == "2019-12"
    assert _times("It opened at the beginning of last year.", "2022-07-01")["the beginning of last year"] == "2021-01"


def test_a_past_told_in_the_pluperfect_is_a_look_back_the_story_does_not_follow():
    text = ("In 1961 my brother decided to go. The first ships had left Niigata in December 1959. "
            "That December we took the train to Niigata. He sailed two days later.")
    times = _times(text, "2011-05-01")
    assert times["That December"] == "1961-12"
    # what the look back's own sentence counts from it is of its time
    text = ("The rally was held in 2025. Her grandfather had been taken from his village in the spring of 1942 "
            "and died in a mine two years later.")
    assert _times(text, "2025-08-30")["two years later"] == "1944"
    # a pluperfect closed by a comma before the date is another clause's
    text = "He spoke in 2013. His wife, who had helped him for years, died in 2011. At the time he was alone."
    assert _times(text, "2014-01-01")["the time"] == "2011"


def test_the_time_of_a_since_clause_is_a_bound_the_story_does_not_follow():
    text = ("TOKYO, May 12, 2025 (Kyodo) -- The premier met the families on Saturday. It was the first meeting "
            "since he took office in October. North Korea replied the next day.")
    assert _times(text)["the next day"] == "2025-05-11"


def test_a_part_of_a_month_told_or_of_the_page_s_month():
    times = _times("In October 2002 five came home. Talks in Kuala Lumpur at the end of the month broke down. "
                   "Officials met again late last month.", dct="2026-02-06")
    assert times["the end of the month"] == "2002-10-21/2002-10-31"
    assert times["late last month"] == "2026-01-21/2026-01-31"


def test_hours_or_minutes_later_is_the_day_told_and_hours_after_an_event_how_long():
    times = _times("On March 25 she proposed talks. Hours later she withdrew the offer. "
                   "About 20 minutes later a second statement followed.", dct="2024-05-06")
    assert times["Hours later"] == "2024-03-25" and times["About 20 minutes later"] == "2024-03-25"
    assert _times("It fell three hours after the launch.", dct="2024-05-06")["three hours"] == "PT3H"


MEMOIR = """The summer I turned ten, my sister left for the North.

We lived by the river in Kawasaki. I was born there in May 1950, the youngest of three. Father had come over from \
Busan in 1936; Mother followed three years later. My sister had left school the previous March.

By then the ships had been sailing for a year. The first had left Niigata in December 1959. That October we took \
the train to Niigata. Two days later she walked up the gangway.
"""


def test_a_memoir_s_own_time_is_the_narrator_s_age_and_its_look_backs_do_not_move_it():
    times = _times(MEMOIR)
    assert times["The summer I turned ten"] == "1960-22"
    assert times["three years later"] == "1939"          # counted from the look back it follows
    assert times["the previous March"] == "1960-03"      # before the story's summer, not the birth
    assert times["That October"] == "1960-10" and times["Two days later"] == "1960-10"
    # without a birth told, the narrator's age dates nothing
    assert _times("The year I turned twelve, we moved.")["The year I turned twelve"] is None


def test_days_on_a_ship_are_how_long_and_years_on_a_time():
    assert [(t.text, t.value) for t in find_times("She stayed three days on the ship.")] == [("three days", "P3D")]
    assert _times("The talks failed in 2002. Two years on, nothing had changed.")["Two years on"] == "2004"


DIARY = """From the notebooks of a Kawasaki dealer, translated in 2021.

3 November 1959
Went to the city hall this morning with my cousin. He registered his family. The ship leaves the day after tomorrow.

15 December 1959
The first ship left Niigata yesterday. We take the train next week.
"""


def test_a_diary_s_entries_count_their_days_from_their_own_dates():
    recs = [r for r in extract(DIARY, doc="t").records() if r["kind"] == "time"]
    got = [(r["text"], r["value"]) for r in recs]
    assert ("this morning", "1959-11-03") in got and ("the day after tomorrow", "1959-11-05") in got
    assert ("yesterday", "1959-12-14") in got and ("next week", "1959-12-21/1959-12-27") in got


def test_compound_number_words_and_a_period_named_are_how_long():
    assert [(t.text, t.value) for t in find_times("He served forty-five years.")] == [("forty-five years", "P45Y")]
    got = [(t.text, t.value) for t in find_times("for the thirty-six years after 1910")]
    assert got[0] == ("thirty-six years", "P36Y")


def test_a_relative_clause_s_past_does_not_move_the_story():
    times = _times("In May 2014 we agreed to search for the graves of Japanese who died there in 1945. "
                   "That October I went to Pyongyang.", dct="2025-06-06")
    assert times["That October"] == "2014-10"


def test_a_wire_header_of_fields_set_apart_by_dashes_gives_the_pages_date():
    from kankei.pipeline import extract
    text = "Court orders sale of hall\n\nKYODO NEWS - Feb 14, 2023 - 18:42 | Japan\n\nNIIGATA - A court ruled."
    doc = next(r for r in extract(text, doc="t").records() if r["kind"] == "document")
    assert doc["published"] == "2023-02-14"
    # a chronology's first entry is no page date
    text = "Timeline\n\nMay 29, 2014 - Agreement reached in Stockholm.\nJuly 4, 2014 - Japan eases sanctions."
    doc = next(r for r in extract(text, doc="t").records() if r["kind"] == "document")
    assert doc["published"] is None


def test_a_duration_of_two_units_is_one_duration():
    from kankei.recognize.dates import find_times
    assert [(t.text, t.value) for t in find_times("Its term is one year and three months.")] == \
        [("one year and three months", "P1Y3M")]
    assert [(t.text, t.value) for t in find_times("He served two years and six months in prison.")] == \
        [("two years and six months", "P2Y6M")]
    # a time counted from another keeps its own reading
    assert "two weeks and three days" not in [t.text for t in find_times("Two weeks and three days later, he left.")]


def test_a_month_and_two_of_its_days_joined_by_to_or_and_are_a_span():
    from kankei.pipeline import extract
    text = "The minister will visit Geneva from June 16 to 18 for the session."
    values = {r["text"]: r["value"] for r in extract(text, doc="t", dct="2025-05-27").records() if r["kind"] == "time"}
    assert values == {"June 16 to 18": "2025-06-16/2025-06-18"}
