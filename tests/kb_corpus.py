"""A small corpus for the knowledge-base tests, and helpers to build and query it.

Every article here was written for these tests (nothing is taken from ../shared/corpus). They
name the same actors under different aliases (Chongryon / Chosen Soren / the General
Association of Korean Residents in Japan; North Korea / the DPRK / the North; Junichiro
Koizumi / Koizumi), give dated meetings, sanctions, launches and repatriation voyages, numbers,
and one article has a notes section cited by bracketed markers in its body.
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner, Result

from kankei.cli import main

VOYAGES = """\
The Niigata Voyages: Repatriation from Japan to North Korea

Published: 12 March 2008

On 14 December 1959, the first repatriation ship left Niigata for Chongjin with 975 passengers on board.[1] \
The Japanese Red Cross Society had signed the Calcutta Agreement with the DPRK Red Cross on 13 August 1959, \
and the International Committee of the Red Cross agreed to supervise the departures.[2]

Between 1959 and 1984 about 93,000 people sailed for North Korea. Chosen Soren campaigned for the return \
movement throughout the 1960s, and the Japanese Red Cross Society extended the agreement in November 1960.

Notes

[1] Inoue to Boissier, 3 May 1960, ICRC Archives, box 12.
[2] Tanaka to Leopold, 21 August 1959, Diplomatic Archives of Japan, box 7.
"""

SUMMIT = """\
A Summit in Pyongyang

Last Updated June 2016

On 17 September 2002, Prime Minister Junichiro Koizumi met Kim Jong-il in Pyongyang. The two leaders signed \
the Pyongyang Declaration, and Kim admitted that North Korean agents had abducted 13 Japanese citizens.

On 9 October 2006, the DPRK tested a nuclear device. Japan imposed sanctions on North Korea on 14 October 2006 \
and banned all imports from the North.

Koizumi visited Pyongyang again in May 2004.
"""

COURTS = """\
Chongryon and the Courts

Published: 5 April 2015

Chongryon, the General Association of Korean Residents in Japan, was founded on 25 May 1955. In June 2012 \
a Tokyo court ordered the auction of the Chongryon headquarters building, valued at 2.7 billion yen.

North Korea launched a ballistic missile over Japan on 29 August 2017. Tokyo protested to Pyongyang the same day.
"""

TALKS = """\
Talks in Stockholm

Published: 2 August 2014

In May 2014 delegations of Japan and North Korea met in Stockholm for three days of talks. On 4 July 2014 \
Japan lifted some of its sanctions on the DPRK, and Pyongyang set up a special committee of 30 officials.
"""

TABLES = ("documents", "mentions", "entities", "times", "quantities", "events", "event_participants",
          "notes", "citations")

ARTICLES = {"voyages.txt": VOYAGES, "summit.txt": SUMMIT, "courts.txt": COURTS, "talks.txt": TALKS}


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def run(*args: str, env: dict | None = None) -> Result:
    """`kankei ARGS` in this process; stdout and stderr kept apart."""
    return CliRunner().invoke(main, [str(a) for a in args], env=env, catch_exceptions=False)


def run_json(*args: str):
    result = run(*args, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def build_base(tmp_path: Path, backend: str = "sqlite") -> tuple[Path, Path | str]:
    """The corpus under tmp_path/corpus, built into tmp_path/kb.db (or a fresh PostgreSQL database,
    whose URL is returned)."""
    corpus = write_corpus(tmp_path / "corpus")
    db = tmp_path / "kb.db" if backend == "sqlite" else new_pg_base()
    result = run("build", corpus, "--db", db)
    assert result.exit_code == 0, result.stderr
    return corpus, db


def new_pg_base() -> str:
    import pg_base
    return pg_base.fresh_database()


def _connect(db):
    """The base as the tests read it: sqlite3 itself for a file, kankei's store for a URL."""
    if str(db).startswith("postgresql://"):
        from kankei.store import connect
        return connect(db, readonly=True)
    return sqlite3.connect(db)


def counts(db: Path | str) -> dict[str, int]:
    conn = _connect(db)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        conn.close()


def query(db: Path | str, sql: str, args: tuple = ()) -> list[tuple]:
    """The rows of a query, as tuples, on either kind of base."""
    conn = _connect(db)
    try:
        return [tuple(r) for r in conn.execute(sql, args)]
    finally:
        conn.close()


def ids(db: Path | str, table: str, where: str = "", args: tuple = ()) -> set[str]:
    conn = _connect(db)
    try:
        return {r[0] for r in conn.execute(f"SELECT id FROM {table} {where}", args)}
    finally:
        conn.close()
