"""The tagger's corrections of nouns, determiners and modifiers after the model: 'that' before a
noun of time is a determiner, an -ing form after an article a noun, an -s word after an adjective a
plural, a lower-case common noun no part of a name ('the North Korean delegation')."""
from __future__ import annotations

import re


def that_as_determiner(words: list[str], tags: list[str], saying: frozenset[str]) -> None:
    """'overturned that part of the ruling': 'that' before a noun that a preposition or the
    sentence's end follows is its determiner, not a clause's opening (unless a verb of saying
    comes before it)."""
    n = len(tags)
    for i in range(1, n - 2):
        if words[i] == "that" and tags[i] in ("IN", "WDT") and tags[i - 1][:2] == "VB" and words[i - 1].lower() not in saying \
                and tags[i + 1] in ("NN", "NNS") and _no_verb_until_a_break(tags, i + 2):
            tags[i] = "DT"      # ('upheld that decision two years later')
        # ('overturned that ruling the following year': an -ing noun after it, and no verb of its own)
        elif words[i] == "that" and tags[i] == "IN" and tags[i - 1][:2] == "VB" and words[i - 1].lower() not in saying \
                and tags[i + 1] == "VBG" and tags[i + 2] in ("DT", "IN", ".", ",", "CC", ":"):
            tags[i], tags[i + 1] = "DT", "NN"



def _no_verb_until_a_break(tags: list[str], j: int) -> bool:
    """Whether no verb comes from j to the next punctuation (or the end)."""
    for t in tags[j:]:
        if t in (".", ",", ":", "CC"):
            return True
        if t[:2] == "VB" or t == "MD":
            return False
    return True


def that_before_a_time(words: list[str], tags: list[str], spans: frozenset[str],
                       months: frozenset[str] = frozenset()) -> None:
    """'on November 15 that year', 'that night', 'set up a committee that July': 'that' before a
    noun of time that ends its phrase is a determiner, not a relative pronoun."""
    n = len(tags)
    for i in range(n - 1):
        if words[i].lower() == "that" and tags[i] in ("WDT", "IN") \
                and (words[i + 1].lower() in spans or words[i + 1][:1].isupper() and words[i + 1].lower() in months) \
                and (i + 2 == n or tags[i + 2] in (",", ".", ":", "IN", "CC", "NNP", "DT", "PRP", "RB")):
            tags[i] = "DT"


INCLUSION_WORDS = frozenset(("included", "excluded", "aside", "excepted"))


def absolute_included(words: list[str], tags: list[str]) -> None:
    """'all Japanese, abductees included, and ...': a participle of inclusion after a noun, closing
    an aside, describes the noun; it is no verb of the sentence."""
    for i in range(2, len(tags) - 1):
        if words[i] in INCLUSION_WORDS and tags[i][:2] == "VB" \
                and tags[i - 1] in ("NN", "NNS", "NNP", "NNPS", "PRP") and tags[i + 1] in (",", ".", ":") \
                and "," in tags[max(0, i - 4):i - 1]:
            tags[i] = "JJ"


def that_after_a_day(words: list[str], tags: list[str]) -> None:
    """'told a committee on Wednesday that Japan would not ...': 'that' after a day, before a
    subject, opens what was told (or a cleft's clause), not a relative clause on the day."""
    for i in range(1, len(tags) - 1):
        if words[i] == "that" and tags[i] == "WDT" and _DAY_WORD.fullmatch(words[i - 1]) \
                and tags[i + 1] in ("NNP", "NNPS", "PRP", "DT", "NN", "NNS"):
            tags[i] = "IN"


_DAY_WORD = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|yesterday|\d{1,4}")


def gerund_as_noun(words: list[str], tags: list[str]) -> None:
    """'part of the ruling in October', 'the meeting.', 'the three-story building near': an -ing
    form right after a determiner (and an adjective), with no noun after it, is a noun."""
    n = len(tags)
    for i in range(1, n):
        if tags[i] != "VBG" or not (i + 1 == n or tags[i + 1] in ("IN", ".", ",", "CC", ":", "TO", "-RRB-", "VBD",
                                                                  "VBZ", "VBP", "MD")):
            continue
        k = i - 1
        if k > 0 and (tags[k] == "JJ" or tags[k] == "NN" and "-" in words[k]):
            k -= 1      # ('the new building', 'the three-story building')
        if tags[k] in ("DT", "PRP$", "POS") and words[k].lower() not in ("that", "this"):
            tags[i] = "NN"


