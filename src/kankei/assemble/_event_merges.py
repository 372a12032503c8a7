"""One occurrence, one reading, within a sentence: the head word of a phrase the lexicon matched
twice, two verbs of one type coordinated ('acknowledged and apologized'), two words of one type on
one time ('a meeting held in Pyongyang in December')."""
from __future__ import annotations

import re

from kankei.assemble.event_reading import Reading


def heads_only(readings: list[Reading], text: str) -> list[Reading]:
    """'the adoption of the resolution': an event noun after 'of' that names the same kind of
    event as the noun before it is that event, not another."""
    out: list[Reading] = []
    for r in readings:
        prev = out[-1] if out else None
        if prev is not None and not r.verb and not prev.verb and prev.type == r.type \
                and _OF_LINK.fullmatch(text, prev.end, r.start):
            continue
        out.append(r)
    return out


_OF_LINK = re.compile(r"\s+of\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}")



def coordinated_verbs(a: Reading, b: Reading, clauses: list | tuple = ()) -> bool:
    """'Kim acknowledged and apologized for the abductions': two verbs of one type sharing their
    subject tell one act."""
    c = b.clause
    if not (a.verb and b.verb and c is not None and c.relation == "coordinate" and c.shared_subject
            and c.parent is a.clause and c.marker is not None and c.marker.text.lower() == "and"):
        return False
    va, vb = a.clause.predicate, c.predicate     # ('has lodged a protest and condemns': two acts)
    if va is None or vb is None or (va.tense, va.aspect) != (vb.tense, vb.aspect):
        return False
    # (only a bare first verb: 'banned imports and prohibited ships' are two measures, and so are
    # 'admits that X abducted them and apologizes')
    return not a.clause.objects and all(pp.end <= va.start for pp in a.clause.pps) \
        and not _said_between(a, b, clauses)


def _said_between(a: Reading, b: Reading, clauses: list | tuple) -> bool:
    """'admits that X abducted them and apologizes': two verbs with what the first says between
    them tell two acts."""
    first, second = (a, b) if a.start < b.start else (b, a)
    return first.verb and second.verb and first.clause is not None and any(
        d.parent is first.clause and d.relation == "complement" and first.end <= d.start < second.start for d in clauses)


def _other_doers(a: Reading, b: Reading) -> bool:
    """Two verbs whose clauses have subjects of their own, and not the same: 'dialogue resumed
    in 2000, as Pyongyang engaged in negotiations with Washington' tells two occurrences."""
    if not (a.verb and b.verb) or a.clause is None or b.clause is None or a.clause is b.clause:
        return False
    sa, sb = a.clause.subject, b.clause.subject
    return sa is not None and sb is not None and (sa.start, sa.end) != (sb.start, sb.end) \
        and sa.head.text.lower() != sb.head.text.lower() and sb.head.tag not in ("PRP", "WDT", "WP")


def _coordinated_nouns(a: Reading, b: Reading, text: str) -> bool:
    """'after a nuclear test and a missile launch': two event nouns of one type joined, each with
    its own determiner, tell two occurrences."""
    if a.verb or b.verb or not text:
        return False
    first, second = (a, b) if a.start < b.start else (b, a)
    return first.head.text.lower() != second.head.text.lower() \
        and _NOUN_AND_NOUN.fullmatch(text, first.end, second.start) is not None


# (the second noun's own determiner, then at most three modifiers: 'and a long-range rocket launch')
_NOUN_AND_NOUN = re.compile(r"(?:,?\s+(?:in|on)\s+[^,;()]{1,30}?)?,?\s+(?:and|or)\s+"
                            r"(?:a|an|the|its|their|his|her|another|[A-Z][\w-]*'s)\s+(?:[\w-]+\s+){0,3}")


def one_per_time(readings: list[Reading], clauses: list | tuple = (), text: str = "") -> list[Reading]:
    """'a meeting held in Pyongyang in December': one occurrence where a sentence gives two
    words of one type the same time (or none)."""
    out: list[Reading] = []
    seen: dict[tuple, Reading] = {}
    # (verbs first: 'arrived on a Japan Airlines flight on Thursday' is the arrival, not the flight)
    for r in sorted(readings, key=lambda r: (not r.verb, r.start)):
        key = (r.type, tuple(t.start for t in r.times), r.modality)
        if key in seen and (r.times or r.noun_event is not None or not r.verb) and not _other_doers(seen[key], r) \
                and not _said_between(seen[key], r, clauses) and not _coordinated_nouns(seen[key], r, text):
            continue
        if any(x.type == r.type and x.modality == r.modality and coordinated_verbs(x, r, clauses)
               and (not r.times or [t.start for t in r.times] == [t.start for t in x.times]) for x in out):
            continue        # ('acknowledged and apologized': one apology)
        seen[key] = r
        out.append(r)
    out.sort(key=lambda r: r.start)
    return out


def accompanying(x: Reading, r: Reading) -> bool:
    """'ordered the state to pay damages, ruling that ...', 'condemned the launch, calling it ...': an
    -ing clause after a verb, of its subject and its type, tells the same act."""
    c = r.clause
    if not (x.verb and r.verb and c is not None and c.relation == "adverbial" and c.marker is None
            and c.predicate is not None and c.predicate.form == "gerund" and r.start > x.end):
        return False
    if r.times and [t.start for t in r.times] != [t.start for t in x.times]:
        return False    # ('assumed control over Korea, formally annexing it in 1910': a later step)
    up = c.parent       # (past what the verb governs: 'ordered the state to pay ..., ruling that')
    while up is not None and up is not x.clause and up.relation == "infinitive":
        up = up.parent
    return up is x.clause


def one_utterance(x: Reading, r: Reading) -> bool:
    """'called the ruling a step forward but said he would appeal': two verbs of saying that share
    their subject, joined by 'and' or 'but', are one set of remarks."""
    c = r.clause
    return x.type == r.type == "statement" and x.verb and r.verb and c is not None and c.parent is x.clause \
        and c.relation == "coordinate" and c.shared_subject and c.marker is not None \
        and c.marker.text.lower() in ("and", "but") and r.start > x.end and not r.times
