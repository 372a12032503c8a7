"""Claims across documents: series over time, corroboration, and disagreements.

Claims about one subject and property form a series. Claims that hold for overlapping
times are compared: compatible values (1,512 and `more than 1,500`) corroborate each
other and become one point with several sources; incompatible ones (`nearly 2,000` and
1,512) are a disagreement, kept side by side. A claim with no date never conflicts; it
joins a point it agrees with, or stands alone in the series.
"""
from __future__ import annotations

import hashlib
import math
import sqlite3
from datetime import date
from functools import cache, lru_cache

from kankei import edtf
from kankei.knowledge import load


@cache
def _config() -> dict:
    return load("claims")


def _usd_rate(unit: str, year: int | None) -> float | None:
    table = _config()["currency_per_usd"].get(unit)
    if not table:
        return 1.0 if unit == "usd" else None
    if year is None:
        year = max(table)
    nearest = min(table, key=lambda y: abs(int(y) - year))
    return float(table[nearest])


def value_range(c: dict) -> tuple[float, float] | None:
    """The interval of values a claim allows, after its qualifier, in a comparable unit."""
    tol = _config()["tolerance"]
    q = c["qualifier"] or "exact"
    v, lo, hi = c["value"], c["low"], c["high"]
    if v is None and lo is None:
        return None
    if q == "range" or v is None:
        a, b = lo, hi
    elif q == "more_than":
        # strictly more: 'more than 500,000' and '450,000 to 500,000' cannot both hold
        a, b = v + _step(v), math.inf
    elif q == "at_least":
        a, b = v, math.inf
    elif q == "less_than":
        a, b = 0.0, v - _step(v)
    elif q == "at_most":
        a, b = 0.0, v
    elif q == "nearly":
        a, b = v * (1 - tol["nearly"]), v
    else:
        t = tol.get(q, tol["exact"])
        a, b = v * (1 - t), v * (1 + t)
    unit = c["unit"] or ""
    if unit in _config()["currency_per_usd"]:
        year = int(c["time_lo"][:4]) if c.get("time_lo") else None
        rate = _usd_rate(unit, year)
        a, b = a / rate, b / rate
        # exchange rates of the day are approximate: allow a margin when converting
        a, b = a * 0.85, b * 1.15
    return a, b


def _range(c: dict) -> tuple[float, float] | None:
    """value_range, kept on the row (reconciliation asks it of each claim many times)."""
    if "_range" not in c:
        c["_range"] = value_range(c)
    return c["_range"]


def _step(v: float) -> float:
    """The least amount more than v a source can mean: one for counts, a hair for fractions."""
    return 1.0 if float(v).is_integer() and abs(v) >= 1 else abs(v) * 1e-6


# Units that count people or things one by one: '17 abductees' and '17 cases' count alike.
_COUNTS = frozenset({"", "person", "case", "member", "victim", "people", "count"})


def _unit_family(unit: str | None) -> str:
    unit = unit or ""
    if unit == "usd" or unit in _config()["currency_per_usd"]:
        return "money"
    return "count" if unit in _COUNTS else unit


def compatible(a: dict, b: dict) -> bool:
    ra, rb = value_range(a), value_range(b)
    if not ra or not rb or _unit_family(a["unit"]) != _unit_family(b["unit"]):
        return False
    return ra[0] <= rb[1] and rb[0] <= ra[1]


def _compatible(a: dict, b: dict) -> bool:
    ra, rb = _range(a), _range(b)
    if not ra or not rb or _unit_family(a["unit"]) != _unit_family(b["unit"]):
        return False
    return ra[0] <= rb[1] and rb[0] <= ra[1]


def _times_overlap(a: dict, b: dict) -> bool:
    if a["time_label"] or b["time_label"]:
        return a["time_label"] == b["time_label"] and bool(a["time_label"])
    if not a["time_lo"] or not b["time_lo"]:
        return False
    return a["time_lo"] <= b["time_hi"] and b["time_lo"] <= a["time_hi"]


def _same_time(a: dict, b: dict) -> bool:
    """Comparable times: the same period, or two points one of which contains the other
    (1960 and December 1960). A sub-period of a total is a different figure, not a rival."""
    if a["time_label"] or b["time_label"]:
        return a["time_label"] == b["time_label"] and bool(a["time_label"])
    if not a["time_lo"] or not b["time_lo"]:
        return False
    if (a["time_lo"], a["time_hi"]) == (b["time_lo"], b["time_hi"]) or _mostly_same(a, b):
        return True
    if "/" in (a["time"] or "") or "/" in (b["time"] or ""):
        return False
    return (a["time_lo"] <= b["time_lo"] and b["time_hi"] <= a["time_hi"]) or \
        (b["time_lo"] <= a["time_lo"] and a["time_hi"] <= b["time_hi"])


