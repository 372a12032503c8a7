"""Events found from what happened, read through the clause analysis: each event's own
clause gives its date, its actors and whether the text asserts it.

Every sentence here was written for these tests.
"""
from __future__ import annotations

from kankei.analyze import analyze
from kankei.pipeline import extract


def analyze_sentence(text: str):
    return analyze(text, 0, len(text))


def events(text: str, dct: str | None = None) -> list[dict]:
    recs = [r for r in extract(text, doc="t", dct=dct).records() if r["kind"] == "event"]
    for r in recs:
        assert text[r["start"]:r["end"]] == r["text"], r
    return recs


def kinds(text: str, dct: str | None = None) -> list[tuple[str, str | None]]:
    return [(r["type"], r["date"]) for r in events(text, dct) if "mention_of" not in r]


def role(ev: dict, name: str) -> set[str]:
    return {p["entity"] for p in ev["participants"] if p["role"] == name}


def test_a_date_alone_is_no_event():
    assert events("The winter of 1960 was a cold one.") == []
    assert events("In 1975, membership stood at 200,000.") == []


def test_each_clause_dates_its_own_verb():
    """'admitted in 2002 that it had abducted ... in the 1970s': two events, two dates."""
    got = kinds("North Korea admitted in 2002 that it had abducted 13 Japanese citizens in the 1970s.")
    assert ("apologize", "2002") in got and ("abduct", "197X") in got
    assert ("abduct", "2002") not in got and ("apologize", "197X") not in got


def test_the_passive_subject_is_acted_on_and_by_acts():
    ev = next(e for e in events("Megumi Yokota was abducted by North Korea in 1977.") if e["type"] == "abduct")
    assert role(ev, "agent") == {"country:north_korea"} and role(ev, "patient") == {"person:megumi_yokota"}


def test_what_the_news_reports_is_dated_by_the_story():
    text = ("TOKYO, June 3, 2014 (Kyodo) -- Chief Cabinet Secretary Yoshihide Suga said the government "
            "will ease sanctions on North Korea.")
    evs = events(text)
    said = next(e for e in evs if e["type"] == "statement")
    assert said["date"] == "2014-06-03" and role(said, "agent") == {"person:yoshihide_suga"}
    ease = next(e for e in evs if e["type"] == "ease")
    assert ease["modality"] == "hypothetical" and ease["date"] == "2014-06-03"


def test_a_participle_that_describes_is_no_event():
    evs = events("The returned abductees met reporters in Tokyo on 20 October 2002.")
    assert [e["type"] for e in evs] == ["meet"]


def test_found_is_the_past_of_find():
    evs = events("A wooden boat was found drifting off Sado Island on 3 December 2017.")
    assert [e["type"] for e in evs] == ["other"]


def test_planned_and_barred_events_are_not_facts():
    ev = next(e for e in events("Japan will ban all imports from North Korea from 14 October 2006.")
              if e["type"] == "sanction")
    assert ev["modality"] == "hypothetical"
    ev = next(e for e in events("In 1959 the returnees were barred from returning to Japan.") if e["type"] == "migrate")
    assert ev["modality"] == "negated"


def test_a_time_after_the_object_of_a_verb_of_now_is_the_object_event_s():
    """'Japan welcomes the adoption ... on 14 October': the adoption is of 14 October; the welcome is today's."""
    evs = events("Japan welcomes the adoption of the resolution by the Security Council on 14 October 2006.",
                 dct="2006-10-15")
    by = {e["type"]: e for e in evs}
    assert by["resolution"]["date"] == "2006-10-14" and by["statement"]["date"] == "2006-10-15"


def test_one_occurrence_told_twice_is_one_event_with_a_mention():
    text = ("Japan Bans Imports From North Korea\n\n"
            "TOKYO, Oct. 11, 2006 (Kyodo) -- Japan banned all imports from North Korea on Wednesday. "
            "Japan's ban on imports from North Korea on Wednesday was its first such step.\n")
    evs = events(text)
    kept = [e for e in evs if "mention_of" not in e and e["type"] == "sanction"]
    assert len(kept) == 1
    ban = kept[0]
    assert ban["date"] == "2006-10-11" and ban["text"].startswith("banned")
    repeats = [e for e in evs if e.get("mention_of") == ban["id"]]
    assert repeats and all(r["date"] == ban["date"] for r in repeats)
    assert sorted(m for m, _ in ban["mentions"]) == sorted(r["start"] for r in repeats)


def test_a_temporal_clause_dates_the_main_clause():
    got = kinds("After North Korea tested a nuclear device on 9 October 2006, Japan imposed sanctions on it.")
    # (after that day, how long after unsaid: its month)
    assert ("weapons_test", "2006-10-09") in got and ("sanction", "2006-10") in got


