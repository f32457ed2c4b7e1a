"""Which day a Japanese event takes: the wire dateline's day for a story told from it, and the
lead's day for an undated headline (all text is ours)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

from frontwatch.ingest import load_documents
from frontwatch.records import Document, Event

PUB = dt.date(2025, 11, 13)


def _dated(coder: Any, tmp_path: Path, title: str, *body: str,
           published: dt.date | None = PUB, url: str | None = None) -> list[Event]:
    path = tmp_path / "doc.txt"
    path.write_text("国際関連\n\n" + title + "\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
    docs = [replace(d, published=published, url=url)
            for d in load_documents([str(path)]) if isinstance(d, Document)]
    events: list[Event] = next(iter(coder.code_many(docs)))[1]
    return events


def test_ja_dates_a_wire_story_is_told_from_its_dateline_day(ja_coder: Any, tmp_path: Path) -> None:
    evs = _dated(ja_coder, tmp_path, "国境で緊張高まる",
                 "[バンコク 12日 ロイター] - 国境の緊張が高まっている。",
                 "一方、タイ陸軍報道官は、カンボジア軍が最初にタイ側に向けて発砲したと反論した。")
    attacks = [e for e in evs if e.event == "ASSAULT"]
    assert attacks and {e.date for e in attacks} == {"2025-11-12"}


def test_ja_dates_without_a_dateline_the_publication_day(ja_coder: Any, tmp_path: Path) -> None:
    evs = _dated(ja_coder, tmp_path, "国境で緊張高まる",
                 "一方、タイ陸軍報道官は、カンボジア軍が最初にタイ側に向けて発砲したと反論した。")
    attacks = [e for e in evs if e.event == "ASSAULT"]
    assert attacks and {e.date for e in attacks} == {"2025-11-13"}


def test_ja_dates_an_undated_headline_takes_the_lead_day(ja_coder: Any, tmp_path: Path) -> None:
    evs = _dated(ja_coder, tmp_path, "インドとパキスタンが砲撃戦、7人死亡",
                 "【11月12日 AFP】カシミール地方で11日、住民が避難した。", "両国の対立が高まっている。")
    heads = [e for e in evs if e.event == "ASSAULT" and e.text.startswith("インドとパキスタンが砲撃戦")]
    assert heads and {e.date for e in heads} == {"2025-11-11"}
    evs = _dated(ja_coder, tmp_path, "インドとパキスタンが砲撃戦、7人死亡",
                 "[北港 12日 ロイター] - カシミール地方の緊張が高まっている。")
    heads = [e for e in evs if e.event == "ASSAULT" and e.text.startswith("インドとパキスタンが砲撃戦")]
    assert heads and {e.date for e in heads} == {"2025-11-12"}  # no day after the dateline: its day
    evs = _dated(ja_coder, tmp_path, "インドとパキスタンが砲撃戦、7人死亡",
                 "カシミール地方の緊張が高まっている。")
    heads = [e for e in evs if e.event == "ASSAULT" and e.text.startswith("インドとパキスタンが砲撃戦")]
    assert heads and {e.date for e in heads} == {None}  # the lead states no day: none, as before


def test_ja_dates_the_report_day_is_the_act_day_only_without_its_own(ja_coder: Any, tmp_path: Path) -> None:
    # rule ja:report-day: 「A国軍は12日、…と発表した」 dates the statement; the act takes it by convention
    evs = _dated(ja_coder, tmp_path, "東部で空爆",
                 "ウクライナ国防省(MOD)は12日、ロシア軍が東部の町に無人機による空爆を行ったと発表した。")
    attacks = [e for e in evs if e.event == "ASSAULT"]
    assert attacks and {e.date for e in attacks} == {"2025-11-12"}
    assert attacks[0].explanation is not None
    assert any("(the day of the report)" in n for n in attacks[0].explanation.notes)
    # ... until the story gives the act its own day, two sentences on (rule story:same-act)
    evs = _dated(ja_coder, tmp_path, "東部で空爆",
                 "ウクライナ国防省(MOD)は12日、ロシア軍が東部の町に無人機による空爆を行ったと発表した。",
                 "町では住民の避難が続いている。",
                 "ウクライナ国防省の報道官によると、ロシア軍は11日に攻撃を仕掛けたという。")
    attacks = [e for e in evs if e.event == "ASSAULT"]
    assert attacks and {e.date for e in attacks} == {"2025-11-11"}


def test_ja_dates_a_day_of_the_act_itself_is_not_the_report_day(ja_coder: Any, tmp_path: Path) -> None:
    evs = _dated(ja_coder, tmp_path, "領空侵犯",
                 "防衛省は12日、ロシア軍機が同日午後に北海道の領空を侵犯したと発表した。",
                 "防衛省は、中国軍の艦艇が10日に沖縄県の接続水域を航行したと発表した。")
    notes = [n for e in evs if e.explanation for n in e.explanation.notes if n.startswith("date: ")]
    assert "date: 10日 -> 2025-11-10" in notes  # the act's own day, not the statement's
    assert any(n.startswith("date: 同日") or n.startswith("date: 12日") for n in notes)


def test_ja_dates_a_month_named_without_a_year_is_news_not_background(ja_coder: Any, tmp_path: Path) -> None:
    evs = _dated(ja_coder, tmp_path, "邦人拘束",
                 "関係者によると、北京で6月、別の日本人1人が中国当局に拘束されたという。")
    held = [e for e in evs if e.event == "COERCE"]
    assert held and {(e.date, e.date_precision) for e in held} == {("2025-06-01", "month")}
    evs = _dated(ja_coder, tmp_path, "邦人拘束",
                 "関係者によると、北京で2024年6月、別の日本人1人が中国当局に拘束されたという。")
    assert not [e for e in evs if e.event == "COERCE"]  # a dated year: history (BACKGROUND_DAYS)


def test_ja_dates_a_photo_caption_gives_the_month_of_an_undated_page(ja_coder: Any, tmp_path: Path) -> None:
    body = ("ロシア軍は3日夜、ウクライナ東部の町に無人機による攻撃を行った。", "写真",
            "ウクライナ東部で2025年2月3日、避難する住民たち=ロイター")
    evs = _dated(ja_coder, tmp_path, "東部に攻撃", *body, published=None)
    attacks = [e for e in evs if e.event == "ASSAULT"]
    assert attacks and {e.date for e in attacks} == {"2025-02-03"}
    file_photo = (*body[:2], "ウクライナ東部で2025年2月3日、避難する住民たち(資料写真)=ロイター")
    evs = _dated(ja_coder, tmp_path, "東部に攻撃", *file_photo, published=None)
    assert {e.date for e in evs if e.event == "ASSAULT"} == {None}  # a file photo dates nothing


def test_ja_dates_a_sentence_naming_no_actor_dates_the_act(ja_coder: Any, tmp_path: Path) -> None:
    # 「防衛省は13日、…が通過したと発表した。…無人機は11日午後、…を通過した」: the act's day, and
    # the scramble told right after the announcement follows it
    evs = _dated(ja_coder, tmp_path, "無人機が通過",
                 "防衛省は13日、中国の無人機1機が沖縄県の与那国島と台湾の間の上空を通過したと発表した。",
                 "航空自衛隊の戦闘機が緊急発進して対応した。",
                 "無人機は11日午後、東シナ海から南下して与那国島と台湾の間を通過したという。")
    moves = [e for e in evs if e.event == "MOBILIZE"]
    assert moves and {e.date for e in moves} == {"2025-11-11"}


def test_ja_dates_a_page_known_to_its_url_month_resolves_days(ja_coder: Any, tmp_path: Path) -> None:
    # no publication date, but a WordPress month permalink: 19日 is that month's, 昨日 stays unknown
    body = ("ロシア軍は19日、ウクライナ東部の町を砲撃した。",)
    url = "https://example.org/2017/07/post-4543.html"
    evs = _dated(ja_coder, tmp_path, "ロシア軍が東部の町を砲撃", *body, published=None, url=url)
    attacks = [e for e in evs if e.event == "ASSAULT"]
    assert attacks and {e.date for e in attacks} == {"2017-07-19"}  # the headline too: the lead's day
    evs = _dated(ja_coder, tmp_path, "ロシア軍が東部の町を砲撃", *body, published=None)
    assert {e.date for e in evs if e.event == "ASSAULT"} == {None}  # no URL: no month to read 19日 in
    yesterday = ("ロシア軍は昨日、ウクライナ東部の町を砲撃した。",)
    evs = _dated(ja_coder, tmp_path, "ロシア軍が東部の町を砲撃", *yesterday, published=None, url=url)
    assert {e.date for e in evs if e.event == "ASSAULT"} == {None}


def test_ja_dates_an_undated_paragraph_takes_the_story_day_not_the_publication_day(
        ja_coder: Any, tmp_path: Path) -> None:
    """Rule ja:story-day: the lead's latest day (its report's) dates a later paragraph that states none."""
    evs = _dated(ja_coder, tmp_path, "港湾施設に無人機攻撃",
                 "ウクライナ国防省は11日、ロシア軍が10日夜に南部オデーサ州の港湾施設を無人機で攻撃したと発表した。",
                 "一方、ウクライナ外務省はロシアを強く非難した。")
    accuse = [e for e in evs if e.event == "ACCUSE"]
    assert accuse and {e.date for e in accuse} == {"2025-11-11"}  # not the publication day, the 13th
    assert accuse[0].explanation is not None
    assert "date: carried from the story's day (its lead's) -> 2025-11-11" in accuse[0].explanation.notes
    attack = [e for e in evs if e.event == "ASSAULT"]
    assert attack and attack[0].date == "2025-11-10"


def test_ja_dates_a_lead_day_long_past_is_a_recap_not_the_story_day(ja_coder: Any, tmp_path: Path) -> None:
    evs = _dated(ja_coder, tmp_path, "港湾施設に無人機攻撃",
                 "ロシア軍は9月10日、南部オデーサ州の港湾施設を無人機で攻撃した。",
                 "一方、ウクライナ外務省はロシアを強く非難した。")
    accuse = [e for e in evs if e.event == "ACCUSE"]
    assert accuse and {e.date for e in accuse} == {"2025-11-13"}  # the publication day, as before


def test_ja_dates_a_wire_dateline_day_is_not_the_act_day(ja_coder: Any, tmp_path: Path) -> None:
    # 【11月12日 AFP】 dates the filing; the sentence after gives the attack its own day
    lead_text = ("【11月12日 AFP】ナイジェリア北部で、イスラム過激派組織ボコ・ハラムが村を襲撃し、"
                 "住民5人を拉致した。")
    evs = _dated(ja_coder, tmp_path, "過激派が村を襲撃", lead_text,
                 "警察によると、戦闘員らは10日夜に村を襲撃した。")
    lead = [e for e in evs if e.event == "ASSAULT" and e.text.startswith("【11月12日 AFP】")]
    assert lead and {e.date for e in lead} == {"2025-11-10"}
    alone = _dated(ja_coder, tmp_path, "過激派が村を襲撃", lead_text)
    assert {e.date for e in alone if e.event == "ASSAULT"} == {"2025-11-12"}  # no other day: the filing day


def test_ja_dates_a_report_day_before_content_with_an_unparsed_speaker(ja_coder: Any, tmp_path: Path) -> None:
    # 財務省が12日、…と発表したのは…: the cleft names the day of the announcement
    evs = _dated(ja_coder, tmp_path, "米が制裁",
                 "アメリカ政府はロシア人3人に対し資産凍結などの制裁を科しました。",
                 "アメリカ財務省が12日、資産凍結などの制裁を科したと発表したのはロシア人3人です。")
    assert {e.date for e in evs if e.event == "SANCTION"} == {"2025-11-12"}


def test_ja_dates_the_report_day_after_a_speaker_name_the_dictionary_holds_in_part(
        ja_coder: Any, tmp_path: Path) -> None:
    # ロシア連邦|保安局(FSB)は12日、: the head noun after the known name still opens the statement
    evs = _dated(ja_coder, tmp_path, "米国人を拘束",
                 "ロシア連邦保安局(FSB)は12日、スパイ容疑で米国人をモスクワ市内で拘束したことを明らかにした。",
                 "それによると、事件は9日夜に発生した。")
    held = [e for e in evs if e.event == "COERCE" and e.text.startswith("ロシア連邦保安局")]
    assert held and {e.date for e in held} == {"2025-11-09"}
