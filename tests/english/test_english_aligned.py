"""A party named only as what a group is aligned with or linked to is not the group (issue 12)."""

from __future__ import annotations

from collections.abc import Callable

from frontwatch.coding.en.mentions import find_mentions
from frontwatch.nlp.english import EnglishPipeline
from frontwatch.records import Event
from frontwatch.resolve.actors import ActorDictionary

from .conftest import english_doc

Code = Callable[..., list[Event]]


def _codes(text: str, pipeline: EnglishPipeline) -> list[str | None]:
    doc = english_doc(text)
    (sent,) = pipeline.sentences(doc)
    return [m.code for m in find_mentions(sent.text, sent.tokens, sent.start, ActorDictionary.load(), None)]


def test_english_aligned_group_is_not_its_patron(en_pipeline: EnglishPipeline) -> None:
    assert "IRN" not in _codes("The Iran-aligned militia fired rockets at a base.", en_pipeline)
    assert "IRN" in _codes("Iran fired rockets at a base near the border.", en_pipeline)


def test_english_affiliated_group_is_not_its_parent(en_pipeline: EnglishPipeline) -> None:
    assert "IMG" not in _codes("The al-Qaeda-affiliated fighters stormed a village on Monday.", en_pipeline)


def test_english_group_linked_to_a_group_is_the_one_after(code_en: Code) -> None:
    evs = code_en("American aircraft struck al-Qaeda-linked al-Shabab fighters in Somalia on Friday.")
    assert evs and all("IMG" not in {e.code for e in ev.recipient} for ev in evs), \
        [(e.event, e.actor, e.recipient) for e in evs]


def test_english_state_linked_ships_keep_the_state(en_pipeline: EnglishPipeline) -> None:
    assert "ISR" in _codes("The rebels vowed to attack Israel-linked ships in the Red Sea.", en_pipeline)
