"""`kankei build`: extract a corpus into the knowledge base, one transaction per document."""
from __future__ import annotations

import bisect
import hashlib
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import orjson

from kankei import __version__, edtf
from kankei.extract import extract_source
from kankei.knowledge import load
from kankei.pipeline import Extraction
from kankei.read import DEFAULT_MAX_BYTES, ReadError, Source, iter_paths, read_path
from kankei.recognize.gazetteer import gazetteer
from kankei.reconcile.claim_store import MARK_CLAIMS
from kankei.store.db import StoreError, explain, main_file
from kankei.text import Note, note_markers, notes

QUOTE_CONTEXT = 32
BUILD_CACHE_KB = 64 * 1024      # the build connection's page cache


@dataclass
class BuildReport:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)     # read, but with damage (bytes replaced)

    def as_dict(self) -> dict:
        return {"added": self.added, "replaced": self.replaced, "unchanged": self.unchanged,
                "removed": self.removed, "failed": [{"path": p, "error": e} for p, e in self.failed],
                "warnings": [{"path": p, "warning": w} for p, w in self.warnings]}


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


def _own_files(conn: sqlite3.Connection) -> set[Path]:
    """The base's file and its journals: a corpus folder may hold the base itself."""
    if not (path := main_file(conn)):
        return set()
    db = Path(path).resolve()
    return {db, *(db.with_name(db.name + suffix) for suffix in ("-wal", "-shm", "-journal"))}


def build(conn: sqlite3.Connection, paths: Iterable[str | Path], dct: str | None = None,
          max_bytes: int = DEFAULT_MAX_BYTES, force: bool = False,
          progress: Callable[[Path | None], None] | None = None, prune: bool = True,
          workers: int = 1, scheduler: str | None = None) -> BuildReport:
    """Add every readable file under paths. Unchanged documents are skipped; changed ones replaced;
    with `prune`, documents once read from a file under one of the folders given, and whose file is
    gone, are removed, so that the base mirrors its folders.

    A file that cannot be read or extracted is reported in `failed` and the batch goes on. A base
    that cannot be written (locked by another process, corrupt, read-only) raises StoreError: the
    documents finished before it are kept.

    With `workers` > 1, documents are extracted in that many processes, or with `scheduler` (a
    dask.distributed address) on a cluster; this process still writes them, in the same order and
    with the same result as a serial build (see kankei.store.parallel).
    """
    report = BuildReport()
    seen: set[str] = set()      # the files walked, as stored (a name that is not UTF-8 cannot be stat'ed back)
    try:
        own = _own_files(conn)
        # The inserts' random ids land all over the indexes: beyond SQLite's default 2 MB cache each
        # insert reads its pages back from the file (a fifth of the writer's time at 1,500 documents).
        conn.execute(f"PRAGMA cache_size = -{BUILD_CACHE_KB}")
    except sqlite3.DatabaseError as err:
        raise StoreError(explain(_db_name(conn), err)) from None
    files = _files(paths, own, seen)
    if workers > 1 or scheduler:
        from kankei.store.parallel import build_parallel
        build_parallel(conn, files, dct, max_bytes, force, report, progress, workers=workers, scheduler=scheduler)
    else:
        for item in files:
            if isinstance(item, ReadError):
                report.failed.append((path_text(item.path), str(item)))
                if progress:
                    progress(None)
                continue
            try:
                _build_one(conn, item, dct, max_bytes, force, report)
            except sqlite3.DatabaseError as err:
                raise StoreError(explain(_db_name(conn), err)) from None
            if progress:
                progress(item)
    try:
        if prune:
            _prune_missing(conn, paths, report, seen)
        _reconcile_if_pending(conn, parallel=workers > 1)
    except sqlite3.OperationalError as err:     # locked, read-only, disk full
        raise StoreError(explain(_db_name(conn), err)) from None
    return report


def _files(paths: Iterable[str | Path], own: set[Path], seen: set[str]) -> Iterator[Path | ReadError]:
    """The files to build, in order, and the paths that could not be walked; each file's path is added to seen."""
    for item in iter_paths(paths):
        if isinstance(item, ReadError):
            yield item
            continue
        resolved = item.resolve()
        if resolved in own:
            continue
        seen.add(path_text(resolved))
        yield item


