"""Flat exports: CSV and JSON Lines of events, entities, mentions, quantities and times; PLOVER."""
from __future__ import annotations

import csv
import sqlite3
from typing import TextIO

import orjson

from kankei.store.queries import timeline

TABLES = ("events", "entities", "mentions", "quantities", "times")


def certainty(ev: dict) -> str:
    """asserted, or the one word every view uses for an event the text does not assert:
    hypothetical, planned, negated, ... or reported (hedged: reportedly, allegedly)."""
    modality = ev.get("modality")
    if modality and modality != "asserted":
        return modality
    return "reported" if ev.get("hedged") else "asserted"


def _events(conn: sqlite3.Connection) -> list[dict]:
    return timeline(conn, include_undated=True)


def _rows(conn: sqlite3.Connection, table: str) -> list[dict]:
    if table == "events":
        out = []
        for ev in _events(conn):
            row = {k: ev[k] for k in ("id", "date", "type", "trigger", "modality", "hedged", "cameo", "goldstein",
                                      "quad", "plover", "doc", "start", "end", "quote")}
            row["asserted"] = certainty(ev) == "asserted"
            row["certainty"] = certainty(ev)
            row["kind"] = "event"
            for role in ("agent", "patient", "location"):
                row[role + "s"] = "; ".join(p["name"] for p in ev["participants"] if p["role"] == role)
            row["participants"] = [{k: p[k] for k in ("role", "entity", "start", "end")} for p in ev["participants"]]
            out.append(row)
        return out
    if table == "entities":
        return [dict(r) for r in conn.execute(
            "SELECT e.id AS entity, e.name, e.type, e.origin, count(m.id) AS mentions,"
            " count(DISTINCT m.document_id) AS documents FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id"
            " GROUP BY e.id ORDER BY mentions DESC, e.id")]
    if table == "mentions":
        return [dict(r) for r in conn.execute(
            "SELECT m.id, 'entity' AS kind, d.doc, m.start, m.\"end\", m.exact AS text, m.entity_id AS entity,"
            " e.name, e.type FROM mentions m JOIN documents d ON d.id = m.document_id"
            " LEFT JOIN entities e ON e.id = m.entity_id ORDER BY d.doc, m.start")]
    if table == "quantities":
        return [dict(r) for r in conn.execute(
            "SELECT q.id, 'quantity' AS kind, d.doc, q.start, q.\"end\", q.exact AS text, q.value, q.low, q.high,"
            " q.unit, q.qualifier FROM quantities q JOIN documents d ON d.id = q.document_id ORDER BY d.doc, q.start")]
    if table == "times":
        return [dict(r) for r in conn.execute(
            "SELECT t.id, 'time' AS kind, d.doc, t.start, t.\"end\", t.exact AS text, t.value, t.type"
            " FROM times t JOIN documents d ON d.id = t.document_id ORDER BY d.doc, t.start")]
    raise ValueError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")


def write_csv(conn: sqlite3.Connection, table: str, out: TextIO) -> int:
    rows = _rows(conn, table)
    for r in rows:
        r.pop("participants", None)
    fields = list(rows[0].keys()) if rows else ["id"]
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return len(rows)


def write_jsonl(conn: sqlite3.Connection, table: str, out: TextIO) -> int:
    rows = _rows(conn, table)
    for r in rows:
        if table == "events":
            r["text"] = r.pop("trigger")
        out.write(orjson.dumps(r).decode() + "\n")
    return len(rows)


def _first(ev: dict, role: str) -> dict | None:
    return next((p for p in ev["participants"] if p["role"] == role), None)


def write_plover(conn: sqlite3.Connection, out: TextIO) -> int:
    """PLOVER-style event records (POLECAT field names) with character offsets into the source."""
    n = 0
    for ev in _events(conn):
        if not ev["plover"]:
            continue
        actor, recipient, place = (_first(ev, role) for role in ("agent", "patient", "location"))
        rec = {
            # POLECAT's mode: empty for an asserted event, else how it is not (hypothetical, negated, ...)
            "id": ev["id"], "date": ev["date"], "event_type": ev["plover"],
            "mode": "" if certainty(ev) == "asserted" else certainty(ev), "context": "",
            "actor": actor["name"] if actor else None, "actor_id": actor["entity"] if actor else None,
            "recipient": recipient["name"] if recipient else None,
            "recipient_id": recipient["entity"] if recipient else None,
            "location": place["name"] if place else None,
            "cameo": ev["cameo"], "goldstein": ev["goldstein"], "kankei_type": ev["type"],
            "modality": ev["modality"], "hedged": ev["hedged"], "asserted": certainty(ev) == "asserted",
            "source": ev["doc"], "source_text": ev["quote"], "trigger": ev["trigger"],
            "offsets": {"start": ev["start"], "end": ev["end"]},
        }
        out.write(orjson.dumps(rec).decode() + "\n")
        n += 1
    return n
