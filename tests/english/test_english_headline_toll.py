"""A headline's toll without its "were" ("Five killed in Israeli drone strike") reads as a passive."""

from __future__ import annotations

from collections.abc import Callable

from frontwatch.records import Event

Code = Callable[..., list[Event]]


def test_english_headline_toll_names_the_attacker(code_en: Code) -> None:
    evs = code_en("Five killed in Israeli drone strike on a car in Lebanon", kind="title")
    assert any("ISR" in {e.code for e in ev.actor} for ev in evs), \
        [(e.event, e.actor, e.recipient) for e in evs]
    assert all("ISR" not in {e.code for e in ev.recipient} for ev in evs)
