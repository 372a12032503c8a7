"""`kankei build`: populating the base, idempotent re-runs, edits, bad input, and interruptions."""
from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from kankei.extract import extract_source
from kankei.read import read_path
from kankei.store import build as build_module
from kankei.store import db as db_module
from kb_corpus import ARTICLES, SUMMIT, TABLES, VOYAGES, build_base, counts, ids, run, write_corpus


def fresh(path: Path):
    """What a fresh extraction of the file gives."""
    return extract_source(read_path(path))


def stored(conn: sqlite3.Connection, doc_id: str) -> dict[str, Counter]:
    q = lambda sql: Counter(tuple(r) for r in conn.execute(sql, (doc_id,)))  # noqa: E731
    return {
        "events": q("SELECT type, start, \"end\", date FROM events WHERE document_id = ?"),
        "participants": q("SELECT e.start, p.role, p.entity_id FROM event_participants p"
                          " JOIN events e ON e.id = p.event_id WHERE e.document_id = ?"),
        "mentions": q("SELECT entity_id, start, \"end\" FROM mentions WHERE document_id = ?"),
        "times": q("SELECT value, start, \"end\" FROM times WHERE document_id = ?"),
        "quantities": q("SELECT value, start, \"end\" FROM quantities WHERE document_id = ?"),
    }


def expected(result) -> dict[str, Counter]:
    return {
        "events": Counter((e.type, e.start, e.end, e.date) for e in result.events),
        "participants": Counter((e.start, p["role"], p["entity"]) for e in result.events for p in e.participants),
        "mentions": Counter((m.entity, m.start, m.end) for m in result.entities),
        "times": Counter((t.value, t.start, t.end) for t in result.times),
        "quantities": Counter((q.value, q.start, q.end) for q in result.quantities),
    }


def assert_matches_extraction(db: Path) -> int:
    """Every stored document has exactly the statements a fresh extraction of its file gives."""
    with sqlite3.connect(db) as conn:
        docs = conn.execute("SELECT id, path FROM documents").fetchall()
        for doc_id, path in docs:
            assert stored(conn, doc_id) == expected(fresh(Path(path))), path
    return len(docs)


def no_orphans(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        for table in ("mentions", "times", "quantities", "events", "notes", "citations"):
            n = conn.execute(f"SELECT count(*) FROM {table} WHERE document_id NOT IN (SELECT id FROM documents)")
            assert n.fetchone()[0] == 0, table
        assert conn.execute("SELECT count(*) FROM event_participants WHERE event_id NOT IN (SELECT id FROM events)"
                            ).fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM entities WHERE id NOT IN (SELECT entity_id FROM mentions)"
                            " AND id NOT IN (SELECT entity_id FROM event_participants)").fetchone()[0] == 0


# --- a build -------------------------------------------------------------------------------


def test_build_populates_every_table(tmp_path):
    corpus, db = build_base(tmp_path)
    n = counts(db)
    assert n["documents"] == len(ARTICLES)
    for table in TABLES:
        assert n[table] > 0, table
    assert n["notes"] == 2 and n["citations"] == 2
    assert assert_matches_extraction(db) == len(ARTICLES)
    with sqlite3.connect(db) as conn:
        # aliases of one actor are one entity
        aliases = {r[0] for r in conn.execute("SELECT exact FROM mentions WHERE entity_id = 'org:chongryon'")}
        assert {"Chongryon", "Chosen Soren"} <= aliases
        title, published = conn.execute("SELECT title, published FROM documents WHERE doc = 'voyages'").fetchone()
        assert title.startswith("The Niigata Voyages") and published == "2008-03-12"
        # every statement's quote is the text at its span
        for table in ("mentions", "times", "quantities", "events"):
            for text, start, end, exact in conn.execute(
                    f"SELECT d.text, s.start, s.\"end\", s.exact FROM {table} s JOIN documents d ON d.id = s.document_id"):
                assert text[start:end] == exact
    no_orphans(db)


