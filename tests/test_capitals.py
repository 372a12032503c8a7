"""A capital's name: the city where something happens, or its government acting."""
import pytest

from kankei.resolve.capitals import capital_is_place


def place(sentence: str, name: str = "Tokyo") -> bool:
    start = sentence.index(name)
    return capital_is_place(sentence, start, start + len(name))


@pytest.mark.parametrize("sentence", [
    "The envoys met in Tokyo last week.",
    "She moved to Tokyo in 1962.",
    "The ferry sailed from Tokyo at dawn.",
    "Trading firms in Osaka and Tokyo handled the cargo.",
    "The talks rotated between venues in Kobe, Osaka and Tokyo.",
    "He grew up in western Tokyo.",
    "Prices in the Tokyo area rose.",
    "She was taken to a Tokyo hospital.",
    "The Tokyo Metropolitan Police raided the office.",
    "Tokyo's metropolitan government cut the subsidy.",
    "Kim, Selected Essays (Tokyo: Hanbun Press, 1999), 41.",
    "Records held in the National Archives, Tokyo, file 12.",
    "A Tokyo-based lawyer filed the suit.",
    "The Tokyo District Court ruled against the school.",
])
def test_the_city(sentence):
    assert place(sentence)


@pytest.mark.parametrize("sentence", [
    "Tokyo protested the launch through diplomatic channels.",
    "Pyongyang resumed talks with Tokyo in 2014.",
    "Its commitments to Seoul and Tokyo were never met.",
    "The plan drew objections from Tokyo.",
    "The group kept its loyalty to Tokyo.",
    "Tokyo's decision surprised the delegates.",
    "Relations between Tokyo and Beijing cooled.",
])
def test_the_government(sentence):
    assert not place(sentence)


def test_a_capital_opening_a_clause_before_its_verb_acts():
    from kankei.resolve.capitals import capital_is_place
    text = "The two sides met in Stockholm, and Pyongyang promised a new investigation."
    at = text.index("Pyongyang")
    assert not capital_is_place(text, at, at + len("Pyongyang"))
