"""The demo corpus ships as package data, decodes as declared and loads through ingest."""

from __future__ import annotations

import datetime as dt
import importlib
import json

import pytest
from corpus_support import GOLD_DIR, DemoFile, demo_texts, load_manifest

from frontwatch.demo import CORPUS_DIR, corpus_paths

MIN_DOCUMENTS = 12


@pytest.fixture(scope="module")
def manifest() -> list[DemoFile]:
    return load_manifest()


def test_demo_corpus_paths_sorted_and_complete(manifest: list[DemoFile]) -> None:
    paths = corpus_paths()
    assert paths == sorted(paths)
    assert all(p.parent == CORPUS_DIR and p.is_file() for p in paths)
    assert [p.name for p in paths] == sorted(e.file for e in manifest)


def test_demo_corpus_has_the_promised_mix(manifest: list[DemoFile]) -> None:
    doc_ids = [d for e in manifest for d in e.doc_ids]
    assert len(doc_ids) >= MIN_DOCUMENTS
    assert len(set(doc_ids)) == len(doc_ids)
    suffixes = [e.path.suffix for e in manifest]
    assert suffixes.count(".html") >= 2
    assert suffixes.count(".jsonl") == 1
    encodings = {e.encoding for e in manifest}
    assert {"utf-8", "cp932", "euc_jp"} <= encodings
    assert {e.language for e in manifest} == {"ja", "en"}


@pytest.mark.parametrize("entry", [pytest.param(e, id=e.file) for e in load_manifest()])
def test_demo_corpus_decodes_as_declared(entry: DemoFile) -> None:
    data = entry.path.read_bytes()
    text = data.decode(entry.encoding)
    assert text.strip()
    if entry.encoding != "utf-8":
        # legacy bytes really are legacy: they are not valid UTF-8
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
    for day in entry.published:
        dt.date.fromisoformat(day)


def test_demo_corpus_jsonl_items_carry_metadata(manifest: list[DemoFile]) -> None:
    (entry,) = [e for e in manifest if e.path.suffix == ".jsonl"]
    items = [json.loads(line) for line in entry.path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert [i["doc_id"] for i in items] == list(entry.doc_ids)
    assert [i["published"] for i in items] == list(entry.published)
    for item in items:
        assert item["language"] == "en"
        assert item["url"].startswith("https://")
        assert item["text"].strip()


def test_demo_corpus_has_the_escaping_probe() -> None:
    texts = demo_texts()
    assert any("<script>alert(1)</script>" in t for t in texts.values())


def test_demo_corpus_every_document_has_gold(manifest: list[DemoFile]) -> None:
    doc_ids = {d for e in manifest for d in e.doc_ids}
    gold_ids = {p.stem for p in (GOLD_DIR / "demo").glob("*.json")}
    assert doc_ids == gold_ids


def test_demo_corpus_loads_through_ingest(manifest: list[DemoFile]) -> None:
    try:
        ingest = importlib.import_module("frontwatch.ingest")
        load_documents = ingest.load_documents
    except (ImportError, AttributeError):
        pytest.skip("frontwatch.ingest.load_documents is not there yet")
    expected = {d: day for e in manifest for d, day in zip(e.doc_ids, e.published, strict=True)}
    loaded = list(load_documents([str(p) for p in corpus_paths()]))
    problems = [x for x in loaded if not hasattr(x, "sections")]
    assert not problems, problems
    by_id = {d.doc_id: d for d in loaded}
    assert set(by_id) == set(expected)
    for doc_id, day in expected.items():
        doc = by_id[doc_id]
        assert doc.published == dt.date.fromisoformat(day), doc_id
        assert doc.parts("body"), doc_id
