"""People's judgements (merge, split, confirm, reject), stored apart from what the machine
extracted and applied on top of it after every build, so they survive rebuilds."""
from __future__ import annotations

import sqlite3

from kankei.recognize.gazetteer import slug
from kankei.reconcile.entities import mark_actors_regroup

KINDS = ("merge", "split", "confirm", "reject")


class JudgementError(ValueError):
    """A judgement that cannot be made; str(err) says why."""


def add_judgement(conn: sqlite3.Connection, kind: str, subject: str, object: str | None = None,
                  note: str | None = None, author: str | None = None, machine: bool = False,
                  apply: bool = True) -> int:
    """Record a judgement (and apply it). merge: `object` becomes `subject`. split: `object` is an
    alias text to separate from `subject`, or None to undo every merge into `subject`."""
    if kind not in KINDS:
        raise JudgementError(f"unknown judgement {kind!r}; one of {', '.join(KINDS)}")
    if kind == "merge":
        if not object or object == subject:
            raise JudgementError("merge needs two different entities")
        for eid in (subject, object):
            if not _entity_exists(conn, eid):
                raise JudgementError(f"no entity {eid!r} in this knowledge base")
    actors = _actors_of(kind, subject, object)
    with conn:
        if kind == "split" and object is None:
            actors.update(r[0] for r in conn.execute("SELECT object FROM judgements WHERE kind = 'merge'"
                                                     " AND subject = ? AND undone_at IS NULL", (subject,)))
            n = conn.execute("UPDATE judgements SET undone_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
                             " WHERE kind = 'merge' AND subject = ? AND undone_at IS NULL", (subject,)).rowcount
            if not n:
                raise JudgementError(f"nothing was merged into {subject!r}; give --alias to split a name off")
        cur = conn.execute("INSERT INTO judgements (kind, subject, object, note, author, machine) VALUES (?,?,?,?,?,?)",
                           (kind, subject, object, note, author, int(machine)))
    if apply:
        _reapply(conn, actors)
    return cur.lastrowid


def undo_judgement(conn: sqlite3.Connection, judgement_id: int) -> None:
    with conn:
        n = conn.execute("UPDATE judgements SET undone_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
                         " WHERE id = ? AND undone_at IS NULL", (judgement_id,)).rowcount
    if not n:
        raise JudgementError(f"no active judgement {judgement_id}")
    row = conn.execute("SELECT kind, subject, object FROM judgements WHERE id = ?", (judgement_id,)).fetchone()
    _reapply(conn, _actors_of(row[0], row[1], row[2]))


def _actors_of(kind: str, subject: str, object: str | None) -> set[str]:
    """The entities whose events a judgement can give other actors (none for confirm and reject)."""
    if kind == "merge":
        return {subject, object} if object else {subject}
    if kind == "split":
        return {subject, f"{subject}~{slug(object)}"} if object else {subject}
    return set()


def _reapply(conn: sqlite3.Connection, actors: set[str]) -> None:
    """Apply the judgements in force, then regroup the events of the actors they change: merged
    actors may tell one occurrence (marked before and after, whichever id the actor had)."""
    from kankei.reconcile.claim_store import update_claims
    from kankei.reconcile.events import group_events

    mark_actors_regroup(conn, actors)
    apply_judgements(conn)
    mark_actors_regroup(conn, actors)
    group_events(conn)
    update_claims(conn)     # the series of subjects a merge moves


def list_judgements(conn: sqlite3.Connection, include_undone: bool = False) -> list[dict]:
    sql = "SELECT * FROM judgements" + ("" if include_undone else " WHERE undone_at IS NULL") + " ORDER BY id"
    return [dict(r) for r in conn.execute(sql)]


def _entity_exists(conn: sqlite3.Connection, eid: str) -> bool:
    return conn.execute("SELECT 1 FROM entities WHERE id = ?", (eid,)).fetchone() is not None


def canonical_map(conn: sqlite3.Connection) -> dict[str, str]:
    """machine entity id -> the id in force after active merges (followed transitively)."""
    parent: dict[str, str] = {}
    for r in conn.execute("SELECT subject, object FROM judgements WHERE kind = 'merge' AND undone_at IS NULL ORDER BY id"):
        parent[r["object"]] = r["subject"]

    def find(x: str) -> str:
        seen = set()
        while x in parent and x not in seen:
            seen.add(x)
            x = parent[x]
        return x

    return {k: find(k) for k in parent}


# A participant is given another entity only where its event has no participant of that role and
# entity already (the primary key): what SQLite's UPDATE OR IGNORE did, in SQL both bases read.
_FREE = ("NOT EXISTS (SELECT 1 FROM event_participants o WHERE o.event_id = event_participants.event_id"
         " AND o.role = event_participants.role AND o.entity_id = {new})")


def apply_judgements(conn: sqlite3.Connection) -> None:
    """Reset entity ids to the machine's, then apply merges and alias splits in force."""
    mapping = canonical_map(conn)
    splits = [(r["subject"], r["object"]) for r in conn.execute(
        "SELECT subject, object FROM judgements WHERE kind = 'split' AND object IS NOT NULL AND undone_at IS NULL")]
    with conn:
        conn.execute("UPDATE mentions SET entity_id = machine_entity_id WHERE entity_id IS NOT machine_entity_id")
        conn.execute("UPDATE event_participants SET entity_id = machine_entity_id"
                     " WHERE entity_id IS NOT machine_entity_id AND " + _FREE.format(new="machine_entity_id"))
        for old, new in mapping.items():
            conn.execute("UPDATE mentions SET entity_id = ? WHERE machine_entity_id = ?", (new, old))
            conn.execute("UPDATE event_participants SET entity_id = ? WHERE machine_entity_id = ? AND "
                         + _FREE.format(new="?"), (new, old, new))
        for subject, alias in splits:
            new_id = f"{subject}~{slug(alias)}"
            row = conn.execute("SELECT type FROM entities WHERE id = ?", (subject,)).fetchone()
            conn.execute("INSERT OR IGNORE INTO entities (id, name, type, origin) VALUES (?,?,?, 'judgement')",
                         (new_id, alias, row["type"] if row else "other"))
            conn.execute("UPDATE mentions SET entity_id = ? WHERE entity_id = ? AND exact = ?", (new_id, subject, alias))
            conn.execute(
                "UPDATE event_participants SET entity_id = ? WHERE entity_id = ? AND EXISTS ("
                " SELECT 1 FROM events e JOIN mentions m ON m.document_id = e.document_id"
                " WHERE e.id = event_participants.event_id AND m.start = event_participants.start AND m.exact = ?)"
                " AND " + _FREE.format(new="?"), (new_id, subject, alias, new_id))
