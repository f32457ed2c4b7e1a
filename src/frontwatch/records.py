"""Typed records passed between frontwatch's stages.

The data flow, stage by stage::

    ingest/   bytes from a file, stdin, JSONL line or feed  -> RawDocument
    clean/    RawDocument                                   -> Document (parts, clean text, date)
    nlp/      Document's coded sections                     -> Sentence (tokens, bunsetsu)
    coding/   Sentence                                      -> Event candidates (with Explanation)
    resolve/  candidates + Document                         -> Event (actors, places, dates, factuality)
    store/    Document + Events                             -> rows in SQLite / PostgreSQL
    analysis/ Events from the store                         -> Incident, Forecast, AllianceCheck

Every record is a frozen dataclass; stages never pass tuples or loose dicts.
``Event.to_json()`` writes the fixed field names of ``shared/spec/EVENTS.md``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SectionKind = Literal[
    "title",        # the article headline
    "category",     # blog category line (欧州関連, 米国関連, ...)
    "body",         # an article paragraph: the only kind, with the title, that is coded
    "reference",    # 参考: source headline
    "credit",       # 出典: / アイキャッチ画像の出典: image and map credits
    "notice",       # 告知 / お知らせ
    "related",      # 関連記事: single related-article link
    "nav_prev",     # ...前のページ
    "nav_next",     # ...次のページ
    "related_block",  # the block of related-article cards after the article
    "trackback",    # trackback notices
    "chrome",       # page furniture: PAGE TOP, widget lists, etc.
]

CODED_KINDS: frozenset[str] = frozenset({"title", "body"})

Factuality = Literal["asserted", "claimed", "denied", "possible", "future"]
DatePrecision = Literal["day", "month", "year"]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """What ingest hands to clean: decoded text or HTML, before any parsing."""

    doc_id: str
    content: str
    content_type: Literal["text", "html"]
    source: str  # file path, URL, or "<stdin>"
    encoding: str | None = None  # detected or declared encoding of the original bytes
    url: str | None = None
    published: dt.date | None = None  # given by metadata (JSONL field, feed entry)
    language: str | None = None  # given by metadata
    published_source: str | None = None  # where ``published`` came from: jsonl, feed, metadata (default)


@dataclass(frozen=True, slots=True)
class InputProblem:
    """An input that could not be read: which one, and a one-line reason a user can act on."""

    source: str  # file path, "<stdin>", or "path:line" for a JSONL record
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Section:
    """One part of a page. ``start``/``end`` are offsets into ``Document.text``."""

    kind: SectionKind
    text: str
    start: int
    end: int
    language: str | None = None  # ISO 639-1 (ja, en, hy, ru, ...) or None if undecided
    url: str | None = None  # link target for related/reference parts when known


@dataclass(frozen=True, slots=True)
class Comment:
    """A reader comment. Kept and shown, never coded."""

    order: int  # 0-based position on the page
    text: str
    author: str | None = None
    date: dt.date | None = None
    likes: int | None = None
    depth: int = 0  # 0 for a top-level comment, 1 for a reply, ...


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed page.

    ``text`` is the clean text: every section's text joined by newlines, in page
    order; comments are not part of it. Event spans index into it.
    """

    doc_id: str
    text: str
    sections: tuple[Section, ...]
    comments: tuple[Comment, ...] = ()
    title: str | None = None
    category: str | None = None
    published: dt.date | None = None
    published_source: str | None = None  # jsonl, feed, metadata, text, url, caption, cited, comments;
    # "none: <why>"
    language: str | None = None  # main language of the body
    url: str | None = None
    source: str | None = None
    content_hash: str | None = None  # sha256 of the raw content, for dedup and versions

    def parts(self, *kinds: str) -> list[Section]:
        return [s for s in self.sections if s.kind in kinds]

    @property
    def body(self) -> list[str]:
        return [s.text for s in self.sections if s.kind == "body"]


# --------------------------------------------------------------------------- nlp


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a parsed sentence; ``idx`` is its offset in ``Document.text``."""

    i: int  # index in the sentence
    text: str
    lemma: str
    pos: str  # Universal POS
    tag: str  # language-specific tag (Sudachi POS for Japanese, PTB-like for English)
    dep: str
    head: int  # index in the sentence of the syntactic head (self for the root)
    idx: int
    bunsetsu_start: bool = False  # Japanese: token opens a bunsetsu chunk


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a coded section, with its tokens. Offsets index ``Document.text``."""

    doc_id: str
    text: str
    start: int
    end: int
    language: str
    section: SectionKind
    tokens: tuple[Token, ...] = ()


# ------------------------------------------------------------------------ events


@dataclass(frozen=True, slots=True)
class Entity:
    """An actor, recipient or claimant: ``code`` is ISO 3166 alpha-3 or a PLOVER code."""

    text: str
    name: str | None = None
    code: str | None = None
    sector: str | None = None


def side_codes(side: Sequence[Entity]) -> frozenset[str]:
    """The codes a side (actors, recipients or claimants) names; empty when none is coded."""
    return frozenset(e.code for e in side if e.code)


@dataclass(frozen=True, slots=True)
class Place:
    text: str
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | str | None = None  # GeoNames id, or "fw:<id>" for a supplement row
    feature: str | None = None  # city, admin1, region, lake, sea, strait, mountain, site, country


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in a sentence: ``start``/``end`` are offsets into the text searched."""

    text: str
    start: int
    end: int
    place: Place


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why a record exists: the rule that fired and the lexicon entries it used."""

    rule: str
    trigger: str  # the word or pattern that named the event
    lexicon: tuple[str, ...] = ()  # "file:entry" for each lexicon row used
    notes: tuple[str, ...] = ()  # resolution steps: "date: 13日深夜 -> 2022-09-13", ...


