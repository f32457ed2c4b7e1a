"""The dashboard's analyst tools in real headless Chromium: map clusters that split as
you zoom, the timeline's range selection, downloads from each list, names with codes.

The store: nine shelling reports on one night near Goris and Kapan (34 km apart, six
at Goris on one spot), claimed by Armenia and by Azerbaijan against each other, a strike
three strikes on Kharkiv 18 months earlier, and a warning of an offensive; our own sentences.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from frontwatch.records import Entity, Event, Place
from frontwatch.store import open_store
from tests.serve.conftest import LiveServer, PageErrors
from tests.serve.samples import make_doc
from tests.serve.test_browser import choose, wait_loaded

pytestmark = pytest.mark.browser

ARM = Entity(text="Armenia", name="Armenia", code="ARM", sector="GOV")
AZE = Entity(text="Azerbaijan", name="Azerbaijan", code="AZE", sector="GOV")
RUS = Entity(text="Russian forces", name="Russia", code="RUS", sector="MIL")
UKR = Entity(text="Ukraine", name="Ukraine", code="UKR", sector="GOV")
GORIS = Place(text="Goris", name="Goris", country="ARM", lat=39.51, lon=46.34, geonameid=616629)
KAPAN = Place(text="Kapan", name="Kapan", country="ARM", lat=39.21, lon=46.41, geonameid=174895)
KHARKIV = Place(text="Kharkiv", name="Kharkiv", country="UKR", lat=49.98, lon=36.25, geonameid=706483)

NIGHT = "2023-09-12"


def _doc_events(doc_id: str, sentences: list[str], published: str, **fields: Any) -> tuple[Any, list[Event]]:
    parts = [("title", f"Report {doc_id}", "en", None), ("body", " ".join(sentences), "en", None)]
    doc = make_doc(doc_id, parts, title=f"Report {doc_id}", published=dt.date.fromisoformat(published),
                   language="en", url=f"https://example.org/{doc_id}")
    events = []
    for i, sentence in enumerate(sentences):
        start = doc.text.index(sentence)
        per = {k: (v[i] if isinstance(v, list) else v) for k, v in fields.items()}
        events.append(Event(id=f"{doc_id}#{i + 1}", doc_id=doc_id, text=sentence,
                            span=(start, start + len(sentence)), language="en", date_precision="day", **per))
    return doc, events


def fill(target: str) -> None:
    store = open_store(target)
    try:
        store.put(*_doc_events(
            "arm_mod", [f"Armenia said Azerbaijani shells hit house {i} in Goris." for i in range(6)], NIGHT,
            event="ASSAULT", actor=(AZE,), recipient=(ARM,), event_loc=(GORIS,), date=NIGHT,
            factuality="claimed", claimed_by=(ARM,), dead=[1, 0, 2, 0, 0, 1]))
        store.put(*_doc_events(
            "aze_mod", [f"Azerbaijan said Armenian fire hit its post {i} facing Kapan." for i in range(3)],
            NIGHT, event="ASSAULT", actor=(ARM,), recipient=(AZE,), event_loc=(KAPAN,), date=NIGHT,
            factuality="claimed", claimed_by=(AZE,)))
        store.put(*_doc_events(
            "kharkiv", ["Russian missiles struck a square in Kharkiv, killing 10 people.",
                        "Shelling hit a school in Kharkiv.", "A drone hit a depot in Kharkiv."], "2022-03-01",
            event="ASSAULT", actor=(RUS,), recipient=(UKR,), event_loc=(KHARKIV,), date="2022-03-01",
            dead=[10, 2, 1]))
        store.put(*_doc_events(
            "warning", ["Ukraine warned that Russian forces could strike Kharkiv in weeks."], "2023-06-01",
            event="ASSAULT", actor=(RUS,), recipient=(UKR,), date="2023-06-01", factuality="possible",
            claimed_by=(UKR,), horizon="within weeks", horizon_days=21))
    finally:
        store.close()


@pytest.fixture(scope="module")
def dash(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    target = str(tmp_path_factory.mktemp("dash") / "dash.db")
    fill(target)
    with LiveServer(target) as live:
        yield live


@pytest.fixture()
def page(browser: Any, dash: LiveServer) -> Iterator[tuple[Any, PageErrors]]:
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    pg = ctx.new_page()
    seen = PageErrors(pg, dash.url)
    yield pg, seen
    assert not (seen.errors or seen.offsite or seen.dialogs), (seen.errors, seen.offsite, seen.dialogs)
    ctx.close()


def _expect() -> Any:
    return pytest.importorskip("playwright.sync_api").expect


def test_browser_dashboard_clusters_split_as_you_zoom(page: tuple[Any, PageErrors], dash: LiveServer,
                                                      artifacts: Path) -> None:
    pg, _ = page
    pg.goto(dash.url + "/#/")
    wait_loaded(pg, "#/")
    # fitted to Kharkiv and Armenia, Goris and Kapan are one cluster of nine, Kharkiv one of three
    nine = pg.locator("svg.map g.cluster[data-count='9']")
    assert nine.count() == 1
    assert pg.locator("svg.map g.cluster[data-count='3']").get_attribute("data-place") == "Kharkiv"
    assert pg.locator("svg.map circle.point").count() == 0
    assert set(pg.locator("svg.map text.place-label").all_text_contents()) == {"Goris", "Kharkiv"}
    # the legend names only the type on the map, with its count of points
    assert pg.locator("#legend > span[data-type]").all_inner_texts() == ["ASSAULT 12"]
    pg.screenshot(path=str(artifacts / "dashboard-clusters.png"))

    nine.dispatch_event("click")  # zooms to its members: they split by place
    _expect()(pg.locator("svg.map g.cluster[data-count='6']")).to_have_count(1)
    assert pg.locator("svg.map g.cluster[data-count='3'][data-place='Kapan']").count() == 1
    assert pg.locator("svg.map g.cluster[data-count='6']").get_attribute("data-place") == "Goris"
    assert {"Goris", "Kapan"} <= set(pg.locator("svg.map text.place-label").all_text_contents())
    pg.screenshot(path=str(artifacts / "dashboard-clusters-zoomed.png"))

    # six records on one spot cannot split: the cluster lists them beside the map
    pg.locator("svg.map g.cluster[data-count='6']").dispatch_event("click")
    _expect()(pg.locator("#detail .many-list li")).to_have_count(6)
    assert pg.locator("#detail h3").inner_text() == "6 events at Goris"
    pg.locator("#detail .many-list a").first.click()
    _expect()(pg.locator("#detail .event-card")).to_have_count(1)


def test_browser_dashboard_timeline_range_filters_the_page(page: tuple[Any, PageErrors], dash: LiveServer,
                                                           artifacts: Path) -> None:
    pg, _ = page
    pg.goto(dash.url + "/#/")
    wait_loaded(pg, "#/")
    timeline = pg.locator("svg.timeline")
    # 18 months of records: weekly bars, with a y-axis
    assert timeline.get_attribute("data-bucket") == "week"
    assert pg.locator("svg.timeline .y-tick").all_text_contents()[:2] == ["0", "5"]
    assert pg.locator("table.events tbody tr").count() == 13
    box = timeline.bounding_box()
    y = box["y"] + box["height"] * 0.5
    pg.mouse.move(box["x"] + box["width"] * 0.93, y)
    pg.mouse.down()
    pg.mouse.move(box["x"] + box["width"] * 0.97, y, steps=5)
    pg.mouse.move(box["x"] + box["width"] - 2, y, steps=5)
    pg.mouse.up()
    # the dates of the whole week under the band, and the rest of the page follows
    wait_loaded(pg, "date_from=2023-09-11&date_to=2023-09-17")
    # data-loaded can still be the previous load's "true": let the table catch up before counting
    pytest.importorskip("playwright.sync_api").expect(pg.locator("table.events tbody tr")).to_have_count(9)
    assert pg.locator("svg.map g.cluster[data-count='9'], svg.map g.cluster[data-count='6']").count() >= 1
    assert pg.locator("svg.map g.cluster[data-place='Kharkiv']").count() == 0
    assert pg.locator("svg.timeline rect.selection").count() == 1  # the range stays shaded
    assert "date_from=2023-09-11" in (pg.locator("#incidents-link").get_attribute("href") or "")
    pg.screenshot(path=str(artifacts / "dashboard-timeline-range.png"), full_page=True)
    pg.locator("#clear-range").click()
    wait_loaded(pg, "#/")
    _expect()(pg.locator("table.events tbody tr")).to_have_count(13)


def test_browser_dashboard_multi_select_and_deaths_filters(page: tuple[Any, PageErrors],
                                                           dash: LiveServer) -> None:
    pg, _ = page
    pg.goto(dash.url + "/#/")
    wait_loaded(pg, "#/")
    choose(pg, "claimed_by", ["ARM", "AZE"])  # both sides' claims: the nine shelling reports
    wait_loaded(pg, "claimed_by=ARM&claimed_by=AZE")
    assert pg.locator("table.events tbody tr").count() == 9
    summary = pg.locator("details.multi[data-filter='claimed_by'] summary")
    assert summary.inner_text() == "Claimed by: 2 chosen"
    pg.select_option("select[name=dead_min]", "1")
    wait_loaded(pg, "dead_min=1")
    rows = pg.locator("table.events tbody tr").evaluate_all("rs => rs.map(r => r.dataset.eventId)")
    assert sorted(rows) == ["arm_mod#1", "arm_mod#3", "arm_mod#6"]
    choose(pg, "actor", ["RUS"])  # Russia as actor, with the claims above: nothing
    wait_loaded(pg, "actor=RUS")
    assert pg.locator("#event-list").inner_text() == "No events match these filters."
    pg.goto(dash.url + "/#/?recipient=UKR&source=example.org")
    wait_loaded(pg, "recipient=UKR")
    assert pg.locator("table.events tbody tr").count() == 4


def _download(pg: Any, link: Any) -> tuple[str, str]:
    with pg.expect_download() as info:
        link.click()
    download = info.value
    return download.suggested_filename, Path(download.path()).read_text(encoding="utf-8")


def test_browser_dashboard_downloads_from_every_list(page: tuple[Any, PageErrors], dash: LiveServer) -> None:
    pg, _ = page
    pg.goto(dash.url + "/#/?country=AZE&event=ASSAULT")
    wait_loaded(pg, "country=AZE")
    name, text = _download(pg, pg.locator("#event-exports a[data-format='csv']"))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert name == "events.csv" and len(rows) == 9
    assert {r["actor_name"] for r in rows} == {"Azerbaijan", "Armenia"}
    assert {r["source_url"] for r in rows} == {"https://example.org/arm_mod", "https://example.org/aze_mod"}
    name, text = _download(pg, pg.locator("#event-exports a[data-format='geojson']"))
    geo = json.loads(text)
    assert name == "events.geojson" and len(geo["features"]) == 9
    assert {f["properties"]["place"] for f in geo["features"]} == {"Goris", "Kapan"}

    pg.goto(dash.url + "/#/incidents?country=AZE")
    pg.wait_for_selector("table.incidents tbody tr")
    name, text = _download(pg, pg.locator("[data-export='incidents'] a[data-format='csv']"))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert name == "incidents.csv" and len(rows) == 9
    assert {r["claimant_name"] for r in rows} == {"Armenia", "Azerbaijan"} and rows[0]["contested"] == "true"

    pg.goto(dash.url + "/#/forecasts")
    pg.wait_for_selector("table.ledger tbody tr")
    name, text = _download(pg, pg.locator("[data-export='forecasts'] a[data-format='jsonl']"))
    records = [json.loads(line) for line in text.splitlines()]
    assert name == "forecasts.jsonl" and [r["id"] for r in records] == ["warning#1"]
    assert records[0]["factuality"] == "possible" and records[0]["actor"][0]["code"] == "RUS"


def test_browser_dashboard_names_with_codes(page: tuple[Any, PageErrors], dash: LiveServer,
                                            artifacts: Path) -> None:
    pg, _ = page
    pg.goto(dash.url + "/#/")
    wait_loaded(pg, "#/")
    who = pg.locator("table.events tbody td.who").all_inner_texts()
    assert "Azerbaijan (AZE) → Armenia (ARM)" in who and "Russia (RUS) → Ukraine (UKR)" in who
    # sortable: Dead, highest first on the second click
    pg.locator("table.events th button.sort", has_text="Dead").click()
    pg.locator("table.events th button.sort", has_text="Dead").click()
    assert pg.locator("table.events tbody tr").first.get_attribute("data-event-id") == "kharkiv#1"

    pg.goto(dash.url + "/#/incidents")
    pg.wait_for_selector("table.incidents tbody tr")
    pg.locator("table.incidents tr", has_text="contested").locator("a").click()
    pg.wait_for_selector(".versions .version")
    headings = pg.locator(".version h3").all_inner_texts()
    assert sorted(headings) == ["According to Armenia (ARM)", "According to Azerbaijan (AZE)"]
    plain = pg.locator("ul.explanations li").all_inner_texts()
    joined = "both are between Armenia (ARM) and Azerbaijan (AZE), on the same day (2023-09-12)"
    assert any(joined in x for x in plain)
    assert pg.locator("details.reasons").get_attribute("open") is None  # the developer detail is folded
    pg.screenshot(path=str(artifacts / "dashboard-incident-names.png"), full_page=True)

    pg.goto(dash.url + "/#/forecasts")
    pg.wait_for_selector("table.ledger tbody tr")
    assert pg.locator("#as-of").inner_text().startswith("Outcomes judged as of 2023-09-12")
    assert pg.locator("table.ledger tbody td").nth(1).inner_text() == "Ukraine (UKR)"
    pg.screenshot(path=str(artifacts / "dashboard-forecasts.png"), full_page=True)


def test_browser_dashboard_forecasts_a_page_at_a_time(browser: Any, tmp_path: Path) -> None:
    """205 warnings, one a day: the ledger shows the newest 200, then the 5 oldest, and each
    page's download holds that page's warnings."""
    target = str(tmp_path / "warnings.db")
    store = open_store(target)
    try:
        for i in range(205):
            day = (dt.date(2023, 1, 1) + dt.timedelta(days=i)).isoformat()
            store.put(*_doc_events(
                f"w{i:03d}", [f"Ukraine warned that Russian forces could strike Kharkiv in {i + 1} days."],
                day, event="ASSAULT", actor=(RUS,), recipient=(UKR,), date=day, factuality="possible",
                claimed_by=(UKR,), horizon="within days", horizon_days=i + 1))
    finally:
        store.close()
    with LiveServer(target) as live:
        ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        pg = ctx.new_page()
        seen = PageErrors(pg, live.url)
        pg.goto(live.url + "/#/forecasts")
        pg.wait_for_selector("table.ledger tbody tr")
        assert pg.locator("table.ledger tbody tr").count() == 200
        assert pg.locator(".pager").first.inner_text().startswith("Warnings 1–200 of 205.")
        assert pg.locator("table.ledger tbody tr").first.get_attribute("data-forecast-id") == "w204#1"
        pg.locator(".pager a", has_text="Older").first.click()
        _expect()(pg.locator("table.ledger tbody tr")).to_have_count(5)
        assert pg.locator(".pager").first.inner_text().startswith("Warnings 201–205 of 205.")
        name, text = _download(pg, pg.locator("[data-export='forecasts'] a[data-format='jsonl']"))
        ids = [json.loads(line)["id"] for line in text.splitlines()]
        assert name == "forecasts.jsonl" and ids == ["w004#1", "w003#1", "w002#1", "w001#1", "w000#1"]
        assert not (seen.errors or seen.offsite or seen.dialogs), (seen.errors, seen.offsite, seen.dialogs)
        ctx.close()
