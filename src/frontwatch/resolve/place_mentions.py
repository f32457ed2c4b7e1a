"""Finding place names in a sentence and resolving them with a ``Geocoder``.

Japanese, in order (a later source never overlaps an earlier one):

1. Curated names of the supplement that contain kanji (黒海, 台湾海峡, 南シナ海, 北方領土),
   longest first.
2. Katakana runs (``ナゴルノ・カラバフ``), with a following place suffix kept with them
   (``ドネツク州``, ``セブ湖``); kanji runs ending in a place suffix (``長崎県``).

English: runs of capitalised words (``Lake Sevan``, ``Nagorno-Karabakh``, ``Kherson``), with a
following lower-case place word kept (``Kherson region``); a run that is no place is tried
again word by word, longest first.

A candidate is dropped when it is a known non-place word (``not_places.tsv``: loanwords,
people, weapons, organisations) or is followed by an actor marker (…首相, …軍, …側, "said").
It is in a *place context* when a place suffix or cue word stands next to it (``cues.toml``),
or when it shares a list (、 / "and") with such a name; only then may the geocoder use its
fuzzy step and small villages. A country name is returned (feature ``country``) only when
it is used as a place (…領内, …国内, …全土, "in Armenia"), never as the actor it usually is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from frontwatch.errors import InputError
from frontwatch.records import Place, PlaceMention
from frontwatch.resolve.gazetteer import name_key, read_supplement
from frontwatch.resolve.place_cues import Cues, load_cues, not_places
from frontwatch.resolve.places import Geocoder, names_division

_DATA = "data/gazetteer"
_KANA = "\u30a1-\u30fa\u30fc\u30fd\u30fe"
_KATAKANA_RUN = re.compile(rf"[{_KANA}](?:[{_KANA}・･]*[{_KANA}])?")
_KANJI = "\u4e00-\u9fff\u3005"
_HAS_KANJI = re.compile(f"[{_KANJI}]")
_MAX_KANJI_NAME = 8
# A capitalised word; an apostrophe inside it (Mar'inka) but not a possessive 's.
_LATIN_WORD = r"[A-Z](?:[\w\-]|['’](?!s\b)(?=\w))*"
# Lower-case particles inside a name: Sea of Japan, Bab el-Mandeb, Deir ez-Zor, Rostov-on-Don.
_EN_LINK = r"(?:[ \-](?:of|el|al|ez|ad|as|ash|an|de|du|la|le|na|on|upon)[ \-])"
_EN_RUN = re.compile(rf"(?:{_LATIN_WORD})(?:(?:[ \-]|{_EN_LINK})(?:{_LATIN_WORD}))*")


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    core_end: int  # end of the name without a place suffix
    context: bool
    text: str


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


def find_places(
    text: str, *, lang: str, geocoder: Geocoder, countries: Sequence[str] = ()
) -> list[PlaceMention]:
    """Place mentions in ``text`` (one sentence), in text order, offsets relative to ``text``."""
    if lang == "ja":
        cands = _ja_candidates(text, geocoder)
    elif lang == "en":
        cands = _en_candidates(text)
    else:
        raise InputError(f"find_places reads Japanese (ja) or English (en) text, not {lang!r}.")
    _spread_context(text, cands, load_cues(lang))
    found = _resolve(text, cands, lang=lang, geocoder=geocoder, countries=countries)
    return _with_borders(found, text, lang=lang, geocoder=geocoder, countries=countries)


def _with_borders(found: list[PlaceMention], text: str, *, lang: str, geocoder: Geocoder,
                  countries: Sequence[str]) -> list[PlaceMention]:
    """``found`` and the borders the sentence names (``place_frontiers``), in text order (a
    country written in a border's name, "Pakistan border", stays before it: a frame takes the
    border, as a place finer than a country)."""
    from frontwatch.resolve.place_frontiers import border_mentions

    borders = border_mentions(text, lang=lang, countries=countries, geocoder=geocoder)
    return sorted([*found, *borders], key=lambda m: m.start) if borders else found


# ------------------------------------------------------------------ Japanese


def _kanji_scan(text: str, names: frozenset[str], taken: bytearray, cues: Cues) -> list[_Candidate]:
    """Known kanji names inside kanji runs, longest first; a place context when the name is
    the whole run before a particle of place (佐世保に) or a cue follows it (基隆沖, 元山付近)."""
    out: list[_Candidate] = []
    for m in re.finditer(f"[{_KANJI}]{{2,}}", text):
        i = m.start()
        while i < m.end() - 1:
            size = _longest_name_at(text, i, m.end(), names, taken)
            if not size:
                i += 1
                continue
            end = i + size
            suffix = _starts_with_any(text, end, cues.suffixes)
            if suffix and all(_is_kanji(ch) for ch in suffix):  # 秋田県: the suffix goes with it
                end += len(suffix)
            whole = end == m.end() and bool(_starts_with_any(text, end, cues.kanji_whole_after))
            cue = bool(_starts_with_any(text, end, cues.after) or _starts_with_any(text, end, cues.suffixes))
            out.append(_Candidate(i, end, i + size, whole or cue or bool(suffix), text[i:end]))
            taken[i:end] = b"\x01" * (end - i)
            i = end
    return out


def _is_kanji(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch == "\u3005"


def _longest_name_at(text: str, i: int, run_end: int, names: frozenset[str], taken: bytearray) -> int:
    for size in range(min(_MAX_KANJI_NAME, run_end - i), 1, -1):
        if text[i : i + size] in names and not any(taken[i : i + size]):
            return size
    return 0


def _ja_candidates(text: str, geocoder: Geocoder) -> list[_Candidate]:
    cues = load_cues("ja")
    taken = bytearray(len(text) + 1)
    out: list[_Candidate] = []
    kanji_names = getattr(geocoder, "kanji_names", None)  # optional: GazetteerGeocoder has it
    names: frozenset[str] = kanji_names() if callable(kanji_names) else frozenset()
    pattern = _supplement_kanji_names()
    if pattern is not None:
        for m in pattern.finditer(text):
            run = re.match(f"[{_KANJI}]+", text[m.start():])
            run_end = m.start() + (run.end() if run else 0)
            if _longest_name_at(text, m.start(), run_end, names, taken) > len(m.group(0)):
                continue  # 北海 (the North Sea) is the start of 北海道: the longer name wins
            out.append(_Candidate(m.start(), m.end(), m.end(), True, m.group(0)))
            taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    if names:
        out.extend(_kanji_scan(text, names, taken, cues))
    for m in _KATAKANA_RUN.finditer(text):
        if any(taken[m.start() : m.end()]):
            continue
        suffix = _starts_with_any(text, m.end(), cues.suffixes)
        end = m.end() + len(suffix) if suffix else m.end()
        context = bool(suffix) or bool(_starts_with_any(text, m.end(), cues.after))
        context = context or text[: m.start()].endswith(cues.before)
        start = m.start()
        if _direction_prefix(text, start) and not taken[start - 1]:  # 北キブ州, 南アフリカ
            start -= 1
        out.append(_Candidate(start, end, m.end(), context, text[start:end]))
        taken[start:end] = b"\x01" * (end - start)
    out.extend(_kanji_with_suffix(text, taken, cues))
    out.sort(key=lambda c: c.start)
    return out


_DIRECTION_KANJI = "北南東西"


def _direction_prefix(text: str, start: int) -> bool:
    """A direction kanji alone before a katakana name is part of it (北キブ州, 南アフリカ,
    東ティモール), unless it ends a longer kanji word (中東アフリカ: not 東アフリカ)."""
    if start < 1 or text[start - 1] not in _DIRECTION_KANJI:
        return False
    return not (start >= 2 and _is_kanji(text[start - 2]))


def _kanji_with_suffix(text: str, taken: bytearray, cues: Cues) -> list[_Candidate]:
    """A kanji name of 2+ characters before a place suffix (長崎県, 男鹿半島; not 同市, 都市),
    in the parts of kanji runs no earlier candidate took (秋田県男鹿半島 -> 男鹿半島)."""
    out: list[_Candidate] = []
    for m in re.finditer(f"[{_KANJI}]{{3,}}", text):
        for seg in re.finditer(r"\x00+", bytes(taken[m.start() : m.end()]).decode("latin-1")):
            start, end = m.start() + seg.start(), m.start() + seg.end()
            word = text[start:end]
            cue = next((c for c in cues.after if word.endswith(c) and all(map(_is_kanji, c))), "")
            if cue and len(word) > len(cue):  # 根室半島沖: the place is 根室半島
                word, end = word[: -len(cue)], end - len(cue)
            suffix = next((s for s in cues.suffixes if word.endswith(s)), "")
            if suffix and 2 <= len(word) - len(suffix) <= 8:
                out.append(_Candidate(start, end, end - len(suffix), True, word))
    return out


def _overlaps(cands: list[_Candidate], start: int, end: int) -> bool:
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


# ------------------------------------------------------------------ English


def _en_candidates(text: str) -> list[_Candidate]:
    cues = load_cues("en")
    out: list[_Candidate] = []
    for m in _EN_RUN.finditer(text):
        start, end = m.start(), m.end()
        if _org_name(text, m, cues) and name_key(m.group(0)) not in _curated_latin_names():
            continue
        after = re.match(r"\s+([a-z]+)", text[end:])
        suffix = after.group(1) if after and after.group(1) in cues.suffixes else ""
        before = re.search(r"([A-Za-z]+)\s+$", text[:_skip_direction(text, start, cues)])
        context = bool(suffix) or bool(before and before.group(1).lower() in cues.before)
        full_end = end + after.end() if suffix and after else end
        out.append(_Candidate(start, full_end, end, context, text[start:full_end]))
    return out


def _skip_direction(text: str, start: int, cues: Cues) -> int:
    """Where a name begins once a direction word before it is counted in ("in [southern ]Lebanon")."""
    m = re.search(r"([A-Za-z\-]+)\s+$", text[:start])
    return m.start(1) if m and m.group(1).lower() in cues.directions else start


@cache
def _curated_latin_names() -> frozenset[str]:
    """Keys of the supplement's Latin names: "Mohmand Agency" is a district, though it ends in an
    organisation head word."""
    return frozenset(name_key(n) for row in read_supplement()
                     for n in [row["name"], *row["names_alt"].split("|")] if n and n.isascii())


def _org_name(text: str, m: re.Match[str], cues: Cues) -> bool:
    """A run of two or more words ending in an organisation head ("Quds Force", "Congress
    Party"), or one followed by such a head word in lower case ("Hamas forces" stays with
    ``actor_after``): a body's name, none of whose words is a place."""
    words = re.split(r"[ \-]+", m.group(0))
    return len(words) > 1 and words[-1].lower().rstrip(".") in cues.org_heads


