"""The ways a page of events is read (which filter drives the query) give the same events: here the
shortcut for two actors known from the summaries to share many events."""
from __future__ import annotations

import pytest

from kankei.serve import events as ev
from kankei.serve.app import Store
from serve_corpus import build_base


@pytest.fixture(scope="module")
def store(tmp_path_factory, backend):
    s = Store(build_base(tmp_path_factory.mktemp("paths"), backend))
    yield s
    s.close()


def _pages(conn, actors, **kw) -> list[str]:
    out, cursor = [], None
    while True:
        page = ev.event_page(conn, actors=actors, limit=2, cursor=cursor, **kw)
        out += [e["id"] for e in page["events"]]
        cursor = page["next"]
        if not cursor:
            return out


@pytest.mark.parametrize("period", [{}, {"date_from": "2002", "date_to": "2004"}])
def test_two_actors_sharing_many_events_read_in_date_order_give_the_same_events(store, monkeypatch, period):
    conn = store.reader()
    actors = ["country:japan", "country:north_korea"]
    shared = conn.execute("SELECT n FROM summary_partners WHERE a = ? AND b = ?", actors).fetchone()[0]
    assert shared >= 2
    monkeypatch.setattr(ev, "DRIVER_LIMIT", shared - 1)       # "many": more than the driver's limit
    assert ev._share_many(conn, actors)
    shortcut = _pages(conn, actors, **period)
    monkeypatch.setattr(ev, "_share_many", lambda *_: False)   # as before: the intersection gathered first
    assert shortcut and shortcut == _pages(conn, actors, **period)
    assert all({"country:japan", "country:north_korea"} <= {p["entity"] for p in e["participants"]}
               for e in ev.event_page(conn, actors=actors, limit=50, **period)["events"])
