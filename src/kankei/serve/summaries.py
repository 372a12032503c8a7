"""The summary tables of schema 6, which make counts cheap on large bases.

refresh_summaries() recomputes them when stamp() says the base changed since they were made.
"""
from __future__ import annotations

import os
import re
import sqlite3
import sys
import time

from kankei.serve.events import SPAN_CLASS
from kankei.store.pg import SUMMARY_LOCK, dialect

SUMMARY_TABLES = ("summary_buckets", "summary_entities", "summary_entity_years", "summary_aliases",
                  "summary_pairs", "summary_partners", "summary_doc_facets")

REJECTED = ("SELECT subject FROM judgements WHERE kind IN ('confirm', 'reject') AND undone_at IS NULL"
            " GROUP BY subject HAVING max(CASE WHEN kind = 'reject' THEN id END) = max(id)")
"""The ids a person has rejected (and not confirmed since)."""
ASSERTED = f"(e.modality = 'asserted' AND e.hedged = 0 AND e.id NOT IN ({REJECTED}))"
"""A condition on event e: the text asserts it, and nobody rejected it (the network counts only these)."""

# the day an event is counted on: its earliest day, or its latest for intervals open at the start
KEY_DAY = "(CASE WHEN e.date_lo > '0000-01-01' THEN e.date_lo ELSE e.date_hi END)"

ACTOR_MONTHS = 1000
"""Actors in at least this many events have their events counted per month in the summaries."""
TRACE = bool(os.environ.get("KANKEI_TRACE_SUMMARIES"))
"""Print how long each step of refresh_summaries() takes (to stderr)."""
SUMMARIES_VERSION = "2"
"""What the summary tables hold; a base whose summaries an older kankei made recomputes them once
(2: each actor's events per year within one year, unit 'S' of summary_buckets)."""
YEAR_WITHIN = "S"
"""The summary_buckets unit counting each actor's events dated within one year, by that year (bucket
'' for those spread over more than one year): an actor's page reads it instead of every event."""


def stamp(conn: sqlite3.Connection) -> str:
    """What the summaries depend on: documents added, replaced or removed, people's judgements, and
    what the summaries hold (SUMMARIES_VERSION)."""
    row = conn.execute(
        f"SELECT '{SUMMARIES_VERSION}/' || (SELECT count(*) || ':' || coalesce(max(rowid), 0) || ':' || coalesce(sum(rowid), 0) FROM documents)"
        " || '|' || (SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || count(undone_at) FROM judgements)"
        " || '|' || (SELECT coalesce(max(rowid), 0) FROM events)"
        " || '|' || (SELECT count(*) FROM entities)").fetchone()
    return row[0]


