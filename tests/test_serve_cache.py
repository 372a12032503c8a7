"""The explorer's kept answers (serve/cache.py): the same URL is answered from memory while the base
is unchanged, and never once anything in the base has changed."""
from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from kankei.serve import create_app  # noqa: E402
from kankei.serve.cache import Answers  # noqa: E402
from kankei.store import connect  # noqa: E402
from serve_corpus import build_base  # noqa: E402

TOKEN = "test-token-0123456789"


@pytest.fixture()
def server(tmp_path, backend):
    with TestClient(create_app(build_base(tmp_path, backend), allow_edits=True, token=TOKEN)) as c:
        yield c


def test_the_same_request_is_answered_from_memory(server, backend):
    answers = server.app.state.answers
    for _ in range(20):
        # (a PostgreSQL server's state moves with writes to any of its databases: other tests')
        state = answers.state()
        first = server.get("/api/events", params={"limit": 5})
        hits = answers.hits
        again = server.get("/api/events", params={"limit": 5})
        if answers.state() == state:
            break
    assert again.status_code == 200 and again.content == first.content
    assert answers.hits == hits + 1 or backend == "postgresql" and answers.state() != state
    assert again.headers["content-type"].startswith("application/json")
    assert again.headers["cache-control"] == "no-store"          # (the guard's headers on kept answers too)
    other = server.get("/api/events", params={"limit": 6})
    assert len(other.json()["events"]) == 6


def test_a_change_to_the_base_by_anyone_is_seen_at_once(server):
    event = server.get("/api/events", params={"limit": 1}).json()["events"][0]
    assert event["uncertain"] is None
    with connect(server.app.state.store.path, migrate=False) as conn:      # another writer, not this server
        conn.execute("UPDATE events SET modality = 'hypothetical' WHERE id = ?", (event["id"],))
    again = server.get("/api/events", params={"limit": 1}).json()["events"][0]
    assert again["id"] == event["id"] and again["uncertain"] == "hypothetical"


def test_an_edit_is_seen_at_once_and_errors_are_not_kept(server):
    answers = server.app.state.answers
    event = server.get("/api/events", params={"limit": 1}).json()["events"][0]
    assert event["verdict"] is None
    assert server.post(f"/api/extractions/{event['id']}/reject", headers={"X-Kankei-Token": TOKEN}).status_code == 201
    assert server.get("/api/events", params={"limit": 1}).json()["events"][0]["verdict"]["kind"] == "reject"
    hits = answers.hits
    for _ in range(2):
        assert server.get("/api/entities/no-such-actor").status_code == 404
    assert answers.hits == hits
    # the answer to the token depends on the request, not the base: never kept
    assert server.get("/api/session", headers={"X-Kankei-Token": TOKEN}).json()["token_ok"] is True
    assert server.get("/api/session", headers={"X-Kankei-Token": "wrong"}).json()["token_ok"] is False


def test_answers_kept_stay_within_their_bound(server):
    answers = Answers(server.app.state.store, max_bytes=1000)
    for i in range(20):
        answers.keep(("/api/events", str(i).encode()), "1", [], b"x" * 300)
    assert answers._bytes <= 1000 and len(answers._answers) == 3
    assert answers.get(("/api/events", b"19"), "1") is not None          # the latest kept
    assert answers.get(("/api/events", b"0"), "1") is None                # the oldest gone
    assert answers.get(("/api/events", b"19"), "2") is None               # another state of the base
