"""An attack by an armed group the text does not name (武装勢力が…襲撃, 自爆テロが発生) is an
insurgent's of the country where it happened (rule ja.group-place). Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ja_docs import coded_events as _events

pytestmark = pytest.mark.ginza


def _attacks(ja_coder: Any, tmp_path: Path, *body: str) -> list[Any]:
    return [e for e in _events(ja_coder, tmp_path, *body) if e.event == "ASSAULT"]


def _sides(ents: Any) -> set[tuple[str, str]]:
    return {(e.code, e.sector) for e in ents}


def test_ja_group_place_an_unnamed_rebel_group_is_the_places_insurgent(ja_coder: Any, tmp_path: Path) -> None:
    hits = _attacks(ja_coder, tmp_path,
                    "コロンビア北部の村で5日、反政府武装勢力が国軍の車列を襲撃し、兵士9人が死亡した。")
    assert len(hits) == 1
    assert _sides(hits[0].actor) == {("COL", "REB")}
    assert {e.code for e in hits[0].recipient} == {"COL"}
    # 反政府武装勢力 is a bare group word (syntax.ja.toml bare_groups): read as the subject's
    # insurgent (ja.group-home) or, unnamed, the place's (ja.group-place), it is Colombia's
    assert hits[0].explanation is not None and "bare:反政府武装勢力" in hits[0].explanation.lexicon


def test_ja_group_place_a_suicide_bombing_with_no_doer_named(ja_coder: Any, tmp_path: Path) -> None:
    hits = _attacks(ja_coder, tmp_path,
                    "アフガニスタンの首都カブールの市場で8日、自爆テロが発生し、市民15人が死亡した。")
    assert len(hits) == 1 and _sides(hits[0].actor) == {("AFG", "REB")}
    assert {e.code for e in hits[0].recipient} == {"AFG"}


def test_ja_group_place_a_named_doer_is_kept(ja_coder: Any, tmp_path: Path) -> None:
    hits = _attacks(ja_coder, tmp_path, "イスラエル軍は6日、レバノン南部で武装組織の拠点を空爆した。")
    assert hits and all(e.explanation is None or e.explanation.rule != "ja.group-place" for e in hits)
    assert {e.code for e in hits[0].actor} == {"ISR"}


def test_ja_group_place_no_country_no_record(ja_coder: Any, tmp_path: Path) -> None:
    assert not _attacks(ja_coder, tmp_path, "市場で8日、自爆テロが発生し、市民15人が死亡した。")


@pytest.mark.parametrize("group", ["武装グループ", "ゲリラ", "過激派"])
def test_ja_group_place_other_words_for_an_unnamed_group(ja_coder: Any, tmp_path: Path, group: str) -> None:
    sentence = f"フィリピン南部で16日、{group}が国軍の基地を襲撃し、兵士3人が死亡した。"
    hits = _attacks(ja_coder, tmp_path, sentence)
    assert len(hits) == 1 and {e.code for e in hits[0].actor} == {"PHL"}
    assert {e.code for e in hits[0].recipient} == {"PHL"} and hits[0].dead == 3


def test_ja_group_place_doers_marked_by_kara_or_no_and_longer_names(ja_coder: Any, tmp_path: Path) -> None:
    for text, code in (
        # the doer of a passive 攻撃を受け marked by から
        ("フィリピン南部ミンダナオ島で6日、国軍の車両が武装集団から待ち伏せ攻撃を受け、"
         "兵士4人が死亡した。", "PHL"),
        # the doer in a genitive right before the event word
        ("コロンビア北東部で6日、武装集団の襲撃により警察官1人が死亡した。", "COL"),
        # a group word with a head noun after it: 過激派勢力, 武装した男たち
        ("マリ北部で7日、イスラム過激派勢力が住民や兵士を襲撃し、少なくとも64人が死亡した。", "MLI"),
        ("6日、武装した男たちがナイジェリア軍の兵士を襲撃し、4人が死亡した。", "NGA"),
    ):
        hits = _attacks(ja_coder, tmp_path, text)
        assert [_sides(e.actor) for e in hits] == [{(code, "REB")}], text


def test_ja_group_place_a_suicide_attack_compound_with_no_doer(ja_coder: Any, tmp_path: Path) -> None:
    # 自爆攻撃があり: the event word is 攻撃, the compound (syntax.ja.toml unnamed_doer_compounds)
    # says only an armed group does it
    hits = _attacks(ja_coder, tmp_path,
                    "パキスタン北西部の検問所で9日、自爆攻撃があり、警察官6人が死亡した。")
    assert len(hits) == 1 and _sides(hits[0].actor) == {("PAK", "REB")}
    assert {e.code for e in hits[0].recipient} == {"PAK"} and hits[0].dead == 6


def test_ja_group_place_a_plain_attack_with_no_doer_stays_unrecorded(ja_coder: Any, tmp_path: Path) -> None:
    # the same sentence without 自爆: an attack word alone names no kind of doer (and with a
    # second state in the story, rule ja.home-attack makes no guess either)
    sentence = "パキスタン北西部の検問所で9日、攻撃があり、警察官6人が死亡した。"
    assert not _attacks(ja_coder, tmp_path, sentence, "アフガニスタン政府は関与を否定した。")
