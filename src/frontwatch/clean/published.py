"""The page's own publication date: where a page prints it, and from its URL.

What a line of the article can print (``printed_dates``), first match wins:

1. A date line: the line is only a date, with weekday, time and a label (投稿日:, 配信,
   Updated:, Posted) -> kind "line" ("updated" when an update label precedes it).
2. A labelled date opening a line that goes on ("date 2025-12-18 Headline...",
   "配信日時：2024/9/3 10:00 共同") -> "line"; the rest of the line is read on its own.
3. A date-led line: a short line that opens with a date set apart by a space, a bracket,
   a dash or a bar, or dated with 付 ("(平成29年2月12日(日曜日)10時20分 於:中央玄関ホール)",
   "2015年07月26日付 Example 紙": the paper a page translates) -> "line"; or a
   headline or story line that ends with its date in brackets ("…に言及(2022年2月7日)",
   "…と述べた。（2024/09/03-10:05）"), the text kept.
4. A forum post header: a post number, a name, then the post's date and time
   ("1: 名無し 2025/11/15(土)17:04:07.61 ID:...", old logs "05/02/26 03:07:52 ID:") -> "post".
5. A byline: a short line without a sentence in it where a label, a bar or a colon sets
   the date apart ("Source: Xinhua | 2018-03-31 03:25:04 | Editor: x"), or that opens with
   the writer ("By Jane Doe 2013-10-24") -> "byline"; or a desk's name with the date in
   brackets opening the first paragraph ("Web Desk (July 14, 2018): The UN ...") -> "byline",
   the story kept.
6. The date of a wire dateline opening one of the first paragraphs ("BEIRUT, Sept 22
   (Reuters) -"); its year, when the dateline prints none, comes from the page's other
   dates or its URL -> "wire".
7. A head date: in a line above the story's first paragraph, the first date after a headline
   or the site's name, with no sentence before it, set apart as a page stamps it -- by a
   label ("… 投稿日:2026年3月19日 …"), a time after it ("…に 速報 2026/02/16 18:28 …",
   "…1人死亡2025/11/13 00:03"), the end of a short line ("北海新聞 2024年3月5日", "The Example
   Times, March 5, 2024", a headline "… notes August 26, 2023"), or, in Japanese, spaces on
   both sides -> "head". A line that
   goes on after it (a page read as one line) is cut there: the headline, then the story.
8. The signature of a post the page embeds (a tweet: "— Example News (@example_news)
   2019年10月20日") -> "embed": the post's date, furniture, chosen only when nothing else is.

A date inside a sentence is an event's date and is never taken. Related-article lists and
comments are not article lines (``page.split_page`` sets them apart), so their dates are
not seen here.

Which printed date is the page's (``choose``):

1. The first publication date printed in the article (kinds line, byline, head; a forum
   thread's earliest post) -> source "text". A date line with its weekday that opens the page
   is passed over when a date line (only a date) before the story prints an earlier day: the
   site's clock over its masthead ("Tuesday, July 1, 2025", the headline, "July 23, 2022").
   Dates printed after the first paragraph count only when
   none comes before it and they agree: several different ones there are a list of other
   articles, one is a footer.
2. The first "updated" date -> "text".
3. The wire dateline's date, or a yearless header date ("3/18(月) 9:22 配信", "9月5日 23時04分"),
   whichever the page prints first; the year from the URL's date or another printed one, the
   day on or before it -> "text".
4. The date in the page's URL (``clean.url_date``) -> "url".
5. The day a photo of the story was taken, when its caption prints it with the time
   ("…=外務省で2022年4月8日午後4時47分、今野悠貴撮影"; not a file photo, 資料写真) -> "caption".
6. The date in the path of the last link printed alone on a line: the source a forum post or a
   blog quotes ("http://www3.nhk.or.jp/news/html/20170818/k1001….html" closing a 5ch post; in 7
   dev pages, all of that kind, it is the page's day or the day before) -> "cited".
7. The earliest date of a post the page embeds (a tweet's signature, "— Example News
   (@example_news) 2019年10月20日"), as for a page whose only dates are its comments' -> "text".
Dates that cannot be (2月30日), whose printed weekday is another day's, or that fall after
the page was read are skipped; when nothing else is left the page has no date and the reason
says which date was refused and why.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from frontwatch.clean.dates import TIME, ZONE, DateHit, WireDate, date_only_hit, normalize, scan, wire_date
from frontwatch.clean.markers import Markers
from frontwatch.clean.url_date import url_date, valid_day

PrintedKind = Literal["line", "updated", "post", "byline", "wire", "head", "yearless", "caption", "embed",
                      "cited"]

# A date-led line or byline is furniture, not prose: headlines beside a date run to about 60
# characters, bylines ("Source: Xinhua | 2018-03-31 03:25:04 | Editor: x") to about 80.
BYLINE_MAX_CHARS = 100
# What a byline prints beside its date (writer, outlet, labels) is shorter than a sentence.
BYLINE_REST_CHARS = 60
# A forum post's header puts its date within this many characters of the post number.
POST_HEADER_CHARS = 80
# A footer prints the page's date once, or twice (posted, updated); more dates after the story,
# even the same day's, are a list of other stories.
FOOTER_DATES = 2
# Wire datelines open the story: the first paragraphs only.
WIRE_PARAGRAPHS = 3

_UPDATE = re.compile(r"(更新|修正|Updated|Last updated|Last modified|Modified)\s*(日時|日)?\s*[:：]?\s*"
                     rf"(?:{TIME}\s*{ZONE}?,?\s*)?$", re.IGNORECASE)
_LABEL_BEFORE = re.compile(
    r"(?:^|[|｜/:：·•】」\]]|配信|(?:最終)?更新|公開|掲載|投稿|発行|発表|作成|登録|Published|Updated|Posted|Date|Dated|Modified"
    r"|Press release|Statement|Issued)"
    rf"(?:\s+on)?\s*(?:日時|日)?\s*[:：]?\s*(?:{TIME}\s*{ZONE}?,?\s*)?$", re.IGNORECASE)
# A blog's byline: "Posted by admin on", "Written by Jane Doe on".
_POSTED_BY = re.compile(r"(?i)\b(?:posted|written|published|submitted)\s+by\s+\S.{0,40}?\s+on\s*$")
# What sets a date apart after it: a weekday in brackets, a time, then the end, a space or a bar.
# 付 ("dated") may follow the date: "2024年3月5日付 北海新聞", the date of the paper a page translates.
_SET_APART_AFTER = re.compile(
    rf"(?:付け?)?(?:\s*[（(][^)）]{{0,12}}[)）])?(?:,?\s*{TIME}\s*{ZONE}?)?"
    r"\s*(?:$|[|｜/)）】\]\-–—_]|\s|ID:|配信|更新|公開|掲載|Updated)")
_OPENERS = re.compile(r"^[\s(（【\[「]*")
# A date opening the story's first line, set off by a dash ("19th February 2024 – (Taipei) Chinese
# coast guard ..."): the story's dateline, printed before its lead (step 3c).
_LEAD_DASH = re.compile(r"\s*[–—-]\s+\S")
# Prose in a line: Japanese sentence punctuation, or a word of two letters or more ending a
# sentence (month abbreviations such as "Jan." end no sentence).
_SENTENCE = re.compile(
    r"。|、|\b(?!(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)[A-Za-z]{2,}[.!?](?:\s|$)")
_POST = re.compile(r"^\s*\d{1,4}\s*[:：]?\s*\S")
_POST_TIME = re.compile(r"(?:\s*[（(][^)）]{1,4}[)）])?\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*")
_POST_COLON = re.compile(r"^\s*\d{1,4}\s*[:：]")
# Old forum logs print a post's date with a two-digit year: "2名無し:05/02/26 03:07:52 ID:x".
_POST_SHORT_YEAR = re.compile(
    r"(?<![\d/])(?P<y>\d\d)/(?P<m>[01]\d)/(?P<d>[0-3]\d)(?:\s*[（(][^)）]{1,4}[)）])?\s*\d\d:\d\d(?::\d\d)?(?:\.\d+)?\s+ID:")
# A day and time printed without a year ("09/10 21:45", "3/18(月) 9:22 配信", "9月5日 23時04分"):
# furniture of the page's header, a date once a year is known (choose, step 3).
_YEARLESS = re.compile(r"(?<![\d/])(?:(?P<m>\d{1,2})/(?P<d>\d{1,2})|(?P<jm>\d{1,2})月(?P<jd>\d{1,2})日)"
                       r"(?:\s*[（(][月火水木金土日][)）])?\s*\d{1,2}(?::|時)\d{2}分?(?:\s*(?:配信|更新|公開))?\s*$")
YEARLESS_LINE_CHARS = 60
# A yearless header date takes its year from the URL's date (or another printed one) when it
# falls at most this many days before it: an archive's copy or a late edit, not another year.
YEARLESS_ANCHOR_DAYS = 7
_BYLINE_END = re.compile(r"(?:配信|更新|公開)\s*$")
# The signature of a post embedded in the page (a tweet as blogs embed it): a dash, the poster's
# name, the handle in brackets, the post's date ("— Example News (@example_news) 2019年10月20日",
# "— Jane Doe (@jdoe) October 20, 2019"). The post's date, not the page's.
# The post's text may stand before it on the same line.
_EMBED_SIGNATURE = re.compile(r"(?:^|\s)[—–-]\s*[^()（）—–]{1,60}[(（]@\w{1,30}[)）]\s*")
# A headline or a story that ends with its date in brackets: "米高官、侵攻に言及(2022年2月7日)",
# "…と述べた。（2024/09/03-10:05）".
_HEADLINE_DATE = re.compile(r"[（(](?P<date>[^()（）]{6,24})[)）]\s*$")
_TIME_ONLY = re.compile(rf"\s*-?\s*(?:{TIME}\s*{ZONE}?)?\s*")
# A byline that opens with the writer: "By Jane Doe 2013-10-24", "執筆者:山田太郎2015年7月19日".
_BY = re.compile(r"^(?:(?:By|BY|Written by|Posted by|文|記者)\s*[:：]?\s+"
                 r"|(?:執筆者?|筆者|文|記者)\s*[:：]\s*)\S")
# A head date follows a headline and the site's name or breadcrumbs: a headline runs to about
# 100 characters (TITLE_MAX_CHARS in page.py), breadcrumbs and a site name to about 60 more.
HEAD_CHARS = 160
# Prose before a date: a Japanese sentence's end, or an English one (a headline has no 。).
_PROSE = re.compile(
    r"。|\b(?!(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)[A-Za-z]{2,}[.!?](?:\s|$)")
# A date a sentence gives its event: after a preposition ("fired on March 3, 2024 at 10:00").
_PREPOSITION = re.compile(
    r"(?i)\b(?:on|in|at|since|from|until|till|by|before|after|of|to|and|or|between)\s*$")
# What follows a head date: a weekday in brackets, a time, then the line's end, a space or a bar.
# After a time the page may run on with no space (a page read as one line: "…韓国軍2021/10/19
# 10:43桜井 紀雄…", the byline) or a comma ("28 Sep 2016 - 14:12, Tbilisi"); not with kana.
_HEAD_AFTER = re.compile(
    rf"(?:\s*[（(][^)）]{{0,12}}[)）])?(?P<time>\s*[,/|｜·\-–—]?\s*{TIME}\s*{ZONE}?)?(?:\s*(?:配信|更新|公開|掲載))?"
    r"(?(time)(?=$|\s|[|｜,，]|[^\d:.\u3000-\u30ff])|(?=$|\s|[|｜]))")
# What separates a headline from the date after it: spaces, a bar, a colon, a dash set apart.
_HEAD_END = re.compile(r"(?:\s|[|｜:：·•]|\s[-–—]|[【\[][^】\]]*$)*$")
_HIRAGANA = re.compile(r"[\u3040-\u309f]")
_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


@dataclass(frozen=True, slots=True)
class PrintedDate:
    """A date the article prints as the page's (not an event's)."""

    kind: PrintedKind
    text: str  # as printed
    date: dt.date | None  # None: no calendar day, or a yearless wire dateline
    weekday_clash: bool = False
    wire: WireDate | None = None
    late: bool = False  # printed after the article's first paragraph (a footer, or a list)
    clock: bool = False  # the page's first line, a date with its weekday: maybe the site's clock


@dataclass(frozen=True, slots=True)
class LineDates:
    """What one article line prints: its dates, whether it is only furniture, and its text."""

    dates: tuple[PrintedDate, ...]
    furniture: bool  # a date line or byline: neither title nor body
    rest: str  # the line without a leading labelled date (after a head date: the story after it)
    head: str = ""  # the headline before a head date, when the line goes on after it (step 7)


@dataclass(frozen=True, slots=True)
class Published:
    date: dt.date | None
    source: str | None  # "text", "url"; None when none
    reason: str | None = None  # why a printed date was refused, when no date is left


# A weekday printed beside a date: "(日)", "（日曜日）", "Tuesday".
_WEEKDAY = re.compile(r"[（(][月火水木金土日](?:曜日?)?[)）]"
                      r"|(?i:\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)")


def site_clock(line: str, found: LineDates) -> bool:
    """A date line with its weekday, the page's first line: the site's header may print the day it
    is read there ("Tuesday, July 1, 2025" over the masthead), not the story's day."""
    return found.furniture and len(found.dates) == 1 and _WEEKDAY.search(line) is not None


