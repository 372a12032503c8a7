"""`kankei entity NAME` and `kankei show ID`: an actor's card, and any statement with its sources and notes."""
from __future__ import annotations

import re
from collections import Counter

import pytest

from kb_corpus import VOYAGES, build_base, query, run, run_json

ENTITY_FIELDS = {"id", "name", "type", "origin", "mentions", "documents", "aliases", "events", "events_per_year",
                 "partners"}
SOURCE_FIELDS = {"document_id", "doc", "title", "path", "sentence", "sentence_start", "sentence_end", "start", "end",
                 "notes"}
FIRST_VOYAGE = VOYAGES[VOYAGES.index("On 14 December 1959"):VOYAGES.index("[1]") + 3]
RED_CROSS = VOYAGES[VOYAGES.index("The Japanese Red Cross Society had"):VOYAGES.index("[2]") + 3]


@pytest.fixture(scope="module")
def base(tmp_path_factory, backend):
    _, db = build_base(tmp_path_factory.mktemp("entity"), backend)
    return db


def rows(db, sql: str, args: tuple = ()) -> list[tuple]:
    return query(db, sql, args)


# --- entity ----------------------------------------------------------------------------------


def test_entity_by_name_alias_and_id_is_the_same_card(base):
    card = run_json("entity", "Chongryon", "--db", base)
    assert set(card) == ENTITY_FIELDS
    assert (card["id"], card["name"], card["type"], card["origin"]) == ("org:chongryon", "Chongryon", "organization",
                                                                         "knowledge")
    for name in ("Chosen Soren", "CHOSEN SOREN", "org:chongryon", "Chongryun"):
        assert run_json("entity", name, "--db", base) == card, name


def test_entity_aliases_and_counts_come_from_the_mentions(base):
    card = run_json("entity", "Chosen Soren", "--db", base)
    mentioned = Counter(r[0] for r in rows(base, "SELECT exact FROM mentions WHERE entity_id = 'org:chongryon'"))
    assert {a["text"]: a["count"] for a in card["aliases"]} == dict(mentioned)
    assert {"Chongryon", "Chosen Soren"} <= set(mentioned)
    assert card["aliases"][0]["text"] == "Chongryon"        # the most frequent first
    assert card["mentions"] == sum(mentioned.values())
    assert card["documents"] == 2                            # voyages and courts


def test_entity_events_and_partners(base):
    card = run_json("entity", "Koizumi", "--db", base)
    assert card["id"] == "person:koizumi" and card["type"] == "person"
    assert card["events"] and all(any(p["entity"] == "person:koizumi" for p in e["participants"]) for e in card["events"])
    assert card["events"] == run_json("timeline", "--db", base, "--actor", "person:koizumi")
    partners = Counter()
    for e in card["events"]:
        for p in {(p["entity"], p["name"]) for p in e["participants"]
                  if p["entity"] != "person:koizumi" and p["role"] != "location"}:
            partners[p] += 1
    assert [(p["entity"], p["name"], p["events"]) for p in card["partners"]] == [
        (e, n, c) for (e, n), c in partners.most_common()]
    assert "person:kim_jong_il" in [p["entity"] for p in card["partners"]]      # they met on 17 September 2002
    years = Counter(e["date"][:4] for e in card["events"])
    assert card["events_per_year"] == dict(sorted(years.items())) and "2002" in years


def test_entity_text_view(base):
    result = run("entity", "Chosen Soren", "--db", base)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Chongryon  (organization, org:chongryon, knowledge)"
    assert re.fullmatch(r"\d+ mentions in 2 documents", lines[1])
    assert lines[2].startswith("aliases: Chongryon ×") and "Chosen Soren ×1" in lines[2]
    assert "events per year:" in lines and any(line.startswith("  1955 █") for line in lines)
    koizumi = run("entity", "Junichiro Koizumi", "--db", base).stdout
    assert "interacts most with: " in koizumi and "Kim Jong-il" in koizumi
    assert "2002-09-17" in koizumi


def test_an_unknown_entity_is_a_clear_error(base):
    result = run("entity", "Nobody Atall", "--db", base)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.strip().splitlines() == ["Error: no actor called 'Nobody Atall' in this knowledge base"]


def test_an_actor_the_base_never_mentions_is_a_clear_error(base):
    # Mindan is in the knowledge files, not in these articles.
    result = run("entity", "Mindan", "--db", base)
    assert result.exit_code == 1
    assert "'Mindan' (org:mindan)" in result.stderr and "no document in this knowledge base mentions it" in result.stderr
    assert run_json("timeline", "--db", base, "--actor", "Mindan") == []
    assert run_json("timeline", "--db", base, "--actor", "org:mindan") == []


# --- show ------------------------------------------------------------------------------------


def event_on(db, date: str, doc: str) -> dict:
    events = [e for e in run_json("timeline", "--db", db) if e["date"] == date and e["doc"] == doc]
    assert events, (date, doc)
    return events[0]


