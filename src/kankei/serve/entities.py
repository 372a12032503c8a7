"""Entities and the network: lists of entities, one entity with its partners, the actors of a period."""
from __future__ import annotations

import sqlite3
from collections import defaultdict

from kankei.serve.common import BadRequest, entity_rows, like_pattern, marks, period
from kankei.serve.summaries import YEAR_WITHIN
from kankei.store.queries import NotFound

ENTITY_SUMMARY = ("coalesce(s.events, 0) AS events, coalesce(s.mentions, 0) AS mentions,"
                  " coalesce(s.documents, 0) AS documents, s.first, s.last FROM entities en"
                  " LEFT JOIN summary_entities s ON s.entity_id = en.id")
"""The summarized counts of each entity en, with the FROM clause that gives them."""


def entity_list(conn: sqlite3.Connection, q: str | None = None, type_: str | None = None, limit: int = 50,
                offset: int = 0, sort: str = "events") -> dict:
    where, args = [], []
    if q:
        pattern = like_pattern(q)
        where.append("(en.name LIKE ? ESCAPE '\\' OR en.id LIKE ? ESCAPE '\\' OR en.id IN"
                     " (SELECT entity_id FROM summary_aliases WHERE alias LIKE ? ESCAPE '\\'))")
        args += [pattern, pattern, pattern]
    if type_:
        where.append("en.type = ?")
        args.append(type_)
    order = {"events": "coalesce(s.events, 0) DESC, en.name", "name": "en.name COLLATE NOCASE, en.id",
             "mentions": "coalesce(s.mentions, 0) DESC, en.name"}.get(sort)
    if order is None:
        raise BadRequest("sort: one of events, mentions, name")
    cond = (" WHERE " + " AND ".join(where)) if where else ""
    total = conn.execute(f"SELECT count(*) FROM entities en{cond}", args).fetchone()[0]
    rows = conn.execute(f"SELECT en.id, en.name, en.type, en.origin, {ENTITY_SUMMARY}{cond}"
                        f" ORDER BY {order} LIMIT ? OFFSET ?", [*args, limit, offset]).fetchall()
    return {"total": total, "limit": limit, "offset": offset, "entities": [dict(r) for r in rows]}


def entity_detail(conn: sqlite3.Connection, entity_id: str, top: int = 12) -> dict:
    row = conn.execute(f"SELECT en.*, {ENTITY_SUMMARY} WHERE en.id = ?", (entity_id,)).fetchone()
    if not row:
        raise NotFound(f"no entity with id {entity_id!r}")
    aliases = [{"text": r["alias"], "count": r["n"]} for r in conn.execute(
        "SELECT alias, n FROM summary_aliases WHERE entity_id = ? ORDER BY n DESC, alias LIMIT 100", (entity_id,))]
    # events per year: those dated within one year; a decade or a longer interval is no one year's
    # (counted apart, as `events_spread`)
    per_year: dict[str, dict[str, int]] = defaultdict(dict)
    spread = 0
    # (as summarized: counting them here read every event of the actor, 300,000 for Japan)
    for r in conn.execute(
            "SELECT bucket AS y, quad AS q, n FROM summary_buckets WHERE scope = ? AND unit = ?"
            " ORDER BY bucket, quad", (entity_id, YEAR_WITHIN)):
        if not r["y"]:
            spread += r["n"]
        else:
            per_year[r["y"]][str(r["q"])] = r["n"]
    partners = [{"entity": r["b"], "name": r["name"] or r["b"], "type": r["type"], "events": r["n"]} for r in conn.execute(
        "SELECT p.b, p.n, en.name, en.type FROM summary_partners p LEFT JOIN entities en ON en.id = p.b"
        " WHERE p.a = ? ORDER BY p.n DESC, p.b LIMIT ?", (entity_id, top))]
    # the 20th largest count first, so that only the documents that can be among the 20 are read
    # (Japan is in every document of a large base, and each row read is a page of the file)
    floor = conn.execute("SELECT n FROM summary_doc_facets WHERE facet = 'actor' AND value = ?"
                         " ORDER BY n DESC LIMIT 1 OFFSET 19", (entity_id,)).fetchone()
    documents = [dict(r) for r in conn.execute(
        "SELECT f.document_id AS id, d.doc, d.title, d.published, f.n AS events FROM summary_doc_facets f"
        " JOIN documents d ON d.id = f.document_id WHERE f.facet = 'actor' AND f.value = ? AND f.n >= ?"
        " ORDER BY f.n DESC, d.doc LIMIT 20", (entity_id, floor[0] if floor else 0))]
    if not documents:
        documents = [dict(r) for r in conn.execute(
            "SELECT d.id, d.doc, d.title, d.published, 0 AS events FROM documents d WHERE d.id IN"
            " (SELECT document_id FROM mentions WHERE entity_id = ? LIMIT 2000) ORDER BY d.doc LIMIT 20", (entity_id,))]
    out = {k: row[k] for k in ("id", "name", "type", "origin", "events", "mentions", "documents", "first", "last")}
    out.update(aliases=aliases, events_per_year={y: {"n": sum(q.values()), "quads": q} for y, q in per_year.items()},
               events_spread=spread,
               partners=partners, top_documents=documents)
    return out


