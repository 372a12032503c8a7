"""The tagger's corrections after the model: rules over the tags of a whole sentence where the
treebank's web text taught the model a reading news prose rarely has ('The government on
Tuesday extended/VBN' is a past; 'the people abducted/VBD in the 1970s were' a participle)."""
from __future__ import annotations

OBJECT_START = frozenset(("DT", "CD", "PRP$", "NNS", "NNP", "NNPS", "PRP"))
SUBJECT_END = frozenset(("NNP", "NNPS", "PRP", "NNS", "NN"))
_OBJECT_PRONOUNS = frozenset(("him", "her", "them", "us", "me"))
_AUXILIARIES = frozenset(("has", "have", "had", "having", "is", "are", "was", "were", "be", "been", "being", "get",
                          "got", "gets"))


def past_before_object_pronoun(words: list[str], tags: list[str]) -> None:
    """'the families pressed him to act': an -ed form with an object pronoun right after it and no
    auxiliary before it is a past tense (a participle takes no object of its own), and 'their
    loved ones' then keeps its adjective."""
    for i in range(1, len(tags) - 1):
        if tags[i] == "VBN" and words[i + 1].lower() in _OBJECT_PRONOUNS \
                and not any(w.lower() in _AUXILIARIES for w in words[max(0, i - 3):i]):
            tags[i] = "VBD"
        if tags[i] == "VBD" and tags[i - 1] == "PRP$" and tags[i + 1] in ("NNS", "NN"):
            tags[i] = "JJ"      # ('their loved ones')


def past_before_comma_and(words: list[str], tags: list[str]) -> None:
    """'A decade later, talks resumed, and in May the two sides agreed': an -ed form right after
    its noun and before ', and' or ', but' ends a clause: a past, not a participle."""
    for i in range(1, len(tags) - 2):
        if tags[i] == "VBN" and words[i + 1] == "," and words[i + 2].lower() in ("and", "but") \
                and tags[i - 1] in ("NN", "NNS", "NNP", "NNPS", "PRP") \
                and not any(w.lower() in _AUXILIARIES for w in words[max(0, i - 3):i]):
            tags[i] = "VBD"


def participle_in_apposition(words: list[str], tags: list[str]) -> None:
    """'banned the rallies, a decision upheld by the High Court': a past form after a noun phrase
    set off by a comma, with 'by' after it, describes that noun: a participle."""
    for i in range(3, len(tags) - 1):
        if tags[i] == "VBD" and words[i + 1] == "by" and tags[i - 1] in ("NN", "NNS") \
                and (tags[i - 2] == "DT" and tags[i - 3] == "," or tags[i - 2] == "JJ" and i > 3
                     and tags[i - 3] == "DT" and tags[i - 4] == ","):
            tags[i] = "VBN"


def past_before_infinitive(words: list[str], tags: list[str]) -> None:
    """'A spokesman at its headquarters declined to comment': in a sentence with no finite verb,
    an -ed form after a noun and before 'to' and a verb is the sentence's verb, a past."""
    if any(t in ("VBD", "VBZ", "VBP", "MD") for t in tags):
        return
    for i in range(1, len(tags) - 2):
        if tags[i] == "VBN" and tags[i - 1] in ("NN", "NNS", "NNP", "NNPS") and words[i + 1].lower() == "to" \
                and tags[i + 2] in ("VB", "NN") and words[i].lower().endswith("ed"):
            tags[i] = "VBD"
            return


def plural_before_its_verb(words: list[str], tags: list[str], seen_as) -> None:
    """'Further launches followed in July': an -s form right before a past form is a plural
    subject and the past its verb (no auxiliary: 'has followed' keeps its verb)."""
    for i in range(len(tags) - 1):
        if tags[i] == "VBZ" and tags[i + 1] in ("VBN", "VBD") and words[i].islower() \
                and words[i] not in _AUXILIARY_S and _plural_noun(words[i], seen_as) \
                and "VBD" in (seen_as(words[i + 1]) or ()):
            tags[i], tags[i + 1] = "NNS", "VBD"


