"""The Japanese coder end to end with GiNZA: own articles, the corpus gold and the seeds.

Floors are the figures reached when they were set, minus a small margin; raise them
when the coder improves, never lower them to make a change pass.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

from frontwatch.ingest import load_documents
from frontwatch.records import Document, Event

pytestmark = pytest.mark.ginza

HERE = Path(__file__).parent
ARTICLES = HERE / "articles"
CORPUS_GOLD = HERE.parent / "gold" / "ja"
HELDOUT = HERE / "heldout"
ARTICLES_F1_FLOOR = 0.95  # 1.00 when set
HELDOUT_F1_FLOOR = 0.90  # 0.57 and 0.86 at first sight, 0.96 after the fixes they showed
CORPUS_F1_FLOOR = 0.84  # 0.89 when set
# 0.98 when set; 0.905 once the rows that served single seed sentences went (issue 12:
# 措置を講じる(?!こと), 地雷を設置, the embassy-city rule); 0.857 with the record filter retrained
# on 760 more pages in the twelfth build, which is ahead on nine of ten held-apart sets of real
# news and drops one seed warning (docs/learned.md). The project floor for the seeds is 0.80.
SEEDS_F1_FLOOR = 0.85
SEEDS_FIELD_FLOOR = 0.90  # date and factuality accuracy on the pairs


def _scorer(shared: Path) -> Any:
    spec = importlib.util.spec_from_file_location("fw_score", shared / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _code(coder: Any, paths: list[Path]) -> list[tuple[Document, list[Event]]]:
    docs = [d for d in load_documents([str(p) for p in paths]) if isinstance(d, Document)]
    return list(coder.code_many(docs))


def _score(shared: Path, gold: Path, coded: list[tuple[Document, list[Event]]]) -> dict[str, Any]:
    mod = _scorer(shared)
    system: dict[str, list[dict[str, Any]]] = {}
    for doc, evs in coded:
        system[doc.doc_id] = [json.loads(json.dumps(e.to_json(), default=str)) for e in evs]
    return mod.score(mod.load_gold(gold), system)  # type: ignore[no-any-return]


def test_japanese_own_articles_meet_the_floor(ja_coder: Any, shared_dir: Path) -> None:
    coded = _code(ja_coder, sorted(ARTICLES.glob("*.txt")))
    result = _score(shared_dir, ARTICLES, coded)
    assert result["f1"] >= ARTICLES_F1_FLOOR, result


def test_japanese_heldout_articles_meet_the_floor(ja_coder: Any, shared_dir: Path) -> None:
    coded = _code(ja_coder, sorted(HELDOUT.glob("*.txt")))
    assert _score(shared_dir, HELDOUT, coded)["f1"] >= HELDOUT_F1_FLOOR


def test_japanese_comments_and_background_are_not_coded(ja_coder: Any) -> None:
    ((doc, events),) = _code(ja_coder, [ARTICLES / "jx03_no_events.txt"])
    assert doc.comments and events == []


def test_japanese_records_explain_themselves(ja_coder: Any) -> None:
    ((_, events),) = _code(ja_coder, [ARTICLES / "jx01_border_shelling.txt"])
    assert events
    for e in events:
        assert e.explanation is not None and e.explanation.rule and e.explanation.trigger
        assert any(ref.startswith("events.ja.toml:") for ref in e.explanation.lexicon)
        assert any(n.startswith("date:") for n in e.explanation.notes)
    ids = [e.id for e in events]
    assert ids == [f"jx01_border_shelling#{n}" for n in range(1, len(ids) + 1)]


def test_japanese_forecast_has_horizon(ja_coder: Any) -> None:
    ((_, events),) = _code(ja_coder, [ARTICLES / "jx02_warning_talks.txt"])
    warned = [e for e in events if e.factuality == "possible" and e.event == "ASSAULT"]
    assert warned and warned[0].horizon == "数日以内" and warned[0].horizon_days == 7
    assert warned[0].date is None and [c.code for c in warned[0].claimed_by] == ["USA"]


@pytest.mark.slow
def test_japanese_corpus_gold_meets_the_floor(ja_coder: Any, shared_dir: Path) -> None:
    if not CORPUS_GOLD.is_dir():
        pytest.skip("tests/gold/ja is not present")
    coded = _code(ja_coder, sorted(CORPUS_GOLD.glob("*.txt")))
    assert _score(shared_dir, CORPUS_GOLD, coded)["f1"] >= CORPUS_F1_FLOOR


@pytest.mark.seeds
@pytest.mark.slow
def test_japanese_seeds_meet_the_floor(product_coder: Any, shared_dir: Path, seeds_dir: Path) -> None:
    coded = _code(product_coder, sorted(seeds_dir.glob("*.txt")))
    result = _score(shared_dir, shared_dir / "eval" / "seeds", coded)
    assert result["f1"] >= SEEDS_F1_FLOOR, result
    for field in ("date", "factuality"):
        assert result["fields"][field]["accuracy"] >= SEEDS_FIELD_FLOOR, result


def test_japanese_denial_repeats_the_claim_as_denied(ja_coder: Any) -> None:
    ((_, events),) = _code(ja_coder, [HELDOUT / "hx04_crimea_usv.txt"])
    claimed = [e for e in events if e.factuality == "claimed" and e.event == "ASSAULT"]
    denied = [e for e in events if e.factuality == "denied"]
    assert claimed and denied
    assert [c.code for c in denied[0].claimed_by] == ["RUS"]
    assert {a.code for a in denied[0].actor} == {"UKR"}
