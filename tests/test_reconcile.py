"""Reconciliation across documents: event groups, claims (series, corroboration, conflicts),
machine merge proposals and people's judgements, and the commands that show them.

The articles here were written for these tests (nothing is taken from ../shared/corpus). They tell
the same summit and launch, give returnee totals and membership figures that agree or not, convert
one yen amount to two different dollar figures, and name people and bodies in several ways.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kankei.cli import main
from kankei.reconcile.claims import claims, conflicts, explain
from kankei.reconcile.events import event_group
from kankei.store import connect
from kankei.store.build import build

TIMES = """\
The Pyongyang Summit

Published: 20 September 2002

Prime Minister Junichiro Koizumi met Kim Jong-il in Pyongyang on 17 September 2002. Deputy Minister Hanako \
Sato said the talks had been difficult. Ambassador Kenta Morimoto joined the delegation.

North Korea launched a Taepodong-1 missile over Japan in August 1998.

Chongryon had 200,000 members in 1975. By the end of 1962, 1,512 people had returned to North Korea under \
the programme.

In 1995 Japan provided aid worth 50 billion yen (about $400 million) to North Korea.

Ambassador Pak Jong-chol met Chinese officials in Beijing on 3 May 2004. The Returnee Friendship Society had 300 members in 1961.
"""

REVIEW = """\
A Decade of Diplomacy

Published: 3 March 2012

In September 2002 Koizumi met Kim Jong-il in Pyongyang, the first summit between the two countries.

North Korea launched a Taepodong-1 missile over Japan in 1999, according to one account.

Minister Sato later defended the visit. Ambassador Kenta Morimotto returned to Tokyo.

In 1990 Chongryon counted about 150,000 members. In 1962 more than 1,500 people returned to North Korea.

In 1995 Japan gave 50 billion yen (some $600 million) in aid to North Korea.

Ambassador Park Jong-chul held talks in Beijing in May 2004. In 1961 the Returnee Friendship Association counted 320 members.
"""

LEDGER = """\
The Repatriation Ledger

Published: 9 November 2016

In 1962 nearly 2,000 people returned to North Korea, according to the ledger.

By 2016 Chongryon had at most 70,000 members left.
"""

DIGEST = """\
Chongryon in Numbers

Published: 5 May 2020

In 1980 the General Association of Korean Residents in Japan counted about 180,000 members.

