"""The forecast ledger read from a store: ``/api/forecasts``'s view and ``frontwatch forecasts``'s
reading, time, SQL statements and events read, on a synthetic store with warnings.

    python bench/bench_forecasts.py build --db /tmp/fw-fc/fc.db --docs 10500      # ~100k events
    PYTHONPATH=/tmp/old/src python bench/bench_forecasts.py run --db /tmp/fw-fc/fc.db --out before.json
    PYTHONPATH=src python bench/bench_forecasts.py run --db /tmp/fw-fc/fc.db --out after.json

``build`` writes ``store_synthetic.py``'s documents through ``Store.put``; one ``possible``
record in three (chosen by a hash of its id, so the other records are exactly the synthetic
ones) becomes a warning with a horizon of 3, 7, 14 or 30 days. Build it with the older code
when comparing: a store opened by newer code is upgraded and the older code refuses it.

``run`` times, in this process and after one unmeasured call, the CLI's reading (``ledger_inputs``
where this code has it, else every event and every document's date) followed by ``build_ledger``,
and ``analysis_views.forecasts`` (the API's view): where it pages, every page of 200 warnings
``--runs`` times (p50, p95) and two pages of 1,000, with whether the pages one after another judge
every warning as the CLI does; else the whole ledger in one view. Statements are counted at the
SQLite store's ``_fetch``; the ledger's digest (SHA-256 of its JSON) shows whether two runs agree.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import inspect
import json
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from frontwatch.analysis import inputs
from frontwatch.analysis.forecasts import build_ledger, forecast_to_json, latest_date
from frontwatch.records import Event, Forecast
from frontwatch.serve import analysis_views
from frontwatch.store import Store, open_store
from store_synthetic import Synth

HORIZONS = (3, 7, 14, 30)


def _warning(e: Event) -> Event:
    """One ``possible`` record in three becomes a warning with a horizon (by a hash of its id)."""
    h = int(hashlib.sha256(e.id.encode()).hexdigest()[:8], 16)
    if e.factuality != "possible" or h % 3:
        return e
    days = HORIZONS[h // 3 % len(HORIZONS)]
    return dataclasses.replace(e, horizon=f"within {days} days", horizon_days=days)


def build(db: str, docs: int) -> None:
    store = open_store(db)
    started = time.perf_counter()
    synth, n = Synth(7), 0
    try:
        for i in range(docs):
            doc, events = synth.document(i)
            events = [_warning(e) for e in events]
            store.put(doc, events)
            n += len(events)
    finally:
        store.close()
    print(f"{docs} documents, {n} events, {time.perf_counter() - started:.0f} s", file=sys.stderr)


def _cli_ledger(store: Store) -> tuple[list[Forecast], int]:
    """``frontwatch forecasts``'s reading and ledger: the events it reads, the ledger."""
    if hasattr(inputs, "ledger_inputs"):
        read = inputs.ledger_inputs(store)
        return build_ledger(read.events, read.published, as_of=read.today), len(read.events)
    events, published = inputs.all_events(store), inputs.published_dates(store)
    return build_ledger(events, published, as_of=latest_date(events, published)), len(events)


def _digest(rows: list[dict[str, Any]]) -> str:
    return hashlib.sha256(json.dumps(rows, sort_keys=True).encode()).hexdigest()[:16]


@contextmanager
def _counting(store: Store) -> Iterator[list[str]]:
    """The SQL statements the store runs inside the block, in order."""
    fetch = store._fetch  # type: ignore[attr-defined]
    statements: list[str] = []

    def counting(sql: str, params: Any = ()) -> Any:
        statements.append(sql)
        return fetch(sql, params)

    store._fetch = counting  # type: ignore[attr-defined]
    try:
        yield statements
    finally:
        store._fetch = fetch  # type: ignore[attr-defined]


