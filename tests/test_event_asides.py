"""What states no event: a wish, a verb of saying that attributes a description inside a
relative clause, and an attribution by 'it' or 'they' after what it reports.

Every sentence here was written for these tests.
"""
from __future__ import annotations

from kankei.pipeline import extract


def kinds(text: str, dct: str = "2013-04-05") -> list[tuple[str, str]]:
    recs = [r for r in extract(text, doc="t", dct=dct).records() if r["kind"] == "event" and "mention_of" not in r]
    return [(r["type"], r["text"]) for r in recs]


def test_a_wish_is_no_event_but_a_plan_is_a_planned_one():
    assert kinds("He said on Monday he wanted to visit Osaka in May.") == [("statement", "said")]
    assert kinds("She hoped to celebrate the new year with her family.") == []
    assert ("sanction", "impose") in kinds("Japan plans to impose sanctions on North Korea next month.")


def test_saying_inside_a_relative_clause_attributes_and_states_nothing():
    assert kinds("Five people sued the state on Monday over abuses they said they suffered.") == [("legal", "sued")]
    assert ("statement", "said") not in kinds("They sought redress on Monday over what they said was illegal detention.")
    # the subject of 'who said' is the one who speaks
    assert ("statement", "said") in kinds("Kim Jong-il, who said on Monday that he would resign, left.")


def test_it_or_they_after_what_is_reported_only_point_at_the_source():
    text = "The court ruled on Monday that the claims had expired, it said."
    assert ("statement", "said") not in kinds(text)
    text = 'Abe met Trump on Monday. "We agreed on everything," he said.'
    assert ("statement", "said") in kinds(text)


def test_saying_one_will_act_on_a_condition_is_a_threat():
    text = "During talks in March 2015, Japan indicated that it would restore the ban if no progress was made."
    assert ("threaten", "indicated") in kinds(text, "2016-01-01")
    assert ("threaten", "said") not in kinds("Japan said on Monday that it would lift the ban.", "2016-01-01")


def test_hearsay_of_a_passive_saying_verb_is_no_statement():
    assert ("statement", "said") not in kinds("Little is known of his son, said to be the heir to the leader.")


def test_permission_to_act_is_the_act_and_permission_to_go_home_a_release():
    evs = kinds("North Korea allowed 150 Japanese fans to visit Pyongyang for the match on Tuesday.")
    assert not any(t == "release" for t, _ in evs) and any(t == "meet" for t, _ in evs)
    assert ("release", "allowed") in kinds("North Korea allowed the five abductees to return to Japan in 2002.")
    assert any(t == "release" for t, _ in kinds("In 1968 a last group was allowed to depart."))


def test_a_bare_participle_of_saying_glosses_its_clause_but_by_admitting_is_an_act():
    text = "In 1994 the union dropped the word from its name, acknowledging that its members had settled."
    assert not any(t in ("apologize", "statement") for t, _ in kinds(text))
    assert ("apologize", "admitting") in kinds("In 2002 Kim Jong-il shocked Japan by admitting that agents had kidnapped 13 people.")


def test_a_body_must_be_the_subject_s_head_to_close_down():
    assert kinds("The Nikkei share average closed down 0.1% on Friday.", "2022-11-18") == []
    assert ("dissolve", "closed down") in kinds("Chogin Tokyo closed down in 2001.")


def test_what_the_writer_infers_is_no_event_and_may_have_is_hedged():
    assert kinds("People all over Japan must be celebrating the reunion tonight.") == []
    recs = [r for r in extract("North Korea may have launched a missile on Monday.", doc="t", dct="2022-11-18").records()
            if r["kind"] == "event"]
    assert [(r["type"], r.get("modality", "asserted"), r.get("hedged")) for r in recs] == [("weapons_test", "asserted", True)]


def test_aid_stopped_is_a_measure_taken():
    assert ("sanction", "stopped paying its annual subsidy") in kinds("The city stopped paying its annual subsidy in 2011.")


def test_one_person_fighting_is_no_war_and_states_fighting_are():
    assert not any(t == "war" for t, _ in kinds("Sakie Yokota, 88, said on Monday that she would keep fighting."))
    assert ("war", "fought") in kinds("In 1950 North Korea fought South Korea.")


def test_executions_expulsions_and_vows_are_events():
    assert ("legal", "executed") in kinds("In 2013 Kim Jong-un executed his uncle Jang Song-thaek.")
    assert ("legal", "expelled") in kinds("In 2001 Japan expelled Kim Jong-nam to China.")
    assert ("statement", "pledged") in kinds("Abe pledged on Monday to bring all abductees home.")


def test_two_verbs_of_one_act_are_one_event_and_as_x_indicates_is_no_act():
    evs = kinds("In 2002 Kim Jong-il acknowledged and apologized for the abductions.")
    assert [t for t, _ in evs].count("apologize") == 1
    evs = kinds("Statement by the Chief Cabinet Secretary. North Korea launched a missile today. The Government "
                "of Japan has lodged a protest with North Korea on each occasion and condemns these acts.", "2016-02-10")
    assert [t for t, _ in evs].count("accuse") == 2     # (a perfect of a period and today's condemnation)
    assert ("statement", "indicates") not in kinds("As the diary of Ashida indicates, in 1956 a meeting debated it.")
