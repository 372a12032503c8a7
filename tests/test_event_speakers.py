"""Who speaks or acts when the subject names an office or a part of a body, not the body itself:
a state's minister, an organization's branch, a government's spokesman under a dateline.

Every sentence here was written for these tests.
"""
from __future__ import annotations

from clause_helpers import clause, span
from event_probe import events, role, the
from kankei.analyze import analyze
from kankei.pipeline import extract


def test_a_branch_of_an_organization_acts_for_it():
    ev = the("Chongryon's Nagoya office issued a statement on Monday criticizing the decision.",
             "issued a statement", "2021-04-08")
    assert role(ev, "agent") == {"org:chongryon"}
    assert ev["date"] == "2021-04-05"


def test_a_states_office_holder_acts_for_the_state_even_with_a_capitalized_title():
    ev = the("On Tuesday, North Korea's Vice Minister of Foreign Affairs issued a statement rejecting talks.",
             "issued a statement", "2021-04-08")
    assert role(ev, "agent") & {"country:north_korea", "gov:north_korea"}
    # a relative is no office: the possessor does not act
    assert not role(the("Yokota's parents met reporters on Tuesday.", "met", "2021-04-08"), "agent")


def test_the_government_spokesman_of_a_story_filed_from_a_capital_is_its_government():
    text = ("TOKYO (Kyodo) -- North Korea fired a missile on Sunday. Tokyo protested to Pyongyang, the top "
            "government spokesman told a news conference.")
    ev = the(text, "told a news conference", "2021-04-05")
    assert role(ev, "agent") == {"gov:japan"}
    # a dateline with no agency in brackets is a dateline too
    ev = the("SEOUL -- The government said on Sunday it would respond.", "said", "2021-04-05")
    assert role(ev, "agent") == {"gov:south_korea"}


def test_a_finite_verb_in_a_relative_clause_is_not_the_speakers_act():
    text = ("The foreign minister condemned the launch on Friday, calling it \"a reckless act that threatens "
            "the whole region.\"")
    assert [e["text"] for e in events(text, "2021-04-10") if e["type"] == "threaten"] == []
    # an act of speech a statement carries out is still the speaker's
    ev = the("North Korea released a statement on Friday denouncing Japan.", "denouncing", "2021-04-10")
    assert role(ev, "agent") == {"country:north_korea"}
    assert ev["date"] == "2021-04-09"


def test_an_act_a_message_carries_is_the_senders_and_dates_the_message():
    evs = events("The North Korean foreign ministry issued a statement rejecting the offer on Tuesday.", "2021-04-08")
    said = next(e for e in evs if e["text"] == "issued a statement")
    rejected = next(e for e in evs if e["text"] == "rejecting")
    assert said["date"] == rejected["date"] == "2021-04-06"
    assert role(rejected, "agent") == role(said, "agent") != set()
    # an -ing form between two nouns that are no message is still a compound
    s = analyze("The company opened a fuel reprocessing plant in 1990.")
    assert [span(s, o) for o in clause(s, "open").objects] == ["a fuel reprocessing plant"]
    s = analyze("The ministry issued a statement urging restraint.")
    assert [span(s, o) for o in clause(s, "issue").objects] == ["a statement"]
    assert span(s, clause(s, "urge").objects[0]) == "restraint"


def test_an_opening_time_phrase_and_a_comma_do_not_swallow_the_subject():
    ev = the("On Tuesday, Japan's Minister of Justice said the order stood.", "said", "2021-04-08")
    assert ev["date"] == "2021-04-06"
    assert role(ev, "agent") & {"country:japan", "gov:japan"}


def test_another_states_adjective_before_a_generic_body_is_that_states_body():
    ev = the("The North Korean foreign ministry said on Tuesday it would not attend.", "said", "2021-04-08")
    assert role(ev, "agent") == {"org:mofa_dprk"}
    # a state whose body the knowledge does not name: no other state's body stands in for it
    ev = the("The Chinese foreign ministry said on Tuesday it opposed the move.", "said", "2021-04-08")
    assert "org:mofa_japan" not in role(ev, "agent")
    assert role(the("The foreign ministry said on Tuesday it opposed the move.", "said", "2021-04-08"),
                "agent") == {"org:mofa_japan"}


def test_a_speaker_named_twice_after_a_quote_is_the_subject_of_the_saying():
    s = analyze('"We will appeal," the club\'s chairman, Lee Sung-min, told reporters on Friday.')
    told = clause(s, "tell")
    assert told.parent is None and span(s, told.subject) == "the club's chairman"
    assert clause(s, "appeal").parent is told
    ev = the('"We will appeal," the chairman, Lee Sung-min, told reporters on Friday.', "told reporters",
             "2021-04-10")
    assert role(ev, "agent") == {"person:lee_sung_min"}