def _mostly_same(a: dict, b: dict) -> bool:
    """Two periods that cover nearly the same days (1959-1984 and December 1959-July 1984)."""
    lo1, hi1, lo2, hi2 = (_day(x) for x in (a["time_lo"], a["time_hi"], b["time_lo"], b["time_hi"]))
    inter = (min(hi1, hi2) - max(lo1, lo2)).days
    union = (max(hi1, hi2) - min(lo1, lo2)).days
    return union > 0 and inter / union >= 0.9


@lru_cache(maxsize=65536)
def _day(iso: str) -> date:
    return date.fromisoformat(iso)


def _rows(conn: sqlite3.Connection, subject: str | None) -> list[dict]:
    """Claims with their document and quote, about the subjects in force after people's merges."""
    from kankei.reconcile.judgements import canonical_map

    merged = canonical_map(conn)
    sql = ("SELECT c.*, d.doc, d.title, substr(d.text, c.sentence_start + 1, c.sentence_end - c.sentence_start) AS quote"
           " FROM claims c JOIN documents d ON d.id = c.document_id")
    args: list = []
    if subject:
        ids = [subject, *(k for k, v in merged.items() if v == subject)]
        sql += f" WHERE c.subject IN ({','.join('?' * len(ids))}) OR c.subject_name = ? COLLATE NOCASE"
        args = [*ids, subject]
    return canonical_rows(conn, [dict(r) for r in conn.execute(sql, args)], merged)


def canonical_rows(conn: sqlite3.Connection, rows: list[dict], merged: dict[str, str]) -> list[dict]:
    """Rows given the subject in force (`merged`: machine id -> id after merges), in the order
    reconciliation reads them (the claim id last, so that no order of writing decides a tie)."""
    names: dict[str, str] = {}
    for r in rows:
        canon = merged.get(r["subject"])
        if canon:
            if canon not in names:
                row = conn.execute("SELECT name FROM entities WHERE id = ?", (canon,)).fetchone()
                names[canon] = row[0] if row else canon
            r["subject"], r["subject_name"] = canon, names[canon]
    rows.sort(key=_row_key)
    return rows


def _row_key(r: dict) -> tuple:
    return (r["subject"], r["property"], not r["time_lo"] and not r["time_label"], r["time_lo"] or "", r["doc"], r["id"])


def _source(c: dict) -> dict:
    return {"claim": c["id"], "doc": c["doc"], "title": c["title"], "text": c["exact"], "value": c["value"],
            "low": c["low"], "high": c["high"], "unit": c["unit"], "qualifier": c["qualifier"], "time": c["time"],
            "time_label": c["time_label"], "quote": c["quote"], "start": c["start"], "end": c["end"]}


def _sort_key(point: dict) -> tuple:
    if point["time_label"] == "peak":
        return (0, "", "")
    return (1 if point["time"] else 2, point["time_lo"] or "", point["time_hi"] or "")


def claims(conn: sqlite3.Connection, subject: str | None = None) -> list[dict]:
    """Series: for each subject and property, points in time, each with every source behind it."""
    return _series(_rows(conn, subject))


def groups(rows: list[dict]) -> dict[tuple[str, str], list[dict]]:
    """Rows (in canonical_rows' order) by subject and property, in that order."""
    out: dict[tuple[str, str], list[dict]] = {}
    for r in rows:
        out.setdefault((r["subject"], r["property"]), []).append(r)
    return out


def _series(rows: list[dict]) -> list[dict]:
    # series in the order their most precise claims come (see series_rank)
    made = [(series_rank(members), series_of(members)) for members in groups(rows).values()]
    return [s for _, s in sorted(made, key=lambda x: x[0])]


def series_rank(members: list[dict]) -> tuple:
    """Where a group's series stands among all: its most precise claim's precision, then subject and property."""
    first = min(members, key=_precision_order)
    return (*_precision_order(first), first["subject"], first["property"])


