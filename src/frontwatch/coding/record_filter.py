"""The learned record filter (issue 12, item 4): the last stage before a page's records are numbered.

A small logistic model reads each finished record of a page (after choice, dedup and places)
and drops it when the probability that a person coding the page would have written it is below
the model's threshold. The model is ``data/record_filter.json``: named features, their weights,
a bias and a threshold, with the provenance of the training run. It is trained by
``scripts/train_record_filter.py`` on hand-coded gold of real pages, and chosen and scored held
apart by set (docs/learned.md). Scoring a record is a sum of weights: deterministic, no random
state, microseconds a record.

The features use only the finished record and its page's other records: its type,
factuality, context, date precision and where its date came from; whether it has an actor and a
recipient, read or inferred, or the same party on both sides; a claimant; the sentence's length,
quote marks and a year other than the publication year; the record's place in the page, how many
records share its sentence, mentions joined into it, and whether an earlier record has the same
type (and actor); and the rule names in its explanation. No document ids and no sentence text.

A dropped record is noted as a ``stages.Dropped`` at stage ``filter`` (``frontwatch explain
--dropped`` lists it); a kept one carries its probability in its explanation notes.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from frontwatch.coding.dating import TITLE_NOTE
from frontwatch.coding.stages import Dropped, note_dropped
from frontwatch.errors import FrontwatchError
from frontwatch.records import CODED_KINDS, Document, Event, side_codes

MODEL_FILE = "record_filter.json"
# A document of fewer sentences than this (a wire flash, an event-data sentence such as the PLOVER
# gold standard's) is no page: the model learned on pages of several sentences reads a record's
# place among its page's records, and is not applied to it. Held apart, the model lowered the PLOVER
# development sentences from F1 0.800 to 0.730; 7 of 560 development news pages are one sentence.
MIN_PAGE_SENTENCES = 2
# A sentence's end: Japanese full stops and marks, or an English one after a small letter, a digit
# or a closing mark and before a capital ("U.S. forces" is one sentence; "Mr. Smith" two, rarely met).
_SENTENCE_END = re.compile(r"[。！？!?](?=[^」』”\"）)]|$)"
                           r"|(?<=[a-z0-9%)”\"'’])[.!?](?=[”\"'’]?(?:\s+[A-Z“\"‘(]|\s*$))")
# A rule name in a note: "en:group-anaphor: ...", "ja.said-about", "rule: ja.home-ground".
RULE_NOTE = re.compile(r"^(?:rule: )?((?:en|ja)[:.][a-z][a-z0-9-]*)")
YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")
QUOTE_MARKS = "「『“\""
# A date more than this many days before publication is a recap, not the news (issue 12, kind 5).
OLD_DAYS = 31
NOTE_PREFIX = "filter: "


def is_page(doc: Document) -> bool:
    """Has the document's coded text (title and body) ``MIN_PAGE_SENTENCES`` sentences or more?"""
    count = 0
    for section in doc.sections:
        text = section.text.strip()
        if section.kind in CODED_KINDS and text:
            count += max(1, len(_SENTENCE_END.findall(text)))
            if count >= MIN_PAGE_SENTENCES:
                return True
    return False


def _rule_names(ev: Event) -> set[str]:
    why = ev.explanation
    if why is None:
        return set()
    names = {why.rule}
    for note in why.notes:
        m = RULE_NOTE.match(note)
        if m:
            names.add(m.group(1))
    return names


def _date_source(ev: Event) -> str:
    notes = ev.explanation.notes if ev.explanation else ()
    said = [n for n in notes if n.startswith("date: ")]
    if not said:
        return "none"
    n = said[0]
    if n.startswith("date: the publication date"):
        return "publication"
    if "no publication date" in n or n.startswith("date: none for"):
        return "unresolved"
    if "none in the sentence" in n or "carried" in n or "none in the headline" in n:
        return "carried"
    return "stated" if "->" in n else "other"


def _age_days(ev: Event, published: dt.date | None) -> int | None:
    if ev.date is None or published is None:
        return None
    try:
        return (published - dt.date.fromisoformat(ev.date)).days
    except ValueError:
        return None


def _party_features(ev: Event) -> dict[str, float]:
    actor, recipient = side_codes(ev.actor), side_codes(ev.recipient)
    notes = ev.explanation.notes if ev.explanation else ()
    inferred_actor = any(n.startswith("actor: ") and "by rule" not in n for n in notes)
    # a two-sided record names both sides as its actors: its other side is its recipient
    two_sided = ev.symmetric and len(actor) > 1
    return {"actor": float(bool(actor)), "recipient": float(bool(recipient) or two_sided),
            "self-target": float(bool(actor & recipient) and not ev.symmetric),
            "symmetric": float(ev.symmetric), "actor-inferred": float(inferred_actor),
            "recipient-inferred": float(any(n.startswith("recipient: none named") for n in notes)),
            "claimed-by": float(bool(ev.claimed_by)),
            "said-by": float(any(n.startswith("factuality: said by") for n in notes))}


