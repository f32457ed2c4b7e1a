"""``Store.acts_in_windows`` for both SQL backends: the records that can resolve forecasts, in one
statement per ``WINDOWS_PER_QUERY`` windows.

The windows are a ``WITH w(code, lo, hi) AS (VALUES …)`` list joined to the actor rows of
``event_party``, which repeat their event's date, type and factuality: a dated record is found
by a range on the side table's ``(role, code, date, id)`` key; an undated one (date ``''`` there)
by its document's publication date. Dates compare as ISO text on both backends.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from frontwatch.store.base import ActorWindow
from frontwatch.store.codec import ROLE_ACTOR
from frontwatch.store.sqlfilters import Select

# Windows per statement: three parameters each, far under SQLite's 32,766.
WINDOWS_PER_QUERY = 2000
OPEN_END = "9999-12-31"  # a window with no end: after any ISO date


def window_selects(
    windows: Sequence[ActorWindow], event: Collection[str], factuality: Collection[str], ph: str = "?"
) -> list[Select]:
    """The statements giving the keys (``event_pk``) of the matching events; a key may repeat
    across statements, never within one."""
    if not windows or not event or not factuality:
        return []
    kinds, facts = sorted(event), sorted(factuality)
    same = (f"s.role = {ph} AND s.event IN ({', '.join([ph] * len(kinds))})"
            f" AND s.factuality IN ({', '.join([ph] * len(facts))})")
    undated = ("s.date = '' AND EXISTS (SELECT 1 FROM events te JOIN documents d ON d.doc_id = te.doc_id"
               " WHERE te.pk = s.event_pk AND d.published BETWEEN w.lo AND w.hi)")
    out = []
    for at in range(0, len(windows), WINDOWS_PER_QUERY):
        chunk = windows[at : at + WINDOWS_PER_QUERY]
        values = ", ".join([f"({ph}, {ph}, {ph})"] * len(chunk))
        params: list[object] = [p for w in chunk for p in _window(w)]
        sql = (f"WITH w(code, lo, hi) AS (VALUES {values})"
               f" SELECT s.event_pk FROM event_party s JOIN w ON s.code = w.code"
               f" WHERE {same} AND s.date BETWEEN w.lo AND w.hi"
               f" UNION SELECT s.event_pk FROM event_party s JOIN w ON s.code = w.code"
               f" WHERE {same} AND {undated}")
        out.append(Select(sql, [*params, ROLE_ACTOR, *kinds, *facts, ROLE_ACTOR, *kinds, *facts]))
    return out


def _window(w: ActorWindow) -> tuple[str, str, str]:
    return w.actor, w.start.isoformat(), w.end.isoformat() if w.end else OPEN_END
