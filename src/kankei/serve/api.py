"""The HTTP API under /api/: every endpoint reads (or, with --allow-edits, annotates) the knowledge base."""
from __future__ import annotations

import sqlite3
import time
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request

from kankei import __version__
from kankei.serve import queries as q
from kankei.serve.app import JSON
from kankei.store.queries import NotFound

router = APIRouter(prefix="/api")

MAX_PAGE = 500
"""The largest page any endpoint returns."""

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Page size (1 to {MAX_PAGE}).")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="How many items to skip.")]
DateFrom = Annotated[str | None, Query(alias="from", max_length=40, description="EDTF: only what may fall on or after "
                                       "this date (1959, 1959-12, 1959-12-14, 195X, 1959/1984).",
                                       examples=["1959"])]
DateTo = Annotated[str | None, Query(alias="to", max_length=40, description="EDTF: only what may fall on or before "
                                     "this date.", examples=["1965"])]
TypeQ = Annotated[str | None, Query(alias="type", max_length=40, description="An event type: meet, agree, sanction, "
                                    "... (see /api/meta).")]


class ThreadConnection:
    """The knowledge base as seen from the thread that uses it. FastAPI runs a plain `def` endpoint in a
    worker thread, not the one that ran its dependencies, so the connection (one per thread) is taken
    at each use, and the summaries checked the first time."""

    def __init__(self, store, write: bool = False, limited: bool = True):
        self._store = store
        self._write = write
        self._limited = limited
        self._deadline: float | None = None

    def _start(self) -> float | None:
        """The request's deadline. The time limit counts from its first statement, not from its arrival:
        the time it waited for its turn (app.THREADS) was not spent on it."""
        if self._limited and self._deadline is None:
            self._deadline = time.monotonic() + self._store.query_seconds
        return self._deadline

    def _conn(self) -> sqlite3.Connection:
        if self._write:
            return self._store.writer()
        c = self._store.reader()
        self._store.ensure_fresh(c)
        self._store.set_deadline(self._start())
        return c

    def execute(self, sql: str, *args):
        if self._start() is not None and time.monotonic() > self._deadline:
            # out of time before it starts (a server's statements are stopped by the watchdog once running)
            raise sqlite3.OperationalError("interrupted (the request's time is up)")
        try:
            return self._conn().execute(sql, *args)
        except sqlite3.OperationalError as err:
            # stopped at the deadline, whatever SQLite calls it ("vtable constructor failed" when the
            # full-text table was being opened): the app's handler explains it
            if self._deadline is not None and time.monotonic() > self._deadline and "interrupted" not in str(err):
                raise sqlite3.OperationalError(f"interrupted ({err})") from None
            raise

    def __getattr__(self, name):
        return getattr(self._conn(), name)

    def __enter__(self):
        return self._conn().__enter__()

    def __exit__(self, *exc):
        return self._conn().__exit__(*exc)


async def conn(request: Request) -> sqlite3.Connection:
    return ThreadConnection(request.app.state.store)


Conn = Annotated[sqlite3.Connection, Depends(conn)]


def claims_available() -> bool:
    from kankei.serve.api_claims import claims_module
    return claims_module() is not None


def _actor_id(c: sqlite3.Connection, name: str | None) -> str | None:
    return q.resolve_actor(c, name) if name else None


# ---------------------------------------------------------------------------------------------
# the base

@router.get("/meta", summary="What this base holds", tags=["base"])
def meta(request: Request, c: Conn) -> JSON:
    """Counts, the period covered, event types (with their label, CAMEO root and quad class), quad
    classes, and whether editing and claims are available."""
    counts = {t: c.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("documents", "entities", "events", "mentions", "times", "quantities", "notes")}
    return JSON({"version": __version__, "db": request.app.state.db_name, "counts": counts, "extent": q.extent(c),
            "event_types": list(q.event_types().values()),
            "quad_classes": {str(k): v for k, v in q.quad_classes().items()},
            "allow_edits": request.app.state.allow_edits, "claims_available": claims_available(),
            "max_page": MAX_PAGE})


# ---------------------------------------------------------------------------------------------
# events

