"""The explorer's HTTP API (kankei serve), through FastAPI's TestClient, on a base built from
tests/serve_corpus.py."""
from __future__ import annotations

import sqlite3
import sys
from collections import Counter

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from kankei.serve import create_app, local_hosts  # noqa: E402
from serve_corpus import ARTICLES, build_base  # noqa: E402

TOKEN = "test-token-0123456789"


@pytest.fixture(scope="module")
def db(tmp_path_factory, backend):
    return build_base(tmp_path_factory.mktemp("serve"), backend)


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db)) as c:
        yield c


@pytest.fixture()
def editor(tmp_path, backend):
    """A server allowing edits, on a base of its own (edits change it)."""
    with TestClient(create_app(build_base(tmp_path, backend), allow_edits=True, token=TOKEN)) as c:
        yield c


def base(db):
    """A connection to the base being served, of either kind (`with` commits what it wrote)."""
    from kankei.store import connect
    return connect(db, migrate=False)


def ok(response, status=200):
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def error(response, status):
    assert response.status_code == status, response.text
    body = response.json()
    assert isinstance(body["error"], str) and body["error"], body
    return body["error"]


def all_events(client, **params):
    out, cursor = [], None
    while True:
        page = ok(client.get("/api/events", params={**params, "limit": 3, **({"cursor": cursor} if cursor else {})}))
        assert len(page["events"]) <= 3
        out += page["events"]
        cursor = page["next"]
        if not cursor:
            return out


def doc_id(client, name):
    docs = ok(client.get("/api/documents"))["documents"]
    return next(d["id"] for d in docs if d["doc"] == name)


# ---------------------------------------------------------------------------------------------

def test_meta_describes_the_base(client):
    meta = ok(client.get("/api/meta"))
    assert meta["counts"]["documents"] == len(ARTICLES)
    assert meta["counts"]["events"] > 10
    assert meta["extent"]["from"] <= "1955-05-25" and meta["extent"]["to"] >= "2017-08-29"
    types = {t["type"]: t for t in meta["event_types"]}
    assert types["meet"]["quad"] == 1 and types["sanction"]["quad"] == 4 and types["found"]["quad"] == 0
    assert meta["allow_edits"] is False
    assert meta["max_page"] == 500


def test_events_in_date_order_with_extraction_fields(client, db):
    page = ok(client.get("/api/events", params={"limit": 500}))
    events = page["events"]
    assert page["next"] is None
    conn = base(db)
    assert len(events) == conn.execute("SELECT count(*) FROM events WHERE date_lo IS NOT NULL").fetchone()[0]
    keys = [(e["date_lo"], e["date_hi"]) for e in events]
    assert keys == sorted(keys)
    texts = {r[0]: r[1] for r in conn.execute("SELECT id, text FROM documents")}
    for e in events:
        assert {"id", "type", "date", "start", "end", "text", "participants", "quad", "document_id", "quote"} <= set(e)
        assert texts[e["document_id"]][e["start"]:e["end"]] == e["text"]
        for p in e["participants"]:
            assert p["role"] in ("agent", "patient", "location") and p["entity"]
    meet = next(e for e in events if e["date"] == "2002-09-17" and e["type"] == "meet")
    assert {p["entity"] for p in meet["participants"]} >= {"person:koizumi", "person:kim_jong_il"}


def test_pages_of_events_cover_every_event_once(client):
    whole = ok(client.get("/api/events", params={"limit": 500}))["events"]
    paged = all_events(client)
    assert [e["id"] for e in paged] == [e["id"] for e in whole]


@pytest.mark.parametrize("actor", ["Chongryon", "Chosen Soren", "org:chongryon", "chongryon"])
def test_events_of_an_actor_by_name_alias_or_id(client, actor):
    events = all_events(client, actor=actor)
    assert events
    assert all(any(p["entity"] == "org:chongryon" for p in e["participants"]) for e in events)


def test_events_of_two_actors_together(client):
    both = all_events(client, actor=["country:japan", "country:north_korea"])
    assert both
    for e in both:
        ids = {p["entity"] for p in e["participants"]}
        assert {"country:japan", "country:north_korea"} <= ids


