"""Each claimant's version of an incident, and why an incident is contested.

A record belongs to the version of whoever says so: its ``claimed_by`` codes for
``claimed`` and ``denied`` records, the speaker of a statement, otherwise
``REPORTED`` (the article states it as fact). A record sits in one version only
(``side_of``): when several claimants are named ("Baku said Armenian troops attacked,
and dismissed Armenian reports"), a claim belongs to the claimant that blames someone
else, a denial to the claimant that is accused; else to the first named. An incident is contested when
(i) two claimants' versions name disjoint sets of actors, (ii) a record is
``denied``, or (iii) a party accuses, rejects or protests against another claimant
of the incident; a statement naming no one counts against the claimants whose
version blames its speaker (a false-flag charge without a target).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from frontwatch.analysis.common import FORCE_TYPES, STATEMENT_TYPES, codes
from frontwatch.records import Event, Version

REPORTED = "reported"  # the claimant of records the article states as fact


def claimants(ev: Event) -> tuple[str, ...]:
    """Whose account a record is: the claimants; the speaker of a statement; else 'reported'."""
    if ev.factuality in ("claimed", "denied") and ev.claimed_by:
        return codes(ev.claimed_by) or (REPORTED,)
    if ev.event in STATEMENT_TYPES and ev.actor:
        return codes(ev.actor) or (REPORTED,)
    return (REPORTED,)


def side_of(ev: Event) -> str:
    """The one claimant whose version a record is (see the module docstring)."""
    named = claimants(ev)
    if len(named) == 1:
        return named[0]
    actors = set(codes(ev.actor))
    accused = [c for c in named if c in actors]
    accusers = [c for c in named if c not in actors]
    preferred = accused if ev.factuality == "denied" else accusers
    return (preferred or list(named))[0]


def build_versions(members: tuple[Event, ...]) -> tuple[Version, ...]:
    """One Version per claimant, claimants in code order, 'reported' last; each record in
    one version only."""
    by_claimant: dict[str, list[Event]] = {}
    for ev in members:
        by_claimant.setdefault(side_of(ev), []).append(ev)
    names = sorted(by_claimant, key=lambda c: (c == REPORTED, c))
    blames = {c: {a for e in _force(by_claimant[c]) for a in codes(e.actor)} - {c} for c in names}
    others = [c for c in names if c != REPORTED]
    return tuple(_version(c, tuple(by_claimant[c]), {o: blames[o] for o in others if o != c}) for c in names)


def _force(evs: Sequence[Event]) -> list[Event]:
    return [e for e in evs if e.event in FORCE_TYPES and e.factuality != "denied"]


def _version(claimant: str, evs: tuple[Event, ...], others: Mapping[str, set[str]]) -> Version:
    force = _force(evs)
    deads = [e.dead for e in force if e.dead is not None]
    return Version(
        claimant=claimant,
        events=evs,
        actors=_union(codes(e.actor) for e in force),
        recipients=_union(codes(e.recipient) for e in force),
        places=_union(tuple(p.name or p.text for p in e.event_loc) for e in force),
        weapons=_union(e.weapons for e in force),
        dead=max(deads) if deads else None,
        doc_ids=_union((e.doc_id,) for e in evs),
        disputes=tuple(sorted({c for e in evs for c in _disputed(e, claimant, others)})),
    )


def _disputed(ev: Event, claimant: str, others: Mapping[str, set[str]]) -> list[str]:
    """Other claimants a statement speaks against: those it names, or, naming no one,
    those whose version blames the speaker (a false-flag charge without a target)."""
    if ev.event not in STATEMENT_TYPES:
        return []
    named = codes(ev.recipient)
    if named:
        return [c for c in named if c in others]
    if claimant not in codes(ev.actor):
        return []
    return [c for c, blamed in others.items() if claimant in blamed]


def _union(groups: Any) -> tuple[str, ...]:
    """The items in first-seen order, each once (a dict keeps the order; a list's ``in`` made
    an incident's document ids quadratic in its size)."""
    out: dict[str, None] = {}
    for group in groups:
        out.update(dict.fromkeys(group))
    return tuple(out)


def contest_reasons(members: Sequence[Event], versions: Sequence[Version]) -> list[str]:
    """Why an incident is contested; empty when the versions agree."""
    out: list[str] = []
    claimed = [v for v in versions if v.claimant != REPORTED and _blamed(v)]
    for i, v in enumerate(claimed):
        for w in claimed[i + 1 :]:
            if not set(_blamed(v)) & set(_blamed(w)):
                out.append(
                    f"versions disagree on who acted: {v.claimant} says {'/'.join(_blamed(v))}, "
                    f"{w.claimant} says {'/'.join(_blamed(w))}"
                )
    for ev in members:
        if ev.factuality == "denied":
            who = "/".join(claimants(ev))
            out.append(f"{who} denies {ev.id} ({ev.event} by {'/'.join(codes(ev.actor)) or '?'})")
    for v in versions:
        for other in v.disputes:
            ids = [e.id for e in v.events
                   if e.event in STATEMENT_TYPES and (other in codes(e.recipient) or not e.recipient)]
            out.append(f"{v.claimant} accuses {other} ({', '.join(ids)}), whose version is part of it")
    return out


def _blamed(v: Version) -> tuple[str, ...]:
    """Who a claimant says acted, leaving the claimant itself out."""
    return tuple(c for c in v.actors if c != v.claimant)
