"""W3C Web Annotation (JSON-LD): every extraction as an annotation on its source text."""
from __future__ import annotations

import sqlite3
from typing import TextIO

import orjson


def _target(doc: dict, start: int, end: int, exact: str, prefix: str, suffix: str) -> dict:
    return {"source": doc["uri"], "selector": [
        {"type": "TextPositionSelector", "start": start, "end": end},
        {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix}]}


def write(conn: sqlite3.Connection, out: TextIO) -> int:
    docs = {r["id"]: {"uri": f"urn:kankei:document:{r['id']}", "doc": r["doc"]}
            for r in conn.execute("SELECT id, doc FROM documents")}
    items = []
    for r in conn.execute("SELECT m.*, e.name, e.type FROM mentions m LEFT JOIN entities e ON e.id = m.entity_id"):
        items.append({"id": f"urn:kankei:mention:{r['id']}", "type": "Annotation", "motivation": "identifying",
                      "body": {"type": "SpecificResource", "source": f"urn:kankei:entity:{r['entity_id']}",
                               "purpose": "identifying", "label": r["name"], "entityType": r["type"]},
                      "target": _target(docs[r["document_id"]], r["start"], r["end"], r["exact"], r["prefix"], r["suffix"])})
    for r in conn.execute("SELECT * FROM times"):
        items.append({"id": f"urn:kankei:time:{r['id']}", "type": "Annotation", "motivation": "tagging",
                      "body": {"type": "TextualBody", "purpose": "tagging", "value": r["value"],
                               "format": "text/edtf", "timeType": r["type"]},
                      "target": _target(docs[r["document_id"]], r["start"], r["end"], r["exact"], r["prefix"], r["suffix"])})
    for r in conn.execute("SELECT * FROM quantities"):
        items.append({"id": f"urn:kankei:quantity:{r['id']}", "type": "Annotation", "motivation": "tagging",
                      "body": {"type": "TextualBody", "purpose": "tagging",
                               "value": r["value"] if r["value"] is not None else f"{r['low']}-{r['high']}",
                               "unit": r["unit"], "qualifier": r["qualifier"]},
                      "target": _target(docs[r["document_id"]], r["start"], r["end"], r["exact"], r["prefix"], r["suffix"])})
    for r in conn.execute("SELECT * FROM events"):
        items.append({"id": f"urn:kankei:{r['id']}", "type": "Annotation", "motivation": "classifying",
                      "body": {"type": "TextualBody", "purpose": "classifying", "value": r["type"], "date": r["date"],
                               "cameo": r["cameo"], "plover": r["plover"]},
                      "target": _target(docs[r["document_id"]], r["start"], r["end"], r["exact"], r["prefix"], r["suffix"])})
    out.write(orjson.dumps({"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:kankei:annotations",
                            "type": "AnnotationCollection", "total": len(items),
                            "first": {"type": "AnnotationPage", "items": items}},
                           option=orjson.OPT_INDENT_2).decode())
    return len(items)
