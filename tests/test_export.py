"""`kankei export`: every format parses, and says what the base holds."""
from __future__ import annotations

import csv
import io
import json
import sqlite3
import xml.etree.ElementTree as ET
from collections import Counter

import pytest

from kankei import edtf
from kankei.store import connect
from kb_corpus import build_base, query, run, run_json

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
GEXF = "{http://gexf.net/1.3}"


@pytest.fixture(scope="module")
def base(tmp_path_factory, backend):
    _, db = build_base(tmp_path_factory.mktemp("export"), backend)
    return db


def export(db, fmt: str, *args: str) -> str:
    result = run("export", "--db", db, "--format", fmt, *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def expected_graph(db) -> tuple[dict[str, int], dict[tuple[str, str], int], dict[str, str]]:
    """Straight from the tables: actors (agents and patients) with their events, and agent -> patient
    weights (asserted events only: what the text supposes, denies or hedges ties no one)."""
    roles: dict[str, dict[str, list[str]]] = {}
    sure = {r[0] for r in query(db, "SELECT id FROM events WHERE modality = 'asserted' AND hedged = 0")}
    for event_id, role, entity in query(db, "SELECT event_id, role, entity_id FROM event_participants"
                                            " WHERE role IN ('agent', 'patient')"):
        roles.setdefault(event_id, {"agent": [], "patient": []})[role].append(entity)
    nodes: Counter = Counter()
    edges: Counter = Counter()
    for event_id, r in roles.items():
        nodes.update(r["agent"] + r["patient"])
        if event_id in sure:
            edges.update((a, b) for a in r["agent"] for b in r["patient"] if a != b)
    names = dict(query(db, "SELECT id, name FROM entities"))
    return dict(nodes), dict(edges), names


# --- tables ------------------------------------------------------------------------------------


def test_csv_of_events(base):
    rows = list(csv.DictReader(io.StringIO(export(base, "csv"))))
    assert len(rows) == query(base, "SELECT count(*) FROM events")[0][0]
    assert {"id", "date", "type", "trigger", "agents", "patients", "locations", "quote", "doc", "start", "end",
            "cameo", "plover"} <= set(rows[0])
    assert [r["id"] for r in rows if r["date"]] == [e["id"] for e in run_json("timeline", "--db", base)]
    texts = dict(query(base, "SELECT doc, text FROM documents"))
    for r in rows:
        assert texts[r["doc"]][int(r["start"]):int(r["end"])] == r["trigger"]
    summit = next(r for r in rows if r["date"] == "2002-09-17" and r["type"] == "meet")
    assert "Junichiro Koizumi" in summit["agents"] and summit["cameo"] == "040"


@pytest.mark.parametrize("table", ["entities", "mentions", "quantities", "times"])
def test_csv_and_jsonl_of_each_table(base, table):
    rows = list(csv.DictReader(io.StringIO(export(base, "csv", "--table", table))))
    records = [json.loads(line) for line in export(base, "jsonl", "--table", table).splitlines()]
    assert len(rows) == len(records) == query(base, f"SELECT count(*) FROM {table}")[0][0] > 0
    assert [r["id" if table != "entities" else "entity"] for r in rows] == \
           [r["id" if table != "entities" else "entity"] for r in records]
    if table == "entities":
        chongryon = next(r for r in records if r["entity"] == "org:chongryon")
        assert chongryon["type"] == "organization" and chongryon["documents"] == 2
        assert chongryon["mentions"] == query(base, "SELECT count(*) FROM mentions WHERE entity_id = 'org:chongryon'")[0][0]
        return
    texts = dict(query(base, "SELECT doc, text FROM documents"))
    for r in records:
        assert texts[r["doc"]][r["start"]:r["end"]] == r["text"]
        assert r["kind"] == {"mentions": "entity", "quantities": "quantity", "times": "time"}[table]
    if table == "quantities":
        q = next(r for r in records if r["text"] == "about 93,000 people")
        assert (q["value"], q["unit"], q["qualifier"]) == (93000, "person", "about")
        assert next(r for r in rows if r["text"] == "about 93,000 people")["value"] == "93000.0"
    if table == "times":
        assert {"1959-08-13", "1959/1984"} <= {r["value"] for r in records}


def test_jsonl_of_events(base):
    records = [json.loads(line) for line in export(base, "jsonl").splitlines()]
    assert len(records) == query(base, "SELECT count(*) FROM events")[0][0]
    texts = dict(query(base, "SELECT doc, text FROM documents"))
    for r in records:
        assert r["kind"] == "event" and texts[r["doc"]][r["start"]:r["end"]] == r["text"]
        for p in r["participants"]:
            if p["start"] is not None:
                assert texts[r["doc"]][p["start"]:p["end"]]
    assert sum(1 for r in records if r["date"] == "2017-08-29") >= 1


def test_plover(base):
    records = [json.loads(line) for line in export(base, "plover").splitlines()]
    assert len(records) == query(base, "SELECT count(*) FROM events WHERE plover IS NOT NULL")[0][0] > 0
    plover_types = {"CONSULT", "AGREE", "CONCEDE", "AID", "SANCTION", "THREATEN", "REQUEST", "ACCUSE", "REJECT",
                    "MOBILIZE", "ASSAULT", "COERCE"}
    texts = dict(query(base, "SELECT doc, text FROM documents"))
    for r in records:
        assert r["event_type"] in plover_types
        assert texts[r["source"]][r["offsets"]["start"]:r["offsets"]["end"]] == r["trigger"]
        assert r["trigger"] in r["source_text"]
    summit = next(r for r in records if r["date"] == "2002-09-17" and r["event_type"] == "CONSULT")
    assert summit["actor_id"] == "person:koizumi" and summit["actor"] == "Junichiro Koizumi"


# --- the network --------------------------------------------------------------------------------


def test_graphml_nodes_edges_and_weights(base):
    nodes, edges, names = expected_graph(base)
    root = ET.fromstring(export(base, "graphml"))
    keys = {k.get("id"): k.get("attr.name") for k in root.iter(f"{GRAPHML}key")}
    assert {"name", "type", "events", "weight", "types", "goldstein"} <= set(keys.values())
    graph = root.find(f"{GRAPHML}graph")
    assert graph.get("edgedefault") == "directed"

    def data(el):
        return {keys[d.get("key")]: d.text for d in el.findall(f"{GRAPHML}data")}

    got_nodes = {n.get("id"): data(n) for n in graph.findall(f"{GRAPHML}node")}
    assert {k: int(v["events"]) for k, v in got_nodes.items()} == nodes
    assert all(v["name"] == names[k] for k, v in got_nodes.items())
    got_edges = {(e.get("source"), e.get("target")): data(e) for e in graph.findall(f"{GRAPHML}edge")}
    assert {k: int(float(v["weight"])) for k, v in got_edges.items()} == edges
    assert ("person:koizumi", "person:kim_jong_il") in edges       # they met on 17 September 2002
    assert got_nodes["person:koizumi"]["name"] == "Junichiro Koizumi"
    assert got_nodes["person:koizumi"]["type"] == "person"
    assert "meet" in got_edges[("person:koizumi", "person:kim_jong_il")]["types"]
    assert len(graph.findall(f"{GRAPHML}edge")) == len(edges)     # one edge per directed pair


def test_gexf_nodes_edges_and_weights(base):
    nodes, edges, names = expected_graph(base)
    root = ET.fromstring(export(base, "gexf"))
    graph = root.find(f"{GEXF}graph")
    got_nodes = {n.get("id"): n for n in graph.iter(f"{GEXF}node")}
    assert set(got_nodes) == set(nodes)
    for nid, n in got_nodes.items():
        assert n.get("label") == names[nid]
        values = {v.get("for"): v.get("value") for v in n.iter(f"{GEXF}attvalue")}
        assert int(values["1"]) == nodes[nid]
    got_edges = {(e.get("source"), e.get("target")): int(e.get("weight")) for e in graph.iter(f"{GEXF}edge")}
    assert got_edges == edges
    assert len({e.get("id") for e in graph.iter(f"{GEXF}edge")}) == len(edges)


def test_the_network_escapes_names(tmp_path):
    db = tmp_path / "kb.db"
    conn = connect(db)
    text = "Talks.\nThe <Friendship> & \"Trade\" Society met 'Korea' Ltd in 1990.\n"
    conn.execute("INSERT INTO documents (id, doc, title, chars, text, extractor) VALUES ('d', 'd', 'T & <t>', ?, ?, 'x')",
                 (len(text), text))
    conn.executemany("INSERT INTO entities (id, name, type, origin) VALUES (?, ?, 'organization', 'detected')",
                     [("org:a&b", "The <Friendship> & \"Trade\" Society"), ("org:'k'", "'Korea' Ltd")])
    conn.execute("INSERT INTO events (id, document_id, type, date, date_lo, date_hi, start, \"end\", exact, prefix,"
                 " suffix, sentence) VALUES ('event:x', 'd', 'meet', '1990', '1990-01-01', '1990-12-31', 44, 47, 'met',"
                 " '', '', ?)", (text[7:-1],))
    conn.executemany("INSERT INTO event_participants (event_id, role, entity_id) VALUES ('event:x', ?, ?)",
                     [("agent", "org:a&b"), ("patient", "org:'k'")])
    conn.commit()
    conn.close()
    for fmt, ns in (("graphml", GRAPHML), ("gexf", GEXF)):
        root = ET.fromstring(export(db, fmt))
        assert {n.get("id") for n in root.iter(f"{ns}node")} == {"org:a&b", "org:'k'"}
        assert [(e.get("source"), e.get("target")) for e in root.iter(f"{ns}edge")] == [("org:a&b", "org:'k'")]
    names = {n.get("label") for n in ET.fromstring(export(db, "gexf")).iter(f"{GEXF}node")}
    assert names == {"The <Friendship> & \"Trade\" Society", "'Korea' Ltd"}
    assert json.loads(export(db, "timelinejs"))["events"][0]["text"]["headline"].startswith("meet: met (The &lt;")


# --- TimelineJS ---------------------------------------------------------------------------------


def test_timelinejs(base):
    data = json.loads(export(base, "timelinejs"))
    dated = run_json("timeline", "--db", base)
    assert len(data["events"]) == len(dated) > 0
    assert data["title"]["text"]["headline"]
    for slide, ev in zip(data["events"], dated, strict=True):
        start = slide["start_date"]
        assert isinstance(start["year"], int) and start["display_date"] == ev["date"]
        lo, hi = edtf.bounds(ev["date"])
        assert start["year"] == int(lo[:4])
        if "end_date" in slide:
            assert slide["end_date"]["year"] == int(hi[:4])
        asserted = ev["modality"] == "asserted" and not ev["hedged"]
        assert slide["group"] == (ev["type"] if asserted else f"{ev['type']} (not asserted)")
        assert slide["unique_id"] and ":" not in slide["unique_id"]
    # intervals between two known years and days, whichever the extractor finds (every precision is
    # checked on dates made for it in test_timelinejs_dates_of_every_precision)
    for interval in (s for s in data["events"] if "/" in s["start_date"]["display_date"]
                     and ".." not in s["start_date"]["display_date"] and "X" not in s["start_date"]["display_date"]):
        lo, hi = edtf.bounds(interval["start_date"]["display_date"])
        assert interval["start_date"]["year"] == int(lo[:4]) and interval["end_date"]["year"] == int(hi[:4])
    day = next(s for s in data["events"] if len(s["start_date"]["display_date"]) == 10)
    y, m, d = (int(x) for x in day["start_date"]["display_date"].split("-"))
    assert (day["start_date"]["month"], day["start_date"]["day"]) == (m, d) and "end_date" not in day


def test_timelinejs_dates_of_every_precision(tmp_path):
    db = tmp_path / "kb.db"
    conn = connect(db)
    text = "x" * 100
    conn.execute("INSERT INTO documents (id, doc, title, chars, text, extractor) VALUES ('d', 'd', 't', 100, ?, 'x')",
                 (text,))
    values = ["1959", "1959-12", "1959-12-14", "195X", "1959/1984", "1959-21", "1959~", "../1958", "1960/.."]
    for i, value in enumerate(values):
        lo, hi = edtf.bounds(value)
        conn.execute("INSERT INTO events (id, document_id, type, date, date_lo, date_hi, start, \"end\", exact, prefix,"
                     " suffix, sentence) VALUES (?, 'd', 'other', ?, ?, ?, ?, ?, 'x', '', '', 'x')",
                     (f"event:{i}", value, lo, hi, i, i + 1))
    conn.commit()
    conn.close()
    slides = {s["start_date"]["display_date"]: s for s in json.loads(export(db, "timelinejs"))["events"]}
    assert slides["1959"]["start_date"] == {"year": 1959, "display_date": "1959"} and "end_date" not in slides["1959"]
    assert slides["1959-12"]["start_date"] == {"year": 1959, "month": 12, "display_date": "1959-12"}
    assert slides["1959-12-14"]["start_date"] == {"year": 1959, "month": 12, "day": 14, "display_date": "1959-12-14"}
    assert slides["195X"]["start_date"]["year"] == 1950 and slides["195X"]["end_date"]["year"] == 1959
    assert slides["1959-21"]["start_date"]["month"] == 3 and slides["1959-21"]["end_date"]["month"] == 5
    assert slides["1959~"]["start_date"]["year"] == 1959
    # open intervals: shown from the date they give, never from year 0 or 9999
    assert slides["../1958"]["start_date"]["year"] == 1958 and "end_date" not in slides["../1958"]
    assert slides["1960/.."]["start_date"]["year"] == 1960 and "end_date" not in slides["1960/.."]


# --- Web Annotation ------------------------------------------------------------------------------


def test_web_annotation_selectors_point_at_the_text(base):
    data = json.loads(export(base, "webannotation"))
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld" and data["type"] == "AnnotationCollection"
    items = data["first"]["items"]
    n = sum(query(base, f"SELECT count(*) FROM {t}")[0][0] for t in ("mentions", "times", "quantities", "events"))
    assert data["total"] == len(items) == n
    texts = {f"urn:kankei:document:{i}": t for i, t in query(base, "SELECT id, text FROM documents")}
    assert len({item["id"] for item in items}) == len(items)
    for item in items:
        assert item["type"] == "Annotation" and item["motivation"] in ("identifying", "tagging", "classifying")
        target = item["target"]
        text = texts[target["source"]]
        selectors = {s["type"]: s for s in target["selector"]}
        pos, quote = selectors["TextPositionSelector"], selectors["TextQuoteSelector"]
        assert quote["exact"] == text[pos["start"]:pos["end"]] != ""
        assert text[:pos["start"]].endswith(quote["prefix"]) and text[pos["end"]:].startswith(quote["suffix"])
    kinds = Counter(item["body"]["type"] + ":" + item["motivation"] for item in items)
    assert kinds["SpecificResource:identifying"] == query(base, "SELECT count(*) FROM mentions")[0][0]
    chosen = next(i for i in items if i["body"].get("label") == "Chongryon"
                  and i["target"]["selector"][1]["exact"] == "Chosen Soren")
    assert chosen["body"]["source"] == "urn:kankei:entity:org:chongryon"


# --- files and options -------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "timelinejs", "graphml", "gexf", "plover", "webannotation"])
def test_out_writes_a_file_with_what_stdout_gets(base, tmp_path, fmt):
    out = tmp_path / f"export.{fmt}"
    result = run("export", "--db", base, "--format", fmt, "--out", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr.startswith(f"{out}: ") and result.stderr.strip().endswith(" items")
    assert out.read_text(encoding="utf-8") == export(base, fmt)
    assert [p.name for p in tmp_path.iterdir()] == [out.name]     # no partial file left beside it


def test_out_is_not_left_half_written(base, tmp_path, monkeypatch):
    import kankei.export as export_module

    def failing(conn, fmt, f, table="events"):
        f.write("partial")
        raise RuntimeError("disk trouble")

    out = tmp_path / "events.csv"
    out.write_text("the previous export\n", encoding="utf-8")
    monkeypatch.setattr(export_module, "export", failing)
    with pytest.raises(RuntimeError):
        run("export", "--db", base, "--format", "csv", "--out", out)
    assert out.read_text(encoding="utf-8") == "the previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]


def test_an_empty_base_exports_valid_empty_documents(tmp_path):
    (tmp_path / "corpus").mkdir()
    db = tmp_path / "kb.db"
    connect(db).close()             # a base with its schema and nothing in it
    assert list(csv.reader(io.StringIO(export(db, "csv")))) == [["id"]]
    assert export(db, "jsonl") == "" and export(db, "plover") == ""
    assert json.loads(export(db, "timelinejs"))["events"] == []
    assert ET.fromstring(export(db, "graphml")).find(f"{GRAPHML}graph") is not None
    assert list(ET.fromstring(export(db, "gexf")).iter(f"{GEXF}node")) == []
    assert json.loads(export(db, "webannotation"))["total"] == 0


def test_bad_options(base):
    result = run("export", "--db", base, "--format", "pdf")
    assert result.exit_code == 2 and "Invalid value for '--format'" in result.stderr
    result = run("export", "--db", base, "--format", "csv", "--table", "documents")
    assert result.exit_code == 2 and "Invalid value for '--table'" in result.stderr
    assert run("export", "--db", base).exit_code == 2          # --format is required


def test_events_the_text_does_not_assert_are_marked_in_every_export(tmp_path):
    _, db = build_base(tmp_path)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE events SET modality = 'asserted', hedged = 0")     # (whatever the extractor said)
        # the first event with an agent and a patient is only supposed, the next only reported
        ids = [r[0] for r in conn.execute(
            "SELECT a.event_id FROM event_participants a JOIN event_participants p ON p.event_id = a.event_id"
            " AND p.role = 'patient' AND p.entity_id != a.entity_id JOIN events e ON e.id = a.event_id"
            " WHERE a.role = 'agent' AND e.date_lo IS NOT NULL GROUP BY a.event_id ORDER BY a.event_id LIMIT 2")]
        conn.execute("UPDATE events SET modality = 'hypothetical' WHERE id = ?", (ids[0],))
        conn.execute("UPDATE events SET hedged = 1 WHERE id = ?", (ids[1],))
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(export(db, "csv")))}
    assert rows[ids[0]]["certainty"] == "hypothetical" and rows[ids[1]]["certainty"] == "reported"
    assert {r["certainty"] for i, r in rows.items() if i not in ids} == {"asserted"}
    assert rows[ids[0]]["asserted"] == "False" and rows[ids[1]]["asserted"] == "False"
    slides = {s["unique_id"]: s for s in json.loads(export(db, "timelinejs"))["events"]}
    assert slides[ids[0].replace(":", "-")]["text"]["headline"].startswith("[hypothetical]")
    assert slides[ids[1].replace(":", "-")]["text"]["headline"].startswith("[reported]")
    assert not any(s["text"]["headline"].startswith("[") for k, s in slides.items() if k not in
                   {i.replace(":", "-") for i in ids})
    plover = {r["id"]: r for r in map(json.loads, export(db, "plover").splitlines())}
    for i, mode in zip(ids, ("hypothetical", "reported"), strict=True):
        if i in plover:
            assert plover[i]["mode"] == mode and plover[i]["asserted"] is False
    assert all(r["mode"] == "" for i, r in plover.items() if i not in ids)
    # the network's weights count asserted events; the others are counted apart on the edge
    _, edges, _ = expected_graph(db)
    root = ET.fromstring(export(db, "graphml"))
    got = {(e.get("source"), e.get("target")): float(e.find(f"{GRAPHML}data[@key='weight']").text)
           for e in root.iter(f"{GRAPHML}edge")}
    assert got == {k: float(v) for k, v in edges.items()}
    assert sum(int(e.find(f"{GRAPHML}data[@key='uncertain']").text) for e in root.iter(f"{GRAPHML}edge")) >= 0
