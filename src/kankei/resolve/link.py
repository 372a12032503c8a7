"""Entity mentions: known aliases, names in no file, surnames, misspellings, capitals that act.

Everything is decided in text order, so a surname links to the person named before it
and an acronym to the body introduced with it.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from functools import cache
from operator import attrgetter

from rapidfuzz import fuzz, process

from kankei.knowledge import load
from kankei.recognize._name_cues import load_cues
from kankei.recognize.gazetteer import Gazetteer, fold, gazetteer, slug
from kankei.recognize.names import COVERING
from kankei.resolve.capitals import capital_is_place
from kankei.spans import EntityMention, NameCandidate

# \b[A-Z][A-Za-z'\-]+\b, with the boundary tested after the capital so that the scan skips to capitals
_CAP_WORD = re.compile(r"[A-Z](?<!\w[A-Z])[A-Za-z'\-]+\b")
_TYPE_PREFIX = {"person": "person", "organization": "org", "country": "country", "place": "place",
                "vessel": "vessel", "document": "document", "group": "group", "other": "other"}


@cache
def _cues() -> dict:
    try:
        data = load("link_cues") or {}
    except FileNotFoundError:
        data = {}
    return data


@cache
def _title_re() -> re.Pattern:
    """A person's title right before a bare surname ("Prime Minister Kishi")."""
    words = _cues().get("person_titles") or []
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "Mr\\."
    return re.compile(rf"(?:{alt})\s+$")


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


@cache
def _family_first() -> frozenset[str]:
    return frozenset(_cues().get("family_first_surnames") or [])


def _surname_first(tokens: list[str]) -> bool:
    families = _family_first()
    return len(tokens) >= 2 and tokens[0] in families and tokens[-1] not in families


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
        if nb:      # `_overlaps(blocked, s, e)`, its bisection done by a pointer: s only grows
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
            m = _from_gazetteer(text, s, e, payload, gaz, state)
        else:
            if _overlaps(taken, s, e) and payload.cue != COVERING:
                continue
            m = _from_candidate(text, payload, gaz, state)
        if m is None:
            continue
        out.append(m)
        last_end = e
        _remember(m, gaz, state)
    out.extend(_shared_surname(text, out, gaz))
    out.extend(_bare_names(text, folded, out, blocked, gaz, state))
    out.sort(key=_START)
    out = _inverted_names(text, out)
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


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    i = bisect_left(spans, (s, -1))
    for j in (i - 1, i):
        if 0 <= j < len(spans) and spans[j][0] < e and s < spans[j][1]:
            return True
    return False


def _mention(text: str, s: int, e: int, entity_id: str, gaz: Gazetteer, how: str, name: str | None = None,
             type_: str | None = None) -> EntityMention:
    entry = gaz.entries.get(entity_id)
    return EntityMention(s, e, text[s:e], entity_id, entry.name if entry else (name or text[s:e]),
                         entry.type if entry else (type_ or "other"), how)


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
            return _mention(text, s, e, known, gaz, "acronym")
    choice = ids[0] if len(ids) == 1 else next((i for i in ids if i in state.seen), ids[0])
    if choice in gaz.capitals and not capital_is_place(text, s, e):
        # "Tokyo condemned the launch": the capital acts for its government
        return _mention(text, s, e, gaz.capitals[choice], gaz, "capital")
    entry = gaz.entries.get(choice)
    if entry is None:
        return _mention(text, s, e, choice, gaz, "gazetteer")
    return EntityMention(s, e, text[s:e], choice, entry.name, entry.type, "gazetteer")


