"""English rules of the tenth build (issue 12: the misses of the even half of 80 fresh pages,
2040-2119): a demand in a participle, a denial of claims, the accused of a complaint lodged with
an addressee. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from frontwatch.records import Event

Code = Callable[..., list[Event]]


def codes(entities: object) -> list[str]:
    return [e.code for e in entities]  # type: ignore[attr-defined]


def test_a_summons_and_a_demand_in_a_participle_are_two_records(code_en: Code) -> None:
    evs = code_en("The Lithuanian foreign ministry summoned the Russian ambassador on Monday, "
                  "demanding that Moscow release the detained border guard.")
    assert [e.event for e in evs] == ["ACCUSE", "REQUEST"]
    req = evs[1]
    assert codes(req.actor) == ["LTU"] and codes(req.recipient) == ["RUS"]


def test_denying_another_sides_claims_is_a_rejection(code_en: Code) -> None:
    evs = code_en("The Azerbaijani Defence Ministry denied the Armenian claims on Tuesday.")
    rej = [e for e in evs if e.event == "REJECT"]
    assert rej and codes(rej[0].actor) == ["AZE"] and codes(rej[0].recipient) == ["ARM"]
    # a denial of an act stays the act's factuality, not a rejection
    assert not [e for e in code_en("Armenia denied that its troops shelled the village.")
                if e.event == "REJECT"]


def test_a_complaint_lodged_with_an_addressee_is_against_the_accused(code_en: Code) -> None:
    evs = code_en("Somalia lodged a complaint with the African Union against Ethiopia on Friday.")
    acc = [e for e in evs if e.event == "ACCUSE"]
    assert acc and codes(acc[0].actor) == ["SOM"] and codes(acc[0].recipient) == ["ETH"]


def test_an_attack_helicopter_is_a_weapon_not_an_attack(code_en: Code) -> None:
    evs = code_en("More than 30 Indian attack helicopters were deployed to the Ladakh border on Sunday.")
    assert [e.event for e in evs] == ["MOBILIZE"]


def test_said_on_a_date_that_it_had_expelled_is_the_news(code_en: Code) -> None:
    evs = code_en("Latvia said on March 19 that it had expelled a diplomat from the Russian embassy in Riga.")
    assert [(e.event, codes(e.actor), codes(e.recipient)) for e in evs] == [("SANCTION", ["LVA"], ["RUS"])]


def test_an_act_in_an_opening_time_phrase_comes_after_the_main_clause(code_en: Code) -> None:
    evs = code_en("Hours after the signing, Serbia's foreign ministry lodged a protest with Kosovo.")
    assert evs and evs[0].event in ("PROTEST", "ACCUSE") and codes(evs[0].actor) == ["SRB"]


def test_the_act_an_accusation_names_is_the_accuseds_claimed_by_the_accuser(code_en: Code) -> None:
    evs = code_en("Azerbaijan accused Armenia of shelling its positions near Lachin on Tuesday.")
    assert [e.event for e in evs] == ["ACCUSE", "ASSAULT"]
    act = evs[1]
    assert codes(act.actor) == ["ARM"] and act.factuality == "claimed" and codes(act.claimed_by) == ["AZE"]
    # an accusation of breaking an agreement names no act of violence
    assert [e.event for e in code_en("Pakistan accused India of violating the ceasefire.")] == ["ACCUSE"]
