"""Gates on coding accuracy: the PLOVER GSR dev half and the English gold articles.

Floors sit a little under what the coder reaches (GSR dev F1 0.77, tests/gold/en F1 0.84
without places); raise them when the coder improves, never lower them.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from frontwatch.coding.context import CodingContext
from frontwatch.nlp.english import EnglishPipeline

from .gsr import code_file

GSR_F1_FLOOR = 0.75
GOLD_EN_F1_FLOOR = 0.80
GOLD_EN = Path(__file__).resolve().parents[1] / "gold" / "en"


def _scorer(shared_dir: Path):  # type: ignore[no-untyped-def]
    path = shared_dir / "eval" / "score.py"
    if not path.is_file():
        pytest.skip("shared/eval/score.py is not present")
    spec = importlib.util.spec_from_file_location("fw_score", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["fw_score"] = mod
    spec.loader.exec_module(mod)
    return mod


def _write(events: list, path: Path) -> None:  # type: ignore[type-arg]
    with path.open("w", encoding="utf-8") as fh:
        for ev in events:
            fh.write(json.dumps(ev.to_json(), ensure_ascii=False, default=str) + "\n")


def test_english_gsr_dev_f1_floor(shared_dir: Path, en_pipeline: EnglishPipeline,
                                  en_context: CodingContext, tmp_path: Path) -> None:
    gsr = shared_dir / "eval" / "plover-gsr"
    if not (gsr / "dev-docs.jsonl").is_file():
        pytest.skip("the PLOVER GSR dev half is not present")
    score = _scorer(shared_dir)
    out = tmp_path / "events.jsonl"
    _write(code_file(gsr / "dev-docs.jsonl", en_context, en_pipeline), out)
    result = score.score(score.load_gold(gsr / "dev-gold.jsonl"), score.load_system(out))
    assert result["f1"] >= GSR_F1_FLOOR, result


def test_english_gold_articles_f1_floor(shared_dir: Path, en_context: CodingContext,
                                        tmp_path: Path) -> None:
    from frontwatch.coding import en as english
    from frontwatch.coding.coder import DefaultCoder
    from frontwatch.ingest import load_documents
    from frontwatch.nlp.english import EnglishPipeline as Pipe
    from frontwatch.records import Document

    if not GOLD_EN.is_dir():
        pytest.skip("tests/gold/en is not present")
    score = _scorer(shared_dir)
    # our own articles test the rules: the learned filter is trained on real pages (test_record_filter.py)
    coder = DefaultCoder(context=en_context, pipelines={"en": Pipe()},
                         coders={"en": english.code_sentences}, record_filter=False)
    docs = [d for d in load_documents([str(p) for p in sorted(GOLD_EN.glob("*.txt"))])
            if isinstance(d, Document)]
    events = [ev for _, evs in coder.code_many(docs) for ev in evs]
    out = tmp_path / "events.jsonl"
    _write(events, out)
    result = score.score(score.load_gold(GOLD_EN), score.load_system(out))
    assert result["f1"] >= GOLD_EN_F1_FLOOR, result
