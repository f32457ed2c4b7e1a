"""find_places with hand-built places: no gazetteer load."""

from __future__ import annotations

import pytest

from frontwatch.errors import InputError
from frontwatch.records import Place
from frontwatch.resolve.places import FakeGeocoder, find_places

GORIS = Place("Goris", "Goris", "ARM", 39.51, 46.34, geonameid=174895, feature="city")
ARMENIA = Place("Armenia", "Armenia", "ARM", 40.2, 45.0, geonameid=174982, feature="country")
FAKE = FakeGeocoder({"ゴリス": GORIS, "Goris": GORIS, "アルメニア": ARMENIA, "Armenia": ARMENIA})


def test_places_fake_lookup_keeps_written_form() -> None:
    place = FAKE.lookup("ゴリス")
    assert place is not None and place.text == "ゴリス" and place.name == "Goris"
    assert FAKE.lookup("ソトク") is None


def test_places_find_offsets_are_relative_to_text() -> None:
    text = "敵がゴリスを攻撃した"
    found = find_places(text, lang="ja", geocoder=FAKE)
    assert [(m.text, m.start, m.end) for m in found] == [("ゴリス", 2, 5)]
    assert text[found[0].start : found[0].end] == "ゴリス"


def test_places_country_as_actor_is_not_a_place() -> None:
    assert find_places("アルメニア軍が反撃した", lang="ja", geocoder=FAKE) == []
    assert find_places("Armenia said it fired back.", lang="en", geocoder=FAKE) == []


def test_places_country_used_as_place_is_kept_with_feature_country() -> None:
    found = find_places("砲弾がアルメニア領内に着弾した", lang="ja", geocoder=FAKE)
    assert [m.place.feature for m in found] == ["country"]
    found = find_places("Shells landed in Armenia on Monday.", lang="en", geocoder=FAKE)
    assert [m.place.name for m in found] == ["Armenia"]


def test_places_person_title_blocks_a_place() -> None:
    fake = FakeGeocoder({"ゴリス": GORIS})
    assert find_places("ゴリス首相が述べた", lang="ja", geocoder=fake) == []


def test_places_unknown_language_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="Japanese"):
        find_places("Горис", lang="ru", geocoder=FAKE)
