"""The topic a Japanese story carries into sentences that name no subject (``coding.ja.topic``).
Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ja_docs import coded_events as _events
from ja_docs import codes as _codes

pytestmark = pytest.mark.ginza


def test_ja_topic_a_warning_with_no_subject_is_the_topics(ja_coder: Any, tmp_path: Path) -> None:
    text = ("中国国防省は24日、南シナ海の問題について談話を発表した。"
            "フィリピンが再び挑発すれば、「断固とした措置を取る」と警告した。")
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "THREATEN"]
    assert hits and _codes(hits[0].actor) == {"CHN"}


def test_ja_topic_a_thing_as_topic_ends_the_partys_reach(ja_coder: Any, tmp_path: Path) -> None:
    text = ("中国国防省は24日、南シナ海の問題について談話を発表した。"
            "談話は十数行の短いものだった。"
            "フィリピンが再び挑発すれば、「断固とした措置を取る」と警告した。")
    assert not [e for e in _events(ja_coder, tmp_path, text) if e.event == "THREATEN"]


def test_ja_topic_reaches_no_more_than_its_limit(ja_coder: Any, tmp_path: Path) -> None:
    filler = "南シナ海では漁船の操業が続いている。"
    text = ("中国国防省は24日、南シナ海の問題について談話を発表した。" + filler * 6
            + "フィリピンが再び挑発すれば、「断固とした措置を取る」と警告した。")
    assert not [e for e in _events(ja_coder, tmp_path, text) if e.event == "THREATEN"]


def test_ja_topic_a_subject_without_its_particle_keeps_the_topic_out(ja_coder: Any, tmp_path: Path) -> None:
    text = ("中国外務省は16日、国境での衝突について声明を出した。"
            "インドの外務省報道官これに反論し、「中国側が現状を変えようとした」と非難した。")
    evs = [e for e in _events(ja_coder, tmp_path, text) if "反論" in e.text]
    assert all(_codes(e.actor) != {"CHN"} for e in evs)
