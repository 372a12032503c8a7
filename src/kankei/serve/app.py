"""The explorer's web application: the API, the pages, and the knowledge base behind them."""
from __future__ import annotations

import os
import sqlite3
import threading
import time
from contextlib import asynccontextmanager
from pathlib import Path

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from kankei import __version__
from kankei.serve import queries as q
from kankei.serve.summaries import claim_refresh
from kankei.store import StoreError, connect
from kankei.store.db import explain
from kankei.store.pg import is_url, redact
from kankei.store.queries import NotFound

STATIC = Path(__file__).resolve().parent / "static"

PAGES = {"/": "timeline.html", "/timeline": "timeline.html", "/network": "network.html",
         "/documents": "documents.html", "/entities": "entities.html", "/claims": "claims.html",
         "/search": "search.html", "/docs": "apidocs.html", "/judgements": "judgements.html"}

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")

STAMP_INTERVAL = 1.0
"""Seconds between two checks that the summary tables still describe the base."""
QUERY_SECONDS = 1.5
"""A request's statements are stopped after this long (by a watchdog thread), so that no query,
however it is written, holds the server: the request is then refused with a message (422)."""
WATCH_SECONDS = 0.1
"""How often the watchdog looks for statements past their deadline."""
PG_SESSION = ("SET jit = off", "SET max_parallel_workers_per_gather = 0", "SET plan_cache_mode = force_custom_plan")
"""Settings of the server's PostgreSQL readers: its requests are many and short, so neither compiling
a query (JIT, for plans the planner thinks costly) nor starting worker processes for one (on a
machine whose cores the other requests already keep busy) pays for itself."""
THREADS = int(os.environ.get("KANKEI_SERVE_THREADS", "2"))
"""Requests of one server process computed at once (its other requests wait their turn, first come
first served). Its Python runs on one core at a time: twenty requests computed together each took
twenty times as long, so that a costly one took seconds; in turn, each waits only for those before it."""
MAX_BODY = 64 * 1024
"""The largest request body accepted (edits carry a note of at most 2,000 characters)."""


class JSON(Response):
    """A JSON response serialized by orjson as it is (no re-encoding of large results)."""
    media_type = "application/json"

    def render(self, content) -> bytes:
        return orjson.dumps(content, option=orjson.OPT_NON_STR_KEYS)


class ApiError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


class Store:
    """The knowledge base: one read-only connection per worker thread, and a writer (behind a lock) for
    the summary tables and, with --allow-edits, people's judgements."""

    def __init__(self, path: str | Path, allow_edits: bool = False, query_seconds: float | None = None):
        self.remote = is_url(path)      # a PostgreSQL base: always writable, summaries in the base
        self.path = str(path) if self.remote else Path(path)
        self.allow_edits = allow_edits
        self.query_seconds = QUERY_SECONDS if query_seconds is None else query_seconds
        self._local = threading.local()
        self._lock = threading.Lock()
        self._watched: dict[int, tuple[sqlite3.Connection, float]] = {}   # thread -> its reader, deadline
        self._watch_lock = threading.Lock()
        self._watchdog: threading.Thread | None = None
        self.owner = f"{os.getpid()}.{id(self):x}"     # (who claims to recompute the summaries)
        # open once: clear errors now (no base, not a base, newer schema), and bring an older base up to date
        conn = connect(self.path, readonly=True)
        conn.close()
        self.writable = self.remote or os.access(self.path, os.W_OK) and os.access(self.path.parent, os.W_OK)
        self.summary_mode = "main" if self.writable else "temp"
        if allow_edits and not self.writable:
            raise StoreError(f"{self.path}: the knowledge base is read-only, so edits cannot be saved "
                             "(check the file and its folder are writable, or serve without --allow-edits)")
        self.ensure_fresh(self.reader(), force=True)

    def reader(self) -> sqlite3.Connection:
        """This thread's read connection, with no time limit until set_deadline() gives one."""
        conn = getattr(self._local, "reader", None)
        if conn is None:
            conn = connect(self.path, readonly=True)
            for sql in PG_SESSION if self.remote else ("PRAGMA cache_size = -32000", "PRAGMA temp_store = MEMORY",
                                                       "PRAGMA mmap_size = 1073741824"):
                conn.execute(sql)
            self._local.reader = conn
            self._local.checked = 0.0
            if self.summary_mode == "temp":
                _temp_summaries(conn)
        if getattr(self._local, "deadline", None) is not None:
            self.set_deadline(None)
        return conn

    def set_deadline(self, when: float | None) -> None:
        """Stop this thread's statements once time.monotonic() passes `when` (None: no limit).

        A watchdog thread interrupts the connection (within WATCH_SECONDS of the deadline). No
        progress handler: calling into Python every few thousand steps made each running statement
        wait for the GIL, so that under many clients SQLite's work, which runs without the GIL, was
        serialized behind the Python work of every other request."""
        self._local.deadline = when
        conn = getattr(self._local, "reader", None)
        with self._watch_lock:
            if when is None:
                self._watched.pop(threading.get_ident(), None)
            elif conn is not None:
                self._watched[threading.get_ident()] = (conn, when)
                if self._watchdog is None:
                    self._watchdog = threading.Thread(target=self._watch, name="kankei-deadlines", daemon=True)
                    self._watchdog.start()

    def _watch(self) -> None:
        while True:
            time.sleep(WATCH_SECONDS)
            now = time.monotonic()
            with self._watch_lock:
                for ident, (conn, when) in list(self._watched.items()):
                    if now > when:
                        conn.interrupt()
                        del self._watched[ident]

    def writer(self) -> sqlite3.Connection:
        conn = getattr(self._local, "writer", None)
        if conn is None:
            conn = connect(self.path, readonly=False)
            conn.isolation_level = None
            self._local.writer = conn
        return conn

    def ensure_fresh(self, conn: sqlite3.Connection, force: bool = False) -> None:
        """Recompute the summary tables if the base changed since they were made (checked once a second).

        While one thread recomputes them, the others answer from the summaries as they were; the
        writer's lock is taken only to copy the new tables in (see summaries.refresh_summaries)."""
        now = time.monotonic()
        if not force and now - getattr(self._local, "checked", 0.0) < STAMP_INTERVAL:
            return
        self._local.checked = now
        if q.summaries_fresh(conn):
            return
        if self.summary_mode == "temp":
            q.refresh_summaries(conn, analyze=False)
            return
        if not self._lock.acquire(blocking=force):
            return
        try:
            if q.summaries_fresh(conn):
                return
            try:
                if not force and not self.remote and not claim_refresh(self.writer(), q.stamp(conn), self.owner):
                    return      # another server process is recomputing them for this state of the base
                q.refresh_summaries(self.writer(), staged=True)
            except sqlite3.OperationalError as err:
                if "locked" in str(err) or "busy" in str(err):
                    return      # a build is writing: keep the summaries as they are, and try again later
                if "readonly" not in str(err) and "read-only" not in str(err):
                    raise
                if self.remote:     # (summaries kept per connection are SQLite's only)
                    raise StoreError(f"{redact(self.path)}: this role cannot write the base, and the explorer "
                                     "keeps its summary tables in it; serve with a role that may write") from None
                self.summary_mode = "temp"
                _temp_summaries(conn)
                q.refresh_summaries(conn, analyze=False)
        finally:
            self._lock.release()

    def close(self) -> None:
        self.set_deadline(None)         # (the watchdog must not interrupt a closed connection)
        for name in ("reader", "writer"):
            conn = getattr(self._local, name, None)
            if conn is not None:
                conn.close()
                setattr(self._local, name, None)