def test_show_an_event_with_its_sentence_and_the_note_it_cites(base):
    # the first voyage's sentence cites note 1: shown with what the extractor finds in it (its event,
    # or, if it finds none there, its figure), whichever events it finds
    ev = next((e for e in run_json("timeline", "--db", base) if e["doc"] == "voyages" and e["quote"] == FIRST_VOYAGE),
              None)
    if ev is not None:
        sid = ev["id"]
    else:
        ((sid,),) = rows(base, "SELECT id FROM quantities WHERE exact = '975 passengers'")
    data = run_json("show", sid, "--db", base)
    if ev is not None:
        assert data["kind"] == "event"
        assert {k: data[k] for k in ev} == ev               # everything the timeline says, and its sources
    (src,) = data["sources"]
    assert set(src) == SOURCE_FIELDS
    assert src["sentence"] == FIRST_VOYAGE
    assert VOYAGES[src["sentence_start"]:src["sentence_end"]] == src["sentence"]
    assert VOYAGES[src["start"]:src["end"]] == (ev["trigger"] if ev else "975 passengers")
    assert src["doc"] == "voyages" and src["path"].endswith("voyages.txt")
    (note,) = src["notes"]
    assert note["note"] == "1"
    assert note["text"] == "Inoue to Boissier, 3 May 1960, ICRC Archives, box 12."
    assert isinstance(note["parts"], dict)
    if note["parts"]:           # when the reference parser is there
        assert note["parts"].get("date") == "1960-05-03" and note["parts"].get("author") == "Inoue"

    text = run("show", sid, "--db", base).stdout
    if ev is not None:
        assert text.splitlines()[0] == f"{ev['type']} on 1959-12-14  {ev['id']}"
    assert " ".join(FIRST_VOYAGE.split()) in " ".join(text.split())
    assert "  [1] Inoue to Boissier, 3 May 1960, ICRC Archives, box 12." in text.splitlines()
    assert "[2] Tanaka" not in text


def test_show_an_event_citing_the_second_note(base):
    ev = event_on(base, "1959-08-13", "voyages")
    (src,) = run_json("show", ev["id"], "--db", base)["sources"]
    assert src["sentence"] == RED_CROSS
    assert [n["note"] for n in src["notes"]] == ["2"]
    assert src["notes"][0]["text"].startswith("Tanaka to Leopold, 21 August 1959")


def test_show_an_event_of_a_document_without_notes(base):
    ev = event_on(base, "2002-09-17", "summit")
    data = run_json("show", ev["id"], "--db", base)
    assert data["sources"][0]["notes"] == []
    assert data["sources"][0]["sentence"].startswith("On 17 September 2002, Prime Minister Junichiro Koizumi met")
    text = run("show", ev["id"], "--db", base).stdout
    assert "person:koizumi" in text and "CAMEO 040" in text


def test_show_a_quantity_with_its_own_sentence(base):
    ((qid,),) = rows(base, "SELECT id FROM quantities WHERE exact = '975 passengers'")
    data = run_json("show", qid, "--db", base)
    assert data["kind"] == "quantity" and data["value"] == 975 and data["unit"] == "person"
    (src,) = data["sources"]
    assert src["sentence"] == FIRST_VOYAGE          # not running on into the next sentence
    assert [n["note"] for n in src["notes"]] == ["1"]
    text = run("show", qid, "--db", base).stdout
    assert text.splitlines()[0] == f"quantity: 975 passengers  → 975 person  {qid}"

    ((big,),) = rows(base, "SELECT id FROM quantities WHERE exact = '2.7 billion yen'")
    assert run("show", big, "--db", base).stdout.splitlines()[0] == f"quantity: 2.7 billion yen  → 2,700,000,000 jpy  {big}"
    ((about,),) = rows(base, "SELECT id FROM quantities WHERE exact = 'about 93,000 people'")
    assert run("show", about, "--db", base).stdout.splitlines()[0] == (
        f"quantity: about 93,000 people  → about 93,000 person  {about}")


def test_show_a_time_and_a_mention(base):
    ((tid,),) = rows(base, "SELECT id FROM times WHERE exact = '13 August 1959'")
    data = run_json("show", tid, "--db", base)
    assert data["kind"] == "time" and data["value"] == "1959-08-13"
    assert data["sources"][0]["sentence"] == RED_CROSS
    assert run("show", tid, "--db", base).stdout.splitlines()[0] == f"time: 13 August 1959  → 1959-08-13  {tid}"
    ((mid,),) = rows(base, "SELECT id FROM mentions WHERE exact = 'Chosen Soren'")
    data = run_json("show", mid, "--db", base)
    assert data["kind"] == "entity" and data["entity_id"] == "org:chongryon"
    assert data["sources"][0]["sentence"].startswith("Chosen Soren campaigned for the return movement")
    assert data["sources"][0]["sentence"].endswith("in November 1960.")


def test_show_an_unknown_id_is_a_clear_error(base):
    for bad in ("event:0000000000000000", "nope", ""):
        result = run("show", bad, "--db", base)
        assert result.exit_code == 1 and result.stdout == ""
        assert result.stderr.strip().splitlines() == [f"Error: no event or statement with id {bad!r}"]
