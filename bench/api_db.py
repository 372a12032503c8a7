"""A large synthetic knowledge base for the explorer's API benchmark.

    python bench/api_db.py [--out /tmp/kankei-bench-api.db] [--events 1000000] [--documents 3000]
                           [--entities 3000] [--seed 7]

Writes, with direct SQL inserts into the real schema (opened with kankei.store.connect), a
base of about --events events in --documents documents naming --entities actors: every event
stated by a sentence of its document's text, with its trigger, participants, date (days, months,
years, decades, intervals, approximate and open-ended dates), and the mentions, times,
quantities, notes and citations around it; and about --claims-per-doc sentences per document that
state a figure (a membership, a population, an amount of aid) as claims, most agreeing with a
figure of the same subject and year, some rounded or qualified, some not (disagreements). Actors are drawn from a Zipf law, so a few take part
in a large share of the events (as Japan and North Korea do) and most in a handful. The text is
synthetic (nothing is taken from any corpus). Prints what it wrote and how long it took.
"""
from __future__ import annotations

import argparse
import calendar
import hashlib
import random
import sys
import time
from bisect import bisect
from itertools import accumulate
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kankei import edtf  # noqa: E402
from kankei.knowledge import load  # noqa: E402
from kankei.store import connect  # noqa: E402

MONTHS = list(calendar.month_name)[1:]

FIXED = [
    ("country:japan", "Japan", "country"), ("country:north_korea", "North Korea", "country"),
    ("country:south_korea", "South Korea", "country"), ("country:united_states", "the United States", "country"),
    ("country:china", "China", "country"), ("country:russia", "Russia", "country"),
    ("org:chongryon", "Chongryon", "organization"), ("org:jrcs", "the Japanese Red Cross Society", "organization"),
    ("org:icrc", "the International Committee of the Red Cross", "organization"),
    ("org:un_security_council", "the UN Security Council", "organization"),
    ("person:kim_il_sung", "Kim Il-sung", "person"), ("person:kim_jong_il", "Kim Jong-il", "person"),
    ("person:koizumi", "Junichiro Koizumi", "person"), ("person:abe_shinzo", "Shinzo Abe", "person"),
]
PLACES = ["Pyongyang", "Tokyo", "Niigata", "Chongjin", "Geneva", "Beijing", "Seoul", "Osaka", "Stockholm",
          "Hanoi", "Ulaanbaatar", "Kuala Lumpur", "Wonsan", "Nampo", "Kobe", "Shimonoseki"]
SYLLABLES = ["ka", "ki", "ko", "sa", "shi", "ta", "to", "na", "ni", "ha", "mi", "mo", "ya", "yu", "ro", "ri",
             "jin", "min", "sung", "chul", "hyun", "woo", "jae", "ho", "kyu", "tsu", "ze", "da", "no", "be"]
ORG_HEADS = ["Ministry of", "Association for", "Committee for", "Council on", "Bureau of", "Society for",
             "Institute of", "League for"]
ORG_TOPICS = ["Repatriation", "Fisheries", "Trade", "Friendship", "Reunification", "Maritime Safety",
              "Korean Residents", "Overseas Compatriots", "Culture", "Press", "Education", "Red Cross Affairs"]

TRIGGERS = {
    "meet": ["met", "held talks with", "received"], "agree": ["signed an agreement with", "agreed with"],
    "statement": ["issued a statement on", "announced a position on"], "sanction": ["imposed sanctions on"],
    "ease": ["eased sanctions on"], "aid": ["sent aid to", "provided rice to"], "demand": ["demanded answers from",
                                                                                           "urged"],
    "accuse": ["accused", "condemned"], "reject": ["rejected the proposal of", "suspended talks with"],
    "threaten": ["threatened"], "weapons_test": ["launched a missile toward", "tested a device near"],
    "abduct": ["abducted citizens of"], "release": ["released detainees to", "returned remains to"],
    "legal": ["raided the offices of", "brought charges against"], "migrate": ["sent a repatriation ship to"],
    "apologize": ["apologized to"], "resolution": ["adopted a resolution on"], "found": ["founded a branch with"],
    "dissolve": ["dissolved its office with"], "war": ["fought"], "annex": ["occupied territory of"],
    "leader": ["succeeded a leader of"], "other": ["dealt with"],
}
TYPE_WEIGHTS = {"meet": 18, "statement": 16, "agree": 8, "sanction": 6, "demand": 6, "accuse": 6, "reject": 6,
                "aid": 4, "migrate": 4, "weapons_test": 5, "legal": 3, "release": 3, "ease": 2, "threaten": 2,
                "abduct": 2, "apologize": 1, "resolution": 3, "found": 1, "dissolve": 1, "war": 1, "annex": 1,
                "leader": 1, "other": 3}
