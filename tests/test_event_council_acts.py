"""What councils and their members do, as a press release tells it: a resolution adopted (told
by a participle after its name, or in a 'when' clause), a vote against, a launch named by a
designation only, and the time a ', when' clause follows."""
from __future__ import annotations

from event_probe import events, role, the


def test_a_resolution_adopted_told_by_a_participle_after_its_name():
    ev = the("Under Assembly resolution 81/12, adopted last month, the chair must report within a week.",
             "adopted", dct="2024-06-20")
    assert (ev["type"], ev["date"]) == ("resolution", "2024-05")
    # a participle after a noun the verb does not take states nothing
    assert not [e for e in events("The report, adopted children and all, was read.") if e["type"] == "resolution"]


def test_a_resolution_adopted_in_a_when_clause_after_it():
    ev = the("When it adopted resolution 1718 in October 2006, the council promised more.", "adopted")
    assert (ev["type"], ev["date"]) == ("resolution", "2006-10")


def test_voting_against_is_a_rejection():
    ev = the("Two permanent members voted against the draft on Thursday.", "voted against", dct="2024-06-21")
    assert (ev["type"], ev["date"]) == ("reject", "2024-06-20")


def test_a_launch_of_a_weapon_named_only_by_its_designation():
    ev = the("On 2 May the North fired what it called a Hwasong-19.", "fired", dct="2024-06-21")
    assert (ev["type"], ev["date"]) == ("weapons_test", "2024-05-02")
    assert not [e for e in events("On 2 May the guard fired a warning to the crowd.") if e["type"] == "weapons_test"]


def test_a_when_clause_after_a_time_is_on_that_time():
    text = "The two sides met in August 2002 and again in October, when they signed a memorandum."
    assert the(text, "signed")["date"] == "2002-10"
    text = "Pyongyang kept a pause from June 2019 until 9 May, when it fired what it called a Hwasong-11."
    assert the(text, "fired", dct="2020-06-01")["date"] == "2020-05-09"


def test_reopening_a_case_is_a_legal_step_reopening_a_border_none():
    ev = the("Niigata prefectural police reopened the case in 2006.", "reopened")
    assert (ev["type"], ev["date"]) == ("legal", "2006")
    assert role(ev, "agent")
    assert not events("China reopened the border in 2023.")


def test_a_second_time_after_a_verb_with_its_own_dates_the_event_noun_it_follows():
    text = ("The FBI blamed North Korea in December 2024 for the theft of 48 billion yen from a Tokyo exchange "
            "in May of that year.")
    evs = {e["text"]: e["date"] for e in events(text, dct="2025-03-01")}
    assert evs["blamed"] == "2024-12" and evs["theft"] == "2024-05"
    # an offset after the verb's time is the verb's
    text = "When Pyongyang fired missiles on May 8, the agency described the test a day later as a drill."
    assert the(text, "described", dct="2025-06-01")["date"] == "2025-05-09"


def test_adding_parties_to_a_list_or_designating_them_is_a_sanction():
    text = "Tokyo has added parties several times, including on May 2, 2018 (six entities) and June 9, 2021 (two firms)."
    assert sorted(e["date"] for e in events(text) if e["type"] == "sanction") == ["2018-05-02", "2021-06-09"]
    ev = the("On Friday Japan designated two firms and five individuals for an asset freeze.", "designated",
             dct="2024-03-04")
    assert (ev["type"], ev["date"]) == ("sanction", "2024-03-01")
    # adding people to a list of the missing is no measure
    assert not events("On 3 June the police added two persons from Tottori to its list of possible abductees.")


def test_an_event_noun_with_a_list_of_times_or_counts_by_time_is_one_occurrence_per_time():
    text = "Officials counted 1,200 arrivals in 1971 and 900 in 1972, then just 310 in 1973."
    assert sorted(e["date"] for e in events(text) if e["text"] == "arrivals") == ["1971", "1972", "1973"]
    text = "Thirty of the women made short visits in 2001, 2003 and 2005."
    assert sorted(e["date"] for e in events(text) if e["type"] == "meet") == ["2001", "2003", "2005"]


def test_what_a_speaker_said_would_happen_on_a_weekday_is_the_next_one():
    ev = the("He added that the defense chiefs would hold a phone call on Thursday to discuss the test.",
             "hold a phone call", dct="2025-11-19")
    assert (ev["date"], ev["modality"]) == ("2025-11-20", "hypothetical")
    # a year the story is on keeps its month
    assert the("In 1959 Kishi said that the ships would sail in December.", "sail", dct="2025-11-19")["date"] == "1959-12"


def test_an_act_done_in_a_statement_is_on_the_statement_day():
    ev = the("The union condemned the ruling in a statement on Tuesday.", "condemned", dct="2025-11-19")
    assert ev["date"] == "2025-11-18"
    # a time of the thing acted on stays its own
    ev = the("Seoul condemned the launch on Tuesday in a statement.", "condemned", dct="2025-11-19")
    assert ev["date"] == "2025-11-18"


def test_an_after_clause_opened_by_a_stretch_is_that_far_before_the_time_it_depends_on():
    text = ("Pyongyang fired a missile early on Wednesday, the ministry said, a day after the prime minister "
            "told the families that he was ready to meet Kim.")
    assert the(text, "told", dct="2025-11-19")["date"] == "2025-11-18"
    text = "Japan imposed new sanctions in March 2016, two months after North Korea tested a nuclear device."
    assert the(text, "tested a nuclear device")["date"] == "2016-01"
    # a day from a month says no day
    text = "Japan imposed new sanctions in March 2016, a day after North Korea tested a nuclear device."
    assert the(text, "tested a nuclear device")["date"] != "2016-02-29"


def test_a_court_paper_served_is_a_legal_step_serving_as_chairman_none():
    ev = the("The judgment was served on the plaintiffs on March 31, 2023.", "served")
    assert (ev["type"], ev["date"]) == ("legal", "2023-03-31")
    assert not events("He served as chairman from 1955 to 1970.")


def test_landing_at_a_place_is_an_arrival():
    ev = the("The three returnees had landed at Haneda on October 15, 2002.", "landed")
    assert ev["type"] in ("migrate", "release") and ev["date"] == "2002-10-15"
    assert role(ev, "location") == {"place:haneda_airport"}


def test_an_ed_form_after_be_and_before_a_time_is_a_passive_done_then():
    ev = the("Most of the union's schools were closed later that year, in 1949.", "closed")
    assert (ev["type"], ev["date"]) == ("dissolve", "1949")
    assert not events("The office is closed on Sundays.")


def test_a_name_ending_in_summit_or_conference_is_an_occasion_where_a_time_dates_it():
    ev = the("At the G20 Osaka Summit in June, the leaders issued a declaration.", "G20 Osaka Summit", dct="2019-12-01")
    assert (ev["type"], ev["date"]) == ("meet", "2019-06")
    assert not [e for e in events("The Sapporo Conference Hall is large.") if e["type"] == "meet"]
