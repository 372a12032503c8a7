"""Claims: what each number measures — a subject, a property, and the time it holds for.

Each is read from the number's own clause (`kankei.assemble.claim_context`): the subject
from the counted noun with its modifiers ("13 Japanese citizens", "five of them" pointing
back), the property from the predicate ("returned", "had died", "remained in Japan") by the
rules of knowledge/claims.yaml, and the time from the clause, then from the narrative.
Numbers of the apparatus (notes, citations, page ranges) make no claims, and its years date
none. Comparing claims across documents is `kankei.reconcile.claims`.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from kankei.assemble.analyses import Analyses
from kankei.assemble.claim_clause import Reading, SentenceAnalyses, read_clause
from kankei.assemble.claim_context import Clause, apparatus, clause_of, inside, sentence_spans
from kankei.assemble.claim_time import when
from kankei.knowledge import load
from kankei.spans import EntityMention, QuantityMention, TimeMention
from kankei.text import sentences as split_sentences

_ACTORS = ("organization", "country", "group", "person")


@dataclass
class Claim:
    quantity: QuantityMention
    subject: str                  # entity id
    subject_name: str
    property: str
    time: str | None              # EDTF
    time_label: str | None        # "peak" for figures at a moment without a date
    sentence: tuple[int, int]
    converted_from: tuple[float, str] | None = None   # for "3 billion yen (about $25 million)"


@cache
def _rules() -> dict:
    data = load("claims")

    def rx(p: str | None) -> re.Pattern[str] | None:
        return re.compile(p, re.I) if p else None

    rules = [dict(r, cue_re=rx(r.get("cue")), noun_re=rx(r.get("noun")), context_re=rx(r.get("context")),
                  lead_re=rx(r.get("lead")), lemma_re=rx(r.get("lemma")), not_subject_re=rx(r.get("not_subject")),
                  not_re=rx(r.get("not")), not_noun_re=rx(r.get("not_noun"))) for r in data["properties"]]
    return {"rules": rules, "populations": data.get("populations", {}),
            "labels": {k: re.compile(v, re.I) for k, v in data.get("time_labels", {}).items()},
            "anaphora": re.compile(data["anaphora"], re.I), "present": re.compile(data["present"], re.I),
            "now": re.compile(data["now"], re.I),
            "hypothetical": re.compile(data["hypothetical"], re.I), "ages": frozenset(data.get("age_verbs", ())),
            "persons": re.compile(data.get("age_persons", "(?!)"), re.I)}


@dataclass(slots=True)
class _Read:
    """One number as read in its clause: what the rules look at."""
    q: QuantityMention
    sentence: tuple[int, int]
    clause: Clause
    noun: str          # the counted noun phrase, with what it points back to in brackets
    own: str           # the counted noun phrase as written at the number
    clause_text: str
    lead: str          # the clause with what governs it: its sentence up to the clause, within strong bounds
    context: str       # the sentence, and what the number points back to
    analysed: Reading | None = None   # its clause as the clause analysis reads it
    lemmas: str = ""   # its clause's predicates as 'lemma:voice' (and those of relative clauses on its noun)


def find_claims(text: str, quantities: list[QuantityMention], times: list[TimeMention],
                entities: list[EntityMention], sentences: list[tuple[int, int]],
                published: str | None = None, analyses: Analyses | None = None) -> list[Claim]:
    """The claims of a document's numbers. `sentences`: the spans the events read, whose clause
    analyses (`analyses`, kept by the extraction) are shared, so no sentence is analysed twice."""
    rules = _rules()
    parsed = SentenceAnalyses(text, sentences, analyses)
    # lines wrapped inside a sentence are one sentence here
    spans = sentence_spans(text, split_sentences(text, join_lines=True)) or sentences
    starts = [s for s, _ in spans]
    skip = apparatus(text)
    skip_starts = [s for s, _ in skip]
    dated = sorted((t for t in times if t.value and t.type in ("date", "interval")
                    and not inside(skip, skip_starts, t.start, t.end)), key=lambda t: t.start)
    _STARTS.clear()
    entities = sorted(entities, key=lambda m: m.start)
    # countries as the rules name them: 'the Democratic People's Republic of Korea' is North Korea
    renames = sorted({(m.text, m.name) for m in entities if m.type == "country" and m.text != m.name
                      and len(m.text) > 4}, key=lambda p: -len(p[0]))
    counted = [q for q in quantities if q.unit not in ("fraction", "percent")
               and (q.value is not None or q.low is not None) and not inside(skip, skip_starts, q.start, q.end)]
    out: list[Claim] = []
    last: _Read | None = None       # the last number read as a claim about people: what "of them" means
    by_quantity: dict[int, Claim] = {}
    for i, q in enumerate(counted):
        k = bisect.bisect_right(starts, q.start) - 1
        s, e = spans[k] if k >= 0 else (0, len(text))
        prev = counted[i - 1] if i else None
        if prev and prev.unit != q.unit and prev.unit in _money() and q.unit in _money() \
                and re.fullmatch(r"\s*[(,]\s*(?:or|about|some|roughly|approximately|around|US)?\s*", text[prev.end:q.start]):
            # "3 billion yen (about $25 million)": the second figure converts the first, if that is a claim
            base = by_quantity.get(id(prev))
            if base is not None:
                amount = prev.value if prev.value is not None else prev.low
                out.append(Claim(q, base.subject, base.subject_name, f"{q.unit.upper()} value of {amount:,.0f} "
                                 f"{prev.unit.upper()}", base.time, base.time_label, (s, e), (amount, prev.unit)))
            continue
        others = [(o.start, o.end) for o in _between(counted, s, e) if o is not q]
        clause = clause_of(text, (s, e), (q.start, q.end), others)
        an = parsed.at(q.start, q.end)
        reading = None
        if an is not None and not clause.inner:
            bounds = clause_of(text, (s, e), (q.start, q.end), [])
            reading = read_clause(an, text, (q.start, q.end), bounds, others)
        punctuated, analysed = clause, reading
        if reading is not None:
            clause = reading.clause
        read = _read(text, q, (s, e), clause, last if last and _near(text, last, s) else None, spans, k)
        read.lemmas = reading.lemmas if reading is not None else ""
        rule = _rule(q, _named(read, renames), rules["rules"])
        if rule is None and reading is not None:
            # the analysis may misread a clause: the one cut by punctuation, as the first pass did
            read = _read(text, q, (s, e), punctuated, last if last and _near(text, last, s) else None, spans, k)
            read.lemmas = reading.lemmas
            rule = _rule(q, _named(read, renames), rules["rules"])
            if rule is not None:
                reading, clause = None, punctuated
        if rule is None and clause.lead < clause.start:
            # "membership falling from 500,000 ... to about 150,000": the predicate is shared
            wide = Clause(clause.lead, clause.end, clause.lead, clause.inner, clause.outer, clause.holes)
            read = _read(text, q, (s, e), wide, last if last and _near(text, last, s) else None, spans, k)
            read.lemmas = reading.lemmas if reading is not None else ""
            rule = _rule(q, _named(read, renames), rules["rules"])
            read.clause = clause
        if rule is None or _hypothetical(text, clause, q, rules["hypothetical"]) \
                or analysed is not None and (not analysed.asserted()
                                             or analysed.age(q.end, not _has_noun(q), rules["ages"], rules["persons"])):
            continue        # a figure imagined, planned or denied, or someone's age, is no claim
        read.analysed = analysed
        subject = _subject(rule["subject"], text, q, read, entities, rules["populations"], rule["not_subject_re"])
        if subject is None:
            continue
        label = _label(text, clause, rules["labels"])
        when_ = None if label else when(text, q, (s, e), clause, reading, an, dated, published, rules, spans,
                                          punctuated)
        claim = Claim(q, subject[0], subject[1], rule["property"], when_, label, (s, e))
        out.append(claim)
        by_quantity[id(q)] = claim
        if rule["subject"].startswith("group:"):
            last = read
    return out


def _between(items: list, a: int, b: int) -> list:
    """The items (sorted by start) that start in [a, b)."""
    starts = [x.start for x in items] if len(items) < 64 else _starts(items)
    return items[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)]


_STARTS: dict[int, tuple[list, list[int]]] = {}     # emptied for every document


def _starts(items: list) -> list[int]:
    """Start offsets of a long list of one document's mentions, computed once."""
    hit = _STARTS.get(id(items))
    if hit is None or hit[0] is not items:
        if len(_STARTS) > 16:
            _STARTS.clear()
        hit = (items, [x.start for x in items])
        _STARTS[id(items)] = hit
    return hit[1]


