"""The gazetteer: name keys, skeletons, the supplement file, the cache form."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwatch.errors import DataError
from frontwatch.resolve.gazetteer import (
    SUPPLEMENT_COLUMNS,
    Gazetteer,
    distance_km,
    name_key,
    read_supplement,
    skeleton,
)
from frontwatch.resolve.place_borders import default_borders
from frontwatch.resolve.places import GazetteerGeocoder

ROW = {
    "id": "test_lake", "name": "Test Lake", "country": "ARM", "feature": "lake", "lat": "40.3",
    "lon": "45.3", "geonameid": "", "population": "0", "names_ja": "テスト湖|試験湖",
    "names_alt": "Lake Test", "source": "hand-made for a test",
}


def test_gazetteer_name_key_folds_script_variants() -> None:
    assert name_key("ナゴルノ・カラバフ") == name_key("ナゴルノカラバフ")
    assert name_key("Nagorno-Karabakh") == name_key("nagorno karabakh")
    assert name_key("セヴァストポリ") == name_key("セバストポリ")
    assert name_key("Ağdam") == name_key("Agdam")
    assert name_key("ＡＢＣ") == "abc"
    assert name_key("バフムート") == name_key("バフムト")
    # traditional kanji forms (GeoNames, pycountry) and the forms Japanese writes today
    assert name_key("黃海南道") == name_key("黄海南道") and name_key("慶尙北道") == name_key("慶尚北道")
    assert name_key("臺灣") == name_key("台湾") and name_key("兩江道") == name_key("両江道")


def test_gazetteer_skeleton_matches_romanised_katakana() -> None:
    assert skeleton("Stepanakert") == skeleton("sutepanakeruto")
    assert skeleton("Jermuk") == skeleton("jerumuku")
    assert skeleton("Lysychansk") == skeleton("rishichanshiku")
    assert skeleton("Goris") != skeleton("Ganja")


def test_gazetteer_from_rows_finds_every_name() -> None:
    gaz = Gazetteer.from_rows([ROW])
    for name in ("Test Lake", "テスト湖", "試験湖", "lake test"):
        assert [e.geonameid for e in gaz.exact(name)] == ["fw:test_lake"], name


def test_gazetteer_state_round_trip() -> None:
    gaz = Gazetteer.from_rows([ROW])
    again = Gazetteer.from_state(gaz.state())
    assert again.exact("テスト湖") == gaz.exact("テスト湖")
    assert len(again) == len(gaz) == 1


def test_gazetteer_malformed_supplement_names_the_row(tmp_path: Path) -> None:
    bad = tmp_path / "supplement.tsv"
    row = dict(ROW, lat="north")
    header, line = "\t".join(SUPPLEMENT_COLUMNS), "\t".join(row[c] for c in SUPPLEMENT_COLUMNS)
    bad.write_text(f"{header}\n{line}\n")
    with pytest.raises(DataError, match="test_lake"):
        read_supplement(bad)
    bad.write_text("name\tlat\n")
    with pytest.raises(DataError, match="header"):
        read_supplement(bad)


def test_gazetteer_supplement_rows_are_unique_and_sourced() -> None:
    rows = read_supplement()
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    assert all(r["source"] for r in rows)


# Natural Earth draws de facto lines: Crimea inside Russia. Our codes follow GeoNames (de jure).
DISPUTED = frozenset({("UKR", "RUS")})


def test_gazetteer_supplement_points_lie_in_their_country() -> None:
    """Natural Earth 1:110m: a land row lies in or within ~30 km of its country, or off every
    outline drawn at that scale (Gaza, Okinawa), or in a known disputed area."""
    borders = default_borders()
    wrong = []
    for r in read_supplement():
        if not r["country"] or r["feature"] in ("sea", "strait", "island"):
            continue
        lat, lon = float(r["lat"]), float(r["lon"])
        at = borders.country_at(lat, lon)
        if not (borders.country_near(r["country"], lat, lon) or at is None or (r["country"], at) in DISPUTED):
            wrong.append((r["id"], r["country"], at))
    assert wrong == []


def test_gazetteer_borders_find_the_country_of_a_point() -> None:
    borders = default_borders()
    assert borders.country_at(39.51, 46.34) == "ARM"  # Goris
    assert borders.country_at(40.68, 46.36) == "AZE"  # Ganja
    assert borders.country_at(50.45, 30.52) == "UKR"  # Kyiv
    assert borders.country_at(43.0, 35.0) is None  # the Black Sea


def test_gazetteer_supplement_city_rows_agree_with_geonames(geocoder: GazetteerGeocoder) -> None:
    """Rows naming a GeoNames city carry that city's coordinates (they were copied from it)."""
    gaz = geocoder.gazetteer
    for r in read_supplement():
        if r["geonameid"].isdigit() and r["feature"] == "city":
            entry = gaz.by_geonameid(int(r["geonameid"]))
            assert entry is not None, r["id"]
            assert distance_km(entry.lat, entry.lon, float(r["lat"]), float(r["lon"])) < 1.0, r["id"]


def test_gazetteer_countries_have_japanese_and_english_names(geocoder: GazetteerGeocoder) -> None:
    for name, code in (("アルメニア", "ARM"), ("ロシア", "RUS"), ("Russia", "RUS"), ("北朝鮮", "PRK"),
                       ("韓国", "KOR"), ("Azerbaijan", "AZE"), ("アメリカ", "USA"), ("イラン", "IRN"),
                       ("レバノン", "LBN"), ("Lebanon", "LBN")):
        entry = geocoder.resolve(name)
        assert entry is not None and entry.feature == "country" and entry.country == code, name


def test_gazetteer_a_division_point_is_the_middle_of_its_land(geocoder: GazetteerGeocoder) -> None:
    # North Darfur's towns lie in its south (El Fasher 13.6N, Kutum 14.2N); its land reaches
    # the Libyan border at 20N. The point is the land's middle, not the towns' (13.8N).
    darfur = geocoder.lookup("North Darfur")
    assert darfur is not None and darfur.lat is not None and 15.0 < darfur.lat < 17.5
    # A small division keeps its towns' centre, inside its country.
    ryazan = geocoder.lookup("Ryazan Oblast")
    assert ryazan is not None and ryazan.lat is not None and ryazan.lon is not None
    assert default_borders().country_near("RUS", ryazan.lat, ryazan.lon)


def test_gazetteer_plain_division_names_for_transliterated_countries() -> None:
    from frontwatch.resolve.gazetteer import plain_division

    def row(name: str, country: str, alt: str = "") -> dict[str, str]:
        return {"name": name, "country": country, "names_alt": alt}

    assert plain_division(row("Al Buḩayrah", "EGY", "Beheira"))["name"] == "Beheira"  # the plain alternate
    misrata = plain_division(row("Mişrātah", "LBY"))
    # the marks dropped; the old name stays one of its names
    assert misrata["name"] == "Misratah" and "Mişrātah" in misrata["names_alt"].split("|")
    assert plain_division(row("Diyarbakır", "TUR"))["name"] == "Diyarbakır"  # a native spelling stays
    assert plain_division(row("Aleppo Governorate", "SYR"))["name"] == "Aleppo Governorate"
