"""English sentences naming parties the Japanese file already knew (issues 12/13 pairs)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from frontwatch.coding.context import CodingContext
from frontwatch.coding.en import code_sentences
from frontwatch.coding.en.mentions import find_mentions
from frontwatch.nlp.english import EnglishPipeline
from frontwatch.records import Event, Place
from frontwatch.resolve.actors import ActorDictionary
from frontwatch.resolve.places import FakeGeocoder

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


def test_english_domestic_group_takes_the_country_of_the_forces_it_attacked(code_en: Code) -> None:
    for text, code in (
        ("On Thursday, a guerrilla group attacked an army base with drones, killing seven Colombian "
         "soldiers, the army said.", "COL"),
        ("Sixteen Nigerien soldiers were killed following an ambush on Thursday by armed men in the "
         "west of the country.", "NER"),
    ):
        evs = [e for e in code_en(text) if e.event == "ASSAULT"]
        assert [(sorted(_sides(e.actor)), sorted(_sides(e.recipient))) for e in evs] == \
            [([(code, "REB")], [(code, "MIL")])], text
        assert evs[0].explanation is not None and any(
            n.startswith("en:domestic-group") for n in evs[0].explanation.notes)


def test_english_domestic_group_needs_an_armed_group_word_and_one_country(code_en: Code) -> None:
    # no armed group named: the attacker stays unknown
    evs = [e for e in code_en("Seven Colombian soldiers were killed on Thursday, the army said.")
           if e.event == "ASSAULT"]
    assert all(not e.actor for e in evs), [(e.actor, e.recipient) for e in evs]
    # soldiers of two countries: whose insurgents is not said
    evs = [e for e in code_en("Gunmen attacked a joint patrol of Malian and French soldiers on Thursday.")
           if e.event == "ASSAULT"]
    assert all(not any(s == "REB" for _, s in _sides(e.actor)) for e in evs), \
        [(e.actor, e.recipient) for e in evs]


def test_english_local_victims_are_civilians_of_the_place(en_pipeline: EnglishPipeline,
                                                         en_context: CodingContext) -> None:
    geo = FakeGeocoder({"Zamfara": Place("Zamfara", "Zamfara", "NGA", 12.17, 6.25, 2595344, "admin1")})
    ctx = replace(en_context, geocoder=geo)
    for text, victims in (("Bandits have killed 15 people in a village of Zamfara State, police said.",
                           [("NGA", "CVL")]),
                          # a recipient written: it stays
                          ("Bandits killed 15 Chadian traders in Zamfara State, police said.",
                           [("TCD", None)])):
        doc = english_doc(text)
        evs = [e for e in code_sentences(doc, en_pipeline.sentences(doc), ctx) if e.event == "ASSAULT"]
        assert [(sorted(_sides(e.actor)), sorted(_sides(e.recipient))) for e in evs] == \
            [([("NGA", None)], victims)], [(e.actor, e.recipient) for e in evs]


def test_english_domestic_group_after_another_attack_of_the_story(code_en: Code) -> None:
    """After the story's first attack, an attack told as a rebel group's with one country struck
    is that country's insurgents' ("killed in a new rebel attack in eastern Congo"), and "gangs"
    are such a group."""
    for text, code in (
        ("Congolese troops shelled rebel positions near Beni on Monday. On Tuesday, at least twelve "
         "villagers were killed in a new rebel attack on a Congolese army camp near Oicha.", "COD"),
        ("Haitian police fired on protesters on Monday. On Tuesday, gangs stormed a Haitian police "
         "station on the edge of the capital.", "HTI"),
    ):
        evs = [e for e in code_en(text) if e.event == "ASSAULT"]
        assert evs and (code, "REB") in _sides(evs[-1].actor), [(e.actor, e.recipient) for e in evs]


def test_english_a_language_word_names_no_party(en_pipeline: EnglishPipeline) -> None:
    """"the English-speaking Northwest region": a language, not Britain; "English-language" too."""
    actors = ActorDictionary.load()
    for text in ("Separatists attacked an army post in the English-speaking Northwest region.",
                 "The English-language daily reported that separatists attacked an army post."):
        doc = english_doc(text)
        (sent,) = en_pipeline.sentences(doc)
        mentions = find_mentions(sent.text, sent.tokens, sent.start, actors, None)
        assert "GBR" not in [m.code for m in mentions], text
