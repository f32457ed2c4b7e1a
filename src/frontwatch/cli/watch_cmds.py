"""``frontwatch watch``: poll RSS/Atom feeds, fetch new article pages, code and store them."""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Annotated

import typer
from rich.text import Text

from frontwatch.cli.app import EXIT_PARTIAL, DbOption, app, console, err_console, open_db, reporting_errors
from frontwatch.ingest.feeds import FeedStatus, WatchConfig, Watcher, WatchReport, load_config
from frontwatch.ingest.fetch import Fetcher
from frontwatch.records import IngestResult

# The loop never sleeps less than this between passes (a feed due "now" after a failure
# backoff waits at least this long) nor more, so Ctrl-C and newly due feeds are noticed.
MIN_SLEEP_S = 1.0
MAX_SLEEP_S = 60.0


@app.command()
def watch(
    feeds: Annotated[str, typer.Argument(help="A TOML file of [[feed]] tables (url, name, language, "
                                         "interval) and optional [settings].", show_default=False)],
    db: DbOption = None,
    once: Annotated[bool, typer.Option("--once", help="Poll every feed once, store what is new, exit.")]
    = False,
    no_code: Annotated[bool, typer.Option("--no-code", help="Store pages without coding events.")] = False,
) -> None:
    """Poll feeds and store the new and changed articles they announce, coded, until Ctrl-C.

    Conditional requests (ETag, Last-Modified), a delay between requests to one host, retries
    with backoff; a failing feed or page is reported and retried later. What was fetched is
    remembered in the store, so a restart does not fetch it again. Exit status 1 when --once
    met a failure."""
    import logging

    import httpx

    from frontwatch.ingest.feeds_store import StoreSink, StoreWatchState
    from frontwatch.ingest.run import build_coder, default_coder

    # the watcher logs each failure for library users; here the report prints them once
    logging.getLogger("frontwatch.ingest.feeds").addHandler(logging.NullHandler())
    with reporting_errors():
        config = load_config(feeds)
        with open_db(db) as store, httpx.Client(timeout=config.timeout) as client:
            factory = None
            if not no_code:
                coder = build_coder(default_coder)  # a coder that cannot load stops us before any fetch
                factory = lambda: coder  # noqa: E731
            sink = StoreSink(store, factory, on_result=_print_result)
            fetcher = Fetcher(client, per_host_delay=config.per_host_delay, retries=config.retries,
                              max_bytes=config.max_bytes, deadline=config.deadline)
            watcher = Watcher(config, StoreWatchState(store), fetcher, sink)
            if once:
                report = watcher.poll(force=True)
                _print_report(report)
                if report.feeds_failed or report.pages_failed:
                    raise typer.Exit(EXIT_PARTIAL)
                return
            _loop(watcher, config)


def _loop(watcher: Watcher, config: WatchConfig) -> None:
    console.print(f"watching {len(config.feeds)} feed{'s' if len(config.feeds) != 1 else ''}; Ctrl-C to stop")
    stored = passes = 0
    with _stop_on_sigterm():
        try:
            while True:
                report = watcher.poll()
                passes += 1
                stored += report.pages_stored
                if report.feeds_polled or report.feeds_unchanged or report.feeds_failed:
                    _print_report(report)
                time.sleep(_until_next(watcher, config))
        except KeyboardInterrupt:
            console.print(f"stopped after {passes} pass{'es' if passes != 1 else ''}; "
                          f"{stored} page{'s' if stored != 1 else ''} stored in this run")


def _until_next(watcher: Watcher, config: WatchConfig) -> float:
    """Seconds until the earliest feed is due again, within [MIN_SLEEP_S, MAX_SLEEP_S]."""
    now = time.time()
    due = [(watcher.state.feed(f.url) or FeedStatus(url=f.url)).next_attempt for f in config.feeds]
    return min(MAX_SLEEP_S, max(MIN_SLEEP_S, min(due) - now))


@contextmanager
def _stop_on_sigterm() -> Iterator[None]:
    """SIGTERM (a service manager stopping us) ends the loop like Ctrl-C does."""

    def raise_interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, raise_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _print_result(result: IngestResult) -> None:
    if result.status == "failed":
        return  # the watcher reports it with the page's URL
    label = {"stored": "stored", "new_version": "new version", "duplicate": "unchanged"}[result.status]
    line = Text(f"{label} ", style="green" if result.status != "duplicate" else "dim")
    events = f"{result.events} event{'s' if result.events != 1 else ''}"
    line += Text(f"{result.doc_id} ({events}) {result.source}")
    console.print(line, soft_wrap=True)


def _print_report(report: WatchReport) -> None:
    for problem in report.errors:
        err_console.print(Text("warning: ", style="bold yellow") + Text(problem), soft_wrap=True)
    stamp = time.strftime("%H:%M:%S")
    console.print(
        f"{stamp} feeds: {report.feeds_polled} read, {report.feeds_unchanged} unchanged, "
        f"{report.feeds_failed} failed; pages: {report.pages_stored} stored, "
        f"{report.pages_skipped} already stored, {report.pages_failed} failed, "
        f"{report.pages_deferred} waiting to retry",
        soft_wrap=True,
    )
