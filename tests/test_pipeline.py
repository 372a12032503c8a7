"""The pipeline as a whole: one document in, spec records out.

Every document here is written for the tests (none is taken from the shared corpus).
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kankei.knowledge import load
from kankei.pipeline import extract

ENTITY_TYPES = {"person", "organization", "country", "place", "vessel", "document", "group", "other"}
QUALIFIERS = {"exact", "about", "more_than", "at_least", "less_than", "at_most", "nearly", "range"}
TIME_TYPES = {"date", "interval", "duration", "set"}
ROLES = {"agent", "patient", "location"}
ID = re.compile(r"^[a-z]+:[a-z0-9_]+$")

STORY = (
    "Japan and North Korea Resume Talks in Stockholm\n"
    "Published: 3 March 2015\n"
    "\n"
    "In March 2014, Japan and North Korea met in Stockholm. About 93,000 people had left Japan "
    "between 1959 and 1984. Two months later Tokyo imposed sanctions on Pyongyang.\n"
    "Deputy Minister Hanako Sato said the talks would go on. Sato later met Chongryon officials.\n"
)


def by_kind(records: list[dict], kind: str) -> list[dict]:
    return [r for r in records if r["kind"] == kind]


def check_quotes(text: str, records: list[dict]) -> None:
    for r in records[1:]:
        assert 0 <= r["start"] <= r["end"] <= len(text), r
        assert text[r["start"]:r["end"]] == r["text"], r
        for p in r.get("participants", []):
            assert 0 <= p["start"] <= p["end"] <= len(text), p


# --- the shape of the records ----------------------------------------------------------------

def test_document_record_first_then_sorted_by_start():
    records = extract(STORY, doc="story").records()
    doc = records[0]
    assert doc == {**doc, "doc": "story", "kind": "document", "start": 0, "end": len(STORY), "text": "",
                   "title": "Japan and North Korea Resume Talks in Stockholm", "published": "2015-03-03"}
    assert all(r["kind"] != "document" for r in records[1:])
    assert all(r["doc"] == "story" for r in records)
    keys = [(r["start"], r["end"]) for r in records[1:]]
    assert keys == sorted(keys)
    assert {r["kind"] for r in records[1:]} == {"time", "quantity", "entity", "event"}
    check_quotes(STORY, records)


def test_each_kind_has_its_fields():
    records = extract(STORY, doc="story").records()
    event_types = set(load("event_types")["types"])
    for r in records[1:]:
        assert isinstance(r["text"], str) and r["text"], r
        if r["kind"] == "time":
            assert r["type"] in TIME_TYPES
            assert r["value"] is None or isinstance(r["value"], str)
        elif r["kind"] == "quantity":
            assert "value" in r and isinstance(r["unit"], str) and r["unit"] == r["unit"].lower()
            assert r["qualifier"] in QUALIFIERS
            if r["value"] is None:
                assert r["low"] is not None or r["high"] is not None
        elif r["kind"] == "entity":
            assert ID.match(r["entity"]), r
            assert isinstance(r["name"], str) and r["name"]
            assert r["type"] in ENTITY_TYPES
        elif r["kind"] == "event":
            assert r["type"] in event_types
            assert r["date"] is None or isinstance(r["date"], str)
            assert isinstance(r["participants"], list)
            for p in r["participants"]:
                assert p["role"] in ROLES and ID.match(p["entity"])
                assert STORY[p["start"]:p["end"]].strip()
        else:
            pytest.fail(f"unknown kind {r['kind']}")
    json.dumps(records)  # JSON-serializable as they are


def test_story_values():
    records = extract(STORY, doc="story").records()
    times = {r["text"]: (r["value"], r["type"]) for r in by_kind(records, "time")}
    assert times["March 2014"] == ("2014-03", "date")
    assert times["1959 and 1984"] == ("1959/1984", "interval")
    assert times["Two months later"] == ("2014-05", "date")
    [people] = [r for r in by_kind(records, "quantity") if r["unit"] == "person"]
    assert (people["value"], people["qualifier"]) == (93000, "about")
    ids = {r["text"]: r["entity"] for r in by_kind(records, "entity")}
    assert ids["North Korea"] == "country:north_korea" and ids["Japan"] == "country:japan"
    assert ids["Chongryon"] == "org:chongryon"
    assert ids["Hanako Sato"] == ids["Sato"]
    events: dict[str, dict] = {}
    for r in by_kind(records, "event"):
        events.setdefault(r["text"], r)     # the first telling of each word
    assert events["met"]["type"] == "meet" and events["met"]["date"] == "2014-03"
    sanction = next(r for r in by_kind(records, "event") if r["type"] == "sanction")
    assert sanction["date"] == "2014-05"
    roles = {(p["role"], p["entity"]) for p in sanction["participants"]}
    assert ("agent", "gov:japan") in roles and ("patient", "gov:north_korea") in roles


def test_one_id_has_one_name_and_type():
    records = extract(STORY, doc="story").records()
    seen: dict[str, tuple[str, str]] = {}
    for r in by_kind(records, "entity"):
        assert seen.setdefault(r["entity"], (r["name"], r["type"])) == (r["name"], r["type"]), r


def test_dct_and_hints():
    text = "Envoys Meet Again in Beijing\n\nToday the Japanese government protested. Last October the two sides met.\n"
    bare = extract(text, doc="e")
    assert bare.published is None
    assert {r["text"]: r["value"] for r in by_kind(bare.records(), "time")} == {"Today": None, "Last October": None}
    dated = extract(text, doc="e", dct="2015-06")
    assert dated.records()[0]["published"] == "2015-06"
    assert {r["text"]: r["value"] for r in by_kind(dated.records(), "time")} == {
        "Today": "2015-06", "Last October": "2014-10"}
    hinted = extract(text, doc="e", published_hint="2015-06-12T09:00:00Z", title="Given Title")
    assert hinted.records()[0]["title"] == "Given Title"
    assert hinted.records()[0]["published"] == "2015-06-12"
    assert {r["text"]: r["value"] for r in by_kind(hinted.records(), "time")}["Today"] == "2015-06-12"


# --- stable ids, determinism -----------------------------------------------------------------

ALIAS_DOCS = [
    ("In 2002 Chongryon protested. The DPRK denied it. Deputy Minister Hanako Sato spoke.",
     "In 2003 Chosen Soren said so. North Korea agreed. Hanako Sato later left."),
    ("The General Association of Korean Residents in Japan met in 1955.",
     "Soren officials, writing about Chrongryon in 1960, met in Tokyo."),
]


def ids_of(text: str, doc: str) -> dict[str, str]:
    return {r["text"]: r["entity"] for r in by_kind(extract(text, doc=doc).records(), "entity")}


def test_aliases_get_one_id_across_documents():
    a, b = ids_of(ALIAS_DOCS[0][0], "a"), ids_of(ALIAS_DOCS[0][1], "b")
    assert a["Chongryon"] == b["Chosen Soren"] == "org:chongryon"
    assert a["DPRK"] == b["North Korea"] == "country:north_korea"
    assert a["Hanako Sato"] == b["Hanako Sato"]
    c, d = ids_of(ALIAS_DOCS[1][0], "c"), ids_of(ALIAS_DOCS[1][1], "d")
    assert c["General Association of Korean Residents in Japan"] == "org:chongryon"
    assert d["Soren"] == d["Chrongryon"] == "org:chongryon"


def test_ids_do_not_depend_on_the_document_name_or_neighbours():
    text = ALIAS_DOCS[0][0]
    alone = ids_of(text, "a")
    assert ids_of(text, "another-name") == alone
    assert ids_of(ALIAS_DOCS[1][0] + "\n\n" + text, "a") == {**ids_of(ALIAS_DOCS[1][0], "x"), **alone}


def test_same_text_same_records():
    first = extract(STORY, doc="story").records()
    second = extract(STORY, doc="story").records()
    assert first == second
    assert json.dumps(first) == json.dumps(second)


_CHILD = """
import json, sys
from kankei.pipeline import extract
docs = json.loads(sys.stdin.read())
print(json.dumps([extract(t, doc=d).records() for d, t in docs]))
"""


def test_same_records_after_other_documents():
    """Nothing a document leaves behind in the process (caches, detected names) changes the next one."""
    fresh = [extract(t, doc=d).records() for d, t in (("a", ALIAS_DOCS[0][0]), ("b", ALIAS_DOCS[1][1]))]
    for i, text in enumerate([STORY, *ALIAS_DOCS[1], "Sato Hanako and Chongryon Sato met Soren in Tokyo."]):
        extract(text, doc=f"other{i}")
    again = [extract(t, doc=d).records() for d, t in (("a", ALIAS_DOCS[0][0]), ("b", ALIAS_DOCS[1][1]))]
    assert again == fresh


def test_same_records_in_other_processes():
    """Ids and records must not depend on hash seeds (set order) or on the process."""
    docs = [["story", STORY], ["a", ALIAS_DOCS[0][0]], ["b", ALIAS_DOCS[0][1]]]
    outputs = []
    for seed in ("1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run([sys.executable, "-c", _CHILD], input=json.dumps(docs), capture_output=True,
                              text=True, env=env, timeout=300, check=True)
        outputs.append(json.loads(proc.stdout))
    assert outputs[0] == outputs[1]
    ids = {r["text"]: r["entity"] for recs in outputs[0] for r in recs if r["kind"] == "entity"}
    assert ids["Chongryon"] == ids["Chosen Soren"] == "org:chongryon"


# --- line endings ----------------------------------------------------------------------------

def test_crlf_keeps_offsets_and_findings():
    crlf = STORY.replace("\n", "\r\n")
    lf_records = extract(STORY, doc="s").records()
    crlf_records = extract(crlf, doc="s").records()
    check_quotes(crlf, crlf_records)
    assert crlf_records[0]["end"] == len(crlf)

    def summary(recs):
        return [(r["kind"], r["text"], r.get("value"), r.get("entity"), r.get("type"), r.get("date"))
                for r in recs[1:]]

    assert summary(crlf_records) == summary(lf_records)
    lines_before = [crlf.count("\r\n", 0, r["start"]) for r in crlf_records[1:]]
    assert [r["start"] + n for r, n in zip(lf_records[1:], lines_before, strict=True)] == \
        [r["start"] for r in crlf_records[1:]]


def test_bom_and_lone_cr_keep_offsets():
    for text in ("\ufeff" + STORY, STORY.replace("\n", "\r"), STORY.replace("\n", "\u2028")):
        records = extract(text, doc="s").records()
        check_quotes(text, records)
        assert "2014-03" in [r["value"] for r in by_kind(records, "time")]


# --- properties ------------------------------------------------------------------------------

FRAGMENTS = ["In March 2014", "Chongryon", "93,000 people", "Tokyo condemned", "[3]", "\r\n", "\n", " ", ".",
             ", ", "the late 1950s", "between 1959 and 1984", "today", "Last Updated June 2015", "Notes\n",
             "1.", "Kim Jong-il", "Deputy Minister Hanako Sato", "Sato", "$800 million", "two-thirds",
             "17.2.1953-11.10.1957", "Mr. Abe", "Maritime Safety Bureau (MSB)", "three days later", "met",
             "imposed sanctions on", "Pyongyang", "the DPRK", "Ch\u2019\u014fngry\u014fn", "\u0130", "\ufb01",
             "\u00df", "\ufeff", "\u2028", "\t", "about 40", "1995-96", "(", ")", "\u201c", "\u2014", "日本",
             "2014年3月"]

texts = st.one_of(
    st.text(),
    st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=40).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_extract_never_raises_and_records_quote_the_text(text: str):
    records = extract(text, doc="p").records()
    assert records[0]["kind"] == "document" and records[0]["end"] == len(text)
    check_quotes(text, records)
    keys = [(r["start"], r["end"]) for r in records[1:]]
    assert keys == sorted(keys)
    json.dumps(records)


@pytest.mark.parametrize("text,published", [
    ("Ferries and Families\n\nPublished online: 12 May 2018\n\nThe ferry sailed in 1971.\n", "2018-05-12"),
    ("A Note on Remittances\n\nFIRST PUBLISHED: 4 April 2003\n\nBody text from 1988.\n", "2003-04-04"),
    ("Kim Il-sung Square\n\nThe square opened in 1954.\n\nThis page was last edited on 6 July 2020, at 08:12.\n",
     "2020-07-06"),
])
def test_the_document_date_from_publication_and_footer_cues(text, published):
    assert extract(text).published == published


@pytest.mark.parametrize("text,title", [
    ("NEWS | DIPLOMACY\n\nTokyo and Pyongyang Resume Quiet Contacts in Mongolia\n\nBy A Writer\n",
     "Tokyo and Pyongyang Resume Quiet Contacts in Mongolia"),
    ("PENINSULA WEEKLY\n\nWhy the Ferry Stopped Coming to Niigata\n\nBody.\n", "Why the Ferry Stopped Coming to Niigata"),
    ("Ri Sol-ju\n\nFrom Wikipedia, the free encyclopedia\n\nKnown As: First Lady of North Korea\n", "Ri Sol-ju"),
])
def test_the_title_skips_section_labels_mastheads_and_wiki_taglines(text, title):
    assert extract(text).title == title


def test_a_text_without_sentence_ends_is_read_in_bounded_pieces():
    from kankei.pipeline import bounded
    text = "Japan met North Korea in 2002 and " * 200 + "then stopped."
    spans = bounded([(0, len(text))], text)
    assert len(spans) > 1 and all(e - s <= 2000 for s, e in spans)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))        # in order, not overlapping
    assert [r["date"] for r in extract(text, doc="t").records() if r["kind"] == "event"][:1] == ["2002"]
