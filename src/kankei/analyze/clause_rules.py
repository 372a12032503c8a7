"""Helpers of the clause sweep (clauses.py): looking ahead over units, re-reading a verb group
the tagger got wrong (a past tense tagged VBN, a participle tagged VBD), and the passes that
finish a sentence's clauses (spans, inverted subjects, passive agents, a lone participle)."""
from __future__ import annotations

import re

from .groups import lists
from .types import Clause, Phrase, Token, VerbGroup

PUNCT_SKIP = frozenset(("``", "''", '"', "NFP"))    # quotes and symbols the sweep steps over


def next_unit(i: int, n: int, of: list[int], chunks: list[Phrase], group_at: dict,
               tokens: list[Token] | None = None) -> Phrase | VerbGroup | None:
    while tokens is not None and i < n and tokens[i].tag in PUNCT_SKIP:
        i += 1                                      # because " the court ...
    if i >= n:
        return None
    if i in group_at:
        return group_at[i]
    if of[i] >= 0:
        return chunks[of[i]]
    return None


REFLEXIVES = frozenset(("itself", "themselves", "himself", "herself"))


def clause_follows(i: int, n: int, of: list[int], chunks: list[Phrase], group_at: dict, tokens: list[Token]) -> bool:
    """A finite verb group after a noun phrase: "after Abe met Kim"."""
    u = next_unit(i, n, of, chunks, group_at, tokens)
    if isinstance(u, VerbGroup):
        return u.finite
    if u is None:
        return False
    j = u.last + 1
    for _ in range(4):                              # as the clash in the peninsula | became ...
        if j + 1 < n and tokens[j].tag in ("IN", "CC") and of[j + 1] >= 0:
            j = chunks[of[j + 1]].last + 1          # ... and Japan's efforts
        elif j < n and of[j] >= 0 and tokens[j].text.lower() in REFLEXIVES:
            j = chunks[of[j]].last + 1              # while Chongryon itself | claimed
        elif j in group_at and group_at[j].form == "infinitive":
            j = group_at[j].last + 1                # ... efforts to normalize relations | failed
            if j < n and of[j] >= 0:
                j = chunks[of[j]].last + 1
        else:
            break
    if j < n and tokens[j].tag in ("WDT", "WP", "WRB"):
        return True                                 # as residents in areas where ... | are expressing
    if j < n and tokens[j].tag == "," and tokens[u.last].tag in ("NNP", "NNPS"):
        j = _past_apposition(j, n, tokens)          # since Koizumi, then prime minister, | sat down
    g = group_at.get(j)
    return g is not None and (g.finite or (g.form == "participle" and g.first == g.last))


