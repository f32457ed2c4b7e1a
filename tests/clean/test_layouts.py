"""Titles and body on news-site layouts: what is neither the headline nor a coded sentence.
Every line is our own text, in the shapes real sites print."""

from __future__ import annotations

import datetime as dt

from frontwatch.clean import parse
from frontwatch.records import Document, RawDocument

LEAD = "北海軍の哨戒艇が3日、南海の哨戒艇と海峡の中央付近で衝突したと両国の海軍が発表した。"
EN_LEAD = "Patrol boats of the two navies collided near the middle of the strait on Friday, both navies said."


def _doc(text: str) -> Document:
    return parse(RawDocument(doc_id="t", content=text, content_type="text", source="t.txt"),
                 today=dt.date(2026, 1, 10))


def test_layouts_site_labels_then_headline_over_its_date() -> None:
    page = ("You are signed in as a guest.\nYour Name\nYour e-mail (optional)\nAsia\n"
            "Patrol boats collide in the strait\n2024-05-03\n"
            f"{EN_LEAD}\n")
    doc = _doc(page)
    assert doc.title == "Patrol boats collide in the strait"
    assert doc.body == [EN_LEAD]
    assert doc.published == dt.date(2024, 5, 3)


def test_layouts_breadcrumbs_tags_buttons_and_captions_are_not_body() -> None:
    page = ("海峡で哨戒艇が衝突\n国際|\n【国際】【社会】\n2024年5月3日 10時05分\n"
            "  • ブックマーク\n  • 印刷\nNews Feed\n"
            "衝突した哨戒艇=北海港で2024年5月3日、山田花子撮影\n"
            f"{LEAD}\n衝突現場の海峡(Example Photo Agency/AFP)\n両国は協議を続ける方針だ。\n"
            "<div class=\"ad\"></div>\nhttps://example.org/news/1\n12\n")
    doc = _doc(page)
    assert doc.title == "海峡で哨戒艇が衝突"
    assert doc.body == [LEAD, "両国は協議を続ける方針だ。"]
    assert [s.text for s in doc.parts("credit")] == [
        "衝突した哨戒艇=北海港で2024年5月3日、山田花子撮影", "衝突現場の海峡(Example Photo Agency/AFP)"]
    assert doc.published == dt.date(2024, 5, 3)


def test_layouts_bylines_and_english_captions_are_not_body() -> None:
    page = (f"Patrol boats collide in the strait\nBy Ann Example | Published: Jan. 23, 2024, 10:05 AM\n"
            "A patrol boat leaves the northern port. [Ann Example/Reuters]\n"
            f"{EN_LEAD}\nSailors on the deck of a patrol boat. AP\n")
    doc = _doc(page)
    assert doc.title == "Patrol boats collide in the strait"
    assert doc.body == [EN_LEAD]
    assert len(doc.parts("credit")) == 2


def test_layouts_repeated_headline_and_pull_quote() -> None:
    doc = _doc(f"海峡で哨戒艇が衝突\n\n海峡で哨戒艇が衝突\n{LEAD}\n")
    assert doc.title == "海峡で哨戒艇が衝突" and doc.body == [LEAD]
    quote = "「衝突の責任は相手にある。我々は何もしていない」"
    doc = _doc(f"{quote}\n{LEAD}\n")
    assert doc.title is None  # a pull quote is no headline


def test_layouts_lead_then_reference_then_headline() -> None:
    page = (f"{LEAD}\n参考:Patrol boats collide in the strait\n北海と南海の哨戒艇が衝突、双方が相手を非難\n"
            "北海海軍は「南海の艇が進路を塞いだ」と主張している。\n")
    doc = _doc(page)
    assert doc.title == "北海と南海の哨戒艇が衝突、双方が相手を非難"
    assert LEAD in doc.body


def test_layouts_comment_summary_is_not_body() -> None:
    page = (f"海峡で哨戒艇が衝突\n{LEAD}\nコメント(まとめ)\n・衝突を心配する声が多く見られました。\n"
            "・一部のコメントでは演習の中止を求めています。\n")
    doc = _doc(page)
    assert doc.body == [LEAD]
    assert doc.comments and "衝突を心配する声" in doc.comments[0].text


def test_layouts_yearless_header_date_is_furniture() -> None:
    doc = _doc(f"海峡で哨戒艇が衝突\n国際|\n09/10 21:45\n{LEAD}\n")
    assert doc.body == [LEAD] and doc.published is None
    doc = _doc(f"海峡で哨戒艇が衝突を発表9月5日 23時04分\n{LEAD}\n")
    assert doc.title == "海峡で哨戒艇が衝突を発表"


