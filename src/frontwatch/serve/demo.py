"""The demo store: the built-in demo corpus, ingested and coded once, reused after.

``build_demo_store(target)`` loads ``frontwatch.demo.corpus_paths()`` with
``frontwatch.ingest.load_documents``, codes the documents the store does not hold yet
with the default coder (chosen by name through the registry, as a plugin would be),
and stores them. A second run finds every document by its content hash and codes
nothing, so ``frontwatch serve --demo`` starts in about a second after the first time.

A SQLite demo store carries a fingerprint file beside it (``demo.db.fingerprint``):
a hash of the corpus, the data files, the coding code and the version. When that
changes, the records in the store are stale, so the file is built again from scratch.
A store without a fingerprint that is not the default demo store is never deleted:
the demo documents it lacks are added to it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from frontwatch.errors import FrontwatchError
from frontwatch.records import Document, InputProblem
from frontwatch.store.codec import content_hash

DEMO_DB_NAME = "demo.db"
FINGERPRINT_SUFFIX = ".fingerprint"
# What the demo store's records and schema depend on, besides the corpus and the version.
CODE_PACKAGES = ("data", "clean", "ingest", "nlp", "coding", "resolve", "store")


@dataclass(frozen=True, slots=True)
class DemoBuild:
    target: str
    stored: int  # documents coded and stored by this run
    reused: int  # documents already in the store
    events: int  # events stored by this run
    problems: tuple[InputProblem, ...] = ()


def default_demo_target() -> str:
    from platformdirs import user_data_dir

    return str(Path(user_data_dir("frontwatch")) / DEMO_DB_NAME)


def demo_paths() -> list[str]:
    try:
        from frontwatch.demo import corpus_paths
    except ImportError as exc:
        raise FrontwatchError(
            "the demo corpus is not installed with this frontwatch; serve a store of your own with --db FILE"
        ) from exc
    return [str(p) for p in corpus_paths()]


def _files_under(root: Path) -> Iterator[Path]:
    if root.is_dir():
        yield from sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def fingerprint(paths: list[str]) -> str:
    """A hash of the corpus files, the packaged data and coding code, and the version."""
    from frontwatch import __version__

    h = hashlib.sha256(__version__.encode())
    package = Path(str(files("frontwatch")))
    sources = [Path(p) for p in paths] + [f for name in CODE_PACKAGES for f in _files_under(package / name)]
    for path in sources:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def _sqlite_file(target: str) -> Path | None:
    from frontwatch.store import backend_name

    if backend_name(target) != "sqlite":
        return None
    return Path(target.removeprefix("sqlite:///").removeprefix("sqlite:").removeprefix("file:"))


def _discard_if_stale(db: Path, print_: str, *, owned: bool) -> None:
    marker = db.with_name(db.name + FINGERPRINT_SUFFIX)
    stale = marker.read_text().strip() != print_ if marker.exists() else owned
    if stale and db.exists():
        for suffix in ("", "-wal", "-shm"):
            db.with_name(db.name + suffix).unlink(missing_ok=True)


def build_demo_store(target: str, *, progress: Callable[[str], None] | None = None) -> DemoBuild:
    """Fill the store at ``target`` with the demo corpus; code only what it lacks."""
    from frontwatch import registry
    from frontwatch.ingest import load_documents
    from frontwatch.store import open_store

    paths = demo_paths()
    db = _sqlite_file(target)
    print_ = fingerprint(paths)
    if db is not None:
        db.parent.mkdir(parents=True, exist_ok=True)
        _discard_if_stale(db, print_, owned=str(db) == default_demo_target())
    store = open_store(target)
    try:
        fresh: list[Document] = []
        problems: list[InputProblem] = []
        reused = 0
        for item in load_documents(paths):
            if isinstance(item, InputProblem):
                problems.append(item)
            elif store.has_content(content_hash(item)):
                reused += 1
            else:
                fresh.append(item)
        events = 0
        if fresh:
            if progress:
                progress(f"coding {len(fresh)} demo documents (the models load once; this takes a while)")
            coder = registry.load("frontwatch.coders", "default")()
            for doc, evs in coder.code_many(fresh):
                store.put(doc, evs)
                events += len(evs)
        if db is not None:
            db.with_name(db.name + FINGERPRINT_SUFFIX).write_text(print_ + "\n")
        return DemoBuild(target, len(fresh), reused, events, tuple(problems))
    finally:
        store.close()
