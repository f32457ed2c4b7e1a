"""The five real pages in ../shared/seeds: expected values from the issue (skipped when absent)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from frontwatch.ingest import load_documents
from frontwatch.records import Document

pytestmark = pytest.mark.seeds


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> dict[str, Document]:
    docs = [d for d in load_documents([str(seeds_dir)]) if isinstance(d, Document)]
    return {d.doc_id[:3]: d for d in docs}


def test_seeds_all_parse(seeds: dict[str, Document]) -> None:
    assert sorted(seeds) == ["000", "001", "002", "003", "004"]
    for doc in seeds.values():
        for s in doc.sections:
            assert doc.text[s.start : s.end] == s.text
        assert doc.body and doc.language == "ja"


def test_seeds_000_parts(seeds: dict[str, Document]) -> None:
    doc = seeds["000"]
    assert doc.doc_id == "000_e7392aaa8506f83b"
    assert doc.title == "突然始まった武力衝突、アゼルバイジャン軍がアルメニア国境に向けて前進か"
    assert doc.category == "欧州関連"
    assert len(doc.parts("reference")) == 2
    assert (doc.published, doc.published_source) == (dt.date(2022, 9, 13), "comments")
    assert len(doc.comments) >= 20
    for c in doc.comments:
        assert c.author is None or c.author.strip()
        assert c.text.strip()
    assert all(c.date is not None for c in doc.comments)  # two print no meta lines: dated by their neighbours
    assert len(doc.comments) == 27
    assert sum(c.likes is not None for c in doc.comments) >= len(doc.comments) - 2
    assert {c.depth for c in doc.comments} == {0, 1}
    assert doc.parts("nav_prev") and doc.parts("nav_next") and doc.parts("related_block")


@pytest.mark.parametrize(
    ("key", "published"),
    [("002", dt.date(2023, 10, 14)), ("003", dt.date(2020, 10, 13)), ("004", dt.date(2022, 2, 28))],
)
def test_seeds_published_from_comments(seeds: dict[str, Document], key: str, published: dt.date) -> None:
    assert (seeds[key].published, seeds[key].published_source) == (published, "comments")


def test_seeds_001_no_date_and_comments_apart(seeds: dict[str, Document]) -> None:
    doc = seeds["001"]
    assert doc.published is None and doc.published_source is None
    # the headline, printed after the lead and its 参考 line
    assert doc.title == ("アゼルバイジャン軍がアルメニア領に侵攻、"
                         "万が一居座り続ければアルメニアと再び戦火を交えることになる")
    assert doc.body[0].startswith("アゼルバイジャン軍はアルメニアのシュニク地方")  # the lead stays body
    kinds = [s.kind for s in doc.sections]
    assert kinds[-1] == "credit"  # the image credit closes the article
    assert len(doc.comments) > 20
    for c in doc.comments:
        assert c.text not in doc.text


def test_seeds_003_other_languages_marked(seeds: dict[str, Document]) -> None:
    assert "hy" in {s.language for s in seeds["003"].parts("body")}
