"""Who did it, when the text names the doer another way: an office of a state, a pair of
governments, a body by its head noun, a person first named with a title or an age, a speaker
at a gathering; and two occurrences told by two joined nouns."""
from __future__ import annotations

from clause_helpers import clause, span
from event_probe import events, role, the
from kankei.analyze import analyze
from kankei.pipeline import extract


def entities(text: str) -> dict[int, tuple[str, str]]:
    return {r["start"]: (r["text"], r["entity"]) for r in extract(text, doc="t").records() if r["kind"] == "entity"}


def test_two_event_nouns_joined_each_with_its_determiner_are_two_occurrences():
    found = [e for e in events("After a nuclear test and a missile launch, Tokyo protested.")
             if e["type"] == "weapons_test"]
    assert sorted(e["text"] for e in found) == ["missile launch", "nuclear test"]
    # each keeps its own time: 'the following month' right after the noun dates it
    text = "After its third nuclear test in March 2013 and a satellite launch the following month, Seoul protested."
    dates = {e["text"]: e["date"] for e in events(text) if e["type"] == "weapons_test"}
    assert dates == {"nuclear test": "2013-03", "satellite launch": "2013-04"}


def test_an_office_of_a_state_speaks_for_its_government():
    ev = the("Japan's top government spokesman told reporters on Tuesday that the test was unacceptable.",
             "told reporters", dct="2023-04-12")
    assert role(ev, "agent") == {"gov:japan"}
    ev = the("Japan's defense minister said on Monday the missile fell outside the zone.", "said", dct="2023-04-12")
    assert role(ev, "agent") == {"gov:japan"}


def test_the_two_governments_are_the_governments_of_the_two_states_named():
    ev = the("In June 2009, at talks in Beijing between Japan and North Korea, the two governments "
             "reached an agreement.", "reached an agreement")
    assert role(ev, "agent") == {"gov:japan", "gov:north_korea"}


def test_a_body_named_by_the_head_noun_of_its_full_name():
    # Mindan's full name is the Korean Residents Union in Japan: 'the union' is Mindan
    text = "Mindan was founded in 1946. In 1961 the union campaigned against the sailings and staged rallies."
    assert role(the(text, "campaigned"), "agent") == {"org:mindan"}


def test_a_person_first_named_with_an_age_or_a_title_is_known_by_the_surname_after():
    text = ("The club's chairman, Takeshi Oyamada, a 68-year-old retired teacher, welcomed the players. "
            "\"They came a long way,\" Oyamada told reporters on Sunday.")
    got = entities(text)
    assert got[text.index("Takeshi Oyamada")] == ("Takeshi Oyamada", "person:oyamada_takeshi")
    assert got[text.index("Oyamada told")] == ("Oyamada", "person:oyamada_takeshi")
    assert role(the(text, "told reporters", dct="2024-02-12"), "agent") == {"person:oyamada_takeshi"}
    text = ("1. Met Mr. Lindqvist of the mission this morning.\n"
            "2. Lindqvist stated the mission would leave on 4 May.")
    got = entities(text)
    first, later = got[text.index("Lindqvist")], got[text.index("Lindqvist stated")]
    assert first == later and first[1].startswith("person:")
    assert role(the(text, "stated", dct="1960-04-20"), "agent") == {first[1]}


def test_what_the_speakers_at_a_gathering_say_is_said_there_on_its_day():
    text = ("Pyongyang, March 2 (KCNA) -- A rally took place at the Central Youth Hall on Sunday to mark the "
            "anniversary.\n\nSpeaking at the rally, Ri Song Chol said the crimes would never be forgiven.\n\n"
            "Then Kim Hye Ran stressed that the nation would never forget.")
    assert the(text, "stressed", dct="2026-03-02")["date"] == "2026-03-01"
    # a photo's caption is no scene: a statement after it is the page's news
    text = ("A rally in Pyongyang, 1 March 2026\n\nChief Cabinet Secretary Ren Tanaka said the talks "
            "would go on.")
    assert the(text, "said", dct="2026-03-03")["date"] == "2026-03-03"


