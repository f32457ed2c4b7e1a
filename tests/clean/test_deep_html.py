"""HTML nested past libxml2's default depth keeps its text or is refused (issue 15, item 4)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from frontwatch.clean import parse
from frontwatch.cli import app
from frontwatch.records import RawDocument
from frontwatch.store import open_store


def _deep(levels: int) -> str:
    return ("<html><head><title>深い頁</title></head><body><article><h1>深い頁</h1>"
            "<p>冒頭の段落です。</p>" + "<div>" * levels
            + "<p>深い段落の本文です。</p><p>二つ目の深い段落。</p>" + "</div>" * levels
            + "<p>結びの段落。</p></article></body></html>")


def test_deep_html_keeps_text_past_256_levels() -> None:
    doc = parse(RawDocument(doc_id="deep", content=_deep(300), content_type="html", source="deep.html"))
    assert doc.title == "深い頁"
    assert doc.body == ["冒頭の段落です。", "深い段落の本文です。", "二つ目の深い段落。", "結びの段落。"]


def test_deep_html_ingest_stores_the_deep_text(tmp_path: Path) -> None:
    (tmp_path / "deep.html").write_text(_deep(600), encoding="utf-8")
    db = tmp_path / "fw.db"
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "deep.html"), "--db", str(db), "--no-code"])
    assert result.exit_code == 0, result.output
    store = open_store(str(db))
    try:
        doc = store.get_document("deep")
    finally:
        store.close()
    assert doc is not None and "二つ目の深い段落。" in doc.body


def test_html_deeper_than_the_parser_reads_is_refused_with_a_message(tmp_path: Path) -> None:
    (tmp_path / "abyss.html").write_text(_deep(3000), encoding="utf-8")
    db = tmp_path / "fw.db"
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "abyss.html"), "--db", str(db), "--no-code"])
    assert result.exit_code == 1
    assert "abyss.html" in result.output and "levels deep" in result.output
