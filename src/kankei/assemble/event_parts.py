"""Who takes part in an event and whether the text asserts it, read from its clause.

The clause analysis (kankei.analyze) gives each predicate its subject, objects and
prepositional phrases; the roles they take come from the `roles` table of
knowledge/event_triggers.yaml, by event type. Agents and patients are actors (documents
may be patients: a treaty signed); locations are places or countries.
"""
from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from functools import cache

from kankei.assemble._genders import SEX, known_gender
from kankei.assemble.triggers import word_sets
from kankei.knowledge import load
from kankei.recognize.gazetteer import gazetteer
from kankei.spans import EntityMention

ACTOR_TYPES = frozenset({"person", "organization", "country", "group"})
_PATIENT_TYPES = ACTOR_TYPES | {"document"}
_SHIP_MEASURES = frozenset({"sanction", "ease", "legal"})   # a ship barred, let in again or seized
# ('Osaka Prefecture stopped paying its subsidy': a prefecture or a city acting is its government)
_LOCAL_MEASURES = frozenset({"sanction", "ease", "aid", "statement", "demand", "accuse", "legal", "reject", "resolution"})
_PLACE_TYPES = frozenset({"place", "country"})
# "pro-Pyongyang Chongryon": a modifier names no participant
_MODIFIER_PREFIXES = ("pro-", "anti-", "Pro-", "Anti-", "ex-", "non-")

def _modifier(text: str, start: int) -> bool:
    """'pro-Pyongyang', 'anti-Japanese': the name only qualifies the word it is part of."""
    return text[max(0, start - 5):start].endswith(_MODIFIER_PREFIXES)


_PRONOUNS = {"he": "person", "she": "person", "him": "person", "her": "person", "his": "person",
             "it": "body", "its": "body", "they": "any", "them": "any", "their": "any"}


@cache
def roles_table() -> dict[str, dict[str, str]]:
    table = load("event_triggers").get("roles", {})
    default = table.get("default", {})
    return {k: {**default, **v} if k != "default" else dict(default) for k, v in table.items()}


def role_of(etype: str, prep: str) -> str | None:
    """The role a phrase introduced by `prep` ('object' for a direct object) takes in an event of etype."""
    table = roles_table()
    return table.get(etype, table["default"]).get(prep)


_PROTAGONIST_MENTIONS = 3     # named this often, a person is whom a story is about


