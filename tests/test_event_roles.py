"""Who takes part in an event: possessors that own the acting body, kin who do not act,
places named by an 'of' phrase or narrowed by the region after them, and roles read again
when a check changes the event's type.

Every sentence here was written for these tests.
"""
from __future__ import annotations

from event_probe import events, role, the
from kankei.analyze import analyze
from kankei.pipeline import extract


def test_the_owner_of_an_acting_body_acts():
    ev = the("In 1978 North Korea's agents kidnapped a hairdresser on the coast.", "kidnapped")
    assert role(ev, "agent") == {"country:north_korea"}
    ev = the("The fisherman was abducted by North Korea's agents in 1980.", "abducted")
    assert role(ev, "agent") == {"country:north_korea"}


def test_the_owner_of_kin_does_not_act_for_them():
    assert role(the("In 1999 Yokota's parents met Koizumi in Tokyo.", "met"), "agent") == set()
    ev = the("The eldest son of Kim Jong-il was detained in 2001.", "detained")
    assert "person:kim_jong_il" not in role(ev, "patient") | role(ev, "agent")
    ev = the("In 2012, Abe met with Kim Jong-il's daughter in Beijing.", "met")
    assert "person:kim_jong_il" not in role(ev, "patient")


def test_the_owner_of_what_is_disputed_is_the_other_party():
    ev = the("In 2005 North Korea rejected Japan's proposal for new talks.", "rejected")
    assert role(ev, "agent") == {"country:north_korea"}
    assert role(ev, "patient") == {"country:japan"}


def test_an_of_phrase_after_a_noun_of_places_locates_the_event():
    ev = the("In 1977 agents kidnapped the girl in her hometown of Niigata.", "kidnapped")
    assert "place:niigata" in role(ev, "location")


def test_the_region_after_a_place_only_says_where_the_place_is():
    ev = the("Mindan was founded in 1946 in Tokyo, Japan.", "founded")
    assert role(ev, "location") == {"place:tokyo"}
    ev = the("In 1990 Kanemaru visited Tokyo, Osaka and Kyoto.", "visited")
    assert {"place:tokyo", "place:osaka", "place:kyoto"} <= role(ev, "location")


def test_a_type_changed_by_its_object_reads_its_roles_again():
    # a government moves no one, but it hands things back
    ev = the("Pyongyang returned the ashes to Japan in November 2004.", "returned")
    assert ev["type"] == "release"
    assert role(ev, "agent") == {"gov:north_korea"}


def test_a_measure_naming_no_target_is_aimed_at_the_other_state_of_the_story():
    text = ("North Korea fired a ballistic missile on Monday. It was North Korea's third launch this month. "
            "On Tuesday Japan condemned the launch and extended its sanctions by a year.")
    for etype, via in (("accuse", "antecedent"), ("sanction", "context")):
        ev = next(e for e in events(text) if e["type"] == etype)
        assert role(ev, "patient") == {"country:north_korea"}
        assert {p.get("via") for p in ev["participants"] if p["role"] == "patient"} == {via}


def test_a_measure_by_an_actor_of_no_known_state_gets_no_guessed_target():
    text = "North Korea fired a missile on Monday. On Tuesday the alliance imposed new sanctions."
    assert role(next(e for e in events(text) if e["type"] == "sanction"), "patient") == set()


def test_a_ship_barred_is_what_the_measure_is_done_to():
    ev = the("In July 2006 Tokyo barred the Mangyongbong-92 from Japanese ports.", "barred")
    assert "vessel:mangyongbong_92" in role(ev, "patient")


def test_an_of_phrase_goes_with_the_phrase_it_follows():
    ev = the("In 2022 Kishida met with the leaders of South Korea, Australia and Canada in Bangkok.", "met")
    assert role(ev, "agent") == {"person:kishida_fumio"}
    assert {"country:south_korea", "country:australia", "country:canada"} <= role(ev, "patient")


def test_a_parenthesized_acronym_stays_inside_its_noun_phrase():
    text = ("Fumio Kishida, who was in Bangkok for the Asia-Pacific Economic Cooperation (APEC) summit, "
            "convened an emergency meeting on Friday.")
    ev = next(e for e in events(text) if e["type"] == "meet" and "convened" in e["text"])
    assert role(ev, "agent") == {"person:kishida_fumio"}


