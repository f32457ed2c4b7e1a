"""The publication date in a page's URL (``url_date``): the last step before comments.

``/2010/11/24-1.html`` (htmldate's URL rule), ``/20221213/``, ``..._20221105``, ``?date=2024-01-31``,
``/n/2014/0911/``, ``/2015-04/28/``,
``/2015/11/…-151130065617543`` (a year-month path and a stamp agreeing with it). A date before
EARLIEST_YEAR or after the day the page was read is an id, not a date.

``url_month``: the year and month of a path that gives no day (``/2017/07/post-45432.html``,
WordPress's "month and name" permalinks): no publication date, but what ``17日`` or ``7月17日``
in the story means (the coder's ``CodingContext.month``).

A 2ch/5ch thread (``/test/read.cgi/BOARD/1695644453/``, ``/BOARD/dat/1695644453.dat``) is keyed by
the Unix time its first post was written: the thread's day in Japan time is its publication date.
Matome blogs and forum mirrors link threads this way, and the boards' own pages print no date line
the splitter can tell from a comment's.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qsl, urlsplit

from htmldate.extractors import extract_url_date
from htmldate.utils import Extractor

# Before this year no page we read was published online; earlier "dates" in URLs are ids.
EARLIEST_YEAR = 1990
# 20221213 alone, or followed by a time or serial (202306240002) or a letter-led id
# (20240414k0000m030...), after a separator.
_COMPACT_URL = re.compile(
    r"(?:^|[/_\-=.])(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?:\d{4,6})?(?=$|[/_\-.?&#a-z])")
# A year, then the month and day as one folder (People's Daily: /n/2014/0911/c94474-…html) or the
# year and month, then the day (China Daily, Xinhua: /2015-04/28/content_….htm).
_SPLIT_DAY_URL = re.compile(r"/(?P<y>(?:19|20)\d\d)"
                            r"(?:/(?P<m>[01]\d)(?P<d>[0-3]\d)|-(?P<m2>[01]\d)/(?P<d2>[0-3]\d))/")
_YEAR_MONTH_URL = re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]\d)/")
_STAMP_URL = re.compile(r"(?<!\d)(?P<yy>\d\d)(?P<mm>[01]\d)(?P<dd>[0-3]\d)\d{0,12}(?!\d)")
_DATE_PARAMS = ("date", "d", "day", "ymd", "pubdate", "published")
# A 2ch/5ch thread key: the Unix time of the thread's first post (9 digits before Sept 2001, 10 after).
_THREAD_KEY = re.compile(
    r"/test/read\.cgi/[\w.-]+/(?P<key>\d{9,10})(?:/|$)|/[\w.-]+/dat/(?P<dat>\d{9,10})\.dat")
_JST = dt.timezone(dt.timedelta(hours=9))


def url_date(url: str | None, *, latest: dt.date) -> dt.date | None:
    """The date in a page's URL: ``/2010/11/24-1.html`` (htmldate's URL rule), ``/20221213/``,
    ``..._20221105``, ``?date=2024-01-31``, ``/2015/11/…-151130065617543`` (a year-month path
    and a stamp agreeing with it); an archive's own stamp before the page's path loses to the
    page's."""
    if not url:
        return None
    options = Extractor(False, dt.datetime.combine(latest, dt.time()), dt.datetime(EARLIEST_YEAR, 1, 1),
                        True, "%Y-%m-%d")
    found = extract_url_date(url, options)
    if found:
        return dt.date.fromisoformat(found)
    parts = urlsplit(url)
    thread = thread_day(parts.path, latest)
    if thread is not None:
        return thread
    for key, value in parse_qsl(parts.query):
        if key.lower() in _DATE_PARAMS:
            day = _valid_compact(value.replace("-", "").replace("/", ""), latest)
            if day is not None:
                return day
    for m in reversed(list(_SPLIT_DAY_URL.finditer(parts.path))):  # /n/2014/0911/, /2015-04/28/
        day = valid_day(int(m["y"]), int(m["m"] or m["m2"]), int(m["d"] or m["d2"]), latest)
        if day is not None:
            return day
    # the path's last date first (an archive's path ends with the page's own), then the query's
    candidates = list(reversed(list(_COMPACT_URL.finditer(parts.path))))
    candidates += [m for _, value in parse_qsl(parts.query) for m in _COMPACT_URL.finditer(value)]
    for m in candidates:
        day = valid_day(int(m["y"]), int(m["m"]), int(m["d"]), latest)
        if day is not None:
            return day
    return _month_and_stamp(parts.path, latest)


def url_month(url: str | None, *, latest: dt.date) -> tuple[int, int] | None:
    """The year and month of a ``/YYYY/MM/`` path in ``url`` (not after ``latest``'s month), or None."""
    if not url:
        return None
    found = _YEAR_MONTH_URL.search(urlsplit(url).path)
    if found is None:
        return None
    y, m = int(found["y"]), int(found["m"])
    if not 1 <= m <= 12 or y < EARLIEST_YEAR or (y, m) > (latest.year, latest.month):
        return None
    return y, m


def thread_day(path: str, latest: dt.date) -> dt.date | None:
    """The Japan-time day of a 2ch/5ch thread key in ``path`` (None before EARLIEST_YEAR or after
    ``latest``)."""
    found = _THREAD_KEY.search(path)
    if found is None:
        return None
    stamp = dt.datetime.fromtimestamp(int(found["key"] or found["dat"]), _JST).date()
    return stamp if stamp.year >= EARLIEST_YEAR and stamp <= latest else None


def _month_and_stamp(path: str, latest: dt.date) -> dt.date | None:
    """``/2015/11/story-151130065617543.html``: a year and month in the path, and a stamp in the
    name that opens with the same year and month (YYMMDD) and gives the day."""
    month = _YEAR_MONTH_URL.search(path)
    if month is None:
        return None
    y, m = int(month["y"]), int(month["m"])
    for stamp in _STAMP_URL.finditer(path[month.end():]):
        if int(stamp["yy"]) == y % 100 and int(stamp["mm"]) == m:
            return valid_day(y, m, int(stamp["dd"]), latest)
    return None


def _valid_compact(value: str, latest: dt.date) -> dt.date | None:
    if len(value) != 8 or not value.isdigit():
        return None
    return valid_day(int(value[:4]), int(value[4:6]), int(value[6:]), latest)


def valid_day(y: int, m: int, d: int, latest: dt.date) -> dt.date | None:
    try:
        day = dt.date(y, m, d)
    except ValueError:
        return None
    return day if y >= EARLIEST_YEAR and day <= latest else None