class Entities:
    """A sentence's entity mentions, by position, for the spans of phrases."""
    __slots__ = ("text", "items", "starts", "history", "focus", "issuer", "official", "doers", "home", "speakers", "genders",
                 "ahead", "earlier", "narrator", "year", "author", "addressee")

    def __init__(self, text: str, items: list[EntityMention], history: list[EntityMention],
                 focus: list[EntityMention] = (), issuer: EntityMention | None = None, official: bool = False) -> None:
        self.text = text
        self.items = [m for m in items if not _modifier(text, m.start)]
        self.starts = [m.start for m in self.items]
        # earlier mentions of the document, for pronouns (not 'pro-Pyongyang': no one is named there)
        self.history = [m for m in history if not _modifier(text, m.start)]
        self.focus = list(focus)        # who the last sentences were about (their subjects), most recent last
        self.issuer = issuer            # the government the document speaks for, if it is an official one
        self.official = official        # whether the document is that government's own statement
        self.doers: list[EntityMention] = []    # the agents of the last events told, latest last
        self.speakers: list[tuple[int, str, EntityMention]] = []    # recent acts of speech: (sentence start, its words up to the verb, speaker)
        self.home: EntityMention | None = None  # the government of the state a news story is filed from
        self.genders: dict[str, str] = {}       # person id -> gender the text shows ('Park ... her brother')
        self.ahead: list[EntityMention] = []    # the mentions of the next sentences ('A district court ... The
                                                # Niigata District Court'), nearest first
        self.earlier: tuple[list[EntityMention], int] = ([], 0)    # the document's mentions, and where this sentence's begin
        self.narrator: EntityMention | None = None      # who writes 'I' (a diary's, a memoir's author)
        self.author: EntityMention | None = None        # the body that writes 'we' (a group's statement)
        self.addressee: EntityMention | None = None     # whom a letter's 'you' is ('To the Honourable X')
        self.year: int | None = None    # the year the sentence tells of (its own time's, else the page's)

    def issuer_at(self, start: int, end: int) -> EntityMention:
        """The issuing government, as a mention of the words that stand for it here."""
        m = self.issuer
        return EntityMention(start, end, self.text[start:end], m.entity, m.name, m.type, how="issuer")

    def demonym_actor(self, start: int, end: int, body: bool = False, people: bool = False) -> EntityMention | None:
        """'North Korean agents', 'Japanese police': a body of a country named by its adjective
        acts for that country (the spec: 'abducted by North Korean agents' -> North Korea). With
        `body`, the phrase must be headed by such a body: 'a South Korean group' is not the state."""
        if body and not _acting_head(self.text[start:end], people):
            return None
        pattern, countries = _demonyms()
        m = pattern.search(self.text, start, end)
        if m is None:
            return None
        dem = m.group()
        return EntityMention(m.start(), m.end(), dem, countries[dem], dem, "country", how="demonym")

    def name_of(self, entity: str) -> str:
        """The name of an entity this sentence or the last ones name ('it' may stand for one named before)."""
        return next((m.name or m.text for m in itertools.chain(self.items, reversed(self.history))
                     if m.entity == entity), "")

    def within(self, start: int, end: int) -> list[EntityMention]:
        i = bisect_left(self.starts, start)
        out = []
        while i < len(self.items) and self.items[i].start < end:
            if self.items[i].end <= end:
                out.append(self.items[i])
            i += 1
        return out

    def starting_in(self, start: int, end: int) -> list[EntityMention]:
        """The mentions that begin in [start, end), wherever they end ('of the Workers' Party of
        Korea': a phrase cut at its inner 'of' still holds the name that begins in it)."""
        i = bisect_left(self.starts, start)
        out = []
        while i < len(self.items) and self.items[i].start < end:
            out.append(self.items[i])
            i += 1
        return out

    def antecedent(self, pronoun: str, before: int, subject: bool = True) -> EntityMention | None:
        """The most recent actor a pronoun can stand for: a person for he/she, a body for it."""
        want = _PRONOUNS.get(pronoun.lower())
        if want is None:
            return None
        pool = [m for m in self.items if m.end <= before] if self.items else []
        # a pronoun opening a sentence goes on about the subject of the last one ('He was detained ...')
        if want == "person" and self.focus and not self.focus[-1].entity and not any(fits(m, want) for m in pool):
            return None     # ('The man was detained. Police took him ...': the man, no one named before)
        sex = SEX.get(pronoun.lower())
        if subject and not any(fits(m, want) for m in pool):
            for m in reversed(self.focus):
                if fits(m, want) and (sex is None or not m.entity or self._gender_of(m.entity) in (None, sex)):
                    if m.entity and want == "person" and (lead := self._protagonist_after(m, sex)) is not None:
                        return lead
                    return m if m.entity else None      # (an unnamed person: no one named before)
        first = None
        candidates = list(reversed(self.history + pool))
        gender = self._gender_of
        if sex == "female":
            # ('Kim Yo Jong ... Kishida ... she warned': a woman named close before, over a man named since)
            woman = next((m for m in candidates[:8] if m.type == "person" and gender(m.entity) == "female"), None)
            if woman is not None:
                return woman
        narrator = self.narrator.entity if self.narrator is not None and sex is not None else None
        for k, m in enumerate(candidates):
            if m.type == "vessel" and want == "body":
                return first        # 'the ship ... it has not returned': a vessel, no actor
            if m.type not in ACTOR_TYPES or not fits(m, want) or m.entity == narrator:
                continue            # (nor is 'he' the one who writes 'I')
            if sex is not None and gender(m.entity) not in (None, sex):
                continue            # ('he' is not a woman named before, nor 'she' a man)
            if not self._oblique(m):
                return m
            if first is None:
                first = m
            if k > 6:
                break
        # ('he was Kim Jong-nam, eldest son of Kim Jong-il': a name in an 'of' phrase or a
        # possessor is less likely the one a pronoun goes on about than the name before it)
        return first

    def _protagonist_after(self, m: EntityMention, sex: str | None) -> EntityMention | None:
        """The person a story is about, named again after a subject named once: 'Abe received
        him, a meeting Nishikawa later described ... He told the audience' (an obituary of
        Nishikawa): Nishikawa, not the one who appeared once."""
        counts: dict[str, int] = {}
        for x in self.history:
            if x.type == "person":
                counts[x.entity] = counts.get(x.entity, 0) + 1
        if counts.get(m.entity, 0) > 1:
            return None
        later = [x for x in self.history if x.start > m.end and x.type == "person" and x.entity != m.entity
                 and counts[x.entity] >= _PROTAGONIST_MENTIONS
                 and (sex is None or self._gender_of(x.entity) in (None, sex))]
        return later[-1] if later else None

    def _gender_of(self, entity: str) -> str | None:
        return known_gender(entity) or self.genders.get(entity)

    def _oblique(self, m: EntityMention) -> bool:
        before = self.text[max(0, m.start - 4):m.start]
        return before.endswith(("of ", "of the ")) or self.text.startswith(_POSSESSIVE, m.end)


    def default_government(self, before: int) -> EntityMention | None:
        """The knowledge's default government (doc_cues.yaml `default_government`) when the story
        so far names its state: whom a bare 'the government' stands for when nothing else says."""
        from kankei.knowledge import load
        gov = load("doc_cues").get("default_government")
        state = gov.partition(":")[2] if gov else None
        pool = self.history + [m for m in self.items if m.end <= before]
        named = next((m for m in reversed(pool) if state and state_of(m.entity) == state
                      and m.entity.startswith(("gov:", "country:"))), None)
        if named is None and state and any(state_of(m.entity) == state and m.type in ("place", "person") for m in pool):
            # (a story that names the state only by its places or people: 'a rally in Tokyo')
            named = next((m for m in self.history + self.items if m.entity in (f"country:{state}", gov)), None) \
                or EntityMention(before, before, "", f"country:{state}", state, "country", how="context")
        return government_at(named, "context") if named is not None else None

    def named_later(self, noun: str, modifiers: list[str], after: int, reach: int = 900) -> EntityMention | None:
        """'A district court ordered ... The Niigata District Court ruled': the first body named in
        the next sentences whose name is headed by the noun and holds the modifiers."""
        for m in self.ahead:
            if m.start - after > reach:
                break
            name = (m.name or m.text).lower()
            if m.type == "organization" and not m.entity.startswith("gov:") and _head_word(name) == noun \
                    and all(w in name.split() for w in modifiers):
                return m
        return None

    def named_before(self, noun: str, before: int, reach: int = 3000) -> EntityMention | None:
        """'Hyogo prefectural police searched ... The police said': the body named last, a few
        paragraphs back at most, whose name is headed by the noun."""
        pool = self.history + [m for m in self.items if m.end <= before]
        for m in reversed(pool):
            if before - m.end > reach:
                break
            if m.type == "organization" and not m.entity.startswith("gov:") \
                    and _head_word((m.name or m.text).lower()) == noun and m.end <= before:
                return m
        return None

    def named_between(self, start: int, end: int) -> list[EntityMention]:
        """The document's mentions that begin in [start, end), up to this sentence's own."""
        ents, stop = self.earlier
        lo = bisect_left(ents, start, 0, stop, key=lambda m: m.start)
        hi = bisect_left(ents, end, lo, stop, key=lambda m: m.start)
        return ents[lo:hi] + [m for m in self.items if start <= m.start < end]

    def definite(self, noun: str, before: int, whole: bool = False) -> EntityMention | None:
        """'the court', 'the association': the last organization named before whose name ends in
        that noun; 'the organization', 'the group': the last organization named; 'the agreement',
        'the treaty': the last document so named (among all named before if `whole`)."""
        noun = noun.lower()
        generic = noun in _GENERIC_BODIES
        here = [m for m in self.items if m.end <= before]
        if whole:       # (a defined term, 'the Association' in its own report, may name a body named pages before)
            ents, stop = self.earlier
            pool = itertools.chain(reversed(here), (ents[i] for i in range(stop - 1, -1, -1)))
        else:
            pool = reversed((self.history + here)[-12:])
        kind = "document" if noun in word_sets()["definite_documents"] else "organization"
        for m in pool:
            if m.type != kind or m.entity.startswith("gov:"):
                continue
            if generic or any(_head_word(x) == noun for x in (m.name or m.text, m.text)) or noun in _alias_heads(m.entity):
                return m
        return None


    def other_party(self, parties: set[str], before: int) -> EntityMention | None:
        """The state that is none of `parties` whom a sanction, a protest or an apology that names
        no one is aimed at: one the sentence names, else the last state that acted, else the one
        the last sentences name most."""
        def other_state(m: EntityMention) -> str | None:
            if not (m.type == "country" or m.entity.startswith("gov:")):
                return None
            state = state_of(m.entity)
            return state if state and state not in parties else None

        def as_context(m: EntityMention) -> EntityMention:
            return EntityMention(m.start, m.end, m.text, m.entity, m.name, m.type, how="context")

        here = sorted(self.items, key=lambda m: abs(m.start - before))
        for m in here + list(reversed(self.doers)):
            # (a state the sentence itself names, nearest first: 'sanctions first imposed after the
            # North's test'; then who acted last, not the actor's side: 'North Korea fired ... Japan protested')
            if other_state(m):
                return as_context(m)
        named: dict[str, list[EntityMention]] = {}
        for m in self.history + [m for m in self.items if m.end <= before]:
            if state := other_state(m):
                named.setdefault(state, []).append(m)
        if not named:
            return None
        # the state named most often lately, the latest first among equals ('... fled to China':
        # the ban on the ferry is still aimed at North Korea)
        best = max(named.values(), key=lambda ms: (len(ms), ms[-1].start))
        return as_context(best[-1])

    def titled(self, office: str, before: int) -> EntityMention | None:
        """'the prime minister': the last person named with that title ('Prime Minister Shinzo
        Abe', 'North Korean leader Kim Jong-un') or who holds it in the knowledge."""
        from kankei.recognize.gazetteer import gazetteer
        entries = gazetteer().entries
        pool = [m for m in self.history + [m for m in self.items if m.end <= before] if m.type == "person"]
        for m in reversed(pool[-12:]):
            said = " ".join(self.text[max(0, m.start - 40):m.start].lower().split())
            if said.endswith(office):
                return m
            entry = entries.get(m.entity)
            if entry is not None and any(str(o.get("title", "")).lower().endswith(office) and self._held_then(o)
                                         for o in entry.offices):
                return m
        return None

    def _held_then(self, office: dict) -> bool:
        """Whether an office the knowledge gives was held in the year the sentence tells of ('the
        chief cabinet secretary' in a 2026 story is not the one of 2005)."""
        if self.year is None:
            return True
        start, end = office.get("from"), office.get("to")
        return (not isinstance(start, int) or start - 1 <= self.year) and (not isinstance(end, int) or self.year <= end + 1)

    def pair(self, before: int, persons: bool = False, count: int = 2) -> list[EntityMention]:
        """'the two sides', 'both delegations': the last two states (or leaders) named before;
        'the three countries': the last three."""
        out: list[EntityMention] = []
        seen: set[str] = set()
        for m in reversed(self.history + [m for m in self.items if m.end <= before]):
            ok = m.type == "person" if persons else m.type in ("country",) or m.entity.startswith("gov:")
            key = m.entity.replace("gov:", "country:")
            if ok and key not in seen:
                seen.add(key)
                out.append(m)
                if len(out) == count:
                    return out[::-1]
        return []


