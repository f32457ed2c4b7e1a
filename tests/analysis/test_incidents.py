"""Incidents: records of one happening joined, each side's version apart, contest marked."""

from __future__ import annotations

import random

from analysis_builders import ev

from frontwatch.analysis.incidents import (
    DATE_WINDOW_DAYS,
    build_incidents,
    incident_to_json,
    link_reason,
)
from frontwatch.records import Event, Incident

GORIS = ("Goris", "Sotk", "Jermuk")
KARABAKH_DISTRICTS = ("Dashkasan", "Kalbajar", "Lachin")


def border_night() -> list[Event]:
    """One night of border fighting told by both sides, shaped like a wire digest of it."""
    return [
        ev("dig#1", "ASSAULT", ("AZE", "ARM"), symmetric=True, date="2022-09-13"),
        ev("dig#2", "ASSAULT", ("AZE",), ("ARM",), places=GORIS, claimed_by=("ARM",), factuality="claimed",
           date="2022-09-13", dead=49, weapons=("MLRS", "artillery", "UAV"), mode=("heavy-weapons", "drone")),
        ev("dig#3", "MOBILIZE", ("AZE",), ("ARM",), claimed_by=("ARM",), factuality="claimed",
           date="2022-09-13", mode=("troops",)),
        ev("dig#4", "AGREE", ("ARM", "RUS"), symmetric=True, date="2022-09-13"),
        ev("dig#5", "ACCUSE", ("ARM",), ("AZE",), date="2022-09-13"),
        ev("dig#6", "ASSAULT", ("ARM",), ("AZE",), places=KARABAKH_DISTRICTS, claimed_by=("AZE",),
           factuality="claimed", date="2022-09-12", mode=("explosives",)),
        ev("dig#7", "MOBILIZE", ("ARM",), claimed_by=("AZE",), factuality="claimed", mode=("troops",)),
        ev("dig#8", "ACCUSE", ("AZE",), ("ARM",), places=GORIS, mode=("allege",), date="2022-09-13",
           text="AZE calls the shelling story a staged provocation"),
    ]


def by_members(incidents: list[Incident]) -> dict[frozenset[str], Incident]:
    return {frozenset(e.id for e in i.events): i for i in incidents}


def test_incidents_border_night_is_one_contested_incident() -> None:
    incidents = build_incidents(border_night(), {"dig": "2022-09-13"})
    assert len(incidents) == 1
    inc = incidents[0]
    assert {e.id for e in inc.events} == {f"dig#{n}" for n in (1, 2, 3, 5, 6, 7, 8)}  # not the AGREE
    assert inc.contested
    assert (inc.date_from, inc.date_to) == ("2022-09-12", "2022-09-13")
    assert any("versions disagree on who acted: ARM says AZE, AZE says ARM" in r for r in inc.reasons)
    assert any(r.startswith("AZE accuses ARM (dig#8)") for r in inc.reasons)


def test_incidents_versions_side_by_side() -> None:
    inc = build_incidents(border_night(), {"dig": "2022-09-13"})[0]
    versions = {v.claimant: v for v in inc.versions}
    assert list(versions) == ["ARM", "AZE", "reported"]
    arm, aze = versions["ARM"], versions["AZE"]
    assert arm.actors == ("AZE",) and arm.recipients == ("ARM",)
    assert set(arm.places) == set(GORIS)
    assert arm.dead == 49 and "MLRS" in arm.weapons
    assert {e.id for e in arm.events} == {"dig#2", "dig#3", "dig#5"}
    assert aze.actors == ("ARM",) and set(aze.places) == set(KARABAKH_DISTRICTS)
    assert {e.id for e in aze.events} == {"dig#6", "dig#7", "dig#8"}
    assert aze.disputes == ("ARM",) and arm.disputes == ("AZE",)
    assert aze.doc_ids == ("dig",)
    assert [e.id for e in versions["reported"].events] == ["dig#1"]


def test_incidents_join_across_documents_of_each_side() -> None:
    records = [
        ev("yerevan#1", "ASSAULT", ("AZE",), ("ARM",), places=("Goris",), claimed_by=("ARM",),
           factuality="claimed", date="2022-09-13"),
        ev("baku#1", "ASSAULT", ("ARM",), ("AZE",), places=("Lachin",), claimed_by=("AZE",),
           factuality="claimed", date="2022-09-12"),
        ev("baku#2", "ACCUSE", ("AZE",), ("ARM",), date="2022-09-13"),
    ]
    incidents = build_incidents(records)
    assert len(incidents) == 1 and incidents[0].contested
    assert any("same parties ARM-AZE" in r for r in incidents[0].reasons)


