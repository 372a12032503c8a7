"""Names that hold known names, bracketed acronyms, shared surnames, inverted citations."""
from kankei.pipeline import extract


def ents(text: str) -> dict[str, str]:
    return {r["text"]: r["entity"] for r in extract(text).records() if r["kind"] == "entity"}


def test_known_place_plus_head_is_one_name() -> None:
    got = ents("The choir of Kobe Korean Middle School toured in spring.")
    assert "Kobe Korean Middle School" in got and "Kobe" not in got


def test_head_for_name_with_known_word_and_its_acronym() -> None:
    got = ents("She directs the Institute for Pacific Maritime Studies (IPMS). IPMS grew fast.")
    assert got["Institute for Pacific Maritime Studies"] == got["IPMS"]
    assert "Pacific" not in got


def test_compass_word_joins_a_known_province() -> None:
    got = ents("The family came from South Gyeongsang Province in 1931.")
    assert "South Gyeongsang Province" in got


def test_nationality_alone_does_not_make_a_new_body() -> None:
    got = ents("The Japanese Foreign Ministry denied the report.")
    assert got.get("Japanese Foreign Ministry") == "org:mofa_japan"


def test_bracketed_acronym_is_its_own_mention() -> None:
    got = ents("Delegates of the Democratic People's Republic of Korea (DPRK) left early.")
    assert got["DPRK"] == got["Democratic People's Republic of Korea"]


def test_known_acronym_after_a_new_long_name_links_to_it() -> None:
    text = "The UN Committee on the Elimination of Racial Discrimination (CERD) met. CERD then wrote."
    got = ents(text)
    assert got["CERD"] == got["UN Committee on the Elimination of Racial Discrimination"]


def test_possessive_country_is_a_mention_of_its_own() -> None:
    got = ents("South Korea's Joint Chiefs of Staff (JCS) reported a launch; the JCS gave no range.")
    assert got["South Korea"] == "country:south_korea"
    assert got["JCS"] == got["Joint Chiefs of Staff"] == "org:rok_jcs"


def test_descriptive_school_phrases_are_not_the_organization() -> None:
    got = ents("Chongryon-affiliated schools and other Korean schools reopened.")
    assert got.get("Chongryon") == "org:chongryon"
    assert "Korean schools" not in got


def test_first_given_name_shares_the_surname() -> None:
    got = ents("Reporters met Shigeru and Sakie Yokota at the airport.")
    assert got["Shigeru"] == "person:shigeru_yokota"
    assert got["Sakie Yokota"] == "person:sakie_yokota"


def test_inverted_citation_name_is_one_mention() -> None:
    got = ents("Sonia Ryang studied the schools.\n\nReferences\n^ Ryang, Sonia (2000). A study.")
    assert got.get("Ryang, Sonia") == "person:sonia_ryang"
    assert "Sonia" not in got


def test_capital_as_a_city_in_a_publisher_place() -> None:
    got = ents("See Pak, Essays on Exile (Tokyo: Heibonsha, 2003), 17. Tokyo protested the visit.")
    spans = [(r["text"], r["entity"]) for r in extract("Ships docked near Tokyo. Tokyo protested.").records()
             if r["kind"] == "entity"]
    assert spans == [("Tokyo", "place:tokyo"), ("Tokyo", "gov:japan")]
    assert "Tokyo" in got


def test_a_dateline_in_capitals_names_its_place():
    from kankei.pipeline import extract

    text = "OSAKA, June 3 (Kyodo) - A court ruled on Monday.\n\nSAPPORO — Fishermen protested.\n\nNOTES, in short - none.\n"
    found = [(m.text, m.entity, m.how) for m in extract(text).entities if m.how == "dateline"]
    assert found == [("OSAKA", "place:osaka", "dateline"), ("SAPPORO", "place:sapporo", "dateline")]


def test_no_name_ends_with_a_particle_and_section_numbers_are_no_initials():
    from kankei.pipeline import extract

    ents = extract("II. Background\n\nThe Okhotsk Fisheries Board on Monday rejected the plan.\n").entities
    assert [(m.text, m.type) for m in ents] == [("Okhotsk Fisheries Board", "organization")]


def test_a_town_before_its_prefecture_is_a_place_even_after_a_capitalized_preposition():
    from kankei.pipeline import extract
    text = "In Yurihonjo, Akita Prefecture, a boat washed ashore. It was found off the coast of Sai, Aomori Prefecture."
    ents = {r["text"]: r["type"] for r in extract(text, doc="t").records() if r["kind"] == "entity"}
    assert ents.get("Yurihonjo") == "place" and ents.get("Sai") == "place"


def test_a_name_after_a_kind_of_publication_is_a_body():
    found = ents("Last month the science journal Lumen published a study, and the daily Hokkai Shinpo followed.")
    assert found.get("Lumen", "").startswith("org:")


def test_a_place_before_a_lower_case_local_body_names_that_body() -> None:
    got = ents("In May the Nagano prefectural police raided a warehouse. Sendai city council met on Friday.")
    assert got["Nagano prefectural police"] == "org:nagano_prefectural_police"
    assert got["Sendai city council"] == "org:sendai_city_council"
    assert "Nagano" not in got and "May the Nagano prefectural police" not in got
    # a possessive is the place's own, not a body's name; a nationality names no place
    got = ents("Kobe's city government and the Japanese prefectural police declined to comment.")
    assert "Kobe" in got and not any("city government" in k or "prefectural police" in k for k in got)
