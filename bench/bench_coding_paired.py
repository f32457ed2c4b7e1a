"""The coder against bare GiNZA in one process, passes alternated: a ratio a loaded machine shifts less.

usage: python bench/bench_coding_paired.py [--rounds N] [--blas-threads N] [PATH ...]

``bench_coding.py`` measures bare GiNZA and the coder in two processes, one after the other; on
the shared 2-core machine the load moves between them (1-minute load 1 to 10 in one session),
and its ratio swings by ±0.05. Here one process loads the model once (the coder's, which is
bare GiNZA's: ``nlp.japanese.load_model``), warms both up, then runs ``--rounds`` rounds of one
bare pass and one coder pass over the same documents (the bench_coding.py defaults: seeds,
tests/gold/ja, tests/coding/articles). Bare is ``nlp.pipe`` over the title and body texts with
the coder's batch size, each doc's sentences listed (as bench_coding.py); the coder is
``build_coder().code_many`` over the documents (parse, code, resolve places, dedup, filter).
Each pass is timed in process CPU seconds (every thread of the process); the ratio of a round
is bare CPU / coder CPU (= the coder's characters per CPU-second against bare GiNZA's), and the
median, minimum and maximum of the rounds are printed, and the ratio of the two sides' fastest
passes (the passes the machine's other work disturbed least). ``--blas-threads`` caps OpenBLAS's
threads (both sides alike): with two threads on a loaded machine each product's spin-waiting
is counted as CPU time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--blas-threads", type=int, default=0, help="OPENBLAS_NUM_THREADS (0: as set)")
    args = ap.parse_args(argv)
    if args.blas_threads:
        os.environ["OPENBLAS_NUM_THREADS"] = str(args.blas_threads)  # before numpy loads
    from bench_coding import DEFAULT_INPUTS, _documents, _texts
    from frontwatch.coding.coder import build_coder
    from frontwatch.nlp.japanese import BATCH_SIZE, load_model
    from frontwatch.nlp.kernel import choose

    paths = args.paths or [str(p) for p in DEFAULT_INPUTS if p.exists()]
    docs = _documents(paths, 1)
    texts = _texts(docs)
    nlp, coder = load_model(), build_coder()

    def bare() -> None:
        for doc in nlp.pipe(texts, batch_size=BATCH_SIZE):
            list(doc.sents)

    def coded(n: int) -> None:  # fresh doc ids each pass, as bench_coding.py's repeats
        list(coder.code_many([replace(d, doc_id=f"{d.doc_id}~{n}") for d in docs]))

    bare()
    coded(0)
    ratios, bare_s, coder_s = [], [], []
    for n in range(1, args.rounds + 1):
        t = time.process_time()
        bare()
        b = time.process_time() - t
        t = time.process_time()
        coded(n)
        c = time.process_time() - t
        bare_s.append(b)
        coder_s.append(c)
        ratios.append(b / c)
        print(f"round {n}: bare {b:.3f} s  coder {c:.3f} s  ratio {b / c:.3f}  load {os.getloadavg()[0]:.1f}",
              flush=True)
    chars = sum(len(t) for t in texts)
    print(f"{len(docs)} docs, {chars} chars, kernel {choose()}, OpenBLAS threads "
          f"{os.environ.get('OPENBLAS_NUM_THREADS', 'default')}: bare {statistics.median(bare_s):.3f} s, "
          f"coder {statistics.median(coder_s):.3f} s (medians); coder vs bare per CPU-second: median "
          f"{statistics.median(ratios):.3f} (min {min(ratios):.3f}, max {max(ratios):.3f}); fastest "
          f"passes: bare {min(bare_s):.3f} s, coder {min(coder_s):.3f} s, "
          f"ratio {min(bare_s) / min(coder_s):.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
