"""A country written inside a longer place phrase (``place_phrases``), through ``geocode --batch``
with the real gazetteer and actor dictionary. Sentences are hand-written."""

from __future__ import annotations

import json
from typing import Any

from frontwatch.resolve.actor_phrase import ActorPhraseResolver
from frontwatch.resolve.actors import ActorDictionary
from frontwatch.resolve.place_batch import geocode_batch
from frontwatch.resolve.place_lists import split_names
from frontwatch.resolve.places import GazetteerGeocoder


def _batch(geocoder: GazetteerGeocoder, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    return list(geocode_batch(lines, geocoder, ActorPhraseResolver(ActorDictionary.load())))


def test_place_phrases_capitals(geocoder: GazetteerGeocoder) -> None:
    out = _batch(geocoder, [
        {"id": 1, "name": "Haiti's capital", "context": "Gangs tightened their grip on Haiti's capital."},
        {"id": 2, "name": "ウクライナの首都", "lang": "ja", "countries": ["UKR", "RUS"]},
        {"id": 3, "name": "首都ダマスカス", "lang": "ja", "countries": ["SYR", "ISR"]},
    ])
    assert [(o["country"], o["feature"]) for o in out] == [("HTI", "city"), ("UKR", "city"), ("SYR", "city")]
    assert [o["geonameid"] for o in out] == [3718426, 703448, 170654]  # Port-au-Prince, Kyiv, Damascus


def test_place_phrases_countries_inside_phrases(geocoder: GazetteerGeocoder) -> None:
    out = _batch(geocoder, [
        {"id": 1, "name": "Estonian airspace", "context": "A jet entered Estonian airspace for a minute."},
        {"id": 2, "name": "Georgia’s", "context": "Troops moved deeper into Georgia’s territory."},
        {"id": 3, "name": "Kosovo territory", "countries": ["SRB", "XKX"]},
        {"id": 4, "name": "イエメンの港", "lang": "ja", "countries": ["YEM"]},
        {"id": 5, "name": "カンボジア側", "lang": "ja", "countries": ["THA", "KHM"]},
        {"id": 6, "name": "隣国レバノン", "lang": "ja", "countries": ["ISR", "LBN"]},
        {"id": 7, "name": "セルビア共和国", "lang": "ja"},
    ])
    assert [o["country"] for o in out] == ["EST", "GEO", "XKX", "YEM", "KHM", "LBN", "SRB"]
    assert all(o["feature"] == "country" for o in out)


def test_place_phrases_leave_names_of_their_own(geocoder: GazetteerGeocoder) -> None:
    out = _batch(geocoder, [
        {"id": 1, "name": "日本海側", "lang": "ja", "countries": ["JPN", "RUS"]},  # the sea's side
        {"id": 2, "name": "Mali's north", "countries": ["MLI"]},
        {"id": 3, "name": "Russian Federation"},  # a country's own name, no demonym reading
    ])
    assert out[0]["feature"] == "sea" and not out[0]["country"]
    assert (out[1]["country"], out[1]["feature"]) == ("MLI", "region") and out[1]["lat"] > 17
    assert (out[2]["country"], out[2]["feature"]) == ("RUS", "country")


def test_place_phrases_with_is_no_list() -> None:
    # と before の is "with": the border with Pakistan is one place, not two names
    assert split_names("隣国パキスタンとの国境地帯", "ja") == ("隣国パキスタンとの国境地帯",)
    assert split_names("ドネツクとルハンスク両州", "ja") == ("ドネツク州", "ルハンスク州")


def test_place_phrases_named_lines_and_korean_seas(geocoder: GazetteerGeocoder) -> None:
    out = _batch(geocoder, [
        {"id": 1, "name": "DMZ", "context": "Soldiers crossed the DMZ briefly on Tuesday."},
        {"id": 2, "name": "NLL", "countries": ["KOR", "PRK"]},
        {"id": 3, "name": "北方限界線", "lang": "ja", "countries": ["KOR", "PRK"]},
        {"id": 4, "name": "西海", "lang": "ja", "countries": ["KOR", "PRK"]},  # Korean usage: the Yellow Sea
        {"id": 5, "name": "東海", "lang": "ja", "countries": ["KOR", "PRK"]},  # the Sea of Japan
        {"id": 6, "name": "EU"},  # a short form that names no curated place stays no place
    ])
    assert [o["feature"] for o in out] == ["region", "region", "region", "sea", "sea", None]
    assert abs(out[1]["lat"] - 37.65) < 0.5 and out[1]["lat"] == out[2]["lat"]
    assert out[3]["lon"] < 126 and out[4]["lon"] > 130


def test_place_phrases_an_unlisted_village_takes_the_place_its_sentence_names(
        geocoder: GazetteerGeocoder) -> None:
    out = _batch(geocoder, [
        # a made-up village: no list has it; the sentence puts it in Borno State
        {"id": 1, "name": "Kwanduwari", "countries": ["NGA"],
         "context": "Gunmen attacked Kwanduwari village in Borno State on Sunday."},
        # the only other place is a dateline's capitals and a country: nothing locates it
        {"id": 2, "name": "Kwanduwari", "countries": ["NGA"],
         "context": "ABUJA, Nigeria - Gunmen attacked Kwanduwari on Sunday."},
        # a place outside the article's countries does not locate it
        {"id": 3, "name": "Kwanduwari", "countries": ["NGA"],
         "context": "Gunmen attacked Kwanduwari, officials in Paris said."},
    ])
    first = out[0]
    assert (first["feature"], first["geonameid"], first["country"]) == ("unlisted", None, "NGA")
    assert first["near"]["name"] == "Borno" and first["near"]["geonameid"] == first["near"]["geonameid"]
    assert abs(first["lat"] - first["near"]["lat"]) < 1e-9
    assert out[1]["lat"] is None and out[1]["feature"] is None and "near" not in out[1]
    assert out[2]["lat"] is None


def test_place_phrases_a_word_of_a_village_name_is_no_town_abroad(geocoder: GazetteerGeocoder) -> None:
    out = _batch(geocoder, [
        # a made-up Somali village whose first word is a Colombian city's name
        {"id": 1, "name": "Cali Dheere", "countries": ["SOM"],
         "context": "Militants raided Cali Dheere, a village near Baidoa, on Friday."},
        # the name itself names the country of its part: Tak in Thailand, in a Myanmar story
        {"id": 2, "name": "タイ北西部ターク県", "lang": "ja", "countries": ["MMR"]},
    ])
    assert (out[0]["country"], out[0]["feature"], out[0]["near"]["name"]) == ("SOM", "unlisted", "Baidoa")
    assert (out[1]["country"], out[1]["feature"]) == ("THA", "admin1")


def test_place_phrases_washington_alone_is_the_capital(geocoder: GazetteerGeocoder) -> None:
    # ワシントン alone is the capital; ワシントン州 the state
    dc = geocoder.lookup("ワシントン", countries=("USA", "VEN"), lang="ja", place_context=True)
    state = geocoder.lookup("ワシントン州", countries=("USA",), lang="ja", place_context=True)
    assert dc is not None and state is not None
    assert (dc.geonameid, dc.feature) == (4140963, "city") and state.feature == "admin1"


def test_place_phrases_a_site_named_after_its_town(geocoder: GazetteerGeocoder) -> None:
    out = _batch(geocoder, [
        {"id": 1, "name": "Khartoum International Airport", "countries": ["SDN"]},
        {"id": 2, "name": "ポートスーダン空港", "lang": "ja", "countries": ["SDN"]},
        {"id": 3, "name": "Ben Gurion Airport", "countries": ["ISR", "YEM"]},  # a person's name
    ])
    assert (out[0]["feature"], out[0]["geonameid"], out[0]["near"]["name"]) == ("unlisted", None, "Khartoum")
    assert out[1]["country"] == "SDN" and abs(out[1]["lat"] - 19.6) < 0.3
    assert out[2]["lat"] is None
