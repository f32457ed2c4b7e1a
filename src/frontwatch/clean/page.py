"""A page's text -> its parts, in page order.

A page of the blog genre reads top to bottom as::

    category            欧州関連 (a short label ending in 関連)
    title               the headline: a short line that is not a sentence
    article             body paragraphs, 参考: headlines, 出典: credits, 告知:/お知らせ: notices,
                        関連記事: links, ending with the eye-catch image credit
    navigation          "<title>前のページ", "<title>次のページ"
    related block       "関連記事" header, then numbered cards: category, title, teaser
    comments            "コメント" header, then the thread (see ``comments.py``)
    trackbacks          "この記事へのトラックバックは…" and, after it, sidebar widgets (chrome)

The cascade that splits it:

1. Find the regions' openers: the related-block header, the comments header (only when a
   comment list follows it) and the trackback line. The article is what comes before the first.
2. In the article, the first line may be a category (a 関連 label, or a one-word label
   followed by a headline and then a sentence); the next line is the title when it looks
   like one (``looks_like_title``). A page with neither starts with its body.
3. Each article line is, first match wins: chrome ("PAGE TOP"), a marked part (prefix table
   in ``data/clean/markers.toml``), a navigation title (suffix table), a date line, body.
4. After the eye-catch credit the article is over: plain lines there are reader comments
   when the page has no comments header (themes that print comments without any markers),
   and page chrome otherwise.
5. The related block gives one part per card (its title); the thread gives comments; what
   follows the trackback line is chrome.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import cast

from frontwatch.clean.comments import NUMBERED, parse_comment_thread, plain_comments
from frontwatch.clean.dates import dateline
from frontwatch.clean.markers import Markers
from frontwatch.clean.published import (
    WIRE_PARAGRAPHS,
    LineDates,
    PrintedDate,
    caption_date,
    cited_date,
    printed_dates,
    site_clock,
    wire_printed,
)
from frontwatch.clean.title import (
    DATED_TITLE_MIN_CHARS,
    HEADLINE_MIN_WORDS,
    JAPANESE,
    OPEN_ENDS,
    SOFT_END,
    TITLE_MAX_CHARS,
    TITLE_SEARCH_LINES,
    is_paragraph,
    is_site_label,
    looks_like_title,
    next_dated,
    title_at,
    wrapped,
)
from frontwatch.records import Comment, SectionKind

# The trackback notice is one short line; a long line that mentions trackbacks is a paragraph.
TRACKBACK_MAX_CHARS = 60
# Category labels on related-article cards are a word or two ("欧州関連", "Analysis").
CARD_LABEL_MAX_CHARS = 12
# A section or site name in Latin letters: up to three capitalised words ("The Korea Times").
_SITE_LABEL = re.compile(r"^(?:The\s+)?[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,2}$")
_BRACKETED = re.compile(r"[【\[]\s*(.+?)\s*[】\]]")
LIST_MARKER = re.compile(r"^\s*(\d{1,4}[.)]|[•●◦▪])\s+")
BULLET = re.compile(r"^\s*[•●◦▪]\s+")


@dataclass(frozen=True, slots=True)
class Part:
    kind: SectionKind
    text: str


@dataclass
class Page:
    parts: list[Part] = field(default_factory=list)
    comments: tuple[Comment, ...] = ()
    title: str | None = None
    category: str | None = None
    printed: list[PrintedDate] = field(default_factory=list)  # dates the article prints as its own


def split_page(text: str, markers: Markers, *, title: str | None = None) -> Page:
    """The parts of a rendered page. ``title`` comes from metadata when the caller knows it."""
    lines = text.split("\n")
    n = len(lines)
    comments_at = _find(lines, 0, n, lambda i: lines[i].strip() in markers.comment_summaries or (
        markers.is_comments_header(lines[i]) and _list_follows(lines, i)))
    trackback_at = _find(lines, comments_at or 0, n, lambda i: _is_trackback(lines[i], markers))
    tail = min(x for x in (comments_at, trackback_at, n) if x is not None)
    # a list header above the story ("最新記事" as the site's menu label over the headline) is
    # navigation: the story's related block starts after at least one of its paragraphs
    related_at = _find(lines, 0, tail, lambda i: lines[i].strip() in markers.related_headers
                       and any(is_paragraph(line) for line in lines[:i]))
    end = related_at if related_at is not None else tail

    page = Page(title=title)
    if title:
        page.parts.append(Part("title", title))
    plain_tail = _article(lines[:end], markers, page, has_thread=comments_at is not None)
    if related_at is not None:
        page.parts.extend(_cards(lines[related_at + 1 : tail], markers, "related_block"))
    rest = trackback_at
    if comments_at is not None:
        stop = trackback_at if trackback_at is not None else _find(
            lines, comments_at + 1, n, lambda i: lines[i].strip() in markers.chrome_lines) or n
        page.comments = parse_comment_thread(lines[comments_at + 1 : stop], buttons=markers.comment_buttons)
        rest = stop
    else:
        page.comments = plain_comments(plain_tail)
    if trackback_at is not None:
        page.parts.append(Part("trackback", LIST_MARKER.sub("", lines[trackback_at]).strip()))
        rest = trackback_at + 1
    if rest is not None:
        page.parts.extend(_cards(lines[rest:], markers, "chrome"))
    return page


def _credit_lines(lines: list[str], furniture: set[int], markers: Markers
                  ) -> tuple[list[str], set[int], set[int]]:
    """A line that opens with a photo caption or a map label and goes on with a wire story's
    opening credit (…ベラルーシ【ウィーン、キーウ共同】ルーマニア国防省は…) becomes two lines: the
    caption (a credit part, never coded) and the story. The lines, the furniture indexes moved
    with them, and the captions' indexes."""
    out: list[str] = []
    moved: set[int] = set()
    captions: set[int] = set()
    for i, line in enumerate(lines):
        if i in furniture:
            moved.add(len(out))
        at = markers.caption_before_credit(line) if i not in furniture else 0
        if at:
            captions.add(len(out))
            out.extend((line[:at].rstrip(), line[at:]))
        else:
            out.append(line)
    return out, moved, captions


