"""Reads during writes, several writers at once, and a writer killed mid-transaction."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from store_builders import make_doc, make_event

from frontwatch.store import EventQuery, Store, open_store

HERE = Path(__file__).parent
BACKENDS = [pytest.param("sqlite"), pytest.param("postgres", marks=pytest.mark.postgres)]
# Generous upper bound for a writer subprocess to reach its stall point on a busy CI machine.
WRITER_START_TIMEOUT_S = 60


def _target(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    return str(tmp_path / "c.db") if backend == "sqlite" else str(request.getfixturevalue("fresh_pg_url"))


def _stalled_writer(target: str, n: int, tmp_path: Path) -> subprocess.Popen[bytes]:
    marker = tmp_path / "inside.marker"
    proc = subprocess.Popen([sys.executable, str(HERE / "store_writer.py"), target, str(n), str(marker)])
    deadline = time.monotonic() + WRITER_START_TIMEOUT_S
    while not marker.exists():
        if proc.poll() is not None:
            pytest.fail(f"writer exited early with status {proc.returncode}")
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail("writer never reached its stall point")
        time.sleep(0.05)
    return proc


def _assert_consistent(store: Store, n: int) -> None:
    assert store.get_document("stalled") is None
    assert store.count_events(EventQuery(doc_id="stalled")) == 0
    assert store.search("書きかけ") == []
    stats = store.stats()
    assert (stats.documents, stats.versions, stats.events) == (n, n, 3 * n)
    for i in range(n):
        assert store.count_events(EventQuery(doc_id=f"w{i}")) == 3


@pytest.mark.slow
@pytest.mark.parametrize("backend", BACKENDS)
def test_store_reads_go_on_while_a_put_is_open(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    target = _target(backend, tmp_path, request)
    open_store(target).close()
    proc = _stalled_writer(target, 3, tmp_path)
    try:
        reader = open_store(target)
        started = time.monotonic()
        _assert_consistent(reader, 3)  # the open transaction's rows are not visible, nothing blocks
        assert [h.doc_id for h in reader.search("見出し1")] == ["w1"]
        assert time.monotonic() - started < 10, "reads waited for the writer"
        reader.close()
    finally:
        proc.kill()
        proc.wait()


@pytest.mark.slow
@pytest.mark.parametrize("backend", BACKENDS)
def test_store_kill_9_mid_transaction_leaves_a_consistent_store(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    target = _target(backend, tmp_path, request)
    proc = _stalled_writer(target, 4, tmp_path)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    if backend == "sqlite":
        con = sqlite3.connect(target)
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        con.close()
    store = open_store(target)
    _assert_consistent(store, 4)
    # a rerun completes the interrupted document, and what was stored is not stored twice
    assert store.put(make_doc("stalled", title="書きかけ"), [make_event("stalled", k) for k in range(3)]) == (
        "stored"
    )
    assert store.put(make_doc("w0", title="見出し0"), [make_event("w0", 0)]) == "duplicate"
    assert store.stats().events == 15
    store.close()


@pytest.mark.slow
@pytest.mark.parametrize("backend", BACKENDS)
def test_store_concurrent_writers_store_each_document_once(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    target = _target(backend, tmp_path, request)
    open_store(target).close()
    docs = [
        (make_doc(f"c{i}", title=f"同時{i}"), [make_event(f"c{i}", k) for k in range(4)]) for i in range(12)
    ]
    results: list[tuple[str, str]] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def writer(offset: int) -> None:
        store = open_store(target)  # each writer has its own connection, as separate processes would
        try:
            for j in range(len(docs)):
                doc, events = docs[(j + offset) % len(docs)]
                status = store.put(doc, events)
                with lock:
                    results.append((doc.doc_id, status))
        except BaseException as exc:
            errors.append(exc)
        finally:
            store.close()

    threads = [threading.Thread(target=writer, args=(k * 5,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    for doc, _ in docs:
        statuses = sorted(s for d, s in results if d == doc.doc_id)
        assert statuses == ["duplicate", "duplicate", "duplicate", "stored"]
    store = open_store(target)
    stats = store.stats()
    assert (stats.documents, stats.versions, stats.events) == (12, 12, 48)
    store.close()


@pytest.mark.postgres
def test_store_postgres_same_content_under_two_ids_at_once(fresh_pg_url: str) -> None:
    open_store(fresh_pg_url).close()
    a = make_doc("twin-a", content_hash="same-bytes")
    b = make_doc("twin-b", content_hash="same-bytes")
    statuses: list[str] = []
    barrier = threading.Barrier(2)

    def put(doc_id: str) -> None:
        store = open_store(fresh_pg_url)
        barrier.wait()
        statuses.append(store.put(a if doc_id == "twin-a" else b, []))
        store.close()

    threads = [threading.Thread(target=put, args=(d,)) for d in ("twin-a", "twin-b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(statuses) == ["duplicate", "stored"]
