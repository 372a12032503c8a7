"""The schema: versions, migrating old bases with their data, refusing what it can't read, views, FTS."""
from __future__ import annotations

import sqlite3

import pytest

from kankei.store import StoreError, connect
from kankei.store import db as db_module
from kankei.store.db import _statements
from kankei.store.schema import MIGRATIONS, SCHEMA_VERSION
from kb_corpus import VOYAGES, build_base, run, write_corpus


def at_version(path, version: int) -> None:
    """A base made by the kankei whose schema was `version`: only MIGRATIONS[:version], by hand."""
    conn = sqlite3.connect(path)
    for script in MIGRATIONS[:version]:
        for statement in _statements(script):
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()


OLD_TEXT = "Talks in Geneva\n\nIn May 1958 envoys of Japan and North Korea met in Geneva about the repatriation.\n"


def add_old_document(path) -> None:
    """One document with a few statements, as the kankei of the base's schema would have written them."""
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO documents (id, doc, path, title, published, format, offsets, chars, text, extractor)"
                 " VALUES ('d1', 'geneva', '/old/geneva.txt', 'Talks in Geneva', NULL, 'text', 'source', ?, ?, '0.0.1')",
                 (len(OLD_TEXT), OLD_TEXT))
    conn.execute("INSERT INTO entities (id, name, type, origin) VALUES ('country:japan', 'Japan', 'country', 'knowledge')")
    start = OLD_TEXT.index("Japan")
    conn.execute("INSERT INTO mentions (id, document_id, entity_id, start, \"end\", exact, prefix, suffix, how)"
                 " VALUES ('m1', 'd1', 'country:japan', ?, ?, 'Japan', '', '', 'gazetteer')",
                 (start, start + 5))
    met = OLD_TEXT.index("met")
    conn.execute("INSERT INTO events (id, document_id, type, date, date_lo, date_hi, start, \"end\", exact, prefix,"
                 " suffix, sentence_start, sentence_end, sentence) VALUES ('event:old', 'd1', 'meet', '1958-05',"
                 " '1958-05-01', '1958-05-31', ?, ?, 'met', '', '', 17, ?, ?)",
                 (met, met + 3, len(OLD_TEXT) - 1, OLD_TEXT[17:-1]))
    conn.execute("INSERT INTO event_participants (event_id, role, entity_id, start, \"end\")"
                 " VALUES ('event:old', 'agent', 'country:japan', ?, ?)",
                 (start, start + 5))
    for table in ("mentions", "event_participants"):    # the machine's choice, from schema 5 on
        if "machine_entity_id" in {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}:
            conn.execute(f"UPDATE {table} SET machine_entity_id = entity_id")
    conn.commit()
    conn.close()


def version_of(path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA user_version").fetchone()[0]


def test_a_fresh_base_is_at_the_latest_version(tmp_path):
    _, db = build_base(tmp_path)
    assert version_of(db) == SCHEMA_VERSION == len(MIGRATIONS)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_version_1_base_is_migrated_with_its_data(tmp_path):
    db = tmp_path / "old.db"
    at_version(db, 1)
    add_old_document(db)
    conn = connect(db)
    conn.row_factory = None
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("SELECT doc, title FROM documents").fetchall() == [("geneva", "Talks in Geneva")]
        assert conn.execute("SELECT entity_id, exact FROM mentions").fetchall() == [("country:japan", "Japan")]
        assert conn.execute("SELECT id, date FROM events").fetchall() == [("event:old", "1958-05")]
        # the documents written before full-text search existed are found too
        found = conn.execute("SELECT d.doc FROM documents_fts f JOIN documents d ON d.rowid = f.rowid"
                             " WHERE documents_fts MATCH 'Geneva'").fetchall()
        assert [r[0] for r in found] == ["geneva"]
        conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")
    finally:
        conn.close()


def test_an_old_document_can_be_replaced_after_migration(tmp_path):
    # Deleting a document the FTS index never saw corrupts an external-content FTS5 index.
    db = tmp_path / "old.db"
    at_version(db, 1)
    add_old_document(db)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "geneva.txt").write_text(OLD_TEXT.replace("May 1958", "June 1958"), encoding="utf-8")
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE documents SET path = ?", (str((corpus / "geneva.txt").resolve()),))
    result = run("build", corpus, "--db", db, "--json")
    assert result.exit_code == 0, result.stderr
    assert '"replaced"' in result.stdout
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")
        assert conn.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'June'").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'May'").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM events WHERE id = 'event:old'").fetchone()[0] == 0


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_every_older_version_reaches_the_latest(tmp_path, version):
    db = tmp_path / "old.db"
    at_version(db, version)
    if version:
        add_old_document(db)
    connect(db).close()
    assert version_of(db) == SCHEMA_VERSION
    corpus = write_corpus(tmp_path / "corpus")
    assert run("build", corpus, "--db", db).exit_code == 0
    assert run("timeline", "--db", db).exit_code == 0


