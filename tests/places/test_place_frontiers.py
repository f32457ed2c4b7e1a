"""Borders as places (``resolve.place_frontiers``), datelines left out of a frame, and the
place words added with them; hand-written sentences."""

from __future__ import annotations

from dataclasses import replace

from frontwatch.records import Document, Entity, Event, Place, PlaceMention, Section
from frontwatch.resolve.place_attach import attach, carry_places, dateline_end
from frontwatch.resolve.place_borders import default_borders
from frontwatch.resolve.place_frontiers import border_countries, document_border_names
from frontwatch.resolve.places import GazetteerGeocoder, find_places


def _borders(text: str, lang: str, countries: list[str],
             geocoder: GazetteerGeocoder) -> list[tuple[str, str]]:
    return [(m.text, m.place.name or "") for m in find_places(text, lang=lang, geocoder=geocoder,
                                                              countries=countries)
            if m.place.feature == "border"]


def test_place_frontiers_border_point_lies_between_the_two_countries() -> None:
    borders = default_borders()
    lat, lon = borders.border_point("THA", "KHM") or (0.0, 0.0)
    assert borders.country_near("THA", lat, lon) and borders.country_near("KHM", lat, lon)
    assert borders.border_point("JPN", "CHN") is None  # no land border


def test_place_frontiers_written_countries_keep_their_order(geocoder: GazetteerGeocoder) -> None:
    found = _borders("両軍はタイ・カンボジア国境地帯で衝突した。", "ja", [], geocoder)
    assert found == [("タイ・カンボジア国境地帯", "Thailand–Cambodia border")]
    found = _borders("Troops clashed on the Thai-Cambodian border on Monday.", "en", [], geocoder)
    assert found == [("Thai-Cambodian border", "Thailand–Cambodia border")]


def test_place_frontiers_bare_border_takes_the_frame_countries(geocoder: GazetteerGeocoder) -> None:
    found = _borders("部隊が国境付近で発砲した。", "ja", ["PAK", "AFG"], geocoder)
    assert found == [("国境付近", "Afghanistan–Pakistan border")]  # alphabetical when unwritten
    one = _borders("Soldiers died along the border with Afghanistan.", "en", ["PAK"], geocoder)
    assert one == [("border", "Afghanistan–Pakistan border")]
    assert _borders("部隊が国境付近で発砲した。", "ja", ["PAK"], geocoder) == []  # one country: no border
    assert _borders("Guards crossed the border.", "en", ["JPN", "CHN"], geocoder) == []  # no land border


def test_place_frontiers_a_body_named_border_is_no_place(geocoder: GazetteerGeocoder) -> None:
    assert _borders("The Border Security Force fired flares.", "en", ["IND", "PAK"], geocoder) == []
    assert _borders("Doctors Without Borders said so.", "en", ["IND", "PAK"], geocoder) == []
    assert _borders("国境なき医師団が発表した。", "ja", ["IND", "PAK"], geocoder) == []


def test_place_frontiers_document_names_a_bare_border(geocoder: GazetteerGeocoder) -> None:
    title = "タイ・カンボジア国境で緊張が高まる"
    written = document_border_names([("ja", title)], geocoder)
    (place,) = written.values()
    assert place.name == "Thailand–Cambodia border" and border_countries(place) == {"THA", "KHM"}
    text = "両国は係争中の国境沿いで発砲した。"
    doc = _doc(title, text)
    at = (len(title) + 1, len(title) + 1 + len(text))
    ev = Event(id="d#1", doc_id="d", event="ASSAULT", text=text, language="ja", span=at,
               actor=(Entity(text="カンボジア軍", code="KHM"),))
    (out,) = carry_places([ev], geocoder, doc)
    assert [p.name for p in out.event_loc] == ["Thailand–Cambodia border"]
    named = Event(id="d#2", doc_id="d", event="ASSAULT", text=text, language="ja", span=at,
                  event_loc=(Place(text="国境", name="Cambodia–Thailand border", feature="border",
                                   geonameid="fw:border:KHM-THA"),))
    (out,) = carry_places([named], geocoder, doc)
    assert [p.name for p in out.event_loc] == ["Thailand–Cambodia border"]  # one name a document


