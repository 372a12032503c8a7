"""Reading the knowledge base: the timeline, an actor, one statement and its sources."""
from __future__ import annotations

import bisect
import re
import sqlite3
from collections import Counter
from datetime import date

import orjson

from kankei import edtf
from kankei.recognize.gazetteer import fold


class NotFound(LookupError):
    """No such entity, event or statement; str(err) says what was looked for."""


def resolve_entity(conn: sqlite3.Connection, name: str) -> str:
    """An entity id from an id, a name or any alias mentioned in the base (case- and accent-blind).

    An actor merged into another (by a person or the machine) resolves to the one it was merged into.
    """
    found = _resolve(conn, name)
    from kankei.reconcile.judgements import canonical_map
    return canonical_map(conn).get(found, found)


def _resolve(conn: sqlite3.Connection, name: str) -> str:
    row = conn.execute("SELECT id FROM entities WHERE id = ?", (name,)).fetchone()
    if row:
        return row[0]
    key = fold(name).casefold()
    counts: Counter = Counter()
    for r in conn.execute("SELECT entity_id, exact FROM mentions"):
        if fold(r["exact"]).casefold() == key:
            counts[r["entity_id"]] += 1
    for r in conn.execute("SELECT id, name FROM entities"):
        if fold(r["name"]).casefold() == key:
            counts[r["id"]] += 100
    if not counts:
        from kankei.recognize.gazetteer import gazetteer
        if name in gazetteer().entries:         # an id of the knowledge files
            return name
        for e in gazetteer().entries.values():
            if any(fold(a).casefold() == key for a in e.aliases) or fold(e.name).casefold() == key:
                return e.id
        raise NotFound(f"no actor called {name!r} in this knowledge base")
    return counts.most_common(1)[0][0]


