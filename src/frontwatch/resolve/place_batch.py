"""Batch geocoding and actor resolution: JSON Lines in, one JSON object a line out.

``geocode_batch`` reads records ``{"id", "name", "context"?, "countries"?, "lang"?}`` and yields
``{"id", "name", "lat", "lon", "country", "geonameid", "feature"}`` (null coordinates when the
name is not resolved), in input order. The article's countries, when not given, are the
countries its context names (``article_countries``), computed once per distinct context. A
name the context uses is first read as ``find_places`` reads the sentence around it (a
division written after it, "Athens, Ga."; the other places named with it); else looked up
alone as a place name. A name that is several places joined ("Donetsk and Luhansk regions",
ドネツクとルハンスク両州) and has no entry as a whole still gives one line: the first of its
places that resolves, and ``parts`` with each place (``split_names``). A name that is a chain of
places (沖縄県石垣市, ウクライナ東部ドネツク州, "the Kharkiv region's Izium") stands for the
finest place read inside it.

``actors_batch`` reads ``{"id", "text", "lang"?, "context"?}`` and yields
``{"id", "text", "code", "sector", "name"}`` (``code`` null when the phrase names no party).

A line that is not a JSON object, or lacks its required field, raises ``InputError`` naming
the line; the lines before it have been written already.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from frontwatch.errors import InputError
from frontwatch.records import Place
from frontwatch.resolve.actor_phrase import ActorPhraseResolver, guess_lang
from frontwatch.resolve.place_admin2 import find_district
from frontwatch.resolve.place_cues import load_cues
from frontwatch.resolve.place_lists import split_names
from frontwatch.resolve.place_near import locating_place, name_at, named_after, sentence_around
from frontwatch.resolve.place_parts import country_part, direction_split
from frontwatch.resolve.place_phrases import country_phrase
from frontwatch.resolve.places import (
    ANYWHERE_FLOOR,
    FUZZY_ANYWHERE_SCORE,
    GazetteerGeocoder,
    PlaceMention,
    find_places,
)

# Countries kept as "the article's countries": the most named ones, at most this many.
# News about a conflict names its two or three parties far more often than anyone else.
ARTICLE_COUNTRIES = 3
# Context read for the article's countries: the lead of an article names its parties.
CONTEXT_CHARS = 4000


def read_records(lines: Iterable[str], required: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, record) of each non-blank line; a bad line raises InputError."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"line {n} is not JSON ({exc.msg}); give one JSON object a line.") from None
        if not isinstance(rec, dict):
            raise InputError(f"line {n} is not a JSON object; give one object a line.")
        if not isinstance(rec.get(required), str):
            raise InputError(f'line {n} has no "{required}" string; every line needs one.')
        yield n, rec


def article_countries(context: str, lang: str, geocoder: GazetteerGeocoder,
                      resolver: ActorPhraseResolver | None = None) -> tuple[str, ...]:
    """The countries a context names most: its places' countries (towns, divisions and
    countries named as places) and the parties its actor dictionary finds."""
    text = context[:CONTEXT_CHARS]
    counts: Counter[str] = Counter()
    for m in find_places(text, lang=lang, geocoder=geocoder):
        if m.place.country:
            counts[m.place.country] += 1
    if resolver is not None:
        for a in resolver.dictionary.find(text, lang):
            code = a.entity.code
            if code and len(code) == 3 and a.kind in ("country", "capital", "abbrev", "breakaway"):
                counts[code] += 1
    return tuple(c for c, _ in counts.most_common(ARTICLE_COUNTRIES))


def _countries(rec: dict[str, Any], n: int) -> tuple[str, ...] | None:
    given = rec.get("countries")
    if given is None:
        return None
    items = given.split(",") if isinstance(given, str) else given
    if not isinstance(items, list) or not all(isinstance(c, str) for c in items):
        raise InputError(f'line {n}: "countries" must be a list of alpha-3 codes such as ["UKR", "RUS"].')
    return tuple(c.strip().upper() for c in items if c.strip())


def geocode_batch(lines: Iterable[str], geocoder: GazetteerGeocoder,
                  resolver: ActorPhraseResolver | None = None) -> Iterator[dict[str, Any]]:
    seen: dict[tuple[str, str], tuple[str, ...]] = {}
    for n, rec in read_records(lines, "name"):
        name = _without_the(rec["name"].strip(), geocoder)
        context = rec.get("context") if isinstance(rec.get("context"), str) else ""
        lang = rec.get("lang") or guess_lang(name + (context or "")[:200])
        if lang not in ("ja", "en"):
            raise InputError(f'line {n}: "lang" must be ja or en, not {lang!r}.')
        countries = _countries(rec, n)
        if countries is None and context:
            key = (lang, context)
            if key not in seen:
                if len(seen) > 1024:
                    seen.clear()
                seen[key] = article_countries(context, lang, geocoder, resolver)
            countries = seen[key]
        # a line with neither countries nor a context: a sound-alike only when it is close
        floor = ANYWHERE_FLOOR.set(FUZZY_ANYWHERE_SCORE if not countries and not context else 0.0)
        try:
            whole, part = _resolve(name, context or "", lang, countries or (), geocoder, resolver)
            names = split_names(name, lang) if whole is None else ()
            places = [_resolve(_without_the(p, geocoder), context or "", lang, countries or (), geocoder,
                               resolver) for p in names] if len(names) >= 2 else []
        finally:
            ANYWHERE_FLOOR.reset(floor)
        if len(names) < 2:
            found = whole or part  # a place the sentence names but no list holds has no point
            near = None if found and found.lat is not None else named_after(
                name, lang, countries or (), geocoder)
            if near is None and (found is None or found.lat is None) and context:
                near = locating_place(context, name, lang, countries or (), geocoder)
            if near is not None:  # no list has the name: the place its sentence puts it in
                yield {"id": rec.get("id"), "name": rec["name"], **_fields(near), "geonameid": None,
                       "feature": "unlisted", "near": {"name": near.name, **_fields(near)}}
                continue
            yield {"id": rec.get("id"), "name": rec["name"], **_fields(whole or part)}
            continue
        each = [w or p for w, p in places]
        first = next((p for p in each if p is not None), None)
        yield {"id": rec.get("id"), "name": rec["name"], **_fields(first),
               "parts": [{"name": p, **_fields(place)} for p, place in zip(names, each, strict=True)]}


def _without_the(name: str, geocoder: GazetteerGeocoder) -> str:
    """``name`` without a leading "the" when the whole has no entry ("the United States")."""
    if name[:4].lower() == "the " and len(name) > 4:
        full = geocoder.lookup(name, countries=(), lang="en", place_context=True)
        return name if full is not None else name[4:]
    return name


def _resolve(name: str, context: str, lang: str, countries: tuple[str, ...], geocoder: GazetteerGeocoder,
             resolver: ActorPhraseResolver | None = None) -> tuple[Place | None, Place | None]:
    """The place of the whole name (read in its context, else looked up alone) and the place
    a part of it names in the sentence ("Haeju Bay", スービック港), each None when not found."""
    if not name:
        return None, None
    whole, part = _read_in(context, name, lang, countries, geocoder)
    if whole is None:
        whole = geocoder.lookup(name, countries=countries, lang=lang, place_context=True)
    if whole is None and part is None:
        part = _finest_part(name, lang, countries, geocoder)
    if part is not None and _foreign_part(part, name, lang, countries, geocoder):
        part = None
    if whole is None and part is None:
        for plain, plain_lang in _plainer(name, lang, resolver):
            whole, part = _resolve(plain, context, plain_lang, countries, geocoder, resolver)
            if whole is not None or part is not None:
                break
    if whole is None and part is None:  # a country inside the phrase: "Haiti's capital", イエメンの港
        whole = country_phrase(name, lang, countries, geocoder, _Demonyms(resolver) if resolver else None)
    if whole is None and part is None and name.isascii():
        whole = find_district(name, countries)  # "Kurram", "Northern Samar": nothing else has the name
    found = whole or part
    if found is not None and found.feature == "country":
        return _part_of_country(name, lang, found, geocoder), None
    return whole, part


def _foreign_part(part: Place, name: str, lang: str, countries: tuple[str, ...],
                  geocoder: GazetteerGeocoder) -> bool:
    """Whether the place a part of a name names lies outside the article's countries, and
    outside any country the name itself names: a word of a village's name that is a town
    elsewhere ("Cali" in "Cali Heele" in a Somali story, "Kalay" in "Ghulam Khan Kalay" in a
    Pakistani one) does not place the village; タイ北西部ターク県 in a Myanmar story is Tak.
    Countries, seas and borders keep their reading ("Haeju Bay", "Pakistan border")."""
    if not countries or part.feature not in _TOWNLIKE or part.country in countries:
        return False
    named = {m.place.country for m in find_places(name, lang=lang, geocoder=geocoder)
             if m.place.feature == "country"}
    return part.country not in named


# Features of a place a word inside a longer name may name by chance.
_TOWNLIKE = frozenset({"city", "admin1", "admin2"})


def _part_of_country(name: str, lang: str, country: Place, geocoder: GazetteerGeocoder) -> Place:
    """A country's part when ``name`` is a direction and the country ("northern Iraq", イラク北部:
    ``place_parts``), else the country. A name that is a country's own ("South Korea") stays."""
    split = direction_split(name, lang)
    if split is None or geocoder.lookup(name, countries=(), lang=lang, place_context=True) is not None:
        return country
    named = geocoder.lookup(split[1], countries=(), lang=lang, place_context=True)
    if named is None or named.feature != "country" or named.country != country.country:
        return country
    return country_part(country, split[0], name) or country


