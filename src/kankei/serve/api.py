"""The HTTP API under /api/: every endpoint reads (or, with --allow-edits, annotates) the knowledge base."""
from __future__ import annotations

import importlib
import secrets
import sqlite3
import time
from typing import Annotated, Literal

from fastapi import APIRouter, Body, Depends, Header, Path, Query, Request
from pydantic import BaseModel, Field

from kankei import __version__
from kankei.serve import queries as q
from kankei.serve.app import JSON, ApiError
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
        # the time limit counts from the request's start
        self._deadline = time.monotonic() + store.query_seconds if limited else None

    def _conn(self) -> sqlite3.Connection:
        if self._write:
            return self._store.writer()
        c = self._store.reader()
        self._store.ensure_fresh(c)
        self._store.set_deadline(self._deadline)
        return c

    def execute(self, sql: str, *args):
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
            "allow_edits": request.app.state.allow_edits, "claims_available": _claims_module() is not None,
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


# ---------------------------------------------------------------------------------------------
# claims (from the reconcile module, when this kankei has it)

def _claims_module():
    try:
        mod = importlib.import_module("kankei.reconcile.claims")
    except ImportError:
        return None
    if not callable(getattr(mod, "claims", None)) or not callable(getattr(mod, "conflicts", None)):
        return None
    return mod


def _need_claims():
    mod = _claims_module()
    if mod is None:
        raise ApiError(501, "claims are not available: this kankei has no kankei.reconcile.claims module")
    return mod


CLAIMS_PAGE = 100
"""Series or disagreements per page, unless `limit` says otherwise."""


async def unlimited_conn(request: Request) -> sqlite3.Connection:
    return ThreadConnection(request.app.state.store, limited=False)


Unlimited = Annotated[sqlite3.Connection, Depends(unlimited_conn)]


def reconciled(store, c: sqlite3.Connection, name: str, subject: str | None) -> list[dict]:
    """Every series (name "claims") or disagreement ("conflicts"), computed once for each state of
    the base and kept, so that pages of them are cheap (with no time limit: they are worth waiting
    for once)."""
    mod = _need_claims()
    key = (name, subject or "")
    now = q.stamp(c)
    hit = store.cache.get(key)
    if hit and hit[0] == now:
        return hit[1]
    with store.cache_lock:
        hit = store.cache.get(key)
        if hit and hit[0] == now:
            return hit[1]
        items = getattr(mod, name)(c, subject) if subject else getattr(mod, name)(c)
        if name == "claims":
            _link_sources(c, [src for ser in items for p in ser.get("points", []) for src in p.get("sources", [])])
        else:
            _link_sources(c, [src for conflict in items for src in conflict.get("claims", [])])
            for conflict in items:
                _link_sources(c, [src for side in conflict.get("sides") or [] for src in side.get("sources", [])])
        if len(store.cache) > 64:
            store.cache.clear()
        store.cache[key] = (now, items)
        return items


def _page(items: list, limit: int, offset: int) -> dict:
    return {"total": len(items), "limit": limit, "offset": offset, "items": items[offset:offset + limit]}


@router.get("/claims", summary="Series of figures over time, a page at a time", tags=["claims"])
def claims(request: Request, c: Unlimited, subject: Annotated[str | None, Query(max_length=200)] = None,
           limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = CLAIMS_PAGE, offset: Offset = 0) -> JSON:
    """What documents say a number measures (subject, property), as series of points in time, each
    point with every source behind it: `series` (this page), `total`, and `subjects` (every subject
    with how many series). 501 when this kankei cannot reconcile claims."""
    items = reconciled(request.app.state.store, c, "claims", subject)
    page = _page(items, limit, offset)
    subjects: dict[str, dict] = {}
    for ser in items:
        s = subjects.setdefault(ser.get("subject"), {"subject": ser.get("subject"), "name": ser.get("subject_name"),
                                                     "series": 0})
        s["series"] += 1
    return JSON({"series": page.pop("items"), **page,
                 "subjects": sorted(subjects.values(), key=lambda s: (-s["series"], str(s["name"])))})


