"""Document commands: ingest, show, search, stats, demo."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from frontwatch import export
from frontwatch.cli.app import (
    EXIT_PARTIAL,
    AsJson,
    DbOption,
    app,
    console,
    err_console,
    error_line,
    fail,
    listing_format,
    open_db,
    open_db_on_first_write,
    print_json,
    reporting_errors,
)
from frontwatch.cli.docs_view import document_json, part_label, print_document
from frontwatch.cli.progress import progress_bar
from frontwatch.cli.tables import Col, print_table
from frontwatch.ingest.files import DEFAULT_MAX_BYTES, STDIN
from frontwatch.ingest.run import IngestSummary, default_coder, ingest_documents
from frontwatch.records import IngestResult
from frontwatch.store.base import Store

# Without coding, parsing this many documents takes about two seconds on a laptop; below it
# a progress bar is only noise. Coding takes seconds per batch (and more to load GiNZA), so
# a coded ingest always shows one.
PROGRESS_MIN_UNCODED = 20
# What ingest reads from: a web address is for ``watch`` (feeds), not a file.
URL_PREFIXES = ("http://", "https://", "ftp://", "www.")

NoCode = Annotated[bool, typer.Option("--no-code", help="Store documents without coding events.")]


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (read recursively) or - for stdin; "
                                               ".txt, .html, .htm and .jsonl.", show_default=False)],
    db: DbOption = None,
    no_code: NoCode = False,
    doc_id: Annotated[str | None, typer.Option("--doc-id", help="doc_id of the document read from stdin.")]
    = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", help="Refuse files larger than this (bytes).")]
    = DEFAULT_MAX_BYTES,
) -> None:
    """Read, split, code and store documents. Same content twice is stored once; changed content
    under a known doc_id becomes a new version. Exit status 1 when any input failed."""
    for given in paths:
        if given.lower().startswith(URL_PREFIXES):
            fail(f"{given} is a web address; ingest reads files and folders. To fetch pages, list "
                 "the site's feed in a TOML file and run `frontwatch watch FEEDS.toml` "
                 "(docs/cli.md#frontwatch-watch), or save the page and ingest the file")
    with reporting_errors(), open_db_on_first_write(db) as store:
        summary = _ingest(paths, store, coder=not no_code, max_bytes=max_bytes, doc_id=doc_id)
    console.print(summary.line(), soft_wrap=True)
    if summary.failed:
        raise typer.Exit(EXIT_PARTIAL)


def _ingest(paths: list[str], store: Store, *, coder: bool, max_bytes: int = DEFAULT_MAX_BYTES,
            doc_id: str | None = None) -> IngestSummary:
    from frontwatch.ingest import load_documents

    def report(result: IngestResult) -> None:
        if result.status == "failed":
            error_line(f"{result.source}: {result.reason}")

    factory = default_coder if coder else None
    items = load_documents(paths, max_bytes=max_bytes, stdin_doc_id=doc_id)
    expected = count_documents(paths)
    if not err_console.is_terminal or (not coder and (expected or 0) < PROGRESS_MIN_UNCODED):
        return ingest_documents(items, store, coder_factory=factory, on_result=report)
    with progress_bar("ingesting" if coder else "reading", expected) as advance:

        def step(result: IngestResult) -> None:
            report(result)
            advance()

        return ingest_documents(items, store, coder_factory=factory, on_result=step)


def count_documents(paths: list[str]) -> int | None:
    """Documents that ``paths`` hold (a JSONL file: one per non-blank line; a missing path
    counts as the one failure it reports): the progress bar's total. None with stdin."""
    from frontwatch.ingest.files import SUFFIXES

    total = 0
    for given in paths:
        if given == STDIN:
            return None
        path = Path(given)
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES) \
            if path.is_dir() else [path]
        total += sum(_documents_in(f) for f in files) or 1  # an empty folder is one failure
    return total


def _documents_in(path: Path) -> int:
    if path.suffix.lower() != ".jsonl" or not path.is_file():
        return 1
    try:
        with path.open("rb") as fh:
            return max(1, sum(1 for line in fh if line.strip()))
    except OSError:
        return 1


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(help="The document's id.", show_default=False)],
    db: DbOption = None,
    as_json: AsJson = False,
    version: Annotated[int | None, typer.Option("--version", help="An older version (1 is the first).")]
    = None,
) -> None:
    """Show a stored document's parts: title, category, date, body, references, credits, related
    links and reader comments."""
    with reporting_errors(), open_db(db, create=False) as store:
        doc = store.get_document(doc_id, version)
    if doc is None:
        fail(f"no document {doc_id!r} in the store; `frontwatch search WORD` finds stored documents")
    if as_json:
        _print_json(document_json(doc))
    else:
        print_document(console, doc)


