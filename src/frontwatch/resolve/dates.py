"""Japanese date expressions resolved against the document's publication date.

Cascade for one expression (first that applies):

1. ``YYYY年M月D日`` -> that day (和暦 too: ``令和7年11月24日``); ``YYYY年M月`` -> month; ``YYYY年`` -> year.
2. ``M月D日`` -> that day in the publication year (the previous year when it would
   fall after the publication date).
3. ``今月D日`` / ``先月D日`` / ``来月D日`` -> that day of this / the previous / the next month;
   ``来週D日`` / ``今週のD日`` -> the next day numbered D (a plan told ahead).
4. ``D日`` alone -> that day of the publication month, or of the previous month when
   D is more than a day after the publication day (news reports the past).
5. A part of a month: ``今月上旬`` / ``先月下旬`` / ``10月中旬`` -> that month (precision month);
   a month alone (``6月に``, ``北京で6月、``) -> the latest such month on or before publication
   (precision month).
6. A weekday: ``金曜日`` / ``金曜夜`` -> the latest such day on or before publication;
   ``先週金曜`` -> the Friday of the week before publication's; ``今週月曜`` -> this week's.
7. Relative words: 昨夜/昨晩/昨日/きのう (-1 day), 一昨日/おととい (-2), 今日/きょう/本日/
   今朝/今夜 (0), 前日/翌日 (the day before/after the last day stated; 前日 alone: -1),
   昨年/去年 (year -1), 一昨年 (-2), 今年 (year), 先月 (month -1), 今月 (month).

An ordinal count (``今年5日目``, ``今月3回目``, ``今年に入って2度目``: the fifth day, the third
time this year) counts within the period and gives it no date; a count of days from a stated
day (``2月24日の侵攻開始から3日目``) is that day plus N-1; counted from an unstated start
(``侵攻開始から3日目``) it is no date.
A page with no publication date but a year and month (its URL's, ``CodingContext.month``)
resolves what needs no more: ``17日`` (that month's), ``7月17日``, ``今月17日``, ``先月``, ``今年``,
a month or a part of one; a weekday, ``昨日``, ``前日`` alone need the day and stay null.

A day restated in Japan's time zone right after the local one (``現地時間13日夜(日本時間14日
早朝)``) is no date of its own. Periods (``過去1ヶ月間``, ``3日間``, ``数日以内``) are not
dates, nor are the end of a span
(``9日未明まで``), a deadline after the publication day (``9月15日までに``), a part of a
month that opens a span (``先月下旬から``) or a bare year naming a thing (``2021年の合意``):
they stay in the text, unresolved. Without a publication date only fully written dates (1.) resolve;
everything else is null.

A wire story's dateline (``[バンコク 12日 ロイター] -``, ``【6月16日 AFP】``) gives the day the story
was filed (``wire_day``): the coder tells the story from that day, as the English coder does.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from frontwatch.clean.dates import ERAS
from frontwatch.records import DatePrecision

# A day one after the publication day is still this month: the page was dated before the
# event's own time zone caught up (or a late edit), not a month earlier.
DAY_SLACK = 1
_FW = str.maketrans("０１２３４５６７８９", "0123456789")

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("part", re.compile(r"(?:(\d{4})年\s*|(今年|昨年|去年|一昨年|来年)\s*)?(?:(\d{1,2})月|(今月|先月|来月))"
                        r"\s*(?:の)?(上旬|初旬|中旬|下旬|末|初め|半ば)")),
    ("rel_ymd", re.compile(r"(今年|昨年|去年|一昨年|来年)\s*(\d{1,2})月\s*(\d{1,2})日(?![間目以])")),
    ("rel_ym", re.compile(r"(今年|昨年|去年|一昨年|来年)\s*(\d{1,2})月(?![間以])")),
    ("weekday", re.compile(r"(?:(先週|今週|先々週)\s*の?\s*)?([月火水木金土日])曜日?")),
    ("wareki", re.compile(r"(令和|平成|昭和)\s*(\d{1,2}|元)\s*年\s*(\d{1,2})月\s*(\d{1,2})日(?![間目以])")),
    ("ymd", re.compile(r"(\d{4})年\s*(\d{1,2})月\s*(\d{1,2})日(?![間目以])")),
    ("ym", re.compile(r"(\d{4})年\s*(\d{1,2})月(?![間以])")),
    ("md", re.compile(r"(?<![\d年])(\d{1,2})月\s*(\d{1,2})日(?![間目以])")),
    ("this_month_d", re.compile(r"今月\s*(\d{1,2})日(?![間目以])")),
    ("last_month_d", re.compile(r"先月\s*(\d{1,2})日(?![間目以])")),
    ("next_month_d", re.compile(r"来月\s*(\d{1,2})日(?![間目以])")),
    ("next_d", re.compile(r"(?:来週|翌週|今週)\s*の?\s*(\d{1,2})日(?![間目以])")),
    ("d", re.compile(r"(?<![\d月年数])(\d{1,2})日(?![間目以前後本])")),
    ("m", re.compile(r"(?<![\d年月])(\d{1,2})月(?![\d日間以末上中下初半])")),
    ("y", re.compile(r"(?<!\d)(\d{4})年(?![間代以])")),
    ("rel", re.compile(r"一昨日|おととい|一昨年|昨夜|昨晩|昨日|きのう|今日|きょう|本日|今朝|今夜|前日|翌日"
                       r"|昨年|去年|今年|先月|今月")),
)
# The patterns above that match only where a digit (\d, as they read it) is written: a text with
# none is not searched with them.
_WITH_DIGITS = frozenset({"wareki", "rel_ymd", "rel_ym", "ymd", "ym", "md", "this_month_d", "last_month_d",
                          "next_month_d", "next_d",
                          "d", "m", "y"})
_DIGIT = re.compile(r"\d")
# What follows a date expression and makes it no date of an event (see the docstring).
_TIME_OF_DAY = r"(?:夜|朝|未明|早朝|明け方|夕方|昼|午前|午後|深夜|頃|ごろ|\d{1,2}時(?:\d{1,2}分)?)*\s*"
_PART_OF_MONTH = re.compile(r"上旬|中旬|下旬|初旬|末|初め|半ば")
_NOT_A_DATE = re.compile(rf"^(?:{_TIME_OF_DAY}まで(?!に)|{_PART_OF_MONTH.pattern})")
_DEADLINE = re.compile(rf"^{_TIME_OF_DAY}までに")
_YEAR_OF_A_THING = re.compile(r"^の")
_REL: dict[str, tuple[int, DatePrecision]] = {
    "一昨日": (-2, "day"), "おととい": (-2, "day"), "昨夜": (-1, "day"), "昨晩": (-1, "day"),
    "昨日": (-1, "day"), "きのう": (-1, "day"), "今日": (0, "day"), "きょう": (0, "day"),
    "本日": (0, "day"), "今朝": (0, "day"), "今夜": (0, "day"),
}
# 前日 / 翌日: the day before / after the last day the text stated (the publication day if none).
_NEIGHBOUR = {"前日": -1, "翌日": 1}
_WEEKDAYS = "月火水木金土日"
# 今年2月 / 昨年12月24日 / 来年1月: the year counted from the publication year.
_REL_YEAR = {"今年": 0, "昨年": -1, "去年": -1, "一昨年": -2, "来年": 1}
# A part of a month that opens a span ("今月上旬から") is when something began, not a date.
_SPAN_START = re.compile(r"^(?:ごろ|頃)?(?:から|以降|より)")
# 今年5日目 / 今月3回目 / 今年に入って2度目: a count within the year or month (a counter and 目).
_ORDINAL_COUNT = re.compile(r"^(?:に入って(?:から)?|に入り|で)?\s*(?:\d+|[一二三四五六七八九十]+)\s*"
                            r"(?:日|回|度|件|例|隻|番|発|機|人|週)目")
# 2月24日の侵攻開始から3日目: the Nth day counted from the day stated (the stated day is the first).
_DAYS_FROM = re.compile(r"^[^。、「」]{0,15}?から\s*(\d{1,3})\s*日目")
DAYS_FROM_TAIL = 24  # characters after a day searched for its 〜から N日目


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


# Relative words that need the publication day itself, not only its month.
_DAY_WORDS = frozenset(_REL) | frozenset(_NEIGHBOUR)


def _month_end(month: tuple[int, int]) -> dt.date:
    """The last day of a year and month: the latest the page can be, for a month-only anchor."""
    y, m = month
    return dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)


def _resolve_in_month(kind: str, m: re.Match[str],
                      month: tuple[int, int]) -> tuple[dt.date | None, DatePrecision | None]:
    """What a page known only to its year and month resolves (module docstring)."""
    if kind == "weekday" or (kind == "rel" and m.group(0) in _DAY_WORDS):
        return None, None
    return _resolve(kind, m, _month_end(month))


def _resolve(kind: str, m: re.Match[str], pub: dt.date | None) -> tuple[dt.date | None, DatePrecision | None]:
    g = [int(x) for x in m.groups() if x is not None and x.isdigit()]
    if kind == "wareki":  # 令和7年11月24日: the era's first year is its year one (元年)
        year = ERAS[m.group(1)] + (1 if m.group(2) == "元" else int(m.group(2))) - 1
        return _day(year, int(m.group(3)), int(m.group(4))), "day"
    if kind == "ymd":
        return _day(g[0], g[1], g[2]), "day"
    if kind == "ym":
        return _day(g[0], g[1], 1), "month"
    if kind == "y":
        return _day(g[0], 1, 1), "year"
    if kind == "part" and m.group(1):
        return _day(int(m.group(1)), int(m.group(3) or 0), 1), "month"
    if pub is None:
        return None, None
    if kind in ("rel_ymd", "rel_ym"):  # 今年2月24日 / 昨年12月: the year counted from publication
        year = pub.year + _REL_YEAR[m.group(1)]
        return (_day(year, g[0], g[1]), "day") if kind == "rel_ymd" else (_day(year, g[0], 1), "month")
    if kind == "part":
        return _part_of_month(m, pub), "month"
    if kind == "weekday":
        return _weekday(m, pub), "day"
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
    if kind == "next_month_d":  # 来月5日: that day of the month after publication's
        y, mo = (pub.year + 1, 1) if pub.month == 12 else (pub.year, pub.month + 1)
        return _day(y, mo, g[0]), "day"
    if kind == "next_d":  # 来週10日 / 今週の10日: the next day numbered so, within two weeks
        for ahead in range(0, 15):
            d = pub + dt.timedelta(days=ahead)
            if d.day == g[0]:
                return d, "day"
        return None, None
    if kind == "m":  # 6月に: the latest such month on or before publication (precision month)
        return _day(pub.year if g[0] <= pub.month else pub.year - 1, g[0], 1), "month"
    if kind == "d":
        if g[0] > pub.day + DAY_SLACK:
            y, mo = _prev_month(pub)
            return _day(y, mo, g[0]), "day"
        return _day(pub.year, pub.month, g[0]), "day"
    return _relative_word(m.group(0), pub)


def _relative_word(word: str, pub: dt.date) -> tuple[dt.date | None, DatePrecision | None]:
    if word in _REL:
        off, prec = _REL[word]
        return pub + dt.timedelta(days=off), prec
    if word in _NEIGHBOUR:  # without a day stated before it: the publication day's neighbour
        return (pub - dt.timedelta(days=1), "day") if word == "前日" else (None, None)
    if word in ("昨年", "去年", "一昨年"):
        return dt.date(pub.year - (2 if word == "一昨年" else 1), 1, 1), "year"
    if word == "今年":
        return dt.date(pub.year, 1, 1), "year"
    if word == "先月":
        y, mo = _prev_month(pub)
        return dt.date(y, mo, 1), "month"
    return dt.date(pub.year, pub.month, 1), "month"  # 今月


def _part_of_month(m: re.Match[str], pub: dt.date) -> dt.date | None:
    """今月上旬 / 先月下旬 / 10月中旬 / 昨年12月末: the month (a part of a month is no day)."""
    if m.group(3):
        month = int(m.group(3))
        if m.group(2):
            return _day(pub.year + _REL_YEAR[m.group(2)], month, 1)
        year = pub.year if month <= pub.month else pub.year - 1
        return _day(year, month, 1)
    if m.group(4) == "先月":
        return _day(*_prev_month(pub), 1)
    if m.group(4) == "来月":
        return _day(pub.year + (pub.month == 12), pub.month % 12 + 1, 1)
    return _day(pub.year, pub.month, 1)


def _weekday(m: re.Match[str], pub: dt.date) -> dt.date:
    """金曜日: the latest Friday on or before publication; 先週金曜: the Friday of last week."""
    wd = _WEEKDAYS.index(m.group(2))
    monday = pub - dt.timedelta(days=pub.weekday())
    if m.group(1) == "先週":
        return monday - dt.timedelta(days=7 - wd)
    if m.group(1) == "先々週":
        return monday - dt.timedelta(days=14 - wd)
    if m.group(1) == "今週":
        return monday + dt.timedelta(days=wd)
    return pub - dt.timedelta(days=(pub.weekday() - wd) % 7)


def _ahead(kind: str, m: re.Match[str], pub: dt.date | None) -> bool:
    """Is a month-day date later in the publication year than the publication day?"""
    if pub is None or kind != "md":
        return False
    day = _day(pub.year, int(m.group(1)), int(m.group(2)))
    return day is not None and day > pub


def vague_time(text: str, mention: DateMention) -> bool:
    """先月下旬から: the text names a time, but only a part of a month opening a span, which is no date."""
    return mention.date is None and (_PART_OF_MONTH.search(mention.text) is not None
                                     or _PART_OF_MONTH.match(text, mention.end) is not None)


def _counted(tail: str, day: dt.date | None, prec: DatePrecision | None) -> dt.date | None:
    """A date followed by an ordinal count: 今年5日目 -> none; 2月24日から3日目 -> 2月26日."""
    if day is None:
        return None
    if prec in ("year", "month") and _ORDINAL_COUNT.match(tail):
        return None
    counted = _DAYS_FROM.match(tail) if prec == "day" else None
    if counted is not None and int(counted.group(1)) >= 1:
        return day + dt.timedelta(days=int(counted.group(1)) - 1)
    return day


def find_dates(text: str, published: dt.date | None,
               month: tuple[int, int] | None = None) -> list[DateMention]:
    """Date expressions in ``text`` (offsets relative to it), resolved, in text order; ``month``
    (year, month) stands in for a publication date that is not known (module docstring)."""
    norm = text.translate(_FW)
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    digits = _DIGIT.search(norm) is not None
    for kind, rx in _PATTERNS:
        if not digits and kind in _WITH_DIGITS:
            continue  # it cannot match here
        for m in rx.finditer(norm):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            day, prec = (_resolve_in_month(kind, m, month) if published is None and month is not None
                         else _resolve(kind, m, published))
            tail = norm[m.end():m.end() + 12]
            if kind == "part" and _SPAN_START.match(tail):
                day = None  # 今月上旬から: when a span began
            elif kind != "part" and (_NOT_A_DATE.match(tail)
                                     or (kind == "y" and _YEAR_OF_A_THING.match(tail))):
                day = None
            elif _DEADLINE.match(tail) and _ahead(kind, m, published):
                day = None  # 9月15日までに撤退させる: a deadline still to come, not when it happened
            day = _counted(norm[m.end():m.end() + DAYS_FROM_TAIL], day, prec)
            out.append(DateMention(text[m.start():m.end()], m.start(), m.end(),
                                   day.isoformat() if day else None, prec if day else None))
    out.sort(key=lambda d: d.start)
    return _neighbours(_restated(norm, out))


# "現地時間13日夜(日本時間14日早朝)": the bracket gives the same moment in Japan's time zone;
# the event's date is the local one, so the restated day is no date of its own.
_RESTATED = re.compile(r"[（(]\s*(?:日本時間|日本時刻|JST)\s*(?:の)?\s*$")
RESTATED_WITHIN = 20  # characters between the local date and the bracket that restates it


def _restated(norm: str, found: list[DateMention]) -> list[DateMention]:
    out: list[DateMention] = []
    for d in found:
        before = norm[max(0, d.start - RESTATED_WITHIN):d.start]
        if out and out[-1].date and _RESTATED.search(before) and d.start - out[-1].end <= RESTATED_WITHIN:
            d = DateMention(d.text, d.start, d.end, None, None)
        out.append(d)
    return out


def _neighbours(found: list[DateMention]) -> list[DateMention]:
    """前日 / 翌日 after a stated day: the day before / after it."""
    out: list[DateMention] = []
    for d in found:
        last = next((p for p in reversed(out) if p.precision == "day" and p.date), None)
        if d.text in _NEIGHBOUR and last is not None and last.date is not None:
            day = dt.date.fromisoformat(last.date) + dt.timedelta(days=_NEIGHBOUR[d.text])
            d = DateMention(d.text, d.start, d.end, day.isoformat(), "day")
        out.append(d)
    return out


# A wire dateline opening a story: a bracket with a place, a day and the agency ("[バンコク 12日
# ロイター] -", "［ニューヨーク １２日 ロイター］", "【6月16日 AFP】"); brackets without a day
# (【北京共同】, 【バンコク時事】) give none.
_DATELINE = re.compile(r"^\s*[【\[［]([^】\]］「」。、]{2,30})[】\]］]")


def dateline_end(text: str) -> int:
    """Where a bracketed dateline opening ``text`` ends (0 when none), with the dash after it."""
    m = _DATELINE.match(text.translate(_FW))
    if m is None:
        return 0
    dash = re.compile(r"\s*[-－—–]?\s*").match(text, m.end())
    return dash.end() if dash else m.end()


def wire_day(text: str, published: dt.date | None) -> dt.date | None:
    """The day of a Japanese wire dateline opening ``text`` (resolved as any date is), or None."""
    m = _DATELINE.match(text.translate(_FW))
    if m is None:
        return None
    found = [d for d in find_dates(m.group(1), published) if d.date and d.precision == "day"]
    return dt.date.fromisoformat(found[0].date) if len(found) == 1 and found[0].date else None
