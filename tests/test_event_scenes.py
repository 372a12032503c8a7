"""Where, when and with whom an event is told: a thing found in a state, the time of a purpose,
a meeting that sets the scene of its clause, who an adjective of nationality stands for, and
towns named with their prefecture.

Every sentence here was written for these tests.
"""
from __future__ import annotations

from event_probe import events, role, the
from kankei.pipeline import extract


def test_found_in_a_state_is_one_occurrence_dated_by_either_word():
    evs = events("A fishing boat was found drifting near Sado on Nov. 15.", "2019-11-20")
    assert [(e["text"], e["date"]) for e in evs] == [("found drifting", "2019-11-15")]
    # finding a thing that is in no eventful state stays a finding
    assert [e["text"] for e in events("Police found the weapons in the boat on Monday.", "2019-11-20")] == ["found"]


def test_the_time_of_a_purpose_is_not_the_acts():
    evs = events("The lower house was dissolved by the prime minister on Thursday for an election in October.",
                 "2019-09-28")
    assert [(e["text"], e["date"]) for e in evs] == [("dissolved", "2019-09-26")]
    # a place after 'for' is where one goes: the time is the leaving's
    assert the("The delegation left for Pyongyang on Monday.", "left for", "2019-09-28")["date"] == "2019-09-23"


def test_a_meeting_that_sets_the_scene_is_held_by_the_clauses_subject():
    ev = the("At a meeting with the families in Tokyo on Friday, Abe said he would not give up.", "meeting",
             "2019-09-28")
    assert role(ev, "agent") == {"person:abe"}
    assert role(ev, "location") == {"place:tokyo"}


def test_the_meeting_told_just_before_is_the_scene_named_again():
    recs = [r for r in extract("Koizumi flew to Pyongyang on September 17, 2002. At the one-day summit Kim "
                               "Jong-il apologized.", doc="t").records() if r["kind"] == "event"]
    visit = next(r for r in recs if r["text"] == "flew")
    summit = next(r for r in recs if r["text"] == "summit")
    assert summit["mention_of"] == visit["id"]


def test_an_adjective_of_nationality_stands_for_the_state_only_with_a_body_that_acts_for_it():
    assert role(the("A photo released by a South Korean group on Wednesday shows the man.", "released",
                    "2019-09-28"), "agent") == set()
    # (Japan's police are an organ of its government, known by that name)
    assert role(the("Japanese police arrested two men on Monday.", "arrested", "2019-09-28"),
                "agent") == {"org:japan_police"}
    ev = the("North Korean nationals will be banned from entering Japan from April 1.", "banned", "2019-03-01")
    assert "country:north_korea" in role(ev, "patient")


def test_towns_named_with_their_prefectures_in_a_list():
    ev = the("Two boats were found off the coast of Wajima, Ishikawa Prefecture, and Kamo, Yamagata "
             "Prefecture, on Nov. 23.", "found", "2019-11-30")
    assert role(ev, "location") == {"place:wajima", "place:kamo"}


def test_what_todays_report_says_was_done_was_done_today():
    text = ("SEOUL, March 3, 2024 (Yonhap) -- North Korea fired a missile on Sunday. Tokyo lodged a strong "
            "protest with Pyongyang, the spokesman told reporters.")
    assert the(text, "lodged a strong protest", "2024-03-03")["date"] == "2024-03-03"
    # what was admitted lies before the admission
    text = ("TOKYO, May 2, 2001 (Kyodo) -- The former manager has admitted to police the money was moved "
            "at the request of the officials.")
    assert "request" not in [e["text"] for e in events(text, "2001-05-02") if e["date"] == "2001-05-02"]


def test_the_time_a_first_since_looks_back_to_moves_no_story_even_past_a_clause():
    text = ("SEOUL, March 3, 2024 (Yonhap) -- North Korea fired a missile on Sunday. It was the first missile "
            "to land in the zone, which reaches 200 nautical miles from the coast, since February last year. "
            "Tokyo lodged a strong protest.")
    assert the(text, "lodged a strong protest", "2024-03-03")["date"] == "2024-03-03"


def test_words_of_new_text_state_their_events():
    assert the("The envoys of Japan and Australia held a three-way phone call on Sunday.",
               "held a three-way phone call", "2024-03-03")["type"] == "meet"
    assert the("The prime minister proposed a summit with Kim Jong Un last month.", "proposed",
               "2024-03-03")["type"] == "demand"
    ev = the("In March 2022 the Tokyo District Court threw out the case.", "threw out", "2024-03-03")
    assert (ev["type"], ev["date"]) == ("legal", "2022-03")
    assert the("In 2003 she waded across the river into China.", "waded", "2024-03-03")["type"] == "migrate"


def test_people_held_against_their_will_who_come_home_are_released():
    assert the("Three of the abductees came home in October 2002.", "came home", "2024-03-03")["type"] == "release"
    assert the("The returnees who came home in 2003 were questioned.", "came home", "2024-03-03")["type"] == "migrate"


def test_sending_a_rocket_over_a_country_is_a_launch():
    ev = the("North Korea first sent a rocket over Japan in August 1998.", "sent", "2024-03-03")
    assert (ev["type"], ev["date"]) == ("weapons_test", "1998-08")
    assert role(ev, "agent") == {"country:north_korea"}