def test_layouts_dated_subheading_under_the_story_is_not_the_headline() -> None:
    long_lead = LEAD + "両国はその後、海峡での演習を中止すると発表し、協議を始めることで合意した。"
    doc = _doc(f"{long_lead}\n続報：協議の行方\n2024年5月4日\n両国は協議を続ける方針だ。\n")
    assert doc.title is None
    assert doc.body[0] == long_lead  # the story's text is never taken for site furniture


def test_layouts_site_name_and_bylines_are_neither_title_nor_body() -> None:
    page = (f"The Example Times\nPatrol boats collide in the strait\nBy Ann Example and Bo Test\n{EN_LEAD}\n"
            "Reporting by Ann Example; Editing by Bo Test\n")
    doc = _doc(page)
    assert (doc.category, doc.title) == ("The Example Times", "Patrol boats collide in the strait")
    assert doc.body == [EN_LEAD]
    doc = _doc(f"海峡で哨戒艇が衝突\n（記者：山田花子）\n{LEAD}\n")
    assert doc.body == [LEAD]
    wrapped = ("Patrol boats collide\nBy the time the boats collided, both navies\n"
               "had sent ships to the strait.\n")
    assert _doc(wrapped).body == ["By the time the boats collided, both navies had sent ships to the strait."]


def test_layouts_headline_over_share_buttons_under_a_section_teaser() -> None:
    page = ("特集\n\n北海情勢\n\n北海の緊張が続いています。最新の動きをまとめました。\n\n特集一覧\n\n"
            "海峡で哨戒艇が衝突 両海軍が発表\n\n  • ブックマーク\n  • 印刷\n"
            f"{LEAD}\n")
    doc = _doc(page)
    assert doc.title == "海峡で哨戒艇が衝突 両海軍が発表"
    assert doc.body == [LEAD]


EN_NEXT = ("The northern navy said its boat had been rammed, while the southern navy said the northern "
           "boat crossed the line first and refused to turn back.")


def test_layouts_wire_page_captions_and_highlights_are_not_body() -> None:
    page = ("Patrol boats collide in the strait\n\n"
            "A patrol boat of the northern navy in the strait\n\n"
            "A patrol boat of the northern navy sails in the strait near the port, May 4, 2023. "
            "REUTERS/Ann Example/File Photo Acquire Licensing Rights\n\n"
            "  • Boats collide near the middle of the strait\n"
            "  • Both navies blame the other side\n\n"
            f"NORTHPORT, Jan 5 (Wire) - {EN_LEAD}\n\n{EN_NEXT}\n")
    doc = _doc(page)
    assert doc.title == "Patrol boats collide in the strait"
    assert doc.body == ["A patrol boat of the northern navy in the strait",  # a short caption stays
                        f"NORTHPORT, Jan 5 (Wire) - {EN_LEAD}", EN_NEXT]
    assert [s.text for s in doc.parts("related")] == [
        "• Boats collide near the middle of the strait", "• Both navies blame the other side"]
    assert doc.parts("credit")[0].text.endswith("Acquire Licensing Rights")


def test_layouts_english_caption_credits() -> None:
    for caption in ("Sailors on the deck of a patrol boat. (AP Photo/Ann Example)",
                    "In this photo released by the northern navy, a boat leaves port. (Northern Navy via AP)",
                    "Sailors on the deck of a patrol boat. AFP via Getty Images",
                    "Sailors on the deck of a patrol boat. | Photo Credit: Ann Example",
                    "Sailors on the deck of a patrol boat (Photo by Ann Example/AFP)",
                    "FILE PHOTO: Sailors on the deck of a patrol boat in the strait, May 4, 2023.",
                    'A banner on the pier reads "Hold the line" REUTERS/Ann Example',
                    "Sailors on the deck, May 4, 2023. (Photo by Ann Example/AP Photo)",
                    "ALSO READ | Northern navy sends more boats to the strait",
                    "In this photo released by the northern navy, a boat leaves port, May 4, 2023.",
                    "Handout photo of a patrol boat leaving the northern port",
                    "The boats were built in the northern shipyard and entered service last year. / AFP",
                    "Sailors on the deck of a patrol boat Northern Daily/Photo by Ann Example"):
        doc = _doc(f"{EN_LEAD}\n\n{caption}\n\n{EN_NEXT}\n")
        assert doc.body == [EN_LEAD, EN_NEXT], caption
    # an agency's poll in a sentence is no photo credit
    said = "Support for the talks fell, a Reuters/Ipsos poll showed."
    assert _doc(f"{EN_LEAD}\n{said}\n").body == [EN_LEAD, said]


