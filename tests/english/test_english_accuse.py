"""Accusations in English stories (issue 12, kind 4): who is accused when a statement condemns an
attack the story told before (hand-written sentences)."""

from __future__ import annotations

from collections.abc import Callable

from frontwatch.records import Event

Code = Callable[..., list[Event]]


def codes(entities: object) -> list[str]:
    return [e.code for e in entities]  # type: ignore[attr-defined]


def test_condemned_attack_is_the_attackers_own_country_insurgent(code_en: Code) -> None:
    evs = code_en("ELN guerrillas attacked an army base in Arauca on Sunday, killing two soldiers. "
                  "Colombian President Gustavo Petro condemned the deadly attack.")
    acc = [e for e in evs if e.event == "ACCUSE"]
    assert len(acc) == 1 and codes(acc[0].actor) == ["COL"] and codes(acc[0].recipient) == ["COL"]
    assert acc[0].recipient[0].sector == "REB"
    assert any(n.startswith("en:condemned-act") for n in acc[0].explanation.notes)  # type: ignore[union-attr]


def test_condemned_attacks_are_the_other_countrys_not_the_last_retaliation(code_en: Code) -> None:
    evs = code_en("Pakistani jets bombed two villages in Khost province on Monday. "
                  "Afghan border forces then shelled Pakistani posts along the frontier. "
                  "The United States urged India to stay out of the conflict. "
                  "The Afghan government strongly condemned these attacks.")
    acc = [e for e in evs if e.event == "ACCUSE"]
    assert [(codes(e.actor), codes(e.recipient)) for e in acc] == [(["AFG"], ["PAK"])]


def test_a_target_named_in_the_sentence_is_kept(code_en: Code) -> None:
    evs = code_en("Russian missiles struck Kyiv overnight. Poland condemned Moscow's attack on Kyiv.")
    acc = [e for e in evs if e.event == "ACCUSE"]
    assert [(codes(e.actor), codes(e.recipient)) for e in acc] == [(["POL"], ["RUS"])]
    assert not any(n.startswith("en:condemned-act") for e in acc
                   for n in e.explanation.notes)  # type: ignore[union-attr]


def test_condemning_something_other_than_an_attack_takes_no_attacker(code_en: Code) -> None:
    evs = code_en("Russian missiles struck Kyiv overnight. Hungary condemned the decision of the "
                  "European Union.")
    assert not any(n.startswith("en:condemned-act") for e in evs if e.explanation
                   for n in e.explanation.notes)


def test_a_provocation_in_a_statement_is_the_speakers_accusation(code_en: Code) -> None:
    evs = code_en("\u201cNorth Korea\u2019s continued provocations undermine peace on the Korean "
                  "Peninsula,\u201d South Korea's Joint Chiefs of Staff said.")
    acc = [e for e in evs if e.event == "ACCUSE"]
    assert [(codes(e.actor), codes(e.recipient)) for e in acc] == [(["KOR"], ["PRK"])]