def government_at(place: EntityMention | None, how: str) -> EntityMention | None:
    """The government of the state a place or country mention lies in, on that mention's span."""
    state = state_of(place.entity) if place is not None else None
    if state is None:
        return None
    from kankei.recognize.gazetteer import gazetteer
    gov = f"gov:{state}"
    entry = gazetteer().entries.get(gov)
    return EntityMention(place.start, place.end, place.text, gov, entry.name if entry else gov, "organization",
                         how=how)


def _names_local_government(name: str) -> bool:
    """Whether a place is named as a local government is ('Osaka Prefecture', 'Kobe City')."""
    return not word_sets()["local_government_words"].isdisjoint(name.lower().split())


def state_of(entity: str) -> str | None:
    """The country an actor belongs to ('gov:japan', 'person:abe' -> 'japan'), if known."""
    kind, _, key = entity.partition(":")
    if kind in ("country", "gov"):
        return key
    from kankei.recognize.gazetteer import gazetteer
    entry = gazetteer().entries.get(entity)
    country = getattr(entry, "country", None) if entry is not None else None
    return country.partition(":")[2] if country else None


def _head_word(name: str) -> str:
    """The noun a body's name is headed by: its last word before any 'of' ('General Association
    of Korean Residents in Japan' -> 'association', 'Tokyo District Court' -> 'court')."""
    return name.lower().split(" of ", 1)[0].rsplit(" ", 1)[-1]