@cache
def _money() -> frozenset[str]:
    return frozenset(load("claims")["currency_per_usd"]) | {"usd"}


# The noun phrase of a number ends where its predicate begins.
_NP_STOP = re.compile(
    r"[,;:()\[\]—–.!?\"“”]|\s-\s|\b(?:was|were|is|are|had|has|have|did|do|does|will|would|could|can|may|might|shall"
    r"|should|must|been|being)\b", re.I)
_NUMBER_OF = re.compile(
    r"\b(?:the )?(?:number|total|population|count|tally) of ([^,;:()]{3,80}?)\s+(?:has|have|had|was|were|is|are|fell|rose"
    r"|stood|reached|grew|dropped|declined|increased|decreased|passed|topped|exceeded|stands)\b", re.I)
_RELATIVE = re.compile(r"\s*(?:who|that|which|whom|whose)\b", re.I)


def _noun_phrase(text: str, q: QuantityMention, clause: Clause) -> str:
    """The number with the words that say what it counts: '13 Japanese citizens in the 1970s',
    'Koreans who returned to the North' (a relative clause runs to the next punctuation)."""
    end = min(clause.end, q.end + 90)
    m = _NP_STOP.search(text, q.end, end)
    stop = m.start() if m else end
    rel = _RELATIVE.search(text, q.end, stop)
    if rel:
        p = re.search(r"[,;:()\[\]—–.!?]", text[rel.end():end])
        stop = rel.end() + p.start() if p else end
    return text[q.start:stop]


