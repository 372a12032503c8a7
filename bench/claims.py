"""What claim finding costs, on one core, per 100,000 words.

    python bench/claims.py [PATH ...] [--runs 3]

Extracts the texts (the example corpus by default, and ../shared's corpora when they are
there), then times `find_claims` over them with the clause analyses the extraction made for
events (as `kankei build` does), and says how many sentences claims had to analyse that the
events had not, and whether any was analysed twice.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from kankei.assemble.analyses import Analyses
    from kankei.assemble.claims import find_claims
    from kankei.pipeline import extract

    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    paths = [Path(p) for p in args.paths] or [ROOT / "examples" / "corpus", ROOT.parent / "shared" / "corpus",
                                              ROOT.parent / "shared" / "devset" / "corpus"]
    files = sorted(f for p in paths if p.exists() for f in (p.rglob("*.txt") if p.is_dir() else [p]))
    docs = [extract(f.read_text(encoding="utf-8", errors="replace"), doc=f.stem) for f in files]
    words = sum(len(r.text.split()) for r in docs)

    made_by_events = sum(len(r.analyses._done) for r in docs)
    t0 = time.process_time()
    n_claims = sum(len(find_claims(r.text, r.quantities, r.times, r.entities, r.sentences, r.published,
                                   r.analyses)) for r in docs)
    first = time.process_time() - t0
    made_after = sum(len(r.analyses._done) for r in docs)

    class Counting(Analyses):
        """Counts the analyses asked for that were already made: none should be made twice."""
        made = 0

        def of(self, start: int, end: int):
            if (start, end) not in self._done:
                Counting.made += 1
            return super().of(start, end)

    best = float("inf")
    for _ in range(args.runs):
        t0 = time.process_time()
        for r in docs:
            shared = Counting(r.text)
            shared._done = r.analyses._done     # everything the first run and the events analysed
            find_claims(r.text, r.quantities, r.times, r.entities, r.sentences, r.published, shared)
        best = min(best, time.process_time() - t0)
    scale = 100_000 / max(words, 1)
    print(f"{len(docs)} documents, {words:,} words, {n_claims} claims")
    print(f"sentences analysed for events: {made_by_events}; more analysed for claims: {made_after - made_by_events}"
          f"; analysed again on later runs: {Counting.made}")
    print(f"claims, first run (analysing the sentences events had not): {first * scale:.2f} s per 100,000 words")
    print(f"claims, every sentence already analysed (best of {args.runs}): {best * scale:.2f} s per 100,000 words")


if __name__ == "__main__":
    main()
