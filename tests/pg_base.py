"""PostgreSQL bases for the tests: each a fresh database on the server KANKEI_TEST_PG names.

KANKEI_TEST_PG is a URL of a database on that server whose role may create databases (`.ci/run`
starts a server and sets it). Without it the PostgreSQL tests skip at a desk and fail under CI.
"""
from __future__ import annotations

import os
import uuid

import pytest

ENV = "KANKEI_TEST_PG"
_made: list[str] = []


def server_url() -> str:
    url = os.environ.get(ENV)
    if not url:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but {ENV} is not: .ci/run starts a PostgreSQL server and sets it")
        pytest.skip(f"no PostgreSQL server for the tests ({ENV} is not set)")
    return url


def _admin():
    import psycopg
    return psycopg.connect(server_url(), autocommit=True)


def fresh_database() -> str:
    """The URL of a new, empty database (dropped at the end of the session)."""
    from urllib.parse import urlsplit, urlunsplit
    name = f"kankei_test_{uuid.uuid4().hex[:12]}"
    with _admin() as conn:
        # C collation: text sorts by code point, as SQLite sorts it
        conn.execute(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'")
    _made.append(name)
    parts = urlsplit(server_url())
    return urlunsplit(parts._replace(path="/" + name))


def drop_all() -> None:
    """Drop the databases made; one the server still works in (autovacuum) is tried again, then left."""
    import time

    import psycopg
    if not _made:
        return
    with _admin() as conn:
        while _made:
            name = _made.pop()
            for attempt in range(10):
                try:
                    conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
                    break
                except psycopg.Error:
                    time.sleep(0.3 * (attempt + 1))
