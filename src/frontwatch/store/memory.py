"""An in-memory Store for unit tests of code that uses a store.

Same behaviour as the SQL backends (duplicates, versions, filters, order, search
terms and snippets come from the same ``codec`` helpers), none of the durability.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from frontwatch.errors import StoreError
from frontwatch.records import Document, Event
from frontwatch.store.base import ActorWindow, DocumentSummary, EventQuery, PutStatus, SearchHit, StoreStats
from frontwatch.store.codec import (
    LOCAL_SITE,
    ROLE_ACTOR,
    ROLE_CLAIMANT,
    ROLE_RECIPIENT,
    contains,
    content_hash,
    document_site,
    kind_rank,
    party_rows,
    place_rows,
    search_rows,
    search_terms,
    snippet,
)


@dataclass
class _Doc:
    versions: list[Document] = field(default_factory=list)
    archived: dict[int, list[Event]] = field(default_factory=dict)

    @property
    def current(self) -> Document:
        return self.versions[-1]


class MemoryStore:
    """The fake. ``MemoryStore()`` or, through the registry, ``open_store("memory:")``."""

    def __init__(self, target: str = "memory:") -> None:
        self.target = target
        self._docs: dict[str, _Doc] = {}
        self._hashes: set[str] = set()
        self._events: dict[str, Event] = {}
        self._lock = threading.Lock()
        self._state: dict[tuple[str, str], str] = {}

    def put(self, doc: Document, events: list[Event]) -> PutStatus:
        with self._lock:
            h = content_hash(doc)
            if h in self._hashes:
                return "duplicate"
            for e in events:
                if e.doc_id != doc.doc_id:
                    raise StoreError(
                        f"event {e.id} belongs to document {e.doc_id}, not {doc.doc_id}:"
                        " store it with its own"
                    )
                owner = self._events.get(e.id)
                if owner is not None and owner.doc_id != doc.doc_id:
                    raise StoreError(
                        f"event id {e.id} is already stored for document {owner.doc_id}:"
                        " event ids must be unique"
                    )
            entry = self._docs.get(doc.doc_id)
            status: PutStatus = "new_version" if entry else "stored"
            if entry is None:
                entry = self._docs[doc.doc_id] = _Doc()
            else:
                old = [e for e in self._events.values() if e.doc_id == doc.doc_id]
                entry.archived[len(entry.versions)] = old
                for e in old:
                    del self._events[e.id]
            entry.versions.append(_with_hash(doc, h))
            self._hashes.add(h)
            for e in events:
                self._events[e.id] = e
            return status

    def has_content(self, content_hash: str) -> bool:
        return content_hash in self._hashes

    def get_document(self, doc_id: str, version: int | None = None) -> Document | None:
        entry = self._docs.get(doc_id)
        if entry is None:
            return None
        if version is None:
            return entry.current
        return entry.versions[version - 1] if 1 <= version <= len(entry.versions) else None

    def published_dates(self, doc_ids: Collection[str] | None = None) -> dict[str, dt.date | None]:
        wanted = self._docs.keys() if doc_ids is None else [d for d in doc_ids if d in self._docs]
        return {d: self._docs[d].current.published for d in wanted}

    def documents(self, limit: int = 100, offset: int = 0) -> list[DocumentSummary]:
        def key(item: tuple[str, _Doc]) -> tuple[bool, str, str]:
            pub = item[1].current.published
            # published DESC with undated last, then doc_id ascending
            return (pub is None, _neg(pub.isoformat()) if pub else "", item[0])

        out = []
        for doc_id, entry in sorted(self._docs.items(), key=key)[offset : offset + limit]:
            d = entry.current
            out.append(
                DocumentSummary(
                    doc_id=doc_id,
                    title=d.title,
                    category=d.category,
                    published=d.published,
                    language=d.language,
                    versions=len(entry.versions),
                    events=sum(1 for e in self._events.values() if e.doc_id == doc_id),
                    comments=len(d.comments),
                    source=d.source,
                )
            )
        return out

    def events(self, q: EventQuery) -> list[Event]:
        found = sorted((e for e in self._events.values() if matches(e, q, self._site(e))), key=event_order)
        return found[q.offset : q.offset + q.limit]

    def count_events(self, q: EventQuery, cap: int | None = None) -> int:
        n = sum(1 for e in self._events.values() if matches(e, q, self._site(e)))
        return n if cap is None else min(n, cap + 1)

    def _site(self, e: Event) -> str:
        doc = self._docs.get(e.doc_id)
        return document_site(doc.current.url, doc.current.source) if doc else LOCAL_SITE

    def acts_in_windows(
        self, windows: Sequence[ActorWindow], event: Collection[str], factuality: Collection[str]
    ) -> list[Event]:
        by_actor: dict[str, list[ActorWindow]] = {}
        for w in windows:
            by_actor.setdefault(w.actor, []).append(w)
        out = []
        for e in self._events.values():
            if e.event not in event or e.factuality not in factuality:
                continue
            published = self._docs[e.doc_id].current.published
            day = e.date or (published.isoformat() if published else None)
            if day is not None and any(
                w.start.isoformat() <= day <= (w.end.isoformat() if w.end else "9999-12-31")
                for role, code in party_rows(e) if role == ROLE_ACTOR for w in by_actor.get(code, ())
            ):
                out.append(e)
        return out

    def get_event(self, event_id: str) -> Event | None:
        return self._events.get(event_id)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        terms = search_terms(query)
        if not terms:
            return []
        hits: list[tuple[tuple[int, bool, str, str, int], SearchHit]] = []
        for doc_id, entry in self._docs.items():
            d = entry.current
            pub = d.published.isoformat() if d.published else None
            for kind, order, text in search_rows(d):
                if all(contains(text, t) for t in terms):
                    key = (kind_rank(kind), pub is None, _neg(pub or ""), doc_id, order)
                    hits.append((key, SearchHit(doc_id, d.title, snippet(text, query), kind)))
        hits.sort(key=lambda h: h[0])
        return [h for _, h in hits[:limit]]

    def stats(self) -> StoreStats:
        by_type: dict[str, int] = {}
        for e in self._events.values():
            by_type[e.event] = by_type.get(e.event, 0) + 1
        dates = [e.date for e in self._events.values() if e.date]
        return StoreStats(
            documents=len(self._docs),
            versions=sum(len(d.versions) for d in self._docs.values()),
            events=len(self._events),
            comments=sum(len(d.current.comments) for d in self._docs.values()),
            events_by_type=dict(sorted(by_type.items())),
            date_from=min(dates) if dates else None,
            date_to=max(dates) if dates else None,
        )

    def get_state(self, namespace: str, key: str) -> dict[str, Any] | None:
        text = self._state.get((namespace, key))
        return dict(json.loads(text)) if text is not None else None

    def set_state(self, namespace: str, key: str, value: dict[str, Any]) -> None:
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)  # the SQL stores' round trip
        with self._lock:
            self._state[(namespace, key)] = text

    def close(self) -> None:
        pass


def matches(e: Event, q: EventQuery, site: str = LOCAL_SITE) -> bool:
    """Whether ``e`` passes every filter of ``q`` (the SQL backends' WHERE, in Python)."""
    parties = party_rows(e)
    places = place_rows(e)

    def has(roles: tuple[str, ...], codes: tuple[str, ...]) -> bool:
        return any(r in roles and c in codes for r, c in parties)

    checks = [
        not q.event or e.event in q.event,
        not q.factuality or e.factuality in q.factuality,
        q.doc_id is None or e.doc_id == q.doc_id,
        q.date_from is None or (e.date is not None and e.date >= q.date_from.isoformat()),
        q.date_to is None or (e.date is not None and e.date <= q.date_to.isoformat()),
        not q.actor or has((ROLE_ACTOR,), q.actor),
        not q.recipient or has((ROLE_RECIPIENT,), q.recipient),
        not q.party or has((ROLE_ACTOR, ROLE_RECIPIENT), q.party),
        not q.claimed_by or has((ROLE_CLAIMANT,), q.claimed_by),
        not q.place_country or any(p[0] in q.place_country for p in places),
        q.bbox is None or any(_inside(p[1], p[2], q.bbox) for p in places),
        not q.text or contains(e.text, q.text),
        not q.language or e.language in q.language,
        q.dead_min is None or (e.dead is not None and e.dead >= q.dead_min),
        not q.source or site in q.source,
    ]
    return all(checks)


def _inside(lat: float | None, lon: float | None, bbox: tuple[float, float, float, float]) -> bool:
    if lat is None or lon is None:
        return False
    min_lon, min_lat, max_lon, max_lat = bbox
    return min_lon <= lon <= max_lon and min_lat <= lat <= max_lat


def event_order(e: Event) -> tuple[bool, str, str]:
    """Newest first, undated last, then by id: the SQL backends' ORDER BY."""
    return (e.date is None, _neg(e.date or ""), e.id)


def _neg(s: str) -> str:
    """A key that sorts ISO date strings in descending order."""
    return "".join(chr(0x10FFFF - ord(c)) for c in s)


def _with_hash(doc: Document, h: str) -> Document:
    if doc.content_hash == h:
        return doc
    from dataclasses import replace

    return replace(doc, content_hash=h)
