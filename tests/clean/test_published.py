"""The publication date on hand-written page layouts: every form the issue lists, and the
choice of the page's own date over event dates, related lists and comments. All text is ours."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwatch.clean import NO_DATE, parse
from frontwatch.clean.url_date import url_date, url_month
from frontwatch.records import Document, RawDocument

READ_ON = dt.date(2026, 1, 10)  # the day these pages were "read": later dates are refused
LEAD = "北海軍の哨戒艇が南海の哨戒艇と海峡の中央付近で衝突したと両国の海軍が発表した。"
EN_HEAD = "Patrol boats collide in the strait"
EN_LEAD = "Patrol boats of the two navies collided near the middle of the strait, both navies said."


def _doc(text: str, url: str | None = None, **kw: object) -> Document:
    raw = RawDocument(doc_id="t", content=text, content_type="text", source="t.txt", url=url, **kw)  # type: ignore[arg-type]
    return parse(raw, today=READ_ON)


@pytest.mark.parametrize(("page", "expected"), [
    # a date line before the headline
    (f"2016/09/19\n海峡で哨戒艇が衝突\n{LEAD}\n", dt.date(2016, 9, 19)),
    # a date line after the headline, with weekday and time
    (f"海峡で哨戒艇が衝突\n2022.12.13(火) 10:30\n{LEAD}\n", dt.date(2022, 12, 13)),
    (f"海峡で哨戒艇が衝突\n2023年3月14日\n{LEAD}\n", dt.date(2023, 3, 14)),
    (f"海峡で哨戒艇が衝突\n2024 年 9 月 03 日\n{LEAD}\n", dt.date(2024, 9, 3)),
    (f"海峡で哨戒艇が衝突\n２０２４年９月３日　１０時５分\n{LEAD}\n", dt.date(2024, 9, 3)),
    # 和暦
    (f"海峡で哨戒艇が衝突\n令和6年9月3日\n{LEAD}\n", dt.date(2024, 9, 3)),
    (f"大臣会見記録\n(平成29年2月12日(日曜日)10時20分 於:本省会見室)\n{LEAD}\n", dt.date(2017, 2, 12)),
    (f"海峡で哨戒艇が衝突\n令和元年5月7日 配信\n{LEAD}\n", dt.date(2019, 5, 7)),
    # 配信 / 更新 / 公開 lines, bylines
    (f"海峡で哨戒艇が衝突\n9/3(火) 10:05配信\n2024/9/3 10:05 配信 北海通信\n{LEAD}\n", dt.date(2024, 9, 3)),
    (f"海峡で哨戒艇が衝突\n公開日：2024/09/03 更新日：2024/09/05\n{LEAD}\n", dt.date(2024, 9, 3)),
    (f"海峡で哨戒艇が衝突\n更新：2024年9月5日 8時00分\n{LEAD}\n", dt.date(2024, 9, 5)),
    (f"海峡で哨戒艇が衝突\n2025-08-09 14:03\n{LEAD}\n", dt.date(2025, 8, 9)),
    (f"海峡で哨戒艇が衝突(2022年2月7日)\n{LEAD}\n", dt.date(2022, 2, 7)),
    (f"date 2025-12-18 海峡で哨戒艇が衝突\n{LEAD}\n", dt.date(2025, 12, 18)),
    # English forms
    (f"{EN_HEAD}\n31 May 2020\n{EN_LEAD}\n", dt.date(2020, 5, 31)),
    (f"{EN_HEAD}\nNovember 05, 2014\n{EN_LEAD}\n", dt.date(2014, 11, 5)),
    (f"{EN_HEAD}\n19 Settembre 2025\n{EN_LEAD}\n", dt.date(2025, 9, 19)),  # another language's month
    (f"{EN_HEAD}\n22nd Sep, 2024\n{EN_LEAD}\n", dt.date(2024, 9, 22)),
    (f"{EN_HEAD}\nBy Ann Example | Published: Jan. 23, 2024, 10:05 AM\n{EN_LEAD}\n",
     dt.date(2024, 1, 23)),
    (f"{EN_HEAD}\nUpdated: Sept 22, 2024 08:10 GMT\n{EN_LEAD}\n", dt.date(2024, 9, 22)),
    (f"{EN_HEAD}\nSource: Example Wire | 2018-03-31 03:25:04 | Editor: x\n{EN_LEAD}\n",
     dt.date(2018, 3, 31)),
    (f"{EN_HEAD}\nBy Ann Example 2013-10-24\n{EN_LEAD}\n", dt.date(2013, 10, 24)),
    (f"Patrol boats collide\nThursday, March 14, 2024\n{EN_LEAD}\n", dt.date(2024, 3, 14)),
    (f"{EN_HEAD}\nSun 22 Sep 2024 10.05 BST\n{EN_LEAD}\n", dt.date(2024, 9, 22)),
    (f"{EN_HEAD}\nLast Updated : 22 Sep, 2024 10:05 PM IST\n{EN_LEAD}\n", dt.date(2024, 9, 22)),
    (f"{EN_HEAD}\nSeptember 22, 20245:03 PM GMT+3Updated 2 hours ago\n{EN_LEAD}\n", dt.date(2024, 9, 22)),
    (f"{EN_HEAD}\nPosted on September 22, 2024 by admin\n{EN_LEAD}\n", dt.date(2024, 9, 22)),
    (f"{EN_HEAD}\nPress Release 22 September 2024\n{EN_LEAD}\n", dt.date(2024, 9, 22)),
    (f"海峡で哨戒艇が衝突\n[2024年9月3日10時5分]\n{LEAD}\n", dt.date(2024, 9, 3)),
    (f"海峡で哨戒艇が衝突\n報道発表 令和6年9月22日\n{LEAD}\n", dt.date(2024, 9, 22)),
    # a wire dateline that prints its year
    ("Patrol boats collide\nNORTHPORT, March 16, 2024 (Wire) - Patrol boats collided on Friday.\n",
     dt.date(2024, 3, 16)),
    # a footer, or the date closing the story
    (f"海峡で哨戒艇が衝突\n{LEAD}（2024/09/03-10:05）\n", dt.date(2024, 9, 3)),
    (f"海峡で哨戒艇が衝突\n{LEAD}\n両国は協議を続ける方針だ。\n投稿日:2024年5月1日\n", dt.date(2024, 5, 1)),
    # a forum thread: the first post's header
    ("1: 名無し 2025/11/15(土)17:04:07.61 ID:abcd 海峡で哨戒艇が衝突したらしい。\n"
     "2: 名無し 2025/11/16(日)09:00:00.00 ID:efgh 本当か。\n", dt.date(2025, 11, 15)),
    ("1 名無しさん＠お腹いっぱい。 2024/09/22(日) 10:05:12.34 ID:abc\n哨戒艇が衝突した。\n",
     dt.date(2024, 9, 22)),
    (f"{EN_HEAD}\nPublished On 22 Sep 202422 Sep 2024\n{EN_LEAD}\n", dt.date(2024, 9, 22)),
    ("海峡で哨戒艇が衝突\n1 ：名無しさん：05/02/26 03:07:52 ID:abcd\n哨戒艇が衝突した。\n",
     dt.date(2005, 2, 26)),
    # a head date: the headline and its date on one line, spaced or glued, with a time
    (f"海峡で哨戒艇が衝突=乗員3人けが 2025年07月24日 12時49分\n{LEAD}\n", dt.date(2025, 7, 24)),
    (f"海峡で哨戒艇が衝突\n海峡の緊張高まる、哨戒艇が衝突2025/11/13 00:03\n{LEAD}\n", dt.date(2025, 11, 13)),
    (f"{EN_HEAD} | Example Times March 5, 2024 10:05 AM\n{EN_LEAD}\n", dt.date(2024, 3, 5)),
    # a page read as one line: site, breadcrumbs and headline, a stamped date, then the story
    (f"北海ニュース | 国際 > 海峡で哨戒艇が衝突 乗員3人けが | 北海日報 投稿日:2025年3月19日 {LEAD}\n",
     dt.date(2025, 3, 19)),
    (f"海峡で哨戒艇が衝突 速報 2025/02/16 18:28 拡大する {LEAD}\n", dt.date(2025, 2, 16)),
    (f"海峡で哨戒艇が衝突 2025年2月16日 {LEAD}\n", dt.date(2025, 2, 16)),
    (f"{EN_HEAD} Published: March 5, 2024 {EN_LEAD}\n", dt.date(2024, 3, 5)),
    (f"海峡で哨戒艇が衝突 最終更新日：2024年3月5日 {LEAD}\n", dt.date(2024, 3, 5)),
    # the outlet and the date ending a short line; a date line in tag brackets; dots put the day first
    (f"海峡で哨戒艇が衝突\n北海新聞 2024年03月05日\n{LEAD}\n", dt.date(2024, 3, 5)),
    (f"{EN_HEAD}\nThe Example Times, March 5, 2024\n{EN_LEAD}\n", dt.date(2024, 3, 5)),
    (f"海峡で哨戒艇が衝突\n【2024年3月5日】\n{LEAD}\n", dt.date(2024, 3, 5)),
    (f"{EN_HEAD}\nExample Times | 05.03.2024\n{EN_LEAD}\n", dt.date(2024, 3, 5)),
    # one-line pages: a time after a separator, a label with "on", a blog byline, a bracket label
    (f"{EN_HEAD} September 3, 2015 / 10:05 AM / 8 years ago {EN_LEAD}\n", dt.date(2015, 9, 3)),
    (f"{EN_HEAD} Sep 03, 2015 | 10:05 PM IST {EN_LEAD}\n", dt.date(2015, 9, 3)),
    (f"{EN_HEAD} Published on 3 September 2015 {EN_LEAD}\n", dt.date(2015, 9, 3)),
    (f"{EN_HEAD} Posted by admin on September 3, 2015 at 10:05 am {EN_LEAD}\n", dt.date(2015, 9, 3)),
    (f"{EN_HEAD} Staff Writer · September 3, 2015 {EN_LEAD}\n", dt.date(2015, 9, 3)),
    (f"海峡で哨戒艇が衝突 【更新】2015年9月3日 {LEAD}\n", dt.date(2015, 9, 3)),
    # day and month that could be either way round, told apart by the weekday printed beside them
    (f"{EN_HEAD}\nThursday, 01/05/2023\n{EN_LEAD}\n", dt.date(2023, 1, 5)),
    (f"{EN_HEAD}\nExample Times | 01/05/2023 (Mon)\n{EN_LEAD}\n", dt.date(2023, 5, 1)),
    # the date of the paper a page translates: 付 ("dated") and the paper's name
    (f"海峡で哨戒艇が衝突\n2015年07月26日付 北海新聞\n{LEAD}\n", dt.date(2015, 7, 26)),
    # a slash between the day and the time (a regional paper's stamp)
    (f"海峡で哨戒艇が衝突\n2025/02/02/06:46\n{LEAD}\n", dt.date(2025, 2, 2)),
    # a page read as one line: headline, date and time, then the byline with no space
    (f"海峡で哨戒艇が衝突 北海軍2021/10/19 10:43北海太郎国際{LEAD}\n", dt.date(2021, 10, 19)),
    # a CMS's 作成日 label inside breadcrumbs, an underscore after the date; a writer glued to it
    (f"海峡で哨戒艇が衝突\nニュース 国際 作成日:2025年3月24日_記事番号:T001\n{LEAD}\n", dt.date(2025, 3, 24)),
    (f"海峡で哨戒艇が衝突\n執筆者:北海太郎2015年7月19日\n{LEAD}\n", dt.date(2015, 7, 19)),
    # a desk's or writer's name alone before the date
    (f"{EN_HEAD}\nNews Desk October 04, 2017\n{EN_LEAD}\n", dt.date(2017, 10, 4)),
    # the site's name or domain before the date, set apart by a dash or a space
    (f"{EN_HEAD}\nExample News - May 28th, 2021\n{EN_LEAD}\n", dt.date(2021, 5, 28)),
    (f"海峡で哨戒艇が衝突\nexample.com 2025/09/28\n{EN_LEAD}\n", dt.date(2025, 9, 28)),
    # a wire dateline with the city in title case and the agency in brackets
    (f"{EN_HEAD}\nPortville, 23 August 2023 (EXA): {EN_LEAD}\n", dt.date(2023, 8, 23)),
    # WordPress in its Japanese locale: a month "12月" inside an English date format
    (f"海峡で哨戒艇が衝突\n12月 29, 2024\n{LEAD}\n", dt.date(2024, 12, 29)),
    (f"海峡で哨戒艇が衝突\n6月 18, 2020 19:18 Asia/Tokyo\n{LEAD}\n", dt.date(2020, 6, 18)),
    (f"海峡で哨戒艇が衝突\n18 7月 2019\n{LEAD}\n", dt.date(2019, 7, 18)),
    # day and month with dots and spaces after the site's name and a bar
    (f"海峡で哨戒艇が衝突\nexample.co.jp |31. 10. 2017\n{LEAD}\n", dt.date(2017, 10, 31)),
    # a byline whose comma before the year has no space after it
    (f"{EN_HEAD}\nBy Example Wire - Aug 15,2015 - Last updated at Aug 15,2015\n{EN_LEAD}\n",
     dt.date(2015, 8, 15)),
    # a yearless Japanese dateline after a photo's caption, its year from the caption's date
    (f"哨戒艇が戻った港(2023年12月4日撮影)。(c)EXAMPLE 【12月5日 EXA】{LEAD}\n", dt.date(2023, 12, 5)),
    # a slash and a weekday after the date; an outlet's name in 「」 before it, as a footer credit
    (f"海峡で哨戒艇が衝突\n2024/01/20/Sat\n{LEAD}\n", dt.date(2024, 1, 20)),
    (f"海峡で哨戒艇が衝突\n{LEAD}\n「北海新聞日本語版」2014年9月11日\n", dt.date(2014, 9, 11)),
])
def test_published_printed_forms(page: str, expected: dt.date) -> None:
    doc = _doc(page)
    assert (doc.published, doc.published_source) == (expected, "text")


@pytest.mark.parametrize("line", [
    "On Tuesday, March 5 (local time) the army said it had fired.",  # no city before the date
    "Portville, March 5 (local time) - a statement",  # brackets that hold no agency
])
def test_published_title_case_wire_needs_a_city_and_an_agency(line: str) -> None:
    assert _doc(f"{EN_HEAD}\n{line}\n{EN_LEAD}\n").published is None


def test_published_date_lines_are_neither_title_nor_body() -> None:
    doc = _doc(f"2016/09/19\n海峡で哨戒艇が衝突\n2016/09/19 10:00 更新\n{LEAD}\n")
    assert doc.title == "海峡で哨戒艇が衝突"
    assert doc.body == [LEAD]
    doc = _doc(f"date 2025-12-18 海峡で哨戒艇が衝突\n{LEAD}\n")
    assert doc.title == "海峡で哨戒艇が衝突"
    doc = _doc(f"海峡で哨戒艇が衝突(2022年2月7日)\n{LEAD}\n")
    assert doc.title == "海峡で哨戒艇が衝突"


def test_published_head_date_cuts_a_one_line_page_into_headline_and_story() -> None:
    site = "北海ニュース | 国際 > 海峡で哨戒艇が衝突 乗員3人けが | 北海日報"
    doc = _doc(f"{site} - 投稿日:2025年3月19日 {LEAD}\n")
    assert doc.title == "北海ニュース | 国際 > 海峡で哨戒艇が衝突 乗員3人けが | 北海日報"
    assert doc.body == [LEAD]
    doc = _doc(f"海峡で哨戒艇が衝突=乗員3人けが 2025年07月24日 12時49分\n{LEAD}\n")
    assert (doc.title, doc.body) == ("海峡で哨戒艇が衝突=乗員3人けが", [LEAD])
    for stamp in ("【更新】2015年9月3日", "Posted by admin on September 3, 2015"):
        assert _doc(f"{EN_HEAD} {stamp} {EN_LEAD}\n").title == EN_HEAD


@pytest.mark.parametrize("page", [
    # a sentence's date, even with a time after it
    f"{LEAD}国防省は2024年5月1日 10:00の声明で接近を認めた\n",
    f"海峡で哨戒艇が衝突 国防省は2024年5月1日 10:00 声明を出した\n{LEAD}\n",
    f"{EN_HEAD} The navy said the boats collided on March 3, 2024 at 10:05 near the strait.\n",
    f"{EN_HEAD} Boats collided on March 3, 2024 10:05 near the strait, the navy said.\n",
    # an English date with neither a label nor a time: an event's as often as the page's
    f"{EN_HEAD} March 3, 2024 {EN_LEAD}\n",
    f"{EN_HEAD}\nTalks resumed March 5, 2024\n{EN_LEAD}\n",
    f"Talks to resume on March 5, 2024\n{EN_LEAD}\n",
    f"{EN_HEAD}\nExample Times | 05/03/2024\n{EN_LEAD}\n",  # slashes: day or month first, who knows
    # under the story's first paragraph, headlines with their dates are a list of other articles
    f"海峡で哨戒艇が衝突\n{LEAD}\n北海軍が新型艇を披露 2024/03/30 10:00 海峡の警備を強化 2024/03/29 09:00\n",
])
def test_published_head_date_is_not_an_event_date_or_a_list(page: str) -> None:
    assert _doc(page).published is None


@pytest.mark.parametrize(("line", "expected"), [
    ("Saturday, 03/04/2023", dt.date(2023, 3, 4)),  # April 3, 2023 was a Monday
    ("Monday, 03/04/2023", dt.date(2023, 4, 3)),
    ("Sunday, 06/06/2021", dt.date(2021, 6, 6)),  # the same day either way round
    ("06/06/2021", dt.date(2021, 6, 6)),
])
def test_published_weekday_tells_day_and_month_apart(line: str, expected: dt.date | None) -> None:
    assert _doc(f"{EN_HEAD}\n{line}\n{EN_LEAD}\n").published == expected


def test_published_weekday_fitting_neither_reading_is_refused_with_the_reason() -> None:
    doc = _doc(f"{EN_HEAD}\nTuesday, 01/05/2023\n{EN_LEAD}\n")  # January 5 a Thursday, May 1 a Monday
    assert doc.published is None
    assert doc.published_source is not None and "another day's" in doc.published_source


def test_published_embedded_post_date_is_the_last_choice() -> None:
    tweet = "Patrol boats collide in the strait https://t.co/x — Example News (@example_news) 2024年4月8日"
    page = f"海峡で哨戒艇が衝突\n{tweet}\n— 北海ニュース (@hokkai) 2024年4月7日\n{LEAD}\n"
    doc = _doc(page, url="https://example.org/entry/2024/04/09/120000")
    assert (doc.published, doc.published_source) == (dt.date(2024, 4, 9), "url")  # not the posts' days
    assert not any("@hokkai" in line for line in doc.body)  # the signature is no body sentence
    doc = _doc(page)
    assert (doc.published, doc.published_source) == (dt.date(2024, 4, 7), "text")  # the earliest post
    doc = _doc(f"海峡で哨戒艇が衝突\n2024年4月10日\n{page}")
    assert doc.published == dt.date(2024, 4, 10)  # the page's own date line first


def test_published_wire_dateline_year_from_the_url() -> None:
    page = "Patrol boats collide\nBEIRUT, Sept 22 (Reuters) - Patrol boats collided on Friday.\n"
    doc = _doc(page, url="https://example.org/world/2024/09/")
    assert doc.published is None  # a month is no day, and the dateline prints no year: nothing to anchor
    doc = _doc(page, url="https://example.org/news/20240923/boats.html")
    assert (doc.published, doc.published_source) == (dt.date(2024, 9, 22), "text")
    assert _doc(page).published is None  # no year anywhere: no date


@pytest.mark.parametrize(("url", "expected"), [
    (None, None),  # no year anywhere
    ("https://archive.example/20240320/example.org/news/a.html", dt.date(2024, 3, 18)),  # a copy's date
    ("https://example.org/news/20240318/a.html", dt.date(2024, 3, 18)),
    ("https://example.org/news/20240101/a.html", dt.date(2024, 1, 1)),  # too far apart: the URL's
])
def test_published_yearless_header_date_takes_the_year_of_the_url(url: str | None,
                                                                   expected: dt.date | None) -> None:
    for header in ("海峡で哨戒艇が衝突(北海テレビ) 3/18(月) 9:22 配信", "海峡で哨戒艇が衝突3月18日 9時22分"):
        doc = _doc(f"{header}\n{LEAD}\n", url=url)
        assert doc.published == expected
        if expected is not None:
            assert doc.published_source == ("text" if expected.day == 18 else "url")


def test_published_photo_caption_with_a_time_is_the_last_choice() -> None:
    caption = "会見する北海軍の報道官=北海市で2024年4月8日午後4時47分、北海太郎撮影"
    doc = _doc(f"海峡で哨戒艇が衝突\n{caption}\n{LEAD}\n")
    assert (doc.published, doc.published_source) == (dt.date(2024, 4, 8), "caption")
    assert caption not in doc.body
    doc = _doc(f"海峡で哨戒艇が衝突\n{caption}\n{LEAD}\n", url="https://example.org/20240409/a.html")
    assert (doc.published, doc.published_source) == (dt.date(2024, 4, 9), "url")  # the URL's first
    doc = _doc(f"海峡で哨戒艇が衝突\n2024年4月9日\n{caption}\n{LEAD}\n")
    assert (doc.published, doc.published_source) == (dt.date(2024, 4, 9), "text")  # the page's own first
    for other in ("会見する北海軍の報道官=北海市で2024年4月8日、北海太郎撮影",  # no time: any day's photo
                  "会見する北海軍の報道官=2021年4月8日午後4時、北海太郎撮影（資料写真）"):
        assert _doc(f"海峡で哨戒艇が衝突\n{other}\n{LEAD}\n").published is None


def test_published_page_date_over_body_related_and_comments() -> None:
    page = (f"海峡で哨戒艇が衝突\n2024年5月3日\n国防省は2024年5月1日に{LEAD}\n"
            "関連記事\n\n  1. 海峡で漁船が拿捕\n     2024年4月2日\n\n"
            "コメント\n\n  • 読者\n  • 2024年 4月 1日\n\n  長い。\n")
    doc = _doc(page)
    assert (doc.published, doc.published_source) == (dt.date(2024, 5, 3), "text")
    assert _doc(f"海峡で哨戒艇が衝突\n国防省は2024年5月1日の声明で{LEAD}\n").published is None


def test_published_body_lines_with_dates_are_neither_dates_nor_furniture() -> None:
    wrapped = ("Patrol boats collide\nTen sailors were hurt when the boats collided on March 3, 2024\n"
               "near the middle of the strait, both navies said.\n")
    doc = _doc(wrapped)
    assert doc.published is None
    assert doc.body == ["Ten sailors were hurt when the boats collided on March 3, 2024 "
                        "near the middle of the strait, both navies said."]
    doc = _doc("海峡で哨戒艇が衝突\n12日、国防省は2024年5月1日 10:00の声明で接近を認めた\n")
    assert doc.published is None and len(doc.body) == 1


def test_published_list_of_dated_articles_after_the_story_is_not_its_date() -> None:
    listed = "海峡で漁船が拿捕 | 2024/04/02\n北海軍が新型艇を公開 | 2024/03/30\n"
    assert _doc(f"海峡で哨戒艇が衝突\n{LEAD}\n{listed}").published is None
    dated = f"海峡で哨戒艇が衝突\n2024年5月3日\n{LEAD}\n{listed}"
    assert _doc(dated).published == dt.date(2024, 5, 3)


def test_published_site_clock_over_the_masthead_gives_way_to_the_story_date_line() -> None:
    clock = "Tuesday, July 1, 2025\nExample Review\n  • Home\n  • World\n"
    assert _doc(f"{clock}\n{EN_HEAD}\n\nJuly 23, 2022\n{EN_LEAD}\n").published == dt.date(2022, 7, 23)
    assert _doc(f"2025年6月22日(日)\n\n北海新聞\n\n2025年6月7日\n\n{LEAD}\n").published == dt.date(2025, 6, 7)
    # a blog's date header over its post stays the date: a source it quotes is not a date line
    quoted = f"Tuesday, April 05, 2011\n{EN_HEAD}\nExample Wire, April 4, 2011\n{EN_LEAD}\n"
    assert _doc(quoted).published == dt.date(2011, 4, 5)
    # the clock alone, or a date line after it that is not earlier, is kept
    assert _doc(f"Tuesday, July 1, 2025\n{EN_HEAD}\n{EN_LEAD}\n").published == dt.date(2025, 7, 1)
    later = f"{EN_HEAD}\nJuly 23, 2022\nTuesday, July 1, 2025\n{EN_LEAD}\n"
    assert _doc(later).published == dt.date(2022, 7, 23)


def test_published_name_and_dash_before_a_date_inside_a_sentence_is_no_byline() -> None:
    assert _doc(f"{EN_HEAD}\n{EN_LEAD}\nThe Example News - fired on May 28th, 2021\n").published is None


def test_published_wordpress_japanese_locale_dates_in_a_sentence_are_not_taken() -> None:
    assert _doc(f"海峡で哨戒艇が衝突\n{LEAD}\n国防省は12月 29, 2024に発表した。\n").published is None


def test_published_comments_only_keep_the_earliest() -> None:
    page = (f"海峡で哨戒艇が衝突\n{LEAD}\nコメント\n\n  • 読者\n  • 2024年 5月 2日\n\n  長い。\n\n"
            "  • 別の読者\n  • 2024年 5月 1日\n\n  短い。\n")
    doc = _doc(page)
    assert (doc.published, doc.published_source) == (dt.date(2024, 5, 1), "comments")


def test_published_given_date_always_wins() -> None:
    doc = _doc(f"海峡で哨戒艇が衝突\n2024年5月3日\n{LEAD}\n", url="https://example.org/2020/01/02/x.html",
               published=dt.date(2024, 5, 4), published_source="jsonl")
    assert (doc.published, doc.published_source) == (dt.date(2024, 5, 4), "jsonl")


@pytest.mark.parametrize(("url", "expected"), [
    ("https://example.org/2010/11/24-1.html", dt.date(2010, 11, 24)),
    ("https://example.org/articles/20221213/k001.html", dt.date(2022, 12, 13)),
    ("https://example.org/news?date=2024-01-31&id=9", dt.date(2024, 1, 31)),
    ("https://example.org/news?id=7&date=20240131", dt.date(2024, 1, 31)),
    ("https://example.org/world/boats_collide_20221105", dt.date(2022, 11, 5)),
    ("https://example.org/cross-strait/202306240002", dt.date(2023, 6, 24)),
    ("https://example.org/news/20240414k0000m030020000c.html", dt.date(2024, 4, 14)),
    ("https://archive.example/ref/2014-0906-0410-30/example.org/news/20140905/k1.html", dt.date(2014, 9, 5)),
    ("https://example.org/news/2015/11/boats-collide-151130065617543.html", dt.date(2015, 11, 30)),
    ("https://example.org/news/2015/11/boats-collide-160130065617543.html", None),  # stamp disagrees
    ("https://example.org/detail/30199833/", None),  # an id, no date
    ("http://example.org.cn/n/2014/0911/c94474-8781280.html", dt.date(2014, 9, 11)),  # year, then MMDD
    ("http://example.com.cn/world/2015-04/28/content_20567.htm", dt.date(2015, 4, 28)),  # year-month, day
    ("https://example.org/2099/01/02/later.html", None),  # after the page was read
    ("https://example.org/story?t=1765191600", None),  # a timestamp is no date parameter
    # a 2ch/5ch thread key is the Unix time of its first post, read in Japan time
    ("https://greta.5ch.net/test/read.cgi/poverty/1695644453/1-1", dt.date(2023, 9, 25)),
    ("http://asahi.5ch.net/test/read.cgi/newsplus/1540200580/", dt.date(2018, 10, 22)),
    ("https://hayabusa9.5ch.net/test/read.cgi/news/1700000000", dt.date(2023, 11, 15)),  # 07:13 JST
    ("https://example.2ch.sc/newsplus/dat/1420000000.dat", dt.date(2014, 12, 31)),  # 13:26 JST
    ("https://hayabusa9.5ch.net/test/read.cgi/news/1999999999/", None),  # 2033: after the page was read
    ("https://example.org/test/read.cgi/news/12345/", None),  # too short for a thread key
    (None, None),
])
def test_published_url_forms(url: str | None, expected: dt.date | None) -> None:
    assert url_date(url, latest=READ_ON) == expected


@pytest.mark.parametrize(("url", "expected"), [
    ("https://example.org/2017/07/post-45432.html", (2017, 7)),  # WordPress "month and name"
    ("https://example.org/news/2015/11/boats-collide.html", (2015, 11)),
    ("https://example.org/2017/13/post.html", None),
    ("https://example.org/2099/01/later.html", None),  # after the page was read
    ("https://example.org/detail/30199833/", None),
    (None, None),
])
def test_published_url_month_when_the_url_gives_no_day(url: str | None,
                                                       expected: tuple[int, int] | None) -> None:
    assert url_month(url, latest=READ_ON) == expected


def test_published_from_url_when_the_page_prints_none() -> None:
    doc = _doc(f"海峡で哨戒艇が衝突\n{LEAD}\n", url="https://example.org/2010/11/24-1.html")
    assert (doc.published, doc.published_source) == (dt.date(2010, 11, 24), "url")


@pytest.mark.parametrize(("page", "why"), [
    (f"海峡で哨戒艇が衝突\n2023年2月30日\n{LEAD}\n", "no calendar date"),
    (f"海峡で哨戒艇が衝突\n2031年2月3日\n{LEAD}\n", "after the page was read (2026-01-10)"),
    (f"海峡で哨戒艇が衝突\n2024年3月14日(金)\n{LEAD}\n", "another day's"),  # 14 March 2024 was a Thursday
])
def test_published_impossible_dates_give_none_with_the_reason(page: str, why: str) -> None:
    doc = _doc(page)
    assert doc.published is None
    assert doc.published_source is not None and doc.published_source.startswith(NO_DATE)
    assert why in doc.published_source


def test_published_impossible_date_line_falls_back_to_the_url() -> None:
    doc = _doc(f"海峡で哨戒艇が衝突\n2023年2月30日\n{LEAD}\n", url="https://example.org/20230301/a.html")
    assert (doc.published, doc.published_source) == (dt.date(2023, 3, 1), "url")


_BODY = ("<p>北海軍の哨戒艇が3日、南海の哨戒艇と海峡の中央付近で衝突したと両国の海軍が発表した。"
         "この衝突で双方の乗員に負傷者が出たという。</p><p>両国は協議を続ける方針だ。北海軍は再発防止を求めている。</p>")


def _html(doc_head: str, article_head: str = "") -> Document:
    html = (f"<html><head>{doc_head}<title>海峡で衝突</title></head><body><article><h1>海峡で衝突</h1>"
            f"{article_head}{_BODY}</article></body></html>")
    return parse(RawDocument(doc_id="h", content=html, content_type="html", source="h.html"), today=READ_ON)


def test_published_html_metadata_through_htmldate() -> None:
    doc = _html('<meta property="article:published_time" content="2024-03-05T10:00:00+09:00">')
    assert (doc.published, doc.published_source) == (dt.date(2024, 3, 5), "metadata")
    doc = _html('<meta property="article:published_time" content="2031-03-05T10:00:00+09:00">',
                '<p class="date">2024年3月4日 10時00分</p>')
    assert (doc.published, doc.published_source) == (dt.date(2024, 3, 4), "text")  # after the read: refused


def test_published_html_date_line_in_the_article() -> None:
    doc = _html("", '<p class="date">2024年3月5日 10時00分</p>')
    assert (doc.published, doc.published_source) == (dt.date(2024, 3, 5), "text")
    assert doc.body[0].startswith("北海軍の哨戒艇が3日")


def test_published_from_the_source_link_a_forum_post_ends_with() -> None:
    page = (f"海峡で哨戒艇が衝突\n{LEAD}\nhttp://www3.example.jp/news/html/20170818/k1001110330.html\n")
    doc = _doc(page)
    assert (doc.published, doc.published_source) == (dt.date(2017, 8, 18), "cited")
    # the page's own date, its URL and a dated caption come first
    assert _doc(page, url="https://example.org/2017/08/19/a.html").published_source == "url"
    assert _doc(f"海峡で哨戒艇が衝突\n2017年8月19日\n{LEAD}\n"
                "http://www3.example.jp/news/html/20170818/k1.html\n").published == dt.date(2017, 8, 19)
    # a link inside a sentence, or a link with no date, is no source date
    inside = "詳しくは http://example.jp/20170818/a.html を参照。"
    assert _doc(f"海峡で哨戒艇が衝突\n{LEAD}\n{inside}\n").published is None
    assert _doc(f"海峡で哨戒艇が衝突\n{LEAD}\nhttp://example.jp/news/k1001110330.html\n").published is None


def test_published_a_list_of_same_day_stories_after_the_story_is_no_footer() -> None:
    listing = "".join(f"国際\n2025/09/04(木) 04:{m:02d}\n別の見出し{m}\n" for m in range(10, 50, 10))
    doc = _doc(f"海峡で哨戒艇が衝突\n{LEAD}\n{listing}", url="https://example.org/2025/08/22/a.html")
    assert (doc.published, doc.published_source) == (dt.date(2025, 8, 22), "url")
    doc = _doc(f"海峡で哨戒艇が衝突\n{LEAD}\nおすすめニュース\n{listing}")
    assert doc.published is None


def test_published_a_menu_label_over_the_headline_is_no_related_list() -> None:
    # "最新記事" as the site's menu label at the top: the story and its date line follow it
    page = f"最新記事\n\n国境紛争\n\n海峡で哨戒艇が衝突\n\n2022年12月13日(火)18時45分\n\n{LEAD}\n"
    doc = _doc(page)
    assert doc.published == dt.date(2022, 12, 13)
    # after the story the same header still opens a list whose dates are not the page's
    listed = f"海峡で哨戒艇が衝突\n{LEAD}\n最新記事\n2025年1月5日 別の記事の見出し\n"
    assert _doc(listed).published != dt.date(2025, 1, 5)


def test_published_a_date_opening_the_lead_set_off_by_a_dash() -> None:
    page = f"{EN_HEAD}\n\nFile photo.\n\n19th February 2024 – (Harbour City) {EN_LEAD}\n"
    doc = _doc(page)
    assert doc.published == dt.date(2024, 2, 19)
    assert EN_LEAD in doc.text  # the lead stays the story's


def test_published_a_series_headline_ending_with_its_day_and_a_desk_byline() -> None:
    # twelfth build: a post of a series titled by its day, and a desk's byline with the date in
    # brackets opening the first paragraph (forms two pages of the 2120-2799 dev sets print)
    doc = _doc(f"Strait patrol notes August 26, 2023\n{EN_LEAD}\n")
    assert (doc.published, doc.published_source) == (dt.date(2023, 8, 26), "text")
    assert doc.title == "Strait patrol notes"
    doc = _doc(f"{EN_HEAD}\nWeb Desk (July 14, 2018): {EN_LEAD}\nThe talks went on.\n")
    assert doc.published == dt.date(2018, 7, 14)
    body = " ".join(s.text for s in doc.sections if s.kind == "body")
    assert EN_LEAD in body and "Web Desk (July" not in body
    # a verb's date stays an event's
    assert _doc(f"Patrol boats clashed August 26, 2023\n{EN_LEAD}\n").published is None