def _printed(hit: DateHit, kind: PrintedKind) -> PrintedDate:
    return PrintedDate(kind, hit.text, hit.date, hit.weekday_clash)


def _kind_before(before: str) -> PrintedKind:
    return "updated" if _UPDATE.search(before) else "line"


def printed_dates(line: str, markers: Markers) -> LineDates:
    """The publication dates ``line`` prints (see the module docstring, steps 1-5)."""
    bare = normalize(markers.undecorate(line))
    embedded = _EMBED_SIGNATURE.search(bare)
    hit = date_only_hit(bare[embedded.end():]) if embedded is not None else None
    if hit is not None:
        return LineDates((_printed(hit, "embed"),), True, "")
    labelled = markers.date_label.match(bare)
    after_label = bare[labelled.end():] if labelled else bare
    kind: PrintedKind = _kind_before(labelled.group(0)) if labelled else "line"
    only = date_only_hit(after_label)
    if only is not None:  # 1.
        return LineDates((_printed(only, kind),), True, "")
    hits = list(scan(bare))
    if not hits:
        return _short_year_post(bare) or _yearless(bare) or LineDates((), False, line.strip())
    first = hits[0]
    lead = bare[:first.start]
    if labelled and first.start == labelled.end():  # 2.
        tail = _SET_APART_AFTER.match(bare, first.end)
        rest = bare[tail.end():].strip() if tail else bare[first.end:].strip()
        furniture = not rest or bool(re.match(r"(?i)by\s", rest))  # "Posted on … by admin"
        return LineDates((_printed(first, kind),), furniture, rest or line.strip())
    short = len(bare) <= BYLINE_MAX_CHARS and not _SENTENCE.search(bare)
    set_apart = _SET_APART_AFTER.match(bare, first.end) is not None
    if short and set_apart and not _OPENERS.sub("", lead):  # 3.
        return LineDates((_printed(first, "line"),), True, "")
    if not _OPENERS.sub("", lead) and _LEAD_DASH.match(bare, first.end):  # 3c.
        return LineDates((_printed(first, "line"),), False, line.strip())
    if _post_header(bare, lead, first):  # 4.
        return LineDates((_printed(first, "post"),), False, line.strip())
    desk = _DESK_DATELINE.match(bare)
    if desk is not None and first.start == desk.start("date") and date_only_hit(desk["date"]):  # 5b.
        return LineDates((_printed(first, "byline"),), False, bare[desk.end():].strip())
    closing, last = _HEADLINE_DATE.search(bare), hits[-1]
    if (closing and last.start == closing.start("date")
            and _TIME_ONLY.fullmatch(bare, last.end, closing.end("date"))):  # 3b.
        return LineDates((_printed(last, "line"),), False, bare[:closing.start()].strip())
    if short and len(bare) - sum(h.end - h.start for h in hits) <= BYLINE_REST_CHARS:  # 5.
        found = tuple(_printed(h, "updated" if _kind_before(bare[:h.start]) == "updated" else "byline")
                      for h in hits if (_LABEL_BEFORE.search(bare[:h.start]) or _BY.match(bare))
                      and _SET_APART_AFTER.match(bare, h.end))
        if found:
            return LineDates(found, True, "")
    return _head_date(bare, first) or LineDates((), False, line.strip())