def test_a_time_after_and_is_no_subject_of_the_next_clause():
    text = "The samples were tested in Tokyo, and the following month the government announced the result."
    s = analyze(text, 0, len(text))
    assert span(s, clause(s, "announce").subject) == "the government"
    ev = the("In May 2004 the samples were tested in Tokyo, and the following month the government announced "
             "the result.", "announced", dct="2020-01-01")
    assert ev["date"] == "2004-06"


def test_a_transcript_speaker_label_is_no_name_and_the_turn_tells_one_story():
    text = ("HOST: Welcome back.\n\nGUEST: Thank you.\n\nHOST: Take us back to the start.\n\n"
            "GUEST: That was March 1992, in Beijing. I was the youngest on the team. The hotel was cold. "
            "We met them twice on the first day.")
    assert not [e for _, e in entities(text).values() if e in ("org:host", "org:guest")]
    assert the(text, "met", dct="2025-06-06")["date"] == "1992-03"


def test_further_launches_told_by_a_plural_noun_are_events_of_their_own_times():
    text = "North Korea fired an ICBM in April 2023. Two more launches followed in July and October."
    dates = sorted(e["date"] for e in events(text, dct="2024-01-10") if e["type"] == "weapons_test")
    assert dates == ["2023-04", "2023-07", "2023-10"]


def test_one_passing_mention_of_another_government_makes_no_issuer():
    # a Diet record: 'the Government' is Japan's, not that of the one foreign government named once
    text = ("Minister of Justice: The man arrived from Beijing, where the Chinese government had issued "
            "his papers. Under the measures the Government decided on February 10, 2016, his entry into "
            "Japan was refused.")
    assert role(the(text, "decided", dct="2024-04-11"), "agent") == {"gov:japan"}


def test_a_body_named_with_a_word_before_a_known_bodys_name_is_another_body():
    text = "Seoul's National Security Council met on Monday. The Security Council will meet on Thursday."
    got = entities(text)
    assert got[text.index("National")][0] == "National Security Council"
    assert got[text.index("National")][1] != "org:unsc"
    assert got[text.index("Security Council will")] == ("Security Council", "org:unsc")


def test_a_ruling_delivered_is_a_step_in_the_case_and_rice_delivered_is_aid():
    assert the("The ruling was delivered on March 26, and the defendant did not appeal.", "delivered",
               dct="2025-05-27")["type"] == "legal"
    ev = the("The Osaka High Court delivered its verdict on Friday.", "delivered its verdict", dct="2025-05-27")
    assert ev["type"] == "legal" and role(ev, "agent") == {"org:osaka_high_court"}
    assert the("Japan delivered 100,000 tons of rice in 1995.", "delivered")["type"] == "aid"


def test_a_body_told_first_by_its_kind_is_the_one_named_next():
    text = ("OSAKA - A district court on Monday ordered the sale of the hall. The Osaka District Court "
            "ruled that the agency may seize the building.")
    ev = the(text, "ordered", dct="2024-05-20")
    assert role(ev, "agent") == {"org:osaka_district_court"}
    # a seized building is property taken under law, not a person abducted
    assert the(text, "seize", dct="2024-05-20")["type"] == "legal"


def test_police_and_prosecutors_named_by_nothing_else_are_those_of_the_storys_state():
    text = ("NIIGATA - In March last year, police searched the hall of a trading firm. Prosecutors dropped "
            "the investigation in December.")
    assert role(the(text, "searched", dct="2023-02-14"), "agent") == {"org:japan_police"}
    assert the(text, "searched", dct="2023-02-14")["date"] == "2022-03"
    # another state's police are that state's (named by its adjective), not Japan's
    ev = the("SEOUL - South Korean police arrested two men on Monday.", "arrested", dct="2023-02-14")
    assert "org:japan_police" not in role(ev, "agent")


