"""Event triggers: the words of event_triggers.yaml, inflected, in one pattern."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import ahocorasick

from kankei.knowledge import load

_VOWELS = "aeiou"
_NOT_TYPES = ("named_occasions", "irregular", "modality", "roles", "adjectives", "needs_object", "needs_subject", "retype_by_object",
              "phrasal_particles", "no_event_objects")
# Triggers too common to carry an event on their own: used only when nothing better is near.
WEAK = {"note", "call", "act", "form", "open", "move", "order", "support", "return",
        "leave", "left", "press", "free", "round", "test", "state", "give", "provide", "issue", "report",
        "trip", "claim", "charge", "allow", "session", "framework", "package", "operation", "deal",
        "decide", "join", "send", "sent", "law", "remove", "close", "inform"}


@dataclass(slots=True)
class Trigger:
    start: int
    end: int
    text: str
    type: str
    weak: bool
    noun: bool


def _inflect(lemma: str) -> set[str]:
    """-s, -ed and -ing forms of a regular English verb (first word of a phrase)."""
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    forms = {head}
    if head.endswith("e"):
        forms |= {head + "s", head + "d", head[:-1] + "ing"}
    elif head.endswith("y") and len(head) > 2 and head[-2] not in _VOWELS:
        forms |= {head[:-1] + "ies", head[:-1] + "ied", head + "ing"}
    elif head.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {head + "es", head + "ed", head + "ing"}
    else:
        forms |= {head + "s", head + "ed", head + "ing"}
        # short consonant-vowel-consonant verbs double their last letter: ban -> banned
        if len(head) <= 4 and head[-1] not in _VOWELS + "wxy" and head[-2] in _VOWELS and head[-3:-2] not in _VOWELS:
            forms |= {head + head[-1] + "ed", head + head[-1] + "ing"}
    forms |= _irregular_forms(head)
    return {f + tail for f in forms}


def _plural(noun: str) -> str:
    """The plural of a trigger noun (of its last word): 'launch' -> 'launches', 'rally' -> 'rallies'."""
    if noun.endswith("s"):
        return noun
    if noun.endswith(("sh", "ch", "x", "z")):
        return noun + "es"
    if noun.endswith("y") and len(noun) > 2 and noun[-2] not in _VOWELS:
        return noun[:-1] + "ies"
    return noun + "s"


_PREFIXES = ("up", "with", "over", "under", "re", "fore", "mis", "out", "be")


@cache
def _forms_by_lemma() -> dict[str, frozenset[str]]:
    """The lemmatizer's table of irregular forms, turned round: lemma -> its forms."""
    from kankei.analyze.lemmatize import _irregular
    by_lemma: dict[str, set[str]] = {}
    for form, lemma in _irregular().items():
        by_lemma.setdefault(lemma, set()).add(form)
    return {lemma: frozenset(forms) for lemma, forms in by_lemma.items()}


@cache
def _irregular_forms(verb: str) -> frozenset[str]:
    """The irregular forms the lemmatizer's table gives a verb ('uphold' -> 'upheld', from 'hold')."""
    by_lemma = _forms_by_lemma()
    if verb in by_lemma:
        return frozenset(by_lemma[verb])
    for p in _PREFIXES:
        if verb.startswith(p) and verb[len(p):] in by_lemma:
            return frozenset(p + f for f in by_lemma[verb[len(p):]])
    return frozenset()


@cache
def lexicon() -> dict[str, tuple[str, bool]]:
    """Every trigger form -> (event type, whether it is a noun)."""
    data = load("event_triggers")
    irregular = data.get("irregular", {})
    forms: dict[str, tuple[str, bool]] = {}
    groups_by_type = {k: v for k, v in data.items() if isinstance(v, dict) and k not in _NOT_TYPES}
    # most specific first: phrases, then nouns (so "meeting" and "visit" count as nouns), then verb forms
    for etype, groups in groups_by_type.items():
        for phrase in groups.get("phrases") or []:
            forms.setdefault(phrase.lower(), (etype, False))
    for etype, groups in groups_by_type.items():
        for noun in groups.get("nouns") or []:
            for f in (noun, _plural(noun)):
                forms.setdefault(f.lower(), (etype, True))
    for etype, groups in groups_by_type.items():
        for verb in groups.get("verbs") or []:
            for f in _inflect(verb) | set(irregular.get(verb, [])):
                forms.setdefault(f.lower(), (etype, False))
    for word, etype in adjective_types().items():
        forms.setdefault(word, (etype, False))
    return forms


