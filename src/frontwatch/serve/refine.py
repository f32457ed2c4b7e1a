"""The dashboard's language, source and least-deaths menus: what values the newest events hold.

The filters themselves are ``EventQuery.language``, ``.source`` and ``.dead_min``, answered
by the store over the whole archive. The menus only list the values present, with counts,
among the newest ``SCAN_CAP`` events (the response says when that cap cut the set).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from frontwatch.query import SCAN_CAP, Scan, scan_events
from frontwatch.store.base import EventQuery, Store
from frontwatch.store.codec import LOCAL_SITE, document_site

# Fewest deaths the menu offers; 0 means "any" and is not a filter.
DEAD_CHOICES: tuple[int, ...] = (1, 10, 100)


def doc_sites(store: Store, doc_ids: Iterable[str]) -> dict[str, str]:
    """doc_id -> the site of its document (the latest version)."""
    out: dict[str, str] = {}
    for d in dict.fromkeys(doc_ids):
        doc = store.get_document(d)
        out[d] = document_site(doc.url, doc.source) if doc is not None else LOCAL_SITE
    return out


def facet_counts(store: Store, scan: Scan | None = None) -> dict[str, list[dict[str, object]]]:
    """Languages, sources and death bands present among ``scan``'s events (default: the
    newest SCAN_CAP), with counts, for the filter menus."""
    events = (scan or scan_events(store, EventQuery(), SCAN_CAP)).events
    sites = doc_sites(store, (e.doc_id for e in events))
    langs = Counter(e.language for e in events)
    by_site = Counter(sites.get(e.doc_id, LOCAL_SITE) for e in events)
    dead = [e.dead for e in events if e.dead is not None]
    return {
        "languages": [{"code": k, "count": v} for k, v in langs.most_common()],
        "sources": [{"code": k, "count": v} for k, v in by_site.most_common()],
        "dead_min": [{"code": n, "count": sum(d >= n for d in dead)} for n in DEAD_CHOICES
                     if any(d >= n for d in dead) or n == DEAD_CHOICES[0]],
    }


__all__ = ["DEAD_CHOICES", "facet_counts"]