@router.get("/events", summary="Events in date order, filtered and paged", tags=["events"])
def events(c: Conn,
           actor: Annotated[list[str] | None, Query(max_length=200, description="An actor (id, name or alias); "
                                                     "repeat for events with all of them.")] = None,
           type_: TypeQ = None, date_from: DateFrom = None, date_to: DateTo = None,
           q_: Annotated[str | None, Query(alias="q", max_length=500, description="FTS5 query over the sentence "
                                           "stating the event (words, \"phrases\", OR, NOT, prefix*).")] = None,
           span: Annotated[Literal["day", "month", "year", "decade", "century", "any"],
                           Query(description="Only events dated at least this precisely (a day, within a month, "
                                             "...).")] = "any",
           document: Annotated[str | None, Query(max_length=100, description="Only events of this document.")] = None,
           undated: Annotated[bool, Query(description="List the events with no date instead.")] = False,
           limit: Limit = 50,
           cursor: Annotated[str | None, Query(max_length=200, description="The `next` value of the previous "
                                               "page.")] = None) -> JSON:
    """Events whose dates may overlap the period, earliest first (by the earliest day their date can
    denote, then the latest). Each event: `id`, `type`, `label`, `date` (EDTF), `date_lo`, `date_hi`,
    `start`/`end`/`text` (the trigger), `quote` (its sentence), `participants` (`role`, `entity`,
    `name`, `start`, `end`), `quad` (CAMEO quad class, 0 when none), `document_id`, `doc`, `title`.
    `next` is a cursor for the following page, or null at the end."""
    actors = [q.resolve_actor(c, a) for a in (actor or []) if a]
    if len(actors) > 10:
        raise q.BadRequest("actor: at most 10")
    return JSON(q.event_page(c, actors=actors, type_=type_, date_from=date_from, date_to=date_to, text=q_ or None,
                        span_max=q.SPAN_NAMES.index(span), limit=limit, cursor=cursor, document_id=document,
                        undated=undated))


@router.get("/events/{event_id}", summary="One event with its sources", tags=["events"])
def event(c: Conn, event_id: Annotated[str, Path(max_length=200)]) -> JSON:
    """An event with its participants, the sentence stating it, the notes that sentence cites, and (when
    the reconcile module has grouped it) the other documents that tell the same occurrence."""
    ev = q.event_detail(c, event_id)
    try:
        from kankei.reconcile.events import event_group
        ev["group"] = event_group(c, event_id)
    except (ImportError, AttributeError, sqlite3.OperationalError):
        ev["group"] = None
    return JSON(ev)


@router.get("/timeline/buckets", summary="Events counted per period", tags=["events"])
def timeline_buckets(c: Conn,
                     unit: Annotated[Literal["auto", "century", "decade", "year", "month", "day"],
                                     Query(description="auto: the finest unit giving at most 150 buckets.")] = "auto",
                     actor: Annotated[str | None, Query(max_length=200)] = None, type_: TypeQ = None,
                     date_from: DateFrom = None, date_to: DateTo = None,
                     q_: Annotated[str | None, Query(alias="q", max_length=500)] = None) -> JSON:
    """Counts of events per century, decade, year, month or day, each split by CAMEO quad class
    (`quads`: {"1": n, ...}; "0" for types outside CAMEO). An event counts in the bucket of the
    earliest day its date can denote. Without from/to: the whole period of the base."""
    return JSON(q.buckets(c, unit=unit, actor=_actor_id(c, actor), type_=type_, date_from=date_from, date_to=date_to,
                     text=q_ or None))


# ---------------------------------------------------------------------------------------------
# entities

@router.get("/entities", summary="Actors and other named things", tags=["entities"])
def entities(c: Conn, q_: Annotated[str | None, Query(alias="q", max_length=200,
                                                       description="Part of a name, id or alias.")] = None,
             type_: Annotated[str | None, Query(alias="type", max_length=40,
                                                description="person, organization, country, place, ...")] = None,
             sort: Annotated[Literal["events", "mentions", "name"], Query()] = "events",
             limit: Limit = 50, offset: Offset = 0) -> JSON:
    return JSON(q.entity_list(c, q=q_, type_=type_, limit=limit, offset=offset, sort=sort))


