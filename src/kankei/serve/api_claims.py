"""The API's claims: series of figures over time and disagreements, reconciled once for each state
of the base and served a page at a time."""
from __future__ import annotations

import importlib
import sqlite3
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from kankei.serve import queries as q
from kankei.serve.api import MAX_PAGE, Offset, ThreadConnection
from kankei.serve.app import JSON, ApiError

router = APIRouter(prefix="/api")

# ---------------------------------------------------------------------------------------------
# claims (from the reconcile module, when this kankei has it)

def claims_module():
    try:
        mod = importlib.import_module("kankei.reconcile.claims")
    except ImportError:
        return None
    if not callable(getattr(mod, "claims", None)) or not callable(getattr(mod, "conflicts", None)):
        return None
    return mod


def _need_claims():
    mod = claims_module()
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


__all__ = ["router", "claims_module", "reconciled"]
