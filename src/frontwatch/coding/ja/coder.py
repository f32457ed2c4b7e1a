"""Japanese event coder: parsed sentences -> PLOVER event records.

``code_sentences`` runs the shared stages (``coding.stages.code_sentence``) with the
Japanese ones (``coding.ja.stages``) on each sentence of a document, then the steps that
look across sentences (``coding.ja.discourse``): a reaction answers the event before it,
a casualty count in a sentence that codes no attack goes to the nearest attack before it,
and the last day the narration stated carries to the next sentences of its paragraph
(and to 同日 anywhere). A wire story is told from its dateline's day (``_filed``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from frontwatch.coding.context import CodingContext
from frontwatch.coding.ja.discourse import follow_discourse, orphan_casualties
from frontwatch.coding.ja.doer import StoryDoers
from frontwatch.coding.ja.stages import JapaneseStages
from frontwatch.coding.ja.triggers import find_triggers
from frontwatch.coding.ja.words import words
from frontwatch.coding.stages import code_sentence
from frontwatch.records import Document, Event, Sentence
from frontwatch.resolve.dates import dateline_end, find_dates, wire_day

# A wire dateline opens the lead: one of the first body sentences (after a photo line or two).
DATELINE_SENTENCES = 3


def code_sentences(doc: Document, sentences: list[Sentence], ctx: CodingContext) -> list[Event]:
    """Event candidates of a document's Japanese sentences (ids are set by the coder)."""
    ctx = ctx.for_document(_filed(sentences, ctx.published))
    stages = JapaneseStages(ctx, ctx.lexicon("ja"), ctx.published.year if ctx.published else None)
    stages.doers = StoryDoers.scan(sentences, ctx.actors, stages.year)
    events: list[Event] = []
    carried: dict[int, tuple[str, str]] = {}  # section start (-1: document) -> last day stated
    for sent in sentences:
        sec = _section_start(doc, sent)
        # the last day stated in this paragraph; 同日 also reaches back to earlier paragraphs
        same_day = any(w in sent.text for w in words().same_day)
        stages.carried = carried.get(sec) or (carried.get(-1) if same_day else None)
        seg, coded = code_sentence(stages, sent)
        made = follow_discourse(coded, seg.detail, events)
        for ev in made:
            if ev.date and ev.date_precision == "day" and ev.explanation and any(
                    n.startswith("date: ") and "->" in n and not _quoted_date(sent.text, n)
                    for n in ev.explanation.notes):
                carried[sec] = carried[-1] = (ev.date, "day")
        orphan_casualties(sent, made, events)
        events.extend(made)
    lead = _lead_day(sentences, ctx.published)
    return [_headline_dated(ev, lead) for ev in events] if lead is not None else events


# An undated headline event in the coder's notes (coding.ja.scope.resolve_date).
HEADLINE_UNDATED = "date: none stated in the headline"


def _lead_day(sentences: list[Sentence], filed: dt.date | None) -> dt.date | None:
    """The day the lead tells (rule ja:headline-lead-day): the first day its first body sentence
    states after any wire dateline, else the dateline's day. A headline sums up its lead."""
    lead = next((s for s in sentences if s.section == "body"), None)
    if lead is None or filed is None:
        return None
    text = lead.text[dateline_end(lead.text):]
    said = [d for d in find_dates(text, filed) if d.date and d.precision == "day"]
    if said:
        return dt.date.fromisoformat(str(said[0].date))
    return filed if dateline_end(lead.text) and wire_day(lead.text, filed) is not None else None


def _headline_dated(ev: Event, lead: dt.date) -> Event:
    why = ev.explanation
    if ev.date is not None or why is None or HEADLINE_UNDATED not in why.notes:
        return ev
    notes = tuple(f"date: none in the headline -> the lead's day {lead.isoformat()}"
                  if n == HEADLINE_UNDATED else n for n in why.notes)
    return replace(ev, date=lead.isoformat(), date_precision="day", explanation=replace(why, notes=notes))


def _filed(sentences: list[Sentence], published: dt.date | None) -> dt.date | None:
    """The day the story is told from (rule ja:wire-day): the day of a wire dateline opening one
    of the first body sentences ("[バンコク 12日 ロイター] -"), else the publication date. A
    sentence naming no day of its own is dated by it, and 昨日 or 12日 count back from it."""
    body = [s for s in sentences if s.section == "body"]
    for sent in body[:DATELINE_SENTENCES]:
        day = wire_day(sent.text, published)
        if day is not None and published is not None and day <= published:
            return day
    return published


def _quoted_date(text: str, note: str) -> bool:
    """A day stated inside a quote (「先月28日の攻撃への報復だ」) is a reference to the past,
    not the day the narration has reached: it does not carry to 同日."""
    said = note[len("date: "):note.find(" ->")].split(" (")[0]
    pos = text.find(said)
    before = text[:pos] if pos >= 0 else ""
    return pos >= 0 and sum(before.count(c) for c in "「『") > sum(before.count(c) for c in "」』")


def _section_start(doc: Document, sent: Sentence) -> int:
    for s in doc.sections:
        if s.start <= sent.start < s.end:
            return s.start
    return -1


__all__ = ["code_sentences", "find_triggers"]
