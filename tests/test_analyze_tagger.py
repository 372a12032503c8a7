"""The part-of-speech tagger, tokenizer and lemmas of kankei.analyze."""
from __future__ import annotations

from importlib import resources

import pytest

from kankei.analyze import analyze, tag, tokenize


def tags_of(text: str) -> dict[str, str]:
    return {t.text: t.tag for t in tag(text)}


def test_model_ships_inside_the_package():
    data = resources.files("kankei.analyze") / "data"
    assert (data / "tagger.json.gz").is_file()
    assert "CC BY-SA 4.0" in (data / "README.md").read_text(encoding="utf-8")


def test_tokens_keep_their_offsets():
    text = "Intro. North Korea's envoy didn't say the U.S. test-fired 3,000 rounds."
    start = text.index("North")
    toks = tokenize(text, start, len(text))
    assert [t[2] for t in toks] == ["North", "Korea", "'s", "envoy", "did", "n't", "say", "the", "U.S.",
                                    "test-fired", "3,000", "rounds", "."]
    assert all(text[a:b] == w for a, b, w in toks)


@pytest.mark.parametrize("sentence, word, expected", [
    ("Japan imposed sanctions on North Korea on Tuesday.", "imposed", "VBD"),
    ("Japan imposed sanctions on North Korea on Tuesday.", "Korea", "NNP"),
    ("Megumi Yokota was abducted by North Korean agents in 1977.", "abducted", "VBN"),
    ("Megumi Yokota was abducted by North Korean agents in 1977.", "Yokota", "NNP"),
    ("The government will ban all imports from the North.", "will", "MD"),
    ("The government will ban all imports from the North.", "ban", "VB"),
    ("North Korea test-fired a missile on Sunday, the ministry said.", "test-fired", "VBD"),
    ("North Korea test-fired a missile on Sunday, the ministry said.", "said", "VBD"),
    ("North Korea's leader met the envoy.", "'s", "POS"),
    ("The talks would resume in Hanoi.", "resume", "VB"),
    ("Pyongyang has not responded to the proposal.", "responded", "VBN"),
    ("Pyongyang did not respond.", "Pyongyang", "NNP"),            # a name the treebank never saw, first word
    ("Chongryon denied the report.", "Chongryon", "NNP"),
    ("Koizumi visited Pyongyang and met Kim Jong Il.", "met", "VBD"),
    ("Kaoru Hasuike returned to Niigata in October.", "Hasuike", "NNP"),
    ("Kishida has said he is ready to meet Kim.", "said", "VBN"),
    ("The launch was condemned by the Security Council.", "condemned", "VBN"),
    ("Hundreds of Koreans sailed to Chongjin aboard the ship.", "sailed", "VBD"),
    # a noun with an adverb's ending, after its article and before its verb
    ("A rally took place in Osaka on Sunday.", "rally", "NN"),
    # an -s form before a past form: the plural subject and its verb
    ("Two more test launches followed in May.", "launches", "NNS"),
    ("Two more test launches followed in May.", "followed", "VBD"),
    ("The ship has followed the route since 1971.", "followed", "VBN"),
    # a name's -s verb before its object, its own clause ending at a subordinator
    ("On May 29 Tokyo lifts part of its sanctions as Pyongyang opens an inquiry.", "lifts", "VBZ"),
    # a base-form verb after 'help', before its object
    ("Japan agreed to help finance the project.", "finance", "VB"),
])
def test_tags_of_news_sentences(sentence, word, expected):
    assert tags_of(sentence)[word] == expected


@pytest.mark.parametrize("sentence, word, lemma", [
    ("Agents abducted her in 1977.", "abducted", "abduct"),
    ("The two sides held talks in Beijing.", "held", "hold"),
    ("The soldiers fled across the border.", "fled", "flee"),
    ("North Korea test-fired a missile.", "test-fired", "test-fire"),
    ("She was taken to Pyongyang.", "was", "be"),
    ("She was taken to Pyongyang.", "taken", "take"),
    ("Tokyo negotiated the return of five abductees.", "negotiated", "negotiate"),
    ("Tokyo negotiated the return of five abductees.", "abductees", "abductee"),
    ("The ship stopped at Niigata.", "stopped", "stop"),
    ("The families are urging the government to act.", "urging", "urge"),
    ("The court ruled against the association.", "ruled", "rule"),
    ("North Korea's envoy arrived.", "envoy", "envoy"),
])
def test_lemmas(sentence, word, lemma):
    assert {t.text: t.lemma for t in tag(sentence)}[word] == lemma


