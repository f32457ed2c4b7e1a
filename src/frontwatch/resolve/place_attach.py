"""Which of a sentence's places belong to one event frame.

A sentence often names more places than the act its trigger reports ("Russia struck Kharkiv
after Ukraine hit Belgorod"; "talks in Geneva on the fighting in Donbas"). The coder finds the
place mentions (``find_places``) and the trigger; ``attach`` keeps the ones of that frame:

0. A dateline opening the text (【バンコク時事】, （台北中央社）, "MOSCOW, Dec 3 (Reuters) -",
   "Islamabad: ", "Maputo — ") names where the story was filed, not where the act happened: its
   places are left out (``dateline_end``). So is the place of the speakers, written in their
   phrase right before the verb of saying ("the military command in Quito said Peruvian
   forces attacked ..."; ``spoken_from``, ``speaker_verbs`` of ``cues.toml``).

1. Places finer than a country (towns, divisions, regions, seas) in the trigger's clause:
   the stretch of text between clause breaks (``CLAUSE_BREAKS``: "; ", " after ", " while ",
   "。", ...) that holds the trigger. With no trigger offset, the whole text is the clause
   (the Japanese coder passes the trigger's scope, already one clause).
2. When the clause has none, the finer places of the whole text, nearest the trigger first.
3. When nothing finer is named, the country or region named as a place ("shelled targets in
   Ukraine", 「ウクライナ領内に」): the recipient's country when the sentence names it as a
   place (the side struck: 「イラク北部とシリア北西部を空爆」 against Syria is in Syria), else
   the one nearest the trigger; a country before a continent or a region of several
   countries (西アフリカ・ブルキナファソ: Burkina Faso). A country then is the place.

Input: ``PlaceMention`` records with offsets in ``text``. Output: ``FramePlaces`` (places in
the order kept, and one explanation note per place).

4. Across sentences (``carry_places``, on a document's records in text order): an act on the
   ground whose frame holds no place takes the places finer than a country that its sentence
   names outside the frame (「ティグライ州を支配するTPLFは…空爆を行ったと発表した」); a sentence
   whose word points back to a place (同海域, "the same area": ``cues.toml`` anaphora) takes
   the places of the nearest sentence before it that names some; when the
   sentence names none, it happened where the act on the ground stated just before it did
   (a statement's place is where it was said or what it spoke of), when that one
   ends at most ``CARRY_CHARS`` before it ("Fighting broke out in the Kashmir region on
   Sunday. Pakistan's army said two soldiers were killed."; a place so carried carries on);
   else the finer places in its parties' countries (an attack's: the side struck; or in
   none: seas, borders)
   of the nearest of the ``STORY_SENTENCES`` sentences before it that names some; else those
   of the next sentence (news tells the act, then its detail). An act whose place is only a
   country takes the finer places in that country the next sentence names ("killed in an
   airstrike in Somalia. ... the strike hit a base near Shebeeley in the Hiran region"), else
   those of the nearest of the ``STORY_SENTENCES`` before it that names some. Last, an act still
   without a place, or with only a country, takes the finer places of the nearest sentence
   of its story, before or after it (``place_story.nearest_scene``); an attack still without
   one, the struck side's country its sentence names (``place_story.struck_country_named``).
   A warning given on the scene (``scene_warnings`` of ``cues.toml``: 警告, "warning shots")
   counts as an act on the ground here (``carried``). A record that
   joined other mentions of its act (dedup, an English retelling: ``Event.joined``) and finds
   no finer place so takes those its first joined mention would have been given (``_from_joined``).
5. One border, one name in a document: a border takes the name the document wrote out for
   the same two countries (タイ・カンボジア国境 -> Thailand–Cambodia border; ``place_frontiers``),
   and an act on the ground with no place whose sentence has a bare 国境 / "border" is on
   the written border of its actor's or recipient's country, when there is exactly one.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from frontwatch.records import CODED_KINDS, Document, Event, Place, PlaceMention
from frontwatch.resolve.place_frontiers import (
    border_countries,
    document_border_names,
    names_a_border,
    rename_borders,
)
from frontwatch.resolve.place_story import detail_after, places_before, struck_country_named

# Words that open another clause, often another act with its own place. Only breaks that
# rarely cut a place from its own act: a comma alone does not ("In Kharkiv, a strike ...").
CLAUSE_BREAKS: dict[str, re.Pattern[str]] = {
    "en": re.compile(r";|\s(?:after|before|while|whereas|but|although|though|since|when)\s", re.I),
    "ja": re.compile(r"。|一方、|その後、|これに対し、|これに対して、"),
}
COARSE = frozenset({"country", "continent"})  # the place only when nothing finer is named
# Acts on the ground, whose place a following sentence leaves unsaid. Statements (ACCUSE,
# REJECT, ...) are made elsewhere and keep no carried place.
CARRIED_EVENTS = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "RETREAT", "AID"})
# A dateline: a bracketed credit opening a Japanese sentence (【ヤンゴン共同】, （台北中央社）,
# 【1月26日 AFP】) or a name with a colon or a bracketed agency (アンバル: , モガディシオ(CNN) );
# an English one: an upper-case city, optional date and agency, then a dash, or a
# capitalised city and a colon, after an optional bracketed credit of its own
# ("(MENAFN- Kuwait News Agency (KUNA)) TOKYO, April 8 (KUNA) --"); also the wire forms with no
# dash: an upper-case city and a colon ("BANGKOK: "), or its date and a colon, a /TASS/ credit or
# an agency and a bar, and a city, date and bracketed agency ("Bogota, Sep 12 (IANS)"). Dev9 +
# realworld: 19 such paragraph openings (12 city-and-colon, 5 dated, 2 IANS-style), none caught before.
DATELINES: dict[str, re.Pattern[str]] = {
    "ja": re.compile(r"^\s*(?:[【〔\[][^】〕\]]{1,30}[】〕\]]|[（(][^）)]{1,30}[）)]"
                     r"|[\u30a1-\u30fa\u30fc・]{2,12}(?:[:：]|[（(][^）)]{1,12}[）)])(?=[ \u3000]))"),
    "en": re.compile(
        r"^\s*(?:\((?:[^()]|\([^()]*\))*\)\s*)?"
        r"(?:[A-Z]{3,}[A-Z .'/-]*(?:,\s*[A-Z][A-Za-z .'-]{2,30}?)?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}"
        r"(?:,\s*\d{4})?)?\s*(?:\([^)]{1,40}\))?\s*[-\u2013\u2014]+"
        r"|[A-Z]{3,}[A-Z .'-]*\s*\([^()]{1,80}\)(?=\s+[A-Z])"  # MOSCOW (Wire / Agency - 3 May)
        r"|[A-Z]{3,}[A-Z .'-]*:(?=\s)"  # BANGKOK: , GAZA CITY:
        # BARA, November 26: ; YEREVAN, November 22. /TASS/. ; YAOUNDE, June 1 Xinhua |
        r"|[A-Z]{3,}[A-Z .'-]*,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?"
        r"(?::|\.\s*/[^/]{1,20}/\.?|\s+[A-Z][A-Za-z]+\s*\|)"
        # Bogota, Sep 12 (IANS)
        r"|[A-Z][a-z]+(?: [A-Z][a-z]+)?,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*\([A-Z][A-Za-z]{1,10}\)(?=\s)"
        r"|[A-Z][a-z]+(?: [A-Z][a-z]+)?:(?=\s)"
        r"|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}\s+[\u2013\u2014]+(?=\s+[A-Z]))"),  # Maputo — Terrorists
}
# 同海域 points back to the waters named in the last sentence or two: a story's paragraph.
ANAPHORA_SENTENCES = 3
# The scene of a story is set a sentence or three before its acts. On shared/eval/realworld
# 8 sentences added only one wrong place (Tibet for a clash in Ladakh) over 3.
STORY_SENTENCES = 3
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
    mentions: Sequence[PlaceMention], text: str, *, lang: str, trigger: int | None = None,
    struck: Collection[str] = (),
) -> FramePlaces:
    """The places of the frame whose trigger starts at ``trigger`` (steps 1-3 of the docstring);
    ``struck``: the recipients' country codes, whose country is the place in step 3."""
    mentions = scene_mentions(mentions, text, lang)
    fine = [m for m in mentions if not coarse(m.place)]
    broad = [m for m in mentions if coarse(m.place)]
    at = trigger if trigger is not None else 0
    if fine:
        if trigger is not None:
            lo, hi = clause_span(text, trigger, lang)
            inside = [m for m in fine if lo <= m.start < hi]
            chosen = inside or sorted(fine, key=lambda m: abs(m.start - at))
            why = "in the trigger's clause" if inside else "nearest the trigger"
        else:
            chosen, why = fine, "named in the act's scope"
        kept = unique_mentions(chosen)
        return FramePlaces(tuple(m.place for m in kept), tuple(f"place: {m.text} -> {m.place.name} ({why})"
                                                              for m in kept))
    if broad:
        # a country the sentence places the act in (シリアにあるイラン領事館, "in Syria") before a
        # struck party's country named as an owner (イラン領事館, "the Iranian consulate")
        # and a country before a continent or a region of several countries named with it
        # (西アフリカ・ブルキナファソ北部: Burkina Faso)
        m = min(broad, key=lambda m: (m.place.feature != "country", not _locative(text, m, lang),
                                      m.place.country not in struck, abs(m.start - at)))
        return FramePlaces((m.place,), (f"place: {m.text} -> {m.place.name} (no finer place named)",))
    return FramePlaces((), ())


