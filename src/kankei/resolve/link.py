"""Entity mentions: known aliases, names in no file, surnames, misspellings, capitals that act.

Everything is decided in text order, so a surname links to the person named before it
and an acronym to the body introduced with it.
"""
from __future__ import annotations

import re
from functools import cache
from operator import attrgetter

from rapidfuzz import fuzz, process

from kankei.knowledge import load
from kankei.recognize._name_cues import load_cues
from kankei.recognize.gazetteer import Gazetteer, fold, gazetteer, slug
from kankei.recognize.names import COVERING
from kankei.resolve._link_common import mention, overlaps, surname_first
from kankei.resolve.capitals import capital_is_place
from kankei.resolve.surnames import bare_names, surname_spans
from kankei.spans import EntityMention, NameCandidate

_TYPE_PREFIX = {"person": "person", "organization": "org", "country": "country", "place": "place",
                "vessel": "vessel", "document": "document", "group": "group", "other": "other"}


@cache
def _fuzzy_choices(gaz_id: int) -> tuple[list[str], list[str]]:
    gaz = gazetteer()
    keys, ids = [], []
    for e in gaz.entries.values():
        for a in e.aliases:
            fa = fold(a)
            if " " not in fa and len(fa) >= 6 and not fa.isupper():
                keys.append(fa)
                ids.append(e.id)
    return keys, ids


class _DocState:
    """What the document has named so far."""

    def __init__(self) -> None:
        self.surnames: dict[str, str] = {}
        self.given: dict[str, str] = {}
        self.acronyms: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.seen: set[str] = set()
        self.known_surnames: dict[tuple[int, int], str] = {}
        self.org_tails: dict[str, str] = {}     # 'district court' -> the Osaka District Court named last


def _person_id(name: str) -> str:
    tokens = sorted(slug(t) for t in re.split(r"[\s]+", name) if t)
    return "person:" + "_".join(t for t in tokens if t)


def link_entities(text: str, candidates: list[NameCandidate] | None = None,
                  skip: list[tuple[int, int]] = (), gaz: Gazetteer | None = None,
                  hits: list | None = None, folded: str | None = None,
                  surnames: list[tuple[int, int, str]] | None = None) -> list[EntityMention]:
    """Entity mentions of text. `hits` (gazetteer matches) and `surnames` (surname_spans)
    are passed when the caller has already computed them."""
    gaz = gaz or gazetteer()
    folded = folded if folded is not None else fold(text)
    state = _DocState()
    if surnames is None:
        surnames = surname_spans(text, folded, gaz)
    state.known_surnames = {(s, e): pid for s, e, pid in surnames}
    blocked = sorted(skip)
    out: list[EntityMention] = []
    if hits is None:
        hits = gaz.find(text, folded)
    taken = sorted((s, e) for s, e, _ in hits)
    # by start, longer first, then hits before candidates (the third field decides ties)
    items = [(s, s - e, k, e, ids) for k, (s, e, ids) in enumerate(hits)]
    k0 = len(items)
    items += [(c.start, c.start - c.end, k0 + k, c.end, c) for k, c in enumerate(candidates or ())]
    items.sort()
    last_end = -1
    bi, nb = 0, len(blocked)
    for s, _, k, e, payload in items:
        if s < last_end:
            continue
        if nb:      # `overlaps(blocked, s, e)`, its bisection done by a pointer: s only grows
            while bi < nb and blocked[bi][0] < s:
                bi += 1
            if bi and blocked[bi - 1][0] < e and s < blocked[bi - 1][1] \
                    or bi < nb and blocked[bi][0] < e and s < blocked[bi][1]:
                continue
        if k < k0:
            if out and text[s - 1:s] == "(" and out[-1].how == "detected" and out[-1].end >= s - 2:
                _bracketed_acronym(text[s:e], out[-1], state)
            p = folded.find("'s ", s, e)
            if p > s and text[p + 3:p + 4].isupper():
                # "South Korea's Joint Chiefs of Staff": the owner is a mention of its own
                owner = gaz.lookup(folded[s:p])
                if owner:
                    m = _from_gazetteer(text, s, p, owner, gaz, state)
                    out.append(m)
                    _remember(m, gaz, state)
                    s = p + 3
            if (owned := _foreign_generic(text, s, e, payload, gaz)) is not None:
                if not owned[1]:
                    continue
                s, payload = owned
            m = _from_gazetteer(text, s, e, payload, gaz, state)
        else:
            if overlaps(taken, s, e) and payload.cue != COVERING:
                continue
            m = _from_candidate(text, payload, gaz, state)
        if m is None:
            continue
        out.append(m)
        last_end = e
        _remember(m, gaz, state)
    out.extend(_shared_surname(text, out, gaz))
    out.extend(bare_names(text, folded, out, blocked, gaz, state))
    out.sort(key=_START)
    out = _inverted_names(text, out)
    _surnames_named_in_full(text, out)
    # one id, one name and type: a detected actor is named as at its fullest mention
    entries = gaz.entries
    unknown = [m for m in out if m.entity not in entries]
    first: dict[str, EntityMention] = {}
    for m in unknown:
        best = first.get(m.entity)
        if best is None or (m.how == "detected" and (best.how != "detected" or len(m.text) > len(best.text))):
            first[m.entity] = m
    for m in unknown:
        best = first[m.entity]
        m.name, m.type = best.name, best.type
    return out


