"""Date formats on pages, and what counts as a publication-date line."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwatch.clean.dates import date_only, dateline, find_date
from frontwatch.clean.markers import load_markers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022年 9月 13日", dt.date(2022, 9, 13)),
        ("2022年9月13日(火)", dt.date(2022, 9, 13)),
        ("2022/09/13 21:05", dt.date(2022, 9, 13)),
        ("2022-09-13", dt.date(2022, 9, 13)),
        ("September 13, 2022", dt.date(2022, 9, 13)),
        ("13 Sep 2022", dt.date(2022, 9, 13)),
        ("2022年 2月 30日", None),
        ("国防省は2022年9月13日に発表した", None),
    ],
)
def test_dates_date_only(text: str, expected: dt.date | None) -> None:
    assert date_only(text) == expected


def test_dates_find_date_inside_sentence() -> None:
    assert find_date("国防省は2022年9月13日に発表した") == dt.date(2022, 9, 13)
    assert find_date("no date here") is None


@pytest.mark.parametrize(
    "line",
    ["投稿日:2024年5月1日", "公開日 2024/05/01", "Posted: May 1, 2024", "2024年5月1日 10:30", "※2024-05-01"],
)
def test_dates_dateline_accepts_labelled_dates(line: str) -> None:
    assert dateline(line, load_markers()) == dt.date(2024, 5, 1)


def test_dates_dateline_rejects_attribution_lines() -> None:
    assert dateline("Example Agency さんの投稿 2024年5月1日水曜日", load_markers()) is None
