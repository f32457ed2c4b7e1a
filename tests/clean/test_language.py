"""Script-based language of a line."""

from __future__ import annotations

import pytest

from frontwatch.clean.language import detect_language, main_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("北海軍は演習を始めた。", "ja"),
        ("北海軍がNorthstarとSeawolfによる編隊飛行を披露", "ja"),
        ("The navy began an exercise.", "en"),
        ("Министерство обороны сообщило об учениях", "ru"),
        ("Міністерство оборони повідомило про навчання", "uk"),
        ("Հայաստանի պաշտպանության նախարարություն", "hy"),
        ("국방부는 훈련을 시작했다", "ko"),
        ("国防部宣布开始演习", "zh"),
        ("12345 !!", None),
    ],
)
def test_language_detect(text: str, lang: str | None) -> None:
    assert detect_language(text) == lang


def test_language_kanji_only_label_follows_page() -> None:
    assert detect_language("欧州関連", page_language="ja") == "ja"
    assert detect_language("欧州関連") == "zh"


def test_language_main_language_by_letters() -> None:
    assert main_language(["北海軍は演習を始めた。演習は三日間続く。", "Short English line."]) == "ja"
    assert main_language([]) is None
