"""EventQuery -> SQL, for both SQL backends.

The events table keeps the columns filters and order use (event, date, factuality,
doc_id, text, language, dead, site). Codes and places live in side tables (``event_party``,
``event_country``, ``event_place``) whose rows repeat their event's date, id, type and
factuality; the party and country rows also its language, dead and site (``CARRIES_OWN``).
Neither backend's planner can be left one plain statement once a side filter is in it:
SQLite's statistics cannot tell a code in 40% of events from one in 0.01%, and PostgreSQL's
cannot see through the side table either (it walks the events in date order probing a rare
code, or joins every row of a common one before the LIMIT). So both get the plans below,
chosen in ``SQLReads`` (``store/sqlcommon.py``) from the statements built here:

1. no filter needs a side table (on SQLite, nor the text): one statement on events, whose
   ``(…, date DESC, id)`` indexes give the order; PostgreSQL answers a text filter in that
   statement from its pg_trgm index;
2. otherwise the *driver* is the filter matching the fewest rows (SQLite counts each up to
   ``ESTIMATE_CAP`` over its own index, PostgreSQL reads its planner's row estimate from
   ``EXPLAIN``); a side filter wins unless another matches ``SIDE_ADVANTAGE`` times fewer
   rows (on PostgreSQL never one the side rows repeat, ``ON_SIDE_ROWS``);
3. a side-table driver is walked in its ``date DESC, id`` key order, the column filters
   checked on the side rows themselves, the other filters probed per row; a page
   stops after ``limit`` rows and a count never touches the events table;
4. any other driver: walk at most ``SCAN_CAP`` candidates in date order probing the
   rest (a full page there is the answer), else drive from it and sort what matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Literal

from frontwatch.store.base import EventQuery
from frontwatch.store.codec import (
    ROLE_ACTOR,
    ROLE_CLAIMANT,
    ROLE_PARTY,
    ROLE_RECIPIENT,
    cells_of,
    like_pattern,
)

Dialect = Literal["sqlite", "postgres"]
_ASCII_LETTER = re.compile(r"[A-Za-z]")
Kind = Literal["column", "side", "text"]

# Shortest text filter the SQLite trigram index can answer; shorter ones scan.
TRIGRAM_MIN = 3
# Rows of the date order walked in step 4 before driving from the filter instead.
SCAN_CAP = 5000
# Deepest page (offset + limit) step 4's walk is tried for.
SCAN_PAGE_MAX = 500
# Estimates of a driver's size stop counting here; beyond it any driver is as good.
ESTIMATE_CAP = 50_000
# Boxes touching more 1-degree cells than this use the (lon, lat) index instead of reading
# cell by cell (a 5 x 5 degree box touches at most 36).
MAX_CELLS = 36
# Side tables whose rows repeat their event's language, dead and site (migration 0004): a walk of
# them checks those filters on its own rows. event_place does not (its covering indexes would not
# hold them), so a bbox walk looks each row's event up.
CARRIES_OWN = frozenset({"event_party", "event_country"})


@dataclass(frozen=True, slots=True)
class Filter:
    """One condition on events, in the forms the plans need."""

    name: str
    kind: Kind
    driver: str  # condition on events alias e that an index can drive
    params: tuple[object, ...]
    probe: str  # condition checked row by row; "{ref}" stands for the event's key
    probe_params: tuple[object, ...]
    estimate: str | None = None  # SELECT 1 FROM ... : the rows this filter matches
    table: str | None = None  # side filters: the side table
    cond: str | None = None  # side filters: condition on that table's columns
    dupes: bool = False  # side filters: one event can own several matching rows
    side: str | None = None  # column filters: the condition on a side row; text: on events alias e
    side_params: tuple[object, ...] = ()
    cells: tuple[int, ...] = ()  # bbox: the grid cells it touches, when few enough to read one by one
    own: str | None = None  # column filters not on every side table: the condition on events alias te
    carried: str | None = None  # the same on the rows of a ``CARRIES_OWN`` table


_PH = "?"  # the plans below are SQLite's; PostgreSQL only uses ``plain``


def _marks(ph: str, n: int) -> str:
    return ", ".join([ph] * n)


def _column(name: str, col: str, op: str, params: tuple[object, ...], side: str | None = None) -> Filter:
    cond = f"e.{col} {op}"
    return Filter(
        name=name, kind="column", driver=cond, params=params,
        probe=f"+{cond}",  # unary + keeps SQLite from driving by this column's index
        probe_params=params, estimate=f"SELECT 1 FROM events e WHERE {cond}",
        side=side if side is not None else f"{col} {op}", side_params=params,
    )  # fmt: skip


def _own(name: str, col: str, op: str, params: tuple[object, ...]) -> Filter:
    """A column of the events table that only the ``CARRIES_OWN`` side rows repeat: a walk of those
    checks it on the row (``carried``), a walk of another side table on the row's event by key."""
    side = f"EXISTS (SELECT 1 FROM events te WHERE te.pk = s.event_pk AND te.{col} {op})"
    return replace(_column(name, col, op, params, side=side), own=f"te.{col} {op}", carried=f"s.{col} {op}")