def test_the_ruling_told_again_is_the_one_ruled_not_the_last_legal_step():
    text = ("TOKYO - The Tokyo District Court ruled on Monday that the firm must pay. In 2021, prosecutors had "
            "dropped an investigation into the firm. On Tuesday its lawyers criticized the ruling.")
    # (what was criticized is the court's ruling, not the prosecutors' step)
    assert role(the(text, "criticized", dct="2024-05-22"), "patient") == {"org:tokyo_district_court"}


def test_what_an_unnamed_body_says_it_plans_is_no_other_actors():
    ev = the("North Korea fired a missile. The collection agency said it plans to hold the auction.",
             "hold the auction", dct="2023-02-14")
    assert "country:north_korea" not in role(ev, "agent")


def test_a_pledge_not_to_act_refuses_and_a_report_of_anothers_not_acting_is_a_statement():
    assert the("Kim promised that he would not hold dialogue with Seoul.", "promised")["type"] == "reject"
    text = "The minister told a committee on Wednesday that Japan would not ease its sanctions."
    assert the(text, "told", dct="2025-11-12")["type"] == "statement"
    ease = the(text, "ease its sanctions", dct="2025-11-12")
    assert ease["type"] == "ease" and ease.get("modality") == "negated"


def test_words_that_name_another_kind_of_act_by_their_object():
    assert the("The group said it would appeal to the Tokyo High Court.", "appeal")["type"] == "legal"
    assert the("In 1995 Pyongyang appealed to the world for food.", "appealed")["type"] == "demand"
    assert the("The agency took over the bad loans of the credit unions in 1999.", "took over")["type"] != "annex"
    assert the("Japan took over the islands in 1905.", "took over")["type"] == "annex"
    assert the("The group said on Monday it would fight the ruling to the end.", "fight")["type"] == "accuse"


def test_it_after_an_event_noun_of_its_sentence_is_no_actor_named_before():
    text = ("A Chongryon official said the group would appeal to the Osaka High Court. He called the ruling "
            "oppression and said the group would fight it to the end.")
    assert not role(the(text, "fight", dct="2023-02-14"), "patient")
    # an 'it' that an actor named before is: that actor
    ev = the("The court found Chongryon liable. A court later ordered it to pay the debt.", "ordered",
             dct="2023-02-14")
    assert role(ev, "patient") == {"org:chongryon"}


def test_what_a_claim_tells_is_hearsay_and_the_claim_itself_is_made():
    found = {e["text"]: e for e in events("North Korea claims the boy died in 1994.", dct="2023-02-14")}
    assert not found["claims"].get("hedged") and found["died"].get("hedged") is True


def test_a_man_described_by_whose_son_he_is_is_not_that_person():
    ev = the("A man identifying himself as the son of Kim Jong-il was arrested at Narita on Tuesday.", "arrested",
             dct="2001-05-04")
    assert "person:kim_jong_il" not in role(ev, "patient")


def test_what_was_told_on_a_day_that_a_state_would_not_do_is_dated_by_the_telling():
    text = "The minister told a committee on Wednesday that Japan would not ease its sanctions."
    ease = the(text, "ease its sanctions", dct="2025-11-14")
    assert ease["date"] == "2025-11-12" and ease.get("modality") == "negated"


def test_a_past_perfect_a_speaker_reports_does_not_move_the_news_to_its_time():
    text = ('NIIGATA - Ri Yong Suk, 71, said she had taken her grandchildren there only last month. '
            '"It is where we meet," she said.')
    dates = [e["date"] for e in events(text, dct="2023-02-14") if e["text"] == "said"]
    assert dates == ["2023-02-14", "2023-02-14"]


def test_files_released_are_told_and_a_case_sent_back_is_a_step_in_it():
    assert the("Files released by the Foreign Ministry in 2010 show the plan.", "released")["type"] == "statement"
    ev = the("The Osaka High Court had sent the case back to the district court in October 2023.", "sent")
    assert ev["type"] == "legal"


