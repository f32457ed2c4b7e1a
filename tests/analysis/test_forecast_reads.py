"""The forecast ledger read from a store: only the warnings and their possible evidence are read
(a bounded number of queries), and the ledger is the one built from every stored event."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from analysis_builders import ev
from test_analysis_cli import doc, run

from frontwatch.analysis.common import RESOLVED_BY, codes, date_interval, place_countries
from frontwatch.analysis.forecasts import build_ledger, due_date, forecast_to_json, issue_date, latest_date
from frontwatch.analysis.inputs import all_events, ledger_inputs, ledger_page, published_dates
from frontwatch.records import Event
from frontwatch.serve import analysis_views
from frontwatch.store import ActorWindow, Store, open_store

CODES = ["RUS", "UKR", "BLR", "AZE", "ARM"]
TYPES = ["ASSAULT", "COERCE", "MOBILIZE", "THREATEN", "PROTEST"]
FACTS = ["asserted", "asserted", "claimed", "possible", "possible", "denied", "future"]
PLACES = ["Kharkiv", "Odesa", "Goris", "Lachin"]


def _event(r: random.Random, doc_id: str, n: int, day: dt.date) -> Event:
    fact = r.choice(FACTS)
    horizon: dict[str, Any] = {}
    if fact == "possible" and r.random() < 0.7:  # a warning; the rest are hedged reports, not forecasts
        days = r.choice([1, 7, 21, None])
        horizon = {"horizon": "within weeks" if days else "soon", "horizon_days": days}
    dated = r.random() < 0.8
    precision = r.choice(["day", "day", "month"]) if dated else None
    when = day - dt.timedelta(days=r.randrange(5))
    if precision == "month":
        when = when.replace(day=1)
    return ev(
        f"{doc_id}#{n}", r.choice(TYPES), tuple(r.sample(CODES, r.choice([0, 1, 1, 2]))),
        tuple(r.sample(CODES, r.choice([0, 1, 1]))), places=tuple(r.sample(PLACES, r.choice([0, 1]))),
        claimed_by=tuple(r.sample(CODES, 1)) if fact in ("claimed", "possible") and r.random() < 0.6 else (),
        factuality=fact, date=when.isoformat() if dated else None, date_precision=precision, **horizon,
    )


def _fill(s: Store, docs: int, seed: int) -> None:
    r = random.Random(seed)
    start = dt.date(2023, 1, 1)
    for i in range(docs):
        day = start + dt.timedelta(days=r.randrange(120))
        doc_id = f"d{seed}x{i:03d}"
        events = [_event(r, doc_id, n, day) for n in range(1, r.randrange(1, 6) + 1)]
        published = day.isoformat() if r.random() < 0.9 else None
        assert s.put(doc(doc_id, published, events), events) == "stored"
    # a document with no events, published after every other: the newest publication date
    assert s.put(doc(f"d{seed}late", "2023-06-30", []), []) == "stored"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres), "memory"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    target = {"sqlite": str(tmp_path / "f.db"), "memory": "memory:"}.get(request.param)
    s = open_store(target or request.getfixturevalue("fresh_pg_url"))
    yield s
    s.close()


def _whole_archive(s: Store, as_of: dt.date | None) -> list[dict[str, Any]]:
    """The ledger built from every stored event and every document's date (the old reading)."""
    events, published = all_events(s), published_dates(s)
    day = as_of or latest_date(events, published)
    built = build_ledger(events, published, as_of=day)
    return [forecast_to_json(f) for f in sorted(built, key=lambda f: (f.issued or "", f.id), reverse=True)]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_ledger_from_its_own_reads_is_the_whole_archive_ledger(store: Store, seed: int) -> None:
    _fill(store, 60, seed)
    read = ledger_inputs(store)
    assert len(read.events) < len(all_events(store))  # it does not read the archive
    assert read.today == dt.date(2023, 6, 30)  # the event-less document's publication date
    for as_of in (None, dt.date(2023, 2, 10), dt.date(2024, 1, 1)):
        expected = _whole_archive(store, as_of)
        got = [forecast_to_json(f) for f in analysis_views.ledger(store, as_of)]
        assert got == expected
        view = analysis_views.forecasts(store, as_of)
        assert [f["id"] for f in view["forecasts"]] == [f["id"] for f in expected]
        assert view["judged_as_of"] == (as_of or dt.date(2023, 6, 30)).isoformat()
    outcomes = {f["outcome"] for f in _whole_archive(store, None)}
    assert outcomes == {"happened", "not_by_deadline", "open"}  # every branch of the ledger is exercised


