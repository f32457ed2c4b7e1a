"""Actor phrases as real news writes them (tests/gold/actor_phrases_news.tsv) and the constructions
that set taught the resolver (``resolve.actor_phrase``)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from tests.resolve.conftest import phrase_rows

from frontwatch.resolve.actor_phrase import ActorPhraseResolver, load_sector_words

GOLD = Path(__file__).resolve().parents[1] / "gold" / "actor_phrases_news.tsv"
# The scorer's equivalence: the UN and its bodies are UNO, the PLOVER records write IGO.
SAME = {"IGO": "UNO"}
# Floors only go up. Batch 1, first contact (234 phrases, gold written before any run): country
# 0.825, sector 0.786 (en 0.837 / 0.766, ja 0.806 / 0.817); after the constructions below and the
# data rows of issue 13 batch 2: 0.940 / 0.970. Batch 2 (41 phrases, written after those changes),
# first contact 0.902 / 0.659; after its rows and constructions 0.976 / 0.976. Batch 3 (19
# phrases), first contact 0.895 / 0.789; after 高官, 評議会, TV and the WHO in Japanese 0.947 / 0.895.
# All three now (294): country 0.946, sector 0.966 (en 0.931 / 0.966, ja 0.967 / 0.967).
# Batch 4 (70 phrases by a separate hand, 55 kept here: two sentences a page at most), first
# contact 0.871 / 0.800; after defence ministers as MIL and 8 rows 0.929 / 0.871. All four (349):
# 0.957 / 0.960. Batch 5 (ninth build, 80 phrases by a separate hand, 62 kept), first contact
# 0.800 / 0.688 on all 80; after the sector words 中将/少将…, 紙, 保安局, "peacekeepers", the New
# People's Army, no sector for an IGO's troops and context places read among the countries named:
# 0.838 / 0.750 (the 62 kept: 0.839 / 0.742). All five (411): 0.942 / 0.927; the sector floor
# follows the set down, not the resolver: on the 349 of batches 1-4 it is 0.960 / 0.960.
# Batch 6 (tenth build, 60 phrases by a separate hand, 52 kept), first contact 0.833 / 0.717 on all
# 60 (the odd half, scored once more after the even half's words: 0.833 / 0.767); after terrorist
# groups as REB, a head of mission, "presidency", "division", 会社/企業 as BUS and 外務次官:
# 0.883 / 0.800. All six (463): 0.935 / 0.920.
COUNTRY_FLOOR = 0.92
SECTOR_FLOOR = 0.92
LANGUAGE_FLOOR = 0.90  # country, each language on its own


def _rows() -> list[dict[str, str]]:
    return phrase_rows(GOLD)


def test_actor_phrases_news_gold_is_well_formed() -> None:
    rows = _rows()
    sectors = {s for lang in ("en", "ja") for _, s in load_sector_words(lang).words}
    assert len(rows) >= 150 and {r["lang"] for r in rows} == {"en", "ja"}
    assert len({r["code"] for r in rows if r["code"] not in ("IGO", "UNO", "IMG", "-")}) >= 30
    for r in rows:
        assert r["code"] == "-" or len(r["code"]) == 3, r
        assert r["sector"] == "-" or r["sector"] in sectors, r
        assert r["url"].startswith("http") and len(r["context"]) <= 400, r


def test_actor_phrases_news_accuracy_floor(resolver: ActorPhraseResolver) -> None:
    rows = _rows()
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    misses = []
    for r in rows:
        a = resolver.resolve(r["text"], lang=r["lang"], context=r["context"])
        code_ok = SAME.get(a.code or "-", a.code or "-") == SAME.get(r["code"], r["code"])
        sector_ok = (a.sector or "-") == r["sector"]
        for key in ("all", r["lang"]):
            total[key] += 1
            right[key + " country"] += code_ok
            right[key + " sector"] += sector_ok
        if not (code_ok and sector_ok):
            misses.append(f"{r['text']}: {a.code}/{a.sector}")
    assert right["all country"] / total["all"] >= COUNTRY_FLOOR, misses
    assert right["all sector"] / total["all"] >= SECTOR_FLOOR, misses
    for lang in ("en", "ja"):
        assert right[lang + " country"] / total[lang] >= LANGUAGE_FLOOR, (lang, misses)


@pytest.mark.parametrize(("text", "context", "want"), [
    # a bare name takes the title written before it, or its apposition, in the context
    ("Juan Carlos Jobet", "On Monday, Chile's Energy Minister Juan Carlos Jobet presented the plan.",
     ("CHL", "GOV")),
    ("Samuel Aruwan", "Samuel Aruwan, the state commissioner for internal security, said gunmen hit a "
     "village in Nigeria's Kaduna state.", ("NGA", "GOV")),
    ("Samuel Aruwan", "", (None, None)),
    # the phrase written after a country elsewhere in the context
    ("トゥスク首相", "トゥスク首相はロシアを非難した。ポーランドのトゥスク首相は10日、協議を要請した。",
     ("POL", "GOV")),
])
def test_actor_phrases_news_names_from_context(resolver: ActorPhraseResolver, text: str, context: str,
                                               want: tuple[str | None, str | None]) -> None:
    a = resolver.resolve(text, context=context)
    assert (a.code, a.sector) == want


@pytest.mark.parametrize(("text", "want"), [
    ("French Ambassador to Moscow Pierre Levy", ("FRA", "GOV")),  # the host is not the party
    ("Russian forces in Syria", ("RUS", "MIL")),
    ("US and UK forces", ("USA", "MIL")),  # the first of two states joined by "and"
    ("the Armed Forces of the Philippines", ("PHL", "MIL")),  # head word before "of"
    ("Hassan Sheikh Mohamud, the president of Somalia", ("SOM", "GOV")),
    ("A military spokesman", (None, "MIL")),  # a member word takes the body word before it
    ("Dhaka Metropolitan Police (DMP) spokesman", ("BGD", "COP")),
    ("the police spokesperson in the Adamawa state", ("NGA", "COP")),  # not "state" after "in"
    ("インドの外務省報道官", ("IND", "GOV")),  # 外務省 after Xの is X's, not Japan's
    ("中国の王毅外相", ("CHN", "GOV")),
    ("キーウの軍当局トップ", ("UKR", "MIL")),
    ("海上保安庁", ("JPN", "COP")),  # not 保安庁 (a security service)
    ("パキスタンのタリバン運動", ("PAK", "REB")),
    ("the spokesman of the Supreme Court", (None, "JUD")),  # a member word, its body after "of"
    ("Pro-government forces in Tripoli", ("LBY", "MIL")),  # a capital as a place: the head before
    ("フィリピン警察の特別部隊", ("PHL", "COP")),  # the police's unit
    ("主要野党連合「国民救済戦線」", (None, "OPP")),  # not 国民 inside the quoted name
])
def test_actor_phrases_news_constructions(resolver: ActorPhraseResolver, text: str,
                                          want: tuple[str | None, str | None]) -> None:
    a = resolver.resolve(text)
    assert (a.code, a.sector) == want


def test_actor_phrases_news_congo_follows_the_article(resolver: ActorPhraseResolver) -> None:
    assert resolver.resolve("コンゴ政府").code == "COG"
    ctx = "M23が東部の主要都市ゴマに進軍する中、コンゴ政府は外交官を引き揚げさせた。"
    assert resolver.resolve("コンゴ政府", context=ctx).code == "COD"


def test_actor_phrases_news_place_in_a_name_needs_the_context(resolver: ActorPhraseResolver) -> None:
    phrase = "The minister of Justice and Public Security, Flavio Dino"
    ctx = f"{phrase} said no foreign force rules the Federal Police in Brazil."
    assert resolver.resolve(phrase, context=ctx).code == "BRA"  # not Justice, Illinois
    assert resolver.resolve("Minsk police station", context=ctx).code == "BLR"  # place before its head