@dataclass(frozen=True, slots=True)
class Event:
    """One PLOVER event record; field names follow shared/spec/EVENTS.md."""

    id: str
    doc_id: str
    event: str
    text: str
    span: tuple[int, int]
    language: str
    mode: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    actor: tuple[Entity, ...] = ()
    recipient: tuple[Entity, ...] = ()
    event_loc: tuple[Place, ...] = ()
    date: str | None = None  # ISO date; with precision month/year the day/month part is 01
    date_precision: DatePrecision | None = None
    dead: int | None = None
    injured: int | None = None
    weapons: tuple[str, ...] = ()
    factuality: Factuality = "asserted"
    claimed_by: tuple[Entity, ...] = ()
    horizon: str | None = None
    horizon_days: int | None = None
    symmetric: bool = False  # two-sided fighting: actor lists both sides
    explanation: Explanation | None = field(default=None, compare=False)
    # spans of the other mentions of the act this record joined (dedup, a story's retelling):
    # where its place may be carried from; not written out
    joined: tuple[tuple[int, int], ...] = field(default=(), compare=False)

    def to_json(self, *, explain: bool = False) -> dict[str, Any]:
        """The EVENTS.md record as a JSON-ready dict."""
        d = asdict(self)
        why = d.pop("explanation")
        d.pop("joined")
        d["span"] = list(self.span)
        for key in ("mode", "context", "weapons"):
            d[key] = list(d[key])
        if self.factuality != "possible" and self.horizon is None:
            d.pop("horizon")
            d.pop("horizon_days")
        if explain and why is not None:
            d["explanation"] = why
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Event:
        why = d.get("explanation")
        return cls(
            id=d["id"],
            doc_id=d["doc_id"],
            event=d["event"],
            text=d.get("text", ""),
            span=(int(d["span"][0]), int(d["span"][1])) if d.get("span") else (0, 0),
            language=d.get("language") or "und",
            mode=tuple(d.get("mode") or ()),
            context=tuple(d.get("context") or ()),
            actor=tuple(Entity(**e) for e in d.get("actor") or ()),
            recipient=tuple(Entity(**e) for e in d.get("recipient") or ()),
            event_loc=tuple(Place(**p) for p in d.get("event_loc") or ()),
            date=d.get("date"),
            date_precision=d.get("date_precision"),
            dead=d.get("dead"),
            injured=d.get("injured"),
            weapons=tuple(d.get("weapons") or ()),
            factuality=d.get("factuality") or "asserted",
            claimed_by=tuple(Entity(**e) for e in d.get("claimed_by") or ()),
            horizon=d.get("horizon"),
            horizon_days=d.get("horizon_days"),
            symmetric=bool(d.get("symmetric", False)),
            explanation=(
                Explanation(
                    rule=why["rule"],
                    trigger=why["trigger"],
                    lexicon=tuple(why.get("lexicon") or ()),
                    notes=tuple(why.get("notes") or ()),
                )
                if why
                else None
            ),
        )


# ---------------------------------------------------------------------- analysis


@dataclass(frozen=True, slots=True)
class Version:
    """One claimant's account of an incident."""

    claimant: str  # country/org code of who says so; "reported" for asserted records
    events: tuple[Event, ...]
    actors: tuple[str, ...] = ()  # codes this claimant says acted
    recipients: tuple[str, ...] = ()  # codes this claimant says were acted on
    places: tuple[str, ...] = ()  # place names in this version
    weapons: tuple[str, ...] = ()
    dead: int | None = None  # the largest death count this version states
    doc_ids: tuple[str, ...] = ()  # the documents that carry this version
    disputes: tuple[str, ...] = ()  # claimants whose account this version denies or accuses


@dataclass(frozen=True, slots=True)
class Incident:
    id: str
    events: tuple[Event, ...]
    versions: tuple[Version, ...]
    contested: bool
    date_from: str | None
    date_to: str | None
    places: tuple[Place, ...] = ()
    reasons: tuple[str, ...] = ()  # why these records were joined, and why contested


@dataclass(frozen=True, slots=True)
class Forecast:
    id: str  # the id of the possible-event record it comes from
    event: Event
    source: str | None  # who warned: claimed_by code, or the document's outlet
    issued: str | None  # ISO date
    due: str | None  # ISO date: issued + horizon_days
    probability: float
    outcome: Literal["happened", "not_by_deadline", "open"]
    evidence: tuple[str, ...] = ()  # ids of records that show it happened
    sources: tuple[str, ...] = ()  # every claimant code of the warning (source is the first)
    hedge: str | None = None  # the hedge word that set the probability, None for the default
    notes: tuple[str, ...] = ()  # how issue date, due date and outcome were decided


@dataclass(frozen=True, slots=True)
class Obligation:
    treaty: str
    article: str | None
    kind: str  # collective-defence, consultation, non-aggression, mutual-assistance
    bound: tuple[str, ...]  # codes of the members bound to act
    note: str
    source: str
    status: str = "engaged"  # analysis.alliances.STATUS_LEGEND: engaged, outside-territory (forces
    # abroad), place-unknown, member-vs-member
    attacked: str | None = None  # the member whose territory or forces were hit
    attackers: tuple[str, ...] = ()
    on: str | None = None  # ISO date at which membership was read


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What one input yielded: stored, a duplicate, a new version, or failed with a reason."""

    source: str
    doc_id: str | None
    status: Literal["stored", "duplicate", "new_version", "failed"]
    events: int = 0
    reason: str | None = None
