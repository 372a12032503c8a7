"""Series and disagreements kept in the base (schema 13), recomputed where a build or a judgement
changed them, and read a page at a time.

A group is the claims of one subject (as people's merges make it) and one property; reconciling it
(kankei.reconcile.claims) reads nothing outside it. A build marks in `claim_regroup`, in each
document's transaction, the (machine subject, property) of every claim it writes or deletes;
`claim_canon` keeps the merges the tables were made under, so that a merge or its undoing recomputes
the groups of the subjects it moves. update_claims() recomputes exactly those groups.
"""
from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import orjson

from kankei.reconcile import claims as rc
from kankei.store.db import main_file

_ROWS = ("SELECT c.*, d.doc, d.title, substr(d.text, c.sentence_start + 1, c.sentence_end - c.sentence_start) AS quote"
         " FROM claims c JOIN documents d ON d.id = c.document_id")
MARK_CLAIMS = ("INSERT OR IGNORE INTO claim_regroup (subject, property)"
               " SELECT DISTINCT subject, property FROM claims WHERE document_id = ?")
"""What a build runs for each document it writes or deletes (in the same transaction)."""
FULL_PASS = 200
"""Groups to recompute beyond which all claims are read in one query rather than group by group."""


def pending(conn: sqlite3.Connection) -> bool:
    """Whether the stored series lag the claims or the merges in force."""
    from kankei.reconcile.judgements import canonical_map
    if conn.execute("SELECT 1 FROM claim_regroup LIMIT 1").fetchone():
        return True
    return canonical_map(conn) != _stored_canon(conn)


def _stored_canon(conn: sqlite3.Connection) -> dict[str, str]:
    return {r[0]: r[1] for r in conn.execute("SELECT subject, canonical FROM claim_canon")}


def update_claims(conn: sqlite3.Connection, aside: Aside | None = None) -> int:
    """Recompute the series and disagreements of the groups marked or moved by a merge; returns how many
    groups were recomputed. One write transaction, so what is read is what is replaced. `aside`: the
    groups as another process computed them (see claims_aside), used when nothing has been written
    to the base by anyone else since it read them."""
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        ready = aside.result() if aside is not None else None
        if ready is not None and ready.version == _data_version(conn):
            plan, rows = ready.plan, ready.rows
        else:
            plan = _plan(conn)
            rows = None if plan is None else {t: _group_rows(*t, members)
                                              for t, members in _members(conn, plan.targets, plan.merged).items()}
        if plan is None:
            return 0
        for subject, prop in sorted(plan.targets):
            _write_group(conn, subject, prop, rows.get((subject, prop)))
        if plan.moved:
            conn.execute("DELETE FROM claim_canon")
            conn.executemany("INSERT INTO claim_canon (subject, canonical) VALUES (?, ?)", sorted(plan.merged.items()))
        conn.executemany("DELETE FROM claim_regroup WHERE subject = ? AND property = ?", plan.marks)
    return len(plan.targets)


@dataclass
class _Plan:
    merged: dict[str, str]
    marks: list[tuple[str, str]]
    moved: list[str]
    targets: set[tuple[str, str]]


def _plan(conn: sqlite3.Connection) -> _Plan | None:
    """The groups to recompute (None when there are none)."""
    from kankei.reconcile.judgements import canonical_map
    merged = canonical_map(conn)
    stored = _stored_canon(conn)
    marks = [(r[0], r[1]) for r in conn.execute("SELECT subject, property FROM claim_regroup")]
    moved = sorted(s for s in set(merged) | set(stored) if merged.get(s, s) != stored.get(s, s))
    if not marks and not moved:
        return None
    targets: set[tuple[str, str]] = set()
    for s, p in marks:
        targets.update(((merged.get(s, s), p), (stored.get(s, s), p)))
    for s in moved:
        for (p,) in conn.execute("SELECT DISTINCT property FROM claims WHERE subject = ?", (s,)):
            targets.update(((merged.get(s, s), p), (stored.get(s, s), p)))
    return _Plan(merged, marks, moved, targets)


def _data_version(conn: sqlite3.Connection) -> int:
    """Changes when another connection (another build, or anyone) commits to the base."""
    return conn.execute("PRAGMA data_version").fetchone()[0]


# --- the groups computed aside -------------------------------------------------------------------
# A parallel build's writer reconciles alone at the end: the events' groups and the claims' series read
# and write different tables, so the claims' are read and computed in a process of their own meanwhile.

ASIDE_CLAIMS = 3000
"""Claims in the base from which a parallel build computes their series aside (a fresh process takes
about half a second to start)."""


