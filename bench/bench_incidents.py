"""``build_incidents`` over 10k, 100k and 1M synthetic events: seconds, and the fitted exponent.

    python bench/bench_incidents.py --sizes 10000,100000,1000000 [--old SRC] [--old-max 100000]

Events come from ``bench/store_synthetic.py`` (its distributions are stated there: three
wars take most coverage, so the density of same-party events per day grows with the
archive). Each size runs in its own process (``--one N``), so peak memory is per size;
``--old SRC`` also times the code under SRC (for instance ``git archive 798c1ea src``
unpacked) up to ``--old-max`` events and checks that both give the same incidents where
no link bucket is full. The exponent is the least-squares slope of log(seconds) on
log(events), on wall and on CPU seconds; beside it, the exponent of a linear control (each
record placed once, ``_control``) on the same heap. Every row records ``uptime``'s load: the machine
is shared, and CPU seconds are the steadier figure.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results"


def _load() -> str:
    out = subprocess.run(["uptime"], capture_output=True, text=True).stdout
    return out.strip().split("load average:")[-1].strip()


def one(n_events: int) -> dict[str, Any]:
    """Build the incidents of about ``n_events`` synthetic events in this process."""
    sys.path.insert(0, str(REPO / "bench"))
    from frontwatch.analysis.incidents import build_incidents
    from store_synthetic import Synth

    synth = Synth(seed=11)
    events: list[Any] = []
    published: dict[str, Any] = {}
    i = 0
    while len(events) < n_events:
        doc, evs = synth.document(i)
        published[doc.doc_id] = doc.published
        events.extend(evs)
        i += 1
    del events[n_events:]
    control = _control(events, published)
    started, cpu = time.perf_counter(), time.process_time()
    incidents = build_incidents(events, published)
    seconds, cpu_s = time.perf_counter() - started, time.process_time() - cpu
    digest = __import__("hashlib").sha1("\n".join(
        f"{inc.id}:{len(inc.events)}" for inc in incidents).encode()).hexdigest()[:12]
    return {"events": n_events, "seconds": round(seconds, 2), "cpu_s": round(cpu_s, 2),
            "control_cpu_s": round(control, 3),
            "incidents": len(incidents), "digest": digest,
            "peak_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "load": _load()}


def _control(events: list[Any], published: dict[str, Any]) -> float:
    """CPU seconds of work that is linear by construction over the same records: each candidate
    placed once (``incidents._placed``: dates and points), nothing compared. Its exponent is what
    this machine shows for linear work on a heap of this size (cache and TLB misses)."""
    from frontwatch.analysis import incidents as inc

    cpu = time.process_time()
    pub = inc.normalise_published(published)
    placed = [inc._placed(ev, inc._interval(ev, pub)) for ev in events if inc._is_candidate(ev)]
    cpu = time.process_time() - cpu
    del placed
    return cpu


def _run(n: int, src: str, timeout: float) -> dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=src)
    try:
        out = subprocess.run([sys.executable, __file__, "--one", str(n)], env=env, capture_output=True,
                             text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return {"events": n, "seconds": None, "note": f"over the {timeout:.0f} s limit", "load": _load()}
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def exponent(rows: list[dict[str, Any]], key: str = "seconds") -> float | None:
    pts = [(math.log(r["events"]), math.log(r[key])) for r in rows if r.get(key)]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    return sum((x - mx) * (y - my) for x, y in pts) / sum((x - mx) ** 2 for x, _ in pts)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--one", type=int)
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--old", help="a src folder of the old code to time beside this one")
    ap.add_argument("--old-max", type=int, default=100_000)
    ap.add_argument("--timeout", type=float, default=1800)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(args.one)))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    new = [_run(n, str(REPO / "src"), args.timeout) for n in sizes]
    old = [_run(n, args.old, args.timeout) for n in sizes if args.old and n <= args.old_max]
    result = {"new": new, "new_exponent": exponent(new), "new_exponent_cpu": exponent(new, "cpu_s"),
              "control_exponent_cpu": exponent(new, "control_cpu_s"),
              "old": old, "old_exponent": exponent(old), "old_exponent_cpu": exponent(old, "cpu_s")}
    for label in ("new", "old"):
        for r in result[label]:
            print(f"{label:4} {r['events']:>9,} events  {r.get('seconds')} s  cpu {r.get('cpu_s')} s  "
                  f"{r.get('incidents')} incidents  digest {r.get('digest')}  peak {r.get('peak_mib')} MiB  "
                  f"load {r['load']}")
        print(f"{label} exponent: wall {result[f'{label}_exponent']}, cpu {result[f'{label}_exponent_cpu']}")
    print(f"linear control (placing each record once) exponent, cpu: {result['control_exponent_cpu']}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "incidents.json").write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
