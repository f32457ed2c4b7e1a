"""Factuality helpers: hedges and forecast horizons in Japanese text.

Which cue words make a record possible, future or denied is data
(``data/lexicon/factuality.ja.toml``); this module applies them to a window of text
and reads forecast horizons (``数週間以内`` -> 21 days).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from frontwatch.coding.lexicon import FactualityCue

# Upper bounds in days for "within a few <unit>": a few = up to 3 (hours -> 1 day),
# weeks -> 3 weeks, months -> 3 months, as the guideline's examples set them.
FEW_DAYS = {"時間": 1, "日": 7, "週間": 21, "週": 21, "ヶ月": 90, "か月": 90, "カ月": 90, "ヵ月": 90,
            "ケ月": 90, "年": 1095}
UNIT_DAYS = {"時間": 1 / 24, "日": 1, "週間": 7, "週": 7, "ヶ月": 30, "か月": 30, "カ月": 30, "ヵ月": 30,
             "ケ月": 30, "年": 365}
_HORIZON = re.compile(
    r"(?:今後)?(数|[0-9０-９]+|一|二|三)(時間|日|週間|週|ヶ月|か月|カ月|ヵ月|ケ月|年)(?:以内|内|のうちに)"
)
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_KANJI = {"一": 1, "二": 2, "三": 3}


@dataclass(frozen=True, slots=True)
class Horizon:
    text: str
    days: int | None


def find_horizon(text: str) -> Horizon | None:
    m = _HORIZON.search(text)
    if m is None:
        return None
    num, unit = m.group(1), m.group(2)
    if num == "数":
        return Horizon(m.group(0), FEW_DAYS[unit])
    n = _KANJI.get(num) or int(num.translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    return Horizon(m.group(0), max(1, round(n * UNIT_DAYS[unit])))


def match_cues(text: str, cues: Sequence[FactualityCue]) -> list[FactualityCue]:
    """The cues found in ``text`` (surface or regex; lemma cues match their surface)."""
    out = []
    for c in cues:
        if c.regex is not None:
            if c.regex.search(text):
                out.append(c)
        elif c.pattern in text:
            out.append(c)
    return out


def hedge(text: str, cues: Sequence[FactualityCue]) -> FactualityCue | None:
    """The strongest hedge in ``text``: generic, denied, then possible, then future."""
    found = match_cues(text, cues)
    for kind in ("generic", "denied", "possible", "future"):
        for c in found:
            if c.factuality == kind:
                return c
    return None


_CASUALTY = re.compile(
    r"([0-9０-９,，]+)\s*(?:人|名)(?:以上)?(?:の[^、。「」]{0,10}?)?(?:が|も)?(?:死亡|死去|殺害|犠牲|死傷|負傷|怪我|けが)"
)


@dataclass(frozen=True, slots=True)
class Casualties:
    dead: int | None
    injured: int | None
    notes: tuple[str, ...] = ()


def find_casualties(text: str) -> Casualties:
    """Deaths and injuries stated in ``text`` (the first count of each kind)."""
    dead = injured = None
    notes: list[str] = []
    for m in _CASUALTY.finditer(text):
        n = int(m.group(1).translate(_FULLWIDTH).replace(",", "").replace("，", ""))
        word = m.group(0)
        if any(w in word for w in ("死亡", "死去", "殺害", "犠牲")) and dead is None:
            dead = n
            notes.append(f"dead: {word} -> {n}")
        elif any(w in word for w in ("負傷", "怪我", "けが")) and injured is None:
            injured = n
            notes.append(f"injured: {word} -> {n}")
    return Casualties(dead, injured, tuple(notes))