def test_calling_something_a_crime_accuses_and_calling_it_painful_says_so():
    ev = the("Seoul's National Security Council met on Monday and called the launch \"a clear provocation.\"",
             "called", dct="2024-10-01")
    assert ev["type"] == "accuse"
    ev = the('On Wednesday, Chief Cabinet Secretary Yoshimasa Hayashi called his death "deeply painful."', "called",
             dct="2024-10-03")
    assert ev["type"] == "statement"
    # a name given, a meeting called, a call for something: no characterization
    assert not [e for e in events("A support group called Hope Bridge helped 150 returnees in 2020.")
                if e["text"] == "called"]
    assert the("In 2017 the families called for sanctions.", "called for")["type"] == "demand"


def test_a_weapons_test_told_with_no_doer_is_the_states_whose_test_the_story_told():
    text = ("After North Korea's fourth nuclear test in January 2016 and a long-range rocket launch the "
            "following month, Japan widened its sanctions.")
    assert role(the(text, "rocket launch"), "agent") == {"country:north_korea"}


def test_a_defined_term_names_the_body_its_document_named_pages_before():
    filler = " ".join(f"On {d} May the members met in Sendai." for d in range(1, 29))
    text = ("Association of Families of People Taken to the North\nActivity Report for 2024\n\n"
            "The Association was founded in 2003 in Tokyo. " + filler +
            " On 26 June the Association issued a statement of its own.")
    ev = the(text, "issued a statement", dct="2025-03-15")
    assert len(role(ev, "agent")) == 1 and next(iter(role(ev, "agent"))).startswith("org:association_of_families")


def test_the_i_of_a_diary_is_the_one_whose_notebooks_they_are_and_he_is_someone_else():
    text = ("From the notebooks of Pak Sung-ho (1925-1999), a tailor in Kawasaki\n"
            "Translated by his granddaughter, Pak Min-ji.\n\n"
            "3 December 1959\nI went to the Red Cross desk this morning and I said nothing to the clerk.\n\n"
            "10 December 1959\nThe first ship leaves next week.")
    ev = the(text, "said")
    assert ev["date"] == "1959-12-03" and role(ev, "agent") == {entities(text)[text.index("Pak Sung-ho")][1]}
    # (the granddaughter who translated is a woman: 'he' is never she, nor the one who writes 'I')
    text2 = text + " Then Chang-gil told him he would go. He registered on Friday."
    assert all("person:ji_min_pak" not in role(e, "agent") for e in events(text2))


def test_hours_of_talks_held_are_talks_and_a_launch_of_missiles_keeps_its_own_day():
    text = "SEOUL, Jan. 16 (Yonhap) -- Seo held about three hours of talks with Whitcomb in Tokyo on Thursday."
    ev = the(text, "held about three hours of talks", dct="2026-01-16")
    assert (ev["type"], ev["date"]) == ("meet", "2026-01-15")
    text = ("The three sides condemned the North's launch of two short-range ballistic missiles into the East Sea "
            "on Jan. 8.")
    assert the(text, "launch", dct="2026-01-16")["date"] == "2026-01-08"


def test_we_in_a_governments_briefing_is_that_government():
    text = ("Press Conference by the Press Secretary, Ministry of Foreign Affairs\n\nTuesday, May 27, 2025\n\n"
            "Q: Has Pyongyang answered the Government's request?\n\n"
            "SECRETARY: We have not received any response from the North Korean side.")
    ev = the(text, "received")
    assert ev.get("modality") == "negated" and role(ev, "agent") == {"gov:japan"}


def test_a_decision_is_of_what_it_decides_and_deciding_they_would_not_refuses():
    ev = the("Nine days later, on 24 October 2002, the government decided they would not be sent back.", "decided")
    assert ev["type"] == "reject"
    assert not [e for e in events("Nine days later, on 24 October 2002, the government decided they would not be "
                                  "sent back.") if e["text"] == "sent back"]
    ev = the("In April 2023 the Cabinet decided that Japan would extend its sanctions for two years.", "decided")
    assert (ev["type"], ev["date"]) == ("sanction", "2023-04")


