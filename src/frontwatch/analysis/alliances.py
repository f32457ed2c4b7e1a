"""Who is bound to whom: the treaty table, and the obligations an event engages.

A clause is engaged by what its text obliges, not by any event that names a member.
For an event (``engaged_obligations``):

1. Its trigger (``trigger_of``): ``attack`` for an armed attack, an ASSAULT or a COERCE
   with mode ``seize``, that is asserted, claimed or denied; ``threat`` for a THREATEN, a
   MOBILIZE, or an attack only ``possible`` or ``future``. Anything else engages nothing.
2. Who is hit, and how (``_hits``):
   a. ``territory``: the country of every place of the event, less the attackers
      (fighting inside one's own country engages nothing);
   b. ``forces``: a recipient state none of whose territory the places name, when the
      places are known: its forces or people abroad (a recipient coded as civilians or a
      government office abroad is not its forces);
   c. ``unplaced``: a recipient state of an attack that names no place: where it was
      hit is unknown;
   d. ``threatened``: a recipient state of a threat (THREATEN, a possible attack).
   A MOBILIZE (a patrol, a build-up) threatens only where it happens: a member's
   territory among its places; with no place it threatens no one (a bomber patrol coded
   RUS->USA engages nothing).
3. The day: the event's date, else the ``on`` date given (its document's publication
   date), else today's membership (``left`` not set), said in the note.
4. For each hit member and each treaty it belongs to that day, each clause whose
   trigger fits (consultation clauses, trigger ``threat``, fit attacks too):
   - every hit: the clause's ``scope`` (if any) must hold the member or a place;
   - forces: an ``attack`` clause only if the treaty text covers forces and the places
     lie where it covers them (``forces_in``: country codes, ``members`` for any
     party's territory, ``area:NAME`` for a list under [areas]); a ``threat`` clause
     always (a member consults when it considers its security threatened);
   - unplaced: any clause, with status ``place-unknown``.
   Bound: the other members on that day, attackers left out. Status
   ``member-vs-member`` when an attacker is itself a member that day;
   ``outside-territory`` for forces hit abroad; ``place-unknown``; ``engaged`` otherwise.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from frontwatch.analysis.common import parse_date, place_countries, state_codes
from frontwatch.errors import DataError
from frontwatch.records import Event, Obligation

KINDS = frozenset({"collective-defence", "mutual-assistance", "consultation", "non-aggression"})
TRIGGERS = frozenset({"attack", "threat"})
ATTACK_FACTUALITY = frozenset({"asserted", "claimed", "denied"})


@dataclass(frozen=True, slots=True)
class Member:
    code: str
    joined: dt.date
    left: dt.date | None = None
    frozen: dt.date | None = None
    note: str = ""
    source: str = ""
    frozen_note: str = ""

    def active(self, day: dt.date | None) -> bool:
        if day is None:
            return self.left is None
        return self.joined <= day and (self.left is None or day < self.left)


@dataclass(frozen=True, slots=True)
class Clause:
    article: str
    kind: str
    trigger: str
    summary: str
    source: str
    scope: tuple[str, ...] = ()
    forces_in: tuple[str, ...] = ()  # where the clause covers members' forces abroad; () = not
    since: dt.date | None = None
    until: dt.date | None = None

    def applies(self, day: dt.date | None) -> bool:
        if day is None:
            return self.until is None
        return (self.since is None or self.since <= day) and (self.until is None or day <= self.until)


@dataclass(frozen=True, slots=True)
class Treaty:
    id: str
    name: str
    signed: dt.date
    in_force: dt.date
    source: str
    clauses: tuple[Clause, ...]
    members: tuple[Member, ...]
    note: str = ""

    def members_on(self, day: dt.date | None) -> tuple[Member, ...]:
        seen: dict[str, Member] = {}
        for m in self.members:
            if m.active(day):
                seen.setdefault(m.code, m)
        return tuple(seen.values())


@dataclass(frozen=True, slots=True)
class Membership:
    """One country's place in one treaty on a day: for ``alliances COUNTRY``."""

    treaty: Treaty
    member: Member
    partners: tuple[str, ...]
    on: str | None