def _find(lines: list[str], start: int, stop: int, test: Callable[[int], bool]) -> int | None:
    """The first non-blank line in ``lines[start:stop]`` whose index passes ``test``."""
    for i in range(start, stop):
        if lines[i].strip() and test(i):
            return i
    return None


def _list_follows(lines: list[str], i: int) -> bool:
    for line in lines[i + 1 :]:
        if line.strip():
            return bool(LIST_MARKER.match(line))
    return False


def _is_trackback(line: str, markers: Markers) -> bool:
    bare = LIST_MARKER.sub("", line).strip()
    return len(bare) <= TRACKBACK_MAX_CHARS and bool(markers.trackback.search(bare))


def _article(lines: list[str], markers: Markers, page: Page, *, has_thread: bool) -> list[str]:
    """Fill ``page`` from the article lines; return plain lines after the article's end."""
    lines, furniture = _take_dates(lines, {i for i, ln in enumerate(lines) if ln.strip()}, markers, page)
    lines, furniture, captions = _credit_lines(lines, furniture, markers)
    furniture |= captions  # a caption is never the title or the story
    nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
    content = [i for i in nonblank if i not in furniture and not markers.is_chrome(lines[i])]
    heads: list[SectionKind] = []
    if content and _is_category(lines, content, markers, has_title=page.title is not None):
        page.category = lines[content[0]].strip()
        heads.append("category")
    first = len(heads)
    head_at = {content[k]: kind for k, kind in enumerate(heads)}
    if page.title is None:
        at = title_at(lines, content[first:], furniture, markers)
        if at is not None:
            page.title = lines[at].strip()
            head_at[at] = "title"
            above = [i for i in content[first:] if i < at]
            if next_dated(lines, at, furniture, markers) or all(is_site_label(lines[i]) for i in above):
                head_at.update({i: "chrome" for i in above})  # the site's labels and forms above it
    for i in content[first:TITLE_SEARCH_LINES]:  # the site's labels over the story: never body
        if i in head_at or not is_site_label(lines[i]):
            break
        head_at[i] = "chrome"
    ended, opened, after_end, previous = False, False, [], -2
    for i in nonblank:
        line = lines[i].strip()
        if i in head_at or i in furniture:
            page.parts.append(Part(head_at.get(i, "credit" if i in captions else "chrome"), line))
            continue
        if page.title is not None and _printed_twice(line, page):
            continue
        kind, text = _classify(line, markers, page)
        if kind == "body" and (opened or _inline_headline(lines, i, nonblank, markers, page)):
            kind = "credit" if opened else "related"  # "画像説明," / "Image caption," then the caption
        if kind == "body" and not ended and _teaser(line):
            kind = "related"  # (after the article's end a reader's line may trail off too)
        opened = kind == "credit" and not text
        if ended and kind == "body":
            if not has_thread:
                after_end.append(lines[i])
                continue
            kind = "chrome"
        if kind == "credit" and markers.article_end.search(line):
            ended = True
        if kind == "body" and previous == i - 1 and page.parts and _continues(page.parts[-1], text):
            page.parts[-1] = Part("body", page.parts[-1].text + " " + text)
            previous = i
        elif text:
            page.parts.append(Part(kind, text))
            previous = i
    return after_end


