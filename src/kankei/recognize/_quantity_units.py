"""What a quantity counts: the unit lexicon (knowledge/units.yaml) and the noun after, or before, a number."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kankei import knowledge
from kankei.recognize._regex_prefix import fast_optionals, trie
from kankei.spans import QuantityMention

_TOKEN = re.compile(r"[ \t\u00a0]+([^\W\d_]+(?:['’-][^\W\d_]+)*)")
_TOKENS4 = re.compile(fast_optionals("(?:T(?:T(?:T(?:T)?)?)?)?".replace("T", _TOKEN.pattern)))   # up to four in a row
_OF_THE = re.compile(r"\s+of\s+(?:the|these|those|its|their|our|his|her)\b")
_PER_CURRENCY = re.compile(r"\s+(?:to|per|against)\s+(?:the|one|a|an)\s+[^\W\d_]+")
_HYPHEN_UNIT = re.compile(r"-([^\W\d_]+)(?![\w-])")
_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass(slots=True)
class _Lex:
    person: frozenset[str]
    adj_person: frozenset[str]
    aliases: dict[str, str]
    units: frozenset[str]
    collective: dict[str, str]
    time_units: frozenset[str]
    determiner_nouns: frozenset[str]
    episode: frozenset[str]
    references: frozenset[str]
    months: frozenset[str]
    year_preceders: frozenset[str]
    half_words: frozenset[str]
    half_dets: frozenset[str]
    qualifiers: dict[str, str]
    symbols: dict[str, str]
    codes: frozenset[str]
    cur_words: dict[str, str]
    stop: frozenset[str]
    compounds: dict[str, str]
    bound_verbs: dict[str, str]


@cache
def _lex() -> _Lex:
    d = knowledge.load("units")
    low = lambda xs: frozenset(str(x).lower() for x in xs)  # noqa: E731
    aliases = {k.lower(): v for k, v in d["unit_aliases"].items()}
    return _Lex(
        person=low(d["person_nouns"]), adj_person=low(d["adjective_person_nouns"]), aliases=aliases,
        units=frozenset(aliases.values()), collective=d["collective_nouns"],
        time_units=low(d["time_units"]), determiner_nouns=low(d["determiner_nouns"]),
        episode=low(d["episode_nouns"]), references=low(d["reference_words"]), months=low(d["months"]),
        year_preceders=low(d["year_preceders"]), half_words=low(d["half_part_words"]),
        half_dets=low(d["half_part_determiners"]),
        qualifiers={" ".join(k.lower().split()): v for k, v in d["qualifiers"].items()},
        symbols=d["currency_symbols"], codes=low(d["currency_codes"]),
        cur_words={" ".join(k.lower().split()): v for k, v in d["currency_words"].items()},
        stop=low(d["stop_words"]),
        compounds={" ".join(k.lower().split()): v for k, v in d.get("compound_units", {}).items()},
        bound_verbs={k.lower(): v for k, v in d.get("bound_verbs", {}).items()})


def _tokens(text: str, pos: int, lex: _Lex) -> list[tuple[str, int, str]]:
    """The (at most four) words after pos up to punctuation or a function word: (lower, end, as written)."""
    out = []
    t = _TOKENS4.match(text, pos)       # up to four _TOKEN in a row, read in one match
    for i in range(1, 5):
        w = t.group(i)
        if w is None or w.lower() in lex.stop:
            break
        out.append((w.lower(), t.end(i), w))
    return out


def _plural(w: str, lex: _Lex) -> bool:
    return len(w) >= 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")) and w not in lex.stop


def _singular(w: str, lex: _Lex) -> str:
    if w in lex.aliases:
        return lex.aliases[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "zes", "sses")):
        return w[:-2]
    return w[:-1]


def _unit_of(w: str, lex: _Lex) -> str | None:
    if w in lex.person:
        return "person"
    if w in lex.aliases:
        return lex.aliases[w]
    return w if w in lex.units else None


def _head(toks: list[tuple[str, int, str]], lex: _Lex) -> tuple[str, int, int] | None:
    """(unit, end, index) of the counted noun among the words after a number."""
    for i, (w, end, _) in enumerate(toks):
        nxt = toks[i + 1][0] if i + 1 < len(toks) else ""
        if nxt and lex.compounds and (compound := lex.compounds.get(f"{w} {nxt}")):
            return compound, toks[i + 1][1], i    # "16 credit unions"
        unit = _unit_of(w, lex) or (_singular(w, lex) if _plural(w, lex) else None)
        if unit is None:
            continue
        if w in lex.adj_person and nxt and any(_unit_of(x, lex) or _plural(x, lex) or f"{x} {y}" in lex.compounds
                                               for (x, _, _), (y, _, _) in zip(toks[i + 1:], [*toks[i + 2:], ("", 0, "")], strict=True)):
            continue                              # "17 Japanese citizens", "ten Korean high schools": the noun is later
        return unit, end, i
    return None


def _look_back(text: str, start: int, lex: _Lex, prev: list[QuantityMention],
               scan: SentenceScan | None = None) -> str:
    """Unit for a number with no noun after it: the last count nearby, else a noun before it."""
    if prev:
        p = prev[-1]
        if p.unit not in ("", "percent", "fraction") and start - p.end < 300 and "\n" not in text[p.end:start]:
            return p.unit
    # the last word of the sentence so far that is a collective or a person noun (a search in
    # C for those words, rather than a look at every word)
    w = (scan or SentenceScan(text)).last_noun(start)
    if w:
        return lex.collective[w] if w in lex.collective else "person"
    return ""


class SentenceScan:
    """The counted nouns of the sentence so far, for numbers met in text order.

    Each number would otherwise search back to its sentence's start, and a text without
    sentence ends (a list of numbers) would be read once per number. Here the sentence start
    moves forward from the last one and the nouns found are kept: only the text since the last
    number is searched (plus the length of a noun, for one cut at that number's start). The
    result is that of `_counted_nouns().findall(text[sent:start].lower())[-1]`.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.lower: str | None = None
        self.start = -1          # the last number's start, and its sentence's
        self.sent = 0
        self.found: list[tuple[int, str]] = []      # (start, noun) in the sentence, up to self.start

    def sentence_start(self, start: int) -> int:
        text = self.text
        if self.start < 0 or start < self.start:
            return max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), 0)
        lo = self.start
        return max(text.rfind(". ", max(0, lo - 1), start), text.rfind("\n", lo, start), self.sent)

    def last_noun(self, start: int) -> str | None:
        sent = self.sentence_start(start)
        if self.lower is None:
            lower = self.text.lower()
            self.lower = lower if len(lower) == len(self.text) else ""
        if not self.lower:      # lower-casing changed lengths (rare letters): slices as they were
            found = _counted_nouns().findall(self.text[sent:start].lower())
            return found[-1] if found else None
        if sent != self.sent or start < self.start or self.start < 0:
            self.found, r = [], sent
        else:
            r = max(sent, self.start - _longest_noun() - 1)
            while self.found and self.found[-1][0] >= r:
                self.found.pop()
        # Nouns match as whole runs of letters: a search from r (its look-behind sees the letter
        # before r, as a search from the sentence's start would) up to endpos start finds what the
        # slice finds from r on; a noun found before r ended before the last number's start.
        self.found += [(m.start(), m.group()) for m in _counted_nouns().finditer(self.lower, r, start)]
        self.sent, self.start = sent, start
        return self.found[-1][1] if self.found else None


