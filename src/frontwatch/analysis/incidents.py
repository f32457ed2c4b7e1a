"""Join records that tell of the same happening into incidents, each side's version apart.

How records are joined (in this order, so the result does not depend on the order
documents arrived in):

1. Candidates: records of a force type (ASSAULT, COERCE, MOBILIZE) and statements
   about them (ACCUSE, REJECT, PROTEST); warnings and plans (``possible``,
   ``future``) are not happenings and stay out.
2. Each record is placed at its own date, else its document's publication date.
3. Force records are taken in (date, id) order. A record joins the incident that
   it links to most often, provided its date lies within ``DATE_WINDOW_DAYS`` of
   every dated member; otherwise it founds a new incident. Two records link when
   (a) they name the same place, or places within ``PLACE_NEAR_KM``; or
   (b) they name the same pair of parties (either direction, fighting between
       both included) and their places, when both have coordinates, are within
       ``PLACE_FAR_KM`` of each other; or
   (c) they come from the same document and share a party.
   An undated record can only link by (c).
4. Statements then join the incident they link to most often, by the same rules;
   they never found one.
5. An incident is contested when (i) two claimants' versions name disjoint sets of
   actors, (ii) a record is ``denied``, or (iii) a party accuses or rejects another
   party whose own version is part of the incident (a false-flag charge).

Every join and every contest carries a reason sentence.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from frontwatch.analysis.common import (
    FORCE_TYPES,
    STATEMENT_TYPES,
    anchor_date,
    date_interval,
    normalise_published,
    parse_date,
    parties,
)
from frontwatch.analysis.incident_index import Buckets, Entry, member_keys, query_keys, xyz
from frontwatch.analysis.incident_links import (
    FAR_CHORD,
    NEAR_CHORD,
    PLACE_FAR_KM,
    PLACE_NEAR_KM,
    closest_chord,
    link,
    link_reason,
    min_distance,
    place_key,
)
from frontwatch.analysis.versions import REPORTED, build_versions, claimants, contest_reasons
from frontwatch.records import Event, Incident, Place

__all__ = [
    "DATE_WINDOW_DAYS",
    "PLACE_FAR_KM",
    "PLACE_NEAR_KM",
    "REPORTED",
    "build_incidents",
    "claimants",
    "incident_to_json",
    "link_reason",
]

# "Within a day or two": a night attack reported for both the 12th and the 13th,
# and the other side's account dated a day apart, must fall into one incident.
DATE_WINDOW_DAYS = 2
@dataclass
class _Cluster:
    n: int  # creation order: ties between equally linked incidents go to the older one
    members: list[_Placed] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    min_hi: dt.date | None = None  # the earliest end of a dated member's interval
    max_lo: dt.date | None = None  # the latest start of a dated member's interval

    def within_window(self, day: tuple[dt.date, dt.date]) -> bool:
        """Is ``day`` within DATE_WINDOW_DAYS of every dated member (not only of one)?"""
        if self.min_hi is None or self.max_lo is None:
            return True
        after_ends = (day[0] - self.min_hi).days
        before_starts = (self.max_lo - day[1]).days
        return after_ends <= DATE_WINDOW_DAYS and before_starts <= DATE_WINDOW_DAYS


@dataclass(frozen=True, slots=True)
class _Placed:
    ev: Event
    interval: tuple[dt.date, dt.date] | None
    parties: frozenset[str]
    gids: frozenset[int | str] = frozenset()  # GeoNames ids of its places ("fw:…" for supplement rows)
    names: frozenset[str] = frozenset()  # casefolded names of its places
    bare_names: frozenset[str] = frozenset()  # ... of those without a GeoNames id
    xyz: tuple[tuple[float, float, float], ...] = ()  # its located places in 3-D (km)


def _placed(ev: Event, interval: tuple[dt.date, dt.date] | None) -> _Placed:
    """The record with what linking compares, computed once."""
    names = {(p.name or p.text or "").casefold() for p in ev.event_loc} - {""}
    bare = {(p.name or p.text or "").casefold() for p in ev.event_loc if p.geonameid is None} - {""}
    points = tuple(xyz(p.lat, p.lon) for p in ev.event_loc if p.lat is not None and p.lon is not None)
    gids = frozenset(p.geonameid for p in ev.event_loc if p.geonameid is not None)
    return _Placed(ev, interval, parties(ev), gids, frozenset(names), frozenset(bare), points)


@dataclass
class _Index:
    """Incidents, and their members filed by the keys a link needs (``incident_index``).

    A record is compared only with members that share a key with it (place, nearby cube,
    party set, document) and whose dates can lie within DATE_WINDOW_DAYS of its own, so the
    work per record does not grow with the archive and joining is linear in the records.
    """

    clusters: list[_Cluster] = field(default_factory=list)
    timed: Buckets = field(default_factory=Buckets)  # dated members
    timeless: Buckets = field(default_factory=Buckets)  # undated members (they link by document)
    by_doc: dict[str, list[Entry]] = field(default_factory=dict)
    placed_at: dict[int, tuple[int, int]] = field(default_factory=dict)  # id(member) -> (incident, position)

    def found(self, item: _Placed) -> None:
        cluster = _Cluster(len(self.clusters))
        self.clusters.append(cluster)
        self.add(cluster, item, None)

    def add(self, cluster: _Cluster, item: _Placed, reason: str | None) -> None:
        entry = _entry(len(cluster.members), item, cluster.n)
        cluster.members.append(item)
        if reason:
            cluster.reasons.append(reason)
        self.placed_at[id(item)] = (cluster.n, entry[0])
        self.by_doc.setdefault(item.ev.doc_id, []).append(entry)
        self.file(item)
        if item.interval:
            cluster.min_hi = min(cluster.min_hi or item.interval[1], item.interval[1])
            cluster.max_lo = max(cluster.max_lo or item.interval[0], item.interval[0])

    def file(self, item: _Placed) -> None:
        n, pos = self.placed_at[id(item)]
        keys = member_keys(item.ev.event_loc, item.xyz, item.parties, PLACE_NEAR_KM, PLACE_FAR_KM)
        (self.timed if item.interval else self.timeless).file(keys, _entry(pos, item, n))

    def refile_timed(self) -> None:
        """Empty the dated buckets: the statements' pass files members again as its dates advance."""
        self.timed = Buckets()

    def entries(self, item: _Placed) -> Iterator[Entry]:
        yield from self.by_doc.get(item.ev.doc_id, ())
        if item.interval is not None:
            keys = list(query_keys(item.ev.event_loc, item.xyz, item.parties, PLACE_NEAR_KM, PLACE_FAR_KM))
            yield from self.timed.look(keys, since=item.interval[0].toordinal() - DATE_WINDOW_DAYS)
            yield from self.timeless.look(keys)


