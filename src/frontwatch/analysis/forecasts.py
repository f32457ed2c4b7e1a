"""The forecast ledger: every warning with a horizon, checked against what was recorded later.

A forecast is a record with ``factuality == "possible"`` and a horizon (``horizon``
text or ``horizon_days``). For each:

1. Source: the first ``claimed_by`` code (all codes in ``sources``); none named:
   ``UNATTRIBUTED``.
2. Issued: the publication date of the record's document (the ``published``
   mapping), else the record's own date; neither: unknown, and the forecast stays
   open.
3. Due: issued + ``horizon_days``; no horizon days: no deadline.
4. Probability: the longest hedge of ``data/hedges.toml`` found in the record's
   sentence, else the table's default.
5. Outcome, in order:
   a. happened: another document's record of a type in ``RESOLVED_BY`` (the same
      family), ``asserted`` or ``claimed``, with an actor in common, hitting a
      warned recipient (as recipient, or as the country of a place), dated on a day
      (or from its publication date when undated) in [issued, due];
   b. not_by_deadline: nothing so, and ``as_of`` (default: the latest date in the
      input) is past the due date;
   c. open otherwise.

Brier score per source: the mean of (probability - outcome)^2 over its resolved
forecasts, outcome 1 for happened and 0 for not_by_deadline.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from frontwatch.analysis.common import (
    RESOLVED_BY,
    anchor_date,
    codes,
    date_interval,
    normalise_published,
    parse_date,
    place_countries,
)
from frontwatch.errors import DataError
from frontwatch.records import Event, Forecast

Outcome = Literal["happened", "not_by_deadline", "open"]
UNATTRIBUTED = "unattributed"  # the source of a warning that names no one as its author
EVIDENCE_FACTUALITY = frozenset({"asserted", "claimed"})  # what counts as "it happened"


@dataclass(frozen=True, slots=True)
class Hedge:
    pattern: str
    lang: str
    probability: float
    band: str
    note: str = ""
    case_sensitive: bool = False


@dataclass(frozen=True, slots=True)
class HedgeTable:
    hedges: tuple[Hedge, ...]
    default_probability: float
    source: str = ""

    def match(self, text: str, lang: str | None = None) -> Hedge | None:
        """The longest hedge found in ``text`` (of ``lang`` when given)."""
        found = [h for h in self.hedges if (lang is None or h.lang == lang) and _found(h, text)]
        if not found and lang is not None:
            found = [h for h in self.hedges if _found(h, text)]
        return max(found, key=lambda h: len(h.pattern)) if found else None


def _found(h: Hedge, text: str) -> bool:
    if h.lang == "ja":
        return h.pattern in text
    flags = 0 if h.case_sensitive else re.IGNORECASE
    return re.search(rf"\b{re.escape(h.pattern)}\b", text, flags) is not None


def load_hedges(path: str | Path | None = None) -> HedgeTable:
    """Read the hedge table (the packaged ``data/hedges.toml`` by default)."""
    try:
        if path is None:
            raw = resources.files("frontwatch").joinpath("data/hedges.toml").read_bytes()
            where = "data/hedges.toml"
        else:
            raw, where = Path(path).read_bytes(), str(path)
        data = tomllib.loads(raw.decode("utf-8"))
        hedges = tuple(
            Hedge(
                pattern=str(row["pattern"]),
                lang=str(row["lang"]),
                probability=_prob(row["probability"], where),
                band=str(row.get("band", "")),
                note=str(row.get("note", "")),
                case_sensitive=bool(row.get("case_sensitive", False)),
            )
            for row in data.get("hedge", [])
        )
        meta = data.get("meta", {})
        default = _prob(meta.get("default_probability", 0.5), where)
        return HedgeTable(hedges, default, str(meta.get("source", "")))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        where = str(path) if path else "data/hedges.toml"
        raise DataError(f"hedge table {where} is unreadable or malformed ({exc}); fix the file") from exc


def _prob(value: Any, where: str) -> float:
    p = float(value)
    if not 0.0 <= p <= 1.0:
        raise DataError(f"hedge table {where}: probability {p} is not between 0 and 1; fix the row")
    return p


# -------------------------------------------------------------------- ledger


def is_forecast(ev: Event) -> bool:
    return ev.factuality == "possible" and (ev.horizon_days is not None or bool(ev.horizon))


def build_ledger(
    events: Sequence[Event],
    published: Mapping[str, dt.date | str | None] | None = None,
    *,
    as_of: dt.date | str | None = None,
    hedges: HedgeTable | None = None,
) -> list[Forecast]:
    """Every forecast in ``events``, resolved against the other records; by issue date, then id."""
    pub = normalise_published(published)
    table = hedges or load_hedges()
    today = parse_date(as_of) if as_of is not None else latest_date(events, pub)
    by_actor = _evidence_index(events, pub)
    out = [_forecast(ev, by_actor, pub, table, today) for ev in events if is_forecast(ev)]
    out.sort(key=lambda f: (f.issued or "9999-99-99", f.id))
    return out


def latest_date(events: Sequence[Event], pub: Mapping[str, dt.date | None]) -> dt.date | None:
    """The latest event date or publication date: the default 'now' of a ledger."""
    days = [d for d in (parse_date(e.date) for e in events) if d is not None]
    days += [d for d in pub.values() if d is not None]
    return max(days) if days else None


def _forecast(
    ev: Event,
    events: Mapping[str, _Dated],
    pub: Mapping[str, dt.date | None],
    table: HedgeTable,
    today: dt.date | None,
) -> Forecast:
    notes: list[str] = []
    issued = issue_date(ev, pub)
    if pub.get(ev.doc_id) is not None:
        notes.append(f"issued: publication date of {ev.doc_id}")
    else:
        notes.append("issued: the record's own date" if issued else "issued: unknown (no dates)")
    due = due_date(ev, issued)
    if due is None:
        notes.append("due: no deadline (no issue date or no horizon in days)")
    hedge = table.match(ev.text, ev.language)
    evidence = _evidence(ev, events, pub, issued, due or today) if issued else ()
    outcome: Outcome
    if evidence:
        outcome = "happened"
    elif due is not None and today is not None and today > due:
        outcome = "not_by_deadline"
        notes.append(f"outcome: nothing recorded by {due.isoformat()}, as of {today.isoformat()}")
    else:
        outcome = "open"
    sources = codes(ev.claimed_by) or (UNATTRIBUTED,)
    return Forecast(
        id=ev.id,
        event=ev,
        source=sources[0],
        issued=issued.isoformat() if issued else None,
        due=due.isoformat() if due else None,
        probability=hedge.probability if hedge else table.default_probability,
        outcome=outcome,
        evidence=evidence,
        sources=sources,
        hedge=hedge.pattern if hedge else None,
        notes=tuple(notes),
    )


def issue_date(ev: Event, pub: Mapping[str, dt.date | None]) -> dt.date | None:
    """When a warning was issued: its document's publication date, else its own date."""
    published = pub.get(ev.doc_id)
    return published if published is not None else parse_date(ev.date)


