"""One occurrence told again in other words within a story: a launch told as fired and as the
weapon's flight, an arrest and a detention of one day; and who sees an act does not do it."""
from __future__ import annotations

from event_probe import role, the
from kankei.pipeline import extract

_WIRE = ("SEOUL, March 4, 2027 (Wire)\n\n"
         "North Korea launched a cruise missile toward the Yellow Sea early on Thursday, the military said. "
         "The missile was fired from near Nampo and flew about 300 km. Seoul lodged a protest.")


def _events(text: str) -> list[dict]:
    return [r for r in extract(text, doc="t").records() if r["kind"] == "event"]


def test_a_launch_told_again_as_fired_and_as_a_flight_is_one_occurrence():
    evs = _events(_WIRE)
    tests = [e for e in evs if e["type"] == "weapons_test"]
    first = next(e for e in tests if e["text"] == "launched")
    assert {e["text"] for e in tests if e.get("mention_of") == first["id"]} == {"fired", "flew"}
    # each telling names who fired it
    assert all(role(e, "agent") == {"country:north_korea"} for e in tests)


def test_two_launches_of_one_day_by_two_states_stay_two():
    text = ("SEOUL, March 4, 2027 (Wire)\n\nNorth Korea fired a missile on Thursday. "
            "Hours later South Korea launched a missile of its own on Thursday in response.")
    tests = [e for e in _events(text) if e["type"] == "weapons_test"]
    assert len(tests) == 2 and not any("mention_of" in e for e in tests)


def test_what_may_happen_on_the_page_day_is_not_merged_by_its_day():
    text = ("TOKYO, March 4, 2027 (Wire)\n\nIf a summit were held, what would it bring? "
            "The prime minister could visit Pyongyang, an aide said.")
    assert not any("mention_of" in e for e in _events(text) if e["type"] == "meet")


def test_who_detects_a_launch_does_not_launch_it():
    ev = the("The Joint Chiefs of Staff said it detected the launch at 10:44 p.m.", "launch", dct="2024-05-28")
    assert not role(ev, "agent")


def test_a_launch_a_day_before_the_one_told_is_another_on_its_own_day():
    text = ("SEOUL, March 4, 2027 (Wire)\n\nNorth Korea fired a ballistic missile on Thursday. "
            "The launch came a day after the North fired two cruise missiles into the Yellow Sea.")
    tests = {(e["text"], e["date"]) for e in _events(text) if e["type"] == "weapons_test" and "mention_of" not in e}
    assert tests == {("fired", "2027-03-04"), ("fired", "2027-03-03")}


def test_a_gathering_named_again_by_it_before_was_held_happened_then():
    text = ("SENDAI, March 4, 2027 (Wire)\n\nThe annual meeting of the association was postponed after the storm. "
            "It was held instead on 24 February in Sendai.")
    evs = [e for e in _events(text) if e["type"] == "meet"]
    assert [(e["text"], e["date"]) for e in evs] == [("was held", "2027-02-24")]
    assert role(evs[0], "location") == {"place:sendai"}
    # 'it' after no gathering is none
    assert not [e for e in _events("Japan imposed sanctions on Monday. It was held in high regard.") if e["type"] == "meet"]
