"""The forecast ledger: warnings, their deadlines and probabilities, resolved both ways."""

from __future__ import annotations

from pathlib import Path

import pytest
from analysis_builders import ev

from frontwatch.analysis.forecasts import (
    UNATTRIBUTED,
    brier_by_source,
    build_ledger,
    forecast_to_json,
    load_hedges,
)
from frontwatch.errors import DataError
from frontwatch.records import Event, Forecast

PUBLISHED = {"oct23": "2023-10-14", "feb22": "2022-02-28", "mar22": "2022-03-01", "nov23": "2023-11-20"}


def warnings() -> list[Event]:
    return [
        ev("oct23#1", "ASSAULT", ("AZE",), ("ARM",), claimed_by=("USA", "ARM"), factuality="possible",
           horizon="within weeks", horizon_days=21,
           text="Officials in Washington told lawmakers AZE is likely to push into ARM within weeks."),
        ev("feb22#2", "ASSAULT", ("BLR",), ("UKR",), claimed_by=("UKR", "USA"), factuality="possible",
           horizon="within hours", horizon_days=1,
           text="Kyiv and Washington say BLR may join the attack on UKR within hours."),
    ]


def ledger_by_id(ledger: list[Forecast]) -> dict[str, Forecast]:
    return {f.id: f for f in ledger}


def test_forecasts_warnings_appear_in_the_ledger() -> None:
    ledger = ledger_by_id(build_ledger(warnings(), PUBLISHED))
    oct23, feb22 = ledger["oct23#1"], ledger["feb22#2"]
    assert (oct23.source, oct23.sources) == ("USA", ("USA", "ARM"))
    assert (oct23.issued, oct23.due) == ("2023-10-14", "2023-11-04")
    assert oct23.probability == pytest.approx(0.67) and oct23.hedge == "likely"
    assert (feb22.issued, feb22.due) == ("2022-02-28", "2022-03-01")
    assert feb22.probability == pytest.approx(0.5) and feb22.hedge == "may"


def test_forecasts_resolve_happened_and_not_by_deadline() -> None:
    records = [
        *warnings(),
        # a later report that the warned party did attack, within the day
        ev("mar22#1", "ASSAULT", ("BLR",), ("UKR",), places=("Chernihiv",), date="2022-03-01"),
        # attacks that do not count: after the deadline, or on someone else
        ev("nov23#1", "ASSAULT", ("AZE",), ("ARM",), date="2023-11-20"),
        ev("nov23#2", "ASSAULT", ("AZE",), ("RUS",), date="2023-10-20"),
    ]
    ledger = ledger_by_id(build_ledger(records, PUBLISHED))
    assert ledger["feb22#2"].outcome == "happened"
    assert ledger["feb22#2"].evidence == ("mar22#1",)
    assert ledger["oct23#1"].outcome == "not_by_deadline"
    assert ledger["oct23#1"].evidence == ()
    assert any("nothing recorded by 2023-11-04" in n for n in ledger["oct23#1"].notes)


def test_forecasts_place_in_the_warned_country_counts_and_seizure_is_an_attack() -> None:
    records = [
        *warnings(),
        ev("nov23#1", "COERCE", ("AZE",), places=("Goris",), mode=("seize",), factuality="claimed",
           claimed_by=("ARM",), date="2023-10-30"),
    ]
    ledger = ledger_by_id(build_ledger(records, PUBLISHED))
    assert ledger["oct23#1"].outcome == "happened"
    assert ledger["oct23#1"].evidence == ("nov23#1",)


def test_forecasts_open_until_the_deadline_passes() -> None:
    ledger = ledger_by_id(build_ledger(warnings(), PUBLISHED, as_of="2023-10-20"))
    assert ledger["oct23#1"].outcome == "open"
    assert ledger["feb22#2"].outcome == "not_by_deadline"
    # default as_of: the latest date in the input (here 2023-11-20 from the publication dates)
    assert ledger_by_id(build_ledger(warnings(), PUBLISHED))["oct23#1"].outcome == "not_by_deadline"


