"""Rule story:next-day on hand-built records: a record with no day of its own takes the day the
next sentence gives the same act, and nothing else."""

from __future__ import annotations

from frontwatch.coding.dating import date_from_next
from frontwatch.records import Entity, Event, Explanation, Sentence

USA, SOM, KEN = Entity("US", code="USA"), Entity("Somalia", code="SOM"), Entity("Kenya", code="KEN")
FALLBACK = "date: none in the sentence -> the story's day (its wire dateline's, else the publication date)"


def _sentences(*lengths: int) -> list[Sentence]:
    out, at = [], 0
    for n in lengths:
        out.append(Sentence("t", "x" * n, at, at + n, "en", "body", ()))
        at += n + 1
    return out


def _event(start: int, date: str, note: str, *, event: str = "ASSAULT", recipient: Entity = SOM) -> Event:
    return Event(id="t#1", doc_id="t", event=event, text="x", span=(start, start + 5), language="en",
                 actor=(USA,), recipient=(recipient,), date=date, date_precision="day",
                 explanation=Explanation("rule", "strike", notes=(note,)))


SENTS = _sentences(50, 50, 50)
LEAD = _event(0, "2019-02-01", FALLBACK)


def test_dating_the_next_sentence_dates_the_lead() -> None:
    nxt = _event(51, "2019-01-30", "date: on Wednesday -> 2019-01-30 (day)")
    lead, same = date_from_next([LEAD, nxt], SENTS)
    assert (lead.date, same) == ("2019-01-30", nxt)
    assert lead.explanation is not None and lead.explanation.notes[-1].endswith("same act (2019-01-30)")


def test_dating_only_the_same_act_in_the_very_next_sentence() -> None:
    later = _event(102, "2019-01-30", "date: on Wednesday -> 2019-01-30 (day)")
    other_type = _event(51, "2019-01-30", "date: on Wednesday -> 2019-01-30 (day)", event="ACCUSE")
    other_side = _event(51, "2019-01-30", "date: on Wednesday -> 2019-01-30 (day)", recipient=KEN)
    undated = _event(51, "2019-02-01", FALLBACK)
    after = _event(51, "2019-02-03", "date: on Sunday -> 2019-02-03 (day)")
    for nxt in (later, other_type, other_side, undated, after):
        assert date_from_next([LEAD, nxt], SENTS)[0].date == "2019-02-01"


def test_dating_a_stated_day_is_kept() -> None:
    stated = _event(0, "2019-01-29", "date: on Tuesday -> 2019-01-29 (day)")
    nxt = _event(51, "2019-01-30", "date: on Wednesday -> 2019-01-30 (day)")
    assert date_from_next([stated, nxt], SENTS)[0].date == "2019-01-29"
