"""Event lexicon and weapons: data files load, bad rows fail with a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwatch.coding.lexicon import EVENT_TYPES, load_event_lexicon, read_event_entries
from frontwatch.errors import DataError
from frontwatch.resolve.weapons import WeaponLexicon


def test_lexicon_ja_entries_name_plover_types() -> None:
    lex = load_event_lexicon("ja")
    assert {e.event for e in lex.entries} <= EVENT_TYPES
    assert "砲撃" in lex.by_lemma() and lex.cues


def test_lexicon_bad_event_type_is_a_data_error(tmp_path: Path) -> None:
    f = tmp_path / "events.xx.toml"
    f.write_text('[[entry]]\npattern = "x"\nevent = "BOMBARD"\n', encoding="utf-8")
    with pytest.raises(DataError, match="not a PLOVER event type"):
        read_event_entries(f)


def test_lexicon_bad_regex_is_a_data_error(tmp_path: Path) -> None:
    f = tmp_path / "events.xx.toml"
    f.write_text('[[entry]]\npattern = "(x"\nmatch = "regex"\nevent = "ASSAULT"\n', encoding="utf-8")
    with pytest.raises(DataError, match="regular expression"):
        read_event_entries(f)


def test_weapons_canonical_names() -> None:
    w = WeaponLexicon.load()
    found = [m.entry.canonical for m in w.find("多連装ロケットシステム、大砲、UAVとTB2と9K38イグラ", "ja")]
    assert found == ["MLRS", "artillery", "UAV", "Bayraktar TB2", "9K38 Igla"]


def test_lexicon_indexes_are_built_once_and_split_rows_by_match() -> None:
    from frontwatch.coding.lexicon import load_event_lexicon

    lex = load_event_lexicon("ja")
    assert lex.by_lemma() is lex.by_lemma() and lex.surface_entries() is lex.surface_entries()
    lemma_rows = [e for rows in lex.by_lemma().values() for e in rows]
    assert sorted(map(id, lemma_rows + lex.surface_entries())) == sorted(map(id, lex.entries))
    assert all(e.match == "lemma" and e in lex.by_lemma()[e.pattern] for e in lemma_rows)
    assert all(e.match != "lemma" for e in lex.surface_entries())