def _side(name: str, table: str, cond: str, params: tuple[object, ...], dupes: bool) -> Filter:
    return Filter(
        name=name, kind="side", driver=f"e.pk IN (SELECT event_pk FROM {table} WHERE {cond})", params=params,
        probe=f"EXISTS (SELECT 1 FROM {table} x WHERE x.event_pk = {{ref}} AND {cond})", probe_params=params,
        estimate=f"SELECT 1 FROM {table} WHERE {cond}", table=table, cond=cond, dupes=dupes,
    )  # fmt: skip


def filters_of(q: EventQuery, dialect: Dialect, *, events_fts: bool = False) -> list[Filter]:
    ph = "?" if dialect == "sqlite" else "%s"
    out: list[Filter] = []
    if q.event:
        out.append(_column("event", "event", f"IN ({_marks(ph, len(q.event))})", q.event))
    if q.factuality:
        out.append(_column("factuality", "factuality", f"IN ({_marks(ph, len(q.factuality))})", q.factuality))
    if q.doc_id is not None:
        doc = f"EXISTS (SELECT 1 FROM events td WHERE td.pk = s.event_pk AND td.doc_id = {ph})"
        out.append(_column("doc_id", "doc_id", f"= {ph}", (q.doc_id,), side=doc))
    for name, col, values in (("language", "language", q.language), ("source", "site", q.source)):
        if values:
            out.append(_own(name, col, f"IN ({_marks(ph, len(values))})", values))
    if q.dead_min is not None:
        out.append(_own("dead_min", "dead", f">= {ph}", (q.dead_min,)))
    if q.date_from is not None or q.date_to is not None:
        # side rows keep '' for undated events, below any date
        lo = q.date_from.isoformat() if q.date_from else "0"
        hi = q.date_to.isoformat() if q.date_to else "9"
        out.append(_column("date", "date", f"BETWEEN {ph} AND {ph}", (lo, hi)))
    for name, role, codes in (
        ("actor", ROLE_ACTOR, q.actor),
        ("recipient", ROLE_RECIPIENT, q.recipient),
        ("party", ROLE_PARTY, q.party),
        ("claimed_by", ROLE_CLAIMANT, q.claimed_by),
    ):
        if codes:
            cond = f"role = {ph} AND code IN ({_marks(ph, len(codes))})"
            out.append(_side(name, "event_party", cond, (role, *codes), dupes=len(codes) > 1))
    if q.place_country:
        cond = f"country IN ({_marks(ph, len(q.place_country))})"
        out.append(_side("place_country", "event_country", cond, q.place_country, len(q.place_country) > 1))
    if q.bbox is not None:
        out.append(_bbox(q.bbox, ph))
    if q.text:
        out.append(_text(q.text, dialect, ph, events_fts=events_fts))
    if dialect == "postgres":  # PostgreSQL has no unary + on text, and needs no such hint
        out = [replace(f, probe=f.probe.removeprefix("+")) for f in out]
    return out


def _bbox(bbox: tuple[float, float, float, float], ph: str) -> Filter:
    min_lon, min_lat, max_lon, max_lat = bbox
    box = (min_lon, max_lon, min_lat, max_lat)
    cond = f"lon BETWEEN {ph} AND {ph} AND lat BETWEEN {ph} AND {ph}"
    cells = cells_of(bbox)
    if len(cells) > MAX_CELLS:
        return _side("bbox", "event_place", cond, box, dupes=True)
    f = _side(
        "bbox", "event_place", f"cell IN ({_marks(ph, len(cells))}) AND {cond}", (*cells, *box), dupes=True
    )
    return replace(f, cells=tuple(cells))


def one_cell(f: Filter, cell: int) -> Filter:
    """The bbox filter ``f`` narrowed to one of its grid cells."""
    box = f.params[len(f.cells) :]
    cond = (f.cond or "").split(" AND ", 1)[1]
    return replace(f, cond=f"cell = {_PH} AND {cond}", params=(cell, *box), cells=())


def _text(text: str, dialect: Dialect, ph: str, *, events_fts: bool) -> Filter:
    pattern = like_pattern(text)
    if dialect == "postgres":  # the pg_trgm index answers it in place; a side walk probes it by key
        check = "{a}.text ILIKE " + ph + " ESCAPE '\\'"
        probe = "EXISTS (SELECT 1 FROM events tx WHERE tx.pk = {ref} AND " + check.format(a="tx") + ")"
        direct = check.format(a="e")
        return Filter("text", "text", direct, (pattern,), probe, (pattern,), side=direct)
    if _ASCII_LETTER.search(text):
        check, arg = "{a}.text LIKE " + ph + " ESCAPE '\\'", pattern  # ASCII case folded, as everywhere
    else:
        check, arg = "instr({a}.text, " + ph + ") > 0", text  # no letter to fold: a plain, faster search
    scan = "EXISTS (SELECT 1 FROM events tx WHERE tx.pk = {ref} AND " + check.format(a="tx") + ")"
    direct = check.format(a="e")
    if events_fts and len(text) >= TRIGRAM_MIN:
        # a phrase of trigrams is an exact substring match answered from the index alone
        fts = f"SELECT rowid FROM events_fts WHERE events_fts MATCH {ph}"
        phrase = '"' + text.replace('"', '""') + '"'
        return Filter("text", "text", f"e.pk IN ({fts})", (phrase,), scan, (arg,), estimate=fts, side=direct)
    return Filter("text", "text", direct, (arg,), scan, (arg,), side=direct)