def test_forecasts_brier_per_source() -> None:
    records = [*warnings(), ev("mar22#1", "ASSAULT", ("BLR",), ("UKR",), date="2022-03-01")]
    scores = {s.source: s for s in brier_by_source(build_ledger(records, PUBLISHED))}
    assert set(scores) == {"ARM", "UKR", "USA"}
    # USA: 0.67 for an attack that did not come -> 0.67^2; 0.5 for one that did -> 0.5^2
    assert scores["USA"].brier == pytest.approx((0.67**2 + 0.5**2) / 2, abs=1e-4)
    assert (scores["USA"].forecasts, scores["USA"].resolved, scores["USA"].happened) == (2, 2, 1)
    assert scores["ARM"].brier == pytest.approx(0.67**2, abs=1e-4)
    assert scores["UKR"].brier == pytest.approx(0.25)


def test_forecasts_brier_none_while_open() -> None:
    scores = brier_by_source(build_ledger(warnings()[:1], PUBLISHED, as_of="2023-10-15"))
    assert all(s.brier is None and s.resolved == 0 for s in scores)


def test_forecasts_without_dates_or_claimants_stay_open() -> None:
    records = [
        ev("x#1", "ASSAULT", ("AZE",), ("ARM",), factuality="possible", horizon="soon"),
        ev("y#1", "MOBILIZE", ("RUS",), factuality="possible", horizon_days=7, date="2022-02-01"),
        ev("z#1", "MOBILIZE", ("RUS",), (), date="2022-02-05"),
        ev("z#2", "ASSAULT", ("AZE",), ("ARM",), factuality="possible"),  # no horizon: not a forecast
    ]
    ledger = ledger_by_id(build_ledger(records))
    assert set(ledger) == {"x#1", "y#1"}
    assert ledger["x#1"].outcome == "open" and ledger["x#1"].issued is None
    assert ledger["x#1"].source == UNATTRIBUTED
    assert ledger["y#1"].issued == "2022-02-01" and ledger["y#1"].outcome == "happened"
    assert forecast_to_json(ledger["y#1"])["evidence"] == ["z#1"]


def test_forecasts_japanese_hedges_longest_wins() -> None:
    table = load_hedges()
    assert table.match("侵攻する可能性が高いと警告した", "ja").pattern == "可能性が高い"  # type: ignore[union-attr]
    assert table.match("攻撃の可能性は低いとみられる", "ja").probability == pytest.approx(0.32)  # type: ignore[union-attr]
    assert table.match("数週間以内に侵攻する恐れがある", "ja").pattern == "恐れ"  # type: ignore[union-attr]
    assert table.match("参戦するかもしれない", "ja").probability == pytest.approx(0.45)  # type: ignore[union-attr]


def test_forecasts_english_hedges_words_not_months() -> None:
    table = load_hedges()
    assert table.match("An attack is unlikely before winter", "en").pattern == "unlikely"  # type: ignore[union-attr]
    assert table.match("Troops are expected to cross", "en").probability == pytest.approx(0.67)  # type: ignore[union-attr]
    assert table.match("Talks resumed in May", "en") is None
    assert table.match("It could come in May", "en").pattern == "could"  # type: ignore[union-attr]
    assert table.default_probability == 0.5


def test_forecasts_every_hedge_row_has_band_and_valid_probability() -> None:
    table = load_hedges()
    assert len(table.hedges) >= 40
    assert {h.lang for h in table.hedges} == {"ja", "en"}
    for h in table.hedges:
        assert 0 < h.probability < 1 and h.band


def test_forecasts_bad_hedge_file_is_a_data_error(tmp_path: Path) -> None:
    bad = tmp_path / "hedges.toml"
    bad.write_text('[[hedge]]\npattern = "may"\nlang = "en"\nprobability = 1.7\n', encoding="utf-8")
    with pytest.raises(DataError, match="not between 0 and 1"):
        load_hedges(bad)
    bad.write_text("[[hedge]\n", encoding="utf-8")
    with pytest.raises(DataError, match="fix the file"):
        load_hedges(bad)
