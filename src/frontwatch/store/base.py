"""The Store seam: what every backend (SQLite, PostgreSQL, the in-memory fake) offers.

Writes go through ``put``: one document and its events in one transaction. Reads are
the query methods below; ``frontwatch.query`` builds the CLI's, API's and dashboard's
views on top of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol, runtime_checkable

from frontwatch.records import Document, Event

PutStatus = Literal["stored", "duplicate", "new_version"]


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters for stored events; every field is optional and they combine with AND."""

    event: tuple[str, ...] = ()  # PLOVER types
    actor: tuple[str, ...] = ()  # actor codes
    recipient: tuple[str, ...] = ()  # recipient codes
    party: tuple[str, ...] = ()  # actor OR recipient codes
    place_country: tuple[str, ...] = ()  # country of any event_loc
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    factuality: tuple[str, ...] = ()
    claimed_by: tuple[str, ...] = ()
    doc_id: str | None = None
    text: str | None = None  # substring of the event's sentence
    language: tuple[str, ...] = ()  # the sentence's language (ISO 639-1, "und" when undecided)
    source: tuple[str, ...] = ()  # sites the documents came from (``codec.document_site``)
    dead_min: int | None = None  # fewest dead the event states
    limit: int = 100
    offset: int = 0


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    doc_id: str
    title: str | None
    category: str | None
    published: dt.date | None
    language: str | None
    versions: int
    events: int
    comments: int
    source: str | None


@dataclass(frozen=True, slots=True)
class SearchHit:
    doc_id: str
    title: str | None
    snippet: str
    kind: str  # section kind or "comment"


@dataclass(frozen=True, slots=True)
class StoreStats:
    documents: int
    versions: int
    events: int
    comments: int
    events_by_type: dict[str, int]
    date_from: str | None
    date_to: str | None


@dataclass(frozen=True, slots=True)
class ActorWindow:
    """Records by ``actor`` whose day (the stored date, else the document's publication date)
    falls from ``start`` to ``end``, both included; no ``end``: any day from ``start`` on."""

    actor: str
    start: dt.date
    end: dt.date | None = None


@runtime_checkable
class Store(Protocol):
    def put(self, doc: Document, events: list[Event]) -> PutStatus:
        """Store a document and its events atomically.

        The same content (``doc.content_hash``) stored before is a duplicate and
        changes nothing; new content under a known doc_id becomes the current
        version, the old one kept.
        """
        ...

    def has_content(self, content_hash: str) -> bool: ...

    def get_document(self, doc_id: str, version: int | None = None) -> Document | None: ...

    def published_dates(self, doc_ids: Collection[str] | None = None) -> dict[str, dt.date | None]:
        """doc_id -> publication date of the current version, for ``doc_ids`` (every document when
        None), read in one query: what the analyses need of each document."""
        ...

    def documents(self, limit: int = 100, offset: int = 0) -> list[DocumentSummary]: ...

    def events(self, q: EventQuery) -> list[Event]: ...

    def count_events(self, q: EventQuery, cap: int | None = None) -> int:
        """How many events match ``q``; with ``cap``, at most ``cap + 1`` (the count stops there,
        so it costs no more than reading that many rows however large the archive)."""
        ...

    def acts_in_windows(
        self, windows: Sequence[ActorWindow], event: Collection[str], factuality: Collection[str]
    ) -> list[Event]:
        """Every current event of a type in ``event`` and a factuality in ``factuality`` with an
        actor and a day in one of ``windows``, each once, in no set order: what can resolve a
        forecast (``analysis.inputs.ledger_inputs``), read without reading the archive."""
        ...

    def get_event(self, event_id: str) -> Event | None: ...

    def search(self, query: str, limit: int = 20) -> list[SearchHit]: ...

    def stats(self) -> StoreStats: ...

    def get_state(self, namespace: str, key: str) -> dict[str, Any] | None:
        """A small JSON object kept between runs (``frontwatch watch``'s feed and page
        status), or None when nothing is stored under ``(namespace, key)``."""
        ...

    def set_state(self, namespace: str, key: str, value: dict[str, Any]) -> None:
        """Store ``value`` (JSON-serialisable) under ``(namespace, key)``, replacing what was there,
        in its own transaction."""
        ...

    def close(self) -> None: ...