# A byline of a writer's or desk's name alone before the date that ends the line: one to four
# capitalised words ("News Desk", "Staff Reporter", "Anwar Iqbal"), or the site's domain
# ("example.com 2025/09/28"); a dash or a bar may set the date apart ("Example News - May 28th, 2021").
_DESK = re.compile(r"(?:(?:[A-Z][A-Za-z.'’\-]*\s+){1,4}|[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,6}\s*)"
                   r"(?:[-–—|｜]\s*)?")


# A desk's byline opening the story's first paragraph, its date in brackets: "Web Desk (July 14,
# 2018): The UN Security Council ...", "Staff Reporter (2024-03-05) - ..." (step 5b).
_DESK_DATELINE = re.compile(r"^(?:[A-Z][A-Za-z.'’\-]*\s+){1,4}"
                            r"[(（](?P<date>[^()（）]{6,30})[)）]\s*[:：\-–—]\s+")


def _head_date(bare: str, first: DateHit) -> LineDates | None:
    """Step 7: the first date of a line, after a headline or the site's name, stamped as a page
    stamps its date (a label, a time, ending a short line, or in Japanese a space on both sides)."""
    lead = bare[:first.start]
    after = _HEAD_AFTER.match(bare, first.end)
    if after is None or len(lead) > HEAD_CHARS or _PROSE.search(lead):
        return None
    label = (_LABEL_BEFORE.search(lead) or _POSTED_BY.search(lead)) if lead.strip() else None
    if label is None and _PREPOSITION.search(lead):
        return None
    line_end = after.end() == len(bare) and len(bare) <= BYLINE_MAX_CHARS
    comma = lead.rstrip().endswith(",") and line_end  # "The Example Times, March 5, 2024"
    spaced = not lead or lead[-1].isspace() or comma
    timed = after["time"] is not None
    if not (label or spaced) and (not timed or _HIRAGANA.match(lead[-1])):
        return None  # "国防省は2024年5月1日 10:00の…": a sentence's date
    japanese = _JAPANESE.search(bare) is not None and spaced  # "北海新聞 2024年3月5日 …"
    desk = line_end and _DESK.fullmatch(lead) is not None  # "News Desk October 04, 2017"
    # a headline that ends with its date, after a space: "Burma coup resistance notes August 26, 2023"
    # (a series' post titled by its day; "… on March 5, 2024" is an event's, the preposition says,
    # as is "Talks resumed March 5, 2024", a verb's)
    words = lead.split()
    last = words[-1].casefold() if words else ""
    titled = (line_end and spaced and bool(last) and not _SENTENCE.search(bare)
              and not last.endswith("ed") and last.isalpha())
    if not (label or timed or comma or desk or titled
            or (japanese and (line_end or after.end() < len(bare)))):
        return None
    head = _HEAD_END.sub("", lead[:label.start()] if label else lead).strip().rstrip(",")
    rest = bare[after.end():].strip()
    found = (_printed(first, "head"),)
    if not rest:
        return LineDates(found, not head, head)
    return LineDates(found, False, rest, head)


