"""Events: pages of them in date order, filtered by actors, type, period, text and precision; one event.

Events are returned as plain dicts whose field names follow the extraction records (`start`, `end`,
`text`, `type`, `date`, `participants` with `role` and `entity`).
"""
from __future__ import annotations

import base64
import math
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

import orjson

from kankei.serve import fts
from kankei.serve.common import (
    BadRequest,
    check_type,
    event_types,
    fts_errors,
    fts_query,
    marks,
    period,
    rows_in,
)
from kankei.store.pg import dialect
from kankei.store.queries import NotFound

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
CHECK_COST = 64
"""Checking one event's sentence in the full-text index (a seek) costs about as much as gathering this
many matching sentences: a word alone (with at most a period) is checked event by event when the
events read in date order until a page is full cost less than gathering every sentence holding it
(see _dense_at)."""

EVENT_COLUMNS = ("e.rowid AS rid, e.id, e.document_id, e.type, e.date, e.date_lo, e.date_hi, e.start, e.\"end\", e.exact,"
                 " e.sentence_start, e.sentence_end, e.sentence, e.modality, e.hedged, e.cameo, e.goldstein, e.quad,"
                 " e.plover")

ACTOR_SOURCE = ("(SELECT DISTINCT event_id FROM event_participants WHERE entity_id = ?) AS drv"
                " CROSS JOIN events e INDEXED BY events_id_date ON e.id = drv.event_id")
"""The events of one actor (the parameter), read through the covering indexes."""
HAS_ACTOR = "EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = e.id AND p.entity_id = ?)"
"""A condition on event e: the actor (the parameter) takes part in it."""


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
    """How many rows match, counted up to cap + 1 (past it, on PostgreSQL, as the planner estimates it).

    The count only chooses how a page is read, never what it holds: on PostgreSQL, counting 5,001
    matches read a random page of the table per match (15 ms), so a query the planner's statistics of
    the words (pg_stats of the fts column) put well past the cap is not counted."""
    with fts_errors(query):
        if dialect(conn) == "postgresql":
            match, param = f"SELECT 1 FROM {table} t WHERE {fts.match(conn, table, 't')}", fts.param(conn, query)
            plan = conn.execute(f"EXPLAIN (FORMAT JSON) {match}", (param,)).fetchone()[0]
            plan = orjson.loads(plan) if isinstance(plan, str | bytes) else plan
            estimate = int(plan[0]["Plan"]["Plan Rows"])
            if estimate > 4 * cap:
                return estimate
            return conn.execute(f"SELECT count(*) FROM ({match} LIMIT ?) AS k", (param, cap + 1)).fetchone()[0]
        # the index alone: joining each match to its row read a random page of the table per match
        return conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM {table}_fts WHERE {table}_fts MATCH ? LIMIT ?)",
                            (query, cap + 1)).fetchone()[0]


def entity_event_count(conn: sqlite3.Connection, entity_id: str) -> int:
    """How many events the entity takes part in (as summarized; else counted up to DRIVER_LIMIT + 1)."""
    row = conn.execute("SELECT events FROM summary_entities WHERE entity_id = ?", (entity_id,)).fetchone()
    if row is not None:
        return row[0]
    return conn.execute("SELECT count(*) FROM (SELECT 1 FROM event_participants WHERE entity_id = ? LIMIT ?) AS k",
                        (entity_id, DRIVER_LIMIT + 1)).fetchone()[0]


