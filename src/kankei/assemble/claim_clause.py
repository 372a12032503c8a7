"""A number's own clause, read from the clause analysis (`kankei.analyze`) the events stand on.

The clause is the one whose phrase (subject, object, prepositional phrase) holds the number;
its text skips the clauses nested in it that do not ("17 people, five of whom returned in
2002": the 2002 is the five's). The predicate gives the property its lemma and voice, and
says when the clause asserts nothing (negated, modal, future).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from kankei.analyze import Clause as AClause
from kankei.analyze import Sentence
from kankei.assemble.analyses import Analyses
from kankei.assemble.claim_context import Clause, between_holes, narrow

Span = tuple[int, int]

# "five of whom returned": the number belongs to the relative clause that follows it
_OF_WHOM = re.compile(r"\s+of\s+(?:whom|which)\b", re.I)
# modals that make a figure imagined rather than reported ('would have cost $5 billion')
_UNREAL = frozenset({"would", "could", "might", "may", "should"})


@dataclass(slots=True)
class Reading:
    """The number's clause as the analysis reads it."""
    clause: Clause              # text span, with the nested clauses it skips as holes
    own: AClause                # the analysis clause
    chain: list[AClause]        # its ancestors, nearest first
    relatives: list[AClause]    # relative clauses on the number's noun ('Koreans who returned')
    lemmas: str                 # 'return:active abduct:passive': the predicates that say what it is

    def asserted(self) -> bool:
        """Whether the clause states a fact: not negated, not modal, not future."""
        for c in (self.own, self.own.parent if self.own.relation == "complement" else None):
            vg = c.predicate if c is not None else None     # ('did not confirm that 30 were taken')
            if vg is not None and (vg.negated or vg.modal in _UNREAL or vg.tense == "future"):
                return False
        return True


    def age(self, q_end: int, bare: bool, verbs: frozenset[str], persons: re.Pattern[str]) -> bool:
        """'when she was 13', 'his mother turned 89': a bare number a person is or turns is an age."""
        vg, subject = self.own.predicate, self.own.subject
        if not bare or vg is None or vg.lemma not in verbs or subject is None or vg.start > q_end:
            return False
        head = subject.head
        return head.tag in ("NNP", "NNPS") or bool(persons.match(head.lemma or head.text.lower()))


class SentenceAnalyses:
    """The analyses of the sentences the events read (`sentences`), found by offset."""

    def __init__(self, text: str, sentences: list[Span], analyses: Analyses | None) -> None:
        self.spans = sorted(sentences)
        self.starts = [s for s, _ in self.spans]
        self.analyses = analyses if analyses is not None else Analyses(text)

    def at(self, a: int, b: int) -> Sentence | None:
        k = bisect_right(self.starts, a) - 1
        if k < 0 or self.spans[k][1] < b:
            return None
        return self.analyses.of(*self.spans[k])


def _phrases(c: AClause) -> list:
    out = [*c.objects, *c.pps, *c.subjects]
    for p in (c.subject, c.agent):
        if p is not None:
            out.append(p)
    return out


def holder(an: Sentence, text: str, q: Span) -> AClause | None:
    """The clause one of whose phrases holds the number; else the innermost around it; else the
    clause a fronted number opens ('In 1960, 49,000 left')."""
    if _OF_WHOM.match(text, q[1]):
        rel = next((c for c in an.clauses if c.relation == "relative" and q[1] <= c.start <= q[1] + 12), None)
        if rel is not None:
            return rel
    # the number stands before its clause's verb with no other verb between: it is that clause's
    # subject ('..., and about 1,500 Koreans remained in Japan')
    groups = [g.start for g in an.groups]
    fronted = [c for c in an.clauses if c.predicate is not None and c.start <= q[0] and c.predicate.start >= q[1]
               and not any(q[1] <= g < c.predicate.start for g in groups)]
    if fronted:
        return min(fronted, key=lambda c: c.end - c.start)
    # (a relative clause's subject is its antecedent, which belongs to the clause around it)
    having = [c for c in an.clauses if any(p.start <= q[0] < p.end for p in _phrases(c) if p.end > c.start)]
    if having:
        return min(having, key=lambda c: c.end - c.start)
    around = an.clause_of(q[0])
    if around is not None:
        return around
    after = [c for c in an.clauses if c.start >= q[1] and c.predicate is not None]
    return min(after, key=lambda c: (c.relation is not None, c.start), default=None)


def read_clause(an: Sentence, text: str, q: Span, bounds: Clause, others: list[Span]) -> Reading | None:
    """The number's clause from the analysis, kept within `bounds` (the clause cut by strong
    punctuation: the analysis does not stop at a semicolon or a dash), and narrowed between
    the other numbers `others` of the sentence as the punctuation clause is."""
    own = holder(an, text, q)
    if own is None or own.predicate is None:
        return None     # no verb found for it: the caller cuts the clause by punctuation instead
    # relative clauses on the number's noun phrase ('Koreans who returned'): what it counts
    relatives = [c for c in an.clauses if c.relation == "relative" and c is not own and c.start >= q[1] and any(
        p is not None and p.start < q[1] and q[0] < p.end for p in (c.subject, c.antecedent))]
    start, end = max(min(own.start, q[0]), bounds.start), min(max(own.end, q[1]), bounds.end)
    if any(a < end <= b for a, b in bounds.holes):
        end = bounds.end    # the analysis stopped at an insertion ('93,000 people — Koreans ... — to the North')
    mine = [o for o in others if start <= o[0] and o[1] <= end]
    start, end = narrow(text, start, end, q, mine)
    if own.predicate.end <= start or own.predicate.start >= end:
        return None     # its verb is outside the number's part of the sentence
    nested = sorted((c.start, c.end) for c in an.clauses if c is not own and start <= c.start and c.end <= end
                    and not (c.start <= q[0] < c.end) and c not in relatives and (c.start, c.end) != (start, end))
    nested += [h for h in bounds.holes if start <= h[0] and h[1] <= end]
    holes: list[Span] = []
    for a, b in sorted(nested):
        if holes and a < holes[-1][1]:
            holes[-1] = (holes[-1][0], max(b, holes[-1][1]))
        else:
            holes.append((a, b))
    chain, c = [], own.parent
    while c is not None and len(chain) < 8:
        chain.append(c)
        c = c.parent
    lead = min([bounds.lead, start] + [p.start for p in chain if p.start >= bounds.lead])
    lemmas = " ".join(f"{c.predicate.lemma}:{c.predicate.voice}" for c in [own, *relatives] if c.predicate is not None)
    return Reading(Clause(start, end, lead=lead, inner=False, outer=None, holes=tuple(holes)),
                   own, chain, relatives, lemmas)


def own_text_spans(c: AClause, an: Sentence, keep: AClause | None = None) -> list[Span]:
    """The parts of a clause's span that are its own: without the clauses nested in it (except `keep`)."""
    inner = sorted((x.start, x.end) for x in an.clauses if x is not c and x is not keep
                   and c.start <= x.start and x.end <= c.end and (x.start, x.end) != (c.start, c.end)
                   and not (keep is not None and x.start <= keep.start and keep.end <= x.end))
    return between_holes(c.start, c.end, inner)