def test_police_of_a_place_of_the_state_are_its_police_and_a_mishap_is_no_act():
    ev = the("Hokkaido police arrested the captain on Saturday.", "arrested", dct="2023-12-03")
    assert role(ev, "agent") == {"org:japan_police"}
    assert the("The engine broke down in late October, the men said.", "broke down", dct="2023-12-03")["type"] == "other"
    assert the("Talks broke down in November 1992.", "broke down")["type"] == "reject"
    assert the("The boat sank after a collision on Friday.", "sank", dct="2023-12-03")["type"] == "other"
    assert the("A submarine sank the corvette in March 2010.", "sank")["type"] == "war"


def test_what_men_say_they_had_done_is_theirs_and_counted_from_their_own_time():
    text = ("SADO, Dec. 3 (Jiji Press) -- The coast guard rescued four men on Sunday. The men told investigators "
            "that they had left the port of Chongjin in late October and that their engine broke down about two "
            "weeks later.")
    found = {e["text"]: e for e in events(text, dct="2023-12-03")}
    assert "org:japan_coast_guard" not in role(found["left"], "agent")
    assert found["broke down"]["date"].startswith("2023-11")


def test_a_rescue_told_again_is_one_and_this_winter_leaves_the_story_on_its_day():
    text = ("SADO, Dec. 3 (Jiji Press) -- The coast guard rescued four men on Sunday. Sunday's rescue was the "
            "first of its kind this winter, the coast guard said. Police searched the beach in the afternoon.")
    recs = events(text, dct="2023-12-03")
    rescues = [e for e in recs if e["text"].startswith("rescue")]
    assert len(rescues) == 2 and sum(1 for e in rescues if e.get("mention_of")) == 1
    assert the(text, "searched", dct="2023-12-03")["date"] == "2023-12-03"


def test_prefectural_police_of_a_place_are_that_prefectures_body_whatever_the_tagger_made_of_the_place():
    ev = the("Kyoto prefectural police on Tuesday searched the home of a businessman.", "searched", dct="2018-06-07")
    assert role(ev, "agent") == {"org:kyoto_prefectural_police"}


def test_what_a_refusal_told_of_long_ago_says_had_been_done_is_of_that_time_not_the_pages():
    text = ("SADO, Dec. 3 (Jiji Press) -- On Oct. 7, 2019, a patrol vessel collided with a North Korean boat. "
            "Pyongyang later demanded compensation, and Tokyo refused, saying the patrol vessel had been "
            "lawfully warning the boat to leave.")
    assert the(text, "warning", dct="2023-12-03")["date"] == "2019-10-07"


def test_paying_what_is_owed_is_aid_and_paying_attention_or_tax_is_no_event():
    text = "The court ordered North Korea to pay 20 million yen in March 2025. North Korea has not paid."
    ev = the(text, "paid", dct="2025-05-27")
    assert (ev["type"], ev.get("modality")) == ("aid", "negated")
    assert not [e for e in events("Nobody in Tokyo paid any attention in 2004.") if e["text"] == "paid"]
    assert the("Abe paid a visit to Pyongyang in 2002.", "paid a visit")["type"] == "meet"


def test_succeeding_someone_is_a_succession_and_succeeding_at_last_is_none():
    assert the("Kim Jong Un succeeded his father in December 2011.", "succeeded")["type"] == "leader"
    assert the("He was succeeded by So Man-sul on 20 February 2001.", "succeeded")["type"] == "leader"
    assert not [e for e in events("Japan's bid was blocked until it finally succeeded on December 18, 1956.")
                if e["text"] == "succeeded"]


def test_the_end_a_thing_went_on_until_is_its_own_occurrence_not_another_of_the_going_on():
    text = "Sailings resumed in May 1971 and continued through the 1970s, until the last voyage in July 1984."
    found = [(e["text"], e["date"]) for e in events(text)]
    assert ("voyage", "1984-07") in found and ("continued", "1984-07") not in found


