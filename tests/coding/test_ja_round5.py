"""Fifth round of general Japanese rules (issue 12, held-out pages 500-511), on sentences written
for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ja_docs import coded_events as _events
from ja_docs import codes as _codes

pytestmark = pytest.mark.ginza


def test_ja_round5_a_genitive_inside_the_object_is_not_the_actor(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "イスラエル軍は3日、ガザ地区の学校などを空爆した。")
    hits = [e for e in evs if e.event == "ASSAULT"]
    assert hits and _codes(hits[0].actor) == {"ISR"} and _codes(hits[0].recipient) == {"PSE"}


def test_ja_round5_a_genitive_before_the_event_word_stays_its_actor(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "5日朝、ロシア軍の大規模な空爆があり、キーウで3人が死亡した。")
    hits = [e for e in evs if e.event == "ASSAULT"]
    assert hits and _codes(hits[0].actor) == {"RUS"}


def test_ja_round5_rules_of_engagement_are_no_fighting(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "インド陸軍は交戦規則を見直すと明らかにした。")
    assert not [e for e in evs if e.event == "ASSAULT"]


def test_ja_round5_a_broken_agreement_is_not_an_agreement(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "タイ軍は、カンボジア軍が和平合意に違反したと主張した。")
    assert not [e for e in evs if e.event in ("AGREE", "CONCEDE")]


def test_ja_round5_a_name_given_to_an_act_is_no_new_act(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "ドイツ政府は「中国の措置はドイツ企業に対する報復である」と述べた。")
    assert not [e for e in evs if e.event == "ASSAULT"]


def test_ja_round5_an_office_after_a_state_is_that_states(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "インドの外務省は、パキスタンの声明を強く批判した。")
    hits = [e for e in evs if e.event == "ACCUSE"]
    assert hits and _codes(hits[0].actor) == {"IND"} and _codes(hits[0].recipient) == {"PAK"}


def test_ja_round5_a_launch_reported_by_a_watcher_is_posture(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path,
                  "韓国軍は5日、北朝鮮が東部の元山付近から日本海に向けて短距離弾道ミサイル2発を発射したと発表した。")
    assert not [e for e in evs if e.event == "ASSAULT"]
    hits = [e for e in evs if e.event == "MOBILIZE"]
    assert hits and _codes(hits[0].actor) == {"PRK"} and "KOR" not in _codes(hits[0].recipient)


def test_ja_round5_the_subject_of_a_case_clause_is_not_the_threats(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path,
                  "中国が台湾への圧力を強める場合、さらなる措置を講じると、米国務省は中国に警告した。")
    hits = [e for e in evs if e.event == "THREATEN"]
    assert hits and _codes(hits[0].actor) == {"USA"} and _codes(hits[0].recipient) == {"CHN"}


def test_ja_round5_a_broken_ceasefire_said_by_a_side_is_its_accusation(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path,
                  "アゼルバイジャン国防省は、アルメニア軍が停戦合意に違反したと主張した。")
    hits = [e for e in evs if e.event == "ACCUSE"]
    assert hits and _codes(hits[0].actor) == {"AZE"} and _codes(hits[0].recipient) == {"ARM"}


def test_ja_round5_a_violation_the_writer_tells_is_no_accusation(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "アルメニア軍は停戦合意に違反して砲撃を続けた。")
    assert not [e for e in evs if e.event == "ACCUSE"]


def test_ja_round5_a_demonstration_is_held_by_the_places_people(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "イラクでは20日、大規模な反米デモが行われた。")
    hits = [e for e in evs if e.event == "PROTEST"]
    assert hits and _codes(hits[0].actor) == {"IRQ"} and {a.sector for a in hits[0].actor} == {"CVL"}


def test_ja_round5_a_demonstration_at_home_against_no_one_is_domestic(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "ソウルで政府に抗議するデモが行われた。")
    hits = [e for e in evs if e.event == "PROTEST"]
    assert hits and _codes(hits[0].actor) == {"KOR"}


def test_ja_round5_an_unnamed_armed_group_is_an_insurgent_of_the_state(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path,
                  "ナイジェリア北東部の村で、武装集団による襲撃があり、住民20人が死亡した。")
    hits = [e for e in evs if e.event == "ASSAULT"]
    assert hits and _codes(hits[0].actor) == {"NGA"} and {a.sector for a in hits[0].actor} == {"REB"}


def test_ja_round5_a_group_written_after_a_party_is_that_partys(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path,
                  "イスラエル軍は、ヒズボラの武装組織がイスラエル北部を攻撃したと発表した。")
    hits = [e for e in evs if e.event == "ASSAULT"]
    assert hits and _codes(hits[0].actor) == {"LBN"} and _codes(hits[0].recipient) == {"ISR"}


def test_ja_round5_ni_before_a_passive_verb_names_the_doer(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "ウクライナ東部の村が20日、ロシア軍に砲撃される事件が起きた。")
    hits = [e for e in evs if e.event == "ASSAULT"]
    assert hits and _codes(hits[0].actor) == {"RUS"} and _codes(hits[0].recipient) == {"UKR"}


def test_ja_round5_ni_far_from_a_passive_verb_is_a_target(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "シリアの米軍基地に20日夜、ロケット弾3発が発射された。")
    assert not [e for e in evs if "SYR" in _codes(e.actor)]


def test_ja_round5_an_act_named_as_a_purpose_is_not_reported(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "スーダン軍は、RSFを首都から追放するための作戦を続けている。")
    assert not [e for e in evs if e.event == "COERCE"]


def test_ja_round5_a_reported_subject_tied_to_another_party_is_its_act(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path,
                  "防衛省は3日、中国国籍とみられる無人機1機が沖縄県・与那国島付近の領空を侵犯したと発表した。")
    hits = [e for e in evs if e.event in ("MOBILIZE", "COERCE", "ASSAULT")]
    assert hits and _codes(hits[0].actor) == {"CHN"}


def test_ja_round5_a_speakers_own_unit_is_still_the_speakers(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path,
                  "イスラエル軍は、戦闘機がレバノン南部のヒズボラの拠点を空爆したと発表した。")
    hits = [e for e in evs if e.event == "ASSAULT"]
    assert hits and _codes(hits[0].actor) == {"ISR"}


def test_ja_round5_a_passive_subjects_owner_is_no_doer(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "ウクライナ国防省は、ロシアの製油所が無人機で攻撃されたと発表した。")
    assert not [e for e in evs if e.event == "ASSAULT" and _codes(e.actor) == {"RUS"}]


def test_ja_round5_a_missile_fired_by_a_party_that_hits_is_its_attack(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "ロシア軍が発射した巡航ミサイルが、キーウの発電所を直撃した。")
    hits = [e for e in evs if e.event == "ASSAULT"]
    assert hits and _codes(hits[0].actor) == {"RUS"} and _codes(hits[0].recipient) == {"UKR"}


def test_ja_round5_a_hit_with_no_one_who_fired_is_no_record(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "ミサイルが住宅地に着弾し、住民3人が負傷した。")
    assert not [e for e in evs if e.event == "ASSAULT"]


def test_ja_round5_a_party_across_punctuation_does_not_own_the_subject(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "◇インド洋の地震:防衛庁長官が派遣部隊に撤収を命じた")
    assert not [e for e in evs if "IND" in _codes(e.actor)]


def test_ja_round5_a_quoted_should_is_the_speakers_demand(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "米国務省は「イスラエルは軍事作戦を直ちに停止すべきだ」と述べた。")
    hits = [e for e in evs if e.event == "REQUEST"]
    assert hits and _codes(hits[0].actor) == {"USA"} and _codes(hits[0].recipient) == {"ISR"}


def test_ja_round5_suspending_an_agreement_rejects_the_other_side(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "イランは5日、欧州との核合意の履行を一時停止すると発表した。")
    hits = [e for e in evs if e.event == "REJECT"]
    assert hits and _codes(hits[0].actor) == {"IRN"}


def test_ja_round5_drones_flying_into_a_border_area_are_posture(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "韓国軍は、北朝鮮の無人機5機が軍事境界線付近に飛来したと明らかにした。")
    hits = [e for e in evs if e.event == "MOBILIZE"]
    assert hits and _codes(hits[0].actor) == {"PRK"}


def test_ja_round5_persona_non_grata_expels_the_named_sides_diplomat(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path,
                  "ポーランド外務省は、ロシア大使館の外交官2人を「ペルソナ・ノン・グラータ」と宣言した。")
    hits = [e for e in evs if e.event == "COERCE"]
    assert hits and _codes(hits[0].actor) == {"POL"} and _codes(hits[0].recipient) == {"RUS"}


def test_ja_round5_a_launch_that_is_the_attacks_means_is_one_record(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path,
                  "米軍は20日、巡航ミサイル30発を発射し、シリアの武装組織の拠点への攻撃を実施した。")
    assert [e for e in evs if e.event == "ASSAULT"] and not [e for e in evs if e.event == "MOBILIZE"]


def test_ja_round5_sides_that_accuse_each_other_are_two_sided(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "インドとパキスタンは互いに相手が停戦を破ったと非難した。")
    hits = [e for e in evs if e.event == "ACCUSE"]
    assert hits and hits[0].symmetric and _codes(hits[0].actor) | _codes(hits[0].recipient) == {"IND", "PAK"}


def test_ja_round5_a_shoot_down_answers_the_launch_before_it(ja_coder: Any, tmp_path: Path) -> None:
    # the shoot-down answers the launch: the launcher's attack on the defender (ja.interception-named)
    evs = _events(ja_coder, tmp_path, "北朝鮮が弾道ミサイルを発射したため、韓国軍がこれを撃墜した。")
    hits = [e for e in evs if e.event == "ASSAULT" and _codes(e.actor) == {"PRK"}]
    assert hits and _codes(hits[0].recipient) == {"KOR"}


def test_ja_round5_the_subject_of_what_an_act_answers_is_not_its_doer(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path,
                  "ロシア外務省は、英国がロシアの外交官を追放したことを受け、英国大使館の武官を追放したと発表した。")
    hits = [e for e in evs if e.event == "COERCE" and _codes(e.actor) == {"RUS"}]
    assert hits and _codes(hits[0].recipient) == {"GBR"}