def due_date(ev: Event, issued: dt.date | None) -> dt.date | None:
    """Issued + the horizon in days; None without either."""
    return issued + dt.timedelta(days=ev.horizon_days) if issued and ev.horizon_days is not None else None


@dataclass(frozen=True, slots=True)
class _Dated:
    """The possible evidence of one actor, by the first day each record may stand for."""

    starts: list[dt.date]
    # first day, last day, the record, the countries it hits (recipients, places), by first day
    rows: list[tuple[dt.date, dt.date, Event, frozenset[str]]]


def _evidence_index(events: Sequence[Event], pub: Mapping[str, dt.date | None]) -> dict[str, _Dated]:
    """actor code -> its ``asserted`` or ``claimed`` records with a day (their date interval, else
    their publication date), so that a warning looks only at the records inside its window."""
    rows: dict[str, list[tuple[dt.date, dt.date, Event, frozenset[str]]]] = {}
    for ev in events:
        if ev.factuality not in EVIDENCE_FACTUALITY:
            continue
        span = date_interval(ev)
        if span is None:
            day, _how = anchor_date(ev, pub)
            span = (day, day) if day else None
        if span is None:
            continue  # no day: never inside a window
        hit = frozenset(codes(ev.recipient)) | frozenset(place_countries(ev))
        for code in codes(ev.actor):
            rows.setdefault(code, []).append((span[0], span[1], ev, hit))
    index = {}
    for code, found in rows.items():
        found.sort(key=lambda r: r[0])
        index[code] = _Dated([r[0] for r in found], found)
    return index