Japan and South Korea signed a basic treaty in June 1965.
"""

ARTICLES = {"times.txt": TIMES, "review.txt": REVIEW, "ledger.txt": LEDGER, "digest.txt": DIGEST}
RETURNEES = "group:returnees"


def run(*args, ok: bool = True):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result


def run_json(*args):
    return json.loads(run(*args, "--json").stdout)


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def db(tmp_path, corpus, backend) -> Path | str:
    if backend == "sqlite":
        path = tmp_path / "kb.db"
    else:
        import pg_base
        path = pg_base.fresh_database()
    conn = connect(path)
    try:
        report = build(conn, [corpus])
    finally:
        conn.close()
    assert len(report.added) == 4 and not report.failed
    return path


@pytest.fixture
def conn(db):
    c = connect(db, readonly=True)
    yield c
    c.close()


def event_of(conn, doc: str, etype: str, words: str = "") -> str:
    rows = conn.execute("SELECT e.id FROM events e JOIN documents d ON d.id = e.document_id"
                        " WHERE d.doc = ? AND e.type = ? AND e.sentence LIKE ?", (doc, etype, f"%{words}%")).fetchall()
    assert len(rows) == 1, (doc, etype, rows)
    return rows[0][0]


def series_of(conn, subject: str, prop: str | None = None) -> dict:
    found = [s for s in claims(conn, subject) if s["subject"] == subject and (prop is None or s["property"] == prop)]
    assert len(found) == 1, found
    return found[0]


# --- event groups ----------------------------------------------------------------------------

def test_one_summit_told_twice_is_one_group_on_the_more_precise_date(conn):
    group = event_group(conn, event_of(conn, "times", "meet", "Kim Jong-il"))
    assert group is not None
    assert group == event_group(conn, event_of(conn, "review", "meet", "Kim Jong-il"))
    assert group["dates_agree"] is True and group["date"] == "2002-09-17"
    assert sorted((s["doc"], s["date"]) for s in group["sources"]) == [("review", "2002-09"), ("times", "2002-09-17")]


def test_a_launch_dated_differently_is_one_group_showing_the_disagreement(conn):
    group = event_group(conn, event_of(conn, "times", "weapons_test"))
    assert group is not None and group == event_group(conn, event_of(conn, "review", "weapons_test"))
    assert group["dates_agree"] is False and group["date"] is None
    assert sorted(s["date"] for s in group["sources"]) == ["1998-08", "1999"]
    assert all(s["sentence"] and s["trigger"] == "launched" for s in group["sources"])


def test_events_of_one_document_only_are_in_no_group(conn):
    assert event_group(conn, event_of(conn, "digest", "agree")) is None


# --- claims: corroboration, conflicts, series ----------------------------------------------------

def test_agreeing_returnee_totals_are_one_point_with_two_sources(conn):
    series = series_of(conn, RETURNEES)
    assert series["property"] == "people repatriated to North Korea"
    exact = [p for p in series["points"] if any(s["value"] == 1512 for s in p["sources"])]
    assert len(exact) == 1
    point = exact[0]
    assert point["documents"] == 2
    assert sorted((s["doc"], s["text"], s["qualifier"]) for s in point["sources"]) == [
        ("review", "more than 1,500 people", "more_than"), ("times", "1,512 people", "exact")]
    assert point["value"]["value"] == 1512
    # the rival figure for the same year stands apart, whatever order the documents come in
    nearly = [p for p in series["points"] if any(s["qualifier"] == "nearly" for s in p["sources"])]
    assert len(nearly) == 1 and [s["doc"] for s in nearly[0]["sources"]] == ["ledger"]


def test_disagreeing_returnee_totals_are_a_conflict_with_both_values_quotes_and_sources(conn):
    found = [c for c in conflicts(conn) if c["subject"] == RETURNEES]
    assert len(found) == 1
    c = found[0]
    assert c["time"].startswith("1962")
    # point against point: the figure that agrees with 1,512 stands on its side, not in a second dispute
    assert sorted(sorted(s["doc"] for s in side["sources"]) for side in c["sides"]) == [["ledger"], ["review", "times"]]
    assert sorted(side["documents"] for side in c["sides"]) == [1, 2]
    by_doc = {s["doc"]: s for s in c["claims"]}
    assert set(by_doc) == {"ledger", "times", "review"}
    assert (by_doc["ledger"]["value"], by_doc["ledger"]["qualifier"]) == (2000, "nearly")
    assert (by_doc["times"]["value"], by_doc["times"]["qualifier"]) == (1512, "exact")
    assert by_doc["ledger"]["quote"] == "In 1962 nearly 2,000 people returned to North Korea, according to the ledger."
    assert by_doc["times"]["quote"].startswith("By the end of 1962, 1,512 people")
    assert by_doc["ledger"]["title"] == "The Repatriation Ledger"


def test_membership_figures_over_the_years_are_one_series(conn):
    series = series_of(conn, "org:chongryon", "membership")
    assert [(p["time"], p["documents"]) for p in series["points"]] == [
        ("1975", 1), ("1980", 1), ("1990", 1), ("2016", 1)]
    assert [p["sources"][0]["doc"] for p in series["points"]] == ["times", "digest", "review", "ledger"]
    assert not [c for c in conflicts(conn) if c["subject"] == "org:chongryon"]     # a decline, not a dispute


def test_one_yen_amount_with_two_dollar_equivalents_is_a_conflict(conn):
    yen = series_of(conn, "country:japan", "aid")
    assert [(p["value"]["value"], p["unit"], p["documents"]) for p in yen["points"]] == [(50e9, "jpy", 2)]
    usd = [c for c in conflicts(conn) if c["subject"] == "country:japan"]
    assert len(usd) == 1
    assert usd[0]["property"] == "USD value of 50,000,000,000 JPY"
    assert sorted((s["doc"], s["value"], s["unit"]) for s in usd[0]["claims"]) == [
        ("review", 600e6, "usd"), ("times", 400e6, "usd")]


def test_explain_a_claim_a_series_and_a_conflict(conn):
    series = series_of(conn, RETURNEES)
    assert explain(conn, series["id"])["kind"] == "series"
    conflict = next(c for c in conflicts(conn) if c["subject"] == RETURNEES)
    assert explain(conn, conflict["id"]) == {**conflict, "kind": "conflict"}
    claim_id = next(s["claim"] for p in series["points"] for s in p["sources"] if s["doc"] == "ledger")
    claim = explain(conn, claim_id)
    assert claim["kind"] == "claim" and claim["series"]["id"] == series["id"]
    assert [c["id"] for c in claim["conflicts"]] == [conflict["id"]]
    assert explain(conn, "claim:nothing") is None and explain(conn, "conflict:nothing") is None


# --- the claims, conflicts and show commands ----------------------------------------------------------

def test_claims_command_text_and_json(db):
    text = run("claims", "--db", db).stdout
    assert "Chongryon — membership" in text and "returnees to North Korea — people repatriated" in text
    assert "(2 sources)" in text
    every = run_json("claims", "--db", db)
    assert {s["subject"] for s in every} >= {RETURNEES, "org:chongryon", "country:japan"}
    # a subject by any of its names: only its series
    for name in ("Chongryon", "Chosen Soren", "General Association of Korean Residents in Japan", "org:chongryon"):
        only = run_json("claims", name, "--db", db)
        assert {s["subject"] for s in only} == {"org:chongryon"}, name
    assert [s["subject"] for s in run_json("claims", "returnees to North Korea", "--db", db)] == [RETURNEES]


def test_conflicts_command_text_and_json(db):
    items = run_json("conflicts", "--db", db)
    assert {c["subject"] for c in items} == {RETURNEES, "country:japan"}
    text = run("conflicts", "--db", db).stdout
    assert "nearly 2,000" in text and "1,512" in text and "ledger:" in text and "times:" in text
    assert "about 400,000,000" in text and "about 600,000,000" in text
    assert run_json("conflicts", "org:chongryon", "--db", db) == []
    assert [c["subject"] for c in run_json("conflicts", "returnees to North Korea", "--db", db)] == [RETURNEES]
    assert "no disagreements" in run("conflicts", "org:chongryon", "--db", db).stdout


def test_show_a_claim_a_series_and_a_conflict(db):
    series = next(s for s in run_json("claims", "--db", db) if s["subject"] == RETURNEES)
    conflict = next(c for c in run_json("conflicts", "--db", db) if c["subject"] == RETURNEES)
    claim_id = conflict["claims"][0]["claim"]
    assert run_json("show", series["id"], "--db", db)["points"] == series["points"]
    assert run_json("show", conflict["id"], "--db", db)["claims"] == conflict["claims"]
    shown = run_json("show", claim_id, "--db", db)
    assert shown["kind"] == "claim" and shown["claim"] == claim_id and shown["series"]["id"] == series["id"]
    text = run("show", conflict["id"], "--db", db).stdout
    assert conflict["id"] in text and "nearly 2,000" in text
    text = run("show", claim_id, "--db", db).stdout
    assert "returnees to North Korea" in text and series["id"] in text
    missing = run("show", "series:0000000000000000", "--db", db, ok=False)
    assert missing.exit_code == 1 and "no series" in missing.stderr


# --- machine merges and people's judgements ------------------------------------------------------

def entity(db, name: str) -> dict:
    return run_json("entity", name, "--db", db)


def judgements(db, *extra) -> list[dict]:
    return run_json("judgements", "--db", db, *extra)


def aliases(data: dict) -> set[str]:
    return {a["text"] for a in data["aliases"]}


def test_machine_merges_are_listed_as_judgements(db):
    rows = judgements(db)
    machine = {(r["subject"], r["object"]) for r in rows if r["machine"]}
    # the title and surname of a person named in full elsewhere; a spelling variant of a detected name
    assert ("person:hanako_sato", "person:sato") in machine
    assert ("person:kenta_morimoto", "person:kenta_morimotto") in machine
    # a romanization the machine cannot be sure of is left to people
    assert not any("jong_ch" in r["subject"] + (r["object"] or "") for r in rows)
    text = run("judgements", "--db", db).stdout
    assert "person:hanako_sato  person:sato" in text and "machine" in text
    sato = entity(db, "Sato")
    assert sato["id"] == "person:hanako_sato" and aliases(sato) == {"Hanako Sato", "Sato"}
    assert sato["documents"] == 2
    assert entity(db, "Kenta Morimotto")["id"] == "person:kenta_morimoto"


def test_undo_of_a_machine_merge_is_not_proposed_again(db, corpus):
    jid = next(r["id"] for r in judgements(db) if r["object"] == "person:sato")
    assert f"judgement {jid} undone" in run("judgements", "--db", db, "--undo", jid).stdout
    assert entity(db, "Sato")["id"] == "person:sato"
    assert aliases(entity(db, "Hanako Sato")) == {"Hanako Sato"}
    run("build", corpus, "--db", db, "--force")
    (corpus / "review.txt").write_text(REVIEW + "\nMinister Sato resigned in 2004.\n", encoding="utf-8")
    run("build", corpus, "--db", db)
    assert entity(db, "Sato")["id"] == "person:sato"
    assert not [r for r in judgements(db) if r["object"] == "person:sato"]          # none active
    undone = [r for r in judgements(db, "--all") if r["object"] == "person:sato"]
    assert [r["id"] for r in undone] == [jid] and undone[0]["undone_at"]
    again = run("judgements", "--db", db, "--undo", jid, ok=False)
    assert again.exit_code == 1 and "no active judgement" in again.stderr


def test_a_machine_merge_that_no_longer_holds_is_withdrawn(db, corpus):
    assert entity(db, "Sato")["id"] == "person:hanako_sato"
    (corpus / "bulletin.txt").write_text("Bulletin\n\nPublished: 1 May 2006\n\n"
                                         "Foreign Minister Taro Sato visited Seoul in 2005.\n", encoding="utf-8")
    run("build", corpus, "--db", db)
    # two people of that name now: 'Minister Sato' may be either
    assert entity(db, "Sato")["id"] == "person:sato"
    assert not [r for r in judgements(db, "--all") if r["object"] == "person:sato"]
    (corpus / "bulletin.txt").write_text("Bulletin\n\nPublished: 1 May 2006\n\nThe minister visited Seoul in 2005.\n",
                                         encoding="utf-8")
    run("build", corpus, "--db", db)
    assert entity(db, "Sato")["id"] == "person:hanako_sato"    # and proposed again when it holds again


def test_merge_split_and_undo_change_what_entity_shows(db, corpus):
    def beijing_group() -> list[dict | None]:
        """The groups of the two envoys' meetings in Beijing."""
        conn = connect(db, readonly=True)
        try:
            ids = [r[0] for r in conn.execute(
                "SELECT e.id FROM events e JOIN documents d ON d.id = e.document_id"
                " WHERE e.type = 'meet' AND e.sentence LIKE '%Beijing%' ORDER BY d.doc DESC")]
            assert len(ids) == 2
            return [event_group(conn, i) for i in ids]
        finally:
            conn.close()

    assert entity(db, "Pak Jong-chol")["id"] != entity(db, "Park Jong-chul")["id"]
    assert beijing_group() == [None, None]          # two envoys, two meetings
    out = run("merge", "Pak Jong-chol", "Park Jong-chul", "--db", db, "--author", "tester", "--note", "one envoy")
    assert "merged into" in out.stdout
    merged = entity(db, "Park Jong-chul")
    assert merged == entity(db, "Pak Jong-chol")
    assert aliases(merged) == {"Pak Jong-chol", "Park Jong-chul"} and merged["documents"] == 2
    groups = beijing_group()                       # one envoy: one meeting, told twice
    assert groups[0] is not None and groups[0] == groups[1] and groups[0]["date"] == "2004-05-03"
    person = [r for r in judgements(db) if not r["machine"]]
    assert [(r["kind"], r["author"], r["note"]) for r in person] == [("merge", "tester", "one envoy")]

    # the merge survives a forced rebuild and an edit of one of the files
    run("build", corpus, "--db", db, "--force")
    (corpus / "times.txt").write_text(TIMES.replace("Chinese officials", "Chinese diplomats"), encoding="utf-8")
    run("build", corpus, "--db", db)
    assert aliases(entity(db, "Park Jong-chul")) == {"Pak Jong-chol", "Park Jong-chul"}

    # split one spelling off into an actor of its own
    run("split", "Pak Jong-chol", "--alias", "Park Jong-chul", "--db", db, "--author", "tester")
    assert aliases(entity(db, "Pak Jong-chol")) == {"Pak Jong-chol"}
    off = entity(db, "Park Jong-chul")
    assert aliases(off) == {"Park Jong-chul"} and off["id"] != entity(db, "Pak Jong-chol")["id"]
    run("build", corpus, "--db", db, "--force")
    assert aliases(entity(db, "Pak Jong-chol")) == {"Pak Jong-chol"}

    # undo the split by its number: the two spellings are one again
    split_id = next(r["id"] for r in judgements(db) if r["kind"] == "split")
    run("judgements", "--db", db, "--undo", split_id)
    assert aliases(entity(db, "Pak Jong-chol")) == {"Pak Jong-chol", "Park Jong-chul"}

    # `split NAME`: undo every merge into it
    run("split", "Pak Jong-chol", "--db", db, "--author", "tester")
    assert aliases(entity(db, "Pak Jong-chol")) == {"Pak Jong-chol"}
    assert aliases(entity(db, "Park Jong-chul")) == {"Park Jong-chul"}
    nothing = run("split", "Pak Jong-chol", "--db", db, ok=False)
    assert nothing.exit_code == 1 and "nothing was merged" in nothing.stderr


