"""The write side the SQLite and PostgreSQL backends share: one put's transaction, and the Python
step of a migration.

SQL here is written with ``?`` placeholders; the PostgreSQL backend turns them into ``%s``.
A backend supplies a cursor inside its own transaction (``Cursor``): how a new row's key comes
back is the one thing that differs.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import Any

from frontwatch.errors import StoreError
from frontwatch.records import Document, Event
from frontwatch.store.base import PutStatus
from frontwatch.store.codec import (
    VersionRow,
    cell_of,
    comment_rows,
    content_hash,
    coordinate_rows,
    country_rows,
    document_site,
    event_record,
    party_rows,
    search_rows,
    section_rows,
    side_date,
    version_row,
)

Row = tuple[Any, ...]
VERSION_COLS = (
    "doc_id, content_hash, text, title, category, published, published_source, language, url, source"
)


class Cursor(ABC):
    """The slice of a DB-API cursor the shared code uses, placeholders already adapted."""

    @abstractmethod
    def run(self, sql: str, params: Sequence[Any] = ()) -> list[Row]: ...

    @abstractmethod
    def run_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...

    @abstractmethod
    def insert_returning(self, sql: str, params: Sequence[Any]) -> int:
        """Run an INSERT ending in ``RETURNING <key>`` and give the key back."""


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def put_in_transaction(cur: Cursor, doc: Document, events: list[Event]) -> PutStatus:
    """Every row of one put; the caller holds the transaction and commits or rolls back."""
    h = content_hash(doc)
    if cur.run("SELECT 1 FROM versions WHERE content_hash = ?", (h,)):
        return "duplicate"
    existing = cur.run("SELECT max(version) FROM versions WHERE doc_id = ?", (doc.doc_id,))
    last = existing[0][0] if existing and existing[0][0] is not None else 0
    if last:
        _retire_current(cur, doc.doc_id)
    v = version_row(doc)
    version_id = cur.insert_returning(
        f"INSERT INTO versions ({VERSION_COLS}, version, stored_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (*_version_values(v), last + 1, now_iso()),
    )
    if last:
        cur.run(
            "UPDATE documents SET current_version = ?, current_id = ?, published = ? WHERE doc_id = ?",
            (last + 1, version_id, v.published, doc.doc_id),
        )
    else:
        cur.run(
            "INSERT INTO documents (doc_id, current_version, current_id, published) VALUES (?, ?, ?, ?)",
            (doc.doc_id, 1, version_id, v.published),
        )
    _put_parts(cur, doc, version_id)
    _check_event_ids(cur, doc.doc_id, events)
    site = document_site(doc.url, doc.source)
    for e in events:
        _put_event(cur, e, doc.doc_id, version_id, site)
    return "new_version" if last else "stored"


def _version_values(v: VersionRow) -> tuple[Any, ...]:
    return (
        v.doc_id,
        v.content_hash,
        v.text,
        v.title,
        v.category,
        v.published,
        v.published_source,
        v.language,
        v.url,
        v.source,
    )


def _retire_current(cur: Cursor, doc_id: str) -> None:
    """Move the current version's events to the archive and drop its search rows."""
    cur.run(
        "INSERT INTO event_archive (version_id, id, record)"
        " SELECT e.version_id, e.id, r.record FROM events e JOIN event_records r ON r.pk = e.pk"
        " WHERE e.doc_id = ?",
        (doc_id,),
    )
    cur.run("DELETE FROM event_records WHERE pk IN (SELECT pk FROM events WHERE doc_id = ?)", (doc_id,))
    cur.run("DELETE FROM event_party WHERE event_pk IN (SELECT pk FROM events WHERE doc_id = ?)", (doc_id,))
    cur.run("DELETE FROM event_place WHERE event_pk IN (SELECT pk FROM events WHERE doc_id = ?)", (doc_id,))
    cur.run("DELETE FROM events WHERE doc_id = ?", (doc_id,))
    cur.run("DELETE FROM search_text WHERE doc_id = ?", (doc_id,))