def _start(item: _Placed) -> int:
    return item.interval[0].toordinal() if item.interval else -1


def _entry(pos: int, item: _Placed, n: int) -> Entry:
    if item.interval is None:
        return (pos, item, n, -1, -1)
    return (pos, item, n, item.interval[0].toordinal(), item.interval[1].toordinal())


def build_incidents(
    events: Sequence[Event],
    published: Mapping[str, dt.date | str | None] | None = None,
) -> list[Incident]:
    """Incidents from the records, ordered by first date then id."""
    with _no_cycle_collection():
        return _build(events, published)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector off while joining: every full pass walks the whole archive's
    records again (10 % of the time at 100k events, more above); joining makes no cycles."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _build(events: Sequence[Event], published: Mapping[str, dt.date | str | None] | None) -> list[Incident]:
    pub = normalise_published(published)
    placed = [_placed(ev, _interval(ev, pub)) for ev in events if _is_candidate(ev)]
    placed.sort(key=_order_key)
    index = _Index()
    force = [p for p in placed if p.ev.event in FORCE_TYPES]
    for item in force:
        target = _best_cluster(item, index)
        if target is None:
            index.found(item)
        else:
            index.add(target[0], item, target[1])
    index.refile_timed()
    dated_force = [p for p in force if p.interval is not None]
    filed = 0
    for item in (p for p in placed if p.ev.event in STATEMENT_TYPES):
        if item.interval is not None:  # members that can lie within the window of this record
            horizon = item.interval[1].toordinal() + DATE_WINDOW_DAYS
            while filed < len(dated_force) and _start(dated_force[filed]) <= horizon:
                index.file(dated_force[filed])
                filed += 1
        target = _best_cluster(item, index)
        if target is not None:
            index.add(target[0], item, target[1])
    incidents = [_incident(c) for c in index.clusters]
    incidents.sort(key=lambda i: (i.date_from or "9999-99-99", i.id))
    return incidents


def _is_candidate(ev: Event) -> bool:
    if ev.factuality in ("possible", "future"):
        return False
    return ev.event in FORCE_TYPES or ev.event in STATEMENT_TYPES


def _interval(ev: Event, pub: Mapping[str, dt.date | None]) -> tuple[dt.date, dt.date] | None:
    own = date_interval(ev)
    if own is not None:
        return own
    day, _how = anchor_date(ev, pub)
    return (day, day) if day is not None else None


def _order_key(p: _Placed) -> tuple[str, str]:
    return (p.interval[0].isoformat() if p.interval else "9999-99-99", p.ev.id)