def test_events_by_type_period_text_and_precision(client):
    meets = all_events(client, type="meet")
    assert meets and all(e["type"] == "meet" for e in meets)
    sixties = all_events(client, **{"from": "1959", "to": "1960"})
    assert sixties
    for e in sixties:          # may overlap the period: starts before its end, ends after its start
        assert e["date_lo"] <= "1960-12-31" and e["date_hi"] >= "1959-01-01"
    # exactly the events whose own dates overlap the period (an open end counts for its known year)
    with base(client.app.state.store.path) as conn:
        expected = {r[0] for r in conn.execute(
            "SELECT id FROM events WHERE date_lo IS NOT NULL"
            " AND (CASE WHEN date_lo <= '0000-01-01' THEN substr(date_hi, 1, 4) || '-01-01' ELSE date_lo END)"
            " <= '1960-12-31' AND (CASE WHEN date_hi >= '9999-12-31' THEN substr(date_lo, 1, 4) || '-12-31'"
            " ELSE date_hi END) >= '1959-01-01'")}
    assert {e["id"] for e in sixties} == expected
    days = all_events(client, **{"from": "1959", "to": "1960"}, span="day")
    assert days and all(e["date_lo"] == e["date_hi"] for e in days)
    decade = all_events(client, **{"from": "195X"})
    assert all(e["date_hi"] >= "1950-01-01" for e in decade)
    words = all_events(client, q="missile")
    assert words and all("missile" in e["quote"] for e in words)
    # two words of two events' sentences, either one
    events = [e for e in all_events(client) if e["quote"]]
    import re as _re
    picks = [next(w for w in _re.findall(r"[A-Za-z]{6,}", e["quote"])) for e in (events[0], events[-1])]
    either = {e["id"] for e in all_events(client, q=f"{picks[0]} OR {picks[1]}")}
    assert {events[0]["id"], events[-1]["id"]} <= either


@pytest.mark.parametrize("params", [
    {"limit": 0}, {"limit": 501}, {"limit": "many"}, {"from": "19xx"}, {"to": "1959-13"}, {"from": "2000", "to": "1990"},
    {"type": "picnic"}, {"cursor": "not-a-cursor"}, {"span": "week"}, {"q": '"unbalanced'}, {"q": "AND OR"},
    {"q": "*"}, {"undated": "perhaps"},
])
def test_events_bad_parameters_are_400_with_a_message(client, params):
    message = error(client.get("/api/events", params=params), 400)
    assert len(message) > 10


def test_unknown_ids_are_404(client):
    error(client.get("/api/events", params={"actor": "Nobody At All"}), 404)
    error(client.get("/api/events/event:nope"), 404)
    error(client.get("/api/entities/org:nobody"), 404)
    error(client.get("/api/documents/0000"), 404)
    error(client.get("/api/no-such-endpoint"), 404)


def test_one_event_with_its_sources(client):
    meet = next(e for e in all_events(client, type="meet") if e["date"] == "2002-09-17")
    ev = ok(client.get(f"/api/events/{meet['id']}"))
    assert ev["id"] == meet["id"]
    assert "Koizumi" in ev["sources"][0]["sentence"]
    # an event whose sentence cites a note: the note comes with it
    with base(client.app.state.store.path) as conn:
        cited, note = conn.execute(
            "SELECT e.id, c.note FROM events e JOIN citations c ON c.document_id = e.document_id"
            " AND c.sentence_start < e.sentence_end AND c.sentence_end > e.sentence_start ORDER BY e.id LIMIT 1").fetchone()
        text = conn.execute("SELECT n.text FROM notes n JOIN events e ON e.document_id = n.document_id"
                            " WHERE e.id = ? AND n.number = ?", (cited, note)).fetchone()[0]
    notes = ok(client.get(f"/api/events/{cited}"))["sources"][0]["notes"]
    assert any(n["note"] == note and n["text"] == text for n in notes)


def test_counts_per_period(client):
    total = len(all_events(client))
    whole = ok(client.get("/api/timeline/buckets"))
    assert whole["total"] == total and whole["unit"] in ("year", "decade")
    for unit in ("century", "decade", "year"):
        b = ok(client.get("/api/timeline/buckets", params={"unit": unit}))
        assert b["unit"] == unit and b["total"] == total
        assert all(x["n"] == sum(x["quads"].values()) for x in b["buckets"])
        assert [x["key"] for x in b["buckets"]] == sorted(x["key"] for x in b["buckets"])
    # the month and the day of an event dated to the day
    day = next(e["date"] for e in all_events(client) if e["date"] and len(e["date"]) == 10 and e["date"][4] == "-")
    import calendar as _calendar
    months = ok(client.get("/api/timeline/buckets", params={"unit": "month", "from": day[:4], "to": day[:4]}))
    month = next(x for x in months["buckets"] if x["key"] == day[:7])
    last = _calendar.monthrange(int(day[:4]), int(day[5:7]))[1]
    assert month["start"] == f"{day[:7]}-01" and month["end"] == f"{day[:7]}-{last:02d}" and month["n"] >= 1
    days = ok(client.get("/api/timeline/buckets", params={"unit": "day", "from": day[:7], "to": day[:7]}))
    assert day in [x["key"] for x in days["buckets"]]
    actor = ok(client.get("/api/timeline/buckets", params={"actor": "Koizumi Junichiro", "unit": "year"}))
    assert actor["total"] == len(all_events(client, actor="person:koizumi"))
    typed = ok(client.get("/api/timeline/buckets", params={"type": "meet", "unit": "year"}))
    assert typed["total"] == len(all_events(client, type="meet"))
    month_actor = ok(client.get("/api/timeline/buckets", params={"actor": "org:chongryon", "unit": "month",
                                                                  "from": "1955", "to": "1955"}))
    assert month_actor["total"] >= 1
    worded = ok(client.get("/api/timeline/buckets", params={"q": "missile", "unit": "year"}))
    assert worded["total"] == len(all_events(client, q="missile"))


