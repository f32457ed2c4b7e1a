"""The writer's recap of history on a page with no publication date (rule ja:story-recap):
an act dated well before the story's latest act is not news. Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ja_docs import coded_events as _events

from frontwatch.coding.stages import tracing

pytestmark = pytest.mark.ginza

LEAD = "2024年3月5日、イスラエル軍はガザ南部の住宅を空爆し、住民12人が死亡しました。"


def test_ja_recap_an_act_years_before_the_story_is_dropped(ja_coder: Any, tmp_path: Path) -> None:
    recap = "イスラエルとハマスは2021年5月に停戦で合意しました。"
    with tracing() as dropped:
        events = _events(ja_coder, tmp_path, LEAD, recap)
    assert [e.event for e in events] == ["ASSAULT"] and events[0].date == "2024-03-05"
    assert any(d.rule == "ja:story-recap" and d.event == "AGREE" for d in dropped)


def test_ja_recap_acts_of_the_same_weeks_are_kept(ja_coder: Any, tmp_path: Path) -> None:
    later = "イスラエルとハマスは2024年3月20日に停戦で合意しました。"
    events = _events(ja_coder, tmp_path, LEAD, later)
    assert sorted(e.event for e in events) == ["AGREE", "ASSAULT"]
