"""Language of a line from the scripts its letters are written in.

Good enough to route a paragraph to the right coder and to mark lines in other
languages (an Armenian or Russian quote in a Japanese article); not a statistical model.

1. Count letters per script; digits, punctuation and symbols do not vote.
2. Kana and Han (weighed ``CJK_WEIGHT``) count together as Japanese when the line has any kana, or when the
   caller says the page is Japanese (a kanji-only label such as a category); Han
   without kana elsewhere is Chinese.
3. The script with most letters wins; Latin is reported as English and Cyrillic as
   Russian (Ukrainian when it has і ї є ґ), since those are the languages the feeds carry.
4. Fewer than ``MIN_LETTERS`` letters: undecided (None).
"""

from __future__ import annotations

import unicodedata
from collections import Counter

MIN_LETTERS = 2  # one letter ("A", "n") says nothing about a language
# A Japanese word is two or three characters, a word in an alphabet five or six letters:
# weighing kana and kanji double compares words, so a Japanese sentence that names a few
# Latin-script products or places stays Japanese.
CJK_WEIGHT = 2
UKRAINIAN_LETTERS = frozenset("іїєґІЇЄҐ")
_SCRIPT_LANG = {
    "LATIN": "en", "CYRILLIC": "ru", "ARMENIAN": "hy", "GEORGIAN": "ka", "GREEK": "el",
    "HANGUL": "ko", "ARABIC": "ar", "HEBREW": "he", "THAI": "th", "DEVANAGARI": "hi",
}


def script_of(ch: str) -> str | None:
    code = ord(ch)
    if 0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF or 0xFF66 <= code <= 0xFF9F:
        return "KANA"
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF or ch == "々":
        return "HAN"
    if not ch.isalpha():
        return None
    name = unicodedata.name(ch, "")
    if name.startswith("FULLWIDTH LATIN"):
        return "LATIN"
    return name.split(" ", 1)[0] if name else None


def detect_language(text: str, *, page_language: str | None = None) -> str | None:
    counts: Counter[str] = Counter(s for s in map(script_of, text) if s)
    if sum(counts.values()) < MIN_LETTERS:
        return page_language if counts else None
    kana, han = counts.pop("KANA", 0), counts.pop("HAN", 0)
    if kana or (han and page_language == "ja"):
        counts["JAPANESE"] = CJK_WEIGHT * (kana + han)
    elif han:
        counts["HAN"] = CJK_WEIGHT * han
    script, _ = counts.most_common(1)[0]
    if script == "JAPANESE":
        return "ja"
    if script == "HAN":
        return "zh"
    if script == "CYRILLIC" and any(ch in UKRAINIAN_LETTERS for ch in text):
        return "uk"
    return _SCRIPT_LANG.get(script)


def main_language(texts: list[str]) -> str | None:
    """The language with most words over ``texts`` (the body of a page); see ``CJK_WEIGHT``."""
    weight: Counter[str] = Counter()
    for text in texts:
        lang = detect_language(text)
        if lang:
            weight[lang] += len(text) * (CJK_WEIGHT if lang in ("ja", "zh") else 1)
    return weight.most_common(1)[0][0] if weight else None
