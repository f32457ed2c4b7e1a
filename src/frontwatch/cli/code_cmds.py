"""Coding commands: ``code`` (files -> records on stdout), ``events`` (stored records), ``explain``."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from frontwatch.cli.app import (
    EXIT_PARTIAL,
    DbOption,
    app,
    console,
    error_line,
    fail,
    open_db,
    reporting_errors,
)
from frontwatch.records import Document, Event, InputProblem

FORMATS = ("jsonl", "csv", "geojson")
CSV_COLUMNS = ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "location",
               "latitude", "longitude", "fatalities", "source", "notes")

Format = Annotated[str, typer.Option("--format", "-f", help="jsonl (one record a line), csv (ACLED-like) "
                                     "or geojson (a FeatureCollection of records with a place).")]
Processes = Annotated[int, typer.Option("--processes", "-j", min=1, help="GiNZA worker processes.")]


def _documents(paths: list[str]) -> Iterator[Document | InputProblem]:
    from frontwatch.ingest import load_documents

    yield from load_documents(paths)


def _code(paths: list[str], processes: int) -> tuple[list[tuple[Document, list[Event]]], list[InputProblem]]:
    """Coded documents and the inputs that failed; a document that fails is reported, not fatal."""
    from frontwatch.coding.coder import CHUNK_DOCS, build_coder
    from frontwatch.errors import FrontwatchError
    from frontwatch.ingest.run import code_batch

    docs: list[Document] = []
    problems: list[InputProblem] = []
    for item in _documents(paths):
        (problems if isinstance(item, InputProblem) else docs).append(item)  # type: ignore[arg-type]
    coder = build_coder(n_process=processes)
    coded: list[tuple[Document, list[Event]]] = []
    for at in range(0, len(docs), CHUNK_DOCS):
        for doc, events in code_batch(coder, docs[at:at + CHUNK_DOCS]):
            if isinstance(events, FrontwatchError):
                problems.append(InputProblem(doc.source or doc.doc_id, str(events)))
            else:
                coded.append((doc, events))
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
) -> None:
    """Code documents into PLOVER event records on stdout, without a store (or, with --engine dask
    and --db, into a store by many workers)."""
    if fmt not in FORMATS:
        fail(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if engine != "local" or scheduler or db:  # scale area: frontwatch.cli.engine_run
        from frontwatch.cli.engine_run import run_code_engine

        run_code_engine(paths, engine=engine, scheduler=scheduler, workers=workers, db=db, fmt=fmt,
                        explain=explain)
        return
    with reporting_errors():
        coded, problems = _code(paths, processes)
    for p in problems:
        error_line(str(p))
    events = [e for _, evs in coded for e in evs]
    write_events(events, fmt, sys.stdout, explain=explain, docs={d.doc_id: d for d, _ in coded})
    if problems:
        raise typer.Exit(EXIT_PARTIAL)


def write_events(events: Iterable[Event], fmt: str, out: Any, *, explain: bool = False,
                 docs: dict[str, Document] | None = None) -> None:
    if fmt == "jsonl":
        for e in events:
            out.write(json.dumps(e.to_json(explain=explain), ensure_ascii=False, default=_jsonable) + "\n")
    elif fmt == "csv":
        w = csv.writer(out)
        w.writerow(CSV_COLUMNS)
        for e in events:
            w.writerow(csv_row(e, (docs or {}).get(e.doc_id)))
    else:
        json.dump(geojson(events), out, ensure_ascii=False, default=_jsonable)
        out.write("\n")


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def _names(ents: Iterable[Any]) -> str:
    return "; ".join(f"{e.name or e.text} ({e.code})" if e.code else (e.name or e.text) for e in ents)


def csv_row(e: Event, doc: Document | None) -> list[Any]:
    """One ACLED-like row: actor2 is the recipient; sub_event_type carries the PLOVER modes."""
    place = e.event_loc[0] if e.event_loc else None
    notes = e.text if e.factuality == "asserted" else f"[{e.factuality}] {e.text}"
    source = (doc.url or doc.source) if doc is not None else None
    return [
        e.date or "", e.event, "; ".join(e.mode), _names(e.actor), _names(e.recipient),
        place.country if place else "", "; ".join(p.name or p.text for p in e.event_loc),
        place.lat if place and place.lat is not None else "",
        place.lon if place and place.lon is not None else "",
        e.dead if e.dead is not None else "", source or e.doc_id, notes,
    ]


def geojson(events: Iterable[Event]) -> dict[str, Any]:
    """A FeatureCollection: one Point feature per record and located place."""
    feats = []
    for e in events:
        for p in e.event_loc:
            if p.lat is None or p.lon is None:
                continue
            props = e.to_json()
            props["place"] = p.name or p.text
            feats.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
                          "properties": props})
    return {"type": "FeatureCollection", "features": feats}


def _split(values: list[str] | None) -> tuple[str, ...]:
    return tuple(v.strip().upper() for raw in values or [] for v in raw.split(",") if v.strip())


def _date(value: str | None, flag: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"{flag} {value!r} is not a date; write YYYY-MM-DD")


@app.command()
def events(
    db: DbOption = None,
    event: Annotated[list[str] | None, typer.Option("--event", help="PLOVER type(s), e.g. ASSAULT.")] = None,
    actor: Annotated[list[str] | None, typer.Option("--actor", help="Actor code(s), e.g. AZE.")] = None,
    recipient: Annotated[list[str] | None, typer.Option("--recipient", help="Recipient code(s).")] = None,
    party: Annotated[list[str] | None, typer.Option("--party", help="Actor or recipient code(s).")] = None,
    factuality: Annotated[list[str] | None, typer.Option("--factuality", help="asserted, ...")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="First day, YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Last day, YYYY-MM-DD.")] = None,
    doc: Annotated[str | None, typer.Option("--doc", help="Only this document's records.")] = None,
    text: Annotated[str | None, typer.Option("--text", help="Substring of the sentence.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many records.")] = 100,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, jsonl, csv or geojson.")] = "table",
) -> None:
    """List stored event records, filtered."""
    from frontwatch.store.base import EventQuery

    if fmt not in ("table", *FORMATS):
        fail(f"unknown format {fmt!r}; use table, jsonl, csv or geojson")
    q = EventQuery(event=_split(event), actor=_split(actor), recipient=_split(recipient), party=_split(party),
                   factuality=tuple(f.lower() for f in _split(factuality)),
                   date_from=_date(date_from, "--from"),
                   date_to=_date(date_to, "--to"), doc_id=doc, text=text, limit=limit)
    with reporting_errors(), open_db(db) as store:
        found = store.events(q)
    if fmt != "table":
        write_events(found, fmt, sys.stdout)
        return
    table = Table("id", "date", "event", "actor", "recipient", "places", "factuality", "sentence")
    for e in found:
        table.add_row(e.id, e.date or "", e.event, _names(e.actor), _names(e.recipient),
                      ", ".join(p.name or p.text for p in e.event_loc), e.factuality, e.text[:60])
    console.print(table)


@app.command()
def explain(
    target: Annotated[str, typer.Argument(help="A stored document id, or a file to code now.")],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON lines with explanations.")] = False,
) -> None:
    """Show, for every record of a document, the sentence, the lexicon entries and the rule that fired."""
    if Path(target).exists() or target == "-":
        with reporting_errors():
            coded, problems = _code([target], 1)
        for p in problems:
            fail(str(p))
        found = [e for _, evs in coded for e in evs]
    else:
        from frontwatch.store.base import EventQuery

        with reporting_errors(), open_db(db) as store:
            if store.get_document(target) is None:
                fail(f"no document {target!r} in the store; list them with `frontwatch stats` or pass a file")
            found = store.events(EventQuery(doc_id=target, limit=10_000))
    if as_json:
        write_events(found, "jsonl", sys.stdout, explain=True)
        return
    if not found:
        console.print(f"{target}: no event records")
    for e in found:
        print_explanation(e)


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
