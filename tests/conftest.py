"""Fixtures shared across the suite. Area-specific fixtures live in tests/<area>/conftest.py."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from frontwatch.store.pgserver import TempPostgres

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    seeds = shared_dir / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is not present")
    return seeds


# ------------------------------------------------------------------ PostgreSQL
# A throwaway server for the whole session (frontwatch.store.pgserver), shared by every
# area's postgres tests; skipped with the reason when the server binaries are absent.


@pytest.fixture(scope="session")
def pg_server() -> Iterator[TempPostgres]:
    from frontwatch.store.pgserver import TempPostgres, find_bindir

    if find_bindir() is None:
        pytest.skip("PostgreSQL server binaries (initdb, postgres) are not installed")
    server = TempPostgres()
    try:
        server.start()
    except BaseException:
        server.stop()
        raise
    yield server
    server.stop()


@pytest.fixture(scope="session")
def pg_url(pg_server: TempPostgres) -> str:
    """URL of the session server's database (shared: tests must not assume it is empty)."""
    return pg_server.url()


@pytest.fixture
def fresh_pg_url(pg_server: TempPostgres) -> str:
    """URL of a new, empty database on the session server, for one test."""
    import psycopg

    name = f"t{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server.url("postgres"), autocommit=True) as con:
        con.execute(f'CREATE DATABASE "{name}"')
    return pg_server.url(name)