def _near(text: str, last: _Read, s: int) -> bool:
    """A number points back only to one in its own paragraph, at most a sentence or so before."""
    return s - last.sentence[0] < 400 and "\n\n" not in text[last.sentence[0]:s]


def _read(text: str, q: QuantityMention, sentence: tuple[int, int], clause: Clause, last: _Read | None,
          spans: list[tuple[int, int]], k: int) -> _Read:
    noun = _noun_phrase(text, q, clause)
    clause_text = clause.text(text)
    context = text[sentence[0]:sentence[1]]
    if k > 0 and "\n\n" not in text[spans[k - 1][1]:sentence[0]]:
        # the topic carries over from the sentence before in the paragraph
        context += " [" + text[spans[k - 1][0]:spans[k - 1][1]] + "]"
    if clause.inner and clause.outer:
        clause_text += " " + text[clause.outer[0]:clause.outer[1]]
    after = noun[len(q.text):] if noun.startswith(q.text) else noun
    bare = not _has_noun(q)
    pointing = re.match(r"\s*(?:of (?:them|those|these|whom))\b", after, re.I) or \
        re.search(r"\b(?:the )?(?:remaining|other|rest)\s*$", text[max(0, q.start - 20):q.start], re.I) or \
        (bare and _rules()["anaphora"].match(after))
    own = noun
    counted = _NUMBER_OF.search(text, max(clause.lead, sentence[0]), q.start) if bare else None
    if counted and not pointing:
        # 'the number of Koreans with special status has fallen from 620,000': what the number counts
        noun = f"{noun} [{counted.group(1)}]"
    elif pointing and last is not None:
        noun = f"{noun} [{last.noun}]"
        context = f"{context} [{last.clause_text}] [{last.context}]"
    lead = text[min(clause.lead, clause.start):clause.end]
    return _Read(q, sentence, clause, noun, own, clause_text, lead, context)


