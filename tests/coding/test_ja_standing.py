"""A reaction word in the ongoing aspect with nothing said as its content is a side's standing
stance, background (constraint ja.standing-stance). Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ja_docs import coded_events as _events

from frontwatch.coding.stages import tracing

pytestmark = pytest.mark.ginza


def test_ja_standing_a_stance_with_no_words_said_is_background(ja_coder: Any, tmp_path: Path) -> None:
    text = "国境の管理をめぐり、インドが新たな検問所を設けたことに対し、ネパールが強く反発している。"
    with tracing() as dropped:
        events = _events(ja_coder, tmp_path, text)
    assert not [e for e in events if e.event == "REJECT"]
    assert any(d.rule == "ja.standing-stance" for d in dropped)


def test_ja_standing_a_reaction_with_its_words_is_coded(ja_coder: Any, tmp_path: Path) -> None:
    text = "ネパール外務省は「インドの行為は主権の侵害だ」と反発している。"
    events = _events(ja_coder, tmp_path, text)
    assert [e.event for e in events if e.event in ("REJECT", "ACCUSE")]


def test_ja_standing_a_reaction_in_the_past_is_coded(ja_coder: Any, tmp_path: Path) -> None:
    text = "インドが新たな検問所を設けたことに対し、ネパールは8日、強く反発した。"
    events = _events(ja_coder, tmp_path, text)
    assert [e.event for e in events if e.event == "REJECT"]


def test_ja_embedded_question_is_no_act(ja_coder: Any, tmp_path: Path) -> None:
    asked = "タイ政府は声明を出しておらず、タイ軍が先にカンボジア軍を攻撃したかは不明。"
    told = "タイ軍は9日、カンボジア軍を攻撃した。"
    assert not [e for e in _events(ja_coder, tmp_path, asked) if e.event == "ASSAULT"]
    assert [e for e in _events(ja_coder, tmp_path, told) if e.event == "ASSAULT"]
