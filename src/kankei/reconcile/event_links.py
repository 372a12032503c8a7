"""Candidate links between events told by different documents, found by blocks.

Two events are linked when they have the same type, share an actor, come from different
documents and either agree on the date (one within the other) with some words or a second
actor in common (a strong link), or lie within five years of each other with many words and
two actors in common (a weak link: the sources disagree on the date). Events are kept in
blocks by type and actor (and pairs of actors) sorted by date, so an event's links are sought
among the few events of its blocks and date window, never across the base.
"""
from __future__ import annotations

import re
import sqlite3
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

_WORD = re.compile(r"[a-z]{3,}")
_STOP = frozenset("the and for with that this from was were had has have its their which who into after before".split())
WINDOW_YEARS = 5        # a weak link spans at most this many years between two dates
MAX_SPAN_YEARS = 2      # an event dated vaguer than this (a decade, an open end) is grouped with nothing
CHUNK = 500


def _words(sentence: str | None) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall((sentence or "").lower()) if w not in _STOP)


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
class Ev:
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


def link(a: Ev, b: Ev) -> tuple[int, float, int] | None:
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


class Index:
    """Groupable asserted events in blocks sorted by start: by (type, actor), where strong links
    are sought among overlapping dates, and by (type, actor, actor), where weak links are sought
    within WINDOW_YEARS (a weak link needs two actors in common). Loaded whole, or on demand from
    the blocks stored in event_blocks (an index range per block and window: what is read grows with
    the events near the asked ones, not with the base)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.events: dict[str, Ev] = {}
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
        for k in range(0, len(missing), CHUNK):
            part = missing[k:k + CHUNK]
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
                self.events[r[0]] = Ev(r[0], r[1], r[2], r[3], r[4], r[5])

    def neighbours(self, evs: list[Ev]) -> dict[str, dict[str, tuple[int, float, int]]]:
        """Each event's linked events, with the link (loaded as needed)."""
        wanted: dict[_Key, list[tuple[str, str, Ev]]] = defaultdict(list)
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
        blocks = self.blocks if self.whole else {key: self._block(key, asks) for key, asks in wanted.items()}
        if not self.whole:      # the events of every block read at once
            self.load({i for rows in blocks.values() for _, i in rows})
        for key, asks in wanted.items():
            rows = blocks.get(key)
            if rows and not self.whole:
                rows = [r for r in rows if r[1] in self.events]
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

    def _block(self, key: _Key, asks: list[tuple[str, str, Ev]]) -> list[tuple[str, str]]:
        """The events of one block within the asked windows, from the stored blocks (merged windows)."""
        spans = sorted((low, high) for low, high, _ in asks)
        merged: list[list[str]] = []
        for low, high in spans:
            if merged and low <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], high)
            else:
                merged.append([low, high])
        ids: set[tuple[str, str]] = set()
        for low, high in merged:
            ids.update((r[0], r[1]) for r in self.conn.execute(
                "SELECT lo, event_id FROM event_blocks WHERE block = ? AND lo BETWEEN ? AND ?", (block_name(key), low, high)))
        return sorted(ids)


def block_name(key: _Key) -> str:
    return "\x1f".join(key)


def block_rows(evs: Iterable[Ev]) -> Iterator[tuple[str, str, str]]:
    """(block, start, event id) of each block the events are kept in, as stored in event_blocks."""
    for ev in evs:
        for key in _keys(ev):
            yield block_name(key), ev.lo, ev.id


# Strong links need overlapping dates; events are kept by how long their date is, so that the
# search for those overlapping a date looks back only as far as the longest of each kind.
_CLASSES = (("day", 0), ("month", 31), ("year", 366), ("years", 366 * (MAX_SPAN_YEARS + 1)))
_KINDS = frozenset(kind for kind, _ in _CLASSES)


def span_days(ev: Ev) -> int:
    """How many days an event's date leaves open: 0 for a day (the most precise ranks first)."""
    return (date.fromisoformat(ev.hi) - date.fromisoformat(ev.lo)).days


def _span_class(ev: Ev) -> tuple[str, int]:
    days = span_days(ev)
    return next((c for c in _CLASSES if days <= c[1]), _CLASSES[-1])


def _days_before(day: str, days: int) -> str:
    if not days:
        return day
    try:
        return (date.fromisoformat(day) - timedelta(days=days)).isoformat()
    except (ValueError, OverflowError):
        return "0000-01-01"


def _keys(ev: Ev) -> list[_Key]:
    """The blocks an event is kept in: (type, actor, length class), (type, actor, actor) and
    (type, actor, place)."""
    parts = sorted(ev.parts)
    kind = _span_class(ev)[0]
    keys: list[_Key] = [(ev.type, p, kind) for p in parts]
    keys += [(ev.type, p, q) for i, p in enumerate(parts) for q in parts[i + 1:]]
    keys += [(ev.type, p, q) for p in parts for q in sorted(ev.places - ev.parts)]
    return keys