# ------------------------------------------------------------------ shared


def _spread_context(text: str, cands: list[_Candidate], cues: Cues) -> None:
    """Names joined in a list share a place context: 'ゴリス、ソトク、ジェルムクなど'."""
    joined: list[list[_Candidate]] = []
    for c in cands:
        if joined:
            prev = joined[-1][-1]
            gap = text[prev.end : c.start].strip()
            if gap in cues.list_joiners or gap.rstrip(",") in cues.list_joiners or gap == "":
                joined[-1].append(c)
                continue
        joined.append([c])
    for group in joined:
        if any(c.context for c in group):
            for c in group:
                c.context = True


def _resolve(
    text: str, cands: list[_Candidate], *, lang: str, geocoder: Geocoder, countries: Sequence[str]
) -> list[PlaceMention]:
    from frontwatch.resolve.place_attach import dateline_end

    cues = load_cues(lang)
    stop = not_places(lang)
    found: list[PlaceMention] = []
    filed = dateline_end(text, lang) if lang == "en" else 0
    for c in cands:
        taken: list[tuple[int, int]] = []  # parts of a ・ list already placed (東アフリカ・ソマリア)
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
            place = _qualified(text, end, name, geocoder) if lang == "en" and whole else None
            ctx = c.context and whole
            # A dateline names a bureau's city, the well-known one (MOSCOW is not Moscow, Idaho).
            home = () if start < filed else countries
            place = place or geocoder.lookup(name, countries=home, lang=lang, place_context=ctx)
            if place is None or (lang == "en" and _demonym(name, place, geocoder)):
                continue
            if place.feature == "country" and not _country_as_place(text, start, end, cues, lang):
                break  # a country named as an actor: neither it nor a part of it is a place
            found.append(PlaceMention(text=name, start=start, end=end, place=place))
            if lang != "ja" or "・" not in text[c.start:c.core_end] or (start, end) in ((c.start, c.end),
                                                                                  (c.start, c.core_end)):
                break
            taken.append((start, end))  # a part of a ・ list: the other parts are names too
    return _agree_with_neighbours(found, geocoder, lang)


