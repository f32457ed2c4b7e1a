"""Who one actor phrase names: ``the Mexican National Guard`` -> MEX MIL; ``authorities`` -> the
article's country, GOV.

``ActorPhraseResolver.resolve(text, lang=, context=)`` answers a ``PhraseActor``. In order:

1. The actor dictionary's mentions in the phrase (``ActorDictionary.find``). A named body,
   group, person or IGO outranks a country or capital named with it ("Russia's FSB" is the
   FSB); among equals the last one is the head (English and Japanese both put it last). A
   state after "to"/"in"/"on"... is not the party ("French Ambassador to Moscow"); of "X and
   Y" the first is ("US and UK forces"); Xの外務省 is X's, not Japan's.
2. The sector: a body's own sector; for a country or capital with a head word after it
   ("Tehran's police chief", "Kyiv city council"), the sector of the last head word
   (``data/actors/sectors.toml``), else of the head word before it ("the Armed Forces of the
   Philippines"); a member word takes the body word before it ("a police spokesman": COP);
   for a person, the title before the name ("Senator X").
   2b. No party in the dictionary but a place (``find_places``) with a head word ("Minsk
   police station", 「ミンスクの警察署」), or a capital alone: the place's country, the head
   word's sector (GOV for a capital alone); a place inside a name needs its country named
   elsewhere in the context.
3. A phrase naming no party but with a head word ("the police", "soldiers", "Minister Juan
   Carlos Jobet"): the head word's sector, and the country written right before the phrase
   where the context repeats it (ポーランドのトゥスク首相), else the country the context is
   most about (``context_country``: countries named in it and the countries of its places).
   3b. A bare personal name: the words next to it in the context, resolved as a phrase.
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
# English: a head word after the first preposition modifies another noun ("the Armed Forces of the
# Philippines", "the police spokesperson in the Adamawa state"); multi-word heads that start
# before it ("minister of defence") still count.
_PREPOSITION = re.compile(r"\s(of|in|at|for|from|on|near|to|with|against|over)\s")
# What may stand between a body word and a word for its member: "police (DMP) spokesman", 陸軍報道官.
_GLUE = re.compile(r"[\s\-–,()A-Z]{0,10}")
_GLUE_JA = re.compile(r"(?:の[\u4e00-\u9fff]{0,2})?")  # 警察の特別部隊: the police's
# An opening 「 not closed before a position: what follows is inside a quoted name.
_QUOTED = re.compile(r"「[^」]*$")
# A state named after one of these is where something happens or whom it concerns, not the actor
# ("French Ambassador to Moscow", "Russian forces in Syria", "Israeli strikes on Gaza").
_PLACE_PREP = re.compile(r"\b(?:to|in|at|on|into|against|towards?|near|over|from|inside)\s+(?:the\s+)?$",
                         re.IGNORECASE)
# Two states joined by "and" ("US and UK forces"): the first is the main one.
_COORD = re.compile(r"\s*(?:and|&)\s*", re.IGNORECASE)
# A Japanese institution written without its country (外務省, 防衛省) is Japan's; after Xの it is X's.
_JA_OF = re.compile(r"の[^、。\s「」]{0,8}")  # インドの外務省, 中国の王毅外相
# A short name two states share, and the state the article may mean instead: "Congo"/コンゴ is the
# Republic of the Congo in the dictionary, but most news of fighting there is about the DR Congo.
ALTERNATE = {"congo": "COD", "コンゴ": "COD"}
# A phrase that is a bare personal name: "Juan Carlos Jobet", クルティ氏.
_NAME = {"en": re.compile(r"(?:[A-Z][\w'’.\-]+\s?){1,4}"),
         "ja": re.compile(r"[\u30a0-\u30ff・]{2,}(?:氏|さん)?|[\u4e00-\u9fff]{2,4}氏")}
# Where the words before a name in its context stop being about it.
_CLAUSE_BREAK = re.compile(r"[,.;:!?\"“”「」『』、。（）()]")
# ", the commissioner for internal security," after a name.
_APPOSITION = re.compile(r"\s*,\s*((?:the|a|an)\s[^,.;:]+)", re.IGNORECASE)
# Between a country in the article and the phrase written again after it: ポーランドのトゥスク首相.
_BEFORE_PHRASE = re.compile(r"(?:\s|の|'s\s|’s\s|・)*")


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
        low = text.casefold()
        cut = _PREPOSITION.search(low, after) if lang == "en" else None
        limit = cut.start() if cut is not None else len(low)
        found: list[tuple[int, int, int, str, str]] = []  # (end, length, start, sector, word)
        for word, sector in self.words:
            if not members and word in self.members:
                continue
            for m in _word_re(word, lang).finditer(low, after):
                if m.start() < limit:  # "the police spokesperson in the Adamawa state": not "state"
                    found.append((m.end(), len(word), m.start(), sector, word))
        if not found:
            return None
        best = max(found)  # (end, length): "defence minister" over "minister"
        if lang == "ja":  # 野党連合「国民救済戦線」: a word inside a quoted name is not the head
            outside = [f for f in found if not _QUOTED.search(text[:f[2]])]
            best = max(outside or found)
        if best[4] in self.members:  # "a police spokesman", 陸軍報道官: the body's sector
            glue = _GLUE if lang == "en" else _GLUE_JA
            body = [f for f in found if f[0] <= best[2] and f[4] not in self.members
                    and glue.fullmatch(text[f[0]:best[2]])]
            if not body and cut is not None and cut.group(1) in ("of", "for"):
                # "the spokesman of the Supreme Court": the body after "of"
                tail = [f for f in self._found(low, lang, cut.end()) if f[2] <= cut.end() + 4]
                body = [f for f in tail if f[4] not in self.members]
            if body:
                best = max(body)
        return best[0], best[3]

    def _found(self, low: str, lang: str, after: int) -> list[tuple[int, int, int, str, str]]:
        return [(m.end(), len(word), m.start(), sector, word) for word, sector in self.words
                for m in _word_re(word, lang).finditer(low, after)]


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


@dataclass(frozen=True, slots=True)
class _Context:
    """What an article context names: its dictionary mentions and how often each country counts."""

    mentions: tuple[ActorMention, ...]
    counts: Counter[str]
    first: dict[str, int]
    places: Counter[str]  # the part of counts that comes from places

    def country(self) -> str | None:
        """The country named most; on a tie the one with more places (where things happen), then
        the first named. (Preferring a country written by its name over a demonym or a body on a
        tie was tried: it fixed "the Chinese activities around Taiwan" and broke 韓国軍は北朝鮮の
        ミサイル発射を確認した, so it is not done.)"""
        if not self.counts:
            return None
        return max(self.counts, key=lambda c: (self.counts[c], self.places[c], -self.first[c]))


class ActorPhraseResolver:
    """Resolves actor phrases with an actor dictionary and, for the context, an optional geocoder."""

    def __init__(self, dictionary: ActorDictionary, geocoder: object | None = None) -> None:
        self.dictionary = dictionary
        self.geocoder = geocoder
        self._context_cache: dict[tuple[str, str], _Context] = {}

    def resolve(self, text: str, *, lang: str | None = None, context: str = "") -> PhraseActor:
        language = lang or guess_lang(text)
        phrase = text.strip()
        mentions = self.dictionary.find(phrase, language)
        heads = load_sector_words(language)
        main, lead = _main_mention(mentions, phrase, language)
        if main is not None and lead is not None:  # steps 1-2
            return self._from_dictionary(text, phrase, language, mentions, (main, lead), context)
        head = heads.last_head(phrase, language)
        place = self._place_in(phrase, language)
        if place is not None and (head is not None or place[2]) and self._place_fits(
                place, head, phrase, context, language):
            sector = head[1] if head is not None else "GOV"  # step 2b: "Minsk police station"
            return PhraseActor(text, place[0], sector, place[1], "place+head")
        if head is None and context and _NAME.get(language, _NAME["en"]).fullmatch(phrase):
            return self._person_in_context(text, phrase, context, language)  # step 3b
        if head is None:  # step 4
            return PhraseActor(text, None, None, None, "none")
        code = None  # step 3: the phrase written after a country in the context, else its main country
        if context:
            code = self._named_before(phrase, context, language) or self.context_country(context, language)
        return PhraseActor(text, code, head[1], phrase, "head+context")

    def _from_dictionary(self, text: str, phrase: str, lang: str, mentions: Sequence[ActorMention],
                         pair: tuple[ActorMention, ActorMention], context: str) -> PhraseActor:
        main, lead = pair
        ent = main.entity
        heads = load_sector_words(lang)
        # A state's word or a group without its own sector takes the head after it
        # ("Tehran's police chief", "Kurdish militants").
        # A named body (a group, or a state's word with its suffix) keeps its sector before
        # a word for its member ("Venezuelan opposition leader": OPP) but not before another
        # body ("Ukraine's military intelligence": SPY).
        body = len(main.refs) > 1 or main.kind not in STATE_KINDS
        head = heads.last_head(phrase, lang, main.end, members=not body)
        if body and ent.sector and main.kind not in STATE_KINDS:
            head = None  # a group's or agency's own sector
        if main.kind == "igo":
            head = None  # the UN's or NATO's troops are the body's, with no sector ("U.N. peacekeepers")
        located = _PLACE_PREP.search(phrase[:lead.start]) is not None  # "Pro-government forces in Tripoli"
        if head is None and main.kind in STATE_KINDS and (not ent.sector or located):
            head = heads.last_head(phrase[:lead.start], lang)  # "the Armed Forces of the Philippines"
        if main.kind == "person" and lang == "en":  # "Senator Marco Rubio": the title said
            head = heads.last_head(phrase[:main.start], lang)
        code, name = lead.entity.code, lead.entity.name
        owner = _owner_of_japanese_body(mentions, main, phrase) if lang == "ja" else None
        if owner is not None:  # インドの外務省報道官: India's, not Japan's ministry
            code, name = owner.entity.code, owner.entity.name
        alternate = ALTERNATE.get(lead.refs[0].split(":", 1)[-1].casefold()) if lead.refs else None
        if alternate and context and alternate in self._context(context, lang).counts:
            code = alternate  # "Congo" in an article about Goma: the DR Congo
        if head is not None:
            return PhraseActor(text, code, head[1], name, "dictionary+head")
        return PhraseActor(text, code, ent.sector, name, "dictionary")

    def context_country(self, context: str, lang: str) -> str | None:
        """The country the context is most about: each country named (by name, demonym, body
        or capital) and each place's country counts once per mention; ties go to the first named."""
        return self._context(context, lang).country()

    def _context(self, context: str, lang: str) -> _Context:
        key = (lang, context)
        cached = self._context_cache.get(key)
        if cached is not None:
            return cached
        counts: Counter[str] = Counter()
        places: Counter[str] = Counter()
        first: dict[str, int] = {}
        mentions = tuple(self.dictionary.find(context, lang))
        for m in mentions:
            code = m.entity.code
            if code and _ISO3.match(code) and m.kind in (*STATE_KINDS, "org", "person", "title"):
                counts[code] += 1
                first.setdefault(code, m.start)
        named = tuple(dict.fromkeys(c for c in counts))  # a place is read among the countries named
        for at, code in self._place_countries(context, lang, named):
            counts[code] += 1
            places[code] += 1
            first.setdefault(code, at)
        if len(self._context_cache) > 4096:
            self._context_cache.clear()
        out = self._context_cache[key] = _Context(mentions, counts, first, places)
        return out

    def _person_in_context(self, text: str, phrase: str, context: str, lang: str) -> PhraseActor:
        """A bare name takes what the context writes next to it: "Chile's Energy Minister Juan
        Carlos Jobet", "Samuel Aruwan, the commissioner for internal security of the state"."""
        hay, needle = (context.casefold(), phrase.casefold()) if lang == "en" else (context, phrase)
        at = hay.find(needle)
        if at >= 0:
            before = _CLAUSE_BREAK.split(context[max(0, at - 80):at])[-1]
            after = context[at + len(needle):at + len(needle) + 120]
            apposition = _APPOSITION.match(after)
            for window in (before, apposition.group(1) if apposition else ""):
                if window.strip():
                    a = self.resolve(window, lang=lang, context=context)
                    if a.code is not None:
                        return PhraseActor(text, a.code, a.sector, phrase, "name+context")
        return PhraseActor(text, None, None, None, "none")

    def _named_before(self, phrase: str, context: str, lang: str) -> str | None:
        """The state written right before the phrase where the context repeats it: ポーランドの
        トゥスク首相, "Kenyan police", "Polish Prime Minister Donald Tusk"."""
        needle = re.sub(r"^(?:the|a|an)\s+", "", phrase.casefold()) if lang == "en" else phrase
        if len(needle) < 2:
            return None
        hay = context.casefold() if lang == "en" else context
        states = [m for m in self._context(context, lang).mentions
                  if m.kind in STATE_KINDS and m.entity.code and _ISO3.match(m.entity.code)]
        at = hay.find(needle)
        while at >= 0:
            for m in states:
                if m.end <= at and _BEFORE_PHRASE.fullmatch(context[m.end:at]):
                    return m.entity.code
            at = hay.find(needle, at + 1)
        return None

    def _place_fits(self, place: tuple[str, str, bool, int], head: tuple[int, str] | None, phrase: str,
                    context: str, lang: str) -> bool:
        """A place in the phrase stands for its country when a head word follows it ("Minsk police
        station"), when there is no context, or when the context names that country; not a
        personal or common word that a gazetteer also has ("Minister of Justice ...": Justice, USA)."""
        if (head is not None and head[0] > place[3]) or not context:
            return True
        hay, needle = (context.casefold(), phrase.casefold()) if lang == "en" else (context, phrase)
        return self._context(context, lang).counts[place[0]] > hay.count(needle)  # named elsewhere too

    def _place_in(self, phrase: str, lang: str) -> tuple[str, str, bool, int] | None:
        """(country, place name, is a capital, end) of the first place named in the phrase."""
        if self.geocoder is None:
            return None
        from frontwatch.resolve.places import Geocoder, find_places

        geocoder: Geocoder = self.geocoder  # type: ignore[assignment]
        for m in find_places(phrase, lang=lang, geocoder=geocoder):
            p = m.place
            if p.country and p.feature != "country":
                is_capital = (p.country, (p.name or "").casefold()) in capitals()
                return p.country, p.name or m.text, is_capital, m.end
        return None

    def _place_countries(self, context: str, lang: str,
                         named: Sequence[str] = ()) -> Sequence[tuple[int, str]]:
        """Where the context's places are, each read among the countries it names ("Victoria town
        in the central Philippine Northern Samar province": the Philippine Victoria)."""
        if self.geocoder is None:
            return ()
        from frontwatch.resolve.places import Geocoder, find_places

        geocoder: Geocoder = self.geocoder  # type: ignore[assignment]
        out: list[tuple[int, str]] = []
        for m in find_places(context[:2000], lang=lang, geocoder=geocoder, countries=named):
            if m.place.country:
                out.append((m.start, m.place.country))
        return out


