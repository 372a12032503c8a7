"""Events as associations and agencies report their year: calls and accounts handed in, rallies,
things said to be done to nothing at all.

Every sentence here was written for these tests.
"""
from __future__ import annotations

from event_probe import events, role, the
from kankei.analyze import analyze


def test_what_is_handed_in_decides_between_a_call_and_an_account():
    assert the("On 3 May the families handed over a petition to the minister.", "handed over",
               "2023-12-31")["type"] == "demand"
    assert the("On 3 May the police handed over the records to prosecutors.", "handed over",
               "2023-12-31")["type"] == "statement"
    ev = the("Japan submitted information on nine cases to the UN panel on 14 May.", "submitted", "2023-12-31")
    assert ev["type"] == "statement" and role(ev, "agent") == {"country:japan"}
    assert the("The group presented 90,000 signatures to the governor on 2 June.", "presented",
               "2023-12-31")["type"] == "demand"
    # presenting a thing that is no call or account is no event
    assert events("The choir presented a concert in Kobe on 2 June.", "2023-12-31") == []


def test_a_verb_that_doubles_its_last_consonant_is_found_in_the_past():
    assert the("The court acquitted the two men on 3 May.", "acquitted", "2023-12-31")["type"] == "legal"


def test_a_noun_the_tagger_read_as_an_adverb_after_its_determiner():
    s = analyze("At the autumn rally in Niigata on 5 October, the hall was full.")
    assert [t.tag for t in s.tokens if t.text == "rally"] == ["NN"]
    assert the("At the autumn rally in Niigata on 5 October, the hall was full.", "rally",
               "2023-12-31")["date"] == "2023-10-05"
    # adverbs that close a phrase stay adverbs
    s = analyze("The talks ended the day before in Tokyo.")
    assert [t.tag for t in s.tokens if t.text == "before"] == ["RB"]


def test_a_thing_done_to_nothing_at_all_is_negated():
    assert the("No reply has been received from Pyongyang.", "received", "2023-12-31")["modality"] == "negated"
    assert the("North Korea provided no evidence on Friday.", "provided", "2023-12-31")["modality"] == "negated"
    # what is said to be none is not the saying's negation
    ev = the("The ministry said on Friday no damage had been reported.", "said", "2023-12-31")
    assert ev.get("modality", "asserted") == "asserted"


def test_a_body_a_report_calls_by_its_head_noun_capitalized_is_the_body_named_at_the_top():
    text = ("Kobe Friendship Association\nReport for 2023\n\nThe year was a busy one. Many members "
            "travelled. Japan and South Korea held talks. China and Russia met. Kim Jong Un spoke.\n\n"
            "On 4 May the Association issued a statement urging the Government to act.")
    ev = the(text, "issued a statement")
    assert role(ev, "agent") == {"org:kobe_friendship_association"}
    assert ev["date"] == "2023-05-04"


def test_a_place_named_on_an_event_noun_is_where_it_happened():
    ev = the("The rally was postponed after the Noto Peninsula earthquake of 1 January.", "earthquake",
             "2024-03-01")
    assert role(ev, "location") == {"place:noto_peninsula"}


def test_launching_a_body_founds_it_and_the_north_opening_a_sentence_is_a_state():
    ev = the("The North launched a special investigation committee in July 2014.", "launched", "2025-05-12")
    assert ev["type"] == "found" and role(ev, "agent") == {"country:north_korea"}
    # the noun that only describes the body is no event of its own kind
    assert [e["type"] for e in events("The North launched a special investigation committee in July 2014.",
                                       "2025-05-12")] == ["found"]


def test_an_accord_that_expires_or_is_extended_and_a_ship_that_sails_take_part():
    ev = the("The Calcutta Agreement expired in November 1967.", "expired", "2000-01-01")
    assert role(ev, "patient") == {"document:calcutta_agreement"}
    ev = the("The Calcutta Agreement was extended in 1960.", "extended", "2000-01-01")
    assert role(ev, "patient") == {"document:calcutta_agreement"}
    ev = the("The Mangyongbong-92 returned to Niigata on August 25, 2003.", "returned", "2004-01-01")
    assert role(ev, "agent") == {"vessel:mangyongbong_92"}
    # a ship is no agent of what only people or states do
    ev = the("The Mangyongbong-92 was banned from Japanese ports in July 2006.", "banned", "2007-01-01")
    assert "vessel:mangyongbong_92" not in role(ev, "agent")


