"""The place of a dateline: "TOKYO, Nov 18 (Reuters) -", "HIGASHI-OSAKA —", "SEOUL (AP) --" at a
paragraph start.

Datelines are written in capitals, which the gazetteer (matching names as written) passes
over; read title-cased, a known place there is where the story was filed (a capital in a
dateline is the city, not its government)."""
from __future__ import annotations

import re

from kankei.recognize.gazetteer import fold, gazetteer
from kankei.spans import EntityMention

_DATELINE = re.compile(r"(?m)^[ \t]*([A-Z][A-Z'’.-]*(?:[ -][A-Z][A-Z'’.-]*){0,3})(?=,[ \t]|(?:[ \t]+\([A-Z][^()\n]{0,30}\))?[ \t]+(?:--|[—–-])[ \t])")


def opens_with_dateline(text: str, start: int, end: int) -> bool:
    """Whether the line text[start:end] opens with a dateline ('TOKYO, Nov. 27 Kyodo')."""
    return _DATELINE.match(text, start, end) is not None


def dateline_places(text: str, taken: list[EntityMention]) -> list[EntityMention]:
    """Mentions of known places named by datelines, outside the spans already taken."""
    gaz = gazetteer()
    out = []
    for m in _DATELINE.finditer(text):
        s, e = m.span(1)
        if any(t.start < e and s < t.end for t in taken):
            continue
        ids = gaz.lookup(fold(m.group(1).title()))
        places = [i for i in ids if i in gaz.entries and gaz.entries[i].type == "place"]
        if places:
            entry = gaz.entries[places[0]]
            out.append(EntityMention(s, e, text[s:e], entry.id, entry.name, entry.type, "dateline"))
    return out
