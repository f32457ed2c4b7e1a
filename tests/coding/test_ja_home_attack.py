"""An attack with no doer named that killed or wounded people, in a story that names no party
but the country of its one place, is an armed party's of that country (rule ja.home-attack).
Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ja_docs import coded_events as _events

pytestmark = pytest.mark.ginza

ATTACK = "メキシコ西部の州で6日、警察の車列が襲撃を受け、警官5人が死亡した。"


def _attacks(ja_coder: Any, tmp_path: Path, *body: str) -> list[Any]:
    return [e for e in _events(ja_coder, tmp_path, *body) if e.event == "ASSAULT"]


def test_ja_home_attack_takes_the_country_of_the_place(ja_coder: Any, tmp_path: Path) -> None:
    hits = _attacks(ja_coder, tmp_path, ATTACK)
    assert len(hits) == 1
    assert {e.code for e in hits[0].actor} == {"MEX"} and {e.code for e in hits[0].recipient} == {"MEX"}
    assert hits[0].explanation is not None and hits[0].explanation.rule == "ja.home-attack"
    assert hits[0].dead == 5


def test_ja_home_attack_not_when_the_story_names_another_state(ja_coder: Any, tmp_path: Path) -> None:
    # a second state in the story may be the doer: no guess
    assert not _attacks(ja_coder, tmp_path, ATTACK, "米国務省は7日、事件に懸念を表明した。")


def test_ja_home_attack_needs_casualties(ja_coder: Any, tmp_path: Path) -> None:
    assert not _attacks(ja_coder, tmp_path, "メキシコ西部の州で6日、警察の車列が襲撃を受けた。")