def _mark_pending(conn: sqlite3.Connection) -> None:
    """In a document's transaction: the cross-document state must be recomputed."""
    conn.execute("INSERT INTO build_state (key, value) VALUES ('reconcile', 1)"
                 " ON CONFLICT(key) DO UPDATE SET value = build_state.value + 1")


def _reconcile_if_pending(conn: sqlite3.Connection, parallel: bool = False) -> None:
    """Reconcile when any document changed since the last reconciliation finished (in this build or one
    that was interrupted); parallel: with the cores of a build's worker processes (see reconcile)."""
    row = conn.execute("SELECT value FROM build_state WHERE key = 'reconcile'").fetchone()
    if row is None:
        return
    from kankei.reconcile import reconcile
    if parallel:
        reconcile(conn, parallel=True)
    else:
        reconcile(conn)
    with conn:      # unless another build wrote a document meanwhile
        conn.execute("DELETE FROM build_state WHERE key = 'reconcile' AND value = ?", (row[0],))


def _db_name(conn: sqlite3.Connection) -> str:
    try:
        return main_file(conn) or "knowledge base"
    except sqlite3.DatabaseError:
        return "knowledge base"


def _build_one(conn: sqlite3.Connection, item: Path, dct: str | None, max_bytes: int, force: bool,
               report: BuildReport) -> None:
    source = read_one(item, max_bytes)
    settle(conn, item, source, force, report, lambda doc_id, path: extract_rows(source, doc_id, path, dct))


def read_one(item: Path, max_bytes: int) -> Source | ReadError:
    try:
        return read_path(item, max_bytes=max_bytes)
    except ReadError as err:
        return err


def extract_rows(source: Source, doc_id: str, path: str, dct: str | None) -> DocumentRows | str:
    """One document's rows, or why extraction failed (a bug: reported for this file, the batch goes on).
    What a worker process runs: plain data in and out."""
    try:
        return document_rows(extract_source(source, dct=dct), doc_id, path)
    except Exception as err:
        message = " ".join(str(err).split())[:200]
        return ("extraction failed, a bug in kankei (please report it): "
                + (f"{type(err).__name__}: {message}" if message else type(err).__name__))


def settle(conn: sqlite3.Connection, item: Path, source: Source | ReadError, force: bool, report: BuildReport,
           rows_of: Callable[[str, str], DocumentRows | str],
           write: Callable[[sqlite3.Connection, DocumentRows, list[str]], bool] | None = None,
           path: str | None = None) -> None:
    """Bring one file's document into the base: skipped when unchanged, else its rows (`rows_of(doc_id,
    path)`, called only when they are needed) written in place of what it replaces, by `write` (by
    default write_document: in one transaction of its own). `path`: the file's path as stored, when
    the caller has it already."""
    if isinstance(source, ReadError):
        report.failed.append((path_text(source.path), str(source)))
        return
    report.warnings.extend((path_text(item), w) for w in source.warnings())
    doc_id = content_id(source.text)
    path = path or path_text(item.resolve())
    existing = conn.execute("SELECT id FROM documents WHERE id = ?", (doc_id,)).fetchone()
    # The document this path held before, if its content has changed since.
    old = [r[0] for r in conn.execute("SELECT id FROM documents WHERE path = ? AND id != ?", (path, doc_id))]
    if existing and not force:
        if conn.in_transaction:     # a parallel build's batch of whole documents lands first
            conn.commit()
        if old:     # the file now has the content of another document already in the base
            _delete_documents(conn, old)
        conn.execute("UPDATE documents SET path = ? WHERE id = ? AND path IS NOT ?", (path, doc_id, path))
        conn.commit()
        (report.replaced if old else report.unchanged).append(path)
        return
    rows = rows_of(doc_id, path)
    if isinstance(rows, str):
        report.failed.append((path_text(item), rows))
        return
    if not (write or write_document)(conn, rows, old + ([doc_id] if existing else [])):
        report.unchanged.append(path)   # another build stored the same document meanwhile
        return
    (report.replaced if old or existing else report.added).append(path)


