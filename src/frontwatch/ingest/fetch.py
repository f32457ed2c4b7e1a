"""Fetching one URL for the watcher: a per-host delay, a byte cap, a deadline per request and
retries with backoff; every failure becomes a :class:`FetchError` naming the URL."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from frontwatch.errors import FetchError

DEFAULT_PER_HOST_DELAY_S = 2.0  # the common crawler courtesy delay between requests to one host
DEFAULT_TIMEOUT_S = 20.0  # a slow page is worth waiting for, a stuck one is not
DEFAULT_RETRIES = 3  # attempts within one pass before a URL is deferred to a later pass
BACKOFF_BASE_S = 0.5  # first in-pass retry waits this long, doubling each time
# The most one response may hold once decoded: a news page is well under 1 MiB, the biggest feeds a few
# MiB; well under the 50 MiB file limit, so a hostile page cannot take the watcher's memory.
DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024
# Wall time for one request, body included: the timeout above is per read, so a server sending a
# byte at a time would otherwise never be cut off. Three slow reads' worth.
DEFAULT_DEADLINE_S = 60.0
RETRYABLE_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
USER_AGENT = "frontwatch/0.1 (+news event monitor)"


@dataclass(frozen=True, slots=True)
class Fetched:
    """A response read whole, within the fetcher's byte cap and deadline."""

    url: str
    status_code: int
    headers: httpx.Headers
    content: bytes
    charset_encoding: str | None = None


class _GiveUp(Exception):
    """A failure that another attempt in this pass would only repeat."""


class Fetcher:
    """GET with a per-host delay, a byte cap, a deadline per request and retries with backoff.

    Every failure of a request (transport, redirect loop, undecodable body, too large, too slow,
    an error status) becomes a :class:`FetchError` naming the URL; nothing else escapes ``get``.
    """

    def __init__(
        self,
        client: httpx.Client,
        *,
        per_host_delay: float = DEFAULT_PER_HOST_DELAY_S,
        retries: int = DEFAULT_RETRIES,
        backoff_base: float = BACKOFF_BASE_S,
        max_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        deadline: float = DEFAULT_DEADLINE_S,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._client = client
        self._delay = per_host_delay
        self._retries = max(1, retries)
        self._backoff = backoff_base
        self._max_bytes = max_bytes
        self._deadline = deadline
        self._sleep = sleep
        self._clock = clock
        self._last: dict[str, float] = {}

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last.get(host)
        if last is not None:
            wait = self._delay - (self._clock() - last)
            if wait > 0:
                self._sleep(wait)
        self._last[host] = self._clock()

    def get(self, url: str, headers: dict[str, str] | None = None) -> Fetched:
        """The response (2xx or 304); FetchError once every attempt has failed."""
        problem = "no attempt made"
        for attempt in range(self._retries):
            if attempt:
                self._sleep(self._backoff * 2 ** (attempt - 1))
            self._wait_for_host(url)
            try:
                resp = self._once(url, headers or {})
            except _GiveUp as exc:
                problem = str(exc)
                break
            except httpx.TimeoutException:
                problem = "timed out"
                continue
            except httpx.TransportError as exc:
                problem = f"connection failed ({exc.__class__.__name__})"
                continue
            if resp.status_code < 300 or resp.status_code == 304:
                return resp
            problem = f"HTTP {resp.status_code}"
            if resp.status_code not in RETRYABLE_STATUS:
                break
        raise FetchError(f"{url}: {problem}")

    def _once(self, url: str, headers: dict[str, str]) -> Fetched:
        """One request, read within the byte cap and the deadline."""
        started = self._clock()
        try:
            with self._client.stream("GET", url, headers=headers, follow_redirects=True) as resp:
                declared = resp.headers.get("Content-Length", "")
                if declared.isdigit() and int(declared) > self._max_bytes:
                    raise _GiveUp(self._too_large(int(declared)))
                chunks: list[bytes] = []
                size = 0
                for chunk in resp.iter_bytes():  # decoded bytes: a gzip bomb meets the cap too
                    size += len(chunk)
                    if size > self._max_bytes:
                        raise _GiveUp(self._too_large(size, at_least=True))
                    if self._clock() - started > self._deadline:
                        raise _GiveUp(f"still sending after {self._deadline:.0f} s (the deadline per "
                                      "request); cut off")
                    chunks.append(chunk)
                return Fetched(str(resp.url), resp.status_code, resp.headers, b"".join(chunks),
                               resp.charset_encoding)
        except httpx.TooManyRedirects as exc:
            raise _GiveUp(f"too many redirects ({exc})") from exc
        except httpx.DecodingError as exc:
            raise _GiveUp(f"the response body cannot be decoded ({exc})") from exc
        except (httpx.TimeoutException, httpx.TransportError):
            raise
        except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError, ValueError, UnicodeError) as exc:
            raise _GiveUp(f"request failed ({exc.__class__.__name__}: {exc})") from exc

    def _too_large(self, size: int, *, at_least: bool = False) -> str:
        mib = 1024 * 1024
        more = "more than " if at_least else ""
        return (f"response too large ({more}{size / mib:.1f} MiB; the cap is {self._max_bytes / mib:.1f} "
                "MiB, max_bytes in the feeds file's [settings])")
