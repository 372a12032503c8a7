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
from functools import cache

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
    from datetime import date
    lo1, hi1, lo2, hi2 = (date.fromisoformat(x) for x in (a["time_lo"], a["time_hi"], b["time_lo"], b["time_hi"]))
    inter = (min(hi1, hi2) - max(lo1, lo2)).days
    union = (max(hi1, hi2) - min(lo1, lo2)).days
    return union > 0 and inter / union >= 0.9


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
    rows = [dict(r) for r in conn.execute(sql, args)]
    names: dict[str, str] = {}
    for r in rows:
        canon = merged.get(r["subject"])
        if canon:
            if canon not in names:
                row = conn.execute("SELECT name FROM entities WHERE id = ?", (canon,)).fetchone()
                names[canon] = row[0] if row else canon
            r["subject"], r["subject_name"] = canon, names[canon]
    rows.sort(key=lambda r: (r["subject"], r["property"], not r["time_lo"] and not r["time_label"],
                             r["time_lo"] or "", r["doc"]))
    return rows


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


def _series(rows: list[dict]) -> list[dict]:
    series: dict[tuple[str, str], list[dict]] = {}
    # dated claims first, and the most precise figures first, so that exact figures found the points
    # and vague ones ('more than 1,500') join the one they are nearest, whatever the order of documents
    for c in sorted(rows, key=_precision_order):
        points = series.setdefault((c["subject"], c["property"]), [])
        home = None
        untimed = not c["time_lo"] and not c["time_label"]
        candidates = [p for p in points if (untimed or all(_same_time(c, m) for m in p["_claims"]))
                      and all(compatible(c, m) for m in p["_claims"])]
        if candidates:
            # an undated figure joins the point whose figures are closest to it
            home = min(candidates, key=lambda p: _distance(c, p["_claims"]))
        if home is None:
            home = {"time": c["time"], "time_lo": c["time_lo"], "time_hi": c["time_hi"],
                    "time_label": c["time_label"], "_claims": []}
            points.append(home)
        elif not home["time"] and c["time"]:
            home.update(time=c["time"], time_lo=c["time_lo"], time_hi=c["time_hi"])
        home["_claims"].append(c)
    out = []
    for (subj, prop), points in series.items():
        first = points[0]["_claims"][0]
        rendered = []
        for p in sorted(points, key=_sort_key):
            members = p.pop("_claims")
            rendered.append({**p, "value": _consensus(members), "unit": members[0]["unit"],
                             "documents": len({m["doc"] for m in members}), "sources": [_source(m) for m in members]})
        out.append({"id": _series_id(subj, prop), "subject": subj, "subject_name": first["subject_name"],
                    "property": prop, "points": rendered})
    return out


def _precision_order(c: dict) -> tuple:
    r = value_range(c)
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
    r = value_range(c)
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
    rows = _rows(conn, subject)
    pairs = list(_rival_claims(rows))
    if not pairs:
        return []
    point_of: dict[str, tuple[dict, int]] = {}
    for s in _series(rows):
        for i, p in enumerate(s["points"]):
            for src in p["sources"]:
                point_of[src["claim"]] = (s, i)
    sides: dict[tuple[str, int, int], dict] = {}
    for a, b in pairs:
        (s, i), (_, j) = point_of[a["id"]], point_of[b["id"]]
        key = (s["id"], min(i, j), max(i, j))
        if key not in sides:
            first, second = s["points"][key[1]], s["points"][key[2]]
            sides[key] = {"id": _conflict_id(_founder(first), _founder(second)), "subject": s["subject"],
                          "subject_name": s["subject_name"], "property": s["property"],
                          "time": first["time"] or first["time_label"] or a["time"] or a["time_label"],
                          "sides": [_side(first), _side(second)]}
    out = list(sides.values())
    for c in out:
        c["claims"] = [src for side in c["sides"] for src in side["sources"]]
    return out


def _rival_claims(rows: list[dict]):
    """Pairs of claims from different documents about the same thing and time that cannot both hold."""
    for i, a in enumerate(rows):
        for b in rows[i + 1:]:
            if (a["subject"], a["property"]) != (b["subject"], b["property"]):
                break
            if a["document_id"] == b["document_id"] or _unit_family(a["unit"]) != _unit_family(b["unit"]):
                continue
            if _same_time(a, b) and not compatible(a, b):
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
