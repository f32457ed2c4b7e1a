"""The HTTP API keeps answering while another process ingests into the same SQLite file."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
import uvicorn

from frontwatch.serve.app import create_app
from frontwatch.store import open_store
from tests.store.store_builders import make_doc, make_event

pytestmark = pytest.mark.slow

SEEDED = 50  # documents with events stored before the ingest starts
PAGES = 800  # pages the other process ingests


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_reads_go_on_while_another_process_ingests(tmp_path: Path) -> None:
    db = tmp_path / "fw.db"
    store = open_store(str(db))
    for i in range(SEEDED):
        doc_id = f"seed{i:03d}"
        store.put(make_doc(doc_id), [make_event(doc_id, n) for n in range(1, 4)])
    store.close()
    folder = tmp_path / "pages"
    folder.mkdir()
    for n in range(PAGES):
        (folder / f"p{n:04d}.txt").write_text(
            f"南海の報告{n}\n\n南海軍は{n}回目の演習を行ったと発表した。\n", encoding="utf-8")

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    try:
        ingest = subprocess.Popen(
            [sys.executable, "-c", "from frontwatch.cli import main; main()",
             "ingest", str(folder), "--db", str(db), "--no-code"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        seen_docs: list[int] = []
        answered = 0
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            while ingest.poll() is None:
                events = client.get("/api/events", params={"limit": 20})
                assert events.status_code == 200, events.text
                body = events.json()
                assert body["total"] == SEEDED * 3 and len(body["events"]) == 20
                stats = client.get("/api/stats")
                assert stats.status_code == 200, stats.text
                seen_docs.append(int(stats.json()["documents"]))
                answered += 1
            out, err = ingest.communicate()
            assert ingest.returncode == 0, err
            final = client.get("/api/stats").json()
    finally:
        server.should_exit = True
        thread.join(timeout=10)

    assert f"{PAGES} stored" in out
    assert final["documents"] == SEEDED + PAGES
    assert answered >= 5, "the ingest ended before the API was read during it"
    assert seen_docs == sorted(seen_docs), "a read went back in time"
    # reads saw the ingest's commits as they happened, not only before and after it
    assert any(SEEDED < n < SEEDED + PAGES for n in seen_docs)
