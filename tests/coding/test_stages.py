"""The shared stages (coding.stages) on hand-built sentences: constraints, choice and records."""

from __future__ import annotations

from tests.coding.conftest import make_sentence

from frontwatch.coding.context import default_context
from frontwatch.coding.ja.stages import JapaneseStages
from frontwatch.coding.stages import Verdict, check, code_sentence

CTX = default_context(with_places=False)
# ロシア軍がウクライナを攻撃した
ATTACK = [("ロシア軍", "ロシア軍", "PROPN", "nsubj", 3), ("が", "が", "ADP", "case", 0),
          ("ウクライナ", "ウクライナ", "PROPN", "obj", 3), ("を", "を", "ADP", "case", 2),
          ("攻撃", "攻撃", "VERB", "ROOT", 3), ("し", "する", "AUX", "aux", 4), ("た", "た", "AUX", "aux", 4),
          ("。", "。", "PUNCT", "punct", 4)]


def _stages() -> JapaneseStages:
    return JapaneseStages(CTX, CTX.lexicon("ja"), 2024)


def test_stages_code_one_attack_with_its_rule_and_parties() -> None:
    seg, events = code_sentence(_stages(), make_sentence(ATTACK))
    assert [t.entry.event for t in seg.triggers] == ["ASSAULT"]
    assert [(e.event, [a.code for a in e.actor], [r.code for r in e.recipient]) for e in events] == [
        ("ASSAULT", ["RUS"], ["UKR"])]
    assert events[0].explanation is not None and events[0].explanation.trigger == "攻撃"


def test_stages_check_stops_at_the_first_failed_constraint_and_names_it() -> None:
    stages = _stages()
    seg = stages.segment(make_sentence(ATTACK))
    frames = stages.frames(seg)
    calls: list[str] = []

    def fails(_s: object, _f: object, _fs: object) -> Verdict:
        calls.append("fails")
        return Verdict("test.fails", False, "always")

    def later(_s: object, _f: object, _fs: object) -> Verdict:
        calls.append("later")
        return Verdict("test.later", True)

    checked = check(seg, frames[0], frames, [fails, later])
    assert not checked.ok
    assert [v.rule for v in checked.verdicts] == ["test.fails"]
    assert calls == ["fails"]
