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


def test_dates_en_story_a_page_without_a_date_is_told_from_its_photo_caption(
        en_pipeline: EnglishPipeline, en_context: CodingContext) -> None:
    # rule en:photo-day: the first dated caption gives the day "on Tuesday" counts back from
    body = ("Firefighters at a damaged house in Kherson, Ukraine, March 12, 2024. (Example Photo)\n\n"
            "Russian forces shelled the port of Kherson on Tuesday, the governor said.")
    shelled = [e for e in _code(en_pipeline, en_context, body, published=None) if e.event == "ASSAULT"
               and "shelled the port" in e.text]
    assert shelled and {e.date for e in shelled} == {"2024-03-12"}
    filed = body.replace("(Example Photo)", "(Example Agency/File Photo)")
    shelled = [e for e in _code(en_pipeline, en_context, filed, published=None) if e.event == "ASSAULT"
               and "shelled the port" in e.text]
    assert shelled and {e.date for e in shelled} == {None}  # a file photo shows another day


def test_dates_en_story_a_lead_with_no_day_takes_its_detail_sentence_day(
        en_pipeline: EnglishPipeline, en_context: CodingContext) -> None:
    # rule story:lead-detail: the next sentence tells the lead's attack with its day
    body = ("Jihadists killed eight Malian soldiers in an attack in the north, security sources said.\n\n"
            "Islamic State fighters ambushed the troops on Tuesday near the border with Niger.")
    lead = [e for e in _code(en_pipeline, en_context, body) if e.event == "ASSAULT"
            and e.text.startswith("Jihadists killed")]
    assert lead and {e.date for e in lead} == {"2024-03-12"}
