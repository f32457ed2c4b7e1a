"""Country outlines from Natural Earth 1:110m (``data/naturalearth/countries-110m.json``).

Three uses: which country a point lies in (``Borders.country_at``; to check the supplement
and to tell a caller whether a resolved place is inside the countries an article is about),
a representative point for a country (``Borders.center``: the area centroid of its
largest polygon), used as the coordinates of a country-level place, and a point on the land
border of two countries (``Borders.border_point``: the TopoJSON arcs both outlines use).

At 1:110m a coastline is off by up to ~10 km, and micro-states are absent: a point within
``COAST_TOLERANCE_DEG`` of a country's bounding box counts as near it (``country_near``).
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from frontwatch.errors import DataError

# 0.3 degrees (~30 km): the 110m outlines cut off capes, spits and small islands by up to this.
COAST_TOLERANCE_DEG = 0.3
# A part of a country ("northern Iraq", イラク北部) is the share of its land farthest that way:
# the country cut in three. On the 130 dev mentions of a direction and a country (dev9), a
# third puts 124 within 161 km of the gold point or on the gold country, a quarter 125, a half
# 114; the country's own point, 93 (northern Iraq 330 km off, eastern Poland 263 km).
PART_SHARE = 1 / 3
# Grid points sampled over a country's largest polygon to find a part of it.
PART_GRID_POINTS = 1500

Ring = list[tuple[float, float]]  # (lon, lat) vertices


@dataclass(frozen=True, slots=True)
class Outline:
    alpha3: str
    name: str
    polygons: tuple[tuple[Ring, ...], ...]  # each polygon: outer ring, then holes
    bbox: tuple[float, float, float, float]  # min lon, min lat, max lon, max lat


class Borders:
    """Country outlines; load with ``Borders.load()`` (nothing is read at import)."""

    def __init__(self, outlines: list[Outline], arcs: Sequence[Ring] = (),
                 arcs_of: Mapping[str, frozenset[int]] | None = None) -> None:
        self.outlines = outlines
        self._by_code = {o.alpha3: o for o in outlines}
        self._arcs = list(arcs)
        self._arcs_of = dict(arcs_of or {})
        self._grids: dict[str, tuple[list[tuple[float, float]], float]] = {}

    @classmethod
    def load(cls, path: Path | None = None) -> Borders:
        path = path or Path(str(resources.files("frontwatch") / "data/naturalearth/countries-110m.json"))
        try:
            topo = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise DataError(f"cannot read the country outlines {path}: {exc}.") from exc
        outlines, arcs, arcs_of = _decode(topo)
        return cls(outlines, arcs, arcs_of)

    def border_point(self, a: str, b: str) -> tuple[float, float] | None:
        """(lat, lon) of the vertex of the two countries' common land border nearest the mean
        of its vertices (a point on the border, near its middle), or None when the outlines
        share no arc (no land border at 1:110m, or a country not drawn)."""
        shared = self._arcs_of.get(a, frozenset()) & self._arcs_of.get(b, frozenset())
        pts = [pt for i in sorted(shared) for pt in self._arcs[i]]
        if not pts:
            return None
        mx = sum(x for x, _ in pts) / len(pts)
        my = sum(y for _, y in pts) / len(pts)
        x, y = min(pts, key=lambda p: (p[0] - mx) ** 2 + (p[1] - my) ** 2)
        return y, x

    def country_at(self, lat: float, lon: float) -> str | None:
        """The alpha-3 code of the country whose outline contains the point, or None (sea)."""
        for o in self.outlines:
            if _in_bbox(o.bbox, lon, lat, 0.0) and any(_in_polygon(p, lon, lat) for p in o.polygons):
                return o.alpha3
        return None

    def country_near(self, alpha3: str, lat: float, lon: float) -> bool:
        """True when the point is inside ``alpha3`` or within ``COAST_TOLERANCE_DEG`` of its outline."""
        o = self._by_code.get(alpha3)
        if o is None:
            return True  # not drawn at 1:110m: nothing to contradict
        if any(_in_polygon(p, lon, lat) for p in o.polygons):
            return True
        if not _in_bbox(o.bbox, lon, lat, COAST_TOLERANCE_DEG):
            return False
        return any(_near_ring(ring, lon, lat, COAST_TOLERANCE_DEG) for p in o.polygons for ring in p)

    def center(self, alpha3: str) -> tuple[float, float] | None:
        """(lat, lon) of the area centroid of the country's largest polygon, if it lies inside it.

        None for a country not drawn at 1:110m or whose centroid falls outside it (a crescent
        such as Norway's): callers use the capital. A polygon drawn up to both sides of the
        antimeridian (Russia's) is unwrapped first.
        """
        o = self._by_code.get(alpha3)
        if o is None:
            return None
        ring = _unwrapped(max((p[0] for p in o.polygons), key=lambda r: abs(_area(_unwrapped(r)))))
        lat, lon = _centroid(ring)
        lon = (lon + 180.0) % 360.0 - 180.0
        return (lat, lon) if self.country_at(lat, lon) == alpha3 else None

    def codes(self) -> list[str]:
        return sorted(self._by_code)

    def part(self, alpha3: str, east: int, north: int) -> tuple[float, float] | None:
        """(lat, lon) of the middle of the ``PART_SHARE`` of the country's largest polygon
        lying farthest in the direction (``east``, ``north``), each -1, 0 or 1: (0, 1) is its
        north, (1, -1) its southeast; (0, 0) is its centre, the share nearest its middle.
        None for a country not drawn at 1:110m."""
        pts, k = self._land_grid(alpha3)
        if not pts:
            return None
        mx = sum(x for x, _ in pts) / len(pts)
        my = sum(y for _, y in pts) / len(pts)
        if east or north:
            def far(p: tuple[float, float]) -> float:
                return (p[0] - mx) * k * east + (p[1] - my) * north
        else:
            def far(p: tuple[float, float]) -> float:
                return -math.hypot((p[0] - mx) * k, p[1] - my)
        chosen = sorted(pts, key=far, reverse=True)[: max(1, round(len(pts) * PART_SHARE))]
        lon = sum(x for x, _ in chosen) / len(chosen)
        lat = sum(y for _, y in chosen) / len(chosen)
        return lat, (lon + 180.0) % 360.0 - 180.0

    def _land_grid(self, alpha3: str) -> tuple[list[tuple[float, float]], float]:
        """Points of an even grid (``PART_GRID_POINTS`` over its bounding box, in km) inside
        the country's largest polygon, unwrapped across the antimeridian, and the cosine
        that scales its longitudes to distances; computed once per country."""
        if alpha3 in self._grids:
            return self._grids[alpha3]
        o = self._by_code.get(alpha3)
        out: tuple[list[tuple[float, float]], float] = ([], 1.0)
        if o is not None:
            poly = max(o.polygons, key=lambda p: abs(_area(_unwrapped(p[0]))))
            ring = _unwrapped(poly[0])
            xs, ys = [x for x, _ in ring], [y for _, y in ring]
            k = math.cos(math.radians((min(ys) + max(ys)) / 2))
            step = math.sqrt((max(xs) - min(xs)) * k * (max(ys) - min(ys)) / PART_GRID_POINTS) or 1.0
            grid = [(min(xs) + (i + 0.5) * step / k, min(ys) + (j + 0.5) * step)
                    for j in range(int((max(ys) - min(ys)) / step) + 1)
                    for i in range(int((max(xs) - min(xs)) * k / step) + 1)]
            out = ([(x, y) for x, y in grid if _in_ring(ring, x, y)], k)
        self._grids[alpha3] = out
        return out


@cache
def default_borders() -> Borders:
    return Borders.load()


def _decode(topo: dict[str, object]) -> tuple[list[Outline], list[Ring], dict[str, frozenset[int]]]:
    import pycountry

    transform = topo.get("transform") or {"scale": [1, 1], "translate": [0, 0]}
    assert isinstance(transform, dict)
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    arcs: list[Ring] = []
    for arc in topo["arcs"]:  # type: ignore[attr-defined]
        x = y = 0
        pts: Ring = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(refs: list[int]) -> Ring:
        out: Ring = []
        for r in refs:
            pts = arcs[r] if r >= 0 else arcs[~r][::-1]
            out.extend(pts if not out else pts[1:])
        return out

    outlines: list[Outline] = []
    arcs_of: dict[str, frozenset[int]] = {}
    for geom in topo["objects"]["countries"]["geometries"]:  # type: ignore[index]
        gid = geom.get("id")
        country = pycountry.countries.get(numeric=str(gid)) if gid else None
        if country is None or geom.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        polys = [geom["arcs"]] if geom["type"] == "Polygon" else geom["arcs"]
        polygons = tuple(tuple(ring(r) for r in poly) for poly in polys)
        arcs_of[country.alpha_3] = frozenset(r if r >= 0 else ~r for poly in polys for rr in poly for r in rr)
        xs = [p[0] for poly in polygons for p in poly[0]]
        ys = [p[1] for poly in polygons for p in poly[0]]
        outlines.append(Outline(
            alpha3=country.alpha_3, name=geom.get("properties", {}).get("name", country.name),
            polygons=polygons, bbox=(min(xs), min(ys), max(xs), max(ys)),
        ))
    return outlines, arcs, arcs_of


def _in_bbox(b: tuple[float, float, float, float], x: float, y: float, tol: float) -> bool:
    return b[0] - tol <= x <= b[2] + tol and b[1] - tol <= y <= b[3] + tol


def _in_ring(ring: Ring, x: float, y: float) -> bool:
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def _in_polygon(poly: tuple[Ring, ...], x: float, y: float) -> bool:
    return _in_ring(poly[0], x, y) and not any(_in_ring(h, x, y) for h in poly[1:])


def _near_ring(ring: Ring, x: float, y: float, tol: float) -> bool:
    """Whether the point is within ``tol`` degrees of an edge of the ring (longitude scaled)."""
    k = math.cos(math.radians(y))
    for (x1, y1), (x2, y2) in itertools.pairwise(ring):
        dx, dy = (x2 - x1) * k, y2 - y1
        px, py = (x - x1) * k, y - y1
        t = max(0.0, min(1.0, (px * dx + py * dy) / (dx * dx + dy * dy))) if dx or dy else 0.0
        if math.hypot(px - t * dx, py - t * dy) <= tol:
            return True
    return False


def _unwrapped(ring: Ring) -> Ring:
    """A ring drawn up to both sides of the antimeridian (Russia, Fiji: -180 .. 180) with its
    western longitudes moved past 180, so that its area and centroid are those of the land."""
    xs = [x for x, _ in ring]
    if max(xs) - min(xs) <= 180:
        return ring
    return [(x + 360.0 if x < 0 else x, y) for x, y in ring]


def _area(ring: Ring) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True)) / 2


def _centroid(ring: Ring) -> tuple[float, float]:
    a = _area(ring)
    if a == 0:
        return ring[0][1], ring[0][0]
    cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        f = x1 * y2 - x2 * y1
        cx += (x1 + x2) * f
        cy += (y1 + y2) * f
    return cy / (6 * a), cx / (6 * a)
