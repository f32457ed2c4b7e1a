"""General vocabulary and rules of the Japanese coder, on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ja_docs import coded_events as _events
from ja_docs import codes as _codes

pytestmark = pytest.mark.ginza


def test_ja_general_intimidation_is_a_threat_by_the_speaker(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "ヒズボラの幹部は「空爆をやめないなら港湾施設も狙う」と威嚇した。")
    threats = [e for e in evs if e.event == "THREATEN"]
    assert threats and _codes(threats[0].actor) == {"LBN"}


def test_ja_general_pushing_back_is_a_rejection(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "ロシア外務省は「内政干渉は認めない」と反発した。")
    assert [e.event for e in evs] == ["REJECT"]
    assert _codes(evs[0].actor) == {"RUS"}


def test_ja_general_warned_offensive_is_possible(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, (
        "ウクライナ国防省は、ロシア軍が来週にも東部で大規模な攻勢を開始する可能性があると警告した。"))
    attacks = [e for e in evs if e.event == "ASSAULT"]
    assert attacks and attacks[0].factuality == "possible"
    assert _codes(attacks[0].actor) == {"RUS"} and _codes(attacks[0].claimed_by) == {"UKR"}


def test_ja_general_sides_speaking_together_agree_together(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, (
        "キルギスとタジキスタンの合同委員会は3日、係争地の国境線を画定することで合意したと発表した。"))
    agree = [e for e in evs if e.event == "AGREE"]
    assert agree and agree[0].symmetric and _codes(agree[0].actor) == {"KGZ", "TJK"}


def test_ja_general_subject_of_a_condition_is_not_the_actor(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, (
        "ドイツ政府はトルコが北部で越境作戦を実施すれば戦車部品の輸出を停止すると警告した。"))
    mine = [e for e in evs if e.event in ("THREATEN", "SANCTION")]
    assert mine and all(_codes(e.actor) == {"DEU"} for e in mine)


def test_ja_general_a_warned_buildup_is_not_the_speakers_own(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "フィンランドは国境付近での兵力集中を警告した。")
    assert not [e for e in evs if e.event == "MOBILIZE" and _codes(e.actor) == {"FIN"}]


def test_ja_general_alert_posture_is_mobilisation(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "韓国軍は北朝鮮の発射を受けて前線の部隊を即応態勢に移行させた。")
    assert any(e.event == "MOBILIZE" and _codes(e.actor) == {"KOR"} for e in evs)


def test_ja_general_aid_with_a_sum_is_aid(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "日本政府はヨルダンに対して5億円の人道支援を表明した。")
    assert any(e.event == "AID" and _codes(e.actor) == {"JPN"} and _codes(e.recipient) == {"JOR"}
               for e in evs)


def test_ja_general_domestic_arrest_targets_the_own_side(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "ジョージア警察は首都でのデモ参加者約40人を拘束した。")
    arrests = [e for e in evs if e.event == "COERCE"]
    assert arrests and _codes(arrests[0].actor) == {"GEO"} and _codes(arrests[0].recipient) == {"GEO"}


def test_ja_general_both_countries_are_the_pair_named_before(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path,
                  "韓国政府はオーストラリアとの防衛協力を確認し、両国は来月ソウルで協議を開く予定だ。")
    talks = [e for e in evs if e.event == "CONSULT"]
    assert talks and _codes(talks[0].actor) | _codes(talks[0].recipient) == {"KOR", "AUS"}


def test_ja_general_conveying_concern_is_an_accusation(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "韓国外務省は北朝鮮側に強い懸念を伝えた。")
    assert any(e.event == "ACCUSE" and _codes(e.actor) == {"KOR"} and e.factuality == "asserted" for e in evs)


def test_ja_general_a_demand_spoken_of_is_not_made(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "トルコ政府は「ロシアの要求から程遠い」として仲介案を退けた。")
    assert not [e for e in evs if e.event == "REQUEST"]


def test_ja_general_short_form_of_the_philippines(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "比政府は中国大使館に厳重に抗議した。")
    assert any(_codes(e.actor) == {"PHL"} for e in evs)


def test_ja_general_g7_acts_as_its_members(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "G7外相は北朝鮮の弾道ミサイル発射を非難した。")
    accuse = [e for e in evs if e.event == "ACCUSE"]
    assert accuse and {"USA", "JPN", "EUR"} <= _codes(accuse[0].actor)


def test_ja_general_sanction_faces_the_other_side(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "英国はイランがミサイルを発射すれば対抗措置を取ると警告した。",
                  "英政府は部品の輸出を既に停止した。")
    halts = [e for e in evs if e.event == "SANCTION"]
    assert halts and _codes(halts[0].recipient) == {"IRN"}


def test_ja_general_passive_attack_from_a_party(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path,
                  "ベトナム海上警察は3日、漁船が中国海警局の艦船から放水による攻撃を受けたと発表した。")
    attacks = [e for e in evs if e.event == "ASSAULT"]
    assert attacks and all(_codes(e.actor) == {"CHN"} for e in attacks)
    evs = _events(ja_coder, tmp_path,
                  "ベトナム海上警察は3日、漁船が中国海警局の艦船から放水銃による攻撃を受けたと発表した。")
    roles = [(_codes(e.actor), _codes(e.recipient)) for e in evs if e.event == "ASSAULT"]
    assert roles == [({"CHN"}, {"VNM"})]


def test_ja_general_rejection_beside_another_statement(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path,
                  "英外務省もロシア側に懸念を伝えたが、ロシア外務省は「内政干渉だ」と反発した。")
    assert {e.event for e in evs} >= {"ACCUSE", "REJECT"}
    reject = next(e for e in evs if e.event == "REJECT")
    assert _codes(reject.actor) == {"RUS"} and _codes(reject.recipient) == {"GBR"}


def test_ja_general_warned_act_belongs_to_the_party_spoken_of(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path,
                  "ポーランド国防省は「ベラルーシ軍は国境付近に部隊を集めている」と指摘し、"
                  "近く越境攻撃を始める恐れがあると警告した。")
    possible = [e for e in evs if e.event == "ASSAULT"]
    assert possible and _codes(possible[0].actor) == {"BLR"} and possible[0].factuality == "possible"


def test_ja_general_actor_heading_a_coordinated_subject(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "ロシア軍機12機と艦艇3隻がバルト海の上空と海域で演習を行った。")
    assert any(e.event == "MOBILIZE" and _codes(e.actor) == {"RUS"} for e in evs)


def test_ja_general_subject_of_a_reason_is_not_the_actor(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path,
                  "インド国防省は「パキスタン軍の無人機が領空に入ったため対抗措置を取った」と主張した。")
    mine = [e for e in evs if e.event == "COERCE"]
    assert mine and _codes(mine[0].actor) == {"IND"} and _codes(mine[0].recipient) == {"PAK"}


def test_ja_general_welcome_answers_the_parties_before(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "セルビアとコソボは国境検問所の再開で合意した。",
                  "国連はこの合意を歓迎した。")
    welcome = [e for e in evs if e.event == "SUPPORT"]
    assert welcome and _codes(welcome[0].recipient) & {"SRB", "XKX"}


@pytest.mark.parametrize(("sentence", "event", "actor"), [
    ("ロシア軍は東部の前線で兵力を増強した。", "MOBILIZE", "RUS"),
    ("航空自衛隊は戦闘機を緊急発進させた。", "MOBILIZE", "JPN"),
    ("イスラエル軍は検問所を管理下に置いた。", "COERCE", "ISR"),
    ("セルビア政府は和平案を一蹴した。", "REJECT", "SRB"),
    ("EUはロシア産原油の禁輸を決めた。", "SANCTION", "EUR"),
    ("ドイツは防空システムを提供した。", "AID", "DEU"),
    ("カナダ政府はガザの住民支援として2千万ドルを拠出した。", "AID", "CAN"),
])
def test_ja_general_vocabulary(ja_coder: Any, tmp_path: Path, sentence: str, event: str, actor: str) -> None:
    evs = _events(ja_coder, tmp_path, sentence)
    assert any(e.event == event and actor in _codes(e.actor) for e in evs), [(e.event, e.actor) for e in evs]


def test_ja_general_sea_named_after_a_country_is_not_it(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "北朝鮮は日本海に向けて弾道ミサイル1発を発射した。")
    launches = [e for e in evs if e.event == "MOBILIZE"]  # a launch at no one: ja.untargeted
    assert launches and "JPN" not in _codes(launches[0].recipient)


def test_ja_general_committing_troops_is_mobilisation(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "スーダン軍は首都に増援部隊を投入した。")
    assert any(e.event == "MOBILIZE" and _codes(e.actor) == {"SDN"} for e in evs)


def test_ja_general_coordinated_subjects_act_together(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "米国とフィリピンは南シナ海で合同パトロールを実施した。")
    assert any(e.event == "MOBILIZE" and _codes(e.actor) == {"USA", "PHL"} for e in evs)


def test_ja_general_the_speaker_goes_on_after_a_first_quote(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path,
                  "ロシアのペスコフ大統領報道官は、NATOの東方拡大は脅威だと述べ、対抗措置を取ると警告した。")
    threats = [e for e in evs if e.event == "THREATEN"]
    assert threats and _codes(threats[0].actor) == {"RUS"}


def test_ja_general_diplomatic_complaint_is_an_accusation(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "中国外務省の報道官は、日本に対して強い不満を表明した。")
    assert any(e.event == "ACCUSE" and _codes(e.recipient) == {"JPN"} for e in evs)