@pytest.mark.parametrize("params", [{"unit": "week"}, {"unit": "day", "from": "1900", "to": "2000"},
                                    {"from": "soon"}, {"type": "picnic"}, {"q": "NEAR("}])
def test_counts_bad_parameters_are_400(client, params):
    error(client.get("/api/timeline/buckets", params=params), 400)


def test_entities_and_one_entity(client):
    listing = ok(client.get("/api/entities", params={"q": "soren"}))
    assert any(e["id"] == "org:chongryon" for e in listing["entities"])
    top = ok(client.get("/api/entities", params={"limit": 5}))["entities"]
    assert [e["events"] for e in top] == sorted((e["events"] for e in top), reverse=True)
    error(client.get("/api/entities", params={"limit": 1000}), 400)
    error(client.get("/api/entities", params={"sort": "shoe size"}), 400)
    e = ok(client.get("/api/entities/org:chongryon"))
    assert e["name"] == "Chongryon" and e["type"] == "organization"
    assert {"Chongryon", "Chosen Soren"} <= {a["text"] for a in e["aliases"]}
    # every event is in one year of the chart, or dated only to a longer period (the 1960s), or undated
    assert e["events"] == sum(y["n"] for y in e["events_per_year"].values()) + e["events_spread"] + len(
        [x for x in all_events(client, actor="org:chongryon", undated="true")])
    assert e["events_spread"] >= 1 and "1960" not in e["events_per_year"]
    assert "1955" in e["events_per_year"]
    # (read from the summaries: the same counts as the actor's events themselves)
    dated = all_events(client, actor="org:chongryon")
    within = Counter(x["date_lo"][:4] for x in dated if x["date_lo"][:4] == x["date_hi"][:4])
    assert {y: v["n"] for y, v in e["events_per_year"].items()} == dict(within)
    assert e["events_spread"] == len(dated) - sum(within.values())
    assert e["events_page"]["events"] and e["top_documents"]
    koizumi = ok(client.get("/api/entities/Junichiro Koizumi"))
    assert any(p["entity"] == "person:kim_jong_il" for p in koizumi["partners"])


def test_network_of_a_period(client):
    net = ok(client.get("/api/network"))
    ids = {n["id"] for n in net["nodes"]}
    assert {"person:koizumi", "person:kim_jong_il"} <= ids
    assert "place:pyongyang" not in ids         # only ever where events happened
    assert any({e["source"], e["target"]} == {"person:kim_jong_il", "person:koizumi"} for e in net["edges"])
    assert all(e["source"] in ids and e["target"] in ids and e["weight"] >= 1 for e in net["edges"])
    sixties = ok(client.get("/api/network", params={"from": "1959", "to": "1960"}))
    assert "person:koizumi" not in {n["id"] for n in sixties["nodes"]}
    small = ok(client.get("/api/network", params={"limit": 2}))
    assert len(small["nodes"]) <= 2
    error(client.get("/api/network", params={"limit": 0}), 400)


@pytest.mark.parametrize("period", [{}, {"from": "2002", "to": "2006"}, {"from": "1955", "to": "1960"}])
def test_the_networks_actors_are_the_most_active_of_the_period(client, db, period):
    # each actor's events summed over the period's years, the most first (ties by id): as counted
    # from the summary of each actor's events per year, year by year
    c = base(db)
    try:
        lo, hi = period.get("from", "0000")[:4], period.get("to", "9999")[:4]
        totals = Counter()
        for y, entity, n in c.execute("SELECT y.year, y.entity_id, y.n FROM summary_entity_years y JOIN entities en"
                                      " ON en.id = y.entity_id WHERE en.type IN"
                                      " ('person', 'organization', 'country', 'group', 'vessel')"):
            if lo <= y <= hi:
                totals[entity] += n
    finally:
        c.close()
    expected = sorted(totals.items(), key=lambda t: (-t[1], t[0]))[:3]
    net = ok(client.get("/api/network", params={**period, "limit": 3}))
    assert [(n["id"], n["events"]) for n in net["nodes"]] == expected
    assert expected or period


