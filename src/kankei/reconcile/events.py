"""The same occurrence told by several documents becomes one event group.

Two events are linked when they have the same type, share an actor, come from different
documents and either agree on the date (one within the other) with some words or a second
actor in common (a strong link), or lie within five years of each other with many words and
two actors in common (a weak link: the sources disagree on the date). A group is a set of
events every two of which are linked, at most one per document: links are taken strongest
first, and two groups join only when every pair across them is linked, so that links never
chain (A like B, B like C does not put A with C).

Grouping is recomputed only where the base changed: the build records the events to regroup
(new ones, and the group mates of deleted or re-attributed ones) in `regroup`, and the groups
are recomputed over every event those reach through links. Links never cross the edge of that
set, so the result is the same as regrouping the whole base, whatever the order documents
came in.
"""
from __future__ import annotations

import re
import sqlite3
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from kankei import edtf

_WORD = re.compile(r"[a-z]{3,}")
_STOP = frozenset("the and for with that this from was were had has have its their which who into after before".split())
WINDOW_YEARS = 5        # a weak link spans at most this many years between two dates
MAX_SPAN_YEARS = 2      # an event dated vaguer than this (a decade, an open end) is grouped with nothing
_CHUNK = 500


def _words(sentence: str | None) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall((sentence or "").lower()) if w not in _STOP)


def dates_agree(a: str | None, b: str | None) -> bool:
    """December 14 and December 1959 agree (one within the other); 1958 and 1959 do not."""
    ba, bb = edtf.bounds(a), edtf.bounds(b)
    if not ba or not bb:
        return True
    return (ba[0] <= bb[0] and bb[1] <= ba[1]) or (bb[0] <= ba[0] and ba[1] <= bb[1])


def _overlap(a: str | None, b: str | None) -> bool:
    ba, bb = edtf.bounds(a), edtf.bounds(b)
    return bool(ba and bb and ba[0] <= bb[1] and bb[0] <= ba[1])


def years_later(day: str, years: int) -> str:
    """The day `years` later (or earlier), as a date string kept within 0000–9999: an open end's
    horizon stays 9999-12-31, which compares as a date ("10004-12-31" would sort before "1960")."""
    year = int(day[:4]) + years
    if year > 9999:
        return "9999-12-31"
    if year < 0:
        return "0000-01-01"
    return f"{year:04d}{day[4:]}"


@dataclass(slots=True)
class _Ev:
    id: str
    doc: str
    type: str
    lo: str
    hi: str
    sentence: str | None
    parts: set[str] = field(default_factory=set)      # its actors
    places: set[str] = field(default_factory=set)     # where it happened: a place completes a pair of actors
    _words: frozenset[str] | None = None
    _reach: str | None = None

    @property
    def words(self) -> frozenset[str]:
        if self._words is None:
            self._words = _words(self.sentence)
            self.sentence = None
        return self._words

    @property
    def reach(self) -> str:
        """The last day a weak link from this event can reach."""
        if self._reach is None:
            self._reach = years_later(self.hi, WINDOW_YEARS)
        return self._reach


def _groupable(lo: str | None, hi: str | None) -> bool:
    if not (lo and hi and lo[:4].isdigit() and hi[:4].isdigit() and lo[:4] != "0000"):
        return False     # undated, BCE, or open at the start
    return int(hi[:4]) - int(lo[:4]) <= MAX_SPAN_YEARS


def link(a: _Ev, b: _Ev) -> tuple[int, float, int] | None:
    """(strong, word similarity, actors shared) when a and b may tell one occurrence, else None."""
    if a.doc == b.doc or a.type != b.type:
        return None
    if b.lo > a.reach or a.lo > b.reach:
        return None
    shared = len(a.parts & b.parts)
    if not shared:
        return None
    shared += len(a.places & b.places)      # (a launch over Japan by North Korea, told twice)
    within = (a.lo <= b.lo and b.hi <= a.hi) or (b.lo <= a.lo and a.hi <= b.hi)   # agree, hence overlap
    if not within and shared < 2:
        return None
    wa, wb = a.words, b.words
    union = len(wa | wb)
    similarity = len(wa & wb) / union if union else 0.0
    if within and (similarity >= 0.12 or shared >= 2):
        return 1, similarity, shared
    if similarity >= 0.35 and shared >= 2:
        return 0, similarity, shared
    return None


