"""The dashboard in real headless Chromium against a real uvicorn server.

Chromium is Debian's (``apt-get install chromium fonts-noto-cjk``); the tests skip when
it is absent. Screenshots go to test-artifacts/ (gitignored) for a person to look at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.serve.conftest import LiveServer, PageErrors
from tests.serve.samples import JA_SHELLING, SCRIPT_COMMENT

pytestmark = pytest.mark.browser

PageFixture = tuple[Any, PageErrors]


@pytest.fixture()
def page(browser: Any, server: LiveServer) -> Iterator[PageFixture]:
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = ctx.new_page()
    seen = PageErrors(pg, server.url)
    yield pg, seen
    ctx.close()


def open_map(pg: Any, url: str) -> None:
    pg.goto(url + "/#/")
    pg.wait_for_selector("#view[data-loaded='true']", timeout=15_000)


def wait_loaded(pg: Any, fragment: str) -> None:
    """Wait until the URL holds ``fragment`` and the map view has loaded for it (polled from
    Python: the CSP forbids the eval that a string predicate in the page would need)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    sync_api.expect(pg).to_have_url(re.compile(re.escape(fragment)))
    sync_api.expect(pg.locator("#view")).to_have_attribute("data-loaded", "true")


def map_events(pg: Any) -> int:
    """Points on the map, counting each cluster as the points it holds."""
    counts = pg.locator("svg.map g.cluster").evaluate_all("gs => gs.map(g => Number(g.dataset.count))")
    return int(pg.locator("svg.map circle.point").count() + sum(counts))


def choose(pg: Any, name: str, values: list[str]) -> None:
    """Tick ``values`` in the multi-select filter ``name``; closing its menu applies them."""
    menu = pg.locator(f"details.multi[data-filter='{name}']")
    menu.locator("summary").click()
    for value in values:
        menu.locator(f"input[value='{value}']").check()
    menu.locator("summary").click()


def test_browser_map_filter_event_document(page: PageFixture, server: LiveServer, artifacts: Path) -> None:
    pg, seen = page
    open_map(pg, server.url)
    assert pg.locator("svg.map path.country").count() > 150
    # Goris, Jermuk, Kharkiv (the others have no place); Goris and Jermuk, 60 km apart, drawn as one cluster
    assert pg.locator("svg.map circle.point").count() == 1
    assert pg.locator("svg.map g.cluster[data-count='2']").count() == 1
    pg.screenshot(path=str(artifacts / "dashboard-map.png"), full_page=True)

    choose(pg, "country", ["ARM"])
    wait_loaded(pg, "country=ARM")
    assert pg.locator("svg.map circle.point").count() == 2
    assert pg.locator("table.events tbody tr").count() == 2
    assert pg.locator("svg.map path.country.highlight[data-iso='ARM']").count() == 1
    assert "country=ARM" in (pg.locator("#incidents-link").get_attribute("href") or "")

    pg.locator("svg.map circle.point[data-event-id='ja_shelling#1']").first.click()
    card = pg.locator("#detail .event-card")
    card.wait_for()
    assert JA_SHELLING in card.inner_text()
    pg.screenshot(path=str(artifacts / "dashboard-filtered.png"), full_page=True)

    card.locator("a.open-doc").click()
    mark = pg.locator("mark.coded.active")
    mark.wait_for()
    assert mark.inner_text() == JA_SHELLING
    assert mark.get_attribute("data-event-ids") == "ja_shelling#1"
    assert pg.locator("#records .event-card[data-event-id='ja_shelling#1']").count() == 1
    pg.screenshot(path=str(artifacts / "document.png"), full_page=True)
    assert not seen.errors, seen.errors
    assert not seen.offsite, seen.offsite


def test_browser_comment_markup_stays_text(page: PageFixture, server: LiveServer, artifacts: Path) -> None:
    pg, seen = page
    pg.goto(server.url + "/#/doc/ja_shelling")
    pg.wait_for_selector("#comments")
    pg.locator("#comments summary").click()
    texts = pg.locator(".comment-text").all_inner_texts()
    assert SCRIPT_COMMENT in texts
    assert pg.locator("#comments script, #comments img, #comments b").count() == 0
    assert pg.evaluate("window.__pwned === undefined")
    assert "<b>reader</b>" in pg.locator(".comment-meta").all_inner_texts()[1]
    pg.screenshot(path=str(artifacts / "document-comments.png"), full_page=True)
    assert not seen.errors, seen.errors


