"""Claims: what each number measures — a subject, a property, and the time it holds for.

`1,512 people returned to North Korea in 1960` is the claim (returnees to North Korea,
people repatriated to North Korea, 1960) = 1512. Comparing claims across documents is
`kankei.reconcile.claims`.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from kankei.knowledge import load
from kankei.spans import EntityMention, QuantityMention, TimeMention

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
    rules = [dict(r, cue_re=re.compile(r["cue"], re.I)) for r in data["properties"]]
    labels = {k: re.compile(v, re.I) for k, v in data.get("time_labels", {}).items()}
    return {"rules": rules, "labels": labels, "populations": data.get("populations", {})}


def find_claims(text: str, quantities: list[QuantityMention], times: list[TimeMention],
                entities: list[EntityMention], sentences: list[tuple[int, int]],
                published: str | None = None) -> list[Claim]:
    rules = _rules()
    starts = [s for s, _ in sentences]
    dated = [t for t in times if t.value and t.type in ("date", "interval")]
    dated_starts = [t.start for t in dated]
    out: list[Claim] = []
    for i, q in enumerate(quantities):
        if q.unit in ("fraction", "percent") or (q.value is None and q.low is None):
            continue
        k = bisect.bisect_right(starts, q.start) - 1
        s, e = sentences[k] if k >= 0 else (0, len(text))
        # what a number measures is said near it, not anywhere in a long sentence
        window = text[max(s, q.start - 70):min(e, q.end + 70)]
        rule = _rule(q, window, rules["rules"])
        if rule is None:
            continue
        subject = _subject(rule["subject"], q, s, e, entities, rules["populations"])
        if subject is None or _contemplated(text, q, s):
            continue
        label = _label(q, s, e, text, dated, rules["labels"])
        when = None if label else _when(q, s, e, dated, dated_starts, text, published)
        claim = Claim(q, subject[0], subject[1], rule["property"], when, label, (s, e))
        prev = quantities[i - 1] if i else None
        if prev and prev.unit != q.unit and prev.unit in _money() and q.unit in _money() \
                and re.fullmatch(r"\s*[(,]\s*(?:or|about|some|roughly|approximately)?\s*", text[prev.end:q.start]):
            # "3 billion yen (about $25 million)": the second figure converts the first
            amount = prev.value if prev.value is not None else prev.low
            claim.property = f"{q.unit.upper()} value of {amount:,.0f} {prev.unit.upper()}"
            claim.converted_from = (amount, prev.unit)
        out.append(claim)
    return out


@cache
def _money() -> frozenset[str]:
    return frozenset(load("claims")["currency_per_usd"]) | {"usd"}


def _contemplated(text: str, q: QuantityMention, s: int) -> bool:
    """'the possibility of a repatriation of at least 60,000': a figure imagined, not reported."""
    from kankei.assemble.triggers import modality_words
    return bool(modality_words()["hypothetical"].search(text, max(s, q.start - 60), q.start))


def _label(q: QuantityMention, s: int, e: int, text: str, dated: list[TimeMention], labels: dict) -> str | None:
    """'at its peak' labels the number it stands next to, unless a date stands nearer."""
    best = None
    for name, rx in labels.items():
        for m in rx.finditer(text, s, e):
            d = min(abs(m.start() - q.end), abs(q.start - m.end()))
            if d <= 120 and (best is None or d < best[0]):
                best = (d, name)
    if best is None:
        return None
    nearer = [t for t in dated if s <= t.start < e and min(abs(t.start - q.end), abs(q.start - t.end)) < best[0]]
    return None if nearer else best[1]


def _rule(q: QuantityMention, sentence: str, rules: list[dict]) -> dict | None:
    unit = q.unit or "person"
    for r in rules:
        if unit in r["units"] and r["cue_re"].search(sentence):
            return r
    return None


def _subject(kind: str, q: QuantityMention, s: int, e: int, entities: list[EntityMention],
             populations: dict) -> tuple[str, str] | None:
    if ":" in kind:
        return kind, populations.get(kind, kind.split(":", 1)[1].replace("_", " "))
    in_sentence = [m for m in entities if s <= m.start < e and m.type in _ACTORS]
    if kind == "org":
        def is_org(m: EntityMention) -> bool:
            return m.type == "organization" and not m.entity.startswith("gov:")
        # the body named before the number in its sentence; else the one the text was last
        # about ("its membership stood at ..."); else one named after it
        before = [m for m in in_sentence if is_org(m) and m.start < q.start]
        earlier = [m for m in entities if m.start < s and is_org(m)][-1:]
        after = [m for m in in_sentence if is_org(m) and m.start > q.start]
        pick = before[-1] if before else earlier[0] if earlier else after[0] if after else None
    elif kind == "agent":
        before = [m for m in in_sentence if m.start < q.start]
        pick = before[0] if before else (in_sentence[0] if in_sentence else None)
    else:
        pick = min(in_sentence, key=lambda m: abs(m.start - q.start), default=None)
    return (pick.entity, pick.name) if pick else None


def _when(q: QuantityMention, s: int, e: int, dated: list[TimeMention], dated_starts: list[int],
          text: str, published: str | None) -> str | None:
    """The date in the number's sentence (nearest), else the narrative's, else 'today' = publication."""
    in_sentence = [t for t in dated if s <= t.start < e]
    # a date across a semicolon or colon belongs to the other clause
    same_clause = [t for t in in_sentence if not re.search(r"[;:]", text[min(t.end, q.end):max(t.start, q.start)])]
    in_sentence = same_clause or in_sentence
    if in_sentence:
        return min(in_sentence, key=lambda t: t.start - q.end if t.start >= q.end else q.start - t.end).value
    i = bisect.bisect_left(dated_starts, s) - 1
    if i >= 0 and "\n\n" not in text[dated[i].end:s]:
        return dated[i].value
    return None
