"""The API's edits: people's judgements (confirm, reject, merge, split, undo), with --allow-edits
and the token `kankei serve` prints."""
from __future__ import annotations

import importlib
import secrets
import sqlite3
from typing import Annotated

from fastapi import APIRouter, Body, Depends, Header, Path, Query, Request
from pydantic import BaseModel, Field

from kankei.serve import queries as q
from kankei.serve.api import Conn, Limit, Offset, ThreadConnection
from kankei.serve.app import JSON, ApiError
from kankei.store.queries import NotFound

router = APIRouter(prefix="/api")

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


__all__ = ["router"]
