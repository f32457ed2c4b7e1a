"""The page splitter on hand-written pages of the blog genre and a plain news page."""

from __future__ import annotations

import datetime as dt

from frontwatch.clean import parse
from frontwatch.records import Document, RawDocument
from tests.clean.pages import BLOG_PAGE, NEWS_PAGE, PLAIN_COMMENTS_PAGE


def _doc(text: str, **kw: object) -> Document:
    return parse(RawDocument(doc_id="t", content=text, content_type="text", source="t.txt", **kw))  # type: ignore[arg-type]


def test_page_blog_parts_in_order() -> None:
    doc = _doc(BLOG_PAGE)
    assert doc.category == "アジア関連"
    assert doc.title == "架空の海峡で哨戒艇が衝突、双方が相手の挑発を非難"
    kinds = [s.kind for s in doc.sections]
    assert kinds[:3] == ["category", "title", "body"]
    assert [s.text for s in doc.parts("reference")] == [
        "Patrol boats collide in the strait, both navies say",
        "Navy blames the other side for the collision",
    ]
    assert [s.text for s in doc.parts("credit")] == ["Example Navy / CC BY 4.0", "Example Photo Agency"]
    assert [s.text for s in doc.parts("related")] == ["北海と南海が漁業協定の交渉を再開"]
    assert [s.text for s in doc.parts("nav_prev")] == ["架空の海峡で漁船が拿捕される"]
    assert [s.text for s in doc.parts("nav_next")] == ["北海海軍が新型哨戒艇を公開"]
    assert [s.text for s in doc.parts("related_block")] == [
        "北海と南海が漁業協定の交渉を再開",
        "架空の同盟が合同演習を計画",
    ]
    assert len(doc.parts("trackback")) == 1
    assert [s.text for s in doc.parts("chrome")] == ["人気記事の見出し", "PAGE TOP"]
    assert len(doc.body) == 4
    assert all("読者" not in s.text for s in doc.sections)  # comments are not sections


def test_page_offsets_index_clean_text() -> None:
    doc = _doc(BLOG_PAGE)
    assert doc.text == "\n".join(s.text for s in doc.sections)
    for s in doc.sections:
        assert doc.text[s.start : s.end] == s.text


def test_page_comments_author_date_likes_depth() -> None:
    comments = _doc(BLOG_PAGE).comments
    got = [(c.author, c.date, c.likes, c.depth) for c in comments]
    assert got == [
        ("読者A", dt.date(2024, 3, 3), 12, 0),
        ("読者B", dt.date(2024, 3, 4), 3, 1),
        (None, dt.date(2024, 3, 3), 7, 0),
        (None, None, 2, 0),
        (None, None, 1, 1),
        ("読者C", dt.date(2024, 3, 5), None, 0),
    ]
    assert comments[0].text == "また衝突か。\n早く落ち着いてほしい。"
    assert comments[3].text == "番号だけのコメント。\n二行目。"
    assert [c.order for c in comments] == list(range(6))


def test_page_published_from_earliest_comment() -> None:
    doc = _doc(BLOG_PAGE)
    assert (doc.published, doc.published_source) == (dt.date(2024, 3, 3), "comments")


def test_page_generic_news_gives_title_and_body() -> None:
    doc = _doc(NEWS_PAGE)
    assert doc.title == "Ceasefire talks resume in the capital"
    assert [s.kind for s in doc.sections] == ["title", "body", "body"]
    assert doc.body[0].startswith("Negotiators from both sides met on Monday")
    assert doc.body[0].endswith("agreed to meet again next week.")  # hard-wrapped lines joined
    assert doc.language == "en"
    assert doc.comments == ()
    assert doc.published is None and doc.published_source is None


def test_page_plain_comments_after_eyecatch_credit() -> None:
    doc = _doc(PLAIN_COMMENTS_PAGE)
    assert doc.title is None  # the first line is a sentence, not a headline
    assert len(doc.body) == 3
    assert [s.kind for s in doc.sections][-2:] == ["notice", "credit"]
    assert [c.text.split("\n")[0] for c in doc.comments] == [
        "演習はいつまで続くのだろう。",
        "南海も対抗して演習を始めそうだ。",
    ]
    assert doc.comments[0].text.count("\n") == 2  # list lines stay with the comment before them
    assert all(c.author is None and c.date is None for c in doc.comments)
    assert "演習はいつまで" not in doc.text


