"""The open-clause stack of the clause sweep (analyze/clauses.py): a clause being built with
its pending subject, where a noun phrase goes, what ends the stack's clauses, and the checks that
look across the stack."""
from __future__ import annotations

from .clause_rules import REFLEXIVES, only_time
from .types import Clause, Phrase, Token, VerbGroup


class OpenClause:
    """A clause being built, with the sweep's state about it."""

    __slots__ = ("c", "pending", "conj", "last_np", "comma", "cc", "np_since_cc", "np_since_comma",
                 "closes_at_comma", "rel_subject", "appos", "appos_closed")

    def __init__(self, c: Clause, closes_at_comma: bool = False) -> None:
        self.c = c
        self.pending: Phrase | None = None   # the noun phrase that will be the subject
        self.conj: list[Phrase] = []         # its conjuncts ("Japan and South Korea")
        self.last_np: Phrase | None = None
        self.comma = False                   # a comma since the predicate
        self.cc: Token | None = None         # a coordinator since the predicate
        self.np_since_cc: Phrase | None = None
        self.np_since_comma: Phrase | None = None
        self.closes_at_comma = closes_at_comma
        self.rel_subject = True              # relative clause: the pronoun is its subject until a noun phrase says otherwise
        self.appos: Phrase | None = None     # a noun phrase after "NP," before the predicate: apposition or the real subject
        self.appos_closed = False            # a comma after it: an apposition ("Abe, the prime minister, said")


def place_np(cur: OpenClause, np: Phrase, prev_unit: str, after_dash: bool = False,
             time_before: bool = False, tokens: list[Token] = ()) -> None:
    """Put a noun phrase in its clause: the subject a predicate waits for, a conjunct or apposition
    of it, or an object. `time_before`: the phrase waiting is only a time ('Last month, ...')."""
    c = cur.c
    if prev_unit == "np" and np.first == np.last and np.head.text.lower() in REFLEXIVES:
        return          # 'Chongryon itself claimed': the name stays the subject
    if c.predicate is None:
        last = cur.last_np
        if prev_unit == "comma" and np.first == np.last and np.head.text.lower() in REFLEXIVES and cur.pending is not None:
            cur.appos, cur.appos_closed = np, False     # 'The 58-year-old, himself a graduate, said': an aside
        elif prev_unit == "np" and last is not None and last is cur.appos and np.first == last.last + 1 \
                and last.first == last.last and last.head.text.lower() in REFLEXIVES:
            cur.appos = np      # (... 'himself | a graduate': the aside goes on)
        elif after_dash and c.relation is None and c.parent is None:
            # 'TOKYO, Nov. 12 (Kyodo) -- Minister X, who ..., told': the dateline ends at the dash
            cur.pending, cur.conj, cur.appos = np, [np], None
        elif prev_unit == "np" and last is not None and np.first == last.last + 1 and last in cur.conj:
            cur.conj[cur.conj.index(last)] = np     # North Korean leader | Kim Jong-il: the name stands for both
            if cur.pending is last:
                cur.pending = np
        elif prev_unit == "cc" and cur.pending is not None:
            cur.conj.append(np)                     # Japan and South Korea (signed)
        elif cur.pending is not None and prev_unit == "comma" and np.first == np.last and np.head.tag == "CD":
            return                                  # Her mother, Sakie Yokota, | 88, (said): an age
        elif cur.pending is not None and prev_unit == "comma" and (cur.last_np is cur.pending or cur.appos is not None) \
                and not time_before:
            # Abe, the prime minister, (said) | AOMORI -- Ebina (became) | Yokota, father of Megumi,
            # the girl taken in 1977, (died): each phrase set off by commas describes the one before
            cur.appos = np
            cur.appos_closed = False
        else:
            cur.pending = np
            cur.conj = [np]
    else:
        c.objects.append(np)
        if cur.cc is not None and (cur.np_since_cc is None or tokens and np.first == cur.np_since_cc.last + 1
                                   and only_time(cur.np_since_cc, tokens)):
            cur.np_since_cc = np        # ('and the following month our government announced': the time is no subject)
        if cur.comma and cur.np_since_comma is None:
            cur.np_since_comma = np
    cur.last_np = np


def tense_of_the_higher(g: VerbGroup, pred: VerbGroup | None, higher: Clause | None) -> bool:
    """Whether a lone finite verb after 'and' has the tense of the clause above a complement
    and not the complement's own: it goes on from the higher clause."""
    top = higher.predicate if higher is not None else None
    return pred is not None and top is not None and top.finite and g.first == g.last \
        and (g.tense, g.aspect) != (pred.tense, pred.aspect) and (g.tense, g.aspect) == (top.tense, top.aspect)


def shares_the_perfect(g: VerbGroup, pred: VerbGroup | None, higher: Clause | None) -> bool:
    """'has seized a boat that was operating there and arrested its captain': a lone -ed form
    after 'and' shares the perfect auxiliary of the clause above a relative or complement
    clause whose own verb group is of another form."""
    top = higher.predicate if higher is not None else None
    return pred is not None and top is not None and top.finite and top.aspect == "perfect" \
        and g.first == g.last and g.head.text.lower().endswith("ed") and g.head.tag in ("VBD", "VBN") \
        and (pred.tense, pred.aspect) != (top.tense, top.aspect) and pred.aspect != "perfect"


def np_ending(stack: list[OpenClause], last: int) -> Phrase | None:
    """The object or prepositional phrase of an open clause that ends at token `last`."""
    for o in reversed(stack):
        for ph in (*o.c.objects, *(pp.np for pp in o.c.pps if pp.np is not None)):
            if ph.last == last:
                return ph
    return None


def report_first(stack: list[OpenClause], clauses: list[Clause], g: VerbGroup, subject: Phrase | None) -> None:
    """A reporting verb after what it reports: it becomes the main clause, the old one its complement."""
    root = stack[0].c
    while root.parent is not None:                  # a coordinate clause stands for its first conjunct
        root = root.parent
    top = Clause(0, 0, g, subject)
    root.parent, root.relation = top, "complement"
    clauses.insert(0, top)
    stack[:] = [OpenClause(top)]