def _type_event_count(conn: sqlite3.Connection, type_: str) -> int:
    return conn.execute("SELECT count(*) FROM (SELECT 1 FROM events WHERE type = ? LIMIT ?) AS k",
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
    text = fts_query(text) if text else None
    span_max = max(0, min(5, span_max))
    drivers = [(entity_event_count(conn, a), "actor", a) for a in actors]
    if type_:
        drivers.append((_type_event_count(conn, type_), "type", type_))
    # (PostgreSQL checks a word on each event from the GIN index's bitmap however many sentences hold it:
    # counting them past the driver's limit would only cost)
    dense_at = TEXT_DENSE
    if text and not actors and not type_ and not document_id and dialect(conn) != "postgresql":
        dense_at = _dense_at(conn, span_max + 1 if (lo or span_max < 5) and not undated else 1, limit)
    cap = DRIVER_LIMIT if dialect(conn) == "postgresql" else dense_at
    text_count = _fts_count(conn, "events", text, cap) if text else 0
    if text:
        drivers.append((text_count, "text", text))
    if document_id:
        drivers.append((0, "document", document_id))
    drivers.sort(key=lambda d: d[0])
    driver = drivers[0] if drivers and drivers[0][0] <= DRIVER_LIMIT else None
    if driver is None and len(actors) > 1 and not _share_many(conn, actors):
        # several frequent actors: their shared events, merged from the index in event order
        if dialect(conn) == "postgresql":
            # the first actor's events (in event order, from the index) each looked up in the others' (a
            # merge of index ranges that stops at the limit: INTERSECT hashed both whole lists first)
            others = " AND ".join(["EXISTS (SELECT 1 FROM event_participants o WHERE o.entity_id = ?"
                                   " AND o.event_id = p.event_id)"] * (len(actors) - 1))
            shared = f"SELECT DISTINCT p.event_id FROM event_participants p WHERE p.entity_id = ? AND {others}"
        else:
            shared = " INTERSECT ".join(["SELECT event_id FROM event_participants WHERE entity_id = ?"] * len(actors))
        ids = [r[0] for r in conn.execute(f"{shared} ORDER BY 1 LIMIT ?", [*actors, DRIVER_LIMIT + 1])]
        if len(ids) <= DRIVER_LIMIT:
            driver = (len(ids), "ids", orjson.dumps(ids).decode())

    where: list[str] = []
    args: list = []
    source, source_args = "events e", []
    kind = driver[1] if driver else None
    pg = dialect(conn) == "postgresql"
    if kind == "ids" and pg:
        source = "jsonb_array_elements_text(?::jsonb) AS drv(value) CROSS JOIN events e ON e.id = drv.value"
        source_args.append(driver[2])
    elif kind == "text" and pg:
        where.append(fts.match(conn, "events", "e"))
        args.append(fts.param(conn, driver[2]))
    elif kind == "actor":
        source = ACTOR_SOURCE
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
        where.append(HAS_ACTOR)
        args.append(a)
    if type_:
        where.append("e.type = ?")
        args.append(type_)
    if document_id:
        where.append("e.document_id = ?")
        args.append(document_id)
    hits_table = None
    if text and kind != "text" and pg:
        where.append(fts.match(conn, "events", "e"))      # the GIN index's bitmap, checked on each event
        args.append(fts.param(conn, text))
    elif text and kind != "text":
        if text_count > dense_at:
            # a word in very many sentences: check each event read in date order
            where.append("EXISTS (SELECT 1 FROM events_fts f WHERE f.rowid = e.rowid AND events_fts MATCH ?)")
            args.append(text)
        else:
            # gather the matching sentences once (in this connection's TEMP space), then check each event
            hits_table = _text_hits(conn, text)
            where.append(f"EXISTS (SELECT 1 FROM temp.{hits_table} h WHERE h.r = e.rowid)")
    where.append("e.date_lo IS NULL" if undated else "e.date_lo IS NOT NULL")
    # an open end ('1958/..') does not stretch an event over every period: the year of its known end counts
    if hi:
        where.append("e.date_lo <= ?")
        where.append("(e.date_lo > '0000-01-01' OR substr(e.date_hi, 1, 4) || '-01-01' <= ?)")
        args += [hi, hi]
    if lo:
        where.append("e.date_hi >= ?")
        where.append("(e.date_hi < '9999-12-31' OR substr(e.date_lo, 1, 4) || '-12-31' >= ?)")
        args += [lo, lo]
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
    for i, (cond, cargs) in enumerate(branches):
        parts.append(f"SELECT * FROM (SELECT e.rowid AS rid, e.date_lo, e.date_hi FROM {source} WHERE {cond}"
                     f" ORDER BY {order} LIMIT {n}) AS b{i}")
        all_args += source_args + cargs
    sql = " UNION ALL ".join(parts)
    if len(parts) > 1:
        sql = f"SELECT * FROM ({sql}) AS u ORDER BY {order.replace('e.', '').replace('rowid', 'rid')} LIMIT {n}"
    try:
        with fts_errors(text):
            keys = conn.execute(sql, all_args).fetchall()
    finally:
        if hits_table:
            conn.execute(f"DROP TABLE IF EXISTS temp.{hits_table}")
    more = len(keys) > limit
    keys = keys[:limit]
    rows = _rows_by_rowid(conn, [k["rid"] for k in keys])
    return {"events": events_json(conn, rows), "next": encode_cursor(keys[-1]) if more else None, "limit": limit}


def _share_many(conn: sqlite3.Connection, actors: list[str]) -> bool:
    """Whether two actors are known (from the summaries) to share more than DRIVER_LIMIT events: the
    asserted events two actors share are a lower bound of all they share, and gathering all (the
    intersection of two lists of 100,000 events) to find it would be wasted."""
    if len(actors) != 2:
        return False
    row = conn.execute("SELECT n FROM summary_partners WHERE a = ? AND b = ?", actors).fetchone()
    return row is not None and row[0] > DRIVER_LIMIT


def _dense_at(conn: sqlite3.Connection, branches: int, limit: int) -> int:
    """How many sentences a word alone must be in for its events to be checked one by one as they are
    read in date order rather than gathered first: reading `branches` index ranges (one per span
    class) until each has limit + 1 events reads about branches * (limit + 1) * events / matches
    events, each checked at CHECK_COST, against gathering the matches once (between DRIVER_LIMIT and
    TEXT_DENSE). The events are counted by their largest rowid (no count of a large table)."""
    events = conn.execute("SELECT coalesce(max(rowid), 0) FROM events").fetchone()[0]
    return max(DRIVER_LIMIT, min(TEXT_DENSE, math.isqrt(CHECK_COST * branches * (limit + 1) * events)))


def _text_hits(conn: sqlite3.Connection, text: str) -> str:
    name = f"_hits_{threading.get_ident()}"
    conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name} (r INTEGER PRIMARY KEY)")
    conn.execute(f"DELETE FROM temp.{name}")
    with fts_errors(text):
        conn.execute(f"INSERT INTO temp.{name} SELECT rowid FROM events_fts WHERE events_fts MATCH ?", (text,))
    return name


