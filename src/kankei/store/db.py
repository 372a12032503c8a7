"""Opening the knowledge base: pragmas, clear errors, migrations."""
from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from kankei.store.pg import is_url
from kankei.store.schema import MIGRATIONS, SCHEMA_VERSION


class StoreError(Exception):
    """A knowledge base that cannot be used; str(err) says why, for people."""


BUSY_TIMEOUT = 5.0
"""Seconds to wait for another process's write to finish before saying the base is locked."""


BUILD_WAIT = 12
"""A build waits this many busy timeouts for another build's writes (a minute by default): each
document is one short transaction, but the other build's reconciliation writes for longer."""


def build_timeout() -> float:
    return BUSY_TIMEOUT * BUILD_WAIT


def connect(path: str | Path, migrate: bool = True, readonly: bool = False,
            timeout: float = BUSY_TIMEOUT) -> sqlite3.Connection:
    """Open (creating if needed) the knowledge base at path and bring its schema up to date.

    readonly: the base must exist; a base made by an older kankei is still migrated first when
    the file can be written (and read as it is when it cannot). A base on a read-only medium or
    in a folder this user cannot write is opened as immutable: a WAL base cannot otherwise be read
    there, as SQLite must create its shared-memory file beside it.
    """
    if is_url(path):
        return _connect_pg(str(path), migrate, readonly, timeout)
    path = Path(path)
    if readonly and not path.exists():
        raise StoreError(f"{path}: no knowledge base here (build one with `kankei build PATH --db {path}`)")
    deadline = time.monotonic() + timeout
    while True:
        try:
            return _connect(path, migrate, readonly, timeout)
        except StoreError as err:
            # switching a new base to WAL, or a migration, can meet another build's lock without
            # SQLite waiting for it: wait here, as long as the busy timeout would have
            if "locked" not in str(err) or readonly or time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def _connect_pg(url: str, migrate: bool, readonly: bool, timeout: float):
    """A base on a PostgreSQL server (its URL's database, in the schema its search path names)."""
    from kankei.store import pg
    try:
        conn = pg.PgConnection(url, timeout=timeout)
    except sqlite3.Error as err:
        raise StoreError(explain(pg.redact(url), err)) from None
    try:
        # (the tables first: a build creating the base commits its tables and their version at once, so
        # a version read after the tables is never older than they are; the other order can see a new
        # base's tables with the version 0 it had a moment before, and call it something else's)
        tables = pg.tables(conn)
        version = pg.schema_version(conn)
        name = conn.name
        if tables - {"kankei_schema"} and "documents" not in tables or version == 0 and tables - {"kankei_schema"}:
            raise StoreError(f"{name}: not a kankei knowledge base (a database of something else); give another with --db")
        if version == 0 and readonly:
            raise StoreError(f"{name}: an empty knowledge base (build one with `kankei build PATH --db {name}`)")
        if version > SCHEMA_VERSION:
            raise StoreError(f"{name}: made by a newer kankei (schema {version}, this one knows {SCHEMA_VERSION}); "
                             "upgrade kankei")
        if version < SCHEMA_VERSION and migrate:
            if "kankei_schema" not in tables:
                # under the write lock: two builds creating one base at once would race in the catalog
                conn.lock(pg.WRITE_LOCK)
                conn.execute("CREATE TABLE IF NOT EXISTS kankei_schema (version INTEGER NOT NULL)")
                conn.commit()
            apply_migrations(conn, version)
    except BaseException:
        conn.close()
        raise
    return conn


def _connect(path: Path, migrate: bool, readonly: bool, timeout: float) -> sqlite3.Connection:
    conn = _open(path, readonly, timeout)
    try:
        try:
            version = _check(conn, path, readonly)
        except StoreError as err:
            if not readonly or not _unwritable(err):
                raise
            conn.close()
            conn = _open(path, readonly, timeout, immutable=True)
            version = _check(conn, path, readonly)
        if version < SCHEMA_VERSION and migrate:
            if not readonly:
                apply_migrations(conn, version)
            elif _migrate_elsewhere(path):
                conn.close()
                conn = _open(path, readonly, timeout)
    except BaseException:
        conn.close()
        raise
    return conn


def _unwritable(err: StoreError) -> bool:
    text = str(err)
    return "cannot open" in text or "read-only" in text


