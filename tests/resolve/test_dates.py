"""Japanese dates resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwatch.resolve.dates import find_dates

PUB = dt.date(2022, 9, 13)


@pytest.mark.parametrize(("text", "iso", "precision"), [
    ("13日深夜に", "2022-09-13", "day"),
    ("12日夜に", "2022-09-12", "day"),
    ("今月12日頃", "2022-09-12", "day"),
    ("昨夜から", "2022-09-12", "day"),
    ("先月28日", "2022-08-28", "day"),
    ("昨年", "2021-01-01", "year"),
    ("20日に", "2022-08-20", "day"),  # after the publication day: the previous month
    ("2020年10月12日", "2020-10-12", "day"),
    ("１２月３１日", "2021-12-31", "day"),  # full-width digits; later than publication: last year
    ("6月に拘束された", "2022-06-01", "month"),  # a month alone: this year's
    ("北京で11月、", "2021-11-01", "month"),  # later in the year than publication: last year's
])
def test_dates_resolve_against_publication(text: str, iso: str, precision: str) -> None:
    (d,) = find_dates(text, PUB)
    assert (d.date, d.precision) == (iso, precision)


def test_dates_periods_are_not_dates() -> None:
    assert find_dates("過去1ヶ月間に3日間", PUB) == []
    assert find_dates("3カ月以内に、6月末まで", PUB)[0].text == "6月末"  # a part of a month, not the month


def test_dates_without_publication_only_full_dates_resolve() -> None:
    assert find_dates("13日に", None)[0].date is None
    assert find_dates("2022年9月13日", None)[0].date == "2022-09-13"


def test_dates_day_after_publication_stays_in_the_month() -> None:
    import datetime as dt

    from frontwatch.resolve.dates import find_dates

    pub = dt.date(2024, 7, 9)
    assert find_dates("10日に抗議した", pub)[0].date == "2024-07-10"
    assert find_dates("12日に抗議した", pub)[0].date == "2024-06-12"


# 2022-09-13 was a Tuesday.
@pytest.mark.parametrize(("text", "iso"), [
    ("23日に砲撃した", "2022-08-23"),
    ("今月1日に砲撃した", "2022-09-01"),
    ("きのう砲撃した", "2022-09-12"),
    ("昨日砲撃した", "2022-09-12"),
    ("おととい砲撃した", "2022-09-11"),
    ("先週金曜夜に砲撃した", "2022-09-09"),
    ("先週の月曜日に砲撃した", "2022-09-05"),
    ("日曜日に砲撃した", "2022-09-11"),
    ("火曜日に砲撃した", "2022-09-13"),
    ("前日に砲撃した", "2022-09-12"),
])
def test_dates_relative_forms(text: str, iso: str) -> None:
    assert [d.date for d in find_dates(text, PUB) if d.date] == [iso]


def test_dates_day_before_the_day_stated() -> None:
    found = find_dates("国防省は10日、前日に砲撃があったと発表し、翌日にも抗議した", PUB)
    assert [d.date for d in found] == ["2022-09-10", "2022-09-09", "2022-09-10"]


def test_dates_month_day_across_the_year_boundary() -> None:
    (d,) = find_dates("10月31日に砲撃した", dt.date(2025, 1, 4))
    assert d.date == "2024-10-31"


def test_dates_relative_forms_need_a_publication_date() -> None:
    found = find_dates("先週金曜夜、今月上旬、23日、きのう", None)
    assert [d.date for d in found] == [None, None, None, None]


def test_dates_day_restated_in_japan_time_is_no_date() -> None:
    found = find_dates("革命防衛隊は現地時間13日夜(日本時間14日早朝)、攻撃を実施した", PUB)
    assert [d.date for d in found] == ["2022-09-13", None]
    assert [d.date for d in find_dates("日本時間12日早朝に発射した", PUB)] == ["2022-09-12"]


@pytest.mark.parametrize(("text", "iso"), [
    ("[北港 12日 ロイター] - 両国の緊張が高まっている。", "2022-09-12"),
    ("［北港　１２日　ロイター］ - 両国の緊張が高まっている。", "2022-09-12"),
    ("【9月11日 AFP】北海軍は南海の哨戒艇を攻撃した。", "2022-09-11"),
    ("[北港 20日 ロイター] - 両国の緊張が高まっている。", "2022-08-20"),  # after publication: last month
    ("【北港共同】北海軍は12日、哨戒艇を攻撃した。", None),  # a dateline without a day
    ("北海軍は12日、哨戒艇を攻撃した。", None),  # no dateline
    ("「12日の攻撃だ」と述べた。", None),
])
def test_dates_wire_dateline_day(text: str, iso: str | None) -> None:
    from frontwatch.resolve.dates import dateline_end, wire_day

    day = wire_day(text, PUB)
    assert (day.isoformat() if day else None) == iso
    if iso is not None:
        assert text[dateline_end(text):].startswith(("両国", "北海"))


@pytest.mark.parametrize("text", [
    "中国海警局の船が尖閣周辺の領海に侵入した。今年5日目",  # the fifth day of intrusions this year
    "今年に入って3回目の弾道ミサイル発射となる",
    "今月２度目の領空侵犯",  # full-width digit
    "2025年4回目の発射",
])
def test_dates_an_ordinal_count_in_a_period_is_no_date(text: str) -> None:
    (d,) = find_dates(text, PUB)
    assert d.date is None and d.precision is None


def test_dates_a_period_without_a_count_still_resolves() -> None:
    (d,) = find_dates("今年は発射が相次いだ", PUB)
    assert (d.date, d.precision) == ("2022-01-01", "year")


def test_dates_days_counted_from_a_stated_day() -> None:
    # the stated day is the first: 2月24日から3日目 is 2月26日
    (d,) = find_dates("2月24日の侵攻開始から3日目、首都に迫った", PUB)
    assert (d.text, d.date, d.precision) == ("2月24日", "2022-02-26", "day")


def test_dates_days_counted_from_an_unstated_start_are_no_date() -> None:
    assert find_dates("侵攻開始から3日目に首都へ迫った", PUB) == []
    assert find_dates("停戦から10日目", PUB) == []


@pytest.mark.parametrize(("text", "iso", "precision"), [
    ("今年2月24日に侵攻を始めた", "2022-02-24", "day"),
    ("昨年12月に発射した", "2021-12-01", "month"),
    ("去年3月の演習", "2021-03-01", "month"),
    ("来年1月に撤退する", "2023-01-01", "month"),
    ("今年3月中旬に砲撃があった", "2022-03-01", "month"),
    ("一昨年12月末に拘束された", "2020-12-01", "month"),
])
def test_dates_year_counted_from_publication_with_month(text: str, iso: str, precision: str) -> None:
    """今年/昨年/来年 + month (and day): the month is stated, not only the year (was year-only)."""
    found = [d for d in find_dates(text, PUB) if d.date]
    assert [(d.date, d.precision) for d in found] == [(iso, precision)]


def test_dates_relative_year_with_month_needs_a_publication_date() -> None:
    assert [d.date for d in find_dates("昨年12月24日に砲撃した", None)] == [None]


@pytest.mark.parametrize(("text", "iso", "precision"), [
    ("19日、車列が襲撃された", "2017-07-19", "day"),
    ("7月3日、車列が襲撃された", "2017-07-03", "day"),
    ("8月3日、車列が襲撃された", "2016-08-03", "day"),  # after the page's month: last year's
    ("今月3日、車列が襲撃された", "2017-07-03", "day"),
    ("先月下旬、車列が襲撃された", "2017-06-01", "month"),
    ("今年2月、車列が襲撃された", "2017-02-01", "month"),
    ("昨日、車列が襲撃された", None, None),  # the day itself is not known
    ("金曜日、車列が襲撃された", None, None),
    ("今朝、車列が襲撃された", None, None),
])
def test_dates_a_page_known_to_its_year_and_month(text: str, iso: str | None, precision: str | None) -> None:
    found = find_dates(text, None, (2017, 7))
    assert [(d.date, d.precision) for d in found] == [(iso, precision)]
    assert [d.date for d in find_dates(text, None)] == [None]  # without the month: nothing


def test_patterns_skipped_without_a_digit_need_one() -> None:
    """find_dates does not search a text with no digit with the patterns of _WITH_DIGITS: each
    holds a \\d outside any optional part, so none matches such a text."""
    from frontwatch.resolve.dates import _PATTERNS, _WITH_DIGITS, find_dates

    texts = ["昨年十二月、今月上旬に先週の月曜日から今年末まで", "一昨日と翌日、先月と来月の半ば",
             "二〇二二年三月五日", "去年の今日"]
    for kind, rx in _PATTERNS:
        if kind in _WITH_DIGITS:
            assert r"\d" in rx.pattern
            assert all(rx.search(t) is None for t in texts), kind
    found = find_dates("先週の月曜日、今月上旬", dt.date(2024, 5, 20))
    assert [d.text for d in found] == ["先週の月曜日", "今月上旬"]