def test_a_reaction_takes_the_date_of_what_it_reacts_to():
    got = kinds("Tokyo condemned North Korea's April 2012 rocket launch.")
    assert ("accuse", "2012-04") in got and ("weapons_test", "2012-04") in got


def test_motion_with_a_destination_is_a_migration():
    ev = next(e for e in events("In 1960 Pak Chol-su went to North Korea with his family.") if e["type"] == "migrate")
    assert ev["date"] == "1960" and "country:north_korea" in role(ev, "location")


def test_undated_events_stay_only_as_relations():
    """No date in the text or the story: a timeline has no place for it, the network keeps who acted on whom."""
    assert kinds("The association later criticized the new rules.") == []
    assert kinds("Japan criticized North Korea.") == [("accuse", None)]


def test_who_acts_decides_the_kind_of_event():
    """A court that rejects rules; 'launched' a committee founds it; a leader who travels visits."""
    assert ("legal", "2017-07-19") in kinds("On 19 July 2017 the Hiroshima District Court rejected the claim.")
    assert ("found", "2014-07-04") in kinds("On 4 July 2014 the North launched a Special Investigation Committee.")
    assert ("weapons_test", "2014-07-04") not in kinds("On 4 July 2014 the North launched a Special Investigation Committee.")
    assert ("meet", "2004-05") in kinds("In May 2004, Prime Minister Junichiro Koizumi returned to North Korea.")


def test_a_time_before_a_noun_modifies_it_only_through_modifiers():
    """'from its founding in 1955 until his death': 1955 is the founding's, not the death's."""
    got = kinds("Han Duk-su led Chongryon from its founding in 1955 until his death in 2001.")
    assert ("found", "1955") in got and ("leader", "1955") not in got


def test_a_time_that_opens_a_clause_after_and_is_that_clause_s():
    got = kinds("Pyongyang welcomed the plan within weeks, and in February 1959 the Kishi cabinet approved it.")
    assert ("resolution", "1959-02") in got and ("statement", "1959-02") not in got


def test_a_place_left_is_where_the_move_began_not_who_was_moved():
    ev = next(e for e in events("In 1960 about 49,000 people left Japan for North Korea.") if e["type"] == "migrate")
    assert role(ev, "location") == {"country:japan", "country:north_korea"} and not role(ev, "patient")


def test_some_verbs_need_a_subject_of_a_kind_and_some_subjects_undergo():
    assert kinds("In 2019 the old community was disappearing.") == []
    ev = next(e for e in events("Megumi Yokota disappeared in 1977.") if e["type"] == "abduct")
    assert role(ev, "patient") == {"person:megumi_yokota"} and not role(ev, "agent")
    assert ("other", "1963") in kinds("Her father died in 1963.")


def test_a_particle_makes_another_verb():
    assert ("migrate", "2010") not in kinds("In 2010 the government left the Korean schools out of the program.")


def test_possessors_are_not_the_actors_of_their_head():
    ev = next(e for e in events("In 2005 Megumi Yokota's parents called for sanctions.") if e["type"] == "demand")
    assert "person:megumi_yokota" not in role(ev, "agent")


def test_a_habit_has_no_day_but_a_speech_act_is_the_page_s():
    assert kinds("TOKYO, June 3, 2014 (Kyodo) -- The ferry sails to Wonsan twice a year.") == []
    assert ("demand", "2014-06-03") in kinds(
        "TOKYO, June 3, 2014 (Kyodo) -- Japan strongly urges North Korea to return the abductees.")


def test_an_event_dated_after_the_page_is_planned():
    ev = next(e for e in events("TOKYO, June 3, 2014 (Kyodo) -- The two sides meet in Beijing on June 20.")
              if e["type"] == "meet")
    assert ev["date"] == "2014-06-20" and ev["modality"] == "hypothetical"


def test_following_an_event_told_before_takes_its_date():
    got = kinds("The UN Security Council adopted a resolution on 12 June 2009. Japan banned exports. "
                "Following the resolution, the North said it would start enriching uranium.")
    assert ("threaten", "2009-06") in got      # (after its day: its month)


def test_a_pronoun_opening_a_sentence_goes_on_about_the_last_subject():
    evs = events("Kim Jong-nam was arrested at Narita on 1 May 2001 while Prime Minister Junichiro Koizumi "
                 "was in Tokyo. He was deported to China on 4 May 2001.")
    deported = next(e for e in evs if e["text"] == "deported")
    assert role(deported, "patient") == {"person:kim_jong_nam"}


