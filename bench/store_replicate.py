"""A larger store from a built one: its events copied ``--times`` over, for query latency only.

    python bench/store_replicate.py --src /tmp/b/m1.db --out /tmp/b/m10.db --times 10

Building ten million events through ``Store.put`` takes hours on a 2-core machine; for
``/api/events`` latency what matters is how many rows the indexes hold and how they spread.
Each copy k of every event gets primary key ``pk + k * max(pk)`` and id ``id~k`` (side
tables and the FTS index follow, through the schema's own trigger), the same document,
date, type, factuality, parties and places: the same archive period, k times as dense.
Record JSON is copied as it is (its ``id`` field is the original's), so this store is for
latency measurement only. ``--src`` must have schema 0004 or later (the language, dead and
site columns of events and of the party and country rows; opening an older store once with
frontwatch upgrades it). Each copy is one
transaction, so a run cut short leaves a store of fewer whole copies; ``ANALYZE`` runs at the end.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
import time

COPIES = {
    "events": ("pk, id, doc_id, version_id, event, date, factuality, text, language, dead, site",
               "pk + :off, id || :tag, doc_id, version_id, event, date, factuality, text,"
               " language, dead, site", "pk"),
    "event_records": ("pk, record", "pk + :off, record", "pk"),
    "event_party": ("role, code, date, id, event_pk, event, factuality, language, dead, site",
                    "role, code, date, id || :tag, event_pk + :off, event, factuality, language, dead, site",
                    "event_pk"),
    "event_country": ("country, date, id, event_pk, event, factuality, language, dead, site",
                      "country, date, id || :tag, event_pk + :off, event, factuality, language, dead, site",
                      "event_pk"),
    "event_place": ("event_pk, cell, lat, lon, date, id, event, factuality",
                    "event_pk + :off, cell, lat, lon, date, id || :tag, event, factuality", "event_pk"),
}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--times", type=int, default=10)
    ap.add_argument("--resume", type=int, default=0,
                    help="--out already holds this many copies (the original included): add the rest")
    args = ap.parse_args()
    if not args.resume:
        shutil.copyfile(args.src, args.out)
    con = sqlite3.connect(args.out, isolation_level=None)
    con.execute("PRAGMA journal_mode = DELETE")
    con.execute("PRAGMA synchronous = OFF")
    con.execute("PRAGMA foreign_keys = OFF")
    con.execute("PRAGMA cache_size = -1000000")
    top = con.execute("SELECT max(pk) FROM events").fetchone()[0] // max(1, args.resume)
    for k in range(max(1, args.resume), args.times):
        started = time.perf_counter()
        con.execute("BEGIN")
        for table, (cols, values, key) in COPIES.items():
            con.execute(f"INSERT INTO {table} ({cols}) SELECT {values} FROM {table} WHERE {key} <= :top",
                        {"off": k * top, "tag": f"~{k}", "top": top})
        con.execute("COMMIT")
        n = con.execute("SELECT count(*) FROM events").fetchone()[0]
        print(f"copy {k}: {n} events, {time.perf_counter() - started:.0f} s, load {os.getloadavg()}",
              file=sys.stderr, flush=True)
    started = time.perf_counter()
    con.execute("ANALYZE")
    print(f"ANALYZE {time.perf_counter() - started:.0f} s", file=sys.stderr)
    con.close()


if __name__ == "__main__":
    main()
