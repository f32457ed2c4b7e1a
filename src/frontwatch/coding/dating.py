"""Dates across a story's sentences, after the language coders have dated each record.

``date_from_story`` (rule story:same-act). A record's day is *weak* when its sentence states
no day of its own (the coder fell back to the story's day, or carried the day of the record
before), or when the only day it states is the statement's: 「防衛省は17日、…が通過したと発表
した」, "the coast guard said on Tuesday it fired ..." date the report; the act in it keeps that
day only until the story gives the act one of its own (the gold convention of shared/eval:
a reported act with no day of its own takes the report's day). A weak record takes, in order:

1. the day of the nearest record before it that tells the same act (same event type, same
   parties, the same source where both name one) with a day its own sentence states: a later
   sentence telling the act again ("Five villagers were killed ... in Mainari" after "Gunmen
   killed five villagers ... on Wednesday");
2. else the day of the nearest record of the same act in the next ``STORY_WINDOW`` sentences
   whose sentence states the act's own day: a lead that says what happened and a sentence
   after it that says when ("TPLFは4日、…空爆を行ったと発表した。… エチオピア軍は3日に攻撃を
   仕掛けたという"); a record with no day at all (the publication date) takes the report's day
   of the same act there too (「…制裁を科しました」 then 「財務省が11日、…制裁を科したと発表」);
   Where no record of the act is there, a sentence that dates an act of the same type without
   naming who did it (``ToldDay``: 「無人機は15日午後、…を通過」, "Yesterday (Monday) the strike
   at X occurred") counts too, within ``STORY_WINDOW`` sentences either way and only for a day
   before the weak one; last, a sentence that names the story's act with a generic noun and
   dates it (rule story:incident-day, ``coding.incident``: 「事件は12日夜に発生」, "The attack,
   which took place last Sunday") anywhere in the story, for a day up to ``INCIDENT_LAG_DAYS``
   before the weak one;
3. a record that carried the old day of a record redated here (the scramble told right after
   the intrusion it answers) follows it to the new day.

Rule story:lead-detail: a record of the headline or of the story's first sentence that makes
one, that states no day at all and is the only act of its type there, with none of the above,
takes the day the next ``STORY_WINDOW`` sentences give an act of its type (a record's own day,
or a ``ToldDay``), whoever they name unless its actor is the lead's target (that side's reply,
"Hezbollah fired rockets ... yesterday" after "Israeli jets struck Hezbollah"), up to
``LEAD_LAG_DAYS`` back: the lead sums up the act
those sentences tell in detail ("Eight soldiers have been killed in a jihadist attack" then
"Jihadists ambushed the troops on Monday"), its parties often coded otherwise.

Only a day on or at most ``STORY_LAG_DAYS`` before the weak one counts: a later day is a later
act, one further back an earlier act the story recalls.

Needs each record's explanation notes (the coders always set them); changes only ``date``,
``date_precision`` and a note.

``date_headline`` (rule story:headline-lead-day, as ja:headline-lead-day): a headline's
record that states no day and that no body record tells again (``resolve.dedup`` would join
it to one and give it that record's day) takes the lead's day: a headline sums up its lead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from frontwatch.records import Entity, Event, Sentence, side_codes

# How the coders say a record's day was not stated in its own sentence.
FALLBACK_NOTES = ("date: none in the sentence", "date: the publication date", "date: carried from")
# What the Japanese coder calls the day of rule ja:story-day in its date note ("date: carried from
# the story's day (its lead's) -> …"); resolve.dedup reads the note back.
STORY_DAY_NAME = "the story's day (its lead's)"
# How they say the day stated is the report's, not the act's (ja:report-day, en:report-date).
REPORT_DAY = "(the day of the report)"
# How they say it was stated: "date: 12日 -> 2025-11-12", "date: on Wednesday -> 2019-01-30 (day)".
_STATED = "date: "
# Sentences after a weak record searched for the day of the same act (rule 2): the lead and the
# sentence that dates it stand at most this far apart in the dev sets' stories (a background
# sentence between them); further on, the same type and parties are as often a second act.
STORY_WINDOW = 3
# How many days before the weak day the act's own day may lie: a reported act is told a day or
# two after it (the dated gold records whose sentence gives only the report's or no day lie 1-2
# days before it: realworld 300, 314, 317, 323, owngold 405, heldgold 500, 505, newgold 602, 607);
# a day further back is an earlier act the story recalls ("the attack came after ... a drone
# strike on Friday").
STORY_LAG_DAYS = 2
# Rule story:incident-day: a sentence that names the story's act with a generic noun and dates it
# (「事件は12日夜に発生」, "The attack, which took place last Sunday") gives its day to a weak
# record of the act's type anywhere in the story (the noun with "the" or 事件は refers back to the
# act the story is about), up to a week before the weak day: on the 880 dev pages it redates five
# records, whose days lie 1, 1, 2, 2 and 6 ("last Sunday") days before their weak day.
INCIDENT_LAG_DAYS = 7
# Rule story:lead-detail: a lead that states no day at all (dated by the publication or the
# story's day) takes the day of the next sentences' act of its type whoever they name, up to
# this many days before.
LEAD_LAG_DAYS = 2


@dataclass(frozen=True, slots=True)
class ToldDay:
    """An act of type ``event`` a sentence (starting at ``start``) dates to ``date`` (ISO day)
    without making a record of it: no actor is named."""

    start: int
    event: str
    date: str
    incident: bool = False  # named with a generic noun (coding.incident): the story's act


def date_from_story(events: Sequence[Event], sentences: Sequence[Sentence],
                    told: Sequence[ToldDay] = ()) -> list[Event]:
    """``events`` with rule story:same-act applied (see the module docstring)."""
    starts = sorted(s.start for s in sentences)
    at = [_sentence_of(ev, starts) for ev in events]
    told_at = [(sum(1 for s in starts if s <= t.start) - 1, t) for t in told]
    out = list(events)
    moved: tuple[str, str] | None = None  # (old day, new day) of the last record redated
    for i, ev in enumerate(out):
        if not _weak(ev) or ev.date is None or ev.date_precision != "day":
            if _stated(ev) and not _weak(ev):
                moved = None
            continue
        day = _earlier_day(out, at, i) or _later_day(out, at, i) or _told_day(ev, at[i], told_at)
        why = "the day the story gives the same act"
        if day is None and _lead(out, at, i):
            day, why = _detail_day(out, at, i, told_at), "the day the lead's next sentences give its act"
        if day is not None and day != ev.date:
            moved = (ev.date, day)
            out[i] = _dated(ev, day, why)
        elif moved is not None and _carried(ev) and ev.date == moved[0]:
            out[i] = _dated(ev, moved[1], "the day of the record it carried, redated")
    return out


def _earlier_day(events: list[Event], at: list[int], i: int) -> str | None:
    ev = events[i]
    for j in range(i - 1, -1, -1):
        e = events[j]
        if at[j] < at[i] and _same_act(ev, e) and _told(e) and _on_or_before(e, ev):
            return e.date
    return None


def _later_day(events: list[Event], at: list[int], i: int) -> str | None:
    ev = events[i]
    for j in range(i + 1, len(events)):
        e = events[j]
        if at[j] - at[i] > STORY_WINDOW:
            break
        if at[j] > at[i] and _same_act(ev, e) and _stated(e) and _on_or_before(e, ev) and (
                not _weak(e) or (_fallback(ev) and not _fallback(e))):
            return e.date  # a report's day beats none: 財務省が11日…制裁を科したと発表 after 制裁を科しました
    return None


def _told_day(ev: Event, at: int, told: list[tuple[int, ToldDay]]) -> str | None:
    """The nearest sentence within ``STORY_WINDOW`` that dates an act of the type without a record;
    else the nearest that names the story's act with a generic noun (rule story:incident-day)."""
    if ev.date is None:
        return None
    near = sorted((abs(k - at), t.date) for k, t in told
                  if t.event == ev.event and not t.incident and k != at and abs(k - at) <= STORY_WINDOW
                  and 0 < _lag(t.date, ev.date) <= STORY_LAG_DAYS)
    named = sorted((abs(k - at), t.date) for k, t in told
                   if t.event == ev.event and t.incident and k != at
                   and 0 < _lag(t.date, ev.date) <= INCIDENT_LAG_DAYS)
    return near[0][1] if near else named[0][1] if named else None


