"""Copy a knowledge base file (e.g. the one bench/api_db.py makes) into a PostgreSQL base, for
bench/api.py on PostgreSQL.

    python bench/api_db_pg.py --from /tmp/kankei-bench-api.db --to postgresql://user:pw@127.0.0.1/kankei_bench

The target database must exist and be empty (kankei creates its schema). Rows are copied table by
table in rowid order (so events keep their order), with COPY; prints rows and seconds per table.
"""
from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

TABLES = ("documents", "entities", "mentions", "times", "quantities", "events", "event_participants", "notes",
          "citations", "claims", "event_groups", "judgements", "build_state", "claim_series", "claim_points",
          "claim_conflicts", "claim_canon")
KEYED = {"claim_points": "series_id, n", "claim_conflicts": "series_id, n", "claim_canon": "subject"}
"""Tables without a rowid (WITHOUT ROWID), copied in key order."""
GENERATED = {"rowid", "fts"}      # columns the server fills itself


def copy(source: str, url: str) -> None:
    import psycopg

    from kankei.store import connect
    connect(url).close()                  # the schema, at the latest version
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    t_all = time.perf_counter()
    with psycopg.connect(url) as dst:
        for table in TABLES:
            t0 = time.perf_counter()
            cols = [r[1] for r in src.execute(f"PRAGMA table_info({table})")]
            have = {r[0] for r in dst.execute("SELECT column_name FROM information_schema.columns"
                                              " WHERE table_name = %s", (table,))}
            cols = [c for c in cols if c in have and c not in GENERATED]
            quoted = ", ".join(f'"{c}"' for c in cols)
            n = 0
            with dst.cursor().copy(f"COPY {table} ({quoted}) FROM STDIN") as cp:
                for row in src.execute(f"SELECT {quoted} FROM {table} ORDER BY {KEYED.get(table, 'rowid')}"):
                    cp.write_row(row)
                    n += 1
            dst.commit()
            print(f"{table:20} {n:>10,} rows {time.perf_counter() - t0:7.1f} s", file=sys.stderr)
        dst.execute("SELECT setval(pg_get_serial_sequence('judgements', 'id'), coalesce(max(id), 0) + 1, false)"
                    " FROM judgements")
        dst.commit()
        dst.autocommit = True
        dst.execute("ANALYZE")
    print(f"copied into {url.split('@')[-1]} in {time.perf_counter() - t_all:.0f} s", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--from", dest="source", default="/tmp/kankei-bench-api.db")
    ap.add_argument("--to", dest="url", required=True)
    args = ap.parse_args()
    copy(args.source, args.url)


if __name__ == "__main__":
    main()
