"""The base depends on its documents, not on its history: the same corpus built in one go, in
two batches in either order, or interrupted and resumed, holds the same statements and groups.

The articles are composed for this test.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kankei.reconcile.events import group_events, years_later
from kankei.store import connect
from kankei.store.build import build

ARTICLES = {
    "a1.txt": "Summit in Pyongyang\n\nJunichiro Koizumi met Kim Jong Il in Pyongyang on 17 September 2002. "
              "The two leaders signed the Pyongyang Declaration.\n",
    "a2.txt": "A day of talks\n\nIn September 2002 Koizumi met Kim Jong Il in Pyongyang for talks on the abductions. "
              "Japan and North Korea agreed to resume normalization talks in October 2002.\n",
    "a3.txt": "Looking back\n\nKoizumi met Kim Jong Il in Pyongyang in 2002, a first summit between the two countries. "
              "He met Kim Jong Il again in Pyongyang in May 2004.\n",
    "b1.txt": "Second visit\n\nOn 22 May 2004 Junichiro Koizumi met Kim Jong Il in Pyongyang. "
              "Five children of former abductees left for Japan that day.\n",
    "b2.txt": "Envoys\n\nJapanese and North Korean envoys met in Beijing on 3 May 2004. "
              "Japan and North Korea met again in Stockholm in May 2014.\n",
    "b3.txt": "Stockholm\n\nIn May 2014 Japan and North Korea met in Stockholm and agreed on a new investigation. "
              "North Korea launched a missile over Japan in August 2017.\n",
}
TABLES = {"documents": "id", "events": "id", "mentions": "id", "times": "id", "quantities": "id", "claims": "id"}


def _write(folder: Path, names: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(ARTICLES[name], encoding="utf-8")
    return folder


def _state(db: Path) -> dict:
    with sqlite3.connect(db) as conn:
        out = {t: sorted(r[0] for r in conn.execute(f"SELECT {c} FROM {t}")) for t, c in TABLES.items()}
        out["participants"] = sorted(conn.execute("SELECT event_id, role, entity_id FROM event_participants"))
        out["groups"] = sorted(conn.execute("SELECT event_id, group_id FROM event_groups"))
        out["merges"] = sorted(conn.execute("SELECT subject, object FROM judgements WHERE undone_at IS NULL"))
        out["regroup"] = conn.execute("SELECT count(*) FROM regroup").fetchone()[0]
    return out


def _build(db: Path, *folders: Path, stop_after: int | None = None) -> None:
    conn = connect(db)
    seen = []

    def progress(path) -> None:
        seen.append(path)
        if stop_after is not None and len(seen) >= stop_after:
            raise KeyboardInterrupt     # as Ctrl-C or a kill between two documents
    try:
        build(conn, list(folders), progress=progress)
    except KeyboardInterrupt:
        pass
    finally:
        conn.close()


@pytest.fixture(scope="module")
def at_once(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("once")
    _build(tmp / "kb.db", _write(tmp / "a", ["a1.txt", "a2.txt", "a3.txt"]), _write(tmp / "b", ["b1.txt", "b2.txt", "b3.txt"]))
    return _state(tmp / "kb.db")


def test_the_corpus_makes_groups(at_once: dict) -> None:
    assert at_once["regroup"] == 0
    groups = {}
    for event_id, group_id in at_once["groups"]:
        groups.setdefault(group_id, []).append(event_id)
    assert len(groups) >= 2
    assert all(len(members) >= 2 for members in groups.values())


@pytest.mark.parametrize("first,second", [("a", "b"), ("b", "a")])
def test_two_batches_in_either_order_give_the_same_base(tmp_path: Path, at_once: dict, first: str, second: str) -> None:
    folders = {"a": _write(tmp_path / "a", ["a1.txt", "a2.txt", "a3.txt"]),
               "b": _write(tmp_path / "b", ["b1.txt", "b2.txt", "b3.txt"])}
    _build(tmp_path / "kb.db", folders[first])
    _build(tmp_path / "kb.db", folders[first], folders[second])
    assert _state(tmp_path / "kb.db") == at_once


def test_an_interrupted_build_resumed_gives_the_same_base(tmp_path: Path, at_once: dict) -> None:
    a = _write(tmp_path / "a", ["a1.txt", "a2.txt", "a3.txt"])
    b = _write(tmp_path / "b", ["b1.txt", "b2.txt", "b3.txt"])
    _build(tmp_path / "kb.db", a, b, stop_after=4)
    with sqlite3.connect(tmp_path / "kb.db") as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 4
    _build(tmp_path / "kb.db", a, b)
    assert _state(tmp_path / "kb.db") == at_once


def test_removing_a_document_regroups_what_it_was_grouped_with(tmp_path: Path, at_once: dict) -> None:
    a = _write(tmp_path / "a", ["a1.txt", "a2.txt", "a3.txt"])
    b = _write(tmp_path / "b", ["b1.txt", "b2.txt", "b3.txt", "a1.txt"])
    _build(tmp_path / "kb.db", a, b)
    (b / "a1.txt").unlink()
    _build(tmp_path / "kb.db", a, b)
    state = _state(tmp_path / "kb.db")
    assert state == at_once


def test_an_incremental_regroup_equals_a_full_one(tmp_path: Path) -> None:
    a = _write(tmp_path / "a", ["a1.txt", "a2.txt", "b2.txt"])
    b = _write(tmp_path / "b", ["a3.txt", "b1.txt", "b3.txt"])
    _build(tmp_path / "kb.db", a)
    _build(tmp_path / "kb.db", a, b)
    incremental = _state(tmp_path / "kb.db")["groups"]
    conn = connect(tmp_path / "kb.db")
    try:
        group_events(conn, full=True)
    finally:
        conn.close()
    assert _state(tmp_path / "kb.db")["groups"] == incremental


def test_open_ended_horizons_compare_as_dates() -> None:
    assert years_later("9998-06-01", 5) == "9999-12-31" and years_later("9999-12-31", 5) > "1960-01-01"
    assert years_later("0003-01-01", -5) == "0000-01-01"
    assert years_later("1959-12-14", 5) == "1964-12-14"