def _named(read: _Read, renames: list[tuple[str, str]]) -> _Read:
    """The read with each country written as its name, for the rules' words to find."""
    if not renames:
        return read
    fields = {}
    for f in ("noun", "own", "clause_text", "lead", "context"):
        value = getattr(read, f)
        for surface, name in renames:
            if surface in value:
                value = value.replace(surface, name)
        fields[f] = value
    return _Read(read.q, read.sentence, read.clause, fields["noun"], fields["own"], fields["clause_text"],
                 fields["lead"], fields["context"], read.analysed, read.lemmas)


def _rule(q: QuantityMention, read: _Read, rules: list[dict]) -> dict | None:
    unit = q.unit or "count"
    for r in rules:
        units = r["units"]
        if unit not in units and not (unit == "person" and "count" in units and not q.unit):
            continue
        said = r["lemma_re"] is not None and r["lemma_re"].search(read.lemmas) is not None
        if r["cue_re"] and not (said or r["cue_re"].search(read.clause_text) or r["cue_re"].search(read.own)):
            continue
        if r["lemma_re"] and not r["cue_re"] and not said:
            continue
        if r["noun_re"] and not r["noun_re"].search(read.noun):
            continue
        if r["lead_re"] and not r["lead_re"].search(read.lead):
            continue
        if r["context_re"] and not r["context_re"].search(read.context):
            continue
        if r["not_noun_re"] and r["not_noun_re"].search(_head(read.noun, q)):
            continue
        if r["not_re"] and r["not_re"].search(read.clause_text):
            continue
        if r.get("min") and (q.value if q.value is not None else q.high or q.low or 0) < r["min"]:
            continue
        return r
    return None


_NUMBER_WORDS = re.compile(
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand"
    r"|million|billion|trillion|dozens?|scores?|half|a|an|k|m|bn|mn)", re.I)


def _has_noun(q: QuantityMention) -> bool:
    """Whether the number's own text names what it counts ('five children', not 'five', 'two million')."""
    words = q.text.split()
    return len(words) > 1 and words[-1].isalpha() and not _NUMBER_WORDS.fullmatch(words[-1])


def _head(noun: str, q: QuantityMention) -> str:
    """The counted noun itself, without the 'of ...' it may take: in 'five children of returned
    abductees' the children are counted, in 'five of the abductees' the abductees."""
    rest = noun[len(q.text):] if noun.startswith(q.text) else noun
    own = q.text + re.split(r"\bof\b|\bwho\b|\bthat\b|\bwhich\b|\[", rest, maxsplit=1)[0]
    if re.match(r"\s*of\b", rest) and not _has_noun(q):
        return ""      # partitive: "five of the abductees" counts abductees
    return own


def _hypothetical(text: str, clause: Clause, q: QuantityMention, rx: re.Pattern[str]) -> bool:
    """'the possibility of a repatriation of at least 60,000', 'would have been $5 billion',
    'seeking 100 million yen': a figure imagined or asked for, not reported."""
    return bool(rx.search(text, clause.start, q.start))


def _label(text: str, clause: Clause, labels: dict) -> str | None:
    """'at its peak' in the number's clause: a moment the figure is tied to, whatever its date."""
    for name, rx in labels.items():
        if rx.search(text, clause.start, clause.end):
            return name
    return None


