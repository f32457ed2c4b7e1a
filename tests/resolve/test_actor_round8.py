"""Sector words of the tenth build (issue 13: the even half of actor batch 6): terrorist groups
are insurgents, a head of mission is a diplomat, a Japanese 会社 is a business. Phrases written
for these tests."""

from __future__ import annotations

from frontwatch.resolve.actor_phrase import ActorPhraseResolver


def test_a_terrorist_group_in_a_country_is_its_insurgent(resolver: ActorPhraseResolver) -> None:
    a = resolver.resolve("an armed terrorist group", lang="en",
                         context="Gunmen attacked a village in central Niger on Sunday.")
    assert (a.code, a.sector) == ("NER", "REB")


def test_a_head_of_mission_is_government(resolver: ActorPhraseResolver) -> None:
    a = resolver.resolve("Pakistan's deputy head of mission in Kabul", lang="en", context="")
    assert (a.code, a.sector) == ("PAK", "GOV")


def test_a_shipping_company_is_a_business(resolver: ActorPhraseResolver) -> None:
    a = resolver.resolve("ノルウェーの海運会社", lang="ja", context="")
    assert (a.code, a.sector) == ("NOR", "BUS")
