"""Events the tagger used to hide: births of people named by a pronoun or by kin, a past read
after a verb of belief (and hedged by it), a subject with its place, a compound adjective."""
from __future__ import annotations

from event_probe import events, role, the
from kankei.pipeline import extract


def test_a_birth_told_of_one_person_by_pronoun_or_kin_is_an_event():
    ev = the("We lived by the canal in Ikuno. I was born there in May 1951, the youngest of three.", "born")
    assert (ev["type"], ev["date"]) == ("other", "1951-05")
    ev = the("In 1966 she married a welder from Nampo, and their daughter was born the following spring.", "born")
    assert ev["date"] == "1967-21"
    # a birth told of many, named by no one, is no event of a timeline
    assert not [e for e in events("Nearly all of the teachers were born in Japan in the 1950s.") if e["text"] == "born"]


def test_what_police_believe_was_done_is_hedged_and_dated_by_its_own_clause():
    ev = the("Police believe the two brothers imported 30 tons of coal through Kobe in March 2019.", "imported",
             dct="2021-02-03")
    assert ev["date"] == "2019-03" and ev.get("hedged") is True
    # a verb of belief in a relative clause hedges only what it reports, not the main clause
    ev = the("Police arrested two men they believe smuggled coal.", "arrested", dct="2021-02-03")
    assert not ev.get("hedged")


def test_police_with_their_place_are_the_subject_and_a_compound_adjective_no_verb():
    ev = the("In 2009, police in Hyogo Prefecture arrested the owner of a trading firm for importing "
             "8 tons of North Korean short-necked clams.", "arrested")
    assert ev["date"] == "2009" and "location" in {p["role"] for p in ev["participants"]}
    assert not role(ev, "agent") & {"place:hyogo", "place:hyogo_prefecture"}


def test_an_apposition_with_an_irregular_participle_leaves_the_clause_its_verb():
    ev = the("Between 1995 and 2000, eleven credit cooperatives, known as kumiai, collapsed under bad debts.",
             "collapsed")
    assert (ev["type"], ev["date"]) == ("dissolve", "1995/2000")


def test_an_immigrant_who_came_over_from_a_place_migrated():
    ev = the("Her grandfather had come over from Jeju in 1936 to work in a glass factory.", "come over from")
    assert (ev["type"], ev["date"]) == ("migrate", "1936")


def test_a_chronology_line_in_the_present_and_a_report_reviewing_the_past():
    ev = the("1971 - The first ferry sails.", "sails")
    assert (ev["type"], ev["date"]) == ("migrate", "1971")
    # the report's own act of reviewing dates nothing: the visits it lists get no time from a neighbour
    got = events("This report reviews the two summit visits by Koizumi, the Stockholm agreement of 2014, "
                 "and the current state of play.")
    assert not [e for e in got if e["text"] == "summit" and e.get("date") == "2014"]


def test_a_quote_attributed_to_someone_named_or_described_is_a_statement():
    text = ('TOKYO, June 2 (Kyodo) -- A wooden boat drifted ashore on Monday. "We will keep searching," '
            'Tanaka told reporters. "I took it for a ghost ship," the fisherman, 71, told reporters. '
            '"It came from the North," the sources said.')
    told = [e for e in events(text, dct="2025-06-02") if e["text"] == "told reporters"]
    assert len(told) == 2 and all(e["type"] == "statement" and e["date"] == "2025-06-02" for e in told)
    # an attribution to no one in particular only says where the news came from
    assert not [e for e in events(text, dct="2025-06-02") if e["text"] == "said"]


def test_a_stretch_of_time_later_is_no_subject_the_first_subject_goes_on():
    ev = the("On May 3 she said Tokyo had proposed talks, then hours later declared that Pyongyang "
             "would refuse any contact.", "declared", dct="2025-06-02")
    assert (ev["type"], ev["date"]) == ("statement", "2025-05-03")
    ev = the("Japan imposed sanctions in 2006 and three years later tightened them.", "tightened")
    assert ev["date"] == "2009" and role(ev, "agent") == {"country:japan"}