def test_a_dateline_ends_at_its_dash():
    text = ("TOKYO, Nov. 12 (Kyodo) -- Chief Cabinet Secretary Taro Sato, who also handles the abduction "
            "issue, told a Diet committee on Wednesday that talks had stalled.")
    ev = the(text, "told", "2025-11-12")
    assert "org:kyodo" not in role(ev, "agent") and role(ev, "agent")


def test_a_relative_clause_without_its_pronoun_keeps_its_subject_as_agent():
    for text in ("Japan wants North Korea to send home all the Japanese nationals it abducted in the 1970s.",
                 "Japan wants the return of the people North Korea abducted in the 1970s."):
        ev = the(text, "abducted")
        assert role(ev, "agent") == {"country:north_korea"} and not role(ev, "patient"), text
    assert role(the("The fishermen abducted by agents in 1977 never came back.", "abducted"), "agent") == set()


def test_going_home_is_no_visit():
    evs = events("Koizumi went back to the North in May 2004 and returned to Tokyo with the children.")
    assert [(e["text"], e["type"]) for e in evs] == [("went", "meet"), ("returned", "migrate")]


def test_agreeing_to_extend_what_is_no_measure_is_an_agreement():
    evs = events("In 2002 North Korea agreed to extend its moratorium on missile tests.")
    assert [(e["text"], e["type"]) for e in evs] == [("agreed", "agree")]
    assert ("agreed to extend", "sanction") in [(e["text"], e["type"]) for e in
                                               events("In 2013 Japan agreed to extend the ban on port calls.")]


def test_a_time_in_a_relative_clause_on_no_event_moves_no_story():
    text = ("In September 2002 Koizumi met Kim in Pyongyang, where the North agreed to keep the missile test "
            "moratorium that began in 1999. Kim also apologized.")
    evs = events(text)
    assert not [e for e in evs if e["text"] == "missile test"]
    assert the(text, "apologized")["date"] == "2002-09"


CHRONOLOGY = """Chronology of the talks
1990 Sept. 24–28: A party leader heads to Pyongyang. Three parties sign a joint declaration.
2002 Sept. 17: Kim Jong Il admits that North Korea abducted 13 Japanese and apologizes.
2006 (Oct. 9) – First North Korean nuclear test.
"""


def test_a_chronology_line_dates_every_event_it_tells():
    evs = events(CHRONOLOGY, "2025-03-01")
    got = [(e["text"], e["type"], e["date"]) for e in evs]
    assert ("sign", "agree", "1990-09-24/1990-09-28") in got
    assert ("admits", "apologize", "2002-09-17") in got and ("apologizes", "apologize", "2002-09-17") in got
    assert ("nuclear test", "weapons_test", "2006-10-09") in got
    # what was admitted lies before the admission, not on its day; 'First' is no name
    assert not [e for e in evs if e["text"] == "abducted" and e["date"] == "2002-09-17"]
    assert not [e for e in evs if any(p["entity"].startswith("group:first") for p in e["participants"])]


def test_a_pronoun_that_goes_on_from_the_main_clause_is_its_subject():
    ev = the("On March 25, 2024, Kim Yo Jong said Kishida had proposed a summit; hours later she declared "
             "that talks were over.", "declared", "2025-03-01")
    assert role(ev, "agent") == {"person:kim_yo_jong"}


def test_leading_a_delegation_is_a_visit():
    ev = the("In 1990 Kanemaru led a joint delegation to Pyongyang.", "led")
    assert (ev["type"], ev["date"]) == ("meet", "1990") and role(ev, "location") == {"place:pyongyang"}
    assert [e["type"] for e in events("The crisis led to talks in 1994.")] == ["meet"]


def test_words_of_sanctions_reports():
    assert the("In 2021 hackers of the bureau stole millions from three exchanges.", "stole")["type"] == "other"
    ev = the("Information was provided by Japan on 20 January 2022.", "provided", "2022-03-01")
    assert (ev["type"], role(ev, "agent")) == ("statement", {"country:japan"})
    assert the("In 1995 Japan provided rice to North Korea.", "provided")["type"] == "aid"
    assert the("On 3 March 2021 the tanker conducted a ship-to-ship transfer at sea.",
               "conducted a ship-to-ship transfer")["type"] == "other"


def test_a_named_accord_with_a_time_of_its_own_is_an_agreement():
    ev = the("The last attempt was the Stockholm agreement of May 2014.", "Stockholm agreement", "2022-09-18")
    assert (ev["type"], ev["date"]) == ("agree", "2014-05")
    assert role(ev, "patient") == {"document:stockholm_agreement"}
    assert not events("The Pyongyang Declaration still stands.", "2022-09-18")


def test_a_body_that_dissolves_with_no_object_is_what_ended():
    ev = the("In 2016 the Special Investigation Committee dissolved.", "dissolved")
    assert not role(ev, "agent") and role(ev, "patient")
    assert role(the("The Diet dissolved the committee in 2001.", "dissolved"), "agent") == {"org:diet"}
    assert the("In 2002 the North Korean leader conceded that agents had kidnapped Japanese citizens.",
               "conceded")["type"] == "apologize"