def _participants(conn: sqlite3.Connection, event_ids: list[str]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for chunk in range(0, len(event_ids), 500):
        ids = event_ids[chunk:chunk + 500]
        marks = ",".join("?" * len(ids))
        for r in conn.execute(
                f"SELECT p.event_id, p.role, p.entity_id, p.start, p.\"end\", coalesce(e.name, p.entity_id) AS name, e.type"
                f" FROM event_participants p LEFT JOIN entities e ON e.id = p.entity_id WHERE p.event_id IN ({marks})"
                f" ORDER BY p.event_id, p.role, p.entity_id", ids):
            out.setdefault(r["event_id"], []).append(
                {"role": r["role"], "entity": r["entity_id"], "name": r["name"], "type": r["type"],
                 "start": r["start"], "end": r["end"]})
    return out


def timeline(conn: sqlite3.Connection, actor: str | None = None, type_: str | None = None,
             date_from: str | None = None, date_to: str | None = None, limit: int | None = None,
             include_undated: bool = False) -> list[dict]:
    """Events in date order; EDTF values of different precision sort by their earliest day, then latest."""
    where, args = [], []
    if not include_undated:
        where.append("e.date_lo IS NOT NULL")
    if actor:
        entity_id = resolve_entity(conn, actor)
        where.append("e.id IN (SELECT event_id FROM event_participants WHERE entity_id = ?)")
        args.append(entity_id)
    if type_:
        where.append("e.type = ?")
        args.append(type_)
    # an open end ('1958/..', '../1959') does not stretch an event over every period: it belongs to
    # the periods its known end overlaps (to the year)
    if date_from is not None:
        where.append("(CASE WHEN e.date_hi >= '9999-12-31' THEN substr(e.date_lo, 1, 4) || '-12-31'"
                     " ELSE e.date_hi END) >= ?")
        args.append(filter_bounds(date_from)[0])
    if date_to is not None:
        where.append("(CASE WHEN e.date_lo <= '0000-01-01' THEN substr(e.date_hi, 1, 4) || '-01-01'"
                     " ELSE e.date_lo END) <= ?")
        args.append(filter_bounds(date_to)[1])
    sql = ("SELECT e.*, d.doc, d.title, g.group_id FROM events e JOIN documents d ON d.id = e.document_id"
           " LEFT JOIN event_groups g ON g.event_id = e.id"
           + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY e.date_lo IS NULL, e.date_lo, e.date_hi, d.doc, e.start")
    if limit:
        sql += f" LIMIT {int(limit)}"
    rows = conn.execute(sql, args).fetchall()
    parts = _participants(conn, [r["id"] for r in rows])
    return [_event_dict(r, parts.get(r["id"], [])) for r in rows]


_MONTH = re.compile(r"^-?[\dX]{4}-(\d\d)")


def filter_bounds(value: str) -> tuple[str, str]:
    """The earliest and latest day of an EDTF date given as a filter; ValueError if it is not one."""
    try:
        b = edtf.bounds(value)      # (raises for some malformed values: '1959-00')
        if not b:
            raise ValueError
        for part in value.split("/"):           # months 01-12, or EDTF's 21-41 (seasons, quarters...)
            month = _MONTH.match(part)
            if month and not (1 <= int(month.group(1)) <= 12 or 21 <= int(month.group(1)) <= 41):
                raise ValueError
        for day in b:
            if day not in ("0000-01-01", "9999-12-31"):   # the open ends of '../1959' and '1959/..'
                date.fromisoformat(day)
    except ValueError:
        raise ValueError(f"{value!r} is not an EDTF date (e.g. 1959, 1959-12, 1959-12-14, 195X, 1959/1984)") from None
    return b


def _event_dict(r: sqlite3.Row, participants: list[dict]) -> dict:
    return {"id": r["id"], "type": r["type"], "date": r["date"], "trigger": r["exact"],
            "start": r["start"], "end": r["end"], "modality": r["modality"], "hedged": bool(r["hedged"]),
            "participants": participants, "quote": r["sentence"], "doc": r["doc"], "title": r["title"],
            "document_id": r["document_id"], "cameo": r["cameo"], "goldstein": r["goldstein"],
            "quad": r["quad"], "plover": r["plover"],
            # the occurrence it tells, with the other documents' tellings of it (reconcile/events.py)
            "group": r["group_id"] if "group_id" in r.keys() else None}


def entity(conn: sqlite3.Connection, name: str, top: int = 10) -> dict:
    """An actor: aliases seen, type, events over time, and the actors it interacts with most."""
    entity_id = resolve_entity(conn, name)
    row = conn.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if row is None:     # known to the knowledge files, but no document here mentions it
        raise NotFound(f"{name!r} ({entity_id}) is in kankei's knowledge files but no document in this "
                       "knowledge base mentions it")
    aliases = Counter(r[0] for r in conn.execute("SELECT exact FROM mentions WHERE entity_id = ?", (entity_id,)))
    docs = conn.execute("SELECT count(DISTINCT document_id) FROM mentions WHERE entity_id = ?", (entity_id,)).fetchone()[0]
    events = timeline(conn, actor=entity_id)
    partners: Counter = Counter()
    for ev in events:
        for p in ev["participants"]:
            if p["entity"] != entity_id and p["role"] != "location":
                partners[(p["entity"], p["name"])] += 1
    by_year: Counter = Counter(ev["date"][:4] for ev in events if ev["date"] and ev["date"][:4].isdigit())
    return {"id": entity_id, "name": row["name"], "type": row["type"], "origin": row["origin"],
            "mentions": sum(aliases.values()), "documents": docs,
            "aliases": [{"text": a, "count": c} for a, c in aliases.most_common()],
            "events": events, "events_per_year": dict(sorted(by_year.items())),
            "partners": [{"entity": e, "name": n, "events": c} for (e, n), c in partners.most_common(top)]}


def show(conn: sqlite3.Connection, statement_id: str) -> dict:
    """An event or a statement (mention, time, quantity) with every source sentence behind it."""
    r = conn.execute("SELECT e.*, d.doc, d.title FROM events e JOIN documents d ON d.id = e.document_id WHERE e.id = ?",
                     (statement_id,)).fetchone()
    if r:
        ev = _event_dict(r, _participants(conn, [r["id"]]).get(r["id"], []))
        ev["kind"] = "event"
        ev["sources"] = [_source(conn, r["document_id"], r["sentence_start"], r["sentence_end"], r["start"], r["end"])]
        return ev
    for table, kind in (("quantities", "quantity"), ("times", "time"), ("mentions", "entity")):
        r = conn.execute(f"SELECT * FROM {table} WHERE id = ?", (statement_id,)).fetchone()
        if r:
            out = {k: r[k] for k in r.keys()}
            out["kind"] = kind
            s, e = (r["sentence_start"], r["sentence_end"]) if kind == "quantity" else (None, None)
            out["sources"] = [_source(conn, r["document_id"], s, e, r["start"], r["end"])]
            return out
    raise NotFound(f"no event or statement with id {statement_id!r}")


def _source(conn, document_id: str, s: int | None, e: int | None, start: int, end: int) -> dict:
    d = conn.execute("SELECT doc, title, path, text FROM documents WHERE id = ?", (document_id,)).fetchone()
    text = d["text"]
    if s is None or e is None or not s <= start <= end <= e:
        s, e = _sentence_around(text, start, end)
    cites = [{"note": c["note"], "text": c["text"], "parts": orjson.loads(c["parts"]) if c["parts"] else {}}
             for c in conn.execute(
            "SELECT c.note, n.text, n.parts, min(c.marker_start) AS first FROM citations c LEFT JOIN notes n"
            " ON n.document_id = c.document_id AND n.number = c.note"
            " WHERE c.document_id = ? AND c.sentence_start < ? AND c.sentence_end > ?"
            " GROUP BY c.note, n.text, n.parts ORDER BY first", (document_id, e, s))]
    return {"document_id": document_id, "doc": d["doc"], "title": d["title"], "path": d["path"],
            "sentence": text[s:e], "sentence_start": s, "sentence_end": e, "start": start, "end": end,
            "notes": cites}


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (as the extractor segments it) holding start..end; several if the span crosses one."""
    from kankei.text import sentences
    spans = sentences(text)
    i = bisect.bisect_right([a for a, _ in spans], start) - 1
    if i < 0:
        return start, end
    s, e = spans[i]
    while e < end and i + 1 < len(spans):
        i += 1
        e = spans[i][1]
    return s, max(e, end)
