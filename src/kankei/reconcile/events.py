"""The same occurrence told by several documents becomes one event group.

Links between events are found by `event_links` (same type, an actor in common, dates that agree
or lie close, words in common). Grouping is local, so that a build costs in proportion to what it
changed and the result never depends on the order documents came in:

- an event is a *centre* when none of its linked events outranks it (a more precise date, then
  a smaller id: both its own, so the rank never depends on other events);
- every other event joins the centre it is most strongly linked to, if it is linked to one;
- a centre and the events joining it are split into groups, leader first (the best-ranked
  left), each taking the events linked to the leader, strongest first, that are linked to every
  member taken and come from a document not yet in the group.

So a group is a set of events every two of which are linked, at most one per document, all
within one event's links: links never chain (A like B, B like C does not put A with C).

Links and each event's centre are stored (`event_links`, `event_anchors`). A build records the
events to regroup in `regroup` (new ones, and those of deleted documents); only the events
whose centre those can change are recomputed, and only the groups of centres that gained or
lost an event are rewritten: the same result as grouping the whole base.
"""
from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable

from kankei import edtf
from kankei.reconcile.event_links import CHUNK, Index, block_rows, span_days, years_later

__all__ = ["dates_agree", "event_group", "group_events", "years_later"]

Link = tuple[int, float, int]       # (strong, word similarity, actors shared)


def dates_agree(a: str | None, b: str | None) -> bool:
    """December 14 and December 1959 agree (one within the other); 1958 and 1959 do not."""
    ba, bb = edtf.bounds(a), edtf.bounds(b)
    if not ba or not bb:
        return True
    return (ba[0] <= bb[0] and bb[1] <= ba[1]) or (bb[0] <= ba[0] and ba[1] <= bb[1])


def _strength(found: Link, other: str) -> tuple:
    """Sort key: strongest link first, then the smaller id."""
    return (-found[0], -found[1], -found[2], other)


