"""Fixtures for CLI tests: a runner and a folder of hand-written pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

PAGES = {
    "north.txt": "アジア関連\n\n北海で大規模演習\n\n北海軍は5日、大規模な演習を始めたと発表した。\n\n"
                 "参考:Northern navy begins large drills\n\nコメント\n\n    • 読者A\n    • 2024年 5月 6日\n\n"
                 "    演習が多すぎる。\n\n    4\n",
    "south.txt": "南海で停戦協議\n\n南海と北海の代表が停戦について協議した。\n",
}


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
