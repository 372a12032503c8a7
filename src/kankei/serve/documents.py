"""Documents: lists of them, and one document's text with everything extracted from it as spans.

Spans carry the field names of the extraction records (`start`, `end`, `text`, `value`, `unit`,
`qualifier`).
"""
from __future__ import annotations

import sqlite3

import orjson

from kankei.serve.common import like_pattern
from kankei.serve.events import EVENT_COLUMNS, events_json
from kankei.store.queries import NotFound


def document_list(conn: sqlite3.Connection, q: str | None = None, limit: int = 50, offset: int = 0) -> dict:
    where, args = "", []
    if q:
        pattern = like_pattern(q)
        where = " WHERE d.title LIKE ? ESCAPE '\\' OR d.doc LIKE ? ESCAPE '\\'"
        args = [pattern, pattern]
    total = conn.execute(f"SELECT count(*) FROM documents d{where}", args).fetchone()[0]
    rows = conn.execute(
        "SELECT d.id, d.doc, d.title, d.published, d.format, d.chars, d.added_at,"
        " (SELECT count(*) FROM events e WHERE e.document_id = d.id) AS events,"
        " (SELECT count(*) FROM notes n WHERE n.document_id = d.id) AS notes"
        f" FROM documents d{where} ORDER BY d.doc, d.id LIMIT ? OFFSET ?", [*args, limit, offset]).fetchall()
    return {"total": total, "limit": limit, "offset": offset, "documents": [dict(r) for r in rows]}


def _spans(conn: sqlite3.Connection, table: str, document_id: str, order: str = "start") -> list[sqlite3.Row]:
    return conn.execute(f"SELECT * FROM {table} WHERE document_id = ? ORDER BY {order}", (document_id,)).fetchall()


def document_detail(conn: sqlite3.Connection, document_id: str) -> dict:
    """A document's text and everything extracted from it, each as a span of that text."""
    d = conn.execute("SELECT id, doc, path, title, published, format, encoding, offsets, chars, text, extractor,"
                     " added_at FROM documents WHERE id = ?", (document_id,)).fetchone()
    if not d:
        raise NotFound(f"no document with id {document_id!r}")
    out = dict(d)
    out["times"] = [{"id": r["id"], "start": r["start"], "end": r["end"], "text": r["exact"], "value": r["value"],
                     "type": r["type"], "date_lo": r["date_lo"], "date_hi": r["date_hi"]}
                    for r in _spans(conn, "times", document_id)]
    out["quantities"] = [{"id": r["id"], "start": r["start"], "end": r["end"], "text": r["exact"], "value": r["value"],
                          "low": r["low"], "high": r["high"], "unit": r["unit"], "qualifier": r["qualifier"]}
                         for r in _spans(conn, "quantities", document_id)]
    out["mentions"] = [{"id": r["id"], "start": r["start"], "end": r["end"], "text": r["exact"], "entity": r["entity_id"],
                        "name": r["name"] or r["entity_id"], "type": r["type"]} for r in conn.execute(
        "SELECT m.id, m.start, m.\"end\", m.exact, m.entity_id, en.name, en.type FROM mentions m"
        " LEFT JOIN entities en ON en.id = m.entity_id WHERE m.document_id = ? ORDER BY m.start", (document_id,))]
    rows = conn.execute(f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.document_id = ? ORDER BY e.start",
                        (document_id,)).fetchall()
    out["events"] = events_json(conn, rows, with_document=False)
    out["notes"] = [{"id": r["id"], "number": r["number"], "start": r["start"], "end": r["end"], "text": r["text"],
                     "parts": orjson.loads(r["parts"]) if r["parts"] else {}}
                    for r in _spans(conn, "notes", document_id)]
    out["citations"] = [{"note": r["note"], "start": r["marker_start"], "end": r["marker_end"],
                         "sentence_start": r["sentence_start"], "sentence_end": r["sentence_end"]}
                        for r in _spans(conn, "citations", document_id, order="marker_start")]
    out["claims"] = [{"id": r["id"], "start": r["start"], "end": r["end"], "text": r["exact"], "subject": r["subject"],
                      "subject_name": r["subject_name"], "property": r["property"], "time": r["time"] or r["time_label"],
                      "quantity": r["quantity_id"]} for r in _spans(conn, "claims", document_id)]
    return out
