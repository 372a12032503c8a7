"""Reconciliation cost against the size of the base: time to add 50 documents to bases of
1,000 and 10,000 documents, and the size of the largest event group.

    python bench/build.py [--sizes 1000 10000] [--add 50] [--keep DIR]

Writes short generated articles, each telling a few occurrences (meetings, sanctions, launches,
agreements, visits, protests between 25 actors in 16 places, 1955-2020) drawn from a pool of
about three per article, some told by many articles, in several wordings, at day, month or
year precision, with names spelled a few ways; builds a base of each size, then times `build`
of --add new articles about the same pool into it: the whole build, and its reconciliation. The target is a time for 10,000 within twice that for 1,000. With
--keep, the bases and articles stay in DIR and are reused by the next run.

    python bench/build.py --workers 1 2 [--repeat 3] [--docs 300] [--corpus examples|generated] [--paragraphs 8]

Parallel builds instead: builds the same corpus into a fresh base with each number of worker
processes, --repeat rounds, the numbers alternating, and prints documents and words per second of
each whole build, then the medians and the speed-up over the first number measured in the same
rounds. The corpus is
--docs articles: the example corpus varied as bench/extract.py varies it (prose), or generated
ones of --paragraphs paragraphs of about 90 words, a dated event between two actors in every
sentence (the most the writer can be asked to write per word). The target is 1.8x with 2 workers
on 2 cores. The load average before and after each run is printed, and the CPU time of the
writer (its reconciliation apart) and of the workers, from which the speed-up on idle cores is
bounded: the extraction phase takes at least the writer's time, a worker's share and the cores'
share of all the CPU, and the reconciliation then runs alone. On a shared machine other work
decides the measured figure.
"""
from __future__ import annotations

import argparse
import multiprocessing
import random
import resource
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

ACTORS = ["Japan", "North Korea", "South Korea", "China", "the United States", "Russia", "Chongryon",
          "Kim Jong Il", "Kim Jong Un", "Junichiro Koizumi", "Shinzo Abe", "Fumio Kishida", "Kim Il Sung",
          "the Red Cross", "Mindan", "the United Nations", "Taro Aso", "Yoshihide Suga", "Moon Jae-in",
          "Park Geun-hye", "Xi Jinping", "Vladimir Putin", "Donald Trump", "Barack Obama", "Ri Son-gwon"]
PEOPLE = ["Hanako Sato", "Kenji Mori", "Taro Yamada", "Park Ji-won", "Lee Min-ho", "Ri Song-chol", "Kang Sok-ju",
          "Yuki Tanaka", "Akira Suzuki", "Choe Son-hui"]