def test_a_one_word_name_the_tagger_takes_for_a_verb_is_read_as_a_name():
    text = "Jenkins allegedly fled to China in 1970."
    assert analyze(text, 0, len(text)).tokens[0].tag == "VBZ"      # (what the tagger alone says)
    assert analyze(text, 0, len(text), [(0, 7)]).tokens[0].tag == "NNP"
    ev = next(e for e in events("Peter Jenkins was a sergeant. " + text) if e["type"] == "migrate")
    assert [a for a in role(ev, "agent") if "jenkins" in a]


def test_they_after_two_who_acted_together_is_both():
    text = "Koizumi and Kim Jong-il met in Pyongyang in September 2002. Soon after, they signed the declaration."
    ev = next(e for e in events(text) if e["type"] == "agree")
    assert role(ev, "agent") == {"person:koizumi", "person:kim_jong_il"}


def test_a_coordinate_clause_s_subject_takes_no_name_from_the_clause_before():
    text = ("Talks resumed in 2000, as Japan resumed food aid to North Korea and Pyongyang engaged in "
            "negotiations with Washington.")
    evs = events(text)
    aid = next(e for e in evs if e["type"] == "aid")
    assert role(aid, "patient") == {"country:north_korea"}      # not Pyongyang, the next clause's subject
    talks = next(e for e in evs if e["text"] == "engaged in negotiations")
    assert role(talks, "agent") == {"gov:north_korea"}
    ev = the("In May, Russia and China, which vetoed the draft in 2022, objected.", "vetoed")
    assert role(ev, "agent") == {"country:russia", "country:china"}


def test_a_name_qualifying_a_noun_is_not_where_the_event_happened():
    ev = the("In last week's Japan-U.S. summit meeting, Abe explained the issue.", "explained", "2018-06-11")
    assert role(ev, "location") == set()
    ev = the("Han died at a Tokyo hospital on 20 February 2001.", "died")
    assert role(ev, "location") == {"place:tokyo"}
    ev = next(e for e in events("The summit will be held in Singapore tomorrow.", "2018-06-11") if e["type"] == "meet")
    assert role(ev, "location") == {"country:singapore"}


def test_a_surname_of_a_person_named_before_is_the_person_not_the_city():
    ev = the("Eiko Kawasaki, 79, spoke in Tokyo on Monday. Kawasaki also urged the court to act quickly.", "urged")
    assert role(ev, "agent") == {"person:eiko_kawasaki"}
    ev = the("Eiko Kawasaki spoke on Monday. In 1990 she moved to Kawasaki.", "moved to")
    assert role(ev, "location") == {"place:kawasaki"}


def test_a_journey_is_read_in_a_sentence_with_no_other_trigger():
    ev = the("In 1990, a top Liberal Democratic Party official, Shin Kanemaru, traveled to Pyongyang.", "traveled")
    assert role(ev, "agent") == {"person:kanemaru"}     # the official named in apposition, not his party
    assert ev["date"] == "1990"


def test_a_verb_coordinated_after_a_relative_clause_s_shared_passive_stays_in_it():
    text = ('"It is over," said a plaintiff, Eiko Kawasaki, 79, an ethnic Korean who was born and raised '
            "in Japan and went to the North in 1960.")
    ev = the(text, "went")
    assert role(ev, "agent") == {"person:eiko_kawasaki"}


def test_a_security_council_resolution_in_a_government_statement_is_on_the_state_it_is_about():
    text = ("Statement by the Chief Cabinet Secretary. North Korea conducted a nuclear test on 12 February 2013. "
            "The Government of Japan strongly protests. The Security Council adopted Resolution 2094 on "
            "7 March 2013, and the Government today decided to extend its measures.")
    ev = next(e for e in events(text, "2013-04-05") if e["type"] == "resolution")
    assert "country:north_korea" in role(ev, "patient")


def test_reaching_a_country_is_a_journey_but_a_missile_that_could_reach_it_is_none():
    ev = the("Pak Sun-hui crossed into China in 2003. A year later, in 2004, Pak reached Japan.", "reached")
    assert ev["type"] == "migrate" and role(ev, "location") == {"country:japan"}
    assert not [e for e in events("The alert sounds when a missile is launched that could reach Japan's territory.")
                if e["type"] == "migrate"]


