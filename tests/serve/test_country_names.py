"""One name per country everywhere a reader meets it: the dashboard's menus and labels (the
API), the CLI and the exports all give the actor dictionary's short name ("Russia", "Turkey"),
falling back to ISO 3166's, never ISO's own where the dictionary differs ("Russian Federation")."""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from frontwatch.codes import code_label, code_name, pycountry_name
from frontwatch.records import Entity, Event, Place
from frontwatch.serve.labels import code_label as serve_label
from frontwatch.store import open_store
from tests.serve.conftest import LiveServer
from tests.serve.samples import make_doc

RUS = Entity(text="Russian forces", name="Russian forces", code="RUS", sector="MIL")
TUR = Entity(text="Turkish officials", name="Turkish officials", code="TUR", sector="GOV")
BELGOROD = Place(text="Belgorod", name="Belgorod", country="RUS", lat=50.6, lon=36.6)
SHORT = {"RUS": "Russia", "TUR": "Turkey"}


def test_names_are_the_dictionary_short_names() -> None:
    for code, name in SHORT.items():
        assert pycountry_name(code) != name  # ISO's formal name differs: the test can tell them apart
        assert code_name(code) == name
        assert code_label(code) == serve_label(code) == f"{name} ({code})"
    assert code_name("COD") == pycountry_name("COD")  # no dictionary row: ISO's name
    assert serve_label("IGO", {"IGO": ["NATO", "CSTO"]}) == "NATO / CSTO (IGO)"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    target = str(tmp_path_factory.mktemp("names") / "names.db")
    text = "Turkish officials said Russian fire hit a Turkish lorry near Belgorod."
    doc = make_doc("bel", [("body", text, "en", None)], published=dt.date(2024, 3, 2), language="en",
                   url="https://example.org/bel")
    ev = Event(id="bel#1", doc_id="bel", event="ASSAULT", text=text, span=(0, len(text)), language="en",
               actor=(RUS,), recipient=(TUR,), event_loc=(BELGOROD,), date="2024-03-01",
               date_precision="day", factuality="claimed", claimed_by=(TUR,))
    s = open_store(target)
    assert s.put(doc, [ev]) == "stored"
    s.close()
    return target


@pytest.fixture(scope="module")
def live(store_path: str) -> Iterator[LiveServer]:
    with LiveServer(store_path) as server:
        yield server


def test_names_in_api_exports_and_cli(live: LiveServer, store_path: str, tmp_path: Path) -> None:
    facets = httpx.get(live.url + "/api/facets", timeout=30).json()
    for key, codes in (("countries", {"RUS", "TUR"}), ("place_countries", {"RUS"}), ("claimants", {"TUR"})):
        assert {c["code"]: c["name"] for c in facets[key]} == {c: SHORT[c] for c in codes}, key
    incidents = httpx.get(live.url + "/api/incidents", timeout=30).json()["incidents"]
    assert incidents[0]["names"] == {code: f"{name} ({code})" for code, name in SHORT.items()}
    text = httpx.get(live.url + "/api/events", params={"format": "csv"}, timeout=30).text
    assert [r["country"] for r in csv.DictReader(io.StringIO(text))] == ["Russia"]
    out = subprocess.run([sys.executable, "-c", "from frontwatch.cli import main; main()", "incidents",
                          "--db", store_path], capture_output=True, text=True, timeout=120, check=True).stdout
    assert "Turkey (TUR) says: Russia (RUS) -> Turkey (TUR)" in out
    assert "Federation" not in out and "Türkiye" not in out
