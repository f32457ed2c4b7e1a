"""Finding place names in a sentence and resolving them with a ``Geocoder``.

Japanese, in order (a later source never overlaps an earlier one):

1. Curated names of the supplement that contain kanji (黒海, 台湾海峡, 南シナ海, 北方領土),
   longest first.
2. Katakana runs (``ナゴルノ・カラバフ``), with a following place suffix kept with them
   (``ドネツク州``, ``セブ湖``); kanji runs ending in a place suffix (``長崎県``). A Latin
   spelling in brackets after a katakana name (``ラダック(Ladakh)地方``) is looked up first,
   and then the katakana only exactly.

English (``place_english``): runs of capitalised words (``Lake Sevan``, ``Nagorno-Karabakh``,
``Kherson``), with a following lower-case place word kept (``Kherson region``); a run that is
no place is tried again word by word, longest first.

Both: a border word (国境, "border") makes a border place (``place_frontiers``).

A candidate is dropped when it is a known non-place word (``not_places.tsv``: loanwords,
people, weapons, organisations) or is followed by an actor marker (…首相, …軍, …側, "said").
It is in a *place context* when a place suffix or cue word stands next to it (``cues.toml``),
or when it shares a list (、 / "and") with such a name; only then may the geocoder use its
fuzzy step and small villages. A country name is returned (feature ``country``) only when
it is used as a place (…領内, …国内, …全土, "in Armenia"), never as the actor it usually is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, lru_cache

from frontwatch.errors import InputError
from frontwatch.records import Place, PlaceMention
from frontwatch.resolve.gazetteer import name_key, read_supplement
from frontwatch.resolve.place_cues import Cues, load_cues, names_division, not_places
from frontwatch.resolve.place_english import (
    Candidate,
    demonym,
    en_candidates,
    en_pieces,
    qualified,
    skip_direction,
    with_direction,
)
from frontwatch.resolve.place_lists import list_groups, share_generic
from frontwatch.resolve.place_unlisted import unlisted
from frontwatch.resolve.places import Geocoder

_DATA = "data/gazetteer"
_KANA = "\u30a1-\u30fa\u30fc\u30fd\u30fe"
_KATAKANA_RUN = re.compile(rf"[{_KANA}](?:[{_KANA}・･]*[{_KANA}])?")
_KANJI = "\u4e00-\u9fff\u3005"
_HAS_KANJI = re.compile(f"[{_KANJI}]")
_MAX_KANJI_NAME = 8


@cache
def _supplement_kanji_names() -> re.Pattern[str] | None:
    """Curated names with kanji (supplement and Japanese country names), longest first."""
    from frontwatch.resolve.place_countries import country_rows

    names: set[str] = set()
    for row in [*read_supplement(), *country_rows({})]:
        for n in [row["name"], *row["names_ja"].split("|")]:
            if n and _HAS_KANJI.search(n):
                names.add(n)
    if not names:
        return None
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))


_MemoKey = tuple[str, str, tuple[str, ...], int]
_MEMO: ContextVar[dict[_MemoKey, tuple[PlaceMention, ...]] | None] = ContextVar(
    "frontwatch_place_memo", default=None)


@contextmanager
def one_document() -> Iterator[None]:
    """Inside the block (the coding of one document, this thread or task only) ``find_places``
    answers a question it was asked before from memory: the sentence stages, the resolution
    of each frame and ``carry_places`` ask about the same sentences (a fifth of the calls
    repeat on the benchmark's documents), and finds a sentence's candidate names once for
    all the countries it is asked about. Nothing is kept past the block, so no document's
    answer can depend on another's."""
    token, cands, looked = _MEMO.set({}), _CANDS.set({}), _LOOKED_UP.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)
        _CANDS.reset(cands)
        _LOOKED_UP.reset(looked)


def find_places(
    text: str, *, lang: str, geocoder: Geocoder, countries: Sequence[str] = ()
) -> list[PlaceMention]:
    """Place mentions in ``text`` (one sentence), in text order, offsets relative to ``text``."""
    memo = _MEMO.get()
    if memo is None:
        return _find_places(text, lang=lang, geocoder=geocoder, countries=countries)
    key = (text, lang, tuple(countries), id(geocoder))  # the geocoder lives as long as the block
    found = memo.get(key)
    if found is None:
        found = memo[key] = tuple(_find_places(text, lang=lang, geocoder=geocoder, countries=countries))
    return list(found)