def test_a_list_of_bare_months_in_a_past_clause_is_the_story_before_its_date():
    got = events("North Korea launched satellites in May, August and November.", dct="2024-03-01")
    assert sorted(e["date"] for e in got if e["type"] == "weapons_test") == ["2023-05", "2023-08", "2023-11"]
    # a month a purpose names may lie ahead ('dissolved ... for an election in October')
    assert the("The chamber was dissolved by the premier for an election in October.", "dissolved",
               dct="2024-09-20")["date"] == "2024-09-20"


def test_an_aside_between_a_verb_and_its_object_leaves_the_verb_its_object():
    ev = the("In December, the UN General Assembly adopted, for the 19th consecutive year, a resolution "
             "on human rights in North Korea.", "adopted", dct="2024-03-01")
    assert (ev["type"], ev["date"]) == ("resolution", "2023-12") and role(ev, "agent") == {"org:unga"}


def test_a_chronology_entry_in_the_present_tells_its_events():
    ev = the("NOV 1993 - Talks collapse at the ninth round, in Beijing.", "collapse", dct="2026-02-06")
    assert (ev["type"], ev["date"]) == ("reject", "1993-11")     # talks broken off, no body closed
    ev = the("1996 - Tokyo agrees in May to supply 200,000 tonnes of rice.", "agrees", dct="2026-02-06")
    assert ev["date"] == "1996-05" and role(ev, "agent") == {"gov:japan"}
    got = events("MAY 22, 2004 - Koizumi returns to Pyongyang and brings back five children.", dct="2026-02-06")
    assert {(e["text"], e["date"]) for e in got} >= {("returns", "2004-05-22"), ("brings back", "2004-05-22")}


def test_a_visit_later_this_month_is_the_visit_s_time_not_the_statement_s():
    got = events("A North Korean youth team's planned visit to Niigata later this month was in doubt on "
                 "Wednesday after the Justice Ministry said it had not yet decided whether to let the players in.",
                 dct="2026-03-04")
    assert next(e for e in got if e["text"] == "visit")["date"] == "2026-03"
    assert next(e for e in got if e["text"] == "said")["date"] == "2026-03-04"


def test_an_accord_told_by_its_name_was_reached_by_its_parties():
    ev = the("The Stockholm agreement was announced on May 29, 2014.", "announced")
    assert role(ev, "agent") == {"gov:japan", "gov:north_korea"}
    # who signed, when the sentence says so, is not replaced
    ev = the("Koizumi and Kim Jong-il signed the Pyongyang Declaration on September 17, 2002.", "signed")
    assert "gov:japan" not in role(ev, "agent") and role(ev, "agent")


def test_a_list_of_finite_verbs_after_an_object_complement_shares_the_first_subject():
    got = events("In 2003 the North declared the 1994 agreement nullified, withdrew from the treaty, "
                 "and began to reprocess fuel.", dct="2020-01-01")
    withdrew = next(e for e in got if e["text"] == "withdrew")
    assert withdrew["date"] == "2003" and role(withdrew, "agent") == {"country:north_korea"}
    # an accord lasts: declaring it void is not of the year that names it
    assert next(e for e in got if e["text"] == "declared")["date"] == "2003"


def test_a_pronoun_is_not_a_person_the_text_shows_of_the_other_gender():
    text = ("Park Mi-ran was nine when her eldest brother sailed from Niigata in 1960. He was twenty "
            "and could not find work. In 1961 he wrote to the family from Hamhung.")
    ev = the(text, "wrote", dct="2025-06-02")
    assert "person:mi_ran_park" not in role(ev, "agent")
    # a leader the knowledge knows is a man is never 'she'
    text = ("In 2002 Kim Jong Il admitted that his agents had abducted 13 Japanese, and Kazumi's name was on "
            "the list. The North said she had died in 1986.")
    assert not [e for e in events(text) if "person:kim_jong_il" in role(e, "patient") and e["text"] == "died"]


def test_a_letter_that_arrives_is_a_message_not_a_migration():
    ev = the("His last letter arrived in 1994.", "arrived", dct="2025-06-02")
    assert ev["type"] == "statement"
    assert the("Her brother arrived in Niigata in 1960.", "arrived")["type"] == "migrate"


