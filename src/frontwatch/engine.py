"""Coding large corpora on Dask.

A corpus (files and folders, JSON Lines, Parquet) is cut into *work units* that a
worker can read on its own: a group of files, a byte range of a JSONL file cut at
line boundaries, or one Parquet row group. Each unit becomes one task. A worker
builds the coder once (a module-level cache per worker process) and codes its unit;
results come back in unit order, so the records are identical, id for id and line for
line, to a single-process run over the same inputs.

With ``store`` given, workers write their documents and events straight into that
store (PostgreSQL for many writers) instead of returning records.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from frontwatch.errors import FrontwatchError, InputError
from frontwatch.records import Document, InputProblem

TARGET_UNIT_BYTES = 2_000_000  # ~2 MB of text a task: about 20 s of GiNZA parse, so scheduling cost is noise
# One process: units only pace the progress report; a corpus is cut into at least this many.
MIN_UNITS_PER_WORKER = 8
MIN_UNIT_BYTES = 20_000  # one process: below ~20 kB (a few articles) a unit's fixed cost shows
# Dask (guided scheduling): each unit is 1/(GUIDED_SHARE x workers) of the bytes not yet planned, so
# units shrink towards the end and the last ones, run while the other workers finish, are small.
# Equal units left two workers 8:7 or 6:5 units apart (1.50x-1.83x at best on the bench corpus,
# bench/README.md); the worker that finishes last now waits for at most one GUIDED_MIN_BYTES unit.
GUIDED_SHARE = 2
GUIDED_MIN_BYTES = 4_000  # ~1,300 Japanese characters, ~0.15 s of parse: a task's own cost (~ms) is noise
SCHEDULER_TIMEOUT_S = 10  # connecting to a --scheduler address
CLOSE_TIMEOUT_S = 10  # a local cluster's close, then its processes are ended
# Dask's housekeeping wakes each process many times a second (event-loop tick every 20 ms, system
# monitor every 500 ms, GIL sampling every 1 ms, memory check every 100 ms); on two busy cores each
# wake-up is CPU the parse does not get. Slowed down here: a coding task runs for seconds.
QUIET_WORKERS = {
    # each worker process runs this module's ``dask_setup`` when it starts (_TeardownNoise)
    "distributed.worker.preload": ["frontwatch.engine"],
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.admin.system-monitor.gil.enabled": False,
    "distributed.worker.memory.monitor-interval": "1s",
}
INPUT_SUFFIXES = {".txt", ".html", ".htm", ".jsonl", ".parquet"}

_CODER: Any = None  # one coder per worker process, built on its first task


@dataclass(frozen=True, slots=True)
class WorkUnit:
    """One task's share of the corpus."""

    kind: str  # "files", "jsonl", "parquet"
    paths: tuple[str, ...]
    start: int = 0  # byte offset (jsonl) or row group (parquet)
    end: int = 0
    size: int = 0
    first_line: int = 1  # jsonl: the file's line number at ``start``, for messages
    doc_ids: tuple[str, ...] = ()  # files: each page's doc_id, planned as a local run gives it


@dataclass(frozen=True, slots=True)
class UnitResult:
    """What one unit yielded: event records (JSON, in document order) unless they went to a store."""

    events: tuple[dict[str, Any], ...]
    problems: tuple[str, ...]  # "source: reason" for each input that could not be used
    documents: int
    characters: int  # clean text characters of the unit's documents
    stored: int = 0  # with a store: documents stored (new or new version)
    duplicates: int = 0  # with a store: documents already stored, not coded again
    seconds: float = 0.0  # wall time of the unit inside its worker


def _expand(paths: Sequence[str]) -> list[Path]:
    return [p for p, _ in _expand_rooted(paths)]


def _expand_rooted(paths: Sequence[str]) -> list[tuple[Path, Path | None]]:
    """Each input file with the folder given that it was found under (None: given itself)."""
    out: list[tuple[Path, Path | None]] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in INPUT_SUFFIXES)
            out.extend((f, p) for f in found)
        elif p.is_file():
            out.append((p, None))
        else:
            raise InputError(f"{raw}: no such file or folder")
    return out


