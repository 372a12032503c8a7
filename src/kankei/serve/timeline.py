"""The timeline: events counted per century, decade, year, month or day, split by CAMEO quad class."""
from __future__ import annotations

import calendar
import sqlite3
from collections import defaultdict
from datetime import date

from kankei.serve import fts
from kankei.serve.common import BadRequest, check_type, fts_errors, fts_query, period
from kankei.serve.events import ACTOR_SOURCE, DRIVER_LIMIT, HAS_ACTOR, entity_event_count
from kankei.serve.summaries import ACTOR_MONTHS, KEY_DAY

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
    text = fts_query(text) if text else None
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
    actor_events = entity_event_count(conn, actor) if actor else 0
    summarized = not text and (unit != "day") and not (
        actor and unit == "month" and (type_ or actor_events < ACTOR_MONTHS))
    if not summarized:
        # straight from the events: a short period, one actor's months, or a text filter (the summaries
        # count all events by month and year, each actor's by year, and busy actors' by month)
        where = ["(e.date_lo BETWEEN ? AND ? OR e.date_lo = '0000-01-01' AND e.date_hi BETWEEN ? AND ?)"]
        args = [lo, hi, lo, hi]
        source = "events e"
        if actor and actor_events <= 20 * DRIVER_LIMIT:
            source = ACTOR_SOURCE
            args.insert(0, actor)
        elif actor:
            where.append(HAS_ACTOR)
            args.append(actor)
        if type_:
            where.append("e.type = ?")
            args.append(type_)
        if text:
            where.append(fts.match(conn, "events", "e"))
            args.append(fts.param(conn, text))
        sql = (f"SELECT substr({KEY_DAY}, 1, {width}) AS k, coalesce(e.quad, 0) AS q, count(*) AS n FROM {source}"
               f" WHERE {' AND '.join(where)} GROUP BY 1, 2")
        with fts_errors(text):
            rows = conn.execute(sql, args).fetchall()
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
