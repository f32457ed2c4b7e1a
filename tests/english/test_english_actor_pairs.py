"""English sentences naming parties the Japanese file already knew (issues 12/13 pairs)."""

from __future__ import annotations

from collections.abc import Callable

from frontwatch.coding.en.mentions import find_mentions
from frontwatch.nlp.english import EnglishPipeline
from frontwatch.records import Event
from frontwatch.resolve.actors import ActorDictionary

from .conftest import english_doc

Code = Callable[..., list[Event]]


def _sides(ents: object) -> set[tuple[str, str | None]]:
    return {(e.code, e.sector) for e in ents}  # type: ignore[attr-defined]


def test_english_actor_pairs_arakan_army_attacks_the_junta(code_en: Code) -> None:
    evs = code_en("The Arakan Army attacked a Myanmar army base in Rakhine State on Sunday.")
    assert any(("MMR", "REB") in _sides(e.actor) and ("MMR", "MIL") in _sides(e.recipient) for e in evs), \
        [(e.event, e.actor, e.recipient) for e in evs]


def test_english_actor_pairs_rsf_is_a_rebel_side_against_the_army(code_en: Code) -> None:
    evs = code_en("The Rapid Support Forces shelled Sudanese army positions in El Fasher.")
    assert any(("SDN", "REB") in _sides(e.actor) and ("SDN", "MIL") in _sides(e.recipient) for e in evs), \
        [(e.event, e.actor, e.recipient) for e in evs]


def test_english_actor_pairs_kia_capitals_only(code_en: Code) -> None:
    evs = code_en("The Kachin Independence Army (KIA) seized a military outpost, the army said.")
    assert any(("MMR", "REB") in _sides(e.actor) for e in evs), [(e.event, e.actor) for e in evs]



def test_english_actor_pairs_the_car_maker_kia_is_no_party(en_pipeline: EnglishPipeline) -> None:
    actors = ActorDictionary.load()
    for text, found in (("Workers left a Kia plant near the capital.", []),
                        ("KIA fighters left a base near the capital.", ["KIA"])):
        doc = english_doc(text)
        (sent,) = en_pipeline.sentences(doc)
        mentions = find_mentions(sent.text, sent.tokens, sent.start, actors, None)
        assert [m.mention.text for m in mentions if m.code == "MMR"] == found