def _yearless(bare: str) -> LineDates | None:
    """A header line with a day and time but no year: furniture, and a headline it ends is kept."""
    m = _YEARLESS.search(bare)
    if m is None or len(bare) > YEARLESS_LINE_CHARS or "。" in bare:
        return None
    rest = bare[:m.start()].strip()
    month, day = int(m["m"] or m["jm"]), int(m["d"] or m["jd"])
    found = (PrintedDate("yearless", m.group(0).strip(), None, wire=WireDate(month, day, None, m.group(0))),)
    if not rest or _BY.match(rest) or _BYLINE_END.search(m.group(0)):  # "…(フジテレビ系) 3/18(月) 9:22 配信"
        return LineDates(found, True, "")
    return LineDates(found, False, rest)  # "…を発表9月5日 23時04分": the headline stays


def _post_header(bare: str, lead: str, first: DateHit) -> bool:
    """A forum post's header: number, name, date and time, then the poster's ID or a colon
    after the number ("1: 名無し 2025/11/15(土)17:04:07.61 ID:x") -- not a sentence opening with
    a number ("12日、…2024年5月1日の声明で…")."""
    if not _POST.match(bare) or first.start > POST_HEADER_CHARS:
        return False
    timed = _POST_TIME.match(bare, first.end)
    if timed is None:
        return False
    if "ID:" in bare[timed.end():timed.end() + 4]:
        return True  # the poster's ID: a header even when the name has a 。 (名無しさん＠お腹いっぱい。)
    return bool(_POST_COLON.match(bare)) and "。" not in lead and "、" not in lead


