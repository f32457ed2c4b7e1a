"""What a language coder needs besides the sentences: the shared, loaded resources.

``CodingContext`` is built once per coder (``coding.coder.build_coder``) and copied per
document with :meth:`CodingContext.for_document`, which sets the publication date.
Every resource is loaded lazily by its own module; the context only carries them.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING, Any

from frontwatch.errors import FrontwatchError

if TYPE_CHECKING:
    from frontwatch.coding.lexicon import EventLexicon
    from frontwatch.resolve.actors import ActorDictionary
    from frontwatch.resolve.weapons import WeaponLexicon


@dataclass(frozen=True)
class CodingContext:
    """Resources shared by the language coders.

    ``geocoder`` is a ``frontwatch.resolve.places.Geocoder`` (or None: places stay
    empty); it is typed loosely so this module does not import the places area.
    ``lexicons`` maps a language code to its event lexicon.
    """

    actors: ActorDictionary
    weapons: WeaponLexicon
    lexicons: dict[str, EventLexicon]
    geocoder: Any | None = None
    published: dt.date | None = None
    # The year and month a page with no publication date gives in its URL (clean.url_date.url_month):
    # enough to resolve 17日 or 7月17日, not 昨日 or a weekday.
    month: tuple[int, int] | None = None
    # The countries the document names most (``story_countries``): a place name the sentence's
    # parties do not settle is looked for there first (Kier in a South Sudan story is not the
    # Hungarian village of that alternate name).
    countries: tuple[str, ...] = ()

    def for_document(self, published: dt.date | None) -> CodingContext:
        """The same resources with a document's publication date."""
        return replace(self, published=published)

    def with_countries(self, countries: tuple[str, ...]) -> CodingContext:
        """The same resources with the countries a document names most."""
        return replace(self, countries=countries)

    def with_month(self, month: tuple[int, int] | None) -> CodingContext:
        """The same resources with the year and month of a page that has no publication date."""
        return replace(self, month=month)

    def lexicon(self, lang: str) -> EventLexicon:
        from frontwatch.coding.lexicon import load_event_lexicon

        lex = self.lexicons.get(lang)
        if lex is None:
            lex = load_event_lexicon(lang)
            self.lexicons[lang] = lex
        return lex


# How many of a story's most named countries count as its countries; news about a conflict names
# its two or three parties far more often than anyone else (as resolve.place_batch's
# ARTICLE_COUNTRIES for the batch geocoder).
STORY_COUNTRIES = 3


def story_countries(sentences: Sequence[tuple[str, str]], actors: ActorDictionary) -> tuple[str, ...]:
    """The countries a document's coded sentences name most, by its actor dictionary's mentions
    (countries, capitals, and bodies or groups of a country: "Sudanese army", "SPLA"), as
    (language, text) pairs in; ISO 3166 alpha-3 codes only (not IGO, UNO, EUR)."""
    counts: Counter[str] = Counter()
    for lang, text in sentences:
        for m in actors.find(text, lang):
            code = m.entity.code
            if code and _is_country(code):
                counts[code] += 1
    return tuple(c for c, _ in counts.most_common(STORY_COUNTRIES))


@cache
def _is_country(code: str) -> bool:
    from frontwatch.codes import pycountry_name

    return code == "XKX" or pycountry_name(code) is not None


def default_context(*, geocoder: Any | None = None, with_places: bool = True) -> CodingContext:
    """A context with the packaged actor dictionary, weapons and lexicons.

    The geocoder defaults to ``frontwatch.resolve.places.default_geocoder()`` when that
    module exists and ``with_places`` is true; otherwise places are left empty.
    """
    from frontwatch.resolve.actors import ActorDictionary
    from frontwatch.resolve.weapons import WeaponLexicon

    if geocoder is None and with_places:
        geocoder = _default_geocoder()
    return CodingContext(
        actors=ActorDictionary.load(),
        weapons=WeaponLexicon.load(),
        lexicons={},
        geocoder=geocoder,
    )


def _default_geocoder() -> Any | None:
    """The places area's geocoder; without it (not installed, data unreadable) places stay empty."""
    try:
        from frontwatch.resolve import places
    except ImportError:
        return None
    factory = getattr(places, "default_geocoder", None)
    if factory is None:
        return None
    try:
        return factory()
    except (FrontwatchError, OSError) as exc:
        warnings.warn(f"places are left empty: the gazetteer could not be loaded ({exc})", stacklevel=2)
        return None