def _wants_page(request: Request) -> bool:
    """A browser asking for a page (not the API): it gets a page saying what is missing, not JSON."""
    return not request.url.path.startswith("/api/") and "text/html" in request.headers.get("accept", "")


def _body_refused(request: Request) -> Response | None:
    """A 4xx for a request body larger than MAX_BODY, or of a length not given beforehand."""
    if request.method not in ("POST", "PUT", "PATCH", "DELETE"):
        return None
    length = request.headers.get("content-length")
    if length is None:
        if request.headers.get("transfer-encoding"):
            return JSON({"error": "give the body's length (Content-Length); bodies of unknown length are refused"},
                        status_code=411)
        return None
    if not length.isdigit() or int(length) > MAX_BODY:
        return JSON({"error": f"the request body is larger than {MAX_BODY // 1024} KB, the most an edit may send"},
                    status_code=413)
    return None


def _temp_summaries(conn: sqlite3.Connection) -> None:
    """Summary tables of this connection only (TEMP tables shadow the base's own), for a read-only base."""
    rows = conn.execute("SELECT type, name, sql FROM main.sqlite_master WHERE name LIKE 'summary%' AND sql IS NOT NULL"
                        " ORDER BY type DESC").fetchall()
    for r in rows:
        if conn.execute("SELECT 1 FROM temp.sqlite_master WHERE name = ?", (r["name"],)).fetchone():
            continue
        sql = r["sql"]
        if r["type"] == "table":
            sql = sql.replace("CREATE TABLE ", "CREATE TEMP TABLE ", 1)
        else:
            sql = sql.replace(f"CREATE INDEX {r['name']}", f"CREATE INDEX temp.{r['name']}", 1)
        conn.execute(sql)


@asynccontextmanager
async def _lifespan(_app: FastAPI):
    # the endpoints are plain functions, run in anyio's threads: as many run at once as it has tokens
    import anyio.to_thread
    anyio.to_thread.current_default_thread_limiter().total_tokens = max(1, THREADS)
    yield


