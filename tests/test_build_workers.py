"""Parallel builds: the example corpus built serially, in two worker processes and on a Dask
LocalCluster of two worker processes gives bases with the same statements; a file that fails in a
parallel batch is reported and the rest lands; an unchanged corpus is not sent to workers."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kankei.cli import main
from kankei.store import connect
from kankei.store import parallel as parallel_module
from kankei.store.build import build, extract_rows

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
# Columns that record when a row was written, not what it says.
WHEN = {"added_at", "created_at"}
TABLES = ["documents", "entities", "mentions", "times", "quantities", "events", "event_participants", "notes",
          "citations", "claims", "event_groups", "judgements"]


def _state(db: Path, ignore: frozenset[str] = frozenset()) -> dict[str, list[tuple]]:
    """Every statement of the base, table by table, as sorted rows of every column but timestamps (and the
    judgements' row numbers, and the columns named in ignore)."""
    out = {}
    with sqlite3.connect(db) as conn:
        for table in TABLES:
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")
                    if r[1] not in WHEN | ignore and not (table == "judgements" and r[1] == "id")]
            quoted = ", ".join(f'"{c}"' for c in cols)
            out[table] = sorted(conn.execute(f"SELECT {quoted} FROM {table}"), key=repr)
    return out


def _build(db: Path, paths: list[Path], **options):
    conn = connect(db)
    try:
        return build(conn, paths, **options)
    finally:
        conn.close()


