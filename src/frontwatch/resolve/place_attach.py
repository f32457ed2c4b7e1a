"""Which of a sentence's places belong to one event frame.

A sentence often names more places than the act its trigger reports ("Russia struck Kharkiv
after Ukraine hit Belgorod"; "talks in Geneva on the fighting in Donbas"). The coder finds the
place mentions (``find_places``) and the trigger; ``attach`` keeps the ones of that frame:

1. Places finer than a country (towns, divisions, regions, seas) in the trigger's clause:
   the stretch of text between clause breaks (``CLAUSE_BREAKS``: "; ", " after ", " while ",
   "。", ...) that holds the trigger. With no trigger offset, the whole text is the clause
   (the Japanese coder passes the trigger's scope, already one clause).
2. When the clause has none, the finer places of the whole text, nearest the trigger first.
3. When nothing finer is named, the country or region named as a place ("shelled targets in
   Ukraine", 「ウクライナ領内に」): the one nearest the trigger. A country then is the place.

Input: ``PlaceMention`` records with offsets in ``text``. Output: ``FramePlaces`` (places in
the order kept, and one explanation note per place).

4. Across sentences (``carry_places``, on a document's records in text order): an act on the
   ground whose frame holds no place takes the places finer than a country that its sentence
   names outside the frame (「ティグライ州を支配するTPLFは…空爆を行ったと発表した」); when the
   sentence names none, it happened where the act stated just before it did, when that one
   ends at most ``CARRY_CHARS`` before it ("Fighting broke out in the Kashmir region on
   Sunday. Pakistan's army said two soldiers were killed.").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from frontwatch.records import Event, Place, PlaceMention

# Words that open another clause, often another act with its own place. Only breaks that
# rarely cut a place from its own act: a comma alone does not ("In Kharkiv, a strike ...").
CLAUSE_BREAKS: dict[str, re.Pattern[str]] = {
    "en": re.compile(r";|\s(?:after|before|while|whereas|but|although|though|since|when)\s", re.I),
    "ja": re.compile(r"。|一方、|その後、|これに対し、|これに対して、"),
}
COARSE = frozenset({"country"})  # features that are the place only when nothing finer is named
# Acts on the ground, whose place a following sentence leaves unsaid. Statements (ACCUSE,
# REJECT, ...) are made elsewhere and keep no carried place.
CARRIED_EVENTS = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "RETREAT", "AID"})
# The next sentence or two. On shared/eval/realworld, carrying within 200 characters or
# without limit placed the same three more records (17/29 -> 20/29 paired with a place).
CARRY_CHARS = 300


@dataclass(frozen=True, slots=True)
class FramePlaces:
    places: tuple[Place, ...]
    notes: tuple[str, ...]


def clause_span(text: str, at: int, lang: str) -> tuple[int, int]:
    """(start, end) of the clause of ``text`` that holds offset ``at``."""
    start, end = 0, len(text)
    for m in CLAUSE_BREAKS.get(lang, CLAUSE_BREAKS["en"]).finditer(text):
        if m.end() <= at:
            start = m.end()
        elif m.start() >= at:
            end = m.start()
            break
    return start, end


def attach(
    mentions: Sequence[PlaceMention], text: str, *, lang: str, trigger: int | None = None
) -> FramePlaces:
    """The places of the frame whose trigger starts at ``trigger`` (steps 1-3 of the docstring)."""
    fine = [m for m in mentions if m.place.feature not in COARSE]
    coarse = [m for m in mentions if m.place.feature in COARSE]
    at = trigger if trigger is not None else 0
    if fine:
        if trigger is not None:
            lo, hi = clause_span(text, trigger, lang)
            inside = [m for m in fine if lo <= m.start < hi]
            chosen = inside or sorted(fine, key=lambda m: abs(m.start - at))
            why = "in the trigger's clause" if inside else "nearest the trigger"
        else:
            chosen, why = fine, "named in the act's scope"
        kept = _unique(chosen)
        return FramePlaces(tuple(m.place for m in kept), tuple(f"place: {m.text} -> {m.place.name} ({why})"
                                                              for m in kept))
    if coarse:
        m = min(coarse, key=lambda m: abs(m.start - at))
        return FramePlaces((m.place,), (f"place: {m.text} -> {m.place.name} (no finer place named)",))
    return FramePlaces((), ())


def attach_offsets(places: Sequence[tuple[int, Place]], text: str, *, lang: str,
                   trigger: int | None = None) -> list[tuple[int, Place]]:
    """``attach`` for callers that hold (offset, place) pairs: the pairs kept, in their order."""
    mentions = [PlaceMention(text=p.text, start=at, end=at + len(p.text), place=p) for at, p in places]
    kept = attach(mentions, text, lang=lang, trigger=trigger).places
    return [(at, p) for at, p in places if any(p is k for k in kept)]


def _unique(mentions: Sequence[PlaceMention]) -> list[PlaceMention]:
    seen: set[str] = set()
    out: list[PlaceMention] = []
    for m in mentions:
        key = f"{m.place.geonameid}|{m.place.name}"
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def carry_places(events: Sequence[Event], geocoder: Any | None = None) -> list[Event]:
    """Step 4: ``events`` (one document's, in text order) with places given to the acts on
    the ground that have none: their sentence's (with a ``geocoder``), else the act's before."""
    out: list[Event] = []
    last: Event | None = None
    for ev in events:
        if ev.event_loc:
            last = ev
        elif ev.event in CARRIED_EVENTS:
            own = _sentence_places(ev, geocoder)
            if own:
                ev = _with_places(ev, own, "named in its sentence, outside the act's clause")
            elif last is not None and 0 <= ev.span[0] - last.span[1] <= CARRY_CHARS:
                ev = _with_places(ev, last.event_loc, "the place of the act stated just before")
        out.append(ev)
    return out


def _sentence_places(ev: Event, geocoder: Any | None) -> tuple[Place, ...]:
    if geocoder is None or ev.language not in ("ja", "en") or not ev.text:
        return ()
    from frontwatch.resolve.places import find_places

    found = find_places(ev.text, lang=ev.language, geocoder=geocoder)
    return tuple(m.place for m in _unique([m for m in found if m.place.feature not in COARSE]))


def _with_places(ev: Event, places: tuple[Place, ...], why_text: str) -> Event:
    why = ev.explanation
    if why is not None:
        names = ", ".join(p.name or p.text for p in places)
        why = replace(why, notes=(*why.notes, f"place: none in the act's clause -> {names}, {why_text}"))
    return replace(ev, event_loc=places, explanation=why)
