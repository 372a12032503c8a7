"""The devset floors (../shared/devset: real texts annotated apart from the code), scored by
the shared scorer, and the document date of every devset text whose gold states one."""
import json

import pytest

from kankei.extract import extract_paths
from scoring import assert_floor, score

FLOORS = {("time", "value"): 0.97, ("event", "typed"): 0.845, ("event", "full"): 0.775}


@pytest.fixture(scope="module")
def devset(shared_dir):
    return shared_dir / "devset"


@pytest.fixture(scope="module")
def report(shared_dir, devset, tmp_path_factory):
    return score(shared_dir, devset / "corpus", devset / "gold", tmp_path_factory.mktemp("devset") / "pred.jsonl")


@pytest.mark.parametrize("kind,measure", list(FLOORS))
def test_devset_floor(report, kind, measure):
    assert_floor(report, FLOORS, kind, measure)


def test_published_on_every_dated_devset_document(devset):
    gold = {}
    for path in sorted((devset / "gold").glob("*.jsonl")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                if rec["kind"] == "document" and rec.get("published"):
                    gold[rec["doc"]] = rec["published"]
    assert gold, "the devset gold states no document date"
    found = {}
    for item in extract_paths([devset / "corpus" / f"{doc}.txt" for doc in sorted(gold)]):
        assert not isinstance(item, Exception), str(item)
        found[item.doc] = item.published
    assert found == gold
