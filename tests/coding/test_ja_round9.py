"""Japanese rules of the eleventh build (issues 11 and 13: the misses of the even half of the 360
pages 2120-2479): an event day written in the Japanese era, and the place of a summoned envoy.
Sentences written for these tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from ja_docs import coded_events as _events
from ja_docs import codes as _codes

from frontwatch.resolve.dates import find_dates


def test_ja_round9_an_era_date_in_the_body_is_the_events_day() -> None:
    text = "令和7年11月24日(月)午前から午後にかけて、無人機1機が飛来した。"
    found = find_dates(text, dt.date(2025, 11, 25))
    assert [(d.text, d.date, d.precision) for d in found] == [("令和7年11月24日", "2025-11-24", "day")]
    assert [d.date for d in find_dates("平成元年1月8日、", None)] == ["1989-01-08"]
    assert [d.date for d in find_dates("令和元年5月1日に即位した。", None)] == ["2019-05-01"]


@pytest.mark.ginza
def test_ja_round9_an_era_date_dates_the_record(ja_coder: Any, tmp_path: Path) -> None:
    text = "統合幕僚監部によると、令和6年9月23日、ロシアの哨戒機1機が北海道の礼文島北方で領空を侵犯した。"
    evs = [e for e in _events(ja_coder, tmp_path, text) if e.event in ("MOBILIZE", "COERCE", "THREATEN")]
    assert evs and evs[0].date == "2024-09-23"


@pytest.mark.ginza
def test_ja_round9_a_summoned_envoy_is_placed_in_the_summoners_capital(ja_coder: Any, tmp_path: Path) -> None:
    text = "ポーランド外務省は8日、ロシアの臨時代理大使を召喚した。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "ACCUSE"]
    assert hits and _codes(hits[0].actor) == {"POL"} and _codes(hits[0].recipient) == {"RUS"}
    assert [p.name for p in hits[0].event_loc] == ["Warsaw"]
    # a place of the summoning country named in the sentence stands
    text = "ポーランド外務省は8日、ロシアの臨時代理大使をクラクフに召喚した。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "ACCUSE"]
    assert hits and [p.country for p in hits[0].event_loc] == ["POL"] and "Warsaw" not in [
        p.name for p in hits[0].event_loc]
