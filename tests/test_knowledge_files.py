"""Validate the domain knowledge files (actors.yaml, countries.yaml) with plain PyYAML.

These tests check the files' shape and consistency only; they do not use the loader in
``kankei.knowledge`` so that a broken loader and a broken data file fail separately.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
KNOWLEDGE = ROOT / "src" / "kankei" / "knowledge"
GOLD = ROOT.parent / "shared" / "gold"

PREFIX_TYPE = {
    "country": "country",
    "gov": "organization",
    "org": "organization",
    "person": "person",
    "place": "place",
    "vessel": "vessel",
    "document": "document",
    "group": "group",
    "other": "other",
}
TYPES = set(PREFIX_TYPE.values())
ID_RE = re.compile(r"^(?P<prefix>[a-z]+):[a-z0-9]+(?:_[a-z0-9]+)*$")

ACTOR_KEYS = {"id", "type", "name", "aliases", "misspellings", "note"}
PERSON_KEYS = {"family", "given", "country", "offices", "gender"}
COUNTRY_KEYS = {"id", "name", "aliases", "demonyms", "government", "government_aliases", "capital"}
COUNTRY_OPTIONAL_KEYS = {"issuing_offices", "enforcers", "state_media"}
OFFICE_KEYS = {"title", "of", "from", "to"}

# Bare words that must never be aliases: code resolves them from context.
FORBIDDEN_ALIASES = {
    "North", "South", "Committee", "Commission", "Party", "Kim", "Lee", "Park", "Government",
    "Ministry", "Council", "Agency", "Association", "League", "Union", "Assembly", "Red",
    "Korean", "Japanese", "Chinese", "the", "The",
}

APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u02bb": "'", "`": "'"})


def normalize(s: str) -> str:
    """The form two strings share when the loader's generated variants would make them equal."""
    s = s.translate(APOSTROPHES)
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = s.replace("\u00a0", " ")
    s = re.sub(r"\s+", " ", s).strip()
    if s.lower().startswith("the ") and len(s) > 4:
        s = s[4:]
    return s


def load(name: str):
    with open(KNOWLEDGE / name, encoding="utf-8") as f:
        return yaml.safe_load(f)


@pytest.fixture(scope="module")
def actors():
    data = load("actors.yaml")
    assert isinstance(data, list) and data, "actors.yaml must be a non-empty list"
    return data


@pytest.fixture(scope="module")
def countries():
    data = load("countries.yaml")
    assert isinstance(data, list) and data, "countries.yaml must be a non-empty list"
    return data


@pytest.fixture(scope="module")
def by_id(actors, countries):
    table = {}
    for e in actors:
        table[e["id"]] = e
    for c in countries:
        table[c["id"]] = {**c, "type": "country"}
    return table


def _strings(value, where):
    assert isinstance(value, list), f"{where}: must be a list, got {type(value).__name__}"
    for s in value:
        assert isinstance(s, str), f"{where}: {s!r} is not a string"
        assert s.strip(), f"{where}: empty string"
        assert s == s.strip(), f"{where}: {s!r} has leading/trailing whitespace"
    return value


# --- shape ---------------------------------------------------------------------------------------


def event_codes() -> set[str]:
    from kankei.assemble.triggers import lexicon
    return {etype for etype, _ in lexicon().values()}


def test_actor_entries_well_formed(actors):
    for e in actors:
        assert isinstance(e, dict), f"entry is not a mapping: {e!r}"
        eid = e.get("id")
        assert isinstance(eid, str), f"entry without id: {e!r}"
        m = ID_RE.match(eid)
        assert m, f"{eid}: id must be '<prefix>:<slug>' with a lower-case slug"
        assert m["prefix"] in PREFIX_TYPE, f"{eid}: unknown prefix {m['prefix']!r}"
        assert e.get("type") in TYPES, f"{eid}: unknown type {e.get('type')!r}"
        assert e["type"] == PREFIX_TYPE[m["prefix"]], f"{eid}: type {e['type']} does not fit the prefix"
        allowed = ACTOR_KEYS | (PERSON_KEYS if e["type"] == "person" else {"country"} if e["type"] == "place"
                                else {"event"} if e["type"] == "other" else {"parties"} if e["type"] == "document"
                                else {"organ_of"} if e["type"] == "organization" else set())
        extra = set(e) - allowed
        assert not extra, f"{eid}: unexpected keys {sorted(extra)}"
        assert isinstance(e.get("name"), str) and e["name"].strip(), f"{eid}: name must be a non-empty string"
        _strings(e.get("aliases"), f"{eid} aliases")
        if "misspellings" in e:
            _strings(e["misspellings"], f"{eid} misspellings")
        if "event" in e:        # a named occurrence's event type must be one of the spec's codes
            assert e["event"] in event_codes(), f"{eid}: unknown event type {e['event']!r}"
        if "organ_of" in e:     # a state organ belongs to a government
            assert str(e["organ_of"]).startswith("gov:"), eid
        if "parties" in e:      # an accord's parties are actors (the test below checks they exist)
            assert all(isinstance(x, str) and x.split(":")[0] in ("gov", "org", "country") for x in e["parties"]), eid
        if "note" in e:
            assert isinstance(e["note"], str) and e["note"].strip(), f"{eid}: note must be a non-empty string"


