"""Calendar dates written on a page, in the forms news pages print them.

Japanese: ``2022年9月13日``, ``2024 年 9 月 03 日`` (spaced), 和暦 ``令和6年9月3日`` / ``平成29年2月12日``;
numeric: ``2022/09/13``, ``2022.12.13``, ``2022-09-13`` (with or without a time, ``T``, zone);
English: ``September 13, 2022``, ``Jan. 23, 2024``, ``Sept 22, 2024``, ``13 Sep 2022``,
``22nd Sep, 2024``, ``Aug 15,2015``; WordPress's Japanese locale ``12月 29, 2024``,
``18 7月 2019``; ``31. 10. 2017``; day and month before the year (``22/09/2024``, ``05.03.2024``, and
``Thursday, 01/05/2023``, where only the weekday tells January 5 from May 1). Full-width
digits and separators are read as ASCII ones. A line that is only a date in another language
("19 Settembre 2025", "3. März 2024") is read by dateparser.

A hit keeps what was printed even when it is no calendar date (``2月30日``) or when the
weekday printed beside it is not that date's weekday: the caller decides what to make of it
(``clean.published`` turns such pages into "no publication date" with the reason).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from frontwatch.clean.markers import Markers

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
# 和暦: the first year of each era in the Gregorian calendar (元年 is year 1).
ERAS = {"令和": 2019, "平成": 1989, "昭和": 1926}
_WIDE = str.maketrans("０１２３４５６７８９／．－：　", "0123456789/.-: ")

_JA = r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
_WAREKI = r"(?P<era>令和|平成|昭和)\s*(?P<ey>\d{1,2}|元)\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
# A slash after the day only before a time ("2026/02/02/06:46", a regional paper's stamp) or a
# weekday ("2024/01/20/Sat", a university page's date line).
_NUM = (r"(?<![\d.])(?P<y>(?:19|20)\d\d)(?P<sep>[./\-])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
        r"(?!\d|/(?!\d{1,2}:\d\d|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b))")
# Page furniture runs a year into what follows with no space: a time ("September 22, 20245:03
# PM") or the same date printed twice ("22 Sep 202422 Sep 2024").
_YEAR_END = r"(?:\b|(?=\d))"
# A comma before the year may stand without its space ("Aug 15,2015", a Jordanian paper's byline).
_EN_MDY = (rf"\b(?P<mon>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+)"
           rf"(?P<y>\d{{4}}){_YEAR_END}")
_EN_DMY = (rf"(?:\b|(?<=\d{{4}}))(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_MONTH_RE})\.?,?\s+"
           rf"(?P<y>\d{{4}}){_YEAR_END}")
# Day and month before the year ("22/09/2024", "22.09.2024"): read only when one of the two
# cannot be a month; "09/10/2024" is September 10 in one country and October 9 in another.
# With dots the day comes first ("05.03.2024", German, Russian, Turkish...): no country writes
# the month first with dots.
_NUM_YEAR_LAST = (r"(?<![\d./])(?P<a>\d{1,2})(?P<sep>[./\-])(?P<b>\d{1,2})(?P=sep)"
                  r"(?P<y>(?:19|20)\d\d)(?![\d/])")
# WordPress in its Japanese locale names the month "12月" inside an English date format: "F j, Y"
# prints "12月 29, 2024", "j F Y" prints "18 7月 2019" (4 dev pages, 4 sites: 1323 1922 1944 1484).
_WP_JA_MDY = r"(?<![\d年])(?P<m>\d{1,2})月\s+(?P<d>\d{1,2}),\s*(?P<y>(?:19|20)\d\d)(?!\d)"
_WP_JA_DMY = r"(?<![\d./])(?P<d>\d{1,2})\s+(?P<m>\d{1,2})月\s+(?P<y>(?:19|20)\d\d)(?!\d)"
# Day and month with dots and spaces, as Central European pages print them ("31. 10. 2017").
_DOTTED_SPACED = r"(?<![\d.])(?P<d>\d{1,2})\.\s(?P<m>\d{1,2})\.\s(?P<y>(?:19|20)\d\d)(?!\d)"
DATE_PATTERNS = tuple(re.compile(p, re.IGNORECASE)
                      for p in (_JA, _WAREKI, _NUM, _EN_MDY, _EN_DMY, _NUM_YEAR_LAST, _WP_JA_MDY, _WP_JA_DMY,
                                _DOTTED_SPACED))

_JA_WEEKDAYS = "月火水木金土日"
_EN_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# A weekday printed right after a date: (火), （火曜日）, "(Tue)"; or right before it: "Tuesday, ".
_WEEKDAY_AFTER = re.compile(
    r"\s*[（(]\s*(?P<wd>[月火水木金土日]|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?)\s*(?:曜日?)?\s*[)）]",
    re.IGNORECASE)
_WEEKDAY_BEFORE = re.compile(
    r"(?P<wd>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?),?\s*$",
    re.IGNORECASE)
# A weekday before a date on a date line: "Thursday, March 14, 2024".
_LEADING_WEEKDAY = re.compile(
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?,?\s+", re.IGNORECASE)
# What may follow a date on a line that is only a date: weekday, time, zone.
# A time as pages print it: "10:05", "10.05", "10時5分", "午前10時", with seconds, AM/PM, a zone.
TIME = (r"(?:(?:at\s+|@\s*|T|/)?(?:午前|午後)?\s*\d{1,2}(?:[:.]\d{2}|時)(?::\d{2}(?:\.\d+)?|\d{1,2}分)?"
        r"\s*(?:AM|PM|am|pm|a\.m\.|p\.m\.)?)")
ZONE = r"(?:\(?(?:[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}|Z)\)?)"
_TAIL = re.compile(
    r"^\s*([（(]?\s*[月火水木金土日]\s*(曜日?)?\s*[)）]?|[（(]?(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?[)）]?)?"
    rf"\s*,?\s*{TIME}?\s*{ZONE}?\s*[\]］)）】]?\s*$"
)


@dataclass(frozen=True, slots=True)
class DateHit:
    """A full date printed in a text: where, as printed, and the day it names."""

    text: str
    start: int
    end: int
    date: dt.date | None  # None: no such calendar day (2月30日)
    weekday_clash: bool = False  # the weekday printed with it is another day's


def normalize(text: str) -> str:
    """Full-width digits and separators as ASCII, one for one (offsets are kept)."""
    return text.translate(_WIDE)


def _day_month(groups: dict[str, str | None], weekday: int | None = None) -> dict[str, str | None] | None:
    """22/09/2024 -> day 22, month 9; 09/22/2024 -> month 9, day 22; 09/10/2024 -> None;
    05.03.2024 -> day 5, month 3 (dots put the day first wherever they are written);
    06/06/2021 either way round. A weekday printed beside it tells 01/05/2023 apart:
    "Thursday, 01/05/2023" is January 5 (a Thursday), May 1 being a Monday; when both
    readings fall on it, None; when neither does, the month-first reading, whose weekday then
    clashes (``DateHit.weekday_clash``: the page printed a contradiction)."""
    a, b = int(str(groups["a"])), int(str(groups["b"]))
    if a > 12 >= b or (groups.get("sep") == "." and b <= 12):
        return {**groups, "d": str(a), "m": str(b)}
    if b > 12 >= a or a == b:
        return {**groups, "d": str(b), "m": str(a)}
    if weekday is None:
        return None
    fits = [{**groups, "d": str(d), "m": str(m)} for d, m in ((a, b), (b, a))
            if (day := _build({**groups, "d": str(d), "m": str(m)})) is not None and day.weekday() == weekday]
    if not fits:
        return {**groups, "d": str(b), "m": str(a)}
    return fits[0] if len(fits) == 1 else None


def _build(groups: dict[str, str | None]) -> dt.date | None:
    month = _MONTHS[str(groups["mon"]).lower()] if groups.get("mon") else int(str(groups["m"]))
    if groups.get("era"):
        era_year = 1 if groups["ey"] == "元" else int(str(groups["ey"]))
        year = ERAS[str(groups["era"])] + era_year - 1
    else:
        year = int(str(groups["y"]))
    try:
        return dt.date(year, month, int(str(groups["d"])))
    except ValueError:
        return None


def _weekday(word: str) -> int:
    if word[0] in _JA_WEEKDAYS:
        return _JA_WEEKDAYS.index(word[0])
    return _EN_WEEKDAYS.index(word[:3].lower())


def _printed_weekdays(text: str, match: re.Match[str]) -> list[int]:
    """The weekdays printed right after and right before a date."""
    after = _WEEKDAY_AFTER.match(text, match.end())
    before = _WEEKDAY_BEFORE.search(text[max(0, match.start() - 12):match.start()])
    return [_weekday(m["wd"]) for m in (after, before) if m is not None]


def _clash(text: str, match: re.Match[str], date: dt.date | None) -> bool:
    return date is not None and any(wd != date.weekday() for wd in _printed_weekdays(text, match))


def scan(text: str) -> Iterator[DateHit]:
    """Every full date in ``text`` (year, month and day), in text order, without overlaps."""
    norm = normalize(text)
    hits: list[DateHit] = []
    for pattern in DATE_PATTERNS:
        for m in pattern.finditer(norm):
            if any(h.start < m.end() and m.start() < h.end for h in hits):
                continue
            printed = _printed_weekdays(norm, m)
            groups = (_day_month(m.groupdict(), printed[0] if len(set(printed)) == 1 else None)
                      if m.groupdict().get("a") else m.groupdict())
            if groups is None:
                continue  # day and month cannot be told apart
            date = _build(groups)
            hits.append(DateHit(text[m.start():m.end()], m.start(), m.end(), date, _clash(norm, m, date)))
    yield from sorted(hits, key=lambda h: h.start)


def find_date(text: str) -> dt.date | None:
    """The first calendar date anywhere in ``text``."""
    return next((h.date for h in scan(text)), None)


def date_only_hit(text: str) -> DateHit | None:
    """The date when ``text`` is nothing but a date (plus weekday and time), printed or not valid."""
    bare = normalize(text.strip())
    lead = _LEADING_WEEKDAY.match(bare)
    for hit in scan(bare):
        if hit.start == (lead.end() if lead else 0) and _TAIL.match(bare[hit.end:]):
            return hit
        return None
    return _word_date(bare)


# A date line in another language: day, month word, year ("19 Settembre 2025", "3. März 2024",
# "12 de marzo de 2024") or month word, day, year. English ones match DATE_PATTERNS first.
_WORD_DATE = re.compile(r"^(?:\d{1,2}\.?\s+(?:de\s+)?[^\W\d_]{3,12}\.?,?\s+(?:de\s+)?\d{4}"
                        r"|[^\W\d_]{3,12}\.?\s+\d{1,2},?\s+\d{4})$")
# The languages of the wires and papers whose pages reach a Japanese/English reader with their
# own date line (Italian, French, German, Spanish, Portuguese, Dutch, Turkish, Russian,
# Ukrainian, Polish, Indonesian): dateparser tries only these, which keeps a miss fast.
WORD_DATE_LANGUAGES = ("it", "fr", "de", "es", "pt", "nl", "tr", "ru", "uk", "pl", "id")
_DATEPARSER_SETTINGS = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"],
                        "RETURN_AS_TIMEZONE_AWARE": False}


def _word_date(bare: str) -> DateHit | None:
    """A date line in another language, read by dateparser (absolute dates only: deterministic)."""
    if not _WORD_DATE.match(bare):
        return None
    import dateparser  # type: ignore[import-untyped]  # no type information; imported for such a line only (slow)

    found = dateparser.parse(bare, languages=list(WORD_DATE_LANGUAGES), settings=_DATEPARSER_SETTINGS)
    return DateHit(bare, 0, len(bare), found.date()) if found is not None else None


def date_only(text: str) -> dt.date | None:
    """A date when ``text`` is nothing but a date (plus weekday and time): a comment's date line."""
    hit = date_only_hit(text)
    return hit.date if hit is not None else None


