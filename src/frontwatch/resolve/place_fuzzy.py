"""Step 3 of the geocoder cascade: a katakana name matched to Latin names by how it sounds.

1. Romanise (Hepburn, ``place_kana``) after spelling out the small-kana syllables Hepburn
   splits (ジェ -> je, ティ -> ti); also try ウ after a vowel as v (ハルキウ, Kharkiv).
2. Places with a Latin name of the same consonant skeleton (``gazetteer.skeleton``) whose
   full romanisation scores at least ``FUZZY_MIN_SCORE`` against it.
3. Within the article's countries only, also: Latin names whose skeleton is close
   (``FUZZY_SKELETON_SCORE``) and whose full form scores ``FUZZY_NEAR_SCORE``.

A fuzzy match must lie in one of the article's countries; with no countries given it must
be a prominent place (``places._prominent``). Sound-alike guessing across the whole world
finds a Dutch town for a Karabakh village.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from frontwatch.resolve.gazetteer import Entry, Gazetteer, name_key, skeleton
from frontwatch.resolve.place_kana import kana_hepburn
from frontwatch.resolve.place_names import skeleton_of_key

# rapidfuzz ratio (0-100) between a romanised katakana name and a Latin name of the same
# skeleton. Gold true pairs score 58-100 (rishichanshiku/lysychansk 58: epenthetic vowels);
# the one wrong same-skeleton pair met (hadoruto/dordt) scored 62 and is outside the countries.
FUZZY_MIN_SCORE = 50.0
# Step 3: skeleton similarity and full-form similarity for names whose skeletons differ.
# True pairs met: kurasunohorifuka/krasnohorivka 83, horurivka/horlivka 82; a wrong pair,
# ainaruasado (Ain al-Asad) / ingurusaido (a GeoNames romanisation of Ingleside, USA), 73.
FUZZY_SKELETON_SCORE = 80.0
FUZZY_NEAR_SCORE = 75.0
# A 2-consonant skeleton is shared by hundreds of places: guessing.
FUZZY_MIN_SKELETON = 3
# ...except for a name written as a division (アムハラ州, Amhara: skeleton "mr") matched only
# against the divisions of the article's countries, a few dozen names, at this closeness.
# Over the Japanese pages of dev10 and realworld the step answers 11 names on 5 pages, all
# right (アムハラ州 8, アファール州, ダルア県, イトゥリ州); 90 is the cut-off step 3 asks of a name
# looked up with no country (``places.FUZZY_ANYWHERE_SCORE``).
SHORT_DIVISION_MIN_SKELETON = 2
SHORT_DIVISION_MIN_SCORE = 90.0

_SMALL_KANA = {
    "ティ": "ti", "ディ": "di", "ジェ": "je", "シェ": "she", "チェ": "che", "ファ": "fa", "フィ": "fi",
    "フェ": "fe", "フォ": "fo", "ウィ": "wi", "ウェ": "we", "ウォ": "wo", "トゥ": "tu", "ドゥ": "du",
    "ツァ": "tsa", "イェ": "ye", "デュ": "dyu", "テュ": "tyu",
}
_SMALL_RE = re.compile("|".join(_SMALL_KANA))
_FU_AS_KH = re.compile(r"(?<=[aeio])fu(?=[^aeiou]|$)")
_UI_AS_Y = re.compile(r"(?<=[rmbpdtkgsnzv])ui|(?<=[rmbpdtkgsnzv])ii")
_U_AS_V = re.compile(r"(?<=[aeio])u(?=[kshtnmrbgdpzf])|(?<=[aeio])u$")


class Romanizer:
    """Katakana -> Latin (``place_kana.kana_hepburn``), small-kana syllables spelled out first."""

    def __call__(self, katakana: str) -> str:
        text = _SMALL_RE.sub(lambda m: _SMALL_KANA[m.group(0)], katakana)
        return name_key(kana_hepburn(text))

    def variants(self, katakana: str) -> list[str]:
        """The romanisation, and the same with ウ after a vowel read as v (ハルキウ, Kharkiv),
        ウイ / イー read as y (ルイリスク, Rylsk; クリヴィー, Kryvyi) and フ before a consonant
        or at the end read as kh (ガザフ, Gazakh: Russian х)."""
        r = self(katakana)
        out = [r]
        for v in (_U_AS_V.sub("v", r), _UI_AS_Y.sub("y", r), _FU_AS_KH.sub("kh", r)):
            if v not in out:
                out.append(v)
        return out


def sound_score(romaji: str, key: str) -> float:
    """How alike a romanised katakana name and a Latin name key sound (0-100): the rapidfuzz
    ratio of the full forms and of their consonant skeletons, equally weighted."""
    from rapidfuzz import fuzz

    return (fuzz.ratio(romaji, key) + fuzz.ratio(skeleton(romaji), skeleton(key))) / 2


def fuzzy_candidates(
    gaz: Gazetteer, katakana: str, wanted: frozenset[str], romanize: Romanizer,
    accept: Callable[[Entry], bool], *, min_skeleton: int = FUZZY_MIN_SKELETON,
) -> list[tuple[float, Entry]]:
    """(score, entry) pairs for a katakana name, best first; empty when nothing is close or
    its romanisation has fewer than ``min_skeleton`` consonants.

    The score (0-100) averages the rapidfuzz ratio of the full forms and of the skeletons.
    """
    from rapidfuzz import fuzz, process

    found: dict[int, tuple[float, Entry]] = {}

    def keep(romaji: str, key: str, e: Entry) -> None:
        score = sound_score(romaji, key)
        if accept(e) and (e.slot not in found or found[e.slot][0] < score):
            found[e.slot] = (score, e)

    variants = romanize.variants(katakana)
    if len(skeleton(variants[0])) < min_skeleton:
        return []
    for v in variants:
        for key, entries in gaz.by_skeleton(v):
            if fuzz.ratio(v, key) >= FUZZY_MIN_SCORE:
                for e in entries:
                    keep(v, key, e)
    if wanted:
        pairs = gaz.skeletons_in(wanted)
        skels = [p[0] for p in pairs]
        for v in variants:
            near = process.extract(skeleton(v), skels, scorer=fuzz.ratio,
                                   score_cutoff=FUZZY_SKELETON_SCORE, limit=50)
            for _sk, _s, i in near:
                key = pairs[i][1]
                if fuzz.ratio(v, key) >= FUZZY_NEAR_SCORE:
                    for e in gaz.exact(key):
                        keep(v, key, e)
    return sorted(found.values(), key=lambda se: -se[0])


# A Latin name in a place context, within the article's countries, is compared with the
# places' Latin names after dropping an Arabic article (En Nâqoûra = Naqoura, Ad Dawr = Dawr).
# rapidfuzz ratio cut-off: spelling variants score 88-100 (Tulkarem/Tulkarm 92), different
# towns of one country rarely pass 85; and the two must have as many consonants (spellings
# differ in vowels and in how a sound is written, Pa Nom / Phanom; one consonant more or less
# is another name: Galwan / Gawan scores 91, Jabana / Abana 91).
LATIN_MIN_SCORE = 90.0
_ARTICLE = re.compile(r"^(?:al|el|an|en|ar|er|as|es|ash|ad|ed|at|et|az|ez|ath|adh)(?=[a-z]{3})")


def latin_candidates(
    gaz: Gazetteer, latin: str, wanted: frozenset[str], accept: Callable[[Entry], bool],
) -> list[tuple[float, Entry]]:
    """(score, entry) for a Latin name close in spelling to names of places in ``wanted``."""
    from rapidfuzz import fuzz, process

    query = _ARTICLE.sub("", name_key(latin))
    if len(query) < 4 or not wanted:
        return []
    by_length = _latin_keys(gaz, wanted)
    # ratio = 2M / (len(a) + len(b)) >= LATIN_MIN_SCORE bounds the length of a match.
    r = LATIN_MIN_SCORE / 100
    lo, hi = math.ceil(len(query) * r / (2 - r)), math.floor(len(query) * (2 - r) / r)
    found: dict[int, tuple[float, Entry]] = {}
    for length in range(lo, hi + 1):
        keys, stripped = by_length.get(length, ([], []))
        for _k, score, i in process.extract(query, stripped, scorer=fuzz.ratio,
                                            score_cutoff=LATIN_MIN_SCORE, limit=20):
            if len(skeleton_of_key(stripped[i])) != len(skeleton_of_key(query)):
                continue  # one consonant more or less is another name: Galwan is not Gawan
            for e in gaz.exact(keys[i]):
                if not _named_so(e, keys[i]):
                    continue
                if accept(e) and (e.slot not in found or found[e.slot][0] < score):
                    found[e.slot] = (score, e)
    return sorted(found.values(), key=lambda se: -se[0])


def _named_so(e: Entry, key: str) -> bool:
    """A GeoNames town matched by spelling only through its own name: its alternates hold
    other languages' forms ("Abana" for Urbana, Illinois), and a near spelling of one of
    them is two guesses deep ("al-Jabana" near Hodeidah is not Urbana). Curated rows and
    divisions keep all their names (the editors' and ISO's forms)."""
    return e.supplement or e.feature != "city" or name_key(e.name) == key


# Name tables kept per country and per country set (a batch of many articles brings many sets;
# keeping every one grew a 1,000-line batch to 400 MB).
COUNTRY_TABLES_KEPT = 16
_LATIN_KEYS: dict[tuple[int, frozenset[str]], dict[int, tuple[list[str], list[str]]]] = {}
_COUNTRY_KEYS: dict[tuple[int, str], dict[int, tuple[list[str], list[str]]]] = {}


def _latin_keys(gaz: Gazetteer, wanted: frozenset[str]) -> dict[int, tuple[list[str], list[str]]]:
    """Latin name keys of places in ``wanted`` and the same without an article, by the
    stripped length (cached per gazetteer and country set, made from per-country tables)."""
    cache_key = (id(gaz), wanted)
    if cache_key not in _LATIN_KEYS:
        if len(_LATIN_KEYS) >= COUNTRY_TABLES_KEPT:
            _LATIN_KEYS.clear()
        if len(wanted) == 1:
            _LATIN_KEYS[cache_key] = _country_keys(gaz, next(iter(wanted)))
        else:
            merged: dict[int, dict[str, str]] = {}
            for country in sorted(wanted):
                for length, (keys, stripped) in _country_keys(gaz, country).items():
                    merged.setdefault(length, {}).update(zip(keys, stripped, strict=True))
            _LATIN_KEYS[cache_key] = {
                n: (list(pairs), list(pairs.values())) for n, pairs in merged.items()
            }
    return _LATIN_KEYS[cache_key]


def _country_keys(gaz: Gazetteer, country: str) -> dict[int, tuple[list[str], list[str]]]:
    cache_key = (id(gaz), country)
    if cache_key not in _COUNTRY_KEYS:
        if len(_COUNTRY_KEYS) >= COUNTRY_TABLES_KEPT:
            _COUNTRY_KEYS.clear()
        table: dict[int, tuple[list[str], list[str]]] = {}
        for _sk, key in gaz.skeletons_in(frozenset((country,))):
            bare = _ARTICLE.sub("", key)
            keys, stripped = table.setdefault(len(bare), ([], []))
            keys.append(key)
            stripped.append(bare)
        _COUNTRY_KEYS[cache_key] = table
    return _COUNTRY_KEYS[cache_key]