def test_the_government_of_an_official_document_is_the_one_it_speaks_for():
    evs = events("The Government of Japan imposed sanctions on North Korea in 2006. "
                 "The following measures have been announced by the Government on 5 April 2013.")
    announced = next(e for e in evs if e["type"] == "statement")
    assert role(announced, "agent") == {"gov:japan"}


def test_an_infinitive_before_its_verb_belongs_to_a_noun():
    got = kinds("Their efforts to normalize relations failed in 2002.")
    assert ("reject", "2002") in got and not any(t == "agree" for t, _ in got)


def test_what_is_released_decides_the_kind_of_release():
    assert ("statement", "2017-09-27") in kinds("A photo of the woman was released by a civic group on 27 September 2017.")
    assert ("release", "2002-10-15") in kinds("North Korea released five abductees on 15 October 2002.")


def test_a_dossier_s_range_of_dates_in_the_notes_is_no_letter():
    text = ("The Cabinet decided the matter in 1959.[1]\n\nNotes\n\n"
            "[1] Memo on repatriation, 3.7.1959-12.8.1959, Foreign Ministry archives, box 4.\n"
            "[2] Sato to Lee, 3 May 1960, private papers.\n")
    notes_at = text.index("Notes")
    in_notes = [e for e in events(text) if e["start"] > notes_at]
    assert [(e["type"], e["date"]) for e in in_notes] == [("statement", "1960-05-03")]


def test_a_body_named_by_its_country_s_adjective_acts_for_the_country():
    ev = next(e for e in events("Megumi Yokota was abducted by North Korean agents in 1977.") if e["type"] == "abduct")
    assert role(ev, "agent") == {"country:north_korea"}
    assert next(p for p in ev["participants"] if p["role"] == "agent")["via"] == "demonym"


def test_what_is_announced_can_be_an_agreement():
    assert ("agree", "2002-09") in kinds("In September 2002 the two leaders announced the Pyongyang Declaration.")


def test_a_habit_or_a_generic_truth_of_the_present_is_on_no_day():
    assert kinds("TOKYO, June 3, 2014 (Kyodo) -- The organization rarely says. Numbers tell part of the story.") == []


def test_a_headline_dated_by_the_page_is_a_telling_of_the_body_s_event():
    text = ("Pyongyang Returns Remains to Japan\n\n"
            "TOKYO, March 28, 2005 (Kyodo) -- Last November, North Korea returned to Japan remains it said "
            "were those of an abductee.\n")
    evs = events(text)
    kept = [e for e in evs if "mention_of" not in e and e["type"] == "release"]
    assert len(kept) == 1 and kept[0]["date"] == "2004-11"
    assert all(e["date"] == "2004-11" for e in evs if e["type"] == "release")


def test_a_summit_s_parties_and_place_and_coordinated_leaders():
    evs = events("TOKYO, June 11, 2018 -- At the Japan-U.S. summit meeting held in Washington last week, "
                 "Prime Minister Shinzo Abe and President Donald Trump shared the view.")
    summit = next(e for e in evs if e["type"] == "meet")
    assert role(summit, "agent") == {"country:japan", "country:united_states"}
    assert role(summit, "location") == {"place:washington"}
    view = next(e for e in evs if e["type"] == "agree")
    assert role(view, "agent") == {"person:abe", "person:trump"}


def test_the_relative_clause_that_dates_an_event_noun_names_who_did_it():
    ev = next(e for e in events("The project grew out of a campaign that Chongryon launched in August 1958.")
              if e["type"] == "demand")
    assert ev["date"] == "1958-08" and role(ev, "agent") == {"org:chongryon"}


def test_an_untensed_complement_happens_when_its_verb_does():
    """'went shopping ..., when someone seized her': the seizure is on the outing's day."""
    got = kinds("In 1977 the girl went shopping in her town, when agents seized her and took her to North Korea.",
                dct="2004-07-13")
    assert ("abduct", "1977") in got and ("abduct", "2004-07-13") not in got


def test_a_temporal_clause_goes_on_with_the_story():
    """'Shortly after they announced the accord' continues a story told of 1998, not the page's day."""
    text = ("Japan and Peru held talks in Lima in May 1998. Shortly after they announced an accord, "
            "a crisis erupted.")
    got = kinds(text, dct="2021-03-02")
    assert ("agree", "1998-05") in got and ("agree", "2021-03-02") not in got