_START = attrgetter("start")


@cache
def _demonym_before(gaz_id: int) -> re.Pattern:
    words = sorted(gazetteer().demonyms, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, words)) + r") $")


@cache
def _demonym_ends(gaz_id: int) -> tuple[str, ...]:
    """How text must end for `_demonym_before` to match: a demonym and a space."""
    return tuple(w + " " for w in gazetteer().demonyms)


def _foreign_generic(text: str, s: int, e: int, ids: tuple[str, ...], gaz: Gazetteer) -> tuple[int, tuple] | None:
    """'the Chinese foreign ministry', "the North's Foreign Ministry": a name that stands for one
    state's body by default, after another state's adjective or possessive, is that state's body
    as the knowledge names it ('North Korean Foreign Ministry'), or no known body: (start, ids),
    ids empty to drop it."""
    name = text[s:e]
    if not ids or not name[:1].isalpha() or s < 3 or text[s - 1] != " ":
        return None     # (an adjective, a possessive or 'In X, the' always stands a space before)
    # (each pattern is searched only where the text before ends the way its match must: most
    # names stand after none of them, and a search tries every position of its window)
    m = _demonym_before(id(gaz)).search(text, max(0, s - 30), s) \
        if text.endswith(_demonym_ends(id(gaz)), max(0, s - 30), s) else None
    if m is not None:
        dem = m.group(1)
        owned = gaz.lookup(fold(f"{dem} {name.title()}")) or gaz.lookup(fold(f"{dem} {name}"))
        if owned:
            return m.start(1), owned
        cid = gaz.demonyms[dem][0]
    elif text[max(0, s - 40):s].rstrip().endswith(("'s", "’s", "the", "its")) and (
            p := _POSSESSOR_BEFORE.search(text, max(0, s - 40), s) or _SET_IN.search(text, max(0, s - 40), s)) is not None:
        # ("the North's Foreign Ministry", "China's Foreign Ministry", "In Seoul, the foreign
        # ministry": that state's own body)
        cid = _state_named(p.group(1), gaz)
        if cid is None:
            return None
        for dem in (d for d, (c, _gov) in gaz.demonyms.items() if c == cid):
            if owned := gaz.lookup(fold(f"{dem} {name.title()}")) or gaz.lookup(fold(f"{dem} {name}")):
                return s, owned
    else:
        return None
    own = {_state_of_body(id(gaz), i) for i in ids}
    return None if cid in own or own == {None} else (s, ())


_SET_IN = re.compile(r"\bIn\s+([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?),\s+(?:the|its)\s+$")
_POSSESSOR_BEFORE = re.compile(r"(?:^|[\s(])((?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)(?:'s|’s)\s+$")


def _state_named(name: str, gaz: Gazetteer) -> str | None:
    """The country a name of a state, its government or its capital stands for ('the North',
    'Pyongyang', 'China'), if the knowledge says."""
    for i in gaz.lookup(fold(name)) or gaz.lookup(fold(name.removeprefix("the ").removeprefix("The "))):
        kind, _, key = i.partition(":")
        if kind in ("country", "gov"):
            return f"country:{key}"
        if kind == "place" and (gov := gaz.capitals.get(i)):
            return f"country:{gov.partition(':')[2]}"     # ('Pyongyang', 'Seoul': the state it is the capital of)
    return None


@cache
def _state_of_body(gaz_id: int, entity: str) -> str | None:
    """The country a known body is of: as the knowledge says, else as its full name says
    ('Ministry of Foreign Affairs of Japan'); found once per body."""
    gaz = gazetteer()
    entry = gaz.entries.get(entity)
    if entry is None:
        return None
    if getattr(entry, "country", None):
        return entry.country
    name = entry.name or ""
    for dem, (cid, _gov) in gaz.demonyms.items():
        if re.search(rf"\b{re.escape(dem)}\b", name):
            return cid
    countries = [x for x in gaz.entries.values() if x.type == "country" and re.search(rf"\b{re.escape(x.name)}$", name)]
    return countries[0].id if countries else None


