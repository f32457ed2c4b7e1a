"""A defence ministry's count of another side's aircraft and ships, a balloon sighted, a suicide
bombing told as a verb (issue 12, the census of the unseen pages 700-857). Sentences written
for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ja_docs import coded_events as _events
from ja_docs import codes as _codes

pytestmark = pytest.mark.ginza


def test_craft_counted_around_a_country_are_posture_towards_it(ja_coder: Any, tmp_path: Path) -> None:
    text = ("台湾の国防部は8日、同日午前6時までの24時間に中国の軍用機延べ10機、軍艦5隻、海警局の船2隻が"
            "台湾周辺で活動しているのを確認したと発表した。")
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "MOBILIZE"]
    assert hits and _codes(hits[0].actor) == {"CHN"} and _codes(hits[0].recipient) == {"TWN"}


def test_posture_around_a_strait_named_after_a_country(ja_coder: Any, tmp_path: Path) -> None:
    text = "国防部は3日、中国の軍用機4機と軍艦7隻が台湾海峡周辺で活動しているのを確認したと発表した。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "MOBILIZE"]
    assert hits and _codes(hits[0].actor) == {"CHN"} and _codes(hits[0].recipient) == {"TWN"}


def test_a_balloon_sighted_is_posture(ja_coder: Any, tmp_path: Path) -> None:
    hits = _events(ja_coder, tmp_path, "台湾の国防部は9日、中国の気球3機を確認したと発表した。")
    assert [e.event for e in hits] == ["MOBILIZE"] and _codes(hits[0].actor) == {"CHN"}


def test_a_suicide_bombing_told_as_a_verb_takes_the_claimant(ja_coder: Any, tmp_path: Path) -> None:
    lead = "ソマリア中部の町で10日、爆発物を積んだ車が軍の検問所に突っ込み自爆し、兵士6人が死亡した。"
    evs = _events(ja_coder, tmp_path, lead, "イスラム過激派組織アルシャバブが犯行声明を出した。")
    hits = [e for e in evs if e.event == "ASSAULT"]
    assert hits and _codes(hits[0].actor) == {"SOM"} and hits[0].dead == 6


def test_a_suicide_drone_is_a_weapon_not_a_bombing(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "ロシア軍は自爆型無人機の生産を増やしている。")
    assert not [e for e in evs if e.event == "ASSAULT"]


def test_an_act_inside_an_open_question_is_not_told(ja_coder: Any, tmp_path: Path) -> None:
    text = "タイ政府は声明を出しておらず、どちらが先に攻撃を仕掛けたかは不明だ。"
    assert not [e for e in _events(ja_coder, tmp_path, text) if e.event == "ASSAULT"]


def test_an_act_told_beside_an_open_question_stays(ja_coder: Any, tmp_path: Path) -> None:
    text = "カンボジア軍は3日、タイ軍の拠点を砲撃したが、死傷者が出たかは不明だ。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "ASSAULT"]
    assert hits and _codes(hits[0].actor) == {"KHM"}


def test_the_sole_claimant_of_a_story_is_the_doer_of_its_lead(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path,
                  "ソマリア中部の町のホテルで8日、自爆テロがあり、少なくとも9人が死亡した。",
                  "ホテルは政府関係者がよく利用していた。", "負傷者は近くの病院に運ばれた。",
                  "地元当局は警備を強化した。", "イスラム過激派組織アルシャバブが犯行声明を出した。")
    hits = [e for e in evs if e.event == "ASSAULT"]
    assert hits and _codes(hits[0].actor) == {"SOM"} and hits[0].dead == 9


def test_an_air_strike_takes_no_far_claimant(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "シリア北部の村で8日、空爆があり、住民5人が死亡した。",
                  "村は前線から遠い。", "住民は避難を始めた。", "国連は懸念を示した。",
                  "別の町の爆弾テロについては、過激派組織「イスラム国」が犯行声明を出した。")
    assert not [e for e in evs if e.event == "ASSAULT" and e.dead == 5]
