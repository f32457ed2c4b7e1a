"""Coding commands: ``code`` (files -> records on stdout), ``events`` (stored records), ``explain``."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import asdict, replace
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from frontwatch import export
from frontwatch.cli.app import (
    EXIT_ERROR,
    EXIT_PARTIAL,
    AsJson,
    DbOption,
    app,
    console,
    error_line,
    fail,
    listing_format,
    open_db,
    print_json,
    reporting_errors,
)
from frontwatch.cli.progress import progress_bar, working
from frontwatch.cli.tables import Col, print_table
from frontwatch.records import Document, Event, InputProblem

FORMATS = export.EVENT_FORMATS

Format = Annotated[str, typer.Option("--format", "-f", help="jsonl (PLOVER records, one a line), csv "
                                     "(ACLED-like columns, docs/cli.md) or geojson (a FeatureCollection of "
                                     "records with a place).")]
Processes = Annotated[int, typer.Option("--processes", "-j", min=1, help="GiNZA worker processes.")]


def _documents(paths: list[str]) -> Iterator[Document | InputProblem]:
    from frontwatch.ingest import load_documents

    yield from load_documents(paths)


def _code(paths: list[str], processes: int, *, record_filter: bool = True
          ) -> tuple[list[tuple[Document, list[Event]]], list[InputProblem]]:
    """Coded documents and the inputs that failed; a document that fails is reported, not fatal."""
    docs: list[Document] = []
    problems: list[InputProblem] = []
    for item in _documents(paths):
        (problems if isinstance(item, InputProblem) else docs).append(item)  # type: ignore[arg-type]
    coded, failed = _code_documents(docs, processes, record_filter=record_filter)
    return coded, problems + failed


def _code_documents(docs: list[Document], processes: int, *, record_filter: bool = True
                    ) -> tuple[list[tuple[Document, list[Event]]], list[InputProblem]]:
    from frontwatch.coding.coder import CHUNK_DOCS, build_coder
    from frontwatch.errors import FrontwatchError
    from frontwatch.ingest.run import code_batch

    problems: list[InputProblem] = []
    with working("loading the coder"):
        coder = build_coder(n_process=processes, record_filter=record_filter)
    coded: list[tuple[Document, list[Event]]] = []
    with progress_bar("coding", len(docs)) as advance:
        for at in range(0, len(docs), CHUNK_DOCS):
            for doc, events in code_batch(coder, docs[at:at + CHUNK_DOCS]):
                if isinstance(events, FrontwatchError):
                    problems.append(InputProblem(doc.source or doc.doc_id, str(events)))
                else:
                    coded.append((doc, events))
                advance()
    return coded, problems


@app.command()
def code(
    paths: Annotated[list[str], typer.Argument(help="Files or folders (.txt, .html, .jsonl); - for stdin.")],
    fmt: Format = "jsonl",
    processes: Processes = 1,
    explain: Annotated[bool, typer.Option("--explain", help="Add each record's explanation.")] = False,
    engine: Annotated[str, typer.Option("--engine", help="local: this process (--processes); dask: the "
                                        "corpus cut into units (folders, JSONL, Parquet) on a Dask cluster "
                                        "(docs/scale.md).")] = "local",
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="With --engine dask: address of a "
                                                  "running scheduler; default: start --workers local ones.")]
    = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="With --engine dask: local worker "
                                         "processes to start.")] = 2,
    db: Annotated[str | None, typer.Option("--db", help="With --engine dask: the workers store documents "
                                           "and events in this store instead of printing records.")] = None,
    no_filter: Annotated[bool, typer.Option("--no-filter", help="Keep every record the rules make: skip "
                                            "the learned record filter (docs/learned.md).")] = False,
) -> None:
    """Code documents into PLOVER event records on stdout, without a store (or, with --engine dask
    and --db, into a store by many workers)."""
    if fmt not in FORMATS:
        fail(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    distributed = engine != "local" or bool(scheduler or db)
    if no_filter and distributed:
        fail("--no-filter works with --engine local only")
    if distributed:  # scale area: frontwatch.cli.engine_run
        from frontwatch.cli.engine_run import run_code_engine

        run_code_engine(paths, engine=engine, scheduler=scheduler, workers=workers, db=db, fmt=fmt,
                        explain=explain)
        return
    with reporting_errors():
        coded, problems = _code(paths, processes, record_filter=not no_filter)
    for p in problems:
        error_line(str(p))
    events = [e for _, evs in coded for e in evs]
    write_events(events, fmt, sys.stdout, explain=explain, docs={d.doc_id: d for d, _ in coded})
    if problems:
        raise typer.Exit(EXIT_PARTIAL)


def write_events(events: Iterable[Event], fmt: str, out: Any, *, explain: bool = False,
                 docs: dict[str, Document] | None = None) -> None:
    """The records in ``fmt`` (``frontwatch.export``: the schema the API writes too)."""
    sources = {d: doc.url for d, doc in (docs or {}).items() if doc.url}
    export.write_events(events, fmt, out, explain=explain, sources=sources)


def _names(ents: Iterable[Any]) -> str:
    return "; ".join(f"{e.name or e.text} ({e.code})" if e.code else (e.name or e.text) for e in ents)


# How ``events`` spells the query's parameters, for error messages.
EVENT_FLAGS = {"event": "--event ", "actor": "--actor ", "recipient": "--recipient ", "country": "--party ",
               "factuality": "--factuality ", "claimed_by": "--claimed-by ", "date_from": "--from ",
               "date_to": "--to ", "text": "--text ", "language": "--language ", "dead_min": "--dead-min "}
EVENT_LISTING = ("table", "json", *FORMATS)
Codes = list[str] | None


@app.command()
def events(
    db: DbOption = None,
    event: Annotated[Codes, typer.Option("--event", help="PLOVER type(s), e.g. ASSAULT.")] = None,
    actor: Annotated[Codes, typer.Option("--actor", help="Actor code(s), e.g. AZE (a name gets "
                                         "its code suggested).")] = None,
    recipient: Annotated[Codes, typer.Option("--recipient", help="Recipient code(s).")] = None,
    party: Annotated[Codes, typer.Option("--party", help="Actor or recipient code(s).")] = None,
    factuality: Annotated[Codes, typer.Option("--factuality", help="asserted, claimed, denied, "
                                              "possible or future.")] = None,
    claimed_by: Annotated[Codes, typer.Option("--claimed-by", help="Code(s) of who says so.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="First day, YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Last day, YYYY-MM-DD.")] = None,
    doc: Annotated[str | None, typer.Option("--doc", help="Only this document's records.")] = None,
    text: Annotated[str | None, typer.Option("--text", help="Substring of the sentence.")] = None,
    language: Annotated[Codes, typer.Option("--language", help="Language(s) of the sentence, "
                                            "e.g. ja.")] = None,
    source: Annotated[Codes, typer.Option("--source", help="Site(s) the documents came from, e.g. "
                                          "example.org (as the dashboard's Source menu lists them).")] = None,
    dead_min: Annotated[int | None, typer.Option("--dead-min", help="At least this many dead.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many records.")] = 100,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json, jsonl, csv or geojson "
                                     "(docs/export.md).")] = "table",
    as_json: AsJson = False,
) -> None:
    """List stored event records, filtered."""
    from frontwatch import query

    fmt = listing_format(fmt, as_json, EVENT_LISTING)
    with reporting_errors():
        q = query.event_query(event=event or (), actor=actor or (), recipient=recipient or (),
                              party=party or (), factuality=factuality or (), claimed_by=claimed_by or (),
                              date_from=date_from, date_to=date_to, doc_id=doc, text=text,
                              language=language or (), source=source or (), dead_min=dead_min,
                              labels=EVENT_FLAGS)
        with open_db(db, create=False) as store:
            if q.doc_id and store.get_document(q.doc_id) is None:
                fail(f"--doc {q.doc_id!r}: no such document in the store; "
                     "`frontwatch search WORD` finds stored documents")
            found = store.events(replace(q, limit=limit))
            sources = export.document_sources(store, found) if fmt == "csv" else {}
    if fmt == "json":
        print_json([e.to_json() for e in found])
    elif fmt != "table":
        export.write_events(found, fmt, sys.stdout, sources=sources)
    elif not found:
        console.print("no event records match", markup=False)
    else:
        print_table(console, EVENT_COLUMNS, [_event_cells(e) for e in found])


EVENT_COLUMNS = (Col("id"), Col("date"), Col("event"), Col("actor", "short"), Col("recipient", "short"),
                 Col("places", "short"), Col("factuality"), Col("sentence", "text"))


def _event_cells(e: Event) -> list[str]:
    return [e.id, e.date or "", e.event, _names(e.actor), _names(e.recipient),
            ", ".join(p.name or p.text for p in e.event_loc), e.factuality, e.text]


@app.command()
def explain(
    target: Annotated[str, typer.Argument(help="A stored document id, or a file to code now.")],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON lines with explanations.")] = False,
    dropped: Annotated[bool, typer.Option(
        "--dropped", help="Also list the candidate frames that made no record, with the stage "
        "(constraint, resolution, choice; story: an English record the article's context drops; "
        "filter: a record the learned record filter drops) and "
        "the rule that dropped each, with its reason; a stored document is "
        "coded again for this.")] = False,
) -> None:
    """Show, for every record of a document, the sentence, the lexicon entries and the rule that fired."""
    from frontwatch.coding.stages import Dropped, tracing

    losers: list[Dropped] = []
    problems: list[InputProblem] = []
    if Path(target).exists() or target == "-":
        with reporting_errors(), tracing() as losers:
            coded, problems = _code([target], 1)
        for p in problems:  # a page that cannot be read is named; the file's other pages still show
            error_line(str(p))
        if problems and not coded:
            raise typer.Exit(EXIT_ERROR)
        found = [e for _, evs in coded for e in evs]
    else:
        from frontwatch.store.base import EventQuery

        with reporting_errors(), open_db(db, create=False) as store:
            doc = store.get_document(target)
            if doc is None:
                fail(f"no document {target!r} in the store; list them with `frontwatch stats` or pass a file")
            found = store.events(EventQuery(doc_id=target, limit=10_000))
        if dropped:
            with reporting_errors(), tracing() as losers:
                _code_documents([doc], 1)
    if as_json:
        write_events(found, "jsonl", sys.stdout, explain=True)
        for d in losers if dropped else ():
            sys.stdout.write(json.dumps({"dropped": asdict(d)}, ensure_ascii=False) + "\n")
    else:
        if not found:
            console.print(f"{target}: no event records")
        for e in found:
            print_explanation(e)
        if dropped:
            print_dropped(losers)
    if problems:
        raise typer.Exit(EXIT_PARTIAL)


def print_dropped(losers: list[Any]) -> None:
    console.print(f"[bold]{len(losers)} candidate frame(s) made no record[/bold]" if losers
                  else "no candidate frame was dropped")
    for d in losers:
        why = f" ({escape(d.why)})" if d.why else ""
        console.print(f"  {escape(d.event)} at {escape(repr(d.trigger))}: dropped at {d.stage} by "
                      f"{escape(d.rule)}{why}", highlight=False, soft_wrap=True)
        console.print(f"    sentence: {escape(d.sentence)}", highlight=False, soft_wrap=True)


def print_explanation(e: Event) -> None:
    why = e.explanation
    console.print(f"[bold]{escape(e.id)}[/bold] {escape(e.event)} {escape(_names(e.actor))} -> "
                  f"{escape(_names(e.recipient) or '-')} {escape(f'[{e.factuality}]')} {e.date or ''}",
                  highlight=False, soft_wrap=True)
    console.print(f"  sentence: {escape(e.text)}", highlight=False, soft_wrap=True)
    if why is None:
        console.print("  (no explanation stored)")
        return
    console.print(f"  rule: {escape(why.rule)}   trigger: {escape(why.trigger)}", highlight=False)
    for entry in why.lexicon:
        console.print(f"  lexicon: {escape(entry)}", highlight=False)
    for note in why.notes:
        console.print(f"  - {escape(note)}", highlight=False, soft_wrap=True)