_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|to|near|of|into)\s+$", re.IGNORECASE)


def _bracketed_acronym(acr: str, named: EntityMention, state: _DocState) -> None:
    """A known acronym in brackets right after a name the text introduces ("UN Committee on the
    Elimination of Racial Discrimination (CERD)") stands for that name in this text, when its
    letters are capitals of the name, in order."""
    if not (acr.isupper() and acr.isalpha()):
        return
    caps = iter(ch for ch in named.text if ch.isupper())
    if all(ch in caps for ch in acr):
        state.acronyms[acr] = named.entity


def _from_gazetteer(text, s, e, ids, gaz: Gazetteer, state: _DocState) -> EntityMention | None:
    if state.acronyms and e - s <= 8:
        known = state.acronyms.get(text[s:e])
        if known and known not in ids:
            return mention(text, s, e, known, gaz, "acronym")
    choice = ids[0] if len(ids) == 1 else next((i for i in ids if i in state.seen), ids[0])
    person = state.surnames.get(fold(text[s:e])) if " " not in text[s:e] else None
    if person is not None and all(getattr(gaz.entries.get(i), "type", None) == "place" for i in ids) \
            and not _PLACE_BEFORE.search(text, max(0, s - 6), s):
        # 'Eiko Kawasaki ... Kawasaki urged the court': the person named before, not the city
        return mention(text, s, e, person, gaz, "surname")
    if choice in gaz.capitals and not capital_is_place(text, s, e):
        # "Tokyo condemned the launch": the capital acts for its government
        return mention(text, s, e, gaz.capitals[choice], gaz, "capital")
    entry = gaz.entries.get(choice)
    if entry is None:
        return mention(text, s, e, choice, gaz, "gazetteer")
    return EntityMention(s, e, text[s:e], choice, entry.name, entry.type, "gazetteer")


def _from_candidate(text: str, c: NameCandidate, gaz: Gazetteer, state: _DocState) -> EntityMention | None:
    key = fold(c.text)
    if c.acronym_of:
        target = state.names.get(fold(c.acronym_of)) or state.acronyms.get(key)
        if target:
            return mention(text, c.start, c.end, target, gaz, "acronym", c.acronym_of)
    if key in state.acronyms:
        return mention(text, c.start, c.end, state.acronyms[key], gaz, "acronym")
    if key in state.names:
        return mention(text, c.start, c.end, state.names[key], gaz, "detected", c.text, c.type)
    if c.type == "person" and " " not in key:
        # (a given name after a word of kinship is a relative's: 'their father Shigeru' is not the
        # Shigeru Ishiba named before)
        known = state.surnames.get(key) or (None if _after_kin(text, c.start) else state.given.get(key))
        if not known and len(gaz.family_index.get(key, [])) == 1:
            known = gaz.family_index[key][0]
        if known:
            return mention(text, c.start, c.end, known, gaz, "surname")
    if c.type == "organization" and key.lower() in state.org_tails:
        # ('the Osaka District Court ... the District Court': a short form of the body named before)
        return mention(text, c.start, c.end, state.org_tails[key.lower()], gaz, "short", None, c.type)
    fuzzy = _fuzzy(key, gaz)
    if fuzzy:
        return mention(text, c.start, c.end, fuzzy, gaz, "fuzzy")
    prefix = _TYPE_PREFIX.get(c.type, "other")
    entity_id = _person_id(c.text) if prefix == "person" else f"{prefix}:{slug(c.text)}"
    if c.acronym_of:
        entity_id = f"{prefix}:{slug(c.acronym_of)}"
    return EntityMention(c.start, c.end, c.text, entity_id, c.acronym_of or c.text, c.type, "detected")


def _after_kin(text: str, start: int) -> bool:
    words = text[max(0, start - 16):start].lower().split()
    return bool(words) and words[-1].strip(",") in _kin_words()


@cache
def _kin_words() -> frozenset[str]:
    return frozenset(w.lower() for w in load("event_triggers").get("kin_nouns", []))


def _fuzzy(key: str, gaz: Gazetteer) -> str | None:
    if len(key) < 6 or " " in key:
        return None
    keys, ids = _fuzzy_choices(id(gaz))
    hit = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=88)
    if hit and hit[0][0].lower() == key[0].lower():
        return ids[hit[2]]
    return None


