"""`kankei build`: extract a corpus into the knowledge base, one transaction per document."""
from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import orjson

from kankei import __version__, edtf
from kankei.extract import extract_source
from kankei.knowledge import load
from kankei.pipeline import Extraction
from kankei.read import DEFAULT_MAX_BYTES, ReadError, iter_paths, read_path
from kankei.recognize.gazetteer import gazetteer

QUOTE_CONTEXT = 32


@dataclass
class BuildReport:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"added": self.added, "replaced": self.replaced, "unchanged": self.unchanged,
                "failed": [{"path": p, "error": e} for p, e in self.failed]}


def content_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def statement_id(document_id: str, kind: str, start: int, end: int, extra: str = "") -> str:
    key = f"{document_id}\x1f{kind}\x1f{start}\x1f{end}\x1f{extra}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def quote(text: str, start: int, end: int) -> tuple[str, str, str]:
    """A Web Annotation TextQuoteSelector: exact, and a little context either side."""
    return text[start:end], text[max(0, start - QUOTE_CONTEXT):start], text[end:end + QUOTE_CONTEXT]


@cache
def event_table() -> dict:
    return load("event_types")


def build(conn: sqlite3.Connection, paths: Iterable[str | Path], dct: str | None = None,
          max_bytes: int = DEFAULT_MAX_BYTES, force: bool = False,
          progress: Callable[[Path | None], None] | None = None) -> BuildReport:
    """Add every readable file under paths. Unchanged documents are skipped; changed ones replaced."""
    report = BuildReport()
    for item in iter_paths(paths):
        if isinstance(item, ReadError):
            report.failed.append((str(item.path), str(item)))
            if progress:
                progress(None)
            continue
        try:
            source = read_path(item, max_bytes=max_bytes)
        except ReadError as err:
            report.failed.append((str(err.path), str(err)))
            if progress:
                progress(item)
            continue
        doc_id = content_id(source.text)
        path = str(item.resolve())
        existing = conn.execute("SELECT id FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if existing and not force:
            conn.execute("UPDATE documents SET path = ? WHERE id = ? AND path IS NOT ?", (path, doc_id, path))
            conn.commit()
            report.unchanged.append(path)
        else:
            result = extract_source(source, dct=dct)
            old = conn.execute("SELECT id FROM documents WHERE path = ? AND id != ?", (path, doc_id)).fetchall()
            store_document(conn, result, doc_id, path, replace=[r[0] for r in old] + ([doc_id] if existing else []))
            (report.replaced if old or existing else report.added).append(path)
        if progress:
            progress(item)
    return report


def store_document(conn: sqlite3.Connection, result: Extraction, doc_id: str, path: str | None,
                   replace: list[str] = ()) -> None:
    """Write one document and all its statements in one transaction (all or nothing)."""
    text = result.text
    try:
        conn.execute("BEGIN IMMEDIATE")
        for old in replace:
            conn.execute("DELETE FROM documents WHERE id = ?", (old,))
        conn.execute(
            "INSERT INTO documents (id, doc, path, title, published, format, encoding, offsets, chars, text, extractor)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (doc_id, result.doc, path, result.title, result.published, result.meta.get("format", "text"),
             result.meta.get("encoding"), result.meta.get("offsets", "source"), len(text), text, __version__))
        _store_entities(conn, result, doc_id)
        _store_times(conn, result, doc_id)
        _store_quantities(conn, result, doc_id)
        _store_events(conn, result, doc_id)
        _store_notes(conn, result, doc_id)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _store_entities(conn, result: Extraction, doc_id: str) -> None:
    known = gazetteer().entries
    rows, ents = [], {}
    for m in result.entities:
        ents.setdefault(m.entity, (m.entity, m.name, m.type, "knowledge" if m.entity in known else "detected"))
        rows.append((statement_id(doc_id, "entity", m.start, m.end, m.entity), doc_id, m.entity, m.start, m.end,
                     *quote(result.text, m.start, m.end), m.how))
    for ev in result.events:
        for p in ev.participants:
            ents.setdefault(p["entity"], (p["entity"], p["entity"], "other", "detected"))
    conn.executemany("INSERT OR IGNORE INTO entities (id, name, type, origin) VALUES (?,?,?,?)", ents.values())
    conn.executemany("INSERT OR REPLACE INTO mentions (id, document_id, entity_id, start, \"end\", exact, prefix, suffix, how)"
                     " VALUES (?,?,?,?,?,?,?,?,?)", rows)