def test_warning_shots_enforce_the_law_and_a_case_remanded_is_a_step_in_it():
    assert the("On 23 March 1999, patrol boats fired warning shots at the two vessels.", "fired")["type"] == "legal"
    assert the("North Korea fired two ballistic missiles in May 2023.", "fired")["type"] == "weapons_test"
    assert the("On 26 February 2026 the case was remanded to the district court.", "remanded")["type"] == "legal"


def test_a_laws_number_dates_nothing_and_what_a_decision_adopted_is_of_its_day():
    text = ("The measures were first adopted by the Cabinet decision of October 13, 2006 under the Foreign "
            "Exchange Act (Act No. 228 of 1949).")
    assert the(text, "adopted", dct="2026-06-02")["date"] == "2006-10-13"


def test_a_craft_spotted_chased_or_raised_is_an_incident_and_radiation_detected_is_none():
    text = "On 23 March 1999, a patrol aircraft spotted two vessels off the Noto Peninsula."
    assert the(text, "spotted")["type"] == "other"
    assert the("In September 2002 Japan raised the wreck from a depth of 90 meters.", "raised")["type"] == "other"
    assert not [e for e in events("The sensors detected radiation in May 2006.") if e["text"] == "detected"]


def test_closing_proceedings_and_filing_a_petition_are_steps_in_a_case():
    assert the("The court closed the proceedings on November 4, 2025.", "closed")["type"] == "legal"
    assert the("On March 11, 2026 Chongryon filed a petition with the Supreme Court.",
               "filed a petition")["type"] == "legal"
    assert the("The school closed in March 2024.", "closed")["type"] == "dissolve"


def test_its_agents_act_for_the_state_that_says_so():
    ev = the("In 2002 North Korea admitted that its agents had kidnapped 13 Japanese citizens in the 1970s.",
             "kidnapped", dct="2023-11-16")
    assert "country:north_korea" in role(ev, "agent")


def test_the_news_of_the_day_before_goes_on_into_the_next_paragraph():
    text = ("NEW YORK -- A committee of the U.N. General Assembly on Wednesday adopted a resolution on North "
            "Korea.\n\nThe committee approved the text without a vote, and North Korea's envoy denounced it.")
    found = {e["text"]: e["date"] for e in events(text, dct="2023-11-16")}
    assert found["approved"] == "2023-11-15" and found["denounced"] == "2023-11-15"


def test_the_government_of_an_outlets_story_filed_abroad_is_the_outlets_states():
    text = ("The Yomiuri Shimbun, November 16, 2023\n\nNEW YORK -- A U.N. committee adopted a resolution on North "
            "Korea on Wednesday. A spokesperson said the government had briefed the families on Tuesday.")
    assert role(the(text, "briefed"), "agent") == {"gov:japan"}
    # without an outlet in a header, the place filed from
    text = "NEW YORK -- The government announced new sanctions on Wednesday."
    assert role(the(text, "announced new sanctions", dct="2023-11-16"), "agent") == {"gov:united_states"}


def test_an_event_that_only_dates_a_clause_is_not_the_subjects_deed():
    ev = the("Seoul kept silent about the rough treatment of its fans during the October 3 match in Pyongyang.",
             "match", dct="2019-10-10")
    assert role(ev, "agent") == set()
    # unless the phrase makes it theirs, or it is talks they were at
    ev = the("Abe and Trump shook hands during their summit in Osaka in June 2019.", "summit")
    assert role(ev, "agent") != set()
    ev = the("During talks with Pyongyang in May 2016, Tokyo said it would keep the sanctions.", "talks")
    assert "gov:japan" in role(ev, "agent")


def test_an_occasion_that_dates_a_demand_is_not_demanded():
    ev = the("Seoul will not seek an apology for the treatment of its fans during the October 3 match in "
             "Pyongyang.", "match", dct="2019-10-10")
    assert (ev["date"], ev.get("modality", "asserted")) == ("2019-10-03", "asserted")


