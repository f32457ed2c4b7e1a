"""The PostgreSQL backend (psycopg 3), for large archives and many writers.

Same schema idea and shared SQL as SQLite (``sqlcommon`` reads, ``sqlwrite`` writes); what differs:

1. every ``put`` takes transaction-scoped advisory locks on its doc_id and on its
   content hash before looking anything up, so writers on many machines (Dask
   workers) may put the same document at once: one stores it, the others see a
   duplicate; puts of different documents run in parallel;
2. full-text search and the event text filter use ``ILIKE`` over pg_trgm GIN indexes;
3. migrations run under an advisory lock, so two processes opening a new database
   at once apply each migration once.

Reads use one autocommit connection per thread; writes one connection under a lock.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict

from frontwatch.errors import StoreError
from frontwatch.records import Document, Event
from frontwatch.store import migrate
from frontwatch.store.base import PutStatus
from frontwatch.store.codec import content_hash
from frontwatch.store.sqlcommon import SQLReads
from frontwatch.store.sqlfilters import Dialect
from frontwatch.store.sqlwrite import Cursor, Row, after_migration, now_iso, put_in_transaction

BACKEND = "postgres"
# Seconds to wait for a server before reporting it unreachable.
CONNECT_TIMEOUT_S = 10
# Advisory-lock key space: first argument of pg_advisory_xact_lock(int, int).
_LOCK_MIGRATE = 0x46570001
_LOCK_DOC = 0x46570002
_LOCK_CONTENT = 0x46570003


def _pg(sql: str) -> str:
    return sql.replace("?", "%s")


def describe(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        parts = conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "the given PostgreSQL URL"
    user = f"{parts['user']}@" if parts.get("user") else ""
    host = parts.get("host") or "localhost"
    port = parts.get("port") or "5432"
    return f"postgresql://{user}{host}:{port}/{parts.get('dbname') or ''}"


def open_postgres(target: str) -> PostgresStore:
    """The registry factory: connect to (and migrate) the database at ``target``."""
    if target.startswith("postgres://"):
        target = "postgresql://" + target[len("postgres://") :]
    return PostgresStore(target)


class _PGCursor(Cursor):
    def __init__(self, cur: psycopg.Cursor[Any]) -> None:
        self.cur = cur

    def run(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        self.cur.execute(_pg(sql), params)
        return self.cur.fetchall() if self.cur.description else []

    def run_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.cur.executemany(_pg(sql), rows)

    def insert_returning(self, sql: str, params: Sequence[Any]) -> int:
        self.cur.execute(_pg(sql), params)
        row = self.cur.fetchone()
        assert row is not None
        return int(row[0])


class PostgresStore(SQLReads):
    dialect: Dialect = "postgres"

    def __init__(self, url: str) -> None:
        self.url = url
        self.where = describe(url)
        self._lock = threading.Lock()
        self._local = threading.local()
        self._readers: list[psycopg.Connection[Any]] = []
        self._closed = False
        self._writer = self._connect()
        try:
            self._migrate()
        except BaseException:
            self._writer.close()
            raise

    def _connect(self) -> psycopg.Connection[Any]:
        try:
            return psycopg.connect(self.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
        except psycopg.Error as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(
                f"cannot reach PostgreSQL at {self.where} ({reason}):"
                " is the server running and the URL right?"
            ) from exc

    def _reader(self) -> psycopg.Connection[Any]:
        if self._closed:
            raise StoreError(f"the store {self.where} is closed")
        con: psycopg.Connection[Any] | None = getattr(self._local, "con", None)
        if con is None or con.closed:
            con = self._connect()
            self._local.con = con
            with self._lock:
                self._readers.append(con)
        return con

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        try:
            cur = self._reader().execute(_pg(sql), params)
            return cur.fetchall()
        except psycopg.Error as exc:
            raise StoreError(f"reading {self.where} failed: {exc}") from exc

    def _migrate(self) -> None:
        try:
            with self._writer.transaction(), self._writer.cursor() as cur:
                cur.execute("SELECT pg_advisory_xact_lock(%s, 0)", (_LOCK_MIGRATE,))
                current = self._schema_version(cur)
                for m in migrate.pending(BACKEND, current, self.where):
                    cur.execute(m.sql.encode("utf-8"))
                    after_migration(_PGCursor(cur), m.version)
                    cur.execute(
                        f"INSERT INTO {migrate.SCHEMA_TABLE} (version, name, applied) VALUES (%s, %s, %s)",
                        (m.version, m.name, now_iso()),
                    )
        except psycopg.Error as exc:
            raise StoreError(f"upgrading the schema of {self.where} failed: {exc}") from exc

    def _schema_version(self, cur: psycopg.Cursor[Any]) -> int:
        cur.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        tables = {r[0] for r in cur.fetchall()}
        if migrate.SCHEMA_TABLE not in tables:
            if tables:
                raise StoreError(
                    f"{self.where} holds tables but no {migrate.SCHEMA_TABLE} table: it is not a"
                    " frontwatch store; give an empty database"
                )
            cur.execute(
                f"CREATE TABLE {migrate.SCHEMA_TABLE} (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                " applied TEXT NOT NULL)"
            )
            return 0
        cur.execute(f"SELECT max(version) FROM {migrate.SCHEMA_TABLE}")
        row = cur.fetchone()
        return int(row[0] or 0) if row else 0

    @property
    def schema_version(self) -> int:
        return int(self._fetch(f"SELECT max(version) FROM {migrate.SCHEMA_TABLE}")[0][0])

    def put(self, doc: Document, events: list[Event]) -> PutStatus:
        with self._lock:
            if self._closed:
                raise StoreError(f"the store {self.where} is closed")
            try:
                with self._writer.transaction() as tx, self._writer.cursor() as cur:
                    cur.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", (_LOCK_DOC, doc.doc_id))
                    cur.execute(
                        "SELECT pg_advisory_xact_lock(%s, hashtext(%s))", (_LOCK_CONTENT, content_hash(doc))
                    )
                    status = put_in_transaction(_PGCursor(cur), doc, events)
                    if status == "duplicate":
                        tx.force_rollback = True  # nothing was written; end the transaction cleanly
                    return status
            except psycopg.Error as exc:
                raise StoreError(f"storing {doc.doc_id} in {self.where} failed: {exc}") from exc

    def optimize(self) -> None:
        """Refresh the planner's statistics (worth it after a large ingest)."""
        with self._lock:
            self._writer.execute("ANALYZE")

    def set_state(self, namespace: str, key: str, value: dict[str, Any]) -> None:
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
        with self._lock:
            if self._closed:
                raise StoreError(f"the store {self.where} is closed")
            try:
                self._writer.execute(
                    "INSERT INTO state (namespace, key, value, updated) VALUES (%s, %s, %s, %s)"
                    " ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value,"
                    " updated = excluded.updated",
                    (namespace, key, text, now_iso()),
                )
            except psycopg.Error as exc:
                raise StoreError(f"saving state {namespace}/{key} in {self.where} failed: {exc}") from exc

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            for con in self._readers:
                con.close()
            self._writer.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
