"""Where a verb group goes in the clause sweep of clauses.py: into the innermost open clause
that still lacks a predicate, or into a clause it opens, its relation told by the words between
(an infinitive's "to", a coordinating "and", a complement without "that", a reduced relative);
and what its clause takes after it (objects, an apposition, a bare infinitive)."""
from __future__ import annotations

from .clause_rules import (
    PUNCT_SKIP,
    as_finite_past,
    as_participle,
    by_follows,
    contact_subject,
    is_time_phrase,
    named_before_comma,
    np_follows,
    prep_follows,
    sharing_auxiliaries,
    sharing_modal,
    that_follows,
)
from .clause_stack import (
    OpenClause,
    np_ending,
    report_first,
    shares_the_perfect,
    tense_of_the_higher,
)
from .groups import lists
from .types import Clause, Phrase, Token, VerbGroup

_BARE_INFINITIVE = frozenset({"help", "let", "make"})     # verbs whose complement is a bare infinitive
_SUBJECT_START = frozenset(("DT", "NNP", "NNPS", "NN", "NNS", "PRP", "PRP$", "JJ", "CD"))


def _apposed_chain(objects: list[Phrase], tokens) -> Phrase | None:
    """The first of the last objects set off by commas alone ('won, | the principal, Kang,'), if
    there are two or more and a comma comes before them: a subject and its apposition."""
    k = len(objects) - 1
    # (a closing quote ends the walk: '"It was a ghost ship," the fisherman, 64, told')
    while k > 0 and objects[k - 1].last < objects[k].first - 1 \
            and all(t.tag == "," or t.tag in PUNCT_SKIP for t in tokens[objects[k - 1].last + 1:objects[k].first]) \
            and any(t.tag == "," for t in tokens[objects[k - 1].last + 1:objects[k].first]) \
            and not any(t.tag == "''" for t in tokens[objects[k - 1].last + 1:objects[k].first]):
        k -= 1
    first = objects[k]
    if k == len(objects) - 1 or first.first < 1:
        return None
    j = first.first - 1
    while j > 0 and tokens[j].tag in PUNCT_SKIP:
        j -= 1
    return first if tokens[j].tag == "," else None


def _time_measure(np: Phrase, tokens) -> bool:
    """'(then) hours later', 'and two days later': a stretch of time before 'later', no one who acts."""
    nxt = tokens[np.last + 1] if np.last + 1 < len(tokens) else None
    return nxt is not None and nxt.text.lower() in ("later", "earlier", "afterwards") \
        and np.head.text.lower() in lists()["span_nouns"]