@dataclass(frozen=True, slots=True)
class AllianceTable:
    treaties: tuple[Treaty, ...]
    areas: Mapping[str, frozenset[str]] = field(default_factory=dict)  # [areas] name -> codes

    def treaties_of(self, code: str, on: dt.date | str | None = None) -> list[Membership]:
        day = parse_date(on) if on is not None else None
        out = []
        for t in self.treaties:
            current = t.members_on(day)
            mine = [m for m in current if m.code == code]
            if mine:
                partners = tuple(m.code for m in current if m.code != code)
                out.append(Membership(t, mine[0], partners, day.isoformat() if day else None))
        return out

    def history_of(self, code: str) -> list[tuple[Treaty, Member]]:
        """Every membership row of a country, past ones included."""
        return [(t, m) for t in self.treaties for m in t.members if m.code == code]


# ---------------------------------------------------------------------- load


def load_alliances(path: str | Path | None = None) -> AllianceTable:
    """Read the treaty table (the packaged ``data/alliances.toml`` by default)."""
    where = str(path) if path else "data/alliances.toml"
    try:
        if path is None:
            raw = resources.files("frontwatch").joinpath("data/alliances.toml").read_bytes()
        else:
            raw = Path(path).read_bytes()
        data = tomllib.loads(raw.decode("utf-8"))
        areas = {str(k): frozenset(map(str, v)) for k, v in data.get("areas", {}).items()}
        return AllianceTable(tuple(_treaty(row) for row in data.get("treaty", [])), areas)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise DataError(f"alliance table {where} is unreadable ({exc}); fix the file") from exc
    except (KeyError, TypeError, ValueError) as exc:
        raise DataError(f"alliance table {where}: a row is malformed ({exc}); fix the row") from exc


def _day(value: Any, what: str) -> dt.date:
    day = parse_date(str(value)) if value else None
    if day is None:
        raise ValueError(f"{what} needs an ISO date, got {value!r}")
    return day


def _opt_day(value: Any, what: str) -> dt.date | None:
    return _day(value, what) if value else None


def _treaty(row: Mapping[str, Any]) -> Treaty:
    tid = str(row["id"])
    clauses = []
    for c in row.get("clause", []):
        if c["kind"] not in KINDS or c["trigger"] not in TRIGGERS:
            bad = f"{c['kind']}/{c['trigger']}"
            raise ValueError(f"{tid}: clause {c.get('article')!r} has an unknown kind/trigger {bad}")
        clauses.append(
            Clause(
                article=str(c.get("article", "")),
                kind=str(c["kind"]),
                trigger=str(c["trigger"]),
                summary=str(c["summary"]),
                source=str(c["source"]),
                scope=tuple(c.get("scope", ())),
                forces_in=tuple(c.get("forces_in", ())),
                since=_opt_day(c.get("since"), f"{tid} clause since"),
                until=_opt_day(c.get("until"), f"{tid} clause until"),
            )
        )
    members = tuple(
        Member(
            code=str(m["code"]),
            joined=_day(m["joined"], f"{tid} {m['code']} joined"),
            left=_opt_day(m.get("left"), f"{tid} {m['code']} left"),
            frozen=_opt_day(m.get("frozen"), f"{tid} {m['code']} frozen"),
            frozen_note=str(m.get("frozen_note", "")),
            note=str(m.get("note", "")),
            source=str(m["source"]),
        )
        for m in row.get("member", [])
    )
    return Treaty(
        id=tid,
        name=str(row["name"]),
        signed=_day(row["signed"], f"{tid} signed"),
        in_force=_day(row["in_force"], f"{tid} in_force"),
        source=str(row["source"]),
        clauses=tuple(clauses),
        members=members,
        note=str(row.get("note", "")),
    )


