"""Penn Treebank part-of-speech tags: a greedy averaged perceptron (Honnibal's design).

Words that the training data tags one way (seen often, one tag nearly always) take their
tag from a lexicon; only the others are scored, and only over the tags they can take: the
tags the word was seen with (for rare words also the tags of rare words of its shape), or
for unknown words the open-class tags and those of rare training words of the same shape. The model is data/tagger.json.gz, trained on UD
English EWT by tools/train_tagger.py (data/README.md gives its licence).
"""
from __future__ import annotations

import gc
import gzip
import hashlib
import json
from functools import lru_cache
from pathlib import Path

from kankei import pickled
from kankei.knowledge import _cache_dir

from ._tagger_rules import LexicalRules, verb_after_subject
from .tag_rules import (
    HELP_FORMS,
    PRONOUN_SUBJECTS,
    appositive_participle,
    approximator_before_number,
    base_after_participle,
    flight_verb_after_name,
    homograph_as_base,
    hyphened_adjective,
    last_before_past,
    noun_after_help,
    noun_read_as_adverb,
    participle_before_noun,
    participle_in_apposition,
    participle_only_forms,
    passive_not_adjective,
    past_after_age,
    past_after_appositive,
    past_after_clause_subject,
    past_after_pronoun,
    past_before_an_aside,
    past_before_comma_and,
    past_before_infinitive,
    past_before_object_pronoun,
    people_not_adjective,
    plural_before_its_verb,
    present_after_a_pronoun,
    reduced_relative,
    said_as_past,
    saying_verb_before_that,
    state_as_modifier,
)
from .tag_rules_nouns import (
    INCLUSION_WORDS,
    absolute_included,
    degree_before_adverb,
    gerund_as_noun,
    gerund_before_noun,
    impossible_third_person,
    lowercase_not_proper,
    noun_after_article_before_preposition,
    ordinal_before_noun,
    plural_after_a_modifier,
    sentence_opening_noun,
    that_after_a_day,
    that_as_determiner,
    that_before_a_time,
)

MODEL = Path(__file__).with_name("data") / "tagger.json.gz"
START = ("-S-", "-S2-")
_NOT_AFTER_MODAL = frozenset(("NN", "VBP", "JJ", "VBD", "VBN"))
_SHORTLIST = 8
_NAME_TAGS = ["JJ", "NNP", "NNPS"]
_MISSING = object()
_EMPTY: dict[str, int] = {}   # (never written: the weights of a missing feature)


def shape(word: str) -> str:
    """One letter for the word's form: digits, all capitals, capitalized, hyphenated, lower, other."""
    if word.isalpha():
        if word.islower():
            return "x"
        if word.isupper():
            return "A" if len(word) > 1 else "X"
        return "X" if word[0].isupper() else "x"
    if any(c.isdigit() for c in word):
        return "d"
    if "-" in word[1:]:
        return "H" if word[0].isupper() else "h"
    return "p" if not word[0].isalnum() else ("X" if word[0].isupper() else "o")


_SHAPES: dict[str, str] = {}


def shape_of(word: str) -> str:
    """shape(), remembered for the next time the word comes."""
    sh = _SHAPES[word] = shape(word)
    if len(_SHAPES) > 200_000:
        _SHAPES.clear()
    return sh


def word_features(word: str, w: str, initial: bool) -> list[str]:
    """The features of a word on its own (w is it lower-cased)."""
    sh = shape(word)
    if sh == "h" or sh == "H":
        feats = ["b", "w" + w.rsplit("-", 1)[1], "W" + w]
    else:
        feats = ["b", "w" + w]
    feats += ("s" + w[-3:], "u" + w[-2:], "f" + w[:3], "x" + sh + ("0" if initial else ""))
    return feats