def test_layouts_related_headline_between_one_line_paragraphs_is_not_body() -> None:
    related = "Northern navy sends more boats to the disputed strait: Report"
    doc = _doc(f"{EN_LEAD}\n{related}\n{EN_NEXT}\n")
    assert doc.body == [EN_LEAD, EN_NEXT]
    assert [s.text for s in doc.parts("related")] == [related]


def test_layouts_last_line_cut_short_stays_body() -> None:
    cut = "The southern navy says its boats will keep patrolling the waters near the disputed islands"
    assert _doc(f"{EN_LEAD}\n{EN_NEXT}\n{cut}\n").body == [EN_LEAD, EN_NEXT, cut]
    doc = _doc(f"{EN_LEAD}\n{EN_NEXT}\nSOURCE: Example News Agency\n")
    assert [s.text for s in doc.parts("reference")] == ["Example News Agency"]


def test_layouts_hard_wrapped_paragraph_line_stays_body() -> None:
    # a paragraph wrapped at 70 characters: its first line has no full stop, the next starts
    # with a name, yet both are the story
    page = ("Patrol boats of the two navies collided near the middle of the strait.\n\n"
            "The northern navy said its boat had been rammed by the southern boat\n"
            "Harbour Star, which refused to turn back after a warning.\n")
    doc = _doc(page)
    assert not doc.parts("related")
    assert "The northern navy said its boat had been rammed by the southern boat" in " ".join(doc.body)


def test_layouts_english_site_notices_are_chrome() -> None:
    page = (f"Press \"Enter\" to skip to content\n{EN_LEAD}\n\n{EN_NEXT}\n\n"
            "Related Articles\n\nLeave a Reply\n\n"
            "Your email address will not be published. Required fields are marked *\n\n"
            "Back to top button\n")
    doc = _doc(page)
    assert doc.body == [EN_LEAD, EN_NEXT]
    doc = _doc(f"We use cookies to improve your experience on our site.\n{EN_LEAD}\n"
               f"Sign up for our daily newsletter\n{EN_NEXT}\n© 2024 Example Media. All rights reserved.\n")
    assert doc.body == [EN_LEAD, EN_NEXT]


def test_layouts_long_english_headline_over_its_lead() -> None:
    title = ("Patrol boats of the northern and southern navies collide near the middle of the "
             "disputed strait, both navies say")
    doc = _doc(f"{title}\n{EN_LEAD}\n")
    assert doc.title == title and doc.body == [EN_LEAD]
    # a long first line that ends its sentence is the lead itself
    doc = _doc(f"{EN_NEXT}\n{EN_LEAD}\n")
    assert doc.title is None and doc.body == [EN_NEXT, EN_LEAD]


def test_layouts_site_labels_over_the_headline_are_chrome() -> None:
    # A site's name, a counter and a "trending:" label over the headline: the headline is the title.
    page = f"WING\n9時間前\n海峡で哨戒艇が衝突\n海峡の中央付近、死傷者なし\n{LEAD}\n"
    doc = _doc(page)
    assert doc.title == "海峡で哨戒艇が衝突"
    assert [s.text for s in doc.parts("chrome")][:2] == ["WING", "9時間前"]
    assert doc.body == ["海峡の中央付近、死傷者なし", LEAD]
    page = f"trending:\nNews Flash\nTHE DAILY EXAMPLE\nPatrol boats collide in the strait\n{EN_LEAD}\n"
    doc = _doc(page)
    assert doc.title == "Patrol boats collide in the strait" and doc.body == [EN_LEAD]
    # With no headline, the labels are still not body.
    doc = _doc(f"毎日新聞\n[PR]\n{LEAD}\n")
    assert doc.title is None and doc.body == [LEAD]


def test_layouts_hard_wrapped_first_line_is_no_headline() -> None:
    page = ("NORTHPORT, Examplia, May 3 Patrol boats collided near the middle of the\n"
            "strait on Friday, both navies said.\nA coast guard officer said the boats were seen near the\n"
            "Northport lighthouse before the collision.\n")
    doc = _doc(page)
    assert doc.title is None
    assert doc.body == ["NORTHPORT, Examplia, May 3 Patrol boats collided near the middle of the strait on "
                        "Friday, both navies said.",
                        "A coast guard officer said the boats were seen near the Northport lighthouse "
                        "before the collision."]


def test_layouts_japanese_photo_credits_are_not_body() -> None:
    page = (f"海峡で哨戒艇が衝突\n{LEAD}\n"
            "衝突後の哨戒艇=北海通信提供\n"
            "港に戻る哨戒艇=ロイター\n"
            "※写真=北海海軍が撮影した哨戒艇(提供:北海海軍)\n"
            "画像提供, Example Agency\n画像説明,\n衝突現場の海峡の様子\n"
            "両国は協議を続ける方針だ。\n")
    doc = _doc(page)
    assert doc.body == [LEAD, "両国は協議を続ける方針だ。"]
    assert [s.text for s in doc.parts("credit")] == [
        "衝突後の哨戒艇=北海通信提供", "港に戻る哨戒艇=ロイター", "北海海軍が撮影した哨戒艇(提供:北海海軍)",
        "Example Agency", "衝突現場の海峡の様子"]


