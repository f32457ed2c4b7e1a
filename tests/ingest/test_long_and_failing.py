"""One long paragraph or one document that breaks the coder never stops a run (issue 15, item 1)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from frontwatch.cli import app
from frontwatch.ingest import load_documents
from frontwatch.ingest.run import ingest_documents
from frontwatch.records import Document, Event, IngestResult
from frontwatch.store import open_store
from frontwatch.store.base import EventQuery

SENTENCE = "ジョージア警察は首都でのデモ参加者約40人を拘束した。"
FILLER = "この日の天気は晴れで、市場には多くの人が集まっていたという。"
SUDACHI_LIMIT = 49_149


def _long_page(tmp_path: Path) -> Path:
    body = FILLER * 1000 + SENTENCE  # one paragraph, no line break: about 90 kB of UTF-8
    assert len(body.encode()) > SUDACHI_LIMIT
    path = tmp_path / "long.txt"
    path.write_text(f"国境の町で砲撃\n\n{body}\n", encoding="utf-8")
    return path


@pytest.mark.ginza
def test_ingest_codes_a_paragraph_past_sudachi_limit_and_goes_on(tmp_path: Path) -> None:
    pytest.importorskip("ja_ginza")
    long = _long_page(tmp_path)
    (tmp_path / "short.txt").write_text(f"砲撃\n\n{SENTENCE}\n", encoding="utf-8")
    db = tmp_path / "fw.db"
    result = CliRunner().invoke(app, ["ingest", str(tmp_path), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "2 stored" in result.output and "0 failed" in result.output
    store = open_store(str(db))
    try:
        events = store.events(EventQuery(doc_id="long", limit=5000))
        assert store.get_document("short") is not None
    finally:
        store.close()
    assert any(e.span[0] > len(long.read_text(encoding="utf-8")) // 2 for e in events)


@pytest.mark.ginza
def test_code_codes_a_paragraph_past_sudachi_limit(tmp_path: Path) -> None:
    pytest.importorskip("ja_ginza")
    long = _long_page(tmp_path)
    result = CliRunner().invoke(app, ["code", str(long)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert max(r["span"][0] for r in records) > SUDACHI_LIMIT // 3


class BreakingCoder:
    """Codes every document but one, on which it raises what a parser library would."""

    def __init__(self, broken: str) -> None:
        self.broken = broken

    def code(self, doc: Document) -> list[Event]:
        if doc.doc_id == self.broken:
            raise RuntimeError("Error during tokenization")
        return [Event(id=f"{doc.doc_id}#1", doc_id=doc.doc_id, event="FIGHT", text=doc.body[0],
                      span=(0, 1), language="ja")]

    def code_many(self, docs: Iterable[Document]) -> Iterator[tuple[Document, list[Event]]]:
        for doc in docs:
            yield doc, self.code(doc)


def test_run_reports_a_failing_document_with_its_file_and_goes_on(tmp_path: Path) -> None:
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(f"見出し{name}\n\n{SENTENCE}\n", encoding="utf-8")
    store = open_store(str(tmp_path / "fw.db"))
    results: list[IngestResult] = []
    try:
        summary = ingest_documents(load_documents([str(tmp_path)]), store,
                                   coder_factory=lambda: BreakingCoder("b"), on_result=results.append)
        assert summary.counts["stored"] == 2 and summary.failed == 1
        failed = [r for r in results if r.status == "failed"]
        assert failed[0].source == str(tmp_path / "b.txt")
        assert "RuntimeError" in (failed[0].reason or "") and "tokenization" in (failed[0].reason or "")
        assert store.get_document("a") is not None and store.get_document("c") is not None
        assert store.get_document("b") is None
    finally:
        store.close()
