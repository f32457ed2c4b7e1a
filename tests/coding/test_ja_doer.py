"""An attack told with no doer takes the party that claimed it nearby (``coding.ja.doer``), and
the lexicon row テロ. Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ja_docs import coded_events as _events
from ja_docs import codes as _codes

from frontwatch.coding.ja.doer import CLAIM_REACH, StoryDoers, _claimant
from frontwatch.records import Sentence
from frontwatch.resolve.actors import ActorDictionary

pytestmark = pytest.mark.ginza


def _attacks(ja_coder: Any, tmp_path: Path, text: str) -> list[Any]:
    return [e for e in _events(ja_coder, tmp_path, text) if e.event == "ASSAULT"]


def test_ja_doer_a_claim_in_the_next_sentence_names_the_attacks_doer(ja_coder: Any, tmp_path: Path) -> None:
    text = ("シリア北部の市場で3日、自爆テロがあり、市民20人が死亡した。"
            "過激派組織「イスラム国」が翌日、犯行声明を出した。")
    hits = _attacks(ja_coder, tmp_path, text)
    assert hits and _codes(hits[0].actor) == {"IMG"}


def test_ja_doer_a_finding_names_the_doer_of_a_passive_attack(ja_coder: Any, tmp_path: Path) -> None:
    text = ("スーダン西部の避難民キャンプが5日、無人機で攻撃され、12人が死亡した。"
            "国軍は即応支援部隊(RSF)の犯行と断定した。")
    hits = _attacks(ja_coder, tmp_path, text)
    assert hits and _codes(hits[0].actor) == {"SDN"}


def test_ja_doer_no_claim_leaves_the_attack_to_the_places_insurgent(ja_coder: Any, tmp_path: Path) -> None:
    text = ("シリア北部の市場で3日、自爆テロがあり、市民20人が死亡した。"
            "現場には多くの買い物客が集まっていたという。")
    hits = _attacks(ja_coder, tmp_path, text)  # no claim: ja.group-place, Syria's insurgents
    assert len(hits) == 1 and {(e.code, e.sector) for e in hits[0].actor} == {("SYR", "REB")}


def test_ja_doer_a_claim_too_far_away_is_not_taken(ja_coder: Any, tmp_path: Path) -> None:
    # farther than CLAIM_REACH only the story's sole claimant is taken (ja.sole-claimant);
    # here two parties claim, so neither is
    filler = "現場には多くの買い物客が集まっていたという。"
    text = ("シリア北部の市場で3日、自爆テロがあり、市民20人が死亡した。" + filler * (CLAIM_REACH + 1)
            + "過激派組織「イスラム国」が翌日、犯行声明を出した。"
            + "ハマスも別の事件について犯行声明を出した。")
    hits = [e for e in _attacks(ja_coder, tmp_path, text) if e.dead == 20]
    # no claimant is the doer: the place's insurgents are (ja.group-place)
    assert hits and {e.code for e in hits[0].actor} == {"SYR"}


def test_ja_doer_an_attack_inside_a_quote_does_not_take_the_claimant(ja_coder: Any, tmp_path: Path) -> None:
    text = ("首相は「今後もテロが起きるおそれがある」と述べた。"
            "過激派組織「イスラム国」は先月の爆発について犯行声明を出している。")
    assert not [e for e in _attacks(ja_coder, tmp_path, text) if "首相" in e.text]


def test_ja_doer_terror_words_that_name_no_act_make_no_record(ja_coder: Any, tmp_path: Path) -> None:
    text = "政府はテロ対策を強化し、テロ組織の資金源を断つ方針を示した。"
    assert not _attacks(ja_coder, tmp_path, text)


def test_ja_doer_the_claimant_is_the_subject_of_the_claim() -> None:
    actors = ActorDictionary.load()
    texts = ("ロシアの首都で爆発があった。",
             "ウクライナの報道によると、過激派組織「イスラム国」(IS)は4日、犯行声明を出した。")
    sents = [Sentence("d", t, 0, len(t), "ja", "body") for t in texts]
    found = StoryDoers.scan(sents, actors, 2025).claimant(0)
    assert found is not None and found[0].code == "IMG"
    assert _claimant(texts[0], actors, 2025) is None
    title = Sentence("d", texts[1], 0, len(texts[1]), "ja", "title")
    assert StoryDoers.scan([title], actors, 2025).claims == {}


def test_ja_named_in_brackets_a_name_with_a_gloss_is_the_subject(ja_coder: Any, tmp_path: Path) -> None:
    text = "スーダン西部で3日、準軍事組織「即応支援部隊」(RSF)が村を襲い、住民30人が死亡した。"
    hits = _attacks(ja_coder, tmp_path, text)
    assert hits and {(e.code, e.sector) for e in hits[0].actor} == {("SDN", "REB")}


def test_ja_named_in_brackets_a_relative_clause_subject_stays_out(ja_coder: Any, tmp_path: Path) -> None:
    text = "ミャンマー国軍は5日、少数民族武装勢力「アラカン軍(AA)」が支配する地域を空爆した。"
    hits = _attacks(ja_coder, tmp_path, text)
    assert hits and all(e.sector != "REB" for e in hits[0].actor)
