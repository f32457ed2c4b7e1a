"""Reading the analyses' inputs from a store: every event, and each document's publication date."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from frontwatch.records import Event
from frontwatch.store.base import EventQuery, Store

PAGE = 1_000  # rows per store call while reading everything


def all_events(store: Store, q: EventQuery | None = None) -> list[Event]:
    """Every stored event matching ``q`` (all of them by default), page by page."""
    base = q or EventQuery()
    out: list[Event] = []
    offset = 0
    while True:
        page = store.events(replace(base, limit=PAGE, offset=offset))
        out.extend(page)
        if len(page) < PAGE:
            return out
        offset += len(page)


def published_dates(store: Store) -> dict[str, dt.date | None]:
    """doc_id -> publication date, for every stored document."""
    out: dict[str, dt.date | None] = {}
    offset = 0
    while True:
        page = store.documents(limit=PAGE, offset=offset)
        out.update((d.doc_id, d.published) for d in page)
        if len(page) < PAGE:
            return out
        offset += len(page)
