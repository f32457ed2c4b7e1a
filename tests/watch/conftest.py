"""A real HTTP server on 127.0.0.1 whose routes the tests program."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0
    fail_times: int = 0  # answer 500 this many times before answering normally
    headers: dict[str, str] = field(default_factory=dict)  # extra headers (Location, Content-Encoding)
    trickle: float = 0.0  # send the body one byte at a time, this many seconds apart
    length: bool = True  # send Content-Length (False: the body runs until the connection closes)


@dataclass
class FeedServer:
    base: str
    routes: dict[str, Route] = field(default_factory=dict)
    hits: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path

    def count(self, path: str) -> int:
        return sum(1 for p, _ in self.hits if p == path)


def _handler(server: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # keep test output quiet
            pass

        def do_GET(self) -> None:
            server.hits.append((self.path, dict(self.headers)))
            route = server.routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            if route.delay:
                time.sleep(route.delay)
            if route.fail_times > 0:
                route.fail_times -= 1
                self.send_error(500)
                return
            if route.etag and self.headers.get("If-None-Match") == route.etag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            if route.length:
                self.send_header("Content-Length", str(len(route.body)))
            if route.etag:
                self.send_header("ETag", route.etag)
            if route.last_modified:
                self.send_header("Last-Modified", route.last_modified)
            for name, value in route.headers.items():
                self.send_header(name, value)
            self.end_headers()
            if not route.trickle:
                self.wfile.write(route.body)
                return
            for n in range(len(route.body)):
                try:
                    self.wfile.write(route.body[n:n + 1])
                    self.wfile.flush()
                except OSError:  # the client hung up: what the test wants
                    return
                time.sleep(route.trickle)

    return Handler


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    fs = FeedServer(base="")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fs))
    fs.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield fs
    finally:
        httpd.shutdown()
        httpd.server_close()


def rss(base: str, items: list[tuple[str, str, str]]) -> bytes:
    """An RSS 2.0 feed of (path, title, pubDate) items."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>',
        "<title>テスト防衛ニュース</title><link>" + base + "/</link><description>t</description>",
    ]
    for path, title, date in items:
        parts.append(
            f"<item><title>{title}</title><link>{base}{path}</link><pubDate>{date}</pubDate></item>"
        )
    parts.append("</channel></rss>")
    return "".join(parts).encode("utf-8")


def page(title: str, body: str) -> bytes:
    return (
        "<!doctype html><html lang='ja'><head><meta charset='utf-8'><title>"
        + title
        + "</title></head><body><article><h1>"
        + title
        + "</h1><p>"
        + body
        + "</p></article></body></html>"
    ).encode()