def test_documents_with_every_extraction_as_spans(client):
    listing = ok(client.get("/api/documents"))
    assert listing["total"] == len(ARTICLES)
    d = ok(client.get(f"/api/documents/{doc_id(client, 'ferries')}"))
    text = d["text"]
    assert text == ARTICLES["ferries.txt"]
    for kind in ("times", "quantities", "mentions", "events", "notes", "claims"):
        assert d[kind], kind
        for span in d[kind]:
            assert text[span["start"]:span["end"]] == span["text"], (kind, span)
    assert {"value", "type"} <= set(d["times"][0])
    assert {"value", "unit", "qualifier"} <= set(d["quantities"][0])
    assert {"entity", "name"} <= set(d["mentions"][0])
    assert any(t["value"] == "1959-12-14" for t in d["times"])
    assert any(q["value"] == 975 for q in d["quantities"])
    assert [n["number"] for n in d["notes"]] == ["1", "2"]
    for c in d["citations"]:
        assert text[c["start"]:c["end"]] == c["note"]
        assert c["sentence_start"] <= c["start"] < c["sentence_end"]
    error(client.get("/api/documents", params={"offset": -1}), 400)


def test_a_script_in_a_document_is_served_as_data(client):
    did = doc_id(client, "script_doc")
    r = client.get(f"/api/documents/{did}")
    d = ok(r)
    assert "<script>window.__pwned = 1;" in d["text"] and 'onerror="window.__pwned = 2"' in d["text"]
    assert r.headers["x-content-type-options"] == "nosniff"
    # the reader page is the same static file for every document: the text only arrives as JSON
    page = client.get(f"/documents/{did}")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "__pwned" not in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    hit = ok(client.get("/api/search", params={"q": "pwned"}))
    assert hit["results"][0]["id"] == did
    snippet = "".join(p["text"] for p in hit["results"][0]["snippet"])
    assert "<script>" in snippet or "pwned" in snippet


def test_search_with_snippets_and_facets(client):
    res = ok(client.get("/api/search", params={"q": "repatriation"}))
    assert res["total"] >= 1
    top = res["results"][0]
    assert any(p["hit"] and p["text"].lower() == "repatriation" for p in top["snippet"])
    assert not any("\x02" in p["text"] or "\x03" in p["text"] for p in top["snippet"])
    assert {"year", "type", "actor"} <= set(res["facets"])
    assert any(f["value"] == "1959" for f in res["facets"]["year"])
    facet_type = res["facets"]["type"][0]["value"]
    narrowed = ok(client.get("/api/search", params={"q": "repatriation", "type": facet_type}))
    assert 1 <= narrowed["total"] <= res["total"]
    assert ok(client.get("/api/search", params={"q": "Chongryon"}))["entities"][0]["id"] == "org:chongryon"
    assert ok(client.get("/api/search", params={"q": '"Calcutta Agreement"'}))["total"] == 1
    assert ok(client.get("/api/search", params={"q": "repatri*"}))["total"] >= 1
    assert ok(client.get("/api/search", params={"q": "title:summit"}))["total"] == 1
    assert ok(client.get("/api/search", params={"q": "zzyzx"}))["total"] == 0


@pytest.mark.parametrize("q", ['"unbalanced', "AND OR", "*", "NEAR(", "foo:bar", "(", ")", "Kim Jong-il", "a OR", "^"])
def test_malformed_search_syntax_is_400_and_plain_mode_reads_it(client, q):
    r = client.get("/api/search", params={"q": q})
    if r.status_code == 200:       # some of these are valid FTS5 after all
        return
    message = error(r, 400)
    assert "search" in message
    r = client.get("/api/search", params={"q": q, "mode": "plain"})
    assert r.status_code in (200, 400), r.text
    if r.status_code == 400:
        assert "no words" in r.json()["error"]


def test_search_bad_parameters(client):
    error(client.get("/api/search"), 400)
    error(client.get("/api/search", params={"q": ""}), 400)
    error(client.get("/api/search", params={"q": "x", "limit": 101}), 400)
    error(client.get("/api/search", params={"q": "x", "year": "19"}), 400)
    error(client.get("/api/search", params={"q": "x", "mode": "regex"}), 400)


def test_claims_and_conflicts(client):
    series = ok(client.get("/api/claims"))["series"]
    assert any(s["subject"] == "org:chongryon" and s["property"] == "membership" for s in series)
    for s in series:
        for p in s["points"]:
            assert all(src.get("document_id") for src in p["sources"])
    ok(client.get("/api/conflicts"))
    ok(client.get("/api/claims", params={"subject": "org:chongryon"}))


