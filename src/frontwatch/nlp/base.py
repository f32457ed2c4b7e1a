"""The language-pipeline seam: a Document's coded sections in, parsed sentences out.

Each language (Japanese with GiNZA, English with spaCy's rule-based pipeline) has one
implementation, chosen by the language of each section. Models load lazily, once,
on the first call, never at import or construction.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, runtime_checkable

from frontwatch.records import Document, Sentence


@runtime_checkable
class LanguagePipeline(Protocol):
    language: str  # ISO 639-1 code it handles

    def sentences(self, doc: Document) -> list[Sentence]:
        """Split and parse the document's coded sections written in this language."""
        ...

    def pipe(self, docs: Iterable[Document]) -> Iterator[tuple[Document, list[Sentence]]]:
        """The same over a stream, batching the parse; yields in input order."""
        ...