def _plural_noun(word: str, seen_as) -> bool:
    """Seen as a plural noun, or the plural of a word seen as a noun ('launches': 'launch')."""
    return "NNS" in (seen_as(word) or ()) or any("NN" in (seen_as(stem) or ()) for stem in (word[:-1], word[:-2]))


_AUXILIARY_S = frozenset({"has", "is", "was", "does", "gets", "seems", "remains", "becomes", "appears"})


def hyphened_adjective(words: list[str], tags: list[str], seen_as) -> None:
    """'13 tons of short-necked clams', 'a long-awaited visit': an -ed compound whose first part is
    only an adjective or adverb, before a noun, describes it; it is no finite verb ('test-fired
    missiles' keeps its verb: 'test' can be one)."""
    for i in range(len(tags) - 1):
        if tags[i] not in ("VBD", "VBN") or tags[i + 1][:2] != "NN":
            continue
        w = words[i]
        cut = w.rfind("-")
        if cut <= 0 or not w.endswith("ed"):
            continue
        first = seen_as(w[:cut].lower())
        if first and all(t[:2] in ("JJ", "RB") for t in first):
            tags[i] = "JJ"


def past_after_age(words: list[str], tags: list[str]) -> None:
    """'the fisherman, 64, told reporters': an -ed or irregular form right after a person's age set
    off by commas is the person's verb, a past (not 'by' after it: a passive)."""
    for i in range(4, len(tags)):
        if tags[i] == "VBN" and tags[i - 1] == "," and tags[i - 2] == "CD" and tags[i - 3] == "," \
                and tags[i - 4] in ("NN", "NNS", "NNP", "NNPS") and words[i - 2].isdigit() \
                and (i + 1 >= len(words) or words[i + 1].lower() != "by"):
            tags[i] = "VBD"


def base_after_participle(words: list[str], tags: list[str], seen_as) -> None:
    """'were allowed brief home visits': a base form right after a participle (no 'to' between:
    no infinitive) that the treebank also saw as an adjective, before a noun, is that adjective."""
    for i in range(1, len(tags) - 1):
        if tags[i] == "VB" and tags[i - 1] == "VBN" and words[i].islower() \
                and (tags[i + 1] in ("NN", "NNS") or tags[i + 1] == "RB" and i + 2 < len(tags) and tags[i + 2] in ("NN", "NNS")) \
                and "JJ" in (seen_as(words[i]) or ()):
            tags[i] = "JJ"


def last_before_past(words: list[str], tags: list[str]) -> None:
    """'The two countries last held talks in 2014': 'last' between a subject and a past form is
    an adverb, and the past form the clause's verb."""
    for i in range(1, len(tags) - 1):
        if words[i].lower() in ("last", "first") and tags[i] == "JJ" and tags[i + 1] in ("VBN", "VBD") \
                and (tags[i - 1] in ("NNS", "NNP", "NNPS", "NN", "PRP") or tags[i - 1] == "," and _after_a_relative(tags, i)):
            tags[i], tags[i + 1] = "RB", "VBD"     # (or after an aside: 'The two countries, which have ..., last held')


def _after_a_relative(tags: list[str], i: int) -> bool:
    """Whether position i follows an aside a relative pronoun opens, with no finite verb before it."""
    k = next((j for j in range(i) if tags[j] in ("WDT", "WP")), None)
    return k is not None and k > 0 and tags[k - 1] == "," and not any(t in _FINITE for t in tags[:k])


_SUBJECT_PRONOUNS = frozenset(("he", "she", "it", "they", "we", "i", "you"))


def past_after_pronoun(words: list[str], tags: list[str]) -> None:
    """'When it adopted resolution 2397': an -ed form read as a noun or an adjective right after
    a subject pronoun is its verb, a past."""
    for i in range(1, len(tags)):
        if tags[i] in ("NN", "JJ", "VBZ") and tags[i - 1] == "PRP" and words[i - 1].lower() in _SUBJECT_PRONOUNS \
                and words[i].islower() and words[i].endswith("ed") and len(words[i]) > 4:
            tags[i] = "VBD"


