"""Lemmas from a word and its Penn tag: the treebank's own lemma where the rules below
would get it wrong (a table trained with the tagger), irregular forms (data/irregular.txt),
then suffix rules that undo -s, -ed, -ing, -er, -est with English spelling (doubled
consonants, a restored silent e). Hyphenated words lemmatize their last part:
test-fired -> test-fire.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).with_name("data")
_VOWELS = frozenset("aeiou")
# stem endings (after -ed/-ing/-er are cut) that take back a silent e: fir(e), creat(e), chang(e)
_E_ENDINGS = (
    "v", "z", "c", "u", "ang", "eng", "rg", "dg", "lg", "ung", "bl", "pl", "tl", "dl", "kl", "gl", "zl", "fl",
    "cl", "rs", "ns", "ps", "ls", "pon", "com", "let", "pet", "mot", "vot", "not", "quot", "ut", "xcit", "nvit",
    "nit", "cit", "dit", "iat", "uat", "creat",
)
_NO_E = frozenset({"focus", "bias", "visit", "edit", "credit", "audit", "limit", "exhibit", "prohibit", "inhabit",
                   "deposit", "benefit", "profit", "vomit", "posit", "transit", "summit", "plead", "head", "fund"})


def word_class(tag: str) -> str:
    """V verbs (and modals), N common nouns, P proper nouns, J adjectives, R adverbs, O the rest."""
    c = tag[:2]
    if c == "VB" or tag == "MD":
        return "V"
    if tag == "NNP" or tag == "NNPS":
        return "P"
    return {"NN": "N", "JJ": "J", "RB": "R"}.get(c, "O")


def _restore_e(stem: str) -> str:
    """Stem of an -ed/-ing/-er form, with its doubled consonant undone or its silent e restored."""
    n = len(stem)
    if n < 2:
        return stem
    last = stem[-1]
    if last == stem[-2] and last not in "lsfz" and last not in _VOWELS and last not in "wxy":
        return stem[:-1]                                   # stopped, planning
    if n >= 6 and stem.endswith(("oll", "ell")) and stem[-4] not in _VOWELS:
        return stem[:-1]                                   # controlled, compelled
    if stem in _NO_E or last in "wxyh" or (last not in _VOWELS and stem[-2] not in _VOWELS
                                           and not stem.endswith(_E_ENDINGS)):
        return stem
    if stem.endswith(_E_ENDINGS):
        return stem + "e"
    if last in _VOWELS:
        return stem if last in "ao" else stem + "e"
    # one final consonant after a vowel: a single vowel after a consonant takes e (fir-e, creat-e,
    # escap-e), a vowel pair does not (treat, claim); long stems ending -en/-er/-on/-it/-op do not
    v, before = stem[-2], stem[-3] if n > 2 else ""
    if before in _VOWELS or before == "":
        return stem + "e" if last in "sz" else stem
    if last in "sz":
        return stem + "e"
    if last in "rnt" and v in "eo" and n > 4:
        return stem                                         # offer, happen, reckon, monitor
    if stem.endswith(("it", "op", "al", "el", "ip")) and n > 4:
        return stem
    if stem.endswith(("en", "er", "on", "om", "et", "ot", "an", "ol")):
        return stem
    return stem + "e"


def _rule(w: str, cls: str, tag: str) -> str:
    if cls == "V":
        if tag in ("VBD", "VBN") and w.endswith("ed") and len(w) > 3:
            if w.endswith("ied"):
                return w[:-3] + ("ie" if len(w) <= 4 else "y")
            return _restore_e(w[:-2])
        if tag == "VBG" and w.endswith("ing") and len(w) > 4:
            if w.endswith("ying") and len(w) == 5:
                return w[:-4] + "ie"
            return _restore_e(w[:-3])
        if tag == "VBZ" and w.endswith("s") and len(w) > 2:
            return _plural(w)
        return w
    if cls == "N" and tag == "NNS" or tag == "NNPS":
        return _plural(w)
    if tag in ("JJR", "RBR") and w.endswith("er") and len(w) > 4:
        return w[:-3] + "y" if w.endswith("ier") else _restore_e(w[:-2])
    if tag in ("JJS", "RBS") and w.endswith("est") and len(w) > 5:
        return w[:-4] + "y" if w.endswith("iest") else _restore_e(w[:-3])
    return w


def _plural(w: str) -> str:
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


@lru_cache(maxsize=1)
def _irregular() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in (_DATA / "irregular.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            lemma, *forms = line.split()
            for f in forms:
                table.setdefault(f, lemma)
    return table


@lru_cache(maxsize=1)
def irregular_verb_forms() -> tuple[frozenset[str], frozenset[str]]:
    """From data/irregular.txt: the verbs' irregular past forms (froze, held) and their base forms
    (freeze, hold; those that are also common nouns or adjectives left out)."""
    past, base = set(), set()
    for line in (_DATA / "irregular.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("# nouns"):
            break
        if line and not line.startswith("#"):
            lemma, *forms = line.split()
            past.update(f for f in forms if f != lemma and not f.startswith("'") and not f.endswith("s"))
            base.add(lemma)
    base -= _NOUNISH_BASES
    return frozenset(past - base), frozenset(base)


def simple_past_forms() -> frozenset[str]:
    """From data/irregular.txt: each verb's first irregular form, its simple past (flew, went,
    held; not the participle of "fly flew flown"), for verbs other than be/have/do."""
    out = set()
    for line in (_DATA / "irregular.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("# nouns"):
            break
        if line and not line.startswith("#"):
            lemma, *forms = line.split()
            forms = [f for f in forms if f != lemma and not f.startswith("'") and not f.endswith(("s", "ing"))]
            if forms and lemma not in ("be", "have", "do"):
                out.add(forms[0])
    return frozenset(out)


# base forms of irregular verbs that are common as nouns or adjectives ("a set", "the cost")
_NOUNISH_BASES = frozenset(("bet", "bid", "cast", "cost", "cut", "deal", "dream", "draw", "fall", "fight", "fly",
                            "hit", "hurt", "lay", "lead", "light", "mean", "put", "read", "ring", "rise", "run",
                            "set", "show", "shut", "sink", "split", "spread", "spring", "stand", "stick",
                            "swing", "tear", "upset", "wake", "wind", "wear", "quit", "bear", "beat", "bend",
                            "blow", "break", "catch", "feed", "kneel", "lie", "rid", "be", "do", "have", "go",
                            "forecast", "broadcast", "reset", "thrust", "sleep", "speed", "spin", "spit", "swim",
                            "sling", "bind", "burst", "keep", "sting"))


@lru_cache(maxsize=1)
def _base_homographs() -> frozenset[str]:
    """Past forms that are also base forms of other verbs (grammar.txt): the base where the tag says so."""
    from .groups import lists
    return lists()["base_homographs"]


def rule_lemma(word: str, tag: str) -> str:
    """The lemma the rules and the irregular table give (no treebank table)."""
    cls = word_class(tag)
    if cls == "P":
        return word if tag == "NNP" else _plural(word)
    w = word.lower().replace("’", "'")
    if "-" in w[1:-1]:
        head, _, last = w.rpartition("-")
        return head + "-" + rule_lemma(last, tag)
    if cls in "VN":
        if tag == "VB" and w in _base_homographs():
            return w            # 'helped found the association': to found, not to find
        irr = _irregular().get(w)
        if irr is not None and (cls == "V" or tag == "NNS"):
            return irr
    return _rule(w, cls, tag)


class Lemmatizer:
    __slots__ = ("table", "cache")

    def __init__(self, table: dict[str, str]) -> None:
        self.table = table                       # "word\tclass" -> lemma, where the rules are wrong
        self.cache: dict[tuple[str, str], str] = {}

    def __call__(self, word: str, tag: str) -> str:
        key = (word, tag)
        lem = self.cache.get(key)
        if lem is None:
            cls = word_class(tag)
            lem = self.table.get(word.lower() + "\t" + cls) if cls != "P" and not (
                tag == "VB" and word.lower() in _base_homographs()) else None
            if lem is None:
                lem = rule_lemma(word, tag)
            if len(self.cache) < 200_000:
                self.cache[key] = lem
        return lem


def lemma_exceptions(sents) -> dict[str, str]:
    """From treebank sentences [(form, xpos, lemma)]: the lemmas the rules get wrong, by
    lower-cased form and word class (the majority lemma of each), for the model file."""
    from collections import Counter, defaultdict
    seen: dict[str, Counter] = defaultdict(Counter)
    rules: dict[str, Counter] = defaultdict(Counter)
    for s in sents:
        for form, tag, lemma in s:
            cls = word_class(tag)
            if cls == "P" or lemma == "_":
                continue
            key = form.lower() + "\t" + cls
            seen[key][lemma.lower()] += 1
            rules[key][rule_lemma(form, tag)] += 1
    out = {}
    for key, c in sorted(seen.items()):
        best = max(c.items(), key=lambda kv: (kv[1], kv[0]))[0]
        ruled = max(rules[key].items(), key=lambda kv: (kv[1], kv[0]))[0]
        if best != ruled:
            out[key] = best
    return out
