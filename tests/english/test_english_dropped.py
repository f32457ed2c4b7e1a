"""``explain --dropped`` on English text: resolution and the story-level rules say why a frame
made no record (hand-written sentences; issue 12)."""

from __future__ import annotations

from collections.abc import Callable

from frontwatch.coding.stages import Dropped, tracing
from frontwatch.records import Event

Code = Callable[..., list[Event]]


def _dropped(code_en: Code, text: str) -> tuple[list[Event], list[Dropped]]:
    with tracing() as dropped:
        evs = code_en(text)
    return evs, list(dropped)


def test_english_dropped_resolution_names_its_own_rule(code_en: Code) -> None:
    evs, dropped = _dropped(code_en, "Officials said a ceasefire had been agreed.")
    assert evs == []
    refused = [d for d in dropped if d.stage == "resolution"]
    assert [(d.trigger, d.rule) for d in refused] == [("ceasefire", "en:no-party")]
    assert "neither actor nor recipient" in refused[0].why


def test_english_dropped_background_date_is_the_reason(code_en: Code) -> None:
    import datetime as dt

    with tracing() as dropped:
        evs = code_en("Russia expelled two Estonian diplomats on January 3.", dt.date(2024, 5, 1))
    assert evs == []
    assert [(d.stage, d.rule) for d in dropped] == [("resolution", "en:background-date")]
    assert "recap" in dropped[0].why


def test_english_dropped_story_level_no_actor(code_en: Code) -> None:
    evs, dropped = _dropped(code_en, "The alliance had called on the Houthis to release the ship.")
    assert evs == []
    story = [d for d in dropped if d.stage == "story"]
    assert [(d.trigger, d.event, d.rule) for d in story] == [("called on", "REQUEST", "en:no-actor")]
    # the frame that made the record is never listed as dropped by choice
    evs, dropped = _dropped(code_en, "Russia's foreign ministry summoned the French ambassador.")
    assert len(evs) == 1 and all(d.stage != "choice" for d in dropped)
