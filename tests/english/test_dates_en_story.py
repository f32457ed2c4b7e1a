"""Story-level dates of the English coder on hand-written pages: a headline's record and the lead."""

from __future__ import annotations

import datetime as dt

from frontwatch.coding.context import CodingContext
from frontwatch.coding.en import code_sentences
from frontwatch.nlp.english import EnglishPipeline
from frontwatch.records import Document, Event, Section

THU = dt.date(2024, 3, 14)  # a Thursday
TITLE = "Russian forces shell Ukrainian port"


def _code(pipe: EnglishPipeline, ctx: CodingContext, body: str,
          published: dt.date | None = THU) -> list[Event]:
    text = f"{TITLE}\n{body}"
    doc = Document(doc_id="t", text=text, language="en", published=published,
                   sections=(Section("title", TITLE, 0, len(TITLE), "en"),
                             Section("body", body, len(TITLE) + 1, len(text), "en")))
    return code_sentences(doc, pipe.sentences(doc), ctx.for_document(published))


def _headline(events: list[Event]) -> Event:
    return next(e for e in events if e.explanation and "section: title" in e.explanation.notes)


def test_dates_en_story_headline_no_body_record_tells_takes_the_lead_day(
        en_pipeline: EnglishPipeline, en_context: CodingContext) -> None:
    lead = "Two cargo ships were damaged in the port on Tuesday, the governor said."
    head = _headline(_code(en_pipeline, en_context, lead))
    assert (head.date, head.date_precision) == ("2024-03-12", "day")
    undated = _headline(_code(en_pipeline, en_context, "Two cargo ships were damaged in the port."))
    assert undated.date == "2024-03-14"  # a lead with no day: the story's day, as its own record would take
    assert _headline(_code(en_pipeline, en_context, lead, published=None)).date is None
