"""SQLite and PostgreSQL answer every filter mix alike, whichever plan each picks.

Both backends choose a plan per query (which filter drives, side-table walk or events walk);
PostgreSQL sizes the filters from its planner's statistics, SQLite by counting. The answers
(page order, exact count, capped count) must not depend on that choice: the same seeded
archive goes into both, and random mixes of every filter are asked of each, before and
after PostgreSQL's statistics exist.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace
from pathlib import Path

import pytest
from store_builders import ent, make_doc, make_event, place

from frontwatch.records import Document, Event
from frontwatch.store import EventQuery, Store, open_store

pytestmark = pytest.mark.postgres

TYPES = ["ASSAULT", "ASSAULT", "ASSAULT", "COERCE", "MOBILIZE", "AID", "SANCTION"]
FACTS = ["asserted", "asserted", "asserted", "claimed", "denied", "possible", "future"]
# a skewed code list: the first codes are common, the last ones rare
CODES = ["RUS", "UKR", "RUS", "UKR", "ISR", "PSE", "ARM", "AZE", "USA", "SYR", "MLI"]
PLACES = {
    "UKR": place("Kyiv", "UKR", 50.45, 30.52), "RUS": place("Belgorod", "RUS", 50.6, 36.6),
    "ISR": place("Haifa", "ISR", 32.8, 35.0), "ARM": place("Goris", "ARM", 39.5, 46.3),
}  # fmt: skip
SITES = ["a.example", "b.example"]
BOXES = [(30.0, 50.0, 31.0, 51.0), (20.0, 30.0, 50.0, 55.0), (34.0, 32.0, 47.0, 51.0)]


def _archive(seed: int, n_docs: int) -> list[tuple[Document, list[Event]]]:
    rng = random.Random(seed)
    out = []
    for i in range(n_docs):
        doc_id = f"d{i:03d}"
        day = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(400))
        doc = make_doc(doc_id, body=(f"本文{i}。",), published=day)
        doc = replace(doc, url=f"https://{rng.choice(SITES)}/{doc_id}")
        events = []
        for n in range(1, rng.randrange(2, 14)):
            a, b = rng.choice(CODES), rng.choice(CODES)
            fact = rng.choice(FACTS)
            date = None if rng.random() < 0.08 else (day - dt.timedelta(days=rng.randrange(5))).isoformat()
            e = make_event(
                doc_id, n, event=rng.choice(TYPES), date=date, actor=(ent(a),), recipient=(ent(b),),
                places=tuple(PLACES[c] for c in {a, b} if c in PLACES), factuality=fact,
                claimed_by=(ent(b),) if fact in ("claimed", "denied") else (),
                text=rng.choice(["砲撃があった。", "Shelling near Kyiv.", "停戦合意が発表された。"]),
            )  # fmt: skip
            events.append(replace(e, language="en" if e.text.startswith("Sh") else "ja"))
        out.append((doc, events))
    return out


def _query(rng: random.Random) -> EventQuery:
    """One to four filters drawn from every kind the store knows."""
    draws = {
        "event": lambda: (rng.choice(TYPES),),
        "factuality": lambda: (rng.choice(FACTS),),
        "actor": lambda: (rng.choice(CODES),),
        "recipient": lambda: (rng.choice(CODES),),
        "party": lambda: tuple(rng.sample(CODES[4:], rng.choice([1, 2]))) if rng.random() < 0.5
        else (rng.choice(CODES),),
        "claimed_by": lambda: (rng.choice(CODES),),
        "place_country": lambda: (rng.choice(list(PLACES)),),
        "bbox": lambda: rng.choice(BOXES),
        "text": lambda: rng.choice(["砲撃", "shelling", "停戦合意"]),
        "language": lambda: (rng.choice(["ja", "en"]),),
        "source": lambda: (rng.choice(SITES),),
        "dead_min": lambda: rng.choice([1, 5, 10]),
        "date_from": lambda: dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(400)),
        "date_to": lambda: dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(400)),
    }
    names = rng.sample(sorted(draws), rng.randrange(1, 5))
    return EventQuery(**{n: draws[n]() for n in names}, limit=rng.choice([5, 25]),  # type: ignore[arg-type]
                      offset=rng.choice([0, 0, 10]))


def _answers(s: Store, queries: list[EventQuery]) -> list[tuple[list[str], int, int, int]]:
    return [([e.id for e in s.events(q)], s.count_events(q), s.count_events(q, cap=3),
             s.count_events(q, cap=40)) for q in queries]


def test_sqlite_and_postgres_agree_on_every_mix(tmp_path: Path, fresh_pg_url: str) -> None:
    archive = _archive(5, 120)
    lite, pg = open_store(str(tmp_path / "s.db")), open_store(fresh_pg_url)
    try:
        for doc, events in archive:
            lite.put(doc, events)
            pg.put(doc, events)
        rng = random.Random(17)
        queries = [_query(rng) for _ in range(150)]
        expected = _answers(lite, queries)
        assert sum(1 for ids, *_ in expected if ids) > 100  # most mixes match something
        for (_ids, exact, cap3, cap40), q in zip(expected, queries, strict=True):
            assert cap3 == min(exact, 4) and cap40 == min(exact, 41), q  # the cap: "more than cap"
        assert _answers(pg, queries) == expected  # before the planner has statistics
        pg.optimize()  # type: ignore[attr-defined]
        for q, want in zip(queries, expected, strict=True):
            assert _answers(pg, [q]) == [want], q
    finally:
        lite.close()
        pg.close()
