"""The unseen evaluation set is well formed: exact spans, known ids, and the shared scorer
gives 1.0 when the gold is scored against itself.

These tests check the annotation only; they never run kankei on the unseen texts.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
CORPUS = HERE / "corpus"
GOLD = HERE / "gold"
SHARED = HERE.parents[2] / "shared"
DOCS = sorted(p.stem for p in CORPUS.glob("*.txt"))
EVENT_TYPES = {
    "found", "dissolve", "annex", "war", "migrate", "meet", "agree", "apologize", "aid",
    "sanction", "ease", "threaten", "demand", "accuse", "reject", "weapons_test", "abduct",
    "release", "legal", "statement", "resolution", "leader", "other",
}


def _source(doc: str) -> str:
    with open(CORPUS / f"{doc}.txt", encoding="utf-8", newline="") as f:
        return f.read()


def _records(doc: str) -> list[dict]:
    lines = (GOLD / f"{doc}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _entities(doc: str) -> dict:
    return json.loads((GOLD / f"entities.{doc}.json").read_text(encoding="utf-8"))


def test_five_articles_of_the_planned_length() -> None:
    assert DOCS == ["k_talks_wire", "l_kcna_statement", "m_court_ruling",
                    "n_chongryon_history", "o_abduction_timeline_op_ed"]
    for doc in DOCS:
        assert 600 <= len(_source(doc).split()) <= 1000, doc


@pytest.mark.parametrize("doc", DOCS)
def test_spans_are_exact_and_ids_known(doc: str) -> None:
    source, recs, ents = _source(doc), _records(doc), _entities(doc)
    assert recs[0]["kind"] == "document" and recs[0]["end"] == len(source)
    mentions = {(r["start"], r["end"]): r["entity"] for r in recs if r["kind"] == "entity"}
    kinds = set()
    for r in recs[1:]:
        kinds.add(r["kind"])
        assert source[r["start"]:r["end"]] == r["text"], r
        if r["kind"] == "entity":
            assert r["entity"] in ents, r
        if r["kind"] == "event":
            assert r["type"] in EVENT_TYPES and r.get("alt_type", "other") in EVENT_TYPES, r
            assert r.get("modality") in (None, "hypothetical", "negated"), r
            for p in r["participants"]:
                assert p["role"] in ("agent", "patient", "location") and p["entity"] in ents, r
                if "start" in p:
                    # a participant's span is one of the entity mentions, with the same id
                    assert mentions.get((p["start"], p["end"])) == p["entity"], (r["text"], p)
    assert kinds == {"time", "quantity", "entity", "event"}


def test_shared_scorer_gives_gold_against_itself_full_marks(tmp_path: Path) -> None:
    scorer = SHARED / "eval" / "score.py"
    if not scorer.exists():
        if os.environ.get("CI"):
            pytest.fail(f"shared scorer missing at {scorer}")
        pytest.skip("shared scorer not available")
    pred = tmp_path / "gold_as_pred.jsonl"
    pred.write_text("".join((GOLD / f"{d}.jsonl").read_text(encoding="utf-8") for d in DOCS),
                    encoding="utf-8")
    base = [sys.executable, str(scorer), "--gold", str(GOLD), "--corpus", str(CORPUS)]
    subprocess.run(base + ["--check"], check=True, capture_output=True)
    out = subprocess.run(base + [str(pred), "--json"], check=True, capture_output=True, text=True)
    report = json.loads(out.stdout)
    for kind, block in report.items():
        for name, val in block.items():
            if isinstance(val, dict):
                assert val["f1"] == 1.0, (kind, name, val)
