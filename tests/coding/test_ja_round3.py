"""Third round of general Japanese rules, on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ja_docs import coded_events as _events
from ja_docs import codes as _codes

pytestmark = pytest.mark.ginza


def test_ja_round3_a_decision_that_may_come_is_the_possible_act(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, (
        "米国務省は「数日以内にイランがイスラエル攻撃に加わることを決断する可能性がある」と警告した。"))
    hits = [e for e in evs if e.event == "ASSAULT"]
    assert hits and hits[0].factuality == "possible" and _codes(hits[0].actor) == {"IRN"}
    assert hits[0].horizon == "数日以内" and hits[0].horizon_days is not None


def test_ja_round3_merged_mentions_keep_the_horizon(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path,
                  "英国防省はイスラエル攻撃にイランが加わる可能性を懸念している。",
                  "米国務省は「数日以内にイランがイスラエル攻撃に加わることを決断する可能性がある」と警告した。")
    hits = [e for e in evs if e.event == "ASSAULT" and _codes(e.actor) == {"IRN"}]
    assert len(hits) == 1 and hits[0].horizon == "数日以内"
    assert "USA" in _codes(hits[0].claimed_by)


def test_ja_round3_a_decision_taken_is_not_coded_as_the_act(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "イランはイスラエル攻撃に加わることを決断した。")
    assert not [e for e in evs if e.event == "ASSAULT"]


def test_ja_round3_an_operations_office_is_no_operation(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "タイとカンボジアの軍事作戦局長は電話で協議した。")
    assert not [e for e in evs if e.event == "ASSAULT"]


def test_ja_round3_abbreviated_sudanese_forces_are_actors(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "RSFは5日、ダルフールの町を砲撃した。")
    hits = [e for e in evs if e.event == "ASSAULT"]
    assert hits and _codes(hits[0].actor) == {"SDN"}


def test_ja_round3_a_part_of_a_month_gives_no_date(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "2025年3月12日",
                  "イスラエル軍は10日、ガザ北部を空爆した。",
                  "一方、東部ではロシア軍が今月上旬から兵力を増強して攻勢を強めている。")
    offensive = [e for e in evs if e.event == "ASSAULT" and _codes(e.actor) == {"RUS"}]
    assert offensive and offensive[0].date is None


def test_ja_round3_a_shootdown_answers_the_last_attack(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path,
                  "イスラエル軍は10日、武装組織の拠点をミサイルで攻撃した。",
                  "ヒズボラはこれに対して「ミサイル2発を撃墜した」と発表した。")
    shoot = [e for e in evs if _codes(e.actor) == {"LBN"} and e.event == "ASSAULT"]
    assert shoot and _codes(shoot[0].recipient) == {"ISR"}


def test_ja_round3_an_army_press_office_is_a_speaker(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "タイ軍報道官は「カンボジア軍が先に砲撃を始めた」と主張した。")
    hits = [e for e in evs if e.event == "ASSAULT"]
    assert hits and _codes(hits[0].actor) == {"KHM"} and _codes(hits[0].claimed_by) == {"THA"}


def test_ja_round3_state_and_insurgents_of_one_country_face_each_other(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "スーダン国軍は8日、ダルフールにあるRSFの拠点に空爆を実施した。")
    hits = [e for e in evs if e.event == "ASSAULT"]
    assert hits and _codes(hits[0].actor) == {"SDN"} and _codes(hits[0].recipient) == {"SDN"}
    assert {e.sector for e in hits[0].recipient} == {"REB"}


def test_ja_round3_entering_territorial_waters_is_coercion(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "ロシア海軍の艦艇2隻が5日、北海道沖で日本の領海に侵入した。")
    assert [e.event for e in evs] == ["COERCE"]
    assert _codes(evs[0].actor) == {"RUS"} and _codes(evs[0].recipient) == {"JPN"}


def test_ja_round3_an_army_entering_on_land_is_still_an_attack(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "アゼルバイジャン軍が5日、アルメニア領に侵入した。")
    assert [e.event for e in evs] == ["ASSAULT"]


def test_ja_round3_the_owner_of_a_turned_down_demand_is_the_recipient(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "中国外交部の報道官は「内政問題だ」と述べてフィリピンの要求を退けた。")
    rej = [e for e in evs if e.event == "REJECT"]
    assert rej and _codes(rej[0].actor) == {"CHN"} and _codes(rej[0].recipient) == {"PHL"}


def test_ja_round3_a_response_given_with_its_reason_is_part_of_the_claim(
    ja_coder: Any, tmp_path: Path
) -> None:
    evs = _events(ja_coder, tmp_path, (
        "セルビア国防省は、コソボ警察が国境の検問所を銃撃してきたため反撃していると主張した。"))
    attacks = [e for e in evs if e.event == "ASSAULT"]
    assert [(_codes(e.actor), e.factuality) for e in attacks] == [({"XKX"}, "claimed")]
    # without a stated reason, a counter-attack is an act of its own
    evs = _events(ja_coder, tmp_path, "ウクライナ軍はザポリージャ州で反撃を開始した。")
    assert any(e.event == "ASSAULT" and _codes(e.actor) == {"UKR"} for e in evs)
