"""Actor phrases the ninth build's held-out batch taught (all sentences are ours): places in the
context read among the countries it names, no sector for a UN or NATO body's troops, ranks and
newspapers as sector words, the Philippine New People's Army."""

from __future__ import annotations

import pytest

from frontwatch.resolve.actor_phrase import ActorPhraseResolver


def test_a_context_place_is_read_among_the_countries_named(resolver: ActorPhraseResolver) -> None:
    context = ("Local policemen clashed with rebels who raided a police station in Victoria town, in the "
               "central Philippine province of Northern Samar, on Thursday.")
    a = resolver.resolve("local policemen", lang="en", context=context)
    assert (a.code, a.sector) == ("PHL", "COP")  # the Philippine Victoria, not Hong Kong's


@pytest.mark.parametrize(("text", "lang", "code"), [
    ("U.N. peacekeepers", "en", "UNO"),
    ("NATO troops", "en", "IGO"),
])
def test_an_international_body_s_troops_have_no_sector(resolver: ActorPhraseResolver, text: str, lang: str,
                                                      code: str) -> None:
    a = resolver.resolve(text, lang=lang, context="")
    assert (a.code, a.sector) == (code, None)


def test_a_country_s_peacekeepers_are_its_military(resolver: ActorPhraseResolver) -> None:
    a = resolver.resolve("Russian peacekeepers", lang="en", context="")
    assert (a.code, a.sector) == ("RUS", "MIL")


@pytest.mark.parametrize(("text", "context", "code", "sector"), [
    ("ソムチャイ中将", "タイ陸軍のソムチャイ中将は、南部で基地が襲撃されたと述べた。", "THA", "MIL"),
    ("ブラジルの有力紙", "ブラジルの有力紙は、軍が国境に部隊を増派したと報じた。", "BRA", "MED"),
    ("国家保安局", "アフガニスタンの国家保安局は、首都で男を拘束したと発表した。", "AFG", "SPY"),
])
def test_japanese_ranks_newspapers_and_security_bureaus(resolver: ActorPhraseResolver, text: str,
                                                         context: str, code: str, sector: str) -> None:
    a = resolver.resolve(text, lang="ja", context=context)
    assert (a.code, a.sector) == (code, sector)


@pytest.mark.parametrize(("text", "lang"), [("New People's Army", "en"), ("新人民軍", "ja")])
def test_the_new_people_s_army_is_a_philippine_rebel_group(resolver: ActorPhraseResolver, text: str,
                                                            lang: str) -> None:
    a = resolver.resolve(text, lang=lang, context="")
    assert (a.code, a.sector) == ("PHL", "REB")