def test_incidents_stable_when_documents_arrive_in_another_order() -> None:
    records = [
        *border_night(),
        ev("kyiv#1", "ASSAULT", ("RUS",), ("UKR",), places=("Kharkiv",), date="2022-09-13"),
        ev("kyiv#2", "ASSAULT", ("RUS",), ("UKR",), places=("Odesa",), date="2022-09-13"),
        ev("later#1", "ASSAULT", ("AZE",), ("ARM",), places=("Jermuk",), date="2022-09-20"),
    ]
    published = {"dig": "2022-09-13", "kyiv": "2022-09-14", "later": "2022-09-21"}
    expected = [(i.id, tuple(e.id for e in i.events), i.reasons) for i in build_incidents(records, published)]
    rng = random.Random(7)
    for _ in range(25):
        shuffled = records[:]
        rng.shuffle(shuffled)
        got = [(i.id, tuple(e.id for e in i.events), i.reasons) for i in build_incidents(shuffled, published)]
        assert got == expected


def test_incidents_ids_come_from_member_ids() -> None:
    a = build_incidents(border_night())[0]
    b = build_incidents(list(reversed(border_night())))[0]
    assert a.id == b.id and a.id.startswith("inc_")


def test_incidents_two_fronts_of_one_war_stay_apart() -> None:
    records = [
        ev("a#1", "ASSAULT", ("RUS",), ("UKR",), places=("Kharkiv",), date="2022-09-13"),
        ev("b#1", "ASSAULT", ("RUS",), ("UKR",), places=("Odesa",), date="2022-09-13"),
        ev("c#1", "ASSAULT", ("RUS",), ("UKR",), places=("Kharkiv",), date="2022-09-14"),
    ]
    groups = by_members(build_incidents(records))
    assert set(groups) == {frozenset({"a#1", "c#1"}), frozenset({"b#1"})}
    assert any("same place Kharkiv" in r for r in groups[frozenset({"a#1", "c#1"})].reasons)


def test_incidents_date_window_does_not_chain() -> None:
    records = [
        ev(f"d{day}#1", "ASSAULT", ("AZE",), ("ARM",), places=("Goris",), date=f"2022-09-{day:02d}")
        for day in (10, 12, 14, 16)
    ]
    for inc in build_incidents(records):
        dates = sorted(e.date for e in inc.events if e.date)
        spread = (int(dates[-1][-2:]) - int(dates[0][-2:]))
        assert spread <= DATE_WINDOW_DAYS


def test_incidents_agreeing_versions_are_not_contested() -> None:
    records = [
        ev("a#1", "ASSAULT", ("AZE",), ("ARM",), places=("Goris",), claimed_by=("ARM",),
           factuality="claimed", date="2022-09-13"),
        ev("b#1", "ASSAULT", ("AZE",), ("ARM",), places=("Goris",), claimed_by=("USA",),
           factuality="claimed", date="2022-09-13"),
    ]
    (inc,) = build_incidents(records)
    assert not inc.contested
    assert [v.claimant for v in inc.versions] == ["ARM", "USA"]


def test_incidents_a_denial_contests() -> None:
    records = [
        ev("a#1", "ASSAULT", ("AZE",), ("ARM",), places=("Goris",), date="2022-09-13"),
        ev("b#1", "ASSAULT", ("AZE",), ("ARM",), places=("Goris",), claimed_by=("AZE",),
           factuality="denied", date="2022-09-13"),
    ]
    (inc,) = build_incidents(records)
    assert inc.contested
    assert any(r.startswith("AZE denies b#1") for r in inc.reasons)


def test_incidents_warnings_and_lone_statements_are_not_incidents() -> None:
    records = [
        ev("w#1", "ASSAULT", ("AZE",), ("ARM",), factuality="possible", horizon_days=21),
        ev("w#2", "ACCUSE", ("USA",), ("AZE",), date="2023-10-11"),
        ev("w#3", "ASSAULT", ("RUS",), ("UKR",), factuality="future"),
    ]
    assert build_incidents(records) == []