class _Demonyms:
    """A country's demonym by the actor dictionary ("Estonian" -> EST): one word that the
    dictionary reads whole as a country."""

    def __init__(self, resolver: ActorPhraseResolver) -> None:
        self.resolver = resolver

    def country_of(self, word: str) -> str | None:
        found = self.resolver.dictionary.find(word, "en")
        if len(found) != 1 or (found[0].start, found[0].end) != (0, len(word)) or found[0].kind != "country":
            return None
        code = found[0].entity.code
        return code if code and len(code) == 3 else None


# Kinds of actor-dictionary entries that are places too: "KYIV" is Kyiv, "NATO" is no town.
_PLACE_KINDS = frozenset({"country", "capital", "breakaway"})
# A reading or an original spelling in brackets after a Japanese name: 延坪(ヨンピョン)島,
# ズベチャン(Zvečan), バニスカ(Banjska)村.
_JA_BRACKETED = re.compile(r"^(.+?)[(（]([^()（）]+)[)）](.*)$")


def _plainer(name: str, lang: str, resolver: ActorPhraseResolver | None) -> list[tuple[str, str]]:
    """The name as a gazetteer writes it, when it is written otherwise, with its language: a
    dateline's capitals ("KYIV (Reuters)", "BARA, Sudan") in title case; an English direction
    before a name ("northwest Pakistan", "eastern Democratic Republic of the Congo") left off,
    as ``find_places`` leaves it off when the direction names no region of its own; a Japanese
    name without the reading in brackets inside it, then the Latin spelling in the brackets.
    Capitals that the actor dictionary reads as a party other than a place (NATO, IDF) stay as
    they are."""
    if lang != "en":
        m = _JA_BRACKETED.match(name)
        if m is None:
            return []
        inner = m.group(2).strip()
        latin = any(c.isalpha() for c in inner) and all(
            unicodedata.name(c, "").startswith("LATIN") for c in inner if c.isalpha())
        return [(m.group(1) + m.group(3), lang)] + ([(inner, "en")] if latin else [])
    if name.isupper() and len(name) > 3:
        found = resolver.dictionary.find(name, "en") if resolver else []
        return [] if any(a.kind not in _PLACE_KINDS for a in found) else [(name.title(), lang)]
    first, _, rest = name.partition(" ")
    return [(rest, lang)] if rest and first.lower() in load_cues("en").directions else []


