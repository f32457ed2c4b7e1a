"""The read side the SQLite and PostgreSQL backends share: every read of the Store protocol
(the write side is ``sqlwrite``).

SQL here is written with ``?`` placeholders; the PostgreSQL backend turns them into
``%s``. A backend supplies a read cursor (``_fetch``), plus what differs: how undated rows
sort last.
"""

from __future__ import annotations

import datetime as dt
import json
from abc import ABC, abstractmethod
from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import Any

from frontwatch.records import Document, Event
from frontwatch.store.base import (
    ActorWindow,
    DocumentSummary,
    EventQuery,
    SearchHit,
    StoreStats,
)
from frontwatch.store.codec import (
    VersionRow,
    event_from_record,
    from_iso,
    like_pattern,
    make_comment,
    make_document,
    make_section,
    search_terms,
    snippet,
)
from frontwatch.store.sqlfilters import (
    SCAN_PAGE_MAX,
    TRIGRAM_MIN,
    Dialect,
    Filter,
    Select,
    capped_scan,
    estimate,
    events_driven,
    filters_of,
    one_cell,
    order_by,
    plain,
    side_count,
    side_driven,
    side_page,
)
from frontwatch.store.sqlwindows import window_selects
from frontwatch.store.sqlwrite import VERSION_COLS, Row

# A non-side driver must match this many times fewer rows than the best side filter to
# win: a side walk checks type, factuality and date on its own rows for free, while a
# walk of the events table probes each side filter row by row.
SIDE_ADVANTAGE = 10
# Filters the side rows repeat (with an index on the type). On PostgreSQL a side walk answers them
# from the side table's own indexes, where driving from events makes its planner hash every side
# row of the code (actor UKR with event RETREAT at 298k events: a 410 ms count, now a few ms).
ON_SIDE_ROWS = frozenset({"event", "factuality", "date"})
# A capped count of a side walk whose events can own several matching rows (a bbox, several codes)
# first counts the distinct events among this many times cap + 1 rows. PostgreSQL's hashed DISTINCT
# reads every matching row before its LIMIT (all 24,732 place rows of a dense 2 x 2 degree box at
# 284k events for a cap of 10,000), while an event rarely owns more than two rows of one walk
# (1.5 place rows an event in the synthetic store, never more than 3 matching codes a record).
PREFIX_PER_CAP = 2
# Ids in one IN (...) list: well under SQLite's 32,766 parameters, and a plan either backend keeps.
ID_LIST_MAX = 10_000

_KIND_RANK_SQL = "CASE st.kind WHEN 'title' THEN 0 WHEN 'body' THEN 1 WHEN 'comment' THEN 3 ELSE 2 END"