def test_rounds_of_talks_in_an_encyclopedia_entry():
    text = ("The talks broke down in November 1992 after Japan raised the case of a missing woman. Talks resumed "
            "in April 2000 with the ninth round in Pyongyang; the tenth and eleventh rounds followed in Tokyo "
            "and Beijing. The suspension of talks had lasted from 1992 until 2000. In 2002 Japan pledged "
            "500,000 tonnes of rice.")
    got = [(e["text"], e["type"], e["date"]) for e in events(text)]
    assert ("raised", "demand", "1992-11") in got
    assert ("rounds followed", "meet", "2000-04") in got
    assert ("pledged", "aid", "2002") in got
    # the talks suspended are what the suspension acts on, not a meeting of those years
    assert not [g for g in got if g[0] == "talks"]


def test_an_ordinal_before_a_noun_is_an_adjective():
    from kankei.analyze import analyze
    text = "The ninth round was held in 2000."
    tags = [(t.text, t.tag) for t in analyze(text, 0, len(text)).tokens]
    assert ("ninth", "JJ") in tags and ("round", "NN") in tags


def test_a_spokesperson_speaks_for_the_body_named_after():
    ev = the("A spokesperson for the DPRK Foreign Ministry released a statement on Friday denouncing Japan.",
             "released a statement", "2019-08-30")
    assert role(ev, "agent") == {"org:mofa_dprk"}
    accused = the("A spokesperson for the DPRK Foreign Ministry released a statement on Friday denouncing Japan.",
                  "denouncing", "2019-08-30")
    assert (accused["type"], accused["date"]) == ("accuse", "2019-08-30")
    assert role(accused, "agent") == {"org:mofa_dprk"} and role(accused, "patient") == {"country:japan"}
    assert the("Japan has never offered a sincere apology for its crimes.", "offered",
               "2019-08-30")["type"] == "apologize"


def test_a_reflexive_after_a_name_leaves_the_name_the_subject():
    ev = the("The agency put membership at 70,000 in 2016, while Chongryon itself claimed 150,000 members in "
             "the 1970s.", "claimed")
    assert role(ev, "agent") == {"org:chongryon"}


def test_a_state_is_no_patient_through_a_company_named_by_its_adjective():
    ev = the("A Mongolian company's winning bid was rejected by the court in 2014.", "rejected")
    assert ev["type"] == "legal" and not role(ev, "patient")
    assert role(the("North Korean nationals will be banned from entering Japan from April 1.", "banned",
                    "2019-03-01"), "patient") == {"country:north_korea"}


def test_a_future_on_another_sides_condition_is_a_threat_made_now():
    ev = the("The DPRK will not remain a passive onlooker if Japan persists in its hostile policy.",
             "will not remain", "2019-08-30")
    assert (ev["type"], ev["date"], ev.get("modality", "asserted")) == ("threaten", "2019-08-30", "asserted")
    assert role(ev, "agent") == {"country:north_korea"}
    assert not events("If it rains, the ceremony will not be held outdoors.", "2019-08-30")
    assert not events("If talks resume, Japan will review its policy.", "2019-08-30")


def test_words_of_a_police_report():
    ev = the("In June 2009, after a second test, Tokyo added a ban on all exports to the country.", "added a ban")
    assert (ev["type"], ev["date"]) == ("sanction", "2009-06")
    ev = the("The search follows the indictment last month of two other suspects, who allegedly arranged the "
             "transport of goods in the autumn of 2016.", "indictment", "2018-06-06")
    assert (ev["type"], ev["date"]) == ("legal", "2018-05")
    ev = the("Their first hearing at the district court is set for next week.", "hearing", "2018-06-06")
    assert (ev["type"], ev["modality"]) == ("legal", "hypothetical")
    assert the("Police believe the two men imported mushrooms through Dalian in September 2015.",
               "imported")["date"] == "2015-09"


def test_words_of_a_commentary_and_a_history_entry():
    ev = the("The DPRK has never threatened Japan with its strategic forces.", "threatened", "2022-12-20")
    assert (ev["type"], ev["modality"]) == ("threaten", "negated")
    ev = the("The test-fire of the new-type ICBM Hwasong-17 on November 18 was legitimate.", "test-fire", "2022-12-20")
    assert (ev["type"], ev["date"]) == ("weapons_test", "2022-11-18")
    ev = the("The new security documents adopted on December 16, 2022 by the cabinet call for more arms.",
             "adopted", "2022-12-20")
    assert (ev["type"], ev["date"]) == ("resolution", "2022-12-16")
    assert [(e["text"], e["date"]) for e in events("By one count, 2,942 people left in 1959 and 49,036 in 1960.")] \
        == [("left", "1959"), ("left", "1960")]
    assert not events("She left the room in 1960.")
    assert the("The agreement expired on 12 November 1967.", "expired")["type"] == "reject"


def test_an_accord_signed_is_the_signing_not_another_agreement():
    evs = events("The two Red Cross societies signed the Calcutta Agreement on 13 August 1959.")
    assert [(e["text"], e["type"], e["date"]) for e in evs] == [("signed", "agree", "1959-08-13")]


