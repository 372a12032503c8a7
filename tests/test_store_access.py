"""The base under concurrent builds, on a read-only medium, and when the file is not a base.

Articles come from tests/kb_corpus.py (written for the tests).
"""
from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kb_corpus import ARTICLES, build_base, counts, ids, new_pg_base, query, run, write_corpus

KANKEI = [sys.executable, "-m", "kankei.cli"]
READ_COMMANDS = [["timeline"], ["entity", "Chongryon"], ["claims"], ["conflicts"], ["judgements"],
                 ["export", "--format", "csv"], ["timeline", "--json"]]


def _documents(db: Path | str) -> list[str]:
    return [r[0] for r in query(db, "SELECT id FROM documents")]


def test_two_builds_into_one_base_at_once_both_finish(tmp_path: Path, backend: str) -> None:
    """Two builds at once into one base (SQLite: the writer's lock; PostgreSQL: an advisory lock per
    writing transaction) both finish, and the base holds what one build alone makes."""
    corpus = tmp_path / "corpus"
    for copy in range(4):       # enough documents that the two builds overlap
        for name, text in ARTICLES.items():
            (corpus / str(copy)).mkdir(parents=True, exist_ok=True)
            (corpus / str(copy) / name).write_text(text.replace("2008", str(2008 + copy)), encoding="utf-8")
    db = tmp_path / "kb.db" if backend == "sqlite" else new_pg_base()
    procs = [subprocess.Popen([*KANKEI, "build", str(corpus), "--db", str(db)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=600) for p in procs]
    for proc, (_, err) in zip(procs, outs, strict=True):
        assert proc.returncode == 0, err
        assert "UNIQUE constraint" not in err and "duplicate key" not in err and "Traceback" not in err
    doc_ids = _documents(db)
    assert len(doc_ids) == len(set(doc_ids)) == len({t.replace("2008", str(2008 + c)) for c in range(4) for t in ARTICLES.values()})
    again = run("build", corpus, "--db", db)
    assert again.exit_code == 0 and " 0 added, 0 replaced" in again.stderr
    serial = tmp_path / "serial.db"
    assert run("build", corpus, "--db", serial).exit_code == 0
    assert counts(db) == counts(serial)
    for table in ("events", "mentions", "quantities", "claims"):
        assert ids(db, table) == ids(serial, table), table


@contextlib.contextmanager
def _read_only(*paths: Path):
    """Paths made unwritable even for root (immutable), else by mode bits."""
    if os.geteuid() == 0:
        if shutil.which("chattr") is None:
            pytest.skip("root, and no chattr to make a folder read-only")
        for p in paths:
            if subprocess.run(["chattr", "+i", str(p)], capture_output=True).returncode:
                pytest.skip("this file system cannot make a folder read-only")
        try:
            yield
        finally:
            for p in paths:
                subprocess.run(["chattr", "-i", str(p)], capture_output=True)
    else:
        modes = {p: p.stat().st_mode for p in paths}
        for p in paths:
            p.chmod(0o555 if p.is_dir() else 0o444)
        try:
            yield
        finally:
            for p, mode in modes.items():
                p.chmod(mode)


def test_a_base_in_a_read_only_folder_is_read_by_every_read_command(tmp_path: Path) -> None:
    _, db = build_base(tmp_path / "src")
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    shutil.copy(db, shelf / "kb.db")        # a WAL base without its -wal and -shm files, as left on close
    expected = {tuple(cmd): run(*cmd, "--db", db) for cmd in READ_COMMANDS}
    with _read_only(shelf, shelf / "kb.db"):
        for cmd in READ_COMMANDS:
            result = run(*cmd, "--db", shelf / "kb.db")
            assert result.exit_code == 0, (cmd, result.stderr)
            assert result.stdout == expected[tuple(cmd)].stdout
        from kankei.serve.app import Store
        store = Store(shelf / "kb.db")      # what `kankei serve` opens
        assert store.reader().execute("SELECT count(*) FROM documents").fetchone()[0] == len(ARTICLES)
        assert sorted(os.listdir(shelf)) == ["kb.db"]


@pytest.mark.parametrize("cmd", READ_COMMANDS)
def test_read_commands_give_no_schema_to_an_empty_or_missing_file(tmp_path: Path, cmd: list[str]) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    for db in (empty, tmp_path / "missing.db"):
        result = run(*cmd, "--db", db)
        assert result.exit_code == 1
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert empty.stat().st_size == 0
    assert sorted(os.listdir(tmp_path)) == ["empty.db"]


@pytest.mark.parametrize("cmd", [["merge", "Koizumi", "Chongryon"], ["split", "Chongryon"], ["judgements", "--undo", "1"]])
def test_edits_on_a_damaged_base_are_one_clear_line(tmp_path: Path, cmd: list[str]) -> None:
    _, db = build_base(tmp_path)
    data = bytearray(db.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)     # the schema page overwritten
    db.write_bytes(bytes(data))
    result = run(*cmd, "--db", db)
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1


def test_a_failed_build_leaves_no_empty_base(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    result = run("build", tmp_path / "no-such-folder", "--db", db)
    assert result.exit_code == 1
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "blob.txt").write_bytes(bytes(range(256)) * 8)
    result = run("build", bad, "--db", db)
    assert result.exit_code == 1 and "binary" in result.stderr
    assert not any(p.name.startswith("kb.db") for p in tmp_path.iterdir())
    corpus = write_corpus(tmp_path / "corpus")
    assert run("build", corpus, "--db", db).exit_code == 0 and db.exists()
    assert run("build", bad, "--db", db).exit_code == 1 and db.exists()    # a base with documents stays
