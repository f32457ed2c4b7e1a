"""Filters the store's query cannot answer, applied to a scan: language, source, deaths.

``EventQuery`` filters in the store (types, parties, places, dates, factuality,
claimants). The dashboard also narrows by the sentence's language, the site a document
came from and a least number of deaths; these are checked here, over the newest
``SCAN_CAP`` events the store query matches (responses say when that cap cut the set).
A document's source is the host of its URL (``www.`` dropped), else of the address it
was read from, else the folder of the file it was read from.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import urlsplit

from frontwatch.errors import InputError
from frontwatch.query import SCAN_CAP, Scan, scan_events
from frontwatch.records import Document, Event
from frontwatch.store.base import EventQuery, Store

LOCAL = "local file"
MAX_DEAD = 1_000_000
# Fewest deaths a filter may ask for; 0 means "any" and is not a filter.
DEAD_CHOICES: tuple[int, ...] = (1, 10, 100)


@dataclass(frozen=True, slots=True)
class Refine:
    languages: frozenset[str] = frozenset()
    sources: frozenset[str] = frozenset()
    dead_min: int | None = None

    @property
    def active(self) -> bool:
        return bool(self.languages or self.sources or self.dead_min)

    def keep(self, ev: Event, sites: Mapping[str, str]) -> bool:
        if self.languages and ev.language not in self.languages:
            return False
        if self.dead_min and (ev.dead is None or ev.dead < self.dead_min):
            return False
        return not self.sources or sites.get(ev.doc_id, LOCAL) in self.sources


def refine_from(languages: Sequence[str], sources: Sequence[str], dead_min: int | None) -> Refine:
    """A ``Refine`` from URL values; raises ``InputError`` on a value that can match nothing."""
    langs = frozenset(x.strip().lower() for v in languages for x in v.split(",") if x.strip())
    if any(not x.replace("-", "").isalpha() or len(x) > 12 for x in langs):
        raise InputError(f"language={','.join(sorted(langs))} is not a language code: give e.g. en or ja")
    if dead_min is not None and not 0 <= dead_min <= MAX_DEAD:
        raise InputError(f"dead_min={dead_min} is out of range: give 0 to {MAX_DEAD}")
    sites = frozenset(x.strip() for v in sources for x in v.split(",") if x.strip())
    return Refine(langs, sites, dead_min or None)


def site(doc: Document | None) -> str:
    """"example.org" for a document read from or pointing at a web address; "files in
    corpus/" for one read from a file with no address; LOCAL when neither is known."""
    if doc is None:
        return LOCAL
    for address in (doc.url, doc.source):
        if address and address.startswith(("http://", "https://")):
            host = urlsplit(address).hostname or ""
            return host.removeprefix("www.") or LOCAL
    folder = PurePath(doc.source).parent.name if doc.source else ""
    return f"files in {folder}/" if folder else LOCAL


def doc_sites(store: Store, doc_ids: Iterable[str]) -> dict[str, str]:
    """doc_id -> the site of its document (the latest version)."""
    return {d: site(store.get_document(d)) for d in dict.fromkeys(doc_ids)}


def refined_scan(store: Store, q: EventQuery, refine: Refine, cap: int = SCAN_CAP) -> Scan:
    """The newest events matching ``q`` (limit and offset ignored) that ``refine`` keeps."""
    scan = scan_events(store, q, cap)
    if not refine.active:
        return scan
    sites = doc_sites(store, (e.doc_id for e in scan.events)) if refine.sources else {}
    return Scan([e for e in scan.events if refine.keep(e, sites)], scan.truncated)


def facet_counts(store: Store, scan: Scan | None = None) -> dict[str, list[dict[str, object]]]:
    """Languages, sources and death bands present among ``scan``'s events (default: the
    newest SCAN_CAP), with counts, for the filter menus."""
    events = (scan or scan_events(store, EventQuery(), SCAN_CAP)).events
    sites = doc_sites(store, (e.doc_id for e in events))
    langs = Counter(e.language for e in events)
    by_site = Counter(sites.get(e.doc_id, LOCAL) for e in events)
    dead = [e.dead for e in events if e.dead is not None]
    return {
        "languages": [{"code": k, "count": v} for k, v in langs.most_common()],
        "sources": [{"code": k, "count": v} for k, v in by_site.most_common()],
        "dead_min": [{"code": n, "count": sum(d >= n for d in dead)} for n in DEAD_CHOICES
                     if any(d >= n for d in dead) or n == DEAD_CHOICES[0]],
    }


def page(scan: Scan, limit: int, offset: int) -> tuple[list[Event], bool]:
    """One page of a refined scan, and whether more follow."""
    end = min(offset + limit, len(scan.events)) if offset < len(scan.events) else offset
    return scan.events[offset:end], len(scan.events) > end


__all__ = ["Refine", "facet_counts", "page", "refine_from", "refined_scan"]