_LookupKey = tuple[str, tuple[str, ...], str, bool, int]
_LOOKED_UP: ContextVar[dict[_LookupKey, Place | None] | None] = ContextVar(
    "frontwatch_place_lookups", default=None)


def _lookup(geocoder: Geocoder, name: str, countries: Sequence[str], lang: str,
            place_context: bool) -> Place | None:
    """``geocoder.lookup``; inside ``one_document`` a name asked about again with the same
    countries and context is answered from memory (a third of the lookups of the sentences'
    scopes repeat within a document on the benchmark's documents)."""
    memo = _LOOKED_UP.get()
    if memo is None:
        return geocoder.lookup(name, countries=countries, lang=lang, place_context=place_context)
    key = (name, tuple(countries), lang, place_context, id(geocoder))  # the geocoder outlives the block
    if key not in memo:
        memo[key] = geocoder.lookup(name, countries=countries, lang=lang, place_context=place_context)
    return memo[key]


def _find_places(
    text: str, *, lang: str, geocoder: Geocoder, countries: Sequence[str] = ()
) -> list[PlaceMention]:
    cands = _candidates(text, lang, geocoder)
    found = _resolve(text, cands, lang=lang, geocoder=geocoder, countries=countries)
    return _with_borders(found, text, lang=lang, geocoder=geocoder, countries=countries)


_CANDS: ContextVar[dict[tuple[str, str, int], tuple[Candidate, ...]] | None] = ContextVar(
    "frontwatch_place_candidates", default=None)


def _candidates(text: str, lang: str, geocoder: Geocoder) -> list[Candidate]:
    """The stretches of ``text`` that may name places, with their list context: they do not
    depend on the countries a lookup prefers, so inside ``one_document`` they are found once a
    sentence (each caller gets its own copies: the resolution may mark them)."""
    memo = _CANDS.get()
    key = (text, lang, id(geocoder))
    kept = memo.get(key) if memo is not None else None
    if kept is None:
        if lang == "ja":
            cands = _ja_candidates(text, geocoder)
        elif lang == "en":
            cands = en_candidates(text)
        else:
            raise InputError(f"find_places reads Japanese (ja) or English (en) text, not {lang!r}.")
        _spread_context(text, cands, load_cues(lang))
        share_generic(text, cands, lang)
        if memo is None:
            return cands
        kept = memo[key] = tuple(c.copy() for c in cands)
    return [c.copy() for c in kept]


def _with_borders(found: list[PlaceMention], text: str, *, lang: str, geocoder: Geocoder,
                  countries: Sequence[str]) -> list[PlaceMention]:
    """``found`` and the borders the sentence names (``place_frontiers``), in text order (a
    country written in a border's name, "Pakistan border", stays before it: a frame takes the
    border, as a place finer than a country)."""
    from frontwatch.resolve.place_frontiers import border_mentions

    borders = border_mentions(text, lang=lang, countries=countries, geocoder=geocoder)
    return sorted([*found, *borders], key=lambda m: m.start) if borders else found


# ------------------------------------------------------------------ Japanese


def _kanji_scan(text: str, names: frozenset[str], taken: bytearray, cues: Cues) -> list[Candidate]:
    """Known kanji names inside kanji runs, longest first; a place context when the name is
    the whole run before a particle of place (佐世保に) or a cue follows it (基隆沖, 元山付近)."""
    out: list[Candidate] = []
    heads = _name_heads(names)
    for m in re.finditer(f"[{_KANJI}]{{2,}}", text):
        i = m.start()
        while i < m.end() - 1:
            size = _longest_name_at(text, i, m.end(), names, taken) if text[i:i + 2] in heads else 0
            if not size:
                i += 1
                continue
            end = i + size
            if _in_body_name(text, i, end, cues):
                taken[i:end] = b"\x01" * size
                i = end
                continue  # 上海 in 上海協力機構
            suffix = _starts_with_any(text, end, cues.suffixes)
            if suffix and all(_is_kanji(ch) for ch in suffix):  # 秋田県: the suffix goes with it
                end += len(suffix)
            whole = end == m.end() and bool(_starts_with_any(text, end, cues.kanji_whole_after))
            cue = bool(_starts_with_any(text, end, cues.after) or _starts_with_any(text, end, cues.suffixes))
            out.append(Candidate(i, end, i + size, whole or cue or bool(suffix), text[i:end]))
            taken[i:end] = b"\x01" * (end - i)
            i = end
    return out


