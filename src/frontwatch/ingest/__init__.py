"""Where documents come from: files, folders, stdin and JSONL (feeds in ``feeds.py``).

``iter_raw`` yields decoded :class:`RawDocument` records, ``load_documents`` parses them
into :class:`Document` records; both yield an :class:`InputProblem` for an input that cannot
be used instead of raising, so one bad file never stops the others.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import BinaryIO

from frontwatch.ingest.files import DEFAULT_MAX_BYTES, iter_raw
from frontwatch.records import Document, InputProblem

__all__ = ["DEFAULT_MAX_BYTES", "iter_raw", "load_documents"]


def load_documents(paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES,
                   stdin: BinaryIO | None = None, stdin_doc_id: str | None = None
                   ) -> Iterator[Document | InputProblem]:
    """``iter_raw`` followed by ``frontwatch.clean.parse``."""
    from frontwatch.clean import parse

    for item in iter_raw(paths, max_bytes=max_bytes, stdin=stdin, stdin_doc_id=stdin_doc_id):
        yield item if isinstance(item, InputProblem) else parse(item)
