"""The Typer application and the helpers every command module shares.

- ``default_db()``: where ``--db`` points when it is not given.
- ``DbOption``: the ``--db`` option, typed, for any command that reads or writes a store.
- ``open_db(db)``: the store as a context manager (closed on exit).
- ``fail(message)``: one red line on stderr and exit status 2.
- ``reporting_errors()``: turns a ``FrontwatchError`` raised inside into ``fail``.

Exit status: 0 success, 1 some inputs failed (``ingest``), 2 the command could not run.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.text import Text

from frontwatch.errors import FrontwatchError, StoreError
from frontwatch.store.base import Store

EXIT_PARTIAL = 1  # the command ran, but some inputs failed
EXIT_ERROR = 2  # the command could not do its work
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT

app = typer.Typer(
    name="frontwatch",
    help="Follow armed conflicts through the news: ingest articles, code PLOVER events, explore them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
err_console = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="The store: a SQLite file, sqlite:///path, postgresql://... or memory:. "
        "Default: $FRONTWATCH_DB, else frontwatch.db in the user data directory.",
        show_default=False,
    ),
]


def default_db() -> str:
    """FRONTWATCH_DB if set, else frontwatch.db in the user's data directory."""
    env = os.environ.get("FRONTWATCH_DB")
    if env:
        return env
    from platformdirs import user_data_dir

    return str(Path(user_data_dir("frontwatch")) / "frontwatch.db")


def resolve_db(db: str | None) -> str:
    """The store target for ``--db`` (``default_db()`` when not given); creates the default's folder."""
    if db:
        return db
    target = default_db()
    if "://" not in target and not target.startswith("memory:"):
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    return target


@contextlib.contextmanager
def open_db(db: str | None, *, create: bool = True) -> Iterator[Store]:
    """The store at ``db``; with ``create=False`` a SQLite file that does not exist is an error
    (commands that only read should not leave empty stores behind a typo)."""
    from frontwatch.store import backend_name, open_store

    target = resolve_db(db)
    if not create and backend_name(target) == "sqlite":
        from frontwatch.store.sqlite import sqlite_path

        path = sqlite_path(target.removeprefix("file:"))
        if not Path(path).exists():
            raise StoreError(f"no store at {path}; ingest documents first: "
                             f"frontwatch ingest PATH --db {path}")
    store = open_store(target)
    try:
        yield store
    finally:
        store.close()


def error_line(message: str) -> None:
    """One line on stderr, never wrapped and never read as Rich markup."""
    err_console.print(Text("error: ", style="bold red") + Text(message), soft_wrap=True)


def fail(message: str, code: int = EXIT_ERROR) -> NoReturn:
    error_line(message)
    raise typer.Exit(code)


@contextlib.contextmanager
def reporting_errors() -> Iterator[None]:
    """Run a command body; a FrontwatchError becomes one line and exit status 2."""
    try:
        yield
    except FrontwatchError as exc:
        fail(str(exc))


def main() -> None:
    try:
        app()
    except FrontwatchError as exc:
        error_line(str(exc))
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        error_line("interrupted; what was stored before stays stored")
        sys.exit(EXIT_INTERRUPTED)
