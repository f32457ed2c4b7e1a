"""The coder's shortcuts answer as the long way does: first characters of a regex row, the
suffix index of the actor dictionary, the particle pattern."""

from __future__ import annotations

import re

from frontwatch.coding.context import default_context
from frontwatch.coding.ja.syntax import _particle_pattern
from frontwatch.coding.ja.words import words
from frontwatch.coding.lexicon import first_chars

CTX = default_context(with_places=False)


def test_first_chars_reads_literals_branches_and_lookarounds() -> None:
    assert first_chars(re.compile("(?<=を)否定")) == frozenset("否")
    assert first_chars(re.compile("(直撃|着弾)|命中")) == frozenset("直着命")
    assert first_chars(re.compile("[北南]進|(?:東|西)+進")) == frozenset("北南東西")


def test_first_chars_gives_up_where_any_character_may_begin() -> None:
    assert first_chars(re.compile("(追加)?制裁")) is None  # an optional start
    assert first_chars(re.compile("[^。]{1,3}を確認")) is None  # a negated class
    assert first_chars(re.compile("[ァ-ン]+")) is None  # a range
    assert first_chars(re.compile("abc", re.IGNORECASE)) is None


def test_first_chars_never_skips_a_row_that_matches() -> None:
    """Every regex row of the Japanese lexicon, on sentences that hold one of its matches: the
    match begins with one of its first characters."""
    texts = ["領空に侵入した", "ミサイルを迎撃した", "大使を召還した", "報復作戦を開始", "関与を否定した",
             "北西進した", "100万ドル相当の追加軍事支援", "スクランブルをかけた"]
    for e in CTX.lexicon("ja").surface_entries():
        if e.regex is None:
            continue
        firsts = first_chars(e.regex)
        for text in texts:
            for m in e.regex.finditer(text):
                assert firsts is None or text[m.start()] in firsts, (e.regex.pattern, text)


def test_particle_pattern_finds_the_first_particle_in_order() -> None:
    particles = words().particles
    for rest in ("によると", "に対しては", "との会談", "が", "から", "には", "のは", "x"):
        first = next((p for p in particles if rest.startswith(p)), None)
        found = _particle_pattern().match(rest)
        assert (found.group() if found else None) == first


def test_suffix_index_agrees_with_trying_every_row() -> None:
    actors = CTX.actors
    texts = ("ロシア軍が", "米国務省は", "中国外務省の報道官", "イスラエル国防軍", "ウクライナ側", "日本")
    assert any(actors._suffix_at(t, p, "ja") for t in texts for p in range(len(t)))
    for text in texts:
        for pos in range(len(text) + 1):
            slow = next((row for tail, row in actors._suffix_rows("ja") if text.startswith(tail, pos)), None)
            assert actors._suffix_at(text, pos, "ja") is slow


def test_surface_entries_for_keeps_every_row_that_matches_in_order() -> None:
    lex = CTX.lexicon("ja")
    for text in ("領空に侵入した", "ミサイルを迎撃した", "関与を否定した", "大使を召還した", "何もない文。"):
        rows = lex.surface_entries_for(text)
        order = [lex.surface_entries().index(e) for e in rows]
        assert order == sorted(order)
        for e in lex.surface_entries():
            matches = e.regex.search(text) if e.regex is not None else e.pattern in text
            assert not matches or e in rows, (e.pattern, text)
    assert len(lex.surface_entries_for("何もない文。")) < len(lex.surface_entries())


def test_token_ranges_agree_with_a_scan_of_the_tokens() -> None:
    from tests.coding.conftest import make_sentence

    from frontwatch.coding.ja.syntax import _token_ranges

    sent = make_sentence([("ロシア", "ロシア", "PROPN", "compound", 1), ("軍", "軍", "NOUN", "nsubj", 3),
                          ("が", "が", "ADP", "case", 1), ("攻撃", "攻撃", "VERB", "ROOT", 3),
                          ("。", "。", "PUNCT", "punct", 3)])

    def scan(start: int, end: int) -> tuple[int, int]:
        ti = tj = None
        for t in sent.tokens:
            a = t.idx - sent.start
            if ti is None and a + len(t.text) > start:
                ti = t.i
            if a < end:
                tj = t.i + 1
        return ti or 0, tj or 0

    token_range = _token_ranges(sent)
    for start in range(len(sent.text) + 2):
        for end in range(start, len(sent.text) + 2):
            assert token_range(start, end) == scan(start, end), (start, end)


def test_candidate_copy_keeps_every_field() -> None:
    """Candidate.copy equals dataclasses.replace with no change, whatever fields it has."""
    from dataclasses import fields, replace

    from frontwatch.resolve.place_english import Candidate

    values = {"int": 7, "bool": True, "str": "ドネツク"}
    c = Candidate(**{f.name: values[str(f.type)] for f in fields(Candidate)})
    copied = c.copy()
    assert copied == replace(c) and copied is not c
    copied.context = False
    assert c.context is True
