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


def test_places_bare_congo_is_the_drc_unless_the_story_names_brazzaville(geocoder: GazetteerGeocoder) -> None:
    for name, lang in (("Congo", "en"), ("コンゴ", "ja")):
        place = geocoder.lookup(name, lang=lang)
        assert place is not None and place.country == "COD", name
    place = geocoder.lookup("Congo", countries=("COG",))
    assert place is not None and place.country == "COG"
    place = geocoder.lookup("Republic of the Congo")
    assert place is not None and place.country == "COG"


def test_places_a_division_suffix_wants_the_division_without_countries(geocoder: GazetteerGeocoder) -> None:
    # スムイ州 / "Sumy region" is the oblast whether or not the article's countries are known
    for name, countries in (("スムイ州", ()), ("スムイ州", ("UKR",)), ("Sumy region", ())):
        place = geocoder.lookup(name, countries=countries)
        assert place is not None and place.feature == "admin1" and place.country == "UKR", (name, countries)
    place = geocoder.lookup("Sumy")
    assert place is not None and place.feature == "city"


def test_places_divisions_carry_the_english_name_news_writes(geocoder: GazetteerGeocoder) -> None:
    # not GeoNames' transliterations (Kandahār, Al Janūbī, Tigrai, Phyeongannamto)
    for name, countries, english in (("カンダハル州", ("AFG",), "Kandahar Province"),
                                      ("southern Israel", ("ISR",), "Southern District"),
                                      ("Tigray", ("ETH",), "Tigray Region"),
                                      ("平安南道", ("PRK",), "South Pyongan")):
        place = geocoder.lookup(name, countries=countries)
        assert place is not None and place.feature == "admin1" and place.name == english, (name, place)


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
    assert [m.place.name for m in found] == ["Taiwan Strait", "South China Sea", "Kherson Oblast"]
    assert [m.place.feature for m in found] == ["strait", "sea", "admin1"]


def test_places_abbreviations_are_never_towns(geocoder: GazetteerGeocoder) -> None:
    fla = geocoder.lookup("Fla.", place_context=True)
    assert fla is not None and fla.geonameid == 4155751  # Florida, not Flå (Norway)
    assert geocoder.lookup("EU", place_context=True) is None  # not Eu, France
    uk = geocoder.lookup("UK", place_context=True)
    assert uk is not None and uk.country == "GBR"


def test_places_divisions_and_country_names_outrank_towns(geocoder: GazetteerGeocoder) -> None:
    colorado = geocoder.lookup("Colorado", place_context=True)
    assert colorado is not None and (colorado.country, colorado.feature) == ("USA", "admin1")
    korea = geocoder.lookup("Korea", place_context=True)
    assert korea is not None and korea.country == "KOR"  # not Koréa, Côte d'Ivoire
    tigray = geocoder.lookup("Tigray", place_context=True)
    assert tigray is not None and tigray.geonameid == 444187


def test_places_small_foreign_town_not_taken_for_the_article(geocoder: GazetteerGeocoder) -> None:
    assert geocoder.lookup("Fife", countries=["GBR"], place_context=True) is None  # Fife, WA: 10,000
    athens = geocoder.lookup("Athens", countries=["USA"], place_context=True)
    assert athens is not None and athens.country == "USA"


def test_places_organisation_names_hold_no_place(geocoder: GazetteerGeocoder) -> None:
    found = find_places("The Quds Force commander was killed in Damascus.", lang="en", geocoder=geocoder)
    assert [m.place.name for m in found] == ["Damascus"]  # not Quds -> Jerusalem


def test_places_direction_word_with_a_country(geocoder: GazetteerGeocoder) -> None:
    found = find_places("Israeli forces fired on two positions in southern Lebanon on Thursday.",
                        lang="en", geocoder=geocoder)
    assert [(m.text, m.place.name) for m in found] == [("southern Lebanon", "South Lebanon")]
    east = find_places("Drones struck targets in eastern Ukraine.", lang="en", geocoder=geocoder)
    assert [(m.place.name, m.place.feature) for m in east] == [("Ukraine", "country")]


