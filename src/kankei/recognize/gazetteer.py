"""Known names: every alias of the knowledge files in one Aho–Corasick automaton.

Matching runs on a folded copy of the text (diacritics and curly quotes mapped one
character to one character), so `Ch'ŏngryŏn` and `Ch’ongryon` meet the same key and
offsets stay those of the original text.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

import ahocorasick

from kankei.knowledge import load

GOV_NOUNS = ("government", "Government", "governments", "authorities", "regime", "side", "administration",
             "cabinet", "Cabinet", "leadership")


@dataclass(slots=True)
class Entry:
    id: str
    name: str
    type: str
    family: str | None = None
    given: str | None = None
    country: str | None = None
    offices: list = field(default_factory=list)
    aliases: set = field(default_factory=set)


@cache
def fold_table() -> dict[int, str]:
    """One-to-one character folding: Latin letters with marks to plain, curly quotes to straight."""
    table: dict[int, str] = {0x2019: "'", 0x2018: "'", 0x02BC: "'", 0x2032: "'", 0x00B4: "'",
                             0x201C: '"', 0x201D: '"', 0x2013: "-", 0x2014: "-", 0x00A0: " ", 0x2010: "-"}
    for cp in range(0x00C0, 0x0250):
        base = unicodedata.normalize("NFKD", chr(cp))[0]
        if base != chr(cp) and len(base) == 1 and base.isascii():
            table[cp] = base
    return table


@cache
def _foldable() -> tuple[re.Pattern[str], dict[str, str]]:
    table = fold_table()
    return re.compile("[" + "".join(map(chr, sorted(table))) + "]"), {chr(k): v for k, v in table.items()}


def fold(text: str) -> str:
    """text.translate(fold_table()), done faster: ASCII text is returned as is, and in other
    text a regex finds the few characters to replace."""
    if text.isascii():
        return text
    pattern, table = _foldable()
    return pattern.sub(lambda m: table[m.group()], text)


class Gazetteer:
    """All entries and an automaton over their folded aliases."""

    def __init__(self, actors: list[dict], countries: list[dict]):
        self.entries: dict[str, Entry] = {}
        self._keys: dict[str, set[str]] = {}
        self.capitals: dict[str, str] = {}          # place id -> government id
        self.demonyms: dict[str, tuple[str, str]] = {}  # "Japanese" -> (country id, gov id)
        for raw in actors:
            self._add_entry(raw)
        for raw in countries:
            self._add_country(raw)
        self._add_leader_governments()
        self.automaton = ahocorasick.Automaton()
        for key, ids in self._keys.items():
            self.automaton.add_word(key, (len(key), tuple(sorted(ids))))
        self.automaton.make_automaton()
        self.family_index: dict[str, list[str]] = {}
        self.given_index: dict[str, list[str]] = {}
        for e in self.entries.values():
            if e.type == "person":
                if e.family:
                    self.family_index.setdefault(fold(e.family), []).append(e.id)
                if e.given:
                    self.given_index.setdefault(fold(e.given), []).append(e.id)

    # -------------------------------------------------------------- building
    def _alias(self, alias: str, entity_id: str) -> None:
        alias = " ".join(str(alias).split())
        if not alias:
            return
        entry = self.entries[entity_id]
        if entry.type in ("group", "other") and alias[0].islower() and not alias.startswith("the "):
            return      # "returnees", "sunshine policy": descriptions, not names (kept for claims, not mentions)
        variants = {alias}
        words = alias.split(" ")
        if len(words) > 1 and not alias.isupper() and words[0][:1].isupper():
            variants.add(" ".join([words[0]] + [w if w.isupper() else w.lower() for w in words[1:]]))
        for v in variants:
            self._keys.setdefault(fold(v), set()).add(entity_id)
            self.entries[entity_id].aliases.add(v)

    def _add_entry(self, raw: dict) -> None:
        e = Entry(id=raw["id"], name=raw.get("name", raw["id"]), type=raw.get("type", "other"),
                  family=raw.get("family"), given=raw.get("given"), country=raw.get("country"),
                  offices=raw.get("offices") or [])
        self.entries[e.id] = e
        for alias in [e.name, *(raw.get("aliases") or []), *(raw.get("misspellings") or [])]:
            self._alias(alias, e.id)
        if e.family and e.given:
            self._alias(f"{e.given} {e.family}", e.id)
            self._alias(f"{e.family} {e.given}", e.id)

    def _add_country(self, raw: dict) -> None:
        cid = raw["id"]
        if cid not in self.entries:
            self._add_entry({"id": cid, "name": raw.get("name", cid), "type": "country",
                             "aliases": raw.get("aliases") or []})
        else:
            for alias in [raw.get("name", ""), *(raw.get("aliases") or [])]:
                self._alias(alias, cid)
        gov = raw.get("government")
        if not gov:
            return
        if gov not in self.entries:
            self._add_entry({"id": gov, "name": f"Government of {raw.get('name', cid)}", "type": "organization"})
        names = [raw.get("name", "")] + [a for a in raw.get("aliases") or [] if not a.lower().startswith("the ")]
        for demonym in raw.get("demonyms") or []:
            self.demonyms[demonym] = (cid, gov)
            for noun in GOV_NOUNS:
                self._alias(f"{demonym} {noun}", gov)
        for name in names:
            for noun in ("government", "Government", "regime", "authorities", "administration"):
                self._alias(f"{name} {noun}", gov)
            self._alias(f"government of {name}", gov)
            self._alias(f"Government of {name}", gov)
        for alias in raw.get("government_aliases") or []:
            self._alias(alias, gov)
        if raw.get("capital"):
            self.capitals[raw["capital"]] = gov

    def _add_leader_governments(self) -> None:
        """'the Kishi government', 'the Abe administration' stand for that state's government."""
        for e in list(self.entries.values()):
            if e.type != "person" or not e.family:
                continue
            for office in e.offices:
                title = str(office.get("title", "")).lower()
                of = office.get("of")
                gov = self._gov_of(of)
                if gov and ("prime minister" in title or "president" == title or "premier" in title):
                    for noun in ("government", "administration", "cabinet", "Cabinet", "Administration"):
                        self._keys.setdefault(fold(f"{e.family} {noun}"), set()).add(gov)
                    break

    def _gov_of(self, country: str | None) -> str | None:
        for _dem, (cid, gov) in self.demonyms.items():
            if cid == country:
                return gov
        return None

    # -------------------------------------------------------------- matching
    def find(self, text: str, folded: str | None = None) -> list[tuple[int, int, tuple[str, ...]]]:
        """Leftmost-longest alias matches on word boundaries: (start, end, candidate ids)."""
        folded = folded if folded is not None else fold(text)
        hits = []
        n = len(folded)
        for end_idx, (length, ids) in self.automaton.iter(folded):
            start, end = end_idx - length + 1, end_idx + 1
            # on word boundaries (`_word_char`, inlined: most hits are inside longer words)
            if start > 0 and ((ch := folded[start - 1]).isalnum() or ch == "_") \
                    or end < n and ((ch := folded[end]).isalnum() or ch == "_"):
                continue
            # "the North" before "Korean ..." is part of an adjective phrase, not the state
            if folded.startswith(("the ", "The "), start) and _CAPITAL_NEXT.match(folded, end):
                continue
            hits.append((start, end, ids))
        # longest first, so "North Korean regime" beats an overlapping "the North"
        hits.sort(key=lambda h: (h[0] - h[1], h[0]))
        chosen: list[tuple[int, int, tuple[str, ...]]] = []
        occupied = bytearray(n + 1)
        for h in hits:
            if occupied.find(1, h[0], h[1]) < 0:
                chosen.append(h)
                occupied[h[0]:h[1]] = b"\x01" * (h[1] - h[0])
        chosen.sort()
        return chosen


@cache
def gazetteer() -> Gazetteer:
    try:
        actors = load("actors") or []
    except FileNotFoundError:
        actors = []
    try:
        countries = load("countries") or []
    except FileNotFoundError:
        countries = []
    return Gazetteer(actors, countries)


_CAPITAL_NEXT = re.compile(r" [A-Z]")
_SLUG = re.compile(r"[^a-z0-9]+")


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def slug(name: str) -> str:
    return _SLUG.sub("_", fold(name).lower()).strip("_")