def _open(path: Path, readonly: bool, timeout: float = BUSY_TIMEOUT, immutable: bool = False) -> sqlite3.Connection:
    try:
        if readonly:
            mode = "?immutable=1" if immutable else "?mode=ro"
            conn = sqlite3.connect(path.resolve().as_uri() + mode, uri=True, timeout=timeout)
        else:
            conn = sqlite3.connect(path, timeout=timeout)
    except sqlite3.DatabaseError as err:
        raise StoreError(explain(path, err)) from None
    conn.row_factory = sqlite3.Row
    return conn


def _check(conn: sqlite3.Connection, path: Path, readonly: bool) -> int:
    """The schema version of a kankei base; StoreError for anything else (corrupt, foreign, newer)."""
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        if not readonly and (version or not tables):
            conn.execute("PRAGMA journal_mode = WAL")   # a killed build leaves the last commit intact
            conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as err:
        raise StoreError(explain(path, err)) from None
    if tables and "documents" not in tables or version == 0 and tables:
        raise StoreError(f"{path}: not a kankei knowledge base (an SQLite database of something else); "
                         "give another file with --db")
    if version == 0 and readonly:
        raise StoreError(f"{path}: an empty knowledge base (build one with `kankei build PATH --db {path}`)")
    if version > SCHEMA_VERSION:
        raise StoreError(f"{path}: made by a newer kankei (schema {version}, this one knows {SCHEMA_VERSION}); "
                         "upgrade kankei")
    return version


def _migrate_elsewhere(path: Path) -> bool:
    """Bring an older base up to date through a writable connection; False if the file is read-only."""
    try:
        conn = _open(path, readonly=False)
    except StoreError:
        return False
    try:
        version = _check(conn, path, readonly=False)
        if version < SCHEMA_VERSION:
            apply_migrations(conn, version)
        return True
    except StoreError as err:
        if "readonly" in str(err) or "read-only" in str(err):
            return False
        raise
    finally:
        conn.close()


CLAIMS_SCHEMA = 13
"""The schema that keeps reconciled claims (claim_series and the rest)."""


def apply_migrations(conn: sqlite3.Connection, current: int) -> None:
    """Run each missing migration in its own transaction, recording the version with it."""
    from kankei.store.pg import dialect
    migrations = MIGRATIONS
    if dialect(conn) == "postgresql":
        from kankei.store.schema_pg import PG_MIGRATIONS as migrations
    for number in range(current, SCHEMA_VERSION):
        try:
            conn.execute("BEGIN IMMEDIATE")
            if conn.execute("PRAGMA user_version").fetchone()[0] > number:
                conn.execute("COMMIT")      # another process (a second build) ran it meanwhile
                continue
            for statement in _statements(migrations[number]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number + 1}")
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as err:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            msg = str(err)
            if "locked" in msg or "busy" in msg or "readonly" in msg:
                raise StoreError(explain(_file(conn), err)) from None
            raise StoreError(f"{_file(conn)}: migration to schema {number + 1} failed: {err}") from None
    if current < CLAIMS_SCHEMA <= SCHEMA_VERSION:
        # the claims of an older base are reconciled once, here, so that every reader finds them stored
        from kankei.reconcile.claim_store import update_claims
        update_claims(conn)


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


def main_file(conn: sqlite3.Connection) -> str:
    """The file of an SQLite base's main database ('' for one in memory)."""
    return next((r[2] for r in conn.execute("PRAGMA database_list") if r[1] == "main"), "")


def _file(conn: sqlite3.Connection) -> str:
    if hasattr(conn, "dialect"):
        return conn.name
    return main_file(conn) or "knowledge base"


def explain(path: str | Path, err: sqlite3.DatabaseError) -> str:
    """One line, for people, saying why the base at path cannot be used."""
    msg = str(err)
    if is_url(path):
        from kankei.store.pg import redact
        path = redact(str(path))
        if "locked" in msg:
            return f"{path}: the knowledge base is locked by another process; try again when it finishes"
        if "unable to open" in msg:
            return f"{path}: cannot reach the PostgreSQL base ({msg.split(': ', 1)[-1]})"
        return f"{path}: {msg}"
    if "not a database" in msg or "malformed" in msg:
        return f"{path}: not a kankei knowledge base (the file is not SQLite or is corrupt)"
    if "locked" in msg or "busy" in msg:
        return f"{path}: the knowledge base is locked by another process; try again when it finishes"
    if "unable to open" in msg:
        return f"{path}: cannot open the knowledge base (check the folder exists and is writable)"
    if "readonly" in msg or "read-only" in msg:
        return f"{path}: the knowledge base is read-only (check the file and its folder are writable)"
    return f"{path}: {msg}"
