"""``frontwatch serve``: the HTTP API and dashboard over a store."""

from __future__ import annotations

import errno
import socket
from typing import Annotated

import typer

from frontwatch.cli.app import app, console, default_db, err_console, reporting_errors, require_store
from frontwatch.errors import InputError

DB_HELP = (
    "Store to serve: a SQLite file, sqlite:///path or postgresql://… "
    "(default: FRONTWATCH_DB or the user data directory; with --demo, the demo store)."
)
# uvicorn's default backlog
LISTEN_BACKLOG = 2048
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
    with reporting_errors():
        if not 0 <= port <= 65535:
            raise InputError(f"--port {port} is not a TCP port: give 1 to 65535 (0 picks a free one)")
        if not demo:
            require_store(db or default_db())
        sock = listen(host, port)  # a busy port fails here, before any work and any "serving" line
    try:
        target = _demo_store(db) if demo else (db or default_db())
        import uvicorn

        from frontwatch.serve.app import create_app

        application = create_app(target)
        bound_port = sock.getsockname()[1]
        console.print(f"frontwatch serving {target} at http://{_url_host(host)}:{bound_port}/",
                      markup=False, soft_wrap=True)
        uvicorn.Server(uvicorn.Config(application, log_level=log_level)).run(sockets=[sock])
    finally:
        sock.close()


def _demo_store(db: str | None) -> str:
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
    return target


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` and listening; InputError, in one line, when the port
    is taken or the host is not an address of this machine."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror:
        raise InputError(f"--host {host} is not an address of this machine; use 127.0.0.1 "
                         "(this machine only) or 0.0.0.0 (every interface)") from None
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does: TIME_WAIT is no conflict
    try:
        sock.bind(address)
        sock.listen(LISTEN_BACKLOG)
    except OSError as exc:
        sock.close()
        raise InputError(_bind_problem(host, port, exc)) from None
    sock.set_inheritable(True)
    return sock


def _bind_problem(host: str, port: int, exc: OSError) -> str:
    if exc.errno == errno.EADDRINUSE:
        return (f"port {port} on {host} is already in use (another frontwatch serve?); "
                f"stop it or pick another port: --port {port + 1 if port < 65535 else 8001}")
    if exc.errno == errno.EACCES:
        return f"port {port} needs administrator rights on this machine; use a port above 1023, e.g. 8000"
    if exc.errno == errno.EADDRNOTAVAIL:
        return f"--host {host} is not an address of this machine; use 127.0.0.1 or 0.0.0.0"
    return f"cannot listen on {host}:{port} ({exc.strerror or exc})"


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
