"""Clauses joined to others and the doers they share: a relative clause on what 'be' says of a
subject, a participle coordinated after an active verb, an aside of inclusion, 'that' before a
month; a body's short name after its full one; an event noun's own time after a dated verb."""
from __future__ import annotations

from clause_helpers import clause, span
from event_probe import events, role, the
from kankei.analyze import analyze, tag
from kankei.pipeline import extract


def test_a_relative_clause_on_what_be_says_of_a_subject_has_that_subject_as_its_doer():
    text = "Japan is a colonial power which annexed Korea in 1910 and invaded China in 1937."
    assert role(the(text, "annexed"), "agent") == {"country:japan"}
    assert role(the(text, "invaded"), "agent") == {"country:japan"}
    # (not when the antecedent is an object of another verb: the one it names is no doer)
    text = "Japan criticized a state which annexed the islands in 1905."
    assert "country:japan" not in role(the(text, "annexed"), "agent")


def test_a_lone_participle_coordinated_after_an_active_verb_is_a_past_with_that_doer():
    s = analyze("Tokyo promised an inquiry, and set up a special committee in July.")
    c = clause(s, "set")
    assert c.predicate.voice == "active" and span(s, c.subject) == "Tokyo"
    # 'was arrested and charged': the participle shares the passive
    s = analyze("The man was arrested in 2001 and charged with spying.")
    assert clause(s, "charge").predicate.voice == "passive"


def test_a_participle_after_an_ing_relative_goes_with_the_finite_verb_above():
    s = analyze("Japan agreed to help finance the project resulting from the accord, and also donated rice to the North.")
    c = clause(s, "donate")
    assert span(s, c.subject) == "Japan" and c.parent.predicate.lemma == "agree"
    assert role(the("Japan agreed to help finance the project resulting from the accord, and also donated "
                    "rice to the North in 1996.", "donated"), "agent") == {"country:japan"}


def test_an_aside_of_inclusion_is_no_verb_and_that_before_a_month_is_a_determiner():
    tags = {t.text: t.tag for t in tag("Pyongyang promised to review all cases, abductees included, and set up a "
                                       "panel that July.")}
    assert tags["included"] == "JJ" and tags["that"] == "DT"
    ev = the("In May 2014 Pyongyang promised to review all cases, abductees included, and set up a panel that July.",
             "set up")
    assert ev["date"] == "2014-07" and role(ev, "agent") == {"gov:north_korea"}
    # ('the ships that July carried': a relative pronoun before a verb stays one)
    assert {t.text: t.tag for t in tag("He said that July was the hardest month.")}["that"] in ("IN", "WDT")


def test_a_bodys_short_name_after_its_full_name_is_that_body():
    text = ("The Sendai District Court heard the case in May 2021. On June 3, 2022, the District Court "
            "dismissed the claim, and the Sendai High Court upheld the ruling. The High Court said the "
            "period had run out.")
    ents = [(r["text"], r["entity"]) for r in extract(text, doc="t").records() if r["kind"] == "entity"]
    by_text = {}
    for t, e in ents:
        by_text.setdefault(t, set()).add(e)
    assert by_text["District Court"] == by_text["Sendai District Court"]
    assert by_text["High Court"] == by_text["Sendai High Court"]
    assert by_text["District Court"] != by_text["High Court"]


def test_a_noun_keeps_its_own_time_after_a_verb_with_a_time_of_its_own():
    text = ("Tokyo decided on the measures in February 2016, following a nuclear test that January "
            "and a rocket launch the next month.")
    found = {e["text"]: e["date"] for e in events(text)}
    assert found["decided"] == "2016-02"
    assert found["nuclear test"] == "2016-01" and found["rocket launch"] == "2016-02"
    assert sum(1 for e in events(text) if e["text"] == "decided") == 1


def test_lifting_what_was_imposed_before_is_not_dated_by_the_imposing():
    text = "In May 2014 Pyongyang promised a new inquiry, and Tokyo eased some of the sanctions it had imposed in 2006."
    found = {e["text"]: e["date"] for e in events(text)}
    assert found["imposed"] == "2006" and found["eased"] != "2006"


def test_an_s_word_after_an_adjective_that_a_verb_opens_is_a_plural_noun():
    tags = {t.text: t.tag for t in tag("Pyongyang handed over cremated remains it said were hers.")}
    assert tags["remains"] == "NNS"
    # ('Seoul's military says': after a possessive the adjective's word may be the noun)
    assert {t.text: t.tag for t in tag("Seoul's military says it tracked the launch.")}["says"] == "VBZ"