def test_claims_without_the_reconcile_module_are_501(client, monkeypatch):
    monkeypatch.setitem(sys.modules, "kankei.reconcile.claims", None)     # import fails
    client.app.state.answers.forget()       # (answers kept while this kankei had the module)
    assert "claims" in error(client.get("/api/claims"), 501)
    error(client.get("/api/conflicts"), 501)
    assert ok(client.get("/api/meta"))["claims_available"] is False


# ---------------------------------------------------------------------------------------------
# corrections

def test_edits_refused_when_the_server_is_read_only(client):
    ev = all_events(client)[0]
    message = error(client.post(f"/api/extractions/{ev['id']}/confirm", headers={"X-Kankei-Token": TOKEN}), 403)
    assert "--allow-edits" in message
    error(client.post("/api/entities/org:chongryon/merge", json={"other": "country:japan"}), 403)
    assert ok(client.get("/api/judgements"))["total"] == 0


def test_edits_need_the_right_token(editor):
    ev = all_events(editor)[0]
    assert ok(editor.get("/api/meta"))["allow_edits"] is True
    assert "X-Kankei-Token" in error(editor.post(f"/api/extractions/{ev['id']}/reject"), 403)
    error(editor.post(f"/api/extractions/{ev['id']}/reject", headers={"X-Kankei-Token": "wrong"}), 403)
    error(editor.post(f"/api/extractions/{ev['id']}/reject", headers={"X-Kankei-Token": ""}), 403)
    assert ok(editor.get("/api/judgements"))["total"] == 0
    assert ok(editor.get("/api/session", headers={"X-Kankei-Token": TOKEN}))["token_ok"] is True
    assert ok(editor.get("/api/session", headers={"X-Kankei-Token": "wrong"}))["token_ok"] is False


def test_edits_with_the_token_are_judgements(editor):
    h = {"X-Kankei-Token": TOKEN}
    ev = all_events(editor)[0]
    j = ok(editor.post(f"/api/extractions/{ev['id']}/confirm", headers=h, json={"note": "checked the source"}), 201)
    assert j["judgement"]["kind"] == "confirm" and j["judgement"]["subject"] == ev["id"]
    d = ok(editor.get(f"/api/documents/{ev['document_id']}"))
    mention = d["mentions"][0]
    ok(editor.post(f"/api/extractions/{mention['id']}/reject", headers=h), 201)
    error(editor.post("/api/extractions/nothing-here/confirm", headers=h), 404)
    listed = ok(editor.get("/api/judgements"))["judgements"]
    assert {(x["kind"], x["subject"]) for x in listed} >= {("confirm", ev["id"]), ("reject", mention["id"])}
    assert any(x["note"] == "checked the source" for x in listed)


def test_merge_and_split_entities(editor, tmp_path):
    h = {"X-Kankei-Token": TOKEN}
    error(editor.post("/api/entities/org:chongryon/merge", headers=h, json={}), 400)
    error(editor.post("/api/entities/org:chongryon/merge", headers=h, json={"other": "org:nobody"}), 404)
    error(editor.post("/api/entities/org:chongryon/merge", headers=h, json={"other": "org:chongryon"}), 400)
    merged = ok(editor.post("/api/entities/person:koizumi/merge", headers=h,
                            json={"other": "person:kim_jong_il", "note": "test"}), 201)["judgement"]
    assert (merged["kind"], merged["subject"], merged["object"]) == ("merge", "person:koizumi", "person:kim_jong_il")
    split = ok(editor.post("/api/entities/org:chongryon/split", headers=h, json={"alias": "Chosen Soren"}), 201)
    assert split["judgement"]["object"] == "Chosen Soren"
    db = editor.app.state.store.path
    rows = [tuple(r) for r in base(db).execute("SELECT kind, subject, object FROM judgements WHERE undone_at IS NULL")]
    assert ("merge", "person:koizumi", "person:kim_jong_il") in rows and ("split", "org:chongryon", "Chosen Soren") in rows


def test_edits_without_the_reconcile_module_are_stored_directly(editor, monkeypatch):
    monkeypatch.setitem(sys.modules, "kankei.reconcile.judgements", None)
    ev = all_events(editor)[0]
    j = ok(editor.post(f"/api/extractions/{ev['id']}/confirm", headers={"X-Kankei-Token": TOKEN}), 201)["judgement"]
    assert j["kind"] == "confirm" and j["author"] == "kankei serve"


def test_create_app_needs_a_token_to_allow_edits(db):
    with pytest.raises(ValueError):
        create_app(db, allow_edits=True)


# ---------------------------------------------------------------------------------------------
# pages, safety, the base changing under the server

@pytest.mark.parametrize("path", ["/", "/timeline", "/network", "/documents", "/entities", "/claims", "/search",
                                  "/docs", "/judgements", "/entities/org:chongryon", "/documents/anything"])