# What marks a country as where something is or happens: Japanese particles after it, English
# prepositions before it.
_JA_LOCATIVE = re.compile(r"(?:にある|にいる|に駐留|に駐屯|で|国内|領内|内で|内の|各地|の(?:国内|領内|各地))")
_EN_LOCATIVE = re.compile(r"(?i)\b(?:in|inside|within|across|throughout)\s+(?:the\s+)?$")


def _locative(text: str, m: PlaceMention, lang: str) -> bool:
    if lang == "ja":
        return _JA_LOCATIVE.match(text, m.end) is not None
    return _EN_LOCATIVE.search(text, max(0, m.start - 20), m.start) is not None


def coarse(place: Place) -> bool:
    """A country, a continent or a region of several countries (Central Asia, the Sahel): the
    place only when nothing finer is named (steps 1-3)."""
    return place.feature in COARSE or (place.feature == "region" and not place.country)


def scene_mentions(mentions: Sequence[PlaceMention], text: str, lang: str) -> list[PlaceMention]:
    """``mentions`` less those of a dateline and those of the speakers (step 0)."""
    filed = dateline_end(text, lang)
    return [m for m in mentions if m.start >= filed and not spoken_from(m, text, lang)]


_SPEAKER_BEFORE = re.compile(r"\b(?:in|from)\s+(?:the\s+)?$")


