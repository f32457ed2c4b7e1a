"""Names joined in a list with the generic word written once for all: "the Donetsk and Luhansk
regions", ドネツクとルハンスク両州, "Kherson, Zaporizhzhia and Donetsk oblasts".

``split_names`` splits such a name into its places, each with the generic word (the batch
geocoder's ``parts``); ``shared_generic`` finds, in a sentence, the generic word a list of
names ends in, so that ``find_places`` reads each name of it as that division (ドネツク in
ドネツクとルハンスク両州 is Donetsk Oblast, not the city).
"""

from __future__ import annotations

import re

from frontwatch.resolve.place_cues import Cues, load_cues
from frontwatch.resolve.place_english import Candidate

# 両州, 両県, 両地域: "both provinces" after two names; 両国 joins countries (no generic word).
_JA_BOTH = re.compile(r"両(地域|地方|地区|州|県|省|郡|区|市|国)")


def split_names(name: str, lang: str) -> tuple[str, ...]:
    """The place names a coordinated name joins, each with the generic word written once for
    all ("Donetsk and Luhansk regions" -> Donetsk region, Luhansk region; ドネツクとルハンスク
    両州 -> ドネツク州, ルハンスク州); ``(name,)`` when it joins nothing. The joiners are the
    ``list_joiners`` of ``cues.toml`` (less ・, which is inside names: ナゴルノ・カラバフ)."""
    cues = load_cues(lang)
    if lang == "ja":
        generic = ""
        if len(name) > 2 and name[-2] == "両":
            generic, name = ("" if name[-1] == "国" else name[-1]), name[:-2]
        for word in ("両地域", "両地方", "両地区"):
            if name.endswith(word) and len(name) > len(word):
                generic, name = word[1:], name[: -len(word)]
        joiners = [j for j in cues.list_joiners if j != "・"]
        # と before の is "with", no list: パキスタンとの国境地帯 is one place (the border)
        parts = re.split("|".join(re.escape(j) + ("(?!の)" if j == "と" else "") for j in joiners), name)
        return tuple(p.strip() + generic for p in parts if p.strip())
    words = name.split()
    division = _singular(words[-1], cues.divisions) if len(words) > 2 else None
    if division is not None:
        name = " ".join(words[:-1])
    alts = "|".join(re.escape(j) for j in cues.list_joiners if j != ",")
    parts = re.split(rf"\s*,\s*(?:(?:{alts})\s+)?|\s+(?:{alts})\s+", name)
    return tuple(f"{p} {division}" if division else p for p in (q.strip() for q in parts) if p)


def _singular(word: str, divisions: tuple[str, ...]) -> str | None:
    """The division word ``word`` is the plural of (regions -> region, counties -> county)."""
    low = word.lower()
    for d in divisions:
        if low in (d + "s", d[:-1] + "ies" if d.endswith("y") else d + "s"):
            return d
    return None


def shared_generic(text: str, end: int, lang: str) -> str | None:
    """The generic word a list of names ending at ``end`` of ``text`` shares (州 for
    …ルハンスク両州, "region" for "... Luhansk regions"), or None."""
    if lang == "ja":
        m = _JA_BOTH.match(text, end)
        return m.group(1) if m and m.group(1) != "国" else None
    m = re.match(r"\s+([a-z]+)\b", text[end:])
    return _singular(m.group(1), load_cues("en").divisions) if m else None


def list_groups(text: str, cands: list[Candidate], cues: Cues, *, dot: bool = True) -> list[list[Candidate]]:
    """Runs of candidates joined by list joiners (、, "and"); with ``dot=False`` ・ joins none."""
    joiners = [j for j in cues.list_joiners if dot or j != "・"]
    joined: list[list[Candidate]] = []
    for c in cands:
        if joined:
            prev = joined[-1][-1]
            gap = text[prev.end : c.start].strip()
            if gap in joiners or gap.rstrip(",") in joiners or gap == "":
                joined[-1].append(c)
                continue
        joined.append([c])
    return joined


def share_generic(text: str, cands: list[Candidate], lang: str) -> None:
    """Names listed before a generic word written once for all (ドネツクとルハンスク両州, "the
    Donetsk and Luhansk regions") are each read as that division (``place_lists``)."""
    for group in list_groups(text, cands, load_cues(lang), dot=False):
        last = group[-1]
        generic = shared_generic(text, last.end, lang) if len(group) > 1 else None
        if generic:
            for c in group:
                if c.end == c.core_end:
                    c.shared, c.context = generic, True
    if lang == "en":
        for c in cands:
            if not c.shared and c.end == c.core_end and _REGION_OF.search(text, 0, c.start):
                c.shared, c.context = "region", True


# "the Anglophone region of Northwest", "the regions of the Northwest and Southwest": the name
# after it is read as the region first (Northwest alone is no entry; Northwest Region is).
_REGION_OF = re.compile(r"\bregions? of (?:the )?$")