@cache
def adjective_types() -> dict[str, str]:
    """Predicate adjective -> event type ('is unacceptable' -> accuse)."""
    return {w.lower(): etype for etype, words in (load("event_triggers").get("adjectives") or {}).items() for w in words}


# Triggers stand on word boundaries (`_boundary`), but an automaton finds words inside words
# too ("act" in "fact"). It runs instead over the text with a space for every character that
# is no part of a word, and looks for each trigger form between two spaces.
_NOT_WORD_ASCII = {i: " " for i in range(128) if not (chr(i).isalnum() or chr(i) in "-_")}


def _boundary(ch: str) -> bool:
    return not (ch.isalnum() or ch in "-_")


def _spaced(text: str) -> str:
    """The text with a space for every character that is no part of a word, between two spaces."""
    table = _NOT_WORD_ASCII
    if not text.isascii():
        table = {**table, **{ord(c): " " for c in set(text) if not c.isascii() and _boundary(c)}}
    return " " + text.translate(table) + " "


@cache
def _automaton() -> ahocorasick.Automaton:
    """The trigger forms and the words of hearsay, so that one pass over a document finds both.
    Most sentences have no hedge: where no cue word occurs, its pattern is not searched."""
    kinds: dict[str, set[str]] = {}
    for kind, words in load("event_triggers")["modality"].items():
        for w in words:
            kinds.setdefault(str(w).lower(), set()).add(kind)
    automaton = ahocorasick.Automaton()
    for f, (etype, noun) in lexicon().items():
        automaton.add_word(f" {f} ", (len(f), f, etype, noun, " " in f))
    # a cue word is found anywhere, even inside a word, and where its own marks are spaces too
    # ("didn t"): it only tells where the patterns can match
    cues: dict[str, set[str]] = {}
    for w, ks in kinds.items():
        cues.setdefault(_spaced(w)[1:-1], set()).update(ks)
    for w, ks in cues.items():
        automaton.add_word(w, (len(w), None, None, False, tuple(sorted(ks))))
    automaton.make_automaton()
    return automaton


Cue = tuple[int, int, str]      # start, end, kind of cue ("hedged")


def scan(lowered: str) -> tuple[list[Trigger], list[Cue]]:
    """Every trigger of a lower-cased text (leftmost-longest, on word boundaries) and every
    place where a cue word may occur, both by start."""
    hits, cues = [], []
    # (offsets in the spaced text are one more than in the text; a form ends before a space)
    for end_idx, (length, word, etype, noun, extra) in _automaton().iter(_spaced(lowered)):
        if word is None:
            start = end_idx - length
            for k in extra:
                cues.append((start, start + length, k))
        else:
            start = end_idx - length - 1
            # a phrase's spaces stand for any character that is no part of a word: check them
            if not extra or lowered.startswith(word, start):
                hits.append((start, -length, start + length, word, etype, noun))
    hits.sort()
    cues.sort()
    out, last_end = [], -1
    for start, _neg, end, word, etype, noun in hits:
        if start >= last_end:
            out.append(Trigger(start, end, word, etype, word in WEAK, noun))
            last_end = end
    return out, cues


@cache
def modality_words() -> dict[str, re.Pattern]:
    """Case-sensitive patterns of each kind of modality word, lower case or capitalized."""
    data = load("event_triggers")["modality"]
    out = {}
    for k, words in data.items():
        forms = set()
        for w in words:
            w = str(w)
            forms |= {w, w[:1].upper() + w[1:]}
        out[k] = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(forms, key=len, reverse=True)) + r")(?!\w)")
    return out


@cache
def word_sets() -> dict[str, frozenset[str]]:
    """Every list of words in event_triggers.yaml, by its key, lower-cased."""
    return {k: frozenset(str(w).lower() for w in v) for k, v in load("event_triggers").items() if isinstance(v, list)}


@cache
def phrasal_particles() -> dict[str, tuple[str, ...]]:
    """Verb lemma -> the particles that make another verb of it ('left ... out', 'fight on')."""
    return {k: tuple(str(w) for w in v) for k, v in (load("event_triggers").get("phrasal_particles") or {}).items()}


@cache
def needs_object() -> dict[str, frozenset[str]]:
    """Verb lemma -> the object nouns without which it states no event ('adopted a resolution')."""
    return {k: frozenset(v) for k, v in (load("event_triggers").get("needs_object") or {}).items()}


@cache
def no_event_objects() -> dict[str, frozenset[str]]:
    """Verb lemma -> the object nouns with which it states no event ('paid attention')."""
    return {k: frozenset(v) for k, v in (load("event_triggers").get("no_event_objects") or {}).items()}