SEARCH_FORMATS = ("table", "json", "csv")
DOC_COLUMNS = (Col("doc_id"), Col("published"), Col("title", "text"), Col("events"), Col("comments"))
SEARCH_COLUMNS = ("doc_id", "part", "title", "snippet")


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find in titles, bodies and comments.",
                                         show_default=False)],
    db: DbOption = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many hits.")] = 20,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")] = "table",
    as_json: AsJson = False,
) -> None:
    """Full-text search over stored documents."""
    fmt = listing_format(fmt, as_json, SEARCH_FORMATS)
    if not query.strip():
        fail("the search query is empty; give a word to look for")
    with reporting_errors(), open_db(db, create=False) as store:
        hits = store.search(query, limit=limit)
    rows = [{"doc_id": h.doc_id, "part": part_label(h.kind), "title": h.title, "snippet": h.snippet}
            for h in hits]
    if fmt == "json":
        print_json([{**r, "kind": h.kind} for r, h in zip(rows, hits, strict=True)])
    elif fmt == "csv":
        sys.stdout.writelines(export.iter_csv(rows, SEARCH_COLUMNS))
    elif not hits:
        console.print(f"no matches for {query!r}", markup=False)
    else:
        print_table(console, (Col("doc_id"), Col("part"), Col("title", "short"), Col("snippet", "text")),
                    [[str(r[c] or "") for c in SEARCH_COLUMNS] for r in rows])


@app.command()
def stats(db: DbOption = None, as_json: AsJson = False) -> None:
    """Counts of stored documents, versions, events and comments, and events by type."""
    with reporting_errors(), open_db(db, create=False) as store:
        st = store.stats()
    data: dict[str, Any] = {
        "documents": st.documents, "versions": st.versions, "events": st.events, "comments": st.comments,
        "date_from": st.date_from, "date_to": st.date_to, "events_by_type": dict(st.events_by_type),
    }
    if as_json:
        _print_json(data)
        return
    table = Table("", "count", show_header=False)
    for key in ("documents", "versions", "events", "comments"):
        table.add_row(key, str(data[key]))
    table.add_row("dates", f"{st.date_from or '-'} .. {st.date_to or '-'}")
    for event, n in sorted(st.events_by_type.items(), key=lambda kv: -kv[1]):
        table.add_row(f"  {event}", str(n))
    console.print(table)


@app.command()
def demo(
    db: Annotated[str | None, typer.Option("--db", help="Store for the demo (default: demo.db in the user "
                                                        "data directory).", show_default=False)] = None,
    no_code: NoCode = False,
) -> None:
    """Ingest the built-in demo corpus (an invented story in blog pages and wire items) and list it."""
    from frontwatch.demo import corpus_paths

    target = db or _demo_db()
    paths = [str(p) for p in corpus_paths()]
    if not paths:
        fail("the demo corpus is missing from this installation; reinstall frontwatch")
    with reporting_errors(), open_db(target) as store:
        summary = _ingest(paths, store, coder=not no_code)
        docs = store.documents(limit=1000)
        st = store.stats()
    print_table(console, DOC_COLUMNS,
                [[d.doc_id, str(d.published or "-"), d.title or "-", str(d.events), str(d.comments)]
                 for d in docs])
    console.print(summary.line(), soft_wrap=True)
    top = ", ".join(f"{k} {v}" for k, v in sorted(st.events_by_type.items(), key=lambda kv: -kv[1])[:8])
    console.print(f"store {target}: {st.documents} documents, {st.events} events ({top or 'none'})",
                  soft_wrap=True, markup=False)
    if summary.failed:
        raise typer.Exit(EXIT_PARTIAL)


def _demo_db() -> str:
    """demo.db in the user data directory, apart from the default store."""
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("frontwatch"))
    folder.mkdir(parents=True, exist_ok=True)
    return str(folder / "demo.db")


def _print_json(data: object) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