def test_a_new_paragraph_of_a_news_story_is_the_news_again():
    """A story of last week told in one paragraph does not keep the next paragraph off the page's day."""
    text = ("Tokyo, June 16 - Japan banned all exports to North Korea on Tuesday.\n\n"
            "China pledged last week to enforce tougher sanctions.\n\n"
            "In Tokyo, the cabinet approved the trade ban amid fears of a third nuclear test.")
    got = kinds(text, dct="2009-06-16")
    assert ("sanction", "2009-06-16") in [k for k in got if k[0] == "sanction"][-1:]


def test_an_office_named_in_a_statement_makes_the_government_its_issuer():
    """A statement that only says 'the Government' speaks for the state whose office issued it."""
    text = ("Statement by the Chief Cabinet Secretary\n\nMonday, March 3, 2014\n\n"
            "The following measures have been announced by the Government today.")
    ev = next(e for e in events(text) if e["type"] == "statement")
    assert role(ev, "agent") == {"gov:japan"}


def test_a_measure_targets_the_state_its_phrase_names():
    ev = next(e for e in events("The ban on port calls by ships registered in North Korea has been in force since May 2007.")
              if e["type"] == "sanction")
    assert role(ev, "patient") == {"country:north_korea"} and not role(ev, "agent")


def test_the_antecedent_of_which_is_no_agent_of_the_noun_before_it():
    """'the embargo on goods from China, which has held since 2009': China did not impose it."""
    ev = next(e for e in events("The ban on imports from China, which has been in place since March 2009, will be lifted.")
              if e["type"] == "sanction")
    assert "country:china" not in role(ev, "agent")
    assert ev["date"] == "2009-03" and ev.get("modality", "asserted") == "asserted"


def test_an_event_noun_fronting_its_clause_is_done_by_the_subject():
    ev = next(e for e in events("In Friday's ruling, the Osaka High Court said the law applied.", dct="2019-05-10")
              if e["type"] == "legal")
    assert role(ev, "agent") == {"org:osaka_high_court"}


def test_a_resolution_named_after_its_body_is_adopted_by_it():
    text = "Japan welcomed United Nations Security Council (UNSC) Resolution 2397, which was adopted on December 22."
    ev = next(e for e in events(text, dct="2017-12-23") if e["type"] == "resolution")
    assert role(ev, "agent") == {"org:unsc"}


def test_a_meeting_of_a_body_is_held_by_it():
    ev = next(e for e in events("A plenum of the Workers' Party of Korea opened on June 8, 2021.") if e["type"] == "meet")
    assert role(ev, "agent") == {"org:wpk"}


def test_a_relative_clause_does_not_move_the_story_to_its_time():
    """'Megumi, who was taken in 1977 and died in 1994': the story stays in the main clause's time."""
    text = ("In November 2004, Pyongyang handed over remains of a girl who was kidnapped in 1977 and died in 1994. "
            "Tokyo announced the remains were not hers.")
    got = kinds(text, dct="2005-03-28")
    assert ("other", "1994") in got and ("statement", "1994") not in got


def test_saying_force_will_be_used_is_a_threat():
    ev = next(e for e in events("Pyongyang said it would resume enriching uranium for nuclear weapons.", dct="2016-03-02"))
    assert ev["type"] == "threaten" and role(ev, "agent") == {"gov:north_korea"}
    assert [e["type"] for e in events("He said he would visit Tokyo in May.", dct="2016-03-02")][0] == "statement"


def test_a_purpose_goes_on_through_its_coordinate():
    """'issued to warn the public and urge them to leave': neither is an occurrence of its own."""
    assert not [e for e in events("Sirens are sounded to warn the towns and urge people to take cover.", dct="2020-05-05")
                if e["type"] == "demand"]


def test_a_participle_describing_a_statement_is_part_of_it():
    got = kinds("On March 4, 1993, the cabinet issued a statement expressing regret over the dispute.", dct="2001-01-01")
    assert got.count(("statement", "1993-03-04")) == 1 and all(d == "1993-03-04" for _, d in got)


def test_what_is_suspected_is_not_done_on_the_day_of_the_arrest():
    got = kinds("Police will arrest him on Friday on suspicion of smuggling 30 kilograms of gold, sources said.",
                dct="2015-06-03")
    assert not [k for k in got if k[0] == "other"]


def test_money_moving_is_no_migration():
    assert not [e for e in events("Money moved through banks and couriers for decades.", dct="2011-02-03")
                if e["type"] == "migrate"]
    got = kinds("Thousands of families moved to North Korea in 1960.")
    assert ("migrate", "1960") in got