_Key = tuple[str, str, str]     # (type, actor, length class) for strong links, (type, actor, actor) for weak ones


class _Index:
    """Groupable asserted events in blocks sorted by start: by (type, actor), where strong links
    are sought among overlapping dates, and by (type, actor, actor), where weak links are sought
    within WINDOW_YEARS (a weak link needs two actors in common). Loaded whole, or on demand."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.events: dict[str, _Ev] = {}
        self.blocks: dict[_Key, list[tuple[str, str]]] = {}
        self.whole = False

    def load_all(self) -> None:
        self._add(self.conn.execute(
            "SELECT id, document_id, type, date_lo, date_hi, sentence FROM events WHERE modality = 'asserted'"
            " AND date_lo IS NOT NULL"))
        for event_id, entity, role in self.conn.execute("SELECT event_id, entity_id, role FROM event_participants"):
            ev = self.events.get(event_id)
            if ev is not None:
                (ev.places if role == "location" else ev.parts).add(entity)
        blocks: dict[_Key, list[tuple[str, str]]] = defaultdict(list)
        for ev in self.events.values():
            for key in _keys(ev):
                blocks[key].append((ev.lo, ev.id))
        for rows in blocks.values():
            rows.sort()
        self.blocks, self.whole = dict(blocks), True

    def load(self, ids: Iterable[str]) -> None:
        missing = [i for i in ids if i not in self.events]
        for k in range(0, len(missing), _CHUNK):
            part = missing[k:k + _CHUNK]
            marks = ",".join("?" * len(part))
            self._add(self.conn.execute(
                "SELECT id, document_id, type, date_lo, date_hi, sentence FROM events WHERE modality = 'asserted'"
                f" AND date_lo IS NOT NULL AND id IN ({marks})", part))
            for event_id, entity, role in self.conn.execute(
                    f"SELECT event_id, entity_id, role FROM event_participants WHERE event_id IN ({marks})", part):
                ev = self.events.get(event_id)
                if ev is not None:
                    (ev.places if role == "location" else ev.parts).add(entity)

    def _add(self, rows) -> None:
        for r in rows:
            if _groupable(r[3], r[4]):
                self.events[r[0]] = _Ev(r[0], r[1], r[2], r[3], r[4], r[5])

    def neighbours(self, evs: list[_Ev]) -> dict[str, dict[str, tuple[int, float, int]]]:
        """Each event's linked events, with the link (loaded as needed)."""
        wanted: dict[_Key, list[tuple[str, str, _Ev]]] = defaultdict(list)
        for ev in evs:
            weak_low = years_later(ev.lo, -(WINDOW_YEARS + MAX_SPAN_YEARS + 1))
            for p in ev.parts:      # overlapping dates: of each length, starting at most that long before
                for kind, days in _CLASSES:
                    wanted[(ev.type, p, kind)].append((_days_before(ev.lo, days), ev.hi, ev))
            for key in _keys(ev):
                if key[2] in _KINDS:
                    continue
                wanted[key].append((weak_low, ev.reach, ev))
        out: dict[str, dict[str, tuple[int, float, int]]] = defaultdict(dict)
        for key, asks in wanted.items():
            if not self.whole and len(self.events) > LOAD_ALL_OVER:
                self.load_all()     # a dense base: one read of every event beats many small ones
            rows = self.blocks.get(key) if self.whole else self._block(key, asks)
            if not rows:
                continue
            for low, high, ev in asks:
                i, j = bisect_left(rows, (low, "")), bisect_right(rows, (high, "\uffff"))
                mine = out[ev.id]
                for _, other_id in rows[i:j]:
                    if other_id != ev.id and other_id not in mine:
                        other = self.events.get(other_id)
                        if other is not None and (found := link(ev, other)):
                            mine[other_id] = found
                            out[other_id][ev.id] = found
        return out

    def _block(self, key: _Key, asks: list[tuple[str, str, _Ev]]) -> list[tuple[str, str]]:
        """The events of one block within the asked windows, from the base (merged windows)."""
        spans = sorted((low, high) for low, high, _ in asks)
        merged: list[list[str]] = []
        for low, high in spans:
            if merged and low <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], high)
            else:
                merged.append([low, high])
        if key[2] in _KINDS:    # the class is told apart once loaded
            sql = ("SELECT e.date_lo, e.id FROM event_participants p JOIN events e ON e.id = p.event_id"
                   " WHERE p.entity_id = ? AND p.role != 'location' AND e.type = ? AND e.modality = 'asserted'"
                   " AND e.date_lo BETWEEN ? AND ?")
            args: tuple = (key[1], key[0])
        else:
            sql = ("SELECT e.date_lo, e.id FROM event_participants p JOIN event_participants q ON q.event_id = p.event_id"
                   " JOIN events e ON e.id = p.event_id WHERE p.entity_id = ? AND p.role != 'location'"
                   " AND q.entity_id = ? AND e.type = ? AND e.modality = 'asserted'"
                   " AND e.date_lo BETWEEN ? AND ?")
            args = (key[1], key[2], key[0])
        ids: set[tuple[str, str]] = set()
        for low, high in merged:
            ids.update((r[0], r[1]) for r in self.conn.execute(sql, (*args, low, high)))
        self.load([i for _, i in ids])
        if key[2] in _KINDS:
            ids = {(lo, i) for lo, i in ids if i in self.events and _span_class(self.events[i])[0] == key[2]}
        return sorted(ids)


