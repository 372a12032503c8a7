"""The knowledge base on a PostgreSQL server, behind the interface the code calls on SQLite.

`connect("postgresql://user@host/db")` gives a PgConnection: `execute`, `executemany`, `commit`,
`rollback`, `with conn:` (commit or roll back), `in_transaction`, `interrupt`, and rows read by index
or column name, as sqlite3 gives them. The SQL the code writes (SQLite's dialect, `?` placeholders)
is translated once per statement text (translate()); what cannot be translated is written per dialect
where it is used (full-text search, JSON arrays), asking `dialect(conn)`.

Errors are raised as the DB-API classes of the sqlite3 module (OperationalError, IntegrityError...),
with the messages the callers already read ("locked", "interrupted"), so one set of handlers serves
both bases.

Writers are serialized like SQLite's: a transaction that writes (begun by `BEGIN IMMEDIATE`, or by its
first INSERT/UPDATE/DELETE) first takes a transaction-scoped advisory lock, so two builds, or a build
and people's corrections, take turns one transaction at a time instead of deadlocking on rows.
"""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit, urlunsplit

WRITE_LOCK = 0x6B616E6B
"""The advisory lock key every writing transaction takes ('kank')."""
SUMMARY_LOCK = WRITE_LOCK + 1
"""Taken while the explorer's summary tables are recomputed (one server at a time)."""

URL_PREFIXES = ("postgresql://", "postgres://")

# Primary keys, for INSERT OR REPLACE (an upsert on PostgreSQL needs its conflict target).
CONFLICT_KEYS = {
    "documents": ("id",), "entities": ("id",), "mentions": ("id",), "times": ("id",), "quantities": ("id",),
    "events": ("id",), "event_participants": ("event_id", "role", "entity_id"), "notes": ("id",),
    "claims": ("id",), "event_groups": ("event_id",), "summary_state": ("name",), "build_state": ("key",),
    "regroup": ("event_id",), "event_links": ("a", "b"), "event_anchors": ("event_id",),
    "event_blocks": ("block", "lo", "event_id"), "claim_regroup": ("subject", "property"),
    "claim_canon": ("subject",),
}
# Tables whose id the server numbers (cursor.lastrowid after an INSERT).
SERIAL_TABLES = ("judgements",)


def is_url(target: object) -> bool:
    return str(target).startswith(URL_PREFIXES)


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    user = parts.username or ""
    return urlunsplit(parts._replace(netloc=f"{user}@{netloc[-1]}"))


def dialect(conn: Any) -> str:
    """'postgresql' or 'sqlite': which SQL the connection speaks."""
    return getattr(conn, "dialect", "sqlite")


# ---------------------------------------------------------------------------------------------
# SQL translation

_TOKENS = re.compile(r"'(?:[^']|'')*'|\"[^\"]*\"|\?|%")
_INSERT_OR = re.compile(r"^\s*INSERT\s+OR\s+(IGNORE|REPLACE)\s+INTO\s+(\w+)\s*(\(([^)]*)\))?", re.I | re.S)
_NOCASE_EQ = re.compile(r"([\w.\"]+)\s*=\s*\?\s+COLLATE\s+NOCASE", re.I)
_NOCASE = re.compile(r"([\w.\"]+)\s+COLLATE\s+NOCASE", re.I)
_STRFTIME_NOW = re.compile(r"strftime\('%Y-%m-%dT%H:%M:%fZ',\s*'now'\)")
NOW_TEXT = "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"
# Keywords are matched as the code writes them, in capitals, so that no quoted text is rewritten.
_SIMPLE = [
    (re.compile(r"\s+INDEXED\s+BY\s+\w+"), ""),
    (re.compile(r"\bCROSS\s+JOIN\b"), "JOIN"),
    (re.compile(r"\bgroup_concat\(", re.I), "string_agg("),
    (re.compile(r"\bNOT\s+LIKE\b"), "NOT ILIKE"),
    (re.compile(r"(?<!NOT )\bLIKE\b"), "ILIKE"),
    (re.compile(r"\bIS\s+NOT\s+(?!NULL\b|DISTINCT\b|TRUE\b|FALSE\b)"), "IS DISTINCT FROM "),
    (re.compile(r"\bIS\s+(?!NOT\b|NULL\b|DISTINCT\b|TRUE\b|FALSE\b)"), "IS NOT DISTINCT FROM "),
    (re.compile(r"CREATE\s+INDEX\s+IF\s+NOT\s+EXISTS\s+temp\.", re.I), "CREATE INDEX IF NOT EXISTS "),
    (re.compile(r"\btemp\.(?=\w)", re.I), "pg_temp."),
    (re.compile(r"\bmain\.(?=\w)", re.I), ""),
]