def test_pages_are_static_html_with_a_strict_policy(client, path):
    r = client.get(path)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert '<header id="top">' in r.text and "/static/app.css" in r.text
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "http" not in r.text.replace("http-equiv", "")     # nothing from elsewhere


def test_static_files_and_the_openapi_schema(client):
    for name in ("app.css", "common.js", "timeline.js", "document.js", "favicon.svg"):
        assert client.get(f"/static/{name}").status_code == 200
    assert client.get("/static/../app.py").status_code == 404
    schema = ok(client.get("/openapi.json"))
    assert "/api/events" in schema["paths"] and "/api/search" in schema["paths"]
    assert "/api/extractions/{statement_id}/confirm" in schema["paths"]


def test_an_event_link_leads_to_its_document(client):
    ev = all_events(client)[0]
    r = client.get(f"/events/{ev['id']}", follow_redirects=False)
    assert r.status_code == 302
    assert r.headers["location"].startswith(f"/documents/{ev['document_id']}?event=")
    error(client.get("/events/event:nope", follow_redirects=False), 404)


def test_only_the_local_host_names_are_answered(db):
    hosts = local_hosts("127.0.0.1", 8000)
    assert "127.0.0.1:8000" in hosts and "localhost:8000" in hosts
    assert local_hosts("0.0.0.0", 8000) is None
    with TestClient(create_app(db, allowed_hosts=hosts), base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/meta").status_code == 200
    with TestClient(create_app(db, allowed_hosts=hosts), base_url="http://attacker.example") as c:
        error(c.get("/api/meta"), 400)


def test_new_documents_show_up_while_serving(tmp_path, monkeypatch):
    import kankei.serve.app as app_module
    from kankei.store import connect
    from kankei.store.build import build
    monkeypatch.setattr(app_module, "STAMP_INTERVAL", 0.0)
    db = build_base(tmp_path)
    with TestClient(create_app(db)) as c:
        before = ok(c.get("/api/timeline/buckets", params={"unit": "year"}))["total"]
        extra = tmp_path / "more"
        extra.mkdir()
        (extra / "extra.txt").write_text("Talks in Hanoi\n\nPublished: 1 March 2019\n\nOn 27 February 2019, "
                                         "Japan met North Korea in Hanoi.\n", encoding="utf-8")
        conn = connect(db)
        build(conn, [extra])
        conn.close()
        after = ok(c.get("/api/timeline/buckets", params={"unit": "year"}))["total"]
        assert after > before
        assert any(e["date"] == "2019-02-27" for e in all_events(c))


def test_a_base_that_cannot_be_written_keeps_its_summaries_in_memory(tmp_path, monkeypatch):
    import kankei.serve.app as app_module
    db = build_base(tmp_path)
    sqlite3.connect(db).execute("DELETE FROM summary_state").connection.commit()
    monkeypatch.setattr(app_module.os, "access", lambda *_: False)
    with TestClient(create_app(db)) as c:
        assert c.app.state.store.summary_mode == "temp"
        assert ok(c.get("/api/timeline/buckets"))["total"] == len(all_events(c))
        assert ok(c.get("/api/entities/org:chongryon"))["aliases"]
        assert ok(c.get("/api/search", params={"q": "Chongryon"}))["facets"]["actor"]
    with pytest.raises(Exception, match="read-only"):
        create_app(db, allow_edits=True, token=TOKEN)


def test_serve_command_reports_a_missing_base(tmp_path):
    from click.testing import CliRunner

    from kankei.cli import main
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no knowledge base" in result.output
    help_text = CliRunner().invoke(main, ["serve", "--help"]).output
    assert "--allow-edits" in help_text and "127.0.0.1" in help_text


# ---------------------------------------------------------------------------------------------
# hostile queries, bodies and methods (issue 12, item 1; issue 13's server defects)

@pytest.mark.parametrize("q,why", [
    ("a* " * 150, "too short"), ("ab* " * 120, "too short"), ("repatri* " * 8, "prefix"),
    (" OR ".join(["ship"] * 60), "at most"), ("NEAR(" + " ".join(f"w{i}" for i in range(50)) + ")", "at most"),
])
def test_a_costly_search_is_refused_with_a_reason(client, q, why):
    for path in ("/api/search", "/api/events", "/api/timeline/buckets"):
        message = error(client.get(path, params={"q": q}), 400)
        assert why in message
    if why == "at most":        # plain words have no operators, but the same bound on their number
        assert why in error(client.get("/api/search", params={"q": q, "mode": "plain"}), 400)


def test_punctuation_in_a_search_is_part_of_the_word(client):
    assert ok(client.get("/api/search", params={"q": "Koizumi's"}))["total"] == 0       # asked, not a syntax error
    assert ok(client.get("/api/search", params={"q": "Jong-il"}))["total"] >= 1
    assert ok(client.get("/api/search", params={"q": "NEAR(Koizumi Kim, 5)"}))["total"] >= 1
    assert ok(client.get("/api/search", params={"q": "repatri* OR sanction*"}))["total"] >= 1


def test_a_statement_that_runs_too_long_is_stopped_with_a_message(db):
    """With no time left, every statement that reads the base is stopped before it starts, and the
    request gets a 422 saying why (never a 5xx)."""
    with TestClient(create_app(db)) as c:
        ok(c.get("/api/search", params={"q": "Chongryon"}))
        c.app.state.store.query_seconds = -1.0
        c.app.state.answers.forget()            # (else the answer kept is sent again, no statement run)
        for path, params in (("/api/search", {"q": "Chongryon"}), ("/api/events", {"q": "Chongryon"}),
                             ("/api/entities/org:chongryon", {})):
            assert "stopped after" in error(c.get(path, params=params), 422)
        c.app.state.store.query_seconds = 30.0
        ok(c.get("/api/search", params={"q": "Chongryon"}))         # the next request is not affected


def test_the_watchdog_interrupts_a_long_statement(db, monkeypatch):
    """A running statement is interrupted at its deadline (by the watchdog thread: the readers have
    no progress handler, which made every statement wait for the GIL under load)."""
    import time as _time

    from kankei.serve.app import Store
    monkeypatch.setattr("kankei.serve.app.WATCH_SECONDS", 0.01)
    store = Store(db)
    conn = store.reader()
    store.set_deadline(_time.monotonic() + 0.05)
    with pytest.raises(sqlite3.OperationalError, match="interrupted"):
        conn.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
                     " WHERE i < 1000000000000").fetchone()
    conn = store.reader()                 # a new request: no deadline, nothing interrupted
    _time.sleep(0.05)
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] > 0
    store.close()


