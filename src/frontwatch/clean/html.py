"""HTML pages: trafilatura finds the main text and the comments; the text rules do the rest.

1. trafilatura extracts the title, the publication date from the page's metadata
   (no guessing from the text: that is left to the date-line rule), the main text and
   the comment area.
2. The main text goes through the same line rules as a text page (``page.split_page``),
   with the title already known.
3. Comments: threads marked up the WordPress way (``li.comment`` with ``comment-author``,
   ``time``/``comment-date`` and ``comment-content``) keep author, date and depth; otherwise
   each line of trafilatura's comment text is one comment.
4. When trafilatura finds nothing, the page's visible text is read as a text page.

Before step 1, a page nested deeper than libxml2 parses by default (256 levels) is parsed with
``huge_tree`` and its nesting below ``MAX_DEPTH`` flattened into text with line breaks, so the
text past that depth is kept instead of silently dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import lxml.html  # type: ignore[import-untyped]  # lxml ships no type information
import trafilatura

from frontwatch.clean.comments import plain_comments
from frontwatch.clean.dates import find_date
from frontwatch.clean.markers import Markers
from frontwatch.clean.page import Page, split_page
from frontwatch.errors import InputError
from frontwatch.ingest.jsonl import parse_iso_date
from frontwatch.records import Comment

_DATE_PARAMS = {"extensive_search": False, "original_date": True}
# C0 controls other than tab, newline and carriage return, and non-characters: not allowed in XML/lxml text
_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# libxml2 stops at 256 levels without XML_PARSE_HUGE; flatten below this depth, with room to spare.
MAX_DEPTH = 200
HUGE_DEPTH = 2048  # libxml2's limit with huge_tree: deeper pages are refused, not cut
_BLOCKS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
                     "article", "blockquote", "pre", "dd", "dt", "table", "ul", "ol"})
_COMMENT_XPATH = ("//*[contains(concat(' ', normalize-space(@class), ' '), ' comment ')]"
                  "[.//*[contains(@class, 'comment-content') or contains(@class, 'comment-text')]]")


@dataclass(frozen=True, slots=True)
class HtmlPage:
    page: Page
    published: dt.date | None  # from the page's metadata


def parse_html(html: str, markers: Markers, url: str | None = None) -> HtmlPage:
    html = _XML_UNSAFE.sub("", html)  # lxml refuses these characters; they carry nothing in a page
    html = _shallow(html)
    try:
        result = trafilatura.bare_extraction(
            html, url=url, include_comments=True, with_metadata=True, date_extraction_params=_DATE_PARAMS
        )
    except (AssertionError, ValueError, lxml.etree.LxmlError):
        # htmldate asserts on a <script> left as the tree's root ("</html><body><script>..."):
        # such a page is read as visible text below
        result = None
    data: dict[str, Any] = {} if result is None else result if isinstance(result, dict) else result.as_dict()
    if not str(data.get("text") or "").strip():
        return HtmlPage(split_page(_visible_text(html), markers), None)
    title = str(data.get("title") or "").strip() or None
    lines = str(data["text"]).split("\n")
    if title and lines and lines[0].strip() == title:
        lines = lines[1:]
    page = split_page("\n".join(lines), markers, title=title)
    if data.get("categories") and page.category is None:
        page.category = str(data["categories"][0])
    page.comments = _structured_comments(html) or _comment_lines(str(data.get("comments") or ""), markers)
    published = parse_iso_date(str(data["date"])) if data.get("date") else None
    return HtmlPage(page, published)


def _shallow(html: str) -> str:
    """``html`` itself, or, when nested past libxml2's default depth, re-serialised with the
    nesting below ``MAX_DEPTH`` flattened into text (a line break after each block)."""
    parser = lxml.html.HTMLParser()
    try:
        lxml.html.fromstring(html, parser=parser)
    except (ValueError, lxml.etree.LxmlError):
        return html
    if not any("Excessive depth" in e.message for e in parser.error_log):
        return html
    huge = lxml.html.HTMLParser(huge_tree=True)
    root = lxml.html.fromstring(html, parser=huge)
    if any("Excessive depth" in e.message for e in huge.error_log):
        raise InputError(f"the page is nested more than {HUGE_DEPTH} levels deep, past what the HTML "
                         "parser reads; its text cannot be extracted whole, so it is not stored")
    stack = [(root, 0)]
    while stack:  # iterative: a recursive walk would meet Python's own depth limit
        node, depth = stack.pop()
        if depth < MAX_DEPTH:
            stack.extend((child, depth + 1) for child in node)
            continue
        for inner in node.iterdescendants():
            if isinstance(inner.tag, str) and inner.tag.lower() in _BLOCKS:
                inner.tail = "\n" + (inner.tail or "")
        lxml.etree.strip_tags(node, "*")
    flat: str = lxml.html.tostring(root, encoding="unicode")
    return flat


def _visible_text(html: str) -> str:
    try:
        root = lxml.html.fromstring(html)
        for bad in root.xpath("//script|//style|//noscript"):
            bad.drop_tree()
        return "\n".join(t.strip() for t in root.itertext() if t.strip())
    except (ValueError, lxml.etree.LxmlError):  # e.g. a page that is only a comment or CDATA
        return html


def _comment_lines(text: str, markers: Markers) -> tuple[Comment, ...]:
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if lines and markers.is_comments_header(lines[0]):
        lines = lines[1:]
    return plain_comments(lines)


def _structured_comments(html: str) -> tuple[Comment, ...]:
    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ()
    found = root.xpath(_COMMENT_XPATH)
    comments = []
    for order, node in enumerate(found):
        content = _first(node, "comment-content", "comment-text")
        text = "\n".join(t.strip() for t in content.itertext() if t.strip()) if content is not None else ""
        author_node = _first(node, "comment-author", "fn")
        author = " ".join(author_node.text_content().split()) if author_node is not None else None
        comments.append(Comment(
            order=order, text=text, author=author or None, date=_comment_date(node),
            depth=sum(1 for a in node.iterancestors() if a in found),
        ))
    return tuple(comments)


def _first(node: lxml.html.HtmlElement, *classes: str) -> lxml.html.HtmlElement | None:
    """The first element of ``node``'s own (not a reply's) with one of ``classes``, in that preference."""
    for cls in classes:
        own = [h for h in node.xpath(f".//*[contains(@class, '{cls}')]") if _owner(h, node)]
        if own:
            return own[0]
    return None


def _owner(hit: lxml.html.HtmlElement, node: lxml.html.HtmlElement) -> bool:
    """``hit`` belongs to ``node`` itself, not to a nested reply."""
    for anc in hit.iterancestors():
        if anc is node:
            return True
        if " comment " in f" {anc.get('class', '')} ":
            return False
    return False


def _comment_date(node: lxml.html.HtmlElement) -> dt.date | None:
    for time in node.xpath(".//time"):
        if _owner(time, node):
            stamp = time.get("datetime")
            return parse_iso_date(stamp) if stamp else find_date(time.text_content())
    meta = _first(node, "comment-date", "comment-metadata")
    return find_date(meta.text_content()) if meta is not None else None