@lru_cache(maxsize=2048)
def translate(sql: str, placeholders: bool = True) -> str:
    """SQLite's SQL, as kankei writes it, in PostgreSQL's dialect (placeholders %s when `placeholders`)."""
    sql = _STRFTIME_NOW.sub(NOW_TEXT, sql)
    sql = _NOCASE_EQ.sub(r"lower(\1) = lower(?)", sql)
    sql = _NOCASE.sub(r"lower(\1)", sql)
    for pattern, repl in _SIMPLE:
        sql = pattern.sub(repl, sql)
    m = _INSERT_OR.match(sql)
    if m:
        how, table, cols = m.group(1).upper(), m.group(2), m.group(4)
        sql = f"INSERT INTO {table}{' (' + cols + ')' if cols else ''}" + sql[m.end():]
        sql = sql.rstrip().rstrip(";")
        keys = CONFLICT_KEYS.get(table)
        if how == "IGNORE" or not keys or not cols:
            sql += " ON CONFLICT DO NOTHING"
        else:
            rest = [c.strip() for c in cols.split(",") if c.strip() not in keys]
            sets = ", ".join(f"{c} = EXCLUDED.{c}" for c in rest)
            sql += f" ON CONFLICT ({', '.join(keys)}) " + (f"DO UPDATE SET {sets}" if sets else "DO NOTHING")
    if placeholders:
        # psycopg reads every % as a placeholder's, inside quotes too
        sql = _TOKENS.sub(lambda t: "%s" if t.group() == "?" else t.group().replace("%", "%%"), sql)
    return sql


# ---------------------------------------------------------------------------------------------
# rows and cursors

class Row:
    """A row read by position or (case-blind) column name, like sqlite3.Row."""
    __slots__ = ("_values", "_index")

    def __init__(self, index: dict[str, int], values: Sequence):
        self._index = index
        self._values = values

    def __getitem__(self, key):
        if isinstance(key, str):
            try:
                return self._values[self._index[key.lower()]]
            except KeyError:
                raise IndexError(f"no column {key!r}") from None
        return self._values[key]

    def __iter__(self) -> Iterator:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __eq__(self, other) -> bool:
        return tuple(self._values) == (tuple(other) if isinstance(other, Row | tuple | list) else other)

    def __hash__(self) -> int:
        return hash(tuple(self._values))

    def __repr__(self) -> str:
        return f"Row({tuple(self._values)!r})"

    def keys(self) -> list[str]:
        return list(self._index)


def _row_factory(cursor):
    desc = cursor.description or []
    index = {}
    for i, col in enumerate(desc):
        index.setdefault(col.name.lower(), i)

    def make(values):
        return Row(index, values)
    return make


class Cursor:
    """What execute() returns: rows by fetchone/fetchall/iteration, rowcount, lastrowid."""

    def __init__(self, cur=None, lastrowid: int | None = None, rows: list | None = None):
        self._cur = cur
        self._rows = rows
        self.lastrowid = lastrowid

    @property
    def rowcount(self) -> int:
        return self._cur.rowcount if self._cur is not None else -1

    @property
    def description(self):
        return self._cur.description if self._cur is not None else None

    def fetchone(self):
        if self._rows is not None:
            return self._rows.pop(0) if self._rows else None
        if self._cur is None or self._cur.description is None:
            return None
        return _wrap(self._cur.fetchone)

    def fetchall(self) -> list:
        if self._rows is not None:
            rows, self._rows = self._rows, []
            return rows
        if self._cur is None or self._cur.description is None:
            return []
        return _wrap(self._cur.fetchall)

    def fetchmany(self, size: int = 100) -> list:
        if self._rows is not None:
            rows, self._rows = self._rows[:size], self._rows[size:]
            return rows
        return _wrap(lambda: self._cur.fetchmany(size))

    def __iter__(self):
        return iter(self.fetchall())

    def close(self) -> None:
        if self._cur is not None:
            self._cur.close()