def test_they_after_an_unnamed_plural_subject_is_no_one_named():
    ev = the("The fishermen told police they wanted to go to South Korea, and they were flown to Seoul on "
             "March 5.", "flown")
    assert "country:south_korea" not in {p["entity"] for p in ev["participants"]}
    # (a plural of a state's officials is that state's)
    ev = the("Japanese officials met Chinese diplomats, and they agreed on the plan in May.", "agreed")
    assert ev["participants"]


STATEMENT = """STATEMENT ON THE RULING IN THE SCHOOL SUBSIDY CASE

Sendai Association for Korean School Families (Miyagi)
May 12, 2026

Today the Sendai District Court handed down its judgment in the suit brought by two former pupils against
the city. The court held that the cut was unlawful, and it ordered the city to pay each plaintiff 200,000 yen.
We welcome the judgment. We call on the city not to appeal. "We will keep fighting," a mother said.
"""


def test_the_body_a_statement_is_signed_by_is_its_we():
    found = {e["text"]: e for e in events(STATEMENT, dct="2026-05-12")}
    author = {p["entity"] for p in found["welcome"]["participants"] if p["role"] == "agent"}
    assert len(author) == 1 and "sendai" in next(iter(author))
    assert role(found["call on"], "agent") == author
    assert found["welcome"]["date"] == "2026-05-12"


def test_a_court_hands_down_a_judgment_and_its_order_goes_on_from_what_it_held():
    found = {e["text"]: e for e in events(STATEMENT, dct="2026-05-12")}
    ev = found["handed down its judgment"]
    assert ev["type"] == "legal" and ev["date"] == "2026-05-12"
    s = analyze("The court held that the cut was unlawful, and it ordered the city to pay damages.")
    assert clause(s, "order").parent.predicate.lemma == "hold"


def test_a_verb_after_we_is_a_present_tense():
    tags = {t.text: t.tag for t in tag("We welcome the ruling, and we deeply regret the delay.")}
    assert tags["welcome"] == "VBP" and tags["regret"] == "VBP"


def test_a_sentence_opens_on_a_plural_or_a_name_not_on_a_present_verb():
    tags = {t.text: t.tag for t in tag("Figures released by the agency on Wednesday showed a fall.")}
    assert tags["Figures"] == "NNS"
    ev = the("Figures released by the agency on Wednesday showed a fall.", "released", dct="2026-10-09")
    assert ev["type"] == "statement" and ev["date"] == "2026-10-07"


def test_a_time_after_where_a_report_appeared_is_the_reports_when_the_verb_has_its_own():
    evs = [e for e in events("Chongryon on Thursday denied a report in a weekly magazine last week that "
                             "its officials had traveled to Pyongyang.", dct="2026-10-09") if e["text"] == "denied"]
    assert [e["date"] for e in evs] == ["2026-10-08"]


def test_a_participle_after_a_fronted_occasion_tells_of_it_and_dates_the_main_act():
    evs = events("At the fifth round, held in Hanoi in March 2003, the North Korean delegation walked out.")
    found = {e["text"]: e for e in evs}
    assert found["round"]["type"] == "meet" and found["round"]["date"] == "2003-03"
    assert not any(e["text"].startswith("held") for e in evs)
    assert found["walked out"]["date"] == "2003-03"
    assert role(found["walked out"], "agent") == {"country:north_korea"}
    assert {t.text: t.tag for t in tag("the North Korean delegation left")}["delegation"] == "NN"


def test_flying_home_is_going_home_not_a_visit():
    ev = the("Prime Minister Koizumi flew home from Pyongyang on 22 May 2004.", "flew home")
    assert ev["type"] == "migrate" and ev["date"] == "2004-05-22"


def test_calling_a_decision_a_quoted_wrong_is_an_accusation():
    ev = the('Mindan on Friday called the ruling "a grave act of discrimination against our children".', "called",
             dct="2026-01-16")
    assert ev["type"] == "accuse"


def test_the_object_of_a_verb_does_what_a_for_gerund_after_it_says():
    s = analyze("Seoul criticized the Japanese government for revising the textbooks and for ignoring history.")
    assert span(s, clause(s, "revise").subject) == "the Japanese government"
    assert span(s, clause(s, "ignore").subject) == "the Japanese government"
    ev = the("The rally denounced the Japanese authorities for excluding Korean schools from the program in 2010.",
             "excluding")
    assert ev["type"] == "sanction" and role(ev, "agent") == {"gov:japan"}


