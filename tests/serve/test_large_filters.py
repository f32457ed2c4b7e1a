"""Language, source and least-deaths filters on an archive larger than the serve layer's scan:
the API answers them from the store over every event, and the dashboard writes a count the API
stopped at as "10,000+".

The store: 20,000 recent Japanese reports from one site (1,234 of them with two dead), then 12
older English ones from another site, three with five dead: older than the newest 20,000, so a
filter over a scan of the newest events would never reach them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from frontwatch.cli import app
from frontwatch.query import SCAN_CAP
from frontwatch.records import Event
from frontwatch.serve.api import COUNT_CAP
from frontwatch.store import open_store
from tests.serve.conftest import LiveServer, PageErrors
from tests.serve.samples import make_doc
from tests.serve.test_browser import wait_loaded

RECENT, PER_DOC, WITH_DEAD, OLD, OLD_DEAD = SCAN_CAP, 1000, 1234, 12, 3
SENTENCE = {"ja": "砲撃があった。", "en": "Shelling hit the town."}


def _events(doc_id: str, n: int, language: str, day: dt.date, dead: list[int | None]) -> list[Event]:
    return [Event(id=f"{doc_id}#{i + 1}", doc_id=doc_id, event="ASSAULT", text=SENTENCE[language],
                  span=(0, len(SENTENCE[language])), language=language, date=day.isoformat(),
                  date_precision="day", dead=dead[i]) for i in range(n)]


def fill(target: str) -> None:
    store = open_store(target)
    try:
        for d in range(RECENT // PER_DOC):
            day = dt.date(2024, 1, 1) + dt.timedelta(days=d)
            doc = make_doc(f"new{d:02d}", [("title", f"砲撃 {d}", "ja", None)], published=day, language="ja",
                           url=f"https://www.news.example.jp/{d}")
            dead = [2 if d * PER_DOC + i < WITH_DEAD else None for i in range(PER_DOC)]
            assert store.put(doc, _events(doc.doc_id, PER_DOC, "ja", day, dead)) == "stored"
        day = dt.date(2020, 5, 1)
        doc = make_doc("old", [("title", "Shelling", "en", None)], published=day, language="en",
                       url="https://old.example.com/old")
        dead_old = [5 if i < OLD_DEAD else None for i in range(OLD)]
        assert store.put(doc, _events("old", OLD, "en", day, dead_old)) == "stored"
    finally:
        store.close()


@pytest.fixture(scope="module")
def big_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    target = str(tmp_path_factory.mktemp("large") / "large.db")
    fill(target)
    return target


@pytest.fixture(scope="module")
def live(big_db: str) -> Iterator[LiveServer]:
    with LiveServer(big_db) as server:
        yield server


def _get(live: LiveServer, **params: Any) -> dict[str, Any]:
    resp = httpx.get(live.url + "/api/events", params={"limit": 500, **params}, timeout=60)
    resp.raise_for_status()
    body: dict[str, Any] = resp.json()
    return body


def test_filters_reach_events_older_than_the_newest_scan(live: LiveServer) -> None:
    old_ids = sorted(f"old#{i + 1}" for i in range(OLD))  # same day: in id order
    for params in ({"language": "en"}, {"source": "old.example.com"},
                   {"source": "old.example.com", "language": "en,ja"}):
        body = _get(live, **params)
        assert (body["total"], body["total_exact"]) == (OLD, True), params
        assert [e["id"] for e in body["events"]] == old_ids
    deadly = _get(live, dead_min=5)
    assert [e["id"] for e in deadly["events"]] == ["old#1", "old#2", "old#3"] and deadly["total_exact"]
    some = _get(live, dead_min=1, limit=10, offset=WITH_DEAD)
    assert some["total"] == WITH_DEAD + OLD_DEAD
    assert [e["id"] for e in some["events"]] == ["old#1", "old#2", "old#3"]
    assert _get(live, source="news.example.jp", language="en")["total"] == 0
    everything = _get(live)
    assert (everything["total"], everything["total_exact"]) == (COUNT_CAP, False)
    tl = httpx.get(live.url + "/api/timeline", params={"language": "en"}, timeout=60).json()
    assert [(b["date"], b["total"]) for b in tl["buckets"]] == [("2020-05-01", OLD)]


@pytest.mark.browser
def test_browser_counts_capped_and_exact(browser: Any, live: LiveServer) -> None:
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = ctx.new_page()
    seen = PageErrors(pg, live.url)
    try:
        pg.goto(live.url + "/#/")
        wait_loaded(pg, "#/")
        pager = pg.locator("#event-list .pager span").inner_text()
        assert pager == "Events 1–200 of 10,000+. "
        assert pg.locator("#event-list button", has_text="Next").count() == 1
        pg.goto(live.url + "/#/?dead_min=1")
        wait_loaded(pg, "dead_min=1")
        assert pg.locator("#event-list .pager span").inner_text() == "Events 1–200 of 1,237. "
        pg.goto(live.url + "/#/?language=en")
        wait_loaded(pg, "language=en")
        assert pg.locator("#event-list p").first.inner_text().startswith("12 events.")
        assert pg.locator("table.events tbody tr").count() == OLD
    finally:
        ctx.close()
    assert not (seen.errors or seen.offsite or seen.dialogs), (seen.errors, seen.offsite, seen.dialogs)


def test_cli_events_takes_the_same_filters(big_db: str) -> None:
    def listed(*args: str) -> list[str]:
        result = CliRunner().invoke(app, ["events", "--db", big_db, "--limit", "50", "-f", "jsonl", *args])
        assert result.exit_code == 0, result.output
        return [json.loads(line)["id"] for line in result.output.splitlines() if line.strip()]

    assert listed("--language", "en") == sorted(f"old#{i + 1}" for i in range(OLD))
    assert listed("--source", "old.example.com", "--dead-min", "5") == ["old#1", "old#2", "old#3"]
    assert listed("--source", "news.example.jp", "--language", "en") == []
    bad = CliRunner().invoke(app, ["events", "--db", big_db, "--language", "e n"])
    assert bad.exit_code == 2 and "--language e n is not a language code" in bad.output
