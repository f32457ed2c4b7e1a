"""``tracing()``: every candidate frame that makes no record is noted with its stage and rule.

The stages below are a small language of their own (each word of the sentence is a trigger),
run through the real ``code_sentence``; the CLI test runs the Japanese coder (GiNZA).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from frontwatch.cli import app
from frontwatch.coding.lexicon import LexiconEntry
from frontwatch.coding.stages import (
    Frame,
    Refused,
    Resolved,
    Segment,
    Trigger,
    Verdict,
    code_sentence,
    tracing,
)
from frontwatch.records import Sentence


@dataclass
class WordStages:
    """attack/shell are acts, 'said' a statement; 'drill' fails a constraint, 'rumour' resolves to
    nothing, 'hearsay' is refused with a reason."""

    language: str = "en"

    def segment(self, sentence: Sentence) -> Segment[None]:
        words = sentence.text.split()
        trig = tuple(Trigger(i, i + 1, LexiconEntry(w, w, "ASSAULT", origin="test"), w)
                     for i, w in enumerate(words))
        return Segment(sentence, (), (), (), trig, None)

    def frames(self, seg: Segment[None]) -> list[Frame[None]]:
        return [Frame(t, "ASSAULT", (), (), False, "word", None, notes=("no actor",)) for t in seg.triggers]

    def constraints(self) -> Sequence[object]:
        def not_drill(seg: Segment[None], f: Frame[None], frames: Sequence[Frame[None]]) -> Verdict:
            return Verdict("test:no-drill", f.trigger.text != "drill", "a drill is no attack")
        return [not_drill]

    def resolve(self, seg: Segment[None], f: Frame[None]) -> Resolved[None] | Refused | None:
        if f.trigger.text == "rumour":
            return None
        if f.trigger.text == "hearsay":
            return Refused("test:hearsay", "nobody saw it")
        return Resolved(f, f.event, (), (), False, f.rule, "asserted")

    def choose(self, seg: Segment[None], resolved: list[Resolved[None]]) -> list[Resolved[None]]:
        return [r for r in resolved if r.frame.trigger.text != "said"] or resolved


def _sentence(text: str) -> Sentence:
    return Sentence("d1", text, 0, len(text), "en", "body")


def test_stage_trace_names_the_stage_and_rule_of_each_dropped_frame() -> None:
    with tracing() as dropped:
        sent = _sentence("said attack drill rumour hearsay")
        _, events = code_sentence(WordStages(), sent)  # type: ignore[arg-type]
    assert [e.explanation.trigger for e in events if e.explanation] == ["attack"]
    got = {(d.trigger, d.stage, d.rule, d.why) for d in dropped}
    assert got == {
        ("drill", "constraint", "test:no-drill", "a drill is no attack"),
        ("rumour", "resolution", "word", "no actor"),
        ("hearsay", "resolution", "test:hearsay", "nobody saw it"),
        ("said", "choice", "word", "another frame of the sentence makes the record for this action"),
    }
    assert all(d.doc_id == "d1" and d.sentence == "said attack drill rumour hearsay" for d in dropped)


def test_stage_trace_is_off_outside_the_block_and_records_do_not_change() -> None:
    stages = WordStages()
    _, plain = code_sentence(stages, _sentence("attack drill"))  # type: ignore[arg-type]
    with tracing() as dropped:
        _, traced = code_sentence(stages, _sentence("attack drill"))  # type: ignore[arg-type]
    assert plain == traced and len(dropped) == 1
    with tracing() as again:
        pass
    assert again == []


@pytest.mark.ginza
def test_stage_trace_explain_dropped_lists_frames_after_the_records(tmp_path: Path) -> None:
    text = tmp_path / "t.txt"
    # our own sentence: the denial is a statement whose act is already the record
    text.write_text("ロシア国防省は、ウクライナ軍がクルスク州を攻撃したと主張したが、ウクライナ側はこれを否定した。\n",
                    encoding="utf-8")
    runner = CliRunner()
    plain = runner.invoke(app, ["explain", str(text), "--json"])
    res = runner.invoke(app, ["explain", str(text), "--json", "--dropped"])
    assert plain.exit_code == 0 and res.exit_code == 0, res.output
    lines = [json.loads(x) for x in res.stdout.splitlines() if x.strip()]
    records = [x for x in lines if "dropped" not in x]
    losers = [x["dropped"] for x in lines if "dropped" in x]
    assert len(records) == len([x for x in plain.stdout.splitlines() if x.strip()]) >= 1
    assert losers and all(d["stage"] in {"constraint", "resolution", "choice"} and d["rule"] for d in losers)
    assert all(d["sentence"] in text.read_text(encoding="utf-8") for d in losers)
    shown = runner.invoke(app, ["explain", str(text), "--dropped"])
    assert "made no record" in shown.output and "dropped at" in shown.output


@pytest.mark.ginza
def test_stage_trace_japanese_resolution_says_why_it_gave_up(tmp_path: Path) -> None:
    text = tmp_path / "why.txt"
    # our own sentences: a passive with no agent, and the writer's own guess
    text.write_text("昨夜、首都の空港が攻撃された。\nロシア軍が近く大規模な攻撃を行う可能性がある。\n",
                    encoding="utf-8")
    res = CliRunner().invoke(app, ["explain", str(text), "--json", "--dropped"])
    assert res.exit_code == 0, res.output
    losers = {x["dropped"]["sentence"]: x["dropped"] for x in map(json.loads, res.stdout.splitlines())
              if "dropped" in x}
    passive = losers["昨夜、首都の空港が攻撃された。"]
    guess = losers["ロシア軍が近く大規模な攻撃を行う可能性がある。"]
    assert (passive["stage"], passive["rule"]) == ("resolution", "ja.no-actor")
    assert "passive with no agent" in passive["why"]
    assert (guess["stage"], guess["rule"]) == ("resolution", "ja.writer-speculation")
    assert "guess" in guess["why"]


@pytest.mark.ginza
def test_stage_trace_explain_dropped_codes_a_stored_document_again(tmp_path: Path) -> None:
    text = tmp_path / "stored.txt"
    text.write_text("ロシア国防省は、ウクライナ軍がクルスク州を攻撃したと主張したが、ウクライナ側はこれを否定した。\n",
                    encoding="utf-8")
    db = str(tmp_path / "fw.db")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(text), "--db", db]).exit_code == 0
    res = runner.invoke(app, ["explain", "stored", "--db", db, "--dropped"])
    assert res.exit_code == 0, res.output
    assert "rule:" in res.output and "dropped at" in res.output