def _lead(events: list[Event], at: list[int], i: int) -> bool:
    """Rule story:lead-detail: ``events[i]`` states no day at all, stands in the headline or the
    first body sentence that makes a record (the lead), and is the only act of its type there
    (with two, 「潜水艦が通過したため、スウェーデンは…緊急発進させた」, the next sentence's
    day may be either's)."""
    ev = events[i]
    body = [at[j] for j, e in enumerate(events) if TITLE_NOTE not in _notes(e)]
    first = TITLE_NOTE in _notes(ev) or (bool(body) and at[i] == min(body))
    return first and _fallback(ev) and not _carried(ev) and not any(
        j != i and at[j] == at[i] and e.event == ev.event for j, e in enumerate(events))


def _detail_day(events: list[Event], at: list[int], i: int, told: list[tuple[int, ToldDay]]) -> str | None:
    """The day the nearest later sentence within ``STORY_WINDOW`` gives an act of the lead's type,
    its own day (not a report's), whoever it names: the sentence after a lead that sums up an act
    tells it in detail (rule story:lead-detail)."""
    ev = events[i]
    if ev.date is None:
        return None
    near = [(at[j], e.date) for j, e in enumerate(events) if j > i and e.event == ev.event
            and 0 < at[j] - at[i] <= STORY_WINDOW and _stated(e) and not _weak(e) and e.date
            and e.date_precision == "day" and 0 < _lag(e.date, ev.date) <= LEAD_LAG_DAYS
            and not side_codes(e.actor) & side_codes(ev.recipient)]  # not the struck side's reply
    near += [(k, t.date) for k, t in told if t.event == ev.event and not t.incident
             and 0 < k - at[i] <= STORY_WINDOW and 0 < _lag(t.date, ev.date) <= LEAD_LAG_DAYS]
    return min(near)[1] if near else None


