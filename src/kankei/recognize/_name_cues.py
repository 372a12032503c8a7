"""Lexicons and compiled patterns for `kankei.recognize.names`, and cheap per-text facts.

Everything word-like comes from `knowledge/name_cues.yaml`; this module only turns the
lists into sets and a handful of compiled regexes, once per process.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from operator import lt

from kankei import regex_cache
from kankei.knowledge import load
from kankei.regex_cache import alternation

SP = r"[ \u00a0]"          # names may be spaced with no-break spaces


def _upper_class() -> str:
    """A character class of upper-case letters (Latin, Greek, Cyrillic), as ranges."""
    codes = [c for c in range(0x41, 0x530) if chr(c).isupper()]
    codes += [c for c in range(0x1E00, 0x1F00) if chr(c).isupper()]
    parts, i = [], 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        lo, hi = re.escape(chr(codes[i])), re.escape(chr(codes[j]))
        parts.append(lo if i == j else f"{lo}-{hi}")
        i = j + 1
    return "[" + "".join(parts) + "]"


class Cues:
    """The lexicons as sets and the patterns built from them."""

    def __init__(self, d: dict) -> None:
        st = lambda *keys: {w for k in keys for w in (d.get(k) or [])}  # noqa: E731
        p = d["particles"]
        self.p_always: set[str] = set(p["always"])
        self.p_of: set[str] = set(p["of_like"])
        self.p_conj: set[str] = set(p["conj"])
        self.p_weak: set[str] = set(p["weak"])
        self.titles: set[tuple[str, ...]] = {tuple(t.split()) for t in d["titles"]}
        self.title_max = max(len(t) for t in self.titles)
        self.title_words = {t[-1].rstrip(".") for t in self.titles}
        self.title_mods: set[str] = set(d["title_modifiers"])
        self.title_starts = {t[0] for t in self.titles} | self.title_mods
        self.heads: dict[str, str] = {w: typ for typ, ws in d["heads"].items() for w in ws}
        self.prefixes: dict[str, str] = {w: typ for typ, ws in d["prefixes"].items() for w in ws}
        self.hyphen_suffix: dict[str, str] = {
            w: typ for typ, ws in d["hyphen_suffixes"].items() for w in ws}
        self.pub_endings: tuple[str, ...] = tuple(d["publisher_endings"])
        self.pub_heads: set[str] = set(d["publisher_heads"])
        self.internal_poss: set[str] = set(d["internal_possessives"])
        self.person_tails: set[str] = set(d["person_tails"])
        self.nationalities: set[str] = st("nationalities", "plural_demonyms")
        self.compass: set[str] = set(d["compass"])
        self.dates: set[str] = st("months", "weekdays")
        self.function: set[str] = set(d["function_words"])
        self.start_drop: set[str] = st("sentence_common", "boilerplate")
        self.breakers: set[str] = set(d["breakers"])
        self.cut_words: set[str] = self.breakers | self.dates     # words that end a name
        self.chain_drop: set[str] = self.cut_words | self.function   # a chain of one of these is none
        self.generic_acr: set[str] = set(d["generic_acronyms"])
        amb = set(d["ambiguous_names"])
        self.given: set[str] = {w for ws in d["given_names"].values() for w in ws} - amb
        self.surnames: set[str] = {w for ws in d["surnames"].values() for w in ws} - amb
        self.roles: dict[str, str] = {w.lower(): typ for typ, ws in d["roles"].items() for w in ws}

        U = _upper_class()
        self.U = U
        abbr = [w for w in (st("breakers", "months", "weekdays", "person_tails", "org_comma_tails")
                            | {w for ws in d["heads"].values() for w in ws}
                            | {w for t in d["titles"] for w in t.split()}
                            | set(d["prefixes"]["place"]))
                if w.endswith(".") and w[:1].isupper() and "." not in w[:-1]]
        word_rest = rf"\w*(?:[-'’/]\w+)*(?:(?<=s)['’](?={SP}))?"
        word = rf"{U}{word_rest}"   # "Workers' Party"
        # (Lookaheads that spare the search the alternatives that cannot match: a word starts
        # with a capital; an abbreviation is a short run of letters and a full stop.)
        inner = "".join(sorted({ch for w in abbr for ch in w[1:-1]}))
        abbr_ahead = rf"(?=[{re.escape(inner)}]{{0,{max(len(w) for w in abbr) - 2}}}\.)" if inner else r"(?=\.)"
        tok = (rf"(?={U})(?:(?=.{abbr_ahead})(?:{alternation(abbr)})(?!\w)|(?:{U}\.){{2,}}|{U}\.(?={SP}{U})|{word})")
        parts = sorted(self.p_always | self.p_of | self.p_conj | self.p_weak)
        part = f"(?:{alternation(parts)})"
        more = rf"(?:{SP}+(?:{part}{SP}+){{0,3}}{tok})*"
        # (no name begins inside a hyphenated word, but one may after a dash written '--':
        # 'AOMORI--Kazuko Ebina')
        self.chain_re = regex_cache.compile(rf"(?<![\w'’.&])(?<![^-]-){tok}{more}")
        # The same, faster: the scan for a first letter runs in C over a character class, then
        # a lookbehind checks the character before it, and the first word goes on from there
        # (abbreviations by their first letter, the others as in `tok`).
        firsts = sorted({w[0] for w in abbr})
        if not all(re.fullmatch(U, f) for f in firsts):
            raise ValueError("abbreviations must start with an upper-case letter")
        abbr_rest = "|".join(f"(?<={re.escape(f)})(?:{alternation(w[1:] for w in abbr if w[0] == f)})"
                             for f in firsts)
        self.chain_scan = regex_cache.compile(
            rf"{U}(?<![\w'’.&]{U})(?<![^-]-{U})(?:{abbr_ahead}(?:{abbr_rest})(?!\w)|\.(?:{U}\.)+|\.(?={SP}{U})|{word_rest}){more}")
        self.tok_re = regex_cache.compile(rf"{tok}|{part}(?={SP})")

        # Context patterns, used with .match(text, pos) or .search(text, lo, hi).
        self.acr_after = re.compile(
            rf"{SP}?\({SP}?({U}[\w&./\-]{{1,11}}?)"
            rf"(?={SP}?[),;:]|{SP}+[-–—]|{SP}+(?:which|who|or|in|for|formerly|also|now|hereafter)\b)")
        self.acr_before = re.compile(rf"(?<![\w\-])({U}[A-Z0-9&\-]{{1,9}}){SP}?\({SP}?$")
        self.close_paren = re.compile(rf"{SP}?\)")
        person_before = sorted(d["person_before"])
        self.person_before = re.compile(rf"(?<![\w\-])(?:{alternation(person_before)}){SP}+$")
        self.speech_after = re.compile(
            rf",?{SP}+(?:has{SP}+|had{SP}+|also{SP}+|later{SP}+)?(?:{alternation(d['speech_verbs'])})\b")
        self.speech_before = re.compile(
            rf"(?<![\w\-])(?:{alternation(d['speech_verbs_before'])}),?{SP}+$")
        roles = alternation(self.roles)
        tail = r"(?=\s*(?:[,.;:()—–]|\b(?:of|who|whose|with|for|at|in|on|from|and|that|which|based|to)\b|$))"
        self.appositive = regex_cache.compile(
            rf"(?:,|{SP}[–—-]|{SP}(?:is|was)){SP}+(?:a|an|the|one|another){SP}+"
            rf"(?:[\w’'\-.]+{SP}+){{0,5}}?({roles}){tail}", re.IGNORECASE)
        self.who_after = re.compile(rf",?{SP}+who(?:se)?\b")
        # news style gives a person's age after the name: "Chong Gyong Saeng, 64, was arrested"
        # (or as an adjective: "Hideo Sato, a 74-year-old former teacher")
        self.age_after = re.compile(rf",{SP}*(?:(?:[1-9]\d?|1[01]\d)(?:,|{SP}*[.;:)]|{SP}+(?:and|who|was|is|said|of|from)\b|$)"
                                    rf"|(?:a|an){SP}+(?:[1-9]\d?|1[01]\d)-year-old\b)")
        self.place_of = re.compile(rf"(?<![\w\-])(?:{alternation(d['place_of'])}){SP}+of{SP}+(?:the{SP}+)?$")
        # (a sentence may open with the preposition: "In Yurihonjo, Akita Prefecture, ...")
        preps = [*d["place_preps"], *(w.capitalize() for w in d["place_preps"])]
        self.place_prep = re.compile(rf"(?<![\w\-])(?:{alternation(preps)}){SP}+(?:the{SP}+)?$")
        # What the text before a name, less its final spaces, must end with for each of the four
        # patterns above to match there: a test much cheaper than the search (`names._context`).
        ends = lambda ws: tuple(w.rstrip(" \u00a0") for w in ws)  # noqa: E731
        self.person_before_ends = ends(person_before)
        org_before = sorted(d.get("org_before") or [])
        self.org_before = re.compile(rf"(?<![\w\-])(?:{alternation(org_before)}){SP}+$")
        self.org_before_ends = ends(org_before)
        self.speech_before_ends = ends(w + x for w in d["speech_verbs_before"] for x in ("", ","))
        self.place_of_ends = ("of", "the")
        self.place_prep_ends = ends([*preps, "the"])
        self.comma_cap = re.compile(rf",{SP}+{U}\w+")
        self.in_region = re.compile(rf",{SP}+{U}[\w-]+(?:{SP}{U}[\w-]+)?{SP}+(?:{alternation(d['region_words'])})\b")
        self.lower_heads: dict[str, str] = {
            w: typ for typ, ws in d["lower_heads"].items() for w in ws}
        self.lower_head = re.compile(rf"{SP}+({alternation(self.lower_heads)})\b")
        # words that never name the place of a local body ('In April the Hyogo prefectural ...')
        self.not_place_words = frozenset(d["function_words"]) | frozenset(d["months"]) | frozenset(d["weekdays"]) \
            | frozenset(d["nationalities"])
        self.office_after = re.compile(rf"['’]s{SP}+(?:office|Office)\b")
        self.comma_tail = re.compile(rf",{SP}?(?:{alternation(d['org_comma_tails'])})(?!\w)")
        self.cite_after = re.compile(rf"{SP}*(?:,{SP}*)?(?:op\.{SP}?cit|et{SP}al\.|ibid)", re.IGNORECASE)
        self.year_after = re.compile(rf",{SP}*(?:\d{{4}}|\d{{1,2}}{SP}\w+{SP}\d{{4}})")
        self.cite_before = re.compile(rf"(?:^|[,.;:]){SP}*({U}\w+(?:{SP}{U}\w+)?),{SP}+$")
        months = alternation(st("months"))
        self.corr = regex_cache.compile(
            rf"(?<![\w\-'’])({U}\w+(?:-\w+)?){SP}+to{SP}+({U}\w+(?:[-/]\w+)*)"
            rf"(?=,?{SP}+(?:\d{{1,2}}(?:st|nd|rd|th)?{SP}+(?:{months})|(?:{months}){SP}+\d|\d{{4}}\b"
            rf"|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}})|{SP}+op\.{SP}?cit)")
        # what every `corr` match holds, found ten times faster: most texts have none (the
        # pattern opens with the literal "to" so that the scan can look for it alone)
        self.corr_hint = re.compile(
            rf"to(?<={SP}to){SP}+{U}\w+(?:[-/]\w+)*,?{SP}+(?:\d|(?:{months}){SP}+\d|op\.{SP}?cit)")
        self.footnote_line = re.compile(r"\s*(?:\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}[.)]\s|\^\d)")
        self.label_line = re.compile(r"\s*[A-Z][\w ]{0,20}:\s")
        self.quote = re.compile(r"[“\"]([^”\"\n]{2,200}?)[”\"]")
        self.word = re.compile(r"[^\W\d_][\w'’\-]*")
        self.footnote_mark = re.compile(r"\[\d{1,3}\]$")

    def joins(self, cur: list[Tok], pend: list[Tok], toks: list[Tok], i: int, joined: bool) -> bool:
        """Whether particles `pend` join `cur` and toks[i] into one name."""
        words = [p.text for p in pend]
        if all(w in self.p_always for w in words):
            return True
        if any(w in self.p_weak for w in words):
            return False
        if words[0] in self.p_conj:  # "Health and Welfare": one final word inside an org
            return joined and len(words) == 1 and (i + 1 == len(toks) or toks[i + 1].part)
        return joined or (cur[-1].text in self.heads and words[0] != "the")

    def title_end(self, toks: list[Tok], i: int) -> int:
        """Index after a title starting at toks[i] ("Deputy Minister"), or -1."""
        if toks[i].text not in self.title_starts:
            return -1
        j = i
        while j < len(toks) and not toks[j].part and toks[j].text in self.title_mods:
            j += 1
        for k in range(min(len(toks), j + self.title_max), j, -1):
            if tuple(x.text for x in toks[j:k]) in self.titles:
                return -1 if toks[k - 1].poss else k    # "Prime Minister's" is no title
        return -1

    def person_cue(self, words: list[str]) -> str:
        """'given-name', 'surname' or 'initials' when two or three words look like a person."""
        while words and words[-1] in self.person_tails:
            words = words[:-1]
        if not 2 <= len(words) <= 3 or any(w.isupper() and not w.endswith(".") for w in words):
            return ""
        if any(len(w) == 2 and w.endswith(".") for w in words):
            return "initials"            # "J. Smith"
        if words[0] in self.given or words[-1] in self.given:
            return "given-name"
        if words[0] in self.surnames or words[-1] in self.surnames:
            return "surname"
        return ""


@cache
def load_cues() -> Cues:
    return Cues(load("name_cues"))


_SMALL = {"of", "the", "and", "a", "an", "in", "on", "for", "to", "with", "from", "by", "at", "or",
          "de", "du", "des", "la", "le", "von", "van", "vs"}
_OPENERS = " \t\u00a0\"“‘'([*•·"


def _whole_word_in(text: str, w: str) -> bool:
    """Whether w occurs in text with no word character either side."""
    i, n = text.find(w), len(w)
    while i >= 0:
        if (i == 0 or not _is_word(text[i - 1])) and (i + n == len(text) or not _is_word(text[i + n])):
            return True
        i = text.find(w, i + 1)
    return False


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class TextContext:
    """Facts about one text, computed lazily: skip spans, lines, quotes, lower-case words."""

    def __init__(self, text: str, skip: Iterable[tuple[int, int]], cues: Cues) -> None:
        self.text, self.cues = text, cues
        # the skip spans merged: sorted, disjoint, not touching
        spans = sorted(skip)
        starts = [s for s, _ in spans]
        ends = [e for _, e in spans]
        if all(map(lt, starts, ends)) and all(map(lt, ends, starts[1:])):
            self.sk_starts, self.sk_ends = starts, ends     # nothing to merge (most texts)
        else:
            self._merge(spans)
        self._line_starts: list[int] | None = None
        self._line_cache: dict[int, tuple[bool, bool]] = {}
        self._lower: dict[str, bool] = {}
        self._quotes: tuple[list[int], list[int]] | None = None

    def _merge(self, spans: list[tuple[int, int]]) -> None:
        starts: list[int] = []
        ends: list[int] = []
        last = -1
        for s, e in spans:
            if e <= s:
                continue
            if starts and s <= last:
                if e > last:
                    ends[-1] = last = e
            else:
                starts.append(s)
                ends.append(e)
                last = e
        self.sk_starts, self.sk_ends = starts, ends

    def overlaps_skip(self, s: int, e: int) -> bool:
        i = bisect_right(self.sk_starts, e - 1) - 1
        return i >= 0 and self.sk_ends[i] > s

    def lower_seen(self, word: str) -> bool:
        """Whether the word occurs written in lower case somewhere in the text: a whole word
        of the letters a-z. Asked of a few words per text, so each is looked for on its own."""
        w = word.lower()
        got = self._lower.get(w)
        if got is None:
            got = self._lower[w] = w.isascii() and w.isalpha() and _whole_word_in(self.text, w)
        return got

    def sentence_initial(self, s: int) -> bool:
        t, j = self.text, s - 1
        while j >= 0 and t[j] in _OPENERS:
            j -= 1
        if j < 0 or t[j] in ".!?:;\n\r—":
            return True
        if t[j] in "–-" and j > 0 and t[j - 1] in " )":
            return True     # a chronology's entry after its date: '2006 (Oct. 9) – First ...'
        # a footnote marker "[5] Name" opens a note like a sentence
        return t[j] == "]" and bool(self.cues.footnote_mark.search(t, max(0, j - 4), j + 1))

    def _line(self, s: int) -> tuple[int, int]:
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        i = bisect_right(self._line_starts, s) - 1
        lo = self._line_starts[i]
        hi = self._line_starts[i + 1] - 1 if i + 1 < len(self._line_starts) else len(self.text)
        return lo, hi

    def line_kind(self, s: int) -> tuple[bool, bool]:
        """(heading, footnote) for the line holding offset s."""
        lo, hi = self._line(s)
        got = self._line_cache.get(lo)
        if got is None:
            line = self.text[lo:hi]
            c = self.cues
            foot = bool(c.footnote_line.match(line))
            heading = False
            if len(line) <= 160 and not c.label_line.match(line):
                words = [w for w in c.word.findall(line) if w.lower() not in _SMALL]
                caps = sum(w[0].isupper() for w in words)
                sentence = line.rstrip().endswith((".", "?", "!")) and caps < len(words)
                heading = bool(words) and caps >= 0.75 * len(words) and not sentence
            got = self._line_cache[lo] = (heading, foot)
        return got

    def in_title_quote(self, s: int) -> bool:
        """Inside a quoted title such as “Communist Koreans May be Ordered Deported”."""
        if self._quotes is None:
            starts, ends = [], []
            for m in self.cues.quote.finditer(self.text):
                words = [w for w in self.cues.word.findall(m.group(1)) if w.lower() not in _SMALL]
                if len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.75 * len(words):
                    starts.append(m.start(1))
                    ends.append(m.end(1))
            self._quotes = (starts, ends)
        starts, ends = self._quotes
        i = bisect_right(starts, s) - 1
        return i >= 0 and ends[i] > s


@dataclass(slots=True)
class Tok:
    """A word of a chain of capitalized words, or a particle between two of them."""

    start: int
    end: int
    text: str           # for a possessive, the word without "'s"
    part: bool          # a lower-case particle ("of", "the", "de")
    poss: bool = False
    skip: bool = False


@dataclass(slots=True)
class Seg:
    """A run of tokens that may be one name, once titles, possessives and breaks cut it."""

    toks: list[Tok]
    cue: str = ""       # set when the segment was cut by a title or an acronym definition
    type: str = ""
    end: int = -1       # when the name runs past its last token ("Co., Ltd.", "'s office")


def acronym_like(w: str) -> bool:
    """Mostly capitals, at least two: "MSB", "GHQ/SCAP", "KoRC"."""
    letters = [ch for ch in w if ch.isalpha()]
    ups = sum(ch.isupper() for ch in letters)
    return ups >= 2 and ups >= 0.6 * len(letters)


def word_initials_match(acr: str, toks: list[Tok]) -> bool:
    """The acronym is the initials of the long form's words (particles may be skipped)."""
    letters = [ch.lower() for ch in acr if ch.isalpha()]
    words = [t.text for t in toks if not t.part]
    initials = [w[0].lower() for w in words]
    return initials == letters or [w[0].lower() for w in " ".join(t.text for t in toks).replace("-", " ").split()] == letters


def initials_match(acr: str, toks: list[Tok]) -> bool:
    """Schwartz–Hearst style: the acronym's letters appear in order in the long form, the
    first at the start of its first word, the others preferably at word starts."""
    letters = [ch.lower() for ch in acr if ch.isalpha()]
    if not toks or toks[0].part or not letters or toks[0].text[0].lower() != letters[0]:
        return False
    long = " ".join(t.text for t in toks).lower()
    starts = [i + 1 for i, ch in enumerate(long) if ch in " -"]
    pos = 1
    for ch in letters[1:]:
        at = next((i for i in starts if i >= pos and long[i] == ch), -1)
        if at < 0:
            at = long.find(ch, pos)
        if at < 0:
            return False
        pos = at + 1
    return True

# the cue of a name that holds known names and ends in a head word ("Nihon University")
COVERING = "known-plus-head"
