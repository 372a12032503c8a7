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
    event: str | None = None        # the event type a named occurrence is ('Allied Occupation': annex)
    gender: str | None = None       # 'female' where known: whom 'she' can mean
    parties: tuple = ()             # an accord's parties (ids): who reached it
    organ_of: str | None = None     # the government a state organ belongs to ('org:mofa_japan' -> 'gov:japan')


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
        # offices whose announcements speak for one government ('Chief Cabinet Secretary'): title -> government
        self.issuing_offices: dict[str, str] = {}
        # a government -> who its state's unnamed 'police', 'prosecutors', 'authorities' are
        self.enforcers: dict[str, dict[str, str]] = {}
        self.state_media: dict[str, str] = {}      # government id -> its state media's id
        self._keys: dict[str, set[str]] = {}
        self.capitals: dict[str, str] = {}          # place id -> government id
        self.demonyms: dict[str, tuple[str, str]] = {}  # "Japanese" -> (country id, gov id)
        for raw in actors:
            self._add_entry(raw)
        for raw in countries:
            self._add_country(raw)
        self._add_leader_governments()
        self.automaton = _automaton({key: (len(key), tuple(sorted(ids)), key.startswith(("the ", "The ")))
                                     for key, ids in self._keys.items()})
        self.family_index: dict[str, list[str]] = {}
        self.given_index: dict[str, list[str]] = {}
        self.name_keys: dict[str, tuple[str | None, str | None]] = {}   # id -> folded family, given name
        for e in self.entries.values():
            self.name_keys[e.id] = (fold(e.family) if e.family else None, fold(e.given) if e.given else None)
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
        if words[0] == "the" and len(words) > 1 and words[1][:1].isupper():
            variants.add("The " + " ".join(words[1:]))     # ('The North launched ...' opening a sentence)
        for v in variants:
            self._keys.setdefault(fold(v), set()).add(entity_id)
            self.entries[entity_id].aliases.add(v)

    def _add_entry(self, raw: dict) -> None:
        e = Entry(id=raw["id"], name=raw.get("name", raw["id"]), type=raw.get("type", "other"),
                  family=raw.get("family"), given=raw.get("given"), country=raw.get("country"),
                  offices=raw.get("offices") or [], event=raw.get("event"), gender=raw.get("gender"),
                  parties=tuple(raw.get("parties") or ()), organ_of=raw.get("organ_of"))
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
        for office in raw.get("issuing_offices") or []:
            self.issuing_offices[office] = gov
        if raw.get("enforcers"):
            self.enforcers[gov] = dict(raw["enforcers"])
        if raw.get("state_media"):
            self.state_media[gov] = raw["state_media"]
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

    def lookup(self, key: str) -> tuple[str, ...]:
        """The ids of a folded alias, sorted ("" when none)."""
        ids = self._keys.get(key)
        return tuple(sorted(ids)) if ids else ()

    # -------------------------------------------------------------- matching
    def find(self, text: str, folded: str | None = None) -> list[tuple[int, int, tuple[str, ...]]]:
        """Leftmost-longest alias matches on word boundaries: (start, end, candidate ids)."""
        folded = folded if folded is not None else fold(text)
        hits = []
        n = len(folded)
        capital_next = _CAPITAL_NEXT.match
        for end_idx, (length, ids, the) in self.automaton.iter(folded):
            start, end = end_idx - length + 1, end_idx + 1
            # on word boundaries (`_word_char`, inlined: most hits are inside longer words)
            if start > 0 and ((ch := folded[start - 1]).isalnum() or ch == "_") \
                    or end < n and ((ch := folded[end]).isalnum() or ch == "_"):
                continue
            # "the North" before "Korean ..." is part of an adjective phrase, not the state
            if the and capital_next(folded, end) or not ids:
                continue
            hits.append((start, end, ids))
        # Longest first, so "North Korean regime" beats an overlapping "the North": that choice
        # is made within each run of overlapping hits, and most hits overlap no other.
        hits.sort()
        chosen: list[tuple[int, int, tuple[str, ...]]] = []
        i, nh = 0, len(hits)
        while i < nh:
            j, reach = i + 1, hits[i][1]
            while j < nh and hits[j][0] < reach:
                if hits[j][1] > reach:
                    reach = hits[j][1]
                j += 1
            if j == i + 1:
                chosen.append(hits[i])
            else:
                kept: list[tuple[int, int, tuple[str, ...]]] = []
                for h in sorted(hits[i:j], key=_longest_first):
                    if all(h[1] <= k[0] or k[1] <= h[0] for k in kept):
                        kept.append(h)
                chosen += kept
            i = j
        chosen.sort()
        return chosen


def _longest_first(hit: tuple[int, int, tuple[str, ...]]) -> tuple[int, int]:
    return hit[0] - hit[1], hit[0]


# Characters by their frequency in English text (roughly), then the rest of printable ASCII.
_BY_FREQUENCY = " etaoinsrhldcumfpgwybvkxjqz,.\nTSAICNMPBDRHLEGJKOWFUVYQXZ'\"-()0123456789;:?!/&%$#@*+=<>[]_{}|~`\t"
_NEVER = "\ud800"    # a lone surrogate: in no text worth matching


def _automaton(values: dict[str, tuple]) -> ahocorasick.Automaton:
    """An automaton over the keys, with each key's value.

    pyahocorasick finds a node's child by a linear scan of its children, in the order they
    were added, and the root's children are scanned for nearly every character of a text.
    So they are added in order of character frequency, with a key that never matches for
    each character that starts no key (then the scan stops early for it too); and the keys
    go in sorted, so that a key's nodes lie close together in memory."""
    automaton = ahocorasick.Automaton()
    by_first: dict[str, list[str]] = {}
    for key in values:
        by_first.setdefault(key[0], []).append(key)
    for ch in [*_BY_FREQUENCY, *sorted(set(by_first) - set(_BY_FREQUENCY))]:
        if ch in by_first:
            for key in sorted(by_first[ch]):
                automaton.add_word(key, values[key])
        else:
            automaton.add_word(ch + _NEVER, (2, (), False))      # `find` drops hits with no ids
    automaton.make_automaton()
    return automaton


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