@dataclass
class Select:
    """A statement and its parameters."""

    sql: str
    params: list[object] = field(default_factory=list)


def order_by(dialect: Dialect, alias: str = "e") -> str:
    """Newest first; undated events last; ties broken by event id."""
    if dialect == "postgres":
        return f" ORDER BY {alias}.date DESC NULLS LAST, {alias}.id"
    return f" ORDER BY {alias}.date DESC, {alias}.id"


def _where(conds: list[str]) -> str:
    return (" WHERE " + " AND ".join(conds)) if conds else ""


def plain(what: str, filters: list[Filter]) -> Select:
    """Every filter in its driver form: PostgreSQL's plan, and SQLite's step 1."""
    return Select(
        f"SELECT {what} FROM events e{_where([f.driver for f in filters])}",
        [p for f in filters for p in f.params],
    )


def _probes(filters: list[Filter], ref: str) -> tuple[list[str], list[object]]:
    conds = [f.probe.replace("{ref}", ref) for f in filters]
    return conds, [p for f in filters for p in f.probe_params]


def events_driven(what: str, filters: list[Filter], driver: Filter | None) -> Select:
    """Step 4's fallback: ``driver`` in its driver form, the rest probed."""
    others = [f for f in filters if f is not driver]
    conds, params = _probes(others, "e.pk")
    # on the events table itself the text is checked in place, not through a probe
    conds = [c if f.kind != "text" else (f.side or c) for c, f in zip(conds, others, strict=True)]
    if driver is not None:
        conds.insert(0, driver.driver)
        params = [*driver.params, *params]
    return Select(f"SELECT {what} FROM events e{_where(conds)}", params)


def capped_scan(
    q: EventQuery, filters: list[Filter], driver: Filter | None, dialect: Dialect = "sqlite"
) -> Select:
    """Step 4's walk: the first SCAN_CAP candidates passing the column filters, in date order."""
    cols = [f for f in filters if f.kind == "column"]
    rest = [f for f in filters if f.kind != "column"]
    inner_conds = [f.driver if f is driver else f.probe for f in cols]
    inner = (
        f"SELECT e.pk, e.date, e.id FROM events e{_where(inner_conds)}"
        f"{order_by(dialect)} LIMIT {SCAN_CAP}"
    )
    conds, params = _probes(rest, "c.pk")
    return Select(
        f"SELECT c.pk FROM ({inner}) c{_where(conds)}{order_by(dialect, 'c')} LIMIT ? OFFSET ?",
        [p for f in cols for p in (f.params if f is driver else f.probe_params)]
        + params
        + [q.limit, q.offset],
    )


def side_driven(what: str, filters: list[Filter], driver: Filter) -> Select:
    """Step 3: rows of the driver's side table, other filters on the row or probed by key."""
    conds = [driver.cond or ""]
    params: list[object] = list(driver.params)
    if driver.table in CARRIES_OWN:  # the row itself holds the language, dead and site
        filters = [f if f.carried is None else replace(f, side=f.carried, own=None) for f in filters]
    own = [f for f in filters if f is not driver and f.own is not None]
    if len(own) > 1:  # one look-up of the row's event checks them all, not one look-up each
        conds.append("EXISTS (SELECT 1 FROM events te WHERE te.pk = s.event_pk AND "
                     + " AND ".join(f.own or "" for f in own) + ")")
        params.extend(p for f in own for p in f.side_params)
    for f in filters:
        if f is driver or (len(own) > 1 and any(f is o for o in own)):
            continue
        if f.kind == "column":
            conds.append(f.side or "")
            params.extend(f.side_params)
        else:
            c, p = _probes([f], "s.event_pk")
            conds += c
            params += p
    return Select(f"SELECT {what} FROM {driver.table} s{_where(conds)}", params)


def side_page(q: EventQuery, filters: list[Filter], driver: Filter) -> Select:
    what = "DISTINCT s.date, s.id, s.event_pk" if driver.dupes else "s.date, s.id, s.event_pk"
    sel = side_driven(what, filters, driver)
    sel.sql += " ORDER BY s.date DESC, s.id LIMIT ? OFFSET ?"
    sel.params += [q.limit, q.offset]
    return sel


def side_count(filters: list[Filter], driver: Filter) -> Select:
    return side_driven("count(DISTINCT s.event_pk)" if driver.dupes else "count(*)", filters, driver)


def estimate(f: Filter) -> Select | None:
    if f.estimate is None:
        return None
    return Select(f"SELECT count(*) FROM ({f.estimate} LIMIT {ESTIMATE_CAP}) x", list(f.params))