@router.get("/entities/{entity_id}", summary="One actor: aliases, events per year, partners", tags=["entities"])
def entity(c: Conn, entity_id: Annotated[str, Path(max_length=200)],
           events_limit: Annotated[int, Query(ge=0, le=MAX_PAGE)] = 20) -> JSON:
    """An entity by id (or name, or alias): its aliases with counts, type, events per year (split by
    quad class), the actors it takes part in events with most, the documents naming it most, and its
    first events (more with /api/events?actor=ID)."""
    asked = q.resolve_actor(c, entity_id)
    eid = q.merged_into(c, asked)
    out = q.entity_detail(c, eid)
    out["merged_from"] = asked if eid != asked else None
    out["events_page"] = q.event_page(c, actors=[eid], limit=events_limit) if events_limit else None
    return JSON(out)


@router.get("/network", summary="The actor network of a period", tags=["entities"])
def network(c: Conn, date_from: DateFrom = None, date_to: DateTo = None,
            limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="How many actors (the most active).")] = 60,
            min_weight: Annotated[int, Query(ge=1, le=1_000_000, description="Leave out pairs sharing fewer "
                                                                             "events.")] = 1,
            uncertain: Annotated[bool, Query(description="Also count events the text does not assert "
                                                         "(hypothetical, planned, negated, reported) and "
                                                         "events a person rejected in the weights.")] = False) -> JSON:
    """Nodes: the actors (people, bodies, countries, groups, vessels; not places, documents or wars)
    taking part in the most events of the period, with `events`. Edges: pairs of them taking part
    in the same asserted events, with `weight` (how many; with uncertain=true, every event). Periods
    are counted in whole years."""
    return JSON(q.network(c, date_from=date_from, date_to=date_to, limit=limit, min_weight=min_weight,
                          uncertain=uncertain))


# ---------------------------------------------------------------------------------------------
# documents

@router.get("/documents", summary="Documents in the base", tags=["documents"])
def documents(c: Conn, q_: Annotated[str | None, Query(alias="q", max_length=200,
                                                        description="Part of the title or name.")] = None,
              limit: Limit = 50, offset: Offset = 0) -> JSON:
    return JSON(q.document_list(c, q=q_, limit=limit, offset=offset))


@router.get("/documents/{document_id}", summary="A document's text and every extraction from it", tags=["documents"])
def document(c: Conn, document_id: Annotated[str, Path(max_length=100)]) -> JSON:
    """The text, and as spans of it (`start`, `end`, `text`): `times` (`value` EDTF, `type`),
    `quantities` (`value`, `low`, `high`, `unit`, `qualifier`), `mentions` (`entity`, `name`, `type`),
    `events` (`type`, `date`, `participants`, sentence), `notes` (`number`, `parts`), `citations`
    (a note marker and the sentence citing it) and `claims` (what a number measures)."""
    return JSON(q.document_detail(c, document_id))


# ---------------------------------------------------------------------------------------------
# search

@router.get("/search", summary="Full-text search of the documents", tags=["search"])
def search(c: Conn, q_: Annotated[str, Query(alias="q", min_length=1, max_length=500,
                                              description="FTS5: words, \"a phrase\", AND, OR, NOT, prefix*, "
                                                          "NEAR(a b), title:word.")],
           mode: Annotated[Literal["fts", "plain"], Query(description="plain: all these words, no syntax.")] = "fts",
           year: Annotated[str | None, Query(max_length=4, description="Facet: documents with events that year.")] = None,
           type_: Annotated[str | None, Query(alias="type", max_length=40,
                                              description="Facet: documents with events of this type.")] = None,
           actor: Annotated[str | None, Query(max_length=200, description="Facet: documents in which this actor "
                                                                          "takes part in events.")] = None,
           limit: Annotated[int, Query(ge=1, le=100)] = 20, offset: Offset = 0) -> JSON:
    """Documents best first, each with a snippet as parts (`text`, `hit`: true for the matched words),
    facets (year, type, actor) counted over the best-ranked matches (`facets_over` of them), and the
    actors whose names match. A query FTS5 cannot read is a 400 with a message."""
    return JSON(q.search(c, q_, mode=mode, year=year, type_=type_, actor=_actor_id(c, actor), limit=limit, offset=offset))


__all__ = ["router", "NotFound"]