ACTOR_TYPES = ("person", "organization", "country", "group", "vessel")
"""The entity types drawn in the network: who acts (places, documents, wars and the like do not)."""


def network(conn: sqlite3.Connection, date_from: str | None = None, date_to: str | None = None, limit: int = 60,
            min_weight: int = 1, uncertain: bool = False) -> dict:
    """The actors taking part in the most events of a period, and the asserted events they share
    (with uncertain=True: every event they share, whatever the text or a person says of it)."""
    lo, hi = period(date_from, date_to)
    y_lo, y_hi = (lo or "0000")[:4], (hi or "9999")[:4]
    kinds = marks(len(ACTOR_TYPES))
    # each entity's events summed over the period first, then its type looked up once (joined before
    # the sum, each of its years looked its type up: 25,000 lookups for a decade of a large base)
    rows = conn.execute(
        "SELECT y.entity_id, y.n FROM (SELECT entity_id, sum(n) AS n FROM summary_entity_years"
        "   WHERE year BETWEEN ? AND ? GROUP BY entity_id) AS y JOIN entities en ON en.id = y.entity_id"
        f" WHERE en.type IN ({kinds}) ORDER BY y.n DESC, y.entity_id LIMIT ?",
        (y_lo, y_hi, *ACTOR_TYPES, limit)).fetchall()
    ids = [r["entity_id"] for r in rows]
    names = entity_rows(conn, ids)
    nodes = [{"id": r["entity_id"], "name": names[r["entity_id"]]["name"] if r["entity_id"] in names else r["entity_id"],
              "type": names[r["entity_id"]]["type"] if r["entity_id"] in names else None, "events": r["n"]} for r in rows]
    edges = []
    if ids and not uncertain:
        m = marks(len(ids))
        for r in conn.execute(
                f"SELECT a, b, sum(n) AS n FROM summary_pairs WHERE a IN ({m}) AND b IN ({m})"
                " AND year BETWEEN ? AND ? GROUP BY a, b HAVING sum(n) >= ? ORDER BY n DESC",
                [*ids, *ids, y_lo if (lo or hi) else "", y_hi, min_weight]):
            edges.append({"source": r["a"], "target": r["b"], "weight": r["n"]})
    elif ids:
        # every shared event, counted from the events themselves (as the summaries count, by earliest day)
        m = marks(len(ids))
        period_cond = ("substr(CASE WHEN e.date_lo > '0000-01-01' THEN e.date_lo ELSE e.date_hi END, 1, 4)"
                       " BETWEEN ? AND ?") if (lo or hi) else "1 = 1"
        for r in conn.execute(
                "SELECT x.entity_id AS a, y.entity_id AS b, count(DISTINCT e.rowid) AS n FROM event_participants x"
                " JOIN event_participants y ON y.event_id = x.event_id AND y.entity_id > x.entity_id"
                " JOIN events e ON e.id = x.event_id"
                f" WHERE x.entity_id IN ({m}) AND y.entity_id IN ({m}) AND x.role != 'location'"
                f" AND y.role != 'location' AND {period_cond} GROUP BY 1, 2 HAVING count(DISTINCT e.rowid) >= ?"
                " ORDER BY n DESC",
                [*ids, *ids, *((y_lo, y_hi) if (lo or hi) else ()), min_weight]):
            edges.append({"source": r["a"], "target": r["b"], "weight": r["n"]})
    return {"from": lo, "to": hi, "uncertain": uncertain, "nodes": nodes, "edges": edges}
