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


def test_japanese_tokens_read_in_bulk_are_spacys_tokens(pipeline: JapanesePipeline) -> None:
    """``to_sentences`` reads the attributes with one ``Doc.to_array``: the same text, lemma, tags,
    label, head and bunsetsu starts as spaCy's Token objects and ``ginza.bunsetu_spans`` give."""
    import ginza

    from frontwatch.nlp.japanese import to_sentences

    text = "ロシア軍は「ハルキウ州の村を砲撃した」と述べた。 国境では2日、戦闘が続いた。"
    sec = Section("body", text, 7, 7 + len(text))
    sdoc = pipeline.nlp(text)
    starts = {span.start for span in ginza.bunsetu_spans(sdoc)}
    got = [t for s in to_sentences(sdoc, "d", sec) for t in s.tokens]
    want = [(t.text, t.lemma_, t.pos_, t.tag_, t.dep_, 7 + t.idx, t.i in starts)
            for t in sdoc if t.text.strip()]
    assert [(t.text, t.lemma, t.pos, t.tag, t.dep, t.idx, t.bunsetsu_start)
            for t in got if t.text.strip()] == want
    for s in to_sentences(sdoc, "d", sec):
        a = next(t.i for t in sdoc if 7 + t.idx == s.tokens[0].idx)
        span = sdoc[a:a + len(s.tokens)]
        assert s.text == span.text and s.start == 7 + span.start_char
        assert [t.head for t in s.tokens] == [
            t.head.i - a if span.start <= t.head.i < span.end else t.i - a for t in span]


def test_japanese_pipe_streams_documents_across_batches(pipeline: JapanesePipeline) -> None:
    """Sections flow through one parse in batches that cross documents; each document still gets
    its own sentences, in input order, and one with no Japanese section gets none."""
    english = Document("en", "Shelling continued.", (Section("body", "Shelling continued.", 0, 19, "en"),))
    short = Document("e", "本文だ。", (Section("body", "本文だ。", 0, 4),))
    docs = [english, _doc(), short, english, _doc(), short]
    small = JapanesePipeline(pipeline.nlp, batch_size=2)
    got = list(small.pipe(docs))
    assert [d.doc_id for d, _ in got] == ["en", "d", "e", "en", "d", "e"]
    assert [[s.text for s in sents] for _, sents in got] == [
        [s.text for s in pipeline.sentences(d)] for d in docs]
    assert got[1][1] == got[4][1] and got[0][1] == []
