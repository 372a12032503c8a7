"""Mention types shared by the recognizers: every one keeps its character span."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class TimeMention:
    start: int
    end: int
    text: str
    value: str | None          # EDTF (or ISO 8601 duration for type "duration"), None if unresolved
    type: str = "date"         # date | interval | duration | set
    # How the value was obtained: "absolute", or a relative rule the resolver applies
    # ("dct" = against the document date, "narrative" = against the date being narrated).
    anchor: str = "absolute"
    # For relative expressions: a callable-free description the resolver understands,
    # e.g. {"unit": "month", "offset": 1} or {"weekday": 2, "direction": -1}.
    relative: dict | None = None
    approximate: bool = False


@dataclass(slots=True)
class QuantityMention:
    start: int
    end: int
    text: str
    value: float | None
    unit: str
    qualifier: str = "exact"   # exact | about | more_than | at_least | less_than | at_most | nearly | range
    low: float | None = None
    high: float | None = None


@dataclass(slots=True)
class NameCandidate:
    """A proper name found in text, before linking to the knowledge base."""
    start: int
    end: int
    text: str
    type: str = "other"        # person | organization | country | place | vessel | document | group | other
    cue: str = ""              # why it was taken: "title", "acronym-definition", "company-suffix", ...
    acronym_of: str | None = None   # for "Maritime Safety Bureau (MSB)": on the MSB candidate, the long name


@dataclass(slots=True)
class EntityMention:
    start: int
    end: int
    text: str
    entity: str                # stable id, e.g. "org:chongryon"
    name: str
    type: str
    how: str = "gazetteer"     # gazetteer | fuzzy | surname | capital | detected | acronym | dateline
    score: float = 1.0
    extra: dict = field(default_factory=dict)
