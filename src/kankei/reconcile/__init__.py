"""Across documents: one actor, one event, and claims that agree or disagree."""
from __future__ import annotations

import sqlite3


def reconcile(conn: sqlite3.Connection, parallel: bool = False) -> None:
    """Recompute everything derived across documents; people's judgements are applied last.

    parallel (a build with worker processes, whose cores are free again by now): the claims' series are
    read and computed in a process of their own while this one groups the events (they read and write
    different tables); the result is the same."""
    from kankei.reconcile.claim_store import claims_aside, update_claims
    from kankei.reconcile.entities import propose_merges
    from kankei.reconcile.events import group_events
    from kankei.reconcile.judgements import apply_judgements

    propose_merges(conn)
    apply_judgements(conn)
    aside = claims_aside(conn) if parallel else None
    try:
        group_events(conn)
        update_claims(conn, aside)
    finally:
        if aside is not None:
            aside.close()
