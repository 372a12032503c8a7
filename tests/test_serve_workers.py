"""`kankei serve` in several processes: they answer on one address, and of those serving one SQLite
base, one alone recomputes the summary tables after the base changes."""
from __future__ import annotations

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from kankei.serve import queries as q  # noqa: E402
from kankei.serve.app import Store  # noqa: E402
from kankei.serve.summaries import claim_refresh  # noqa: E402
from kankei.store import connect  # noqa: E402
from serve_corpus import build_base  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_base(tmp_path_factory.mktemp("workers"))


def _change(db) -> None:
    """A change that makes the summaries stale (a judgement recorded by someone else)."""
    with connect(db, migrate=False) as conn:
        conn.execute("INSERT INTO judgements (kind, subject, note) VALUES ('confirm', 'nothing', 'a test')")


def test_one_process_alone_recomputes_the_summaries(db, monkeypatch):
    monkeypatch.setattr("kankei.serve.app.STAMP_INTERVAL", 0.0)       # (check the summaries at every use)
    first, second = Store(db), Store(db)
    try:
        _change(db)
        now = q.stamp(first.reader())
        assert claim_refresh(first.writer(), now, first.owner)
        assert not claim_refresh(second.writer(), now, second.owner)     # claimed by the first
        assert claim_refresh(first.writer(), now, first.owner)            # (its own claim: it may try again)
        second.ensure_fresh(second.reader())
        assert not q.summaries_fresh(second.reader())                     # the second left it to the first
        first.ensure_fresh(first.reader())
        assert q.summaries_fresh(first.reader()) and q.summaries_fresh(second.reader())
        _change(db)                                                       # a new state: anyone may claim it
        assert claim_refresh(second.writer(), q.stamp(second.reader()), second.owner)
    finally:
        first.close()
        second.close()


def _start(db) -> tuple[subprocess.Popen, int]:
    """`kankei serve --workers 2` on a free port, and the port once it says it serves."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-c", "from kankei.cli import main; main()", "serve", "--db", str(db),
                             "--port", "0", "--workers", "2"], cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    port = None
    deadline = time.monotonic() + 60
    while port is None and time.monotonic() < deadline:
        line = proc.stderr.readline()
        assert line, "kankei serve ended before serving"
        m = re.search(r"serving .* at http://127\.0\.0\.1:(\d+)/.*; 2 processes", line)
        port = int(m.group(1)) if m else None
    assert port
    return proc, port


def _statuses(port: int, n: int) -> list[tuple[int, int]]:
    """n answers to GET /api/events?limit=2, each over a new connection (retried while refused)."""
    statuses: list[tuple[int, int]] = []
    for _ in range(100 + n):
        if len(statuses) >= n:
            break
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", "/api/events?limit=2")
            res = conn.getresponse()
            statuses.append((res.status, len(json.loads(res.read())["events"])))
            conn.close()
        except ConnectionRefusedError:
            time.sleep(0.2)          # (the processes are still starting)
    return statuses


def _stop(proc: subprocess.Popen, children: list[str]) -> None:
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=30)
    deadline = time.monotonic() + 15
    while any(_alive(c) for c in children) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(c) for c in children)         # Ctrl-C stops every process


def _workers(proc: subprocess.Popen) -> list[str]:
    children = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True).stdout.split()
    return [c for c in children if "spawn_main" in Path(f"/proc/{c}/cmdline").read_text()]


def test_serve_with_two_processes_answers_and_stops(db):
    proc, port = _start(db)
    children: list[str] = []
    try:
        statuses = _statuses(port, 6)
        assert statuses and set(statuses) == {(200, 2)}
        children = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True).stdout.split()
        assert len(children) >= 2          # the worker processes (and multiprocessing's tracker)
    finally:
        _stop(proc, children)


def test_a_process_that_dies_is_replaced_on_its_socket(db):
    # each process accepts on a socket of its own: one left without its process would leave the
    # connections the kernel hands it unanswered
    proc, port = _start(db)
    children: list[str] = []
    try:
        assert set(_statuses(port, 4)) == {(200, 2)}
        workers = _workers(proc)
        assert len(workers) == 2
        os.kill(int(workers[0]), signal.SIGKILL)
        assert set(_statuses(port, 20)) == {(200, 2)}       # every connection answered, by the replacement too
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            children = _workers(proc)
            if len(children) == 2 and workers[0] not in children:
                break
            time.sleep(0.2)          # (the process killed is reaped within half a second)
        assert len(children) == 2 and workers[0] not in children
    finally:
        _stop(proc, children)


def _alive(pid: str) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def test_a_build_finishes_while_the_server_is_under_requests(tmp_path):
    """`kankei build` into a base that `kankei serve` (two processes) is answering clients from: the
    build finishes, every request is answered (none fails with a server error or goes unanswered),
    and the new documents are then served (issue 13: the server never holds the writer's lock long)."""
    import threading
    from collections import Counter

    db = build_base(tmp_path / "base")
    extra = tmp_path / "more"
    extra.mkdir()
    for k, (place, year) in enumerate([("Hanoi", 2019), ("Singapore", 2018), ("Stockholm", 2014),
                                       ("Beijing", 2004), ("Ulaanbaatar", 2012), ("Geneva", 1959)]):
        (extra / f"more{k}.txt").write_text(
            f"Talks in {place}\n\nPublished: 2 March {year}\n\nOn 27 February {year}, officials of Japan met "
            f"North Korean envoys in {place}. Japan asked again about the 17 abductees it lists, and the two "
            f"sides agreed to meet in {place} in May {year}.\n", encoding="utf-8")
    urls = ["/api/timeline/buckets", "/api/events?limit=20", "/api/search?q=Pyongyang", "/api/entities/org:chongryon",
            "/api/claims?limit=5", "/api/conflicts?limit=5", "/api/network", "/api/meta"]
    proc, port = _start(db)
    children = _workers(proc)
    answers: Counter = Counter()
    failures: list[str] = []
    stop = threading.Event()

    def client(k: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        i = k
        while not stop.is_set():
            url = urls[i % len(urls)]
            i += 1
            try:
                conn.request("GET", url)
                res = conn.getresponse()
                res.read()
                answers[res.status] += 1
                if res.status >= 500:
                    failures.append(f"{res.status} {url}")
            except (ConnectionRefusedError, http.client.CannotSendRequest):
                conn.close()                  # (the processes are still starting)
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                time.sleep(0.1)
            except (OSError, http.client.HTTPException) as err:     # (a timeout or a dropped connection)
                failures.append(f"{err!r} {url}")
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.close()

    threads = [threading.Thread(target=client, args=(k,)) for k in range(4)]
    try:
        for t in threads:
            t.start()
        deadline = time.monotonic() + 30
        while sum(answers.values()) < 20 and time.monotonic() < deadline:
            time.sleep(0.05)
        before = sum(answers.values())
        assert before >= 20
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        built = subprocess.run([sys.executable, "-m", "kankei.cli", "build", str(extra), "--db", str(db)],
                               capture_output=True, text=True, timeout=300, env=env, cwd=ROOT)
        during = sum(answers.values())
        assert built.returncode == 0, built.stderr
        assert "6 added" in built.stderr
        time.sleep(0.5)
        stop.set()
        for t in threads:
            t.join(timeout=60)
        assert during > before and sum(answers.values()) > during      # answered during and after the build
        assert not failures, failures[:5]
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("GET", "/api/search?q=Ulaanbaatar")
        res = conn.getresponse()
        assert res.status == 200 and json.loads(res.read())["total"] >= 1
        conn.close()
    finally:
        stop.set()
        _stop(proc, children)
