"""Shared by every backend: how records become rows and rows become records again.

A backend stores four things per document version (the version row, its sections,
its comments, the current version's searchable texts) and three per event (the full
record as JSON, its party rows, its place rows). Keeping the translation here means
SQLite, PostgreSQL and the in-memory fake agree on every detail: the content hash of
a document without one, which codes an event carries in which role, how a search
query splits into terms, how a snippet is cut.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from dataclasses import dataclass, fields, is_dataclass
from pathlib import PurePath
from typing import Any
from urllib.parse import urlsplit

from frontwatch.records import Comment, Document, Event, Section

# Roles of an event's side-table rows; the party filter is actor OR recipient.
ROLE_ACTOR = "actor"
ROLE_RECIPIENT = "recipient"
ROLE_CLAIMANT = "claimed_by"
# actor OR recipient, stored as its own rows so that the party filter reads one index range
ROLE_PARTY = "party"

# Characters of context kept on each side of a search match in a snippet.
SNIPPET_CONTEXT = 40
# Order of search hits by where the match is: a title says more than a body, a
# body more than a reader comment.
KIND_RANK = {"title": 0, "body": 1, "comment": 3}
OTHER_KIND_RANK = 2


def content_hash(doc: Document) -> str:
    """The document's own hash, or the sha256 of its clean text when it has none."""
    if doc.content_hash:
        return doc.content_hash
    return hashlib.sha256(doc.text.encode("utf-8")).hexdigest()


# The site of a document with neither a web address nor a file folder.
LOCAL_SITE = "local file"


def document_site(url: str | None, source: str | None) -> str:
    """Where a document came from, as the dashboard's source filter names it: the host of its
    URL (``www.`` dropped), else of the address it was read from; "files in corpus/" for one
    read from a file with no address; ``LOCAL_SITE`` when neither is known."""
    for address in (url, source):
        if address and address.startswith(("http://", "https://")):
            try:
                host = urlsplit(address).hostname or ""
            except ValueError:  # a malformed address (bad port, bracket) names no host
                host = ""
            return host.removeprefix("www.") or LOCAL_SITE
    folder = PurePath(source).parent.name if source else ""
    return f"files in {folder}/" if folder else LOCAL_SITE


def iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d is not None else None


def from_iso(s: str | dt.date | None) -> dt.date | None:
    if s is None:
        return None
    if isinstance(s, dt.date):
        return s
    return dt.date.fromisoformat(s)


@dataclass(frozen=True, slots=True)
class VersionRow:
    doc_id: str
    content_hash: str
    text: str
    title: str | None
    category: str | None
    published: str | None
    published_source: str | None
    language: str | None
    url: str | None
    source: str | None


def version_row(doc: Document) -> VersionRow:
    return VersionRow(
        doc_id=doc.doc_id,
        content_hash=content_hash(doc),
        text=doc.text,
        title=doc.title,
        category=doc.category,
        published=iso(doc.published),
        published_source=doc.published_source,
        language=doc.language,
        url=doc.url,
        source=doc.source,
    )


def section_rows(doc: Document) -> list[tuple[int, str, str, int, int, str | None, str | None]]:
    """(ord, kind, text, start, end, language, url) per section."""
    return [(i, s.kind, s.text, s.start, s.end, s.language, s.url) for i, s in enumerate(doc.sections)]


def comment_rows(doc: Document) -> list[tuple[int, str, str | None, str | None, int | None, int]]:
    """(ord, text, author, date, likes, depth) per comment."""
    return [(c.order, c.text, c.author, iso(c.date), c.likes, c.depth) for c in doc.comments]


def search_rows(doc: Document) -> list[tuple[str, int, str]]:
    """(kind, ord, text) of everything full-text search covers: sections and comments."""
    rows: list[tuple[str, int, str]] = [
        (s.kind, i, s.text) for i, s in enumerate(doc.sections) if s.text.strip()
    ]
    rows += [("comment", c.order, c.text) for c in doc.comments if c.text.strip()]
    return rows


def make_section(row: tuple[Any, ...]) -> Section:
    kind, text, start, end, language, url = row
    return Section(kind=kind, text=text, start=int(start), end=int(end), language=language, url=url)


def make_comment(row: tuple[Any, ...]) -> Comment:
    order, text, author, date, likes, depth = row
    return Comment(
        order=int(order), text=text, author=author, date=from_iso(date), likes=likes, depth=int(depth)
    )


def make_document(v: VersionRow, sections: list[Section], comments: list[Comment]) -> Document:
    return Document(
        doc_id=v.doc_id,
        text=v.text,
        sections=tuple(sections),
        comments=tuple(comments),
        title=v.title,
        category=v.category,
        published=from_iso(v.published),
        published_source=v.published_source,
        language=v.language,
        url=v.url,
        source=v.source,
        content_hash=v.content_hash,
    )


def event_record(e: Event) -> str:
    """The full record, explanation included, as the JSON text a backend keeps."""
    return json.dumps(event_dict(e), ensure_ascii=False, separators=(",", ":"))


