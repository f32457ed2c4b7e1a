"""Bytes -> text, with the encoding named.

The cascade, first match wins:

1. Nothing but whitespace: :class:`EmptyInput`.
2. A byte-order mark (UTF-8, UTF-16, UTF-32): that encoding.
3. UTF-16 without a byte-order mark: NUL bytes only at odd offsets (little-endian) or only at
   even ones (big-endian), and the decoded text is text (``_utf16_text``).
4. Many control characters, NUL included: :class:`BinaryInput` (an image, an archive, a PDF).
   A few stray ones (a single NUL in a long text) are text, and NULs are dropped from it.
5. ISO-2022-JP: 7-bit bytes with its escape sequences (ESC $ B, ESC $ @, ESC ( J); checked
   before UTF-8, which would accept those bytes as ASCII with stray escapes.
6. Strict UTF-8.
7. charset-normalizer restricted to the Japanese legacy encodings (Shift_JIS/CP932, EUC-JP):
   short Japanese pages are where an unrestricted guess most often picks a wrong Western code page.
8. charset-normalizer over every encoding it knows.
9. Nothing fits: :class:`EncodingError`.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes

from frontwatch.errors import BinaryInput, EmptyInput, EncodingError

# A text file may carry a few stray control bytes (form feeds, old terminal escapes);
# more than one byte in twenty is what images, archives and executables look like.
MAX_CONTROL_RATIO = 0.05
# charset-normalizer's "chaos" score: 0 is clean text. Above this the decoded text is
# mostly mojibake, which is worse than refusing the file with a clear message.
MAX_CHAOS = 0.2
JAPANESE_ENCODINGS = ["cp932", "euc_jp"]
ISO2022_ESCAPES = (b"\x1b$B", b"\x1b$@", b"\x1b(J", b"\x1b(B", b"\x1b$(D")
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Unicode categories that text seldom holds: controls, unassigned, private use, surrogates.
_NOT_TEXT = frozenset({"Cc", "Cn", "Co", "Cs"})
_ALLOWED_CONTROLS = frozenset(b"\t\n\r\x0c\x1b")
_ENCODING_NAMES = {"cp932": "Shift_JIS", "shift_jis": "Shift_JIS", "euc_jp": "EUC-JP",
                   "euc_jis_2004": "EUC-JP", "iso2022_jp": "ISO-2022-JP", "utf_8": "UTF-8",
                   "utf-8": "UTF-8", "utf-8-sig": "UTF-8 (BOM)", "utf-16-le": "UTF-16LE (no BOM)",
                   "utf-16-be": "UTF-16BE (no BOM)"}


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # a readable name: "UTF-8", "UTF-8 (BOM)", "Shift_JIS", "EUC-JP", ...


def decode_bytes(data: bytes) -> Decoded:
    """Decode ``data``; raise an :class:`InputError` subclass saying why it cannot be read."""
    if not data.strip():
        raise EmptyInput("the file is empty; nothing to ingest")
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _finish(data.decode(codec, errors="replace"), codec)
    utf16 = _utf16_text(data)
    if utf16 is not None:
        return _finish(*utf16)
    if _looks_binary(data):
        raise BinaryInput("the file is binary (not text in any encoding); give a .txt, .html or .jsonl file")
    if max(data) < 0x80 and any(esc in data for esc in ISO2022_ESCAPES):
        try:
            return _finish(data.decode("iso2022_jp"), "iso2022_jp")
        except UnicodeDecodeError:
            pass
    try:
        return _finish(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    for isolation in (JAPANESE_ENCODINGS, None):
        best = from_bytes(data, cp_isolation=isolation).best()
        if best is not None and best.chaos <= MAX_CHAOS:
            return _finish(str(best), best.encoding)
    raise EncodingError(
        "cannot detect the text encoding; save the file as UTF-8 "
        "(Shift_JIS, EUC-JP and ISO-2022-JP also work)"
    )


def _utf16_text(data: bytes) -> tuple[str, str] | None:
    """(text, codec) when ``data`` reads as UTF-16 without a BOM, else None."""
    if len(data) % 2 or b"\x00" not in data:
        return None
    sample = data[:65536]
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    if odd and not even:
        codec = "utf-16-le"
    elif even and not odd:
        codec = "utf-16-be"
    else:
        return None
    if max(odd, even) <= MAX_CONTROL_RATIO * len(sample) / 2 and _is_utf8(data):
        return None  # valid UTF-8 with a stray NUL or two: UTF-8 text, not UTF-16
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    head = text[:32768]
    odd_chars = sum(1 for ch in head if unicodedata.category(ch) in _NOT_TEXT and ch not in "\t\n\r\x0c")
    if odd_chars > MAX_CONTROL_RATIO * len(head):
        return None
    return text, codec


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    controls = sum(1 for b in sample if b < 0x20 and b not in _ALLOWED_CONTROLS)
    return controls > MAX_CONTROL_RATIO * len(sample)


def _finish(text: str, codec: str) -> Decoded:
    if not text.strip():
        raise EmptyInput("the file holds only whitespace; nothing to ingest")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return Decoded(text=text, encoding=_ENCODING_NAMES.get(codec, codec))