def test_what_a_hand_check_found_wrong():
    assert the("In 2011 the city stopped its own subsidies to the school.", "stopped its own subsidies")["type"] \
        == "sanction"
    assert not events("Two weeks out, the engine failed in 2017.")
    assert the("The talks failed in 1992.", "failed")["type"] == "reject"
    assert the("Abe emphasized that efforts to bring the abductees home won't stop.", "emphasized",
               "2017-09-28")["type"] == "statement"
    ev = the("After the High Court ruling, the lawyers said they will appeal before the end of the month.",
             "appeal", "2024-11-14")
    assert (ev["type"], ev["modality"]) == ("legal", "hypothetical")
    assert the("In 1995 North Korea appealed to Japan for food aid.", "appealed")["type"] == "demand"


def test_the_government_of_a_story_filed_from_a_capital():
    ev = the("TOKYO, Nov. 12, 2025 (Kyodo) -- The government decided on Tuesday to extend its sanctions on North "
             "Korea by two years.", "decided on Tuesday to extend", "2025-11-12")
    assert role(ev, "agent") == {"gov:japan"} and ev["date"] == "2025-11-11"
    ev = the("SEOUL, March 3, 2024 (Yonhap) -- The government said on Sunday it would strengthen deterrence.", "said",
             "2024-03-03")
    assert role(ev, "agent") == {"gov:south_korea"}
    # a story filed from nowhere names no government this way
    ev = the("In 2004 the government blocked rice shipments.", "blocked")
    assert not role(ev, "agent")


def test_alerts_proposals_deportations_and_runs_of_decades():
    ev = the("The government issued a J-Alert warning on Tuesday morning.", "issued a J-Alert warning", "2022-10-04")
    assert ev["type"] == "other"
    assert the("North Korea warned on Tuesday that Japan would pay a heavy price.", "warned",
               "2022-10-04")["type"] == "threaten"
    assert the("In October 2021 Kishida offered to meet Kim Jong Un without preconditions.", "offered")["type"] \
        == "demand"
    assert the("In 1995 Japan offered 150,000 tons of rice.", "offered")["type"] == "aid"
    assert the("In 2003 the couple were sent back to North Korea.", "sent back")["type"] == "migrate"
    ev = the("North Korea abducted Japanese nationals in the 1970s and 1980s.", "abducted")
    assert ev["date"] == "197X/198X"


def test_what_a_promise_campaign_or_grant_is_of():
    assert the("In May 2014 North Korea promised to conduct a comprehensive investigation.", "promised")["type"] \
        == "agree"
    assert the("In 1959 Mindan campaigned against the repatriation.", "campaigned")["type"] == "accuse"
    assert the("In 2004 politicians called for sanctions against North Korea.", "called for")["type"] == "demand"
    assert the("In 2005 she was granted residence by the Justice Ministry.", "granted")["type"] == "other"


def test_a_chronology_in_the_historical_present():
    text = ("Chronology\n1977 (Nov. 15) – Megumi Yokota disappears on her way home from school in Niigata.\n"
            "1991 (Jan. 30) – The first round of normalization talks opens in Pyongyang.\n")
    got = [(e["text"], e["type"], e["date"]) for e in events(text, "2025-03-01")]
    assert ("disappears", "abduct", "1977-11-15") in got and ("opens", "meet", "1991-01-30") in got


def test_what_ends_is_no_occurrence_of_its_own_there():
    assert [(e["text"], e["type"]) for e in events("The agreement expired on 12 November 1967.")] == \
        [("expired", "reject")]
    assert [(e["text"], e["type"]) for e in events("The talks broke off in November 1992.")] == \
        [("broke off", "reject")]


def test_a_states_people_as_object_stand_for_that_state():
    ev = the("In the 1970s North Korea kidnapped 13 Japanese citizens.", "kidnapped")
    assert role(ev, "patient") == {"country:japan"}
    assert role(the("In 2017 Malaysia expelled North Korean workers.", "expelled"), "patient") == {"country:north_korea"}


def test_from_the_second_hand_check():
    text = ("TOKYO, March 14, 2025 (Kyodo) -- The families met the prime minister on Friday. In September 2002, "
            "Kim Jong Il admitted to Prime Minister Junichiro Koizumi, who was visiting Pyongyang, that his "
            "country had abducted Japanese citizens, and he apologized.")
    ev = the(text, "apologized", "2025-03-14")
    assert ev["date"] == "2002-09" and role(ev, "agent") == {"person:kim_jong_il"}
    ev = the("TOKYO, March 14, 2025 (Kyodo) -- North Korea's foreign ministry on Wednesday rejected Japan's "
             "position.", "rejected", "2025-03-14")
    assert "org:mofa_japan" not in role(ev, "agent")
    assert role(the("Japan's foreign ministry protested on Monday.", "protested"), "agent") == {"org:mofa_japan"}


def test_an_event_noun_with_its_own_day_is_not_negated_by_its_clause():
    text = ("Tokyo on Tuesday said it was not considering filing a protest about the mistreatment of the team "
            "during the November 15 match.")
    ev = the(text, "match", "2011-11-29")
    assert ev["date"] == "2011-11-15" and ev.get("modality", "asserted") == "asserted"
    assert the("Pyongyang has since insisted that eight of them died.", "insisted", "2011-11-29")["type"] == "statement"
    assert the("In 2002 Japan insisted on talks.", "insisted")["type"] == "demand"


