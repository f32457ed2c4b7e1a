"""Raw text or HTML -> a Document with its parts, clean text and publication date.

``parse`` needs a :class:`RawDocument` and adds: sections (title, category, body,
references, credits, notices, related links, navigation, related cards, trackbacks,
chrome) with their language and offsets into the clean text, reader comments, the
publication date with its source, the main language and the content hash.

The publication date, first match wins:

1. Given with the document: a JSONL ``published`` field ("jsonl"), a feed entry's date
   ("feed", ``ingest/feed_dates.py``), other metadata ("metadata").
2. The HTML page's own metadata, read by htmldate through trafilatura ("metadata"); one after
   the day the page was read is refused.
3. The date the article prints as its own: a date line, byline, head date, forum post header or wire
   dateline ("text"), else the date in the page's URL ("url"), a 2ch/5ch thread key in it
   included; see ``published.py``. Failing both, the day a photo caption says the story's photo
   was taken ("caption"), else the date in the path of the source link a forum post or blog
   prints alone on a line ("cited").
4. The earliest reader-comment date ("comments"): a comment cannot predate its article.
5. None; when the page printed only dates that cannot be its own (2月30日, a date after the
   page was read, a weekday that is another day's), ``published_source`` is "none: <why>".
"""

from __future__ import annotations

import datetime as dt
import hashlib

from frontwatch.clean.html import parse_html
from frontwatch.clean.language import detect_language, main_language
from frontwatch.clean.markers import load_markers
from frontwatch.clean.page import Page, split_page
from frontwatch.clean.published import choose
from frontwatch.records import Document, RawDocument, Section

__all__ = ["NO_DATE", "content_hash", "parse"]

# ``published_source`` of a page that printed dates but none that can be its own: the reason follows.
NO_DATE = "none: "


def parse(raw: RawDocument, *, today: dt.date | None = None) -> Document:
    """``today``: the day the page was read; a printed date after it is refused (default: today)."""
    markers = load_markers()
    meta_date: dt.date | None = None
    if raw.content_type == "html":
        parsed = parse_html(raw.content, markers, raw.url)
        page, meta_date = parsed.page, parsed.published
    else:
        page = split_page(raw.content, markers)
    coded = [p.text for p in page.parts if p.kind in ("title", "body")]
    page_language = raw.language or main_language(coded)
    sections, offset = [], 0
    for part in page.parts:
        sections.append(Section(
            kind=part.kind, text=part.text, start=offset, end=offset + len(part.text),
            language=detect_language(part.text, page_language=page_language),
        ))
        offset += len(part.text) + 1
    published, source = _published(raw, page, meta_date, today or dt.date.today())
    return Document(
        doc_id=raw.doc_id,
        text="\n".join(p.text for p in page.parts),
        sections=tuple(sections),
        comments=page.comments,
        title=page.title,
        category=page.category,
        published=published,
        published_source=source,
        language=page_language,
        url=raw.url,
        source=raw.source,
        content_hash=content_hash(raw),
    )


def content_hash(raw: RawDocument) -> str:
    """sha256 of what was read (kind, decoded content and given metadata), whatever its encoding."""
    digest = hashlib.sha256()
    for piece in (raw.content_type, raw.content, raw.url or "", str(raw.published or ""), raw.language or ""):
        digest.update(piece.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


def _published(raw: RawDocument, page: Page, meta_date: dt.date | None,
               today: dt.date) -> tuple[dt.date | None, str | None]:
    if raw.published is not None:
        return raw.published, raw.published_source or "metadata"
    if meta_date is not None and meta_date <= today:
        return meta_date, "metadata"
    found = choose(page.printed, raw.url, latest=today)
    if found.date is not None:
        return found.date, found.source
    dates = [c.date for c in page.comments if c.date is not None and c.date <= today]
    if dates:
        return min(dates), "comments"
    if found.reason is not None:
        return None, f"{NO_DATE}{found.reason}"
    return None, None