@router.get("/conflicts", summary="Figures documents disagree on, a page at a time", tags=["claims"])
def conflicts(request: Request, c: Unlimited, subject: Annotated[str | None, Query(max_length=200)] = None,
              limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = CLAIMS_PAGE, offset: Offset = 0) -> JSON:
    """Figures for the same subject, property and time that cannot all be true, side against side,
    each side with every source and its quote: `conflicts` (this page) and `total`. 501 when this
    kankei cannot reconcile claims."""
    items = reconciled(request.app.state.store, c, "conflicts", subject)
    page = _page(items, limit, offset)
    return JSON({"conflicts": page.pop("items"), **page})


def _link_sources(c: sqlite3.Connection, sources: list[dict]) -> None:
    """Add the document id to each source of a claim, so pages can link to the reader."""
    ids = sorted({s["claim"] for s in sources if isinstance(s, dict) and s.get("claim")})
    where: dict[str, str] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        where.update((r[0], r[1]) for r in c.execute(
            f"SELECT id, document_id FROM claims WHERE id IN ({','.join('?' * len(chunk))})", chunk))
    for s in sources:
        if isinstance(s, dict) and "document_id" not in s:
            s["document_id"] = where.get(s.get("claim"))


# ---------------------------------------------------------------------------------------------
# judgements (corrections)

@router.get("/judgements", summary="People's judgements", tags=["edits"])
def judgements(c: Conn, limit: Limit = 100, offset: Offset = 0,
               include_undone: Annotated[bool, Query()] = False) -> JSON:
    """Newest first, each with what it judged: `subject_info` and `object_info` describe the event
    (type, date, trigger, sentence, document), statement (its text and kind) or actor (name, type)
    it names, or say it is no longer in the base."""
    cond = "" if include_undone else " WHERE undone_at IS NULL"
    total = c.execute(f"SELECT count(*) FROM judgements{cond}").fetchone()[0]
    rows = c.execute(f"SELECT * FROM judgements{cond} ORDER BY id DESC LIMIT ? OFFSET ?", (limit, offset)).fetchall()
    out = []
    for r in rows:
        j = dict(r)
        j["subject_info"] = q.describe_judged(c, r["kind"], r["subject"], role="subject")
        j["object_info"] = q.describe_judged(c, r["kind"], r["object"], role="object") if r["object"] else None
        out.append(j)
    return JSON({"total": total, "limit": limit, "offset": offset, "judgements": out})


async def editor(request: Request,
                 x_kankei_token: Annotated[str | None, Header(description="The token `kankei serve --allow-edits` "
                                                                    "printed.")] = None) -> sqlite3.Connection:
    app = request.app
    if not app.state.allow_edits:
        raise ApiError(403, "editing is off: restart with `kankei serve --allow-edits` and use the token it prints")
    if not x_kankei_token or not secrets.compare_digest(x_kankei_token.encode(), app.state.token.encode()):
        raise ApiError(403, "missing or wrong X-Kankei-Token header (use the token `kankei serve --allow-edits` "
                            "printed)")
    return ThreadConnection(app.state.store, write=True)


Editor = Annotated[sqlite3.Connection, Depends(editor)]


class JudgementIn(BaseModel):
    note: str | None = Field(None, max_length=2000, description="Why, for the record.")
    author: str | None = Field(None, max_length=200)


class MergeIn(JudgementIn):
    other: str = Field(..., min_length=1, max_length=200, description="The entity to merge into this one.")


class SplitIn(JudgementIn):
    alias: str | None = Field(None, max_length=500, description="An alias to separate from this entity; none: "
                                                                "undo every merge into it.")


def _judge(request: Request, w: sqlite3.Connection, kind: str, subject: str, obj: str | None,
           body: JudgementIn | None) -> dict:
    body = body or JudgementIn()
    author = body.author or "kankei serve"
    with request.app.state.store._lock:
        try:
            mod = importlib.import_module("kankei.reconcile.judgements")
            add = mod.add_judgement
        except (ImportError, AttributeError):
            add = None
        if add is not None:
            try:
                jid = add(w, kind, subject, object=obj, note=body.note, author=author)
            except ValueError as err:
                raise q.BadRequest(str(err)) from None
        else:
            with w:
                jid = w.execute("INSERT INTO judgements (kind, subject, object, note, author) VALUES (?,?,?,?,?)",
                                (kind, subject, obj, body.note, author)).lastrowid
    row = w.execute("SELECT * FROM judgements WHERE id = ?", (jid,)).fetchone()
    return {"judgement": dict(row) if row else {"id": jid, "kind": kind, "subject": subject, "object": obj}}


