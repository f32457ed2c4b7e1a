"""Issue 12 kind 5, rule en:background-perfect: a present perfect with "since ..." or a span of
months or years later in its clause tells a war's course, not one act. Hand-written sentences."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from frontwatch.records import Event

Code = Callable[..., list[Event]]
PUBLISHED = dt.date(2025, 6, 13)


@pytest.mark.parametrize("text", [
    "Nigerian troops have attacked Boko Haram camps over the last four years, officials said.",
    "Rebels have attacked army posts in the region for months.",
    "Nigerian troops have been battling Boko Haram, an armed group with links to Islamic State, since 2009.",
])
def test_a_perfect_with_a_span_later_in_its_clause_is_background(code_en: Code, text: str) -> None:
    assert code_en(text, PUBLISHED) == []


@pytest.mark.parametrize("text", [
    # a span of days is a fight still going on, not a war's course
    "Nigerian troops have attacked Boko Haram camps for three days.",
    # no span at all
    "Nigerian troops have attacked two Boko Haram camps in the northeast, the army said on Monday.",
    # the span stands in a later clause, after a reporting verb or a relative pronoun
    "Nigerian troops have attacked a Boko Haram camp, officials said, the first raid in years.",
    "Nigerian troops have attacked a camp of Boko Haram, which has held the forest for years.",
])
def test_a_perfect_without_its_own_span_is_news(code_en: Code, text: str) -> None:
    assert [e.event for e in code_en(text, PUBLISHED)] == ["ASSAULT"]