def test_a_news_story_without_a_date_tells_of_the_day_its_weekday_names():
    """No dateline date, but a caption dates the photo and 'on Wednesday' the ruling: what
    people said in the story was said that day."""
    text = ("Court rejects claim\n\nPlaintiffs outside the court, March 9, 2022. (Photo)\n\n"
            "OSAKA -- A court on Wednesday rejected a claim by former students. "
            "Judge Ken Arata also said the school had no case. "
            "Their lawyer, Aya Mori, said they would appeal.")
    said = [e for e in events(text) if e["type"] == "statement"]
    assert said and all(e["date"] == "2022-03-09" for e in said)


def test_words_said_inside_a_noun_phrase_are_no_news():
    """'abuses they said they suffered': a contact clause, not a statement of the day."""
    got = kinds("A court on Monday rejected a suit over abuses they said they suffered in the camps.",
                dct="2022-03-21")
    assert ("statement", "2022-03-21") not in got


def test_a_quote_opening_inside_a_verb_group():
    text = "The paper reported that Kim had “expressed his deep sympathy” to the victims."
    s = analyze_sentence(text)
    verbs = [c.predicate.head.text for c in s.clauses if c.predicate is not None]
    assert "expressed" in verbs and "had" not in verbs


def test_the_court_is_the_court_named_before():
    ev = [e for e in events("The Sendai District Court heard the suit in 2019. The court dismissed the suit in May 2021.")
          if e["type"] == "legal"][-1]
    assert role(ev, "agent") == {"org:sendai_district_court"}


def test_the_organization_is_the_last_one_named():
    ev = next(e for e in events("Mindan was set up in 1946. In 1948 the organization was reorganized.")
              if e["date"] == "1948")
    assert role(ev, "patient") == {"org:mindan"}


def test_a_name_cut_at_its_inner_preposition_still_acts():
    ev = next(e for e in events("The Headquarters for the Abduction Issue, created in September 2006, "
                                "meets monthly.") if e["type"] == "found")
    assert role(ev, "patient") == {"org:abduction_hq"}


def test_a_quoted_title_states_no_event_and_keeps_no_time():
    got = kinds('Mori will publish a memoir, “The Women Who Sailed to Chongjin,” on Friday.', dct="2019-06-18")
    assert got == [("statement", "2019-06-21")]


def test_a_person_travelling_somewhere_visits_it():
    got = kinds("In 1990, a senior party official, Ren Kaido, travelled to Pyongyang for talks.")
    assert ("meet", "1990") in got and ("migrate", "1990") not in got
    assert not [k for k in kinds("He arrived on a morning flight, travelling with two aides.", dct="2001-05-04")
                if k[0] == "meet"]


def test_this_summit_is_the_summit_told_before():
    text = ("In September 2002, Koizumi held a summit with Kim Jong-il in Pyongyang. Earlier talks in 1999 had failed. "
            "During this summit, Kim apologized for the abductions.")
    evs = events(text, dct="2015-01-01")
    sorry = next(e for e in evs if e["type"] == "apologize")
    assert sorry["date"] == "2002-09"
    repeat = next(e for e in evs if e["text"] == "summit")
    assert repeat.get("mention_of") and role(repeat, "agent") == {"person:koizumi"}


def test_a_comma_alone_makes_no_list_of_actors():
    ev = next(e for e in events("At the 2002 summit with Prime Minister Koizumi, Kim Jong-il said the issue was regretful.",
                                dct="2015-01-01") if e["type"] == "statement")
    assert role(ev, "agent") == {"person:kim_jong_il"} and "person:koizumi" not in role(ev, "patient")


def test_a_country_adjective_on_an_event_noun_names_who_did_it():
    ev = next(e for e in events("Talks stopped after a second North Korean satellite launch in December 2012.")
              if e["type"] == "weapons_test")
    assert role(ev, "agent") == {"country:north_korea"}


def test_a_relative_clause_time_does_not_move_the_story():
    text = ("In September 2002 the talks produced a declaration under which Pyongyang agreed to extend the "
            "moratorium on missile tests that began in 1999. In return, Koizumi apologized for the occupation.")
    got = kinds(text, dct="2017-01-01")
    assert ("apologize", "2002-09") in got and ("apologize", "1999") not in got


def test_extending_measures_is_a_sanction_and_extending_a_hand_none():
    assert kinds("The cabinet extended those measures by two years in April 2021.") == [("sanction", "2021-04")]
    assert kinds("Japan extended its hand to Seoul in 2021.") == []


def test_stopping_grants_or_visits_is_a_measure():
    got = kinds("In 2003 the ferry's visits were suspended for seven months amid protests.")
    assert ("sanction", "2003") in got and ("reject", "2003") not in got


def test_a_phrase_inside_a_verb_group():
    ev = next(e for e in events("(2) North Korean ships will in principle be barred from all ports.", dct="2016-02-10")
              if e["type"] == "sanction")
    assert ev["modality"] == "hypothetical" and ev["date"] == "2016-02-10"


