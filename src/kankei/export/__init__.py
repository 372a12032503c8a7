"""Exports of the knowledge base to the formats people already use."""
from __future__ import annotations

import sqlite3
from typing import TextIO

from kankei.export import network, tables, timelinejs, webanno

FORMATS = ("csv", "jsonl", "timelinejs", "graphml", "gexf", "plover", "webannotation")


def export(conn: sqlite3.Connection, fmt: str, out: TextIO, table: str = "events") -> int:
    """Write the base in `fmt` to out; returns the number of items written."""
    if fmt == "csv":
        return tables.write_csv(conn, table, out)
    if fmt == "jsonl":
        return tables.write_jsonl(conn, table, out)
    if fmt == "plover":
        return tables.write_plover(conn, out)
    if fmt == "timelinejs":
        return timelinejs.write(conn, out)
    if fmt in ("graphml", "gexf"):
        return network.write(conn, fmt, out)
    if fmt == "webannotation":
        return webanno.write(conn, out)
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