@cache
def _longest_noun() -> int:
    lex = _lex()
    return max((len(w) for w in (*lex.collective, *lex.person)), default=0)


@cache
def _counted_nouns() -> re.Pattern[str]:
    """The collective and person nouns as whole words (runs of letters, as _LETTERS finds them).
    Each branch opens with a plain letter, so that a search skips to one in C; the check that
    no letter comes before follows that letter."""
    lex = _lex()
    by_first: dict[str, set[str]] = {}
    for w in (*lex.collective, *lex.person):
        if _LETTERS.fullmatch(w):
            by_first.setdefault(w[0], set()).add(w[1:])
    first = "|".join(re.escape(c) + r"(?<![^\W\d_].)" + trie(rest) for c, rest in sorted(by_first.items()))
    return re.compile(rf"(?:{first})(?![^\W\d_])")


def _unit_of_the(text: str, end: int, lex: _Lex) -> str | None:
    """The unit of "eight of the victims": the noun after "of the"."""
    o = _OF_THE.match(text, end)
    head = o and _head(_tokens(text, o.end(), lex), lex)
    return head[0] if head else None


def _currency_rate(text: str, start: int, end: int, lex: _Lex) -> str | None:
    """'the yen was at 140 to the dollar': a rate, in the currency named before it in the sentence."""
    if not _PER_CURRENCY.match(text, end):
        return None
    sent = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), 0)
    found = None
    for w in _LETTERS.findall(text[sent:start].lower()):
        if w in lex.cur_words:
            found = lex.cur_words[w]
    return found


def _measure_after(text: str, e: int, lex: _Lex) -> str | None:
    """The unit of a hyphenated measure right after e: "9,700-ton" -> ton (not "15-member")."""
    if text[e:e + 1] != "-":
        return None
    h = _HYPHEN_UNIT.match(text, e)
    if not h:
        return None
    w = h.group(1).lower()
    unit = lex.aliases.get(w) or (w if w in lex.units else None)
    return unit if unit not in (None, "person", "percent", "series", "species") else None
