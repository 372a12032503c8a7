"""Clauses from chunks and verb groups: one left-to-right sweep with a stack of open clauses.

Each verb group is a clause's predicate. A group goes to the innermost open clause that
still lacks one; otherwise it opens a clause whose relation the words between say: "to"
(infinitive, its subject the controller), "and"/"but" (coordinate, the subject shared
when no noun phrase stands between), a noun phrase after a speech or cognition verb
(complement without "that"), a participle after a noun phrase (reduced relative). Words
that open a clause themselves: relative pronouns (the clause's antecedent is the noun
phrase before), subordinators ("that" complement, "after"/"because" adverbial). A clause
opened after a comma, or before its parent's predicate, closes at the next comma.
"""
from __future__ import annotations

from .clause_placing import place_group
from .clause_rules import (
    PUNCT_SKIP,
    as_participle,
    clause_follows,
    finish,
    finite_after_next_comma,
    is_time_phrase,
    list_goes_on,
    next_unit,
    np_follows,
    only_time,
    promote_lone_participle,
)
from .clause_stack import (
    OpenClause,
    place_np,
)
from .groups import lists
from .types import Clause, Phrase, PrepPhrase, Token, VerbGroup

_COMMA_LIKE = frozenset((",", ":", "-LRB-", "-RRB-"))


def _named_then_finite(j: int, tokens, chunks, of: list[int], group_at: dict) -> bool:
    """Whether a name starts at j and a finite verb follows it: '(to Pyongyang and) North Korean
    leader | Kim Jong Il admitted': the phrase before the name is its title, and the two a subject."""
    if j >= len(tokens) or of[j] < 0 or tokens[j].tag not in ("NNP", "NNPS"):
        return False
    name = chunks[of[j]]
    g = group_at.get(name.last + 1)
    return g is not None and g.finite


def _finite_after_of(j: int, tokens, chunks, of: list[int], group_at: dict) -> bool:
    """Whether a finite verb follows at j past 'of', 'at', 'for', 'from' and 'in' phrases: 'On
    Tuesday, Japan's Minister of Justice | said', 'On Monday, a spokesman at its headquarters
    | declined' open a clause with its subject; it is no second 'on' phrase."""
    while j + 1 < len(tokens) and tokens[j].text.lower() in ("of", "at", "for", "from", "in") and of[j + 1] >= 0:
        j = chunks[of[j + 1]].last + 1
    g = group_at.get(j)
    return g is not None and g.finite


def _described_next(j: int, tokens) -> bool:
    """Whether a comma and a description follow at j: 'After the meeting with Abe, Hajime
    Matsumoto, the brother of Kyoko, told': a name with an apposition of its own opens the
    clause, its subject, and goes on no list of the phrase before."""
    return j + 2 < len(tokens) and tokens[j].tag == "," and tokens[j + 1].tag == "DT" \
        and tokens[j + 1].text.lower() in ("the", "a", "an") and tokens[j + 2].tag not in ("NNP", "NNPS")


_DASHES = frozenset(("--", "—", "–"))
_NAMEISH = frozenset(("NNP", "NNPS", "CD"))
_PREP_ADVERBS = frozenset(("about", "around", "nearly", "almost", "only", "just", "approximately", "roughly",
                           "some", "over", "under", "even", "more", "less", "least", "all"))