def test_the_owner_of_a_measure_imposes_it():
    ev = the("The cabinet is expected to extend Japan's sanctions on North Korea in the coming days.", "extend",
             "2025-03-14")
    assert role(ev, "agent") == {"country:japan"} and role(ev, "patient") == {"country:north_korea"}
    assert role(the("North Korea disputed Japan's DNA test in 2004.", "disputed"), "patient") == {"country:japan"}


def test_an_office_named_before_is_its_holder_not_the_state():
    text = ("North Korean leader Kim Jong-un sent a message of sympathy to Kishida on Saturday. The North Korean "
            "leader wrote that he hoped the victims would recover.")
    assert role(the(text, "wrote", "2024-01-08"), "agent") == {"person:kim_jong_un"}
    assert role(the("The North Korean leader wrote a letter in 2019.", "wrote"), "agent") == {"country:north_korea"}


def test_a_participle_set_off_by_commas_is_its_own_event_not_the_verb_after_it():
    evs = events("Mindan, formed in 1946, opposed the plan in 1959.")
    assert {(e["type"], e["date"]) for e in evs} == {("found", "1946"), ("accuse", "1959")}
    assert role(the("Mindan, formed in 1946, opposed the plan in 1959.", "formed"), "patient") == {"org:mindan"}


def test_an_event_noun_after_amid_happened_when_its_clause_did():
    ev = the("In 1999 the ferry's calls at Kobe were suspended amid protests in Kobe.", "protests")
    assert ev["type"] == "accuse" and ev["date"] == "1999"


def test_an_opening_time_is_no_subject_and_heads_of_states_act_for_them():
    text = "Last month, in Phnom Penh, the chiefs of the US and Japan met and agreed to share data on missiles."
    for trigger in ("met", "agreed"):
        assert role(the(text, trigger, "2022-12-20"), "agent") == {"country:united_states", "country:japan"}
    ev = the("The foreign ministers of Japan and South Korea signed the deal on Monday.", "signed", "2022-12-20")
    assert role(ev, "agent") == {"country:japan", "country:south_korea"}


def test_the_agreement_named_before_is_what_is_done_to_it():
    ev = the("The Calcutta Agreement was signed in 1959. The agreement was extended in 1960.", "extended")
    assert ev["date"] == "1960" and role(ev, "patient") == {"document:calcutta_agreement"}


def test_words_of_ending_succeeding_and_surrendering():
    assert the("North Korea scrapped the agreement in 2016.", "scrapped")["type"] == "reject"
    assert the("In 2008 Japan postponed the talks.", "postponed")["type"] == "reject"
    ev = the("Kishida became prime minister in October 2021.", "became prime minister")
    assert ev["type"] == "leader" and ev["date"] == "2021-10"
    text = "The war ended in Asia that summer. Japan surrendered on August 15, 1945."
    assert the(text, "surrendered")["date"] == "1945-08-15"


def test_a_lone_past_after_and_shares_the_perfect_above_a_relative_clause():
    text = ("The coast guard has seized a fishing boat that was operating illegally near the bank and "
            "arrested its captain, the coast guard said Thursday.")
    types = {e["text"]: e["type"] for e in events(text, "2025-09-04")}
    assert types.get("seized") == "legal" and types.get("arrested") == "legal"


def test_a_name_an_adverb_and_an_ed_form_make_a_verb():
    text = "Pyongyang later demanded compensation for the sinking, while Tokyo insisted the boat had been fishing."
    ev = the(text, "demanded", "2025-09-04")
    assert ev["type"] == "demand" and role(ev, "agent") == {"gov:north_korea"}
    assert the(text, "insisted", "2025-09-04")["type"] == "statement"


def test_what_a_verb_of_causing_brings_about_happened_then_by_whom_it_came_from():
    text = ("On Oct. 7, 2019, a patrol vessel collided with a fishing boat near the bank. Two months earlier, a "
            "vessel with armed men had approached a patrol boat near the bank, prompting a protest from Tokyo.")
    ev = the(text, "protest", "2025-10-10")
    assert ev["type"] == "accuse" and ev["date"] == "2019-08" and role(ev, "agent") == {"gov:japan"}
    assert the(text, "collided", "2025-10-10")["date"] == "2019-10-07"


def test_receiving_is_a_meeting_only_of_someone_received():
    assert the("In 2013 Prime Minister Abe received him at his office.", "received")["type"] == "meet"
    assert the("In 2013 the ministry received a letter from Pyongyang.", "received")["type"] == "statement"
    assert not [e for e in events("In 2013 he received criticism.") if e["text"] == "received"]


def test_a_person_taken_by_agents_is_abducted_and_by_officials_detained():
    text = ("Masaharu Nishikawa, whose daughter Kazumi was taken by North Korean agents from a beach near "
            "the family home in 1978, died on Tuesday.")
    ev = the(text, "taken", "2026-01-23")
    assert ev["type"] == "abduct" and ev["date"] == "1978" and "person:kazumi" in role(ev, "patient")
    ev = the("In 1963 her father was taken away by security officials after he complained.", "taken", "2026-01-23")
    assert ev["type"] == "legal" and ev["date"] == "1963"
    assert not [e for e in events("In 1978 he was taken to hospital.") if e["text"] == "taken"]


