"""Small helpers the three analyses share: event-type families, dates, party codes.

Event-type families (PLOVER types grouped by what they say happened):

- ``FORCE_TYPES``: a physical happening that can be an incident (an attack, a
  seizure, a deployment). Records of these types are an incident's core.
- ``STATEMENT_TYPES``: what a party says about such a happening (an accusation, a
  rejection, a protest). They join an incident but never found one, and two
  statements are never joined to each other directly.
- ``RESOLVED_BY``: which recorded types show that a forecast of a type came true.
  A warned attack is shown by an attack or a seizure; a warned deployment also by
  an attack (the deployment happened on the way). Other types resolve by themselves.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping

from frontwatch.records import Entity, Event

FORCE_TYPES: frozenset[str] = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
STATEMENT_TYPES: frozenset[str] = frozenset({"ACCUSE", "REJECT", "PROTEST"})
RESOLVED_BY: Mapping[str, frozenset[str]] = {
    "ASSAULT": frozenset({"ASSAULT", "COERCE"}),
    "COERCE": frozenset({"COERCE", "ASSAULT"}),
    "MOBILIZE": frozenset({"MOBILIZE", "ASSAULT", "COERCE"}),
    "THREATEN": frozenset({"THREATEN", "ASSAULT", "COERCE"}),
}

# PLOVER codes that are not states: an IGO or NGO is never the country whose
# territory was hit, nor a member of a treaty table row.
NON_STATE_CODES: frozenset[str] = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """An ISO date (or the date part of a timestamp); None for anything else."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    m = _ISO.match(value.strip())
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def date_interval(ev: Event) -> tuple[dt.date, dt.date] | None:
    """The days an event's date may stand for: one day, a whole month, or a whole year."""
    day = parse_date(ev.date)
    if day is None:
        return None
    if ev.date_precision == "month":
        start = day.replace(day=1)
        nxt = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return start, nxt - dt.timedelta(days=1)
    if ev.date_precision == "year":
        return day.replace(month=1, day=1), day.replace(month=12, day=31)
    return day, day


def codes(entities: Iterable[Entity]) -> tuple[str, ...]:
    """The distinct codes of entities, in order; entities without a code are skipped."""
    out: list[str] = []
    for ent in entities:
        if ent.code and ent.code not in out:
            out.append(ent.code)
    return tuple(out)


def state_codes(entities: Iterable[Entity]) -> tuple[str, ...]:
    """Codes that name a state (ISO alpha-3), not an IGO, NGO or other PLOVER group."""
    return tuple(c for c in codes(entities) if c not in NON_STATE_CODES and len(c) == 3)


def place_countries(ev: Event) -> tuple[str, ...]:
    out: list[str] = []
    for p in ev.event_loc:
        if p.country and p.country not in out:
            out.append(p.country)
    return tuple(out)


def parties(ev: Event) -> frozenset[str]:
    """Every code named as actor or recipient."""
    return frozenset(codes(ev.actor)) | frozenset(codes(ev.recipient))


def anchor_date(ev: Event, published: Mapping[str, dt.date | None]) -> tuple[dt.date | None, str]:
    """The day to place a record at: its own date, else its document's publication date."""
    day = parse_date(ev.date)
    if day is not None:
        return day, "event date"
    pub = published.get(ev.doc_id)
    if pub is not None:
        return pub, "publication date"
    return None, "no date"


def normalise_published(
    published: Mapping[str, dt.date | str | None] | None,
) -> dict[str, dt.date | None]:
    """doc_id -> date from a mapping whose values may be dates or ISO strings."""
    return {k: parse_date(v) for k, v in (published or {}).items()}