def _lag(earlier: str, later: str) -> int:
    return (dt.date.fromisoformat(later) - dt.date.fromisoformat(earlier)).days


def _on_or_before(e: Event, ev: Event) -> bool:
    """``e``'s day is ``ev``'s or at most ``STORY_LAG_DAYS`` before it."""
    if e.date is None or ev.date is None or e.date_precision != "day":
        return False
    lag = (dt.date.fromisoformat(ev.date) - dt.date.fromisoformat(e.date)).days
    return 0 <= lag <= STORY_LAG_DAYS


def _sentence_of(ev: Event, starts: list[int]) -> int:
    return sum(1 for s in starts if s <= ev.span[0]) - 1


def _notes(ev: Event) -> tuple[str, ...]:
    return ev.explanation.notes if ev.explanation is not None else ()


def _fallback(ev: Event) -> bool:
    return any(n.startswith(FALLBACK_NOTES) for n in _notes(ev))


def _carried(ev: Event) -> bool:
    return any(n.startswith(("date: carried from", "date: none in the sentence -> that of the record before"))
               for n in _notes(ev))


def _weak(ev: Event) -> bool:
    return _fallback(ev) or any(n.startswith(_STATED) and REPORT_DAY in n for n in _notes(ev))


def _stated(ev: Event) -> bool:
    return not _fallback(ev) and any(n.startswith(_STATED) and "->" in n for n in _notes(ev))


def _told(ev: Event) -> bool:
    """Its own sentence states a day (the act's own, or the report's)."""
    return _stated(ev)


def _same_act(a: Event, b: Event) -> bool:
    """Same event type and the same parties: each side named in both shares a code (a side one
    of them leaves unnamed does not tell them apart, as in ``resolve.dedup``); told by the same
    source where both name one (each side's version of an incident is its own act, GUIDELINES)."""
    if a.event != b.event:
        return False
    said_a, said_b = side_codes(a.claimed_by), side_codes(b.claimed_by)
    if said_a and said_b and not said_a & said_b:
        return False
    Side = tuple[Entity, ...]
    sides: list[tuple[Side, Side]] = [(a.actor, b.actor), (a.recipient, b.recipient)]
    if a.symmetric or b.symmetric:
        sides = [(a.actor + a.recipient, b.actor + b.recipient)]
    return all(side_codes(x) & side_codes(y) for x, y in sides if side_codes(x) and side_codes(y))


def _dated(ev: Event, day: str, why_day: str) -> Event:
    why = ev.explanation
    note = f"story:same-act: {why_day} -> {day}"
    kept = tuple(n for n in _notes(ev) if not n.startswith(FALLBACK_NOTES))
    return replace(ev, date=day, date_precision="day",
                   explanation=replace(why, notes=(*kept, note)) if why is not None else None)


# How the coders mark the record of a page's headline (read by dedup, the story rules and the
# record filter too).
TITLE_NOTE = "section: title"


def date_headline(events: Sequence[Event], lead: dt.date | None,
                  joins: Callable[[Event, Event], bool]) -> list[Event]:
    """``events`` with rule story:headline-lead-day applied (module docstring): an undated
    headline record that ``joins`` no body record takes ``lead``, the day its lead tells."""
    if lead is None:
        return list(events)
    body = [e for e in events if TITLE_NOTE not in _notes(e)]
    out: list[Event] = []
    for ev in events:
        why = ev.explanation
        if ev.date is None and why is not None and TITLE_NOTE in why.notes and not any(
                joins(b, ev) for b in body):
            ev = replace(ev, date=lead.isoformat(), date_precision="day", explanation=replace(
                why, notes=(*why.notes, f"date: none in the headline -> the lead's day {lead.isoformat()}")))
        out.append(ev)
    return out