def test_a_prefecture_acting_and_a_ruling_upheld_in_apposition():
    ev = the("Osaka Prefecture stopped paying its annual subsidy in fiscal 2011.",
             "stopped paying its annual subsidy", "2013-01-01")
    assert role(ev, "agent") == {"place:osaka"}
    text = ("In October 2013 the court banned rallies near the school, a decision upheld by the Osaka High Court "
            "in 2014.")
    evs = events(text, "2015-01-01")
    assert [(e["text"], e["date"]) for e in evs] == [("banned", "2013-10"), ("upheld", "2014")]
    assert role(evs[1], "agent") == {"org:osaka_high_court"}


def test_a_caption_with_no_verb_dates_the_event_it_names():
    ev = the("A rally against the sanctions in Pyongyang, 15 June 2009", "rally", "2009-06-16")
    assert ev["date"] == "2009-06-15" and role(ev, "location") == {"place:pyongyang"}
    # a numbered note or a title's capitalized word names no event
    assert events("612 Tokyo public hearing, 29 August 2013.", "2014-01-01") == []


def test_a_verb_after_a_subject_and_its_apposition_is_the_clauses_verb():
    s = analyze("One of the plaintiffs, a 79-year-old woman, described years of hunger.")
    assert [t.tag for t in s.tokens if t.text == "described"] != ["JJ"]
    assert the("At the hearing on Monday, one of the plaintiffs, a 79-year-old woman, described years of "
               "hunger.", "described", "2026-06-10")["date"] == "2026-06-08"


def test_two_events_on_the_same_words_of_one_sentence_have_their_own_ids():
    text = ("On Sunday Ichiro Mori told the gathering he had escaped, and Hana Ito told the gathering she "
            "had stayed.")
    told = [e for e in events(text, "2026-12-14") if e["text"] == "told"]
    assert len(told) == 2 and told[0]["id"] != told[1]["id"]
    # and they are the same ids on every run
    assert [e["id"] for e in events(text, "2026-12-14") if e["text"] == "told"] == [e["id"] for e in told]


def test_reporting_is_a_statement_in_the_active_voice_and_hearsay_in_the_passive():
    ev = the("Pyongyang's state media reported the satellite launch on Tuesday.", "reported", "2024-06-05")
    assert ev["type"] == "statement" and ev["date"] == "2024-06-04"
    ev = the("Four prefectures reported exemptions for such halls in fiscal 2009.", "reported", "2012-01-10")
    assert ev["type"] == "statement"
    # 'it was reported that ...' tells what someone unnamed said, no report of its own
    assert not [e for e in events("It was reported on Monday that the envoy had left Beijing.", "2024-06-05")
                if e["text"] == "reported"]


def test_opening_a_school_or_an_office_founds_it_and_a_school_that_opened_was_founded():
    ev = the("The association opened a kindergarten in Kawasaki in 1972.", "opened", "2023-12-31")
    assert ev["type"] == "found" and ev["date"] == "1972"
    ev = the("The Korean middle school in Sendai opened in 1961.", "opened", "2023-12-31")
    assert ev["type"] == "found" and ev["date"] == "1961"
    # what is no body's place is opened, not founded; nor does a body named found anything by opening
    for text in ("The bank opened new accounts in 2019.", "The ministry opened its archives in 2004.",
                 "Japan opened the border in 2023.", "Red Cross files opened in 2004 show the plan."):
        assert not [e for e in events(text, "2023-12-31") if e["type"] == "found"], text


