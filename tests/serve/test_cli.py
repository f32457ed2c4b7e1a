"""``frontwatch serve`` as a user runs it: a subprocess serving a real SQLite store."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.serve.conftest import free_port

FRONTWATCH = [sys.executable, "-c", "from frontwatch.cli import main; main()"]


def test_cli_serve_serves_the_store_until_stopped(sample_db: str) -> None:
    port = free_port()
    proc = subprocess.Popen(
        [*FRONTWATCH, "serve", "--db", sample_db, "--port", str(port), "--log-level", "warning"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                resp = httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2)
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"server did not start: {proc.communicate()}") from None
                time.sleep(0.2)
        assert resp.json()["documents"] == 3
        page = httpx.get(f"http://127.0.0.1:{port}/")
        assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=15)
    assert f"http://127.0.0.1:{port}/" in out


def test_cli_serve_bad_store_is_one_line_error(tmp_path: Path) -> None:
    result = subprocess.run([*FRONTWATCH, "serve", "--db", str(tmp_path)], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 2
    assert "error:" in result.stderr and "Traceback" not in result.stderr


def test_cli_serve_bad_port_is_one_line_error(sample_db: str) -> None:
    result = subprocess.run([*FRONTWATCH, "serve", "--db", sample_db, "--port", "70000"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "--port 70000" in result.stderr