# How fine a place of each feature is: a name that is a chain of places (沖縄県石垣市,
# ウクライナ東部ドネツク州, "the Kharkiv region's Izium") stands for its finest one.
_FINENESS = {"continent": 0, "country": 1, "region": 2, "admin1": 3}


def _finest_part(name: str, lang: str, countries: tuple[str, ...],
                 geocoder: GazetteerGeocoder) -> Place | None:
    """The finest place ``find_places`` reads inside a name that has no entry as a whole: a
    town before its division, a division before its country; among equally fine ones the
    last in Japanese, which writes a chain from the country down (遼寧省丹東市), and the first
    in English ("Kherson, Ukraine")."""
    return _finest(find_places(name, lang=lang, geocoder=geocoder, countries=countries), lang)


def _finest(found: list[PlaceMention], lang: str) -> Place | None:
    if not found:
        return None
    order = found[::-1] if lang == "ja" else found  # max keeps the first of equals
    return max(order, key=lambda m: _FINENESS.get(m.place.feature or "", len(_FINENESS))).place


def _fields(place: Place | None) -> dict[str, Any]:
    return {
        "lat": place.lat if place else None, "lon": place.lon if place else None,
        "country": place.country if place else None,
        "geonameid": place.geonameid if place else None,
        "feature": place.feature if place else None,
    }


def _read_in(context: str, name: str, lang: str, countries: tuple[str, ...],
             geocoder: GazetteerGeocoder) -> tuple[Place | None, Place | None]:
    """The name as the sentence around its first use in the context reads it (``find_places``:
    "Athens, Ga.", the other places named with it): the place of the whole name, and the
    place of a part of it (Haeju in "Haeju Bay"), each None when not found."""
    at = name_at(context, name)
    span = sentence_around(context, at, len(name))
    if span is None:
        return None, None
    lo, hi = span
    parts: list[PlaceMention] = []
    first, last = at - lo, at - lo + len(name)
    for m in find_places(context[lo:hi], lang=lang, geocoder=geocoder, countries=countries):
        if m.place.feature == "border" and (m.start, m.end) != (first, last):
            continue  # "Pakistan" in "Pakistan border" names the country, not the border
        if m.start == first and last <= m.end:  # the whole name ("Athens" in "Athens, Ga.")
            return m.place, None
        if first <= m.start and m.end <= last:
            parts.append(m)
    return None, _finest(parts, lang)


def actors_batch(lines: Iterable[str], resolver: ActorPhraseResolver) -> Iterator[dict[str, Any]]:
    for n, rec in read_records(lines, "text"):
        lang = rec.get("lang")
        if lang is not None and lang not in ("ja", "en"):
            raise InputError(f'line {n}: "lang" must be ja or en, not {lang!r}.')
        context = rec.get("context") if isinstance(rec.get("context"), str) else ""
        a = resolver.resolve(rec["text"], lang=lang, context=context or "")
        yield {"id": rec.get("id"), "text": rec["text"], "code": a.code, "sector": a.sector, "name": a.name}
