"""Sections longer than a parser accepts are parsed in pieces, with document offsets kept."""

from __future__ import annotations

import pytest

from frontwatch.records import Document, Section

JA_SENTENCE = "北軍は国境の町を砲撃し、住民三人が死亡したと地元当局が発表した。"
SUDACHI_LIMIT = 49_149  # SudachiPy's own limit in bytes


def _doc(text: str, language: str) -> Document:
    body = Section("body", text, 0, len(text), language=language)
    return Document("long", text, (body,), language=language)


def utf8_len(text: str) -> int:
    return len(text.encode("utf-8"))


def test_split_text_cuts_at_sentence_ends_within_budget() -> None:
    from frontwatch.nlp.split import SUDACHI_MAX_BYTES, split_text

    text = JA_SENTENCE * 2000
    pieces = split_text(text, SUDACHI_MAX_BYTES, utf8_len)
    assert len(pieces) > 1
    assert "".join(p for _, p in pieces) == text
    for off, piece in pieces:
        assert text[off:off + len(piece)] == piece
        assert utf8_len(piece) <= SUDACHI_MAX_BYTES
        assert piece.endswith("。")


def test_split_text_without_sentence_ends_cuts_at_a_safe_length() -> None:
    from frontwatch.nlp.split import SUDACHI_MAX_BYTES, split_text

    text = "あ" * 50_000 + "😀" * 20_000  # no full stop, no line break; 4-byte characters at the cut
    pieces = split_text(text, SUDACHI_MAX_BYTES, utf8_len)
    assert "".join(p for _, p in pieces) == text
    assert all(0 < utf8_len(p) <= SUDACHI_MAX_BYTES for _, p in pieces)


@pytest.mark.ginza
def test_japanese_paragraph_past_sudachi_limit_is_parsed_in_pieces() -> None:
    pytest.importorskip("ja_ginza")
    from frontwatch.nlp.japanese import JapanesePipeline, load_model

    text = JA_SENTENCE * 1000
    assert utf8_len(text) > SUDACHI_LIMIT
    sents = JapanesePipeline(load_model()).sentences(_doc(text, "ja"))
    assert len(sents) == 1000
    assert sents[-1].end == len(text)
    for s in (sents[0], sents[500], sents[-1]):
        assert text[s.start:s.end] == s.text == JA_SENTENCE
        tok = s.tokens[-1]
        assert text[tok.idx:tok.idx + len(tok.text)] == tok.text


def test_english_paragraph_past_max_length_is_parsed_in_pieces() -> None:
    import spacy

    from frontwatch.nlp.english import EnglishPipeline

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 5_000  # the same check spaCy makes at its default of 1,000,000 characters
    sentence = "Rebels shelled the border town and three residents died, officials said. "
    text = sentence * 200
    sents = EnglishPipeline(nlp).sentences(_doc(text, "en"))
    assert len(sents) == 200
    for s in sents:
        assert text[s.start:s.end] == s.text == sentence.strip()