def _short_year_post(bare: str) -> LineDates | None:
    """Step 4 for old forum logs, whose post headers print a two-digit year."""
    m = _POST_SHORT_YEAR.search(bare[:POST_HEADER_CHARS + 30])
    if m is None or not _POST.match(bare):
        return None
    hit = DateHit(m.group(0), m.start(), m.end(), valid_day(2000 + int(m["y"]), int(m["m"]), int(m["d"]),
                                                         dt.date.max))
    return LineDates((_printed(hit, "post"),), False, bare)


def wire_printed(paragraph: str) -> PrintedDate | None:
    """Step 6: the date of a wire dateline opening ``paragraph``."""
    found = wire_date(paragraph)
    if found is None:
        return None
    date = found.on(found.year) if found.year is not None else _caption_year(paragraph, found)
    return PrintedDate("wire", found.text, date, wire=found)


def _caption_year(paragraph: str, found: WireDate) -> dt.date | None:
    """A yearless dateline after a photo's caption on the same line takes the caption's year
    when the caption's full date falls at most ``YEARLESS_ANCHOR_DAYS`` before it ("(2023年12月4日
    撮影)。(c)AFP 【12月5日 AFP】")."""
    bare = normalize(paragraph)
    at = bare.find(found.text)
    for hit in scan(bare[:max(at, 0)]):
        if hit.date is None:
            continue
        for year in (hit.date.year, hit.date.year + 1):
            day = found.on(year)
            if day is not None and 0 <= (day - hit.date).days <= YEARLESS_ANCHOR_DAYS:
                return day
    return None