def test_a_body_founded_in_a_list_of_bodies():
    text = ("Families joined the Association of the Families of Victims Kidnapped by North Korea (AFVKN), founded in "
            "March 1997.")
    ev = next(e for e in events(text, dct="2020-01-01") if e["type"] == "found")
    assert ev["date"] == "1997-03" and role(ev, "patient") == {"org:kazokukai"}
    assert not [e for e in events(text, dct="2020-01-01") if e["type"] == "abduct"]


def test_a_yes_no_question_tells_nothing():
    assert kinds("Q: Has North Korea responded to the protests?", dct="2016-02-10") == []


def test_a_particle_ends_a_weak_verb_and_market_closes_are_no_dissolution():
    assert kinds("The agency cannot rule out foreign involvement.", dct="2019-09-14") == []
    assert kinds("The headmaster is not giving up.", dct="2019-09-14") == []
    assert kinds("The share index closed down 0.1% on Friday.", dct="2019-09-14") == []


def test_a_birth_is_an_event_only_of_someone_named():
    assert kinds("Nearly all of the pupils were born in Japan.", dct="2019-09-14") == []
    assert ("other", "1939") in kinds("Mitsuko Harada is a retired nurse. Born in Tokyo in 1939, Harada moved "
                                      "to Sapporo as a child.")


def test_going_missing_is_undergone_and_dated_by_its_own_phrase():
    ev = next(e for e in events("Kaoru Tanabe went missing in 1977."))
    assert ev["type"] == "abduct" and ev["date"] == "1977" and role(ev, "patient") == {"person:kaoru_tanabe"}


def test_proceeding_to_launch_is_launching():
    got = kinds("North Korea has proceeded to launch missiles in May and July 2016.", dct="2017-01-01")
    assert ("weapons_test", "2016-05") in got and ("weapons_test", "2016-07") in got


def test_blocking_shipments_is_a_measure_and_blocking_a_resolution_a_refusal():
    assert kinds("In 2004 the government blocked rice shipments.") == [("sanction", "2004")]
    assert ("reject", "2017") in kinds("China blocked the draft in 2017.")


def test_not_until_a_time_is_done_then():
    ev = next(e for e in events("Japan did not join the United Nations until Dec. 18, 1956."))
    assert ev["date"] == "1956-12-18" and ev.get("modality", "asserted") == "asserted"


def test_never_x_or_y_denies_both():
    got = [(e["type"], e.get("modality")) for e in events("Japan has never apologized or paid compensation.",
                                                          dct="2016-02-12")]
    assert ("apologize", "negated") in got and ("aid", "negated") in got


def test_would_keep_pressing_is_intended():
    ev = next(e for e in events("Kishida said Tokyo would keep pressing for the return of the abductees.",
                                dct="2023-05-01") if e["type"] == "demand")
    assert ev["modality"] == "hypothetical"


def test_a_habit_is_on_no_one_day():
    assert kinds("To date, the sanctions have been extended annually.", dct="2013-04-05") == []


def test_a_headline_in_the_present_is_the_news_of_the_day():
    text = "Japan bans exports to North Korea\n\nJapan has banned all exports to North Korea."
    assert all(e["date"] == "2009-06-16" for e in events(text, dct="2009-06-16") if e["type"] == "sanction")


def test_he_goes_on_about_the_main_subject_even_without_an_event():
    text = ("Kim Yo-jong said on March 25 that talks were possible. On February 8, Kim Jong-un promised that he "
            "would not hold dialogue with Seoul. He said he would not hesitate to use his military might.")
    ev = [e for e in events(text, dct="2024-03-25") if e["type"] == "threaten"][-1]
    assert role(ev, "agent") == {"person:kim_jong_un"}


def test_each_measure_in_a_planned_list_is_an_event():
    got = [(e["type"], e["modality"]) for e in events(
        "Tokyo will lift its ban on travel, ease the reporting rules on cash and allow ships to enter its ports.",
        dct="2014-05-29") if "mention_of" not in e]
    assert got == [("ease", "hypothetical")] * 3


def test_carrying_out_a_test_and_threats_of_countermeasures():
    ev = next(e for e in events("North Korea has not carried out a seventh nuclear test.", dct="2016-02-12"))
    assert ev["type"] == "weapons_test" and ev["modality"] == "negated"
    ev = next(e for e in events("The DPRK will take stronger countermeasures.", dct="2016-02-12"))
    assert ev["type"] == "threaten" and ev["modality"] == "hypothetical"
    ev = next(e for e in events("Japan will pay a dear price for its crimes.", dct="2016-02-12"))
    assert ev["type"] == "threaten" and role(ev, "patient") == {"country:japan"}


