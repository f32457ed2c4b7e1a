"""Unit tests of the read side (frontwatch.query), the exports and the map decoder,
with hand-built inputs and the in-memory store fake."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwatch import query
from frontwatch.errors import InputError, NotFound
from frontwatch.records import Event
from frontwatch.serve.world import topology_to_geojson, world_geojson_bytes
from frontwatch.store.base import EventQuery
from frontwatch.store.memory import MemoryStore
from tests.serve.samples import documents_and_events


@pytest.fixture()
def store() -> MemoryStore:
    s = MemoryStore()
    for doc, events in documents_and_events():
        s.put(doc, events)
    return s


def test_query_event_query_normalises_lists_and_case() -> None:
    q = query.event_query(event=["assault,accuse"], party=["arm", " aze "], factuality=["Claimed"],
                          date_from="2022-09-01", bbox="40, 35, 50, 45", limit=5, offset=2)
    assert q.event == ("ASSAULT", "ACCUSE") and q.party == ("ARM", "AZE") and q.factuality == ("claimed",)
    assert q.date_from == dt.date(2022, 9, 1) and q.bbox == (40.0, 35.0, 50.0, 45.0)
    assert (q.limit, q.offset) == (5, 2)


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"event": ["BOMB"]}, "event='BOMB'"),
        ({"actor": ["Russia"]}, "actor='Russia' is not a code: for Russia give RUS"),
        ({"actor": ["XYZ"]}, "no actor or country code"),
        ({"party": ["Azerbaijan, ARM"]}, "country=.Azerbaijan. is not a code: for Azerbaijan give AZE"),
        ({"date_to": "yesterday"}, "YYYY-MM-DD"),
        ({"date_from": "2024-01-02", "date_to": "2024-01-01"}, "swap"),
        ({"bbox": "0,0,1"}, "min_lon,min_lat"),
        ({"bbox": "0,95,1,96"}, "within"),
        ({"limit": 0}, "limit=0"),
        ({"offset": -5}, "offset=-5"),
        ({"text": "x" * 201}, "at most"),
    ],
)
def test_query_event_query_rejects_with_a_sentence(kwargs: dict[str, object], words: str) -> None:
    with pytest.raises(InputError, match=words):
        query.event_query(**kwargs)  # type: ignore[arg-type]


def test_query_scan_events_ignores_the_page_and_says_when_cut(store: MemoryStore) -> None:
    full = query.scan_events(store, EventQuery(limit=1, offset=3))
    assert len(full.events) == 4 and not full.truncated
    cut = query.scan_events(store, EventQuery(), cap=2)
    assert len(cut.events) == 2 and cut.truncated


def test_query_timeline_buckets_by_week(store: MemoryStore) -> None:
    tl = query.timeline(store, EventQuery(), "week")
    assert [b["date"] for b in tl["buckets"]] == ["2022-09-12", "2024-03-04"]
    assert tl["buckets"][1]["total"] == 2
    with pytest.raises(InputError):
        query.timeline(store, EventQuery(), "decade")


def test_query_document_view_groups_records_by_sentence(store: MemoryStore) -> None:
    view = query.document_view(store, "ja_shelling")
    assert [s["event_ids"] for s in view["spans"]] == [["ja_shelling#1"], ["ja_shelling#2"]]
    with pytest.raises(NotFound):
        query.document_view(store, "missing")
    with pytest.raises(InputError):
        query.document_view(store, "ja_shelling", 0)


def test_query_coded_spans_drop_offsets_outside_the_text() -> None:
    ev = Event(id="d#1", doc_id="d", event="ASSAULT", text="x", span=(5, 50), language="en")
    ok = Event(id="d#2", doc_id="d", event="COERCE", text="x", span=(0, 4), language="en")
    same = Event(id="d#3", doc_id="d", event="ASSAULT", text="x", span=(0, 4), language="en")
    spans = query.coded_spans([ev, ok, same], text_length=10)
    assert spans == [{"start": 0, "end": 4, "event_ids": ["d#2", "d#3"], "events": ["ASSAULT", "COERCE"]}]


def test_query_facets_name_countries(store: MemoryStore) -> None:
    facets = query.facets(store)
    names = {c["code"]: c["name"] for c in facets["countries"]}
    assert names["ARM"] == "Armenia"
    assert [t["code"] for t in facets["event_types"]] == ["ASSAULT", "ACCUSE"]


def test_query_search_and_documents_check_arguments(store: MemoryStore) -> None:
    with pytest.raises(InputError):
        query.search(store, "  ")
    with pytest.raises(InputError):
        query.documents(store, limit=0)
    assert query.documents(store)["total"] == 3


def test_world_decodes_quantized_delta_arcs() -> None:
    topo = {
        "type": "Topology",
        "transform": {"scale": [1, 1], "translate": [10, 20]},
        "arcs": [[[0, 0], [2, 0], [0, 2]], [[2, 2], [-2, 0], [0, -2]]],
        "objects": {"countries": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "arcs": [[0, 1]], "id": "051", "properties": {"name": "Square"}},
            {"type": "Polygon", "arcs": [[-2, -1]], "properties": {"name": "Backwards"}},
        ]}},
    }
    fc = topology_to_geojson(topo)
    square, backwards = fc["features"]
    assert square["geometry"]["coordinates"] == [[[10, 20], [12, 20], [12, 22], [10, 22], [10, 20]]]
    assert square["properties"]["iso_a3"] == "ARM"
    assert backwards["geometry"]["coordinates"][0][0] == [10, 20]
    assert backwards["properties"]["iso_a3"] is None


def test_world_packaged_map_is_valid_geojson() -> None:
    import json

    fc = json.loads(world_geojson_bytes())
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 177
    ring = fc["features"][0]["geometry"]["coordinates"][0][0]
    assert ring[0] == ring[-1]