def _from_candidate(text: str, c: NameCandidate, gaz: Gazetteer, state: _DocState) -> EntityMention | None:
    key = fold(c.text)
    if c.acronym_of:
        target = state.names.get(fold(c.acronym_of)) or state.acronyms.get(key)
        if target:
            return _mention(text, c.start, c.end, target, gaz, "acronym", c.acronym_of)
    if key in state.acronyms:
        return _mention(text, c.start, c.end, state.acronyms[key], gaz, "acronym")
    if key in state.names:
        return _mention(text, c.start, c.end, state.names[key], gaz, "detected", c.text, c.type)
    if c.type == "person" and " " not in key:
        known = state.surnames.get(key) or state.given.get(key)
        if not known and len(gaz.family_index.get(key, [])) == 1:
            known = gaz.family_index[key][0]
        if known:
            return _mention(text, c.start, c.end, known, gaz, "surname")
    fuzzy = _fuzzy(key, gaz)
    if fuzzy:
        return _mention(text, c.start, c.end, fuzzy, gaz, "fuzzy")
    prefix = _TYPE_PREFIX.get(c.type, "other")
    entity_id = _person_id(c.text) if prefix == "person" else f"{prefix}:{slug(c.text)}"
    if c.acronym_of:
        entity_id = f"{prefix}:{slug(c.acronym_of)}"
    return EntityMention(c.start, c.end, c.text, entity_id, c.acronym_of or c.text, c.type, "detected")


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
        if family:
            state.surnames[family] = m.entity
        if given:
            state.given[given] = m.entity
    elif m.how == "detected" and m.type == "person":
        tokens = fold(t).split()
        if len(tokens) >= 2:
            family = tokens[0] if _surname_first(t.split()) else tokens[-1]
            state.surnames[family] = m.entity
    if m.how == "detected" and m.type == "organization":
        acronym = "".join(w[0] for w in t.split() if w[0].isupper())
        if len(acronym) >= 2:
            state.acronyms.setdefault(acronym, m.entity)


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


def _shared_surname(text: str, found: list[EntityMention], gaz: Gazetteer) -> list[EntityMention]:
    """"Shigeru and Sakie Yokota": the first given name is a person of the same family."""
    out = []
    spans = [(m.start, m.end) for m in found]
    for m in found:
        if m.type != "person" or text[m.start - 5:m.start] != " and ":
            continue
        g = _GIVEN_AND.search(text, max(0, m.start - 30), m.start)
        if g is None or _overlaps(spans, g.start(1), g.end(1)):
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
                out.append(_mention(text, g.start(1), g.end(1), target, gaz, "gazetteer"))
            elif given in load_cues().given:
                out.append(EntityMention(g.start(1), g.end(1), given, _person_id(f"{given} {entry.family}"),
                                         f"{given} {entry.family}", "person", "detected"))
        else:
            words = m.text.split()
            if len(words) != 2 or _surname_first(words) or given not in load_cues().given:
                continue
            name = f"{given} {words[1]}"
            out.append(EntityMention(g.start(1), g.end(1), given, _person_id(name), name, "person", "detected"))
    return out


_NAME_NEXT = re.compile(r"[ -][A-Z]")
_NAME_BEFORE = re.compile(r"(?<![.!?:;\n\"“(]\s)(?<![.!?:;\n\"“(])\b[A-Z][a-zA-Z'-]+ $")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'-]+\b")


_SMALL_WORDS = frozenset({"a", "an", "the", "of", "in", "on", "and", "or", "to", "for", "at", "by", "with",
                          "from", "as"})


def _title_case_line(folded: str, pos: int, lines: _Lines | None = None) -> bool:
    """A headline line, where every word is capitalized and capitals join no names."""
    a, b = (lines or _Lines(folded)).bounds(pos)
    if lines is not None:
        if a in lines.verdicts:     # one verdict per line: a long line is read once, not per name on it
            return lines.verdicts[a]
    words = re.findall(r"[A-Za-z][\w'-]*", folded[a:b])
    verdict = len(words) >= 3 and all(w[0].isupper() or w in _SMALL_WORDS for w in words)
    if lines is not None:
        lines.verdicts[a] = verdict
    return verdict