class SQLReads(ABC):
    """The Store protocol's read side over a backend's ``_fetch``."""

    dialect: Dialect
    events_fts: bool = False

    @abstractmethod
    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[Row]: ...

    def has_content(self, content_hash: str) -> bool:
        return bool(self._fetch("SELECT 1 FROM versions WHERE content_hash = ?", (content_hash,)))

    def get_state(self, namespace: str, key: str) -> dict[str, Any] | None:
        rows = self._fetch("SELECT value FROM state WHERE namespace = ? AND key = ?", (namespace, key))
        return dict(json.loads(rows[0][0])) if rows else None

    def get_document(self, doc_id: str, version: int | None = None) -> Document | None:
        if version is None:
            rows = self._fetch(
                f"SELECT v.id, {_prefixed('v')} FROM versions v JOIN documents d ON v.id = d.current_id"
                " WHERE d.doc_id = ?",
                (doc_id,),
            )
        else:
            rows = self._fetch(
                f"SELECT v.id, {_prefixed('v')} FROM versions v WHERE v.doc_id = ? AND v.version = ?",
                (doc_id, version),
            )
        if not rows:
            return None
        vid, *cols = rows[0]
        sections = self._fetch(
            'SELECT kind, text, start, "end", language, url FROM sections WHERE version_id = ? ORDER BY ord',
            (vid,),
        )
        comments = self._fetch(
            "SELECT ord, text, author, date, likes, depth FROM comments WHERE version_id = ? ORDER BY ord",
            (vid,),
        )
        v = VersionRow(*[_text_date(c) for c in cols])
        return make_document(v, [make_section(r) for r in sections], [make_comment(r) for r in comments])

    def published_dates(self, doc_ids: Collection[str] | None = None) -> dict[str, dt.date | None]:
        wanted = None if doc_ids is None else set(doc_ids)
        if wanted is not None and len(wanted) <= ID_LIST_MAX:
            if not wanted:
                return {}
            marks = ", ".join("?" * len(wanted))
            rows = self._fetch(f"SELECT doc_id, published FROM documents WHERE doc_id IN ({marks})",
                               sorted(wanted))
        else:  # many ids: one pass over the documents beats a long IN list
            rows = self._fetch("SELECT doc_id, published FROM documents")
        return {r[0]: from_iso(r[1]) for r in rows if wanted is None or r[0] in wanted}

    def documents(self, limit: int = 100, offset: int = 0) -> list[DocumentSummary]:
        nulls = " NULLS LAST" if self.dialect == "postgres" else ""
        rows = self._fetch(
            "SELECT d.doc_id, v.title, v.category, v.published, v.language, d.current_version,"
            " (SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id),"
            " (SELECT count(*) FROM comments c WHERE c.version_id = d.current_id), v.source"
            " FROM documents d JOIN versions v ON v.id = d.current_id"
            f" ORDER BY d.published DESC{nulls}, d.doc_id LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [
            DocumentSummary(
                doc_id=r[0],
                title=r[1],
                category=r[2],
                published=from_iso(r[3]),
                language=r[4],
                versions=int(r[5]),
                events=int(r[6]),
                comments=int(r[7]),
                source=r[8],
            )
            for r in rows
        ]

    def events(self, q: EventQuery) -> list[Event]:
        return self._records([int(r[0]) for r in self._page(q)])

    def _page(self, q: EventQuery) -> list[Row]:
        """The keys of one page of matching events, in order (the plan: sqlfilters)."""
        filters = filters_of(q, self.dialect, events_fts=self.events_fts)
        if self._plain(filters):
            sel = plain("e.pk", filters)
            sel.sql += f"{order_by(self.dialect)} LIMIT ? OFFSET ?"
            sel.params += [q.limit, q.offset]
            return self._fetch(sel.sql, sel.params)
        driver = self._driver(filters)
        if driver is not None and driver.cells:
            return self._cells_page(q, filters, driver)
        if driver is not None and driver.kind == "side":
            return [(r[2],) for r in self._fetch(*_args(side_page(q, filters, driver)))]
        if q.offset + q.limit <= SCAN_PAGE_MAX:
            rows = self._fetch(*_args(capped_scan(q, filters, driver, self.dialect)))
            if len(rows) == q.limit:
                return rows
        sel = events_driven("e.pk", filters, driver)
        return self._fetch(
            f"{sel.sql}{order_by(self.dialect)} LIMIT ? OFFSET ?", [*sel.params, q.limit, q.offset]
        )

    def _cells_page(self, q: EventQuery, filters: list[Filter], driver: Filter) -> list[Row]:
        """A bbox page: the first offset+limit of each grid cell in order, merged here."""
        top = replace(q, limit=q.offset + q.limit, offset=0)
        found: dict[int, tuple[str, str]] = {}
        for cell in driver.cells:
            narrowed = one_cell(driver, cell)
            others = [narrowed if f is driver else f for f in filters]
            for date, id_, pk in self._fetch(*_args(side_page(top, others, narrowed))):
                found[int(pk)] = (date, id_)
        ordered = sorted(found.items(), key=lambda kv: kv[1][1])
        ordered.sort(key=lambda kv: kv[1][0], reverse=True)  # date DESC ('' last), then id
        return [(pk,) for pk, _ in ordered[q.offset : q.offset + q.limit]]

    def _records(self, pks: list[int]) -> list[Event]:
        """The full records of ``pks``, in that order."""
        if not pks:
            return []
        by_pk: dict[int, Any] = {}
        for at in range(0, len(pks), ID_LIST_MAX):  # SQLite takes at most 32,766 parameters a query
            chunk = pks[at:at + ID_LIST_MAX]
            marks = ", ".join("?" * len(chunk))
            rows = self._fetch(f"SELECT pk, record FROM event_records WHERE pk IN ({marks})", chunk)
            by_pk.update((int(pk), record) for pk, record in rows)
        return [event_from_record(by_pk[pk]) for pk in pks]

    def count_events(self, q: EventQuery, cap: int | None = None) -> int:
        # the filters and the driver are chosen once (on PostgreSQL an EXPLAIN per candidate)
        filters = filters_of(q, self.dialect, events_fts=self.events_fts)
        driver = None if self._plain(filters) else self._driver(filters)
        if cap is not None:  # the same plans, stopped after cap + 1 matches
            early = self._prefix_count(filters, driver, cap)
            if early is not None:
                return early
            rows = self._count_plan(filters, driver, rows=True)
            return int(self._fetch(f"SELECT count(*) FROM ({rows.sql} LIMIT ?) capped",
                                   [*rows.params, cap + 1])[0][0])
        sel = self._count_plan(filters, driver, rows=False)
        return int(self._fetch(sel.sql, sel.params)[0][0])

    def _prefix_count(self, filters: list[Filter], driver: Filter | None, cap: int) -> int | None:
        """On PostgreSQL, a capped count of a walk with repeated events from its first rows alone:
        more than ``cap`` distinct events there is "more than cap", and fewer rows than asked for is
        every row. None when neither holds (or the plan is another), and the full plan decides."""
        if self.dialect != "postgres":  # SQLite's DISTINCT streams and stops at the LIMIT by itself
            return None
        if driver is None or driver.kind != "side" or not driver.dupes:
            return None
        sel = side_driven("s.event_pk", filters, driver)
        wanted = PREFIX_PER_CAP * (cap + 1)
        sql = f"SELECT count(DISTINCT event_pk), count(*) FROM ({sel.sql} LIMIT ?) prefix"
        distinct, rows = self._fetch(sql, [*sel.params, wanted])[0]
        if int(distinct) > cap:
            return cap + 1
        return int(distinct) if int(rows) < wanted else None

    def _count_plan(self, filters: list[Filter], driver: Filter | None, *, rows: bool) -> Select:
        """The count of matching events (or, with ``rows``, one row per matching event)."""
        what = "1" if rows else "count(*)"
        if self._plain(filters):
            return plain(what, filters)
        if driver is not None and driver.kind == "side":
            if rows:
                return side_driven("DISTINCT s.event_pk" if driver.dupes else "1", filters, driver)
            return side_count(filters, driver)
        if driver is not None and len(filters) == 1 and driver.estimate:
            return Select(f"SELECT {what} FROM ({driver.estimate}) x", list(driver.params))
        return events_driven(what, filters, driver)

    def _plain(self, filters: list[Filter]) -> bool:
        """Whether one statement on the events table is the plan: no side filter, and on SQLite
        no text filter either. PostgreSQL's planner cannot see through a side filter (it walks the
        events in date order probing a rare code, or joins every row of a common one before the
        LIMIT), so a side filter drives there as in SQLite; its text filters use pg_trgm in place."""
        if self.dialect == "postgres":
            return all(f.kind != "side" for f in filters)
        return all(f.kind == "column" for f in filters)

    def _driver(self, filters: list[Filter]) -> Filter | None:
        """The filter to drive by: the side filter with the fewest rows (its walk checks the
        column filters in place), unless another is ``SIDE_ADVANTAGE`` times smaller still."""
        candidates = [f for f in filters if f.estimate is not None]
        if len(candidates) <= 1:
            return candidates[0] if candidates else None  # nothing to choose: skip the counting
        sized = [(self._size(f), f) for f in candidates]
        side = min((x for x in sized if x[1].kind == "side"), key=lambda x: x[0], default=None)
        other = min((x for x in sized if x[1].kind != "side"), key=lambda x: x[0], default=None)
        if side is None:
            return other[1] if other else None
        if other is not None and other[0] * SIDE_ADVANTAGE < side[0] and not (
            self.dialect == "postgres" and other[1].name in ON_SIDE_ROWS
        ):
            return other[1]
        return side[1]

    def _size(self, f: Filter) -> int:
        """About how many rows ``f`` matches. SQLite counts them (up to ``ESTIMATE_CAP``); PostgreSQL's
        planner estimates them from its statistics (most common values, histograms) in well under
        a millisecond, where counting 50,000 index entries took 10-15 ms a filter at 100k events."""
        if self.dialect == "postgres":
            plan = self._fetch(f"EXPLAIN (FORMAT JSON) {f.estimate}", f.params)[0][0]
            return int(plan[0]["Plan"]["Plan Rows"])
        sel = estimate(f)
        return int(self._fetch(sel.sql, sel.params)[0][0]) if sel is not None else 0

    def acts_in_windows(
        self, windows: Sequence[ActorWindow], event: Collection[str], factuality: Collection[str]
    ) -> list[Event]:
        ph = "?" if self.dialect == "sqlite" else "%s"
        keys: set[int] = set()
        for sel in window_selects(windows, event, factuality, ph):
            keys.update(int(r[0]) for r in self._fetch(sel.sql, sel.params))
        return self._records(sorted(keys))

    def get_event(self, event_id: str) -> Event | None:
        rows = self._fetch(
            "SELECT r.record FROM events e JOIN event_records r ON r.pk = e.pk WHERE e.id = ?", (event_id,)
        )
        return event_from_record(rows[0][0]) if rows else None

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        terms = search_terms(query)
        if not terms:
            return []
        clauses: list[str] = []
        params: list[Any] = []
        for term in terms:
            clauses.append(self._term_clause(term))
            params.append(like_pattern(term))
        nulls = " NULLS LAST" if self.dialect == "postgres" else ""
        rows = self._fetch(
            "SELECT st.doc_id, v.title, st.kind, st.text FROM search_text st"
            " JOIN documents d ON d.doc_id = st.doc_id JOIN versions v ON v.id = d.current_id"
            f" WHERE {' AND '.join(clauses)}"
            f" ORDER BY {_KIND_RANK_SQL}, d.published DESC{nulls}, st.doc_id, st.ord LIMIT ?",
            (*params, limit),
        )
        return [SearchHit(doc_id=r[0], title=r[1], snippet=snippet(r[3], query), kind=r[2]) for r in rows]

    def _term_clause(self, term: str) -> str:
        if self.dialect == "postgres":
            return "st.text ILIKE ? ESCAPE '\\'"
        if len(term) >= TRIGRAM_MIN:
            return "st.id IN (SELECT rowid FROM search_fts WHERE text LIKE ? ESCAPE '\\')"
        return "st.text LIKE ? ESCAPE '\\'"

    def stats(self) -> StoreStats:
        counts = self._fetch(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM versions),"
            " (SELECT count(*) FROM events),"
            " (SELECT count(*) FROM comments c JOIN documents d ON c.version_id = d.current_id),"
            " (SELECT min(date) FROM events), (SELECT max(date) FROM events)"
        )[0]
        by_type = self._fetch("SELECT event, count(*) FROM events GROUP BY event ORDER BY event")
        return StoreStats(
            documents=int(counts[0]),
            versions=int(counts[1]),
            events=int(counts[2]),
            comments=int(counts[3]),
            events_by_type={str(k): int(n) for k, n in by_type},
            date_from=counts[4],
            date_to=counts[5],
        )


def _args(sel: Select) -> tuple[str, list[object]]:
    return sel.sql, sel.params


def _prefixed(alias: str) -> str:
    return ", ".join(f"{alias}.{c.strip()}" for c in VERSION_COLS.split(","))


def _text_date(value: Any) -> Any:
    """PostgreSQL hands dates back as dates; the shared code reads ISO strings."""
    return value.isoformat() if isinstance(value, dt.date) else value
