"""Clause analysis of English sentences: tokens with Penn tags and lemmas, noun phrase
chunks, verb groups and clauses, for events and claims to stand on.

    from kankei.analyze import analyze
    s = analyze(text, start, end)        # one sentence span of the document text
    for c in s.clauses:                  # in order of their predicates; the main clause has parent None
        p = c.predicate                  # VerbGroup or None: .lemma .voice .tense .aspect .negated .modal
                                         #   .finite .form, .head (a Token), span "had not been abducted"
        c.subject, c.subjects            # Phrase (.start .end .head) and its conjuncts; c.shared_subject
                                         #   when taken from another clause (relative, coordinate, control);
                                         #   c.inverted when it follows the verb ('"...," said Abe')
        c.objects, c.pps, c.agent        # noun phrases after the verb; PrepPhrase(.prep .np .head .after);
                                         #   the "by" phrase of a passive
        c.parent, c.relation, c.marker   # complement | relative | adverbial | coordinate | infinitive |
                                         #   parataxis, and the word that opened it ("that", "who", "after")
    s.clause_of(offset)                  # the innermost clause holding a character offset (dates, actors)
    s.np_at(offset)                      # the noun phrase chunk holding it (.possessor for "X's Y")

Every offset is absolute into `text`. The tagger is an averaged perceptron trained on UD
English EWT (tools/train_tagger.py; data/README.md gives its licence), read once on first
use (~0.2 s); nothing is downloaded. Rules, not a parser: a clause's subject is the noun
phrase before its verb group in the same clause (the antecedent for "who"/"which", the
shared subject of "X arrived and met Y", the controller of "agreed to visit"); tense is
"future" for will/shall/would, "be going to" and "is to"; "failed/refused to X" marks X negated.
News syntax the web treebank rarely shows is re-read after tagging: a participle right after a
clause-opening subject with an object or PP and no later verb is a finite past ("In 1995 Japan
provided aid"), an irregular past tagged as a noun after a subject is the verb ("the missile
flew over"); a year ends its noun phrase before a name; a semicolon closes every open clause;
"such as" lists are prepositional phrases.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache
from itertools import islice

from .clauses import build_clauses
from .groups import chunk, lists, verb_groups
from .lemmatize import Lemmatizer, irregular_verb_forms, simple_past_forms
from .tagger import Tagger, read_model
from .tokenize import TOKEN_RE, tokenize
from .types import Clause, Phrase, PrepPhrase, Sentence, Token, VerbGroup

_GROUP, _START, _END = re.Match.group, re.Match.start, re.Match.end

__all__ = ["analyze", "tag", "tokenize", "Sentence", "Token", "Phrase", "PrepPhrase", "VerbGroup", "Clause"]


@lru_cache(maxsize=1)
def _models() -> tuple[Tagger, Lemmatizer]:
    data = read_model()
    tagger = Tagger(data)
    for w in lists()["prepositions"]:
        if w not in tagger.cands and w not in tagger.rare:
            tagger.lexicon.setdefault(w, "IN")
            tagger.lexicon.setdefault(w.capitalize(), "IN")
    for w in lists()["adverbs"]:        # ('From August 1958 onwards': never a verb)
        tagger.lexicon[w] = "RB"
    tagger.past_forms, tagger.base_forms = irregular_verb_forms()
    tagger.only_past = frozenset(f for f in simple_past_forms() if all(
        t in ("VBD", "VBN") for t in (tagger.cands.get(f) or tagger.rare.get(f) or [tagger.lexicon.get(f, "VBD")])))
    L = lists()
    tagger.openers = L["adverbial"] | {"that"}
    tagger.saying = L["saying_forms"]
    tagger.words = {k: L[k] for k in ("to_verbs", "flight_verbs", "state_media", "span_nouns", "base_homographs", "post_noun_adverbs", "participle_only",
                                      "months", "approximators")}
    return tagger, Lemmatizer(data["lemmas"])


def tag(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of text[start:end] with their tags and lemmas (no chunks or clauses)."""
    tagger, lemmatize = _models()
    ms = list(TOKEN_RE.finditer(text, start, len(text) if end is None else end))
    words = list(map(_GROUP, ms))
    tags = tagger.tag(words)
    # the lemmas of words and tags met before from the cache, the others made; all with map() (in C)
    lemmas = list(map(lemmatize.cache.get, zip(words, tags, strict=True)))
    if not all(lemmas):
        lemmas = [lm or lemmatize(w, t) for lm, w, t in zip(lemmas, words, tags, strict=True)]
    return list(map(Token, map(_START, ms), map(_END, ms), words, tags, lemmas, range(len(words))))


def analyze(text: str, start: int = 0, end: int | None = None,
            names: Sequence[tuple[int, int]] = ()) -> Sentence:
    """The analysis of the sentence text[start:end]. `names`: spans of names known to be one
    name (sorted), each read as one proper noun phrase whatever its words ('the Association of
    the Families of Victims Kidnapped by North Korea' holds no verb of the sentence)."""
    if end is None:
        end = len(text)
    tokens = tag(text, start, end)
    if names:
        _names_as_nouns(tokens, names)
    chunks, of = chunk(tokens)
    groups = verb_groups(tokens, of)
    clauses = build_clauses(tokens, chunks, of, groups)
    return Sentence(text, start, end, tokens, chunks, clauses, groups)


def _names_as_nouns(tokens: list[Token], names: Sequence[tuple[int, int]]) -> None:
    """Every word inside a name of several words is a proper noun (the name is one phrase), and
    so is a one-word name the tagger took for a verb."""
    i = bisect_left(names, (tokens[0].start, -1)) if tokens else 0
    i = max(0, i - 1)
    k = 0
    n = len(tokens)
    for s, e in islice(names, i, None):     # (not names[i:]: no copy of the document's later names per sentence)
        if tokens and s >= tokens[-1].end:
            break
        while k < n and tokens[k].end <= s:
            k += 1
        inside = []
        j = k
        while j < n and tokens[j].start >= s and tokens[j].end <= e:
            inside.append(tokens[j])
            j += 1
        if inside and inside[0].tag == "DT":
            inside = inside[1:]     # ('the Peninsula': the article stays one)
        if len(inside) >= 2 and any(t.tag not in ("NNP", "NNPS") for t in inside) and inside[0].start >= s:
            for t in inside:        # ('So Man-sul': the first word too, whatever the tagger made of it)
                if t.tag not in ("NNP", "NNPS", "POS"):
                    t.tag = "NNP"
        elif len(inside) == 1 and inside[0].start == s and inside[0].end == e and inside[0].tag.startswith("VB") \
                and inside[0].text[:1].isupper():
            inside[0].tag = "NNP"       # 'Jenkins allegedly deserted': a name, not a verb in -s
