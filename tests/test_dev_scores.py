"""The dev-corpus floors: scored by the shared scorer, so no later change regresses them."""
import pytest

from kankei.extract import extract_paths
from scoring import assert_floor, score

# Event floors follow the spec's event section as it now stands (events from the words that
# state them, never from a date alone): the date-anchored extractor scored 0.76/0.64 here
# partly on events whose trigger was a bare date. The goal stays 0.75/0.60 (issue "Events a
# historian can trust"): the devset holds it; these hold what the seed articles reach now.
FLOORS = {("time", "value"): 0.95, ("quantity", "value"): 0.90, ("entity", "linked"): 0.90,
          ("event", "typed"): 0.75, ("event", "full"): 0.60}


@pytest.fixture(scope="module")
def report(shared_dir, tmp_path_factory):
    return score(shared_dir, shared_dir / "corpus", shared_dir / "gold", tmp_path_factory.mktemp("dev") / "pred.jsonl")


@pytest.mark.parametrize("kind,measure", list(FLOORS))
def test_dev_floor(report, kind, measure):
    assert_floor(report, FLOORS, kind, measure)


def test_every_record_quotes_its_source(shared_dir):
    for path in sorted((shared_dir / "corpus").glob("*.txt")):
        with open(path, encoding="utf-8", newline="") as f:
            source = f.read()
        for item in extract_paths([path]):
            for rec in item.records()[1:]:
                assert source[rec["start"]:rec["end"]] == rec["text"], rec
