"""`kankei timeline`: date order across EDTF precisions, filters, JSON, and errors."""
from __future__ import annotations

import json
import sqlite3

import pytest

from kankei import edtf
from kankei.store import connect
from kankei.store.queries import NotFound, timeline
from kb_corpus import build_base, query, run, run_json

FIELDS = {"id", "type", "date", "trigger", "start", "end", "modality", "hedged", "participants", "quote", "doc",
          "title", "document_id", "cameo", "goldstein", "quad", "plover", "group"}
PARTICIPANT_FIELDS = {"role", "entity", "name", "type", "start", "end"}


@pytest.fixture(scope="module")
def base(tmp_path_factory, backend):
    _, db = build_base(tmp_path_factory.mktemp("timeline"), backend)
    return db


def events_with_dates(path, dates: list[str | None]) -> None:
    """A base with one document and one event per date (given out of order), all with Japan as agent."""
    conn = connect(path)
    text = "A chronology.\n" + "".join(f"Japan met envoys {i}.\n" for i in range(len(dates)))
    conn.execute("INSERT INTO documents (id, doc, path, title, chars, text, extractor) VALUES"
                 " ('d1', 'chronology', NULL, 'A chronology', ?, ?, 'test')", (len(text), text))
    conn.execute("INSERT INTO entities (id, name, type, origin) VALUES ('country:japan', 'Japan', 'country', 'knowledge')")
    for i, value in enumerate(dates):
        lo, hi = edtf.bounds(value) or (None, None)
        start = text.index(f"Japan met envoys {i}.") + 6
        conn.execute("INSERT INTO events (id, document_id, type, date, date_lo, date_hi, start, \"end\", exact, prefix,"
                     " suffix, sentence) VALUES (?, 'd1', 'meet', ?, ?, ?, ?, ?, 'met', '', '', ?)",
                     (f"event:{value}", value, lo, hi, start, start + 3, f"Japan met envoys {i}."))
        conn.execute("INSERT INTO event_participants (event_id, role, entity_id) VALUES (?, 'agent', 'country:japan')",
                     (f"event:{value}",))
    conn.commit()
    conn.close()


# By the earliest day each can denote, then the latest: a decade before its first year, a year before
# the range that starts with it; among values starting the same day the narrower comes first.
IN_ORDER = ["../1958", "195X", "1959", "1959/1984", "1959-21", "1959-06~", "1959-12", "1959-12-14", "1959-12-14/1960-02",
            "1960-01-01", "1960", "196X", "1960/.."]


def test_dates_of_different_precision_sort_by_earliest_then_latest_day(tmp_path):
    db = tmp_path / "kb.db"
    events_with_dates(db, list(reversed(IN_ORDER)) + [None])
    conn = connect(db, readonly=True)
    try:
        assert [e["date"] for e in timeline(conn)] == IN_ORDER
        # the undated come last, when asked for
        assert [e["date"] for e in timeline(conn, include_undated=True)] == [*IN_ORDER, None]
        assert [e["date"] for e in timeline(conn, limit=3)] == IN_ORDER[:3]
    finally:
        conn.close()
    # the command prints them in the same order
    lines = [line for line in run("timeline", "--db", db).stdout.splitlines() if not line.startswith(" ")]
    assert [line.split()[0] for line in lines] == IN_ORDER


@pytest.mark.parametrize(("date_from", "date_to", "expected"), [
    ("1959", None, IN_ORDER[1:]),                           # all that may fall in 1959 or later
    ("1960", None, ["1959/1984", "1959-12-14/1960-02", "1960-01-01", "1960", "196X", "1960/.."]),
    (None, "1958", ["../1958", "195X"]),
    (None, "1959-12-13", IN_ORDER[:7]),
    ("1959-12", "1959-12", ["195X", "1959", "1959/1984", "1959-12", "1959-12-14", "1959-12-14/1960-02"]),
    ("1959-12-15", "1959-12-31", ["195X", "1959", "1959/1984", "1959-12", "1959-12-14/1960-02"]),
    ("1959-07", "1959-11", ["195X", "1959", "1959/1984"]),
    ("196X", "196X", ["1959/1984", "1959-12-14/1960-02", "1960-01-01", "1960", "196X", "1960/.."]),
    # an open end does not stretch an event over every later (or earlier) period: the year of its
    # known end is what overlaps
    ("1985", None, []),
    (None, "1900", []),
    ("1960-06", "1961", ["1959/1984", "1960", "196X", "1960/.."]),
])
def test_from_and_to_keep_the_events_that_may_fall_in_the_range(tmp_path, date_from, date_to, expected):
    db = tmp_path / "kb.db"
    events_with_dates(db, IN_ORDER)
    args = [*(["--from", date_from] if date_from else []), *(["--to", date_to] if date_to else [])]
    assert [e["date"] for e in run_json("timeline", "--db", db, *args)] == expected