def test_the_two_sides_are_the_two_states_named_before():
    text = "Japan and North Korea held talks in Stockholm in May 2014. The two sides agreed on a new inquiry."
    ev = next(e for e in events(text, dct="2014-05-30") if e["type"] == "agree")
    assert role(ev, "agent") == {"country:japan", "country:north_korea"}


def test_a_company_carrying_people_is_no_patient_of_their_move():
    ev = next(e for e in events("He arrived at Narita from Singapore on a Japan Airlines flight on Thursday.",
                                dct="2001-05-04") if e["type"] == "migrate")
    assert not [p for p in ev["participants"] if p["role"] == "patient" and p["entity"].startswith("org:")]


def test_a_figure_given_is_said_and_its_year_is_the_clause_after_the_semicolon():
    text = ("The security agency estimated in 2015 that the group had roughly 150,000 members; a year later "
            "the agency gave a figure of at most 70,000.")
    assert kinds(text, dct="2018-02-02") == [("statement", "2015"), ("statement", "2016")]


def test_left_out_of_a_program_is_no_migration():
    text = "In 2010 the government introduced free tuition, but it left the schools run by the group out of the program."
    assert not [k for k in kinds(text, dct="2018-02-02") if k[0] == "migrate"]


def test_a_relative_clause_on_the_main_clause_sets_the_story():
    text = ("The project grew out of a campaign that the association launched in August 1958. Pyongyang welcomed "
            "the idea within weeks.")
    assert ("statement", "1958-08") in kinds(text, dct="2021-03-14")


def test_two_leaders_joined_by_a_hyphen_hold_their_summit():
    text = ("Prime Minister Junichiro Koizumi met Kim Jong-il in Pyongyang in 2002. Not long after the first "
            "Koizumi-Kim summit was held, talks stalled.")
    ev = next(e for e in events(text, dct="2015-01-01") if e["text"] == "summit was held")
    assert role(ev, "agent") == {"person:koizumi", "person:kim_jong_il"}


def test_an_anonymous_attribution_after_the_news_is_no_event():
    got = kinds("Police are expected to search the office on Wednesday, the sources said.", dct="2001-11-27")
    assert ("statement", "2001-11-27") not in got and ("legal", "2001-11-28") in [(k, d) for k, d in got]
    assert ("statement", "2001-11-27") in kinds("Talks will resume in May, Abe said.", dct="2001-11-27")


def test_felt_threatened_is_a_state():
    assert not [k for k in kinds("He would use force if he felt threatened.", dct="2024-03-25") if k[0] == "threaten"]


def test_a_court_finding_is_a_ruling_and_only_a_leader_s_death_a_succession():
    assert kinds("On 3 March 2021 the Osaka District Court found that the city had acted lawfully.") == [
        ("legal", "2021-03-03")]
    assert kinds("Shigeru Yokota died in June 2020.") == [("other", "2020-06")]
    assert kinds("Kim Il Sung died in July 1994.") == [("leader", "1994-07")]


def test_two_times_joined_by_and_date_one_clause_twice():
    got = kinds("North Korea launched missiles in April and December 2012 and also conducted a nuclear test in "
                "February 2013.")
    assert ("weapons_test", "2012-04") in got and ("weapons_test", "2012-12") in got and ("weapons_test", "2013-02") in got


def test_a_dated_attribution_is_news_of_its_own():
    assert ("statement", "2001-11-27") in kinds("Police may search the office on Wednesday, investigation sources "
                                                "said Tuesday.", dct="2001-11-28")


def test_saying_one_will_not_act_is_a_refusal():
    assert kinds("On 8 February 2024, Kim Jong-un promised that he would not hold dialogue with Seoul.") == [
        ("reject", "2024-02-08")]
    assert kinds("Kishida promised on 3 May 2023 that Japan would help the victims.") == [("statement", "2023-05-03")]


def test_a_relative_clause_on_an_apposition_is_about_the_name():
    ev = next(e for e in events("Kaoru Hasuike, a student who had disappeared in 1978, returned in 2002.")
              if e["type"] == "abduct")
    assert ev["date"] == "1978" and role(ev, "patient") == {"person:kaoru_hasuike"}


def test_a_dna_test_is_no_weapons_test():
    assert not [k for k in kinds("DNA tests carried out in Japan in December 2004 showed the remains were not hers.")
                if k[0] == "weapons_test"]
    assert ("weapons_test", "2006-10") in kinds("North Korea conducted its first nuclear test in October 2006.")


