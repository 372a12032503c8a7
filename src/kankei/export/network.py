"""The actor network as GraphML or GEXF: nodes are actors, edges the events between them."""
from __future__ import annotations

import sqlite3
from collections import defaultdict
from typing import TextIO
from xml.sax.saxutils import quoteattr

from kankei.export.tables import certainty
from kankei.store.queries import timeline


def graph(conn: sqlite3.Connection, uncertain: bool = False) -> tuple[dict[str, dict], dict[tuple[str, str], dict]]:
    """Nodes (entity id -> name, type, events) and directed edges agent -> patient with weights:
    the asserted events between them (with uncertain=True, every event). `uncertain` on an edge
    counts the events left out of its weight (hypothetical, planned, negated, reported)."""
    nodes: dict[str, dict] = {}
    edges: dict[tuple[str, str], dict] = defaultdict(lambda: {"weight": 0, "types": defaultdict(int), "goldstein": 0.0,
                                                               "first": None, "last": None, "uncertain": 0})
    for ev in timeline(conn, include_undated=True):
        sure = certainty(ev) == "asserted"
        actors = [p for p in ev["participants"] if p["role"] in ("agent", "patient")]
        for p in actors:
            node = nodes.setdefault(p["entity"], {"name": p["name"], "type": p["type"] or "other", "events": 0})
            node["events"] += 1
        agents = [p["entity"] for p in actors if p["role"] == "agent"]
        patients = [p["entity"] for p in actors if p["role"] == "patient"]
        for a in agents:
            for b in patients:
                if a == b:
                    continue
                e = edges[(a, b)]
                if not sure:
                    e["uncertain"] += 1
                    if not uncertain:
                        continue
                e["weight"] += 1
                e["types"][ev["type"]] += 1
                e["goldstein"] += ev["goldstein"] or 0.0
                if ev["date"]:
                    e["first"] = min(filter(None, [e["first"], ev["date"]]))
                    e["last"] = max(filter(None, [e["last"], ev["date"]]))
    return nodes, {k: e for k, e in edges.items() if e["weight"]}


def _types(e: dict) -> str:
    return "; ".join(f"{t}:{n}" for t, n in sorted(e["types"].items(), key=lambda kv: -kv[1]))


def write(conn: sqlite3.Connection, fmt: str, out: TextIO) -> int:
    nodes, edges = graph(conn)
    q = quoteattr
    if fmt == "graphml":
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                  '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
                  '  <key id="name" for="node" attr.name="name" attr.type="string"/>\n'
                  '  <key id="type" for="node" attr.name="type" attr.type="string"/>\n'
                  '  <key id="events" for="node" attr.name="events" attr.type="int"/>\n'
                  '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>\n'
                  '  <key id="types" for="edge" attr.name="types" attr.type="string"/>\n'
                  '  <key id="goldstein" for="edge" attr.name="goldstein" attr.type="double"/>\n'
                  '  <key id="uncertain" for="edge" attr.name="not_asserted" attr.type="int"/>\n'
                  '  <graph id="kankei" edgedefault="directed">\n')
        for nid, n in nodes.items():
            out.write(f'    <node id={q(nid)}><data key="name">{_x(n["name"])}</data>'
                      f'<data key="type">{_x(n["type"])}</data><data key="events">{n["events"]}</data></node>\n')
        for i, ((a, b), e) in enumerate(edges.items()):
            out.write(f'    <edge id="e{i}" source={q(a)} target={q(b)}><data key="weight">{e["weight"]}</data>'
                      f'<data key="types">{_x(_types(e))}</data>'
                      f'<data key="goldstein">{e["goldstein"] / e["weight"]:.2f}</data>'
                      f'<data key="uncertain">{e["uncertain"]}</data></edge>\n')
        out.write("  </graph>\n</graphml>\n")
    else:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                  '<gexf xmlns="http://gexf.net/1.3" version="1.3">\n'
                  '  <meta><creator>kankei</creator><description>actors and the events between them</description></meta>\n'
                  '  <graph mode="static" defaultedgetype="directed">\n'
                  '    <attributes class="node"><attribute id="0" title="type" type="string"/>'
                  '<attribute id="1" title="events" type="integer"/></attributes>\n'
                  '    <attributes class="edge"><attribute id="0" title="types" type="string"/>'
                  '<attribute id="1" title="goldstein" type="double"/></attributes>\n    <nodes>\n')
        for nid, n in nodes.items():
            out.write(f'      <node id={q(nid)} label={q(n["name"])}><attvalues><attvalue for="0" value={q(n["type"])}/>'
                      f'<attvalue for="1" value="{n["events"]}"/></attvalues></node>\n')
        out.write("    </nodes>\n    <edges>\n")
        for i, ((a, b), e) in enumerate(edges.items()):
            out.write(f'      <edge id="{i}" source={q(a)} target={q(b)} weight="{e["weight"]}"><attvalues>'
                      f'<attvalue for="0" value={q(_types(e))}/>'
                      f'<attvalue for="1" value="{e["goldstein"] / e["weight"]:.2f}"/></attvalues></edge>\n')
        out.write("    </edges>\n  </graph>\n</gexf>\n")
    return len(nodes)


def _x(s: str) -> str:
    from xml.sax.saxutils import escape
    return escape(str(s))
