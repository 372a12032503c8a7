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
