"""Japanese rules of the thirteenth build (issues 12 and 13: the misses of the even half of the 320
pages 2800-3119): 少なくとも is no quotative, criminal groups not named, a statement from Xから to
Yに対し, a launch from a party's ground, return fire, a scramble facing the side whose act the
sentence records, について naming what a statement is about, an announced attack, a shoot-down of a
named side's drones, and the same speaker's warning after its accusation. Sentences written for
these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ja_docs import coded_events as _events
from ja_docs import codes as _codes

pytestmark = pytest.mark.ginza


def _of(evs: list[Any], *kinds: str) -> list[Any]:
    return [e for e in evs if e.event in kinds]


def test_ja_round11_sukunakutomo_is_no_quotative(ja_coder: Any, tmp_path: Path) -> None:
    # とも after 少なく had opened a report inside the clause, so the launch went to the speaker
    text = "防衛省は6日、北朝鮮が少なくとも1発の弾道ミサイルを発射したと発表した。"
    evs = _of(_events(ja_coder, tmp_path, text), "MOBILIZE", "ASSAULT")
    assert evs and all(_codes(e.actor) == {"PRK"} for e in evs)


def test_ja_round11_a_time_before_kara_ends_no_clause(ja_coder: Any, tmp_path: Path) -> None:
    text = ("韓国軍合同参謀本部は22日、北朝鮮が同日午前10時ごろ(日本時間同)から、"
            "東部の咸興から日本海へ巡航ミサイルを発射したと発表した。")
    evs = _of(_events(ja_coder, tmp_path, text), "MOBILIZE", "ASSAULT")
    assert evs and all(_codes(e.actor) == {"PRK"} for e in evs)


def test_ja_round11_a_gang_not_named_is_the_places_criminals(ja_coder: Any, tmp_path: Path) -> None:
    text = "ハイチの首都ポルトープランスで、ギャングが住民を襲撃し少なくとも20人を殺害した。"
    evs = _of(_events(ja_coder, tmp_path, text), "ASSAULT")
    assert evs and _codes(evs[0].actor) == {"HTI"} and evs[0].actor[0].sector == "CRM"


def test_ja_round11_a_protest_from_one_official_to_another(ja_coder: Any, tmp_path: Path) -> None:
    text = "外務省のアジア大洋州局長から在京中国大使館の次席公使に対し、強く抗議した。"
    evs = _of(_events(ja_coder, tmp_path, text), "ACCUSE", "PROTEST")
    assert evs and _codes(evs[0].actor) == {"JPN"} and _codes(evs[0].recipient) == {"CHN"}
    text = "外務省の事務次官から中国大使に対し、中国側が適切な対応をとるよう強く求めた。"
    evs = _of(_events(ja_coder, tmp_path, text), "REQUEST")
    assert evs and _codes(evs[0].actor) == {"JPN"} and _codes(evs[0].recipient) == {"CHN"}


def test_ja_round11_a_launch_from_a_partys_ground(ja_coder: Any, tmp_path: Path) -> None:
    text = "政府は9日午前、北朝鮮から弾道ミサイルとみられるものが発射されたと発表した。"
    passive = _of(_events(ja_coder, tmp_path, text), "MOBILIZE", "ASSAULT")
    text = "日本政府は9日午前、北朝鮮から弾道ミサイルとみられるものを発射したと発表した。"
    active = _of(_events(ja_coder, tmp_path, text), "MOBILIZE", "ASSAULT")
    assert active and _codes(active[0].actor) == {"PRK"}
    assert all(_codes(e.actor) != {"JPN"} for e in passive + active)


def test_ja_round11_return_fire_faces_the_side_that_fired(ja_coder: Any, tmp_path: Path) -> None:
    text = ("北朝鮮軍は22日午後、延坪島付近の海域に向けて砲弾2発を発射した。"
            "砲弾は哨戒活動をしていた韓国艦艇の近くに撃ち込まれ、韓国艦艇が数回にわたって応射したという。")
    evs = [e for e in _of(_events(ja_coder, tmp_path, text), "ASSAULT") if _codes(e.actor) == {"KOR"}]
    assert evs and _codes(evs[0].recipient) == {"PRK"}


def test_ja_round11_a_scramble_faces_the_intruder_of_its_sentence(ja_coder: Any, tmp_path: Path) -> None:
    text = ("ルーマニア国防省は13日、同国東部のウクライナとの国境付近でロシアの無人機が領空を侵犯したため、"
            "F16戦闘機2機を緊急発進させたと明らかにした。")
    evs = _of(_events(ja_coder, tmp_path, text), "MOBILIZE")
    pairs = {(frozenset(_codes(e.actor)), frozenset(_codes(e.recipient))) for e in evs}
    assert (frozenset({"ROU"}), frozenset({"RUS"})) in pairs
    assert all("UKR" not in a | r for a, r in pairs)  # the border named is no side


def test_ja_round11_what_a_statement_is_about(ja_coder: Any, tmp_path: Path) -> None:
    text = "北朝鮮外務省の報道官は22日、米政府によるテロ支援国家再指定について「重大な挑発だ」と非難した。"
    evs = _of(_events(ja_coder, tmp_path, text), "ACCUSE")
    assert evs and _codes(evs[0].actor) == {"PRK"} and _codes(evs[0].recipient) == {"USA"}


def test_ja_round11_an_attack_announced_is_a_threat(ja_coder: Any, tmp_path: Path) -> None:
    text = "フーシ派はイスラエル軍がガザ地区から撤退するまで紅海の船舶を攻撃すると宣言した。"
    evs = _events(ja_coder, tmp_path, text)
    assert [e for e in evs if e.event == "THREATEN" and _codes(e.actor) == {"YEM"}]
    assert not [e for e in evs if e.event == "ASSAULT" and _codes(e.actor) == {"ISR"}]
    # a sanction is done by announcing it
    text = "米国務省は28日、ベラルーシにある大使館の業務を停止すると発表した。"
    assert not _of(_events(ja_coder, tmp_path, text), "THREATEN")


def test_ja_round11_the_same_speaker_warns_whom_it_accused(ja_coder: Any, tmp_path: Path) -> None:
    text = ("イエメン暫定政府は4日、南部暫定評議会(STC)がアデンを封鎖していると非難し、"
            "「必要なあらゆる手段をとる」と警告した。")
    evs = _events(ja_coder, tmp_path, text)
    accuse, threat = _of(evs, "ACCUSE"), _of(evs, "THREATEN")
    assert accuse and threat and threat[0].recipient[0].name == "Southern Transitional Council"
    assert accuse[0].recipient[0].name == "Southern Transitional Council"


def test_ja_round11_an_order_to_leave_the_country_is_an_expulsion(ja_coder: Any, tmp_path: Path) -> None:
    text = "ニジェールの軍事政権は25日、フランス大使に対して48時間以内に出国するよう命じた。"
    evs = _of(_events(ja_coder, tmp_path, text), "COERCE")
    assert evs and _codes(evs[0].actor) == {"NER"} and _codes(evs[0].recipient) == {"FRA"}
    # the coast guard asking ships to leave territorial waters stays a request
    text = "海上保安庁の巡視船が中国海警局の船に領海から退去するよう求めた。"
    assert not _of(_events(ja_coder, tmp_path, text), "COERCE")


@pytest.mark.parametrize(("text", "actor", "recipient"), [
    ("ロシア国防省は10日、ウクライナの無人機10機を撃墜したと発表した。", "UKR", "RUS"),
    # an aircraft shot down with a missile: the missile is the weapon, the shooter stays the actor
    ("アルメニア軍は、アゼルバイジャン空軍のSu-25を携帯式防空ミサイルを使用して撃墜したと明らかにした。",
     "ARM", "AZE"),
])
def test_ja_round11_a_shot_down_drone_is_its_senders_attack(ja_coder: Any, tmp_path: Path, text: str,
                                                            actor: str, recipient: str) -> None:
    evs = _of(_events(ja_coder, tmp_path, text), "ASSAULT")
    assert evs and _codes(evs[0].actor) == {actor} and _codes(evs[0].recipient) == {recipient}


@pytest.mark.parametrize(("text", "kind", "actor", "recipient"), [
    # an unqualified office inside another state's quoted words is that state's
    ("中国外務省は14日、「孫外務次官が13日、駐中日本大使を呼び出した」と明らかにした。",
     "ACCUSE", "CHN", "JPN"),
    # the cabinet (閣議) is Japan's, whatever state the sentence names before 政府
    ("ウクライナ情勢をめぐり、政府は7日の閣議で、ロシアに対する追加の制裁措置を決めた。",
     "SANCTION", "JPN", "RUS"),
])
def test_ja_round11_an_office_is_the_state_whose_words_name_it(ja_coder: Any, tmp_path: Path, text: str,
                                                               kind: str, actor: str, recipient: str) -> None:
    evs = _of(_events(ja_coder, tmp_path, text), kind)
    assert evs and _codes(evs[0].actor) == {actor} and _codes(evs[0].recipient) == {recipient}