def test_a_summit_set_off_as_held_somewhere_is_placed_there():
    ev = the("At the first Japan-China summit, held in Tokyo on May 3, 2004, Koizumi told Hu Jintao that "
             "Japan would help.", "summit")
    assert role(ev, "location") == {"place:tokyo"}


def test_the_leaders_a_clause_names_at_a_summit_met_there_in_place_of_their_states():
    ev = the("At the first Japan-China summit, held in Tokyo on May 3, 2004, Koizumi told Hu Jintao that "
             "Japan would help.", "summit")
    assert role(ev, "agent") == {"person:koizumi", "person:hu_jintao"}
    # a leader of only one of the states does not replace them
    ev = the("At the Japan-China summit on May 3, 2004, Koizumi told Obama that Japan would help.", "summit")
    assert role(ev, "agent") == {"country:japan", "country:china"}


def test_the_spokesperson_is_the_one_told_before_with_the_body_he_speaks_for():
    text = ("A spokesman for the Japanese foreign ministry criticized the launch on Friday. "
            "The spokesman said Tokyo would respond.")
    assert role(the(text, "said", dct="2026-01-17"), "agent") == {"org:mofa_japan"}
    # no spokesperson told before: no one
    assert role(the("The spokesman said Tokyo would respond.", "said", dct="2026-01-17"), "agent") == set()


def test_his_wife_or_her_husband_is_the_one_the_text_told_was_married():
    text = "In 1962 Ko married Lee Mi-ja, a seamstress from Osaka. His wife died in 2014."
    assert role(the(text, "died", dct="2020-01-01"), "patient") == {"person:lee_mi_ja"}
    # the sex a title shows picks which of the two; and a husband is no later 'she'
    text = "Mr. Park married Lee Mi-ja in 1962. Her husband died in 2014."
    assert role(the(text, "died", dct="2020-01-01"), "patient") != {"person:lee_mi_ja"}
    text = ("In 1963 she married Choi Man-gil, a mechanic. Her husband was arrested in 1974. "
            "In the spring of 2003, she fled to China.")
    assert role(the(text, "arrested", dct="2020-01-01"), "patient") == {"person:choi_man_gil"}
    assert "person:choi_man_gil" not in role(the(text, "fled", dct="2020-01-01"), "agent")


def test_an_office_is_held_by_a_person_known_to_hold_it_only_in_the_years_told():
    text = ("Shinzo Abe met the families in Tokyo in 2002. At a news conference on Wednesday, "
            "the chief cabinet secretary called the death deeply painful.")
    ev = the(text, "called", dct="2026-01-23")
    assert role(ev, "agent") == {"gov:japan"}
    text = "Shinzo Abe met the families in Tokyo in 2002. In 2005, the chief cabinet secretary said he would act."
    assert role(the(text, "said", dct="2026-01-23"), "agent") == {"person:abe"}


def test_a_story_that_names_its_state_only_by_a_place_has_that_state_for_its_unnamed_offices():
    text = "He spoke at a rally in Osaka in 2025. On Wednesday the prime minister said the loss was painful."
    assert role(the(text, "said", dct="2026-01-23"), "agent") == {"gov:japan"}


def test_state_media_speak_for_the_state_the_sentence_names():
    ev = the("North Korea's rocket exploded late Monday, state media said on Tuesday.", "said", dct="2024-05-28")
    assert role(ev, "agent") == {"org:kcna"}
    # with no state named, no one
    assert not the("The rocket exploded, state media said on Tuesday.", "said", dct="2024-05-28")["participants"]


def test_every_name_of_a_list_after_a_preposition_takes_its_role():
    text = ("North Korea's launch failed on Monday, drawing condemnation from Japan, South Korea and the "
            "United States and a call for restraint from China.")
    ev = the(text, "condemnation", dct="2024-05-28")
    assert role(ev, "agent") == {"country:japan", "country:south_korea", "country:united_states"}