def test_offsets_are_absolute_and_tokens_indexed():
    text = "Header line.\nKim agreed to visit Tokyo."
    start = text.index("Kim")
    s = analyze(text, start, len(text))
    assert s.tokens[0].text == "Kim" and s.tokens[0].start == start
    assert all(text[t.start:t.end] == t.text for t in s.tokens)
    assert [t.i for t in s.tokens] == list(range(len(s.tokens)))


def test_accuracy_on_ewt_dev_stays_above_a_floor(shared_dir):
    """The shipped model on the first 600 sentences of the treebank's dev split (never trained on)."""
    path = shared_dir / "treebank" / "en_ewt" / "en_ewt-ud-dev.conllu"
    from kankei.analyze.tagger import load
    tagger = load()
    right = total = vright = vtotal = 0
    words: list[str] = []
    gold: list[str] = []
    sents = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line:
            if words:
                for g, t in zip(gold, tagger.tag(words), strict=True):
                    total += 1
                    right += g == t
                    if g.startswith("VB") or g == "MD":
                        vtotal += 1
                        vright += g == t
                sents += 1
                if sents == 600:
                    break
            words, gold = [], []
            continue
        cols = line.split("\t")
        if line[0] != "#" and cols[0].isdigit():
            words.append(cols[1])
            gold.append(cols[4])
    assert total > 8000
    assert right / total >= 0.92
    assert vright / vtotal >= 0.91


@pytest.mark.parametrize("sentence, word, expected", [
    ("Japan not only imposed sanctions on North Korea but also froze assets.", "imposed", "VBD"),
    ("Japan not only imposed sanctions on North Korea but also froze assets.", "froze", "VBD"),
    ("If North Korea tests a missile, Japan will respond.", "tests", "VBZ"),
    ("Japan imposed new and unprecedented sanctions.", "unprecedented", "JJ"),
    ("The newly imposed sanctions took effect.", "imposed", "VBN"),
    # a compound whose first part is only an adjective describes the noun after it
    ("Officers seized 12 tons of short-necked clams labeled as Chinese.", "short-necked", "JJ"),
    ("The navy test-fired cruise missiles on Monday.", "test-fired", "VBD"),
    # a past after a subject that has its place with it, or that a verb of belief opens
    ("In 2009, police in Hyogo Prefecture arrested the owner of a trading firm.", "arrested", "VBD"),
    ("Investigators believe the two brothers shipped 30 tons of coal in March 2019.", "shipped", "VBD"),
    # an irregular participle in apposition, then the clause's past
    ("Eleven credit cooperatives, known as kumiai, collapsed under bad debts.", "collapsed", "VBD"),
    # an -s form after a determined noun, before a determiner or at a verbless line's end
    ("This report reviews the talks of the past decade.", "reviews", "VBZ"),
    ("1971 - The first ferry sails.", "sails", "VBZ"),
    ("The fishing industry talks were held in Busan.", "talks", "NNS"),
    # a verb taking 'to' after a determined noun, in what is said with no 'that'
    ("The mayor said the city plans to build a museum next year.", "plans", "VBZ"),
    ("She said the council intends to review the rules so that schools will know.", "intends", "VBZ"),
    ("The peace plans to be signed in May were shelved.", "plans", "NNS"),
    ("The government's plans to build a dam drew protests.", "plans", "NNS"),
    # a past after an aside that describes a name
    ("Lee Min-ho, 47, a veteran of the 1998 strike, criticized the union on Friday.", "criticized", "VBD"),
    ("Ri Hae-sun, a teacher, welcomed the guests.", "welcomed", "VBD"),
    # an -ed form right after a subject pronoun
    ("When it adopted resolution 1718 in October, the council acted fast.", "adopted", "VBD"),
    # no infinitive without 'to' after a participle: an adjective before its noun
    ("Only 20 were allowed brief home visits.", "brief", "JJ"),
    # 'last' between a subject (or its relative aside) and a past form is an adverb
    ("The two sides last met in Hanoi in 2019.", "met", "VBD"),
    ("The two states, which have no ties, last held talks in 2014.", "held", "VBD"),
])
def test_verbs_after_a_subject_in_news_syntax(sentence, word, expected):
    assert tags_of(sentence)[word] == expected


