"""Code a few Japanese sentences as a one-article page: shared by the rule tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from frontwatch.ingest import load_documents
from frontwatch.records import Document, Event


def coded_events(coder: Any, tmp_path: Path, *body: str, title: str = "国際情勢の動き") -> list[Event]:
    path = tmp_path / "doc.txt"
    path.write_text("国際関連\n\n" + title + "\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
    docs = [d for d in load_documents([str(path)]) if isinstance(d, Document)]
    return next(iter(coder.code_many(docs)))[1]


def codes(ents: Any) -> set[str]:
    return {e.code for e in ents}
