"""Places the text plainly names but the gazetteer lacks (``resolve.place_unlisted``), and the
names divisions carry; hand-written sentences, invented village names (in no gazetteer)."""

from __future__ import annotations

from frontwatch.records import Document, Entity, Event, Place, Section
from frontwatch.resolve.place_attach import carry_places, unlocated
from frontwatch.resolve.places import FakeGeocoder, GazetteerGeocoder, find_places


def _found(text: str, lang: str, geocoder: object) -> list[tuple[str, str | None, bool]]:
    return [(m.text, m.place.name, unlocated(m.place))
            for m in find_places(text, lang=lang, geocoder=geocoder)]  # type: ignore[arg-type]


def test_place_unlisted_english_settlement_words(geocoder: GazetteerGeocoder) -> None:
    assert _found("Gunmen stormed the village of Zorbakali on Sunday.", "en", geocoder) == [
        ("Zorbakali", "Zorbakali", True)]  # the name ends before 'on Sunday'
    assert _found("Two people died in Zorbakali village, in Tindawa district.", "en", geocoder) == [
        ("Zorbakali village", "Zorbakali", True), ("Tindawa district", "Tindawa", True)]
    place = find_places("Troops repelled an attack on the town of Zorbakali.", lang="en",
                        geocoder=geocoder)[0].place
    assert (place.country, place.lat, place.lon, place.geonameid) == (None, None, None, None)


def test_place_unlisted_needs_a_settlement_word(geocoder: GazetteerGeocoder) -> None:
    assert _found("Troops repelled an attack near Zorbakali on Sunday.", "en", geocoder) == []
    assert _found("Zorbakali said the talks would go on.", "en", geocoder) == []


def test_place_unlisted_japanese_katakana_village(geocoder: GazetteerGeocoder) -> None:
    assert _found("ゾルバカリ村で15日、衝突があった。", "ja", geocoder) == [
        ("ゾルバカリ村", "Zorubakari", True)]
    assert _found("ゾルバカリで15日、衝突があった。", "ja", geocoder) == []  # no settlement word


def test_place_unlisted_a_known_place_keeps_its_entry(geocoder: GazetteerGeocoder) -> None:
    (m,) = find_places("Shells hit the town of Goris overnight.", lang="en", geocoder=geocoder)
    assert (m.place.name, m.place.country, unlocated(m.place)) == ("Goris", "ARM", False)


def _act(text: str, sentence: str, places: tuple[Place, ...]) -> Event:
    start = text.index(sentence)
    return Event(id="d#1", doc_id="d", event="ASSAULT", text=sentence, span=(start, start + len(sentence)),
                 language="en", actor=(Entity(text="militants", code="IMG"),),
                 recipient=(Entity(text="Mali", code="MLI"),), event_loc=places)


def _story(text: str) -> Document:
    body = Section(kind="body", text=text, start=0, end=len(text))
    return Document(doc_id="d", text=text, sections=(body,))


def test_place_unlisted_village_is_the_detail_of_a_country_only_act() -> None:
    mali = Place(text="Mali", name="Mali", country="MLI", feature="country")
    bamako = Place(text="Bamako", name="Bamako", country="MLI", feature="city")
    niamey = Place(text="Niamey", name="Niamey", country="NER", feature="city")
    geocoder = FakeGeocoder({"Bamako": bamako, "Niamey": niamey})
    lead = "Five soldiers were killed in an attack in central Mali."
    text = f"{lead} The convoy was ambushed near the village of Zorbakali, far from Bamako."
    out = carry_places([_act(text, lead, (mali,))], geocoder, _story(text))
    assert [p.name for p in out[0].event_loc] == ["Zorbakali", "Bamako", "Mali"]
    # A sentence whose located places lie in another country: its village is not taken there.
    abroad = f"{lead} Officials met in the village of Zorbakali near Niamey."
    assert carry_places([_act(abroad, lead, (mali,))], geocoder, _story(abroad))[0].event_loc == (mali,)