class _Lines:
    """The lines of a text, found once: (start, end) of the line holding a position by bisection."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks: list[int] | None = None
        self.verdicts: dict[int, bool] = {}

    def bounds(self, pos: int) -> tuple[int, int]:
        if self.breaks is None:
            self.breaks = [m.start() for m in re.finditer("\n", self.text)]
        i = bisect_left(self.breaks, pos)
        a = self.breaks[i - 1] + 1 if i > 0 else 0
        b = self.breaks[i] if i < len(self.breaks) else len(self.text)
        return a, b


def surname_spans(text: str, folded: str, gaz: Gazetteer | None = None) -> list[tuple[int, int, str]]:
    """Capitalized words that are the family name of a known person ("Koizumi met Kim"):
    (start, end, default person id). Not very common surnames, nor words the text also
    uses in lower case (then they are ordinary words: "Long", "Rice")."""
    return _surname_spans(folded, gaz or gazetteer())


@cache
def _common_surnames() -> frozenset[str]:
    return frozenset(_cues().get("common_surnames") or [])


def _surname_spans(folded: str, gaz: Gazetteer) -> list[tuple[int, int, str]]:
    common = _common_surnames()
    family = gaz.family_index
    lower_seen: dict[str, bool] = {}
    lines, lower_runs = _Lines(folded), _Runs(_LOWER_WORD, _LOWER_CHARS, folded)
    out = []
    for w in _cap_words(folded, gaz):
        s, word = w.start(), w.group()
        if word.endswith("'s"):
            word = word[:-2]
        ids = family[word]
        if word in common or len(word) < 3:
            continue
        low = word.lower()
        seen = lower_seen.get(low)
        if seen is None:
            seen = lower_seen[low] = _lower_word_in(folded, low, lower_runs)
        if seen:
            continue
        end = s + len(word)
        # part of a longer name ("Pak Jong-chol", "Sakie Yokota"): the name detector decides
        if (_NAME_NEXT.match(folded, end) or _NAME_BEFORE.search(folded, max(0, s - 30), s)) \
                and not _title_case_line(folded, s, lines):
            continue
        out.append((s, end, ids[0]))
    return out


_CAP_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'-")   # `_CAP_WORD`'s letters
_LOWER_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz'-")                           # `_LOWER_WORD`'s


def _cap_words(folded: str, gaz: Gazetteer, extra: set[str] = frozenset()) -> list[re.Match]:
    """The matches of `_CAP_WORD.finditer(folded)` that are a family name (or its possessive)
    or one of the `extra` words, in text order. Few capitalized words are wanted, so only those
    are looked at: where `_family_starts` finds a family name starting, and where `str.find`
    finds an extra word."""
    family = _family_words(gaz)
    found: dict[int, re.Match] = {}
    runs = _Runs(_CAP_WORD, _CAP_CHARS, folded)
    for f in _family_starts(gaz).finditer(folded):
        m = runs.match_at(f.start())
        if m is not None and m.group() in family:
            found[m.start()] = m
    for w in extra:
        i = folded.find(w)
        while i >= 0:
            if i not in found:
                m = runs.match_at(i)
                if m is not None and m.group() == w:
                    found[i] = m
            i = folded.find(w, i + 1)
    return [found[i] for i in sorted(found)]


def _with_possessives(words) -> set[str]:
    """The `_CAP_WORD` matches that stand for the words: each word and its possessive
    ("Kim", "Kim's"); a match ending in 's stands for the word before it only."""
    return {*(w for w in words if not w.endswith("'s")), *(w + "'s" for w in words)}


@cache
def _family_words(gaz: Gazetteer) -> frozenset[str]:
    return frozenset(_with_possessives(gaz.family_index))


@cache
def _family_starts(gaz: Gazetteer) -> re.Pattern:
    """Where a `_CAP_WORD` match may start with a family name: the name's first letter (as
    `_CAP_WORD` takes it, after no word character), then the rest of the name ahead. The
    pattern opens with a letter in each branch, so that a search skips to those letters."""
    rests: dict[str, list[str]] = {}
    for name in gaz.family_index:
        if re.fullmatch(r"[A-Z][A-Za-z'\-]*", name):
            rests.setdefault(name[0], []).append(name[1:])
    if not rests:
        return re.compile(r"(?!)")
    return re.compile("|".join(
        f"{f}(?<!\\w{f})(?={'|'.join(re.escape(r) for r in sorted(set(rs), key=len, reverse=True))})"
        for f, rs in sorted(rests.items())))