def test_what_someone_is_suspected_of_is_hedged():
    ev = the("Two traders are suspected of exporting pianos to North Korea in 2019.", "exporting")
    assert ev.get("hedged") is True and ev["date"] == "2019"


def test_a_body_cuts_a_subsidy_and_a_body_named_by_its_kind_sends_a_letter():
    ev = the("Japan cut its aid to North Korea in 1998.", "cut its aid")
    assert ev["type"] == "sanction" and role(ev, "agent") == {"country:japan"}
    ev = the("The association sent a letter to the prime minister on Friday.", "sent", dct="2023-05-15")
    assert ev["type"] == "statement" and ev["date"] == "2023-05-12"


def test_a_time_in_an_aside_on_someone_does_not_move_the_story():
    ev = the("The mayor, who was elected in April 2022, met members of the group at City Hall in December.", "met",
             dct="2026-01-14")
    assert ev["date"] == "2025-12"


def test_a_councilor_is_a_title_not_part_of_the_name():
    ev = the("Councilor Yumiko Aoshima accused the city of punishing children on Tuesday.", "accused",
             dct="2026-01-14")
    assert [p["start"] for p in ev["participants"] if p["role"] == "agent"] == [len("Councilor ")]


def test_initialling_an_accord_and_thanking_are_events_and_thank_you_is_none():
    assert the("The two delegations initialled the accord in Geneva on June 24, 1959.", "initialled")["type"] == "agree"
    assert the("The principal thanked the parents on Sunday.", "thanked")["type"] == "statement"
    assert not events("Thank you, Madam Chair. I will answer the question.")


def test_an_ing_clause_of_the_same_act_is_not_a_second_event():
    evs = events("The Sendai District Court on Wednesday ordered the state to pay 1 million yen in damages, "
                 "ruling that the exclusion was illegal.", dct="2026-03-11")
    assert [e["text"] for e in evs if e["type"] == "legal"] == ["ordered"]
    # (a later step told by the -ing clause, with a time of its own, stays one)
    evs = events("After the war in 1905, Japan took control of Korea, formally annexing the peninsula in 1910.")
    assert "annexing" in {e["text"] for e in evs}


def test_a_pronoun_after_and_goes_on_about_the_subject_before_it():
    text = ("SENDAI, May 12, 2026 (Kyodo) -- The Sendai District Court heard the case in May. The court rejected "
            "the claim, and it did not order the city to pay.")
    ev = the(text, "order", dct="2026-05-12")
    assert role(ev, "agent") == {"org:sendai_district_court"} and ev["type"] == "legal"


def test_the_state_and_his_government_are_the_government_of_the_story():
    text = ("NAGOYA, March 11, 2026 (Kyodo) -- A spokesman said the state would appeal. After Shinzo Abe returned "
            "to power in December 2012, his government excluded the schools in February 2013.")
    found = {e["text"]: e for e in events(text, dct="2026-03-11")}
    assert role(found["appeal"], "agent") == {"gov:japan"}
    assert role(found["excluded"], "agent") == {"gov:japan"}
    assert found["returned to power"]["type"] == "leader"


def test_the_sides_between_which_something_happens_are_its_doers():
    ev = the("The qualifying match between Japan and North Korea on Nov. 15 ended in a draw.", "ended")
    assert role(ev, "agent") == {"country:japan", "country:north_korea"}


def test_what_a_passive_light_verb_holds_is_its_subject_not_a_stray_object():
    evs = events('The Geneva talks were the negotiations held in 1959 between the two Red Cross societies on the '
                 '"return" of Korean residents to North Korea.')
    assert not any(e["text"] == "held" and e["type"] == "migrate" for e in evs)


def test_a_headline_over_a_dateline_is_told_again_by_the_body_whose_doer_it_names_loosely():
    text = ("Police may raid Chongryon office Thu.\n\nTOKYO, Nov. 27, 2001 Kyodo\n\nThe Tokyo Metropolitan Police "
            "Department may raid the office of Chongryon on Thursday, investigative sources said.\n")
    raids = [e for e in extract(text, doc="t").records() if e["kind"] == "event" and e["text"] == "raid"]
    assert len(raids) == 2 and sum(1 for e in raids if e.get("mention_of")) == 1


