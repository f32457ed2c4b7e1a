"""Japanese sentences naming armed groups the English file already knew (issues 12/13 pairs)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ja_docs import coded_events as _events

pytestmark = pytest.mark.ginza


def _sides(ents: Any) -> set[tuple[str, str | None]]:
    return {(e.code, e.sector) for e in ents}


def test_ja_actor_pairs_shabab_attack_on_the_army(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "イスラム過激派組織アル・シャバブがソマリア軍の基地を攻撃した。")
    assert any(("SOM", "REB") in _sides(e.actor) and ("SOM", "MIL") in _sides(e.recipient) for e in evs), \
        [(e.event, e.actor, e.recipient) for e in evs]


def test_ja_actor_pairs_turkey_strikes_the_pkk(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "トルコ軍はイラク北部でクルド労働者党(PKK)の拠点を空爆した。")
    assert any(("TUR", "MIL") in _sides(e.actor) and ("TUR", "REB") in _sides(e.recipient) for e in evs), \
        [(e.event, e.actor, e.recipient) for e in evs]


def test_ja_actor_pairs_boko_haram_abducts_villagers(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path,
                  "ナイジェリア北東部でボコ・ハラムの戦闘員が村を襲撃し、住民10人を殺害した。")
    assert any(("NGA", "REB") in _sides(e.actor) for e in evs), [(e.event, e.actor) for e in evs]
