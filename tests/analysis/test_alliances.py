"""Alliances: the treaty table, membership on a date, and the clauses an event engages."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from analysis_builders import ent, ev

from frontwatch.analysis.alliances import (
    engaged_obligations,
    load_alliances,
    membership_to_json,
    obligation_to_json,
    trigger_of,
)
from frontwatch.errors import DataError
from frontwatch.records import Obligation

TABLE = load_alliances()
CSTO_OTHERS = {"RUS", "BLR", "KAZ", "KGZ", "TJK"}


def clause(obs: list[Obligation], treaty: str, article: str | None) -> Obligation:
    (found,) = [o for o in obs if o.treaty == treaty and o.article == article]
    return found


def seize_lake(date: str | None = "2021-05-12") -> list[Obligation]:
    seize = ev("sev#1", "COERCE", ("AZE",), ("ARM",), places=("Lake Sev",), mode=("troops", "seize"),
               date=date)
    return engaged_obligations(seize, TABLE)


def test_alliances_seizure_in_armenia_engages_csto_collective_defence() -> None:
    obs = seize_lake()
    art4 = clause(obs, "CSTO", "Art. 4")
    assert art4.kind == "collective-defence" and art4.status == "engaged"
    assert set(art4.bound) == CSTO_OTHERS
    assert "AZE" not in art4.bound and "ARM" not in art4.bound
    assert art4.attacked == "ARM" and art4.attackers == ("AZE",)
    assert "AZE not a member" in art4.note and art4.on == "2021-05-12"
    assert "Art. 4" in art4.source
    assert clause(obs, "CSTO", "Art. 2").kind == "consultation"
    assert clause(obs, "RUS-ARM-1997", "Art. 2").bound == ("RUS",)


def test_alliances_undated_event_reads_todays_membership_and_armenias_freeze() -> None:
    art4 = clause(seize_lake(None), "CSTO", "Art. 4")
    assert set(art4.bound) == CSTO_OTHERS and art4.on is None
    assert "undated" in art4.note and "ARM froze" in art4.note


def test_alliances_publication_date_stands_in_for_a_missing_event_date() -> None:
    seize = ev("sev#1", "COERCE", ("AZE",), ("ARM",), places=("Lake Sev",), mode=("seize",))
    art4 = clause(engaged_obligations(seize, TABLE, on="2021-05-14"), "CSTO", "Art. 4")
    assert art4.on == "2021-05-14" and "froze" not in art4.note


def test_alliances_member_attacking_member_is_flagged() -> None:
    # Azerbaijan was a party to the treaty until April 1999
    attack = ev("old#1", "ASSAULT", ("AZE",), ("ARM",), places=("Goris",), date="1996-06-01")
    art4 = clause(engaged_obligations(attack, TABLE), "CSTO", "Art. 4")
    assert art4.status == "member-vs-member"
    assert "AZE" not in art4.bound and "GEO" in art4.bound and "UZB" in art4.bound
    assert "AZE also a member" in art4.note


def test_alliances_attack_on_azerbaijan_engages_shusha_declaration() -> None:
    attack = ev("baku#1", "ASSAULT", ("ARM",), ("AZE",), places=("Lachin",), date="2022-09-12",
                factuality="claimed", claimed_by=("AZE",))
    obs = engaged_obligations(attack, TABLE)
    assert {o.treaty for o in obs} == {"SHUSHA-2021"}
    assert all(o.bound == ("TUR",) for o in obs)
    assert "claimed" in obs[0].note


def test_alliances_membership_follows_accession_dates() -> None:
    def nato_art5(date: str) -> list[Obligation]:
        hit = ev("x#1", "ASSAULT", ("RUS",), ("FIN",), places=("Helsinki",), date=date)
        return [o for o in engaged_obligations(hit, TABLE) if o.treaty == "NATO" and o.article == "Art. 5"]

    assert nato_art5("2022-06-01") == []
    (in_2023,) = nato_art5("2023-06-01")
    assert "USA" in in_2023.bound and "TUR" in in_2023.bound and "SWE" not in in_2023.bound
    (in_2024,) = nato_art5("2024-06-01")
    assert "SWE" in in_2024.bound and len(in_2024.bound) == 31


def test_alliances_us_japan_article_five_covers_japan_only() -> None:
    on_japan = ev("a#1", "ASSAULT", ("PRK",), ("JPN",), places=("Sapporo",), date="2023-01-01")
    on_guam = ev("b#1", "ASSAULT", ("PRK",), ("USA",), places=("Guam",), date="2023-01-01")
    japan = engaged_obligations(on_japan, TABLE)
    assert clause(japan, "US-JAPAN-1960", "Art. V").bound == ("USA",)
    guam = engaged_obligations(on_guam, TABLE)
    assert [o.article for o in guam if o.treaty == "US-JAPAN-1960"] == ["Art. IV"]  # consultation only


def test_alliances_us_japan_covers_us_forces_in_japan() -> None:
    on_base = ev("c#1", "ASSAULT", ("PRK",), ("USA",), places=("Okinawa",), date="2023-01-01")
    obs = engaged_obligations(on_base, TABLE)
    art5 = [o for o in obs if o.treaty == "US-JAPAN-1960" and o.article == "Art. V"]
    assert {o.attacked: o.bound for o in art5} == {"USA": ("JPN",), "JPN": ("USA",)}


def test_alliances_forces_abroad_engage_defence_only_where_the_treaty_covers_forces() -> None:
    # Armenian forces hit in Karabakh: the CSTO's Art. 4 speaks of aggression against a member
    # (its territory), not of its forces abroad; consultation (Art. 2) still fits
    hit = ev("k#1", "ASSAULT", ("AZE",), ("ARM",), places=("Stepanakert",), date="2020-10-13")
    obs = engaged_obligations(hit, TABLE)
    assert {(o.treaty, o.article) for o in obs} == {("CSTO", "Art. 2")}
    art2 = clause(obs, "CSTO", "Art. 2")
    assert art2.status == "outside-territory" and "lie in AZE, outside ARM" in art2.note


def test_alliances_nato_covers_forces_on_a_partys_territory_only() -> None:
    def art5(place: str) -> dict[str | None, str]:
        hit = ev("i#1", "ASSAULT", ("IRN",), ("USA",), places=(place,), date="2024-01-28")
        return {o.attacked: o.status for o in engaged_obligations(hit, TABLE)
                if o.treaty == "NATO" and o.article == "Art. 5"}

    assert art5("Erbil") == {}  # US forces in Iraq: outside the Art. 6 area
    assert art5("Incirlik") == {"TUR": "engaged", "USA": "outside-territory"}


def test_alliances_civilians_abroad_are_not_forces() -> None:
    hit = replace(ev("o#1", "ASSAULT", ("PRK",), ("USA",), places=("Okinawa",), date="2023-01-01"),
                  recipient=(ent("USA", "CVL"),))
    art5 = [o for o in engaged_obligations(hit, TABLE) if o.article == "Art. V"]
    assert [o.attacked for o in art5] == ["JPN"]


def test_alliances_bomber_patrol_engages_nothing() -> None:
    patrol = ev("p#1", "MOBILIZE", ("RUS",), ("USA",), mode=("weapons",), factuality="claimed",
                date="2025-02-20")
    assert engaged_obligations(patrol, TABLE) == []


def test_alliances_build_up_on_a_members_territory_engages_consultation() -> None:
    drill = ev("m#1", "MOBILIZE", ("RUS",), ("FIN",), places=("Helsinki",), mode=("troops",),
               date="2024-06-01")
    obs = engaged_obligations(drill, TABLE)
    assert {(o.treaty, o.article, o.attacked) for o in obs} == {("NATO", "Art. 4", "FIN")}


def test_alliances_threat_aimed_at_a_member_engages_consultation_not_defence() -> None:
    threat = ev("t#1", "THREATEN", ("PRK",), ("USA",), date="2023-01-01")
    obs = engaged_obligations(threat, TABLE)
    assert obs and {o.kind for o in obs} == {"consultation"} and {o.attacked for o in obs} == {"USA"}
    assert all(o.status == "engaged" for o in obs)


def test_alliances_attack_with_no_place_says_so() -> None:
    hit = ev("n#1", "ASSAULT", ("PRK",), ("JPN",), date="2023-01-01")
    art5 = clause(engaged_obligations(hit, TABLE), "US-JAPAN-1960", "Art. V")
    assert art5.status == "place-unknown" and "names no place" in art5.note


def test_alliances_scoped_clause_needs_its_member_or_place() -> None:
    threat = ev("y#1", "THREATEN", ("YEM",), ("USA",), date="2024-01-01")
    assert not [o for o in engaged_obligations(threat, TABLE) if o.treaty == "BUDAPEST-1994"]


def test_alliances_a_warning_engages_consultation_only() -> None:
    warning = ev("w#1", "ASSAULT", ("AZE",), ("ARM",), factuality="possible", horizon_days=21)
    assert trigger_of(warning) == "threat"
    obs = engaged_obligations(warning, TABLE, on="2023-10-14")
    assert {o.kind for o in obs} == {"consultation"}
    assert clause(obs, "CSTO", "Art. 2").bound


def test_alliances_non_attacks_and_internal_fighting_engage_nothing() -> None:
    assert engaged_obligations(ev("a#1", "AGREE", ("ARM", "RUS")), TABLE) == []
    assert engaged_obligations(ev("a#2", "COERCE", ("AZE",), ("ARM",), mode=("arrest",)), TABLE) == []
    both = ev("a#3", "ASSAULT", ("AZE", "ARM"), places=("Goris",), symmetric=True, date="2022-09-13")
    assert engaged_obligations(both, TABLE) == []
    assert engaged_obligations(ev("a#4", "ASSAULT", (), ()), TABLE) == []


def test_alliances_russia_attacking_ukraine_is_flagged_under_budapest() -> None:
    hit = ev("k#1", "ASSAULT", ("RUS",), ("UKR",), places=("Kharkiv",), date="2022-03-01")
    obs = [o for o in engaged_obligations(hit, TABLE) if o.treaty == "BUDAPEST-1994"]
    assert obs and all(o.status == "member-vs-member" for o in obs)
    assert all(set(o.bound) == {"USA", "GBR"} for o in obs)


def test_alliances_country_lists_treaties_and_partners() -> None:
    arm = {m.treaty.id: m for m in TABLE.treaties_of("ARM", on="2023-01-01")}
    assert set(arm) == {"CSTO", "RUS-ARM-1997"}
    assert set(arm["CSTO"].partners) == CSTO_OTHERS
    aze_now = {m.treaty.id for m in TABLE.treaties_of("AZE")}
    assert aze_now == {"SHUSHA-2021"}
    aze_history = {(t.id, m.left.isoformat() if m.left else None) for t, m in TABLE.history_of("AZE")}
    assert ("CSTO", "1999-04-20") in aze_history
    data = membership_to_json(arm["CSTO"])
    assert data["joined"] == "1994-04-20" and {c["article"] for c in data["clauses"]} == {"Art. 2", "Art. 4"}


def test_alliances_table_rows_carry_sources_and_current_counts() -> None:
    ids = {t.id for t in TABLE.treaties}
    assert {"CSTO", "NATO", "UNION-STATE", "RUS-ARM-1997", "SHUSHA-2021", "US-JAPAN-1960", "US-ROK-1953",
            "ANZUS", "US-PHL-1951", "CHN-PRK-1961", "RUS-PRK-2024"} <= ids
    for t in TABLE.treaties:
        assert t.source and t.clauses and len(t.members) >= 2
        assert all(c.source and c.summary for c in t.clauses)
        assert all(m.source for m in t.members)
    nato = next(t for t in TABLE.treaties if t.id == "NATO")
    assert len(nato.members_on(None)) == 32
    csto = next(t for t in TABLE.treaties if t.id == "CSTO")
    assert {m.code for m in csto.members_on(None)} == CSTO_OTHERS | {"ARM"}
    assert {m.code for m in csto.members_on(dt.date(2010, 1, 1))} == CSTO_OTHERS | {"ARM", "UZB"}


def test_alliances_union_state_clause_by_date() -> None:
    def union(date: str) -> set[str]:
        hit = ev("u#1", "ASSAULT", ("UKR",), ("BLR",), date=date)
        return {o.kind for o in engaged_obligations(hit, TABLE) if o.treaty == "UNION-STATE"}

    assert union("2022-03-01") == {"mutual-assistance", "consultation"}
    assert union("2025-03-01") == {"collective-defence", "consultation"}


def test_alliances_json_view() -> None:
    data = obligation_to_json(clause(seize_lake(), "CSTO", "Art. 4"))
    assert data["treaty"] == "CSTO" and data["kind"] == "collective-defence"
    assert set(data["bound"]) == CSTO_OTHERS and data["status"] == "engaged"


def test_alliances_bad_table_is_a_data_error(tmp_path: Path) -> None:
    bad = tmp_path / "alliances.toml"
    bad.write_text('[[treaty]]\nid = "X"\nname = "X"\nsigned = "soon"\nin_force = "1990-01-01"\n'
                   'source = "s"\n', encoding="utf-8")
    with pytest.raises(DataError, match="malformed"):
        load_alliances(bad)
    bad.write_text("[[treaty\n", encoding="utf-8")
    with pytest.raises(DataError, match="unreadable"):
        load_alliances(bad)