class _Graph:
    """Links, ranks, documents and centres of the events grouping looks at, read from the stored
    tables on demand (everything at once for a full regroup)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.adj: dict[str, dict[str, Link]] = {}
        self.span: dict[str, int] = {}
        self.doc: dict[str, str] = {}
        self.centre: dict[str, bool] = {}       # as stored
        self.anchor: dict[str, str | None] = {}  # as stored

    def _chunks(self, ids: Iterable[str]):
        ids = sorted(ids)
        for k in range(0, len(ids), CHUNK):
            part = ids[k:k + CHUNK]
            yield part, ",".join("?" * len(part))

    def links(self, ids: Iterable[str]) -> None:
        """Read the stored links of these events (and the rank of each event they link to)."""
        for part, marks in self._chunks(i for i in ids if i not in self.adj):
            for i in part:
                self.adj[i] = {}
            for a, b, strong, similarity, shared, b_span in self.conn.execute(
                    f"SELECT a, b, strong, similarity, shared, b_span FROM event_links WHERE a IN ({marks})", part):
                self.adj[a][b] = (strong, similarity, shared)
                self.span[b] = b_span

    def rows(self, ids: Iterable[str]) -> None:
        """Read the stored grouping rows of these events."""
        for part, marks in self._chunks(i for i in ids if i not in self.centre):
            for event_id, doc, span, centre, anchor in self.conn.execute(
                    "SELECT event_id, document_id, span, centre, anchor FROM event_anchors"
                    f" WHERE event_id IN ({marks})", part):
                self.doc[event_id], self.span[event_id] = doc, span
                self.centre[event_id], self.anchor[event_id] = bool(centre), anchor

    def rank(self, i: str) -> tuple[int, str]:
        return self.span[i], i


def _is_centre(g: _Graph, i: str) -> bool:
    mine = g.rank(i)
    return all(g.rank(j) > mine for j in g.adj[i])


def _anchor(g: _Graph, i: str, centre: dict[str, bool]) -> str | None:
    if centre[i]:
        return i
    best = min((_strength(found, j) for j, found in g.adj[i].items() if centre[j]), default=None)
    return best[-1] if best else None


def _partition(g: _Graph, members: set[str], adj: dict[str, dict[str, Link]]) -> list[list[str]]:
    """A centre's events split into groups, each around the best-ranked event left (see above);
    `adj` holds at least the links between them."""
    left = set(members)
    out = []
    while left:
        leader = min(left, key=g.rank)
        left.discard(leader)
        taken, docs = [leader], {g.doc[leader]}
        links = adj[leader]
        for _, _, _, j in sorted(_strength(links[j], j) for j in left if j in links):
            if g.doc[j] not in docs and all(t in adj[j] for t in taken[1:]):
                taken.append(j)
                docs.add(g.doc[j])
        left.difference_update(taken)
        if len(taken) > 1:
            out.append(sorted(taken))
    return out


def _group_id(members: list[str]) -> str:
    return "group:" + members[0].split(":", 1)[1]


def group_events(conn: sqlite3.Connection, full: bool = False) -> int:
    """Regroup what the events marked in `regroup` can change (everything with full, or when most
    of the base is marked); returns the number of groups written."""
    seeds = {r[0] for r in conn.execute("SELECT event_id FROM regroup")}
    if not full and not seeds:
        return 0
    if not full and len(seeds) * 2 > conn.execute("SELECT count(*) FROM event_anchors").fetchone()[0]:
        full = True     # a new base, or one just migrated: one pass over everything is cheaper
    with conn:
        conn.execute("BEGIN IMMEDIATE")     # what is read stays what is rewritten
        written = _regroup_all(conn) if full else _regroup(conn, seeds)
        for part, marks in _Graph(conn)._chunks(seeds):
            conn.execute(f"DELETE FROM regroup WHERE event_id IN ({marks})", part)
    return written


def _regroup_all(conn: sqlite3.Connection) -> int:
    index = Index(conn)
    index.load_all()
    g = _Graph(conn)
    g.adj = {i: {} for i in index.events}
    g.adj.update(index.neighbours(list(index.events.values())))
    for i, ev in index.events.items():
        g.span[i], g.doc[i] = span_days(ev), ev.doc
    centre = {i: _is_centre(g, i) for i in g.adj}
    anchor = {i: _anchor(g, i, centre) for i in g.adj}
    members: dict[str, set[str]] = defaultdict(set)
    for i, c in anchor.items():
        if c is not None:
            members[c].add(i)
    groups = [m for c in sorted(members) for m in _partition(g, members[c], g.adj)]
    conn.execute("DELETE FROM event_links")
    conn.execute("DELETE FROM event_anchors")
    conn.execute("DELETE FROM event_blocks")
    conn.execute("DELETE FROM event_groups")
    conn.executemany("INSERT INTO event_blocks (block, lo, event_id) VALUES (?,?,?)", block_rows(index.events.values()))
    conn.executemany("INSERT INTO event_links (a, b, strong, similarity, shared, b_span) VALUES (?,?,?,?,?,?)",
                     ((a, b, *found, g.span[b]) for a, bs in g.adj.items() for b, found in bs.items()))
    conn.executemany("INSERT INTO event_anchors (event_id, document_id, span, centre, anchor) VALUES (?,?,?,?,?)",
                     ((i, g.doc[i], g.span[i], int(centre[i]), anchor[i]) for i in g.adj))
    conn.executemany("INSERT INTO event_groups (event_id, group_id) VALUES (?, ?)",
                     ((m, _group_id(ms)) for ms in groups for m in ms))
    return len(groups)


def _regroup(conn: sqlite3.Connection, seeds: set[str]) -> int:
    g = _Graph(conn)
    # 1. the seeds' links, before and after
    g.links(seeds)
    g.rows(seeds)
    before = {s: dict(g.adj[s]) for s in seeds}
    old_rank = {s: (g.span[s], s) for s in seeds if s in g.centre}
    old_anchor = {s: g.anchor.get(s) for s in seeds}
    index = Index(conn)
    index.load(sorted(seeds))
    live = {i: ev for i, ev in index.events.items() if i in seeds}
    for part, marks in g._chunks(seeds):
        conn.execute(f"DELETE FROM event_blocks WHERE event_id IN ({marks})", part)
    conn.executemany("INSERT INTO event_blocks (block, lo, event_id) VALUES (?,?,?)", block_rows(live.values()))
    found = index.neighbours(list(live.values()))
    for s in seeds:
        g.adj[s] = dict(found.get(s, {})) if s in live else {}
    touched = set(seeds).union(*before.values(), *g.adj.values())
    for part, marks in g._chunks(seeds):
        conn.execute(f"DELETE FROM event_links WHERE a IN ({marks})", part)
        conn.execute(f"DELETE FROM event_links WHERE b IN ({marks})", part)
    for s, ev in live.items():
        g.span[s], g.doc[s] = span_days(ev), ev.doc
    g.rows(touched - seeds)     # the rank of every event a seed links to
    new_links = [pair for s in live for b, f in g.adj[s].items() for pair in ((s, b, f), (b, s, f))]
    conn.executemany("INSERT OR REPLACE INTO event_links (a, b, strong, similarity, shared, b_span)"
                     " VALUES (?,?,?,?,?,?)", ((a, b, *f, g.span[b]) for a, b, f in new_links))
    # 2. which of the events a seed links to (or linked to) are centres now: only a seed can have
    # changed that, so an event's links are read only when a seed that outranked it is gone
    near = {i for i in touched if i in live or (i in g.centre and i not in seeds)}    # alive and groupable
    seeds_now: dict[str, list[str]] = defaultdict(list)
    seeds_then: dict[str, list[str]] = defaultdict(list)
    for s in live:
        for j in g.adj[s]:
            seeds_now[j].append(s)
    for s, links in before.items():
        for j in links:
            seeds_then[j].append(s)
    centre: dict[str, bool] = {}
    unsure = []
    for i in near - seeds:
        mine = g.rank(i)
        if any(g.rank(s) < mine for s in seeds_now[i]):
            centre[i] = False
        elif g.centre[i] or not any(old_rank[s] < mine for s in seeds_then[i] if s in old_rank):
            centre[i] = g.centre[i]
        else:
            unsure.append(i)
    g.links(unsure)
    g.rows({j for i in unsure for j in g.adj[i]})
    for i in unsure:
        centre[i] = _is_centre(g, i)
    for s in live:
        centre[s] = _is_centre(g, s)
    flipped = {i for i in near - seeds if centre[i] != g.centre[i]}
    # 3. the events that may join another centre: those near a seed, and the neighbours of events
    # that became or stopped being centres. One keeps its centre unless that centre stopped being
    # one, or is a seed, or it stopped being a centre itself; then a better centre can only be a
    # seed or an event that became a centre.
    g.links(flipped)
    rejoin = near | {j for i in flipped for j in g.adj[i]}
    g.rows(rejoin)
    rejoin = {i for i in rejoin if i in live or (i in g.centre and i not in seeds)}
    for i in rejoin:
        centre.setdefault(i, g.centre.get(i, False))
    g.rows({a for i in rejoin if (a := g.anchor.get(i)) is not None})
    kept: dict[str, str] = {}
    full: list[str] = []
    for i in rejoin:
        if centre[i]:
            continue
        a = g.anchor.get(i)
        if i in seeds or g.centre.get(i) or (a is not None and (a in seeds or not _centre_of(g, centre, a))):
            full.append(i)
        elif a is not None:
            kept[i] = a
    g.links(full)
    g.rows({j for i in full for j in g.adj[i]})
    for i in full:
        for j in g.adj[i]:
            if j not in centre:
                centre[j] = g.centre[j]
    held = _links_between(conn, kept.items())
    offered: dict[str, list[tuple]] = defaultdict(list)    # new centres linked to an event
    for x in list(live) + [i for i in flipped if centre[i]]:
        if centre[x]:
            for j, found in g.adj[x].items():
                offered[j].append(_strength(found, x))
    full_set = set(full)
    anchor: dict[str, str | None] = {}
    for i in rejoin:
        if centre[i]:
            anchor[i] = i
        elif i in full_set:
            anchor[i] = _anchor(g, i, centre)
        else:       # its centre (if any) still stands: a new centre may be better
            options = offered[i] + ([_strength(held[(i, kept[i])], kept[i])] if i in kept else [])
            anchor[i] = min(options)[-1] if options else None
    # 4. the centres whose events changed are split into groups again
    moved = {i for i in rejoin if anchor[i] != g.anchor.get(i)} | (rejoin & seeds)
    centres = {c for i in moved for c in (anchor[i], g.anchor.get(i)) if c}
    centres |= {c for s in seeds if (c := old_anchor.get(s))}
    old_members: dict[str, set[str]] = defaultdict(set)
    for part, marks in g._chunks(centres):
        for event_id, c in conn.execute(f"SELECT event_id, anchor FROM event_anchors WHERE anchor IN ({marks})", part):
            old_members[c].add(event_id)
    members: dict[str, set[str]] = {c: {i for i in old_members[c] if i not in anchor and i not in seeds}
                                    for c in centres}
    for i, c in anchor.items():
        if c in members:
            members[c].add(i)
    everyone: set[str] = set().union(*members.values())
    g.rows(everyone | centres)
    among = _links_among(conn, everyone)
    groups = [m for c in sorted(members) if _centre_of(g, centre, c) and c in members[c]
              for m in _partition(g, members[c], among)]
    stale = seeds | everyone | set().union(*old_members.values())
    for part, marks in g._chunks(stale):
        conn.execute(f"DELETE FROM event_groups WHERE event_id IN ({marks})", part)
    conn.executemany("INSERT INTO event_groups (event_id, group_id) VALUES (?, ?)",
                     ((m, _group_id(ms)) for ms in groups for m in ms))
    # 5. what is stored for the next build: the seeds' rows, and the rows that changed
    dead = seeds - set(live)
    for part, marks in g._chunks(dead):
        conn.execute(f"DELETE FROM event_anchors WHERE event_id IN ({marks})", part)
    changed = [i for i in rejoin if i in live or centre[i] != g.centre.get(i) or anchor[i] != g.anchor.get(i)]
    conn.executemany("INSERT OR REPLACE INTO event_anchors (event_id, document_id, span, centre, anchor)"
                     " VALUES (?,?,?,?,?)", ((i, g.doc[i], g.span[i], int(centre[i]), anchor[i]) for i in changed))
    return len(groups)


def _centre_of(g: _Graph, centre: dict[str, bool], i: str) -> bool:
    if i not in centre:
        g.rows([i])
        centre[i] = g.centre.get(i, False)
    return centre[i]


def _links_between(conn: sqlite3.Connection, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], Link]:
    """The stored links of these pairs of events."""
    pairs = sorted(pairs)
    out: dict[tuple[str, str], Link] = {}
    for k in range(0, len(pairs), 400):
        part = pairs[k:k + 400]
        for a, b, strong, similarity, shared in conn.execute(
                f"WITH p(a, b) AS (VALUES {','.join(['(?, ?)'] * len(part))}) SELECT l.a, l.b, l.strong,"
                " l.similarity, l.shared FROM p JOIN event_links l ON l.a = p.a AND l.b = p.b",
                [x for pair in part for x in pair]):
            out[(a, b)] = (strong, similarity, shared)
    return out


def _links_among(conn: sqlite3.Connection, ids: set[str]) -> dict[str, dict[str, Link]]:
    """The stored links between two of these events, by event."""
    out: dict[str, dict[str, Link]] = {i: {} for i in ids}
    for part, marks in _Graph(conn)._chunks(ids):
        for a, b, strong, similarity, shared in conn.execute(
                f"SELECT a, b, strong, similarity, shared FROM event_links WHERE a IN ({marks})", part):
            if b in out:
                out[a][b] = (strong, similarity, shared)
    return out


def event_group(conn: sqlite3.Connection, event_id: str) -> dict | None:
    """The group of an event: every source, the agreed date, or the disagreement."""
    row = conn.execute("SELECT group_id FROM event_groups WHERE event_id = ?", (event_id,)).fetchone()
    if not row:
        return None
    members = [dict(r) for r in conn.execute(
        "SELECT e.id, e.date, e.type, e.exact AS trigger, e.sentence, d.doc, d.title FROM event_groups g"
        " JOIN events e ON e.id = g.event_id JOIN documents d ON d.id = e.document_id WHERE g.group_id = ?"
        " ORDER BY d.doc", (row["group_id"],))]
    dates = [m["date"] for m in members if m["date"]]
    agreed = all(dates_agree(a, b) for i, a in enumerate(dates) for b in dates[i + 1:])
    best = min(dates, key=lambda d: _span_days(d)) if dates and agreed else None
    return {"group": row["group_id"], "date": best, "dates_agree": agreed, "sources": members}


def _span_days(value: str) -> int:
    from datetime import date
    lo, hi = edtf.bounds(value)
    return (date.fromisoformat(hi) - date.fromisoformat(lo)).days
