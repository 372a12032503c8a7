"""Queries of the explorer: pages of events, counts per period, the actor network, search, documents as spans.

Everything here reads the base through one sqlite3 connection and returns plain dicts whose field
names follow the extraction records (`start`, `end`, `text`, `type`, `date`, `participants` with
`role` and `entity`, `value`, `unit`, `qualifier`). Bad input raises BadRequest (a 400 for the
API), unknown ids NotFound (a 404).

The summary tables of schema 6 make counts cheap on large bases; refresh_summaries() recomputes
them when stamp() says the base changed since they were made.
"""
from __future__ import annotations

import base64
import calendar
import os
import re
import sqlite3
import sys
import threading
import time
from collections import defaultdict
from datetime import date, timedelta
from functools import cache

import orjson

from kankei.store.queries import NotFound, filter_bounds


class BadRequest(ValueError):
    """A parameter the query cannot use; str(err) says which and why, for people."""


# ---------------------------------------------------------------------------------------------
# event types, CAMEO quad classes

@cache
def event_types() -> dict:
    """kankei event types with their label, CAMEO root and quad class (0 when there is none)."""
    from kankei.knowledge import load
    table = load("event_types")
    roots = table["cameo_roots"]
    out = {}
    for code, info in table["types"].items():
        root = roots.get(info.get("cameo")) if info.get("cameo") else None
        out[code] = {"type": code, "label": info.get("label", code), "cameo": info.get("cameo_code") or info.get("cameo"),
                     "cameo_name": root["name"] if root else None, "quad": root["quad"] if root else 0,
                     "plover": info.get("plover")}
    return out


@cache
def quad_classes() -> dict[int, str]:
    from kankei.knowledge import load
    classes = {int(k): v for k, v in load("event_types")["quad_classes"].items()}
    return {0: "not in CAMEO", **classes}


# ---------------------------------------------------------------------------------------------
# summaries

SUMMARY_TABLES = ("summary_buckets", "summary_entities", "summary_entity_years", "summary_aliases",
                  "summary_pairs", "summary_partners", "summary_doc_facets")

# the day an event is counted on: its earliest day, or its latest for intervals open at the start
KEY_DAY = "(CASE WHEN e.date_lo > '0000-01-01' THEN e.date_lo ELSE e.date_hi END)"


def stamp(conn: sqlite3.Connection) -> str:
    """What the summaries depend on: documents added, replaced or removed, and people's judgements."""
    row = conn.execute(
        "SELECT (SELECT count(*) || ':' || coalesce(max(rowid), 0) || ':' || coalesce(sum(rowid), 0) FROM documents)"
        " || '|' || (SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || count(undone_at) FROM judgements)"
        " || '|' || (SELECT coalesce(max(rowid), 0) FROM events)"
        " || '|' || (SELECT count(*) FROM entities)").fetchone()
    return row[0]


