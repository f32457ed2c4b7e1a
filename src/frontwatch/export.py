"""Exports shared by the CLI and the HTTP API: one schema per kind of row.

- Events: ``EVENT_COLUMNS`` (ACLED-like CSV, one row per record), GeoJSON (one point per
  located place, the CSV's columns as properties plus the map's short keys), PLOVER JSON
  Lines (the EVENTS.md record, one a line).
- Incidents: ``INCIDENT_COLUMNS`` (one row per record of each side's version) and JSON.
- Forecasts: ``FORECAST_COLUMNS`` (one row per warning) and JSON.

Every CSV cell goes through ``cell``: text from documents is untrusted, and a cell that
starts like a formula is run by spreadsheet programs (CSV injection).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import IO, TYPE_CHECKING, Any

from frontwatch.codes import code_name
from frontwatch.records import Entity, Event, Forecast, Incident, Place

if TYPE_CHECKING:
    from frontwatch.store.base import Store

EVENT_FORMATS: tuple[str, ...] = ("jsonl", "csv", "geojson")

# Lists inside one cell (several actors, places, modes) are joined with this; the
# codes and names of one list keep the same order, so R's strsplit/pandas' str.split
# pair them up.
LIST_SEP = ";"

EVENT_COLUMNS: tuple[str, ...] = (
    "event_id", "event_date", "date_precision", "event_type", "mode", "context",
    "actor_code", "actor_name", "actor_sector",
    "recipient_code", "recipient_name", "recipient_sector",
    "place", "admin_area", "country", "country_code", "latitude", "longitude",
    "fatalities", "injured", "weapons", "factuality", "claimed_by_code", "claimed_by_name",
    "language", "doc_id", "source_url", "sentence",
)

INCIDENT_COLUMNS: tuple[str, ...] = (
    "incident_id", "contested", "date_from", "date_to", "places",
    "claimant_code", "claimant_name", "version_actors", "version_recipients", "version_dead",
    "disputes", "event_id", "event_type", "factuality", "doc_id", "sentence",
)

FORECAST_COLUMNS: tuple[str, ...] = (
    "forecast_id", "source_code", "source_name", "sources", "event_type", "actor_code",
    "recipient_code", "horizon", "horizon_days", "issued", "due", "probability", "hedge",
    "outcome", "evidence", "doc_id", "sentence",
)

# Places of these kinds name an administrative area rather than a point (GeoNames
# feature classes as kept in Place.feature).
ADMIN_FEATURES = frozenset({"admin1", "admin2", "region"})

# A cell starting with one of these is run as a formula by spreadsheet programs
# (OWASP, "CSV Injection"): such a cell gets a leading apostrophe, except a plain number.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# ------------------------------------------------------------------ cells


def cell(value: object) -> str:
    """``value`` as a CSV cell that no spreadsheet runs as a formula."""
    text = _text(value)
    if not text.startswith(FORMULA_START) or _is_number(text):
        return text
    return "'" + text


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return text.strip() == text


def _codes(ents: Sequence[Entity]) -> str:
    return LIST_SEP.join(e.code or "" for e in ents)


def _names(ents: Sequence[Entity]) -> str:
    return LIST_SEP.join(e.name or (code_name(e.code) if e.code else e.text) for e in ents)


def _sectors(ents: Sequence[Entity]) -> str:
    return LIST_SEP.join(e.sector or "" for e in ents) if any(e.sector for e in ents) else ""


def _join(values: Iterable[object]) -> str:
    return LIST_SEP.join(_text(v) for v in values)


def main_place(ev: Event) -> Place | None:
    """The place whose country and coordinates stand for the record: the first located one."""
    located = [p for p in ev.event_loc if p.lat is not None and p.lon is not None]
    return located[0] if located else (ev.event_loc[0] if ev.event_loc else None)


# ------------------------------------------------------------------ events


def event_row(ev: Event, source_url: str | None = None) -> dict[str, object]:
    """The record under ``EVENT_COLUMNS`` (values not yet guarded; ``csv_cells`` does that)."""
    main = main_place(ev)
    country = main.country if main else None
    return {
        "event_id": ev.id, "event_date": ev.date, "date_precision": ev.date_precision,
        "event_type": ev.event, "mode": _join(ev.mode), "context": _join(ev.context),
        "actor_code": _codes(ev.actor), "actor_name": _names(ev.actor), "actor_sector": _sectors(ev.actor),
        "recipient_code": _codes(ev.recipient), "recipient_name": _names(ev.recipient),
        "recipient_sector": _sectors(ev.recipient),
        "place": _join(p.name or p.text for p in ev.event_loc),
        "admin_area": _join(p.name or p.text for p in ev.event_loc if p.feature in ADMIN_FEATURES),
        "country": code_name(country) if country else None, "country_code": country,
        "latitude": main.lat if main else None, "longitude": main.lon if main else None,
        "fatalities": ev.dead, "injured": ev.injured, "weapons": _join(ev.weapons),
        "factuality": ev.factuality, "claimed_by_code": _codes(ev.claimed_by),
        "claimed_by_name": _names(ev.claimed_by), "language": ev.language, "doc_id": ev.doc_id,
        "source_url": source_url, "sentence": ev.text,
    }


def csv_cells(row: Mapping[str, object], columns: Sequence[str]) -> list[str]:
    return [cell(row.get(c)) for c in columns]


def iter_csv(rows: Iterable[Mapping[str, object]], columns: Sequence[str]) -> Iterator[str]:
    """CSV text (RFC 4180 line ends), the header first, one chunk a row."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(columns)
    yield buf.getvalue()
    for row in rows:
        buf.seek(0)
        buf.truncate()
        writer.writerow(csv_cells(row, columns))
        yield buf.getvalue()