# Claims: (subject, name, property, unit, verb, noun) and how large its figures are
CLAIM_POPULATIONS = [
    ("group:returnees", "returnees to North Korea", "people repatriated to North Korea", "person",
     "had been repatriated, numbering", "people"),
    ("group:abductees", "abductees", "abductions officially identified by Japan", "person",
     "were officially identified, numbering", "abductees"),
    ("group:korean_residents", "Korean residents in Japan", "population", "person", "numbered", "residents"),
]
QUALIFIED = [("exact", ""), ("about", "about "), ("more_than", "more than "), ("nearly", "nearly "),
             ("at_least", "at least ")]
WORDS = ["delegation", "officials", "negotiators", "the press", "observers", "families", "residents", "diplomats",
         "a spokesman", "the cabinet", "the committee", "ship", "port", "archive", "letter", "telegram", "report"]


def rid(*parts) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()[:20]


class Gen:
    def __init__(self, args):
        self.rng = random.Random(args.seed)
        self.args = args
        table = load("event_types")
        self.roots, self.types = table["cameo_roots"], table["types"]
        self.type_names = list(TYPE_WEIGHTS)
        self.type_cum = list(accumulate(TYPE_WEIGHTS.values()))
        self.entities = self._entities(args.entities)
        weights = [1 / (i + 1) ** 1.05 for i in range(len(self.entities))]
        self.entity_cum = list(accumulate(weights))
        # claims draw from a stream of their own, so that the events are those of a base without them
        self.crng = random.Random(args.seed * 1009 + 1)
        self.claim_groups = self._claim_groups()
        self.claim_cum = list(accumulate(1 / (i + 1) for i in range(len(self.claim_groups))))

    def _claim_groups(self) -> list[tuple]:
        groups = [(*p, 10 ** (3 + i)) for i, p in enumerate(CLAIM_POPULATIONS)]
        for eid, name, typ in self.entities[:400]:
            if typ == "organization":
                groups.append((eid, name.removeprefix("the "), "membership", "member", "counted", "members",
                               10 ** self.crng.randint(2, 5)))
            elif typ == "country":
                groups.append((eid, name.removeprefix("the "), "aid to North Korea", "usd", "sent aid worth", "",
                               10 ** self.crng.randint(6, 8)))
        return groups

    def claim(self, center: int) -> tuple[str, dict]:
        """A sentence stating a figure, and its claim's fields (offsets relative to the sentence)."""
        rng = self.crng
        subj, name, prop, unit, verb, noun, scale = self.claim_groups[
            min(bisect(self.claim_cum, rng.random() * self.claim_cum[-1]), len(self.claim_groups) - 1)]
        y = max(1900, min(2024, int(rng.gauss(center, 8))))
        p = rng.random()
        if p < 0.6:
            phrase, value = f"In {y}", str(y)
        elif p < 0.78:
            m = rng.randint(1, 12)
            phrase, value = f"In {MONTHS[m - 1]} {y}", edtf.point(y, m)
        elif p < 0.88:
            phrase, value = f"Between {y} and {y + 4}", f"{y}/{y + 4}"
        else:
            phrase, value = "", None
        # the figure most sources give for this subject and year, and the others
        true = int(round(scale * (1 + int(rid(subj, prop, y)[:4], 16) / 65536), -max(0, len(str(scale)) - 3)))
        q = rng.random()
        low = high = None
        if q < 0.62:
            qual, amount = "exact", true
        elif q < 0.8:
            qual, amount = rng.choice(QUALIFIED[1:])[0], int(round(true, -max(0, len(str(true)) - 2)))
        elif q < 0.85:
            qual, amount, low, high = "range", None, round(true * 0.95), round(true * 1.05)
        else:
            qual, amount = "exact", int(round(true * rng.choice([0.5, 0.7, 1.4, 2.0])))
        words = dict(QUALIFIED).get(qual, "")
        if unit == "usd":
            figure = f"${low:,} to ${high:,}" if qual == "range" else f"{words}${amount:,}"
        else:
            figure = (f"between {low:,} and {high:,} {noun}" if qual == "range" else f"{words}{amount:,} {noun}")
        head = f"{phrase}, {name} {verb} " if phrase else f"{name} {verb} "
        sentence = head[0].upper() + head[1:] + figure + "."
        s = len(head)
        return sentence, {"subject": subj, "subject_name": name, "property": prop, "time": value,
                          "value": float(amount) if amount is not None else None,
                          "low": float(low) if low is not None else None,
                          "high": float(high) if high is not None else None, "unit": unit, "qualifier": qual,
                          "start": s, "end": s + len(figure), "name_at": len(phrase) + 2 if phrase else 0,
                          "name": name, "time_at": 0, "phrase": phrase}

    def _entities(self, n: int) -> list[tuple[str, str, str]]:
        rng = self.rng
        out = list(FIXED)
        seen = {e[0] for e in out}
        while len(out) < n:
            kind = rng.random()
            if kind < 0.55:
                family = "".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize()
                given = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
                name, typ = f"{given} {family}", "person"
            elif kind < 0.9:
                name = f"{rng.choice(ORG_HEADS)} {rng.choice(ORG_TOPICS)} of " \
                       f"{''.join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()}"
                typ = "organization"
            else:
                name = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize() + " Province"
                typ = "place"
            eid = f"{'org' if typ == 'organization' else typ}:{name.lower().replace(' ', '_')}"
            if eid not in seen:
                seen.add(eid)
                out.append((eid, name, typ))
        return out

    def actor(self, focus: list[int]) -> tuple[str, str, str]:
        if focus and self.rng.random() < 0.35:
            return self.entities[self.rng.choice(focus)]
        x = self.rng.random() * self.entity_cum[-1]
        return self.entities[min(bisect(self.entity_cum, x), len(self.entities) - 1)]

    def etype(self) -> str:
        return self.type_names[bisect(self.type_cum, self.rng.random() * self.type_cum[-1])]

    def date(self, center: int, spread: int) -> tuple[str, str]:
        """(phrase, EDTF) of a date near the document's period, at a random precision."""
        rng = self.rng
        y = max(1868, min(2024, int(rng.gauss(center, spread))))
        m, d = rng.randint(1, 12), None
        d = rng.randint(1, calendar.monthrange(y, m)[1])
        p = rng.random()
        if p < 0.45:
            return f"On {d} {MONTHS[m - 1]} {y}", edtf.point(y, m, d)
        if p < 0.66:
            return f"In {MONTHS[m - 1]} {y}", edtf.point(y, m)
        if p < 0.82:
            return f"In {y}", str(y)
        if p < 0.87:
            return f"In the {y // 10 * 10}s", f"{y // 10}X"
        if p < 0.93:
            y2 = min(2024, y + rng.randint(1, 6))
            return f"Between {y} and {y2}", f"{y}/{y2}"
        if p < 0.97:
            return f"Around {y}", f"{y}~"
        if p < 0.99:
            m2 = min(12, m + rng.randint(1, 3))
            return f"From {MONTHS[m - 1]} to {MONTHS[m2 - 1]} {y}", f"{y}-{m:02d}/{y}-{m2:02d}"
        if p < 0.995:
            return f"Since {y}", f"{y}/.."
        return f"From {y} to {y + 30}", f"{y}/{y + 30}"