def _subject(kind: str, text: str, q: QuantityMention, read: _Read, entities: list[EntityMention],
             populations: dict, not_subject: re.Pattern[str] | None = None) -> tuple[str, str] | None:
    if ":" in kind:
        return kind, populations.get(kind, kind.split(":", 1)[1].replace("_", " "))
    s, e = read.sentence
    in_sentence = [m for m in _between(entities, s, e) if m.type in _ACTORS]
    if kind == "org":
        def is_org(m: EntityMention) -> bool:
            return m.type == "organization" and not m.entity.startswith("gov:") \
                and not (not_subject is not None and not_subject.search(m.name))
        # the body named before the number in its sentence; else the one the sentence before was
        # about, named first there ("Chongryon's membership fell, according to the agency. The
        # group ran 60 schools"); else one named after it
        before = [m for m in in_sentence if is_org(m) and m.start < q.start]
        prior = [m for m in _between(entities, max(0, s - 3000), s) if is_org(m)]
        since = _sentence_before(text, s, prior[-1].start) if prior else s
        recent = [m for m in prior if m.start >= since]
        # of those, the one the text around is most about (a source "according to" is named once)
        counts: dict[str, int] = {}
        for m in prior:
            counts[m.entity] = counts.get(m.entity, 0) + 1
        earlier = sorted(recent, key=lambda m: -counts[m.entity])[:1]
        after = [m for m in in_sentence if is_org(m) and m.start > q.start]
        # 'schools backed by Mindan': the body a passive names with 'by'
        agents = [m for m in _by_agents(read.analysed, in_sentence) if is_org(m)]
        pick = agents[0] if agents else before[-1] if before else earlier[0] if earlier else after[0] if after else None
    elif kind == "payer":
        pick = _payer(text, q, read, entities, in_sentence)
    elif kind == "agent":
        c = read.clause
        # not who reports it: 'the UN said Japan gave $10 million'
        doers = [m for m in in_sentence if not _REPORTER.match(text, m.end)
                 and not _ACCORDING.search(text, max(s, m.start - 20), m.start)]
        lead = [m for m in doers if c.lead <= m.start < q.start]
        before = lead or [m for m in doers if m.start < q.start]
        # 'over 500,000 tons of rice were sent by Japan': the agent of a passive
        by = [m for m in doers if m.start > q.end and m.start < c.end and _BY.search(text, max(0, m.start - 9), m.start)]
        pick = before[0] if before else by[0] if by else None
    else:
        pick = min(in_sentence, key=lambda m: abs(m.start - q.start), default=None)
    return (pick.entity, pick.name) if pick else None


def _by_agents(r: Reading | None, in_sentence: list[EntityMention]) -> list[EntityMention]:
    """The actors named by 'by' in the number's passive clause or a passive relative on its noun."""
    if r is None:
        return []
    out = []
    for c in (r.own, *r.relatives):
        vg = c.predicate
        if vg is None or vg.voice != "passive":
            continue
        spans = [(pp.start, pp.end) for pp in c.pps if pp.prep.text.lower() == "by"]
        if c.agent is not None:
            spans.append((c.agent.start, c.agent.end))
        out += [m for m in in_sentence if any(a <= m.start < b for a, b in spans)]
    return sorted(out, key=lambda m: m.start)


_REPORTER = re.compile(r"[’']?s?\s+(?:\w+\s+)?(?:said|says|say|reported|reports|announced|stated|claimed|claims|estimated|told)\b", re.I)
_BY = re.compile(r"\bby\s+(?:the\s+)?$", re.I)
_ACCORDING = re.compile(r"\baccording to\s+(?:the\s+)?$", re.I)


def _sentence_before(text: str, s: int, at: int) -> int:
    """Where the sentence holding offset `at` (before s) begins."""
    return max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1)


_ORDERED = re.compile(r"\bordered\s+(\S+(?:\s+\S+){0,3}?)\s+to pay\b", re.I)
_PRONOUN = re.compile(r"(?:it|its|they|them|the (?:group|association|organization|company|firm|body))$", re.I)


def _payer(text: str, q: QuantityMention, read: _Read, entities: list[EntityMention],
           in_sentence: list[EntityMention]) -> EntityMention | None:
    """Who pays: 'X was fined', 'ordered X to pay' (X, or what 'it' points back to)."""
    s = read.sentence[0]
    m = next(reversed(list(_ORDERED.finditer(text, s, q.start))), None)
    if m:
        named = [e for e in in_sentence if m.start(1) <= e.start < m.end(1)]
        if named:
            return named[0]
        if _PRONOUN.match(m.group(1)):
            earlier = [e for e in entities if e.start < s and e.type == "organization" and not e.entity.startswith("gov:")]
            return earlier[-1] if earlier else None
        return None
    before = [e for e in in_sentence if read.clause.lead <= e.start < q.start]
    return before[0] if before else None