_APPOSITION_TAGS = frozenset(("DT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "RB", "CD", "POS", "PRP$", "IN", "HYPH"))


def _past_apposition(j: int, n: int, tokens: list[Token]) -> int:
    """Past a short noun phrase set off by commas after a name (', then prime minister,'): where
    the next unit starts, else j."""
    for k in range(j + 1, min(n, j + 9)):
        if tokens[k].tag == ",":
            return k + 1 if k > j + 1 else j
        if tokens[k].tag not in _APPOSITION_TAGS:
            return j
    return j


def finite_after_next_comma(i: int, tokens: list[Token], group_at: dict) -> bool:
    for k in range(i, len(tokens)):
        tag = tokens[k].tag
        if tag == ",":
            g = group_at.get(k + 1)
            return g is not None and g.finite
        if tag in ("DT", "PRP", "VBD", "VBZ", "VBP", "MD", "CC", "WDT", "WP"):
            return False                            # an object or another verb: a finite clause of its own
    return False


def sharing_auxiliaries(g: VerbGroup, parent: VerbGroup, cc: Token | None) -> VerbGroup:
    """'has never apologized or paid': a lone participle coordinated with a perfect takes its
    auxiliaries (tense, aspect, voice), and after 'or'/'nor' its negation."""
    if g.form != "participle" or g.first != g.last or parent.aspect not in ("perfect", "perfect-progressive"):
        return g
    negated = g.negated or parent.negated and cc is not None and cc.text.lower() in ("or", "nor")
    return VerbGroup(g.start, g.end, g.head, g.lemma, parent.voice, parent.tense, parent.aspect, negated, parent.modal,
                     parent.finite, parent.form, g.first, g.last, g.tag_first)


def sharing_modal(g: VerbGroup, parent: VerbGroup) -> VerbGroup:
    """'will lift the ban, ease the rules': a bare verb in a list takes the modal (tense) it follows."""
    return VerbGroup(g.start, g.end, g.head, g.lemma, g.voice, parent.tense, g.aspect, g.negated, parent.modal,
                     parent.finite, parent.form if parent.form != "infinitive" else "bare", g.first, g.last, g.tag_first)


def as_participle(g: VerbGroup) -> VerbGroup:
    return VerbGroup(g.start, g.end, g.head, g.lemma, "passive", None, None, g.negated, g.modal, False,
                     "participle", g.first, g.last, g.tag_first)


def prep_follows(g: VerbGroup, tokens: list[Token]) -> bool:
    j = g.last + 1
    return j >= len(tokens) or tokens[j].tag in ("IN", ",", ".", "TO", "-RRB-", ":")


def np_follows(g: VerbGroup, tokens: list[Token]) -> bool:
    j = g.last + 1
    return j < len(tokens) and tokens[j].tag in ("DT", "CD", "NNP", "NNPS", "PRP$", "NNS", "PRP") and tokens[j].text.lower() != "by"


def as_finite_past(g: VerbGroup) -> VerbGroup:
    return VerbGroup(g.start, g.end, g.head, g.lemma, "active", "past", g.aspect, g.negated, g.modal, True,
                     "finite", g.first, g.last, g.tag_first)


def promote_lone_participle(main: Clause, clauses: list[Clause], tokens: list[Token]) -> None:
    """A sentence whose only verb is a participle on its first noun phrase ("Chongryon often served
    as a medium."): the tagger took a past tense for a participle; it is the main predicate.
    Headlines (no final period) keep their participle: "Son of leader detained in Japan"."""
    if main.predicate is not None or main.relation is not None or not tokens or tokens[-1].tag != ".":
        return
    kids = [c for c in clauses if c.parent is main and c.relation == "relative" and c.marker is None
            and c.predicate is not None and c.predicate.form == "participle"
            and c.predicate.first == c.predicate.last]
    if len(kids) != 1:
        return
    k = kids[0]
    g = k.predicate
    by = any(pp.prep.text.lower() == "by" for pp in k.pps)
    main.predicate = VerbGroup(g.start, g.end, g.head, g.lemma, "passive" if by else "active", "past", None,
                               g.negated, g.modal, True, "finite", g.first, g.last, g.tag_first)
    main.subject, main.subjects = k.subject, k.subjects
    of = next((pp for pp in main.pps if pp.np is k.subject and pp.prep.text.lower() == "of" and pp.after), None)
    if of is not None:
        # ('The suspension of talks lasted until 2000': the head before its 'of' phrase is the subject)
        main.subject, main.subjects = of.after, [of.after]
        main.pps = [pp for pp in main.pps if pp.end <= of.end] + k.pps
        main.objects = k.objects
    else:
        main.objects, main.pps = k.objects, k.pps
    for c in clauses:
        if c.parent is k:
            c.parent = main
    clauses.remove(k)


def finish(clauses: list[Clause], tokens: list[Token]) -> None:
    """Spans (own words, then widened over child clauses), inverted subjects, passive agents."""
    for c in clauses:
        lo, hi = 10**12, -1
        parts: list = [c.predicate, c.marker, *c.objects, *c.pps]
        if not c.shared_subject:
            parts.append(c.subject)
        for p in parts:
            if p is not None:
                if p.start < lo:
                    lo = p.start
                if p.end > hi:
                    hi = p.end
        c.start, c.end = (lo, hi) if hi >= 0 else (c.start, c.end)
        p = c.predicate
        if p is None:
            continue
        if c.subject is None and c.objects and c.objects[0].first == p.last + 1 and c.relation is None \
                and any(k.parent is c and k.relation == "complement" and k.start < p.start for k in clauses):
            c.subject = c.objects.pop(0)            # "...," said Abe
            c.inverted = True
        if c.subject is None and not p.finite and c.parent is not None and c.parent.subject is not None \
                and c.relation in ("adverbial", "infinitive"):
            c.subject = c.parent.subject            # Speaking to reporters, Abe (said)
            c.shared_subject = True
        if (doer := _doer_of_for_gerund(c)) is not None:
            c.subject, c.subjects, c.shared_subject = doer, [doer], True    # denounced X for persecuting
        if p.voice == "passive" and _coordinated_past(c, p):
            c.predicate = p = as_finite_past(p)     # 'promised ... and set up a committee': not a passive
        if p.voice == "passive":
            for pp in c.pps:
                if pp.start >= p.end and pp.prep.text.lower() == "by":
                    c.agent = pp.np
                    break
    conj = {id(c.subject): c.subjects for c in clauses if len(c.subjects) > 1}
    for c in clauses:
        if c.subject is not None and not c.subjects:
            c.subjects = conj.get(id(c.subject)) or [c.subject]
    # children widen their parents (deepest first: a child is created after its parent)
    for c in reversed(clauses):
        par = c.parent
        if par is not None and c.end > c.start:
            if par.end <= par.start:
                par.start, par.end = c.start, c.end
            else:
                par.start = min(par.start, c.start)
                par.end = max(par.end, c.end)


def _doer_of_for_gerund(c: Clause):
    """'denounced the authorities for persecuting Chongryon (and for excluding ...)': the object
    of the verb is who does what a 'for' gerund after it says, not the verb's subject."""
    p, par = c.predicate, c.parent
    if c.relation != "adverbial" or c.marker is None or c.marker.text.lower() != "for" or p.form != "gerund" \
            or par is None or par.predicate is None:
        return None
    if par.relation == "adverbial" and par.marker is not None and par.marker.text.lower() == "for" \
            and par.predicate.form == "gerund":
        return par.subject      # (the second of two 'for' gerunds: the first one's doer)
    if par.objects and par.objects[0].end <= c.marker.start:
        return par.objects[0]
    return None


def _coordinated_past(c: Clause, p: VerbGroup) -> bool:
    """A lone participle coordinated after an active verb that shares its subject and takes an
    object of its own ('... and set up a special committee'): the tagger's participle is a past."""
    par = c.parent
    return c.relation == "coordinate" and c.shared_subject and p.form == "participle" and p.first == p.last \
        and par is not None and par.predicate is not None and par.predicate.voice == "active" \
        and bool(c.objects) and c.objects[0].start > p.start and c.agent is None \
        and not any(pp.prep.text.lower() == "by" for pp in c.pps)


def that_follows(g: VerbGroup, tokens: list[Token]) -> bool:
    """'that' opens a clause within a few words after the verb ('estimated in 2015 that')."""
    return any(t.text.lower() == "that" for t in tokens[g.last + 1:g.last + 6])


def named_before_comma(g: VerbGroup, np: Phrase, tokens: list[Token]) -> bool:
    """A lone participle (or a same-form past: 'set up') after ', ' that follows a proper name
    or its parenthesized acronym, with a time or a place after it ('..., founded in 1997')."""
    if g.first != g.last or g.first < 2 or tokens[g.first - 1].tag != ",":
        return False
    word = tokens[g.first]
    if not (g.form == "participle" or word.tag in ("VBD", "VB") and word.text.lower() in lists()["same_form_participles"]):
        return False
    before = tokens[g.first - 2]
    if before.tag not in ("NNP", "NNPS", "-RRB-") or np.last != (g.first - 3 if before.tag == "-RRB-" else g.first - 2):
        return False
    j = g.last + 1
    while j < len(tokens) and tokens[j].tag == "RP":
        j += 1
    return j < len(tokens) and (tokens[j].tag == "IN" and tokens[j].text.lower() in ("in", "on", "at", "by", "after")
                                or tokens[j].tag == "DT" and j + 1 < len(tokens) and tokens[j + 1].tag == "VBG")


def contact_relative(subject: Phrase, tokens: list[Token]) -> bool:
    """A pronoun subject right after a common noun, no comma between: 'the abuses they said'."""
    return subject.head.tag == "PRP" and subject.first == subject.last and subject.first > 0 \
        and tokens[subject.first - 1].tag in ("NN", "NNS")


def contact_subject(np: Phrase, tokens: list[Token]) -> bool:
    """A pronoun or a name right after a common noun, no comma between: the subject of a relative
    clause without its pronoun ('the nationals it abducted', 'the people North Korea abducted')."""
    return np.first > 0 and tokens[np.first - 1].tag in ("NN", "NNS") \
        and tokens[np.first - 1].text.lower() not in lists()["time_nouns"] and (
        np.head.tag == "PRP" and np.first == np.last or all(t.tag in ("NNP", "NNPS") for t in tokens[np.first:np.last + 1]))


def by_follows(g, tokens: list[Token]) -> bool:
    """Whether 'by' comes right after a verb group: a passive's agent ('abducted by agents')."""
    return g.last + 1 < len(tokens) and tokens[g.last + 1].text.lower() == "by"


_DECADE = re.compile(r"(?:1[89]|20)\d0['’]?s|\d{4}")


def is_time_phrase(np: Phrase, tokens: list[Token]) -> bool:
    """A noun phrase that is only a time ('1980s', '2006', 'May 2009'): no subject of a verb."""
    words = [t for t in tokens[np.first:np.last + 1] if t.tag not in ("DT", "CD") or _DECADE.fullmatch(t.text)]
    return bool(words) and all(_DECADE.fullmatch(t.text) or t.text.lower() in lists()["months"] for t in words)



def only_time(np: Phrase, tokens: list[Token]) -> bool:
    """A noun phrase that names only a time, as an opening adverbial ('Last month', 'That
    year', 'Three weeks', 'Monday'): it is no subject."""
    g = lists()
    words = tokens[np.first:np.last + 1]
    return is_time_phrase(np, tokens) or all(
        t.tag in ("DT", "CD") or t.text.lower() in g["time_adjectives"] or t.text.lower() in g["day_adverbs"]
        or t.text.lower().rstrip(".") in g["months"] or t.text.lower() in g["span_nouns"] or t.text.lower() in ("same", "this", "that")
        for t in words) and any(t.text.lower() in g["span_nouns"] or t.text.lower().rstrip(".") in g["months"]
                                or t.text.lower() in g["day_adverbs"] or _DECADE.fullmatch(t.text) for t in words)


def list_goes_on(i: int, tokens) -> bool:
    """Whether the comma at i parts names of one list ('from Japan, South Korea and the United
    States'): a name before it, and names after it up to an 'and' or 'or' and a last name."""
    if i == 0 or tokens[i - 1].tag not in ("NNP", "NNPS"):
        return False
    j, n = i + 1, len(tokens)
    while j < n:
        if tokens[j].tag == "DT":
            j += 1
        k = j
        while k < n and tokens[k].tag in ("NNP", "NNPS"):
            k += 1
        if k == j:
            return False
        if k < n and tokens[k].tag == "," and k + 1 < n and tokens[k + 1].tag == "CC":
            k += 1      # (a serial comma: 'Japan, South Korea, and the United States')
        if k < n and tokens[k].tag == "CC" and tokens[k].text.lower() in ("and", "or"):
            k += 1
            if k < n and tokens[k].tag == "DT":
                k += 1
            return k < n and tokens[k].tag in ("NNP", "NNPS")
        if k >= n or tokens[k].tag != ",":
            return False
        j = k + 1
    return False
