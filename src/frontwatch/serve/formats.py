"""Event exports: JSON Lines, CSV (one row per event) and GeoJSON (one point per place)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from frontwatch.records import Entity, Event

FORMATS: tuple[str, ...] = ("json", "jsonl", "csv", "geojson")

CSV_COLUMNS: tuple[str, ...] = (
    "id", "doc_id", "event", "date", "date_precision", "factuality",
    "actor", "actor_name", "recipient", "recipient_name", "claimed_by",
    "place", "place_country", "lat", "lon", "dead", "injured",
    "mode", "context", "weapons", "language", "text",
)


# A cell starting with one of these is run as a formula by spreadsheet programs; text
# from documents is untrusted, so such cells get a leading apostrophe (OWASP's advice).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(text: str) -> str:
    if not text.startswith(FORMULA_START) or _is_number(text):
        return text
    return "'" + text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _codes(ents: Sequence[Entity]) -> str:
    return ";".join(e.code or "" for e in ents)


def _names(ents: Sequence[Entity]) -> str:
    return ";".join(e.name or e.text for e in ents)


def _num(x: float | int | None) -> str:
    return "" if x is None else str(x)


def csv_row(ev: Event) -> list[str]:
    first = ev.event_loc[0] if ev.event_loc else None
    return [cell(x) for x in [
        ev.id, ev.doc_id, ev.event, ev.date or "", ev.date_precision or "", ev.factuality,
        _codes(ev.actor), _names(ev.actor), _codes(ev.recipient), _names(ev.recipient),
        _codes(ev.claimed_by),
        ";".join(p.name or p.text for p in ev.event_loc), ";".join(p.country or "" for p in ev.event_loc),
        _num(first.lat if first else None), _num(first.lon if first else None),
        _num(ev.dead), _num(ev.injured),
        ";".join(ev.mode), ";".join(ev.context), ";".join(ev.weapons), ev.language, ev.text,
    ]]


def iter_csv(events: Iterable[Event]) -> Iterator[str]:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    yield buf.getvalue()
    for ev in events:
        buf.seek(0)
        buf.truncate()
        writer.writerow(csv_row(ev))
        yield buf.getvalue()


def iter_jsonl(events: Iterable[Event]) -> Iterator[str]:
    for ev in events:
        yield json.dumps(ev.to_json(), ensure_ascii=False) + "\n"


def geojson_features(ev: Event) -> list[dict[str, Any]]:
    """One Point feature per located place of the event."""
    feats = []
    for i, place in enumerate(ev.event_loc):
        if place.lat is None or place.lon is None:
            continue
        feats.append({
            "type": "Feature",
            "id": f"{ev.id}@{i}",
            "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
            "properties": {
                "event_id": ev.id,
                "doc_id": ev.doc_id,
                "event": ev.event,
                "date": ev.date,
                "factuality": ev.factuality,
                "dead": ev.dead,
                "injured": ev.injured,
                "place": place.name or place.text,
                "place_text": place.text,
                "country": place.country,
                "actor": [e.code for e in ev.actor],
                "recipient": [e.code for e in ev.recipient],
                "claimed_by": [e.code for e in ev.claimed_by],
                "text": ev.text,
            },
        })
    return feats


def geojson(events: Iterable[Event], **meta: Any) -> dict[str, Any]:
    features: list[dict[str, Any]] = []
    unlocated = 0
    for ev in events:
        feats = geojson_features(ev)
        if not feats:
            unlocated += 1
        features.extend(feats)
    return {"type": "FeatureCollection", "features": features, "unlocated": unlocated, **meta}