# Features whose name several countries share (Punjab, Azad Kashmir, Georgia's Samegrelo):
# the sentence's other places say which country's is meant.
_SHARED_NAME_FEATURES = frozenset({"admin1", "region"})


def _agree_with_neighbours(found: list[PlaceMention], geocoder: Geocoder, lang: str) -> list[PlaceMention]:
    """A division or region read in one country while the sentence's other places lie in
    another is read again in theirs ("北部パンジャブ州アムリトサル": India's Punjab)."""
    out = list(found)
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


_QUALIFIER = re.compile(
    r",\s+((?:[A-Z][a-z]{0,4}\.\s?)+"  # Ga., N.Y.
    r"|[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)*(?:\s(?:region|oblast|province|state))?)"  # Texas, Donetsk region
)


def qualifier_after(text: str, end: int) -> str | None:
    """The division or country written after a name and a comma: "Athens, Ga.", "Paris, Texas"."""
    m = _QUALIFIER.match(text, end)
    return m.group(1).strip() if m else None


def _qualified(text: str, end: int, name: str, geocoder: Geocoder) -> Place | None:
    qualifier = qualifier_after(text, end)
    lookup = getattr(geocoder, "lookup_qualified", None)  # GazetteerGeocoder has it
    if qualifier is None or not callable(lookup):
        return None
    found = lookup(name, qualifier)
    return found if isinstance(found, Place) else None