def test_deciding_not_to_act_is_a_refusal():
    ev = the("In October 2002 Japan decided not to send them back.", "decided", dct="2025-06-06")
    assert (ev["type"], ev["date"]) == ("reject", "2002-10")


def test_an_act_years_since_which_a_day_is_marked_is_that_many_years_before():
    ev = the("About 120 people gathered at the port on Saturday to mark 65 years since the first "
             "repatriation ships left the city for North Korea.", "left", dct="2024-12-15")
    assert ev["date"] == "1959"


def test_that_ruling_overturned_the_following_year_is_the_overturning_s_year():
    got = events("A district court dismissed the suit in March 2022, but the High Court overturned that "
                 "ruling the following year.", dct="2024-12-15")
    assert next(e for e in got if e["text"] == "overturned")["date"] == "2023"
    assert not [e for e in got if e["text"] == "ruling"]


def test_a_quotation_s_times_are_the_speaker_s_story_not_the_report_s():
    text = ('TOKYO, June 3, 2025 -- Families met the minister on Monday. "My mother went to Pyongyang in 1995 '
            'and never came back," one woman said. The minister told reporters afterward that he would act.')
    ev = the(text, "told reporters", dct="2025-06-03")
    assert ev["date"] and ev["date"].startswith("2025")


def test_a_deck_under_a_headline_that_asks_is_the_headline_s_and_its_repeat_in_the_body_is_one():
    text = ("Why is Tokyo still so far from Pyongyang?\n\n"
            "Ever since the push for normalization fell through in 1991, relations have stalled\n\n"
            "Japan and North Korea opened talks in January 1991. The talks between Japan and North Korea "
            "failed in November 1991 over the abduction of a Japanese woman.\n")
    got = [e for e in events(text, dct="2021-07-25") if e["type"] == "reject" and e["date"].startswith("1991")]
    assert len([e for e in got if not e.get("mention_of")]) == 1 and len(got) == 2


def test_an_act_ruled_out_is_negated_and_dated_by_the_day_it_is_ruled_out():
    ev = the("TOKYO, Nov. 29, 2011 -- Tokyo on Tuesday said it was not considering filing a protest with "
             "North Korea about the match.", "filing a protest", dct="2011-11-29")
    assert ev.get("modality") == "negated" and ev["date"] == "2011-11-29"


def test_a_bare_government_in_a_story_about_japan_is_japan_s():
    ev = the("Tokyo ran DNA tests on the remains and announced they were not Yokota's. Yokota's parents called "
             "for sanctions and the government blocked rice shipments.", "blocked", dct="2005-03-28")
    assert role(ev, "agent") == {"gov:japan"}


def test_a_town_a_person_comes_from_is_no_person():
    text = ("A retired teacher from Joetsu who asked not to be named said her aunt had gone north in 1960.")
    assert not [r for r in extract(text, doc="t", dct="2024-12-15").records()
                if r["kind"] == "entity" and r["text"] == "Joetsu" and r.get("type") == "person"]


def test_a_cabinet_approving_a_movement_decides_it_and_approving_a_ban_imposes_it():
    assert the("On 13 February 1959 the Kishi cabinet approved the repatriation.", "approved the repatriation",
               dct="2009-06-17")["type"] == "resolution"
    assert the("The cabinet approved the trade ban on June 16.", "approved the trade ban",
               dct="2009-06-17")["type"] == "sanction"


def test_the_main_verb_after_a_relative_clause_that_joined_two_phrases():
    ev = the("Families of the Japanese nationals who were abducted by North Korean agents in the 1970s and 1980s "
             "welcomed the decision on Tuesday.", "welcomed", dct="2025-04-08")
    assert ev["date"] == "2025-04-08"


def test_a_title_and_a_name_after_and_are_a_new_subject_not_a_place_gone_to():
    ev = the("A month later Prime Minister Junichiro Koizumi traveled to Pyongyang and North Korean leader "
             "Kim Jong Il admitted that his agents had kidnapped Japanese citizens.", "admitted", dct="2025-04-08")
    assert "person:koizumi" not in role(ev, "agent")