def test_layouts_english_credits_and_bylines_in_site_forms() -> None:
    page = ("Patrol boats collide in the strait\nby ANN EXAMPLE, Example Press - 05/03/24 11:45 AM ET\n"
            f"Photo : Example News Agency\n{EN_LEAD}\n"
            "The navy flag (Public domain, via Wikimedia Commons)\n")
    doc = _doc(page)
    assert doc.title == "Patrol boats collide in the strait"
    assert doc.body == [EN_LEAD]
    assert [s.text for s in doc.parts("credit")] == [
        "by ANN EXAMPLE, Example Press - 05/03/24 11:45 AM ET", "Example News Agency",
        "The navy flag (Public domain, via Wikimedia Commons)"]


def test_layouts_site_buttons_sources_and_editor_credits_are_not_body() -> None:
    page = (f"海峡で哨戒艇が衝突\n写真・動画\n{LEAD}\nスポンサーリンク\n引用:北海通信\n参照元∶Example News\n"
            "この記事をシェアする\nFacebook Twitter Youtube\n両国は協議を続ける方針だ。\n(編集:山田花子)\n"
            "（翻訳・北野一郎）\nこの記事へのコメントはありません。\n同じジャンルの記事を見る\n原文をPDFファイルで見る\n"
            "このカテゴリの一覧\nTOPへ戻る\n")
    doc = _doc(page)
    assert doc.body == [LEAD, "両国は協議を続ける方針だ。"]
    assert [s.text for s in doc.parts("reference")] == ["北海通信", "Example News"]
    assert [s.text for s in doc.parts("credit")] == ["(編集:山田花子)", "（翻訳・北野一郎）"]
    # A sentence that begins with この記事 and goes on is the story's.
    told = "この記事の取材に応じた住民は、哨戒艇が港に戻ったと話した。"
    assert _doc(f"{LEAD}\n{told}\n").body == [LEAD, told]


def test_layouts_headline_glued_to_breadcrumbs_or_printed_again() -> None:
    # Breadcrumbs glued to the headline, then the headline alone: the headline is the title.
    page = (f'ホームニュース【速報】北海軍、"演習への報復"で哨戒艇を派遣\n'
            f'【速報】北海軍、”演習への報復”で哨戒艇を派遣\n{LEAD}\n')
    doc = _doc(page)
    assert doc.title == "【速報】北海軍、”演習への報復”で哨戒艇を派遣"
    assert doc.body == [LEAD]
    # The headline printed again in full-width letters and other quotes is not body.
    doc = _doc(f'北海軍、"演習"でＴｕ－９５を追跡\n\n北海軍、”演習”でTu-95を追跡\n{LEAD}\n')
    assert doc.title == '北海軍、"演習"でＴｕ－９５を追跡' and doc.body == [LEAD]


def test_layouts_english_site_prompts_and_story_list_stamps_are_not_body() -> None:
    page = ("Patrol boats collide in the strait\nThis content was published on\n1 minute\n"
            "REUTERS/ANN EXAMPLE A patrol boat returns to the northern port on May 3, 2024.\n"
            f"{EN_LEAD}\nTranslated by Example Desk. Edited by Ann Example and Bo Test.\n"
            "Stay tuned with Example News Android App\nPlease enter your comment!\n"
            "Please enter your name here\n"
            "Sorry we are not currently accepting comments on this article.\n"
            "- Published\n- Published30 October 2017\n"
            "™ & © 2024 Example Network, Inc. All rights reserved.\n")
    doc = _doc(page)
    assert doc.title == "Patrol boats collide in the strait"
    assert doc.body == [EN_LEAD]
    assert len(doc.parts("credit")) == 2


def test_layouts_teasers_cut_short_are_links_not_body() -> None:
    page = f"{LEAD}\n北海軍は、哨戒艇の…\nRelated stories follow in the...\n両国は協議を続ける方針だ。\n"
    doc = _doc(page)
    assert doc.body == [LEAD, "両国は協議を続ける方針だ。"]
    assert [s.text for s in doc.parts("related")] == [
        "北海軍は、哨戒艇の…", "Related stories follow in the..."]
    cut = "両国は協議を続ける方針だ。北海軍は港に…"  # a paragraph cut at a paywall keeps its sentence
    assert _doc(f"{LEAD}\n{cut}\n").body == [LEAD, cut]