def place_group(g: VerbGroup, tokens: list[Token], stack: list[OpenClause], clauses: list[Clause],
                 complement_verbs: frozenset[str], negative_verbs: frozenset[str],
                 prev_unit: str, prev_np: Phrase | None, open_clause) -> None:
    while True:
        cur = stack[-1]
        c = cur.c
        if g.form == "participle" and g.first == g.last and c.predicate is None and c.relation == "adverbial" \
                and c.marker is not None and c.marker.text.lower() == "as" and tokens[g.first].tag == "VBN":
            g = as_participle(g)                   # lists 17 citizens as abducted by agents: done to them
        elif g.form == "participle" and g.first == g.last and np_follows(g, tokens) and (
                (c.predicate is None and (prev_unit in ("np", "comma") and cur.pending is not None
                                          or prev_unit == "marker" and c.relation == "relative" and cur.rel_subject))
                or (c.predicate is not None and prev_unit == "cc" and cur.cc is not None)):
            g = as_finite_past(g)                  # "North Korea abducted 13 people": a past tense tagged VBN
        elif g.form == "participle" and g.first == g.last and c.predicate is None and prev_unit in ("np", "comma") \
                and cur.pending is not None and g.lemma in complement_verbs and that_follows(g, tokens):
            g = as_finite_past(g)                  # "The agency estimated in 2015 that ...": a past tense tagged VBN
        elif g.form == "participle" and g.first == g.last and c.predicate is not None and prev_unit == "np" \
                and cur.cc is not None and cur.np_since_cc is prev_np:
            g = as_finite_past(g)                  # ..., but nobody paid attention | and her parents called for
        elif g.form == "participle" and g.first == g.last and c.predicate is None and c.marker is not None \
                and c.relation in ("adverbial", "complement") and cur.pending is not None:
            g = as_finite_past(g)                  # after the efforts to normalize relations failed

        if c.predicate is None:
            if g.form == "infinitive":
                # efforts to normalize relations: the infinitive of a noun, not this clause's predicate
                o = open_clause("infinitive", c, tokens[g.first], False, antecedent=cur.last_np)
                o.c.predicate = g
                return
            if g.form in ("participle", "gerund") or (g.tag_first == "VBD" and g.first == g.last and prep_follows(g, tokens)):
                if c.relation is None and cur.pending is None and prev_unit in ("", "comma") and c.parent is None:
                    # Speaking to reporters, (Abe said) | Asked about it, (...): an opening participle
                    o = open_clause("adverbial", c, None, True)
                    o.c.predicate = g if g.form != "finite" else as_participle(g)
                    return
            if g.form in ("participle", "gerund") and prev_unit == "pp" and cur.pending is None and c.pps \
                    and c.pps[-1].np is prev_np and c.pps[-1].prep.text.lower() in ("with", "without"):
                # ('With the talks having faltered, North Korea tested ...': an absolute clause, its
                # noun the subject, no phrase of the main clause)
                pp = c.pps.pop()
                o = open_clause("adverbial", c, pp.prep, True)
                o.c.predicate = g
                o.c.subject = prev_np
                return
            if g.form in ("participle", "gerund") and c.relation != "relative" and prev_unit in ("np", "comma", "pp") \
                    and (cur.pending is not None or prev_unit == "pp" and prev_np is not None
                         and not is_time_phrase(prev_np, tokens)):
                # ('In a statement carried by KCNA, X said': a reduced relative on the phrase's noun)
                # Yokota, abducted in 1977, (died): a reduced relative on the noun phrase before
                ante = prev_np if prev_unit == "pp" and prev_np is not None else cur.last_np
                o = open_clause("relative", c, None, prev_unit == "comma" or cur.pending is None, antecedent=ante)
                o.c.predicate = g
                o.c.subject = ante
                o.c.shared_subject = True
                return
            c.predicate = g
            cur.comma = False                       # commas and coordinators before the predicate do not count
            cur.np_since_comma = None
            cur.cc = None
            if c.subject is None:
                if c.relation == "relative" and cur.rel_subject and cur.pending is None:
                    c.subject = c.antecedent
                    c.shared_subject = True
                elif cur.appos is not None and not cur.appos_closed:
                    c.subject = cur.appos           # no comma closes it: the name after a dateline or an opener
                else:
                    c.subject = cur.pending
                    if len(cur.conj) > 1 and cur.conj[0] is cur.pending:
                        c.subjects = cur.conj[:]    # Japan and South Korea (signed)
            return
        # the clause has its predicate: this group opens another one
        pred = c.predicate
        if c.relation == "infinitive" and c.antecedent is not None and g.form != "infinitive" \
                and len(stack) > 1 and stack[-2].c.predicate is None:
            stack.pop()                             # (after) the efforts to normalize relations | failed
            continue
        if g.form == "infinitive":
            ctrl = c.objects[-1] if c.objects and c.objects[-1].end <= g.start else c.subject
            o = open_clause("infinitive", c, tokens[g.first], False)
            o.c.predicate = g
            o.c.subject = ctrl
            o.c.shared_subject = True
            if pred.lemma in negative_verbs and not pred.negated:
                g.negated = True                    # failed to reach: the reaching did not happen
            return
        if g.finite and prev_unit == "comma" and len(stack) > 1:
            waiting = [k for k in range(len(stack) - 1) if stack[k].c.predicate is None and stack[k].pending is not None]
            if waiting:
                del stack[waiting[-1] + 1:]         # The plaintiffs, including those who had fled, | filed
                continue
        if (g.finite or (g.form == "participle" and g.first == g.last)) and prev_unit == "np" and len(stack) > 1 \
                and cur.comma and cur.np_since_comma is prev_np and prev_np in c.objects and c.objects[-1] is prev_np:
            waiting = [k for k in range(len(stack) - 1) if stack[k].c.predicate is None]
            if waiting:
                if not g.finite:
                    g = as_finite_past(g)           # ..., Japan invested/VBN into: a past tense
                # At a meeting with X, the leader of Y, and others, in Tokyo, | Abe said: the name after
                # the last comma is the subject the opening phrases waited for
                c.objects.remove(prev_np)
                del stack[waiting[-1] + 1:]
                top = stack[-1]
                top.pending = top.last_np = prev_np
                top.conj = [prev_np]
                top.appos = None
                continue
        if g.form == "participle" and g.first == g.last and prev_unit == "comma" and len(stack) > 1 \
                and c.relation == "relative" and stack[0].c.predicate is None and stack[0].pending is not None \
                and g.tag_first in ("VBN", "VBD") and not np_follows(g, tokens) and prep_follows(g, tokens):
            # 'X, a student who had disappeared in 1978, returned in 2002': the main verb after the aside
            g = as_finite_past(g)
            del stack[1:]
            continue
        if prev_unit == "comma" and prev_np is not None and named_before_comma(g, prev_np, tokens):
            # 'the Association (AFVKN), founded in March 1997,': the participle describes the name
            o = open_clause("relative", c, None, True, antecedent=prev_np)
            o.c.predicate = as_participle(g)
            o.c.subject = prev_np
            o.c.shared_subject = True
            return
        if cur.cc is not None and prev_unit in ("np", "pp") and g.finite and len(stack) > 1 and c.relation == "relative" \
                and c.predicate is not None and stack[-2].c.predicate is None and g.tag_first == "VBD" \
                and g.last + 1 < len(tokens) and tokens[g.last + 1].tag in ("DT", "PRP$", "NNP", "NNPS", "CD", "NNS") \
                and (cur.np_since_cc is not None or prev_unit == "pp"):
            # ('Families of those who were abducted in the 1970s and 1980s welcomed ...': the 'and'
            # joined two phrases; the verb is the sentence's, which had none yet)
            stack.pop()
            continue
        if cur.cc is not None and prev_unit in ("cc", "np", "pp", "comma"):
            own = cur.np_since_cc
            if own is not None and _time_measure(own, tokens):
                if own in c.objects:
                    c.objects.remove(own)
                own = None          # ('and two days later launched another': the subject goes on)
            # ('who was born and raised in Japan and went': 'raised' shares 'was', so it is finite)
            pred_finite = pred.finite or c.relation == "coordinate" and c.shared_subject and c.parent is not None \
                and c.parent.predicate is not None and c.parent.predicate.finite
            if g.finite and len(stack) > 1 and (
                    own is None and not pred_finite
                    or (own is None or own.head.tag == "PRP") and c.relation == "complement"
                    and tense_of_the_higher(g, pred, c.parent)
                    or own is None and c.relation in ("relative", "complement") and shares_the_perfect(g, pred, c.parent)
                    # ('held that the seizure was unlawful, and it ordered ...': a pronoun's act after a
                    # complement that only says what was so goes on from the clause above)
                    or own is not None and own.head.tag == "PRP" and c.relation == "complement"
                    and pred is not None and pred.lemma == "be" and g.lemma != "be"):
                # was dispersed for demonstrations led by X, | but managed; admits that X abducted 13
                # people | and apologizes (the tense of the saying, not of what was said)
                if own is not None and own in c.objects:
                    c.objects.remove(own)
                stack.pop()
                stack[-1].cc = cur.cc
                stack[-1].np_since_cc = None
                continue
            if own is None and len(stack) > 1 and g.form == "participle" and g.first == g.last and pred is not None \
                    and pred.voice == "active" and pred.aspect is None and pred.form in ("gerund", "infinitive", "bare"):
                # ('agreed to help finance the project resulting from it, and also donated food': a lone
                # participle is no partner of an active -ing or infinitive; it goes with a verb higher up)
                stack.pop()
                stack[-1].cc = cur.cc
                stack[-1].np_since_cc = None
                continue
            if own is not None and own in c.objects:
                c.objects.remove(own)
            if own is None and pred is not None:
                g = sharing_auxiliaries(g, pred, cur.cc)
                if g.form == "bare" and (pred.modal or pred.tense == "future"):
                    g = sharing_modal(g, pred)      # 'will lift the ban and allow ships in'
            o = OpenClause(Clause(0, 0, g, own or c.subject, parent=c, relation="coordinate", marker=cur.cc,
                             shared_subject=own is None), cur.closes_at_comma)
            clauses.append(o.c)
            stack[-1] = o
            return
        if g.finite and len(stack) > 1 and stack[-2].c.predicate is None:
            stack.pop()                             # the agents who abducted her | were arrested
            continue
        if cur.comma and cur.np_since_comma is None and prev_unit == "comma" and g.finite and g.lemma not in complement_verbs:
            if len(stack) > 1 and c.relation == "relative" and pred is not None and not pred.finite \
                    and c.marker is None and stack[-2].c.predicate is not None and stack[-2].c.predicate.finite:
                stack.pop()     # ('declared the accord nullified, withdrew from ...': the finite verb's list)
                continue
            o = OpenClause(Clause(0, 0, g, c.subject, parent=c, relation="coordinate", shared_subject=True), cur.closes_at_comma)
            clauses.append(o.c)
            stack[-1] = o
            return
        if g.finite and prev_unit == "np" and c.objects and c.objects[-1] is prev_np and cur.comma \
                and _time_measure(prev_np, tokens):
            # '..., then hours later declared': the first clause's subject goes on, a stretch of time later
            c.objects.remove(prev_np)
            root = stack[0].c
            o = OpenClause(Clause(0, 0, g, root.subject, parent=root, relation="coordinate", shared_subject=True),
                           stack[0].closes_at_comma)
            clauses.append(o.c)
            stack[:] = [o]
            return
        if g.finite and prev_unit == "np" and c.objects and c.objects[-1] is prev_np:
            np = prev_np
            first = cur.np_since_comma
            if cur.comma and first is not None and first in c.objects and g.lemma in complement_verbs \
                    and not (first is not np and first.head.text.lower() in lists()["span_nouns"]):
                # (not 'in 2002, the year Pyongyang admitted ...': a time that a clause describes)
                # "Talks will resume, Abe said": the saying is the main clause, the rest its complement
                del c.objects[c.objects.index(first):]   # "..., DNA analyst Yoshii Tomio told": the name is the subject
                report_first(stack, clauses, g, np)
                return
            if pred.lemma in complement_verbs or len(stack) == 1:
                c.objects.remove(np)
                if contact_subject(np, tokens) and pred.lemma not in lists()["tell"]:
                    # abuses | they said they suffered: a relative clause with no pronoun of its own
                    o = open_clause("relative", c, None, False, antecedent=np_ending(stack, np.first - 1))
                    o.c.predicate = g
                    o.c.subject = np
                    return
                o = open_clause("complement" if pred.lemma in complement_verbs else "parataxis", c, None, False)
                o.c.predicate = g
                o.c.subject = np
                return
        if g.form in ("gerund", "participle") and prev_unit == "vg" and g.first == pred.last + 1:
            o = open_clause("complement", c, None, False)                    # tried repairing the damage
            o.c.predicate = g
            o.c.subject = c.subject
            o.c.shared_subject = True
            return
        if g.form == "participle" and g.first == g.last and prev_unit == "np" and prev_np is not None \
                and contact_subject(prev_np, tokens) and not by_follows(g, tokens):
            # the nationals it abducted, the people North Korea abducted: a relative clause with no
            # pronoun of its own, its verb a past the tagger took for a participle
            if prev_np in c.objects:
                c.objects.remove(prev_np)
            o = open_clause("relative", c, None, False, antecedent=np_ending(stack, prev_np.first - 1))
            o.c.predicate = as_finite_past(g)
            o.c.subject = prev_np
            return
        if not g.finite and g.form != "bare" and prev_unit in ("np", "pp") and prev_np is not None:
            o = open_clause("relative", c, None, False, antecedent=prev_np)   # citizens abducted by agents
            o.c.predicate = g
            o.c.subject = prev_np
            o.c.shared_subject = True
            return
        if g.form == "bare" and prev_unit == "comma" and pred is not None and (pred.modal or pred.tense == "future"
                                                                             or pred.form in ("bare", "infinitive")):
            # 'will lift the ban, ease the rules and allow ...': a list of what the modal governs
            o = OpenClause(Clause(0, 0, sharing_modal(g, pred), c.subject, parent=c, relation="coordinate",
                             shared_subject=True), cur.closes_at_comma)
            clauses.append(o.c)
            stack[-1] = o
            return
        if not g.finite and prev_unit == "comma":
            o = open_clause("adverbial", c, None, True)                      # ..., saying that
            o.c.predicate = g
            o.c.subject = c.subject
            o.c.shared_subject = True
            return
        if cur.comma and prev_unit == "comma" and g.lemma in complement_verbs and g.finite and prev_np is not None \
                and c.objects and c.objects[-1] is prev_np and prev_np.last + 2 == g.first \
                and (first := _apposed_chain(c.objects, tokens)) is not None:
            # '"We won," the principal, Kang, told reporters': the saying is the main clause, the
            # first phrase after the quote its subject and the next its apposition
            del c.objects[c.objects.index(first):]
            report_first(stack, clauses, g, first)
            return
        if cur.comma and prev_unit == "comma" and g.lemma in complement_verbs and g.finite \
                and g.last + 1 < len(tokens) and tokens[g.last + 1].tag in _SUBJECT_START:
            report_first(stack, clauses, g, None)        # "Talks will resume, said Abe": its subject follows
            return
        if len(stack) > 1:
            stack.pop()
            continue
        if g.tag_first == "VBD" and g.first == g.last and prev_unit == "np" and prev_np is not None \
                and contact_subject(prev_np, tokens) and prev_np.head.tag == "PRP":
            for o in stack:                         # the nationals it | abducted in the 1970s
                if prev_np in o.c.objects:
                    o.c.objects.remove(prev_np)
            o = open_clause("relative", c, None, False, antecedent=np_ending(stack, prev_np.first - 1))
            o.c.predicate = g
            o.c.subject = prev_np
            return
        if g.tag_first == "VBD" and g.first == g.last and prev_unit in ("np", "pp") and prev_np is not None \
                and prep_follows(g, tokens):
            o = open_clause("relative", c, None, False, antecedent=prev_np)   # a meeting held in Pyongyang
            o.c.predicate = as_participle(g)
            o.c.subject = prev_np
            o.c.shared_subject = True
            return
        if prev_unit == "vg" and g.form == "bare" and c.predicate is not None and c.predicate.lemma in _BARE_INFINITIVE \
                and not c.objects:
            # 'helped found the association', 'made them leave': what the verb's subject (or object) does
            o = open_clause("infinitive", c, None, False)
            o.c.predicate = g
            o.c.subject = c.subject
            o.c.shared_subject = True
            return
        subject = None
        if g.finite and prev_unit == "np" and prev_np is not None:
            for o in stack:                         # ..., today the Cabinet | approved: the noun phrase was no object
                if o.c.objects and o.c.objects[-1] is prev_np:
                    o.c.objects.pop()
                    subject = prev_np
        if subject is not None and contact_subject(subject, tokens):
            o = open_clause("relative", c, None, False, antecedent=np_ending(stack, subject.first - 1))
        else:
            o = open_clause("parataxis", c, None, False)
        o.c.predicate = g
        o.c.subject = subject
        return
