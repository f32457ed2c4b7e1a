"""Eighth round of general Japanese rules (issue 12, tenth build: the misses of the even half of
80 fresh pages, 2040-2119). Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ja_docs import coded_events as _events
from ja_docs import codes as _codes

pytestmark = pytest.mark.ginza


def test_ja_round8_summoning_envoys_is_a_diplomatic_protest(ja_coder: Any, tmp_path: Path) -> None:
    text = "ベラルーシ外務省は3日、リトアニアの臨時代理大使を呼び出した。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "ACCUSE"]
    assert hits and _codes(hits[0].actor) == {"BLR"} and _codes(hits[0].recipient) == {"LTU"}
    # a summons without an envoy is no protest
    assert not [e for e in _events(ja_coder, tmp_path, "警察は3日、容疑者の家族を呼び出した。")
                if e.event == "ACCUSE"]


def test_ja_round8_a_sanction_measure_announced_is_the_speakers(ja_coder: Any, tmp_path: Path) -> None:
    text = "ロシア外務省は5日、エストニアの外交官に対し、入国禁止などの制裁措置を科すと発表した。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "SANCTION"]
    assert hits and _codes(hits[0].actor) == {"RUS"}


def test_ja_round8_closing_a_border_is_a_restriction(ja_coder: Any, tmp_path: Path) -> None:
    text = "フィンランド政府は16日、ロシアとの国境を閉鎖したと発表した。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "COERCE"]
    assert hits and _codes(hits[0].actor) == {"FIN"} and "restrict" in hits[0].mode
    assert not [e for e in _events(ja_coder, tmp_path, "市は10日、老朽化した図書館を閉鎖した。")
                if e.event == "COERCE"]


def test_ja_round8_mediation_is_the_mediators_consultation(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "捕虜交換はカタールが仲介した。")
    hits = [e for e in evs if e.event == "CONSULT"]
    assert hits and _codes(hits[0].actor) == {"QAT"}
    head = [e for e in _events(ja_coder, tmp_path, "両国が捕虜を交換、トルコ仲介") if e.event == "CONSULT"]
    assert head and _codes(head[0].actor) == {"TUR"}


def test_ja_round8_persona_non_grata_declared_without_a_report(ja_coder: Any, tmp_path: Path) -> None:
    text = "ラトビア外務省は2日、ロシア大使館の職員1人を「ペルソナ・ノン・グラータ」に指定した。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "COERCE"]
    assert hits and _codes(hits[0].actor) == {"LVA"}


def test_ja_round8_a_wire_name_with_latin_gloss_keeps_its_state(ja_coder: Any, tmp_path: Path) -> None:
    text = ("ペルーのアルバレス(Luis Alvarez)国防相は2日、武装集団が警察署を襲撃したと明らかにした。"
            "アルバレス氏は記者会見で、麻薬組織が関与していると非難した。")
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "ACCUSE"]
    assert hits and _codes(hits[0].actor) == {"PER"}


def test_ja_round8_an_ordered_deployment_is_the_orderers(ja_coder: Any, tmp_path: Path) -> None:
    text = "ブラジル大統領は8日、陸軍部隊のベネズエラ国境派遣を命令した。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "MOBILIZE"]
    assert hits and _codes(hits[0].actor) == {"BRA"}  # the border is a place, not the actor


def test_ja_round8_a_bare_president_is_the_states_named_before(ja_coder: Any, tmp_path: Path) -> None:
    text = "チリの議会選挙を前に、大統領のボリッチ(Gabriel Boric)は治安悪化を非難した。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "ACCUSE"]
    assert hits and _codes(hits[0].actor) == {"CHL"}


def test_ja_round8_firing_into_the_sea_is_posture_not_an_attack_at_home(ja_coder: Any,
                                                                      tmp_path: Path) -> None:
    text = "北朝鮮は5日、西部の黄海南道から黄海に向け約90発の砲兵射撃を実施した。"
    evs = _events(ja_coder, tmp_path, text)
    assert [e for e in evs if e.event == "MOBILIZE" and _codes(e.actor) == {"PRK"}]
    assert not [e for e in evs if e.event == "ASSAULT"]


def test_ja_round8_an_act_denied_in_the_progressive_is_not_coded(ja_coder: Any, tmp_path: Path) -> None:
    text = "タイ国防省は声明で「タイ軍はカンボジア領内を攻撃していない」と強調した。"
    assert not [e for e in _events(ja_coder, tmp_path, text) if e.event == "ASSAULT"]


def test_ja_round8_the_short_form_azeru_is_azerbaijan(ja_coder: Any, tmp_path: Path) -> None:
    text = "アゼル国防省は3日、アルメニア軍が自軍の陣地に発砲したと発表した。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "ASSAULT"]
    assert hits and _codes(hits[0].actor) == {"ARM"} and _codes(hits[0].recipient) == {"AZE"}


def test_ja_round8_a_conditional_warning_said_by_its_subject_is_a_threat(ja_coder: Any,
                                                                         tmp_path: Path) -> None:
    text = "キルギス国境警備局は、挑発が再び起きれば断固たる対応を取ると警告した。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "THREATEN"]
    assert hits and _codes(hits[0].actor) == {"KGZ"} and hits[0].factuality == "asserted"


def test_ja_round8_sanctions_imposed_in_the_past_tense(ja_coder: Any, tmp_path: Path) -> None:
    text = "英国は20日、イランの企業5社に新たな制裁を科した。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "SANCTION"]
    assert hits and _codes(hits[0].actor) == {"GBR"} and _codes(hits[0].recipient) == {"IRN"}


def test_ja_round8_an_affiliation_is_no_party(ja_coder: Any, tmp_path: Path) -> None:
    text = "ナイジェリア北東部の軍基地が5日、イスラム国系の過激派組織に襲撃された。"
    evs = [e for e in _events(ja_coder, tmp_path, text) if e.event == "ASSAULT"]
    assert evs and not any(e.code == "IMG" for ev in evs for e in ev.recipient)


def test_ja_round8_insurgents_attacking_a_states_base_act_on_the_state(ja_coder: Any,
                                                                      tmp_path: Path) -> None:
    text = "ソマリアの軍基地が11日、イスラム過激派「シャバブ」に襲撃され、兵士10人が死亡した。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "ASSAULT"]
    assert hits and _codes(hits[0].actor) == {"SOM"} and _codes(hits[0].recipient) == {"SOM"}
    assert hits[0].actor[0].sector == "REB"