def test_a_journey_and_the_meeting_it_was_for_are_one_meeting_at_the_place_gone_to():
    got = events("On 17 September 2002, Prime Minister Junichiro Koizumi flew to Pyongyang and met Kim Jong-il.")
    meets = [e for e in got if e["type"] == "meet"]
    assert len(meets) == 1 and meets[0]["text"] == "met"
    assert role(meets[0], "location") == {"place:pyongyang"} and role(meets[0], "patient") == {"person:kim_jong_il"}


def test_decades_since_an_act_count_back_from_the_day_that_marks_them_past_an_apposition():
    text = "Last Friday marked three decades since Tomiichi Murayama, then prime minister, apologized to Asia."
    ev = the(text, "apologized", dct="2025-08-20")
    assert ev["date"] == "1995"
    assert role(ev, "agent") == {"person:murayama_tomiichi"}     # (the name, not 'Last Friday')


def test_an_ordinal_this_year_counts_occurrences_and_dates_none_of_its_own():
    text = ("North Korea fired a cruise missile on Thursday. The launch was the fifth by the North this year "
            "and the first since March 2.")
    own = [e for e in events(text, dct="2025-05-16") if not e.get("mention_of") and e["date"] == "2025"]
    assert not own      # ('the fifth ... this year' is the Thursday launch again, not one of 2025)
    # a year an ordinal stands beside is when it happened, not a count's frame
    assert the("North Korea conducted its first nuclear test in 2006.", "conducted its first nuclear test",
               dct="2025-05-16")["date"] == "2006"
    # nor is 'the first half of this year' a count
    ev = the("The envoys agreed to hold a meeting in Seoul in the first half of this year.", "agreed to hold a meeting",
             dct="2025-05-16")
    assert ev["date"] is not None and ev["date"].startswith("2025")


def test_an_event_after_which_a_dated_act_came_is_an_occurrence_of_that_year():
    text = "In March 2013, after the North's third nuclear test and a satellite launch, Tokyo widened its sanctions."
    got = {e["text"]: e for e in events(text, dct="2013-12-31")}
    assert got["nuclear test"]["type"] == "weapons_test" and got["nuclear test"]["date"] == "2013"
    assert got["satellite launch"]["date"].startswith("2013")
    ev = the("The council adopted resolution 2371 in August 2017 after the North's latest missile tests.", "missile tests",
             dct="2017-12-31")
    assert ev["date"] == "2017"
    # 'after the meeting': the one told before, no new occurrence
    text = "Abe met the families on Monday. After the meeting, Abe told reporters he was determined."
    assert len([e for e in events(text, dct="2017-09-28") if e["type"] == "meet" and not e.get("mention_of")]) == 1


def test_that_before_a_decision_and_a_time_is_its_determiner_and_the_time_dates_the_verb():
    text = ("The district court rejected the suit in May 2019, and the high court upheld that decision two years "
            "later.")
    assert the(text, "upheld", dct="2025-11-11")["date"] == "2021"


def test_the_year_a_clause_describes_is_no_report_and_dates_its_verb():
    text = "The portraits came down in 2002, the year Pyongyang admitted that its agents had kidnapped Japanese."
    ev = the(text, "admitted", dct="2025-11-11")
    assert ev["date"] == "2002" and role(ev, "agent") == {"gov:north_korea"}


def test_a_division_is_of_a_land_not_an_office():
    assert the("The division of Korea in 1945 split many families.", "division of Korea", dct="2025-11-11")["type"] \
        == "annex"
    text = "An official of the private schools division said on Friday that the policy would stay."
    assert not [e for e in events(text, dct="2025-11-11") if e["type"] == "annex"]


def test_a_gathering_of_some_days_told_again_within_a_stretch_that_holds_it_is_one():
    text = ("The Workers' Party of Korea held a plenum from Dec. 26 to 30, 2023 in Pyongyang. A photo shows the "
            "leader at a Workers' Party of Korea meeting held in late December 2023 in Pyongyang.")
    own = [e for e in events(text, dct="2024-01-08") if e["type"] == "meet" and not e.get("mention_of")]
    assert len(own) == 1
    # two meetings dated each on a day of its own stay two
    text = "The envoys met in Seoul on June 3, 2024. They met again in Tokyo on June 20, 2024."
    assert len([e for e in events(text, dct="2024-07-01") if e["type"] == "meet" and not e.get("mention_of")]) == 2