def summaries_fresh(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT stamp FROM summary_state WHERE name = 'summaries'").fetchone()
    return bool(row) and row[0] == stamp(conn)


CLAIM_SECONDS = 900
"""How long a server process's claim to recompute the summaries holds (one that died meanwhile is
relieved after this long)."""


def claim_refresh(writer: sqlite3.Connection, now: str, owner: str) -> bool:
    """Claim the recomputation of the summaries for the base's state `now` (its stamp()) for `owner`
    (a server process), so that of several processes serving one SQLite base one alone recomputes
    them; False when another owner claimed it less than CLAIM_SECONDS ago. The claim is a row of
    summary_state, written in a short transaction of its own."""
    writer.execute("BEGIN IMMEDIATE")
    try:
        row = writer.execute("SELECT stamp FROM summary_state WHERE name = 'refreshing'").fetchone()
        claimed, at, by = ((row[0] if row else "").split("\x1f") + ["", "", ""])[:3]
        if claimed == now and by != owner and time.time() - float(at or 0) < CLAIM_SECONDS:
            writer.execute("ROLLBACK")
            return False
        writer.execute("INSERT OR REPLACE INTO summary_state (name, stamp) VALUES ('refreshing', ?)",
                       (f"{now}\x1f{time.time():.0f}\x1f{owner}",))
        writer.execute("COMMIT")
        return True
    except BaseException:
        if writer.in_transaction:
            writer.execute("ROLLBACK")
        raise


def refresh_summaries(conn: sqlite3.Connection, analyze: bool = True, staged: bool = False) -> None:
    """Recompute every summary table in one transaction (readers keep the old ones until it commits).

    staged: compute them in this connection's TEMP space first (reading the base, never locking it
    for writing), then copy them in one short write transaction, so that a build into the base
    being served is never kept waiting for long. analyze: then update the query planner's
    statistics (not for a connection's TEMP summaries)."""
    pg = dialect(conn) == "postgresql"
    # one row per (event, entity): grouped by the events' primary key on PostgreSQL (which then lets
    # the other columns of e be read), by rowid on SQLite (smaller)
    event_key = "e.id" if pg else "e.rowid"
    steps = [
        # every (entity, event) once, with what the summaries group by; actor: not only as a location
        "CREATE TEMP TABLE IF NOT EXISTS _ev (entity_id TEXT, event_rowid INTEGER, actor INTEGER, day TEXT,"
        " type TEXT, quad INTEGER, document_id TEXT, lo TEXT, hi TEXT, sure INTEGER)",
        "DELETE FROM _ev",
        "INSERT INTO _ev SELECT p.entity_id, e.rowid, max(CASE WHEN p.role != 'location' THEN 1 ELSE 0 END),"
        " substr(" + KEY_DAY + ", 1, 10),"
        " e.type, coalesce(e.quad, 0), e.document_id, nullif(e.date_lo, '0000-01-01'), nullif(e.date_hi, '9999-12-31'),"
        f" CASE WHEN {ASSERTED} THEN 1 ELSE 0 END FROM events e CROSS JOIN event_participants p ON p.event_id = e.id"
        f" GROUP BY {event_key}, p.entity_id",
        "CREATE INDEX IF NOT EXISTS temp._ev_event ON _ev(event_rowid)",
        # every (entity, document, alias) once
        "CREATE TEMP TABLE IF NOT EXISTS _m (entity_id TEXT, document_id TEXT, alias TEXT, n INTEGER)",
        "DELETE FROM _m",
        "INSERT INTO _m SELECT entity_id, document_id, exact, count(*) FROM mentions GROUP BY 1, 2, 3",
        *(f"DELETE FROM {table}" for table in SUMMARY_TABLES),
        # events per month and year (all), per year (each entity)
        "INSERT INTO summary_buckets (scope, unit, bucket, type, quad, n)"
        f" SELECT '', 'M', substr({KEY_DAY}, 1, 7), e.type, coalesce(e.quad, 0), count(*)"
        " FROM events e INDEXED BY events_type_date WHERE e.date_lo IS NOT NULL GROUP BY 3, 4, 5",
        "INSERT INTO summary_buckets (scope, unit, bucket, type, quad, n)"
        " SELECT '', 'Y', substr(bucket, 1, 4), type, quad, sum(n) FROM summary_buckets WHERE unit = 'M'"
        " GROUP BY 3, type, quad",
        "INSERT INTO summary_buckets (scope, unit, bucket, type, quad, n)"
        " SELECT entity_id, 'Y', substr(day, 1, 4), type, quad, count(*) FROM _ev WHERE day IS NOT NULL"
        " GROUP BY 1, 3, 4, 5",
        # each actor's events dated within one year, by that year ('' for the others), for its page
        "INSERT INTO summary_buckets (scope, unit, bucket, type, quad, n)"
        f" SELECT entity_id, '{YEAR_WITHIN}', coalesce(CASE WHEN substr(lo, 1, 4) = substr(hi, 1, 4)"
        " THEN substr(lo, 1, 4) END, ''), '*', quad, count(*) FROM _ev WHERE day IS NOT NULL GROUP BY 1, 3, 5",
        # per month for the actors in many events (their month views would be slow to count)
        "INSERT INTO summary_buckets (scope, unit, bucket, type, quad, n)"
        " SELECT entity_id, 'M', substr(day, 1, 7), '*', quad, count(*) FROM _ev WHERE day IS NOT NULL AND entity_id IN"
        f" (SELECT entity_id FROM _ev GROUP BY entity_id HAVING count(*) >= {ACTOR_MONTHS}) GROUP BY 1, 3, 5",
        "INSERT INTO summary_entity_years (year, entity_id, n)"
        " SELECT substr(day, 1, 4), entity_id, count(*) FROM _ev WHERE actor = 1 AND day IS NOT NULL GROUP BY 1, 2",
        "INSERT INTO summary_entities (entity_id, events, mentions, documents, first, last)"
        " SELECT en.id, coalesce(ev.n, 0), coalesce(m.n, 0), coalesce(m.docs, 0), ev.first, ev.last FROM entities en"
        " LEFT JOIN (SELECT entity_id, count(*) AS n, min(lo) AS first, max(hi) AS last FROM _ev GROUP BY entity_id) ev"
        "   ON ev.entity_id = en.id"
        " LEFT JOIN (SELECT entity_id, sum(n) AS n, count(DISTINCT document_id) AS docs FROM _m GROUP BY entity_id) m"
        "   ON m.entity_id = en.id",
        "INSERT INTO summary_aliases (entity_id, alias, n) SELECT entity_id, alias, sum(n) FROM _m GROUP BY 1, 2",
        # pairs of actors in one asserted event, per year and over all time (what the text only
        # supposes, denies or hedges, and what a person rejected, ties no one)
        "INSERT INTO summary_pairs (a, b, year, n)"
        " SELECT x.entity_id, y.entity_id, coalesce(substr(x.day, 1, 4), ''), count(*)"
        " FROM _ev x JOIN _ev y ON y.event_rowid = x.event_rowid AND y.entity_id > x.entity_id"
        " WHERE x.actor = 1 AND y.actor = 1 AND x.sure = 1 GROUP BY 1, 2, 3",
        "INSERT INTO summary_partners (a, b, n) SELECT a, b, sum(n) FROM summary_pairs GROUP BY a, b",
        "INSERT INTO summary_partners (a, b, n) SELECT b, a, sum(n) FROM summary_pairs GROUP BY a, b ORDER BY b, a",
        # per document, for search facets
        "INSERT INTO summary_doc_facets (document_id, facet, value, n)"
        f" SELECT e.document_id, 'year', substr({KEY_DAY}, 1, 4), count(*) FROM events e INDEXED BY events_type_date"
        " WHERE e.date_lo IS NOT NULL GROUP BY 1, 3"
        " UNION ALL SELECT e.document_id, 'type', e.type, count(*) FROM events e INDEXED BY events_type_date"
        " GROUP BY 1, 3"
        # the actors of a document: the 25 taking part in most of its events
        " UNION ALL SELECT document_id, 'actor', entity_id, n FROM (SELECT document_id, entity_id, count(*) AS n,"
        "   row_number() OVER (PARTITION BY document_id ORDER BY count(*) DESC, entity_id) AS k FROM _ev"
        "   WHERE actor = 1 GROUP BY 1, 2) AS ranked WHERE k <= 25",
        "DELETE FROM _ev",
        "DELETE FROM _m",
    ]
    if pg:
        # the rows written in the order of the primary key, so that the rows a request reads (one year's
        # actors, the pairs of a few actors, the facets of 100 documents) lie on a few pages, not one
        # page each (a table's rows lie in the order they were written)
        steps = [_in_key_order(sql) for sql in steps]
        # readers keep the summaries as they were until this commits (MVCC), and a build writes none of
        # these tables: no staging; one server recomputes at a time
        _run(conn, steps, "BEGIN", lock=SUMMARY_LOCK)
    elif staged:
        _refresh_staged(conn, steps)
    else:
        _run(conn, steps, "BEGIN")
    if analyze:
        t0 = time.perf_counter()
        conn.execute("PRAGMA analysis_limit = 1000")
        # PostgreSQL's autovacuum keeps the other tables' statistics: the summaries it may not have seen yet.
        # VACUUM too: it frees the rows the refresh deleted and marks the pages all-visible, so that the
        # indexes are read without visiting the table (index-only scans), as searches read document_terms
        # (which the build changed, if the summaries are recomputed)
        conn.execute(f"VACUUM (ANALYZE) {', '.join(SUMMARY_TABLES)}, document_terms" if pg else "ANALYZE")
        if TRACE:
            print(f"{time.perf_counter() - t0:7.2f} s  ANALYZE", file=sys.stderr)


KEY_ORDER = {"summary_buckets": "1, 2, 3, 4, 5", "summary_entity_years": "1, 2", "summary_aliases": "1, 2",
             "summary_pairs": "1, 2, 3", "summary_doc_facets": "1, 2, 3"}
"""The primary key of each summary table (by the position of its columns) that its rows are written in
on PostgreSQL (summary_entities and summary_partners are read a row, or an index range, at a time)."""


def _in_key_order(sql: str) -> str:
    """An INSERT ... SELECT into a summary table, writing its rows in the order of its primary key."""
    m = re.match(r"INSERT INTO (summary_\w+) ", sql)
    if not m or m.group(1) not in KEY_ORDER:
        return sql
    return f"{sql} ORDER BY {KEY_ORDER[m.group(1)]}"


def _run(conn: sqlite3.Connection, steps: list[str], begin: str, lock: int | None = None) -> None:
    """The steps, then the extent and stamp, in one transaction (from one snapshot of the base)."""
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute("PRAGMA cache_size = -262144")      # 256 MB while it runs
    conn.execute(begin)
    try:
        if lock is not None:
            conn.lock(lock)
            if summaries_fresh(conn):       # another server recomputed them while this one waited
                conn.execute("ROLLBACK")
                return
        for sql in steps:
            t0 = time.perf_counter()
            conn.execute(sql)
            if TRACE:
                print(f"{time.perf_counter() - t0:7.2f} s  {sql[:90]}", file=sys.stderr)
        lo = conn.execute("SELECT min(date_lo) FROM events WHERE date_lo > '0000-01-01'").fetchone()[0]
        hi = conn.execute(f"SELECT max(date_hi) FROM events WHERE {SPAN_CLASS} >= 0 AND date_hi < '9999-12-31'"
                          ).fetchone()[0]
        conn.execute("INSERT OR REPLACE INTO summary_state (name, stamp) VALUES ('extent', ?)",
                     (f"{lo or ''}|{hi or ''}",))
        conn.execute("INSERT OR REPLACE INTO summary_state (name, stamp) VALUES ('summaries', ?)", (stamp(conn),))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.execute(f"PRAGMA cache_size = {cache}")


def _refresh_staged(conn: sqlite3.Connection, steps: list[str]) -> None:
    from kankei.serve.app import _temp_summaries

    tables = [*SUMMARY_TABLES, "summary_state"]
    for t in tables:
        conn.execute(f"DROP TABLE IF EXISTS temp.{t}")
    _temp_summaries(conn)        # TEMP tables of the same names: the steps write there
    try:
        conn.execute("INSERT INTO temp.summary_state SELECT * FROM main.summary_state")
        _run(conn, steps, "BEGIN")
        t0 = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        try:
            for t in tables:
                conn.execute(f"DELETE FROM main.{t}")
                conn.execute(f"INSERT INTO main.{t} SELECT * FROM temp.{t}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        if TRACE:
            print(f"{time.perf_counter() - t0:7.2f} s  copy into the base (the write lock held)", file=sys.stderr)
    finally:
        for t in tables:
            conn.execute(f"DROP TABLE IF EXISTS temp.{t}")
