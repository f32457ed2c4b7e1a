"""The coding seam: Document in, event records out.

``Coder`` is what ingest, ``frontwatch code``, the feed watcher and the Dask engine
call. The built-in coder is chosen by name through ``frontwatch.registry`` exactly as
an outside plugin would be; nothing is loaded until the first document arrives.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, runtime_checkable

from frontwatch.records import Document, Event


@runtime_checkable
class Coder(Protocol):
    def code(self, doc: Document) -> list[Event]:
        """The event records of one document's coded sections (title and body)."""
        ...

    def code_many(self, docs: Iterable[Document]) -> Iterator[tuple[Document, list[Event]]]:
        """Code a stream of documents, batching the parse; yields in input order."""
        ...