def _refusal(p: PrintedDate, latest: dt.date) -> str | None:
    if p.date is None and p.wire is None:
        return f"the page prints {p.text!r}, which is no calendar date"
    if p.weekday_clash:
        return f"the page prints {p.text!r} with a weekday that is another day's"
    if p.date is not None and p.date > latest:
        return f"the page prints {p.text!r}, after the page was read ({latest.isoformat()})"
    return None


def choose(printed: list[PrintedDate], url: str | None, *, latest: dt.date) -> Published:
    """The page's publication date from what it prints and its URL (cascade in the docstring)."""
    refused: list[str] = []
    usable: list[PrintedDate] = []
    for p in printed:
        why = _refusal(p, latest)
        if why is None:
            usable.append(p)
        else:
            refused.append(why)
    from_url = url_date(url, latest=latest)
    posts = [p.date for p in usable if p.kind == "post" and p.date is not None]
    own = [p for p in usable if p.kind in ("line", "byline", "updated", "head")]
    early = [p for p in own if not p.late]
    if early and early[0].clock and any(_before(p, early[0]) for p in early[1:] if p.kind == "line"):
        early = early[1:]  # the site's clock over the masthead; the story's date line comes after it
    late = [p for p in own if p.late]
    if not early and (len({p.date for p in late}) > 1 or len(late) > FOOTER_DATES):
        late = []  # dates after the story that disagree, or many: a list of other articles, not a footer
    ordered = (
        [p.date for p in early + late if p.kind != "updated"][:1] + ([min(posts)] if posts else [])
        + [p.date for p in early + late if p.kind == "updated"][:1]
        + [_wire_day(p, usable, from_url) for p in usable
           if p.kind == "wire" or (p.kind == "yearless" and not p.late)][:1]
    )
    for day in ordered:
        if day is not None:
            return Published(day, "text")
    if from_url is not None:
        return Published(from_url, "url")
    photo = next((p.date for p in usable if p.kind == "caption" and p.date is not None), None)
    if photo is not None:
        return Published(photo, "caption")
    cited = [p.date for p in usable if p.kind == "cited" and p.date is not None]
    if cited:  # a forum post or blog that ends with its source's link: the source's day
        return Published(cited[-1], "cited")
    embeds = [p.date for p in usable if p.kind == "embed" and p.date is not None]
    if embeds:  # only posts quoted in the page are dated: the earliest, as for comments
        return Published(min(embeds), "text")
    return Published(None, None, refused[0] if refused else None)


