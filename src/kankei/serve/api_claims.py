"""The API's claims: series of figures over time and disagreements, read a page at a time from the
tables a build reconciles them into (kankei.reconcile.claim_store): no request reconciles."""
from __future__ import annotations

import importlib
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from kankei.serve.api import MAX_PAGE, Conn, Offset
from kankei.serve.app import JSON, ApiError

router = APIRouter(prefix="/api")


def claims_module():
    """kankei.reconcile.claim_store, when this kankei has it (and the claims module it stands on)."""
    try:
        importlib.import_module("kankei.reconcile.claims")
        return importlib.import_module("kankei.reconcile.claim_store")
    except ImportError:
        return None


def _need_claims():
    mod = claims_module()
    if mod is None:
        raise ApiError(501, "claims are not available: this kankei has no kankei.reconcile.claims module")
    return mod


CLAIMS_PAGE = 100
"""Series or disagreements per page, unless `limit` says otherwise."""
PAGE_CHARS = 1_500_000
"""A page ends past this many characters of JSON (a series can have thousands of sources), so that
each answer stays small enough to send quickly and to be kept (serve/cache.py keeps up to 2 MB)."""
Subject = Annotated[str | None, Query(max_length=200)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]


@router.get("/claims", summary="Series of figures over time, a page at a time", tags=["claims"])
def claims(c: Conn, subject: Subject = None, limit: Limit = CLAIMS_PAGE, offset: Offset = 0) -> JSON:
    """What documents say a number measures (subject, property), as series of points in time, each
    point with every source behind it: `series` (this page: at most `limit`, fewer when they are
    large), `total`, `next` (the offset of the next page, null after the last) and `subjects` (every
    subject with how many series). 501 when this kankei cannot reconcile claims."""
    mod = _need_claims()
    total, page = mod.series_texts(c, subject, limit, offset, PAGE_CHARS)
    return _page("series", page, {"total": total, "limit": limit, "offset": offset,
                                  "next": _next(total, offset, page), "subjects": mod.series_subjects(c, subject)})


@router.get("/conflicts", summary="Figures documents disagree on, a page at a time", tags=["claims"])
def conflicts(c: Conn, subject: Subject = None, limit: Limit = CLAIMS_PAGE, offset: Offset = 0) -> JSON:
    """Figures for the same subject, property and time that cannot all be true, side against side,
    each side with every source and its quote: `conflicts` (this page: at most `limit`, fewer when they
    are large), `total` and `next` (as for claims). 501 when this kankei cannot reconcile claims."""
    total, page = _need_claims().conflict_texts(c, subject, limit, offset, PAGE_CHARS)
    return _page("conflicts", page, {"total": total, "limit": limit, "offset": offset,
                                     "next": _next(total, offset, page)})


def _next(total: int, offset: int, page: list) -> int | None:
    """The offset of the next page, None after the last."""
    return offset + len(page) if offset + len(page) < total else None


def _page(name: str, items: list[str], rest: dict) -> Response:
    """{name: [items], **rest}, the items being JSON texts as stored (never parsed again)."""
    tail = JSON(rest).body
    body = b'{"' + name.encode() + b'":[' + ",".join(items).encode() + b"]," + tail[1:]
    return Response(body, media_type="application/json")


__all__ = ["router", "claims_module"]
