"""Japanese event coder: parsed sentences -> PLOVER event records.

``code_sentences`` runs the shared stages (``coding.stages.code_sentence``) with the
Japanese ones (``coding.ja.stages``) on each sentence of a document, then the steps that
look across sentences (``coding.ja.discourse``): a reaction answers the event before it,
a casualty count in a sentence that codes no attack goes to the nearest attack before it,
and the last day the narration stated carries to the next sentences of its paragraph
(and to 同日 anywhere). A wire story is told from its dateline's day (``_filed``); a page with
no publication date, from the day its photo caption prints (``_photo_day``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from frontwatch.coding.context import CodingContext
from frontwatch.coding.dating import STORY_DAY_NAME, ToldDay, date_from_story
from frontwatch.coding.incident import incident_days
from frontwatch.coding.ja.discourse import follow_discourse, orphan_casualties
from frontwatch.coding.ja.doer import StoryDoers
from frontwatch.coding.ja.resolution import BACKGROUND_DAYS, month_end
from frontwatch.coding.ja.stages import JapaneseStages
from frontwatch.coding.ja.triggers import find_triggers
from frontwatch.coding.ja.words import words
from frontwatch.coding.stages import Dropped, Trigger, code_sentence, note_dropped
from frontwatch.records import Document, Event, Sentence
from frontwatch.resolve.dates import dateline_end, find_dates, wire_day

# A wire dateline opens the lead: one of the first body sentences (after a photo line or two).
DATELINE_SENTENCES = 3
# Rule ja:story-day: a sentence that states no day, in a paragraph that has stated none, takes the
# story's day (the latest day stated by the first sentence that dates a record: the lead's report
# or act day) rather than the publication date, when that day is at most this far before
# publication (a day further back is a recap's, not the news's). On the paired dated gold records
# of the dev sets whose sentence states no day (26, over 20 pages of 11 sets) the first day the
# story states was right for 23, the publication date for 19; with this rule the Japanese dated
# pairs of those sets went from 94/105 to 98/106 right.
STORY_DAY_DAYS = 7


def code_sentences(doc: Document, sentences: list[Sentence], ctx: CodingContext) -> list[Event]:
    """Event candidates of a document's Japanese sentences (ids are set by the coder)."""
    ctx = ctx.for_document(_filed(sentences, ctx.published) or _photo_day(doc))
    stages = JapaneseStages(ctx, ctx.lexicon("ja"), ctx.published.year if ctx.published else None)
    stages.doers = StoryDoers.scan(sentences, ctx.actors, stages.year)
    events: list[Event] = []
    told: list[ToldDay] = []  # acts a sentence dates without a record of them
    # section start (-1: document) -> (last day stated, how it is named in the date note)
    carried: dict[int, tuple[str, str]] = {}
    story: tuple[str, str] | None = None  # the first day the story states (rule ja:story-day)
    for sent in sentences:
        sec = _section_start(doc, sent)
        # the last day stated in this paragraph; 同日 also reaches back to earlier paragraphs;
        # else the story's first day
        same_day = any(w in sent.text for w in words().same_day)
        stages.carried = carried.get(sec) or (carried.get(-1) if same_day else None) or story
        seg, coded = code_sentence(stages, sent)
        made = follow_discourse(coded, seg.detail, events)
        for ev in made:
            if ev.date and ev.date_precision == "day" and ev.explanation and any(
                    n.startswith("date: ") and "->" in n and not _quoted_date(sent.text, n)
                    for n in ev.explanation.notes):
                carried[sec] = carried[-1] = (ev.date, "the last day stated")
                if story is None:
                    story = _story_day(sent.text, ctx.published)
        orphan_casualties(sent, made, events)
        events.extend(made)
        told.extend(() if made else _told_days(sent, seg.triggers, ctx.published, ctx.month))
        told.extend(incident_days(sent, ctx.published, ctx.month))
    lead = _lead_day(sentences, ctx.published, ctx.month)
    events = [_headline_dated(ev, lead) for ev in events] if lead is not None else events
    events = date_from_story(events, sentences, told)
    return events if ctx.published is not None else _recaps_dropped(events)