@cache
def _alias_heads(entity: str) -> frozenset[str]:
    """The head nouns of a known body's other names: 'the union' after 'Mindan', whose full
    name is the Korean Residents Union in Japan."""
    entry = gazetteer().entries.get(entity)
    if entry is None:
        return frozenset()
    return frozenset(_HEAD_BEFORE.split(x.lower(), 1)[0].rsplit(" ", 1)[-1] for x in entry.aliases if " " in x)


_HEAD_BEFORE = re.compile(r" (?:of|in|for) ")


_GENERIC_BODIES = frozenset({"organization", "organisation", "body", "group"})


@cache
def _demonyms() -> tuple[re.Pattern, dict[str, str]]:
    """One pattern for every country adjective (longest first), and the country of each."""
    from kankei.recognize.gazetteer import gazetteer
    countries = {dem: cid for dem, (cid, _gov) in gazetteer().demonyms.items()}
    words = sorted(countries, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)"), countries


def _state_in_name(name: str) -> str | None:
    """The state a body's name says it belongs to ('Ministry of Foreign Affairs of Japan': japan)."""
    pattern, countries = _demonyms()
    m = pattern.search(name or "")
    if m is not None:
        return countries[m.group()].partition(":")[2]
    return next((state for state, country in _state_names().items() if country in (name or "")), None)


