"""Full-text search (serve/search.py) read straight from a base: one ranking gives the total, the
pages and the documents facets are counted over, and snippets are made for the page's rows.

The base is built from tests/serve_corpus.py (written for the explorer's tests)."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kankei.serve.search import HIT_OPEN, search
from serve_corpus import build_base


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    db: Path = build_base(tmp_path_factory.mktemp("search"))
    from kankei.serve.app import Store
    Store(db)       # the summary tables (facets) are made as the server makes them
    c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    c.row_factory = sqlite3.Row
    yield c
    c.close()


def _best_first(conn: sqlite3.Connection, query: str) -> list[str]:
    return [r[0] for r in conn.execute("SELECT d.id FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
                                       " WHERE documents_fts MATCH ? ORDER BY rank", (query,))]


@pytest.mark.parametrize("q", ["Chongryon", "Kor*", "Japan OR Korea", "Pyo*"])
def test_pages_of_one_walk_every_match_in_rank_order_with_a_snippet(conn: sqlite3.Connection, q: str) -> None:
    first = search(conn, q, limit=1)
    expected = _best_first(conn, first["query"])
    assert first["total"] == len(expected) >= 2
    walked = []
    for offset in range(first["total"] + 1):
        page = search(conn, q, limit=1, offset=offset)
        assert page["total"] == first["total"]
        walked += [r["id"] for r in page["results"]]
        assert all(any(p["hit"] for p in r["snippet"]) or any(p["hit"] for p in r["title_parts"])
                   for r in page["results"])
    assert walked == expected
    assert search(conn, q, limit=20)["facets_over"] == len(expected)


def test_a_facet_narrows_the_total_and_the_results(conn: sqlite3.Connection) -> None:
    everything = search(conn, "Japan OR Korea")
    year = everything["facets"]["year"][0]
    narrowed = search(conn, "Japan OR Korea", year=year["value"])
    assert narrowed["total"] == year["documents"] <= everything["total"]
    assert {r["id"] for r in narrowed["results"]} <= {r["id"] for r in everything["results"]}
    assert search(conn, "zzyzx")["total"] == 0 and search(conn, "zzyzx")["results"] == []


def test_prefixes_of_three_and_four_letters_have_an_index(conn: sqlite3.Connection) -> None:
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'documents_fts'").fetchone()[0]
    assert "prefix='3 4'" in sql
    hits = [p["text"] for r in search(conn, "Chon*")["results"] for p in r["snippet"] if p["hit"]]
    assert hits and all(h.lower().startswith("chon") and HIT_OPEN not in h for h in hits)


@pytest.mark.parametrize("q", ["Chongryon", "Kor*", "Japan OR Korea", '"Red Cross"', "NEAR(Japan Korea, 5)",
                               "title:Chongryon", "Chon* Tokyo", "Japan NOT Chongryon"])
def test_a_pages_snippets_read_in_one_pass_are_those_of_each_row_sought(conn: sqlite3.Connection, q: str) -> None:
    # the page's highlights and snippets are made for its rows picked out of one pass over the
    # matches: they are those FTS5 makes for each row sought by its rowid
    from kankei.serve.search import HIT_CLOSE, _page
    rowids = [r[0] for r in conn.execute("SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rank",
                                         (q,))]
    assert rowids
    one = (f"SELECT rowid, highlight(documents_fts, 0, '{HIT_OPEN}', '{HIT_CLOSE}'),"
           f" snippet(documents_fts, 1, '{HIT_OPEN}', '{HIT_CLOSE}', '…', 40)"
           " FROM documents_fts WHERE documents_fts MATCH ? AND rowid = ?")
    sought = [tuple(conn.execute(one, (q, r)).fetchone()) for r in rowids]
    page = _page(conn, q, rowids)
    assert [(r["rowid"], r["title_hl"], r["snip"]) for r in page] == sought
    assert [r["rowid"] for r in _page(conn, q, rowids[::-1][:2])] == rowids[::-1][:2]      # (in the order asked)


@pytest.mark.parametrize("q", ["Chongryon", "Japan OR Korea", "Kor*", "zzyzx"])
def test_facets_counted_from_the_rows_kept_are_those_grouped_in_sql(conn: sqlite3.Connection, monkeypatch,
                                                                     q: str) -> None:
    from kankei.serve import search as s
    monkeypatch.setattr(s, "_document_facets", s.DocumentFacets())
    ids = [r[0] for r in conn.execute("SELECT d.id FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
                                      " WHERE documents_fts MATCH ? ORDER BY rank", (q,))]
    ids += [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY id LIMIT 3")]   # (read once, then kept)
    kept, again = s._facets(conn, ids), s._facets(conn, ids)
    monkeypatch.setattr(s.DocumentFacets, "rows", lambda *_: None)      # grouped in SQL, as on PostgreSQL
    grouped = s._facets(conn, ids)
    assert kept == again == grouped
    assert grouped["year"] and grouped["type"] and grouped["actor"]


def test_the_facet_rows_kept_are_forgotten_when_the_summaries_are_made_again(tmp_path: Path) -> None:
    from kankei.serve.search import DocumentFacets
    assert DocumentFacets().rows(sqlite3.connect(":memory:"), ["a"]) is None     # (no file: nothing kept)
    db = sqlite3.connect(tmp_path / "facets.db", isolation_level=None)
    db.executescript("CREATE TABLE summary_state (name TEXT PRIMARY KEY, stamp TEXT);"
                     "CREATE TABLE summary_doc_facets (document_id TEXT, facet TEXT, value TEXT, n INTEGER,"
                     " PRIMARY KEY (document_id, facet, value));"
                     "INSERT INTO summary_doc_facets VALUES ('a', 'year', '1959', 2), ('a', 'type', 'meet', 2),"
                     " ('b', 'year', '1959', 1);")
    kept = DocumentFacets(size=1)
    assert kept.rows(db, ["a"]) is None         # no summaries yet
    db.execute("INSERT INTO summary_state VALUES ('summaries', 's1')")
    assert kept.rows(db, ["a", "b"]) == {"a": ((("type", "meet"), ("year", "1959")), (2, 2)),
                                         "b": ((("year", "1959"),), (1,))}
    assert len(kept._rows) == 0                 # (more than it may keep: none kept)
    assert kept.rows(db, ["a"])["a"][1] == (2, 2) and list(kept._rows) == ["a"]
    db.execute("UPDATE summary_doc_facets SET n = 5 WHERE document_id = 'a' AND facet = 'year'")
    assert kept.rows(db, ["a"])["a"][1] == (2, 2)     # the same state of the summaries: as kept
    db.execute("UPDATE summary_state SET stamp = 's2'")
    assert kept.rows(db, ["a"])["a"][1] == (2, 5)     # made again: read again
    other = sqlite3.connect(tmp_path / "other.db", isolation_level=None)
    other.executescript("CREATE TABLE summary_state (name TEXT PRIMARY KEY, stamp TEXT);"
                        "CREATE TABLE summary_doc_facets (document_id TEXT, facet TEXT, value TEXT, n INTEGER,"
                        " PRIMARY KEY (document_id, facet, value));"
                        "INSERT INTO summary_state VALUES ('summaries', 's2');"
                        "INSERT INTO summary_doc_facets VALUES ('a', 'year', '1960', 7);")
    assert kept.rows(other, ["a"])["a"] == ((("year", "1960"),), (7,))      # another base, the same stamp
