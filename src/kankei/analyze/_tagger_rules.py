"""The tagger's rules that ask what the treebank saw a word as (a mixin of analyze/tagger.py's
Tagger: its `cands`, `rare`, `seen_as`, `verb_base`, `openers`): news syntax the web treebank
rarely shows ("Japan imposed sanctions", "Tokyo lifts part of its sanctions", "the ban remains")."""
from __future__ import annotations

from .tag_rules import NP_BODY as _NP_BODY
from .tag_rules import OBJECT_START as _OBJECT_START
from .tag_rules import SUBJECT_END as _SUBJECT_END


class LexicalRules:
    """Rules over the tags of a sentence that read the treebank's counts of a word's tags."""

    def _verb_after_and(self, words: list[str], tags: list[str]) -> None:
        """'has lodged a protest and condemns these acts': an -s form after 'and', before an object,
        in a sentence that has its verb, is a second verb (when the treebank saw it as one)."""
        for i in range(2, len(tags) - 1):
            if tags[i] == "NNS" and tags[i - 1] == "CC" and tags[i + 1] in ("DT", "PRP$", "CD") \
                    and any(t in ("VBD", "VBZ", "VBP", "MD") for t in tags[:i - 1]):
                seen = self.cands.get(words[i]) or self.rare.get(words[i])
                if seen is not None and "VBZ" in seen or seen is None and words[i].endswith("s") \
                        and self.verb_base(words[i][:-1]) and not self.cands.get(words[i][:-1], ()).count("NN"):
                    tags[i] = "VBZ"     # (one it never saw: the -s form of a verb it saw, not of a noun)

    def _unknown_verb_after_name(self, words: list[str], tags: list[str]) -> None:
        """'Megumi Yokota disappears on her way home': an -s word the treebank never showed, right
        after a name and before a preposition, in a sentence with no verb, is the name's verb."""
        if any(t.startswith("VB") or t == "MD" for t in tags):
            self._s_verb_after_opening_name(words, tags)
            return
        for i in range(1, len(tags) - 1):
            w = words[i]
            if tags[i] == "NNS" and tags[i + 1] in ("IN", "RB", ".") and w.islower() \
                    and w not in self.cands and w not in self.rare \
                    and (tags[i - 1] == "NNP" or tags[i - 1] == "NN" and _determined(tags, i - 1)):
                tags[i] = "VBZ"         # (or after a noun a determiner opens: 'The last ship sails.')
                return

    def _s_verb_after_opening_name(self, words: list[str], tags: list[str]) -> None:
        """'1995 - Tokyo agrees in June to supply rice, as shortages spread': an -s form that can be
        a verb, after a name that opens a clause and before a preposition, with no finite verb after
        it in its clause, is the name's verb ('Japan talks in Beijing ended' keeps its noun)."""
        n = len(tags)
        for i in range(1, n - 1):
            if tags[i] != "NNS" or not (tags[i - 1] == "NNP" or _capitalized_body(words, tags, i - 1)) \
                    or not words[i].islower() or tags[i + 1] not in ("IN", "TO", "DT", "PRP$") \
                    and not (tags[i + 1] == "NN" and i + 2 < n and words[i + 2] == "of"):
                continue        # ('Japan lifts its ban', 'Japan lifts part of its sanctions')
            seen = self.seen_as(words[i])
            if seen is not None and "VBZ" not in seen:
                continue
            k = i - 1
            while k > 0 and tags[k - 1] == "NNP":
                k -= 1
            if tags[i - 1] == "NN":
                k = i - 2       # (from its 'the')
            if k > 0 and tags[k - 1] not in (":", ",", "CC", "SYM") and not (tags[k - 1] == "CD" and words[k - 1].isdigit()):
                continue
            j = i + 1
            while j < n and tags[j] not in (",", ":", ".", "CC") and tags[j] not in ("VBD", "VBZ", "VBP", "MD") \
                    and not (tags[j] == "IN" and words[j].lower() in self.openers):
                j += 1      # (to the clause's end: 'as the North launches ...' is a clause of its own)
            if j < n and tags[j] in ("VBD", "VBZ", "VBP", "MD"):
                continue
            tags[i] = "VBZ"

    def _plural_after_verb(self, words: list[str], tags: list[str]) -> None:
        """'Pyongyang returned remains': an -s form right after a past verb, which the treebank
        also saw as a plural noun, is that verb's object."""
        for i in range(1, len(tags)):
            if tags[i] == "VBZ" and tags[i - 1] in ("VBD", "VBN") and words[i][:1].islower():
                seen = self.cands.get(words[i]) or self.rare.get(words[i]) or ()
                if "NNS" in seen:
                    tags[i] = "NNS"

    def _noun_not_adjective(self, words: list[str], tags: list[str]) -> None:
        """A word the treebank saw as a noun and never as an adjective, tagged JJ after a determiner
        with no noun after it, is the noun ("the ban remains"); an -s form after it is then its verb."""
        n = len(tags)
        for i in range(1, n - 1):
            if tags[i] != "JJ" or tags[i - 1] not in ("DT", "PRP$") or tags[i + 1] in _NP_BODY and tags[i + 1] != "NNS":
                continue
            seen = self.cands.get(words[i]) or self.rare.get(words[i])
            if not seen or "NN" not in seen or "JJ" in seen:
                continue
            tags[i] = "NN"
            nxt = self.cands.get(words[i + 1]) or self.rare.get(words[i + 1]) or ()
            if tags[i + 1] == "NNS" and "VBZ" in nxt and (i + 2 >= n or tags[i + 2] in ("IN", "RB", "TO", ".", "DT", "VBN")):
                tags[i + 1] = "VBZ"