def spoken_from(m: PlaceMention, text: str, lang: str) -> bool:
    """Whether ``m`` names where the speakers are: "in" / "from" before it and a verb of
    saying right after it ("officials in Kyiv said"), English only."""
    if lang != "en" or not _SPEAKER_BEFORE.search(text[max(0, m.start - 12) : m.start]):
        return False
    from frontwatch.resolve.place_cues import load_cues

    after = re.match(r"\s+(?:on\s+[A-Z][a-z]+\s+)?([a-z]+)\b", text[m.end :])
    return after is not None and after.group(1) in load_cues("en").speaker_verbs


def dateline_end(text: str, lang: str) -> int:
    """Characters of a dateline opening ``text`` (step 0), 0 when there is none."""
    m = DATELINES.get(lang, DATELINES["en"]).match(text)
    return m.end() if m else 0


def attach_offsets(places: Sequence[tuple[int, Place]], text: str, *, lang: str,
                   trigger: int | None = None, struck: Collection[str] = ()) -> list[tuple[int, Place]]:
    """``attach`` for callers that hold (offset, place) pairs: the pairs kept, in their order."""
    mentions = [PlaceMention(text=p.text, start=at, end=at + len(p.text), place=p) for at, p in places]
    kept = attach(mentions, text, lang=lang, trigger=trigger, struck=struck).places
    return [(at, p) for at, p in places if any(p is k for k in kept)]


def unique_mentions(mentions: Sequence[PlaceMention]) -> list[PlaceMention]:
    seen: set[str] = set()
    out: list[PlaceMention] = []
    for m in mentions:
        key = f"{m.place.geonameid}|{m.place.name}"
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def carry_places(events: Sequence[Event], geocoder: Any | None = None,
                 doc: Document | None = None) -> list[Event]:
    """Steps 4 and 5: ``events`` (one document's, in text order) with places given to the acts
    on the ground that have none: their sentence's (with a ``geocoder``), the place a word
    such as 同海域 points back to (with the ``doc``), else the act's before; each border named
    as the document writes it."""
    borders = document_borders(doc, geocoder) if doc is not None else {}
    out: list[Event] = []
    last: Event | None = None
    for ev in events:
        if borders and ev.event_loc:
            ev = replace(ev, event_loc=rename_borders(ev.event_loc, borders))
        on_ground = carried(ev)
        if ev.event_loc and on_ground and doc is not None and all(coarse(p) for p in ev.event_loc):
            ev = _finer_in_country(ev, doc, geocoder)
            if ev.joined and all(coarse(p) for p in ev.event_loc):
                ev = _from_joined(ev, doc, geocoder)
        if ev.event_loc and on_ground:
            last = ev  # a statement's place (ACCUSE "rocket launches towards Israel") is not an act's
        elif on_ground and not ev.event_loc:
            own = rename_borders(_sentence_places(ev, geocoder), borders) or _written_border(ev, borders)
            back = () if own or doc is None else _named_before(ev, doc, geocoder)
            if own:
                ev = _with_places(ev, own, "named in its sentence, outside the act's clause")
            elif back:
                ev = _with_places(ev, back, "the place its sentence points back to (同海域, the same area)")
            elif last is not None and last.span[0] <= ev.span[0] <= last.span[1] + CARRY_CHARS:
                ev = _with_places(ev, last.event_loc, "the place of the act stated just before")
            elif doc is not None and (scene := _story_places(ev, doc, geocoder)):
                ev = _with_places(ev, scene, "the scene a sentence just before names")
            elif doc is not None and (detail := detail_after(ev, doc, geocoder, _scene_countries(ev))):
                ev = _with_places(ev, detail, "the finer place the next sentence names")
            elif doc is not None and ev.joined:
                ev = _from_joined(ev, doc, geocoder)
            if not ev.event_loc and doc is not None and (story := _story_around(ev, doc, geocoder)):
                ev = _with_places(ev, story, "the finer place the nearest sentence of its story names")
            if not ev.event_loc and geocoder is not None and (struck := struck_country_named(ev, geocoder)):
                ev = _with_places(ev, struck, "the country of the side struck, which its sentence names")
            if ev.event_loc:
                last = ev
        out.append(ev)
    return out


