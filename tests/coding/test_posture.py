"""The act a scramble answers (rule posture:scramble-answer, issue 12 kind 2). Sentences written
for these tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from ja_docs import coded_events as _events
from ja_docs import codes as _codes
from tests.english.conftest import english_doc

from frontwatch.coding.posture import (
    RULE,
    WATCHED,
    scramble_answers,
    sea_launch_en,
    sea_launch_ja,
    watched_craft,
)
from frontwatch.records import Entity, Event, Explanation

JAPAN = Entity(text="Japan", name="Japan", code="JPN", sector="MIL")
CHINA = Entity(text="Chinese", name="China", code="CHN", sector="MIL")


def _event(text: str, actor: Entity = JAPAN, recipient: Entity = CHINA, event: str = "MOBILIZE",
           span: tuple[int, int] = (0, 80)) -> Event:
    return Event(id="t#1", doc_id="t", event=event, text=text, span=span, language="en",
                 actor=(actor,), recipient=(recipient,), weapons=("F-15",))


def test_posture_scramble_at_a_named_side_adds_that_sides_act() -> None:
    ev = _event("Japan scrambled fighter jets after two Chinese bombers were seen near Okinawa.")
    got = scramble_answers([ev])
    assert len(got) == 2 and got[0] is ev
    answer = got[1]
    assert (_codes(answer.actor), _codes(answer.recipient)) == ({"CHN"}, {"JPN"})
    assert answer.event == "MOBILIZE" and answer.span == ev.span and answer.weapons == ()
    assert answer.explanation is not None and answer.explanation.rule == RULE


def test_posture_scramble_without_the_side_named_adds_nothing() -> None:
    ev = _event("The air force scrambled two jets in response.")  # the side came from the story
    assert scramble_answers([ev]) == [ev]


def test_posture_no_second_act_when_the_page_tells_it() -> None:
    flight = _event("Two Chinese bombers flew over the Miyako Strait.", actor=CHINA, recipient=JAPAN,
                    span=(0, 48))
    ev = _event("Japan scrambled fighter jets to shadow the Chinese bombers.", span=(49, 110))
    assert scramble_answers([flight, ev]) == [flight, ev]


def test_posture_only_scrambles_between_two_sides() -> None:
    deploy = _event("Japan deployed fighter jets to Okinawa, close to Chinese patrol routes.")
    own = _event("Japan scrambled jets over Japan.", recipient=JAPAN)
    attack = _event("Japan scrambled jets and struck Chinese positions.", event="ASSAULT")
    for ev in (deploy, own, attack):
        assert scramble_answers([ev]) == [ev]


@pytest.mark.ginza
def test_posture_japanese_entry_and_scramble_in_one_sentence(ja_coder: Any, tmp_path: Path) -> None:
    text = ("防衛省は3日、ロシアの哨戒機1機が北海道沖の日本の領空を侵犯したため、"
            "航空自衛隊の戦闘機が緊急発進したと発表した。")
    hits = [(_codes(e.actor), _codes(e.recipient)) for e in _events(ja_coder, tmp_path, text)
            if e.event == "MOBILIZE"]
    assert ({"RUS"}, {"JPN"}) in hits and ({"JPN"}, {"RUS"}) in hits


@pytest.mark.ginza
def test_posture_soldiers_crossing_a_demarcation_line(ja_coder: Any, tmp_path: Path) -> None:
    text = "韓国軍は5日、北朝鮮軍の兵士約20人が同日午後、南北の軍事境界線を侵犯したと明らかにした。"
    hits = [(e.event, _codes(e.actor), _codes(e.recipient)) for e in _events(ja_coder, tmp_path, text)]
    assert ("MOBILIZE", {"PRK"}, {"KOR"}) in hits


def test_posture_sea_launch_words() -> None:
    assert sea_launch_ja("北朝鮮が同日、日本海に向けて短距離弾道ミサイル1発を")
    assert sea_launch_ja("平壌付近から東海へ巡航ミサイル数発を")
    assert not sea_launch_ja("イエメンからイスラエル南部に向けて弾道ミサイルを")
    def words(text: str) -> list[str]:
        return text.split(" ")

    assert sea_launch_en(words("a ballistic missile into the sea off south korea 's east coast"))
    assert sea_launch_en(words("two missiles toward the east china sea"))
    assert not sea_launch_en(words("rockets into northern israel , the army said"))


@pytest.mark.ginza
def test_posture_japanese_launch_into_the_sea_off_the_peninsula(ja_coder: Any, tmp_path: Path) -> None:
    text = "北朝鮮は7日午前、朝鮮半島北部の平安北道付近から日本海に向けて短距離弾道ミサイル2発を発射した。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if _codes(e.actor) == {"PRK"}]
    assert [e.event for e in hits] == ["MOBILIZE"]


@pytest.mark.ginza
def test_posture_japanese_launch_at_a_country_stays_an_attack(ja_coder: Any, tmp_path: Path) -> None:
    text = "イスラエル軍は3日、イエメンのフーシ派がイスラエル南部に向けて弾道ミサイルを発射したと発表した。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if _codes(e.actor) == {"YEM"}]
    assert [e.event for e in hits] == ["ASSAULT"]


@pytest.mark.ginza
def test_posture_military_aircraft_abbreviated_passing_a_strait(ja_coder: Any, tmp_path: Path) -> None:
    text = "防衛省統合幕僚監部は8日、ロシア軍機2機が同日午後、対馬海峡の上空を通過したと発表した。"
    hits = [(e.event, _codes(e.actor)) for e in _events(ja_coder, tmp_path, text)]
    assert ("MOBILIZE", {"RUS"}) in hits


@pytest.mark.ginza
def test_posture_warning_shots_at_home_face_the_side_that_crossed(ja_coder: Any, tmp_path: Path) -> None:
    text = "15日に北朝鮮軍の兵士約10人が江原道鉄原で軍事境界線を越え、韓国軍が警告射撃をした。"
    shots = [e for e in _events(ja_coder, tmp_path, text) if _codes(e.actor) == {"KOR"}]
    assert shots and all(_codes(e.recipient) == {"PRK"} for e in shots)


@pytest.mark.ginza
def test_posture_forces_raised_to_high_alert(ja_coder: Any, tmp_path: Path) -> None:
    text = "タイ国防省は10日、カンボジアとの国境に展開する部隊を厳戒態勢に引き上げたと発表した。"
    hits = [(e.event, _codes(e.actor)) for e in _events(ja_coder, tmp_path, text)]
    assert ("MOBILIZE", {"THA"}) in hits


TAIWAN = Entity(text="Taiwan", name="Taiwan", code="TWN", sector="GOV")


def test_posture_craft_reported_by_its_watcher_is_the_other_sides_act() -> None:
    why = Explanation("en:first-trigger", "detected")
    ev = Event(id="t#1", doc_id="t", event="MOBILIZE", language="en", span=(0, 70),
               text="Taiwan said it detected 12 Chinese aircraft near the island on Monday.",
               actor=(TAIWAN,), recipient=(CHINA,), factuality="claimed", claimed_by=(TAIWAN,),
               explanation=why)
    (got,) = watched_craft([ev])
    assert (_codes(got.actor), _codes(got.recipient)) == ({"CHN"}, {"TWN"})
    assert got.claimed_by == (TAIWAN,) and got.explanation is not None
    assert any(WATCHED in n for n in got.explanation.notes)
    told = replace(ev, actor=(CHINA,), recipient=(TAIWAN,))  # "Chinese aircraft were detected"
    other = replace(ev, explanation=Explanation("en:first-trigger", "deployed"))
    assert watched_craft([told, other]) == [told, other]


@pytest.mark.ginza
def test_posture_english_watcher_report_through_the_coder(ja_coder: Any) -> None:
    doc = english_doc("Taiwan's defence ministry said on Monday it detected 12 Chinese military aircraft "
                      "and four warships around the island.", published=dt.date(2024, 5, 6))
    hits = [(_codes(e.actor), _codes(e.recipient)) for e in ja_coder.code(doc) if e.event == "MOBILIZE"]
    assert hits == [({"CHN"}, {"TWN"})]
