"""The Store protocol's behaviour, the same on SQLite, PostgreSQL and the in-memory fake."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from store_builders import ent, make_doc, make_event, place

from frontwatch.errors import StoreError
from frontwatch.records import Event
from frontwatch.store import EventQuery, Store, sqlfilters

GORIS = place("Goris", "ARM", 39.51, 46.34)
LACHIN = place("Lachin", "AZE", 39.64, 46.55)
KYIV = place("Kyiv", "UKR", 50.45, 30.52)
BELGOROD = place("Belgorod", "RUS", 50.6, 36.6)
IRPIN = place("Irpin", "UKR", 50.52, 30.25)


def corpus() -> dict[str, list[Event]]:
    """Three documents whose events exercise every filter."""
    return {
        "d1": [
            make_event("d1", 1, date="2022-09-13", actor=(ent("AZE", "アゼルバイジャン軍", "MIL"),),
                       recipient=(ent("ARM"),), places=(GORIS,), factuality="claimed",
                       claimed_by=(ent("ARM", "アルメニア側", "GOV"),),
                       text="アゼルバイジャン軍がゴリスを砲撃したとアルメニア側は主張した。"),
            make_event("d1", 2, date="2022-09-14", actor=(ent("ARM"),), recipient=(ent("AZE"),),
                       places=(LACHIN,), factuality="denied", claimed_by=(ent("AZE"),),
                       text="アルメニア軍による攻撃をアゼルバイジャン国防省は否定した。"),
            make_event("d1", 3, event="CONSULT", date="2022-09-15", actor=(ent("ARM"),),
                       recipient=(ent("RUS"),), text="アルメニアはロシアと協議した。"),
        ],
        "d2": [
            make_event("d2", 1, date="2022-02-24", actor=(ent("RUS"),), recipient=(ent("UKR"),),
                       places=(KYIV, IRPIN), text="Russian forces shelled Kyiv overnight."),
            make_event("d2", 10, date="2022-02-24", actor=(ent("RUS"),), recipient=(ent("UKR"),),
                       text="Missiles hit the outskirts of the capital."),
            make_event("d2", 2, event="MOBILIZE", date="2022-02-20", actor=(ent("RUS"),),
                       places=(BELGOROD,), factuality="possible", text="Troops may mass near Belgorod."),
            make_event("d2", 3, event="AID", date=None, actor=(ent("USA"),), recipient=(ent("UKR"),),
                       factuality="future", text="The US will send aid."),
        ],
        "d3": [
            make_event("d3", 1, event="SANCTION", date="2022-03-01", actor=(ent("USA"),),
                       recipient=(ent("RUS"),), text="Washington announced sanctions on Moscow."),
        ],
    }  # fmt: skip


@pytest.fixture
def filled(store: Store) -> Store:
    for doc_id, events in corpus().items():
        assert store.put(make_doc(doc_id), events) == "stored"
    return store


ALL_IN_ORDER = ["d1#3", "d1#2", "d1#1", "d3#1", "d2#1", "d2#10", "d2#2", "d2#3"]

FILTERS = [
    pytest.param({}, ALL_IN_ORDER, id="none"),
    pytest.param({"event": ("ASSAULT",)}, ["d1#2", "d1#1", "d2#1", "d2#10"], id="event"),
    pytest.param({"event": ("AID", "SANCTION")}, ["d3#1", "d2#3"], id="event-two"),
    pytest.param({"actor": ("ARM",)}, ["d1#3", "d1#2"], id="actor"),
    pytest.param({"recipient": ("RUS",)}, ["d1#3", "d3#1"], id="recipient"),
    pytest.param({"party": ("RUS",)}, ["d1#3", "d3#1", "d2#1", "d2#10", "d2#2"], id="party"),
    pytest.param({"party": ("AZE", "USA")}, ["d1#2", "d1#1", "d3#1", "d2#3"], id="party-two"),
    pytest.param({"party": ("ARM", "AZE")}, ["d1#3", "d1#2", "d1#1"], id="party-both-sides"),
    pytest.param({"place_country": ("ARM",)}, ["d1#1"], id="place-country"),
    pytest.param({"place_country": ("UKR",)}, ["d2#1"], id="place-country-two-places"),
    pytest.param({"place_country": ("UKR", "RUS")}, ["d2#1", "d2#2"], id="place-country-two"),
    pytest.param({"date_from": dt.date(2022, 3, 1)}, ["d1#3", "d1#2", "d1#1", "d3#1"], id="date-from"),
    pytest.param({"date_to": dt.date(2022, 2, 24)}, ["d2#1", "d2#10", "d2#2"], id="date-to"),
    pytest.param(
        {"date_from": dt.date(2022, 2, 21), "date_to": dt.date(2022, 9, 13)},
        ["d1#1", "d3#1", "d2#1", "d2#10"],
        id="date-range",
    ),
    pytest.param({"bbox": (44.0, 38.0, 48.0, 41.0)}, ["d1#2", "d1#1"], id="bbox"),
    pytest.param({"bbox": (30.0, 50.0, 31.0, 51.0)}, ["d2#1"], id="bbox-kyiv"),
    pytest.param({"bbox": (20.0, 30.0, 50.0, 55.0)}, ["d1#2", "d1#1", "d2#1", "d2#2"], id="bbox-large"),
    pytest.param({"bbox": (30.0, 50.0, 37.0, 51.0), "event": ("MOBILIZE",)}, ["d2#2"], id="bbox+event"),
    pytest.param({"factuality": ("claimed", "denied")}, ["d1#2", "d1#1"], id="factuality"),
    pytest.param({"factuality": ("future",)}, ["d2#3"], id="factuality-future"),
    pytest.param({"claimed_by": ("ARM",)}, ["d1#1"], id="claimed-by"),
    pytest.param({"doc_id": "d2"}, ["d2#1", "d2#10", "d2#2", "d2#3"], id="doc-id"),
    pytest.param({"text": "shelled"}, ["d2#1"], id="text-en"),
    pytest.param({"text": "SHELLED kyiv"}, ["d2#1"], id="text-en-case"),
    pytest.param({"text": "軍"}, ["d1#2", "d1#1"], id="text-ja-1char"),
    pytest.param({"text": "否定"}, ["d1#2"], id="text-ja-2char"),
    pytest.param({"text": "ゴリスを砲撃"}, ["d1#1"], id="text-ja-long"),
    pytest.param({"text": "%"}, [], id="text-wildcard-escaped"),
    pytest.param({"event": ("ASSAULT",), "party": ("UKR",)}, ["d2#1", "d2#10"], id="event+party"),
    pytest.param(
        {"actor": ("RUS",), "place_country": ("RUS",), "factuality": ("possible",)}, ["d2#2"], id="three"
    ),
    pytest.param({"actor": ("ARM",), "recipient": ("ARM",)}, [], id="actor+recipient-none"),
    pytest.param({"doc_id": "d1", "party": ("ARM",)}, ["d1#3", "d1#2", "d1#1"], id="doc-id+party"),
    pytest.param(
        {"doc_id": "d1", "factuality": ("claimed", "denied"), "party": ("ARM",)},
        ["d1#2", "d1#1"],
        id="two-columns+party",
    ),
    pytest.param(
        {"event": ("ASSAULT",), "date_from": dt.date(2022, 9, 1), "text": "軍"},
        ["d1#2", "d1#1"],
        id="cols+text",
    ),
    pytest.param({"text": "軍", "party": ("AZE",)}, ["d1#2", "d1#1"], id="text-1char+party"),
    pytest.param({"text": "Kyiv", "bbox": (30.0, 50.0, 31.0, 51.0)}, ["d2#1"], id="text+bbox"),
    pytest.param({"party": ("UKR",)}, ["d2#1", "d2#10", "d2#3"], id="party-undated-last"),
    pytest.param({"party": ("UKR",), "date_to": dt.date(2022, 3, 1)}, ["d2#1", "d2#10"], id="party+date-to"),
    pytest.param(
        {"party": ("UKR",), "date_from": dt.date(2022, 1, 1)}, ["d2#1", "d2#10"], id="party+date-from"
    ),
    pytest.param({"place_country": ("RUS", "UKR"), "event": ("MOBILIZE",)}, ["d2#2"], id="countries+event"),
    pytest.param({"event": ("PROTEST",)}, [], id="no-match"),
]


@pytest.mark.parametrize(("filters", "expected"), FILTERS)
def test_store_filters_and_count(filled: Store, filters: dict[str, object], expected: list[str]) -> None:
    q = EventQuery(**filters)  # type: ignore[arg-type]
    assert [e.id for e in filled.events(q)] == expected
    assert filled.count_events(q) == len(expected)
    for off in range(len(expected) + 1):  # full pages of one: the capped scan's early answer
        page = filled.events(dataclasses.replace(q, limit=1, offset=off))
        assert [e.id for e in page] == expected[off : off + 1]


@pytest.mark.parametrize(("filters", "expected"), FILTERS)
def test_store_filters_past_the_scan_cap(
    filled: Store, filters: dict[str, object], expected: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # a cap of one candidate and estimates of two rows force every fallback of the SQLite plan
    monkeypatch.setattr(sqlfilters, "SCAN_CAP", 1)
    monkeypatch.setattr(sqlfilters, "ESTIMATE_CAP", 2)
    q = EventQuery(**filters)  # type: ignore[arg-type]
    assert [e.id for e in filled.events(q)] == expected
    assert [e.id for e in filled.events(dataclasses.replace(q, limit=2, offset=1))] == expected[1:3]
    assert filled.count_events(q) == len(expected)


def test_store_limit_offset_pages_in_order(filled: Store) -> None:
    assert [e.id for e in filled.events(EventQuery(limit=3, offset=1))] == ALL_IN_ORDER[1:4]
    assert [e.id for e in filled.events(EventQuery(limit=3, offset=6))] == ALL_IN_ORDER[6:]
    assert filled.events(EventQuery(offset=50)) == []
    assert filled.count_events(EventQuery(limit=1)) == len(ALL_IN_ORDER)


def test_store_events_roundtrip_whole_records(filled: Store) -> None:
    expected = {e.id: e for events in corpus().values() for e in events}
    got = filled.events(EventQuery(limit=100))
    for e in got:
        assert e == expected[e.id]
        assert e.to_json(explain=True) == expected[e.id].to_json(explain=True)
    assert filled.get_event("d1#1") == expected["d1#1"]
    assert filled.get_event("d1#1").explanation == expected["d1#1"].explanation  # type: ignore[union-attr]
    assert filled.get_event("nope#1") is None


def test_store_document_roundtrip(store: Store) -> None:
    doc = make_doc("a1", body=("第一段落。", "Second paragraph."), comments=("最初のコメント", "返信です"))
    assert store.put(doc, []) == "stored"
    back = store.get_document("a1")
    assert back == doc
    assert back is not None and back.comments[1].depth == 1 and back.comments[0].date == dt.date(2022, 9, 14)
    assert store.has_content(doc.content_hash or "")
    assert not store.has_content("other")
    assert store.get_document("missing") is None


def test_store_document_without_hash_gets_one(store: Store) -> None:
    doc = dataclasses.replace(make_doc("nohash"), content_hash=None, published=None)
    assert store.put(doc, []) == "stored"
    back = store.get_document("nohash")
    assert back is not None and back.content_hash and back.published is None
    assert store.put(doc, []) == "duplicate"


def test_store_duplicate_changes_nothing(store: Store) -> None:
    doc = make_doc("dup")
    assert store.put(doc, [make_event("dup", 1)]) == "stored"
    before = store.stats()
    assert store.put(doc, [make_event("dup", 1), make_event("dup", 2)]) == "duplicate"
    # the same content under another doc_id is the same content
    assert store.put(dataclasses.replace(doc, doc_id="dup2"), []) == "duplicate"
    assert store.stats() == before
    assert store.get_document("dup2") is None


def test_store_new_version_becomes_current_old_kept(store: Store) -> None:
    v1 = make_doc("v", title="最初の見出し", comments=("古いコメント",))
    v2 = make_doc("v", title="更新された見出し", body=("新しい本文。",))
    assert store.put(v1, [make_event("v", 1), make_event("v", 2, event="CONSULT")]) == "stored"
    new_events = [make_event("v", 1, event="THREATEN", text="新しい記述。")]
    assert store.put(v2, new_events) == "new_version"
    assert store.get_document("v") == v2
    assert store.get_document("v", version=1) == v1
    assert store.get_document("v", version=2) == v2
    assert store.get_document("v", version=3) is None
    assert [e.event for e in store.events(EventQuery(doc_id="v"))] == ["THREATEN"]
    assert store.get_event("v#2") is None
    stats = store.stats()
    assert (stats.documents, stats.versions, stats.events, stats.comments) == (1, 2, 1, 0)
    summary = store.documents()[0]
    assert (summary.doc_id, summary.versions, summary.events, summary.title) == (
        "v",
        2,
        1,
        "更新された見出し",
    )
    assert [h.kind for h in store.search("更新")] == ["title"]
    assert store.search("最初の見出し") == []
    assert store.put(v1, []) == "duplicate"  # an old version's content is still known


def test_store_documents_summaries_newest_first(store: Store) -> None:
    store.put(make_doc("old", published=dt.date(2020, 1, 1)), [make_event("old", 1)])
    store.put(make_doc("new", published=dt.date(2023, 5, 1), comments=("c1", "c2")), [])
    store.put(make_doc("undated", published=None), [])
    store.put(make_doc("new2", published=dt.date(2023, 5, 1)), [])
    docs = store.documents()
    assert [d.doc_id for d in docs] == ["new", "new2", "old", "undated"]
    assert (docs[0].comments, docs[0].events, docs[2].events) == (2, 0, 1)
    assert docs[0].published == dt.date(2023, 5, 1) and docs[0].category == "欧州関連"
    assert docs[0].source == "new.txt" and docs[0].language == "ja"
    assert [d.doc_id for d in store.documents(limit=2, offset=1)] == ["new2", "old"]


def test_store_stats(filled: Store) -> None:
    s = filled.stats()
    assert (s.documents, s.versions, s.events, s.comments) == (3, 3, 8, 0)
    assert s.events_by_type == {"AID": 1, "ASSAULT": 4, "CONSULT": 1, "MOBILIZE": 1, "SANCTION": 1}
    assert (s.date_from, s.date_to) == ("2022-02-20", "2022-09-15")


def test_store_stats_empty(store: Store) -> None:
    s = store.stats()
    assert (s.documents, s.events, s.events_by_type, s.date_from) == (0, 0, {}, None)


# ------------------------------------------------------------------ search


@pytest.fixture
def searchable(store: Store) -> Store:
    store.put(
        make_doc("ja1", title="アゼルバイジャン軍が国境へ前進", body=("国境付近で砲撃が続いた。",),
                 comments=("停戦は守られるのか",), published=dt.date(2022, 9, 13)),
        [],
    )  # fmt: skip
    store.put(
        make_doc("en1", title="Russian forces advance", body=("Ceasefire talks stalled in Geneva.",),
                 comments=("Great article, thanks",), published=dt.date(2022, 2, 25)),
        [],
    )  # fmt: skip
    return store


SEARCHES = [
    pytest.param("国境", [("ja1", "title"), ("ja1", "body")], id="ja-2char-title-first"),
    pytest.param("砲撃", [("ja1", "body")], id="ja-2char"),
    pytest.param("軍", [("ja1", "title")], id="ja-1char"),
    pytest.param("アゼルバイジャン", [("ja1", "title")], id="ja-long"),
    pytest.param("停戦", [("ja1", "comment")], id="ja-comment"),
    pytest.param("ceasefire", [("en1", "body")], id="en-case"),
    pytest.param("GENEVA talks", [("en1", "body")], id="en-two-terms"),
    pytest.param("Geneva peace", [], id="en-term-missing"),
    pytest.param("thanks", [("en1", "comment")], id="en-comment"),
    pytest.param("ロシア", [], id="absent"),
    pytest.param("   ", [], id="blank"),
]


@pytest.mark.parametrize(("query", "expected"), SEARCHES)
def test_store_search(searchable: Store, query: str, expected: list[tuple[str, str]]) -> None:
    hits = searchable.search(query)
    assert [(h.doc_id, h.kind) for h in hits] == expected
    for h in hits:
        assert query.split()[0].lower() in h.snippet.lower()
        assert h.title in ("アゼルバイジャン軍が国境へ前進", "Russian forces advance")


def test_store_search_limit(searchable: Store) -> None:
    assert len(searchable.search("国境", limit=1)) == 1


def test_store_search_snippet_is_a_window(store: Store) -> None:
    long_body = "あ" * 300 + "停戦交渉" + "い" * 300
    store.put(make_doc("long", body=(long_body,)), [])
    (hit,) = store.search("停戦交渉")
    assert "停戦交渉" in hit.snippet and len(hit.snippet) < 200
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")


# ------------------------------------------------------------------ atomicity


def test_store_failed_put_leaves_nothing(store: Store) -> None:
    doc = make_doc("bad")
    events = [make_event("bad", 1), make_event("other", 2)]  # second event names another document
    with pytest.raises(StoreError, match="belongs to document other"):
        store.put(doc, events)
    assert store.get_document("bad") is None
    assert not store.has_content(doc.content_hash or "")
    assert store.stats().events == 0 and store.search("見出し") == []
    assert store.put(doc, events[:1]) == "stored"


def test_store_event_id_clash_rejected_whole(store: Store) -> None:
    store.put(make_doc("first"), [make_event("first", 1)])
    clash = dataclasses.replace(make_event("second", 1), id="first#1")
    with pytest.raises(StoreError, match="already stored for document first"):
        store.put(make_doc("second", title="別の見出し"), [make_event("second", 2), clash])
    assert store.get_document("second") is None
    assert store.count_events(EventQuery()) == 1


def test_store_failed_new_version_keeps_old_current(store: Store) -> None:
    v1 = make_doc("keep", title="元の見出し")
    store.put(v1, [make_event("keep", 1)])
    v2 = make_doc("keep", title="壊れた更新")
    with pytest.raises(StoreError):
        store.put(v2, [make_event("keep", 1), make_event("elsewhere", 2)])
    assert store.get_document("keep") == v1
    assert store.get_document("keep", version=2) is None
    assert [e.id for e in store.events(EventQuery(doc_id="keep"))] == ["keep#1"]
    assert [h.doc_id for h in store.search("元の見出し")] == ["keep"]
