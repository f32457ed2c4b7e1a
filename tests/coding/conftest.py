"""Fixtures of the coding tests: hand-built sentences, and one loaded coder per session."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from frontwatch.records import Sentence, Token


def make_sentence(words: Sequence[tuple[str, str, str, str, int]], *, section: str = "body",
                  start: int = 0, doc_id: str = "t") -> Sentence:
    """A Sentence from (text, lemma, pos, dep, head) tuples; offsets follow the text."""
    toks = []
    pos = start
    for i, (text, lemma, upos, dep, head) in enumerate(words):
        tag = "助詞-格助詞" if upos == "ADP" else ""
        toks.append(Token(i, text, lemma, upos, tag, dep, head, pos, True))
        pos += len(text)
    text = "".join(w[0] for w in words)
    return Sentence(doc_id, text, start, start + len(text), "ja", section, tuple(toks))  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def ja_coder() -> Any:
    """The rule stages of the coder, without the learned record filter: what the rules make of our
    own sentences (test_record_filter.py tests the filter; the seeds test runs the whole coder)."""
    pytest.importorskip("ja_ginza")
    from frontwatch.coding.coder import build_coder

    return build_coder(record_filter=False)


@pytest.fixture(scope="session")
def product_coder() -> Any:
    """The coder as users run it: rules, then the learned record filter."""
    pytest.importorskip("ja_ginza")
    from frontwatch.coding.coder import build_coder

    return build_coder()