def iter_events_csv(events: Iterable[Event], sources: Mapping[str, str] | None = None) -> Iterator[str]:
    """The events as CSV; ``sources`` maps a doc_id to its URL for the source_url column."""
    urls = sources or {}
    return iter_csv((event_row(ev, urls.get(ev.doc_id)) for ev in events), EVENT_COLUMNS)


def iter_jsonl(events: Iterable[Event], *, explain: bool = False) -> Iterator[str]:
    """PLOVER JSON Lines: the EVENTS.md record of each event, one a line."""
    for ev in events:
        yield json.dumps(ev.to_json(explain=explain), ensure_ascii=False, default=_jsonable) + "\n"


def document_sources(store: Store, events: Iterable[Event]) -> dict[str, str]:
    """doc_id -> the URL its document was read from, for the documents of ``events`` that have one."""
    out: dict[str, str] = {}
    for doc_id in dict.fromkeys(ev.doc_id for ev in events):
        doc = store.get_document(doc_id)
        if doc is not None and doc.url:
            out[doc_id] = doc.url
    return out


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def geojson_features(ev: Event, source_url: str | None = None) -> list[dict[str, Any]]:
    """One Point feature per located place of the event: the CSV's columns for that place,
    plus the short keys the dashboard map reads (event, date, dead, actor, recipient, ...)."""
    base = event_row(ev, source_url)
    feats = []
    for i, place in enumerate(ev.event_loc):
        if place.lat is None or place.lon is None:
            continue
        props: dict[str, Any] = dict(base)
        props.update({
            "place": place.name or place.text, "place_text": place.text,
            "country_code": place.country, "country": code_name(place.country) if place.country else None,
            "latitude": place.lat, "longitude": place.lon,
            "event": ev.event, "date": ev.date, "dead": ev.dead, "doc": ev.doc_id, "text": ev.text,
            "actor": [e.code for e in ev.actor], "recipient": [e.code for e in ev.recipient],
            "claimed_by": [e.code for e in ev.claimed_by],
        })
        feats.append({"type": "Feature", "id": f"{ev.id}@{i}",
                      "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
                      "properties": props})
    return feats