@cache
def capitals() -> frozenset[tuple[str, str]]:
    """(alpha-3, capital name casefolded) from GeoNames countryInfo (``place_countries``)."""
    from frontwatch.resolve.place_countries import capital_names

    return frozenset((code, name.casefold()) for code, name in capital_names().items())


def _main_mention(mentions: Sequence[ActorMention], phrase: str,
                  lang: str) -> tuple[ActorMention | None, ActorMention | None]:
    """The mention that names the main actor, and the one whose code it takes: the first of two
    states joined by "and" ("US and UK forces": USA, with the sector of "UK forces")."""
    named = [m for m in mentions if m.entity.code]
    if not named:
        return None, None
    if lang == "en" and len(named) > 1:  # "French Ambassador to Moscow": not Moscow
        kept = [m for i, m in enumerate(named) if not (
            m.kind in STATE_KINDS and _PLACE_PREP.search(phrase[named[i - 1].end if i else 0:m.start]))]
        named = kept or named
    specific = [m for m in named if m.kind in SPECIFIC]
    main = (specific or named)[-1]
    i = named.index(main)
    while (main.kind in STATE_KINDS and i > 0 and named[i - 1].kind in STATE_KINDS
           and _COORD.fullmatch(phrase[named[i - 1].end:named[i].start])):
        i -= 1
    return main, named[i]


def _owner_of_japanese_body(mentions: Sequence[ActorMention], main: ActorMention,
                            phrase: str) -> ActorMention | None:
    """The state in Xの before a Japanese institution or title written without its country
    (外務省 is Japan's alone, インドの外務省 India's, 中国の王毅外相 China's)."""
    if main.entity.code != "JPN" or main.kind not in ("org", "title"):
        return None
    before = [m for m in mentions if m.end <= main.start and m.kind in STATE_KINDS and m.entity.code]
    if before and _JA_OF.fullmatch(phrase[before[-1].end:main.start]):
        return before[-1]
    return None
