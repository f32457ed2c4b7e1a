"""An act told in the perfect-continuous aspect at the end of its sentence or of its が-clause is
the writer's account of a course of acts, not one act (constraint ja.course, issue 12 kind 5).
Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ja_docs import coded_events as _events

from frontwatch.coding.stages import tracing

pytestmark = pytest.mark.ginza


@pytest.mark.parametrize("text", [
    "フーシ派は2023年以来、紅海で商船を数百回攻撃してきた。",
    "ミャンマー国軍はこれまで、民間人への攻撃を否定してきた。",
])
def test_ja_course_a_perfect_continuous_act_is_background(ja_coder: Any, tmp_path: Path, text: str) -> None:
    with tracing() as dropped:
        events = _events(ja_coder, tmp_path, text)
    assert events == []
    assert any(d.rule == "ja.course" for d in dropped)


def test_ja_course_the_end_of_a_ga_clause_counts(ja_coder: Any, tmp_path: Path) -> None:
    text = ("イラクの親イラン武装組織は戦闘が始まってから、米軍基地へのドローン攻撃などを繰り返してきたが、"
            "最近は止まっていた。")
    with tracing() as dropped:
        _events(ja_coder, tmp_path, text)
    assert any(d.rule == "ja.course" for d in dropped)


@pytest.mark.parametrize(("text", "actor"), [
    ("フーシ派は8日、紅海で商船を攻撃した。", "YEM"),
    # …してきたと主張: the perfect inside what a side says stays the act it reports
    ("米軍は、フーシ派が先に米艦艇を攻撃してきたと主張している。", "YEM"),
])
def test_ja_course_an_act_in_the_past_or_reported_is_coded(ja_coder: Any, tmp_path: Path, text: str,
                                                           actor: str) -> None:
    with tracing() as dropped:
        events = _events(ja_coder, tmp_path, text)
    assert not any(d.rule == "ja.course" for d in dropped)
    assert [e for e in events if e.event == "ASSAULT" and actor in [a.code for a in e.actor]]
