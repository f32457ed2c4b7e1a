"""Casualty counts and forecast horizons in English sentences.

Counts: "killing at least 156 people", "three civilians were killed", "at least five were
killed", "the death toll from the fighting has risen to 200", "leaving 12 dead", "wounded
two others"; "no casualties" / "no one was killed" is a death count of zero. Numbers are
digits (with thousands commas) or the number words of ``syntax.en.toml``. Horizons: the
patterns of ``horizon.en.toml``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from frontwatch.coding.en.rules import EnglishRules

_NUM = r"(?P<n>\d[\d,]*|[a-z]+)"
_QUAL = r"(?:(?:at least|more than|over|some|about|nearly|almost|around|up to|as many as)\s+)?"
_WHO = r"(?:[a-z-]+\s+){0,3}?(?:people|persons|civilians|soldiers|troops|servicemen|" \
       r"police(?:men)?|officers|" \
       r"fighters|militants|rebels|children|women|men|others|residents|members|workers|guards|" \
       r"youths|villagers|refugees|protesters|demonstrators|passengers|staff|personnel|pilots|crew)"
DEAD = (
    re.compile(rf"\b(?:kill|killed|killing|kills)\s+{_QUAL}{_NUM}\b", re.IGNORECASE),
    re.compile(rf"\b{_QUAL}{_NUM}\s+{_WHO}\s+(?:were|have been|had been|was|are)?\s*(?:reported\s+)?"
               rf"(?:killed|dead|died)\b", re.IGNORECASE),
    re.compile(rf"\bdeath toll(?:\s+[\w-]+){{0,8}}?\s+(?:has\s+|had\s+|now\s+)?"
               rf"(?:rose|risen|rises|climbed|climbs|jumped|reached|reaches|stood at|stands at|"
               rf"is|was)\s+(?:to\s+)?{_QUAL}{_NUM}\b",
               re.IGNORECASE),
    re.compile(rf"\bdeath toll of\s+{_QUAL}{_NUM}\b",
               re.IGNORECASE),
    re.compile(rf"\b{_QUAL}{_NUM}\s+(?:were|have been|had been|are)\s+(?:reported\s+|confirmed\s+)?"
               rf"(?:killed|dead)\b", re.IGNORECASE),
    re.compile(rf"\b(?:left|leaving|leaves)\s+{_QUAL}{_NUM}\s+(?:{_WHO}\s+)?dead\b", re.IGNORECASE),
    re.compile(rf"\bdeaths? of\s+{_QUAL}{_NUM}\s+{_WHO}", re.IGNORECASE),
    re.compile(rf"\b{_QUAL}(?!(?:19|20)\d\d\b){_NUM}\s+(?:dead|killed)\b", re.IGNORECASE),
)
# "no casualties", "no damage or casualties", "no one was killed": a count of zero.
NO_DEAD = re.compile(r"\b(?:no\s+(?:\w+\s+or\s+)?(?:casualties|deaths|fatalities)|"
                     r"(?:no one|nobody)\s+(?:was\s+)?(?:killed|hurt))\b|"
                     r"\bwithout (?:any )?casualties\b", re.IGNORECASE)
INJURED = (
    re.compile(rf"\b(?:wound|wounded|wounding|injure|injured|injuring)\s+{_QUAL}{_NUM}\b", re.IGNORECASE),
    re.compile(rf"\b{_QUAL}{_NUM}\s+{_WHO}\s+(?:were|have been|had been|was|are)?\s*(?:wounded|injured)\b",
               re.IGNORECASE),
)


@dataclass(frozen=True, slots=True)
class HorizonHit:
    text: str
    days: int | None


def _number(word: str, rules: EnglishRules) -> int | None:
    w = word.replace(",", "")
    if w.isdigit():
        return int(w)
    return rules.syntax.numbers.get(w.casefold())


def count(text: str, patterns: tuple[re.Pattern[str], ...], rules: EnglishRules) -> int | None:
    for rx in patterns:
        for m in rx.finditer(text):
            n = _number(m["n"], rules)
            if n is not None and m["n"].casefold() not in ("a", "an"):
                return n
    return None


def dead(text: str, rules: EnglishRules) -> int | None:
    n = count(text, DEAD, rules)
    if n is None and NO_DEAD.search(text):
        return 0
    return n


def injured(text: str, rules: EnglishRules) -> int | None:
    return count(text, INJURED, rules)


def horizon(text: str, rules: EnglishRules) -> HorizonHit | None:
    """The forecast horizon a sentence states ("within weeks" -> 21 days), if any."""
    for h in rules.horizons:
        m = h.pattern.search(text)
        if not m:
            continue
        unit = m["unit"].casefold().rstrip("s")
        default, per = rules.units.get(unit, (None, 0.0))
        n = _number(m["n"], rules) if "n" in m.groupdict() and m["n"] else None
        days = max(1, math.ceil(n * per)) if n is not None else default
        return HorizonHit(m.group(0), days)
    return None
