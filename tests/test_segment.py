"""Sentence and endnote segmentation. All example sentences are composed for these tests."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kankei.text import Marker, Note, note_markers, notes, notes_section, sentences


def split(text: str, **kw) -> list[str]:
    return [text[s:e] for s, e in sentences(text, **kw)]


# --- sentences -------------------------------------------------------------------------

def test_plain_sentences() -> None:
    assert split("The ship left Niigata. It reached Chongjin! Was anyone aboard? Yes.") == [
        "The ship left Niigata.", "It reached Chongjin!", "Was anyone aboard?", "Yes."]


def test_empty_and_blank() -> None:
    assert sentences("") == []
    assert sentences("  \n\n\t \r\n") == []


@pytest.mark.parametrize("text", [
    "Mr. Sato and Dr. Pak met Prof. Lee in the capital.",
    "The delegation reached the U.S. embassy before noon.",
    "The U.N. resolution passed without a vote.",
    "The letter of Jan. 12 and the reply of Feb. 3 were filed.",
    "See No. 14 and Vol. 2 of the series.",
    "The figures appear in pp. 210-215 and p. 9 of the report.",
    "Compare Sato op. cit. with the later account.",
    "Several groups, i.e. the unions and e.g. the churches, objected.",
    "Schools, clinics, banks, etc. were run by the association.",
    "The memo was signed by J. Tanaka and K. M. Oh in person.",
    "Exports fell by 3.5 percent and 12.75 percent in two years.",
    "The file is in box no. GS-0042 at the library.",
])
def test_no_split_inside_sentence(text: str) -> None:
    assert split(text) == [text]


def test_abbreviation_then_real_sentence_start() -> None:
    assert split("Talks moved to the U.S. The second round failed.") == [
        "Talks moved to the U.S.", "The second round failed."]
    assert split("They sent rice, wheat, etc. However, the aid stopped.") == [
        "They sent rice, wheat, etc.", "However, the aid stopped."]


def test_quote_that_continues_is_not_split() -> None:
    text = "The minister said, “We refuse. They must apologize first,” and left. Reporters waited."
    assert split(text) == [
        "The minister said, “We refuse. They must apologize first,” and left.", "Reporters waited."]


def test_closing_quote_ends_sentence() -> None:
    assert split("He called it “a settled matter.” Nobody agreed.") == [
        "He called it “a settled matter.”", "Nobody agreed."]


def test_unbalanced_quote_does_not_swallow_the_paragraph() -> None:
    assert split("A stray “ mark here. The next sentence. And another.") == [
        "A stray “ mark here.", "The next sentence.", "And another."]


def test_glued_footnote_markers_stay_with_their_sentence() -> None:
    text = ("Some 900 people sailed.3 However, the port closed in 1960.4 Later it reopened.”5 "
            "Few noticed.)6 The record ends in 2004.12 Nobody objected.")
    assert split(text) == [
        "Some 900 people sailed.3", "However, the port closed in 1960.4", "Later it reopened.”5",
        "Few noticed.)6", "The record ends in 2004.12", "Nobody objected."]


def test_bracketed_marker_stays_with_its_sentence() -> None:
    assert split("The office was closed. [4] A new one opened.") == [
        "The office was closed. [4]", "A new one opened."]


def test_decimal_followed_by_capital_is_not_a_marker() -> None:
    assert split("The rate was 2.5 Percent higher.") == ["The rate was 2.5 Percent higher."]


def test_detached_marker_at_line_end_stays() -> None:
    assert split("The mission ended in failure. 7\n\nNext paragraph.") == [
        "The mission ended in failure. 7", "Next paragraph."]


def test_detached_marker_judged_by_numbering() -> None:
    text = ("Ferries ran weekly.1 Cargo grew.2 Trade stalled after the ban. 3 By 1999, few ships "
            "sailed.4 In 1990, 14 Japanese fishermen were held.")
    assert split(text) == [
        "Ferries ran weekly.1", "Cargo grew.2", "Trade stalled after the ban. 3",
        "By 1999, few ships sailed.4", "In 1990, 14 Japanese fishermen were held."]
    # Without surrounding markers a number opening a sentence stays with that sentence.
    assert split("Talks failed. 12 Delegates walked out.") == ["Talks failed.", "12 Delegates walked out."]


def test_every_line_is_a_unit() -> None:
    text = "A Heading Without Period\nFirst sentence here. Second one\ncontinues on a new line"
    assert split(text) == ["A Heading Without Period", "First sentence here.", "Second one",
                           "continues on a new line"]


def test_join_lines_for_wrapped_text() -> None:
    text = "A wrapped sentence that\ncontinues here. Next one.\n\nNew paragraph."
    assert split(text, join_lines=True) == [
        "A wrapped sentence that\ncontinues here.", "Next one.", "New paragraph."]


def test_crlf_bom_and_offsets() -> None:
    text = "\ufeffTitle line\r\nBody text here. More text.\r\n"
    spans = sentences(text)
    assert [text[s:e] for s, e in spans] == ["Title line", "Body text here.", "More text."]
    assert spans[0] == (1, 11)


def test_list_item_numbers_are_not_sentences() -> None:
    assert split("1. The first point holds. 2. The second point too.\nIV. Background") == [
        "1. The first point holds.", "2. The second point too.", "IV. Background"]


def test_japanese_punctuation() -> None:
    assert split("日本は抗議した。北朝鮮は否定した！本当か？") == ["日本は抗議した。", "北朝鮮は否定した！", "本当か？"]


def test_lowercase_after_period_does_not_split() -> None:
    assert split("It was approx. ten ships. Then more came.") == ["It was approx. ten ships.", "Then more came."]


_ALPHABET = st.sampled_from(list("abc XYZ019.,!?;:“”\"'()[]\n\r\t-…。") + ["Mr.", "U.S.", " 3.5", ".3 ", "\n\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join), st.booleans())
def test_spans_are_sorted_disjoint_trimmed_and_cover_the_text(text: str, join: bool) -> None:
    spans = sentences(text, join_lines=join)
    prev_end = 0
    covered = [False] * len(text)
    for s, e in spans:
        assert prev_end <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        for i in range(s, e):
            covered[i] = True
        prev_end = e
    assert all(c or ch.isspace() or ch in "\ufeff\u200b" for c, ch in zip(covered, text, strict=True))


def test_a_long_document_is_split_whole() -> None:
    para = ("Mr. Sato met the U.S. envoy on Jan. 5, 1961. Exports fell 3.5 percent.2 “We refuse. "
            "Never,” he said. The office closed. [3] A second office, No. 7, opened in 1962.4\n\n")
    text = para * (300_000 // len(para.split()))
    spans = sentences(text)         # (its speed is a benchmark's business: bench/pathological.py)
    assert len(spans) == 5 * (300_000 // len(para.split()))
    one_line = text.replace("\n", " ")   # one giant paragraph: the same sentences
    assert len(sentences(one_line)) == len(spans)


# --- notes -----------------------------------------------------------------------------

BODY = ("The Niigata office opened in 1959.1 Officials kept records of every sailing.2\n\n"
        "A second paragraph cites a memo [3] and a diary.4 It mentions the Mangyongbong-92, "
        "the Taepodong-1 and 3.5 percent growth in 1960. See p.3 and No.5 too. "
        "The vote was “unanimous.”5 Support ended in 1961.\n\n")


def _note_texts(text: str) -> list[tuple[str, str]]:
    found = notes(text)
    for n in found:
        assert isinstance(n, Note)
        assert text[n.start:n.end] == n.text
    return [(n.number, n.text) for n in found]


def test_notes_under_a_heading() -> None:
    text = BODY + "Notes\n\n1. Ministry memo, 12 May 1959, p. 4.\n2. Interview, Tokyo, 2004.\n3. Ibid.\n"
    assert text[notes_section(text):].startswith("Notes\n")
    assert _note_texts(text) == [("1", "Ministry memo, 12 May 1959, p. 4."),
                                 ("2", "Interview, Tokyo, 2004."), ("3", "Ibid.")]


def test_bracketed_notes_without_heading_and_trailer() -> None:
    text = (BODY + "[1] Ministry memo, 12 May 1959.\n[2] Interview, Tokyo,\n2004, a wrapped line.\n"
            "[3] Ibid.\n\nReprinted with permission.")
    assert text[notes_section(text):].startswith("[1] Ministry")
    assert _note_texts(text) == [("1", "Ministry memo, 12 May 1959."),
                                 ("2", "Interview, Tokyo,\n2004, a wrapped line."), ("3", "Ibid.")]


def test_bare_numbered_notes_skip_wrapped_lines_starting_with_numbers() -> None:
    text = BODY + "1 Ministry memo, 12 May 1959.\n2 Interview, Tokyo,\n12 May was the date.\n3 Ibid., p. 2.\n"
    assert _note_texts(text) == [("1", "Ministry memo, 12 May 1959."),
                                 ("2", "Interview, Tokyo,\n12 May was the date."), ("3", "Ibid., p. 2.")]


def test_numbered_list_in_the_body_is_not_a_notes_section() -> None:
    text = BODY + "Two points follow.\n\n1. The first point about policy.\n\n2. The second point.\n\nA closing remark."
    assert notes_section(text) is None
    assert notes(text) == []


def test_numbered_list_far_from_the_end_is_not_notes() -> None:
    text = "[1] Early list, 1959.\n[2] Another, 1960.\n\n" + BODY * 20
    assert notes_section(text) is None


def test_references_heading_in_contents_near_top_is_ignored() -> None:
    text = "Contents\nIntroduction\nReferences\n\n" + BODY * 5
    assert notes_section(text) is None


def test_unnumbered_references_under_a_late_heading() -> None:
    text = BODY * 3 + "References\n\nSato, A. (2004). A History. Tokyo.\nKim, B. (1999). Ships. Seoul.\n"
    assert text[notes_section(text):].startswith("References")
    assert notes(text) == []
    assert len(note_markers(text)) == 15


def test_a_sources_section_early_in_the_body_is_not_the_notes() -> None:
    text = "Sources\nThe data come from ministry files.\n\n" + BODY * 3
    assert notes_section(text) is None
    assert len(note_markers(text)) == 15


def test_notes_followed_by_a_bibliography_heading() -> None:
    text = (BODY * 3 + "[1] Memo, 1959.\n[2] Letter, 1960.\n\nBibliography\n\nSato, A. (2004). A History. Tokyo.\n")
    assert text[notes_section(text):].startswith("[1] Memo")
    assert [n for n, _ in _note_texts(text)] == ["1", "2"]


def test_no_notes_at_all() -> None:
    assert notes_section("Just one sentence.") is None
    assert notes("") == []
    assert note_markers("") == []


# --- note markers ----------------------------------------------------------------------

def _markers(text: str) -> list[tuple[str, str]]:
    found = note_markers(text)
    for m in found:
        assert isinstance(m, Marker)
        assert text[m.start:m.end] == m.number
    return [(m.number, text[m.start - 1:m.end]) for m in found]


def test_markers_in_the_body_only() -> None:
    text = BODY + "Notes\n\n1. Memo, 1959.\n2. Interview, 2004.\n3. Ibid.\n4. Diary, 1960.\n5. Ibid.\n"
    assert _markers(text) == [("1", ".1"), ("2", ".2"), ("3", "[3"), ("4", ".4"), ("5", "”5")]


@pytest.mark.parametrize("text", [
    "Growth was 3.5 percent.",
    "The Mangyongbong-92 docked.",
    "A Taepodong-1. Then another.",
    "See p.3 and No.5 and Vol.2 for detail.",
    "The ratio was 1.25 Overall.",
    "It happened on 17.2.1953 in Geneva.",
    "Sales grew in 1959 and 1960.",
    "[1] A note line is not a citation.",
])
def test_not_markers(text: str) -> None:
    assert note_markers(text) == []


@pytest.mark.parametrize("text,number", [
    ("the population.3 However", "3"),
    ("remained in Japan.7 The", "7"),
    ("an embassy in Tokyo.9 (A different", "9"),
    ("had recovered.19 ", "19"),
    ("ties with the DPRK.18\n", "18"),
    ("relief in 1995-96.21 Several", "21"),
    ("with Mindan.)10\n", "10"),
    ("called “very harsh”6, said", "6"),
    ("the cited work (Kim 2004).8 Then", "8"),
    ("a superscript mark¹² here", "12"),
    ("in the text, [14] and more", "14"),
])
def test_marker_forms(text: str, number: str) -> None:
    assert [m.number for m in note_markers(text)] == [number]


def test_detached_markers_need_the_numbering() -> None:
    text = "Ferries ran.1 Cargo grew. 2 By 1999 trade fell.3 It ended. 4\n\nIn 1990, 14 Japanese crew were held."
    assert [m.number for m in note_markers(text)] == ["1", "2", "3", "4"]
    assert note_markers("Talks failed. 12 Delegates left.") == []


@settings(max_examples=200, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_notes_functions_never_crash_and_stay_in_bounds(text: str) -> None:
    section = notes_section(text)
    assert section is None or 0 <= section <= len(text)
    for n in notes(text):
        assert 0 <= n.start <= n.end <= len(text) and text[n.start:n.end] == n.text
    limit = len(text) if section is None else section
    for m in note_markers(text):
        assert 0 <= m.start < m.end <= limit and text[m.start:m.end] == m.number


def test_hard_wrapped_prose_is_read_as_sentences_and_headings_stay_lines() -> None:
    text = ("Notes From the Archive\n"
            "In 1959 the first ships left the port of Niigata for the North, and\n"
            "the families who boarded them took little with them. Most never came\n"
            "back to Japan.\n"
            "A Second Heading\n")
    got = [text[s:e] for s, e in sentences(text)]
    assert got[0] == "Notes From the Archive" and got[-1] == "A Second Heading"
    assert got[1].startswith("In 1959") and got[1].endswith("took little with them.")
    assert got[2] == "Most never came\nback to Japan."


def test_a_paragraph_wrapped_at_a_fixed_width_goes_on_past_a_capitalized_word() -> None:
    text = ("The envoy met officials of the Red Cross in Geneva in May. The Japanese\n"
            "Foreign Ministry said it would send a second team, and the North Korean\n"
            "Embassy in Beijing declined to comment on the plan that evening.\n"
            "Talks Resume\n")
    got = [text[s:e] for s, e in sentences(text)]
    assert "The Japanese\nForeign Ministry said it would send a second team, and the North Korean\n" \
           "Embassy in Beijing declined to comment on the plan that evening." in got
    assert got[-1] == "Talks Resume"


def test_a_known_name_wrapped_onto_the_next_line_is_found() -> None:
    from kankei.pipeline import extract
    text = ("In a statement on Monday a spokesman of the Japanese Foreign\n"
            "Ministry said the talks would resume in Stockholm next month.\n")
    ents = {r["entity"] for r in extract(text, doc="w").records() if r["kind"] == "entity"}
    assert "org:mofa_japan" in ents