class _Sizer:
    """The size of the next unit: fixed, or (with ``workers``) a share of the bytes not yet planned."""

    def __init__(self, total: int, target: int, workers: int | None) -> None:
        self.remaining, self.target, self.workers = total, target, workers

    def next(self) -> int:
        if self.workers is None:
            return self.target
        share = self.remaining // (GUIDED_SHARE * self.workers)
        return max(GUIDED_MIN_BYTES, min(self.target, share))

    def take(self, size: int) -> None:
        self.remaining = max(0, self.remaining - size)


def _jsonl_units(path: Path, sizer: _Sizer) -> Iterator[WorkUnit]:
    """Byte ranges of about ``sizer.next()`` bytes, cut at line ends, each with its first line number."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        start, line = 0, 1
        while start < size:
            chunk = fh.read(sizer.next())
            chunk += fh.readline()  # on to the end of the line the cut fell in
            end = start + len(chunk)
            sizer.take(len(chunk))
            yield WorkUnit("jsonl", (str(path),), start, end, end - start, first_line=line)
            line += chunk.count(b"\n")
            start = end


def _parquet_units(path: Path, sizer: _Sizer) -> list[WorkUnit]:
    import pyarrow.parquet as pq

    meta = pq.ParquetFile(path).metadata
    sizer.take(path.stat().st_size)  # row groups are the file's own cut
    return [WorkUnit("parquet", (str(path),), g, g + 1, meta.row_group(g).total_byte_size)
            for g in range(meta.num_row_groups)]


def plan_units(
    paths: Sequence[str], *, target_bytes: int = TARGET_UNIT_BYTES, workers: int | None = None
) -> list[WorkUnit]:
    """Cut the inputs into work units, in input order.

    Without ``workers`` every unit is about ``target_bytes``. With it (the Dask engine), units
    follow guided scheduling: each is 1/(GUIDED_SHARE x workers) of the bytes still to plan,
    at most ``target_bytes`` and at least GUIDED_MIN_BYTES, so that the corpus ends in small units
    and no worker waits long for the last one. A unit holds whole documents (files, JSONL lines,
    Parquet row groups); the records never depend on the cut.
    """
    from frontwatch.ingest.files import PageIds

    files = _expand_rooted(paths)
    sizer = _Sizer(sum(p.stat().st_size for p, _ in files), target_bytes, workers)
    units: list[WorkUnit] = []
    batch: list[str] = []
    batch_ids: list[str] = []
    batch_size = 0
    ids = PageIds()  # the ids a local run gives (ingest.files step 6)

    def flush() -> None:
        nonlocal batch, batch_ids, batch_size
        if batch:
            units.append(WorkUnit("files", tuple(batch), size=batch_size, doc_ids=tuple(batch_ids)))
            sizer.take(batch_size)
            batch, batch_ids, batch_size = [], [], 0

    for p, root in files:
        suffix = p.suffix.lower()
        if suffix == ".jsonl":
            flush()
            units.extend(_jsonl_units(p, sizer))
        elif suffix == ".parquet":
            flush()
            units.extend(_parquet_units(p, sizer))
        else:
            size = p.stat().st_size
            if batch and batch_size + size > sizer.next():
                flush()
            batch.append(str(p))
            batch_ids.append(ids.of(p, root))
            batch_size += size
    flush()
    return units


def _documents(unit: WorkUnit) -> Iterator[Document | InputProblem]:
    from frontwatch.clean import parse
    from frontwatch.ingest import load_documents

    if unit.kind == "files":
        yield from load_documents(list(unit.paths), doc_ids=unit.doc_ids or None)
        return
    if unit.kind == "jsonl":
        from frontwatch.ingest.jsonl import iter_jsonl

        path = unit.paths[0]
        with open(path, "rb") as fh:
            fh.seek(unit.start)
            # JSON Lines are UTF-8 by definition; a stray bad byte becomes U+FFFD, not a lost unit
            chunk = fh.read(unit.end - unit.start).decode("utf-8-sig", errors="replace")
        for item in iter_jsonl(chunk, path, "UTF-8"):
            if isinstance(item, InputProblem):  # "path:N" with N counted from the unit's first line
                where, _, line_no = item.source.rpartition(":")
                yield InputProblem(f"{where}:{int(line_no) + unit.first_line - 1}", item.reason)
            else:
                yield parse(item)
        return
    import pyarrow.parquet as pq

    from frontwatch.ingest.jsonl import _record  # the same validation as a JSONL line

    table = pq.ParquetFile(unit.paths[0]).read_row_group(unit.start)
    for n, rec in enumerate(table.to_pylist()):
        where = f"{unit.paths[0]}#rg{unit.start}+{n}"
        item = _record({k: v for k, v in rec.items() if v is not None}, where, unit.paths[0], None)
        yield item if isinstance(item, InputProblem) else parse(item)


def _coder() -> Any:
    global _CODER
    if _CODER is None:
        from frontwatch.registry import load

        _CODER = load("frontwatch.coders", "default")()
    return _CODER


def code_unit(unit: WorkUnit, store_target: str | None = None) -> UnitResult:
    """Code one work unit in this process (a Dask task, or the single-process path).

    Without ``store_target`` the events come back as JSON records. With one, the unit goes
    through ``frontwatch.ingest.run.ingest_documents`` into that store, exactly as
    ``frontwatch ingest`` would: duplicates by content hash skipped, one transaction per
    document, a document that fails reported and the others stored.
    """
    started = time.perf_counter()
    docs: list[Document] = []
    problems: list[str] = []
    for item in _documents(unit):
        if isinstance(item, InputProblem):
            problems.append(f"{item.source}: {item.reason}")
        else:
            docs.append(item)
    chars = sum(len(d.text) for d in docs)
    if store_target is None:
        events, failed = _code_records(docs)
        return UnitResult(tuple(events), tuple(problems + failed), len(docs), chars,
                          seconds=time.perf_counter() - started)
    from frontwatch.ingest.run import ingest_documents
    from frontwatch.store import open_store

    store = open_store(store_target)
    try:
        summary = ingest_documents(
            docs, store, coder_factory=_coder,
            on_result=lambda r: problems.append(f"{r.source}: {r.reason}") if r.status == "failed" else None)
    finally:
        store.close()
    stored = summary.counts["stored"] + summary.counts["new_version"]
    return UnitResult((), tuple(problems), len(docs), chars, stored=stored,
                      duplicates=summary.counts["duplicate"], seconds=time.perf_counter() - started)


def _code_records(docs: list[Document]) -> tuple[list[dict[str, Any]], list[str]]:
    """Event records of ``docs`` in order; a document that fails is reported, the others coded."""
    from frontwatch.ingest.run import code_batch

    events: list[dict[str, Any]] = []
    failed: list[str] = []
    for doc, recs in code_batch(_coder(), docs):
        if isinstance(recs, FrontwatchError):
            failed.append(f"{doc.source or doc.doc_id}: {recs}")
        else:
            events.extend(e.to_json(explain=True) for e in recs)
    return events, failed


def code_local(units: Iterable[WorkUnit], store_target: str | None = None) -> Iterator[UnitResult]:
    for unit in units:
        yield code_unit(unit, store_target)


def code_dask(
    units: Sequence[WorkUnit],
    *,
    scheduler: str | None = None,
    workers: int = 2,
    store_target: str | None = None,
) -> Iterator[UnitResult]:
    """Code the units on a Dask cluster; yields results in unit order.

    ``scheduler`` is the address of a running scheduler; without one a LocalCluster
    of ``workers`` single-threaded worker processes is started and closed here.
    """
    # distributed ships no type hints: its constructors are untyped calls
    from distributed import Client

    cluster = None
    ours: list[Any] = []
    if scheduler:
        try:
            client = Client(scheduler, timeout=SCHEDULER_TIMEOUT_S)  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError, ValueError) as exc:
            raise InputError(f"cannot reach the Dask scheduler at {scheduler} ({exc}); start one with "
                             "'dask scheduler' or leave --scheduler out to start local workers") from exc
    else:
        before = _children()
        cluster = local_cluster(workers)
        ours = [p for p in _children() if p.pid not in {b.pid for b in before}]
        client = Client(cluster)  # type: ignore[no-untyped-call]
    try:
        order = largest_first(units)
        futures = client.map(code_unit, [units[i] for i in order], store_target=store_target, pure=False)
        by_unit = dict(zip(order, futures, strict=True))
        for i in range(len(units)):
            yield by_unit.pop(i).result()
    finally:
        _shut_down(client, cluster, ours)


def largest_first(units: Sequence[WorkUnit]) -> list[int]:
    """Unit indexes, largest unit first (ties in input order): Dask starts tasks in the order
    they are given, so the smallest units are the last to start and fill the workers' tails."""
    return sorted(range(len(units)), key=lambda i: -units[i].size)


