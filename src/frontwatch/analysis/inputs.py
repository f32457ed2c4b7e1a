"""Reading the analyses' inputs from a store: every event, each document's publication date, and
for the forecast ledger only the warnings and the records that can resolve them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace

from frontwatch.analysis.common import RESOLVED_BY, codes, parse_date
from frontwatch.analysis.forecasts import EVIDENCE_FACTUALITY, due_date, is_forecast, issue_date
from frontwatch.records import Event
from frontwatch.store.base import ActorWindow, EventQuery, Store

# "No limit" for a store read: pages by OFFSET cost a walk past every earlier row each time
# (quadratic over a large archive); one ordered read of the keys, then the records in chunks, is linear.
ALL = 2**62


def all_events(store: Store, q: EventQuery | None = None) -> list[Event]:
    """Every stored event matching ``q`` (all of them by default), newest first, in one read."""
    return store.events(replace(q or EventQuery(), limit=ALL, offset=0))


def published_dates(store: Store, doc_ids: Collection[str] | None = None) -> dict[str, dt.date | None]:
    """doc_id -> publication date, for ``doc_ids`` (every stored document by default), in one query."""
    return store.published_dates(doc_ids)


@dataclass(frozen=True, slots=True)
class LedgerInputs:
    """What ``build_ledger`` needs from a store, read without reading the whole archive."""

    events: list[Event]  # every forecast, then every record that could resolve one
    published: dict[str, dt.date | None]  # the publication dates of those records' documents
    today: dt.date | None  # the day outcomes are judged as of: given, else the newest date stored


def ledger_inputs(store: Store, as_of: dt.date | None = None) -> LedgerInputs:
    """The forecast ledger's inputs: the warnings (factuality ``possible`` with a horizon), their
    documents' dates, the newest dates stored (unless ``as_of`` is given), and in one query the
    records of a resolving type, ``asserted`` or ``claimed``, by a warned actor inside a warning's
    window (``Store.acts_in_windows``: a superset of what ``forecasts._evidence`` accepts).
    ``build_ledger`` over these gives the same ledger as over every stored event."""
    warnings, published = stored_warnings(store)
    return _with_evidence(store, warnings, published, as_of or newest_date(store))


def stored_warnings(store: Store) -> tuple[list[Event], dict[str, dt.date | None]]:
    """Every stored warning (factuality ``possible`` with a horizon), newest issued first (the
    ledger's order: issue date, then id, both descending), and their documents' dates."""
    warnings = [e for e in store.events(EventQuery(factuality=("possible",), limit=ALL)) if is_forecast(e)]
    published = store.published_dates({e.doc_id for e in warnings})

    def newest_first(e: Event) -> tuple[str, str]:
        issued = issue_date(e, published)
        return (issued.isoformat() if issued else "", e.id)

    return sorted(warnings, key=newest_first, reverse=True), published


@dataclass(frozen=True, slots=True)
class LedgerPage:
    """One page of the ledger's warnings, newest first, with what judges them."""

    inputs: LedgerInputs  # the page's warnings, then the records that could resolve them
    total: int  # every stored warning


def ledger_page(store: Store, offset: int, limit: int, as_of: dt.date | None = None) -> LedgerPage:
    """The warnings ``offset`` to ``offset + limit`` of the ledger (newest first) and the records
    that could resolve them, read for their windows only. A warning's judgment depends only on
    itself, the evidence in its window and the day judged as of, so ``build_ledger`` over these
    judges each warning of the page as the whole ledger does."""
    warnings, published = stored_warnings(store)
    page = warnings[offset:offset + limit]
    return LedgerPage(_with_evidence(store, page, published, as_of or newest_date(store)), len(warnings))


def _with_evidence(
    store: Store, warnings: list[Event], published: dict[str, dt.date | None], today: dt.date | None
) -> LedgerInputs:
    """``warnings`` and the records of ``Store.acts_in_windows`` for their windows, with dates."""
    windows, kinds = evidence_windows(warnings, published, today)
    evidence = store.acts_in_windows(windows, kinds, EVIDENCE_FACTUALITY)
    published = published | store.published_dates({e.doc_id for e in evidence} - published.keys())
    return LedgerInputs(warnings + evidence, published, today)


def evidence_windows(
    warnings: Sequence[Event], pub: Mapping[str, dt.date | None], today: dt.date | None
) -> tuple[list[ActorWindow], frozenset[str]]:
    """Where evidence for ``warnings`` can be: (actor, issued, due or ``today``) per warned actor,
    overlapping spans of one actor merged, and the event types that resolve any of them. The
    records of those types in those windows are a superset of what ``_evidence`` accepts."""
    spans: dict[str, list[tuple[dt.date, dt.date | None]]] = {}
    kinds: set[str] = set()
    for fc in warnings:
        issued = issue_date(fc, pub)
        if issued is None:
            continue  # no issue date: never resolved (``_forecast``)
        kinds |= RESOLVED_BY.get(fc.event, frozenset({fc.event}))
        until = due_date(fc, issued) or today
        for code in codes(fc.actor):
            spans.setdefault(code, []).append((issued, until))
    windows: list[ActorWindow] = []
    for code in sorted(spans):
        for start, end in _merged(spans[code]):
            windows.append(ActorWindow(code, start, end))
    return windows, frozenset(kinds)


def _merged(spans: list[tuple[dt.date, dt.date | None]]) -> list[tuple[dt.date, dt.date | None]]:
    """Day spans (no end: open) merged where they overlap or touch, in order."""
    out: list[tuple[dt.date, dt.date | None]] = []
    for start, end in sorted(spans, key=lambda s: s[0]):
        if out and (out[-1][1] is None or start <= out[-1][1] + dt.timedelta(days=1)):
            last = out[-1][1]
            out[-1] = (out[-1][0], None if last is None or end is None else max(last, end))
        else:
            out.append((start, end))
    return out


def newest_date(store: Store) -> dt.date | None:
    """The newest event date or publication date stored (``forecasts.latest_date`` over the whole
    store): the first event in the store's order and the first document by publication date."""
    newest = store.events(EventQuery(limit=1))
    docs = store.documents(limit=1)
    days = [d for d in (parse_date(newest[0].date) if newest else None,
                        docs[0].published if docs else None) if d is not None]
    return max(days) if days else None