def test_an_unnamed_official_of_a_ministry_named_in_lower_case_speaks_for_it():
    s = analyze("An official at the education ministry said on Friday the ministry had no plans.")
    assert [t.tag for t in s.tokens][:7] == ["DT", "NN", "IN", "DT", "NN", "NN", "VBD"]
    ev = the("An official at the education ministry said on Friday it had no plans.", "said", "2021-04-10")
    assert role(ev, "agent") == {"org:mext"}
    ev = the("A Coast Guard official said on Friday the boat had sunk.", "said", "2021-04-10")
    assert role(ev, "agent") == {"org:japan_coast_guard"}


def test_a_rare_past_form_read_as_a_present_is_the_past():
    s = analyze("Activists condemned a group that stole crypto assets.")
    assert [t.tag for t in s.tokens if t.text == "stole"] == ["VBD"]
    s = analyze('"I presume that they will come," he said.')
    assert [t.tag for t in s.tokens if t.text == "presume"] == ["VBP"]


def test_the_place_and_agency_of_a_dateline_take_part_in_nothing():
    text = "TOKYO (Kyodo) -- A North Korean boat was seized on Friday after it entered Japanese waters."
    assert all("org:kyodo" not in role(e, "agent") | role(e, "patient") for e in events(text, "2021-04-10"))


def test_what_a_statement_told_before_says_was_done_has_the_statements_day():
    text = ("SEOUL, Jan. 16 (Yonhap) -- North Korea's foreign ministry issued a statement on Wednesday. "
            "Pyongyang rejected the proposal for talks, according to the statement.")
    ev = the(text, "rejected", "2026-01-16")
    assert ev["date"] == "2026-01-14"
    # 'according to' a source not told before leaves the report's day
    ev = the("SEOUL, Jan. 16 (Yonhap) -- Pyongyang rejected the proposal, according to the statement.",
             "rejected", "2026-01-16")
    assert ev["date"] == "2026-01-16"


def test_a_states_possessive_before_a_generic_body_is_that_states_body():
    ev = the("A senior official of the North's Foreign Ministry said on Sunday the issue was settled.", "said",
             "2025-05-12")
    assert role(ev, "agent") == {"org:mofa_dprk"}
    assert role(ev, "patient") == set()     # (the phrase the subject speaks for is no one spoken to)
    ev = the("China's Foreign Ministry said on Sunday it opposed the move.", "said", "2025-05-12")
    assert "org:mofa_japan" not in role(ev, "agent")


def test_a_message_set_before_the_clause_is_where_and_when_the_clause_is_said():
    text = ("In a statement carried by the state news agency on Sunday, a spokesman of the North's Foreign "
            "Ministry dismissed the offer and said talks were pointless.")
    s = analyze(text)
    assert clause(s, "dismiss").parent is None and span(s, clause(s, "dismiss").subject) == "a spokesman"
    evs = events(text, "2025-05-14")
    assert {e["text"]: e["date"] for e in evs}["said"] == "2025-05-11"
    assert role(next(e for e in evs if e["text"] == "said"), "agent") == {"org:mofa_dprk"}
    ev = the("In a letter dated 24 March 2021, Japan informed the committee of the transfers.", "informed",
             "2022-03-01")
    assert ev["date"] == "2021-03-24"


def test_an_absolute_with_clause_is_no_phrase_of_the_main_clause():
    s = analyze("With the talks having stalled, North Korea tested two missiles in 2009.")
    assert clause(s, "stall").relation == "adverbial" and span(s, clause(s, "stall").subject) == "the talks"
    assert [pp.prep.text for pp in clause(s, "test").pps] == ["in"]


def test_a_headline_speech_is_the_first_the_body_tells_of_that_speaker():
    text = ("Morimoto says Japan \u201cwill not yield\u201d\n\nForeign Minister Kenji Morimoto said on Monday that "
            "Japan would keep its sanctions. He spoke after a cabinet meeting.")
    evs = events(text, "2018-03-06")
    said = next(e for e in evs if e["text"] == "said")
    assert next(e for e in evs if e["text"] == "says").get("mention_of") == said["id"]


def test_a_verb_with_a_subject_of_its_own_is_not_a_statements_content():
    text = ("North Korea issued a statement on Friday, as the families pressed the government to act "
            "and urged it to hurry.")
    for e in events(text, "2021-04-10"):
        if e["text"] in ("pressed", "urged"):
            assert "country:north_korea" not in role(e, "agent")
    s = analyze("as the families pressed him to bring their loved ones home.")
    assert [t.tag for t in s.tokens if t.text in ("pressed", "loved")] == ["VBD", "JJ"]


def test_a_surname_alone_is_the_person_the_document_names_in_full_with_it():
    text = ("Kono says Japan will keep sanctions\n\nForeign Minister Taro Kono said on Monday that Japan "
            "would keep its sanctions.")
    recs = [r for r in extract(text, doc="t", dct="2018-03-06").records() if r["kind"] == "entity"]
    assert {r["entity"] for r in recs if r["text"] in ("Kono", "Taro Kono")} == {"person:kono_taro"}