# ------------------------------------------------------------------- engage


def trigger_of(ev: Event) -> str | None:
    """'attack', 'threat' or None: what kind of clause an event can engage."""
    is_attack = ev.event == "ASSAULT" or (ev.event == "COERCE" and "seize" in ev.mode)
    if is_attack and ev.factuality in ATTACK_FACTUALITY:
        return "attack"
    if is_attack or ev.event in ("THREATEN", "MOBILIZE"):
        return "threat"
    return None


# What each Obligation.status means, in a reader's words (CLI and dashboard legends).
STATUS_LEGEND: dict[str, str] = {
    "engaged": "the event hits a member's territory (or, for a consultation clause, threatens it): "
               "the clause applies",
    "outside-territory": "the member's forces were hit abroad, where the treaty text covers them "
                         "(or, for consultation, where the member may consider itself threatened)",
    "place-unknown": "the record names no place in a country: the clause applies only if the "
                     "member's territory (or covered forces) was hit",
    "member-vs-member": "the attacker is itself a member: the treaty binds both sides",
}


# Recipient sectors that are not armed forces: an attack on them abroad (an embassy, a
# tourist) is not one on the member's forces. No sector: possibly forces, said in the note.
NOT_FORCES = frozenset({"CVL", "GOV", "MED", "BUS", "EDU", "JUD", "LEG", "REL", "NGO", "HLH"})


@dataclass(frozen=True, slots=True)
class _Case:
    """What one event brings to every treaty check."""

    ev: Event
    trigger: str
    attackers: tuple[str, ...]
    places: tuple[str, ...]  # countries of the event's places
    day: dt.date | None


@dataclass(frozen=True, slots=True)
class _Hit:
    member: str
    how: str  # "territory", "forces", "unplaced" or "threatened"


def engaged_obligations(
    ev: Event, table: AllianceTable, *, on: dt.date | str | None = None
) -> list[Obligation]:
    """The treaty clauses an event engages, one Obligation per hit member and clause."""
    trigger = trigger_of(ev)
    if trigger is None:
        return []
    case = _Case(ev, trigger, state_codes(ev.actor), place_countries(ev),
                 parse_date(ev.date) or (parse_date(on) if on else None))
    out: list[Obligation] = []
    for hit in _hits(case):
        for treaty in table.treaties:
            members = treaty.members_on(case.day)
            me = next((m for m in members if m.code == hit.member), None)
            if me is None:
                continue
            for clause in treaty.clauses:
                if _fits(clause, case, hit, members, table.areas):
                    out.append(_obligation(case, treaty, clause, me, members, hit))
    return out


def _hits(case: _Case) -> list[_Hit]:
    """Who the event hits: step 2 of the module docstring."""
    out = [_Hit(c, "territory") for c in case.places if c not in case.attackers]
    if case.ev.event == "MOBILIZE":
        return out  # a patrol or build-up threatens only the territory it happens in
    seen = {h.member for h in out} | set(case.attackers)
    recipients = [c for c in state_codes(case.ev.recipient) if c not in seen]
    if case.trigger == "threat":  # a threat or warning aimed at a member, wherever it was said
        return out + [_Hit(c, "threatened") for c in recipients]
    forces = state_codes(e for e in case.ev.recipient if e.sector not in NOT_FORCES)
    for code in recipients:
        if not case.places:
            out.append(_Hit(code, "unplaced"))
        elif code in forces:
            out.append(_Hit(code, "forces"))
    return out


def _fits(clause: Clause, case: _Case, hit: _Hit, members: tuple[Member, ...],
          areas: Mapping[str, frozenset[str]]) -> bool:
    """Trigger, date, and what the clause covers: step 4 of the module docstring."""
    if case.trigger == "threat" and clause.trigger != "threat":
        return False
    if not clause.applies(case.day):
        return False
    if clause.scope and hit.member not in clause.scope and not set(case.places) & set(clause.scope):
        return False
    if hit.how == "forces" and clause.trigger == "attack":
        return bool(set(case.places) & _forces_area(clause, members, areas))
    return True


