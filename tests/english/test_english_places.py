"""English place finding: words that name no place even where a gazetteer has a town so
spelt (a weapon, a person's name after a title, the head word of an unknown name)."""

from __future__ import annotations

from frontwatch.coding.context import CodingContext
from frontwatch.coding.en import code_sentences
from frontwatch.nlp.english import EnglishPipeline
from frontwatch.records import Place
from frontwatch.resolve.actors import ActorDictionary
from frontwatch.resolve.places import FakeGeocoder, find_places
from frontwatch.resolve.weapons import WeaponLexicon

from .conftest import english_doc


def _town(name: str, country: str = "USA") -> Place:
    return Place(name, name, country, 40.0, -90.0, geonameid=1, feature="city")


FAKE = FakeGeocoder({
    "Island": _town("Island"), "Thomas": _town("Thomas"), "Tomahawk": _town("Tomahawk"),
    "Volodymyr": _town("Volodymyr", "UKR"), "Kherson": _town("Kherson", "UKR"),
    "Marlow": _town("Marlow", "GBR"), "Marlow Island": _town("Marlow Island", "GBR"),
})


def _names(text: str) -> list[str]:
    return [m.text for m in find_places(text, lang="en", geocoder=FAKE, countries=("USA", "UKR"))]


def test_english_places_weapon_name_is_no_place() -> None:
    assert _names("The destroyer launched Tomahawk missiles at radar sites.") == []


def test_english_places_head_word_of_unknown_name_is_no_place() -> None:
    assert _names("Artillery shelled Pelvorn Island overnight.") == []
    assert _names("Coast guard ships blocked boats near Third Thomas Shoal.") == []


def test_english_places_name_with_head_word_still_found() -> None:
    assert _names("Artillery shelled Marlow Island overnight.") == ["Marlow Island"]


def test_english_places_person_after_title_is_no_place() -> None:
    assert _names("President Volodymyr Petrenko visited troops.") == []
    assert _names("Kherson Governor Volodymyr Petrenko said two people died.") == ["Kherson"]


def test_english_places_generic_subject_takes_the_places_country(en_pipeline: EnglishPipeline) -> None:
    ctx = CodingContext(actors=ActorDictionary.load(), weapons=WeaponLexicon.load(), lexicons={},
                        geocoder=FAKE)
    doc = english_doc("Authorities ordered residents of Marlow to evacuate to shelters.")
    ev = code_sentences(doc, en_pipeline.sentences(doc), ctx.for_document(None))[0]
    assert ev.event == "COERCE"
    assert [e.code for e in ev.actor] == ["GBR"] and [e.code for e in ev.recipient] == ["GBR"]


def test_english_places_a_venue_is_no_party_to_an_agreement(en_pipeline: EnglishPipeline) -> None:
    ctx = CodingContext(actors=ActorDictionary.load(), weapons=WeaponLexicon.load(), lexicons={},
                        geocoder=FAKE)
    doc = english_doc("The Ukrainian government and the rebels signed an agreement in Marlow.")
    ev = code_sentences(doc, en_pipeline.sentences(doc), ctx.for_document(None))[0]
    assert ev.event == "AGREE" and "GBR" not in [e.code for e in ev.recipient]
    doc = english_doc("Ukrainian troops shelled Marlow on Monday.")  # an attack's place is its target
    ev = code_sentences(doc, en_pipeline.sentences(doc), ctx.for_document(None))[0]
    assert ev.event == "ASSAULT" and [e.code for e in ev.recipient] == ["GBR"]


def test_english_places_a_capital_before_its_own_body_is_a_place(en_pipeline: EnglishPipeline) -> None:
    """en:city-body: "Moscow's Lefortovo court": Moscow is where the court sits, and the court
    acts for Russia; "Moscow's forces" stay Russia's, with no place in Moscow."""
    geo = FakeGeocoder({"Moscow": _town("Moscow", "RUS"), "Kharkiv": _town("Kharkiv", "UKR")})
    ctx = CodingContext(actors=ActorDictionary.load(), weapons=WeaponLexicon.load(), lexicons={},
                        geocoder=geo)

    def code(text: str) -> tuple[list[str], list[str]]:
        doc = english_doc(text)
        ev = code_sentences(doc, en_pipeline.sentences(doc), ctx.for_document(None))[0]
        return [e.code or "" for e in ev.actor], [p.name or "" for p in ev.event_loc]

    assert code("Moscow's Lefortovo court arrested a French researcher on Monday.") == (["RUS"], ["Moscow"])
    assert code("Moscow's police arrested two Ukrainian agents.") == (["RUS"], ["Moscow"])
    assert code("Moscow's forces attacked Kharkiv on Monday.") == (["RUS"], ["Kharkiv"])