def build_clauses(tokens: list[Token], chunks: list[Phrase], of: list[int], groups: list[VerbGroup]) -> list[Clause]:
    L = lists()
    complement_verbs, negative_verbs = L["complement"], L["negative"]
    adverbial, relative, tell_verbs = L["adverbial"], L["relative"], L["tell"]
    n = len(tokens)
    if not n:
        return []
    group_at = {g.first: g for g in groups}
    clauses: list[Clause] = []
    main = Clause(tokens[0].start, tokens[-1].end, None)
    clauses.append(main)
    stack = [OpenClause(main)]
    prep: Token | None = None                # a preposition waiting for its noun phrase
    prev_np: Phrase | None = None            # the last noun phrase seen (any clause)
    prev_unit = ""                           # kind of the last unit: np, vg, pp, comma, cc, marker
    before_cc = ""                           # and the one before the last coordinator
    before_comma = ""                        # and the one before the last comma

    def open_clause(relation: str, parent: Clause, marker: Token | None, closes: bool, **kw) -> OpenClause:
        c = Clause(marker.start if marker else 0, marker.end if marker else 0, None, parent=parent,
                   relation=relation, marker=marker, **kw)
        clauses.append(c)
        o = OpenClause(c, closes)
        stack.append(o)
        return o

    i = 0
    while i < n:
        t = tokens[i]
        tag = t.tag
        cur = stack[-1]
        g = group_at.get(i)
        if g is not None:
            if prev_unit == "comma" and g.first == g.last and t.tag == "VBD" and stack[-1].c.predicate is None \
                    and stack[-1].pending is not None and finite_after_next_comma(g.last + 1, tokens, group_at):
                g = as_participle(g)               # Yokota, abducted in 1977, (was): a participle tagged VBD
            place_group(g, tokens, stack, clauses, complement_verbs, negative_verbs, prev_unit, prev_np, open_clause)
            prev_unit = "vg"
            i = g.last + 1
            continue
        k = of[i]
        if k >= 0:
            np = chunks[k]
            if tokens[np.first].tag == "WP$" and prev_np is not None:
                cur = open_clause("relative", cur.c, tokens[np.first], prev_unit == "comma", antecedent=prev_np)
                cur.rel_subject = False
            after = np.last + 1
            while after < n and tokens[after].tag in ("RB", "RBR", "RBS"):
                after += 1                          # the United Nations formally | called; Japan further | expanded
            nxt_g = group_at.get(after)
            if prep is None and prev_unit == "cc" and before_cc == "pp" and cur.c.pps \
                    and (not (nxt_g and nxt_g.finite) or is_time_phrase(np, tokens)) \
                    and not (nxt_g is None and _named_then_finite(after, tokens, chunks, of, group_at)):
                prep = cur.c.pps[-1].prep           # with her family and (with) neighbors; in the 1970s and 1980s
                start = np.start
            elif prep is None and prev_unit == "pp" and cur.c.pps and cur.c.pps[-1].np is not None \
                    and np.first == cur.c.pps[-1].np.last + 1 and cur.c.pps[-1].head.tag in ("NN", "NNS") \
                    and np.head.tag in ("NNP", "NNPS") and not (nxt_g and nxt_g.finite and cur.c.predicate is None
                                                                 and cur.pending is None) \
                    and not (cur.c.pps[-1].head.tag == "NNS" and nxt_g and nxt_g.first == after
                             and not np_follows(nxt_g, tokens)):
                # (not 'of the people North Korea abducted': a name with a verb of its own after a plural)
                prep = cur.c.pps[-1].prep           # sister of North Korean leader | Kim Jong-un (one person)
                start = np.start
            elif prep is None and prev_unit in ("comma", "cc") and (before_comma if prev_unit == "comma" else before_cc) == "pp" \
                    and cur.c.pps and _such_as(cur.c.pps[-1].prep, tokens) and not (nxt_g and nxt_g.finite):
                prep = cur.c.pps[-1].prep           # goods such as coal, (such as) iron and (such as) seafood
                start = np.start
            elif prep is None and prev_unit == "comma" and before_comma == "pp" and cur.c.pps \
                    and np.head.tag in _NAMEISH and cur.c.pps[-1].head is not None \
                    and cur.c.pps[-1].head.tag in _NAMEISH and not (nxt_g and nxt_g.finite) \
                    and not _finite_after_of(after, tokens, chunks, of, group_at) \
                    and not (cur.c.predicate is None and cur.pending is None and _described_next(after, tokens)):
                prep = cur.c.pps[-1].prep           # in Yurihonjo, (in) Akita Prefecture | on Nov. 24, 2017
                start = np.start
            else:
                start = prep.start if prep is not None else 0
            if prep is not None:
                pp = PrepPhrase(start, np.end, prep, np, np.head, prev_np if prev_unit == "np" else None)
                cur.c.pps.append(pp)
                prep = None
                prev_unit = "pp"
            else:
                place_np(cur, np, prev_unit, np.first > 0 and tokens[np.first - 1].text in _DASHES,
                         # ('Last month, in Phnom Penh, the leaders met': the time is no subject)
                         prev_unit == "comma" and cur.pending is not None and cur.c.predicate is None
                         and only_time(cur.pending, tokens), tokens)
                prev_unit = "np"
            prev_np = np
            i = np.last + 1
            continue
        low = t.text.lower()
        if tag in PUNCT_SKIP:
            i += 1
            continue
        if tag in _COMMA_LIKE or tag == ".":
            prep = None
            before_comma = prev_unit
            for o in reversed(stack):
                o.comma = True
                o.np_since_comma = None
                if o.appos is not None:
                    o.appos_closed = True
            if stack[-1].closes_at_comma and stack[-1].c.predicate is not None and len(stack) > 1 \
                    and not list_goes_on(i, tokens):
                stack.pop()
            if t.text == ";" and stack[0].c.predicate is not None and i + 1 < n:
                # a semicolon ends every open clause: what follows is a clause of its own, with its own subject
                del stack[1:]
                open_clause("parataxis", stack[0].c, None, False)
            prev_unit = "comma"
            i += 1
            continue
        if tag == "CC":
            before_cc = prev_unit
            if cur.c.predicate is not None:
                cur.cc = t
                cur.np_since_cc = None
            prev_unit = "cc"
            i += 1
            continue
        if low == "that" and tag == "WDT" and prev_unit == "np" and cur.c.predicate is not None \
                and cur.c.predicate.lemma in tell_verbs and cur.c.objects == [prev_np] \
                and prev_np.first == cur.c.predicate.last + 1 and isinstance(next_unit(i + 1, n, of, chunks, group_at, tokens), Phrase) \
                and clause_follows(i + 1, n, of, chunks, group_at, tokens):
            t.tag = tag = "IN"                      # told reporters that Japan would respond: a complement, not a relative
        elif low == "that" and tag == "WDT" and prev_unit == "pp" and cur.c.predicate is not None \
                and cur.c.predicate.lemma in complement_verbs and cur.c.pps and cur.c.pps[-1].np is prev_np \
                and not cur.c.objects and clause_follows(i + 1, n, of, chunks, group_at, tokens):
            t.tag = tag = "IN"                      # admitted for the first time that ...: what was admitted
        if tag in ("WDT", "WP") or (tag == "WRB" and low in relative and prev_unit in ("np", "comma", "pp") and prev_np):
            prep = None
            if prev_np is not None and prev_unit in ("np", "comma", "pp") and low != "what":
                o = open_clause("relative", cur.c, t, prev_unit == "comma", antecedent=prev_np)
                o.rel_subject = tag != "WRB" and low != "whom"
            else:                                   # "what he said": a free relative, a complement
                open_clause("complement", cur.c, t, cur.c.predicate is None)
            prev_unit = "marker"
            i += 1
            continue
        if tag == "WRB":
            prep = None
            open_clause("adverbial", cur.c, t, cur.c.predicate is None or prev_unit == "comma")
            prev_unit = "marker"
            i += 1
            continue
        if prep is not None and tag == "RB" and low not in _PREP_ADVERBS:
            prep = None                             # since then | North Korea ...
        if tag in ("IN", "TO"):
            nxt = next_unit(i + 1, n, of, chunks, group_at, tokens)
            if low in ("that", "whether") or (low == "if" and cur.c.predicate is not None and cur.c.predicate.lemma in complement_verbs):
                open_clause("complement", cur.c, t, cur.c.predicate is None)
                prev_unit = "marker"
                prep = None                         # focused on | whether ...
            elif nxt is not None and isinstance(nxt, VerbGroup) and nxt.form in ("gerund", "participle"):
                o = open_clause("adverbial", cur.c, t, cur.c.predicate is None or prev_unit == "comma")
                o.pending = cur.c.subject or cur.pending
                if low == "as" and tokens[nxt.first].tag == "VBN" and cur.c.objects and prev_unit == "np":
                    o.pending = cur.c.objects[-1]   # (lists 17 citizens | as abducted: the citizens were)
                prev_unit = "marker"
                prep = None
            elif low in adverbial and clause_follows(i + 1, n, of, chunks, group_at, tokens):
                open_clause("adverbial", cur.c, t, cur.c.predicate is None or prev_unit == "comma")
                prev_unit = "marker"
                prep = None
            else:
                prep = t
            i += 1
            continue
        i += 1
    promote_lone_participle(main, clauses, tokens)
    finish(clauses, tokens)
    return clauses


def _such_as(prep: Token, tokens: list[Token]) -> bool:
    """The "as" of "such as", which opens a list of examples."""
    return prep.i > 0 and prep.text.lower() == "as" and tokens[prep.i - 1].text.lower() == "such"
