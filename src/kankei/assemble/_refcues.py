"""Patterns for reading references, compiled once from knowledge/archives.yaml."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kankei.knowledge import load

# A capitalized name token: "Inoue", "Morris-Suzuki", "GHQ/SCAP", "O'Neill", "J."; and a name of them.
WORD = r"[A-ZÀ-ÞĀ-Ž][\w'’.\-/]*"
NAME = rf"{WORD}(?:\s+(?:{WORD}|de|du|van|von|der|la|le|of|the))*"
# Formats of call numbers no word cues: NARA decimal files, Japanese diplomatic file codes, JACAR codes.
_FORMATS = (r"\b\d{3}\.\d{1,4}[A-Z]?/\d{1,2}-\d{3,4}\b", r"(?<!\w)[A-K]'(?:[.-]\d+){2,}\b",
            r"\bRef\.\s*[A-C]\d{11}\b")
# A shelfmark right after an archive's name: upper-case letters, digits and punctuation ("B AG 232 105-002").
SHELF = re.compile(r"[A-Z0-9][A-Z0-9()'’./-]*(?![^\W_])(?:[ ][A-Z0-9][A-Z0-9()'’./-]*(?![^\W_])){0,7}")


@dataclass(frozen=True, slots=True)
class Cues:
    archive_alias: re.Pattern[str]
    archive_names: dict[str, str]       # alias -> canonical name
    archive_cue: re.Pattern[str]
    call_number: re.Pattern[str]        # any call-number format; group "id" for numbered items
    newspaper: re.Pattern[str]          # fullmatch on a field
    publisher: re.Pattern[str]          # fullmatch on a field
    places: frozenset[str]
    lead_in: re.Pattern[str]
    ibid: re.Pattern[str]
    op_cit: re.Pattern[str]
    letter_whole: re.Pattern[str]       # fullmatch "Inoue to Boissier"
    letter_from: re.Pattern[str]        # search "letter from Kishi to Shimazu"
    memo: re.Pattern[str]               # match at a field start
    particles: frozenset[str]
    not_authors: frozenset[str]


def _alt(words: list[str], flags: str = "") -> str:
    body = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


@cache
def cues() -> Cues:
    d = load("archives")
    names: dict[str, str] = {}
    for entry in d["archives"]:
        for alias in [entry["name"], *entry.get("aliases", [])]:
            names.setdefault(str(alias), entry["name"])
    cue = _alt(d["archive_cues"])
    link = r"(?:(?:of|for|de|du|des|der|di)\s+(?:the\s+|la\s+|l')?)"
    archive_cue = (rf"(?<![\w'’./-])(?:{WORD}\s+{link}?){{0,6}}{cue}\b"
                   rf"(?:\s+{link}{WORD}(?:\s+(?:{link}|and\s+)?{WORD}){{0,6}})?")
    items = _alt(d["call_number_items"], "i")
    series = _alt(d["call_number_series"])
    groups = _alt(d["record_groups"])
    call = "|".join([
        rf"\b{items}\.?\s*(?:(?i:nos?|number|num)\.?\s*|#\s*)?(?P<id>[A-Z0-9][\w()/.'’-]*(?:\s?-\d+)?)",
        rf"\b{series}\s?\d+(?:/\d+)+", rf"\b{groups}\s?\d+\b", *_FORMATS])
    token = r"(?:[A-ZÀ-Þ][\w'’.&-]*|of|and|&|the|de|du)"
    newspaper = (rf"(?:The\s+)?(?:{token}\s+){{0,4}}?(?:{_alt(d['newspapers'])}|{_alt(d['newspaper_suffixes'])})"
                 r"(?:\s*\([^()]{1,40}\))?")
    glued = [s for s in d["publisher_suffixes"] if s[:1].islower()]
    words = [s for s in d["publisher_suffixes"] if not s[:1].islower()]
    publisher = (rf"{_alt(d['publishers'])}|(?:{token}\s+){{0,6}}{_alt(words)}"
                 rf"|(?:{token}\s+){{0,4}}[A-ZÀ-Þ]\w*{_alt(glued)}")
    corr = _alt(d["correspondence"], "i")
    memo = _alt(d["memoranda"], "i")
    return Cues(
        archive_alias=re.compile(rf"(?<![\w/]){_alt(list(names))}(?![\w/])"),
        archive_names=names,
        archive_cue=re.compile(archive_cue),
        call_number=re.compile(call),
        newspaper=re.compile(newspaper),
        publisher=re.compile(publisher),
        places=frozenset(d["places"]),
        lead_in=re.compile(rf"(?:{_alt(d['lead_ins'], 'i')}(?!\w)[\s,:]*)+"),
        ibid=re.compile(rf"{_alt(d['ibid'])}(?!\w)"),
        op_cit=re.compile(rf",?\s*{_alt(d['op_cit'], 'i')}(?!\w)"),
        letter_whole=re.compile(rf"(?P<a>{NAME})\s+to\s+(?P<b>{NAME})"),
        letter_from=re.compile(rf"\b{corr}\s+(?:from\s+(?P<a>{NAME})\s+)?to\s+(?P<b>{NAME})"
                               rf"|\b{corr}\s+from\s+(?P<a2>{NAME})"),
        memo=re.compile(rf"(?:(?i:untitled|secret|confidential|top secret|draft)\s+)*{memo}(?!\w)"
                        rf"(?:\s+(?:from\s+(?P<a>{NAME})\s+)?(?:for|to)\s+(?P<b>{NAME})$)?"),
        particles=frozenset(d["name_particles"]),
        not_authors=frozenset(d["not_authors"]),
    )
