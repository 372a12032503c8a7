"""Across documents: one actor, one event, and claims that agree or disagree."""
from __future__ import annotations

import sqlite3


def reconcile(conn: sqlite3.Connection) -> None:
    """Recompute everything derived across documents; people's judgements are applied last."""
    from kankei.reconcile.claim_store import update_claims
    from kankei.reconcile.entities import propose_merges
    from kankei.reconcile.events import group_events
    from kankei.reconcile.judgements import apply_judgements

    propose_merges(conn)
    apply_judgements(conn)
    group_events(conn)
    update_claims(conn)