def _rows_by_rowid(conn: sqlite3.Connection, rowids: list[int]) -> list[sqlite3.Row]:
    if not rowids:
        return []
    found = {r["rid"]: r for r in conn.execute(
        f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.rowid IN ({marks(len(rowids))})", rowids)}
    return [found[r] for r in rowids if r in found]


def participants(conn: sqlite3.Connection, event_ids: list[str]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for r in rows_in(conn, "SELECT p.event_id, p.role, p.entity_id, p.start, p.\"end\", en.name, en.type"
                           " FROM event_participants p LEFT JOIN entities en ON en.id = p.entity_id"
                           " WHERE p.event_id IN ({marks})"
                           " ORDER BY p.event_id, CASE p.role WHEN 'agent' THEN 0 WHEN 'patient' THEN 1 ELSE 2 END,"
                           " p.start", event_ids):
        out[r["event_id"]].append({"role": r["role"], "entity": r["entity_id"], "name": r["name"] or r["entity_id"],
                                   "entity_type": r["type"], "start": r["start"], "end": r["end"]})
    return out


def uncertainty(modality: str | None, hedged) -> str | None:
    """How the text leaves an event unasserted, in one word (None: it asserts it): hypothetical,
    planned, negated, ..., or reported for a hedged one (reportedly, allegedly)."""
    if modality and modality != "asserted":
        return modality
    return "reported" if hedged else None


def verdicts(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, dict]:
    """A person's verdict in force on each of these statements, by id: {"kind": "confirm" or
    "reject", "judgement": its id} (the latest confirm or reject not undone)."""
    out: dict[str, dict] = {}
    for r in rows_in(conn, "SELECT id, kind, subject FROM judgements WHERE subject IN ({marks})"
                           " AND kind IN ('confirm', 'reject') AND undone_at IS NULL ORDER BY id", list(ids)):
        out[r["subject"]] = {"kind": r["kind"], "judgement": r["id"]}
    return out


def events_json(conn: sqlite3.Connection, rows: list, with_document: bool = True) -> list[dict]:
    """Each event with `uncertain` (see uncertainty()) and `verdict` (a person's, or None)."""
    parts = participants(conn, [r["id"] for r in rows])
    judged = verdicts(conn, [r["id"] for r in rows])
    docs: dict[str, sqlite3.Row] = {}
    if with_document:
        ids = sorted({r["document_id"] for r in rows})
        docs = {d["id"]: d for d in rows_in(conn, "SELECT id, doc, title FROM documents WHERE id IN ({marks})", ids)}
    types = event_types()
    out = []
    for r in rows:
        info = types.get(r["type"], {})
        ev = {"id": r["id"], "type": r["type"], "label": info.get("label", r["type"]), "date": r["date"],
              "date_lo": r["date_lo"], "date_hi": r["date_hi"], "start": r["start"], "end": r["end"],
              "text": r["exact"], "quote": r["sentence"], "sentence_start": r["sentence_start"],
              "sentence_end": r["sentence_end"], "modality": r["modality"], "hedged": bool(r["hedged"]),
              "cameo": r["cameo"], "goldstein": r["goldstein"], "quad": r["quad"] or 0, "plover": r["plover"],
              "uncertain": uncertainty(r["modality"], r["hedged"]), "verdict": judged.get(r["id"]),
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