def path_text(path: Path) -> str:
    """A path as the base stores it: bytes of a file name that are not UTF-8 written as \\xNN."""
    text = str(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")


def _prune_missing(conn: sqlite3.Connection, paths: Iterable[str | Path], report: BuildReport,
                   seen: set[str]) -> None:
    """Remove the documents of files that were under one of the folders given and are gone."""
    folders = [Path(p).resolve() for p in paths if str(p).strip() and Path(p).is_dir()]
    gone: list[tuple[str, str]] = []
    for folder in folders:
        prefix = path_text(folder).rstrip("/") + "/"
        rows = conn.execute("SELECT id, path FROM documents WHERE substr(path, 1, ?) = ?", (len(prefix), prefix))
        gone += [(doc_id, path) for doc_id, path in rows if path not in seen and not Path(path).exists()]
    if gone:
        _delete_documents(conn, sorted({doc_id for doc_id, _ in gone}))
        report.removed.extend(sorted({path for _, path in gone}))


def _delete_documents(conn: sqlite3.Connection, ids: list[str]) -> None:
    try:
        conn.execute("BEGIN IMMEDIATE")
        _delete(conn, ids)
        _mark_pending(conn)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _delete(conn: sqlite3.Connection, ids: list[str]) -> None:
    """Delete documents (their statements go with them) and the entities nothing refers to any more."""
    touched: set[str] = set()
    for old in ids:
        touched.update(r[0] for r in conn.execute("SELECT DISTINCT entity_id FROM mentions WHERE document_id = ?", (old,)))
        touched.update(r[0] for r in conn.execute(
            "SELECT DISTINCT p.entity_id FROM event_participants p JOIN events e ON e.id = p.event_id"
            " WHERE e.document_id = ?", (old,)))
        # what this document's events were linked or grouped with is regrouped without them
        conn.execute("INSERT OR IGNORE INTO regroup (event_id) SELECT id FROM events WHERE document_id = ?", (old,))
        conn.execute(MARK_CLAIMS, (old,))
        conn.execute("DELETE FROM documents WHERE id = ?", (old,))
    conn.executemany("DELETE FROM entities WHERE id = ? AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = ?)"
                     " AND NOT EXISTS (SELECT 1 FROM event_participants WHERE entity_id = ?)",
                     [(e, e, e) for e in touched])


@dataclass
class DocumentRows:
    """One document's statements as rows ready to insert: plain data (tuples of text and numbers), so
    that a worker process or a cluster node can make them and send them to the one process that writes."""
    document: tuple
    entities: list[tuple]
    mentions: list[tuple]
    times: list[tuple]
    quantities: list[tuple]
    events: list[tuple]             # ids as the extractor made them: made unique in the base when written
    participants: list[tuple]       # each names its event by its position in `events`
    notes: list[tuple]
    citations: list[tuple]
    claims: list[tuple]

    @property
    def doc_id(self) -> str:
        return self.document[0]


def document_rows(result: Extraction, doc_id: str, path: str | None) -> DocumentRows:
    """Everything `store_document` writes for one extraction, computed without the base."""
    text = result.text
    document = (doc_id, result.doc, path, result.title, result.published, result.meta.get("format", "text"),
                result.meta.get("encoding"), result.meta.get("offsets", "source"), len(text), text, __version__)
    entities, mentions = _entity_rows(result, doc_id)
    events, participants = _event_rows(result, doc_id)
    notes_, citations = _note_rows(result, doc_id)
    return DocumentRows(document, entities, mentions, _time_rows(result, doc_id), _quantity_rows(result, doc_id),
                        events, participants, notes_, citations, _claim_rows(result, doc_id))


def store_document(conn: sqlite3.Connection, result: Extraction, doc_id: str, path: str | None,
                   replace: list[str] = ()) -> bool:
    """Write one document and all its statements in one transaction (all or nothing); see write_document."""
    return write_document(conn, document_rows(result, doc_id, path), replace)


def write_document(conn: sqlite3.Connection, rows: DocumentRows, replace: list[str] = ()) -> bool:
    """Write one document's rows in one transaction (all or nothing).

    False, writing nothing, when the document is already in the base and is not to be replaced:
    another build running at the same time stored it after this one looked (the look is repeated
    here, inside the write transaction, where no other build can write).
    """
    try:
        conn.execute("BEGIN IMMEDIATE")
        written = insert_document(conn, rows, replace)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return written


def insert_document(conn: sqlite3.Connection, rows: DocumentRows, replace: list[str] = ()) -> bool:
    """write_document's statements, inside a write transaction the caller opened and ends (one
    document's, or a batch of whole documents'); False when the document is there already."""
    doc_id, path = rows.doc_id, rows.document[2]
    if doc_id not in replace and conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone():
        if path:
            conn.execute("UPDATE documents SET path = ? WHERE id = ? AND path IS NOT ?", (path, doc_id, path))
        return False
    if replace:
        _delete(conn, list(replace))
    conn.execute(
        "INSERT INTO documents (id, doc, path, title, published, format, encoding, offsets, chars, text, extractor)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows.document)
    # A participant seen before any mention of it was stored as 'other': a mention gives its real type.
    conn.executemany("INSERT INTO entities (id, name, type, origin) VALUES (?,?,?,?) ON CONFLICT(id) DO UPDATE"
                     " SET name = excluded.name, type = excluded.type, origin = excluded.origin"
                     " WHERE entities.type = 'other' AND excluded.type != 'other'", rows.entities)
    conn.executemany("INSERT OR REPLACE INTO mentions (id, document_id, entity_id, start, \"end\", exact, prefix,"
                     " suffix, how, machine_entity_id) VALUES (?,?,?,?,?,?,?,?,?,?)", rows.mentions)
    conn.executemany("INSERT OR REPLACE INTO times (id, document_id, start, \"end\", exact, prefix, suffix, value,"
                     " type, date_lo, date_hi) VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows.times)
    conn.executemany("INSERT OR REPLACE INTO quantities (id, document_id, start, \"end\", exact, prefix, suffix,"
                     " value, low, high, unit, qualifier, sentence_start, sentence_end)"
                     " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows.quantities)
    _write_events(conn, rows)
    conn.execute("INSERT OR IGNORE INTO regroup (event_id) SELECT id FROM events WHERE document_id = ?", (doc_id,))
    conn.executemany("INSERT OR REPLACE INTO notes (id, document_id, number, start, \"end\", text, parts)"
                     " VALUES (?,?,?,?,?,?,?)", rows.notes)
    conn.executemany("INSERT INTO citations (document_id, note, marker_start, marker_end, sentence_start,"
                     " sentence_end) VALUES (?,?,?,?,?,?)", rows.citations)
    conn.executemany("INSERT OR REPLACE INTO claims (id, document_id, quantity_id, subject, subject_name, property,"
                     " time, time_lo, time_hi, time_label, value, low, high, unit, qualifier, start, \"end\","
                     " exact, sentence_start, sentence_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                     rows.claims)
    conn.execute(MARK_CLAIMS, (doc_id,))
    _mark_pending(conn)
    return True


def _entity_rows(result: Extraction, doc_id: str) -> tuple[list[tuple], list[tuple]]:
    known = gazetteer().entries
    mentions, ents = [], {}
    for m in result.entities:
        ents.setdefault(m.entity, (m.entity, m.name, m.type, "knowledge" if m.entity in known else "detected"))
        mentions.append((statement_id(doc_id, "entity", m.start, m.end, m.entity), doc_id, m.entity, m.start, m.end,
                         *quote(result.text, m.start, m.end), m.how, m.entity))
    for ev in result.events:
        for p in ev.participants:
            ents.setdefault(p["entity"], (p["entity"], p["entity"], "other", "detected"))
    return list(ents.values()), mentions


def _bounds(value: str | None) -> tuple[str | None, str | None]:
    b = edtf.bounds(value)
    return b if b else (None, None)


def _time_rows(result: Extraction, doc_id: str) -> list[tuple]:
    return [(statement_id(doc_id, "time", t.start, t.end), doc_id, t.start, t.end, *quote(result.text, t.start, t.end),
             t.value, t.type, *(_bounds(t.value) if t.type in ("date", "interval") else (None, None)))
            for t in result.times]


def _sentence_of(result: Extraction, pos: int) -> tuple[int, int]:
    starts = [s for s, _ in result.sentences]
    i = bisect.bisect_right(starts, pos) - 1
    if 0 <= i < len(result.sentences) and result.sentences[i][0] <= pos < result.sentences[i][1]:
        return result.sentences[i]
    return pos, pos


def _quantity_rows(result: Extraction, doc_id: str) -> list[tuple]:
    rows = []
    for q in result.quantities:
        s, e = _sentence_of(result, q.start)
        rows.append((statement_id(doc_id, "quantity", q.start, q.end), doc_id, q.start, q.end,
                     *quote(result.text, q.start, q.end), q.value, q.low, q.high, q.unit, q.qualifier, s, e))
    return rows


def _event_rows(result: Extraction, doc_id: str) -> tuple[list[tuple], list[tuple]]:
    table = event_table()
    roots, types = table["cameo_roots"], table["types"]
    rows, parts = [], []
    for i, ev in enumerate(result.events):
        info = types.get(ev.type, {})
        cameo = info.get("cameo")
        root = roots.get(cameo, {}) if cameo else {}
        s, e = ev.sentence or (ev.start, ev.end)
        lo, hi = _bounds(ev.date)
        rows.append((ev.id, doc_id, ev.type, ev.date, lo, hi, ev.start, ev.end, *quote(result.text, ev.start, ev.end),
                     s, e, result.text[s:e], ev.modality, int(ev.hedged), info.get("cameo_code") or cameo,
                     root.get("goldstein"), root.get("quad"), info.get("plover")))
        for p in ev.participants:
            parts.append((i, p["role"], p["entity"], p.get("start"), p.get("end"), p["entity"]))
    return rows, parts


def _write_events(conn: sqlite3.Connection, rows: DocumentRows) -> None:
    ids = _event_ids(conn, [r[0] for r in rows.events], rows.doc_id)
    conn.executemany("INSERT INTO events (id, document_id, type, date, date_lo, date_hi, start, \"end\", exact,"
                     " prefix, suffix, sentence_start, sentence_end, sentence, modality, hedged, cameo, goldstein, quad,"
                     " plover) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                     [(eid, *r[1:]) for eid, r in zip(ids, rows.events, strict=True)])
    conn.executemany("INSERT OR IGNORE INTO event_participants (event_id, role, entity_id, start, \"end\","
                     " machine_entity_id) VALUES (?,?,?,?,?,?)", [(ids[p[0]], *p[1:]) for p in rows.participants])


def _event_ids(conn: sqlite3.Connection, wanted: list[str], doc_id: str) -> list[str]:
    """The extractor's event ids, made unique in the base.

    The extractor keys an event on the file name and its sentence, so that it survives edits
    elsewhere in the file; two files with the same name (in different folders) that share a
    sentence, or a sentence repeated in one file, would otherwise give one id to two events.
    """
    taken = set()
    for chunk in range(0, len(wanted), 500):
        part = wanted[chunk:chunk + 500]
        taken.update(r[0] for r in conn.execute(
            f"SELECT id FROM events WHERE id IN ({','.join('?' * len(part))})", part))
    out: list[str] = []
    for eid in wanted:
        if eid in taken:
            base = f"{eid}-{doc_id[:8]}"
            eid, n = base, 1
            while eid in taken:
                n += 1
                eid = f"{base}-{n}"
        taken.add(eid)
        out.append(eid)
    return out


def note_parts(text: str, note: Note) -> dict:
    """What a note cites (kind, author, recipient, date, archive, call number, pages...), when the parser is here."""
    try:
        from kankei.assemble._refparse import parse_reference
    except ImportError:     # the reference parser is optional
        return {}
    try:
        ref = parse_reference(text, note.start, note.end, note.number)
    except Exception:       # a note the parser trips on still keeps its text
        return {}
    return {k: getattr(ref, k) for k in ref.__slots__
            if k not in ("note", "start", "end", "text") and getattr(ref, k) not in (None, "", False)}


def _claim_rows(result: Extraction, doc_id: str) -> list[tuple]:
    from kankei.assemble.claims import find_claims
    rows = []
    for c in find_claims(result.text, result.quantities, result.times, result.entities, result.sentences,
                         result.published, result.analyses):
        q = c.quantity
        qid = statement_id(doc_id, "quantity", q.start, q.end)
        lo, hi = _bounds(c.time)
        rows.append(("claim:" + statement_id(doc_id, "claim", q.start, q.end, c.property), doc_id, qid, c.subject,
                     c.subject_name, c.property, c.time, lo, hi, c.time_label, q.value, q.low, q.high, q.unit,
                     q.qualifier, q.start, q.end, q.text, *c.sentence))
    return rows


def _note_rows(result: Extraction, doc_id: str) -> tuple[list[tuple], list[tuple]]:
    """The notes section's notes and, for each note marker in the body, the sentence that cites it."""
    text = result.text
    found = notes(text)
    if not found:
        return [], []
    rows = [(statement_id(doc_id, "note", n.start, n.end), doc_id, n.number, n.start, n.end, n.text,
             orjson.dumps(note_parts(text, n)).decode()) for n in found]
    citations = []
    for mk in note_markers(text):
        s, e = _sentence_of(result, mk.start)
        citations.append((doc_id, mk.number, mk.start, mk.end, s, e))
    return rows, citations
