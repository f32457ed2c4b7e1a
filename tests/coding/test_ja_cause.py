"""An act named with its doer as the cause of what follows (Xによる…を受け、) is an act told
elsewhere (constraint ja.cause-reference). Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ja_docs import coded_events as _events

from frontwatch.coding.stages import tracing

pytestmark = pytest.mark.ginza


def test_ja_cause_an_act_named_as_the_cause_is_no_record(ja_coder: Any, tmp_path: Path) -> None:
    text = "欧州各国は、ロシアによるキーウへのミサイル攻撃を受け、首脳会議を開く方針を決めた。"
    with tracing() as dropped:
        events = _events(ja_coder, tmp_path, text)
    assert not [e for e in events if e.event == "ASSAULT"]
    assert any(d.rule == "ja.cause-reference" for d in dropped)


def test_ja_cause_an_ordeal_with_its_subject_is_the_act(ja_coder: Any, tmp_path: Path) -> None:
    text = "東部ハルキウ州の集合住宅がロシア軍による砲撃を受け、住民3人が死亡した。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "ASSAULT"]
    assert hits and {e.code for e in hits[0].actor} == {"RUS"}
