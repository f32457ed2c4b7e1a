"""A Store that opens the real one on the first write (``ingest`` into a new file)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

from frontwatch.records import Document, Event
from frontwatch.store.base import (
    ActorWindow,
    DocumentSummary,
    EventQuery,
    PutStatus,
    SearchHit,
    Store,
    StoreStats,
)


def sqlite_file(target: str) -> Path | None:
    """The file of a SQLite target; None for other backends (PostgreSQL, memory:)."""
    from frontwatch.store import backend_name
    from frontwatch.store.sqlite import sqlite_path

    if target.startswith("memory:") or backend_name(target) != "sqlite":
        return None
    return Path(sqlite_path(target.removeprefix("file:").removeprefix("//")))


class DeferredStore:
    """Reads before the first write answer as an empty store would, without opening
    anything; ``put`` and ``set_state`` open (and so create) the store at ``target``."""

    def __init__(self, target: str) -> None:
        self.target = target
        self._store: Store | None = None

    def _open(self) -> Store:
        if self._store is None:
            from frontwatch.store import open_store

            self._store = open_store(self.target)
        return self._store

    def _existing(self) -> Store | None:
        """The store if it is open or exists already (opening an existing one creates nothing)."""
        if self._store is None and self._exists():
            self._open()
        return self._store

    def _exists(self) -> bool:
        path = sqlite_file(self.target)
        return path is None or path.exists()

    def put(self, doc: Document, events: list[Event]) -> PutStatus:
        return self._open().put(doc, events)

    def set_state(self, namespace: str, key: str, value: dict[str, Any]) -> None:
        self._open().set_state(namespace, key, value)

    def has_content(self, content_hash: str) -> bool:
        store = self._existing()
        return store is not None and store.has_content(content_hash)

    def get_document(self, doc_id: str, version: int | None = None) -> Document | None:
        store = self._existing()
        return store.get_document(doc_id, version) if store else None

    def documents(self, limit: int = 100, offset: int = 0) -> list[DocumentSummary]:
        store = self._existing()
        return store.documents(limit, offset) if store else []

    def events(self, q: EventQuery) -> list[Event]:
        store = self._existing()
        return store.events(q) if store else []

    def count_events(self, q: EventQuery, cap: int | None = None) -> int:
        store = self._existing()
        return store.count_events(q, cap) if store else 0

    def published_dates(self, doc_ids: Collection[str] | None = None) -> dict[str, dt.date | None]:
        store = self._existing()
        return store.published_dates(doc_ids) if store else {}

    def acts_in_windows(
        self, windows: Sequence[ActorWindow], event: Collection[str], factuality: Collection[str]
    ) -> list[Event]:
        store = self._existing()
        return store.acts_in_windows(windows, event, factuality) if store else []

    def get_event(self, event_id: str) -> Event | None:
        store = self._existing()
        return store.get_event(event_id) if store else None

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        store = self._existing()
        return store.search(query, limit) if store else []

    def stats(self) -> StoreStats:
        store = self._existing()
        if store is None:
            return StoreStats(documents=0, versions=0, events=0, comments=0, events_by_type={},
                              date_from=None, date_to=None)
        return store.stats()

    def get_state(self, namespace: str, key: str) -> dict[str, Any] | None:
        store = self._existing()
        return store.get_state(namespace, key) if store else None

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
