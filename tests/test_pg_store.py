"""The PostgreSQL base: SQLite's SQL translated, schema versions and migrations, clear errors, several
servers on one base. (The store, query, export and API suites run on both kinds through the `backend`
fixture; this holds what only PostgreSQL has.)"""
from __future__ import annotations

import pytest

from kankei.store import StoreError, connect
from kankei.store.db import _statements
from kankei.store.pg import redact, translate
from kankei.store.schema import MIGRATIONS, SCHEMA_VERSION
from kankei.store.schema_pg import PG_MIGRATIONS
from kb_corpus import build_base, counts, new_pg_base, run, run_json


@pytest.mark.parametrize("sqlite, postgres", [
    ("SELECT id FROM events WHERE id = ? AND x LIKE ?", "SELECT id FROM events WHERE id = %s AND x ILIKE %s"),
    ("SELECT '?', '%' FROM t WHERE a = ?", "SELECT '?', '%%' FROM t WHERE a = %s"),
    ("INSERT OR IGNORE INTO regroup (event_id) SELECT id FROM events WHERE document_id = ?",
     "INSERT INTO regroup (event_id) SELECT id FROM events WHERE document_id = %s ON CONFLICT DO NOTHING"),
    ("INSERT OR REPLACE INTO summary_state (name, stamp) VALUES ('extent', ?)",
     "INSERT INTO summary_state (name, stamp) VALUES ('extent', %s) ON CONFLICT (name) DO UPDATE SET"
     " stamp = EXCLUDED.stamp"),
    ("SELECT 1 FROM events e INDEXED BY events_id_date CROSS JOIN x ON x.a = e.id",
     "SELECT 1 FROM events e JOIN x ON x.a = e.id"),
    ("UPDATE t SET a = b WHERE a IS NOT b AND c IS NOT NULL AND d IS ?",
     "UPDATE t SET a = b WHERE a IS DISTINCT FROM b AND c IS NOT NULL AND d IS NOT DISTINCT FROM %s"),
    ("SELECT id FROM entities WHERE name = ? COLLATE NOCASE ORDER BY en.name COLLATE NOCASE",
     "SELECT id FROM entities WHERE lower(name) = lower(%s) ORDER BY lower(en.name)"),
    ("SELECT group_concat(a, '; ') FROM t", "SELECT string_agg(a, '; ') FROM t"),
])
def test_sqlite_sql_is_translated(sqlite, postgres):
    assert translate(sqlite) == postgres


def test_every_migration_has_its_postgresql_version():
    assert len(PG_MIGRATIONS) == len(MIGRATIONS) == SCHEMA_VERSION


def test_a_password_is_not_shown():
    assert redact("postgresql://kankei:secret@db.local:5432/kb") == "postgresql://kankei@db.local:5432/kb"


@pytest.fixture()
def url():
    import pg_base
    pg_base.server_url()
    return new_pg_base()


def test_an_older_base_is_migrated_with_its_data(url):
    import psycopg
    with psycopg.connect(url, autocommit=True) as raw:
        raw.execute("CREATE TABLE kankei_schema (version INTEGER NOT NULL)")
        for script in PG_MIGRATIONS[:5]:
            for statement in _statements(script):
                raw.execute(statement)
        raw.execute("INSERT INTO kankei_schema VALUES (5)")
        raw.execute("INSERT INTO documents (id, doc, chars, text, extractor) VALUES"
                    " ('d1', 'geneva', 20, 'Envoys met in Geneva', '0.0.1')")
        raw.execute("INSERT INTO events (id, document_id, type, start, \"end\", exact, prefix, suffix, sentence)"
                    " VALUES ('e1', 'd1', 'meet', 7, 10, 'met', '', '', 'Envoys met in Geneva')")
    conn = connect(url)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("SELECT doc FROM documents").fetchone()["doc"] == "geneva"
    assert [r[0] for r in conn.execute("SELECT event_id FROM regroup")] == ["e1"]     # migration 9 ran
    # the events' full-text index of migration 6 covers the events written before it
    assert conn.execute("SELECT count(*) FROM events WHERE fts @@ to_tsquery('simple', 'geneva')").fetchone()[0] == 1
    conn.close()


