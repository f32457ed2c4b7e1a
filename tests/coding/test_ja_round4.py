"""Fourth round of general Japanese rules (issue 12, second round), on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ja_docs import coded_events as _events
from ja_docs import codes as _codes

pytestmark = pytest.mark.ginza


def test_ja_round4_a_bare_army_is_the_last_named_state(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path,
                  "ミャンマーの独立系メディアが伝えた。",
                  "軍の戦闘機が8日、西部ラカイン州の村を空爆した。")
    hits = [e for e in evs if e.event == "ASSAULT"]
    assert hits and _codes(hits[0].actor) == {"MMR"} and _codes(hits[0].recipient) == {"MMR"}


def test_ja_round4_an_anti_government_force_is_no_government(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "ミャンマーで8日、反政府勢力が町を攻撃した。")
    assert not [e for e in evs if e.event == "ASSAULT" and "GOV" in {a.sector for a in e.actor}]


def test_ja_round4_an_unknown_village_at_home_is_a_civil_war_target(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "ミャンマー軍は18日、チャウンマ・イースト村をドローンで空爆した。")
    hits = [e for e in evs if e.event == "ASSAULT"]
    assert hits and _codes(hits[0].recipient) == {"MMR"}


def test_ja_round4_a_base_with_no_place_gets_no_home_recipient(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "イスラエル軍は10日、武装組織の拠点をミサイルで攻撃した。")
    hits = [e for e in evs if e.event == "ASSAULT"]
    assert hits and "ISR" not in _codes(hits[0].recipient)


def test_ja_round4_an_attack_dealt_with_is_not_the_defenders(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "スーダンの州政府は、軍の防空システムが攻撃に対処したと述べた。")
    assert not [e for e in evs if e.event == "ASSAULT"]


def test_ja_round4_a_titled_person_keeps_the_state_named_once(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path,
                  "コソボのクルティ首相は24日、記者会見を開いた。",
                  "クルティ氏は「セルビア政府が支援した部隊がテロ攻撃を仕掛けた」と非難した。")
    hits = [e for e in evs if e.event == "ACCUSE"]
    assert hits and _codes(hits[0].actor) == {"XKX"} and _codes(hits[0].recipient) == {"SRB"}


def test_ja_round4_a_person_never_given_a_state_stays_unknown(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path,
                  "ミルコビッチ氏は「セルビア政府が支援した部隊がテロ攻撃を仕掛けた」と非難した。")
    assert not [e for e in evs if e.event == "ACCUSE" and e.actor]
    # a person the actor dictionary knows is his state's (Kosovo's prime minister, issue 13)
    evs = _events(ja_coder, tmp_path,
                  "クルティ氏は「セルビア政府が支援した部隊がテロ攻撃を仕掛けた」と非難した。")
    assert {c for e in evs if e.event == "ACCUSE" for c in _codes(e.actor)} == {"XKX"}


def test_ja_round4_what_a_speaker_goes_on_to_say_is_not_its_act(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path,
                  "ポーランドのトゥスク首相は10日、会見した。",
                  "トゥスク首相は、無人機はベラルーシから飛行してきたと指摘し、ウクライナを攻撃しようとして"
                  "誤って侵入したのではなく意図的にポーランドを狙ったものだとの見方を示しました。")
    assert not [e for e in evs if e.event == "ASSAULT" and _codes(e.actor) == {"POL"}]


def test_ja_round4_a_denial_rejects_the_claimant(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path,
                  "アゼルバイジャン国防省によると、アルメニア軍が軍事拠点に向けて発砲した。",
                  "アルメニア国防省は、これらの報告を否定した。")
    hits = [e for e in evs if e.event == "REJECT"]
    assert hits and _codes(hits[0].actor) == {"ARM"} and _codes(hits[0].recipient) == {"AZE"}


def test_ja_round4_a_bare_spokesman_warns_for_the_named_state(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path,
                  "タリバン暫定政権の国防省はパキスタン軍の空爆を非難した。",
                  "また、報道官は「もし相手側が再び領土を侵犯すれば、わが軍は強力に応戦する」と警告した。")
    hits = [e for e in evs if e.event == "THREATEN"]
    assert hits and _codes(hits[0].actor) == {"AFG"} and _codes(hits[0].recipient) == {"PAK"}



def test_ja_round4_an_agent_belongs_to_the_act_it_names(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path,
                  "アフガニスタンのタリバンの部隊が11日、パキスタン軍による空爆に対する報復として、"
                  "国境地帯でパキスタン兵に対する武力攻撃を行った。")
    assert not [e for e in evs if e.event == "ASSAULT" and "PAK" in _codes(e.actor)]
    assert [e for e in evs if e.event == "ASSAULT" and _codes(e.actor) == {"AFG"}]


def test_ja_round4_an_agent_of_a_compound_act_stays(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path,
                  "フィリピン沿岸警備隊は13日、中国海警局の巡視船による放水砲攻撃を受けたと発表した。")
    assert [e for e in evs if e.event == "ASSAULT" and _codes(e.actor) == {"CHN"}]


def test_ja_round4_a_short_name_is_the_state_the_article_named(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path,
                  "コンゴ民主共和国東部で戦闘が激化している。",
                  "コンゴ政府は、ルワンダの首都キガリに駐在する外交官を引き揚げさせた。")
    hits = [e for e in evs if e.event == "SANCTION"]
    assert hits and _codes(hits[0].actor) == {"COD"} and _codes(hits[0].recipient) == {"RWA"}


def test_ja_round4_a_namesake_takes_the_states_name_not_an_earlier_partys(
        ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path,
                  "コンゴ民主共和国東部で、反政府勢力M23が町を攻撃した。",
                  "M23が進軍する中、コンゴ政府は隣国の首都に駐在する外交官を引き揚げさせた。")
    hits = [e for e in evs if e.event == "SANCTION"]
    assert hits
    gov = [a for a in hits[0].actor if a.text == "コンゴ政府"]
    assert gov and (gov[0].code, gov[0].sector, gov[0].name) == ("COD", "GOV", "DR Congo Government")


def test_ja_round4_a_clause_describing_a_named_place_is_background(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path,
                  "イスラエル軍は30日、イスラエルが占領するゴラン高原で起きた攻撃への報復を表明した。")
    assert not [e for e in evs if e.event == "COERCE"]


def test_ja_round4_what_an_act_is_named_as_is_no_second_record(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path,
                  "インド軍は29日、過激派組織の掃討作戦としてパキスタン側に激しい砲撃を加えた。")
    hits = [e for e in evs if e.event == "ASSAULT"]
    assert len(hits) == 1 and _codes(hits[0].actor) == {"IND"} and _codes(hits[0].recipient) == {"PAK"}
    assert hits[0].explanation is not None and hits[0].explanation.trigger == "砲撃"


def test_ja_round4_an_intent_to_retaliate_is_a_threat(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path,
                  "イランは、大使館空爆をイスラエルが実行したと非難し、報復する意向を示した。")
    hits = [e for e in evs if e.event == "THREATEN"]
    assert hits and _codes(hits[0].actor) == {"IRN"} and _codes(hits[0].recipient) == {"ISR"}
    assert not [e for e in evs if e.event == "ASSAULT" and _codes(e.actor) == {"IRN"}]


def test_ja_round4_a_headline_speaker_before_a_quote_says_it(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "中国軍、台湾周辺で軍事演習を開始 総統府「厳しく非難」")
    hits = [e for e in evs if e.event == "ACCUSE"]
    assert hits and _codes(hits[0].actor) == {"TWN"}


def test_ja_round4_myanmar_resistance_forces_are_insurgents(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "国民防衛隊(PDF)は17日、ザガイン管区のミャンマー軍施設を制圧した。")
    hits = [e for e in evs if e.event in ("COERCE", "ASSAULT")]
    assert hits and _codes(hits[0].actor) == {"MMR"} and {a.sector for a in hits[0].actor} == {"REB"}


def test_ja_round4_a_transcript_turn_names_its_speaker(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path,
                  "【記者】北朝鮮がミサイルを発射しましたが、対応はいかがですか。",
                  "【岸田外務大臣】本日、北朝鮮から弾道ミサイルが発射されました。",
                  "早速、大使館ルートを通じて、北朝鮮に対して、厳重に抗議をしました。")
    hits = [e for e in evs if e.event == "ACCUSE"]
    assert hits and _codes(hits[0].actor) == {"JPN"} and _codes(hits[0].recipient) == {"PRK"}


def test_ja_round4_a_dateline_is_no_speaker(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "【ワシントン共同】北朝鮮に対して、厳重に抗議をした。")
    assert not [e for e in evs if "USA" in _codes(e.actor)]
