"""Endnote references and the citations that point at them. Every note is composed for these tests."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kankei.assemble.citations import Citation, Reference, link_markers, parse_notes


def doc(body: str, *notes: str, bracketed: bool = True) -> str:
    """A document: body text, a Notes heading, then the numbered notes."""
    lines = [f"[{i}] {n}" if bracketed else f"{i}. {n}" for i, n in enumerate(notes, 1)]
    return body + "\n\nNotes\n\n" + "\n".join(lines) + "\n"


BODY = ("The return ships first left Niigata in December 1959. Thousands boarded in the first year. "
        "Critics called the scheme an expulsion. The Red Cross agreed to supervise departures.\n")


def refs_of(*notes: str) -> list[Reference]:
    text = doc(BODY, *notes)
    refs = parse_notes(text)
    for r in refs:
        assert text[r.start:r.end] == r.text
    return refs


def one(note: str) -> Reference:
    refs = refs_of(note)
    assert len(refs) == 1, refs
    return refs[0]


# --- letters and memoranda -------------------------------------------------------------

def test_letter_in_icrc_archives() -> None:
    r = one("Tanabe to Rochat, 4 March 1958, ICRC Archives, B AG 251 075-003.")
    assert (r.kind, r.author, r.recipient, r.date) == ("letter", "Tanabe", "Rochat", "1958-03-04")
    assert r.archive == "ICRC Archives"
    assert r.call_number == "B AG 251 075-003"
    assert r.text == "Tanabe to Rochat, 4 March 1958, ICRC Archives, B AG 251 075-003."
    assert not r.op_cit and r.refers_to is None


def test_letter_with_french_file_title() -> None:
    r = one("Rochat to Tanabe, 9 April 1958, Archives du CICR, B AG 251 075-004, Rapatriement des Coréens "
            "du Japon, dossier IV : correspondance avec la Croix-Rouge japonaise , 02.01.1958-30.06.1958.")
    assert (r.kind, r.author, r.recipient, r.date) == ("letter", "Rochat", "Tanabe", "1958-04-09")
    assert r.archive == "ICRC Archives"          # the French alias gives the canonical name
    assert r.call_number == "B AG 251 075-004"
    assert r.file == "Rapatriement des Coréens du Japon, dossier IV : correspondance avec la Croix-Rouge japonaise"


def test_file_title_after_a_period() -> None:
    r = one("Weber to ICRC, 2 June 1959, ICRC Archives, B AG 251 075-007. Rapatriement des Coréens du "
            "Japon, dossier VII : missions , 01.05.1959-31.07.1959.")
    assert r.call_number == "B AG 251 075-007"
    assert r.file == "Rapatriement des Coréens du Japon, dossier VII : missions"
    assert r.date == "1959-06-02"


def test_explicit_letter_from_inside_a_description() -> None:
    r = one("See English summary of letter from Fujiyama to Rochat, 5 May 1958, ICRC Archives, B AG 251 075-005")
    assert (r.kind, r.author, r.recipient, r.date) == ("letter", "Fujiyama", "Rochat", "1958-05-05")
    assert r.text.startswith("English summary")       # the "See" lead-in is not part of the reference


def test_memorandum_with_box_and_microfiche() -> None:
    r = one("Memorandum for General Whitney, “Status of Korean Residents”, 12 June 1950, held in GHQ/SCAP "
            "archives, box no. 1432, held in National Diet Library, Tokyo, microfiche no. LS-04417.")
    assert (r.kind, r.recipient, r.title, r.date) == (
        "memorandum", "General Whitney", "Status of Korean Residents", "1950-06-12")
    assert r.archive == "GHQ/SCAP Records"
    assert r.call_number == "box no. 1432, microfiche no. LS-04417"
    assert r.place is None          # Tokyo is where the library is, not a place of publication


def test_untitled_memo_takes_no_title_from_a_quoted_initial() -> None:
    r = one("untitled memo on alien registration, initialed “KT”, held in GHQ/SCAP archives, box no. 1432.")
    assert r.kind == "memorandum"
    assert r.title is None
    assert r.call_number == "box no. 1432"


def test_record_series_call_numbers() -> None:
    r = one("Tokyo Chancery to Far Eastern Department, 2 February 1959, The National Archives, Kew, FO 371/141562.")
    assert (r.kind, r.author, r.recipient) == ("letter", "Tokyo Chancery", "Far Eastern Department")
    assert r.archive == "The National Archives (UK)"
    assert r.call_number == "FO 371/141562"
    r = one("Telegram from Embassy Tokyo to Secretary of State, 11 August 1959, NARA, RG 59, 694.95B/8-1159.")
    assert (r.kind, r.author, r.recipient, r.date) == ("letter", "Embassy Tokyo", "Secretary of State", "1959-08-11")
    assert r.archive == "US National Archives"
    assert r.call_number == "RG 59, 694.95B/8-1159"


def test_archive_by_cue_word() -> None:
    r = one("Minutes of the repatriation committee, 3 March 1960, Okinawa Prefectural Archives, file no. R-220.")
    assert r.kind == "memorandum"
    assert r.archive == "Okinawa Prefectural Archives"
    assert r.call_number == "file no. R-220"


# --- books, articles, newspapers, the web ----------------------------------------------

def test_book_with_place_publisher_year_pages() -> None:
    r = one("Hanako Mori, Ships to Chongjin: Return, Memory, and Exile, Honolulu, University of Hawaii Press, "
            "2011, pp. 201-209.")
    assert (r.kind, r.author, r.place, r.publisher, r.date, r.pages) == (
        "book", "Hanako Mori", "Honolulu", "University of Hawaii Press", "2011", "201-209")
    assert r.title == "Ships to Chongjin: Return, Memory, and Exile"    # commas inside the title


def test_japanese_book_with_editors_and_volume() -> None:
    r = one("Ueda Jiro and Park Sunhee eds., Kikoku Kankei Bunsho Vol. 3, Tokyo, Akashi Shoten, 2001, p. 77.")
    assert r.kind == "book"
    assert r.author == "Ueda Jiro and Park Sunhee"
    assert r.title == "Kikoku Kankei Bunsho Vol. 3"
    assert (r.volume, r.place, r.publisher, r.date, r.pages) == ("3", "Tokyo", "Akashi Shoten", "2001", "77")


def test_book_with_a_year_in_its_title_takes_the_imprint_year() -> None:
    r = one("Kenji Arai, Koreans in Osaka 1945-1965, Kyoto, Hozokan, 1989.")
    assert r.date == "1989" and r.publisher == "Hozokan" and r.title == "Koreans in Osaka 1945-1965"


def test_chicago_imprint_in_parentheses() -> None:
    r = one("Kenji Arai, The Niigata Docks (Oxford: Clarendon Press, 1999), p. 12.")
    assert (r.kind, r.author, r.title, r.place, r.publisher, r.date, r.pages) == (
        "book", "Kenji Arai", "The Niigata Docks", "Oxford", "Clarendon Press", "1999", "12")


def test_journal_article_with_volume_issue_pages() -> None:
    r = one("Junko Sato, “Red Cross Diplomacy and the Return Ships”, Journal of Northeast Asian Affairs, "
            "vol. 9, no. 2, 2012, pp. 77-104.")
    assert (r.kind, r.author, r.title, r.container) == (
        "article", "Junko Sato", "Red Cross Diplomacy and the Return Ships", "Journal of Northeast Asian Affairs")
    assert (r.volume, r.issue, r.date, r.pages) == ("9", "2", "2012", "77-104")


def test_journal_article_compact_volume() -> None:
    r = one("Min Park, “Ferries and Families,” Korea Review 48(3) (2008): 55–80.")
    assert (r.kind, r.title, r.container, r.volume, r.issue, r.pages, r.date) == (
        "article", "Ferries and Families", "Korea Review", "48", "3", "55-80", "2008")


def test_chapter_in_edited_book() -> None:
    r = one("Lee Jinsook, “Schools of the Association”, in Mori Hanako (ed.), Zainichi Lives, London, "
            "Routledge, 2004, pp. 31-50.")
    assert (r.kind, r.title, r.container, r.publisher, r.place) == (
        "article", "Schools of the Association", "Zainichi Lives", "Routledge", "London")


def test_newspapers() -> None:
    r = one("Asahi Shimbun, 14 December 1959.")
    assert (r.kind, r.container, r.date, r.author) == ("newspaper", "Asahi Shimbun", "1959-12-14", None)
    r = one("“Return ship leaves Niigata”, Japan Times, 15 December 1959, p. 1.")
    assert (r.kind, r.title, r.container, r.date, r.pages) == (
        "newspaper", "Return ship leaves Niigata", "Japan Times", "1959-12-15", "1")


def test_web_page_and_access_date() -> None:
    r = one("Ministry of Foreign Affairs of Japan, “Statement on the Talks”, "
            "https://www.mofa.go.jp/region/asia/talks.html (accessed 3 May 2015).")
    assert r.url == "https://www.mofa.go.jp/region/asia/talks.html"
    assert r.author == "Ministry of Foreign Affairs of Japan"
    assert r.title == "Statement on the Talks"
    assert r.kind == "web"
    assert r.date is None               # the access date is not the document's date
    r = one("Section 3, Red Cross Handbook of Repatriation , http://www.example.org/handbook/s3.html")
    assert (r.kind, r.title, r.url) == ("web", "Red Cross Handbook of Repatriation", "http://www.example.org/handbook/s3.html")


def test_quoted_folder_title_after_a_box_number() -> None:
    r = one("Memorandum for General Whitney, 12 June 1950, held in GHQ/SCAP archives, box no. 1432, "
            "“Aliens, Jan. 1949-Dec. 1950”, held in National Diet Library, microfiche no. LS-04417.")
    assert r.file == "Aliens, Jan. 1949-Dec. 1950"
    assert r.date == "1950-06-12"           # not the folder's dates


def test_russian_archive_fond_opis_delo() -> None:
    r = one("Record of conversation between the Soviet ambassador and Nam Il, 2 March 1959, AVP RF, "
            "fond 0102, opis 15, papka 81, delo 6.")
    assert (r.kind, r.date) == ("memorandum", "1959-03-02")
    assert r.archive == "Archive of Foreign Policy of the Russian Federation"
    assert r.call_number == "fond 0102, opis 15, papka 81, delo 6"


def test_institutional_author_place_without_publisher() -> None:
    r = one("Ministry of Unification, Annual Report on Separated Families 2006, Seoul, 2006, p. 14.")
    assert (r.kind, r.author, r.title, r.place, r.publisher, r.date, r.pages) == (
        "book", "Ministry of Unification", "Annual Report on Separated Families 2006", "Seoul", None, "2006", "14")


# --- several references, op. cit., ibid. -----------------------------------------------

def test_several_references_in_one_note() -> None:
    refs = refs_of("See Asahi Shimbun, 14 December 1959; Hanako Mori, Ships to Chongjin, Honolulu, "
                   "University of Hawaii Press, 2011, p. 9; Tanabe to Rochat, 4 March 1958, ICRC Archives, "
                   "B AG 251 075-003.")
    assert [r.kind for r in refs] == ["newspaper", "book", "letter"]
    assert [r.text for r in refs] == [
        "Asahi Shimbun, 14 December 1959",
        "Hanako Mori, Ships to Chongjin, Honolulu, University of Hawaii Press, 2011, p. 9",
        "Tanabe to Rochat, 4 March 1958, ICRC Archives, B AG 251 075-003."]
    assert {r.note for r in refs} == {"1"}


def test_semicolon_inside_quotes_or_parentheses_does_not_split() -> None:
    refs = refs_of("Sato Ken, “Return; or Exile?”, Korea Review 12(1) (1999): 5-9 (see also pp. 20; 31).")
    assert len(refs) == 1 and refs[0].title == "Return; or Exile?"


def test_see_also_sentence_opens_a_new_reference() -> None:
    refs = refs_of("Memorandum for General Whitney, 12 June 1950, held in GHQ/SCAP archives, box no. 1432. "
                   "See also Asahi Shimbun, 3 July 1950.")
    assert [r.kind for r in refs] == ["memorandum", "newspaper"]
    assert refs[1].text == "Asahi Shimbun, 3 July 1950."


def test_op_cit_and_ibid_resolve_to_earlier_notes() -> None:
    refs = refs_of(
        "Hanako Mori, Ships to Chongjin, Honolulu, University of Hawaii Press, 2011, p. 9.",
        "Tanabe to Rochat, 4 March 1958, ICRC Archives, B AG 251 075-003.",
        "Ibid.",
        "Mori, op. cit., p. 40.",
        "Ibid., p. 41.",
        "Tanabe to Rochat op. cit.",
        "“Ships to Chongjin” op. cit., p. 2.",
        "Nakamura op. cit.",
    )
    by_note = {r.note: r for r in refs}
    assert by_note["3"].op_cit and by_note["3"].kind == "ibid" and by_note["3"].refers_to == "2"
    assert by_note["4"].author == "Mori" and by_note["4"].refers_to == "1" and by_note["4"].pages == "40"
    assert by_note["5"].refers_to == "1"        # ibid. after op. cit. points at the work itself
    assert (by_note["6"].author, by_note["6"].recipient, by_note["6"].refers_to) == ("Tanabe", "Rochat", "2")
    assert by_note["7"].title == "Ships to Chongjin" and by_note["7"].refers_to == "1"
    assert by_note["8"].op_cit and by_note["8"].refers_to is None     # nobody by that name before


def test_chicago_short_form_and_bare_pages() -> None:
    refs = refs_of(
        "See, for example, Kenji Arai, The Niigata Docks (Oxford: Clarendon Press, 1999), 45–47.",
        "Hanako Mori, Ships to Chongjin, Honolulu, University of Hawaii Press, 2011.",
        "Arai, Niigata Docks, 52.",
        "Ibid., 60.")
    assert refs[0].text.startswith("Kenji Arai") and refs[0].pages == "45-47"
    short, ibid = refs[2], refs[3]
    assert (short.author, short.title, short.pages, short.op_cit, short.refers_to) == (
        "Arai", "Niigata Docks", "52", False, "1")
    assert (ibid.author, ibid.pages, ibid.refers_to) == (None, "60", "1")


def test_op_cit_finds_an_author_named_inside_prose() -> None:
    refs = refs_of(
        "Earlier studies are few. The fullest account in English is that of Hanako Mori, Ships to Chongjin, "
        "Honolulu, University of Hawaii Press, 2011.",
        "Mori op. cit., p. 3.")
    assert refs[0].author == "Hanako Mori" and refs[0].kind == "book"
    assert refs[-1].refers_to == "1"


def test_op_cit_picks_the_nearest_matching_work() -> None:
    refs = refs_of(
        "Hanako Mori, Ships to Chongjin, Honolulu, University of Hawaii Press, 2011.",
        "Kenji Arai, The Niigata Docks (Oxford: Clarendon Press, 1999), p. 12.",
        "Hanako Mori, “Letters Home”, Korea Review 50(1) (2010): 1-20.",
        "Mori op. cit., p. 5.",
        "Mori, “Ships to Chongjin” op. cit., p. 6.")
    assert [r.refers_to for r in refs[3:]] == ["3", "1"]


def test_dotted_notes_and_offsets_into_the_whole_text() -> None:
    text = doc(BODY, "Asahi Shimbun, 14 December 1959.", "Mori op. cit.", bracketed=False)
    refs = parse_notes(text)
    assert [r.note for r in refs] == ["1", "2"]
    assert all(text[r.start:r.end] == r.text for r in refs)
    assert refs[0].start > text.index("Notes")


def test_no_notes_no_references() -> None:
    assert parse_notes("A short article with no notes at all. It ends here.") == []
    assert parse_notes("") == []


# --- markers and sentences ---------------------------------------------------------------

def sentence(text: str, c: Citation) -> str:
    return text[c.sentence_start:c.sentence_end]


def test_glued_markers_tie_to_the_sentence_they_close() -> None:
    body = ("Japan annexed Korea in 1910.1 Many Koreans moved to Japan in the 1930s. By 1945 about two million "
            "lived there.2 Most returned south after the war.”3 The rest stayed.\n")
    text = doc(body, "Asahi Shimbun, 14 December 1959.", "Mori op. cit.", "Ibid.", bracketed=False)
    cites = link_markers(text)
    assert [c.note for c in cites] == ["1", "2", "3"]
    assert [sentence(text, c) for c in cites] == [
        "Japan annexed Korea in 1910.1", "By 1945 about two million lived there.2",
        "Most returned south after the war.”3"]
    assert all(c.kind == "marker" for c in cites)
    assert text[cites[1].marker_start:cites[1].marker_end] == "2"
    assert text[cites[0].ref_start:cites[0].ref_end] == "Asahi Shimbun, 14 December 1959."


def test_bracketed_markers_tie_to_the_sentence_they_sit_in() -> None:
    body = ("The ships were called “floating prisons” [1] and “ships of hope” [2] by different camps. "
            "The committee met in Geneva. [3] No vote was taken.\n")
    text = doc(body, "Asahi Shimbun, 14 December 1959.", "Mori op. cit.", "Ibid.")
    cites = link_markers(text)
    assert [(c.note, text[c.marker_start:c.marker_end]) for c in cites] == [("1", "[1]"), ("2", "[2]"), ("3", "[3]")]
    first = "The ships were called “floating prisons” [1] and “ships of hope” [2] by different camps."
    assert [sentence(text, c) for c in cites] == [first, first, "The committee met in Geneva. [3]"]


def test_author_date_references() -> None:
    body = ("The first ships sailed from Niigata in December 1959 (Morris-Suzuki 2007: 45). Critics saw the "
            "scheme as expulsion (Cumings 1997, 45; see Ryang 1997). As Mori (2011: 12) notes, most came from "
            "the south. The talks resumed later (August 1960). Sanctions followed (Resolution 1718). " * 3)
    text = body + ("\n\nReferences\n\nCumings, Bruce. 1997. Korea's Place in the Sun. New York: Norton.\n"
                   "Mori, Hanako. 2011. Ships to Chongjin. Honolulu: University of Hawaii Press.\n"
                   "Morris-Suzuki, Tessa. 2007. Exodus to North Korea. Lanham: Rowman & Littlefield.\n")
    cites = [c for c in link_markers(text) if c.marker_start < len(body) // 3]
    assert all(c.kind == "author-date" for c in cites)
    got = [(text[c.marker_start:c.marker_end], c.note) for c in cites]
    assert got == [("Morris-Suzuki 2007: 45", "Morris-Suzuki 2007: 45"), ("Cumings 1997, 45", "Cumings 1997, 45"),
                   ("Ryang 1997", "Ryang 1997"), ("Mori (2011: 12)", "Mori (2011: 12)")]
    entries = [text[c.ref_start:c.ref_end] if c.ref_start is not None else None for c in cites]
    assert entries[0].startswith("Morris-Suzuki, Tessa. 2007")
    assert entries[1].startswith("Cumings, Bruce") and entries[2] is None and entries[3].startswith("Mori, Hanako")
    assert sentence(text, cites[1]) == "Critics saw the scheme as expulsion (Cumings 1997, 45; see Ryang 1997)."


def test_author_date_matched_to_a_numbered_note() -> None:
    body = "The scheme was planned in Tokyo (Mori 2011: 12). It began in 1959.1\n"
    text = doc(body, "Hanako Mori, Ships to Chongjin, Honolulu, University of Hawaii Press, 2011.", bracketed=False)
    cites = link_markers(text)
    assert [(c.kind, c.note) for c in cites] == [("author-date", "1"), ("marker", "1")]


# --- robustness -------------------------------------------------------------------------

@pytest.mark.parametrize("note", [
    "Ibid.", "op. cit.", ";;;", "“unclosed title, 1959; Tokyo", "(((", "See", "p.", "http://",
    "ICRC Archives, , , B AG", "Inoue to", "to Boissier", "Memorandum for", "box no.", "[sic]",
])
def test_odd_notes_do_not_break(note: str) -> None:
    text = doc(BODY, note, "Asahi Shimbun, 14 December 1959.")
    for r in parse_notes(text):
        assert text[r.start:r.end] == r.text
    link_markers(text)


_ALPHABET = st.sampled_from(list("abc XYZ019.,;:()[]“”\"‘’-–\n") + ["op. cit.", "Ibid.", "[1] ", "\n2. ",
                            " to ", "ICRC Archives", "box no. 5", "Tokyo", "Press", "http://x.y/z", " 1959",
                            "(Mori 2011: 4)", ".3 ", "Notes\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_never_raises_and_spans_hold(text: str) -> None:
    for r in parse_notes(text):
        assert text[r.start:r.end] == r.text
        assert r.start < r.end
    for c in link_markers(text):
        assert 0 <= c.marker_start < c.marker_end <= len(text)
        assert 0 <= c.sentence_start <= c.sentence_end <= len(text)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_on_arbitrary_text(text: str) -> None:
    for r in parse_notes(text):
        assert text[r.start:r.end] == r.text
    link_markers(text)
