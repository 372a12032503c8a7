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
