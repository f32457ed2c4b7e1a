"""English and Japanese names of one party resolve alike (issues 12/13): data-driven pairs."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from frontwatch.resolve.actors import ActorDictionary

ACTORS = ActorDictionary.load()
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "actor_pairs.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fw_actor_pairs", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PAIRS = _script()
TABLE = PAIRS.rows_by_language(PAIRS.DEFAULT_FOLDER, frozenset({"group", "org", "igo"}))
SHARED = sorted(set(TABLE["en"]) & set(TABLE["ja"]))

# Parties many articles name in both languages (the list): English form, Japanese form.
NAMED = [
    ("al-Shabaab", "アル・シャバブ"), ("Al Shabaab", "シャバブ"), ("al-Shabab", "アルシャバーブ"),
    ("PKK", "クルド労働者党"), ("Kurdistan Workers' Party", "PKK"), ("Hamas", "ハマス"),
    ("Hezbollah", "ヒズボラ"), ("Houthis", "フーシ派"), ("Taliban", "タリバン"), ("Wagner", "ワグネル"),
    ("ISIS", "イスラム国"), ("Islamic State", "ISIS"), ("JNIM", "JNIM"), ("Boko Haram", "ボコ・ハラム"),
    ("M23", "M23"), ("March 23 Movement", "3月23日運動"), ("Arakan Army", "アラカン軍"),
    ("RSF", "即応支援部隊"), ("Rapid Support Forces", "RSF"), ("Kachin Independence Army", "カチン独立軍"),
    ("KIA", "KIA"), ("ELN", "ELN"), ("FARC", "コロンビア革命軍"), ("al-Qaeda", "アルカイダ"),
    ("Syrian Democratic Forces", "シリア民主軍"), ("LTTE", "タミル・イーラム解放のトラ"),
    ("People's Defence Force", "国民防衛隊"), ("Sudanese Armed Forces", "SAF"),
    ("Libyan National Army", "リビア国民軍"), ("SBU", "ウクライナ保安庁"), ("Azov", "アゾフ連隊"),
]


def _whole(text: str, lang: str) -> tuple[str, str | None]:
    found = [m for m in ACTORS.find(text, lang) if m.text == text]
    assert found, f"{text!r} ({lang}) names no party"
    return found[0].entity.code, found[0].entity.sector


# Years a party's rows are compared in: a party may change country or sector over time (South
# Sudan's independence made the SPLA its army in 2011), never within one year.
YEARS = (1995, 2005, 2010, 2011, 2015, 2020, 2026)


def test_actor_pairs_every_shared_party_has_one_code_and_sector() -> None:
    assert len(SHARED) >= 40
    for key in SHARED:
        for year in YEARS:
            labels = {(r.code, r.sector) for lang in ("en", "ja") for r in TABLE[lang][key] if r.active(year)}
            assert len(labels) <= 1, (key, year, labels)


def _whole_in(text: str, lang: str, year: int) -> tuple[str, str | None]:
    found = [m for m in ACTORS.find(text, lang, year=year) if m.text == text]
    assert found, f"{text!r} ({lang}, {year}) names no party"
    return found[0].entity.code, found[0].entity.sector


@pytest.mark.parametrize("key", SHARED)
def test_actor_pairs_resolver_gives_each_written_form_its_row(key: str) -> None:
    rows = [r for lang in ("en", "ja") for r in TABLE[lang][key] if "{" not in r.pattern]
    for year in YEARS:
        wanted = {(r.code, r.sector) for r in rows if r.active(year)}
        for row in rows:
            lang = "ja" if row.lang == "*" else row.lang
            if row.active(year):
                assert {_whole_in(row.pattern, lang, year)} == wanted, (row.pattern, year)


@pytest.mark.parametrize(("en", "ja"), NAMED)
def test_actor_pairs_named_party_resolves_alike_in_both_languages(en: str, ja: str) -> None:
    assert _whole(en, "en") == _whole(ja, "ja")
    assert _whole(en, "en")[1] in {"REB", "MIL", "SPY"}


def test_actor_pairs_report_lists_a_one_sided_name(tmp_path: Path) -> None:
    header = "pattern\tlang\tcode\tsector\tname\tkind\tstart\tend\tsource\n"
    en_rows = ("Gulf Clan\ten\tCOL\tCRM\tClan del Golfo\tgroup\t\t\tx\n"
               "RSF\ten\tSDN\tMIL\tRapid Support Forces\tgroup\t\t\tx\n")
    (tmp_path / "en.tsv").write_text(header + en_rows, encoding="utf-8")
    (tmp_path / "ja.tsv").write_text(header + "RSF\tja\tSDN\tREB\tRapid Support Forces\tgroup\t\t\tx\n",
                                     encoding="utf-8")
    lines = PAIRS.report(PAIRS.rows_by_language(tmp_path, frozenset({"group"})))
    assert lines[1].startswith("clan del golfo\t")
    assert lines[-1] == "rapid support forces\ten [('SDN', 'MIL')]\tja [('SDN', 'REB')]"
