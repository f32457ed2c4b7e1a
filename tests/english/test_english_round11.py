"""English rules of the thirteenth build (issues 12 and 13: the misses of the even half of the 320
pages 2800-3119): a passive interception, forces sent out in a passive, "the North" of a Korean
story, a generic subject's country by the sentence's places, a name after a lower-case title, a
dash dateline, intercepted aircraft, a quoted phrase, a toll before the attack that names its
doer, a reporter's request for comment. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from frontwatch.coding.coder import build_coder
from frontwatch.records import Event
from frontwatch.resolve.place_mentions import find_places
from frontwatch.resolve.places import default_geocoder

from .conftest import english_doc

Code = Callable[..., list[Event]]


def codes(entities: object) -> list[str]:
    return [e.code for e in entities]  # type: ignore[attr-defined]


def _full(text: str, published: dt.date = dt.date(2024, 4, 14)) -> list[Event]:
    coder = build_coder(record_filter=False)
    return next(iter(coder.code_many([english_doc(text, published=published)])))[1]


def test_a_passive_interception_is_the_drones_sides_attack() -> None:
    evs = _full("Six Ukrainian drones were shot down over Russia overnight, the Russian Defence Ministry "
                "said.")
    hits = [e for e in evs if e.event == "ASSAULT"]
    assert hits and codes(hits[0].actor) == ["UKR"] and codes(hits[0].recipient) == ["RUS"]
    assert hits[0].factuality == "claimed"
    # no side named on the drones: nothing to turn round
    evs = _full("A missile targeted the destroyer USS Gravely and was intercepted, CENTCOM said.")
    assert not [e for e in evs if e.event == "ASSAULT" and codes(e.actor) == ["USA"]]


def test_forces_scrambled_in_a_passive_are_the_actors(code_en: Code) -> None:
    evs = code_en("Two U.S. fighter jets were scrambled to intercept two Russian bombers off the coast of "
                  "Alaska.")
    assert ("MOBILIZE", ["USA"], ["RUS"]) in [(e.event, codes(e.actor), codes(e.recipient)) for e in evs]


def test_intercepting_aircraft_is_posture_and_intercepting_drones_an_attack(code_en: Code) -> None:
    evs = code_en("RAF jets intercepted a Russian Bear aircraft near Scotland.")
    assert [e.event for e in evs][:1] == ["MOBILIZE"]
    evs = code_en("Ukraine's air force said it intercepted 20 Russian drones overnight.")
    assert [e.event for e in evs][:1] == ["ASSAULT"]


def test_the_north_of_a_korean_story_is_north_korea() -> None:
    evs = _full("South Korea's military said North Korea fired artillery near the border on Friday. "
                "The South Korean military issued a stern warning and urged the North to stop firing.")
    asks = [e for e in evs if e.event == "REQUEST"]
    assert asks and codes(asks[0].actor) == ["KOR"] and codes(asks[0].recipient) == ["PRK"]


def test_a_generic_subjects_country_is_where_its_places_lie() -> None:
    evs = _full("Insurgents attacked the villages of Nampanha and Mandela in the Muidumbe district of "
                  "Cabo Delgado province on Sunday.")
    assert evs and codes(evs[0].actor) == ["MOZ"]


def test_a_name_after_a_lower_case_title_is_no_place() -> None:
    geo = default_geocoder()
    found = find_places("SPLM-IO spokesperson Lam Paul Gabriel denied the claim.", lang="en", geocoder=geo)
    assert not [m for m in found if m.text == "Paul"]
    found = find_places("The tanker Yelnya was stopped near Odesa.", lang="en", geocoder=geo)
    assert [m.text for m in found] == ["Odesa"]


def test_a_dash_dateline_is_no_party(code_en: Code) -> None:
    evs = code_en("Cairo – Eritrea accused its neighbour Ethiopia of violating the border.")
    hits = [e for e in evs if e.event == "ACCUSE"]
    assert hits and codes(hits[0].actor) == ["ERI"] and codes(hits[0].recipient) == ["ETH"]


def test_a_quoted_phrase_still_matches(code_en: Code) -> None:
    evs = code_en('The foreign secretary said Russia will pay a "heavy price" if it attacks again.')
    assert [e for e in evs if e.event == "THREATEN" and codes(e.recipient) == ["RUS"]]


def test_a_toll_gives_way_to_the_attack_that_names_its_doer(code_en: Code) -> None:
    evs = code_en("Three Israeli soldiers were killed in an attack by Hezbollah on Tuesday.")
    hits = [e for e in evs if e.event == "ASSAULT"]
    assert hits and codes(hits[0].actor) == ["LBN"] and codes(hits[0].recipient) == ["ISR"]


def test_a_request_for_comment_is_no_event(code_en: Code) -> None:
    assert not code_en("The Chinese embassy did not immediately reply to a message seeking comment.")


def test_return_fire_faces_the_side_that_fired() -> None:
    evs = _full("North Korea fired artillery shells at Yeonpyeong Island on Tuesday. "
                "The South Korean Navy returned fire.")
    back = [e for e in evs if e.event == "ASSAULT" and codes(e.actor) == ["KOR"]]
    assert back and codes(back[0].recipient) == ["PRK"]