def test_page_dated_line_in_text() -> None:
    doc = _doc("海峡で新たな衝突\n\n投稿日:2024年5月1日\n\n両国の艦艇が再び接近した。\n")
    assert (doc.published, doc.published_source) == (dt.date(2024, 5, 1), "text")
    assert doc.body == ["両国の艦艇が再び接近した。"]


def test_page_date_inside_a_sentence_is_not_a_dateline() -> None:
    doc = _doc("海峡で新たな衝突\n\n国防省は2024年5月1日の声明で接近を認めた。\n")
    assert doc.published is None


def test_page_metadata_date_wins() -> None:
    doc = _doc(BLOG_PAGE, published=dt.date(2024, 3, 1), published_source="jsonl")
    assert (doc.published, doc.published_source) == (dt.date(2024, 3, 1), "jsonl")
    doc = _doc(BLOG_PAGE, published=dt.date(2024, 3, 1))
    assert doc.published_source == "metadata"


def test_page_other_language_lines_marked() -> None:
    text = (
        "北海で演習\n\n北海軍は演習を始めたと発表し、南海は強く反発している。\n\n"
        "Հայաստանի պաշտպանության նախարարությունը հայտարարեց\n\nМинистерство обороны сообщило об учениях\n\n"
        "演習は三日間続く予定で、周辺の海域では船舶の航行が制限される。\n"
    )
    doc = _doc(text)
    assert [s.language for s in doc.parts("body")] == ["ja", "hy", "ru", "ja"]
    assert doc.language == "ja"


def test_page_content_hash_ignores_source_encoding() -> None:
    a = parse(RawDocument(doc_id="a", content=NEWS_PAGE, content_type="text", source="a", encoding="UTF-8"))
    b = parse(RawDocument(doc_id="a", content=NEWS_PAGE, content_type="text", source="b", encoding="EUC-JP"))
    c = parse(RawDocument(doc_id="a", content=NEWS_PAGE + "More.\n", content_type="text", source="a"))
    assert a.content_hash == b.content_hash != c.content_hash


def test_page_one_word_category_before_headline() -> None:
    doc = _doc("軍事雑学\n\n北海軍の新型艦、その実力は\n\n北海軍が公開した新型艦の性能を解説する。\n")
    assert (doc.category, doc.title) == ("軍事雑学", "北海軍の新型艦、その実力は")
    doc = _doc("速報\n\n北海軍が演習を始めた。\n")  # a label over the story is neither title nor body
    assert (doc.category, doc.title, doc.body) == (None, None, ["北海軍が演習を始めた。"])


def test_page_thread_without_trackback_ends_at_chrome() -> None:
    text = ("北海で演習\n\n北海軍は演習を始めた。\n\nコメント\n\n"
            "  • 読者\n  • 2024年 5月 1日\n\n  長い。\n\n  2\nPAGE TOP\n")
    doc = _doc(text)
    assert [(c.author, c.likes) for c in doc.comments] == [("読者", 2)]
    assert [s.text for s in doc.parts("chrome")] == ["PAGE TOP"]


def test_page_caption_glued_before_a_wire_credit_is_a_credit() -> None:
    # a map label or photo caption printed on the story's first line, before 【…共同】 (Kyodo's
    # stories as portals print them): the label is a credit, the story starts at the credit
    text = ("北海軍、哨戒艇を派遣\n"
            "北海・港町、南海・島町、架空海峡【港町共同】北海国防省は3日、架空海峡に哨戒艇2隻を派遣したと発表した。\n"
            "南海外務省は「挑発だ」と非難した。")
    doc = _doc(text)
    assert doc.title == "北海軍、哨戒艇を派遣"
    assert [s.text for s in doc.parts("credit")] == ["北海・港町、南海・島町、架空海峡"]
    assert doc.parts("body")[0].text.startswith("【港町共同】北海国防省は3日")
    # a credit opening its line, or one after a sentence end, cuts nothing
    plain = _doc("見出しの行\n【港町共同】北海国防省は3日、発表した。\n南海は非難した。")
    assert not plain.parts("credit") and plain.parts("body")[0].text.startswith("【港町共同】")
