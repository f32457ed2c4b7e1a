"""Issue 12's kinds on sentences written for these tests: posture, civil war, arrests, background."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from ja_docs import coded_events as _events
from ja_docs import codes as _codes

from frontwatch.ingest import load_documents
from frontwatch.records import Document, Event

pytestmark = pytest.mark.ginza


def _dated(coder: Any, tmp_path: Path, body: str, published: dt.date) -> list[Event]:
    path = tmp_path / "doc.txt"
    path.write_text("国際関連\n\n国際情勢の動き\n\n" + body + "\n", encoding="utf-8")
    docs = [replace(d, published=published) for d in load_documents([str(path)]) if isinstance(d, Document)]
    events: list[Event] = next(iter(coder.code_many(docs)))[1]
    return events


def test_ja_issue12_airspace_violation_is_posture_against_the_owner(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "中国軍の哨戒機が日本の領空を侵犯した。")
    assert [(e.event, _codes(e.actor), _codes(e.recipient)) for e in evs] == [("MOBILIZE", {"CHN"}, {"JPN"})]


def test_ja_issue12_attack_then_a_new_clause_is_still_an_attack(ja_coder: Any, tmp_path: Path) -> None:
    # 攻撃し20人が死亡: the attack verb starts a new clause, it does not describe 死亡
    evs = _events(ja_coder, tmp_path, "ロシア軍がハルキウの住宅地を攻撃し20人が死亡した。")
    attacks = [e for e in evs if e.event == "ASSAULT"]
    assert attacks and _codes(attacks[0].actor) == {"RUS"} and _codes(attacks[0].recipient) == {"UKR"}


def test_ja_issue12_arrest_with_no_doer_is_the_state_where_it_happened(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "上海で日本人の会社員1人が当局に拘束されたという。")
    arrests = [e for e in evs if e.event == "COERCE"]
    assert arrests and _codes(arrests[0].actor) == {"CHN"} and _codes(arrests[0].recipient) == {"JPN"}


def test_ja_issue12_history_recap_is_not_news(ja_coder: Any, tmp_path: Path) -> None:
    body = ("アルメニア軍は1993年にカラバフ周辺の地域を占拠した。"
            "アゼルバイジャン軍は30日、国境付近を砲撃した。")
    evs = _dated(ja_coder, tmp_path, body, dt.date(2025, 6, 1))
    assert [(e.event, _codes(e.actor)) for e in evs] == [("ASSAULT", {"AZE"})]


def test_ja_issue12_a_stance_shown_on_a_future_strike_is_a_threat(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "イスラエル軍はハマスの拠点を空爆した。",
                  "ハマスは「いかなる挑発にも報復する」との立場を示した。")
    threats = [e for e in evs if e.event == "THREATEN"]
    assert threats and _codes(threats[0].actor) == {"PSE"} and _codes(threats[0].recipient) == {"ISR"}
    assert not [e for e in evs if e.event == "ASSAULT" and _codes(e.actor) == {"PSE"}]


def test_ja_issue12_drills_around_a_party_face_it(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "ロシア軍は日本周辺で大規模な軍事演習を始めた。")
    drills = [e for e in evs if e.event == "MOBILIZE"]
    assert drills and _codes(drills[0].actor) == {"RUS"} and _codes(drills[0].recipient) == {"JPN"}


def test_ja_issue12_an_embassy_in_a_country_is_not_that_country_acting(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "在イラクの米国大使館空爆に対する報復として、"
                  "米軍は民兵の拠点を攻撃した。")
    assert not [e for e in evs if "IRQ" in _codes(e.actor)]
