"""Surnames and given names alone: the spans of family names in a text, and the bare names
of people a document named before ('Koizumi', the 'Koizumi-Kim summit')."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from functools import cache

from kankei.recognize.gazetteer import Gazetteer, fold, gazetteer
from kankei.resolve._link_common import CAP_WORD, cues, mention, overlaps, surname_first, title_re
from kankei.spans import EntityMention

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
    return frozenset(cues().get("common_surnames") or [])


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


_CAP_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'-")   # `CAP_WORD`'s letters
_LOWER_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz'-")                           # `_LOWER_WORD`'s


def _cap_words(folded: str, gaz: Gazetteer, extra: set[str] = frozenset()) -> list[re.Match]:
    """The matches of `CAP_WORD.finditer(folded)` that are a family name (or its possessive)
    or one of the `extra` words, in text order. Few capitalized words are wanted, so only those
    are looked at: where `_family_starts` finds a family name starting, and where `str.find`
    finds an extra word."""
    family = _family_words(gaz)
    found: dict[int, re.Match] = {}
    runs = _Runs(CAP_WORD, _CAP_CHARS, folded)
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
    """The `CAP_WORD` matches that stand for the words: each word and its possessive
    ("Kim", "Kim's"); a match ending in 's stands for the word before it only."""
    return {*(w for w in words if not w.endswith("'s")), *(w + "'s" for w in words)}


@cache
def _family_words(gaz: Gazetteer) -> frozenset[str]:
    return frozenset(_with_possessives(gaz.family_index))


@cache
def _family_starts(gaz: Gazetteer) -> re.Pattern:
    """Where a `CAP_WORD` match may start with a family name: the name's first letter (as
    `CAP_WORD` takes it, after no word character), then the rest of the name ahead. The
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


@cache
def _run_of(chars: frozenset) -> re.Pattern:
    """A run of the characters (made once per set: a document makes several `_Runs`)."""
    return re.compile("[" + re.escape("".join(sorted(chars))) + "]*")


class _Runs:
    """The matches of `pattern.finditer(text)` that start at given places. Its matches are runs of
    `chars`, so a scan must start where the run holding the place starts: each run is scanned once
    and its matches kept (a chain like "Kim-Kim-Kim..." is one run, not one scan per name in it)."""

    def __init__(self, pattern: re.Pattern, chars: frozenset, text: str) -> None:
        self.pattern, self.chars, self.text = pattern, chars, text
        self.starts: list[int] = []                 # run starts, sorted
        self.runs: dict[int, tuple[int, dict[int, re.Match]]] = {}   # start -> (end, matches by start)
        self.tail = _run_of(chars)

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


def bare_names(text, folded, found: list[EntityMention], blocked, gaz: Gazetteer, state) -> list[EntityMention]:
    """Surnames and given names alone, of people named before (or known people after a title)."""
    spans = sorted([(m.start, m.end) for m in found] + list(blocked))
    # name part -> positions and ids of the people it can stand for, in text order
    parts: dict[str, tuple[list[int], list[str]]] = {}
    for m in found:
        if m.type != "person":
            continue
        entry = gaz.entries.get(m.entity)
        if entry is not None and (entry.family or entry.given):
            # (a family name stands for the one last named with it: 'his sister Megumi' does not make
            # the next 'Yokota' Megumi Yokota)
            words = fold(m.text).split()
            keys = [x for x in gaz.name_keys[m.entity] if x and (x in words or x != gaz.name_keys[m.entity][0])]
        else:
            tokens = fold(m.text).split()
            if len(tokens) < 2:
                keys = tokens     # ('Mr. Meyrat', typed a person by its title: later 'Meyrat')
            else:
                keys = [tokens[0]] if surname_first(tokens) else [tokens[-1], tokens[0]]
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
        if overlaps(spans, s, e):
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
            elif len(ids) == 1 and title_re().search(text[max(0, s - 40):s]):
                target = ids[0]
        if target:
            out.append(mention(text, s, e, target, gaz, "surname"))
    if "-" in folded:
        for m in _HYPHEN_PAIR.finditer(folded):
            if not overlaps(spans, m.start(), m.end()):
                out.extend(_joined_surnames(text, m.group(), m.start(), parts, gaz))
        out.sort(key=lambda x: x.start)
    return out


_HYPHEN_PAIR = re.compile(r"(?<![\w-])[A-Z][a-z]+-[A-Z][a-z]+(?![\w-])")


def _joined_surnames(text: str, word: str, s: int, parts: dict, gaz: Gazetteer) -> list[EntityMention]:
    """'the Koizumi-Kim summit': two people named before, joined by a hyphen, each a mention."""
    pieces = word.split("-")
    if len(pieces) != 2 or not all(p in parts for p in pieces):
        return []
    out, at = [], s
    for p in pieces:
        pos, ids = parts[p]
        i = bisect_left(pos, at)
        if i == 0:
            return []
        out.append(mention(text, at, at + len(p), ids[i - 1], gaz, "surname"))
        at += len(p) + 1
    return out
