"""Japanese rules of the twelfth build (issues 12 and 13: the misses of the even half of the 320
pages 2480-2799): newspaper spellings of event words (だ捕, ら致, けん制), returning fire (応戦,
応射), custody (身柄を確保), drone launches, an intruder named between 領海に and 侵入, the subject
of a relative clause cut by a comma, a weapon named after a place (バルカン砲), and countries the
ISO catalogue names only in their long form (オーストラリア連邦). Sentences written for these tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from ja_docs import coded_events as _events
from ja_docs import codes as _codes

from frontwatch.resolve.place_batch import geocode_batch
from frontwatch.resolve.places import default_geocoder


def _of(evs: list[Any], *kinds: str) -> list[Any]:
    return [e for e in evs if e.event in kinds]


@pytest.mark.ginza
def test_ja_round10_newspaper_spellings_are_the_same_words(ja_coder: Any, tmp_path: Path) -> None:
    text = "イラン革命防衛隊は13日、ホルムズ海峡付近で貨物船をだ捕した。"
    evs = _of(_events(ja_coder, tmp_path, text), "COERCE")
    assert evs and _codes(evs[0].actor) == {"IRN"}
    evs = _of(_events(ja_coder, tmp_path, "北朝鮮の工作員が日本人をら致した。"), "COERCE")
    assert evs and _codes(evs[0].actor) == {"PRK"} and _codes(evs[0].recipient) == {"JPN"}
    evs = _of(_events(ja_coder, tmp_path, "ロシアの外務次官は「相応の対応をとる」とけん制した。"), "THREATEN")
    assert evs and _codes(evs[0].actor) == {"RUS"}


@pytest.mark.ginza
def test_ja_round10_the_subject_of_a_relative_clause_cut_by_a_comma_is_not_the_actor(
        ja_coder: Any, tmp_path: Path) -> None:
    text = "革命防衛隊がイスラエルの実業家が関与する、ポルトガル船籍の貨物船をだ捕した。"
    evs = _of(_events(ja_coder, tmp_path, text), "COERCE")
    assert evs and _codes(evs[0].actor) == {"IRN"}


@pytest.mark.ginza
def test_ja_round10_returning_fire_and_a_weapon_named_after_a_place(ja_coder: Any, tmp_path: Path) -> None:
    evs = _of(_events(ja_coder, tmp_path, "北朝鮮軍が砲撃し、韓国軍はバルカン砲で応射した。"), "ASSAULT")
    said = [e for e in evs if _codes(e.actor) == {"KOR"}]
    assert said and "応射" in said[0].explanation.trigger
    assert all(p.country != "TKM" for e in evs for p in e.event_loc)  # not Balkan Province
    evs = _of(_events(ja_coder, tmp_path, "韓国軍が応戦し、双方で交戦となった。"), "ASSAULT")
    assert evs


@pytest.mark.ginza
def test_ja_round10_drones_launched_at_a_country_and_custody(ja_coder: Any, tmp_path: Path) -> None:
    evs = _of(_events(ja_coder, tmp_path, "イランがイスラエルに向けて無人機を発射した。"), "ASSAULT")
    assert evs and _codes(evs[0].actor) == {"IRN"} and _codes(evs[0].recipient) == {"ISR"}
    evs = _of(_events(ja_coder, tmp_path, "韓国軍は越境した北朝鮮兵士の身柄を確保した。"), "COERCE")
    assert evs and _codes(evs[0].actor) == {"KOR"} and _codes(evs[0].recipient) == {"PRK"}


@pytest.mark.ginza
def test_ja_round10_an_intruder_named_between_territorial_waters_and_entering(
        ja_coder: Any, tmp_path: Path) -> None:
    text = "尖閣諸島沖の領海に中国海警局の船4隻が相次いで侵入した。"
    evs = _events(ja_coder, tmp_path, text)
    assert [e.event for e in evs] == ["COERCE"] and _codes(evs[0].actor) == {"CHN"}
    # on land, 侵入 stays an attack
    evs = _events(ja_coder, tmp_path, "ロシア軍がウクライナ北部に侵入した。")
    assert [e.event for e in evs] == ["ASSAULT"]


def test_ja_round10_countries_the_catalogue_names_in_their_long_form() -> None:
    names = ["オーストラリア", "豪州", "モンゴル", "エリトリア", "アラブ首長国連邦"]
    lines = [json.dumps({"id": n, "name": n, "lang": "ja"}, ensure_ascii=False) for n in names]
    got = {r["id"]: (r["country"], r["feature"]) for r in geocode_batch(lines, default_geocoder())}
    assert got == {"オーストラリア": ("AUS", "country"), "豪州": ("AUS", "country"),
                   "モンゴル": ("MNG", "country"), "エリトリア": ("ERI", "country"),
                   "アラブ首長国連邦": ("ARE", "country")}


def test_ja_round10_next_week_and_next_month_are_ahead() -> None:
    import datetime as dt

    from frontwatch.resolve.dates import find_dates

    pub = dt.date(2025, 3, 7)
    assert [d.date for d in find_dates("合同演習を来週10日から行うと発表した。", pub)] == ["2025-03-10"]
    assert [d.date for d in find_dates("来月5日に実施する。", pub)] == ["2025-04-05"]
    assert [d.date for d in find_dates("来月5日に実施する。", dt.date(2025, 12, 20))] == ["2026-01-05"]
    assert [d.date for d in find_dates("10日に行った。", pub)] == ["2025-02-10"]  # a bare day is past


@pytest.mark.ginza
def test_ja_round10_a_speaker_named_with_a_group_noun_reports_its_own_act(
        ja_coder: Any, tmp_path: Path) -> None:
    text = "イエメンのフーシ派武装勢力は、アデン湾で米軍の貨物船を攻撃したと発表した。"
    evs = _of(_events(ja_coder, tmp_path, text), "ASSAULT")
    assert evs and _codes(evs[0].actor) == {"YEM"} and evs[0].factuality == "claimed"
    assert [p.name for p in evs[0].event_loc] == ["Gulf of Aden"]


@pytest.mark.ginza
def test_ja_round10_the_struck_place_named_outside_the_acts_clause(ja_coder: Any, tmp_path: Path) -> None:
    text = "東部ドネツク州の知事は22日、同州の集落がロシア軍の砲撃を受け、1人が死亡したと明らかにした。"
    evs = _of(_events(ja_coder, tmp_path, text), "ASSAULT")
    assert evs and _codes(evs[0].actor) == {"RUS"} and _codes(evs[0].recipient) == {"UKR"}


@pytest.mark.ginza
def test_ja_round10_a_countrys_company_and_the_okinawa_coast_guard(ja_coder: Any, tmp_path: Path) -> None:
    text = "英企業は声明で「航行の自由に対する重大な侵害だ」と非難した。"
    evs = _of(_events(ja_coder, tmp_path, text), "ACCUSE")
    assert evs and [(e.code, e.sector) for e in evs[0].actor] == [("GBR", "BUS")]
    evs = _of(_events(ja_coder, tmp_path, "11管の巡視船が領海から退去するよう警告した。"), "THREATEN")
    assert evs and [(e.code, e.sector) for e in evs[0].actor] == [("JPN", "COP")]


@pytest.mark.ginza
def test_ja_round10_japans_officials_named_by_post_alone(ja_coder: Any, tmp_path: Path) -> None:
    text = "山田事務次官は同日、中国の臨時代理大使を同省に呼んで抗議した。"
    evs = _of(_events(ja_coder, tmp_path, text), "ACCUSE")
    assert evs and _codes(evs[0].actor) == {"JPN"} and _codes(evs[0].recipient) == {"CHN"}
    text = "鈴木アジア大洋州局長は北京の大使館ルートを通じて北朝鮮に抗議した。"
    evs = _of(_events(ja_coder, tmp_path, text), "ACCUSE")
    assert evs and _codes(evs[0].actor) == {"JPN"} and _codes(evs[0].recipient) == {"PRK"}