def test_ledger_reads_do_not_grow_with_the_archive(tmp_path: Path) -> None:
    counts = []
    for docs in (20, 200):
        s = open_store(str(tmp_path / f"n{docs}.db"))
        try:
            _fill(s, docs, seed=docs)
            fetch = s._fetch  # type: ignore[attr-defined]
            seen: list[str] = []

            def counting(sql: str, params: Any = (), _f: Any = fetch, _seen: list[str] = seen) -> Any:
                _seen.append(sql)
                return _f(sql, params)

            s._fetch = counting  # type: ignore[attr-defined]
            forecasts = analysis_views.forecasts(s)["forecasts"]
            assert forecasts
            counts.append(len(seen))
        finally:
            s.close()
    # warnings, evidence (each: the plan's size estimates, the keys, the records in chunks of
    # 10,000), the documents' dates, the newest event and document: 11 statements at either size
    assert counts[0] == counts[1] <= 12, counts


def test_ledger_of_an_empty_store(store: Store) -> None:
    read = ledger_inputs(store)
    assert (read.events, read.today) == ([], None)
    assert analysis_views.forecasts(store)["forecasts"] == []


def test_ledger_of_warnings_with_no_actor_reads_no_evidence(store: Store) -> None:
    warning = ev("w#1", "ASSAULT", (), ("UKR",), factuality="possible", horizon="soon", horizon_days=3,
                 date="2023-01-02")
    strike = dataclasses.replace(ev("x#1", "ASSAULT", ("RUS",), ("UKR",), date="2023-01-03"))
    store.put(doc("w", "2023-01-02", [warning]), [warning])
    store.put(doc("x", "2023-01-03", [strike]), [strike])
    read = ledger_inputs(store)
    assert [e.id for e in read.events] == ["w#1"]
    assert [f.outcome for f in analysis_views.ledger(store)] == ["open"]


def test_acts_in_windows_reads_the_actors_days_types_and_factualities(store: Store) -> None:
    rows = [  # (doc, published, event)
        ("a", "2023-01-05", ev("a#1", "ASSAULT", ("RUS",), ("UKR",), date="2023-01-05")),  # first day
        ("b", "2023-01-07", ev("b#1", "COERCE", ("RUS",), ("UKR",), factuality="claimed")),  # undated
        ("c", "2023-01-09", ev("c#1", "ASSAULT", ("RUS",), ("UKR",), date="2023-01-08")),  # a day late
        ("d", "2023-01-05", ev("d#1", "ASSAULT", ("UKR",), ("RUS",), date="2023-01-05")),  # another actor
        ("e", "2023-01-05", ev("e#1", "PROTEST", ("RUS",), date="2023-01-05")),  # another type
        ("f", "2023-01-05", ev("f#1", "ASSAULT", ("RUS",), factuality="denied", date="2023-01-05")),
        ("g", "2023-01-05", ev("g#1", "ASSAULT", ("UKR", "BLR"), date="2022-12-31")),  # before BLR's start
        ("h", "2031-05-05", ev("h#1", "ASSAULT", ("UKR", "BLR"), date="2031-05-05")),  # BLR: no end
        ("i", None, ev("i#1", "ASSAULT", ("RUS",))),  # no day at all
    ]
    for doc_id, published, e in rows:
        store.put(doc(doc_id, published, [e]), [e])
    windows = [ActorWindow("RUS", dt.date(2023, 1, 5), dt.date(2023, 1, 7)),
               ActorWindow("BLR", dt.date(2023, 1, 1))]
    found = store.acts_in_windows(windows, {"ASSAULT", "COERCE"}, {"asserted", "claimed"})
    assert sorted(e.id for e in found) == ["a#1", "b#1", "h#1"]
    assert store.acts_in_windows([], {"ASSAULT"}, {"asserted"}) == []


