"""A capital's name: the city, or its government acting ("in Tokyo" against "Tokyo protested").

The government reading is the default, as in diplomatic prose; the cues in
knowledge/link_cues.yaml (`capital_cues`) say where the name is a place: after a place
preposition, in an address or a citation's place of publication, with a modifier of places
before it or a noun of places after it, or coordinated with a place ("in Osaka and Tokyo").
"""
from __future__ import annotations

import re
from functools import cache

from kankei.knowledge import load


@cache
def _patterns() -> dict[str, re.Pattern]:
    cues = (load("link_cues") or {}).get("capital_cues") or {}

    def alt(key: str) -> str:
        words = sorted(set(cues.get(key) or []), key=len, reverse=True)
        return "|".join(map(re.escape, words)) or "(?!)"
    preps = alt("place_prepositions")
    name = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*"
    # what may stand between the preposition and the capital: other places, coordinated ("in Osaka and Tokyo")
    others = rf"{name}(?:\s*,\s*{name})*\s*,?\s+(?:and|or)\s+$"
    acting = rf"\b(?i:{alt('acting_before_to_from')})\s+(?i:to|from)\s+"
    return {
        "prep": re.compile(rf"\b(?i:{preps})\s+$"),
        "prep_others": re.compile(rf"\b(?i:{preps})\s+{others}"),
        "acting": re.compile(acting + "$"),
        "acting_others": re.compile(acting + others),
        "and_or": re.compile(r"\s(?:and|or)\s+$"),
        "modifier": re.compile(rf"\b(?i:{alt('place_modifiers')})\s+$"),
        "head": re.compile(rf"(?:['’]s)?\s+(?:{alt('place_heads')})\b"),
        # "National Diet Library, Tokyo, microfiche"; "(Tokyo: Iwanami, 1992)"; "Tokyo-based"; "Tokyo, 1995"
        "address_before": re.compile(r"(?:,|\()\s*$"),
        "address_after": re.compile(r"\s*(?:[,;):]|$|\n|\d)"),
        "after": re.compile(r"\s*(?::\s|-based|,\s*\d)"),
    }


@cache
def _acts_after() -> re.Pattern:
    """A past tense right after the name ('Pyongyang promised', 'Tokyo later lifted', 'Seoul
    sent'): a subject acting. Irregular pasts are the analysis's own list."""
    from kankei.analyze.lemmatize import irregular_verb_forms
    pasts = "|".join(sorted(irregular_verb_forms()[0], key=len, reverse=True))
    return re.compile(rf"\s+(?:[a-z]+ly\s+|later\s+|then\s+|also\s+)?(?:[a-z]{{3,}}ed|{pasts})\b")



# where a clause opens: after a comma or semicolon and its conjunction, or a sentence's end
_CLAUSE_OPENS = re.compile(r"(?:[,;.]\s*(?:and|but|while|whereas)?|\A)\s*$")


def capital_is_place(text: str, start: int, end: int) -> bool:
    """Whether the capital named at text[start:end] is the city rather than its government."""
    p = _patterns()
    if _acts_after().match(text, end) and _CLAUSE_OPENS.search(text, max(0, start - 12), start):
        return False        # '..., and Pyongyang promised a new investigation': the capital acts
    before = text[max(0, start - 80):start]
    # the direct case on the last few characters; a coordination ("in Osaka and Tokyo") only
    # when "and" or "or" comes right before (the long patterns are slow to search)
    end_near = max(0, len(before) - 40)
    coordinated = p["and_or"].search(before, end_near)
    if (p["prep"].search(before, end_near) or coordinated and p["prep_others"].search(before)) \
            and not (p["acting"].search(before, end_near) or coordinated and p["acting_others"].search(before)):
        return True
    if p["modifier"].search(before[-16:]):
        return True
    if p["address_before"].search(before[-3:]) and p["address_after"].match(text, end):
        return True
    return bool(p["after"].match(text, end) or p["head"].match(text, end))
