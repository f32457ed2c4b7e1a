"""The places named in the seed articles' event sentences, and the words that are not places."""

from __future__ import annotations

import collections
import re
from pathlib import Path

import pytest

from frontwatch.resolve.gazetteer import distance_km
from frontwatch.resolve.places import GazetteerGeocoder, find_places

# GeoNames coordinates (geonameid in the comment); regions: the supplement's centre.
SEED_PLACES = {
    "ゴリス": (39.51111, 46.34168),  # Goris 174895
    "ソトク": (40.20007, 45.86951),  # Sotk 616041
    "ジェルムク": (39.83948, 45.67112),  # Jermuk 174884
    "ダシュカサン": (40.52393, 46.08186),  # Dashkasan 586765
    "カルバジャル": (40.10984, 46.04446),  # Kalbajar 586268
    "ラチン": (39.63742, 46.54977),  # Lachin 147625
    "セブ湖": (39.58, 45.98),  # Sev Lake (Sev Lich) in Syunik, not Lake Sevan
    "シュニク": (39.4, 46.1),  # Syunik province
    "ステパナケルト": (39.8177, 46.7528),  # Stepanakert / Khankendi 146970
    "ギャンジャ": (40.68157, 46.36134),  # Ganja 586523
    "タルタル": (40.34201, 46.93161),  # Tartar 584871
    "アグダム": (39.99096, 46.92736),  # Aghdam 148619
    "ミンスク": (53.90019, 27.56653),  # Minsk 625144
    "モスクワ": (55.75204, 37.61781),  # Moscow 524901
    "ナゴルノ・カラバフ": (39.9, 46.7),  # Nagorno-Karabakh region
}
CONTEXT = ("ARM", "AZE", "RUS", "BLR")

# Ordinary katakana words of conflict news that are not places: people, weapons, loanwords.
NOT_PLACES = (
    "パシニャン", "ショイグ", "ゼレンスキー", "ブリンケン", "ミサイル", "ドローン", "ロケット", "システム",
    "ハイマース", "プーチン", "ルカシェンコ", "アリエフ", "ページ", "リンク", "コメント", "コスト", "リスク",
    "パトロール", "インフラ", "バイデン", "ジャベリン", "ヤクザ", "ドル", "トップ",
)
def _words(text: str) -> list[str]:
    return text.split()


# Place and country names of the seed articles: excluded when ranking their non-place words.
KNOWN_PLACE_WORDS = frozenset({
    *SEED_PLACES,
    *_words("ロシア アゼルバイジャン アルメニア ウクライナ トルコ ベラルーシ イスラエル イラン ポーランド"),
    *_words("アゼル アメリカ ナゴルノカラバフ コーカサス アルツァフ インド ザンゲズール ガザ フランス"),
    *_words("ドイツ バクー イラク スペイン キエフ ハリコフ セブ ソ ロ バフムート クリミア シリア"),
    *_words("ジョージア カザフスタン ギリシャ キルギス タジキスタン スロバキア カナダ チェコ エレバン"),
    *_words("ナヒチェヴァン ナゴカラ アゼリ"),
})


@pytest.mark.parametrize("name", sorted(SEED_PLACES))
def test_places_seed_names_resolve_within_25km(name: str, geocoder: GazetteerGeocoder) -> None:
    place = geocoder.lookup(name, countries=CONTEXT, lang="ja", place_context=True)
    assert place is not None and place.lat is not None and place.lon is not None, name
    lat, lon = SEED_PLACES[name]
    assert distance_km(place.lat, place.lon, lat, lon) <= 25.0, place


@pytest.mark.parametrize("name", sorted(SEED_PLACES))
def test_places_seed_names_found_in_a_sentence(name: str, geocoder: GazetteerGeocoder) -> None:
    text = f"部隊が{name}周辺に展開した。"
    found = find_places(text, lang="ja", geocoder=geocoder, countries=CONTEXT)
    assert [m.text for m in found] == [name]


@pytest.mark.parametrize("word", NOT_PLACES)
def test_places_non_place_words_give_no_place(word: str, geocoder: GazetteerGeocoder) -> None:
    texts = (f"{word}が攻撃を受けた。", f"{word}周辺で爆発があった。", f"ゴリス、{word}などが話題になった。")
    for text in texts:
        found = find_places(text, lang="ja", geocoder=geocoder, countries=CONTEXT)
        assert word not in [m.text for m in found], (text, found)


@pytest.mark.seeds
def test_places_commonest_seed_non_place_words_give_no_place(
    seeds_dir: Path, geocoder: GazetteerGeocoder
) -> None:
    """The 17 commonest katakana words of the seeds that are not places resolve to nothing there."""
    counts: collections.Counter[str] = collections.Counter()
    sentences: dict[str, list[str]] = collections.defaultdict(list)
    for path in sorted(seeds_dir.glob("*.txt")):
        for sentence in re.split(r"(?<=[。\n])", path.read_text(encoding="utf-8")):
            for word in re.findall(r"[ァ-ヺー][ァ-ヺー・]*[ァ-ヺー]", sentence):
                counts[word] += 1
                sentences[word].append(sentence)
    common = [w for w, _ in counts.most_common() if w not in KNOWN_PLACE_WORDS][:17]
    assert len(common) == 17
    for word in common:
        for sentence in sentences[word]:
            found = find_places(sentence, lang="ja", geocoder=geocoder, countries=CONTEXT)
            assert word not in [m.text for m in found], (word, sentence[:40])
