"""Where documents come from: files, folders, stdin and JSONL (feeds in ``feeds.py``).

``iter_raw`` yields decoded :class:`RawDocument` records, ``load_documents`` parses them
into :class:`Document` records; both yield an :class:`InputProblem` for an input that cannot
be used instead of raising, so one bad file never stops the others.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import BinaryIO

from frontwatch.errors import InputError
from frontwatch.ingest.files import DEFAULT_MAX_BYTES, iter_raw
from frontwatch.records import Document, InputProblem

__all__ = ["DEFAULT_MAX_BYTES", "iter_raw", "load_documents"]


def load_documents(paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES,
                   stdin: BinaryIO | None = None, stdin_doc_id: str | None = None,
                   doc_ids: Sequence[str] | None = None) -> Iterator[Document | InputProblem]:
    """``iter_raw`` followed by ``frontwatch.clean.parse``."""
    from frontwatch.clean import parse

    for item in iter_raw(paths, max_bytes=max_bytes, stdin=stdin, stdin_doc_id=stdin_doc_id,
                         doc_ids=doc_ids):
        if isinstance(item, InputProblem):
            yield item
            continue
        source = item.source if item.source != "<stdin>" else f"<stdin> ({item.doc_id})"
        try:
            doc = parse(item)
        except InputError as exc:  # a page parse refuses, with its reason
            yield InputProblem(source, str(exc))
            continue
        except Exception as exc:  # a page we cannot split must not stop the others
            reason = f"cannot split {item.doc_id} into parts ({type(exc).__name__}: {exc})"
            yield InputProblem(source, reason + "; please report this file")
            continue
        if doc.title is None and not doc.body:
            yield InputProblem(source, f"no article text found in {item.doc_id}; is it a complete page?")
            continue
        yield doc