def past_before_an_aside(words: list[str], tags: list[str]) -> None:
    """'the General Assembly adopted, for the 19th year, a resolution': an -ed form after a name,
    with a phrase set off by commas between it and its object, is the name's verb, a past."""
    n = len(tags)
    for i in range(1, n - 4):
        if tags[i] not in ("JJ", "VBN") or tags[i + 1] != "," or tags[i - 1] not in ("NNP", "NNPS") \
                or not words[i].lower().endswith("ed") or tags[i + 2] != "IN":
            continue
        j = i + 3
        while j < n and tags[j] in _PP_BODY:
            j += 1
        if j + 1 < n and tags[j] == "," and tags[j + 1] in ("DT", "CD", "PRP$") \
                and not any(t in _FINITE for t in tags[:i]):
            tags[i] = "VBD"


_APPOSITIVE_OPENERS = frozenset(("DT", "CD", "JJ", "NN", "NNP", "PRP$"))


def past_after_appositive(words: list[str], tags: list[str]) -> None:
    """'Pak, 51, a graduate of the class of 1980, praised parents': an -ed form read as an
    adjective right after an aside that describes a name (no verb in it, none before the name) is
    the name's verb, a past, when an object follows it."""
    n = len(tags)
    for i in range(4, n - 1):
        if tags[i] not in ("JJ", "VBN") or tags[i - 1] != "," or not words[i].lower().endswith("ed") \
                or tags[i + 1] not in OBJECT_START and tags[i + 1] != "NN":
            continue
        j = i - 2
        while j > 0 and tags[j] != "," and tags[j] in NP_BODY | {"IN"}:
            j -= 1      # back to the comma that opens the aside (an age's comma too: ', 51, a ...')
        while j > 2 and tags[j] == "," and tags[j - 1] == "CD" and tags[j - 2] == ",":
            j -= 2
        if j < 1 or tags[j] != "," or tags[j + 1] not in _APPOSITIVE_OPENERS or tags[j - 1] not in ("NNP", "NNPS") \
                or any(t in _FINITE for t in tags[:j]):
            continue
        tags[i] = "VBD"


def participle_only_forms(words: list[str], tags: list[str], forms: frozenset[str]) -> None:
    """'the 13-year-old taken from a Niigata street': a form that is only ever a participle is one."""
    for i, w in enumerate(words):
        if tags[i] == "VBD" and w.lower() in forms:
            tags[i] = "VBN"


def said_as_past(words: list[str], tags: list[str]) -> None:
    """'An official at the ministry said on Friday': 'said' with no auxiliary of the perfect or
    the passive before it, and no noun after it ('the said agreement'), is the past tense."""
    for i, w in enumerate(words):
        if w != "said" or tags[i] != "VBN" or i + 1 < len(tags) and tags[i + 1] in ("NN", "NNS", "JJ"):
            continue
        if not any(x.lower() in _AUXILIARIES for x in words[max(0, i - 4):i]):
            tags[i] = "VBD"


