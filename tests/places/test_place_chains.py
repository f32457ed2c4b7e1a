"""A katakana name joined by ・ is a list of places only when every part is a place; a person's
or a body's name keeps none of its parts that sound like places (all sentences are ours)."""

from __future__ import annotations

import pytest

from frontwatch.resolve.places import GazetteerGeocoder, find_places


def _names(text: str, geocoder: GazetteerGeocoder) -> list[tuple[str, str | None]]:
    return [(m.text, m.place.country) for m in find_places(text, lang="ja", geocoder=geocoder)]


@pytest.mark.parametrize("text", [
    "テロ組織アル・シャバーブの戦闘員が警察署を襲撃した。",  # アル alone is a Turkish province's name
    "独立系メディア「キット・ティット」が伝えた。",  # キット alone is a Japanese form of Quito
    "行政官のウラジーミル・ロゴフ氏が明らかにした。",  # ウラジーミル alone is a Russian city
])
def test_a_name_joined_by_dots_gives_no_place(text: str, geocoder: GazetteerGeocoder) -> None:
    assert _names(text, geocoder) == []


def test_a_list_of_places_keeps_its_parts(geocoder: GazetteerGeocoder) -> None:
    assert ("ホスト州", "AFG") in _names("アフガニスタン・ホスト州で爆発があった。", geocoder)
    both = _names("東部ドネツク・ルハンスク両州で戦闘が続く。", geocoder)
    assert both == [("ドネツク", "UKR"), ("ルハンスク", "UKR")]
    # a continent's name is a place the gazetteer knows: the country after it stays a place
    found = _names("アフリカ・ナイジェリア北部の集落で住民が殺害された。", geocoder)
    assert found == [("ナイジェリア", "NGA")]


def test_an_unknown_first_part_keeps_the_known_head(geocoder: GazetteerGeocoder) -> None:
    # ジャム is an unusual spelling of Jammu: the region after it is still the place
    assert ("カシミール州", "IND") in _names("インド北部ジャム・カシミール州で銃撃戦があった。", geocoder)


def test_a_list_beside_a_name_is_read_on_its_own(geocoder: GazetteerGeocoder) -> None:
    found = _names("アル・シャバーブがソマリア・モガディシュで自爆攻撃を行った。", geocoder)
    assert ("モガディシュ", "SOM") in found and all(name != "アル" for name, _ in found)