PLACES = ["Pyongyang", "Tokyo", "Beijing", "Stockholm", "Niigata", "Seoul", "Geneva", "Hanoi", "Ulaanbaatar",
          "Osaka", "Singapore", "Moscow", "Washington", "Panmunjom", "Kaesong", "Vladivostok"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
# several wordings per kind of event: one occurrence is told differently by different articles
KINDS = [
    ["{a} met {b} in {place} {when}.", "{a} held talks with {b} in {place} {when}.",
     "{when_cap}, {a} and {b} sat down for a meeting in {place}."],
    ["{a} imposed sanctions on {b} {when}.", "{when_cap}, {a} announced new sanctions against {b}.",
     "{a} tightened its sanctions on {b} {when}, officials said."],
    ["{b} launched a missile that flew toward {place} {when}.", "{when_cap}, {b} test-fired a ballistic missile near {place}.",
     "A missile fired by {b} came down off {place} {when}."],
    ["{a} signed an agreement with {b} in {place} {when}.", "{when_cap}, {a} and {b} concluded an accord in {place}.",
     "An agreement between {a} and {b} was signed in {place} {when}."],
    ["{a} visited {place} {when} and met {b}.", "{when_cap}, {a} travelled to {place}, where {b} received the delegation."],
    ["{a} protested to {b} {when} over the detention of fishermen.", "{when_cap}, {a} lodged a protest with {b}."],
]
CONTEXT = ["amid tensions over the nuclear programme", "according to officials", "after weeks of preparation",
           "as the abduction issue remained unresolved", "despite objections from the opposition",
           "in a move welcomed by the families", "shortly after the elections", "as talks stalled again",
           "with the Red Cross acting as an intermediary", "while trade between the two sides fell"]


def occurrence(rng: random.Random) -> tuple:
    """One thing that happened: kind, two actors, a place and a day."""
    a, b = rng.sample(ACTORS, 2)
    return rng.randrange(len(KINDS)), a, b, rng.choice(PLACES), rng.randint(1955, 2020), rng.randint(1, 12), rng.randint(1, 28)


def tell(rng: random.Random, occ: tuple) -> str:
    kind, a, b, place, year, month, day = occ
    precision = rng.random()
    when = (f"on {day} {MONTHS[month - 1]} {year}" if precision < 0.5 else
            f"in {MONTHS[month - 1]} {year}" if precision < 0.85 else f"in {year}")
    if rng.random() < 0.1:      # a person named a little differently now and then, for the merges to find
        a = rng.choice(PEOPLE).replace("o", "ou", 1)
    sentence = rng.choice(KINDS[kind]).format(a=a, b=b, place=place, when=when, when_cap=when[0].upper() + when[1:])
    if rng.random() < 0.5:
        sentence = sentence[:-1] + ", " + rng.choice(CONTEXT) + "."
    return sentence[0].upper() + sentence[1:]


def article(rng: random.Random, k: int, pool: list[tuple]) -> str:
    """A few sentences, each telling an occurrence of the pool (some are told by many articles)."""
    lines = [f"Report {k}", ""]
    for _ in range(rng.randint(3, 6)):
        # a fifth of what is told is about the famous hundredth of the pool (each told ~30 times)
        famous = rng.random() < 0.2
        occ = pool[rng.randrange(max(1, len(pool) // 100))] if famous else rng.choice(pool)
        lines.append(tell(rng, occ))
    return "\n".join(lines) + "\n"


def write_articles(folder: Path, count: int, seed: int, pool: list[tuple]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for k in range(count):
        path = folder / f"doc{seed}_{k:05d}.txt"
        text = article(rng, k, pool)
        if not path.exists():
            path.write_text(text, encoding="utf-8")
    return folder


def timed_build(db: Path, folder: Path) -> tuple[float, float]:
    """(seconds for the whole build, seconds of its reconciliation)."""
    import kankei.reconcile as rec
    from kankei.store import connect
    from kankei.store.build import build

    spent = [0.0]
    original = rec.reconcile

    def reconcile(conn, **options) -> None:
        t0 = time.perf_counter()
        original(conn, **options)
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


def long_article(rng: random.Random, k: int, pool: list[tuple], paragraphs: int) -> str:
    """An article of a few paragraphs, each a handful of sentences about occurrences of the pool."""
    body = [" ".join(tell(rng, rng.choice(pool)) for _ in range(rng.randint(4, 7))) for _ in range(paragraphs)]
    return f"Report {k}\n\nPublished: {rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(1990, 2020)}\n\n" \
        + "\n\n".join(body) + "\n"


def timed_build_with(db: Path, folder: Path, workers: int) -> tuple[float, float, float, int]:
    """(seconds for the whole build, seconds of its reconciliation, CPU seconds of it, documents added)
    with `workers` processes."""
    import kankei.reconcile as rec
    from kankei.store import connect
    from kankei.store.build import build

    spent = [0.0, 0.0]
    original = rec.reconcile

    def reconcile(conn, **options) -> None:
        t0, c0 = time.perf_counter(), time.process_time()
        original(conn, **options)
        spent[0] += time.perf_counter() - t0
        spent[1] += time.process_time() - c0

    rec.reconcile = reconcile
    try:
        conn = connect(db)
        t0 = time.perf_counter()
        report = build(conn, [folder], workers=workers)
        total = time.perf_counter() - t0
        conn.close()
    finally:
        rec.reconcile = original
    return total, spent[0], spent[1], len(report.added)


def _cpu() -> tuple[float, float]:
    """CPU seconds (user + system) of this process and of its finished children."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, children.ru_utime + children.ru_stime


def corpus_texts(kind: str, docs: int, paragraphs: int) -> list[str]:
    rng = random.Random(14)
    if kind == "generated":
        pool = [occurrence(rng) for _ in range(docs * 2)]
        return [long_article(rng, k, pool, paragraphs) for k in range(docs)]
    from extract import build_corpus  # bench/ is on the path when a script here runs
    texts = build_corpus(docs * 400)[:docs]     # the example articles are 150-370 words long
    # each a document of its own, even when two were varied alike
    return [text.rstrip("\n") + f"\n\nFile {k}.\n" for k, text in enumerate(texts)]


def bench_workers(work: Path, counts: list[int], docs: int, kind: str, paragraphs: int, repeat: int = 1) -> None:
    import os
    import statistics

    folder = work / f"{kind}{docs}x{paragraphs}"
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for k, text in enumerate(corpus_texts(kind, docs, paragraphs)):
        words += len(text.split())
        path = folder / f"article{k:05d}.txt"
        if not path.exists():
            path.write_text(text, encoding="utf-8")
    cores = os.cpu_count() or 1
    print(f"{docs} documents ({kind}), {words:,} words, {cores} cores; runs alternate {counts}, {repeat} rounds",
          flush=True)
    runs: dict[int, list[dict]] = {n: [] for n in counts}
    for _ in range(repeat):
        for n in counts:    # alternately, so that the load of other work weighs on each count alike
            run = _one_run(work, folder, n, docs)
            runs[n].append(run)
            print(f"workers {n}: {docs / run['wall']:.1f} documents/s, {words / run['wall']:,.0f} words/s in "
                  f"{run['wall']:.1f} s (reconciliation {run['recon']:.1f} s); load {run['load'][0]:.2f} before, "
                  f"{run['load'][1]:.2f} after; CPU: writer {run['writer']:.1f} s + reconciliation "
                  f"{run['recon_cpu']:.1f} s, workers {run['workers']:.1f} s", flush=True)
    first = counts[0]
    serial_cpu = statistics.median(r["writer"] + r["workers"] + r["recon_cpu"] for r in runs[first])
    print("summary (medians):")
    for n in counts:
        rs = runs[n]
        rate = statistics.median(docs / r["wall"] for r in rs)
        ratios = sorted(docs / r["wall"] / (docs / f["wall"]) for r, f in zip(rs, runs[first], strict=True))
        writer, workers = statistics.median(r["writer"] for r in rs), statistics.median(r["workers"] for r in rs)
        recon = statistics.median(r["recon_cpu"] for r in rs)
        # On idle cores: the writer, each worker's share and the cores' share of all the CPU bound the
        # extraction phase; the reconciliation then runs alone, in the writer.
        phase = max(writer, workers / n, (writer + workers) / cores) if n > 1 else writer + workers
        bound = serial_cpu / (phase + recon)
        print(f"  workers {n}: {rate:.1f} documents/s, {statistics.median(words / r['wall'] for r in rs):,.0f} "
              f"words/s; measured {statistics.median(ratios):.2f}x the {first}-worker runs of the same rounds "
              f"({ratios[0]:.2f}-{ratios[-1]:.2f}); CPU writer {writer:.2f} s (+ reconciliation {recon:.2f} s), "
              f"workers {workers:.2f} s: at most {bound:.2f}x on {cores} idle cores", flush=True)


def _one_run(work: Path, folder: Path, n: int, docs: int) -> dict:
    """One build of folder into a fresh base with n workers: wall and CPU seconds, load before and after."""
    import os

    db = work / f"workers{n}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    before = os.getloadavg()[0]
    cpu_self, cpu_children = _cpu()
    total, recon, recon_cpu, added = timed_build_with(db, folder, n)
    for child in multiprocessing.active_children():     # the pool's processes: their CPU counts once joined
        child.join()
    cpu_self, cpu_children = (a - b for a, b in zip(_cpu(), (cpu_self, cpu_children), strict=True))
    assert added == docs, f"{added} of {docs} documents added"
    return {"wall": total, "recon": recon, "recon_cpu": recon_cpu, "writer": cpu_self - recon_cpu,
            "workers": cpu_children, "load": (before, os.getloadavg()[0])}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--add", type=int, default=50)
    ap.add_argument("--keep", type=Path, help="keep bases and articles here, and reuse them")
    ap.add_argument("--workers", type=int, nargs="+", help="time parallel builds with these numbers of workers")
    ap.add_argument("--docs", type=int, default=300, help="with --workers: documents in the corpus")
    ap.add_argument("--corpus", choices=["examples", "generated"], default="examples",
                    help="with --workers: the example corpus varied, or generated articles")
    ap.add_argument("--paragraphs", type=int, default=8, help="with --workers --corpus generated: paragraphs per document")
    ap.add_argument("--repeat", type=int, default=1, help="with --workers: rounds of runs, the counts alternating")
    args = ap.parse_args()
    if args.workers:
        work = args.keep or Path(tempfile.mkdtemp(prefix="kankei-bench-"))
        work.mkdir(parents=True, exist_ok=True)
        try:
            bench_workers(work, args.workers, args.docs, args.corpus, args.paragraphs, args.repeat)
        finally:
            if not args.keep:
                shutil.rmtree(work, ignore_errors=True)
        return
    work = args.keep or Path(tempfile.mkdtemp(prefix="kankei-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        results = []
        for size in args.sizes:
            rng = random.Random(size)
            pool = [occurrence(rng) for _ in range(size * 3)]   # as many occurrences as sentences, about
            base_dir = write_articles(work / f"base{size}", size, seed=size, pool=pool)
            db = work / f"base{size}.db"
            if not db.exists():
                t_base, r_base = timed_build(db, base_dir)
                print(f"base of {size} documents: built in {t_base:.0f} s (reconciliation {r_base:.1f} s)", flush=True)
            extra = work / f"add{size}"
            shutil.rmtree(extra, ignore_errors=True)
            trial = work / f"trial{size}.db"
            shutil.copy(db, trial)
            write_articles(extra, args.add, seed=7, pool=pool)     # new articles about the same world
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
