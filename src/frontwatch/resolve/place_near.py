"""Where the sentence puts a name no gazetteer lists: ``geocode --batch``'s last step.

GeoNames' ``cities500`` lacks villages of under 500 people and the many places it lists
without a population (Mainari, Kangarwa, Kyarsi, ミカ村), and no list holds every camp, oil
field or township. The sentence that names one nearly always says where it is: "Kyarsi
village in Pale township in Sagaing region", "Mainari in Konduga, Borno State",
マゾフシェ県ミカ村. ``locating_place`` returns the place the sentence names nearest to the
name (by characters), among the places that can locate a settlement: towns, first- and
second-level divisions, islands and regions of one country, in the article's countries when
any are given. Countries, continents, seas, rivers, borders and regions of several countries
(the Middle East, the Sahel) are too large to locate a village, and a dateline's capitals
("YAOUNDE, Cameroon") name where the story was filed.

A site named after a town ("Khartoum International Airport", ポートスーダン空港; ``named_after``)
is placed at that town before the sentence is read.

The batch line keeps the name unresolved as a place of its own (``geonameid`` null,
``feature`` ``"unlisted"``) and gives the point of the locating place, named in ``near``:
the point can be off by the size of that place.
"""

from __future__ import annotations

import re

from frontwatch.records import Place
from frontwatch.resolve.places import GazetteerGeocoder, PlaceMention, find_places

# Words ending the name of a site named after its town: Khartoum International Airport,
# Erbil air base, ポートスーダン空港. Pages of the 880 dev pages that name one: a capitalised
# name before "Airport" 4, before "base" 16; 空港 17, 基地 43.
FACILITY_WORDS = {
    "en": ("international airport", "airport", "air base", "airbase", "airfield", "base",
           "refugee camp", "camp", "oil field", "gas field", "refinery", "port"),
    "ja": ("国際空港", "空港", "空軍基地", "軍事基地", "基地", "難民キャンプ", "キャンプ", "油田",
           "ガス田", "製油所", "港"),
}
# Places that can locate a settlement named next to them (see the module docstring).
LOCATING_FEATURES = frozenset({"city", "admin1", "admin2", "region", "island", "peninsula", "site"})
_STOPS = ("。", ". ", "\n")


# Uses of a name looked through for one that stands as a word of its own (``name_at``).
USES_READ = 8
# A character that continues a Japanese word past a name: 日本 in 日本海, ドネツク in ドネツク州.
_GOES_ON = re.compile(r"[\u3400-\u9fff\u30a0-\u30ffー]")


def name_at(context: str, name: str) -> int:
    """Where ``context`` uses ``name`` as a word of its own (日本 in 日本の, not in 日本海): its
    first such use, else its first use at all, -1 when it is not there. Later uses are
    looked at only up to ``USES_READ``."""
    first = at = context.find(name)
    for _ in range(USES_READ):
        if at < 0:
            break
        end = at + len(name)
        if end >= len(context) or not (_GOES_ON.match(context[end]) and _GOES_ON.match(name[-1])):
            return at
        at = context.find(name, at + 1)
    return first


def sentence_around(context: str, at: int, size: int) -> tuple[int, int] | None:
    """(start, end) of the sentence of ``context`` holding the ``size`` characters at ``at``;
    None when ``at`` is -1 (the name is not there)."""
    if at < 0:
        return None
    lo = max(context.rfind(stop, 0, at) for stop in _STOPS) + 1
    his = [i for i in (context.find(stop, at + size) for stop in _STOPS) if i >= 0]
    return lo, (min(his) + 1 if his else len(context))


def locating_place(context: str, name: str, lang: str, countries: tuple[str, ...],
                   geocoder: GazetteerGeocoder) -> Place | None:
    """The place the sentence around ``name`` names nearest to it that can locate it (module
    docstring), or None."""
    at = name_at(context, name)
    span = sentence_around(context, at, len(name))
    if span is None:
        return None
    lo, hi = span
    first, last = at - lo, at - lo + len(name)
    found = [m for m in find_places(context[lo:hi], lang=lang, geocoder=geocoder, countries=countries)
             if _can_locate(m, first, last, countries)]
    if not found:
        return None
    return min(found, key=lambda m: min(abs(m.start - last), abs(first - m.end))).place


def _can_locate(m: PlaceMention, first: int, last: int, countries: tuple[str, ...]) -> bool:
    p = m.place
    if m.end > first and m.start < last:  # the name itself, or a part of it
        return False
    if p.feature not in LOCATING_FEATURES or not p.country or p.lat is None:
        return False
    if countries and p.country not in countries:
        return False
    return not (m.text.isupper() and len(m.text) > 3)  # a dateline's capitals


def named_after(name: str, lang: str, countries: tuple[str, ...],
                geocoder: GazetteerGeocoder) -> Place | None:
    """The town (or division) a site is named after, in the article's countries when any are
    given: "Khartoum International Airport" -> Khartoum; None for a site named after a person
    or anything the gazetteer lacks (Ben Gurion Airport, Osman Digna Air Base)."""
    low = name.lower()
    for word in FACILITY_WORDS.get(lang, ()):
        sep = " " if lang == "en" else ""
        if low.endswith(sep + word) and len(name) > len(word) + len(sep) + 1:
            head = name[: len(name) - len(word) - len(sep)].strip()
            town = geocoder.lookup(head, countries=countries, lang=lang, place_context=True)
            if town is None or town.feature not in _TOWNS or town.lat is None:
                return None
            return town if not countries or town.country in countries else None
    return None


_TOWNS = frozenset({"city", "admin1", "admin2"})
