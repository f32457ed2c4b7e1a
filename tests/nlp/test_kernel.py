"""GiNZA on thinc's BLIS or on numpy's BLAS: the same parse, byte-identical records (issue 15)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontwatch.nlp import kernel

GOLD = Path(__file__).resolve().parents[1] / "gold" / "ja"


def test_kernel_env_forces_the_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kernel, "_chosen", {})
    monkeypatch.setenv(kernel.ENV, "numpy")
    assert kernel.choose() == "numpy"
    monkeypatch.setattr(kernel, "_chosen", {})
    monkeypatch.setenv(kernel.ENV, "blis")
    assert kernel.choose() == "blis"


def test_kernel_measurement_picks_the_faster(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kernel, "_chosen", {})
    monkeypatch.delenv(kernel.ENV, raising=False)
    times = kernel.measure()
    assert set(times) == {"blis", "numpy"} and all(t > 0 for t in times.values())
    assert kernel.choose() in kernel.KERNELS


@pytest.mark.ginza
def test_kernel_records_identical_on_blis_and_numpy() -> None:
    pytest.importorskip("ja_ginza")
    from frontwatch.coding.coder import build_coder
    from frontwatch.ingest import load_documents
    from frontwatch.nlp.japanese import load_model
    from frontwatch.records import Document

    docs = [d for d in load_documents([str(p) for p in sorted(GOLD.glob("*.txt"))[:6]])
            if isinstance(d, Document)]
    assert len(docs) == 6
    coder = build_coder()
    nlp = load_model()
    runs = {}
    for name in ("blis", "numpy", "blis"):
        assert kernel.use_kernel(nlp, name) == name
        ops = {type(node.ops).__name__ + str(getattr(node.ops, "use_blis", "")) for _, c in nlp.pipeline
               if hasattr(getattr(c, "model", None), "walk") for node in c.model.walk()}
        assert ops == {f"NumpyOps{name == 'blis'}"}
        records = [json.dumps(e.to_json(explain=True), ensure_ascii=False, sort_keys=True)
                   for _, evs in coder.code_many(docs) for e in evs]
        runs.setdefault(name, records)
        assert records == runs[name]
    assert runs["blis"] == runs["numpy"] and len(runs["numpy"]) > 5
    kernel.use_kernel(nlp)


def test_freeze_loaded_moves_live_objects_out_of_collections(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    monkeypatch.setenv(kernel.FREEZE_ENV, "0")
    assert kernel.freeze_loaded() is False
    monkeypatch.delenv(kernel.FREEZE_ENV)
    before = gc.get_freeze_count()
    kept = [{"loaded": n} for n in range(1000)]  # stands for a model's objects
    try:
        assert kernel.freeze_loaded() is True
        assert gc.get_freeze_count() >= before + len(kept)
    finally:
        gc.unfreeze()