def test_places_sokuon_variants_share_a_key(geocoder: GazetteerGeocoder) -> None:
    found = find_places("アルメニア南西部バヨッツ・ゾル州で発砲があった。", lang="ja", geocoder=geocoder,
                        countries=["ARM", "AZE"])
    assert "Vayots Dzor" in [m.place.name for m in found]


def test_places_country_point_across_the_antimeridian(geocoder: GazetteerGeocoder) -> None:
    from frontwatch.resolve.gazetteer import distance_km

    russia = geocoder.lookup("Russia", place_context=True)
    assert russia is not None and russia.lat is not None and russia.lon is not None
    assert distance_km(russia.lat, russia.lon, 60.0, 100.0) < 300  # GeoNames: 60N 100E (Moscow: 3,500 km)


def test_places_town_qualified_by_its_division(geocoder: GazetteerGeocoder) -> None:
    for text in ("The attack in Athens, Ga. killed two.", "Students in Athens, Georgia, marched."):
        found = find_places(text, lang="en", geocoder=geocoder)
        assert (found[0].text, found[0].place.country) == ("Athens", "USA"), text
    paris = find_places("He flew to Paris, Texas, then to Paris.", lang="en", geocoder=geocoder)
    towns = [(m.text, m.place.country) for m in paris if m.text == "Paris"]
    assert towns == [("Paris", "USA"), ("Paris", "FRA")]


def test_places_continents_and_regions_over_villages(geocoder: GazetteerGeocoder) -> None:
    africa = geocoder.lookup("Africa", place_context=True)
    assert africa is not None and (africa.feature, africa.geonameid) == ("continent", 6255146)
    assert geocoder.lookup("アジア") is None  # not without a place context (東南アジア諸国連合)
    corsica = geocoder.lookup("Corsica", place_context=True)
    assert corsica is not None and corsica.country == "FRA"  # not Corsica, Pennsylvania
    ontario = geocoder.lookup("Ontario", place_context=True)
    assert ontario is not None and (ontario.country, ontario.feature) == ("CAN", "admin1")
    donetsk = geocoder.lookup("Donetsk", place_context=True)
    assert donetsk is not None and donetsk.feature == "city"  # its own oblast's capital


def test_places_every_part_of_a_japanese_list(geocoder: GazetteerGeocoder) -> None:
    text = "東アフリカ・ソマリア中部のガルカイヨ市内で自爆テロがあった。"
    found = find_places(text, lang="ja", geocoder=geocoder)
    # a curated name first (東アフリカ) leaves the rest of the list its own names
    assert [m.place.name for m in found] == ["East Africa", "Somalia", "Gaalkacyo"]
    found = find_places("西アフリカ・マリ北部で武装勢力が村を襲撃した。", lang="ja", geocoder=geocoder)
    assert [m.place.name for m in found] == ["West Africa", "Mali"]


@pytest.mark.parametrize(("text", "name", "country"), [
    ("北朝鮮は黄海南道から弾道ミサイルを発射した。", "South Hwanghae", "PRK"),  # GeoNames writes 黃海南道
    ("慶尚北道の基地に配備された。", "Gyeongsangbuk-do", "KOR"),
    ("中国海軍の艦艇が津軽海峡を通過した。", "Tsugaru Strait", None),
    ("中国海警局の船が魚釣島の沖合で領海に侵入した。", "Uotsuri-jima", "JPN"),
    ("ロシア軍が択捉島で演習を行った。", "Iturup", "RUS"),
    ("中国海軍の艦艇が屋久島と種子島の間を通過した。", "Tanegashima", "JPN"),
    ("ロシア軍の哨戒機が礼文島の北で領空を侵犯した。", "Rebun Island", "JPN"),
    ("中国軍の無人機が与那国島と西表島の間を通過した。", "Iriomote-jima", "JPN"),
])
def test_places_japanese_security_geography(geocoder: GazetteerGeocoder, text: str, name: str,
                                            country: str | None) -> None:
    found = find_places(text, lang="ja", geocoder=geocoder)
    assert [(m.place.name, m.place.country) for m in found][-1:] == [(name, country)]