def add_claim(g: Gen, doc_id: str, center: int, pos: int, text_parts: list, mentions: list, times: list,
              quantities: list, claims: list) -> int:
    """Append a sentence stating a figure at pos, with its time, mention, quantity and claim; the position after it."""
    sentence, c = g.claim(center)
    end = pos + len(sentence)
    lo, hi = edtf.bounds(c["time"]) if c["time"] else (None, None)
    if c["time"]:
        times.append((rid(doc_id, "t", pos), doc_id, pos, pos + len(c["phrase"]), c["phrase"], "", "", c["time"],
                      "interval" if "/" in c["time"] else "date", lo, hi))
    if not c["subject"].startswith("group:"):
        s = pos + c["name_at"]
        mentions.append((rid(doc_id, "m", s), doc_id, c["subject"], s, s + len(c["name"]), c["name"], "", "",
                         "gazetteer", c["subject"]))
    qs, qe = pos + c["start"], pos + c["end"]
    qid = rid(doc_id, "q", qs)
    exact = sentence[c["start"]:c["end"]]
    quantities.append((qid, doc_id, qs, qe, exact, "", "", c["value"], c["low"], c["high"], c["unit"],
                       c["qualifier"], pos, end))
    claims.append(("claim:" + rid(doc_id, "claim", qs), doc_id, qid, c["subject"], c["subject_name"], c["property"],
                   c["time"], lo, hi, None, c["value"], c["low"], c["high"], c["unit"], c["qualifier"], qs, qe, exact,
                   pos, end))
    text_parts.append(sentence + " ")
    return end + 1


