"""Calendar dates written on a page: 2022年 9月 13日, 2022/09/13, 2022-09-13, September 13, 2022."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from frontwatch.clean.markers import Markers

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))

_JA = r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
_NUM = r"(?P<y>\d{4})[./\-](?P<m>\d{1,2})[./\-](?P<d>\d{1,2})"
_EN_MDY = rf"(?P<mon>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})"
_EN_DMY = rf"(?P<d>\d{{1,2}})\s+(?P<mon>{_MONTH_RE})\.?,?\s+(?P<y>\d{{4}})"
DATE_PATTERNS = tuple(re.compile(p, re.IGNORECASE) for p in (_JA, _NUM, _EN_MDY, _EN_DMY))
# What may follow a date on a line that is only a date: weekday, time, zone.
_TAIL = re.compile(
    r"^\s*([（(]?\s*[月火水木金土日]\s*(曜日?)?\s*[)）]?|(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?)?"
    r"\s*((at\s+|@\s*)?\d{1,2}:\d{2}(:\d{2})?\s*(AM|PM|am|pm)?)?\s*(JST|UTC|GMT|[+-]\d{2}:?\d{2})?\s*$"
)


def _build(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    month = _MONTHS[groups["mon"].lower()] if groups.get("mon") else int(groups["m"])
    try:
        return dt.date(int(groups["y"]), month, int(groups["d"]))
    except ValueError:
        return None


def find_date(text: str) -> dt.date | None:
    """The first calendar date anywhere in ``text``."""
    for pattern in DATE_PATTERNS:
        match = pattern.search(text)
        if match:
            return _build(match)
    return None


def date_only(text: str) -> dt.date | None:
    """A date when ``text`` is nothing but a date (plus weekday and time): a comment's date line."""
    bare = text.strip()
    for pattern in DATE_PATTERNS:
        match = pattern.match(bare)
        if match and _TAIL.match(bare[match.end():]):
            return _build(match)
    return None


# A wire story's dateline: an upper-case place, optional region, then a full date at the
# start of the first paragraph ("ODESA, Ukraine, March 16, 2024 (Wire) -").
_EN_DMY_X = _EN_DMY.replace("?P<", "?P<x")  # the same groups renamed, to sit beside _EN_MDY
_WIRE = re.compile(
    rf"^[A-Z][A-Z.'\- ]{{1,30}}(?:,\s*[A-Z][A-Za-z.'\- ]{{1,30}})?,\s*(?i:{_EN_MDY}|{_EN_DMY_X})",
)


def wire_dateline(text: str) -> dt.date | None:
    """The date of a wire dateline that opens ``text``, or None."""
    match = _WIRE.match(text.strip())
    if match is None:
        return None
    groups = {k.lstrip("x"): v for k, v in match.groupdict().items() if v is not None}
    try:
        return dt.date(int(groups["y"]), _MONTHS[groups["mon"].lower()], int(groups["d"]))
    except (KeyError, ValueError):
        return None


def dateline(text: str, markers: Markers) -> dt.date | None:
    """A date when the line is a publication-date line: "投稿日:2024年5月1日", "Posted May 1, 2024"."""
    bare = markers.undecorate(text)
    return date_only(markers.date_label.sub("", bare, count=1))
