"""Roles found from the noun phrase around a party (issue 12, the census of the unseen pages
700-857): the other side of fighting marked with との, the doer of a passive named by the phrase
it opens (Xのドローン2機に攻撃された). Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ja_docs import coded_events as _events
from ja_docs import codes as _codes

pytestmark = pytest.mark.ginza


def test_fighting_with_a_side_told_by_the_other_is_two_sided(ja_coder: Any, tmp_path: Path) -> None:
    text = "タジキスタン国防省は、国境地帯でキルギス軍との交戦により兵士3人が死亡したと発表した。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "ASSAULT"]
    assert hits and hits[0].symmetric and _codes(hits[0].actor) == {"TJK", "KGZ"}


def test_a_news_outlet_is_no_side_of_the_fighting_it_tells(ja_coder: Any, tmp_path: Path) -> None:
    text = "ロシアメディアは、国境地帯でウクライナ軍との戦闘が続いていると報じた。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "ASSAULT"]
    assert not [e for e in hits if "RUS" in _codes(e.actor)]


def test_the_phrase_a_party_opens_is_the_doer_of_a_passive(ja_coder: Any, tmp_path: Path) -> None:
    text = "ロシア西部クルスク州の変電所が18日、ウクライナ軍の無人機3機に攻撃され、停電が起きた。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "ASSAULT"]
    assert hits and _codes(hits[0].actor) == {"UKR"} and _codes(hits[0].recipient) == {"RUS"}


def test_a_bare_group_attacking_the_only_state_named_is_its_insurgent(ja_coder: Any, tmp_path: Path) -> None:
    text = "カシミール地方で5日、武装勢力がインド軍の車列を襲撃し、兵士4人が死亡した。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "ASSAULT"]
    assert hits and _codes(hits[0].actor) == {"IND"} and hits[0].actor[0].sector == "REB"
    assert _codes(hits[0].recipient) == {"IND"}


def test_an_anti_government_group_is_a_bare_group(ja_coder: Any, tmp_path: Path) -> None:
    hits = _events(ja_coder, tmp_path, "コロンビア北部で2日、反政府武装勢力が国軍の車列を襲撃した。")
    assert hits and _codes(hits[0].actor) == {"COL"} and _codes(hits[0].recipient) == {"COL"}


def test_a_bare_group_that_is_struck_stays_unknown(ja_coder: Any, tmp_path: Path) -> None:
    hits = _events(ja_coder, tmp_path, "イスラエル軍は3日、武装組織の拠点を空爆した。")
    assert hits and _codes(hits[0].actor) == {"ISR"} and "ISR" not in _codes(hits[0].recipient)


def test_the_party_a_target_lies_in_is_the_recipient(ja_coder: Any, tmp_path: Path) -> None:
    text = ("これに対し、インド軍は19日夜、パキスタン側にある過激派の拠点だとする3か所に砲撃を行い、"
            "過激派とパキスタン軍の兵士が死亡したということです。")
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "ASSAULT"]
    assert hits and _codes(hits[0].actor) == {"IND"} and _codes(hits[0].recipient) == {"PAK"}
    assert hits[0].explanation is not None
    # the target's party is read as such (ja.located-target), or 過激派 is read as a bare group word
    # of the party written before it (パキスタン側にある過激派)
    why = hits[0].explanation
    assert any("ja.located-target" in n for n in why.notes) or "bare:過激派" in why.lexicon


def test_a_place_in_the_actors_own_country_is_no_target_party(ja_coder: Any, tmp_path: Path) -> None:
    text = "インド軍は19日、インド側にある検問所に部隊を派遣した。"
    assert not [e for e in _events(ja_coder, tmp_path, text) if "IND" in _codes(e.recipient)]


def test_a_party_opening_the_first_of_listed_targets_is_the_recipient(ja_coder: Any, tmp_path: Path) -> None:
    # a compound (X空軍基地) coordinated with や: the list's を marks the targets, X's among them
    text = "ロシア軍がウクライナ空軍基地や長距離無人機の部品工場、弾薬庫を攻撃した。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "ASSAULT"]
    assert hits and _codes(hits[0].actor) == {"RUS"} and _codes(hits[0].recipient) == {"UKR"}


def test_a_talk_with_someone_is_no_list_of_targets(ja_coder: Any, tmp_path: Path) -> None:
    text = "アルメニアの首相が13日、ロシアのプーチン大統領と電話会談を行った。"
    talks = [e for e in _events(ja_coder, tmp_path, text) if e.event == "CONSULT"]
    assert talks and {"ARM", "RUS"} <= _codes(talks[0].actor) | _codes(talks[0].recipient)
