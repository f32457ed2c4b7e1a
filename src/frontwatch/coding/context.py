"""What a language coder needs besides the sentences: the shared, loaded resources.

``CodingContext`` is built once per coder (``coding.coder.build_coder``) and copied per
document with :meth:`CodingContext.for_document`, which sets the publication date.
Every resource is loaded lazily by its own module; the context only carries them.
"""

from __future__ import annotations

import datetime as dt
import warnings
from dataclasses import dataclass, replace
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

    def for_document(self, published: dt.date | None) -> CodingContext:
        """The same resources with a document's publication date."""
        return replace(self, published=published)

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