def _in_body_name(text: str, start: int, end: int, cues: Cues) -> bool:
    """The kanji run holding ``text[start:end]`` goes on past it to end in an organisation's
    head (北大西洋条約機構, 上海協力機構): the name is part of a body's name, not a place."""
    stop = end
    while stop < len(text) and _is_kanji(text[stop]):
        stop += 1
    return stop > end and text[end:stop].endswith(cues.org_heads)


def _is_kanji(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch == "\u3005"


@lru_cache(maxsize=4)
def _name_heads(names: frozenset[str]) -> frozenset[str]:
    """The first two characters of each name: no name of two or more begins where they are not."""
    return frozenset(n[:2] for n in names)


def _longest_name_at(text: str, i: int, run_end: int, names: frozenset[str], taken: bytearray) -> int:
    for size in range(min(_MAX_KANJI_NAME, run_end - i), 1, -1):
        if text[i : i + size] in names and not any(taken[i : i + size]):
            return size
    return 0


def _ja_candidates(text: str, geocoder: Geocoder) -> list[Candidate]:
    cues = load_cues("ja")
    taken = bytearray(len(text) + 1)
    out: list[Candidate] = []
    kanji_names = getattr(geocoder, "kanji_names", None)  # optional: GazetteerGeocoder has it
    names: frozenset[str] = kanji_names() if callable(kanji_names) else frozenset()
    pattern = _supplement_kanji_names()
    if pattern is not None:
        for m in pattern.finditer(text):
            if _in_body_name(text, m.start(), m.end(), cues):
                continue  # 大西洋 in 北大西洋条約機構
            run = re.match(f"[{_KANJI}]+", text[m.start():])
            run_end = m.start() + (run.end() if run else 0)
            if _longest_name_at(text, m.start(), run_end, names, taken) > len(m.group(0)):
                continue  # 北海 (the North Sea) is the start of 北海道: the longer name wins
            out.append(Candidate(m.start(), m.end(), m.end(), True, m.group(0)))
            taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    if names:
        out.extend(_kanji_scan(text, names, taken, cues))
    for m in _KATAKANA_RUN.finditer(text):
        run_start = m.start()
        if any(taken[m.start() : m.end()]):
            # 東アフリカ・ソマリア中部: a curated name took the list's first part; the rest is a name
            last = max(i for i in range(m.start(), m.end()) if taken[i])
            if text[last + 1 : last + 2] != "・" or any(taken[last + 2 : m.end()]) or last + 2 >= m.end():
                continue
            run_start = last + 2
        gloss = _GLOSS.match(text, m.end())
        after = gloss.end() if gloss else m.end()
        if _starts_with_any(text, m.end(), cues.weapon_after):
            continue  # バルカン砲, ジャンカイ級: a weapon or a ship class named after a place
        suffix = _starts_with_any(text, after, cues.suffixes)
        end = after + len(suffix) if suffix else after
        context = bool(suffix) or bool(_starts_with_any(text, after, cues.after))
        context = (context or text[:run_start].endswith(cues.before)
                   or _after_named_part(text, run_start, cues))
        start = run_start
        if _direction_prefix(text, start) and not taken[start - 1]:  # 北キブ州, 南アフリカ
            start -= 1
        out.append(Candidate(start, end, m.end(), context, text[start:end],
                             gloss.group(1) if gloss else ""))
        taken[start:end] = b"\x01" * (end - start)
    out.extend(_kanji_with_suffix(text, taken, cues))
    out.sort(key=lambda c: c.start)
    return out


_DIRECTION_KANJI = "北南東西"
# A Latin spelling in brackets right after a katakana name (AFP and CNN Japanese write one at
# a name's first use: ラダック(Ladakh)地方, ガルワン(Galwan)渓谷).
_GLOSS = re.compile(r"[（(]([A-Z][A-Za-z'’\- ]{1,40})[)）]")


def _after_named_part(text: str, start: int, cues: Cues) -> bool:
    """A direction part (北東部) between a katakana name and ``start``: ケニア北東部マンデラ."""
    part = next((p for p in cues.part_after_name
                 if start > len(p) and text.startswith(p, start - len(p))), "")
    i = start - len(part) - 1
    return bool(part) and i >= 0 and ("\u30a1" <= text[i] <= "\u30fa" or text[i] == "ー")


def _direction_prefix(text: str, start: int) -> bool:
    """A direction kanji alone before a katakana name is part of it (北キブ州, 南アフリカ,
    東ティモール), unless it ends a longer kanji word (中東アフリカ: not 東アフリカ)."""
    if start < 1 or text[start - 1] not in _DIRECTION_KANJI:
        return False
    return not (start >= 2 and _is_kanji(text[start - 2]))


def _kanji_with_suffix(text: str, taken: bytearray, cues: Cues) -> list[Candidate]:
    """A kanji name of 2+ characters before a place suffix (長崎県, 男鹿半島; not 同市, 都市),
    in the parts of kanji runs no earlier candidate took (秋田県男鹿半島 -> 男鹿半島)."""
    out: list[Candidate] = []
    for m in re.finditer(f"[{_KANJI}]{{3,}}", text):
        for seg in re.finditer(r"\x00+", bytes(taken[m.start() : m.end()]).decode("latin-1")):
            start, end = m.start() + seg.start(), m.start() + seg.end()
            word = text[start:end]
            cue = (next((c for c in cues.after if word.endswith(c) and all(map(_is_kanji, c))), "")
                   if word.endswith(cues.after) else "")  # the tuple test first: most runs end in none
            if cue and len(word) > len(cue):  # 根室半島沖: the place is 根室半島
                word, end = word[: -len(cue)], end - len(cue)
            suffix = (next((s for s in cues.suffixes if word.endswith(s)), "")
                      if word.endswith(cues.suffixes) else "")
            if suffix and 2 <= len(word) - len(suffix) <= 8:
                out.append(Candidate(start, end, end - len(suffix), True, word))
    return out


def _overlaps(cands: list[Candidate], start: int, end: int) -> bool:
    return any(c.start < end and start < c.end for c in cands)


def _starts_with_any(text: str, pos: int, words: Sequence[str]) -> str:
    """The first of ``words`` (in their order) that ``text`` has at ``pos``, or ""."""
    if pos >= len(text):
        return ""
    for w in _by_first_char(tuple(words)).get(text[pos], ()):
        if text.startswith(w, pos):
            return w
    return ""


@lru_cache(maxsize=64)
def _by_first_char(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """``words`` grouped by first character, order kept: a cue list is scanned per katakana run."""
    index: dict[str, list[str]] = {}
    for w in words:
        if w:
            index.setdefault(w[0], []).append(w)
    return {k: tuple(v) for k, v in index.items()}


# ------------------------------------------------------------------ shared


def _spread_context(text: str, cands: list[Candidate], cues: Cues) -> None:
    """Names joined in a list share a place context: 'ゴリス、ソトク、ジェルムクなど'."""
    for group in list_groups(text, cands, cues):
        if any(c.context for c in group):
            for c in group:
                c.context = True


def _resolve(
    text: str, cands: list[Candidate], *, lang: str, geocoder: Geocoder, countries: Sequence[str]
) -> list[PlaceMention]:
    from frontwatch.resolve.place_attach import dateline_end

    cues = load_cues(lang)
    stop = not_places(lang)
    found: list[PlaceMention] = []
    filed = dateline_end(text, lang) if lang == "en" else 0
    for c in cands:
        if c.gloss:
            glossed = _glossed(text, c, cues, geocoder, countries)
            if glossed is not None:
                found.append(glossed)
            continue
        taken: list[tuple[int, int]] = []  # parts of a ・ list already placed (東アフリカ・ソマリア)
        looked_up = False  # some piece of the candidate has an entry
        before = len(found)
        for start, end in _pieces(text, c, lang):
            if any(a < end and start < b for a, b in taken):
                continue
            name = text[start:end]
            with_article = start < c.start
            core_key = name_key(text[start : min(end, c.core_end)])
            if not with_article and (name_key(name) in stop or core_key in stop):
                continue
            if _actor_follows(text, start, end, cues, lang):
                continue
            if (start, end) == (c.start, c.core_end) != (c.start, c.end) and names_division(c.text):
                continue  # カニ郡区 names a division: カニ alone is not looked up as a town
            # A part of a longer name (Thomas in Second Thomas Shoal) does not inherit its cue.
            whole = with_article or (start, end) in ((c.start, c.end), (c.start, c.core_end))
            place = qualified(text, end, name, geocoder) if lang == "en" and whole else None
            if c.shared and whole and place is None:  # ドネツク in ドネツクとルハンスク両州
                as_division = name + c.shared if lang == "ja" else f"{name} {c.shared}"
                place = _lookup(geocoder, as_division, countries, lang, True)
            ctx = c.context and whole
            # A dateline names a bureau's city, the well-known one (MOSCOW is not Moscow, Idaho).
            home = () if start < filed else countries
            place = place or _lookup(geocoder, name, home, lang, ctx)
            looked_up = looked_up or place is not None
            if place is None or (lang == "en" and demonym(name, place, geocoder)):
                continue
            if place.feature == "country" and not _country_as_place(text, start, end, cues, lang):
                if lang == "ja" and text.startswith("・", end) and end < c.core_end:
                    taken.append((start, end))  # アフガニスタン・ホスト州: the country names whose
                    continue
                break  # a country named as an actor: neither it nor a part of it is a place
            found.append(PlaceMention(text=name, start=start, end=end, place=place))
            if lang != "ja" or "・" not in text[c.start:c.core_end] or (start, end) in ((c.start, c.end),
                                                                                  (c.start, c.core_end)):
                break
            taken.append((start, end))  # a part of a ・ list: the other parts are names too
        if lang == "ja" and _name_chain(text, c, found[before:], taken, geocoder):
            del found[before:]
        if not looked_up and c.start >= filed and not _actor_follows(text, c.start, c.end, cues, lang):
            named = unlisted(text, c, lang, cues)  # キンマ村, "the town of Kangarwa": no entry
            if named is not None:
                found.append(named)
    return _agree_with_neighbours(found, geocoder, lang)


def _glossed(text: str, c: Candidate, cues: Cues, geocoder: Geocoder,
             countries: Sequence[str]) -> PlaceMention | None:
    """A katakana name with its Latin spelling written after it: the spelling is looked up
    (fuzzy only in a place context), else the katakana exactly (no sound-alike guessing
    against the spelling the text gives)."""
    kana = text[c.start : c.core_end]
    if name_key(kana) in not_places("ja") or _actor_follows(text, c.start, c.end, cues, "ja"):
        return None
    place = (geocoder.lookup(c.gloss, countries=countries, lang="en", place_context=c.context)
             or geocoder.lookup(kana, countries=countries, lang="ja"))
    if place is None:
        return None
    if place.feature == "country" and not _country_as_place(text, c.start, c.end, cues, "ja"):
        return None
    return PlaceMention(text=text[c.start : c.end], start=c.start, end=c.end, place=place)


# Features whose name several countries share (Punjab, Azad Kashmir, Georgia's Samegrelo):
# the sentence's other places say which country's is meant.
_SHARED_NAME_FEATURES = frozenset({"admin1", "region"})


def _agree_with_neighbours(found: list[PlaceMention], geocoder: Geocoder, lang: str) -> list[PlaceMention]:
    """A division or region read in one country while the sentence's other places lie in
    another is read again in theirs ("北部パンジャブ州アムリトサル": India's Punjab); a town
    read far from the division the sentence names just before it is read again inside it."""
    out = _towns_inside_divisions(found, geocoder) if lang == "ja" else list(found)
    found = list(out)
    for i, m in enumerate(found):
        if m.place.feature not in _SHARED_NAME_FEATURES:
            continue
        others = [x.place.country for j, x in enumerate(found) if j != i and x.place.country]
        if not others or m.place.country in others:
            continue
        for country in dict.fromkeys(others):
            alt = geocoder.lookup(m.text, countries=(country,), lang=lang, place_context=True)
            if alt is not None and alt.country == country and alt.feature == m.place.feature:
                out[i] = PlaceMention(text=m.text, start=m.start, end=m.end, place=alt)
                break
    return out


def _towns_inside_divisions(found: list[PlaceMention], geocoder: Geocoder) -> list[PlaceMention]:
    """A town written right after a division or region (北ダルフール州のクトゥム, ハルキウ州イジューム)
    is read again within ``QUALIFIER_KM`` of it, and that reading kept when it lies nearer
    the division (Kutum in North Darfur, not Khartoum)."""
    from frontwatch.resolve.gazetteer import distance_km

    within = getattr(geocoder, "lookup_within", None)  # GazetteerGeocoder has it
    out = list(found)
    for i, m in enumerate(found):
        before = found[i - 1] if i else None
        division = before.place if (before is not None and before.place.feature in _SHARED_NAME_FEATURES
                                    and m.start - before.end <= len("の")) else None
        p = m.place
        if (division is None or p.feature != "city" or not callable(within) or p.lat is None
                or p.lon is None or division.lat is None or division.lon is None):
            continue
        again = within(m.text, division)
        if (isinstance(again, Place) and again.lat is not None and again.lon is not None
                and distance_km(again.lat, again.lon, division.lat, division.lon)
                < distance_km(p.lat, p.lon, division.lat, division.lon)):
            out[i] = PlaceMention(text=m.text, start=m.start, end=m.end, place=again)
    return out


def _name_chain(text: str, c: Candidate, placed: list[PlaceMention], taken: list[tuple[int, int]],
                geocoder: Geocoder) -> bool:
    """A katakana run joined by ・ whose first part is a name the gazetteer knows and a later part
    one it does not: a person's or a body's name (アル・シャバブ, ウラジーミル・ロゴフ氏, ニューヨーク・
    タイムズ, 「キット・ティット」), whose parts that sound like places (アル, キット) are none. In a
    list of places every part is one (アフガニスタン・ホスト州; アフリカ・ナイジェリア, a continent's
    name); a place written with an unknown first part keeps its known head (ジャム・カシミール州)."""
    core = text[c.start:c.core_end]
    if not placed or "・" not in core or any((p.start, p.end) == (c.start, c.end) for p in placed):
        return False
    gazetteer = getattr(geocoder, "gazetteer", None)  # GazetteerGeocoder has one
    starts = {p.start for p in placed} | {a for a, _ in taken}
    pos, known = c.start, []
    for part in core.split("・"):
        known.append(pos in starts or (gazetteer is not None and bool(gazetteer.exact(part))))
        pos += len(part) + 1
    return known[0] and not all(known)


def _pieces(text: str, c: Candidate, lang: str) -> list[tuple[int, int]]:
    """The candidate itself, then (if it fails) its parts: split on ・ or by words, longest first.
    An English name whose article is part of it comes first ("the Gulf", "the Hague")."""
    spans = [(c.start, c.end)]
    before = text[max(0, c.start - 5) : c.start].lower()
    if lang == "en" and before.endswith("the ") and (len(before) < 5 or not before[0].isalnum()):
        spans.insert(0, (c.start - 4, c.end))
    if c.core_end != c.end:
        spans.append((c.start, c.core_end))
    core = text[c.start : c.core_end]
    if lang == "ja" and core[:1] in _DIRECTION_KANJI and len(core) > 1:  # then without 北/南/東/西
        spans += [(c.start + 1, c.end)] + ([(c.start + 1, c.core_end)] if c.core_end != c.end else [])
        core = text[c.start + 1 : c.core_end]
        if "・" in core:
            pos = c.start + 1
            for part in core.split("・"):
                spans.append((pos, pos + len(part)))
                pos += len(part) + 1
        return spans
    if lang == "ja" and "・" in core:
        pos = c.start
        for part in core.split("・"):
            if pos + len(part) == c.core_end != c.end:  # the last part with its suffix: ホスト州
                spans.append((pos, c.end))
            spans.append((pos, pos + len(part)))
            pos += len(part) + 1
    elif lang == "en":
        return with_direction(text, c, en_pieces(text, c, spans))
    return spans


# A bracketed aside right after a name: コンゴ民主共和国(旧ザイール)東部, 首都キーウ(キエフ)に.
_ASIDE = re.compile(r"[（(][^（()）]{1,15}[)）]")


def _after_aside(text: str, end: int) -> int:
    """Where the words after a name begin once a bracketed aside after it is passed over."""
    m = _ASIDE.match(text, end)
    return m.end() if m else end


def _actor_follows(text: str, start: int, end: int, cues: Cues, lang: str) -> bool:
    """An actor marker after the name (…軍, …首相, "Moscow said"), unless, in English, a
    preposition of place comes before it ("peacekeepers in Naqoura said")."""
    if lang == "ja":  # …側 is an actor, …側の軍事施設 a place (the longer cue wins)
        end = _after_aside(text, end)
        actor = _starts_with_any(text, end, cues.actor_after)
        return bool(actor) and len(_starts_with_any(text, end, cues.country_after)) <= len(actor)
    m = re.match(r"\s*([\w'’]+)", text[end:])
    if not (m and m.group(1).lower() in cues.actor_after):
        return False
    before = re.search(r"([A-Za-z]+)\s+(?:the\s+)?$", text[:start])
    return not (before and before.group(1).lower() in cues.country_before)


def _country_as_place(text: str, start: int, end: int, cues: Cues, lang: str) -> bool:
    if lang == "ja":
        return bool(_starts_with_any(text, _after_aside(text, end), cues.country_after))
    if text.startswith(("'s", "’s"), end):  # Russia's army: an actor
        return False
    before = re.search(r"([A-Za-z]+)\s+(?:the\s+)?$", text[:skip_direction(text, start, cues)])
    return bool(before and before.group(1).lower() in cues.country_before)
