"""English coding throughput: characters per second through the English pipeline and coder.

    python bench/bench_english.py                       # GSR dev sentences + tests/gold/en, 5 rounds
    python bench/bench_english.py --rounds 20 --places  # with the gazetteer (loaded before timing)

The texts are the English sentences of ``../shared/eval/plover-gsr/dev-docs.jsonl`` (when
present) and the articles of ``tests/gold/en``, each coded ``--rounds`` times. Timed:
``EnglishPipeline.pipe`` (spaCy tokenizer and sentencizer, lookup lemmas) and
``coding.en.code_sentences`` (triggers, roles, factuality, dates, counts; places when
``--places``). Not timed: reading files and the one-off loading of spaCy, lexicons and
dictionaries, which happens before the clock starts. One process, one core.
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path

from frontwatch.coding.context import CodingContext
from frontwatch.coding.en import code_sentences
from frontwatch.nlp.english import EnglishPipeline
from frontwatch.records import Document, Section
from frontwatch.resolve.actors import ActorDictionary
from frontwatch.resolve.weapons import WeaponLexicon

REPO = Path(__file__).resolve().parents[1]
GSR = REPO.parent / "shared" / "eval" / "plover-gsr" / "dev-docs.jsonl"
GOLD_EN = REPO / "tests" / "gold" / "en"


def corpus() -> list[Document]:
    docs: list[Document] = []
    if GSR.is_file():
        for line in GSR.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            text = row["text"]
            docs.append(
                Document(row["doc_id"], text, (Section("body", text, 0, len(text), "en"),), language="en")
            )
    for path in sorted(GOLD_EN.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        secs, pos = [], 0
        for para in text.split("\n"):
            if para.strip():
                secs.append(Section("body", para, pos, pos + len(para), "en"))
            pos += len(para) + 1
        docs.append(Document(path.stem, text, tuple(secs), language="en"))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--places", action="store_true", help="resolve places with the gazetteer")
    args = ap.parse_args()
    docs = corpus()
    geocoder = None
    if args.places:
        from frontwatch.resolve.places import default_geocoder

        geocoder = default_geocoder()
    ctx = CodingContext(
        actors=ActorDictionary.load(), weapons=WeaponLexicon.load(), lexicons={}, geocoder=geocoder
    )
    pipe = EnglishPipeline()
    for doc, sents in pipe.pipe(docs[:3]):  # warm-up: loads spaCy, lemmas, rules
        code_sentences(doc, sents, ctx)
    chars = sum(len(s.text) for d in docs for s in d.sections) * args.rounds
    events = 0
    t0 = time.perf_counter()
    for _ in range(args.rounds):
        for doc, sents in pipe.pipe(docs):
            events += len(code_sentences(doc, sents, ctx.for_document(doc.published)))
    dt = time.perf_counter() - t0
    print(
        f"english coding: {len(docs)} documents x {args.rounds} rounds, {chars} characters, "
        f"{events} events in {dt:.2f} s -> {chars / dt:,.0f} chars/s, "
        f"{len(docs) * args.rounds / dt:,.1f} docs/s (places: {'on' if args.places else 'off'}; "
        f"{platform.processor() or platform.machine()}, Python {platform.python_version()})"
    )


if __name__ == "__main__":
    main()