@cache
def retype_by_object() -> dict[str, dict[str, str]]:
    """Verb lemma -> object noun -> the event type it makes ('released a photo' -> statement)."""
    out: dict[str, dict[str, str]] = {}
    for lemma, by_type in (load("event_triggers").get("retype_by_object") or {}).items():
        out[lemma] = {noun: etype for etype, nouns in by_type.items() for noun in nouns}
    return out


@cache
def not_alone_by() -> dict[str, frozenset[str]]:
    """Verb lemma -> the kinds of actor that alone make it no event ('she kept fighting')."""
    return {k: frozenset(v) for k, v in (load("event_triggers").get("not_alone_by") or {}).items()}


@cache
def needs_subject() -> dict[str, frozenset[str]]:
    """Verb lemma -> the kinds of subject without which it states no event ('Yokota disappeared')."""
    return {k: frozenset(v) for k, v in (load("event_triggers").get("needs_subject") or {}).items()}


@cache
def verb_types() -> dict[str, str]:
    """One-word verb lemma -> event type, for a trigger that the tagger reads as a verb."""
    data = load("event_triggers")
    out: dict[str, str] = {}
    for etype, groups in data.items():
        if isinstance(groups, dict) and etype not in _NOT_TYPES:
            for verb in groups.get("verbs") or []:
                if " " not in verb:
                    out.setdefault(verb.lower(), etype)
    return out


@cache
def _motion_forms() -> tuple[set[str], set[str]]:
    """Every form of the verbs of motion that need a goal after them, and of those that do not."""
    from kankei.analyze.lemmatize import _irregular
    sets = word_sets()

    def forms_of(lemmas) -> set[str]:
        forms = {f for f, lemma in _irregular().items() if lemma in lemmas}
        for w in lemmas:
            stem = w[:-1] if w.endswith("e") else w
            forms |= {w, w + "s", w + "es", stem + "ed", stem + "ing", w + w[-1] + "ed", w + w[-1] + "ing"}
            if w.endswith("y"):
                forms |= {w[:-1] + "ies", w[:-1] + "ied"}
        return forms
    return (forms_of(sets["motion"] - sets["motion_reaching"] - sets["motion_arriving"]), forms_of(sets["motion_reaching"]),
            forms_of(sets["motion_arriving"]))


@cache
def motion_pattern() -> re.Pattern:
    """Any form of a verb of motion ('went', 'travelled', 'flies'): a sentence with one may tell a
    journey though it holds no other trigger ('In 1990, Kanemaru traveled to Pyongyang')."""
    going, reaching, arriving = (("|".join(sorted(map(re.escape, forms), key=len, reverse=True)))
                                 for forms in _motion_forms())
    # (only with where to, close after: the clause analysis is the costly part, kept for those)
    return re.compile(r"\b(?:" + going + r")\b(?=[^.;]{0,60}?\b(?:to|for|into)\b)"
                      r"|\b(?:" + arriving + r")\b(?=[^.;]{0,60}?\b(?:to|for|into|at|in)\b)"
                      r"|\b(?:" + reaching + r")\b", re.IGNORECASE)


@cache
def _motion_words() -> frozenset[str]:
    return frozenset(f.lower() for forms in _motion_forms() for f in forms)


_WORD = re.compile(r"\w+")


@cache
def _weapon_flight() -> re.Pattern:
    sets = word_sets()
    forms = set().union(*(_inflect(w) for w in sets["weapon_motion"]))     # (irregular pasts included)
    alt = "|".join(sorted(map(re.escape, forms), key=len, reverse=True))
    weapons = "|".join(sorted(map(re.escape, sets["weapon_words"]), key=len, reverse=True))
    return re.compile(r"\b(?:" + weapons + r")\w*\b[^.;]{0,80}?\b(?:" + alt + r")\b", re.IGNORECASE)


def weapon_flight_in(text: str, s: int, e: int) -> bool:
    """'A Taepodong-1 flies over northern Japan': a weapon and a verb of its flight after it."""
    return _weapon_flight().search(text, s, e) is not None


def motion_in(text: str, s: int, e: int) -> bool:
    """motion_pattern() matches in text[s:e]. Its many alternatives are slow to try at every
    position, and most sentences hold none of its words. A match is a whole word of the
    sentence, so a sentence whose words are all ASCII and none of them a form of those verbs is
    passed over at once (beyond ASCII, case-insensitive matching is more than lower(): the
    search decides)."""
    words = " ".join(_WORD.findall(text, s, e))
    if words.isascii() and _motion_words().isdisjoint(words.lower().split()):
        return False
    return motion_pattern().search(text, s, e) is not None
