"""Claims reconciled at build time (kankei.reconcile.claim_store): the stored series and disagreements
are what reconciling the whole base gives (kankei.reconcile.claims), whatever the order documents came
in, after merges and their undoing, and a build recomputes only the groups its documents touch.
The articles were written for these tests.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kankei.cli import main
from kankei.reconcile import claim_store as cs
from kankei.reconcile.claims import claims, conflicts
from kankei.reconcile.judgements import add_judgement, undo_judgement
from kankei.store import connect
from kankei.store.build import build

ARTICLES = {
    "almanac.txt": """\
The Residents' Almanac

Published: 2 May 1991

Chongryon had 210,000 members in 1975. By the end of 1962, 1,512 people had returned to North Korea under \
the programme. The Harbour Friendship Society had 300 members in 1961.
""",
    "memoir.txt": """\
A Memoir of the Ships

Published: 8 August 1999

In 1975 Chongryon counted about 210,000 members. In 1962 more than 1,500 people returned to North Korea. \
In 1961 the Harbour Friendship Association counted 420 members.
""",
    "ledger.txt": """\
The Second Ledger

Published: 3 March 2004

In 1962 nearly 2,600 people returned to North Korea, according to the ledger. In 1975 Chongryon had \
more than 300,000 members.
""",
    "digest.txt": """\
Figures in Brief

Published: 6 June 2010

In 1980 Chongryon counted about 180,000 members. In 1962 some 1,510 people returned to North Korea.
""",
    "notes.txt": """\
Field Notes

Published: 1 October 2015

