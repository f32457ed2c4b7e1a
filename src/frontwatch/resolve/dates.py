"""Japanese date expressions resolved against the document's publication date.

Cascade for one expression (first that applies):

1. ``YYYY年M月D日`` -> that day; ``YYYY年M月`` -> month; ``YYYY年`` -> year.
2. ``M月D日`` -> that day in the publication year (the previous year when it would
   fall after the publication date).
3. ``今月D日`` / ``先月D日`` -> that day of this / the previous month.
4. ``D日`` alone -> that day of the publication month, or of the previous month when
   D is more than a day after the publication day (news reports the past).
5. Relative words: 昨夜/昨晩/昨日 (-1 day), 一昨日 (-2), 今日/本日/今朝/今夜 (0),
   昨年/去年 (year -1), 今年 (year), 先月 (month -1), 今月 (month).

Periods (``過去1ヶ月間``, ``3日間``, ``数日以内``) are not dates, nor are the end of a span
(``9日未明まで``), a deadline after the publication day (``9月15日までに``), a part of a
month (``先月下旬``, ``今月上旬``) or a bare year naming a thing (``2021年の合意``): they stay
in the text, unresolved. Without a publication date only fully written dates (1.) resolve;
everything else is null.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from frontwatch.records import DatePrecision

# A day one after the publication day is still this month: the page was dated before the
# event's own time zone caught up (or a late edit), not a month earlier.
DAY_SLACK = 1
_FW = str.maketrans("０１２３４５６７８９", "0123456789")

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ymd", re.compile(r"(\d{4})年\s*(\d{1,2})月\s*(\d{1,2})日(?![間目以])")),
    ("ym", re.compile(r"(\d{4})年\s*(\d{1,2})月(?![間以])")),
    ("md", re.compile(r"(?<![\d年])(\d{1,2})月\s*(\d{1,2})日(?![間目以])")),
    ("this_month_d", re.compile(r"今月\s*(\d{1,2})日(?![間目以])")),
    ("last_month_d", re.compile(r"先月\s*(\d{1,2})日(?![間目以])")),
    ("d", re.compile(r"(?<![\d月年数])(\d{1,2})日(?![間目以前後本])")),
    ("y", re.compile(r"(?<!\d)(\d{4})年(?![間代以])")),
    ("rel", re.compile(r"一昨日|昨夜|昨晩|昨日|今日|本日|今朝|今夜|昨年|去年|今年|先月|今月")),
)
# What follows a date expression and makes it no date of an event (see the docstring).
_TIME_OF_DAY = r"(?:夜|朝|未明|早朝|明け方|夕方|昼|午前|午後|深夜|頃|ごろ|\d{1,2}時(?:\d{1,2}分)?)*\s*"
_PART_OF_MONTH = re.compile(r"上旬|中旬|下旬|初旬|末|初め|半ば")
_NOT_A_DATE = re.compile(rf"^(?:{_TIME_OF_DAY}まで(?!に)|{_PART_OF_MONTH.pattern})")
_DEADLINE = re.compile(rf"^{_TIME_OF_DAY}までに")
_YEAR_OF_A_THING = re.compile(r"^の")
_REL: dict[str, tuple[int, DatePrecision]] = {
    "一昨日": (-2, "day"), "昨夜": (-1, "day"), "昨晩": (-1, "day"), "昨日": (-1, "day"),
    "今日": (0, "day"), "本日": (0, "day"), "今朝": (0, "day"), "今夜": (0, "day"),
}


@dataclass(frozen=True, slots=True)
class DateMention:
    text: str
    start: int
    end: int
    date: str | None  # ISO; day/month parts 01 below the precision
    precision: DatePrecision | None


def _prev_month(d: dt.date) -> tuple[int, int]:
    return (d.year - 1, 12) if d.month == 1 else (d.year, d.month - 1)


def _day(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _resolve(kind: str, m: re.Match[str], pub: dt.date | None) -> tuple[dt.date | None, DatePrecision | None]:
    g = [int(x) for x in m.groups() if x is not None and x.isdigit()]
    if kind == "ymd":
        return _day(g[0], g[1], g[2]), "day"
    if kind == "ym":
        return _day(g[0], g[1], 1), "month"
    if kind == "y":
        return _day(g[0], 1, 1), "year"
    if pub is None:
        return None, None
    if kind == "md":
        d = _day(pub.year, g[0], g[1])
        if d is not None and d > pub + dt.timedelta(days=1):
            d = _day(pub.year - 1, g[0], g[1])
        return d, "day"
    if kind == "this_month_d":
        return _day(pub.year, pub.month, g[0]), "day"
    if kind == "last_month_d":
        y, mo = _prev_month(pub)
        return _day(y, mo, g[0]), "day"
    if kind == "d":
        if g[0] > pub.day + DAY_SLACK:
            y, mo = _prev_month(pub)
            return _day(y, mo, g[0]), "day"
        return _day(pub.year, pub.month, g[0]), "day"
    word = m.group(0)
    if word in _REL:
        off, prec = _REL[word]
        return pub + dt.timedelta(days=off), prec
    if word in ("昨年", "去年"):
        return dt.date(pub.year - 1, 1, 1), "year"
    if word == "今年":
        return dt.date(pub.year, 1, 1), "year"
    if word == "先月":
        y, mo = _prev_month(pub)
        return dt.date(y, mo, 1), "month"
    return dt.date(pub.year, pub.month, 1), "month"  # 今月


def _ahead(kind: str, m: re.Match[str], pub: dt.date | None) -> bool:
    """Is a month-day date later in the publication year than the publication day?"""
    if pub is None or kind != "md":
        return False
    day = _day(pub.year, int(m.group(1)), int(m.group(2)))
    return day is not None and day > pub


def vague_time(text: str, mention: DateMention) -> bool:
    """先月下旬: the text names a time, but only a part of a month, which is no date."""
    return mention.date is None and _PART_OF_MONTH.match(text, mention.end) is not None


def find_dates(text: str, published: dt.date | None) -> list[DateMention]:
    """Date expressions in ``text`` (offsets relative to it), resolved, in text order."""
    norm = text.translate(_FW)
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(norm):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            day, prec = _resolve(kind, m, published)
            tail = norm[m.end():m.end() + 12]
            if _NOT_A_DATE.match(tail) or (kind == "y" and _YEAR_OF_A_THING.match(tail)):
                day = None
            elif _DEADLINE.match(tail) and _ahead(kind, m, published):
                day = None  # 9月15日までに撤退させる: a deadline still to come, not when it happened
            out.append(DateMention(text[m.start():m.end()], m.start(), m.end(),
                                   day.isoformat() if day else None, prec if day else None))
    out.sort(key=lambda d: d.start)
    return out
