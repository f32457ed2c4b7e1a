"""EventQuery -> SQL, for both SQL backends.

The events table keeps the indexed columns (event, date, factuality, doc_id, text);
codes and places live in side tables (``event_party``, ``event_place``). Every filter
can be written two ways: as a *driver* (``e.pk IN (SELECT ...)``, or a plain column
condition the planner can range-scan) and as a *probe* (a correlated ``EXISTS`` that
looks up one event's rows). PostgreSQL's planner, with its most-common-value
statistics, picks well from the driver form alone. SQLite's statistics cannot tell a
code in 40% of events from one in 0.01%, so ``sqlite_plans`` chooses for it:

1. if no filter needs a side table or the text, one query: column conditions plus the
   ``date DESC, id`` index order;
2. otherwise, for pages near the top, walk the ``date DESC, id`` order of the rows that
   pass the column conditions, at most ``SCAN_CAP`` of them, probing the other filters;
   a full page found there is the answer (the first matches in order are the first);
3. failing that, the filters are rare together: drive from the filter with the fewest
   rows (counted up to ``ESTIMATE_CAP``), probe the rest, sort what matches.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from frontwatch.store.base import EventQuery
from frontwatch.store.codec import ROLE_ACTOR, ROLE_CLAIMANT, ROLE_PARTY, ROLE_RECIPIENT, like_pattern

Dialect = Literal["sqlite", "postgres"]

# Shortest text filter the SQLite trigram index can answer; shorter ones scan.
TRIGRAM_MIN = 3
# Rows of the date order walked before giving up on step 2: a filter set matching at
# least limit/SCAN_CAP of the candidates (2% for a page of 100) is answered there.
SCAN_CAP = 5000
# Deepest page (offset + limit) step 2 is tried for.
SCAN_PAGE_MAX = 500
# Estimates of a driver's size stop counting here; beyond it any driver is as good.
ESTIMATE_CAP = 50_000


@dataclass(frozen=True, slots=True)
class Filter:
    """One condition on events, in its driver and probe forms."""

    name: str
    driver: str  # a condition on alias e that an index can drive
    probe: str  # a condition on alias e checked row by row
    params: tuple[object, ...]  # of the driver and the estimate
    estimate: str | None  # SELECT 1 ... rows this filter matches (capped by the caller)
    column: bool  # only the events table is involved
    probe_params: tuple[object, ...] | None = None  # when the probe's differ from the driver's

    def params_for(self, form: str) -> tuple[object, ...]:
        return self.probe_params if form == self.probe and self.probe_params is not None else self.params


def _marks(ph: str, n: int) -> str:
    return ", ".join([ph] * n)


def _side(name: str, table: str, cond: str, params: tuple[object, ...]) -> Filter:
    return Filter(
        name=name,
        driver=f"e.pk IN (SELECT event_pk FROM {table} WHERE {cond})",
        probe=f"EXISTS (SELECT 1 FROM {table} s WHERE s.event_pk = e.pk AND {cond})",
        params=params,
        estimate=f"SELECT 1 FROM {table} WHERE {cond}",
        column=False,
    )


def _column(name: str, cond: str, params: tuple[object, ...], estimate: bool = True) -> Filter:
    # the probe form's unary + keeps SQLite from driving by this column's index
    return Filter(
        name=name,
        driver=cond,
        probe="+" + cond if cond.startswith("e.") else cond,
        params=params,
        estimate=f"SELECT 1 FROM events e WHERE {cond}" if estimate else None,
        column=True,
    )


def filters_of(q: EventQuery, dialect: Dialect, *, events_fts: bool = False) -> list[Filter]:
    ph = "?" if dialect == "sqlite" else "%s"
    out: list[Filter] = []
    if q.event:
        out.append(_column("event", f"e.event IN ({_marks(ph, len(q.event))})", q.event))
    if q.factuality:
        out.append(_column("factuality", f"e.factuality IN ({_marks(ph, len(q.factuality))})", q.factuality))
    if q.doc_id is not None:
        out.append(_column("doc_id", f"e.doc_id = {ph}", (q.doc_id,)))
    if q.date_from is not None and q.date_to is not None:
        dates = (q.date_from.isoformat(), q.date_to.isoformat())
        out.append(_column("date", f"e.date BETWEEN {ph} AND {ph}", dates))
    elif q.date_from is not None:
        out.append(_column("date", f"e.date >= {ph}", (q.date_from.isoformat(),)))
    elif q.date_to is not None:
        out.append(_column("date", f"e.date <= {ph}", (q.date_to.isoformat(),)))
    for name, role, codes in (
        ("actor", ROLE_ACTOR, q.actor),
        ("recipient", ROLE_RECIPIENT, q.recipient),
        ("party", ROLE_PARTY, q.party),
        ("claimed_by", ROLE_CLAIMANT, q.claimed_by),
    ):
        if codes:
            cond = f"role = {ph} AND code IN ({_marks(ph, len(codes))})"
            out.append(_side(name, "event_party", cond, (role, *codes)))
    if q.place_country:
        cond = f"country IN ({_marks(ph, len(q.place_country))})"
        out.append(_side("place_country", "event_place", cond, q.place_country))
    if q.bbox is not None:
        min_lon, min_lat, max_lon, max_lat = q.bbox
        cond = f"lon BETWEEN {ph} AND {ph} AND lat BETWEEN {ph} AND {ph}"
        out.append(_side("bbox", "event_place", cond, (min_lon, max_lon, min_lat, max_lat)))
    if q.text:
        out.append(_text(q.text, dialect, ph, events_fts=events_fts))
    return out


def _text(text: str, dialect: Dialect, ph: str, *, events_fts: bool) -> Filter:
    pattern = like_pattern(text)
    if dialect == "postgres":
        cond = f"e.text ILIKE {ph} ESCAPE '\\'"
        return Filter("text", cond, cond, (pattern,), None, column=True)
    scan = f"e.text LIKE {ph} ESCAPE '\\'"
    if events_fts and len(text) >= TRIGRAM_MIN:
        # a phrase of trigrams is an exact substring match answered from the index alone
        fts = f"SELECT rowid FROM events_fts WHERE events_fts MATCH {ph}"
        phrase = '"' + text.replace('"', '""') + '"'
        return Filter("text", f"e.pk IN ({fts})", scan, (phrase,), fts, column=False, probe_params=(pattern,))
    return Filter("text", scan, scan, (pattern,), None, column=False)


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


def driven(filters: list[Filter], driver: Filter | None, what: str, dialect: Dialect) -> Select:
    """``SELECT what FROM events e`` with ``driver`` in its driver form, the rest probed."""
    conds: list[str] = []
    params: list[object] = []
    for f in filters:
        form = f.driver if f is driver else f.probe
        conds.append(form)
        params.extend(f.params_for(form))
    return Select(f"SELECT {what} FROM events e{_where(conds)}", params)


def simple_page(q: EventQuery, dialect: Dialect, filters: list[Filter]) -> Select:
    """Every filter in its driver form: what PostgreSQL gets, and SQLite for column-only sets."""
    ph = "?" if dialect == "sqlite" else "%s"
    sel = Select(
        f"SELECT e.pk FROM events e{_where([f.driver for f in filters])}{order_by(dialect)}"
        f" LIMIT {ph} OFFSET {ph}",
        [p for f in filters for p in f.params],
    )
    sel.params += [q.limit, q.offset]
    return sel


def capped_scan(q: EventQuery, filters: list[Filter]) -> Select:
    """Step 2: the first SCAN_CAP candidates in date order, the other filters probed."""
    cols = [f for f in filters if f.column]
    rest = [f for f in filters if not f.column]
    inner = (
        f"SELECT e.pk, e.date, e.id FROM events e{_where([f.driver for f in cols])}"
        f" ORDER BY e.date DESC, e.id LIMIT {SCAN_CAP}"
    )
    sql = (
        f"SELECT e.pk FROM ({inner}) t JOIN events e ON e.pk = t.pk"
        f"{_where([f.probe for f in rest])} ORDER BY t.date DESC, t.id LIMIT ? OFFSET ?"
    )
    params = [p for f in cols for p in f.params] + [p for f in rest for p in f.params_for(f.probe)]
    return Select(sql, [*params, q.limit, q.offset])


def estimate(f: Filter) -> Select | None:
    if f.estimate is None:
        return None
    return Select(f"SELECT count(*) FROM ({f.estimate} LIMIT {ESTIMATE_CAP}) x", list(f.params))


def count_one(f: Filter) -> Select | None:
    """A count read from one index alone, when ``f`` is the only filter."""
    if f.column or f.estimate is None:
        return None
    if f.name == "text":
        return Select(f"SELECT count(*) FROM ({f.estimate}) x", list(f.params))
    table = "event_place" if f.name in ("place_country", "bbox") else "event_party"
    cond = f.estimate.split(" WHERE ", 1)[1] if f.estimate else ""
    many = table == "event_place" or len(f.params) > 2  # one event can match twice
    what = "count(DISTINCT event_pk)" if many else "count(*)"
    return Select(f"SELECT {what} FROM {table} WHERE {cond}", list(f.params))