def test_was_dissolved_and_replaced_is_a_passive():
    ev = the("On 25 May 1955 Minsen was dissolved and replaced by a new federation.", "dissolved")
    assert ev["type"] == "dissolve" and ev["date"] == "1955-05-25"


def test_a_name_whose_first_word_the_tagger_misreads_is_still_one_name():
    ev = the("Han Duk-su led the body until 2001. Han Duk-su was succeeded by So Man-sul in 2001.", "succeeded")
    assert role(ev, "agent") == {"person:so_man_sul"}
    # ('the Peninsula': an article opening a name stays an article)
    ev = the("Japan assumed control over Korea, formally annexing the Peninsula in 1910.", "annexing")
    assert ev["date"] == "1910" and "place:korea" in role(ev, "patient")


def test_a_protest_at_a_definite_act_is_aimed_at_who_did_it():
    text = ("SEOUL, March 3 -- North Korea fired two missiles on Tuesday, South Korea's military said. "
            "Seoul and Washington held drills last week. Abe condemned the launch on Tuesday. "
            "Tokyo also lodged a protest through diplomatic channels in Beijing.")
    evs = events(text, "2020-03-03")
    condemned = next(e for e in evs if e["text"] == "condemned")
    assert role(condemned, "patient") == {"country:north_korea"}
    protest = next(e for e in evs if e["type"] == "accuse" and e is not condemned)
    assert {p["entity"].split(":")[1] for p in protest["participants"] if p["role"] == "patient"} == {"north_korea"}


def test_a_named_body_owned_by_a_state_acts_itself_and_a_foreign_envoy_summoned_is_the_other_party():
    ev = the("Japan's Foreign Ministry summoned a North Korean official on Friday.", "summoned")
    assert role(ev, "agent") == {"org:mofa_japan"}
    assert role(ev, "patient") == {"country:north_korea"}


def test_it_in_what_a_body_says_is_that_body():
    text = ("On Thursday a court ordered the General Association of Korean Residents in Japan to pay damages. "
            "The association said it would appeal the ruling.")
    ev = next(e for e in events(text, "2023-11-20") if e["text"] == "appeal")
    assert ev["type"] == "legal" and role(ev, "agent") == {"org:chongryon"}
    said = next(e for e in events(text, "2023-11-20") if e["type"] == "statement")
    assert role(said, "agent") == {"org:chongryon"}     # 'the association': the body whose name it heads


def test_a_tokyo_court_the_court_and_the_leaders():
    ev = the("TOKYO -- A Tokyo court on Wednesday rejected a suit filed by five people.", "rejected", "2022-03-23")
    assert role(ev, "agent") == {"org:tokyo_district_court"}
    ev = the("Eiko Kawasaki sued the Tokyo District Court in 2018. Kawasaki also urged the court to act on Monday.", "urged")
    assert role(ev, "patient") == {"org:tokyo_district_court"}
    text = ("At the summit between Shinzo Abe and Donald Trump, which was held in Washington last week, "
            "the leaders shared the view that they would coordinate.")
    assert role(the(text, "shared the view", "2018-06-11"), "agent") == {"person:abe", "person:trump"}


def test_could_have_been_if_is_a_counterfactual():
    ev = the("The lawmaker claimed the players could have been kidnapped if they had won.", "kidnapped", "2011-11-29")
    assert ev["modality"] == "hypothetical"


def test_the_prime_minister_is_the_person_last_named_with_that_title():
    text = "Prime Minister Shinzo Abe met the families on Monday. The prime minister said his cabinet would act."
    ev = next(e for e in events(text, "2017-09-28") if e["type"] == "statement")
    assert role(ev, "agent") == {"person:abe"}
    text = "North Korean leader Kim Jong-un watched the launch on Monday. The leader said he would go on."
    ev = next(e for e in events(text, "2017-09-28") if e["type"] == "statement")
    assert role(ev, "agent") == {"person:kim_jong_un"}


def test_a_refusal_is_aimed_at_whom_the_refused_act_was_with_and_the_foreign_ministry_is_japan_s():
    ev = the("On February 8, Kim Jong-un promised that he would not hold dialogue with South Korea.", "promised",
             "2024-03-25")
    assert ev["type"] == "reject" and role(ev, "patient") == {"country:south_korea"}
    ev = the("Koizumi summoned an emergency meeting of foreign ministry officials on Monday.",
             "summoned an emergency meeting", "2001-05-03")
    assert "org:mofa_japan" in role(ev, "agent") | role(ev, "patient")