def _forces_area(
    clause: Clause, members: tuple[Member, ...], areas: Mapping[str, frozenset[str]]
) -> set[str]:
    out: set[str] = set()
    for item in clause.forces_in:
        if item == "members":
            out |= {m.code for m in members}
        elif item.startswith("area:"):
            out |= areas.get(item.removeprefix("area:"), frozenset())
        else:
            out.add(item)
    return out


def _obligation(
    case: _Case, treaty: Treaty, clause: Clause, victim: Member, members: tuple[Member, ...], hit: _Hit
) -> Obligation:
    codes_on = {m.code for m in members}
    inside = [a for a in case.attackers if a in codes_on]
    who = "/".join(case.attackers) or "an unnamed party"
    verb = "attack on" if case.trigger == "attack" else "threat to"
    role = f"{'/'.join(inside)} also a member" if inside else f"{who} not a member"
    when = f"on {case.day.isoformat()}" if case.day else "today (the event is undated)"
    parts = [f"{case.ev.event} {case.ev.factuality}: {who} {verb} {victim.code}, a member since "
             f"{victim.joined.isoformat()} ({role}); membership {when}"]
    if hit.how == "forces":
        covered = "which the clause covers there" if clause.trigger == "attack" else "it may consult on"
        parts.append(f"the places named lie in {'/'.join(case.places)}, outside {victim.code}: "
                     f"an attack on its forces abroad, {covered}")
    elif hit.how == "unplaced":
        parts.append(f"the record names no place in a country (at sea, or none named): the clause "
                     f"holds if {victim.code}'s territory"
                     + (" or forces were hit" if clause.forces_in else " was hit"))
    for m in members:
        if m.frozen is not None and (case.day is None or m.frozen <= case.day):
            parts.append(f"{m.code} froze or had suspended its part on {m.frozen.isoformat()}: "
                         f"{m.frozen_note or m.note}")
    status = ("member-vs-member" if inside else "outside-territory" if hit.how == "forces"
              else "place-unknown" if hit.how == "unplaced" else "engaged")
    return Obligation(
        treaty=treaty.id,
        article=clause.article or None,
        kind=clause.kind,
        bound=tuple(m.code for m in members if m.code != victim.code and m.code not in case.attackers),
        note="; ".join(parts),
        source=clause.source,
        status=status,
        attacked=victim.code,
        attackers=case.attackers,
        on=case.day.isoformat() if case.day else None,
    )


def _union(*groups: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for group in groups:
        out += [c for c in group if c not in out]
    return tuple(out)


# ---------------------------------------------------------------------- json


def obligation_to_json(ob: Obligation) -> dict[str, Any]:
    return {
        "treaty": ob.treaty,
        "article": ob.article,
        "kind": ob.kind,
        "status": ob.status,
        "attacked": ob.attacked,
        "attackers": list(ob.attackers),
        "bound": list(ob.bound),
        "on": ob.on,
        "note": ob.note,
        "source": ob.source,
    }


def membership_to_json(ms: Membership) -> dict[str, Any]:
    t, m = ms.treaty, ms.member
    return {
        "treaty": t.id,
        "name": t.name,
        "joined": m.joined.isoformat(),
        "left": m.left.isoformat() if m.left else None,
        "frozen": m.frozen.isoformat() if m.frozen else None,
        "frozen_note": m.frozen_note or None,
        "note": m.note,
        "partners": list(ms.partners),
        "on": ms.on,
        "clauses": [
            {"article": c.article or None, "kind": c.kind, "trigger": c.trigger, "summary": c.summary,
             "scope": list(c.scope), "source": c.source}
            for c in t.clauses
            if c.applies(parse_date(ms.on) if ms.on else None)
        ],
        "source": t.source,
    }
