"""What entity linking and surname reading share: the link cues, titles, name order,
span overlap and the making of a mention."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from kankei.knowledge import load
from kankei.recognize.gazetteer import Gazetteer
from kankei.spans import EntityMention

# \b[A-Z][A-Za-z'\-]+\b, with the boundary tested after the capital so that the scan skips to capitals
CAP_WORD = re.compile(r"[A-Z](?<!\w[A-Z])[A-Za-z'\-]+\b")


@cache
def cues() -> dict:
    try:
        data = load("link_cues") or {}
    except FileNotFoundError:
        data = {}
    return data


@cache
def title_re() -> re.Pattern:
    """A person's title right before a bare surname ("Prime Minister Kishi")."""
    words = cues().get("person_titles") or []
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "Mr\\."
    return re.compile(rf"(?:{alt})\s+$")


@cache
def family_first() -> frozenset[str]:
    return frozenset(cues().get("family_first_surnames") or [])


def surname_first(tokens: list[str]) -> bool:
    families = family_first()
    return len(tokens) >= 2 and tokens[0] in families and tokens[-1] not in families


def overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    i = bisect_left(spans, (s, -1))
    for j in (i - 1, i):
        if 0 <= j < len(spans) and spans[j][0] < e and s < spans[j][1]:
            return True
    return False


def mention(text: str, s: int, e: int, entity_id: str, gaz: Gazetteer, how: str, name: str | None = None,
           type_: str | None = None) -> EntityMention:
    entry = gaz.entries.get(entity_id)
    return EntityMention(s, e, text[s:e], entity_id, entry.name if entry else (name or text[s:e]),
                         entry.type if entry else (type_ or "other"), how)
