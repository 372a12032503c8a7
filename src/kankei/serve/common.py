"""What every query of the explorer shares: its errors, the event types, reading parameters, small SQL helpers.

Bad input raises BadRequest (a 400 for the API), unknown ids NotFound (a 404).
"""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache

from kankei.store.queries import NotFound, filter_bounds


class BadRequest(ValueError):
    """A parameter the query cannot use; str(err) says which and why, for people."""


# ---------------------------------------------------------------------------------------------
# event types, CAMEO quad classes

@cache
def event_types() -> dict:
    """kankei event types with their label, CAMEO root and quad class (0 when there is none)."""
    from kankei.knowledge import load
    table = load("event_types")
    roots = table["cameo_roots"]
    out = {}
    for code, info in table["types"].items():
        root = roots.get(info.get("cameo")) if info.get("cameo") else None
        out[code] = {"type": code, "label": info.get("label", code), "cameo": info.get("cameo_code") or info.get("cameo"),
                     "cameo_name": root["name"] if root else None, "quad": root["quad"] if root else 0,
                     "plover": info.get("plover")}
    return out


@cache
def quad_classes() -> dict[int, str]:
    from kankei.knowledge import load
    classes = {int(k): v for k, v in load("event_types")["quad_classes"].items()}
    return {0: "not in CAMEO", **classes}


# ---------------------------------------------------------------------------------------------
# parameters

