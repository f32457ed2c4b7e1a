"""Decoding bytes in each encoding we read, and refusing what is not text."""

from __future__ import annotations

import codecs
import contextlib

import pytest

from frontwatch.errors import BinaryInput, EmptyInput, EncodingError
from frontwatch.ingest.decode import decode_bytes

TEXT = "北海軍の哨戒艇が海峡で南海の艇と衝突した。両国は互いに相手の挑発を非難している。\n"


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (TEXT.encode("utf-8"), "UTF-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "UTF-8 (BOM)"),
        (TEXT.encode("cp932"), "Shift_JIS"),
        (TEXT.encode("shift_jis"), "Shift_JIS"),
        (TEXT.encode("euc_jp"), "EUC-JP"),
        (TEXT.encode("iso2022_jp"), "ISO-2022-JP"),
        (TEXT.encode("utf-16"), "utf-16"),
    ],
)
def test_decode_encodings(data: bytes, name: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.text == TEXT
    assert decoded.encoding == name


def test_decode_crlf_becomes_lf() -> None:
    assert decode_bytes("一行目\r\n二行目\r\n".encode("cp932")).text == "一行目\n二行目\n"


@pytest.mark.parametrize("data", [b"", b"  \n\t\n"])
def test_decode_empty(data: bytes) -> None:
    with pytest.raises(EmptyInput, match="empty"):
        decode_bytes(data)


def test_decode_binary() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    with pytest.raises(BinaryInput, match="binary"):
        decode_bytes(png)


def test_decode_undetectable() -> None:
    rng = __import__("random").Random(7)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(400))
    with pytest.raises(EncodingError, match="encoding"):
        decode_bytes(data)


def test_decode_random_bytes_never_crash() -> None:
    rng = __import__("random").Random(11)
    for _ in range(30):
        data = bytes(rng.randrange(0, 256) for _ in range(rng.randrange(1, 300)))
        with contextlib.suppress(BinaryInput, EmptyInput, EncodingError):
            decode_bytes(data)