def test_extracted_events_come_in_date_order(base):
    events = run_json("timeline", "--db", base)
    assert len(events) >= 10
    keys = [edtf.bounds(e["date"]) for e in events]
    assert all(k is not None for k in keys)
    assert keys == sorted(keys)
    dates = [e["date"] for e in events]
    assert dates.index("1955-05-25") < dates.index("2002-09-17") < dates.index("2006-10-09") < dates.index("2017-08-29")
    text = run("timeline", "--db", base).stdout
    positions = [text.index(e["id"]) for e in events]
    assert positions == sorted(positions)


def test_json_has_the_documented_fields(base):
    events = run_json("timeline", "--db", base)
    texts = dict(query(base, "SELECT id, text FROM documents"))
    for ev in events:
        assert set(ev) == FIELDS
        assert texts[ev["document_id"]][ev["start"]:ev["end"]] == ev["trigger"]
        assert ev["trigger"] in ev["quote"]
        assert isinstance(ev["hedged"], bool) and ev["modality"] in ("asserted", "hypothetical", "negated")
        for p in ev["participants"]:
            assert set(p) == PARTICIPANT_FIELDS and p["role"] in ("agent", "patient", "location")
    summit = next(e for e in events if e["date"] == "2002-09-17" and e["type"] == "meet")
    assert summit["doc"] == "summit" and summit["title"] == "A Summit in Pyongyang"
    assert summit["cameo"] == "040" and summit["plover"] == "CONSULT" and summit["goldstein"] == 1.0
    assert {"agent": "person:koizumi"}.items() <= {p["role"]: p["entity"] for p in summit["participants"]}.items()


def test_actor_by_name_alias_id_and_any_case(base):
    by_name = run_json("timeline", "--db", base, "--actor", "Chongryon")
    assert by_name and all(any(p["entity"] == "org:chongryon" for p in e["participants"]) for e in by_name)
    assert {e["doc"] for e in by_name} >= {"courts"}
    for alias in ("Chosen Soren", "chosen soren", "org:chongryon", "General Association of Korean Residents in Japan",
                  "Chongryun"):     # the last is in the knowledge files, not in these articles
        assert run_json("timeline", "--db", base, "--actor", alias) == by_name, alias
    koizumi = run_json("timeline", "--db", base, "--actor", "Junichiro Koizumi")
    assert [e["date"] for e in koizumi] == [e["date"] for e in run_json("timeline", "--db", base, "--actor", "Koizumi")]
    assert "2002-09-17" in [e["date"] for e in koizumi]


def test_type_filter(base):
    everything = run_json("timeline", "--db", base)
    meets = run_json("timeline", "--db", base, "--type", "meet")
    assert meets and all(e["type"] == "meet" for e in meets)
    assert meets == [e for e in everything if e["type"] == "meet"]
    # a type kankei does not know is an error that lists the known ones, not an empty answer
    wrong = run("timeline", "--db", base, "--type", "no-such-type")
    assert wrong.exit_code == 2 and "unknown event type 'no-such-type'" in wrong.stderr and "meet" in wrong.stderr


def test_an_inverted_range_is_an_error(base):
    result = run("timeline", "--db", base, "--from", "2012", "--to", "2010")
    assert result.exit_code == 2 and "--from 2012 is after --to 2010" in result.stderr
    assert run_json("timeline", "--db", base, "--from", "2010", "--to", "2010") is not None


def test_filters_combine(base):
    everything = run_json("timeline", "--db", base)
    got = run_json("timeline", "--db", base, "--from", "2000", "--to", "2010-06", "--actor", "DPRK")
    want = [e for e in everything if edtf.bounds(e["date"])[1] >= "2000-01-01" and edtf.bounds(e["date"])[0] <= "2010-06-30"
            and any(p["entity"] == "country:north_korea" for p in e["participants"])]
    assert got == want and got
    assert "2006-10-09" in [e["date"] for e in got]
    assert len(run_json("timeline", "--db", base, "--limit", "2")) == 2


def test_an_unknown_actor_is_a_clear_error(base):
    result = run("timeline", "--db", base, "--actor", "Nobody Atall")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == ["Error: no actor called 'Nobody Atall' in this knowledge base"]
    with pytest.raises(NotFound):
        conn = connect(base, readonly=True)
        try:
            timeline(conn, actor="Nobody Atall")
        finally:
            conn.close()


@pytest.mark.parametrize("bad", ["19x", "1959-13", "1959-00", "1959-42", "1959-02-30", "yesterday", "1959-12-32", "",
                                 "1959/19x", "1959-13/1960"])
