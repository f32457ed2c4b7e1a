"""Files, folders, stdin and JSONL into RawDocuments; each bad input is one InputProblem."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

from frontwatch.ingest import DEFAULT_MAX_BYTES, iter_raw
from frontwatch.records import InputProblem, RawDocument

PAGE = "北海で演習\n\n北海軍は演習を始めたと発表した。\n"


def _split(items: list[RawDocument | InputProblem]) -> tuple[list[RawDocument], list[InputProblem]]:
    docs = [i for i in items if isinstance(i, RawDocument)]
    return docs, [i for i in items if isinstance(i, InputProblem)]


def test_files_folder_recursive_and_types(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text(PAGE, encoding="utf-8")
    html = f"<html><body><p>{PAGE}</p></body></html>"
    (tmp_path / "a" / "b" / "two.html").write_text(html, encoding="utf-8")
    (tmp_path / "a" / "b" / "three.htm").write_bytes(f"<p>{PAGE}</p>".encode("euc_jp"))
    (tmp_path / "a" / "notes.md").write_text("ignored in folders", encoding="utf-8")
    docs, problems = _split(list(iter_raw([str(tmp_path)])))
    assert problems == []
    # sorted by path: a/b/three.htm, a/b/two.html, a/one.txt
    assert [(d.doc_id, d.content_type) for d in docs] == [("a/b/three", "html"), ("a/b/two", "html"),
                                                          ("a/one", "text")]
    assert docs[0].encoding == "EUC-JP"


def test_files_each_problem_named_and_others_go_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(PAGE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(200)))
    big = tmp_path / "big.txt"
    with big.open("wb") as f:  # sparse: 200 MB on paper, nothing on disk
        f.truncate(200 * 1000 * 1000)
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    paths = [str(p) for p in (empty, binary, big, pdf)] + [str(tmp_path / "missing.txt"), str(good)]
    docs, problems = _split(list(iter_raw(paths)))
    assert [d.doc_id for d in docs] == ["good"]
    reasons = {Path(p.source).name: p.reason for p in problems}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["image.txt"]
    assert "too large" in reasons["big.txt"] and "DEFAULT_MAX_BYTES" in reasons["big.txt"]
    assert "unsupported" in reasons["paper.pdf"]
    assert "no such file" in reasons["missing.txt"]
    assert all("\n" not in p.reason for p in problems)
    assert DEFAULT_MAX_BYTES < 200 * 1000 * 1000


def test_files_max_bytes_option(tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_text(PAGE * 10, encoding="utf-8")
    (problem,) = iter_raw([str(page)], max_bytes=50)
    assert isinstance(problem, InputProblem) and "too large" in problem.reason


def test_files_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"doc_id": "w1", "text": "Troops moved north.", "url": "https://example.org/w1",
                    "published": "2024-05-01T08:00:00Z", "language": "en"}),
        "{not json",
        json.dumps({"doc_id": "w2", "html": "<p>北海で演習が始まった。</p>"}),
        json.dumps({"text": "no id"}),
        json.dumps({"doc_id": "w3"}),
        json.dumps({"doc_id": "w4", "text": "x", "published": "last week"}),
        "",
        json.dumps([1, 2]),
    ]
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, problems = _split(list(iter_raw([str(path)])))
    assert [d.doc_id for d in docs] == ["w1", "w2"]
    w1, w2 = docs
    assert (w1.published, w1.published_source, w1.url, w1.language) == (
        dt.date(2024, 5, 1), "jsonl", "https://example.org/w1", "en")
    assert w2.content_type == "html" and w2.published is None
    assert [p.source for p in problems] == [f"{path}:{n}" for n in (2, 4, 5, 6, 8)]
    assert "not JSON" in problems[0].reason


def test_files_stdin_text_jsonl_and_empty() -> None:
    (doc,) = iter_raw(["-"], stdin=io.BytesIO(PAGE.encode("cp932")), stdin_doc_id="piped")
    assert isinstance(doc, RawDocument)
    assert (doc.doc_id, doc.source, doc.content) == ("piped", "<stdin>", PAGE)
    (auto,) = iter_raw(["-"], stdin=io.BytesIO(PAGE.encode("utf-8")))
    assert isinstance(auto, RawDocument) and auto.doc_id.startswith("stdin-")
    jsonl = (json.dumps({"doc_id": "s1", "text": "a"}) + "\n").encode()
    (rec,) = iter_raw(["-"], stdin=io.BytesIO(jsonl))
    assert isinstance(rec, RawDocument) and rec.doc_id == "s1"
    (problem,) = iter_raw(["-"], stdin=io.BytesIO(b""))
    assert isinstance(problem, InputProblem)
    assert problem.source == "<stdin>" and "stdin is empty" in problem.reason


def test_files_page_without_article_text_is_a_problem(tmp_path: Path) -> None:
    from frontwatch.ingest import load_documents

    shell = "<html><head><title></title></head><body></body></html>"
    (tmp_path / "shell.html").write_text(shell, encoding="utf-8")
    (problem,) = load_documents([str(tmp_path / "shell.html")])
    assert isinstance(problem, InputProblem) and "no article text" in problem.reason


def test_files_same_name_in_two_folders_gets_distinct_ids(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "north.txt").write_text(PAGE + folder, encoding="utf-8")
    docs, _ = _split(list(iter_raw([str(tmp_path)])))
    assert [d.doc_id for d in docs] == ["a/north", "b/north"]  # the path under the folder given
    docs, _ = _split(list(iter_raw([str(tmp_path / "b")])))
    assert [d.doc_id for d in docs] == ["north"]  # what the folder given holds itself: its name
    docs, _ = _split(list(iter_raw([str(tmp_path / "b" / "north.txt"), str(tmp_path / "a" / "north.txt")])))
    assert [d.doc_id for d in docs] == ["north", "a/north"]  # two files given by name: kept apart
    docs, _ = _split(list(iter_raw([str(tmp_path / "a" / "north.txt")] * 2)))
    assert [d.doc_id for d in docs] == ["north", "north"]  # the same file twice is one document


def test_files_ids_do_not_depend_on_what_else_a_run_reads(tmp_path: Path) -> None:
    for folder in ("a", "b", "c"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "north.txt").write_text(PAGE + folder, encoding="utf-8")
    first, _ = _split(list(iter_raw([str(tmp_path)])))
    (tmp_path / "a" / "north.txt").unlink()  # a later run of the same folder, with one file gone
    later, _ = _split(list(iter_raw([str(tmp_path)])))
    assert {d.doc_id: d.content for d in later}.items() <= {d.doc_id: d.content for d in first}.items()
    planned, _ = _split(list(iter_raw([str(tmp_path / "b" / "north.txt")], doc_ids=["b/north"])))
    assert [d.doc_id for d in planned] == ["b/north"]  # the ids a caller planned (the Dask engine)
