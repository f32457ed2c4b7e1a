"""Date formats on pages, and what counts as a publication-date line."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwatch.clean.dates import date_only, dateline, find_date, wire_dateline
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
        ("31. 10. 2017", dt.date(2017, 10, 31)),
        ("12月 29, 2024", dt.date(2024, 12, 29)),
        ("18 7月 2019", dt.date(2019, 7, 18)),
        ("Aug 15,2015", dt.date(2015, 8, 15)),
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


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("ODESA, Ukraine, March 16, 2024 (Wire) - Russian forces fired", dt.date(2024, 3, 16)),
        ("WASHINGTON, 3 May 2024 (Agency) - The Pentagon said", dt.date(2024, 5, 3)),
        ("TAIPEI, Oct. 14, 2024 - Chinese ships", dt.date(2024, 10, 14)),
        ("KYIV, April 5 (Wire) - no year here", None),
        ("However, March 3, 2024 was quiet", None),
        ("The ministry said on March 3, 2024 that", None),
    ],
)
def test_dates_wire_dateline(line: str, expected: dt.date | None) -> None:
    assert wire_dateline(line) == expected


def test_dates_wire_dateline_dates_a_plain_story() -> None:
    from frontwatch.clean import parse
    from frontwatch.records import RawDocument

    text = "Strikes hit port\nODESA, Ukraine, March 16, 2024 (Wire) -\nMissiles hit the port on Friday."
    doc = parse(RawDocument(doc_id="w", content=text, content_type="text", source="t"))
    assert doc.published == dt.date(2024, 3, 16) and doc.published_source == "text"
    assert any("Missiles hit" in s.text for s in doc.sections if s.kind == "body")


def test_dates_japanese_wire_dateline_is_yearless() -> None:
    from frontwatch.clean.dates import wire_date

    found = wire_date("【6月16日 AFP】北軍は16日、南軍の陣地を砲撃したと発表した。")
    assert found is not None and (found.month, found.day, found.year) == (6, 16, None)
    assert wire_date("【北都共同】北軍は16日、南軍の陣地を砲撃した。") is None


def test_dates_day_and_month_before_the_year_only_when_unambiguous() -> None:
    assert date_only("22/09/2024") == dt.date(2024, 9, 22)
    assert date_only("09/22/2024 10:05") == dt.date(2024, 9, 22)
    assert date_only("22.09.2024") == dt.date(2024, 9, 22)
    assert date_only("09/10/2024") is None  # September 10 or October 9
