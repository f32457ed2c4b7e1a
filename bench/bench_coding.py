"""Throughput of ``frontwatch code``'s coder against bare GiNZA, and peak memory.

usage: python bench/bench_coding.py [--repeat N] [--processes 1,2] [--kernels blis,numpy] [--json] [PATH ...]

``--kernels`` runs every mode once per matrix kernel (``FRONTWATCH_MATMUL``, see
``frontwatch.nlp.kernel``): ``blis`` is thinc's default (the code before the kernel choice),
``numpy`` numpy's BLAS; without it both modes run on the kernel this machine picks, probed
once. Each row gives wall seconds, the CPU seconds of the measured part
(this process and its children) and characters per CPU-second, with the load averages.

Both sides parse the same texts: the title and body sections of the documents (the
seeds in ../shared/seeds, tests/gold/ja and tests/coding/articles by default), repeated
``--repeat`` times. "bare" is ``nlp.pipe`` of ``ja_ginza`` with the same components the
coder loads (``nlp.japanese.EXCLUDED`` left out); "coder" is ``build_coder().code_many``
(parse, code, resolve places, dedup). Each measurement runs in its own process after a
warm-up, so model loading is not timed and peak RSS is per mode.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_INPUTS = [
    REPO.parent / "shared" / "seeds",
    REPO / "tests" / "gold" / "ja",
    REPO / "tests" / "coding" / "articles",
]


def _documents(paths: list[str], repeat: int) -> list:  # type: ignore[type-arg]
    from frontwatch.ingest import load_documents
    from frontwatch.records import Document

    docs = [d for d in load_documents(paths) if isinstance(d, Document)]
    return [replace(d, doc_id=f"{d.doc_id}~{n}") for n in range(repeat) for d in docs]


def _texts(docs: list) -> list[str]:  # type: ignore[type-arg]
    from frontwatch.nlp.japanese import coded_sections

    return [s.text for d in docs for s in coded_sections(d)]


def worker(mode: str, processes: int, paths: list[str], repeat: int) -> dict[str, float]:
    docs = _documents(paths, repeat)
    texts = _texts(docs)
    chars = sum(len(t) for t in texts)
    if mode == "bare":
        from frontwatch.nlp.japanese import load_model

        nlp = load_model()
        list(nlp.pipe(texts[: len(texts) // repeat]))  # warm-up, the same share as the coder's
        t0, cpu0, faults0 = time.perf_counter(), _cpu(), resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        for doc in nlp.pipe(texts, batch_size=64, n_process=processes):
            list(doc.sents)
        seconds = time.perf_counter() - t0
        events = 0
    else:
        from frontwatch.coding.coder import build_coder

        coder = build_coder(n_process=processes)
        list(coder.code_many(docs[: len(docs) // repeat]))  # warm-up: model, dictionaries, gazetteer indexes
        t0, cpu0, faults0 = time.perf_counter(), _cpu(), resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        events = sum(len(evs) for _, evs in coder.code_many(docs))
        seconds = time.perf_counter() - t0
    cpu_s = _cpu() - cpu0
    from frontwatch.nlp.kernel import choose

    rss_kib = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    return {
        "mode": mode,
        "processes": processes,
        "documents": len(docs),
        "chars": chars,
        "seconds": round(seconds, 2),
        "chars_per_s": round(chars / seconds),
        "events": events,
        "cpu_s": round(cpu_s, 2),
        "minor_faults": resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults0,
        "chars_per_cpu_s": round(chars / cpu_s),
        "kernel": choose(),
        "load": os.getloadavg(),
        "peak_rss_mib": round(rss_kib / 1024),
    }


def _chosen_kernel() -> str:
    """The kernel this machine picks (``nlp.kernel.choose``), chosen once here and given to both
    modes: on a loaded machine each process's own probe may pick differently, and bare GiNZA on
    one kernel against the coder on the other compares nothing."""
    from frontwatch.nlp.kernel import choose

    return choose()


def _cpu() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--repeat", type=int, default=4)
    ap.add_argument("--processes", default="1,2")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--kernels", default="", help="blis,numpy: run each mode on each matrix kernel")
    ap.add_argument("--worker", nargs=2, metavar=("MODE", "PROCESSES"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    paths = args.paths or [str(p) for p in DEFAULT_INPUTS if p.exists()]
    if args.worker:
        print(json.dumps(worker(args.worker[0], int(args.worker[1]), paths, args.repeat)))
        return
    rows = []
    kernels = [k for k in args.kernels.split(",") if k] or [_chosen_kernel()]
    for kernel, procs in ((k, int(p)) for k in kernels for p in args.processes.split(",")):
        env = dict(os.environ, FRONTWATCH_MATMUL=kernel)
        for mode in ("bare", "coder"):
            cmd = [
                sys.executable,
                __file__,
                "--worker",
                mode,
                str(procs),
                "--repeat",
                str(args.repeat),
                *paths,
            ]
            out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env).stdout
            rows.append(json.loads(out.strip().splitlines()[-1]))
    by = {(r["mode"], r["processes"], r["kernel"]): r for r in rows}
    for _, procs, kernel in [k for k in by if k[0] == "coder"]:
        bare, coder = by[("bare", procs, kernel)], by[("coder", procs, kernel)]
        coder["vs_bare"] = round(coder["chars_per_s"] / bare["chars_per_s"], 3)
        coder["vs_bare_cpu"] = round(coder["chars_per_cpu_s"] / bare["chars_per_cpu_s"], 3)
    if args.json:
        print(json.dumps(rows))
        return
    print(
        f"{'kernel':6} {'mode':6} {'proc':>4} {'docs':>5} {'chars':>8} {'seconds':>8} {'cpu s':>7} "
        f"{'chars/s':>8} {'chars/cpu-s':>11} {'vs bare':>8} {'peak MiB':>9} {'faults':>9}  load"
    )
    for r in rows:
        print(
            f"{r['kernel']:6} {r['mode']:6} {r['processes']:>4} {r['documents']:>5} {r['chars']:>8} "
            f"{r['seconds']:>8} {r['cpu_s']:>7} {r['chars_per_s']:>8} {r['chars_per_cpu_s']:>11} "
            f"{r.get('vs_bare_cpu', ''):>8} {r['peak_rss_mib']:>9} {r['minor_faults']:>9}  {r['load']}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
