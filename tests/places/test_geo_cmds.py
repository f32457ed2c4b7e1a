"""The ``frontwatch geocode`` command, through the real CLI app and the real gazetteer."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from frontwatch.cli import app
from frontwatch.resolve.places import GazetteerGeocoder

runner = CliRunner()


def test_geo_cmds_geocode_prints_each_mention(geocoder: GazetteerGeocoder) -> None:
    text = "アゼルバイジャン軍がゴリス、ソトクを砲撃した"
    result = runner.invoke(app, ["geocode", text, "--context", "ARM,AZE"])
    assert result.exit_code == 0, result.output
    assert "Goris (ARM)" in result.output and "Sotk (ARM)" in result.output


def test_geo_cmds_geocode_json(geocoder: GazetteerGeocoder) -> None:
    result = runner.invoke(app, ["geocode", "Shells hit Jermuk and Goris overnight.", "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert [r["name"] for r in rows] == ["Jermuk", "Goris"]
    assert rows[0]["geonameid"] == 174884 and rows[0]["start"] == 11


def test_geo_cmds_geocode_bare_name(geocoder: GazetteerGeocoder) -> None:
    result = runner.invoke(app, ["geocode", "ステパナケルト", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["country"] == "AZE"


def test_geo_cmds_geocode_no_place(geocoder: GazetteerGeocoder) -> None:
    result = runner.invoke(app, ["geocode", "パシニャン首相が述べた"])
    assert result.exit_code == 0
    assert "no place found" in result.output


def test_geo_cmds_bad_context_is_a_one_line_error() -> None:
    exe = Path(sys.executable).with_name("frontwatch")
    command = str(exe) if exe.exists() else shutil.which("frontwatch") or "frontwatch"
    proc = subprocess.run(
        [command, "geocode", "Goris", "--context", "ARMENIA"],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 2
    assert "alpha-3" in proc.stderr and "Traceback" not in proc.stderr


def _batch(tmp_path: Path, command: str, rows: list[object]) -> list[dict[str, object]]:
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    result = runner.invoke(app, [command, "--batch", str(path), "--json"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines() if line.strip()]


def test_geo_cmds_geocode_batch_in_order_with_ids(geocoder: GazetteerGeocoder, tmp_path: Path) -> None:
    rows = _batch(tmp_path, "geocode", [
        {"id": "a", "name": "Colorado", "context": "Wildfires spread across Colorado."},
        {"id": 2, "name": "Fla."},
        {"id": 3, "name": "ドネツク州", "lang": "ja"},
        {"id": 4, "name": "Nowhereville"},
        {"id": 5, "name": "Korea"},
        {"id": 6, "name": "the United States"},
    ])
    assert [r["id"] for r in rows] == ["a", 2, 3, 4, 5, 6]
    assert set(rows[0]) == {"id", "name", "lat", "lon", "country", "geonameid", "feature"}
    assert (rows[0]["country"], rows[0]["feature"], rows[0]["geonameid"]) == ("USA", "admin1", 5417618)
    assert rows[1]["geonameid"] == 4155751  # Florida, not Flå in Norway
    assert rows[2]["country"] == "UKR" and rows[2]["feature"] == "admin1"
    assert rows[3]["lat"] is None and rows[3]["geonameid"] is None
    assert rows[4]["country"] == "KOR"
    assert rows[5]["country"] == "USA" and rows[5]["name"] == "the United States"


def test_geo_cmds_geocode_batch_joined_names_give_one_line_with_parts(
        geocoder: GazetteerGeocoder, tmp_path: Path) -> None:
    rows = _batch(tmp_path, "geocode", [
        {"id": 1, "name": "the Donetsk and Luhansk regions",
         "context": "Shelling hit the Donetsk and Luhansk regions overnight."},
        {"id": 2, "name": "ヘルソン、ザポリージャ両州", "lang": "ja"},
        {"id": 3, "name": "Nowhereville and Goris"},
        {"id": 4, "name": "Bosnia and Herzegovina"},
    ])
    assert [r["id"] for r in rows] == [1, 2, 3, 4]  # one line out for each line in
    donetsk, luhansk = rows[0]["parts"]  # type: ignore[misc]
    assert (donetsk["name"], donetsk["feature"]) == ("Donetsk region", "admin1")
    assert (luhansk["name"], luhansk["feature"], luhansk["country"]) == ("Luhansk region", "admin1", "UKR")
    assert rows[0]["geonameid"] == donetsk["geonameid"]  # the line's place is the first one
    assert [p["name"] for p in rows[1]["parts"]] == ["ヘルソン州", "ザポリージャ州"]  # type: ignore[attr-defined]
    assert {p["feature"] for p in rows[1]["parts"]} == {"admin1"}  # type: ignore[attr-defined]
    assert rows[2]["parts"][0]["lat"] is None  # type: ignore[index]
    assert rows[2]["country"] == "ARM"  # the first part that resolves
    assert "parts" not in rows[3] and rows[3]["country"] == "BIH"  # a whole name stays whole


def test_geo_cmds_geocode_batch_chain_of_places_is_its_finest(
        geocoder: GazetteerGeocoder, tmp_path: Path) -> None:
    rows = _batch(tmp_path, "geocode", [
        {"id": 1, "name": "沖縄県石垣市", "lang": "ja"},  # the town, not its prefecture
        {"id": 2, "name": "ウクライナ東部ドネツク州", "lang": "ja"},
        {"id": 3, "name": "ガザ地区南部ハンユニス", "lang": "ja"},
        {"id": 4, "name": "遼寧省丹東市", "lang": "ja",
         "context": "北朝鮮と国境を接する遼寧省丹東市で演習が行われた。"},  # read in its sentence too
        {"id": 5, "name": "the Kharkiv region's Izium"},
        {"id": 6, "name": "Goris, Armenia"},  # English: the first of equally fine places
    ])
    assert [(r["name"], r["country"], r["feature"]) for r in rows] == [
        ("沖縄県石垣市", "JPN", "city"), ("ウクライナ東部ドネツク州", "UKR", "admin1"),
        ("ガザ地区南部ハンユニス", "PSE", "city"), ("遼寧省丹東市", "CHN", "city"),
        ("the Kharkiv region's Izium", "UKR", "city"), ("Goris, Armenia", "ARM", "city")]
    assert abs(rows[0]["lat"] - 24.34) < 0.1 and abs(rows[3]["lon"] - 124.39) < 0.2  # type: ignore[operator]


def test_geo_cmds_geocode_batch_dateline_capitals_and_compass_directions(
        geocoder: GazetteerGeocoder, tmp_path: Path) -> None:
    rows = _batch(tmp_path, "geocode", [
        {"id": 1, "name": "KYIV"},  # "KYIV (Reuters) -"
        {"id": 2, "name": "northwest Pakistan"},
        {"id": 3, "name": "eastern Democratic Republic of the Congo"},
        {"id": 4, "name": "NATO"},  # capitals that name no place stay unresolved
    ])
    # a direction and a country name the part of the country (place_parts), with its id
    assert [(r["country"], r["feature"]) for r in rows] == [
        ("UKR", "city"), ("PAK", "region"), ("COD", "region"), (None, None)]
    assert rows[2]["geonameid"] == 203312 and rows[2]["lon"] > 26  # type: ignore[operator]


def test_geo_cmds_geocode_batch_japanese_name_with_a_bracketed_reading(
        geocoder: GazetteerGeocoder, tmp_path: Path) -> None:
    rows = _batch(tmp_path, "geocode", [
        {"id": 1, "name": "延坪(ヨンピョン)島", "lang": "ja"},  # the name without its reading
        {"id": 2, "name": "ズベチャン(Zvečan)", "lang": "ja"},  # the Latin spelling in brackets
    ])
    assert [r["country"] for r in rows] == ["KOR", "XKX"]


def test_geo_cmds_geocode_batch_second_level_divisions(geocoder: GazetteerGeocoder, tmp_path: Path) -> None:
    rows = _batch(tmp_path, "geocode", [
        {"id": 1, "name": "Bajaur district"},
        {"id": 2, "name": "Kurram"},  # no town or province has the name: the district
        {"id": 3, "name": "Soum province", "countries": ["BFA"]},
        {"id": 4, "name": "Soum province", "countries": ["NER"]},  # none of that name in Niger
    ])
    assert [(r["country"], r["feature"], r["geonameid"]) for r in rows] == [
        ("PAK", "admin2", 1183781), ("PAK", "admin2", 1172574), ("BFA", "admin2", 2355248),
        (None, None, None)]


def test_geo_cmds_geocode_batch_a_name_at_the_end_of_a_longer_mention(
        geocoder: GazetteerGeocoder, tmp_path: Path) -> None:
    context = "One tanker was seized 20 miles off the coast of Muscat, Oman. Athens, Ga., is far away."
    rows = _batch(tmp_path, "geocode", [
        {"id": 1, "name": "Oman", "context": context},  # not the Muscat of "Muscat, Oman"
        {"id": 2, "name": "Athens", "context": context},  # the mention it begins: Georgia's
        {"id": 3, "name": "九州", "lang": "ja",
         "context": "第7管区(北九州)によると、船が九州北部沖を航行した。"},
    ])
    assert [(r["country"], r["feature"]) for r in rows] == [("OMN", "country"), ("USA", "city"),
                                                            ("JPN", "island")]


def test_geo_cmds_geocode_batch_a_sound_alike_anywhere_only_when_close(
        geocoder: GazetteerGeocoder, tmp_path: Path) -> None:
    rows = _batch(tmp_path, "geocode", [
        {"id": 1, "name": "スリナガル", "lang": "ja"},  # Srinagar: close enough anywhere
        {"id": 2, "name": "ゲデベイ県", "lang": "ja"},  # Gadabay (AZE): no Swedish sound-alike
    ])
    assert [r["country"] for r in rows] == ["IND", None]


def test_geo_cmds_geocode_batch_countries_decide(geocoder: GazetteerGeocoder, tmp_path: Path) -> None:
    rows = _batch(tmp_path, "geocode", [
        {"id": 1, "name": "Athens", "countries": ["USA"]},
        {"id": 2, "name": "Athens"},
    ])
    assert [r["country"] for r in rows] == ["USA", "GRC"]


def test_geo_cmds_geocode_batch_bad_line_names_it(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": 1, "name": "Goris"}\n{"id": 2}\n', encoding="utf-8")
    result = runner.invoke(app, ["geocode", "--batch", str(path)])
    assert result.exit_code != 0
    assert '"id": 1' in result.output  # the lines before the bad one are written
    assert 'line 2 has no "name"' in str(result.exception)


def test_geo_cmds_actors_batch(geocoder: GazetteerGeocoder, tmp_path: Path) -> None:
    rows = _batch(tmp_path, "actors", [
        {"id": 1, "text": "the Mexican National Guard"},
        {"id": 2, "text": "the police", "context": "Protests spread across Kenya after the tax bill passed."},
        {"id": 3, "text": "ミンスクの警察署"},
        {"id": 4, "text": "the weather"},
    ])
    assert [(r["id"], r["code"], r["sector"]) for r in rows] == [
        (1, "MEX", "MIL"), (2, "KEN", "COP"), (3, "BLR", "COP"), (4, None, None)]
    assert set(rows[0]) == {"id", "text", "code", "sector", "name"}


def test_geo_cmds_actors_one_phrase(geocoder: GazetteerGeocoder) -> None:
    result = runner.invoke(app, ["actors", "CIA", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {
        "text": "CIA", "code": "USA", "sector": "SPY", "name": "Central Intelligence Agency"}