def create_app(db_path: str | Path, allow_edits: bool = False, token: str | None = None,
               allowed_hosts: list[str] | None = None) -> FastAPI:
    """The explorer for the base at db_path. With allow_edits, POST requests carrying `token` in the
    X-Kankei-Token header record judgements. allowed_hosts: Host header values to accept (None: any),
    which keeps other web sites from reaching a local server through DNS rebinding."""
    if allow_edits and not token:
        raise ValueError("allow_edits needs a token")
    store = Store(db_path, allow_edits=allow_edits)
    app = FastAPI(
        title="kankei explorer API",
        version=__version__,
        description="Read the knowledge base: events on a timeline, actors and their network, documents with "
                    "every extraction as a span of their text, full-text search, claims and conflicts. "
                    "Dates are EDTF; `date_lo`/`date_hi` are the earliest and latest day a date can denote. "
                    "Errors are JSON objects with an `error` message. Editing endpoints need "
                    "`kankei serve --allow-edits` and the token it prints, sent as the `X-Kankei-Token` header.",
        docs_url=None, redoc_url=None, default_response_class=JSON, lifespan=_lifespan,
    )
    app.state.store = store
    app.state.allow_edits = allow_edits
    app.state.token = token
    app.state.db_name = redact(store.path) if store.remote else store.path.name

    from kankei.serve import api, api_claims, api_edits
    for module in (api, api_claims, api_edits):
        app.include_router(module.router)

    hosts = {h.lower() for h in allowed_hosts} if allowed_hosts else None

    # added before the guard below, so it runs within it: hosts are checked and headers added on every answer
    from kankei.serve.cache import Answers, ResponseCache
    app.state.answers = Answers(store)
    app.add_middleware(ResponseCache, answers=app.state.answers)

    @app.middleware("http")
    async def guard(request: Request, call_next):
        if hosts is not None:
            host = request.headers.get("host", "").lower()
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if host not in hosts and name not in hosts:
                return JSON({"error": f"this server answers requests for {', '.join(sorted(hosts))} only"},
                                      status_code=400)
        refused = _body_refused(request)
        if refused is not None:
            return refused
        head = request.method == "HEAD"
        if head:        # HEAD is GET without the body, on every GET route
            request.scope["method"] = "GET"
        response: Response = await call_next(request)
        if head:
            response = Response(status_code=response.status_code, headers=dict(response.headers))
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Cross-Origin-Resource-Policy"] = "same-origin"
        if request.url.path.startswith("/api/"):
            response.headers["Cache-Control"] = "no-store"
        return response

    @app.exception_handler(q.BadRequest)
    async def bad_request(_request, err):
        return JSON({"error": str(err)}, status_code=400)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, err):
        if _wants_page(request):
            return FileResponse(STATIC / "notfound.html", status_code=404, media_type="text/html; charset=utf-8")
        return JSON({"error": str(err)}, status_code=404)

    @app.exception_handler(ApiError)
    async def api_error(_request, err: ApiError):
        return JSON({"error": str(err)}, status_code=err.status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, err: StarletteHTTPException):
        message = err.detail if isinstance(err.detail, str) else "request failed"
        if err.status_code == 404 and message == "Not Found":
            if _wants_page(request):
                return FileResponse(STATIC / "notfound.html", status_code=404, media_type="text/html; charset=utf-8")
            message = "no such page or endpoint (the API is under /api/, documented at /docs)"
        return JSON({"error": message}, status_code=err.status_code, headers=getattr(err, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(_request, err: RequestValidationError):
        problems = []
        for e in err.errors():
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
            problems.append(f"{where}: {e.get('msg', 'invalid')}" if where else e.get("msg", "invalid"))
        return JSON({"error": "; ".join(problems) or "invalid request",
                               "detail": [{"loc": list(e.get("loc", ())), "msg": e.get("msg")} for e in err.errors()]},
                              status_code=400)

    @app.exception_handler(sqlite3.Error)
    async def database_error(_request, err: sqlite3.Error):
        if "interrupted" in str(err):
            return JSON({"error": f"this request was stopped after {store.query_seconds:g} s, the most any query "
                                  "may take here; narrow it (fewer words, longer prefixes than 'a*', a shorter "
                                  "period, one actor)"}, status_code=422)
        status = 503 if "locked" in str(err) or "busy" in str(err) else 500
        return JSON({"error": explain(app.state.db_name, err)}, status_code=status)

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    def page(name: str):
        async def serve_page():
            return FileResponse(STATIC / name, media_type="text/html; charset=utf-8")
        return serve_page

    for route, name in PAGES.items():
        app.add_api_route(route, page(name), methods=["GET"], include_in_schema=False)
    app.add_api_route("/documents/{document_id}", page("document.html"), methods=["GET"], include_in_schema=False)

    @app.get("/entities/{entity_id}", include_in_schema=False)
    def entity_page(entity_id: str):
        # an actor merged into another is that one now: go to its page
        from urllib.parse import quote
        now = q.merged_into(store.reader(), entity_id)
        if now != entity_id:
            return RedirectResponse(f"/entities/{quote(now, safe='')}", status_code=302)
        return FileResponse(STATIC / "entity.html", media_type="text/html; charset=utf-8")

    @app.get("/events/{event_id}", include_in_schema=False)
    def event_page(event_id: str):
        row = store.reader().execute("SELECT document_id FROM events WHERE id = ?", (event_id,)).fetchone()
        if not row:
            raise NotFound(f"no event with id {event_id!r}")
        from urllib.parse import quote
        return RedirectResponse(f"/documents/{quote(row[0], safe='')}?event={quote(event_id, safe='')}", status_code=302)

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon():
        return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")

    return app