def noun_read_as_adverb(words: list[str], tags: list[str], adverbs: frozenset[str]) -> None:
    """'the spring rally in Osaka': a word the model read as an adverb, closing a noun phrase a
    determiner opens and before a preposition, a stop or a finite verb, is its noun, unless it is an -ly adverb
    (nouns 'rally', 'assembly', 'family', 'supply', 'reply' are not) or an adverb that follows
    nouns ('a year ago', 'the day before')."""
    for i in range(1, len(tags)):
        lower = words[i].lower()
        if tags[i] != "RB" or lower.endswith("ly") and not lower.endswith(("ally", "mbly", "mily", "pply", "eply")) \
                or lower.endswith(("ically", "ually", "ntally", "onally", "eally", "ially")) or lower in adverbs \
                or not words[i].isalpha():
            continue
        before_verb = i + 1 < len(tags) and tags[i + 1] in ("VBD", "VBZ", "VBP", "MD")
        if i + 1 < len(tags) and tags[i + 1] not in ("IN", ".", ",", ":", "CC") and not before_verb \
                or before_verb and tags[i - 1] not in ("DT", "PRP$"):
            continue        # (or right after its article, before its verb: 'A rally took place')
        j = i - 1
        while j > 0 and tags[j] in ("NN", "NNS", "NNP", "JJ"):
            j -= 1
        if tags[j] in ("DT", "PRP$", "POS") and (j < i - 1 or words[j].lower() in ("a", "an", "the")):
            tags[i] = "NN"      # ('the spring rally in Osaka', 'a rally against the sanctions')


def participle_before_noun(words: list[str], tags: list[str]) -> None:
    """'battered boats drifted ashore', 'the abducted girl': a participle with no auxiliary before
    it, right before the noun it describes at the start of a noun phrase, is an adjective."""
    n = len(tags)
    for i in range(n - 1):
        if tags[i] != "VBN" or tags[i + 1] not in ("NN", "NNS") or not words[i].lower().endswith("ed"):
            continue
        before = tags[i - 1] if i > 0 else ""
        if before == "," and tags[:i].count(",") >= 2 and tags[i - 2] in ("NN", "NNS", "NNP") \
                and not any(t in ("VBD", "VBZ", "VBP", "MD") for t in tags[:i]):
            continue    # ('one of the plaintiffs, a woman, described years of hunger': the clause's verb)
        if i == 0 or before in ("DT", "PRP$", "POS", ",", "``", "JJ", "CD") \
                or before == "CC" and i > 1 and tags[i - 2] in ("JJ", ","):
            tags[i] = "JJ"


def flight_verb_after_name(words: list[str], tags: list[str], flight: frozenset[str]) -> None:
    """'A Taepodong-1 flies over northern Japan': an -s form of a verb of flight after a name or a
    number-like name, before its preposition, is the verb, not a plural noun."""
    for i in range(1, len(tags) - 1):
        if tags[i] == "NNS" and words[i].lower() in flight and tags[i - 1] in ("CD", "NNP", "NN", "NNS") \
                and tags[i + 1] in ("IN", "RB", "RP"):
            tags[i] = "VBZ"


def state_as_modifier(words: list[str], tags: list[str], heads: frozenset[str]) -> None:
    """'state media said', 'state television reported': 'state' before a noun of the media is its
    modifier, not a verb of saying."""
    for i in range(len(tags) - 1):
        if words[i].lower() == "state" and words[i + 1].lower() in heads:
            tags[i] = "NN"


def homograph_as_base(words: list[str], tags: list[str], homographs: frozenset[str]) -> None:
    """'helped found the association', 'decided to found a party': a past form that is another
    verb's base ('found'), after 'to' or 'help', is that base form, not the past of 'find'."""
    for i in range(1, len(tags)):
        if words[i].lower() in homographs and words[i - 1].lower() in ("to", "help", "helped", "helps", "helping"):
            tags[i] = "VB"


PRONOUN_SUBJECTS = frozenset(("I", "we", "We", "you", "You", "they", "They"))
HELP_FORMS = frozenset(("help", "helped", "helps", "helping"))


def present_after_a_pronoun(words: list[str], tags: list[str], verb_base) -> None:
    """'We welcome the judgment', 'we deeply regret that ...': after I, we, you or they (and
    adverbs) opening a clause, a base form the treebank knows as a verb is a present tense (and
    so is a word it took for an interjection: no 'we' stands before one in prose)."""
    for i in range(1, len(tags)):
        if tags[i] not in ("UH", "VB", "NN", "JJ"):
            continue
        j = i - 1
        while j >= 0 and tags[j] == "RB":
            j -= 1
        if j >= 0 and words[j].lower() in ("i", "we", "you", "they") and tags[j] == "PRP" \
                and (j == 0 or tags[j - 1] in (",", ":", "CC", "IN", "``", "''", "-LRB-", "VBP", "VBD", "VBZ")) \
                and (tags[i] == "UH" or verb_base(words[i].lower())):
            tags[i] = "VBP"


