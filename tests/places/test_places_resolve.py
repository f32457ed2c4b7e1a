"""The geocoder cascade and find_places over the real gazetteer."""

from __future__ import annotations

import pytest

from frontwatch.resolve.places import GazetteerGeocoder, find_places


def names(text: str, lang: str, geocoder: GazetteerGeocoder, countries: tuple[str, ...] = ()) -> list[str]:
    return [m.place.name or "" for m in find_places(text, lang=lang, geocoder=geocoder, countries=countries)]


def test_places_context_countries_pick_the_homonym(geocoder: GazetteerGeocoder) -> None:
    brest_by = geocoder.lookup("Brest", countries=("BLR",))
    brest_fr = geocoder.lookup("Brest", countries=("FRA",))
    assert brest_by is not None and brest_by.country == "BLR"
    assert brest_fr is not None and brest_fr.country == "FRA"


def test_places_main_name_beats_alternate_name(geocoder: GazetteerGeocoder) -> None:
    place = geocoder.lookup("Goris")
    assert place is not None and place.name == "Goris" and place.country == "ARM"


def test_places_suffix_falls_back_to_the_city(geocoder: GazetteerGeocoder) -> None:
    place = geocoder.lookup("ゴリス市", countries=("ARM",))
    assert place is not None and place.name == "Goris"


def test_places_fuzzy_only_in_place_context(geocoder: GazetteerGeocoder) -> None:
    # No name list has these katakana forms: only their sound links them to the towns.
    pairs = (("ルビージュネ", "Rubizhne"), ("ポパスナ", "Popasna"), ("クラスノホリフカ", "Krasnohorivka"))
    for katakana, name in pairs:
        assert geocoder.lookup(katakana, countries=("UKR",)) is None
        place = geocoder.lookup(katakana, countries=("UKR",), place_context=True)
        assert place is not None and place.name == name


def test_places_fuzzy_stays_inside_the_article_countries(geocoder: GazetteerGeocoder) -> None:
    place = geocoder.lookup("ハドルト", countries=("ARM", "AZE"), place_context=True)
    assert place is None or place.country in ("ARM", "AZE")


@pytest.mark.parametrize(
    "text",
    [
        "President Aliyev said the army would respond.",
        "Pashinyan met Putin and Lukashenko on Monday.",
        "The Patriot and HIMARS systems were delivered by NATO.",
        "Reuters could not verify the claims.",
        "Russia said Ukraine had fired Storm Shadow missiles.",
    ],
)
def test_places_english_people_weapons_and_actors_are_not_places(
    text: str, geocoder: GazetteerGeocoder
) -> None:
    assert names(text, "en", geocoder) == []


def test_places_english_multiword_names(geocoder: GazetteerGeocoder) -> None:
    text = "Missiles fell into the Sea of Japan and ships waited near Bab el-Mandeb."
    assert names(text, "en", geocoder) == ["Sea of Japan", "Bab-el-Mandeb"]


def test_places_japanese_list_shares_context(geocoder: GazetteerGeocoder) -> None:
    found = names("ゴリス、ソトク、ジェルムクなどが砲撃された。", "ja", geocoder, ("ARM", "AZE"))
    assert found == ["Goris", "Sotk", "Jermuk"]


def test_places_japanese_kanji_names_and_suffixes(geocoder: GazetteerGeocoder) -> None:
    text = "中国海軍が台湾海峡と南シナ海で演習し、ヘルソン州にも言及した。"
    found = find_places(text, lang="ja", geocoder=geocoder)
    assert [m.place.name for m in found] == ["Taiwan Strait", "South China Sea", "Kherson"]
    assert [m.place.feature for m in found] == ["strait", "sea", "admin1"]
