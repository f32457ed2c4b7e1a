"""迎撃 (intercepting missiles or drones) is the defender's ASSAULT, as 撃墜 and English
"intercept" are; 迎撃ミサイル / 迎撃態勢 name equipment and posture, no act. Sentences written
for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ja_docs import coded_events as _events
from ja_docs import codes as _codes

pytestmark = pytest.mark.ginza


# Rule ja.interception-named (thirteenth build): a shoot-down of a named side's drones or missiles is
# that side's attack on the defender, as the defender tells it; the shoot-down itself is at most
# optional in gold (shared/eval/realworld/gold/README.md, point 4; 13 of the 14 own gold records).
def test_ja_interception_of_drones_is_the_senders_attack(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "ポーランド軍は、領空に入ったロシアの無人機を迎撃した。")
    hits = [e for e in evs if e.event == "ASSAULT" and _codes(e.actor) == {"RUS"}]
    assert hits and _codes(hits[0].recipient) == {"POL"} and _codes(hits[0].claimed_by) == {"POL"}
    assert not [e for e in evs if e.event == "ASSAULT" and _codes(e.actor) == {"POL"}]


def test_ja_interception_claimed_by_the_defender(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "ロシア軍は、ウクライナが発射した無人機25機を迎撃したと発表した。")
    hits = [e for e in evs if e.event == "ASSAULT" and _codes(e.actor) == {"UKR"}]
    assert hits and _codes(hits[0].recipient) == {"RUS"} and hits[0].factuality == "claimed"


@pytest.mark.parametrize("text", ["日本政府は迎撃ミサイルの配備を進めている。",
                                  "韓国軍は迎撃態勢を強化した。"])
def test_ja_interceptor_equipment_and_posture_are_no_assault(ja_coder: Any, tmp_path: Path,
                                                             text: str) -> None:
    assert not [e for e in _events(ja_coder, tmp_path, text) if e.event == "ASSAULT"]


def test_ja_interception_answers_the_launch_before_it(ja_coder: Any, tmp_path: Path) -> None:
    evs = _events(ja_coder, tmp_path, "イランが弾道ミサイルを発射し、イスラエル軍がその大半を迎撃した。")
    hits = [e for e in evs if e.event == "ASSAULT" and _codes(e.actor) == {"IRN"}]
    assert hits and _codes(hits[0].recipient) == {"ISR"}


def test_ja_interception_of_an_unnamed_attacker_is_no_record(ja_coder: Any, tmp_path: Path) -> None:
    # the attack it stops is the record (the interceptor's act beside it is optional in gold)
    evs = _events(ja_coder, tmp_path, "無人機が領空を侵犯し、ポーランド軍が一部を迎撃した。")
    assert not [e for e in evs if e.event == "ASSAULT" and _codes(e.actor) == {"POL"}]
