"""Fixtures of the English tests: one spaCy blank pipeline and one coding context per session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from frontwatch.coding.context import CodingContext
from frontwatch.coding.en import code_sentences
from frontwatch.nlp.english import EnglishPipeline
from frontwatch.records import Document, Event, Section
from frontwatch.resolve.actors import ActorDictionary
from frontwatch.resolve.weapons import WeaponLexicon


def english_doc(text: str, *, doc_id: str = "t1", published: dt.date | None = None,
                kind: str = "body") -> Document:
    return Document(doc_id=doc_id, text=text, language="en", published=published,
                    sections=(Section(kind, text, 0, len(text), "en"),))  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def en_pipeline() -> EnglishPipeline:
    return EnglishPipeline()


@pytest.fixture(scope="session")
def en_context() -> CodingContext:
    return CodingContext(actors=ActorDictionary.load(), weapons=WeaponLexicon.load(), lexicons={})


@pytest.fixture(scope="session")
def code_en(en_pipeline: EnglishPipeline, en_context: CodingContext) -> Callable[..., list[Event]]:
    def run(text: str, published: dt.date | None = None, kind: str = "body") -> list[Event]:
        doc = english_doc(text, published=published, kind=kind)
        return code_sentences(doc, en_pipeline.sentences(doc), en_context.for_document(published))

    return run
