"""Text in capitals (cables, telegrams, wire copy) read in prose case: only case changes, so
every offset holds, and what is found quotes the original capitals.

Every text here was written for these tests.
"""
from __future__ import annotations

from kankei.pipeline import extract
from kankei.text.truecase import truecased

CABLE = """CONFIDENTIAL

1. PRIMIN KISHI RECEIVED AMBASSADOR AT KANTEI JANUARY 12 AND SAID GOJ WOULD NOT SUSPEND SAILINGS FROM NIIGATA.
2. ROKG DELIVERED PROTEST NOTE TO FOREIGN MINISTRY YESTERDAY. EMBOFF WILL REPORT FURTHER AFTER MEETING WITH
JAPANESE RED CROSS OFFICIALS IN MAY. THE MISSION MAY ASK FOR A DELAY.
"""


def test_only_case_changes_and_lines_in_prose_case_stay_as_they_are():
    got = truecased(CABLE)
    assert len(got) == len(CABLE) and got.lower() == CABLE.lower()
    assert got.splitlines()[0] == "CONFIDENTIAL"        # (a short label)
    prose = "The ICRC said on Monday that JRC staff would stay in Niigata."
    assert truecased(prose) is prose


def test_common_words_are_lowered_and_names_months_and_abbreviations_keep_their_case():
    got = truecased(CABLE)
    assert "PRIMIN Kishi received ambassador at" in got       # (a cable's abbreviation kept)
    assert "January 12 and said GOJ would not suspend sailings from Niigata." in got
    assert "ROKG delivered protest note to Foreign Ministry yesterday." in got
    assert "Japanese Red Cross officials in May. The mission may ask for a delay." in got
    assert "EMBOFF will report further after meeting with" in got


def test_what_is_found_in_capitals_quotes_the_original():
    ex = extract(CABLE, doc="c", dct="1960-01-14")
    recs = ex.records()
    for r in recs:
        if r["kind"] != "document":
            assert CABLE[r["start"]:r["end"]] == r["text"], r
    times = {r["text"]: r["value"] for r in recs if r["kind"] == "time"}
    assert times["JANUARY 12"] == "1960-01-12" and times["YESTERDAY"] == "1960-01-13"
    ents = {r["text"]: r["entity"] for r in recs if r["kind"] == "entity"}
    assert ents["NIIGATA"] == "place:niigata" and ents["GOJ"] == "gov:japan"
    assert ents["JAPANESE RED CROSS"] == "org:japan_red_cross"
    said = [r for r in recs if r["kind"] == "event" and r["text"] == "SAID"]
    assert said and said[0]["type"] == "statement" and said[0]["date"] == "1960-01-12"


def test_a_long_line_in_capitals_is_recased_whole():
    # (bench/pathological.py times it; here, only that every repetition is read alike)
    line = "PRIMIN KISHI SAID GOJ WOULD NOT SUSPEND SAILINGS FROM NIIGATA. " * 4000
    got = truecased(line)
    assert len(got) == len(line) and got.count("Kishi") == 4000 and got.count("Niigata") == 4000
