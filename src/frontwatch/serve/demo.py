"""The demo store: the built-in demo corpus, ingested and coded once, reused after.

``build_demo_store(target)`` loads ``frontwatch.demo.corpus_paths()`` with
``frontwatch.ingest.load_documents``, codes the documents the store does not hold yet
with the default coder (chosen by name through the registry, as a plugin would be),
and stores them. A second run finds every document by its content hash and codes
nothing, so ``frontwatch serve --demo`` starts in about a second after the first time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from frontwatch.errors import FrontwatchError
from frontwatch.records import Document, InputProblem
from frontwatch.store.codec import content_hash

DEMO_DB_NAME = "demo.db"


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


def build_demo_store(target: str, *, progress: Callable[[str], None] | None = None) -> DemoBuild:
    """Fill the store at ``target`` with the demo corpus; code only what it lacks."""
    from frontwatch import registry
    from frontwatch.ingest import load_documents
    from frontwatch.store import open_store

    Path(target).parent.mkdir(parents=True, exist_ok=True) if "://" not in target else None
    store = open_store(target)
    try:
        fresh: list[Document] = []
        problems: list[InputProblem] = []
        reused = 0
        for item in load_documents(demo_paths()):
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
        return DemoBuild(target, len(fresh), reused, events, tuple(problems))
    finally:
        store.close()