@dataclass
class _Ready:
    version: int        # the writer's data_version when the process was started
    plan: _Plan | None
    rows: dict | None


class Aside:
    """update_claims' reading and computing, running in another Python process (started by claims_aside).
    A fresh interpreter rather than a fork (which would carry this process's SQLite locks over) or
    multiprocessing's spawn (which imports the caller's main script again)."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        import os
        import subprocess
        import sys
        self._version = _data_version(conn)     # nothing of this connection's is uncommitted here
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
        self._process = subprocess.Popen(
            [sys.executable, "-c", "import sys; from kankei.reconcile.claim_store import _aside_main; _aside_main(sys.argv[1])",
             path], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)

    def result(self) -> _Ready | None:
        """The groups as computed aside, or None if that failed (they are then computed here)."""
        import pickle
        try:
            out, _ = self._process.communicate()
            if self._process.returncode != 0:
                return None
            plan, rows = pickle.loads(out)
        except Exception:  # noqa: BLE001 - whatever went wrong there, the groups are computed here
            return None
        finally:
            self.close()
        return _Ready(self._version, plan, rows)

    def close(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()
        if self._process.stdout is not None:
            self._process.stdout.close()


def claims_aside(conn: sqlite3.Connection) -> Aside | None:
    """Start computing update_claims' groups in another process, when conn is an SQLite base in a file with
    enough claims to be worth it; None otherwise."""
    if not isinstance(conn, sqlite3.Connection) or conn.in_transaction:
        return None
    path = main_file(conn)
    if not path or conn.execute("SELECT count(*) FROM claims").fetchone()[0] < ASIDE_CLAIMS:
        return None
    try:
        return Aside(conn, path)
    except OSError:
        return None


def _aside_main(path: str) -> None:
    """In the other process: a snapshot of the base read, its groups computed and written to stdout."""
    import pickle
    import sys
    conn = sqlite3.connect(Path(path).as_uri() + "?mode=ro", uri=True, timeout=60)
    conn.row_factory = sqlite3.Row
    with conn:
        conn.execute("BEGIN")
        plan = _plan(conn)
        rows = None if plan is None else {t: _group_rows(*t, members)
                                          for t, members in _members(conn, plan.targets, plan.merged).items()}
    conn.close()
    sys.stdout.buffer.write(pickle.dumps((plan, rows), protocol=pickle.HIGHEST_PROTOCOL))
    sys.stdout.buffer.flush()


def _members(conn: sqlite3.Connection, targets: set[tuple[str, str]],
             merged: dict[str, str]) -> dict[tuple[str, str], list[dict]]:
    """The claims of each target group, in the order reconciliation reads them."""
    if len(targets) > FULL_PASS:
        rows = [dict(r) for r in conn.execute(_ROWS)]
    else:
        into: dict[str, list[str]] = defaultdict(list)
        for k, v in merged.items():
            into[v].append(k)
        rows = []
        for subject, prop in sorted(targets):
            raw = ([] if subject in merged else [subject]) + sorted(into.get(subject, ()))
            if raw:
                rows += [dict(r) for r in conn.execute(
                    _ROWS + f" WHERE c.subject IN ({','.join('?' * len(raw))}) AND c.property = ?", (*raw, prop))]
    groups = rc.groups(rc.canonical_rows(conn, rows, merged))
    return {k: v for k, v in groups.items() if k in targets}


def _group_rows(subject: str, prop: str, members: list[dict]) -> tuple | None:
    """The rows of one group's series, points and disagreements (None when it has no claims left)."""
    if not members:
        return None
    sid = rc._series_id(subject, prop)
    series = rc.series_of(members)
    found = rc.rivals(members)
    untimed, width, *_ = rc.series_rank(members)
    doc_of = {m["id"]: m["document_id"] for m in members}
    for p in series["points"]:
        for src in p["sources"]:
            src["document_id"] = doc_of[src["claim"]]     # for the reader's links
    return ((sid, subject, prop, series["subject_name"], int(untimed), width, len(series["points"]), len(found)),
            [(sid, n, _dumps({k: v for k, v in p.items() if k != "sources"}), _dumps(p["sources"]))
             for n, p in enumerate(series["points"])],
            [(rc.conflict_of(series, f)["id"], sid, n, subject, prop, f[2], f[0], f[1]) for n, f in enumerate(found)])


