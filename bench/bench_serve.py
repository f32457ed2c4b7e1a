"""HTTP response times of the API on a real uvicorn server over a real store.

    python bench/bench_serve.py                      # the demo store (built once if missing)
    python bench/bench_serve.py --db /tmp/fw-bench/bench.db --runs 50

Each request is made ``--runs`` times (after two warm-up calls), one at a time, over one keep-alive connection
from the same machine; the table gives the median and 95th percentile wall time per
request, and the response size. The app's view cache is off unless ``--cache-seconds``
is given, so facets, timeline and the analysis views are computed on every call. The
server runs in this process (a thread), so the figures include the HTTP stack, JSON
encoding and the store query, not the network.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import sys
import threading
import time
from pathlib import Path

import httpx
import uvicorn

from frontwatch.serve.app import create_app

RESULTS = Path(__file__).parent / "results"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def requests_for(client: httpx.Client) -> list[tuple[str, str]]:
    """The requests the dashboard makes, plus exports; ids picked from the store."""
    events = client.get("/api/events", params={"limit": 1}).json()["events"]
    facets = client.get("/api/facets").json()
    country = facets["countries"][0]["code"] if facets["countries"] else "UKR"
    etype = facets["event_types"][0]["code"] if facets["event_types"] else "ASSAULT"
    doc = events[0]["doc_id"] if events else None
    reqs = [
        ("events (page of 100)", "/api/events"),
        ("events country", f"/api/events?country={country}"),
        ("events type+factuality", f"/api/events?event={etype}&factuality=claimed"),
        ("events dates", "/api/events?date_from=2022-01-01&date_to=2024-12-31"),
        ("events bbox", "/api/events?bbox=30,30,60,55"),
        ("events text", "/api/events?q=drone"),
        ("events geojson 5000", "/api/events?format=geojson&limit=5000"),
        ("events csv 1000", "/api/events?format=csv&limit=1000"),
        ("events jsonl 1000", "/api/events?format=jsonl&limit=1000"),
        ("timeline", "/api/timeline"),
        ("timeline country", f"/api/timeline?country={country}"),
        ("facets", "/api/facets"),
        ("incidents", "/api/incidents"),
        ("forecasts", "/api/forecasts"),
        ("alliances", "/api/alliances"),
        ("stats", "/api/stats"),
    ]
    if doc:
        reqs.append(("document view", f"/api/documents/{doc}"))
    return reqs


def measure(client: httpx.Client, path: str, runs: int) -> dict[str, float]:
    times = []
    size = 0
    for _ in range(runs):
        t = time.perf_counter()
        resp = client.get(path)
        times.append((time.perf_counter() - t) * 1000)
        resp.raise_for_status()
        size = len(resp.content)
    times.sort()
    return {
        "median_ms": round(statistics.median(times), 2),
        "p95_ms": round(times[max(0, int(len(times) * 0.95) - 1)], 2),
        "bytes": size,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", help="store to serve (default: build or reuse the demo store)")
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--out", help="write the results as JSON here")
    ap.add_argument(
        "--cache-seconds",
        type=float,
        default=0.0,
        help="the app's view cache (default 0: every request computes its answer)",
    )
    args = ap.parse_args()
    target = args.db
    if target is None:
        from frontwatch.serve.demo import build_demo_store, default_demo_target

        target = default_demo_target()
        build_demo_store(target, progress=lambda m: print(m, file=sys.stderr))
    port = free_port()
    app = create_app(target, cache_seconds=args.cache_seconds)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    results = {}
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
        stats = client.get("/api/stats").json()
        for name, path in requests_for(client):
            measure(client, path, 2)  # warm the caches
            results[name] = {"path": path, **measure(client, path, args.runs)}
    server.should_exit = True
    thread.join(timeout=10)
    print(f"store {target}: {stats['documents']} documents, {stats['events']} events; {args.runs} runs each")
    print(f"{'request':<26} {'median ms':>10} {'p95 ms':>9} {'bytes':>10}")
    for name, r in results.items():
        print(f"{name:<26} {r['median_ms']:>10.2f} {r['p95_ms']:>9.2f} {r['bytes']:>10}")
    if args.out:
        Path(args.out).write_text(json.dumps({"store": target, "stats": stats, "results": results}, indent=2))


if __name__ == "__main__":
    main()
