"""Places of the twelfth build (issue 13): a batch name read where the context uses it as a word of
its own (日本, not 日本海), a curated region over a town of its name in the story's country (the
Middle East, not Middle East in Baltimore), and アラブ海. Text written for these tests."""

from __future__ import annotations

import json

from frontwatch.resolve.place_batch import geocode_batch
from frontwatch.resolve.place_near import name_at
from frontwatch.resolve.places import default_geocoder


def _one(name: str, context: str = "", lang: str = "en") -> dict[str, object]:
    line = json.dumps({"id": 1, "name": name, "context": context, "lang": lang}, ensure_ascii=False)
    return next(iter(geocode_batch([line], default_geocoder())))


def test_a_name_is_read_where_it_stands_as_a_word() -> None:
    context = "北朝鮮は日本海に向けて弾道ミサイルを発射した。日本の防衛省が発表した。"
    assert name_at(context, "日本") == context.index("日本の")
    assert name_at("日本海で訓練", "日本") == 0  # no other use: the first stands
    got = _one("日本", context, "ja")
    assert (got["country"], got["feature"]) == ("JPN", "country")


def test_a_region_of_no_one_country_over_a_town_of_its_name() -> None:
    context = ("The Pentagon said U.S. forces in the Middle East were on alert. Washington sent two "
               "destroyers, U.S. officials said.")
    got = _one("Middle East", context)
    assert got["feature"] == "region" and got["country"] is None
    got = _one("アラブ海", "フーシ派は紅海とアラブ海で船舶を攻撃すると警告した。", "ja")
    assert got["geonameid"] == "fw:arabian_sea"