def test_speakers_told_the_same_audience_spoke_at_one_sitting():
    text = ("TOKYO (AP) -- Lawmaker Ichiro Tanaka told a lower house committee on Monday that the team had been "
            "mistreated. Foreign Minister Jiro Suzuki told the committee: \"We will look into it.\"")
    evs = [e for e in events(text, "2011-11-30") if e["text"] == "told"]
    assert [e["date"] for e in evs] == ["2011-11-28", "2011-11-28"]
    # an audience not told before gives no day
    text = "TOKYO (AP) -- Foreign Minister Jiro Suzuki told the committee: \"We will look into it.\""
    assert the(text, "told", "2011-11-30")["date"] == "2011-11-30"


def test_they_in_what_one_body_says_or_decides_is_not_that_body():
    text = "Five abductees returned in October. Tokyo later decided they would not be sent back."
    ev = the(text, "decided", "2003-01-01")     # (the refusal decided: what is refused is no event of its own)
    assert ev["type"] == "reject" and role(ev, "agent") == {"gov:japan"} and "gov:japan" not in role(ev, "patient")
    # those told can be 'they' in what they were told
    ev = the("The wives were told by officials that they could visit Japan in 1980.", "visit", "2003-01-01")
    assert ev["modality"] == "hypothetical"


def test_a_second_time_after_a_reduced_relative_that_has_one_is_the_clause_aboves():
    text = ("TOKYO, May 12, 2025 (Kyodo) -- The premier told relatives of people abducted decades ago on "
            "Saturday that he would act.")
    assert the(text, "told", "2025-05-12")["date"] == "2025-05-10"
    # coordinated times stay together
    ev = the("Japan lists people it abducted in the 1970s and 1980s.", "abducted", "2025-05-12")
    assert ev["date"] == "197X/198X"


def test_a_past_before_comma_and_ends_its_clause():
    s = analyze("A decade after the first summit, talks resumed, and in May 2014 the two governments agreed.")
    assert [t.tag for t in s.tokens if t.text == "resumed"] == ["VBD"]
    evs = events("Koizumi met Kim in 2002. A decade after the first summit, talks resumed, and in May 2014 "
                 "the two governments reached an agreement in Stockholm.", "2025-05-12")
    assert [e["date"] for e in evs if e["text"] == "reached an agreement"] == ["2014-05"]


def test_a_capital_setting_the_sentence_owns_its_generic_ministry():
    ev = the("In Seoul, the foreign ministry said it hoped for dialogue.", "said", "2026-04-16")
    assert role(ev, "agent") == {"org:mofa_rok"}
    ev = the("In Tokyo, the foreign ministry said it hoped for dialogue.", "said", "2026-04-16")
    assert role(ev, "agent") == {"org:mofa_japan"}


def test_a_time_inside_another_of_the_same_clause_is_one_occurrence():
    text = ("In 2006 Japan banned imports. Three years later, after the North carried out a nuclear test in "
            "May 2009, Japan expanded the measures into a total ban on exports to the country the following month.")
    assert [e["date"] for e in events(text, "2026-04-16") if e["text"] == "expanded"] == ["2009-06"]


def test_the_message_named_again_is_the_one_who_made_it_and_a_states_media_speak_for_it():
    text = ("SEOUL, April 16, 2026 (Yonhap) -- North Korea's state media on Wednesday denounced Japan's "
            "decision. In a commentary, KCNA said that Tokyo had revealed its hostility. The commentary said "
            "Japan would pay dearly.")
    evs = events(text, "2026-04-16")
    assert role(evs[0], "agent") == {"country:north_korea"}
    said = [e for e in evs if e["text"] == "said"]
    assert [role(e, "agent") for e in said] == [{"org:kcna"}, {"org:kcna"}]


def test_a_question_left_open_is_no_threat():
    ev = the("The minister did not say whether Tokyo would consider easing the measures if Pyongyang agreed "
             "to talks.", "say", "2026-04-16")
    assert ev["type"] == "statement" and ev["modality"] == "negated"
    assert the("North Korea said it would retaliate if Japan extended the sanctions.", "said",
               "2026-04-16")["type"] == "threaten"


def test_a_spokesman_at_its_headquarters_speaks_for_the_body_its_stands_for():
    text = ("Chongryon promoted the program in the 1950s. A spokesman at its Tokyo headquarters declined to "
            "comment on Monday.")
    ev = the(text, "declined", "2026-12-14")
    assert role(ev, "agent") == {"org:chongryon"}
    assert ev["date"] == "2026-12-14"
    s = analyze("A spokesman at its Tokyo headquarters declined to comment.")
    assert [t.tag for t in s.tokens if t.text == "declined"] == ["VBD"]
