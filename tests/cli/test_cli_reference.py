"""docs/cli.md is generated from the code and current; every command explains itself."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from typer.main import get_command

from frontwatch.cli import app

REPO = Path(__file__).resolve().parents[2]


def test_cli_reference_up_to_date() -> None:
    result = subprocess.run([sys.executable, "scripts/gen_cli_docs.py", "--check"], cwd=REPO,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_cli_every_command_has_help() -> None:
    root = get_command(app)
    missing = [name for name, cmd in root.commands.items()  # type: ignore[attr-defined]
               if not (cmd.help or "").strip()]
    assert missing == []
    for name, cmd in root.commands.items():  # type: ignore[attr-defined]
        for param in cmd.params:
            if param.param_type_name == "option" and "--help" not in param.opts:
                assert (param.help or "").strip(), f"{name} {param.opts} has no help"