# Strong links need overlapping dates; events are kept by how long their date is, so that the
# search for those overlapping a date looks back only as far as the longest of each kind.
_CLASSES = (("day", 0), ("month", 31), ("year", 366), ("years", 366 * (MAX_SPAN_YEARS + 1)))
_KINDS = frozenset(kind for kind, _ in _CLASSES)


def _span_class(ev: _Ev) -> tuple[str, int]:
    days = (date.fromisoformat(ev.hi) - date.fromisoformat(ev.lo)).days
    return next((c for c in _CLASSES if days <= c[1]), _CLASSES[-1])


def _days_before(day: str, days: int) -> str:
    if not days:
        return day
    try:
        return (date.fromisoformat(day) - timedelta(days=days)).isoformat()
    except (ValueError, OverflowError):
        return "0000-01-01"


def _keys(ev: _Ev) -> list[_Key]:
    """The blocks an event is kept in: (type, actor, length class), (type, actor, actor) and
    (type, actor, place)."""
    parts = sorted(ev.parts)
    kind = _span_class(ev)[0]
    keys: list[_Key] = [(ev.type, p, kind) for p in parts]
    keys += [(ev.type, p, q) for i, p in enumerate(parts) for q in parts[i + 1:]]
    keys += [(ev.type, p, q) for p in parts for q in sorted(ev.places - ev.parts)]
    return keys


