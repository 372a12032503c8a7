"""Full-text search in each dialect: FTS5 tables on SQLite, a tsvector column (`fts`) on PostgreSQL.

The explorer writes its queries in FTS5 syntax (common.fts_query); on PostgreSQL they are read as a
tsquery (tsquery()): words and "phrases" (<->), AND/OR/NOT, prefix* (:*), NEAR(a b) as all of its
words, and column filters (title:word) searching every column. Like FTS5's default tokenizer, the
index splits words at punctuation and neither stems nor drops stop words (the 'simple' configuration
over the text with its punctuation made spaces): a search finds the same words on both.
"""
from __future__ import annotations

import re

from kankei.store.pg import dialect

_TOKEN = re.compile(r'"[^"]*"?\*?|[(),]|[^\s"(),]+')


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def _phrase(words: list[str], prefix: bool = False) -> str:
    if not words:
        return ""
    parts = [f"'{w}'" for w in words]
    if prefix:
        parts[-1] += ":*"
    return parts[0] if len(parts) == 1 else "(" + " <-> ".join(parts) + ")"


def _unreadable(query: str, why: str) -> Exception:
    from kankei.serve.common import BadRequest
    return BadRequest(f"cannot read the search {query!r} ({why}). Words, \"a phrase\", AND, OR, NOT, "
                      "prefix* and NEAR(a b) work; put other text in double quotes")


def tsquery(query: str) -> str:
    """The FTS5 query (as fts_query() writes it) in to_tsquery() syntax; BadRequest where FTS5 would
    not read it either (an unterminated string, unbalanced parentheses)."""
    toks = _TOKEN.findall(query)
    if any(t.startswith('"') and (len(t.rstrip("*")) < 2 or not t.rstrip("*").endswith('"')) for t in toks):
        raise _unreadable(query, "unterminated string")
    depth = 0
    for t in toks:
        depth += (t == "(") - (t == ")")
        if depth < 0:
            break
    if depth:
        raise _unreadable(query, "syntax error: unbalanced parentheses")
    out: list[str] = []
    near = 0            # inside NEAR( ... ): its words are all required, its distance ignored

    def operand(text: str) -> None:
        if out and (out[-1] not in ("&", "|", "!", "(", "& !")):
            out.append("&")
        out.append(text)

    i = 0
    while i < len(toks):
        tok = toks[i]
        i += 1
        if tok == "NEAR" and i < len(toks) and toks[i] == "(":
            near += 1
            operand("(")
            i += 1
            continue
        if tok == "(":
            operand("(")
            continue
        if tok == ")":
            if near:
                near -= 1
            if out and out[-1] in ("&", "|", "& !"):
                out.pop()
            out.append(")")
            continue
        if tok == ",":
            if near and i < len(toks) and toks[i].isdigit():
                i += 1
            continue
        if tok in ("AND", "OR", "NOT"):
            if out and out[-1] not in ("&", "|", "& !", "("):
                out.append({"AND": "&", "OR": "|", "NOT": "& !"}[tok])
            continue
        if ":" in tok and not tok.startswith('"'):
            tok = tok.split(":", 1)[1]
        tok = tok.lstrip("^+")
        prefix = tok.endswith("*")
        text = _phrase(_words(tok.rstrip("*").strip('"')), prefix)
        if text:
            operand(text)
    while out and out[-1] in ("&", "|", "& !", "("):
        out.pop()
    # parentheses left open or closed too often (a query the user cut short) are balanced
    depth = 0
    fixed: list[str] = []
    for t in out:
        if t == ")" and depth == 0:
            continue
        depth += t == "("
        depth -= t == ")"
        fixed.append(t)
    fixed += [")"] * depth
    return " ".join(fixed).replace("( )", "")


def match(conn, table: str, alias: str) -> str:
    """A condition with one parameter (give param()): row `alias` of `table` (events: its sentence;
    documents: title and text) matches the query."""
    if dialect(conn) == "postgresql":
        return f"{alias}.fts @@ to_tsquery('simple', ?)"
    return f"{alias}.rowid IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ?)"


def param(conn, query: str) -> str:
    return tsquery(query) if dialect(conn) == "postgresql" else query
