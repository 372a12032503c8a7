"""Tests for kankei.recognize.names: proper names that no knowledge file lists.

Every sentence here is made up for the test; none comes from the shared corpus.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kankei.recognize._name_cues import load_cues
from kankei.recognize.names import find_name_candidates
from kankei.spans import NameCandidate


def names(text: str, skip: list[tuple[int, int]] | None = None) -> dict[str, NameCandidate]:
    return {c.text: c for c in find_name_candidates(text, skip or [])}


def one(text: str, name: str) -> NameCandidate:
    got = names(text)
    assert name in got, f"{name!r} not in {sorted(got)}"
    return got[name]


def span_of(text: str, sub: str) -> tuple[int, int]:
    i = text.index(sub)
    return i, i + len(sub)


# ---- titles: the name is the span, the title is not -------------------------------------

def test_title_cues_make_persons_without_the_title() -> None:
    text = ("Prime Minister Taro Hoshikawa and Deputy Minister Hanako Sato met President Ulvaen "
            "and Chairman Bragg. Chief Cabinet Secretary Ren Mizoguchi, Colonel Abernathy, "
            "Mr. Kenta Ogiwara, Mrs. Fairweather, Ms. Delacroix, Dr. Ostrava, Ambassador Quillon, "
            "Foreign Minister Vasquez and Vice-President Tomasz Wrobel attended.")
    got = names(text)
    for name in ["Taro Hoshikawa", "Hanako Sato", "Ulvaen", "Bragg", "Ren Mizoguchi", "Abernathy",
                 "Kenta Ogiwara", "Fairweather", "Delacroix", "Ostrava", "Quillon", "Vasquez",
                 "Tomasz Wrobel"]:
        assert got[name].type == "person", name
    assert not any("Minister" in t or "President" in t or "Mr." in t for t in got)


def test_title_after_an_organization_splits_it() -> None:
    text = "He wrote to Harbour Fishing Association Vice-President Orimura Kenzo about the quota."
    got = names(text)
    assert got["Harbour Fishing Association"].type == "organization"
    assert got["Orimura Kenzo"].type == "person" and got["Orimura Kenzo"].cue == "title"


def test_title_alone_is_not_a_name() -> None:
    assert names("He later served as Prime Minister and then as Foreign Minister.") == {}


def test_general_inside_an_org_name_is_not_a_title() -> None:
    cand = one("Delegates of the General Association of Fishing Cooperatives voted.",
               "General Association of Fishing Cooperatives")
    assert cand.type == "organization"


def test_possessive_ends_the_name() -> None:
    got = names("It was a member of Prime Minister Ogiwara’s Cabinet who resigned.")
    assert got["Ogiwara"].type == "person"


def test_attorney_general_office_is_an_organization() -> None:
    cand = one("An aide in the Ruritanian Attorney General's office leaked the memo.",
               "Ruritanian Attorney General's office")
    assert cand.type == "organization"


def test_lower_case_title_before_name() -> None:
    assert one("The party was led by chairman Ri Chol Ung at the time.", "Ri Chol Ung").type == "person"


# ---- persons from context and lexicons ----------------------------------------------------

def test_appositive_and_speech_verbs() -> None:
    text = ("Rokuro Manase, a former senior official of the port authority, disagreed. "
            "“We will keep trying,” said Oriha Tenmaru. Belka Strand argued that it failed. "
            "Ivo Kastell wrote to the newspaper.")
    got = names(text)
    assert got["Rokuro Manase"].type == "person" and got["Rokuro Manase"].cue == "appositive"
    assert got["Oriha Tenmaru"].cue == "speech-verb"
    assert got["Belka Strand"].cue == "speech-verb"
    assert got["Ivo Kastell"].cue == "speech-verb"


def test_given_names_and_surnames_from_lexicons() -> None:
    text = ("The book was reviewed by Minjun Lee and translated by Daniel Okoro, "
            "with notes from Hanako Sato and Pak Chol-su.")
    got = names(text)
    for name in ["Minjun Lee", "Daniel Okoro", "Hanako Sato", "Pak Chol-su"]:
        assert got[name].type == "person", name


def test_hyphens_diacritics_and_initials() -> None:
    text = "Essays by Kang Min-Jae and Ōta Kōji were edited by J. Smith last year."
    got = names(text)
    assert got["Kang Min-Jae"].type == "person"
    assert got["Ōta Kōji"].type == "person"
    assert got["J. Smith"].type == "person" and got["J. Smith"].cue == "initials"


def test_later_surname_only_mentions_are_found() -> None:
    text = "Talks began when Kenji Obata arrived. Two days later Obata left for Busan."
    got = names(text)
    assert got["Obata"].type == "person" and got["Obata"].cue == "name-part"


def test_correspondence_in_notes() -> None:
    text = ("[12] Ferrand to Okabe, 4 March 1958, archive file 3.\n"
            "[13] Lindqvist to ICRC, 2 May 1958, archive file 4.\n"
            "[14] Lindqvist to ICRC op. cit.\n")
    got = find_name_candidates(text)
    by_text = {(c.text, c.start): c for c in got}
    assert by_text[("Ferrand", text.index("Ferrand"))].type == "person"
    assert by_text[("Okabe", text.index("Okabe"))].type == "person"
    lind = [c for c in got if c.text == "Lindqvist"]
    assert len(lind) == 2 and all(c.type == "person" for c in lind)
    assert all(c.type == "organization" for c in got if c.text == "ICRC")


def test_correspondence_needs_a_name_not_a_common_word() -> None:
    got = names("Their return to Japan, 1959 and after, was slow. Return to Japan, 1960 was quicker.")
    assert "Return" not in got


# ---- organizations -----------------------------------------------------------------------

def test_organization_suffixes_and_prefixes() -> None:
    text = ("Loans from the Bank of Japan reached Sanwa Trading Co. and Kitaura Shipping "
            "Corporation, while the Ministry of Health and Welfare and the Fisheries Agency "
            "consulted the University of Nagoya.")
    got = names(text)
    for name in ["Bank of Japan", "Sanwa Trading Co.", "Kitaura Shipping Corporation",
                 "Ministry of Health and Welfare", "Fisheries Agency", "University of Nagoya"]:
        assert got[name].type == "organization", name


def test_and_does_not_join_two_names() -> None:
    got = names("The report thanks Rachel Holmgren and Daniel Okoro for comments.")
    assert "Rachel Holmgren" in got and "Daniel Okoro" in got


def test_company_with_comma_ltd() -> None:
    assert one("Cargo was booked by Sanwa Trading Co., Ltd. in spring.",
               "Sanwa Trading Co., Ltd.").type == "organization"


def test_japanese_publishers_in_citations() -> None:
    text = ("[3] Oda Kenji, Umi no Michi, Tokyo, Heibonsha, 1998.\n"
            "[4] Mori Aiko, Kaikyo, Osaka, Gendai Shokansha, 2001.\n"
            "[5] Ann Weller, Harbour Towns, Denver, Lakeside Press, 1990.\n")
    got = names(text)
    assert got["Heibonsha"].type == "organization"
    assert got["Gendai Shokansha"].type == "organization"
    assert got["Lakeside Press"].type == "organization"
    assert got["Denver"].type == "place" and got["Denver"].cue == "citation-place"
    assert got["Oda Kenji"].type == "person"


def test_lower_case_party_after_name() -> None:
    assert one("Posters of the Ruritanian Communist party covered walls.",
               "Ruritanian Communist party").type == "organization"


# ---- acronyms ----------------------------------------------------------------------------

def test_acronym_definition_and_later_mentions() -> None:
    text = ("The Maritime Safety Bureau (MSB) stopped the boat. Officers of the MSB said the "
            "MSB had warned the crew.")
    got = find_name_candidates(text)
    longs = [c for c in got if c.text == "Maritime Safety Bureau"]
    assert longs and longs[0].type == "organization" and longs[0].cue == "acronym-definition"
    msb = [c for c in got if c.text == "MSB"]
    assert len(msb) == 3
    assert all(c.acronym_of == "Maritime Safety Bureau" for c in msb)


def test_acronym_opening_a_parenthesis() -> None:
    text = ("Lists were kept by the Northern Fisheries Council (NFC, which sets quotas) and "
            "checked again. The NFC refused.")
    got = find_name_candidates(text)
    assert any(c.text == "Northern Fisheries Council" for c in got)
    nfc = [c for c in got if c.text == "NFC"]
    assert len(nfc) == 2 and all(c.acronym_of == "Northern Fisheries Council" for c in nfc)


def test_acronym_before_long_form() -> None:
    text = "The KPFA (Kaesong Producers' Federation of Artisans) met. Later the KPFA disbanded."
    got = find_name_candidates(text)
    kp = [c for c in got if c.text == "KPFA"]
    assert len(kp) == 2 and all(c.acronym_of for c in kp)


def test_long_form_trimmed_to_match_acronym() -> None:
    got = names("A ship of the Ruritanian Coastal Patrol Agency (CPA) arrived.")
    assert "Coastal Patrol Agency" in got
    assert got["CPA"].acronym_of == "Coastal Patrol Agency"


# ---- places ------------------------------------------------------------------------------

def test_place_cues() -> None:
    text = ("The ferry left the city of Nampo for Hakata Port, then sailed to Kangwon province "
            "and Kagoshima Prefecture, and later docked in Ulsan, Sweden.")
    got = names(text)
    assert got["Nampo"].type == "place"
    assert got["Hakata Port"].type == "place"
    assert got["Kangwon province"].type == "place"
    assert got["Kagoshima Prefecture"].type == "place"
    assert got["Ulsan"].type == "place"


def test_appositive_city() -> None:
    assert one("Ships sailed between Sakata and Hamhung-ri, a village on the coast.",
               "Hamhung-ri").type == "place"
    assert one("The convoy reached Wolmido, a port on the west coast.", "Wolmido").type == "place"


# ---- documents, events, designations -----------------------------------------------------

def test_documents_and_other_things() -> None:
    text = ("Under the Fisheries Protection Law and the Kuril Border Treaty, talks on the "
            "Second Pacific Crisis stalled while the Hwasal-3 missile flew.")
    got = names(text)
    assert got["Fisheries Protection Law"].type == "document"
    assert got["Kuril Border Treaty"].type == "document"
    assert got["Hwasal-3"].cue == "designation"


def test_group_of_people() -> None:
    assert one("Several thousand Sakhalin Koreans waited.", "Sakhalin Koreans").type == "group"


# ---- exclusions --------------------------------------------------------------------------

def test_sentence_initial_common_words_are_not_names() -> None:
    text = ("However, the plan failed. Despite this, many stayed. Following the talks, some "
            "left. Since then nothing moved. Many believed it. Some did not. This was new.")
    assert names(text) == {}


def test_months_weekdays_nationalities_and_pronoun() -> None:
    text = ("On Monday in March the Japanese and North Korean delegates met. I think Korean "
            "officials and South Koreans agreed on Friday, 3 June.")
    assert names(text) == {}


def test_all_caps_emphasis_and_boilerplate() -> None:
    text = ("This is NOT acceptable, they said, and it will not be repeated.\n"
            "Click here to subscribe for full access.\nCredit: Photo archive\nAuthors: unknown")
    assert names(text) == {}


def test_single_word_without_cue_is_dropped() -> None:
    assert names("The parcel finally reached Ulvendorp after a long wait.") == {}


def test_heading_lines_keep_only_strong_cues() -> None:
    text = ("Hidden Costs of Quiet Diplomacy\n\n"
            "The Ferry Route Reconsidered\n\n"
            "Envoys from the Harbour Fishing Association met Hanako Sato in port.\n")
    got = names(text)
    assert "Hidden Costs" not in got and "Quiet Diplomacy" not in got
    assert "Ferry Route Reconsidered" not in got
    assert "Harbour Fishing Association" in got and "Hanako Sato" in got


def test_quoted_titles_and_long_title_case_runs_are_dropped() -> None:
    text = ("Her essay “Quiet Harbours And Long Winters” appeared in print, as did "
            "Umi Kawa Yama Sora Kaze Hoshi by another author.")
    assert names(text) == {}


def test_multiword_name_without_cue_is_other() -> None:
    cand = one("The archive of Harbinger Kestrel Lumen was opened to readers.",
               "Harbinger Kestrel Lumen")
    assert cand.type == "other" and cand.cue == "capitalized"


def test_undefined_acronyms() -> None:
    got = names("Papers of GHQ/SCAP and the KWFA were filed, though NOBODY read them.")
    assert got["GHQ/SCAP"].cue == "acronym-bare" and got["KWFA"].type == "organization"
    assert "NOBODY" not in got


def test_dateline_is_not_an_acronym() -> None:
    assert "OSAKA" not in names("OSAKA (Kyodo) - Ferries resumed service on Monday.")


def test_generic_acronyms_numerals_and_codes_are_dropped() -> None:
    text = "The NGO sent DNA samples in box AG 232 under World Plan IV to file GS(B)."
    got = names(text)
    assert not {"NGO", "DNA", "AG", "IV", "GS"} & set(got)


# ---- skip spans --------------------------------------------------------------------------

def test_skip_spans_are_never_overlapped_and_cut_chains() -> None:
    text = "Ships of the Harbour Fishing Association sailed to Kitaura Bay with Hanako Sato."
    skip = [span_of(text, "Hanako Sato"), span_of(text, "Fishing")]
    got = find_name_candidates(text, skip)
    for c in got:
        for s, e in skip:
            assert c.end <= s or c.start >= e
    assert any(c.text == "Kitaura Bay" for c in got)


def test_skipped_acronym_long_form_still_links_the_acronym() -> None:
    text = "The Maritime Safety Bureau (MSB) stopped the boat; the MSB kept it."
    got = find_name_candidates(text, [span_of(text, "Maritime Safety Bureau")])
    msb = [c for c in got if c.text == "MSB"]
    assert len(msb) == 2 and all(c.acronym_of == "Maritime Safety Bureau" for c in msb)


# ---- properties and speed ----------------------------------------------------------------

_WORDS = ["Kim", "Sato", "Hanako", "Ministry", "of", "the", "Bank", "Japan", "and", "said",
          "However", "The", "MSB", "(MSB)", "Co.", "Ltd.", "Prime", "Minister", "in", "Tokyo",
          "Prefecture", "city", "to", "Inoue,", "Boissier,", "18", "January", "1956", "a",
          "former", "official", "’s", "'s", "Jong-un", "Sôji", "J.", "Smith", "Press", "NOT",
          "\n", ".", ",", "“", "”", "de", "Red", "Cross", "Maritime", "Safety", "Bureau", "x"]


@st.composite
def texts_and_skips(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    words = draw(st.lists(st.sampled_from(_WORDS), max_size=60))
    seps = draw(st.lists(st.sampled_from([" ", " ", " ", "", "\u00a0", "\n"]),
                         min_size=len(words), max_size=len(words)))
    text = "".join(w + s for w, s in zip(words, seps, strict=True))
    n = len(text)
    raw = draw(st.lists(st.tuples(st.integers(0, max(n, 1)), st.integers(0, 12)), max_size=4))
    return text, [(s, min(n, s + k)) for s, k in raw]


@settings(max_examples=300, deadline=None)
@given(texts_and_skips())
def test_properties(case: tuple[str, list[tuple[int, int]]]) -> None:
    text, skip = case
    got = find_name_candidates(text, skip)
    prev_end = -1
    for c in got:
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start:c.end] == c.text
        assert c.start >= prev_end, "sorted and non-overlapping"
        prev_end = c.end
        for s, e in skip:
            assert e <= s or c.end <= s or c.start >= e, "overlaps a skip span"
        assert c.type in {"person", "organization", "country", "place", "vessel", "document",
                          "group", "other"}


@settings(max_examples=300, deadline=None)
@given(texts_and_skips())
def test_chain_scan_finds_the_chains(case: tuple[str, list[tuple[int, int]]]) -> None:
    """The chains of the fast scan are the chains of the plain pattern."""
    text = case[0]
    c = load_cues()
    assert [m.span() for m in c.chain_scan.finditer(text)] == [m.span() for m in c.chain_re.finditer(text)]


def test_a_large_text_is_read_whole() -> None:
    para = ("In May 1958, Prime Minister Taro Hoshikawa met officials of the Maritime Safety "
            "Bureau (MSB) and the Bank of Japan. However, the MSB said Hanako Sato, a former "
            "senior official, had written to Kitaura Shipping Corporation in Niigata Prefecture. "
            "“We will continue,” said Oriha Tenmaru.\n\n")
    text = para * 2500          # about 110,000 words
    got = find_name_candidates(text)      # (its speed is a benchmark's business: bench/pathological.py)
    assert len(got) > 10000


def test_an_age_after_a_name_makes_it_a_person() -> None:
    text = "The bank's former head Tarvo Meskilan Dor, 58, was questioned. Relatives of Ansel Kroe, 7 years old, waited."
    got = names(text)
    assert got["Tarvo Meskilan Dor"].type == "person" and got["Tarvo Meskilan Dor"].cue == "age"
    assert "age" != getattr(got.get("Ansel Kroe"), "cue", None)       # ('7 years old' is no news-style age)


def test_a_short_surname_and_a_hyphenated_given_name_make_a_korean_person() -> None:
    got = names("The union's head, Ha Tae-bok, resigned. The Taepodong-1 flew over Japan.")
    assert got["Ha Tae-bok"].type == "person" and got["Ha Tae-bok"].cue == "korean-name"
    assert "Taepodong-1" not in got or got["Taepodong-1"].type != "person"


def test_a_given_name_before_a_place_name_makes_a_person() -> None:
    from kankei.pipeline import extract
    recs = [r for r in extract("A plaintiff, Eiko Kawasaki, 79, spoke outside the court in Kawasaki.").records()
            if r["kind"] == "entity"]
    assert [(r["text"], r["type"]) for r in recs][:1] == [("Eiko Kawasaki", "person")]
    assert ("Kawasaki", "place") in [(r["text"], r["type"]) for r in recs]
