"""The mistakes a newcomer makes on the command line: each gets one line that says what was
wrong and what to give instead, and none leaves a store file (or its folders) behind."""

from __future__ import annotations

import json
import socket
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from frontwatch.cli import app
from frontwatch.cli.docs_cmds import count_documents
from frontwatch.cli.tables import NO_LINE_START, wrap_cells
from frontwatch.store import open_store
from tests.serve.samples import JA_SHELLING, documents_and_events

READ_ONLY = [
    ["events"], ["show", "ja_shelling"], ["search", "砲撃"], ["incidents"], ["forecasts"], ["stats"],
    ["explain", "ja_shelling"], ["alliances", "ja_shelling#1"], ["serve", "--port", "0"],
]


def _one_error_line(result: Result) -> str:
    lines = [x for x in result.output.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    return lines[0]


@pytest.fixture
def store_db(tmp_path: Path) -> Path:
    db = tmp_path / "fw.db"
    store = open_store(str(db))
    try:
        for doc, events in documents_and_events():
            store.put(doc, events)
    finally:
        store.close()
    return db


@pytest.mark.parametrize("args", READ_ONLY, ids=lambda a: a[0])
def test_newcomer_read_only_command_refuses_a_missing_store(tmp_path: Path, args: list[str]) -> None:
    missing = tmp_path / "typo" / "fw.db"
    result = CliRunner().invoke(app, [*args, "--db", str(missing)])
    assert result.exit_code == 2
    line = _one_error_line(result)
    assert f"no store at {missing}" in line and "frontwatch ingest" in line
    assert "serving" not in result.output
    assert not missing.parent.exists()


def test_newcomer_default_store_missing_creates_no_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FRONTWATCH_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    result = CliRunner().invoke(app, ["events"])
    assert result.exit_code == 2 and "no store at" in _one_error_line(result)
    assert not (tmp_path / "data").exists()


def test_newcomer_failed_ingest_leaves_no_store(tmp_path: Path) -> None:
    db = tmp_path / "new" / "fw.db"
    page = tmp_path / "notes.docx"
    page.write_bytes(b"PK\x03\x04 not a page")
    result = CliRunner().invoke(app, ["ingest", str(page), str(tmp_path / "absent.txt"), "--db", str(db),
                                      "--no-code"])
    assert result.exit_code == 1
    assert "unsupported file type '.docx'" in result.stderr and "no such file or folder" in result.stderr
    assert not db.parent.exists()


def test_newcomer_ingest_creates_the_store_with_its_first_document(tmp_path: Path) -> None:
    db = tmp_path / "new" / "fw.db"
    page = tmp_path / "page.txt"
    page.write_text("見出し\n\n北海軍は5日、演習を始めた。\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(page), "--db", str(db), "--no-code"])
    assert result.exit_code == 0 and "1 stored" in result.stdout
    assert db.exists()


@pytest.mark.parametrize("url", ["https://example.org/news/1.html", "http://example.org",
                                 "www.example.org/a"])
def test_newcomer_ingest_of_a_url_points_to_watch(tmp_path: Path, url: str) -> None:
    db = tmp_path / "fw.db"
    result = CliRunner().invoke(app, ["ingest", url, "--db", str(db)])
    assert result.exit_code == 2
    line = _one_error_line(result)
    assert f"{url} is a web address" in line and "frontwatch watch" in line
    assert not db.exists()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--factuality", "maybe"], "--factuality 'maybe' is not one of: asserted, claimed, denied"),
        (["--actor", "Azerbaijan"], "--actor 'Azerbaijan' is not a code: for Azerbaijan give AZE"),
        (["--recipient", "アルメニア"], "--recipient 'アルメニア' is not a code: for Armenia give ARM"),
        (["--party", "XYZ"], "--party 'XYZ' is no actor or country code that records carry"),
        (["--event", "BOMBING"], "--event 'BOMBING' is not one of: AGREE"),
        (["--from", "last week"], "--from 'last week' is not a date"),
        (["--format", "xlsx"], "unknown format 'xlsx'; use one of table, json, jsonl, csv, geojson"),
        (["--doc", "ja_shellnig"], "--doc 'ja_shellnig': no such document in the store"),
    ],
)
def test_newcomer_values_that_match_nothing_say_what_to_give(
    store_db: Path, tmp_path: Path, args: list[str], words: str
) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["events", "--db", str(store_db), *args])
    assert result.exit_code == 2 and words in _one_error_line(result)
    missing = tmp_path / "other.db"
    result = runner.invoke(app, ["events", "--db", str(missing), *args])
    assert result.exit_code == 2 and not missing.exists()


