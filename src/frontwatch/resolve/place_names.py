"""Name keys and consonant skeletons: how written names are compared.

``name_key`` makes the variants of one written name equal (script width, case, accents,
separators, long-vowel marks, ヴ); ``skeleton`` makes a Latin name and the romanisation of
its katakana form equal (Stepanakert, sutepanakeruto -> stpnkrt).
"""

from __future__ import annotations

import re
import unicodedata

# Latin alternate names this short are codes or abbreviations (No, RM), not names.
MIN_LATIN_ALTERNATE = 3

_SEPARATORS = " \t\n-‐‑‒–—―・･·'’ʼ`.,()ーｰッｯ"
_ASCII_TABLE = str.maketrans("", "", _SEPARATORS)
# Traditional kanji forms (kyūjitai) as Japanese writes them today (the shinjitai of the 1949
# Tōyō kanji form table): GeoNames and pycountry give Korean, Taiwanese and Chinese names in the
# old forms (黃海南道, 慶尙北道, 忠淸南道, 兩江道, 臺灣), Japanese news in the new (黄海南道, 慶尚北道).
_KYUJITAI = ("黃黄 尙尚 淸清 兩両 廣広 壤壌 國国 臺台 灣湾 關関 區区 縣県 營営 舊旧 鐵鉄 澤沢 "
             "濱浜 邊辺 德徳 惠恵 榮栄 豐豊 靑青 萬万 寶宝 圓円 來来 內内 眞真 當当 對対 將将 "
             "驛駅 發発 變変 戰戦 鄕郷 黑黒 齊斉 濟済 會会 號号 乘乗 單単 團団 圖図 學学 實実 "
             "壽寿 廳庁 總総 亞亜 氣気 歸帰 擧挙 嚴厳 莊荘 藏蔵 屬属 續続 帶帯 瀧滝 傳伝 燈灯 "
             "獨独 佛仏 滿満 與与 樣様 亂乱 綠緑 禮礼 樓楼 錄録 擴拡 鹽塩 檢検 繩縄 櫻桜 齒歯 "
             "醫医 晝昼 聲声 竝並 觀観 顯顕 爐炉 蟲虫 峽峡 嶽岳 龜亀 黨党")
_FOLD_TABLE = {
    **{ord(c): None for c in _SEPARATORS},
    **dict.fromkeys(range(0x300, 0x370)),  # combining accents of Latin and Cyrillic letters
    ord("ı"): "i", ord("ə"): "e", ord("ł"): "l", ord("ø"): "o", ord("đ"): "d", ord("ß"): "ss",
    **{ord(pair[0]): pair[1] for pair in _KYUJITAI.split() if pair[0] != pair[1]},
}
ALL_KANJI = re.compile("[\u4e00-\u9fff\u3005]+")
_VU = {"ヴァ": "バ", "ヴィ": "ビ", "ヴェ": "ベ", "ヴォ": "ボ", "ヴ": "ブ", "ヵ": "カ", "ヶ": "ケ"}
_VU_RE = re.compile("|".join(sorted(map(re.escape, _VU), key=len, reverse=True)))


_ASCII_LETTERS = {
    **dict.fromkeys(range(0x300, 0x370)),  # combining accents (after NFKD)
    ord("ı"): "i", ord("ə"): "e", ord("ł"): "l", ord("Ł"): "L", ord("ø"): "o", ord("Ø"): "O",
    ord("đ"): "d", ord("Đ"): "D", ord("ß"): "ss", ord("æ"): "ae", ord("Æ"): "AE", ord("œ"): "oe",
    ord("ʼ"): "'", ord("ʻ"): "'", ord("’"): "'", ord("‘"): "'", ord("ʿ"): "'", ord("ʾ"): "'",
}


def ascii_name(name: str) -> str:
    """A place's name as GeoNames' ``asciiname`` writes it (Rafaḩ -> Rafah, Al Ḩudaydah -> Al
    Hudaydah, Kraków -> Krakow): the form English news prints and people type; the name
    itself when a letter has no plain Latin form."""
    if name.isascii():
        return name
    folded = unicodedata.normalize("NFKD", name).translate(_ASCII_LETTERS)
    return folded if folded.isascii() else name


_WANTED_SCRIPT = re.compile(
    "[\u0000-\u024f\u1e00-\u1eff\u3040-\u30ff\u4e00-\u9fff\u3400-\u4dbf\uff00-\uffef]*"
)


def is_wanted_script(text: str) -> bool:
    """Latin or Japanese: the scripts of the articles we read (Cyrillic, Arabic, ... are skipped)."""
    return _WANTED_SCRIPT.fullmatch(text) is not None