def test_a_merge_joins_the_claims_of_both_names(db):
    c = connect(db, readonly=True)
    subjects = {r[0] for r in c.execute("SELECT subject FROM claims WHERE property = 'membership'")}
    c.close()
    assert {"org:returnee_friendship_society", "org:returnee_friendship_association"} <= subjects
    assert not [c for c in run_json("conflicts", "--db", db) if "friendship" in c["subject"]]
    run("merge", "Returnee Friendship Society", "Returnee Friendship Association", "--db", db)
    series = run_json("claims", "Returnee Friendship Association", "--db", db)
    assert [(s["subject"], s["property"]) for s in series] == [("org:returnee_friendship_society", "membership")]
    assert sorted(src["value"] for p in series[0]["points"] for src in p["sources"]) == [300, 320]
    disputes = [c for c in run_json("conflicts", "--db", db) if "friendship" in c["subject"]]
    assert len(disputes) == 1 and disputes[0]["subject_name"] == "Returnee Friendship Society"
    assert run_json("conflicts", "Returnee Friendship Association", "--db", db) == disputes


def test_undoing_a_mistaken_merge_restores_every_participant(db):
    def agents() -> set[str]:
        ev = next(e for e in run_json("timeline", "--db", db, "--type", "agree") if e["doc"] == "digest")
        return {p["entity"] for p in ev["participants"] if p["role"] == "agent"}

    assert agents() == {"country:japan", "country:south_korea"}
    run("merge", "Japan", "South Korea", "--db", db)
    assert "country:japan" in agents()
    jid = next(r["id"] for r in judgements(db) if r["object"] == "country:south_korea")
    run("judgements", "--db", db, "--undo", jid)
    assert agents() == {"country:japan", "country:south_korea"}