def _put_parts(cur: Cursor, doc: Document, version_id: int) -> None:
    sections = section_rows(doc)
    if sections:
        cur.run_many(
            'INSERT INTO sections (version_id, ord, kind, text, start, "end", language, url)'
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(version_id, *row) for row in sections],
        )
    comments = comment_rows(doc)
    if comments:
        cur.run_many(
            "INSERT INTO comments (version_id, ord, text, author, date, likes, depth)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(version_id, *row) for row in comments],
        )
    texts = search_rows(doc)
    if texts:
        cur.run_many(
            "INSERT INTO search_text (doc_id, kind, ord, text) VALUES (?, ?, ?, ?)",
            [(doc.doc_id, *row) for row in texts],
        )


# Ids looked up per query when checking a put's event ids (below SQLite's variable limit).
ID_BATCH = 500


def _check_event_ids(cur: Cursor, doc_id: str, events: list[Event]) -> None:
    """Refuse events of another document, or whose ids another document already holds."""
    for e in events:
        if e.doc_id != doc_id:
            raise StoreError(
                f"event {e.id} belongs to document {e.doc_id}, not {doc_id}: store it with its own"
            )
    ids = [e.id for e in events]
    for i in range(0, len(ids), ID_BATCH):
        batch = ids[i : i + ID_BATCH]
        taken = cur.run(f"SELECT id, doc_id FROM events WHERE id IN ({', '.join('?' * len(batch))})", batch)
        if taken:
            raise StoreError(
                f"event id {taken[0][0]} is already stored for document {taken[0][1]}:"
                " event ids must be unique"
            )


def _put_event(cur: Cursor, e: Event, doc_id: str, version_id: int, site: str) -> None:
    pk = cur.insert_returning(
        "INSERT INTO events (id, doc_id, version_id, event, date, factuality, text, language, dead, site)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING pk",
        (e.id, doc_id, version_id, e.event, e.date, e.factuality, e.text, e.language, e.dead, site),
    )
    cur.run("INSERT INTO event_records (pk, record) VALUES (?, ?)", (pk, event_record(e)))
    same = (side_date(e), e.id, pk, e.event, e.factuality)
    refine = (e.language, e.dead, site)  # party and country rows repeat these too (0004)
    parties = party_rows(e)
    if parties:
        cur.run_many(
            "INSERT INTO event_party (role, code, date, id, event_pk, event, factuality,"
            " language, dead, site) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(role, code, *same, *refine) for role, code in parties],
        )
    countries = country_rows(e)
    if countries:
        cur.run_many(
            "INSERT INTO event_country (country, date, id, event_pk, event, factuality, language, dead, site)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(country, *same, *refine) for country in countries],
        )
    coordinates = coordinate_rows(e)
    if coordinates:
        cur.run_many(
            "INSERT INTO event_place (cell, lat, lon, date, id, event_pk, event, factuality)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(cell_of(lat, lon), lat, lon, *same) for lat, lon in coordinates],
        )


# The migration that adds events.site; its rows are filled by ``backfill_sites`` right after.
SITE_MIGRATION = 3


def after_migration(cur: Cursor, version: int) -> None:
    """The Python part of migration ``version``, in its transaction (only 0003 has one)."""
    if version == SITE_MIGRATION:
        backfill_sites(cur)


def backfill_sites(cur: Cursor) -> None:
    """Fill events.site for stores written before it existed: one UPDATE per document."""
    rows = cur.run(
        "SELECT d.doc_id, v.url, v.source FROM documents d JOIN versions v ON v.id = d.current_id"
    )
    if rows:
        cur.run_many(
            "UPDATE events SET site = ? WHERE doc_id = ?",
            [(document_site(url, source), doc_id) for doc_id, url, source in rows],
        )
