"""Latency of the explorer's API on a large knowledge base.

    python bench/api.py [--db /tmp/kankei-bench-api.db] [--requests 300] [--seed 3]
    python bench/api.py --db postgresql://user:pw@127.0.0.1/kankei_bench    (copied in by bench/api_db_pg.py)

Makes the base with bench/api_db.py first if it is missing (one million events; a few minutes).
Starts `kankei serve` (uvicorn on 127.0.0.1, a free port) in a subprocess, timing how long it
takes to answer (the summary tables are brought up to date first), warms it up, then sends timeline and search requests over
one keep-alive HTTP connection, one at a time: counts per period (all events, per actor, per
type, months, days), pages of events (periods, actors rare and frequent, types, words, the next
page, the finest zoom), and full-text searches (common and rare words, phrases, OR, prefixes,
facet filters, plain words), actors, the network, pages of claims and conflicts (all, one subject's, a
later page: they are read from the tables the build reconciled them into), and hostile
searches (many prefixes, sixty ORs, NEAR of fifty words: each must be answered, or refused with a
4xx, within 2 s). With --clients N, N clients send the requests at once, each over its own
connection (issue 13's load: 20 clients, p95 under 500 ms, no timeouts). Prints the 50th and 95th
percentile latency per kind of request and over all, the slowest requests, the statuses, and the
machine's load average. The server keeps answers for the base's state (a URL asked again is sent
from memory); --no-cache times every request computed.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(db: str, cache: bool = True) -> tuple[subprocess.Popen, int, float]:
    """`kankei serve` in a subprocess on a free port; the seconds until it answers (summaries made first).
    cache=False: the server keeps no answers (KANKEI_SERVE_CACHE_MB=0), every request is computed."""
    port = free_port()
    t0 = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    if not cache:
        env["KANKEI_SERVE_CACHE_MB"] = "0"
    proc = subprocess.Popen([sys.executable, "-c", "from kankei.cli import main; main()", "serve", "--db", db,
                             "--port", str(port)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env=env)
    while True:
        if proc.poll() is not None:
            sys.exit(f"kankei serve exited: {proc.stderr.read().decode()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    return proc, port, time.perf_counter() - t0


def requests(db: str, n: int, seed: int) -> list[tuple[str, str]]:
    """(kind, url) pairs over the base's own actors, types, periods and words."""
    import sqlite3
    rng = random.Random(seed)
    if db.startswith("postgresql://"):
        from kankei.store import connect
        conn = connect(db, readonly=True)
    else:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    actors = [r[0] for r in conn.execute("SELECT entity_id FROM summary_entities ORDER BY events DESC")]
    top, mid, rare = actors[:10], actors[50:400], actors[1000:]
    types = [r[0] for r in conn.execute("SELECT DISTINCT type FROM summary_buckets WHERE scope = '' AND unit = 'Y'")]
    lo, hi = conn.execute("SELECT min(date_lo), max(date_hi) FROM events WHERE date_lo > '0000-01-01'"
                          " AND date_hi < '9999-12-31'").fetchone()
    y0, y1 = int(lo[:4]), int(hi[:4])
    words = ["met", "sanctions", "agreement", "Pyongyang", "Tokyo", "repatriation", "delegation", "telegram",
             "Geneva", "missile", "rice", "archive", "Stockholm", "Chongryon"]
    names = [r[0] for r in conn.execute("SELECT name FROM entities WHERE type = 'person' LIMIT 200")]
    claimed = [r[0] for r in conn.execute("SELECT DISTINCT subject FROM claim_series")] or ["nobody"]
    n_conflicts = conn.execute("SELECT count(*) FROM claim_conflicts").fetchone()[0]
    conn.close()

    def day(y: int) -> str:
        return f"{y:04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"

    def u(path: str, **params) -> str:
        params = {k.rstrip("_"): v for k, v in params.items() if v is not None}
        return f"{path}?{urlencode(params, doseq=True)}" if params else path

    kinds = {
        "buckets, all": lambda: u("/api/timeline/buckets"),
        "buckets, actor": lambda: u("/api/timeline/buckets", actor=rng.choice(top + mid + rare)),
        "buckets, type": lambda: u("/api/timeline/buckets", type_=rng.choice(types),
                                   **{"from": str(y0 + rng.randint(0, 60))}),
        "buckets, months": lambda: (lambda y: u("/api/timeline/buckets", unit="month", from_=str(y),
                                                to=str(y + rng.randint(1, 10))))(rng.randint(y0, y1 - 10)),
        "buckets, actor months": lambda: (lambda y: u("/api/timeline/buckets", unit="month", actor=rng.choice(top + mid),
                                                      from_=str(y), to=str(y + 5)))(rng.randint(y0, y1 - 5)),
        "buckets, days": lambda: (lambda y: u("/api/timeline/buckets", unit="day", from_=f"{y}-{rng.randint(1, 10):02d}",
                                              to=f"{y}-{rng.randint(11, 12):02d}"))(rng.randint(y0, y1)),
        "events, first page": lambda: u("/api/events", limit=50),
        "events, a year": lambda: (lambda y: u("/api/events", from_=str(y), to=str(y), limit=50))(rng.randint(y0, y1)),
        "events, a decade": lambda: (lambda y: u("/api/events", from_=str(y), to=str(y + 10), span="year",
                                                 limit=200))(rng.randint(y0, y1)),
        "events, zoomed in": lambda: (lambda y: u("/api/events", from_=day(y), to=f"{y}-12-31", span="month",
                                                  limit=500))(rng.randint(y0, y1)),
        "events, actor": lambda: u("/api/events", actor=rng.choice(top + mid + rare), limit=50),
        "events, actor+period": lambda: (lambda y: u("/api/events", actor=rng.choice(top + mid + rare), from_=str(y),
                                                     to=str(y + 5), limit=50))(rng.randint(y0, y1)),
        "events, two actors": lambda: u("/api/events", actor=rng.sample(top, 2), limit=50),
        "events, type": lambda: u("/api/events", type_=rng.choice(types), limit=50),
        "events, actor+type": lambda: u("/api/events", actor=rng.choice(top + mid), type_=rng.choice(types), limit=50),
        "events, text": lambda: u("/api/events", q=rng.choice(words), limit=50),
        "events, text+period": lambda: (lambda y: u("/api/events", q=rng.choice(words), from_=str(y), to=str(y + 3),
                                                    limit=50))(rng.randint(y0, y1)),
        "search, word": lambda: u("/api/search", q=rng.choice(words)),
        "search, name": lambda: u("/api/search", q=f'"{rng.choice(names)}"'),
        "search, OR": lambda: u("/api/search", q=f"{rng.choice(words)} OR {rng.choice(words)}"),
        "search, prefix": lambda: u("/api/search", q=rng.choice(words)[:4] + "*"),
        "search, facet": lambda: u("/api/search", q=rng.choice(words), type_=rng.choice(types)),
        "search, plain": lambda: u("/api/search", q=f"{rng.choice(words)} {rng.choice(words)}", mode="plain"),
        "entity": lambda: u(f"/api/entities/{rng.choice(top + mid + rare)}"),
        "network": lambda: (lambda y: u("/api/network", from_=str(y), to=str(y + 10)))(rng.randint(y0, y1)),
        "claims, a page": lambda: u("/api/claims", limit=100, offset=rng.choice([0, 0, 100])),
        "conflicts, a page": lambda: u("/api/conflicts", limit=100),
        "claims, a subject": lambda: u("/api/claims", subject=rng.choice(claimed), limit=20),
        "conflicts, a subject": lambda: u("/api/conflicts", subject=rng.choice(claimed), limit=20),
        "conflicts, later page": lambda: u("/api/conflicts", limit=20, offset=rng.randrange(max(1, n_conflicts))),
        "hostile, prefixes": lambda: u("/api/search", q="a* " * 150),
        "hostile, ORs": lambda: u("/api/search", q=" OR ".join([rng.choice(words)] * 60)),
        "hostile, NEAR": lambda: u("/api/search", q="NEAR(" + " ".join(rng.choice(words) for _ in range(50)) + ")"),
        "hostile, 16 prefixes": lambda: u("/api/search", q=" ".join(w[:3] + "*" for w in rng.sample(words, 4))
                                          + " " + " ".join(rng.sample(words, 12))),
    }
    out = []
    for _ in range(n):
        kind = rng.choice(list(kinds))
        out.append((kind, kinds[kind]()))
    # the next page of events
    for _ in range(max(1, n // 25)):
        out.append(("events, next page", "NEXT"))
    rng.shuffle(out)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", default="/tmp/kankei-bench-api.db")
    ap.add_argument("--requests", type=int, default=1500)
    ap.add_argument("--clients", type=int, default=1, help="Clients sending requests at once.")
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--no-cache", action="store_true",
                    help="Start the server keeping no answers (every request computed, none sent from memory).")
    args = ap.parse_args()
    if not args.db.startswith("postgresql://") and not Path(args.db).exists():
        print(f"{args.db} is missing: making it with bench/api_db.py", file=sys.stderr)
        subprocess.run([sys.executable, str(ROOT / "bench" / "api_db.py"), "--out", args.db], check=True)
    proc, port, ready = start(args.db, cache=not args.no_cache)
    print(f"kankei serve answering after {ready:.1f} s (summary tables brought up to date first)"
          + ("; answers kept: none (--no-cache)" if args.no_cache else ""))
    plan = requests(args.db, args.requests, args.seed)
    try:
        run(plan, port, args.clients)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def run(plan: list[tuple[str, str]], port: int, clients: int) -> None:
    import threading
    from collections import Counter

    lock = threading.Lock()
    times: dict[str, list[float]] = {}
    slow: list[tuple[float, str]] = []
    statuses: Counter = Counter()
    errors = timeouts = 0

    def client(part: list[tuple[str, str]]) -> None:
        nonlocal errors, timeouts
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        cursor = None

        def get(url: str) -> tuple[int, bytes, float]:
            nonlocal conn
            t0 = time.perf_counter()
            try:
                conn.request("GET", url)
                res = conn.getresponse()
                body = res.read()
            except (TimeoutError, OSError):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                return -1, b"", (time.perf_counter() - t0) * 1000
            return res.status, body, (time.perf_counter() - t0) * 1000

        for kind, url in part:
            if url == "NEXT":
                if not cursor:
                    status, body, _ = get("/api/events?limit=50")
                    cursor = json.loads(body)["next"] if status == 200 else None
                url = f"/api/events?{urlencode({'limit': 50, 'cursor': cursor or ''})}"
            status, body, ms = get(url)
            with lock:
                statuses[(kind.split(",")[0], status)] += 1
                if status == -1:
                    timeouts += 1
                    continue
                hostile_refused = kind.startswith("hostile") and 400 <= status < 500
                if status != 200 and not hostile_refused:
                    errors += 1
                    print(f"  {status} {url[:120]}: {body[:200]!r}", file=sys.stderr)
                    continue
                times.setdefault(kind, []).append(ms)
                slow.append((ms, url))
            if kind == "events, next page" and status == 200:
                cursor = json.loads(body)["next"]
        conn.close()

    w0 = time.perf_counter()
    client([x for x in plan[:60] if x[1] != "NEXT"])       # warm up
    # (a warm-up that waits, e.g. on the server's first reconciliation of claims and conflicts, is said,
    # not hidden, and its timeouts are not counted as the run's)
    print(f"warm-up: 60 requests, one client, {time.perf_counter() - w0:.1f} s, {timeouts} timeouts (60 s)"
          + (f"; slowest {max(slow)[0]:.0f} ms {max(slow)[1][:80]}" if slow else ""))
    times.clear(), slow.clear(), statuses.clear()
    errors = timeouts = 0
    load0 = os.getloadavg()[0]
    t0 = time.perf_counter()
    threads = [threading.Thread(target=client, args=(plan[i::clients],)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0

    def pct(xs: list[float], p: float) -> float:
        xs = sorted(xs)
        return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]

    # (the machine may be shared: its load says how much of it the figures had)
    print(f"\n{clients} client{'s' if clients != 1 else ''}, {len(plan)} requests in {wall:.1f} s "
          f"({len(plan) / wall:.1f} requests/s); load average {load0:.2f} before, {os.getloadavg()[0]:.2f} after")
    print(f"\n{'request':26} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for kind in sorted(times):
        xs = times[kind]
        print(f"{kind:26} {len(xs):5d} {pct(xs, 50):8.1f} {pct(xs, 95):8.1f} {max(xs):8.1f}")
    groups = {"timeline": [t for k, v in times.items() if not k.startswith(("search", "hostile")) for t in v],
              "search": [t for k, v in times.items() if k.startswith("search") for t in v],
              "hostile": [t for k, v in times.items() if k.startswith("hostile") for t in v]}
    groups["all"] = [t for v in times.values() for t in v]
    print()
    for name, xs in groups.items():
        if xs:
            print(f"{name + ' (all kinds)':26} {len(xs):5d} {pct(xs, 50):8.1f} {pct(xs, 95):8.1f} {max(xs):8.1f}")
    print(f"\nmean {statistics.mean(groups['all']):.1f} ms; errors: {errors}; timeouts (60 s): {timeouts}")
    print("statuses: " + ", ".join(f"{k} {s}: {n}" for (k, s), n in sorted(statuses.items())))
    print("slowest:")
    for ms, url in sorted(slow, reverse=True)[:8]:
        print(f"  {ms:7.1f} ms  {url[:150]}")


if __name__ == "__main__":
    main()
