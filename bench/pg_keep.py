"""A synthetic PostgreSQL store kept running, so that two versions of the code are timed on it.

Starts a throw-away server (``TempPostgres`` with the bench's ``PG_CONF``), puts N synthetic
documents into it (``bench_api_events.build_pg``: about 9.6 events a document, then ANALYZE),
writes its URL to ``--url-file`` and keeps it until ``--stop-file`` exists (or ``--hours`` pass);
then the server and its files are removed. Meanwhile, for example:

    PYTHONPATH=/tmp/old/src python bench/bench_api_events.py --db "$(cat URLFILE)" --out before.json
    PYTHONPATH=src python bench/bench_api_events.py --db "$(cat URLFILE)" --out after.json
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_api_events import PG_CONF, build_pg
from frontwatch.store.pgserver import TempPostgres


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--docs", type=int, required=True, help="synthetic documents (105000: ~1M events)")
    ap.add_argument("--url-file", required=True, help="where the server's URL is written once it is built")
    ap.add_argument("--stop-file", required=True, help="create this file to stop the server")
    ap.add_argument("--hours", type=float, default=3.0, help="stop after this long in any case")
    args = ap.parse_args()
    pg = TempPostgres("apibench", extra_conf=PG_CONF)
    url = pg.start()
    try:
        built = build_pg(url, args.docs, seed=7)
        Path(args.url_file).write_text(url, encoding="utf-8")
        print(json.dumps({"url": url, **built}), flush=True)
        end = time.monotonic() + args.hours * 3600
        while not Path(args.stop_file).exists() and time.monotonic() < end:
            time.sleep(2)
    finally:
        pg.stop()


if __name__ == "__main__":
    main()
