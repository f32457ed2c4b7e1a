"""Japanese event coder: parsed sentences -> PLOVER event records.

``code_sentences`` runs the shared stages (``coding.stages.code_sentence``) with the
Japanese ones (``coding.ja.stages``) on each sentence of a document, then the steps that
look across sentences (``coding.ja.discourse``): a reaction answers the event before it,
a casualty count in a sentence that codes no attack goes to the nearest attack before it,
and the last day the narration stated carries to the next sentences of its paragraph
(and to 同日 anywhere).
"""

from __future__ import annotations

from frontwatch.coding.context import CodingContext
from frontwatch.coding.ja.discourse import follow_discourse, orphan_casualties
from frontwatch.coding.ja.stages import JapaneseStages
from frontwatch.coding.ja.triggers import find_triggers
from frontwatch.coding.ja.words import words
from frontwatch.coding.stages import code_sentence
from frontwatch.records import Document, Event, Sentence


def code_sentences(doc: Document, sentences: list[Sentence], ctx: CodingContext) -> list[Event]:
    """Event candidates of a document's Japanese sentences (ids are set by the coder)."""
    stages = JapaneseStages(ctx, ctx.lexicon("ja"), ctx.published.year if ctx.published else None)
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
    return events


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