def test_place_frontiers_a_named_line_names_its_border(geocoder: GazetteerGeocoder) -> None:
    title = "Soldiers crossed the DMZ on Tuesday"
    written = document_border_names([("en", title)], geocoder)
    assert [p.name for p in written.values()] == ["Korean Demilitarized Zone"]
    assert border_countries(next(iter(written.values()))) == {"KOR", "PRK"}
    assert document_border_names([("en", "The LoC and the border with China")], geocoder) == {}


def test_place_attach_a_bare_border_in_the_acts_sentence_is_its_parties(geocoder: GazetteerGeocoder) -> None:
    title = "パキスタン軍が反撃"
    text = "インド軍は、パキスタンの無人機が国境地帯に飛来したと主張した。"
    at = (len(title) + 1, len(title) + 1 + len(text))
    ev = Event(id="d#1", doc_id="d", event="MOBILIZE", text=text, language="ja", span=at,
               actor=(Entity(text="パキスタン", code="PAK"),), recipient=(Entity(text="インド", code="IND"),))
    (out,) = carry_places([ev], geocoder, _doc(title, text))
    assert [p.name for p in out.event_loc] == ["India–Pakistan border"]

def _doc(title: str, body: str) -> Document:
    text = f"{title}\n{body}"
    return Document(doc_id="d", text=text, language="ja", sections=(
        Section(kind="title", text=title, start=0, end=len(title), language="ja"),
        Section(kind="body", text=body, start=len(title) + 1, end=len(text), language="ja")))


def test_place_attach_a_word_pointing_back_takes_the_place_named_before(geocoder: GazetteerGeocoder) -> None:
    title = "巡視船が放水"
    body = "事件はサビナ礁付近で起きた。中国の船が同海域で漁船を包囲した。"
    doc = _doc(title, body)
    text = "中国の船が同海域で漁船を包囲した。"
    start = doc.text.index(text)
    ev = Event(id="d#1", doc_id="d", event="COERCE", text=text, language="ja",
               span=(start, start + len(text)), actor=(Entity(text="中国", code="CHN"),))
    (out,) = carry_places([ev], geocoder, doc)
    assert [p.name for p in out.event_loc] == ["Sabina Shoal"]
    plain = replace(ev, text="中国の船が漁船を包囲した。")
    (out,) = carry_places([plain], geocoder, doc)
    assert out.event_loc == ()  # no word points back: nothing is carried from a sentence with no act


def test_place_attach_leaves_the_dateline_out() -> None:
    for lang, text in (("ja", "【バンコク時事】タイ軍が24日、スリン県を砲撃した。"),
                       ("ja", "（台北中央社）中国軍が台湾周辺で演習を始めた。"),
                       ("ja", "アンバル: 無人機が基地を標的にした。"),
                       ("ja", "モガディシオ(CNN) ソマリア中部で自爆テロがあった。"),
                       ("en", "Islamabad: Five soldiers died in Mohmand on Sunday."),
                       ("en", "(MENAFN- Wire (W)) TOKYO, April 8 (W) -- Shots were fired."),
                       ("en", "MOSCOW, Dec 3 (Reuters) - Drones hit Kursk.")):
        end = dateline_end(text, lang)
        assert end > 0 and not text[end:].lstrip().startswith(("(", "）", "】", ":")), text
    assert dateline_end("Russia said: talks failed.", "en") == 0
    assert dateline_end("ロシア軍は24日、攻撃した。", "ja") == 0
    assert dateline_end("ロシア(旧ソ連)は反発した。", "ja") == 0
    text = "【バンコク時事】タイ軍が24日、スリン県を砲撃した。"
    found = [PlaceMention("バンコク", 1, 5, Place(text="バンコク", name="Bangkok", country="THA",
                                               feature="city")),
             PlaceMention("スリン県", 16, 20, Place(text="スリン県", name="Surin", country="THA",
                                                feature="admin1"))]
    assert [p.name for p in attach(found, text, lang="ja").places] == ["Surin"]
    assert attach(found[:1], text, lang="ja").places == ()


