"""The gender of the persons a text names, for 'he' and 'she': what the knowledge says, and what
the text shows ('her eldest brother' after a name, 'his granddaughter, X' before one)."""
from __future__ import annotations

import re

from kankei.assemble.triggers import word_sets
from kankei.recognize.gazetteer import gazetteer
from kankei.spans import EntityMention

SEX = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female", "hers": "female"}


def known_gender(entity: str) -> str | None:
    """The gender the knowledge gives a person (actors.yaml `gender`), if any."""
    entry = gazetteer().entries.get(entity)
    return getattr(entry, "gender", None) if entry is not None else None


# (possessives before a word: 'her eldest brother'; a bare 'he' after a name is as often another's:
# 'Yun learned how he died')
_SEXED_WORD = re.compile(r"\b(?:his|her)\s+(?=[a-z])", re.I)
_SENTENCE_STOP = re.compile(r"[.!?]\s|\n")
_GENDER_REACH = 60      # characters after a name where 'her'/'his' is most likely hers or his


def genders_shown(text: str, mentions: list[EntityMention]) -> dict[str, str]:
    """The gender a text shows for the persons it names: the first 'his' or 'her' before a word
    shortly after a name, in its sentence, before any other person is named ('Park Mi-ran was nine
    when her eldest brother sailed': a woman). A person shown both ways is left unknown."""
    persons = [m for m in mentions if m.type == "person" and m.entity]
    seen: dict[str, set[str]] = {}
    for k, m in enumerate(persons):
        stop = _SENTENCE_STOP.search(text, m.end, m.end + _GENDER_REACH)
        end = stop.start() if stop else min(len(text), m.end + _GENDER_REACH)
        if k + 1 < len(persons):
            end = min(end, persons[k + 1].start)
        w = _SEXED_WORD.search(text, m.end, end)
        if w is not None:
            seen.setdefault(m.entity, set()).add(SEX[w.group().strip().lower()])
        title = _TITLE.match(text, m.start) or _TITLE_BEFORE.search(text, max(0, m.start - 6), m.start)
        if title is not None:       # ('Mr. Ko', 'Mrs. Lee')
            seen.setdefault(m.entity, set()).add("male" if title.group(1).lower() == "mr" else "female")
        # ('his granddaughter, Yang Ji-won': the kin word before the name)
        kin = _KIN_BEFORE.search(text, max(0, m.start - 24), m.start)
        if kin is not None:
            word = kin.group(1).lower()
            sets = word_sets()
            gender = "female" if word in sets["female_kin"] else "male" if word in sets["male_kin"] else None
            if gender:
                seen.setdefault(m.entity, set()).add(gender)
    return {e: next(iter(g)) for e, g in seen.items() if len(g) == 1}


_TITLE = re.compile(r"(Mr|Mrs|Ms|Miss)\b\.?\s+")
_TITLE_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\b\.?\s+$")
_KIN_BEFORE = re.compile(r"\b([A-Za-z-]+),?\s+$")
