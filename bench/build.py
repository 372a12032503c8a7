"""Reconciliation cost against the size of the base: time to add 50 documents to bases of
1,000 and 10,000 documents, and the size of the largest event group.

    python bench/build.py [--sizes 1000 10000] [--add 50] [--keep DIR]

Writes short generated articles (meetings, talks, sanctions, launches and returns between a
pool of actors, on dates spread over 1955-2020, with names spelled a few ways), builds a base
of each size, then times `build` of --add new articles into it: the whole build, and its
reconciliation alone. The target is a time for 10,000 within twice that for 1,000. With
--keep, the bases and articles stay in DIR and are reused by the next run.
"""
from __future__ import annotations

import argparse
import random
import resource
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

ACTORS = ["Japan", "North Korea", "South Korea", "China", "the United States", "Russia", "Chongryon",
          "Kim Jong Il", "Kim Jong Un", "Junichiro Koizumi", "Shinzo Abe", "Fumio Kishida", "Kim Il Sung",
          "the Red Cross", "Mindan", "the United Nations"]
PEOPLE = ["Hanako Sato", "Kenji Mori", "Taro Yamada", "Park Ji-won", "Lee Min-ho", "Ri Song-chol", "Kang Sok-ju",
          "Yuki Tanaka", "Akira Suzuki", "Choe Son-hui"]
PLACES = ["Pyongyang", "Tokyo", "Beijing", "Stockholm", "Niigata", "Seoul", "Geneva", "Hanoi", "Ulaanbaatar"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
TEMPLATES = [
    "{a} met {b} in {place} on {day} {month} {year}.",
    "In {month} {year}, {a} and {b} held talks in {place} on the abductions.",
    "{a} imposed sanctions on {b} in {year}.",
    "{b} launched a missile over {place} on {day} {month} {year}.",
    "About {n},000 people returned from {place} to North Korea in {year}.",
    "{p} of {a} visited {place} in {month} {year} and met {b}.",
    "{a} signed an agreement with {b} in {place} in {year}.",
]


def article(rng: random.Random, k: int) -> str:
    lines = [f"Report {k}", ""]
    for _ in range(rng.randint(3, 6)):
        a, b = rng.sample(ACTORS, 2)
        person = rng.choice(PEOPLE)
        if rng.random() < 0.15:     # a spelling variant now and then, for the merges to find
            person = person.replace("o", "ou", 1)
        lines.append(rng.choice(TEMPLATES).format(
            a=a, b=b, p=person, place=rng.choice(PLACES), day=rng.randint(1, 28), month=rng.choice(MONTHS),
            year=rng.randint(1955, 2020), n=rng.randint(2, 90)))
    return "\n".join(lines) + "\n"


def write_articles(folder: Path, count: int, seed: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for k in range(count):
        path = folder / f"doc{seed}_{k:05d}.txt"
        if not path.exists():
            path.write_text(article(rng, k), encoding="utf-8")
    return folder


def timed_build(db: Path, folder: Path) -> tuple[float, float]:
    """(seconds for the whole build, seconds of its reconciliation)."""
    import kankei.reconcile as rec
    from kankei.store import connect
    from kankei.store.build import build

    spent = [0.0]
    original = rec.reconcile

    def reconcile(conn) -> None:
        t0 = time.perf_counter()
        original(conn)
        spent[0] += time.perf_counter() - t0

    rec.reconcile = reconcile
    try:
        conn = connect(db)
        t0 = time.perf_counter()
        build(conn, [folder])
        total = time.perf_counter() - t0
        conn.close()
    finally:
        rec.reconcile = original
    return total, spent[0]


def largest_group(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        row = conn.execute("SELECT max(n) FROM (SELECT count(*) AS n FROM event_groups GROUP BY group_id)").fetchone()
        return row[0] or 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--add", type=int, default=50)
    ap.add_argument("--keep", type=Path, help="keep bases and articles here, and reuse them")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="kankei-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        results = []
        for size in args.sizes:
            base_dir = write_articles(work / f"base{size}", size, seed=size)
            db = work / f"base{size}.db"
            if not db.exists():
                t_base, r_base = timed_build(db, base_dir)
                print(f"base of {size} documents: built in {t_base:.0f} s (reconciliation {r_base:.1f} s)", flush=True)
            extra = work / f"add{size}"
            shutil.rmtree(extra, ignore_errors=True)
            trial = work / f"trial{size}.db"
            shutil.copy(db, trial)
            write_articles(extra, args.add, seed=7)
            total, recon = timed_build(trial, extra)
            results.append((size, total, recon, largest_group(trial)))
            print(f"add {args.add} to {size}: {total:.1f} s (reconciliation {recon:.2f} s), "
                  f"largest event group {results[-1][3]} events", flush=True)
            trial.unlink()
            shutil.rmtree(extra, ignore_errors=True)
        if len(results) >= 2:
            (s0, t0, r0, _), (s1, t1, r1, _) = results[0], results[-1]
            print(f"{s1} vs {s0}: {t1 / t0:.2f}x the time to add (reconciliation {r1 / max(r0, 1e-9):.2f}x); "
                  "target within 2x")
        print(f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
