"""More date and quantity constructions: eras, fiscal years, 'of that year', tense, units."""
import pytest

from kankei.pipeline import extract
from kankei.recognize.dates import find_times
from kankei.recognize.quantities import find_quantities


def times(text, dct=None):
    return [(t.text, t.value) for t in extract(text, dct=dct).times]


def quantities(text):
    return [(q.text, q.value, q.unit, q.qualifier) for q in find_quantities(text)]


@pytest.mark.parametrize("text,value", [
    ("The treaty was drafted in Showa 34 by the ministry.", "1959"),
    ("A census in Shōwa 30 counted them.", "1955"),
    ("The rule dates from Heisei 14.", "2002"),
    ("It was amended in Reiwa 3.", "2021"),
    ("The port opened in Meiji 43.", "1910"),
    ("The quake of Taisho 12 destroyed it.", "1923"),
    ("The archive file is from the 40th year of Showa.", "1965"),
])
def test_japanese_era_years(text, value):
    assert [t.value for t in find_times(text)] == [value]


def test_era_year_past_the_era_is_not_a_date():
    assert find_times("It was filed in Taisho 20 by mistake.") == []


@pytest.mark.parametrize("text,value", [
    ("The city cut the grant in fiscal 2014.", "2014-04/2015-03"),
    ("The budget for FY2008 was smaller.", "2008-04/2009-03"),
    ("Spending in fiscal year 2003 rose.", "2003-04/2004-03"),
])
def test_fiscal_years(text, value):
    assert [(t.value, t.type) for t in find_times(text)] == [(value, "interval")]


def test_the_year_before_a_fiscal_year_is_a_fiscal_year():
    got = times("The town stopped its aid in fiscal 2014. The county had done so the year before.")
    assert got[-1] == ("the year before", "2013-04/2014-03")


@pytest.mark.parametrize("text,span,value", [
    ("The talks began in March 1988. In October of that year they broke down.", "October of that year", "1988-10"),
    ("The ship sailed on 2 May 1971 and returned on June 9 of the same year.", "June 9 of the same year", "1971-06-09"),
    ("The law passed in April 1993; it took effect in May of the following year.", "May of the following year", "1994-05"),
])
def test_month_of_that_year_is_one_record(text, span, value):
    assert (span, value) in times(text)


def test_month_after_a_later_month_of_the_same_sentence():
    got = times("In April 2006, after a missile launch in February, the cabinet acted.")
    assert ("February", "2006-02") in got


def test_past_month_day_does_not_pass_the_document_date():
    got = times("Oslo, 20 October 2021\n\nLast week the envoy resigned. On September 30 the board met.",
                dct="2021-10-20")
    assert ("September 30", "2021-09-30") in got


def test_future_cues_resolve_forward():
    text = ("Oslo, 20 October 2021\n\nThe envoy left in August 2020. The panel is scheduled to meet on "
            "Thursday. A new rule starts on March 1. Farmers plan a march on Sept. 2.")
    got = dict(times(text, dct="2021-10-20"))
    assert got["Thursday"] == "2021-10-21"
    assert got["March 1"] == "2022-03-01"
    assert got["Sept. 2"] == "2022-09-02"


def test_this_year_sets_the_narrative():
    text = "Oslo, 20 October 2021\n\nTrade fell after 2015. Earlier this year, in June, the port closed."
    assert ("June", "2021-06") in times(text, dct="2021-10-20")


def test_dateline_month_day_without_a_full_stop():
    text = "Ferry strike ends\n\nOctober 20, 2021\n\nOSLO, Oct 20 (Wire) - The strike ended on Wednesday."
    assert ("Oct 20", "2021-10-20") in times(text)


@pytest.mark.parametrize("text,span,value", [
    ("The flight lasted about 45 minutes.", "about 45 minutes", "PT45M"),
    ("They were questioned for three hours.", "three hours", "PT3H"),
    ("It ended a decade-long feud.", "decade-long", "P10Y"),
    ("The year-long audit found nothing.", "year-long", "P1Y"),
    ("A three-decade dispute ended.", "three-decade", "P30Y"),
])
def test_durations(text, span, value):
    assert [(t.text, t.value) for t in find_times(text)] == [(span, value)]


def test_a_year_after_money_is_a_rate():
    got = [(t.text, t.value, t.type) for t in find_times("The agency spends $3 million a year on ads.")]
    assert got == [("a year", "P1Y", "set")]


def test_duration_range_is_one_record():
    got = [(t.text, t.value, t.type) for t in find_times("The visit was to last three to four weeks.")]
    assert got == [("three to four weeks", None, "duration")]


def test_last_week_is_the_calendar_week():
    got = dict(times("Oslo, 20 October 2021\n\nThe envoy resigned last week.", dct="2021-10-20"))
    assert got["last week"] == "2021-10-11/2021-10-17"


@pytest.mark.parametrize("text,expected", [
    ("Six boats left, and four of the sailors drowned.", ("four", 4.0, "person", "exact")),
    ("Two daughters were born in Osaka.", ("Two daughters", 2.0, "person", "exact")),
    ("Inspectors visited the seven Korean middle schools last spring.", ("seven", 7.0, "school", "exact")),
    ("The dispute closed 12 credit unions in the city.", ("12 credit unions", 12.0, "credit_union", "exact")),
    ("The rocket can fly exceeding 9,000 km now.", ("exceeding 9,000 km", 9000.0, "kilometer", "more_than")),
    ("By then the count had passed 31,000. Nobody objected.", ("passed 31,000", 31000.0, "", "more_than")),
    ("The 30 or so Korean kindergartens stayed open.", ("30 or so", 30.0, "kindergarten", "about")),
    ("A 4,500-ton freighter docked.", ("4,500-ton", 4500.0, "ton", "exact")),
])
def test_quantity_units_and_qualifiers(text, expected):
    assert expected in quantities(text)


def test_the_peso_to_the_dollar_is_counted_in_pesos():
    got = quantities("The yen traded at roughly 120 to the dollar.")
    assert got == [("roughly 120", 120.0, "jpy", "about")]


def test_cited_page_range_is_no_quantity():
    assert quantities('Kim, "Ferries," Asian Survey 12, no. 3 (1998): 211–230.') == []