def series_of(members: list[dict]) -> dict:
    """One group's series (the claims of one subject and property, in canonical_rows' order).

    Dated claims first, and the most precise figures first, so that exact figures found the points
    and vague ones ('more than 1,500') join the one they are nearest, whatever the order of documents.
    A claim joins a point when its time is the same as every member's and its value compatible with
    every member's: the latter is read from the point's bounds (the highest low and lowest high of
    its members' ranges), and only points whose founding time meets the claim's are looked at."""
    points: list[dict] = []
    index = _PointIndex()
    for c in sorted(members, key=_precision_order):
        untimed = not c["time_lo"] and not c["time_label"]
        home = None
        pool = points if untimed else index.near(c, points)
        candidates = [p for p in pool if _fits(c, p) and (untimed or all(_same_time(c, m) for m in p["_claims"]))]
        if candidates:
            # an undated figure joins the point whose figures are closest to it
            home = min(candidates, key=lambda p: _distance(c, p["_claims"]))
        if home is None:
            home = {"time": c["time"], "time_lo": c["time_lo"], "time_hi": c["time_hi"],
                    "time_label": c["time_label"], "_claims": [], "_n": len(points),
                    "_lo": -math.inf, "_hi": math.inf, "_family": _unit_family(c["unit"]), "_ranged": True}
            points.append(home)
            index.add(c, home)
        elif not home["time"] and c["time"]:
            home.update(time=c["time"], time_lo=c["time_lo"], time_hi=c["time_hi"])
        _join(home, c)
    first = points[0]["_claims"][0]
    rendered = []
    for p in sorted(points, key=_sort_key):
        ms = p["_claims"]
        rendered.append({"time": p["time"], "time_lo": p["time_lo"], "time_hi": p["time_hi"],
                         "time_label": p["time_label"], "value": _consensus(ms), "unit": ms[0]["unit"],
                         "documents": len({m["doc"] for m in ms}), "sources": [_source(m) for m in ms]})
    return {"id": _series_id(first["subject"], first["property"]), "subject": first["subject"],
            "subject_name": first["subject_name"], "property": first["property"], "points": rendered}


def _join(point: dict, c: dict) -> None:
    point["_claims"].append(c)
    r = _range(c)
    if r is None:
        point["_ranged"] = False
    else:
        point["_lo"], point["_hi"] = max(point["_lo"], r[0]), min(point["_hi"], r[1])
    if _unit_family(c["unit"]) != point["_family"]:
        point["_family"] = None


def _fits(c: dict, point: dict) -> bool:
    """compatible(c, m) for every member m of the point."""
    r = _range(c)
    return (r is not None and point["_ranged"] and point["_family"] == _unit_family(c["unit"])
            and r[0] <= point["_hi"] and point["_lo"] <= r[1])


class _PointIndex:
    """Points by the years their founding claim covers (or by label): a dated claim can only join a
    point whose founder's time meets its own."""
    WIDE = 60

    def __init__(self) -> None:
        self.years: dict[int, list[dict]] = {}
        self.labels: dict[str, list[dict]] = {}
        self.wide: list[dict] = []

    def add(self, c: dict, point: dict) -> None:
        if c["time_label"]:
            self.labels.setdefault(c["time_label"], []).append(point)
            return
        span = _years(c)
        if span is None:
            self.wide.append(point)
            return
        for y in span:
            self.years.setdefault(y, []).append(point)

    def near(self, c: dict, points: list[dict]) -> list[dict]:
        if c["time_label"]:
            return self.labels.get(c["time_label"], [])
        span = _years(c)
        if span is None:
            return points
        found = {p["_n"]: p for y in span for p in self.years.get(y, ())}
        found.update((p["_n"], p) for p in self.wide)
        return [found[n] for n in sorted(found)]


def _years(c: dict) -> range | None:
    if not c["time_lo"] or not c["time_hi"]:
        return None
    try:
        a, b = int(c["time_lo"][:4]), int(c["time_hi"][:4])
    except ValueError:
        return None
    return range(a, b + 1) if 0 <= b - a <= _PointIndex.WIDE and c["time_lo"][4:5] == "-" else None


def _precision_order(c: dict) -> tuple:
    r = _range(c)
    if r is None:
        width = math.inf
    elif math.isinf(r[1]):
        width = 1e9
    else:
        width = (r[1] - r[0]) / max(abs(r[1]), 1e-9)
    untimed = not c["time_lo"] and not c["time_label"]
    return (untimed, width)


def _anchor(c: dict) -> float | None:
    """The figure a claim names, in a comparable unit: 'more than 93,000' and 'some 93,000' both name 93,000."""
    r = _range(c)
    if r is None:
        return None
    q = c["qualifier"] or "exact"
    if c["value"] is not None and q in ("more_than", "at_least"):
        return r[0]
    if c["value"] is not None and q in ("less_than", "at_most", "nearly"):
        return r[1]
    return (r[0] + r[1]) / 2


def _distance(c: dict, members: list[dict]) -> float:
    mine = _anchor(c)
    best = math.inf
    if mine is None:
        return best
    for m in members:
        other = _anchor(m)
        if other is not None:
            best = min(best, abs(mine - other) / max(abs(mine), abs(other), 1e-9))
    return best


