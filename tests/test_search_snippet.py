"""The snippets of PostgreSQL's search (serve/search.py), made from the words around the first hit
only, are those made by splitting the whole text into words."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kankei.serve.search import _hit, _mark, _snippet


def whole_text_snippet(text: str, words: list[tuple[str, bool]], size: int = 40) -> str:
    """The plain way: every word of the text split out and tested."""
    tokens = list(re.finditer(r"\w+", text))
    if not tokens:
        return ""
    first = next((i for i, m in enumerate(tokens) if _hit(m.group(), words)), 0)
    lo = max(0, min(first - size // 4, len(tokens) - size))
    hi = min(len(tokens), lo + size)
    start = tokens[lo].start() if lo else 0
    end = tokens[hi - 1].end() if hi < len(tokens) else len(text)
    return ("…" if lo else "") + _mark(text[start:end], words) + ("…" if hi < len(tokens) else "")


VOCAB = ["met", "meeting", "Met", "sanctions", "rice", "Tokyo", "to", "a", "Ōsaka", "x1", "ab_c"]
SEPARATORS = [" ", " ", " ", ", ", ". ", "\n", "—", "-", "'", "  "]


@st.composite
def texts(draw):
    n = draw(st.integers(0, 400))
    parts = []
    for _ in range(n):
        parts.append(draw(st.sampled_from(VOCAB)) if draw(st.integers(0, 9)) else "w" * draw(st.integers(1, 300)))
        parts.append(draw(st.sampled_from(SEPARATORS)))
    return draw(st.sampled_from(["", " ", "—"])) + "".join(parts)


@settings(max_examples=300, deadline=None)
@given(texts(), st.lists(st.tuples(st.sampled_from(["met", "sanctions", "rice", "tokyo", "osaka", "me", "x"]),
                                   st.booleans()), min_size=1, max_size=3), st.sampled_from([4, 40]))
def test_the_snippet_is_that_of_the_whole_text(text, words, size):
    assert _snippet(text, words, size) == whole_text_snippet(text, words, size)


def test_a_hit_deep_in_a_long_text():
    text = " ".join(["filler"] * 5000 + ["sanctions"] + ["after"] * 5)
    got = _snippet(text, [("sanctions", False)])
    assert got == whole_text_snippet(text, [("sanctions", False)])
    assert got.startswith("…filler") and "\x02sanctions\x03" in got and got.endswith("after")