# A link alone on a line: a forum post or blog that quotes a story prints its source's address.
_BARE_URL = re.compile(r"https?://\S+")


def cited_date(line: str) -> PrintedDate | None:
    """Step 6 of the choice: the date in the path of a link printed alone on a line, or None."""
    link = line.strip()
    if not _BARE_URL.fullmatch(link):
        return None
    day = url_date(link, latest=dt.date.today())
    return PrintedDate("cited", link, day) if day is not None else None


# A file photo is not the story's day: 資料写真, ファイル写真, "File photo".
_FILE_PHOTO = re.compile(r"資料|ファイル写真|(?i:file (?:photo|picture|image))")


def caption_date(line: str) -> PrintedDate | None:
    """Step 5 of the choice: the date and time a photo caption prints, or None."""
    if _FILE_PHOTO.search(line):
        return None
    bare = normalize(line)
    for hit in scan(bare):
        after = _HEAD_AFTER.match(bare, hit.end)
        timed = after is not None and after["time"] is not None
        if timed or re.match(rf"\s*{TIME}", bare[hit.end:]):
            return _printed(hit, "caption")
    return None


def _before(p: PrintedDate, q: PrintedDate) -> bool:
    return p.date is not None and q.date is not None and p.date < q.date


def _wire_day(wire: PrintedDate, usable: list[PrintedDate], from_url: dt.date | None) -> dt.date | None:
    if wire.date is not None or wire.wire is None:
        return wire.date
    anchor = from_url or next((p.date for p in usable if p.date is not None), None)
    if anchor is None:
        return None
    for year in (anchor.year, anchor.year - 1):  # a dateline of 31 Dec on a page of 1 Jan
        day = wire.wire.on(year)
        if day is not None and day <= anchor + dt.timedelta(days=1):
            far = wire.kind == "yearless" and anchor - day > dt.timedelta(days=YEARLESS_ANCHOR_DAYS)
            return None if far else day
    return None
