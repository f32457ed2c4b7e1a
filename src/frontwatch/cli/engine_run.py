"""``frontwatch code --engine dask``: the corpus coded on a Dask cluster (``frontwatch.engine``).

``code_cmds.code`` hands over here when ``--engine dask`` is given; the records are the same,
line for line, as the single-process path's. With ``--db`` the workers store documents and
events themselves (PostgreSQL takes many writers; SQLite serialises them) and nothing is printed
but the summary.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

import typer

from frontwatch.cli.app import EXIT_PARTIAL, console, err_console, error_line, reporting_errors, resolve_db
from frontwatch.engine import UnitResult
from frontwatch.errors import InputError
from frontwatch.records import Event

ENGINES = ("local", "dask")


def run_code_engine(paths: list[str], *, engine: str, scheduler: str | None, workers: int,
                    db: str | None, fmt: str, explain: bool) -> None:
    """Code ``paths`` with ``engine``; print the records in ``fmt`` or store them in ``db``."""
    from frontwatch.cli.code_cmds import write_events
    from frontwatch.engine import code_corpus

    target = resolve_db(db) if db else None
    events: list[Event] = []
    problems = stored = duplicates = documents = 0
    with reporting_errors():
        if engine not in ENGINES:
            raise InputError(f"unknown engine {engine!r}: use {' or '.join(ENGINES)}")
        if scheduler and engine != "dask":
            raise InputError("--scheduler needs --engine dask")
        if "-" in paths:
            raise InputError(f"--engine {engine} reads files and folders, not stdin (-)")
        results = code_corpus(paths, engine=engine, scheduler=scheduler, workers=workers,
                              store_target=target)
        for result in _with_progress(results):
            documents += result.documents
            stored += result.stored
            duplicates += result.duplicates
            for problem in result.problems:
                error_line(problem)
            problems += len(result.problems)
            events.extend(Event.from_json(e) for e in result.events)
    if target is None:
        write_events(events, fmt, sys.stdout, explain=explain)
    else:
        console.print(f"{documents} documents: {stored} stored, {duplicates} duplicates, "
                      f"{problems} failed ({engine}, {workers} workers)", soft_wrap=True)
    if problems:
        raise typer.Exit(EXIT_PARTIAL)


def _with_progress(results: Iterator[UnitResult]) -> Iterator[UnitResult]:
    if not err_console.is_terminal:
        yield from results
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("coding: {task.completed} documents"), TimeElapsedColumn(),
                  console=err_console, transient=True) as progress:
        task = progress.add_task("code", total=None)
        for result in results:
            progress.advance(task, result.documents)
            yield result
