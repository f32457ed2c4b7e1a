"""Military posture and background sentences in English (issue 12, newgold 612-619 kinds):
hand-written sentences, no gazetteer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from frontwatch.records import Event

Code = Callable[..., list[Event]]
PUBLISHED = dt.date(2024, 3, 1)


def brief(evs: list[Event]) -> list[tuple[str, list[str | None], list[str | None]]]:
    return [(e.event, [a.code for a in e.actor], [r.code for r in e.recipient]) for e in evs]


def test_a_launch_told_by_the_watching_side_is_aimed_at_it(code_en: Code) -> None:
    evs = code_en("South Korea's military said North Korea fired three cruise missiles into the sea "
                  "on Monday.", PUBLISHED)
    assert brief(evs) == [("MOBILIZE", ["PRK"], ["KOR"])]
    assert evs[0].explanation is not None
    assert any("en:watched-posture" in n for n in evs[0].explanation.notes)


def test_a_deployment_spotted_by_a_ministry_is_aimed_at_its_country(code_en: Code) -> None:
    evs = code_en("Japan's Defense Ministry said a large-scale dispatch of Chinese warships was "
                  "spotted on Tuesday.", PUBLISHED)
    assert brief(evs) == [("MOBILIZE", ["CHN"], ["JPN"])]


def test_a_launch_told_by_no_one_has_no_target(code_en: Code) -> None:
    evs = code_en("North Korea fired two ballistic missiles into the sea on Monday.", PUBLISHED)
    assert brief(evs) == [("MOBILIZE", ["PRK"], [])]


def test_our_military_in_a_quote_is_the_speakers(code_en: Code) -> None:
    evs = code_en('"While strengthening our watch, our military is maintaining a full readiness posture '
                  'in close cooperation with the United States," South Korea\'s Joint Chiefs of Staff said.',
                  PUBLISHED)
    assert brief(evs)[0][:2] == ("MOBILIZE", ["KOR"])
    assert evs[0].explanation is not None
    assert any("en:first-person-speaker" in n for n in evs[0].explanation.notes)


def test_our_forces_in_a_quote_threaten_the_party_named_after(code_en: Code) -> None:
    evs = code_en('"Our forces will respond firmly to any attack by Iran," Israel\'s defence minister said.',
                  PUBLISHED)
    assert brief(evs) == [("THREATEN", ["ISR"], ["IRN"])]


def test_a_named_subject_in_a_quote_stays_the_actor(code_en: Code) -> None:
    evs = code_en('"Russia has massed troops near our border," Ukraine\'s defence minister said.', PUBLISHED)
    assert [e.actor[0].code for e in evs] == ["RUS"]


def test_a_present_relative_clause_describes_a_party(code_en: Code) -> None:
    evs = code_en("The United States will keep exposing networks in any country that supports Iran's "
                  "army, the Treasury said.", PUBLISHED)
    assert evs == []


def test_a_past_relative_clause_leaves_the_main_act(code_en: Code) -> None:
    evs = code_en("Washington imposed sanctions on companies which helped Iran build drones.", PUBLISHED)
    assert brief(evs) == [("SANCTION", ["USA"], ["IRN"])]


def test_a_relative_clause_does_not_hide_the_news(code_en: Code) -> None:
    evs = code_en("The Houthis, who attack shipping in the Red Sea, said they fired missiles at Israel.",
                  PUBLISHED)
    assert brief(evs) == [("ASSAULT", ["YEM"], ["ISR"])]


def test_months_of_protests_is_the_setting_not_an_act(code_en: Code) -> None:
    evs = code_en("Relations between Britain and Iran have soured after months of street protests.",
                  PUBLISHED)
    assert evs == []


def test_an_act_after_weeks_of_fighting_stays(code_en: Code) -> None:
    evs = code_en("Russian forces shelled Kharkiv after weeks of fighting.", PUBLISHED)
    assert [e.event for e in evs] == ["ASSAULT"]


def test_days_of_talks_held_are_the_act(code_en: Code) -> None:
    evs = code_en("Iran and the United States held two days of talks in Oman.", PUBLISHED)
    assert [e.event for e in evs] == ["CONSULT"]


def test_drones_targeting_an_airport_are_an_attack(code_en: Code) -> None:
    evs = code_en("On Tuesday, Houthi drones targeted Israel's Ramon airport.", PUBLISHED)
    assert brief(evs) == [("ASSAULT", ["YEM"], ["ISR"])]


def test_sanctions_that_target_a_port_are_no_attack(code_en: Code) -> None:
    assert [e.event for e in code_en("The new sanctions target the port of Hodeidah.", PUBLISHED)] \
        != ["ASSAULT"]


def test_warships_spotted_by_a_ministry_are_posture_toward_it(code_en: Code) -> None:
    evs = code_en("Japan's Defense Ministry said two Chinese warships were spotted near Okinawa on Monday.",
                  PUBLISHED)
    assert brief(evs) == [("MOBILIZE", ["CHN"], ["JPN"])]


def test_drones_detected_and_destroyed_stay_an_attack(code_en: Code) -> None:
    evs = code_en("Russian drones were detected over Kyiv and destroyed, the air force said.", PUBLISHED)
    assert [e.event for e in evs] == ["ASSAULT"]


def test_bombers_flying_over_a_sea_told_by_a_ministry_are_posture(code_en: Code) -> None:
    evs = code_en("Japan's Defense Ministry said two Russian bombers flew over the Sea of Japan on Tuesday.",
                  PUBLISHED)
    assert brief(evs) == [("MOBILIZE", ["RUS"], ["JPN"])]


def test_an_accusation_in_a_trailing_participle_is_a_second_record(code_en: Code) -> None:
    evs = code_en("Israeli jets struck targets in southern Lebanon on Monday, accusing Hezbollah of "
                  "violating the truce.", PUBLISHED)
    assert brief(evs) == [("ASSAULT", ["ISR"], ["LBN"]), ("ACCUSE", ["ISR"], ["LBN"])]


def test_a_trailing_participle_of_the_same_act_is_one_record(code_en: Code) -> None:
    evs = code_en("Russian missiles struck Odesa on Monday, killing three civilians.", PUBLISHED)
    assert [e.event for e in evs] == ["ASSAULT"]
