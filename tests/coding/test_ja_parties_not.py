"""Countries a Japanese sentence names without making them parties (issue 12, the census of the
unseen pages 700-857): a neighbour named only to say where a place lies, the bureau's city of a
wire credit, a source (Xの情報として). Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ja_docs import coded_events as _events
from ja_docs import codes as _codes

from frontwatch.coding.ja.syntax import credit_spans, without_credits

pytestmark = pytest.mark.ginza


def test_a_wire_credit_is_found_anywhere_and_blanked() -> None:
    text = "地図【ナイロビ共同】マリ中部で3日、…。[カイロ 5日 ロイター] - …（台北中央社）…"
    spans = credit_spans(text)
    assert [text[a:b] for a, b in spans] == ["【ナイロビ共同】", "[カイロ 5日 ロイター]", "（台北中央社）"]
    blank = without_credits(text)
    assert len(blank) == len(text) and "ナイロビ" not in blank and "マリ中部" in blank


def test_a_neighbour_named_to_place_a_province_is_no_target(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "コロンビアの和平は遠い。",
                  "エクアドルと国境を接する南部のナリーニョ県で8日、軍の部隊がFARCの残党に襲撃され、兵士5人が死亡した。")
    hits = [e for e in evs if e.event == "ASSAULT"]
    assert hits and _codes(hits[0].actor) == {"COL"} and _codes(hits[0].recipient) == {"COL"}


def test_a_village_near_a_neighbours_border_is_attacked_at_home(ja_coder: Any, tmp_path: Path) -> None:
    text = "マリで2日夜、ブルキナファソとの国境近くにある中部の村が武装集団に襲われ、住民30人が死亡した。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "ASSAULT"]
    assert hits and _codes(hits[0].recipient) == {"MLI"}


def test_the_city_of_a_wire_credit_is_no_place_or_party(ja_coder: Any, tmp_path: Path) -> None:
    text = "地図【ナイロビ共同】マリ中部で3日、武装勢力が村を襲撃し、住民20人が死亡した。"
    evs = _events(ja_coder, tmp_path, text)
    hits = [e for e in evs if e.event == "ASSAULT"]
    assert hits and _codes(hits[0].recipient) == {"MLI"}
    assert all(p.country != "KEN" for p in hits[0].event_loc)


def test_a_source_named_with_jouhou_toshite_is_not_the_target(ja_coder: Any, tmp_path: Path) -> None:
    text = "海上保安庁は5日、防衛省の情報として、北朝鮮から弾道ミサイルが発射されたと発表した。"
    evs = _events(ja_coder, tmp_path, text)
    assert [e.event for e in evs] == ["MOBILIZE"]
    assert _codes(evs[0].actor) == {"PRK"} and not evs[0].recipient


def test_an_army_that_intercepts_is_not_the_attacker(ja_coder: Any, tmp_path: Path) -> None:
    text = "声明によると、無人機3機が北部の空軍基地を攻撃し、スーダン軍は対空砲で迎撃した。"
    assert not [e for e in _events(ja_coder, tmp_path, text) if e.event == "ASSAULT"]


def test_a_defender_telling_its_own_shoot_down_keeps_it(ja_coder: Any, tmp_path: Path) -> None:
    text = "ロシア国防省は20日、西部の州の上空で無人機10機を撃墜したと発表した。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "ASSAULT"]
    assert hits and _codes(hits[0].actor) == {"RUS"}


def test_the_owner_of_a_source_is_no_side_of_the_clash(ja_coder: Any, tmp_path: Path) -> None:
    text = "アルメニア側のメディアの情報によれば、国境で起きた衝突で兵士3人が死亡した。"
    assert not [e for e in _events(ja_coder, tmp_path, text) if e.event == "ASSAULT"]