_OBJECT_START_OR_NN = _OBJECT_START | {"NN"}


def _capitalized_body(words: list[str], tags: list[str], k: int) -> bool:
    """'The Commission', 'The Council': a capitalized common noun after 'the' names a body."""
    return tags[k] == "NN" and k > 0 and words[k][:1].isupper() and words[k - 1].lower() == "the"


def _determined(tags: list[str], k: int) -> bool:
    """Whether the noun at k ends a phrase a determiner opens ('the last repatriation ship')."""
    while k > 0 and tags[k - 1] in ("NN", "JJ", "NNP", "HYPH"):
        k -= 1
    return k > 0 and tags[k - 1] == "DT"


def _finite_ahead(words: list[str], tags: list[str], j: int, openers: frozenset[str]) -> bool:
    """Whether a finite verb comes before the clause ends (at a comma, colon, stop, conjunction,
    or a word that opens a clause of its own: 'so that families will not have to')."""
    while j < len(tags) and tags[j] not in (",", ":", ".", "CC", "WDT", "WP") \
            and not (tags[j] == "IN" and words[j].lower() in openers):
        if tags[j] in ("VBD", "VBZ", "VBP", "MD"):
            return True
        j += 1
    return False


def verb_after_subject(words: list[str], tags: list[str], past_forms: frozenset[str],
                        base_forms: frozenset[str], verb_base, to_verbs: frozenset[str], seen_as,
                        openers: frozenset[str]) -> None:
    """News syntax the web treebank rarely shows: "Japan imposed sanctions", "North Korea froze
    assets", "Japan not only imposed ...", "North Korea tests a missile". A past form tagged as an
    adjective (a base form tagged as an adjective or a noun: VBP), or an -s form tagged as a
    plural, between a subject (adverbs may stand between) and the start of an object, is the
    clause's verb; so is a past form after "and/but"
    once the sentence has a verb ("... but also froze assets")."""
    n = len(tags)
    for i in range(1, n - 1):
        t = tags[i]
        if t == "NN" or t == "FW":
            t = "JJ"                              # Kim and Koizumi shake/NN hands: judged like an adjective
        elif t != "JJ" and t != "NNS":
            continue
        if tags[i + 1] not in _OBJECT_START_OR_NN and not (t == "NNS" and tags[i + 1] == "TO"):
            continue                              # (what follows starts no object: spares the word's checks)
        low = words[i].lower()
        base = low in base_forms or (tags[i] == "NN" and verb_base(low))
        if t == "JJ" and not (low.endswith("ed") and tags[i] == "JJ" or low in past_forms or base):
            continue
        k = i - 1
        while k > 0 and tags[k] in ("RB", "RBR"):
            k -= 1
        # ', and allegedly committed suicide': a past form after a comma and a conjunction
        # (or an adverb between: 'was kidnapped in 1977 and allegedly committed suicide')
        after_comma_and = t == "JJ" and tags[k] == "CC" and k > 0 and (tags[k - 1] == "," or k < i - 1) \
            and low.endswith("ed") and tags[i + 1] in ("NN", "NNS")
        # ('Pyongyang later demanded compensation': after a name, a bare noun object too)
        # ('Iwaya plans to discuss', 'said the school plans to open': an -s form before 'to' after
        # a name, or after a singular noun a determiner opens, is its verb)
        to_subject = t == "NNS" and tags[i + 1] == "TO" and low in to_verbs and (
            tags[k] == "NNP" or tags[k] == "NN" and _determined(tags, k) and i + 2 < n and tags[i + 2] == "VB"
            and not _finite_ahead(words, tags, i + 3, openers))     # ('the peace plans to be signed were shelved')
        named_subject = t == "JJ" and tags[i] == "JJ" and low.endswith("ed") and tags[k] in ("NNP", "NNPS", "PRP") \
            and tags[i + 1] in ("NN", "NNS") or to_subject
        if not after_comma_and and not named_subject and (
                tags[i + 1] not in _OBJECT_START or (t == "NNS" and tags[i + 1] not in ("DT", "CD", "PRP$"))):
            continue
        if t == "JJ" and tags[k] == "CC" and (low in past_forms or tags[i + 1] in ("DT", "PRP$", "CD", "PRP")
                                              or after_comma_and) \
                and any(x in ("VBD", "VBZ", "VBP") for x in tags[:k]):
            tags[i] = "VBP" if base else "VBD"    # ... imposed sanctions but also froze assets
            continue
        # ('This brief reviews the origins': an -s form between a determined singular noun and a
        # determiner; a compound noun ends before 'the')
        noun_subject = t == "NNS" and tags[k] == "NN" and tags[i + 1] in ("DT", "PRP$") and _determined(tags, k) \
            and ("VBZ" in (seen_as(words[i]) or ("VBZ",)) or verb_base(words[i][:-1].lower())) \
            or to_subject and tags[k] == "NN"
        if tags[k] not in _SUBJECT_END or (t == "NNS" and tags[k] != "NNP" and not noun_subject):
            continue
        if k > 0 and tags[k - 1] in ("DT", "PRP$", "POS", "JJ") and tags[k] in ("NN", "NNS") and not base \
                and not noun_subject:
            continue                              # the ban | imposed ...: keep to names and pronouns as subjects
        if base and tags[k] in ("NN", "NNP") and k > 0 and tags[k - 1] not in ("CC", "NNP", ","):
            continue                              # a singular subject takes "shares", not "share"
        tags[i] = ("VBP" if base else "VBD") if t == "JJ" else "VBZ"