def test_places_direction_kanji_before_katakana(geocoder: GazetteerGeocoder) -> None:
    kivu = find_places("M23は東部・北キブ州の州都ゴマを制圧した。", lang="ja", geocoder=geocoder)
    first = kivu[0]
    assert (first.text, first.place.country, first.place.feature) == ("北キブ州", "COD", "admin1")
    south = find_places("南アフリカのプレトリアで和平交渉が行われた。", lang="ja", geocoder=geocoder)
    assert "Africa" not in [m.place.name for m in south]  # 南アフリカ is a country, not the continent


def test_places_demonyms_and_people_are_not_places(geocoder: GazetteerGeocoder) -> None:
    for text in ("Indian troops fired across the border.", "Polish farmers blocked the road.",
                 "Jordanian officials said the talks would resume.", "Zelenskiy said Kyiv would respond."):
        names = [m.place.name for m in find_places(text, lang="en", geocoder=geocoder)]
        assert names in ([], ["Kyiv"]), (text, names)


def test_places_latin_spelling_match_uses_a_towns_own_name(geocoder: GazetteerGeocoder) -> None:
    # "Abana" is one of Urbana's (Illinois) alternate names in other languages; a near
    # spelling of it is no reading of an unlisted Yemeni place, though the story names the US.
    assert geocoder.lookup("al-Jabana area", countries=("YEM", "USA", "GBR"), place_context=True) is None
    # A variant spelling of a town's own name still finds it.
    place = geocoder.lookup("Tulkarem", countries=("PSE",), place_context=True)
    assert place is not None and place.country == "PSE"


def test_places_short_division_name_is_not_taken_abroad(geocoder: GazetteerGeocoder) -> None:
    # ウリ folds to the Swiss canton ウーリ; in a story about India and Pakistan it is not Switzerland.
    place = geocoder.lookup("ウリ地区", countries=("IND", "PAK"), place_context=True)
    assert place is None or place.country in ("IND", "PAK")
    # With no story countries, or a longer name, the foreign division stands.
    uri = geocoder.lookup("ウリ地区", place_context=True)
    assert uri is not None and uri.country == "CHE"
    sagaing = geocoder.lookup("ザガイン地域", countries=("THA",), place_context=True)
    assert sagaing is not None and sagaing.country == "MMR"


def test_places_a_small_foreign_town_is_not_the_storys_village(geocoder: GazetteerGeocoder) -> None:
    # Herīs in Iran (10,515 people) is no reading of a Lebanese village the gazetteer lacks.
    place = geocoder.lookup("Haris", countries=("LBN", "ISR"), place_context=True)
    assert place is None or place.country in ("LBN", "ISR")
    # A big foreign city still is what its name says in any story.
    vienna = geocoder.lookup("Vienna", countries=("SRB", "XKX"), place_context=True)
    assert vienna is not None and vienna.country == "AUT"


def test_places_a_levantine_name_is_not_looked_up_word_by_word(geocoder: GazetteerGeocoder) -> None:
    # Kfar Shuba is not in the gazetteer; Shuba alone is a spelling of Shuva, a Negev village.
    text = "Rockets hit an army post in the Kfar Shuba hills and near Beit Lahia."
    assert names(text, "en", geocoder, ("LBN", "ISR", "PSE")) == ["Bayt Lahya"]
    farms = names("Two rockets fell in the Har Dov area.", "en", geocoder, ("LBN", "ISR"))
    assert farms == ["Shebaa Farms"]


