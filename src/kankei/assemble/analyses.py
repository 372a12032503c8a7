"""The clause analysis of a document's sentences, each computed once and shared by those who
read them (events at extraction, claims when a base is built)."""
from __future__ import annotations

from kankei.analyze import Sentence, analyze


class Analyses:
    """Sentence span -> its analysis, made when first asked for. `names`: the spans of the
    document's names, each read as one noun phrase."""
    __slots__ = ("text", "_done", "names")

    def __init__(self, text: str, names: list[tuple[int, int]] | None = None) -> None:
        self.text = text
        self._done: dict[tuple[int, int], Sentence] = {}
        self.names = names or []

    def of(self, start: int, end: int) -> Sentence:
        got = self._done.get((start, end))
        if got is None:
            got = self._done[(start, end)] = analyze(self.text, start, end, self.names)
        return got
