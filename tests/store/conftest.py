"""Store fixtures: the same tests run against SQLite, PostgreSQL and the in-memory fake."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from frontwatch.store import Store, open_store

SQL_BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
]
ALL_BACKENDS = [*SQL_BACKENDS, pytest.param("memory", id="memory")]


def _open(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Store]:
    if backend == "sqlite":
        target = str(tmp_path / "store.db")
    elif backend == "postgres":
        target = request.getfixturevalue("fresh_pg_url")
    else:
        target = "memory:"
    s = open_store(target)
    yield s
    s.close()


@pytest.fixture(params=ALL_BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty store of each backend, the fake included."""
    yield from _open(request.param, tmp_path, request)


@pytest.fixture(params=SQL_BACKENDS)
def sql_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty store of each real database backend."""
    yield from _open(request.param, tmp_path, request)
