"""The store's small state API (``get_state``/``set_state``) and the watcher state kept in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwatch.ingest.feeds import FeedStatus, PageStatus
from frontwatch.ingest.feeds_store import StoreWatchState
from frontwatch.store import open_store


@pytest.fixture(params=["sqlite", "memory", pytest.param("postgres", marks=pytest.mark.postgres)])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "fw.db")
    if request.param == "memory":
        return "memory:"
    return str(request.getfixturevalue("fresh_pg_url"))


def test_state_round_trip_and_replace(target: str) -> None:
    store = open_store(target)
    try:
        assert store.get_state("watch.feed", "https://x.example/feed") is None
        store.set_state("watch.feed", "https://x.example/feed", {"etag": '"a"', "n": 1})
        store.set_state("watch.feed", "https://x.example/feed", {"etag": '"b"', "title": "防衛"})
        store.set_state("other", "https://x.example/feed", {"v": [1, 2]})
        assert store.get_state("watch.feed", "https://x.example/feed") == {"etag": '"b"', "title": "防衛"}
        assert store.get_state("other", "https://x.example/feed") == {"v": [1, 2]}
    finally:
        store.close()


def test_state_survives_reopen(tmp_path: Path) -> None:
    db = str(tmp_path / "fw.db")
    store = open_store(db)
    state = StoreWatchState(store)
    state.save_feed(FeedStatus(url="https://x.example/feed", etag='"v1"', last_polled=5.0, next_attempt=9.0))
    state.save_page(PageStatus(url="https://x.example/a", doc_id="x_a", updated="Tue", stored=True))
    store.close()
    store = open_store(db)
    state = StoreWatchState(store)
    try:
        assert state.feed("https://x.example/feed") == FeedStatus(
            url="https://x.example/feed", etag='"v1"', last_polled=5.0, next_attempt=9.0)
        assert state.page("https://x.example/a") == PageStatus(
            url="https://x.example/a", doc_id="x_a", updated="Tue", stored=True)
        assert state.page("https://x.example/b") is None
    finally:
        store.close()


def test_state_unknown_fields_are_ignored() -> None:
    store = open_store("memory:")
    store.set_state("watch.page", "u", {"url": "u", "stored": True, "from_the_future": 1})
    assert StoreWatchState(store).page("u") == PageStatus(url="u", stored=True)
