"""JSON views of the analysis stage: incidents, the forecast ledger, alliance checks.

The analysis functions (``frontwatch.analysis.*``) work over a sequence of events and
the documents' publication dates; these views read both from the store, call them,
and shape the typed records for the API. Incidents and forecasts carry whole event
records so the dashboard can show each side's version and link to its document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict
from functools import lru_cache
from typing import Any

from frontwatch.analysis import alliances as alliance_table
from frontwatch.analysis.forecasts import brier_by_source, build_ledger, score_to_json
from frontwatch.analysis.incidents import build_incidents
from frontwatch.analysis.inputs import ALL, ledger_page
from frontwatch.errors import NotFound
from frontwatch.query import Scan, event_json, scan_events
from frontwatch.records import Event, Forecast, Incident, Version
from frontwatch.serve.labels import entity_names, explain_incident, labels
from frontwatch.store.base import EventQuery, Store

# Incidents and alliance checks read every matching event: build_incidents grows linearly
# (bench/README.md); the response still says how many it read.
ANALYSIS_CAP = ALL

# /api/forecasts answers a page of warnings: judging one takes about 3 ms at 100k events
# (bench/bench_forecasts.py: 2,730 warnings in 9.3 s), so the default page stays well under a
# second and the largest about 3 s; the CLI's ``frontwatch forecasts`` keeps the whole ledger.
FORECAST_PAGE = 200
MAX_FORECAST_PAGE = 1_000


def published_dates(store: Store, events: Sequence[Event]) -> dict[str, dt.date | None]:
    """doc_id -> publication date, for the documents of ``events``, in one query."""
    return store.published_dates({e.doc_id for e in events})


def _read(store: Store, q: EventQuery, cap: int) -> tuple[Scan, dict[str, dt.date | None]]:
    scan = scan_events(store, q, cap)
    return scan, published_dates(store, scan.events)


def _scope(scan: Scan) -> dict[str, Any]:
    return {"scanned": len(scan.events), "truncated": scan.truncated}


# --------------------------------------------------------------------- incidents


def _version_json(v: Version) -> dict[str, Any]:
    return {
        "claimant": v.claimant,
        "actors": list(v.actors),
        "recipients": list(v.recipients),
        "places": list(v.places),
        "weapons": list(v.weapons),
        "dead": v.dead,
        "doc_ids": list(v.doc_ids),
        "disputes": list(v.disputes),
        "events": [event_json(e) for e in v.events],
    }


def _incident_json(inc: Incident, *, full: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": inc.id,
        "contested": inc.contested,
        "date_from": inc.date_from,
        "date_to": inc.date_to,
        "places": [asdict(p) for p in inc.places],
        "event_types": sorted({e.event for e in inc.events}),
        "claimants": [v.claimant for v in inc.versions],
        "documents": sorted({e.doc_id for e in inc.events}),
        "events": len(inc.events),
        "dead": max((e.dead for e in inc.events if e.dead is not None), default=None),
        "reasons": list(inc.reasons),
    }
    seen = entity_names(inc.events)
    out["names"] = labels((*out["claimants"], *seen), seen)
    out["explanations"] = explain_incident(inc.reasons, inc.events, seen)
    if full:
        out["versions"] = [_version_json(v) for v in inc.versions]
    return out


def _incidents(store: Store, q: EventQuery) -> tuple[list[Incident], Scan]:
    scan, published = _read(store, q, ANALYSIS_CAP)
    built = build_incidents(scan.events, published)
    return sorted(built, key=lambda i: (i.date_from or "", i.id), reverse=True), scan


def incidents(store: Store, q: EventQuery) -> dict[str, Any]:
    """Incidents among the newest events matching ``q``, newest first."""
    built, scan = _incidents(store, q)
    return {"available": True, **_scope(scan), "incidents": [_incident_json(i, full=False) for i in built]}


def incident_list(store: Store, q: EventQuery) -> list[Incident]:
    """The incidents ``incidents`` shows, as records (for exports)."""
    return _incidents(store, q)[0]


def incident(store: Store, incident_id: str) -> dict[str, Any]:
    for inc in _incidents(store, EventQuery())[0]:
        if inc.id == incident_id:
            out = _incident_json(inc, full=True)
            docs = {d: store.get_document(d) for d in out["documents"]}
            out["document_titles"] = {d: doc.title for d, doc in docs.items() if doc and doc.title}
            return out
    raise NotFound(f"no incident with id {incident_id!r}; list incidents with /api/incidents")


# --------------------------------------------------------------------- forecasts


def _forecast_json(f: Forecast) -> dict[str, Any]:
    return {
        "id": f.id,
        "source": f.source,
        "sources": list(f.sources),
        "issued": f.issued,
        "due": f.due,
        "probability": f.probability,
        "hedge": f.hedge,
        "outcome": f.outcome,
        "evidence": list(f.evidence),
        "notes": list(f.notes),
        "event": event_json(f.event),
    }


def _ledger(
    store: Store, as_of: dt.date | None, limit: int, offset: int
) -> tuple[list[Forecast], int, int, dt.date | None]:
    """A page of the forecasts stored, newest first; the events read; every warning's count; the
    day outcomes are judged as of. Only the page's warnings and their possible evidence are read
    (``inputs.ledger_page``), and each is judged as in the whole ledger (``frontwatch forecasts``)."""
    page = ledger_page(store, offset, limit, as_of)
    read = page.inputs
    ledger = build_ledger(read.events, read.published, as_of=read.today)
    ordered = sorted(ledger, key=lambda f: (f.issued or "", f.id), reverse=True)
    return ordered, len(read.events), page.total, read.today


def ledger(
    store: Store, as_of: dt.date | None = None, limit: int = FORECAST_PAGE, offset: int = 0
) -> list[Forecast]:
    """The warnings ``forecasts`` shows, newest first, as records (for exports)."""
    return _ledger(store, as_of, limit, offset)[0]


def forecasts(
    store: Store, as_of: dt.date | None = None, limit: int = FORECAST_PAGE, offset: int = 0
) -> dict[str, Any]:
    """A page of the ledger (newest warning first) and each source's record over that page."""
    ledger, scanned, total, judged = _ledger(store, as_of, limit, offset)
    seen = entity_names(f.event for f in ledger)
    sources = [s for f in ledger for s in (*f.sources, f.source) if s]
    return {
        "available": True,
        "total": total,  # every stored warning
        "limit": limit,
        "offset": offset,
        "scanned": scanned,  # the page's warnings and their candidate evidence, over the whole archive
        "truncated": False,
        "as_of": as_of.isoformat() if as_of else None,
        # outcomes are judged as of this day: the given one, else the newest date stored
        "judged_as_of": judged.isoformat() if judged else None,
        "forecasts": [_forecast_json(f) for f in ledger],
        "sources": [score_to_json(s) for s in brier_by_source(ledger)],  # over this page's warnings
        "names": labels(sources, seen),
    }


# --------------------------------------------------------------------- alliances


@lru_cache(maxsize=1)
def _table() -> alliance_table.AllianceTable:
    return alliance_table.load_alliances()


def alliances(store: Store, q: EventQuery) -> dict[str, Any]:
    """For each event matching ``q`` that engages a treaty clause: the event and the clauses."""
    scan, published = _read(store, q, ANALYSIS_CAP)
    table = _table()
    treaty_names = {t.id: t.name for t in table.treaties}
    checks: list[dict[str, Any]] = []
    codes: list[str] = []
    for ev in scan.events:
        obligations = alliance_table.engaged_obligations(ev, table, on=published.get(ev.doc_id))
        for o in obligations:
            codes += [o.attacked or "", *o.attackers, *o.bound]
        if obligations:
            checks.append({
                "event": event_json(ev),
                "obligations": [
                    {**alliance_table.obligation_to_json(o), "treaty_name": treaty_names.get(o.treaty)}
                    for o in obligations
                ],
            })
    seen = entity_names(scan.events)
    return {"available": True, **_scope(scan), "checks": checks, "names": labels(codes, seen),
            "statuses": dict(alliance_table.STATUS_LEGEND)}
