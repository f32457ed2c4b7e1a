"""How a stored Document is shown: a JSON-ready dict (``show --json``) and a Rich rendering."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.text import Text

from frontwatch.clean import NO_DATE
from frontwatch.records import Comment, Document


def comment_json(c: Comment) -> dict[str, Any]:
    return {"order": c.order, "author": c.author, "date": c.date.isoformat() if c.date else None,
            "text": c.text, "likes": c.likes, "depth": c.depth}


def document_json(doc: Document) -> dict[str, Any]:
    """The document's parts by kind; ``sections`` keeps every part with its offsets into ``text``."""

    def texts(kind: str) -> list[str]:
        return [s.text for s in doc.sections if s.kind == kind]

    prev, nxt = texts("nav_prev"), texts("nav_next")
    return {
        "doc_id": doc.doc_id,
        "title": doc.title,
        "category": doc.category,
        "published": doc.published.isoformat() if doc.published else None,
        "published_source": doc.published_source,  # "none: <why>" when the page's dates were refused
        "language": doc.language,
        "url": doc.url,
        "source": doc.source,
        "content_hash": doc.content_hash,
        "body": doc.body,
        "references": texts("reference"),
        "credits": texts("credit"),
        "notices": texts("notice"),
        "related": texts("related"),
        "previous": prev[0] if prev else None,
        "next": nxt[0] if nxt else None,
        "related_block": texts("related_block"),
        "trackbacks": texts("trackback"),
        "comments": [comment_json(c) for c in doc.comments],
        "sections": [{"kind": s.kind, "start": s.start, "end": s.end, "language": s.language, "text": s.text}
                     for s in doc.sections],
    }


def print_document(console: Console, doc: Document) -> None:
    published = f"{doc.published} (from {doc.published_source})" if doc.published else "unknown"
    if doc.published is None and doc.published_source and doc.published_source.startswith(NO_DATE):
        published = f"unknown: {doc.published_source[len(NO_DATE):]}"
    console.print(Text(doc.title or "(no title)", style="bold"))
    console.print(Text(f"{doc.doc_id} · {doc.category or 'no category'} · published {published} · "
                       f"{doc.language or '?'}", style="dim"))
    console.print()
    for s in doc.sections:
        if s.kind == "body":
            lang = "" if s.language in (None, doc.language) else f"[{s.language}] "
            console.print(Text(lang + s.text), soft_wrap=False)
            console.print()
    labels = (("reference", "参考"), ("credit", "出典"), ("notice", "告知"), ("related", "関連記事"))
    for kind, label in labels:
        for s in doc.parts(kind):
            console.print(Text(f"{label}: ", style="cyan") + Text(s.text))
    if doc.comments:
        console.print()
        console.print(Text(f"{len(doc.comments)} comments", style="bold"))
        for c in doc.comments:
            pad = "  " * (c.depth + 1)
            meta = " · ".join(x for x in (c.author or "(anonymous)", str(c.date or ""),
                                          f"♥ {c.likes}" if c.likes is not None else "") if x)
            console.print(Text(pad + meta, style="dim"))
            for line in c.text.split("\n"):
                console.print(Text(pad + line))


# What a reader calls each part of a page (search hits name the part they were found in).
PART_LABELS = {
    "title": "title", "category": "category", "body": "article", "reference": "reference",
    "credit": "credit", "notice": "notice", "related": "related link", "nav_prev": "previous-page link",
    "nav_next": "next-page link", "related_block": "related articles", "trackback": "trackback",
    "chrome": "page furniture", "comment": "reader comment",
}


def part_label(kind: str) -> str:
    return PART_LABELS.get(kind.lower(), kind.lower().replace("_", " "))
