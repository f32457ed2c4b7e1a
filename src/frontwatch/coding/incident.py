"""The sentence that dates the story's act with a generic noun (rule story:incident-day).

A lead often tells an act without its day, or with only the day of the report, and a later
sentence gives the day by naming the act again with a generic noun: 「事件は12日夜に発生した」,
「襲撃は3日に発生」, "The attack, which took place last Sunday, ...", "The incident happened on
Thursday". ``incident_days`` turns such a sentence into ``ToldDay`` rows marked ``incident``;
``coding.dating`` gives their day to the story's weak records of the act's type (see
``INCIDENT_LAG_DAYS`` there). The nouns and verbs are data
(``data/lexicon/incident_day.toml``, with the evidence for them).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from frontwatch.coding.dating import ToldDay
from frontwatch.coding.lexicon import alternation, read_lexicon_toml
from frontwatch.errors import DataError
from frontwatch.records import Sentence

# The act types a noun of type "any" (事件, "incident") can name.
ANY_ACT = ("ASSAULT", "COERCE", "MOBILIZE")
# How far after the verb an English sentence's day may stand ("The tragic incident which happened
# in Magarya village, Zurmi Local Government Area on Thursday": 62 characters on the dev pages).
EN_REACH = 80
# Where an English clause stops telling the act's own day: "came 24 hours after ...", "took place
# a day before ...": a day after these words is another act's.
_EN_STOP = re.compile(r"\b(?:after|before|following|since|as|when|amid|while|days?|hours?|weeks?|months?)\b",
                      re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class IncidentWords:
    pattern: re.Pattern[str]  # group "noun", then "mid": where the day stands
    types: dict[str, tuple[str, ...]]  # noun (casefolded) -> act types


def parse_incident(data: dict[str, object], lang: str) -> IncidentWords:
    """The pattern and act types of one language's table; DataError names a bad row."""
    table = data.get(lang)
    if not isinstance(table, dict):
        raise DataError(f"incident_day.toml: [{lang}] is missing")
    nouns, verbs, dets = table.get("nouns"), table.get("verbs"), table.get("determiners")
    if not isinstance(nouns, dict) or not nouns or not isinstance(verbs, list) or not isinstance(dets, list):
        raise DataError(f"incident_day.toml: [{lang}] needs nouns, verbs and determiners")
    types: dict[str, tuple[str, ...]] = {}
    for noun, kinds in nouns.items():
        if not isinstance(kinds, list) or not kinds or not all(isinstance(k, str) for k in kinds):
            raise DataError(f"incident_day.toml: [{lang}.nouns] {noun} must list event types")
        types[noun.casefold()] = tuple(t for k in kinds for t in (ANY_ACT if k == "any" else (k,)))
    noun, verb, det = alternation(nouns), alternation(verbs), alternation(dets)
    if lang == "ja":
        rx = rf"(?:{det})?(?P<noun>{noun})(?:は|が)(?P<mid>[^。]{{0,20}}?)(?:{verb})"
        return IncidentWords(re.compile(rx), types)
    rx = (rf"\b(?:{det})\s+(?:[\w'-]+\s+){{0,2}}?(?P<noun>{noun})\b,?\s+(?:(?:which|that)\s+)?"
          rf"(?:{verb})\b(?P<mid>[^.;]{{0,{EN_REACH}}})")
    return IncidentWords(re.compile(rx, re.IGNORECASE), types)


@cache
def incident_words(lang: str) -> IncidentWords:
    return parse_incident(read_lexicon_toml("incident_day.toml"), lang)


def incident_days(sent: Sentence, published: dt.date | None,
                  month: tuple[int, int] | None = None) -> list[ToldDay]:
    """The acts a body sentence dates with a generic noun, one row per act type, or []."""
    if sent.section != "body" or sent.language not in ("ja", "en"):
        return []
    words = incident_words(sent.language)
    for m in words.pattern.finditer(sent.text):
        day = _day(sent.language, m.group("mid"), published, month)
        if day is not None:
            kinds = words.types[m.group("noun").casefold()]
            return [ToldDay(sent.start, t, day, incident=True) for t in kinds]
    return []


def _day(lang: str, mid: str, published: dt.date | None, month: tuple[int, int] | None) -> str | None:
    if lang == "ja":
        from frontwatch.resolve.dates import find_dates

        days = {d.date for d in find_dates(mid, published, month) if d.date and d.precision == "day"}
        return next(iter(days)) if len(days) == 1 else None
    from frontwatch.resolve.dates_en import resolve_date

    stop = _EN_STOP.search(mid)
    said = resolve_date(mid[:stop.start()] if stop else mid, published, month)
    return said.date if said is not None and said.precision == "day" else None
