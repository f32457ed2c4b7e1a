"""The web application: the API under /api/ and the dashboard at /.

``create_app(target)`` opens the store named by ``target`` (anything
``frontwatch.store.open_store`` accepts) and returns a FastAPI app. The dashboard is
plain HTML, CSS and ES modules in ``static/``; it loads nothing from the network,
and every response carries a Content-Security-Policy that forbids inline script,
other origins and framing. Document text and comments are untrusted: the pages put
them in the DOM with ``textContent`` only.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from frontwatch import __version__
from frontwatch.errors import FrontwatchError, InputError, NotFound, StoreError
from frontwatch.serve.api import CACHE_SECONDS, StoreHandle, router
from frontwatch.store.base import Store

CSP = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}

STATIC = Path(str(files("frontwatch") / "serve" / "static"))


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"detail": message}, status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path"))
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return "bad parameter — " + "; ".join(parts)


def _install_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def on_validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(422, _validation_message(exc))

    @app.exception_handler(InputError)
    async def on_input(_: Request, exc: InputError) -> JSONResponse:
        return _error(422, str(exc))

    @app.exception_handler(NotFound)
    async def on_not_found(_: Request, exc: NotFound) -> JSONResponse:
        return _error(404, str(exc))

    @app.exception_handler(StoreError)
    async def on_store(_: Request, exc: StoreError) -> JSONResponse:
        return _error(503, f"the store could not answer: {exc}")

    @app.exception_handler(FrontwatchError)
    async def on_other(_: Request, exc: FrontwatchError) -> JSONResponse:
        return _error(400, str(exc))


def create_app(
    store_target: str, *, store: Store | None = None, cache_seconds: float = CACHE_SECONDS
) -> FastAPI:
    """The API and dashboard over the store at ``store_target`` (or ``store``, if given).

    ``cache_seconds``: how long whole-store views (facets, timeline, analysis) are reused.
    """
    if store is None:
        from frontwatch.store import open_store

        store = open_store(store_target)
    handle = StoreHandle(store, cache_seconds=cache_seconds)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        handle.store.close()

    app = FastAPI(
        title="frontwatch API",
        version=__version__,
        description="PLOVER event records coded from news about armed conflicts, "
        "with the documents they come from, incidents, forecasts and alliance checks.",
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger UI would load scripts from a CDN; the CSP forbids it
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.store = handle
    app.state.store_target = store_target
    _install_handlers(app)

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        return response

    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")

    return app