# A wire story's dateline: an upper-case place, optional region, then a date at the start of
# the first paragraph ("ODESA, Ukraine, March 16, 2024 (Wire) -", "BEIRUT, Sept 22 (Reuters) -").
_EN_MD = rf"(?P<mon>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?"
_EN_DM = rf"(?P<xd>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<xmon>{_MONTH_RE})\.?(?:,?\s+(?P<xy>\d{{4}}))?"
# After the city: a region or country, then the date ("ODESA, Ukraine, March 16").
_WIRE_DATE = rf"(?:,\s*[A-Z][A-Za-z.'\- ]{{1,30}})?,\s*(?i:{_EN_MD}|{_EN_DM})"
_WIRE = re.compile(
    rf"^[A-Z][A-Z.'\-/ ]{{1,30}}{_WIRE_DATE}"
    r"(?=\s*(?:\([^)]{1,40}\)\s*)?(?:-|–|—|:|/))",
)
# The same with the city in title case, as Indian and Pakistani wires and Xinhua write it, and
# then only with the agency in brackets after the date ("Islamabad, 23 August 2023 (TDI):",
# "Baghdad, Sep 18 (IANS) A Turkish drone ...", "New Delhi, Oct 4 (PTI)").
_WIRE_TITLE = re.compile(
    r"^(?!(?:On|In|At|By|From|Since|Until|Last|This|Next|Early|Late|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b)"
    rf"[A-Z][A-Za-z.'\-]+(?: [A-Z][A-Za-z.'\-]+){{0,3}}{_WIRE_DATE}"
    r"(?=\s*\([A-Z][\w&.\-]*(?: [A-Z][\w&.\-]*){0,3}\))",
)


