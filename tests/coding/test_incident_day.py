"""Rule story:incident-day: a later sentence that names the story's act with a generic noun and
dates it (「事件は12日夜に発生」, "The attack, which took place last Sunday") gives its day to the
lead's record that states none of its own (all text is ours)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from frontwatch.coding.dating import INCIDENT_LAG_DAYS, ToldDay, date_from_story
from frontwatch.coding.incident import incident_days, parse_incident
from frontwatch.errors import DataError
from frontwatch.ingest import load_documents
from frontwatch.records import Document, Entity, Event, Explanation, Sentence

PUB = dt.date(2025, 11, 14)  # a Friday


def _sent(text: str, lang: str, *, section: str = "body", start: int = 0) -> Sentence:
    return Sentence("t", text, start, start + len(text), lang, section, ())  # type: ignore[arg-type]


def test_incident_days_japanese_nouns_and_their_types() -> None:
    told = incident_days(_sent("それによると、事件は12日夜に発生した。", "ja"), PUB)
    assert {(t.event, t.date, t.incident) for t in told} == {
        ("ASSAULT", "2025-11-12", True), ("COERCE", "2025-11-12", True), ("MOBILIZE", "2025-11-12", True)}
    told = incident_days(_sent("襲撃は10日未明に行われたという。", "ja"), PUB)
    assert [(t.event, t.date) for t in told] == [("ASSAULT", "2025-11-10")]


def test_incident_days_english_definite_noun_and_occurrence_verb() -> None:
    sent = _sent("The attack, which took place last Sunday in a border town, lasted hours.", "en")
    told = incident_days(sent, PUB)
    assert [(t.event, t.date) for t in told] == [("ASSAULT", "2025-11-09")]
    told = incident_days(_sent("The deadly incident which happened in the village on Wednesday shocked many.",
                               "en"), PUB)
    assert {t.date for t in told} == {"2025-11-12"}
    assert {t.event for t in told} == {"ASSAULT", "COERCE", "MOBILIZE"}


def test_incident_days_nothing_without_a_day_or_the_construction() -> None:
    none = [
        _sent("The attack came 24 hours after a drone strike on Friday.", "en"),  # another act's day
        _sent("The attack took place near the base.", "en"),
        _sent("An attack happened on Monday somewhere else.", "en"),  # no definite reference back
        _sent("事件の詳しい状況は分かっていない。", "ja"),
        _sent("事件は11日から12日にかけて発生した。", "ja"),  # two days: no one day
        _sent("事件は12日夜に発生した。", "ja", section="title"),  # a headline is not the story's detail
    ]
    assert [incident_days(s, PUB) for s in none] == [[]] * len(none)


def test_incident_table_errors_name_the_bad_row() -> None:
    with pytest.raises(DataError, match=r"\[ja\] is missing"):
        parse_incident({}, "ja")
    with pytest.raises(DataError, match="must list event types"):
        table = {"nouns": {"attack": "ASSAULT"}, "verbs": ["occurred"], "determiners": ["the"]}
        parse_incident({"en": table}, "en")


SOM, USA = Entity("Somalia", code="SOM"), Entity("US", code="USA")
FALLBACK = "date: none in the sentence -> the story's day (its wire dateline's, else the publication date)"


def _weak(day: str, event: str = "ASSAULT") -> Event:
    return Event(id="t#1", doc_id="t", event=event, text="x", span=(0, 5), language="en", actor=(USA,),
                 recipient=(SOM,), date=day, date_precision="day",
                 explanation=Explanation("rule", "strike", notes=(FALLBACK,)))


SENTS = [Sentence("t", "x" * 50, 51 * k, 51 * k + 50, "en", "body", ()) for k in range(12)]


def test_dating_an_incident_day_reaches_past_the_window_and_the_two_day_lag() -> None:
    far = ToldDay(51 * 9, "ASSAULT", "2025-11-09", incident=True)  # nine sentences on, five days back
    assert date_from_story([_weak("2025-11-14")], SENTS, [far])[0].date == "2025-11-09"
    plain = replace(far, incident=False)  # an act told without a generic noun: window and lag hold
    assert date_from_story([_weak("2025-11-14")], SENTS, [plain])[0].date == "2025-11-14"


def test_dating_an_incident_day_only_for_its_type_and_not_too_far_back() -> None:
    told = ToldDay(51 * 2, "ASSAULT", "2025-11-12", incident=True)
    assert date_from_story([_weak("2025-11-14", "ACCUSE")], SENTS, [told])[0].date == "2025-11-14"
    old = (dt.date(2025, 11, 14) - dt.timedelta(days=INCIDENT_LAG_DAYS + 1)).isoformat()
    assert date_from_story([_weak("2025-11-14")], SENTS, [replace(told, date=old)])[0].date == "2025-11-14"
    later = replace(told, date="2025-11-15")  # a day after the weak one is a later act
    assert date_from_story([_weak("2025-11-14")], SENTS, [later])[0].date == "2025-11-14"


def _coded(coder: Any, tmp_path: Path, text: str, lang: str) -> list[Event]:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    docs = [replace(d, published=PUB) for d in load_documents([str(path)]) if isinstance(d, Document)]
    assert docs and docs[0].language == lang
    events: list[Event] = next(iter(coder.code_many(docs)))[1]
    return events


def test_incident_day_dates_a_japanese_lead_told_with_the_report_day(ja_coder: Any, tmp_path: Path) -> None:
    text = ("国際関連\n\n過激派が住民を殺害\n\n"
            "ナイジェリア警察は13日、北部の村でイスラム過激派組織ボコ・ハラムが住民10人を殺害したと明らかにした。\n\n"
            "それによると、事件は12日夜に発生した。\n")
    attacks = [e for e in _coded(ja_coder, tmp_path, text, "ja")
               if e.event == "ASSAULT" and e.text.startswith("ナイジェリア警察")]
    assert attacks and {e.date for e in attacks} == {"2025-11-12"}
    assert attacks[0].explanation is not None and "story:same-act" in attacks[0].explanation.notes[-1]


def test_incident_day_dates_an_english_lead_that_states_no_day(ja_coder: Any, tmp_path: Path) -> None:
    text = ("Gunmen kill soldiers at a remote base\n\n"
            "Al-Shabaab fighters attacked a Somali army base near Mogadishu, killing three soldiers.\n\n"
            "The attack, which took place last Sunday in a small town, lasted several hours.\n")
    attacks = [e for e in _coded(ja_coder, tmp_path, text, "en")
               if e.event == "ASSAULT" and e.text.startswith("Al-Shabaab fighters")]
    assert attacks and {e.date for e in attacks} == {"2025-11-09"}
