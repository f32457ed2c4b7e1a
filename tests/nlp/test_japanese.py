"""GiNZA pipeline: sentences of coded sections with document offsets and bunsetsu marks."""

from __future__ import annotations

import pytest

from frontwatch.nlp.japanese import EXCLUDED, JapanesePipeline, load_model
from frontwatch.records import Document, Section

pytestmark = pytest.mark.ginza


@pytest.fixture(scope="module")
def pipeline() -> JapanesePipeline:
    pytest.importorskip("ja_ginza")
    return JapanesePipeline(load_model())


def _doc() -> Document:
    title = "停戦交渉が始まる"
    body = "両国は「攻撃を止める。撤退もする」と述べた。国境は静かだ。"
    comment = "コメントは対象外"
    text = f"{title}\n{body}\n{comment}"
    a, b = len(title) + 1, len(title) + 1 + len(body)
    return Document("d", text, (Section("title", title, 0, len(title)), Section("body", body, a, b),
                                Section("chrome", comment, b + 1, len(text))))


def test_japanese_model_loads_without_ner(pipeline: JapanesePipeline) -> None:
    assert not set(EXCLUDED) & set(pipeline.nlp.pipe_names)


def test_japanese_sentences_index_the_document(pipeline: JapanesePipeline) -> None:
    doc = _doc()
    sents = pipeline.sentences(doc)
    assert [s.section for s in sents] == ["title", "body", "body"]
    for s in sents:
        assert doc.text[s.start:s.end] == s.text
        for t in s.tokens:
            assert doc.text[t.idx:t.idx + len(t.text)] == t.text
        assert s.tokens[0].bunsetsu_start


def test_japanese_quote_with_full_stop_stays_one_sentence(pipeline: JapanesePipeline) -> None:
    sents = pipeline.sentences(_doc())
    assert sents[1].text.startswith("両国は「") and sents[1].text.endswith("と述べた。")


def test_japanese_pipe_keeps_input_order(pipeline: JapanesePipeline) -> None:
    docs = [_doc(), Document("e", "本文だ。", (Section("body", "本文だ。", 0, 4),))]
    assert [d.doc_id for d, _ in pipeline.pipe(docs)] == ["d", "e"]