def is_code(name: str) -> bool:
    """A GeoNames alternate that is an airport or postal code or a bare abbreviation
    (UTC, JAN, RM, No): as a name in running text it is almost always something else."""
    return name.isascii() and (len(name) <= MIN_LATIN_ALTERNATE or (name.isupper() and len(name) <= 5))


def name_key(text: str) -> str:
    """The lookup key of a name: NFKC, case-folded, Latin accents dropped, separators, ー and ッ
    removed (transcriptions differ in the long vowel and the doubled consonant: バヨッツ / バヨツ).

    ``ナゴルノ・カラバフ`` and ``ナゴルノカラバフ``, ``Nagorno-Karabakh`` and ``nagorno karabakh``,
    ``セヴァストポリ`` and ``セバストポリ``, ``Ağdam`` and ``Agdam`` share a key.
    """
    if text.isascii():
        return text.lower().translate(_ASCII_TABLE)
    s = unicodedata.normalize("NFKC", text).casefold()
    if "ヴ" in s or "ヵ" in s or "ヶ" in s:
        s = _VU_RE.sub(lambda m: _VU[m.group(0)], s)
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", s).translate(_FOLD_TABLE))


_SKEL_MAP = {
    "dzh": "j", "tch": "c", "kh": "h", "zh": "j", "dj": "j", "dz": "z", "sh": "s", "ch": "c",
    "ts": "c", "tz": "c", "ph": "f", "th": "t", "ck": "k", "gh": "g", "q": "k", "x": "ks",
    "v": "b", "w": "b", "l": "r", "c": "k",
}
_SKEL_RE = re.compile("|".join(sorted(_SKEL_MAP, key=len, reverse=True)))
_SKEL_DROP = str.maketrans("", "", "aeiouyh")
_DOUBLE = re.compile(r"(.)\1+")
_NON_LATIN = re.compile(r"[^a-z]+")


def _skel_sub(m: re.Match[str]) -> str:
    return _SKEL_MAP[m.group(0)]


def skeleton(latin: str) -> str:
    """A consonant skeleton shared by a Latin name and the romanisation of its katakana form.

    Japanese adds vowels after consonants (Jermuk -> jerumuku) and has no l/v: drop vowels,
    y and h, merge l/r, v/b/w, the sh/ch/zh/ts families and doubled letters.
    ``Stepanakert`` and ``sutepanakeruto`` both give ``stpnkrt``.
    """
    return skeleton_of_key(name_key(latin))


def skeleton_of_key(key: str) -> str:
    """``skeleton`` of a name already made a ``name_key``."""
    s = _NON_LATIN.sub("", key)
    s = _SKEL_RE.sub(_skel_sub, s).translate(_SKEL_DROP)
    s = _DOUBLE.sub(r"\1", s)
    # Japanese renders n and m before b/p alike (ン).
    return s.replace("mb", "nb").replace("mp", "np")


# ---------------------------------------------------------------- many names at once
#
# Building the index makes keys and skeletons of 1.1 million GeoNames names. These give, for a
# list of names, exactly what the one-name forms give each of them, but run the ASCII
# normalisations once over the names joined into one string (in C) instead of once a name.
# A name holding the joining character falls back to the one-name form.

_KEY_JOIN = "\x00"  # lower() and the separator table neither make nor remove it
_LINE = "\n"
_NON_LATIN_LINES = re.compile("[^a-z\n]+")


def _joined(texts: list[str], sep: str) -> str | None:
    joined = sep.join(texts)
    return joined if texts and joined.count(sep) == len(texts) - 1 else None


def name_keys(texts: list[str]) -> list[str]:
    """``[name_key(t) for t in texts]``: the ASCII names (eight in ten) in one pass."""
    s = _joined(texts, _KEY_JOIN)
    if s is None:
        return [name_key(t) for t in texts]
    ascii_keys = s.lower().translate(_ASCII_TABLE).split(_KEY_JOIN)
    return [k if t.isascii() else name_key(t) for t, k in zip(texts, ascii_keys, strict=True)]


def skeletons_of_keys(keys: list[str]) -> list[str]:
    """``[skeleton_of_key(k) for k in keys]``, made in one pass over the joined keys."""
    s = _joined(keys, _LINE)
    if s is None:
        return [skeleton_of_key(k) for k in keys]
    s = _NON_LATIN_LINES.sub("", s)
    s = _SKEL_RE.sub(_skel_sub, s).translate(_SKEL_DROP)
    s = _DOUBLE.sub(r"\1", s)  # "." stops at a newline: no doubling across two keys
    return s.replace("mb", "nb").replace("mp", "np").split(_LINE)
