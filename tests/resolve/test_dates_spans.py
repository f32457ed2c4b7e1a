"""Ends of spans, deadlines, parts of months and years naming a thing are no event dates."""

from __future__ import annotations

import datetime as dt

from frontwatch.resolve.dates import find_dates

PUB = dt.date(2025, 3, 12)


def _first(text: str) -> str | None:
    return find_dates(text, PUB)[0].date


def test_dates_end_of_a_span_is_no_date() -> None:
    assert _first("戦闘は11日明け方まで続いた") is None
    assert _first("砲撃は11日未明まで約3時間続いた") is None
    assert _first("部隊は10日夜に攻撃した") == "2025-03-10"


def test_dates_deadline_still_to_come_is_no_date() -> None:
    assert _first("6月30日までに部隊を撤収させることで合意した") is None
    assert _first("3月1日までに部隊を撤収させた") == "2025-03-01"
    assert _first("部隊は10日朝までに撤収した") == "2025-03-10"


def test_dates_part_of_a_month_opening_a_span_is_no_date() -> None:
    assert _first("先月中旬から兵力を集めている") is None
    assert _first("先月5日に演習を行った") == "2025-02-05"


def test_dates_part_of_a_month_is_the_month() -> None:
    for text, iso in (("今月下旬にも演習を行う", "2025-03-01"),
                      ("今月上旬、戦闘機を緊急発進させた", "2025-03-01"),
                      ("先月中旬に演習を行った", "2025-02-01"), ("10月下旬に衝突した", "2024-10-01"),
                      ("2023年5月上旬に衝突した", "2023-05-01")):
        (d,) = find_dates(text, PUB)
        assert (d.date, d.precision) == (iso, "month"), text


def test_dates_year_naming_a_thing_is_no_date() -> None:
    assert _first("2019年の和平合意に違反した") is None
    assert _first("2019年に和平合意を結んだ") == "2019-01-01"


def test_dates_part_of_a_month_is_a_vague_time() -> None:
    from frontwatch.resolve.dates import vague_time

    text = "先月下旬から兵力を集め、先月5日に演習を行った"
    first, second = find_dates(text, PUB)
    assert vague_time(text, first) and not vague_time(text, second)