def carried(ev: Event) -> bool:
    """Whether ``ev`` is an act on the ground (``CARRIED_EVENTS``) or a warning given on the
    scene (``scene_warnings`` of ``cues.toml``: a coast guard's 警告 to leave the waters,
    "warning shots"), whose place a sentence may leave unsaid."""
    if ev.event in CARRIED_EVENTS:
        return True
    if ev.event != "THREATEN" or ev.explanation is None or ev.language not in ("ja", "en"):
        return False
    from frontwatch.resolve.place_cues import load_cues

    return ev.explanation.trigger in load_cues(ev.language).scene_warnings


def _sentence_places(ev: Event, geocoder: Any | None) -> tuple[Place, ...]:
    if geocoder is None or ev.language not in ("ja", "en") or not ev.text:
        return ()
    from frontwatch.resolve.places import find_places

    # read with the act's countries, as the coder reads it: a bare 国境 is their border
    countries = sorted(c for c in _parties(ev) if c and len(c) == 3)
    found = scene_mentions(find_places(ev.text, lang=ev.language, geocoder=geocoder, countries=countries),
                           ev.text, ev.language)
    return tuple(m.place for m in unique_mentions([m for m in found if not coarse(m.place)]))


def _named_before(ev: Event, doc: Document, geocoder: Any | None) -> tuple[Place, ...]:
    """Step 4: for a sentence with a word that points back to a place (同海域, "the same
    area"), the finer places of the nearest sentence before it in the document that names
    some, at most ``ANAPHORA_SENTENCES`` back."""
    if geocoder is None or ev.language not in ("ja", "en") or not ev.text:
        return ()
    from frontwatch.resolve.place_cues import load_cues

    if not any(w in ev.text for w in load_cues(ev.language).anaphora):
        return ()
    return places_before(ev, doc, geocoder, lambda p: True, sentences=ANAPHORA_SENTENCES)


def _story_places(ev: Event, doc: Document, geocoder: Any | None) -> tuple[Place, ...]:
    """Step 4, last: the finer places of the nearest sentence before the act, at most
    ``STORY_SENTENCES`` back, that names some in its parties' countries (``_scene_countries``; or in
    no country: a sea, a border), when the act is told after the scene is set ("The clash
    took place in the Galwan valley. ... China said Indian troops attacked its soldiers.")."""
    if geocoder is None or ev.language not in ("ja", "en"):
        return ()
    parties = _scene_countries(ev)
    if not parties:
        return ()
    return places_before(ev, doc, geocoder, lambda p: p.country is None or p.country in parties,
                          sentences=STORY_SENTENCES)


def _story_around(ev: Event, doc: Document, geocoder: Any | None) -> tuple[Place, ...]:
    """Step 4, last: the finer places in the act's scene countries (``_scene_countries``; or in
    none: a sea, a border) of the nearest sentence of its story that names some, before or
    after it (``place_story.nearest_scene``)."""
    if geocoder is None or ev.language not in ("ja", "en"):
        return ()
    parties = _scene_countries(ev)
    if not parties:
        return ()
    from frontwatch.resolve.place_story import nearest_scene

    return nearest_scene(ev, doc, geocoder, lambda p: p.country is None or p.country in parties)


