"""The time a claim holds for: its own clause's time (the time expressions in its phrases, not
in the clauses nested in it), else the time of the clause it depends on, climbing (so a number
two clauses below 'In 2002, Kim admitted ...' is at 2002), else the sentence's opening date,
else the document's date for what is said in the present, else the narrative's."""
from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from kankei.assemble.claim_clause import Reading, own_text_spans
from kankei.assemble.claim_context import Clause, between_holes, caption_before
from kankei.spans import QuantityMention, TimeMention

if TYPE_CHECKING:
    from kankei.analyze import Sentence

Span = tuple[int, int]


def _between(items: list[TimeMention], a: int, b: int) -> list[TimeMention]:
    starts = [x.start for x in items]
    return items[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)]


def _within(times: list[TimeMention], spans: list[Span]) -> list[TimeMention]:
    return [t for t in times if any(a <= t.start and t.end <= b for a, b in spans)]


def clause_spans(c: Clause) -> list[Span]:
    """The clause's own parts, between the holes it skips."""
    return between_holes(c.start, c.end, c.holes)


def when(text: str, q: QuantityMention, sentence: Span, clause: Clause, reading: Reading | None,
         an: Sentence | None, dated: list[TimeMention], published: str | None, rules: dict,
         spans: list[Span], punctuated: Clause | None = None) -> str | None:
    """The claim's time; `punctuated`: the clause cut by punctuation, whose words also say 'now'."""
    near = _between(dated, sentence[0], sentence[1])
    own = _within(near, clause_spans(clause))
    if own:
        return _value(text, own, q)
    if reading is not None and an is not None:
        for anc in reading.chain:
            up = _within(near, own_text_spans(anc, an) + _fronted(anc, an))
            if up:
                return _value(text, up, q)
    else:
        lead = [t for t in near if clause.lead <= t.start and t.end <= clause.start]
        if clause.inner and clause.outer:
            lead += [t for t in near if clause.outer[0] <= t.start and t.end <= clause.outer[1]]
        if lead:
            return _value(text, lead, q)
    opening = _opening(text, sentence[0], [t for t in near if t.start < clause.start])
    if opening:
        return opening.value    # 'In September 2002 X admitted ..., saying that six were alive'
    words = clause.text(text) + (" " + punctuated.text(text) if punctuated is not None else "")
    if rules["now"].search(words):
        return published       # 'there are now 70,000': the time of writing, whatever the story's
    if published and (rules["present"].search(words) or reading is not None and _present(reading)):
        return published
    return narrative(text, sentence[0], dated, spans)


def _fronted(c, an: Sentence) -> list[Span]:
    """Adverbial clauses set before a clause's verb ('Initially organized in 1945, the group ...'):
    their time is the scene's."""
    vg = c.predicate
    if vg is None:
        return []
    return [(x.start, x.end) for x in an.clauses if x.parent is c and x.relation == "adverbial"
            and x.end <= vg.start and (x.marker is None or x.marker.text.lower() in _SCENE)]


_SCENE = frozenset({"after", "when", "as", "once", "following", "upon", "while", "during"})


def _present(reading: Reading) -> bool:
    vg = reading.own.predicate
    return vg is not None and vg.tense == "present" and vg.aspect in (None, "progressive")


def narrative(text: str, s: int, dated: list[TimeMention], spans: list[Span]) -> str | None:
    """The date the story is at: in the last sentence of the paragraph before s that has a date,
    the one that opens it ('In 2002, Kim admitted ... in the 1970s' is at 2002), else its last."""
    para = text.rfind("\n\n", 0, s) + 1
    before = [t for t in _between(dated, para, s) if t.end <= s and not caption_before(text, t.start, para)]
    if not before:
        return None
    last = before[-1]
    k = bisect.bisect_right(spans, last.start, key=lambda sp: sp[0]) - 1
    begin = max(spans[k][0] if k >= 0 else para, para)
    opening = _opening(text, begin, [t for t in before if t.start >= begin])
    return (opening or last).value


_OPENING = re.compile(r"[\s.]*(?:in|on|by|from|during|at|since|after|before|until|between)?\s*(?:the\s+)?"
                      r"(?:early|late|mid-?|end of|spring of|summer of|autumn of|fall of|winter of)?\s*", re.I)


def _opening(text: str, begin: int, found: list[TimeMention]) -> TimeMention | None:
    """The date that opens a sentence ('In 2002, ...'): it sets the time of all the sentence says."""
    return next((t for t in found if _OPENING.fullmatch(text, begin, t.start)), None)


def _value(text: str, found: list[TimeMention], q: QuantityMention) -> str | None:
    """The nearest date's value; 'the 1970s and 1980s' joined into one period."""
    found = sorted(found, key=lambda t: t.start)
    best = min(range(len(found)), key=lambda i: _gap(found[i], q))
    t = found[best]
    value = t.value
    for a, b in ((best, best + 1), (best - 1, best)):
        if 0 <= a and b < len(found) and re.fullmatch(r"\s*(?:and|to|through|until|till|-|–)\s*",
                                                      text[found[a].end:found[b].start], re.I):
            lo, hi = found[a].value, found[b].value
            if lo and hi and "/" not in lo and "/" not in hi:
                value = f"{lo}/{hi}"
            break
    return value


def _gap(t: TimeMention, q: QuantityMention) -> int:
    return t.start - q.end if t.start >= q.end else q.start - t.end
