"""The default backend: one SQLite file in WAL mode.

Reads run on one connection per thread (WAL lets them go on while a write is in
progress); writes go through one writer connection, each ``put`` inside
``BEGIN IMMEDIATE ... COMMIT`` so that another process writing the same file waits
for the lock (``BUSY_TIMEOUT_MS``) instead of interleaving. Every ``put`` is one
transaction: a failure or a killed process leaves the store as it was before it.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from frontwatch.errors import StoreError
from frontwatch.records import Document, Event
from frontwatch.store import migrate
from frontwatch.store.base import PutStatus
from frontwatch.store.sqlcommon import SQLReads
from frontwatch.store.sqlfilters import Dialect
from frontwatch.store.sqlwrite import Cursor, Row, after_migration, now_iso, put_in_transaction

BACKEND = "sqlite"
# How long a writer waits for another process's write lock before giving up: long
# enough for a large put elsewhere to finish, short enough to report a stuck writer.
BUSY_TIMEOUT_MS = 30_000
# SQLite's page cache per connection, in KiB (negative = KiB): 64 MiB keeps the hot
# parts of the event indexes in memory at a million events.
CACHE_KIB = 65_536
# Memory-mapped I/O for reads: 256 MiB.
MMAP_BYTES = 268_435_456


def sqlite_path(target: str) -> str:
    """``sqlite:///abs/path``, ``sqlite:rel/path`` or a bare path -> the file path."""
    if target.startswith("sqlite://"):
        return target[len("sqlite://") :]
    if target.startswith("sqlite:"):
        return target[len("sqlite:") :]
    return target


def open_sqlite(target: str) -> SQLiteStore:
    """The registry factory: open (creating and migrating if needed) the store at ``target``."""
    return SQLiteStore(sqlite_path(target))