def _printed_twice(line: str, page: Page) -> bool:
    """The headline printed again (in other quotes or widths: chrome), or printed whole after
    the title line glued it to the site's labels ("ホームニュース【…】…": the line is the title)."""
    title = _plain(page.title or "")
    plain = _plain(line)
    if plain == title:
        page.parts.append(Part("chrome", line))
        return True
    if (len(plain) < DATED_TITLE_MIN_CHARS or not title.endswith(plain)
            or any(p.kind == "body" for p in page.parts)):
        return False
    page.parts[:] = [Part("chrome", p.text) if p.kind == "title" else p for p in page.parts]
    page.parts.append(Part("title", line))
    page.title = line
    return True


def _plain(text: str) -> str:
    return re.sub(r"[\s\"”“'’‘]", "", unicodedata.normalize("NFKC", text))


def _inline_headline(lines: list[str], i: int, nonblank: list[int], markers: Markers, page: Page) -> bool:
    """An English headline that is not the page's title: no story sentence (rule en-page).

    1. A bulleted headline ("• Moscow court remands U.S. citizen in custody"): a story's
       highlights above it or a list of related stories.
    2. A headline between the story's paragraphs, each printed as one long line ("Tensions
       rise after ships collide near disputed shoal"): a related-story link or a subheading
       whose story the next paragraph tells. A hard-wrapped paragraph's first line is not
       one: its neighbours are short lines too, or it ends on an open word ("of", "the").
    """
    bare = lines[i].strip()
    if JAPANESE.search(bare) or not re.search(r"[A-Za-z]", bare):
        return False
    if BULLET.match(bare):
        return _headline_words(BULLET.sub("", bare), markers)
    if not any(p.kind == "body" for p in page.parts) or not _headline_words(bare, markers):
        return False
    k = nonblank.index(i)
    before = lines[nonblank[k - 1]].strip() if k > 0 else ""
    after = lines[nonblank[k + 1]].strip() if k + 1 < len(nonblank) else ""
    if not after or after[:1].islower() or not before.endswith(SOFT_END):
        return False  # the page's last line may be a paragraph cut short
    return max(len(before), len(after)) > TITLE_MAX_CHARS


def _headline_words(text: str, markers: Markers) -> bool:
    words = text.split()
    return (len(words) >= HEADLINE_MIN_WORDS and looks_like_title(text, markers)
            and not text.endswith(SOFT_END) and words[-1].casefold() not in OPEN_ENDS)


def _take_dates(lines: list[str], nonblank: set[int], markers: Markers, page: Page
                ) -> tuple[list[str], set[int]]:
    """Record the dates the article lines print as the page's; return the lines without a leading
    labelled date (a line cut at a head date becomes two: its headline, then the story) and the
    indexes, in the returned lines, of lines that are only a date or a byline."""
    out: list[str] = []
    furniture: set[int] = set()
    paragraph_seen = seen = False
    for i, raw in enumerate(lines):
        line = raw.strip()
        cited = cited_date(line) if i in nonblank else None
        if cited is not None:  # the day of the source a post quotes, printed as a bare link
            page.printed.append(cited)
        chrome = markers.is_chrome(line) and not _bracketed_date(line, markers)
        if i not in nonblank or chrome or markers.nav(line):
            out.append(raw)
            continue
        found = printed_dates(line, markers)
        photo = caption_date(line) if not found.dates and markers.is_caption(line) else None
        if photo is not None:  # the day the photo was taken: the last choice (published.choose)
            page.printed.append(photo)
        if paragraph_seen and any(d.kind == "head" for d in found.dates):
            found = LineDates((), False, line)  # under the story a date after a headline is a list's
        clock = not seen and site_clock(line, found)
        seen = True
        page.printed.extend(replace(d, late=paragraph_seen, clock=clock) for d in found.dates)
        if markers.prefixed(line):  # "Source: Xinhua | 2018-03-31": the date counts, the part stays
            out.append(raw)
            continue
        if found.head:  # a page read as one line: its headline, then the story after the head date
            out.append(found.head)
        if found.furniture:
            furniture.add(len(out))
        out.append(found.rest if not found.furniture and found.rest != line else raw)
        paragraph_seen = paragraph_seen or (not found.furniture and is_paragraph(found.rest))
    return out, furniture