def test_newcomer_alliances_with_a_country_name_suggests_its_code(tmp_path: Path) -> None:
    db = tmp_path / "fw.db"
    result = CliRunner().invoke(app, ["alliances", "Armenia", "--db", str(db)])
    assert result.exit_code == 2
    assert "'Armenia' is a name, not a code: for Armenia give `frontwatch alliances ARM`" in (
        _one_error_line(result))
    assert not db.exists()


def test_newcomer_serve_on_a_busy_port_fails_before_saying_it_serves(store_db: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(app, ["serve", "--db", str(store_db), "--port", str(port)])
    assert result.exit_code == 2
    line = _one_error_line(result)
    assert f"port {port} on 127.0.0.1 is already in use" in line and "--port" in line


def test_newcomer_every_listing_command_speaks_json(store_db: Path) -> None:
    runner = CliRunner()
    for args in (["events"], ["search", "砲撃"], ["incidents"], ["forecasts"]):
        for flag in (["--json"], ["--format", "json"]):
            result = runner.invoke(app, [*args, "--db", str(store_db), *flag])
            assert result.exit_code == 0, (args, result.output)
            json.loads(result.stdout)
    events = json.loads(runner.invoke(app, ["events", "--db", str(store_db), "--json"]).stdout)
    assert {e["id"] for e in events} == {"ja_shelling#1", "ja_shelling#2", "en_drones#1", "en_warning#1"}
    clash = runner.invoke(app, ["events", "--db", str(store_db), "--json", "--format", "csv"])
    assert clash.exit_code == 2 and "say different things" in _one_error_line(clash)


def test_newcomer_tables_never_cut_ids_or_dates(tmp_path: Path) -> None:
    db = tmp_path / "fw.db"
    long_id = "000_20220913_armenia_azerbaijan_border_shelling_long_title"
    store = open_store(str(db))
    try:
        for doc, events in documents_and_events():
            store.put(replace(doc, doc_id=long_id + doc.doc_id),
                      [replace(e, id=long_id + e.id, doc_id=long_id + e.doc_id) for e in events])
    finally:
        store.close()
    out = CliRunner().invoke(app, ["events", "--db", str(db)], env={"COLUMNS": "80"}).stdout
    for eid in ("ja_shelling#1", "ja_shelling#2", "en_drones#1", "en_warning#1"):
        assert long_id + eid in out
    assert "2022-09-13" in out and "2024-03-05" in out
    sentence_lines = [line.rsplit("│", 2)[-2].strip() for line in out.splitlines() if line.startswith("│")]
    assert "".join(x for x in sentence_lines if x[:1] >= "\u3000").startswith(JA_SHELLING[:10])
    assert all(x[:1] not in NO_LINE_START for x in sentence_lines if x)


def test_newcomer_japanese_wrap_never_starts_a_line_with_punctuation() -> None:
    text = "アゼルバイジャン国防省はこれを否定し、アルメニア側の挑発だと非難した。「本当か」と言った。"
    for width in range(4, 40):
        lines = wrap_cells(text, width)
        assert "".join(lines) == text
        assert all(line[:1] not in NO_LINE_START for line in lines), (width, lines)
        assert all(not line.endswith("「") for line in lines), (width, lines)
    english = "Ukraine said Russian drones struck an energy site near Kharkiv, killing 3 people."
    assert " ".join(wrap_cells(english, 20)) == english


def test_newcomer_progress_total_counts_documents_not_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "many.jsonl").write_text('{"id": 1}\n\n{"id": 2}\n{"id": 3}\n', encoding="utf-8")
    (tmp_path / "notes.md").write_text("not read", encoding="utf-8")
    assert count_documents([str(tmp_path)]) == 5
    assert count_documents([str(tmp_path / "many.jsonl"), str(tmp_path / "absent.txt")]) == 4
    assert count_documents(["-"]) is None
