"""ASSAULT's actor and recipient on sentences written for these tests (issue 12 kinds 1, 6, 7)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ja_docs import coded_events as _events
from ja_docs import codes as _codes

pytestmark = pytest.mark.ginza


def test_ja_a_name_in_brackets_takes_the_particle_after_them(ja_coder: Any, tmp_path: Path) -> None:
    """準軍事組織「迅速支援部隊(RSF)」が: the dictionary finds the gloss inside the brackets; the
    が after them marks it as the subject."""
    evs = _events(ja_coder, tmp_path,
                  "スーダン東部で、準軍事組織「迅速支援部隊(RSF)」が無人機で燃料貯蔵施設を攻撃した。")
    attacks = [e for e in evs if e.event == "ASSAULT"]
    assert attacks and [(a.code, a.sector) for a in attacks[0].actor] == [("SDN", "REB")]


def test_ja_a_gloss_alone_in_brackets_is_not_the_phrase(ja_coder: Any, tmp_path: Path) -> None:
    """運搬船(リベリア船籍)を: the flag in the gloss is not the ship's owner named before it."""
    evs = _events(ja_coder, tmp_path,
                  "フーシ派は紅海でギリシャの石炭運搬船(リベリア船籍)をミサイルで攻撃した。")
    attacks = [e for e in evs if e.event == "ASSAULT"]
    assert attacks and _codes(attacks[0].actor) == {"YEM"} and "LBR" not in _codes(attacks[0].recipient)


def test_ja_forces_at_home_act_on_the_other_state_of_the_sentence(ja_coder: Any, tmp_path: Path) -> None:
    """Issue 12 kind 1: 北朝鮮軍の兵士が…越え、韓国軍が警告射撃: the shots are at the North's
    soldiers, not at South Korea's own people (ja.not-at-home)."""
    evs = _events(ja_coder, tmp_path,
                  "北朝鮮軍の兵士約20人が軍事境界線を越えて南側に入り、韓国軍が警告射撃を行った。")
    shots = [e for e in evs if e.event == "ASSAULT" and _codes(e.actor) == {"KOR"}]
    assert shots and _codes(shots[0].recipient) == {"PRK"}


def test_ja_an_army_at_home_with_no_other_state_stays_a_civil_war(ja_coder: Any, tmp_path: Path) -> None:
    """ミャンマー軍が…村を空爆: with no other state acting in the sentence, its own country's."""
    evs = _events(ja_coder, tmp_path, "ミャンマー軍が中部ザガイン地域の村を空爆し、住民20人が死亡した。")
    attacks = [e for e in evs if e.event == "ASSAULT"]
    assert attacks and _codes(attacks[0].actor) == {"MMR"} and _codes(attacks[0].recipient) == {"MMR"}



def test_ja_the_side_an_attack_came_from_is_its_doer(ja_coder: Any, tmp_path: Path) -> None:
    """パキスタン側から砲撃があり: an attack told as something there was, from a side (Xから),
    is that side's (rule origin)."""
    evs = _events(ja_coder, tmp_path,
                  "インド北部の国境付近で3日、パキスタン側から砲撃があり、インドの住民2人が死亡した。")
    attacks = [e for e in evs if e.event == "ASSAULT"]
    assert attacks and _codes(attacks[0].actor) == {"PAK"} and _codes(attacks[0].recipient) == {"IND"}