def test_the_older_bases_documents_have_their_words_for_ranking(url):
    import psycopg
    with psycopg.connect(url, autocommit=True) as raw:
        raw.execute("CREATE TABLE kankei_schema (version INTEGER NOT NULL)")
        for script in PG_MIGRATIONS[:11]:
            for statement in _statements(script):
                raw.execute(statement)
        raw.execute("INSERT INTO kankei_schema VALUES (11)")
        raw.execute("INSERT INTO documents (id, doc, chars, text, extractor) VALUES"
                    " ('d1', 'geneva', 31, 'Envoys met in Geneva; they met.', '0.0.1')")
    conn = connect(url)
    _assert_terms_weigh_as_ts_rank(conn)
    assert {r[0] for r in conn.execute("SELECT lexeme FROM document_terms")} == {"envoys", "met", "in", "geneva", "they"}
    conn.close()


def _assert_terms_weigh_as_ts_rank(conn) -> None:
    """document_terms holds every word of every document, with ts_rank of the document for the word alone."""
    terms = {(r[0], r[1]): r[2] for r in conn.execute(
        "SELECT d.id, t.lexeme, t.weight FROM document_terms t JOIN documents d ON d.rowid = t.document_rowid")}
    ranks = {(r[0], r[1]): r[2] for r in conn.execute(
        "SELECT d.id, u.lexeme, ts_rank(d.fts, to_tsquery('simple', quote_literal(u.lexeme)))"
        " FROM documents d, unnest(d.fts) AS u")}
    assert terms.keys() == ranks.keys() and terms
    assert all(terms[k] == pytest.approx(ranks[k], rel=1e-6) for k in terms)


def test_document_terms_follow_the_documents(tmp_path, url):
    from kb_corpus import write_corpus
    corpus = write_corpus(tmp_path / "corpus")
    assert run("build", corpus, "--db", url).exit_code == 0
    conn = connect(url)
    _assert_terms_weigh_as_ts_rank(conn)
    sorted(corpus.rglob("*.*"))[0].unlink()
    assert run("build", corpus, "--db", url).exit_code == 0
    _assert_terms_weigh_as_ts_rank(conn)
    conn.close()


@pytest.mark.parametrize("q", ["met", "talks", "Tok*", "Pyongyang OR Geneva", "repat* OR talks", '"held talks" OR met',
                               "tele* OR telegram", "met talks", "met NOT talks", "zzzz", "zzz* OR met"])
def test_search_ranks_from_the_words_as_ts_rank_ranks_every_match(tmp_path, url, q):
    from kankei.serve import fts
    from kankei.serve.common import fts_query
    from kankei.serve.search import _ranked
    from kb_corpus import write_corpus
    assert run("build", write_corpus(tmp_path / "corpus"), "--db", url).exit_code == 0
    conn = connect(url, readonly=True)
    tq = fts.tsquery(fts_query(q))
    cond = "d.fts @@ to_tsquery('simple', ?)"
    every = [r[0] for r in conn.execute(f"SELECT d.id FROM documents d WHERE {cond}"
                                        " ORDER BY ts_rank(d.fts, to_tsquery('simple', ?)) DESC, d.rowid", (tq, tq))]
    for want in (1, 2, 3, 100):
        assert _ranked(conn, cond, [tq], want) == (len(every), every[:want])
    conn.close()


def test_a_base_from_a_newer_kankei_is_refused(url):
    connect(url).close()
    conn = connect(url)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer kankei"):
        connect(url)


