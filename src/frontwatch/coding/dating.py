"""Dates across a story's sentences, after the language coders have dated each record.

``date_from_next`` (rule story:next-day): a record whose sentence states no day of its own
(the coder fell back to the story's day, or carried the day of the record before) takes the
day the next sentence states for the same act: a record there of the same event type and the
same parties, dated from its own words, on or before the fallback day. A lead that says what
happened ("24 fighters were killed in an airstrike") and a next sentence that says when ("the
strike was carried out on Wednesday") tell one act. Only the sentence right after counts:
further on, the same type and parties are as often a second act.

Needs each record's explanation notes (the coders always set them); changes only ``date``,
``date_precision`` and a note.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from frontwatch.records import Entity, Event, Sentence

# How the coders say a record's day was not stated in its own sentence.
FALLBACK_NOTES = ("date: none in the sentence", "date: the publication date", "date: carried from")
# How they say it was: "date: 12日 -> 2025-11-12", "date: on Wednesday -> 2019-01-30 (day)".
_STATED = "date: "


def date_from_next(events: Sequence[Event], sentences: Sequence[Sentence]) -> list[Event]:
    """``events`` with rule story:next-day applied (see the module docstring)."""
    starts = sorted(s.start for s in sentences)
    out = list(events)
    for i, ev in enumerate(out):
        if not _fallback(ev) or ev.date is None:
            continue
        at = _sentence_of(ev, starts)
        nxt = next((e for e in out[i + 1:] if _sentence_of(e, starts) == at + 1 and _same_act(ev, e)), None)
        if nxt is None or not _stated(nxt) or nxt.date_precision != "day" or nxt.date is None:
            continue
        if dt.date.fromisoformat(nxt.date) > dt.date.fromisoformat(ev.date):
            continue  # a later day is a later act, not the lead's
        out[i] = _dated(ev, nxt.date)
    return out


def _sentence_of(ev: Event, starts: list[int]) -> int:
    return sum(1 for s in starts if s <= ev.span[0]) - 1


def _notes(ev: Event) -> tuple[str, ...]:
    return ev.explanation.notes if ev.explanation is not None else ()


def _fallback(ev: Event) -> bool:
    return any(n.startswith(FALLBACK_NOTES) for n in _notes(ev))


def _stated(ev: Event) -> bool:
    return not _fallback(ev) and any(n.startswith(_STATED) and "->" in n for n in _notes(ev))


def _codes(side: Sequence[Entity]) -> set[str]:
    return {e.code for e in side if e.code}


def _same_act(a: Event, b: Event) -> bool:
    """Same event type and the same parties (each side named in both shares a code)."""
    if a.event != b.event:
        return False
    Side = tuple[Entity, ...]
    sides: list[tuple[Side, Side]] = [(a.actor, b.actor), (a.recipient, b.recipient)]
    if a.symmetric or b.symmetric:
        sides = [(a.actor + a.recipient, b.actor + b.recipient)]
    return all(_codes(x) & _codes(y) for x, y in sides if _codes(x) or _codes(y))


def _dated(ev: Event, day: str) -> Event:
    why = ev.explanation
    note = f"date: none in the sentence -> the day the next sentence gives the same act ({day})"
    kept = tuple(n for n in _notes(ev) if not n.startswith(FALLBACK_NOTES))
    return replace(ev, date=day, date_precision="day",
                   explanation=replace(why, notes=(*kept, note)) if why is not None else None)
