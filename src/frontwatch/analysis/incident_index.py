"""Finding the records a new record can link to, without comparing it with every incident.

``build_incidents`` needs, for one record, the members of open incidents that it links to
(``incident_links.link``): the same place or one within ``PLACE_NEAR_KM``, the same parties
within ``PLACE_FAR_KM``, or the same document with a shared party. Each member is filed
under the keys such a link needs, and a record looks only in its own keys' buckets:

1. ``place``: a GeoNames id, or a name when the place has none (names of places with an id
   are filed apart: they only meet places without one, as ``_same_place`` compares them).
2. ``near``: cubes of twice ``PLACE_NEAR_KM`` in 3-D space. A member is filed under every cube
   that the ball of that radius around it touches (at most 8); a place within that distance
   of it (a chord is never longer than the arc) lies in one of them, so a record looks in
   its own cube only.
3. ``party``: the party set (one party) or each pair of parties (two or more), alone for
   records without coordinates, and with the cubes of ``PLACE_FAR_KM`` (as in 2) for located ones.
4. ``doc``: the document.

Every candidate is then checked with the full rule, so the index never adds a link; a bucket
keeps only its newest ``LINK_SAMPLE`` members, which bounds the work per record however dense
the archive grows (a burst of hundreds of same-party reports a day is counted on its newest
sixteen per key and nearby cube).
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Hashable, Iterable, Iterator
from itertools import combinations, product

from frontwatch.records import Place

# Members a bucket keeps (the newest). Below this many records per key within the date window,
# joining is exactly the all-pairs rule (tests/analysis/test_incident_index.py); above it, each
# record is compared with at most this many per key. bench_incidents.py, 1M synthetic events:
# 64 kept took 205 CPU-s, 16 took 131 CPU-s; at 100k both 8-9 CPU-s (buckets not yet full).
LINK_SAMPLE = 16
EARTH_KM = 6371.0

# (position in its incident, the member, its incident's number, first and last day as ordinals)
Entry = tuple[int, object, int, int, int]


Point = tuple[float, float, float]


def xyz(lat: float, lon: float) -> Point:
    la, lo = math.radians(lat), math.radians(lon)
    return (EARTH_KM * math.cos(la) * math.cos(lo), EARTH_KM * math.cos(la) * math.sin(lo),
            EARTH_KM * math.sin(la))


# Cubes are computed from each record's points (``_Placed.xyz``, computed once), not cached by
# coordinates: with an LRU cache keyed on places, an archive with more distinct places than the
# cache holds missed more often the larger it grew (issue 15: 111k misses at 100k events, 598k
# at 300k), one of the costs that made joining grow faster than the records.
def cube(point: Point, radius_km: float) -> tuple[int, int, int]:
    """The cube (of side twice ``radius_km``) the point lies in."""
    size = 2 * radius_km
    return (math.floor(point[0] / size), math.floor(point[1] / size), math.floor(point[2] / size))


def touched(point: Point, radius_km: float) -> list[tuple[int, int, int]]:
    """The cubes (of side twice ``radius_km``) that the ball of ``radius_km`` around the point touches."""
    size = 2 * radius_km
    spans = [range(math.floor((v - radius_km) / size), math.floor((v + radius_km) / size) + 1)
             for v in point]
    return [(a, b, c) for a, b, c in product(*spans)]


def party_keys(parties: frozenset[str]) -> list[Hashable]:
    """Keys two party sets share when they link: the set itself (one party) or a common pair."""
    if len(parties) == 1:
        return [("solo", next(iter(parties)))]
    return [("pair", *pair) for pair in combinations(sorted(parties), 2)]


def _name_keys(places: tuple[Place, ...]) -> Iterator[Hashable]:
    for p in places:
        name = (p.name or p.text or "").casefold()
        if p.geonameid is not None:
            yield ("gid", p.geonameid)
            if name:
                yield ("gname", name)
        elif name:
            yield ("name", name)


def member_keys(places: tuple[Place, ...], points: tuple[Point, ...], parties: frozenset[str],
                near_km: float, far_km: float) -> set[Hashable]:
    """The keys a member is filed under; ``points`` are its located places in 3-D (``xyz``), in order."""
    keys: set[Hashable] = set(_name_keys(places))
    for pt in points:
        keys.update(("near", c) for c in touched(pt, near_km))
    if parties:
        far = {c for pt in points for c in touched(pt, far_km)}
        for pk in party_keys(parties):
            keys.add(("any", pk))
            if not points:
                keys.add(("unlocated", pk))
            keys.update(("far", pk, c) for c in far)
    return keys


def query_keys(places: tuple[Place, ...], points: tuple[Point, ...], parties: frozenset[str],
               near_km: float, far_km: float) -> Iterator[Hashable]:
    """The keys a dated record looks under (the document apart)."""
    for p in places:
        name = (p.name or p.text or "").casefold()
        if p.geonameid is not None:
            yield ("gid", p.geonameid)
        if name:
            yield ("name", name)
            if p.geonameid is None:
                yield ("gname", name)
    for pt in points:
        yield ("near", cube(pt, near_km))
    for pk in party_keys(parties) if parties else ():
        if not points:
            yield ("any", pk)
            continue
        yield ("unlocated", pk)
        for pt in points:
            yield ("far", pk, cube(pt, far_km))


class Buckets:
    """key -> the newest ``LINK_SAMPLE`` entries filed under it."""

    def __init__(self) -> None:
        self._by_key: dict[Hashable, deque[Entry]] = {}

    def file(self, keys: Iterable[Hashable], entry: Entry) -> None:
        for key in keys:
            bucket = self._by_key.get(key)
            if bucket is None:
                bucket = self._by_key[key] = deque(maxlen=LINK_SAMPLE)
            bucket.append(entry)

    def look(self, keys: Iterable[Hashable], since: int | None = None) -> Iterator[Entry]:
        """The entries under ``keys``; with ``since`` (a day ordinal), entries that end before it are
        dropped first: records come in date order, so no later record can reach them."""
        get = self._by_key.get
        for key in keys:
            bucket = get(key)
            if not bucket:
                continue
            if since is not None:
                while bucket and bucket[0][4] < since:
                    bucket.popleft()
            yield from bucket
