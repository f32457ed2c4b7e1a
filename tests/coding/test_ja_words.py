"""The Japanese function words read from data (syntax.ja.toml) and the named party rules."""

from __future__ import annotations

from dataclasses import fields

import pytest

from frontwatch.coding.ja.rules import rule_table
from frontwatch.coding.ja.words import JaWords, parse_words, words
from frontwatch.errors import DataError


def test_ja_words_load_particles_in_order_and_speech_kinds() -> None:
    w = words()
    assert w.particles.index("によると") < w.particles.index("に")  # longest first
    assert w.speech["非難"] == "accuse" and w.speech["警告"] == "warn" and w.speech["発表"] == "claim"
    assert "我々" in w.first_person and "が" in w.subject


def test_ja_words_reject_a_missing_list_with_its_name() -> None:
    data: dict[str, object] = {f.name: sorted(getattr(words(), f.name))
                               for f in fields(JaWords) if f.name != "speech"}
    data["speech"] = {"claim": ["発表"]}
    del data["titles"]
    with pytest.raises(DataError, match="titles"):
        parse_words(data)


def test_ja_rules_are_named_and_unique() -> None:
    names = [n for n, _ in rule_table()]
    assert len(names) == len(set(names)) and all(n.startswith("ja.") for n in names)
    assert names[:3] == ["ja.evaluation-accuse", "ja.by-speaker", "ja.speaker-statement"]
