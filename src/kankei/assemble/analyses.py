"""The clause analysis of a document's sentences, each computed once and shared by those who
read them (events at extraction, claims when a base is built)."""
from __future__ import annotations

from kankei.analyze import Sentence, analyze


class Analyses:
    """Sentence span -> its analysis, made when first asked for."""
    __slots__ = ("text", "_done")

    def __init__(self, text: str) -> None:
        self.text = text
        self._done: dict[tuple[int, int], Sentence] = {}

    def of(self, start: int, end: int) -> Sentence:
        got = self._done.get((start, end))
        if got is None:
            got = self._done[(start, end)] = analyze(self.text, start, end)
        return got
