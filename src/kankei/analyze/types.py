"""The analysis of one sentence: tokens, noun phrase chunks, verb groups and clauses.

All offsets are absolute into the document text (`text[x.start:x.end]` is the phrase).
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    tag: str            # Penn Treebank tag (VBD, VBN, NNP, ...)
    lemma: str
    i: int = 0          # index in Sentence.tokens


@dataclass(slots=True)
class Phrase:
    """A noun phrase chunk: determiners, adjectives, nouns, possessives ("North Korea's leader")."""
    start: int
    end: int
    head: Token         # its last noun (the possessed one after a possessive)
    first: int = 0      # token index range [first, last]
    last: int = 0
    possessor: Phrase | None = None   # "North Korea" in "North Korea's leader"

    def text(self, source: str) -> str:
        return source[self.start:self.end]


@dataclass(slots=True)
class PrepPhrase:
    """A preposition and its noun phrase ("on North Korea"); `head` is the noun phrase's head."""
    start: int
    end: int
    prep: Token
    np: Phrase | None
    head: Token | None
    after: Phrase | None = None       # the noun phrase right before it ("ban [on imports]"), a candidate noun attachment


@dataclass(slots=True)
class VerbGroup:
    """Auxiliaries, adverbs and the main verb: "had not been abducted", "will ban", "to visit"."""
    start: int
    end: int
    head: Token         # the main (last) verb
    lemma: str
    voice: str          # "active" | "passive"
    tense: str | None   # "past" | "present" | "future" (will/shall/would, "be going to", "is to"); None when non-finite
    aspect: str | None  # None | "perfect" | "progressive" | "perfect-progressive"
    negated: bool
    modal: str | None   # may, might, could, would, should, must, can (lemma of the modal); will/shall give tense
    finite: bool
    form: str           # "finite" | "infinitive" | "participle" | "gerund" | "bare"
    first: int = 0      # token index range [first, last]
    last: int = 0
    tag_first: str = ""  # the tag of its first word (a lone VBD may be a participle the tagger missed)


@dataclass(slots=True, eq=False)
class Clause:
    start: int
    end: int
    predicate: VerbGroup | None
    subject: Phrase | None = None
    objects: list[Phrase] = field(default_factory=list)
    pps: list[PrepPhrase] = field(default_factory=list)
    parent: Clause | None = None
    relation: str | None = None   # None (main) | complement | relative | adverbial | coordinate | infinitive | parataxis
    marker: Token | None = None   # "that", "who", "after", "because", "and", "to"...
    agent: Phrase | None = None   # the "by" phrase of a passive clause
    antecedent: Phrase | None = None  # the noun phrase a relative clause modifies
    shared_subject: bool = False  # subject taken from another clause (coordination, control, relative)
    subjects: list[Phrase] = field(default_factory=list)  # the subject and its conjuncts ("Japan and South Korea")
    inverted: bool = False        # the subject follows the verb by design: '"...," said Abe'

    def __repr__(self) -> str:
        p = self.predicate
        return (f"Clause({self.start}-{self.end} {p.lemma if p else None!r} rel={self.relation} "
                f"subj={self.subject.head.text if self.subject else None!r})")


@dataclass(slots=True)
class Sentence:
    text: str           # the whole document text (offsets index into it)
    start: int
    end: int
    tokens: list[Token]
    chunks: list[Phrase]
    clauses: list[Clause]
    groups: list[VerbGroup] = field(default_factory=list)

    def clause_of(self, offset: int) -> Clause | None:
        """The innermost clause whose span holds the offset."""
        best = None
        for c in self.clauses:
            if c.start <= offset < c.end and (best is None or c.end - c.start < best.end - best.start):
                best = c
        return best

    def np_at(self, offset: int) -> Phrase | None:
        """The noun phrase chunk holding the offset."""
        k = bisect_right([c.start for c in self.chunks], offset) - 1
        if k >= 0 and offset < self.chunks[k].end:
            return self.chunks[k]
        return None

    def token_at(self, offset: int) -> Token | None:
        k = bisect_right([t.start for t in self.tokens], offset) - 1
        if k >= 0 and offset < self.tokens[k].end:
            return self.tokens[k]
        return None