def test_a_bad_date_is_a_usage_error(base, bad):
    for option in ("--from", "--to"):
        result = run("timeline", "--db", base, option, bad)
        assert result.exit_code == 2, (option, bad)
        assert "Usage: " in result.stderr and f"Invalid value for '{option}'" in result.stderr
        assert "is not an EDTF date" in result.stderr and "Traceback" not in result.stderr
    conn = connect(base, readonly=True)
    try:
        with pytest.raises(ValueError, match="not an EDTF date"):
            timeline(conn, date_from=bad)
    finally:
        conn.close()


def test_good_edtf_filters_are_accepted(base):
    for good in ("1959", "1959-12", "1959-12-14", "195X", "1959/1984", "1959~", "2000-21", "2000-33", "../1960"):
        result = run("timeline", "--db", base, "--from", good)
        assert result.exit_code == 0, (good, result.stderr)


def test_the_text_view_lines_up(base):
    lines = [line for line in run("timeline", "--db", base).stdout.splitlines() if not line.startswith(" ")]
    assert lines
    for line in lines:
        assert line[16] == " " and line[17] != " ", line      # the type column starts at the same place
    assert json.loads(run("timeline", "--db", base, "--json", "--limit", "1").stdout)[0]["date"] == "1955-05-25"


def test_uncertain_events_are_marked_in_the_terminal(tmp_path):
    db = tmp_path / "kb.db"
    events_with_dates(db, ["1959", "1960", "1961"])
    conn = sqlite3.connect(db)
    conn.execute("UPDATE events SET modality = 'hypothetical' WHERE date = '1960'")
    conn.execute("UPDATE events SET hedged = 1 WHERE date = '1961'")
    conn.commit()
    conn.close()
    heads = [line for line in run("timeline", "--db", db).stdout.splitlines() if not line.startswith(" ")]
    assert [h.endswith("[hypothetical]") for h in heads] == [False, True, False]
    assert heads[2].endswith("[reported]") and "[" not in heads[0]


def test_claims_about_an_unknown_subject_is_an_error(base):
    result = run("claims", "--db", base, "no such subject at all")
    assert result.exit_code == 1 and "no claims about 'no such subject at all'" in result.stderr
    result = run("conflicts", "--db", base, "no such subject at all")
    assert result.exit_code == 1 and "no claims about" in result.stderr
    assert run("claims", "--db", base).exit_code == 0


def test_quotes_are_cut_between_words_around_the_trigger():
    from kankei.views import excerpt
    sentence = ("In a long statement read out on the radio in the early morning, the spokesman of the ministry "
                "said that the two governments had agreed to resume talks in the spring, after years of silence.")
    cut = excerpt(sentence, 80, focus="agreed")
    assert "agreed" in cut and cut.startswith("…") and cut.endswith("…") and len(cut) <= 82
    words = set(sentence.replace(",", " ").replace(".", " ").split())
    assert all(w in words for w in cut.strip("…").replace(",", " ").replace(".", " ").split())   # no half words
    assert excerpt(sentence, 80).startswith("In a long") and excerpt("Short.", 80) == "Short."


@pytest.mark.parametrize("content", [None, b"", b"this is not a database at all" * 100])
def test_corrections_on_a_missing_empty_or_damaged_base_are_clear_errors(tmp_path, content):
    db = tmp_path / "kb.db"
    if content is not None:
        db.write_bytes(content)
    for args in (["merge", "Japan", "Tokyo"], ["split", "Japan", "--alias", "Nippon"], ["judgements", "--undo", "1"],
                 ["judgements"]):
        result = run(*args, "--db", db)
        assert result.exit_code == 1, (args, result.output)
        assert "Traceback" not in result.output and result.stderr.startswith("Error: ")
    # nothing was made of it
    assert not db.exists() if content is None else db.read_bytes() == content


def test_split_by_a_name_the_actor_does_not_have_is_refused(base):
    result = run("split", "Chongryon", "--alias", "Nobody Writes It So", "--db", base)
    assert result.exit_code == 1 and "nothing to split off" in result.stderr
    assert "judgements" not in result.stdout


def test_one_occurrence_told_by_two_documents_is_one_entry_of_the_timeline(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Sanctions history\n\nAfter North Korea tested a nuclear device on 9 October 2006, "
                                  "Japan banned all imports from the North.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("The ferry\n\nAfter North Korea's nuclear test in October 2006, the ferry was "
                                  "barred from Japanese ports.\n", encoding="utf-8")
    db = tmp_path / "kb.db"
    assert run("build", corpus, "--db", db).exit_code == 0
    groups = {ev["group"] for ev in run_json("timeline", "--db", db, "--type", "weapons_test")}
    assert len(groups) == 1     # (the JSON lists every telling, with its occurrence)
    text = run("timeline", "--db", db, "--type", "weapons_test").stdout
    assert text.count("weapons_test") == 1 and "also told in:" in text and "2006-10-09" in text.splitlines()[0]