def _consensus(members: list[dict]) -> dict:
    """The value a point shows: as its most precise source wrote it ('about 93,340', with its
    qualifier), never a range no source gave. Every source keeps its own written value."""
    m = members[0]
    return {"value": m["value"], "low": m["low"], "high": m["high"], "qualifier": m["qualifier"], "text": m["exact"]}


def conflicts(conn: sqlite3.Connection, subject: str | None = None) -> list[dict]:
    """Figures about the same subject, property and time that cannot both be true, point against point:
    each side is a point of the series with every source that agrees with it, so one dissenting
    figure against two agreeing documents is one disagreement, not two."""
    out = []
    for members in groups(_rows(conn, subject)).values():
        series = None
        for found in rivals(members):
            series = series or series_of(members)
            out.append(conflict_of(series, found))
    return out


def rivals(members: list[dict]) -> list[tuple[int, int, str | None]]:
    """One group's disagreements as (point, point, time): pairs of claims from different documents about
    the same time that cannot both hold, in the order of their first pair, one per pair of points."""
    pairs = list(_rival_claims(members))
    if not pairs:
        return []
    point_of: dict[str, int] = {}
    series = series_of(members)
    for i, p in enumerate(series["points"]):
        for src in p["sources"]:
            point_of[src["claim"]] = i
    found: dict[tuple[int, int], str | None] = {}
    for a, b in pairs:
        i, j = point_of[a["id"]], point_of[b["id"]]
        key = (min(i, j), max(i, j))
        if key not in found:
            first = series["points"][key[0]]
            found[key] = first["time"] or first["time_label"] or a["time"] or a["time_label"]
    return [(i, j, t) for (i, j), t in found.items()]


def conflict_of(series: dict, found: tuple[int, int, str | None]) -> dict:
    """A disagreement of a series, from rivals(): its two points side against side."""
    first, second = series["points"][found[0]], series["points"][found[1]]
    sides = [_side(first), _side(second)]
    return {"id": _conflict_id(_founder(first), _founder(second)), "subject": series["subject"],
            "subject_name": series["subject_name"], "property": series["property"], "time": found[2],
            "sides": sides, "claims": [src for side in sides for src in side["sources"]]}


def _rival_claims(rows: list[dict]):
    """Pairs of claims from different documents about the same thing and time that cannot both hold.
    Rows come by time (labelled, then dated by their first day, then undated): only the rows after
    one whose time can meet its own are compared with it."""
    for i, a in enumerate(rows):
        untimed = not a["time_lo"] and not a["time_label"]
        if untimed:
            continue    # an undated figure never conflicts
        for b in rows[i + 1:]:
            if (a["subject"], a["property"]) != (b["subject"], b["property"]):
                break
            if a["time_label"]:
                if not b["time_label"]:
                    break
            elif not b["time_lo"] or b["time_lo"] > a["time_hi"]:
                break
            if a["document_id"] == b["document_id"] or _unit_family(a["unit"]) != _unit_family(b["unit"]):
                continue
            if _same_time(a, b) and not _compatible(a, b):
                yield a, b


def _founder(point: dict) -> str:
    """The claim a point grew from (its most precise figure): what names it in a conflict's id."""
    return point["sources"][0]["claim"]


def _side(point: dict) -> dict:
    return {"value": point["value"], "unit": point["unit"], "time": point["time"] or point["time_label"],
            "documents": point["documents"], "sources": point["sources"]}


def _series_id(subject: str, prop: str) -> str:
    return "series:" + hashlib.sha1(f"{subject}\x1f{prop}".encode()).hexdigest()[:16]


def _conflict_id(a: str, b: str) -> str:
    x, y = sorted((a, b))
    return "conflict:" + hashlib.sha1(f"{x}\x1f{y}".encode()).hexdigest()[:16]


def explain(conn: sqlite3.Connection, item_id: str) -> dict | None:
    """A claim, series or conflict by its id, for `kankei show`."""
    if item_id.startswith("series:"):
        return next((dict(s, kind="series") for s in claims(conn) if s["id"] == item_id), None)
    if item_id.startswith("conflict:"):
        return next((dict(c, kind="conflict") for c in conflicts(conn) if c["id"] == item_id), None)
    if item_id.startswith("claim:"):
        row = next((r for r in _rows(conn, None) if r["id"] == item_id), None)
        if not row:
            return None
        series = next((s for s in claims(conn, row["subject"]) if s["property"] == row["property"]), None)
        return {"kind": "claim", **_source(row), "subject": row["subject"], "subject_name": row["subject_name"],
                "property": row["property"], "series": series,
                "conflicts": [c for c in conflicts(conn, row["subject"]) if any(x["claim"] == item_id for x in c["claims"])]}
    return None


def edtf_year(value: str | None) -> int | None:
    b = edtf.bounds(value)
    return int(b[0][:4]) if b else None
