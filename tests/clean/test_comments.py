"""Comment threads: each way a comment can open, and depth by indentation rank."""

from __future__ import annotations

import datetime as dt

from frontwatch.clean.comments import parse_comment_thread, plain_comments
from frontwatch.clean.markers import load_markers


def test_comments_blank_author_bullet_then_date() -> None:
    lines = ["  •  ", "  • 2023年 1月 2日", "", "  本文です。", "", "  4"]
    (c,) = parse_comment_thread(lines)
    assert (c.author, c.date, c.text, c.likes, c.depth) == (None, dt.date(2023, 1, 2), "本文です。", 4, 0)


def test_comments_author_without_date() -> None:
    lines = ["  • 読者", "", "  日付のないコメント。", "", "  9"]
    (c,) = parse_comment_thread(lines)
    assert (c.author, c.date, c.text, c.likes) == ("読者", None, "日付のないコメント。", 9)


def test_comments_depth_is_indent_rank_whatever_the_step() -> None:
    lines = [
        "• 甲", "• 2023-01-02", "", "一。", "",
        "    • 乙", "    • 2023-01-03", "", "    二。", "",
        "        • 丙", "        • 2023-01-04", "", "        三。", "",
        "• 丁", "• 2023-01-05", "", "四。",
    ]
    comments = parse_comment_thread(lines)
    assert [(c.author, c.depth) for c in comments] == [("甲", 0), ("乙", 1), ("丙", 2), ("丁", 0)]
    assert all(c.likes is None for c in comments)


def test_comments_number_line_inside_text_is_not_likes() -> None:
    lines = ["  • 読者", "  • 2023年 1月 2日", "", "  候補は", "  3", "  つある。", "", "  5"]
    (c,) = parse_comment_thread(lines)
    assert c.text == "候補は\n3\nつある。"
    assert c.likes == 5


def test_comments_english_date_formats() -> None:
    lines = ["  • reader", "  • March 4, 2024 at 10:12 pm", "", "  Good summary.", "", "  2"]
    (c,) = parse_comment_thread(lines)
    assert (c.author, c.date, c.likes) == ("reader", dt.date(2024, 3, 4), 2)
    lines = ["  • reader", "  • March 4, 2024", "", "  Good summary."]
    (c,) = parse_comment_thread(lines)
    assert (c.author, c.date) == ("reader", dt.date(2024, 3, 4))


def test_comments_plain_lines_one_each() -> None:
    comments = plain_comments(["一つ目。", "", "二つ目。", "・補足"])
    assert [c.text for c in comments] == ["一つ目。", "二つ目。\n・補足"]
    assert [c.order for c in comments] == [0, 1]


def test_comments_like_formats_and_buttons() -> None:
    lines = ["  • 読者", "  • 2023年 1月 2日", "", "  本文。", "  返信", "", "  👍 15",
             "  • 別の読者", "  • 2023年 1月 3日", "", "  二つ目。", "  Reply", "  7 いいね"]
    comments = parse_comment_thread(lines, buttons=load_markers().comment_buttons)
    assert [(c.text, c.likes) for c in comments] == [("本文。", 15), ("二つ目。", 7)]


def test_comments_without_meta_lines_take_the_day_around_them() -> None:
    lines = ["• 甲", "• 2023-01-02", "", "一。", "", "  1. 番号だけ残ったコメント。", "",
             "• 乙", "• 2023-01-02", "", "二。", "", "• 見出しのないコメント。", "",
             "• 丙", "• 2023-01-03", "", "三。"]
    comments = parse_comment_thread(lines)
    assert [(c.author, c.date) for c in comments] == [
        ("甲", dt.date(2023, 1, 2)), (None, dt.date(2023, 1, 2)), ("乙", dt.date(2023, 1, 2)),
        (None, None), ("丙", dt.date(2023, 1, 3))]  # between two different days: no guess
