"""Cutting a section that is too long for a parser into pieces the parser accepts.

SudachiPy refuses an input over 49,149 bytes of UTF-8 and spaCy one over ``nlp.max_length``
characters; a news paragraph that long (a pasted transcript, a page without line breaks) is
cut, not refused. The cascade for each piece, first that fits wins:

1. the text up to the last sentence end (``。．！？!?`` or ``. `` and the like) within the budget;
2. the text up to the last line break within the budget;
3. the text up to the last character that keeps the piece within the budget (a safe byte
   length: never inside a UTF-8 sequence, never inside a surrogate pair).

Each piece keeps its offset in the section, so parsed tokens keep their document offsets.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from frontwatch.records import Section

# SudachiPy's hard limit is 49,149 bytes; the pieces stay well under it so that the
# normalisation GiNZA applies before SudachiPy sees the text cannot push one over.
SUDACHI_MAX_BYTES = 40_000
# Where a piece may end: after a sentence-final mark (Japanese or Western) and its closing quote.
_SENTENCE_END = re.compile(r"[。．！？!?]+[」』）)\"']*|[.;:][\"')\]]*(?=\s)")


def utf8_len(text: str) -> int:
    return len(text.encode("utf-8", errors="surrogatepass"))


def _fit(text: str, start: int, budget: int, measure: Callable[[str], int]) -> int:
    """The largest ``end`` with ``measure(text[start:end]) <= budget`` (at least one character)."""
    lo, hi = start + 1, len(text)
    if measure(text[start:hi]) <= budget:
        return hi
    while lo < hi:  # binary search on the end: measure is monotonic in the length
        mid = (lo + hi + 1) // 2
        if measure(text[start:mid]) <= budget:
            lo = mid
        else:
            hi = mid - 1
    if lo < len(text) and "\udc00" <= text[lo] <= "\udfff" and lo - 1 > start:
        lo -= 1  # do not part a surrogate pair
    return lo


def _cut(text: str, start: int, limit: int) -> int:
    """Where the piece from ``start`` (ending at most at ``limit``) should end."""
    if limit >= len(text):
        return len(text)
    window = text[start:limit]
    last = None
    for m in _SENTENCE_END.finditer(window):  # 1. a sentence end
        last = m.end()
    if last is not None and last > 0:
        return start + last
    newline = window.rfind("\n")  # 2. a line break
    if newline > 0:
        return start + newline + 1
    return limit  # 3. a safe length


def split_text(text: str, budget: int, measure: Callable[[str], int] = len) -> list[tuple[int, str]]:
    """``text`` as (offset, piece) pairs, each piece within ``budget`` by ``measure``."""
    if measure(text) <= budget:
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = _cut(text, start, _fit(text, start, budget, measure))
        pieces.append((start, text[start:end]))
        start = end
    return pieces


def split_section(sec: Section, budget: int, measure: Callable[[str], int] = len) -> list[Section]:
    """The section itself when it fits; otherwise its pieces as sections with document offsets."""
    parts = split_text(sec.text, budget, measure)
    if len(parts) == 1:
        return [sec]
    return [replace(sec, text=piece, start=sec.start + off, end=sec.start + off + len(piece))
            for off, piece in parts]