def event_dict(e: Event) -> dict[str, Any]:
    """What ``e.to_json(explain=True)`` gives once through JSON, built without deep copies.

    ``dataclasses.asdict`` deep-copies every value and was half the cost of a put; this
    walks the same fields (new fields included) and applies to_json's rules: no horizon for an
    event that is not possible, and no ``joined`` (the coder's own note of merged mentions).
    """
    d: dict[str, Any] = {f.name: _plain(getattr(e, f.name)) for f in fields(e)}
    d.pop("joined", None)
    why = d.pop("explanation")
    if e.factuality != "possible" and e.horizon is None:
        d.pop("horizon")
        d.pop("horizon_days")
    if why is not None:
        d["explanation"] = why
    return d


_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def _plain(value: Any) -> Any:
    t = type(value)
    if t is tuple or t is list:
        return [_plain(v) for v in value]
    if t not in _FIELD_NAMES:
        is_record = is_dataclass(value) and not isinstance(value, type)
        _FIELD_NAMES[t] = tuple(f.name for f in fields(value)) if is_record else None
    names = _FIELD_NAMES[t]
    if names is None:
        return value
    return {n: _plain(getattr(value, n)) for n in names}


def event_from_record(record: str | dict[str, Any]) -> Event:
    return Event.from_json(json.loads(record) if isinstance(record, str) else record)


def party_rows(e: Event) -> list[tuple[str, str]]:
    """(role, code) for every coded actor, recipient and claimant, without repeats.

    Each actor or recipient code also gets a ``party`` row.
    """
    seen: dict[tuple[str, str], None] = {}
    for role, entities in (
        (ROLE_ACTOR, e.actor),
        (ROLE_RECIPIENT, e.recipient),
        (ROLE_CLAIMANT, e.claimed_by),
    ):
        for ent in entities:
            if ent.code:
                seen[(role, ent.code)] = None
    for role, code in list(seen):
        if role in (ROLE_ACTOR, ROLE_RECIPIENT):
            seen[(ROLE_PARTY, code)] = None
    return list(seen)


def place_rows(e: Event) -> list[tuple[str | None, float | None, float | None]]:
    """(country, lat, lon) for every place of the event that has a country or coordinates."""
    seen: dict[tuple[str | None, float | None, float | None], None] = {}
    for p in e.event_loc:
        if p.country or (p.lat is not None and p.lon is not None):
            seen[(p.country, p.lat, p.lon)] = None
    return list(seen)


def country_rows(e: Event) -> list[str]:
    """The distinct countries of the event's places."""
    return list(dict.fromkeys(p.country for p in e.event_loc if p.country))


def coordinate_rows(e: Event) -> list[tuple[float, float]]:
    """The distinct (lat, lon) of the event's places that have coordinates."""
    return list(dict.fromkeys((p.lat, p.lon) for p in e.event_loc if p.lat is not None and p.lon is not None))


def cell_of(lat: float, lon: float) -> int:
    """The 1-degree grid cell holding (lat, lon): the bbox filter's coarse index."""
    return (math.floor(lat) + 90) * 360 + (math.floor(lon) + 180)


def cells_of(bbox: tuple[float, float, float, float]) -> list[int]:
    """Every grid cell a (min_lon, min_lat, max_lon, max_lat) box touches."""
    min_lon, min_lat, max_lon, max_lat = bbox
    return [
        cell_of(lat, lon)
        for lat in range(math.floor(min_lat), math.floor(max_lat) + 1)
        for lon in range(math.floor(min_lon), math.floor(max_lon) + 1)
    ]


def side_date(e: Event) -> str:
    """The event's date as side tables keep it: '' when undated, so that it sorts last."""
    return e.date or ""


def search_terms(query: str) -> list[str]:
    """The whitespace-separated terms of a search; every one must occur in a hit."""
    return [t for t in query.split() if t]


def like_pattern(term: str) -> str:
    """A LIKE pattern for 'contains term', with the wildcards in the term escaped by '\\'."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def contains(text: str, term: str) -> bool:
    """Substring test with the same case rule as the databases' LIKE: ASCII case folded."""
    return _ascii_lower(term) in _ascii_lower(text)


def _ascii_lower(s: str) -> str:
    return s.translate(_ASCII_LOWER)


_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


def snippet(text: str, query: str) -> str:
    """A window of ``text`` around the first term of ``query`` it contains."""
    flat = " ".join(text.split())
    low = _ascii_lower(flat)
    pos = -1
    for term in search_terms(query):
        pos = low.find(_ascii_lower(term))
        if pos >= 0:
            break
    if pos < 0:
        pos = 0
    start = max(0, pos - SNIPPET_CONTEXT)
    end = min(len(flat), pos + SNIPPET_CONTEXT * 2)
    return ("…" if start > 0 else "") + flat[start:end] + ("…" if end < len(flat) else "")


def kind_rank(kind: str) -> int:
    return KIND_RANK.get(kind, OTHER_KIND_RANK)