def test_places_a_country_fired_at_is_a_place(geocoder: GazetteerGeocoder) -> None:
    found = names("Russia launched 40 drones at Ukraine overnight.", "en", geocoder, ("RUS", "UKR"))
    assert found == ["Ukraine"]
    assert names("Delegates met at the United Nations.", "en", geocoder) == []


def test_places_a_latin_spelling_after_a_katakana_name_decides(geocoder: GazetteerGeocoder) -> None:
    text = "衝突はラダック(Ladakh)地方にあるガルワン(Galwan)渓谷で起きた。"
    found = find_places(text, lang="ja", geocoder=geocoder, countries=("IND", "CHN"))
    # Ladakh by its spelling; Galwan is in no list, and no sound-alike town (Garhwa) stands in.
    assert [(m.text, m.place.name) for m in found] == [("ラダック(Ladakh)地方", "Ladakh")]
    # A body's name so glossed is no place, nor is its first word.
    assert names("ワシントン・ポスト(WP)紙が報じた。", "ja", geocoder) == []
    assert names("ゼレンスキー(Zelensky)大統領がハルキウ(Kharkiv)を訪れた。", "ja", geocoder) == ["Kharkiv"]


def test_places_latin_spelling_variants_keep_their_consonants(geocoder: GazetteerGeocoder) -> None:
    # Gawan (India) is one letter from Galwan but has a consonant fewer: another name.
    assert geocoder.lookup("Galwan", countries=("IND", "CHN"), place_context=True) is None
    place = geocoder.lookup("Pa Nom Dong Rak", countries=("THA", "KHM"), place_context=True)
    assert place is not None and place.name == "Phanom Dong Rak"


def test_places_a_bracketed_aside_does_not_hide_the_cue(geocoder: GazetteerGeocoder) -> None:
    found = names("コンゴ民主共和国(旧ザイール)東部で戦闘が続いている。", "ja", geocoder, ("COD",))
    assert found == ["Democratic Republic of the Congo"]
    assert names("コンゴ民主共和国(旧ザイール)政府は停戦を求めた。", "ja", geocoder, ("COD",)) == []


def test_places_a_district_written_as_one(geocoder: GazetteerGeocoder) -> None:
    found = find_places("A drone strike hit a house in the Bajaur district of Pakistan.", lang="en",
                        geocoder=geocoder)
    district = [m.place for m in found if m.place.feature == "admin2"]
    assert [(p.name, p.country, p.geonameid) for p in district] == [("Bajaur Agency", "PAK", 1183781)]
    assert district[0].lat is not None and abs(district[0].lat - 34.7) < 0.5
    bare = find_places("Militants attacked a post in Kurram on Monday.", lang="en", geocoder=geocoder)
    assert all(m.place.feature != "admin2" for m in bare)  # a bare name is never read as a district


def test_places_a_katakana_district_is_matched_by_sound_in_the_storys_countries(
        geocoder: GazetteerGeocoder) -> None:
    nduga = geocoder.lookup("ンドゥガ地区", countries=["IDN"], lang="ja", place_context=True)
    assert nduga is not None
    assert (nduga.text, nduga.country, nduga.feature) == ("ンドゥガ地区", "IDN", "admin2")
    assert geocoder.lookup("ンドゥガ地区", countries=["THA"], lang="ja", place_context=True) is None


def test_places_a_country_with_its_mission_is_no_place_and_one_that_holds_it_is(
        geocoder: GazetteerGeocoder) -> None:
    found = find_places("シリアにあるイラン領事館が空爆を受けた。", lang="ja", geocoder=geocoder)
    assert [(m.text, m.place.country) for m in found] == [("シリア", "SYR")]


def test_places_katakana_name_right_after_a_direction_part_is_in_place_context(
        geocoder: GazetteerGeocoder) -> None:
    # ケニア北東部マンデラ: no の between the part and the name, still a place (sound match)
    assert "Mandera" in names("ケニア北東部マンデラで武装集団が警察署を襲った。", "ja", geocoder, ("KEN",))
    assert "As-Suwayda" in names("シリア南部スワイダで衝突が続いた。", "ja", geocoder, ("SYR",))
    # without the direction part and with no cue the same katakana word is not guessed at
    assert names("マンデラで", "ja", geocoder, ("KEN",)) == []