def test_a_place_owning_the_next_only_says_where_that_one_is():
    ev = the("Kim Jong-nam arrived at Tokyo's Narita International Airport on Thursday.", "arrived", "2001-05-03")
    assert "place:tokyo" not in role(ev, "location")


def test_a_meeting_held_between_two_is_theirs_but_a_noun_s_between_phrase_is_the_noun_s():
    text = ("The summit was held in Pyongyang on 17 September 2002 between Prime Minister Junichiro Koizumi "
            "and Chairman Kim Jong-il.")
    ev = next(e for e in events(text) if e["type"] == "meet" and "mention_of" not in e)
    assert {"person:koizumi", "person:kim_jong_il"} <= role(ev, "agent")
    ev = the("Koizumi and Kim Jong-il met in Pyongyang in 2002 for the first summit between Japan and North Korea.",
             "met")
    assert role(ev, "agent") == {"person:koizumi", "person:kim_jong_il"}


def test_what_only_a_person_does_after_a_relative_on_a_person_is_that_persons():
    ev = the("Tokyo received the remains of Kenji Aoki, who was taken to the North in 1980, and died there "
             "in 1995.", "died", "2005-01-01")
    assert role(ev, "agent") | role(ev, "patient") == {"person:aoki_kenji"}
    # what any body can do stays the main clause's
    ev = the("Tokyo received the remains of Kenji Aoki, who was taken to the North in 1980, and protested "
             "in 2004.", "protested", "2005-01-01")
    assert "person:aoki_kenji" not in role(ev, "agent") | role(ev, "patient")


def test_phrases_set_off_by_commas_describe_the_subject_named_first():
    text = ("Shigeru Yokota, father of Megumi, the 13-year-old taken from a Niigata street in November 1977, "
            "died in June 2020.")
    ev = the(text, "died", "2021-01-01")
    assert role(ev, "agent") | role(ev, "patient") == {"person:shigeru_yokota"}
    s = analyze("Koizumi admitted for the first time that agents had abducted citizens.")
    assert [c.relation for c in s.clauses if c.predicate is not None and c.predicate.lemma == "abduct"] \
        == ["complement"]
    # a date before a colon is no subject
    ev = the("1945 Oct. 15: The League of Koreans in Japan (Choryon) is formed in Tokyo.", "formed", "2021-01-01")
    assert role(ev, "patient") == {"org:choren"}


def test_an_abduction_told_with_no_doer_is_by_the_side_the_story_said_abducts():
    text = ("North Korea admitted in 2002 that it had abducted 13 Japanese in the 1970s and 1980s. "
            "Kaori Tanaka was kidnapped in Niigata in 1978.")
    ev = the(text, "kidnapped", "2005-01-01")
    assert role(ev, "agent") & {"country:north_korea", "gov:north_korea"}
    assert role(ev, "patient") == {"person:kaori_tanaka"}
    # with no such act told before, no doer is made up
    ev = the("Kaori Tanaka was kidnapped in Niigata in 1978.", "kidnapped", "2005-01-01")
    assert role(ev, "agent") == set()


def test_an_arrest_told_with_no_doer_is_by_the_police_the_story_named():
    text = ("The Metropolitan Police Department searched the firm on Monday. Its president, Kim Sang-ho, was "
            "arrested on Tuesday.")
    ev = the(text, "arrested", "2018-06-10")
    assert role(ev, "agent") == {"org:mpd_tokyo"}
    assert role(the("Its president, Kim Sang-ho, was arrested on Tuesday.", "arrested", "2018-06-10"),
                "agent") == set()


def test_a_name_right_after_a_dateline_dash_written_without_spaces_is_a_name():
    text = "AOMORI--Kaori Tanaka was afraid when the alarm sounded. She said on Tuesday she did not know what to do."
    ev = the(text, "said", "2022-10-05")
    assert role(ev, "agent") == {"person:kaori_tanaka"}
    # a word inside a hyphenated word still starts no name
    recs = [r for r in extract("The pro-Pyongyang group said so.", doc="t").records() if r["kind"] == "entity"]
    assert [r["text"] for r in recs] == ["Pyongyang"]
