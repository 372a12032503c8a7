"""Time and memory on pathological inputs: each pattern at two sizes, and the growth ratio.

    python bench/pathological.py [--scale 1.0] [--only NAME ...] [--big MB]

Each pattern of issue 13 is run through the whole extractor (or the HTML reader) at a size
and at twice that size; the ratio of the two CPU times is printed (linear work gives ~2; the
target is at most 2.5 per doubling). The shortest of --runs runs counts. With --big, a one-line
article of that many megabytes (prose with its newlines removed) is written to a temporary file
and run through `kankei extract` in a child process, for its wall time and peak memory.
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from timing import best_of  # (bench/ is on the path when a script here runs)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "corpus"


def prose() -> str:
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt")))


def repeat_to(text: str, chars: int) -> str:
    return (text * (chars // max(1, len(text)) + 1))[:chars]


def one_line(chars: int) -> str:
    return repeat_to(re.sub(r"\s+", " ", prose()) + " ", chars)


def no_punctuation(chars: int) -> str:
    return repeat_to(re.sub(r"\s+", " ", re.sub(r"[^\w\s]", "", prose())) + " ", chars)


# name -> (text of about n characters, base n)
PATTERNS: dict[str, tuple[Callable[[int], str], int]] = {
    "numbers list": (lambda n: repeat_to("1,000,000 ", n), 100_000),
    "dates list": (lambda n: repeat_to("14 December 1959 ", n), 50_000),
    "prose one line": (one_line, 200_000),
    "prose no punctuation": (no_punctuation, 200_000),
    "title chain": (lambda n: repeat_to("Mr. ", n), 50_000),
    "hyphenated names": (lambda n: "Kim" + repeat_to("-Kim", n), 50_000),
    "digit run": (lambda n: repeat_to("1234567890", n), 100_000),
    "capitalized run": (lambda n: repeat_to("Tokyo Osaka Kim Jong Abe ", n), 100_000),
    "text in capitals": (lambda n: repeat_to("PRIMIN KISHI SAID GOJ WOULD NOT SUSPEND SAILINGS FROM NIIGATA. ", n), 100_000),
    "nested html": (lambda n: "<html><body>" + "<div>" * (n // 5) + "Text." + "</div>" * (n // 5), 100_000),
}


def run(name: str, text: str) -> None:
    if name == "nested html":
        from kankei.read.html import extract_html
        extract_html(text)
        return
    from kankei.pipeline import extract
    extract(text, doc="bench").records()


def big(mb: int, timeout: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "one_line.txt"
        chunk = re.sub(r"\s+", " ", prose()) + " "
        with open(path, "w", encoding="utf-8") as fh:
            written = 0
            while written < mb * 1024 * 1024:
                fh.write(chunk)
                written += len(chunk.encode())
        out = Path(tmp) / "records.jsonl"
        t0 = time.perf_counter()
        with open(out, "wb") as fh:
            try:
                proc = subprocess.run([sys.executable, "-m", "kankei.cli", "extract", str(path)],
                                      stdout=fh, stderr=subprocess.PIPE, check=False, timeout=timeout)
            except subprocess.TimeoutExpired:
                print(f"one-line article {mb} MB: not done in {timeout:.0f} s")
                return
        wall = time.perf_counter() - t0
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        with open(out, "rb") as fh:
            lines = sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
        print(f"one-line article {mb} MB: {wall:.1f} s wall, peak {peak:.0f} MB, {lines} records, exit {proc.returncode}"
              + (f" ({proc.stderr.decode()[:200].strip()})" if proc.returncode else ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every base size")
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--only", nargs="*", help="pattern names (substrings)")
    ap.add_argument("--big", type=int, metavar="MB", help="also run a one-line article of this size")
    ap.add_argument("--big-timeout", type=float, default=900, metavar="S", help="give up on it after this long")
    args = ap.parse_args()
    os.environ.setdefault("PYTHONHASHSEED", "0")
    from kankei.pipeline import extract
    # warm-up past 200,000 characters, where the date scanner compiles its faster guard once
    extract(prose() * (250_000 // len(prose()) + 1))
    print(f"{'pattern':<22}{'chars':>10}{'cpu s':>9}{'2x chars':>10}{'cpu s':>9}{'ratio':>7}")
    worst = 0.0
    for name, (make, base) in PATTERNS.items():
        if args.only and not any(o in name for o in args.only):
            continue
        n = int(base * args.scale)
        small, large = make(n), make(2 * n)
        t1 = best_of(args.runs, lambda small=small, name=name: run(name, small))
        t2 = best_of(args.runs, lambda large=large, name=name: run(name, large))
        ratio = t2 / t1 if t1 > 0 else float("nan")
        worst = max(worst, ratio)
        flag = "" if ratio <= 2.5 else "  <-- super-linear"
        print(f"{name:<22}{len(small):>10}{t1:>9.2f}{len(large):>10}{t2:>9.2f}{ratio:>7.2f}{flag}", flush=True)
    print(f"worst ratio {worst:.2f} (target <= 2.5)")
    if args.big:
        big(args.big, args.big_timeout)


if __name__ == "__main__":
    main()