class _Runs:
    """The matches of `pattern.finditer(text)` that start at given places. Its matches are runs of
    `chars`, so a scan must start where the run holding the place starts: each run is scanned once
    and its matches kept (a chain like "Kim-Kim-Kim..." is one run, not one scan per name in it)."""

    def __init__(self, pattern: re.Pattern, chars: frozenset, text: str) -> None:
        self.pattern, self.chars, self.text = pattern, chars, text
        self.starts: list[int] = []                 # run starts, sorted
        self.runs: dict[int, tuple[int, dict[int, re.Match]]] = {}   # start -> (end, matches by start)
        self.tail = re.compile("[" + re.escape("".join(sorted(chars))) + "]*")

    def match_at(self, i: int) -> re.Match | None:
        text, chars = self.text, self.chars
        if not (i and text[i - 1] in chars):
            return self.pattern.match(text, i)      # i starts its run: the scan would start here too
        k = bisect_right(self.starts, i) - 1
        if k >= 0:
            r = self.starts[k]
            end, matches = self.runs[r]
            if i < end:
                return matches.get(i)
        r = i
        while r and text[r - 1] in chars:
            r -= 1
        end = self.tail.match(text, i).end()
        matches = {}
        for m in self.pattern.finditer(text, r):     # no endpos: it would change what \b sees
            if m.start() >= end:
                break
            matches[m.start()] = m
        insort(self.starts, r)
        self.runs[r] = (end, matches)
        return matches.get(i)


def _match_from(pattern: re.Pattern, chars: frozenset, text: str, i: int) -> re.Match | None:
    """The match of `pattern.finditer(text)` that starts at i, if any (one look-up; see _Runs)."""
    return _Runs(pattern, chars, text).match_at(i)


def _lower_word_in(folded: str, low: str, runs: _Runs | None = None) -> bool:
    """Whether `low` is one of `_LOWER_WORD.findall(folded)` (the text uses the word in lower case)."""
    runs = runs or _Runs(_LOWER_WORD, _LOWER_CHARS, folded)
    i = folded.find(low)
    while i >= 0:
        m = runs.match_at(i)
        if m is not None and m.group() == low:
            return True
        i = folded.find(low, i + 1)
    return False


def _bare_names(text, folded, found: list[EntityMention], blocked, gaz: Gazetteer, state: _DocState) -> list[EntityMention]:
    """Surnames and given names alone, of people named before (or known people after a title)."""
    spans = sorted([(m.start, m.end) for m in found] + list(blocked))
    # name part -> positions and ids of the people it can stand for, in text order
    parts: dict[str, tuple[list[int], list[str]]] = {}
    for m in found:
        if m.type != "person":
            continue
        entry = gaz.entries.get(m.entity)
        if entry is not None and (entry.family or entry.given):
            keys = [x for x in gaz.name_keys[m.entity] if x]
        else:
            tokens = fold(m.text).split()
            if len(tokens) < 2:
                continue
            keys = [tokens[0]] if _surname_first(tokens) else [tokens[-1], tokens[0]]
        for k in keys:
            pos, ids = parts.setdefault(k, ([], []))
            pos.append(m.start)
            ids.append(m.entity)
    out = []
    for w in _cap_words(folded, gaz, _with_possessives(parts)):
        s, e = w.span()
        word = w.group()
        if word.endswith("'s"):
            e -= 2
            word = word[:-2]
        if _overlaps(spans, s, e):
            continue
        target = None
        if word in parts:
            pos, ids = parts[word]
            i = bisect_left(pos, s)
            if i > 0:
                target = ids[i - 1]
        if target is None:
            ids = gaz.family_index.get(word, [])
            if ids and (s, e) in state.known_surnames:
                target = state.known_surnames[(s, e)]
            elif len(ids) == 1 and _title_re().search(text[max(0, s - 40):s]):
                target = ids[0]
        if target:
            out.append(_mention(text, s, e, target, gaz, "surname"))
    return out
