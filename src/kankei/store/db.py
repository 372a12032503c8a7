"""Opening the knowledge base: pragmas, clear errors, migrations."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from kankei.store.schema import MIGRATIONS, SCHEMA_VERSION


class StoreError(Exception):
    """A knowledge base that cannot be used; str(err) says why, for people."""


def connect(path: str | Path, migrate: bool = True, readonly: bool = False) -> sqlite3.Connection:
    """Open (creating if needed) the knowledge base at path and bring its schema up to date."""
    path = Path(path)
    if readonly and not path.exists():
        raise StoreError(f"{path}: no knowledge base here (build one with `kankei build PATH --db {path}`)")
    try:
        if readonly:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        else:
            conn = sqlite3.connect(path, timeout=5)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")   # a killed build leaves the last commit intact
            conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as err:
        raise StoreError(_explain(path, err)) from None
    if version > SCHEMA_VERSION:
        conn.close()
        raise StoreError(f"{path}: made by a newer kankei (schema {version}, this one knows {SCHEMA_VERSION}); upgrade kankei")
    if migrate and not readonly and version < SCHEMA_VERSION:
        apply_migrations(conn, version)
    return conn


def apply_migrations(conn: sqlite3.Connection, current: int) -> None:
    """Run each missing migration in its own transaction, recording the version with it."""
    for number in range(current, SCHEMA_VERSION):
        try:
            conn.execute("BEGIN IMMEDIATE")
            for statement in _statements(MIGRATIONS[number]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number + 1}")
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as err:
            conn.execute("ROLLBACK")
            raise StoreError(f"migration to schema {number + 1} failed: {err}") from None


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (triggers keep their inner semicolons)."""
    out, buf = [], []
    for line in script.splitlines():
        buf.append(line)
        joined = "\n".join(buf).strip()
        if joined.endswith(";") and sqlite3.complete_statement(joined):
            out.append(joined)
            buf = []
    rest = "\n".join(buf).strip()
    if rest:
        out.append(rest)
    return out


def _explain(path: Path, err: sqlite3.DatabaseError) -> str:
    msg = str(err)
    if "not a database" in msg or "malformed" in msg:
        return f"{path}: not a kankei knowledge base (the file is not SQLite or is corrupt)"
    if "locked" in msg or "busy" in msg:
        return f"{path}: the knowledge base is locked by another process; try again when it finishes"
    if "unable to open" in msg:
        return f"{path}: cannot open the knowledge base (check the folder exists and is writable)"
    return f"{path}: {msg}"
