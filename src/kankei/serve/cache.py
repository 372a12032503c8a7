"""Answers to GET /api/ requests kept for the base's current state (an ASGI middleware).

Every read endpoint answers from the base alone, so an answer stays right until the base changes:
the same URL asked again (a page many people open, the next page of a search) is sent from memory
instead of being computed again. Each request reads the base's state first (see Answers.state: any
commit changes it), and answers kept for another state are not sent; an edit through this server
forgets every answer at once.
"""
from __future__ import annotations

import os
import sqlite3
import threading
from collections import OrderedDict

CACHE_MB = float(os.environ.get("KANKEI_SERVE_CACHE_MB", "64"))
"""Megabytes of answers kept (0: none); the least recently used go first."""
MAX_ANSWER = 2 * 1024 * 1024
"""Answers larger than this (a long document with every extraction) are not kept."""
KEPT = ("/api/meta", "/api/events", "/api/timeline/", "/api/entities", "/api/network", "/api/documents",
        "/api/search", "/api/claims", "/api/conflicts")
"""The endpoints whose answers depend on their URL and the base alone (not /api/session, which reads
the request's token, nor /api/judgements, read while correcting)."""


class Answers:
    """The 200 answers of GET /api/ requests by URL, for one state of the base."""

    def __init__(self, store, max_bytes: int | None = None):
        self.store = store
        self.max_bytes = int(CACHE_MB * 1024 * 1024) if max_bytes is None else max_bytes
        self._answers: OrderedDict[tuple, tuple[str, int, list, bytes]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self._conn = None       # the connection the state is read on
        self.hits = self.misses = 0

    def forget(self) -> None:
        with self._lock:
            self._answers.clear()
            self._bytes = 0

    def state(self) -> str | None:
        """The base's state now; None: answers are not kept (a read-only base, whose summaries each
        connection keeps for itself). Any commit to the base by anyone changes it: SQLite's
        data_version (read on a connection of its own, which writes nothing); on PostgreSQL the
        server's snapshot (the transactions that write, begun and not yet ended: it changes when one
        begins or ends, in any database of the server, so there answers are kept less)."""
        if self.store.summary_mode == "temp":
            return None
        with self._lock:
            if self._conn is None:
                self._conn = self._open()
            if self.store.remote:
                return str(self._conn.execute("SELECT pg_current_snapshot()::text").fetchone()[0])
            return str(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def _open(self):
        if self.store.remote:
            from kankei.store import connect
            return connect(self.store.path, readonly=True, migrate=False)
        return sqlite3.connect(f"file:{self.store.path}?mode=ro", uri=True, check_same_thread=False)

    def get(self, key: tuple, state: str) -> tuple | None:
        with self._lock:
            hit = self._answers.get(key)
            if hit is None or hit[0] != state:
                self.misses += 1
                return None
            self._answers.move_to_end(key)
            self.hits += 1
            return hit

    def keep(self, key: tuple, state: str, headers: list, body: bytes) -> None:
        with self._lock:
            old = self._answers.pop(key, None)
            if old is not None:
                self._bytes -= len(old[3])
            self._answers[key] = (state, 200, headers, body)
            self._bytes += len(body)
            while self._bytes > self.max_bytes and self._answers:
                _, dropped = self._answers.popitem(last=False)
                self._bytes -= len(dropped[3])


class ResponseCache:
    """ASGI middleware answering GET /api/ requests from `answers` when it can, and keeping new answers."""

    def __init__(self, app, answers: Answers):
        self.app = app
        self.answers = answers

    async def __call__(self, scope, receive, send):
        answers = self.answers
        if scope["type"] != "http" or not scope["path"].startswith("/api/") or answers.max_bytes <= 0:
            return await self.app(scope, receive, send)
        if scope["method"] != "GET":
            if scope["method"] not in ("HEAD", "OPTIONS"):
                answers.forget()         # an edit: what was kept may no longer be so
            return await self.app(scope, receive, send)
        if not scope["path"].startswith(KEPT):
            return await self.app(scope, receive, send)
        if answers.store.remote:      # (a round trip to the server: not on the event loop)
            import anyio
            state = await anyio.to_thread.run_sync(answers.state)
        else:
            state = answers.state()
        if state is None:
            return await self.app(scope, receive, send)
        key = (scope["path"], scope.get("query_string", b""))
        hit = answers.get(key, state)
        if hit is not None:
            _, status, headers, body = hit
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        start: dict = {}
        chunks: list[bytes] = []
        size = 0

        async def keep(message):
            nonlocal size
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body" and size <= MAX_ANSWER:
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
            await send(message)

        await self.app(scope, receive, keep)
        if start.get("status") == 200 and size <= MAX_ANSWER:
            answers.keep(key, state, list(start.get("headers", [])), b"".join(chunks))
