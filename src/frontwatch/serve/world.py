"""The dashboard's base map: Natural Earth 110m countries, TopoJSON decoded to GeoJSON.

The TopoJSON file (``data/naturalearth/countries-110m.json``, see its SOURCE.md) stores
shared borders once as quantized, delta-encoded arcs. The browser gets plain GeoJSON
with coordinates rounded to ``PRECISION`` decimals, built once per process.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any

from frontwatch.errors import DataError

# 0.01 degrees is about 1 km: finer than the 110m data's own resolution.
PRECISION = 2

Point = list[float]
Ring = list[Point]


def _decode_arcs(topo: dict[str, Any]) -> list[Ring]:
    transform = topo.get("transform")
    arcs: list[Ring] = []
    for arc in topo["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            ring: Ring = []
            for dx, dy in arc:
                x += dx
                y += dy
                ring.append([round(x * sx + tx, PRECISION), round(y * sy + ty, PRECISION)])
        else:
            ring = [[round(p[0], PRECISION), round(p[1], PRECISION)] for p in arc]
        arcs.append(ring)
    return arcs


def _ring(indexes: list[int], arcs: list[Ring]) -> Ring:
    out: Ring = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        # consecutive arcs share their joining point
        out.extend(arc if not out else arc[1:])
    return out


def _geometry(geom: dict[str, Any], arcs: list[Ring]) -> dict[str, Any] | None:
    kind = geom.get("type")
    if kind == "Polygon":
        return {"type": "Polygon", "coordinates": [_ring(r, arcs) for r in geom["arcs"]]}
    if kind == "MultiPolygon":
        return {
            "type": "MultiPolygon",
            "coordinates": [[_ring(r, arcs) for r in poly] for poly in geom["arcs"]],
        }
    return None


def _alpha3(numeric: str | None) -> str | None:
    if not numeric:
        return None
    try:
        import pycountry

        country = pycountry.countries.get(numeric=numeric.zfill(3))
    except (ImportError, LookupError, KeyError):
        return None
    return str(country.alpha_3) if country is not None else None


def topology_to_geojson(topo: dict[str, Any], object_name: str = "countries") -> dict[str, Any]:
    """A GeoJSON FeatureCollection of one TopoJSON object; properties gain ``iso_a3``."""
    if topo.get("type") != "Topology" or object_name not in topo.get("objects", {}):
        raise DataError(f"the world map file is not a TopoJSON topology with an object {object_name!r}")
    arcs = _decode_arcs(topo)
    features = []
    for geom in topo["objects"][object_name].get("geometries", []):
        shape = _geometry(geom, arcs)
        if shape is None:
            continue
        numeric = geom.get("id")
        props = dict(geom.get("properties") or {})
        props["iso_n3"] = numeric
        props["iso_a3"] = _alpha3(numeric)
        features.append({"type": "Feature", "id": numeric, "properties": props, "geometry": shape})
    return {"type": "FeatureCollection", "features": features}


@lru_cache(maxsize=1)
def world_geojson_bytes() -> bytes:
    """The packaged countries as compact GeoJSON bytes (cached)."""
    path = files("frontwatch") / "data" / "naturalearth" / "countries-110m.json"
    try:
        topo = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataError(f"cannot read the world map {path}: {exc}; reinstall frontwatch") from exc
    return json.dumps(topology_to_geojson(topo), separators=(",", ":")).encode("utf-8")
