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


class _CountingGeocoder(FakeGeocoder):
    def __init__(self) -> None:
        super().__init__({"ゴリス": GORIS, "アルメニア": ARMENIA})
        self.calls = 0

    def lookup(self, mention: str, **kw: object) -> Place | None:  # type: ignore[override]
        self.calls += 1
        return super().lookup(mention, **kw)  # type: ignore[arg-type]


def test_places_one_document_answers_a_repeat_from_memory_and_forgets_after() -> None:
    from frontwatch.resolve.place_mentions import one_document

    geo = _CountingGeocoder()
    text = "敵がゴリスを攻撃した"
    alone = find_places(text, lang="ja", geocoder=geo)
    asked = geo.calls
    with one_document():
        first = find_places(text, lang="ja", geocoder=geo)
        first.clear()  # the caller's list is its own: the memory is not changed through it
        again = find_places(text, lang="ja", geocoder=geo)
        assert geo.calls == 2 * asked  # the repeat asked the geocoder nothing
        other = find_places(text, lang="ja", geocoder=geo, countries=("ARM",))
        assert geo.calls == 3 * asked  # other countries: another question
    assert again == alone == other
    find_places(text, lang="ja", geocoder=geo)
    assert geo.calls == 4 * asked  # outside the block nothing is remembered