def test_the_read_commands_migrate_an_older_base(tmp_path):
    db = tmp_path / "old.db"
    at_version(db, 1)
    add_old_document(db)
    result = run("timeline", "--db", db, "--json")
    assert result.exit_code == 0, result.stderr
    assert '"event:old"' in result.stdout
    assert version_of(db) == SCHEMA_VERSION


def test_a_failing_migration_changes_nothing(tmp_path, monkeypatch):
    db = tmp_path / "kb.db"
    connect(db).close()
    broken = [*MIGRATIONS, "CREATE TABLE extra (x INTEGER);\nINSERT INTO no_such_table VALUES (1);\n"]
    monkeypatch.setattr(db_module, "MIGRATIONS", broken)
    monkeypatch.setattr(db_module, "SCHEMA_VERSION", len(broken))
    with pytest.raises(StoreError, match=f"migration to schema {len(broken)} failed"):
        connect(db)
    assert version_of(db) == SCHEMA_VERSION
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'extra'").fetchone()[0] == 0


def test_a_base_from_a_newer_kankei_is_refused(tmp_path):
    _, db = build_base(tmp_path)
    with sqlite3.connect(db) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer kankei"):
        connect(db)
    for args in (("timeline",), ("build", tmp_path / "corpus"), ("export", "--format", "jsonl")):
        result = run(*args, "--db", db)
        assert result.exit_code == 1
        assert result.stderr.strip().splitlines() == [
            f"Error: {db}: made by a newer kankei (schema {SCHEMA_VERSION + 1}, this one knows {SCHEMA_VERSION}); "
            "upgrade kankei"]
    assert version_of(db) == SCHEMA_VERSION + 1     # untouched


def test_another_programs_database_is_not_taken_over(tmp_path):
    db = tmp_path / "places.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE places (name TEXT)")
    corpus = write_corpus(tmp_path / "corpus")
    result = run("build", corpus, "--db", db)
    assert result.exit_code == 1
    assert "not a kankei knowledge base (an SQLite database of something else)" in result.stderr
    with sqlite3.connect(db) as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["places"]


def test_an_empty_file_is_not_a_base_to_read(tmp_path):
    db = tmp_path / "kb.db"
    db.touch()
    result = run("timeline", "--db", db)
    assert result.exit_code == 1
    assert "an empty knowledge base" in result.stderr and "Traceback" not in result.stderr
    missing = run("entity", "Japan", "--db", tmp_path / "none.db")
    assert missing.exit_code == 1 and "no knowledge base here" in missing.stderr
    assert not (tmp_path / "none.db").exists()


def test_the_views_return_readable_rows(tmp_path):
    _, db = build_base(tmp_path)
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        events = conn.execute("SELECT * FROM events_view").fetchall()
        assert events and {"id", "date", "type", "trigger", "actors", "quote", "document", "doc"} <= set(events[0].keys())
        meet = next(r for r in events if r["date"] == "2002-09-17" and r["type"] == "meet")
        assert "Junichiro Koizumi (agent)" in meet["actors"]
        assert meet["quote"].startswith("On 17 September 2002") and meet["trigger"] in meet["quote"]
        assert meet["document"] == "A Summit in Pyongyang"

        mentions = conn.execute("SELECT * FROM mentions_view WHERE entity_id = 'org:chongryon'").fetchall()
        assert {r["name"] for r in mentions} == {"Chongryon"}
        assert {"Chongryon", "Chosen Soren"} <= {r["exact"] for r in mentions}

        quantities = conn.execute("SELECT * FROM quantities_view").fetchall()
        q = next(r for r in quantities if r["exact"] == "975 passengers")
        assert q["value"] == 975 and q["unit"] == "person" and q["doc"] == "voyages"
        assert q["quote"].startswith("On 14 December 1959") and "975 passengers" in q["quote"]
        for r in quantities:
            assert r["exact"] in r["quote"]


def test_full_text_search_finds_a_document_by_a_word(tmp_path):
    _, db = build_base(tmp_path)
    with sqlite3.connect(db) as conn:
        hits = conn.execute("SELECT d.doc FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
                            " WHERE documents_fts MATCH ? ORDER BY rank", ("Calcutta",)).fetchall()
        assert hits == [("voyages",)]
        title_hits = conn.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'title:Courts'")
        assert title_hits.fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'zeppelin'").fetchone()[0] == 0
    assert VOYAGES.count("Calcutta") == 1
