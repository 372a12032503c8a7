"""Claims read from their own clause: subject, property and time, and what makes no claim.

Every sentence here was written for these tests.
"""
from __future__ import annotations

from kankei.assemble.claims import find_claims
from kankei.pipeline import extract


def claims_of(text: str, dct: str | None = None) -> list:
    r = extract(text, doc="t", dct=dct)
    return find_claims(r.text, r.quantities, r.times, r.entities, r.sentences, r.published)


def by_value(found: list) -> dict:
    return {(c.quantity.value if c.quantity.value is not None else c.quantity.low): c for c in found}


SEVERAL = """\
Talks in the autumn

In September 2002 North Korea admitted that its agents had abducted 13 Japanese nationals, saying that \
six were alive and seven had died. Four of them returned to Japan in October 2002. Three children of the \
returned abductees were allowed to leave for Japan in May 2004.
"""


def test_several_numbers_about_one_subject_are_different_properties():
    found = by_value(claims_of(SEVERAL))
    assert found[13].property == "abductions admitted by North Korea"
    assert found[6].property == "abductees said to be alive"
    assert found[7].property == "abductees said to have died"
    assert {found[v].subject for v in (13, 6, 7, 4)} == {"group:abductees"}
    assert {found[v].time for v in (13, 6, 7)} == {"2002-09"}


def test_of_them_points_back_and_takes_its_own_clause_and_time():
    found = by_value(claims_of(SEVERAL))
    assert found[4].property == "abductees returned to Japan"
    assert found[4].time == "2002-10"


def test_children_of_abductees_are_not_abductees():
    found = by_value(claims_of(SEVERAL))
    assert 3 not in found


CITED = """\
The exodus of 1960

In 1960 about 49,000 Koreans left Japan for North Korea (Tanaka 2020: 376). The ships sailed from \
Niigata.3 See pp. 112-118 for the lists.

Notes

3 Tanaka, Exodus (Tokyo, 2020), p. 376, on the 1,200 passengers of the first voyage.
"""


def test_citations_notes_and_page_ranges_make_no_claims_and_date_none():
    found = claims_of(CITED)
    assert [(c.quantity.value, c.property, c.time) for c in found] == [(49000, "people repatriated to North Korea", "1960")]


WELFARE = """\
Cuts

In 1956 some 40,000 Korean residents had their welfare benefits cut. At the time there were about \
570,000 Koreans living in Japan, and about 1,500 Koreans remained in Japan after the ships stopped.
"""


def test_the_predicate_decides_what_people_are_counted_as():
    found = by_value(claims_of(WELFARE))
    assert found[40000].property == "Koreans in Japan whose welfare was cut"
    assert found[570000].property == "Koreans living in Japan"
    assert found[1500].property == "Koreans remaining in Japan"
    assert {c.time for c in found.values()} == {"1956"}


PRESENT = """\
The association today

Published: 12 May 2019

Chongryon was founded in 1955. It now has some 50,000 members, and its schools teach in Korean.
"""


def test_a_figure_in_the_present_holds_at_the_time_of_writing():
    found = claims_of(PRESENT)
    assert [(c.quantity.value, c.property, c.time) for c in found] == [(50000, "membership", "2019-05-12")]


def test_a_figure_sought_or_imagined_is_no_claim():
    text = ("Claims\n\nIn 2018 the plaintiffs sued, seeking 20 million yen each in compensation. "
            "Officials considered the possibility of a repatriation of at least 30,000 people.\n")
    assert claims_of(text) == []


def test_a_headline_above_the_text_is_no_part_of_its_first_sentence():
    text = ("Back home\nFive abductees returned to Japan\nMonday, Oct. 21, 2002\n"
            "In 2002, North Korea admitted that it had kidnapped 13 Japanese citizens in the 1970s and\n"
            "held them for decades, a confession that shocked the public in Tokyo and\nelsewhere.\n")
    found = by_value(claims_of(text))
    assert found[13].property == "abductions admitted by North Korea"
    assert found[13].time == "197X"


def test_people_beside_a_population_are_not_counted_in_it():
    text = ("Rally\n\nPublished: 2 August 2017\n\nAbout 300 people, including relatives of the abductees, "
            "marched in Osaka on Sunday. At least 150 Japanese nationals who went to North Korea as spouses remain there.\n")
    found = by_value(claims_of(text))
    assert 300 not in found
    assert (found[150].property, found[150].time) == ("Japanese spouses remaining in North Korea", "2017-08-02")


def test_counts_that_only_look_like_the_fields_figures_make_no_claims():
    text = ("Boats\n\nPublished: 5 December 2019\n\nThe 14 North Koreans who drifted ashore in Niigata were "
            "repatriated to North Korea via China. A delegation with six members of the Diet visited Pyongyang. "
            "In 1991, 11 Koreans were among the founders of the club.\n")
    assert claims_of(text) == []


def test_who_reports_a_gift_is_not_who_gives_it():
    text = "Aid\n\nThe UN said Japan gave $12 million in aid to North Korea in 2008.\n"
    assert [(c.subject, c.property, c.time) for c in claims_of(text)] == [("country:japan", "aid", "2008")]


def test_the_number_of_x_says_what_a_bare_figure_counts_and_a_visit_is_no_stay():
    text = ("Residents\n\nPublished: 1 April 2014\n\nThe number of Koreans with special permanent residency has "
            "fallen from 640,000 in 1990 to about 350,000 today. Around 900 Japanese wives still lived in North "
            "Korea in 1998, when 12 of them visited their hometowns.\n")
    found = by_value(claims_of(text))
    assert [(found[v].property, found[v].time) for v in (640000, 350000)] == [
        ("Koreans in Japan with special permanent residency", "1990"),
        ("Koreans in Japan with special permanent residency", "2014-04-01")]
    assert (found[900].property, found[900].time) == ("Japanese spouses remaining in North Korea", "1998")
    assert 12 not in found


def test_the_year_of_a_cited_article_dates_nothing():
    text = ("Voices\n\nCritics asked, as one 2012 article did, what Chongryon had achieved. Members keep leaving. "
            "The current membership includes 40,000 members.\n")
    assert [(c.quantity.value, c.subject, c.time) for c in claims_of(text)] == [(40000, "org:chongryon", None)]


def test_the_agent_of_a_passive_gives_the_aid():
    text = "Rice\n\nIn 2000, about 500,000 tons of rice were donated by Japan to North Korea.\n"
    assert [(c.subject, c.property, c.time) for c in claims_of(text)] == [("country:japan", "food aid", "2000")]
