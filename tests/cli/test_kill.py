"""kill -9 in the middle of an ingest: the store stays consistent and a second run completes it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from frontwatch.store import open_store

pytestmark = pytest.mark.slow

DOCS = 1500
KILL_AFTER = 50  # documents stored before the kill: well into the run, far from its end
WAIT_S = 120.0


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(con.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0  # not created or not migrated yet


def _frontwatch(*args: str) -> list[str]:
    return [sys.executable, "-c", "from frontwatch.cli import main; main()", *args]


def test_kill_mid_ingest_then_rerun(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for n in range(DOCS):
        page = f"北海の報告{n}\n\n北海軍は{n}回目の演習を行ったと発表した。\n\n南海はこれに抗議した。\n"
        (folder / f"p{n:04d}.txt").write_text(page, encoding="utf-8")
    db = tmp_path / "fw.db"
    proc = subprocess.Popen(_frontwatch("ingest", str(folder), "--db", str(db), "--no-code"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + WAIT_S
    while _stored(db) < KILL_AFTER and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    store = open_store(str(db))
    before = store.stats()
    store.close()
    assert KILL_AFTER <= before.documents < DOCS, "the kill came too late to test anything"
    assert before.versions == before.documents

    rerun = subprocess.run(_frontwatch("ingest", str(folder), "--db", str(db), "--no-code"),
                           capture_output=True, text=True, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{before.documents} duplicates" in rerun.stdout
    store = open_store(str(db))
    after = store.stats()
    doc = store.get_document("p0000")
    store.close()
    assert (after.documents, after.versions) == (DOCS, DOCS)
    assert doc is not None and doc.title == "北海の報告0"
