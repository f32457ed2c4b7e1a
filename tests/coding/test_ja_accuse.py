"""Parties of Japanese accusations and attacks (issue 12, kind 4): a partner joined with と or a
backer (Xの支援を受けて) is no target, a state written エリトリア is a party, and a speaker's
accusation of its own country's insurgents names them; 「…の責任はXにある」 blames X. Sentences
written for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ja_docs import coded_events as _events
from ja_docs import codes as _codes

pytestmark = pytest.mark.ginza


def test_ja_partner_of_the_actor_is_not_the_target(ja_coder: Any, tmp_path: Path) -> None:
    text = "エチオピア軍は隣国エリトリアの部隊と協調してティグライ州の町を攻撃した。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "ASSAULT"]
    assert hits and "ERI" not in _codes(hits[0].recipient)
    text = "ロシア軍はベラルーシ軍と共同でウクライナ北部の拠点を攻撃した。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "ASSAULT"]
    assert hits and "BLR" not in _codes(hits[0].recipient)


def test_ja_backer_of_the_actor_is_not_the_target(ja_coder: Any, tmp_path: Path) -> None:
    text = "エチオピア政府は隣国エリトリアの支援を受けてティグライ州の町を攻撃した。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "ASSAULT"]
    assert hits and "ERI" not in _codes(hits[0].recipient)
    # the backed party as the target: 支援を受けた部隊を攻撃 (the backer's side is hit)
    text = "ロシア軍はウクライナの支援を受けた部隊を攻撃した。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "ASSAULT"]
    assert hits and "UKR" in _codes(hits[0].recipient)


def test_ja_eritrea_accuses_its_neighbour(ja_coder: Any, tmp_path: Path) -> None:
    text = "エリトリア政府は、エチオピア軍が国境を越えて村を砲撃したと非難した。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "ACCUSE"]
    assert hits and _codes(hits[0].actor) == {"ERI"} and _codes(hits[0].recipient) == {"ETH"}


def test_ja_accused_insurgents_of_the_speakers_own_country(ja_coder: Any, tmp_path: Path) -> None:
    text = "スーダン軍は声明で、即応支援部隊(RSF)が避難民キャンプを砲撃したと非難した。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "ACCUSE"]
    assert hits and [(e.code, e.sector) for e in hits[0].recipient] == [("SDN", "REB")]


def test_ja_responsibility_laid_on_a_party_is_an_accusation(ja_coder: Any, tmp_path: Path) -> None:
    text = "中国外務省は、衝突の責任は完全にフィリピン側にあると主張した。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "ACCUSE"]
    assert hits and _codes(hits[0].actor) == {"CHN"} and _codes(hits[0].recipient) == {"PHL"}
    text = "イラン外務省は、米国がこの事態の全責任を負うべきだと強調した。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "ACCUSE"]
    assert hits and _codes(hits[0].actor) == {"IRN"} and _codes(hits[0].recipient) == {"USA"}


def test_ja_responsibility_no_one_lays_is_no_accusation(ja_coder: Any, tmp_path: Path) -> None:
    text = "今回の爆破事件の責任を負う組織はまだ明らかになっていない。"
    assert not [e for e in _events(ja_coder, tmp_path, text) if e.event == "ACCUSE"]


def test_ja_a_party_naming_a_thing_is_not_the_accused(ja_coder: Any, tmp_path: Path) -> None:
    text = "ゼレンスキー大統領は「G7サミットの前日に、ロシアのミサイルが各地に撃ち込まれた」と非難した。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "ACCUSE"]
    assert hits and _codes(hits[0].recipient) == {"RUS"}
    text = "韓国軍は「弾道ミサイルの発射は国連安保理決議の違反だ」と非難した。"
    hits = [e for e in _events(ja_coder, tmp_path, text) if e.event == "ACCUSE"]
    assert hits and "UNO" not in _codes(hits[0].recipient)


def test_ja_accusation_of_the_act_just_told_names_its_doer(ja_coder: Any, tmp_path: Path) -> None:
    body = ("ロシア軍の戦闘機3機が19日、エストニアの領空に侵入した。",
            "これを受けて、NATOの戦闘機が緊急発進した。",
            "エストニア外務省は、この事件を「極めて危険な挑発行為」と非難した。")
    hits = [e for e in _events(ja_coder, tmp_path, *body) if e.event == "ACCUSE"]
    assert hits and _codes(hits[-1].actor) == {"EST"} and _codes(hits[-1].recipient) == {"RUS"}
