"""Noun phrase chunks and verb groups over tagged tokens (rules over Penn tags, one pass each)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .tag_rules import is_year
from .types import Phrase, Token, VerbGroup

_NP_START = frozenset(("DT", "PDT", "PRP$", "WP$", "CD", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "$", "AFX"))
_NP_IN = frozenset(("JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "$", "HYPH", "AFX"))
_NOUNS = frozenset(("NN", "NNS", "NNP", "NNPS", "CD", "PRP", "EX", "$"))
_AUX = frozenset(("be", "have", "do", "get"))
_MODALS_FUTURE = frozenset(("will", "shall", "'ll", "wo"))
_MAY_BEGIN_GROUP = frozenset(("VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD", "TO", "IN"))


@lru_cache(maxsize=1)
def lists() -> dict[str, frozenset[str]]:
    """The word lists of data/grammar.txt by section."""
    out: dict[str, set[str]] = {}
    cur: set[str] = set()
    for line in (Path(__file__).with_name("data") / "grammar.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            cur = out.setdefault(line.strip("[]"), set())
        else:
            cur.update(line.split())
    return {k: frozenset(v) for k, v in out.items()}


def chunk(tokens: list[Token]) -> tuple[list[Phrase], list[int]]:
    """NP chunks, and for every token the index of its chunk (-1 outside any)."""
    n = len(tokens)
    chunks: list[Phrase] = []
    of = [-1] * n
    months, time_adjectives, day_adverbs = lists()["months"], lists()["time_adjectives"], lists()["day_adverbs"]
    attributive, messages = lists()["attributive_participles"], lists()["message_nouns"]
    i = 0
    while i < n:
        tag = tokens[i].tag
        if tag == "PRP" or tag == "EX" or (tag == "DT" and (i + 1 == n or tokens[i + 1].tag not in _NP_IN
                                                              and tokens[i + 1].tag not in ("VBN", "VBG", "PDT", "DT")
                                                              and not _adverb_in_np(tokens, i))):
            j = i                                          # he, there, "that" standing alone
        elif tag in _NP_START and not _such_as_at(tokens, i):
            j = i
            pos = -1
            while j + 1 < n:
                t = tokens[j + 1].tag
                if t in _NP_IN:
                    if t == "JJ" and _such_as_at(tokens, j + 1):
                        break                              # goods | such as coal
                    prev = tokens[j].tag
                    if prev == "CD" and t == "NNP" and j > i and tokens[j - 1].tag == "NNP":
                        break                              # On Jan. 22 | Asahi Shimbun (a date, then a name)
                    if prev == "CD" and t[:3] == "NNP" and is_year(tokens[j].text) and (
                            j == i or tokens[j - 1].text.lower().rstrip(".") in months):
                        break                              # In 1995 | Japan; in June 1950 | Japan (not the 2002 Pyongyang Declaration)
                    if t[:2] == "NN" and tokens[j + 1].text.lower() in day_adverbs:
                        break                              # the Government | today
                    if t == "NNP" and prev == "NNP" and tokens[j].text.lower().rstrip(".") in months:
                        break                              # in January | Jiji Press
                    if (t[:2] == "JJ" and prev[:2] == "NN" and tokens[j + 1].text.lower() in time_adjectives) \
                            or (t[:3] == "NNP" and prev in ("NN", "NNS") and tokens[j].text.islower()):
                        break                              # Tokyo | next year;  the first time | North Korea
                    j += 1
                elif t == "-LRB-" and tokens[j].tag in ("NNP", "NNPS") and j + 4 < n and tokens[j + 2].tag == "NNP" \
                        and tokens[j + 3].tag == "-RRB-" and tokens[j + 4].tag in ("NN", "NNS"):
                    j += 3                                 # the Asia-Pacific Economic Cooperation (APEC) summit
                elif t == "POS" and j + 2 < n and tokens[j + 2].tag in _NP_START and tokens[j].tag in _NOUNS:
                    pos = j + 1                            # North Korea 's leader
                    j += 1
                elif t in ("DT", "PRP$") and tokens[j].tag in ("PDT", "DT") and j == i:
                    j += 1                                 # all the, both his
                elif t == "RB" and tokens[j].tag in ("DT", "PRP$", "JJ") and _adverb_in_np(tokens, j):
                    j += 1                                 # an economically self-sufficient empire
                elif (t in ("VBN", "VBG") and j + 2 < n and tokens[j + 2].tag in _NP_IN
                      and (tokens[j].tag in ("DT", "PRP$", "POS")
                           or (tokens[j + 2].tag not in ("NNP", "NNPS", "CD")
                               and (tokens[j].tag in ("CD", "RB")
                                    or (tokens[j].tag == "JJ" and not tokens[j].text[:1].isupper())))
                           or (t == "VBG" and tokens[j].tag == "NN" and tokens[j + 2].tag in ("NN", "NNS")
                               and tokens[j].text.lower() not in messages))):
                    j += 1                                 # the returned abductees, the fuel reprocessing plant
                elif t in ("VBN", "VBD") and j + 2 < n and tokens[i].tag == "DT" and tokens[j].tag in ("NNP", "JJ") \
                        and tokens[j + 2].tag in ("NNP", "NNPS") and tokens[j + 1].text.lower() in attributive:
                    j += 1                                 # the North Korean affiliated General Association
                else:
                    break
            while j > i and tokens[j].tag == "HYPH":
                j -= 1
            head = _head(tokens, i, j)
            possessor = None
            if pos > 0:
                possessor = Phrase(tokens[i].start, tokens[pos - 1].end, tokens[pos - 1], i, pos - 1)
            ph = Phrase(tokens[i].start, tokens[j].end, head, i, j, possessor)
            of[i:j + 1] = [len(chunks)] * (j + 1 - i)
            chunks.append(ph)
            i = j + 1
            continue
        else:
            i += 1
            continue
        ph = Phrase(tokens[i].start, tokens[j].end, tokens[i], i, j)
        of[i] = len(chunks)
        chunks.append(ph)
        i = j + 1
    return chunks, of


def _such_as_at(tokens: list[Token], j: int) -> bool:
    """Token j is the "such" of "such as" (it introduces examples, no noun phrase)."""
    return j + 1 < len(tokens) and tokens[j + 1].text == "as" and tokens[j].text.lower() == "such"


def _adverb_in_np(tokens: list[Token], j: int) -> bool:
    """An -ly adverb after token j modifies the adjective of the same noun phrase."""
    n = len(tokens)
    return (j + 3 < n and tokens[j + 1].tag == "RB" and tokens[j + 1].text.endswith("ly")
            and tokens[j + 2].tag in ("JJ", "VBN") and tokens[j + 3].tag in _NP_IN)


def _head(tokens: list[Token], i: int, j: int) -> Token:
    for k in range(j, i - 1, -1):
        if tokens[k].tag in _NOUNS:
            return tokens[k]
    return tokens[j]


def verb_groups(tokens: list[Token], in_np: list[int]) -> list[VerbGroup]:
    """Verb groups, left to right: (to) (modal) (adverbs) auxiliaries main verb."""
    n = len(tokens)
    groups: list[VerbGroup] = []
    phrases = lists()["adverbial_phrases"]
    i = 0
    # (a group can begin only at a verb, a modal, "to" or a preposition that is "to": the other
    # words are passed over in one sweep; no tag outside a group changes before it is reached)
    for i0 in [k for k, t in enumerate(tokens) if t.tag in _MAY_BEGIN_GROUP]:
        if i0 < i:
            continue                                       # inside the group just made
        i = i0
        t = tokens[i]
        tag = t.tag
        if tag == "IN" and t.text.lower() == "to" and i + 1 < n and tokens[i + 1].tag == "VB":
            t.tag = tag = "TO"                             # declined to comment: "to" tagged as a preposition
        if in_np[i] >= 0 or not (tag[:2] == "VB" or tag == "MD" or tag == "TO"):
            continue
        j = i
        if tag == "TO":                                    # to (not) visit
            k = i + 1
            while k < n and tokens[k].tag == "RB":
                k += 1
            if k >= n or tokens[k].tag != "VB" or in_np[k] >= 0:
                i += 1
                continue
            j = k
        # extend while the last verb is an auxiliary that the next verb can follow
        while True:
            k = j + 1
            # (adverbs, an opening quote: had “expressed his sympathy ...”, a phrase: will in principle be)
            while k < n:
                if (tokens[k].tag == "RB" or tokens[k].tag == "``") and in_np[k] < 0:
                    k += 1
                elif k + 1 < n and f"{tokens[k].text.lower()}_{tokens[k + 1].text.lower()}" in phrases \
                        and k + 2 < n and tokens[k + 2].tag[:2] == "VB":
                    k += 2
                else:
                    break
            if k >= n or in_np[k] >= 0:
                break
            last, nxt = tokens[j], tokens[k]
            if not _continues(last, nxt):
                break
            j = k
        # "is to visit", "is going to visit": future
        future_to = False
        k = j + 1
        if k + 1 < n and tokens[k].tag == "TO" and tokens[k + 1].tag == "VB":
            last = tokens[j]
            if (last.lemma == "be" and j == i and last.tag in ("VBZ", "VBP", "VBD")) or \
                    (last.lemma == "go" and last.tag == "VBG" and j > i and tokens[j - 1].lemma == "be"):
                j = k + 1
                future_to = True
        g = _group(tokens, i, j, future_to)
        if not g.negated and _negated_before(tokens, i, in_np):
            g.negated = True                               # never visited, no longer allows, agreed not to go
        groups.append(g)
        i = j + 1
    return groups


def _negated_before(tokens: list[Token], i: int, in_np: list[int]) -> bool:
    """A negation among the adverbs right before a verb group."""
    negs = lists()["negation"]
    k = i - 1
    while k >= 0 and i - k <= 3 and tokens[k].tag in ("RB", "RBR") and in_np[k] < 0:
        low = tokens[k].text.lower()
        if (low in negs and tokens[k + 1].text.lower() not in ("only", "just", "merely")) \
                or (low == "longer" and k > 0 and tokens[k - 1].text.lower() == "no"):
            return True                                    # (not only imposed ... but also: no negation)
        k -= 1
    return False


def _continues(last: Token, nxt: Token) -> bool:
    lt, nt = last.tag, nxt.tag
    if lt == "MD" or lt == "TO":
        return nt == "VB"
    lem = last.lemma
    if lem not in _AUX:
        return False
    if lem == "be" or lem == "have":
        if nt == "VBD" and lt != "MD":
            nxt.tag = nt = "VBN"                           # has refused, was abducted: a participle tagged past
        return nt == "VBN" or (nt == "VBG" and lem == "be")
    if lem == "do":
        return nt == "VB" or nt == "VBP"                   # did not respond (respond may be tagged VBP)
    return nt == "VBN" and lt != "VBN"                     # got arrested (get as passive auxiliary)


def _group(tokens: list[Token], i: int, j: int, future_to: bool) -> VerbGroup:
    lists_ = lists()
    negs = lists_["negation"]
    verbs = [k for k in range(i, j + 1) if tokens[k].tag[:2] == "VB" or tokens[k].tag == "MD"]
    head_i = verbs[-1] if verbs else j
    head = tokens[head_i]
    first = tokens[i]
    negated = False
    modal = None
    tense: str | None = None
    prev = None
    aspect_perf = aspect_prog = passive = False
    for k in range(i, j + 1):
        tk = tokens[k]
        low = tk.text.lower()
        if tk.tag == "RB":
            if low in negs or (low == "longer" and k > i and tokens[k - 1].text.lower() == "no"):
                negated = True
            continue
        if tk.tag == "MD":
            lm = tk.lemma
            if low in _MODALS_FUTURE or lm in ("will", "shall"):
                tense = "future"
            else:
                modal = "can" if low == "ca" else lm
                if modal == "would":
                    tense = "future"
        elif prev is not None and tk.tag[:2] == "VB":
            pl = prev.lemma
            if pl == "have" and tk.tag == "VBN":
                aspect_perf = True
            if (pl == "be" or pl == "get") and tk.tag == "VBN" and k == head_i:
                passive = True
            if pl == "be" and tk.tag == "VBG":
                aspect_prog = True                  # reset below for "is going to"
        if tk.tag[:2] == "VB" or tk.tag == "MD":
            prev = tk
    ftag = first.tag
    if ftag == "VBN" and len(verbs) > 1 and first.lemma in _AUX:
        ftag = "VBD"                                       # had/VBN passed: an auxiliary first is finite
        if tense is None:
            tense = "past"
    if ftag == "TO":
        form, finite = "infinitive", False
    elif ftag in ("MD", "VBD", "VBZ", "VBP"):
        form, finite = "finite", True
        if tense is None:
            tense = "past" if ftag == "VBD" else "present"
    elif ftag == "VBN":
        form, finite = "participle", False
        passive = passive or len(verbs) == 1
    elif ftag == "VBG":
        form, finite = "gerund", False
    else:
        form, finite = "bare", False
    if future_to:
        tense = "future"
        aspect_prog = False
    aspect = ("perfect-progressive" if aspect_perf and aspect_prog else "perfect" if aspect_perf
              else "progressive" if aspect_prog else None)
    return VerbGroup(first.start, tokens[j].end, head, head.lemma, "passive" if passive else "active",
                     tense, aspect, negated, modal, finite, form, i, j, ftag)
