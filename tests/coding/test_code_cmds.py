"""The `code` and `explain` commands on a real file (GiNZA)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from frontwatch.cli import app
from frontwatch.export import EVENT_COLUMNS

pytestmark = pytest.mark.ginza
ARTICLE = Path(__file__).parent / "articles" / "jx01_border_shelling.txt"
runner = CliRunner()


def test_code_cmds_jsonl_one_record_a_line() -> None:
    res = runner.invoke(app, ["code", str(ARTICLE), "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    recs = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
    assert recs and all(r["doc_id"] == "jx01_border_shelling" and r["language"] == "ja" for r in recs)
    assert {"RUS", "UKR"} <= {a["code"] for r in recs for a in r["actor"]}


def test_code_cmds_csv_has_acled_columns() -> None:
    res = runner.invoke(app, ["code", str(ARTICLE), "--format", "csv"])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert rows and tuple(rows[0]) == EVENT_COLUMNS
    assert any(r["fatalities"] == "3" for r in rows)
    assert all(r["event_id"].startswith("jx01_border_shelling#") for r in rows)


def test_code_cmds_csv_defuses_formulas_in_sentences(tmp_path: Path) -> None:
    page = tmp_path / "hostile.txt"
    page.write_text("タイトル\n\n=ロシア軍は5日、ハルキウを砲撃したとウクライナ軍が発表した。\n\n"
                    "@ロシア軍は6日、オデーサを攻撃した。\n",
                    encoding="utf-8")
    res = runner.invoke(app, ["code", str(page), "--format", "csv"])
    assert res.exit_code == 0, res.output
    sentences = [r["sentence"] for r in csv.DictReader(io.StringIO(res.stdout))]
    assert sentences == ["'=ロシア軍は5日、ハルキウを砲撃したとウクライナ軍が発表した。",
                         "'@ロシア軍は6日、オデーサを攻撃した。"]


def test_code_cmds_geojson_is_a_feature_collection() -> None:
    res = runner.invoke(app, ["code", str(ARTICLE), "--format", "geojson"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["type"] == "FeatureCollection"
    for f in data["features"]:
        assert f["geometry"]["type"] == "Point" and len(f["geometry"]["coordinates"]) == 2


def test_code_cmds_unknown_format_is_one_line_error() -> None:
    res = runner.invoke(app, ["code", str(ARTICLE), "--format", "xml"])
    assert res.exit_code == 2 and "unknown format" in res.output


def test_code_cmds_explain_shows_rule_and_lexicon() -> None:
    res = runner.invoke(app, ["explain", str(ARTICLE)])
    assert res.exit_code == 0, res.output
    assert "rule:" in res.output and "events.ja.toml:" in res.output


def test_code_cmds_explain_names_an_unreadable_page_and_shows_the_others(tmp_path: Path) -> None:
    pages = tmp_path / "pages.jsonl"
    pages.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in (
        {"doc_id": "menu_only", "text": "<html><body><nav>Home</nav></body></html>",
         "url": "https://example.org/menu"},
        {"doc_id": "launch", "language": "ja", "published": "2025-11-13",
         "text": "北朝鮮が弾道ミサイル発射\n\n北朝鮮は12日、日本海に向けて弾道ミサイル1発を発射した。"},
    )) + "\n", encoding="utf-8")
    res = runner.invoke(app, ["explain", str(pages)])
    assert res.exit_code == 1, res.output  # partial: one page could not be read
    assert "menu_only" in res.output and "launch#1" in res.output and "rule:" in res.output
    res = runner.invoke(app, ["explain", str(pages), "--json"])
    ids = [json.loads(line)["id"] for line in res.stdout.splitlines() if line.startswith("{")]
    assert res.exit_code == 1 and "launch#1" in ids


def test_code_cmds_missing_file_is_reported() -> None:
    res = runner.invoke(app, ["code", "/nonexistent/x.txt"])
    assert res.exit_code != 0


def test_code_cmds_events_lists_stored_records(tmp_path: Path) -> None:
    from frontwatch.coding.coder import build_coder
    from frontwatch.ingest import load_documents
    from frontwatch.records import Document
    from frontwatch.store import open_store

    db = str(tmp_path / "fw.db")
    store = open_store(db)
    try:
        for doc in load_documents([str(ARTICLE)]):
            assert isinstance(doc, Document)
            store.put(doc, build_coder().code(doc))
    finally:
        store.close()
    res = runner.invoke(app, ["events", "--db", db, "--actor", "RUS", "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    recs = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
    assert recs and all("RUS" in {a["code"] for a in r["actor"]} for r in recs)
    res = runner.invoke(app, ["explain", "jx01_border_shelling", "--db", db])
    assert res.exit_code == 0 and "rule:" in res.output
    res = runner.invoke(app, ["explain", "nope", "--db", db])
    assert res.exit_code == 2 and "no document" in res.output


def test_code_cmds_no_filter_keeps_every_record_the_rules_make() -> None:
    kept = runner.invoke(app, ["code", str(ARTICLE), "--format", "jsonl", "--explain"])
    every = runner.invoke(app, ["code", str(ARTICLE), "--format", "jsonl", "--no-filter", "--explain"])
    assert kept.exit_code == 0 and every.exit_code == 0, kept.output + every.output
    kept_recs = [json.loads(line) for line in kept.stdout.splitlines() if line.strip()]
    every_recs = [json.loads(line) for line in every.stdout.splitlines() if line.strip()]
    assert 0 < len(kept_recs) <= len(every_recs)
    # the filter's note is on what it kept, and on nothing the rules alone made
    assert all(any(n.startswith("filter: kept") for n in r["explanation"]["notes"]) for r in kept_recs)
    assert not any(n.startswith("filter:") for r in every_recs for n in r["explanation"]["notes"])
    res = runner.invoke(app, ["code", str(ARTICLE), "--no-filter", "--engine", "dask"])
    assert res.exit_code != 0 and "--no-filter works with --engine local only" in res.output
