"""Seventh round of general Japanese rules (issue 12, the miss census over owngold, heldgold,
newgold and realworld): the verb 襲う, and the act an agreement is about. Sentences written
for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ja_docs import coded_events as _events
from ja_docs import codes as _codes

pytestmark = pytest.mark.ginza


def test_ja_round7_an_army_patrol_attacked_by_militants(ja_coder: Any, tmp_path: Path) -> None:
    text = "ニジェール西部で3日、巡回中の国軍部隊が武装勢力に襲われ、兵士10人が死亡した。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "ASSAULT"]
    assert hits and _codes(hits[0].recipient) == {"NER"} and hits[0].dead == 10


def test_ja_round7_a_ceasefire_agreed_is_the_agreement_only(ja_coder: Any, tmp_path: Path) -> None:
    text = "アゼルバイジャンとアルメニアの代表は5日、モスクワでの協議で停戦に合意した。"
    evs = _events(ja_coder, tmp_path, text)
    assert [e for e in evs if e.event == "AGREE"]
    assert not [e for e in evs if e.event == "CONCEDE"]


def test_ja_round7_a_bomber_type_alone_names_its_country(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "H-6爆撃機2機が12日、東シナ海の公海上を長時間飛行した。")
    hits = [e for e in evs if e.event == "MOBILIZE"]
    assert hits and _codes(hits[0].actor) == {"CHN"}


def test_ja_round7_a_fighter_from_a_named_carrier_is_that_navys(ja_coder: Any, tmp_path: Path) -> None:
    text = "防衛省によると、10日、空母「山東」から発艦した戦闘機が自衛隊の哨戒機にレーダーを照射した。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "COERCE"]
    assert hits and _codes(hits[0].actor) == {"CHN"} and _codes(hits[0].recipient) == {"JPN"}


def test_ja_round7_a_light_verb_carries_the_event_before_it(ja_coder: Any, tmp_path: Path) -> None:
    text = "国連部隊は東部で武装勢力との激しい戦闘を積極的に展開した。"
    evs = _events(ja_coder, tmp_path, text)
    assert [e for e in evs if e.event == "ASSAULT"]
    assert not [e for e in evs if e.event == "MOBILIZE"]


def test_ja_round7_a_reported_clause_with_its_own_subject_is_not_the_speakers_act(
        ja_coder: Any, tmp_path: Path) -> None:
    text = "ポーランドの首相は10日、無人機はベラルーシから直接飛行してきたと指摘した。"
    evs = _events(ja_coder, tmp_path, text)
    assert not [e for e in evs if e.event == "MOBILIZE" and _codes(e.actor) == {"POL"}]
    own = _events(ja_coder, tmp_path, "ロシア国防省は10日、ウクライナの無人機10機を撃墜したと発表した。")
    # the speaker's own shoot-down, told of a named side's drones: that side's attack (ja.interception-named)
    assert [e for e in own if e.event == "ASSAULT" and _codes(e.actor) == {"UKR"}
            and _codes(e.recipient) == {"RUS"}]


def test_ja_round7_the_addressee_outside_the_quote_is_the_recipient(ja_coder: Any, tmp_path: Path) -> None:
    text = "イスラエル政府は18日、エジプトに対して「ハマスを国内にかくまうのをやめるよう」求めた。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "REQUEST"]
    assert hits and _codes(hits[0].actor) == {"ISR"} and _codes(hits[0].recipient) == {"EGY"}


def test_ja_round7_a_tally_of_earlier_flights_is_no_new_record(ja_coder: Any, tmp_path: Path) -> None:
    text = "ロシア軍の哨戒機が日本海の上空を飛行したと防衛省が発表するのは、今年度は5回目となる。"
    assert not [e for e in _events(ja_coder, tmp_path, text) if e.event == "MOBILIZE"]
    flown = _events(ja_coder, tmp_path, "ロシア軍の哨戒機が日本海の上空を飛行したと防衛省が発表した。")
    assert [e for e in flown if e.event == "MOBILIZE"]


def test_ja_round7_an_act_already_told_makes_no_second_record(ja_coder: Any, tmp_path: Path) -> None:
    text = ("トルコ軍は25日、シリア北部の武装組織の拠点を空爆した。"
            "イラクの治安部隊のメンバー3人もこの空爆で死亡した。")
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "ASSAULT"]
    assert hits and all(_codes(e.actor) == {"TUR"} for e in hits)
    drill = _events(ja_coder, tmp_path, "日米両軍は25日、沖縄周辺の海域で合同演習を実施した。")
    assert [e for e in drill if e.event == "MOBILIZE"]  # 合同 ends in 同 but points back to nothing