def test_place_unlisted_oblast_is_named_with_its_generic_word(geocoder: GazetteerGeocoder) -> None:
    oblast = geocoder.lookup("キーウ州", lang="ja")
    city = geocoder.lookup("Kyiv")
    assert oblast is not None and (oblast.name, oblast.feature) == ("Kyiv Oblast", "admin1")
    assert city is not None and (city.name, city.feature) == ("Kyiv", "city")
    krai = geocoder.lookup("Krasnodar region")
    assert krai is not None and krai.name == "Krasnodar Krai"


def test_place_lists_share_the_generic_word_written_once(geocoder: GazetteerGeocoder) -> None:
    def read(text: str, lang: str) -> list[tuple[str, str | None, str | None]]:
        return [(m.text, m.place.name, m.place.feature)
                for m in find_places(text, lang=lang, geocoder=geocoder, countries=("UKR", "RUS"))]

    oblasts = [("ドネツク", "Donetsk Oblast", "admin1"), ("ルハンスク", "Luhansk Oblast", "admin1")]
    assert read("ロシア軍はドネツクとルハンスク両州で攻勢を強めた。", "ja") == oblasts
    assert read("ロシア軍はヘルソン、ザポリージャ両州を砲撃した。", "ja") == [
        ("ヘルソン", "Kherson Oblast", "admin1"), ("ザポリージャ", "Zaporizhzhia Oblast", "admin1")]
    assert [n for _, n, _ in read("Shelling hit the Donetsk and Luhansk regions overnight.", "en")] == [
        "Donetsk Oblast", "Luhansk Oblast"]
    # without the shared word, the names are the cities
    assert [f for _, _, f in read("ロシア軍はドネツクとルハンスクで攻勢を強めた。", "ja")] == ["city", "city"]


def test_place_english_word_particles_join_names_only_with_hyphens(geocoder: GazetteerGeocoder) -> None:
    def names(text: str) -> list[str | None]:
        return [m.place.name for m in find_places(text, lang="en", geocoder=geocoder)]

    assert names("Ship Hit by Missile in Red Sea as Houthis Vow More Attacks") == ["Red Sea"]
    assert names("Missiles fell on Rostov-on-Don overnight.") == ["Rostov-on-Don"]
    assert names("Troops reached the village of Zorbakali on Sunday.") == ["Zorbakali"]


def test_place_crossings_capes_and_a_continent_only_when_nothing_finer(geocoder: GazetteerGeocoder) -> None:
    from frontwatch.resolve.place_attach import attach

    text = ("The group will attack ships sailing toward the southern tip of Africa and around the "
            "Cape of Good Hope.")
    found = find_places(text, lang="en", geocoder=geocoder)
    assert {m.place.name: m.place.feature for m in found} == {
        "Africa": "continent", "Cape of Good Hope": "peninsula"}
    assert [p.name for p in attach(found, text, lang="en", trigger=text.index("attack")).places] == [
        "Cape of Good Hope"]
    alone = "The group will attack ships sailing around Africa."
    found = find_places(alone, lang="en", geocoder=geocoder)
    assert [p.name for p in attach(found, alone, lang="en", trigger=15).places] == ["Africa"]
    for name, lang in (("Torkham", "en"), ("トルハム", "ja"), ("ラファ検問所", "ja"), ("Kerem Shalom", "en")):
        site = geocoder.lookup(name, lang=lang)
        assert site is not None and site.feature == "site", name
    mogadishu = geocoder.lookup("モガディシオ", countries=("SOM",), lang="ja")  # outside a place context
    assert mogadishu is not None and mogadishu.geonameid == 53654


def test_place_unlisted_a_village_called(geocoder: GazetteerGeocoder) -> None:
    assert _found("The attack took place in a village called Zorbakali.", "en", geocoder) == [
        ("Zorbakali", "Zorbakali", True)]


def test_place_kana_foreign_sounds_are_one_syllable() -> None:
    from frontwatch.resolve.place_kana import kana_hepburn

    names = ("カトゥア", "ティクリート", "ファルージャ", "シェベキノ", "ヴィーンヌィツャ")
    assert [kana_hepburn(n) for n in names] == ["katua", "tikuriito", "faruuja", "shebekino", "viinnuitsuya"]
    assert kana_hepburn("ドネツク") == "donetsuku"  # ordinary kana unchanged
