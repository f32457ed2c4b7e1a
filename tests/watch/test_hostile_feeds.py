"""Hostile servers on 127.0.0.1: each failure is that feed's or page's alone (issue 15, items 2-3)."""

from __future__ import annotations

import time

import httpx
import pytest

from frontwatch.errors import FetchError
from frontwatch.ingest.feeds import (
    FeedSpec,
    MemoryWatchState,
    WatchConfig,
    Watcher,
    load_config,
)
from frontwatch.ingest.fetch import Fetcher
from frontwatch.records import RawDocument

from .conftest import FeedServer, Route, page, rss

DATE = "Tue, 05 Mar 2024 09:00:00 +0000"


def _sink(docs: list[RawDocument]):  # type: ignore[no-untyped-def]
    def sink(raw: RawDocument) -> str:
        docs.append(raw)
        return raw.doc_id
    return sink


def _watcher(fs: FeedServer, feeds: tuple[str, ...], state: MemoryWatchState, docs: list[RawDocument],
             **fetch: float) -> Watcher:
    config = WatchConfig(feeds=tuple(FeedSpec(name=f, url=fs.url(f)) for f in feeds), per_host_delay=0.0)
    fetcher = Fetcher(httpx.Client(timeout=5), per_host_delay=0.0, retries=2, backoff_base=0.01,
                      **fetch)  # type: ignore[arg-type]
    return Watcher(config, state, fetcher, _sink(docs))


def test_redirect_looping_feed_fails_alone_and_state_is_saved(feed_server: FeedServer) -> None:
    fs = feed_server
    fs.routes["/loop.xml"] = Route(status=302, headers={"Location": "/loop.xml"})
    fs.routes["/good.xml"] = Route(rss(fs.base, [("/a/1", "一", DATE)]), etag='"g1"')
    fs.routes["/a/1"] = Route(page("一", "砲撃があった。"))
    state, docs = MemoryWatchState(), []
    report = _watcher(fs, ("/loop.xml", "/good.xml"), state, docs).poll(force=True)
    assert report.feeds_failed == 1 and report.feeds_polled == 1 and report.pages_stored == 1
    assert "redirect" in report.errors[0] and fs.url("/loop.xml") in report.errors[0]
    looping = state.feed(fs.url("/loop.xml"))
    assert looping is not None and looping.failures == 1 and "redirect" in (looping.error or "")
    assert state.feed(fs.url("/good.xml")) is not None


def test_undecodable_page_is_that_page_failure(feed_server: FeedServer) -> None:
    fs = feed_server
    fs.routes["/feed.xml"] = Route(rss(fs.base, [("/bad", "壊", DATE), ("/ok", "良", DATE)]))
    fs.routes["/bad"] = Route(b"this is not gzip at all", headers={"Content-Encoding": "gzip"})
    fs.routes["/ok"] = Route(page("良", "会談が行われた。"))
    state, docs = MemoryWatchState(), []
    report = _watcher(fs, ("/feed.xml",), state, docs).poll(force=True)
    assert report.pages_failed == 1 and report.pages_stored == 1
    assert "cannot be decoded" in report.errors[0]
    assert [d.url for d in docs] == [fs.url("/ok")]


def test_oversize_page_is_refused_at_the_cap(feed_server: FeedServer) -> None:
    from frontwatch.ingest.fetch import DEFAULT_MAX_RESPONSE_BYTES

    fs = feed_server
    big = page("大", "砲撃。" * 200_000)  # about 1.8 MB
    fs.routes["/feed.xml"] = Route(rss(fs.base, [("/big", "大", DATE), ("/big-unannounced", "大", DATE)]))
    fs.routes["/big"] = Route(big)
    fs.routes["/big-unannounced"] = Route(big, length=False)
    state, docs = MemoryWatchState(), []
    report = _watcher(fs, ("/feed.xml",), state, docs, max_bytes=1_000_000).poll(force=True)
    assert report.pages_failed == 2 and not docs
    assert all("too large" in e for e in report.errors)
    assert DEFAULT_MAX_RESPONSE_BYTES < 50 * 1024 * 1024  # well under the file limit


def test_oversize_body_without_length_is_cut_while_read(feed_server: FeedServer) -> None:
    fs = feed_server
    fs.routes["/lying"] = Route(b"x" * 300_000, length=False)  # no Content-Length to refuse it by
    fetcher = Fetcher(httpx.Client(timeout=5), per_host_delay=0.0, retries=1, max_bytes=100_000)
    with pytest.raises(FetchError, match="too large"):
        fetcher.get(fs.url("/lying"))


def test_trickling_server_is_cut_off_at_the_deadline(feed_server: FeedServer) -> None:
    fs = feed_server
    fs.routes["/slow"] = Route(b"<html>" + b"x" * 200, trickle=0.05)  # 10 s in all, a byte each 50 ms
    fetcher = Fetcher(httpx.Client(timeout=5), per_host_delay=0.0, retries=1, deadline=1.0)
    started = time.monotonic()
    with pytest.raises(FetchError, match="deadline"):
        fetcher.get(fs.url("/slow"))
    assert time.monotonic() - started < 4.0


def test_watch_settings_read_byte_cap_and_deadline(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "feeds.toml"
    path.write_text('[settings]\nmax_bytes = 2000000\ndeadline = 30\n[[feed]]\nurl = "https://e.jp/f"\n',
                    encoding="utf-8")
    config = load_config(path)
    assert (config.max_bytes, config.deadline) == (2_000_000, 30.0)