def test_bad_judgements_are_refused(db):
    same = run("merge", "Chongryon", "Chosen Soren", "--db", db, ok=False)
    assert same.exit_code == 1 and "two different" in same.stderr
    unknown = run("merge", "Chongryon", "Nobody At All", "--db", db, ok=False)
    assert unknown.exit_code == 1 and "Nobody At All" in unknown.stderr
    missing = run("judgements", "--db", db, "--undo", "999", ok=False)
    assert missing.exit_code == 1 and "no active judgement 999" in missing.stderr


# --- the shared dev corpus ---------------------------------------------------------------------

def test_dev_corpus_returnee_total_and_membership_series(shared_dir, tmp_path):
    path = tmp_path / "dev.db"
    run("build", shared_dir / "corpus", "--db", path)
    returnees = run_json("claims", "returnees to North Korea", "--db", path)
    assert len(returnees) == 1
    total = [p for p in returnees[0]["points"] if any(abs((s["value"] or 0) - 93000) < 1 for s in p["sources"])]
    # 'some 93,000' and 'more than 93,000' (1959-1984): one point, two documents
    assert len(total) == 1, total
    assert total[0]["documents"] == 2 and total[0]["time"] == "1959/1984"
    assert {s["qualifier"] for s in total[0]["sources"]} == {"about", "more_than"}
    membership = [s for s in run_json("claims", "Chongryon", "--db", path) if s["property"] == "membership"]
    assert len(membership) == 1
    assert len(membership[0]["points"]) >= 3
    assert len({s["doc"] for p in membership[0]["points"] for s in p["sources"]}) >= 2
    assert "returnees to North Korea" in run("claims", "--db", path).stdout
