"""Reads the analyses make over a whole archive: publication dates in one query, every event at once."""

from __future__ import annotations

import datetime as dt

import pytest
from store_builders import ent, make_doc, make_event, place

from frontwatch.analysis.inputs import all_events, published_dates
from frontwatch.store import EventQuery, Store


def _fill(store: Store, n_docs: int) -> None:
    for i in range(n_docs):
        day = dt.date(2022, 1, 1) + dt.timedelta(days=i % 300) if i % 7 else None
        store.put(make_doc(f"feed/{i}", body=(f"本文{i}の段落です。",), published=day),
                  [make_event(f"feed/{i}", 1, text=f"砲撃{i}があった。")])


def test_store_published_dates_of_some_and_of_all(store: Store) -> None:
    _fill(store, 40)
    some = store.published_dates(["feed/1", "feed/7", "missing"])
    assert some == {"feed/1": dt.date(2022, 1, 2), "feed/7": None}
    assert published_dates(store) == store.published_dates() and len(store.published_dates()) == 40
    assert store.published_dates([]) == {}


def test_store_reads_every_event_past_the_parameter_limit(sql_store: Store) -> None:
    """More events than SQLite takes parameters in one query (32,766) come back in one read."""
    n = 33_000
    sql_store.put(make_doc("big", published=dt.date(2022, 5, 1)),
                  [make_event("big", k, text=f"砲撃{k}があった。") for k in range(1, n + 1)])
    got = all_events(sql_store)
    assert len(got) == n and len({e.id for e in got}) == n
    assert len(all_events(sql_store, EventQuery(doc_id="big"))) == n


@pytest.mark.parametrize("q", [EventQuery(), EventQuery(event=("ASSAULT",)), EventQuery(text="砲撃"),
                               EventQuery(place_country=("UKR",)), EventQuery(party=("ARM", "RUS")),
                               EventQuery(event=("ASSAULT",), factuality=("claimed",), party=("ARM",))],
                         ids=["all", "type", "text", "place", "party", "mix"])
def test_store_capped_count_stops_after_cap(store: Store, q: EventQuery) -> None:
    arm, rus = ent("ARM"), ent("RUS")
    kyiv = place("Kyiv", "UKR", 50.45, 30.52)
    for i in range(30):
        store.put(make_doc(f"d{i}", body=(f"本文{i}。",)),
                  [make_event(f"d{i}", k, actor=(arm,), recipient=(rus,), places=(kyiv,),
                              factuality="claimed", claimed_by=(arm,), text=f"砲撃{i}-{k}があった。")
                   for k in range(1, 4)])
    exact = store.count_events(q)
    assert exact == 90
    assert store.count_events(q, cap=10) == 11  # "more than 10"
    assert store.count_events(q, cap=200) == 90


def test_store_capped_count_of_events_with_several_rows_each(store: Store) -> None:
    # three places of each event in one box: a walk of the box meets every event three times, so a
    # capped count must count events, not rows, whether it stops early or reads them all
    kyiv, irpin, bucha = place("Kyiv", "UKR", 50.45, 30.52), place("Irpin", "UKR", 50.52, 30.25), \
        place("Bucha", "UKR", 50.54, 30.21)
    for i in range(30):
        events = [make_event(f"p{i}", k, places=(kyiv, irpin, bucha), text=f"砲撃{i}-{k}") for k in (1, 2, 3)]
        store.put(make_doc(f"p{i}", body=(f"本文{i}。",)), events)
    q = EventQuery(bbox=(29.5, 49.5, 31.5, 51.5))
    assert store.count_events(q) == 90
    assert store.count_events(q, cap=1) == 2  # more than one event among the first rows
    assert store.count_events(q, cap=3) == 4  # the first rows hold too few events: the whole walk
    assert store.count_events(q, cap=89) == 90
    assert store.count_events(q, cap=200) == 90  # fewer rows than asked for: all of them
    assert store.count_events(EventQuery(bbox=(29.5, 49.5, 31.5, 51.5), doc_id="p4"), cap=2) == 3
