"""Versions: each record sits in one side's column, even when several claimants are named."""

from __future__ import annotations

from analysis_builders import ev

from frontwatch.analysis.incidents import build_incidents
from frontwatch.analysis.versions import build_versions, side_of


def test_versions_a_claim_belongs_to_the_side_that_blames_the_other() -> None:
    # "Baku said Armenian troops crossed near Zangilan, and dismissed Armenian reports"
    baku = ev("wire#1", "ASSAULT", ("ARM",), ("AZE",), places=("Lachin",), date="2022-09-13",
              factuality="claimed", claimed_by=("AZE", "ARM"))
    assert side_of(baku) == "AZE"
    assert side_of(ev("w#2", "ASSAULT", ("AZE",), ("ARM",), factuality="claimed",
                      claimed_by=("AZE", "ARM"))) == "ARM"


def test_versions_a_denial_belongs_to_the_accused() -> None:
    denial = ev("d#1", "ASSAULT", ("AZE",), ("ARM",), factuality="denied", claimed_by=("ARM", "AZE"))
    assert side_of(denial) == "AZE"


def test_versions_a_record_with_agreeing_claimants_goes_to_the_first() -> None:
    both = ev("u#1", "ASSAULT", ("YEM",), ("GBR",), factuality="claimed", claimed_by=("USA", "GBR"))
    assert side_of(both) == "USA"


def test_versions_no_record_and_no_wire_item_in_both_columns() -> None:
    yerevan = ev("am#1", "ASSAULT", ("AZE",), ("ARM",), places=("Goris",), date="2022-09-13",
                 factuality="claimed", claimed_by=("ARM",))
    baku = ev("wire#1", "ASSAULT", ("ARM",), ("AZE",), places=("Lachin",), date="2022-09-13",
              factuality="claimed", claimed_by=("AZE", "ARM"))
    versions = {v.claimant: v for v in build_versions((yerevan, baku))}
    assert [e.id for e in versions["ARM"].events] == ["am#1"]
    assert [e.id for e in versions["AZE"].events] == ["wire#1"]
    assert versions["AZE"].doc_ids == ("wire",) and "wire" not in versions["ARM"].doc_ids
    (incident,) = build_incidents([yerevan, baku], {"am": None, "wire": None})
    assert incident.contested
    columns = [e.id for v in incident.versions for e in v.events]
    assert sorted(columns) == ["am#1", "wire#1"]