def test_places_two_consonant_katakana_division_matches_a_division_of_the_story(
        geocoder: GazetteerGeocoder) -> None:
    # アムハラ州 romanises to amuhara: skeleton "mr", below the general sound matcher's minimum
    text = "政府軍は北部アムハラ州で武装勢力を攻撃した。"
    assert names(text, "ja", geocoder, ("ETH",)) == ["Amhara Region"]
    place = geocoder.lookup("アファール州", countries=("ETH",), lang="ja", place_context=True)
    assert place is not None and place.name == "Afar Region"
    # a division only, and only in the story's countries; the bare name is not guessed
    assert geocoder.lookup("アムハラ州", countries=("KEN",), lang="ja", place_context=True) is None
    assert geocoder.lookup("アムハラ", countries=("ETH",), lang="ja", place_context=True) is None


def test_places_khyber_pakhtunkhwa_in_its_japanese_spellings(geocoder: GazetteerGeocoder) -> None:
    for written in ("カイバル・パクトゥンクワ州", "ハイバル・パフトゥンクワ州"):
        text = f"パキスタン北西部{written}で検問所が襲撃された。"
        assert "Khyber Pakhtunkhwa" in names(text, "ja", geocoder, ("PAK",)), written


def test_places_direction_part_after_same_country_is_no_cue(geocoder: GazetteerGeocoder) -> None:
    # 同国南西部: the country is not named here, so no sound-alike guess is made
    assert names("同国南西部マンデラで", "ja", geocoder) == []


def test_places_a_place_name_inside_a_body_s_kanji_name_is_no_place(geocoder: GazetteerGeocoder) -> None:
    assert names("北大西洋条約機構の加盟国は会合を開いた。", "ja", geocoder) == []
    assert names("上海協力機構の首脳が集まった。", "ja", geocoder) == []
    # the same names as places
    assert names("北大西洋で艦艇が訓練を行った。", "ja", geocoder) == ["Atlantic Ocean"]
    assert "Shanghai" in names("両国の外相は上海で会談した。", "ja", geocoder)


def test_places_a_name_after_region_of_is_read_as_the_region(geocoder: GazetteerGeocoder) -> None:
    text = "Separatists attacked a patrol in the Anglophone region of Northwest on Monday."
    found = find_places(text, lang="en", geocoder=geocoder, countries=("CMR",))
    assert [(m.text, m.place.country, m.place.feature) for m in found] == [("Northwest", "CMR", "admin1")]
    # a bare direction word is no place
    assert names("Troops moved northwest on Monday.", "en", geocoder, ("CMR",)) == []


def test_places_a_sea_is_not_the_small_town_listing_its_written_form(geocoder: GazetteerGeocoder) -> None:
    # GeoNames lists 太平洋 among the alternate names of Pacific, Washington (7,000 people)
    sea = geocoder.lookup("太平洋", countries=("USA",), lang="ja")
    assert sea is not None and sea.name == "Pacific Ocean" and sea.feature == "sea"
    town = geocoder.lookup("Pacific", countries=("USA",))  # its own name still finds the town
    assert town is not None and town.country == "USA" and town.feature == "city"


def test_places_a_far_sound_in_the_storys_country_is_no_town(geocoder: GazetteerGeocoder) -> None:
    # インダス (the Indus) sounds like no town of India closely enough; Indore is not it
    got = geocoder.lookup("インダス", countries=("IND",), lang="ja", place_context=True)
    assert got is None or got.name != "Indore"
    near = geocoder.lookup("ヘルソン", countries=("UKR",), lang="ja", place_context=True)
    assert near is not None and near.name.startswith("Kherson")
