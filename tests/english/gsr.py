"""Run the English pipeline and coder over a JSONL file of documents (the PLOVER GSR dev half).

usage: python tests/english/gsr.py DOCS.jsonl OUT.jsonl

Each line (doc_id, text, language, optional published) becomes a Document with one body
section; the output is one event record per line, for ``shared/eval/score.py``. Used by
``test_english_gsr.py`` and by hand until ``frontwatch code`` routes English end to end.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from frontwatch.coding.context import CodingContext
from frontwatch.coding.en import code_sentences
from frontwatch.nlp.english import EnglishPipeline
from frontwatch.records import Document, Event, Section


def documents(path: Path) -> Iterator[Document]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        text = row["text"]
        pub = dt.date.fromisoformat(row["published"]) if row.get("published") else None
        lang = row.get("language") or "en"
        yield Document(doc_id=row["doc_id"], text=text, language=lang, published=pub,
                       sections=(Section("body", text, 0, len(text), lang),))


def code_file(path: Path, ctx: CodingContext, pipeline: EnglishPipeline | None = None) -> list[Event]:
    pipeline = pipeline or EnglishPipeline()
    out: list[Event] = []
    for doc, sents in pipeline.pipe(documents(path)):
        out.extend(code_sentences(doc, sents, ctx.for_document(doc.published)))
    return out


def context() -> CodingContext:
    from frontwatch.coding.context import default_context

    return default_context(with_places=False)


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        sys.exit(__doc__)
    events = code_file(Path(argv[0]), context())
    with open(argv[1], "w", encoding="utf-8") as fh:
        for ev in events:
            fh.write(json.dumps(ev.to_json(explain=True), ensure_ascii=False, default=str) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
