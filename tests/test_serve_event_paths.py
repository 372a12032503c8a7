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


def _text_pages(conn, text, **kw) -> list[str]:
    out, cursor = [], None
    while True:
        page = ev.event_page(conn, text=text, limit=2, cursor=cursor, **kw)
        out += [e["id"] for e in page["events"]]
        cursor = page["next"]
        if not cursor:
            return out


@pytest.mark.parametrize("text", ["Pyongyang", "Japan OR Korea", "sanctions", "Chon*"])
@pytest.mark.parametrize("kw", [{}, {"date_from": "2002", "date_to": "2006"}, {"span_max": 1},
                                {"undated": True}])
def test_a_word_gathered_first_or_checked_on_each_event_gives_the_same_events(store, monkeypatch, text, kw):
    conn = store.reader()
    driven = _text_pages(conn, text, **kw)          # few sentences hold it: they drive the query
    monkeypatch.setattr(ev, "DRIVER_LIMIT", 0)      # "many": read in date order, each event checked ...
    monkeypatch.setattr(ev, "CHECK_COST", 10**9)    # ... against the sentences gathered first
    gathered = _text_pages(conn, text, **kw)
    monkeypatch.setattr(ev, "CHECK_COST", 0)        # ... in the full-text index, one by one
    assert ev._dense_at(conn, 6, 50) == 0
    checked = _text_pages(conn, text, **kw)
    assert driven == gathered == checked
    assert driven or kw         # (every word is in some dated event)


def test_how_many_sentences_make_a_word_dense_grows_with_the_events_read_for_a_page(store):
    conn = store.reader()
    if ev.dialect(conn) == "postgresql":
        pytest.skip("(PostgreSQL checks each event in the GIN index's bitmap)")
    one = ev._dense_at(conn, 1, 50)
    assert ev.DRIVER_LIMIT <= one <= ev._dense_at(conn, 6, 50) <= ev._dense_at(conn, 6, 500) <= ev.TEXT_DENSE
