"""The language, source (site) and least-deaths filters: answered by every backend over the
whole archive, and filled in when a store written before they existed (schema 0002) is opened."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import psycopg
import pytest
from store_builders import ent, make_doc, make_event, place

from frontwatch.records import Document, Event
from frontwatch.store import EventQuery, Store, open_store
from frontwatch.store.codec import LOCAL_SITE, document_site
from frontwatch.store.migrate import latest

RUS, UKR = ent("RUS"), ent("UKR")
KYIV = place("Kyiv", "UKR", 50.45, 30.52)


def _doc(doc_id: str, url: str | None, source: str | None) -> Document:
    return dataclasses.replace(make_doc(doc_id), url=url, source=source)


def _event(doc_id: str, n: int, language: str, dead: int | None, day: int) -> Event:
    e = make_event(doc_id, n, date=f"2022-09-{day:02d}", actor=(RUS,), recipient=(UKR,), places=(KYIV,),
                   text="shelling hit the city" if language == "en" else "砲撃があった。")
    return dataclasses.replace(e, language=language, dead=dead)


# doc_id -> (url, source, [(language, dead, day)]): three sites, two languages, some dead
ARCHIVE: dict[str, tuple[str | None, str | None, list[tuple[str, int | None, int]]]] = {
    "a": ("https://www.example.org/a", "feeds/a.html", [("en", 5, 1), ("ja", None, 2), ("en", 0, 3)]),
    "b": (None, "https://news.example.jp/b?x=1", [("ja", 12, 4), ("ja", 1, 5)]),
    "c": (None, "corpus/c.txt", [("en", 100, 6), ("ja", 3, 7)]),
    "d": (None, None, [("en", None, 8)]),
}


def _fill(s: Store) -> None:
    for doc_id, (url, source, rows) in ARCHIVE.items():
        events = [_event(doc_id, i + 1, lang, dead, day) for i, (lang, dead, day) in enumerate(rows)]
        assert s.put(_doc(doc_id, url, source), events) == "stored"


def _expected(language: tuple[str, ...] = (), source: tuple[str, ...] = (),
              dead_min: int | None = None) -> list[str]:
    out: list[tuple[int, str]] = []
    for doc_id, (url, src, rows) in ARCHIVE.items():
        for i, (lang, dead, day) in enumerate(rows):
            if language and lang not in language:
                continue
            if source and document_site(url, src) not in source:
                continue
            if dead_min is not None and (dead is None or dead < dead_min):
                continue
            out.append((day, f"{doc_id}#{i + 1}"))
    return [i for _, i in sorted(out, reverse=True)]  # newest first


CASES = [
    {"language": ("en",)},
    {"language": ("ja", "en")},
    {"source": ("example.org",)},
    {"source": ("news.example.jp", "files in corpus/")},
    {"source": (LOCAL_SITE,)},
    {"dead_min": 1},
    {"dead_min": 10},
    {"language": ("ja",), "dead_min": 1},
    {"language": ("en",), "source": ("example.org",), "dead_min": 1},
]


def test_document_site_names() -> None:
    assert document_site("https://www.example.org/a", "x/y.txt") == "example.org"
    assert document_site(None, "https://News.Example.jp/b") == "news.example.jp"
    assert document_site(None, "corpus/c.txt") == "files in corpus/"
    assert document_site(None, "c.txt") == LOCAL_SITE
    assert document_site("https://[bad/", None) == LOCAL_SITE


@pytest.mark.parametrize("case", CASES, ids=lambda c: ",".join(f"{k}={v}" for k, v in c.items()))
def test_refine_filters_match_the_archive(store: Store, case: dict[str, object]) -> None:
    _fill(store)
    want = _expected(**case)  # type: ignore[arg-type]
    q = EventQuery(**case)  # type: ignore[arg-type]
    assert [e.id for e in store.events(q)] == want
    assert store.count_events(q) == len(want)
    assert store.count_events(q, cap=1) == min(len(want), 2)
    # with side-table and text filters, whichever plan drives
    for extra in ({"actor": ("RUS",)}, {"place_country": ("UKR",)}, {"text": "shelling"},
                  {"bbox": (30.0, 50.0, 31.0, 51.0)}, {"event": ("ASSAULT",), "party": ("UKR",)}):
        got = [e.id for e in store.events(EventQuery(**case, **extra))]  # type: ignore[arg-type]
        expect = [i for i in want if extra.get("text") is None or _lang(i) == "en"]
        assert got == expect, extra
        assert store.count_events(EventQuery(**case, **extra)) == len(expect)  # type: ignore[arg-type]


def _lang(event_id: str) -> str:
    doc_id, n = event_id.split("#")
    return ARCHIVE[doc_id][2][int(n) - 1][0]


def test_refine_pages_walk_in_order(store: Store) -> None:
    _fill(store)
    q = EventQuery(language=("ja",), limit=2)
    pages = [[e.id for e in store.events(dataclasses.replace(q, offset=o))] for o in (0, 2, 4)]
    assert pages == [_expected(("ja",))[0:2], _expected(("ja",))[2:4], []]


def test_refine_follows_a_new_version(store: Store) -> None:
    _fill(store)
    moved = dataclasses.replace(_doc("a", "https://other.example.net/a", None), content_hash="a-v2")
    assert store.put(moved, [_event("a", 9, "hy", 7, 9)]) == "new_version"
    assert [e.id for e in store.events(EventQuery(source=("other.example.net",)))] == ["a#9"]
    assert store.count_events(EventQuery(source=("example.org",))) == 0
    assert [e.id for e in store.events(EventQuery(language=("hy",), dead_min=7))] == ["a#9"]


# ---------------------------------------------------------------- upgrades from schemas 0002 and 0003

BACKENDS = [pytest.param("sqlite"), pytest.param("postgres", marks=pytest.mark.postgres)]
_UNDO_0004 = [
    *(f"ALTER TABLE {t} DROP COLUMN {c}" for t in ("event_party", "event_country")
      for c in ("language", "dead", "site")),
    "DELETE FROM schema_version WHERE version >= 4",
]
_UNDO_0003 = [
    *_UNDO_0004,
    "DROP INDEX events_language_date", "DROP INDEX events_site_date", "DROP INDEX events_dead_date",
    "ALTER TABLE events DROP COLUMN language", "ALTER TABLE events DROP COLUMN dead",
    "ALTER TABLE events DROP COLUMN site", "DELETE FROM schema_version WHERE version >= 3",
]
# every event of ARCHIVE has actor RUS and a place in UKR: the same answers driven by a side table
SIDE_DRIVEN = [{}, {"actor": ("RUS",)}, {"place_country": ("UKR",)}, {"party": ("RUS", "UKR")}]
_UNFILLED = [
    f"SELECT count(*) FROM {t} WHERE site IS NULL OR language IS NULL"
    for t in ("events", "event_party", "event_country")
]


def _run(backend: str, target: str, statements: list[str]) -> list[tuple[object, ...]]:
    if backend == "sqlite":
        con = sqlite3.connect(target)
        rows: list[tuple[object, ...]] = []
        for sql in statements:
            rows = con.execute(sql).fetchall()
        con.commit()
        con.close()
        return rows
    with psycopg.connect(target, autocommit=True) as pcon:
        for sql in statements:
            cur = pcon.execute(sql)
        return cur.fetchall() if cur.description else []


def _downgraded(backend: str, tmp_path: Path, request: pytest.FixtureRequest, undo: list[str]) -> str:
    """A store of ARCHIVE taken back to an older schema by ``undo``."""
    target = str(tmp_path / "old.db") if backend == "sqlite" else str(request.getfixturevalue("fresh_pg_url"))
    s = open_store(target)
    _fill(s)
    s.close()
    _run(backend, target, undo)
    return target


def _check_upgraded(backend: str, target: str) -> None:
    s = open_store(target)
    try:
        assert s.schema_version == latest("sqlite" if backend == "sqlite" else "postgres")  # type: ignore[attr-defined]
        for case in CASES:
            for side in SIDE_DRIVEN:
                got = [e.id for e in s.events(EventQuery(**case, **side))]  # type: ignore[arg-type]
                assert got == _expected(**case), (case, side)  # type: ignore[arg-type]
                assert s.count_events(EventQuery(**case, **side)) == len(got)  # type: ignore[arg-type]
        assert _run(backend, target, _UNFILLED[:1]) == [(0,)]
        assert _run(backend, target, _UNFILLED[1:2]) == [(0,)]
        assert _run(backend, target, _UNFILLED[2:]) == [(0,)]
    finally:
        s.close()


@pytest.mark.parametrize("backend", BACKENDS)
def test_refine_store_of_schema_0002_upgrades(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    # back to the 0002 schema: the columns and indexes 0003 and 0004 add are gone, their rows too
    target = _downgraded(backend, tmp_path, request, _UNDO_0003)
    assert _run(backend, target, ["SELECT max(version) FROM schema_version"]) == [(2,)]
    _check_upgraded(backend, target)


@pytest.mark.parametrize("backend", BACKENDS)
def test_refine_store_of_schema_0003_upgrades(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    # back to the 0003 schema: the party and country rows lack language, dead and site
    target = _downgraded(backend, tmp_path, request, _UNDO_0004)
    assert _run(backend, target, ["SELECT max(version) FROM schema_version"]) == [(3,)]
    _check_upgraded(backend, target)
