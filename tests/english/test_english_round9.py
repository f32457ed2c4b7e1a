"""English rules of the eleventh build (issues 11-13: the misses of the even half of the 360
pages 2120-2479): a summoned envoy's country and host, the next action when the first names no
party, a clause's day from its whole sentence, a retold action's day. Sentences written for these
tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from frontwatch.coding.context import CodingContext
from frontwatch.coding.en import code_sentences
from frontwatch.nlp.english import EnglishPipeline
from frontwatch.records import Event
from frontwatch.resolve.actors import ActorDictionary
from frontwatch.resolve.places import default_geocoder
from frontwatch.resolve.weapons import WeaponLexicon

from .conftest import english_doc

Code = Callable[..., list[Event]]


def codes(entities: object) -> list[str]:
    return [e.code for e in entities]  # type: ignore[attr-defined]


def sides(evs: list[Event], kind: str) -> list[tuple[list[str], list[str]]]:
    return [(codes(e.actor), codes(e.recipient)) for e in evs if e.event == kind]


def test_a_summons_is_aimed_at_the_envoys_country_by_the_host(code_en: Code) -> None:
    evs = code_en("On Monday, the Ministry of Foreign Affairs summoned the Russian ambassador in Latvia.")
    assert sides(evs, "ACCUSE") == [(["LVA"], ["RUS"])]
    # the envoy named first, the summons in the passive, the host a capital
    evs = code_en("Pakistan's ambassador in Kabul, Mr Khan, was summoned to the foreign ministry on Sunday.")
    assert sides(evs, "ACCUSE") == [(["AFG"], ["PAK"])]
    # a named summoner keeps its place; the envoy's country is still the recipient
    evs = code_en("Hungary summoned Ukraine's charge d'affaires in Budapest on Friday.")
    assert sides(evs, "ACCUSE") == [(["HUN"], ["UKR"])]


def test_a_protest_lodged_with_an_envoy_called_in_is_against_his_country(code_en: Code) -> None:
    evs = code_en("The Nepalese deputy ambassador in New Delhi was called in to the Ministry of External "
                  "Affairs and a strong protest was lodged over the firing.")
    hits = [e for e in evs if e.event in ("ACCUSE", "PROTEST")]
    assert hits and codes(hits[0].actor) == ["IND"] and codes(hits[0].recipient) == ["NPL"]


def test_a_summons_without_an_envoy_is_left_to_the_roles(code_en: Code) -> None:
    evs = code_en("Serbia summoned Kosovo police officers to a hearing in Belgrade on Tuesday.")
    assert all("en:envoy" not in " ".join(e.explanation.notes) for e in evs if e.explanation)


def test_the_next_action_is_read_when_the_first_names_no_party(code_en: Code) -> None:
    evs = code_en("Armed men ambushed and killed six Nigerian soldiers near Maiduguri on Sunday.")
    hits = [e for e in evs if e.event == "ASSAULT"]
    assert len(hits) == 1 and codes(hits[0].recipient) == ["NGA"]
    assert hits[0].explanation is not None and hits[0].explanation.trigger == "killed"


def test_a_cut_clause_takes_the_day_its_whole_sentence_states(code_en: Code) -> None:
    published = dt.date(2023, 6, 16)  # a Friday
    evs = code_en("Four Chinese coast guard ships harassed a Philippine supply boat, but no one was hurt, "
                  "the Philippine coast guard said Wednesday.", published)
    hits = [e for e in evs if e.event in ("MOBILIZE", "THREATEN", "COERCE")]
    assert hits and hits[0].date == "2023-06-14"
    # a clause with a day of its own keeps it
    evs = code_en("Azerbaijan shelled Armenian positions on Monday and Armenia returned fire on Tuesday.",
                  published)
    assert [e.date for e in evs if e.event == "ASSAULT"][:1] == ["2023-06-12"]


@pytest.fixture(scope="module")
def code_places() -> Code:
    pipeline = EnglishPipeline()
    ctx = CodingContext(actors=ActorDictionary.load(), weapons=WeaponLexicon.load(), lexicons={},
                        geocoder=default_geocoder())

    def run(text: str, published: dt.date | None = None) -> list[Event]:
        doc = english_doc(text, published=published)
        return code_sentences(doc, pipeline.sentences(doc), ctx.for_document(published))

    return run


def test_a_summons_is_placed_in_the_summoning_countrys_capital(code_places: Code) -> None:
    evs = code_places("Lithuania summoned the Belarusian charge d'affaires on Tuesday over the balloons.")
    hits = [e for e in evs if e.event == "ACCUSE"]
    assert hits and [p.name for p in hits[0].event_loc] == ["Vilnius"]
    # a place of the summoning country named in the sentence stands
    evs = code_places("Poland summoned the Russian ambassador to the foreign ministry in Krakow on Friday.")
    hits = [e for e in evs if e.event == "ACCUSE"]
    assert hits and "Vilnius" not in [p.name for p in hits[0].event_loc]
    assert [p.country for p in hits[0].event_loc] == ["POL"]