def _finer_in_country(ev: Event, doc: Document, geocoder: Any | None) -> Event:
    """Step 4 for an act whose place is only a country: the finer places in that country the
    next sentence names, else the nearest of the ``STORY_SENTENCES`` before it, kept before
    the country."""
    named = {p.country for p in ev.event_loc}
    detail = detail_after(ev, doc, geocoder, named, seas=False)
    if detail:
        return _with_places(ev, (*detail, *ev.event_loc), "the finer place the next sentence names",
                            none_before=False)
    if geocoder is None:
        return ev
    scene = places_before(ev, doc, geocoder, lambda p: p.country in named, sentences=STORY_SENTENCES,
                           unlocated_in=named)
    if scene:
        return _with_places(ev, (*scene, *ev.event_loc), "the finer place a sentence just before names",
                            none_before=False)
    from frontwatch.resolve.place_story import nearest_scene

    story = nearest_scene(ev, doc, geocoder, lambda p: p.country in named)
    if story:
        why = "the finer place the nearest sentence of its story names"
        return _with_places(ev, (*story, *ev.event_loc), why, none_before=False)
    return ev


def _from_joined(ev: Event, doc: Document, geocoder: Any | None) -> Event:
    """Step 4 for a record that joined other mentions of its act (dedup, a story's retelling)
    and found no finer place around its own sentence: the places that the first of those
    mentions, in text order, would have been given in its own right (its sentence's, the scene
    before it, the detail after it), kept before a country it already has ("North Korea fired
    a missile. ... a projectile ... was fired, the coast guard said. It was launched from the
    Pyongyang area"). A country already named gives way only to a place inside it (or one the
    gazetteer lacks, "Oudalan province"); else the place lies in a party's country or in none
    (a sea, a border)."""
    named, parties = {p.country for p in ev.event_loc}, _parties(ev)
    for span in sorted(ev.joined):
        alone = replace(ev, span=span, text=doc.text[span[0]:span[1]], event_loc=(), joined=())
        if not alone.text.strip():
            continue
        found = [p for p in carry_places([alone], geocoder, doc)[0].event_loc if not coarse(p) and (
            p.country in named or unlocated(p) if named else p.country is None or p.country in parties)]
        if found:
            why = f"carried to the mention it joined at {list(span)}"
            return _with_places(ev, (*found, *ev.event_loc), why, none_before=not ev.event_loc)
    return ev


def unlocated(place: Place) -> bool:
    """A place the text names that the gazetteer does not hold (``place_unlisted``: キンマ村,
    "the town of Kangarwa"): its country is unknown, so it may lie in any party's."""
    return place.country is None and place.lat is None and place.feature is None


def _scene_countries(ev: Event) -> set[str | None]:
    """Where a place from another sentence may lie for ``ev``: an attack on a country's side
    strikes in that country (Hezbollah's rockets at an Israeli site are not in the south
    Lebanon of the sentence before); other acts, and two-sided fighting, in either party's."""
    struck = {e.code for e in ev.recipient if e.code and len(e.code) == 3}
    if ev.event == "ASSAULT" and struck and not ev.symmetric:
        return set(struck)
    return _parties(ev)


def _parties(ev: Event) -> set[str | None]:
    return {e.code for e in (*ev.actor, *ev.recipient) if e.code}


def _written_border(ev: Event, borders: Mapping[str, Place]) -> tuple[Place, ...]:
    """Step 5: the document's written border of the act's countries, for a bare border word."""
    if not borders or not names_a_border(ev.text or "", ev.language):
        return ()
    codes = {e.code for e in (*ev.actor, *ev.recipient) if e.code}
    fits = [p for p in borders.values() if border_countries(p) & codes]
    return (fits[0],) if len(fits) == 1 else ()


def document_borders(doc: Document, geocoder: Any | None) -> dict[str, Place]:  # step 5
    """Border id -> name for the borders ``doc``'s title and body write out (step 5)."""
    if geocoder is None:
        return {}
    parts = [(s.language or doc.language or "", s.text) for s in doc.sections if s.kind in CODED_KINDS]
    return document_border_names([(lang, text) for lang, text in parts if lang in ("ja", "en")], geocoder)


def _with_places(ev: Event, places: tuple[Place, ...], why_text: str, *, none_before: bool = True) -> Event:
    why = ev.explanation
    if why is not None:
        names = ", ".join(p.name or p.text for p in places)
        was = "none in the act's clause" if none_before else "only a country in the act's clause"
        why = replace(why, notes=(*why.notes, f"place: {was} -> {names}, {why_text}"))
    return replace(ev, event_loc=places, explanation=why)
