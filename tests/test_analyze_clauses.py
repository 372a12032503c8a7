"""Clauses of kankei.analyze on sentences written for these tests, in the style of the field's news."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from clause_helpers import clause, span
from kankei.analyze import analyze


def test_active_past_with_object_and_pps():
    s = analyze("Japan imposed sanctions on North Korea on Tuesday.")
    c = clause(s, "impose")
    p = c.predicate
    assert (p.voice, p.tense, p.negated, p.modal, p.finite) == ("active", "past", False, None, True)
    assert span(s, c.subject) == "Japan"
    assert [span(s, o) for o in c.objects] == ["sanctions"]
    assert [(pp.prep.text, pp.head.text) for pp in c.pps] == [("on", "Korea"), ("on", "Tuesday")]
    assert span(s, c.pps[0].np) == "North Korea"
    assert c.parent is None and c.relation is None


def test_passive_with_agent():
    s = analyze("Megumi Yokota was abducted by North Korean agents in 1977.")
    c = clause(s, "abduct")
    assert c.predicate.voice == "passive" and c.predicate.tense == "past"
    assert span(s, c.predicate) == "was abducted"
    assert span(s, c.subject) == "Megumi Yokota"
    assert span(s, c.agent) == "North Korean agents" and c.agent.head.text == "agents"
    assert not c.objects


def test_complement_clause_keeps_its_own_time():
    text = "North Korea admitted in 2002 that it had abducted 13 Japanese citizens in the 1970s."
    s = analyze(text)
    admit, abduct = clause(s, "admit"), clause(s, "abduct")
    assert abduct.parent is admit and abduct.relation == "complement" and abduct.marker.text == "that"
    assert abduct.predicate.aspect == "perfect" and abduct.predicate.voice == "active"
    assert span(s, abduct.subject) == "it"
    assert [span(s, o) for o in abduct.objects] == ["13 Japanese citizens"]
    assert [span(s, pp.np) for pp in admit.pps] == ["2002"]
    assert [span(s, pp.np) for pp in abduct.pps] == ["the 1970s"]
    # the innermost clause of each date is the one it belongs to
    assert s.clause_of(text.index("2002")) is admit
    assert s.clause_of(text.index("1970s")) is abduct


def test_future_with_will():
    s = analyze("The government will ban all imports from the North.")
    c = clause(s, "ban")
    assert c.predicate.tense == "future" and c.predicate.modal is None
    assert span(s, c.subject) == "The government" and c.subject.head.text == "government"
    assert [span(s, o) for o in c.objects] == ["all imports"]
    assert c.pps[0].after is c.objects[0]          # "imports from the North": a candidate noun attachment


def test_negation_with_do_support():
    s = analyze("Pyongyang did not respond.")
    c = clause(s, "respond")
    assert c.predicate.negated and c.predicate.tense == "past"
    assert span(s, c.predicate) == "did not respond"
    assert span(s, c.subject) == "Pyongyang"


def test_relative_clause_and_reported_speech():
    s = analyze("Abe, who met Trump in April, said the talks would resume.")
    say, meet, resume = clause(s, "say"), clause(s, "meet"), clause(s, "resume")
    assert span(s, say.subject) == "Abe" and say.parent is None
    assert meet.relation == "relative" and meet.parent is say and meet.marker.text == "who"
    assert span(s, meet.subject) == "Abe" and span(s, meet.antecedent) == "Abe"
    assert [span(s, o) for o in meet.objects] == ["Trump"]
    assert resume.relation == "complement" and resume.parent is say
    assert span(s, resume.subject) == "the talks"
    assert resume.predicate.modal == "would"


def test_infinitive_takes_the_controller_as_subject():
    s = analyze("Kim agreed to visit Tokyo next year.")
    agree, visit = clause(s, "agree"), clause(s, "visit")
    assert visit.parent is agree and visit.relation == "infinitive"
    assert visit.predicate.form == "infinitive" and not visit.predicate.finite
    assert span(s, visit.subject) == "Kim"
    assert [span(s, o) for o in visit.objects][0] == "Tokyo"


def test_object_control():
    s = analyze("Tokyo urged Pyongyang to return the abductees.")
    assert span(s, clause(s, "return").subject) == "Pyongyang"


def test_failed_to_marks_the_complement_negated():
    s = analyze("North Korea failed to launch the satellite.")
    assert clause(s, "launch").predicate.negated
    assert not clause(s, "fail").predicate.negated


def test_coordinated_verbs_share_the_subject():
    s = analyze("Kim arrived in Tokyo on Monday and met Abe.")
    meet = clause(s, "meet")
    assert meet.relation == "coordinate" and meet.parent is clause(s, "arrive")
    assert span(s, meet.subject) == "Kim" and meet.shared_subject
    assert [span(s, o) for o in meet.objects] == ["Abe"]


def test_coordinated_clauses_with_their_own_subjects():
    s = analyze("Tokyo lifted some sanctions, and Pyongyang reopened the investigation.")
    assert span(s, clause(s, "reopen").subject) == "Pyongyang"
    assert [span(s, o) for o in clause(s, "lift").objects] == ["some sanctions"]


def test_reporting_clause_after_the_quote_is_the_main_clause():
    s = analyze("North Korea test-fired two missiles into the sea on Sunday, the ministry said.")
    say, fire = clause(s, "say"), clause(s, "test-fire")
    assert say.parent is None and fire.parent is say and fire.relation == "complement"
    assert span(s, say.subject) == "the ministry"
    assert span(s, fire.subject) == "North Korea"


def test_subordinate_clause_before_the_main_clause():
    s = analyze("When Koizumi visited Pyongyang in 2002, Kim apologized for the abductions.")
    visit, apologize = clause(s, "visit"), clause(s, "apologize")
    assert visit.relation == "adverbial" and visit.parent is apologize
    assert span(s, apologize.subject) == "Kim" and span(s, visit.subject) == "Koizumi"


def test_relative_clause_without_commas_closes_at_the_main_verb():
    s = analyze("The agents who abducted her were arrested in Seoul.")
    arrest = clause(s, "arrest")
    assert span(s, arrest.subject) == "The agents" and arrest.predicate.voice == "passive"
    assert clause(s, "abduct").parent is arrest


def test_reduced_relatives():
    s = analyze("The ship carrying 100 people left Niigata after the government lifted the ban.")
    carry, leave, lift = clause(s, "carry"), clause(s, "leave"), clause(s, "lift")
    assert carry.relation == "relative" and span(s, carry.subject) == "The ship"
    assert span(s, leave.subject) == "The ship"
    assert lift.relation == "adverbial" and lift.marker.text == "after" and lift.parent is leave
    s = analyze("Dozens of citizens abducted by agents in the 1970s remain missing.")
    abduct = clause(s, "abduct")
    assert abduct.predicate.voice == "passive" and abduct.relation == "relative"
    assert span(s, abduct.agent) == "agents"


def test_future_forms_aspect_and_modals():
    s = analyze("Tokyo is to lift some sanctions, and Pyongyang is going to reopen the investigation.")
    assert clause(s, "lift").predicate.tense == "future"
    assert clause(s, "reopen").predicate.tense == "future"
    s = analyze("Japan has been considering new sanctions since North Korea's nuclear test.")
    p = clause(s, "consider").predicate
    assert (p.tense, p.aspect) == ("present", "perfect-progressive")
    s = analyze("The families said they had not been told about the decision.")
    p = clause(s, "tell").predicate
    assert (p.voice, p.aspect, p.negated) == ("passive", "perfect", True)
    s = analyze("The court ruled that Chongryon must pay the damages.")
    assert clause(s, "pay").predicate.modal == "must"


def test_noun_phrases_with_possessives_and_of():
    text = "North Korea's leader met the mother of the abductee."
    s = analyze(text)
    np = s.np_at(text.index("leader"))
    assert span(s, np) == "North Korea's leader" and np.head.text == "leader"
    assert span(s, np.possessor) == "North Korea"
    assert span(s, s.np_at(text.index("mother"))) == "the mother"   # "of" stays a prepositional phrase
    meet = clause(s, "meet")
    assert [(pp.prep.text, span(s, pp.np)) for pp in meet.pps] == [("of", "the abductee")]
    assert s.np_at(text.index(" met")) is None


def test_participle_as_adjective_is_no_clause():
    s = analyze("The returned abductees met the prime minister.")
    assert [c.predicate.lemma for c in s.clauses] == ["meet"]
    assert span(s, clause(s, "meet").subject) == "The returned abductees"


def test_clause_spans_nest():
    text = "Abe said Japan would impose sanctions if North Korea launched another missile."
    s = analyze(text)
    say, impose, launch = clause(s, "say"), clause(s, "impose"), clause(s, "launch")
    assert say.start <= impose.start and impose.end <= say.end
    assert launch.relation == "adverbial" and launch.parent is impose
    assert s.clause_of(text.index("another")) is launch
    assert s.clause_of(text.index("Abe")) is say


def test_opening_participle_shares_the_main_subject():
    s = analyze("Speaking to reporters in Tokyo, Abe said the sanctions would stay.")
    speak, say = clause(s, "speak"), clause(s, "say")
    assert speak.relation == "adverbial" and speak.parent is say
    assert span(s, speak.subject) == "Abe" and speak.shared_subject
    assert span(s, say.subject) == "Abe"


def test_reporting_clause_after_a_nested_quote():
    s = analyze("The man told police that he was the son of the leader, the news agency reported.")
    report, tell = clause(s, "report"), clause(s, "tell")
    assert report.parent is None and span(s, report.subject) == "the news agency"
    assert tell.parent is report and tell.relation == "complement"


def test_participle_after_a_noun_is_a_reduced_relative():
    s = analyze("Kim spoke at a party meeting held in Pyongyang in December.")
    hold = clause(s, "hold")
    assert hold.relation == "relative" and hold.predicate.voice == "passive"
    assert span(s, hold.subject) == "a party meeting"
    assert clause(s, "speak").parent is None


def test_coordinated_prepositional_objects():
    s = analyze("She often talks with her family and neighbors about the evacuation.")
    talk = clause(s, "talk")
    assert [(pp.prep.text, span(s, pp.np)) for pp in talk.pps] == [
        ("with", "her family"), ("with", "neighbors"), ("about", "the evacuation")]
    assert not talk.objects


def test_dateline_before_the_subject():
    s = analyze("TOKYO -- Kazuko Sato became afraid when the alarm sounded.")
    assert span(s, clause(s, "become").subject) == "Kazuko Sato"


def test_subjects_are_not_taken_from_prepositional_phrases():
    s = analyze("Since then North Korea has repeatedly refused to talk.")
    refuse = clause(s, "refuse")
    assert span(s, refuse.subject) == "North Korea"
    assert clause(s, "talk").predicate.negated


def test_coordinate_clause_after_a_pp_keeps_its_subject_out_of_the_objects():
    s = analyze("The families moved to the North in 1960, and the period of limitation had passed, the court said.")
    say, move, pass_ = clause(s, "say"), clause(s, "move"), clause(s, "pass")
    assert say.parent is None and move.parent is say
    assert pass_.relation == "coordinate" and span(s, pass_.subject) == "the period"
    assert not move.objects
    assert pass_.predicate.tense == "past" and pass_.predicate.aspect == "perfect"


def test_commas_before_the_predicate_do_not_make_a_report():
    s = analyze('Kenji Mori, a lawyer for the families, said they decided to appeal because "the court did not listen."')
    say, decide, listen = clause(s, "say"), clause(s, "decide"), clause(s, "listen")
    assert say.parent is None and span(s, say.subject) == "Kenji Mori"
    assert decide.parent is say and decide.relation == "complement"
    assert listen.relation == "adverbial" and listen.marker.text == "because" and span(s, listen.subject) == "the court"
    assert listen.predicate.negated


def test_subject_waiting_across_a_nested_relative():
    s = analyze("The plaintiffs, including former residents who had fled the North, filed the lawsuit in 2018.")
    file_ = clause(s, "file")
    assert file_.parent is None and span(s, file_.subject) == "The plaintiffs"
    assert [span(s, o) for o in file_.objects] == ["the lawsuit"]


WORDS = ["Japan", "North", "Korea", "'s", "said", "that", "who", "which", "the", "a", "was", "abducted", "by",
         "will", "not", "to", "visit", "and", "but", ",", ".", "(", ")", '"', "in", "1977", "had", "been",
         "meeting", "held", "agents", "Abe", "met", "talks", "when", "after", "is", "going", "what", "--"]


@given(st.lists(st.sampled_from(WORDS), max_size=30), st.integers(0, 5))
@settings(max_examples=200, deadline=None)
def test_any_word_sequence_gives_consistent_spans(words, pad):
    text = "x" * pad + " " + " ".join(words)
    start = pad + 1
    s = analyze(text, start, len(text))
    assert all(text[t.start:t.end] == t.text and start <= t.start for t in s.tokens)
    for c in s.clauses:
        assert start <= c.start <= c.end <= len(text)
        assert c.parent is None or c.parent in s.clauses
        chain, p = set(), c
        while p is not None:                      # parents never loop
            assert id(p) not in chain
            chain.add(id(p))
            p = p.parent
        for ph in (c.subject, *c.objects, *(pp.np for pp in c.pps)):
            assert ph is None or text[ph.start:ph.end].strip()
    for ch in s.chunks:
        assert s.np_at(ch.start) is ch


def test_empty_and_punctuation_only_spans():
    assert analyze("   ", 0, 3).clauses == []
    s = analyze("...", 0, 3)
    assert all(c.predicate is None for c in s.clauses)


def test_coordinated_subjects_are_listed():
    s = analyze("Japan and South Korea signed the treaty in 1965 and restored ties.")
    sign, restore = clause(s, "sign"), clause(s, "restore")
    assert [span(s, p) for p in sign.subjects] == ["Japan", "South Korea"]
    assert span(s, sign.subject) == "Japan"
    assert [span(s, p) for p in restore.subjects] == ["Japan", "South Korea"]
    one = analyze("Abe met Kim.")
    assert [span(one, p) for p in clause(one, "meet").subjects] == ["Abe"]


def test_gerund_complement_takes_the_subject():
    s = analyze("He tried repairing the damage by sending five abductees home.")
    repair = clause(s, "repair")
    assert repair.parent is clause(s, "try") and span(s, repair.subject) == "He"
    assert [span(s, o) for o in repair.objects] == ["the damage"]


def test_reporting_verb_after_a_title_and_a_name():
    s = analyze('"The samples are unreliable," university analyst Taro Yamada told a reporter.')
    tell = clause(s, "tell")
    assert tell.parent is None and span(s, tell.subject) == "Taro Yamada"
    assert clause(s, "be").parent is tell
    assert [span(s, o) for o in tell.objects] == ["a reporter"]


def test_coordinate_clause_after_a_prepositional_phrase():
    s = analyze("The families called for sanctions against the North and the government blocked rice shipments.")
    block = clause(s, "block")
    assert block.relation == "coordinate" and span(s, block.subject) == "the government"
    assert [span(s, pp.np) for pp in clause(s, "call").pps] == ["sanctions", "the North"]


def test_negation_before_the_verb_group():
    for text, lemma in (("Kim Jong Un never visited Japan.", "visit"),
                        ("North Korea no longer allows Japanese visitors.", "allow"),
                        ("Tokyo agreed not to raise the issue.", "raise")):
        s = analyze(text)
        assert clause(s, lemma).predicate.negated, text
    s = analyze("North Korea also allows visitors.")
    assert not clause(s, "allow").predicate.negated


def test_found_drifting_and_barred_from_returning():
    s = analyze("A wooden boat was found drifting off the coast of Akita on Friday.")
    drift = clause(s, "drift")
    assert drift.parent is clause(s, "find") and span(s, drift.subject) == "A wooden boat"
    s = analyze("The wives were barred from returning to Japan for decades.")
    ret = clause(s, "return")
    assert ret.relation == "adverbial" and ret.marker.text == "from" and ret.parent is clause(s, "bar")
    assert clause(s, "bar").predicate.voice == "passive"


def test_subordinate_clause_whose_subject_has_a_pp():
    s = analyze("As the clash in the peninsula became severe, the leftist faction took control of the group.")
    become, take = clause(s, "become"), clause(s, "take")
    assert become.relation == "adverbial" and become.parent is take and become.marker.text == "As"
    assert span(s, become.subject) == "the clash" and span(s, take.subject) == "the leftist faction"


def test_but_after_a_participle_coordinates_with_the_finite_clause():
    s = analyze("The group was dispersed by the government for joining protests led by the party, "
                "but managed to reorganize in 1955.")
    manage = clause(s, "manage")
    assert manage.relation == "coordinate" and manage.parent is clause(s, "disperse")
    assert span(s, manage.subject) == "The group"


def test_a_lone_participle_in_a_full_sentence_is_the_main_predicate():
    s = analyze("Chongryon also often served as a channel for propaganda.")
    serve = clause(s, "serve")
    assert serve.parent is None and serve.predicate.finite and span(s, serve.subject) == "Chongryon"
    s = analyze("Son of leader detained in Japan")            # a headline keeps its participle
    assert clause(s, "detain").predicate.voice == "passive"


def test_a_capitalized_hyphenated_modifier_stays_in_its_chunk():
    text = "The pro-North Korea community was dispersed."
    s = analyze(text)
    assert span(s, s.np_at(text.index("community"))) == "The pro-North Korea community"


def test_infinitive_of_a_noun_is_not_the_predicate():
    s = analyze("After the efforts to normalize relations failed in 2002, the relationship floundered.")
    flounder, fail, normalize = clause(s, "flounder"), clause(s, "fail"), clause(s, "normalize")
    assert flounder.parent is None and span(s, flounder.subject) == "the relationship"
    assert fail.relation == "adverbial" and fail.parent is flounder and fail.predicate.finite
    assert normalize.relation == "infinitive" and span(s, normalize.antecedent) == "the efforts"


def test_title_and_name_in_coordinated_subjects():
    s = analyze("Prime Minister Junichiro Koizumi and North Korean leader Kim Jong Il met in Pyongyang.")
    meet = clause(s, "meet")
    assert [span(s, p) for p in meet.subjects] == ["Prime Minister Junichiro Koizumi", "Kim Jong Il"]


def test_chunks_break_only_before_time_adjectives():
    text = "The second North Korean nuclear crisis erupted, and Kim agreed to visit Tokyo next year."
    s = analyze(text)
    assert span(s, s.np_at(text.index("crisis"))) == "The second North Korean nuclear crisis"
    assert span(s, s.np_at(text.index("Tokyo"))) == "Tokyo"
    assert span(s, s.np_at(text.index("year"))) == "next year"


def test_nationality_nouns_and_dates_before_names():
    s = analyze("The Japanese allowed U.S. troops to use a dozen airfields.")
    allow = clause(s, "allow")
    assert span(s, allow.subject) == "The Japanese" and [span(s, o) for o in allow.objects] == ["U.S. troops"]
    assert span(s, clause(s, "use").subject) == "U.S. troops"
    s = analyze("On Jan. 22 Asahi Shimbun, reduced to a maid, invented a rumor about the army.")
    invent = clause(s, "invent")
    assert span(s, invent.subject) == "Asahi Shimbun" and [span(s, o) for o in invent.objects] == ["a rumor"]


def test_subject_after_a_long_opening_phrase_with_appositions():
    s = analyze("At a meeting with Taro Sato, the leader of the families of victims taken by agents, "
                "and others, in Tokyo, Abe said the cabinet would stay.")
    say = clause(s, "say")
    assert say.parent is None and span(s, say.subject) == "Abe"
    assert clause(s, "stay").parent is say


def test_place_and_date_appositions_stay_in_their_prepositional_phrase():
    s = analyze("A wooden boat was seen at a marina in Yurihonjo, Akita Prefecture, on Nov. 24, 2017.")
    see = clause(s, "see")
    assert not see.objects
    assert [(pp.prep.text, span(s, pp.np)) for pp in see.pps] == [
        ("at", "a marina"), ("in", "Yurihonjo"), ("in", "Akita Prefecture"), ("on", "Nov. 24"), ("on", "2017")]


def test_subordinate_clause_with_a_relative_inside_its_subject():
    s = analyze("As residents in areas where the boats appeared are expressing concern, the police are stepping up patrols.")
    step, worry = clause(s, "step"), clause(s, "express")
    assert step.parent is None and span(s, step.subject) == "the police"
    assert worry.relation == "adverbial" and worry.parent is step
    assert clause(s, "appear").relation == "relative"


def test_participle_right_after_a_passive_is_its_complement():
    s = analyze("An unmanned boat was found washed up on a rocky beach.")
    wash = clause(s, "wash")
    assert wash.parent is clause(s, "find") and span(s, wash.subject) == "An unmanned boat"


def test_participle_after_a_determiner_modifies_a_name():
    text = "The police searched the failed Chogin Tokyo credit union."
    s = analyze(text)
    assert span(s, s.np_at(text.index("failed"))) == "the failed Chogin Tokyo credit union"
    assert [c.predicate.lemma for c in s.clauses] == ["search"]


def test_inverted_reporting_clause_after_a_quote():
    s = analyze('"The history teaches that it is impossible to improve relations," said Kim Yo-jong.')
    say = clause(s, "say")
    assert say.parent is None and span(s, say.subject) == "Kim Yo-jong" and not say.objects and say.inverted
    assert clause(s, "teach").parent is say
    s = analyze("Agents abducted 13 people in the 1970s.")
    assert span(s, clause(s, "abduct").subject) == "Agents"


def test_name_after_a_title_inside_a_prepositional_phrase():
    s = analyze("Kim Yo-jong, sister of North Korean leader Kim Jong-un, said the talks would fail.")
    say = clause(s, "say")
    assert span(s, say.subject) == "Kim Yo-jong"
    assert [span(s, pp.np) for pp in say.pps] == ["North Korean leader", "Kim Jong-un"]


def test_dateline_with_agency_then_subject():
    s = analyze("Pyongyang, January 26 (KCNA) -- Conservative media of Japan are getting more hostile.")
    assert span(s, clause(s, "get").subject) == "Conservative media"


def test_month_then_name():
    s = analyze("Early in January Jiji Press talked about the leadership.")
    talk = clause(s, "talk")
    assert span(s, talk.subject) == "Jiji Press" and [span(s, pp.np) for pp in talk.pps][0] == "January"


def test_verbs_the_web_treebank_saw_as_nouns_and_adverbs_inside_noun_phrases():
    s = analyze("Japan and Korea share a history of exchange and conflict.")
    share = clause(s, "share")
    assert [span(s, p) for p in share.subjects] == ["Japan", "Korea"]
    text = "As part of an effort to build an economically self-sufficient empire, Japan invested in industry."
    s = analyze(text)
    invest = clause(s, "invest")
    assert invest.parent is None and span(s, invest.subject) == "Japan" and invest.predicate.finite
    assert span(s, s.np_at(text.index("economically"))) == "an economically self-sufficient empire"


def test_today_is_no_part_of_the_noun_before_it():
    s = analyze("The measures were announced by the Cabinet today.")
    assert span(s, clause(s, "announce").agent) == "the Cabinet"


def test_a_relative_clause_with_no_pronoun_of_its_own():
    s = analyze("The court heard claims over abuses they said they suffered in the camps.")
    said = clause(s, "say")
    assert said.relation == "relative" and said.marker is None
    s = analyze("Tokyo told the embassy it would close the port.")
    assert clause(s, "close").relation == "complement"


def test_a_known_name_is_one_noun_phrase():
    text = "A campaign led by the League of Families Taken by Force grew quickly."
    name = text.index("League"), text.index(" grew")
    s = analyze(text, 0, len(text), names=[name])
    verbs = [c.predicate.head.text for c in s.clauses if c.predicate is not None]
    assert "Taken" not in verbs and "grew" in verbs


def test_a_participle_after_a_named_body_describes_it():
    s = analyze("Members joined the Union of Coastal Towns (UCT), founded in May 1997, and the Harbor League.")
    founded = clause(s, "found")
    assert founded.relation == "relative" and span(s, founded.subject) == "UCT"


def test_the_main_verb_after_a_relative_aside_tagged_as_a_participle():
    s = analyze("Kaoru Hasuike, a student who had disappeared in 1978, returned in 2002.")
    main = clause(s, "return")
    assert main.relation is None and span(s, main.subject) == "Kaoru Hasuike"


def test_an_attributive_participle_inside_a_name_phrase():
    s = analyze("In 1958 the North Korean affiliated General Association of Korean Residents promoted a movement.")
    assert clause(s, "promote").relation is None
    s = analyze("The Japanese Red Cross visited Pyongyang in 1959.")
    assert clause(s, "visit").relation is None


def test_a_decade_after_and_is_a_time_not_the_next_clause_s_subject():
    from kankei.analyze import analyze
    text = "The families of Japanese abducted by agents in the 1970s and 1980s met the premier on Monday."
    s = analyze(text, 0, len(text))
    main = next(c for c in s.clauses if c.relation is None)
    assert main.predicate.lemma == "meet" and text[main.subject.start:main.subject.end] == "The families"


def test_a_clause_opened_after_a_comma_goes_on_through_a_list_of_names():
    s = analyze("The test failed, state media said on Monday, drawing protests from Japan, South Korea and Russia.")
    c = clause(s, "draw")
    assert [span(s, pp.np) for pp in c.pps] == ["Japan", "South Korea", "Russia"]
    assert [span(s, pp.np) for pp in clause(s, "say").pps] == ["Monday"]


def test_a_name_with_its_own_apposition_after_a_fronted_phrase_is_the_subject():
    s = analyze("After the talks with Kishida, Kenji Arai, the elder brother of a man who vanished in 1980, "
                "told reporters that he was hopeful.")
    c = clause(s, "tell")
    assert span(s, c.subject) == "Kenji Arai"
    # a place after a place goes on the phrase before ('in Sakata, Yamagata Prefecture')
    s = analyze("The boat drifted ashore in Sakata, Yamagata Prefecture, on Monday.")
    assert [span(s, pp.np) for pp in clause(s, "drift").pps][:2] == ["Sakata", "Yamagata Prefecture"]
