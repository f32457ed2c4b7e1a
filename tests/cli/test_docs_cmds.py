"""ingest, show, search, stats against a real SQLite file, through the Typer app."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from frontwatch.cli import app


def _ingest(runner: CliRunner, db: Path, *args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["ingest", *args, "--db", str(db), "--no-code"], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_docs_ingest_then_show_json(runner: CliRunner, pages: Path, tmp_path: Path) -> None:
    db = tmp_path / "fw.db"
    code, out, err = _ingest(runner, db, str(pages))
    assert (code, err) == (0, "")
    assert "2 stored" in out
    result = runner.invoke(app, ["show", "north", "--db", str(db), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    for key in ("doc_id", "title", "category", "published", "published_source", "body", "references",
                "credits", "related", "comments"):
        assert key in data
    assert (data["title"], data["category"], data["published"], data["published_source"]) == (
        "北海で大規模演習", "アジア関連", "2024-05-06", "comments")
    assert data["references"] == ["Northern navy begins large drills"]
    assert data["comments"] == [
        {"order": 0, "author": "読者A", "date": "2024-05-06", "text": "演習が多すぎる。",
         "likes": 4, "depth": 0}
    ]
    shown = runner.invoke(app, ["show", "north", "--db", str(db)])
    assert shown.exit_code == 0 and "北海で大規模演習" in shown.stdout and "読者A" in shown.stdout


def test_docs_ingest_twice_is_duplicate_and_changed_is_version(
    runner: CliRunner, pages: Path, tmp_path: Path
) -> None:
    db = tmp_path / "fw.db"
    _ingest(runner, db, str(pages))
    code, out, _ = _ingest(runner, db, str(pages))
    assert code == 0 and "2 duplicates" in out
    (pages / "south.txt").write_text("南海で停戦協議\n\n協議は合意なく終わった。\n", encoding="utf-8")
    code, out, _ = _ingest(runner, db, str(pages / "south.txt"))
    assert code == 0 and "1 new version" in out
    stats = json.loads(runner.invoke(app, ["stats", "--db", str(db), "--json"]).stdout)
    assert (stats["documents"], stats["versions"], stats["comments"]) == (2, 3, 1)


def test_docs_bad_inputs_one_line_each_good_ones_stored(
    runner: CliRunner, pages: Path, tmp_path: Path
) -> None:
    db = tmp_path / "fw.db"
    _ingest(runner, db, str(pages / "north.txt"))
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "blob.txt").write_bytes(b"\x00\x01\x02" * 100)
    (bad / "lines.jsonl").write_text('{"doc_id": "w1", "text": "Troops moved north."}\nnot json\n',
                                     encoding="utf-8")
    with (bad / "huge.txt").open("wb") as f:
        f.truncate(200 * 1000 * 1000)
    code, out, err = _ingest(runner, db, str(bad), str(tmp_path / "nowhere"), str(pages / "south.txt"))
    assert code == 1
    lines = err.strip().split("\n")
    assert len(lines) == 5
    assert all(line.startswith("error: ") for line in lines)
    for name in ("empty.txt", "blob.txt", "lines.jsonl:2", "huge.txt", "nowhere"):
        assert sum(name in line for line in lines) == 1
    assert "2 stored" in out and "5 failed" in out  # w1 from the JSONL file, and south
    stats = json.loads(runner.invoke(app, ["stats", "--db", str(db), "--json"]).stdout)
    assert stats["documents"] == 3  # north (stored before) untouched, w1 and south added


def test_docs_stdin(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "fw.db"
    piped = "北海で演習\n\n北海軍が演習。\n".encode("cp932")
    code, out, _ = _ingest(runner, db, "-", "--doc-id", "piped", stdin=piped)
    assert code == 0 and "1 stored" in out
    shown = json.loads(runner.invoke(app, ["show", "piped", "--db", str(db), "--json"]).stdout)
    assert shown["title"] == "北海で演習"


def test_docs_search_and_stats(runner: CliRunner, pages: Path, tmp_path: Path) -> None:
    db = tmp_path / "fw.db"
    _ingest(runner, db, str(pages))
    hits = json.loads(runner.invoke(app, ["search", "停戦", "--db", str(db), "--json"]).stdout)
    assert {h["doc_id"] for h in hits} == {"south"}
    table = runner.invoke(app, ["search", "停戦", "--db", str(db)])
    assert table.exit_code == 0 and "south" in table.stdout
    none = runner.invoke(app, ["search", "存在しない語句", "--db", str(db)])
    assert none.exit_code == 0 and "no matches" in none.stdout
    stats = runner.invoke(app, ["stats", "--db", str(db)])
    assert stats.exit_code == 0 and "documents" in stats.stdout


@pytest.mark.parametrize(
    "args",
    [["show", "missing-doc"], ["search", "  "]],
)
def test_docs_errors_are_one_line_nonzero(runner: CliRunner, tmp_path: Path, args: list[str]) -> None:
    result = runner.invoke(app, [*args, "--db", str(tmp_path / "fw.db")])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ")


def test_docs_unusable_store_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("just some text, not SQLite", encoding="utf-8")
    result = runner.invoke(app, ["stats", "--db", str(not_a_db)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "notes.db" in result.stderr
    assert not_a_db.read_text(encoding="utf-8") == "just some text, not SQLite"


def test_docs_default_db_from_environment(runner: CliRunner, pages: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "env.db"
    monkeypatch.setenv("FRONTWATCH_DB", str(db))
    result = runner.invoke(app, ["ingest", str(pages), "--no-code"])
    assert result.exit_code == 0 and db.exists()


def test_docs_demo_ingests_corpus(runner: CliRunner, tmp_path: Path) -> None:
    from frontwatch.demo import corpus_paths

    if not corpus_paths():
        pytest.skip("the demo corpus is not written yet")
    db = tmp_path / "demo.db"
    result = runner.invoke(app, ["demo", "--db", str(db), "--no-code"])
    assert result.exit_code == 0, result.stderr
    assert "stored" in result.stdout
    stats = json.loads(runner.invoke(app, ["stats", "--db", str(db), "--json"]).stdout)
    assert stats["documents"] >= 1


@pytest.mark.ginza
@pytest.mark.slow
def test_docs_ingest_codes_with_registered_coder(runner: CliRunner, pages: Path, tmp_path: Path) -> None:
    db = tmp_path / "fw.db"
    result = runner.invoke(app, ["ingest", str(pages), "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    assert "2 stored" in result.stdout and "events coded" in result.stdout
    again = runner.invoke(app, ["ingest", str(pages), "--db", str(db)])
    assert again.exit_code == 0 and "2 duplicates" in again.stdout


@pytest.mark.parametrize("command", [["stats"], ["show", "x"], ["search", "x"]])
def test_docs_read_commands_do_not_create_a_store(
    runner: CliRunner, tmp_path: Path, command: list[str]
) -> None:
    db = tmp_path / "typo.db"
    result = runner.invoke(app, [*command, "--db", str(db)])
    assert result.exit_code == 2 and "no store at" in result.stderr
    assert not db.exists()


def test_docs_show_says_why_a_page_has_no_date(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "feb30.txt"
    page.write_text("北海で演習\n\n2023年2月30日\n\n北海軍は演習を始めたと発表した。\n", encoding="utf-8")
    db = tmp_path / "fw.db"
    assert _ingest(runner, db, str(page))[0] == 0
    data = json.loads(runner.invoke(app, ["show", "feb30", "--db", str(db), "--json"]).stdout)
    assert data["published"] is None and data["published_source"].startswith("none: ")
    shown = runner.invoke(app, ["show", "feb30", "--db", str(db)])
    said = " ".join(shown.stdout.split())  # the console wraps long lines
    assert "published unknown: the page prints '2023年2月30日', which is no calendar date" in said