def _bracketed_date(line: str, markers: Markers) -> bool:
    """A date line in tag brackets ("【2024年3月5日】"): a date, though it looks like a tag row."""
    m = _BRACKETED.fullmatch(line.strip())
    return m is not None and dateline(m.group(1), markers) is not None


def _is_category(lines: list[str], nonblank: list[int], markers: Markers, *, has_title: bool) -> bool:
    """欧州関連-style labels always; another short label (a section or the site's name: "Asia",
    "The Korea Times") only when a headline follows it."""
    first = lines[nonblank[0]].strip()
    if markers.category.match(first):
        return True
    if has_title or len(nonblank) < 3 or not (_is_label(first, markers) or _SITE_LABEL.match(first)):
        return False
    return looks_like_title(lines[nonblank[1]], markers) and not looks_like_title(lines[nonblank[2]], markers)


def _classify(line: str, markers: Markers, page: Page) -> tuple[SectionKind, str]:
    if markers.is_chrome(line):
        return "chrome", line
    marked = markers.prefixed(line)
    if marked is not None:
        return cast(SectionKind, marked[0]), marked[1]
    nav = markers.nav(line)
    if nav is not None:
        return cast(SectionKind, nav[0]), nav[1]
    if markers.is_caption(line):
        return "credit", line
    paragraphs = sum(1 for p in page.parts if p.kind == "body")
    if paragraphs < WIRE_PARAGRAPHS and (wire := wire_printed(line)) is not None:
        page.printed.append(wire)  # the line stays body: the story goes on after the dateline
    return "body", line


def _teaser(line: str) -> bool:
    """A link's teaser cut short ("…では2月に...", "Troops said the…"): it ends on an ellipsis
    before any sentence of it ends (3 dev pages: 603 757 853); a story's paragraph cut at a
    paywall keeps its sentences."""
    bare = line.strip()
    return bare.endswith(("…", "...")) and not re.search(r"[。!?！？]|\.\s", bare.rstrip(".…"))


def _continues(previous: Part, text: str) -> bool:
    """A hard-wrapped English paragraph: the line before did not end, and this one starts in lower
    case or the line before ended on an open word ("of", "the")."""
    if previous.kind != "body" or previous.text.endswith(SOFT_END) or not text[:1].isascii():
        return False
    return text[:1].islower() or wrapped(previous.text)  # "...in the village of" / "Mainari on..."


def _cards(lines: list[str], markers: Markers, kind: SectionKind) -> list[Part]:
    """One part per numbered card (its title, after any category label); other lines as chrome."""
    parts: list[Part] = []
    card: list[str] = []
    in_card = False

    def close() -> None:
        if card:
            label = len(card) > 1 and _is_label(card[0], markers)
            parts.append(Part(kind, card[1] if label else card[0]))
        card.clear()

    for line in lines:
        if not line.strip():
            continue
        numbered = NUMBERED.match(line)
        if numbered:
            close()
            in_card = True
            card.append(numbered["text"].strip())
        elif in_card and line[:1].isspace():
            card.append(line.strip())
        else:
            close()
            in_card = False
            parts.append(Part("chrome", line.strip()))
    close()
    return parts


def _is_label(text: str, markers: Markers) -> bool:
    """A card's category label: 欧州関連, or any short line without punctuation."""
    return bool(markers.category.match(text)) or (
        len(text) <= CARD_LABEL_MAX_CHARS and not re.search(r"[、。,.!?！？「」:：\s]", text))