def _story_day(text: str, published: dt.date | None) -> tuple[str, str] | None:
    """The day the story is told on (rule ja:story-day): the latest day the first sentence that
    dates a record states (ウクライナ国防省は21日、ロシア軍が20日夜に…と発表: the 21st, the report's),
    when it is on or at most ``STORY_DAY_DAYS`` before publication; else None."""
    if published is None:
        return None
    days = [dt.date.fromisoformat(d.date) for d in find_dates(text, published)
            if d.date and d.precision == "day"]
    recent = [d for d in days if 0 <= (published - d).days <= STORY_DAY_DAYS]
    return (max(recent).isoformat(), STORY_DAY_NAME) if recent else None


def _recaps_dropped(events: list[Event]) -> list[Event]:
    """A page with no publication date (rule ja:story-recap): its acts are dated only where the
    text writes the year (2023年3月29日), and the latest of them is the story's day; an act dated
    more than ``BACKGROUND_DAYS`` before it is the writer's recap of history (2016年以降…2017年10月に
    停戦 under a 2023 lead), as ``resolution.background`` judges an act against a known
    publication date."""
    spans = {id(ev): _period(ev) for ev in events}
    starts = [span[0] for span in spans.values() if span is not None]
    if not starts:
        return events
    latest = max(starts)
    kept = []
    for ev in events:
        span = spans[id(ev)]
        if span is not None and (latest - span[1]).days > BACKGROUND_DAYS:
            trigger = ev.explanation.trigger if ev.explanation else ""
            note_dropped(Dropped(ev.doc_id, ev.text, trigger, ev.event, "story", "ja:story-recap",
                                 f"dated {ev.date}, more than {BACKGROUND_DAYS} days before the story's "
                                 f"latest act ({latest.isoformat()})"))
            continue
        kept.append(ev)
    return kept


def _period(ev: Event) -> tuple[dt.date, dt.date] | None:
    """The first and last day of a record's date (a month's or a year's for a coarser one)."""
    if ev.date is None or ev.date_precision is None:
        return None
    start = dt.date.fromisoformat(ev.date)
    end = {"day": start, "month": month_end(start), "year": dt.date(start.year, 12, 31)}[ev.date_precision]
    return start, end


def _told_days(sent: Sentence, triggers: Sequence[Trigger], published: dt.date | None,
               month: tuple[int, int] | None) -> list[ToldDay]:
    """A body sentence that makes no record but dates its acts to one day (無人機は15日午後、…を
    通過した: no actor named): the day of each act type it names, for ``coding.dating``."""
    days = {d.date for d in find_dates(sent.text, published, month) if d.date and d.precision == "day"}
    if sent.section != "body" or len(days) != 1:
        return []
    day = str(next(iter(days)))
    return [ToldDay(sent.start, t.entry.event, day) for t in triggers]


# A photo caption: no sentence end inside, the photographer's or agency's credit last
# (「…避難する人たち=ロイター」, 「…=外務省で、山田撮影」); not a file photo (資料写真).
_CAPTION = re.compile(r"^[^。]+(?:[=＝][^=＝。、]{1,25}|撮影)\s*$")
_FILE_PHOTO = re.compile(r"資料|ファイル写真")


def _photo_day(doc: Document) -> dt.date | None:
    """The day a photo caption of the story prints in full (rule ja:photo-day): on a page with no
    publication date, the day the story is told from (1日夜 is that month's 1st), as a wire
    dateline's is; the page's publication date stays unknown. The page splitter files most
    captions (「…=ロイター」) as credits, so those are read as well as the body."""
    for sec in doc.parts("body", "credit"):
        for line in sec.text.splitlines():
            line = line.strip()
            if _CAPTION.match(line) and not _FILE_PHOTO.search(line):
                full = [d for d in find_dates(line, None) if d.date and d.precision == "day"]
                if full:
                    return dt.date.fromisoformat(str(full[0].date))
    return None


# An undated headline event in the coder's notes (coding.ja.scope.resolve_date).
HEADLINE_UNDATED = "date: none stated in the headline"


def _lead_day(sentences: list[Sentence], filed: dt.date | None,
              month: tuple[int, int] | None = None) -> dt.date | None:
    """The day the lead tells (rule ja:headline-lead-day): the first day its first body sentence
    states after any wire dateline, else the dateline's day. A headline sums up its lead. A page
    known only to its year and month (``month``) still has a lead that states 19日."""
    lead = next((s for s in sentences if s.section == "body"), None)
    if lead is None or (filed is None and month is None):
        return None
    text = lead.text[dateline_end(lead.text):]
    said = [d for d in find_dates(text, filed, month) if d.date and d.precision == "day"]
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
