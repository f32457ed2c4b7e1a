"""``/api/events`` latency over HTTP on a large store: p50 and p95 per filter mix and overall.

    python bench/bench_api_events.py --db /tmp/fw-scale/m1.db --runs 40
    python bench/bench_api_events.py --pg-docs 105000 --runs 40 --out bench/results/api_events_pg_1m.json

With ``--pg-docs N`` the bench starts its own PostgreSQL server (``store.pgserver.TempPostgres``,
its defaults plus ``PG_CONF``), writes N synthetic documents (about 9.5 events each) through
``Store.put`` as ``bench_store.py build`` does, runs ``ANALYZE`` (what autovacuum would have
done on a store that grew this way), measures, and removes the server and its files.

A real uvicorn server (``create_app``) runs in a thread of this process; one client makes
one request at a time over a keep-alive connection. Every request draws fresh parameters
(seeded), so answers do not come from a cache warmed by the same request; each mix gets
three unmeasured warm-up requests first (the first touch of an index pages it in from disk).
The store is made by ``bench_store.py build`` (``store_synthetic.py``): about a million
events over 100,000 documents. Peak memory is this process's maximum resident set size
(server and client together).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import socket
import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import uvicorn

sys.path.insert(0, str(Path(__file__).parent))

from frontwatch.serve.app import create_app
from store_synthetic import BACKGROUND, COUNTRY_BOX, EVENT_TYPES, SITES

TYPES = [t for t, _ in EVENT_TYPES]
WAR_CODES = ["RUS", "UKR", "AZE", "ARM", "ISR", "PSE"]
Params = dict[str, Any]


def _day(r: random.Random) -> str:
    return f"{r.randrange(2019, 2025)}-{r.randrange(1, 13):02d}-{r.randrange(1, 29):02d}"


def _bbox(r: random.Random) -> str:
    box = COUNTRY_BOX[r.choice(WAR_CODES)]
    lon, lat = r.uniform(box[0], box[2]), r.uniform(box[1], box[3])
    return f"{lon - 1:.3f},{lat - 1:.3f},{lon + 1:.3f},{lat + 1:.3f}"


def _month(r: random.Random) -> Params:
    start = _day(r)
    y, m, d = (int(x) for x in start.split("-"))
    end = f"{y + (m == 12)}-{m % 12 + 1:02d}-{d:02d}"
    return {"date_from": start, "date_to": end}


MIXES: dict[str, Callable[[random.Random], Params]] = {
    "no filter (first page)": lambda r: {},
    "event type": lambda r: {"event": r.choice(TYPES)},
    "party: war code": lambda r: {"country": r.choice(WAR_CODES)},
    "party: any code": lambda r: {"country": r.choice(BACKGROUND)},
    "actor + event type": lambda r: {"actor": r.choice(WAR_CODES), "event": r.choice(TYPES)},
    "place country": lambda r: {"place_country": r.choice(list(COUNTRY_BOX))},
    "date range 30 days": _month,
    "bbox 2x2 degrees": lambda r: {"bbox": _bbox(r)},
    "factuality + claimed_by": lambda r: {"factuality": "claimed", "claimed_by": r.choice(WAR_CODES)},
    "text, Japanese": lambda r: {"q": r.choice(["ハルキウ", "停戦合意", "捕虜交換"])},
    "text, English": lambda r: {"q": r.choice(["ceasefire", "drone strike", "Shelling near"])},
    "party + dates + factuality": lambda r: {
        **_month(r),
        "country": r.choice(WAR_CODES),
        "factuality": "asserted",
    },
    "deep page (offset 5000)": lambda r: {"event": r.choice(TYPES), "offset": 5000},
    "language": lambda r: {"language": r.choice(["ja", "en"])},
    "source: any site": lambda r: {"source": r.choice(SITES)[0].removeprefix("www.")},
    "source: rarest site": lambda r: {"source": SITES[-1][0].removeprefix("www.")},
    "dead_min": lambda r: {"dead_min": r.choice([1, 10, 50])},
    "language + party + dead_min": lambda r: {
        "language": r.choice(["ja", "en"]), "country": r.choice(WAR_CODES), "dead_min": r.choice([1, 10])},
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, round(p * len(xs)) - 1))]


# The server's memory as a machine of this kind would give a 1M-event store (24 GiB RAM); the rest
# are PostgreSQL's defaults. fsync stays off as in every TempPostgres: writes are not timed here.
PG_CONF = {"shared_buffers": "1GB", "effective_cache_size": "8GB", "work_mem": "16MB"}


def build_pg(url: str, docs: int, seed: int) -> dict[str, Any]:
    """N synthetic documents into the PostgreSQL store at ``url``, then ANALYZE."""
    import psycopg

    from bench_store import ingest
    from frontwatch.store import open_store

    store = open_store(url)
    try:
        built = ingest(store, docs, seed=seed)
    finally:
        store.close()
    started = time.perf_counter()
    with psycopg.connect(url, autocommit=True) as con:
        con.execute("ANALYZE")
    built["analyze_seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(built), file=sys.stderr)
    return built


def run(
    target: str, runs: int, seed: int, only: str | None = None, cache_s: float | None = None
) -> dict[str, Any]:
    port = _free_port()
    app = create_app(target) if cache_s is None else create_app(target, cache_seconds=cache_s)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    rng = random.Random(seed)
    mixes: dict[str, Any] = {}
    every: list[float] = []
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
            stats = client.get("/api/stats").json()
            for name, draw in MIXES.items():
                if only and not any(part in name for part in only.split(",")):
                    continue
                for _ in range(3):
                    client.get("/api/events", params=draw(rng)).raise_for_status()
                times = []
                for _ in range(runs):
                    t0 = time.perf_counter()
                    resp = client.get("/api/events", params=draw(rng))
                    times.append((time.perf_counter() - t0) * 1000)
                    resp.raise_for_status()
                every.extend(times)
                mixes[name] = {
                    "p50_ms": round(statistics.median(times), 1),
                    "p95_ms": round(_pct(times, 0.95), 1),
                    "max_ms": round(max(times), 1),
                }
                print(
                    f"{name:<28} p50 {mixes[name]['p50_ms']:>7} ms  p95 {mixes[name]['p95_ms']:>7} ms",
                    file=sys.stderr,
                )
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    return {
        "store": target.split("@")[-1],  # a PostgreSQL URL without its user
        "load": os.getloadavg(),  # the machine is shared: 1, 5 and 15 minute load averages at the end
        "documents": stats["documents"],
        "events": stats["events"],
        "runs_per_mix": runs,
        "cache_seconds": cache_s,
        "overall": {"p50_ms": round(statistics.median(every), 1), "p95_ms": round(_pct(every, 0.95), 1)},
        "mixes": mixes,
        "peak_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--db", help="a store to read (SQLite path or PostgreSQL URL)")
    where.add_argument("--pg-docs", type=int,
                       help="build N synthetic documents in a PostgreSQL server started here")
    ap.add_argument("--runs", type=int, default=40)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--only", default=None,
                    help="run only the mixes whose name contains one of these (comma-separated)")
    ap.add_argument("--cache-seconds", type=float, default=None,
                    help="the app's view cache (default: the app's own); 0 measures every request cold")
    ap.add_argument("--out", default=str(Path(__file__).parent / "results" / "api_events.json"))
    args = ap.parse_args()
    if args.pg_docs:
        from frontwatch.store.pgserver import TempPostgres

        with TempPostgres("apibench", extra_conf=PG_CONF) as url:
            built = build_pg(url, args.pg_docs, seed=7)
            measured = run(url, args.runs, args.seed, args.only, args.cache_seconds)
            result = {**measured, "backend": "postgresql", "build": built, "server_conf": PG_CONF}
    else:
        result = run(args.db, args.runs, args.seed, args.only, args.cache_seconds)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print("| mix | p50 ms | p95 ms | max ms |\n|---|---:|---:|---:|")
    for name, m in result["mixes"].items():
        print(f"| {name} | {m['p50_ms']} | {m['p95_ms']} | {m['max_ms']} |")
    o = result["overall"]
    n = len(result["mixes"]) * args.runs
    print(f"| **all {n} requests** | **{o['p50_ms']}** | **{o['p95_ms']}** | |")
    print(f"\n{result['events']} events, {result['documents']} documents; peak RSS {result['peak_mib']} MiB")


if __name__ == "__main__":
    main()