def test_incidents_tolerate_missing_dates_codes_and_places() -> None:
    records = [
        ev("x#1", "ASSAULT", ("AZE",), ("ARM",)),
        ev("x#2", "COERCE", ("AZE",), mode=("seize",)),
        ev("x#3", "ASSAULT", (), ()),
        ev("y#1", "ASSAULT", ("AZE",), ("ARM",), date="2021-05-13", date_precision="month"),
        ev("y#2", "ASSAULT", ("AZE",), ("ARM",), date="not a date"),
    ]
    incidents = build_incidents(records, {"x": None})
    members = by_members(incidents)
    assert frozenset({"x#1", "x#2"}) in members  # same document, shared party, both undated
    assert sum(len(i.events) for i in incidents) == len(records)
    assert all(incident_to_json(i)["id"] == i.id for i in incidents)


def test_incidents_undated_record_joins_through_its_document_only() -> None:
    records = [
        ev("a#1", "ASSAULT", ("AZE",), ("ARM",), date="2022-09-13"),
        ev("b#1", "ASSAULT", ("AZE",), ("ARM",)),  # another document, no date, no publication date
    ]
    assert len(build_incidents(records)) == 2
    assert len(build_incidents(records, {"b": "2022-09-14"})) == 1  # placed by its publication date


def test_incidents_link_reason_explains() -> None:
    a = ev("a#1", "ASSAULT", ("AZE",), ("ARM",), places=("Jermuk",))
    b = ev("b#1", "ASSAULT", ("ARM",), ("AZE",), places=("Dashkasan",))
    c = ev("c#1", "ASSAULT", ("RUS",), ("UKR",), places=("Kharkiv",))
    assert link_reason(a, b) == "same parties ARM-AZE"
    assert link_reason(a, c) is None
    assert link_reason(a, ev("g#1", "ASSAULT", ("AZE",), places=("Lachin",))) is None  # 1 party, 80 km
    near = ev("g#2", "ASSAULT", ("AZE",), places=("Goris",))
    lachin = ev("l#1", "ASSAULT", ("ARM",), places=("Lachin",))
    assert link_reason(near, lachin) == "Goris and Lachin 23 km apart"
    assert link_reason(a, ev("a#2", "MOBILIZE", ("AZE",)), dated=False) == "same document a, shared party AZE"


def test_incidents_json_shows_versions() -> None:
    data = incident_to_json(build_incidents(border_night())[0])
    assert data["contested"] is True
    arm = next(v for v in data["versions"] if v["claimant"] == "ARM")
    assert arm["dead"] == 49 and arm["doc_ids"] == ["dig"]
    assert {e["id"] for e in arm["events"]} == {"dig#2", "dig#3", "dig#5"}


def test_incidents_false_flag_charge_without_a_named_target_contests() -> None:
    records = [
        ev("a#1", "ASSAULT", ("AZE",), ("ARM",), places=("Goris",), claimed_by=("ARM",),
           factuality="claimed", date="2022-09-13"),
        ev("a#2", "ACCUSE", ("AZE",), (), places=("Goris",), date="2022-09-13",
           text="AZE calls the report a staged provocation"),
    ]
    (inc,) = build_incidents(records)
    versions = {v.claimant: v for v in inc.versions}
    assert versions["AZE"].disputes == ("ARM",)
    assert inc.contested and any(r.startswith("AZE accuses ARM (a#2)") for r in inc.reasons)
    # a statement by a party nobody blames disputes no one
    calm = [records[0], ev("a#3", "ACCUSE", ("USA",), (), date="2022-09-13", places=("Goris",))]
    (inc2,) = build_incidents(calm)
    assert not inc2.contested


def test_incidents_dates_come_from_day_precision_members() -> None:
    records = [
        ev("a#1", "ASSAULT", ("AZE",), ("ARM",), places=("Goris",), date="2022-09-13"),
        ev("b#1", "ASSAULT", ("AZE",), ("ARM",), places=("Goris",), date="2022-09-01",
           date_precision="month"),
        ev("c#1", "ASSAULT", ("AZE",), ("ARM",), places=("Goris",), date="2022-09-13T04:00:00"),
    ]
    (inc,) = build_incidents(records)
    assert (inc.date_from, inc.date_to) == ("2022-09-13", "2022-09-13")
    (only_month,) = build_incidents(records[1:2])
    assert only_month.date_from == "2022-09-01"
