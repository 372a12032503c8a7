"""Shouted text given the case prose would have, letter for letter.

Cables, telegrams and some wire copy are typed in capitals ("FIFTH GROUP OF RETURNEES SAILED
FROM NIIGATA YESTERDAY"). The tagger, the name finder and the date grammar all read case, so a
line in capitals is read in a copy where common words are lower case, known names take the
case the knowledge gives them, sentences open with a capital and unknown words (most often
names) are capitalized. Only case changes: every offset of the copy is that of the original,
so what is found in the copy is quoted from the original.
"""
from __future__ import annotations

import re
from functools import cache

import ahocorasick

from kankei.knowledge import load

_SHOUTED_SHARE = 0.85       # capitals among a line's letters
_MIN_LETTERS = 20           # a shorter line ('CONFIDENTIAL', 'PRIORITY') is a label: left as it is
_SHOUTING = re.compile(r"[A-Z][A-Z'’.,-]*(?: [A-Z'’.,-]+){3}")      # four words in capitals in a row
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SENTENCE_END_BEFORE = re.compile(r"[.!?:][\"'”’)]?\s+$")     # (searched in a few characters before a word)
_NUMBER_NEAR = re.compile(r"\d")
_TIME_PREPOSITION = re.compile(r"\b(?:IN|OF|BY|UNTIL|SINCE|FROM|EARLY|LATE|MID|NEXT|LAST|THIS)[\s-]+$")
_VOWELS = frozenset("AEIOUY")
_SUFFIXES = (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
             ("ly", ""), ("ally", "al"), ("ily", "y"), ("ment", ""), ("ness", ""), ("er", ""), ("ers", ""), ("men", "man"))
_PREFIXES = ("un", "re", "non", "in", "dis", "pre", "anti", "counter", "over", "under")


def truecased(text: str) -> str:
    """text with its lines in capitals recased (the same object when there are none)."""
    if _SHOUTING.search(text) is None:      # (most texts: one scan in C, nothing more)
        return text
    pieces: list[str] = []
    changed = False
    for line in text.splitlines(keepends=True):
        if _shouted(line):
            pieces.append(_recase(line))
            changed = True
        else:
            pieces.append(line)
    return "".join(pieces) if changed else text


def _shouted(line: str) -> bool:
    upper = lower = 0
    for c in line:
        if c.isupper():
            upper += 1
        elif c.islower():
            lower += 1
    return upper >= _MIN_LETTERS and upper >= _SHOUTED_SHARE * (upper + lower)


def _recase(line: str) -> str:
    out = [c.lower() if len(c.lower()) == 1 else c for c in line]
    done = _known_names(line, out)
    keep, calendar = _kept_upper(), _calendar_words()
    first = True        # (a line's first word opens a sentence, after any number or bullet)
    k = 0               # (the known names, in order: the next one that may hold a word)
    for m in _WORD.finditer(line):
        s, e = m.span()
        while k < len(done) and done[k][1] <= s:
            k += 1
        if k < len(done) and done[k][0] <= s:
            first = False
            continue
        word = m.group()
        base = re.split(r"(?=['’])", word, maxsplit=1)[0]
        if base in keep:
            out[s:s + len(base)] = base
        elif base.lower() in calendar and (not _common(base.lower()) or _NUMBER_NEAR.search(line, max(0, s - 4), e + 4)
                                           or _TIME_PREPOSITION.search(line, max(0, s - 8), s)):
            out[s] = base[0]    # ('JANUARY 12', 'END OF MARCH'; 'MAY 5', 'IN MAY', not 'MAY ASK')
        elif base == "I" or not _common(base.lower()):
            if len(base) <= 3 and not _VOWELS.intersection(base) or len(base) == 1:
                out[s:s + len(base)] = base         # ('DTG', 'NND': an acronym, kept)
            else:
                out[s] = base[0]                    # ('KISHI': a name, capitalized)
        if first or _SENTENCE_END_BEFORE.search(line, max(0, s - 6), s):
            out[s] = line[s]
        first = False
    return "".join(out)


def _known_names(line: str, out: list[str]) -> list[tuple[int, int]]:
    """Names the knowledge holds, written in it with their case ('KIM IL SUNG' -> 'Kim Il Sung')."""
    spans: list[tuple[int, int]] = []
    automaton = _names_automaton()
    last = -1
    for end, (length, cased) in sorted(automaton.iter(line), key=lambda x: (x[0] - x[1][0], -x[1][0])):
        start = end - length + 1
        if start <= last or start > 0 and line[start - 1].isalnum() or end + 1 < len(line) and line[end + 1].isalnum():
            continue
        out[start:end + 1] = cased
        spans.append((start, end + 1))
        last = end
    return spans


@cache
def _names_automaton() -> ahocorasick.Automaton:
    """The knowledge's names in capitals -> (length, the name as written), for names of more than
    one word or of one word that is no common word ('Niigata', not 'Mission')."""
    from kankei.recognize.gazetteer import gazetteer
    automaton = ahocorasick.Automaton()
    for entry in gazetteer().entries.values():
        for alias in entry.aliases:
            up = alias.upper()
            if len(up) != len(alias) or not any(c.isupper() for c in alias) or up == alias and len(alias) < 3:
                continue
            if " " not in alias and not alias.isupper() and _tagger().seen_as(alias.lower()):
                continue        # (not 'Mission', 'Cross': a word the treebank saw in lower case)
            # (of the variants of a name, the one written with most capitals: 'North Korea', not
            # the knowledge's lower-cased 'North korea')
            if up not in automaton or sum(map(str.isupper, alias)) > sum(map(str.isupper, automaton.get(up)[1])):
                automaton.add_word(up, (len(up), alias))
    if len(automaton):
        automaton.make_automaton()
    return automaton


@cache
def _kept_upper() -> frozenset[str]:
    return frozenset(load("name_cues").get("shouted_abbreviations") or ())


@cache
def _calendar_words() -> frozenset[str]:
    cues = load("name_cues")
    return frozenset(w.lower() for w in [*cues["months"], *cues["weekdays"]] if not w.endswith(".") and w[:1].isupper())


@cache
def _common(word: str) -> bool:
    """Whether a lower-case word is a common English word, as written or by a common ending or
    prefix ('rallies', 'privately', 'unabated'): one the tagger's treebank saw in lower case, one
    of the event lexicon, or one of Webster's word list (web2) that the treebank never saw only as
    a name ('kim', 'japan' are names there)."""
    if _known(word, as_written=True):
        return True
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and _known(word[:-len(suffix)] + repl):
            return True
    return any(word.startswith(p) and len(word) - len(p) >= 4 and _known(word[len(p):]) for p in _PREFIXES)


def _known(word: str, as_written: bool = False) -> bool:
    tagger = _tagger()
    tags = tagger.seen_as(word)
    if tags:
        return not all(t in ("NNP", "NNPS") for t in tags)
    if word in _event_words():
        return True
    if word not in _dictionary():
        return False
    # (a word the treebank saw only capitalized is written so: 'Kim', 'Japan', 'Japanese'; its
    # inflected forms are no name: 'marched')
    return not (as_written and tagger.seen_as(word.capitalize()))


@cache
def _tagger():
    from kankei.analyze import _models
    return _models()[0]


@cache
def _event_words() -> frozenset[str]:
    from kankei.assemble.triggers import lexicon
    return frozenset(lexicon())


@cache
def _dictionary() -> frozenset[str]:
    """Webster's Second word list (public domain, from the english-words package): its words
    written in lower case."""
    from english_words import get_english_words_set
    return frozenset(w for w in get_english_words_set(["web2"]) if w[:1].islower())
