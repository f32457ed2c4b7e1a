"""Read-side functions shared by the CLI, the HTTP API and the dashboard.

Everything here takes a ``Store`` (the seam in ``store/base.py``) and returns plain
JSON-ready values or typed records; nothing here writes. Filters arrive as strings
from a command line or a URL and are checked in ``event_query``: a bad value raises
``InputError`` with a sentence that says which parameter was wrong and what it takes.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any

from frontwatch.codes import code_for, code_name, display_name, known_code
from frontwatch.errors import InputError, NotFound
from frontwatch.records import Comment, Document, Event, Section
from frontwatch.store.base import EventQuery, Store

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
FACTUALITIES: tuple[str, ...] = ("asserted", "claimed", "denied", "possible", "future")
BUCKETS: tuple[str, ...] = ("day", "week", "month")

# One page of events over the API; exports page through with offset.
MAX_LIMIT = 10_000
# Offsets past this are nonsense for any store we serve and overflow SQLite's integer.
MAX_OFFSET = 10_000_000
# Aggregates (timeline, facets) read at most this many of the newest matching events,
# in one query: on a store of a million events that is about half a second (deep OFFSET
# paging was 60 s). Responses say when they were cut (``truncated``).
SCAN_CAP = 20_000
MAX_TEXT = 200  # longest text filter or search query accepted
MAX_LANGUAGE = 12  # longest language tag accepted (BCP 47 subtags such as "zh-hant")
MAX_DEAD = 1_000_000  # largest least-deaths filter accepted

# Actor/place codes: ISO 3166 alpha-3 or a PLOVER non-state code, three letters.
_CODE = re.compile(r"^[A-Z]{3}$")


# ----------------------------------------------------------------------- filters


def _codes(name: str, values: Sequence[str]) -> tuple[str, ...]:
    out: list[str] = []
    for raw in values:
        for part in raw.split(","):
            code = part.strip().upper()
            if not code:
                continue
            if not _CODE.match(code) or not known_code(code):
                raise InputError(_not_a_code(name, part.strip()))
            out.append(code)
    return tuple(dict.fromkeys(out))


def _not_a_code(name: str, given: str) -> str:
    """Why ``given`` matches no record, with the code to give instead when the name is known."""
    suggested = code_for(given)
    if suggested is not None and suggested != given.upper():
        return f"{name}{given!r} is not a code: for {code_name(suggested)} give {suggested}"
    kind = "no actor or country code that records carry" if _CODE.match(given.upper()) else "not a code"
    return (f"{name}{given!r} is {kind}: give ISO 3166 alpha-3 codes such as ARM or AZE"
            " (or a PLOVER code such as IGO), comma-separated")


def _choices(name: str, values: Sequence[str], allowed: Sequence[str], *, upper: bool) -> tuple[str, ...]:
    out: list[str] = []
    for raw in values:
        for part in raw.split(","):
            value = part.strip().upper() if upper else part.strip().lower()
            if not value:
                continue
            if value not in allowed:
                raise InputError(f"{name}{part!r} is not one of: {', '.join(allowed)}")
            out.append(value)
    return tuple(dict.fromkeys(out))


def parse_date(name: str, value: str | None) -> dt.date | None:
    """``value`` as a date; ``name`` is the parameter (``as_of``) or a label ending in ``=`` or a
    space (``--from ``) for the message."""
    if value is None or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        label = name if name.endswith(("=", " ")) else name + "="
        raise InputError(f"{label}{value!r} is not a date: write it as YYYY-MM-DD") from None


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """``min_lon,min_lat,max_lon,max_lat`` in degrees, or None."""
    if value is None or not value.strip():
        return None
    message = f"bbox={value!r} is not a bounding box: write min_lon,min_lat,max_lon,max_lat in degrees"
    parts = value.split(",")
    if len(parts) != 4:
        raise InputError(message)
    try:
        w, s, e, n = (float(p) for p in parts)
    except ValueError:
        raise InputError(message) from None
    if not all(math.isfinite(x) for x in (w, s, e, n)):
        raise InputError(message)
    if not (-180 <= w <= 180 and -180 <= e <= 180 and -90 <= s <= 90 and -90 <= n <= 90):
        raise InputError(message + " (longitudes within ±180, latitudes within ±90)")
    if w > e or s > n:
        raise InputError(message + " (the minimum comes first)")
    return (w, s, e, n)


def event_query(
    *,
    event: Sequence[str] = (),
    actor: Sequence[str] = (),
    recipient: Sequence[str] = (),
    party: Sequence[str] = (),
    place_country: Sequence[str] = (),
    date_from: str | None = None,
    date_to: str | None = None,
    bbox: str | None = None,
    factuality: Sequence[str] = (),
    claimed_by: Sequence[str] = (),
    doc_id: str | None = None,
    text: str | None = None,
    language: Sequence[str] = (),
    source: Sequence[str] = (),
    dead_min: int | None = None,
    limit: int = 100,
    offset: int = 0,
    labels: dict[str, str] | None = None,
) -> EventQuery:
    """An ``EventQuery`` from user-given strings; raises ``InputError`` on a bad value.

    Messages name a parameter as the API does (``actor='X'``); ``labels`` maps a parameter to
    how the caller spells it instead (``{"actor": "--actor "}`` for the CLI)."""

    def lab(name: str) -> str:
        return (labels or {}).get(name, name + "=")

    if not 1 <= limit <= MAX_LIMIT:
        raise InputError(f"limit={limit} is out of range: give 1 to {MAX_LIMIT}")
    if not 0 <= offset <= MAX_OFFSET:
        raise InputError(f"offset={offset} is out of range: give 0 to {MAX_OFFSET}")
    d_from = parse_date(lab("date_from"), date_from)
    d_to = parse_date(lab("date_to"), date_to)
    if d_from and d_to and d_from > d_to:
        raise InputError(f"{lab('date_from')}{d_from} is after {lab('date_to')}{d_to}: swap them")
    text = _clean_text("text", text)
    return EventQuery(
        event=_choices(lab("event"), event, PLOVER_TYPES, upper=True),
        actor=_codes(lab("actor"), actor),
        recipient=_codes(lab("recipient"), recipient),
        party=_codes(lab("country"), party),
        place_country=_codes(lab("place_country"), place_country),
        date_from=d_from,
        date_to=d_to,
        bbox=parse_bbox(bbox),
        factuality=_choices(lab("factuality"), factuality, FACTUALITIES, upper=False),
        claimed_by=_codes(lab("claimed_by"), claimed_by),
        doc_id=doc_id.strip() or None if doc_id else None,
        text=text,
        language=_languages(lab("language"), language),
        source=tuple(sorted({x.strip() for v in source for x in v.split(",") if x.strip()})),
        dead_min=_dead_min(lab("dead_min"), dead_min),
        limit=limit,
        offset=offset,
    )


def _languages(name: str, values: Sequence[str]) -> tuple[str, ...]:
    """Language codes from ``en,ja``-style values, lower-cased; raises on one that is not a code."""
    langs = sorted({x.strip().lower() for v in values for x in v.split(",") if x.strip()})
    if any(not x.replace("-", "").isalpha() or len(x) > MAX_LANGUAGE for x in langs):
        raise InputError(f"{name}{','.join(langs)} is not a language code: give e.g. en or ja")
    return tuple(langs)


def _dead_min(name: str, value: int | None) -> int | None:
    """The least deaths asked for; 0 means any and filters nothing."""
    if value is not None and not 0 <= value <= MAX_DEAD:
        raise InputError(f"{name}{value} is out of range: give 0 to {MAX_DEAD}")
    return value or None


def _clean_text(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    value = value.replace("\x00", "").strip()
    if len(value) > MAX_TEXT:
        raise InputError(f"{name} is {len(value)} characters long: give at most {MAX_TEXT}")
    return value or None


# ------------------------------------------------------------------------ events


def event_json(ev: Event, *, explain: bool = False) -> dict[str, Any]:
    return ev.to_json(explain=explain)


@dataclass(frozen=True, slots=True)
class Scan:
    """The newest events matching a query, at most ``cap`` of them."""

    events: list[Event]
    truncated: bool  # more events match than were read


def scan_events(store: Store, q: EventQuery, cap: int = SCAN_CAP) -> Scan:
    """The events matching ``q`` (its limit/offset ignored), newest first, up to ``cap``."""
    got = store.events(replace(q, limit=cap + 1, offset=0))
    return Scan(got[:cap], len(got) > cap)


def get_event(store: Store, event_id: str) -> Event:
    ev = store.get_event(event_id)
    if ev is None:
        raise NotFound(f"no event with id {event_id!r} is stored; list ids with /api/events")
    return ev


def _bucket_start(day: dt.date, bucket: str) -> dt.date:
    if bucket == "week":
        return day - dt.timedelta(days=day.weekday())
    if bucket == "month":
        return day.replace(day=1)
    return day


def timeline(store: Store, q: EventQuery, bucket: str = "day", scan: Scan | None = None) -> dict[str, Any]:
    """Counts of dated events per bucket and event type, oldest first (over ``scan`` when
    the caller has already read and narrowed the events)."""
    if bucket not in BUCKETS:
        raise InputError(f"bucket={bucket!r} is not one of: {', '.join(BUCKETS)}")
    counts: dict[dt.date, Counter[str]] = {}
    undated = 0
    scan = scan if scan is not None else scan_events(store, q)
    for ev in scan.events:
        day = _event_day(ev)
        if day is None:
            undated += 1
            continue
        counts.setdefault(_bucket_start(day, bucket), Counter())[ev.event] += 1
    rows = [
        {"date": d.isoformat(), "total": sum(c.values()), "by_type": dict(sorted(c.items()))}
        for d, c in sorted(counts.items())
    ]
    return {"bucket": bucket, "buckets": rows, "undated": undated, "scanned": len(scan.events),
            "truncated": scan.truncated}


def _event_day(ev: Event) -> dt.date | None:
    if not ev.date:
        return None
    try:
        return dt.date.fromisoformat(ev.date[:10])
    except ValueError:
        return None


def facets(store: Store, scan: Scan | None = None) -> dict[str, Any]:
    """What the dashboard's filter menus offer: codes and types present in the store
    (among ``scan``'s events when the caller has read them already)."""
    parties: Counter[str] = Counter()
    places: Counter[str] = Counter()
    claimants: Counter[str] = Counter()
    types: Counter[str] = Counter()
    names: dict[str, list[str]] = {}  # one code (IGO) may stand for NATO, the CSTO, ...
    scan = scan if scan is not None else scan_events(store, EventQuery())
    for ev in scan.events:
        types[ev.event] += 1
        for ent in (*ev.actor, *ev.recipient):
            if ent.code:
                parties[ent.code] += 1
                if ent.name and ent.name not in names.setdefault(ent.code, []):
                    names[ent.code].append(ent.name)
        for ent in ev.claimed_by:
            if ent.code:
                claimants[ent.code] += 1
        for place in ev.event_loc:
            if place.country:
                places[place.country] += 1

    def listed(counts: Counter[str]) -> list[dict[str, Any]]:
        return [{"code": k, "name": _country_name(k, names), "count": v} for k, v in counts.most_common()]

    return {
        "event_types": [{"code": k, "count": v} for k, v in types.most_common()],
        "countries": listed(parties),
        "place_countries": listed(places),
        "claimants": listed(claimants),
        "factualities": list(FACTUALITIES),
        "scanned": len(scan.events),
        "truncated": scan.truncated,
    }


def _country_name(code: str, seen: dict[str, list[str]]) -> str:
    return display_name(code, seen.get(code, ()))


# --------------------------------------------------------------------- documents


def document_view(store: Store, doc_id: str, version: int | None = None) -> dict[str, Any]:
    """A document with its parts, comments, events and the coded spans to light up."""
    if version is not None and version < 1:
        raise InputError(f"version={version} is not a version number: versions count from 1")
    doc = store.get_document(doc_id, version)
    if doc is None:
        what = f"version {version} of document {doc_id!r}" if version else f"document {doc_id!r}"
        raise NotFound(f"no {what} is stored; list documents with /api/documents")
    events = scan_events(store, EventQuery(doc_id=doc_id)).events
    events.sort(key=lambda e: (e.span[0], e.id))
    return {
        **_document_meta(doc),
        "text": doc.text,
        "sections": [_section_json(s) for s in doc.sections],
        "comments": [_comment_json(c) for c in doc.comments],
        "events": [event_json(e) for e in events],
        "spans": coded_spans(events, len(doc.text)),
    }


def coded_spans(events: Sequence[Event], text_length: int) -> list[dict[str, Any]]:
    """One entry per distinct coded sentence: its offsets and the records coded from it."""
    by_span: dict[tuple[int, int], list[Event]] = {}
    for ev in events:
        start, end = ev.span
        if 0 <= start < end <= text_length:
            by_span.setdefault((start, end), []).append(ev)
    return [
        {"start": s, "end": e, "event_ids": [ev.id for ev in evs], "events": sorted({ev.event for ev in evs})}
        for (s, e), evs in sorted(by_span.items())
    ]


def _document_meta(doc: Document) -> dict[str, Any]:
    return {
        "doc_id": doc.doc_id,
        "title": doc.title,
        "category": doc.category,
        "published": doc.published.isoformat() if doc.published else None,
        "language": doc.language,
        "url": doc.url,
        "source": doc.source,
    }


def _section_json(s: Section) -> dict[str, Any]:
    return asdict(s)


def _comment_json(c: Comment) -> dict[str, Any]:
    d = asdict(c)
    d["date"] = c.date.isoformat() if c.date else None
    return d


def documents(store: Store, limit: int = 100, offset: int = 0) -> dict[str, Any]:
    if not 1 <= limit <= MAX_LIMIT:
        raise InputError(f"limit={limit} is out of range: give 1 to {MAX_LIMIT}")
    if not 0 <= offset <= MAX_OFFSET:
        raise InputError(f"offset={offset} is out of range: give 0 to {MAX_OFFSET}")
    rows = store.documents(limit=limit, offset=offset)
    out = []
    for r in rows:
        d = asdict(r)
        d["published"] = r.published.isoformat() if r.published else None
        out.append(d)
    return {"total": store.stats().documents, "limit": limit, "offset": offset, "documents": out}


def search(store: Store, query: str, limit: int = 20) -> dict[str, Any]:
    text = _clean_text("q", query)
    if not text:
        raise InputError("q is empty: give a word or phrase to search for")
    if not 1 <= limit <= 200:
        raise InputError(f"limit={limit} is out of range: give 1 to 200")
    return {"query": text, "hits": [asdict(h) for h in store.search(text, limit=limit)]}


def stats(store: Store) -> dict[str, Any]:
    return asdict(store.stats())