def _timed(store: Store, call: Callable[[], Any], runs: int) -> tuple[dict[str, Any], Any]:
    with _counting(store) as statements:
        out = call()  # warm: the first touch pages the indexes in
        statements.clear()
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            out = call()
            times.append(time.perf_counter() - t0)
    return {"median_s": round(statistics.median(times), 3), "min_s": round(min(times), 3),
            "statements": len(statements) // runs}, out


def _percentiles(times: list[float]) -> dict[str, float]:
    q = statistics.quantiles(times, n=20, method="inclusive")
    return {"p50_s": round(statistics.median(times), 3), "p95_s": round(q[18], 3),
            "max_s": round(max(times), 3)}


def _paged(
    store: Store, limit: int, offsets: list[int], runs: int
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The API's page of ``limit`` warnings at each of ``offsets``, ``runs`` times each after one
    unmeasured call each: the call's p50 and p95, the statements and records a page reads."""
    pages = [analysis_views.forecasts(store, limit=limit, offset=o) for o in offsets]  # warm
    times = []
    with _counting(store) as statements:
        for _ in range(runs):
            for o in offsets:
                t0 = time.perf_counter()
                analysis_views.forecasts(store, limit=limit, offset=o)
                times.append(time.perf_counter() - t0)
    scanned = [p["scanned"] for p in pages]
    return {"limit": limit, "pages": len(offsets), "calls": len(times), **_percentiles(times),
            "statements": len(statements) // len(times), "total": pages[0]["total"],
            "scanned_median": statistics.median(scanned), "scanned_max": max(scanned)}, pages


JUDGED = ("id", "source", "sources", "issued", "due", "probability", "hedge", "outcome", "evidence", "notes")


def _pages_match(pages: list[dict[str, Any]], ledger: list[Forecast]) -> bool:
    """Whether the pages, one after another, judge every warning as the CLI's ledger does."""
    shown = [{k: f[k] for k in JUDGED} for p in pages for f in p["forecasts"]]
    cli = [forecast_to_json(f) for f in sorted(ledger, key=lambda f: (f.issued or "", f.id), reverse=True)]
    return shown == [{k: f[k] for k in JUDGED} for f in cli]


def run(db: str, runs: int) -> dict[str, Any]:
    store = open_store(db)
    try:
        stats = store.stats()
        cli, (ledger, read) = _timed(store, lambda: _cli_ledger(store), runs)
        outcomes = ("happened", "not_by_deadline", "open")
        cli.update(forecasts=len(ledger), events_read=read,
                   outcomes={o: sum(f.outcome == o for f in ledger) for o in outcomes},
                   digest=_digest([forecast_to_json(f) for f in ledger]))
        out: dict[str, Any] = {"cli_reading": cli}
        if "limit" in inspect.signature(analysis_views.forecasts).parameters:  # a paged API view
            every = list(range(0, len(ledger), 200))
            out["paged_view"], pages = _paged(store, 200, every, runs)
            out["paged_view"]["pages_match_cli"] = _pages_match(pages, ledger)
            out["paged_view_1000"] = _paged(store, 1000, [0, len(ledger) // 2], runs)[0]
        else:  # the whole ledger in one view
            view, got = _timed(store, lambda: analysis_views.forecasts(store), runs)
            view.update(forecasts=len(got["forecasts"]), scanned=got["scanned"],
                        digest=_digest(got["forecasts"]))
            out["api_view"] = view
    finally:
        store.close()
    return {"store": db, "events": stats.events, "documents": stats.documents, "runs": runs,
            "load": os.getloadavg(), **out,
            "peak_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("--db", required=True)
    b.add_argument("--docs", type=int, default=10_500)
    r = sub.add_parser("run")
    r.add_argument("--db", required=True)
    r.add_argument("--runs", type=int, default=3)
    r.add_argument("--out", default=str(Path(__file__).parent / "results" / "forecasts.json"))
    args = ap.parse_args()
    if args.cmd == "build":
        build(args.db, args.docs)
        return
    result = run(args.db, args.runs)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
