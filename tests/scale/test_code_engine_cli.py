"""``frontwatch code --engine dask``: the same records as the single-process command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from frontwatch.cli import app
from frontwatch.store import open_store


def _inputs(tmp_path: Path) -> list[str]:
    from frontwatch.demo import corpus_paths

    text = "Russian forces shelled Kharkiv on Monday, officials said."
    rows = [{"doc_id": f"w{i}", "language": "en", "published": "2024-03-04", "text": f"Item {i}\n\n{text}"}
            for i in range(8)]
    (tmp_path / "wire.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return [str(p) for p in corpus_paths()] + [str(tmp_path / "wire.jsonl")]


@pytest.mark.ginza
@pytest.mark.slow
def test_code_engine_dask_prints_the_single_process_records(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path)
    runner = CliRunner()
    single = runner.invoke(app, ["code", *inputs])
    assert single.exit_code == 0, single.output
    dask = runner.invoke(app, ["code", *inputs, "--engine", "dask", "--workers", "2"])
    assert dask.exit_code == 0, dask.output
    assert single.stdout.strip() and dask.stdout == single.stdout

    db = tmp_path / "fw.db"
    stored = runner.invoke(app, ["code", *inputs, "--engine", "dask", "--db", str(db)])
    assert stored.exit_code == 0, stored.output
    assert "0 failed" in stored.stdout
    store = open_store(str(db))
    try:
        assert store.stats().events == len(single.stdout.strip().splitlines())
    finally:
        store.close()


def test_code_engine_bad_options_are_one_line(tmp_path: Path) -> None:
    runner = CliRunner()
    (tmp_path / "a.txt").write_text("本文", encoding="utf-8")
    cases = [
        (["--engine", "spark"], "unknown engine 'spark'"),
        (["--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --engine dask"),
        (["--engine", "dask", "--scheduler", "tcp://127.0.0.1:1"], "cannot reach the Dask scheduler"),
    ]
    for extra, message in cases:
        result = runner.invoke(app, ["code", str(tmp_path / "a.txt"), *extra])
        assert result.exit_code == 2, (extra, result.output)
        assert message in result.output
        assert "Traceback" not in result.output
