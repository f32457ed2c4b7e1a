"""The ``frontwatch geocode`` command, through the real CLI app and the real gazetteer."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from frontwatch.cli import app
from frontwatch.resolve.places import GazetteerGeocoder

runner = CliRunner()


def test_geo_cmds_geocode_prints_each_mention(geocoder: GazetteerGeocoder) -> None:
    text = "アゼルバイジャン軍がゴリス、ソトクを砲撃した"
    result = runner.invoke(app, ["geocode", text, "--context", "ARM,AZE"])
    assert result.exit_code == 0, result.output
    assert "Goris (ARM)" in result.output and "Sotk (ARM)" in result.output


def test_geo_cmds_geocode_json(geocoder: GazetteerGeocoder) -> None:
    result = runner.invoke(app, ["geocode", "Shells hit Jermuk and Goris overnight.", "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert [r["name"] for r in rows] == ["Jermuk", "Goris"]
    assert rows[0]["geonameid"] == 174884 and rows[0]["start"] == 11


def test_geo_cmds_geocode_bare_name(geocoder: GazetteerGeocoder) -> None:
    result = runner.invoke(app, ["geocode", "ステパナケルト", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["country"] == "AZE"


def test_geo_cmds_geocode_no_place(geocoder: GazetteerGeocoder) -> None:
    result = runner.invoke(app, ["geocode", "パシニャン首相が述べた"])
    assert result.exit_code == 0
    assert "no place found" in result.output


def test_geo_cmds_bad_context_is_a_one_line_error() -> None:
    exe = Path(sys.executable).with_name("frontwatch")
    command = str(exe) if exe.exists() else shutil.which("frontwatch") or "frontwatch"
    proc = subprocess.run(
        [command, "geocode", "Goris", "--context", "ARMENIA"],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 2
    assert "alpha-3" in proc.stderr and "Traceback" not in proc.stderr