@cache
def _state_names() -> dict[str, str]:
    from kankei.recognize.gazetteer import gazetteer
    return {e.id.partition(":")[2]: e.name for e in gazetteer().entries.values() if e.type == "country"}


def fits_pronoun(m: EntityMention, pronoun: str) -> bool:
    """Whether a mention can be what a pronoun stands for ('she': a person)."""
    want = _PRONOUNS.get(pronoun.lower())
    return want is not None and fits(m, want)


def fits(m: EntityMention, want: str) -> bool:
    """Whether a mention can be what a pronoun wants: a person (he, she), a body (it), any body (they)."""
    return want == "person" and m.type == "person" or want == "body" and m.type in ("organization", "country") \
        or want == "any" and m.type in ("organization", "country", "group")


_POSSESSIVE = ("'s", "’s", "'", "’")


def _acting_head(phrase: str, people: bool = False) -> bool:
    """Whether a phrase ends in a noun of a body or an office that acts for its state ('Japanese
    police', 'North Korean security forces', 'the North Korean leader'), in lower case."""
    words = phrase.lower().rstrip(" .,").split()
    bodies = _acting_heads(people)
    return bool(words) and (words[-1] in bodies or " ".join(words[-2:]) in bodies) and phrase.rstrip(" .,")[-1:].islower()


@cache
def _acting_heads(people: bool) -> frozenset[str]:
    """Bodies and offices that act for a state ('the North Korean leader'), with its people and
    craft when they are what a measure falls on."""
    sets = word_sets()
    return sets["acting_bodies"] | sets["office_nouns"] | (sets["national_nouns"] if people else frozenset())


def _owns_body(text: str, at: int, end: int) -> bool:
    """'North Korea's agents', 'Japan's police': a possessor of a body that acts for it, which
    has no name of its own ('Japan's Foreign Ministry' is the ministry); also of an office or a
    branch ('North Korea's Vice Minister of Foreign Affairs', 'Chongryon's Osaka headquarters')."""
    head = text[at:end].split(" of ")[0].split()
    if not head:
        return False
    word = head[-1].lower().strip(".,")
    sets = word_sets()
    if word in sets["acting_bodies"] or word in sets["branch_nouns"]:
        return head[-1][:1].islower()
    # (an office's title is capitalized and still no name: the office acts for its owner)
    return word in sets["heads_of"] or word in sets["non_leading_offices"]


def kin_of(text: str, at: int, start: int, end: int | None = None) -> bool:
    """'the son of North Korean leader Kim Jong-il', 'Megumi's daughter': a name after a noun of
    kinship and 'of', or the possessor of one, is whose relative is meant, not who takes part."""
    kin = word_sets()["kin_nouns"]
    m = _KIN_OF.search(text[max(start, at - 60):at])
    if m is not None and m.group(1).lower() in kin:
        return True
    if end is not None and (m := _KIN_AFTER.match(text, end)):
        return any(w in kin for w in m.group(1).split())
    return False


_KIN_OF = re.compile(r"\b([\w-]+)\s+of\s+(?:the\s+)?(?:[\w.-]+\s+){0,3}$")
_KIN_AFTER = re.compile(r"(?:'s|’s|'|’)\s+((?:[a-z][\w-]*\s*){1,3})")