@dataclass(frozen=True, slots=True)
class WireDate:
    """The date of a wire dateline; the year only when printed."""

    month: int
    day: int
    year: int | None
    text: str

    def on(self, year: int) -> dt.date | None:
        try:
            return dt.date(year, self.month, self.day)
        except ValueError:
            return None


# A Japanese wire dateline with a date: "【6月16日 AFP】" (an agency name after the day).
_JA_WIRE_DAY = r"[【\[]\s*(?:(?P<y>\d{4})年\s*)?(?P<m>\d{1,2})月\s*(?P<d>\d{1,2})日\s*"
_WIRE_JA = re.compile(rf"^{_JA_WIRE_DAY}[A-Za-z\u30a0-\u30ff\u4e00-\u9fff]{{1,12}}\s*[】\]]")


# The same after a photo's caption and credit on the paragraph's line, as copies of AFPBB
# stories print it ("…(2023年12月4日撮影)。(c)STRINGER / AFP 【12月5日 AFP】ナイジェリア…"):
# only with a Latin agency name, within the line's first characters.
_WIRE_JA_AFTER_CAPTION = re.compile(rf"{_JA_WIRE_DAY}[A-Z][A-Za-z]{{1,10}}\s*[】\]]")
CAPTION_CHARS = 300


def wire_date(text: str) -> WireDate | None:
    """The (possibly yearless) date of a wire dateline opening ``text``, or None."""
    bare = normalize(text.strip())
    ja = _WIRE_JA.match(bare) or _WIRE_JA_AFTER_CAPTION.search(bare, 0, CAPTION_CHARS)
    if ja is not None:
        return WireDate(int(ja["m"]), int(ja["d"]), int(ja["y"]) if ja["y"] else None, ja.group(0))
    match = _WIRE.match(bare) or _WIRE_TITLE.match(bare)
    if match is None:
        return None
    groups = {k.lstrip("x"): v for k, v in match.groupdict().items() if v is not None}
    return WireDate(_MONTHS[groups["mon"].lower()], int(groups["d"]),
                    int(groups["y"]) if groups.get("y") else None, match.group(0))


def wire_dateline(text: str) -> dt.date | None:
    """The date of a wire dateline that opens ``text`` and prints its year, or None."""
    found = wire_date(text)
    return found.on(found.year) if found is not None and found.year is not None else None


def dateline(text: str, markers: Markers) -> dt.date | None:
    """A date when the line is a publication-date line: "投稿日:2024年5月1日", "Posted May 1, 2024"."""
    bare = markers.undecorate(text)
    return date_only(markers.date_label.sub("", bare, count=1))
