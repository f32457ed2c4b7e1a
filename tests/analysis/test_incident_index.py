"""The keyed index finds exactly what comparing a record with every incident finds, while no
bucket is full (``LINK_SAMPLE``): random archives checked against the all-pairs rule."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from tests.analysis.analysis_builders import PLACES, ev

from frontwatch.analysis import incidents as inc
from frontwatch.analysis.incident_links import haversine, link
from frontwatch.records import Event, Incident

TYPES = ("ASSAULT", "ASSAULT", "COERCE", "MOBILIZE", "ACCUSE", "REJECT", "PROTEST")
PARTIES = ("ARM", "AZE", "RUS", "UKR", "BLR")


def _all_pairs(events: list[Event], pub: dict[str, dt.date | None]) -> list[Incident]:
    """``build_incidents`` without an index: every record against every incident."""
    placed = [inc._placed(e, inc._interval(e, inc.normalise_published(pub))) for e in events
              if inc._is_candidate(e)]
    placed.sort(key=inc._order_key)
    clusters: list[inc._Cluster] = []

    def best(item: inc._Placed) -> tuple[inc._Cluster, str] | None:
        found, links = None, 0
        for c in clusters:
            if item.interval is not None and not c.within_window(item.interval):
                continue
            dated = item.interval is not None
            why = [f"{item.ev.id} ~ {m.ev.id}: {w}" for m in c.members
                   if (w := link(item.ev, m.ev, item.parties, m.parties, dated=dated))]
            if len(why) > links:
                found, links = (c, why[0]), len(why)
        return found

    def add(c: inc._Cluster, item: inc._Placed, reason: str | None) -> None:
        c.members.append(item)
        if reason:
            c.reasons.append(reason)
        if item.interval:
            c.min_hi = min(c.min_hi or item.interval[1], item.interval[1])
            c.max_lo = max(c.max_lo or item.interval[0], item.interval[0])

    for force in (True, False):
        for item in (p for p in placed if (p.ev.event in inc.FORCE_TYPES) == force):
            target = best(item)
            if target is not None:
                add(target[0], item, target[1])
            elif force:
                clusters.append(inc._Cluster(len(clusters)))
                add(clusters[-1], item, None)
    out = [inc._incident(c) for c in clusters]
    return sorted(out, key=lambda i: (i.date_from or "9999-99-99", i.id))


def _archive(seed: int, n: int) -> tuple[list[Event], dict[str, dt.date | None]]:
    rng = random.Random(seed)
    start = dt.date(2022, 9, 1)
    events, pub = [], {}
    for i in range(n):
        doc = f"d{i // 4}"
        day = start + dt.timedelta(days=rng.randrange(60))
        pub.setdefault(doc, day if rng.random() < 0.9 else None)
        a, b = rng.sample(PARTIES, 2)
        places = tuple(rng.sample(sorted(PLACES), rng.choice((0, 1, 1, 2))))
        date = None if rng.random() < 0.2 else (day - dt.timedelta(days=rng.randrange(3))).isoformat()
        events.append(ev(f"{doc}#{i}", rng.choice(TYPES), (a,), (b,) if rng.random() < 0.8 else (),
                         places=places, date=date, factuality=rng.choice(("asserted", "claimed", "denied"))))
    return events, pub


@pytest.mark.parametrize("seed", range(6))
def test_incident_index_equals_all_pairs(seed: int) -> None:
    events, pub = _archive(seed, 300)
    got = inc.build_incidents(events, pub)
    want = _all_pairs(events, pub)
    assert [(i.id, [e.id for e in i.events], i.reasons) for i in got] == \
        [(i.id, [e.id for e in i.events], i.reasons) for i in want]
    assert len(got) > 5


def test_incident_index_a_near_point_lies_in_a_touched_cube() -> None:
    """Filing under the cubes a point's ball touches and looking in one's own cube finds every
    point within the radius (computed from the points, issue 15)."""
    from frontwatch.analysis.incident_index import cube, touched, xyz

    rng = random.Random(3)
    for _ in range(2000):
        lat, lon = rng.uniform(-80, 80), rng.uniform(-180, 180)
        # a second point within about 0-24 km
        lat2 = lat + rng.uniform(-0.15, 0.15)
        lon2 = lon + rng.uniform(-0.15, 0.15)
        km = haversine(lat, lon, lat2, lon2)
        if km > inc.PLACE_NEAR_KM:
            continue
        assert cube(xyz(lat2, lon2), inc.PLACE_NEAR_KM) in touched(xyz(lat, lon), inc.PLACE_NEAR_KM)


def test_incident_versions_list_documents_once_in_first_seen_order() -> None:
    """A large incident's version names each document once, in the order its records came."""
    from frontwatch.analysis.versions import build_versions

    members = tuple(ev(f"d{i % 37}#{i}", "ASSAULT", ("RUS",), ("UKR",), places=("Kharkiv",))
                    for i in range(500))
    (version,) = build_versions(members)
    assert version.doc_ids == tuple(f"d{i}" for i in range(37))
    assert version.places == ("Kharkiv",)