def _write_group(conn: sqlite3.Connection, subject: str, prop: str, rows: tuple | None) -> None:
    sid = rc._series_id(subject, prop)
    for table, key in (("claim_series", "id"), ("claim_points", "series_id"), ("claim_conflicts", "series_id")):
        conn.execute(f"DELETE FROM {table} WHERE {key} = ?", (sid,))
    if rows is None:
        return
    series, points, conflicts = rows
    conn.execute("INSERT INTO claim_series (id, subject, property, subject_name, untimed, width, points, conflicts)"
                 " VALUES (?,?,?,?,?,?,?,?)", series)
    conn.executemany("INSERT INTO claim_points (series_id, n, head, sources) VALUES (?,?,?,?)", points)
    conn.executemany("INSERT INTO claim_conflicts (id, series_id, n, subject, property, time, a, b)"
                     " VALUES (?,?,?,?,?,?,?,?)", conflicts)


# ---------------------------------------------------------------------------------------------
# reading

def subjects_of(conn: sqlite3.Connection, subject: str | None) -> list[str] | None:
    """The subjects (as merges make them) a query names: the id itself, and those of the claims whose
    subject is written so ("returnees to North Korea"); None for every subject."""
    if not subject:
        return None
    merged = _stored_canon(conn)
    out = {merged.get(subject, subject)}
    out.update(merged.get(r[0], r[0]) for r in conn.execute(
        "SELECT DISTINCT subject FROM claims WHERE subject_name = ? COLLATE NOCASE", (subject,)))
    return sorted(out)


def _where(subjects: list[str] | None, column: str = "subject") -> tuple[str, list]:
    if subjects is None:
        return "", []
    return f" WHERE {column} IN ({','.join('?' * len(subjects))})", list(subjects)


# Pages are put together from the stored JSON as text: a page of series can hold megabytes of sources,
# which are never parsed or serialized again.

def _dumps(x) -> str:
    return orjson.dumps(x).decode()


def _point_text(head: str, sources: str) -> str:
    return head[:-1] + ',"sources":' + sources + "}"


