"""Coding throughput of the engines: one process, two processes, Dask with two workers,
next to bare GiNZA on the same text; coded ingest into SQLite and PostgreSQL.

    python bench/bench_scale.py corpus --out /tmp/fw-scale/corpus.jsonl --repeat 12
    python bench/bench_scale.py run --corpus /tmp/fw-scale/corpus.jsonl   # table, bench/results/scale.json
    python bench/bench_scale.py run --corpus ... --modes bare,local,dask2 --pg  # --pg: PostgreSQL too

The corpus is the demo corpus (``frontwatch.demo.corpus_paths()``) and the Japanese gold
articles (``tests/gold/ja/*.txt``), parsed once and written as JSON Lines, repeated
``--repeat`` times; each copy gets its own doc_id and a trailing line with its copy number,
so every document has its own content hash (an ingest stores every copy).

Every mode runs in its own process (peak memory is per mode) with OMP_NUM_THREADS=1 and
the same work units (``engine.plan_units`` for two workers, as ``code --engine dask`` cuts
them). Model loading is not timed: each process or worker builds its coder (or GiNZA) and
codes the corpus's first few documents (what the coder loads lazily: gazetteer index,
caches), then the clock runs. Each coding mode also reports the CPU seconds of each of its
processes while the clock ran.

1. ``bare``: ``ja_ginza`` loaded as ``nlp.japanese.load_model`` loads it, ``nlp.pipe`` over the
   Japanese coded sections (the text the coder hands to GiNZA; English sections go to the
   rule-based English pipeline), sentences read. Its characters are those Japanese sections';
   for coder and GiNZA on exactly the same text, run both on a Japanese-only corpus
   (``corpus --lang ja``).
2. ``local``: ``engine.code_unit`` over every unit in one process (read, clean, code).
3. ``pool2``: the same units on a ``multiprocessing`` pool of two spawned processes.
4. ``dask2``: the same units on a ``LocalCluster`` of two single-threaded worker processes.
5. ``ingest_sqlite`` / ``ingest_pg``: ``code_unit`` with a store: one process into a new SQLite
   file; two Dask workers into a new PostgreSQL database (throwaway server, ``--pg``).

Characters are those of the coded sections (title and body), the same count for every mode.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results"
WARM_BYTES = 40_000  # one copy of the base documents (the corpus repeats them): every cache warm
MODES = ("bare", "local", "pool2", "dask2", "ingest_sqlite")


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ------------------------------------------------------------------ corpus


def make_corpus(out: Path, repeat: int, lang: str | None = None) -> dict[str, Any]:
    from frontwatch.demo import corpus_paths
    from frontwatch.ingest import load_documents
    from frontwatch.records import Document

    inputs = [str(p) for p in corpus_paths()] + sorted(str(p) for p in (REPO / "tests/gold/ja").glob("*.txt"))
    docs = [d for d in load_documents(inputs) if isinstance(d, Document) and lang in (None, d.language)]
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for n in range(repeat):
            for d in docs:
                row = {
                    "doc_id": f"{d.doc_id}~{n}",
                    "text": f"{d.text}\n\n[{n}]",
                    "language": d.language,
                    "url": d.url,
                    "published": d.published.isoformat() if d.published else None,
                }
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    langs: dict[str, int] = {}
    for d in docs:
        langs[str(d.language)] = langs.get(str(d.language), 0) + 1
    return {
        "base_documents": len(docs),
        "repeat": repeat,
        "documents": len(docs) * repeat,
        "bytes": out.stat().st_size,
        "languages": langs,
    }


def _units(corpus: str) -> list[Any]:
    from frontwatch.engine import plan_units

    return plan_units([corpus], workers=2)  # the units ``code --engine dask --workers 2`` cuts


def _coded_chars(corpus: str, langs: tuple[str, ...] = ("ja", "en")) -> tuple[int, int, list[str]]:
    """(documents, characters of coded sections in ``langs``, those texts)."""
    from frontwatch.clean import parse
    from frontwatch.ingest.jsonl import iter_jsonl
    from frontwatch.nlp.japanese import coded_sections
    from frontwatch.records import RawDocument

    texts: list[str] = []
    n = 0
    for item in iter_jsonl(Path(corpus).read_text(encoding="utf-8"), corpus, "utf-8"):
        if isinstance(item, RawDocument):
            doc = parse(item)
            n += 1
            for lang in langs:
                texts.extend(s.text for s in coded_sections(doc, lang))
    return n, sum(len(t) for t in texts), texts


def _digest(results: list[Any]) -> str:
    events = [e for r in results for e in r.events]
    return hashlib.sha256(json.dumps(events, sort_keys=True, default=str).encode()).hexdigest()[:16]


# ------------------------------------------------------------------ modes


def _warm_unit(corpus: str) -> Any:
    """The corpus's first few documents: coding them loads what the coder loads lazily
    (the gazetteer index, lexicon caches), so that no process pays for it on the clock."""
    from frontwatch.engine import plan_units

    return plan_units([corpus], target_bytes=WARM_BYTES)[0]


def _warm_code(unit: Any) -> int:
    from frontwatch import engine

    engine.code_unit(unit)
    return os.getpid()


def _warm(unit: Any) -> int:
    _warm_code(unit)
    time.sleep(0.5)  # hold this worker so that the other one takes the next warm-up task
    return os.getpid()


def _worker_peak(_: int = 0) -> float:
    return _peak_mib()


def _cpu_s() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _cpu_sample(_: int) -> tuple[int, float]:
    time.sleep(0.5)  # hold this worker so that the other one answers the next sample
    return os.getpid(), _cpu_s()


def _cpu_by_pid(samples: list[tuple[int, float]]) -> dict[int, float]:
    return dict(samples)  # the later sample of a pid wins; both are taken while it is idle


def mode_bare(corpus: str) -> dict[str, Any]:
    from frontwatch.nlp.japanese import load_model

    _, ja_chars, texts = _coded_chars(corpus, ("ja",))  # what the coder hands to GiNZA
    nlp = load_model()
    list(nlp.pipe(texts[:100]))
    cpu0, t0 = _cpu_s(), time.perf_counter()
    sentences = sum(len(list(d.sents)) for d in nlp.pipe(texts, batch_size=64))
    seconds = time.perf_counter() - t0
    return {"cpu_s": [round(_cpu_s() - cpu0, 1)], "seconds": seconds, "sentences": sentences,
            "chars": ja_chars, "peak_mib": _peak_mib()}


def mode_local(corpus: str) -> dict[str, Any]:
    from frontwatch import engine

    units = _units(corpus)
    _warm_code(_warm_unit(corpus))
    cpu0, t0 = _cpu_s(), time.perf_counter()
    results = [engine.code_unit(u) for u in units]
    seconds = time.perf_counter() - t0
    return {
        "cpu_s": [round(_cpu_s() - cpu0, 1)],
        "seconds": seconds,
        "units": len(units),
        "events": sum(len(r.events) for r in results),
        "digest": _digest(results),
        "peak_mib": _peak_mib(),
    }


def mode_pool2(corpus: str) -> dict[str, Any]:
    import multiprocessing

    from frontwatch import engine

    units = _units(corpus)
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        pids = set(pool.map(_warm, [_warm_unit(corpus)] * 4, chunksize=1))
        before = _cpu_by_pid(pool.map(_cpu_sample, range(4), chunksize=1))
        t0 = time.perf_counter()
        results = pool.map(engine.code_unit, units, chunksize=1)
        seconds = time.perf_counter() - t0
        after = _cpu_by_pid(pool.map(_cpu_sample, range(4), chunksize=1))
        peaks = pool.map(_worker_peak, range(4), chunksize=1)
    return {
        "cpu_s": sorted(round(after[p] - before.get(p, 0.0), 1) for p in after),
        "seconds": seconds,
        "units": len(units),
        "events": sum(len(r.events) for r in results),
        "digest": _digest(results),
        "workers_warmed": len(pids),
        "peak_mib": _peak_mib(),
        "worker_peak_mib": max(peaks),
    }


def _cluster(workers: int, warm: Any = None) -> tuple[Any, Any]:
    from distributed import Client

    from frontwatch import engine

    cluster = engine.local_cluster(workers)  # the cluster ``code --engine dask`` starts
    client = Client(cluster)

    client.run(engine._coder)  # every worker builds its coder before the clock starts
    if warm is not None:
        client.run(_warm_code, warm)
    return cluster, client


def mode_dask2(corpus: str, store_target: str | None = None) -> dict[str, Any]:
    from frontwatch import engine

    units = _units(corpus)
    cluster, client = _cluster(2, _warm_unit(corpus))
    try:
        before = client.run(_cpu_s)
        t0 = time.perf_counter()
        order = engine.largest_first(units)  # as ``engine.code_dask`` submits them
        futures = client.map(engine.code_unit, [units[i] for i in order],
                             store_target=store_target, pure=False)
        by_unit = dict(zip(order, client.gather(futures), strict=True))
        results = [by_unit[i] for i in range(len(units))]
        seconds = time.perf_counter() - t0
        after = client.run(_cpu_s)
        peaks = client.run(_worker_peak)
    finally:
        client.close()
        cluster.close()
    return {
        "cpu_s": sorted(round(after[w] - before[w], 1) for w in after),
        "seconds": seconds,
        "units": len(units),
        "events": sum(len(r.events) for r in results),
        "stored": sum(r.stored for r in results),
        "digest": _digest(results),
        "peak_mib": _peak_mib(),
        "worker_peak_mib": max(peaks.values()),
    }


def mode_ingest_sqlite(corpus: str) -> dict[str, Any]:
    from frontwatch import engine
    from frontwatch.store import open_store

    units = _units(corpus)
    _warm_code(_warm_unit(corpus))
    with tempfile.TemporaryDirectory() as tmp:
        target = str(Path(tmp) / "ingest.db")
        cpu0, t0 = _cpu_s(), time.perf_counter()
        results = [engine.code_unit(u, target) for u in units]
        seconds = time.perf_counter() - t0
        cpu1 = _cpu_s()
        store = open_store(target)
        stats = store.stats()
        store.close()
    return {
        "cpu_s": [round(cpu1 - cpu0, 1)],
        "seconds": seconds,
        "stored": sum(r.stored for r in results),
        "events": stats.events,
        "peak_mib": _peak_mib(),
    }


def mode_ingest_pg(corpus: str) -> dict[str, Any]:
    from frontwatch.store import open_store
    from frontwatch.store.pgserver import TempPostgres

    server = TempPostgres()
    server.start()
    try:
        result = mode_dask2(corpus, store_target=server.url())
        store = open_store(server.url())
        result["events"] = store.stats().events
        store.close()
    finally:
        server.stop()
    result.pop("digest")
    return result


RUNNERS = {
    "bare": mode_bare,
    "local": mode_local,
    "pool2": mode_pool2,
    "dask2": mode_dask2,
    "ingest_sqlite": mode_ingest_sqlite,
    "ingest_pg": mode_ingest_pg,
}


# ------------------------------------------------------------------ driver


def run(corpus: str, modes: list[str]) -> list[dict[str, Any]]:
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    docs, chars, _ = _coded_chars(corpus)
    rows = []
    for mode in modes:
        started = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, __file__, "mode", mode, "--corpus", corpus],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode != 0:
            print(proc.stderr[-3000:], file=sys.stderr)
            rows.append({"mode": mode, "error": proc.stderr.strip().splitlines()[-1]})
            continue
        row = {"mode": mode, **json.loads(proc.stdout.strip().splitlines()[-1])}
        chars_here = row.get("chars", chars)
        row.update(
            documents=docs,
            chars=chars_here,
            wall_with_startup_s=round(time.perf_counter() - started, 1),
            load=os.getloadavg(),  # the machine may be shared: 1, 5, 15 minute load averages
            chars_per_s=round(chars_here / row["seconds"]),
            docs_per_s=round(docs / row["seconds"], 2),
        )
        rows.append(row)
        print(json.dumps(row), file=sys.stderr)
    return rows


def table(rows: list[dict[str, Any]]) -> str:
    base = next((r for r in rows if r["mode"] == "local" and "seconds" in r), None)
    lines = [
        "| mode | docs | chars | seconds | chars/s | docs/s | vs local | CPU s per process | CPU speed-up"
        " | CPU vs local | busiest / mean | events | peak MiB (parent / worker) |",
        "|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        if "error" in r:
            lines.append(f"| {r['mode']} | failed: {r['error']} |||||||||||")
            continue
        speed = f"{r['chars_per_s'] / base['chars_per_s']:.2f}x" if base else ""
        peak = f"{r['peak_mib']:.0f}" + (f" / {r['worker_peak_mib']:.0f}" if "worker_peak_mib" in r else "")
        cpu = r.get("cpu_s") or []
        # what the run would take on idle cores: the busiest process's CPU time
        bound = f"{sum(base['cpu_s']) / max(cpu):.2f}x" if cpu and base and base.get("cpu_s") else ""
        # the two causes of a speed-up short of the process count: CPU spent beyond one process's
        # (overhead, or processes slowing each other), and the busiest process working longer than the mean
        total = f"{sum(cpu) / sum(base['cpu_s']):.2f}" if cpu and base and base.get("cpu_s") else ""
        balance = f"{max(cpu) / (sum(cpu) / len(cpu)):.3f}" if cpu and sum(cpu) else ""
        lines.append(
            f"| {r['mode']} | {r['documents']} | {r['chars']} | {r['seconds']:.1f} |"
            f" {r['chars_per_s']} | {r['docs_per_s']} | {speed} | {' + '.join(map(str, cpu))} | {bound} |"
            f" {total} | {balance} | {r.get('events', '')} | {peak} |"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("corpus")
    c.add_argument("--out", required=True)
    c.add_argument("--repeat", type=int, default=12)
    c.add_argument("--lang", help="keep only the base documents in this language")
    r = sub.add_parser("run")
    r.add_argument("--corpus", required=True)
    r.add_argument("--modes", default=",".join(MODES))
    r.add_argument("--pg", action="store_true", help="also ingest into a throwaway PostgreSQL, two workers")
    r.add_argument("--out", default=str(RESULTS / "scale.json"))
    m = sub.add_parser("mode")
    m.add_argument("name", choices=sorted(RUNNERS))
    m.add_argument("--corpus", required=True)
    args = ap.parse_args(argv)
    if args.cmd == "corpus":
        print(json.dumps(make_corpus(Path(args.out), args.repeat, args.lang)))
    elif args.cmd == "mode":
        print(json.dumps(RUNNERS[args.name](args.corpus)))
    else:
        modes = args.modes.split(",") + (["ingest_pg"] if args.pg else [])
        rows = run(args.corpus, modes)
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
        digests = {r["mode"]: r["digest"] for r in rows if r.get("digest")}
        print(table(rows))
        same = "identical" if len(set(digests.values())) <= 1 else "DIFFERENT"
        print(f"\nrecord digests: {digests} -> {same}")


if __name__ == "__main__":
    main(sys.argv[1:])
