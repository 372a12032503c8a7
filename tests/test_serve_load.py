"""How `kankei serve` shares its time between many clients: a few requests computed at once per
process, each request's time limit counted from its first statement, and connections spread over
the processes' sockets."""
from __future__ import annotations

import socket
import threading
import time

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from kankei.serve import create_app, listen  # noqa: E402
from kankei.serve import queries as q  # noqa: E402
from kankei.serve.api import ThreadConnection  # noqa: E402
from kankei.serve.app import THREADS, Store  # noqa: E402
from kankei.serve.workers import REUSE_PORT, bind_group  # noqa: E402
from kankei.store import StoreError  # noqa: E402
from serve_corpus import build_base  # noqa: E402


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_base(tmp_path_factory.mktemp("load"))


def test_no_more_requests_are_computed_at_once_than_threads(db, monkeypatch):
    running, most, lock = 0, 0, threading.Lock()
    extent = q.extent

    def slow_extent(conn):
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(0.05)
        with lock:
            running -= 1
        return extent(conn)

    monkeypatch.setattr(q, "extent", slow_extent)
    with TestClient(create_app(db)) as c:
        statuses: list[int] = []
        # (distinct URLs: none is answered from the answers kept)
        threads = [threading.Thread(target=lambda i=i: statuses.append(c.get(f"/api/meta?n={i}").status_code))
                   for i in range(3 * THREADS + 2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert statuses == [200] * len(threads)
    assert 1 <= most <= THREADS, most


def test_the_time_limit_counts_from_the_first_statement(db):
    # a request that waited for its turn is not out of time before it begins
    store = Store(db, query_seconds=0.05)
    try:
        conn = ThreadConnection(store)
        time.sleep(0.1)
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] > 0
    finally:
        store.close()


def test_a_group_of_sockets_shares_one_port_and_a_taken_port_is_refused():
    first = listen("127.0.0.1", 0)
    port = first.getsockname()[1]
    group = bind_group(first, 2)
    try:
        assert {s.getsockname()[1] for s in group} == {port}
        assert len(group) == (2 if REUSE_PORT else 1)
        for s in group:
            s.listen()
        with pytest.raises(StoreError, match="cannot listen"):
            listen("127.0.0.1", port)
    finally:
        for s in group:
            s.close()


@pytest.mark.skipif(not REUSE_PORT, reason="the kernel spreads connections over sockets on Linux only")
def test_connections_are_spread_over_the_group():
    group = bind_group(listen("127.0.0.1", 0), 2)
    port = group[0].getsockname()[1]
    clients = []
    try:
        for s in group:
            s.listen(64)
            s.setblocking(False)
        for _ in range(40):
            clients.append(socket.create_connection(("127.0.0.1", port), timeout=5))
        accepted = []
        for s in group:
            n = 0
            while True:
                try:
                    s.accept()[0].close()
                    n += 1
                except BlockingIOError:
                    break
            accepted.append(n)
        # (by a hash of each connection's addresses: all 40 on one socket has a chance of 2 in 2**40)
        assert sum(accepted) == 40 and min(accepted) > 0
    finally:
        for c in clients:
            c.close()
        for s in group:
            s.close()
