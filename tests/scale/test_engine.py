"""The Dask engine: units cut at the right places, records identical to one process."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from frontwatch.engine import code_dask, code_local, plan_units, write_parquet


def _jsonl(path: Path, n: int) -> list[dict[str, str]]:
    rows = [
        {"doc_id": f"w{i:03d}", "language": "en", "published": "2024-03-0" + str(1 + i % 9),
         "text": f"Item {i}\n\nRussian forces shelled Kharkiv on Monday, officials said. "
                 f"Ukraine accused Russia of attacking civilians in Sumy."}
        for i in range(n)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return rows


def test_engine_jsonl_units_cut_at_line_boundaries(tmp_path: Path) -> None:
    src = tmp_path / "wire.jsonl"
    rows = _jsonl(src, 40)
    units = plan_units([str(src)], target_bytes=1000)
    assert len(units) > 3
    assert units[0].start == 0 and units[-1].end == src.stat().st_size
    data = src.read_bytes()
    seen = []
    for prev, unit in zip([None, *units], units, strict=False):
        if prev is not None:
            assert unit.start == prev.end
        chunk = data[unit.start:unit.end].decode()
        assert chunk.endswith("\n")
        seen.extend(json.loads(line)["doc_id"] for line in chunk.splitlines())
    assert seen == [r["doc_id"] for r in rows]


def test_engine_files_grouped_in_order(tmp_path: Path) -> None:
    for i in range(6):
        (tmp_path / f"d{i}.txt").write_text("x" * 400, encoding="utf-8")
    units = plan_units([str(tmp_path)], target_bytes=1000)
    assert [len(u.paths) for u in units] == [2, 2, 2]
    assert [Path(p).name for u in units for p in u.paths] == [f"d{i}.txt" for i in range(6)]


def test_engine_files_get_the_ids_a_local_run_gives(tmp_path: Path) -> None:
    from frontwatch.ingest import load_documents
    from frontwatch.records import Document

    for folder in ("a", "b"):
        (tmp_path / "in" / folder).mkdir(parents=True)
        page = "北部で衝突\n\n両軍が北部で衝突した。\n"
        (tmp_path / "in" / folder / "north.txt").write_text(page, encoding="utf-8")
    units = plan_units([str(tmp_path / "in")], target_bytes=10)  # one file a unit
    assert [u.doc_ids for u in units] == [("a/north",), ("b/north",)]
    local = [d.doc_id for d in load_documents([str(tmp_path / "in")]) if isinstance(d, Document)]
    planned = [d.doc_id for u in units for d in load_documents(list(u.paths), doc_ids=u.doc_ids)
               if isinstance(d, Document)]
    assert planned == local == ["a/north", "b/north"]


def test_engine_parquet_row_groups(tmp_path: Path) -> None:
    rows = _jsonl(tmp_path / "x.jsonl", 10)
    write_parquet(rows, tmp_path / "c.parquet", row_group_size=4)
    units = plan_units([str(tmp_path / "c.parquet")])
    assert [(u.kind, u.start) for u in units] == [("parquet", 0), ("parquet", 1), ("parquet", 2)]


@pytest.mark.ginza
@pytest.mark.slow
def test_engine_dask_two_workers_identical_to_one_process(tmp_path: Path) -> None:
    from frontwatch.demo import corpus_paths

    _jsonl(tmp_path / "wire.jsonl", 12)
    write_parquet(_jsonl(tmp_path / "p.jsonl", 6), tmp_path / "p.parquet", row_group_size=3)
    (tmp_path / "p.jsonl").unlink()
    inputs = [str(p) for p in corpus_paths()] + [str(tmp_path)]
    units = plan_units(inputs, workers=2)  # guided: unequal units, started largest first
    assert len({u.size for u in units}) > 3
    local = [r for r in code_local(units)]
    dask = [r for r in code_dask(units, workers=2)]
    events_local = [e for r in local for e in r.events]
    events_dask = [e for r in dask for e in r.events]
    assert events_local, "the corpus should yield events"
    assert events_dask == events_local
    assert sum(r.documents for r in dask) == sum(r.documents for r in local)


def _stored_records(target: str) -> tuple[list[str], list[dict[str, object]]]:
    from frontwatch.store import EventQuery, open_store

    store = open_store(target)
    try:
        docs = sorted(d.doc_id for d in store.documents(limit=10_000))
        records = (e.to_json() for e in store.events(EventQuery(limit=100_000)))
        events = sorted(records, key=lambda r: str(r["id"]))
        return docs, events
    finally:
        store.close()


@pytest.mark.ginza
@pytest.mark.slow
@pytest.mark.postgres
def test_engine_dask_workers_ingest_into_postgres(tmp_path: Path, pg_server: object) -> None:
    """Two workers write one PostgreSQL store: the same documents and events as one process,
    and a second run stores nothing twice."""
    import psycopg

    from frontwatch.demo import corpus_paths

    base = pg_server.url("postgres")  # type: ignore[attr-defined]
    targets = []
    for name in ("scale_dask", "scale_local"):
        with psycopg.connect(base, autocommit=True) as con:
            con.execute(f'DROP DATABASE IF EXISTS "{name}"')
            con.execute(f'CREATE DATABASE "{name}"')
        targets.append(pg_server.url(name))  # type: ignore[attr-defined]
    dask_db, local_db = targets
    _jsonl(tmp_path / "wire.jsonl", 12)
    units = plan_units([str(p) for p in corpus_paths()] + [str(tmp_path)], target_bytes=8000)
    assert len(units) >= 4

    dask = list(code_dask(units, workers=2, store_target=dask_db))
    local = list(code_local(units, store_target=local_db))
    assert sum(r.stored for r in dask) == sum(r.stored for r in local) > 0
    assert [r.problems for r in dask] == [r.problems for r in local]
    docs, events = _stored_records(dask_db)
    assert (docs, events) == _stored_records(local_db)
    assert events, "the corpus should yield events"

    again = list(code_dask(units, workers=2, store_target=dask_db))
    assert sum(r.stored for r in again) == 0
    assert sum(r.duplicates for r in again) == sum(r.stored for r in dask)
    assert _stored_records(dask_db) == (docs, events)


def test_engine_unreachable_scheduler_is_one_clear_error() -> None:
    from frontwatch.errors import InputError

    with pytest.raises(InputError, match="cannot reach the Dask scheduler"):
        list(code_dask([], scheduler="tcp://127.0.0.1:1"))


def test_engine_code_corpus_checks_its_options(tmp_path: Path) -> None:
    from frontwatch.engine import code_corpus, unit_bytes
    from frontwatch.errors import InputError

    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="unknown engine"):
        code_corpus([str(tmp_path)], engine="spark")
    with pytest.raises(InputError, match="--workers 0"):
        code_corpus([str(tmp_path)], engine="dask", workers=0)
    with pytest.raises(InputError, match="no such file"):
        code_corpus([str(tmp_path / "missing")])
    # one process: a big corpus is cut into several units; a small one is not shredded
    big = tmp_path / "big.jsonl"
    _jsonl(big, 4000)
    size = big.stat().st_size
    assert len(plan_units([str(big)], target_bytes=unit_bytes([str(big)], 1))) >= 8
    assert unit_bytes([str(tmp_path / "a.txt")], 1) == 20_000 < size


def test_engine_guided_units_shrink_to_a_small_tail(tmp_path: Path) -> None:
    """For Dask the units shrink as the corpus is used up: the first gives each worker a large
    share, the last ones are small, so no worker waits long for another (issue 15)."""
    from frontwatch.engine import GUIDED_MIN_BYTES, GUIDED_SHARE

    big = tmp_path / "big.jsonl"
    _jsonl(big, 4000)
    total = big.stat().st_size
    line = max(len(x) for x in big.read_bytes().splitlines(keepends=True))
    units = plan_units([str(big)], workers=2)
    sizes = [u.size for u in units]
    assert sum(sizes) == total and units[-1].end == total
    assert all(u.start == prev.end for prev, u in itertools.pairwise(units))
    assert total // (GUIDED_SHARE * 2) <= sizes[0] <= total // (GUIDED_SHARE * 2) + line
    assert all(a >= b - line for a, b in itertools.pairwise(sizes))  # never growing
    assert max(sizes[-4:]) <= GUIDED_MIN_BYTES + line  # the tail: a few small units
    assert len(units) >= 8
    # files are grouped on the same schedule, in input order
    folder = tmp_path / "files"
    folder.mkdir()
    for i in range(60):
        (folder / f"d{i:02d}.txt").write_text("x" * 1000, encoding="utf-8")
    groups = plan_units([str(folder)], workers=2)
    counts = [len(u.paths) for u in groups]
    assert counts[0] >= 10 and counts[-1] <= 5 and sum(counts) == 60
    assert [Path(p).name for u in groups for p in u.paths] == [f"d{i:02d}.txt" for i in range(60)]


def test_engine_jsonl_problems_name_the_file_line(tmp_path: Path) -> None:
    from frontwatch.engine import _documents

    src = tmp_path / "wire.jsonl"
    rows = [json.dumps({"doc_id": f"d{i}", "text": "x" * 200}) for i in range(30)]
    rows[17] = "{not json"
    src.write_text("\n".join(rows) + "\n", encoding="utf-8")
    units = plan_units([str(src)], target_bytes=500)
    assert len(units) > 3 and units[0].first_line == 1 and units[1].first_line > 1
    problems = [item for u in units for item in _documents(u) if not hasattr(item, "doc_id")]
    assert [p.source for p in problems] == [f"{src}:18"]  # type: ignore[union-attr]
