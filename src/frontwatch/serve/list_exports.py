"""Downloads of the incident and forecast lists in the event export formats.

Each list is exported as the event records it is built from, one row (CSV), feature
(GeoJSON) or line (PLOVER JSON Lines) per record, with the list's own columns in front:
an incident's id and whether it is contested; a forecast's source, dates, probability
and outcome. The event columns are the shared export schema of ``serve.formats``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from fastapi.responses import Response

from frontwatch.records import Event, Forecast, Incident
from frontwatch.serve import formats

EXPORT_FORMATS: tuple[str, ...] = ("csv", "geojson", "jsonl")
INCIDENT_COLUMNS: tuple[str, ...] = ("incident_id", "incident_contested", "incident_version")
FORECAST_COLUMNS: tuple[str, ...] = (
    "forecast_id", "forecast_sources", "forecast_issued", "forecast_due", "forecast_probability",
    "forecast_outcome", "forecast_evidence",
)


@dataclass(frozen=True, slots=True)
class Row:
    """One exported record: the list's own values (keyed by its columns) and the event."""

    extra: Mapping[str, str]
    event: Event


def incident_rows(incidents: Sequence[Incident]) -> list[Row]:
    rows = []
    for inc in incidents:
        for version in inc.versions:
            for ev in version.events:
                rows.append(Row({"incident_id": inc.id, "incident_contested": str(inc.contested).lower(),
                                 "incident_version": version.claimant}, ev))
    return rows


def forecast_rows(ledger: Sequence[Forecast]) -> list[Row]:
    return [
        Row({
            "forecast_id": f.id,
            "forecast_sources": ";".join(f.sources or ((f.source,) if f.source else ())),
            "forecast_issued": f.issued or "",
            "forecast_due": f.due or "",
            "forecast_probability": f"{f.probability:.2f}",
            "forecast_outcome": f.outcome,
            "forecast_evidence": ";".join(f.evidence),
        }, f.event)
        for f in ledger
    ]


def _csv(columns: Sequence[str], rows: Sequence[Row]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([*columns, *formats.CSV_COLUMNS])
    for row in rows:
        writer.writerow([*(formats.cell(row.extra.get(c, "")) for c in columns), *formats.csv_row(row.event)])
    return buf.getvalue()


def _jsonl(rows: Sequence[Row]) -> str:
    lines = (json.dumps({**row.extra, **row.event.to_json()}, ensure_ascii=False) for row in rows)
    return "".join(line + "\n" for line in lines)


def _geojson(rows: Sequence[Row]) -> dict[str, Any]:
    features: list[dict[str, Any]] = []
    unlocated = 0
    for row in rows:
        feats = formats.geojson_features(row.event)
        unlocated += not feats
        for f in feats:
            f["properties"] = {**row.extra, **f["properties"]}
            f["id"] = f"{next(iter(row.extra.values()), '')}/{f['id']}"
        features.extend(feats)
    return {"type": "FeatureCollection", "features": features, "unlocated": unlocated}


def export_response(name: str, fmt: str, columns: Sequence[str], rows: Sequence[Row]) -> Response:
    """The rows as a download named ``name.<ext>``."""
    if fmt == "csv":
        body, media, ext = _csv(columns, rows), "text/csv; charset=utf-8", "csv"
    elif fmt == "jsonl":
        body, media, ext = _jsonl(rows), "application/x-ndjson", "jsonl"
    else:
        body = json.dumps(_geojson(rows), ensure_ascii=False, separators=(",", ":"))
        media, ext = "application/geo+json", "geojson"
    return Response(body, media_type=media, headers=attachment(f"{name}.{ext}"))


def attachment(filename: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{filename}"'}
