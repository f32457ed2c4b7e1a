"""Sixth round of general Japanese rules (issue 12, new gold pages 600-611): foreign military
flights and sailings near a country, scrambles that answer them, a government's sanctions, an
apposition inside the object, and the South Korean word for North Korea. Sentences written for
these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ja_docs import coded_events as _events
from ja_docs import codes as _codes

pytestmark = pytest.mark.ginza


def test_ja_round6_bombers_flying_near_a_country_are_posture(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "中国軍の爆撃機2機が12日、東シナ海の公海上を長時間飛行した。")
    hits = [e for e in evs if e.event == "MOBILIZE"]
    assert hits and _codes(hits[0].actor) == {"CHN"}
    assert not [e for e in evs if e.event == "ASSAULT"]


def test_ja_round6_a_passenger_flight_is_no_event(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "ロシアの旅客機が成田空港から東京湾の上空を飛行した。")
    assert not [e for e in evs if e.event == "MOBILIZE"]


def test_ja_round6_warships_passing_a_strait_are_posture(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "ロシア海軍の艦艇3隻が8日、宗谷海峡を東に向けて通過した。")
    hits = [e for e in evs if e.event == "MOBILIZE"]
    assert hits and _codes(hits[0].actor) == {"RUS"}


def test_ja_round6_a_scramble_answers_the_aircraft_named_before(ja_coder: Any, tmp_path: Path) -> None:
    text = ("防衛省は3日、中国の無人機1機が宮古島と沖縄本島の間の上空を通過したと発表した。"
            "航空自衛隊の戦闘機が緊急発進して対応した。")
    evs = _events(ja_coder, tmp_path, text)
    hits = [e for e in evs if e.event == "MOBILIZE" and "緊急発進" in e.text]
    assert hits and _codes(hits[0].actor) == {"JPN"} and _codes(hits[0].recipient) == {"CHN"}


def test_ja_round6_a_scramble_with_no_aircraft_before_has_no_recipient(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "航空自衛隊の戦闘機が訓練のため緊急発進した。")
    hits = [e for e in evs if e.event == "MOBILIZE"]
    assert hits and not hits[0].recipient


def test_ja_round6_a_cabinet_decision_on_sanctions_is_japans(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "政府は10日、イランへの制裁の強化を閣議決定した。")
    hits = [e for e in evs if e.event == "SANCTION"]
    assert hits and _codes(hits[0].actor) == {"JPN"} and _codes(hits[0].recipient) == {"IRN"}


def test_ja_round6_a_bare_government_abroad_stays_that_countrys(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "政府と反政府勢力の代表は5日、ケニアの首都ナイロビで停戦に合意した。")
    assert not [e for e in evs if "JPN" in _codes(e.actor)]


def test_ja_round6_adding_to_a_sanctions_list_is_a_sanction(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "日本政府は、北朝鮮の貿易会社2社を資産凍結の対象に加えた。")
    hits = [e for e in evs if e.event == "SANCTION"]
    assert hits and _codes(hits[0].actor) == {"JPN"}


def test_ja_round6_an_apposition_in_the_object_is_not_the_actor(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "ロシア軍がウクライナの首都、キーウを空爆した。")
    hits = [e for e in evs if e.event == "ASSAULT"]
    assert hits and _codes(hits[0].actor) == {"RUS"} and _codes(hits[0].recipient) == {"UKR"}


def test_ja_round6_bukkan_is_north_korea(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "北韓軍は5日、韓国の島の近くに向けて砲撃しました。")
    hits = [e for e in evs if e.event == "ASSAULT"]
    assert hits and _codes(hits[0].actor) == {"PRK"} and _codes(hits[0].recipient) == {"KOR"}


def test_ja_round6_a_scramble_reported_by_the_joint_staff(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path,
                  "統合幕僚監部は5日、中国の哨戒機1機に対し、自衛隊の戦闘機を緊急発進させたと発表した。")
    hits = [e for e in evs if e.event == "MOBILIZE"]
    assert hits and _codes(hits[0].actor) == {"JPN"} and _codes(hits[0].recipient) == {"CHN"}


def test_ja_round6_an_intrusion_told_by_the_intruded_is_not_its_own(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "防衛省は、国籍不明の航空機が日本の領空を侵犯したと発表した。")
    assert not [e for e in evs if e.event == "MOBILIZE" and "JPN" in _codes(e.actor)]


def test_ja_round6_a_flight_a_watcher_confirmed_is_posture(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "防衛省は12日、中国軍の爆撃機2機の飛行を確認したと発表した。")
    hits = [e for e in evs if e.event == "MOBILIZE"]
    assert hits and _codes(hits[0].actor) == {"CHN"}


def test_ja_round6_the_airspace_over_the_sea_of_japan_is_no_actor(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "ロシア爆撃機が日本海上空を長時間飛行した。")
    hits = [e for e in evs if e.event == "MOBILIZE"]
    assert hits and _codes(hits[0].actor) == {"RUS"}
    evs = _events(ja_coder, tmp_path, "ベトナム海上警察は3日、中国の船を攻撃した。")
    hits = [e for e in evs if e.event == "ASSAULT"]
    assert hits and _codes(hits[0].actor) == {"VNM"}
