"""EventQuery -> a WHERE clause, for both SQL backends.

The events table keeps the indexed columns (event, date, factuality, doc_id, text);
codes and places live in side tables (``event_party``, ``event_place``) reached by
semi-joins on the event's integer key, so every filter can use an index and results
come back ordered by ``date DESC, id`` without reading the JSON records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from frontwatch.store.base import EventQuery
from frontwatch.store.codec import ROLE_ACTOR, ROLE_CLAIMANT, ROLE_RECIPIENT, like_pattern

Dialect = Literal["sqlite", "postgres"]

# Shortest text filter the SQLite trigram index can answer; shorter ones scan.
TRIGRAM_MIN = 3


@dataclass
class Where:
    dialect: Dialect
    clauses: list[str] = field(default_factory=list)
    params: list[object] = field(default_factory=list)

    @property
    def ph(self) -> str:
        return "?" if self.dialect == "sqlite" else "%s"

    def marks(self, n: int) -> str:
        return ", ".join([self.ph] * n)

    def add(self, clause: str, *params: object) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def _party(w: Where, roles: tuple[str, ...], codes: tuple[str, ...]) -> None:
    w.add(
        f"e.pk IN (SELECT event_pk FROM event_party WHERE role IN ({w.marks(len(roles))})"
        f" AND code IN ({w.marks(len(codes))}))",
        *roles,
        *codes,
    )


def build_where(q: EventQuery, dialect: Dialect, *, events_fts: bool = False) -> Where:
    """The WHERE clause (alias ``e`` for events) and its parameters for ``q``."""
    w = Where(dialect)
    if q.event:
        w.add(f"e.event IN ({w.marks(len(q.event))})", *q.event)
    if q.factuality:
        w.add(f"e.factuality IN ({w.marks(len(q.factuality))})", *q.factuality)
    if q.doc_id is not None:
        w.add(f"e.doc_id = {w.ph}", q.doc_id)
    if q.date_from is not None:
        w.add(f"e.date >= {w.ph}", q.date_from.isoformat())
    if q.date_to is not None:
        w.add(f"e.date <= {w.ph}", q.date_to.isoformat())
    if q.actor:
        _party(w, (ROLE_ACTOR,), q.actor)
    if q.recipient:
        _party(w, (ROLE_RECIPIENT,), q.recipient)
    if q.party:
        _party(w, (ROLE_ACTOR, ROLE_RECIPIENT), q.party)
    if q.claimed_by:
        _party(w, (ROLE_CLAIMANT,), q.claimed_by)
    if q.place_country:
        w.add(
            f"e.pk IN (SELECT event_pk FROM event_place WHERE country IN ({w.marks(len(q.place_country))}))",
            *q.place_country,
        )
    if q.bbox is not None:
        min_lon, min_lat, max_lon, max_lat = q.bbox
        w.add(
            f"e.pk IN (SELECT event_pk FROM event_place WHERE lon BETWEEN {w.ph} AND {w.ph}"
            f" AND lat BETWEEN {w.ph} AND {w.ph})",
            min_lon,
            max_lon,
            min_lat,
            max_lat,
        )
    if q.text:
        _text(w, q.text, events_fts=events_fts)
    return w


def _text(w: Where, text: str, *, events_fts: bool) -> None:
    pattern = like_pattern(text)
    if w.dialect == "postgres":
        w.add(f"e.text ILIKE {w.ph} ESCAPE '\\'", pattern)
    elif events_fts and len(text) >= TRIGRAM_MIN:
        w.add(f"e.pk IN (SELECT rowid FROM events_fts WHERE text LIKE {w.ph} ESCAPE '\\')", pattern)
    else:
        w.add(f"e.text LIKE {w.ph} ESCAPE '\\'", pattern)


def order_by(dialect: Dialect) -> str:
    """Newest first; undated events last; ties broken by event id."""
    if dialect == "postgres":
        return " ORDER BY e.date DESC NULLS LAST, e.id"
    return " ORDER BY e.date DESC, e.id"