def test_base_form_between_subject_and_object():
    assert tags_of("Koizumi and Kim shake hands during their meeting.")["shake"] == "VBP"
    assert tags_of("A major earthquake shook the region.")["shook"] == "VBD"


def test_a_participle_between_a_noun_and_its_verb() -> None:
    """'the goods smuggled went to ...': the first of two past forms describes the noun."""
    text = "Most of the goods smuggled went to Wonsan."
    tags = tags_of(text)
    assert tags["smuggled"] == "VBN" and tags["went"] == "VBD"


def test_that_before_a_noun_and_a_preposition_is_a_determiner() -> None:
    text = "The high court overturned that part of the ruling in October 2023."
    tags = tags_of(text)
    assert tags["that"] == "DT" and tags["ruling"] == "NN"
    text = "Officials said that part of the deal was done."
    tags = tags_of(text)
    assert tags["that"] == "IN"


def test_a_past_form_after_a_comma_and_a_conjunction() -> None:
    text = "Pyongyang returned the ashes of a woman who was taken in 1977, and allegedly committed suicide in 1994."
    tags = tags_of(text)
    assert tags["committed"] == "VBD"


def test_an_s_form_after_a_past_verb_is_its_object() -> None:
    text = "Last November, Pyongyang returned remains said to be hers."
    tags = tags_of(text)
    assert tags["remains"] == "NNS"


def test_an_s_form_after_and_before_an_object_is_a_second_verb() -> None:
    text = "The Government has lodged a protest with Pyongyang and condemns these acts."
    tags = tags_of(text)
    assert tags["condemns"] == "VBZ"
    text = "The ministry bought pens and notebooks for the staff."
    tags = tags_of(text)
    assert tags["notebooks"] == "NNS"


def test_onwards_is_an_adverb() -> None:
    text = "From August 1958 onwards the association promoted a return movement."
    tags = tags_of(text)
    assert tags["onwards"] == "RB" and tags["promoted"] == "VBD"


def test_a_past_before_a_that_clause_is_finite_whatever_verb_the_clause_holds():
    assert tags_of("The court ruled on Monday that the law was void.")["ruled"] == "VBD"
    assert tags_of("The people abducted in the 1970s were never seen again.")["abducted"] == "VBN"


def test_a_time_between_the_subject_and_a_past_leaves_it_finite():
    text = "The Japanese government on Tuesday extended its sanctions by two years."
    assert tags_of(text)["extended"] == "VBD"


def test_an_abbreviation_glued_by_a_hyphen_stays_one_word():
    def words(text):
        return [w for _, _, w in tokenize(text)]
    assert words("at the Japan-U.S. summit") == ["at", "the", "Japan-U.S.", "summit"]
    assert words("the U.S.-North Korea summit") == ["the", "U.S.-North", "Korea", "summit"]
    assert words("in the U.S. on Monday") == ["in", "the", "U.S.", "on", "Monday"]


def test_about_before_a_number_at_a_clause_start_says_how_many():
    got = tags_of("In May 2019 about 300 fishermen sailed from the port, and the agency counted them.")
    assert got["about"] == "RB" and got["sailed"] == "VBD"
    # before a determiner it is a preposition: what is talked about
    assert tags_of("In May 2019 the minister talked about the 300 fishermen.")["about"] == "IN"


def test_a_verb_of_saying_in_s_before_that_after_its_noun_is_its_verb():
    got = tags_of("Seen from the air, the coast guard estimates that some 40 boats took part.")
    assert got["estimates"] == "VBZ"
    # a plural that a relative clause describes stays a noun
    assert tags_of("The estimates that the ministry released were low.")["estimates"] == "NNS"
