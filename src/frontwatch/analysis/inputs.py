"""Reading the analyses' inputs from a store: every event, and each document's publication date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import replace

from frontwatch.records import Event
from frontwatch.store.base import EventQuery, Store

# "No limit" for a store read: pages by OFFSET cost a walk past every earlier row each time
# (quadratic over a large archive); one ordered read of the keys, then the records in chunks, is linear.
ALL = 2**62


def all_events(store: Store, q: EventQuery | None = None) -> list[Event]:
    """Every stored event matching ``q`` (all of them by default), newest first, in one read."""
    return store.events(replace(q or EventQuery(), limit=ALL, offset=0))


def published_dates(store: Store, doc_ids: Collection[str] | None = None) -> dict[str, dt.date | None]:
    """doc_id -> publication date, for ``doc_ids`` (every stored document by default), in one query."""
    return store.published_dates(doc_ids)
