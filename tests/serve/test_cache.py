"""The app's short cache of whole-store views, with the in-memory store fake."""

from __future__ import annotations

import httpx

from frontwatch.serve.api import StoreHandle
from frontwatch.serve.app import create_app
from frontwatch.store.memory import MemoryStore
from tests.serve.conftest import LiveServer
from tests.serve.samples import documents_and_events


def test_api_cache_reuses_views_until_they_expire() -> None:
    store = MemoryStore()
    handle = StoreHandle(store, cache_seconds=3600)
    calls: list[int] = []

    def count(s: MemoryStore) -> int:
        calls.append(1)
        return s.stats().events

    assert handle.cached("k", count) == 0
    doc, events = documents_and_events()[1]
    store.put(doc, events)
    assert handle.cached("k", count) == 0 and len(calls) == 1  # reused
    assert StoreHandle(store, cache_seconds=0).cached("k", count) == 1  # expired at once


def test_api_app_over_a_given_store_without_cache() -> None:
    store = MemoryStore()
    app = create_app("memory:", store=store, cache_seconds=0)
    with LiveServer("memory:", app) as live, httpx.Client(base_url=live.url) as client:
        assert client.get("/api/facets").json()["event_types"] == []
        for doc, events in documents_and_events():
            store.put(doc, events)
        assert client.get("/api/facets").json()["event_types"][0] == {"code": "ASSAULT", "count": 3}