def test_a_participle_before_its_noun_is_no_verb():
    ev = the("In 2017, battered boats drifted ashore along the coast.", "drifted")
    assert ev["type"] == "other" and ev["date"] == "2017"


def test_a_given_name_after_a_word_of_kinship_is_a_relative_not_the_leader_named_before():
    text = ("Prime Minister Shigeru Ishiba met relatives of the abductees on Monday. Their father Shigeru died "
            "in June 2020.")
    ev = the(text, "died", "2025-04-08")
    assert "person:ishiba_shigeru" not in role(ev, "patient") | role(ev, "agent") and ev["type"] == "other"


def test_listed_as_abducted_by_agents_is_done_to_those_listed():
    ev = the("Japan officially lists 17 citizens as abducted by North Korean agents in the 1970s.", "abducted",
             "2025-04-08")
    assert "country:japan" not in role(ev, "agent") and role(ev, "agent") & {"country:north_korea", "gov:north_korea"}


def test_a_name_then_plans_to_is_a_plan():
    ev = the("Foreign Minister Takeshi Iwaya plans to discuss the sanctions with his counterpart next week.",
             "discuss", "2025-04-08")
    assert ev["modality"] == "hypothetical" and role(ev, "agent") == {"person:iwaya_takeshi"}


def test_people_named_by_what_they_are_can_be_taken_or_vanish():
    text = ("During the Korean War (1950-1953), tens of thousands of South Korean civilians, many of them "
            "teachers, were taken to the North by the Korean People's Army.")
    ev = the(text, "taken", "2014-02-07")
    assert ev["type"] == "abduct" and ev["date"] == "1950/1953"
    assert the("In 1978 a 22-year-old nurse vanished from a beach in Niigata.", "vanished")["type"] == "abduct"
    assert the("In 1969 an airliner was hijacked to the North.", "hijacked")["type"] == "abduct"
    assert not [e for e in events("In 1980 the records vanished.") if e["text"] == "vanished"]


def test_what_a_statement_says_was_being_done_is_of_the_statements_time():
    text = ("After a rocket launch in February 2016, Japan restored the measures, and Pyongyang announced that "
            "it was dissolving the committee.")
    assert the(text, "dissolving", "2025-12-03")["date"] == "2016-02"
    ev = the(text, "restored", "2025-12-03")
    assert ev["type"] == "sanction" and role(ev, "agent") == {"country:japan"}


def test_a_measure_named_by_a_pronoun_and_a_degree_word_before_an_adverb():
    text = ("Tokyo has kept its own sanctions in place for nearly two decades, most recently extending them in "
            "April for another two years.")
    ev = the(text, "extending", "2025-12-03")
    assert ev["type"] == "sanction" and ev["date"] == "2025-04" and role(ev, "agent") == {"gov:japan"}


def test_a_noun_a_verb_of_causing_brings_about_is_an_occurrence():
    ev = the("The ferry sailed to Sokcho in February 2018. The voyage drew protests from veterans' groups.",
             "protests", "2025-06-01")
    assert ev["type"] == "accuse" and ev["date"] == "2018-02"


def test_a_ship_s_call_is_at_a_port_not_a_demand():
    ev = the("In the autumn of 1992 the ferry made its first call at Niigata.", "made its first call")
    assert ev["type"] == "other" and ev["date"] == "1992-23"


def test_a_time_after_the_name_a_what_clause_gives_is_the_verb_s():
    ev = the("North Korea also launched what it called a satellite in May 2023.", "launched", "2024-04-01")
    assert ev["date"] == "2023-05" and role(ev, "agent") == {"country:north_korea"}


def test_a_rocket_that_exploded_is_a_failed_launch():
    text = ("SEOUL, May 28 (PRP) - North Korea's attempt to put a satellite into orbit ended in failure late Monday "
            "when its rocket exploded minutes after liftoff, state media said on Tuesday.")
    ev = the(text, "exploded", "2024-05-28")
    assert ev["type"] == "weapons_test" and ev["date"] == "2024-05-27"
    assert not [e for e in events("In 2020 a bomb exploded in the market.") if e["text"] == "exploded"]


def test_that_before_a_noun_of_time_is_a_determiner_and_couples_can_vanish():
    text = ("The first cases came in 1977. On the evening of November 15 that year, 13-year-old Megumi Yokota "
            "disappeared on her way home in Niigata.")
    ev = the(text, "disappeared", "2017-03-25")
    assert ev["date"] == "1977-11-15" and role(ev, "patient") == {"person:megumi_yokota"}
    ev = the("In the summer of 1978, three young couples vanished from beaches.", "vanished", "2017-03-25")
    assert ev["type"] == "abduct" and ev["date"] == "1978-22"


