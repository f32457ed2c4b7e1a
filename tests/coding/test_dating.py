"""Rule story:same-act on hand-built records: a record whose day is weak (its sentence states
none, or only the report's) takes the day the story gives the same act, and nothing else."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from frontwatch.coding.dating import REPORT_DAY, TITLE_NOTE, ToldDay, date_from_story, date_headline
from frontwatch.records import Entity, Event, Explanation, Sentence

USA, SOM, KEN = Entity("US", code="USA"), Entity("Somalia", code="SOM"), Entity("Kenya", code="KEN")
FALLBACK = "date: none in the sentence -> the story's day (its wire dateline's, else the publication date)"
CARRIED = "date: carried from the last day stated -> 2019-02-01"


def _sentences(n: int) -> list[Sentence]:
    return [Sentence("t", "x" * 50, 51 * k, 51 * k + 50, "en", "body", ()) for k in range(n)]


def _event(sentence: int, date: str, note: str, *, event: str = "ASSAULT", recipient: Entity = SOM,
           actor: Entity = USA) -> Event:
    start = 51 * sentence
    return Event(id="t#1", doc_id="t", event=event, text="x", span=(start, start + 5), language="en",
                 actor=(actor,), recipient=(recipient,), date=date, date_precision="day",
                 explanation=Explanation("rule", "strike", notes=(note,)))


SENTS = _sentences(6)
LEAD = _event(0, "2019-02-01", FALLBACK)
WEDNESDAY = "date: on Wednesday -> 2019-01-30 (day)"


def test_dating_the_next_sentence_dates_the_lead() -> None:
    nxt = _event(1, "2019-01-30", WEDNESDAY)
    lead, same = date_from_story([LEAD, nxt], SENTS)
    assert (lead.date, same) == ("2019-01-30", nxt)
    assert lead.explanation is not None and lead.explanation.notes[-1].endswith("same act -> 2019-01-30")


def test_dating_a_sentence_further_on_dates_the_lead_within_the_window() -> None:
    assert date_from_story([LEAD, _event(3, "2019-01-30", WEDNESDAY)], SENTS)[0].date == "2019-01-30"
    assert date_from_story([LEAD, _event(4, "2019-01-30", WEDNESDAY)], SENTS)[0].date == "2019-02-01"


def test_dating_not_another_act_nor_a_later_or_much_earlier_day() -> None:
    other_type = _event(1, "2019-01-30", WEDNESDAY, event="ACCUSE")
    undated = _event(1, "2019-02-01", FALLBACK)
    after = _event(1, "2019-02-03", "date: on Sunday -> 2019-02-03 (day)")
    recalled = _event(1, "2019-01-25", "date: on Friday -> 2019-01-25 (day)")  # "the attack came after ..."
    for nxt in (other_type, undated, after, recalled):
        assert date_from_story([LEAD, nxt], SENTS)[0].date == "2019-02-01"
    # past the lead, an act of other parties is another act
    earlier = _event(0, "2019-01-29", "date: on Tuesday -> 2019-01-29 (day)", event="MOBILIZE")
    later = _event(1, "2019-02-01", FALLBACK)
    other_side = _event(2, "2019-01-30", WEDNESDAY, recipient=KEN)
    assert date_from_story([earlier, later, other_side], SENTS)[1].date == "2019-02-01"


def test_dating_a_lead_with_no_day_takes_the_day_its_next_sentences_give_its_act() -> None:
    # rule story:lead-detail: "Eight soldiers were killed in an attack, sources said." then
    # "Jihadists ambushed the troops on Wednesday ...": the detail's parties need not be the lead's
    detail = _event(1, "2019-01-30", WEDNESDAY, recipient=KEN)
    lead = date_from_story([LEAD, detail], SENTS)[0]
    assert lead.date == "2019-01-30" and lead.explanation is not None
    assert lead.explanation.notes[-1] == (
        "story:same-act: the day the lead's next sentences give its act -> 2019-01-30")
    told = ToldDay(SENTS[2].start, "ASSAULT", "2019-01-31")  # "Two men were detained on Thursday"
    assert date_from_story([LEAD], SENTS, [told])[0].date == "2019-01-31"
    said = _event(1, "2019-01-31", f"date: on Thursday {REPORT_DAY} -> 2019-01-31 (day)", recipient=KEN)
    far = _event(4, "2019-01-30", WEDNESDAY, recipient=KEN)
    for nxt in (said, far):  # a report's day is no act's; four sentences on is another part of the story
        assert date_from_story([LEAD, nxt], SENTS)[0].date == "2019-02-01"
    reported = _event(0, "2019-02-01", f"date: on Friday {REPORT_DAY} -> 2019-02-01 (day)")
    assert date_from_story([reported, detail], SENTS)[0].date == "2019-02-01"  # the lead states a day
    reply = _event(1, "2019-01-30", WEDNESDAY, actor=SOM, recipient=USA)  # the struck side's act
    assert date_from_story([LEAD, reply], SENTS)[0].date == "2019-02-01"
    twin = _event(0, "2019-02-01", FALLBACK, recipient=KEN)  # two acts of the type in the lead
    out = date_from_story([LEAD, twin, detail], SENTS)
    assert [e.date for e in out[:2]] == ["2019-02-01", "2019-01-30"]  # only the same act's
    second = _event(1, "2019-02-01", FALLBACK)  # past the lead's sentence
    assert date_from_story([LEAD, second, _event(2, "2019-01-30", WEDNESDAY, recipient=KEN)],
                           SENTS)[1].date == "2019-02-01"


def test_dating_a_stated_day_is_kept() -> None:
    stated = _event(0, "2019-01-29", "date: on Tuesday -> 2019-01-29 (day)")
    assert date_from_story([stated, _event(1, "2019-01-30", WEDNESDAY)], SENTS)[0].date == "2019-01-29"


def test_dating_the_report_day_gives_way_to_the_act_day() -> None:
    said = _event(0, "2019-01-31", f"date: on Thursday {REPORT_DAY} -> 2019-01-31 (day)")
    assert date_from_story([said, _event(2, "2019-01-30", WEDNESDAY)], SENTS)[0].date == "2019-01-30"
    alone = date_from_story([said, _event(2, "2019-01-30", WEDNESDAY, event="ACCUSE")], SENTS)
    assert alone[0].date == "2019-01-31"  # no day of its own anywhere: the report's, by convention


def test_dating_a_lead_with_no_day_takes_the_report_day_of_the_same_act() -> None:
    # 制裁を科しました。… 財務省が11日、制裁を科したと発表: the announcement's day beats none
    announced = _event(1, "2019-01-31", f"date: on Thursday {REPORT_DAY} -> 2019-01-31 (day)")
    assert date_from_story([LEAD, announced], SENTS)[0].date == "2019-01-31"
    # a lead already dated by its own report day keeps it: one report's day is as weak as another's
    said = _event(0, "2019-02-01", f"date: on Friday {REPORT_DAY} -> 2019-02-01 (day)")
    assert date_from_story([said, announced], SENTS)[0].date == "2019-02-01"


def test_dating_a_restatement_takes_the_day_told_before() -> None:
    told = _event(0, "2019-01-30", WEDNESDAY)
    again = _event(2, "2019-01-31", FALLBACK)
    monday = _event(3, "2019-01-28", "date: on Monday -> 2019-01-28 (day)")
    assert date_from_story([told, again, monday], SENTS)[1].date == "2019-01-30"
    other = _event(2, "2019-01-31", FALLBACK, recipient=KEN)
    assert date_from_story([told, other], SENTS)[1].date == "2019-01-31"
    # the other side's version is its own act, even of the same type and parties
    ours = replace(told, claimed_by=(USA,), factuality="claimed")
    theirs = replace(again, claimed_by=(SOM,), factuality="claimed")
    assert date_from_story([ours, theirs], SENTS)[1].date == "2019-01-31"
    assert date_from_story([ours, replace(theirs, claimed_by=(USA,))], SENTS)[1].date == "2019-01-30"


def test_dating_a_carried_record_follows_the_record_redated() -> None:
    said = _event(0, "2019-02-01", f"date: 1日 {REPORT_DAY} -> 2019-02-01")
    answer = _event(1, "2019-02-01", CARRIED, event="MOBILIZE", actor=KEN, recipient=USA)
    act = _event(2, "2019-01-30", WEDNESDAY)
    out = date_from_story([said, answer, act], SENTS)
    assert [e.date for e in out] == ["2019-01-30", "2019-01-30", "2019-01-30"]
    unrelated = _event(1, "2019-02-01", FALLBACK, event="MOBILIZE", actor=KEN, recipient=USA)
    assert date_from_story([said, unrelated, act], SENTS)[1].date == "2019-02-01"  # not carried: kept


def test_dating_a_sentence_without_a_record_dates_an_act_of_its_type() -> None:
    said = _event(0, "2019-02-01", f"date: 1日 {REPORT_DAY} -> 2019-02-01")
    told = ToldDay(SENTS[2].start, "ASSAULT", "2019-01-30")  # "the strike came on Wednesday", no actor
    assert date_from_story([said], SENTS, [told])[0].date == "2019-01-30"
    assert date_from_story([LEAD], SENTS, [ToldDay(SENTS[1].start, "ASSAULT", "2019-01-31")])[0].date \
        == "2019-01-31"  # an earlier sentence too
    for other in (ToldDay(SENTS[2].start, "MOBILIZE", "2019-01-30"),  # another type
                  ToldDay(SENTS[5].start, "ASSAULT", "2019-01-30"),  # beyond the window
                  ToldDay(SENTS[2].start, "ASSAULT", "2019-01-25"),  # too far back: an earlier act
                  ToldDay(SENTS[2].start, "ASSAULT", "2019-02-02")):  # a later day
        assert date_from_story([LEAD], SENTS, [other])[0].date == "2019-02-01"
    record = _event(2, "2019-01-31", "date: on Thursday -> 2019-01-31 (day)")
    assert date_from_story([said, record], SENTS, [told])[0].date == "2019-01-31"  # a record first


def _headline(date: str | None = None, *, recipient: Entity = SOM) -> Event:
    return Event(id="t#0", doc_id="t", event="ASSAULT", text="x", span=(0, 5), language="en",
                 actor=(USA,), recipient=(recipient,), date=date, date_precision="day" if date else None,
                 explanation=Explanation("rule", "strike", notes=(TITLE_NOTE,)))


def _same_parties(a: Event, b: Event) -> bool:
    return a.event == b.event and a.recipient == b.recipient


def test_dating_an_undated_headline_no_body_record_tells_takes_the_lead_day() -> None:
    body = _event(1, "2019-01-30", WEDNESDAY, recipient=KEN)
    head, kept = date_headline([_headline(), body], dt.date(2019, 1, 31), _same_parties)
    assert (head.date, head.date_precision, kept) == ("2019-01-31", "day", body)
    assert head.explanation is not None and head.explanation.notes[-1].endswith("the lead's day 2019-01-31")


def test_dating_a_headline_the_body_tells_again_or_with_its_own_day_is_left() -> None:
    told = _event(1, "2019-01-30", WEDNESDAY)  # the body tells it: the merge gives it that day
    assert date_headline([_headline(), told], dt.date(2019, 1, 31), _same_parties)[0].date is None
    assert date_headline([_headline()], None, _same_parties)[0].date is None  # no lead day
    stated = _headline("2019-01-29")
    assert date_headline([stated], dt.date(2019, 1, 31), _same_parties)[0] == stated
