"""The story around an act: where an act on the ground happened when neither its sentence nor
the sentences right beside it say (``place_attach`` step 4, last).

News tells an act's place once, in the lead or in a detail a few sentences on, and then goes on
about it without naming the place again ("The military government has stepped up airstrikes
..." five sentences after "The strike on Hteelin village, west of Bhamo in the state of
Kachin"). A title is told before its lead ("ミャンマー南東部の村が国軍による空爆を受け" over
"ミャンマー国軍が南東部モン州にある村を...空爆"). ``nearest_scene`` takes the finer places of the
nearest sentence, before or after the act, at most ``STORY_REACH`` sentences away, that names
some where the act may lie; at equal distance the sentence before wins (the scene is set, then
the act told).

A place named as a government or a party rather than as a scene ("regarded as terrorist groups
by Ankara", "incidents linked to Moscow") is no scene (``as_party``).

The nearer steps of ``place_attach`` read the same sentences (``sentences_around``, each
paragraph's dateline left out): the detail the next sentence gives (``detail_after``), the
scene set in the sentences before (``places_before``). Last, an attack that nothing places
takes the struck side's country its sentence names (``struck_country_named``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from typing import Any

from frontwatch.records import CODED_KINDS, Document, Event, Place, PlaceMention

# How far from the act a sentence may name its scene. Over the 880 development pages (dev9),
# acts on the ground left with no place: 2 sentences placed 5 more paired records right, 4
# placed 9, 6 placed 11, 10 and 30 also 11 but changed more records (58 and 61 against 50);
# none that was right became wrong.
STORY_REACH = 6
# The detail of a lead comes in the sentence after it. Two changed no record of the dev sets.
DETAIL_SENTENCES = 1
# A sentence that says where "it took place" (現場は…) may come a few sentences after the lead
# ("... left 18 dead. 'We lost five soldiers.' ... It took place in the Lower Shabelle
# province"). Dev sets + realworld + GSR dev: 8 such sentences, up to 5 after their act; 3
# reached 759 only, 5 also 710; no other record changed.
SCENE_AHEAD_SENTENCES = 5
_SENTENCE_END = re.compile(r"(?<=[。！？])|(?<=[.!?])\s+|\n+")
_PARAGRAPH = re.compile(r"\n+")
# A capital or a country named for its government: the agent of a passive, the goal of a
# message.
_PARTY_BEFORE = re.compile(r"\b(?:by|to|with|against)\s+(?:the\s+)?$", re.I)


def sentences_around(ev: Event, doc: Document) -> tuple[list[str], list[str]]:
    """The sentences of ``doc``'s title and body before ``ev`` (nearest first) and after it
    (nearest first, the rest of the act's own sentence left out); a paragraph's dateline
    ("YAOUNDE, Aug. 10 (Wire) --") is left out before the paragraph is cut into sentences,
    whose full stops it may hold."""
    before = [sec.text[: max(0, ev.span[0] - sec.start)] for sec in doc.sections
              if sec.kind in CODED_KINDS and sec.start < ev.span[0]]
    told_before = [t for part in before for t in _told(part, ev.language)]
    after = [(sec.text[max(0, ev.span[1] - sec.start):], sec.start >= ev.span[1]) for sec in doc.sections
             if sec.kind in CODED_KINDS and sec.end > ev.span[1]]
    told_after = [t for part, whole in after for t in _told(part, ev.language, opens_paragraph=whole)]
    if told_after and ev.span[1] < len(doc.text) and not _SENTENCE_END.match(doc.text, ev.span[1]):
        told_after = told_after[1:]
    return told_before[::-1], told_after


def _told(part: str, lang: str, *, opens_paragraph: bool = True) -> list[str]:
    """The sentences of ``part``, each paragraph's dateline left out (the first paragraph's
    only when ``part`` opens it)."""
    from frontwatch.resolve.place_attach import dateline_end

    out: list[str] = []
    for n, para in enumerate(_PARAGRAPH.split(part)):
        if n or opens_paragraph:
            para = para[dateline_end(para, lang):]
        out.extend(t for t in _SENTENCE_END.split(para) if t.strip())
    return out


def as_party(m: PlaceMention, text: str, lang: str) -> bool:
    """Whether ``m`` names a government or a party rather than a scene (English only)."""
    if lang != "en":
        return False
    return _PARTY_BEFORE.search(text[max(0, m.start - 16) : m.start]) is not None


def nearest_scene(ev: Event, doc: Document, geocoder: Any, fits: Callable[[Place], bool], *,
                  reach: int = STORY_REACH) -> tuple[Place, ...]:
    """The finer places that ``fits`` of the nearest sentence within ``reach`` of ``ev`` that
    names some (datelines, speakers' places and parties left out)."""
    from frontwatch.resolve.place_attach import coarse, scene_mentions, unique_mentions
    from frontwatch.resolve.places import find_places

    before, after = sentences_around(ev, doc)
    for i in range(reach):
        for told in (before, after):
            if i >= len(told):
                continue
            text = told[i]
            found = scene_mentions(find_places(text, lang=ev.language, geocoder=geocoder), text, ev.language)
            fine = [m for m in found if not coarse(m.place) and fits(m.place)
                    and not as_party(m, text, ev.language)]
            if fine:
                return tuple(m.place for m in unique_mentions(fine))
    return ()


# Names a country may be written with in running text: a katakana run (イエメン, サウジアラビア)
# or a run of capitalised words ("Yemen", "Saudi Arabia").
_NAME_RUNS = {"ja": re.compile(r"[\u30a1-\u30fa\u30fc・]{2,}"),
              "en": re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)*")}


def struck_country_named(ev: Event, geocoder: Any) -> tuple[Place, ...]:
    """For an attack, the country of the side struck when its sentence names it, as a place
    or not (イエメンの親イラン組織フーシ派の拠点を空爆: Yemen; "fired missiles at Israel"):
    the place of an attack that no sentence around it places more finely."""
    if ev.event != "ASSAULT" or ev.language not in _NAME_RUNS or not ev.text:
        return ()
    struck = {e.code for e in ev.recipient if e.code and len(e.code) == 3}
    if not struck:
        return ()
    for m in _NAME_RUNS[ev.language].finditer(ev.text):
        place = geocoder.lookup(m.group(0), lang=ev.language)
        if place is not None and place.feature == "country" and place.country in struck:
            return (place,)
    return ()


def detail_after(ev: Event, doc: Document, geocoder: Any | None, countries: set[str | None], *,
                  seas: bool = True) -> tuple[Place, ...]:
    """Step 4, lead and detail: an act told with no place or only a country ("killed in an
    airstrike in Somalia") takes the finer places in ``countries`` of the next
    ``DETAIL_SENTENCES`` sentences, where news gives the detail ("The strike hit a base near
    Shebeeley in the Hiran region"), or of a sentence up to ``SCENE_AHEAD_SENTENCES`` on that
    says where it took place; with ``seas``, places in no country (seas, borders) too."""
    if geocoder is None or ev.language not in ("ja", "en") or not countries:
        return ()
    from frontwatch.resolve.place_attach import coarse, scene_mentions, unique_mentions, unlocated
    from frontwatch.resolve.places import find_places

    told = sentences_around(ev, doc)[1]
    told = told[:DETAIL_SENTENCES] + [t for t in told[DETAIL_SENTENCES:SCENE_AHEAD_SENTENCES]
                                      if tells_the_scene(t, ev.language)]
    for text in told:
        found = scene_mentions(find_places(text, lang=ev.language, geocoder=geocoder), text, ev.language)
        near = among(found, countries)
        fine = [m for m in found if not coarse(m.place)
                and (m.place.country in countries or (seas and m.place.country is None)
                     or (near and unlocated(m.place)))]
        if fine:
            return tuple(m.place for m in unique_mentions(fine))
    return ()


def tells_the_scene(text: str, lang: str) -> bool:
    """Whether ``text`` says where an act took place ("It took place in", 現場は; ``scene_words``
    of ``cues.toml``)."""
    from frontwatch.resolve.place_cues import load_cues

    low = text.lower()
    return any(w in low for w in load_cues(lang).scene_words)


def places_before(ev: Event, doc: Document, geocoder: Any, fits: Callable[[Place], bool], *,
                   sentences: int,
                   unlocated_in: set[str | None] | None = None) -> tuple[Place, ...]:
    """The finer places that ``fits`` of the nearest of the last ``sentences`` sentences
    before ``ev`` in ``doc`` that names some (datelines left out); with ``unlocated_in``, also
    the unlocated places of a sentence whose located places all lie in those countries."""
    from frontwatch.resolve.place_attach import coarse, scene_mentions, unique_mentions, unlocated
    from frontwatch.resolve.places import find_places

    for text in sentences_around(ev, doc)[0][:sentences]:
        found = scene_mentions(find_places(text, lang=ev.language, geocoder=geocoder), text, ev.language)
        near = unlocated_in is not None and among(found, unlocated_in)
        fine = [m for m in found if not coarse(m.place)
                and (fits(m.place) or (near and unlocated(m.place)))]
        if fine:
            return tuple(m.place for m in unique_mentions(fine))
    return ()


def among(found: Sequence[PlaceMention], countries: Collection[str | None]) -> bool:
    """Whether every located place of a sentence lies in ``countries``: its unlocated places
    (a village the gazetteer lacks) are then taken to lie there too."""
    return all(m.place.country in countries for m in found if m.place.country is not None)
