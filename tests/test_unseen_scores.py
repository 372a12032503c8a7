"""Floors on the unseen set (tests/unseen): five articles annotated apart from the code and
never used to tune it. Only these totals are read; the misses are not studied, so that the
set stays a fair stand-in for documents kankei has never seen."""
from pathlib import Path

import pytest

from scoring import assert_floor, score

UNSEEN = Path(__file__).parent / "unseen"
FLOORS = {("time", "value"): 0.97, ("quantity", "value"): 0.95, ("entity", "linked"): 0.90,
          ("event", "typed"): 0.81, ("event", "full"): 0.68}


@pytest.fixture(scope="module")
def report(shared_dir, tmp_path_factory):
    return score(shared_dir, UNSEEN / "corpus", UNSEEN / "gold", tmp_path_factory.mktemp("unseen") / "pred.jsonl")


@pytest.mark.parametrize("kind,measure", list(FLOORS))
def test_unseen_floor(report, kind, measure):
    assert_floor(report, FLOORS, kind, measure)
