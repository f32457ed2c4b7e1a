"""Parsed documents -> coded and stored, one transaction per document.

For each item of ``load_documents``:

1. An :class:`InputProblem` is reported as failed; the run goes on.
2. A document whose content hash is stored already is a duplicate: not coded again.
3. Otherwise it is coded, ``CODE_BATCH`` documents at a time (the coder is built on the first
   batch that needs it), and each is stored with its events in one ``Store.put`` transaction,
   so a run killed at any point leaves whole documents only, and a second run stores what is
   missing and nothing twice.

A coder that cannot load its model or data (:class:`ModelError`, :class:`DataError`) stops the
run: every document would fail the same way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from frontwatch.errors import DataError, FrontwatchError, ModelError
from frontwatch.ingest.files import distinct_id
from frontwatch.pipeline import Coder
from frontwatch.records import Document, Event, IngestResult, InputProblem
from frontwatch.store.base import Store

CoderFactory = Callable[[], Coder]
# Documents coded together: the language pipelines parse a batch faster than one page at a time,
# and a run killed mid-batch loses at most this many pages of coding work (none of what is stored).
CODE_BATCH = 16


@dataclass
class IngestSummary:
    counts: Counter[str] = field(default_factory=Counter)  # status -> number of inputs
    events: int = 0
    distinct_ids: int = 0  # page files in a subfolder of the folder given, stored under "folder/name"

    @property
    def failed(self) -> int:
        return self.counts["failed"]

    def line(self) -> str:
        c = self.counts
        total = sum(c.values())
        return (f"{total} input{'s' if total != 1 else ''}: {c['stored']} stored, {c['new_version']} new "
                f"version{'s' if c['new_version'] != 1 else ''}, {c['duplicate']} duplicate"
                f"{'s' if c['duplicate'] != 1 else ''}, {c['failed']} failed; {self.events} events coded"
                + (f"; {self.distinct_ids} file{'s' if self.distinct_ids != 1 else ''} in subfolders stored "
                   "under a folder/name id" if self.distinct_ids else ""))


def default_coder() -> Coder:
    """The coder registered as "default" in ``frontwatch.coders``, built now."""
    from frontwatch import registry

    factory = registry.load("frontwatch.coders", "default")
    coder: Coder = factory()
    return coder


def build_coder(factory: CoderFactory) -> Coder:
    """``factory()``; a coder that cannot be built is a ModelError saying how to go on without it."""
    try:
        return factory()
    except (ImportError, FrontwatchError) as exc:
        raise ModelError(f"cannot load the event coder ({exc}); pass --no-code to store documents "
                         "without coding them") from exc


def ingest_documents(
    items: Iterable[Document | InputProblem],
    store: Store,
    *,
    coder_factory: CoderFactory | None = default_coder,
    on_result: Callable[[IngestResult], None] | None = None,
    batch_size: int = CODE_BATCH,
) -> IngestSummary:
    """Store every document of ``items`` (coded unless ``coder_factory`` is None)."""
    summary = IngestSummary()
    coder: Coder | None = None
    batch: list[Document] = []

    def record(result: IngestResult) -> None:
        summary.counts[result.status] += 1
        summary.events += result.events
        if on_result is not None:
            on_result(result)

    def flush() -> None:
        nonlocal coder
        if coder is None and coder_factory is not None:
            coder = build_coder(coder_factory)
        for doc, events in _code(coder, batch):
            record(_store(store, doc, events))
        batch.clear()

    for item in items:
        if not isinstance(item, InputProblem) and distinct_id(item.doc_id, item.source):
            summary.distinct_ids += 1
        if isinstance(item, InputProblem):
            record(IngestResult(source=item.source, doc_id=None, status="failed", reason=item.reason))
        elif item.content_hash and store.has_content(item.content_hash):
            record(IngestResult(source=item.source or item.doc_id, doc_id=item.doc_id, status="duplicate"))
        else:
            batch.append(item)
            if len(batch) >= batch_size:
                flush()
    if batch:
        flush()
    return summary


def _code(coder: Coder | None, docs: list[Document]) -> list[tuple[Document, list[Event] | FrontwatchError]]:
    if coder is None:
        return [(doc, []) for doc in docs]
    return code_batch(coder, docs)


def code_batch(coder: Coder, docs: list[Document]) -> list[tuple[Document, list[Event] | FrontwatchError]]:
    """Events of each document; a batch that fails is coded one by one to pin the failure down.

    Any error of one document (a parser's own exception included) becomes a FrontwatchError for
    that document alone; only a coder that cannot load (ModelError, DataError) stops the run.
    """
    try:
        return list(coder.code_many(docs))
    except (ModelError, DataError, MemoryError):
        raise
    except Exception:  # pinned to its document below
        pass
    coded: list[tuple[Document, list[Event] | FrontwatchError]] = []
    for doc in docs:
        try:
            coded.append((doc, coder.code(doc)))
        except (ModelError, DataError, MemoryError):
            raise
        except FrontwatchError as exc:
            coded.append((doc, exc))
        except Exception as exc:  # a library's error on this document only
            coded.append((doc, FrontwatchError(f"cannot code {doc.doc_id} ({type(exc).__name__}: "
                                               f"{_first_line(exc)}); please report this file")))
    return coded


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:300] if text else "no message"


def _store(store: Store, doc: Document, events: list[Event] | FrontwatchError) -> IngestResult:
    source = doc.source or doc.doc_id
    if isinstance(events, FrontwatchError):
        return IngestResult(source=source, doc_id=doc.doc_id, status="failed", reason=str(events))
    try:
        status = store.put(doc, events)
    except FrontwatchError as exc:
        return IngestResult(source=source, doc_id=doc.doc_id, status="failed", reason=str(exc))
    return IngestResult(source=source, doc_id=doc.doc_id, status=status,
                        events=len(events) if status != "duplicate" else 0)
