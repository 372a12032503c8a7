"""A parallel build computes the claims' series in a process of its own while it groups the events:
the same series, points and disagreements as a serial build, and computed again here whenever the
base changed meanwhile or that process failed."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from kankei.reconcile import claim_store
from kankei.store import connect
from kankei.store.build import build

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
CLAIM_TABLES = ["claim_series", "claim_points", "claim_conflicts", "claim_canon", "claim_regroup"]


def _claims(db: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(db) as conn:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}"), key=repr) for t in CLAIM_TABLES}


def _build(db: Path, **options) -> None:
    conn = connect(db)
    try:
        build(conn, [CORPUS], **options)
    finally:
        conn.close()


@pytest.fixture(scope="module")
def serial(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("aside") / "serial.db"
    _build(db)
    assert _claims(db)["claim_series"], "the example corpus has claims"
    return db


def _pending(db: Path, tmp: Path, name: str) -> Path:
    """A copy of db with every claim group marked to be recomputed."""
    copy = tmp / name
    shutil.copy(db, copy)
    with sqlite3.connect(copy) as conn:
        conn.execute("INSERT OR IGNORE INTO claim_regroup (subject, property) SELECT DISTINCT subject, property FROM claims")
    return copy


def test_a_parallel_build_computes_the_claims_aside_and_stores_what_a_serial_build_does(serial, tmp_path, monkeypatch):
    monkeypatch.setattr(claim_store, "ASIDE_CLAIMS", 0)
    used = []
    original = claim_store.Aside.result

    def result(self):
        used.append(original(self))
        return used[-1]
    monkeypatch.setattr(claim_store.Aside, "result", result)
    _build(tmp_path / "workers.db", workers=2)
    assert len(used) == 1 and used[0] is not None and used[0].rows
    assert _claims(tmp_path / "workers.db") == _claims(serial)


def test_groups_computed_aside_are_not_used_when_the_base_changed_meanwhile(serial, tmp_path):
    db = _pending(serial, tmp_path, "kb.db")
    conn = connect(db)
    try:
        aside = claim_store.Aside(conn, str(db))
        with sqlite3.connect(db) as other:  # another build, say, removes a claim meanwhile
            other.execute("DELETE FROM claims WHERE rowid = (SELECT min(rowid) FROM claims)")
        assert claim_store.update_claims(conn, aside) > 0
    finally:
        conn.close()
    expected = _pending(serial, tmp_path, "expected.db")
    with sqlite3.connect(expected) as other:
        other.execute("DELETE FROM claims WHERE rowid = (SELECT min(rowid) FROM claims)")
    conn = connect(expected)
    try:
        claim_store.update_claims(conn)
    finally:
        conn.close()
    assert _claims(db) == _claims(expected) and _claims(db) != _claims(serial)


def test_groups_are_computed_here_when_the_process_aside_fails(serial, tmp_path):
    db = _pending(serial, tmp_path, "kb.db")
    conn = connect(db)
    try:
        aside = claim_store.Aside(conn, str(tmp_path / "missing.db"))
        assert aside.result() is None
        assert claim_store.update_claims(conn, claim_store.Aside(conn, str(tmp_path / "missing.db"))) > 0
    finally:
        conn.close()
    assert _claims(db) == _claims(serial)


def test_a_small_base_or_a_serial_build_starts_no_process_aside(serial, tmp_path, monkeypatch):
    conn = connect(_pending(serial, tmp_path, "kb.db"))
    try:
        assert claim_store.claims_aside(conn) is None     # fewer claims than ASIDE_CLAIMS
        monkeypatch.setattr(claim_store, "ASIDE_CLAIMS", 0)
        aside = claim_store.claims_aside(conn)
        assert aside is not None
        aside.close()
    finally:
        conn.close()
    started = []
    monkeypatch.setattr(claim_store, "claims_aside", lambda conn: started.append(conn))
    _build(tmp_path / "serial.db")
    assert started == []