def test_orders_murders_and_a_session_called_to_order():
    assert the("In May 2001 a deportation order was issued.", "issued")["type"] == "legal"
    ev = the("Kim Jong-nam was murdered at Kuala Lumpur airport in February 2017.", "murdered")
    assert ev["type"] == "other" and role(ev, "patient") == {"person:kim_jong_nam"}
    evs = [e for e in events("The meeting was called to order at 10 a.m. on April 11, 2024.", "2024-04-11")
           if e["text"] == "called to order"]
    assert [(e["type"], e["date"]) for e in evs] == [("meet", "2024-04-11")]      # one day, one occurrence


def test_the_leaders_at_a_body_s_summit_and_the_three_countries_named_before():
    text = ("In March, Kim Jong Un visited Russia and held a summit meeting with Putin. At the G7 Hiroshima Summit in "
            "May, the leaders condemned North Korea's launches.")
    assert role(the(text, "condemned", "2024-06-01"), "agent") == {"org:g7"}
    text = ("In July, Japan, the United States and South Korea held a drill. In August, the leaders of the three "
            "countries met at Camp David and agreed to hold exercises.")
    for trigger in ("met", "agreed"):
        ev = the(text, trigger, "2024-06-01")
        assert ev["date"] == "2023-08"
        assert role(ev, "agent") == {"country:japan", "country:united_states", "country:south_korea"}


def test_the_government_of_the_state_a_sentence_opens_in():
    text = ("SEOUL, May 28 (PRP) - North Korea fired a rocket. In Japan, the government issued a J-Alert warning for "
            "Okinawa Prefecture. The government condemned the launch.")
    assert role(the(text, "issued a J-Alert warning", "2024-05-28"), "agent") == {"gov:japan"}
    assert role(the(text, "condemned", "2024-05-28"), "agent") == {"gov:south_korea"}


def test_a_named_occurrence_with_its_own_time_and_what_a_course_of_events_led_to():
    ev = the("The U.S., which led the Allied occupation of Japan from 1945 to 1952, used Japan as a base.",
             "Allied occupation")
    assert ev["type"] == "annex" and ev["date"] == "1945/1952" and "country:united_states" in role(ev, "agent")
    text = ("The United States and the Soviet Union divided the Korean Peninsula in 1945, leading three years later "
            "to the establishment of the Democratic People's Republic of Korea.")
    ev = the(text, "establishment")
    assert ev["type"] == "found" and ev["date"] == "1948" and role(ev, "patient") == {"country:north_korea"}


def test_a_weapon_in_flight_is_a_launch_but_not_in_a_fear():
    ev = the("1998 (Aug. 31) – A Taepodong-1 flies over northern Japan.", "flies", "2024-01-01")
    assert ev["type"] == "weapons_test" and ev["date"] == "1998-08-31"
    ev = the("In February 2023, an ICBM-class missile fell within Japan's exclusive economic zone.", "fell")
    assert ev["type"] == "weapons_test" and ev["date"] == "2023-02"
    fear = '"If the missile falls there," she said on Tuesday, "it would be a disaster."'
    assert not [e for e in events(fear, "2022-10-05") if e["text"] == "falls"]


def test_alerts_issued_appeals_called_upon_and_irregular_pasts_of_the_lexicon():
    ev = the("Japan issued the J-Alert in September 2017.", "issued the J-Alert")
    assert ev["type"] == "other" and ev["date"] == "2017-09"
    assert not [e for e in events("In 2023 the J-Alert system was upgraded.")]
    assert the("The rally called upon Japan to apologize on Friday.", "called upon", "2026-01-16")["type"] == "demand"
    ev = the("In 2014 the Supreme Court upheld the ruling.", "upheld")
    assert ev["type"] == "legal" and role(ev, "agent") == {"org:supreme_court"}


def test_a_word_of_hearsay_qualifies_its_own_clause_only():
    ev = events("Megumi Yokota was kidnapped in 1977 and allegedly committed suicide in 1994.")
    got = {e["text"]: e.get("hedged", False) for e in ev}
    assert got == {"kidnapped": False, "committed suicide": True}
    text = "North Korea reportedly fired a missile on Monday, and Japan protested on Tuesday."
    assert not the(text, "protested", "2024-01-03").get("hedged", False)
    assert the("According to officials, North Korea fired a missile on Monday.", "fired a missile",
               "2024-01-03").get("hedged")


def test_a_family_name_is_the_one_last_named_with_it():
    text = ("Takuya Yokota, who heads the families association, met Kishida on Monday. His sister Megumi was "
            "abducted in 1977. Yokota said time was short.")
    assert role(the(text, "said", "2024-01-03"), "agent") == {"person:takuya_yokota"}


def test_she_prefers_a_woman_named_close_before_and_he_is_never_her():
    text = ("On March 25, Kim Yo Jong said that Prime Minister Kishida had proposed a summit. Hours later she "
            "warned that Pyongyang would reject any contact.")
    assert role(the(text, "warned", "2024-03-26"), "agent") == {"person:kim_yo_jong"}
    text = "Prime Minister Kishida met Sakie Yokota on Monday. He said he would act."
    assert role(the(text, "said", "2024-03-26"), "agent") == {"person:kishida_fumio"}


