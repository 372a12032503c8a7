"""`kankei extract` streams: a huge document is extracted piece by piece, offsets kept exact."""
from __future__ import annotations

from pathlib import Path

import pytest

import kankei.extract as ex
from kankei.read import read_path

PARAGRAPH = ("On 17 September 2002 Junichiro Koizumi met Kim Jong Il in Pyongyang. "
             "North Korea admitted that it had abducted 13 Japanese citizens. "
             "Five of them returned to Japan in October 2002.")


def _source(tmp_path: Path, text: str):
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    return read_path(path)


def test_a_short_document_gives_exactly_the_records_of_a_whole_extraction(tmp_path: Path) -> None:
    src = _source(tmp_path, PARAGRAPH + "\n\n" + PARAGRAPH + "\n")
    assert list(ex.document_records(src)) == ex.extract_source(src).records()


@pytest.mark.parametrize("sep", ["\n\n", " "])   # paragraphs, or one line without breaks
def test_a_long_document_is_cut_into_pieces_with_exact_offsets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               sep: str) -> None:
    text = sep.join([PARAGRAPH] * 40) + "\n"
    monkeypatch.setattr(ex, "STREAM_CHARS", 1000)
    monkeypatch.setattr(ex, "PIECE_CHARS", 900)
    src = _source(tmp_path, text)
    cuts = list(ex.pieces(text, 900))
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text) and len(cuts) > 5
    assert all(a1 == b0 for (_, b0), (a1, _) in zip(cuts, cuts[1:], strict=False))
    assert all(text[b - 1].isspace() for _, b in cuts)      # never inside a word
    records = list(ex.document_records(src))
    assert records[0]["kind"] == "document" and records[0]["end"] == len(text)
    assert sum(r["kind"] == "document" for r in records) == 1
    starts = [r["start"] for r in records[1:]]
    assert starts == sorted(starts)
    named = {(r["start"], r["end"], r.get("entity")) for r in records if r["kind"] == "entity"}
    for r in records[1:]:
        assert text[r["start"]:r["end"]] == r["text"]
        for p in r.get("participants") or []:
            if p.get("start") is not None:
                # (a participant may be named in an earlier sentence: a pronoun's, or the state aimed at)
                assert (p["start"], p["end"], p["entity"]) in named or p.get("via"), p
    times = [r for r in records if r["kind"] == "time" and r["text"] == "17 September 2002"]
    assert len(times) == 40 and {r["value"] for r in times} == {"2002-09-17"}


def test_shift_record_moves_every_offset() -> None:
    rec = {"start": 1, "end": 4, "text": "abc", "time_start": 2, "participants": [{"start": 3, "end": 5}],
           "value": 7, "hedged": True}
    assert ex.shift_record(rec, 10) == {"start": 11, "end": 14, "text": "abc", "time_start": 12,
                                        "participants": [{"start": 13, "end": 15}], "value": 7, "hedged": True}
