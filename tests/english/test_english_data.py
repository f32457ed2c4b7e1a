"""The English data files load through the shared readers and say what they must."""

from __future__ import annotations

from pathlib import Path

from frontwatch.coding.en.rules import EnglishRules
from frontwatch.coding.lexicon import EVENT_TYPES, load_event_lexicon
from frontwatch.resolve.actors import ActorDictionary, read_actor_file

DATA = Path(__file__).resolve().parents[2] / "src" / "frontwatch" / "data"


def test_english_data_lexicon_loads_with_shared_reader() -> None:
    lex = load_event_lexicon("en")
    assert {e.event for e in lex.entries} == set(EVENT_TYPES)
    assert {c.factuality for c in lex.cues} == {"claimed", "denied", "possible", "future"}


def test_english_data_rules_load_and_match_phrases() -> None:
    rules = EnglishRules.load()
    assert rules.units["week"] == (21, 7.0) and rules.units["hour"][0] == 1
    patterns = {e.pattern for e in rules.entries}
    for word in ("attack", "shell", "strike", "shoot down", "invade", "seize", "occupy", "advance",
                 "deploy", "mobilize", "warn", "threaten", "accuse", "condemn", "criticize", "demand",
                 "call on", "urge", "agree", "sign", "meet", "visit", "talk", "sanction", "expel",
                 "suspend", "withdraw", "reject", "protest", "aid", "provide", "cooperate", "arrest"):
        assert word in patterns, word


def test_english_data_actor_file_rows_are_english() -> None:
    rows = read_actor_file(DATA / "actors" / "en.tsv")
    assert rows and all(r.lang == "en" for r in rows)
    assert all(r.source for r in rows)
    kinds = {r.kind for r in rows}
    assert {"country", "capital", "org", "igo", "person", "suffix", "group"} <= kinds


def test_english_data_actor_forms_resolve() -> None:
    d = ActorDictionary.load()
    expect = {"Armenian": "ARM", "Azerbaijani": "AZE", "Israeli": "ISR", "Washington": "USA",
              "Moscow": "RUS", "Kyiv": "UKR", "Beijing": "CHN", "Tehran": "IRN", "Pentagon": "USA",
              "Kremlin": "RUS", "White House": "USA", "State Department": "USA", "NATO": "IGO",
              "CSTO": "IGO", "EU": "EUR", "Nagorno-Karabakh": "AZE"}
    for text, code in expect.items():
        found = d.find(f"{text} said so.", "en")
        assert found and found[0].entity.code == code, text
    m = d.find("The Russian foreign minister spoke.", "en")[0]
    assert (m.entity.code, m.entity.sector) == ("RUS", "GOV")
    assert d.find("Karabakh Armenian forces", "en")[0].entity.sector in ("PRE", "MIL")


def _lexicon_copy(tmp_path: Path, syntax_edit: str) -> Path:
    """The packaged English lexicon folder copied, with ``syntax_edit`` put first in its syntax file
    (the file ends in the ``numbers`` table)."""
    import shutil

    from frontwatch.nlp.english import lexicon_dir

    folder = tmp_path / "lexicon"
    shutil.copytree(lexicon_dir(), folder)
    path = folder / "syntax.en.toml"
    path.write_text(syntax_edit + path.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def test_english_data_syntax_value_of_wrong_kind_is_a_data_error(tmp_path: Path) -> None:
    import pytest

    from frontwatch.errors import DataError

    with pytest.raises(DataError, match=r"syntax\.en\.toml: hostile_extra must be a list of strings"):
        EnglishRules.load(_lexicon_copy(tmp_path, '\nhostile_extra = "attack"\n'))
    with pytest.raises(DataError, match=r"syntax\.en\.toml: sounds_extra must be a list of strings"):
        EnglishRules.load(_lexicon_copy(tmp_path / "b", "\nsounds_extra = [1, 2]\n"))
    with pytest.raises(DataError, match=r"syntax\.en\.toml: numbers must be a table of integers"):
        EnglishRules.load(_numbers_broken(tmp_path / "e"))
    assert EnglishRules.load(_lexicon_copy(tmp_path / "c", 'unused_extra = ["a"]\n')).syntax.negators


def _numbers_broken(tmp_path: Path) -> Path:
    folder = _lexicon_copy(tmp_path, "")
    path = folder / "syntax.en.toml"
    path.write_text(path.read_text(encoding="utf-8") + 'zzz_broken = "7"\n', encoding="utf-8")
    return folder
