"""The dashboard on the demo store: the built-in corpus ingested and coded by the real
coder (GiNZA and the English pipeline), served by uvicorn, driven in headless Chromium.

Slow (the first build codes the corpus, about half a minute); the store is built once
per session in a temporary directory.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from frontwatch.serve.demo import build_demo_store, demo_paths, fingerprint
from tests.serve.conftest import LiveServer, PageErrors
from tests.serve.test_browser import choose, map_events, wait_loaded

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.ginza]

SCRIPT_TEXT = "<script>alert(1)</script>"


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    target = str(tmp_path_factory.mktemp("demo") / "demo.db")
    before = fingerprint(demo_paths())
    built = build_demo_store(target)
    assert built.stored > 10 and not built.problems
    if fingerprint(demo_paths()) == before:  # (a working tree edited meanwhile is rebuilt, rightly)
        again = build_demo_store(target)
        assert again.stored == 0 and again.reused == built.stored  # the second start codes nothing
    with LiveServer(target) as live:
        yield live


@pytest.fixture()
def demo_page(browser: Any, demo_server: LiveServer) -> Iterator[tuple[Any, PageErrors]]:
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = ctx.new_page()
    seen = PageErrors(pg, demo_server.url)
    yield pg, seen
    ctx.close()


def _busiest_located_country(url: str) -> tuple[str, int]:
    facets = httpx.get(url + "/api/facets").json()
    for c in facets["countries"]:
        geo = httpx.get(url + "/api/events", params={"country": c["code"], "format": "geojson"}).json()
        if len(geo["features"]) >= 2:
            return c["code"], len(geo["features"])
    raise AssertionError("no country with located events in the demo store")


def test_demo_browser_map_filter_event_document(
    demo_page: tuple[Any, PageErrors], demo_server: LiveServer, artifacts: Path
) -> None:
    pg, seen = demo_page
    all_points = len(httpx.get(demo_server.url + "/api/events?format=geojson&limit=5000").json()["features"])
    assert all_points >= 20
    pg.goto(demo_server.url + "/#/")
    pg.wait_for_selector("#view[data-loaded='true']", timeout=20_000)
    assert map_events(pg) == all_points
    pg.screenshot(path=str(artifacts / "demo-map.png"))

    code, n = _busiest_located_country(demo_server.url)
    choose(pg, "country", [code])
    wait_loaded(pg, f"country={code}")
    assert map_events(pg) == n
    pg.screenshot(path=str(artifacts / "demo-filtered.png"))

    if not pg.locator("svg.map circle.point").count():  # all in clusters: zoom into the first
        pg.locator("svg.map g.cluster").first.dispatch_event("click")
    point = pg.locator("svg.map circle.point").first
    event_id = point.get_attribute("data-event-id")
    point.dispatch_event("click")
    card = pg.locator(f"#detail .event-card[data-event-id='{event_id}']")
    card.wait_for()
    sentence = card.locator("blockquote").inner_text()
    card.locator("a.open-doc").click()
    mark = pg.locator("mark.coded.active")
    mark.wait_for()
    assert event_id in (mark.get_attribute("data-event-ids") or "").split()
    assert mark.inner_text().strip() == sentence.strip()
    pg.screenshot(path=str(artifacts / "demo-document.png"), full_page=True)
    # why the record exists: in words, the coder's rule and lexicon rows folded
    pg.goto(f"{demo_server.url}/#/event/{quote(event_id or '', safe='')}")
    why = pg.locator(".why .plain-why")
    why.wait_for()
    assert why.inner_text().startswith("Coded as ")
    assert pg.locator(".why details").get_attribute("open") is None
    assert not (seen.errors or seen.offsite or seen.dialogs), (seen.errors, seen.offsite, seen.dialogs)


def test_demo_browser_comment_script_stays_text(
    demo_page: tuple[Any, PageErrors], demo_server: LiveServer, artifacts: Path
) -> None:
    pg, seen = demo_page
    docs = httpx.get(demo_server.url + "/api/documents", params={"limit": 500}).json()["documents"]
    with_script = [
        d["doc_id"] for d in docs
        if any(SCRIPT_TEXT in c["text"] for c in httpx.get(f"{demo_server.url}/api/documents/{d['doc_id']}")
               .json()["comments"])
    ]
    assert with_script, "the demo corpus has a comment with markup in it"
    pg.goto(f"{demo_server.url}/#/doc/{with_script[0]}")
    pg.wait_for_selector("#comments")
    pg.locator("#comments summary").click()
    assert any(SCRIPT_TEXT in t for t in pg.locator(".comment-text").all_inner_texts())
    assert pg.locator("#comments script, #comments a, #comments b").count() == 0
    assert pg.locator("mark.coded").count() >= 1
    pg.screenshot(path=str(artifacts / "demo-comments.png"), full_page=True)
    assert not seen.dialogs and not seen.errors


def test_demo_browser_incident_forecast_pages(
    demo_page: tuple[Any, PageErrors], demo_server: LiveServer, artifacts: Path
) -> None:
    pg, seen = demo_page
    incidents = httpx.get(demo_server.url + "/api/incidents").json()["incidents"]
    contested = [i for i in incidents if i["contested"]] or incidents
    assert contested
    pg.goto(f"{demo_server.url}/#/incident/{contested[0]['id']}")
    pg.wait_for_selector(".versions .version")
    assert pg.locator(".versions .version").count() == len(contested[0]["claimants"])
    pg.screenshot(path=str(artifacts / "demo-incident.png"), full_page=True)
    pg.goto(demo_server.url + "/#/forecasts")
    pg.wait_for_selector("table.sources")
    pg.screenshot(path=str(artifacts / "demo-forecasts.png"), full_page=True)
    assert not seen.errors, seen.errors
