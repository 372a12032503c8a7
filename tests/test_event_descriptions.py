"""Times and words that tell no step of the story: a time inside an aside that describes a
person, and a silence ('made no comment', 'no immediate reaction') told as a negated statement."""
from __future__ import annotations

from event_probe import events, role, the


def test_a_time_in_a_description_of_a_person_dates_neither_the_verb_nor_the_next_sentence():
    text = ("Lee Min-ho, 47, a veteran of the 1998 strike, criticized the union on Friday. "
            "He urged members to vote.")
    ev = the(text, "criticized", dct="2021-05-10")
    assert ev["date"] == "2021-05-07"
    text = ("In her speech, Ri Hae-sun, 63, a graduate of the class of 1975, praised the teachers. "
            "She announced a fund-raising campaign.")
    dates = {e["text"]: e["date"] for e in events(text, dct="2021-05-10")}
    assert dates["praised"] == "2021-05-10"
    assert dates["announced a fund-raising campaign"] == "2021-05-10"


def test_a_relative_clause_inside_a_description_keeps_its_own_time():
    ev = the("Sato Aiko, a nurse who had vanished in 1978, became a symbol of the campaign.", "vanished")
    assert ev["date"] == "1978"
    assert role(ev, "patient") == {"person:aiko_sato"}


def test_a_relative_clause_after_a_name_moves_no_story():
    text = ("Kim Yong-su, who left for the North in 1961, spoke at the rally on Saturday. "
            "He said the school must stay open.")
    said = the(text, "said", dct="2021-05-10")
    assert said["date"] != "1961"


def test_saying_nothing_is_a_negated_statement_of_the_page_or_story_day():
    for text, trigger in [("North Korea made no immediate comment on the seizure.", "made no immediate comment"),
                          ("There was no immediate reaction from North Korea.", "no immediate reaction"),
                          ("The KCNA report made no mention of Japan.", "made no mention"),
                          ("North Korea gave no indication of when it would respond.", "gave no indication")]:
        ev = the(text, trigger, dct="2024-03-05")
        assert ev["type"] == "statement" and ev["modality"] == "negated", ev
        assert ev["date"] == "2024-03-05"
    ev = the("There was no immediate reaction from North Korea.", "no immediate reaction", dct="2024-03-05")
    assert role(ev, "agent") == {"country:north_korea"}
    # giving nothing is no aid
    assert not [e for e in events("North Korea gave no indication of its plans.") if e["type"] == "aid"]


def test_a_reaction_that_came_is_no_negated_statement():
    assert not [e for e in events("In response to the launch, Japan lodged a protest.", dct="2024-03-05")
                if e["type"] == "statement"]


def test_what_a_body_calls_on_or_urges_today_is_a_demand_of_the_page_day():
    ev = the("Japan calls on North Korea to return the abductees.", "calls on", dct="2024-03-05")
    assert (ev["type"], ev["date"]) == ("demand", "2024-03-05")
    assert role(ev, "agent") == {"country:japan"} and role(ev, "patient") == {"country:north_korea"}
    ev = the("Japan called upon North Korea to return the abductees.", "called upon", dct="2024-03-05")
    assert role(ev, "patient") == {"country:north_korea"}


def test_attending_is_a_meeting_only_of_a_gathering_and_an_event_noun_it_takes_is_that_event():
    ev = the("The foreign minister attended the ceremony in Seoul on Monday.", "attended", dct="2024-03-05")
    assert (ev["type"], ev["date"]) == ("meet", "2024-03-04")
    assert role(ev, "location") == {"place:seoul"}
    assert the("About 900 people attended the rally on Sunday.", "attended the rally",
               dct="2024-03-05")["type"] == "accuse"
    assert not events("Her daughter attended a Korean school in Kobe.")


def test_none_who_did_it_makes_it_negated():
    ev = the("No one from the city government attended the ceremony on Sunday.", "attended", dct="2024-03-05")
    assert ev["modality"] == "negated"
    assert the("Nobody said anything at the meeting.", "said", dct="2024-03-05")["modality"] == "negated"
    assert "modality" not in the("The ministry said no damage had been reported.", "said", dct="2024-03-05")


def test_what_an_actor_should_or_must_do_is_a_demand_on_it_by_whoever_says_so():
    ev = the("The panel said on Monday that Japan should release the documents.", "should release", dct="2024-03-05")
    assert (ev["type"], ev["date"]) == ("demand", "2024-03-04")
    assert role(ev, "patient") == {"country:japan"}
    # what it should do is no event of its own
    assert [e["type"] for e in events("North Korea should return the abductees at once.", dct="2024-03-05")] == ["demand"]
    ev = the("Japan must not lift its sanctions, the minister said.", "must not lift", dct="2024-03-05")
    assert ev["modality"] == "negated"
    ev = the("In the mid-1960s he argued that Chongryon should stay out of Japanese politics.", "should stay")
    assert ev["date"] == "1964/1966"


def test_an_expectation_a_question_or_a_condition_with_should_is_no_demand():
    for text in ("The talks should begin next week.", "Should Japan lift its sanctions?",
                 "If North Korea should launch a missile, Japan will respond.",
                 "North Korea should have known the risks."):
        assert not [e for e in events(text, dct="2024-03-05") if e["type"] == "demand"], text


def test_neither_nor_negates_both_acts():
    evs = {e["text"]: e for e in events("Tokyo neither apologized nor paid compensation.", dct="2024-03-05")}
    assert evs["apologized"]["modality"] == "negated"
    assert evs["paid compensation"]["modality"] == "negated"


def test_what_a_speaker_at_a_gathering_says_was_not_done_keeps_the_gathering_day():
    text = ("SEOUL, August 30 (Wire) -- A rally took place in Seoul on Friday. "
            "Opening the rally, Lee Min-ho said the fund had done nothing. "
            "Speaking next, Park Ji-won noted that Tokyo has neither apologized nor paid any compensation. "
            "Park Ji-won also said the campaign would go on.")
    said = [e for e in events(text, dct="2025-08-30") if e["text"] == "said"]
    assert [e["date"] for e in said] == ["2025-08-29", "2025-08-29"]


def test_the_year_and_author_of_a_work_cited_in_brackets_date_and_do_nothing():
    text = "From 1960 to 1962 about 70,000 people sailed from Niigata to Chongjin (Hayashi 2011: 42)."
    evs = [e for e in events(text) if e["text"] == "sailed"]
    assert [e["date"] for e in evs] == ["1960/1962"]
    assert not any(p["entity"].startswith("person:") for p in evs[0]["participants"])
    # a year in brackets that no name opens still dates
    assert the("Japan normalized ties with Seoul (in 1965).", "normalized")["date"] == "1965"


def test_what_an_act_is_for_is_no_occurrence():
    text = "The group asked the ministry to restore the ferry so that elderly residents could visit their relatives."
    assert [e["type"] for e in events(text, dct="2021-11-18")] == ["demand"]
    # a result told as done still is one
    assert the("He worked hard, so that the talks resumed in May.", "talks resumed")["date"].endswith("-05")
