"""The HTTP API under ``/api/``: thin routes over ``frontwatch.query``.

Every route reads the store through ``StoreHandle`` (one store, one lock: SQLite
connections are not shared across threads). Bad parameters raise ``InputError`` in
``query`` and come back as 422 with a one-line ``detail``; unknown ids as 404.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Hashable
from dataclasses import replace
from typing import Annotated, Any, Literal, TypeVar

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from frontwatch import export, query
from frontwatch.serve import analysis_views, list_exports
from frontwatch.serve.refine import facet_counts
from frontwatch.serve.world import world_geojson_bytes
from frontwatch.store.base import EventQuery, Store

T = TypeVar("T")
# /api/events counts matches up to this many and says "at least" beyond: a hundred pages of the
# dashboard's list, and a count that stays within milliseconds at ten million events.
COUNT_CAP = 10_000


# Views that read every matching event (facets, timeline, incidents, forecasts,
# alliances) are kept this long: a dashboard may lag a running ingest by this much,
# and a click on a large store does not rescan it each time.
CACHE_SECONDS = 30.0
CACHE_ENTRIES = 128


class StoreHandle:
    """The app's store. Routes run in a thread pool; the built-in stores are safe to
    read from several threads (SQLite keeps one read connection per thread, the fake
    a lock), so reads are not serialised here."""

    def __init__(self, store: Store, *, cache_seconds: float = CACHE_SECONDS) -> None:
        self.store = store
        self.cache_seconds = cache_seconds
        self._cache: dict[Hashable, tuple[float, Any]] = {}
        self._lock = threading.Lock()

    def run(self, fn: Callable[[Store], T]) -> T:
        return fn(self.store)

    def cached(self, key: Hashable, fn: Callable[[Store], T]) -> T:
        """``fn(store)``, reused for ``cache_seconds`` under ``key``."""
        now = time.monotonic()
        with self._lock:
            hit = self._cache.get(key)
        if hit is not None and now - hit[0] < self.cache_seconds:
            value: T = hit[1]
            return value
        value = fn(self.store)
        with self._lock:
            if len(self._cache) >= CACHE_ENTRIES:
                self._cache.clear()
            self._cache[key] = (now, value)
        return value


class ErrorOut(BaseModel):
    detail: str


ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"model": ErrorOut, "description": "A parameter was wrong; `detail` says which and what it takes."},
    404: {"model": ErrorOut, "description": "No such id is stored."},
}

router = APIRouter(prefix="/api", responses=ERRORS)


def handle(request: Request) -> StoreHandle:
    h: StoreHandle = request.app.state.store
    return h


StoreDep = Annotated[StoreHandle, Depends(handle)]
Many = Annotated[list[str], Query()]
Limit = Annotated[int, Query(ge=1, le=query.MAX_LIMIT, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=query.MAX_OFFSET, description="Rows to skip.")]
ForecastLimit = Annotated[int, Query(
    ge=1, le=analysis_views.MAX_FORECAST_PAGE, description="Warnings in the page, newest first.")]
Format = Literal["json", "jsonl", "csv", "geojson"]
ListFormat = Annotated[Literal["json", "jsonl", "csv", "geojson"], Query(
    description="json for the page; csv, geojson or jsonl to download the records the list is built from.")]


class EventFilters:
    """The filters shared by /api/events, /api/timeline and the analysis views."""

    def __init__(
        self,
        event: Annotated[list[str], Query(description="PLOVER event types, e.g. ASSAULT.")] = [],  # noqa: B006
        actor: Annotated[list[str], Query(description="Actor codes (ISO alpha-3 or PLOVER), e.g. AZE.")] = [],  # noqa: B006
        recipient: Annotated[list[str], Query(description="Recipient codes.")] = [],  # noqa: B006
        country: Annotated[list[str], Query(description="Codes of a party: actor OR recipient.")] = [],  # noqa: B006
        place_country: Annotated[list[str], Query(description="Country (alpha-3) of any event place.")] = [],  # noqa: B006
        date_from: Annotated[str | None, Query(description="Earliest event date, YYYY-MM-DD.")] = None,
        date_to: Annotated[str | None, Query(description="Latest event date, YYYY-MM-DD.")] = None,
        bbox: Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat in degrees.")] = None,
        factuality: Annotated[list[str], Query(description="asserted, claimed, denied, possible.")] = [],  # noqa: B006
        claimed_by: Annotated[list[str], Query(description="Codes of who claims the event.")] = [],  # noqa: B006
        doc_id: Annotated[str | None, Query(description="Only events of this document.")] = None,
        q: Annotated[str | None, Query(description="Text that the event's sentence contains.")] = None,
        language: Annotated[list[str], Query(description="Languages of the sentence, e.g. ja.")] = [],  # noqa: B006
        source: Annotated[list[str], Query(
            description="Sites the documents came from (host names, or 'local file').")] = [],  # noqa: B006
        dead_min: Annotated[int | None, Query(ge=0, le=query.MAX_DEAD, description="Fewest dead.")] = None,
    ) -> None:
        self.args: dict[str, Any] = {
            "event": event, "actor": actor, "recipient": recipient, "party": country,
            "place_country": place_country, "date_from": date_from, "date_to": date_to, "bbox": bbox,
            "factuality": factuality, "claimed_by": claimed_by, "doc_id": doc_id, "text": q,
            "language": language, "source": source, "dead_min": dead_min,
        }
        self.build()  # a bad value is refused before any route reads the store

    def build(self, limit: int = 100, offset: int = 0) -> EventQuery:
        return query.event_query(**self.args, limit=limit, offset=offset)


Filters = Annotated[EventFilters, Depends()]


@router.get("/stats", summary="Counts of documents, versions, events and comments; date range.")
def get_stats(h: StoreDep) -> dict[str, Any]:
    return h.run(query.stats)


@router.get("/documents", summary="Stored documents, newest first.")
def list_documents(h: StoreDep, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    return h.run(lambda s: query.documents(s, limit=limit, offset=offset))


@router.get("/documents/{doc_id:path}", summary="One document: its parts, comments, events and coded spans.")
def get_document(
    h: StoreDep,
    doc_id: str,
    version: Annotated[int | None, Query(ge=1, le=1_000_000, description="Version; default latest.")] = None,
) -> dict[str, Any]:
    return h.run(lambda s: query.document_view(s, doc_id, version))


@router.get(
    "/events",
    summary="Event records matching the filters, one page at a time.",
    responses={200: {"content": {"application/json": {}, "application/x-ndjson": {},
                                 "text/csv": {}, "application/geo+json": {}}}},
)
def list_events(
    h: StoreDep, filters: Filters, limit: Limit = 100, offset: Offset = 0, format: Format = "json"
) -> Response:
    # Only the JSON page carries ``total``: counting is the slow part of a broad query
    # on a large store, so exports and the map read one record more to know if more match.
    q = filters.build(limit, offset)
    if format == "json":
        # the count stops past COUNT_CAP: on a large archive a broad filter matches millions,
        # and counting them all costs more than the page (bench/README.md)
        events, total = h.run(lambda s: (s.events(q), s.count_events(q, cap=COUNT_CAP)))
        return _json({"total": min(total, COUNT_CAP), "total_exact": total <= COUNT_CAP,
                      "limit": limit, "offset": offset, "events": [query.event_json(e) for e in events]})
    else:
        probe = h.run(lambda s: s.events(replace(q, limit=limit + 1)))
        events, more = probe[:limit], len(probe) > limit
    # a page is at most MAX_LIMIT records: one body is faster than streaming line by line
    if format == "jsonl":
        return Response("".join(export.iter_jsonl(events)), media_type="application/x-ndjson",
                        headers=list_exports.attachment("events.jsonl"))
    if format == "csv":
        sources = h.run(lambda s: export.document_sources(s, events))
        return Response(
            "".join(export.iter_events_csv(events, sources)), media_type="text/csv; charset=utf-8",
            headers=list_exports.attachment("events.csv"),
        )
    collection = export.geojson(events, limit=limit, offset=offset, more=more)
    return _json(collection, media_type="application/geo+json",
                 headers=list_exports.attachment("events.geojson"))


@router.get("/events/{event_id:path}", summary="One event record, with the rule that produced it.")
def get_event(h: StoreDep, event_id: str) -> dict[str, Any]:
    return query.event_json(h.run(lambda s: query.get_event(s, event_id)), explain=True)


@router.get("/timeline", summary="Counts of dated events per day, week or month and type.")
def get_timeline(
    h: StoreDep, filters: Filters, bucket: Literal["day", "week", "month"] = "day"
) -> dict[str, Any]:
    q = filters.build()
    return h.cached(("timeline", q, bucket), lambda s: query.timeline(s, q, bucket))


@router.get("/facets", summary="Types, countries, claimants, languages, sources present, for filter menus.")
def get_facets(h: StoreDep) -> dict[str, Any]:
    def both(s: Store) -> dict[str, Any]:
        scan = query.scan_events(s, EventQuery())  # one read of the newest events for every menu
        return {**query.facets(s, scan), **facet_counts(s, scan)}

    return h.cached("facets", both)


@router.get("/search", summary="Full-text search over document parts and comments.")
def search(
    h: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=query.MAX_TEXT, description="Words to find.")],
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> dict[str, Any]:
    return h.run(lambda s: query.search(s, q, limit))


# the list routes that also download their records
EXPORT_CONTENT: dict[int | str, dict[str, Any]] = {200: {"content": {
    "application/json": {}, "application/x-ndjson": {}, "text/csv": {}, "application/geo+json": {}}}}


@router.get("/incidents", summary="Events joined into incidents, each side's version apart.",
            responses=EXPORT_CONTENT)
def list_incidents(h: StoreDep, filters: Filters, format: ListFormat = "json") -> Response:
    q = filters.build()
    if format != "json":
        built = h.cached(("incident-list", q), lambda s: analysis_views.incident_list(s, q))
        return list_exports.incidents_response(built, format)
    return _json(h.cached(("incidents", q), lambda s: analysis_views.incidents(s, q)))


@router.get("/incidents/{incident_id:path}", summary="One incident with its versions side by side.")
def get_incident(h: StoreDep, incident_id: str) -> dict[str, Any]:
    return h.cached(("incident", incident_id), lambda s: analysis_views.incident(s, incident_id))


@router.get("/forecasts", summary="A page of the forecast ledger: warnings, outcomes, Brier scores.",
            responses=EXPORT_CONTENT)
def list_forecasts(
    h: StoreDep,
    as_of: Annotated[str | None, Query(description="Judge outcomes as of this date, YYYY-MM-DD.")] = None,
    limit: ForecastLimit = analysis_views.FORECAST_PAGE,
    offset: Offset = 0,
    format: ListFormat = "json",
) -> Response:
    day = query.parse_date("as_of", as_of)
    if format != "json":
        page = ("ledger", day, limit, offset)
        ledger = h.cached(page, lambda s: analysis_views.ledger(s, day, limit, offset))
        return list_exports.forecasts_response(ledger, format)
    return _json(h.cached(("forecasts", day, limit, offset),
                          lambda s: analysis_views.forecasts(s, day, limit, offset)))


@router.get("/alliances", summary="Alliance obligations that stored events engage.")
def list_alliances(h: StoreDep, filters: Filters) -> dict[str, Any]:
    q = filters.build()
    return h.cached(("alliances", q), lambda s: analysis_views.alliances(s, q))


@router.get("/world", summary="Country boundaries (Natural Earth 110m) as GeoJSON.",
            responses={200: {"content": {"application/geo+json": {}}}})
def world() -> Response:
    return Response(
        world_geojson_bytes(), media_type="application/geo+json",
        headers={"Cache-Control": "public, max-age=86400"},
    )


def _json(
    value: Any, media_type: str = "application/json", headers: dict[str, str] | None = None
) -> Response:
    return Response(json.dumps(value, ensure_ascii=False, separators=(",", ":")), media_type=media_type,
                    headers=headers)


__all__ = ["ErrorOut", "StoreHandle", "router"]
