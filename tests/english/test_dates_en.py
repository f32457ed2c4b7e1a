from __future__ import annotations

import datetime as dt

import pytest

from frontwatch.resolve.dates_en import resolve_date

WED = dt.date(2022, 9, 14)  # a Wednesday


@pytest.mark.parametrize(("text", "date", "precision"), [
    ("Troops shelled the town on Tuesday.", "2022-09-13", "day"),
    ("The attack came yesterday.", "2022-09-13", "day"),
    ("Talks were held today.", "2022-09-14", "day"),
    ("It happened on Wednesday.", "2022-09-14", "day"),
    ("They met last Wednesday.", "2022-09-07", "day"),
    ("The clashes began on September 13.", "2022-09-13", "day"),
    ("The deal was signed on 3 March.", "2022-03-03", "day"),
    ("Fighting broke out on December 20.", "2021-12-20", "day"),
    ("The accord of March 3, 2020 collapsed.", "2020-03-03", "day"),
    ("Troops arrived last week.", "2022-09-01", "month"),
    ("Drones hit the port overnight.", "2022-09-14", "day"),
    ("Troops arrived last month after clashes in March.", "2022-08-01", "month"),
    ("Drones hit the port on Monday and again overnight.", "2022-09-12", "day"),
    ("Troops arrived last month.", "2022-08-01", "month"),
    ("Troops arrived in March.", "2022-03-01", "month"),
    ("The border closed last year.", "2021-01-01", "year"),
])
def test_dates_en_resolves_against_publication(text: str, date: str, precision: str) -> None:
    hit = resolve_date(text, WED)
    assert hit is not None
    assert (hit.date, hit.precision) == (date, precision)


def test_dates_en_without_publication_only_full_dates() -> None:
    assert resolve_date("They met on Tuesday.", None) is None
    assert resolve_date("On September 29, Putin offered talks.", None) is None
    hit = resolve_date("On Sept. 29, 1999, Putin offered talks.", None)
    assert hit is not None and hit.date == "1999-09-29"


def test_dates_en_no_expression_is_none() -> None:
    assert resolve_date("Troops shelled the town.", WED) is None


def test_dates_en_overnight_into_is_the_day_before() -> None:
    hit = resolve_date("Drones struck the city overnight into Tuesday.", WED)
    assert hit is not None and hit.date == "2022-09-12"


def test_dates_en_since_is_not_the_event_date() -> None:
    assert resolve_date("Poland has sent aid since 2022.", WED) is None


def test_dates_en_coarse_date_of_an_earlier_event_is_not_the_events() -> None:
    assert resolve_date("Troops shelled posts in revenge for an ambush last month.", WED) is None
    assert resolve_date("Jets kept striking the town despite the rebels retreating to the hills in "
                        "December.", WED) is None
    assert resolve_date("Talks resumed after a pause since March.", WED) is None


def test_dates_en_deadline_is_not_the_event_date() -> None:
    hit = resolve_date("The two sides agreed on Monday that troops will leave by Oct. 1.", WED)
    assert hit is not None and hit.text == "Monday"
    assert resolve_date("Peacekeepers will stay until March 3, 2025.", WED) is None


@pytest.mark.parametrize(("text", "date", "precision"), [
    ("Troops shelled the port on Saturday morning.", "2022-09-10", "day"),
    ("Drones struck the depot Tuesday morning.", "2022-09-13", "day"),
    ("Earlier this month, rebels seized the pass.", "2022-09-01", "month"),
    ("Rebels seized the pass in mid-August.", "2022-08-01", "month"),  # a part of a month: the month
    ("Rebels seized the pass mid-August.", "2022-08-01", "month"),
    ("Rebels seized the pass in mid August.", "2022-08-01", "month"),
    ("Fighting broke out on 22nd Sep, 2021.", "2021-09-22", "day"),
    ("The ministry said on Jan. 23, 2022 that", "2022-01-23", "day"),
])
def test_dates_en_relative_forms_news_uses(text: str, date: str, precision: str) -> None:
    hit = resolve_date(text, WED)
    assert hit is not None and (hit.date, hit.precision) == (date, precision)


def test_dates_en_wire_dateline_day() -> None:
    from frontwatch.resolve.dates_en import wire_day

    hit = wire_day("BEIRUT, Sept 12 (Wire) - Israeli jets struck the suburbs", WED)
    assert hit is not None and hit.date == "2022-09-12"
    hit = wire_day("KYIV, Dec 30 (Wire) - Drones hit the port", dt.date(2023, 1, 2))
    assert hit is not None and hit.date == "2022-12-30"  # across the year boundary
    assert wire_day("BEIRUT, Sept 12 (Wire) - Israeli jets struck", None) is None
    assert wire_day("Israeli jets struck on Sept 12", WED) is None


@pytest.mark.parametrize(("text", "date"), [
    # on a Wednesday page, Thursday is the next day: the page's date lags the story's time zone
    ("As of Thursday morning, 26 aircraft were detected.", "2022-09-15"),
    ("Drones struck the city overnight into Thursday.", "2022-09-14"),
    ("The ministry said ships were detected last Thursday.", "2022-09-08"),
    # two days ahead is the weekday of the week before, as ever
    ("Troops shelled the port on Friday.", "2022-09-09"),
    ("The ministry said on Wednesday that ships were seen.", "2022-09-14"),
])
def test_dates_en_weekday_one_day_after_the_page_is_the_next_day(text: str, date: str) -> None:
    hit = resolve_date(text, WED)
    assert hit is not None and hit.date == date


@pytest.mark.parametrize(("text", "date", "precision"), [
    ("Gunmen ambushed the convoy on July 19.", "2017-07-19", "day"),
    ("Gunmen ambushed the convoy on August 19.", "2016-08-19", "day"),  # after the page's month
    ("Gunmen ambushed the convoy in June.", "2017-06-01", "month"),
    ("Gunmen ambushed the convoy last month.", "2017-06-01", "month"),
])
def test_dates_en_a_page_known_to_its_year_and_month(text: str, date: str, precision: str) -> None:
    hit = resolve_date(text, None, (2017, 7))
    assert hit is not None and (hit.date, hit.precision) == (date, precision)
    assert resolve_date(text, None) is None


@pytest.mark.parametrize("text", ["Gunmen ambushed the convoy on Tuesday.",
                                  "Gunmen ambushed the convoy yesterday.",
                                  "Gunmen ambushed the convoy last week."])
def test_dates_en_a_page_known_to_its_month_needs_the_day_for_relative_days(text: str) -> None:
    assert resolve_date(text, None, (2017, 7)) is None


def test_dates_en_coarse_date_in_an_opening_since_clause_is_the_clauses() -> None:
    text = "Since the defence minister of the north visited the island in early August, patrols grew."
    assert resolve_date(text, WED) is None
    hit = resolve_date("After the talks failed, patrols grew in early August.", WED)
    assert hit is not None and hit.date == "2022-08-01"  # after the comma: the main clause's
    hit = resolve_date("Patrols grew in early August, after the talks failed.", WED)
    assert hit is not None and hit.date == "2022-08-01"
