"""The dev-corpus floors: scored by the shared scorer, so no later change regresses them."""
import json
import subprocess
import sys

import orjson
import pytest

from kankei.extract import extract_paths

FLOORS = {("time", "value"): 0.90, ("quantity", "value"): 0.90, ("entity", "linked"): 0.90,
          ("event", "typed"): 0.75, ("event", "full"): 0.60}


@pytest.fixture(scope="module")
def report(shared_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("dev") / "pred.jsonl"
    with open(out, "wb") as f:
        for item in extract_paths(sorted((shared_dir / "corpus").glob("*.txt"))):
            assert not isinstance(item, Exception), str(item)
            for rec in item.records():
                f.write(orjson.dumps(rec) + b"\n")
    proc = subprocess.run(
        [sys.executable, str(shared_dir / "eval" / "score.py"), "--gold", str(shared_dir / "gold"),
         "--corpus", str(shared_dir / "corpus"), str(out), "--json"],
        capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


@pytest.mark.parametrize("kind,measure", list(FLOORS))
def test_dev_floor(report, kind, measure):
    f1 = report[kind][measure]["f1"]
    assert f1 >= FLOORS[(kind, measure)], f"{kind} {measure} F1 {f1:.3f} is below {FLOORS[(kind, measure)]}"


def test_every_record_quotes_its_source(shared_dir):
    for path in sorted((shared_dir / "corpus").glob("*.txt")):
        with open(path, encoding="utf-8", newline="") as f:
            source = f.read()
        for item in extract_paths([path]):
            for rec in item.records()[1:]:
                assert source[rec["start"]:rec["end"]] == rec["text"], rec
