"""parse never raises on arbitrary page text, and its offsets always index the clean text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from frontwatch.clean import parse
from frontwatch.records import RawDocument

PIECES = st.sampled_from([
    "\n", "\n\n", "  ", "    • ", "      • ", "  1. ", "コメント", "関連記事", "参考:", "出典:",
    "※アイキャッチ画像の出典:", "前のページ", "次のページ", "2024年 5月 1日", "12", "PAGE TOP",
    "この記事へのトラックバックはありません。", "欧州関連", "北海軍は演習を始めた。",
    "Troops moved north.", "。",
])
PAGES = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None, database=None)
@given(PAGES)
def test_fuzz_parse_text_pages(text: str) -> None:
    doc = parse(RawDocument(doc_id="f", content=text, content_type="text", source="f.txt"))
    for s in doc.sections:
        assert doc.text[s.start : s.end] == s.text
    assert [c.order for c in doc.comments] == list(range(len(doc.comments)))
    assert all(c.depth >= 0 for c in doc.comments)
