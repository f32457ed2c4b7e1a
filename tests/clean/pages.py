"""Hand-written test pages in the layout of the blog genre. Every sentence is our own."""

from __future__ import annotations

BLOG_PAGE = """アジア関連

架空の海峡で哨戒艇が衝突、双方が相手の挑発を非難

北海軍の哨戒艇が3日未明、南海の哨戒艇と海峡の中央付近で衝突したと両国の海軍が発表した。

参考:Patrol boats collide in the strait, both navies say
参考:Navy blames the other side for the collision

衝突した哨戒艇の写真を公開する北海海軍

北海海軍は「南海の艇が進路を塞いだ」と主張している。

出典:Example Navy / CC BY 4.0

南海海軍は衝突の責任は北海側にあると反論した。

関連記事:北海と南海が漁業協定の交渉を再開

※アイキャッチ画像の出典:Example Photo Agency

架空の海峡で漁船が拿捕される前のページ

北海海軍が新型哨戒艇を公開次のページ

関連記事

  1. アジア関連

    北海と南海が漁業協定の交渉を再開

    両国の代表は5日、漁業協定の交渉を…

  2. 欧州関連

    架空の同盟が合同演習を計画

    同盟の加盟国は来月…

コメント

    • 読者A
    • 2024年 3月 3日

    また衝突か。
    早く落ち着いてほしい。

    12
      • 読者B
      • 2024年 3月 4日

      同感です。

      3
    • 2024年 3月 3日

    名前のない読者のコメント。

    7
  1. 番号だけのコメント。
    二行目。

    2
    • 番号も名前もない返信。
      続きの行。

      1
    • 読者C
    • 2024年 3月 5日

    いいね数のないコメント。

  1. この記事へのトラックバックはありません。

  1. アジア関連

    人気記事の見出し
PAGE TOP
"""

NEWS_PAGE = """Ceasefire talks resume in the capital

Negotiators from both sides met on Monday for the first time in a month,
officials said, and agreed to meet again next week.

The talks are mediated by a neighbouring government.
"""

PLAIN_COMMENTS_PAGE = """北海軍が演習を開始、南海は強く反発した。
参考:Northern navy begins drills
北海軍は5日から大規模な演習を始めたと発表した。
南海政府は演習の中止を求めている。
告知:記事にできなかった話題は別の場所で紹介します。
※アイキャッチ画像の出典:Example Photo Agency
演習はいつまで続くのだろう。
・一つ目の論点
・二つ目の論点
南海も対抗して演習を始めそうだ。
"""
