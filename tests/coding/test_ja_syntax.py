"""Quotes, reports and roles on hand-built sentences (no GiNZA)."""

from __future__ import annotations

from tests.coding.conftest import make_sentence

from frontwatch.coding.context import default_context
from frontwatch.coding.ja.coder import find_triggers
from frontwatch.coding.ja.roles import find_roles
from frontwatch.coding.ja.scope import scope_of
from frontwatch.coding.ja.syntax import analyse, quote_depths

CTX = default_context(with_places=False)

# アルメニア側は「アゼルバイジャン軍が攻撃した」と主張した。
CLAIM = [
    ("アルメニア", "アルメニア", "PROPN", "compound", 1), ("側", "側", "NOUN", "nsubj", 12),
    ("は", "は", "ADP", "case", 1), ("「", "「", "PUNCT", "punct", 7),
    ("アゼルバイジャン", "アゼルバイジャン", "PROPN", "compound", 5), ("軍", "軍", "NOUN", "nsubj", 7),
    ("が", "が", "ADP", "case", 5), ("攻撃", "攻撃", "VERB", "ccomp", 12), ("し", "する", "AUX", "aux", 7),
    ("た", "た", "AUX", "aux", 7), ("」", "」", "PUNCT", "punct", 7), ("と", "と", "ADP", "case", 7),
    ("主張", "主張", "VERB", "ROOT", 12), ("し", "する", "AUX", "aux", 12), ("た", "た", "AUX", "aux", 12),
    ("。", "。", "PUNCT", "punct", 12),
]


def _analysis(words: list[tuple[str, str, str, str, int]]):  # type: ignore[no-untyped-def]
    sent = make_sentence(words)
    trigs = find_triggers(sent, CTX.lexicon("ja"))
    return sent, trigs, analyse(sent, CTX.actors, frozenset(t.i for t in trigs), 2022)


def test_ja_syntax_quote_depths_nest() -> None:
    sent = make_sentence([("「", "「", "PUNCT", "punct", 0), ("a", "a", "X", "dep", 0),
                          ("『", "『", "PUNCT", "punct", 0), ("b", "b", "X", "dep", 0),
                          ("』", "』", "PUNCT", "punct", 0), ("」", "」", "PUNCT", "punct", 0)])
    depth, pairs = quote_depths(sent.tokens)
    assert depth == [1, 1, 2, 2, 2, 1]
    assert sorted(pairs) == [(0, 5), (2, 4)]


def test_ja_syntax_report_speaker_is_outside_the_quote() -> None:
    _, _, an = _analysis(CLAIM)
    assert len(an.reports) == 1
    rep = an.reports[0]
    assert rep.quoted and rep.kind == "claim"
    assert rep.speaker is not None and rep.speaker.mention.entity.code == "ARM"
    assert an.report_of(7) is rep


def test_ja_roles_actor_inside_quote_and_claimant_outside() -> None:
    _, trigs, an = _analysis(CLAIM)
    attack = next(t for t in trigs if t.text == "攻撃")
    sc = scope_of(an, attack.i)
    roles = find_roles(an, attack.i, attack.end, attack.entry, sc)
    assert [e.code for e in roles.actor] == ["AZE"]
    assert roles.actor[0].sector == "MIL"
    assert sc.speaker is not None and sc.speaker.mention.entity.code == "ARM"


def test_ja_roles_agent_and_recipient_particles() -> None:
    # ロシア軍によるウクライナへの攻撃が続いた。
    words = [("ロシア", "ロシア", "PROPN", "compound", 1), ("軍", "軍", "NOUN", "nmod", 7),
             ("に", "に", "ADP", "case", 1), ("よる", "よる", "VERB", "fixed", 2),
             ("ウクライナ", "ウクライナ", "PROPN", "nmod", 7), ("へ", "へ", "ADP", "case", 4),
             ("の", "の", "ADP", "case", 4), ("攻撃", "攻撃", "NOUN", "nsubj", 9),
             ("が", "が", "ADP", "case", 7), ("続い", "続く", "VERB", "ROOT", 9),
             ("た", "た", "AUX", "aux", 9), ("。", "。", "PUNCT", "punct", 9)]
    _, trigs, an = _analysis(words)
    attack = trigs[0]
    roles = find_roles(an, attack.i, attack.end, attack.entry, scope_of(an, attack.i))
    assert roles.rule == "agent"
    assert [e.code for e in roles.actor] == ["RUS"]
    assert [e.code for e in roles.recipient] == ["UKR"]


def test_ja_syntax_passive_report_has_no_speaker() -> None:
    # 両国は「合意した」と報じられている。
    words = [("両国", "両国", "NOUN", "nsubj", 9), ("は", "は", "ADP", "case", 0),
             ("「", "「", "PUNCT", "punct", 3), ("合意", "合意", "VERB", "ccomp", 9),
             ("し", "する", "AUX", "aux", 3), ("た", "た", "AUX", "aux", 3),
             ("」", "」", "PUNCT", "punct", 3), ("と", "と", "ADP", "case", 3),
             ("報じ", "報じる", "VERB", "acl", 9), ("られ", "られる", "AUX", "aux", 8),
             ("て", "て", "SCONJ", "mark", 8), ("いる", "いる", "VERB", "ROOT", 11),
             ("。", "。", "PUNCT", "punct", 11)]
    _, _, an = _analysis(words)
    assert [r.kind for r in an.reports] == ["passive"]
    assert an.reports[0].speaker is None