def test_talks_just_before_an_announcement_are_in_its_month():
    text = "After three days of talks in Stockholm, the two governments announced an accord on May 29, 2014."
    assert ("meet", "2014-05") in kinds(text, dct="2014-05-30")
    text = ("Abe met the families on September 28, 2017. After the meeting, the lower house was dissolved for an "
            "election in October.")
    assert ("meet", "2017-10") not in kinds(text, dct="2017-09-29")


def test_a_feature_s_present_attribution_and_a_personal_will_not_are_no_events():
    text = 'Sun-hee Pak left Japan in 1960. "I could not bear it," she says. Pak says she will not go back.'
    got = kinds(text, dct="2019-12-14")
    assert got.count(("statement", "2019-12-14")) == 1 and ("reject", "2019-12-14") not in got


def test_promising_an_inquiry_commits_to_it():
    assert kinds("In May 2014 North Korea promised a new investigation.") == [("agree", "2014-05")]


def test_a_story_of_last_autumn_goes_on_through_its_announcements():
    text = ("Last November, Pyongyang returned remains said to be those of a woman who was taken in 1977 and "
            "allegedly died in 1994. Tokyo ran tests on the remains and announced they were not hers.")
    got = kinds(text, dct="2005-03-28")
    assert ("statement", "2004-11") in got and ("statement", "1994") not in got and ("statement", "2005-03-28") not in got


def test_founding_needs_a_body_and_concluding_an_agreement():
    assert kinds("In 1960 Chongryon established a strong presence in Osaka.") == []
    assert kinds("In 2007 the negotiators established a working group.") == [("found", "2007")]
    assert kinds("Japan and South Korea established diplomatic relations in 1965.") == [("agree", "1965")]
    assert not [k for k in kinds("In 2015 the letter concluded by saying that the group would prosper.")
                if k[0] == "agree"]
    assert ("leader", "2012") in kinds("It is the first message Kim has sent since taking power in 2012.",
                                       dct="2024-01-08")


def test_a_returned_abductee_is_no_return():
    assert kinds("Charles Jenkins, the husband of returned abductee Hitomi Soga, arrived in Japan in 2004.") == [
        ("migrate", "2004")]


def test_in_an_official_statement_a_measure_is_the_issuing_government_s():
    text = ("Statement by the Chief Cabinet Secretary\n\nFriday, April 5, 2013\n\n"
            "In view of this, the following measures have been decided by the Government today. "
            "Firstly, the ban on all imports from North Korea will be extended.")
    ev = next(e for e in events(text) if e["type"] == "sanction")
    agent = [p for p in ev["participants"] if p["role"] == "agent"]
    assert [p["entity"] for p in agent] == ["gov:japan"] and agent[0]["via"] == "issuer"
    assert role(ev, "patient") == {"country:north_korea"}


def test_the_trade_ban_is_the_ban_told_before_and_on_the_same_state():
    text = "Japan banned all exports to North Korea on June 16, 2009. In Tokyo, the cabinet approved the trade ban."
    ev = [e for e in events(text) if e["type"] == "sanction"][-1]
    assert "country:north_korea" in role(ev, "patient")


def test_a_relative_clause_on_an_aged_apposition_is_about_the_name():
    text = "A plaintiff, Kaoru Chimura, 79, an ethnic Korean who was born in Japan in 1943, spoke to reporters."
    ev = next(e for e in events(text, dct="2022-03-23") if e["type"] == "other")
    assert role(ev, "patient") == {"person:chimura_kaoru"}


def test_agreed_between_the_two_countries():
    text = "Japan and North Korea began talks in 1958. A draft was agreed between the two countries on 24 June 1959."
    ev = next(e for e in events(text) if e["type"] == "agree")
    assert role(ev, "agent") == {"country:japan", "country:north_korea"}


def test_the_first_time_since_is_now_and_once_before():
    got = kinds("It was the first time North Korea has fired a missile over Japan since Sept. 15, 2017.",
                dct="2022-10-04")
    assert ("weapons_test", "2022-10-04") in got and ("weapons_test", "2017-09-15") in got


def test_he_after_an_unnamed_person_is_no_one_named_before():
    text = ('Asked about it, Mr Koizumi said: "We will decide carefully." The man was detained at the airport. '
            "He said he wanted to visit Disneyland. Police took him into custody.")
    evs = events(text, dct="2001-05-03")
    assert not [e for e in evs[1:] if "person:koizumi" in role(e, "agent") | role(e, "patient")]


def test_ordered_dissolved_is_one_time():
    got = kinds("The League was ordered dissolved by the government in September 1949.", dct="2021-01-03")
    assert ("dissolve", "1949-09") in got and ("demand", "1949-09") in got
