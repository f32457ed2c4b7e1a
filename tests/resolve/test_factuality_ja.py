"""Horizons, hedges and casualty counts in Japanese text."""

from __future__ import annotations

import pytest

from frontwatch.coding.lexicon import load_event_lexicon
from frontwatch.resolve.factuality import find_casualties, find_horizon, hedge


@pytest.mark.parametrize(("text", "days"), [
    ("数時間以内に", 1), ("数日以内に", 7), ("数週間以内に", 21), ("数ヶ月以内に", 90), ("3日以内", 3),
    ("2週間以内", 14),
])
def test_factuality_horizon_days(text: str, days: int) -> None:
    h = find_horizon(text)
    assert h is not None and h.days == days


def test_factuality_hedges_from_the_lexicon() -> None:
    cues = load_event_lexicon("ja").cues
    assert hedge("侵攻する可能性がある", cues).factuality == "possible"  # type: ignore[union-attr]
    assert hedge("来週に派遣する予定だ", cues).factuality == "future"  # type: ignore[union-attr]
    assert hedge("事実無根だと否定した", cues).factuality == "denied"  # type: ignore[union-attr]
    assert hedge("攻撃した", cues) is None


def test_factuality_casualties() -> None:
    c = find_casualties("現時点で49人の民間人が死亡し、12人が負傷した")
    assert (c.dead, c.injured) == (49, 12)
    assert find_casualties("部隊を派遣した").dead is None