def test_country_entries_well_formed(countries):
    for c in countries:
        assert isinstance(c, dict), f"entry is not a mapping: {c!r}"
        cid = c.get("id")
        assert isinstance(cid, str) and ID_RE.match(cid), f"bad id {cid!r}"
        assert cid.startswith("country:"), f"{cid}: countries.yaml ids must start with country:"
        extra = set(c) - COUNTRY_KEYS - COUNTRY_OPTIONAL_KEYS
        assert not extra, f"{cid}: unexpected keys {sorted(extra)}"
        _strings(c.get("issuing_offices", []), f"{cid} issuing_offices")
        missing = COUNTRY_KEYS - set(c)
        assert not missing, f"{cid}: missing keys {sorted(missing)}"
        assert isinstance(c["name"], str) and c["name"].strip(), f"{cid}: name must be a non-empty string"
        _strings(c["aliases"], f"{cid} aliases")
        _strings(c["demonyms"], f"{cid} demonyms")
        assert c["demonyms"], f"{cid}: at least one demonym"
        _strings(c["government_aliases"], f"{cid} government_aliases")
        assert isinstance(c["government"], str) and c["government"].startswith("gov:"), f"{cid}: government must be a gov: id"
        assert isinstance(c["capital"], str) and c["capital"].startswith("place:"), f"{cid}: capital must be a place: id"


def test_ids_unique_across_files(actors, countries):
    seen = defaultdict(int)
    for e in list(actors) + list(countries):
        seen[e["id"]] += 1
    dups = sorted(i for i, n in seen.items() if n > 1)
    assert not dups, f"duplicate ids: {dups}"


# --- references ----------------------------------------------------------------------------------


def test_an_accord_s_parties_exist(actors, by_id):
    for e in actors:
        missing = [x for x in e.get("parties", ()) if x not in by_id]
        assert not missing, f"{e['id']}: unknown parties {missing}"


def test_organs_and_enforcers_name_known_actors(actors, countries, by_id):
    for e in actors:
        if "organ_of" in e:
            assert e["organ_of"] in by_id, f"{e['id']}: unknown government {e['organ_of']}"
    for c in countries:
        for word, who in (c.get("enforcers") or {}).items():
            assert isinstance(word, str) and word.islower() and who in by_id, f"{c['id']}: enforcer {word}: {who}"
        if "state_media" in c:
            assert c["state_media"] in by_id, f"{c['id']}: unknown state media {c['state_media']}"


def test_country_government_and_capital_exist(countries, by_id):
    for c in countries:
        gov = by_id.get(c["government"])
        assert gov is not None, f"{c['id']}: government {c['government']} not in actors.yaml"
        assert gov["type"] == "organization", f"{c['government']}: must be type organization"
        cap = by_id.get(c["capital"])
        assert cap is not None, f"{c['id']}: capital {c['capital']} not in actors.yaml"
        assert cap["type"] == "place", f"{c['capital']}: must be type place"


def test_every_government_belongs_to_a_country(actors, countries):
    governments = {c["government"] for c in countries}
    orphans = sorted(e["id"] for e in actors if e["id"].startswith("gov:") and e["id"] not in governments)
    assert not orphans, f"gov entries no country points to: {orphans}"
    assert len(governments) == len(countries), "two countries share a government id"


def test_person_fields(actors, by_id):
    for e in actors:
        if e["type"] != "person":
            continue
        pid = e["id"]
        if "country" in e:
            ref = by_id.get(e["country"])
            assert ref is not None, f"{pid}: country {e['country']} does not exist"
            assert ref["type"] == "country", f"{pid}: country {e['country']} is not a country"
        has_family, has_given = "family" in e, "given" in e
        assert has_family == has_given, f"{pid}: family and given go together"
        for key in ("family", "given"):
            if key in e:
                assert isinstance(e[key], str) and e[key].strip(), f"{pid}: {key} must be a non-empty string"
                assert e[key] == e[key].strip(), f"{pid}: {key} has surrounding whitespace"
        offices = e.get("offices", [])
        assert isinstance(offices, list), f"{pid}: offices must be a list"
        for o in offices:
            assert isinstance(o, dict), f"{pid}: office {o!r} is not a mapping"
            extra = set(o) - OFFICE_KEYS
            assert not extra, f"{pid}: office keys {sorted(extra)} unknown"
            assert isinstance(o.get("title"), str) and o["title"].strip(), f"{pid}: office without title"
            assert o.get("of") in by_id, f"{pid}: office of {o.get('of')!r} does not exist"
            for key in ("from", "to"):
                if key in o:
                    assert isinstance(o[key], int) and 1000 < o[key] < 2100, f"{pid}: office {key} {o[key]!r} is not a year"
            if "from" in o and "to" in o:
                assert o["from"] <= o["to"], f"{pid}: office {o['title']} runs backwards"


