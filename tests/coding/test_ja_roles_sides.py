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
