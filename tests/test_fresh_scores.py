"""Floors on the fresh evaluation set (tests/fresh): articles kankei was not built from."""
import json
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from kankei.extract import extract_paths

FRESH = Path(__file__).parent / "fresh"
FLOORS = {("time", "value"): 0.85, ("quantity", "value"): 0.85, ("entity", "linked"): 0.85}


@pytest.fixture(scope="module")
def report(shared_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("fresh") / "pred.jsonl"
    with open(out, "wb") as f:
        for item in extract_paths(sorted((FRESH / "corpus").glob("*.txt"))):
            assert not isinstance(item, Exception), str(item)
            for rec in item.records():
                f.write(orjson.dumps(rec) + b"\n")
    proc = subprocess.run(
        [sys.executable, str(shared_dir / "eval" / "score.py"), "--gold", str(FRESH / "gold"),
         "--corpus", str(FRESH / "corpus"), str(out), "--json"],
        capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


@pytest.mark.parametrize("kind,measure", list(FLOORS))
def test_fresh_floor(report, kind, measure):
    f1 = report[kind][measure]["f1"]
    assert f1 >= FLOORS[(kind, measure)], f"{kind} {measure} F1 {f1:.3f} is below {FLOORS[(kind, measure)]}"