def summaries_fresh(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT stamp FROM summary_state WHERE name = 'summaries'").fetchone()
    return bool(row) and row[0] == stamp(conn)


def refresh_summaries(conn: sqlite3.Connection, analyze: bool = True) -> None:
    """Recompute every summary table in one transaction (readers keep the old ones until it commits).

    analyze: then update the query planner's statistics (not for a connection's TEMP summaries)."""
    steps = [
        # every (entity, event) once, with what the summaries group by; actor: not only as a location
        "CREATE TEMP TABLE IF NOT EXISTS _ev (entity_id TEXT, event_rowid INTEGER, actor INTEGER, day TEXT,"
        " type TEXT, quad INTEGER, document_id TEXT, lo TEXT, hi TEXT)",
        "DELETE FROM _ev",
        "INSERT INTO _ev SELECT p.entity_id, e.rowid, max(p.role != 'location'), substr(" + KEY_DAY + ", 1, 10),"
        " e.type, coalesce(e.quad, 0), e.document_id, nullif(e.date_lo, '0000-01-01'), nullif(e.date_hi, '9999-12-31')"
        " FROM events e CROSS JOIN event_participants p ON p.event_id = e.id GROUP BY e.rowid, p.entity_id",
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
        # per month for the actors in many events (their month views would be slow to count)
        "INSERT INTO summary_buckets (scope, unit, bucket, type, quad, n)"
        " SELECT entity_id, 'M', substr(day, 1, 7), '*', quad, count(*) FROM _ev WHERE day IS NOT NULL AND entity_id IN"
        f" (SELECT entity_id FROM _ev GROUP BY entity_id HAVING count(*) >= {ACTOR_MONTHS}) GROUP BY 1, 3, 5",
        "INSERT INTO summary_entity_years (year, entity_id, n)"
        " SELECT substr(day, 1, 4), entity_id, count(*) FROM _ev WHERE actor AND day IS NOT NULL GROUP BY 1, 2",
        "INSERT INTO summary_entities (entity_id, events, mentions, documents, first, last)"
        " SELECT en.id, coalesce(ev.n, 0), coalesce(m.n, 0), coalesce(m.docs, 0), ev.first, ev.last FROM entities en"
        " LEFT JOIN (SELECT entity_id, count(*) AS n, min(lo) AS first, max(hi) AS last FROM _ev GROUP BY entity_id) ev"
        "   ON ev.entity_id = en.id"
        " LEFT JOIN (SELECT entity_id, sum(n) AS n, count(DISTINCT document_id) AS docs FROM _m GROUP BY entity_id) m"
        "   ON m.entity_id = en.id",
        "INSERT INTO summary_aliases (entity_id, alias, n) SELECT entity_id, alias, sum(n) FROM _m GROUP BY 1, 2",
        # pairs of actors in one event, per year and over all time
        "INSERT INTO summary_pairs (a, b, year, n)"
        " SELECT x.entity_id, y.entity_id, coalesce(substr(x.day, 1, 4), ''), count(*)"
        " FROM _ev x JOIN _ev y ON y.event_rowid = x.event_rowid AND y.entity_id > x.entity_id"
        " WHERE x.actor AND y.actor GROUP BY 1, 2, 3",
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
        "   WHERE actor GROUP BY 1, 2) WHERE k <= 25",
        "DELETE FROM _ev",
        "DELETE FROM _m",
    ]
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute("PRAGMA cache_size = -262144")      # 256 MB while it runs
    conn.execute("BEGIN IMMEDIATE" if analyze else "BEGIN")
    try:
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
    if analyze:
        t0 = time.perf_counter()
        conn.execute("PRAGMA analysis_limit = 1000")
        conn.execute("ANALYZE")
        if TRACE:
            print(f"{time.perf_counter() - t0:7.2f} s  ANALYZE", file=sys.stderr)


TRACE = bool(os.environ.get("KANKEI_TRACE_SUMMARIES"))
ACTOR_MONTHS = 1000
"""Actors in at least this many events have their events counted per month in the summaries."""


# ---------------------------------------------------------------------------------------------
# parameters

def period(date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    """The earliest and latest day of an EDTF from/to pair; BadRequest for values that are not EDTF."""
    lo = hi = None
    try:
        if date_from:
            lo = filter_bounds(date_from)[0]
        if date_to:
            hi = filter_bounds(date_to)[1]
    except ValueError as err:
        raise BadRequest(str(err)) from None
    if lo and hi and lo > hi:
        raise BadRequest(f"'from' ({date_from}) is after 'to' ({date_to})")
    return lo, hi


def check_type(type_: str | None) -> str | None:
    if type_ and type_ not in event_types():
        raise BadRequest(f"unknown event type {type_!r}; one of {', '.join(sorted(event_types()))}")
    return type_ or None


def resolve_actor(conn: sqlite3.Connection, name: str) -> str:
    """An entity id from an id, a canonical name or an alias seen in the base (case-blind)."""
    row = conn.execute("SELECT id FROM entities WHERE id = ?", (name,)).fetchone()
    if row:
        return row[0]
    row = conn.execute("SELECT id FROM entities WHERE name = ? COLLATE NOCASE"
                       " ORDER BY (SELECT events FROM summary_entities WHERE entity_id = id) DESC LIMIT 1",
                       (name,)).fetchone()
    if row:
        return row[0]
    row = conn.execute("SELECT entity_id FROM summary_aliases WHERE alias = ? COLLATE NOCASE ORDER BY n DESC LIMIT 1",
                       (name,)).fetchone()
    if row:
        return row[0]
    # an alias the knowledge files know, of an actor the base has
    from kankei.recognize.gazetteer import fold, gazetteer
    key = fold(name).casefold()
    for e in gazetteer().entries.values():
        if fold(e.name).casefold() == key or any(fold(a).casefold() == key for a in e.aliases):
            if conn.execute("SELECT 1 FROM entities WHERE id = ?", (e.id,)).fetchone():
                return e.id
    raise NotFound(f"no actor called {name!r} in this knowledge base")


# ---------------------------------------------------------------------------------------------
# events

# The span class of an event, exactly as indexed by events_span_date (schema 6), and how many days
# an event of each class can last at most (None: unbounded).
SPAN_CLASS = ("(CASE WHEN date_lo = date_hi THEN 0"
              " WHEN substr(date_lo, 1, 7) = substr(date_hi, 1, 7) THEN 1"
              " WHEN substr(date_lo, 1, 4) = substr(date_hi, 1, 4) THEN 2"
              " WHEN substr(date_lo, 1, 3) = substr(date_hi, 1, 3) THEN 3"
              " WHEN substr(date_lo, 1, 2) = substr(date_hi, 1, 2) THEN 4 ELSE 5 END)")
SPAN_DAYS = (0, 31, 366, 3653, 36525, None)
SPAN_NAMES = ("day", "month", "year", "decade", "century", "any")

DRIVER_LIMIT = 5000
"""A filter matching at most this many events is evaluated first (its events fetched and sorted);
otherwise events are read in date order and the filters checked on each."""
TEXT_DENSE = 150000
"""Words in more sentences than this are checked event by event rather than gathered first."""

EVENT_COLUMNS = ("e.rowid AS rid, e.id, e.document_id, e.type, e.date, e.date_lo, e.date_hi, e.start, e.\"end\", e.exact,"
                 " e.sentence_start, e.sentence_end, e.sentence, e.modality, e.hedged, e.cameo, e.goldstein, e.quad,"
                 " e.plover")


def _days_before(day: str, days: int) -> str:
    try:
        d = date.fromisoformat(day) - timedelta(days=days)
        return d.isoformat()
    except (ValueError, OverflowError):
        return "0000-01-01"


def encode_cursor(row) -> str:
    raw = orjson.dumps([row["date_lo"], row["date_hi"], row["rid"]])
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, str, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        lo, hi, rid = orjson.loads(raw)
        if not (isinstance(lo, str | None) and isinstance(hi, str | None) and isinstance(rid, int)):
            raise ValueError
    except (ValueError, TypeError, orjson.JSONDecodeError):
        raise BadRequest("cursor: not a cursor this server gave (use the 'next' value of the previous page)") from None
    return lo, hi, rid


def _fts_count(conn: sqlite3.Connection, table: str, query: str, cap: int) -> int:
    try:
        return conn.execute(f"SELECT count(*) FROM (SELECT rowid FROM {table} WHERE {table} MATCH ? LIMIT ?)",
                            (query, cap + 1)).fetchone()[0]
    except sqlite3.OperationalError as err:
        raise search_error(err, query) from None


def _entity_event_count(conn: sqlite3.Connection, entity_id: str) -> int:
    row = conn.execute("SELECT events FROM summary_entities WHERE entity_id = ?", (entity_id,)).fetchone()
    if row is not None:
        return row[0]
    return conn.execute("SELECT count(*) FROM (SELECT 1 FROM event_participants WHERE entity_id = ? LIMIT ?)",
                        (entity_id, DRIVER_LIMIT + 1)).fetchone()[0]


def _type_event_count(conn: sqlite3.Connection, type_: str) -> int:
    return conn.execute("SELECT count(*) FROM (SELECT 1 FROM events WHERE type = ? LIMIT ?)",
                        (type_, DRIVER_LIMIT + 1)).fetchone()[0]


def event_page(conn: sqlite3.Connection, actors: list[str] = (), type_: str | None = None,
               date_from: str | None = None, date_to: str | None = None, text: str | None = None,
               span_max: int = 5, limit: int = 50, cursor: str | None = None, document_id: str | None = None,
               undated: bool = False) -> dict:
    """Dated events (or with undated=True, the undated ones) in date order, filtered, one page at a time.

    actors: entity ids (all must take part); from/to: EDTF, events whose dates may overlap the period;
    text: FTS5 query over the sentence stating the event; span_max: only events dated at least this
    precisely (0 day .. 5 any). Returns {events, next (a cursor or None), limit}.

    The most selective small filter is evaluated first (its events gathered through covering
    indexes, then sorted); when every filter matches many events, events are read in date order
    (one index range per span class when a period is given) and the filters checked on each.
    """
    lo, hi = period(date_from, date_to)
    check_type(type_)
    span_max = max(0, min(5, span_max))
    drivers = [(_entity_event_count(conn, a), "actor", a) for a in actors]
    if type_:
        drivers.append((_type_event_count(conn, type_), "type", type_))
    text_count = _fts_count(conn, "events_fts", text, TEXT_DENSE) if text else 0
    if text:
        drivers.append((text_count, "text", text))
    if document_id:
        drivers.append((0, "document", document_id))
    drivers.sort(key=lambda d: d[0])
    driver = drivers[0] if drivers and drivers[0][0] <= DRIVER_LIMIT else None
    if driver is None and len(actors) > 1:
        # several frequent actors: their shared events, merged from the index in event order
        shared = " INTERSECT ".join(["SELECT event_id FROM event_participants WHERE entity_id = ?"] * len(actors))
        ids = [r[0] for r in conn.execute(f"{shared} ORDER BY 1 LIMIT ?", [*actors, DRIVER_LIMIT + 1])]
        if len(ids) <= DRIVER_LIMIT:
            driver = (len(ids), "ids", orjson.dumps(ids).decode())

    where: list[str] = []
    args: list = []
    source, source_args = "events e", []
    kind = driver[1] if driver else None
    if kind == "actor":
        source = ("(SELECT DISTINCT event_id FROM event_participants WHERE entity_id = ?) AS drv"
                  " CROSS JOIN events e INDEXED BY events_id_date ON e.id = drv.event_id")
        source_args.append(driver[2])
    elif kind == "ids":
        source = "json_each(?) AS drv CROSS JOIN events e INDEXED BY events_id_date ON e.id = drv.value"
        source_args.append(driver[2])
    elif kind == "text":
        source = "(SELECT rowid AS r FROM events_fts WHERE events_fts MATCH ?) AS drv CROSS JOIN events e ON e.rowid = drv.r"
        source_args.append(driver[2])
    elif kind == "type":
        source = "events e INDEXED BY events_type_date"
    elif kind == "document":
        source = "events e INDEXED BY events_document"
    for a in actors:
        if kind == "ids" or kind == "actor" and driver[2] == a:
            continue
        where.append("EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = e.id AND p.entity_id = ?)")
        args.append(a)
    if type_:
        where.append("e.type = ?")
        args.append(type_)
    if document_id:
        where.append("e.document_id = ?")
        args.append(document_id)
    hits_table = None
    if text and kind != "text":
        if text_count > TEXT_DENSE:
            # a word in very many sentences: check each event read in date order
            where.append("EXISTS (SELECT 1 FROM events_fts f WHERE f.rowid = e.rowid AND events_fts MATCH ?)")
            args.append(text)
        else:
            # gather the matching sentences once (in this connection's TEMP space), then check each event
            hits_table = _text_hits(conn, text)
            where.append(f"EXISTS (SELECT 1 FROM temp.{hits_table} h WHERE h.r = e.rowid)")
    where.append("e.date_lo IS NULL" if undated else "e.date_lo IS NOT NULL")
    if hi:
        where.append("e.date_lo <= ?")
        args.append(hi)
    if lo:
        where.append("e.date_hi >= ?")
        args.append(lo)
    if cursor:
        c_lo, c_hi, c_rid = decode_cursor(cursor)
        if undated:
            where.append("e.rowid > ?")
            args.append(c_rid)
        else:
            where.append("(e.date_lo, e.date_hi, e.rowid) > (?, ?, ?)")
            args += [c_lo, c_hi, c_rid]

    order = "e.rowid" if undated else "e.date_lo, e.date_hi, e.rowid"
    span_expr = SPAN_CLASS.replace("date_", "e.date_")
    branches: list[tuple[str, list]] = []
    if driver is None and not undated and (lo or span_max < 5):
        # one index range per span class: an event of class c overlapping the period starts at
        # most SPAN_DAYS[c] days before it
        for c in range(span_max + 1):
            cond, cargs = [f"{span_expr} = {c}"], []
            if lo and SPAN_DAYS[c] is not None:
                cond.append("e.date_lo >= ?")
                cargs.append(_days_before(lo, SPAN_DAYS[c]))
            branches.append((" AND ".join(cond + where), cargs + args))
    else:
        cond = list(where)
        if span_max < 5:
            cond.append(f"{span_expr} <= {span_max}")
        branches.append((" AND ".join(cond), list(args)))

    n = limit + 1
    parts, all_args = [], []
    for cond, cargs in branches:
        parts.append(f"SELECT * FROM (SELECT e.rowid AS rid, e.date_lo, e.date_hi FROM {source} WHERE {cond}"
                     f" ORDER BY {order} LIMIT {n})")
        all_args += source_args + cargs
    sql = " UNION ALL ".join(parts)
    if len(parts) > 1:
        sql = f"SELECT * FROM ({sql}) ORDER BY {order.replace('e.', '').replace('rowid', 'rid')} LIMIT {n}"
    try:
        keys = conn.execute(sql, all_args).fetchall()
    except sqlite3.OperationalError as err:
        if text:
            raise search_error(err, text) from None
        raise
    finally:
        if hits_table:
            conn.execute(f"DROP TABLE IF EXISTS temp.{hits_table}")
    more = len(keys) > limit
    keys = keys[:limit]
    rows = _rows_by_rowid(conn, [k["rid"] for k in keys])
    return {"events": events_json(conn, rows), "next": encode_cursor(keys[-1]) if more else None, "limit": limit}


def _text_hits(conn: sqlite3.Connection, text: str) -> str:
    name = f"_hits_{threading.get_ident()}"
    conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name} (r INTEGER PRIMARY KEY)")
    conn.execute(f"DELETE FROM temp.{name}")
    try:
        conn.execute(f"INSERT INTO temp.{name} SELECT rowid FROM events_fts WHERE events_fts MATCH ?", (text,))
    except sqlite3.OperationalError as err:
        raise search_error(err, text) from None
    return name


def _rows_by_rowid(conn: sqlite3.Connection, rowids: list[int]) -> list[sqlite3.Row]:
    if not rowids:
        return []
    found = {r["rid"]: r for r in conn.execute(
        f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.rowid IN ({','.join('?' * len(rowids))})", rowids)}
    return [found[r] for r in rowids if r in found]


def participants(conn: sqlite3.Connection, event_ids: list[str]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for i in range(0, len(event_ids), 500):
        chunk = event_ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        for r in conn.execute(
                "SELECT p.event_id, p.role, p.entity_id, p.start, p.\"end\", en.name, en.type FROM event_participants p"
                f" LEFT JOIN entities en ON en.id = p.entity_id WHERE p.event_id IN ({marks})"
                " ORDER BY p.event_id, CASE p.role WHEN 'agent' THEN 0 WHEN 'patient' THEN 1 ELSE 2 END, p.start",
                chunk):
            out[r["event_id"]].append({"role": r["role"], "entity": r["entity_id"], "name": r["name"] or r["entity_id"],
                                       "entity_type": r["type"], "start": r["start"], "end": r["end"]})
    return out


def events_json(conn: sqlite3.Connection, rows: list, with_document: bool = True) -> list[dict]:
    parts = participants(conn, [r["id"] for r in rows])
    docs: dict[str, sqlite3.Row] = {}
    if with_document:
        ids = sorted({r["document_id"] for r in rows})
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            for d in conn.execute(f"SELECT id, doc, title FROM documents WHERE id IN ({','.join('?' * len(chunk))})",
                                  chunk):
                docs[d["id"]] = d
    types = event_types()
    out = []
    for r in rows:
        info = types.get(r["type"], {})
        ev = {"id": r["id"], "type": r["type"], "label": info.get("label", r["type"]), "date": r["date"],
              "date_lo": r["date_lo"], "date_hi": r["date_hi"], "start": r["start"], "end": r["end"],
              "text": r["exact"], "quote": r["sentence"], "sentence_start": r["sentence_start"],
              "sentence_end": r["sentence_end"], "modality": r["modality"], "hedged": bool(r["hedged"]),
              "cameo": r["cameo"], "goldstein": r["goldstein"], "quad": r["quad"] or 0, "plover": r["plover"],
              "participants": parts.get(r["id"], []), "document_id": r["document_id"]}
        if with_document:
            d = docs.get(r["document_id"])
            ev["doc"] = d["doc"] if d else None
            ev["title"] = d["title"] if d else None
        out.append(ev)
    return out


def event_detail(conn: sqlite3.Connection, event_id: str) -> dict:
    row = conn.execute(f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.id = ?", (event_id,)).fetchone()
    if not row:
        raise NotFound(f"no event with id {event_id!r}")
    ev = events_json(conn, [row])[0]
    from kankei.store.queries import show
    ev["sources"] = show(conn, event_id)["sources"]
    return ev


# ---------------------------------------------------------------------------------------------
# counts per period

UNITS = ("century", "decade", "year", "month", "day")
MAX_BUCKETS = 2000


def _unit_key_len(unit: str) -> int:
    return {"century": 2, "decade": 3, "year": 4, "month": 7, "day": 10}[unit]


def bucket_bounds(unit: str, key: str) -> tuple[str, str]:
    """The first and last day of a bucket ('19' century, '195' decade, '1959', '1959-12', '1959-12-14')."""
    if unit == "century":
        return f"{key}00-01-01", f"{key}99-12-31"
    if unit == "decade":
        return f"{key}0-01-01", f"{key}9-12-31"
    if unit == "year":
        return f"{key}-01-01", f"{key}-12-31"
    if unit == "month":
        y, m = int(key[:4]), int(key[5:7])
        return f"{key}-01", f"{key}-{calendar.monthrange(y, m)[1]:02d}"
    return key, key


def _estimate_buckets(unit: str, lo: str, hi: str) -> int:
    y0, y1 = int(lo[:4]), int(hi[:4])
    if unit == "day":
        try:
            return (date.fromisoformat(hi) - date.fromisoformat(lo)).days + 1
        except ValueError:
            return (y1 - y0 + 1) * 366
    if unit == "month":
        return (y1 - y0) * 12 + int(hi[5:7] or 12) - int(lo[5:7] or 1) + 1
    return {"century": y1 // 100 - y0 // 100 + 1, "decade": y1 // 10 - y0 // 10 + 1, "year": y1 - y0 + 1}[unit]


def auto_unit(lo: str, hi: str, target: int = 150) -> str:
    """The finest unit giving at most `target` buckets over lo..hi."""
    for unit in ("day", "month", "year", "decade"):
        if _estimate_buckets(unit, lo, hi) <= target:
            return unit
    return "century"


def extent(conn: sqlite3.Connection) -> dict:
    """The first and last day any dated event can fall on (open ends left out), as summarized."""
    row = conn.execute("SELECT stamp FROM summary_state WHERE name = 'extent'").fetchone()
    lo, _, hi = (row[0] if row else "|").partition("|")
    return {"from": lo or None, "to": hi or None}


def buckets(conn: sqlite3.Connection, unit: str = "auto", actor: str | None = None, type_: str | None = None,
            date_from: str | None = None, date_to: str | None = None, text: str | None = None) -> dict:
    """Events counted per century, decade, year, month or day (by the earliest day they can fall on),
    split by CAMEO quad class. {unit, from, to, total, buckets: [{key, start, end, n, quads}]}"""
    lo, hi = period(date_from, date_to)
    check_type(type_)
    if not lo or not hi:
        ext = extent(conn)
        lo = lo or ext["from"] or "1900-01-01"
        hi = hi or ext["to"] or "2000-12-31"
        if lo > hi:
            lo, hi = hi, lo
    if unit == "auto":
        unit = auto_unit(lo, hi)
    if unit not in UNITS:
        raise BadRequest(f"unit: one of auto, {', '.join(UNITS)}")
    if _estimate_buckets(unit, lo, hi) > MAX_BUCKETS:
        raise BadRequest(f"{unit} buckets from {lo} to {hi} would be more than {MAX_BUCKETS}; "
                         "choose a coarser unit or a shorter period")
    width = _unit_key_len(unit)
    counts: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    actor_events = _entity_event_count(conn, actor) if actor else 0
    summarized = not text and (unit != "day") and not (
        actor and unit == "month" and (type_ or actor_events < ACTOR_MONTHS))
    if not summarized:
        # straight from the events: a short period, one actor's months, or a text filter (the summaries
        # count all events by month and year, each actor's by year, and busy actors' by month)
        where = ["(e.date_lo BETWEEN ? AND ? OR e.date_lo = '0000-01-01' AND e.date_hi BETWEEN ? AND ?)"]
        args = [lo, hi, lo, hi]
        source = "events e"
        if actor and actor_events <= 20 * DRIVER_LIMIT:
            source = ("(SELECT DISTINCT event_id FROM event_participants WHERE entity_id = ?) AS drv"
                      " CROSS JOIN events e INDEXED BY events_id_date ON e.id = drv.event_id")
            args.insert(0, actor)
        elif actor:
            where.append("EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = e.id AND p.entity_id = ?)")
            args.append(actor)
        if type_:
            where.append("e.type = ?")
            args.append(type_)
        if text:
            where.append("e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
            args.append(text)
        sql = (f"SELECT substr({KEY_DAY}, 1, {width}) AS k, coalesce(e.quad, 0) AS q, count(*) AS n FROM {source}"
               f" WHERE {' AND '.join(where)} GROUP BY 1, 2")
        try:
            rows = conn.execute(sql, args).fetchall()
        except sqlite3.OperationalError as err:
            if text:
                raise search_error(err, text) from None
            raise
    else:
        level = "M" if unit == "month" else "Y"
        key_lo, key_hi = (lo[:7], hi[:7]) if level == "M" else (lo[:4], hi[:4])
        where, args = ["scope = ?", "unit = ?", "bucket BETWEEN ? AND ?"], [actor or "", level, key_lo, key_hi]
        if type_:
            where.append("type = ?")
            args.append(type_)
        rows = conn.execute(f"SELECT substr(bucket, 1, {width}) AS k, quad AS q, sum(n) AS n FROM summary_buckets"
                            f" WHERE {' AND '.join(where)} GROUP BY 1, 2", args).fetchall()
    for r in rows:
        counts[r["k"]][r["q"]] += r["n"]
    out = []
    for key in sorted(counts):
        start, end = bucket_bounds(unit, key)
        quads = {str(q): n for q, n in sorted(counts[key].items())}
        out.append({"key": key, "start": start, "end": end, "n": sum(counts[key].values()), "quads": quads})
    return {"unit": unit, "from": lo, "to": hi, "total": sum(b["n"] for b in out), "buckets": out}


# ---------------------------------------------------------------------------------------------
# entities and the network

def entity_list(conn: sqlite3.Connection, q: str | None = None, type_: str | None = None, limit: int = 50,
                offset: int = 0, sort: str = "events") -> dict:
    where, args = [], []
    if q:
        pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        where.append("(en.name LIKE ? ESCAPE '\\' OR en.id LIKE ? ESCAPE '\\' OR en.id IN"
                     " (SELECT entity_id FROM summary_aliases WHERE alias LIKE ? ESCAPE '\\'))")
        args += [pattern, pattern, pattern]
    if type_:
        where.append("en.type = ?")
        args.append(type_)
    order = {"events": "coalesce(s.events, 0) DESC, en.name", "name": "en.name COLLATE NOCASE, en.id",
             "mentions": "coalesce(s.mentions, 0) DESC, en.name"}.get(sort)
    if order is None:
        raise BadRequest("sort: one of events, mentions, name")
    cond = (" WHERE " + " AND ".join(where)) if where else ""
    total = conn.execute(f"SELECT count(*) FROM entities en{cond}", args).fetchone()[0]
    rows = conn.execute(
        "SELECT en.id, en.name, en.type, en.origin, coalesce(s.events, 0) AS events, coalesce(s.mentions, 0) AS mentions,"
        " coalesce(s.documents, 0) AS documents, s.first, s.last FROM entities en"
        f" LEFT JOIN summary_entities s ON s.entity_id = en.id{cond} ORDER BY {order} LIMIT ? OFFSET ?",
        [*args, limit, offset]).fetchall()
    return {"total": total, "limit": limit, "offset": offset, "entities": [dict(r) for r in rows]}


def entity_detail(conn: sqlite3.Connection, entity_id: str, top: int = 12) -> dict:
    row = conn.execute(
        "SELECT en.*, coalesce(s.events, 0) AS events, coalesce(s.mentions, 0) AS mentions,"
        " coalesce(s.documents, 0) AS documents, s.first, s.last FROM entities en"
        " LEFT JOIN summary_entities s ON s.entity_id = en.id WHERE en.id = ?", (entity_id,)).fetchone()
    if not row:
        raise NotFound(f"no entity with id {entity_id!r}")
    aliases = [{"text": r["alias"], "count": r["n"]} for r in conn.execute(
        "SELECT alias, n FROM summary_aliases WHERE entity_id = ? ORDER BY n DESC, alias LIMIT 100", (entity_id,))]
    per_year: dict[str, dict[str, int]] = defaultdict(dict)
    for r in conn.execute("SELECT bucket, quad, sum(n) AS n FROM summary_buckets WHERE scope = ? AND unit = 'Y'"
                          " GROUP BY bucket, quad ORDER BY bucket", (entity_id,)):
        per_year[r["bucket"]][str(r["quad"])] = r["n"]
    partners = [{"entity": r["b"], "name": r["name"] or r["b"], "type": r["type"], "events": r["n"]} for r in conn.execute(
        "SELECT p.b, p.n, en.name, en.type FROM summary_partners p LEFT JOIN entities en ON en.id = p.b"
        " WHERE p.a = ? ORDER BY p.n DESC, p.b LIMIT ?", (entity_id, top))]
    documents = [dict(r) for r in conn.execute(
        "SELECT f.document_id AS id, d.doc, d.title, d.published, f.n AS events FROM summary_doc_facets f"
        " JOIN documents d ON d.id = f.document_id WHERE f.facet = 'actor' AND f.value = ?"
        " ORDER BY f.n DESC, d.doc LIMIT 20", (entity_id,))]
    if not documents:
        documents = [dict(r) for r in conn.execute(
            "SELECT d.id, d.doc, d.title, d.published, 0 AS events FROM documents d WHERE d.id IN"
            " (SELECT document_id FROM mentions WHERE entity_id = ? LIMIT 2000) ORDER BY d.doc LIMIT 20", (entity_id,))]
    out = {k: row[k] for k in ("id", "name", "type", "origin", "events", "mentions", "documents", "first", "last")}
    out.update(aliases=aliases, events_per_year={y: {"n": sum(q.values()), "quads": q} for y, q in per_year.items()},
               partners=partners, top_documents=documents)
    return out


def network(conn: sqlite3.Connection, date_from: str | None = None, date_to: str | None = None, limit: int = 60,
            min_weight: int = 1) -> dict:
    """The actors (not places) taking part in the most events of a period, and the events they share."""
    lo, hi = period(date_from, date_to)
    y_lo, y_hi = (lo or "0000")[:4], (hi or "9999")[:4]
    if lo or hi:
        rows = conn.execute(
            "SELECT y.entity_id, sum(y.n) AS n FROM summary_entity_years y WHERE y.year BETWEEN ? AND ?"
            " GROUP BY y.entity_id ORDER BY n DESC, y.entity_id LIMIT ?", (y_lo, y_hi, limit)).fetchall()
    else:
        rows = conn.execute(
            "SELECT entity_id, sum(n) AS n FROM summary_entity_years GROUP BY entity_id ORDER BY n DESC, entity_id"
            " LIMIT ?", (limit,)).fetchall()
    ids = [r["entity_id"] for r in rows]
    names = {}
    if ids:
        for r in conn.execute(f"SELECT id, name, type FROM entities WHERE id IN ({','.join('?' * len(ids))})", ids):
            names[r["id"]] = r
    nodes = [{"id": r["entity_id"], "name": names[r["entity_id"]]["name"] if r["entity_id"] in names else r["entity_id"],
              "type": names[r["entity_id"]]["type"] if r["entity_id"] in names else None, "events": r["n"]} for r in rows]
    edges = []
    if ids:
        marks = ",".join("?" * len(ids))
        for r in conn.execute(
                f"SELECT a, b, sum(n) AS n FROM summary_pairs WHERE a IN ({marks}) AND b IN ({marks})"
                " AND year BETWEEN ? AND ? GROUP BY a, b HAVING sum(n) >= ? ORDER BY n DESC",
                [*ids, *ids, y_lo if (lo or hi) else "", y_hi, min_weight]):
            edges.append({"source": r["a"], "target": r["b"], "weight": r["n"]})
    return {"from": lo, "to": hi, "nodes": nodes, "edges": edges}


# ---------------------------------------------------------------------------------------------
# documents

def document_list(conn: sqlite3.Connection, q: str | None = None, limit: int = 50, offset: int = 0) -> dict:
    where, args = "", []
    if q:
        pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        where = " WHERE d.title LIKE ? ESCAPE '\\' OR d.doc LIKE ? ESCAPE '\\'"
        args = [pattern, pattern]
    total = conn.execute(f"SELECT count(*) FROM documents d{where}", args).fetchone()[0]
    rows = conn.execute(
        "SELECT d.id, d.doc, d.title, d.published, d.format, d.chars, d.added_at,"
        " (SELECT count(*) FROM events e WHERE e.document_id = d.id) AS events,"
        " (SELECT count(*) FROM notes n WHERE n.document_id = d.id) AS notes"
        f" FROM documents d{where} ORDER BY d.doc, d.id LIMIT ? OFFSET ?", [*args, limit, offset]).fetchall()
    return {"total": total, "limit": limit, "offset": offset, "documents": [dict(r) for r in rows]}


def document_detail(conn: sqlite3.Connection, document_id: str) -> dict:
    """A document's text and everything extracted from it, each as a span of that text."""
    d = conn.execute("SELECT id, doc, path, title, published, format, encoding, offsets, chars, text, extractor,"
                     " added_at FROM documents WHERE id = ?", (document_id,)).fetchone()
    if not d:
        raise NotFound(f"no document with id {document_id!r}")
    out = dict(d)
    out["times"] = [{"id": r["id"], "start": r["start"], "end": r["end"], "text": r["exact"], "value": r["value"],
                     "type": r["type"], "date_lo": r["date_lo"], "date_hi": r["date_hi"]} for r in conn.execute(
        "SELECT * FROM times WHERE document_id = ? ORDER BY start", (document_id,))]
    out["quantities"] = [{"id": r["id"], "start": r["start"], "end": r["end"], "text": r["exact"], "value": r["value"],
                          "low": r["low"], "high": r["high"], "unit": r["unit"], "qualifier": r["qualifier"]}
                         for r in conn.execute("SELECT * FROM quantities WHERE document_id = ? ORDER BY start",
                                               (document_id,))]
    out["mentions"] = [{"id": r["id"], "start": r["start"], "end": r["end"], "text": r["exact"], "entity": r["entity_id"],
                        "name": r["name"] or r["entity_id"], "type": r["type"]} for r in conn.execute(
        "SELECT m.id, m.start, m.\"end\", m.exact, m.entity_id, en.name, en.type FROM mentions m"
        " LEFT JOIN entities en ON en.id = m.entity_id WHERE m.document_id = ? ORDER BY m.start", (document_id,))]
    rows = conn.execute(f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.document_id = ? ORDER BY e.start",
                        (document_id,)).fetchall()
    out["events"] = events_json(conn, rows, with_document=False)
    out["notes"] = [{"id": r["id"], "number": r["number"], "start": r["start"], "end": r["end"], "text": r["text"],
                     "parts": orjson.loads(r["parts"]) if r["parts"] else {}} for r in conn.execute(
        "SELECT * FROM notes WHERE document_id = ? ORDER BY start", (document_id,))]
    out["citations"] = [{"note": r["note"], "start": r["marker_start"], "end": r["marker_end"],
                         "sentence_start": r["sentence_start"], "sentence_end": r["sentence_end"]}
                        for r in conn.execute("SELECT * FROM citations WHERE document_id = ? ORDER BY marker_start",
                                              (document_id,))]
    out["claims"] = [{"id": r["id"], "start": r["start"], "end": r["end"], "text": r["exact"], "subject": r["subject"],
                      "subject_name": r["subject_name"], "property": r["property"], "time": r["time"] or r["time_label"],
                      "quantity": r["quantity_id"]} for r in conn.execute(
        "SELECT * FROM claims WHERE document_id = ? ORDER BY start", (document_id,))]
    return out


# ---------------------------------------------------------------------------------------------
# search

HIT_OPEN, HIT_CLOSE = "\x02", "\x03"
FACET_DOCUMENTS = 100
"""Facets are counted over at most this many of the best-ranked matching documents (actors: the 25
taking part in most events of each document)."""


def search_error(err: sqlite3.OperationalError, query: str) -> Exception:
    """BadRequest for a query FTS5 cannot parse; the error itself for anything else."""
    msg = str(err)
    if "fts5" in msg or "syntax error" in msg or "no such column" in msg or "unterminated" in msg \
            or "unknown special query" in msg or "malformed MATCH" in msg:
        detail = msg.replace("fts5: ", "")
        return BadRequest(f"cannot read the search {query!r} ({detail}). Words, \"a phrase\", AND, OR, NOT, "
                          "prefix* and NEAR(a b) work; put other text in double quotes")
    return err


def plain_query(text: str) -> str:
    """Every word of text required, each as a quoted string (no operators)."""
    words = re.findall(r"\w[\w'’.-]*", text)
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def _split_snippet(s: str | None) -> list[dict]:
    parts = []
    for i, chunk in enumerate(re.split(f"({HIT_OPEN}.*?{HIT_CLOSE})", s or "", flags=re.S)):
        if not chunk:
            continue
        if chunk.startswith(HIT_OPEN) and chunk.endswith(HIT_CLOSE):
            parts.append({"text": chunk[1:-1], "hit": True})
        else:
            parts.append({"text": chunk.replace(HIT_OPEN, "").replace(HIT_CLOSE, ""), "hit": False})
        del i
    return parts


def search(conn: sqlite3.Connection, q: str, mode: str = "fts", year: str | None = None, type_: str | None = None,
           actor: str | None = None, limit: int = 20, offset: int = 0) -> dict:
    """Documents matching an FTS5 query, best first, with highlighted snippets and facets."""
    if not q or not q.strip():
        raise BadRequest("q: give something to search for")
    if mode == "plain":
        query = plain_query(q)
        if not query:
            raise BadRequest("q: no words to search for")
    elif mode == "fts":
        query = q
    else:
        raise BadRequest("mode: fts (FTS5 syntax) or plain (all these words)")
    check_type(type_)
    if year is not None and not re.fullmatch(r"\d{4}", year):
        raise BadRequest("year: four digits, e.g. 1959")
    where, args = ["documents_fts MATCH ?"], [query]
    for facet, value in (("year", year), ("type", type_), ("actor", actor)):
        if value:
            where.append(f"d.id IN (SELECT document_id FROM summary_doc_facets WHERE facet = '{facet}' AND value = ?)")
            args.append(value)
    cond = " AND ".join(where)
    try:
        total = conn.execute(f"SELECT count(*) FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
                             f" WHERE {cond}", args).fetchone()[0]
        # the page (FTS5 sorts by rank itself and makes snippets for the rows it returns only), and the
        # best matches the facets are counted over
        rows = conn.execute(
            "SELECT d.id, d.doc, d.title, d.published, d.chars,"
            f" highlight(documents_fts, 0, '{HIT_OPEN}', '{HIT_CLOSE}') AS title_hl,"
            f" snippet(documents_fts, 1, '{HIT_OPEN}', '{HIT_CLOSE}', '…', 40) AS snip"
            f" FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid WHERE {cond}"
            " ORDER BY rank LIMIT ? OFFSET ?", [*args, limit, offset]).fetchall()
        ranked = conn.execute(
            f"SELECT d.id FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid WHERE {cond}"
            + (" ORDER BY rank" if total > FACET_DOCUMENTS else "") + " LIMIT ?", [*args, FACET_DOCUMENTS]).fetchall()
    except sqlite3.OperationalError as err:
        raise search_error(err, q) from None
    scope = ranked[:FACET_DOCUMENTS]
    results = [{"id": r["id"], "doc": r["doc"], "title": r["title"], "published": r["published"], "chars": r["chars"],
                "title_parts": _split_snippet(r["title_hl"]) if r["title"] else [],
                "snippet": _split_snippet(r["snip"])} for r in rows]
    facets = _facets(conn, [r["id"] for r in scope])
    entities = []
    if offset == 0 and len(q) >= 2:
        pattern = "%" + re.sub(r"[\"*()^]", " ", q).strip().replace("%", "").replace("_", "") + "%"
        if pattern != "%%":
            entities = [dict(r) for r in conn.execute(
                "SELECT en.id, en.name, en.type, coalesce(s.events, 0) AS events FROM entities en"
                " LEFT JOIN summary_entities s ON s.entity_id = en.id"
                " WHERE en.name LIKE ? OR en.id IN (SELECT entity_id FROM summary_aliases WHERE alias LIKE ?)"
                " ORDER BY events DESC LIMIT 8", (pattern, pattern))]
    return {"q": q, "mode": mode, "query": query, "total": total, "limit": limit, "offset": offset,
            "results": results, "facets": facets, "facets_over": len(scope), "entities": entities}


def _facets(conn: sqlite3.Connection, doc_ids: list[str]) -> dict:
    if not doc_ids:
        return {"year": [], "type": [], "actor": []}
    values = ",".join(["(?)"] * len(doc_ids))
    scope = f"(VALUES {values}) AS x CROSS JOIN summary_doc_facets f ON f.document_id = x.column1"
    rows = conn.execute(f"SELECT f.facet, f.value, count(*) AS documents, sum(f.n) AS events FROM {scope}"
                        " WHERE f.facet IN ('year', 'type') GROUP BY f.facet, f.value", doc_ids).fetchall()
    rows += conn.execute(f"SELECT f.facet, f.value, count(*) AS documents, sum(f.n) AS events FROM {scope}"
                         " WHERE f.facet = 'actor' GROUP BY f.value ORDER BY documents DESC, events DESC, f.value"
                         " LIMIT 20", doc_ids).fetchall()
    by: dict[str, list[dict]] = {"year": [], "type": [], "actor": []}
    for r in rows:
        by[r["facet"]].append({"value": r["value"], "documents": r["documents"], "events": r["events"]})
    by["year"].sort(key=lambda f: f["value"])
    types = event_types()
    by["type"].sort(key=lambda f: (-f["documents"], f["value"]))
    for f in by["type"]:
        f["label"] = types.get(f["value"], {}).get("label", f["value"])
    by["actor"].sort(key=lambda f: (-f["documents"], -f["events"], f["value"]))
    by["actor"] = by["actor"][:20]
    if by["actor"]:
        ids = [f["value"] for f in by["actor"]]
        names = {r["id"]: r["name"] for r in conn.execute(
            f"SELECT id, name FROM entities WHERE id IN ({','.join('?' * len(ids))})", ids)}
        for f in by["actor"]:
            f["name"] = names.get(f["value"], f["value"])
    return by
