"""Claims across documents: accounts that agree, one that disagrees, and figures about
different things that must not be set against each other. The documents were written for
these tests.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kankei.reconcile.claims import claims, compatible, conflicts
from kankei.store import connect
from kankei.store.build import build

HARBOUR = """\
The winter sailings

Published: 4 April 1990

Between December 1959 and December 1960, 49,036 people left Japan for North Korea. In 1975 Chongryon \
counted about 250,000 members.

Tokyo has since officially identified 12 abductees, while support groups believe the real figure is closer to 80.
"""

DIARY = """\
A harbour diary

Published: 9 June 1991

Between December 1959 and December 1960, about 49,000 people were repatriated to North Korea. In 1975 \
Chongryon had roughly 250,000 members.
"""

LEDGER = """\
The other ledger

Published: 2 February 1992

Between December 1959 and December 1960, nearly 60,000 people returned to North Korea, the ledger says. \
In 1975 Chongryon had more than 300,000 members.

The government has officially identified 12 abductees.
"""


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    folder: Path = tmp_path_factory.mktemp("claims")
    for name, text in (("harbour", HARBOUR), ("diary", DIARY), ("ledger", LEDGER)):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    db = folder / "k.db"
    c = connect(db)
    report = build(c, [folder])
    assert len(report.added) == 3 and not report.failed
    yield c
    c.close()


def series_of(conn, subject: str, prop: str) -> dict:
    return next(s for s in claims(conn) if s["subject"] == subject and s["property"] == prop)


def test_two_accounts_that_agree_are_one_point_and_the_dissent_a_conflict(conn):
    s = series_of(conn, "group:returnees", "people repatriated to North Korea")
    agree = next(p for p in s["points"] if {x["doc"] for x in p["sources"]} == {"harbour", "diary"})
    assert agree["documents"] == 2
    found = [c for c in conflicts(conn) if c["subject"] == "group:returnees"]
    assert len(found) == 1
    sides = sorted(sorted(x["doc"] for x in side["sources"]) for side in found[0]["sides"])
    assert sides == [["diary", "harbour"], ["ledger"]]


def test_each_side_shows_the_values_its_sources_wrote(conn):
    c = next(c for c in conflicts(conn) if c["subject"] == "group:returnees")
    written = {(side["value"]["value"], side["value"]["low"], side["value"]["high"], side["value"]["qualifier"])
               for side in c["sides"]}
    assert written == {(49036, None, None, "exact"), (60000, None, None, "nearly")}
    assert {(x["value"], x["qualifier"]) for x in c["claims"]} == {(49036, "exact"), (49000, "about"), (60000, "nearly")}


def test_series_points_keep_the_written_qualifier(conn):
    s = series_of(conn, "org:chongryon", "membership")
    values = sorted((p["value"]["value"], p["value"]["qualifier"]) for p in s["points"])
    assert values == [(250000, "about"), (300000, "more_than")]
    assert [c["subject"] for c in conflicts(conn) if c["subject"] == "org:chongryon"] == ["org:chongryon"]


def test_figures_about_different_things_at_the_same_time_are_no_conflict(conn):
    props = {s["property"] for s in claims(conn) if s["subject"] == "group:abductees"}
    assert props == {"abductions officially identified by Japan", "abductions (estimates of the real number)"}
    assert not [c for c in conflicts(conn) if c["subject"] == "group:abductees"]


def test_more_than_is_strict_and_ranges_are_compared_as_written():
    def claim(value=None, low=None, high=None, qualifier="exact"):
        return {"value": value, "low": low, "high": high, "qualifier": qualifier, "unit": "member", "time_lo": None}
    assert not compatible(claim(500000, qualifier="more_than"), claim(low=450000, high=500000, qualifier="range"))
    assert compatible(claim(500000), claim(500000, qualifier="more_than"))
    assert compatible(claim(70000, qualifier="at_most"), claim(70000, qualifier="about"))
    assert not compatible(claim(70000, qualifier="at_most"), claim(100000, qualifier="about"))