def geojson(events: Iterable[Event], sources: Mapping[str, str] | None = None, **meta: Any) -> dict[str, Any]:
    """A FeatureCollection; ``unlocated`` counts the records with no located place."""
    urls = sources or {}
    features: list[dict[str, Any]] = []
    unlocated = 0
    for ev in events:
        feats = geojson_features(ev, urls.get(ev.doc_id))
        if not feats:
            unlocated += 1
        features.extend(feats)
    return {"type": "FeatureCollection", "features": features, "unlocated": unlocated, **meta}


def write_events(events: Iterable[Event], fmt: str, out: IO[str], *, explain: bool = False,
                 sources: Mapping[str, str] | None = None) -> None:
    """Write the events to ``out`` as jsonl, csv or geojson (``EVENT_FORMATS``)."""
    if fmt == "jsonl":
        out.writelines(iter_jsonl(events, explain=explain))
    elif fmt == "csv":
        out.writelines(iter_events_csv(events, sources))
    elif fmt == "geojson":
        json.dump(geojson(events, sources), out, ensure_ascii=False, default=_jsonable)
        out.write("\n")
    else:
        raise ValueError(f"unknown event format {fmt!r}")


# ------------------------------------------------------------------ incidents


def incident_rows(inc: Incident) -> Iterator[dict[str, object]]:
    """One row per record of each side's version: a record sits under the claimant whose
    version it carries."""
    places = _join(p.name or p.text for p in inc.places)
    for v in inc.versions:
        head = {
            "incident_id": inc.id, "contested": inc.contested, "date_from": inc.date_from,
            "date_to": inc.date_to, "places": places, "claimant_code": v.claimant,
            "claimant_name": "reported" if v.claimant == "reported" else code_name(v.claimant),
            "version_actors": _join(v.actors), "version_recipients": _join(v.recipients),
            "version_dead": v.dead, "disputes": _join(v.disputes),
        }
        for ev in v.events:
            yield {**head, "event_id": ev.id, "event_type": ev.event, "factuality": ev.factuality,
                   "doc_id": ev.doc_id, "sentence": ev.text}


def iter_incidents_csv(incidents: Iterable[Incident]) -> Iterator[str]:
    return iter_csv((row for inc in incidents for row in incident_rows(inc)), INCIDENT_COLUMNS)


def incidents_geojson(incidents: Iterable[Incident]) -> dict[str, Any]:
    """One Point feature per located place of each incident."""
    feats: list[dict[str, Any]] = []
    for inc in incidents:
        claimants = [v.claimant for v in inc.versions]
        for i, place in enumerate(inc.places):
            if place.lat is None or place.lon is None:
                continue
            feats.append({"type": "Feature", "id": f"{inc.id}@{i}",
                          "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
                          "properties": {"incident_id": inc.id, "contested": inc.contested,
                                         "date_from": inc.date_from, "date_to": inc.date_to,
                                         "place": place.name or place.text, "country_code": place.country,
                                         "claimants": claimants, "events": [e.id for e in inc.events]}})
    return {"type": "FeatureCollection", "features": feats}


# ------------------------------------------------------------------ forecasts


def forecast_row(fc: Forecast) -> dict[str, object]:
    ev = fc.event
    return {
        "forecast_id": fc.id, "source_code": fc.source,
        "source_name": code_name(fc.source) if fc.source else None, "sources": _join(fc.sources),
        "event_type": ev.event, "actor_code": _codes(ev.actor), "recipient_code": _codes(ev.recipient),
        "horizon": ev.horizon, "horizon_days": ev.horizon_days, "issued": fc.issued, "due": fc.due,
        "probability": round(fc.probability, 3), "hedge": fc.hedge, "outcome": fc.outcome,
        "evidence": _join(fc.evidence), "doc_id": ev.doc_id, "sentence": ev.text,
    }


def iter_forecasts_csv(forecasts: Iterable[Forecast]) -> Iterator[str]:
    return iter_csv((forecast_row(f) for f in forecasts), FORECAST_COLUMNS)
