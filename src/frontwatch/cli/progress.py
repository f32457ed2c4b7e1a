"""Progress on stderr for work that takes more than a couple of seconds.

``progress_bar(label, total)`` yields ``advance()``; the bar counts what was done against
``total`` (None: a count and the elapsed time, no bar) and never shows more done than the
total it claims (a total that proves too small grows with the count). Nothing is drawn when
stderr is not a terminal, so pipes and logs stay clean.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from frontwatch.cli.app import err_console


@contextlib.contextmanager
def progress_bar(label: str, total: int | None) -> Iterator[Callable[[], None]]:
    if not err_console.is_terminal:
        yield lambda: None
        return
    columns = (SpinnerColumn(), TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err_console, transient=True) as progress:
        task = progress.add_task(label, total=total)
        done = 0

        def advance() -> None:
            nonlocal done
            done += 1
            if total is not None and done > total:
                progress.update(task, total=done)
            progress.update(task, completed=done)

        yield advance


@contextlib.contextmanager
def working(message: str) -> Iterator[None]:
    """A spinner with ``message`` while a step of unknown length runs (loading GiNZA, coding)."""
    if not err_console.is_terminal:
        yield
        return
    with err_console.status(message):
        yield
