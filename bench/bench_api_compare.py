"""``/api/events`` p50/p95 per filter mix, this code beside an older one, on the same stores, in one run.

    python bench/bench_api_compare.py --old /tmp/fw-orig/src --sqlite /tmp/b/m1.db --sqlite /tmp/b/k100.db \\
        --pg-docs 10000 --runs 30

``--old`` is a ``src`` folder of the older code (``git archive 798c1ea src | tar -x -C DIR``).
Each (store, code) pair runs ``bench_api_events.py`` in its own process with that code on
``PYTHONPATH`` (the store is only read, so both see the same rows). ``--pg-docs N`` builds
a throwaway PostgreSQL server with N synthetic documents (about 9.6 events each, through
``Store.put``) first. The old code runs first on each store, before this code's migrations
could touch it. Results: ``bench/results/api_compare.json`` and a table on stdout; every
row carries the load averages it ran under.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
SRC = BENCH.parent / "src"


def _bench(target: str, src: str, runs: int, timeout: float) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "r.json"
        env = dict(os.environ, PYTHONPATH=src)
        started = time.perf_counter()
        try:
            subprocess.run([sys.executable, str(BENCH / "bench_api_events.py"), "--db", target, "--runs",
                            str(runs), "--out", str(out)], env=env, check=True, timeout=timeout,
                           capture_output=True, text=True)
        except subprocess.TimeoutExpired:
            return {"error": f"over {timeout:.0f} s", "load": os.getloadavg()}
        except subprocess.CalledProcessError as exc:
            return {"error": exc.stderr[-600:], "load": os.getloadavg()}
        result: dict[str, Any] = json.loads(out.read_text())
        result["wall_s"] = round(time.perf_counter() - started, 1)
        return result


def _build_pg(url: str, docs: int) -> None:
    sys.path.insert(0, str(BENCH))
    from bench_store import ingest
    from frontwatch.store import open_store

    store = open_store(url)
    try:
        print(json.dumps(ingest(store, docs, seed=7)), file=sys.stderr)
    finally:
        store.close()


def _table(rows: list[dict[str, Any]]) -> str:
    mixes = next((list(r["new"]["mixes"]) for r in rows if "mixes" in r["new"]), [])
    lines = []
    for r in rows:
        old, new = r["old"], r["new"]
        lines.append(f"\n{r['label']}: {new.get('events', old.get('events'))} events; load old "
                     f"{old.get('load')}, new {new.get('load')}")
        lines.append("| mix | old p50 | old p95 | new p50 | new p95 |\n|---|---:|---:|---:|---:|")
        for m in mixes:
            o, n = old.get("mixes", {}).get(m, {}), new.get("mixes", {}).get(m, {})
            cells = [o.get("p50_ms", "-"), o.get("p95_ms", "-"), n.get("p50_ms", "-"), n.get("p95_ms", "-")]
            lines.append(f"| {m} | " + " | ".join(str(c) for c in cells) + " |")
        for side in ("old", "new"):
            if "error" in r[side]:
                lines.append(f"{side}: {r[side]['error']}")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--old", required=True)
    ap.add_argument("--sqlite", action="append", default=[])
    ap.add_argument("--pg-docs", type=int, default=0)
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--timeout", type=float, default=1200)
    args = ap.parse_args()
    rows = []
    for path in args.sqlite:
        old = _bench(path, args.old, args.runs, args.timeout)
        rows.append({"label": f"SQLite {Path(path).name}", "old": old,
                     "new": _bench(path, str(SRC), args.runs, args.timeout)})
        print(_table(rows[-1:]), flush=True)
    if args.pg_docs:
        from frontwatch.store.pgserver import TempPostgres

        with TempPostgres("apibench") as url:
            _build_pg(url, args.pg_docs)
            rows.append({"label": f"PostgreSQL {args.pg_docs} documents",
                         "old": _bench(url, args.old, args.runs, args.timeout),
                         "new": _bench(url, str(SRC), args.runs, args.timeout)})
            print(_table(rows[-1:]), flush=True)
    (BENCH / "results" / "api_compare.json").write_text(json.dumps(rows, indent=1) + "\n")


if __name__ == "__main__":
    main()