def test_bodies_are_bounded_and_split_without_a_body_is_not_a_500(editor):
    h = {"X-Kankei-Token": TOKEN}
    ev = all_events(editor)[0]
    big = error(editor.post(f"/api/extractions/{ev['id']}/confirm", headers={**h, "Content-Type": "application/json"},
                            content=b'{"note": "' + b"x" * (5 * 1024 * 1024) + b'"}'), 413)
    assert "KB" in big
    assert ok(editor.get("/api/judgements"))["total"] == 0
    assert "merged" in error(editor.post("/api/entities/org:chongryon/split", headers=h), 400)


def test_head_answers_every_get_route(client):
    for path in ("/api/meta", "/", "/api/events", "/static/app.css"):
        r = client.head(path)
        assert r.status_code == 200 and r.content == b"", path
    assert client.head("/api/nothing").status_code == 404


def test_an_unknown_page_is_a_page(client):
    r = client.get("/no/such/page", headers={"Accept": "text/html"})
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html") and "Nothing here" in r.text
    r = client.get("/events/event:nope", headers={"Accept": "text/html"})
    assert r.status_code == 404 and "Nothing here" in r.text
    assert "error" in client.get("/api/no/such").json()


# ---------------------------------------------------------------------------------------------
# what is known of an event (issue 12, items 2 and 3)

def test_events_say_whether_asserted_and_whether_rejected(editor):
    db = editor.app.state.store.path
    events = all_events(editor)
    target, other = events[-1], events[0]
    with base(db) as conn:
        conn.execute("UPDATE events SET modality = 'hypothetical' WHERE id = ?", (target["id"],))
    marked = {e["id"]: e for e in all_events(editor)}
    assert marked[target["id"]]["uncertain"] == "hypothetical" and marked[other["id"]]["uncertain"] is None
    h = {"X-Kankei-Token": TOKEN}
    j = ok(editor.post(f"/api/extractions/{other['id']}/reject", headers=h), 201)["judgement"]
    seen = {e["id"]: e for e in all_events(editor)}[other["id"]]
    assert seen["verdict"] == {"kind": "reject", "judgement": j["id"]}
    # the Corrections page's rows say what was judged
    row = ok(editor.get("/api/judgements"))["judgements"][0]
    assert row["subject_info"]["kind"] == "event" and row["subject_info"]["quote"] == other["quote"]
    # undone from the page: the event is as the machine had it
    ok(editor.post(f"/api/judgements/{j['id']}/undo", headers=h))
    assert {e["id"]: e for e in all_events(editor)}[other["id"]]["verdict"] is None
    error(editor.post(f"/api/judgements/{j['id']}/undo", headers=h), 404)
    error(editor.post(f"/api/judgements/{j['id']}/undo"), 403)