def _evidence(
    fc: Event,
    by_actor: Mapping[str, _Dated],
    pub: Mapping[str, dt.date | None],
    issued: dt.date,
    until: dt.date | None,
) -> tuple[str, ...]:
    kinds = RESOLVED_BY.get(fc.event, frozenset({fc.event}))
    targets = set(codes(fc.recipient))
    found: set[str] = set()
    for actor in sorted(set(codes(fc.actor))):
        dated = by_actor.get(actor)
        if dated is None:
            continue
        last = len(dated.rows) if until is None else bisect_right(dated.starts, until)
        for at in range(bisect_left(dated.starts, issued), last):  # the records starting in the window
            _start, end, ev, hit = dated.rows[at]
            if (until is not None and end > until) or ev.doc_id == fc.doc_id or ev.event not in kinds:
                continue
            if targets and not targets & hit:
                continue
            found.add(ev.id)
    return tuple(sorted(found))


# --------------------------------------------------------------------- brier


@dataclass(frozen=True, slots=True)
class SourceScore:
    """How well one source's warnings came true."""

    source: str
    forecasts: int
    resolved: int
    happened: int
    brier: float | None  # None while nothing is resolved


def brier_by_source(ledger: Sequence[Forecast]) -> list[SourceScore]:
    """Brier score per source over resolved forecasts; a warning with two authors counts for each."""
    rows: dict[str, list[Forecast]] = {}
    for fc in ledger:
        for src in fc.sources or (fc.source or UNATTRIBUTED,):
            rows.setdefault(src, []).append(fc)
    out = []
    for src in sorted(rows):
        fcs = rows[src]
        done = [f for f in fcs if f.outcome != "open"]
        errors = [(f.probability - (1.0 if f.outcome == "happened" else 0.0)) ** 2 for f in done]
        out.append(
            SourceScore(
                source=src,
                forecasts=len(fcs),
                resolved=len(done),
                happened=sum(f.outcome == "happened" for f in done),
                brier=round(sum(errors) / len(errors), 4) if errors else None,
            )
        )
    return out


def forecast_to_json(fc: Forecast) -> dict[str, Any]:
    ev = fc.event
    return {
        "id": fc.id,
        "source": fc.source,
        "sources": list(fc.sources),
        "event": ev.event,
        "actor": list(codes(ev.actor)),
        "recipient": list(codes(ev.recipient)),
        "horizon": ev.horizon,
        "horizon_days": ev.horizon_days,
        "issued": fc.issued,
        "due": fc.due,
        "probability": fc.probability,
        "hedge": fc.hedge,
        "outcome": fc.outcome,
        "evidence": list(fc.evidence),
        "notes": list(fc.notes),
        "text": ev.text,
        "doc_id": ev.doc_id,
    }


def score_to_json(s: SourceScore) -> dict[str, Any]:
    return {
        "source": s.source,
        "forecasts": s.forecasts,
        "resolved": s.resolved,
        "happened": s.happened,
        "brier": s.brier,
    }