By 2010 Chongryon had at most 70,000 members left. In 1975 Chongryon had 140,000 members, a rival count says.
""",
}


def write(folder: Path, names) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(ARTICLES[name], encoding="utf-8")
    return folder


def strip(items: list[dict]) -> list[dict]:
    """The stored sources carry their document's id (for the explorer's links); claims() does not."""
    def clean(x):
        if isinstance(x, dict):
            return {k: clean(v) for k, v in x.items() if k != "document_id"}
        if isinstance(x, list):
            return [clean(v) for v in x]
        return x
    return clean(items)


def stored(conn) -> tuple[list[dict], list[dict]]:
    return cs.series_page(conn)[1], cs.conflicts_page(conn)[1]


def tables(conn) -> dict[str, list[tuple]]:
    return {t: sorted(tuple(r) for r in conn.execute(f"SELECT * FROM {t}"))
            for t in ("claim_series", "claim_points", "claim_conflicts")}


def assert_same_as_recomputed(conn) -> None:
    series, found = stored(conn)
    assert strip(series) == claims(conn)
    assert strip(found) == conflicts(conn)
    assert not cs.pending(conn)


@pytest.fixture
def base(tmp_path, backend):
    def make(name: str):
        if backend == "sqlite":
            return connect(tmp_path / f"{name}.db")
        import pg_base
        return connect(pg_base.fresh_database())
    return make


def test_stored_series_and_conflicts_are_what_reconciling_the_base_gives(tmp_path, base):
    conn = base("all")
    build(conn, [write(tmp_path / "corpus", ARTICLES)])
    series, found = stored(conn)
    assert len(series) >= 3 and found      # membership and returnees disagree
    assert_same_as_recomputed(conn)
    for subject in ("org:chongryon", "group:returnees", "returnees to North Korea", "nobody"):
        assert strip(cs.series_page(conn, subject)[1]) == claims(conn, subject)
        assert strip(cs.conflicts_page(conn, subject)[1]) == conflicts(conn, subject)
    # a page is a slice of the whole, with the whole's count
    total, page = cs.series_page(conn, limit=2, offset=1)
    assert total == len(series) and page == series[1:3]
    total, page = cs.conflicts_page(conn, limit=1, offset=len(found) - 1)
    assert total == len(found) and page == found[-1:]
    # every source links to its document
    docs = {r[0] for r in conn.execute("SELECT id FROM documents")}
    assert {src["document_id"] for s in series for p in s["points"] for src in p["sources"]} <= docs


def test_a_merge_and_its_undoing_move_the_claims_between_series(tmp_path, base):
    conn = base("merge")
    build(conn, [write(tmp_path / "corpus", ARTICLES)])
    society = {r[0] for r in conn.execute("SELECT subject FROM claims WHERE subject LIKE 'org:harbour_friendship%'")}
    assert len(society) == 2, society
    keep, other = sorted(society)
    assert not [c for c in stored(conn)[1] if "friendship" in c["subject"]]
    jid = add_judgement(conn, "merge", keep, other, author="tester")
    assert_same_as_recomputed(conn)
    merged = [s for s in stored(conn)[0] if "friendship" in s["subject"]]
    assert [s["subject"] for s in merged] == [keep]
    assert sorted(src["value"] for p in merged[0]["points"] for src in p["sources"]) == [300, 420]
    assert [c["subject"] for c in stored(conn)[1] if "friendship" in c["subject"]] == [keep]
    undo_judgement(conn, jid)
    assert_same_as_recomputed(conn)
    assert sorted(s["subject"] for s in stored(conn)[0] if "friendship" in s["subject"]) == [keep, other]


def test_the_same_documents_in_any_order_or_later_make_the_same_tables(tmp_path, base):
    names = list(ARTICLES)
    at_once = base("at_once")
    build(at_once, [write(tmp_path / "a", names)])
    expected = tables(at_once)

    backwards = base("backwards")
    for name in reversed(names):
        build(backwards, [write(tmp_path / "b" / name.removesuffix(".txt"), [name])], prune=False)
    assert tables(backwards) == expected
    assert_same_as_recomputed(backwards)

    # two documents first, the rest later; then one removed and put back
    later = base("later")
    folder = write(tmp_path / "c", names[:2])
    build(later, [folder])
    assert_same_as_recomputed(later)
    write(folder, names[2:])
    build(later, [folder])
    assert tables(later) == expected
    (folder / "ledger.txt").unlink()
    build(later, [folder])
    assert_same_as_recomputed(later)
    assert tables(later) != expected
    write(folder, ["ledger.txt"])
    build(later, [folder])
    assert tables(later) == expected


def test_a_build_recomputes_only_the_groups_its_documents_touch(tmp_path):
    conn = connect(tmp_path / "k.db")
    folder = write(tmp_path / "corpus", [n for n in ARTICLES if n != "notes.txt"])
    build(conn, [folder])
    before = {r[0]: r[1] for r in conn.execute("SELECT id, rowid FROM claim_series")}
    write(folder, ["notes.txt"])
    build(conn, [folder])
    touched = {(r[0], r[1]) for r in conn.execute("SELECT subject, property FROM claims c JOIN documents d"
                                                  " ON d.id = c.document_id WHERE d.doc = 'notes'")}
    assert touched == {("org:chongryon", "membership")}     # claims about Chongryon's membership only
    after = {r[0]: r[1] for r in conn.execute("SELECT id, rowid FROM claim_series")}
    rewritten = {sid for sid in after if before.get(sid) != after[sid]}
    assert [r[0] for r in conn.execute("SELECT subject FROM claim_series WHERE id IN"
                                       f" ({','.join('?' * len(rewritten))})", sorted(rewritten))] == ["org:chongryon"]
    assert_same_as_recomputed(conn)
    assert conn.execute("SELECT count(*) FROM claim_regroup").fetchone()[0] == 0


def test_an_older_base_is_reconciled_as_it_is_migrated(tmp_path):
    db = tmp_path / "old.db"
    conn = connect(db)
    build(conn, [write(tmp_path / "corpus", ARTICLES)])
    expected = tables(conn)
    for t in ("claim_series", "claim_points", "claim_conflicts", "claim_regroup", "claim_canon"):
        conn.execute(f"DROP TABLE {t}")
    conn.execute("DROP INDEX claims_subject_name")
    conn.execute("PRAGMA user_version = 12")
    conn.commit()
    conn.close()
    conn = connect(db, readonly=True)
    assert tables(conn) == expected
    conn.close()


def built_base(tmp_path):
    """A base built from the test articles, and its stored series and disagreements."""
    db = tmp_path / "k.db"
    conn = connect(db)
    build(conn, [write(tmp_path / "corpus", ARTICLES)])
    tables = stored(conn)
    conn.close()
    return db, tables


def run_json(*args):
    result = CliRunner().invoke(main, [str(a) for a in args] + ["--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_commands_read_the_stored_tables_a_page_at_a_time(tmp_path):
    db, (series, found) = built_base(tmp_path)
    assert run_json("claims", "--db", db) == series
    assert run_json("claims", "--db", db, "--limit", 1, "--offset", 1) == series[1:2]
    assert run_json("conflicts", "--db", db) == found
    assert run_json("conflicts", "--db", db, "--limit", 1) == found[:1]
    text = CliRunner().invoke(main, ["claims", "--db", str(db), "--limit", "1"]).stdout
    assert f"(1-1 of {len(series)}; --offset 1 for more)" in text
    shown = run_json("show", found[0]["id"], "--db", db)
    assert shown["claims"] == found[0]["claims"] and shown["kind"] == "conflict"
    claim = run_json("show", found[0]["claims"][0]["claim"], "--db", db)
    assert [c["id"] for c in claim["conflicts"]] == [c["id"] for c in found
                                                      if any(x["claim"] == claim["claim"] for x in c["claims"])]
    assert run_json("show", series[0]["id"], "--db", db)["points"] == series[0]["points"]


def test_a_copy_of_a_base_keeps_its_reconciled_claims(tmp_path):
    """The tables are part of the base: a copy served elsewhere needs no reconciliation."""
    db, expected = built_base(tmp_path)
    shutil.copy(db, tmp_path / "copy.db")
    copy = connect(tmp_path / "copy.db", readonly=True)
    assert stored(copy) == expected


def test_the_api_serves_the_stored_pages(tmp_path):
    from fastapi.testclient import TestClient

    from kankei.serve import create_app

    db, (series, found) = built_base(tmp_path)
    with TestClient(create_app(db)) as client:
        page = client.get("/api/claims", params={"limit": 2, "offset": 1}).json()
        assert page["series"] == series[1:3] and page["total"] == len(series)
        assert {s["subject"] for s in page["subjects"]} == {s["subject"] for s in series}
        page = client.get("/api/conflicts", params={"subject": "org:chongryon"}).json()
        assert page["conflicts"] == [c for c in found if c["subject"] == "org:chongryon"] != []
        assert page["total"] == len(page["conflicts"])
        assert client.get("/api/conflicts", params={"subject": "nobody"}).json() == {
            "conflicts": [], "total": 0, "limit": 100, "offset": 0, "next": None}


def test_a_page_of_large_series_ends_early_and_says_where_the_next_begins(tmp_path, monkeypatch):
    from fastapi.testclient import TestClient

    from kankei.serve import api_claims, create_app

    db, (series, found) = built_base(tmp_path)
    monkeypatch.setattr(api_claims, "PAGE_CHARS", 1)      # every series is past it: one a page
    with TestClient(create_app(db)) as client:
        got, offset = [], 0
        while offset is not None:
            page = client.get("/api/claims", params={"limit": 50, "offset": offset}).json()
            assert len(page["series"]) == 1 and page["total"] == len(series)
            got += page["series"]
            offset = page["next"]
        assert got == series
        page = client.get("/api/conflicts", params={"limit": 50}).json()
        assert page["conflicts"] == found[:1] and page["next"] == (1 if len(found) > 1 else None)
