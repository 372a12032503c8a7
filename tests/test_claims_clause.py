"""Claims read through the clause analysis: the clause whose phrase holds the number, its
predicate's lemma and voice, its own time, and what it does not assert.

Every sentence here was written for these tests.
"""
from __future__ import annotations

from kankei.assemble import claims as claims_module
from kankei.assemble.analyses import Analyses
from kankei.assemble.claims import find_claims
from kankei.pipeline import extract


def claims_of(text: str, dct: str | None = None) -> list:
    r = extract(text, doc="t", dct=dct)
    return find_claims(r.text, r.quantities, r.times, r.entities, r.sentences, r.published, r.analyses)


def by_value(found: list) -> dict:
    return {(c.quantity.value if c.quantity.value is not None else c.quantity.low): c for c in found}


def test_a_number_in_a_relative_clause_is_dated_by_it_and_the_head_by_its_own_clause():
    text = ("Lists\n\nPublished: 4 May 2021\n\nThe ministry now counts 17 citizens as abduction victims, five of whom "
            "came back in October 2002.\n")
    found = by_value(claims_of(text))
    assert found[5].property == "abductees returned to Japan"
    assert found[5].time == "2002-10"
    assert found[17].time != "2002-10"     # the relative clause's date is the five's, not the 17's


def test_a_relative_clause_on_the_counted_noun_says_what_it_counts():
    text = "Letters\n\nIn 1962 about 3,500 Koreans who had sailed to North Korea wrote letters to Osaka.\n"
    found = by_value(claims_of(text))
    assert (found[3500].property, found[3500].subject, found[3500].time) == \
        ("people repatriated to North Korea", "group:returnees", "1962")


def test_a_passive_predicate_is_read_by_its_lemma():
    # 'snatched' is no cue word: the analysis reads it as the passive of snatch
    text = "Beaches\n\nIn 1978 about 20 Japanese nationals were snatched from beaches by agents.\n"
    found = by_value(claims_of(text))
    assert (found[20].property, found[20].time) == ("abduction victims", "1978")


def test_a_number_two_clauses_below_its_date_takes_it():
    text = ("Findings\n\nThe ministry announced in March 2003 that investigators had concluded that "
            "nine abductees had perished in custody. Talks resumed in 2005.\n")
    found = by_value(claims_of(text))
    assert (found[9].property, found[9].time) == ("abductees said to have died", "2003-03")


def test_negated_planned_and_denied_figures_make_no_claim():
    text = ("Aid\n\nIn 2004 Japan will send 250,000 tons of rice to the North. Tokyo did not confirm that "
            "30 more citizens had been abducted. In 2005, some 12 citizens were abducted, officials said.\n")
    found = by_value(claims_of(text))
    assert 250000 not in found and 30 not in found
    assert found[12].property == "abduction victims"


def test_an_age_is_no_claim():
    text = ("A family\n\nHer daughter was abducted by agents in 1977, when she was 13. Her mother turned 89 "
            "in 2025, and 17 abductees are listed by the government.\n")
    found = by_value(claims_of(text))
    assert 13 not in found and 89 not in found
    assert found[17].property == "abductions officially identified by Japan"


def test_claims_reuse_the_sentences_the_events_analysed(monkeypatch):
    text = ("Ships\n\nIn 1960 about 49,000 Koreans left Japan for North Korea. Two years later the number "
            "of returnees had passed 74,000.\n")
    r = extract(text, doc="t")
    calls: list[tuple[int, int]] = []
    real = claims_module.SentenceAnalyses.__init__

    class Counting:
        def __init__(self, inner: Analyses) -> None:
            self.inner = inner

        def of(self, a: int, b: int):
            calls.append((a, b))
            return self.inner.of(a, b)

    def spy(self, text_, sentences, analyses):
        real(self, text_, sentences, analyses)
        self.analyses = Counting(self.analyses)
    monkeypatch.setattr(claims_module.SentenceAnalyses, "__init__", spy)
    assert isinstance(r.analyses, Analyses)
    before = dict(r.analyses._done)
    find_claims(r.text, r.quantities, r.times, r.entities, r.sentences, r.published, r.analyses)
    assert calls and all(c in r.analyses._done for c in calls)
    assert all(r.analyses._done[k] is v for k, v in before.items())   # what the events made is reused
    assert set(calls) <= set(r.sentences)


def test_a_passive_names_the_body_and_a_school_runs_no_schools():
    text = ("Schools\n\nThe Hanbit Federation runs 30 schools in Kyushu, among them Hanbit University. "
            "Another 12 schools are funded by the Seoul Residents League.\n")
    found = by_value(claims_of(text))
    assert (found[30].property, found[30].subject_name) == ("schools", "Hanbit Federation")
    assert found[12].property == "schools"
    assert found[12].subject_name == "Seoul Residents League"


def test_the_number_of_something_else_is_no_membership():
    text = ("Members\n\nIn 1990 the Hanbit Federation claimed 80,000 members. The number of Korean nationals "
            "in the prefecture has fallen since, to about 45,000 in 2010.\n")
    found = by_value(claims_of(text))
    assert found[80000].property == "membership"
    assert 45000 not in found or found[45000].property != "membership"


def test_a_country_under_any_of_its_names_is_read_as_the_rules_name_it():
    text = ("Departures\n\nIn 1961 about 22,000 people left Japan for the Democratic People's Republic of Korea.\n")
    found = by_value(claims_of(text))
    assert (found[22000].property, found[22000].time) == ("people repatriated to North Korea", "1961")
