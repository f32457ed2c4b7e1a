"""When two records tell of the same happening: the place and party rules of ``incidents``
(step 3 there) on records and places, and the distances they use.

Two records link when (a) they name the same place (the same GeoNames id, else the same name),
or places within ``PLACE_NEAR_KM``; or (b) they name the same pair of parties and their places,
when both have coordinates, are within ``PLACE_FAR_KM``; or (c) they come from the same
document and share a party. An undated record links only by (c).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from frontwatch.analysis.common import parties
from frontwatch.analysis.incident_index import EARTH_KM, Point
from frontwatch.records import Event, Place

# Places this close are one site for joining (a town and its outskirts, two
# villages of one border section).
PLACE_NEAR_KM = 25.0
# The same two parties fighting this far apart on the same days are separate
# happenings (two fronts of one war), even though the pair matches.
PLACE_FAR_KM = 100.0
# The straight-line distances of those great-circle ones (a chord is shorter than its arc), with
# a hair of slack for rounding: a cheap first test, the great-circle distance decides.
NEAR_CHORD = 2 * EARTH_KM * math.sin(PLACE_NEAR_KM / (2 * EARTH_KM)) * (1 + 1e-9) + 1e-6
FAR_CHORD = 2 * EARTH_KM * math.sin(PLACE_FAR_KM / (2 * EARTH_KM)) * (1 + 1e-9) + 1e-6


def closest_chord(xs: tuple[Point, ...], ys: tuple[Point, ...]) -> float:
    """The shortest straight-line distance (km) between two sets of points; inf when one is empty."""
    best = math.inf
    for x in xs:
        for y in ys:
            d = math.dist(x, y)
            if d < best:
                best = d
    return best


def link_reason(a: Event, b: Event, *, dated: bool = True) -> str | None:
    """Why two records tell of the same happening, or None (dates are checked apart)."""
    return link(a, b, parties(a), parties(b), dated=dated)


def link(a: Event, b: Event, pa: frozenset[str], pb: frozenset[str], *, dated: bool) -> str | None:
    if dated:
        shared = shared_place(a.event_loc, b.event_loc)
        if shared:
            return shared
        if pa and (pa == pb or len(pa & pb) >= 2):
            far = min_distance(a.event_loc, b.event_loc)
            if far is None or far <= PLACE_FAR_KM:
                return f"same parties {'-'.join(sorted(pa & pb))}"
    if a.doc_id == b.doc_id:
        common = pa & pb
        if common:
            return f"same document {a.doc_id}, shared party {'-'.join(sorted(common))}"
    return None


def shared_place(xs: Sequence[Place], ys: Sequence[Place]) -> str | None:
    for x in xs:
        for y in ys:
            if same_place(x, y):
                return f"same place {x.name or x.text}"
    for x in xs:
        for y in ys:
            km = distance_km(x, y)
            if km is not None and km <= PLACE_NEAR_KM:
                return f"{x.name or x.text} and {y.name or y.text} {km:.0f} km apart"
    return None


def same_place(x: Place, y: Place) -> bool:
    """The same GeoNames id when both have one, else the same name."""
    if x.geonameid is not None and y.geonameid is not None:
        return x.geonameid == y.geonameid
    name = (x.name or x.text or "").casefold()
    return bool(name) and name == (y.name or y.text or "").casefold()


def place_key(p: Place) -> str:
    if p.geonameid is not None:
        return f"id:{p.geonameid}"
    return (p.name or p.text or "").casefold()


def distance_km(x: Place, y: Place) -> float | None:
    if x.lat is None or x.lon is None or y.lat is None or y.lon is None:
        return None
    return haversine(x.lat, x.lon, y.lat, y.lon)


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km. Not cached: an LRU cache keyed on coordinate pairs misses more
    the more distinct places an archive has (4x the misses for 3x the events, 100k to 300k)."""
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def min_distance(xs: Sequence[Place], ys: Sequence[Place]) -> float | None:
    dists = [d for x in xs for y in ys if (d := distance_km(x, y)) is not None]
    return min(dists) if dists else None