def noun_after_help(words: list[str], tags: list[str], verb_base) -> None:
    """'helped finance the project', 'help fund the school': after 'help' a word the treebank knew
    as a base-form verb, with its object after it, is that verb, not a noun."""
    for i in range(1, len(tags) - 1):
        if tags[i] in ("NN", "NNS") and words[i - 1].lower() in HELP_FORMS \
                and tags[i + 1] in OBJECT_START and verb_base(words[i].lower()):
            tags[i] = "VB"


_BE = frozenset(("was", "were", "is", "are", "been", "be", "being"))
_NOMINAL_NEXT = frozenset(("NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "CD", "HYPH", "POS", "VBG"))


def people_not_adjective(words: list[str], tags: list[str]) -> None:
    """'the families of Japanese abducted by agents': a capitalized adjective of nationality after
    'of' with no noun after it names the people."""
    for i in range(1, len(tags) - 1):
        if tags[i] == "JJ" and words[i][:1].isupper() and words[i - 1].lower() == "of" \
                and tags[i + 1] not in _NOMINAL_NEXT:
            tags[i] = "NNPS"


def passive_not_adjective(words: list[str], tags: list[str], months: frozenset[str]) -> None:
    """'Minsen was dissolved and replaced by ...', 'was dissolved by the court': an -ed form after
    a form of 'be' with an agent or a coordinated participle after it is a passive, not an adjective."""
    n = len(tags)
    for i in range(1, n - 1):
        if tags[i] != "JJ" or not words[i].lower().endswith("ed") or words[i - 1].lower() not in _BE:
            continue
        nxt = words[i + 1].lower()
        if nxt == "by" or tags[i + 1] == "CC" and i + 2 < n and tags[i + 2] == "VBN":
            tags[i] = "VBN"
        elif nxt in ("later", "earlier") or nxt in ("in", "on") and i + 2 < n and (
                is_year(words[i + 2]) or words[i + 2].lower() in months):
            tags[i] = "VBN"     # ('its schools were closed later that autumn', 'was closed in 1949': done then)


def reduced_relative(words: list[str], tags: list[str]) -> None:
    """"the funds embezzled went to ...", "the people abducted in the 1970s were ...": of two
    finite verbs after a noun, with nothing or a prepositional phrase between, the first (an
    -ed form) is a participle describing the noun, the second the clause's verb."""
    n = len(tags)
    for i in range(1, n - 1):
        if tags[i] != "VBD" or not words[i].lower().endswith("ed") or tags[i - 1] not in ("NN", "NNS", "NNP", "NNPS"):
            continue
        if tags[i + 1] in ("VBD", "VBZ", "VBP"):
            tags[i] = "VBN"
            continue
        # 'the people abducted in the 1970s were never seen': a common noun's -ed form, then
        # only a prepositional phrase before a finite verb
        if tags[i + 1] != "IN" or tags[i - 1] not in ("NN", "NNS") or i < 2 or tags[i - 2] not in ("DT", "JJ", "CD"):
            continue
        j = i + 2
        while j < n and (tags[j] in _PP_BODY or tags[j] in ("IN", "CC") and j + 1 < n and tags[j + 1] in _PP_BODY
                         and words[j].lower() not in _SUBORDINATORS):
            j += 1      # ('abducted by agents in the 1970s and 1980s | met')
        if j < n and tags[j] in ("VBD", "VBZ", "VBP") and j > i + 2:
            tags[i] = "VBN"


def appositive_participle(words: list[str], tags: list[str]) -> None:
    """"Chongryon, founded in 1955, campaigned ...": an -ed form set off by commas right after a
    name or noun is a participle describing it, and the -ed form after the closing comma, with no
    other verb before it, is the clause's finite past (the treebank's tagger often reads them the
    other way round)."""
    n = len(tags)
    for i in range(2, n - 3):
        # (an irregular participle too: 'credit unions, known as chogin, collapsed')
        if tags[i] not in ("VBD", "VBN") or tags[i - 1] != "," or tags[i - 2] not in ("NN", "NNS", "NNP", "NNPS") \
                or not (words[i].lower().endswith("ed") or tags[i] == "VBN"):
            continue
        j = i + 1
        while j < n and tags[j] not in (",", ".", ":") and tags[j][:2] != "VB" and tags[j] != "MD":
            j += 1
        if j + 1 >= n or tags[j] != "," or j == i + 1:
            continue
        k = j + 1
        while k < n and tags[k] in ("RB", "RBR"):
            k += 1
        if k < n and tags[k] in ("VBN", "VBD") and words[k].lower().endswith("ed") and words[j + 1].lower() != "and":
            tags[i], tags[k] = "VBN", "VBD"


NP_BODY = frozenset(("NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "DT", "PDT", "PRP$", "CD", "POS", "HYPH"))
_AFTER_PAST = frozenset(("DT", "CD", "PRP$", "NNS", "NNP", "NNPS", "PRP", "NN", "JJ", "RP", "IN", "TO", "RB"))
_CLAUSE_END = frozenset((",", ":", ".", "CC", "WDT", "WP", "-LRB-"))
_FINITE = frozenset(("VBD", "VBZ", "VBP", "MD"))
_PP_BODY = frozenset(("DT", "JJ", "NN", "NNS", "NNP", "NNPS", "CD", "POS", "PRP$", "HYPH"))
_SUBORDINATORS = frozenset(("that", "whether"))
_SUBJECT_PREPS = frozenset(("of", "in", "at", "from"))


def is_year(word: str) -> bool:
    """A four-digit year (1000-2099)."""
    return len(word) == 4 and word.isdigit() and "1000" <= word < "2100"


def past_after_clause_subject(words: list[str], tags: list[str], only_past: frozenset[str],
                               openers: frozenset[str], saying: frozenset[str] = frozenset()) -> None:
    """A past tense the treebank's web text taught the tagger to read as a participle (or, for
    irregular pasts it rarely saw, a noun): "In 1995 Japan provided/VBN aid", "the missile flew/NN
    over". A participle with no auxiliary right after a subject noun phrase that opens a clause (the
    sentence's start, a comma, a coordinator, a subordinator, an opening time phrase), followed by an
    object, a particle or a prepositional phrase, with no finite verb after it in the same clause,
    is the clause's finite past; an irregular form that is only ever a past is one after any subject."""
    n = len(tags)
    for i in range(1, n):
        t = tags[i]
        if t == "VBN":
            past_only = False
        elif (t[:2] in ("NN", "JJ") or t == "CD" and words[i].isalpha()) and words[i].lower() in only_past:
            past_only = True
        else:
            continue
        k = i - 1
        while k > 0 and tags[k] in ("RB", "RBR"):
            k -= 1
        if tags[k] not in SUBJECT_END or k == i - 1 and tags[k] == "POS":
            continue
        if past_only:
            tags[i] = "VBD"                     # the missile flew over
            continue
        if i + 1 >= n or tags[i + 1] not in _AFTER_PAST or words[i + 1].lower() == "by":
            continue                            # abducted by agents: a passive
        s = k                                   # the subject's first word
        while s > 0 and tags[s - 1] in NP_BODY and not (tags[s - 1] == "CD" and is_year(words[s - 1])):
            s -= 1
        while s > 1 and words[s - 1].lower() in _SUBJECT_PREPS and tags[s - 2] in ("NN", "NNS", "NNP", "NNPS"):
            s2 = s - 1                          # ('the leaders of the three countries met': the whole phrase,
            while s2 > 0 and tags[s2 - 1] in NP_BODY and not (tags[s2 - 1] == "CD" and is_year(words[s2 - 1])):
                s2 -= 1                         # one a determiner opens; not a headline's 'Son of leader detained')
            # ('police in Shimane Prefecture arrested': a bare plural with its place)
            if tags[s2] not in ("DT", "PRP$", "CD") and not (s2 == s - 2 and tags[s2] == "NNS" and words[s - 1].lower() != "of"):
                break
            s = s2
        if s > 1 and tags[s - 1] == "IN" and words[s - 1].lower() in ("on", "in", "last") and _time_word(words[s:k + 1]):
            # 'The government on Tuesday extended ...': a time between the subject and its verb
            s -= 1
            while s > 0 and tags[s - 1] in NP_BODY and not (tags[s - 1] == "CD" and is_year(words[s - 1])):
                s -= 1
        if s > 0:
            b = tags[s - 1]
            low = words[s - 1].lower()
            # ('Police believe the two men imported ...': a verb of saying opens its complement)
            if not (b in (",", ":", "CC", "RBR") or b == "CD" and is_year(words[s - 1])
                    or b in ("IN", "WRB") and low in openers or b == "RB" and low in ("later", "then", "since")
                    or b in ("VBD", "VBP", "VBZ") and low in saying):
                continue                        # the goods supplied to X: a participle on a noun
        j = i + 1
        while j < n and tags[j] not in _CLAUSE_END and tags[j] not in _FINITE \
                and not (tags[j] in ("IN", "WRB") and words[j].lower() in _SUBORDINATORS):
            j += 1
        if j < n and tags[j] in _FINITE:
            continue                            # the people abducted in the 1970s returned
        # ('the court ruled on Monday that the law was void': the finite verb after 'that' is
        # the complement's, not this clause's)
        tags[i] = "VBD"


_SPAN_WORDS = frozenset(("week", "month", "year"))


def _time_word(words: list[str]) -> bool:
    """A phrase that names a time ('Tuesday', 'March 7', '2006'): the grammar's months and days."""
    from .groups import lists  # (groups reads this module's is_year at import)
    months = lists()["months"]
    return any((low := w.lower().rstrip(".")) in months or low in _SPAN_WORDS or is_year(w) for w in words)


def approximator_before_number(words: list[str], tags: list[str], approximators: frozenset[str]) -> None:
    """'In August 2005 about 150 protesters gathered': 'about' before a number and its plural,
    at the start of a clause (after a fronted time or a comma), says how many: an adverb, and the
    noun phrase is the clause's subject, not a preposition's object."""
    for i in range(len(tags) - 2):
        if tags[i] == "IN" and words[i].lower() in approximators and tags[i + 1] == "CD" \
                and tags[i + 2] in ("NNS", "NNPS") and (i == 0 or tags[i - 1] in ("CD", ",")):
            tags[i] = "RB"
            end = next((k for k in range(i + 3, len(tags)) if tags[k] in (",", ".", ":")), len(tags))
            if i + 3 < len(tags) and tags[i + 3] == "VBN" and not any(
                    t in ("VBD", "VBZ", "VBP", "MD") for t in tags[i + 4:end]):
                tags[i + 3] = "VBD"     # (its verb, then: 'gathered outside the ground, and ...')


def saying_verb_before_that(words: list[str], tags: list[str], saying: frozenset[str]) -> None:
    """'the ministry estimates that ...': an -s form of a verb of saying after a noun and before
    'that', in a clause with no verb yet (since the last comma), is that noun's verb, not a plural."""
    for i in range(1, len(tags) - 1):
        if tags[i] == "NNS" and words[i + 1].lower() == "that" and words[i].lower() in saying \
                and tags[i - 1] in ("NN", "NNP", "NNPS"):
            k = i - 1
            while k >= 0 and tags[k] != "," and tags[k] not in ("VBD", "VBZ", "VBP", "MD"):
                k -= 1
            if k < 0 or tags[k] == ",":
                tags[i] = "VBZ"
