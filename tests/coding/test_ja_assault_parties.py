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