class _SQLiteCursor(Cursor):
    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con

    def run(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return self.con.execute(sql, params).fetchall()

    def run_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.con.executemany(sql, rows)

    def insert_returning(self, sql: str, params: Sequence[Any]) -> int:
        row = self.con.execute(sql, params).fetchone()
        return int(row[0])


class SQLiteStore(SQLReads):
    dialect: Dialect = "sqlite"
    events_fts = True

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        _check_path(self.path)
        self._lock = threading.Lock()
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._closed = False
        self._writer = self._connect()
        try:
            self._migrate()
        except BaseException:
            self._writer.close()
            raise

    # ------------------------------------------------------------ connections

    def _connect(self, *, read_only: bool = False) -> sqlite3.Connection:
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                con = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=0)
                con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                mode = con.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                break
            except sqlite3.OperationalError as exc:
                # Two processes opening a new file at once: switching it to WAL takes a lock that
                # SQLite's busy handler does not wait for, so wait here (Dask workers, parallel ingests).
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise self._not_a_store(exc) from exc
                con.close()
                time.sleep(0.05)
            except sqlite3.DatabaseError as exc:
                raise self._not_a_store(exc) from exc
        if str(mode).lower() != "wal":
            con.close()
            raise StoreError(
                f"{self.path} cannot be switched to WAL mode ({mode}): is it on a network share?"
            )
        con.execute("PRAGMA foreign_keys = ON")
        con.execute("PRAGMA synchronous = NORMAL")
        con.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        con.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        if read_only:
            con.execute("PRAGMA query_only = ON")
        return con

    def _not_a_store(self, exc: Exception) -> StoreError:
        return StoreError(f"{self.path} is not a frontwatch store: {exc}; give a new file name")

    def _reader(self) -> sqlite3.Connection:
        if self._closed:
            raise StoreError(f"the store {self.path} is closed")
        con: sqlite3.Connection | None = getattr(self._local, "con", None)
        if con is None:
            con = self._connect(read_only=True)
            self._local.con = con
            with self._lock:
                self._readers.append(con)
        return con

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        try:
            return self._reader().execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"reading {self.path} failed: {exc}") from exc

    # ------------------------------------------------------------- migrations

    def _migrate(self) -> None:
        con = self._writer
        try:
            found = _read_version(con, self.path)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a frontwatch store: {exc}; give a new file name") from exc
        if found is not None and not migrate.pending(BACKEND, found, str(self.path)):
            return  # up to date: no write lock needed, so opening never waits for a writer
        try:
            con.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(f"{self.path} is locked by another writer ({exc}); try again") from exc
        try:
            current = _schema_version(con, self.path)
            for m in migrate.pending(BACKEND, current, str(self.path)):
                for statement in _statements(m.sql):
                    con.execute(statement)
                after_migration(_SQLiteCursor(con), m.version)
                con.execute(
                    f"INSERT INTO {migrate.SCHEMA_TABLE} (version, name, applied) VALUES (?, ?, ?)",
                    (m.version, m.name, now_iso()),
                )
            con.execute("COMMIT")
        except sqlite3.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"upgrading the schema of {self.path} failed: {exc}") from exc
        except BaseException:
            con.execute("ROLLBACK")
            raise

    @property
    def schema_version(self) -> int:
        return int(self._fetch(f"SELECT max(version) FROM {migrate.SCHEMA_TABLE}")[0][0])

    # ------------------------------------------------------------------ write

    def put(self, doc: Document, events: list[Event]) -> PutStatus:
        with self._lock:
            if self._closed:
                raise StoreError(f"the store {self.path} is closed")
            con = self._writer
            try:
                con.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise StoreError(f"{self.path} is locked by another writer ({exc}); try again") from exc
            try:
                status = put_in_transaction(_SQLiteCursor(con), doc, events)
                con.execute("ROLLBACK" if status == "duplicate" else "COMMIT")
                return status
            except sqlite3.Error as exc:
                con.execute("ROLLBACK")
                raise StoreError(f"storing {doc.doc_id} in {self.path} failed: {exc}") from exc
            except BaseException:
                con.execute("ROLLBACK")
                raise

    def optimize(self) -> None:
        """Refresh the query planner's statistics (worth it after a large ingest)."""
        with self._lock:
            self._writer.execute("ANALYZE")

    # ------------------------------------------------------------------ state

    def set_state(self, namespace: str, key: str, value: dict[str, Any]) -> None:
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
        with self._lock:
            if self._closed:
                raise StoreError(f"the store {self.path} is closed")
            try:
                self._writer.execute(
                    "INSERT INTO state (namespace, key, value, updated) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value,"
                    " updated = excluded.updated",
                    (namespace, key, text, now_iso()),
                )
            except sqlite3.Error as exc:
                raise StoreError(f"saving state {namespace}/{key} in {self.path} failed: {exc}") from exc

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            for con in self._readers:
                con.close()
            # statistics are an optimisation; a busy or read-only file keeps its old ones
            with contextlib.suppress(sqlite3.Error):
                self._writer.execute("PRAGMA optimize")
            self._writer.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _check_path(path: Path) -> None:
    if path.is_dir():
        raise StoreError(
            f"{path} is a folder, not a store file: give a file path such as {path / 'frontwatch.db'}"
        )
    if path.exists():
        if not os.access(path, os.R_OK | os.W_OK):
            raise StoreError(f"{path} cannot be read and written by this user: check its permissions")
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the folder for the store {path}: {exc.strerror}") from exc


def _read_version(con: sqlite3.Connection, path: Path) -> int | None:
    """The schema version without taking a lock; None when there is no schema table yet."""
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if migrate.SCHEMA_TABLE not in tables:
        return None
    row = con.execute(f"SELECT max(version) FROM {migrate.SCHEMA_TABLE}").fetchone()
    return int(row[0] or 0)


def _schema_version(con: sqlite3.Connection, path: Path) -> int:
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if migrate.SCHEMA_TABLE not in tables:
        if tables:
            raise StoreError(
                f"{path} is an SQLite database but not a frontwatch store (no {migrate.SCHEMA_TABLE}"
                " table): give another file name"
            )
        con.execute(
            f"CREATE TABLE {migrate.SCHEMA_TABLE} (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
            " applied TEXT NOT NULL)"
        )
        return 0
    row = con.execute(f"SELECT max(version) FROM {migrate.SCHEMA_TABLE}").fetchone()
    return int(row[0] or 0)


def _statements(script: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        if not buf and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