def _pieces(text: str, c: _Candidate, lang: str) -> list[tuple[int, int]]:
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
            spans.append((pos, pos + len(part)))
            pos += len(part) + 1
    elif lang == "en":
        return _with_direction(text, c, _en_pieces(text, c, spans))
    return spans


def _with_direction(text: str, c: _Candidate, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each piece that begins the run is first tried with a direction word before it:
    "southern Lebanon" (South Lebanon) before "Lebanon"."""
    lead = _skip_direction(text, c.start, load_cues("en"))
    if lead == c.start:
        return spans
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if a == c.start:
            out.append((lead, b))
        out.append((a, b))
    return out


_EN_WORD = re.compile(r"[^ \-]+(?:-[A-Z][^ \-]*)*")


def _en_pieces(text: str, c: _Candidate, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """English: the parts of a run that failed as a whole, longest first. A person's title
    ends the place part of a run ("President Volodymyr Zelenskiy" names no place); a run
    ending in a geographic head word ("Second Thomas Shoal") is one name, tried without the
    head but never word by word."""
    cues = load_cues("en")
    core = text[c.start : c.core_end]
    if any(w.lower() in cues.one_name_links for w in re.split(r"[ \-]", core)[1:-1]):
        return spans  # "Bab al-Tabbaneh", "Deir ez-Zor": one Arabic name, never its parts
    # Words; a capitalised compound is one word (Goma-Coura), "Kharkiv-based" gives Kharkiv.
    words = [(m.start() + c.start, m.end() + c.start) for m in _EN_WORD.finditer(core)]
    lowered = [text[a:b].lower().rstrip(".") for a, b in words]
    cut = next((i for i, w in enumerate(lowered) if w in cues.person_titles), None)
    if cut is not None:
        words = words[:cut]
        spans = [(words[0][0], words[-1][1])] if words else []
    elif len(words) > 1 and lowered[-1] in cues.name_heads:
        return [*spans, (words[0][0], words[-2][1])]
    for size in range(len(words) - 1, 0, -1):
        for i in range(len(words) - size + 1):
            first, last = text[words[i][0]], text[words[i + size - 1][0]]
            if first.isupper() and last.isupper():  # not "of Japan"
                spans.append((words[i][0], words[i + size - 1][1]))
    return spans


def _actor_follows(text: str, start: int, end: int, cues: Cues, lang: str) -> bool:
    """An actor marker after the name (…軍, …首相, "Moscow said"), unless, in English, a
    preposition of place comes before it ("peacekeepers in Naqoura said")."""
    if lang == "ja":  # …側 is an actor, …側の軍事施設 a place (the longer cue wins)
        actor = _starts_with_any(text, end, cues.actor_after)
        return bool(actor) and len(_starts_with_any(text, end, cues.country_after)) <= len(actor)
    m = re.match(r"\s*([\w'’]+)", text[end:])
    if not (m and m.group(1).lower() in cues.actor_after):
        return False
    before = re.search(r"([A-Za-z]+)\s+(?:the\s+)?$", text[:start])
    return not (before and before.group(1).lower() in cues.country_before)


def _demonym(name: str, place: Place, geocoder: Geocoder) -> bool:
    """"Thai", "Somali", "Afghan": one word the actor dictionary reads as a country other than
    the place's, and that names no place in that country (a people's adjective, not Alor
    Setar or Ethiopia's Somali Region; "Athens" is also a Greek city, so it stays a place)."""
    if " " in name or "-" in name or place.feature == "country":
        return False
    from frontwatch.codes import listed_code

    code = listed_code(name)
    if code is None or len(code) != 3 or code == place.country:
        return False
    home = geocoder.lookup(name, countries=(code,))
    return home is None or home.country != code


def _country_as_place(text: str, start: int, end: int, cues: Cues, lang: str) -> bool:
    if lang == "ja":
        return bool(_starts_with_any(text, end, cues.country_after))
    if text.startswith(("'s", "’s"), end):  # Russia's army: an actor
        return False
    before = re.search(r"([A-Za-z]+)\s+(?:the\s+)?$", text[:_skip_direction(text, start, cues)])
    return bool(before and before.group(1).lower() in cues.country_before)
