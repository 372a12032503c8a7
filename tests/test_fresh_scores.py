"""Floors on the fresh evaluation set (tests/fresh): articles kankei was not built from."""
from pathlib import Path

import pytest

from scoring import assert_floor, score

FRESH = Path(__file__).parent / "fresh"
FLOORS = {("time", "value"): 0.94, ("quantity", "value"): 0.85, ("entity", "linked"): 0.85,
          ("event", "typed"): 0.77, ("event", "full"): 0.59}


@pytest.fixture(scope="module")
def report(shared_dir, tmp_path_factory):
    return score(shared_dir, FRESH / "corpus", FRESH / "gold", tmp_path_factory.mktemp("fresh") / "pred.jsonl")


@pytest.mark.parametrize("kind,measure", list(FLOORS))
def test_fresh_floor(report, kind, measure):
    assert_floor(report, FLOORS, kind, measure)