# --- aliases -------------------------------------------------------------------------------------


def _claims(actors, countries):
    """Every surface string and the id it names: names, aliases, misspellings, government phrases,
    and the full-name orders code generates for persons."""
    claims = []
    for e in actors:
        for s in [e["name"], *e["aliases"], *e.get("misspellings", [])]:
            claims.append((s, e["id"]))
        if "family" in e:
            claims.append((f"{e['given']} {e['family']}", e["id"]))
            claims.append((f"{e['family']} {e['given']}", e["id"]))
    for c in countries:
        for s in [c["name"], *c["aliases"]]:
            claims.append((s, c["id"]))
        for s in c["government_aliases"]:
            claims.append((s, c["government"]))
    return claims


def test_no_string_claimed_by_two_entries(actors, countries):
    owners = defaultdict(set)
    for s, eid in _claims(actors, countries):
        owners[s].add(eid)
    clashes = {s: sorted(ids) for s, ids in owners.items() if len(ids) > 1}
    assert not clashes, f"strings naming two entries: {clashes}"


def test_no_clash_after_generated_variants(actors, countries):
    """Macron-less, apostrophe and 'the '-prefix variants are generated by code, so two entries
    must not become equal once those are applied."""
    owners = defaultdict(set)
    for s, eid in _claims(actors, countries):
        owners[normalize(s)].add(eid)
    clashes = {s: sorted(ids) for s, ids in owners.items() if len(ids) > 1}
    assert not clashes, f"strings naming two entries once normalized: {clashes}"


def test_no_forbidden_bare_aliases(actors, countries):
    bad = [(s, eid) for s, eid in _claims(actors, countries) if s in FORBIDDEN_ALIASES]
    assert not bad, f"ambiguous bare words used as aliases: {bad}"


def test_demonyms_unique_and_not_other_entries_names(actors, countries):
    owner = {}
    for c in countries:
        for d in c["demonyms"]:
            assert d not in owner, f"demonym {d!r} used by {owner.get(d)} and {c['id']}"
            owner[d] = c["id"]
    for s, eid in _claims(actors, countries):
        if s in owner and eid not in (owner[s], _government_of(countries, owner[s])):
            pytest.fail(f"{s!r} is a demonym of {owner[s]} and also names {eid}")


def _government_of(countries, cid):
    return next(c["government"] for c in countries if c["id"] == cid)


def test_no_comma_split_debris(actors, countries):
    """An unquoted comma inside a YAML flow list splits one alias into two; the second half then
    starts with a lower-case word or is a lone common word. Catch the usual symptoms."""
    suspicious = []
    for s, eid in _claims(actors, countries):
        if s.startswith(("and ", "or ", "of ", "Labor and", "Labour and")):
            suspicious.append((s, eid))
    assert not suspicious, f"aliases that look like halves of a comma-split string: {suspicious}"


# --- gold ids ------------------------------------------------------------------------------------


@pytest.mark.skipif(not (GOLD / "entities.json").exists(), reason="../shared/gold not available")
def test_gold_ids_keep_their_type(by_id):
    gold = {}
    for path in sorted(GOLD.glob("entities*.json")):
        gold.update(json.loads(path.read_text(encoding="utf-8")))
    wrong = {gid: (g["type"], by_id[gid]["type"]) for gid, g in gold.items() if gid in by_id and by_id[gid]["type"] != g["type"]}
    assert not wrong, f"gold ids with a different type here (gold, ours): {wrong}"
    core = json.loads((GOLD / "entities.json").read_text(encoding="utf-8"))
    missing = sorted(gid for gid in core if gid not in by_id)
    assert not missing, f"ids of ../shared/gold/entities.json missing from the knowledge files: {missing}"


def test_sizes(actors, countries):
    assert len(actors) + len(countries) >= 400


def test_a_places_country_is_a_country(actors, by_id):
    placed = [e for e in actors if e["type"] == "place" and "country" in e]
    assert placed, "no place says which state it lies in"
    for e in placed:
        ref = by_id.get(e["country"])
        assert ref is not None and ref["type"] == "country", f"{e['id']}: country {e['country']} is not a country"
