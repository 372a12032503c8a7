import re

import pytest

from kankei.recognize.numbers import (
    CARDINAL_RE,
    FRACTION_RE,
    NUMBER_WORD_RE,
    parse_number,
    small_number,
)


@pytest.mark.parametrize("text, value", [
    ("93,000", 93000), ("1.2", 1.2), ("74,779", 74779), ("1 500", 1500), ("1\u00a0500", 1500),
    ("12", 12), ("0.5", 0.5), ("1,234,567.25", 1234567.25),
])
def test_digits_with_separators(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text, value", [
    ("1.2 billion", 1.2e9), ("3 million", 3e6), ("2.5 million", 2.5e6), ("40 thousand", 4e4),
    ("5m", 5e6), ("3bn", 3e9), ("2-million", 2e6),
])
def test_digits_with_multipliers(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text, value", [
    ("two million", 2e6), ("seventy-four thousand", 74000), ("a hundred", 100),
    ("one hundred and twenty", 120), ("thirteen", 13), ("twenty five", 25), ("a million", 1e6),
    ("one thousand two hundred and five", 1205), ("two and a half million", 2.5e6),
    ("half a million", 5e5), ("a dozen", 12), ("Seven", 7),
])
def test_spelled_out_numbers(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text, value", [
    ("two-thirds", 0.6667), ("half", 0.5), ("one-sixth", 0.1667), ("a quarter", 0.25),
    ("three quarters", 0.75), ("one third", 0.3333),
])
def test_fractions(text, value):
    assert parse_number(text) == pytest.approx(value, rel=1e-3)


@pytest.mark.parametrize("text", ["dozens", "hundreds", "thousands", "several", "thousand", "a", "", "lots"])
def test_vague_or_not_numbers(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("word, value", [
    ("one", 1), ("a", 1), ("an", 1), ("nine", 9), ("seventeen", 17), ("ninety-nine", 99),
    ("Forty two", 42), ("hundred", None), ("first", None),
])
def test_small_number(word, value):
    assert small_number(word) == value


def test_regex_sources_embed_in_duration_patterns():
    duration = re.compile(rf"(?:nearly\s+)?({CARDINAL_RE})\s+(days?|months?|millennia)\b")
    assert [m.group(1) for m in duration.finditer("Three days later, two months on")] == ["Three", "two"]
    assert duration.search("after nearly two millennia").group(1) == "two"
    assert duration.search("within 1,200 days").group(1) == "1,200"


def test_number_word_regex_takes_whole_compounds():
    found = [m.group() for m in re.finditer(NUMBER_WORD_RE, "seventy-four thousand and one hundred and six")]
    assert found[0] == "seventy-four thousand and one hundred and six"
    # "and" does not join two numbers that each carry a scale word
    assert [m.group() for m in re.finditer(NUMBER_WORD_RE, "two million and three million")] == \
        ["two million", "three million"]


def test_fraction_regex():
    assert re.fullmatch(FRACTION_RE, "Two-Thirds")
    assert re.fullmatch(FRACTION_RE, "a quarter")
