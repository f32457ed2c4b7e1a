"""Store benchmarks: ingest throughput and event-query latency at a million events.

    python bench/bench_store.py build  --db /tmp/fw-bench/bench.db --docs 100000
    python bench/bench_store.py query  --db /tmp/fw-bench/bench.db --runs 100
    python bench/bench_store.py ingest --backend postgres --docs 10000
    python bench/bench_store.py all    --docs 100000 --pg-docs 10000   # the above, table to bench/results/

Documents and events come from ``store_synthetic.py`` (distributions described there)
and are written through ``Store.put``, one transaction per document, as ingest does.
Each query mix runs ``events(q)`` (limit 100) and ``count_events(q)`` -- the two calls
``/api/events`` makes -- with parameters drawn at random per run. Peak memory is the
process's maximum resident set size (each phase runs in its own process under ``all``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from frontwatch.store import EventQuery, Store, open_store
from store_synthetic import BACKGROUND, COUNTRY_BOX, EVENT_TYPES, Synth

RESULTS = Path(__file__).parent / "results"
TYPES = [t for t, _ in EVENT_TYPES]
WAR_CODES = ["RUS", "UKR", "AZE", "ARM", "ISR", "PSE"]


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def ingest(store: Store, docs: int, seed: int, report_every: int = 10_000) -> dict[str, float]:
    synth = Synth(seed)
    n_events = 0
    gen_s = 0.0
    started = time.perf_counter()
    for i in range(docs):
        t0 = time.perf_counter()
        doc, events = synth.document(i)
        gen_s += time.perf_counter() - t0
        store.put(doc, events)
        n_events += len(events)
        if report_every and (i + 1) % report_every == 0:
            el = time.perf_counter() - started - gen_s
            print(f"  {i + 1} docs, {n_events} events, {(i + 1) / el:.0f} docs/s", file=sys.stderr)
    put_s = time.perf_counter() - started - gen_s
    return {
        "docs": docs,
        "events": n_events,
        "put_seconds": round(put_s, 1),
        "docs_per_s": round(docs / put_s, 1),
        "events_per_s": round(n_events / put_s, 1),
        "peak_mib": round(peak_mib(), 1),
    }


def _day(r: random.Random) -> dt.date:
    return dt.date(2019, 1, 1) + dt.timedelta(days=r.randrange(6 * 365))


def _bbox(r: random.Random) -> tuple[float, float, float, float]:
    box = COUNTRY_BOX[r.choice(WAR_CODES)]
    lon, lat = r.uniform(box[0], box[2]), r.uniform(box[1], box[3])
    return (lon - 1.0, lat - 1.0, lon + 1.0, lat + 1.0)


MIXES: dict[str, Callable[[random.Random], EventQuery]] = {
    "no filter (first page)": lambda r: EventQuery(),
    "event type": lambda r: EventQuery(event=(r.choice(TYPES),)),
    "party: war code": lambda r: EventQuery(party=(r.choice(WAR_CODES),)),
    "party: any code": lambda r: EventQuery(party=(r.choice(BACKGROUND),)),
    "actor + event type": lambda r: EventQuery(actor=(r.choice(WAR_CODES),), event=(r.choice(TYPES),)),
    "recipient, 2 codes": lambda r: EventQuery(recipient=tuple(r.sample(BACKGROUND, 2))),
    "place country": lambda r: EventQuery(place_country=(r.choice(list(COUNTRY_BOX)),)),
    "date range 30 days": lambda r: (lambda d: EventQuery(date_from=d, date_to=d + dt.timedelta(days=30)))(
        _day(r)
    ),
    "bbox 2x2 degrees": lambda r: EventQuery(bbox=_bbox(r)),
    "factuality + claimed_by": lambda r: EventQuery(
        factuality=("claimed",), claimed_by=(r.choice(WAR_CODES),)
    ),
    "text, Japanese >=3 chars": lambda r: EventQuery(
        text=r.choice(["ゴリス", "ハルキウ", "停戦合意", "捕虜交換"])
    ),
    "text, English": lambda r: EventQuery(text=r.choice(["ceasefire", "drone strike", "Shelling near"])),
    "text, 2 chars": lambda r: EventQuery(text=r.choice(["砲撃", "停電", "会談"])),
    "doc_id": lambda r: EventQuery(doc_id=f"s{r.randrange(100_000):07d}"),
    "party + dates + factuality": lambda r: (
        lambda d: EventQuery(
            party=(r.choice(WAR_CODES),),
            date_from=d,
            date_to=d + dt.timedelta(days=90),
            factuality=("asserted", "claimed"),
        )
    )(_day(r)),
    "rare type + war party": lambda r: EventQuery(event=(r.choice(["CONCEDE", "RETREAT"]),), party=("UKR",)),
    "deep page (offset 5000)": lambda r: EventQuery(event=(r.choice(TYPES),), offset=5000),
}


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    k = max(0, min(len(xs) - 1, round(p / 100 * (len(xs) - 1))))
    return round(xs[k] * 1000, 1)


def run_queries(store: Store, runs: int, seed: int, only: str | None = None) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for name, make in MIXES.items():
        if only and only not in name:
            continue
        r = random.Random(f"{seed}:{name}")
        ev, cnt, both = [], [], []
        hits = []
        for _ in range(runs):
            q = make(r)
            t0 = time.perf_counter()
            rows = store.events(q)
            t1 = time.perf_counter()
            total = store.count_events(q)
            t2 = time.perf_counter()
            ev.append(t1 - t0)
            cnt.append(t2 - t1)
            both.append(t2 - t0)
            hits.append(total)
            assert len(rows) <= q.limit
        row = {
            "mix": name,
            "events_p50_ms": _pct(ev, 50), "events_p95_ms": _pct(ev, 95),
            "count_p50_ms": _pct(cnt, 50), "count_p95_ms": _pct(cnt, 95),
            "api_p50_ms": _pct(both, 50), "api_p95_ms": _pct(both, 95),
            "median_matches": int(statistics.median(hits)),
        }  # fmt: skip
        print(json.dumps(row, ensure_ascii=False), file=sys.stderr)
        out.append(row)
    return out


def cmd_build(args: argparse.Namespace) -> dict[str, object]:
    Path(args.db).parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(args.db + suffix).unlink(missing_ok=True)
    store = open_store(args.db)
    result = ingest(store, args.docs, args.seed)
    t0 = time.perf_counter()
    store.optimize()  # type: ignore[attr-defined]
    result["analyze_s"] = round(time.perf_counter() - t0, 1)
    store.close()
    result["db_mib"] = round(
        sum(p.stat().st_size for p in Path(args.db).parent.glob(Path(args.db).name + "*")) / 2**20
    )
    return {"phase": "build", "backend": "sqlite", **result}


def cmd_query(args: argparse.Namespace) -> dict[str, object]:
    store = open_store(args.db)
    n = store.count_events(EventQuery())
    store.events(EventQuery())  # open the reader connection
    load_before = os.getloadavg()[0]
    rows = run_queries(store, args.runs, args.seed, args.only)
    store.close()
    return {
        "phase": "query", "target": args.db, "events": n, "peak_mib": round(peak_mib(), 1), "mixes": rows,
        "cpus": os.cpu_count(), "load_before": round(load_before, 2),
        "load_after": round(os.getloadavg()[0], 2),
    }  # fmt: skip


def cmd_ingest(args: argparse.Namespace) -> dict[str, object]:
    if args.backend == "postgres":
        from frontwatch.store.pgserver import TempPostgres

        with TempPostgres("bench") as url:
            store = open_store(url)
            result = ingest(store, args.docs, args.seed, report_every=2000)
            rows = []
            if args.runs:
                store.optimize()  # type: ignore[attr-defined]
                rows = run_queries(store, args.runs, args.seed, args.only)
            store.close()
        return {"phase": "ingest", "backend": "postgres", **result, "mixes": rows}
    path = Path(args.db or "/tmp/fw-bench/ingest.db")
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    store = open_store(str(path))
    result = ingest(store, args.docs, args.seed, report_every=2000)
    store.close()
    return {"phase": "ingest", "backend": "sqlite", **result}


def _sub(argv: list[str]) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, __file__, *argv, "--json"], check=True, stdout=subprocess.PIPE, text=True
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def cmd_all(args: argparse.Namespace) -> dict[str, object]:
    """Every phase in its own process (so each peak is its own), then the table."""
    db = args.db or "/tmp/fw-bench/bench.db"
    runs = str(args.runs)
    phases = {
        "build": ["build", "--db", db, "--docs", str(args.docs)],
        "query": ["query", "--db", db, "--runs", runs],
        "sqlite_ingest": ["ingest", "--backend", "sqlite", "--docs", str(args.pg_docs)],
        "pg_ingest": ["ingest", "--backend", "postgres", "--docs", str(args.pg_docs), "--runs", "20"],
    }
    RESULTS.mkdir(exist_ok=True)
    for name, argv in phases.items():
        if name in (args.skip or "").split(","):
            continue
        result = _sub(argv)
        (RESULTS / f"store_{name}.json").write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
    report = {name: json.loads((RESULTS / f"store_{name}.json").read_text()) for name in phases}
    (RESULTS / "store.md").write_text(markdown(report))
    print(markdown(report))
    return report


def markdown(report: dict[str, dict[str, object]]) -> str:
    b, q, si, pi = report["build"], report["query"], report["sqlite_ingest"], report["pg_ingest"]
    mixes: list[dict[str, object]] = q["mixes"]  # type: ignore[assignment]
    lines = [
        f"# Store benchmark ({dt.date.today().isoformat()})",
        "",
        f"SQLite store of {b['events']:,} events in {b['docs']:,} documents ({b['db_mib']} MiB on disk),"
        f" built through `Store.put`: {b['docs_per_s']} docs/s, {b['events_per_s']} events/s,"
        f" peak {b['peak_mib']} MiB. Query process peak: {q['peak_mib']} MiB. Machine: {q.get('cpus')} CPUs"
        f" shared with other work (1-minute load {q.get('load_before')} before the queries,"
        f" {q.get('load_after')} after). {q['events']:,} events queried; times in ms,"
        " 100 random draws per mix.",
        "",
        "| filter mix | median matches | events() p50 / p95 ms | count p50 / p95 ms | both p50 / p95 ms |",
        "|---|---:|---:|---:|---:|",
    ]
    for m in mixes:
        lines.append(
            f"| {m['mix']} | {m['median_matches']:,} | {m['events_p50_ms']} / {m['events_p95_ms']} |"
            f" {m['count_p50_ms']} / {m['count_p95_ms']} | {m['api_p50_ms']} / {m['api_p95_ms']} |"
        )
    lines += [
        "",
        "| ingest | docs | events | docs/s | events/s | peak MiB |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, r in (("SQLite (fresh file)", si), ("PostgreSQL (local server)", pi)):
        lines.append(
            f"| {name} | {r['docs']:,} | {r['events']:,} | {r['docs_per_s']} | {r['events_per_s']} |"
            f" {r['peak_mib']} |"
        )
    pg_mixes: list[dict[str, object]] = pi.get("mixes") or []  # type: ignore[assignment]
    if pg_mixes:
        lines += [
            "",
            f"PostgreSQL, same mixes on the {pi['events']:,} events just ingested (20 draws each):",
            "",
            "| filter mix | median matches | events() p50 / p95 ms | count p50 / p95 ms |",
            "|---|---:|---:|---:|",
        ]
        for m in pg_mixes:
            lines.append(
                f"| {m['mix']} | {m['median_matches']:,} | {m['events_p50_ms']} / {m['events_p95_ms']} |"
                f" {m['count_p50_ms']} / {m['count_p95_ms']} |"
            )
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("phase", choices=["build", "query", "ingest", "all", "report"])
    ap.add_argument("--db", default=None)
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--pg-docs", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=100)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument("--only", default=None, help="run only the query mixes whose name contains this")
    ap.add_argument("--skip", default=None, help="all: phases to reuse from bench/results (build,query,...)")
    ap.add_argument("--json", action="store_true", help="print the result as one JSON line")
    args = ap.parse_args()
    if args.phase in ("build", "query") and not args.db:
        args.db = "/tmp/fw-bench/bench.db"
    if args.phase == "report":
        args.skip = "build,query,sqlite_ingest,pg_ingest"
    phases = {"build": cmd_build, "query": cmd_query, "ingest": cmd_ingest, "all": cmd_all, "report": cmd_all}
    result = phases[args.phase](args)
    if args.json or args.phase not in ("all", "report"):
        print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
