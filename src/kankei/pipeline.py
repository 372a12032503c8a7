"""The extraction pipeline: text in, spec records out (see shared spec/extraction.md)."""
from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from operator import itemgetter

from kankei.assemble.analyses import Analyses
from kankei.assemble.events import Event, find_events
from kankei.recognize.dates import find_times
from kankei.recognize.gazetteer import fold, gazetteer
from kankei.recognize.names import find_name_candidates
from kankei.recognize.quantities import find_quantities
from kankei.resolve.anchor import merge_relative_ranges, resolve_times, story_day
from kankei.resolve.datelines import dateline_places
from kankei.resolve.docdate import (
    covered_year,
    dateline_mentions,
    document_title,
    infer_document_date,
    interview_date,
    occasion_date,
    section_dates,
)
from kankei.resolve.link import link_entities, surname_spans
from kankei.spans import EntityMention, QuantityMention, TimeMention
from kankei.text import notes_section, sentences
from kankei.text.truecase import truecased


@dataclass
class Extraction:
    """Everything found in one document, as mentions with spans."""
    doc: str
    text: str
    title: str | None
    published: str | None
    times: list[TimeMention] = field(default_factory=list)
    quantities: list[QuantityMention] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    notes_start: int | None = None
    meta: dict = field(default_factory=dict)
    # the clause analyses made for the events, for claims to share (not a record)
    analyses: Analyses | None = field(default=None, repr=False, compare=False)

    def records(self) -> list[dict]:
        """The JSON Lines records of the spec, document first, then by position."""
        doc = self.doc
        doc_rec = {"doc": doc, "kind": "document", "start": 0, "end": len(self.text), "text": "",
                   "title": self.title, "published": self.published, **self.meta}
        recs: list[dict] = [{"doc": doc, "kind": "time", "start": t.start, "end": t.end, "text": t.text,
                             "value": t.value, "type": t.type} for t in self.times]
        for q in self.quantities:
            rec = {"doc": doc, "kind": "quantity", "start": q.start, "end": q.end, "text": q.text,
                   "value": q.value, "unit": q.unit, "qualifier": q.qualifier}
            if q.low is not None or q.high is not None:
                rec["low"], rec["high"] = q.low, q.high
            recs.append(rec)
        recs += [{"doc": doc, "kind": "entity", "start": e.start, "end": e.end, "text": e.text,
                  "entity": e.entity, "name": e.name, "type": e.type, "how": e.how} for e in self.entities]
        recs += [r for ev in self.events for r in ev.records(doc)]
        recs.sort(key=itemgetter("start", "end"))
        if self.meta.get("offsets"):
            for r in recs:
                r["offsets"] = self.meta["offsets"]
        return [doc_rec, *recs]


_MAX_SENTENCE = 2000     # characters: a longer "sentence" is a list or a text without punctuation


def bounded(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """The sentence spans, a span over _MAX_SENTENCE characters cut into pieces at its last comma,
    semicolon or space before the limit, so that reading a sentence's clauses stays linear in
    a text without sentence ends."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while e - s > _MAX_SENTENCE:
            limit = s + _MAX_SENTENCE
            cut = max(text.rfind(", ", s, limit), text.rfind("; ", s, limit))
            if cut <= s + _MAX_SENTENCE // 2:
                cut = text.rfind(" ", s, limit)
            if cut <= s:
                cut = limit
            out.append((s, cut + 1 if text[cut] in ",;" else cut))
            s = cut + 1
            while s < e and text[s].isspace():
                s += 1
        if s < e:
            out.append((s, e))
    return out


def _gc_paused(fn: Callable[..., Extraction]) -> Callable[..., Extraction]:
    """fn with the cyclic garbage collector paused while it runs. Extraction makes many young
    objects but next to no reference cycles (none in a typical article, tens in a million
    characters), so the collector's passes over them are wasted work (~4% of the time)."""
    @wraps(fn)
    def run(*args, **kwargs) -> Extraction:
        if not gc.isenabled():
            return fn(*args, **kwargs)
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            gc.enable()
    return run


@_gc_paused
def extract(text: str, doc: str = "doc", dct: str | None = None, published_hint: str | None = None,
            title: str | None = None) -> Extraction:
    """Find dates, quantities and entities in text. `dct` (EDTF) overrides the date read from the text."""
    original, text = text, truecased(text)     # (lines in capitals read in prose case, offsets kept)
    notes_start = notes_section(text)
    times = find_times(text)
    docdate = infer_document_date(text, times, published_hint, doc)
    published, published_at = docdate.value, docdate.mention
    # (a record dated later than the meeting it records tells of that meeting's day)
    told = dct or occasion_date(text, times) or published
    resolve_times(times, text, told, body_end=notes_start, covered=covered_year(text, times))
    if not dct and (held := interview_date(text, times)) is not None and held != told:
        told = held         # (an interview printed in a later issue: its 'today' is the day it was held)
        resolve_times(times, text, told, body_end=notes_start, covered=covered_year(text, times))
    sections = section_dates(text, times, published_at)
    if len(sections) == 1 and sections[0][1] == told:
        sections = []       # (the story's own dateline under a header date: one story, one day)
    ends = [s for s, _ in sections[1:]] + [len(text)] if sections else []
    for (start, day), end in zip(sections, ends, strict=True):
        # (each brief of a digest is a story of its own day: its relative times count from its dateline)
        line_end = text.find("\n", start)
        resolve_times([t for t in times if start <= t.start < end and t.start > line_end], text, day,
                      body_end=notes_start)
    times = merge_relative_ranges(times, text)
    time_spans = [(t.start, t.end) for t in times]
    quantities = find_quantities(text, skip=time_spans)
    taken = sorted(time_spans + [(q.start, q.end) for q in quantities])
    folded = fold(text).replace("\n", " ")     # (a name may wrap onto the next line: "Foreign\nMinistry")
    hits = gazetteer().find(text, folded)
    surnames = surname_spans(text, folded)
    known = [(s, e) for s, e, _ in hits]
    candidates = find_name_candidates(text, skip=sorted(taken + known + [(s, e) for s, e, _ in surnames]),
                                      known=known)
    entities = link_entities(text, candidates, skip=[(q.start, q.end) for q in quantities], hits=hits,
                             folded=folded, surnames=surnames)
    if datelined := dateline_places(text, entities):
        entities = sorted(entities + datelined, key=lambda m: (m.start, m.end))
    spans = bounded(sentences(text), text)
    analyses = Analyses(text, sorted((m.start, m.end) for m in entities))
    events = find_events(text, doc, spans, times, entities, notes_start,
                         exclude=({published_at.start} if published_at else set()) | dateline_mentions(text, times),
                         dct=told or story_day(times), analyses=analyses, sections=sections)
    if text is not original:
        _quote_the_original(original, times, quantities, entities, events)
    return Extraction(doc=doc, text=original, title=title or document_title(text), published=dct or published,
                      times=times, quantities=quantities, entities=entities, events=events,
                      sentences=spans, notes_start=notes_start, analyses=analyses,
                      meta={"published_from": "--dct"} if dct else {"published_from": docdate.source} if published else {})


def _quote_the_original(original: str, *found: list) -> None:
    """What was found in a recased copy quotes the original's characters (the offsets are the same)."""
    for mentions in found:
        for m in mentions:
            m.text = original[m.start:m.end]
            for r in getattr(m, "repeats", ()):
                r.text = original[r.start:r.end]