def test_a_bare_month_paragraphs_after_an_old_date_is_this_years():
    text = ("TOKYO, Nov. 12, 2025 (Kyodo) -- The minister spoke on Wednesday.\n\nThe talks collapsed in February 2016, "
            "when Pyongyang disbanded its inquiry and stopped all contact with Tokyo over the sanctions, and the "
            "families say nothing has moved since then for the victims or for their parents, who are now old.\n\n"
            "Tokyo's sanctions, which ban all trade with North Korea, were renewed for another two years in April.")
    ev = the(text, "renewed", dct="2025-11-12")
    assert ev["date"] == "2025-04"


def test_what_a_speaker_says_was_not_done_does_not_end_the_gathering_he_speaks_at():
    text = ("Pyongyang, August 30 (KCNA) -- A mass rally took place in Pyongyang on Friday to denounce Japan.\n\n"
            "Speaking at the rally, Ri Chol Nam said that the remains of the victims have not been returned "
            "to this day.\n\nThen Pak Song Il denounced the Japanese authorities.")
    ev = the(text, "denounced", dct="2025-08-30")
    assert ev["date"] == "2025-08-29"


def test_two_verbs_of_saying_joined_by_and_or_but_are_one_set_of_remarks():
    evs = events('The lawyer, Ken Mori, called the ruling "a step forward" but said he would consider an appeal.',
                 dct="2026-03-11")
    assert [e["text"] for e in evs if e["type"] == "statement"] == ["called"]


def test_a_decision_pointed_at_is_the_act_decided_just_before():
    text = ("OSAKA, March 11, 2026 (Kyodo) -- A similar suit was dismissed by the Osaka District Court last "
            "year, and that decision is now being challenged at the Osaka High Court.\n")
    evs = [r for r in extract(text, doc="t").records() if r["kind"] == "event"]
    decision = next(e for e in evs if e["text"] == "decision")
    dismissed = next(e for e in evs if e["text"] == "dismissed")
    assert decision["type"] == "legal" and decision["date"] == "2025" and decision["mention_of"] == dismissed["id"]


def test_then_goes_on_with_the_story_but_the_then_prime_minister_does_not():
    text = ("NAGOYA, March 11, 2026 (Kyodo) -- The court ruled on Wednesday.\n\nIn February 2013 the government "
            "excluded Korean high schools from the program. Graduates of the schools then sued the state in five "
            "cities.\n")
    ev = next(r for r in extract(text, doc="t").records() if r["kind"] == "event" and r["text"] == "sued")
    assert ev["date"].startswith("2013")


def test_steps_taken_to_do_something_are_that_act_done():
    ev = the("On Friday the cabinet took the necessary steps to extend the import ban by a year.", "extend",
             dct="2019-04-12")
    assert ev["type"] == "sanction" and ev["date"] == "2019-04-12" and ev.get("modality", "asserted") == "asserted"
    # an infinitive of purpose after other objects stays no act of its own
    assert not [e for e in events("On Friday the ministry set up a panel to extend the import ban.", dct="2019-04-12")
                if e["type"] == "sanction"]


LETTER = """Hokuriku Society for the Families of Returnees to North Korea
Kanazawa

3 June 2026

To the Honourable Minister for Foreign Affairs

Dear Minister,

We write to you once more. On 2 May 2025 we wrote to your predecessor, and the Government has not replied.
We ask that the Government open talks with Pyongyang before the end of the year.

Respectfully yours,

Oh Mi-ran
Chair, Hokuriku Society for the Families of Returnees to North Korea
"""


def test_a_letter_s_we_is_the_body_on_its_first_line_even_where_it_speaks_of_the_government():
    found = {e["text"]: e for e in events(LETTER, dct="2026-06-03")}
    writer = role(found["write"], "agent")
    assert len(writer) == 1 and "hokuriku" in next(iter(writer))
    assert role(found["ask"], "agent") == writer and role(found["wrote"], "agent") == writer


def test_a_letter_s_you_is_its_addressee():
    letter = LETTER.replace("To the Honourable Minister for Foreign Affairs",
                            "To the Honourable Yoko Kamikawa, Minister for Foreign Affairs")
    found = {e["text"]: e for e in events(letter, dct="2026-06-03")}
    assert "person:kamikawa_yoko" in role(found["write"], "patient")
    # a 'you' inside a quote is the quoted speaker's listener, not the letter's
    quoted = letter.replace("We write to you once more.", 'We write once more. "We will call you," he said.')
    assert all("person:kamikawa_yoko" not in role(e, "patient") for e in events(quoted, dct="2026-06-03")
               if e["type"] == "statement" and e["text"] == "call")
