"""Clause analysis of news syntax the web treebank rarely shows (sentences written for these tests):
past tenses after names and plurals, years before names, irregular pasts, semicolons,
'told X that', 'such as' lists, nouns read as adjectives."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from clause_helpers import clause, span
from kankei.analyze import Sentence, analyze


def tag_of(s: Sentence, word: str) -> str:
    return next(t.tag for t in s.tokens if t.text == word)


def test_past_after_a_name_with_object_is_finite():
    s = analyze("Russia shipped fuel oil to Pyongyang in 2009.")
    assert tag_of(s, "shipped") == "VBD"
    c = clause(s, "ship")
    assert (c.predicate.voice, c.predicate.finite, c.relation) == ("active", True, None)
    assert span(s, c.subject) == "Russia" and [span(s, o) for o in c.objects] == ["fuel oil"]


def test_past_after_a_year_opener_and_a_plural_subject_is_the_main_clause():
    s = analyze("In April 2016 the two delegations met in Beijing, and Tokyo offered a new proposal.")
    meet = clause(s, "meet")
    assert meet.relation is None and meet.predicate.voice == "active"
    assert span(s, meet.subject) == "the two delegations"
    offer = clause(s, "offer")
    assert offer.relation == "coordinate" and offer.parent is meet and span(s, offer.subject) == "Tokyo"


def test_subject_after_a_bracketed_time_with_an_adverb_before_the_verb():
    s = analyze("When, in March 1951, the Security Council formally called on its members to act, Seoul agreed.")
    c = clause(s, "call")
    assert c.predicate.voice == "active" and c.relation == "adverbial"
    assert span(s, c.subject) == "the Security Council"
    assert [span(s, pp) for pp in c.pps][0] == "in March 1951"


def test_reduced_relative_before_a_finite_verb_stays_a_participle():
    s = analyze("The rice supplied to the North was diverted to the army.")
    c = clause(s, "supply")
    assert c.relation == "relative" and c.predicate.voice == "passive"
    assert span(s, clause(s, "divert").subject) == "The rice"


def test_participle_with_by_stays_passive():
    s = analyze("Two fishermen seized by the coast guard in 2019.")
    assert clause(s, "seize").predicate.voice == "passive"


def test_year_ends_the_noun_phrase_before_a_name():
    s = analyze("In 2003 Seoul provided fertilizer worth 10 billion won to Pyongyang.")
    c = clause(s, "provide")
    assert span(s, c.subject) == "Seoul"
    assert [span(s, pp) for pp in c.pps][0] == "In 2003"
    s = analyze("In July 1953 China signed the armistice.")
    assert span(s, clause(s, "sign").subject) == "China"


def test_year_inside_a_name_stays_in_it():
    s = analyze("Both leaders reaffirmed the 2018 Panmunjom Declaration.")
    assert [span(s, o) for o in clause(s, "reaffirm").objects] == ["the 2018 Panmunjom Declaration"]


def test_irregular_past_tagged_as_a_noun_is_the_verb():
    s = analyze("Early on Monday, a ballistic missile flew over Hokkaido.")
    assert tag_of(s, "flew") == "VBD"
    c = clause(s, "fly")
    assert c.relation is None and span(s, c.subject) == "a ballistic missile"
    assert [span(s, pp) for pp in c.pps][-1] == "over Hokkaido"


def test_semicolon_closes_the_clause_before():
    s = analyze("Negotiators resumed talks in Hanoi; two weeks later Seoul eased some export controls.")
    ease = clause(s, "ease")
    assert ease.relation == "parataxis" and span(s, ease.subject) == "Seoul"
    assert [span(s, o) for o in ease.objects] == ["some export controls"]
    resume = clause(s, "resume")
    assert resume.relation is None and [span(s, o) for o in resume.objects] == ["talks"]


def test_told_someone_that_opens_a_complement():
    s = analyze("The minister told journalists that Seoul would respond.")
    respond = clause(s, "respond")
    assert respond.relation == "complement" and respond.parent is clause(s, "tell")
    assert span(s, respond.subject) == "Seoul"
    s = analyze("Tokyo told the banks that traded with Pyongyang to stop.")
    assert clause(s, "trade").relation == "relative"


def test_such_as_lists_are_no_objects():
    s = analyze("Seoul banned imports of minerals such as coal, zinc and iron ore.")
    c = clause(s, "ban")
    assert [span(s, o) for o in c.objects] == ["imports"]
    assert [pp.np.head.text for pp in c.pps if pp.np is not None] == ["minerals", "coal", "zinc", "ore"]


def test_ban_after_a_determiner_is_a_noun():
    s = analyze("The ban stays in force until April.")
    assert tag_of(s, "ban") == "NN"
    assert span(s, clause(s, "stay").subject) == "The ban"


def test_capitalized_plural_opening_a_sentence_is_the_subject():
    s = analyze("Diplomats said the meeting had ended.")
    assert tag_of(s, "Diplomats") == "NNS"
    assert span(s, clause(s, "say").subject) == "Diplomats"


_PIECES = ["Japan", "don't", "U.S.", "Mr.", "Smith's", "O'Brien", "a.m.", "Kim Jong-un", "1970s", "3,000", "...",
           "--", "it’s", "naïve", "x", "A.", "Co.", "can't", ",", ".", "(", ")", "JAPAN'S", "vs.", "‐", "e.g."]


@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.lists(st.sampled_from(["", " ", "  ", "\n"]), max_size=12))
@settings(max_examples=300, deadline=None)
def test_plain_word_fast_path_splits_as_the_full_pattern(pieces, gaps):
    from kankei.analyze.tokenize import TOKEN_RE
    full = re.compile(TOKEN_RE.pattern.split("|", 1)[1])     # the pattern without its plain-word fast path
    text = "".join(p + (gaps[k] if k < len(gaps) else " ") for k, p in enumerate(pieces))
    assert [m.span() for m in TOKEN_RE.finditer(text)] == [m.span() for m in full.finditer(text)]
