"""Downloads of the incident and forecast lists, in the shared export schemas.

CSV comes from ``frontwatch.export`` (the same columns as ``frontwatch incidents
--format csv`` and ``frontwatch forecasts --format csv``). GeoJSON has one point per
located place of each record in the list, with the event columns of ``export`` and the
list's own keys (incident id and claimant; forecast id, outcome, probability, due date).
PLOVER JSON Lines has the list's records, each once, as EVENTS.md records.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from fastapi.responses import Response

from frontwatch import export
from frontwatch.records import Event, Forecast, Incident

EXPORT_FORMATS: tuple[str, ...] = ("csv", "geojson", "jsonl")
MEDIA = {"csv": "text/csv; charset=utf-8", "geojson": "application/geo+json", "jsonl": "application/x-ndjson"}


def attachment(filename: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{filename}"'}


def _features(tagged: Iterable[tuple[Mapping[str, Any], Event]]) -> dict[str, Any]:
    features: list[dict[str, Any]] = []
    unlocated = 0
    for tags, ev in tagged:
        feats = export.geojson_features(ev)
        unlocated += not feats
        for f in feats:
            f["properties"] = {**f["properties"], **tags}
            f["id"] = f"{next(iter(tags.values()))}/{f['id']}"
        features.extend(feats)
    return {"type": "FeatureCollection", "features": features, "unlocated": unlocated}


def _unique(events: Iterable[Event]) -> list[Event]:
    return list({ev.id: ev for ev in events}.values())


def _response(name: str, fmt: str, body: str) -> Response:
    return Response(body, media_type=MEDIA[fmt], headers=attachment(f"{name}.{fmt}"))


def incidents_response(incidents: Sequence[Incident], fmt: str) -> Response:
    if fmt == "csv":
        body = "".join(export.iter_incidents_csv(incidents))
    elif fmt == "jsonl":
        body = "".join(export.iter_jsonl(_unique(ev for inc in incidents for ev in inc.events)))
    else:
        tagged = (({"incident_id": inc.id, "incident_contested": inc.contested, "claimant": v.claimant}, ev)
                  for inc in incidents for v in inc.versions for ev in v.events)
        body = json.dumps(_features(tagged), ensure_ascii=False, separators=(",", ":"))
    return _response("incidents", fmt, body)


def forecasts_response(ledger: Sequence[Forecast], fmt: str) -> Response:
    if fmt == "csv":
        body = "".join(export.iter_forecasts_csv(ledger))
    elif fmt == "jsonl":
        body = "".join(export.iter_jsonl(_unique(f.event for f in ledger)))
    else:
        tagged = (({"forecast_id": f.id, "forecast_outcome": f.outcome, "forecast_probability": f.probability,
                    "forecast_due": f.due}, f.event) for f in ledger)
        body = json.dumps(_features(tagged), ensure_ascii=False, separators=(",", ":"))
    return _response("forecasts", fmt, body)
