"""The Typer application and the helpers every command module shares.

- ``default_db()``: where ``--db`` points when it is not given.
- ``DbOption``: the ``--db`` option, typed, for any command that reads or writes a store.
- ``open_db(db)``: the store as a context manager (closed on exit); ``create=False`` for
  commands that only read (a missing SQLite file is an error, never created).
- ``open_db_on_first_write(db)``: for ``ingest``: the store file appears with the first document.
- ``fail(message)``: one red line on stderr and exit status 2.
- ``reporting_errors()``: turns a ``FrontwatchError`` raised inside into ``fail``.

Exit status: 0 success, 1 some inputs failed (``ingest``), 2 the command could not run.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.text import Text

from frontwatch.cli.deferred import DeferredStore, sqlite_file
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
    """The store target for ``--db`` (``default_db()`` when not given)."""
    return db or default_db()


def require_store(target: str) -> None:
    """Raise StoreError, naming the file, when a SQLite store does not exist (read-only
    commands must not leave an empty store, or its folders, behind a typo)."""
    path = sqlite_file(target)
    if path is None:
        return
    if path.is_dir():
        raise StoreError(f"--db {path} is a folder, not a store file; give the .db file in it")
    if not path.exists():
        raise StoreError(f"no store at {path}: check --db, or create one with "
                         f"`frontwatch ingest PATH --db {path}`")


@contextlib.contextmanager
def open_db(db: str | None, *, create: bool = True) -> Iterator[Store]:
    """The store at ``db``; with ``create=False`` a SQLite file that does not exist is an error."""
    from frontwatch.store import open_store

    target = resolve_db(db)
    if not create:
        require_store(target)
    store = open_store(target)
    try:
        yield store
    finally:
        store.close()


@contextlib.contextmanager
def open_db_on_first_write(db: str | None) -> Iterator[Store]:
    """The store at ``db``, opened (and so created, with its folders) only when the first
    document is put: a run that stores nothing leaves no empty store file behind."""
    store = DeferredStore(resolve_db(db))
    try:
        yield store
    finally:
        store.close()


AsJson = Annotated[bool, typer.Option("--json", help="Print JSON (the same as --format json).")]


def listing_format(fmt: str, as_json: bool, allowed: tuple[str, ...]) -> str:
    """The output format of a listing command: ``--json`` is ``--format json``."""
    fmt = fmt.strip().lower()
    if as_json and fmt not in ("table", "json"):
        fail(f"--json and --format {fmt} say different things; give one of them")
    fmt = "json" if as_json else fmt
    if fmt not in allowed:
        fail(f"unknown format {fmt!r}; use one of {', '.join(allowed)}")
    return fmt


def print_json(data: object) -> None:
    """``data`` as indented JSON on stdout (non-ASCII kept)."""
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=_jsonable))


def _jsonable(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


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
