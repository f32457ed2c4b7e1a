"""CPU time of the Japanese coder apart from the GiNZA parse it runs on.

usage: python bench/bench_coding_cpu.py [--repeat N] [PATH ...]

Wall-clock throughput (``bench_coding.py``) swings with the load of a shared machine;
process CPU time does not. The documents (the seeds, tests/gold/ja, tests/coding/articles
and the realworld set by default) are parsed and coded once as a warm-up (model, gazetteer
and lexicons loaded), then ``--repeat`` times: the parse (``JapanesePipeline.pipe``) and the
coding of the parsed sentences (``coding.ja.code_sentences`` and ``coding.coder.finish``: merging,
places carried between records, the record filter, each document inside ``one_document`` as
``code`` runs it) are timed apart. The coder's cost over bare GiNZA is code/parse.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_INPUTS = [
    REPO.parent / "shared" / "seeds",
    REPO / "tests" / "gold" / "ja",
    REPO / "tests" / "coding" / "articles",
    REPO.parent / "shared" / "eval" / "realworld" / "docs.jsonl",
]


def main(argv: list[str]) -> None:
    from frontwatch.coding.coder import build_coder, finish
    from frontwatch.coding.record_filter import default_filter
    from frontwatch.ingest import load_documents
    from frontwatch.records import Document, Sentence
    from frontwatch.resolve.place_mentions import one_document

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    paths = args.paths or [str(p) for p in DEFAULT_INPUTS if p.exists()]
    docs = [d for d in load_documents(paths) if isinstance(d, Document) and d.language == "ja"]
    coder = build_coder()
    pipelines, coders = coder._setup()
    pipe, code_ja = pipelines["ja"], coders["ja"]
    keep = default_filter()

    def code(d: Document, sents: list[Sentence]) -> None:
        ctx = coder.context.for_document(d.published)
        with one_document():
            finish(d, code_ja(d, sents, ctx), ctx.geocoder, keep)

    for d, sents in pipe.pipe(docs):  # warm-up
        code(d, sents)
    parse_s = code_s = 0.0
    for _ in range(args.repeat):
        t = time.process_time()
        parsed = list(pipe.pipe(docs))
        parse_s += time.process_time() - t
        t = time.process_time()
        for d, sents in parsed:
            code(d, sents)
        code_s += time.process_time() - t
    chars = sum(len(d.text) for d in docs)
    print(f"docs {len(docs)} x{args.repeat}  chars {chars * args.repeat}  parse cpu {parse_s:.2f} s  "
          f"code cpu {code_s:.2f} s  code/parse {code_s / parse_s:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