def _statement_exists(c: sqlite3.Connection, sid: str) -> str:
    for table, kind in (("events", "event"), ("mentions", "mention"), ("times", "time"), ("quantities", "quantity")):
        if c.execute(f"SELECT 1 FROM {table} WHERE id = ?", (sid,)).fetchone():
            return kind
    raise NotFound(f"no event or statement with id {sid!r}")


@router.post("/extractions/{statement_id}/confirm", summary="Confirm an extraction", tags=["edits"], status_code=201)
def confirm(request: Request, w: Editor, statement_id: Annotated[str, Path(max_length=200)],
            body: Annotated[JudgementIn | None, Body()] = None) -> JSON:
    """Record that an event or statement (mention, time, quantity) is right. Needs --allow-edits and
    the X-Kankei-Token header."""
    _statement_exists(w, statement_id)
    return JSON(_judge(request, w, "confirm", statement_id, None, body), status_code=201)


@router.post("/extractions/{statement_id}/reject", summary="Reject an extraction", tags=["edits"], status_code=201)
def reject(request: Request, w: Editor, statement_id: Annotated[str, Path(max_length=200)],
           body: Annotated[JudgementIn | None, Body()] = None) -> JSON:
    """Record that an event or statement is wrong. Needs --allow-edits and the X-Kankei-Token header."""
    _statement_exists(w, statement_id)
    return JSON(_judge(request, w, "reject", statement_id, None, body), status_code=201)


def _entity_exists(c: sqlite3.Connection, eid: str) -> None:
    if not c.execute("SELECT 1 FROM entities WHERE id = ?", (eid,)).fetchone():
        raise NotFound(f"no entity with id {eid!r}")


@router.post("/entities/{entity_id}/merge", summary="Merge another entity into this one", tags=["edits"],
             status_code=201)
def merge(request: Request, w: Editor, entity_id: Annotated[str, Path(max_length=200)], body: MergeIn) -> JSON:
    """`other` (an id, a name or an alias) and this entity are the same: its mentions and events
    become this one's. Needs --allow-edits and the X-Kankei-Token header."""
    _entity_exists(w, entity_id)
    other = q.merged_into(w, q.resolve_actor(w, body.other))
    if other == entity_id:
        raise q.BadRequest(f"other: {body.other!r} is this actor already")
    return JSON(_judge(request, w, "merge", entity_id, other, body), status_code=201)


@router.post("/entities/{entity_id}/split", summary="Split an alias off an entity", tags=["edits"], status_code=201)
def split(request: Request, w: Editor, entity_id: Annotated[str, Path(max_length=200)],
          body: Annotated[SplitIn | None, Body()] = None) -> JSON:
    """Mentions with `alias` are another thing than this entity (or, without alias, undo the merges
    into it). Needs --allow-edits and the X-Kankei-Token header."""
    _entity_exists(w, entity_id)
    alias = body.alias if body else None
    if alias:
        q.check_alias(w, entity_id, alias)
    return JSON(_judge(request, w, "split", entity_id, alias or None, body), status_code=201)


@router.post("/judgements/{judgement_id}/undo", summary="Undo a judgement", tags=["edits"])
def undo(request: Request, w: Editor, judgement_id: Annotated[int, Path(ge=1)]) -> JSON:
    """Take back a confirmation, rejection, merge or split (it stays on record as undone). Needs
    --allow-edits and the X-Kankei-Token header."""
    from kankei.reconcile.judgements import JudgementError, undo_judgement
    with request.app.state.store._lock:
        try:
            undo_judgement(w, judgement_id)
        except JudgementError as err:
            raise NotFound(str(err)) from None
    row = w.execute("SELECT * FROM judgements WHERE id = ?", (judgement_id,)).fetchone()
    return JSON({"judgement": dict(row)})


@router.get("/session", summary="Whether editing is on", tags=["edits"])
def session(request: Request, x_kankei_token: Annotated[str | None, Header()] = None) -> JSON:
    token = request.app.state.token
    ok = bool(request.app.state.allow_edits and x_kankei_token and token
              and secrets.compare_digest(x_kankei_token.encode(), token.encode()))
    return JSON({"allow_edits": request.app.state.allow_edits, "token_ok": ok})


__all__ = ["router", "NotFound"]
