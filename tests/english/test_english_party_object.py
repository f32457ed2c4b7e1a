"""en:party-object (issue 12): "strike", "hit", "pound", "target" with a party as subject and a
party, military target or place as object are attacks with no context word; their other senses
("struck a deal", "hit with tariffs", "struck a chord", a storm striking) are not.
Hand-written sentences, no gazetteer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from frontwatch.coding.en.rules import EnglishRules
from frontwatch.nlp.english import EnglishPipeline
from frontwatch.records import Event
from tests.english.conftest import english_doc

Code = Callable[..., list[Event]]
PUBLISHED = dt.date(2025, 6, 13)


def brief(evs: list[Event]) -> list[tuple[str, list[str | None], list[str | None]]]:
    return [(e.event, [a.code for a in e.actor], [r.code for r in e.recipient]) for e in evs]


@pytest.mark.parametrize(("text", "actor", "target"), [
    ("Israel struck Iran overnight.", "ISR", "IRN"),
    ("Russia pounded Ukraine on Tuesday.", "RUS", "UKR"),
    ("Russia hits Kyiv as Ukraine and Poland agree on a joint air-defence cell.", "RUS", "UKR"),
    ("Israel hit Iran's nuclear facilities on Friday.", "ISR", "IRN"),
    ("Iran has also targeted Israel, the army said on Sunday.", "IRN", "ISR"),
])
def test_a_party_striking_a_party_is_an_attack(code_en: Code, text: str, actor: str, target: str) -> None:
    assert brief(code_en(text, PUBLISHED)) == [("ASSAULT", [actor], [target])]


def test_a_party_striking_a_military_target_is_an_attack(code_en: Code) -> None:
    evs = code_en("The Houthis had targeted a vessel in the Red Sea on Monday.", PUBLISHED)
    assert [e.event for e in evs] == ["ASSAULT"]
    assert [a.code for a in evs[0].actor] == ["YEM"]


@pytest.mark.parametrize("text", [
    "China hit the United States with new tariffs on Friday.",
    "The storm struck Cuba on Monday.",
    "Ukraine was hit hard by the storm.",
    "The speech by the Iranian president struck a chord with voters.",
    "Israel hit a record number of tourists this year.",
])
def test_other_senses_are_no_attack(code_en: Code, text: str) -> None:
    assert "ASSAULT" not in [e.event for e in code_en(text, PUBLISHED)]


def test_struck_a_deal_is_an_agreement_not_an_attack(code_en: Code) -> None:
    assert [e.event for e in code_en("Israel struck a deal with Hamas on Tuesday.", PUBLISHED)] == ["AGREE"]


def test_a_verb_with_no_party_subject_needs_its_context_word(en_pipeline: EnglishPipeline) -> None:
    rules = EnglishRules.load()
    doc = english_doc("Lightning struck Iran.")
    tokens = en_pipeline.sentences(doc)[0].tokens
    assert rules.triggers(tokens, parties=frozenset({2})) == []  # no party right before the verb
    assert rules.triggers(tokens, parties=frozenset({0})) == []  # no party or target after it
    found = rules.triggers(tokens, parties=frozenset({0, 2}))
    assert [(t.entry.event, t.text) for t in found] == [("ASSAULT", "struck")]
