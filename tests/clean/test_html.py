"""HTML pages through trafilatura, with WordPress-style comment threads."""

from __future__ import annotations

import datetime as dt

from frontwatch.clean import parse
from frontwatch.records import RawDocument

PAGE = """<!doctype html><html><head><title>北海で演習 | 例のブログ</title>
<meta property="article:published_time" content="2024-05-01T09:00:00+09:00"></head><body>
<nav><a href="/">ホーム</a> <a href="/about">概要</a></nav>
<article><h1>北海で大規模演習、南海は強く反発</h1>
<p>北海軍は1日、大規模な演習を始めたと発表した。演習には艦艇20隻が参加している。</p>
<p>参考:Northern navy begins large drills</p>
<p>南海政府は演習の中止を求める声明を出し、周辺の警戒を強めている。</p></article>
<ol class="comment-list">
<li class="comment"><article class="comment-body"><footer class="comment-meta">
<div class="comment-author vcard"><b class="fn">読者A</b></div>
<div class="comment-metadata"><time datetime="2024-05-02T10:00:00+09:00">2024年5月2日</time></div></footer>
<div class="comment-content"><p>また演習か。</p></div></article>
<ol class="children"><li class="comment"><article class="comment-body"><footer class="comment-meta">
<div class="comment-author vcard"><b class="fn">読者B</b></div>
<div class="comment-metadata"><time datetime="2024-05-03">5月3日</time></div></footer>
<div class="comment-content"><p>毎年のことです。</p></div></article></li></ol></li></ol>
<footer>PAGE TOP</footer></body></html>"""


def test_html_main_text_title_date_and_parts() -> None:
    doc = parse(RawDocument(doc_id="h", content=PAGE, content_type="html", source="h.html"))
    assert doc.title is not None and "北海で大規模演習" in doc.title
    assert (doc.published, doc.published_source) == (dt.date(2024, 5, 1), "metadata")
    assert [s.text for s in doc.parts("reference")] == ["Northern navy begins large drills"]
    assert len(doc.body) == 2 and doc.body[0].startswith("北海軍は1日")
    assert "ホーム" not in doc.text


def test_html_wordpress_comments_keep_author_date_depth() -> None:
    doc = parse(RawDocument(doc_id="h", content=PAGE, content_type="html", source="h.html"))
    got = [(c.author, c.date, c.text, c.depth) for c in doc.comments]
    assert got == [
        ("読者A", dt.date(2024, 5, 2), "また演習か。", 0),
        ("読者B", dt.date(2024, 5, 3), "毎年のことです。", 1),
    ]


def test_html_without_main_text_falls_back_to_visible_text() -> None:
    doc = parse(RawDocument(doc_id="h", content="<html><body><script>x()</script><p>短い</p></body></html>",
                            content_type="html", source="h.html"))
    assert "x()" not in doc.text
