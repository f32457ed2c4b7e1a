"""Storage backends behind the Store seam (see base.py).

``open_store(target)`` picks a backend by the target's scheme and looks it up by name
in the ``frontwatch.stores`` entry-point group, the same door an outside backend uses:

    /path/to/file.db, sqlite:///abs/path.db, sqlite:rel.db  -> "sqlite"
    postgresql://user@host/db, postgres://...                -> "postgresql"
    memory:                                                  -> "memory" (the fake)
    NAME://...  or  NAME:...                                 -> the plugin registered as NAME
"""

from __future__ import annotations

import re
from typing import cast

from frontwatch import registry
from frontwatch.errors import FrontwatchError, StoreError
from frontwatch.store.base import (
    ActorWindow,
    DocumentSummary,
    EventQuery,
    PutStatus,
    SearchHit,
    Store,
    StoreStats,
)

__all__ = [
    "ActorWindow",
    "DocumentSummary",
    "EventQuery",
    "PutStatus",
    "SearchHit",
    "Store",
    "StoreStats",
    "backend_name",
    "open_store",
]

STORES_GROUP = "frontwatch.stores"
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_ALIASES = {"postgres": "postgresql", "file": "sqlite"}


def backend_name(target: str) -> str:
    """The registry name of the backend for ``target``; a plain path is SQLite."""
    m = _SCHEME.match(target)
    if m is None or len(m.group(1)) == 1:  # no scheme, or a Windows drive letter
        return "sqlite"
    scheme = m.group(1).lower()
    return _ALIASES.get(scheme, scheme)


def open_store(target: str) -> Store:
    """Open the store at ``target`` (created and migrated when it does not exist yet)."""
    if not target or not target.strip():
        raise StoreError("no store given: pass a file path, sqlite:///path, postgresql://... or memory:")
    name = backend_name(target)
    if name == "sqlite" and target.startswith("file:"):
        target = target[len("file:") :].removeprefix("//")
    try:
        factory = registry.load(STORES_GROUP, name)
    except FrontwatchError as exc:
        raise StoreError(f"no store backend for {target!r}: {exc}") from exc
    return cast(Store, factory(target))