def test_rebuild_is_idempotent(tmp_path):
    corpus, db = build_base(tmp_path)
    before = counts(db)
    before_ids = {t: ids(db, t) for t in ("documents", "mentions", "times", "quantities", "events", "notes")}
    result = run("build", corpus, "--db", db, "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report == {"added": [], "replaced": [], "failed": [], "removed": [], "warnings": [],
                      "unchanged": sorted(str((corpus / n).resolve()) for n in ARTICLES)}
    assert counts(db) == before
    assert {t: ids(db, t) for t in before_ids} == before_ids


def test_force_re_extracts_with_the_same_ids(tmp_path):
    corpus, db = build_base(tmp_path)
    before = {t: ids(db, t) for t in ("documents", "mentions", "events")}
    result = run("build", corpus, "--db", db, "--force", "--json")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["replaced"]) == len(ARTICLES)
    assert {t: ids(db, t) for t in before} == before
    no_orphans(db)


def test_editing_one_file_replaces_only_its_statements(tmp_path):
    corpus, db = build_base(tmp_path)
    with sqlite3.connect(db) as conn:
        (old_id,) = conn.execute("SELECT id FROM documents WHERE doc = 'summit'").fetchone()
    others = {t: ids(db, t, "WHERE document_id != ?", (old_id,)) for t in ("mentions", "times", "quantities", "events")}
    # Deputy Minister Hanako Sato is in no knowledge file: a detected entity only this version names.
    (corpus / "summit.txt").write_text(
        SUMMIT.replace("Koizumi visited Pyongyang again in May 2004.",
                       "Deputy Minister Hanako Sato met Kim Jong-il in Pyongyang on 3 March 2005."), encoding="utf-8")
    result = run("build", corpus, "--db", db, "--json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["replaced"] == [str((corpus / "summit.txt").resolve())] and not report["added"]
    assert len(report["unchanged"]) == len(ARTICLES) - 1
    assert {t: ids(db, t, "WHERE document_id != (SELECT id FROM documents WHERE doc = 'summit')")
            for t in others} == others
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == len(ARTICLES)
        for table in ("mentions", "times", "quantities", "events", "citations", "notes"):
            assert conn.execute(f"SELECT count(*) FROM {table} WHERE document_id = ?", (old_id,)).fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'Sato'").fetchone()[0] == 1
        sato = conn.execute("SELECT entity_id FROM mentions WHERE exact LIKE '%Sato'").fetchone()
        assert sato is not None
    assert_matches_extraction(db)
    # The next version drops her again: her entity goes with the last statement about her.
    (corpus / "summit.txt").write_text(SUMMIT, encoding="utf-8")
    assert run("build", corpus, "--db", db).exit_code == 0
    assert sato[0] not in ids(db, "entities")
    no_orphans(db)


def test_same_content_at_two_paths_is_one_document(tmp_path):
    corpus, db = build_base(tmp_path)
    before = counts(db)
    (corpus / "copies").mkdir()
    (corpus / "copies" / "voyages-copy.txt").write_text(VOYAGES, encoding="utf-8")
    result = run("build", corpus, "--db", db, "--json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert not report["added"] and len(report["unchanged"]) == len(ARTICLES) + 1
    assert counts(db) == before


def test_a_file_given_the_content_of_another_drops_its_old_document(tmp_path):
    corpus, db = build_base(tmp_path)
    (corpus / "talks.txt").write_text(VOYAGES, encoding="utf-8")
    result = run("build", corpus, "--db", db, "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["replaced"] == [str((corpus / "talks.txt").resolve())]
    with sqlite3.connect(db) as conn:
        docs = sorted(r[0] for r in conn.execute("SELECT doc FROM documents"))
    assert docs == ["courts", "summit", "voyages"]     # no stale 'talks' left behind
    no_orphans(db)


def test_a_deleted_file_leaves_the_base_on_the_next_build(tmp_path):
    corpus, db = build_base(tmp_path)
    (corpus / "talks.txt").unlink()
    result = run("build", corpus, "--db", db, "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["removed"] == [str((corpus / "talks.txt").resolve())]
    with sqlite3.connect(db) as conn:
        assert sorted(r[0] for r in conn.execute("SELECT doc FROM documents")) == ["courts", "summit", "voyages"]
    no_orphans(db)
    assert assert_matches_extraction(db) == 3


def test_keep_missing_keeps_deleted_files_and_other_folders_are_untouched(tmp_path):
    corpus, db = build_base(tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    (other / "extra.txt").write_text("Japan froze remittances to North Korea in 2016.\n", encoding="utf-8")
    assert run("build", other, "--db", db).exit_code == 0
    (corpus / "talks.txt").unlink()
    kept = json.loads(run("build", corpus, "--db", db, "--keep-missing", "--json").stdout)
    assert kept["removed"] == [] and counts(db)["documents"] == len(ARTICLES) + 1
    # a build of one folder removes only what is gone from that folder
    (other / "extra.txt").unlink()
    report = json.loads(run("build", corpus, "--db", db, "--json").stdout)
    assert report["removed"] == [str((corpus / "talks.txt").resolve())]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM documents WHERE doc = 'extra'").fetchone()[0] == 1
    no_orphans(db)


def test_files_with_the_same_name_in_two_folders_keep_their_own_events(tmp_path):
    # The extractor keys event ids on the file name and the sentence: two 'summit' files that share
    # sentences must not take each other's events.
    for folder, extra in (("2016", ""), ("2019", "\nJapan extended its sanctions in April 2009.\n")):
        (tmp_path / "corpus" / folder).mkdir(parents=True)
        (tmp_path / "corpus" / folder / "summit.txt").write_text(SUMMIT + extra, encoding="utf-8")
    db = tmp_path / "kb.db"
    assert run("build", tmp_path / "corpus", "--db", db).exit_code == 0
    assert assert_matches_extraction(db) == 2
    with sqlite3.connect(db) as conn:
        per_doc = [r[0] for r in conn.execute(
            "SELECT count(e.id) FROM documents d LEFT JOIN events e ON e.document_id = d.id GROUP BY d.id")]
    assert all(per_doc) and len(per_doc) == 2


def test_json_report_lists_added_files(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    result = run("build", corpus, "--db", tmp_path / "kb.db", "--json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert sorted(report) == ["added", "failed", "removed", "replaced", "unchanged", "warnings"]
    assert report["added"] == sorted(str((corpus / n).resolve()) for n in ARTICLES)
    without = run("build", corpus, "--db", tmp_path / "kb.db")
    assert without.stdout == "" and "0 added, 0 replaced, 4 unchanged, 0 removed, 0 failed" in without.stderr


def test_a_build_interrupted_during_reconciliation_is_finished_by_the_next(tmp_path, monkeypatch):
    import kankei.reconcile

    real, calls = kankei.reconcile.reconcile, []

    def interrupted_once(conn):
        calls.append(1)
        if len(calls) == 1:
            raise KeyboardInterrupt     # after every document is stored, before the base is reconciled
        real(conn)

    monkeypatch.setattr(kankei.reconcile, "reconcile", interrupted_once)
    corpus = write_corpus(tmp_path / "corpus")
    db = tmp_path / "kb.db"
    first = run("build", corpus, "--db", db)
    assert first.exit_code == 130 and "interrupted" in first.stderr
    assert counts(db)["documents"] == len(ARTICLES)
    second = run("build", corpus, "--db", db, "--json")
    assert second.exit_code == 0 and len(json.loads(second.stdout)["unchanged"]) == len(ARTICLES)
    assert len(calls) == 2                      # nothing new, but the reconciliation it owed is done
    assert run("build", corpus, "--db", db).exit_code == 0
    assert len(calls) == 2                      # and then nothing is owed


# --- bad input -------------------------------------------------------------------------------


def test_a_bad_file_is_reported_and_the_rest_is_built(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    (corpus / "scan.bin").write_bytes(random.Random(1).randbytes(4000))
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    db = tmp_path / "kb.db"
    result = run("build", corpus, tmp_path / "missing.txt", "--db", db)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("kankei: ")]
    assert len(errors) == 3
    assert any("scan.bin" in e for e in errors) and any("empty.txt: empty file" in e for e in errors)
    assert any("missing.txt: no such file" in e for e in errors)
    assert "Traceback" not in result.stderr
    assert counts(db)["documents"] == len(ARTICLES)


def test_a_file_the_extractor_fails_on_is_reported_and_the_rest_is_built(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "corpus")
    real = build_module.extract_source

    def flaky(source, dct=None):
        if source.doc == "summit":
            raise IndexError("list index out of range")
        return real(source, dct=dct)

    monkeypatch.setattr(build_module, "extract_source", flaky)
    db = tmp_path / "kb.db"
    result = run("build", corpus, "--db", db)
    assert result.exit_code == 1
    assert "summit.txt: extraction failed, a bug in kankei" in result.stderr
    assert "IndexError: list index out of range" in result.stderr
    assert counts(db)["documents"] == len(ARTICLES) - 1


def test_the_base_inside_the_corpus_folder_is_not_read_as_a_document(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    db = corpus / "kankei.db"
    assert run("build", corpus, "--db", db).exit_code == 0
    result = run("build", corpus, "--db", db)    # now kankei.db, -wal and -shm are in the folder
    assert result.exit_code == 0, result.stderr
    assert "kankei.db" not in result.stderr.replace(f"{db}:", "")


def test_a_corrupt_base_gives_one_clear_line(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    db = tmp_path / "kb.db"
    db.write_bytes(random.Random(7).randbytes(8192))
    for args in (("build", corpus), ("timeline",), ("entity", "Chongryon"), ("show", "x"),
                 ("export", "--format", "csv")):
        result = run(*args, "--db", db)
        assert result.exit_code == 1, args
        assert result.stderr.strip().splitlines() == [f"Error: {db}: not a kankei knowledge base "
                                                      "(the file is not SQLite or is corrupt)"], args
    assert db.stat().st_size == 8192        # left as it was


def test_a_locked_base_gives_one_clear_line(tmp_path, monkeypatch):
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT", 0.2)
    corpus, db = build_base(tmp_path)
    (corpus / "talks.txt").write_text(ARTICLES["talks.txt"] + "\nMore talks followed in 2015.\n", encoding="utf-8")
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        result = run("build", corpus, "--db", db)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "locked by another process" in lines[0], lines
    assert run("build", corpus, "--db", db).exit_code == 0     # and the next run goes through


def test_a_new_base_locked_while_being_created_gives_one_clear_line(tmp_path, monkeypatch):
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT", 0.2)
    corpus = write_corpus(tmp_path / "corpus")
    db = tmp_path / "kb.db"
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        result = run("build", corpus, "--db", db)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: {db}: the knowledge base is locked by another process; try again when it finishes"]


def test_a_folder_that_does_not_exist_for_the_base(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    result = run("build", corpus, "--db", tmp_path / "nowhere" / "kb.db")
    assert result.exit_code == 1
    assert "cannot open the knowledge base" in result.stderr and "Traceback" not in result.stderr


# --- interruptions -------------------------------------------------------------------------

_PLACES = ["Niigata", "Pyongyang", "Tokyo", "Stockholm", "Beijing", "Chongjin", "Geneva", "Osaka"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]


_FILLER = [
    "Officials in {place} exchanged letters about the fishing grounds and the ferry schedule.",
    "Delegates from Japan and North Korea discussed the families of the returnees at length.",
    "Chongryon schools in {place} kept teaching in Korean, and their pupils sat national exams.",
    "Observers in {place} said the two governments still disagreed about the abduction issue.",
    "The Japanese Red Cross Society kept lists of the passengers and of the letters they sent home.",
]


def _article(i: int) -> str:
    """A long, distinct article: a few dated events among much undated prose; values vary with i."""
    rnd = random.Random(i)
    paras = [f"Bulletin {i}: Japan and North Korea\n\nPublished: {rnd.randint(1, 28)} {rnd.choice(_MONTHS)} "
             f"{rnd.randint(1995, 2020)}\n"]
    for k in range(4):
        year = rnd.randint(1955, 2019)
        day, month = rnd.randint(1, 28), rnd.choice(_MONTHS)
        place = rnd.choice(_PLACES)
        paras.append(rnd.choice([
            f"On {day} {month} {year}, delegations of Japan and the DPRK met in {place} for talks.",
            f"In {month} {year} a ship left {place} with {rnd.randint(100, 1500)} passengers bound for Chongjin.",
            f"North Korea launched {rnd.randint(2, 9)} ballistic missiles on {day} {month} {year}.",
            f"Japan imposed sanctions on the North on {day} {month} {year}, freezing {rnd.randint(2, 90)} million "
            f"yen held by Chosen Soren.",
        ]) + f" (item {i}.{k})")
        for _ in range(5):
            paras.append(" ".join(rnd.choice(_FILLER).format(place=rnd.choice(_PLACES)) for _ in range(4)))
    return "\n\n".join(paras) + "\n"


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("big")
    for i in range(200):
        (folder / f"bulletin{i:03d}.txt").write_text(_article(i), encoding="utf-8")
    return folder


def _start_build(corpus: Path, db: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "kankei.cli", "build", str(corpus), "--db", str(db)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def _wait_for_documents(db: Path, proc: subprocess.Popen, at_least: int, timeout: float = 15) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, "the build finished before it could be interrupted: make the corpus bigger"
        if db.exists():
            try:
                with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1) as conn:
                    n = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
                if n >= at_least:
                    return n
            except sqlite3.OperationalError:
                pass        # no schema yet
        time.sleep(0.02)
    raise AssertionError("the build stored nothing in time")


def _kill_mid_build(corpus: Path, db: Path) -> None:
    """Start a build and kill -9 it once it has stored some documents."""
    proc = _start_build(corpus, db)
    try:
        _wait_for_documents(db, proc, at_least=25)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.communicate()
    assert proc.returncode == -signal.SIGKILL


def test_a_killed_build_leaves_a_consistent_base_and_the_next_run_finishes(big_corpus, tmp_path):
    db = tmp_path / "kb.db"
    _kill_mid_build(big_corpus, db)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    done = assert_matches_extraction(db)        # no half-written document
    assert 25 <= done < 200
    no_orphans(db)

    result = subprocess.run([sys.executable, "-m", "kankei.cli", "build", str(big_corpus), "--db", str(db), "--json"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert len(report["unchanged"]) == done and len(report["added"]) == 200 - done
    assert counts(db)["documents"] == 200


# What a build states, table by table (every column but when a row was written and a judgement's
# row number); and the tables reconciliation derives from the statements (links, blocks, anchors).
_STATEMENTS = ["documents", "entities", "mentions", "times", "quantities", "events", "event_participants", "notes",
               "citations", "claims", "event_groups", "event_links", "event_blocks", "event_anchors", "judgements",
               "regroup"]


def _statements(db: Path) -> dict[str, list[tuple]]:
    out = {}
    with sqlite3.connect(db) as conn:
        for table in _STATEMENTS:
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")
                    if r[1] not in ("added_at", "created_at") and not (table == "judgements" and r[1] == "id")]
            quoted = ", ".join(f'"{c}"' for c in cols)
            out[table] = sorted(conn.execute(f"SELECT {quoted} FROM {table}"), key=repr)
    return out


def test_a_build_killed_and_resumed_holds_what_an_uninterrupted_build_holds(big_corpus, tmp_path):
    """kill -9 mid-build, then the same build again: the same statements and event groups as one
    build that was never interrupted (issue 13: the base depends on its documents, not its history)."""
    whole = tmp_path / "whole.db"
    done = subprocess.run([sys.executable, "-m", "kankei.cli", "build", str(big_corpus), "--db", str(whole)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    db = tmp_path / "kb.db"
    _kill_mid_build(big_corpus, db)
    assert counts(db)["documents"] < 200
    resumed = subprocess.run([sys.executable, "-m", "kankei.cli", "build", str(big_corpus), "--db", str(db)],
                             capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    expected, got = _statements(whole), _statements(db)
    assert expected["event_groups"] and not got["regroup"]
    for table in _STATEMENTS:
        assert got[table] == expected[table], table


def test_ctrl_c_stops_with_a_message_not_a_traceback(big_corpus, tmp_path):
    db = tmp_path / "kb.db"
    proc = _start_build(big_corpus, db)
    try:
        _wait_for_documents(db, proc, at_least=3)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=15)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130
    assert "Traceback" not in err
    assert "interrupted; documents finished so far are saved" in err
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert assert_matches_extraction(db) >= 3
