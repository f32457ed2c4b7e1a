"""The watcher's two ends on a real store: its state, and the sink that stores pages.

- :class:`StoreWatchState` keeps each feed's and each page's status in the store's state
  table (``Store.get_state`` / ``set_state``, namespaces ``watch.feed`` and ``watch.page``),
  so a restarted ``frontwatch watch`` on the same ``--db`` resumes where the last one stopped.
- :class:`StoreSink` turns a fetched page into a stored document the way ``frontwatch ingest``
  does: ``frontwatch.clean.parse``, then ``frontwatch.ingest.run.ingest_documents`` (duplicate
  check by content hash, the default coder, one ``Store.put`` transaction per document).

Ordering under a kill -9: a page is stored (one transaction) before its status is saved.
A kill between the two leaves the page stored but not marked; the next run fetches it once
more and ``put`` sees the same content hash, so nothing is stored twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, fields
from typing import Any

from frontwatch.errors import DataError, FrontwatchError
from frontwatch.ingest.feeds import FeedStatus, PageStatus
from frontwatch.ingest.run import CoderFactory, ingest_documents
from frontwatch.pipeline import Coder
from frontwatch.records import IngestResult, RawDocument
from frontwatch.store.base import Store

FEED_NAMESPACE = "watch.feed"
PAGE_NAMESPACE = "watch.page"


def _known(cls: type[Any], value: dict[str, Any]) -> dict[str, Any]:
    """Only the fields ``cls`` has: state written by another frontwatch version still loads."""
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in value.items() if k in names}


class StoreWatchState:
    """:class:`frontwatch.ingest.feeds.WatchState` kept in a store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def feed(self, url: str) -> FeedStatus | None:
        value = self.store.get_state(FEED_NAMESPACE, url)
        return FeedStatus(**_known(FeedStatus, value)) if value else None

    def save_feed(self, status: FeedStatus) -> None:
        self.store.set_state(FEED_NAMESPACE, status.url, asdict(status))

    def page(self, url: str) -> PageStatus | None:
        value = self.store.get_state(PAGE_NAMESPACE, url)
        return PageStatus(**_known(PageStatus, value)) if value else None

    def save_page(self, status: PageStatus) -> None:
        self.store.set_state(PAGE_NAMESPACE, status.url, asdict(status))


def cached(factory: CoderFactory) -> CoderFactory:
    """A factory that builds the coder once and hands out the same one after."""
    built: list[Coder] = []

    def get() -> Coder:
        if not built:
            built.append(factory())
        return built[0]

    return get


class StoreSink:
    """Parse, code and store one fetched page; returns its doc_id, raises when it was not stored."""

    def __init__(self, store: Store, coder_factory: CoderFactory | None,
                 on_result: Callable[[IngestResult], None] | None = None) -> None:
        self.store = store
        self.coder_factory = cached(coder_factory) if coder_factory is not None else None
        self.on_result = on_result

    def __call__(self, raw: RawDocument) -> str:
        from frontwatch.clean import parse

        doc = parse(raw)
        if doc.title is None and not doc.body:
            raise DataError(f"no article text found at {raw.url or raw.source}; is it an article page?")
        results: list[IngestResult] = []
        ingest_documents([doc], self.store, coder_factory=self.coder_factory, on_result=results.append)
        result = results[0]
        if self.on_result is not None:
            self.on_result(result)
        if result.status == "failed":
            raise FrontwatchError(result.reason or "not stored")
        return doc.doc_id
