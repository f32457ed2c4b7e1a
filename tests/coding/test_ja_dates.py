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


def _dated(coder: Any, tmp_path: Path, title: str, *body: str) -> list[Event]:
    path = tmp_path / "doc.txt"
    path.write_text("国際関連\n\n" + title + "\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
    docs = [replace(d, published=PUB) for d in load_documents([str(path)]) if isinstance(d, Document)]
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