def _points(conn: sqlite3.Connection, series_ids: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for k in range(0, len(series_ids), 400):
        part = series_ids[k:k + 400]
        for sid, head, sources in conn.execute(
                f"SELECT series_id, head, sources FROM claim_points WHERE series_id IN ({','.join('?' * len(part))})"
                " ORDER BY series_id, n", part):
            out[sid].append(_point_text(head, sources))
    return out


def _series_text(row, points: list[str]) -> str:
    head = _dumps({"id": row[0], "subject": row[1], "subject_name": row[2], "property": row[3]})
    return head[:-1] + ',"points":[' + ",".join(points) + "]}"


def series_texts(conn: sqlite3.Connection, subject: str | None = None, limit: int | None = None,
                 offset: int = 0, budget: int | None = None) -> tuple[int, list[str]]:
    """(how many series, this page of them as JSON texts) in the order claims() gives them. With a
    budget, the page ends at the first series that brings it past that many characters (a series
    can hold thousands of sources): at least one series, at most `limit`."""
    where, args = _where(subjects_of(conn, subject))
    total = conn.execute("SELECT count(*) FROM claim_series" + where, args).fetchone()[0]
    page = " LIMIT ? OFFSET ?" if limit is not None else ""
    rows = conn.execute("SELECT id, subject, subject_name, property, points FROM claim_series" + where
                        + " ORDER BY untimed, width, subject, property" + page,
                        [*args, limit, offset] if page else args).fetchall()
    if budget is None:
        points = _points(conn, [r[0] for r in rows])
        return total, [_series_text(r, points[r[0]]) for r in rows]
    out: list[str] = []
    size = 0
    for r in rows:
        out.append(_series_text(r, _points(conn, [r[0]])[r[0]]))
        size += len(out[-1])
        if size >= budget:
            break
    return total, out


def series_page(conn: sqlite3.Connection, subject: str | None = None, limit: int | None = None,
                offset: int = 0) -> tuple[int, list[dict]]:
    """(how many series, this page of them) in the order claims() gives them."""
    total, texts = series_texts(conn, subject, limit, offset)
    return total, [orjson.loads(t) for t in texts]


def series_subjects(conn: sqlite3.Connection, subject: str | None = None) -> list[dict]:
    """Every subject with how many series it has, the most first."""
    where, args = _where(subjects_of(conn, subject))
    rows = conn.execute("SELECT subject, max(subject_name), count(*) FROM claim_series" + where
                        + " GROUP BY subject", args)
    return sorted(({"subject": r[0], "name": r[1], "series": r[2]} for r in rows),
                  key=lambda s: (-s["series"], str(s["name"])))


_CONFLICTS = ("SELECT c.id, c.series_id, c.time, c.a, c.b, s.subject, s.subject_name, s.property"
              " FROM claim_conflicts c JOIN claim_series s ON s.id = c.series_id")


def conflict_texts(conn: sqlite3.Connection, subject: str | None = None, limit: int | None = None,
                   offset: int = 0, budget: int | None = None) -> tuple[int, list[str]]:
    """(how many disagreements, this page of them as JSON texts) in the order conflicts() gives them;
    with a budget, as series_texts."""
    where, args = _where(subjects_of(conn, subject), "c.subject")
    total = conn.execute("SELECT count(*) FROM claim_conflicts c" + where, args).fetchone()[0]
    page = " LIMIT ? OFFSET ?" if limit is not None else ""
    rows = conn.execute(_CONFLICTS + where + " ORDER BY c.subject, c.property, c.n" + page,
                        [*args, limit, offset] if page else args).fetchall()
    if budget is None:
        return total, _conflict_texts(conn, rows)
    out: list[str] = []
    size = 0
    for k in range(0, len(rows), 10):
        for text in _conflict_texts(conn, rows[k:k + 10]):
            if out and size + len(text) > budget:
                return total, out
            out.append(text)
            size += len(text)
    return total, out


def conflicts_page(conn: sqlite3.Connection, subject: str | None = None, limit: int | None = None,
                   offset: int = 0) -> tuple[int, list[dict]]:
    """(how many disagreements, this page of them) in the order conflicts() gives them."""
    total, texts = conflict_texts(conn, subject, limit, offset)
    return total, [orjson.loads(t) for t in texts]


def _conflict_texts(conn: sqlite3.Connection, rows: list) -> list[str]:
    """Each disagreement as conflict_of() makes it, from its two stored points."""
    wanted: dict[str, set[int]] = defaultdict(set)
    for r in rows:
        wanted[r[1]].update((r[3], r[4]))
    points: dict[tuple[str, int], tuple[dict, str]] = {}
    for sid, ns in wanted.items():
        ns_ = sorted(ns)
        for n, head, sources in conn.execute(f"SELECT n, head, sources FROM claim_points WHERE series_id = ? AND n IN"
                                             f" ({','.join('?' * len(ns_))})", (sid, *ns_)):
            points[(sid, n)] = (orjson.loads(head), sources)
    out = []
    for cid, sid, time, a, b, subject, name, prop in rows:
        sides, sources = [], []
        for n in (a, b):
            head, src = points[(sid, n)]
            side = _dumps({"value": head["value"], "unit": head["unit"], "time": head["time"] or head["time_label"],
                           "documents": head["documents"]})
            sides.append(side[:-1] + ',"sources":' + src + "}")
            sources.append(src[1:-1])
        top = _dumps({"id": cid, "subject": subject, "subject_name": name, "property": prop, "time": time})
        out.append(top[:-1] + ',"sides":[' + ",".join(sides) + '],"claims":[' + ",".join(sources) + "]}")
    return out


def explain(conn: sqlite3.Connection, item_id: str) -> dict | None:
    """A claim, series or conflict by its id, for `kankei show`."""
    from kankei.reconcile.judgements import canonical_map
    if item_id.startswith("series:"):
        row = conn.execute("SELECT subject, property FROM claim_series WHERE id = ?", (item_id,)).fetchone()
        return dict(_one_series(conn, item_id), kind="series") if row else None
    if item_id.startswith("conflict:"):
        rows = conn.execute(_CONFLICTS + " WHERE c.id = ?", (item_id,)).fetchall()
        return dict(orjson.loads(_conflict_texts(conn, rows[:1])[0]), kind="conflict") if rows else None
    if item_id.startswith("claim:"):
        found = [dict(r) for r in conn.execute(_ROWS + " WHERE c.id = ?", (item_id,))]
        if not found:
            return None
        row = rc.canonical_rows(conn, found, canonical_map(conn))[0]
        sid = rc._series_id(row["subject"], row["property"])
        series = _one_series(conn, sid)
        rows = conn.execute(_CONFLICTS + " WHERE c.series_id = ? ORDER BY c.n", (sid,)).fetchall()
        conflicts = [c for c in map(orjson.loads, _conflict_texts(conn, rows))
                     if any(x["claim"] == item_id for x in c["claims"])]
        return {"kind": "claim", **rc._source(row), "subject": row["subject"], "subject_name": row["subject_name"],
                "property": row["property"], "series": series, "conflicts": conflicts}
    return None


def _one_series(conn: sqlite3.Connection, sid: str) -> dict | None:
    row = conn.execute("SELECT id, subject, subject_name, property FROM claim_series WHERE id = ?", (sid,)).fetchone()
    return orjson.loads(_series_text(row, _points(conn, [sid])[sid])) if row else None
