"""The HTTP API against a real uvicorn server on 127.0.0.1 over a real SQLite store."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest

from frontwatch.serve.app import CSP
from tests.serve.conftest import LiveServer
from tests.serve.samples import EN_DRONES, JA_SHELLING, SCRIPT_COMMENT

STATIC = Path(__file__).resolve().parents[2] / "src" / "frontwatch" / "serve" / "static"
HTML_SINKS = ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function")
DOCS = Path(__file__).resolve().parents[2] / "docs" / "api.md"


@pytest.fixture(scope="module")
def api(server: LiveServer) -> httpx.Client:
    with httpx.Client(base_url=server.url + "/api", timeout=10) as client:
        yield client  # type: ignore[misc]


def ids(resp: httpx.Response) -> list[str]:
    assert resp.status_code == 200, resp.text
    return sorted(e["id"] for e in resp.json()["events"])


def test_api_stats_counts_the_store(api: httpx.Client) -> None:
    st = api.get("/stats").json()
    assert st["documents"] == 3 and st["events"] == 4 and st["comments"] == 2
    assert st["events_by_type"] == {"ACCUSE": 1, "ASSAULT": 3}


FILTER_CASES: list[tuple[dict[str, str | list[str]], list[str]]] = [
        ({"country": "ARM"}, ["ja_shelling#1", "ja_shelling#2"]),
        ({"country": "arm,ukr", "event": "ACCUSE"}, ["ja_shelling#2"]),
        ({"actor": "RUS"}, ["en_drones#1", "en_warning#1"]),
        ({"recipient": "UKR", "factuality": "possible"}, ["en_warning#1"]),
        ({"place_country": "UKR"}, ["en_drones#1"]),
        ({"claimed_by": "ARM"}, ["ja_shelling#1"]),
        ({"date_from": "2024-01-01", "date_to": "2024-03-06"}, ["en_drones#1"]),
        ({"bbox": "40,35,50,45"}, ["ja_shelling#1"]),
        ({"q": "drones"}, ["en_drones#1"]),
        ({"q": "砲撃"}, ["ja_shelling#1"]),
        ({"doc_id": "en_warning"}, ["en_warning#1"]),
        ({"event": ["ASSAULT", "ACCUSE"], "country": "AZE"}, ["ja_shelling#1", "ja_shelling#2"]),
]


@pytest.mark.parametrize(("params", "expected"), FILTER_CASES)
def test_api_events_filters(api: httpx.Client, params: dict[str, str], expected: list[str]) -> None:
    assert ids(api.get("/events", params=params)) == expected


def test_api_events_paging(api: httpx.Client) -> None:
    first = api.get("/events", params={"limit": 3}).json()
    rest = api.get("/events", params={"limit": 3, "offset": 3}).json()
    assert first["total"] == rest["total"] == 4
    assert len(first["events"]) == 3 and len(rest["events"]) == 1
    assert {e["id"] for e in first["events"]}.isdisjoint(e["id"] for e in rest["events"])


def test_api_events_formats(api: httpx.Client) -> None:
    lines = api.get("/events", params={"format": "jsonl"})
    assert lines.headers["content-type"].startswith("application/x-ndjson")
    records = [json.loads(x) for x in lines.text.splitlines()]
    assert len(records) == 4 and {"id", "event", "actor", "span", "factuality"} <= records[0].keys()

    table = api.get("/events", params={"format": "csv", "country": "ARM"})
    assert "charset=utf-8" in table.headers["content-type"]
    rows = list(csv.DictReader(io.StringIO(table.content.decode("utf-8"))))
    assert {r["sentence"] for r in rows} >= {JA_SHELLING}
    shelling = next(r for r in rows if r["event_id"] == "ja_shelling#1")
    assert (shelling["place"], shelling["country"]) == ("Goris;Jermuk", "Armenia")
    assert shelling["source_url"] == "https://example.org/ja/shelling"

    geo = api.get("/events", params={"format": "geojson"})
    assert geo.headers["content-type"].startswith("application/geo+json")
    body = geo.json()
    assert body["type"] == "FeatureCollection" and body["unlocated"] == 2 and body["more"] is False
    assert api.get("/events", params={"format": "geojson", "limit": 2}).json()["more"] is True
    points = {f["properties"]["place"]: f["geometry"]["coordinates"] for f in body["features"]}
    assert points["Goris"] == [46.34, 39.51] and set(points) == {"Goris", "Jermuk", "Kharkiv"}


def test_api_event_by_id_and_unknown(api: httpx.Client) -> None:
    ev = api.get("/events/en_drones%231").json()
    assert ev["text"] == EN_DRONES and ev["dead"] == 3
    missing = api.get("/events/nope%231")
    assert missing.status_code == 404 and "no event" in missing.json()["detail"]


def test_api_document_view_spans_index_the_text(api: httpx.Client) -> None:
    doc = api.get("/documents/ja_shelling").json()
    assert doc["title"] and doc["published"] == "2022-09-13"
    kinds = [s["kind"] for s in doc["sections"]]
    assert kinds[:3] == ["title", "category", "body"] and "reference" in kinds
    assert doc["comments"][0]["text"] == SCRIPT_COMMENT and doc["comments"][0]["likes"] == 12
    by_id = {e["id"]: e for e in doc["events"]}
    for span in doc["spans"]:
        sentence = doc["text"][span["start"] : span["end"]]
        assert all(by_id[i]["text"] == sentence for i in span["event_ids"])
    assert api.get("/documents/nope").status_code == 404
    assert api.get("/documents/ja_shelling", params={"version": 2}).status_code == 404


def test_api_documents_list(api: httpx.Client) -> None:
    data = api.get("/documents").json()
    assert data["total"] == 3
    assert {d["doc_id"] for d in data["documents"]} == {"ja_shelling", "en_drones", "en_warning"}


@pytest.mark.parametrize(
    "params",
    [
        {"event": "EXPLODE"}, {"country": "Armenia"}, {"factuality": "rumour"},
        {"date_from": "13/09/2022"}, {"date_from": "2024-02-01", "date_to": "2024-01-01"},
        {"bbox": "1,2,3"}, {"bbox": "10,10,0,0"}, {"bbox": "nan,0,1,1"}, {"bbox": "0,0,200,1"},
        {"limit": "0"}, {"limit": "100001"}, {"limit": "many"}, {"offset": "-1"},
        {"format": "xml"}, {"q": "x" * 500},
    ],
)
def test_api_bad_parameters_get_422_with_message(api: httpx.Client, params: dict[str, str]) -> None:
    resp = api.get("/events", params=params)
    assert resp.status_code == 422, resp.text
    detail = resp.json()["detail"]
    assert isinstance(detail, str) and detail and "\n" not in detail


def test_api_other_bad_parameters(api: httpx.Client) -> None:
    assert api.get("/search").status_code == 422
    assert api.get("/search", params={"q": "   "}).status_code == 422
    assert api.get("/timeline", params={"bucket": "year"}).status_code == 422
    assert api.get("/forecasts", params={"as_of": "soon"}).status_code == 422
    for bad in ({"limit": "0"}, {"limit": "1001"}, {"limit": "all"}, {"offset": "-1"}, {"offset": "1e3"}):
        resp = api.get("/forecasts", params=bad)
        assert resp.status_code == 422, bad
        assert "\n" not in resp.json()["detail"] and next(iter(bad)) in resp.json()["detail"]
    assert api.get("/documents", params={"limit": "-3"}).status_code == 422
    assert api.get("/documents/ja_shelling", params={"version": "0"}).status_code == 422


def test_api_timeline_buckets(api: httpx.Client) -> None:
    days = api.get("/timeline").json()
    assert [b["date"] for b in days["buckets"]] == ["2022-09-13", "2024-03-05", "2024-03-10"]
    assert days["truncated"] is False and days["scanned"] == 4
    months = api.get("/timeline", params={"bucket": "month", "country": "UKR"}).json()
    assert months["buckets"] == [{"date": "2024-03-01", "total": 2, "by_type": {"ASSAULT": 2}}]


def test_api_facets_and_search(api: httpx.Client) -> None:
    facets = api.get("/facets").json()
    assert {c["code"] for c in facets["countries"]} == {"ARM", "AZE", "RUS", "UKR"}
    assert {c["code"] for c in facets["place_countries"]} == {"ARM", "UKR"}
    hits = api.get("/search", params={"q": "ジェルムク"}).json()["hits"]
    assert hits and hits[0]["doc_id"] == "ja_shelling"


def test_api_analysis_views(api: httpx.Client) -> None:
    incidents = api.get("/incidents").json()["incidents"]
    assert incidents and all(i["documents"] for i in incidents)
    armenian = api.get("/incidents", params={"country": "ARM"}).json()["incidents"]
    assert armenian and all(i["documents"] == ["ja_shelling"] for i in armenian)
    one = api.get(f"/incidents/{armenian[0]['id']}").json()
    assert one["versions"] and one["versions"][0]["events"]
    assert one["document_titles"] == {"ja_shelling": "アルメニア南部に砲撃、双方が非難"}
    assert api.get("/incidents/nope").status_code == 404
    ledger = api.get("/forecasts").json()
    assert [f["id"] for f in ledger["forecasts"]] == ["en_warning#1"]
    assert ledger["sources"][0]["source"] == "UKR"
    assert (ledger["total"], ledger["limit"], ledger["offset"]) == (1, 200, 0)
    past = api.get("/forecasts", params={"limit": 1000, "offset": 1}).json()
    assert (past["total"], past["forecasts"], past["sources"]) == (1, [], [])
    assert api.get("/forecasts", params={"offset": 1, "format": "jsonl"}).text == ""
    late = api.get("/forecasts", params={"as_of": "2024-06-01"}).json()
    assert late["forecasts"][0]["outcome"] in {"happened", "not_by_deadline"}
    assert late["sources"][0]["brier"] is not None
    assert api.get("/alliances").json()["available"] is True


def test_api_language_source_and_deaths_filters(api: httpx.Client) -> None:
    facets = api.get("/facets").json()
    assert facets["languages"] == [{"code": "en", "count": 2}, {"code": "ja", "count": 2}]
    assert {s["code"] for s in facets["sources"]} == {"example.org", "local file"}
    assert ids(api.get("/events", params={"language": "ja"})) == ["ja_shelling#1", "ja_shelling#2"]
    assert ids(api.get("/events", params={"source": "example.org"})) == ["ja_shelling#1", "ja_shelling#2"]
    assert ids(api.get("/events", params={"dead_min": 10})) == ["ja_shelling#1"]
    assert ids(api.get("/events", params={"dead_min": 1, "language": "en"})) == ["en_drones#1"]
    page = api.get("/events", params={"language": "en", "limit": 1, "offset": 1}).json()
    assert page["total"] == 2 and len(page["events"]) == 1
    tl = api.get("/timeline", params={"language": "ja"}).json()
    assert [(b["date"], b["total"]) for b in tl["buckets"]] == [("2022-09-13", 2)]
    english = api.get("/incidents", params={"language": "en"}).json()["incidents"]
    assert english[0]["documents"] == ["en_drones"]
    text = api.get("/events", params={"language": "ja", "format": "csv"}).text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert sorted(r["event_id"] for r in rows) == ["ja_shelling#1", "ja_shelling#2"]
    assert ids(api.get("/events", params={"language": "en,ja", "dead_min": 10})) == ["ja_shelling#1"]
    assert api.get("/events", params={"language": "1"}).status_code == 422


def test_api_incident_and_forecast_lists_export_their_records(api: httpx.Client) -> None:
    armenian = api.get("/incidents", params={"country": "ARM"}).json()["incidents"]
    assert armenian[0]["names"] == {"ARM": "Armenia (ARM)", "AZE": "Azerbaijan (AZE)"}
    plain = armenian[0]["explanations"]
    assert any("both are between Armenia (ARM) and Azerbaijan (AZE)" in x for x in plain)
    resp = api.get("/incidents", params={"country": "ARM", "format": "csv"})
    assert resp.headers["content-disposition"] == 'attachment; filename="incidents.csv"'
    rows = list(csv.DictReader(io.StringIO(resp.text)))
    assert {r["event_id"] for r in rows} == {"ja_shelling#1", "ja_shelling#2"}
    assert {r["incident_id"] for r in rows} == {armenian[0]["id"]} and rows[0]["contested"] == "true"
    geo = api.get("/incidents", params={"country": "ARM", "format": "geojson"}).json()
    assert {f["properties"]["place"] for f in geo["features"]} == {"Goris", "Jermuk"}
    assert {f["properties"]["claimant"] for f in geo["features"]} == {"ARM"}
    lines = api.get("/incidents", params={"country": "ARM", "format": "jsonl"}).text.splitlines()
    assert sorted(json.loads(x)["id"] for x in lines) == ["ja_shelling#1", "ja_shelling#2"]
    forecast = list(csv.DictReader(io.StringIO(api.get("/forecasts", params={"format": "csv"}).text)))
    assert [(r["forecast_id"], r["source_code"]) for r in forecast] == [("en_warning#1", "UKR")]
    lines = api.get("/forecasts", params={"format": "jsonl"}).text.splitlines()
    assert [json.loads(x)["id"] for x in lines] == ["en_warning#1"]
    ledger = api.get("/forecasts").json()
    assert ledger["judged_as_of"] == "2024-03-10" and ledger["names"] == {"UKR": "Ukraine (UKR)"}


def test_api_world_map(api: httpx.Client) -> None:
    world = api.get("/world").json()
    codes = {f["properties"]["iso_a3"] for f in world["features"]}
    assert len(world["features"]) > 170 and {"ARM", "AZE", "UKR", "JPN"} <= codes


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict[str, str | None]] = []
        self.inline: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts.append(dict(attrs))
            self._in_script = True
        if any(k.startswith("on") for k, _ in attrs) or tag == "style":
            self.inline.append(tag)

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False if tag == "script" else self._in_script

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline.append(data)


def test_api_security_headers_and_no_inline_script(server: LiveServer) -> None:
    for path in ("/", "/api/stats", "/static/js/main.js", "/api/events?limit=0"):
        resp = httpx.get(server.url + path)
        assert resp.headers["content-security-policy"] == CSP
        assert resp.headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP
    page = _Scripts()
    page.feed(httpx.get(server.url + "/").text)
    assert page.scripts and all(s.get("src", "").startswith("/static/") for s in page.scripts)
    assert page.inline == []


def test_api_static_files_load_nothing_from_the_network_and_never_parse_html() -> None:
    external = re.compile(r"https?://(?!www\.w3\.org/2000/svg)")
    for path in STATIC.rglob("*"):
        if path.suffix not in {".js", ".css", ".html", ".svg"}:
            continue
        text = path.read_text(encoding="utf-8")
        assert not external.search(text), f"{path.name} refers to another origin"
        for sink in HTML_SINKS:
            assert sink not in text, f"{path.name} uses {sink}"


def test_api_every_route_is_in_openapi_and_docs(api: httpx.Client) -> None:
    schema = api.get("/openapi.json").json()
    paths = set(schema["paths"])
    assert {"/api/events", "/api/events/{event_id}", "/api/documents/{doc_id}", "/api/incidents",
            "/api/forecasts", "/api/alliances", "/api/search", "/api/stats"} <= paths
    documented = DOCS.read_text(encoding="utf-8")
    for path in paths:
        assert f"`GET {path}" in documented, f"{path} is not described in docs/api.md"