def test_browser_incident_and_forecast_pages(page: PageFixture, server: LiveServer, artifacts: Path) -> None:
    pg, seen = page
    pg.goto(server.url + "/#/incidents")
    pg.wait_for_selector("table.incidents tbody tr")
    pg.locator("table.incidents a").first.click()
    pg.wait_for_selector(".versions .version")
    assert pg.locator(".version .event-card").count() >= 1
    pg.screenshot(path=str(artifacts / "incident.png"), full_page=True)
    pg.goto(server.url + "/#/alliances")
    pg.wait_for_selector("#status-legend")
    assert "Between members" in pg.locator("#status-legend").inner_text()
    assert "Collective Security Treaty" in pg.locator("table.alliances").inner_text()
    assert "Armenia (ARM)" in pg.locator("table.alliances").inner_text()
    pg.goto(server.url + "/#/forecasts")
    pg.wait_for_selector("table.ledger tbody tr")
    assert pg.locator("table.sources tbody tr[data-source='UKR']").count() == 1
    pg.screenshot(path=str(artifacts / "forecasts.png"), full_page=True)
    assert not seen.errors, seen.errors


def test_browser_search_documents_and_event_pages(page: PageFixture, server: LiveServer) -> None:
    pg, seen = page
    pg.goto(server.url + "/#/")
    pg.wait_for_selector("#view[data-loaded='true']")
    assert pg.evaluate("document.characterSet") == "UTF-8"
    pg.fill("#search-input", "ジェルムク")
    pg.press("#search-input", "Enter")
    pg.wait_for_selector("ol.hits li")
    kinds = set(pg.locator("ol.hits .kind").all_text_contents())
    assert kinds and kinds <= {"Headline", "Article text", "Reader comment"}
    pg.locator("ol.hits a").first.click()
    pg.wait_for_selector("article.document")
    assert "アルメニア南部に砲撃" in pg.locator("h1.doc-title").inner_text()
    pg.goto(server.url + "/#/documents")
    pg.wait_for_selector("table.docs tbody tr")
    assert pg.locator("table.docs tbody tr").count() == 3
    pg.goto(server.url + "/#/event/en_drones%231")
    pg.wait_for_selector(".event-card[data-event-id='en_drones#1']")
    pg.goto(server.url + "/#/no/such/page")
    pg.wait_for_selector("#view .error")
    assert not seen.errors, seen.errors


def test_browser_event_list_pages(browser: Any, tmp_path: Path) -> None:
    from frontwatch.records import Event
    from frontwatch.store import open_store
    from tests.serve.samples import KHARKIV, RUS, UKR, make_doc

    sentences = [f"Drone strike number {i} hit the city." for i in range(250)]
    doc = make_doc("many", [("title", "Many strikes", "en", None), ("body", " ".join(sentences), "en", None)])
    events = []
    for i, sentence in enumerate(sentences):
        start = doc.text.index(sentence)
        events.append(Event(id=f"many#{i}", doc_id="many", event="ASSAULT", text=sentence,
                            span=(start, start + len(sentence)), language="en", actor=(RUS,),
                            recipient=(UKR,), event_loc=(KHARKIV,), date=f"2024-03-{1 + i % 28:02d}"))
    store = open_store(str(tmp_path / "many.db"))
    store.put(doc, events)
    store.close()
    with LiveServer(str(tmp_path / "many.db")) as live:
        ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
        pg = ctx.new_page()
        pg.goto(live.url + "/#/")
        pg.wait_for_selector("#view[data-loaded='true']")
        assert pg.locator("table.events tbody tr").count() == 200
        # 250 events on one spot: one cluster that counts them, listing them when clicked
        assert pg.locator("svg.map circle.point").count() == 0
        cluster = pg.locator("svg.map g.cluster[data-count='250']")
        assert cluster.count() == 1
        cluster.dispatch_event("click")
        pg.wait_for_selector("#detail .many-list li")
        assert pg.locator("#detail .many-list li").count() == 250
        assert "250 events at Kharkiv" in pg.locator("#detail h3").inner_text()
        pg.locator(".pager button", has_text="Next").click()
        sync_api = pytest.importorskip("playwright.sync_api")
        sync_api.expect(pg.locator("table.events tbody tr")).to_have_count(50)
        assert "201–250 of 250" in pg.locator(".pager").inner_text()
        ctx.close()