def _best_cluster(item: _Placed, index: _Index) -> tuple[_Cluster, str] | None:
    """The incident the record links to most often (within the window), with the first reason:
    ties go to the older incident, the reason to the incident's earliest linking member."""
    lo = hi = 0
    if item.interval is not None:
        lo = item.interval[0].toordinal() - DATE_WINDOW_DAYS
        hi = item.interval[1].toordinal() + DATE_WINDOW_DAYS
    dated = item.interval is not None
    seen: set[int] = set()
    eligible: dict[int, bool] = {}
    tally: dict[int, list[Any]] = {}  # incident -> [links, earliest position, its member, why]
    for pos, member, n, first, last in index.entries(item):
        if dated and first >= 0 and (last < lo or first > hi):
            continue  # outside the window: its incident cannot take this record
        if id(member) in seen:
            continue
        seen.add(id(member))
        assert isinstance(member, _Placed)
        ok = eligible.get(n)
        if ok is None:
            ok = eligible[n] = not dated or index.clusters[n].within_window(item.interval)  # type: ignore[arg-type]
        if not ok:
            continue
        if not _linked(item, member, dated):
            continue
        seen_n = tally.get(n)
        if seen_n is None:
            tally[n] = [1, pos, member]
        else:
            seen_n[0] += 1
            if pos < seen_n[1]:
                seen_n[1:] = [pos, member]
    if not tally:
        return None
    n = min(tally, key=lambda k: (-tally[k][0], k))
    member = tally[n][2]
    why = link(item.ev, member.ev, item.parties, member.parties, dated=dated)
    return index.clusters[n], f"{item.ev.id} ~ {member.ev.id}: {why}"


def _linked(a: _Placed, b: _Placed, dated: bool) -> bool:
    """``incident_links.link(a, b) is not None``, decided without building the reason (the hot path)."""
    if dated:
        if a.gids & b.gids or a.bare_names & b.names or a.names & b.bare_names:
            return True
        closest = closest_chord(a.xyz, b.xyz)
        km = None  # the great-circle distance, computed at most once
        if closest <= NEAR_CHORD:
            km = min_distance(a.ev.event_loc, b.ev.event_loc)
            if (km or 0.0) <= PLACE_NEAR_KM:
                return True
        pa, pb = a.parties, b.parties
        if pa and (pa == pb or len(pa & pb) >= 2):
            if not a.xyz or not b.xyz:
                return True
            if km is None and closest <= FAR_CHORD:
                km = min_distance(a.ev.event_loc, b.ev.event_loc)
            if km is not None and km <= PLACE_FAR_KM:
                return True
    return a.ev.doc_id == b.ev.doc_id and bool(a.parties & b.parties)



def _incident(cluster: _Cluster) -> Incident:
    members = tuple(sorted((m.ev for m in cluster.members), key=lambda e: e.id))
    versions = build_versions(members)
    contest = contest_reasons(members, versions)
    # day-precision dates bound the incident; month or year ones only when there is nothing finer
    days = [e for e in members if parse_date(e.date) is not None]
    exact = [e for e in days if e.date_precision in (None, "day")] or days
    dates = sorted((parse_date(e.date) or dt.date.min).isoformat() for e in exact)
    places: dict[str, Place] = {}
    for ev in members:
        for p in ev.event_loc:
            places.setdefault(place_key(p), p)
    digest = hashlib.sha1("\n".join(e.id for e in members).encode()).hexdigest()[:16]
    reasons = tuple(sorted(cluster.reasons)) + tuple(contest)
    return Incident(
        id=f"inc_{digest}",
        events=members,
        versions=versions,
        contested=bool(contest),
        date_from=dates[0] if dates else None,
        date_to=dates[-1] if dates else None,
        places=tuple(sorted(places.values(), key=lambda p: (p.name or p.text))),
        reasons=reasons,
    )


# ---------------------------------------------------------------------- json


def incident_to_json(inc: Incident) -> dict[str, Any]:
    """A JSON-ready view: each version side by side, with the record ids it rests on."""
    return {
        "id": inc.id,
        "contested": inc.contested,
        "date_from": inc.date_from,
        "date_to": inc.date_to,
        "places": [p.name or p.text for p in inc.places],
        "events": [e.id for e in inc.events],
        "versions": [
            {
                "claimant": v.claimant,
                "actors": list(v.actors),
                "recipients": list(v.recipients),
                "places": list(v.places),
                "weapons": list(v.weapons),
                "dead": v.dead,
                "doc_ids": list(v.doc_ids),
                "disputes": list(v.disputes),
                "events": [
                    {"id": e.id, "event": e.event, "factuality": e.factuality, "text": e.text}
                    for e in v.events
                ],
            }
            for v in inc.versions
        ],
        "reasons": list(inc.reasons),
    }