def test_places_country_as_the_place_struck(geocoder: GazetteerGeocoder) -> None:
    for text, lang in (("インド軍がパキスタンの防空施設を攻撃した。", "ja"),
                       ("インド軍がパキスタン側の軍事施設を攻撃した。", "ja"),
                       ("ロシアによるウクライナ侵攻が迫る。", "ja"),
                       ("ミサイルをウクライナへ再び発射する。", "ja"),
                       ("Drones were launched toward Saudi Arabia.", "en")):
        found = find_places(text, lang=lang, geocoder=geocoder)
        assert [m.place.feature for m in found] == ["country"], text
    assert find_places("パキスタン側は反発した。", lang="ja", geocoder=geocoder) == []


def test_places_a_division_suffix_wants_a_division(geocoder: GazetteerGeocoder) -> None:
    found = find_places("ザガイン地域で空爆があった。", lang="ja", geocoder=geocoder, countries=["MMR"])
    assert [(m.text, m.place.feature, m.place.country) for m in found] == [("ザガイン地域", "admin1", "MMR")]
    # No township of the name in the story's country: no foreign town read for it either.
    found = find_places("ザガイン管区カニ郡区の村を空爆した。", lang="ja", geocoder=geocoder,
                        countries=["MMR"])
    assert [m.place.name for m in found] == ["Sagaing Region"]
    found = find_places("The strike hit near the central Hiran region.", lang="en", geocoder=geocoder,
                        countries=["SOM"])
    assert [(m.place.name, m.place.country) for m in found] == [("Hiiraan", "SOM")]


def test_places_longer_kanji_name_wins_and_a_trailing_cue_is_cut(geocoder: GazetteerGeocoder) -> None:
    found = find_places("北海道の根室半島沖で領空を侵犯した。", lang="ja", geocoder=geocoder)
    assert [(m.text, m.place.name) for m in found] == [("北海道", "Hokkaido"),
                                                       ("根室半島", "Nemuro Peninsula")]


def test_places_a_peoples_adjective_is_no_town(geocoder: GazetteerGeocoder) -> None:
    found = find_places("A Thai officer said Somali capital Mogadishu was calm.", lang="en",
                        geocoder=geocoder)
    assert [m.place.name for m in found] == ["Mogadishu"]
    found = find_places("Students in Athens, Georgia, marched.", lang="en", geocoder=geocoder)
    assert [(m.text, m.place.country) for m in found][:1] == [("Athens", "USA")]


def test_places_a_datelines_city_is_the_well_known_one(geocoder: GazetteerGeocoder) -> None:
    text = "MOSCOW (Wire / Agency - 3 May, 2023) Guards seized a tanker in the Strait of Hormuz."
    found = find_places(text, lang="en", geocoder=geocoder, countries=["USA", "IRN"])
    assert [(m.text, m.place.country) for m in found][:1] == [("MOSCOW", "RUS")]


def test_places_a_curated_district_is_no_organisation(geocoder: GazetteerGeocoder) -> None:
    found = find_places("Posts in Mohmand Agency were attacked.", lang="en", geocoder=geocoder)
    assert [(m.text, m.place.country) for m in found] == [("Mohmand Agency", "PAK")]
    assert find_places("The Central Intelligence Agency said so.", lang="en", geocoder=geocoder) == []


def test_places_a_country_before_a_dot_names_whose_place_follows(geocoder: GazetteerGeocoder) -> None:
    found = find_places("兵士＝27日、アフガニスタン・ホスト州（共同）", lang="ja", geocoder=geocoder)
    assert [(m.text, m.place.feature, m.place.country) for m in found] == [("ホスト州", "admin1", "AFG")]


def test_places_a_town_right_after_its_division_is_read_inside_it(geocoder: GazetteerGeocoder) -> None:
    found = find_places("北ダルフール州のクトゥムにある拠点を空爆した。", lang="ja", geocoder=geocoder)
    assert [(m.text, m.place.name) for m in found] == [("北ダルフール州", "North Darfur"),
                                                       ("クトゥム", "Kutum")]
    far = find_places("北ダルフール州の部隊がクトゥムに入った。", lang="ja", geocoder=geocoder)
    assert [m.text for m in far][:1] == ["北ダルフール州"]  # not written right after: left as read
