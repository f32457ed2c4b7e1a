"""Polling RSS/Atom feeds and fetching the article pages they announce.

One pass of :meth:`Watcher.poll` works through this cascade:

1. Every feed whose next poll is due is fetched with a conditional request
   (``If-None-Match`` from its last ETag, ``If-Modified-Since`` from its last
   ``Last-Modified``). A 304 means nothing new.
2. A 200 is parsed with feedparser. XML so broken that no entry can be read is a
   feed failure: logged, retried after a backoff, the other feeds go on.
3. Each entry whose page is not stored yet, or whose ``updated`` stamp changed since
   it was stored, is fetched (one request per host at a time, ``per_host_delay``
   apart; retries with exponential backoff on timeouts, connection errors, 429 and
   5xx) and handed to the sink, which parses, codes and stores it.
4. A page that fails is recorded with its error and the time of its next attempt;
   it never stops the other pages or feeds. A page's status is written after it is
   stored, so a restart (or a kill -9) resumes without fetching again what is stored.
5. The feed's new ETag/Last-Modified is saved only after all its entries are done, and
   dropped when a page is still to do (failed, deferred): a feed whose pages were not all
   stored is read in full at its next poll instead of answering 304.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

import feedparser

from frontwatch.errors import DataError, FetchError, FrontwatchError, ModelError
from frontwatch.ingest.decode import decode_bytes
from frontwatch.ingest.feed_dates import entry_date
from frontwatch.ingest.fetch import (
    DEFAULT_DEADLINE_S,
    DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_PER_HOST_DELAY_S,
    DEFAULT_RETRIES,
    DEFAULT_TIMEOUT_S,
    USER_AGENT,
    Fetched,
    Fetcher,
)
from frontwatch.records import RawDocument

log = logging.getLogger(__name__)

DEFAULT_INTERVAL_S = 900.0  # 15 minutes: news blogs post a few times a day; polite to their servers
DEFER_BASE_S = 300.0  # a URL that failed a whole pass waits 5 min, doubling per failure ...
DEFER_MAX_S = 6 * 3600.0  # ... up to 6 hours


@dataclass(frozen=True, slots=True)
class FeedSpec:
    name: str
    url: str
    language: str | None = None
    interval: float = DEFAULT_INTERVAL_S


@dataclass(frozen=True, slots=True)
class WatchConfig:
    feeds: tuple[FeedSpec, ...]
    per_host_delay: float = DEFAULT_PER_HOST_DELAY_S
    timeout: float = DEFAULT_TIMEOUT_S
    retries: int = DEFAULT_RETRIES
    max_bytes: int = DEFAULT_MAX_RESPONSE_BYTES
    deadline: float = DEFAULT_DEADLINE_S


@dataclass(frozen=True, slots=True)
class FeedStatus:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    last_polled: float | None = None  # unix time of the last successful poll
    failures: int = 0
    next_attempt: float = 0.0
    error: str | None = None


@dataclass(frozen=True, slots=True)
class PageStatus:
    url: str
    doc_id: str | None = None
    updated: str | None = None  # the feed entry's updated stamp when it was stored
    stored: bool = False
    failures: int = 0
    next_attempt: float = 0.0
    error: str | None = None


@dataclass(slots=True)
class WatchReport:
    feeds_polled: int = 0
    feeds_unchanged: int = 0
    feeds_failed: int = 0
    pages_stored: int = 0
    pages_skipped: int = 0  # stored before and unchanged
    pages_deferred: int = 0  # failed before; their next attempt is not due yet
    pages_failed: int = 0
    errors: list[str] = field(default_factory=list)


class WatchState(Protocol):
    """Where the watcher remembers feeds and pages between passes and restarts."""

    def feed(self, url: str) -> FeedStatus | None: ...

    def save_feed(self, status: FeedStatus) -> None: ...

    def page(self, url: str) -> PageStatus | None: ...

    def save_page(self, status: PageStatus) -> None: ...


class MemoryWatchState:
    """In-memory state for unit tests."""

    def __init__(self) -> None:
        self.feeds: dict[str, FeedStatus] = {}
        self.pages: dict[str, PageStatus] = {}

    def feed(self, url: str) -> FeedStatus | None:
        return self.feeds.get(url)

    def save_feed(self, status: FeedStatus) -> None:
        self.feeds[status.url] = status

    def page(self, url: str) -> PageStatus | None:
        return self.pages.get(url)

    def save_page(self, status: PageStatus) -> None:
        self.pages[status.url] = status


Sink = Callable[[RawDocument], str]
"""Parses, codes and stores one fetched page; returns the stored doc_id."""


def load_config(path: str | Path) -> WatchConfig:
    """Read a feeds TOML file: ``[settings]`` (optional) and ``[[feed]]`` tables."""
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DataError(f"{p}: no such feeds file") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DataError(f"{p}: not a valid TOML feeds file ({exc})") from exc
    settings = data.get("settings", {})
    feeds = []
    for n, row in enumerate(data.get("feed", []), 1):
        if not isinstance(row, dict) or not isinstance(row.get("url"), str):
            raise DataError(f"{p}: feed #{n} needs a url")
        scheme = urlsplit(row["url"]).scheme
        if scheme not in ("http", "https"):
            raise DataError(f"{p}: feed #{n} url must be http or https, not {row['url']!r}")
        feeds.append(
            FeedSpec(
                name=str(row.get("name") or row["url"]),
                url=row["url"],
                language=row.get("language"),
                interval=float(row.get("interval", settings.get("interval", DEFAULT_INTERVAL_S))),
            )
        )
    if not feeds:
        raise DataError(f"{p}: no [[feed]] entries")
    return WatchConfig(
        feeds=tuple(feeds),
        per_host_delay=float(settings.get("per_host_delay", DEFAULT_PER_HOST_DELAY_S)),
        timeout=float(settings.get("timeout", DEFAULT_TIMEOUT_S)),
        retries=int(settings.get("retries", DEFAULT_RETRIES)),
        max_bytes=int(settings.get("max_bytes", DEFAULT_MAX_RESPONSE_BYTES)),
        deadline=float(settings.get("deadline", DEFAULT_DEADLINE_S)),
    )


def _defer(failures: int, now: float) -> float:
    return now + min(DEFER_MAX_S, DEFER_BASE_S * 2.0 ** max(0, failures - 1))


def _entry_stamp(entry: feedparser.FeedParserDict) -> str | None:
    # read the raw keys: FeedParserDict.get("updated") falls back to "published" with a warning
    stamp = dict.get(entry, "updated") or dict.get(entry, "published")
    return str(stamp) if stamp else None


def _entry_date(entry: feedparser.FeedParserDict) -> dt.date | None:
    return entry_date(entry)  # the publisher's own day (feed_dates.py)


def page_text(resp: Fetched) -> tuple[str, str]:
    """The page's text and encoding: the charset the server declared, else detected from the bytes
    (many Japanese blogs declare Shift_JIS or EUC-JP only in a meta tag)."""
    declared = resp.charset_encoding
    if declared:
        try:
            return resp.content.decode(declared, errors="replace"), declared
        except LookupError:
            pass  # an unknown charset name: detect instead
    decoded = decode_bytes(resp.content)
    return decoded.text, decoded.encoding


def doc_id_for(url: str) -> str:
    """A stable, readable doc_id from a page URL: host and last path parts."""
    parts = urlsplit(url)
    path = [seg for seg in parts.path.split("/") if seg]
    tail = "_".join(path[-2:]) if path else "index"
    raw = f"{parts.netloc}_{tail}"
    if parts.query:
        raw += "_" + parts.query
    cleaned = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in raw)
    return cleaned.strip("_")[:120] or "page"


class Watcher:
    def __init__(
        self,
        config: WatchConfig,
        state: WatchState,
        fetcher: Fetcher,
        sink: Sink,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.config = config
        self.state = state
        self.fetcher = fetcher
        self.sink = sink
        self._clock = clock

    def poll(self, *, force: bool = False) -> WatchReport:
        """One pass over every due feed and its new pages."""
        report = WatchReport()
        for spec in self.config.feeds:
            status = self.state.feed(spec.url) or FeedStatus(url=spec.url)
            now = self._clock()
            if not force and now < status.next_attempt:
                continue
            polled = self._poll_feed(spec, status, report)
            if polled is None:
                continue
            entries, fresh = polled
            complete = True
            for entry in entries:
                complete = self._take_entry(spec, entry, report) and complete
            if not complete:
                # a page still to do: the next poll must read the whole feed again, not get a 304
                fresh = replace(fresh, etag=None, last_modified=None)
            self.state.save_feed(fresh)  # after its pages: a kill mid-feed leaves the feed to redo
        return report

    def _poll_feed(
        self, spec: FeedSpec, status: FeedStatus, report: WatchReport
    ) -> tuple[list[feedparser.FeedParserDict], FeedStatus] | None:
        """The feed's entries and its status to save once they are done; None when nothing to do."""
        headers = {"User-Agent": USER_AGENT}
        if status.etag:
            headers["If-None-Match"] = status.etag
        if status.last_modified:
            headers["If-Modified-Since"] = status.last_modified
        now = self._clock()
        try:
            resp = self.fetcher.get(spec.url, headers)
            if resp.status_code == 304:
                report.feeds_unchanged += 1
                self.state.save_feed(replace(status, last_polled=now, next_attempt=now + spec.interval))
                return None
            parsed = feedparser.parse(resp.content)
            usable = [e for e in parsed.entries if e.get("link")]
            if parsed.get("bozo") and not usable:
                raise FetchError(f"{spec.url}: malformed feed ({parsed.get('bozo_exception')})")
        except ModelError:
            raise
        except Exception as caught:  # one bad feed must never stop the others
            exc = caught if isinstance(caught, FrontwatchError) else FetchError(f"{spec.url}: {caught}")
            failures = status.failures + 1
            report.feeds_failed += 1
            report.errors.append(str(exc))
            log.warning("feed %s failed: %s", spec.name, exc)
            self.state.save_feed(
                replace(status, failures=failures, next_attempt=_defer(failures, now), error=str(exc))
            )
            return None
        report.feeds_polled += 1
        fresh = FeedStatus(
            url=spec.url,
            etag=resp.headers.get("ETag"),
            last_modified=resp.headers.get("Last-Modified"),
            last_polled=now,
            next_attempt=now + spec.interval,
        )
        return usable, fresh

    def _take_entry(self, spec: FeedSpec, entry: feedparser.FeedParserDict, report: WatchReport) -> bool:
        """Fetch and store the entry's page if it is new or changed; False when it is still to do."""
        link = str(entry.get("link"))
        stamp = _entry_stamp(entry)
        known = self.state.page(link)
        now = self._clock()
        if known and known.stored and known.updated == stamp:
            report.pages_skipped += 1
            return True
        if known and known.failures and now < known.next_attempt:
            report.pages_deferred += 1
            return False
        try:
            resp = self.fetcher.get(link, {"User-Agent": USER_AGENT})
            text, encoding = page_text(resp)
            raw = RawDocument(
                doc_id=known.doc_id if known and known.doc_id else doc_id_for(link),
                content=text,
                content_type="html",
                source=link,
                encoding=encoding,
                url=link,
                published=_entry_date(entry),
                published_source="feed" if _entry_date(entry) else None,
                language=spec.language,
            )
            doc_id = self.sink(raw)
        except ModelError:
            raise  # the coder cannot load: every page would fail the same way
        except Exception as exc:  # one bad page must never stop the others
            failures = (known.failures if known else 0) + 1
            report.pages_failed += 1
            report.errors.append(str(exc) if str(exc).startswith(link) else f"{link}: {exc}")
            log.warning("page %s failed: %s", link, exc)
            self.state.save_page(
                PageStatus(
                    url=link,
                    doc_id=known.doc_id if known else None,
                    updated=known.updated if known else None,
                    stored=bool(known and known.stored),
                    failures=failures,
                    next_attempt=_defer(failures, now),
                    error=str(exc),
                )
            )
            return False
        report.pages_stored += 1
        self.state.save_page(PageStatus(url=link, doc_id=doc_id, updated=stamp, stored=True))
        return True