def generate(args) -> None:
    out = Path(args.out)
    for suffix in ("", "-wal", "-shm"):
        Path(str(out) + suffix).unlink(missing_ok=True)
    g = Gen(args)
    rng = g.rng
    conn = connect(out)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -200000")
    t0 = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO entities (id, name, type, origin) VALUES (?,?,?,?)",
                     [(e, n.removeprefix("the "), t, "knowledge" if i < len(FIXED) else "detected")
                      for i, (e, n, t) in enumerate(g.entities)])
    per_doc = args.events / args.documents
    n_events = n_sentences = n_claims = 0
    for di in range(args.documents):
        target = int(per_doc * (di + 1)) - int(per_doc * di)
        center, spread = rng.randint(1880, 2022), rng.choice([2, 5, 10, 25])
        focus = [rng.randrange(len(g.entities)) for _ in range(8)]
        doc_id = rid("doc", args.seed, di)
        title = f"Report {di + 1}: {g.entities[focus[0]][1].removeprefix('the ')} and " \
                f"{g.entities[focus[1]][1].removeprefix('the ')}, {center - spread}-{center + spread}"
        pub = f"{min(2024, center + spread + rng.randint(1, 20))}"
        text_parts = [title, "\n\n", f"Published: {pub}", "\n\n"]
        pos = sum(len(p) for p in text_parts)
        events, parts, mentions, times, quantities, cites, claims = [], [], [], [], [], [], []
        written = 0
        while written < target:
            phrase, value = g.date(center, spread)
            lo, hi = edtf.bounds(value)
            sentence_start = pos
            pieces: list[tuple[str, str | None]] = []     # (text, kind)
            pieces.append((phrase, "time"))
            pieces.append((", ", None))
            k = min(target - written, rng.choice([1, 1, 2, 2, 3]))
            agent = g.actor(focus)
            pieces.append((agent[1], ("mention", agent)))
            sent_events = []
            for j in range(k):
                et = g.etype()
                patient = g.actor(focus)
                while patient[0] == agent[0]:
                    patient = g.actor(focus)
                if j:
                    pieces.append((", and " if j == k - 1 else ", ", None))
                else:
                    pieces.append((" ", None))
                pieces.append((rng.choice(TRIGGERS[et]), ("event", et)))
                pieces.append((" ", None))
                pieces.append((patient[1], ("mention", patient)))
                sent_events.append([et, patient])
            loc = None
            if rng.random() < 0.4:
                place = rng.choice(PLACES)
                loc = f"place:{place.lower().replace(' ', '_')}"
                pieces.append((" in ", None))
                pieces.append((place, ("mention", (f"place:{place.lower().replace(' ', '_')}", place, "place"))))
            if rng.random() < 0.2:
                n = rng.choice([12, 40, 975, 1200, 93000, 2500, 17, 300])
                pieces.append((", with ", None))
                pieces.append((f"{n:,} people", ("quantity", n)))
            pieces.append((f", {rng.choice(WORDS)} said", None) if rng.random() < 0.3 else ("", None))
            pieces.append((".", None))
            if rng.random() < 0.05:
                pieces.append((f"[{rng.randint(1, 5)}]", ("cite", None)))
            # lay the pieces out and record spans
            ev_i = 0
            cur = pos
            trig_spans, mention_spans = [], []
            for piece, kind in pieces:
                s, e = cur, cur + len(piece)
                if kind == "time":
                    times.append((rid(doc_id, "t", s), doc_id, s, e, piece, "", "", value,
                                  "interval" if "/" in value else "date", lo, hi))
                elif kind and kind[0] == "mention":
                    ent = kind[1]
                    mentions.append((rid(doc_id, "m", s), doc_id, ent[0], s, e, piece, "", "", "gazetteer", ent[0]))
                    mention_spans.append((s, e, ent[0]))
                elif kind and kind[0] == "event":
                    trig_spans.append((s, e, piece, kind[1]))
                elif kind and kind[0] == "quantity":
                    quantities.append((rid(doc_id, "q", s), doc_id, s, e, piece, "", "", float(kind[1]), None, None,
                                       "person", "exact", sentence_start, None))
                elif kind and kind[0] == "cite":
                    cites.append((doc_id, piece[1:-1], s + 1, e - 1, sentence_start, None))
                text_parts.append(piece)
                cur = e
            sentence_end = cur - (len(pieces[-1][0]) if pieces[-1][1] and pieces[-1][1][0] == "cite" else 0)
            sentence = "".join(p for p, _ in pieces)[:sentence_end - sentence_start]
            agent_span = mention_spans[0]
            for (s, e, trig, et), (_, patient) in zip(trig_spans, sent_events, strict=True):
                info = g.types.get(et, {})
                cameo = info.get("cameo")
                root = g.roots.get(cameo, {}) if cameo else {}
                eid = f"event:{rid(doc_id, 'e', s)[:16]}"
                events.append((eid, doc_id, et, value, lo, hi, s, e, trig, "", "", sentence_start, sentence_end,
                               sentence, "asserted", 0, info.get("cameo_code") or cameo, root.get("goldstein"),
                               root.get("quad"), info.get("plover")))
                parts.append((eid, "agent", agent[0], agent_span[0], agent_span[1], agent[0]))
                pspan = next(m for m in mention_spans if m[2] == patient[0] and m[0] > s)
                parts.append((eid, "patient", patient[0], pspan[0], pspan[1], patient[0]))
                if loc:
                    lspan = next(m for m in mention_spans if m[2] == loc and m[0] > e)
                    parts.append((eid, "location", loc, lspan[0], lspan[1], loc))
                ev_i += 1
            quantities[:] = [q if q[13] is not None else (*q[:13], sentence_end) for q in quantities]
            cites[:] = [c if c[5] is not None else (*c[:5], sentence_end) for c in cites]
            text_parts.append(" " if rng.random() < 0.85 else "\n\n")
            pos = cur + len(text_parts[-1])
            if g.crng.random() < args.claims_per_doc / 170:     # about 170 sentences a document
                pos = add_claim(g, doc_id, center, pos, text_parts, mentions, times, quantities, claims)
            written += k
            n_sentences += 1
        text_parts.append("\n\nNotes\n\n")
        pos = sum(len(p) for p in text_parts)
        notes = []
        for num in range(1, 6):
            note = f"[{num}] {g.entities[focus[num % 8]][1]} to {g.entities[focus[(num + 1) % 8]][1]}, " \
                   f"{rng.randint(1, 28)} {MONTHS[rng.randrange(12)]} {center}, Diplomatic Archives, box {rng.randint(1, 90)}."
            notes.append((rid(doc_id, "n", num), doc_id, str(num), pos, pos + len(note), note, None))
            text_parts.append(note + "\n")
            pos += len(note) + 1
        text = "".join(text_parts)
        conn.execute("INSERT INTO documents (id, doc, path, title, published, format, encoding, offsets, chars, text,"
                     " extractor) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                     (doc_id, f"synthetic_{di:05d}", None, title, pub, "text", "utf-8", "source", len(text), text,
                      "bench"))
        conn.executemany("INSERT OR IGNORE INTO entities (id, name, type, origin) VALUES (?,?, 'place', 'detected')",
                         {(m[2], m[5]) for m in mentions if m[2].startswith("place:")})
        conn.executemany("INSERT INTO mentions (id, document_id, entity_id, start, \"end\", exact, prefix, suffix, how,"
                         " machine_entity_id) VALUES (?,?,?,?,?,?,?,?,?,?)", mentions)
        conn.executemany("INSERT INTO times (id, document_id, start, \"end\", exact, prefix, suffix, value, type,"
                         " date_lo, date_hi) VALUES (?,?,?,?,?,?,?,?,?,?,?)", times)
        conn.executemany("INSERT INTO quantities (id, document_id, start, \"end\", exact, prefix, suffix, value, low,"
                         " high, unit, qualifier, sentence_start, sentence_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                         quantities)
        conn.executemany("INSERT INTO events (id, document_id, type, date, date_lo, date_hi, start, \"end\", exact,"
                         " prefix, suffix, sentence_start, sentence_end, sentence, modality, hedged, cameo, goldstein,"
                         " quad, plover) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", events)
        conn.executemany("INSERT OR IGNORE INTO event_participants (event_id, role, entity_id, start, \"end\","
                         " machine_entity_id) VALUES (?,?,?,?,?,?)", parts)
        conn.executemany("INSERT INTO notes (id, document_id, number, start, \"end\", text, parts)"
                         " VALUES (?,?,?,?,?,?,?)", notes)
        conn.executemany("INSERT INTO citations (document_id, note, marker_start, marker_end, sentence_start,"
                         " sentence_end) VALUES (?,?,?,?,?,?)", cites)
        conn.executemany("INSERT INTO claims (id, document_id, quantity_id, subject, subject_name, property, time,"
                         " time_lo, time_hi, time_label, value, low, high, unit, qualifier, start, \"end\", exact,"
                         " sentence_start, sentence_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", claims)
        n_claims += len(claims)
        n_events += len(events)
        if (di + 1) % 250 == 0:
            conn.execute("COMMIT")
            conn.execute("BEGIN")
            print(f"  {di + 1} documents, {n_events:,} events, {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    conn.execute("COMMIT")
    # claims are reconciled as a build does it, every group being new
    t1 = time.perf_counter()
    from kankei.reconcile.claim_store import update_claims
    with conn:
        conn.execute("INSERT OR IGNORE INTO claim_regroup (subject, property) SELECT DISTINCT subject, property FROM claims")
    groups = update_claims(conn)
    print(f"  claims reconciled: {groups} groups in {time.perf_counter() - t1:.1f} s", file=sys.stderr)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    size = out.stat().st_size / 1e6
    print(f"{out}: {args.documents:,} documents, {len(g.entities):,} entities, {n_events:,} events, "
          f"{n_sentences:,} sentences, {n_claims:,} claims, {size:,.0f} MB in {time.perf_counter() - t0:.0f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default="/tmp/kankei-bench-api.db")
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--documents", type=int, default=3000)
    ap.add_argument("--entities", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--claims-per-doc", type=float, default=10.0)
    generate(ap.parse_args())


if __name__ == "__main__":
    main()
