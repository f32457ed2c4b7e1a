"""Opening stores: backend choice by target, migrations, and the clear refusals."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import psycopg
import pytest
from store_builders import make_doc, make_event

from frontwatch import registry
from frontwatch.errors import MigrationError, StoreError
from frontwatch.store import EventQuery, backend_name, open_store
from frontwatch.store import migrate as migrate_mod
from frontwatch.store.memory import MemoryStore
from frontwatch.store.postgres import PostgresStore
from frontwatch.store.sqlite import SQLiteStore


@pytest.mark.parametrize(
    ("target", "name"),
    [
        ("store.db", "sqlite"),
        ("/var/lib/frontwatch/x.db", "sqlite"),
        ("sqlite:///tmp/x.db", "sqlite"),
        ("file:///tmp/x.db", "sqlite"),
        ("postgresql://u@h/db", "postgresql"),
        ("postgres://u@h/db", "postgresql"),
        ("memory:", "memory"),
        ("C:\\data\\x.db", "sqlite"),
    ],
)
def test_store_backend_name_by_target(target: str, name: str) -> None:
    assert backend_name(target) == name


def test_store_builtins_are_registered_entry_points() -> None:
    assert {"sqlite", "postgresql", "memory"} <= set(registry.available("frontwatch.stores"))


def test_store_open_sqlite_forms(tmp_path: Path) -> None:
    for target, path in [
        (str(tmp_path / "a.db"), tmp_path / "a.db"),
        (f"sqlite://{tmp_path}/b.db", tmp_path / "b.db"),
        (str(tmp_path / "new" / "folder" / "c.db"), tmp_path / "new" / "folder" / "c.db"),
    ]:
        s = open_store(target)
        assert isinstance(s, SQLiteStore) and s.path == path and path.exists()
        s.close()


def test_store_open_memory() -> None:
    s = open_store("memory:")
    assert isinstance(s, MemoryStore)
    assert s.put(make_doc("m"), []) == "stored"


@pytest.mark.postgres
def test_store_open_postgres(fresh_pg_url: str) -> None:
    s = open_store(fresh_pg_url.replace("postgresql://", "postgres://"))
    assert isinstance(s, PostgresStore)
    s.close()


@pytest.mark.parametrize("target", ["", "  ", "mongodb://host/db"])
def test_store_open_refuses_unknown_targets(target: str) -> None:
    with pytest.raises(StoreError, match="store"):
        open_store(target)


def test_store_open_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        open_store(str(tmp_path))


def test_store_open_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    p = tmp_path / "notes.db"
    p.write_text("これはデータベースではありません。" * 100, encoding="utf-8")
    before = p.read_bytes()
    with pytest.raises(StoreError, match="not a frontwatch store"):
        open_store(str(p))
    assert p.read_bytes() == before


def test_store_open_refuses_another_sqlite_database(tmp_path: Path) -> None:
    p = tmp_path / "other.db"
    con = sqlite3.connect(p)
    con.execute("CREATE TABLE customers (id INTEGER)")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="not a frontwatch store"):
        open_store(str(p))


def test_store_open_empty_file_becomes_a_store(tmp_path: Path) -> None:
    p = tmp_path / "empty.db"
    p.touch()
    s = open_store(str(p))
    assert s.put(make_doc("e"), []) == "stored"
    s.close()


def _target(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    return str(tmp_path / "m.db") if backend == "sqlite" else str(request.getfixturevalue("fresh_pg_url"))


def _sql(backend: str, target: str, sql: str) -> list[tuple[object, ...]]:
    if backend == "sqlite":
        con = sqlite3.connect(target)
        rows = con.execute(sql).fetchall()
        con.commit()
        con.close()
        return rows
    with psycopg.connect(target, autocommit=True) as pcon:
        cur = pcon.execute(sql)
        return cur.fetchall() if cur.description else []


BACKENDS = [pytest.param("sqlite"), pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.mark.parametrize("backend", BACKENDS)
def test_store_migrates_from_empty_and_reopens(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    target = _target(backend, tmp_path, request)
    s = open_store(target)
    latest = migrate_mod.latest(backend)
    assert s.schema_version == latest  # type: ignore[attr-defined]
    s.put(make_doc("keep"), [make_event("keep", 1)])
    s.close()
    s = open_store(target)
    assert s.count_events(EventQuery()) == 1 and s.get_document("keep") is not None
    s.close()
    rows = _sql(backend, target, "SELECT version, name FROM schema_version ORDER BY version")
    assert [r[0] for r in rows] == list(range(1, latest + 1)) and rows[0][1] == "initial"


@pytest.mark.parametrize("backend", BACKENDS)
def test_store_refuses_newer_schema(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    target = _target(backend, tmp_path, request)
    open_store(target).close()
    _sql(backend, target, "INSERT INTO schema_version (version, name, applied) VALUES (9999, 'future', 'x')")
    with pytest.raises(MigrationError, match="newer frontwatch"):
        open_store(target)


@pytest.mark.parametrize("backend", BACKENDS)
def test_store_applies_an_added_migration_file(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = _target(backend, tmp_path, request)
    s = open_store(target)
    s.put(make_doc("before"), [])
    s.close()
    shipped = migrate_mod.migrations
    extra = migrate_mod.Migration(
        9000, "feed_state", "CREATE TABLE feed_state (url TEXT PRIMARY KEY, etag TEXT);"
    )
    monkeypatch.setattr(migrate_mod, "migrations", lambda b: [*shipped(b), extra])
    s = open_store(target)
    assert s.schema_version == 9000  # type: ignore[attr-defined]
    assert s.get_document("before") is not None
    s.close()
    assert _sql(backend, target, "SELECT count(*) FROM feed_state") == [(0,)]


@pytest.mark.parametrize("backend", BACKENDS)
def test_store_failed_migration_changes_nothing(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = _target(backend, tmp_path, request)
    open_store(target).close()
    shipped = migrate_mod.migrations
    broken = migrate_mod.Migration(
        9001, "broken", "CREATE TABLE half_done (x INTEGER);\nCREATE TABLE half_done (y INTEGER);"
    )
    monkeypatch.setattr(migrate_mod, "migrations", lambda b: [*shipped(b), broken])
    with pytest.raises(StoreError, match="upgrading the schema"):
        open_store(target)
    monkeypatch.setattr(migrate_mod, "migrations", shipped)
    s = open_store(target)
    assert s.schema_version == migrate_mod.latest(backend)  # type: ignore[attr-defined]
    s.close()
    if backend == "sqlite":
        tables = _sql(backend, target, "SELECT name FROM sqlite_master WHERE name = 'half_done'")
    else:
        tables = _sql(backend, target, "SELECT tablename FROM pg_tables WHERE tablename = 'half_done'")
    assert tables == []


def test_store_closed_store_refuses(tmp_path: Path) -> None:
    s = open_store(str(tmp_path / "c.db"))
    s.close()
    s.close()  # closing twice is harmless
    with pytest.raises(StoreError, match="closed"):
        s.put(make_doc("late"), [])


@pytest.mark.postgres
def test_store_unreachable_postgres_is_a_clear_error() -> None:
    with pytest.raises(
        StoreError, match=re.escape("cannot reach PostgreSQL at postgresql://u@127.0.0.1:1/db")
    ) as info:
        open_store("postgresql://u:secret@127.0.0.1:1/db?connect_timeout=2")
    assert "secret" not in str(info.value)


@pytest.mark.postgres
def test_store_postgres_refuses_a_foreign_database(fresh_pg_url: str) -> None:
    with psycopg.connect(fresh_pg_url, autocommit=True) as con:
        con.execute("CREATE TABLE invoices (id INTEGER)")
    with pytest.raises(StoreError, match=r"not a\s+frontwatch store"):
        open_store(fresh_pg_url)
