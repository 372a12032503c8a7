"""Extraction speed and memory on one core, next to dateparser's search_dates.

    python bench/extract.py [--words 1000000] [--peer-words 20000] [--runs 3]

Builds a corpus of at least --words words by repeating the example corpus with varied
years, numbers and names, runs the full extractor over it document by document, and
prints words per second and peak memory. dateparser is timed on a prefix of the same
text (it is far slower) and its rate is reported per word, so the two compare directly.
Each is run --runs times and its shortest CPU time counts (other load on a shared machine
only slows a run down). Also times `kankei extract` on one short article from a cold start.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

from timing import best_of  # (bench/ is on the path when a script here runs)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "corpus"


def build_corpus(min_words: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    originals = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    names = ["Hanako Sato", "Kenji Mori", "Lee Min-ho", "Park Ji-won", "Taro Yamada"]
    docs, words = [], 0
    while words < min_words:
        text = rng.choice(originals)
        shift = rng.randint(-30, 30)
        text = re.sub(r"\b(19[5-9]\d|20[01]\d)\b", lambda m, shift=shift: str(int(m.group()) + shift), text)
        text = re.sub(r"\b\d{2,3}(?:,\d{3})+\b", lambda m: f"{rng.randint(1, 999)},{rng.randint(0, 999):03d}", text)
        text = text.replace("Hanako Sato", rng.choice(names))
        docs.append(text)
        words += len(text.split())
    return docs


def bench_kankei(docs: list[str], runs: int) -> tuple[float, int]:
    from kankei.pipeline import extract
    extract("Warm-up: Japan and North Korea met in Stockholm in May 2014.")  # load knowledge once
    counts = []

    def work() -> None:
        counts.append(sum(len(extract(text, doc=f"d{i}").records()) for i, text in enumerate(docs)))
    return best_of(runs, work), counts[0]


def bench_peer(text: str, runs: int) -> float | None:
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None
    search_dates("warm up on 3 March 2011", languages=["en"])
    return best_of(runs, lambda: search_dates(text, languages=["en"]))


def bench_cli_one_file(runs: int) -> tuple[float, float]:
    """Best wall and CPU time (user + system, of the child) of `kankei extract` on one short article."""
    path = sorted(EXAMPLES.glob("*.txt"))[0]
    exe = Path(sys.executable).with_name("kankei")
    cmd = [str(exe), "extract", str(path)] if exe.exists() else [sys.executable, "-m", "kankei.cli", "extract", str(path)]
    wall, cpu = float("inf"), float("inf")
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        wall = min(wall, time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = min(cpu, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=1_000_000)
    ap.add_argument("--peer-words", type=int, default=20_000)
    ap.add_argument("--runs", type=int, default=3, help="runs of each; the best CPU time counts")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})   # one core
    docs = build_corpus(args.words)
    words = sum(len(d.split()) for d in docs)
    print(f"corpus: {len(docs)} documents, {words:,} words, {sum(map(len, docs)) / 1e6:.1f} MB")
    seconds, records = bench_kankei(docs, args.runs)
    rate = words / seconds
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"kankei extract: {seconds:.2f} s CPU (best of {args.runs}), {rate:,.0f} words/s, {records:,} records, "
          f"peak RSS {peak_mb:.0f} MB")
    prefix, count = [], 0
    for d in docs:
        prefix.append(d)
        count += len(d.split())
        if count >= args.peer_words:
            break
    peer = bench_peer("\n\n".join(prefix), args.runs)
    if peer is None:
        print("dateparser: not installed (pip install -e '.[bench]')")
    else:
        peer_rate = count / peer
        print(f"dateparser.search.search_dates: {peer:.2f} s CPU (best of {args.runs}) on {count:,} words, "
              f"{peer_rate:,.0f} words/s")
        print(f"kankei is {rate / peer_rate:,.0f}x the peer's speed (target: 20x); target 100,000 words/s: "
              f"{'met' if rate >= 100_000 else 'NOT met'}")
    wall, cpu = bench_cli_one_file(args.runs)
    print(f"kankei extract on one short article (cold start): {wall:.2f} s wall, {cpu:.2f} s CPU (best of {args.runs})")


if __name__ == "__main__":
    main()