def test_an_office_no_one_was_named_to_is_the_government_of_the_story_s_state():
    text = ("TOKYO, June 9 (Kyodo) -- North Korea fired a missile on Tuesday. The prime minister instructed officials "
            "to gather information.")
    assert role(the(text, "instructed", "2026-06-09"), "agent") == {"gov:japan"}
    text = "TOKYO, June 9 (Kyodo) -- Prime Minister Kishida met the families. The prime minister said he would act."
    assert role(the(text, "said", "2026-06-09"), "agent") == {"person:kishida_fumio"}


def test_holding_a_meeting_and_a_dateline_s_date_given_from_outside():
    ev = events("TOKYO, June 9 (Kyodo) -- The ministers will hold a meeting later this month.", "2026-06-09")
    assert [(e["type"], e["date"], e.get("modality")) for e in ev] == [("meet", "2026-06", "hypothetical")]


def test_courts_that_side_with_rulings_finalized_and_entry_refused():
    ev = the("On July 28, 2017, the Osaka District Court sided with the school.", "sided with")
    assert ev["type"] == "legal" and role(ev, "agent") == {"org:osaka_district_court"}
    assert the("The ruling was finalized in December 2014.", "finalized")["type"] == "legal"
    assert the("On May 1, 2001, he was refused landing at Narita.", "refused")["type"] == "legal"


def test_a_when_clause_hung_below_dates_the_finite_clause_above():
    text = ("Pyongyang admitted to abducting 13 of them when then-Prime Minister Junichiro Koizumi visited Pyongyang "
            "in September 2002, and five returned to Japan the following month.")
    assert the(text, "admitted", "2024-03-19")["date"] == "2002-09"
    assert the(text, "returned to Japan", "2024-03-19")["date"] == "2002-10"


def test_a_description_set_after_a_name_adds_no_participant():
    text = ("The police questioned two senior officials of Chongryon, a group of Korean residents in Japan, "
            "on Monday.")
    assert role(the(text, "questioned", "2001-11-28"), "patient") == {"org:chongryon"}


def test_a_life_s_events_graduating_and_winning_a_prize():
    assert the("In 1960 he graduated from Korea University.", "graduated")["date"] == "1960"
    assert the("In 2007 he won the Kyoto Prize for literature.", "won")["type"] == "other"
    assert not [e for e in events("In 2007 the plan won support.") if e["text"] == "won"]


def test_a_korean_given_name_ending_in_ho_is_no_ship():
    recs = extract("Ko Chang-ho (1934-2017) was a Zainichi Korean writer. The Mangyongbong-ho sailed in 1971.",
                   doc="t").records()
    types = {r["text"]: r["type"] for r in recs if r["kind"] == "entity"}
    assert types["Ko Chang-ho"] == "person" and types["Mangyongbong-ho"] == "vessel"


def test_found_after_help_or_to_is_founding_and_shares_the_subject():
    ev = the("Takuya Yokota helped found the association in 1997.", "found")
    assert ev["type"] == "found" and ev["date"] == "1997" and role(ev, "agent") == {"person:takuya_yokota"}
    assert the("In 1955 they decided to found a new organization.", "decided to found")["type"] == "found"
    assert the("The police found the boat in 2012.", "found")["type"] == "other"


def test_a_birth_takes_the_first_date_of_the_life_span_set_after_the_name():
    text = ("Ko Chang-ho (Korean name; 14 March 1934 – 2 November 2017) was a Zainichi Korean writer. Born in Osaka "
            "to parents from Jeju Island, he taught for two decades.")
    ev = the(text, "Born")
    assert ev["date"] == "1934-03-14" and "person:chang_ho_ko" in role(ev, "patient")


def test_state_before_a_noun_of_the_media_is_no_saying():
    evs = events("North Korea fired a missile on Monday, state media said on Tuesday.", "2024-05-28")
    assert [e["text"] for e in evs if e["type"] == "statement"] == ["said"]


def test_a_launch_that_failed_is_a_launch_and_talks_that_failed_a_breakdown():
    assert the("The satellite launch failed on Monday.", "failed", "2024-05-28")["type"] == "weapons_test"
    assert the("The talks failed in 1992.", "failed")["type"] == "reject"


def test_a_refusal_is_the_event_and_the_act_refused_its_content():
    evs = events("On February 8, Kim Jong-un promised that he would not hold dialogue or negotiate with South Korea.",
                 "2024-03-25")
    assert [(e["type"], e["date"]) for e in evs] == [("reject", "2024-02-08")]
    assert role(evs[0], "patient") == {"country:south_korea"}


def test_a_gathering_opened_or_addressed_is_where_the_clause_is_said_even_paragraphs_later():
    text = ("SEOUL, May 10 (Yonhap) -- A rally was held in Busan on Friday to mark the day.\n\n"
            "Present were about 2,000 residents, students and officials of the city, among them several "
            "veterans of the war and members of the families' association, who had travelled from the "
            "capital and from the southern provinces for the occasion, some of them for the first time.\n\n"
            "Opening the rally, the mayor said the city would never forget its past.")
    evs = events(text, "2025-05-10")
    said = next(e for e in evs if e["text"] == "said")
    assert said["date"] == "2025-05-09"
    # a participle of no gathering sets no scene: what it names is no occurrence of its own
    evs = events("SEOUL, May 10 (Yonhap) -- Citing the resolution, the ministry said it would act.", "2025-05-10")
    assert [e["text"] for e in evs] == ["said"]
