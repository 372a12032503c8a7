"""Score kankei's extraction of a corpus against hand gold with the shared scorer."""
import json
import subprocess
import sys
from pathlib import Path

import orjson

from kankei.extract import extract_paths


def score(shared_dir: Path, corpus: Path, gold: Path, out: Path) -> dict:
    """The scorer's JSON report for kankei's records of every .txt in corpus (written to out)."""
    with open(out, "wb") as f:
        for item in extract_paths(sorted(corpus.glob("*.txt"))):
            assert not isinstance(item, Exception), str(item)
            for rec in item.records():
                f.write(orjson.dumps(rec) + b"\n")
    proc = subprocess.run(
        [sys.executable, str(shared_dir / "eval" / "score.py"), "--gold", str(gold), "--corpus", str(corpus),
         str(out), "--json"],
        capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def assert_floor(report: dict, floors: dict, kind: str, measure: str) -> None:
    """The scorer's F1 for (kind, measure) is at least its floor."""
    f1 = report[kind][measure]["f1"]
    assert f1 >= floors[(kind, measure)], f"{kind} {measure} F1 {f1:.3f} is below {floors[(kind, measure)]}"