# ---------------------------------------------------------------------------------------------
# errors

def _as_sqlite_error(err: Exception) -> sqlite3.Error:
    import psycopg.errors as e
    msg = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    if isinstance(err, e.QueryCanceled):
        if "lock timeout" in str(err):
            return sqlite3.OperationalError(f"database is locked ({msg})")
        return sqlite3.OperationalError(f"interrupted ({msg})")
    if isinstance(err, e.LockNotAvailable | e.DeadlockDetected | e.SerializationFailure):
        return sqlite3.OperationalError(f"database is locked ({msg})")
    if isinstance(err, e.ReadOnlySqlTransaction | e.InsufficientPrivilege):
        return sqlite3.OperationalError(f"attempt to write a readonly database ({msg})")
    if isinstance(err, e.IntegrityError):
        return sqlite3.IntegrityError(msg)
    if isinstance(err, e.OperationalError):
        return sqlite3.OperationalError(f"unable to open the database: {msg}")
    return sqlite3.OperationalError(msg)


def _wrap(call):
    import psycopg
    try:
        return call()
    except psycopg.Error as err:
        raise _as_sqlite_error(err) from None


# ---------------------------------------------------------------------------------------------
# the connection

_WRITES = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.I)
_BEGIN = re.compile(r"^\s*BEGIN(\s+(DEFERRED|IMMEDIATE|EXCLUSIVE))?\s*(TRANSACTION)?\s*;?\s*$", re.I)
_PRAGMA = re.compile(r"^\s*PRAGMA\s+(\w+)\s*(?:=\s*(.+?))?\s*;?\s*$", re.I)


