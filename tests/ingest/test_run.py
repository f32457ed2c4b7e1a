"""Parsed documents into a store: duplicates, versions, failures, a coder built once and only when needed."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from frontwatch.errors import InputError, ModelError
from frontwatch.ingest import load_documents
from frontwatch.ingest.run import build_coder, ingest_documents
from frontwatch.records import Document, Event, IngestResult
from frontwatch.store import open_store


class CountingCoder:
    """One event per body paragraph; counts the documents it was asked to code."""

    def __init__(self) -> None:
        self.coded: list[str] = []

    def code(self, doc: Document) -> list[Event]:
        self.coded.append(doc.doc_id)
        return [Event(id=f"{doc.doc_id}#{n}", doc_id=doc.doc_id, event="FIGHT", text=s.text,
                      span=(s.start, s.end), language=s.language or "ja")
                for n, s in enumerate(doc.parts("body"), start=1)]

    def code_many(self, docs: Iterable[Document]) -> Iterator[tuple[Document, list[Event]]]:
        for doc in docs:
            yield doc, self.code(doc)


def _page(title: str, body: str) -> str:
    return f"{title}\n\n{body}\n"


def test_run_stores_dedups_and_versions(tmp_path: Path) -> None:
    page = _page("北海で演習", "北海軍は演習を始めた。\n\n南海は反発した。")
    (tmp_path / "a.txt").write_text(page, encoding="utf-8")
    (tmp_path / "b.txt").write_text(_page("南海で会談", "両国の代表が会談した。"), encoding="utf-8")
    store = open_store("memory:")
    coder = CountingCoder()
    results: list[IngestResult] = []
    first = ingest_documents(load_documents([str(tmp_path)]), store, coder_factory=lambda: coder,
                             on_result=results.append)
    assert first.counts["stored"] == 2 and first.events == 3
    assert [r.status for r in results] == ["stored", "stored"]

    second = ingest_documents(load_documents([str(tmp_path)]), store, coder_factory=lambda: coder)
    assert second.counts["duplicate"] == 2 and second.events == 0
    assert coder.coded == ["a", "b"]  # duplicates are not coded again

    (tmp_path / "a.txt").write_text(_page("北海で演習", "北海軍は演習を延長した。"), encoding="utf-8")
    third = ingest_documents(load_documents([str(tmp_path / "a.txt")]), store, coder_factory=lambda: coder)
    assert third.counts["new_version"] == 1
    assert store.get_document("a") is not None
    assert store.get_document("a").body == ["北海軍は演習を延長した。"]  # type: ignore[union-attr]
    assert store.get_document("a", 1).body == ["北海軍は演習を始めた。", "南海は反発した。"]  # type: ignore[union-attr]


def test_run_failures_reported_others_stored(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(_page("北海で演習", "北海軍は演習を始めた。"), encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    store = open_store("memory:")
    summary = ingest_documents(load_documents([str(tmp_path), str(tmp_path / "gone.txt")]), store,
                               coder_factory=None)
    assert (summary.counts["stored"], summary.failed, summary.events) == (1, 2, 0)
    assert "2 failed" in summary.line()


def test_run_no_coder_needed_for_duplicates_only(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(_page("北海で演習", "北海軍は演習を始めた。"), encoding="utf-8")
    store = open_store("memory:")
    ingest_documents(load_documents([str(tmp_path)]), store, coder_factory=None)

    def broken() -> CountingCoder:
        raise AssertionError("the coder must not be built when nothing needs coding")

    summary = ingest_documents(load_documents([str(tmp_path)]), store, coder_factory=broken)
    assert summary.counts["duplicate"] == 1


def test_run_coder_that_cannot_load_is_one_model_error() -> None:
    def missing() -> CountingCoder:
        raise ImportError("No module named 'ja_ginza'")

    with pytest.raises(ModelError, match="--no-code"):
        build_coder(missing)


class PickyCoder(CountingCoder):
    """Refuses any document whose id starts with "bad", failing the whole batch it is in."""

    def code(self, doc: Document) -> list[Event]:
        if doc.doc_id.startswith("bad"):
            raise InputError(f"{doc.doc_id} cannot be coded")
        return super().code(doc)

    def code_many(self, docs: Iterable[Document]) -> Iterator[tuple[Document, list[Event]]]:
        docs = list(docs)
        for doc in docs:
            self.code(doc)
        yield from ((doc, super(PickyCoder, self).code(doc)) for doc in docs)


def test_run_batch_failure_pinned_to_one_document(tmp_path: Path) -> None:
    for name in ("a", "bad", "c", "d"):
        (tmp_path / f"{name}.txt").write_text(_page(f"{name}の見出し", f"{name}の本文。"), encoding="utf-8")
    store = open_store("memory:")
    results: list[IngestResult] = []
    summary = ingest_documents(load_documents([str(tmp_path)]), store, coder_factory=PickyCoder,
                               on_result=results.append, batch_size=3)
    assert (summary.counts["stored"], summary.failed) == (3, 1)
    assert [(r.doc_id, r.status) for r in results] == [
        ("a", "stored"), ("bad", "failed"), ("c", "stored"), ("d", "stored")]
    assert store.get_document("bad") is None


def test_run_same_name_in_two_folders_is_two_documents(tmp_path: Path) -> None:
    for folder, body in (("east", "東軍は演習を始めた。"), ("west", "西軍は演習を始めた。")):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "drill.txt").write_text(_page("演習", body), encoding="utf-8")
    with open_store(str(tmp_path / "fw.db")) as store:
        summary = ingest_documents(load_documents([str(tmp_path / "in")]), store, coder_factory=None)
        assert summary.counts["stored"] == 2 and summary.counts["new_version"] == 0
        assert "2 files in subfolders stored under a folder/name id" in summary.line()
        assert store.get_document("east/drill") is not None and store.get_document("west/drill") is not None
