"""``frontwatch code --engine dask`` leaves no process behind: at the end of a run, and after
Ctrl-C in the middle of it (issue 15)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

TEXT = "Russian forces shelled Kharkiv on Monday, officials said."


def _corpus(tmp_path: Path, n: int) -> Path:
    path = tmp_path / "wire.jsonl"
    rows = [{"doc_id": f"w{i}", "language": "en", "text": f"Item {i}\n\n{TEXT}"} for i in range(n)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


# Every process of a run inherits this variable, with the run's own value: one that left the
# process group (a new session, a daemon re-parented to init) is still found by it.
TAG = "FRONTWATCH_DASK_EXIT_TEST"


def _start(path: Path) -> subprocess.Popen[bytes]:
    code = "import sys; from frontwatch.cli import main; sys.argv[0] = 'frontwatch'; main()"
    return subprocess.Popen(
        [sys.executable, "-c", code, "code", str(path), "--engine", "dask", "--workers", "2"],
        start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        # Ctrl-C as a terminal gives it, even when the test run itself ignores SIGINT (started
        # with & in a script): a child inherits an ignored signal
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path), **{TAG: str(path)}))


def _group(pgid: int) -> list[str]:
    ps = subprocess.run(["ps", "-eo", "pid=,pgid=,cmd="], capture_output=True, text=True, check=True).stdout
    return [line for line in ps.splitlines() if int(line.split()[1]) == pgid]


def _tagged(value: str) -> list[str]:
    """The processes whose environment carries ``TAG=value``, as ``pid cmd`` lines."""
    mark = f"{TAG}={value}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if mark in (entry / "environ").read_bytes().split(b"\0"):
                cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                found.append(f"{entry.name} {cmd}")
        except OSError:  # gone meanwhile, or not ours to read
            continue
    return found


def _left_after(proc: subprocess.Popen[bytes], corpus: Path, seconds: float = 15.0) -> list[str]:
    """The run's processes still there after ``seconds``: in its group, or tagged with ``corpus``."""

    def alive() -> list[str]:
        by_pid = {line.split()[0]: line for line in _group(proc.pid) + _tagged(str(corpus))}
        return list(by_pid.values())

    deadline = time.monotonic() + seconds
    left = alive()
    while left and time.monotonic() < deadline:
        time.sleep(0.5)
        left = alive()
    for line in left:  # do not leave them to the next test either
        os.kill(int(line.split()[0]), signal.SIGKILL)
    return left


def test_dask_run_leaves_no_process(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, 4)
    proc = _start(corpus)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode()
    assert len(out.decode().splitlines()) == 4
    assert _left_after(proc, corpus) == []


def test_dask_ctrl_c_leaves_no_process_and_no_traceback(tmp_path: Path) -> None:
    # a corpus that takes minutes, so that the Ctrl-C comes while it runs (3,000 short pages take
    # 17 s since the English coder's lexicon indexes are built once)
    corpus = _corpus(tmp_path, 30000)
    proc = _start(corpus)
    deadline = time.monotonic() + 120
    # the run's own processes, found by their tag: main, resource tracker, the workers' processes
    while len(_tagged(str(corpus))) < 4 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(2.0)
    assert proc.poll() is None, "the run ended before Ctrl-C: make the corpus larger"
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole group
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130
    assert b"Traceback" not in err, err.decode()[-2000:]
    assert _left_after(proc, corpus) == []


def test_local_workers_filter_only_the_teardown_heartbeat_line() -> None:
    import logging as _logging

    from distributed import Client

    from frontwatch.engine import TEARDOWN_NOISE, local_cluster

    cluster = local_cluster(1)
    try:
        with Client(cluster) as client:  # type: ignore[no-untyped-call]
            def kept(msg: str) -> bool:
                log = _logging.getLogger("distributed.worker")
                record = log.makeRecord(log.name, _logging.ERROR, __file__, 0, msg, None, None)
                return all(f.filter(record) for f in log.filters)

            got = client.run(lambda: (kept(TEARDOWN_NOISE[0] + "."), kept("Worker memory limit exceeded")))
    finally:
        cluster.close()
    assert list(got.values()) == [(False, True)]