def _bounds(value: str | None) -> tuple[str | None, str | None]:
    b = edtf.bounds(value)
    return b if b else (None, None)


def _store_times(conn, result: Extraction, doc_id: str) -> None:
    rows = [(statement_id(doc_id, "time", t.start, t.end), doc_id, t.start, t.end, *quote(result.text, t.start, t.end),
             t.value, t.type, *(_bounds(t.value) if t.type in ("date", "interval") else (None, None)))
            for t in result.times]
    conn.executemany("INSERT OR REPLACE INTO times (id, document_id, start, \"end\", exact, prefix, suffix, value, type,"
                     " date_lo, date_hi) VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)


def _sentence_of(result: Extraction, pos: int) -> tuple[int, int]:
    import bisect
    starts = [s for s, _ in result.sentences]
    i = bisect.bisect_right(starts, pos) - 1
    if 0 <= i < len(result.sentences) and result.sentences[i][0] <= pos < result.sentences[i][1]:
        return result.sentences[i]
    return pos, pos


def _store_quantities(conn, result: Extraction, doc_id: str) -> None:
    rows = []
    for q in result.quantities:
        s, e = _sentence_of(result, q.start)
        rows.append((statement_id(doc_id, "quantity", q.start, q.end), doc_id, q.start, q.end,
                     *quote(result.text, q.start, q.end), q.value, q.low, q.high, q.unit, q.qualifier, s, e))
    conn.executemany("INSERT OR REPLACE INTO quantities (id, document_id, start, \"end\", exact, prefix, suffix, value,"
                     " low, high, unit, qualifier, sentence_start, sentence_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)


def _store_events(conn, result: Extraction, doc_id: str) -> None:
    table = event_table()
    roots, types = table["cameo_roots"], table["types"]
    rows, parts = [], []
    for ev in result.events:
        info = types.get(ev.type, {})
        cameo = info.get("cameo")
        root = roots.get(cameo, {}) if cameo else {}
        s, e = ev.sentence or (ev.start, ev.end)
        lo, hi = _bounds(ev.date)
        rows.append((ev.id, doc_id, ev.type, ev.date, lo, hi, ev.start, ev.end, *quote(result.text, ev.start, ev.end),
                     s, e, result.text[s:e], ev.modality, int(ev.hedged), info.get("cameo_code") or cameo,
                     root.get("goldstein"), root.get("quad"), info.get("plover")))
        for p in ev.participants:
            parts.append((ev.id, p["role"], p["entity"], p.get("start"), p.get("end")))
    conn.executemany("INSERT OR REPLACE INTO events (id, document_id, type, date, date_lo, date_hi, start, \"end\", exact,"
                     " prefix, suffix, sentence_start, sentence_end, sentence, modality, hedged, cameo, goldstein, quad,"
                     " plover) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    conn.executemany("INSERT OR IGNORE INTO event_participants (event_id, role, entity_id, start, \"end\")"
                     " VALUES (?,?,?,?,?)", parts)


def _store_notes(conn, result: Extraction, doc_id: str) -> None:
    try:
        from kankei.assemble.citations import link_markers, parse_notes
    except ImportError:          # citations are optional until that module lands
        return
    notes = [(statement_id(doc_id, "note", r.start, r.end), doc_id, r.note, r.start, r.end, r.text,
              orjson.dumps({k: v for k, v in r.__dict__.items() if k not in ("start", "end", "text") and v}).decode()
              if hasattr(r, "__dict__") else orjson.dumps(_slots(r)).decode())
             for r in parse_notes(result.text)]
    conn.executemany("INSERT OR REPLACE INTO notes (id, document_id, number, start, \"end\", text, parts)"
                     " VALUES (?,?,?,?,?,?,?)", notes)
    conn.executemany("INSERT INTO citations (document_id, note, marker_start, marker_end, sentence_start, sentence_end)"
                     " VALUES (?,?,?,?,?,?)",
                     [(doc_id, c.note, c.marker_start, c.marker_end, c.sentence_start, c.sentence_end)
                      for c in link_markers(result.text)])


def _slots(obj) -> dict:
    return {k: getattr(obj, k) for k in getattr(obj, "__slots__", ()) if k not in ("start", "end", "text")
            and getattr(obj, k) not in (None, "", False)}
