"""Document ids with '/', '?', '#', '%' and spaces reach the API and the dashboard (issue 15, item 6).

Ids are stored as given; the API's id routes take the rest of the path (``{doc_id:path}``),
so an id percent-encoded by the client (the dashboard's encodeURIComponent) or not at all is found.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from frontwatch.store import open_store
from tests.serve.conftest import LiveServer
from tests.serve.samples import EN_DRONES, documents_and_events

ODD_ID = "feeds/2024/03 report?x=1#top%20"


@pytest.fixture(scope="module")
def odd_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    path = str(tmp_path_factory.mktemp("odd") / "odd.db")
    store = open_store(path)
    try:
        for doc, events in documents_and_events():
            if EN_DRONES in doc.text:
                doc = replace(doc, doc_id=ODD_ID)
                events = [replace(e, doc_id=ODD_ID, id=f"{ODD_ID}#{n}") for n, e in enumerate(events, 1)]
            store.put(doc, events)
    finally:
        store.close()
    with LiveServer(path) as live:
        yield live


def test_api_document_with_slash_in_id_is_found(odd_server: LiveServer) -> None:
    got = httpx.get(f"{odd_server.url}/api/documents/{quote(ODD_ID, safe='')}")
    assert got.status_code == 200, got.text
    assert got.json()["doc_id"] == ODD_ID


def test_api_event_of_a_slashed_document_is_found(odd_server: LiveServer) -> None:
    event_id = f"{ODD_ID}#1"
    got = httpx.get(f"{odd_server.url}/api/events/{quote(event_id, safe='')}")
    assert got.status_code == 200, got.text
    assert got.json()["id"] == event_id
    missing = httpx.get(f"{odd_server.url}/api/documents/{quote('feeds/none', safe='')}")
    assert missing.status_code == 404


@pytest.mark.browser
def test_dashboard_opens_a_document_with_slash_in_id(odd_server: LiveServer, browser: Any) -> None:
    # the session's one browser (conftest): a second sync Playwright in the same process fails
    pg = browser.new_page()
    try:
        pg.goto(f"{odd_server.url}/#/doc/{quote(ODD_ID, safe='')}")
        pg.wait_for_selector("mark.coded", timeout=15_000)
        assert EN_DRONES in pg.locator("#view").inner_text()
        assert "Could not show this page" not in pg.locator("#view").inner_text()
    finally:
        pg.close()