def period(date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    """The earliest and latest day of an EDTF from/to pair; BadRequest for values that are not EDTF."""
    lo = hi = None
    try:
        if date_from:
            lo = filter_bounds(date_from)[0]
        if date_to:
            hi = filter_bounds(date_to)[1]
    except ValueError as err:
        raise BadRequest(str(err)) from None
    if lo and hi and lo > hi:
        raise BadRequest(f"'from' ({date_from}) is after 'to' ({date_to})")
    return lo, hi


def check_type(type_: str | None) -> str | None:
    if type_ and type_ not in event_types():
        raise BadRequest(f"unknown event type {type_!r}; one of {', '.join(sorted(event_types()))}")
    return type_ or None


def resolve_actor(conn: sqlite3.Connection, name: str) -> str:
    """An entity id from an id, a canonical name or an alias seen in the base (case-blind)."""
    row = conn.execute("SELECT id FROM entities WHERE id = ?", (name,)).fetchone()
    if row:
        return row[0]
    row = conn.execute("SELECT id FROM entities WHERE name = ? COLLATE NOCASE"
                       " ORDER BY (SELECT events FROM summary_entities WHERE entity_id = id) DESC LIMIT 1",
                       (name,)).fetchone()
    if row:
        return row[0]
    row = conn.execute("SELECT entity_id FROM summary_aliases WHERE alias = ? COLLATE NOCASE ORDER BY n DESC LIMIT 1",
                       (name,)).fetchone()
    if row:
        return row[0]
    # an alias the knowledge files know, of an actor the base has
    from kankei.recognize.gazetteer import fold, gazetteer
    key = fold(name).casefold()
    for e in gazetteer().entries.values():
        if fold(e.name).casefold() == key or any(fold(a).casefold() == key for a in e.aliases):
            if conn.execute("SELECT 1 FROM entities WHERE id = ?", (e.id,)).fetchone():
                return e.id
    raise NotFound(f"no actor called {name!r} in this knowledge base")


MAX_TERMS = 16
"""The most words and phrases one full-text query may hold (each costs a pass over its matches)."""
MAX_PREFIXES = 4
"""The most prefix searches (repatri*) one query may hold; a prefix needs at least MIN_PREFIX letters."""
MIN_PREFIX = 3

_FTS_TOKEN = re.compile(r'"[^"]*"?|[(),]|[^\s"(),]+')
_OPERATORS = {"AND", "OR", "NOT"}
_COLUMNS = ("title", "text")


def fts_query(text: str) -> str:
    """The FTS5 query for what a person typed: its syntax kept (words, "phrases", AND, OR, NOT,
    prefix*, NEAR(a b), title:word, parentheses), other punctuation read as part of a word
    (`Koizumi's` is searched as the phrase "Koizumi's"). BadRequest for a query too costly to run:
    more than MAX_TERMS words, more than MAX_PREFIXES prefixes, or a prefix shorter than MIN_PREFIX."""
    out: list[str] = []
    terms = prefixes = 0
    for tok in _FTS_TOKEN.findall(text):
        if tok in ("(", ")", ",") or tok in _OPERATORS:
            out.append(tok)
            continue
        if tok.startswith('"'):
            terms += 1
            out.append(tok)
            continue
        if tok == "NEAR" or out and out[-1] == "," and tok.isdigit():     # NEAR(a b, 5)
            out.append(tok)
            continue
        column = ""
        head, sep, rest = tok.partition(":")
        if sep and head.lower() in _COLUMNS and rest:
            column, tok = head.lower() + ":", rest
        elif tok.startswith(("^", "+")):
            column, tok = tok[0], tok[1:]
        star = tok.endswith("*")
        word = tok.rstrip("*")
        if not word:
            continue
        terms += 1
        if star:
            prefixes += 1
            if len(re.sub(r"\W", "", word)) < MIN_PREFIX:
                raise BadRequest(f"q: the prefix {word}* is too short to search for (at least {MIN_PREFIX} letters)")
        if re.fullmatch(r"\w+", word):
            out.append(column + word + ("*" if star else ""))
        else:
            out.append(column + '"' + word + '"' + ("*" if star else ""))
    if terms > MAX_TERMS:
        raise BadRequest(f"q: at most {MAX_TERMS} words or phrases in one search ({terms} given)")
    if prefixes > MAX_PREFIXES:
        raise BadRequest(f"q: at most {MAX_PREFIXES} prefix searches (word*) in one search ({prefixes} given)")
    if not terms:
        raise BadRequest(f"q: no words to search for in {text!r} (words, \"a phrase\", AND, OR, NOT, prefix* and "
                         "NEAR(a b) work)")
    return " ".join(out)


def merged_into(conn: sqlite3.Connection, entity_id: str) -> str:
    """The actor an entity was merged into (by merges in force, followed through), or the entity itself."""
    from kankei.reconcile.judgements import canonical_map
    return canonical_map(conn).get(entity_id, entity_id)


def check_alias(conn: sqlite3.Connection, entity_id: str, alias: str) -> None:
    """BadRequest unless some mention of the entity is written exactly `alias` (what a split separates)."""
    if conn.execute("SELECT 1 FROM mentions WHERE entity_id = ? AND exact = ? LIMIT 1", (entity_id, alias)).fetchone():
        return
    names = [r[0] for r in conn.execute("SELECT exact, count(*) AS n FROM mentions WHERE entity_id = ?"
                                        " GROUP BY exact ORDER BY n DESC, exact LIMIT 12", (entity_id,))]
    raise BadRequest(f"alias: no mention of {entity_id} is written {alias!r}, so there is nothing to split off"
                     + (f"; it is written {', '.join(repr(n) for n in names)}" if names else ""))


def describe_judged(conn: sqlite3.Connection, kind: str, item: str | None, role: str = "subject") -> dict | None:
    """What a judgement names, for people: an event (type, date, trigger, sentence, document), a
    statement (its text), an actor (name, type) or an alias; `missing` when the base no longer has it."""
    if not item:
        return None
    if kind == "split" and role == "object":
        return {"kind": "alias", "text": item}
    if kind in ("confirm", "reject"):
        row = conn.execute("SELECT e.type, e.date, e.exact, e.sentence, e.document_id, e.modality, e.hedged,"
                           " d.doc, d.title FROM events e JOIN documents d ON d.id = e.document_id WHERE e.id = ?",
                           (item,)).fetchone()
        if row:
            info = event_types().get(row["type"], {})
            return {"kind": "event", "type": row["type"], "label": info.get("label", row["type"]), "date": row["date"],
                    "text": row["exact"], "quote": row["sentence"], "document_id": row["document_id"],
                    "doc": row["doc"], "title": row["title"]}
        for table, what in (("mentions", "actor mention"), ("times", "date"), ("quantities", "number")):
            row = conn.execute(f"SELECT t.exact, t.document_id, d.doc, d.title FROM {table} t JOIN documents d"
                               " ON d.id = t.document_id WHERE t.id = ?", (item,)).fetchone()
            if row:
                return {"kind": what, "text": row["exact"], "document_id": row["document_id"], "doc": row["doc"],
                        "title": row["title"]}
        return {"kind": "statement", "missing": True}
    row = conn.execute("SELECT name, type FROM entities WHERE id = ?", (item,)).fetchone()
    if row:
        return {"kind": "actor", "name": row["name"], "type": row["type"]}
    return {"kind": "actor", "missing": True}


def search_error(err: sqlite3.OperationalError, query: str) -> Exception:
    """BadRequest for a query FTS5 cannot parse; the error itself for anything else."""
    msg = str(err)
    if "fts5" in msg or "syntax error" in msg or "no such column" in msg or "unterminated" in msg \
            or "unknown special query" in msg or "malformed MATCH" in msg:
        detail = msg.replace("fts5: ", "")
        return BadRequest(f"cannot read the search {query!r} ({detail}). Words, \"a phrase\", AND, OR, NOT, "
                          "prefix* and NEAR(a b) work; put other text in double quotes")
    return err


@contextmanager
def fts_errors(query: str | None) -> Iterator[None]:
    """Within the block, an sqlite error becomes search_error(err, query) when there is a query."""
    try:
        yield
    except sqlite3.OperationalError as err:
        if query:
            raise search_error(err, query) from None
        raise


# ---------------------------------------------------------------------------------------------
# SQL helpers

def marks(n: int) -> str:
    """n parameter marks for an IN list: ?,?,?"""
    return ",".join("?" * n)


def like_pattern(text: str) -> str:
    """A LIKE pattern (with ESCAPE '\\') matching text anywhere, its own % and _ taken literally."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def rows_in(conn: sqlite3.Connection, sql: str, ids: Sequence, size: int = 500) -> Iterator[sqlite3.Row]:
    """The rows of sql, whose `{marks}` stands for an IN list, for ids asked for `size` at a time."""
    for i in range(0, len(ids), size):
        chunk = ids[i:i + size]
        yield from conn.execute(sql.format(marks=marks(len(chunk))), chunk)


def entity_rows(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, sqlite3.Row]:
    """The id, name and type of each of these entities the base has, by id."""
    return {r["id"]: r for r in rows_in(conn, "SELECT id, name, type FROM entities WHERE id IN ({marks})", ids)}
