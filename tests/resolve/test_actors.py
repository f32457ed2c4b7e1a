"""Actor dictionary: TSV rows, suffix composition, office years, pycountry names."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwatch.errors import DataError
from frontwatch.resolve.actors import COLUMNS, ActorDictionary, ActorEntry, read_actor_file

ACTORS = ActorDictionary.load()


def _codes(text: str, lang: str = "ja", year: int | None = None) -> list[tuple[str, str | None, str | None]]:
    return [(m.text, m.entity.code, m.entity.sector) for m in ACTORS.find(text, lang, year=year)]


def test_actors_country_plus_institution_gives_sector() -> None:
    assert _codes("アゼルバイジャン軍とアルメニア国防省") == [
        ("アゼルバイジャン軍", "AZE", "MIL"), ("アルメニア国防省", "ARM", "MIL")]


def test_actors_abbreviation_counts_only_with_a_suffix() -> None:
    assert _codes("米国務省と露軍") == [("米国務省", "USA", "GOV"), ("露軍", "RUS", "MIL")]
    assert _codes("米を輸出した") == []


def test_actors_breakaway_entity_is_nominal_state_with_pre() -> None:
    assert _codes("アルツァフ共和国軍") == [("アルツァフ共和国軍", "AZE", "PRE")]


def test_actors_igos_and_un() -> None:
    found = _codes("集団安全保障条約機構とNATOと国連とEU")
    assert [c for _, c, _ in found] == ["IGO", "IGO", "UNO", "EUR"]


def test_actors_people_only_in_their_years_of_office() -> None:
    assert _codes("ブリンケン国務長官", year=2023) == [("ブリンケン", "USA", "GOV")]
    assert _codes("ブリンケン国務長官", year=2010) == []


def test_actors_pycountry_names_in_japanese_and_english() -> None:
    assert _codes("カザフスタン")[0][1] == "KAZ"
    assert [m.entity.code for m in ACTORS.find("Armenia and the Russian Federation", "en")] == ["ARM", "RUS"]


def test_actors_katakana_state_name_also_without_its_koku() -> None:
    # pycountry's only Japanese names are エリトリア国 and モンゴル国; articles write エリトリア
    assert _codes("エリトリアはエチオピアを非難した")[:1] == [("エリトリア", "ERI", None)]
    assert _codes("モンゴルの首都")[0][1] == "MNG"
    assert _codes("中国と英国")[0][:2] == ("中国", "CHN")  # a kanji name keeps its 国


def test_actors_envoy_host_is_not_a_party() -> None:
    assert [c for _, c, _ in _codes("アルメニア駐EU特使は")] == ["ARM"]


def test_actors_made_in_is_dropped_by_the_coder_not_the_dictionary() -> None:
    assert _codes("イスラエル製")[0][1] == "ISR"


def test_actors_file_with_wrong_columns_is_a_data_error(tmp_path: Path) -> None:
    bad = tmp_path / "x.tsv"
    bad.write_text("\t".join(COLUMNS) + "\nロシア\tja\tRUS\n", encoding="utf-8")
    with pytest.raises(DataError, match="line 2"):
        read_actor_file(bad)


def test_actors_dictionary_from_entries() -> None:
    d = ActorDictionary([ActorEntry("テスト国", "ja", "TST", None, "Testland", "country"),
                         ActorEntry("{country}軍", "ja", "{country}", "MIL", "{name} Army", "suffix")])
    (m,) = d.find("テスト国軍が", "ja")
    assert (m.entity.code, m.entity.sector, m.entity.name) == ("TST", "MIL", "Testland Army")


def test_actors_katakana_name_holding_a_country_is_not_that_country() -> None:
    from frontwatch.resolve.actors import ActorDictionary

    found = ActorDictionary.load().find("指導者のアブドルマリク氏が演説した", "ja")
    assert "MLI" not in {m.entity.code for m in found}


def test_actors_title_after_a_foreign_name_is_not_japans() -> None:
    from frontwatch.resolve.actors import ActorDictionary

    found = ActorDictionary.load().find("イランのサデギ外相は警告した", "ja")
    assert "JPN" not in {m.entity.code for m in found}


def test_actors_namesake_name_is_the_states_never_another_partys() -> None:
    from frontwatch.coding.ja.earlier import namesakes

    d = ACTORS
    assert d.state_name("COD", "ja") == "DR Congo"
    m23 = d.find("M23が町に迫った。", "ja")
    gov = d.find("コンゴ政府は大使を呼び戻した。", "ja")
    # Only M23 (COD REB) was named before: the code is still DR Congo's, the name the dictionary's.
    [swapped] = [m for m in namesakes(gov, m23, d) if m.text == "コンゴ政府"]
    got = (swapped.entity.code, swapped.entity.sector, swapped.entity.name)
    assert got == ("COD", "GOV", "DR Congo Government")
    army = d.find("コンゴ民主共和国軍が反撃した。", "ja")
    [bare] = namesakes(d.find("コンゴは", "ja"), [*m23, *army], d)
    assert (bare.entity.code, bare.entity.name) == ("COD", "DR Congo")