@pytest.fixture(scope="module")
def bases(tmp_path_factory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("workers")
    corpus = tmp / "corpus"
    shutil.copytree(CORPUS, corpus)
    out = {"serial": tmp / "serial.db", "workers": tmp / "workers.db", "dask": tmp / "dask.db"}
    assert _build(out["serial"], [corpus]).added
    assert len(_build(out["workers"], [corpus], workers=2).added) == 4
    from distributed import LocalCluster
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        report = _build(out["dask"], [corpus], scheduler=cluster.scheduler_address)
    assert len(report.added) == 4 and not report.failed
    out["corpus"] = corpus
    return out


def test_a_build_in_worker_processes_holds_the_statements_of_a_serial_build(bases) -> None:
    serial, workers = _state(bases["serial"]), _state(bases["workers"])
    for table in ("documents", "entities", "mentions", "times", "events", "event_participants", "claims"):
        assert serial[table], f"the example corpus gives no {table}: the comparison would prove nothing"
    assert workers == serial


def test_a_build_on_a_dask_cluster_holds_the_statements_of_a_serial_build(bases) -> None:
    assert _state(bases["dask"]) == _state(bases["serial"])


def test_a_rebuild_of_an_unchanged_corpus_with_workers_adds_nothing_and_starts_no_worker(bases, tmp_path, monkeypatch):
    db = tmp_path / "again.db"
    shutil.copy(bases["workers"], db)
    sent = []
    monkeypatch.setattr(parallel_module.ProcessPool, "submit", lambda self, *args: sent.append(args))
    result = CliRunner().invoke(main, ["build", str(bases["corpus"]), "--db", str(db), "--workers", "2", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["added"] == [] and report["replaced"] == [] and len(report["unchanged"]) == 4
    assert sent == []
    assert _state(db) == _state(bases["serial"])


def flaky_rows(source, doc_id, path, dct):
    """Run in a worker process (imported there by name): fails on one file, kills its worker on another."""
    if source.doc == "broken":
        raise RuntimeError("simulated bug")
    if source.doc == "fatal":
        os._exit(3)     # as a worker killed for memory
    return extract_rows(source, doc_id, path, dct)


def test_files_that_fail_in_a_parallel_batch_are_reported_and_the_rest_lands(bases, tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    shutil.copytree(bases["corpus"], corpus)
    (corpus / "broken.txt").write_text("Japan and North Korea met in Beijing on 3 May 2004.\n", encoding="utf-8")
    (corpus / "fatal.txt").write_text("North Korea launched a missile over Japan in August 2017.\n", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 8)
    monkeypatch.setattr(parallel_module.ProcessPool, "task", staticmethod(flaky_rows))
    report = _build(tmp_path / "kb.db", [corpus], workers=2)
    failed = {Path(p).name: e for p, e in report.failed}
    assert sorted(failed) == ["binary.txt", "broken.txt", "fatal.txt"]
    assert "RuntimeError: simulated bug" in failed["broken.txt"]
    assert "worker process died" in failed["fatal.txt"]
    assert len(report.added) == 4
    anywhere = frozenset({"path"})     # the same documents, from another folder
    assert _state(tmp_path / "kb.db", anywhere) == _state(bases["serial"], anywhere)
    # a failed file is tried again by the next build
    monkeypatch.setattr(parallel_module.ProcessPool, "task", staticmethod(extract_rows))
    again = _build(tmp_path / "kb.db", [corpus], workers=2)
    assert sorted(Path(p).name for p in again.added) == ["broken.txt", "fatal.txt"]


def test_workers_and_a_scheduler_together_are_refused(tmp_path) -> None:
    result = CliRunner().invoke(main, ["build", str(CORPUS), "--db", str(tmp_path / "kb.db"), "--workers", "2",
                                       "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 2 and "not both" in result.output
    assert not (tmp_path / "kb.db").exists()


def test_a_scheduler_without_dask_installed_says_what_to_install(tmp_path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)     # import fails as if not installed
    result = CliRunner().invoke(main, ["build", str(CORPUS), "--db", str(tmp_path / "kb.db"),
                                       "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 1 and "pip install 'kankei[cluster]'" in result.output
    assert not (tmp_path / "kb.db").exists()


# --- the writer's batches -------------------------------------------------------------------

_PER_DOCUMENT = ["mentions", "times", "quantities", "events", "notes", "citations", "claims"]


def _documents_rows(db: Path | str, ignore: frozenset[str] = frozenset({"path"})) -> dict[str, list[tuple]]:
    """Each stored document's statements (by document id), read as the tests read either kind of base."""
    from kb_corpus import query
    out = {}
    for (doc_id,) in query(db, "SELECT id FROM documents"):
        rows = []
        for table in _PER_DOCUMENT:
            cols = [c for c in _columns(table) if c not in WHEN | ignore]
            quoted = ", ".join(f'"{c}"' for c in cols)
            rows.append(sorted(query(db, f"SELECT {quoted} FROM {table} WHERE document_id = ?", (doc_id,)), key=repr))
        rows.append(sorted(query(db, "SELECT p.event_id, p.role, p.entity_id FROM event_participants p"
                                     " JOIN events e ON e.id = p.event_id WHERE e.document_id = ?", (doc_id,))))
        out[doc_id] = rows
    return out


def _columns(table: str) -> list[str]:
    with sqlite3.connect(":memory:") as conn:
        from kankei.store.db import _statements
        from kankei.store.schema import MIGRATIONS
        for script in MIGRATIONS:
            for statement in _statements(script):
                conn.execute(statement)
        return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def _interrupted_build(db: Path | str, corpus: Path, after: int) -> None:
    """A parallel build stopped (as by Ctrl-C) once `after` documents have been settled."""
    seen = []

    def progress(path) -> None:
        seen.append(path)
        if len(seen) >= after:
            raise KeyboardInterrupt
    conn = connect(db)
    try:
        with pytest.raises(KeyboardInterrupt):
            build(conn, [corpus], workers=2, progress=progress)
    finally:
        conn.close()


def test_documents_written_in_one_batch_are_committed_whole_when_the_build_is_interrupted(bases, tmp_path):
    """Several documents share a transaction; Ctrl-C between two of them keeps every one written."""
    db = tmp_path / "kb.db"
    _interrupted_build(db, bases["corpus"], after=3)
    kept = _documents_rows(db)
    assert len(kept) == 3
    serial = _documents_rows(bases["serial"])
    assert all(kept[doc_id] == serial[doc_id] for doc_id in kept)
    assert len(_build(db, [bases["corpus"]], workers=2).added) == 1
    assert _state(db) == _state(bases["serial"])


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_an_error_while_a_document_is_written_rolls_back_its_batch_and_the_next_build_adds_them(
        bases, tmp_path, monkeypatch, kind):
    """The writer fails after a document's last statement, before it is complete: nothing of that
    document is kept (whole documents committed before it may be), and the next build adds the rest."""
    from kankei.store import batch as batch_module
    db = _fresh_base(tmp_path, kind)
    real, calls = batch_module.insert_document, []

    def failing_on_third(conn, rows, replace):
        calls.append(rows.doc_id)
        written = real(conn, rows, replace)
        if len(calls) == 3:
            raise RuntimeError("simulated failure")
        return written
    monkeypatch.setattr(batch_module, "insert_document", failing_on_third)
    conn = connect(db)
    try:
        with pytest.raises(RuntimeError, match="simulated failure"):
            build(conn, [bases["corpus"]], workers=2)
    finally:
        conn.close()
    kept = _documents_rows(db)
    assert calls[2] not in kept and set(kept) <= set(calls[:2])
    serial = _documents_rows(bases["serial"])
    assert all(kept[doc_id] == serial[doc_id] for doc_id in kept)
    monkeypatch.setattr(batch_module, "insert_document", real)
    assert len(_build(db, [bases["corpus"]], workers=2).added) == 4 - len(kept)
    assert _documents_rows(db) == serial


def test_ctrl_c_while_a_document_is_written_stops_the_build_once_it_is_written_and_keeps_it(bases, tmp_path,
                                                                                          monkeypatch):
    import signal

    from kankei.store import batch as batch_module
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    real, calls = batch_module.insert_document, []

    def interrupted_on_third(conn, rows, replace):
        calls.append(rows.doc_id)
        if len(calls) == 3:
            os.kill(os.getpid(), signal.SIGINT)     # as Ctrl-C, halfway through the document
        return real(conn, rows, replace)
    monkeypatch.setattr(batch_module, "insert_document", interrupted_on_third)
    db = tmp_path / "kb.db"
    conn = connect(db)
    try:
        with pytest.raises(KeyboardInterrupt):
            build(conn, [bases["corpus"]], workers=2)
    finally:
        conn.close()
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    kept = _documents_rows(db)
    assert sorted(kept) == sorted(calls[:3])
    serial = _documents_rows(bases["serial"])
    assert all(kept[doc_id] == serial[doc_id] for doc_id in kept)


def _fresh_base(tmp_path: Path, kind: str) -> Path | str:
    if kind == "postgresql":
        from kb_corpus import new_pg_base
        return new_pg_base()
    return tmp_path / "kb.db"


def test_an_open_batch_is_committed_before_waiting_past_its_time_for_a_worker(bases, tmp_path) -> None:
    """A worker taking long does not keep the documents written before it uncommitted (and the base
    locked against another build's writer): past its time, the batch lands before the wait."""
    from concurrent.futures import Future

    from kankei.extract import extract_source
    from kankei.read import read_path
    from kankei.store.batch import Batch
    from kankei.store.build import document_rows

    db = tmp_path / "kb.db"
    conn = connect(db)
    source = read_path(sorted(bases["corpus"].glob("*.txt"))[0])
    rows = document_rows(extract_source(source), "d1", "/x/a.txt")
    batch = Batch(conn, docs=10, seconds=3600.0)
    assert batch.write(conn, rows, [])
    assert conn.in_transaction
    with sqlite3.connect(db) as other:
        assert other.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    pending: Future = Future()
    finished: Future = Future()
    finished.set_result(None)
    batch.before_waiting(finished)      # the next document is there: no reason to commit
    assert conn.in_transaction
    batch.seconds = 0.0                  # its time is up
    batch.before_waiting(pending)
    assert not conn.in_transaction
    with sqlite3.connect(db) as other:
        assert other.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    conn.close()


def pid_task(source, doc_id, path, dct):
    """Run where the pool runs it: says which process that is."""
    return os.getpid()


def test_the_first_document_is_extracted_in_the_writer_and_the_rest_in_worker_processes(bases, monkeypatch):
    from kankei.read import read_path
    monkeypatch.setattr(parallel_module.ProcessPool, "task", staticmethod(pid_task))
    source = read_path(sorted(bases["corpus"].glob("*.txt"))[0])
    pool = parallel_module.ProcessPool(2)
    try:
        first = pool.submit(source, "a", "/a", None)
        assert first.done() and first.result() == os.getpid()
        assert pool.submit(source, "b", "/b", None).result() != os.getpid()
    finally:
        pool.close()


def test_a_long_first_document_goes_to_a_worker_like_the_others(bases, monkeypatch):
    """A worker that dies on a document fails that document alone: the writer extracts no long one."""
    from kankei.read import read_path
    monkeypatch.setattr(parallel_module.ProcessPool, "task", staticmethod(pid_task))
    source = read_path(sorted(bases["corpus"].glob("*.txt"))[0])
    monkeypatch.setattr(parallel_module, "WARM_CHARS", len(source.text) - 1)
    pool = parallel_module.ProcessPool(2)
    try:
        assert pool.submit(source, "a", "/a", None).result() != os.getpid()
    finally:
        pool.close()


def picky_task(source, doc_id, path, dct):
    """Run in a worker: fails on the document named 'bad', else says which process ran it."""
    if doc_id == "bad":
        raise RuntimeError("simulated bug")
    return doc_id, os.getpid()


def test_documents_go_to_a_worker_in_chunks_and_an_error_in_one_is_that_documents_alone(bases, monkeypatch):
    """Each task a worker process receives carries several documents (the writer's threads then handle a
    task and its rows once for several); one document's error fails it, not the others of its chunk."""
    from kankei.read import read_path
    monkeypatch.setattr(parallel_module.ProcessPool, "task", staticmethod(picky_task))
    source = read_path(sorted(bases["corpus"].glob("*.txt"))[0])
    pool = parallel_module.ProcessPool(2)
    try:
        first, *rest = pool.submit_many([(source, name, "/" + name, None) for name in ("a", "b", "bad", "c")])
        assert first.result() == ("a", os.getpid())     # the warming one, here
        assert len({id(f.future) for f in rest}) == 1   # the other three, one task
        assert rest[0].result()[0] == "b" and rest[0].result()[1] != os.getpid()
        with pytest.raises(RuntimeError, match="simulated bug"):
            rest[1].result()
        assert rest[2].result() == ("c", rest[0].result()[1])
    finally:
        pool.close()


def test_a_parallel_build_sends_documents_in_chunks_and_in_the_order_of_a_serial_build(bases, tmp_path, monkeypatch):
    sent: list[list[str]] = []
    original = parallel_module.ProcessPool.submit_many

    def submit_many(self, items):
        sent.append([Path(path).name for _, _, path, _ in items])
        return original(self, items)
    monkeypatch.setattr(parallel_module.ProcessPool, "submit_many", submit_many)
    monkeypatch.setattr(parallel_module.ProcessPool, "chunk", 3)
    corpus = tmp_path / "corpus"
    shutil.copytree(bases["corpus"], corpus)
    for k in range(4):      # more documents than a chunk holds
        (corpus / f"extra{k}.txt").write_text(f"Japan and North Korea met in Beijing on {k + 3} May 2004.\n",
                                              encoding="utf-8")
    report = _build(tmp_path / "kb.db", [corpus], workers=2)
    names = sorted(p.name for p in corpus.iterdir())
    assert [name for chunk in sent for name in chunk] == names
    assert max(len(chunk) for chunk in sent) == 3
    assert sorted(Path(p).name for p in report.added) == names
    assert _state(tmp_path / "kb.db", frozenset({"path"})) == _state(
        _serial(tmp_path, corpus), frozenset({"path"}))


def _serial(tmp_path: Path, corpus: Path) -> Path:
    db = tmp_path / "serial.db"
    _build(db, [corpus])
    return db