def test_a_phrase_coordinated_after_an_event_nouns_phrases_is_not_its_own():
    text = ("The test came after the missile launches by North Korea in July and in spite of a statement by "
            "the chairman of the Security Council.")
    ev = the(text, "missile launches", dct="2006-10-15")
    assert role(ev, "agent") == {"country:north_korea"} and not role(ev, "patient")


def test_a_capitalized_office_with_no_name_speaks_for_the_story_state():
    text = "The families met officials in Osaka in May. The Prime Minister said the Government would act."
    assert role(the(text, "said", dct="2024-12-01"), "agent") == {"gov:japan"}
    # a title before a name is that person
    text = "The families met officials in Osaka in May. The Prime Minister Sanae Takaichi said she would act."
    assert role(the(text, "said", dct="2025-12-01"), "agent") != {"gov:japan"}


def test_police_after_a_named_police_body_are_that_body_unless_placed_elsewhere():
    text = ("GIFU - Gifu prefectural police searched the office of an export firm on Tuesday. "
            "The police arrested its president on Thursday.")
    assert role(the(text, "arrested", dct="2024-05-10"), "agent") == {"org:gifu_prefectural_police"}
    # 'police in Fukui Prefecture' are another prefecture's, not the ones named before
    text = ("GIFU - Gifu prefectural police searched the office of an export firm on Tuesday. "
            "In 2019, police in Fukui Prefecture arrested a trader in a similar case.")
    assert "org:gifu_prefectural_police" not in role(the(text, "arrested", dct="2024-05-10"), "agent")


def test_he_after_a_one_time_subject_is_the_person_the_story_is_about():
    text = ("SAKATA - Toru Ikeda, who campaigned for decades for the return of his abducted son, died on Monday. "
            "Ikeda founded a support group in 1999. Ikeda wrote to every prime minister. "
            "Yoshihide Suga received him at his office in 2020, a meeting Ikeda later called a turning point. "
            "His health failed last year. \"I cannot wait,\" he told a rally in Tokyo in May.")
    assert role(the(text, "told", dct="2024-03-12"), "agent") == {"person:ikeda_toru"}
    # the last subject, when named more than once, stays the one 'he' goes on about
    text = ("Taro Mori met Ikeda in May. Mori was then the minister. Mori later visited Sakata, where Ikeda lived. "
            "He told reporters he was moved.")
    assert role(the(text, "told reporters", dct="2024-03-12"), "agent") == {"person:mori_taro"}


def test_who_sends_someone_to_an_occasion_does_not_hold_it():
    ev = the("Japan will send a state minister to a rally in Sendai on Sunday.", "rally", dct="2024-03-12")
    assert "country:japan" not in role(ev, "agent")
    # who goes ahead with it does it
    ev = the("North Korea went ahead with a missile launch on Sunday.", "missile launch", dct="2024-03-12")
    assert role(ev, "agent") == {"country:north_korea"}


def test_the_n_year_old_is_the_person_given_that_age_or_the_one_just_told_of():
    text = ("SENDAI - Oh Chang-su, 64, chairs the parents' group. On Saturday the ministry rejected its petition. "
            "The 64-year-old said on Sunday he would appeal.")
    assert role(the(text, "said", dct="2024-10-14"), "agent") == {"person:chang_su_oh"}
    text = ("Principal Ri Yong-ae spoke first on Sunday. The 58-year-old, herself a graduate, said the school "
            "would stay open.")
    assert role(the(text, "said", dct="2024-10-14"), "agent") == {"person:ri_yong_ae"}


def test_what_a_speaker_told_the_audience_was_said_at_the_gathering_told_of_just_before():
    text = ("OKAYAMA, Monday, Oct. 14, 2024 -- About 300 people filled the hall on Sunday to mark the school's "
            "70th anniversary. \"We will not give up,\" Principal Ri Yong-ae told the audience.")
    ev = the(text, "told", dct="2024-10-14")
    assert ev["date"] == "2024-10-13"