def context_features(words: list[str], lowers: list[str], i: int, p1: str, p2: str) -> list[str]:
    """The features of word i from the two previous tags and the words around it."""
    feats = ["p" + p1, "q" + p1 + p2, "r" + p1 + lowers[i], "a" + (lowers[i - 1] if i else "-S-")]
    if i > 1:
        feats.append("k" + lowers[i - 2])
    if i + 1 < len(words):
        nw = lowers[i + 1]
        feats += ("n" + nw, "m" + nw[-3:], "y" + shape(words[i + 1]))
        if i + 2 < len(words):
            feats.append("l" + lowers[i + 2])
    else:
        feats.append("n-E-")
    return feats


def features(words: list[str], lowers: list[str], i: int, p1: str, p2: str) -> list[str]:
    """All features of word i (training; tagging scores the two parts apart)."""
    return word_features(words[i], lowers[i], i == 0) + context_features(words, lowers, i, p1, p2)


_ORDINAL_ENDS = frozenset(("st", "nd", "rd", "th"))     # (a cheap test before the rule)


class Tagger(LexicalRules):
    """Tags token lists; `tag(words)` returns one Penn tag per word."""

    __slots__ = ("tags", "lexicon", "cands", "rare", "ucands", "all_open", "weights", "_base", "past_forms", "base_forms",
                 "only_past", "openers", "saying", "words",
                 "_nb", "_own", "_ends", "_next")

    def __init__(self, model: dict) -> None:
        self.tags: list[str] = model["tags"]
        self.lexicon: dict[str, str] = model["lexicon"]
        self.cands: dict[str, list[str]] = model["cands"]
        self.rare: dict[str, list[str]] = model.get("rare", {})
        self.ucands: dict[str, list[str]] = model["ucands"]
        self.all_open: list[str] = model["open"]
        self.weights: dict[str, dict[str, int]] = model["weights"]   # feature -> {tag: weight}
        self._base: tuple[dict, dict] = ({}, {})   # word -> (candidates, scores), inside / first in a sentence
        self.past_forms: frozenset[str] = frozenset()  # irregular verb forms (set by the package from data)
        self.base_forms: frozenset[str] = frozenset()  # and their base forms (shake, hold)
        # the weights of context features, by the word or tags they are made of (built as met)
        self._nb: dict[str, tuple] = {}    # lower-cased word -> weights of a+w, k+w, n+w, m+w[-3:], l+w
        self._own: dict[str, dict] = {}    # word -> (previous tag, the one before) -> scores from the word
                                           # and the tags (base, p, q, r): (a, b) for two candidates, else a list
        self._next: dict[str, dict | None] = {}   # word -> its n, m and y weights summed: one dict for the three
        self._ends = (self.weights.get("a-S-"), self.weights.get("n-E-"))
        self.only_past: frozenset[str] = frozenset()   # irregular pasts the treebank never saw as anything else (flew, met)
        self.openers: frozenset[str] = frozenset()     # subordinators that open a clause (when, after, that)
        self.saying: frozenset[str] = frozenset()      # forms of verbs of saying ('said that ...')
        # grammar.txt's lists the rules read (to_verbs, flight_verbs, ...), set at load
        self.words: dict[str, frozenset[str]] = dict.fromkeys(("to_verbs", "flight_verbs", "state_media", "span_nouns", "base_homographs", "post_noun_adverbs", "participle_only",
                                                                "months", "approximators"),
                                                              frozenset())

    def base(self, word: str, lower: str, initial: bool) -> tuple[list[str], dict[str, int]]:
        """The candidate tags of a word and their scores from its own features (cached by word)."""
        cache = self._base[initial]
        got = cache.get(word)
        if got is None:
            cs = self.cands.get(word)
            own = self.rare.get(word) if cs is None else None
            if own is not None:                   # a rare word: its own tags and those of its shape
                cs = sorted(set(own) | set(self.ucands.get(shape(word)) or self.all_open))
            elif cs is None:
                sh = shape(word)
                if (sh == "X" or sh == "A" or sh == "H") and lower not in self.cands and lower not in self.rare \
                        and lower not in self.lexicon:
                    cs = _NAME_TAGS               # Pyongyang, KCNA, Kim Jong-un: a name the treebank never saw
                else:
                    cs = self.ucands.get(sh) or self.all_open
            score = dict.fromkeys(cs, 0)
            weights = self.weights
            for f in word_features(word, lower, initial):
                ws = weights.get(f)
                if ws is not None:
                    for tg in cs:
                        v = ws.get(tg)
                        if v is not None:
                            score[tg] += v
            if len(cs) > _SHORTLIST:
                # many candidates (rare and unknown words): the word's own features make a short list
                cs = sorted(cs, key=score.__getitem__, reverse=True)[:_SHORTLIST]
                score = {tg: score[tg] for tg in cs}
            got = (cs, score)
            if len(cache) < 100_000:
                cache[word] = got
        return got

    def _neighbour(self, lower: str) -> tuple:
        """The weights of the features a word gives its neighbours (a, k: as the previous words; n, m,
        l: as the next ones), remembered by word."""
        wget = self.weights.get
        got = (wget("a" + lower), wget("k" + lower), wget("n" + lower), wget("m" + lower[-3:]), wget("l" + lower))
        if len(self._nb) < 200_000:
            self._nb[lower] = got
        return got

    def _next_weights(self, word: str, lower: str) -> dict | None:
        """The weights a word gives the word before it (n, m, y), summed into one dict, remembered
        by word. (Weights are integers: summing them first changes no score.)"""
        merged: dict[str, int] | None = None
        for ws in (self.weights.get("n" + lower), self.weights.get("m" + lower[-3:]),
                   self.weights.get("y" + (_SHAPES.get(word) or shape_of(word)))):
            if ws is not None:
                if merged is None:
                    merged = dict(ws)
                else:
                    for tg, v in ws.items():
                        merged[tg] = merged.get(tg, 0) + v
        if len(self._next) < 200_000:
            self._next[word] = merged
        return merged

    def _own_cache(self, word: str) -> dict:
        if len(self._own) > 100_000:
            self._own.clear()
        got = self._own[word] = {}
        return got

    def _own_score(self, lower: str, cs: list[str], score: dict[str, int], p1: str, p2: str) -> tuple | list:
        """The scores of a word's candidates (in the order of cs) from its own features and the two
        tags before it."""
        score = score.copy()
        for f in ("p" + p1, "q" + p1 + p2, "r" + p1 + lower):
            ws = self.weights.get(f)
            if ws is not None:
                for tg in cs:
                    v = ws.get(tg)
                    if v is not None:
                        score[tg] += v
        return (score[cs[0]], score[cs[1]]) if len(cs) == 2 else [score[tg] for tg in cs]

    def verb_base(self, word: str) -> bool:
        """The treebank saw the word as a base-form verb (share, hold)."""
        seen = self.cands.get(word) or self.rare.get(word)
        return bool(seen) and ("VBP" in seen or "VB" in seen)

    def tag(self, words: list[str]) -> list[str]:
        lexicon, base = self.lexicon, self.base
        inner, first = self._base         # (base()'s caches, read here without a call)
        lowers: list[str] | None = None
        nbs: list[tuple] | None = None
        nb_cache, own_cache, next_cache = self._nb, self._own, self._next
        w_start, w_end = self._ends
        out: list[str] = []
        p1, p2 = START
        verb_due = False                  # after a modal or infinitival "to" (adverbs between)
        n = len(words)
        for i, word in enumerate(words):
            t = lexicon.get(word)
            if t is None and i == 0 and word[:1].isupper() and word not in self.cands and word not in self.rare \
                    and (n == 1 or not words[1][:1].isupper()):
                # Officials said: a capital the treebank never saw opening a sentence is its lower-case word
                # (not before another capital: Chosen Soren)
                lw = word.lower()
                t = lexicon.get(lw)
                if t == "MD" or t == "NNP":
                    t = None
                elif t is None:
                    seen = self.cands.get(lw) or self.rare.get(lw)
                    if seen is not None and len(seen) == 1 and seen[0] not in ("MD", "NNP"):
                        t = seen[0]               # Diplomats said (the treebank saw "diplomats" only as NNS)
            if t is None:
                if lowers is None:
                    lowers = list(map(str.lower, words))
                got = (first if i == 0 else inner).get(word)
                cs, score = got if got is not None else base(word, lowers[i], i == 0)
                if len(cs) == 1:
                    t = cs[0]
                else:
                    # context_features(), with each feature's weights looked up once per word or tag
                    # (no feature strings built): this loop is the tagger's hot path
                    if nbs is None:
                        nbs = list(map(nb_cache.get, lowers))
                        if None in nbs:                 # (words not met before: their weights, once)
                            nbs = [nb if nb is not None else self._neighbour(x) for nb, x in zip(nbs, lowers, strict=True)]
                    own = own_cache.get(word)
                    if own is None:
                        own = self._own_cache(word)
                    sc = own.get((p1, p2))
                    if sc is None:
                        sc = own[(p1, p2)] = self._own_score(lowers[i], cs, score, p1, p2)
                    # the four context weights (previous word, the one before, the next word's n+m+y,
                    # the one after), a missing one as no weights
                    wa = (nbs[i - 1][0] if i else w_start) or _EMPTY
                    wk = (nbs[i - 2][1] or _EMPTY) if i > 1 else _EMPTY
                    if i + 1 < n:
                        nxt = words[i + 1]
                        wn = next_cache.get(nxt, _MISSING)
                        if wn is _MISSING:
                            wn = self._next_weights(nxt, lowers[i + 1])
                        wn = wn or _EMPTY
                        wl = (nbs[i + 2][4] or _EMPTY) if i + 2 < n else _EMPTY
                    else:
                        wn, wl = w_end or _EMPTY, _EMPTY
                    if len(cs) == 2:                # most ambiguous words: two sums, no dict
                        a, b = cs
                        sa, sb = sc
                        sa += wa.get(a, 0) + wk.get(a, 0) + wn.get(a, 0) + wl.get(a, 0)
                        sb += wa.get(b, 0) + wk.get(b, 0) + wn.get(b, 0) + wl.get(b, 0)
                        t = a if sa >= sb else b
                    else:
                        # the first of the best: ties go the same way every time
                        best = None
                        for v, c in zip(sc, cs, strict=True):
                            v += wa.get(c, 0) + wk.get(c, 0) + wn.get(c, 0) + wl.get(c, 0)
                            if best is None or v > best:
                                t, best = c, v
            if verb_due:
                if t in _NOT_AFTER_MODAL and word.islower():
                    t = "VB"                      # "would resume": a noun-looking word after a modal is its verb
                verb_due = t == "RB"
            elif t == "MD" or t == "TO":
                verb_due = True
            out.append(t)
            p2 = p1
            p1 = t
        approximators = self.words["approximators"]
        if not approximators.isdisjoint(words) or words and words[0].lower() in approximators:
            approximator_before_number(words, out, approximators)
        if "JJ" in out or "NNS" in out or "NN" in out or "FW" in out:
            verb_after_subject(words, out, self.past_forms, self.base_forms, self.verb_base, self.words["to_verbs"],
                                self.seen_as, self.openers)
        # (without a participle, only a past-only form tagged as a noun or adjective is re-read: none, no pass)
        if "VBD" in out or "VBN" in out:
            hyphened_adjective(words, out, self.seen_as)
        if "VBN" in out:
            participle_before_noun(words, out)
            past_after_age(words, out)
        if "VBN" in out or ("NN" in out or "JJ" in out or "CD" in out) and not self.only_past.isdisjoint(lowers or map(str.lower, words)):
            past_after_clause_subject(words, out, self.only_past, self.openers, self.saying)
        if "PRP" in out:
            past_after_pronoun(words, out)
        if "last" in words or "first" in words:
            last_before_past(words, out)
        if "VB" in out and "VBN" in out:
            base_after_participle(words, out, self.seen_as)
        if "JJ" in out:
            self._noun_not_adjective(words, out)
            passive_not_adjective(words, out, self.words["months"])
            people_not_adjective(words, out)
        if "VBD" in out:
            reduced_relative(words, out)
        if "," in out:
            appositive_participle(words, out)
            past_before_an_aside(words, out)
            past_after_appositive(words, out)
        if "VBZ" in out:
            self._plural_after_verb(words, out)
            plural_before_its_verb(words, out, self.seen_as)
        if "NNS" in out and "CC" in out:
            self._verb_after_and(words, out)
        if "NNS" in out and ("NNP" in out or "DT" in out):
            self._unknown_verb_after_name(words, out)
        if "JJS" in out or "JJR" in out:
            degree_before_adverb(words, out)
        if "NNP" in out or "NNPS" in out:
            lowercase_not_proper(words, out, self.seen_as)
        if not PRONOUN_SUBJECTS.isdisjoint(words):
            present_after_a_pronoun(words, out, self.verb_base)
        if not HELP_FORMS.isdisjoint(words):
            noun_after_help(words, out, self.verb_base)
        if not self.words["base_homographs"].isdisjoint(words):
            homograph_as_base(words, out, self.words["base_homographs"])
        if "state" in words or "State" in words:
            state_as_modifier(words, out, self.words["state_media"])
        if "NNS" in out:
            flight_verb_after_name(words, out, self.words["flight_verbs"])
        if "VBZ" in out:
            impossible_third_person(words, out, self.past_forms)
            sentence_opening_noun(words, out, self.seen_as)
            plural_after_a_modifier(words, out)
        if "JJ" in out:
            noun_after_article_before_preposition(words, out)
        if "said" in words:
            said_as_past(words, out)
        if "that" in words and "NNS" in out:
            saying_verb_before_that(words, out, self.saying)
        if "VBN" in out or "VBD" in out:
            past_before_object_pronoun(words, out)
        if "VBN" in out and "," in words:
            past_before_comma_and(words, out)
        if "by" in words and "," in words:
            participle_in_apposition(words, out)
        if "VBD" in out:
            participle_only_forms(words, out, self.words["participle_only"])
        if "VBN" in out and "to" in words:
            past_before_infinitive(words, out)
        if "RB" in out:
            noun_read_as_adverb(words, out, self.words["post_noun_adverbs"])
        if "VBG" in out:
            gerund_as_noun(words, out)
            gerund_before_noun(words, out)
        if not INCLUSION_WORDS.isdisjoint(words):
            absolute_included(words, out)
        if "that" in words:
            that_after_a_day(words, out)
            that_as_determiner(words, out, self.saying)
            that_before_a_time(words, out, self.words["span_nouns"], self.words["months"])
        if any(w[-2:] in _ORDINAL_ENDS for w in words):
            ordinal_before_noun(words, out)
        return out

    def seen_as(self, word: str) -> list[str] | None:
        """The tags the treebank gave a word, or None for a word it never saw."""
        got = self.cands.get(word) or self.rare.get(word)
        return got if got is not None else ([self.lexicon[word]] if word in self.lexicon else None)

def read_model() -> dict:
    """The model file as a dict (the garbage collector paused: parsing makes many small objects).

    Kept as a pickle beside the knowledge pickles, keyed by the file's content: reading it back
    takes half the time of decompressing and parsing the JSON (~0.05 s of a short extraction)."""
    packed = MODEL.read_bytes()
    folder = _cache_dir()
    cached = folder / f"tagger-{hashlib.sha1(packed).hexdigest()[:16]}.pickle" if folder is not None else None
    enabled = gc.isenabled()
    gc.disable()
    try:
        model = pickled.read(cached)
        if model is pickled.MISSING:
            model = json.loads(gzip.decompress(packed))
            pickled.write(cached, model)
        return model
    finally:
        if enabled:
            gc.enable()


@lru_cache(maxsize=1)
def load() -> Tagger:
    """The shipped model, read once."""
    return Tagger(read_model())