def _children() -> list[Any]:
    import psutil  # type: ignore[import-untyped]  # a dependency of distributed; no stubs installed

    return list(psutil.Process().children(recursive=True))


def _shut_down(client: Any, cluster: Any, ours: list[Any]) -> None:
    """Close the client and the local cluster; then end any worker process of ours still running.

    A cluster closed while a worker is still starting (Ctrl-C early in a run) can fail its own
    close; nothing we started may outlive the command, so the processes are ended by id.
    """
    import psutil

    with contextlib.suppress(Exception):  # the processes are ended below either way
        client.close()
    if cluster is not None:
        with contextlib.suppress(Exception):
            cluster.close(timeout=CLOSE_TIMEOUT_S)
    alive = [p for p in ours if p.is_running()]
    for p in alive:
        p.terminate()
    _, still = psutil.wait_procs(alive, timeout=CLOSE_TIMEOUT_S)
    for p in still:
        p.kill()


# What a local worker logs, with a traceback, when its scheduler (in the main process) has just
# closed under it: on Ctrl-C the heartbeat that is under way finds the connection gone. The run's
# end is told once, by the main process; these lines would only bury it.
TEARDOWN_NOISE = ("Failed to communicate with scheduler during heartbeat",)


class _TeardownNoise(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(TEARDOWN_NOISE)


def dask_setup(worker: object) -> None:
    """Dask's preload hook, run in each local worker process as it starts (QUIET_WORKERS)."""
    logging.getLogger("distributed.worker").addFilter(_TeardownNoise())


def local_cluster(workers: int) -> Any:
    """A LocalCluster of ``workers`` single-threaded worker processes, set up for coding.

    One thread per worker: GiNZA's parse holds the GIL, so processes give the parallelism.
    Dask's statistical profiler is off: it samples each worker thread every 10 ms, which on
    spaCy's deep call stacks cost about a tenth of a worker's CPU (bench/README.md), and it
    only feeds a dashboard we do not start; its other housekeeping is slowed (QUIET_WORKERS).
    """
    import dask
    from distributed import LocalCluster

    os.environ.setdefault("OMP_NUM_THREADS", "1")
    # Workers start with SIGINT ignored (a disposition a new process keeps): Ctrl-C in a terminal
    # reaches every process of the group, and the workers are this process's to stop, in order.
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main else None
    try:
        with dask.config.set(QUIET_WORKERS):
            return LocalCluster(n_workers=workers, threads_per_worker=1,  # type: ignore[no-untyped-call]
                                processes=True, dashboard_address=None)
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


def unit_bytes(paths: Sequence[str], workers: int) -> int:
    """A fixed unit size that gives every worker several units without tiny tasks."""
    total = sum(p.stat().st_size for p in _expand(paths))
    per = total // max(1, workers * MIN_UNITS_PER_WORKER)
    return max(MIN_UNIT_BYTES, min(TARGET_UNIT_BYTES, per))


def code_corpus(
    paths: Sequence[str],
    *,
    engine: str = "local",
    scheduler: str | None = None,
    workers: int = 2,
    store_target: str | None = None,
) -> Iterator[UnitResult]:
    """Code a corpus with the named engine ("local": this process; "dask": a cluster)."""
    if engine not in ("local", "dask"):
        raise InputError(f"unknown engine {engine!r}: use local or dask")
    if workers < 1:
        raise InputError(f"--workers {workers}: give 1 or more")
    if engine == "local":
        return code_local(plan_units(paths, target_bytes=unit_bytes(paths, 1)), store_target)
    units = plan_units(paths, workers=workers)
    return code_dask(units, scheduler=scheduler, workers=workers, store_target=store_target)


def write_parquet(records: Iterable[dict[str, Any]], path: str | Path, *, row_group_size: int = 64) -> None:
    """Write documents as a Parquet corpus (doc_id, text or html, url, published, language)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = list(records)
    cols = ["doc_id", "text", "html", "url", "published", "language"]
    table = pa.table({c: [r.get(c) for r in rows] for c in cols})
    buf = io.BytesIO()
    pq.write_table(table, buf, row_group_size=row_group_size)
    Path(path).write_bytes(buf.getvalue())