def test_protesters_who_gather_protest():
    ev = the("In March 2011 about 200 demonstrators gathered outside the stadium, and police made two arrests.",
             "demonstrators gathered", "2011-12-31")
    assert ev["type"] == "accuse" and ev["date"] == "2011-03"
    assert not [e for e in events("On Monday some 40 pupils gathered in the school hall.", "2011-12-31")
                if e["type"] == "accuse"]


def test_capping_trade_is_a_measure_and_releasing_photographs_a_statement():
    ev = the("In March 2019 the council capped the country's exports of coal.", "capped", "2019-12-31")
    assert ev["type"] == "sanction" and ev["date"] == "2019-03"
    assert not [e for e in events("In 2019 the league capped salaries at a million yen.", "2019-12-31")
                if e["type"] == "sanction"]
    ev = the("In 2018 the ministry began releasing photographs of the transfers.", "began releasing", "2019-12-31")
    assert ev["type"] == "statement"


def test_a_crowd_or_a_body_that_rallies_protests_and_stocks_do_not():
    ev = the("Some 3,000 union members rallied in Osaka on Sunday.", "rallied", "2023-05-16")
    assert ev["type"] == "accuse" and ev["date"] == "2023-05-14"
    assert the("Chongryon rallied in Tokyo on Monday.", "rallied", "2023-05-16")["type"] == "accuse"
    for text in ("Stocks rallied on Monday.", "The minister rallied support for the bill on Monday."):
        assert not [e for e in events(text, "2023-05-16") if e["type"] == "accuse"], text


def test_the_signing_of_a_treaty_set_for_a_day_is_a_planned_agreement():
    ev = the("The signing of the fisheries pact is set for June 3.", "signing", "2023-05-16")
    assert (ev["type"], ev["date"], ev.get("modality")) == ("agree", "2023-06-03", "hypothetical")


def test_stopping_trade_is_a_measure_dated_like_the_ban_it_is_joined_to():
    text = ("After the North's second nuclear test in May, the government banned the country's ships from its "
            "ports and stopped all exports to it.")
    found = {e["text"]: e for e in events(text, "2009-12-31")}
    assert found["stopped"]["type"] == "sanction" and found["stopped"]["date"] == found["banned"]["date"] == "2009-05"
    assert not [e for e in events("Then the ferries stopped coming.", "2009-12-31") if e["type"] == "sanction"]
    ev = the("Her parents opened a noodle shop near the station in 1958.", "opened", "2009-12-31")
    assert (ev["type"], ev["date"]) == ("found", "1958")


def test_a_source_declining_to_be_named_refuses_nothing_the_story_tells():
    text = "The ministry has no plans to change course, an official said on Friday, declining to be named."
    assert not [e for e in events(text, "2024-10-14") if e["type"] == "reject"]
    assert the("The ministry declined to comment on Friday.", "declined", "2024-10-14")["type"] == "reject"


def test_scrapping_a_subsidy_is_a_measure_and_scrapping_an_accord_a_refusal():
    assert the("In 2015 the prefecture scrapped the subsidy.", "scrapped", "2024-10-14")["type"] == "sanction"
    assert the("In 2016 North Korea scrapped the agreement.", "scrapped", "2024-10-14")["type"] == "reject"


def test_what_a_speaker_says_will_not_or_would_be_done_is_the_remark_s_own():
    text = '"We are not asking for special treatment, and we will not give up," the principal said on Sunday.'
    got = events(text, "2024-10-14")
    assert [e["type"] for e in got] == ["statement"] and got[0]["date"] == "2024-10-13"
    # outside a quote a denial is an event
    ev = the("The ministry has not asked the school for its records.", "asked", "2024-10-14")
    assert ev.get("modality") == "negated"


def test_being_asked_is_no_demand_and_the_question_s_day_is_the_answer_s():
    text = "Asked about the court ruling on Monday, the minister said the government was studying it."
    got = events(text, "2024-10-17")
    assert [e["type"] for e in got if e["type"] == "demand"] == []
    assert the(text, "said", "2024-10-17")["date"] == "2024-10-14"
    # asking someone to do something is a demand
    assert the("Japan asked North Korea on Monday to return the remains.", "asked", "2024-10-17")["type"] == "demand"
