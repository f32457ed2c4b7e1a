"""The feed watcher against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import httpx
import pytest

from frontwatch.errors import DataError, FetchError
from frontwatch.ingest.feeds import (
    FeedSpec,
    MemoryWatchState,
    WatchConfig,
    Watcher,
    doc_id_for,
    load_config,
)
from frontwatch.ingest.fetch import Fetcher
from frontwatch.records import RawDocument

from .conftest import FeedServer, Route, page, rss

DATE = "Tue, 05 Mar 2024 09:00:00 +0000"


class Collect:
    """The sink: records what the watcher hands on (the CLI's sink stores it)."""

    def __init__(self, fail_on: str | None = None) -> None:
        self.docs: list[RawDocument] = []
        self.fail_on = fail_on

    def __call__(self, raw: RawDocument) -> str:
        if self.fail_on and self.fail_on in raw.content:
            raise ValueError("parser refused the page")
        self.docs.append(raw)
        return raw.doc_id


def make_watcher(fs: FeedServer, sink: Collect, state: MemoryWatchState | None = None,
                 feeds: tuple[str, ...] = ("/feed.xml",), timeout: float = 5.0) -> Watcher:
    config = WatchConfig(feeds=tuple(FeedSpec(name=f, url=fs.url(f), language="ja") for f in feeds),
                         per_host_delay=0.0, timeout=timeout, retries=3)
    client = httpx.Client(timeout=timeout)
    fetcher = Fetcher(client, per_host_delay=0.0, retries=3, backoff_base=0.01)
    return Watcher(config, state or MemoryWatchState(), fetcher, sink)


def test_feeds_new_pages_fetched_once_then_conditional(feed_server: FeedServer) -> None:
    fs = feed_server
    fs.routes["/feed.xml"] = Route(rss(fs.base, [("/a/1", "一", DATE), ("/a/2", "二", DATE)]),
                                   content_type="application/rss+xml", etag='"v1"')
    fs.routes["/a/1"] = Route(page("一", "砲撃があった。"))
    fs.routes["/a/2"] = Route(page("二", "会談が行われた。"))
    sink = Collect()
    state = MemoryWatchState()
    w = make_watcher(fs, sink, state)
    first = w.poll(force=True)
    assert (first.feeds_polled, first.pages_stored, first.pages_failed) == (1, 2, 0)
    assert [d.url for d in sink.docs] == [fs.url("/a/1"), fs.url("/a/2")]
    assert sink.docs[0].published == dt.date(2024, 3, 5)
    assert sink.docs[0].content_type == "html" and "砲撃" in sink.docs[0].content

    second = w.poll(force=True)
    assert second.feeds_unchanged == 1 and second.pages_stored == 0
    # the second feed request was conditional and the pages were not fetched again
    assert fs.hits[-1][1].get("If-None-Match") == '"v1"'
    assert fs.count("/a/1") == 1 and fs.count("/a/2") == 1


def test_feeds_restart_resumes_without_refetching(feed_server: FeedServer) -> None:
    fs = feed_server
    fs.routes["/feed.xml"] = Route(rss(fs.base, [("/a/1", "一", DATE)]))
    fs.routes["/a/1"] = Route(page("一", "本文"))
    state = MemoryWatchState()
    make_watcher(fs, Collect(), state).poll(force=True)
    # a new watcher (a restarted process) with the same state
    again = make_watcher(fs, Collect(), state).poll(force=True)
    assert again.pages_skipped == 1 and fs.count("/a/1") == 1


def test_feeds_server_errors_retried_then_succeed(feed_server: FeedServer) -> None:
    fs = feed_server
    fs.routes["/feed.xml"] = Route(rss(fs.base, [("/a/1", "一", DATE)]), fail_times=2)
    fs.routes["/a/1"] = Route(page("一", "本文"), fail_times=1)
    sink = Collect()
    report = make_watcher(fs, sink).poll(force=True)
    assert report.pages_stored == 1 and report.feeds_failed == 0
    assert fs.count("/feed.xml") == 3 and fs.count("/a/1") == 2


def test_feeds_failing_page_never_stops_others_and_is_retried_later(feed_server: FeedServer) -> None:
    fs = feed_server
    fs.routes["/feed.xml"] = Route(rss(fs.base, [("/bad", "壊", DATE), ("/good", "良", DATE)]))
    fs.routes["/bad"] = Route(page("壊", "x"), fail_times=100)
    fs.routes["/good"] = Route(page("良", "本文"))
    state = MemoryWatchState()
    sink = Collect()
    report = make_watcher(fs, sink, state).poll(force=True)
    assert report.pages_stored == 1 and report.pages_failed == 1
    bad = state.page(fs.url("/bad"))
    assert bad is not None and not bad.stored and bad.failures == 1 and "HTTP 500" in (bad.error or "")
    # deferred: the next immediate pass does not hammer it
    hits = fs.count("/bad")
    make_watcher(fs, sink, state).poll(force=True)
    assert fs.count("/bad") == hits
    # once the server recovers and the deferral is over, it is fetched and stored
    fs.routes["/bad"].fail_times = 0
    state.save_page(bad.__class__(url=bad.url, failures=1, next_attempt=0.0))
    later = make_watcher(fs, sink, state).poll(force=True)
    assert later.pages_stored == 1 and state.page(fs.url("/bad")).stored  # type: ignore[union-attr]


def test_feeds_sink_error_is_logged_not_raised(feed_server: FeedServer) -> None:
    fs = feed_server
    fs.routes["/feed.xml"] = Route(rss(fs.base, [("/a/1", "一", DATE), ("/a/2", "二", DATE)]))
    fs.routes["/a/1"] = Route(page("一", "POISON"))
    fs.routes["/a/2"] = Route(page("二", "本文"))
    report = make_watcher(fs, Collect(fail_on="POISON")).poll(force=True)
    assert report.pages_stored == 1 and report.pages_failed == 1
    assert "parser refused" in report.errors[0]


def test_feeds_malformed_xml_fails_that_feed_only(feed_server: FeedServer) -> None:
    fs = feed_server
    fs.routes["/broken.xml"] = Route(b"<rss><channel><item><title>oops</ti", content_type="application/xml")
    fs.routes["/feed.xml"] = Route(rss(fs.base, [("/a/1", "一", DATE)]))
    fs.routes["/a/1"] = Route(page("一", "本文"))
    state = MemoryWatchState()
    report = make_watcher(fs, Collect(), state, feeds=("/broken.xml", "/feed.xml")).poll(force=True)
    assert report.feeds_failed == 1 and report.feeds_polled == 1 and report.pages_stored == 1
    broken = state.feed(fs.url("/broken.xml"))
    assert broken is not None and broken.failures == 1 and "malformed" in (broken.error or "")
    assert broken.next_attempt > 0


def test_feeds_slow_response_times_out_and_is_deferred(feed_server: FeedServer) -> None:
    fs = feed_server
    fs.routes["/feed.xml"] = Route(rss(fs.base, [("/slow", "遅", DATE)]))
    fs.routes["/slow"] = Route(page("遅", "本文"), delay=1.5)
    state = MemoryWatchState()
    w = make_watcher(fs, Collect(), state, timeout=0.3)
    report = w.poll(force=True)
    assert report.pages_failed == 1
    assert "timed out" in (state.page(fs.url("/slow")).error or "")  # type: ignore[union-attr]


def test_feeds_changed_entry_is_fetched_again(feed_server: FeedServer) -> None:
    fs = feed_server
    fs.routes["/feed.xml"] = Route(rss(fs.base, [("/a/1", "一", DATE)]))
    fs.routes["/a/1"] = Route(page("一", "第一報"))
    sink = Collect()
    state = MemoryWatchState()
    make_watcher(fs, sink, state).poll(force=True)
    fs.routes["/feed.xml"] = Route(rss(fs.base, [("/a/1", "一", "Wed, 06 Mar 2024 09:00:00 +0000")]))
    fs.routes["/a/1"] = Route(page("一", "続報"))
    report = make_watcher(fs, sink, state).poll(force=True)
    assert report.pages_stored == 1
    assert [("続報" in d.content) for d in sink.docs] == [False, True]
    assert sink.docs[0].doc_id == sink.docs[1].doc_id  # same document, a new version


def test_feeds_per_host_delay_spaces_requests(feed_server: FeedServer) -> None:
    fs = feed_server
    fs.routes["/1"] = Route(b"ok")
    fs.routes["/2"] = Route(b"ok")
    slept: list[float] = []
    now = [100.0]
    fetcher = Fetcher(httpx.Client(timeout=5), per_host_delay=2.0, sleep=slept.append, clock=lambda: now[0])
    fetcher.get(fs.url("/1"))
    fetcher.get(fs.url("/2"))
    # the same server under another host name is another host
    fetcher.get(fs.url("/1").replace("127.0.0.1", "localhost"))
    assert slept == [2.0]


def test_feeds_client_error_not_retried(feed_server: FeedServer) -> None:
    fetcher = Fetcher(httpx.Client(timeout=5), per_host_delay=0, sleep=lambda s: None)
    with pytest.raises(FetchError, match="HTTP 404"):
        fetcher.get(feed_server.url("/missing"))
    assert feed_server.count("/missing") == 1


def test_feeds_config_errors_are_clear(tmp_path: Path) -> None:
    bad = tmp_path / "feeds.toml"
    bad.write_text("[[feed]]\nname = 'x'\n", encoding="utf-8")
    with pytest.raises(DataError, match="needs a url"):
        load_config(bad)
    bad.write_text("[[feed]]\nurl = 'ftp://x/feed'\n", encoding="utf-8")
    with pytest.raises(DataError, match="http or https"):
        load_config(bad)
    with pytest.raises(DataError, match="no such feeds file"):
        load_config(tmp_path / "none.toml")
    good = tmp_path / "ok.toml"
    good.write_text("[settings]\nper_host_delay = 1.5\n[[feed]]\nurl = 'https://x.example/feed'\n"
                    "language = 'ja'\ninterval = 60\n", encoding="utf-8")
    cfg = load_config(good)
    assert cfg.per_host_delay == 1.5 and cfg.feeds[0].interval == 60 and cfg.feeds[0].language == "ja"


def test_feeds_doc_id_for_is_stable_and_safe() -> None:
    assert doc_id_for("https://news.example.jp/archives/2024/12345") == "news.example.jp_2024_12345"
    assert doc_id_for("https://x.example/") == "x.example_index"
    assert "/" not in doc_id_for("https://x.example/a?b=c/d")
