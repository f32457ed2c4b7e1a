"""English date expressions resolved against a document's publication date.

Tried in this order; the first expression found in the sentence wins:

1. a full date: "March 3, 2022", "3 March 2022", "2022-03-03"            -> day
2. a month and day: "on March 3", "3 March", "March 3rd"                 -> day (year from
   the publication date; a date more than FUTURE_SLACK_DAYS after it is last year's)
3. relative days: "today", "tonight", "this morning", "yesterday", "last night",
   "the day before yesterday"                                             -> day
4. "overnight into Tuesday" (the day before), "overnight" alone (the publication day),
   a weekday: "on Tuesday", "last Tuesday" (the latest such day on or before the
   publication day, or the day after it: a page dated Thursday by a site behind the
   story's time zone tells "Friday morning" of the next day; "last" forces an earlier
   one)                                                                   -> day
5. "last week"                                                           -> the day a week
   before publication, precision "day" is not claimed: precision "month"
6. a month alone: "in March", "March 2022", "last month", "this month"    -> month
7. a year: "in 2021", "last year"                                          -> year

Without a publication date only expressions that carry their own year resolve, unless the
page gives its year and month (its URL's, ``CodingContext.month``): then a month and day (2.)
and a month (6.) or year (7.) resolve too; relative days, weekdays and "last week" need the day. The day of
a wire dateline opening a story is ``wire_day`` (the coder strips the dateline before
``resolve_date``, and may date a sentence without its own day by it). Offsets
are not reported: callers want the date, its precision and the words it came from.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from frontwatch.clean.dates import wire_date

# A month-day more than this many days after publication is read as last year's
# (wires report past events; a week covers datelines a day or two off).
FUTURE_SLACK_DAYS = 7
# A weekday this many days after the publication day is that day, not the same weekday six days
# before: the page was dated in a time zone behind the story's (an American site's AP story from
# Taiwan dated Thursday tells "as of Friday morning"), as Japanese D日 allows (resolve.dates
# DAY_SLACK). A past act six days back is told with its date or "last Friday" instead: over
# the English dev sets and realworld no weekday record lies six days before its page (one lies
# one day after it, newgold 615).
WEEKDAY_SLACK_DAYS = 1

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_MON = r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|" \
       r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

FULL_MDY = re.compile(rf"\b{_MON}\s+{_DAY},?\s+{_YEAR}\b")
FULL_DMY = re.compile(rf"\b{_DAY}\s+{_MON},?\s+{_YEAR}\b")
ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b")
MD = re.compile(rf"\b{_MON}\s+{_DAY}\b(?!,?\s*(?:19|20)\d\d)")
DM = re.compile(rf"\b{_DAY}\s+{_MON}\b")
RELATIVE = re.compile(r"\b(?P<rel>the day before yesterday|yesterday|last night|today|tonight|"
                      r"this (?:morning|afternoon|evening)|earlier today)\b", re.IGNORECASE)
OVERNIGHT = re.compile(r"\bovernight (?:into|to)\s+"
                       r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
OVERNIGHT_ALONE = re.compile(r"\bovernight\b", re.IGNORECASE)
WEEKDAY = re.compile(r"\b(?P<last>last\s+)?"
                     r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
LAST_WEEK = re.compile(r"\blast week\b", re.IGNORECASE)
MONTH_YEAR = re.compile(rf"\b{_MON}\s+{_YEAR}\b")
IN_MONTH = re.compile(rf"\b(?:(?:in|during|early|late|mid)\s+|mid-){_MON}\b(?!\s+\d)")  # mid-August too
REL_MONTH = re.compile(r"\b(?P<which>last|this) month\b", re.IGNORECASE)
YEAR = re.compile(rf"\b(?:in|during|of)\s+{_YEAR}\b")
REL_YEAR = re.compile(r"\b(?P<which>last|this) year\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    date: str  # ISO; day/month part 01 when the precision is coarser
    precision: str  # day | month | year
    text: str  # the words it came from


def _month(name: str) -> int:
    return MONTHS[name.casefold().rstrip(".")]


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _day(d: dt.date | None, text: str) -> ResolvedDate | None:
    return ResolvedDate(d.isoformat(), "day", text) if d else None


# A date after "by" / "until" / "before" is a deadline ("troops will leave by Sept. 15"),
# not the day of the event the sentence reports.
_DEADLINE = re.compile(r"\b(?:by|until|till|before|no later than)\s+(?:the\s+)?$", re.IGNORECASE)


def _first(rx: re.Pattern[str], text: str) -> re.Match[str] | None:
    return next((m for m in rx.finditer(text) if not _DEADLINE.search(text[: m.start()])), None)


def _absolute(text: str) -> ResolvedDate | None:
    for rx in (FULL_MDY, FULL_DMY):
        m = _first(rx, text)
        if m:
            return _day(_safe(int(m["year"]), _month(m["mon"]), int(m["day"])), m.group(0))
    m = ISO.search(text)
    if m:
        return _day(_safe(int(m["year"]), int(m["mon"]), int(m["day"])), m.group(0))
    m = MONTH_YEAR.search(text)
    if m:
        return ResolvedDate(f"{int(m['year']):04d}-{_month(m['mon']):02d}-01", "month", m.group(0))
    return None


def _month_day(text: str, pub: dt.date) -> ResolvedDate | None:
    for rx in (MD, DM):
        m = _first(rx, text)
        if not m:
            continue
        d = _safe(pub.year, _month(m["mon"]), int(m["day"]))
        if d and (d - pub).days > FUTURE_SLACK_DAYS:
            d = _safe(pub.year - 1, d.month, d.day)
        if d:
            return _day(d, m.group(0))
    return None


def _relative(text: str, pub: dt.date) -> ResolvedDate | None:
    m = RELATIVE.search(text)
    if m:
        rel = m["rel"].casefold()
        back = 2 if rel.startswith("the day before") else 1 if rel in ("yesterday", "last night") else 0
        return _day(pub - dt.timedelta(days=back), m.group(0))
    m = OVERNIGHT.search(text)
    if m:  # "overnight into Tuesday": the night began on Monday
        return _day(_weekday(pub, m["wd"]) - dt.timedelta(days=1), m.group(0))
    m = WEEKDAY.search(text)
    if m is None and OVERNIGHT_ALONE.search(text):
        return _day(pub, "overnight")  # the night that ended on the day of the report
    if m:
        return _day(_weekday(pub, m["wd"], last=bool(m["last"])), m.group(0))
    return None


def _weekday(pub: dt.date, name: str, *, last: bool = False) -> dt.date:
    """The latest ``name`` day on or before ``pub`` (or up to WEEKDAY_SLACK_DAYS after it);
    with ``last`` ("last Tuesday"), one before ``pub``."""
    back = (pub.weekday() - WEEKDAYS[name.casefold()]) % 7
    if last and back == 0:
        back = 7
    elif not last and back >= 7 - WEEKDAY_SLACK_DAYS:
        back -= 7
    return pub - dt.timedelta(days=back)


# A coarse date inside "in revenge for an ambush last month" / "after the talks in March" /
# "despite their retreat to the north in December" dates that other event, not the sentence's.
_EARLIER_EVENT = re.compile(r"\b(?:for|after|following|since|than|despite)\b(?:\s+[\w'-]+){0,6}\s*$",
                            re.IGNORECASE)
# The same words opening the sentence make a clause up to its first comma, however long: "Since
# the Speaker visited Taipei in early August, China stepped up its incursions" -- the month is
# the visit's; the main clause's act is the sentence's.
_EARLIER_CLAUSE = re.compile(r"^\W*(?:after|following|since|despite)\b[^,;:]*$", re.IGNORECASE)


def _own(rx: re.Pattern[str], text: str) -> re.Match[str] | None:
    return next((m for m in rx.finditer(text) if not _EARLIER_EVENT.search(text[: m.start()])
                 and not _EARLIER_CLAUSE.match(text[: m.start()])), None)


def _coarse(text: str, pub: dt.date, *, weeks: bool = True) -> ResolvedDate | None:
    m = _own(LAST_WEEK, text) if weeks else None
    if m:
        d = pub - dt.timedelta(days=7)
        return ResolvedDate(f"{d.year:04d}-{d.month:02d}-01", "month", m.group(0))
    m = _own(IN_MONTH, text)
    if m:
        mon = _month(m["mon"])
        year = pub.year if mon <= pub.month else pub.year - 1
        return ResolvedDate(f"{year:04d}-{mon:02d}-01", "month", m.group(0))
    m = _own(REL_MONTH, text)
    if m:
        first = pub.replace(day=1)
        if m["which"].casefold() == "last":
            first = (first - dt.timedelta(days=1)).replace(day=1)
        return ResolvedDate(first.isoformat(), "month", m.group(0))
    m = _own(REL_YEAR, text)
    if m:
        year = pub.year - (1 if m["which"].casefold() == "last" else 0)
        return ResolvedDate(f"{year:04d}-01-01", "year", m.group(0))
    return None


def wire_day(text: str, published: dt.date | None) -> ResolvedDate | None:
    """The day of a wire dateline opening ``text`` ("BEIRUT, Sept 22 (Reuters) -"): the day
    the story was filed, which dates a sentence that names no day of its own. The year is
    the dateline's, else the publication year (the year before when the day would fall more
    than FUTURE_SLACK_DAYS after publication)."""
    found = wire_date(text)
    if found is None:
        return None
    if found.year is not None:
        return _day(found.on(found.year), found.text)
    if published is None:
        return None
    day = found.on(published.year)
    if day is not None and (day - published).days > FUTURE_SLACK_DAYS:
        day = found.on(published.year - 1)
    return _day(day, found.text)


# A photo caption: a line that ends with its credit in brackets ("… Lebanon, 05 November 2024.
# (EPA)", "… Aug. 5, 2023. [AP Photo]") or after "Photo:" ("… on Sunday. Photo: AAP"); a file
# photo ("REUTERS/Stringer/File Photo") shows another day.
_CAPTION_CREDIT = re.compile(r"(?:[(\[][^()\[\]\n]{2,60}[)\]]|\bPhoto(?: credit)?:\s*[^.\n]{1,40})\s*$")
_FILE_PHOTO = re.compile(r"\bfile (?:photo|picture|image)\b", re.IGNORECASE)
CAPTION_MAX_CHARS = 400  # a caption is a line or two, not a paragraph of the story


def caption_day(line: str) -> tuple[dt.date, bool] | None:
    """The day a photo caption prints in full, with its year ("…, Syria on May 25, 2024. (SANA)"),
    and whether it is a file photo's; None for any other line. On a page with no publication
    date, the first such caption's day, unless a file photo's, is the day the story is told
    from (rule en:photo-day, as the Japanese coder's ja:photo-day)."""
    line = line.strip()
    if not line or len(line) > CAPTION_MAX_CHARS or not _CAPTION_CREDIT.search(line):
        return None
    hit = _absolute(line)
    if hit is None or hit.precision != "day":
        return None
    return dt.date.fromisoformat(hit.date), _FILE_PHOTO.search(line) is not None


def resolve_date(text: str, published: dt.date | None,
                 month: tuple[int, int] | None = None) -> ResolvedDate | None:
    """The date a sentence gives for its event, or None (see the module docstring); ``month``
    (year, month) stands in for a publication date that is not known."""
    hit = _absolute(text)
    if hit:
        return hit
    if published is not None:
        for step in (_month_day, _relative, _coarse):
            hit = step(text, published)
            if hit:
                return hit
    elif month is not None:
        y, mo = month
        end = dt.date(y + mo // 12, mo % 12 + 1, 1) - dt.timedelta(days=1)  # the latest the page can be
        hit = _month_day(text, end) or _coarse(text, end, weeks=False)
        if hit:
            return hit
    m = YEAR.search(text)
    if m:
        return ResolvedDate(f"{m['year']}-01-01", "year", m.group(0))
    return None