def _evidence_by_scan(fc: Event, events: list[Event], pub: dict[str, dt.date | None],
                      today: dt.date | None) -> tuple[str, ...]:
    """The evidence rule of docs/analysis.md read literally, over every record."""
    issued = issue_date(fc, pub)
    if issued is None:
        return ()
    until = due_date(fc, issued) or today
    kinds = RESOLVED_BY.get(fc.event, frozenset({fc.event}))
    targets = set(codes(fc.recipient))
    found = []
    for e in events:
        span = date_interval(e)
        if span is None:
            day = pub.get(e.doc_id)
            span = (day, day) if day else None
        if (e.factuality in ("asserted", "claimed") and e.event in kinds and e.doc_id != fc.doc_id
                and set(codes(e.actor)) & set(codes(fc.actor))
                and (not targets or targets & (set(codes(e.recipient)) | set(place_countries(e))))
                and span is not None and span[0] >= issued and (until is None or span[1] <= until)):
            found.append(e.id)
    return tuple(sorted(found))


@pytest.mark.parametrize("seed", [4, 5, 6, 7])
def test_ledger_evidence_by_day_index_is_the_rule(seed: int) -> None:
    r = random.Random(seed)
    events: list[Event] = []
    pub: dict[str, dt.date | None] = {}
    for i in range(150):
        day = dt.date(2023, 1, 1) + dt.timedelta(days=r.randrange(90))
        doc_id = f"r{i}"
        pub[doc_id] = day if r.random() < 0.85 else None
        events += [_event(r, doc_id, n, day) for n in range(1, r.randrange(1, 5) + 1)]
    for as_of in (None, dt.date(2023, 2, 1)):
        today = as_of or latest_date(events, pub)
        ledger = build_ledger(events, pub, as_of=as_of)
        assert len(ledger) > 20 and sum(bool(f.evidence) for f in ledger) > 5
        for f in ledger:
            assert f.evidence == _evidence_by_scan(f.event, events, pub, today), f.id


def _cli_ledger(target: str, as_of: dt.date | None) -> list[dict[str, Any]]:
    """``frontwatch forecasts --format json``'s warnings, newest first (the CLI lists oldest first)."""
    args = ["forecasts", "--db", target, "--format", "json"]
    args += ["--as-of", as_of.isoformat()] if as_of else []
    out = json.loads(run(*args))["forecasts"]
    return sorted(out, key=lambda f: (f["issued"] or "", f["id"]), reverse=True)


JUDGED = ("id", "source", "sources", "issued", "due", "probability", "hedge", "outcome", "evidence", "notes")


def _target(tmp_path: Path, request: pytest.FixtureRequest) -> str | None:
    """Where the ``store`` fixture of this test lives, for the CLI (None: the in-memory store)."""
    kind = request.node.callspec.params["store"]
    if kind == "memory":
        return None
    return str(tmp_path / "f.db") if kind == "sqlite" else str(request.getfixturevalue("fresh_pg_url"))


def test_ledger_pages_judge_as_the_cli_ledger(
    store: Store, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    _fill(store, 60, 8)
    outcomes: set[str] = set()
    target = _target(tmp_path, request)
    for as_of in (None, dt.date(2023, 2, 10)):
        expected = _whole_archive(store, as_of)
        outcomes |= {f["outcome"] for f in expected}
        if target is not None:
            cli = _cli_ledger(target, as_of)
            assert [{k: f[k] for k in JUDGED} for f in cli] == [{k: f[k] for k in JUDGED} for f in expected]
        pages: list[dict[str, Any]] = []
        for offset in range(0, len(expected) + 7, 7):
            view = analysis_views.forecasts(store, as_of, limit=7, offset=offset)
            assert (view["total"], view["limit"], view["offset"]) == (len(expected), 7, offset)
            assert len(view["forecasts"]) == min(7, max(len(expected) - offset, 0))
            pages += view["forecasts"]
            page = ledger_page(store, offset, 7, as_of)
            # evidence for the page's windows only
            assert len(page.inputs.events) < len(ledger_inputs(store, as_of).events)
        assert [{k: f[k] for k in JUDGED} for f in pages] == [{k: f[k] for k in JUDGED} for f in expected]
    assert len(expected) > 20 and outcomes == {"happened", "not_by_deadline", "open"}  # every branch judged
