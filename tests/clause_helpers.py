"""What the clause-analysis tests read off a sentence: a phrase's words, the one clause of a verb."""
from __future__ import annotations

from kankei.analyze import Clause, Sentence


def span(s: Sentence, x) -> str | None:
    return None if x is None else s.text[x.start:x.end]


def clause(s: Sentence, lemma: str) -> Clause:
    found = [c for c in s.clauses if c.predicate is not None and c.predicate.lemma == lemma]
    assert len(found) == 1, [repr(c) for c in s.clauses]
    return found[0]