def test_merge_by_alias_redirects_the_merged_actor_and_split_needs_a_real_alias(editor):
    h = {"X-Kankei-Token": TOKEN}
    # the merge box sends what a person typed: an alias is resolved to its actor
    merged = ok(editor.post("/api/entities/country:japan/merge", headers=h, json={"other": "chosen soren"}), 201)
    other = merged["judgement"]["object"]
    assert other == "org:chongryon"
    r = editor.get(f"/entities/{other}", follow_redirects=False)
    assert r.status_code == 302 and r.headers["location"] == "/entities/country%3Ajapan"
    assert ok(editor.get(f"/api/entities/{other}"))["merged_from"] == other
    assert "nobody" in error(editor.post("/api/entities/country:japan/merge", headers=h,
                                         json={"other": "nobody at all"}), 404)
    assert "already" in error(editor.post("/api/entities/country:japan/merge", headers=h,
                                          json={"other": "Chongryon"}), 400)
    message = error(editor.post("/api/entities/country:japan/split", headers=h, json={"alias": "Soren Chosen"}), 400)
    assert "Soren Chosen" in message and "Chosen Soren" in message


def test_the_network_draws_actors_and_weighs_asserted_events(editor, monkeypatch):
    monkeypatch.setattr("kankei.serve.app.STAMP_INTERVAL", 0.0)
    db = editor.app.state.store.path
    net = ok(editor.get("/api/network", params={"limit": 100}))
    assert net["nodes"] and all(n["type"] in ("person", "organization", "country", "group", "vessel")
                                for n in net["nodes"])
    pair = next(e for e in net["edges"] if {e["source"], e["target"]} == {"person:koizumi", "person:kim_jong_il"})
    with base(db) as conn:
        conn.execute("UPDATE events SET modality = 'negated' WHERE id IN (SELECT x.event_id FROM event_participants x"
                     " JOIN event_participants y ON y.event_id = x.event_id WHERE x.entity_id = 'person:koizumi'"
                     " AND y.entity_id = 'person:kim_jong_il')")
        conn.execute("INSERT INTO judgements (kind, subject) VALUES ('confirm', 'nothing')")    # a change of stamp
    net = ok(editor.get("/api/network", params={"limit": 100}))
    assert not any({e["source"], e["target"]} == {"person:koizumi", "person:kim_jong_il"} for e in net["edges"])
    every = ok(editor.get("/api/network", params={"limit": 100, "uncertain": "true"}))
    again = next(e for e in every["edges"] if {e["source"], e["target"]} == {"person:koizumi", "person:kim_jong_il"})
    assert again["weight"] == pair["weight"]


def test_claims_and_conflicts_are_paged(client):
    full = ok(client.get("/api/claims"))
    assert full["total"] == len(full["series"]) and full["subjects"]
    first = ok(client.get("/api/claims", params={"limit": 1}))
    assert len(first["series"]) == 1 and first["total"] == full["total"]
    if full["total"] > 1:
        assert ok(client.get("/api/claims", params={"limit": 1, "offset": 1}))["series"][0] == full["series"][1]
    conflicts = ok(client.get("/api/conflicts", params={"limit": 500}))
    assert conflicts["total"] == len(conflicts["conflicts"])
    error(client.get("/api/conflicts", params={"limit": 0}), 400)


def test_summaries_are_made_without_holding_the_base_for_writing(tmp_path, monkeypatch):
    """While a build holds the writer's lock, the server still answers (from the summaries it has),
    and brings them up to date once the lock is free."""
    import kankei.serve.app as app_module
    from kankei.store import connect
    monkeypatch.setattr(app_module, "STAMP_INTERVAL", 0.0)
    monkeypatch.setattr("kankei.store.db.BUSY_TIMEOUT", 0.2)
    db = build_base(tmp_path)
    with TestClient(create_app(db)) as c:
        before = ok(c.get("/api/timeline/buckets", params={"unit": "year"}))["total"]
        build = connect(db)
        build.isolation_level = None
        build.execute("BEGIN IMMEDIATE")        # a build writing a document
        ev = build.execute("SELECT * FROM events WHERE date_lo IS NOT NULL LIMIT 1").fetchone()
        cols = ev.keys()
        row = dict(ev)
        row["id"], row["rowid"] = "event:written-by-a-build", None
        build.execute(f"INSERT INTO events ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                      [row[k] for k in cols])
        assert ok(c.get("/api/timeline/buckets", params={"unit": "year"}))["total"] == before
        build.execute("COMMIT")
        build.close()
        assert ok(c.get("/api/timeline/buckets", params={"unit": "year"}))["total"] == before + 1


def test_serve_says_where_only_once_the_port_is_its_own(db):
    import socket

    from click.testing import CliRunner

    from kankei.cli import main
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--db", str(db), "--port", str(port)])
    assert result.exit_code == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.output and "--port" in result.output
    assert "serving" not in result.output