def group_events(conn: sqlite3.Connection, full: bool = False) -> int:
    """Regroup the events marked in `regroup` and every event they reach through links (all events
    with full); returns the number of groups written."""
    seeds = [r[0] for r in conn.execute("SELECT event_id FROM regroup")]
    if not full and not seeds:
        return 0
    index = _Index(conn)
    if full:
        index.load_all()
        component = set(index.events)
        edges = index.neighbours(list(index.events.values()))
        component_all = component
    else:
        # the group mates of the seeds: a group whose member changed is regrouped whole
        start = set(seeds) | _group_mates(conn, seeds)
        index.load(sorted(start))
        component, edges = _reach(index, {i for i in start if i in index.events})
        component_all = component | {i for i in start if i not in index.events}   # deleted, or not groupable
    groups = _cluster(index.events, component, edges)
    rows = [(m, gid) for gid, members in groups.items() for m in members]
    with conn:
        if full:
            conn.execute("DELETE FROM event_groups")
        else:
            old = _groups_of(conn, component_all)
            stale = component_all | {m for ms in old.values() for m in ms}
            ids = sorted(stale)
            for k in range(0, len(ids), _CHUNK):
                part = ids[k:k + _CHUNK]
                conn.execute(f"DELETE FROM event_groups WHERE event_id IN ({','.join('?' * len(part))})", part)
        conn.executemany("INSERT OR REPLACE INTO event_groups (event_id, group_id) VALUES (?, ?)", rows)
        conn.executemany("DELETE FROM regroup WHERE event_id = ?", [(s,) for s in seeds])
    return len(groups)


LOAD_ALL_OVER = 3000
"""Events reached one block at a time from the base before it is cheaper to load every event at once."""


def _reach(index: _Index, start: set[str]) -> tuple[set[str], dict[str, dict[str, tuple[int, float, int]]]]:
    """Every event linked, directly or through others, to the start events, and their links."""
    component = set(start)
    edges: dict[str, dict[str, tuple[int, float, int]]] = defaultdict(dict)
    frontier = sorted(component)
    while frontier:
        found = index.neighbours([index.events[i] for i in frontier])
        fresh = set()
        for a, bs in found.items():
            edges[a].update(bs)
            fresh.update(b for b in bs if b not in component)
        component |= fresh
        frontier = sorted(fresh)
    return component, edges


def _group_mates(conn: sqlite3.Connection, ids: list[str]) -> set[str]:
    out: set[str] = set()
    for k in range(0, len(ids), _CHUNK):
        part = ids[k:k + _CHUNK]
        out.update(r[0] for r in conn.execute(
            "SELECT g2.event_id FROM event_groups g1 JOIN event_groups g2 ON g2.group_id = g1.group_id"
            f" WHERE g1.event_id IN ({','.join('?' * len(part))})", part))
    return out


def _groups_of(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, set[str]]:
    ids = sorted(ids)
    out: dict[str, set[str]] = defaultdict(set)
    for k in range(0, len(ids), _CHUNK):
        part = ids[k:k + _CHUNK]
        for gid, event_id in conn.execute(
                "SELECT g2.group_id, g2.event_id FROM event_groups g1 JOIN event_groups g2 ON g2.group_id = g1.group_id"
                f" WHERE g1.event_id IN ({','.join('?' * len(part))})", part):
            out[gid].add(event_id)
    return out


def _cluster(events: dict[str, _Ev], members: set[str],
             edges: dict[str, dict[str, tuple[int, float, int]]]) -> dict[str, list[str]]:
    """Groups (id -> sorted members) of the events linked to each other, strongest links first."""
    links = []
    for a in members:
        for b, (strong, similarity, shared) in edges.get(a, {}).items():
            if a < b and b in members:
                links.append((-strong, -similarity, -shared, a, b))
    links.sort()
    group: dict[str, tuple[list[str], set[str]]] = {}     # event -> (members, their documents), shared
    for _, _, _, a, b in links:
        ga = group.get(a) or ([a], {events[a].doc})
        gb = group.get(b) or ([b], {events[b].doc})
        if ga is gb:
            continue
        if not ga[1].isdisjoint(gb[1]):
            continue        # at most one event per document
        if not all(y in edges[x] for x in ga[0] for y in gb[0]):
            continue        # every two members linked: no chains
        merged = (ga[0] + gb[0], ga[1] | gb[1])
        for x in merged[0]:
            group[x] = merged
    out: dict[str, list[str]] = {}
    for members_, _ in {id(g): g for g in group.values()}.values():
        ordered = sorted(members_)
        out["group:" + ordered[0].split(":", 1)[1]] = ordered
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
