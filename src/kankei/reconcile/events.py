"""The same occurrence told by several documents becomes one event group."""
from __future__ import annotations

import re
import sqlite3
from collections import defaultdict

from kankei import edtf

_WORD = re.compile(r"[a-z]{3,}")
_STOP = frozenset("the and for with that this from was were had has have its their which who into after before".split())


def _words(sentence: str | None) -> set[str]:
    return {w for w in _WORD.findall((sentence or "").lower()) if w not in _STOP}


def dates_agree(a: str | None, b: str | None) -> bool:
    """December 14 and December 1959 agree (one within the other); 1958 and 1959 do not."""
    ba, bb = edtf.bounds(a), edtf.bounds(b)
    if not ba or not bb:
        return True
    return (ba[0] <= bb[0] and bb[1] <= ba[1]) or (bb[0] <= ba[0] and ba[1] <= bb[1])


def _overlap(a: str | None, b: str | None) -> bool:
    ba, bb = edtf.bounds(a), edtf.bounds(b)
    return bool(ba and bb and ba[0] <= bb[1] and bb[0] <= ba[1])


def group_events(conn: sqlite3.Connection) -> int:
    """Rebuild event_groups; returns the number of groups with more than one document."""
    # only what the sources assert happened: a planned or denied summit is not the summit
    events = {r["id"]: dict(r) for r in conn.execute(
        "SELECT id, document_id, type, date, date_lo, date_hi, sentence FROM events WHERE modality = 'asserted'")}
    parts: dict[str, set[str]] = defaultdict(set)
    for r in conn.execute("SELECT event_id, entity_id FROM event_participants WHERE role != 'location'"):
        parts[r["event_id"]].add(r["entity_id"])
    words = {k: _words(v["sentence"]) for k, v in events.items()}
    # candidate pairs share a type and an actor and lie within a few years of each other:
    # sort each (type, actor) bucket by date and sweep, instead of comparing every pair
    buckets: dict[tuple[str, str], list[str]] = defaultdict(list)
    for k, v in events.items():
        if v["date_lo"]:
            for ent in parts[k]:
                buckets[(v["type"], ent)].append(k)
    parent = {k: k for k in events}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    seen: set[tuple[str, str]] = set()
    for ids in buckets.values():
        ids.sort(key=lambda k: events[k]["date_lo"])
        for i, a in enumerate(ids):
            ea = events[a]
            horizon = _years_later(ea["date_hi"], 5)
            for b in ids[i + 1:]:
                eb = events[b]
                if eb["date_lo"] > horizon:
                    break
                if ea["document_id"] == eb["document_id"] or (a, b) in seen:
                    continue
                seen.add((a, b))
                shared = parts[a] & parts[b]
                union = words[a] | words[b]
                similarity = len(words[a] & words[b]) / len(union) if union else 0.0
                close_in_time = dates_agree(ea["date"], eb["date"]) and _overlap(ea["date"], eb["date"])
                if (close_in_time and (similarity >= 0.12 or len(shared) >= 2)) or (similarity >= 0.35 and len(shared) >= 2):
                    parent[find(a)] = find(b)
    groups: dict[str, list[str]] = defaultdict(list)
    for k in events:
        groups[find(k)].append(k)
    rows = []
    multi = 0
    for members in groups.values():
        if len({events[m]["document_id"] for m in members}) < 2:
            continue
        multi += 1
        gid = "group:" + min(members).split(":", 1)[1]
        rows.extend((m, gid) for m in members)
    with conn:
        conn.execute("DELETE FROM event_groups")
        conn.executemany("INSERT INTO event_groups (event_id, group_id) VALUES (?, ?)", rows)
    return multi


def _years_later(day: str, years: int) -> str:
    return f"{int(day[:4]) + years:04d}{day[4:]}"


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
