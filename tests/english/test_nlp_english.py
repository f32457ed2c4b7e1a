from __future__ import annotations

from frontwatch.nlp.base import LanguagePipeline
from frontwatch.nlp.english import EnglishPipeline, LookupLemmatizer, regular_forms
from frontwatch.records import Document, Section

from .conftest import english_doc


def test_nlp_english_is_a_language_pipeline(en_pipeline: EnglishPipeline) -> None:
    assert isinstance(en_pipeline, LanguagePipeline)
    assert en_pipeline.language == "en"


def test_nlp_english_sentences_carry_document_offsets(en_pipeline: EnglishPipeline) -> None:
    text = "Russia attacked Ukraine on Tuesday. The U.S. said it won't send troops."
    sents = en_pipeline.sentences(english_doc(text))
    assert [s.text for s in sents] == ["Russia attacked Ukraine on Tuesday.",
                                       "The U.S. said it won't send troops."]
    for s in sents:
        assert text[s.start:s.end] == s.text
        for t in s.tokens:
            assert text[t.idx:t.idx + len(t.text)] == t.text
    toks = {t.text: t for t in sents[1].tokens}
    assert toks["U.S."].pos == "PROPN"
    assert toks["said"].lemma == "say"
    assert toks["wo"].lemma == "will" and toks["n't"].lemma == "not"


def test_nlp_english_codes_only_english_title_and_body(en_pipeline: EnglishPipeline) -> None:
    body, comment, other = "Troops shelled the town.", "Great article.", "Войска обстреляли город."
    text = "\n".join([body, comment, other])
    b2 = len(body) + 1
    o2 = b2 + len(comment) + 1
    doc = Document(doc_id="d", text=text, language="en", sections=(
        Section("body", body, 0, len(body), "en"),
        Section("related", comment, b2, b2 + len(comment), "en"),
        Section("body", other, o2, o2 + len(other), "ru"),
    ))
    sents = en_pipeline.sentences(doc)
    assert [s.text for s in sents] == [body]
    assert sents[0].section == "body" and sents[0].language == "en"


def test_nlp_english_pipe_keeps_input_order(en_pipeline: EnglishPipeline) -> None:
    docs = [english_doc(f"Talks were held in city number {n}.", doc_id=f"d{n}") for n in range(5)]
    out = list(en_pipeline.pipe(docs))
    assert [d.doc_id for d, _ in out] == [f"d{n}" for n in range(5)]
    assert all(len(s) == 1 for _, s in out)


def test_nlp_english_lemmatizer_regular_and_irregular_forms() -> None:
    lem = LookupLemmatizer.from_data()
    cases = {"attacked": "attack", "seized": "seize", "shelled": "shell", "banned": "ban",
             "visited": "visit", "threatened": "threaten", "withdrew": "withdraw", "shot": "shoot",
             "struck": "strike", "occupied": "occupy", "expelled": "expel", "talks": "talk",
             "sanctions": "sanction", "Forces": "force", "militiamen": "militiaman",
             "cancelled": "cancel", "'s": "'s"}
    assert {w: lem.lemma(w) for w in cases} == cases


def test_nlp_english_regular_forms_double_short_verbs_only() -> None:
    assert "stopped" in regular_forms("stop")
    assert "visited" in regular_forms("visit") and "visitted" not in regular_forms("visit")
    assert {"carries", "carried", "carrying"} <= regular_forms("carry")
    assert {"seizes", "seized", "seizing"} <= regular_forms("seize")