def impossible_third_person(words: list[str], tags: list[str], past_forms: frozenset[str]) -> None:
    """'the education ministry said': a present -s verb ends in s; a word that does not cannot be
    one (the model guessed from a rare word's shape): a past form is the past, after I, we, you,
    they or a plural it is a present of another person, else a noun."""
    for i, t in enumerate(tags):
        if t == "VBZ" and not words[i].lower().endswith(("s", "'s", "’s")) and words[i].isalpha():
            # ('I presume that': a present verb of another person)
            before = words[i - 1].lower() if i else ""
            if words[i].lower() in past_forms:
                tags[i] = "VBD"     # ('a group that stole', 'who fought')
            else:
                tags[i] = "VBP" if before in ("i", "we", "you", "they") or i and tags[i - 1] == "NNS" else "NN"


def sentence_opening_noun(words: list[str], tags: list[str], seen_as) -> None:
    """'Figures released by the agency showed', 'Jenkins disappeared': no sentence opens on a
    present -s verb; before a participle, a preposition or a verb it is a plural the treebank
    knows, else a name."""
    if len(tags) > 1 and tags[0] == "VBZ" and words[0][:1].isupper() and tags[1] in ("VBN", "VBD", "IN", "VBZ", "VBP"):
        known = seen_as(words[0].lower())
        tags[0] = "NNS" if known and "NNS" in known else "NNP"


def plural_after_a_modifier(words: list[str], tags: list[str]) -> None:
    """'handed over cremated remains', 'for humanitarian needs': an -s word right after an
    adjective that a verb or a preposition opens is a plural noun (a bare adjective there is no
    subject for it to be the verb of; after a determiner it may be: 'the military says')."""
    for i in range(2, len(tags)):
        if tags[i] == "VBZ" and tags[i - 1] == "JJ" and words[i].lower().endswith("s") \
                and (tags[i - 2] in ("IN", "RP", "TO") or tags[i - 2][:2] == "VB"):
            tags[i] = "NNS"


def noun_after_article_before_preposition(words: list[str], tags: list[str]) -> None:
    """'an official at the ministry', 'a national of Japan': after 'a' or 'an', a word read as an
    adjective with a preposition right after it has no noun to describe: it is the noun."""
    for i in range(1, len(tags) - 1):
        if tags[i] == "JJ" and words[i - 1].lower() in ("a", "an") and tags[i + 1] == "IN" \
                and words[i + 1].lower() not in ("than", "as"):
            tags[i] = "NN"


def lowercase_not_proper(words: list[str], tags: list[str], seen_as) -> None:
    """'the North Korean delegation/NNP': a lower-case word the treebank knew as a common noun is
    no part of a name, whatever names stand before it ('bin', 'de' it never saw as nouns)."""
    for i, t in enumerate(tags):
        if t in ("NNP", "NNPS") and words[i][:1].islower() and words[i].isalpha():
            known = seen_as(words[i])
            if known and ("NN" in known or "NNS" in known):
                tags[i] = "NNS" if "NNS" in known and "NN" not in known else "NN"


def degree_before_adverb(words: list[str], tags: list[str]) -> None:
    """'most recently extending them', 'more quickly': a word of degree before an adverb is an adverb."""
    for i in range(len(tags) - 1):
        if tags[i] in ("JJS", "JJR") and tags[i + 1] == "RB" and words[i].lower() in ("most", "more", "least", "less"):
            tags[i] = "RBS" if tags[i] == "JJS" else "RBR"


def gerund_before_noun(words: list[str], tags: list[str]) -> None:
    """'a North Korean fishing boat', 'the ruling party': an -ing form inside a noun phrase that a
    determiner opens, right before its noun, is a modifier, not a verb."""
    n = len(tags)
    for i in range(1, n - 1):
        if tags[i] != "VBG" or tags[i + 1] not in ("NN", "NNS"):
            continue
        j = i - 1
        while j >= 0 and tags[j] in ("JJ", "NNP", "NNPS", "CD", "HYPH"):
            j -= 1
        if j >= 0 and j < i and tags[j] in ("DT", "PRP$", "POS") and words[j].lower() not in ("that", "this", "all", "both"):
            tags[i] = "JJ"


_ORDINAL = re.compile(r"(?:\d+(?:st|nd|rd|th)|(?:twenty-|thirty-)?(?:first|second|third|fourth|fifth|sixth|seventh"
                      r"|eighth|ninth)|tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth|twentieth"
                      r"|thirtieth)", re.IGNORECASE)


def ordinal_before_noun(words: list[str], tags: list[str]) -> None:
    """'the ninth round', 'the tenth and eleventh rounds': an ordinal after a determiner (or in
    a coordination of them) is an adjective, and the word it goes with a noun."""
    n = len(tags)
    for i in range(1, n - 1):
        if tags[i - 1] not in ("DT", "PRP$", "POS", "CC", "JJ") or not _ORDINAL.fullmatch(words[i]):
            continue
        tags[i] = "JJ"
        if tags[i + 1] in ("RB", "VB", "VBP") and words[i + 1].isalpha() and words[i + 1].islower():
            tags[i + 1] = "NNS" if words[i + 1].endswith("s") else "NN"
