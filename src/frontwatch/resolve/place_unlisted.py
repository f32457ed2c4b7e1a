"""A settlement the text plainly names but the gazetteer does not hold: a place without coordinates.

GeoNames' ``cities500`` (the towns the gazetteer reads) leaves out villages of under 500
people and the many it lists with no population at all: Kangarwa (Borno), Machava (Cabo
Delgado), Kin Ma (Magway), Goma-Coura (Ségou) are places news reports fighting in. When the
sentence itself says the name is a village, town or district, the event still has a place:

1. Japanese: a katakana name ending in a settlement or district word (``unlisted_after`` of
   ``cues.toml``: キンマ村, カニ郡区); its ``name`` is the Hepburn romanisation (Kinma).
2. English: a capitalised name after "the village of", "the town of", ... (``unlisted_before``)
   or before "village", "town", "district", ... (``unlisted_after``); its ``name`` is the name
   as written, without the generic word.

The place has ``text`` and ``name`` only: no country, coordinates, id or feature, which a
reader (and the map) takes as "named, not located". Words that are never places
(``not_places.tsv``) and names an actor word follows are not taken.
"""

from __future__ import annotations

import re

from frontwatch.records import Place, PlaceMention
from frontwatch.resolve.place_cues import Cues, not_places
from frontwatch.resolve.place_english import Candidate
from frontwatch.resolve.place_kana import kana_hepburn
from frontwatch.resolve.place_names import name_key

# A shorter name is more often an initial or a fragment than a village (ミ村, "Al town").
MIN_NAME_CHARS = 3
_KATAKANA_NAME = re.compile(r"[\u30a1-\u30fa\u30fc・]+")


def unlisted(text: str, c: Candidate, lang: str, cues: Cues) -> PlaceMention | None:
    """The candidate ``c`` as a place without coordinates, when its sentence calls it a
    settlement or district (steps 1-2 of the module docstring); else None."""
    core = text[c.start : c.core_end]
    if len(core.replace("・", "")) < MIN_NAME_CHARS or name_key(core) in not_places(lang):
        return None
    if lang == "ja":
        suffix = text[c.core_end : c.end]
        if suffix not in cues.unlisted_after or not _KATAKANA_NAME.fullmatch(core):
            return None
        name = " ".join(w.capitalize() for w in kana_hepburn(core).split("・"))
        return _mention(text, c.start, c.end, name)
    after = re.match(r"\s+([a-z]+)\b", text[c.core_end :])
    if after and after.group(1) in cues.unlisted_after:
        return _mention(text, c.start, c.core_end + after.end(), core)
    head = text[max(0, c.start - 40) : c.start].lower()
    if any(re.search(rf"\b{re.escape(w)}\s+(?:the\s+)?$", head) for w in cues.unlisted_before):
        # the name ends where a lower-case word joins the run ("Kangarwa on Sunday")
        linked = re.search(r"\s[a-z]", core)
        end = c.start + linked.start() if linked else c.core_end
        return _mention(text, c.start, end, text[c.start:end])
    return None


def _mention(text: str, start: int, end: int, name: str) -> PlaceMention:
    written = text[start:end]
    return PlaceMention(text=written, start=start, end=end, place=Place(text=written, name=name))
