"""The page parser and the decoder on arbitrary input: a FrontwatchError at most, never a crash.

Raw bytes go through ``decode_bytes`` (then ``parse`` when they decode); text and HTML go
straight to ``parse``, both as arbitrary strings and as strings built from the pieces real
pages are made of (tags, entities, comment blocks, dates, CJK punctuation), where a parser's
edge cases live.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontwatch.clean import parse
from frontwatch.errors import FrontwatchError
from frontwatch.ingest.decode import decode_bytes
from frontwatch.records import Document, RawDocument

FUZZ = settings(max_examples=400, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

HTML_PIECES = st.sampled_from([
    "<html>", "</html>", "<head>", "<meta charset='shift_jis'>", "<title>", "</title>", "<body>", "<article>",
    "</article>", "<div class='entry-content'>", "<div id='comments'>", "</div>", "<p>", "</p>", "<br>",
    "<h1>", "</h1>", "<ul><li>", "</li></ul>", "<a href='https://x.example/a'>", "</a>",
    "<script>x<y</script>", "<style>p{}</style>", "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&#x1F600;",
    "&#0;", "&nbsp;", "&bogus;",
    "<time datetime='2024-13-45'>", "</time>", "2024年 5月 1日", "コメント", "関連記事", "参考:", "。",
    "北海軍は演習を始めた。", "Troops moved north.", "<", ">", "\"", "'", "\x00", "\ufeff", "\u202e", "\r\n",
])
TEXT_PIECES = st.sampled_from([
    "\n", "\n\n", "  ", "    • ", "  1. ", "コメント", "関連記事", "参考:", "出典:", "前のページ",
    "次のページ",
    "2024年 5月 1日", "2024/02/30", "令和6年", "12", "PAGE TOP", "欧州関連", "北海軍は演習を始めた。",
    "Troops moved north.", "。", "\x00", "\x0c", "\ufeff", "\u3000", "\U0001F600", "\ud7ff",
])
HTML = st.lists(st.one_of(HTML_PIECES, st.text(max_size=6)), max_size=80).map("".join)
TEXT = st.lists(st.one_of(TEXT_PIECES, st.text(max_size=8)), max_size=80).map("".join)


def _parse(content: str, kind: str) -> Document | None:
    raw = RawDocument(doc_id="fuzz", content=content, content_type=kind, source=f"fuzz.{kind}")  # type: ignore[arg-type]
    try:
        doc = parse(raw)
    except FrontwatchError:
        return None
    for s in doc.sections:  # offsets always index the clean text
        assert doc.text[s.start : s.end] == s.text
    return doc


@FUZZ
@given(st.binary(max_size=4096))
def test_fuzz_decode_arbitrary_bytes(data: bytes) -> None:
    try:
        decoded = decode_bytes(data)
    except FrontwatchError:
        return
    assert isinstance(decoded.text, str) and decoded.encoding
    _parse(decoded.text, "text")
    _parse(decoded.text, "html")


@FUZZ
@given(st.text(max_size=2000))
def test_fuzz_parse_arbitrary_text(text: str) -> None:
    _parse(text, "text")


@FUZZ
@given(st.text(max_size=2000))
def test_fuzz_parse_arbitrary_html(text: str) -> None:
    _parse(text, "html")


@FUZZ
@given(HTML)
def test_fuzz_parse_html_made_of_page_pieces(html: str) -> None:
    _parse(html, "html")


@FUZZ
@given(TEXT)
def test_fuzz_parse_text_made_of_page_pieces(text: str) -> None:
    _parse(text, "text")


@FUZZ
@given(st.lists(st.sampled_from(["\xef\xbb\xbf", "\x1b$B", "\x1b(B", "\x82\xa0", "\xa4\xa2", "\xe3\x81"])
                .map(lambda s: s.encode("latin-1")) | st.binary(max_size=8), max_size=200).map(b"".join))
def test_fuzz_decode_encoding_lookalikes(data: bytes) -> None:
    """Bytes mixing BOMs, ISO-2022-JP escapes and Shift_JIS/EUC-JP/UTF-8 fragments."""
    try:
        decoded = decode_bytes(data)
    except FrontwatchError:
        return
    _parse(decoded.text, "html")
