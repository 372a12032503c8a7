"""Machine proposals to merge entities across documents, recorded as undoable judgements.

A proposal a person has undone is never made again; one that no longer holds is withdrawn.

- a surname alone (`person:sato`) and the one person of the corpus with that family name;
- spelling variants of a detected name (`Kanemaru Shin` / `Kanemaru Sin`), or of a known one.
"""
from __future__ import annotations

import sqlite3
from collections import defaultdict

from rapidfuzz import fuzz

from kankei.recognize.gazetteer import fold, gazetteer

AUTHOR = "kankei"


def _names(conn: sqlite3.Connection) -> dict[str, dict]:
    """The entities the machine found mentions of (how many: `_mentions`, asked only of the few
    that a merge pairs, so that a build does not count every mention of the base)."""
    return {r["id"]: dict(r) for r in conn.execute(
        "SELECT e.id, e.name, e.type, e.origin FROM entities e"
        " WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.machine_entity_id = e.id) ORDER BY e.id")}


def _mentions(conn: sqlite3.Connection, e: dict) -> int:
    if "n" not in e:
        e["n"] = conn.execute("SELECT count(*) FROM mentions WHERE machine_entity_id = ?", (e["id"],)).fetchone()[0]
    return e["n"]


def _family(tokens: list[str]) -> set[str]:
    return {tokens[0], tokens[-1]} if len(tokens) >= 2 else set()


def _variant_pairs(detected: list[dict], keys: list[str]) -> dict[int, list[int]]:
    """i -> the j > i whose name is a spelling variant of i's: same type and first letter, and a
    similarity of 90 or the same words in another order. Each name is compared in C with its block
    (names sharing type and first letter), not pair by pair in Python."""
    from rapidfuzz import process
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (e, key) in enumerate(zip(detected, keys, strict=True)):
        blocks[(e["type"], key[:1])].append(i)
    out: dict[int, set[int]] = defaultdict(set)
    for members in blocks.values():
        if len(members) < 2:
            continue
        names = [keys[i] for i in members]
        for r, i in enumerate(members):
            for _, _, c in process.extract(names[r], names, scorer=fuzz.ratio, score_cutoff=90, limit=None):
                if members[c] > i:
                    out[i].add(members[c])
        by_words: dict[str, list[int]] = defaultdict(list)     # token_sort_ratio == 100
        for i in members:
            by_words[" ".join(sorted(keys[i].split()))].append(i)
        for same in by_words.values():
            for x, i in enumerate(same):
                out[i].update(j for j in same[x + 1:] if j > i)
    return {i: sorted(js) for i, js in out.items()}


def _known_variants(keys: list[str], known_names: dict[str, str]) -> dict[int, str]:
    """i -> the first known entity (in known_names' order) whose name starts alike and is 92 similar."""
    from rapidfuzz import process
    names = list(known_names)
    if not names or not keys:
        return {}
    by_letter: dict[str, list[int]] = defaultdict(list)
    for col, name in enumerate(names):
        by_letter[name[:1]].append(col)
    out: dict[int, str] = {}
    for i, key in enumerate(keys):
        cols = by_letter.get(key[:1])
        if not cols:
            continue
        found = process.extract(key, [names[c] for c in cols], scorer=fuzz.ratio, score_cutoff=92, limit=None)
        if found:
            out[i] = known_names[names[cols[min(k for _, _, k in found)]]]
    return out


def propose_merges(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """Add machine merge judgements that nobody has made or undone before; returns the new pairs."""
    ents = _names(conn)
    known_names = {}
    gaz = gazetteer()
    proposals: list[tuple[str, str]] = []
    people = [e for e in ents.values() if e["type"] == "person"]
    by_family: dict[str, set[str]] = defaultdict(set)
    for e in people:
        tokens = fold(e["name"]).split()
        entry = gaz.entries.get(e["id"])
        if entry and entry.family:
            by_family[fold(entry.family)].add(e["id"])
        else:
            for t in _family(tokens):
                by_family[t].add(e["id"])
    for e in people:
        tokens = fold(e["name"]).split()
        if len(tokens) == 1 and e["origin"] == "detected":
            full = by_family.get(tokens[0], set()) - {e["id"]}
            if len(full) == 1:
                proposals.append((next(iter(full)), e["id"]))
    # spelling variants among detected names of one type, and detected names that are variants of known ones
    detected = [e for e in ents.values() if e["origin"] == "detected" and len(e["name"]) >= 6]
    for e in ents.values():
        if e["origin"] == "knowledge":
            known_names[fold(e["name"]).lower()] = e["id"]
    keys = [fold(e["name"]).lower() for e in detected]
    pairs = _variant_pairs(detected, keys)
    known = _known_variants(keys, known_names)
    for i, a in enumerate(detected):     # in the order the pairwise loops gave them
        for j in pairs.get(i, ()):
            b = detected[j]
            keep, drop = (a, b) if _mentions(conn, a) >= _mentions(conn, b) else (b, a)
            proposals.append((keep["id"], drop["id"]))
        if i in known:
            proposals.append((known[i], a["id"]))
    # a machine merge that no longer holds (a second Sato came in; a document went) is withdrawn,
    # unless a person has undone it: that is a judgement, and stays on record
    wanted = {frozenset(p) for p in proposals}
    stale = [r["id"] for r in conn.execute("SELECT id, subject, object FROM judgements WHERE kind = 'merge'"
                                           " AND machine = 1 AND undone_at IS NULL")
             if frozenset((r["subject"], r["object"])) not in wanted]
    if stale:
        stale_pairs = [(r["subject"], r["object"]) for r in conn.execute(
            f"SELECT subject, object FROM judgements WHERE id IN ({','.join('?' * len(stale))})", stale)]
        with conn:
            conn.executemany("DELETE FROM judgements WHERE id = ?", [(i,) for i in stale])
        _mark_regroup(conn, stale_pairs)
    made = []
    for subject, obj in proposals:
        seen = conn.execute("SELECT 1 FROM judgements WHERE kind = 'merge' AND ((subject = ? AND object = ?)"
                            " OR (subject = ? AND object = ?))", (subject, obj, obj, subject)).fetchone()
        if seen:        # made before, or undone by a person: leave it
            continue
        with conn:
            conn.execute("INSERT INTO judgements (kind, subject, object, note, author, machine) VALUES"
                         " ('merge', ?, ?, 'same name across documents', ?, 1)", (subject, obj, AUTHOR))
        made.append((subject, obj))
    _mark_regroup(conn, made)
    return made


def _mark_regroup(conn: sqlite3.Connection, pairs: list[tuple[str, str]]) -> None:
    """The events of actors a merge joins or parts will be regrouped (their actors change)."""
    mark_actors_regroup(conn, {x for pair in pairs for x in pair})


def mark_actors_regroup(conn: sqlite3.Connection, actors: set[str]) -> None:
    """Mark for regrouping every event one of these actors takes part in."""
    ids = sorted(actors)
    if not ids:
        return
    with conn:
        for k in range(0, len(ids), 400):
            part = ids[k:k + 400]
            marks = ",".join("?" * len(part))
            conn.execute("INSERT OR IGNORE INTO regroup (event_id) SELECT event_id FROM event_participants"
                         f" WHERE machine_entity_id IN ({marks}) OR entity_id IN ({marks})", part + part)