def test_another_programs_database_is_not_taken_over(url):
    import psycopg
    with psycopg.connect(url, autocommit=True) as raw:
        raw.execute("CREATE TABLE invoices (id INTEGER)")
    with pytest.raises(StoreError, match="not a kankei knowledge base"):
        connect(url)
    result = run("timeline", "--db", url)
    assert result.exit_code == 1 and "not a kankei knowledge base" in result.stderr


def test_an_empty_database_is_no_base_to_read(url):
    result = run("timeline", "--db", url)
    assert result.exit_code == 1 and "empty knowledge base" in result.stderr and "Traceback" not in result.stderr


def test_a_server_that_cannot_be_reached_is_one_clear_line():
    result = run("timeline", "--db", "postgresql://nobody:secret@127.0.0.1:1/none")
    assert result.exit_code == 1 and "cannot reach the PostgreSQL base" in result.stderr
    assert "secret" not in result.stderr and "Traceback" not in result.stderr


def test_the_base_is_named_by_the_kankei_db_variable(tmp_path, url):
    corpus, _ = build_base(tmp_path)
    assert run("build", corpus, env={"KANKEI_DB": url}).exit_code == 0
    assert counts(url) == counts(tmp_path / "kb.db")
    assert run_json("timeline", "--db", url) == run_json("timeline", "--db", tmp_path / "kb.db")


def test_two_servers_correct_one_base(tmp_path, url):
    """People on two servers of one base: what one records, the other shows."""
    from fastapi.testclient import TestClient

    from kankei.serve import create_app
    from serve_corpus import build_base as build_served
    build_served(tmp_path, "sqlite")          # (the corpus files)
    assert run("build", tmp_path / "corpus", "--db", url).exit_code == 0
    token = "t" * 24
    h = {"X-Kankei-Token": token}
    with TestClient(create_app(url, allow_edits=True, token=token)) as a, \
            TestClient(create_app(url, allow_edits=True, token=token)) as b:
        event = a.get("/api/events", params={"limit": 1}).json()["events"][0]
        assert a.post(f"/api/extractions/{event['id']}/reject", headers=h).status_code == 201
        merged = b.post("/api/entities/person:koizumi/merge", headers=h, json={"other": "person:kim_jong_il"})
        assert merged.status_code == 201
        seen = {e["id"]: e for e in b.get("/api/events", params={"limit": 500}).json()["events"]}
        assert seen[event["id"]]["verdict"]["kind"] == "reject"
        kinds = {j["kind"] for j in a.get("/api/judgements").json()["judgements"]}
        assert {"reject", "merge"} <= kinds


def test_a_parallel_build_on_postgresql_is_a_serial_build_on_sqlite(tmp_path, url):
    corpus, serial = build_base(tmp_path)
    assert run("build", corpus, "--workers", "2", "--db", url).exit_code == 0
    assert counts(url) == counts(serial)
    for table in ("events", "mentions", "times", "quantities"):
        assert run("export", "--format", "csv", "--table", table, "--db", url).stdout == \
            run("export", "--format", "csv", "--table", table, "--db", serial).stdout, table


def test_quoted_text_is_not_rewritten():
    assert translate("SELECT 1 FROM t WHERE a = 'what is like this' AND b LIKE ?") == \
        "SELECT 1 FROM t WHERE a = 'what is like this' AND b ILIKE %s"


def test_without_a_server_the_postgresql_tests_fail_under_ci_and_skip_at_a_desk(monkeypatch):
    import pg_base
    monkeypatch.delenv(pg_base.ENV, raising=False)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="KANKEI_TEST_PG"):
        pg_base.server_url()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        pg_base.server_url()


def test_serving_with_a_role_that_cannot_write_is_one_clear_error(tmp_path, url):
    from kankei.serve import create_app
    corpus, _ = build_base(tmp_path)
    assert run("build", corpus, "--db", url).exit_code == 0
    readonly = url + "?options=-c%20default_transaction_read_only%3Don"
    with pytest.raises(StoreError, match="cannot write the base"):
        create_app(readonly)            # the summary tables are not made yet, and cannot be