def _remember(m: EntityMention, gaz: Gazetteer, state: _DocState) -> None:
    state.seen.add(m.entity)
    t = m.text
    state.names.setdefault(t if t.isascii() else fold(t), m.entity)
    entry = gaz.entries.get(m.entity)
    if entry and entry.type == "person":
        family, given = gaz.name_keys[m.entity]
        # (only a mention that says the family name makes it hers: 'his sister Megumi' does not make
        # the next 'Yokota said' Megumi Yokota)
        if family and family in fold(t).split():
            state.surnames[family] = m.entity
        if given:
            state.given[given] = m.entity
    elif m.how == "detected" and m.type == "person":
        tokens = fold(t).split()
        if len(tokens) >= 2:
            family = tokens[0] if surname_first(t.split()) else tokens[-1]
            state.surnames[family] = m.entity
    if m.type == "organization" and not m.entity.startswith("gov:"):
        _remember_tails(t, m.entity, state)
    if m.how == "detected" and m.type == "organization":
        acronym = "".join(w[0] for w in t.split() if w[0].isupper())
        if len(acronym) >= 2:
            state.acronyms.setdefault(acronym, m.entity)


def _remember_tails(name: str, entity: str, state: _DocState) -> None:
    """The shorter names a body goes by once named in full: the words that end its name before
    any 'of' ('Osaka District Court': 'District Court', 'Court'; 'International Committee of the
    Red Cross': 'Committee')."""
    words = fold(name).lower().split(" of ")[0].split()
    for k in range(1, len(words)):
        state.org_tails[" ".join(words[k:])] = entity


def _inverted_names(text: str, found: list[EntityMention]) -> list[EntityMention]:
    """"Ryang, Sonia (1997)": a reference list's "Surname, Given" is one mention of the person,
    when both parts name the same person."""
    out: list[EntityMention] = []
    skip_next = False
    for i, m in enumerate(found):
        if skip_next:
            skip_next = False
            continue
        if i + 1 < len(found) and m.type == "person" and " " not in m.text:
            n = found[i + 1]
            if n.entity == m.entity and " " not in n.text and text[m.end:n.start] == ", " \
                    and n.how in ("surname", "gazetteer"):
                m.end, m.text = n.end, text[m.start:n.end]
                skip_next = True
        out.append(m)
    return out


_GIVEN_AND = re.compile(r"(?<![\w'-])([A-Z][a-z]+(?:-[a-z]+)?) and $")


def _surnames_named_in_full(text: str, found: list[EntityMention]) -> None:
    """'Kono says ...' over 'Foreign Minister Taro Kono said': a name of one word is the one
    person the document names in full with it, before or after (a headline names by surname
    the person its story names in full), not another of that name the knowledge knows."""
    full: dict[str, set[tuple[str, str]]] = {}
    for m in found:
        if m.type == "person" and " " in m.text.strip():
            for word in m.text.split():
                full.setdefault(word, set()).add((m.entity, m.name))
    kin = _kin_words()
    for m in found:
        if m.type == "person" and " " not in m.text.strip() and len(people := full.get(m.text, ())) == 1:
            before = text[max(0, m.start - 14):m.start].split()
            if before and before[-1].lower() in kin:
                continue        # ('their father Shigeru': a relative, not the Shigeru named in full)
            (m.entity, m.name), = people


def _shared_surname(text: str, found: list[EntityMention], gaz: Gazetteer) -> list[EntityMention]:
    """"Shigeru and Sakie Yokota": the first given name is a person of the same family."""
    out = []
    spans = [(m.start, m.end) for m in found]
    for m in found:
        if m.type != "person" or text[m.start - 5:m.start] != " and ":
            continue
        g = _GIVEN_AND.search(text, max(0, m.start - 30), m.start)
        if g is None or overlaps(spans, g.start(1), g.end(1)):
            continue
        given = g.group(1)
        entry = gaz.entries.get(m.entity)
        if entry is not None:
            family = gaz.name_keys[m.entity][0]
            if not family:
                continue
            target = next((i for i in gaz.given_index.get(fold(given), ()) if gaz.name_keys[i][0] == family),
                          None)
            if target:
                out.append(mention(text, g.start(1), g.end(1), target, gaz, "gazetteer"))
            elif given in load_cues().given:
                out.append(EntityMention(g.start(1), g.end(1), given, _person_id(f"{given} {entry.family}"),
                                         f"{given} {entry.family}", "person", "detected"))
        else:
            words = m.text.split()
            if len(words) != 2 or surname_first(words) or given not in load_cues().given:
                continue
            name = f"{given} {words[1]}"
            out.append(EntityMention(g.start(1), g.end(1), given, _person_id(name), name, "person", "detected"))
    return out
