"""Event groups are recomputed locally: a build touches only what its new or deleted events can
change, and the result is the grouping of the whole base, whatever the order of the builds.

The articles are generated from a few sentence shapes written for this test: many documents tell
the same handful of meetings, sanctions and launches, at day, month or year precision, so that
links cross documents, vague dates and shared actors.
"""
from __future__ import annotations

import random
import sqlite3
from itertools import combinations
from pathlib import Path

import pytest

from kankei.reconcile import events as grouping
from kankei.reconcile.events import group_events
from kankei.store import connect
from kankei.store.build import build

ACTORS = ["Japan", "North Korea", "South Korea", "China", "Russia", "the United States"]
PLACES = ["Beijing", "Tokyo", "Pyongyang", "Seoul", "Moscow", "Geneva"]
MONTHS = ["January", "March", "May", "July", "September", "November"]
SHAPES = ["{a} met {b} in {place} {when}.", "{a} held talks with {b} in {place} {when}.",
          "{a} imposed sanctions on {b} {when}.", "{When}, {a} announced new sanctions against {b}.",
          "{b} launched a missile toward {place} {when}.", "{a} signed an agreement with {b} in {place} {when}."]


def _articles(n: int, seed: int = 5) -> dict[str, str]:
    rng = random.Random(seed)
    pool = [(rng.randrange(len(SHAPES) // 2) * 2, *rng.sample(ACTORS, 2), rng.choice(PLACES),
             rng.randint(1990, 1996), rng.randrange(6), rng.randint(1, 28)) for _ in range(18)]
    out = {}
    for k in range(n):
        lines = [f"Dispatch {k}", ""]
        for _ in range(rng.randint(2, 4)):
            shape, a, b, place, year, month, day = rng.choice(pool)
            p = rng.random()
            when = (f"on {day} {MONTHS[month]} {year}" if p < 0.5 else f"in {MONTHS[month]} {year}" if p < 0.8
                    else f"in {year}")
            text = SHAPES[shape + rng.randrange(2)].format(a=a, b=b, place=place, when=when, When=when.capitalize())
            lines.append(text[0].upper() + text[1:])
        out[f"d{k:02d}.txt"] = "\n".join(lines) + "\n"
    return out


ARTICLES = _articles(48)


def _write(folder: Path, names: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(ARTICLES[name], encoding="utf-8")
    return folder


def _build(db: Path, *folders: Path) -> None:
    conn = connect(db)
    try:
        build(conn, list(folders))
    finally:
        conn.close()


def _grouping(db: Path) -> dict:
    with sqlite3.connect(db) as conn:
        return {"groups": sorted(conn.execute("SELECT event_id, group_id FROM event_groups")),
                "links": sorted(conn.execute("SELECT a, b, strong, similarity, shared, b_span FROM event_links")),
                "anchors": sorted(conn.execute("SELECT event_id, document_id, span, centre, anchor FROM event_anchors")),
                "regroup": conn.execute("SELECT count(*) FROM regroup").fetchone()[0]}


def _regroup_whole(db: Path) -> dict:
    conn = connect(db)
    try:
        group_events(conn, full=True)
    finally:
        conn.close()
    return _grouping(db)


@pytest.fixture(scope="module")
def batches(tmp_path_factory) -> dict:
    """A base built in three batches (the last one deleting documents), and one built in one go."""
    tmp = tmp_path_factory.mktemp("local")
    names = sorted(ARTICLES)
    a = _write(tmp / "a", names[:32])
    b = _write(tmp / "b", names[32:40])
    local = []
    original = grouping._regroup

    def spy(conn, seeds):
        local.append(len(seeds))
        return original(conn, seeds)
    grouping._regroup = spy
    try:
        _build(tmp / "kb.db", a)
        _build(tmp / "kb.db", a, b)
        c = _write(tmp / "c", names[40:])
        for name in names[3:32:8]:
            (a / name).unlink()
        _build(tmp / "kb.db", a, b, c)
    finally:
        grouping._regroup = original
    kept = [n for n in names if n not in names[3:32:8]]
    _build(tmp / "once.db", _write(tmp / "all", kept))
    return {"incremental": _grouping(tmp / "kb.db"), "full": _regroup_whole(tmp / "kb.db"),
            "once": _grouping(tmp / "once.db"), "local": local}


def test_the_corpus_links_and_groups_across_documents(batches: dict) -> None:
    state = batches["incremental"]
    assert state["regroup"] == 0
    assert len({g for _, g in state["groups"]}) >= 5
    assert len(state["links"]) >= 50


def test_an_incremental_regroup_with_deletions_equals_a_full_one(batches: dict) -> None:
    assert len(batches["local"]) == 2       # the second and third builds regrouped locally
    assert batches["incremental"] == batches["full"]


def test_the_groups_do_not_depend_on_the_order_of_builds(batches: dict) -> None:
    assert batches["incremental"]["groups"] == batches["once"]["groups"]
    assert batches["incremental"]["links"] == batches["once"]["links"]


def test_every_two_members_of_a_group_are_linked_and_from_different_documents(batches: dict) -> None:
    state = batches["incremental"]
    linked = {(a, b) for a, b, *_ in state["links"]}
    doc = {e: d for e, d, *_ in state["anchors"]}
    groups: dict[str, list[str]] = {}
    for event_id, group_id in state["groups"]:
        groups.setdefault(group_id, []).append(event_id)
    for members in groups.values():
        assert len(members) >= 2
        assert len({doc[m] for m in members}) == len(members)
        assert all((x, y) in linked for x, y in combinations(members, 2))


def test_links_are_stored_both_ways_and_every_centre_is_its_own_anchor(batches: dict) -> None:
    state = batches["incremental"]
    linked = {(a, b) for a, b, *_ in state["links"]}
    assert all((b, a) in linked for a, b in linked)
    for event_id, _, _, centre, anchor in state["anchors"]:
        assert (anchor == event_id) == bool(centre)
        assert anchor is None or anchor == event_id or (event_id, anchor) in linked


# A differential test below the extractor: random events written straight into a base, documents
# added and deleted in rounds, each round regrouped locally and compared with a whole regroup.
WORDS = "met talks held summit signed accord sanctions missile launch visit envoy border trade aid".split()
DAYS = [f"{y}-{m:02d}-{d:02d}" for y in (2000, 2001) for m in (1, 6) for d in (3, 17)]


def _date(rng: random.Random) -> tuple[str, str]:
    day = rng.choice(DAYS)
    p = rng.random()
    if p < 0.5:
        return day, day
    if p < 0.8:
        return day[:8] + "01", day[:8] + "28"
    return day[:4] + "-01-01", day[:4] + "-12-31"


def _add_document(conn: sqlite3.Connection, rng: random.Random, k: int) -> None:
    doc = f"doc:{k:03d}"
    conn.execute("INSERT INTO documents (id, doc, chars, text, extractor) VALUES (?, ?, 1, 'x', 'test')", (doc, doc))
    for _ in range(rng.randint(2, 5)):
        event_id = f"event:{rng.getrandbits(40):010x}"
        lo, hi = _date(rng)
        sentence = " ".join(rng.sample(WORDS, 4))
        conn.execute("INSERT INTO events (id, document_id, type, date, date_lo, date_hi, start, \"end\", exact, prefix,"
                     " suffix, sentence) VALUES (?, ?, ?, ?, ?, ?, 0, 1, 'x', '', '', ?)",
                     (event_id, doc, rng.choice(["meet", "sanction"]), lo, lo, hi, sentence))
        for role, actor in zip(("agent", "patient"), rng.sample(["a:jp", "a:kp", "a:kr", "a:cn"], 2), strict=True):
            conn.execute("INSERT INTO event_participants (event_id, role, entity_id, machine_entity_id)"
                         " VALUES (?, ?, ?, ?)", (event_id, role, actor, actor))
        if rng.random() < 0.5:
            conn.execute("INSERT INTO event_participants (event_id, role, entity_id, machine_entity_id)"
                         " VALUES (?, 'location', 'place:x', 'place:x')", (event_id,))
        conn.execute("INSERT INTO regroup (event_id) VALUES (?)", (event_id,))


def _delete_document(conn: sqlite3.Connection, doc: str) -> None:
    conn.execute("INSERT OR IGNORE INTO regroup (event_id) SELECT id FROM events WHERE document_id = ?", (doc,))
    conn.execute("DELETE FROM documents WHERE id = ?", (doc,))


def _tables(conn: sqlite3.Connection) -> tuple:
    return tuple(sorted(tuple(r) for r in conn.execute(f"SELECT * FROM {t}"))
                 for t in ("event_groups", "event_links", "event_anchors", "event_blocks"))


@pytest.mark.parametrize("seed", range(4))
def test_random_rounds_of_additions_and_deletions_regroup_locally_as_a_whole_regroup(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    conn = connect(tmp_path / "kb.db")
    k = 0
    try:
        for _ in range(40):
            _add_document(conn, rng, k := k + 1)
        conn.commit()
        group_events(conn)
        for _ in range(6):
            docs = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY id")]
            for doc in rng.sample(docs, 3):
                _delete_document(conn, doc)
            for _ in range(4):
                _add_document(conn, rng, k := k + 1)
            conn.commit()
            group_events(conn)
            local = _tables(conn)
            whole = sqlite3.connect(":memory:")
            conn.backup(whole)
            group_events(whole, full=True)
            assert local == _tables(whole)
            whole.close()
        assert local[0] and local[1]
    finally:
        conn.close()


@pytest.mark.parametrize("seed", range(3))
def test_a_merge_and_its_undo_regroup_locally_as_a_whole_regroup(tmp_path: Path, seed: int) -> None:
    from kankei.reconcile.judgements import add_judgement, undo_judgement
    rng = random.Random(seed)
    conn = connect(tmp_path / "kb.db")
    try:
        for k in range(40):
            _add_document(conn, rng, k)
        conn.executemany("INSERT INTO entities (id, name, type, origin) VALUES (?, ?, 'country', 'knowledge')",
                         [(a, a) for a in ("a:jp", "a:kp", "a:kr", "a:cn")])
        conn.commit()
        group_events(conn)
        before = _tables(conn)
        made = add_judgement(conn, "merge", "a:kr", "a:cn")
        assert _tables(conn)[0] != before[0]    # two actors are one now: other groups
        for step in (lambda: None, lambda: undo_judgement(conn, made)):
            step()
            whole = sqlite3.connect(":memory:")
            conn.backup(whole)
            group_events(whole, full=True)
            assert _tables(conn) == _tables(whole)
            whole.close()
        assert _tables(conn) == before      # undone: the groups are as they were
        assert conn.execute("SELECT count(*) FROM regroup").fetchone()[0] == 0
    finally:
        conn.close()