class PgConnection:
    """One connection to a kankei base on PostgreSQL, used as the code uses sqlite3's."""

    dialect = "postgresql"

    def __init__(self, url: str, timeout: float = 5.0):
        import psycopg
        self.url = url
        self.name = redact(url)
        self.timeout = timeout
        self.isolation_level: str | None = ""      # None: statements autocommit unless BEGIN says otherwise
        self.row_factory = None                      # (rows are always Row)
        self._locked = False                         # this transaction holds the writers' (or its own) lock
        try:
            self._conn = psycopg.connect(url, autocommit=True, row_factory=_row_factory,
                                         connect_timeout=max(1, int(timeout)))
        except psycopg.Error as err:
            raise _as_sqlite_error(err) from None
        _register_loaders(self._conn)

    # -- transactions
    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus
        return self._conn.info.transaction_status != TransactionStatus.IDLE

    def _begin(self, write: bool) -> None:
        self._raw("BEGIN")
        if write:
            self._lock(WRITE_LOCK)

    def _lock(self, key: int) -> None:
        self._raw(f"SET LOCAL lock_timeout = '{int(self.timeout * 1000)}ms'")
        self._raw(f"SELECT pg_advisory_xact_lock({key})")
        self._raw("SET LOCAL lock_timeout = 0")
        self._locked = True

    def lock(self, key: int) -> None:
        """Take an advisory lock until the transaction ends (beginning one if none is open); the
        transaction's writes are then covered by it (they take no other lock)."""
        if not self.in_transaction:
            self._raw("BEGIN")
        self._lock(key)

    def commit(self) -> None:
        if self.in_transaction:
            self._raw("COMMIT")

    def rollback(self) -> None:
        if self.in_transaction:
            self._raw("ROLLBACK")

    def __enter__(self) -> PgConnection:
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        if exc_type is None:
            self.commit()
        else:
            try:
                self.rollback()
            except sqlite3.Error:
                pass
        return False

    # -- statements
    def _raw(self, sql: str, params: Sequence | None = None):
        if self._locked and sql in ("BEGIN", "COMMIT", "ROLLBACK"):
            self._locked = False
        cur = self._conn.cursor()
        _wrap(lambda: cur.execute(sql, params))
        return cur

    def execute(self, sql: str, params: Sequence | dict = ()) -> Cursor:
        head = sql.lstrip()[:16].upper()
        if head.startswith("PRAGMA"):
            return self._pragma(sql)
        if head.startswith("BEGIN"):
            m = _BEGIN.match(sql)
            if m and not self.in_transaction:
                self._begin(write=bool(m.group(2)) and m.group(2).upper() != "DEFERRED")
                return Cursor()
        if head.startswith(("COMMIT", "END")):
            self.commit()
            return Cursor()
        if head.startswith("ROLLBACK"):
            self.rollback()
            return Cursor()
        write = bool(_WRITES.match(sql))
        if write and self.isolation_level is not None and not self.in_transaction:
            self._begin(write=True)
        elif write and self.in_transaction:
            self._ensure_write_lock()
        params = list(params) if params is not None and not isinstance(params, dict) else params
        text = translate(sql, bool(params))
        table = _serial_insert(sql)
        if table and " RETURNING " not in text.upper():
            text += " RETURNING id"
            cur = self._raw(text, params or None)
            row = cur.fetchone()
            return Cursor(cur, lastrowid=row[0] if row else None)
        return Cursor(self._raw(text, params or None))

    def _ensure_write_lock(self) -> None:
        # a transaction begun by a plain BEGIN that now writes: take the writers' lock once
        if not self._locked:
            self._lock(WRITE_LOCK)

    def executemany(self, sql: str, seq: Iterable[Sequence]) -> Cursor:
        rows = [list(r) for r in seq]
        if not rows:
            return Cursor()
        if self.isolation_level is not None and not self.in_transaction:
            self._begin(write=True)
        elif self.in_transaction:
            self._ensure_write_lock()
        text = translate(sql, True)
        cur = self._conn.cursor()
        _wrap(lambda: cur.executemany(text, rows))
        return Cursor(cur)

    def _pragma(self, sql: str) -> Cursor:
        m = _PRAGMA.match(sql)
        name, value = (m.group(1).lower(), m.group(2)) if m else ("", None)
        if name == "user_version":
            if value is not None:
                self._raw("DELETE FROM kankei_schema")
                self._raw("INSERT INTO kankei_schema (version) VALUES (%s)", (int(value),))
                return Cursor()
            return Cursor(rows=[Row({"user_version": 0}, (schema_version(self),))])
        if name == "database_list":
            return Cursor(rows=[Row({"seq": 0, "name": 1, "file": 2}, (0, "main", self.name))])
        if value is None and name in ("cache_size", "mmap_size", "temp_store", "analysis_limit"):
            return Cursor(rows=[Row({name: 0}, (0,))])
        return Cursor(rows=[])       # the rest tune SQLite's engine: nothing to do here

    # -- the rest of sqlite3.Connection's interface the code uses
    def interrupt(self) -> None:
        """Cancel the statement running on this connection (from another thread)."""
        try:
            self._conn.cancel_safe()
        except Exception:       # a statement that ended meanwhile, a closed connection
            pass

    def set_progress_handler(self, handler, steps: int) -> None:
        """SQLite's statement-time hook; here statements are stopped by interrupt() instead."""

    def close(self) -> None:
        self._conn.close()


def _serial_insert(sql: str) -> str | None:
    m = re.match(r"^\s*INSERT\s+INTO\s+(\w+)", sql, re.I)
    return m.group(1) if m and m.group(1) in SERIAL_TABLES else None


def _register_loaders(conn) -> None:
    """numeric (sum() of bigints) as int or float, as SQLite gives them (orjson writes no Decimal);
    Python's booleans written as 0 and 1, as SQLite stores them (the schema's flags are integers)."""
    from psycopg.adapt import Dumper, Loader
    from psycopg.postgres import types

    class BoolAsInt(Dumper):
        oid = types["int2"].oid

        def dump(self, obj):
            return b"1" if obj else b"0"
    conn.adapters.register_dumper(bool, BoolAsInt)

    class NumericLoader(Loader):
        def load(self, data):
            text = bytes(data).decode()
            try:
                return int(text)
            except ValueError:
                return float(text)
    conn.adapters.register_loader("numeric", NumericLoader)


def schema_version(conn: PgConnection) -> int:
    row = conn._raw("SELECT to_regclass('kankei_schema') IS NOT NULL").fetchone()
    if not row[0]:
        return 0
    row = conn._raw("SELECT max(version) FROM kankei_schema").fetchone()
    return row[0] or 0


def tables(conn: PgConnection) -> set[str]:
    """The tables and views of the connection's search path (its schema)."""
    rows = conn._raw("SELECT table_name FROM information_schema.tables"
                     " WHERE table_schema = current_schema()").fetchall()
    return {r[0] for r in rows}