def _text_features(ev: Event, published: dt.date | None) -> dict[str, float]:
    years = {int(y) for y in YEAR.findall(ev.text)}
    other_year = bool(published and years and published.year not in years)
    return {"sentence-length": min(1.0, len(ev.text) / 300.0),
            "quote": float(any(q in ev.text for q in QUOTE_MARKS)),
            "other-year": float(other_year)}


def _repeat_features(ev: Event, before: Sequence[Event]) -> dict[str, float]:
    """Has an earlier record of the page the same type (and the same actor)? One action told
    twice is one gold record (issue 12, kind 8)."""
    same_type = [o for o in before if o.event == ev.event]
    actor = side_codes(ev.actor)
    return {"repeat-type": float(bool(same_type)),
            "repeat-type-actor": float(any(side_codes(o.actor) == actor for o in same_type))}


def features(ev: Event, doc_events: Sequence[Event], published: dt.date | None) -> dict[str, float]:
    """The named features of one finished record among its page's records (in text order)."""
    notes = [n for n in (ev.explanation.notes if ev.explanation else ()) if not n.startswith(NOTE_PREFIX)]
    age = _age_days(ev, published)
    same_sentence = sum(1 for o in doc_events if o.span == ev.span)
    index = next((k for k, o in enumerate(doc_events) if o is ev), 0)
    out: dict[str, float] = {
        f"lang={ev.language}": 1.0, f"type={ev.event}": 1.0, f"factuality={ev.factuality}": 1.0,
        f"date-source={_date_source(ev)}": 1.0, f"precision={ev.date_precision}": 1.0,
        "old-date": float(age is not None and age > OLD_DAYS),
        "mode": float(bool(ev.mode)), "place": float(bool(ev.event_loc)),
        "dead": float(ev.dead is not None), "weapons": float(bool(ev.weapons)),
        "title": float(TITLE_NOTE in notes),
        "joined": min(1.0, sum(n.startswith("dedup:") for n in notes) / 3.0),
        "position": index / max(1, len(doc_events) - 1),
        "first": float(index == 0),
        "doc-records": min(1.0, len(doc_events) / 20.0),
        "same-sentence": min(1.0, (same_sentence - 1) / 3.0),
        **_party_features(ev), **_text_features(ev, published),
        **_repeat_features(ev, doc_events[:index]),
    }
    for ctx in ev.context:
        out[f"context={ctx}"] = 1.0
    for name in _rule_names(ev):
        out[f"rule={name}"] = 1.0
    return out


def document_features(events: Sequence[Event], published: dt.date | None) -> list[dict[str, float]]:
    return [features(ev, events, published) for ev in events]


@dataclass(frozen=True)
class RecordFilter:
    """A trained model: ``weights`` by feature name, ``bias`` and the ``threshold`` below which a
    record is dropped."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, feats: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in sorted(feats.items()))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def keep(self, events: Sequence[Event], published: dt.date | None) -> list[Event]:
        """The records of one page (in text order) the model keeps, each with its probability in
        its explanation; the others are noted as dropped at stage ``filter``."""
        kept: list[Event] = []
        for ev, feats in zip(events, document_features(events, published), strict=True):
            p = self.probability(feats)
            if p >= self.threshold:
                kept.append(_noted(ev, f"{NOTE_PREFIX}kept, p={p:.2f} (threshold {self.threshold:.2f})"))
            else:
                trigger = ev.explanation.trigger if ev.explanation else ""
                note_dropped(Dropped(ev.doc_id, ev.text, trigger, ev.event, "filter", "record-filter",
                                     f"p={p:.2f} below the threshold {self.threshold:.2f}"))
        return kept


def not_filtered(ev: Event) -> Event:
    """A record of a document that is no page (``is_page``), kept with a note saying why."""
    return _noted(ev, f"{NOTE_PREFIX}not applied (a document of fewer than {MIN_PAGE_SENTENCES} sentences)")


def _noted(ev: Event, note: str) -> Event:
    if ev.explanation is None:
        return ev
    return replace(ev, explanation=replace(ev.explanation, notes=(*ev.explanation.notes, note)))


def from_json(body: dict[str, Any]) -> RecordFilter:
    """A ``RecordFilter`` from the model file's JSON (``weights``, ``bias``, ``threshold``)."""
    try:
        weights = {str(k): float(v) for k, v in body["weights"].items()}
        return RecordFilter(weights, float(body["bias"]), float(body["threshold"]))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise FrontwatchError(f"the record filter model is malformed: {exc!r}") from exc


@lru_cache(maxsize=1)
def default_filter() -> RecordFilter:
    """The shipped model (``frontwatch/data/record_filter.json``), read once."""
    text = resources.files("frontwatch").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")
    return from_json(json.loads(text))
