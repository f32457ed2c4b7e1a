"""The Typer application and shared options."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer
from rich.console import Console

from frontwatch.errors import FrontwatchError

app = typer.Typer(
    name="frontwatch",
    help="Follow armed conflicts through the news: ingest articles, code PLOVER events, explore them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
err_console = Console(stderr=True)


def default_db() -> str:
    """FRONTWATCH_DB if set, else frontwatch.db in the user's data directory."""
    env = os.environ.get("FRONTWATCH_DB")
    if env:
        return env
    from platformdirs import user_data_dir

    return str(Path(user_data_dir("frontwatch")) / "frontwatch.db")


def main() -> None:
    try:
        app()
    except FrontwatchError as exc:
        err_console.print(f"[red]error:[/red] {exc}")
        sys.exit(2)
