"""``frontwatch serve``: the HTTP API and dashboard over a store."""

from __future__ import annotations

from typing import Annotated

import typer

from frontwatch.cli.app import app, console, default_db, err_console
from frontwatch.errors import InputError

DB_HELP = (
    "Store to serve: a SQLite file, sqlite:///path or postgresql://… "
    "(default: FRONTWATCH_DB or the user data directory; with --demo, the demo store)."
)
DEMO_HELP = "Build (or reuse) a store from the built-in demo corpus and serve it."


@app.command()
def serve(
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
    host: Annotated[str, typer.Option(help="Interface to listen on (127.0.0.1: local only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port to listen on.")] = 8000,
    demo: Annotated[bool, typer.Option("--demo", help=DEMO_HELP)] = False,
    log_level: Annotated[str, typer.Option(help="uvicorn log level: error, warning, info, debug.")] = "info",
) -> None:
    """Serve the HTTP API (/api/, OpenAPI at /api/openapi.json) and the dashboard (/)."""
    if not 0 <= port <= 65535:
        raise InputError(f"--port {port} is not a TCP port: give 1 to 65535 (0 picks a free one)")
    if demo:
        from frontwatch.serve.demo import build_demo_store, default_demo_target

        target = db or default_demo_target()
        built = build_demo_store(target, progress=lambda m: err_console.print(m, soft_wrap=True))
        for p in built.problems:
            err_console.print(f"skipped {p.source}: {p.reason}", markup=False, soft_wrap=True)
        err_console.print(
            f"demo store {target}: {built.stored} documents coded ({built.events} events),"
            f" {built.reused} reused",
            markup=False, soft_wrap=True,
        )
    else:
        target = db or default_db()

    import uvicorn

    from frontwatch.serve.app import create_app

    application = create_app(target)
    console.print(f"frontwatch serving {target} at http://{host}:{port}/", markup=False, soft_wrap=True)
    uvicorn.run(application, host=host, port=port, log_level=log_level)
