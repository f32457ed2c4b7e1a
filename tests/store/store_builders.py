"""Hand-built documents and events for the store tests."""

from __future__ import annotations

import datetime as dt
import hashlib

from frontwatch.records import Comment, Document, Entity, Event, Explanation, Place, Section

# ------------------------------------------------------------------ builders


def ent(code: str, text: str | None = None, sector: str | None = None) -> Entity:
    return Entity(text=text or code, name=code, code=code, sector=sector)


def place(name: str, country: str, lat: float, lon: float) -> Place:
    return Place(text=name, name=name, country=country, lat=lat, lon=lon, geonameid=None, feature="city")


def make_doc(
    doc_id: str,
    *,
    title: str = "見出し",
    body: tuple[str, ...] = ("本文の段落です。",),
    comments: tuple[str, ...] = (),
    published: dt.date | None = dt.date(2022, 9, 13),
    content_hash: str | None = None,
) -> Document:
    parts = [("title", title), *(("body", b) for b in body)]
    sections = []
    pos = 0
    for kind, text in parts:
        sections.append(Section(kind=kind, text=text, start=pos, end=pos + len(text), language="ja"))  # type: ignore[arg-type]
        pos += len(text) + 1
    return Document(
        doc_id=doc_id,
        text="\n".join(t for _, t in parts),
        sections=tuple(sections),
        comments=tuple(
            Comment(
                order=i,
                text=c,
                author=f"reader{i}" if i % 2 == 0 else None,
                date=dt.date(2022, 9, 14 + i),
                likes=i * 3,
                depth=i % 2,
            )
            for i, c in enumerate(comments)
        ),
        title=title,
        category="欧州関連",
        published=published,
        published_source="comments",
        language="ja",
        url=f"https://example.org/{doc_id}",
        source=f"{doc_id}.txt",
        content_hash=content_hash
        or hashlib.sha256(repr((doc_id, title, body, comments)).encode()).hexdigest(),
    )


def make_event(
    doc_id: str,
    n: int,
    *,
    event: str = "ASSAULT",
    date: str | None = "2022-09-13",
    actor: tuple[Entity, ...] = (),
    recipient: tuple[Entity, ...] = (),
    places: tuple[Place, ...] = (),
    factuality: str = "asserted",
    claimed_by: tuple[Entity, ...] = (),
    text: str = "砲撃があった。",
) -> Event:
    return Event(
        id=f"{doc_id}#{n}",
        doc_id=doc_id,
        event=event,
        text=text,
        span=(n * 10, n * 10 + len(text)),
        language="ja",
        mode=("heavy-weapons",) if event == "ASSAULT" else (),
        context=("military",),
        actor=actor,
        recipient=recipient,
        event_loc=places,
        date=date,
        date_precision="day" if date else None,
        dead=n if event == "ASSAULT" else None,
        weapons=("artillery",) if event == "ASSAULT" else (),
        factuality=factuality,  # type: ignore[arg-type]
        claimed_by=claimed_by,
        explanation=Explanation(rule="test", trigger="砲撃", lexicon=("events.ja.toml:砲撃",)),
    )