def phrase_actors(ents: Entities, start: int, end: int, types=ACTOR_TYPES) -> list[EntityMention]:
    """The actors a phrase names: all of a coordination ('Japan and South Korea'), not those
    inside one of its own prepositional phrases other than 'of' ('the leader of X' is X), nor
    a possessor of another head ('Yokota's parents' are not Yokota)."""
    text = ents.text
    found = [m for m in ents.within(start, end) if m.type in types
             and not (text.startswith(_POSSESSIVE, m.end) and m.end + 2 < end and not _owns_body(text, m.end, end))
             and not kin_of(text, m.start, start)]
    owners = {state_of(m.entity) for m in found if text.startswith(_POSSESSIVE, m.end) and m.type == "country"}
    if owners:
        # ("North Korea's foreign ministry": the ministry of the state that owns it, not another's)
        found = [m for m in found if m.type == "country" or (state_of(m.entity) or _state_in_name(m.name)) in owners | {None}]
    if not found:
        # a name the chunker cut at its inner preposition ('Headquarters | for the Abduction Issue')
        return [m for m in ents.starting_in(start, end) if m.type in types and m.end > end][:1]
    if len(found) < 2:
        return found
    out = []
    for m in found:
        before = text[max(start, m.start - 12):m.start].lower().split()
        if before and before[-1] in ("in", "at", "to", "from", "with", "on", "by", "for", "against", "near",
                                     "over", "between", "into") and m is not found[0]:
            continue
        out.append(m)
    return out or found[:1]


class Parts:
    """Participants collected for one event, each entity once per role."""
    __slots__ = ("items", "_seen", "text")

    def __init__(self, text: str = "") -> None:
        self.items: list[dict] = []
        self._seen: set[tuple[str, str]] = set()
        self.text = text        # the sentence's document, to see what stands between two places

    def add(self, role: str, m: EntityMention, etype: str = "") -> None:
        patients = _PATIENT_TYPES | {"place"} if etype in ("annex", "war") \
            else _PATIENT_TYPES | {"vessel"} if etype in _SHIP_MEASURES else _PATIENT_TYPES
        if role == "agent" and m.type not in ACTOR_TYPES and not (m.type == "vessel" and etype in ("migrate", "other")) \
                and not (m.type == "place" and etype in _LOCAL_MEASURES and _names_local_government(m.text)) \
                or role == "patient" and m.type not in patients \
                or role == "location" and m.type not in _PLACE_TYPES:
            return
        if etype == "migrate" and (role == "patient" and m.type == "organization" and not m.entity.startswith("gov:")
                                   or role == "agent" and m.entity.startswith("gov:")):
            return      # 'arrived on a Japan Airlines flight': people move, a company carries them; no government moves
        if role == "location" and self._container(m):
            return      # 'in Oga, Akita Prefecture': it happens in Oga; the prefecture only says where Oga is
        if (role, m.entity) in self._seen or any(p["entity"] == m.entity and p["role"] != "location"
                                                 for p in self.items if role != "location"):
            return
        self._seen.add((role, m.entity))
        part = {"role": role, "entity": m.entity, "start": m.start, "end": m.end}
        if m.how in ("demonym", "issuer", "context"):
            part["via"] = m.how     # read from an adjective, from who issues the document, or from the story: not a name here
        self.items.append(part)

    def _container(self, m: EntityMention) -> bool:
        """Whether a place comes right after another, set off by a comma, as the region that one
        lies in: a country or a name ending in 'Prefecture' ('Oga, Akita Prefecture'), not the
        next of a list ('Tokyo, Osaka and Kyoto')."""
        if not self.text:
            return False
        regions = word_sets()["container_place_words"]
        after = self.text[m.end:m.end + 12].split(maxsplit=1)
        region = any(name.rsplit(" ", 1)[-1].lower() in regions for name in (m.name or "", m.text)) \
            or bool(after) and after[0].lower().strip(",.") in regions
        if m.type != "country" and not region:
            return False
        if not region and re.match(r"\s*(?:,\s*)?(?:and|or)\b", self.text[m.end:m.end + 8]):
            return False        # ('Seoul, Japan and China': a list; 'X, Y Prefecture, and Z' is not)
        return any(p["role"] == "location" and re.fullmatch(r"\s*,\s*", self.text[p["end"]:m.start])
                   for p in self.items)

    def has(self, role: str) -> bool:
        return any(p["role"] == role for p in self.items)
