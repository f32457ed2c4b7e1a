"""Reads the analyses make over a whole archive: publication dates in one query, every event at once."""

from __future__ import annotations

import datetime as dt

from store_builders import make_doc, make_event

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
